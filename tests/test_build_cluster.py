"""Builds on a Dask cluster (a real scheduler and two workers, separate processes on
loopback) write the graph a local build writes; N-Quads parts load into a store as it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from kg.build import build
from kg.errors import InputError
from tests.conftest import DATA, ROOT, SEED
from tests.serving import free_port, oxigraph_binary, oxigraph_serve

CORPUS = [SEED, DATA / "corpus" / "dev"]


def _missing(what: str) -> None:
    if os.environ.get("KG_REQUIRE_SERVERS") == "1":
        pytest.fail(f"{what} is missing (pip install 'chengyu-kg[cluster]')")
    pytest.skip(f"{what} is missing (pip install 'chengyu-kg[cluster]')")


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """``dask scheduler`` and two ``dask worker`` processes (one thread each, the lexicon
    loaded as they start) on free loopback ports; stopped after the module."""
    try:
        from distributed import Client
    except ImportError:
        _missing("Dask distributed")
    logs = tmp_path_factory.mktemp("dask")
    address = f"tcp://127.0.0.1:{free_port()}"
    dask = [sys.executable, "-m", "dask"]
    procs = [
        subprocess.Popen(
            [*dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1]]
            + ["--no-dashboard"],
            stdout=subprocess.DEVNULL,
            stderr=open(logs / "scheduler.log", "wb"),  # noqa: SIM115 - closed with the process
            cwd=ROOT,
        )
    ]
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", int(address.rsplit(":", 1)[1])), 1).close()
                break
            except OSError:
                if time.monotonic() > deadline or procs[0].poll() is not None:
                    pytest.fail("the Dask scheduler did not start: " + _log(logs / "scheduler.log"))
                time.sleep(0.2)
        for n in range(2):
            procs.append(
                subprocess.Popen(
                    [*dask, "worker", address, "--nthreads", "1", "--host", "127.0.0.1"]
                    + ["--no-dashboard", "--preload", "kg.build.cluster", "--name", f"w{n}"],
                    stdout=subprocess.DEVNULL,
                    stderr=open(logs / f"worker{n}.log", "wb"),  # noqa: SIM115
                    cwd=ROOT,
                )
            )
        with Client(address, timeout=30, set_as_default=False) as client:
            client.wait_for_workers(2, timeout=120)
            assert len(client.nthreads()) == 2
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in reversed(procs):
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _log(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")[-2000:]


def _store_graphs(paths: list[Path]) -> dict[str, Graph]:
    """Each graph of the N-Quads files once loaded into one Oxigraph store, by name."""
    import pyoxigraph as ox

    store = ox.Store()
    for path in paths:
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    lines: dict[str, list[str]] = {}
    for quad in store:
        lines.setdefault(str(quad.graph_name), []).append(
            f"{quad.subject} {quad.predicate} {quad.object} ."
        )
    return {name: Graph().parse(data="\n".join(nt), format="nt") for name, nt in lines.items()}


def _same_dataset(a: dict[str, Graph], b: dict[str, Graph]) -> bool:
    return sorted(a) == sorted(b) and all(isomorphic(a[name], b[name]) for name in a)


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    """The local build with two worker processes: Turtle and N-Quads."""
    out = tmp_path_factory.mktemp("local")
    build(CORPUS, out, jobs=2, html=False, formats=("turtle", "nquads"))
    return out


@pytest.mark.parametrize("formats", [("turtle",), ("turtle", "nquads")])
def test_build_cluster_writes_the_graph_of_a_local_build(scheduler, local, tmp_path, formats):
    result = build(CORPUS, tmp_path, cluster=scheduler, html=False, formats=formats)
    articles = 1 + len(list((DATA / "corpus" / "dev").glob("*.txt")))  # the seed and the dev set
    assert len(result.documents) == articles and not result.rejects
    for name in ("graph.ttl", "graph.nq") if "nquads" in formats else ("graph.ttl",):
        assert (tmp_path / name).read_bytes() == (local / name).read_bytes(), name
    assert isomorphic(Graph().parse(tmp_path / "graph.ttl"), Graph().parse(local / "graph.ttl"))


@pytest.mark.parametrize("where", ["cluster", "local"])
def test_build_cluster_parts_load_as_the_local_graph(scheduler, local, tmp_path, where):
    parts = tmp_path / "parts"
    (parts).mkdir()
    (parts / "part-000099.nq").write_text("<a:stale> <a:p> <a:o> .\n", encoding="utf-8")
    options = {"cluster": scheduler} if where == "cluster" else {"jobs": 2}
    result = build(CORPUS, parts=parts, **options)
    files = sorted(parts.glob("part-*.nq"))
    assert result.parts == len(files) > 1
    assert [f.name for f in files] == [f"part-{i:06d}.nq" for i in range(len(files))]
    assert (parts / "rejects.jsonl").read_text(encoding="utf-8") == ""
    assert not [p for p in parts.iterdir() if p.name.startswith(".")]
    assert _same_dataset(_store_graphs(files), _store_graphs([local / "graph.nq"]))


def test_build_cluster_cli_builds_through_the_scheduler(scheduler, local, tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "kg", "build", *map(str, CORPUS), "--out", str(tmp_path)]
        + ["--cluster", scheduler, "--no-html"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "graph.ttl").read_bytes() == (local / "graph.ttl").read_bytes()


# A correction and a user's name for the seed: each changes its graph.
CURATION = {
    "corrections.toml": (
        '[[correction]]\nid = "c1"\nkind = "add-alias"\nentity = "重庆市科技局"\n'
        'alias = "重庆科技局"\nwhy = "the short name"\nwho = "Analyst"\nwhen = 2024-05-01\n'
    ),
    "names.tsv": "name\tclass\tjurisdiction\n西部槽谷\tDistrict\t重庆市\n",
}


def test_build_cluster_curates_as_a_local_build(scheduler, tmp_path):
    for name, text in CURATION.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    options = {"corrections": tmp_path / "corrections.toml", "lexicon": tmp_path / "names.tsv"}
    built = {}
    for where, how in (("local", {"jobs": 2}), ("cluster", {"cluster": scheduler})):
        result = build([SEED], tmp_path / where, html=False, **options, **how)
        assert result.corrections.applied and not result.corrections.unmatched, where
        built[where] = (tmp_path / where / "graph.ttl").read_bytes()
    build([SEED], tmp_path / "plain", html=False, jobs=2)
    assert built["cluster"] == built["local"]
    names = {
        where: set(Graph().parse(tmp_path / where / "graph.ttl").objects())
        for where in ("cluster", "plain")
    }
    for name in ("重庆科技局", "西部槽谷"):  # the correction's alias, the user's name
        label = Literal(name, lang="zh")
        assert label in names["cluster"] and label not in names["plain"], name


# (the --cluster value, the exit code, what the one line on stderr says)
UNREACHABLE = [
    ("tcp://127.0.0.1:{free}", 1, "cannot reach the Dask scheduler (Connection refused)"),
    ("127.0.0.1:8786", 2, "give the scheduler as tcp://HOST:PORT"),
    ("tcp://127.0.0.1", 2, "give the scheduler as tcp://HOST:PORT"),
    ("tcp://127.0.0.1:99999", 2, "give the scheduler as tcp://HOST:PORT"),
    ("http://127.0.0.1:8786", 2, "give the scheduler as tcp://HOST:PORT"),
]


@pytest.mark.parametrize(("address", "code", "message"), UNREACHABLE)
def test_build_cluster_unreachable_scheduler_is_one_line(tmp_path, address, code, message):
    address = address.format(free=free_port())
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(SEED), "--out", str(tmp_path / "out")]
        + ["--cluster", address, "--cluster-timeout", "5"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert run.returncode == code
    assert run.stderr.count("\n") == 1 and message in run.stderr, run.stderr
    assert "Traceback" not in run.stderr
    assert time.monotonic() - started < 60
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_build_cluster_scheduler_without_workers_is_one_line(tmp_path):
    """A scheduler no worker joined: the build stops after --cluster-timeout, not hangs."""
    port = free_port()
    scheduler = subprocess.Popen(
        [sys.executable, "-m", "dask", "scheduler", "--host", "127.0.0.1", "--port", str(port)]
        + ["--no-dashboard"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), 1).close()
                break
            except OSError:
                assert time.monotonic() < deadline and scheduler.poll() is None
                time.sleep(0.2)
        run = subprocess.run(
            [sys.executable, "-m", "kg", "build", str(SEED), "--out", str(tmp_path / "out")]
            + ["--cluster", f"tcp://127.0.0.1:{port}", "--cluster-timeout", "3"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )
    finally:
        scheduler.terminate()
        scheduler.wait(30)
    assert run.returncode == 1
    assert run.stderr.count("\n") == 1 and "has no workers" in run.stderr, run.stderr


def test_build_cluster_parts_exclude_out_and_store(tmp_path):
    with pytest.raises(InputError, match="without --out and --store"):
        build([SEED], tmp_path / "out", parts=tmp_path / "parts")


@pytest.mark.parametrize("option", ["--segmenter", "--cluster", "--cluster-timeout", "--parts"])
def test_build_cluster_options_in_the_readme(option):
    assert f"`{option}" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    """A real ``oxigraph serve`` on a free loopback port, stopped after the module."""
    binary = oxigraph_binary()
    if binary is None:
        _missing("the oxigraph server binary")
    with oxigraph_serve(binary, tmp_path_factory.mktemp("oxigraph-server")) as base:
        yield base


def test_build_cluster_parts_pushed_to_a_server_hold_the_union(oxigraph_server, local, tmp_path):
    from kg.sparql.push import fetch_graph, push

    parts = tmp_path / "parts"
    build(CORPUS, parts=parts, jobs=1)
    endpoint = f"{oxigraph_server}/store"
    for part in sorted(parts.glob("part-*.nq")):
        push(part, endpoint, append=True)
    pushed = Graph().parse(data=fetch_graph(endpoint), format="nt")
    union = Graph()
    for graph in _store_graphs([local / "graph.nq"]).values():
        union += graph
    assert isomorphic(pushed, union)
