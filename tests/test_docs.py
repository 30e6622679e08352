"""The README documents every command and its two set-up commands work."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from rdflib import Graph

from kg.cli import make_parser

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    parser = make_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sorted(sub.choices)


@pytest.mark.parametrize("command", _commands())
def test_docs_readme_documents_every_command(command):
    assert re.search(rf"`kg {command}\b", README), f"kg {command} is not in the README"


def _options() -> list[tuple[str, tuple[str, ...]]]:
    """(command, the option strings of one option) for every option of every command."""
    parser = make_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return [
        (name, tuple(action.option_strings))
        for name, command in sorted(sub.choices.items())
        for action in command._actions
        if action.option_strings and action.dest != "help"
    ]


@pytest.mark.parametrize(("command", "strings"), _options())
def test_docs_readme_documents_every_option(command, strings):
    """An option is documented when the README writes it in any of its spellings."""
    assert any(re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", README) for s in strings), (
        f"kg {command} {strings[0]} is not in the README"
    )


@pytest.mark.parametrize("line", ["python3 dev.py build", "python3 dev.py test"])
def test_docs_readme_gives_the_two_setup_commands(line):
    assert line in README


def test_docs_readme_build_command_builds_the_seed(tmp_path):
    if not (ROOT / ".venv").exists():
        pytest.skip("dev.py has not created .venv here (run `python3 dev.py test`)")
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, str(ROOT / "dev.py"), "build", "seeds", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    assert "agreements:" in run.stdout
    assert len(Graph().parse(out / "graph.ttl")) > 500
