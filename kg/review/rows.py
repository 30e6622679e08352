"""The row format of a review: what ``kg sample`` writes and ``kg eval --judgements`` reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.errors import KgError

__all__ = ["COLUMNS", "FACT_KINDS", "SIGNING", "VERDICTS", "ReviewError", "ReviewRow"]

#: The columns of a review file, in order (CSV header and the HTML page's download).
COLUMNS = (
    "row",
    "kind",
    "entity",
    "label",
    "value",
    "surface",
    "document",
    "published",
    "sentence",
    "judgement",
    "note",
)

#: Kinds of rows that sample facts (assertions) rather than entities.
FACT_KINDS = ("party", "signedOn")

#: The kind of a row that checks a sentence telling of a signing for what was missed there
#: (:mod:`kg.review.signings`); its share correct is no precision, and no part of the total.
SIGNING = "signing"

#: The verdicts a judged row may carry.
VERDICTS = ("correct", "partial", "wrong")


# What a person may type for each verdict (compared case-insensitively, stripped).
class ReviewError(KgError):
    """A review cannot be drawn, written or read (bad option, output suffix, verdict)."""

    exit_code = 2


@dataclass(frozen=True)
class ReviewRow:
    """One row to judge: an entity of a class, or a party or signing date of an agreement.

    ``entity`` is the entity's IRI (the agreement's, for ``party`` and ``signedOn`` rows) and
    ``value`` the party's label or the date as written in the graph; ``surface`` is the text
    of one mention in ``sentence``, which starts at ``surface_start`` there (``None`` when
    unknown; not a column, used to highlight the mention).
    """

    row: str
    kind: str
    entity: str
    label: str
    value: str = ""
    surface: str = ""
    document: str = ""
    published: str = ""
    sentence: str = ""
    judgement: str = ""
    note: str = ""
    surface_start: int | None = field(default=None, compare=False)

    def as_record(self) -> dict[str, str]:
        """The row's :data:`COLUMNS` as a dict of strings."""
        return {c: getattr(self, c) for c in COLUMNS}
