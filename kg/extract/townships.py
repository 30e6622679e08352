"""Governments of towns and townships (江平镇人民政府, 茅台镇政府) and sub-district offices
(进学街道办事处), labelled with their county."""

from __future__ import annotations

import re

from kg.extract.agencies import AgencyHit
from kg.extract.divisions import PlaceHit
from kg.extract.lexicon import Lexicon
from kg.extract.proper_words import common_word
from kg.extract.spans import Spans

__all__ = ["find_township_governments"]

# A town's or a township's government after the two to four characters of its name: 镇 or
# 乡 and the organ (政府 is 人民政府, as for counties); the lookahead lets the regex engine skip
# to the forms' first characters.
_TOWN_GOVERNMENT = re.compile(
    r"(?=[镇乡街])(?:(?P<kind>[镇乡])(?:人民)?政府|(?P<street>街道)办事处)"
)
# Flags of words no sub-district's name holds: numerals, measure words, pronouns.
_NOT_IN_STREET = frozenset("mqr")
# What joins sub-district offices listed after the first, which alone names their county
# (延吉市进学街道办事处和公园街道办事处).
_LIST_JOINERS = frozenset("、和及与")
# What may stand before a town's name that a county does not begin: the start of a clause,
# a joiner of a list, or the verbs and prepositions of a signing (与…, 由…签署).
_BEFORE_TOWN = frozenset("，,。；;：:、与和同及跟由向在从到是\n ")
# Characters of a clause, not of a town's name (也要坐到镇政府, 到了镇政府, 是被镇政府).
_CLAUSE_CHARS = _BEFORE_TOWN | frozenset("也要了还被把给让的就")
# Words no town's name holds: the collective ones (乡镇, 县乡), determiners and places that
# are not towns.
_NOT_A_TOWN = re.compile(r"乡镇|县乡|城乡|[各全本该此这那我当县市区省州村]")


def find_township_governments(norm: str, places: list[PlaceHit], lex: Lexicon) -> list[AgencyHit]:
    """The governments of towns and townships a text names after their county (东兴市江平镇
    人民政府) or, once the article has written the town after its county (永宁县闽宁镇), on
    their own (闽宁镇人民政府); both are labelled with the county, a town the article never
    places, by its own name."""
    found = list(_TOWN_GOVERNMENT.finditer(norm))
    if not found:
        return []  # (most articles: nothing more to ask)
    county_end = {p.end: p for p in places if p.code and lex.divisions.by_code[p.code].level == 3}
    counties = _counties_of_towns(norm, county_end, lex)
    out: list[AgencyHit] = []
    listed: dict[int, str] = {}  # where a sub-district office ends: its county's label
    for m in found:
        street = m.group("street") is not None
        k = m.start("street" if street else "kind")
        for n in range(2, 5):
            start = k - n
            county = county_end.get(start)
            if start < 0 or county is not None or start == 0 or norm[start - 1] in _BEFORE_TOWN:
                break
        else:
            continue  # the name would begin inside a word (在镇政府, 当地镇政府)
        if start < 0:
            continue
        town = norm[start : m.end("street" if street else "kind")]
        if norm[k - 1] in "镇乡":
            continue  # 东大滩乡乡政府: the township's government, its name ends before
        if any(c in _CLAUSE_CHARS for c in town) or _NOT_A_TOWN.search(town):
            continue
        written = _county_label(county, lex) if county is not None else counties.get(town, "")
        if street:
            # a sub-district's name is often a common word (公园, 河南): only after its county,
            # or listed after an office written so
            if not written and start > 0 and norm[start - 1] in _LIST_JOINERS:
                written = listed.get(start - 1, "")
            if not written or any(
                flag[:1] in _NOT_IN_STREET for _w, flag in lex.pos_cut(town[:-2])
            ):
                continue  # 东城区一位街道办事处…主任: a person's office, not its name
            label = written + town + "办事处"
            listed[m.end()] = written
        elif any(common_word(w, f, lex) for w, f in lex.pos_cut(town[:-1])):
            continue
        else:
            label = written + town + "人民政府"
        first = county.start if county is not None else start
        basis = "exact" if norm[first : m.end()] == label else "canonical-name"
        out.append(AgencyHit(first, m.end(), label, None, None, basis))
    return _outside(out, places)


def _county_label(county: PlaceHit, lex: Lexicon) -> str:
    """A county's official name; a city's district's with its city (杭州市余杭区)."""
    d = lex.divisions.by_code[county.code or ""]
    if d.name.endswith("区") and d.parent in lex.divisions.by_code:
        return lex.divisions.by_code[d.parent].name + d.name
    return d.name


# A town's name written right after its county (永宁县闽宁镇).
_TOWN = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:[镇乡]|街道)")


def _counties_of_towns(norm: str, county_end: dict[int, PlaceHit], lex: Lexicon) -> dict[str, str]:
    """The towns the article writes right after their county (永宁县闽宁镇), to the county's
    label."""
    towns: dict[str, str] = {}
    for end, county in sorted(county_end.items()):
        m = _TOWN.match(norm, end)
        if m is not None and not _NOT_A_TOWN.search(m.group()):
            towns.setdefault(m.group(), _county_label(county, lex))
    return towns


def _outside(hits: list[AgencyHit], places: list[PlaceHit]) -> list[AgencyHit]:
    """The hits that do not begin inside a place's name."""
    inside = Spans((p.start + 1, p.end) for p in places)
    return [h for h in hits if not inside.overlaps(h.start, h.start + 1)]
