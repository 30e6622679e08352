"""Science cities (西部(重庆)科学城, 中关村科学城): a place or a region's name before 科学城."""

from __future__ import annotations

import re

from kg.extract.areas import DIRECTIONS, NOT_IN_MODIFIER, AreaHit, generic
from kg.extract.divisions import PlaceHit
from kg.extract.lexicon import Lexicon
from kg.extract.tokens import Tokens

__all__ = ["find_science_cities"]

_SCIENCE_CITY = "科学城"
# 两座科学城 / 三个新区: a count, not a name.
_COUNTED = re.compile(r"^[\d一二两三四五六七八九十几多]+[座个家处所]?$|^[这那各][座个]?$")


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
            d = next((d for d in DIRECTIONS if norm.startswith(d, start - len(d))), None)
            if d is not None:
                start -= len(d)
                continue
            break
        if start == m.start() - 1 and place is None:
            start = m.start()  # 滇中科学城: a lone direction character ends a region's name
        if start == m.start():
            # no place or direction: take jieba's word before it (怀柔科学城, 中关村科学城),
            # or its last two characters cut apart (滇 + 中)
            s = tokens.start_before(m.start())
            if s is not None and s == m.start() - 1:
                s2 = tokens.start_before(s)
                s = s2 if s2 == s - 1 else s
            if s is None:
                continue
            word = norm[s : m.start()]
            if (
                2 <= len(word) <= 4
                and all("\u4e00" <= c <= "\u9fff" for c in word)
                and (word not in lex.boundary_words)
                and not _COUNTED.match(word)
                and (lex.word_tag(word) or "n")[0] not in "vadpcrmt"
                and not generic(word, lex)
            ):  # not 结合科学城 (a verb), 国家级科学城 (a kind), 百年科学城 (a span of time)
                start = s
            else:
                continue
        if _runs_on(norm, m.end(), lex):
            continue  # 张江科学城能源服务中心, …科学城至…科学城通道: part of a longer name
        label = norm[start : m.end()]
        hit = AreaHit(start, m.end(), label, place, "exact", start)
        # 四川天府新区成都科学城: the area written before the name is part of the mention
        a = area_end.get(start)
        if a is not None:
            hit.start = a.start
            hit.basis = "canonical-name"
        out.append(hit)
    return out


def _runs_on(norm: str, end: int, lex: Lexicon) -> bool:
    """True when the words after a science city end in a project's head (…能源服务中心,
    …至光明科学城通道): the science city is written as part of that name."""
    for k in range(end + 1, min(len(norm), end + _MAX_RUN) + 1):
        c = norm[k - 1]
        if not "\u4e00" <= c <= "\u9fff" or c in NOT_IN_MODIFIER:
            return False
        if any(norm.endswith(h, end, k) for h in lex.project_heads):
            words = lex.pos_cut(norm[end:k])
            return all(f[:1] in _NAME_WORD_FLAGS or w == "至" for w, f in words)
    return False


# How far after a science city the name of a longer thing may end.
_MAX_RUN = 10
# Flags of the words of a name (nouns, names, nominal verbs, distinguishing words), not of a
# clause (科学城位于…中心城区).
_NAME_WORD_FLAGS = frozenset("nbjl")
