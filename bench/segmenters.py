"""Compare the segmenters on corpora: the tokens of every block, and the graphs built.

For each corpus given (a ``.txt``, a ``.jsonl`` or a directory, as ``kg build`` takes them):

- every distinct block of jieba's block characters in its texts is cut by each segmenter of
  ``kg.extract.segmenters`` and by jieba-rs's own HMM (``rjieba.cut(block, True)``), and the
  blocks whose tokens differ from jieba 0.42.1's are counted and the first ones printed;
- ``kg build CORPUS --out DIR --segmenter NAME`` runs with each segmenter, and the two
  ``graph.ttl`` are compared byte for byte once each document's ``cy:segmenter`` statement
  (which names the segmenter, and so differs on purpose) is left out.

    python bench/segmenters.py seeds tests/data/corpus/dev tests/data/corpus/test
    python bench/segmenters.py --generated 1000          # bench/corpus.py, seed 1
    python bench/segmenters.py FEED.jsonl --jobs 2

Nothing is written to the repository; the corpora may stay outside it.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (bench/corpus.py)

__all__ = ["compare_blocks", "compare_builds", "main"]

_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")
_SEGMENTER_LINE = re.compile(r"^\s*cy:segmenter \"[^\"]*\" [;.]$")


def _texts(path: Path) -> Iterator[str]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.suffix in {".txt", ".jsonl"} and not child.name.endswith(".meta.json"):
                yield from _texts(child)
    elif path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield json.loads(line)["text"]
    else:
        yield path.read_text(encoding="utf-8")


def compare_blocks(paths: list[Path], show: int = 5) -> dict:
    """Tokens of every distinct block by each segmenter against jieba 0.42.1's."""
    import rjieba

    from kg.extract.segmenters import SEGMENTERS, make_segmenter

    reference = make_segmenter("jieba")
    others = {n: make_segmenter(n, reference.tokenizer) for n in SEGMENTERS if n != "jieba"}
    raw = rjieba.Jieba()
    others["rjieba.cut with its own HMM"] = type(
        "Raw", (), {"cut": lambda _, b: raw.cut(b, True)}
    )()
    blocks: dict[str, None] = {}
    texts = 0
    for path in paths:
        for text in _texts(path):
            texts += 1
            blocks.update(dict.fromkeys(_BLOCK.findall(text)))
    out: dict = {"texts": texts, "blocks": len(blocks), "differing": {}}
    start = time.perf_counter()
    expected = {b: reference.cut(b) for b in blocks}
    out["seconds"] = {"jieba": round(time.perf_counter() - start, 2)}
    for name, segmenter in others.items():
        start = time.perf_counter()
        differing = [b for b in blocks if segmenter.cut(b) != expected[b]]
        out["seconds"][name] = round(time.perf_counter() - start, 2)
        out["differing"][name] = len(differing)
        for block in differing[:show]:
            print(
                f"   {name}: {block[:40]}: jieba {'|'.join(expected[block])[:80]} / "
                f"{'|'.join(segmenter.cut(block))[:80]}",
                file=sys.stderr,
            )
    return out


def _without_segmenter(turtle: bytes) -> list[bytes]:
    return [
        line
        for line in turtle.splitlines()
        if not _SEGMENTER_LINE.match(line.decode("utf-8", "replace"))
    ]


def compare_builds(paths: list[Path], work: Path, jobs: int) -> dict:
    """``kg build`` with each segmenter; whether the graphs are the same, segmenter apart."""
    from kg.extract.segmenters import SEGMENTERS

    graphs: dict[str, bytes] = {}
    seconds: dict[str, float] = {}
    for name in sorted(SEGMENTERS):
        out_dir = work / f"out-{name}"
        cmd = [sys.executable, "-m", "kg", "build", *map(str, paths), "--out", str(out_dir)]
        cmd += ["--no-html", "--no-progress", "--jobs", str(jobs), "--segmenter", name]
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        seconds[name] = round(time.perf_counter() - start, 2)
        graphs[name] = (out_dir / "graph.ttl").read_bytes()
    names = sorted(graphs)
    first = _without_segmenter(graphs[names[0]])
    differing = {n: _diff_count(first, _without_segmenter(graphs[n])) for n in names[1:]}
    return {
        "turtle_bytes": {n: len(g) for n, g in graphs.items()},
        "identical_but_segmenter": all(v == 0 for v in differing.values()),
        "differing_lines": differing,
        "build_seconds": seconds,
    }


def _diff_count(a: list[bytes], b: list[bytes]) -> int:
    if a == b:
        return 0
    import difflib

    return sum(1 for line in difflib.unified_diff(a, b, lineterm=b"") if line[:1] in b"+-")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, help=".txt, .jsonl or directory")
    parser.add_argument("--generated", type=int, help="also N articles of bench/corpus.py")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-build", action="store_true", help="compare the tokens only")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-segmenters-") as tmp:
        work = Path(tmp)
        corpora = [[p] for p in args.corpora]
        if args.generated:
            corpora.append(
                [corpus.write_corpus(work / "generated.jsonl", args.generated, args.seed)]
            )
        results = []
        for paths in corpora:
            print(f"== {' '.join(map(str, paths))}", file=sys.stderr)
            result = {"corpus": [str(p) for p in paths], "blocks": compare_blocks(paths)}
            if not args.no_build:
                result["build"] = compare_builds(paths, work, args.jobs)
            results.append(result)
            print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
