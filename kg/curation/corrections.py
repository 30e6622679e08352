"""The corrections file: what an analyst changes in what the extractor read, as TOML.

Each correction is a ``[[correction]]`` table with an ``id``, a ``kind``, ``why`` and
``who`` (and optionally ``when``), and the fields of its kind::

    [[correction]]
    id = "c1"
    kind = "reject-entity"
    entity = "九龙滩广场"          # a label, a name the extractor reads as the entity, a key or an IRI
    class = "Project"              # optional: only an entity of this class
    why = "a square named in passing, not a project"
    who = "Li Wei"
    when = 2024-05-02

The file is read and checked whole before a build reads any article: a syntax error, an
unknown kind or field, a missing or ill-typed field is one :class:`~kg.errors.InputError`
that names the file, the correction and the field.
"""

from __future__ import annotations

import datetime
import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.records import CORRECTION_KINDS, ENTITY_CLASSES, Correction, DateValue

__all__ = ["Selector", "Entry", "Corrections", "KIND_FIELDS", "read_corrections"]

#: The fields each kind takes besides ``id``, ``kind``, ``why``, ``who`` and ``when``:
#: required ones, and optional ones.
KIND_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "reject-entity": (("entity",), ("class",)),
    "reject-mention": (("document",), ("offset", "sentence", "mention")),
    "rename": (("entity", "label"), ("class",)),
    "merge": (("entity", "into"), ("class", "into_class")),
    "add-alias": (("entity", "alias"), ("class",)),
    "set-class": (("entity", "to"), ("class",)),
    "add-party": (("agreement", "party"), ("party_class",)),
    "remove-party": (("agreement", "party"), ()),
    "set-date": (("agreement", "date"), ()),
    "remove-date": (("agreement",), ()),
}
_COMMON = ("id", "kind", "why", "who", "when")
_PARTY_CLASSES = ("Agency", "Organization")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class Selector:
    """What names an entity in a correction: ``text`` (a name, a key or an entity IRI) and
    optionally the class the entity must have."""

    text: str
    cls: str | None = None


@dataclass(frozen=True)
class Entry:
    """One correction of the file: its record (what the graph says of it) and the fields of
    its kind. ``entity`` is the entity it changes (the agreement, for the party and date
    kinds); ``target`` the other entity it names (the survivor of a merge, a party)."""

    record: Correction
    entity: Selector | None = None
    target: Selector | None = None
    document: str | None = None
    offset: int | None = None
    sentence: str | None = None
    mention: str | None = None
    text: str | None = None  # the new label, the alias, or the new class
    date: DateValue | None = None

    @property
    def kind(self) -> str:
        return self.record.kind

    def canonical(self) -> str:
        """Everything the correction says, as one line of JSON (what digests are made of)."""
        r = self.record
        when = r.when.isoformat() if r.when is not None else None
        fields = [r.id, r.kind, r.why, r.who, when]
        for sel in (self.entity, self.target):
            fields.append([sel.text, sel.cls] if sel is not None else None)
        fields += [self.document, self.offset, self.sentence, self.mention, self.text]
        fields.append([self.date.lexical, self.date.precision] if self.date else None)
        return json.dumps(fields, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class Corrections:
    """A corrections file read and checked: its entries in file order."""

    path: str
    entries: tuple[Entry, ...] = ()

    def __len__(self) -> int:
        return len(self.entries)


def read_corrections(path: str | Path) -> Corrections:
    """Read and check a corrections file; any problem is one :class:`InputError` line."""
    where = str(path)
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise InputError(f"{where}: no such corrections file") from None
    except OSError as exc:
        raise InputError(f"{where}: cannot read the corrections file ({exc.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{where}: not valid TOML: {exc}") from None
    unknown = sorted(set(data) - {"correction"})
    if unknown:
        raise InputError(
            f"{where}: unknown key {unknown[0]!r} (a corrections file holds [[correction]] tables)"
        )
    tables = data.get("correction", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise InputError(f"{where}: 'correction' must be an array of tables ([[correction]])")
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for number, table in enumerate(tables, 1):
        entry = _entry(table, f"{where}: correction {number}")
        if entry.record.id in seen:
            raise InputError(
                f"{where}: correction {number}: id {entry.record.id!r} is also correction "
                f"{seen[entry.record.id]}'s"
            )
        seen[entry.record.id] = number
        entries.append(entry)
    return Corrections(where, tuple(entries))


def _entry(table: dict[str, Any], where: str) -> Entry:
    ident = table.get("id")
    if isinstance(ident, str) and ident.strip():
        where = f"{where} ({ident})"
    kind = _string(table, "kind", where)
    if kind not in KIND_FIELDS:
        raise InputError(f"{where}: unknown kind {kind!r} (kinds: {', '.join(CORRECTION_KINDS)})")
    required, optional = KIND_FIELDS[kind]
    for name in table:
        if name not in (*_COMMON, *required, *optional):
            allowed = ", ".join((*_COMMON, *required, *optional))
            raise InputError(f"{where}: unknown field {name!r} for {kind} (fields: {allowed})")
    for name in ("id", "why", "who", *required):
        if name not in table:
            raise InputError(f"{where}: missing field {name!r} (a {kind} needs it)")
    record = Correction(
        _string(table, "id", where),
        kind,
        _string(table, "why", where),
        _string(table, "who", where),
        _when(table.get("when"), where),
    )
    fields: dict[str, Any] = {}
    if "entity" in table:
        fields["entity"] = Selector(_string(table, "entity", where), _class(table, "class", where))
    if "agreement" in table:
        fields["entity"] = Selector(_string(table, "agreement", where), "Agreement")
    if "into" in table:
        fields["target"] = Selector(
            _string(table, "into", where), _class(table, "into_class", where)
        )
    if "party" in table:
        cls = _class(table, "party_class", where)
        if cls is not None and cls not in _PARTY_CLASSES:
            raise InputError(f"{where}: 'party_class' is Agency or Organization, not {cls!r}")
        fields["target"] = Selector(_string(table, "party", where), cls)
    for name in ("label", "alias"):
        if name in table:
            fields["text"] = _string(table, name, where)
    if "to" in table:
        fields["text"] = _class(table, "to", where)
        if fields["text"] == "Country":
            raise InputError(f"{where}: 'to' cannot be Country (a country is known by its code)")
    if kind == "reject-mention":
        fields.update(_mention_fields(table, where))
    if "date" in table:
        fields["date"] = _date(table["date"], where)
    return Entry(record, **fields)


def _mention_fields(table: dict[str, Any], where: str) -> dict[str, Any]:
    out: dict[str, Any] = {"document": _string(table, "document", where)}
    if "offset" in table:
        offset = table["offset"]
        if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
            raise InputError(f"{where}: 'offset' must be a character offset (0 or more)")
        out["offset"] = offset
    elif "sentence" not in table or "mention" not in table:
        raise InputError(f"{where}: a reject-mention needs 'offset', or 'sentence' and 'mention'")
    for name in ("sentence", "mention"):
        if name in table:
            out[name] = _string(table, name, where)
    return out


def _string(table: dict[str, Any], name: str, where: str) -> str:
    value = table.get(name)
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{where}: {name!r} must be a non-empty string")
    return value.strip()


def _class(table: dict[str, Any], name: str, where: str) -> str | None:
    if name not in table:
        return None
    value = _string(table, name, where)
    if value not in ENTITY_CLASSES:
        raise InputError(f"{where}: {name!r} is one of {', '.join(ENTITY_CLASSES)}, not {value!r}")
    return value


def _when(value: Any, where: str) -> datetime.date | datetime.datetime | None:
    if value is None or isinstance(value, datetime.date):  # a datetime is a date too
        return value
    if isinstance(value, str):
        try:
            parsed = datetime.datetime.fromisoformat(value.strip())
        except ValueError:
            pass
        else:
            return parsed if "T" in value or " " in value.strip() else parsed.date()
    raise InputError(f"{where}: 'when' must be a date (2024-05-02) or a date and time")


def _date(value: Any, where: str) -> DateValue:
    if isinstance(value, datetime.datetime):
        return DateValue(value.date(), "correction")
    if isinstance(value, datetime.date):
        return DateValue(value, "correction")
    if isinstance(value, str):
        text = value.strip()
        if m := _MONTH.match(text):
            if 1 <= int(m.group(2)) <= 12:
                return DateValue(
                    datetime.date(int(m.group(1)), int(m.group(2)), 1), "correction", "month"
                )
        elif _YEAR.match(text) and int(text) > 0:
            return DateValue(datetime.date(int(text), 1, 1), "correction", "year")
        else:
            try:
                return DateValue(datetime.date.fromisoformat(text), "correction")
            except ValueError:
                pass
    raise InputError(
        f'{where}: \'date\' must be a date (2021-12-17), a month ("2021-12") or a year ("2021")'
    )
