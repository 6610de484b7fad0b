"""Hints about a guest's OS that the bundle suggests but does not prove.

libvirt domain XML of the SLES 11 era records no guest OS, so the case's `os` stays unknown
and triage asks for it. A domain name such as `w2k8-db` or virt-install's libosinfo id still
helps the engineer ask the right question: it is shown as advice, never used as the answer.
"""

from __future__ import annotations

import re

from kvmhelpdesk.bundle.domains import Domain

# (pattern on the lower-cased name, what it suggests); the first match wins.
_NAME_HINTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), words) for pattern, words in (
        (r"(?:w|win|windows)[-_ ]?(?:2k8|2008)(?:[-_ ]?r2)?|(?<![0-9])2k8", "Windows Server 2008"),
        (r"(?:w|win|windows)[-_ ]?(?:2k3|2003)|(?<![0-9])2k3", "Windows Server 2003"),
        (r"(?:win|windows)[-_ ]?7", "Windows 7"),
        (r"(?:win|windows)[-_ ]?xp|(?<![a-z])xp(?![a-z])", "Windows XP"),
        (r"vista", "Windows Vista"),
        (r"(?:w|win)2k(?![0-9])", "Windows 2000"),
        (r"(?<![a-z])(?:win|windows|w2k)", "Windows"),
        (r"sles[-_ ]?(\d{1,2})(?:[-_ ]?sp(\d))?", "SLES {0}{1}"),
        (r"sled[-_ ]?(\d{1,2})?", "SLED {0}"),
        (r"opensuse", "openSUSE"),
        (r"rhel[-_ ]?(\d)?", "Red Hat Enterprise Linux {0}"),
        (r"centos", "CentOS"), (r"ubuntu", "Ubuntu"), (r"debian", "Debian"),
        (r"fedora", "Fedora"), (r"solaris", "Solaris"), (r"netware|(?<![a-z])nw6", "NetWare"),
    ))
_LIBOSINFO = re.compile(r"<libosinfo:os\s+id=['\"]([^'\"]{1,200})['\"]")


def name_hint(name: str) -> str | None:
    """What a domain name suggests (`w2k8-db` -> `Windows Server 2008`), or None."""
    low = name.lower()
    for pattern, words in _NAME_HINTS:
        match = pattern.search(low)
        if match:
            groups = list(match.groups())
            if words.startswith("SLES") and groups:
                sp = f" SP{groups[1]}" if len(groups) > 1 and groups[1] else ""
                return f"SLES {groups[0]}{sp}"
            return words.format(*(g or "" for g in groups)).strip()
    return None


def os_hints(domain: Domain) -> list[str]:
    """Advice lines for a guest whose OS the bundle cannot tell."""
    hints: list[str] = []
    suggested = name_hint(domain.name)
    if suggested:
        hints.append(f"The bundle does not record the guest OS (libvirt XML of this era has no "
                     f"OS field). The name '{domain.name}' suggests {suggested}: a hint only, "
                     "not an answer; confirm the OS and its service pack with the customer.")
    for piece in (domain.definition, domain.live):
        match = _LIBOSINFO.search(piece.text) if piece is not None else None
        if match:
            hints.append(f"virt-install recorded the OS it was told at creation "
                         f"({match.group(1)}) in {piece.where}: a hint only; confirm the OS "
                         "the guest runs now.")
            break
    return hints
