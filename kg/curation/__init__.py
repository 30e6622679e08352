"""What an analyst adds to a build: corrections applied to the extracted records, and a
lexicon of names the gazetteers lack (records-level, no RDF)."""

from __future__ import annotations

from kg.curation.apply import apply_corrections
from kg.curation.corrections import Corrections, Entry, Selector, read_corrections
from kg.curation.lexicon import lexicon_digest, read_lexicon
from kg.curation.names import Plan, article_names, plan
from kg.curation.resolve import Resolver

__all__ = [
    "Corrections",
    "Entry",
    "Plan",
    "Resolver",
    "Selector",
    "apply_corrections",
    "article_names",
    "lexicon_digest",
    "plan",
    "read_corrections",
    "read_lexicon",
]
