"""The article store, the streaming writers and the compiled shapes, against rdflib and
pySHACL as references."""

from __future__ import annotations

import dataclasses
import io

import pyoxigraph
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.io.spool import Spool
from kg.io.streaming import WRITERS, turtle_block, turtle_prefixes, turtle_term
from kg.model import iri
from kg.model.shapes import check_statements, check_union_max_counts
from kg.model.triples import (
    extraction_ntriples,
    extraction_statements,
    statement_groups,
    to_dataset,
    to_graph,
)
from kg.model.validate import validate
from kg.namespace import CY
from kg.records import Document, Extraction
from kg.sparql import inject_bindings, open_graph, query_store
from kg.store import ArticleStore, StoredArticle, StoreError

ID = iri.BASE


def _renamed(ex: Extraction, doc_id: str, title: str | None = None) -> Extraction:
    doc = dataclasses.replace(ex.document, id=doc_id, title=title or ex.document.title)
    return dataclasses.replace(ex, document=doc)


@pytest.fixture(scope="module")
def extractions(small_extraction):
    # three articles sharing entities; ids chosen so that one is a prefix of another
    return [
        small_extraction,
        _renamed(small_extraction, "doc1-b", "另一篇"),
        _renamed(small_extraction, "doc10"),
    ]


def _article(ex: Extraction) -> StoredArticle:
    graph = iri.document_iri(ex.document.id)
    return StoredArticle.of(graph, extraction_statements(ex), ex.document.content_hash)


def _store(extractions, backend, path=None) -> ArticleStore:
    store = ArticleStore(path, backend)
    store.add([_article(ex) for ex in extractions])
    return store


def _spool(extractions) -> Spool:
    spool = Spool()
    for ex in extractions:
        article = _article(ex)
        spool.add(article.graph, article.own, article.shared)
    return spool


def _turtle_spool(extractions) -> Spool:
    """A spool holding articles as build workers send them for Turtle output only."""
    spool = Spool()
    for ex in extractions:
        article = _article(ex)
        own = [line[:-2] for line in article.own.decode("utf-8").splitlines()]
        groups = statement_groups(sorted(article.shared))
        block = turtle_block(own, graph=article.graph)  # relative to its graph, as workers do
        spool.add(article.graph, None, turtle=block, count=len(own), groups=groups)
    return spool


SOURCES = {
    "oxigraph": lambda exs, tmp: _store(exs, "oxigraph", tmp / "s"),
    "rdflib": lambda exs, tmp: _store(exs, "rdflib", tmp / "s"),
    "spool": lambda exs, tmp: _spool(exs),
    "spool-turtle": lambda exs, tmp: _turtle_spool(exs),
}


def test_store_turtle_spool_gives_back_the_statements(extractions):
    full, turtle = _spool(extractions), _turtle_spool(extractions)
    for graph in full.graphs():
        assert turtle.graph_statements(graph) == sorted(full.graph_statements(graph))
    assert turtle.triple_count() == full.triple_count() > 0


A, B, C = (f"<{ID}city/{n}>" for n in ("1", "2", "3"))
LABEL, CODE = "<http://www.w3.org/2000/01/rdf-schema#label>", "<urn:p:code>"


@pytest.mark.parametrize(
    "articles, merged",
    [
        # the same statements from two articles: nothing merged
        ([[f'{A} {LABEL} "a"'], [f'{A} {LABEL} "a"']], []),
        # a second article describes A otherwise: all of A's statements are merged
        (
            [[f'{A} {LABEL} "a"', f'{B} {LABEL} "b"'], [f'{A} {CODE} "1"', f'{A} {LABEL} "a"']],
            [f'{A} {LABEL} "a"', f'{A} {CODE} "1"'],
        ),
        # a third article adds to a merged subject; C differs in a third article only
        (
            [[f'{C} {LABEL} "c"'], [f'{C} {LABEL} "c"', f'{B} {CODE} "2"'], [f'{C} {CODE} "3"']],
            [f'{C} {LABEL} "c"', f'{C} {CODE} "3"'],
        ),
    ],
)
def test_store_spool_merges_the_subjects_articles_describe_differently(articles, merged):
    everything = sorted({st for shared in articles for st in shared})
    for order in (articles, articles[::-1]):
        by_statements, by_groups = Spool(), Spool()
        for n, shared in enumerate(order):
            by_statements.add(f"urn:g{n}", "", shared)
            groups = statement_groups(sorted(shared))
            by_groups.add(f"urn:g{n}", "", groups=groups)
        for spool in (by_statements, by_groups):
            assert spool.shared_statements() == everything
            assert spool.merged_statements() == merged
            assert spool.triple_count() == len(everything)
            assert [s for s, _ in spool.shared_groups()] == sorted(
                {st.split()[0] for st in everything}
            )


@pytest.mark.parametrize("source", sorted(SOURCES))
@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "trig", "nquads"])
def test_store_writers_match_rdflib(extractions, tmp_path, source, fmt):
    src = SOURCES[source](extractions, tmp_path)
    out = io.StringIO()
    WRITERS[fmt](src, out)
    text = out.getvalue()
    if fmt in ("turtle", "ntriples"):
        parsed = Graph().parse(data=text, format="nt" if fmt == "ntriples" else "turtle")
        assert isomorphic(parsed, to_graph(extractions))
    else:
        parsed = Dataset()
        parsed.parse(data=text, format=fmt)
        expected = to_dataset(extractions)
        assert isomorphic(parsed.default_graph, expected.default_graph)
        assert len(parsed.default_graph) > 0
        for ex in extractions:
            name = URIRef(iri.document_iri(ex.document.id))
            assert len(parsed.graph(name)) > 0
            assert isomorphic(parsed.graph(name), expected.graph(name))
    # byte-identical whatever order the articles came in
    again = io.StringIO()
    WRITERS[fmt](SOURCES[source](list(reversed(extractions)), tmp_path / "r"), again)
    assert again.getvalue() == text


@pytest.mark.parametrize("source", ["spool", "spool-turtle"])
@pytest.mark.parametrize("fmt", ["turtle", "ntriples"])
def test_store_writers_copy_held_blocks_to_a_file_as_they_are(extractions, tmp_path, source, fmt):
    # a text stream over bytes takes the blocks a spool holds without decoding them
    src = SOURCES[source](extractions, tmp_path)
    text = io.StringIO()
    WRITERS[fmt](src, text)
    binary = io.BytesIO()
    handle = io.TextIOWrapper(binary, encoding="utf-8", newline="\n")
    written = WRITERS[fmt](src, handle)
    handle.flush()
    assert binary.getvalue().decode("utf-8") == text.getvalue()
    assert written == len(to_graph(extractions))


@pytest.mark.parametrize(
    "token, turtle",
    [
        ("<https://w3id.org/chengyu-kg/ontology#party>", "cy:party"),
        # "a" stands for rdf:type as a predicate only (turtle_block writes it so)
        ("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "rdf:type"),
        # instance IRIs take their class's prefix, with the escapes a local name needs
        (f"<{ID}agency/重庆市科学技术局>", "agency:重庆市科学技术局"),
        (f"<{ID}science-city/西部(重庆)科学城>", "science-city:西部\\(重庆\\)科学城"),
        (f"<{ID}agreement/协议@2021-12-17>", "agreement:协议\\@2021-12-17"),
        (f"<{ID}district/500109>", "district:500109"),
        (f"<{ID}agency/a%2Fb>", "agency:a%2Fb"),
        (f"<{ID}agency/.a>", "agency:\\.a"),
        (f"<{ID}agency/a.>", f"<{ID}agency/a.>"),  # rdflib does not read a final "\\."
        ('"75.0"^^<http://www.w3.org/2001/XMLSchema#decimal>', "75.0"),
        ('"2023-03-05"^^<http://www.w3.org/2001/XMLSchema#date>', '"2023-03-05"^^xsd:date'),
        ('"a \\"b\\""@zh', '"a \\"b\\""@zh'),
        ("<http://www.w3.org/2000/01/rdf-schema#label>", "rdfs:label"),
        (f"<{ID}quantity>", "id:quantity"),
        (f"<{ID}doc/d1>", "doc:d1"),
        # a correction and its author (kg build --corrections)
        (f"<{ID}correction/c-7>", "correction:c-7"),
        (f"<{ID}agent/LiWei>", "agent:LiWei"),
        # a span of a document: no prefix fits (an article's block writes it relative)
        (f"<{ID}doc/d1#char=0,5>", f"<{ID}doc/d1#char=0,5>"),
        ("<https://w3id.org/chengyu-kg/ontology#a.b>", "cy:a.b"),
        # a character an IRI may hold but a local name may not (U+2010)
        (
            "<https://w3id.org/chengyu-kg/ontology#a\u2010b>",
            "<https://w3id.org/chengyu-kg/ontology#a\u2010b>",
        ),
        ("<http://example.org/x>", "<http://example.org/x>"),
    ],
)
def test_store_turtle_terms(token, turtle):
    assert turtle_term(token) == turtle
    # and strict parsers read it back as the IRI or literal it stands for
    text = f"{turtle_prefixes()}<urn:s> <urn:p> {turtle} .\n"
    expected = Graph().parse(data=f"<urn:s> <urn:p> {token} .\n", format="nt")
    assert isomorphic(Graph().parse(data=text, format="turtle"), expected)
    [parsed] = pyoxigraph.parse(text, pyoxigraph.RdfFormat.TURTLE)
    assert str(parsed.object) == token


TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
PREDICATE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate>"


@pytest.mark.parametrize(
    "statements, turtle",
    [
        ([f"<urn:x> {TYPE} <urn:C>"], "<urn:x> a <urn:C> .\n\n"),
        # rdf:type as an object (an assertion about a type statement) is not "a"
        (
            [f"<urn:x> {PREDICATE} {TYPE}", f"<urn:x> {TYPE} <urn:C>"],
            "<urn:x> a <urn:C> ;\n    rdf:predicate rdf:type .\n\n",
        ),
    ],
)
def test_store_turtle_block_writes_a_for_rdf_type_as_predicate_only(statements, turtle):
    block = turtle_block(sorted(statements))
    assert block == turtle
    parsed = Graph().parse(data=turtle_prefixes() + block, format="turtle")
    expected = Graph().parse(data="".join(f"{st} .\n" for st in statements), format="nt")
    assert isomorphic(parsed, expected)


def test_store_turtle_block_of_an_article_told_its_graph_is_relative_to_it(extractions):
    from kg.io.streaming import turtle_base, turtle_block_of_triples
    from kg.model.triples import extraction_terms, split_terms

    for ex in extractions:
        graph = iri.document_iri(ex.document.id)
        own, shared = split_terms(extraction_terms(ex), graph)
        block = turtle_block_of_triples(own, graph=graph)
        absolute = turtle_block_of_triples(own)
        assert absolute == turtle_block([" ".join(t) for t in own])
        # the article's nodes are written relative to its IRI: the document, its spans
        assert "\n<> a cy:Document ;" in block and "<#char=0,32> cy:inDocument <> ." in block
        assert graph not in block and graph in absolute
        # read under its @base, it is the same graph ("d1" and "d10" kept apart)
        relative = Graph().parse(data=turtle_prefixes() + turtle_base(graph) + block)
        assert isomorphic(relative, Graph().parse(data=turtle_prefixes() + absolute))
        assert turtle_block_of_triples(shared, graph=graph) == turtle_block_of_triples(shared)


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_store_replace_and_remove_touch_only_their_article(extractions, tmp_path, backend):
    store = _store(extractions, backend, tmp_path / "s")
    keep = iri.document_iri("doc1-b")
    before = sorted(store.graph_statements(keep))
    changed = _renamed(extractions[0], "doc1", "新标题")
    store.replace(_article(changed))
    assert sorted(store.graph_statements(keep)) == before
    hashes = store.article_hashes()
    assert set(hashes) == {iri.document_iri(e.document.id) for e in extractions}
    title = query_store(store, f"SELECT ?t WHERE {{ <{ID}doc/doc1> dcterms:title ?t }}")
    assert [str(r[0]) for r in title.rows] == ["新标题"]
    assert store.remove([iri.document_iri("doc1"), iri.document_iri("nope")]) == 1
    assert iri.document_iri("doc1") not in store and keep in store
    # the shared entity is still there, through the other articles
    ask = query_store(store, f"ASK {{ <{ID}district/110108> a cy:District }}")
    assert ask.boolean is True
    store.close()
    reopened = ArticleStore(tmp_path / "s", create=False, read_only=True)
    assert len(reopened) == 2 and reopened.backend == backend
    reopened.close()


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_store_shared_statements_go_with_the_last_article_that_makes_them(
    extractions, tmp_path, backend
):
    store = _store(extractions[:2], backend, tmp_path / "s")
    shared = set(store.shared_statements())
    assert shared == set(_article(extractions[0]).shared)
    # the record of an article that never got stored (a build killed in between)
    store._write_records([_article(extractions[2])])
    assert store.remove([iri.document_iri("doc1")]) == 1
    assert set(store.shared_statements()) == shared  # doc1-b still makes them
    assert store.remove([iri.document_iri("doc1-b")]) == 1
    assert store.shared_statements() == [] and store.quad_count() == 0
    store.close()


def test_store_refuses_wrong_backend_and_foreign_directories(tmp_path):
    ArticleStore(tmp_path / "s", "rdflib").close()
    with pytest.raises(StoreError, match="rdflib backend"):
        ArticleStore(tmp_path / "s", "oxigraph")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "x.txt").write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="not a store"):
        ArticleStore(tmp_path / "other")
    with pytest.raises(StoreError, match="not a store"):
        ArticleStore(tmp_path / "missing", create=False)
    old = tmp_path / "old"
    old.mkdir()
    (old / "kg-store.json").write_text(
        '{"format": "chengyu-kg store", "version": 1, "backend": "oxigraph"}', encoding="utf-8"
    )
    with pytest.raises(StoreError, match="another version .* build it again"):
        ArticleStore(old)


def test_store_oxigraph_allows_one_writer(extractions, tmp_path):
    store = _store(extractions, "oxigraph", tmp_path / "s")
    with pytest.raises(StoreError, match="in use|cannot open"):
        ArticleStore(tmp_path / "s")
    store.close()


def test_store_open_graph_for_store_and_file(extractions, tmp_path):
    _store(extractions, "oxigraph", tmp_path / "s").close()
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text(
        to_graph(extractions).serialize(format="turtle"), encoding="utf-8"
    )
    query = "SELECT ?d WHERE { ?a cy:party ?p . ?p rdfs:label ?name . BIND(?a AS ?d) }"
    for location in (tmp_path / "s", out):
        with open_graph(location) as source:
            name = Literal("北京市科学技术委员会", lang="zh")
            result = source.query(query, bindings={"name": name})
            assert [str(r[0]) for r in result.rows] == [
                f"{ID}agreement/京津科技协同合作协议@2023-03-05"
            ]
            area = source.query("SELECT ?v WHERE { ?q a cy:Quantity ; cy:value ?v }", limit=1).rows[
                0
            ][0]
            assert str(area) == "75.0"  # decimals keep the package's canonical form


def test_store_inject_bindings_goes_inside_where():
    text = 'SELECT ?x WHERE { ?x rdfs:label "{not here}" . FILTER(STR(?x) = ?n) }'
    out = inject_bindings(text, {"n": "重庆"})
    assert out.index('VALUES ?n { "重庆" "重庆"@zh }') < out.index("?x rdfs:label")


# ---------------------------------------------------------------------- compiled shapes


def _mutations():
    def add(*triple):
        return lambda g: g.add(triple)

    def drop(s, p):
        return lambda g: g.remove((s, p, None))

    agreement = URIRef(ID + "agreement/京津科技协同合作协议@2023-03-05")
    district = URIRef(ID + "district/110108")
    from rdflib import XSD, Literal
    from rdflib.namespace import RDF, RDFS

    return {
        "none": lambda g: None,
        "party-not-agency": add(agreement, CY.party, district),
        "no-label": drop(district, RDFS.label),
        "two-codes": add(district, CY.divisionCode, Literal("110109")),
        "bad-code": lambda g: (
            g.remove((district, CY.divisionCode, None)),
            g.add((district, CY.divisionCode, Literal("abc"))),
        ),
        "year-source-not-in": lambda g: g.add(
            (next(g.subjects(RDF.predicate, CY.signedOn)), CY.yearSource, Literal("guess"))
        ),
        "label-not-zh": add(district, RDFS.label, Literal("Haidian", lang="en")),
        "date-not-date": add(agreement, CY.signedOn, Literal("2023", datatype=XSD.gYear)),
        "untraceable": add(URIRef(ID + "city/999999"), CY.divisionCode, Literal("999999"))
        or (lambda g: g.add((URIRef(ID + "city/999999"), RDFS.label, Literal("x", lang="zh")))),
    }


@pytest.mark.parametrize("name", sorted(_mutations()))
def test_store_compiled_shapes_agree_with_pyshacl(small_extraction, name):
    graph = to_graph([small_extraction])
    _mutations()[name](graph)
    statements = [f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in graph]
    assert (not check_statements(statements)) == validate(graph).conforms


def test_store_union_max_count_catches_conflicts_across_articles(small_extraction):
    import datetime

    other = _renamed(small_extraction, "doc2")
    rel = other.relations[2]
    moved = dataclasses.replace(
        rel, object=dataclasses.replace(rel.object, date=datetime.date(2024, 1, 1))
    )
    other = dataclasses.replace(other, relations=(*other.relations[:2], moved))
    statements = set()
    for ex in (small_extraction, other):
        statements |= {s.removesuffix(" .") for s in extraction_ntriples(ex).splitlines()}
        assert not check_statements(
            sorted(
                statements & set(s.removesuffix(" .") for s in extraction_ntriples(ex).splitlines())
            )
        )
    assert check_union_max_counts(sorted(statements))
    assert not validate(to_graph([small_extraction, other])).conforms


def test_store_document_statements_detect_metadata_changes(small_extraction, tmp_path):
    from kg.model.triples import document_ntriples

    store = _store([small_extraction], "oxigraph", tmp_path / "s")
    graph = iri.document_iri("doc1")
    same = store.canonical_statements(document_ntriples(small_extraction.document))
    assert store.document_statements(graph) == same
    retitled = Document(**{**dataclasses.asdict(small_extraction.document), "title": "新"})
    assert store.document_statements(graph) != store.canonical_statements(
        document_ntriples(retitled)
    )
    store.close()


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_store_union_check_reads_what_earlier_builds_stored(extractions, tmp_path, backend):
    from kg.build.checks import store_union_violations as _union_violations

    store = _store(extractions[:1], backend, tmp_path / "s")
    other = _article(extractions[1])
    district = f"<{ID}district/110108>"
    code = f"{district} <{CY}divisionCode>"
    assert any(st.startswith(code) for st in other.shared)
    subjects = {st.split(" ", 1)[0] for st in other.shared}
    assert _union_violations(store, subjects) == []
    clash = dataclasses.replace(other, shared=(*other.shared, f'{code} "110109"'))
    store.add([clash])
    for touched in (subjects, None):  # the subjects a build added, or all of them
        problems = _union_violations(store, touched)
        assert problems and district in problems[0]
    assert _union_violations(store, {f"<{ID}district/110101>"}) == []
    store.close()


@pytest.mark.parametrize(
    "bad",
    [
        "<relative>",  # no scheme: not an absolute IRI
        f"<{ID}agency/a b>",  # a space in an IRI
    ],
)
def test_store_loads_checked_unless_the_bulk_is_lenient(small_extraction, tmp_path, bad):
    graph = iri.document_iri(small_extraction.document.id)
    statements = [*extraction_statements(small_extraction), f"<{graph}#char=0,1> <{CY.text}> {bad}"]
    article = StoredArticle.of(graph, statements, small_extraction.document.content_hash)
    with ArticleStore(tmp_path / "strict") as store:
        with pytest.raises(SyntaxError):
            store.add([article])
        assert store.quad_count() == 0  # nothing of the article went in
    # a lenient bulk (what a build uses for the statements kg.model.triples made) skips the check
    with ArticleStore(tmp_path / "lenient") as store:
        bulk = store.bulk(lenient=True)
        bulk.add(article)
        store.load(bulk)
        assert store.quad_count() == article.statements
