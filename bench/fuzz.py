"""Fuzz the reader, the extractor, the writers and ``kg build`` with seeded inputs.

``--n`` inputs of ``bench/fuzz_inputs.py`` (article texts, JSONL lines of any JSON,
``.txt`` files with ``.meta.json`` sidecars of any JSON; input *i* depends only on the
seed and *i*) go two ways:

- **the library, one input at a time**, in worker processes: the input is written as the
  file a user would give (a one-line ``.jsonl``, or a ``.txt`` with its sidecar), read
  with :func:`kg.io.articles.iter_articles`, extracted (every mention and piece of
  evidence must point at its characters of the text, and of the raw text too for an
  article's text given to :func:`kg.extract.extract` uncleaned), and its graph rendered
  as Turtle by rdflib (:func:`kg.to_dataset`, :func:`kg.generate_turtle`) and as the
  build's N-Triples, each parsed back by Oxigraph. An input still running after
  ``--limit`` seconds is a hang: its worker is killed and replaced;
- **``kg build``, in ``--batches`` large batches** (a subprocess each, writing Turtle,
  N-Triples, TriG and N-Quads, timed out after ``--build-limit`` seconds plus
  ``--build-per`` per input): the exit code must be 0, stderr hold no traceback, every
  output parse back with Oxigraph, and every input be either a document of the graph or
  a line of ``rejects.jsonl``, as the library read it.

Prints the figures (tracebacks, hangs, rejects, parse failures, times) and, with
``--json``, writes them. Exits 1 when anything failed.

    python bench/fuzz.py                 # 10,000 inputs, seed 1, 5 batches
    python bench/fuzz.py --n 500 --batches 1
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from multiprocessing.connection import wait
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import fuzz_inputs  # noqa: E402  (bench/fuzz_inputs.py)

__all__ = ["main", "check_input", "write_input", "run_library", "run_builds"]

# the outputs a fuzzed build writes, and how Oxigraph reads each
_OUTPUTS = {
    "turtle": "graph.ttl",
    "ntriples": "graph.nt",
    "trig": "graph.trig",
    "nquads": "graph.nq",
}


def write_input(inp: fuzz_inputs.Input, folder: Path) -> Path:
    """Write ``inp`` as the file a user would give ``kg build``; returns its path."""
    if inp.kind == "sidecar":
        path = folder / f"s{inp.index}.txt"
        path.write_text(inp.text, encoding="utf-8")
        (folder / f"s{inp.index}.meta.json").write_bytes(inp.data)
        return path
    path = folder / f"j{inp.index}.jsonl"
    path.write_bytes(_jsonl_line(inp) + b"\n")
    return path


def _jsonl_line(inp: fuzz_inputs.Input) -> bytes:
    if inp.kind == "text":
        return json.dumps({"id": f"t{inp.index}", "text": inp.text}).encode()
    return inp.data


def _check_spans(text: str, extraction) -> None:
    """Every mention and every piece of evidence points at its characters of ``text``."""
    count = len(extraction.sentences)
    spans = [m.span for m in extraction.mentions] + [r.span for r in extraction.relations]
    for span in spans:
        if (
            not (0 <= span.start < span.end <= len(text))
            or text[span.start : span.end] != span.surface
        ):
            raise AssertionError(
                f"span {span.start}-{span.end} {span.surface!r} is not in the text"
            )
        if not 0 <= span.sentence < count:
            raise AssertionError(
                f"span {span.start}-{span.end} names sentence {span.sentence} of {count}"
            )
    for s in extraction.sentences:
        if text[s.start : s.end] != s.text:
            raise AssertionError(f"sentence {s.index} is not at {s.start}-{s.end}")


def check_input(inp: fuzz_inputs.Input, folder: Path) -> dict:
    """Run one input through the library; what happened (raises on a failure)."""
    import pyoxigraph

    import kg
    from kg.extract import extract
    from kg.io.articles import iter_articles
    from kg.model.triples import extraction_ntriples
    from kg.records import Document, Rejection

    out: dict = {"index": inp.index, "kind": inp.kind, "good": inp.good, "docs": [], "rejects": 0}
    if inp.kind == "text":  # the raw text, as a caller of the library may pass it
        _check_spans(inp.text, extract(Document(id="raw", text=inp.text)))
    path = write_input(inp, folder)
    try:
        for item in iter_articles([path]):
            if isinstance(item, Rejection):
                out["rejects"] += 1
                continue
            ex = extract(item)
            _check_spans(item.text, ex)
            turtle = kg.generate_turtle(kg.to_dataset([ex])).encode("utf-8")
            n = len(list(pyoxigraph.parse(turtle, format=pyoxigraph.RdfFormat.TURTLE)))
            nt = extraction_ntriples(ex).encode("utf-8")
            m = len(list(pyoxigraph.parse(nt, format=pyoxigraph.RdfFormat.N_TRIPLES)))
            if n != m:
                raise AssertionError(f"Turtle holds {n} triples, N-Triples {m}")
            out["docs"].append(item.id)
            out["triples"] = out.get("triples", 0) + n
    finally:
        for p in folder.iterdir():
            p.unlink()
    return out


def _worker(conn, seed: int, folder: str) -> None:
    """Check the inputs whose indexes come down ``conn``; send back what happened."""
    import logging

    import jieba

    from kg.extract import extract
    from kg.records import Document

    jieba.setLogLevel(logging.WARNING)
    where = Path(folder)
    where.mkdir(parents=True, exist_ok=True)
    extract(Document("warm", "3月5日，重庆市科技局与四川省科技厅签署《川渝科技合作协议》。"))
    conn.send("ready")  # the lexicon and jieba are loaded: inputs are timed from here
    while True:
        index = conn.recv()
        if index is None:
            return
        started = time.perf_counter()
        try:
            result = check_input(fuzz_inputs.make_input(seed, index), where)
        except Exception:
            result = {"index": index, "traceback": traceback.format_exc()}
        result["seconds"] = time.perf_counter() - started
        conn.send(result)


class _Worker:
    def __init__(self, context, seed: int, folder: Path, number: int) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker, args=(child, seed, str(folder / f"w{number}")), daemon=True
        )
        self.process.start()
        child.close()
        if not self.conn.poll(600) or self.conn.recv() != "ready":
            raise RuntimeError("a fuzzing worker did not start")
        self.index: int | None = None
        self.deadline = 0.0


def run_library(n: int, seed: int, jobs: int, limit: float, work: Path) -> dict:
    """Every input through the library in ``jobs`` processes, ``limit`` seconds each."""
    context = multiprocessing.get_context("fork")
    workers = [_Worker(context, seed, work, k) for k in range(jobs)]
    spawned = jobs
    todo = list(range(n - 1, -1, -1))
    results: list[dict] = []
    hangs: list[int] = []
    while todo or any(w.index is not None for w in workers):
        for w in workers:
            if w.index is None and todo:
                w.index = todo.pop()
                w.deadline = time.monotonic() + limit  # the worker has loaded the lexicon
                w.conn.send(w.index)
        busy = [w for w in workers if w.index is not None]
        timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
        ready = wait([w.conn for w in busy], timeout=timeout)
        for w in busy:
            if w.conn in ready:
                try:
                    results.append(w.conn.recv())
                    w.index = None
                    continue
                except EOFError:  # the worker died: that is a failure too
                    results.append({"index": w.index, "traceback": "worker died\n", "seconds": 0})
            elif time.monotonic() < w.deadline:
                continue
            else:
                hangs.append(w.index)
            w.process.kill()
            w.process.join()
            workers[workers.index(w)] = _Worker(context, seed, work, spawned)
            spawned += 1
    for w in workers:
        w.conn.send(None)
        w.process.join(timeout=10)
    return _library_figures(results, hangs, limit)


def _library_figures(results: list[dict], hangs: list[int], limit: float) -> dict:
    failed = [r for r in results if "traceback" in r]
    done = [r for r in results if "traceback" not in r]
    seconds = sorted(r["seconds"] for r in results)
    # a text or a line is read when good and rejected when bad; so is a sidecar's article
    wrong = [r["index"] for r in done if r["good"] is not None and bool(r["docs"]) != r["good"]]
    kinds = Counter(r["kind"] for r in done)
    return {
        "inputs": len(results) + len(hangs),
        "by_kind": dict(sorted(kinds.items())),
        "tracebacks": len(failed),
        "traceback_inputs": [r["index"] for r in failed][:50],
        "traceback_lines": sorted({r["traceback"].strip().splitlines()[-1][:200] for r in failed}),
        "hangs": len(hangs),
        "hang_inputs": hangs[:50],
        "limit_seconds": limit,
        "documents": sum(len(r["docs"]) for r in done),
        "rejected": sum(r["rejects"] for r in done),
        "read_as_not_expected": len(wrong),
        "read_as_not_expected_inputs": wrong[:50],
        "triples_parsed": sum(r.get("triples", 0) for r in done),
        "seconds_median": round(statistics.median(seconds), 4) if seconds else None,
        "seconds_p99": round(seconds[int(len(seconds) * 0.99)], 3) if seconds else None,
        "seconds_max": round(seconds[-1], 3) if seconds else None,
        "slowest_inputs": [r["index"] for r in sorted(results, key=lambda r: -r["seconds"])[:5]],
        "_docs": {r["index"]: r["docs"] for r in done},
    }


def _batch_dir(inputs: list[fuzz_inputs.Input], folder: Path) -> dict[int, tuple[str, int | None]]:
    """Write a batch as one feed (texts and JSONL lines, in order) and a folder of
    ``.txt`` files with sidecars; where each input is, as ``rejects.jsonl`` names it."""
    folder.mkdir(parents=True)
    (folder / "txt").mkdir()
    where: dict[int, tuple[str, int | None]] = {}
    feed = folder / "feed.jsonl"
    with feed.open("wb") as handle:
        line = 0
        for inp in inputs:
            if inp.kind == "sidecar":
                where[inp.index] = (str(write_input(inp, folder / "txt")), None)
            else:
                line += 1
                handle.write(_jsonl_line(inp) + b"\n")
                where[inp.index] = (str(feed), line)
    return where


def _parse_outputs(out: Path) -> dict:
    import pyoxigraph

    counts, errors = {}, []
    for fmt, name in _OUTPUTS.items():
        path = out / name
        try:
            with path.open("rb") as handle:
                counts[fmt] = sum(1 for _ in pyoxigraph.parse(handle, format=getattr(
                    pyoxigraph.RdfFormat, {"turtle": "TURTLE", "ntriples": "N_TRIPLES",
                    "trig": "TRIG", "nquads": "N_QUADS"}[fmt])))  # fmt: skip
        except (OSError, SyntaxError, ValueError) as exc:
            errors.append(f"{name}: {str(exc).splitlines()[0][:200]}")
    return {"counts": counts, "errors": errors}


def _graph_ids(out: Path) -> list[str]:
    import pyoxigraph

    store = pyoxigraph.Store()
    with (out / "graph.nq").open("rb") as handle:
        store.bulk_load(handle, format=pyoxigraph.RdfFormat.N_QUADS)
    query = (
        "SELECT ?id WHERE { GRAPH ?g { ?d a <https://w3id.org/chengyu-kg/ontology#Document> ;"
        " <http://purl.org/dc/terms/identifier> ?id } }"
    )
    return [row["id"].value for row in store.query(query)]


def run_builds(
    n: int, seed: int, batches: int, jobs: int, base: float, per: float, work: Path, library: dict
) -> dict:
    """The inputs through ``kg build`` in ``batches`` subprocesses; what each did."""
    from kg.io.articles import document_key

    runs = []
    size = -(-n // batches)
    for b in range(batches):
        indexes = range(b * size, min(n, (b + 1) * size))
        if not indexes:
            break
        inputs = [fuzz_inputs.make_input(seed, i) for i in indexes]
        folder = work / f"batch{b}"
        where = _batch_dir(inputs, folder / "in")
        out = folder / "out"
        cmd = [sys.executable, "-m", "kg", "build", str(folder / "in"), "--out", str(out)]
        cmd += ["--jobs", str(jobs), "--no-html", "--no-progress"]
        cmd += [arg for fmt in _OUTPUTS for arg in ("--format", fmt)]
        limit = base + per * len(inputs)
        started = time.perf_counter()
        try:
            done = subprocess.run(
                cmd, cwd=ROOT, capture_output=True, text=True, timeout=limit,
                env={**os.environ, "PYTHONIOENCODING": "utf-8"},
            )  # fmt: skip
            code, stderr, hang = done.returncode, done.stderr, False
        except subprocess.TimeoutExpired as exc:
            code, stderr, hang = None, (exc.stderr or b"").decode("utf-8", "replace"), True
        run = {
            "batch": b,
            "inputs": len(inputs),
            "exit": code,
            "hang": hang,
            "limit_seconds": limit,
            "seconds": round(time.perf_counter() - started, 1),
            "traceback": "Traceback" in stderr,
            "stderr_lines": len(stderr.rstrip("\n").split("\n")) if stderr else 0,
            "stderr": stderr[-2000:],
        }
        if code == 0:
            run.update(_check_build(out, inputs, where, library["_docs"], document_key))
        runs.append(run)
        if code == 0 and not run.get("mismatches"):
            shutil.rmtree(folder)
    return {
        "batches": len(runs),
        "exit_codes": dict(Counter(str(r["exit"]) for r in runs)),
        "tracebacks": sum(r["traceback"] for r in runs),
        "hangs": sum(r["hang"] for r in runs),
        "documents": sum(r.get("documents", 0) for r in runs),
        "rejected": dict(sum((Counter(r.get("rejects", {})) for r in runs), Counter())),
        "parse_errors": [e for r in runs for e in r.get("parse_errors", [])],
        "triples_parsed": sum(r.get("triples", 0) for r in runs),
        "mismatches": [m for r in runs for m in r.get("mismatches", [])][:50],
        "seconds": [r["seconds"] for r in runs],
        "runs": runs,
    }


def _check_build(out: Path, inputs, where, docs: dict, key) -> dict:
    """The outputs parse, and each input is a document or a rejection as the library read it."""
    parsed = _parse_outputs(out)
    # split at line feeds only: a reason may quote U+2028 or NEL, which JSON leaves as they are
    text = (out / "rejects.jsonl").read_text("utf-8")
    rejects = [json.loads(line) for line in text.split("\n") if line]
    rejected = {(r["input"], r["line"]) for r in rejects}
    built = Counter(_graph_ids(out)) if not parsed["errors"] else Counter()
    # what the library read, less the ids an earlier input of the batch already has
    expected: Counter = Counter()
    seen: set[str] = set()
    mismatches = []
    order = sorted(inputs, key=lambda inp: (inp.kind == "sidecar", inp.index))  # feed, then txt/
    for inp in order:
        if inp.kind == "jsonl" and not _is_utf8(inp.data):
            # alone in a file it may be read as GB18030; in a UTF-8 feed it is a broken line
            if where[inp.index] not in rejected:
                mismatches.append({"input": inp.index, "library": "not UTF-8", "rejected": False})
            continue
        ids = [d for d in docs.get(inp.index, []) if key(d) not in seen]
        seen.update(key(d) for d in ids)
        expected.update(ids)
        if bool(ids) == (where[inp.index] in rejected) and inp.index in docs:
            mismatches.append({"input": inp.index, "library": ids, "rejected": not ids})
    if not parsed["errors"] and built != expected:
        mismatches.append({"graph_minus_expected": sorted(built - expected)[:20],
                           "expected_minus_graph": sorted(expected - built)[:20]})  # fmt: skip
    return {
        "documents": sum(built.values()),
        "rejects": dict(Counter(r["stage"] for r in rejects)),
        "parse_errors": parsed["errors"],
        "triples": parsed["counts"].get("turtle", 0),
        "mismatches": mismatches,
    }


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="how many inputs (default 10000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2, help="processes (default 2)")
    parser.add_argument("--batches", type=int, default=5, help="kg build runs (default 5)")
    parser.add_argument("--limit", type=float, default=30.0, help="seconds an input may take")
    parser.add_argument(
        "--build-limit",
        type=float,
        default=120.0,
        help="seconds a build may take, plus --build-per an input",
    )
    parser.add_argument("--build-per", type=float, default=0.25)
    parser.add_argument(
        "--work", type=Path, help="where to write the batches (default: a temp dir)"
    )
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--no-library", action="store_true", help="only the builds")
    args = parser.parse_args(argv)

    work = args.work or Path(tempfile.mkdtemp(prefix="kg-fuzz-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    library = run_library(args.n, args.seed, args.jobs, args.limit, work / "library")
    builds = run_builds(
        args.n, args.seed, args.batches, args.jobs, args.build_limit, args.build_per, work, library
    )
    figures = {
        "n": args.n,
        "seed": args.seed,
        "seconds": round(time.perf_counter() - started, 1),
        "library": {k: v for k, v in library.items() if not k.startswith("_")},
        "builds": {k: v for k, v in builds.items() if k != "runs"},
        "build_runs": [
            {k: v for k, v in r.items() if k != "stderr" or r["traceback"] or r["exit"] != 0}
            for r in builds["runs"]
        ],
    }
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    _print(figures)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    lib, bld = figures["library"], figures["builds"]
    bad = lib["tracebacks"] + lib["hangs"] + lib["read_as_not_expected"]
    bad += bld["tracebacks"] + bld["hangs"] + len(bld["parse_errors"]) + len(bld["mismatches"])
    bad += sum(n for code, n in bld["exit_codes"].items() if code != "0")
    return 1 if bad else 0


def _print(figures: dict) -> None:
    lib, bld = figures["library"], figures["builds"]
    print(f"fuzzed inputs: {figures['n']} (seed {figures['seed']}), {figures['seconds']} s")
    print(f"  kinds: {lib['by_kind']}")
    print("library, one input at a time:")
    print(f"  tracebacks: {lib['tracebacks']}  {lib['traceback_lines']}")
    print(f"  hangs (over {lib['limit_seconds']} s): {lib['hangs']}  {lib['hang_inputs']}")
    print(
        f"  documents: {lib['documents']}, rejected: {lib['rejected']}, read otherwise than expected: {lib['read_as_not_expected']} {lib['read_as_not_expected_inputs']}"
    )
    print(
        f"  triples parsed back by Oxigraph (Turtle and N-Triples agree): {lib['triples_parsed']}"
    )
    print(
        f"  seconds per input: median {lib['seconds_median']}, 99th percentile {lib['seconds_p99']}, max {lib['seconds_max']} (inputs {lib['slowest_inputs']})"
    )
    print(f"kg build, {bld['batches']} batches:")
    print(
        f"  exit codes: {bld['exit_codes']}, tracebacks: {bld['tracebacks']}, hangs: {bld['hangs']}"
    )
    print(f"  documents: {bld['documents']}, rejected by stage: {bld['rejected']}")
    print(
        f"  outputs parsed back by Oxigraph: {bld['triples_parsed']} triples of graph.ttl; parse errors: {len(bld['parse_errors'])} {bld['parse_errors'][:3]}"
    )
    print(
        f"  inputs built or rejected otherwise than the library read them: {len(bld['mismatches'])} {bld['mismatches'][:3]}"
    )
    print(f"  seconds per build: {bld['seconds']}")


if __name__ == "__main__":
    sys.exit(main())
