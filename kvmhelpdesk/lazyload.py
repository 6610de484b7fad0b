"""Package attributes that import their module on first use (PEP 562).

A package `__init__` that re-exports its modules' names imports every one of them as soon as
any submodule is imported. With `lazy_exports`, `import kvmhelpdesk.bundle.reader` loads the
reader alone (it can start decompressing a bundle while the analyzers load), and
`from kvmhelpdesk.bundle import build_case` still works, loading `build` at that moment.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(package: str, where: Mapping[str, str], namespace: dict[str, Any]
                 ) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The `__getattr__` and `__dir__` of `package`: each name in `where` (name -> module
    within the package) is imported on first use, then kept in `namespace` (its globals)."""

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        namespace[name] = value  # from now on a plain attribute
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *where})

    return __getattr__, __dir__
