"""``kg build``: articles in, ``graph.ttl`` (and other formats) out, with a summary."""

from __future__ import annotations

import argparse

from kg.build import BuildResult, build
from kg.export import FORMATS


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "build",
        help="build the knowledge graph from articles",
        description="Build the knowledge graph from .txt files (with optional NAME.meta.json "
        "sidecars), directories of them and .jsonl corpora; write DIR/graph.ttl.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt, .jsonl or directory")
    parser.add_argument("--out", "-o", required=True, metavar="DIR", help="output directory")
    parser.add_argument(
        "--format",
        dest="formats",
        action="append",
        choices=sorted(FORMATS),
        help="output format (repeatable; default turtle)",
    )
    parser.add_argument(
        "--no-validate", action="store_true", help="skip SHACL validation of the built graph"
    )
    parser.set_defaults(func=run)


def format_summary(result: BuildResult) -> str:
    """The text ``kg build`` prints: documents, encodings, entities per class, agreements."""
    lines = [f"documents: {len(result.documents)}"]
    for encoding, count in result.encodings().items():
        if encoding != "utf-8":
            lines.append(f"  decoded from {encoding.upper()}: {count}")
    lines.append(f"triples: {result.triples}")
    lines.append("entities:")
    for cls, count in result.entity_counts().items():
        lines.append(f"  {cls:<14}{count:>6}")
    agreements = result.agreements()
    if agreements:
        lines.append("agreements:")
        for a in agreements:
            lines.append(f"  《{a.label}》 {', '.join(a.dates) or 'date unknown'}")
            lines.append(f"    parties: {'; '.join(a.parties) or 'none found'}")
    for path in result.outputs:
        lines.append(f"wrote {path}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    result = build(
        args.inputs, args.out, formats=args.formats or ["turtle"], validate=not args.no_validate
    )
    print(format_summary(result))
    return 0
