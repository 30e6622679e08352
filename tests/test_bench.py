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


def test_bench_fuzz_counts_no_failure_on_a_few_inputs(tmp_path):
    """bench/fuzz.py end to end on 40 inputs: the library and one kg build, every figure."""
    out = tmp_path / "fuzz.json"
    cmd = [sys.executable, str(ROOT / "bench" / "fuzz.py"), "--n", "40", "--batches", "1"]
    cmd += ["--jobs", "1", "--json", str(out)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    figures = json.loads(out.read_text(encoding="utf-8"))
    library, builds = figures["library"], figures["builds"]
    assert library["inputs"] == 40 and sum(library["by_kind"].values()) == 40
    assert library["tracebacks"] == library["hangs"] == library["read_as_not_expected"] == 0
    assert library["documents"] > 0 and library["rejected"] > 0
    assert library["triples_parsed"] > 0
    assert builds["exit_codes"] == {"0": 1} and builds["tracebacks"] == builds["hangs"] == 0
    assert builds["documents"] == library["documents"] and not builds["mismatches"]
    assert builds["parse_errors"] == [] and builds["triples_parsed"] > 0
    assert "tracebacks: 0" in done.stdout and "hangs (over 30.0 s): 0" in done.stdout


def test_bench_length_prints_time_against_length(tmp_path):
    out = tmp_path / "length.json"
    cmd = [sys.executable, str(ROOT / "bench" / "length.py"), "--sizes", "2000", "6000"]
    cmd += ["--json", str(out)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert [r["chars"] for r in rows] == [2000, 6000]
    assert all(r["mentions"] > 0 and r["seconds"] > 0 for r in rows)
    assert "| 6,000 |" in done.stdout


def test_bench_curation_reports_every_figure(tmp_path):
    out = tmp_path / "curation.json"
    cmd = [sys.executable, str(ROOT / "bench" / "curation.py"), "--articles", "12"]
    cmd += ["--corrections", "5", "--jobs", "1", "--json", str(out)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    assert (result["articles"], result["corrections"], result["applied"]) == (12, 5, 5)
    assert result["noop_corrected_unchanged"] == 12
    # adding the corrections builds again the articles naming those agencies
    assert 0 < result["corrections_added_rebuilt"] <= 12
    assert 0 < result["one_changed_rebuilt"] <= result["corrections_added_rebuilt"]
    assert "| one correction changed: rebuild (s), articles built again |" in done.stdout


def test_bench_fast_lane_prints_both_settings():
    """bench/fast_lane.py runs and reports the ASK with and without the fast lane (the
    figures themselves are the script's to print, not this test's to judge)."""
    cmd = [sys.executable, str(ROOT / "bench" / "fast_lane.py"), "--timeout", "3"]
    done = subprocess.run(
        [*cmd, "--repeat", "1"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    [fast] = [line for line in lines if line.startswith("--fast-lane 1 ")]
    [slow] = [line for line in lines if line.startswith("--fast-lane 0 ")]
    assert "HTTP status 200;" in fast and "long queries still running then: 2)" in fast
    assert "the ASK's answer after" in slow


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
