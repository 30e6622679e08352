"""Subjects of a signing written as 该市 / 该行 / 该校: the division or the organisation
named before that they stand for."""

from __future__ import annotations

import re

from kg.extract.builder import Found
from kg.extract.governments import clause_start, government
from kg.records import Entity

__all__ = ["referred_subject"]

_JOINERS = "与和同"


def _start(pair: tuple[int, Entity]) -> int:
    return pair[0]


# 该市与B签署 / 该行今年1月与B签署: a place or a body named before is the subject.
_REFERRING_SUBJECT = re.compile(r"该(市|省|区|县|州|行|公司|集团|校|大学|学院|医院)")
# What each kind of 该X refers to: a division by its suffix, an organisation by a word of
# its name (成都银行股份有限公司 is a bank).
_REFERRED_PLACES = frozenset("市省区县州")
_REFERRED_HEADS = {
    "行": ("银行",),
    "公司": ("公司",),
    "集团": ("集团", "公司"),
    "校": ("大学", "学院", "学校"),
    "大学": ("大学",),
    "学院": ("学院",),
    "医院": ("医院",),
}
# How far back the one referred to may be named.
_REFERRED_REACH = 200


def referred_subject(f: Found, ss: int, verb: int) -> Entity | None:
    """The party a 该市 / 该行 / 该校 at the start of the signing's clause stands for,
    when a counterpart is joined to it (该市与B签署): the last division of that kind
    (through its government) or organisation of that head named before it."""
    norm = f.norm
    cs = clause_start(norm, ss, verb)
    m = _REFERRING_SUBJECT.match(norm, cs)
    if m is None or not any(c in _JOINERS for c in norm[m.end() : verb]):
        return None
    kind, lo = m.group(1), max(0, m.start() - _REFERRED_REACH)
    if kind in _REFERRED_PLACES:
        places = [
            (start, ent)
            for start, (ent, end) in f.place_at.items()
            if lo <= start and end <= m.start() and ent.code and ent.label.endswith(kind)
        ]
        if not places:
            return None
        start, place = max(places, key=_start)
        return government(f, place, f.b.sentence_span(f.prep.sentence_at(start)))
    heads = _REFERRED_HEADS[kind]
    orgs = [
        (start, o)
        for start, end, o in f.organizations
        if lo <= start and end <= m.start() and any(h in o.label for h in heads)
    ]
    return max(orgs, key=_start)[1] if orgs else None
