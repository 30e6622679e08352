"""The ``kg`` command line: each command module declares its options and calls the library."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from kg import __version__
from kg.errors import KgError

__all__ = ["main", "make_parser", "CommandParser"]


class CommandParser(argparse.ArgumentParser):
    """The parser of one command: options may come anywhere among the positionals
    (``kg query out -f csv science-cities``), as :meth:`parse_intermixed_args` reads them."""

    _intermixing = False

    def parse_known_args(self, args=None, namespace=None):  # noqa: D102 - argparse's
        if self._intermixing:  # parse_known_intermixed_args calls back here, twice
            return super().parse_known_args(args, namespace)
        self._intermixing = True
        usage = self.usage
        if usage is None:
            # argparse freezes the usage text while it intermixes, then formats it with %:
            # a % of a metavar (N|P%) must be doubled
            self.usage = self.format_usage().removeprefix("usage: ").rstrip("\n").replace("%", "%%")
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._intermixing = False
            self.usage = usage


def make_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every command of this package (modules in ``kg.cli``), or
    with ``command`` alone when it names one: a command imports only the library it calls."""
    parser = argparse.ArgumentParser(
        prog="kg", description="Knowledge graphs from Chinese regional-cooperation news."
    )
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=CommandParser
    )
    names = sorted(m.name for m in pkgutil.iter_modules(__path__))
    for name in [command] if command in names else names:
        module = importlib.import_module(f"{__name__}.{name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)
    return parser


def _command_of(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names: its first word that is not an option (the top level
    takes no option with a value)."""
    return next((a for a in argv if not a.startswith("-")), None)


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; a :class:`~kg.errors.KgError` becomes one line on stderr and its exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = make_parser(_command_of(argv))
    args, extra = parser.parse_known_args(argv)
    if extra:  # said by the command's parser, so that the message names the command
        _command_parser(parser, args.command).error(f"unrecognized arguments: {' '.join(extra)}")
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


def _command_parser(parser: argparse.ArgumentParser, command: str) -> argparse.ArgumentParser:
    """The parser of one command of ``parser``."""
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices[command]
