"""Indexes of what was found in one article, by position and by entity, for the steps that
ask them once per name (signing, governments, facts): made once per article with
:meth:`Found.index <kg.extract.builder.Found.index>` and grown with the organisations a
signing adds, so that a long article costs time in proportion to its length.

Each answers as the scan of the lists it replaces did, in the same order.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import Any

from kg.extract.builder import Found
from kg.extract.spans import Spans
from kg.records import Entity

__all__ = [
    "bodies",
    "agency_spans",
    "organization_spans",
    "place_spans",
    "place_starts",
    "date_spans",
    "spans_by_entity",
    "spans_by_place",
    "last_title_end",
    "taken",
    "name_spans",
    "named_places",
    "agreements",
    "areas_by_start",
]

Grow = Callable[[Any, tuple[int, ...]], bool]


def bodies(f: Found) -> tuple[list[int], list[tuple[int, int, Entity]]]:
    """The agencies and organisations of the article sorted by span (an agency before an
    organisation of the same span): where each starts, and its span and entity."""

    def make() -> tuple[list[int], list[tuple[int, int, Entity]]]:
        found = [(h.start, h.end, e) for h, e in f.agencies] + f.organizations
        found.sort(key=lambda x: x[:2])
        return [start for start, _end, _e in found], found

    def grow(index: tuple[list[int], list[tuple[int, int, Entity]]], old: tuple[int, ...]) -> bool:
        if old[0] != len(f.agencies):
            return False  # a new agency goes before the organisations of its span: made again
        starts, found = index
        for item in f.organizations[old[1] :]:
            at = bisect_right(found, item[:2], key=lambda x: x[:2])  # as the stable sort puts it
            found.insert(at, item)
            starts.insert(at, item[0])
        return True

    return f.index("bodies", make, f.agencies, f.organizations, grow=grow)


def agency_spans(f: Found) -> Spans:
    """The spans of the agencies, in the order of ``f.agencies``."""
    return f.index("agencies", lambda: Spans((h.start, h.end) for h, _e in f.agencies), f.agencies)


def _add_organizations(f: Found, at: int) -> Grow:
    def grow(spans: Spans, old: tuple[int, ...]) -> bool:
        for s, e, _o in f.organizations[old[at] :]:
            spans.add(s, e)
        return True

    return grow


def organization_spans(f: Found) -> Spans:
    """The spans of the organisations, in the order of ``f.organizations``."""
    return f.index(
        "organizations",
        lambda: Spans((s, e) for s, e, _o in f.organizations),
        f.organizations,
        grow=_add_organizations(f, 0),
    )


def place_spans(f: Found) -> Spans:
    """The spans of the places, in the order of ``f.place_at``."""
    return f.index("places", lambda: Spans((s, e) for s, (_p, e) in f.place_at.items()), f.place_at)


def place_starts(f: Found) -> list[int]:
    """Where the places start, in order."""
    return f.index("place_starts", lambda: sorted(f.place_at), f.place_at)


def date_spans(f: Found, dates: list) -> Spans:
    """The spans of the dates of the article, in the order of ``dates``."""
    return f.index("dates", lambda: Spans((d.start, d.end) for d in dates), dates)


def spans_by_entity(f: Found) -> tuple[dict[Entity, list], dict[Entity, list]]:
    """Where each agency and each organisation is written, in the order found."""

    def make() -> tuple[dict[Entity, list], dict[Entity, list]]:
        agencies: dict[Entity, list[tuple[int, int]]] = {}
        for h, a in f.agencies:
            agencies.setdefault(a, []).append((h.start, h.end))
        organizations: dict[Entity, list[tuple[int, int]]] = {}
        for s, end, o in f.organizations:
            organizations.setdefault(o, []).append((s, end))
        return agencies, organizations

    def grow(index: tuple[dict, dict], old: tuple[int, ...]) -> bool:
        if old[0] != len(f.agencies):
            return False
        for s, end, o in f.organizations[old[1] :]:
            index[1].setdefault(o, []).append((s, end))
        return True

    return f.index("spans_of", make, f.agencies, f.organizations, grow=grow)


def spans_by_place(f: Found) -> dict[Entity, list[tuple[int, int]]]:
    """Where each place (a division or a functional area) is written, in the order of
    ``f.place_at``, then of ``f.area_at``."""

    def make() -> dict[Entity, list[tuple[int, int]]]:
        out: dict[Entity, list[tuple[int, int]]] = {}
        for s, (p, end) in f.place_at.items():
            out.setdefault(p, []).append((s, end))
        for s, (a, end) in f.area_at.items():
            out.setdefault(a, []).append((s, end))
        return out

    return f.index("places_of", make, f.place_at, f.area_at)


def last_title_end(f: Found, t: Any, lo: int, hi: int) -> int:
    """The last end of an agreement title other than ``t`` in ``[lo, hi]``, else -1."""
    ends = f.index(
        "title_ends", lambda: sorted((o.end, k) for k, o in enumerate(f.titles)), f.titles
    )
    for k in range(bisect_right(ends, (hi, len(ends))) - 1, -1, -1):
        end, which = ends[k]
        if end < lo:
            break
        if f.titles[which] is not t:
            return end
    return -1


def taken(f: Found) -> Spans:
    """The spans of the names that hold no government: bodies, areas and projects (in no
    order that matters)."""

    def make() -> Spans:
        spans = [(h.start, h.end) for h, _e in f.agencies]
        spans += [(s, e) for s, e, _ in f.organizations]
        return Spans(spans + [(s, e) for s, (_ent, e) in f.area_at.items()] + f.project_spans)

    def grow(spans: Spans, old: tuple[int, ...]) -> bool:
        if (old[0], old[2], old[3]) != (len(f.agencies), len(f.area_at), len(f.project_spans)):
            return False
        return _add_organizations(f, 1)(spans, old)

    lists = (f.agencies, f.organizations, f.area_at, f.project_spans)
    return f.index("taken", make, *lists, grow=grow)


def name_spans(f: Found) -> Spans:
    """The spans of the names of places and areas."""

    def make() -> Spans:
        return Spans((s, e) for at in (f.place_at, f.area_at) for s, (_ent, e) in at.items())

    return f.index("names", make, f.place_at, f.area_at)


def named_places(f: Found) -> tuple[list[int], list[Entity]]:
    """The places and areas of the article in text order (a place before an area that
    starts with it): where each starts, and its entity."""

    def make() -> tuple[list[int], list[Entity]]:
        named = [(s, ent) for s, (ent, _e) in f.place_at.items()]
        named += [(s, ent) for s, (ent, _e) in f.area_at.items()]
        named.sort(key=lambda x: x[0])
        return [s for s, _ent in named], [ent for _s, ent in named]

    return f.index("named", make, f.place_at, f.area_at)


def agreements(f: Found) -> tuple[list[int], dict[int, Entity]]:
    """Where the agreements of the article are named (in the order of ``f.agreement_at``,
    the text's) and the first one of each sentence."""

    def make() -> tuple[list[int], dict[int, Entity]]:
        first: dict[int, Entity] = {}
        for _p, s, e in f.agreement_at:
            first.setdefault(s, e)
        return [p for p, _s, _e in f.agreement_at], first

    return f.index("agreements", make, f.agreement_at)


def areas_by_start(f: Found) -> dict[int, list[tuple[int, int]]]:
    """The spans of the areas' mentions by where they start, in the order found."""

    def make() -> dict[int, list[tuple[int, int]]]:
        out: dict[int, list[tuple[int, int]]] = {}
        for s, e in f.area_entities:
            out.setdefault(s, []).append((s, e))
        return out

    return f.index("areas_at", make, f.area_entities)
