"""Sentences that tell of a signing, with what a graph read there: rows to check recall.

Entity and fact rows (:func:`kg.review.sample_graph`) judge what a graph says; they cannot
show what it missed. A ``signing`` row is a sentence of a document whose text has a signing
verb (签署, 签订, 签约…), drawn at random whatever was read from it, with the agreements whose
mentions lie in it and their parties and signing dates. A person judges whether the sentence
was read fully (``correct``: every agreement it signs is there with its parties and date, and
nothing else; or it signs nothing that counts and nothing was read), in part (``partial``: a
party or a date missing or wrong) or not (``wrong``: an agreement missed, or something read
that is none). The share judged correct is the share of signings a build reads fully.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kg.extract.text import prepare
from kg.model.iri import span_iri, span_of
from kg.review.queries import labels_of, query_rows, term_text, values_block
from kg.review.rows import SIGNING, ReviewRow

__all__ = ["SIGNING_WORDS", "SigningSentence", "signing_candidates", "signing_rows"]

#: Words that tell of a signing, whether the text signed counts as an agreement or not.
SIGNING_WORDS = re.compile(r"签署|签订|签约|草签|缔结|续签|订立|签了|签下|签字")


@dataclass(frozen=True)
class SigningSentence:
    """A sentence that tells of a signing: its document, offsets in the document's text, text."""

    document: str
    start: int
    end: int
    text: str
    identifier: str = ""
    published: str = ""


def signing_candidates(graph: Any) -> list[SigningSentence]:
    """Every sentence of the graph's documents that has one of :data:`SIGNING_WORDS`, split
    as the extractor splits a document, by document IRI and offset."""
    rows = query_rows(
        graph,
        "SELECT ?d ?text ?id ?date WHERE { ?d a cy:Document ; cy:text ?text . "
        "OPTIONAL { ?d dcterms:identifier ?id } OPTIONAL { ?d dcterms:date ?date } }",
    )
    seen: dict[str, tuple[str, str, str]] = {}
    for doc, text, ident, date in sorted(rows, key=lambda r: tuple(map(term_text, r))):
        seen.setdefault(str(doc), (term_text(text), term_text(ident), term_text(date)))
    out = []
    for doc, (text, ident, date) in sorted(seen.items()):
        for s in prepare(text).sentences:
            if SIGNING_WORDS.search(s.text):
                out.append(SigningSentence(doc, s.start, s.end, s.text, ident, date))
    return out


def _read_there(graph: Any, drawn: Sequence[SigningSentence]) -> dict[SigningSentence, str]:
    """What the graph read in each sentence: its agreements, parties and signing dates."""
    docs = sorted({s.document for s in drawn})
    if not docs:
        return {}
    mentions = query_rows(
        graph,
        f"SELECT ?d ?m ?a WHERE {{ {values_block('d', docs)} ?m cy:mentionOf ?a . "
        "?a a cy:Agreement . ?m cy:inSentence? ?s . ?s cy:inDocument ?d }",
    )
    where: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for doc, mention, agreement in mentions:
        span = span_of(str(mention))
        if span is not None:
            where[str(doc)].append((span[1], str(agreement)))
    agreements = sorted({a for found in where.values() for _, a in found})
    labels = labels_of(graph, agreements)
    facts: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    if agreements:
        for a, party in query_rows(
            graph,
            f"SELECT ?a ?l WHERE {{ {values_block('a', agreements)} ?a cy:party ?p . "
            "?p rdfs:label ?l }",
        ):
            facts[str(a)]["party"].add(str(party))
        for a, date in query_rows(
            graph, f"SELECT ?a ?d WHERE {{ {values_block('a', agreements)} ?a cy:signedOn ?d }}"
        ):
            facts[str(a)]["date"].add(str(date))
    out = {}
    for s in drawn:
        found = sorted({a for at, a in where.get(s.document, []) if s.start <= at < s.end})
        read = [
            f"《{labels.get(a, a)}》 parties: "
            f"{'、'.join(sorted(facts[a]['party'])) or '(none)'}; "
            f"signedOn: {', '.join(sorted(facts[a]['date'])) or '(none)'}"
            for a in found
        ]
        out[s] = " | ".join(read) or "(nothing)"
    return out


def signing_rows(graph: Any, n: int, seed: int, first_row: int = 1) -> list[ReviewRow]:
    """``n`` signing sentences drawn at random (all when there are fewer), reproducibly: a
    generator of their own, seeded by ``seed``, so that asking for them leaves the other rows
    of a sample as they were. Rows are numbered from ``first_row``."""
    pool = signing_candidates(graph)
    drawn = random.Random(f"{seed}:{SIGNING}").sample(pool, min(n, len(pool)))
    read = _read_there(graph, drawn)
    return [
        ReviewRow(
            row=str(first_row + k),
            kind=SIGNING,
            entity=span_iri(s.document, s.start, s.end),
            label="",
            value=read[s],
            document=s.identifier,
            published=s.published,
            sentence=s.text,
        )
        for k, s in enumerate(drawn)
    ]
