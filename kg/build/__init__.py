"""Building a graph from articles: orchestration, workers, sinks, checks, rejects, result."""

from __future__ import annotations

from kg.build.checks import PYSHACL_LIMIT
from kg.build.rejects import REJECTS_FILE, RejectLimit
from kg.build.result import AgreementSummary, ArticleSummary, BuildResult, BuildSummary
from kg.build.run import HTML_MAX_ARTICLES, build, default_jobs
from kg.callable import make_callable

__all__ = [
    "AgreementSummary",
    "ArticleSummary",
    "BuildResult",
    "BuildSummary",
    "HTML_MAX_ARTICLES",
    "PYSHACL_LIMIT",
    "REJECTS_FILE",
    "RejectLimit",
    "build",
    "default_jobs",
]


make_callable(__name__, build)
