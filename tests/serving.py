"""Start kg serve's server on loopback: in a thread of the test process, or as a command."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
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
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(20)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
