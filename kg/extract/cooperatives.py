"""Cooperatives named after their place (永宁县…专业合作社, 大木村股份经济合作社)."""

from __future__ import annotations

import re

from kg.extract.divisions import PlaceHit
from kg.extract.lexicon import Lexicon
from kg.extract.organizations import OrganizationHit
from kg.extract.proper_words import has_proper_word
from kg.extract.spans import Spans

__all__ = ["find_cooperatives"]

# The registered forms of a cooperative: a farmers' specialised cooperative (and a union
# of them), a village's joint-stock economic cooperative.
_COOPERATIVE = re.compile(r"(?:农民)?专业合作社(?:联合社)?|(?:股份)?经济合作社|合作社联合社")
# What ends the words before a cooperative's name: punctuation and the joiners of a list.
_BEFORE_NAME = re.compile(r"[，,。；;：:、与和同及跟（(“\"\s]")
# A village's, a town's or a township's name that begins a cooperative's (龙凤村, 六屯镇).
_LOCALITY = re.compile(r"[\u4e00-\u9fff]{2,3}?[村镇乡]")
# Words that begin no locality's name (各村, 本村, 该村, 两家村, 他先帮村).
_NOT_A_LOCALITY = re.compile(r"^[各本该此这那全两三四五六七八九十每某多他她我你]|村村|乡镇|村里")
# At most this many characters of a name before its form.
_MAX_NAME = 24


def find_cooperatives(
    norm: str, places: list[PlaceHit], lex: Lexicon, taken: list[tuple[int, int]]
) -> list[OrganizationHit]:
    """Cooperatives whose name begins with the county, the town or the village they belong
    to, right after punctuation or a joiner (…、永宁县原隆葡萄种植专业合作社, 与龙凤村股份经济
    合作社), or with a province or a city and a name of their own; a kind without a place
    (农民专业合作社, 花卉合作社) and a clause (村里成立专业合作社) name none. ``taken``: spans
    read as other names."""
    if "合作社" not in norm:
        return []  # (every form holds 合作社: most articles stop here)
    at = {p.start: p for p in places if p.code}
    spans = Spans(taken)
    out: list[OrganizationHit] = []
    for m in _COOPERATIVE.finditer(norm):
        lo = max(0, m.start() - _MAX_NAME)
        before = [b.end() for b in _BEFORE_NAME.finditer(norm, lo, m.start())]
        start = before[-1] if before else (0 if lo == 0 else None)
        if start is None or m.start() - start < 2 or spans.overlaps(start, m.end()):
            continue
        name = norm[start : m.start()]
        if not _CJK.fullmatch(name) or _clause(name, lex):
            continue  # 村里成立专业合作社, 3378个造林专业合作社: a clause, not a name
        place = at.get(start)
        if place is not None:
            rest = norm[place.end : m.start()]
            county = lex.divisions.by_code[place.code or ""].level == 3
            if not county and not has_proper_word(rest, lex):
                continue  # 北京市农民专业合作社: a province's or a city's kind
        else:
            local = _LOCALITY.match(norm, start, m.start())
            if local is None or _NOT_A_LOCALITY.search(local.group()):
                continue  # 农民专业合作社, 花卉合作社: a kind, not a name
        if lex.org_suffix_re.search(norm, start, m.start()):
            continue  # …有限公司和合作社: the name of a company before
        out.append(OrganizationHit(start, m.end(), norm[start : m.end()]))
    return out


_CJK = re.compile(r"[\u4e00-\u9fff]+")
# Tags of the words of a clause: verbs, pronouns, numerals, prepositions, particles.
_CLAUSE_FLAGS = frozenset({"v", "r", "m", "p", "u", "uj", "ul", "d", "c"})
# A word of two characters this common with those tags belongs to a clause (成立, 通过);
# single characters are as often a name's (控拜, 甘达), except pronouns and particles.
_CLAUSE_SINGLES = frozenset("他她我你的了在把被将已又也都就还个")
_COMMON = 1000


def _clause(name: str, lex: Lexicon) -> bool:
    """True when the words before a cooperative's form hold a clause's verb, pronoun or
    particle (成立, 他, 的), not only a name and what it grows or does (种植, 养殖)."""
    freq = lex.tokenizer().FREQ
    return any(
        w in _CLAUSE_SINGLES
        or (len(w) >= 2 and f in _CLAUSE_FLAGS and freq.get(w, 0) >= _COMMON and w not in _TRADES)
        for w, f in lex.pos_cut(name)
    )


# What a cooperative does, named in its name, which the dictionary tags as verbs.
_TRADES = frozenset({"种植", "养殖", "加工", "销售", "服务", "生产", "运输", "经营", "发展"})
