"""Building a graph from articles: orchestration, workers, sinks, checks, rejects, result."""

from __future__ import annotations

import sys
import types
from typing import Any

from kg.build.checks import PYSHACL_LIMIT
from kg.build.rejects import REJECTS_FILE, RejectLimit
from kg.build.result import AgreementSummary, ArticleSummary, BuildResult, BuildSummary
from kg.build.run import HTML_MAX_ARTICLES, build, default_jobs

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


class _CallableModule(types.ModuleType):
    """This module, callable as :func:`build`: ``kg.build`` is both this module and the
    function the public API exports, and Python's import system sets the module on
    ``kg`` once anything imports it (``import kg.build...``), so that ``kg.build(...)``
    works whatever was imported first."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return build(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
