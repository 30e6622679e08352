"""The persistent store: articles' named graphs that incremental builds update."""

from __future__ import annotations

from kg.store.articles import (
    BACKENDS,
    MANIFEST,
    ArticleStore,
    Bulk,
    StoredArticle,
    StoreError,
    is_store,
    iter_batches,
    restore_decimals,
)

__all__ = [
    "BACKENDS",
    "MANIFEST",
    "ArticleStore",
    "Bulk",
    "StoredArticle",
    "StoreError",
    "is_store",
    "iter_batches",
    "restore_decimals",
]
