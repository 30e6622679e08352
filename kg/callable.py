"""Modules callable as the function of the public API that shares their name (``kg.build``,
``kg.extract``, ``kg.analyze``)."""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from typing import Any

__all__ = ["make_callable"]


def make_callable(module_name: str, function: Callable[..., Any]) -> None:
    """Let the module ``module_name`` be called as ``function``.

    ``kg.build`` is both a package and the function the public API exports, and Python's
    import system sets the package on ``kg`` once anything imports it (``import
    kg.build.run``), so ``kg.build(...)`` must work whatever was imported first.
    """

    class CallableModule(types.ModuleType):
        __doc__ = f"The module {module_name}, callable as {function.__name__}()."

        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            return function(*args, **kwargs)

    sys.modules[module_name].__class__ = CallableModule
