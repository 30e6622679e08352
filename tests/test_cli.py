"""The ``kg build`` and ``kg eval`` commands: outputs, summary, determinism and bad input."""

from __future__ import annotations

import json
import shutil

import pytest
from rdflib import Graph

from kg.cli import main
from kg.model.validate import validate

from .conftest import DATA, SEED


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
