"""Judging a graph by hand: samples to judge (``kg sample``) and the scores of judged ones."""

from __future__ import annotations

from kg.review.judgements import (
    JudgementReport,
    KindScore,
    format_judgements,
    judgement_report,
    parse_verdict,
    read_judgements,
    wilson_interval,
)
from kg.review.rows import COLUMNS, FACT_KINDS, SIGNING, VERDICTS, ReviewError, ReviewRow
from kg.review.sample import (
    REVIEW_FORMATS,
    AgreementCoverage,
    agreement_coverage,
    format_sample_summary,
    generate_csv,
    generate_html,
    review_format,
    sample_graph,
    write_review,
)
from kg.review.signings import SIGNING_WORDS, signing_candidates, signing_rows

__all__ = [
    "COLUMNS",
    "FACT_KINDS",
    "VERDICTS",
    "REVIEW_FORMATS",
    "SIGNING",
    "SIGNING_WORDS",
    "AgreementCoverage",
    "JudgementReport",
    "KindScore",
    "ReviewError",
    "ReviewRow",
    "agreement_coverage",
    "format_judgements",
    "format_sample_summary",
    "generate_csv",
    "generate_html",
    "judgement_report",
    "parse_verdict",
    "read_judgements",
    "review_format",
    "sample_graph",
    "signing_candidates",
    "signing_rows",
    "wilson_interval",
    "write_review",
]
