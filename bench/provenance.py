"""Statements and Turtle bytes per article: the seed, the development set and generated articles.

Builds each corpus with ``kg build --out`` (Turtle and N-Quads, no view) and prints, per
article, the statements of the graph (each triple once, as ``graph.ttl`` holds them), how
many of them are the article's own (its named graph: document, sentences, mentions,
assertions) and how many it shares (entities, facts, quantities), and the bytes of
``graph.ttl`` and ``graph.nq``. ``--json`` keeps the figures; ``--compare`` prints them
beside those of an earlier run (the table of ``bench/README.md``).

    python bench/provenance.py                              # seed, dev, 1,000 generated
    python bench/provenance.py --json after.json --compare before.json
    python bench/provenance.py --articles 100 --predicates  # statements per predicate too
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (bench/corpus.py)

__all__ = ["measure_corpus", "main"]


def _prefixed(iri: str) -> str:
    from kg.model.triples import PREFIXES

    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return f"<{iri}>"


def measure_corpus(name: str, inputs: list[Path], out: Path, jobs: int) -> dict:
    """Build ``inputs`` into ``out`` and count what the graph holds, per article."""
    import pyoxigraph

    from kg.build import build

    result = build(inputs, out, formats=("turtle", "nquads"), html=False, jobs=jobs)
    articles = result.extracted
    result.close()
    own = shared = 0
    predicates: Counter[str] = Counter()
    with (out / "graph.nq").open("rb") as handle:
        for quad in pyoxigraph.parse(handle, pyoxigraph.RdfFormat.N_QUADS):
            if isinstance(quad.graph_name, pyoxigraph.DefaultGraph):
                shared += 1
            else:
                own += 1
            predicates[_prefixed(quad.predicate.value)] += 1
    turtle = (out / "graph.ttl").stat().st_size
    nquads = (out / "graph.nq").stat().st_size
    return {
        "corpus": name,
        "articles": articles,
        "statements": own + shared,
        "own": own,
        "shared": shared,
        "turtle_bytes": turtle,
        "nquads_bytes": nquads,
        "per_article": {
            "statements": round((own + shared) / articles, 1),
            "own": round(own / articles, 1),
            "shared": round(shared / articles, 1),
            "turtle_bytes": round(turtle / articles),
            "nquads_bytes": round(nquads / articles),
        },
        "predicates": dict(sorted(predicates.items(), key=lambda kv: (-kv[1], kv[0]))),
    }


_ROWS = (
    ("statements", "statements"),
    ("own", "of which the article's own (named graph)"),
    ("shared", "of which shared (default graph)"),
    ("turtle_bytes", "`graph.ttl` bytes"),
    ("nquads_bytes", "`graph.nq` bytes"),
)


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:,.1f}"


def table(results: list[dict], before: list[dict] | None = None) -> str:
    """A Markdown table of the per-article figures (with ``before``: before, after, ratio)."""
    previous = {r["corpus"]: r for r in before or []}
    head = "| per article | " + " | ".join(f"{r['corpus']} ({r['articles']:,})" for r in results)
    lines = [head + " |", "|---" * (len(results) + 1) + "|"]
    for key, label in _ROWS:
        cells = []
        for r in results:
            now = r["per_article"][key]
            old = previous.get(r["corpus"], {}).get("per_article", {}).get(key)
            if old:
                cells.append(f"{_number(old)} → {_number(now)} ({now / old:.0%})")
            else:
                cells.append(_number(now))
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def predicate_table(results: list[dict]) -> str:
    """Statements per article and predicate, the most frequent first."""
    names: dict[str, None] = {}
    for r in results:
        names.update(dict.fromkeys(r["predicates"]))
    lines = [
        "| predicate | " + " | ".join(r["corpus"] for r in results) + " |",
        "|---" * (len(results) + 1) + "|",
    ]
    for name in names:
        cells = [f"{r['predicates'].get(name, 0) / r['articles']:.1f}" for r in results]
        lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="generated articles")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated corpus")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--work", type=Path, help="working directory (default: a temp dir)")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--compare", type=Path, help="figures of an earlier run (--json)")
    parser.add_argument(
        "--predicates", action="store_true", help="also print statements per predicate"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-prov-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        generated = corpus.write_corpus(
            work / f"generated-{args.articles}.jsonl", args.articles, args.seed
        )
        corpora = [
            ("seed", [ROOT / "seeds"]),
            ("dev", [ROOT / "tests" / "data" / "corpus" / "dev"]),
            ("generated", [generated]),
        ]
        results = [
            measure_corpus(name, inputs, work / f"out-{name}", args.jobs)
            for name, inputs in corpora
        ]
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    before = json.loads(args.compare.read_text()) if args.compare else None
    print(table(results, before))
    if args.predicates:
        print()
        print(predicate_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
