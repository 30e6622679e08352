"""The ``kg`` command line: each command module declares its options and calls the library."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from kg import __version__
from kg.errors import KgError

__all__ = ["main", "make_parser"]


def make_parser() -> argparse.ArgumentParser:
    """The argument parser with every command of this package (modules in ``kg.cli``)."""
    parser = argparse.ArgumentParser(
        prog="kg", description="Knowledge graphs from Chinese regional-cooperation news."
    )
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; a :class:`~kg.errors.KgError` becomes one line on stderr and its exit code."""
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KgError as exc:
        print(f"kg {args.command}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
