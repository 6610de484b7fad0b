"""Packages that load their exports on first use (lazyload.lazy_exports): every exported name
resolves, to the object its module defines, and an unknown one is an AttributeError."""

from __future__ import annotations

import importlib

import pytest

PACKAGES = ("kvmhelpdesk.analyze", "kvmhelpdesk.bundle", "kvmhelpdesk.triage")


@pytest.mark.parametrize("name", PACKAGES)
def test_every_exported_name_resolves_to_its_modules_object(name: str) -> None:
    package = importlib.import_module(name)
    exports = package._EXPORTS
    assert sorted(package.__all__) == sorted(exports)
    for attribute, module in exports.items():
        value = getattr(package, attribute)
        assert value is getattr(importlib.import_module(f"{name}.{module}"), attribute)
        assert attribute in dir(package)


@pytest.mark.parametrize("name", PACKAGES)
def test_an_unknown_name_is_an_attribute_error(name: str) -> None:
    package = importlib.import_module(name)
    with pytest.raises(AttributeError, match="no_such_name"):
        package.no_such_name  # noqa: B018
    with pytest.raises(ImportError):
        exec(f"from {name} import no_such_name")
