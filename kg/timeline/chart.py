"""A timeline as a self-contained HTML page: a bar chart drawn as inline SVG (no script, no
library, nothing fetched), the totals per region pair or sector, and the table.

The geometry is computed here (:func:`timeline_chart`), so that the page is the same bytes
for the same timeline; ``templates/timeline.html`` only draws it. Each period from the first
to the last dated agreement has a bar (a period without agreements an empty place), stacked
by region pair and/or sector when the timeline is split by them: the
:data:`MAX_SERIES` - 1 largest apart, the rest together as :data:`OTHERS`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from jinja2 import Environment

from kg.io.files import write_text_atomic
from kg.sparql import display_width
from kg.timeline.rows import Timeline, TimelineRow, periods

__all__ = ["Chart", "Bar", "timeline_chart", "timeline_html", "write_timeline_html", "OTHERS"]

#: Colours of the series, the last for :data:`OTHERS` (Tableau 10).
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)
#: Series drawn apart, at most (the smaller ones are summed into :data:`OTHERS`).
MAX_SERIES = len(PALETTE)
#: The series of the smaller groups.
OTHERS = "(others)"
#: Periods drawn, at most: a longer time span gets bars only for periods with agreements.
MAX_PERIODS = 400

_PLOT_HEIGHT = 260
_LEFT, _TOP, _RIGHT, _BOTTOM = 48, 16, 16, 70
_BAR_SHARE = 0.72
_ROW = 22


@dataclass(frozen=True)
class Bar:
    """One rectangle: a series' agreements in a period (or a group's total)."""

    x: float
    y: float
    width: float
    height: float
    period: str
    series: str
    count: int
    color: str


@dataclass(frozen=True)
class Chart:
    """What the page draws: the time chart (``width`` × ``height``, bars, axis labels and
    ticks, legend) and, for a split timeline, the totals per group."""

    width: float
    height: float
    bars: tuple[Bar, ...]
    x_labels: tuple[tuple[float, str], ...]
    y_ticks: tuple[tuple[float, int], ...]
    legend: tuple[tuple[str, str, int], ...]
    totals: tuple[Bar, ...]
    totals_width: float
    totals_height: float
    label_width: float


def _series(timeline: Timeline, row: TimelineRow) -> str:
    parts = [p for p in (row.pair, row.sector) if p is not None]
    return " · ".join(parts) if parts else "agreements"


def _nice_step(top: int) -> int:
    """A tick step of 1, 2 or 5 times a power of ten giving at most five steps to ``top``."""
    if top <= 5:
        return 1
    power = 10 ** math.floor(math.log10(top / 5))
    return next(s * power for s in (1, 2, 5, 10) if top / (s * power) <= 5)


def timeline_chart(timeline: Timeline) -> Chart:
    """The geometry of the page's charts (see the module)."""
    totals: dict[str, int] = {}
    for row in timeline.all_rows:
        key = _series(timeline, row)
        totals[key] = totals.get(key, 0) + row.agreements
    ranked = sorted(totals, key=lambda k: (-totals[k], k))
    if len(ranked) > MAX_SERIES:
        drawn = ranked[: MAX_SERIES - 1]
        colors = {k: PALETTE[i] for i, k in enumerate(drawn)}
        legend_keys = [*drawn, OTHERS]
    else:
        colors = {k: PALETTE[i] for i, k in enumerate(ranked)}
        legend_keys = ranked
    colors.setdefault(OTHERS, PALETTE[-1])

    stacks: dict[str, dict[str, int]] = {}
    for row in timeline.rows:
        key = _series(timeline, row)
        key = key if key in colors else OTHERS
        stack = stacks.setdefault(row.period, {})
        stack[key] = stack.get(key, 0) + row.agreements
    order = list(stacks)
    if order:
        span = periods(order[0], order[-1], timeline.by, limit=MAX_PERIODS + 1)
        if len(span) <= MAX_PERIODS and span[-1] == order[-1]:
            order = span
    top = max((sum(s.values()) for s in stacks.values()), default=0)
    step = _nice_step(max(top, 1))
    axis_top = max(step, math.ceil(top / step) * step)
    scale = _PLOT_HEIGHT / axis_top
    slot = min(48.0, max(8.0, 880 / max(len(order), 1)))
    bars = []
    for i, period in enumerate(order):
        x = _LEFT + i * slot + slot * (1 - _BAR_SHARE) / 2
        base = _TOP + _PLOT_HEIGHT
        for key in legend_keys:
            count = stacks.get(period, {}).get(key, 0)
            if not count:
                continue
            height = count * scale
            base -= height
            bars.append(
                Bar(
                    round(x, 2),
                    round(base, 2),
                    round(slot * _BAR_SHARE, 2),
                    round(height, 2),
                    period,
                    key,
                    count,
                    colors[key],
                )
            )
    every = max(1, math.ceil(16 / slot))
    x_labels = tuple(
        (round(_LEFT + (i + 0.5) * slot, 2), p) for i, p in enumerate(order) if i % every == 0
    )
    y_ticks = tuple(
        (round(_TOP + _PLOT_HEIGHT - v * scale, 2), v) for v in range(0, axis_top + 1, step)
    )
    legend = tuple(
        (k, colors[k], sum(n for s in stacks.values() for kk, n in s.items() if kk == k))
        for k in legend_keys
    )

    label_width = max((display_width(k) for k in ranked), default=0) * 8 + 12
    longest = max(totals.values(), default=1)
    total_bars = (
        tuple(
            Bar(
                label_width,
                i * _ROW + 3,
                round(max(1.0, 360 * totals[k] / longest), 2),
                _ROW - 6,
                "",
                k,
                totals[k],
                colors.get(k, colors[OTHERS]),
            )
            for i, k in enumerate(ranked)
        )
        if timeline.pair or timeline.sector
        else ()
    )
    return Chart(
        width=round(_LEFT + len(order) * slot + _RIGHT, 2),
        height=_TOP + _PLOT_HEIGHT + _BOTTOM,
        bars=tuple(bars),
        x_labels=x_labels,
        y_ticks=y_ticks,
        legend=legend,
        totals=total_bars,
        totals_width=label_width + 360 + 48,
        totals_height=len(total_bars) * _ROW,
        label_width=label_width,
    )


@cache
def _template() -> str:
    return files("kg.timeline").joinpath("templates", "timeline.html").read_text(encoding="utf-8")


def timeline_html(timeline: Timeline, *, title: str = "Agreements over time") -> str:
    """The timeline as one HTML page (UTF-8, style inline, no script, nothing fetched)."""
    env = Environment(autoescape=True, keep_trailing_newline=True)
    return env.from_string(_template()).render(
        title=title,
        timeline=timeline,
        chart=timeline_chart(timeline),
        rows=[timeline.record(r) for r in timeline.all_rows],
        coarse_periods=sorted({r.period for r in timeline.coarse}),
    )


def write_timeline_html(timeline: Timeline, path: str | Path, **kw) -> Path:
    """Write :func:`timeline_html` of ``timeline`` to ``path`` atomically; return the path."""
    return write_text_atomic(path, timeline_html(timeline, **kw))
