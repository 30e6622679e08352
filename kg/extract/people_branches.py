"""The local organisations of the people's organisations, by place and short name (山西省贸促会)."""

from __future__ import annotations

import re

from kg.extract.lexicon import Lexicon

__all__ = ["branch_name", "branch_spans"]

# The longest place name looked for before the short name (新疆维吾尔自治区).
_LONGEST_PLACE = 8
# Hong Kong, Macao and Taiwan: their bodies of these names are not these organisations' own.
_NO_BRANCHES = ("71", "81", "82")


def _place_before(norm: str, end: int, lex: Lexicon) -> tuple[int, str] | None:
    """Where the one division whose name ends at ``end`` starts, and its code; None when no
    division's name, or several divisions' one, ends there."""
    for n in range(min(_LONGEST_PLACE, end), 1, -1):
        codes = lex.divisions.codes_named(norm[end - n : end])
        if codes:
            one = len(codes) == 1 and not codes[0].startswith(_NO_BRANCHES)
            return (end - n, codes[0]) if one else None
    return None


def _word_ends(norm: str, start: int, end: int, lex: Lexicon) -> bool:
    """True when the segmenter, cutting from ``start``, cuts at ``end`` (湖北合作协议: 作协
    ends inside 协议)."""
    k = start
    for word, _flag in lex.pos_cut(norm[start : end + 3]):
        k += len(word)
        if k >= end:
            return k == end
    return True


def branch_spans(norm: str, lex: Lexicon) -> list[tuple[int, int]]:
    """The spans of the local people's organisations written by a division's name and the
    short name of the body (四川省科协, 宁波市贸促会, 长沙县妇联), or in full after the
    national body's name (中国国际贸易促进委员会青岛市委员会)."""
    out = []
    for m in lex.people_branch_re.finditer(norm):
        if m.group().endswith("联") and norm[m.end() : m.end() + 1] in "合会":
            continue  # 工商联合会: the full name goes on
        place = _place_before(norm, m.start(), lex)
        if place is not None and _word_ends(norm, place[0], m.end(), lex):
            out.append((place[0], m.end()))
    for full in lex.people_branches.values():
        before, _, after = full.partition("{}")
        if not before:
            continue
        # 中国国际贸易促进委员会海南省委员会: the national body's name, the place, the committee
        for m in re.finditer(re.escape(before), norm):
            end = _place_after(norm, m.end(), lex)
            if end is not None and norm.startswith(after, end):
                out.append((m.start(), end + len(after)))
    return sorted(out)


def _place_after(norm: str, start: int, lex: Lexicon) -> int | None:
    """Where the longest division's name that starts at ``start`` ends; None when none does."""
    return next(
        (
            start + n
            for n in range(_LONGEST_PLACE, 1, -1)
            if lex.divisions.codes_named(norm[start : start + n])
        ),
        None,
    )


def branch_name(label: str, lex: Lexicon) -> str | None:
    """The full name of a local people's organisation written by its place and short name
    (山西省贸促会 -> 中国国际贸易促进委员会山西省委员会), else None."""
    for short, full in lex.people_branches.items():
        if label.endswith(short) and len(label) > len(short):
            place = _place_before(label, len(label) - len(short), lex)
            if place is not None and place[0] == 0:
                return full.format(lex.divisions.body_name(place[1]))
    return None
