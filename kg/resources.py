"""Where the ontology files and package data live, in a checkout or an installed wheel."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["ontology_path", "data_path"]

_CHECKOUT_ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"


def ontology_path(name: str = "chengyu.ttl") -> Path:
    """Path of a file under ``ontology/`` (the checkout's copy wins over the installed one)."""
    local = _CHECKOUT_ONTOLOGY / name
    if local.exists():
        return local
    return Path(str(files("kg.ontology").joinpath(name)))


def data_path(name: str) -> Path:
    """Path of a package data file under ``kg/data/``."""
    return Path(str(files("kg.data").joinpath(name)))
