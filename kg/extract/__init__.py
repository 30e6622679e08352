"""Extraction: Chinese text in, plain records out."""

import sys
import types
from typing import Any

from kg.extract.lexicon import Lexicon
from kg.extract.pipeline import extract

__all__ = ["extract", "Lexicon"]


class _CallableModule(types.ModuleType):
    """This module, callable as :func:`extract`: ``kg.extract`` is both this module and the
    function the public API exports, and Python's import system sets the module on
    ``kg`` once anything imports it (``import kg.extract...``), so that ``kg.extract(...)``
    works whatever was imported first."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return extract(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
