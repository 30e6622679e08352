"""Where the clauses of a signing's sentence begin and end: semicolons, lists of titles,
the motions a title is named in."""

from __future__ import annotations

import re

from kg.extract.agreements import AgreementHit

__all__ = [
    "after_semicolon",
    "before_semicolon",
    "clause_end",
    "counted_object",
    "in_motion",
    "other_act",
    "own_clause",
]


def after_semicolon(norm: str, lo: int, hi: int) -> int:
    """Where the part of ``norm[lo:hi]`` after its last semicolon (or ellipsis) starts
    (``lo`` if none)."""
    return max(lo, *(norm.rfind(c, lo, hi) + 1 for c in "；;…"))


def before_semicolon(norm: str, lo: int, hi: int) -> int:
    """Where the part of ``norm[lo:hi]`` before its first semicolon ends (``hi`` if none)."""
    return min([hi, *(k for c in "；;" if (k := norm.find(c, lo, hi)) >= 0)])


# A document that proposes or approves what its title says (议案, 请示, 批复).
_MOTION = re.compile(r"(?:议案|请示|报告|方案|决定|批复|通知)$")


def in_motion(norm: str, ss: int, se: int, t: AgreementHit) -> bool:
    """True when the title ``t`` lies inside the book title of a motion or a request."""
    opened = norm.rfind("《", ss, t.start)
    if opened < 0 or norm.rfind("》", ss, t.start) > opened:
        return False
    closed = norm.find("》", t.end, se)
    return closed > 0 and _MOTION.search(norm, opened, closed) is not None


def own_clause(norm: str, verb: int, title: int) -> bool:
    """True when a semicolon between ``verb`` and the title at ``title`` opens a clause of
    its own words before the title (…签署…；2022年，中国加入《T》), or closes the verb's own
    object (签署21个自贸协定；《T》): the verb signs another."""
    semi = after_semicolon(norm, verb, title)
    return (
        semi > verb
        and (
            len(_LISTED.sub("", norm[semi:title])) >= 4
            # 签署21个自贸协定；《RCEP》…: the verb's own object before the semicolon
            or len(_LISTED.sub("", norm[verb + 2 : semi - 1])) >= 2
        )
    )


# What a list of titles holds between them: marks, joiners and other titles.
_LISTED = re.compile(r"《[^》]*》|[\s、，,和及与以还有：:]")


def clause_end(norm: str, pos: int, limit: int) -> int:
    """Where the clause holding ``pos`` ends (at a comma or a semicolon), before ``limit``."""
    for k in range(pos, limit):
        if norm[k] in ",，;；":
            return k
    return limit


# What a state does to a treaty other than sign it, written right before its title.
_OTHER_ACT = re.compile(r"(?:加入|退出|批准|遵守|履行|执行|落实|实施)了?$")


def other_act(norm: str, lo: int, title: int) -> bool:
    """True when a verb other than signing governs the title at ``title`` (率先加入《T》)."""
    return _OTHER_ACT.search(norm, lo, title) is not None


# A counted object right after a verb (签署21个自贸协定, 签订了107份文件): texts of their own.
_COUNTED_OBJECT = re.compile(r"了?(?:\d[\d,]*|[一二两三四五六七八九十百几]+)[多余]?[个份项批部]")


def counted_object(norm: str, verb: int) -> bool:
    """True when the two-character verb at ``verb`` signs a counted object of its own."""
    return _COUNTED_OBJECT.match(norm, verb + 2) is not None
