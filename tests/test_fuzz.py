"""Property tests (hypothesis) of the reader, the extractor, the writers and ``kg build``:
whatever the text or the JSON, no traceback, every offset points into the text, every
graph parses back in Oxigraph, every article is built or listed in rejects.jsonl.

Texts mix sentences written like regional-cooperation news (the vocabulary of
``bench/fuzz_inputs.py``) with noise, so that the extractor's deeper steps run. The
examples are derandomized (the same ones each run) and their number fixed, so CI is
deterministic and quick; ``KG_FUZZ_EXAMPLES=N`` runs N of each instead. ``@example``
rows are reproducers of the inputs that once failed. ``bench/fuzz.py`` runs 10,000.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from pathlib import Path

import pyoxigraph
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.cli import main
from kg.extract import extract
from kg.extract.text import clean_text
from kg.io import rdflib_writers
from kg.io.articles import document_key
from kg.model.iri import document_iri
from kg.model.triples import extraction_ntriples, to_dataset
from kg.records import Document

from .conftest import bench_module

FUZZ = bench_module("fuzz_inputs")


def _settings(examples: int) -> settings:
    return settings(
        max_examples=int(os.environ.get("KG_FUZZ_EXAMPLES", examples)),
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )


# ------------------------------------------------------------------ strategies

_VOCABULARY = (
    FUZZ.PLACES
    + FUZZ.AGENCIES
    + FUZZ.ORGANIZATIONS
    + FUZZ.HEADS
    + FUZZ.UNITS
    + FUZZ.PROJECTS
    + FUZZ.JOINERS
    + FUZZ.FILLER
    + tuple(FUZZ.MARKS)
    + FUZZ.ODD
)

words = st.sampled_from(_VOCABULARY)
agencies = st.builds(str.__add__, st.sampled_from(FUZZ.PLACES), st.sampled_from(FUZZ.AGENCIES))
# numbers of up to 40 digits, as digits or full-width, before a unit (29 digits before 亿元)
figures = st.builds(
    lambda n, full, unit: (
        (str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")) if full else str(n))
        + unit
    ),
    st.integers(0, 10**40),
    st.booleans(),
    st.sampled_from(FUZZ.UNITS),
)
dates = st.builds(
    lambda y, m, d, form: (f"{y}年{m}月{d}日", f"{m}月{d}日", f"{y}年{m}月", f"{y}年")[form],
    st.integers(0, 99999),
    st.integers(0, 14),
    st.integers(0, 40),
    st.integers(0, 3),
)
titles = st.builds(
    lambda opened, body, head, closed: opened + body + head + closed,
    st.sampled_from(("《", "《", "“", "")),
    st.sampled_from(FUZZ.PLACES + FUZZ.FILLER),
    st.sampled_from(FUZZ.HEADS),
    st.sampled_from(("》", "》", "”", "")),
)
signings = st.builds(
    lambda date, a, b, title: f"{date}，{a}与{b}签署{title}。", dates, agencies, agencies, titles
)
# long runs of one character: [ × N, 《 without 》, digits, clause marks, line breaks
runs = st.builds(
    str.__mul__,
    st.sampled_from(("[", "《", "》", "9", "，", "、", "。", "\n", "签署", "市")),
    st.integers(1, 3000),
)
# any code point but the surrogates (no str read from UTF-8 holds one)
noise = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)
odd = st.lists(st.sampled_from(FUZZ.ODD), max_size=8).map("".join)

texts = st.lists(
    st.one_of(words, agencies, figures, dates, titles, signings, signings, runs, noise, odd),
    max_size=30,
).map("".join)

# ------------------------------------------------------------------ the extractor


def _check_spans(text: str, ex) -> None:
    spans = [m.span for m in ex.mentions] + [r.span for r in ex.relations]
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.surface
        assert 0 <= span.sentence < len(ex.sentences)
    for sentence in ex.sentences:
        assert text[sentence.start : sentence.end] == sentence.text


@_settings(200)
@given(texts)
@example("重庆市两江新区项目总投资达12345678901234567890123456789亿元。")
@example("[" * 100_000)
@example("《" * 3000 + "重庆市科技局与四川省科技厅签署协议。")
@example("3月5日，重庆市科\ufffe技局与四\x00川省科技厅签署《川渝\x85科技合作协议》。")
@example("，".join(["重庆市科技局与四川省科技厅签署《川渝科技合作协议》"] * 200))
def test_fuzz_extract_never_fails_and_points_into_the_text(text):
    """Any text, cleaned or not: no exception, every mention and piece of evidence at
    its characters, every sentence where it says."""
    _check_spans(text, extract(Document("d", text)))


@_settings(120)
@given(texts)
@example("3月5日，重庆市科技局与\\天府新区智能网联汽车产业园项目签署《合作协议》。")
@example('"😀\\山城数据科技有限公司与研究院签订《新加四川医疗卫生战略合作框架协议》。')
@example("重庆市\ufffe科技局\x0c与U+FFFF四川省\uffff科技厅签署《川渝\ufdd0协议》。")
def test_fuzz_graph_of_any_text_parses_in_oxigraph(text):
    """The graph of any article, its text cleaned as the reader cleans it, written as
    Turtle by rdflib and as the build's N-Triples: Oxigraph reads both, the same triples."""
    text = clean_text(text)
    if not text.strip():
        return  # the reader rejects such an article
    ex = extract(Document("d-1", text))
    turtle = rdflib_writers.generate_turtle(to_dataset([ex])).encode("utf-8")
    from_turtle = set(pyoxigraph.parse(turtle, format=pyoxigraph.RdfFormat.TURTLE))
    nt = extraction_ntriples(ex).encode("utf-8")
    from_nt = set(pyoxigraph.parse(nt, format=pyoxigraph.RdfFormat.N_TRIPLES))
    assert from_turtle == from_nt and from_nt


# ------------------------------------------------------------------ kg build

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | texts,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(("id", "text", "title", "x")), inner, max_size=3)
    ),
    max_leaves=8,
)
_FIELDS = ("id", "text", "title", "url", "source", "published")
records = st.dictionaries(
    st.sampled_from(_FIELDS),
    st.one_of(
        json_values,
        texts,
        st.sampled_from(("", " ", "2021-12-18", "2021-02-30", "R2", "Ｒ2", "report 1")),
    ),
)
good_records = st.fixed_dictionaries(
    {"text": st.builds(str.__add__, signings, texts)},
    optional={
        "title": st.one_of(st.none(), texts),
        "published": st.sampled_from(("2021-12-18", None, "")),
    },
)
# (the line's bytes, whether it must be built: True, rejected: False, or either: None)
lines = st.one_of(
    good_records.map(lambda r: (r, True)),
    records.map(lambda r: (r, None)),
    json_values.filter(lambda v: not isinstance(v, dict)).map(lambda v: (v, False)),
    st.sampled_from((b"{oops}", b"[" * 100_000, b'{"a":' * 1000, b"9" * 5000)).map(
        lambda raw: (raw, False)
    ),
)


def _build(inputs: list[Path], out: Path) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["build", *map(str, inputs), "--out", str(out), "--jobs", "1", "--no-html"])
    return code, err.getvalue()


def _documents(out: Path) -> set[str]:
    with (out / "graph.ttl").open("rb") as handle:  # Oxigraph reads what the build wrote
        quads = list(pyoxigraph.parse(handle, format=pyoxigraph.RdfFormat.TURTLE))
    kind = pyoxigraph.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    document = pyoxigraph.NamedNode("https://w3id.org/chengyu-kg/ontology#Document")
    return {q.subject.value for q in quads if q.predicate == kind and q.object == document}


def _check_build(code: int, err: str, out: Path, expected: dict[int, bool | None], ids) -> None:
    """Exit 0 (2 when every article is rejected) with at most one line on stderr; each
    line built or listed in rejects.jsonl, as expected where that is known: the graph
    holds the document of each line not rejected, and no other."""
    assert "Traceback" not in err
    assert code in (0, 2), err
    if code == 2:
        assert len(err.rstrip("\n").split("\n")) == 1 and "no article could be built" in err, err
        assert not any(expected.values())
        return
    assert err == ""
    rejects = [
        json.loads(line) for line in (out / "rejects.jsonl").read_text("utf-8").split("\n") if line
    ]
    rejected = {r["line"] for r in rejects}
    assert all(r["stage"] == "read" for r in rejects), rejects
    for number, must in expected.items():
        if must is not None:
            assert (number not in rejected) == must, (number, rejects)
    kept = [number for number in expected if number not in rejected]
    assert _documents(out) == {document_iri(ids[number]) for number in kept}


@_settings(60)
@given(st.lists(lines, min_size=1, max_size=12))
@example([({"id": "a", "text": 5}, False), ({"id": "b", "text": "ok", "title": 5}, False)])
@example([(b'{"id": "s", "text": "\\udc80abc"}', False), ({"text": "重庆市科技局。"}, False)])
@example([({"id": "n", "text": "项目总投资达12345678901234567890123456789亿元。"}, True)])
@example([(b"[" * 100_000, False), ({"id": "x\ufffey", "text": "北京市科委。"}, False)])
@example(
    [({"id": "report 1", "text": "成都市。"}, True), ({"id": "report1", "text": "重庆。"}, False)]
)
def test_fuzz_build_of_any_jsonl_builds_or_rejects_each_line(rows):
    """A feed of JSON lines of any shape: exit 0 with nothing on stderr, or 2 with one
    line when every line is rejected; each line in the graph or in rejects.jsonl."""
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        expected, ids, raw = {}, {}, []
        for number, (value, must) in enumerate(rows, start=1):
            if isinstance(value, bytes):
                raw.append(value)
            else:
                if isinstance(value, dict) and must:
                    value = {"id": f"g{number}", **value}
                    if document_key(value["id"]) in {document_key(d) for d in ids.values()}:
                        must = None  # an earlier line has its id (a fuzzed one)
                raw.append(json.dumps(value, ensure_ascii=number % 2 == 0).encode("utf-8"))
                doc = value.get("id") if isinstance(value, dict) else None
                if isinstance(doc, str) and doc.strip():
                    ids[number] = doc.strip()
            expected[number] = must
        feed.write_bytes(b"\n".join(raw) + b"\n")
        code, err = _build([feed], Path(tmp) / "out")
        _check_build(code, err, Path(tmp) / "out", expected, ids)


sidecars = st.one_of(
    st.fixed_dictionaries(
        {},
        optional={
            "title": st.one_of(st.none(), texts),
            "url": st.just("https://example.org/a"),
            "published": st.sampled_from(("2021-12-18", None, "")),
        },
    ).map(lambda meta: (json.dumps(meta).encode("utf-8"), True)),
    json_values.map(lambda v: (json.dumps(v).encode("utf-8"), None)),
    st.sampled_from((b"[" * 100_000, b"{", b"\xff\xfe", b"[]", b'{"title": 5}')).map(
        lambda raw: (raw, False)
    ),
)


@_settings(40)
@given(st.lists(st.tuples(signings, sidecars), min_size=1, max_size=4))
@example([("3月5日，重庆市科技局与四川省科技厅签署《协议》。", (b"[" * 100_000, False))])
def test_fuzz_build_of_texts_with_any_sidecar_builds_or_rejects_each(rows):
    """.txt articles with .meta.json sidecars of any JSON: each article is built when
    its sidecar is good and listed in rejects.jsonl (by its file) when it is not."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for k, (text, (meta, _must)) in enumerate(rows):
            (folder / f"a{k}.txt").write_text(text, encoding="utf-8")
            (folder / f"a{k}.meta.json").write_bytes(meta)
        out = Path(tmp) / "out"
        code, err = _build([folder], out)
        assert "Traceback" not in err and code in (0, 2), err
        rejected = set()
        if code == 0:
            lines = (out / "rejects.jsonl").read_text("utf-8").split("\n")
            rejected = {Path(json.loads(line)["input"]).name for line in lines if line}
            built = _documents(out)
        for k, (_text, (_meta, must)) in enumerate(rows):
            gone = code == 2 or f"a{k}.txt" in rejected
            if must is not None:
                assert gone != must, (k, rejected)
            if not gone:
                assert document_iri(f"a{k}") in built
