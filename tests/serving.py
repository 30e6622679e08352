"""Start kg serve's server in a thread of the test process, on loopback."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from kg.server.app import make_server


def serve_in_thread(graph: Path, **options: Any) -> tuple[Any, threading.Thread]:
    """A server over ``graph`` on a free loopback port, serving from a daemon thread."""
    server = make_server(graph, host="127.0.0.1", port=0, quiet=True, **options)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread
