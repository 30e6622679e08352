#!/usr/bin/env python3
"""Set-up and everyday commands: ``python3 dev.py build`` and ``python3 dev.py test``.

Both create ``.venv`` beside this file on first use and install the package into it
(again whenever ``pyproject.toml`` changes), so a fresh machine needs only Python 3.11+.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def ensure_venv(extras: str) -> None:
    """Create the virtual environment and install the package with ``extras`` if needed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs before the venv exists
        sys.exit(f"dev.py: Python 3.11 or newer is needed (this is {sys.version.split()[0]})")
    if not PYTHON.exists():
        print(f"dev.py: creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    stamp = VENV / f".installed-{extras or 'base'}-{digest}"
    if stamp.exists():
        return
    print(f"dev.py: installing chengyu-kg[{extras}] into {VENV}", flush=True)
    target = f".[{extras}]" if extras else "."
    subprocess.run(
        [
            str(PYTHON),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-e",
            target,
        ],
        cwd=ROOT,
        check=True,
    )
    stamp.touch()


def main(argv: list[str]) -> int:
    usage = "usage: python3 dev.py build [KG BUILD OPTIONS] | test [PYTEST OPTIONS]"
    if not argv or argv[0] not in {"build", "test"}:
        print(usage, file=sys.stderr)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "build":
        ensure_venv("")
        args = rest or ["seeds", "--out", "out"]
        return subprocess.run([str(PYTHON), "-m", "kg", "build", *args], cwd=ROOT).returncode
    ensure_venv("test")
    code = subprocess.run([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT).returncode
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
