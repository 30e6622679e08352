"""The benchmark script runs end to end on a small corpus and reports every figure."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import ROOT


def test_bench_reports_builds_baselines_and_queries(tmp_path):
    out = tmp_path / "results.json"
    cmd = [sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "20", "--rdflib-max", "0"]
    cmd += ["--repeat", "2"]
    cmd += ["--no-write", "--json", str(out), "--work", str(tmp_path / "work")]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    [result] = json.loads(out.read_text(encoding="utf-8"))["results"]
    assert result["articles"] == 20 and result["quads"] > 20 * 100
    for step in ("jieba", "build", "noop_rebuild", "incremental", "build_out_turtle"):
        assert result[step]["code"] == 0 and result[step]["wall"] > 0, step
    assert result["ratio_build_to_jieba"] > 0 and result["ratio_out_turtle_to_jieba"] > 0
    assert result["incremental"]["new_articles"] == 1
    # jieba and graph.ttl ran twice, in pairs; the best run of each is the figure
    assert result["repeat"] == 2 and len(result["ratio_out_turtle_to_jieba_pairs"]) == 2
    pairs = list(zip(result["jieba_runs"], result["build_out_turtle_runs"], strict=True))
    ratios = sorted(t["wall"] / j["wall"] for j, t in pairs)
    assert result["ratio_out_turtle_to_jieba_median"] == round(sum(ratios) / 2, 2)
    assert result["jieba"] == min(result["jieba_runs"], key=lambda r: r["wall"])
    runs = result["build_out_turtle_runs"]
    assert result["build_out_turtle"] == min(runs, key=lambda r: r["wall"])
    queries = result["queries_oxigraph"]
    assert len(queries) == len(list((ROOT / "ontology" / "queries").glob("*.rq")))
    assert all(q["ms"] is not None for q in queries.values()), queries
    assert queries["agreements"]["rows"] > 0 and queries["agreements-of"]["rows"] > 0
    # the table printed on stdout has a row per figure and per query
    assert "| graph.ttl without store / jieba (wall, best / best) |" in done.stdout
    assert "| graph.ttl / jieba, each run pair (wall) |" in done.stdout
    assert "| graph.ttl / jieba, median of run pairs (wall) |" in done.stdout
    assert all(f"| query `{name}` (ms) |" in done.stdout for name in queries)


def test_bench_provenance_reports_statements_and_bytes_per_article(tmp_path):
    """bench/provenance.py builds the seed, the development set and generated articles and
    prints per article what their graphs hold; the figures agree with the files."""
    from rdflib import Graph

    out = tmp_path / "provenance.json"
    work = tmp_path / "work"
    cmd = [sys.executable, str(ROOT / "bench" / "provenance.py"), "--articles", "3"]
    cmd += ["--jobs", "1", "--json", str(out), "--work", str(work)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    results = {r["corpus"]: r for r in json.loads(out.read_text(encoding="utf-8"))}
    assert set(results) == {"seed", "dev", "generated"}
    assert (results["seed"]["articles"], results["generated"]["articles"]) == (1, 3)
    seed = results["seed"]
    turtle = work / "out-seed" / "graph.ttl"
    assert seed["turtle_bytes"] == turtle.stat().st_size
    assert seed["statements"] == len(Graph().parse(turtle)) == seed["own"] + seed["shared"]
    assert sum(seed["predicates"].values()) == seed["statements"]
    for line in ("| statements |", "| `graph.ttl` bytes |", "| per article | seed (1) |"):
        assert line in done.stdout
    # compared with an earlier run, each figure is given before, after and as a share
    again = subprocess.run(
        [*cmd[:-4], "--compare", str(out), "--work", str(tmp_path / "again")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert again.returncode == 0, again.stderr[-2000:]
    assert (
        f"| statements | {seed['statements']:,} → {seed['statements']:,} (100%) |" in again.stdout
    )
