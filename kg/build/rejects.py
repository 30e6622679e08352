"""The articles a build sets aside: how many it may, what stops it, and ``rejects.jsonl``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import ExtractionError, InputError, KgError, RejectLimitError, ValidationError
from kg.io.files import write_text_atomic
from kg.records import Rejection

__all__ = [
    "REJECTS_FILE",
    "RejectLimit",
    "Rejects",
    "generate_rejects",
    "rejection_error",
    "write_rejects",
]

#: The file of a build's output directory (or, without one, its store) listing the rejects.
REJECTS_FILE = "rejects.jsonl"

_LIMIT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$")


@dataclass(frozen=True)
class RejectLimit:
    """How many articles a build may set aside: a count, or a percentage of those it read.

    >>> RejectLimit.parse("10%").allows(10, 100), RejectLimit.parse("10%").allows(11, 100)
    (True, False)
    >>> str(RejectLimit.parse(3))
    '3'
    """

    count: int | None = None
    percent: float | None = None

    @classmethod
    def parse(cls, value: int | str) -> RejectLimit:
        """``N`` (articles) or ``P%`` (of the articles read); raises :class:`ValueError`."""
        if isinstance(value, int) and not isinstance(value, bool):
            if value < 0:
                raise ValueError(f"a reject limit is not negative: {value}")
            return cls(count=value)
        match = _LIMIT.match(value) if isinstance(value, str) else None
        if not match:
            raise ValueError(f"expected N or P% for a reject limit, not {value!r}")
        number, percent = match.groups()
        if percent:
            if float(number) > 100:
                raise ValueError(f"a reject limit of more than 100% means none: {value!r}")
            return cls(percent=float(number))
        if "." in number:
            raise ValueError(f"a count of articles is whole: {value!r}")
        return cls(count=int(number))

    def allows(self, rejected: int, total: int | None = None) -> bool:
        """Whether ``rejected`` of ``total`` articles read are within the limit
        (a percentage limit allows any number while the total is not known)."""
        if self.count is not None:
            return rejected <= self.count
        if total is None or self.percent is None:
            return True
        return rejected * 100 <= self.percent * total

    def __str__(self) -> str:
        return str(self.count) if self.count is not None else f"{self.percent:g}%"


def rejection_error(rejection: Rejection) -> KgError:
    """The error a strict build stops with at ``rejection``, by stage."""
    error = {"read": InputError, "extract": ExtractionError, "shapes": ValidationError}
    return error[rejection.stage](rejection.message)


class Rejects:
    """The rejections of one build, in the order they are added (that of the articles).

    ``strict`` turns the first one into an error (:func:`rejection_error`); ``limit``
    stops the build with :class:`RejectLimitError` once a count limit is passed (a
    percentage limit is checked by :meth:`finish`, when the total is known).
    """

    def __init__(self, *, strict: bool = False, limit: RejectLimit | None = None) -> None:
        self.strict = strict
        self.limit = limit
        self.found: list[Rejection] = []

    def __len__(self) -> int:
        return len(self.found)

    def add(self, rejection: Rejection) -> None:
        """Set an article aside."""
        if self.strict:
            raise rejection_error(rejection)
        self.found.append(rejection)
        if self.limit is not None and not self.limit.allows(len(self.found)):
            raise RejectLimitError(
                f"more articles rejected than the limit of {self.limit}; "
                f"first, {self.found[0].message}"
            )

    def finish(self, total: int) -> list[Rejection]:
        """Check the rejections of a build that read ``total`` articles, and return them.

        Raises :class:`InputError` when every article was rejected, and
        :class:`RejectLimitError` past a percentage limit.
        """
        rejected = self.found
        if not rejected:
            return rejected
        first = rejected[0].message
        if len(rejected) >= total:
            raise InputError(
                f"no article could be built: all {len(rejected)} rejected; first, {first}"
            )
        if self.limit is not None and not self.limit.allows(len(rejected), total):
            share = 100 * len(rejected) / total
            raise RejectLimitError(
                f"{len(rejected)} of {total} articles rejected ({share:.1f}%), more than "
                f"the limit of {self.limit}; first, {first}"
            )
        return rejected


def generate_rejects(rejects: Iterable[Rejection]) -> Iterator[str]:
    """The lines of ``rejects.jsonl``: one JSON object per rejection (``input``, ``line``,
    ``id``, ``stage``, ``reason``).

    >>> list(generate_rejects([Rejection("a.jsonl", 2, None, "read", "empty 'text'")]))
    ['{"input": "a.jsonl", "line": 2, "id": null, "stage": "read", "reason": "empty \\'text\\'"}\\n']
    """
    for rejection in rejects:
        yield json.dumps(rejection.to_dict(), ensure_ascii=False) + "\n"


def write_rejects(path: str | Path, rejects: Iterable[Rejection]) -> Path:
    """Write ``rejects.jsonl`` whole or not at all (empty when nothing was rejected)."""
    return write_text_atomic(path, "".join(generate_rejects(rejects)))
