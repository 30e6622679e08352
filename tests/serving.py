"""Start servers on loopback for the tests: kg serve's, in a thread of the test process or as
a command, and Oxigraph's own server."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.server.app import make_server

ROOT = Path(__file__).resolve().parent.parent


def serve_in_thread(graph: Path, **options: Any) -> tuple[Any, threading.Thread]:
    """A server over ``graph`` on a free loopback port, serving from a daemon thread."""
    server = make_server(graph, host="127.0.0.1", port=0, quiet=True, **options)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


@contextlib.contextmanager
def serve_command(graph: Path | str, *options: str) -> Iterator[str]:
    """``kg serve GRAPH OPTIONS`` as a user starts it, on a free loopback port: yields the
    endpoint's URL from the line it prints; stopped with SIGTERM (as Ctrl-C would) at the end."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "kg", "serve", str(graph), "--port", "0", "--quiet"]
    proc = subprocess.Popen(
        [*command, *options], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        line = proc.stdout.readline()
        if not line.startswith("SPARQL endpoint at http://"):
            proc.kill()
            raise AssertionError(f"kg serve {graph} did not start: {line}{proc.stderr.read()}")
        yield line.split()[3]
    finally:
        stop(proc, signal.SIGTERM, 20)


def stop(proc: subprocess.Popen, sig: int = signal.SIGTERM, timeout: float = 10) -> None:
    """Stop ``proc`` with ``sig`` (as Ctrl-C or a service manager would), killed if it does
    not end within ``timeout`` seconds."""
    proc.send_signal(sig)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        pass
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def free_port() -> int:
    """A loopback port free now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` server of the environment the tests run in, else one on PATH."""
    local = Path(sys.executable).with_name("oxigraph")
    return str(local) if local.exists() else shutil.which("oxigraph")


@contextlib.contextmanager
def oxigraph_serve(binary: str, location: Path) -> Iterator[str]:
    """``oxigraph serve`` over ``location`` on a free loopback port: yields its base URL once
    it answers a query; stopped at the end."""
    base = f"http://127.0.0.1:{free_port()}"
    proc = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", base.removeprefix("http://")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    proc.kill()
                    err = proc.stderr.read().decode() if proc.stderr else ""
                    raise AssertionError(f"oxigraph serve did not start: {err[:300]}") from None
                time.sleep(0.1)
        yield base
    finally:
        stop(proc)
