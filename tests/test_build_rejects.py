"""Articles a build sets aside: every other one is built, each is listed in rejects.jsonl,
--strict stops at the first, --max-rejects bounds them, ids are compared normalised."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from kg.build import RejectLimit, build
from kg.cli import main
from kg.errors import InputError
from kg.io.articles import iter_articles, read_documents
from kg.model import iri
from kg.records import Document, Rejection

from .conftest import ROOT

GOOD = "3月5日，北京市科委与天津市科技局签署《京津科技合作协议》。"
OTHER = "4月8日，重庆市科技局与四川省科技厅签署《川渝科技创新合作协议》。"


def _line(record: object) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


# (the line as written, None for an article that is built, else (id, reason fragment));
# every rejection of a .jsonl line is of the stage "read"
FEED = [
    (_line({"id": "g1", "text": GOOD, "title": "京津"}), None),
    (_line({"id": "e1", "text": ""}), ("e1", "missing or empty 'text'")),
    (_line({"id": "e2"}), ("e2", "missing or empty 'text'")),
    (_line({"id": "e3", "text": " \n "}), ("e3", "missing or empty 'text'")),
    (_line({"id": "t1", "text": 5}), ("t1", "'text' is a number, not a string")),
    (_line({"id": "t2", "text": GOOD, "title": 5}), ("t2", "'title' is a number")),
    (_line({"id": "t3", "text": GOOD, "url": ["x"]}), ("t3", "'url' is an array")),
    (_line({"id": "t4", "text": GOOD, "source": {"a": 1}}), ("t4", "'source' is an object")),
    (_line({"id": "t5", "text": GOOD, "published": 2021}), ("t5", "bad date 2021")),
    (_line({"id": "t6", "text": GOOD, "title": True}), ("t6", "'title' is a boolean")),
    (_line({"id": 7, "text": GOOD}), (None, "'id' is a number")),
    (_line({"id": " ", "text": GOOD}), (None, "missing or empty 'id'")),
    (b"[1, 2]", (None, "expected a JSON object with 'id' and 'text', not an array")),
    (b'"just text"', (None, "not a string")),
    (b"null", (None, "not null")),
    (b"{oops}", (None, "malformed JSON line")),
    (b'{"id": "s1", "text": "\\udc80abc"}', ("s1", "'text' holds a lone surrogate (U+DC80")),
    (b'{"id": "s2", "text": "ok", "title": "\\ud800"}', ("s2", "'title' holds a lone surrogate")),
    (b'{"id": "\\udc80", "text": "ok"}', (None, "'id' holds a lone surrogate")),
    (b"[" * 100_000, (None, "malformed JSON line (nested too deeply)")),
    (b'{"a":' * 100_000, (None, "malformed JSON line (nested too deeply)")),
    (b'{"id": "n1", "text": "ok", "n": ' + b"9" * 5000 + b"}", (None, "malformed JSON line")),
    ("北京\xff合作".encode() + b"\xff\xfe", (None, "line is not utf-8 text")),
    (_line({"id": "report 1", "text": OTHER}), None),
    (_line({"id": "report1", "text": GOOD}), ("report1", "the same as 'report 1' in")),
    (_line({"id": "R2", "text": GOOD, "published": "2021-12-18"}), None),
    (_line({"id": "Ｒ2", "text": OTHER}), ("Ｒ2", "the same as 'R2' in")),
    (_line({"id": "g1", "text": OTHER}), ("g1", "duplicate document id 'g1' (also in")),
    (b"", None),  # a blank line is no article
    (_line({"id": "g3", "text": OTHER, "url": None, "title": None}), None),
]

BUILT = ["g1", "report 1", "R2", "g3"]
REJECTED = [(n, *want) for n, (_, want) in enumerate(FEED, start=1) if want is not None]


def _feed(tmp_path, rows=FEED, name="feed.jsonl"):
    path = tmp_path / name
    path.write_bytes(b"\n".join(line for line, _ in rows) + b"\n")
    return path


def _records(out):
    text = (out / "rejects.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def _run(*args):
    return subprocess.run(
        [sys.executable, "-m", "kg", "build", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


@pytest.fixture(scope="module")
def feed_build(tmp_path_factory):
    """The feed built by the real command, in worker processes."""
    tmp = tmp_path_factory.mktemp("feed")
    feed = _feed(tmp)
    run = _run(feed, "--out", tmp / "out", "--jobs", "2", "--no-html")
    return feed, tmp / "out", run


def test_build_rejects_feed_exits_zero_without_traceback(feed_build):
    _, out, run = feed_build
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert f"rejected: {len(REJECTED)} ({len(REJECTED)} read)" in run.stdout
    assert f"wrote {out / 'rejects.jsonl'}" in run.stdout


def test_build_rejects_feed_builds_every_good_article(feed_build):
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDF

    from kg.namespace import CY

    _, out, _ = feed_build
    graph = Graph().parse(out / "graph.ttl")
    documents = sorted(str(d) for d in graph.subjects(RDF.type, CY.Document))
    assert documents == sorted(iri.document_iri(d) for d in BUILT)
    assert (URIRef(iri.document_iri("g1")), None, None) in graph


@pytest.mark.parametrize(("line", "doc_id", "reason"), REJECTED)
def test_build_rejects_lists_each_rejected_line(feed_build, line, doc_id, reason):
    feed, out, _ = feed_build
    [record] = [r for r in _records(out) if r["line"] == line]
    assert set(record) == {"input", "line", "id", "stage", "reason"}
    assert (record["input"], record["id"], record["stage"]) == (str(feed), doc_id, "read")
    assert reason in record["reason"]
    assert "\n" not in record["reason"]


def test_build_rejects_are_in_the_order_of_the_feed(feed_build):
    _, out, _ = feed_build
    assert [r["line"] for r in _records(out)] == [n for n, _, _ in REJECTED]


def test_build_rejects_strict_stops_at_the_first_without_traceback(feed_build, tmp_path):
    feed, _, _ = feed_build
    run = _run(feed, "--out", tmp_path / "out", "--strict")
    assert run.returncode == 2
    assert run.stderr == f"kg build: error: {feed}:2: missing or empty 'text'\n"
    assert not (tmp_path / "out").exists()


def test_build_rejects_do_not_change_the_other_articles_output(feed_build, tmp_path):
    """The good articles alone give the same graph, byte for byte, and one worker the
    same rejects.jsonl as two."""
    feed, out, _ = feed_build
    clean = _feed(tmp_path, [row for row in FEED if row[1] is None], "clean.jsonl")
    assert main(["build", str(clean), "--out", str(tmp_path / "clean"), "--no-html"]) == 0
    assert (tmp_path / "clean" / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()
    assert (tmp_path / "clean" / "rejects.jsonl").read_bytes() == b""
    assert main(["build", str(feed), "--out", str(tmp_path / "one"), "--jobs", "1"]) == 0
    assert (tmp_path / "one" / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()
    one = (tmp_path / "one" / "rejects.jsonl").read_bytes()
    assert one == (out / "rejects.jsonl").read_bytes()


# ten articles, two of them rejected (20%)
LIMITED = [(_line({"id": f"a{i}", "text": GOOD}), None) for i in range(8)] + [
    (_line({"id": "x1", "text": ""}), ("x1", "")),
    (b"[]", (None, "")),
]


@pytest.mark.parametrize(
    ("limit", "code", "message"),
    [
        ("0", 4, "more articles rejected than the limit of 0; first, "),
        ("1", 4, "more articles rejected than the limit of 1; first, "),
        ("2", 0, ""),
        ("10%", 4, "2 of 10 articles rejected (20.0%), more than the limit of 10%; first, "),
        ("19.5%", 4, "more than the limit of 19.5%"),
        ("20%", 0, ""),
        ("100%", 0, ""),
    ],
)
def test_build_rejects_max_rejects_fails_past_the_limit(capsys, tmp_path, limit, code, message):
    feed = _feed(tmp_path, LIMITED)
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("earlier\n", encoding="utf-8")
    assert main(["build", str(feed), "--out", str(out), "--max-rejects", limit]) == code
    err = capsys.readouterr().err
    if code:
        assert err.startswith("kg build: error: ") and err.count("\n") == 1
        assert message in err and f"{feed}:9: missing or empty 'text'" in err
        assert (out / "graph.ttl").read_text(encoding="utf-8") == "earlier\n"
        assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"]
    else:
        assert err == ""
        assert [r["line"] for r in _records(out)] == [9, 10]


@pytest.mark.parametrize("value", ["x", "-1", "1.5", "101%", "%", "1 0"])
def test_build_rejects_max_rejects_refuses_what_is_no_limit(capsys, tmp_path, value):
    with pytest.raises(SystemExit) as info:
        main(
            ["build", str(_feed(tmp_path, LIMITED)), "--out", str(tmp_path), "--max-rejects", value]
        )
    assert info.value.code == 2
    assert "argument --max-rejects" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("value", "rejected", "total", "allowed"),
    [
        (0, 0, 5, True),
        (0, 1, 5, False),
        ("3", 3, 5, True),
        ("3", 4, None, False),
        ("50%", 5, 10, True),
        ("50%", 6, 10, False),
        ("50%", 6, None, True),  # a share is known at the end only
        (" 2.5 % ", 1, 40, True),
        (" 2.5 % ", 2, 40, False),
    ],
)
def test_build_rejects_limit_allows(value, rejected, total, allowed):
    assert RejectLimit.parse(value).allows(rejected, total) is allowed


@pytest.mark.parametrize(
    "rows",
    [
        [(_line({"id": "e", "text": ""}), None)],
        [(b"[" * 100_000, None), (b"{}", None), (_line({"id": "t", "text": 1}), None)],
    ],
)
def test_build_rejects_all_rejected_is_an_error(capsys, tmp_path, rows):
    feed = _feed(tmp_path, rows)
    assert main(["build", str(feed), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kg build: error: no article could be built: all ")
    assert err.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_build_rejects_all_rejected_files_are_an_error(capsys, tmp_path):
    (tmp_path / "empty.jsonl").write_bytes(b"\n\n")
    (tmp_path / "binary.jsonl").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["build", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert f"all 3 rejected; first, {tmp_path / 'binary.jsonl'}: binary file" in err


def _txt(tmp_path, name, text, meta=None):
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    if meta is not None:
        meta_path = path.with_name(path.name.removesuffix(".txt") + ".meta.json")
        meta_path.write_bytes(meta if isinstance(meta, bytes) else meta.encode("utf-8"))
    return path


# (file name, text, sidecar or None, None for an article that is built, else (id, reason))
TEXTS = [
    ("a.txt", GOOD, '{"title": "京津", "published": "2023-03-06"}', None),
    ("b.txt", "", None, ("b", "empty file")),
    ("c.txt", " \n\n ", None, ("c", "empty file")),
    ("d.txt", bytes(range(256)) * 4, None, ("d", "binary file")),
    ("e.txt", GOOD, '{"published": "2021/12/18"}', ("e", "e.meta.json: bad date '2021/12/18'")),
    ("f.txt", GOOD, "[" * 100_000, ("f", "f.meta.json: malformed sidecar JSON (nested too")),
    ("g.txt", GOOD, '{"title": ["x"]}', ("g", "g.meta.json: 'title' is an array, not a string")),
    ("h.txt", GOOD, '{"url": "\\udc80"}', ("h", "h.meta.json: 'url' holds a lone surrogate")),
    ("i.txt", GOOD, "[1]", ("i", "i.meta.json: sidecar must be a JSON object")),
    ("j.txt", GOOD, b"\xff{}", ("j", "j.meta.json: malformed sidecar JSON (not UTF-8)")),
    ("report 1.txt", OTHER, None, None),
    ("report1.txt", GOOD, None, ("report1", "the same as 'report 1' in")),
    ("z.txt", OTHER, None, None),
]


def test_build_rejects_text_files_and_sidecars(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text, meta, _ in TEXTS:
        _txt(folder, name, text, meta)
    assert main(["build", str(folder), "--out", str(tmp_path / "out"), "--no-html"]) == 0
    got = [(r["input"], r["line"], r["id"], r["stage"]) for r in _records(tmp_path / "out")]
    want = [(str(folder / n), None, w[0], "read") for n, _, _, w in TEXTS if w is not None]
    assert got == want
    for record, (*_, (_, reason)) in zip(
        _records(tmp_path / "out"), [t for t in TEXTS if t[3] is not None], strict=True
    ):
        assert reason in record["reason"]


@pytest.mark.skipif(sys.platform != "linux", reason="file names of any bytes: Linux")
def test_build_rejects_a_file_name_that_is_not_utf8(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _txt(folder, "good.txt", GOOD)
    with open(os.path.join(os.fsencode(folder), b"bad\xff.txt"), "wb") as handle:
        handle.write(GOOD.encode("utf-8"))
    result = build([folder], tmp_path / "out", html=False)
    [rejection] = result.rejects
    assert rejection.input == str(folder / "bad\\udcff.txt")
    assert (rejection.id, rejection.reason) == (
        None,
        "file name is not UTF-8 (the id is made of it)",
    )
    assert json.loads((tmp_path / "out" / "rejects.jsonl").read_text(encoding="utf-8"))
    result.close()


# ids that are one once normalised (NFKC, white space removed)
SAME_IDS = [
    ("report 1", "report1"),
    ("Ｒ2", "R2"),
    ("ｄｏｃ　7", "doc7"),
    ("a\tb", "ab"),
    ("① note", "1note"),
]


@pytest.mark.parametrize(("first", "second"), SAME_IDS)
def test_build_rejects_ids_that_are_the_same_once_normalised(tmp_path, first, second):
    feed = _feed(
        tmp_path,
        [(_line({"id": first, "text": GOOD}), None), (_line({"id": second, "text": OTHER}), None)],
    )
    result = build([feed])
    assert [d.id for d in result.documents] == [first]
    [rejection] = result.rejects
    assert (rejection.line, rejection.id, rejection.stage) == (2, second, "read")
    assert f"the same as {first!r} in {feed}:1" in rejection.reason
    result.close()
    with pytest.raises(InputError, match="duplicate document id"):
        read_documents([feed])


def test_build_rejects_an_article_the_extractor_fails_on(tmp_path, monkeypatch, capsys):
    import kg.build.workers

    original = kg.build.workers.extract

    def extract(doc, lexicon):
        if doc.id == "boom":
            raise RuntimeError("the extractor broke\nsecond line")
        return original(doc, lexicon)

    monkeypatch.setattr(kg.build.workers, "extract", extract)
    rows = [
        (_line({"id": "a", "text": GOOD}), None),
        (_line({"id": "boom", "text": OTHER}), None),
        (_line({"id": "c", "text": OTHER}), None),
    ]
    feed = _feed(tmp_path, rows)
    for jobs in (1, 2):
        result = build([feed], jobs=jobs)
        assert [d.id for d in result.documents] == ["a", "c"]
        assert result.rejects == [
            Rejection(
                str(feed),
                2,
                "boom",
                "extract",
                "extraction failed: RuntimeError: the extractor broke",
            )
        ]
        result.close()
    assert main(["build", str(feed), "--out", str(tmp_path / "out"), "--strict"]) == 1
    err = capsys.readouterr().err
    assert (
        err == f"kg build: error: {feed}:2: extraction failed: RuntimeError: the extractor broke\n"
    )


def _breaks_the_shapes(monkeypatch, doc_id):
    """Give the document ``doc_id`` a content hash the shapes refuse (not 64 hex digits)."""
    import kg.model.triples

    original = kg.model.triples._triples

    def triples(ex, terms):
        out = []
        for s, p, o in original(ex, terms):
            if ex.document.id == doc_id and str(p).endswith("contentHash>"):
                o = '"not a hash"'
            out.append((s, p, o))
        return out

    monkeypatch.setattr(kg.model.triples, "_triples", triples)


@pytest.mark.parametrize("jobs", [1, 2])
def test_build_rejects_an_article_that_breaks_the_shapes(tmp_path, monkeypatch, capsys, jobs):
    _breaks_the_shapes(monkeypatch, "bad")
    rows = [
        (_line({"id": "a", "text": GOOD}), None),
        (_line({"id": "bad", "text": OTHER}), None),
        (_line({"id": "", "text": OTHER}), None),
    ]
    feed = _feed(tmp_path, rows)
    out = tmp_path / "out"
    assert main(["build", str(feed), "--out", str(out), "--jobs", str(jobs)]) == 0
    assert "rejected: 2 (1 read, 1 shapes)" in capsys.readouterr().out
    [shapes, read] = _records(out)
    assert (read["line"], read["stage"]) == (3, "read")
    assert (shapes["line"], shapes["id"], shapes["stage"]) == (2, "bad", "shapes")
    assert shapes["reason"].startswith("does not conform to the shapes: ")
    assert "contentHash" in shapes["reason"] or "64" in shapes["reason"]
    assert iri.document_iri("bad") not in (out / "graph.ttl").read_text(encoding="utf-8")
    assert main(["build", str(feed), "--out", str(tmp_path / "strict"), "--strict"]) == 3
    err = capsys.readouterr().err
    assert err.startswith(f"kg build: error: {feed}:2: does not conform to the shapes: ")
    assert err.count("\n") == 1


def test_build_rejects_with_a_store_keep_the_stored_version(tmp_path, capsys):
    from kg.store import ArticleStore

    store = tmp_path / "store"
    rows = [(_line({"id": "a", "text": GOOD}), None), (_line({"id": "b", "text": OTHER}), None)]
    assert main(["build", str(_feed(tmp_path, rows)), "--store", str(store)]) == 0
    assert (store / "rejects.jsonl").read_bytes() == b""
    # b is now empty, and a line is broken: b stays as it was, even with --prune
    changed = [rows[0], (_line({"id": "b", "text": ""}), None), (b"{", None)]
    feed = _feed(tmp_path, changed)
    capsys.readouterr()
    assert main(["build", str(feed), "--store", str(store), "--prune", "--jobs", "2"]) == 0
    out = capsys.readouterr().out
    assert "1 unchanged, 0 removed; 2 articles" in out
    assert "rejected: 2 (2 read)" in out
    assert [(r["line"], r["id"]) for r in _records(store)] == [(2, "b"), (3, None)]
    with ArticleStore(store, create=False, read_only=True) as opened:
        assert sorted(opened.graphs()) == sorted(iri.document_iri(d) for d in "ab")


def test_build_rejects_file_is_replaced_by_an_empty_one(tmp_path):
    out = tmp_path / "out"
    rows = [(_line({"id": "a", "text": GOOD}), None), (b"[]", None)]
    assert main(["build", str(_feed(tmp_path, rows)), "--out", str(out), "--no-html"]) == 0
    assert len(_records(out)) == 1
    assert main(["build", str(_feed(tmp_path, rows[:1])), "--out", str(out), "--no-html"]) == 0
    assert (out / "rejects.jsonl").read_bytes() == b""
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl", "rejects.jsonl"]


def test_build_rejects_library_result_lists_them(tmp_path):
    import kg

    result = build([_feed(tmp_path, LIMITED)])
    assert [d.id for d in result.documents] == [f"a{i}" for i in range(8)]
    assert [(r.line, r.id, r.stage) for r in result.rejects] == [
        (9, "x1", "read"),
        (10, None, "read"),
    ]
    assert all(isinstance(r, kg.Rejection) for r in result.rejects)
    assert result.reject_counts() == {"read": 2}
    assert not (tmp_path / "rejects.jsonl").exists()  # no output directory, no file
    result.close()
    with pytest.raises(kg.KgError, match="more articles rejected than the limit of 1"):
        build([_feed(tmp_path, LIMITED)], max_rejects=1)
    with pytest.raises(InputError, match="expected N or P%"):
        build([_feed(tmp_path, LIMITED)], max_rejects="lots")


def test_build_rejects_reader_yields_each_item_in_place(tmp_path):
    feed = _feed(tmp_path)
    items = list(iter_articles([feed]))
    assert [i.line for i in items] == [n for n, (line, _) in enumerate(FEED, 1) if line]
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.id for d in docs] == ["g1", "report 1", "report1", "R2", "Ｒ2", "g1", "g3"]
    assert all(d.path == str(feed) for d in docs)


def test_build_rejects_missing_path_still_stops_the_build(capsys, tmp_path):
    feed = _feed(tmp_path, LIMITED)
    assert (
        main(["build", str(feed), str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "o")]) == 2
    )
    assert "nope.jsonl: no such file or directory" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()
