"""Extraction time and memory against article length: is ``kg.extract`` linear in it?

An article of about N characters is made of realistic sentences: the development set's
texts (``tests/data/corpus/dev``) one after another, repeated until N is reached
(``--source dev``), or the generated articles of ``bench/corpus.py`` (``--source
generated``); ``--one-sentence`` turns every 。！？ and line break into ， so that the whole
article is one sentence, read in pieces of ``MAX_SENTENCE``. Each length is extracted in a
fresh process, after the lexicon and jieba are loaded and one article extracted: the
figures are :func:`kg.extract.extract` alone, wall time (best of ``--repeat``) and the
growth of peak RSS during it, and time per 1,000 characters, which stays flat when
extraction is linear.

    python bench/length.py                         # 10k, 50k, 100k, 200k, 400k characters
    python bench/length.py --sizes 10000 100000 --one-sentence
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

__all__ = ["article_text", "measure_one", "main"]

SIZES = (10_000, 50_000, 100_000, 200_000, 400_000)


def article_text(size: int, source: str = "dev", one_sentence: bool = False) -> str:
    """An article of ``size`` characters of realistic sentences (cut at a sentence end
    before ``size`` where there is one)."""
    if source == "dev":
        texts = [
            p.read_text(encoding="utf-8").strip()
            for p in sorted((ROOT / "tests" / "data" / "corpus" / "dev").glob("*.txt"))
        ]
    else:
        import corpus  # bench/corpus.py

        texts = [corpus.article(i, seed=1)["text"].strip() for i in range(200)]
    parts: list[str] = []
    length = 0
    while length < size:
        for text in texts:
            parts.append(text)
            length += len(text) + 2
            if length >= size:
                break
    text = "\n\n".join(parts)[:size]
    if one_sentence:
        text = re.sub(r"[。！？!?\n]+", "，", text)
    return text


def measure_one(size: int, source: str, one_sentence: bool, repeat: int) -> dict:
    """Extract one article of ``size`` characters in this process; time and memory."""
    import logging

    import jieba

    from kg.extract import extract
    from kg.records import Document

    jieba.setLogLevel(logging.WARNING)
    extract(Document("warm", article_text(2000, source)))
    text = article_text(size, source, one_sentence)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        ex = extract(Document("long", text))
        times.append(time.perf_counter() - started)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "chars": len(text),
        "sentences": len(ex.sentences),
        "mentions": len(ex.mentions),
        "relations": len(ex.relations),
        "seconds": round(min(times), 3),
        "seconds_runs": [round(t, 3) for t in times],
        "ms_per_1000_chars": round(1000 * min(times) / (len(text) / 1000), 2),
        "peak_rss_growth_mb": round((peak - before) / 1024, 1),
        "peak_rss_mb": round(peak / 1024, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--source", choices=("dev", "generated"), default="dev")
    parser.add_argument("--one-sentence", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size (best is shown)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a size, in this process
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(measure_one(args.one, args.source, args.one_sentence, args.repeat)))
        return 0
    rows = []
    mode = "one sentence" if args.one_sentence else "with its sentence marks"
    print(f"kg.extract on one article of {args.source} text, {mode}")
    print(
        "| characters | sentences | mentions | seconds | ms per 1,000 characters | peak RSS growth (MB) |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        cmd = [sys.executable, __file__, "--one", str(size), "--source", args.source]
        cmd += ["--repeat", str(args.repeat)] + (["--one-sentence"] if args.one_sentence else [])
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        row = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(
            f"| {row['chars']:,} | {row['sentences']:,} | {row['mentions']:,} | {row['seconds']}"
            f" | {row['ms_per_1000_chars']} | {row['peak_rss_growth_mb']} |",
            flush=True,
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
