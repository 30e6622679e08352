"""Which entity a name means: an IRI, a label or alias, or the nearest name when it misses.

A name is tried, in order, as

1. an IRI: ``https://…``, ``<https://…>``, ``id:agency/…`` or, as Turtle output writes it,
   ``agency:…`` (percent-encoded or not, with Turtle's escapes ``\\(`` or not);
2. a label (``rdfs:label``), then an alias (``skos:altLabel``), exactly as written;
3. the same, compared without case, white space and punctuation, NFKC-normalised
   (``西部（重庆）科学城`` and ``西部重庆科学城`` are ``西部(重庆)科学城``);
4. the nearest names by :class:`difflib.SequenceMatcher` ratio over every label and alias
   (``重庆市科学技术厅`` finds ``重庆市科学技术局``), when one entity is clearly nearest.

Several entities at one step (two agreements of one title signed on different days, say), or
several about as near, are ambiguous; no name near enough is unknown. Both raise
:class:`~kg.errors.EntityLookupError` with the candidates, the nearest first.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote

from rdflib import URIRef

from kg import vocab
from kg.errors import EntityLookupError
from kg.model.iri import BASE, NAMESPACES
from kg.sparql import OpenGraph, parse_iri

__all__ = ["Match", "find_entity", "normalise_name", "FUZZY_CUTOFF", "FUZZY_MARGIN"]

#: The least ratio a name must reach to be taken for a near miss.
FUZZY_CUTOFF = 0.75
#: How far ahead of the next entity the nearest must be to be taken alone.
FUZZY_MARGIN = 0.1
#: Candidates an error names, at most.
MAX_CANDIDATES = 8

_PREFIXES = """PREFIX cy: <https://w3id.org/chengyu-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

_BY_IRI = (
    _PREFIXES + "SELECT ?class ?label WHERE { ?e a ?class . OPTIONAL { ?e rdfs:label ?label } }"
)

_BY_NAME = (
    _PREFIXES
    + """SELECT ?e ?class ?label ?kind WHERE {
  { ?e rdfs:label ?name . BIND("label" AS ?kind) }
  UNION { ?e skos:altLabel ?name . BIND("alias" AS ?kind) }
  ?e a ?class ; rdfs:label ?label .
}"""
)


def _all_names() -> str:
    """Every name of every entity: a query bound to the ontology's entity classes, which is
    what keeps it from scanning every typed node (mentions, sentences, quantities)."""
    classes = " ".join(f"cy:{c}" for c in vocab.entity_classes())
    return (
        _PREFIXES
        + f"""SELECT ?e ?class ?label ?name WHERE {{
  VALUES ?class {{ {classes} }}
  ?e a ?class ; rdfs:label ?label ; rdfs:label|skos:altLabel ?name .
}}"""
    )


@dataclass(frozen=True)
class Match:
    """An entity a name was found to mean, and how.

    ``how`` is ``"iri"``, ``"label"``, ``"alias"``, ``"normalised"`` or ``"fuzzy"``;
    ``name`` is the label or alias that matched and ``score`` its similarity (1 unless fuzzy).
    """

    iri: str
    label: str
    cls: str
    how: str
    name: str
    score: float = 1.0

    def describe(self) -> str:
        """``label (Class, <iri>)``: how an error message names a candidate."""
        return f"{self.label} ({self.cls}, <{self.iri}>)"


def normalise_name(name: str) -> str:
    """A name as names are compared: NFKC, lower case, no white space or punctuation.

    >>> normalise_name("西部（重庆） 科学城")
    '西部重庆科学城'
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    return "".join(ch for ch in text if not (ch.isspace() or unicodedata.category(ch)[0] == "P"))


def _entity_class(iris: set[str]) -> str | None:
    """The local name of the first entity class of the ontology among ``iris``."""
    for cls in vocab.entity_classes():
        if vocab.CY + cls in iris:
            return cls
    return None


_ESCAPE = re.compile(r"\\(.)")


def _as_iri(name: str) -> str | None:
    """The IRI ``name`` writes, if it writes one."""
    text = name.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1].strip()
    if text.startswith("id:"):
        text = BASE + text[3:]
    prefix, colon, local = text.partition(":")
    if colon and prefix in NAMESPACES:  # agency:重庆市科学技术局, science-city:西部\(重庆\)科学城
        text = NAMESPACES[prefix] + _ESCAPE.sub(r"\1", local)
    if not text.startswith(("http://", "https://")):
        return None
    return text


def _by_iri(graph: OpenGraph, iri: str, name: str) -> Match:
    tried = []
    for candidate in dict.fromkeys([iri, unquote(iri)]):
        try:
            checked = parse_iri(candidate)
        except ValueError as exc:
            raise EntityLookupError(f"{name}: {exc}") from None
        tried.append(checked)
        result = graph.query(_BY_IRI, bindings={"e": URIRef(checked)})
        classes = {str(row[0]) for row in result.rows if row[0] is not None}
        if not classes:
            continue
        cls = _entity_class(classes)
        if cls is None:
            kinds = ", ".join(sorted(c.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for c in classes))
            raise EntityLookupError(f"{checked} is not an entity of the graph (it is a {kinds})")
        labels = sorted(str(row[1]) for row in result.rows if row[1] is not None)
        return Match(checked, labels[0] if labels else checked, cls, "iri", checked)
    raise EntityLookupError(f"no entity with the IRI <{tried[-1]}> in the graph")


def _entities(rows: list) -> dict[str, tuple[str, str]]:
    """Entity IRI -> (class, canonical label) of query rows ``(e, class, label, …)``; rows of
    other things (units, documents) are left out."""
    classes: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    for row in rows:
        iri = str(row[0])
        classes.setdefault(iri, set()).add(str(row[1]))
        labels[iri] = min(labels.get(iri, str(row[2])), str(row[2]))
    found = {}
    for iri, kinds in classes.items():
        cls = _entity_class(kinds)
        if cls is not None:
            found[iri] = (cls, labels[iri])
    return found


def _ambiguous(name: str, matches: list[Match]) -> EntityLookupError:
    shown = matches[:MAX_CANDIDATES]
    more = f" and {len(matches) - len(shown)} more" if len(matches) > len(shown) else ""
    listed = "; ".join(m.describe() for m in shown)
    return EntityLookupError(
        f"{name!r} may mean {len(matches)} entities: {listed}{more}; give a longer name or the IRI",
        tuple(matches),
    )


def _exact(graph: OpenGraph, name: str) -> Match | None:
    """The entity whose label (else alias) is ``name`` as written, if any."""
    rows = graph.query(_BY_NAME, bindings={"name": name}).rows
    entities = _entities(rows)
    kinds: dict[str, set[str]] = {}
    for row in rows:
        kinds.setdefault(str(row[0]), set()).add(str(row[3]))
    for kind in ("label", "alias"):
        found = sorted(
            (
                Match(iri, label, cls, kind, name)
                for iri, (cls, label) in entities.items()
                if kind in kinds[iri]
            ),
            key=lambda m: (m.label, m.iri),
        )
        if len(found) > 1:
            raise _ambiguous(name, found)
        if found:
            return found[0]
    return None


def _near(graph: OpenGraph, name: str) -> Match:
    """The entity with the name nearest ``name``, compared normalised."""
    wanted = normalise_name(name)
    rows = graph.query(_all_names()).rows
    entities = _entities(rows)
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    best: dict[str, tuple[float, str]] = {}
    for row in rows:
        iri, candidate = str(row[0]), str(row[3])
        if iri not in entities:
            continue
        norm = normalise_name(candidate)
        matcher.set_seq1(norm)
        score = 1.0 if norm == wanted else matcher.ratio()
        # the best name of each entity; of equal ones, the first in code-point order
        if iri not in best or (-score, candidate) < (-best[iri][0], best[iri][1]):
            best[iri] = (score, candidate)
    found = sorted(
        (
            Match(
                iri,
                entities[iri][1],
                entities[iri][0],
                "normalised" if score == 1.0 else "fuzzy",
                candidate,
                score,
            )
            for iri, (score, candidate) in best.items()
        ),
        key=lambda m: (-m.score, m.label, m.iri),
    )
    if not found:
        raise EntityLookupError(f"no entity named {name!r}: the graph has no named entities")
    exact = [m for m in found if m.how == "normalised"]
    if len(exact) > 1:
        raise _ambiguous(name, exact)
    if exact:
        return exact[0]
    first = found[0]
    runner_up = found[1].score if len(found) > 1 else 0.0
    if first.score >= FUZZY_CUTOFF and first.score - runner_up >= FUZZY_MARGIN:
        return first
    if first.score >= FUZZY_CUTOFF:
        close = [m for m in found if m.score >= max(FUZZY_CUTOFF, first.score - FUZZY_MARGIN)]
        raise _ambiguous(name, close)
    nearest = [m for m in found[:5] if m.score > 0]
    hint = "; nearest: " + ", ".join(f"{m.name} ({m.cls})" for m in nearest) if nearest else ""
    raise EntityLookupError(f"no entity named {name!r}{hint}", tuple(nearest))


def find_entity(graph: OpenGraph, name: str) -> Match:
    """The entity of ``graph`` that ``name`` (an IRI, label or alias) means; see the module.

    Raises :class:`~kg.errors.EntityLookupError` when the name means none or several.
    """
    if not name or not name.strip():
        raise EntityLookupError("give the name, alias or IRI of an entity")
    iri = _as_iri(name)
    if iri is not None:
        return _by_iri(graph, iri, name)
    name = name.strip()
    return _exact(graph, name) or _near(graph, name)
