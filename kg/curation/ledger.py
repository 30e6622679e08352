"""What each article of a store was curated with: a small JSON file per article in the
store's ``curation/`` folder, named after the article's graph and content hash (as its
record of shared statements is).

A record holds the article's name index (:func:`kg.curation.names.article_names`), the
digest of the corrections and lexicon it was built with, and the ids of the corrections
that changed it. An incremental build reads it to decide whether a change of the
corrections touches the article, and to report the corrections of articles it skips.

Records are written so that an interrupted build never leaves one that claims more than
the store holds: a new article's (or a new version's) before the article is loaded, under
a name no stored article has yet; an article built again with the same text is first
marked pending, and gets its record once the store holds the new version.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["LEDGER_DIR", "PENDING", "Ledger", "LedgerRecord"]

#: The folder of a store that holds the records.
LEDGER_DIR = "curation"
#: The digest of an article being built again (never one a build computes).
PENDING = "pending"


@dataclass(frozen=True)
class LedgerRecord:
    """What one stored article was curated with."""

    graph: str
    content_hash: str
    digest: str
    names: frozenset[str]
    applied: tuple[str, ...] = ()


class Ledger:
    """The records of a store directory (none for a store in memory)."""

    def __init__(self, store_dir: str | Path | None) -> None:
        self.folder = Path(store_dir) / LEDGER_DIR if store_dir is not None else None
        self._memory: dict[tuple[str, str], LedgerRecord] = {}

    def _path(self, graph: str, content_hash: str) -> Path | None:
        if self.folder is None:
            return None
        name = hashlib.sha1(f"{graph}\x1f{content_hash}".encode()).hexdigest()
        return self.folder / f"{name}.json"

    def read(self, graph: str, content_hash: str) -> LedgerRecord | None:
        """The record of an article's version, ``None`` when there is none (a store made
        before records were kept) or it cannot be read."""
        path = self._path(graph, content_hash)
        if path is None:
            return self._memory.get((graph, content_hash))
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return LedgerRecord(
                data["graph"],
                data["hash"],
                data["digest"],
                frozenset(data["names"]),
                tuple(data["applied"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def write(self, record: LedgerRecord) -> None:
        """Write (or replace) a record, atomically."""
        path = self._path(record.graph, record.content_hash)
        if path is None:
            self._memory[(record.graph, record.content_hash)] = record
            return
        path.parent.mkdir(exist_ok=True)
        data = {
            "graph": record.graph,
            "hash": record.content_hash,
            "digest": record.digest,
            "names": sorted(record.names),
            "applied": list(record.applied),
        }
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, path)

    def mark_pending(self, graph: str, content_hash: str) -> None:
        """Mark an article as being built again (its record no longer says what it holds)."""
        old = self.read(graph, content_hash)
        names = old.names if old is not None else frozenset()
        self.write(LedgerRecord(graph, content_hash, PENDING, names))

    def drop(self, graph: str, content_hash: str) -> None:
        path = self._path(graph, content_hash)
        if path is None:
            self._memory.pop((graph, content_hash), None)
        elif path is not None:
            path.unlink(missing_ok=True)
