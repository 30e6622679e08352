"""The persistent store: articles' named graphs that incremental builds update."""

from __future__ import annotations

from kg.store.articles import MANIFEST, ArticleStore, Bulk, StoredArticle, is_store, iter_batches
from kg.store.backends import (
    BACKENDS,
    Backend,
    OxigraphBackend,
    RdflibBackend,
    StoreError,
    restore_decimals,
)

__all__ = [
    "BACKENDS",
    "MANIFEST",
    "ArticleStore",
    "Backend",
    "OxigraphBackend",
    "RdflibBackend",
    "Bulk",
    "StoredArticle",
    "StoreError",
    "is_store",
    "iter_batches",
    "restore_decimals",
]
