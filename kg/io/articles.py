"""Read articles from .txt files (with optional .meta.json sidecars), directories and .jsonl corpora."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.records import Document

__all__ = ["read_documents", "iter_documents", "decode_text", "parse_date", "SUFFIXES"]

#: File suffixes read as input; anything else in a directory is skipped.
SUFFIXES = (".txt", ".jsonl")

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z]*)?$")


def parse_date(value: object, where: str) -> datetime.date | None:
    """A ``published`` value as a date: ``YYYY-MM-DD`` (a time part is ignored) or null.

    >>> parse_date("2021-12-18", "x")
    datetime.date(2021, 12, 18)
    """
    if value is None or value == "":
        return None
    match = _DATE.match(str(value)) if isinstance(value, str) else None
    if not match:
        raise InputError(f"{where}: bad date {value!r} for 'published' (expected YYYY-MM-DD)")
    try:
        return datetime.date(*map(int, match.groups()))
    except ValueError as exc:
        raise InputError(f"{where}: bad date {value!r} for 'published' ({exc})") from None


# control characters other than tab, line feed, form feed and carriage return
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    # a real feed carries the odd U+FFFD where its own source was broken: a rate, not one
    odd = len(_CONTROL.findall(text)) + text.count("\ufffd")
    return odd / len(text) < 0.01


def decode_text(data: bytes, where: str) -> tuple[str, str]:
    """Decode article bytes as UTF-8, else GB18030 (a superset of GBK and GB2312).

    Returns ``(text, encoding)``; raises :class:`InputError` for binary data.
    """
    if b"\x00" in data:
        raise InputError(
            f"{where}: binary file (contains NUL bytes), expected UTF-8 or GB18030 text"
        )
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text.replace("\r\n", "\n").replace("\r", "\n"), encoding.removesuffix("-sig")
    raise InputError(f"{where}: binary file (not UTF-8 or GB18030 text)")


def _read_sidecar(path: Path) -> dict:
    meta_path = path.with_name(path.name[: -len(path.suffix)] + ".meta.json")
    if not meta_path.exists():
        return {}
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{meta_path}: malformed sidecar JSON ({exc})") from None
    if not isinstance(meta, dict):
        raise InputError(f"{meta_path}: sidecar must be a JSON object")
    meta["published"] = parse_date(meta.get("published"), str(meta_path))
    return meta


def _text_document(path: Path) -> Document:
    data = path.read_bytes()
    text, encoding = decode_text(data, str(path))
    if not text.strip():
        raise InputError(f"{path}: empty file")
    meta = _read_sidecar(path)
    return Document(
        id=path.stem,
        text=text,
        title=meta.get("title"),
        published=meta.get("published"),
        url=meta.get("url"),
        source=meta.get("source"),
        encoding=encoding,
        path=str(path),
    )


def _jsonl_documents(path: Path) -> Iterator[Document]:
    text, encoding = decode_text(path.read_bytes(), str(path))
    if not text.strip():
        raise InputError(f"{path}: empty file")
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{where}: malformed JSON line ({exc.msg} at column {exc.colno})"
            ) from None
        if not isinstance(record, dict):
            raise InputError(f"{where}: expected a JSON object with 'id' and 'text'")
        for key in ("id", "text"):
            if not isinstance(record.get(key), str) or not record[key].strip():
                raise InputError(f"{where}: missing or empty {key!r}")
        yield Document(
            id=record["id"].strip(),
            text=record["text"],
            title=record.get("title"),
            published=parse_date(record.get("published"), where),
            url=record.get("url"),
            source=record.get("source"),
            encoding=encoding,
            path=where,
        )


def _expand(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or directory")
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
            if not found:
                raise InputError(f"{path}: directory holds no .txt or .jsonl files")
            yield from found
        elif path.suffix in SUFFIXES:
            yield path
        else:
            raise InputError(f"{path}: unsupported input (expected .txt, .jsonl or a directory)")


def iter_documents(paths: Iterable[str | Path]) -> Iterator[Document]:
    """Documents from files and directories, in order; raises :class:`InputError` on bad input."""
    for path in _expand(Path(p) for p in paths):
        try:
            if path.suffix == ".jsonl":
                yield from _jsonl_documents(path)
            else:
                yield _text_document(path)
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def read_documents(paths: Iterable[str | Path]) -> list[Document]:
    """All documents from ``paths``; document ids must be unique."""
    docs: list[Document] = []
    seen: dict[str, str] = {}
    for doc in iter_documents(paths):
        if doc.id in seen:
            raise InputError(
                f"{doc.path}: duplicate document id {doc.id!r} (also in {seen[doc.id]})"
            )
        seen[doc.id] = doc.path or doc.id
        docs.append(doc)
    return docs
