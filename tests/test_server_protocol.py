"""``kg serve`` as a standard SPARQL endpoint: SPARQLWrapper in every return format against a
graph file, a build folder and a store; the service description; CORS and preflight; no
predeclared prefixes; short queries answered while long ones hold the workers."""

from __future__ import annotations

import csv
import http.client
import io
import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from xml.dom.minidom import Document

import pytest
import SPARQLWrapper
from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.util import from_n3

from kg.server.description import SD
from kg.sparql import open_graph
from kg.sparql.text import prefix_block

from .conftest import ROOT, SEED
from .serving import serve_command, serve_in_thread

P = prefix_block()
QUERIES = {
    "SELECT": P + "SELECT ?a ?label WHERE { ?a a cy:Agency ; rdfs:label ?label }",
    "ASK": P + "ASK { ?a a cy:Agreement ; cy:party ?p }",
    "CONSTRUCT": P + "CONSTRUCT WHERE { ?a cy:party ?p }",
    "DESCRIBE": P + 'DESCRIBE ?a WHERE { ?a rdfs:label "重庆市科学技术局"@zh }',
}

#: SPARQLWrapper's return formats (it has no N-Triples; its N3 asks for Turtle or N3).
RETURN_FORMATS = ("JSON", "XML", "CSV", "TSV", "TURTLE", "N3", "RDF", "RDFXML", "JSONLD")

#: The content type the endpoint answers with, by query kind and SPARQLWrapper's format:
#: what was asked for when the kind of result can take it, else what Accept allows.
SENT = {
    "results": {
        "JSON": "application/sparql-results+json",
        "XML": "application/sparql-results+xml",
        "CSV": "text/csv",
        "TSV": "text/tab-separated-values",
        **dict.fromkeys(
            ("TURTLE", "N3", "RDF", "RDFXML", "JSONLD"), "application/sparql-results+json"
        ),
    },
    "graph": {
        "JSON": "application/ld+json",
        "JSONLD": "application/ld+json",
        "XML": "application/rdf+xml",
        "RDF": "application/rdf+xml",
        "RDFXML": "application/rdf+xml",
        "TURTLE": "text/turtle",
        "N3": "text/n3",
        "CSV": "text/turtle",  # no CSV of a graph: Accept (*/*) decides
        "TSV": "text/turtle",
    },
}

GRAPH_FORMS = ("file", "folder", "store")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The seed built by ``kg build`` into a folder and into a store."""
    work = tmp_path_factory.mktemp("protocol")
    out, store = work / "out", work / "store"
    command = [sys.executable, "-m", "kg", "build", str(SEED), "--out", str(out)]
    done = subprocess.run(
        [*command, "--store", str(store)], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    return {"file": out / "graph.ttl", "folder": out, "store": store}


@pytest.fixture(scope="module")
def endpoints(built):
    """``kg serve`` started on each GRAPH form, as users start it."""
    with (
        serve_command(built["file"], "--workers", "1") as file_url,
        serve_command(built["folder"], "--workers", "1") as folder_url,
        serve_command(built["store"], "--workers", "1") as store_url,
    ):
        yield {"file": file_url, "folder": folder_url, "store": store_url}


@pytest.fixture(scope="module")
def expected(built):
    """What each query gives on each GRAPH form when run here, without HTTP."""
    out = {}
    for form in GRAPH_FORMS:
        with open_graph(built[form]) as graph:
            for kind, text in QUERIES.items():
                out[form, kind] = _expected(graph.query(text))
    return out


def _expected(result):
    if result.form == "ASK":
        return result.boolean
    if result.is_graph:
        return result.graph()
    return {tuple(str(t) for t in row) for row in result.rows}


def _rows_json(doc: dict) -> set | bool:
    if "boolean" in doc:
        return doc["boolean"]
    names = doc["head"]["vars"]
    return {tuple(b[n]["value"] for n in names) for b in doc["results"]["bindings"]}


def _rows_xml(doc: Document) -> set | bool:
    boolean = doc.getElementsByTagName("boolean")
    if boolean:
        return boolean[0].firstChild.data == "true"
    names = [v.getAttribute("name") for v in doc.getElementsByTagName("variable")]
    rows = set()
    for result in doc.getElementsByTagName("result"):
        values = {}
        for binding in result.getElementsByTagName("binding"):
            term = next(n for n in binding.childNodes if n.nodeType == n.ELEMENT_NODE)
            values[binding.getAttribute("name")] = term.firstChild.data
        rows.add(tuple(values[n] for n in names))
    return rows


def _rows_text(body: bytes, tsv: bool) -> set | bool:
    text = body.decode("utf-8")
    if tsv:
        lines = [line.split("\t") for line in text.splitlines()]
        if lines[0] == ["?boolean"]:
            return lines[1][0] == "true"
        return {tuple(str(from_n3(cell)) for cell in line) for line in lines[1:]}
    rows = list(csv.reader(io.StringIO(text)))
    if rows[0] == ["boolean"]:
        return rows[1][0] == "true"
    return {tuple(row) for row in rows[1:]}


def _normalise(converted, content_type: str):
    """What SPARQLWrapper's ``convert()`` gave, as rows, a boolean or an rdflib graph."""
    media = content_type.split(";")[0].strip()
    if isinstance(converted, dict):
        return _rows_json(converted)
    if isinstance(converted, Document):
        return _rows_xml(converted)
    if isinstance(converted, Graph):  # RDF/XML and JSON-LD: a ConjunctiveGraph
        graph = Graph()
        for triple in converted.triples((None, None, None)):
            graph.add(triple)
        return graph
    if media in ("text/csv", "text/tab-separated-values"):
        return _rows_text(converted, media.endswith("values"))
    return Graph().parse(data=converted.decode("utf-8"), format="turtle")  # Turtle, N3


def _cases():
    for graph in GRAPH_FORMS:
        for kind in QUERIES:
            for fmt in RETURN_FORMATS:
                yield pytest.param(graph, kind, fmt, "GET", id=f"{graph}-{kind}-{fmt}-GET")
    for kind in QUERIES:  # and as POST (URL-encoded), on one form
        for fmt in RETURN_FORMATS:
            yield pytest.param("file", kind, fmt, "POST", id=f"file-{kind}-{fmt}-POST")


@pytest.mark.parametrize(("graph", "kind", "fmt", "method"), list(_cases()))
def test_server_protocol_sparqlwrapper_every_format(endpoints, expected, graph, kind, fmt, method):
    client = SPARQLWrapper.SPARQLWrapper(endpoints[graph])
    client.setQuery(QUERIES[kind])
    client.setReturnFormat(getattr(SPARQLWrapper, fmt))
    client.setMethod(getattr(SPARQLWrapper, method))
    with warnings.catch_warnings():  # it warns of the formats a query form cannot take
        warnings.simplefilter("ignore", RuntimeWarning)
        warnings.simplefilter("ignore", DeprecationWarning)  # its use of ConjunctiveGraph
        answer = client.query()
        content_type = answer.info()["content-type"]
        got = _normalise(answer.convert(), content_type)
    is_graph = kind in ("CONSTRUCT", "DESCRIBE")
    assert content_type.split(";")[0] == SENT["graph" if is_graph else "results"][fmt]
    want = expected[graph, kind]
    if is_graph:
        assert len(want) > 0 and isomorphic(got, want)
    else:
        assert got == want
        if kind == "SELECT":
            assert any(label == "重庆市科学技术局" for _, label in got)


def _request(url, *, method="GET", headers=None, data=None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


#: Accept -> rdflib's parser, for the service description.
DESCRIPTION_TYPES = [
    ("text/turtle", "turtle"),
    ("application/n-triples", "nt"),
    ("application/rdf+xml", "xml"),
    ("application/ld+json", "json-ld"),
    ("text/n3", "n3"),
    ("application/trig", "trig"),
    ("application/n-quads", "nquads"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "turtle"),  # a browser
]


@pytest.mark.parametrize("graph", GRAPH_FORMS)
@pytest.mark.parametrize(("accept", "parser"), DESCRIPTION_TYPES)
def test_server_protocol_service_description(endpoints, graph, accept, parser):
    url = endpoints[graph]
    status, headers, body = _request(url, headers={"Accept": accept})
    assert status == 200, body
    media = headers["Content-Type"].split(";")[0]
    assert media == accept.split(",")[0] or (parser == "turtle" and media == "text/turtle")
    data = _parse(body, parser)
    [service] = list(data.subjects(SD.endpoint, URIRef(url)))
    assert (service, RDF.type, SD.Service) in data
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in data
    formats = {str(f).rsplit("/", 1)[1] for f in data.objects(service, SD.resultFormat)}
    assert {"SPARQL_Results_JSON", "SPARQL_Results_CSV", "Turtle", "JSON-LD", "N3"} <= formats
    assert (service, SD.feature, SD.UnionDefaultGraph) in data
    [dataset] = list(data.objects(service, SD.defaultDataset))
    assert (dataset, RDF.type, SD.Dataset) in data
    assert list(data.objects(dataset, SD.defaultGraph))
    named = {str(n) for g in data.objects(dataset, SD.namedGraph) for n in data.objects(g, SD.name)}
    # a store keeps each article in a graph named by its document
    assert named == (
        {"https://w3id.org/chengyu-kg/id/doc/000_8ad9febdc21e1cf6"} if graph == "store" else set()
    )


def _parse(body: bytes, parser: str) -> Graph:
    """A graph from any RDF format (TriG and N-Quads read as a dataset: its triples)."""
    dataset = Dataset()
    dataset.parse(data=body.decode("utf-8"), format=parser)
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def test_server_protocol_service_description_format_parameter(endpoints):
    url = endpoints["file"]
    status, headers, body = _request(url + "?format=json-ld", headers={"Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"] == "application/ld+json"
    as_jsonld = Graph().parse(data=body.decode("utf-8"), format="json-ld")
    as_turtle = Graph().parse(data=_request(url)[2].decode("utf-8"), format="turtle")
    assert isomorphic(as_jsonld, as_turtle)
    assert _request(url, headers={"Accept": "image/png"})[0] == 406


def test_server_protocol_store_keeps_its_named_graphs(endpoints):
    """Served from a store, each article's graph can be queried by name (FROM)."""
    doc = "https://w3id.org/chengyu-kg/id/doc/000_8ad9febdc21e1cf6"
    query = P + f"SELECT (COUNT(*) AS ?n) FROM <{doc}> WHERE {{ ?m cy:inSentence ?s }}"
    status, _, body = _request(endpoints["store"] + "?" + urllib.parse.urlencode({"query": query}))
    assert status == 200, body
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 10


@pytest.fixture(scope="module")
def mini_server(tmp_path_factory):
    """An endpoint over a small graph, started in the test process (CORS for any origin)."""
    path = tmp_path_factory.mktemp("cors") / "graph.nt"
    path.write_text('<urn:s> <urn:p> "o" .\n', encoding="utf-8")
    server, thread = serve_in_thread(path, workers=1, fast_lane=0)
    try:
        yield server
    finally:
        server.close()
        thread.join(10)


PREFLIGHT = {
    "Origin": "http://127.0.0.1:9999",
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "content-type, accept",
}


@pytest.mark.parametrize("path", ["/sparql", "/"])
def test_server_protocol_answers_the_preflight(mini_server, path):
    url = mini_server.url.removesuffix("/sparql") + path
    status, headers, body = _request(url, method="OPTIONS", headers=PREFLIGHT)
    assert status == 204 and body == b""
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert {"GET", "POST", "OPTIONS"} <= set(headers["Access-Control-Allow-Methods"].split(", "))
    assert {"content-type", "accept"} <= {
        h.strip().lower() for h in headers["Access-Control-Allow-Headers"].split(",")
    }
    assert int(headers["Access-Control-Max-Age"]) > 0
    assert "POST" in headers["Allow"]


#: Requests answered with an error, each of which must carry the CORS header all the same.
ERRORS = [
    ("GET", "/sparql?query=SELECT%20%7B", None, {}, 400),
    ("GET", "/sparql?query=INSERT%20DATA%20%7B%7D", None, {}, 403),
    ("GET", "/nowhere", None, {}, 404),
    ("PUT", "/sparql", b"x", {}, 405),
    ("GET", "/sparql?query=ASK%7B%7D", None, {"Accept": "image/png"}, 406),
    (
        "POST",
        "/sparql",
        b"",
        {"Content-Type": "application/sparql-query", "Content-Length": str(2 << 20)},
        413,
    ),
    ("POST", "/sparql", b"ASK {}", {"Content-Type": "text/plain"}, 415),
    ("TRACE", "/sparql", None, {}, 501),
]


@pytest.mark.parametrize(("method", "path", "data", "headers", "status"), ERRORS)
def test_server_protocol_cors_header_on_errors(mini_server, method, path, data, headers, status):
    host, port = mini_server.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        connection.putrequest(method, path)
        headers = {"Origin": "http://127.0.0.1:9999", **headers}
        if data is not None and "Content-Length" not in headers:
            headers["Content-Length"] = str(len(data))
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders(data or None)  # a body announced too large is not sent
        answer = connection.getresponse()
        answer.read()
    finally:
        connection.close()
    assert answer.status == status
    assert answer.headers["Access-Control-Allow-Origin"] == "*"


#: --cors, the request's Origin, and the Access-Control-Allow-Origin answered (None: absent).
POLICIES = [
    ("*", "http://a.test", "*"),
    ("none", "http://a.test", None),
    ("http://a.test, https://b.test:8443", "http://a.test", "http://a.test"),
    ("http://a.test, https://b.test:8443", "https://b.test:8443", "https://b.test:8443"),
    ("http://a.test, https://b.test:8443", "http://c.test", None),
    ("http://a.test", None, None),
]


@pytest.mark.parametrize(("policy", "origin", "allowed"), POLICIES)
def test_server_protocol_cors_origins(tmp_path, policy, origin, allowed):
    path = tmp_path / "graph.nt"
    path.write_text("<urn:s> <urn:p> <urn:o> .\n", encoding="utf-8")
    server, thread = serve_in_thread(path, workers=1, fast_lane=0, cors=policy)
    try:
        headers = {"Origin": origin} if origin else {}
        query = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
        status, answer, _ = _request(f"{server.url}?{query}", headers=headers)
        preflight = {**PREFLIGHT, **headers} if origin else {}
        _, pre, _ = _request(server.url, method="OPTIONS", headers=preflight)
    finally:
        server.close()
        thread.join(10)
    assert status == 200
    assert answer.get("Access-Control-Allow-Origin") == allowed
    assert pre.get("Access-Control-Allow-Origin") == allowed
    assert ("Access-Control-Allow-Methods" in pre) == (allowed is not None)
    if allowed not in (None, "*"):
        assert "Origin" in answer["Vary"]


@pytest.mark.parametrize("spec", ["ftp://a.test", "a.test", "http://a.test/path", "http://"])
def test_server_protocol_bad_cors_origin_is_an_input_error(tmp_path, spec):
    from kg.errors import InputError
    from kg.server.app import make_server

    with pytest.raises(InputError, match="--cors"):
        make_server(tmp_path, cors=spec)


#: A query, whether it runs at the endpoint, and what the refusal says.
PREFIXED = [
    ("SELECT * WHERE { ?a a cy:Agency }", 400, "unknown prefix cy:"),
    ("SELECT * WHERE { ?a rdfs:label ?l }", 400, "unknown prefix rdfs:"),
    (
        "ASK {\n  ?a a <urn:x> .\n  ?a skos:altLabel ?l }",
        400,
        "line 3, column 6: unknown prefix skos:",
    ),
    (
        "PREFIX cy: <https://w3id.org/chengyu-kg/ontology#>\nSELECT * WHERE { ?a a cy:Agency }",
        200,
        "",
    ),
]


@pytest.mark.parametrize(("query", "status", "message"), PREFIXED)
def test_server_protocol_predeclares_no_prefix(endpoints, query, status, message):
    """A query that runs here runs on any endpoint: prefixes are declared, not assumed."""
    got, _, body = _request(endpoints["file"] + "?" + urllib.parse.urlencode({"query": query}))
    assert got == status and message in body.decode("utf-8")


def test_server_protocol_serves_a_store_from_the_command_line(endpoints, built):
    """``kg serve STORE`` answers like ``kg query STORE``."""
    query = P + "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a cy:Agreement }"
    with open_graph(built["store"]) as graph:
        want = int(graph.query(query).rows[0][0])
    status, _, body = _request(endpoints["store"] + "?" + urllib.parse.urlencode({"query": query}))
    assert status == 200 and want == 5
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) == want


LONG = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.mark.parametrize(
    ("workers", "fast_lane", "long_on_workers"),
    [
        (2, 1.0, 2),  # both long queries on the two workers; the ASK takes the fast lane
        (1, 0.5, 1),  # the second long query is too long for the fast lane: it waits
    ],
)
def test_server_protocol_short_query_passes_long_ones(built, workers, fast_lane, long_on_workers):
    """A trivial ASK is answered while long queries still hold every worker (no timing:
    the long ones are checked to be still running when the ASK returns)."""
    server, thread = serve_in_thread(
        built["folder"], workers=workers, fast_lane=fast_lane, timeout=30.0
    )
    long_status: list[int] = []

    def long_query() -> None:
        url = server.url + "?" + urllib.parse.urlencode({"query": LONG})
        long_status.append(_request(url)[0])

    clients = [threading.Thread(target=long_query, daemon=True) for _ in range(2)]
    try:
        for client in clients:
            client.start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:  # both sent, and the workers busy with them
            time.sleep(0.1)
            if (
                server.pool.running() >= long_on_workers
                and server.pool.waiting() >= 2 - long_on_workers
            ):
                if workers == 1 and fast_lane:  # the second one was tried on the fast lane
                    if server.pool.fast_lane_evictions < 1:
                        continue
                break
        else:
            pytest.fail("the long queries did not reach the workers")
        ask = server.url + "?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
        status, _, body = _request(ask)
        assert status == 200 and json.loads(body)["boolean"] is True
        assert all(client.is_alive() for client in clients) and long_status == []
        assert server.pool.running() == long_on_workers  # the ASK's worker is free again
    finally:
        server.close()
        thread.join(10)
        for client in clients:
            client.join(30)
