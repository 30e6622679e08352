"""A timeline as a table for a terminal, CSV, JSON or Markdown; :data:`TIMELINE_FORMATS`
maps each format name to its writer."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from kg.errors import InputError
from kg.sparql import display_width
from kg.timeline.rows import Timeline

__all__ = [
    "TIMELINE_FORMATS",
    "format_timeline",
    "timeline_table",
    "timeline_csv",
    "timeline_json",
    "timeline_markdown",
]


def _cells(timeline: Timeline) -> list[list[str]]:
    return [[str(timeline.record(r)[c]) for c in timeline.columns] for r in timeline.all_rows]


def _summary(timeline: Timeline) -> str:
    parts = [f"{timeline.total()} agreements", f"{timeline.total(timeline.rows)} by {timeline.by}"]
    if timeline.coarse:
        parts.append(f"{timeline.total(timeline.coarse)} dated less precisely")
    parts.append(f"{timeline.total(timeline.undated)} undated")
    return ", ".join(parts)


def timeline_table(timeline: Timeline) -> str:
    """Aligned columns (wide characters count two), the number right-aligned, and a line
    that sums up: how many agreements, dated by the period, less precisely, undated."""
    header = list(timeline.columns)
    body = _cells(timeline)
    widths = [max(display_width(x) for x in col) for col in zip(header, *body, strict=True)]

    def line(cells: list[str]) -> str:
        out = []
        for i, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            pad = " " * (width - display_width(cell))
            out.append(pad + cell if i == len(cells) - 1 else cell + pad)
        return "  ".join(out).rstrip()

    lines = [line(header), line(["-" * w for w in widths]), *map(line, body)]
    return "\n".join(lines) + f"\n({_summary(timeline)})\n"


def timeline_csv(timeline: Timeline) -> str:
    """CSV with a header row, one row per line of the table."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(timeline.columns)
    writer.writerows(_cells(timeline))
    return out.getvalue()


def timeline_json(timeline: Timeline) -> str:
    """JSON: the period, the totals (dated, coarse, undated) and the rows as objects."""
    return json.dumps(timeline.as_dict(), ensure_ascii=False, indent=2) + "\n"


def timeline_markdown(timeline: Timeline) -> str:
    """A Markdown table and the line that sums it up."""

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = [
        "| " + " | ".join(timeline.columns) + " |",
        "| " + " | ".join("---:" if c == "agreements" else "---" for c in timeline.columns) + " |",
    ]
    lines += ["| " + " | ".join(cell(x) for x in row) + " |" for row in _cells(timeline)]
    return "\n".join(lines) + f"\n\n{_summary(timeline)}\n"


#: Format name -> the function that writes a timeline in it (``kg timeline --format``).
TIMELINE_FORMATS: dict[str, Callable[[Timeline], str]] = {
    "table": timeline_table,
    "csv": timeline_csv,
    "json": timeline_json,
    "markdown": timeline_markdown,
}


def format_timeline(timeline: Timeline, fmt: str = "table") -> str:
    """The timeline in ``fmt``, one of :data:`TIMELINE_FORMATS`."""
    try:
        return TIMELINE_FORMATS[fmt](timeline)
    except KeyError:
        known = ", ".join(TIMELINE_FORMATS)
        raise InputError(f"no timeline format {fmt!r} (known: {known})") from None
