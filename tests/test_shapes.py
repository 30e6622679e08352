"""The compiled shapes per article: the fast paths of :func:`check_triples` and
:func:`check_statements` give the messages of a reference that runs every check in full,
and flag what pySHACL flags."""

from __future__ import annotations

import json
import random

import pytest
from rdflib import Graph

from kg.extract import Lexicon, extract
from kg.io.articles import read_documents
from kg.model.shapes import (
    _RDF_TYPE,
    _foci,
    _Index,
    _node_violations,
    check_statements,
    check_triples,
)
from kg.model.triples import extraction_statements
from kg.model.validate import validate

from .conftest import bench_corpus

CY = "https://w3id.org/chengyu-kg/ontology#"
RDFS_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
XSD = "http://www.w3.org/2001/XMLSchema#"


CORPUS = bench_corpus()


@pytest.fixture(scope="module")
def corpus_statements(tmp_path_factory) -> list[list[str]]:
    """The statements of 50 generated articles, one sorted list each."""
    path = tmp_path_factory.mktemp("corpus") / "articles.jsonl"
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in CORPUS.generate(50, seed=5)),
        encoding="utf-8",
    )
    lexicon = Lexicon.default()
    return [sorted(extraction_statements(extract(d, lexicon))) for d in read_documents([path])]


@pytest.fixture(scope="module")
def article(corpus_statements) -> list[str]:
    """One article with every kind of node the mutations touch."""
    wanted = ("yearSource", "divisionCode", "party", "signedOn", "unit", "targetYear")
    return next(st for st in corpus_statements if all(f"<{CY}{w}>" in "".join(st) for w in wanted))


def _reference(statements: list[str]) -> list[str]:
    """The messages with no fast path: every check of every shape in full."""
    index = _Index(statements)
    found: list[str] = []
    for focus, nodes in _foci(index):
        for node in nodes:
            found.extend(_node_violations(index, focus, node))
    return found


def _triples(statements: list[str]) -> list[tuple[str, str, str]]:
    return [tuple(st.split(" ", 2)) for st in statements]


# ------------------------------------------------------------------------- mutations


def _parts(statements: list[str], predicate: str) -> tuple[int, str, str, str]:
    """The position and terms of the first statement with ``cy:predicate`` (or a full IRI)."""
    p = predicate if predicate.startswith("<") else f"<{CY}{predicate}>"
    for i, st in enumerate(statements):
        s, q, o = st.split(" ", 2)
        if q == p:
            return i, s, q, o
    raise AssertionError(f"no {p} statement")


def _drop(predicate: str):
    def mutate(statements: list[str]) -> list[str]:
        i = _parts(statements, predicate)[0]
        return statements[:i] + statements[i + 1 :]

    return mutate


def _replace(predicate: str, new_object):
    """Replace the object of the first ``predicate`` statement (a term, or a function of
    the statements that gives one)."""

    def mutate(statements: list[str]) -> list[str]:
        i, s, p, _ = _parts(statements, predicate)
        o = new_object(statements) if callable(new_object) else new_object
        return statements[:i] + [f"{s} {p} {o}"] + statements[i + 1 :]

    return mutate


def _add(predicate: str, new_object):
    """A second object for the subject of the first ``predicate`` statement (a term, or a
    function of that subject that gives one)."""

    def mutate(statements: list[str]) -> list[str]:
        _, s, p, _ = _parts(statements, predicate)
        o = new_object(s) if callable(new_object) else new_object
        return [*statements, f"{s} {p} {o}"]

    return mutate


def _document(statements: list[str]) -> str:
    return _parts(statements, "contentHash")[1]


def _other_span(node: str) -> str:
    """Another span of the document of ``node`` (a span or an assertion)."""
    return node[: node.index("#")] + "#char=0,1>"


def _sentence_in_a_sentence(statements: list[str]) -> list[str]:
    _, _, _, sentence = _parts(statements, "inSentence")
    return [*statements, f"{sentence} <{CY}inSentence> {sentence}"]


def _a_district(statements: list[str]) -> str:
    return _parts(statements, "divisionCode")[1]


def _untraceable_city(statements: list[str]) -> list[str]:
    city = "<https://w3id.org/chengyu-kg/id/city/810000>"
    return [*statements, f"{city} {_RDF_TYPE} <{CY}City>", f'{city} {RDFS_LABEL} "某市"@zh']


MUTATIONS = {
    "no-sentence": _drop("inSentence"),
    "no-document-of-a-sentence": _drop("inDocument"),
    "no-span": _drop("span"),
    "no-text": _drop("text"),
    "no-label": _drop(RDFS_LABEL),
    "no-value": _drop("value"),
    "two-division-codes": _add("divisionCode", '"110109"'),
    "two-sentences": _add("inSentence", _other_span),
    "two-spans": _add("span", _other_span),
    "two-texts": _add("text", '"又一段"'),
    "sentence-in-a-sentence": _sentence_in_a_sentence,
    "span-without-offsets": _replace("span", _document),
    "span-a-string": _replace("span", '"3,5"'),
    "mention-of-a-string": _replace("mentionOf", '"岳阳"'),
    "two-year-sources": _add("yearSource", '"text"'),
    "signed-on-a-string": _replace("signedOn", '"2020"'),
    "target-year-a-string": _replace("targetYear", '"2025"'),
    "text-in-chinese": _replace("text", '"岳阳"@zh'),
    "label-in-english": _replace(RDFS_LABEL, '"Haidian"@en'),
    "label-a-string": _replace(RDFS_LABEL, '"海淀区"'),
    "party-a-district": _replace("party", _a_district),
    "unit-a-literal": _replace("unit", '"km2"'),
    "five-digit-code": _replace("divisionCode", '"11010"'),
    "year-source-guessed": _replace("yearSource", '"guessed"'),
    "untraceable-city": _untraceable_city,
}


# ----------------------------------------------------------------------------- tests


@pytest.mark.parametrize(
    "check",
    [check_statements, lambda st: check_triples(_triples(st))],
    ids=["statements", "triples"],
)
def test_shapes_generated_articles_conform(corpus_statements, check):
    assert len(corpus_statements) == 50
    for statements in corpus_statements:
        assert check(statements) == []


def test_shapes_generated_article_conforms_for_pyshacl(article):
    graph = Graph().parse(data=" .\n".join(article) + " .\n", format="nt")
    assert validate(graph).conforms


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_shapes_mutations_give_the_reference_messages(article, name):
    statements = MUTATIONS[name](article)
    expected = _reference(statements)
    assert expected
    assert check_statements(statements) == expected
    assert check_triples(_triples(statements)) == expected
    graph = Graph().parse(data=" .\n".join(statements) + " .\n", format="nt")
    assert not validate(graph).conforms


def _shuffled(statements: list[str]) -> list[str]:
    return random.Random(1).sample(statements, len(statements))


@pytest.mark.parametrize(
    "arrange",
    [list, _shuffled, lambda st: st[::-1], lambda st: st + st[::3]],
    ids=["sorted", "shuffled", "reversed", "repeated"],
)
@pytest.mark.parametrize("limit", [None, 1, 2, 5])
def test_shapes_order_repeats_and_limit_keep_the_reference_messages(article, arrange, limit):
    statements = article
    for name in ("two-division-codes", "party-a-district", "no-label", "year-source-guessed"):
        statements = MUTATIONS[name](statements)
    statements = arrange(statements)
    expected = _reference(statements)
    assert len(expected) >= 4
    if limit is not None:
        expected = expected[:limit]
    assert check_statements(statements, limit=limit) == expected
    assert check_triples(_triples(statements), limit=limit) == expected
