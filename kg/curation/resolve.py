"""Which entity a correction names: the same one in every article, whatever else each says.

A selector's text is an entity IRI (``https://w3id.org/chengyu-kg/id/agency/…``, ``<…>``
or ``id:agency/…``), or a name. A name matches an entity whose label or key is that name
(NFKC, white space and the 《》 around a title ignored), or the entity the extractor reads
the name as when it stands alone (重庆市科技局 is 重庆市科学技术局). None of this depends on
the article, so an entity-level correction changes an entity in every article alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import unquote

from kg.curation.corrections import Selector
from kg.extract import Lexicon, extract
from kg.extract.builder import country_entity, division_entity
from kg.extract.text import normalize_name
from kg.model import iri
from kg.records import ENTITY_CLASSES, Document, Entity

__all__ = ["Resolver", "name_key", "parse_entity_iri"]

_SEGMENTS = {iri.entity_iri(cls, "x")[len(iri.BASE) : -2]: cls for cls in ENTITY_CLASSES}


def name_key(text: str) -> str:
    """The form names are compared in: NFKC, no white space, no 《》 around a title.

    >>> name_key("《共建西部金融中心 合作协议》")
    '共建西部金融中心合作协议'
    """
    key = normalize_name(text)
    if key.startswith("《") and key.endswith("》"):
        key = key[1:-1]
    return key


def parse_entity_iri(text: str) -> tuple[str, str] | None:
    """``(class, key)`` of an entity IRI, written in full, in ``<>`` or as ``id:…``;
    ``None`` when ``text`` is no entity IRI.

    >>> parse_entity_iri("id:agency/重庆市科学技术局")
    ('Agency', '重庆市科学技术局')
    """
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    if text.startswith("id:"):
        text = iri.BASE + text[3:]
    if not text.startswith(iri.BASE):
        return None
    segment, _, key = text[len(iri.BASE) :].partition("/")
    if segment not in _SEGMENTS or not key:
        return None
    return _SEGMENTS[segment], normalize_name(unquote(key))


def undated(key: str) -> str:
    """An agreement's key without the signing date it may end in."""
    return key.rsplit("@", 1)[0] if "@" in key else key


class Resolver:
    """Selectors to entities with one lexicon (the extractor's reading of a name is made
    once per name)."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lex = lexicon or Lexicon.default()
        self._readings: dict[str, tuple[Entity, ...]] = {}

    def readings(self, text: str) -> tuple[Entity, ...]:
        """The entities the extractor reads ``text`` as, standing alone and whole."""
        text = text.strip()
        found = self._readings.get(text)
        if found is None:
            # (as a sentence of its own: some rules look at what follows a name)
            ex = extract(Document("name", text + "。"), self.lex)
            found = tuple(
                sorted(
                    {m.entity for m in ex.mentions if m.span.start == 0 and m.span.end == len(text)}
                )
            )
            self._readings[text] = found
        return found

    def matches(self, sel: Selector, entity: Entity) -> bool:
        """Whether ``sel`` names ``entity``."""
        if sel.cls is not None and entity.cls != sel.cls:
            return False
        ident = parse_entity_iri(sel.text)
        if ident is not None:
            return ident == (entity.cls, entity.key)
        key = name_key(sel.text)
        if key in (name_key(entity.label), entity.key):
            return True
        return any((e.cls, e.key) == (entity.cls, entity.key) for e in self.readings(sel.text))

    def entity_for(self, sel: Selector, cls: str, present: Iterable[Entity] = ()) -> Entity:
        """The one entity ``sel`` designates (of ``sel``'s class, else ``cls``): the entity
        of an IRI, else what the extractor reads the name as, else an entity keyed by the
        name; one of ``present`` (the article's) when it is that entity."""
        cls = sel.cls or cls
        ident = parse_entity_iri(sel.text)
        if ident is not None:
            made = self._of_iri(*ident)
        else:
            read = [e for e in self.readings(sel.text) if e.cls == cls]
            made = read[0] if len(read) == 1 else self._of_name(cls, sel.text)
        for e in present:
            if (e.cls, e.key) == (made.cls, made.key):
                return e
        return made

    def _of_iri(self, cls: str, key: str) -> Entity:
        lex = self.lex
        if cls in ("City", "District") and key in lex.divisions.by_code:
            return division_entity(key, lex)
        if cls == "Country" and key in lex.countries:
            return country_entity(key, lex)
        return Entity(cls, key, undated(key) if cls == "Agreement" else key)

    def _of_name(self, cls: str, text: str) -> Entity:
        """The entity a name (or a key) designates: a division or country by its code or
        full name, anything else keyed by the name (an agreement's date kept in its key)."""
        label = text.strip()
        if label.startswith("《") and label.endswith("》"):
            label = label[1:-1]
        key, lex = normalize_name(label), self.lex
        if cls in ("City", "District"):
            codes = (key,) if key in lex.divisions.by_code else lex.divisions.full.get(key, ())
            if len(codes) == 1 and lex.divisions.by_code[codes[0]].cls == cls:
                return division_entity(codes[0], lex)
        if cls == "Country" and (key in lex.countries or key in lex.country_names):
            return country_entity(key if key in lex.countries else lex.country_names[key], lex)
        if cls == "Agreement":
            label = undated(label)
        return Entity(cls, key, label)

    def tokens(self, sel: Selector) -> frozenset[str]:
        """What a name index (:mod:`kg.curation.names`) holds of any entity ``sel`` may
        match: its name, key and undated key, and those of the extractor's reading."""
        ident = parse_entity_iri(sel.text)
        if ident is not None:
            return frozenset({ident[1], undated(ident[1])})
        out = {name_key(sel.text), undated(name_key(sel.text))}
        for e in self.readings(sel.text):
            out |= {name_key(e.label), e.key, undated(e.key)}
        return frozenset(out)
