"""Agreements over time: how many were signed per month, quarter or year, by region pair and
by sector (:func:`agreement_timeline`).

Each agreement counts once, in the period of its earliest signing date (``cy:signedOn``).
A date less precise than the period (a year alone, ``2024``, in a timeline by month or
quarter) cannot be placed in one; such agreements are counted apart, in rows whose period is
the date as the graph gives it (``coarse``). Agreements without a date are counted apart as
well, in rows whose period is :data:`UNDATED`. With ``pair``, rows are split by the regions
of the parties' jurisdictions (:mod:`kg.timeline.regions`: ``重庆–四川``, the same whichever
party is named first); with ``sector``, by the sector of the title
(:mod:`kg.timeline.sectors`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from kg.errors import InputError
from kg.sparql import OpenGraph
from kg.timeline.regions import UNKNOWN, Region, party_region, region_key, region_pair
from kg.timeline.sectors import sector_of

__all__ = [
    "PERIODS",
    "UNDATED",
    "Timeline",
    "TimelineRow",
    "agreement_timeline",
    "period_of",
    "periods",
]

#: The periods a timeline counts by.
PERIODS = ("month", "quarter", "year")
#: The period of the rows of agreements without a date.
UNDATED = "undated"

_PREFIXES = """PREFIX cy: <https://w3id.org/chengyu-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

_AGREEMENTS = (
    _PREFIXES
    + """SELECT ?a ?title ?date WHERE {
  ?a a cy:Agreement .
  OPTIONAL { ?a rdfs:label ?title }
  OPTIONAL { ?a cy:signedOn ?date }
}"""
)

_PARTIES = (
    _PREFIXES
    + """SELECT ?a ?party ?label ?code ?country ?countryLabel ?near WHERE {
  ?a a cy:Agreement ; cy:party ?party .
  OPTIONAL { ?party rdfs:label ?label }
  OPTIONAL {
    ?party cy:jurisdiction ?j .
    OPTIONAL { ?j cy:divisionCode ?code }
    OPTIONAL { ?j cy:countryCode ?country . OPTIONAL { ?j rdfs:label ?countryLabel } }
    OPTIONAL { ?j cy:locatedIn|cy:includesDistrict|cy:coreArea ?place . ?place cy:divisionCode ?near }
  }
}"""
)

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def period_of(date: str, by: str) -> tuple[str, bool]:
    """The period of ``by`` a date (``2024-07-09``, ``2024-07`` or ``2024``) falls in, and
    whether the date is precise enough for it (else the period is the date as far as known).

    >>> period_of("2024-07-09", "quarter")
    ('2024-Q3', True)
    >>> period_of("2024", "month")
    ('2024', False)
    """
    match = _DATE.match(date)
    if match is None:
        return date, False
    year, month = match.group(1), match.group(2)
    if by == "year":
        return year, True
    if month is None:
        return year, False
    if by == "quarter":
        return f"{year}-Q{(int(month) - 1) // 3 + 1}", True
    return f"{year}-{month}", True


def _next(period: str, by: str) -> str:
    if by == "year":
        return str(int(period) + 1)
    year, rest = period.split("-")
    if by == "quarter":
        q = int(rest[1:])
        return f"{int(year) + q // 4}-Q{q % 4 + 1}"
    m = int(rest)
    return f"{int(year) + m // 12}-{m % 12 + 1:02d}"


def periods(first: str, last: str, by: str, *, limit: int = 1000) -> list[str]:
    """Every period from ``first`` to ``last``, both included (at most ``limit``).

    >>> periods("2023-11", "2024-02", "month")
    ['2023-11', '2023-12', '2024-01', '2024-02']
    """
    out = [first]
    while out[-1] < last and len(out) < limit:
        out.append(_next(out[-1], by))
    return out


@dataclass(frozen=True)
class TimelineRow:
    """Agreements counted in one period (and one region pair and sector, when asked)."""

    period: str
    agreements: int
    pair: str | None = None
    sector: str | None = None


@dataclass(frozen=True)
class Timeline:
    """A timeline's rows: ``rows`` in periods of ``by``, in time order; ``coarse`` for dates
    less precise than ``by``; ``undated`` for agreements without a date. ``pair`` and
    ``sector`` say which splits the rows have."""

    by: str
    pair: bool
    sector: bool
    rows: tuple[TimelineRow, ...]
    coarse: tuple[TimelineRow, ...] = ()
    undated: tuple[TimelineRow, ...] = ()
    columns: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        columns = (
            "period",
            *(("pair",) if self.pair else ()),
            *(("sector",) if self.sector else ()),
        )
        object.__setattr__(self, "columns", (*columns, "agreements"))

    @property
    def all_rows(self) -> tuple[TimelineRow, ...]:
        """Every row: the periods, then the coarse dates, then the undated."""
        return self.rows + self.coarse + self.undated

    def total(self, rows: tuple[TimelineRow, ...] | None = None) -> int:
        """Agreements in ``rows`` (default: all)."""
        return sum(r.agreements for r in (self.all_rows if rows is None else rows))

    def per_period(self) -> dict[str, int]:
        """Agreements per period of ``by`` (the splits summed), in time order."""
        out: dict[str, int] = {}
        for row in self.rows:
            out[row.period] = out.get(row.period, 0) + row.agreements
        return out

    def record(self, row: TimelineRow) -> dict[str, Any]:
        """A row as a dict of :attr:`columns`."""
        return {c: getattr(row, c) for c in self.columns}

    def as_dict(self) -> dict[str, Any]:
        """The timeline as plain JSON-ready data."""
        return {
            "by": self.by,
            "columns": list(self.columns),
            "agreements": self.total(),
            "dated": self.total(self.rows),
            "coarse": self.total(self.coarse),
            "undated": self.total(self.undated),
            "rows": [self.record(r) for r in self.all_rows],
        }


def _regions(graph: OpenGraph) -> dict[str, list[tuple[str, Region | None]]]:
    """Agreement IRI -> its parties' (name, region)."""
    parties: dict[tuple[str, str], dict[str, Any]] = {}
    for a, party, label, code, country, country_label, near in graph.query(_PARTIES).rows:
        entry = parties.setdefault(
            (str(a), str(party)),
            {"label": None, "code": None, "country": None, "country_label": None, "near": set()},
        )
        for key, term in (
            ("label", label),
            ("code", code),
            ("country", country),
            ("country_label", country_label),
        ):
            if term is not None and (entry[key] is None or str(term) < entry[key]):
                entry[key] = str(term)
        if near is not None:
            entry["near"].add(str(near))
    out: dict[str, list[tuple[str, Region | None]]] = {}
    for (a, party), e in sorted(parties.items()):
        region = party_region(e["code"], e["country"], e["country_label"], e["near"])
        out.setdefault(a, []).append((e["label"] or party, region))
    return out


def _pair(regions: list[tuple[str, Region | None]]) -> str:
    found = sorted({r for _, r in regions}, key=region_key)
    return region_pair(UNKNOWN if r is None else r.name for r in found)


def agreement_timeline(
    graph: OpenGraph, *, by: str = "month", pair: bool = False, sector: bool = False
) -> Timeline:
    """Count the agreements of ``graph`` per period of ``by`` (``month``, ``quarter`` or
    ``year``), split by region pair and/or sector when asked (see the module)."""
    if by not in PERIODS:
        raise InputError(f"no period {by!r} (known: {', '.join(PERIODS)})")
    titles: dict[str, str] = {}
    dates: dict[str, list[str]] = {}
    for a, title, date in graph.query(_AGREEMENTS).rows:
        key = str(a)
        if title is not None and (key not in titles or str(title) < titles[key]):
            titles[key] = str(title)
        titles.setdefault(key, "")
        dates.setdefault(key, [])
        if date is not None:
            dates[key].append(str(date))
    regions = _regions(graph) if pair or sector else {}
    counts: Counter[tuple[str, bool, str | None, str | None]] = Counter()
    for a in titles:
        if dates[a]:
            period, precise = period_of(min(dates[a]), by)
        else:
            period, precise = UNDATED, False
        parties = regions.get(a, [])
        counts[
            (
                period,
                precise,
                _pair(parties) if pair else None,
                sector_of(titles[a], [n for n, _ in parties]) if sector else None,
            )
        ] += 1
    rows: dict[str, list[TimelineRow]] = {"rows": [], "coarse": [], "undated": []}
    for (period, precise, pair_name, sector_name), n in sorted(counts.items(), key=_order):
        kind = "rows" if precise else "undated" if period == UNDATED else "coarse"
        rows[kind].append(TimelineRow(period, n, pair_name, sector_name))
    return Timeline(
        by,
        pair,
        sector,
        tuple(rows["rows"]),
        tuple(rows["coarse"]),
        tuple(rows["undated"]),
    )


def _order(item: tuple[tuple[str, bool, str | None, str | None], int]) -> tuple:
    """Rows in time order; within a period, the most agreements first, then by name."""
    (period, _, pair_name, sector_name), n = item
    return (period, -n, pair_name or "", sector_name or "")
