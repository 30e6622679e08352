"""The verdicts of a judged sample read back, and the precision they give per kind.

:func:`read_judgements` reads the CSV that ``kg sample`` wrote (or its HTML page
downloaded) once a person has judged it; :func:`judgement_report` turns the verdicts into
precision per kind, with a Wilson 95% interval::

    >>> row = ReviewRow("1", "Agency", "https://example.org/a", "重庆市科学技术局",
    ...                 surface="重庆市科技局", sentence="重庆市科技局签署协议。", judgement="correct")
    >>> report = judgement_report([row])
    >>> report.kinds["Agency"].correct, report.kinds["Agency"].precision
    (1, 1.0)
"""

from __future__ import annotations

import csv
import io
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from kg.review.rows import COLUMNS, SIGNING, VERDICTS, ReviewError, ReviewRow

__all__ = [
    "KindScore",
    "JudgementReport",
    "parse_verdict",
    "read_judgements",
    "wilson_interval",
    "judgement_report",
    "format_judgements",
]

_VERDICT_SPELLINGS = {
    **dict.fromkeys(("correct", "c", "y", "yes", "1", "true", "✓", "✔", "对"), "correct"),
    **dict.fromkeys(("partial", "p", "部分"), "partial"),
    **dict.fromkeys(("wrong", "w", "n", "no", "0", "false", "✗", "✘", "错"), "wrong"),
}

# z of a two-sided 95% interval (the 0.975 quantile of the standard normal distribution).
_Z95 = 1.959963984540054


# --------------------------------------------------------------------------- reading


def parse_verdict(text: str | None) -> str:
    """A verdict of :data:`VERDICTS` from what a person typed; ``""`` when empty.

    >>> [parse_verdict(t) for t in ("Correct", "y", "0", "✓", " partial ", "")]
    ['correct', 'correct', 'wrong', 'correct', 'partial', '']
    """
    key = (text or "").strip().lower()
    if not key:
        return ""
    verdict = _VERDICT_SPELLINGS.get(key)
    if verdict is None:
        raise ValueError(key)
    return verdict


def _decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # a spreadsheet on a Chinese Windows saves "CSV" in the local code page
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            raise ReviewError(f"{path}: neither UTF-8 nor GB18030 text") from None


def read_judgements(path: str | Path) -> list[ReviewRow]:
    """The rows of a judged review CSV, each ``judgement`` one of :data:`VERDICTS` or ``""``.

    Verdicts are read case-insensitively and may also be written ``y``/``n``, ``1``/``0``
    or ``✓``/``✗``; an empty one means not judged. Anything else raises
    :class:`ReviewError` naming the row. Columns other than ``kind`` and ``judgement`` may
    be missing; the file may use ``,``, ``;`` or tabs and be UTF-8 (with or without BOM) or
    GB18030.
    """
    path = Path(path)
    if not path.is_file():
        raise ReviewError(f"{path}: no such judgements file")
    text = _decode(path)
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [(h or "").strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in ("kind", "judgement") if c not in header]
    if missing:
        raise ReviewError(
            f"{path}: no {' or '.join(repr(c) for c in missing)} column in the header "
            f"(a review file has {', '.join(COLUMNS)})"
        )
    reader.fieldnames = header
    names = {f.name for f in fields(ReviewRow)} & set(COLUMNS)
    rows: list[ReviewRow] = []
    for line_rows, record in enumerate(reader, start=1):
        values = {k: (v or "").strip() for k, v in record.items() if k in names}
        row_id = values.get("row") or str(line_rows)
        try:
            verdict = parse_verdict(values.get("judgement"))
        except ValueError:
            raise ReviewError(
                f"{path}: row {row_id} (line {reader.line_num}): judgement "
                f"{values.get('judgement')!r} is not one of {', '.join(VERDICTS)} "
                "(or y/n, 1/0, ✓/✗; empty for not judged)"
            ) from None
        if not values.get("kind"):
            if not any(values.values()):
                continue  # a blank line a spreadsheet left
            raise ReviewError(f"{path}: row {row_id} (line {reader.line_num}): no kind")
        values.update(row=row_id, judgement=verdict)
        rows.append(replace(ReviewRow("", "", "", ""), **values))
    return rows


# --------------------------------------------------------------------------- scoring


def wilson_interval(successes: int, n: int, z: float = _Z95) -> tuple[float, float]:
    """The Wilson score interval of a proportion (95% by default); ``(0, 1)`` when n is 0.

    >>> tuple(round(x, 4) for x in wilson_interval(38, 40))
    (0.835, 0.9862)
    """
    if n <= 0:
        return (0.0, 1.0)
    if not 0 <= successes <= n:
        raise ValueError(f"successes {successes} not between 0 and n={n}")
    p = successes / n
    z2 = z * z
    denom = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom
    # the bounds are exactly 0 and 1 at the ends; rounding would leave 0.9999…
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return (low, high)


@dataclass(frozen=True)
class KindScore:
    """Verdicts on the rows of one kind and the precision they give."""

    kind: str
    rows: int
    correct: int
    partial: int
    wrong: int

    @property
    def judged(self) -> int:
        """Rows with a verdict."""
        return self.correct + self.partial + self.wrong

    @property
    def precision(self) -> float | None:
        """correct / judged (``None`` when nothing is judged)."""
        return self.correct / self.judged if self.judged else None

    @property
    def interval(self) -> tuple[float, float] | None:
        """Wilson 95% interval of :attr:`precision`."""
        return wilson_interval(self.correct, self.judged) if self.judged else None

    @property
    def lenient(self) -> float | None:
        """(correct + partial) / judged (``None`` when nothing is judged)."""
        return (self.correct + self.partial) / self.judged if self.judged else None

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""
        interval = self.interval

        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        return {
            "rows": self.rows,
            "judged": self.judged,
            "correct": self.correct,
            "partial": self.partial,
            "wrong": self.wrong,
            "precision": r(self.precision),
            "ci95": [r(interval[0]), r(interval[1])] if interval else None,
            "lenient_precision": r(self.lenient),
        }


@dataclass
class JudgementReport:
    """Precision per kind (in the order kinds first occur), overall, and the rows not correct."""

    kinds: dict[str, KindScore] = field(default_factory=dict)
    total: KindScore = field(default_factory=lambda: KindScore("all", 0, 0, 0, 0))
    flagged: list[ReviewRow] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""
        return {
            "kinds": {k: s.as_dict() for k, s in self.kinds.items()},
            "all": self.total.as_dict(),
            "flagged": [
                {c: getattr(r, c) for c in ("row", "kind", "label", "value", "judgement", "note")}
                for r in self.flagged
            ],
        }


def judgement_report(rows: Iterable[ReviewRow]) -> JudgementReport:
    """Count the verdicts per kind; rows without one count as rows, not as judged."""
    counts: dict[str, Counter] = defaultdict(Counter)
    flagged = []
    for row in rows:
        counts[row.kind]["rows"] += 1
        if row.judgement:
            counts[row.kind][row.judgement] += 1
        if row.judgement in ("partial", "wrong"):
            flagged.append(row)

    def score(kind: str, c: Counter) -> KindScore:
        return KindScore(kind, c["rows"], c["correct"], c["partial"], c["wrong"])

    report = JudgementReport({k: score(k, c) for k, c in counts.items()}, flagged=flagged)
    said = [c for k, c in counts.items() if k != SIGNING]  # (signing rows check what was missed)
    report.total = score("all", sum(said, Counter()))
    return report


def format_judgements(report: JudgementReport) -> str:
    """A plain-text table: per kind, rows judged, verdicts, precision with its 95% interval."""
    width = max([len(k) for k in report.kinds] + [4])
    head = (
        f"{'kind':<{width}}{'n':>5}{'correct':>9}{'partial':>9}{'wrong':>7}"
        f"{'P':>8}  {'95% CI':<15}{'lenient':>8}{'unjudged':>10}"
    )
    lines = [head]
    scores = [s for s in report.kinds.values() if s.kind != SIGNING]
    if len(scores) > 1:
        scores.append(report.total)
    scores += [s for s in report.kinds.values() if s.kind == SIGNING]
    for s in scores:
        if s.judged:
            low, high = s.interval or (0.0, 1.0)
            p, ci, lenient = f"{s.precision:.3f}", f"[{low:.3f}, {high:.3f}]", f"{s.lenient:.3f}"
        else:
            p, ci, lenient = "-", "-", "-"
        lines.append(
            f"{s.kind:<{width}}{s.judged:>5}{s.correct:>9}{s.partial:>9}{s.wrong:>7}"
            f"{p:>8}  {ci:<15}{lenient:>8}{s.rows - s.judged:>10}"
        )
    if SIGNING in report.kinds:
        lines.append(
            f"({SIGNING}: the share of sentences telling of a signing that the graph read fully, "
            "a check of what it missed; not part of all)"
        )
    return "\n".join(lines)
