"""Time a build through a Dask cluster against the same build with local processes.

Starts ``dask scheduler`` and ``--workers`` ``dask worker`` processes (one thread each,
the lexicon loaded as they start) on loopback, then runs ``kg build CORPUS --out DIR``
with ``--cluster`` and with ``--jobs N`` (N = the workers), ``--repeat`` times in pairs
(which runs first alternates), checks that both wrote the same ``graph.ttl`` and prints
each pair's ratio and their median as JSON. The workers are started once, before the
pairs, as a cluster that serves many builds would be.

    python bench/cluster.py --articles 1000
    python bench/cluster.py --feed FEED.jsonl --repeat 3
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (bench/corpus.py)
from run import measure  # noqa: E402  (bench/run.py)

__all__ = ["main", "start_cluster"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_cluster(workers: int, logs: Path) -> tuple[str, list[subprocess.Popen]]:
    """A scheduler and ``workers`` workers on loopback; their address and processes."""
    from distributed import Client

    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    dask = [sys.executable, "-m", "dask"]
    procs = [
        subprocess.Popen(
            [*dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
            stdout=subprocess.DEVNULL,
            stderr=(logs / "scheduler.log").open("wb"),
        )
    ]
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), 1).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                raise SystemExit("the Dask scheduler did not start") from None
            time.sleep(0.2)
    for n in range(workers):
        procs.append(
            subprocess.Popen(
                [*dask, "worker", address, "--nthreads", "1", "--host", "127.0.0.1"]
                + ["--no-dashboard", "--preload", "kg.build.cluster", "--name", f"w{n}"],
                stdout=subprocess.DEVNULL,
                stderr=(logs / f"worker{n}.log").open("wb"),
            )
        )
    with Client(address, timeout=30, set_as_default=False) as client:
        client.wait_for_workers(workers, timeout=180)
    return address, procs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="generated articles")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--feed", type=Path, help="a JSONL feed instead of generated articles")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-cluster-bench-") as tmp:
        work = Path(tmp)
        data = args.feed or corpus.write_corpus(work / "corpus.jsonl", args.articles, args.seed)
        address, procs = start_cluster(args.workers, work)
        try:
            kg = [sys.executable, "-m", "kg", "build", str(data), "--no-html", "--no-progress"]
            local_cmd = [*kg, "--out", str(work / "local"), "--jobs", str(args.workers)]
            cluster_cmd = [*kg, "--out", str(work / "cluster"), "--cluster", address]
            pairs = []
            for n in range(max(1, args.repeat)):
                if n % 2 == 0:
                    local, remote = measure(local_cmd), measure(cluster_cmd)
                else:
                    remote, local = measure(cluster_cmd), measure(local_cmd)
                same = (work / "local" / "graph.ttl").read_bytes() == (
                    work / "cluster" / "graph.ttl"
                ).read_bytes()
                if local["code"] or remote["code"] or not same:
                    raise SystemExit(f"the builds failed or differ: {local} {remote} {same}")
                print(
                    f"   --jobs {args.workers}: {local['wall']:.1f} s, --cluster: "
                    f"{remote['wall']:.1f} s",
                    file=sys.stderr,
                )
                pairs.append((local, remote))
        finally:
            for proc in reversed(procs):
                proc.terminate()
            for proc in reversed(procs):
                proc.wait(60)
    ratios = [r["wall"] / loc["wall"] for loc, r in pairs]
    print(
        json.dumps(
            {
                "corpus": str(args.feed) if args.feed else f"{args.articles} generated articles",
                "workers": args.workers,
                "jobs_best_s": round(min(loc["wall"] for loc, _ in pairs), 2),
                "cluster_best_s": round(min(r["wall"] for _, r in pairs), 2),
                "ratios": [round(x, 2) for x in ratios],
                "median_ratio": round(statistics.median(ratios), 2),
                "identical_turtle": True,
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
