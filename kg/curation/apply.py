"""Apply corrections to one article's records, after extraction and before the records
become triples (no RDF here).

Corrections apply in file order, each to what the ones before it left. What each kind does:

- ``reject-entity``: the entity goes, with its mentions and every fact it is the subject
  or the object of;
- ``reject-mention``: the mention goes (its entity stays while the article still names
  it, or relates it);
- ``rename``: the entity's label becomes the new name, and its old label stays as an
  alias (``skos:altLabel``); an entity keyed by its name (not by a code) takes the IRI of
  its new name, as the IRI policy says;
- ``merge``: the entity's mentions, facts and names move to the survivor (its label
  becomes one of the survivor's aliases) and the entity goes;
- ``add-alias``: the entity gets another name;
- ``set-class``: the entity takes the class (and the IRI of it); a division's code stays
  only if it stays a division; facts the class cannot have (by the ontology's domains and
  ranges) go;
- ``add-party`` / ``remove-party``: an agreement gains or loses a party; an added party's
  evidence is the sentence the agreement is named in;
- ``set-date`` / ``remove-date``: an agreement's signing date is set (its evidence the
  sentence of the date it replaces, else of the agreement) or removed.

An agreement whose title or date changed is keyed again as the extractor keys it (its
title, and its date when it has one), and after all corrections the extractor's rules
hold again: a fact whose subject the article no longer names goes, an agreement keeps one
signing date.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from kg import vocab
from kg.curation.corrections import Entry
from kg.curation.resolve import Resolver
from kg.extract.text import normalize_name
from kg.records import Corrected, Entity, Extraction, Mention, Relation, Span

__all__ = ["apply_corrections"]

_DIVISIONS = ("City", "District")


@dataclass
class _Done:
    influenced: list[Entity] = field(default_factory=list)
    invalidated: list[Entity | Mention | Relation] = field(default_factory=list)
    generated: list[Relation] = field(default_factory=list)


class _Records:
    """An article's records while corrections change them."""

    def __init__(self, ex: Extraction) -> None:
        self.ex = ex
        self.mentions = list(ex.mentions)
        self.relations = list(ex.relations)
        self.aliases = list(ex.aliases)
        self.moved: dict[Entity, Entity] = {}  # what each entity became
        self.rekey: set[Entity] = set()  # agreements to key again

    def entities(self) -> list[Entity]:
        out = {m.entity for m in self.mentions}
        for r in self.relations:
            out.add(r.subject)
            if isinstance(r.object, Entity):
                out.add(r.object)
        return sorted(out)

    def move(self, old: Entity, new: Entity) -> None:
        """Every mention, fact and alias of ``old`` becomes ``new``'s."""
        if old == new:
            return
        self.mentions = [replace(m, entity=new) if m.entity == old else m for m in self.mentions]
        self.relations = [_moved(r, old, new) for r in self.relations]
        self.aliases = [(new if e == old else e, a) for e, a in self.aliases]
        for k, v in self.moved.items():
            if v == old:
                self.moved[k] = new
        self.moved[old] = new
        if old in self.rekey:
            self.rekey.discard(old)
            self.rekey.add(new)

    def become(self, old: Entity, new: Entity) -> None:
        """``old`` becomes ``new``, and so does an entity of the article that has ``new``'s
        IRI already (one IRI, one label: the correction's)."""
        for other in self.entities():
            if other not in (old, new) and (other.cls, other.key) == (new.cls, new.key):
                self.move(other, new)
        self.move(old, new)

    def drop(self, entity: Entity) -> None:
        self.mentions = [m for m in self.mentions if m.entity != entity]
        self.relations = [r for r in self.relations if r.subject != entity and r.object != entity]
        self.aliases = [(e, a) for e, a in self.aliases if e != entity]

    def forward(self, x: Entity) -> Entity:
        return self.moved.get(x, x)

    def evidence(self, agreement: Entity) -> Span | None:
        """The sentence an agreement is named in (its first mention's), as a span."""
        spans = [m.span for m in self.mentions if m.entity == agreement]
        spans += [r.span for r in self.relations if r.subject == agreement]
        if not spans:
            return None
        sentence = min(spans, key=lambda s: s.start).sentence
        sent = next((s for s in self.ex.sentences if s.index == sentence), None)
        return Span(sent.start, sent.end, sent.text, sent.index) if sent else spans[0]


def _moved(r: Relation, old: Entity, new: Entity) -> Relation:
    if r.subject != old and r.object != old:
        return r
    return replace(
        r,
        subject=new if r.subject == old else r.subject,
        object=new if r.object == old else r.object,
    )


def apply_corrections(ex: Extraction, entries: Sequence[Entry], resolver: Resolver) -> Extraction:
    """``ex`` with ``entries`` applied in order; :attr:`Extraction.corrections` says what
    each one that changed something did."""
    if not entries:
        return ex
    recs = _Records(ex)
    done: list[tuple[Entry, _Done]] = []
    for entry in entries:
        result = _KINDS[entry.kind](recs, entry, resolver)
        if result is not None and (result.influenced or result.invalidated or result.generated):
            done.append((entry, result))
    if not done:
        return ex
    _rekey_agreements(recs)
    _restore_rules(recs)
    return _result(ex, recs, done)


# -- the kinds ---------------------------------------------------------------------------


def _matched(recs: _Records, entry: Entry, resolver: Resolver) -> list[Entity]:
    return [e for e in recs.entities() if resolver.matches(entry.entity, e)]  # type: ignore[arg-type]


def _reject_entity(recs: _Records, entry: Entry, resolver: Resolver) -> _Done | None:
    found = _matched(recs, entry, resolver)
    for e in found:
        recs.drop(e)
    return _Done(invalidated=list(found))


def _reject_mention(recs: _Records, entry: Entry, resolver: Resolver) -> _Done | None:  # noqa: ARG001
    if normalize_name(entry.document or "") != normalize_name(recs.ex.document.id):
        return None
    texts = {s.index: normalize_name(s.text) for s in recs.ex.sentences}
    wanted = normalize_name(entry.mention) if entry.mention else None

    def named(m: Mention) -> bool:
        if wanted is not None and normalize_name(m.span.surface) != wanted:
            return False
        if entry.offset is not None:
            return m.span.start == entry.offset
        return normalize_name(entry.sentence or "") in texts.get(m.span.sentence, "")

    gone = [m for m in recs.mentions if named(m)]
    recs.mentions = [m for m in recs.mentions if m not in gone]
    return _Done(invalidated=list(gone))


def _rename(recs: _Records, entry: Entry, resolver: Resolver) -> _Done | None:
    out = _Done()
    label = entry.text or ""
    for e in _matched(recs, entry, resolver):
        key = e.key if e.code else normalize_name(label)
        new = Entity(e.cls, key, label, e.code)
        if new == e:
            continue
        recs.become(e, new)
        recs.aliases.append((new, e.label))
        if e.cls == "Agreement":
            recs.rekey.add(new)
        out.influenced.append(new)
        out.invalidated.append(e)
    return out


def _merge(recs: _Records, entry: Entry, resolver: Resolver) -> _Done | None:
    found = _matched(recs, entry, resolver)
    if not found:
        return None
    survivor = resolver.entity_for(entry.target, found[0].cls, recs.entities())  # type: ignore[arg-type]
    found = [e for e in found if (e.cls, e.key) != (survivor.cls, survivor.key)]
    for e in found:
        recs.move(e, survivor)
        recs.aliases.append((survivor, e.label))
    if found and survivor.cls == "Agreement":
        recs.rekey.add(survivor)
    return _Done([survivor] if found else [], list(found))


def _add_alias(recs: _Records, entry: Entry, resolver: Resolver) -> _Done | None:
    found = [
        e
        for e in _matched(recs, entry, resolver)
        if normalize_name(entry.text or "") != normalize_name(e.label)
    ]
    recs.aliases += [(e, entry.text or "") for e in found]
    return _Done(influenced=found)


def _set_class(recs: _Records, entry: Entry, resolver: Resolver) -> _Done | None:
    out = _Done()
    cls = entry.text or ""
    for e in _matched(recs, entry, resolver):
        if e.cls == cls:
            continue
        if e.code and cls in _DIVISIONS and e.cls in _DIVISIONS:
            new = Entity(cls, e.key, e.label, e.code)  # a division keeps its code
        else:
            new = Entity(cls, normalize_name(e.label), e.label)
        # the facts the new class cannot have go (before the move: as the article read them)
        unfit = [
            r for r in recs.relations if e in (r.subject, r.object) and not _fits(_moved(r, e, new))
        ]
        recs.relations = [r for r in recs.relations if r not in unfit]
        out.invalidated += unfit
        recs.become(e, new)
        if cls == "Agreement":
            recs.rekey.add(new)
        out.influenced.append(new)
        out.invalidated.append(e)
    return out


def _agreements(recs: _Records, entry: Entry, resolver: Resolver) -> list[Entity]:
    return [e for e in _matched(recs, entry, resolver) if e.cls == "Agreement"]


def _add_party(recs: _Records, entry: Entry, resolver: Resolver) -> _Done | None:
    out = _Done()
    found = _agreements(recs, entry, resolver)
    if not found:
        return None
    party = resolver.entity_for(entry.target, "Agency", recs.entities())  # type: ignore[arg-type]
    for agreement in found:
        if any(
            r.subject == agreement and r.predicate == "party" and r.object == party
            for r in recs.relations
        ):
            continue
        span = recs.evidence(agreement)
        if span is None:
            continue
        rel = Relation(agreement, "party", party, span)
        recs.relations.append(rel)
        out.generated.append(rel)
        out.influenced.append(agreement)
    return out


def _remove_party(recs: _Records, entry: Entry, resolver: Resolver) -> _Done | None:
    found = set(_agreements(recs, entry, resolver))
    gone = [
        r
        for r in recs.relations
        if r.predicate == "party"
        and r.subject in found
        and isinstance(r.object, Entity)
        and resolver.matches(entry.target, r.object)  # type: ignore[arg-type]
    ]
    recs.relations = [r for r in recs.relations if r not in gone]
    return _Done(sorted({r.subject for r in gone}), list(gone))


def _set_date(recs: _Records, entry: Entry, resolver: Resolver) -> _Done | None:
    out = _Done()
    for agreement in _agreements(recs, entry, resolver):
        old = [r for r in recs.relations if r.subject == agreement and r.predicate == "signedOn"]
        if [r.object for r in old] == [entry.date]:
            continue
        span = old[0].span if old else recs.evidence(agreement)
        if span is None:
            continue
        rel = Relation(agreement, "signedOn", entry.date, span)  # type: ignore[arg-type]
        recs.relations = [r for r in recs.relations if r not in old] + [rel]
        recs.rekey.add(agreement)
        out.generated.append(rel)
        out.invalidated += old
        out.influenced.append(agreement)
    return out


def _remove_date(recs: _Records, entry: Entry, resolver: Resolver) -> _Done | None:
    out = _Done()
    for agreement in _agreements(recs, entry, resolver):
        old = [r for r in recs.relations if r.subject == agreement and r.predicate == "signedOn"]
        if not old:
            continue
        recs.relations = [r for r in recs.relations if r not in old]
        recs.rekey.add(agreement)
        out.invalidated += old
        out.influenced.append(agreement)
    return out


_KINDS: dict[str, Callable[[_Records, Entry, Resolver], _Done | None]] = {
    "reject-entity": _reject_entity,
    "reject-mention": _reject_mention,
    "rename": _rename,
    "merge": _merge,
    "add-alias": _add_alias,
    "set-class": _set_class,
    "add-party": _add_party,
    "remove-party": _remove_party,
    "set-date": _set_date,
    "remove-date": _remove_date,
}


# -- the extractor's rules, again ------------------------------------------------------


@cache
def _domains() -> dict[str, tuple[str | None, str | None]]:
    return vocab.property_domains()


def _fits(r: Relation) -> bool:
    """Whether the ontology lets the fact's subject and object have it (domain, range)."""
    domain, range_ = _domains().get(r.predicate, (None, None))
    if domain is not None and not vocab.is_a(r.subject.cls, domain):
        return False
    if not isinstance(r.object, Entity):
        return True
    if r.predicate == "locatedIn" and r.subject.cls in _DIVISIONS and r.object.cls != "City":
        return False  # a division lies in a city or province (the shapes' DivisionShape)
    return range_ is None or vocab.is_a(r.object.cls, range_)


def _rekey_agreements(recs: _Records) -> None:
    """Key the agreements whose title or date changed as the extractor keys them: the
    title, and ``@`` and the signing date when the article gives exactly one."""
    for agreement in sorted(recs.rekey):
        if agreement.cls != "Agreement":
            continue
        dates = {
            r.object.lexical  # type: ignore[union-attr]
            for r in recs.relations
            if r.subject == agreement and r.predicate == "signedOn"
        }
        key = normalize_name(agreement.label)
        if len(dates) == 1:
            key += "@" + min(dates)
        if key != agreement.key:
            recs.move(agreement, replace(agreement, key=key))


def _restore_rules(recs: _Records) -> None:
    """One signing date per agreement (the first), facts only of what the article names
    (by a mention, or as the object of another fact), each mention, fact and alias once."""
    dated: set[Entity] = set()
    relations = []
    for r in dict.fromkeys(recs.relations):
        if r.predicate == "signedOn":
            if r.subject in dated:
                continue
            dated.add(r.subject)
        relations.append(r)
    named = {m.entity for m in recs.mentions}
    while True:
        traced = named | {
            r.object for r in relations if isinstance(r.object, Entity) and r.object != r.subject
        }
        kept = [r for r in relations if r.subject in traced]
        if len(kept) == len(relations):
            break
        relations = kept
    recs.relations = relations
    mentions = {(m.entity, m.span.start, m.span.end): m for m in recs.mentions}
    recs.mentions = sorted(mentions.values(), key=lambda m: (m.span.start, m.span.end, m.entity))
    present = set(recs.entities())
    recs.aliases = list(dict.fromkeys((e, a) for e, a in recs.aliases if e in present))


def _result(ex: Extraction, recs: _Records, done: list[tuple[Entry, _Done]]) -> Extraction:
    """The corrected extraction, with what each correction did as it stands at the end: the
    entities it influenced as they became, what it took out only if the extractor had
    read it and it is gone, what it added only if it stayed."""
    present = set(recs.entities())
    first = {m.entity for m in ex.mentions} | {r.subject for r in ex.relations}
    first |= {r.object for r in ex.relations if isinstance(r.object, Entity)}
    mentions, relations = set(recs.mentions), set(recs.relations)
    kept_before = set(ex.mentions) | set(ex.relations)
    corrected = []
    for entry, d in done:
        influenced = tuple(
            dict.fromkeys(e for e in map(recs.forward, d.influenced) if e in present)
        )
        gone: list[Entity | Mention | Relation] = []
        for x in d.invalidated:
            if isinstance(x, Entity):
                if x in first and x not in present:
                    gone.append(x)
            elif x in kept_before and x not in mentions and x not in relations:
                gone.append(x)
        generated = tuple(r for r in (_forward(recs, r) for r in d.generated) if r in relations)
        if influenced or gone or generated:
            corrected.append(
                Corrected(entry.record, influenced, tuple(dict.fromkeys(gone)), generated)
            )
    return replace(
        ex,
        mentions=tuple(recs.mentions),
        relations=tuple(recs.relations),
        aliases=tuple(recs.aliases),
        corrections=tuple(corrected),
    )


def _forward(recs: _Records, r: Relation) -> Relation:
    obj = recs.forward(r.object) if isinstance(r.object, Entity) else r.object
    return replace(r, subject=recs.forward(r.subject), object=obj)
