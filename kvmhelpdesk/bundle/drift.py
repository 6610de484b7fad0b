"""What differs between two descriptions of one guest (its definition and what runs now).

Compares only answers both sides state and both analyzers read alike: a command line cannot
show what libvirt keeps to itself, so an answer missing on one side is no difference. Devices
libvirt adds by itself (the default balloon) and passing states (`-incoming` of a guest being
migrated in) are left out; disks and NICs are compared as sets, as libvirt may order them
differently on the command line.
"""

from __future__ import annotations

from typing import Any

_SCALARS = (("vcpus", "vCPUs", ""), ("memory_mb", "memory", " MB"), ("bits", "bits", ""),
            ("video", "video", ""))
_COMPARED_FEATURES = ("qemu-only", "pci-passthrough")
_UNCOMPARED_DEVICES = ("balloon", "usb-disk")
# One USB input device, two words: `-usbdevice tablet` and `-device usb-tablet` (how libvirt
# 0.8 starts <input type='tablet' bus='usb'/>) give the same hardware. The case keeps both
# words, as triage judges the two options apart; as a difference between a definition and
# what runs they are none.
_SAME_DEVICE = {"usb-tablet": "tablet", "usb-mouse": "mouse", "usb-kbd": "keyboard"}


def _values(guest: dict[str, Any], key: str, name: str) -> list[str] | None:
    """One field of every disk/NIC, lower case; None when any of them leaves it out."""
    values = []
    for item in guest.get(key) or ():
        value = item.get(name) if isinstance(item, dict) else None
        if value is None:
            return None
        values.append(str(value).lower())
    return values


def _listing(values: list[str]) -> str:
    return ", ".join(sorted(values)) or "none"


def compare_guests(definition: dict[str, Any], running: dict[str, Any]) -> list[str]:
    """Differences as short phrases, `definition value vs running value`, in case order."""
    out: list[str] = []
    for key, label, unit in _SCALARS:
        if key in definition and key in running and definition[key] != running[key]:
            out.append(f"{label} {definition[key]}{unit} vs {running[key]}{unit}")
    for key, label, fields in (("disks", "disk", ("bus", "format")),
                               ("nics", "NIC", ("model", "mac"))):
        if key not in definition or key not in running:
            continue
        ours, theirs = len(definition[key] or ()), len(running[key] or ())
        if ours != theirs:
            out.append(f"{ours} vs {theirs} {label}s")
            continue
        for name in fields:
            left, right = _values(definition, key, name), _values(running, key, name)
            if left is not None and right is not None and sorted(left) != sorted(right):
                out.append(f"{label} {name}s {_listing(left)} vs {_listing(right)}")
    for key, label, keep in (("features", "feature", lambda w: w in _COMPARED_FEATURES),
                             ("devices", "device", lambda w: w not in _UNCOMPARED_DEVICES)):
        same = _SAME_DEVICE if key == "devices" else {}
        ours_set = {same.get(w, w) for w in definition.get(key) or () if keep(w)}
        theirs_set = {same.get(w, w) for w in running.get(key) or () if keep(w)}
        out += [f"{label} {w} only in the definition" for w in sorted(ours_set - theirs_set)]
        out += [f"{label} {w} only running" for w in sorted(theirs_set - ours_set)]
    return out
