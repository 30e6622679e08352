"""The public API re-exported from ``kg`` resolves, and unknown names fail loudly."""

from __future__ import annotations

import subprocess
import sys

import pytest

import kg

from .conftest import ROOT


@pytest.mark.parametrize("name", kg.__all__)
def test_api_exports_resolve(name):
    assert getattr(kg, name) is not None
    assert name in dir(kg)


def test_api_unknown_name_raises():
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        kg.nope  # noqa: B018


# A name of the API that is also a module of the package: once anything imports the module
# (the reader imports kg.extract.text, the CLI kg.build.run), Python sets the module on
# ``kg``; the name must still call the function.
@pytest.mark.parametrize(
    "first, call, printed",
    [
        (
            "import kg.io.articles",
            "kg.extract(kg.Document('d', '3月5日，重庆市科技局与四川省科技厅签署协议。')).document.id",
            "d",
        ),
        ("import kg.build.run", "len(kg.build([sys.argv[1]]).documents)", "1"),
        ("import kg.analyze", "sorted(kg.analyze(kg.to_graph([]))) != []", "True"),
    ],
)
def test_api_names_that_are_modules_call_the_function(first, call, printed):
    code = f"import sys\n{first}\nimport kg\nprint({call})"
    seed = ROOT / "seeds" / "000_8ad9febdc21e1cf6.txt"
    done = subprocess.run(
        [sys.executable, "-c", code, str(seed)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-1000:]
    assert done.stdout.splitlines()[-1] == printed
