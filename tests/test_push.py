"""``kg push``: the seed's graph round-trips through a real Oxigraph server; retries,
headers, netrc, batching and the SPARQL Update fallback against a stub server."""

from __future__ import annotations

import base64
import os
import socket
import threading
import time
import urllib.parse
import urllib.request
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from rdflib import XSD, Graph, Literal
from rdflib.compare import isomorphic

from kg.cli import main
from kg.sparql.push import PushError, fetch_graph, graph_store_url, push, update_url

from .conftest import SEED
from .serving import free_port, oxigraph_binary, oxigraph_serve


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    """A real ``oxigraph serve`` on a free loopback port, stopped after the module."""
    binary = oxigraph_binary()
    if binary is None:
        if os.environ.get("KG_REQUIRE_SERVERS") == "1":
            pytest.fail("the oxigraph server binary is missing (pip install oxigraph)")
        pytest.skip("the oxigraph server binary is missing (pip install oxigraph)")
    with oxigraph_serve(binary, tmp_path_factory.mktemp("oxigraph-server")) as base:
        yield base


@pytest.fixture(scope="module")
def seed_graph_dir(tmp_path_factory):
    from kg.build import build

    out = tmp_path_factory.mktemp("push-seed")
    build([SEED], out, formats=["turtle"], validate=False).close()
    return out


def _canonical(graph: Graph) -> Graph:
    """Decimals by value: Oxigraph stores ``75.0`` and gives back its canonical ``75``."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.decimal:
            o = Literal(format(Decimal(str(o)).normalize(), "f"), datatype=XSD.decimal)
        out.add((s, p, o))
    return out


@pytest.mark.parametrize(
    "method, graph",
    [
        ("gsp", None),
        ("gsp", "https://w3id.org/chengyu-kg/graph/seed"),
        ("update", "https://w3id.org/chengyu-kg/graph/seed-update"),
    ],
)
def test_push_seed_graph_round_trips_through_oxigraph(
    oxigraph_server, seed_graph_dir, method, graph
):
    endpoint = f"{oxigraph_server}/store"
    result = push(seed_graph_dir, endpoint, graph=graph, method=method, batch_size=700)
    expected = Graph().parse(seed_graph_dir / "graph.ttl")
    assert result.triples == len(expected)
    assert result.batches == -(-len(expected) // 700) > 1
    back = Graph().parse(data=fetch_graph(endpoint, graph), format="nt")
    assert isomorphic(_canonical(back), _canonical(expected))


def test_push_replaces_unless_appending(oxigraph_server, seed_graph_dir, tmp_path):
    endpoint = f"{oxigraph_server}/store"
    extra = tmp_path / "extra.nt"
    extra.write_text('<urn:x:a> <urn:x:p> "x" .\n', encoding="utf-8")
    graph = "urn:x:replace-test"
    push(seed_graph_dir, endpoint, graph=graph)
    push(extra, endpoint, graph=graph, append=True)
    assert len(Graph().parse(data=fetch_graph(endpoint, graph), format="nt")) > 1
    push(extra, endpoint, graph=graph)
    assert len(Graph().parse(data=fetch_graph(endpoint, graph), format="nt")) == 1


def test_push_cli_reports_what_it_sent(oxigraph_server, seed_graph_dir, capsys):
    code = main(
        [
            "push",
            str(seed_graph_dir),
            "--endpoint",
            f"{oxigraph_server}/store",
            "--graph",
            "urn:x:cli",
            "--header",
            "Authorization: Bearer not-checked",
        ]
    )
    assert code == 0
    assert "graph-store" in capsys.readouterr().out


# ---------------------------------------------------------------------- stub server


class _Stub(BaseHTTPRequestHandler):
    """Records requests; answers from a script of status codes (then 204)."""

    script: list[int] = []
    seen: list[tuple[str, str, dict, bytes]] = []

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        type(self).seen.append((self.command, self.path, dict(self.headers), body))
        status = type(self).script.pop(0) if type(self).script else 204
        self.send_response(status)
        if status == 429:
            self.send_header("Retry-After", "0")
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PUT = do_POST = do_GET = _handle

    def log_message(self, *args) -> None:  # quiet
        pass


@pytest.fixture()
def stub():
    _Stub.script, _Stub.seen = [], []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Stub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture()
def small_nt(tmp_path):
    path = tmp_path / "g.nt"
    path.write_text("".join(f'<urn:x:s{i}> <urn:x:p> "{i}" .\n' for i in range(5)), "utf-8")
    return path


@pytest.mark.parametrize(
    "script, requests",
    [
        ([503, 503], 3),  # two transient failures, then success
        ([429], 2),  # rate limited once
        ([], 1),
    ],
)
def test_push_retries_transient_failures(stub, small_nt, script, requests):
    _Stub.script = list(script)
    result = push(small_nt, f"{stub}/store", retries=3)
    assert result.method == "graph-store"
    assert len(_Stub.seen) == requests
    assert [m for m, *_ in _Stub.seen] == ["PUT"] * requests


def test_push_gives_up_after_retries(stub, small_nt):
    _Stub.script = [503] * 10
    with pytest.raises(PushError, match="HTTP 503"):
        push(small_nt, f"{stub}/store", retries=1)
    assert len(_Stub.seen) == 2


def test_push_batches_put_then_post_with_headers(stub, small_nt):
    result = push(
        small_nt,
        f"{stub}/store",
        graph="urn:x:g",
        batch_size=2,
        headers={"Authorization": "Bearer t0k"},
    )
    assert result.batches == 3
    assert [m for m, *_ in _Stub.seen] == ["PUT", "POST", "POST"]
    for _, path, headers, _body in _Stub.seen:
        assert path == "/store?graph=urn%3Ax%3Ag"
        assert headers["Authorization"] == "Bearer t0k"
        assert headers["Content-Type"] == "application/n-triples"
    assert sum(body.count(b"\n") for *_, body in _Stub.seen) == 5


def test_push_falls_back_to_sparql_update(stub, small_nt):
    _Stub.script = [405]
    result = push(small_nt, f"{stub}/store", graph="urn:x:g", batch_size=3)
    assert result.method == "sparql-update"
    methods = [(m, p) for m, p, *_ in _Stub.seen]
    assert methods == [("PUT", "/store?graph=urn%3Ax%3Ag")] + [("POST", "/update")] * 3
    assert _Stub.seen[1][3] == b"DROP SILENT GRAPH <urn:x:g>"
    assert _Stub.seen[2][3].startswith(b"INSERT DATA { GRAPH <urn:x:g> {")


def test_push_uses_netrc(stub, small_nt, tmp_path, monkeypatch):
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login alice password s3cret\n", encoding="utf-8")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    push(small_nt, f"{stub}/store", netrc=True)
    expected = "Basic " + base64.b64encode(b"alice:s3cret").decode()
    assert _Stub.seen[0][2]["Authorization"] == expected


@pytest.mark.parametrize(
    "endpoint, graph, gsp, update",
    [
        ("http://h/store", None, "http://h/store?default", "http://h/update"),
        ("http://h/ds/data", "urn:g", "http://h/ds/data?graph=urn%3Ag", "http://h/ds/update"),
        ("http://h/sparql", None, "http://h/sparql?default", "http://h/sparql"),
    ],
)
def test_push_endpoint_urls(endpoint, graph, gsp, update):
    assert graph_store_url(endpoint, graph) == gsp
    assert update_url(endpoint) == update


def test_push_cannot_connect_is_one_line_error(small_nt, capsys):
    port = free_port()
    code = main(
        ["push", str(small_nt), "--endpoint", f"http://127.0.0.1:{port}/store", "--retries", "0"]
    )
    assert code == PushError.exit_code
    assert "cannot connect" in capsys.readouterr().err


# ---------------------------------------------------------------------- bad arguments, deadlines


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--endpoint", "file:///{tmp}/dump"], "only http:// and https:// URLs"),
        (["--endpoint", "ftp://127.0.0.1/store"], "only http:// and https:// URLs"),
        (["--endpoint", "http:///store"], "no host"),
        (
            ["--endpoint", "{stub}/store", "--update-endpoint", "file:///{tmp}/u"],
            "update endpoint 'file://",
        ),
        (
            ["--endpoint", "{stub}/store", "--graph", "http://x/g> ; DROP ALL ; <http://y"],
            "not an absolute IRI",
        ),
        (
            [
                "--endpoint",
                "{stub}/store",
                "--method",
                "update",
                "--graph",
                "http://x/g> ; DROP ALL ; <http://y",
            ],
            "not an absolute IRI",
        ),
        (["--endpoint", "{stub}/store", "--graph", "g1"], "not an absolute IRI"),
        (["--endpoint", "{stub}/store", "--graph", "http://x/a b"], "not an absolute IRI"),
        (["--endpoint", "{stub}/store", "--timeout", "0"], "more than 0 seconds"),
    ],
)
def test_push_refuses_bad_endpoints_and_graphs_sending_nothing(
    stub, small_nt, tmp_path, capsys, options, message
):
    options = [o.format(stub=stub, tmp=tmp_path) for o in options]
    assert main(["push", str(small_nt), *options]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("kg push: error:"), err
    assert message in err
    assert _Stub.seen == []
    assert list(tmp_path.iterdir()) == [small_nt]


@pytest.mark.parametrize("method", ["gsp", "update"])
def test_push_sends_a_valid_graph_iri_as_parsed(stub, small_nt, method):
    graph = "http://example.org/图/g?x=1#f"
    if method == "update":
        _Stub.script = [405]
    push(small_nt, f"{stub}/store", graph=graph)
    if method == "gsp":
        assert _Stub.seen[0][1] == "/store?graph=" + urllib.parse.quote(graph, safe="")
    else:
        assert _Stub.seen[1][3] == f"DROP SILENT GRAPH <{graph}>".encode()


@pytest.fixture()
def trickle():
    """A loopback server that reads a request, then sends an answer's header one byte
    every 0.5 s (at most 60 bytes a connection); it stops itself after the test."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    stop = threading.Event()
    connections: list[float] = []

    def answer(conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            try:
                conn.recv(65536)
                for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 40:
                    if stop.wait(0.5):
                        return
                    conn.sendall(bytes([byte]))
            except OSError:  # the client gave up
                pass

    def serve() -> None:
        threads = []
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            connections.append(time.monotonic())
            thread = threading.Thread(target=answer, args=(conn,), daemon=True)
            thread.start()
            threads.append(thread)
        for thread in threads:
            thread.join(5)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}", connections
    finally:
        stop.set()
        thread.join(10)
        server.close()


@pytest.mark.parametrize(
    ("options", "seconds", "message"),
    [
        (["--timeout", "2"], 2, "timed out (the deadline of 2 s passed)"),
        (
            ["--request-timeout", "1", "--retries", "1"],
            2,
            "timed out (no complete answer within 1 s)",
        ),
    ],
)
def test_push_trickling_endpoint_times_out(trickle, small_nt, capsys, options, seconds, message):
    url, connections = trickle
    started = time.monotonic()
    code = main(["push", str(small_nt), "--endpoint", f"{url}/store", *options])
    took = time.monotonic() - started
    assert code == PushError.exit_code
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err, err
    assert seconds - 0.1 <= took < seconds + 1.5
    assert connections


def test_push_help_documents_the_timeouts(capsys):
    with pytest.raises(SystemExit):
        main(["push", "--help"])
    out = capsys.readouterr().out
    assert "--timeout SECONDS" in out and "--request-timeout SECONDS" in out


def test_push_querying_a_trickling_endpoint_times_out(trickle):
    from kg.sparql import open_graph

    url, _ = trickle
    started = time.monotonic()
    with open_graph(f"{url}/sparql", timeout=1) as graph:
        graph.client.retries = 0
        with pytest.raises(PushError, match=r"timed out \(no complete answer within 1 s\)"):
            graph.query("ASK {}")
    assert time.monotonic() - started < 3
