"""Read articles from .txt files (with optional .meta.json sidecars), directories and .jsonl corpora.

Text is cleaned as it is read (:func:`kg.extract.text.clean_text`: controls and
noncharacters such as U+FFFE, which no RDF literal should hold, dropped or made line
feeds), so that offsets into a document's text are offsets into the text the graph
stores; an id holding one is a rejection (it names the article, it is not rewritten).
"""

from __future__ import annotations

import codecs
import datetime
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.extract.text import clean_text, find_unclean
from kg.model.iri import normalize_key
from kg.records import Document, Rejection

__all__ = [
    "read_documents",
    "iter_documents",
    "iter_articles",
    "unique_articles",
    "document_key",
    "decode_text",
    "parse_date",
    "SUFFIXES",
]

#: File suffixes read as input; anything else in a directory is skipped.
SUFFIXES = (".txt", ".jsonl")

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z]*)?$")
# a lone surrogate: JSON may spell one ("\udc80"), a non-UTF-8 file name holds them
_SURROGATE = re.compile("[\ud800-\udfff]")
# the metadata an article may have beside its id and text, all strings (or null)
_TEXT_FIELDS = ("title", "url", "source")


class _Bad(Exception):
    """Why an article cannot be read (one line, without where: the caller knows)."""


def _short(value: object, limit: int = 60) -> str:
    """``repr(value)``, cut to ``limit`` characters (a feed's values may be huge)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _date(value: object) -> datetime.date | None:
    if value is None or value == "":
        return None
    match = _DATE.match(value) if isinstance(value, str) else None
    if not match:
        raise _Bad(f"bad date {_short(value)} for 'published' (expected YYYY-MM-DD)")
    try:
        return datetime.date(*map(int, match.groups()))
    except ValueError as exc:
        raise _Bad(f"bad date {_short(value)} for 'published' ({exc})") from None


def parse_date(value: object, where: str) -> datetime.date | None:
    """A ``published`` value as a date: ``YYYY-MM-DD`` (a time part is ignored) or null.

    >>> parse_date("2021-12-18", "x")
    datetime.date(2021, 12, 18)
    """
    try:
        return _date(value)
    except _Bad as exc:
        raise InputError(f"{where}: {exc}") from None


def document_key(doc_id: str) -> str:
    """The identity of a document id, as its IRI has it: NFKC, white space removed.

    >>> document_key("Ｒ 2") == document_key("R2")
    True
    """
    return normalize_key(doc_id)


# control characters other than tab, line feed, form feed and carriage return
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    # a real feed carries the odd U+FFFD where its own source was broken: a rate, not one
    odd = len(_CONTROL.findall(text)) + text.count("\ufffd")
    return odd / len(text) < 0.01


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes) -> tuple[str, str]:
    if b"\x00" in data:
        raise _Bad("binary file (contains NUL bytes), expected UTF-8 or GB18030 text")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, encoding.removesuffix("-sig")
    raise _Bad("binary file (not UTF-8 or GB18030 text)")


def decode_text(data: bytes, where: str) -> tuple[str, str]:
    """Decode article bytes as UTF-8, else GB18030 (a superset of GBK and GB2312), and
    clean the text (line feeds for CR LF and CR, :func:`~kg.extract.text.clean_text`).

    Returns ``(text, encoding)``; raises :class:`InputError` for binary data.
    """
    try:
        text, encoding = _decode(data)
    except _Bad as exc:
        raise InputError(f"{where}: {exc}") from None
    return clean_text(_newlines(text)), encoding


def _loads(text: str, what: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Bad(f"malformed {what} ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise _Bad(f"malformed {what} (nested too deeply)") from None
    except ValueError as exc:  # a number of more digits than Python converts
        raise _Bad(f"malformed {what} ({str(exc).splitlines()[0]})") from None


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    return {dict: "an object", list: "an array", str: "a string"}.get(type(value), "null")


def _string(record: dict, key: str, *, required: bool = False) -> str | None:
    """``record[key]``, checked: a string without lone surrogates, or null when allowed."""
    value = record.get(key)
    if required and (value is None or (isinstance(value, str) and not value.strip())):
        raise _Bad(f"missing or empty {key!r}")
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Bad(f"{key!r} is {_json_type(value)}, not a string")
    bad = _SURROGATE.search(value)
    if bad:
        raise _Bad(
            f"{key!r} holds a lone surrogate (U+{ord(bad.group()):04X} at offset {bad.start()})"
        )
    return value


def _cleaned(value: str | None) -> str | None:
    return None if value is None else clean_text(value)


def _check_id(doc_id: str) -> str:
    if not document_key(doc_id):
        raise _Bad(f"id {doc_id!r} is empty once white space is removed")
    bad = find_unclean(doc_id)
    if bad:
        raise _Bad(
            f"id {_short(doc_id)} holds a control character or a noncharacter "
            f"(U+{ord(bad.group()):04X} at offset {bad.start()})"
        )
    return doc_id


def _read_sidecar(path: Path) -> dict:
    meta_path = path.with_name(path.name[: -len(path.suffix)] + ".meta.json")
    if not meta_path.exists():
        return {}
    try:
        data = meta_path.read_bytes()
    except OSError as exc:
        raise _Bad(f"{meta_path.name}: cannot read the sidecar ({exc.strerror})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _Bad(f"{meta_path.name}: malformed sidecar JSON (not UTF-8)") from None
    try:
        meta = _loads(text, "sidecar JSON")
        if not isinstance(meta, dict):
            raise _Bad("sidecar must be a JSON object")
        fields = {key: _cleaned(_string(meta, key)) for key in _TEXT_FIELDS}
        fields["published"] = _date(meta.get("published"))
    except _Bad as exc:
        raise _Bad(f"{meta_path.name}: {exc}") from None
    return fields


def _text_article(path: Path) -> Document | Rejection:
    where = str(path)
    if _SURROGATE.search(path.stem):
        return Rejection(where, None, None, "read", "file name is not UTF-8 (the id is made of it)")
    try:
        doc_id = _check_id(path.stem)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise _Bad(f"cannot read ({exc.strerror})") from None
        text, encoding = _decode(data)
        text = clean_text(_newlines(text))
        if not text.strip():
            raise _Bad("empty file")
        meta = _read_sidecar(path)
    except _Bad as exc:
        return Rejection(where, None, path.stem, "read", str(exc))
    return Document(
        id=doc_id,
        text=text,
        title=meta.get("title"),
        published=meta.get("published"),
        url=meta.get("url"),
        source=meta.get("source"),
        encoding=encoding,
        path=where,
    )


def _utf8(line: bytes) -> str | None:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _jsonl_lines(data: bytes) -> tuple[str, list[str | None]]:
    """The encoding of a JSONL file and its lines (split at line feeds, as ``wc -l`` counts
    them); a line that is not text is ``None``.

    A file that is UTF-8 but for a few broken lines (as a real feed may be) keeps its
    other lines; a file whose lines are mostly not UTF-8 is decoded whole, as GB18030.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        lines = [_utf8(line) for line in data.removeprefix(codecs.BOM_UTF8).split(b"\n")]
        broken = lines.count(None)
        utf8 = sum(1 for line in lines if line is not None and not line.isascii())
        if utf8 > broken:
            return "utf-8", [None if line is None else line.removesuffix("\r") for line in lines]
    else:
        if _looks_like_text(text):
            return "utf-8", [line.removesuffix("\r") for line in text.split("\n")]
    text, encoding = _decode(data)
    return encoding, [line.removesuffix("\r") for line in text.split("\n")]


def _jsonl_record(line: str, encoding: str, path: Path, number: int) -> Document:
    record = _loads(line, "JSON line")
    if not isinstance(record, dict):
        raise _Bad(f"expected a JSON object with 'id' and 'text', not {_json_type(record)}")
    doc_id = _check_id(_string(record, "id", required=True).strip())
    text = clean_text(_string(record, "text", required=True))
    if not text.strip():
        raise _Bad("'text' holds nothing but control characters and noncharacters")
    return Document(
        id=doc_id,
        text=text,
        published=_date(record.get("published")),
        encoding=encoding,
        path=str(path),
        line=number,
        **{key: _cleaned(_string(record, key)) for key in _TEXT_FIELDS},
    )


def _known_id(line: str) -> str | None:
    """The id of a JSONL line that was rejected, when it has a readable one."""
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        return None
    value = record.get("id") if isinstance(record, dict) else None
    if not isinstance(value, str) or not value.strip() or _SURROGATE.search(value):
        return None
    return value.strip()


def _jsonl_articles(path: Path) -> Iterator[Document | Rejection]:
    try:
        data = path.read_bytes()
        encoding, lines = _jsonl_lines(data)
        if not any(line is None or line.strip() for line in lines):
            raise _Bad("empty file")
    except OSError as exc:
        yield Rejection(str(path), None, None, "read", f"cannot read ({exc.strerror})")
        return
    except _Bad as exc:
        yield Rejection(str(path), None, None, "read", str(exc))
        return
    for number, line in enumerate(lines, start=1):
        if line is None:
            yield Rejection(str(path), number, None, "read", f"line is not {encoding} text")
            continue
        if not line.strip():
            continue
        try:
            yield _jsonl_record(line, encoding, path, number)
        except _Bad as exc:
            yield Rejection(str(path), number, _known_id(line), "read", str(exc))


def _check_path(path: Path) -> None:
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if not path.is_dir() and path.suffix not in SUFFIXES:
        raise InputError(f"{path}: unsupported input (expected .txt, .jsonl or a directory)")


def _expand(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
            if not found:
                raise InputError(f"{path}: directory holds no .txt or .jsonl files")
            yield from found
        else:
            yield path


def iter_articles(paths: Iterable[str | Path]) -> Iterator[Document | Rejection]:
    """Documents from files and directories, in order, with a :class:`Rejection` in the
    place of each article that cannot be read (unreadable, empty, binary, malformed,
    fields of the wrong type).

    Raises :class:`InputError` for a path that names no articles (missing, of another
    kind, a directory without any), before anything is read.
    """
    paths = [Path(p) for p in paths]
    for path in paths:
        _check_path(path)
    for path in _expand(paths):
        if path.suffix == ".jsonl":
            yield from _jsonl_articles(path)
        else:
            yield _text_article(path)


def unique_articles(items: Iterable[Document | Rejection]) -> Iterator[Document | Rejection]:
    """``items`` with each document whose id is an earlier one's (by :func:`document_key`:
    ``report 1`` is ``report1``, ``Ｒ2`` is ``R2``) turned into a rejection naming the earlier."""
    seen: dict[str, Document] = {}
    for item in items:
        if isinstance(item, Document):
            key = document_key(item.id)
            earlier = seen.setdefault(key, item)
            if earlier is not item:
                item = Rejection(
                    item.path or item.id, item.line, item.id, "read", _dup(item, earlier)
                )
        yield item


def _dup(doc: Document, earlier: Document) -> str:
    if doc.id == earlier.id:
        return f"duplicate document id {doc.id!r} (also in {earlier.where})"
    return (
        f"duplicate document id {doc.id!r}: the same as {earlier.id!r} in {earlier.where} "
        "once normalised (NFKC, white space removed)"
    )


def iter_documents(paths: Iterable[str | Path]) -> Iterator[Document]:
    """Documents from files and directories, in order; raises :class:`InputError` on bad input."""
    for item in iter_articles(paths):
        if isinstance(item, Rejection):
            raise InputError(item.message)
        yield item


def read_documents(paths: Iterable[str | Path]) -> list[Document]:
    """All documents from ``paths``; document ids must be unique (by :func:`document_key`)."""
    docs: list[Document] = []
    for item in unique_articles(iter_articles(paths)):
        if isinstance(item, Rejection):
            raise InputError(item.message)
        docs.append(item)
    return docs
