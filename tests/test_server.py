"""``kg serve``: the SPARQL 1.1 Protocol over HTTP, read-only, with time and size limits."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from rdflib import Dataset, Graph, Literal
from rdflib.compare import isomorphic

from kg.namespace import CY
from kg.server.app import DEFAULT_HOST, make_server, negotiate
from kg.sparql import inject_bindings, named_queries, result_from_json, run_query
from kg.sparql.text import prefix_block

from .conftest import ROOT
from .fixtures_seed import load
from .serving import serve_in_thread, stop

pytest_plugins = ["tests.fixtures_seed"]

JSON = "application/sparql-results+json"
#: The endpoint predeclares no prefix: queries declare the package's.
P = prefix_block()
AGENCIES = P + "SELECT ?a ?label WHERE { ?a a cy:Agency ; rdfs:label ?label } ORDER BY ?label"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


@pytest.fixture(scope="module")
def endpoint(mini_dir):
    server, thread = serve_in_thread(mini_dir, timeout=1.0, max_results=1000, workers=2)
    try:
        yield server.url
    finally:
        server.close()
        thread.join(10)


@pytest.fixture(scope="module")
def small_endpoint(mini_dir):
    server, thread = serve_in_thread(mini_dir, timeout=5.0, max_results=3, workers=1)
    try:
        yield server.url
    finally:
        server.close()
        thread.join(10)


def _request(
    url, *, query=None, data=None, content_type=None, accept=None, method=None, params=None
):
    """(status, headers, body) of one HTTP request; HTTP errors are returned, not raised."""
    if query is not None or params:
        url += "?" + urllib.parse.urlencode(
            {**({"query": query} if query is not None else {}), **(params or {})}
        )
    headers = {}
    if accept:
        headers["Accept"] = accept
    if content_type:
        headers["Content-Type"] = content_type
    body = data.encode("utf-8") if isinstance(data, str) else data
    req = urllib.request.Request(url, data=body, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers, resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read().decode("utf-8")


def _form(query: str) -> str:
    return urllib.parse.urlencode({"query": query})


def test_server_binds_loopback_by_default():
    assert DEFAULT_HOST == "127.0.0.1"


def test_server_answers_get_with_sparql_json(endpoint):
    status, headers, body = _request(endpoint, query=AGENCIES, accept=JSON)
    assert status == 200
    assert headers["Content-Type"] == JSON
    result = result_from_json(body)
    assert result.variables == ["a", "label"]
    labels = [str(row[1]) for row in result.rows]
    assert len(labels) == 10 and "重庆市科学技术局" in labels
    assert result.rows[0][1].language == "zh"


def test_server_answers_post_form_with_csv(endpoint):
    status, headers, body = _request(
        endpoint,
        data=_form(AGENCIES),
        content_type="application/x-www-form-urlencoded",
        accept="text/csv",
    )
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == ["a", "label"]
    assert ["https://w3id.org/chengyu-kg/id/agency/重庆市科学技术局", "重庆市科学技术局"] in rows


def test_server_answers_post_sparql_query_with_xml_and_tsv(endpoint):
    status, _, body = _request(
        endpoint,
        data=P + "ASK { ?a a cy:Agreement }",
        content_type="application/sparql-query",
        accept="application/sparql-results+xml",
    )
    assert status == 200
    assert (
        ET.fromstring(body).find("{http://www.w3.org/2005/sparql-results#}boolean").text == "true"
    )
    status, headers, body = _request(
        endpoint,
        data=AGENCIES,
        content_type="application/sparql-query",
        accept="text/tab-separated-values",
    )
    assert status == 200 and headers["Content-Type"].startswith("text/tab-separated-values")
    assert body.splitlines()[0] == "?a\t?label"


@pytest.mark.parametrize(
    ("accept", "parser"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
        ("text/n3", "n3"),
        ("application/trig", "trig"),
        ("application/n-quads", "nquads"),
    ],
)
def test_server_construct_returns_rdf(endpoint, mini_graph, accept, parser):
    status, headers, body = _request(
        endpoint, query=P + "CONSTRUCT WHERE { ?a cy:party ?p }", accept=accept
    )
    assert status == 200 and headers["Content-Type"].split(";")[0] == accept
    expected = Graph()
    for triple in mini_graph.triples((None, CY.party, None)):
        expected.add(triple)
    got = Graph()
    for s, p, o, _ in Dataset().parse(data=body, format=parser).quads():  # any graph of it
        got.add((s, p, o))
    assert isomorphic(got, expected)


@pytest.fixture(scope="module")
def mini_graph(mini_dir):
    return load(mini_dir)


NEGOTIATION = [
    (None, "results", None, "json"),
    ("*/*", "results", None, "json"),
    ("text/csv", "results", None, "csv"),
    ("text/*", "results", None, "csv"),
    ("application/sparql-results+xml;q=0.5, text/tab-separated-values", "results", None, "tsv"),
    ("application/json", "results", None, "json"),
    ("image/png", "results", None, None),
    ("text/csv;q=0, */*;q=0.1", "results", None, "json"),
    ("text/csv;q=0", "results", None, None),
    (None, "results", "csv", "csv"),
    ("text/csv", "results", "xml", "xml"),
    (None, "graph", None, "turtle"),
    ("application/n-triples, text/turtle;q=0.9", "graph", None, "ntriples"),
    ("application/sparql-results+json", "graph", None, None),
    # format= wins when it can be served, else Accept decides (an unknown one is no 406)
    (None, "graph", "nosuch", "turtle"),
    ("application/sparql-results+json", "graph", "nosuch", None),
    ("text/turtle", "graph", "csv", "turtle"),
    ("application/rdf+xml", "graph", "xml", "rdfxml"),
    ("*/*", "graph", "rdf", "rdfxml"),
    ("application/rdf+xml", "graph", "rdf+xml", "rdfxml"),
    ("*/*", "graph", "json", "jsonld"),
    ("application/ld+json", "graph", "json-ld", "jsonld"),
    ("text/turtle, text/n3", "graph", "n3", "n3"),
    ("text/turtle", "graph", "text/n3", "n3"),
    ("application/trig", "graph", None, "trig"),
    ("application/n-quads", "graph", None, "nquads"),
    ("text/rdf+n3", "graph", None, "n3"),
    ("*/*", "graph", "application/rdf+xml", "rdfxml"),
    ("text/csv", "results", "turtle", "csv"),
    ("*/*", "results", "tsv", "tsv"),
    ("*/*", "results", "text/tab-separated-values", "tsv"),
    ("application/sparql-results+xml", "results", ["nosuch", "json"], "json"),
    ("application/sparql-results+xml", "results", "json-ld", "xml"),
]


@pytest.mark.parametrize(("accept", "kind", "fmt", "chosen"), NEGOTIATION)
def test_server_negotiates_the_format(accept, kind, fmt, chosen):
    assert negotiate(accept, kind, fmt) == chosen


def test_server_says_not_acceptable(endpoint):
    status, _, body = _request(endpoint, query=AGENCIES, accept="image/png")
    assert status == 406 and "application/sparql-results+json" in body


@pytest.fixture
def listener():
    """A loopback socket that must never be contacted."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)
    sock.setblocking(False)
    try:
        yield sock
    finally:
        sock.close()


REFUSED = [
    ("query", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "read-only"),
    ("query", "DELETE WHERE { ?s ?p ?o }", "read-only"),
    ("query", "LOAD <http://127.0.0.1:{port}/data.ttl>", "LOAD not allowed"),
    ("update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "read-only"),
    ("update", "LOAD <http://127.0.0.1:{port}/data.ttl>", "read-only"),
    (
        "query",
        "SELECT * WHERE { SERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
        "SERVICE",
    ),
    (
        "query",
        "SELECT * WHERE { ?x ?y ?z . \\u0053ERVICE <http://127.0.0.1:{port}/> { ?s ?p ?o } }",
        "SERVICE",
    ),
    ("sparql-update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "read-only"),
]


@pytest.mark.parametrize(("how", "text", "message"), REFUSED)
def test_server_refuses_updates_load_and_service(endpoint, listener, how, text, message):
    text = text.replace("{port}", str(listener.getsockname()[1]))
    if how == "sparql-update":
        status, _, body = _request(endpoint, data=text, content_type="application/sparql-update")
    else:
        data = urllib.parse.urlencode({how: text})
        status, _, body = _request(
            endpoint, data=data, content_type="application/x-www-form-urlencoded"
        )
    assert status == 403
    assert message in body
    with pytest.raises(BlockingIOError):
        listener.accept()  # nobody called the "remote" endpoint
    status, _, body = _request(endpoint, query="ASK { <urn:a> <urn:b> <urn:c> }")
    assert json.loads(body)["boolean"] is False


def test_server_stops_a_query_past_the_time_limit(endpoint):
    started = time.monotonic()
    status, _, body = _request(endpoint, query=SLOW)
    elapsed = time.monotonic() - started
    assert status == 503
    assert "time limit of 1 s" in body
    assert elapsed < 10
    status, _, body = _request(
        endpoint, query=P + "SELECT (COUNT(*) AS ?n) WHERE { ?s a cy:Agency }"
    )
    assert status == 200
    assert result_from_json(body).rows[0][0].toPython() == 10


def test_server_keeps_serving_after_timeouts(endpoint):
    for _ in range(2):
        assert _request(endpoint, query=SLOW)[0] == 503
    assert _request(endpoint, query="ASK { ?s ?p ?o }")[0] == 200


def test_server_limits_the_result_size(small_endpoint):
    status, headers, body = _request(small_endpoint, query=AGENCIES)
    assert status == 200
    assert len(result_from_json(body).rows) == 3
    assert headers["X-Result-Truncated"].startswith("true")
    status, headers, body = _request(
        small_endpoint,
        query=P + "CONSTRUCT WHERE { ?a cy:party ?p }",
        accept="application/n-triples",
    )
    assert len(body.strip().splitlines()) == 3 and "X-Result-Truncated" in headers
    status, headers, _ = _request(
        small_endpoint, query=P + "SELECT ?c WHERE { ?c a cy:ScienceCity }"
    )
    assert status == 200 and "X-Result-Truncated" not in headers


BAD_REQUESTS = [
    ({"query": "SELECT ?x WHERE { ?x a cy:Agency "}, None, None, 400, "line 1, column"),
    (None, "format=json", "application/x-www-form-urlencoded", 400, "missing query"),
    (None, "query=a&query=b", "application/x-www-form-urlencoded", 400, "more than one"),
    (None, "SELECT * {}", "text/plain", 415, "application/sparql-query"),
]


@pytest.mark.parametrize(("params", "data", "content_type", "status", "message"), BAD_REQUESTS)
def test_server_reports_bad_requests(endpoint, params, data, content_type, status, message):
    got, _, body = _request(endpoint, params=params, data=data, content_type=content_type)
    assert got == status and message in body


@pytest.mark.parametrize(
    ("path", "method", "status"),
    [
        ("/", "GET", 200),  # the query page
        ("/other", "GET", 404),
        ("/static/nothing.js", "GET", 404),
        ("/static/../app.py", "GET", 404),
        ("/sparql", "PUT", 405),
        ("/sparql", "DELETE", 405),
    ],
)
def test_server_other_paths_and_methods(endpoint, path, method, status):
    url = endpoint.rsplit("/sparql", 1)[0] + path
    assert _request(url, method=method, data="x" if method == "PUT" else None)[0] == status


def _values(row) -> tuple:
    """A row compared by value: numbers as numbers (``600000000000.0`` is ``600000000000``)."""

    def value(term) -> str:
        if isinstance(term, Literal) and isinstance(term.toPython(), int | float | Decimal):
            return format(Decimal(str(term.toPython())).normalize(), "f")
        return "" if term is None else str(term)

    return tuple(value(t) for t in row)


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_server_named_queries_match_rdflib(endpoint, mini_graph, name):
    """Every named query gives the same answer over HTTP (pyoxigraph) as with kg query (rdflib)."""
    query = named_queries()[name].text
    if name == "agreements-of":
        query = query.replace("STR(?name)", '"重庆市科技局"')
    status, _, body = _request(
        endpoint, data=_form(query), content_type="application/x-www-form-urlencoded"
    )
    assert status == 200, body
    over_http = result_from_json(body)
    local = run_query(mini_graph, query)
    assert over_http.variables == local.variables
    assert sorted(map(_values, over_http.rows)) == sorted(map(_values, local.rows))
    assert over_http.rows


def test_server_serves_the_seed_from_the_command_line(seed_dir):
    """``kg serve`` as users start it: prints the URL, answers, stops on SIGTERM with its workers."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(seed_dir), "--port", "0", "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        line = proc.stdout.readline()
        assert line.startswith("SPARQL endpoint at http://127.0.0.1:"), line + proc.stderr.read()
        url = line.split()[3]
        query = inject_bindings(named_queries()["agreements-of"].text, {"name": "重庆市科技局"})
        status, _, body = _request(
            url,
            data=_form(query),
            content_type="application/x-www-form-urlencoded",
            accept="text/csv",
        )
        assert status == 200
        rows = list(csv.reader(io.StringIO(body)))
        assert rows[1][0] == "加强双核创新联动 推进共建具有全国影响力的科技创新中心合作协议"
        assert rows[1][3] == "成都市科学技术局"
    finally:
        stop(proc, signal.SIGTERM, 20)
    assert proc.returncode == 0


def test_server_seed_science_city_over_http(seed_dir):
    server, thread = serve_in_thread(seed_dir, timeout=5.0, workers=1)
    try:
        status, _, body = _request(server.url, query=named_queries()["science-cities"].text)
    finally:
        server.close()
        thread.join(10)
    rows = {
        (str(r[1]), str(r[2]))
        for r in result_from_json(body).rows
        if str(r[0]) == "西部(重庆)科学城"
    }
    assert rows == {
        ("1198平方公里", d) for d in ("北碚区", "沙坪坝区", "九龙坡区", "江津区", "璧山区")
    }


def test_server_bad_graph_is_an_input_error(tmp_path):
    from kg.errors import InputError

    (tmp_path / "graph.ttl").write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(InputError, match="cannot load graph"):
        make_server(tmp_path, port=0, quiet=True, workers=1)


def test_server_kg_query_asks_the_endpoint(endpoint, capsys):
    """``kg query URL QUERY`` sends the query over HTTP to a running endpoint."""
    from kg.cli import main

    args = ["query", endpoint, "agreements-of", "--bind", "name=重庆市科技局", "-f", "csv"]
    assert main(args) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["agreement", "date", "party", "otherParty"]
    assert rows[1][3] == "成都市科学技术局"


def test_server_serves_the_rdfs_closure_on_request(mini_dir):
    server, thread = serve_in_thread(mini_dir, workers=1, infer_regime="rdfs")
    try:
        status, _, body = _request(
            server.url,
            query=P + "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a org:Organization }",
        )
    finally:
        server.close()
        thread.join(10)
    assert status == 200
    assert result_from_json(body).rows[0][0].toPython() == 10
    assert not server.cleanup[0].exists()  # the closure's temporary file is gone
