"""Which reading of a short form the text means, where it names several divisions (西安:
西安市 or 西安区): the place written just before it, the article's places, the well-known one."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from typing import Protocol

from kg.extract.division_index import MUNICIPALITIES, Division, DivisionIndex


class PlaceHit(Protocol):
    """A short form or a name found in the text (:class:`kg.extract.divisions.PlaceHit`)."""

    start: int
    end: int
    codes: tuple[str, ...]
    full: bool
    code: str | None


__all__ = ["ancestors", "context_key", "near_parent", "under_another_place", "well_known"]


def ancestors(code: str, idx: DivisionIndex) -> set[str]:
    """The codes of the divisions above ``code``."""
    out = set()
    d = idx.by_code.get(code)
    while d is not None and d.parent:
        out.add(d.parent)
        d = idx.by_code.get(d.parent)
    return out


def context_key(d: Division, idx: DivisionIndex) -> str:
    """What must be mentioned for a short form to be read as ``d``: its prefecture for a
    county of a province (九龙 needs 甘孜 in the text), else its province."""
    if d.level == 3 and d.province not in MUNICIPALITIES and d.parent:
        parent = idx.by_code.get(d.parent)
        if parent is not None and parent.level == 2:
            return d.prefecture
    return d.province


def near_parent(
    h: PlaceHit, hits: list[PlaceHit], starts: list[int], norm: str, idx: DivisionIndex
) -> str | None:
    """The one reading of ``h`` under a province or a city named with its suffix shortly
    before it in the same line or sentence (国网陕西省电力公司西安供电公司), else None.
    ``hits`` are in text order, ``starts`` where they start."""
    k = bisect_left(starts, h.start)
    near = [p for p in hits[max(0, k - 4) : k] if p.end <= h.start and h.start - p.end <= 10]
    for p in reversed(near):
        if not p.full or len(p.codes) != 1 or any(c in "。！？\n" for c in norm[p.end : h.start]):
            continue
        if p.codes[0] in h.codes:
            return p.codes[0]  # 长沙市…《武汉长沙…》: the same place again
        under = [c for c in h.codes if p.codes[0] in ancestors(c, idx)]
        return under[0] if len(under) == 1 else None
    return None


def well_known(h: PlaceHit, code: str, weights: Counter[str], norm: str, idx: DivisionIndex) -> str:
    """The well-known reading of a short form unless the article supports a lesser one:
    河北 is 河北省, not Tianjin's 河北区, even in an article about Tianjin; 西安 is 西安市
    unless 牡丹江 (whose 西安区 it could be) is named. A county's reading is supported by
    its own prefecture named in the text (not a municipality, which names every one of its
    districts); a province's reading always wins over a namesake below it."""
    d = idx.by_code[code]
    higher = sorted(
        (idx.by_code[c] for c in h.codes if idx.by_code[c].level < d.level),
        key=lambda x: x.level,
    )
    if not higher:
        return code
    top = higher[0]
    if top.level == 1 and len([x for x in higher if x.level == 1]) == 1:
        return top.code
    if any(x.code == d.parent for x in higher):
        return d.parent  # 乌鲁木齐 is 乌鲁木齐市, not the county named after it
    if d.level == 3 and d.province not in MUNICIPALITIES and weights[d.prefecture] > 0:
        return code
    same = [x for x in higher if x.level == top.level]
    return top.code if len(same) == 1 else code


def under_another_place(h: PlaceHit, before: PlaceHit | None, idx: DivisionIndex) -> bool:
    """True when ``h``, a county-level division written by its short form right after the
    place ``before``, lies neither under nor over it: the words are another toponym of that
    place (连云港海港, a seaport of Lianyungang, not Qinhuangdao's 海港区)."""
    if before is None or before.end != h.start or h.full or not (h.code and before.code):
        return False
    return (
        idx.by_code[h.code].level == 3
        and before.code not in ancestors(h.code, idx)
        and h.code not in ancestors(before.code, idx)
        and before.code != h.code
    )
