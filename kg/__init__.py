"""chengyu-kg: knowledge graphs from Chinese regional-cooperation news.

The public API, imported lazily so that ``import kg`` stays cheap::

    >>> import kg
    >>> result = kg.build(["seeds"])            # doctest: +SKIP
    >>> kg.generate_turtle(result.dataset)[:10]  # doctest: +SKIP
    '@prefix cy'
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    # reading and extraction
    "Document": "kg.records",
    "Extraction": "kg.records",
    "Entity": "kg.records",
    "Mention": "kg.records",
    "Relation": "kg.records",
    "read_documents": "kg.sources",
    "extract": "kg.extract",
    "Lexicon": "kg.extract",
    # RDF
    "CY": "kg.namespace",
    "to_graph": "kg.rdf",
    "to_dataset": "kg.rdf",
    "build": "kg.build",
    "BuildResult": "kg.build",
    "validate": "kg.validate",
    "FORMATS": "kg.export",
    "generate_turtle": "kg.export",
    "write_graph": "kg.export",
    # asking and looking
    "load_graph": "kg.query",
    "run_query": "kg.query",
    "named_queries": "kg.query",
    "to_networkx": "kg.analyze",
    "analyze": "kg.analyze",
    "generate_html": "kg.viz",
    "write_html": "kg.viz",
    "graph_view": "kg.viz",
    # evaluation
    "load_gold": "kg.evaluate",
    "evaluate": "kg.evaluate",
    "evaluate_graph": "kg.evaluate",
    "format_report": "kg.evaluate",
    "ReviewRow": "kg.review",
    "sample_graph": "kg.review",
    "write_review": "kg.review",
    "read_judgements": "kg.review",
    "judgement_report": "kg.review",
    "format_judgements": "kg.review",
    # errors
    "KgError": "kg.errors",
    "InputError": "kg.errors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
