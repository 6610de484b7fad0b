"""An entry's kind-specific facts as label/value pairs: the entry page's small table, the
terminal text of `kb show`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kvmhelpdesk.kb.model import Entry


def entry_facts(entry: Entry) -> list[tuple[str, str]]:
    """Kind-specific facts (the small table of the entry page), as label/value pairs."""
    f = entry.fields
    rows: list[tuple[str, str]] = []
    if entry.kind == "qemu-option":
        if f.get("value_allowed"):
            rows.append(("Supported values", ", ".join(f["value_allowed"])))
        if f.get("value_refused"):
            rows.append(("Refused values", ", ".join(f["value_refused"])))
        for key, values in (f.get("params_allowed") or {}).items():
            rows.append((f"{key}= supported", ", ".join(values)))
        for key, values in (f.get("params_refused") or {}).items():
            rows.append((f"{key}= refused", ", ".join(values)))
        rows += [("Appendix A line", line) for line in f.get("source_lines") or ()]
    elif entry.kind == "monitor-command":
        rows += [("Appendix A line", line) for line in f.get("source_lines") or ()]
    elif entry.kind == "guest-os":
        rows.append(("Product", product_name(f)))
        rows.append(("Service pack", service_pack_text(f)))
        rows.append(("Bits", " and ".join(str(b) for b in f.get("bits") or ())))
        rows.append(("Virtualization", f.get("virt_type") or "(blank in the table)"))
        rows.append(("PV drivers", ", ".join(f.get("pv_drivers") or ()) or "none listed"))
        for bits, option in (f.get("boot_options") or {}).items():
            rows.append((f"Boot option, {bits}-bit kernel", option))
    elif entry.kind == "limit" and f.get("value") is not None:
        rows.append(("Limit", f"{f['value']} {f.get('unit', '')}".strip()))
    elif entry.kind == "performance":
        if f.get("cell") == "figure":
            figure = (f"{f['percent']}%" if f.get("percent") is not None
                      else f"{f.get('percent_min')}% – {f.get('percent_max')}%")
        else:
            figure = {"not-applicable": "not applicable", "blank": "(cell left blank)",
                      "no-figure": "(no number given)"}.get(f.get("cell", ""), "")
        rows.append(("Expected", figure))
        if f.get("basis"):
            rows.append(("Assumes", f["basis"]))
    return rows


def product_name(fields: Mapping[str, Any]) -> str:
    """"Windows XP", "Red Hat Enterprise Linux 5": the version once, even if the product has it."""
    product, version = fields.get("product", ""), fields.get("version", "")
    return product if version and version in product.split() else f"{product} {version}".strip()


def service_pack_text(fields: Mapping[str, Any]) -> str:
    """The row's service-pack rule in words ("SP3 or later", "SP1 only", "any minor release")."""
    sp, later = fields.get("min_service_pack"), fields.get("or_later")
    if not sp:
        if not later:
            return "none named"
        return "any minor release" if fields.get("family") == "rhel" else "any service pack"
    return f"SP{sp} or later" if later else f"SP{sp} only"
