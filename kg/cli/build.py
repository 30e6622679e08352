"""``kg build``: articles in, ``graph.ttl`` (and other formats) or a persistent store out."""

from __future__ import annotations

import argparse
import sys

from kg.build import HTML_MAX_ARTICLES, REJECTS_FILE, BuildResult, RejectLimit, build, default_jobs
from kg.build.cluster import CONNECT_TIMEOUT
from kg.errors import InputError
from kg.extract.segmenters import DEFAULT_SEGMENTER, SEGMENTERS
from kg.io.rdflib_writers import FORMATS
from kg.store import BACKENDS


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "build",
        help="build the knowledge graph from articles",
        description="Build the knowledge graph from .txt files (with optional NAME.meta.json "
        "sidecars), directories of them and .jsonl corpora; write DIR/graph.ttl (--out) "
        "and/or keep the articles' named graphs in a persistent store (--store), which makes "
        "later builds incremental: unchanged articles are skipped, new and changed ones "
        "extracted and their graphs added or replaced. An article that cannot be read, "
        "that the extractor fails on or that breaks the shapes is left out and listed in "
        f"DIR/{REJECTS_FILE}. Exit codes: 0 built (perhaps with rejects), 1 failed, 2 bad "
        "input (or every article rejected, an --out or --store that is not a writable "
        "directory, or a store another build is writing), 3 the graph breaks the shapes, 4 more rejects than --max-rejects, 130 "
        "interrupted.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt, .jsonl or directory")
    parser.add_argument("--out", "-o", metavar="DIR", help="output directory for graph files")
    parser.add_argument(
        "--format",
        dest="formats",
        action="append",
        choices=sorted(FORMATS),
        help="another output format besides Turtle (repeatable): DIR/graph.ttl is always "
        "written; trig and nquads keep one named graph per article",
    )
    parser.add_argument(
        "--store",
        metavar="DIR",
        help="persistent store directory (created if missing); builds into it incrementally",
    )
    parser.add_argument(
        "--store-backend",
        choices=sorted(BACKENDS),
        help="backend of a new store (default oxigraph; rdflib suits tiny graphs)",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=None,
        metavar="N",
        help=f"worker processes extracting in parallel (default: CPUs, here {default_jobs()})",
    )
    parser.add_argument(
        "--force", action="store_true", help="re-extract articles even when unchanged"
    )
    parser.add_argument(
        "--prune",
        action="store_true",
        help="remove articles from the store that are not among the inputs",
    )
    parser.add_argument(
        "--batch",
        type=int,
        default=None,
        metavar="N",
        help="at most N new articles per bulk load into the store (default: as many as "
        "make about half a million statements)",
    )
    progress = parser.add_mutually_exclusive_group()
    progress.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help="show a progress bar on stderr (default: when stderr is a terminal)",
    )
    progress.add_argument("--no-progress", dest="progress", action="store_false")
    parser.add_argument(
        "--no-validate", action="store_true", help="skip SHACL validation of the built graph"
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="stop at the first article that cannot be read, extracted or validated, "
        "instead of leaving it out",
    )
    parser.add_argument(
        "--max-rejects",
        type=_reject_limit,
        default=None,
        metavar="N|P%",
        help="fail the build, writing nothing, when more than N articles (or P%% of those "
        "read) are rejected",
    )
    parser.add_argument(
        "--corrections",
        metavar="FILE",
        help="a corrections file (TOML) applied to what the extractor reads: reject, "
        "rename, merge, alias, class, party and date corrections, each recorded in the "
        "graph's provenance; with --strict a correction that changes nothing fails the build",
    )
    parser.add_argument(
        "--lexicon",
        metavar="FILE",
        help="a lexicon of names (TSV or TOML: name, class, jurisdiction, code, aliases) "
        "added to the extractor's gazetteers",
    )
    parser.add_argument(
        "--segmenter",
        choices=sorted(SEGMENTERS),
        default=DEFAULT_SEGMENTER,
        help=f"word segmenter (default {DEFAULT_SEGMENTER}; jieba is the reference, jieba 0.42.1 "
        "in Python); both give the same tokens, and the graph records which one cut each article",
    )
    parser.add_argument(
        "--cluster",
        metavar="tcp://HOST:PORT",
        help="extract on the workers of this Dask scheduler instead of local processes "
        "(pip install 'chengyu-kg[cluster]'); the graph is the same",
    )
    parser.add_argument(
        "--cluster-timeout",
        type=float,
        default=CONNECT_TIMEOUT,
        metavar="SECONDS",
        help=f"how long to wait for the scheduler to answer (default {CONNECT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--parts",
        metavar="DIR",
        help="instead of --out or --store: write DIR/part-NNNNNN.nq, one N-Quads file per "
        "chunk of articles, for a store's bulk loader (or kg push)",
    )
    page = parser.add_mutually_exclusive_group()
    page.add_argument(
        "--html",
        dest="html",
        action="store_true",
        default=None,
        help="write the interactive view DIR/graph.html (default: for up to "
        f"{HTML_MAX_ARTICLES} articles)",
    )
    page.add_argument("--no-html", dest="html", action="store_false")
    parser.set_defaults(func=run)


def _reject_limit(text: str) -> RejectLimit:
    try:
        return RejectLimit.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


#: Rejected articles (and notes) the summary names one by one, at most.
SUMMARY_REJECTS = 10


def format_summary(result: BuildResult) -> str:
    """The text ``kg build`` prints: documents, encodings, rejects, entities per class,
    agreements."""
    lines = [f"documents: {len(result.documents)}"]
    for encoding, count in result.encodings().items():
        if encoding != "utf-8":
            lines.append(f"  decoded from {encoding.upper()}: {count}")
    if result.rejects:
        stages = ", ".join(f"{n} {stage}" for stage, n in result.reject_counts().items())
        lines.append(f"rejected: {len(result.rejects)} ({stages})")
        for rejection in result.rejects[:SUMMARY_REJECTS]:
            lines.append(f"  {rejection.message}")
        if len(result.rejects) > SUMMARY_REJECTS:
            lines.append(f"  … and {len(result.rejects) - SUMMARY_REJECTS} more")
    else:
        lines.append("rejected: 0")
    notes = result.summary.notes
    if notes:
        lines.append(f"notes: {len(notes)}")
        for doc_id, note in notes[:SUMMARY_REJECTS]:
            lines.append(f"  {doc_id}: {note}")
        if len(notes) > SUMMARY_REJECTS:
            lines.append(f"  … and {len(notes) - SUMMARY_REJECTS} more")
    if result.store_path is not None:
        recorrected = f"{result.recorrected} corrected again, " if result.recorrected else ""
        lines.append(
            f"store {result.store_path}: {result.new} new, {result.changed} changed, "
            f"{recorrected}{result.unchanged} unchanged, {result.removed} removed; "
            f"{result.articles_in_store} articles, {result.quads} quads"
        )
    elif result.parts_path is not None:
        lines.append(f"parts {result.parts_path}: {result.parts} N-Quads files")
    else:
        lines.append(f"triples: {result.triples}")
    counts = result.entity_counts()
    if counts:
        lines.append("entities:" if result.store_path is None else "entities (extracted now):")
        for cls, count in counts.items():
            lines.append(f"  {cls:<14}{count:>6}")
    agreements = result.agreements()
    if agreements and len(agreements) <= 50:
        lines.append("agreements:")
        for a in agreements:
            lines.append(f"  《{a.label}》 {', '.join(a.dates) or 'date unknown'}")
            lines.append(f"    parties: {'; '.join(a.parties) or 'none found'}")
    elif agreements:
        lines.append(f"agreements: {len(agreements)}")
    lines += _curation_lines(result)
    if result.seconds:
        rate = len(result.documents) / result.seconds
        mb = result.bytes_read / 1e6 / result.seconds
        lines.append(f"time: {result.seconds:.1f} s ({rate:.1f} articles/s, {mb:.2f} MB/s)")
    for path in result.outputs:
        lines.append(f"wrote {path}")
    return "\n".join(lines)


def _curation_lines(result: BuildResult) -> list[str]:
    """The lexicon's names, the corrections applied per kind and those that changed nothing."""
    lines = []
    if result.lexicon is not None:
        lines.append(f"lexicon: {result.lexicon[1]} names from {result.lexicon[0]}")
    report = result.corrections
    if report.entries:
        kinds = ", ".join(f"{kind} {n}" for kind, n in report.kinds().items())
        lines.append(
            f"corrections: {len(report.applied)} of {len(report.entries)} applied"
            + (f" ({kinds})" if kinds else "")
        )
        unmatched = report.unmatched
        if unmatched:
            lines.append(f"  changed nothing: {len(unmatched)}")
            for ident, kind, what in unmatched[:SUMMARY_REJECTS]:
                lines.append(f"    {ident} ({kind} {what})")
            if len(unmatched) > SUMMARY_REJECTS:
                lines.append(f"    … and {len(unmatched) - SUMMARY_REJECTS} more")
    return lines


def run(args: argparse.Namespace) -> int:
    if args.out is None and args.store is None and args.parts is None:
        raise InputError("give --out DIR, --store DIR or both, or --parts DIR")
    # --format adds to graph.ttl, which every command reading a build folder opens
    formats = list(dict.fromkeys(["turtle", *(args.formats or [])])) if args.out else []
    result = build(
        args.inputs,
        args.out,
        formats=formats,
        validate=not args.no_validate,
        store=args.store,
        store_backend=args.store_backend,
        jobs=args.jobs if args.jobs is not None else default_jobs(),
        progress=args.progress,
        force=args.force,
        prune=args.prune,
        html=args.html,
        strict=args.strict,
        max_rejects=args.max_rejects,
        corrections=args.corrections,
        lexicon=args.lexicon,
        segmenter=args.segmenter,
        cluster=args.cluster,
        cluster_timeout=args.cluster_timeout,
        parts=args.parts,
        **({"batch_size": max(1, args.batch)} if args.batch is not None else {}),
    )
    try:
        print(format_summary(result))
    finally:
        result.close()
    unmatched = result.corrections.unmatched
    if unmatched:
        which = ", ".join(ident for ident, _, _ in unmatched[:SUMMARY_REJECTS])
        more = "…" if len(unmatched) > SUMMARY_REJECTS else ""
        print(
            f"kg build: warning: {len(unmatched)} correction(s) of {args.corrections} changed "
            f"nothing: {which}{more}",
            file=sys.stderr,
        )
    return 0
