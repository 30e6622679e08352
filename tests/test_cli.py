"""The ``kg build`` and ``kg eval`` commands: outputs, summary, determinism and bad input."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, URIRef

from kg.cli import main
from kg.model.iri import span_of
from kg.model.validate import validate

from .conftest import DATA, SEED

CY = "https://w3id.org/chengyu-kg/ontology#"


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed-build")
    assert main(["build", str(SEED), "--out", str(out)]) == 0
    return out


def test_cli_build_writes_turtle_that_conforms(seed_build):
    graph = Graph().parse(seed_build / "graph.ttl")
    assert len(graph) > 500
    report = validate(graph)
    assert report.conforms, report.text


def test_cli_build_writes_the_offline_view_beside_the_graph(seed_build):
    page = (seed_build / "graph.html").read_text(encoding="utf-8")
    assert "共建西部金融中心合作协议" in page
    assert "https://cdn" not in page


def test_cli_build_is_byte_identical_across_runs(seed_build, tmp_path):
    assert main(["build", str(SEED), "--out", str(tmp_path)]) == 0
    assert (tmp_path / "graph.ttl").read_bytes() == (seed_build / "graph.ttl").read_bytes()


def test_cli_build_prints_summary(capsys, tmp_path):
    assert main(["build", str(SEED), "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "documents: 1" in out
    assert "Agency" in out and "Agreement" in out
    assert out.count("《") >= 5
    assert "共建西部金融中心合作协议" in out
    assert "2021-12-17" in out


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_build_notes_long_sentences_in_the_summary(capsys, tmp_path, jobs):
    clause = "重庆市科技局与四川省科技厅签署《川渝科技创新合作协议》，"
    (tmp_path / "long.txt").write_text(clause * 100, encoding="utf-8")
    (tmp_path / "short.txt").write_text(clause + "。", encoding="utf-8")
    assert main(["build", str(tmp_path), "--out", str(tmp_path / "out"), "--jobs", jobs]) == 0
    out = capsys.readouterr().out
    assert "notes: 1\n  long: 1 sentence longer than 2000 characters read in pieces\n" in out


def test_cli_build_reports_gb18030_input(capsys, tmp_path):
    article = tmp_path / "gbk.txt"
    article.write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    assert main(["build", str(article), "--out", str(tmp_path / "out")]) == 0
    assert "decoded from GB18030: 1" in capsys.readouterr().out
    assert (tmp_path / "out" / "graph.ttl").exists()


BAD = [
    ("missing", None, "no such file"),
    ("empty.txt", b"", "empty file"),
    ("binary.txt", b"\x00\x01\x02\xff" * 64, "binary file"),
    ("corpus.jsonl", b'{"id": "a", "text": "x"}\n{oops}\n', "corpus.jsonl:2: malformed JSON line"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD)
def test_cli_build_strict_bad_input_exits_nonzero_and_keeps_earlier_output(
    capsys, tmp_path, seed_build, name, content, message
):
    """With --strict a bad article stops the build (without, it is left out: see
    tests/test_build_rejects.py); a missing path stops every build."""
    out = tmp_path / "out"
    out.mkdir()
    shutil.copy(seed_build / "graph.ttl", out / "graph.ttl")
    before = (out / "graph.ttl").read_bytes()
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code = main(["build", str(SEED), str(path), "--out", str(out), "--strict"])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err
    assert err.count("\n") == 1 and err.startswith("kg build: error:")
    assert (out / "graph.ttl").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"]  # no temporary files left


def test_cli_build_bad_sidecar_date(capsys, tmp_path):
    article = tmp_path / "a.txt"
    shutil.copy(SEED, article)
    (tmp_path / "a.meta.json").write_text('{"published": "2021/12/18"}', encoding="utf-8")
    assert main(["build", str(article), "--out", str(tmp_path / "out")]) == 2
    assert "a.meta.json: bad date '2021/12/18'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_cli_eval_prints_scores_per_class(capsys, seed_build):
    assert main(["eval", str(DATA / "gold" / "seed"), str(seed_build)]) == 0
    out = capsys.readouterr().out
    for cls in ("Agency", "Agreement", "ScienceCity", "District", "City", "Project"):
        assert cls in out
    assert "party" in out and "signedOn" in out


def test_cli_eval_missing_graph_is_one_line(capsys, tmp_path):
    assert main(["eval", str(DATA / "gold" / "seed"), str(tmp_path / "nope.ttl")]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_cli_eval_json(capsys, seed_build):
    assert main(["eval", "--json", str(DATA / "gold" / "seed"), str(seed_build)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["classes"]) >= {"Agency", "Agreement", "District", "City"}


# ---------------------------------------------------------------------- one-line errors


@pytest.mark.parametrize(
    ("make", "option", "message"),
    [
        ("file", "--out", "exists and is not a directory"),
        ("under-file", "--out", "cannot be made: {tmp}/file is not a directory"),
        ("under-file/deeper", "--out", "cannot be made: {tmp}/file is not a directory"),
        ("file", "--store", "exists and is not a directory"),
        ("under-file", "--store", "cannot be made: {tmp}/file is not a directory"),
    ],
)
def test_cli_build_unwritable_output_is_one_line(capsys, tmp_path, make, option, message):
    (tmp_path / "file").write_text("not a directory\n", encoding="utf-8")
    target = tmp_path / "file" if make == "file" else tmp_path / "file" / make
    code = main(["build", str(SEED), option, str(target)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("kg build: error:"), err
    assert message.format(tmp=tmp_path) in err
    assert (tmp_path / "file").read_text(encoding="utf-8") == "not a directory\n"


def test_cli_build_failing_to_write_is_one_line(capsys, tmp_path, monkeypatch):
    import errno

    import kg.build.run

    def full(_quads, out_dir, *_args):
        raise OSError(errno.ENOSPC, "No space left on device", str(out_dir / "graph.ttl"))

    monkeypatch.setattr(kg.build.run, "write_outputs", full)
    assert main(["build", str(SEED), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert "graph.ttl: cannot write the outputs (No space left on device)" in err


def _unclean(code_points: list[int]) -> str:
    return "".join(chr(c) for c in code_points)


# (what is in the article's text, what the stored text has in its place)
UNCLEAN = [
    (0xFFFE, ""),
    (0xFFFF, ""),
    (0xFDD0, ""),
    (0x1FFFE, ""),
    (0x10FFFF, ""),
    (0x00, ""),
    (0x08, ""),
    (0x1B, ""),
    (0x7F, ""),
    (0x9F, ""),
    (0x0B, "\n"),
    (0x0C, "\n"),
    (0x85, "\n"),
]


@pytest.mark.parametrize(("code", "replacement"), UNCLEAN)
def test_cli_build_text_with_noncharacters_and_controls_writes_strict_turtle(
    tmp_path, code, replacement
):
    """U+FFFE and the like are dropped (line-breaking controls become line feeds) as the
    article is read: the name around one is found whole, the Turtle parses with Oxigraph
    and holds none, and every mention points at its surface in the stored text."""
    import pyoxigraph

    from kg.extract.text import find_unclean

    c = chr(code)
    text = (
        f"重庆市科{c}技局与成都市科技局在重庆签署《成渝科技{c}合作协议》，"
        f"两地将共建西部科学城{c}，总投资300亿元。{c}北碚区"
    )
    corpus = tmp_path / "feed.jsonl"
    record = {"id": "u1", "text": text, "title": f"标题{c}"}
    corpus.write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(corpus), "--out", str(out), "--strict", "--no-html"]) == 0
    turtle = (out / "graph.ttl").read_text(encoding="utf-8")
    assert find_unclean(turtle) is None
    quads = list(pyoxigraph.parse(path=str(out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE))
    graph = Graph().parse(data=turtle, format="turtle")
    stored = text.replace(c, replacement)
    assert len(quads) == len(graph)
    (document,) = graph.subjects(RDF.type, URIRef(CY + "Document"))
    title = graph.value(document, URIRef("http://purl.org/dc/terms/title"))
    assert str(title) == "标题" + replacement
    if not replacement:  # the name around a dropped code point is found whole
        assert "重庆市科学技术局" in {str(o) for o in graph.objects(None, RDFS.label)}
    # the text is stored as cleaned, and every span's offsets point into it: a mention at
    # one of its entity's names
    assert str(graph.value(document, URIRef(CY + "text"))) == stored
    mentions = list(graph.subject_objects(URIRef(CY + "mentionOf")))
    assert len(mentions) > 3
    for mention, entity in mentions:
        _, start, end = span_of(str(mention))
        names = {str(o) for o in graph.objects(entity, RDFS.label)}
        names |= {str(o) for o in graph.objects(entity, SKOS.altLabel)}
        assert stored[start:end] in names, (stored[start:end], names)
    for sentence in graph.subjects(URIRef(CY + "inDocument"), document):
        _, start, end = span_of(str(sentence))
        assert 0 <= start < end <= len(stored)


@pytest.mark.parametrize("code", [0xFFFE, 0x00, 0x0C])
def test_cli_build_an_id_with_a_noncharacter_is_rejected(tmp_path, capsys, code):
    corpus = tmp_path / "feed.jsonl"
    lines = [{"id": f"a{chr(code)}1", "text": "重庆市科技局"}, {"id": "b", "text": "成都市科技局"}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(corpus), "--out", str(out), "--no-html"]) == 0
    (rejected,) = [json.loads(line) for line in (out / "rejects.jsonl").open(encoding="utf-8")]
    assert rejected["line"] == 1 and rejected["stage"] == "read"
    assert f"U+{code:04X} at offset 1" in rejected["reason"]


@pytest.mark.parametrize(
    "sentence",
    [
        "重庆市两江新区项目总投资达12345678901234567890123456789亿元。",
        "西部（重庆）科学城规划面积12345678901234567890123456789平方公里。",
        "到2025年两市汽车产量力争达到12345678901234567890123456789万辆。",
    ],
)
def test_cli_build_a_number_too_long_to_read_exactly_is_skipped(tmp_path, capsys, sentence):
    corpus = tmp_path / "feed.jsonl"
    corpus.write_text(json.dumps({"id": "n", "text": sentence}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(corpus), "--out", str(out), "--strict", "--no-html"]) == 0
    graph = Graph().parse(out / "graph.ttl")
    assert not list(graph.subjects(URIRef(CY + "value"), None))
    assert (out / "rejects.jsonl").read_text(encoding="utf-8") == ""


# ---------------------------------------------------------------------- Ctrl-C


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _in_session(sid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getsid(int(entry.name)) == sid:
                    found.append(int(entry.name))
            except OSError:  # gone meanwhile
                pass
    return found


@pytest.fixture(scope="module")
def slow_corpus(tmp_path_factory) -> Path:
    """A corpus of the development set's sentences, repeated: some seconds to build."""
    sentences = []
    for path in sorted((DATA / "corpus" / "dev").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences += [s + "。" for s in text.split("。") if s.strip()]
    path = tmp_path_factory.mktemp("slow-corpus") / "feed.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(500):
            text = "".join(sentences[(i * 7 + k) % len(sentences)] for k in range(12))
            handle.write(json.dumps({"id": f"a{i}", "text": text}, ensure_ascii=False) + "\n")
    return path


def _as_in_a_terminal() -> None:
    """Ctrl-C's default action in the child, as in a terminal's foreground job (a shell that
    runs the tests in the background leaves SIGINT ignored, and children inherit that)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
def test_cli_build_ctrl_c_with_jobs_is_one_line_and_leaves_nothing(slow_corpus, tmp_path):
    """Ctrl-C while two workers extract: exit code 130, one line on stderr, no output, no
    worker left. A terminal sends SIGINT to the whole process group; the workers get it
    first here (as when the main process is slow to act on it), then all do."""
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "build", str(slow_corpus), "--out", str(out), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=_as_in_a_terminal,
    )
    try:
        deadline = time.monotonic() + 60
        while len(_children(proc.pid)) < 2 and proc.poll() is None:
            assert time.monotonic() < deadline, "the workers did not start"
            time.sleep(0.05)
        time.sleep(1.0)  # the workers are extracting
        assert proc.poll() is None, "the build finished before it could be interrupted"
        for worker in _children(proc.pid):
            os.kill(worker, signal.SIGINT)
        time.sleep(0.5)
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130
    assert err == "kg build: interrupted\n"
    assert not out.exists() or list(out.iterdir()) == []
    deadline = time.monotonic() + 5
    while _in_session(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _in_session(proc.pid) == []
