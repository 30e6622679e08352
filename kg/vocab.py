"""The ontology file read once: its classes, their hierarchy, labels and units, in file order.

``ontology/chengyu.ttl`` is the one hand-edited source of the model's terms. Every list
of classes or units the package needs is read from it here (with Oxigraph's parser, which
keeps the order of the file), so a class or unit added to the ontology reaches the
extractor's records, the IRIs, the analysis and the view without a copy to update.

>>> entity_classes()[:3]
('Agency', 'Organization', 'Agreement')
>>> unit_labels()["SquareKilometre"]
'平方公里'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from kg.resources import ontology_path

__all__ = [
    "CY",
    "Ontology",
    "load",
    "entity_classes",
    "provenance_classes",
    "quantity_classes",
    "unit_labels",
    "labels",
    "property_domains",
    "is_a",
]

#: The ontology namespace.
CY = "https://w3id.org/chengyu-kg/ontology#"

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_OWL_CLASS = "http://www.w3.org/2002/07/owl#Class"
_DOMAIN = "http://www.w3.org/2000/01/rdf-schema#domain"
_RANGE = "http://www.w3.org/2000/01/rdf-schema#range"
_PROV_ENTITY = "http://www.w3.org/ns/prov#Entity"
_QUDT_QUANTITY = "http://qudt.org/schema/qudt/QuantityValue"


@dataclass
class Ontology:
    """What the package reads from ``chengyu.ttl``: IRIs in the order the file declares them."""

    classes: list[str] = field(default_factory=list)
    parents: dict[str, list[str]] = field(default_factory=dict)
    units: list[str] = field(default_factory=list)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # IRI -> language -> label
    domains: dict[str, str] = field(default_factory=dict)  # property IRI -> rdfs:domain
    ranges: dict[str, str] = field(default_factory=dict)  # property IRI -> rdfs:range

    def ancestors(self, iri: str) -> list[str]:
        """Every class ``iri`` is a subclass of, nearest first."""
        out: list[str] = []
        todo = list(self.parents.get(iri, ()))
        while todo:
            parent = todo.pop(0)
            if parent not in out:
                out.append(parent)
                todo.extend(self.parents.get(parent, ()))
        return out

    def subclasses(self, iri: str, *, leaves: bool = False) -> list[str]:
        """The ontology's classes below ``iri``, in file order (``leaves``: only the most specific)."""
        below = [c for c in self.classes if iri in self.ancestors(c)]
        if leaves:
            below = [c for c in below if not any(c in self.parents.get(o, ()) for o in below)]
        return below


@cache
def load() -> Ontology:
    """Parse ``ontology/chengyu.ttl`` (once per process)."""
    import pyoxigraph

    onto = Ontology()
    path = ontology_path("chengyu.ttl")
    for t in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE):
        if not isinstance(t.subject, pyoxigraph.NamedNode):
            continue
        s, p, o = t.subject.value, t.predicate.value, t.object
        if p == _RDF_TYPE and isinstance(o, pyoxigraph.NamedNode):
            if o.value == _OWL_CLASS and s not in onto.classes:
                onto.classes.append(s)
            elif o.value == CY + "Unit" and s not in onto.units:
                onto.units.append(s)
        elif p == _SUBCLASS and isinstance(o, pyoxigraph.NamedNode):
            onto.parents.setdefault(s, []).append(o.value)
        elif p == _LABEL and isinstance(o, pyoxigraph.Literal):
            onto.labels.setdefault(s, {}).setdefault(o.language or "", o.value)
        elif p in (_DOMAIN, _RANGE) and isinstance(o, pyoxigraph.NamedNode):
            (onto.domains if p == _DOMAIN else onto.ranges)[s] = o.value
    return onto


def _local(iri: str) -> str:
    return iri[len(CY) :] if iri.startswith(CY) else iri


def _depth(onto: Ontology, iri: str) -> int:
    return len(onto.ancestors(iri))


@cache
def entity_classes() -> tuple[str, ...]:
    """Local names of the classes an extracted entity may have: the most specific
    subclasses of ``cy:Entity``, in the order the ontology declares them."""
    return tuple(_local(c) for c in load().subclasses(CY + "Entity", leaves=True))


@cache
def provenance_classes() -> tuple[str, ...]:
    """Local names of the ontology's provenance classes (``prov:Entity`` but not ``cy:Entity``)."""
    onto = load()
    entities = {CY + "Entity", *onto.subclasses(CY + "Entity")}
    return tuple(
        _local(c) for c in onto.subclasses(_PROV_ENTITY) if c.startswith(CY) and c not in entities
    )


@cache
def quantity_classes() -> tuple[str, ...]:
    """Local names of the ontology's quantity classes, the most specific first."""
    onto = load()
    found = [c for c in onto.subclasses(_QUDT_QUANTITY) if c.startswith(CY)]
    return tuple(_local(c) for c in sorted(found, key=lambda c: -_depth(onto, c)))


@cache
def unit_labels() -> dict[str, str]:
    """Unit local name -> its ``@zh`` label (how a quantity's label writes the unit)."""
    onto = load()
    return {_local(u): onto.labels.get(u, {}).get("zh", _local(u)) for u in onto.units}


def labels(language: str) -> dict[str, str]:
    """IRI -> label in ``language`` of every ontology term that has one."""
    return {iri: by[language] for iri, by in load().labels.items() if language in by}


@cache
def property_domains() -> dict[str, tuple[str | None, str | None]]:
    """Property local name -> the IRIs of its ``rdfs:domain`` and ``rdfs:range`` classes
    (``None`` where the ontology gives none, or the range is a datatype)."""
    onto = load()
    names = set(onto.domains) | set(onto.ranges)
    classes = set(onto.classes) | {p for ps in onto.parents.values() for p in ps}
    return {
        _local(p): (onto.domains.get(p), r if (r := onto.ranges.get(p)) in classes else None)
        for p in sorted(names)
        if p.startswith(CY)
    }


def is_a(cls: str, iri: str) -> bool:
    """Whether the ontology class ``cls`` (a local name) is ``iri`` or a subclass of it.

    >>> is_a("Agency", "http://www.w3.org/ns/org#Organization"), is_a("Project", CY + "Place")
    (True, False)
    """
    return iri == CY + cls or iri in load().ancestors(CY + cls)
