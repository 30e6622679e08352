"""Agreements over time: counts per month, quarter or year, by region pair and by sector
(:func:`agreement_timeline`), as a table, CSV, JSON or Markdown (:func:`format_timeline`) and as a
self-contained offline HTML chart (:func:`timeline_html`)."""

from __future__ import annotations

from kg.timeline.chart import timeline_chart, timeline_html, write_timeline_html
from kg.timeline.formats import TIMELINE_FORMATS, format_timeline
from kg.timeline.rows import (
    PERIODS,
    UNDATED,
    Timeline,
    TimelineRow,
    agreement_timeline,
    period_of,
)
from kg.timeline.sectors import OTHER, sector_of

__all__ = [
    "OTHER",
    "PERIODS",
    "TIMELINE_FORMATS",
    "UNDATED",
    "Timeline",
    "TimelineRow",
    "format_timeline",
    "period_of",
    "sector_of",
    "agreement_timeline",
    "timeline_chart",
    "timeline_html",
    "write_timeline_html",
]
