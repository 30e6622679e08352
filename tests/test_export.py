"""RDF formats: every format round-trips by graph isomorphism; JSON-LD uses the shipped context."""

from __future__ import annotations

import json

import pytest
from rdflib import OWL, RDF, RDFS, Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from kg.cli import main
from kg.io.rdflib_writers import FORMATS, SUFFIXES, format_for_path, jsonld_context, union_graph
from kg.model.triples import to_dataset
from kg.model.validate import load_ontology
from kg.namespace import CY

from .fixtures_seed import load, mini_extraction

pytest_plugins = ["tests.fixtures_seed"]

#: rdflib parser of each format.
PARSERS = {
    "turtle": "turtle",
    "ntriples": "nt",
    "trig": "trig",
    "nquads": "nquads",
    "jsonld": "json-ld",
}
QUADS = ("trig", "nquads")


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    """The hand-made twin as ``kg build`` holds it: a named graph per document."""
    return to_dataset([mini_extraction()])


def _named_graphs(ds: Dataset) -> dict[URIRef, Graph]:
    out = {}
    for graph in ds.graphs():
        if len(graph) and graph.identifier != URIRef("urn:x-rdflib:default"):
            out[graph.identifier] = graph
    return out


def test_export_formats_cover_the_parsers():
    assert set(FORMATS) == set(PARSERS) == set(SUFFIXES)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_round_trips_by_isomorphism(dataset, fmt):
    text = FORMATS[fmt](dataset)
    back = Dataset()
    back.parse(data=text, format=PARSERS[fmt])
    assert isomorphic(union_graph(back), union_graph(dataset))
    if fmt in QUADS:
        expected, got = _named_graphs(dataset), _named_graphs(back)
        assert set(got) == set(expected)
        for name, graph in expected.items():
            assert isomorphic(got[name], graph)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_round_trips_the_seed(seed_dir, fmt):
    graph = load(seed_dir)
    back = Graph().parse(data=FORMATS[fmt](graph), format=PARSERS[fmt])
    assert isomorphic(back, graph)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_is_deterministic(fmt):
    first = FORMATS[fmt](to_dataset([mini_extraction()]))
    second = FORMATS[fmt](to_dataset([mini_extraction()]))
    assert first == second


def test_export_jsonld_uses_the_context_file(dataset):
    doc = json.loads(FORMATS["jsonld"](dataset))
    assert doc["@context"] == jsonld_context()
    nodes = {n["@id"]: n for n in doc["@graph"]}
    agreement = nodes[
        "https://w3id.org/chengyu-kg/id/agreement/共建西部金融中心合作协议@2021-12-17"
    ]
    assert agreement["label"] == "共建西部金融中心合作协议"
    # a signing date carries its own datatype: a day, a month or a year
    assert agreement["signedOn"] == {"@type": "xsd:date", "@value": "2021-12-17"}
    assert "https://w3id.org/chengyu-kg/id/agency/重庆市地方金融监督管理局" in agreement["party"]


def _ontology_properties() -> dict[URIRef, Graph]:
    onto = load_ontology()
    kinds = (OWL.ObjectProperty, OWL.DatatypeProperty)
    return {p: onto for k in kinds for p in onto.subjects(RDF.type, k) if str(p).startswith(CY._NS)}


def _expand(curie: str, context: dict) -> str:
    prefix, _, local = curie.partition(":")
    return (
        context[prefix] + local if prefix in context and isinstance(context[prefix], str) else curie
    )


def test_export_context_names_every_ontology_property():
    context = jsonld_context()
    named = {_expand(t["@id"], context) for t in context.values() if isinstance(t, dict)}
    missing = {str(p) for p in _ontology_properties()} - named
    assert not missing


@pytest.mark.parametrize(
    "term",
    sorted(
        k for k, v in jsonld_context().items() if isinstance(v, dict) and v["@id"].startswith("cy:")
    ),
)
def test_export_context_coercion_matches_the_ontology(term):
    context = jsonld_context()
    definition = context[term]
    prop = URIRef(_expand(definition["@id"], context))
    onto = load_ontology()
    kind = onto.value(prop, RDF.type)
    rng = onto.value(prop, RDFS.range)
    if kind == OWL.ObjectProperty:
        assert definition.get("@type") == "@id"
    elif rng == RDF.langString:
        assert definition.get("@language") == "zh"
    elif rng is not None and str(rng) != "http://www.w3.org/2001/XMLSchema#string":
        assert _expand(definition["@type"], context) == str(rng)
    else:
        assert "@type" not in definition and "@language" not in definition


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_cli_writes_each_format(mini_dir, tmp_path, capsys, fmt):
    out = tmp_path / f"graph{SUFFIXES[fmt]}"
    assert main(["export", str(mini_dir), "--format", fmt, "-o", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().err
    back = Dataset()
    back.parse(out, format=PARSERS[fmt])
    assert isomorphic(union_graph(back), load(mini_dir))


def test_export_cli_keeps_named_graphs_and_guesses_the_format(dataset, tmp_path, capsys):
    trig = tmp_path / "in.trig"
    trig.write_text(FORMATS["trig"](dataset), encoding="utf-8")
    out = tmp_path / "out.nq"
    assert main(["export", str(trig), "-o", str(out)]) == 0
    back = Dataset()
    back.parse(out, format="nquads")
    assert set(_named_graphs(back)) == set(_named_graphs(dataset))
    assert main(["export", str(trig), "-f", "ntriples"]) == 0
    stdout = capsys.readouterr().out
    assert isomorphic(Graph().parse(data=stdout, format="nt"), union_graph(dataset))


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("g.ttl", "turtle"),
        ("g.nt", "ntriples"),
        ("a/g.jsonld", "jsonld"),
        ("g.NQ", "nquads"),
        ("g.txt", None),
    ],
)
def test_export_format_for_path(name, fmt):
    assert format_for_path(name) == fmt


def test_export_cli_unknown_suffix_is_one_line(mini_dir, tmp_path, capsys):
    assert main(["export", str(mini_dir), "-o", str(tmp_path / "graph.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "use --format" in err
