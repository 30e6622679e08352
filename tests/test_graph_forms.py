"""Every command that reads a graph takes every GRAPH form, through ``kg.sparql.open_graph``.

A table of commands (how each is called and what its output must show) crossed with a
table of GRAPH forms (a file in each written format, a build directory, a store, an
endpoint), all holding the seed article's graph.
"""

from __future__ import annotations

import csv
import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from rdflib import RDF, Graph

import kg.sparql.graphs
from kg.build import build
from kg.cli import main
from kg.namespace import CY
from kg.server.app import make_server
from kg.sparql import open_graph

from .fixtures_seed import SEED

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold" / "seed"
COUNT = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a cy:Agreement }"

FORMS = ("turtle", "ntriples", "trig", "nquads", "jsonld", "build-dir", "store", "endpoint")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The seed as a build directory in every written format, and as a store."""
    work = tmp_path_factory.mktemp("forms")
    out, store = work / "out", work / "store"
    formats = ("turtle", "ntriples", "trig", "nquads", "jsonld")
    build([SEED], out, formats=formats, html=False)
    build([SEED], store=store)
    return out, store


@pytest.fixture(scope="module")
def endpoint(built):
    server = make_server(built[0], port=0, quiet=True, workers=1)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.url
    finally:
        server.close()
        thread.join(5)


@pytest.fixture(scope="module")
def agreements(built) -> int:
    with open_graph(built[0]) as graph:
        return int(graph.query(COUNT).rows[0][0])


def _graph(form: str, built, endpoint) -> str:
    out, store = built
    files = {
        "turtle": "graph.ttl",
        "ntriples": "graph.nt",
        "trig": "graph.trig",
        "nquads": "graph.nq",
        "jsonld": "graph.jsonld",
    }
    if form in files:
        return str(out / files[form])
    return {"build-dir": str(out), "store": str(store), "endpoint": endpoint}[form]


class _Sink(BaseHTTPRequestHandler):
    """A Graph Store endpoint that keeps what it is sent."""

    received: list[bytes] = []

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        type(self).received.append(self.rfile.read(length) if length else b"")
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PUT = do_POST = _handle

    def log_message(self, *args) -> None:  # quiet
        pass


def _push(graph: str, tmp: Path, capsys) -> Graph:
    _Sink.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Sink)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/store"
        assert main(["push", graph, "--endpoint", url]) == 0
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    return Graph().parse(data=b"".join(_Sink.received).decode("utf-8"), format="nt")


def _run_query(graph, tmp, capsys, n):
    assert main(["query", graph, COUNT, "-f", "csv"]) == 0
    rows = list(csv.reader(capsys.readouterr().out.splitlines()))
    assert rows == [["n"], [str(n)]]


def _run_export(graph, tmp, capsys, n):
    target = tmp / "g.nt"
    assert main(["export", graph, "-o", str(target)]) == 0
    assert _count(Graph().parse(target, format="nt")) == n


def _run_analyze(graph, tmp, capsys, n):
    assert main(["analyze", graph, "-f", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["classes"]["Agreement"] == n


def _run_viz(graph, tmp, capsys, n):
    page = tmp / "view.html"
    assert main(["viz", graph, "-o", str(page)]) == 0
    assert page.read_text(encoding="utf-8").count('"cls": "Agreement"') in (0, n) and page.stat()


def _run_sample(graph, tmp, capsys, n):
    target = tmp / "sample.csv"
    assert main(["sample", graph, "-n", "50", "--classes", "Agreement", "-o", str(target)]) == 0
    rows = list(csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == n


def _run_eval(graph, tmp, capsys, n):
    assert main(["eval", str(GOLD), graph, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    scores = report["classes"]["Agreement"]
    assert scores["tp"] + scores["fp"] == n


def _run_push(graph, tmp, capsys, n):
    assert _count(_push(graph, tmp, capsys)) == n


def _run_serve(graph, tmp, capsys, n):
    server = make_server(graph, port=0, quiet=True, workers=1)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with open_graph(server.url) as served:
            assert int(served.query(COUNT).rows[0][0]) == n
    finally:
        server.close()
        thread.join(5)


def _run_show(graph, tmp, capsys, n):
    assert main(["show", graph, "重庆市科技局", "-f", "json"]) == 0
    card = json.loads(capsys.readouterr().out)
    assert card["label"] == "重庆市科学技术局" and len(card["agreements"]) == 1


def _run_timeline(graph, tmp, capsys, n):
    assert main(["timeline", graph, "--by", "year", "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["agreements"] == n


def _count(g: Graph) -> int:
    return len(set(g.subjects(RDF.type, CY.Agreement)))


COMMANDS: dict[str, Callable] = {
    "query": _run_query,
    "export": _run_export,
    "analyze": _run_analyze,
    "viz": _run_viz,
    "sample": _run_sample,
    "eval": _run_eval,
    "push": _run_push,
    "serve": _run_serve,
    "show": _run_show,
    "timeline": _run_timeline,
}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_graph_forms_every_command_takes_every_form(
    command, form, built, endpoint, agreements, tmp_path, capsys
):
    graph = _graph(form, built, endpoint)
    COMMANDS[command](graph, tmp_path, capsys, agreements)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_graph_forms_go_through_open_graph(command, built, endpoint, tmp_path, capsys, monkeypatch):
    """Each command opens its GRAPH with the one function (no reader of its own)."""
    opened: list[str] = []
    real = kg.sparql.graphs.open_graph

    def spy(graph, **kw):
        opened.append(str(graph))
        return real(graph, **kw)

    for module in list(__import__("sys").modules.values()):
        if getattr(module, "open_graph", None) is real:
            monkeypatch.setattr(module, "open_graph", spy)
    graph = str(built[0])
    with open_graph(graph) as g:
        n = int(g.query(COUNT).rows[0][0])
    COMMANDS[command](graph, tmp_path, capsys, n)
    assert graph in opened
