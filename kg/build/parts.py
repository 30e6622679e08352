"""A build that writes N-Quads parts instead of gathering the graph: :class:`PartsSink`.

``kg build … --parts DIR`` writes one N-Quads file per partition (a chunk of articles as
the workers extracted it, :func:`kg.build.workers.chunks`), ``DIR/part-000000.nq`` and
on, as the chunks come back: each article's own statements in its named graph, the
statements articles share in the default graph (repeated in the parts of each article
that states them; every loader keeps one). Nothing of the graph stays in the main
process, so the corpus may be larger than one host could gather; any store's loader takes
the parts (Oxigraph's bulk loader, ``kg push``, a SPARQL server's), and their union is the
graph a local build writes.

The parts are written to a directory beside them and moved into place once all are
written, in place of the parts of an earlier build.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from kg.build.result import BuildResult
from kg.build.workers import ExtractedArticle
from kg.io.files import check_output_dir
from kg.records import Document

__all__ = ["PART_GLOB", "PartsSink", "part_name"]

#: The parts of a build in its directory.
PART_GLOB = "part-*.nq"


def part_name(index: int) -> str:
    """The file name of part ``index``.

    >>> part_name(12)
    'part-000012.nq'
    """
    return f"part-{index:06d}.nq"


class PartsSink:
    """Writes each chunk of extracted articles as one N-Quads part."""

    render = frozenset({"ntriples"})

    def __init__(self, directory: str | Path) -> None:
        self.directory = check_output_dir(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.staging: Path | None = Path(tempfile.mkdtemp(prefix=".parts-", dir=self.directory))
        self.lines: dict[bytes, None] = {}  # the pending part, each statement once
        self.parts = 0

    def unchanged(self, doc: Document, *, force: bool) -> bool:  # noqa: ARG002 - protocol
        return False

    def add(self, article: ExtractedArticle, result: BuildResult) -> None:
        graph = f" <{article.graph}> .".encode()
        lines = self.lines
        for line in (article.own or b"").splitlines():
            lines[line[:-2] + graph] = None  # "s p o ." -> "s p o <g> ."
        for subject, statements in article.shared:
            for statement in statements:
                lines[f"{subject} {statement} .".encode()] = None
        result.new += 1

    def end_chunk(self) -> None:
        """Write the articles added since the last part as the next part."""
        if not self.lines or self.staging is None:
            return
        path = self.staging / part_name(self.parts)
        with open(path, "wb") as out:
            out.write(b"\n".join(self.lines))
            out.write(b"\n")
        self.lines = {}
        self.parts += 1

    def finish(self, result: BuildResult, *, keep: Iterable[str] | None) -> None:  # noqa: ARG002
        """Move the parts into place, in place of an earlier build's."""
        self.end_chunk()
        for old in self.directory.glob(PART_GLOB):
            old.unlink()
        for index in range(self.parts):
            os.replace(self.staging / part_name(index), self.directory / part_name(index))
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging = None

    def check(self, result: BuildResult) -> str:  # noqa: ARG002 - protocol
        # each article was checked against the shapes by its worker; the check of the
        # union (sh:maxCount over what articles share) would need the whole graph
        return "articles"

    def quad_source(self) -> None:
        return None

    def hand_over(self, result: BuildResult) -> None:
        result.parts_path = self.directory
        result.parts = self.parts

    def close(self, *, abort: bool = False) -> None:  # noqa: ARG002 - protocol
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None
