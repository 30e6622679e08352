"""A user's lexicon: names of agencies, projects, places and organisations the extractor's
gazetteers do not have, read from TSV or TOML and added to the :class:`~kg.extract.Lexicon`.

TSV, one name a line (``#`` starts a comment; a first line starting with ``name`` is a
header)::

    name<TAB>class<TAB>jurisdiction<TAB>code<TAB>aliases
    澜石湾数字服务署<TAB>Agency<TAB>重庆市<TAB><TAB>澜石湾署,石湾署

TOML, a ``[[name]]`` table each::

    [[name]]
    name = "澜石湾数字服务署"
    class = "Agency"
    jurisdiction = "重庆市"
    aliases = ["澜石湾署"]

``class`` is Agency, Organization, Project, District, City or ScienceCity; ``jurisdiction``
is the place an agency belongs to, or the place anything else lies in (a division's full
name, a country or a place of the same lexicon); ``code`` is the GB/T 2260 code of a
district or city.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from dataclasses import astuple
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.extract import Lexicon
from kg.extract.text import normalize_name
from kg.extract.user_names import USER_CLASSES, UserName, user_place

__all__ = ["read_lexicon", "lexicon_digest"]

_CODE = re.compile(r"^[1-8][0-9]{5}$")
_COLUMNS = ("name", "class", "jurisdiction", "code", "aliases")
_ALIAS_SPLIT = re.compile(r"[,，、;；]")


def read_lexicon(path: str | Path, base: Lexicon | None = None) -> tuple[UserName, ...]:
    """The names of a lexicon file (``.tsv`` or ``.toml``), checked against ``base`` (the
    default lexicon): every jurisdiction must name a place. Any problem is one
    :class:`InputError` line naming the file and the line or entry."""
    where = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{where}: no such lexicon file") from None
    except OSError as exc:
        raise InputError(f"{where}: cannot read the lexicon ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{where}: not UTF-8 text") from None
    suffix = Path(path).suffix.lower()
    if suffix == ".toml":
        rows = _toml_rows(text, where)
    elif suffix in (".tsv", ".txt"):
        rows = _tsv_rows(text, where)
    else:
        raise InputError(f"{where}: a lexicon is a .tsv or a .toml file")
    names = [_name(fields, at) for at, fields in rows]
    _check(names, [at for at, _ in rows], base or Lexicon.default())
    return tuple(names)


def lexicon_digest(names: tuple[UserName, ...]) -> str:
    """A digest of the names (empty for none): what a stored article was extracted with."""
    if not names:
        return ""
    text = json.dumps([astuple(n) for n in names], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _toml_rows(text: str, where: str) -> list[tuple[str, dict[str, Any]]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{where}: not valid TOML: {exc}") from None
    unknown = sorted(set(data) - {"name"})
    if unknown:
        raise InputError(f"{where}: unknown key {unknown[0]!r} (a lexicon holds [[name]] tables)")
    tables = data.get("name", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise InputError(f"{where}: 'name' must be an array of tables ([[name]])")
    rows = []
    for number, table in enumerate(tables, 1):
        at = f"{where}: name {number}"
        for key in table:
            if key not in _COLUMNS:
                raise InputError(f"{at}: unknown field {key!r} (fields: {', '.join(_COLUMNS)})")
        aliases = table.get("aliases", [])
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise InputError(f"{at}: 'aliases' must be a list of names")
        for key in ("name", "class", "jurisdiction", "code"):
            if key in table and not isinstance(table[key], str):
                raise InputError(f"{at}: {key!r} must be a string")
        rows.append((at, {**table, "aliases": aliases}))
    return rows


def _tsv_rows(text: str, where: str) -> list[tuple[str, dict[str, Any]]]:
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if not rows and cells[0].lower() == "name":
            continue  # the header
        at = f"{where}:{number}"
        if len(cells) > len(_COLUMNS):
            raise InputError(f"{at}: more than {len(_COLUMNS)} columns ({', '.join(_COLUMNS)})")
        fields: dict[str, Any] = {k: v for k, v in zip(_COLUMNS, cells, strict=False) if v}
        fields["aliases"] = [a.strip() for a in _ALIAS_SPLIT.split(fields.get("aliases", ""))]
        rows.append((at, fields))
    return rows


def _name(fields: dict[str, Any], at: str) -> UserName:
    name = (fields.get("name") or "").strip()
    if not name:
        raise InputError(f"{at}: no name")
    cls = (fields.get("class") or "").strip()
    if cls not in USER_CLASSES:
        raise InputError(f"{at}: class is one of {', '.join(USER_CLASSES)}, not {cls!r}")
    code = (fields.get("code") or "").strip() or None
    if code is not None and (cls not in ("District", "City") or not _CODE.match(code)):
        raise InputError(f"{at}: a code is the six-digit GB/T 2260 code of a District or City")
    aliases = tuple(a.strip() for a in fields.get("aliases", ()) if a.strip())
    jurisdiction = (fields.get("jurisdiction") or "").strip() or None
    return UserName(name, cls, jurisdiction, code, aliases)


def _check(names: list[UserName], where: list[str], base: Lexicon) -> None:
    """Each written form names one entry; each jurisdiction names a place (a city, for a
    district or city)."""
    seen: dict[str, int] = {}
    for i, u in enumerate(names):
        for written in u.written:
            if written in seen and names[seen[written]] is not u:
                other = names[seen[written]].name
                raise InputError(f"{where[i]}: {written} is written for {other} too")
            seen.setdefault(written, i)
    lex = base.extended(names)
    for i, u in enumerate(names):
        if u.jurisdiction is None:
            continue
        place = user_place(u, lex)
        if place is None:
            raise InputError(
                f"{where[i]}: jurisdiction {u.jurisdiction!r} is no division, country or "
                "place of the lexicon"
            )
        if u.cls in ("District", "City") and place.cls != "City":
            raise InputError(f"{where[i]}: a {u.cls} lies in a city or province, not {place.label}")
        if normalize_name(place.label) == normalize_name(u.name):
            raise InputError(f"{where[i]}: {u.name} cannot lie in itself")
