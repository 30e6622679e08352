"""Benchmark the pipeline at 100, 1,000 and 10,000 generated articles, with baselines.

For each size: build time (``kg build --store``), articles/s, MB/s, CPU seconds, peak
memory, store size on disk, an incremental build adding 1% new articles, a no-op rebuild,
and the latency of every named query (``ontology/queries/*.rq``) on the persistent store.
Baselines measured in the same run: jieba segmentation alone over the same texts with the
same number of processes, and the same queries on rdflib's in-memory graph; results are
given as ratios. Writes ``bench/results.json`` and the table in ``bench/README.md``.

    python bench/run.py                      # 100, 1000 and 10000 articles
    python bench/run.py --sizes 100 1000 --jobs 2
    python bench/run.py --feed my-feed.jsonl   # a real feed: build against jieba alone
    python bench/run.py --feed my-feed.jsonl --feed-store   # and into a store
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (bench/corpus.py)

__all__ = ["main", "measure", "jieba_baseline", "query_latencies"]

_MARK_BEGIN = "<!-- results:begin -->"
_MARK_END = "<!-- results:end -->"


def measure(cmd: list[str]) -> dict:
    """Run ``cmd`` in a fresh wrapper process; wall time, CPU time and peak RSS of it and
    all its descendants (the largest single process, from ``getrusage`` of children)."""
    wrapper = (
        "import json, resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
        "wall = time.perf_counter() - t\n"
        "r = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(json.dumps({'code': code, 'wall': wall, 'cpu': r.ru_utime + r.ru_stime,"
        " 'maxrss_mb': r.ru_maxrss / 1024}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


_JIEBA = """
import json, re, sys, time
from multiprocessing import get_context

BLOCK = re.compile(r"[\\u4E00-\\u9FD5a-zA-Z0-9+#&._%\\-]+")
CUT = None

def init():
    global CUT
    if sys.argv[3] == "jieba":
        import logging
        import jieba
        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        CUT = jieba.lcut
    else:  # a segmenter of kg.extract.segmenters over the blocks jieba cuts
        from kg.extract.segmenters import make_segmenter
        cut = make_segmenter(sys.argv[3]).cut
        CUT = lambda text: [w for block in BLOCK.findall(text) for w in cut(block)]

def seg(text):
    return len(CUT(text))

if __name__ == "__main__":
    path, jobs = sys.argv[1], int(sys.argv[2])
    texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8")]
    start = time.perf_counter()
    if jobs > 1:
        with get_context("fork").Pool(jobs, initializer=init) as pool:
            tokens = sum(pool.imap(seg, texts, chunksize=16))
    else:
        init()
        tokens = sum(map(seg, texts))
    print(json.dumps({"tokens": tokens, "inner_wall": time.perf_counter() - start}))
"""


def jieba_baseline(path: Path, jobs: int, work: Path, segmenter: str = "jieba") -> dict:
    """Segmentation alone over the corpus texts with ``jobs`` processes: jieba 0.42.1
    itself, or a segmenter of ``kg.extract.segmenters`` (``jieba-rs``)."""
    script = work / "jieba_baseline.py"
    script.write_text(_JIEBA, encoding="utf-8")
    return measure([sys.executable, str(script), str(path), str(jobs), segmenter])


#: The fast segmenter timed alone beside jieba (the build's default).
FAST = "jieba-rs"


def _du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _named_queries() -> dict[str, str]:
    return {
        p.stem: p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "ontology" / "queries").glob("*.rq"))
    }


def _bindings(text: str, source) -> dict:
    """Bindings a named query needs (its ``--bind`` example), else none."""
    import re

    match = re.search(r"--bind (\w+)=(\S+?)\)?\.?$", text.splitlines()[0])
    if not match:
        return {}
    name = match.group(1)
    # bind to a name that exists in the generated corpus: the first agency's label
    rows = source.query(
        "SELECT ?l WHERE { ?a a cy:Agency ; rdfs:label ?l } ORDER BY ?l LIMIT 1"
    ).rows
    return {name: str(rows[0][0]) if rows else match.group(2)}


def query_latencies(source, repeat: int = 5) -> dict[str, dict]:
    """Median latency (ms) and row count of every named query on ``source``."""
    results = {}
    for name, text in _named_queries().items():
        bindings = _bindings(text, source)
        times = []
        rows = 0
        for _ in range(repeat + 1):  # the first run warms caches and is not counted
            start = time.perf_counter()
            result = source.query(text, bindings=bindings)
            times.append((time.perf_counter() - start) * 1000)
            rows = len(result.rows) if result.rows else len(result.triples)
        results[name] = {"ms": round(statistics.median(times[1:]), 2), "rows": rows}
    return results


_QUERY_CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
import run
from kg.sparql import StoreGraph
if sys.argv[3] == "oxigraph":
    source = StoreGraph(sys.argv[2])
else:
    source = run._RdflibSource(run.Path(sys.argv[2]))
name = sys.argv[4]
text = run._named_queries()[name]
import time, statistics
bindings = run._bindings(text, source if sys.argv[3] == "oxigraph" else StoreGraph(sys.argv[2]))
times = []
for _ in range(int(sys.argv[5]) + 1):
    t = time.perf_counter()
    r = source.query(text, bindings=bindings)
    times.append((time.perf_counter() - t) * 1000)
print(json.dumps({"ms": round(statistics.median(times[1:]), 2), "rows": len(r.rows) or len(r.triples)}))
"""


def query_latencies_isolated(store: Path, engine: str, repeat: int, timeout: float) -> dict:
    """Like :func:`query_latencies`, each query in its own process with a time limit."""
    results = {}
    for name in _named_queries():
        try:
            out = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    _QUERY_CHILD,
                    str(HERE),
                    str(store),
                    engine,
                    name,
                    str(repeat),
                ],
                capture_output=True,
                text=True,
                timeout=timeout,
                cwd=ROOT,
            )
            results[name] = json.loads(out.stdout.strip().splitlines()[-1])
        except subprocess.TimeoutExpired:
            results[name] = {"ms": None, "rows": None, "timeout_s": timeout}
        except (IndexError, ValueError):
            results[name] = {"ms": None, "rows": None, "error": out.stderr.strip()[-300:]}
        print(f"   {engine} {name}: {results[name].get('ms')} ms", file=sys.stderr)
    return results


class _RdflibSource:
    """The union graph in rdflib's in-memory store, queried with rdflib's engine."""

    def __init__(self, store_dir: Path) -> None:
        from kg.io.graph_files import union_graph
        from kg.store import ArticleStore

        with ArticleStore(store_dir, create=False, read_only=True) as store:
            self.graph = union_graph(store.to_dataset())

    def query(self, text, bindings=None):
        from rdflib import Literal

        from kg.sparql import run_query

        init = {k: Literal(v) for k, v in (bindings or {}).items()}
        return run_query(self.graph, text, bindings=init)


def build_pairs(
    data: Path,
    jobs: int,
    work: Path,
    common: list[str],
    repeat: int,
    name: str,
    stores: list[dict] | None = None,
) -> list[tuple[dict, dict, dict]]:
    """jieba alone, the graph.ttl build and the fast segmenter alone over ``data``,
    ``repeat`` times, one right after the other; with ``stores`` (a list), also a build
    into a new store each round, whose runs are appended to it."""
    kg = [sys.executable, "-m", "kg", "build"]
    rounds = []
    out_dir = str(work / name)
    store_dir = work / f"{name}-store"

    def into_store() -> dict:
        shutil.rmtree(store_dir, ignore_errors=True)
        return measure([*kg, str(data), "--store", str(store_dir), *common])

    for n in range(max(1, repeat)):
        steps = {
            "jieba": lambda: jieba_baseline(data, jobs, work),
            "turtle": lambda: measure([*kg, str(data), "--out", out_dir, "--no-html", *common]),
            "fast": lambda: jieba_baseline(data, jobs, work, FAST),
        }
        if stores is not None:
            steps["store"] = into_store
        # rotate which runs first, so that a drift within a round does not always
        # favour the same one
        order = list(steps)[n % len(steps) :] + list(steps)[: n % len(steps)]
        got = {step: steps[step]() for step in order}
        into = f", into a store: {got['store']['wall']:.1f} s" if "store" in got else ""
        print(
            f"   jieba alone: {got['jieba']['wall']:.1f} s, {FAST} alone: "
            f"{got['fast']['wall']:.1f} s, graph.ttl without store: {got['turtle']['wall']:.1f} s"
            + into,
            file=sys.stderr,
        )
        rounds.append((got["jieba"], got["turtle"], got["fast"]))
        if stores is not None:
            stores.append(got["store"])
    shutil.rmtree(store_dir, ignore_errors=True)
    return rounds


def fast_figures(rounds: list[tuple[dict, dict, dict]]) -> dict:
    """The fast segmenter's runs and the medians of its ratios within each round."""
    return {
        "fast_segmenter": FAST,
        "fast_runs": [f for _, _, f in rounds],
        "fast_best_s": round(min(f["wall"] for _, _, f in rounds), 2),
        "ratio_fast_to_jieba_median": round(
            statistics.median(f["wall"] / j["wall"] for j, _, f in rounds), 2
        ),
        "ratio_out_turtle_to_fast_median": round(
            statistics.median(t["wall"] / f["wall"] for _, t, f in rounds), 2
        ),
    }


def run_feed(path: Path, jobs: int, work: Path, repeat: int, store: bool = False) -> dict:
    """The graph.ttl build of a JSONL feed of one's own (a real feed, which stays outside
    the repository) against jieba alone over the same texts: each pair's ratio and the
    median of them; with ``store``, the build into a new store too, in the same rounds.
    Printed only; results.json keeps the generated corpora."""
    print(f"== feed {path.name}", file=sys.stderr)
    stores: list[dict] | None = [] if store else None
    common = ["--jobs", str(jobs), "--no-progress"]
    rounds = build_pairs(path, jobs, work, common, repeat, "feed", stores)
    pairs = [(j, t) for j, t, _ in rounds]
    ratios = [t["wall"] / j["wall"] for j, t in pairs]
    into: dict = {}
    if stores:
        store_ratios = [s["wall"] / j["wall"] for (j, _t), s in zip(pairs, stores, strict=True)]
        into = {
            "store_ratios": [round(r, 2) for r in store_ratios],
            "store_median_ratio": round(statistics.median(store_ratios), 2),
            "store_best_s": round(min(s["wall"] for s in stores), 2),
            "store_peak_rss_mb": round(max(s["maxrss_mb"] for s in stores), 1),
        }
    return {
        "feed": str(path),
        "articles": sum(1 for _ in path.open(encoding="utf-8")),
        "ratios": [round(r, 2) for r in ratios],
        "median_ratio": round(statistics.median(ratios), 2),
        "jieba_best_s": round(min(j["wall"] for j, _ in pairs), 2),
        "build_best_s": round(min(t["wall"] for _, t in pairs), 2),
        "peak_rss_mb": round(max(t["maxrss_mb"] for _, t in pairs), 1),
        **fast_figures(rounds),
        **into,
    }


def run_size(
    size: int,
    jobs: int,
    seed: int,
    work: Path,
    rdflib_max: int,
    validate: bool = True,
    repeat: int = 5,
) -> dict:
    """Every measurement for one corpus size.

    jieba alone and the build of graph.ttl run ``repeat`` times, one right after the other
    in pairs (which runs first alternates), since the machine's speed drifts. Reported:
    the best run of each, each pair's ratio and the median of the pairs' ratios."""
    from kg.sparql import StoreGraph

    print(f"== {size} articles", file=sys.stderr)
    data = work / f"corpus-{size}.jsonl"
    corpus.write_corpus(data, size, seed)
    extra = work / f"new-{size}.jsonl"
    new_count = max(1, size // 100)
    corpus.write_corpus(extra, new_count, seed, start=size)
    megabytes = (
        sum(len(json.loads(line)["text"].encode("utf-8")) for line in data.open(encoding="utf-8"))
        / 1e6
    )
    store = work / f"store-{size}"
    if store.exists():
        shutil.rmtree(store)
    kg = [sys.executable, "-m", "kg", "build"]
    common = ["--jobs", str(jobs), "--no-progress"] + ([] if validate else ["--no-validate"])

    full = measure([*kg, str(data), "--store", str(store), *common])
    print(f"   full build: {full['wall']:.1f} s", file=sys.stderr)
    noop = measure([*kg, str(data), "--store", str(store), *common])
    incremental = measure([*kg, str(extra), "--store", str(store), *common])
    print(f"   +{new_count} articles: {incremental['wall']:.1f} s", file=sys.stderr)
    rounds = build_pairs(data, jobs, work, common, repeat, f"out-{size}")
    pairs = [(j, t) for j, t, _ in rounds]
    jieba = min((j for j, _ in pairs), key=lambda f: f["wall"])
    turtle = min((t for _, t in pairs), key=lambda f: f["wall"])
    for step, figures in (
        ("full", full),
        ("+1%", incremental),
        *(("graph.ttl", t) for _, t in pairs),
    ):
        if figures["code"] != 0:
            raise SystemExit(f"the {step} build of {size} articles failed (exit {figures['code']})")

    with StoreGraph(store) as source:
        quads = source.store.quad_count()
    oxigraph = query_latencies_isolated(store, "oxigraph", 5, 120)
    rdflib_q = None
    if size <= rdflib_max:
        rdflib_q = query_latencies_isolated(store, "rdflib", 1, 300)
    out = {
        "articles": size,
        "megabytes": round(megabytes, 2),
        "quads": quads,
        "jobs": jobs,
        "jieba": jieba,
        "repeat": len(pairs),
        "jieba_runs": [j for j, _ in pairs],
        "build": full,
        "articles_per_s": round(size / full["wall"], 1),
        "mb_per_s": round(megabytes / full["wall"], 3),
        "jieba_mb_per_s": round(megabytes / jieba["wall"], 3),
        "ratio_build_to_jieba": round(full["wall"] / jieba["wall"], 2),
        "ratio_build_cpu_to_jieba_cpu": round(full["cpu"] / jieba["cpu"], 2),
        "store_bytes": _du(store),
        "noop_rebuild": noop,
        "incremental": {**incremental, "new_articles": new_count},
        "ratio_incremental_to_full": round(incremental["wall"] / full["wall"], 3),
        "build_out_turtle": turtle,
        "build_out_turtle_runs": [t for _, t in pairs],
        "ratio_out_turtle_to_jieba": round(turtle["wall"] / jieba["wall"], 2),
        "ratio_out_turtle_cpu_to_jieba_cpu": round(turtle["cpu"] / jieba["cpu"], 2),
        "ratio_out_turtle_to_jieba_pairs": [round(t["wall"] / j["wall"], 2) for j, t in pairs],
        "ratio_out_turtle_to_jieba_median": round(
            statistics.median(t["wall"] / j["wall"] for j, t in pairs), 2
        ),
        "ratio_out_turtle_cpu_to_jieba_cpu_median": round(
            statistics.median(t["cpu"] / j["cpu"] for j, t in pairs), 2
        ),
        "queries_oxigraph": oxigraph,
        "queries_rdflib": rdflib_q,
        **fast_figures(rounds),
    }
    if rdflib_q:
        out["query_speedup"] = {
            k: round(rdflib_q[k]["ms"] / max(v["ms"], 0.01), 1)
            for k, v in oxigraph.items()
            if v["ms"] is not None and rdflib_q[k]["ms"] is not None
        }
    return out


def _table(results: list[dict]) -> str:
    def row(label, values):
        return f"| {label} | " + " | ".join(values) + " |"

    def ratio(label, key, digits=2):
        return row(label, [f"{r[key]:.{digits}f}×" for r in results])

    sizes = [f"{r['articles']:,}" for r in results]
    lines = [
        row("articles", sizes),
        "|---" * (len(results) + 1) + "|",
        row("text (MB)", [f"{r['megabytes']:.1f}" for r in results]),
        row("quads in store", [f"{r['quads']:,}" for r in results]),
        row("full build, --jobs N (s)", [f"{r['build']['wall']:.1f}" for r in results]),
        row("articles/s", [f"{r['articles_per_s']:.0f}" for r in results]),
        row("MB/s", [f"{r['mb_per_s']:.3f}" for r in results]),
        row(
            "jieba alone, same processes (s, best of runs)",
            [f"{r['jieba']['wall']:.1f}" for r in results],
        ),
        ratio("build / jieba (wall)", "ratio_build_to_jieba", 1),
        ratio("build / jieba (CPU)", "ratio_build_cpu_to_jieba_cpu", 1),
        row("peak RSS, largest process (MB)", [f"{r['build']['maxrss_mb']:.0f}" for r in results]),
        row("store on disk (MB)", [f"{r['store_bytes'] / 1e6:.0f}" for r in results]),
        row(
            "+1% new articles (s)",
            [
                f"{r['incremental']['wall']:.1f} ({100 * r['ratio_incremental_to_full']:.0f}%)"
                for r in results
            ],
        ),
        row("no-op rebuild (s)", [f"{r['noop_rebuild']['wall']:.1f}" for r in results]),
        row(
            "graph.ttl without store (s, best of runs)",
            [f"{r['build_out_turtle']['wall']:.1f}" for r in results],
        ),
        ratio("graph.ttl without store / jieba (wall, best / best)", "ratio_out_turtle_to_jieba"),
        ratio("graph.ttl without store / jieba (CPU)", "ratio_out_turtle_cpu_to_jieba_cpu"),
        ratio("graph.ttl / jieba, median of run pairs (wall)", "ratio_out_turtle_to_jieba_median"),
        ratio(
            "graph.ttl / jieba, median of run pairs (CPU)",
            "ratio_out_turtle_cpu_to_jieba_cpu_median",
        ),
        row(
            "graph.ttl / jieba, each run pair (wall)",
            [", ".join(f"{x:.2f}" for x in r["ratio_out_turtle_to_jieba_pairs"]) for r in results],
        ),
        row(
            f"{FAST} segmenter alone (s, best of runs)",
            [f"{r['fast_best_s']:.1f}" for r in results],
        ),
        ratio(f"{FAST} alone / jieba alone, median of rounds", "ratio_fast_to_jieba_median"),
        ratio(f"graph.ttl / {FAST} alone, median of rounds", "ratio_out_turtle_to_fast_median"),
    ]
    names = sorted(results[0]["queries_oxigraph"])
    for name in names:
        cells = []
        for r in results:
            ox = r["queries_oxigraph"][name]["ms"]
            rd = (r["queries_rdflib"] or {}).get(name, {}).get("ms")
            if ox is None:
                cells.append("timeout")
                continue
            cells.append(f"{ox:.1f}" + (f" ({rd / max(ox, 0.01):.0f}× faster)" if rd else ""))
        lines.append(row(f"query `{name}` (ms)", cells))
    return "\n".join(lines)


def _write_readme(results: list[dict], meta: dict) -> None:
    readme = HERE / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.exists() else ""
    block = (
        f"{_MARK_BEGIN}\n"
        f"Measured {meta['date']} on {meta['machine']} (`--jobs {meta['jobs']}`, seed "
        f"{meta['seed']}, shapes {'checked' if meta['validate'] else 'not checked'}, "
        f"jieba and graph.ttl builds run {meta.get('repeat', 1)} times in pairs); "
        "query times are medians on the persistent Oxigraph store, in "
        "brackets how much faster than rdflib's in-memory graph (sizes up to "
        f"{meta['rdflib_max']:,}).\n\n{_table(results)}\n{_MARK_END}"
    )
    if _MARK_BEGIN in text and _MARK_END in text:
        head, rest = text.split(_MARK_BEGIN, 1)
        text = head + block + rest.split(_MARK_END, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    readme.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--repeat",
        type=int,
        default=5,
        help="runs of jieba alone and of the graph.ttl build, in pairs (default 5)",
    )
    parser.add_argument(
        "--rdflib-max",
        type=int,
        default=1000,
        help="largest size for the rdflib query baseline (it needs minutes and GBs beyond)",
    )
    parser.add_argument("--work", type=Path, help="working directory (default: a temp dir)")
    parser.add_argument(
        "--no-write", action="store_true", help="leave bench/results.json and README.md alone"
    )
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument(
        "--no-validate", action="store_true", help="build without checking the shapes"
    )
    parser.add_argument(
        "--feed",
        type=Path,
        help="time only the graph.ttl build of this JSONL feed against jieba alone, in pairs",
    )
    parser.add_argument(
        "--feed-store",
        action="store_true",
        help="with --feed, time the build into a new store too, in the same rounds",
    )
    args = parser.parse_args(argv)
    work_ctx = tempfile.TemporaryDirectory(prefix="kg-bench-") if args.work is None else None
    work = Path(work_ctx.name) if work_ctx else args.work
    work.mkdir(parents=True, exist_ok=True)
    if args.feed is not None:
        try:
            print(
                json.dumps(
                    run_feed(args.feed, args.jobs, work, args.repeat, args.feed_store), indent=2
                )
            )
        finally:
            if work_ctx:
                work_ctx.cleanup()
        return 0
    try:
        results = [
            run_size(
                n, args.jobs, args.seed, work, args.rdflib_max, not args.no_validate, args.repeat
            )
            for n in args.sizes
        ]
    finally:
        if work_ctx:
            work_ctx.cleanup()
    meta = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{os.cpu_count()} CPUs, {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}",
        "jobs": args.jobs,
        "seed": args.seed,
        "repeat": args.repeat,
        "rdflib_max": args.rdflib_max,
        "validate": not args.no_validate,
        "self_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    print(_table(results))
    figures = json.dumps({"meta": meta, "results": results}, indent=2, ensure_ascii=False)
    if args.json is not None:
        args.json.write_text(figures + "\n", encoding="utf-8")
    if not args.no_write:
        (HERE / "results.json").write_text(figures + "\n", encoding="utf-8")
        _write_readme(results, meta)
    return 0


if __name__ == "__main__":
    sys.exit(main())
