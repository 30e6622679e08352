"""``kg serve`` on the open network: no SERVICE connection, bounded requests, slow and
vanishing clients, dataset parameters, FROM, a memory limit per worker, and load."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kg.server.app import ConnectionLimits

from .conftest import ROOT
from .serving import serve_in_thread

SMALL = ConnectionLimits(header_timeout=1.0, body_timeout=1.0, max_body=4096, threads=4, backlog=16)
N_SUBJECTS = 300  # a cartesian join of three patterns over them is 27 million rows


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    """N-Quads: 300 statements in the default graph and one in each of two named graphs."""
    path = tmp_path_factory.mktemp("limits") / "graph.nq"
    lines = [f'<urn:s{i}> <urn:p> "{i}" .' for i in range(N_SUBJECTS)]
    lines += ['<urn:a> <urn:in> "g1" <urn:g1> .', '<urn:b> <urn:in> "g2" <urn:g2> .']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def server(graph_file):
    server, thread = serve_in_thread(
        graph_file, timeout=20.0, workers=2, max_memory_mb=256, limits=SMALL
    )
    try:
        yield server
    finally:
        server.close()
        thread.join(10)


def _get(url, params, accept="*/*"):
    url += "?" + urllib.parse.urlencode(params, doseq=True)
    req = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def _count(url, query, **params) -> int:
    status, body = _get(url, {"query": query, **params})
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


class _Listener:
    """A loopback port that counts the connections made to it (there must be none)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.count = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.count += 1
            conn.close()


@pytest.fixture
def listener():
    listening = _Listener()
    try:
        yield listening
    finally:
        listening.sock.close()


SERVICE_VARIANTS = [
    "SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } }",
    "select * where { service <{url}> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE SILENT <{url}> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE <{url}> { ?s ?p ?x } } }",
    "SELECT * WHERE { { ?s ?p ?o } UNION { SERVICE <{url}> { ?s ?p ?o } } }",
    "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <{url}> { ?s ?p ?o } } } }",
    "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <{url}> { ?s ?p ?o } } }",
    "SELECT * WHERE { BIND(<{url}> AS ?e) SERVICE ?e { ?s ?p ?o } }",
    "SELECT * WHERE { VALUES ?e { <{url}> } SERVICE SILENT ?e { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o # a comment\n SERVICE <{url}> { ?s ?p ?o } }",
    "SELECT * WHERE { \\u0053ERVICE <{url}> { ?s ?p ?o } }",
    'SELECT * WHERE { ?a ?p ?b FILTER(?a<?b#>"""\n) SERVICE <{url}> { ?s ?p ?o }\n#"""\n}',
    'SELECT * WHERE { ?a ?p ?b FILTER(?a<?b#>"""\n) SERVICE SILENT <{url}> { ?s ?p ?o }}',
    "ASK { SERVICE <{url}> { ?s ?p ?o } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <{url}> { ?s ?p ?o } }",
]


@pytest.mark.parametrize("query", SERVICE_VARIANTS)
def test_server_limits_service_makes_no_connection(server, listener, query):
    query = query.replace("{url}", f"http://127.0.0.1:{listener.port}/sparql")
    status, body = _get(server.url, {"query": query})
    time.sleep(0.05)
    assert listener.count == 0
    assert status in (400, 403), body
    assert "SERVICE" in body or "syntax" in body.lower()


SEALED = """
import socket, sys
import pyoxigraph as ox
from kg.server.workers import _seal
port = int(sys.argv[1])
store = ox.Store()
store.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.NamedNode("urn:o")))
list(store.query("SELECT * WHERE { ?s ?p ?o }"))
_seal(256 << 20)
for query in ("SELECT * { SERVICE <http://127.0.0.1:%d/> { ?s ?p ?o } }" % port,
              "SELECT * { SERVICE SILENT <http://127.0.0.1:%d/> { ?s ?p ?o } }" % port):
    try:
        list(store.query(query))
    except OSError as exc:
        print("refused", exc)
try:
    socket.create_connection(("127.0.0.1", port))
except OSError as exc:
    print("refused", exc)
"""


def test_server_limits_sealed_worker_cannot_connect(listener):
    """Were a SERVICE read by Oxigraph and not by the check, the sealed worker still could
    not open a connection: the guarantee does not rest on the check."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", SEALED, str(listener.port)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("refused") == 2  # SERVICE (not SILENT) and a plain socket
    time.sleep(0.05)
    assert listener.count == 0


def _raw(server, request: bytes, *, read_timeout: float = 10.0) -> tuple[int, bytes, float]:
    """(status or 0 when closed without answer, response, seconds) of one raw request."""
    started = time.monotonic()
    with socket.create_connection(server.server_address[:2], timeout=read_timeout) as sock:
        try:
            sock.sendall(request)
        except OSError:
            pass
        data = b""
        try:
            while chunk := sock.recv(65536):
                data += chunk
        except (ConnectionResetError, TimeoutError):
            pass
    elapsed = time.monotonic() - started
    status = int(data.split()[1]) if data.startswith(b"HTTP/") else 0
    return status, data, elapsed


def _post(headers: str, body: bytes = b"") -> bytes:
    return b"POST /sparql HTTP/1.1\r\nHost: x\r\n" + headers.encode() + b"\r\n" + body


ASK = b"ASK { ?s ?p ?o }"
BODIES = [
    # headers, body, status: the body is never read past the limit
    ("Content-Type: application/sparql-query\r\nContent-Length: -1\r\n", ASK, 400),
    ("Content-Type: application/sparql-query\r\nContent-Length: +16\r\n", ASK, 400),
    ("Content-Type: application/sparql-query\r\nContent-Length: 1e3\r\n", ASK, 400),
    ("Content-Type: application/sparql-query\r\n", ASK, 411),
    ("Content-Type: application/sparql-query\r\nContent-Length: 400000000\r\n", ASK, 413),
    (
        "Content-Type: application/sparql-query\r\nContent-Length: 16\r\nContent-Length: 17\r\n",
        ASK,
        400,
    ),
    (
        "Content-Type: application/sparql-query\r\nContent-Length: 16\r\n"
        "Transfer-Encoding: chunked\r\n",
        b"10\r\n" + ASK + b"\r\n0\r\n\r\n",
        400,
    ),
    (
        "Content-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\n",
        b"6\r\nASK { \r\na\r\n?s ?p ?o }\r\n0\r\n\r\n",
        200,
    ),
    (
        "Content-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\n",
        b"1000\r\n" + b" " * 4096 + b"\r\n1\r\n ",
        413,
    ),
    ("Content-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\n", b"zz\r\n", 400),
    ("Content-Type: application/sparql-query\r\nTransfer-Encoding: gzip\r\n", ASK, 400),
    ("Content-Type: application/sparql-query\r\nContent-Length: 16\r\n", ASK, 200),
]


@pytest.mark.parametrize(("headers", "body", "status"), BODIES)
def test_server_limits_request_bodies(server, headers, body, status):
    got, data, elapsed = _raw(server, _post(headers, body) + b"x" * 100_000)
    assert got == status, data[:300]
    assert elapsed < 5


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"", 0),  # connects and says nothing
        (b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n", 0),  # headers never end
        (_post("Content-Type: application/sparql-query\r\nContent-Length: 100\r\n", b"ASK"), 408),
    ],
)
def test_server_limits_slow_clients_are_cut_off(server, request_bytes, status):
    got, data, elapsed = _raw(server, request_bytes)
    assert got == status, data[:300]
    assert 0.8 < elapsed < 4  # the 1 s deadline of SMALL


def test_server_limits_trickling_headers_are_cut_off(server):
    """A client sending a byte now and then does not reset the header deadline."""
    started = time.monotonic()
    with socket.create_connection(server.server_address[:2], timeout=10) as sock:
        sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\n")
        with pytest.raises(OSError):
            for _ in range(40):
                sock.sendall(b"X")
                time.sleep(0.1)
                if not sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT):
                    raise ConnectionResetError  # closed by the server
    assert time.monotonic() - started < 3.5


def test_server_limits_idle_connections_hold_no_threads(server):
    """Idle connections take no thread each; those beyond the threads and the queue are
    answered 503 at once; once the header deadline passes the server answers again."""
    before = threading.active_count()
    socks = []
    try:
        for _ in range(60):
            socks.append(socket.create_connection(server.server_address[:2], timeout=5))
            time.sleep(0.005)  # the accept loop shares this process's GIL
        assert threading.active_count() <= before
        time.sleep(0.2)
        busy = 0
        for sock in socks:
            sock.settimeout(0.01)
            try:
                busy += sock.recv(64).startswith(b"HTTP/1.1 503")
            except TimeoutError:
                pass
        assert busy >= 60 - SMALL.threads - SMALL.backlog
    finally:
        for sock in socks:
            sock.close()
    time.sleep(1.2)
    assert _get(server.url, {"query": "ASK { ?s ?p ?o }"})[0] == 200


def test_server_limits_vanishing_clients_leave_no_traceback(graph_file, capfd):
    loud, thread = serve_in_thread(graph_file, workers=1, limits=SMALL)
    loud.config.quiet = False
    try:
        for cut in (10, 40, None):
            request = b"GET /sparql?query=SELECT%20*%20%7B%3Fs%20%3Fp%20%3Fo%7D HTTP/1.1\r\n\r\n"
            for _ in range(5):
                sock = socket.create_connection(loud.server_address[:2])
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\0\0\0\0\0\0\0")
                sock.sendall(request[:cut] if cut else request)
                sock.close()  # a reset, mid-request or before the answer is read
        time.sleep(1.5)
        assert _get(loud.url, {"query": "ASK { ?s ?p ?o }"})[0] == 200
    finally:
        loud.close()
        thread.join(10)
    err = capfd.readouterr().err
    assert "Traceback" not in err and "BrokenPipe" not in err and "Error" not in err


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"default-graph-uri": "not an iri"}, 400),
        ({"named-graph-uri": "http://x/g> ; DROP ALL ; <http://y"}, 400),
        ({"default-graph-uri": "urn:g1"}, 200),
        ({"default-graph-uri": ["urn:g1", "urn:g2"], "named-graph-uri": "urn:g1"}, 200),
    ],
)
def test_server_limits_dataset_parameters(server, params, status):
    got, body = _get(server.url, {"query": COUNT, **params})
    assert got == status, body
    if status == 400:
        assert "not an absolute IRI" in body
    assert _count(server.url, COUNT) == N_SUBJECTS + 2  # the workers are still there


@pytest.mark.parametrize(
    ("query", "params", "count"),
    [
        (COUNT, {}, N_SUBJECTS + 2),  # no dataset: the union of all graphs
        ("SELECT (COUNT(*) AS ?n) FROM <urn:g1> WHERE { ?s ?p ?o }", {}, 1),
        ("SELECT (COUNT(*) AS ?n) FROM <urn:g1> FROM <urn:g2> WHERE { ?s ?p ?o }", {}, 2),
        ("SELECT (COUNT(*) AS ?n) FROM <urn:nothing> WHERE { ?s ?p ?o }", {}, 0),
        ("SELECT (COUNT(*) AS ?n) FROM NAMED <urn:g2> WHERE { ?s ?p ?o }", {}, 0),
        ("SELECT (COUNT(*) AS ?n) FROM NAMED <urn:g2> WHERE { GRAPH ?g { ?s ?p ?o } }", {}, 1),
        ("SELECT (COUNT(*) AS ?n) FROM <urn:g1> WHERE { GRAPH ?g { ?s ?p ?o } }", {}, 0),
        # the protocol's dataset overrides the query's
        (
            "SELECT (COUNT(*) AS ?n) FROM <urn:g1> WHERE { ?s ?p ?o }",
            {"default-graph-uri": "urn:g2"},
            1,
        ),
        (
            "SELECT (COUNT(*) AS ?n) FROM <urn:g1> WHERE { GRAPH ?g { ?s ?p ?o } }",
            {"named-graph-uri": ["urn:g1", "urn:g2"]},
            2,
        ),
    ],
)
def test_server_limits_from_is_honoured(server, query, params, count):
    assert _count(server.url, query, **params) == count


def test_server_limits_relative_from_is_refused(server):
    status, body = _get(server.url, {"query": "SELECT * FROM <g> WHERE { ?s ?p ?o }"})
    assert status == 400, body


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return 0.0


HOSTILE = "SELECT * WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z } ORDER BY RAND()"


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="reads RSS from /proc")
def test_server_limits_hostile_query_hits_the_memory_limit(server):
    """A cartesian join sorted at random: its worker stops at 256 MB (RSS under 400 MB,
    the server process itself grows by under 50 MB), the query gets 503, and simple
    queries are answered afterwards."""
    server_before = _rss_mb(os.getpid())
    peak = {"worker": 0.0, "server": 0.0}
    watching = threading.Event()

    def watch() -> None:
        while not watching.is_set():
            for worker in list(server.pool._workers):
                peak["worker"] = max(peak["worker"], _rss_mb(worker.process.pid))
            peak["server"] = max(peak["server"], _rss_mb(os.getpid()))
            time.sleep(0.01)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        status, body = _get(server.url, {"query": HOSTILE})
    finally:
        watching.set()
        watcher.join()
    assert status == 503 and "memory limit of 256 MB" in body, body
    assert peak["worker"] < 400
    assert peak["server"] - server_before < 50
    for _ in range(3):
        assert _count(server.url, COUNT) == N_SUBJECTS + 2


def test_server_limits_answers_fifty_concurrent_clients(graph_file):
    """50 clients, 20 simple queries each, on loopback: at least 99.9 % answered right."""
    load, thread = serve_in_thread(graph_file, workers=2, timeout=20.0)
    clients, per_client = 50, 20
    right = []
    wrong = []
    lock = threading.Lock()
    start = threading.Barrier(clients)

    def client(i: int) -> None:
        start.wait()
        for j in range(per_client):
            query = f"ASK {{ <urn:s{(i * per_client + j) % N_SUBJECTS}> <urn:p> ?o }}"
            try:
                status, body = _get(load.url, {"query": query})
                ok = status == 200 and json.loads(body)["boolean"] is True
            except Exception as exc:  # a reset or a timeout counts as a wrong answer
                ok, body = False, repr(exc)
            with lock:
                (right if ok else wrong).append(body)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    finally:
        load.close()
        thread.join(10)
    assert len(right) + len(wrong) == clients * per_client
    assert len(right) / (clients * per_client) >= 0.999, wrong[:3]


def test_server_limits_keep_alive_after_a_body(server):
    """Two POSTs on one connection: the first body is read in full, the second request is
    read as a request; a POST elsewhere is answered and the connection closed, its body unread."""
    import http.client

    conn = http.client.HTTPConnection(*server.server_address[:2], timeout=10)
    try:
        for _ in range(2):
            conn.request("POST", "/sparql", ASK, {"Content-Type": "application/sparql-query"})
            resp = conn.getresponse()
            assert resp.status == 200 and json.loads(resp.read())["boolean"] is True
        conn.request("POST", "/elsewhere", ASK, {"Content-Type": "application/sparql-query"})
        resp = conn.getresponse()
        assert resp.status == 404 and resp.getheader("Connection") == "close"
        resp.read()
    finally:
        conn.close()
