"""The places a collective word stands for when they sign (两国, 两省, 两市, 两地): the
governments of the states or divisions the article named before."""

from __future__ import annotations

import re

from kg.extract.builder import Found, country_entity
from kg.extract.governments import foreign_local, government, state_codes
from kg.records import Entity

__all__ = ["named_places", "spoken_states"]


def named_places(f: Found, i: int, kind: str, want: int, hi: int | None = None) -> list[Entity]:
    """两国/两省/两市 standing for places, not bodies: the governments of exactly ``want``
    states named in the article up to sentence ``i`` (两国 of 中国 and 智利), or provinces or
    prefecture-level cities named in its paragraph (两地: provinces and cities, in the
    paragraph only); none when more or fewer are named. Provinces and cities are read up to
    ``hi`` (the collective word: 两地在上海签署 names the venue after it)."""
    if want < 2 or kind not in ("国", "省", "市", "地", "州"):
        return []
    norm, prep, lex = f.norm, f.prep, f.lex
    ss, se = prep.bounds[i]
    span = f.b.sentence_span(i)
    if kind == "国":
        codes = list(
            dict.fromkeys(
                lex.country_names[m.group()] for m in lex.country_re.finditer(norm, 0, se)
            )
        )
        if want == 2 and len(codes) == 1 and codes[0] != "CN" and _paired(f, codes[0], se):
            codes.insert(0, "CN")  # 老挝…中老关系…两国签署: China, paired with it
        if len(codes) != want:
            return []
        return [government(f, country_entity(code, lex), span) for code in codes]
    first = i
    while first > 0 and prep.paragraph[first - 1] == prep.paragraph[i]:
        first -= 1
    end = se if hi is None else hi
    places = _places_of_kind(f, prep.bounds[first][0], end, kind)
    if not places and kind != "地":
        # 会上，两省签署了…: a paragraph of its own, after the article named the two
        places = _places_of_kind(f, 0, end, kind)
    # 拉萨市与尼泊尔加德满都市…两市签署: a city of another state named in the paragraph
    abroad = _foreign_places(f, prep.bounds[first][0], end, kind)
    if kind == "地" and not abroad and len(places) != want:
        # 福建…厦门市和泉州市…两地: the two of one level (a city, a prefecture), the province
        # around them aside
        for level in ("地级", "省"):
            of_level = _places_of_kind(f, prep.bounds[first][0], end, level)
            if len(of_level) == want:
                places = of_level
                break
    if len(places) + len(abroad) != want:
        return []
    governments = [(ent_start, government(f, ent, span)) for ent_start, ent in places.values()]
    return [gov for _at, gov in sorted(governments + abroad, key=lambda g: g[0])]


def _paired(f: Found, code: str, hi: int) -> bool:
    """True when China and the state ``code`` are written as a pair of abbreviations before
    ``hi`` (中老关系, 老中两国)."""
    norm = f.norm
    return any(
        code in state_codes(f, norm[max(0, k - 1) : k + 1]) + state_codes(f, norm[k : k + 2])
        for k in (m.start() for m in re.finditer("中", norm[:hi]))
    )


# A city or a province of another state, after the state's name (尼泊尔加德满都市).
_FOREIGN_PLACE = re.compile(
    r"(?:(?![与和同及])[\u4e00-\u9fff]){2,8}?(州|省|市)(?=[与和同、及是的,，。;；])"
)
# Which of them a collective word stands for.
_FOREIGN_KINDS = {"市": ("市",), "省": ("省", "州"), "地": ("市", "省", "州"), "州": ("州",)}


def _foreign_places(f: Found, lo: int, hi: int, kind: str) -> list[tuple[int, Entity]]:
    """The governments of the other states' cities or provinces named in ``norm[lo:hi]``."""
    out: list[tuple[int, Entity]] = []
    for m in f.lex.country_re.finditer(f.norm, lo, hi):
        code = f.lex.country_names[m.group()]
        place = _FOREIGN_PLACE.match(f.norm, m.end(), hi + 1)
        if (
            code != "CN"
            and place is not None
            and place.group(1) in _FOREIGN_KINDS.get(kind, ())
            and not f.lex.country_re.search(place.group())
        ):
            out.append((m.start(), foreign_local(f, code, place.group(), m.start())))
    return out


# The day of a dateline, after the place the report was filed in (南宁11月2日讯, 北京5月8日电).
_DATELINE_DAY = re.compile(r"\d{1,2}月\d{1,2}日(?:电|讯)")


def _places_of_kind(f: Found, lo: int, hi: int, kind: str) -> dict[str, tuple[int, Entity]]:
    """The provinces (``kind`` 省), prefecture-level cities (市), prefectures (州) or both
    provinces and cities (地) named in ``norm[lo:hi]``, by code, in text order, with where
    each is first named."""
    places: dict[str, tuple[int, Entity]] = {}
    for start in sorted(f.place_at):
        ent, _end = f.place_at[start]
        if not lo <= start < hi or not ent.code:
            continue
        if start > 0 and f.norm[start - 1] in "在于":
            continue  # 会议在福州召开: where they met, not one of them (到广东考察 is)
        if _DATELINE_DAY.match(f.norm, _end):
            continue  # 本报南宁11月2日讯: where the report was filed
        city = ent.label.endswith("市") and ent.code.endswith("00")
        province = ent.code.endswith("0000") and not ent.label.endswith("市")
        prefecture = ent.label.endswith("州") and ent.code.endswith("00") and not province
        wanted = {
            "地": city or province,
            "市": city,
            "州": prefecture,
            "地级": city or prefecture,
        }.get(kind, province)
        if wanted:
            places.setdefault(ent.code, (start, ent))
    return places


# 中方, 尼方: a state's side by its abbreviation (西方, 南方: directions); 中老两国, 俄中关系: a
# pair of them.
_SIDE = re.compile(r"([^东南西北\W\d_a-zA-Z])方")
_PAIR = re.compile(r"([\u4e00-\u9fff]{2})(?:两国|关系)")


def spoken_states(f: Found, i: int, hi: int) -> list[Entity]:
    """双方 where no body stands for it: the governments of China and the one other state
    whose sides the article spoke of in sentence ``i`` up to ``hi`` or the three before it
    (七、中方愿同俄方…。八、双方对签署…表示满意; 老中友谊深厚，双方签署了…); none unless exactly
    those two."""
    lo = f.prep.bounds[max(0, i - 3)][0]
    codes: dict[str, int] = {}
    for m in _SIDE.finditer(f.norm, lo, hi):
        for code in state_codes(f, "中" + m.group(1)) if m.group(1) != "中" else ["CN"]:
            codes.setdefault(code, m.start())
    for m in _PAIR.finditer(f.norm, lo, hi):
        for code in state_codes(f, m.group(1)):
            codes.setdefault(code, m.start())
    if len(codes) != 2 or "CN" not in codes:
        return []
    span = f.b.sentence_span(i)
    return [
        government(f, country_entity(code, f.lex), span) for code in sorted(codes, key=codes.get)
    ]
