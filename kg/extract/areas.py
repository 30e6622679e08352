"""Functional areas without a division code (成都高新区, 四川天府新区成都直管区) and science cities."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.divisions import PlaceHit
from kg.extract.lexicon import Lexicon, Tokens, trie_pattern

__all__ = ["AreaHit", "find_areas", "find_science_cities", "canonical_area"]

# The written suffix that has a longer official form when it ends the name.
_EXPAND = {
    "高新区": "高新技术产业开发区",
    "经开区": "经济技术开发区",
    "自贸区": "自由贸易试验区",
}
# A modifier between place and suffix is a name, not a clause: it holds none of these.
_MODIFIER = r"[\u4e00-\u9fff]"
_NOT_IN_MODIFIER = frozenset("的和与及在为是将把对从向、等个")
_MAX_MODIFIER = 6
_DIRECTIONS = ("东部", "西部", "南部", "北部", "中部", "东", "西", "南", "北", "中国")
_SCIENCE_CITY = "科学城"


@dataclass
class AreaHit:
    """A named area (functional District or ScienceCity) in the normalised text."""

    start: int
    end: int
    label: str
    place: PlaceHit | None  # the division its name starts with
    basis: str = "exact"
    name_start: int | None = None  # science city: where its own name starts
    modifier: str = ""  # 东湖 in 武汉东湖新技术开发区
    suffix: str = ""  # 新技术开发区


# Written suffixes that name the same kind of area (东湖高新区 = 武汉东湖新技术开发区).
_SUFFIX_KIND = {
    "高新区": "hitech",
    "高新技术产业开发区": "hitech",
    "高新技术开发区": "hitech",
    "新技术开发区": "hitech",
    "经开区": "econ",
    "经济技术开发区": "econ",
    "经济开发区": "econ",
    "自贸区": "ftz",
    "自贸试验区": "ftz",
    "自由贸易试验区": "ftz",
}
# Suffixes an area may carry without a place before it (雄安新区, 河套深港科技创新合作区).
_BARE_SUFFIXES = (
    "高新技术产业开发区",
    "经济技术开发区",
    "自由贸易试验区",
    "新技术开发区",
    "综合保税区",
    "合作区",
    "高新区",
    "经开区",
    "开发区",
    "自贸区",
    "工业园区",
    "新区",
    "片区",
)
_BARE_RE = re.compile("|".join(_BARE_SUFFIXES))
_COMMITTEE_AFTER = re.compile(r"管委会|管理委员会|党工委")
_BARE_FOLLOW = frozenset(",，。;；:、)与和及的将是")
_MAX_BARE_MODIFIER = 10


def _kind(suffix: str) -> str:
    return _SUFFIX_KIND.get(suffix, suffix)


_pattern_cache: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def _patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    pats = _pattern_cache.get(id(lex))
    if pats is None:
        suffixes = lex.area_suffixes
        first = re.compile(
            rf"(?P<mod>{_MODIFIER}{{0,{_MAX_MODIFIER}}}?)(?P<suf>{trie_pattern(suffixes)})"
        )
        chain = re.compile(rf"(?P<mod>{_MODIFIER}{{0,4}}?)(?P<suf>直管区|直管园|新片区|片区|园区)")
        pats = (first, chain)
        _pattern_cache[id(lex)] = pats
    return pats


def canonical_area(name: str) -> str:
    """Official form of an area name: a final 高新区 is a 高新技术产业开发区."""
    for short, full in _EXPAND.items():
        if name.endswith(short):
            return name[: -len(short)] + full
    return name


def find_areas(norm: str, places: list[PlaceHit], lex: Lexicon) -> list[AreaHit]:
    """Areas named by a place, an optional modifier and an area suffix, chained."""
    first, chain = _patterns(lex)
    out: list[AreaHit] = []
    covered = 0
    starts = {p.start for p in places}
    for p in places:
        if p.start < covered or p.end in starts:
            continue  # 天津滨海新区: 滨海新区 is a division of its own, not a modifier
        start = p.start
        # 中国(上海)自由贸易试验区: the country and the bracket belong to the name
        if start >= 3 and norm[start - 3 : start] == "中国(":
            start -= 3
        pos = p.end + (1 if norm.startswith(")", p.end) and start < p.start else 0)
        m = first.match(norm, pos)
        if m is None or any(c in _NOT_IN_MODIFIER for c in m.group("mod")):
            continue
        end = m.end()
        while True:
            c = chain.match(norm, end)
            if c is None or any(ch in _NOT_IN_MODIFIER for ch in c.group("mod")):
                break
            end = c.end()
        written = norm[start:end]
        label = canonical_area(written)
        basis = "exact" if label == written else "canonical-name"
        hit = AreaHit(start, end, label, p, basis, None, m.group("mod"), m.group("suf"))
        if end != m.end():
            hit.modifier, hit.suffix = "", ""  # a chained name has no bare form
        out.append(hit)
        covered = end
    return out


def find_bare_areas(
    norm: str,
    prefixed: list[AreaHit],
    lex: Lexicon,
    tokens: Tokens | None = None,
    places: list[PlaceHit] = (),
) -> list[AreaHit]:
    """Areas written without a place: the short form of an area named in full elsewhere
    (两江新区 for 重庆两江新区, 东湖高新区 for 武汉东湖新技术开发区), or a name standing on its
    own (雄安新区 said twice, 河套深港科技创新合作区 before 与)."""
    spans = [(a.start, a.end) for a in prefixed] + [(p.start, p.end) for p in places]
    known = {(a.modifier, _kind(a.suffix)): a for a in prefixed if a.modifier}
    cands: list[tuple[int, int, str, AreaHit | None]] = []
    for m in _BARE_RE.finditer(norm):
        s, e = m.span()
        if any(ps <= s < pe for ps, pe in spans):
            continue
        alias = None
        for (mod, kind), a in known.items():
            if kind == _kind(m.group()) and norm.startswith(mod, s - len(mod)) and mod:
                alias = a
                cands.append((s - len(mod), e, a.label, a))
                break
        if alias is not None:
            continue
        # the modifier: back to a boundary, at most ten characters
        left = s
        while left > max(0, s - _MAX_BARE_MODIFIER):
            ch = norm[left - 1]
            if not ("\u4e00" <= ch <= "\u9fff") or ch in "的和与及、":
                break
            if _ends_with_word(norm, left, lex.boundary_words, lex.max_boundary_len):
                break
            left -= 1
        core = norm[left:s]
        # the name is jieba's word before the suffix (雁栖湖片区), else its last two characters
        tok = tokens.start_before(s) if tokens is not None else None
        short = norm[tok:s] if tok is not None and left <= tok <= s - 2 else core[-2:]
        if len(core) < 2 or _generic(short, lex) or short in _DIRECTIONS:
            if len(core) < 3 or _generic(core, lex):
                continue
            short = core
        cands.append((s - len(short), e, canonical_area(short + m.group()), None))
    counts: dict[str, int] = {}
    for s, e, _label, _a in cands:
        counts[norm[s:e]] = counts.get(norm[s:e], 0) + 1
    out = []
    for s, e, label, alias in cands:
        written = norm[s:e]
        standalone = (
            counts[written] >= 2
            or _COMMITTEE_AFTER.match(norm, e) is not None
            or (e < len(norm) and norm[e] in _BARE_FOLLOW)
            or _starts_with_word(norm, e, lex.boundary_words, lex.max_boundary_len)
        )
        if alias is None and not standalone:
            continue
        basis = "exact" if written == label else "canonical-name"
        out.append(AreaHit(s, e, label, alias.place if alias else None, basis))
    return out


def _generic(text: str, lex: Lexicon) -> bool:
    from kg.extract.projects import _covered_by

    return _covered_by(text, lex.generic_words, lex.max_generic_len)


def _ends_with_word(norm: str, pos: int, words: frozenset[str], max_len: int) -> bool:
    return any(norm[pos - n : pos] in words for n in range(1, min(max_len, pos) + 1))


def _starts_with_word(norm: str, pos: int, words: frozenset[str], max_len: int) -> bool:
    return any(norm[pos : pos + n] in words for n in range(1, max_len + 1))


def find_science_cities(
    norm: str, places: list[PlaceHit], areas: list[AreaHit], lex: Lexicon, tokens: Tokens
) -> list[AreaHit]:
    """Science cities: (direction)(place)(（place）)科学城, prefixed by an area when written so."""
    place_end = {p.end: p for p in places}
    area_end = {a.end: a for a in areas}
    out = []
    for m in re.finditer(_SCIENCE_CITY, norm):
        start = m.start()
        place = None
        while start > 0:
            if norm[start - 1] == ")":
                o = norm.rfind("(", max(0, start - 10), start)
                inner = place_end.get(start - 1)
                if o >= 0 and inner is not None and inner.start == o + 1:
                    start = o
                    place = place or inner
                    continue
                break
            p = place_end.get(start)
            if p is not None:
                start = p.start
                place = place or p
                continue
            d = next((d for d in _DIRECTIONS if norm.startswith(d, start - len(d))), None)
            if d is not None:
                start -= len(d)
                continue
            break
        if start == m.start():
            # no place or direction: take jieba's word before it (怀柔科学城, 中关村科学城)
            s = tokens.start_before(m.start())
            if s is None:
                continue
            word = norm[s : m.start()]
            if (
                2 <= len(word) <= 4
                and all("\u4e00" <= c <= "\u9fff" for c in word)
                and (word not in lex.boundary_words)
            ):
                start = s
            else:
                continue
        label = norm[start : m.end()]
        hit = AreaHit(start, m.end(), label, place, "exact", start)
        # 四川天府新区成都科学城: the area written before the name is part of the mention
        a = area_end.get(start)
        if a is not None:
            hit.start = a.start
            hit.basis = "canonical-name"
        out.append(hit)
    return out
