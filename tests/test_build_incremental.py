"""Incremental builds into a persistent store: unchanged articles are skipped, changed and
removed ones replace or drop exactly their named graph, and a killed build leaves whole
articles only."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from rdflib import Dataset, URIRef

from kg.build import build
from kg.build import sinks as build_sinks
from kg.model import iri
from kg.sparql import query_store
from kg.store import ArticleStore

from .conftest import ROOT, bench_corpus

CORPUS = bench_corpus()


def _write(path, records):
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


@pytest.fixture(scope="module")
def articles():
    return list(CORPUS.generate(6, seed=7))


def _statements(store_dir, doc_id):
    with ArticleStore(store_dir, create=False, read_only=True) as store:
        return set(store.graph_statements(iri.document_iri(doc_id)))


def _contents(store_dir):
    """A store's shared statements and each article's own, as sets."""
    with ArticleStore(store_dir, create=False, read_only=True) as store:
        graphs = {g: set(store.graph_statements(g)) for g in store.graphs()}
        return set(store.shared_statements()), graphs


def _fresh(tmp_path, records, name="fresh"):
    """The contents of a store built from scratch from ``records``."""
    path = _write(tmp_path / f"{name}.jsonl", records)
    build([path], store=tmp_path / name, validate=False)
    return _contents(tmp_path / name)


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_build_incremental_skips_unchanged_and_adds_new(tmp_path, articles, backend):
    store = tmp_path / "store"
    first = _write(tmp_path / "a.jsonl", articles[:4])
    r1 = build([first], store=store, store_backend=backend, validate=False)
    assert (r1.new, r1.changed, r1.unchanged) == (4, 0, 0)
    r2 = build([first], store=store, validate=False)
    assert (r2.new, r2.changed, r2.unchanged) == (0, 0, 4)
    assert r2.quads == r1.quads
    second = _write(tmp_path / "b.jsonl", articles[4:])
    r3 = build([second], store=store, validate=False)
    assert (r3.new, r3.unchanged, r3.articles_in_store) == (2, 0, 6)
    with ArticleStore(store, create=False, read_only=True) as s:
        assert s.backend == backend
        assert len(s) == 6


@pytest.mark.parametrize(
    "change",
    [
        lambda r: {**r, "text": r["text"].replace("合作", "协作", 1)},
        lambda r: {**r, "title": r["title"] + "（更新）"},
    ],
    ids=["text", "title"],
)
def test_build_incremental_replaces_exactly_a_changed_article(tmp_path, articles, change):
    store = tmp_path / "store"
    build([_write(tmp_path / "a.jsonl", articles[:3])], store=store, validate=False)
    before = {a["id"]: _statements(store, a["id"]) for a in articles[:3]}
    changed = [change(articles[0]), *articles[1:3]]
    result = build([_write(tmp_path / "b.jsonl", changed)], store=store, validate=False)
    assert (result.new, result.changed, result.unchanged) == (0, 1, 2)
    after = {a["id"]: _statements(store, a["id"]) for a in articles[:3]}
    assert after[articles[1]["id"]] == before[articles[1]["id"]]
    assert after[articles[2]["id"]] == before[articles[2]["id"]]
    assert after[articles[0]["id"]] != before[articles[0]["id"]]
    # the same graph, shared statements included, as a build from scratch
    assert _contents(store) == _fresh(tmp_path, changed)


def test_build_incremental_prune_drops_only_the_removed_article(tmp_path, articles):
    store = tmp_path / "store"
    build([_write(tmp_path / "a.jsonl", articles[:3])], store=store, validate=False)
    gone = iri.document_iri(articles[0]["id"])
    kept = _statements(store, articles[1]["id"])
    result = build(
        [_write(tmp_path / "b.jsonl", articles[1:3])], store=store, prune=True, validate=False
    )
    assert result.removed == 1
    with ArticleStore(store, create=False, read_only=True) as s:
        assert gone not in s and len(s) == 2
        # nothing of the removed article is left in the union
        hits = query_store(s, f"ASK {{ {{ <{gone}> ?p ?o }} UNION {{ ?s ?p <{gone}> }} }}")
        assert hits.boolean is False
    assert _statements(store, articles[1]["id"]) == kept
    # what only the removed article said is gone, what others say too is kept
    assert _contents(store) == _fresh(tmp_path, articles[1:3])
    shared_before = _fresh(tmp_path, articles[:3], "before")[0]
    assert shared_before - _contents(store)[0]


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_build_incremental_store_after_changes_equals_a_fresh_build(tmp_path, articles, backend):
    store = tmp_path / "store"
    build([_write(tmp_path / "a.jsonl", articles[:5])], store=store, store_backend=backend)
    edited = [{**articles[1], "text": articles[1]["text"][: len(articles[1]["text"]) // 2]}]
    final = [articles[0], *edited, articles[3], articles[5]]
    result = build([_write(tmp_path / "b.jsonl", final)], store=store, prune=True)
    assert (result.new, result.changed, result.unchanged, result.removed) == (1, 1, 2, 2)
    assert _contents(store) == _fresh(tmp_path, final)
    # every triple of the union once: counting over the store counts like over the file
    with ArticleStore(store, create=False, read_only=True) as s:
        rows = query_store(s, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows
        assert int(rows[0][0]) == s.triple_count() == result.quads


def test_build_incremental_store_output_matches_a_full_build(tmp_path, articles):
    store = tmp_path / "store"
    build([_write(tmp_path / "a.jsonl", articles[3:])], store=store, validate=False)
    build(
        [_write(tmp_path / "b.jsonl", articles[:3])],
        tmp_path / "inc",
        store=store,
        formats=["turtle", "nquads", "trig", "ntriples"],
        validate=False,
    )
    full = build(
        [tmp_path / "b.jsonl", tmp_path / "a.jsonl"],
        tmp_path / "full",
        formats=["turtle", "nquads", "trig", "ntriples"],
        validate=False,
    )
    for name in ("graph.ttl", "graph.nq", "graph.trig", "graph.nt"):
        assert (tmp_path / "inc" / name).read_bytes() == (tmp_path / "full" / name).read_bytes()
    ds = Dataset()
    ds.parse(tmp_path / "full" / "graph.trig", format="trig")
    named = {str(g.identifier) for g in ds.graphs() if len(g)} - {str(ds.default_graph.identifier)}
    assert named == {iri.document_iri(a["id"]) for a in articles}
    assert len(ds.default_graph) > 50  # the shared statements
    assert len(ds.graph(URIRef(iri.document_iri(articles[0]["id"])))) > 50
    full.close()


def test_build_incremental_refuses_a_directory_that_is_not_a_store(tmp_path, articles):
    from kg.store import StoreError

    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreError, match="not a store"):
        build([_write(tmp_path / "a.jsonl", articles[:1])], store=tmp_path, validate=False)


def _expected_statements(records):
    from kg.extract import Lexicon, extract
    from kg.io.articles import iter_documents
    from kg.model.triples import extraction_ntriples, is_own_statement

    lexicon = Lexicon.default()
    expected, shared = {}, set()
    for doc in iter_documents(records):
        graph = iri.document_iri(doc.id)
        with ArticleStore(None) as scratch:  # canonical form, as Oxigraph writes it back
            statements = scratch.canonical_statements(extraction_ntriples(extract(doc, lexicon)))
        expected[graph] = {st for st in statements if is_own_statement(st, graph)}
        shared |= statements - expected[graph]
    return expected, shared


@pytest.mark.parametrize("how", ["SIGKILL", "SIGINT"])
def test_build_incremental_interrupted_build_leaves_whole_articles(tmp_path, how):
    corpus = tmp_path / "corpus.jsonl"
    CORPUS.write_corpus(corpus, 200, seed=3)
    store = tmp_path / "store"
    cmd = [sys.executable, "-m", "kg", "build", str(corpus), "--store", str(store)]
    cmd += ["--jobs", "1", "--batch", "3", "--no-validate", "--progress"]
    proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "80"},
        # Ctrl-C's default action, as in a terminal's foreground job (a shell that runs the
        # tests in the background leaves SIGINT ignored, and children inherit that)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    # wait until the progress bar shows some articles done, then interrupt mid-way
    seen = b""
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        seen += os.read(proc.stderr.fileno(), 4096)
        counts = [int(x) for x in seen.replace(b"\r", b"\n").split() if x.isdigit()]
        if counts and max(counts) >= 20:
            break
    assert proc.poll() is None, "the build finished before it could be interrupted"
    proc.send_signal(signal.SIGKILL if how == "SIGKILL" else signal.SIGINT)
    code = proc.wait(timeout=60)
    proc.stderr.close()
    assert code == (-signal.SIGKILL if how == "SIGKILL" else 130)

    with ArticleStore(store, create=False, read_only=True) as s:
        graphs = s.graphs()
        assert 0 < len(graphs) < 200
        stored = {g: set(s.graph_statements(g)) for g in graphs}
        got = {
            g: s.canonical_statements("".join(f"{x} .\n" for x in st)) for g, st in stored.items()
        }
        got_shared = s.canonical_statements("".join(f"{x} .\n" for x in s.shared_statements()))
    records = tmp_path / "stored.jsonl"
    wanted = {iri.document_iri(r["id"]): r for r in CORPUS.generate(200, seed=3)}
    _write(records, [wanted[g] for g in graphs])
    expected, expected_shared = _expected_statements([records])
    assert got == expected  # every stored article is whole
    assert got_shared == expected_shared  # with its shared statements, and nothing else

    # the next build completes the rest
    result = build([corpus], store=store, validate=False)
    assert (result.new, result.unchanged) == (200 - len(graphs), len(graphs))


def test_build_validates_small_builds_with_pyshacl_and_larger_ones_with_compiled_shapes(
    tmp_path, articles
):
    from kg.build import PYSHACL_LIMIT

    small = build([_write(tmp_path / "a.jsonl", articles[:1])])
    assert small.validated == "pyshacl" and small.quads <= PYSHACL_LIMIT
    larger = build([_write(tmp_path / "b.jsonl", list(CORPUS.generate(60, seed=7)))])
    assert larger.validated == "shapes" and larger.quads > PYSHACL_LIMIT
    small.close()
    larger.close()


def _clashing_codes(monkeypatch):
    """Make the second of two articles give 海淀区 another division code: each article
    conforms alone, the two together break ``sh:maxCount 1``."""
    import kg.model.triples

    original = kg.model.triples._triples

    def triples(ex, terms):
        for s, p, o in original(ex, terms):
            if ex.document.id == "b" and o == '"110108"':
                o = '"110109"'
            yield s, p, o

    monkeypatch.setattr(kg.model.triples, "_triples", triples)


CLASH = [
    {"id": "a", "text": "北京市海淀区与天津市滨海新区签署合作协议。"},
    {"id": "b", "text": "海淀区位于北京市，与河北省雄安新区开展合作。"},
]


@pytest.mark.parametrize(
    ("mode", "first", "second"),
    [
        ("fresh store", CLASH, None),
        ("added to a store", CLASH[:1], CLASH),
        ("no store", CLASH, None),
    ],
)
def test_build_incremental_union_of_articles_is_checked(tmp_path, monkeypatch, mode, first, second):
    from kg.errors import ValidationError

    _clashing_codes(monkeypatch)
    store = None if mode == "no store" else tmp_path / "store"
    out = tmp_path / "out" if store is None else None
    if second is not None:
        build([_write(tmp_path / "first.jsonl", first)], store=store, html=False)
    corpus = _write(tmp_path / "all.jsonl", second or first)
    monkeypatch.setattr(build_sinks, "PYSHACL_LIMIT", 0)  # the check large builds use
    with pytest.raises(ValidationError, match="110108|110109"):
        build([corpus], out, store=store, html=False)
