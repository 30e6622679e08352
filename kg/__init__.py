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
    "Rejection": "kg.records",
    "read_documents": "kg.io.articles",
    "extract": "kg.extract",
    "Lexicon": "kg.extract",
    # corrections and a user's lexicon
    "read_corrections": "kg.curation",
    "read_lexicon": "kg.curation",
    "apply_corrections": "kg.curation",
    # RDF
    "CY": "kg.namespace",
    "to_graph": "kg.model.triples",
    "to_dataset": "kg.model.triples",
    "build": "kg.build",
    "BuildResult": "kg.build",
    "validate": "kg.model.validate",
    "FORMATS": "kg.io.rdflib_writers",
    "generate_turtle": "kg.io.rdflib_writers",
    "write_graph": "kg.io.rdflib_writers",
    # asking and looking
    "load_graph": "kg.io.graph_files",
    "run_query": "kg.sparql.engine",
    "named_queries": "kg.sparql.named",
    "open_graph": "kg.sparql.graphs",
    "to_networkx": "kg.analyze",
    "analyze": "kg.analyze",
    "add_measures": "kg.analyze",
    "generate_html": "kg.viz",
    "write_html": "kg.viz",
    "graph_view": "kg.viz",
    "make_server": "kg.server.app",
    # entity cards and the timeline
    "Card": "kg.cards",
    "entity_card": "kg.cards",
    "find_entity": "kg.cards",
    "format_card": "kg.cards",
    "card_html": "kg.cards",
    "Timeline": "kg.timeline",
    "agreement_timeline": "kg.timeline",
    "format_timeline": "kg.timeline",
    "timeline_html": "kg.timeline",
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
    "EntityLookupError": "kg.errors",
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
