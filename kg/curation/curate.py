"""What a build curates with: its corrections and its user lexicon, read once, applied to
each article in the workers, and the digest each article is stored with."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.curation.apply import apply_corrections
from kg.curation.corrections import Corrections, Entry, read_corrections
from kg.curation.lexicon import lexicon_digest, read_lexicon
from kg.curation.names import Plan, article_names, plan
from kg.curation.resolve import Resolver
from kg.extract import Lexicon
from kg.extract.user_names import UserName
from kg.records import Extraction

__all__ = ["Curated", "Curation", "load_curation"]


@dataclass(frozen=True)
class Curated:
    """One article extracted and corrected: the records, the name index it had before any
    correction, the digest of what it was curated with, and the ids of the corrections
    that changed it."""

    extraction: Extraction
    names: frozenset[str]
    digest: str
    applied: tuple[str, ...]


@dataclass
class Curation:
    """A build's corrections (their :class:`Plan`) and user lexicon; the default curates
    nothing. It travels to the worker processes, which make its lexicon and resolver once."""

    plan: Plan = field(default_factory=Plan)
    names: tuple[UserName, ...] = ()
    corrections: str | None = None  # the files, for messages
    lexicon_file: str | None = None
    _made: Any = field(default=None, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_made": None}  # a lexicon does not travel; it is made again

    @property
    def entries(self) -> tuple[Entry, ...]:
        return self.plan.entries

    def lexicon(self) -> Lexicon:
        """The extractor's lexicon with the user's names (the default one without)."""
        return self._tools()[0]

    def resolver(self) -> Resolver:
        return self._tools()[1]

    def _tools(self) -> tuple[Lexicon, Resolver]:
        if self._made is None:
            lex = Lexicon.default().extended(self.names) if self.names else Lexicon.default()
            self._made = (lex, Resolver(lex))
        return self._made

    def curate(self, ex: Extraction, *, names_wanted: bool = True) -> Curated:
        """Apply the corrections that may touch an extraction (made with :meth:`lexicon`).

        Without ``names_wanted`` (a build that keeps no ledger), an article is given its
        name index only when corrections need it to choose theirs."""
        names = article_names(ex) if names_wanted or self.plan.entries else frozenset()
        entries = self.plan.relevant(names)
        ex = apply_corrections(ex, entries, self.resolver())
        applied = tuple(c.correction.id for c in ex.corrections)
        return Curated(ex, names, self.plan.digest(entries), applied)

    def digest_for(self, names: frozenset[str]) -> str:
        """The digest an article of this name index is curated with now."""
        return self.plan.digest(self.plan.relevant(names))


def load_curation(
    corrections: str | Path | None = None, lexicon: str | Path | None = None
) -> Curation:
    """Read a corrections file and a lexicon file (either may be ``None``); a problem in
    either is one :class:`~kg.errors.InputError`."""
    names = read_lexicon(lexicon) if lexicon is not None else ()
    found = read_corrections(corrections) if corrections is not None else Corrections("")
    curation = Curation(names=names, lexicon_file=str(lexicon) if lexicon else None)
    curation.plan = plan(found.entries, curation.resolver(), lexicon_digest(names))
    curation.corrections = str(corrections) if corrections is not None else None
    return curation
