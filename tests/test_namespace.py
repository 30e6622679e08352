"""``kg/namespace.py`` mirrors the ontology file term for term."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.namespace import CY
from kg.resources import ontology_path

NS = str(CY._NS)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path("chengyu.ttl"))


def _terms(graph: Graph) -> set[str]:
    return {
        str(s)[len(NS) :]
        for s in graph.subjects()
        if isinstance(s, URIRef) and str(s).startswith(NS)
    }


def test_namespace_lists_every_ontology_term(ontology):
    assert _terms(ontology) == set(CY.__annotations__)


@pytest.mark.parametrize("name", ["Agency", "Agreement", "party", "signedOn", "SquareKilometre"])
def test_namespace_term_is_declared_in_ontology(ontology, name):
    declared = set(ontology.objects(CY[name], RDF.type))
    assert declared & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, CY.Unit}


def test_namespace_rejects_unknown_term():
    with pytest.raises(AttributeError):
        CY.Agencyy  # noqa: B018


@pytest.mark.parametrize(
    "name",
    [
        "Agency", "Agreement", "ScienceCity", "District", "City", "Project", "Target",
        "Quantity", "Document", "party", "signedOn", "includesDistrict", "plannedArea",
        "hasTarget", "targetYear", "value", "unit", "indicator", "locatedIn",
    ],
)  # fmt: skip
def test_namespace_keeps_the_local_names_users_rely_on(name):
    assert str(CY[name]) == NS + name


@pytest.mark.parametrize("term", sorted(CY.__annotations__))
def test_namespace_terms_have_chinese_and_english_labels(ontology, term):
    langs = {lbl.language for lbl in ontology.objects(CY[term], RDFS.label)}
    assert {"zh", "en"} <= langs
