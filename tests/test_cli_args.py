"""The command line's grammar and install: options among positionals, errors that name the
command, ``--format`` adding to Turtle, ``kg eval`` of any graph format, named queries that
need a binding, and the ``notebook`` extra the README tells how to use."""

from __future__ import annotations

import ast
import json
import re
import tomllib
from importlib.metadata import packages_distributions

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.cli import main, make_parser
from kg.io.graph_files import load_graph
from kg.sparql import missing_bindings, named_queries, required_bindings, resolve_query

from .conftest import DATA, ROOT, SEED

pytest_plugins = ["tests.fixtures_seed"]

GOLD = DATA / "gold" / "seed"


def _commands() -> list[str]:
    parser = make_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sorted(sub.choices)


def _run(capsys, argv: list[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


# (options in the usual place, the same options moved among or before the positionals)
INTERMIXED = [
    (
        ["query", "{g}", "science-cities", "-f", "csv"],
        ["query", "{g}", "-f", "csv", "science-cities"],
    ),
    (
        ["query", "{g}", "science-cities", "-f", "csv"],
        ["query", "-f", "csv", "{g}", "science-cities"],
    ),
    (
        ["query", "{g}", "agreements-of", "--bind", "name=重庆市科技局", "-f", "csv"],
        ["query", "--bind", "name=重庆市科技局", "{g}", "-f", "csv", "agreements-of"],
    ),
    (["show", "{g}", "重庆市科技局", "-f", "json"], ["show", "{g}", "-f", "json", "重庆市科技局"]),
    (["timeline", "{g}", "--pair", "--by", "year"], ["timeline", "--pair", "{g}", "--by", "year"]),
    (
        ["analyze", "{g}", "-f", "json", "--top", "3"],
        ["analyze", "--top", "3", "{g}", "-f", "json"],
    ),
    (["eval", str(GOLD), "{g}", "--json"], ["eval", str(GOLD), "--json", "{g}"]),
]


@pytest.mark.parametrize(("usual", "moved"), INTERMIXED)
def test_cli_args_options_go_anywhere_among_positionals(capsys, seed_dir, usual, moved):
    outputs = []
    for argv in (usual, moved):
        code, out, err = _run(capsys, [a.replace("{g}", str(seed_dir)) for a in argv])
        assert code == 0, err
        outputs.append(out)
    assert outputs[0] == outputs[1] and outputs[0].strip()


# (arguments, the start of the one error line)
ERRORS = [
    (
        ["query", "{g}", "science-cities", "surplus"],
        "kg query: error: unrecognized arguments: surplus",
    ),
    (["query", "{g}", "science-cities", "-f", "yaml"], "kg query: error: argument --format/-f"),
    (["show", "{g}"], "kg show: error: the following arguments are required: NAME"),
    (["timeline", "{g}", "--by", "week"], "kg timeline: error: argument --by"),
    (["build", "{g}", "--bogus"], "kg build: error: unrecognized arguments: --bogus"),
    (["export", "{g}", "-f", "xml"], "kg export: error: argument --format/-f"),
]


@pytest.mark.parametrize(("argv", "message"), ERRORS)
def test_cli_args_errors_name_the_command(capsys, seed_dir, argv, message):
    code, out, err = _run(capsys, [a.replace("{g}", str(seed_dir)) for a in argv])
    assert code == 2
    assert err.splitlines()[-1].startswith(message), err
    assert "Traceback" not in err


@pytest.mark.parametrize("command", _commands())
def test_cli_args_every_command_prints_its_help(capsys, command):
    """Help is printed whatever the usage holds (a % in a metavar, say)."""
    code, out, err = _run(capsys, [command, "--help"])
    assert code == 0 and out.startswith(f"usage: kg {command} "), err


# (--format options given to kg build, the files the build folder must then hold)
BUILD_FORMATS = [
    ([], {"graph.ttl"}),
    (["--format", "ntriples"], {"graph.ttl", "graph.nt"}),
    (["--format", "jsonld", "--format", "trig"], {"graph.ttl", "graph.jsonld", "graph.trig"}),
    (["--format", "turtle", "--format", "nquads"], {"graph.ttl", "graph.nq"}),
]


@pytest.mark.parametrize(("options", "files"), BUILD_FORMATS)
def test_cli_args_build_format_adds_to_turtle(capsys, tmp_path, seed_dir, options, files):
    out = tmp_path / "out"
    code, _, err = _run(capsys, ["build", str(SEED), "--out", str(out), "--no-html", *options])
    assert code == 0, err
    written = {p.name for p in out.iterdir()} - {"rejects.jsonl"}
    assert written == files
    seed = Graph().parse(seed_dir / "graph.ttl")
    for name in files:
        assert isomorphic(load_graph(out / name), seed), name


@pytest.fixture(scope="module")
def seed_formats(tmp_path_factory):
    """The seed written in every format ``kg export`` writes, and as a store."""
    work = tmp_path_factory.mktemp("eval-forms")
    files = {}
    for fmt, suffix in (
        ("turtle", "ttl"),
        ("ntriples", "nt"),
        ("trig", "trig"),
        ("nquads", "nq"),
        ("jsonld", "jsonld"),
    ):
        files[fmt] = work / f"seed.{suffix}"
    assert main(["build", str(SEED), "--store", str(work / "store"), "--no-html"]) == 0
    for fmt, path in files.items():
        assert main(["export", str(work / "store"), "-f", fmt, "-o", str(path)]) == 0
    files["store"] = work / "store"
    return files


@pytest.mark.parametrize("form", ["turtle", "ntriples", "trig", "nquads", "jsonld", "store"])
def test_cli_args_eval_reads_every_graph_format(capsys, seed_dir, seed_formats, form):
    code, out, err = _run(capsys, ["eval", str(GOLD), str(seed_dir), "--json"])
    assert code == 0, err
    expected = json.loads(out)
    code, out, err = _run(capsys, ["eval", str(GOLD), str(seed_formats[form]), "--json"])
    assert code == 0, err
    assert json.loads(out) == expected


# (query text, the variables it requires)
REQUIRED = [
    ("# One party's agreements.\n# Requires: ?name\nSELECT * WHERE { ?a ?p ?name }", ("name",)),
    ("# Two.\n#requires: ?a, $b ?a\nSELECT * WHERE { ?a ?p ?b }", ("a", "b")),
    ("\ufeff# Requires: ?x\n\nSELECT * WHERE { ?x ?p ?o }", ("x",)),
    ("SELECT * WHERE { ?s ?p ?o }\n# Requires: ?o", ()),
    ("# Requires nothing: this line has no colon after the word\nSELECT * {}", ()),
    ("PREFIX x: <http://x/>\n# Requires: ?s\nSELECT * WHERE { ?s ?p ?o }", ()),
]


@pytest.mark.parametrize(("text", "required"), REQUIRED)
def test_cli_args_required_bindings_are_read_from_the_opening_comments(text, required):
    assert required_bindings(text) == required
    assert missing_bindings(text, {v: "x" for v in required}) == ()
    assert missing_bindings(text, {}) == required


def test_cli_args_agreements_of_is_the_named_query_that_needs_a_binding():
    needing = {name: q.required for name, q in named_queries().items() if q.required}
    assert needing == {"agreements-of": ("name",)}


# (arguments, exit code, what the one line on stderr says, or a row stdout must hold)
BINDINGS = [
    (
        ["agreements-of"],
        2,
        "kg query: error: agreements-of needs a value for ?name: give --bind name=VALUE",
    ),
    (["agreements-of", "--bind", "other=x"], 2, "needs a value for ?name"),
    (
        ["agreements-of", "--bind", "name=重庆市科技局", "-f", "csv"],
        0,
        "重庆市科学技术局,成都市科学技术局",
    ),
    (["agreements-of", "--bind", "name=nobody", "-f", "csv"], 0, None),
]


@pytest.mark.parametrize(("argv", "code", "says"), BINDINGS)
def test_cli_args_a_query_refuses_to_run_without_its_binding(capsys, seed_dir, argv, code, says):
    got, out, err = _run(capsys, ["query", str(seed_dir), *argv])
    assert got == code
    if code:
        assert err.count("\n") == 1 and says in err and not out
    elif says:
        assert says in out
    else:
        assert out.strip() == "agreement,date,party,otherParty"


def test_cli_args_a_query_file_may_require_a_binding_too(capsys, seed_dir, tmp_path):
    rq = tmp_path / "mine.rq"
    rq.write_text(
        "# Labels of one thing.\n# Requires: ?thing\n"
        "SELECT ?label WHERE { ?thing <http://www.w3.org/2000/01/rdf-schema#label> ?label }",
        encoding="utf-8",
    )
    code, _, err = _run(capsys, ["query", str(seed_dir), str(rq)])
    assert code == 2 and "needs a value for ?thing" in err
    iri = "<https://w3id.org/chengyu-kg/id/city/500000>"
    code, out, _ = _run(
        capsys, ["query", str(seed_dir), str(rq), "--bind", f"thing={iri}", "-f", "csv"]
    )
    assert code == 0 and out.splitlines() == ["label", "重庆市"]


def test_cli_args_a_long_query_on_one_line_is_not_taken_for_a_file_name(capsys, seed_dir):
    long_query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o " + "FILTER(true) " * 40 + "}"
    assert len(long_query) > 300 and resolve_query(long_query) == long_query
    code, out, err = _run(capsys, ["query", str(seed_dir), long_query, "-f", "csv"])
    assert code == 0, err


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _requirement_name(spec: str) -> str:
    return re.split(r"[<>=!~\[; ]", spec, maxsplit=1)[0].lower().replace("_", "-")


def _notebook_imports() -> set[str]:
    """The top-level modules the notebooks import."""
    found = set()
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] != "code":
                continue
            source = "".join(cell["source"])
            source = "\n".join(
                line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))
            )
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.Import):
                    found.update(a.name.split(".")[0] for a in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    found.add(node.module.split(".")[0])
    return found


def test_cli_args_the_notebook_extra_brings_jupyterlab_and_what_notebooks_import():
    project = _pyproject()["project"]
    extra = {_requirement_name(s) for s in project["optional-dependencies"]["notebook"]}
    assert "jupyterlab" in extra
    installed = {_requirement_name(s) for s in project["dependencies"]} | extra | {"chengyu-kg"}
    dists = packages_distributions()
    missing = []
    for module in sorted(_notebook_imports()):
        if module == "kg" or module in __import__("sys").stdlib_module_names:
            continue
        names = {d.lower().replace("_", "-") for d in dists.get(module, [module])}
        if not names & installed:
            missing.append(module)
    assert missing == []


def test_cli_args_the_readme_says_how_to_open_the_notebooks():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ".venv/bin/pip install -e '.[notebook]'" in readme
    assert ".venv/bin/jupyter lab notebooks/" in readme


# (a command, the library modules another command needs that it must not import)
ONE_COMMAND = [
    ("build", ["kg.analyze", "kg.server.app", "kg.viz", "kg.review", "kg.timeline"]),
    ("query", ["kg.build", "kg.analyze", "kg.server.app"]),
]


@pytest.mark.parametrize(("command", "others"), ONE_COMMAND)
def test_cli_command_imports_only_its_library(command: str, others: list[str]) -> None:
    """``kg build`` starts without the libraries of the other commands (analysis, the
    server, the view): its workers fork sooner."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from kg.cli import make_parser\n"
        f"parser = make_parser({command!r})\n"
        "sub = next(a for a in parser._actions if a.dest == 'command')\n"
        f"print(sorted(sub.choices), [m for m in {others!r} if m in sys.modules])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert out.strip() == f"{[command]!r} []"


def test_cli_parser_without_a_command_has_them_all() -> None:
    assert set(_commands()) >= {"analyze", "build", "query", "serve", "viz"}
