"""The public API re-exported from ``kg`` resolves, and unknown names fail loudly."""

from __future__ import annotations

import pytest

import kg


@pytest.mark.parametrize("name", kg.__all__)
def test_api_exports_resolve(name):
    assert getattr(kg, name) is not None
    assert name in dir(kg)


def test_api_unknown_name_raises():
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        kg.nope  # noqa: B018
