"""Which corrections may touch an article, known from the names it holds, without reading it.

An article's *name index* is what it names before any correction: its document id, and
the label, key and undated key of each entity it mentions or relates. A correction may
touch the article when a name its selector may match is in the index (a reject-mention
when the document is the article), or a name an earlier correction that may touch it
brings in (a rename's new label, a merge's survivor, an added party). This is a superset
of the corrections that change the article: an incremental build compares the digest of
these corrections, and of the lexicon, with the one the article was stored with, and
builds again only the articles whose digest changed.
"""

from __future__ import annotations

import hashlib
import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kg.curation.corrections import Entry
from kg.curation.resolve import Resolver, name_key, undated
from kg.extract.text import normalize_name
from kg.records import Entity, Extraction

__all__ = ["Plan", "article_names", "plan"]

_DOC = "doc:"


def article_names(ex: Extraction) -> frozenset[str]:
    """The name index of an extraction (before any correction)."""
    out = {_DOC + normalize_name(ex.document.id)}
    entities: set[Entity] = {m.entity for m in ex.mentions}
    for rel in ex.relations:
        entities.add(rel.subject)
        if isinstance(rel.object, Entity):
            entities.add(rel.object)
    for e in entities:
        out |= {name_key(e.label), e.key, undated(e.key)}
    return frozenset(out)


@dataclass(frozen=True)
class Plan:
    """The corrections of a build with what each needs in a name index to touch an article
    and what it brings in; ``lexicon`` is the digest of the user's lexicon."""

    entries: tuple[Entry, ...] = ()
    needs: tuple[frozenset[str], ...] = ()
    brings: tuple[frozenset[str], ...] = ()
    lexicon: str = ""

    def __post_init__(self) -> None:
        # name -> the positions of the corrections that need it (asked once per article)
        index: dict[str, list[int]] = {}
        for i, needs in enumerate(self.needs):
            for name in needs:
                index.setdefault(name, []).append(i)
        object.__setattr__(self, "_index", index)

    def relevant(self, names: Iterable[str]) -> list[Entry]:
        """The corrections that may touch an article of this name index, in file order: one
        needs a name the article holds or a correction before it that touches the article
        brings in."""
        if not self.entries:
            return []
        index: dict[str, list[int]] = self._index  # type: ignore[attr-defined]
        held = set(names)
        todo = sorted({i for name in held for i in index.get(name, ())})
        heapq.heapify(todo)
        out: list[Entry] = []
        taken: set[int] = set()
        while todo:
            i = heapq.heappop(todo)
            if i in taken:
                continue
            taken.add(i)
            out.append(self.entries[i])
            for name in self.brings[i] - held:
                held.add(name)
                for j in index.get(name, ()):
                    if j > i and j not in taken:
                        heapq.heappush(todo, j)
        return out

    def digest(self, entries: Sequence[Entry]) -> str:
        """The digest an article built with ``entries`` (and this lexicon) is stored with;
        empty for none."""
        if not entries and not self.lexicon:
            return ""
        text = "\n".join([self.lexicon, *(e.canonical() for e in entries)])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def plan(entries: Sequence[Entry], resolver: Resolver, lexicon: str = "") -> Plan:
    """What each correction needs and brings in (names read once, with the build's lexicon)."""
    needs, brings = [], []
    for entry in entries:
        if entry.kind == "reject-mention":
            needs.append(frozenset({_DOC + normalize_name(entry.document or "")}))
        else:
            needs.append(resolver.tokens(entry.entity))  # type: ignore[arg-type]
        out: set[str] = set()
        if entry.target is not None:  # a merge's survivor, a party
            out |= resolver.tokens(entry.target)
        if entry.kind == "rename" and entry.text:
            out.add(name_key(entry.text))
        brings.append(frozenset(out))
    return Plan(tuple(entries), tuple(needs), tuple(brings), lexicon)
