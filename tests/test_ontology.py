"""The ontology file is the one owner of the model's classes, units and shapes' targets:
Python reads them (``kg/vocab.py``), and these tests fail when a copy drifts."""

from __future__ import annotations

import pytest
from rdflib import Graph, Namespace, URIRef

from kg import vocab
from kg.analyze import ENTITY_CLASSES as ANALYZED_CLASSES
from kg.analyze import PROVENANCE_CLASSES
from kg.model import iri
from kg.model.triples import _UNIT_LABELS
from kg.records import ENTITY_CLASSES
from kg.resources import data_path, ontology_path
from kg.viz.view import _CLASS_STYLE

CY = Namespace(vocab.CY)
SH = Namespace("http://www.w3.org/ns/shacl#")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ontology_path("shapes.ttl"))


def _units_of_extractor() -> set[str]:
    lines = data_path("units.tsv").read_text(encoding="utf-8").splitlines()
    return {ln.split("\t")[1] for ln in lines if ln.strip() and not ln.startswith("#")}


@pytest.mark.parametrize(
    ("name", "python", "ontology_side"),
    [
        ("record classes", lambda: ENTITY_CLASSES, vocab.entity_classes),
        (
            "analysed classes",
            lambda: ANALYZED_CLASSES,
            lambda: (*vocab.entity_classes(), *vocab.quantity_classes()),
        ),
        ("provenance classes", lambda: PROVENANCE_CLASSES, vocab.provenance_classes),
        ("unit labels", lambda: _UNIT_LABELS, vocab.unit_labels),
    ],
)
def test_ontology_python_reads_the_ontology(name, python, ontology_side):
    assert python() == ontology_side(), name


def test_ontology_entity_classes_are_declared():
    assert vocab.entity_classes() == (
        "Agency",
        "Organization",
        "Agreement",
        "ScienceCity",
        "District",
        "City",
        "Project",
        "Country",
    )


def test_ontology_entity_shape_targets_every_entity_class(shapes):
    targets = {
        str(t).removeprefix(vocab.CY)
        for t in shapes.objects(
            URIRef("https://w3id.org/chengyu-kg/shapes#EntityShape"), SH.targetClass
        )
    }
    assert targets == set(vocab.entity_classes())


def test_ontology_shapes_target_only_ontology_classes(shapes):
    declared = set(vocab.load().classes)
    targets = {str(t) for t in shapes.objects(None, SH.targetClass)}
    assert targets - declared == set()


def test_ontology_every_unit_of_the_extractor_is_declared():
    assert _units_of_extractor() - set(vocab.unit_labels()) == set()


@pytest.mark.parametrize("cls", [*vocab.entity_classes(), *vocab.quantity_classes()])
def test_ontology_every_class_is_drawn(cls):
    assert cls in {name for name, _, _ in _CLASS_STYLE}


@pytest.mark.parametrize("cls", vocab.entity_classes())
def test_ontology_every_entity_class_gets_iris(cls):
    assert iri.entity_iri(cls, "x").startswith(iri.BASE)
