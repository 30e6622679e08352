"""``kg query``: named queries answer the seed's questions; formats, errors, inference."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.cli import main
from kg.errors import InputError, QueryError
from kg.io.graph_files import load_data
from kg.sparql import (
    QueryResult,
    display_width,
    format_result,
    inject_bindings,
    named_queries,
    parse_binding,
    query_form,
    resolve_query,
    result_from_json,
    run_query,
    uses_service,
)

from .fixtures_seed import SEED_ID, load

pytest_plugins = ["tests.fixtures_seed"]

AGREEMENT_PARTIES = {
    "加强双核创新联动 推进共建具有全国影响力的科技创新中心合作协议": (
        "成都市科学技术局",
        "重庆市科学技术局",
    ),
    "西部(重庆)科学城管理委员 西部(成都)科学城管理委员共同助推西部科学城建设战略合作协议": (
        "西部(成都)科学城管理委员会",
        "西部(重庆)科学城管理委员会",
    ),
    "共建世界级先进汽车产业集群战略合作协议": ("成都市经济和信息化局", "重庆市经济和信息化委员会"),
    "共建西部金融中心合作协议": ("成都市地方金融监督管理局", "重庆市地方金融监督管理局"),
    "推进成渝地区双城经济圈建设携手共促巴蜀文化旅游走廊建设战略合作协议": (
        "成都市文化广电旅游局",
        "重庆市文化和旅游发展委员会",
    ),
}
SIGNED = "2021-12-17"
TECH = "加强双核创新联动 推进共建具有全国影响力的科技创新中心合作协议"
CAR = "共建世界级先进汽车产业集群战略合作协议"
WULONG_PLANT = "武隆区生活垃圾焚烧发电项目"

# (named query, --bind, columns compared, "equals" or "includes", rows, filter column=value)
NAMED = [
    (
        "agreements",
        {},
        ("party", "agreement", "date"),
        "equals",
        {(p, a, SIGNED) for a, parties in AGREEMENT_PARTIES.items() for p in parties},
        None,
    ),
    (
        "agreement-parties",
        {},
        ("agreement", "date", "count", "parties"),
        "equals",
        {(a, SIGNED, "2", "、".join(p)) for a, p in AGREEMENT_PARTIES.items()},
        None,
    ),
    (
        "agreements-between-cities",
        {},
        ("agreement", "party1", "city1", "party2", "city2"),
        "equals",
        {(a, p[0], "成都市", p[1], "重庆市") for a, p in AGREEMENT_PARTIES.items()},
        None,
    ),
    (
        "agreements-of",
        {"name": "重庆市科技局"},
        ("agreement", "date", "party", "otherParty"),
        "equals",
        {(TECH, SIGNED, "重庆市科学技术局", "成都市科学技术局")},
        None,
    ),
    (
        "agreements-of",
        {"name": "重庆市科学技术局"},
        ("agreement", "otherParty"),
        "equals",
        {(TECH, "成都市科学技术局")},
        None,
    ),
    (
        "science-cities",
        {},
        ("plannedArea", "district", "code"),
        "equals",
        {
            ("1198平方公里", "北碚区", "500109"),
            ("1198平方公里", "沙坪坝区", "500106"),
            ("1198平方公里", "九龙坡区", "500107"),
            ("1198平方公里", "江津区", "500116"),
            ("1198平方公里", "璧山区", "500120"),
        },
        ("scienceCity", "西部(重庆)科学城"),
    ),
    (
        "science-cities",
        {},
        ("plannedArea", "district", "coreArea"),
        "includes",
        {("1198平方公里", "北碚区", "重庆高新区直管园")},
        ("scienceCity", "西部(重庆)科学城"),
    ),
    (
        "science-cities",
        {},
        ("plannedArea", "district"),
        "equals",
        {
            ("394.2平方公里", d)
            for d in ("四川天府新区成都直管区", "成都东部新区", "成都高新技术产业开发区", "双流区")
        },
        ("scienceCity", "西部(成都)科学城"),
    ),
    (
        "targets",
        {},
        ("year", "value", "unit", "source"),
        "equals",
        {("2025", "3000000.0", "Vehicle", CAR), ("2025", "600000000000.0", "Yuan", CAR)},
        None,
    ),
    (
        "projects",
        {},
        ("project", "place", "city"),
        "includes",
        {
            ("成都超算中心", "成都市", "成都市"),
            ("大鱼海棠公园", "南岸区", "重庆市"),
            (WULONG_PLANT, "武隆区", "重庆市"),
        },
        None,
    ),
    (
        "project-figures",
        {},
        ("project", "value", "unit"),
        "includes",
        {(WULONG_PLANT, "600.0", "Tonne"), (WULONG_PLANT, "60000000.0", "KilowattHour")},
        None,
    ),
    (
        "document-entities",
        {},
        ("document", "class", "entity"),
        "includes",
        {
            (SEED_ID, "Agency", "重庆市科学技术局"),
            (SEED_ID, "Agreement", CAR),
            (SEED_ID, "ScienceCity", "西部(重庆)科学城"),
            (SEED_ID, "District", "北碚区"),
            (SEED_ID, "Project", WULONG_PLANT),
        },
        None,
    ),
    (
        "mentions",
        {},
        ("document", "surface", "entity", "class"),
        "includes",
        {
            (SEED_ID, "重庆市科技局", "重庆市科学技术局", "Agency"),
            (SEED_ID, "成都市经信局", "成都市经济和信息化局", "Agency"),
            (SEED_ID, "北碚", "北碚区", "District"),
        },
        None,
    ),
    (
        "facts",
        {},
        ("subject", "predicate", "object"),
        "includes",
        {
            (TECH, "party", "重庆市科学技术局"),
            (TECH, "signedOn", SIGNED),
            ("西部(重庆)科学城", "plannedArea", "1198平方公里"),
            ("西部(重庆)科学城", "includesDistrict", "璧山区"),
        },
        None,
    ),
    (
        "entity-counts",
        {},
        ("class", "entities"),
        "includes",
        {("Agreement", "5")},
        None,
    ),
    (
        "agencies",
        {},
        ("agency", "jurisdiction", "agreements"),
        "includes",
        {("重庆市科学技术局", "重庆市", "1"), ("成都市科学技术局", "成都市", "1")},
        None,
    ),
    (
        "aliases",
        {},
        ("class", "label", "altLabel"),
        "includes",
        {
            ("Agency", "重庆市科学技术局", "重庆市科技局"),
            ("Agency", "成都市地方金融监督管理局", "成都市金融监管局"),
            ("District", "北碚区", "北碚"),
        },
        None,
    ),
    (
        "districts",
        {},
        ("city", "district", "code", "scienceCities"),
        "includes",
        {
            ("重庆市", "北碚区", "500109", "西部(重庆)科学城"),
            ("成都市", "双流区", "510116", "西部(成都)科学城"),
        },
        None,
    ),
    (
        "documents",
        {},
        ("document",),
        "equals",
        {(SEED_ID,)},
        None,
    ),
]


def _rows(result: QueryResult, columns, where=None) -> set[tuple]:
    records = result.records()
    if where:
        records = [r for r in records if r[where[0]] == where[1]]
    return {tuple(r[c] for c in columns) for r in records}


@pytest.mark.parametrize(
    ("name", "bind", "columns", "mode", "expected", "where"),
    NAMED,
    ids=[f"{n[0]}-{i}" for i, n in enumerate(NAMED)],
)
def test_query_named_query_answers_the_seed(graph_dir, name, bind, columns, mode, expected, where):
    text = named_queries()[name].text
    bindings = dict(parse_binding(f"{k}={v}") for k, v in bind.items())
    result = run_query(load(graph_dir), text, bindings=bindings)
    got = _rows(result, columns, where)
    if mode == "equals":
        assert got == expected
    else:
        assert expected <= got, expected - got


def test_query_every_named_query_is_tested_and_described():
    tested = {n[0] for n in NAMED}
    queries = named_queries()
    assert set(queries) == tested
    for query in queries.values():
        assert query.text.startswith("# "), query.name
        assert len(query.description) > 20, query.name


def test_query_document_entities_give_the_source_sentence(graph_dir):
    result = run_query(load(graph_dir), named_queries()["document-entities"].text)
    rows = {r["entity"]: r for r in result.records()}
    assert "重庆市科技局" in rows["重庆市科学技术局"]["sentence"]
    assert (
        "1198平方公里" in rows["西部(重庆)科学城"]["sentence"]
        or "北碚" in (rows["北碚区"]["sentence"])
    )


def test_query_documents_counts_contributions(graph_dir):
    (row,) = run_query(load(graph_dir), named_queries()["documents"].text).rows
    counts = dict(zip(("mentions", "entities", "facts"), (int(t) for t in row[3:6]), strict=True))
    assert counts["mentions"] >= counts["entities"] >= 30
    assert counts["facts"] >= 30


# --------------------------------------------------------------------------- formats

SELECT_AGENCIES = """
SELECT ?agency ?label ?code WHERE {
  ?agency a cy:Agency ; rdfs:label ?label .
  OPTIONAL { ?agency cy:divisionCode ?code }
} ORDER BY ?label
"""


@pytest.fixture(scope="module")
def mini_graph(mini_dir):
    return load(mini_dir)


@pytest.mark.parametrize(
    ("text", "width"),
    [("abc", 3), ("重庆", 4), ("西部(重庆)科学城", 16), ("ＡＢ", 4), ("e\u0301", 1), ("", 0)],
)
def test_query_display_width_counts_wide_characters_twice(text, width):
    assert display_width(text) == width


def test_query_table_aligns_chinese_columns(mini_graph):
    result = run_query(
        mini_graph, "SELECT ?label ?iri WHERE { ?iri a cy:Agency ; rdfs:label ?label }"
    )
    lines = format_result(result, "table", max_width=0).splitlines()
    header, rule, *rows, count = lines
    assert count == "(10 rows)"
    start = display_width(header[: header.index("iri")])
    assert rule.startswith("-" * (start - 2) + "  -")
    for line in rows:
        label, rest = line.split("  ", 1)
        offset = len(line) - len(rest.lstrip(" "))
        assert display_width(line[:offset]) == start, line


def test_query_table_cuts_wide_cells(mini_graph):
    result = run_query(mini_graph, "SELECT ?l WHERE { ?a a cy:Agreement ; rdfs:label ?l }")
    lines = format_result(result, "table", max_width=20).splitlines()
    assert all(display_width(line) <= 20 for line in lines[2:-1])
    assert any(line.endswith("…") for line in lines[2:-1])


def test_query_csv_follows_sparql_csv(mini_graph):
    result = run_query(mini_graph, SELECT_AGENCIES)
    rows = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert rows[0] == ["agency", "label", "code"]
    assert len(rows) == 11
    assert [
        "https://w3id.org/chengyu-kg/id/agency/重庆市科学技术局",
        "重庆市科学技术局",
        "",
    ] in rows


def test_query_tsv_writes_terms_in_ntriples_syntax(mini_graph):
    result = run_query(mini_graph, SELECT_AGENCIES)
    lines = format_result(result, "tsv").splitlines()
    assert lines[0] == "?agency\t?label\t?code"
    assert (
        '<https://w3id.org/chengyu-kg/id/agency/重庆市科学技术局>\t"重庆市科学技术局"@zh\t' in lines
    )


def test_query_json_is_sparql_results_json_and_reads_back(mini_graph):
    result = run_query(mini_graph, SELECT_AGENCIES)
    doc = json.loads(format_result(result, "json"))
    assert doc["head"]["vars"] == ["agency", "label", "code"]
    first = doc["results"]["bindings"][0]
    assert first["label"] == {"type": "literal", "value": first["label"]["value"], "xml:lang": "zh"}
    assert first["agency"]["type"] == "uri"
    assert "code" not in first
    again = result_from_json(format_result(result, "json"))
    assert again.variables == result.variables and again.rows == result.rows


def test_query_xml_is_sparql_results_xml(mini_graph):
    result = run_query(mini_graph, SELECT_AGENCIES)
    root = ET.fromstring(format_result(result, "xml"))
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert [v.get("name") for v in root.iter(f"{ns}variable")] == ["agency", "label", "code"]
    assert len(list(root.iter(f"{ns}result"))) == 10


@pytest.mark.parametrize(
    ("fmt", "yes", "no"),
    [
        ("table", "true", "false"),
        ("csv", "boolean\r\ntrue\r\n", "boolean\r\nfalse\r\n"),
        ("tsv", "?boolean\ntrue\n", "?boolean\nfalse\n"),
    ],
)
def test_query_ask_answers_true_or_false(mini_graph, fmt, yes, no):
    assert (
        format_result(run_query(mini_graph, "ASK { ?a a cy:Agency }"), fmt).strip() == yes.strip()
    )
    assert (
        format_result(run_query(mini_graph, "ASK { ?a a cy:Nothing }"), fmt).strip() == no.strip()
    )
    doc = json.loads(format_result(run_query(mini_graph, "ASK { ?a a cy:Agency }"), "json"))
    assert doc == {"head": {}, "boolean": True}


CONSTRUCT = "CONSTRUCT { ?a cy:party ?p } WHERE { ?a cy:party ?p }"


@pytest.mark.parametrize(
    ("fmt", "parser"),
    [
        ("turtle", "turtle"),
        ("ntriples", "nt"),
        ("table", "turtle"),
        ("json", "json-ld"),
        ("xml", "xml"),
    ],
)
def test_query_construct_writes_rdf(mini_graph, fmt, parser):
    result = run_query(mini_graph, CONSTRUCT)
    expected = Graph()
    for triple in mini_graph.triples(
        (None, URIRef("https://w3id.org/chengyu-kg/ontology#party"), None)
    ):
        expected.add(triple)
    got = Graph().parse(data=format_result(result, fmt), format=parser)
    assert len(expected) == 10
    assert isomorphic(got, expected)


def test_query_csv_of_a_graph_lists_triples(mini_graph):
    rows = list(csv.reader(io.StringIO(format_result(run_query(mini_graph, CONSTRUCT), "csv"))))
    assert rows[0] == ["subject", "predicate", "object"] and len(rows) == 11


def test_query_turtle_format_needs_a_graph_result(mini_graph):
    with pytest.raises(QueryError, match="CONSTRUCT"):
        format_result(run_query(mini_graph, SELECT_AGENCIES), "turtle")


# --------------------------------------------------------------------------- resolving, checking


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("SELECT * { ?s ?p ?o }", "SELECT"),
        ("PREFIX ex: <http://e/#x>\nprefix y:<http://y/> ask { ?s ?p ?o }", "ASK"),
        ("# SELECT is in this comment\nCONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
        ("BASE <http://e/> DESCRIBE <x>", "DESCRIBE"),
        ("INSERT DATA { <a> <b> <c> }", "UPDATE"),
        ("PREFIX ex: <http://e/> DELETE WHERE { ?s ?p ?o }", "UPDATE"),
        ("LOAD <http://example.org/data.ttl>", "UPDATE"),
        ("  with <g> delete { ?s ?p ?o } where { ?s ?p ?o }", "UPDATE"),
        ("\\u0049NSERT DATA { <a> <b> <c> }", "UPDATE"),
        ("hello", None),
    ],
)
def test_query_form_reads_the_first_keyword(text, form):
    assert query_form(text) == form


@pytest.mark.parametrize(
    ("text", "federated"),
    [
        ("SELECT * { SERVICE <http://e/sparql> { ?s ?p ?o } }", True),
        ("select * { service silent <http://e/sparql> { ?s ?p ?o } }", True),
        ("SELECT * { ?s ?p ?o .SERVICE ?e { ?s ?p ?o } }", True),
        ("SELECT * { \\u0053ERVICE <http://e/> { ?s ?p ?o } }", True),
        ("SELECT * { FILTER(?a<1)SERVICE<http://e/>{ ?s ?p ?o } }", True),
        ('SELECT * { ?s ?p "SERVICE" }', False),
        ("SELECT * { ?s ?p ?o } # SERVICE <http://e/>", False),
        ("SELECT * { ?s <http://e/SERVICE> ?service }", False),
        ("PREFIX ex: <http://e/> SELECT * { ?s ex:SERVICE ?o }", False),
        (
            'SELECT * { ?a ?p ?b FILTER(?a<?b#>"""\n) SERVICE <http://e/> { ?s ?p ?o }\n#"""\n}',
            True,
        ),
        ("SELECT * { FILTER EXISTS { SERVICE <http://e/> { ?s ?p ?o } } }", True),
        ("SELECT * { { SELECT ?s { SERVICE <http://e/> { ?s ?p ?o } } } }", True),
        ("SELECT * { ?s ?p '''a\nSERVICE''' }", False),
    ],
)
def test_query_uses_service_finds_federation(text, federated):
    assert uses_service(text) is federated


def test_query_resolves_files_names_and_text(tmp_path):
    rq = tmp_path / "mine.rq"
    rq.write_text("SELECT ?x WHERE { ?x a cy:City }", encoding="utf-8")
    assert resolve_query(str(rq)) == rq.read_text(encoding="utf-8")
    assert resolve_query("targets") == named_queries()["targets"].text
    assert resolve_query("ASK { ?s ?p ?o }") == "ASK { ?s ?p ?o }"
    with pytest.raises(InputError, match="no such query file"):
        resolve_query(str(tmp_path / "missing.rq"))
    with pytest.raises(QueryError, match="no named query 'nosuch'"):
        resolve_query("nosuch")


@pytest.mark.parametrize(
    ("spec", "name", "term"),
    [
        ("name=重庆市科技局", "name", "重庆市科技局"),  # text: matches plain or @zh
        (
            "?x=<https://w3id.org/chengyu-kg/id/city/500000>",
            "x",
            URIRef("https://w3id.org/chengyu-kg/id/city/500000"),
        ),
        ('l="北碚"@zh', "l", Literal("北碚", lang="zh")),
        ('n="5"^^<http://www.w3.org/2001/XMLSchema#integer>', "n", Literal(5)),
    ],
)
def test_query_parse_binding(spec, name, term):
    assert parse_binding(spec) == (name, term)


BAD_QUERIES = [
    ("SELECT ?x WHERE { ?x a cy:Agency ", "line 1, column"),
    ("SELECT ?x\nWHERE {\n  ?x a cy:Agency .\n  FILTER(?x = ) }", "line 4, column 3"),
    ("SELECT ?x {\n  ?x a cy:Agency } LIMT 3", "line 2, column 20"),
    ("SELCT ?x { ?x ?p ?o }", "line 1, column 1"),
    ("SELECT ?x {\n  ?x a foo:Bar }", "line 2, column 8: unknown prefix foo:"),
    ("INSERT DATA { <a> <b> <c> }", "updates"),
]


@pytest.mark.parametrize(("text", "message"), BAD_QUERIES)
def test_query_malformed_sparql_is_one_line_with_the_position(mini_dir, capsys, text, message):
    assert main(["query", str(mini_dir), text]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("kg query: error: ")
    assert message in lines[0]


@pytest.mark.parametrize(
    ("graph", "message"),
    [("missing.ttl", "no such graph file"), ("bad.ttl", "cannot parse"), (".", "no graph.ttl")],
)
def test_query_bad_graph_is_one_line(tmp_path, capsys, graph, message):
    (tmp_path / "bad.ttl").write_text("<a> <b> .", encoding="utf-8")
    assert main(["query", str(tmp_path / graph), "ASK {}"]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


# --------------------------------------------------------------------------- CLI, datasets, inference


def test_query_cli_runs_a_named_query_as_csv(mini_dir, capsys):
    assert (
        main(["query", str(mini_dir), "agreements-of", "--bind", "name=重庆市科技局", "-f", "csv"])
        == 0
    )
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["agreement", "date", "party", "otherParty"]
    assert rows[1] == [TECH, SIGNED, "重庆市科学技术局", "成都市科学技术局"]


def test_query_cli_lists_named_queries(capsys):
    assert main(["query", "--list"]) == 0
    out = capsys.readouterr().out
    for name, query in named_queries().items():
        assert f"{name}  " in out and query.description in out


def test_query_cli_reads_a_query_file(mini_dir, tmp_path, capsys):
    rq = tmp_path / "cities.rq"
    rq.write_text(
        "SELECT ?code WHERE { ?c a cy:City ; cy:divisionCode ?code } ORDER BY ?code",
        encoding="utf-8",
    )
    assert main(["query", str(mini_dir), str(rq), "-f", "tsv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["?code", '"500000"', '"510000"', '"510100"']


def test_query_trig_keeps_named_graphs(mini_graph, tmp_path):
    from kg.io.rdflib_writers import write_graph
    from kg.model.triples import to_dataset

    from .fixtures_seed import mini_extraction

    path = write_graph(to_dataset([mini_extraction()]), tmp_path / "graph.trig", "trig")
    data = load_data(path)
    result = run_query(
        data, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    )
    doc = f"https://w3id.org/chengyu-kg/id/doc/{SEED_ID}"
    own = [s for s, _, _ in mini_graph if str(s) == doc or str(s).startswith(doc + "#")]
    assert 0 < len(own) < len(mini_graph)  # the rest, shared, is in the default graph
    assert result.records() == [{"g": doc, "n": str(len(own))}]
    assert run_query(data, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").rows[0][0] == Literal(
        len(mini_graph)
    )


ORGANIZATIONS = "SELECT DISTINCT ?x WHERE { ?x a org:Organization }"


@pytest.mark.parametrize(("regime", "count"), [(None, 0), ("rdfs", 10), ("owlrl", 10)])
def test_query_inference_finds_agencies_as_organizations(mini_graph, regime, count):
    result = run_query(mini_graph, ORGANIZATIONS, infer_regime=regime)
    assert len(result.rows) == count
    if count:
        assert (URIRef("https://w3id.org/chengyu-kg/id/agency/重庆市科学技术局"),) in result.rows


def test_query_inference_on_the_seed_via_cli(seed_dir, capsys):
    assert main(["query", str(seed_dir), ORGANIZATIONS, "--infer", "rdfs", "-f", "csv"]) == 0
    out = capsys.readouterr().out
    assert "https://w3id.org/chengyu-kg/id/agency/重庆市科学技术局" in out
    assert main(["query", str(seed_dir), ORGANIZATIONS, "-f", "csv"]) == 0
    assert capsys.readouterr().out.strip() == "x"


# --------------------------------------------------------------------------- bindings as RDF terms

_PARTY = "SELECT ?agreement WHERE { ?a cy:party ?p ; rdfs:label ?agreement } ORDER BY ?agreement"
_NAMED = "SELECT ?p WHERE { ?p rdfs:label ?name } ORDER BY ?p"
_SIGNED = "SELECT ?agreement WHERE { ?a cy:signedOn ?date ; rdfs:label ?agreement }"
_CQ_AGENCY = "https://w3id.org/chengyu-kg/id/agency/重庆市科学技术局"


@pytest.mark.parametrize(
    ("query", "spec", "column", "expected"),
    [
        ("agreements-of", "name=重庆市科技局", "party", "重庆市科学技术局"),
        (_PARTY, f"p=<{_CQ_AGENCY}>", "agreement", TECH),
        (_PARTY, f"?p=<{_CQ_AGENCY}>", "agreement", TECH),
        (_NAMED, 'name="重庆市科学技术局"@zh', "p", _CQ_AGENCY),
        (_SIGNED, f'date="{SIGNED}"^^<http://www.w3.org/2001/XMLSchema#date>', "agreement", TECH),
    ],
)
@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_query_bindings_of_text_iris_and_literals_still_match(
    mini_dir, engine, query, spec, column, expected
):
    from kg.sparql import open_graph

    bindings = dict([parse_binding(spec)])
    with open_graph(mini_dir, engine=engine) as graph:
        result = graph.query(resolve_query(query), bindings=bindings)
    values = {str(row[result.variables.index(column)]) for row in result.rows}
    assert expected in values


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ('name="x"^^<http://x> UNDEF } #', "not one N-Triples IRI or literal"),
        ('name="x" } ; DROP ALL ; #', "not one N-Triples IRI or literal"),
        ('name="x" . #', "not one N-Triples IRI or literal"),
        ("name=<http://x> } #>", "not one N-Triples IRI or literal"),
        ("name=<http://x/a b>", "not one N-Triples IRI or literal"),
        ("name=<relative>", "not one N-Triples IRI or literal"),
        ('name="x"@', "not one N-Triples IRI or literal"),
        ('name="x\n"', "not one N-Triples IRI or literal"),
        ("name=_:b0", None),  # text, not a term: no error
        ("x } #=1", "is not a SPARQL variable name"),
        ("=1", "is not a SPARQL variable name"),
        ("name", "expected VAR=VALUE"),
    ],
)
def test_query_bind_refuses_what_is_not_one_term(mini_dir, capsys, spec, message):
    code = main(["query", str(mini_dir), "agreements-of", "--bind", spec])
    captured = capsys.readouterr()
    if message is None:
        assert code == 0
        return
    assert code == 2
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("kg query: error: --bind")
    assert message in captured.err


@pytest.mark.parametrize(
    ("bindings", "message"),
    [
        ({"p": URIRef("http://x> } #")}, "cannot bind ?p: not an RDF term"),
        ({"p": Literal("x", datatype=URIRef("http://x> UNDEF"))}, "cannot bind ?p"),
        ({"p } #": "x"}, "is not a SPARQL variable name"),
    ],
)
def test_query_inject_bindings_refuses_terms_that_are_not(bindings, message):
    with pytest.raises(QueryError, match=re.escape(message)):
        inject_bindings("SELECT * WHERE { ?p ?q ?r }", bindings)


def test_query_inject_bindings_writes_text_escaped():
    out = inject_bindings("SELECT * WHERE { ?p ?q ?r }", {"r": 'a" } #\n'})
    assert 'VALUES ?r { "a\\" } #\\n" "a\\" } #\\n"@zh }' in out
