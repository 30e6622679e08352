"""The places a 省, 市, 区 or 县 written alone stands for (市发展改革委 is the 市 of the
article, or of its section): the article's own place of each level, and the nearest one
named before in the paragraph."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable

from kg.extract.divisions import MUNICIPALITIES, PlaceHit
from kg.extract.lexicon import Lexicon
from kg.extract.text import Prepared

__all__ = ["main_places_at"]


def _main_places(places: list[PlaceHit], lex: Lexicon) -> dict[int, str]:
    """The article's own place per level: the most frequent one (市发展改革委 is its 市)."""
    counts: dict[int, Counter[str]] = {1: Counter(), 2: Counter(), 3: Counter()}
    for h in places:
        if not h.code:
            continue
        d = lex.divisions.by_code[h.code]
        if d.level == 1 and d.province in MUNICIPALITIES:
            counts[2][d.code] += 1  # 重庆市 is the 市 of a Chongqing article
        counts[d.level][d.code] += 1
        if d.level >= 2:
            counts[1][d.province + "0000"] += 0.5
    out: dict[int, str] = {}
    for level, c in counts.items():
        if c:
            best = max(c.values())
            out[level] = next(code for code, n in c.items() if n == best)
    return out


# The 市 of 市住建局 is a place whose name ends in 市, and so on.
_SHORT_LEVELS = {"省": (1,), "市": (2, 3), "区": (3,), "县": (3,), "州": (2,)}
# Mentions of places in a second province that make an article one of two provinces.
_SECOND_PROVINCE = 4


def main_places_at(
    places: list[PlaceHit], prep: Prepared, lex: Lexicon
) -> Callable[[int], dict[str, str]]:
    """The place a 省, 市, 区, 县 or 州 written alone (市发展改革委) stands for, at a position: the
    nearest such place named before it in its paragraph (the 市 of a city's section of a
    long report), else the article's own place of that level."""
    article = _main_places(places, lex)
    fallback = {
        c: article[levels[0]]
        for c, levels in _SHORT_LEVELS.items()
        if levels[0] in article and (c != "州" or lex.divisions.by_code[article[2]].name[-1] == c)
    }  # (州 stands only for an autonomous prefecture: 代表州政府签署)
    # 县 and 区 stand for the county or the district the article names most (not a
    # county-level 市 it names more: 同仁市…化隆县…县住建局)
    for char in "区县":
        ends = Counter(
            h.code for h in places if h.code and lex.divisions.by_code[h.code].name[-1] == char
        )
        ends = Counter({c: n for c, n in ends.items() if lex.divisions.by_code[c].level == 3})
        if ends:
            fallback[char] = ends.most_common(1)[0][0]
        elif char == "县":
            fallback.pop(char, None)  # (区 may still be a 自治区's, told by the agency reader)
    # 林州市 named more than any prefecture-level city: the 市 of a county-level city's article
    cities = Counter(
        h.code
        for h in places
        if h.code
        and lex.divisions.by_code[h.code].name.endswith("市")
        and (
            lex.divisions.by_code[h.code].level in (2, 3)
            or lex.divisions.by_code[h.code].province in MUNICIPALITIES  # (重庆市)
        )
    )
    if cities:
        top, n = cities.most_common(1)[0]
        if lex.divisions.by_code[top].level == 3 and n > cities.get(fallback.get("市", ""), 0):
            fallback["市"] = top
    # the places a 省, 市, 区 or 县 may stand for, by that character, in text order
    coded: dict[str, list[tuple[int, str]]] = {char: [] for char in _SHORT_LEVELS}
    municipal: list[tuple[int, str]] = []  # 上海: a 市 too, of the sentence it is named in
    for start, code in sorted((h.start, h.code) for h in places if h.code):
        d = lex.divisions.by_code[code]
        char = d.name[-1]
        if char in _SHORT_LEVELS and d.level in _SHORT_LEVELS[char]:
            coded[char].append((start, code))
        elif d.level == 1 and d.province in MUNICIPALITIES:
            municipal.append((start, code))
    paragraph_start = {}
    for i, para in enumerate(prep.paragraph):
        paragraph_start.setdefault(para, prep.bounds[i][0])

    named = Counter(h.code for h in places if h.code)
    # an article that tells of two provinces at length (a leader's work in each) has no
    # province of its own: 省 alone stands only for one named in its paragraph
    provinces = Counter(
        code[:2]
        for code in named.elements()
        if lex.divisions.by_code[code[:2] + "0000"].name.endswith("省")
    )
    if len(provinces) > 1:
        (_, first), (_, second) = provinces.most_common(2)
        if second >= _SECOND_PROVINCE and second * 2 > first:
            fallback.pop("省", None)

    def at(pos: int) -> dict[str, str]:
        floor = paragraph_start[prep.paragraph[prep.sentence_at(pos)]]
        mains = dict(fallback)
        for char, places in coded.items():
            k = bisect_left(places, (pos,)) - 1  # the last such place before pos
            # (one named once in another sentence, 杭州专家来访。, is not the place of a section)
            if (
                k >= 0
                and places[k][0] >= floor
                and (
                    named[places[k][1]] > 1
                    or char not in mains
                    or prep.sentence_at(places[k][0]) == prep.sentence_at(pos)
                )
            ):
                mains[char] = places[k][1]
        k = bisect_left(municipal, (pos,)) - 1
        c = bisect_left(coded["市"], (pos,)) - 1
        if (
            k >= 0
            and prep.sentence_at(municipal[k][0]) == prep.sentence_at(pos)
            and (c < 0 or coded["市"][c][0] < municipal[k][0])  # (上海和苏州市…市…: 苏州)
        ):
            # 上海静安区委会同…市交通委: the municipality the sentence names, whatever the
            # article's city (not one of an earlier sentence: 北京企业在津…。市合作交流办…)
            mains["市"] = municipal[k][1]
        return mains

    return at
