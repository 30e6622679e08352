"""Benchmark corrections (``kg build --corrections``) on generated articles.

For a corpus of N generated articles and K corrections (aliases of agencies the corpus
names, one correction each): the build with and without the corrections (what applying
them costs), and in a store: the no-op rebuild with and without corrections (what
deciding which stored articles a correction may touch costs), and the rebuild after the
corrections file changed, with how many articles it built again.

    python bench/curation.py                       # 1000 articles, 100 corrections
    python bench/curation.py --articles 300 --corrections 50 --jobs 2
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (bench/corpus.py)

from kg.build import build  # noqa: E402
from kg.extract import Lexicon, extract  # noqa: E402
from kg.records import Document  # noqa: E402

__all__ = ["main"]


def _timed(*args, **kwargs) -> tuple[float, object]:
    started = time.perf_counter()
    result = build(*args, **kwargs)
    result.close()
    return time.perf_counter() - started, result


def _corrections(agencies: list[str], changed: int | None = None) -> str:
    """An alias for each agency; the ``changed``-th one's why differs."""
    return "".join(
        f'[[correction]]\nid = "alias-{i}"\nkind = "add-alias"\nentity = "{label}"\n'
        f'alias = "{label}（简称）"\nwhy = "{"changed" if i == changed else "bench"}"\n'
        'who = "bench"\n\n'
        for i, label in enumerate(agencies)
    )


def rows_text(feed: Path) -> str:
    """The text of the first article of a feed."""
    return json.loads(feed.read_text(encoding="utf-8").splitlines()[0])["text"]


def run(articles: int, corrections: int, jobs: int, work: Path) -> dict:
    """Every figure, as a dict (seconds, counts)."""
    feed = work / "corpus.jsonl"
    rows = corpus.generate(articles, seed=3)
    feed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    common = {"jobs": jobs, "html": False, "validate": False}
    # jieba and the lexicon's patterns made in this process, which the workers fork from:
    # reading the corrections' names makes them too, and would make the builds with
    # corrections look faster
    extract(Document("warm", rows_text(feed)), Lexicon.default())
    _timed([feed], work / "warm", **common)  # caches filled: not measured
    plain, first = _timed([feed], work / "plain", **common)
    agencies = sorted(key for cls, key in first.summary.entities if cls == "Agency")
    agencies = agencies[:corrections]
    fixes = work / "corrections.toml"
    fixes.write_text(_corrections(agencies), encoding="utf-8")
    # the two builds in turns, the best of two each: the machine's speed drifts
    curated, with_fixes = _timed([feed], work / "curated", corrections=fixes, **common)
    plain = min(plain, _timed([feed], work / "plain", **common)[0])
    curated = min(curated, _timed([feed], work / "curated", corrections=fixes, **common)[0])
    store = work / "store"
    store_build, _ = _timed([feed], store=store, **common)
    noop, _ = _timed([feed], store=store, **common)
    added, recorrected = _timed([feed], store=store, corrections=fixes, **common)
    noop_curated, again = _timed([feed], store=store, corrections=fixes, **common)
    fixes.write_text(_corrections(agencies, changed=0), encoding="utf-8")
    changed, one_changed = _timed([feed], store=store, corrections=fixes, **common)
    return {
        "articles": articles,
        "corrections": len(agencies),
        "applied": len(with_fixes.corrections.applied),
        "build": round(plain, 2),
        "build_corrected": round(curated, 2),
        "store_build": round(store_build, 2),
        "noop": round(noop, 2),
        "noop_corrected": round(noop_curated, 2),
        "noop_corrected_unchanged": again.unchanged,
        "corrections_added": round(added, 2),
        "corrections_added_rebuilt": recorrected.recorrected,
        "one_changed": round(changed, 2),
        "one_changed_rebuilt": one_changed.recorrected,
    }


def table(r: dict) -> str:
    rows = [
        ("articles, corrections (applied)", f"{r['articles']}, {r['corrections']} ({r['applied']})"),
        ("build --out, no corrections (s)", r["build"]),
        ("build --out, with the corrections (s)", r["build_corrected"]),
        ("build --store, no corrections (s)", r["store_build"]),
        ("no-op rebuild, no corrections (s)", r["noop"]),
        ("corrections added: rebuild (s), articles built again", f"{r['corrections_added']}, {r['corrections_added_rebuilt']}"),
        ("no-op rebuild with the corrections (s)", r["noop_corrected"]),
        ("one correction changed: rebuild (s), articles built again", f"{r['one_changed']}, {r['one_changed_rebuilt']}"),
    ]  # fmt: skip
    return "\n".join(["| figure | value |", "| --- | --- |", *(f"| {a} | {b} |" for a, b in rows)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--corrections", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-bench-curation-") as tmp:
        result = run(args.articles, args.corrections, args.jobs, Path(tmp))
    print(table(result))
    if args.json is not None:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
