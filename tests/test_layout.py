"""The package's layout: imports run down the layers, no cycles, no hidden imports, no giants.

The modules are parsed with :mod:`ast`; nothing of the package is imported.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parent.parent / "kg"

#: The layers from the bottom up; a module may import from its own layer and those below.
#: A package (``kg/store``) or a top-level module (``kg/analyze.py``) is one entry.
LAYERS = (
    ("kg.errors", "kg.resources", "kg.vocab", "kg.namespace", "kg.records", "kg.callable"),
    ("kg.extract",),
    ("kg.model",),
    ("kg.curation",),
    ("kg.io",),
    ("kg.store",),
    ("kg.sparql",),
    ("kg.cards", "kg.timeline"),
    ("kg.build", "kg.evaluate", "kg.analyze", "kg.viz", "kg.review", "kg.server"),
    ("kg.cli", "kg", "kg.__main__"),
)

#: The layers whose packages import nothing of each other (but :data:`SIDEWAYS`).
APART = {i for i, names in enumerate(LAYERS) if "kg.build" in names or "kg.cards" in names}

#: Imports between the view-layer packages that are allowed: the build draws the view.
SIDEWAYS = {("kg.build", "kg.viz")}

#: Modules over :data:`MAX_LINES` must say why in their docstring (a line starting "Size:").
MAX_LINES = 500


def _module_name(path: Path) -> str:
    parts = path.relative_to(KG.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(KG.rglob("*.py"))}


def _resolve(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    is_package = MODULES.get(module, Path()).name == "__init__.py"
    base = base[: len(base) - node.level + (1 if is_package else 0)]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(module: str) -> list[tuple[str, int, bool]]:
    """``(imported module, line, at module level)`` for each import of a ``kg`` module."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    top_level = set()
    for node in tree.body:
        top_level.add(id(node))
        if isinstance(node, ast.If):  # ``if TYPE_CHECKING:`` blocks
            top_level.update(id(n) for n in ast.walk(node))
    found = []
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, node)
            targets = [
                f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names
            ]
        for target in targets:
            if target == "kg" or target.startswith("kg."):
                while target not in MODULES and "." in target:
                    target = target.rsplit(".", 1)[0]
                found.append((target, node.lineno, id(node) in top_level))
    return found


def _layer_of(module: str) -> tuple[int, str]:
    best = (-1, "")
    for i, names in enumerate(LAYERS):
        for name in names:
            if (module == name or module.startswith(name + ".")) and len(name) > len(best[1]):
                best = (i, name)
    return best


def _module_graph() -> dict[str, set[str]]:
    return {
        m: {t for t, _, _ in _imports(m) if t != m and not m.startswith(t + ".")} for m in MODULES
    }


def _cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[frozenset[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(frozenset(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_layout_every_module_has_a_layer():
    assert [m for m in MODULES if _layer_of(m)[0] < 0] == []


def test_layout_has_no_import_cycle():
    assert _cycles(_module_graph()) == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_layout_imports_run_down(module):
    layer, package = _layer_of(module)
    upward = []
    for target, line, _ in _imports(module):
        target_layer, target_package = _layer_of(target)
        same_package = target_package == package
        if target_layer > layer or (
            target_layer == layer
            and not same_package
            and len(LAYERS[layer]) > 1
            and layer in APART
            and (package, target_package) not in SIDEWAYS
        ):
            upward.append(f"{module}:{line} imports {target}")
    assert upward == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_layout_local_imports_say_why(module):
    """An import of the package's own modules inside a function is for a heavy optional
    dependency, and says so (a ``# lazy:`` comment on its line)."""
    lines = MODULES[module].read_text(encoding="utf-8").splitlines()
    unexplained = [
        f"{module}:{line} imports {target}"
        for target, line, top in _imports(module)
        if not top and "# lazy:" not in lines[line - 1]
    ]
    assert unexplained == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_layout_modules_are_small_or_say_why(module):
    path = MODULES[module]
    text = path.read_text(encoding="utf-8")
    lines = text.count("\n")
    if lines <= MAX_LINES:
        return
    docstring = ast.get_docstring(ast.parse(text)) or ""
    assert "Size:" in docstring, f"{path.name}: {lines} lines and no 'Size:' in its docstring"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_layout_modules_open_with_a_docstring(module):
    assert ast.get_docstring(ast.parse(MODULES[module].read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ({"a": {"b"}, "b": {"a"}}, [frozenset({"a", "b"})]),
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [frozenset({"a", "b", "c"})]),
    ],
)
def test_layout_cycle_finder_finds_cycles(source, expected):
    assert _cycles(source) == expected
