"""How long a trivial ASK waits at ``kg serve`` while long queries hold every query worker.

Starts the endpoint (``--workers 2``) on a graph (the seed built into a temporary folder,
unless ``--graph`` names one), sends two queries that run until the time limit, waits until
both are on a worker, then times ``ASK { ?s ?p ?o }`` from request to answer: with the fast
lane (``--fast-lane``, default 1 s) and without it (``--fast-lane 0``, as before the lane
existed). Prints one line per setting.

    python bench/fast_lane.py                      # the seed, --timeout 10, 3 runs each
    python bench/fast_lane.py --graph out --timeout 20 --repeat 5
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

__all__ = ["main", "ask_latency"]

LONG = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
ASK = "ASK { ?s ?p ?o }"


def _get(url: str, query: str, timeout: float) -> int:
    full = url + "?" + urllib.parse.urlencode({"query": query})
    try:
        with urllib.request.urlopen(full, timeout=timeout) as answer:
            answer.read()
            return answer.status
    except urllib.error.HTTPError as exc:
        return exc.code


def ask_latency(graph: Path, *, fast_lane: float, timeout: float, workers: int = 2) -> dict:
    """One run: the ASK's status and seconds while ``workers`` long queries run."""
    from kg.server.app import make_server

    server = make_server(
        graph, port=0, quiet=True, workers=workers, timeout=timeout, fast_lane=fast_lane
    )
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()
    long_ones = [
        threading.Thread(target=_get, args=(server.url, LONG, timeout * 3), daemon=True)
        for _ in range(workers)
    ]
    try:
        for thread in long_ones:
            thread.start()
        while server.pool.running() < workers:  # every worker busy with a long query
            time.sleep(0.02)
        started = time.perf_counter()
        status = _get(server.url, ASK, timeout * 3)
        seconds = time.perf_counter() - started
        still_running = sum(thread.is_alive() for thread in long_ones)
    finally:
        server.close()
        serving.join(10)
        for thread in long_ones:
            thread.join(timeout * 3)
    return {"status": status, "seconds": seconds, "long_still_running": still_running}


def _seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.1f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--graph", type=Path, help="GRAPH to serve (default: the seed, built)")
    parser.add_argument("--timeout", type=float, default=10.0, help="kg serve --timeout")
    parser.add_argument("--fast-lane", type=float, default=1.0, help="kg serve --fast-lane")
    parser.add_argument("--repeat", type=int, default=3, help="runs per setting")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-bench-lane-") as work:
        graph = args.graph
        if graph is None:
            from kg.build import build

            graph = Path(work) / "seed"
            build([ROOT / "seeds"], graph)
        print(
            f"kg serve {graph} --workers 2 --timeout {args.timeout:g}: a trivial ASK while "
            f"two queries that run until the time limit hold both workers ({args.repeat} runs)"
        )
        for lane in (args.fast_lane, 0.0):
            runs = [
                ask_latency(graph, fast_lane=lane, timeout=args.timeout) for _ in range(args.repeat)
            ]
            times = [r["seconds"] for r in runs]
            setting = f"--fast-lane {lane:g}" if lane else "--fast-lane 0 (no fast lane)"
            statuses = ", ".join(str(r["status"]) for r in runs)
            running = ", ".join(str(r["long_still_running"]) for r in runs)
            print(
                f"{setting:<30} the ASK's answer after {_seconds(statistics.median(times))} "
                f"(median; runs {', '.join(_seconds(t) for t in times)}; HTTP status {statuses}; "
                f"long queries still running then: {running})",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
