"""The notebooks are stored without outputs and run top to bottom in a real Jupyter kernel."""

from __future__ import annotations

import json
import sys

import pytest

from .conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"

#: Text each notebook's outputs must contain once it has run, beyond "no cell failed".
EXPECTED = {
    "01_explore.ipynb": [
        "共建世界级先进汽车产业集群战略合作协议",  # the agreements table
        "重庆市经济和信息化委员会",  # a party, and a central node
        "betweenness",
        "image/png",  # the centrality chart
        "<iframe srcdoc=",  # the view inline
        "graph.html",
    ],
    "02_your_corpus.ipynb": [
        "corpus:",
        "tests/data/corpus/dev",
        "records",  # the JSONL round trip
        "precision",
        "image/png",  # the scores chart
        "missed",
        "<iframe srcdoc=",
    ],
}


def _notebooks() -> list[str]:
    return sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))


def test_notebooks_are_the_documented_ones():
    assert _notebooks() == sorted(EXPECTED)


@pytest.mark.parametrize("name", _notebooks())
def test_notebooks_are_stored_without_outputs(name):
    nb = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code
    assert [(c.get("outputs"), c.get("execution_count")) for c in code] == [([], None)] * len(code)
    assert nb["metadata"]["kernelspec"]["language"] == "python"


@pytest.fixture
def kernel_name(tmp_path, monkeypatch) -> str:
    """A kernel spec that runs this interpreter (the project's venv), found before any other."""
    pytest.importorskip("nbclient", reason="notebook tests need nbclient (pip install nbclient)")
    pytest.importorskip("ipykernel", reason="notebook tests need ipykernel")
    for module in ("pandas", "matplotlib"):
        pytest.importorskip(module, reason=f"the notebooks need {module}")
    spec = tmp_path / "jupyter" / "kernels" / "kg-test"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "kg test",
                "language": "python",
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    for var in ("KG_CORPUS", "KG_GOLD"):
        monkeypatch.delenv(var, raising=False)
    return "kg-test"


@pytest.mark.parametrize("name", _notebooks())
def test_notebooks_run_top_to_bottom(name, kernel_name):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name=kernel_name,
        resources={"metadata": {"path": str(NOTEBOOKS)}},  # cwd = notebooks/, as in Jupyter
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert all(c.get("execution_count") for c in nb.cells if c.cell_type == "code")
    text = json.dumps(outputs, ensure_ascii=False)
    missing = [want for want in EXPECTED[name] if want not in text]
    assert missing == [], f"{name}: outputs lack {missing}"
