"""Match an engineer's free-text guest OS name to a row of the guest OS table.

Parsing turns "Win2k8 R2 SP1 x64" into family/version/service pack/bits; matching compares that
with the rows' `family`, `version`, `min_service_pack`, `or_later` and `bits` fields, so a new
release's table changes the answers without a code change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kvmhelpdesk.kb import STATUS_LABELS, Entry, KnowledgeBase
from kvmhelpdesk.triage.lookup import lookup

FAMILY_NAMES = {"sles": "SLES", "sled": "SLED", "rhel": "RHEL", "windows": "Windows"}

_BITS64 = re.compile(r"x86[_-]?64|amd64|(?<![a-z0-9])x64(?![a-z0-9])|64[\s-]?bits?(?![a-z])"
                     r"|(?<![a-z])em64t(?![a-z])|(?<![a-z])intel[\s-]?64(?![0-9])")
_BITS32 = re.compile(r"(?<![a-z0-9])i[3-6]86(?![0-9])|(?<![a-z0-9])x86(?![a-z0-9_-])"
                     r"|32[\s-]?bits?(?![a-z])|(?<![a-z])ia-?32(?![0-9])")
_SP = re.compile(r"(?<![a-z])(?:sp|service[\s-]*pack)[\s-]*(\d+)\s*\+?")
_UPDATE = re.compile(r"(?<![a-z])(?:u|update)[\s-]*(\d+)(?![0-9])")
_GA = re.compile(r"(?<![a-z])ga(?![a-z])")
_R2 = re.compile(r"(?<![a-z])r2(?![0-9a-z])")
_NUMBER = re.compile(r"(?<![0-9.])(\d{1,2})(?:\.(\d+|x))?(?![0-9])")

# Products engineers name that the guest tables of the statements do not list.
_OTHER = (
    (re.compile(r"open[\s-]?suse"), "openSUSE"),
    (re.compile(r"centos"), "CentOS"),
    (re.compile(r"fedora"), "Fedora"),
    (re.compile(r"ubuntu"), "Ubuntu"),
    (re.compile(r"debian"), "Debian"),
    (re.compile(r"oracle"), "Oracle Linux"),
    (re.compile(r"scientific\s+linux"), "Scientific Linux"),
    (re.compile(r"mandriva|mandrake"), "Mandriva"),
    (re.compile(r"gentoo"), "Gentoo"),
    (re.compile(r"free\s*bsd|net\s*bsd|open\s*bsd"), "BSD"),
    (re.compile(r"solaris|opensolaris"), "Solaris"),
    (re.compile(r"netware"), "NetWare"),
    (re.compile(r"mac\s*os|os\s*x(?![a-z])"), "macOS"),
)
_SLED = re.compile(r"(?<![a-z])sled(?![a-z])|suse\s+linux\s+enterprise\s+desktop"
                   r"|(?<![a-z])sle(?![a-z]).*desktop|suse.*desktop")
_SLES = re.compile(r"(?<![a-z])sles(?![a-z])|suse\s+linux\s+enterprise|(?<![a-z])sle(?![a-z])"
                   r"|(?<![a-z])suse(?![a-z])")
# Words that make a SUSE name the Server product; without one, "SLE 11 SP1" could be SLED too.
_SERVER_WORDS = re.compile(r"(?<![a-z])sles|server|(?<![a-z])sap(?![a-z])|4sap")
_RHEL = re.compile(r"(?<![a-z])rhel(?![a-z])|red\s*hat|(?<![a-z])rh\s*el(?![a-z])")
_WINDOWS = re.compile(r"(?<![a-z])(?:microsoft|windows|win(?=$|[^a-z]|xp|vista|nt|me|dows)"
                      r"|w(?=\d))|(?<![a-z])(?:xp|vista)(?![a-z])")
_FAMILY_WORDS = {
    "sles": re.compile(r"suse\s+linux\s+enterprise\s+server|suse\s+linux\s+enterprise"
                       r"|(?:4|\s+for\s+)sap(?:\s+applications)?|sles|sle|suse|server|linux"),
    "sled": re.compile(r"suse\s+linux\s+enterprise\s+desktop|sled|sle|suse|desktop|linux"),
    "rhel": re.compile(r"red\s*hat\s+enterprise\s+linux|red\s*hat|rhel|rh\s*el|enterprise"
                       r"|linux|server|release|\(\w+\)"),
    "windows": re.compile(r"(?<![a-z])(?:ms-?)?win(?:dows)?|microsoft|(?<![a-z])w(?=\d)"),
}
_WIN_VERSIONS = (
    (re.compile(r"(?<![0-9])(?:2003|2k3)(?![0-9])"), "2003"),
    (re.compile(r"(?<![0-9])(?:2008|2k8)(?![0-9])"), "2008"),
    (re.compile(r"(?<![0-9])(?:2012|2k12)(?![0-9])"), "2012"),
    (re.compile(r"(?<![0-9])(2016|2019|2022|2025)(?![0-9])"), None),
    (re.compile(r"(?<![0-9])(?:2000|2k)(?![0-9])"), "2000"),
    (re.compile(r"(?<![a-z])xp(?![a-z])"), "XP"),
    (re.compile(r"(?<![a-z])vista(?![a-z])"), "Vista"),
    (re.compile(r"(?<![a-z])nt(?![a-z])"), "NT"),
    (re.compile(r"(?<![a-z])(?:me|millennium)(?![a-z])"), "ME"),
    (re.compile(r"(?<![a-z])seven(?![a-z])"), "7"),
    (re.compile(r"(?<![0-9.])(8\.1|95|98|7|8|10|11)(?![0-9.])"), None),
)


@dataclass(frozen=True)
class ParsedOs:
    """What the free text says: family, version, service pack (RHEL: minor) and bits."""

    text: str
    family: str | None = None  # sles | sled | rhel | windows (the rows' family words)
    other: str | None = None  # a recognised product the table does not list ("openSUSE")
    version: str | None = None  # "11", "XP", "2008", "7"
    service_pack: int | None = None
    r2: bool = False
    bits: int | None = None
    bits_conflict: bool = False  # the text says both 32 and 64


@dataclass(frozen=True)
class OsMatch:
    """The table row a guest OS falls under (or None) and what that means.

    `status` is the row's status, "unsupported" when the OS misses the table, or "condition"
    when the text is too vague to decide; `confirm` lists what the engineer must still confirm.
    """

    entry: Entry | None
    status: str
    message: str
    confirm: tuple[str, ...] = ()
    bits: int | None = None
    parsed: ParsedOs | None = None
    missed: Entry | None = None  # the row the OS fell short of (SP too low or too high)
    # A question the text leaves open, as a condition to confirm: its wording, the OS text a
    # confirmation (a refutation) stands for, and the (status, message) a refutation becomes
    # where no OS text can say it.
    question: str = ""
    confirm_os: str | None = None
    refute_os: str | None = None
    refuted: tuple[str, str] | None = None


@lru_cache(maxsize=4096)
def parse_os(text: str) -> ParsedOs:
    """Parse a free-text OS name; cached because a 200-guest case repeats the same names."""
    t = " " + " ".join(text.lower().replace("®", " ").replace("™", " ").split()) + " "
    has64 = bool(_BITS64.search(t))
    t = _BITS64.sub(" ", t)
    has32 = bool(_BITS32.search(t))
    t = _BITS32.sub(" ", t)
    bits = 64 if has64 and not has32 else 32 if has32 and not has64 else None
    sp_match = _SP.search(t)
    sp = int(sp_match.group(1)) if sp_match else None
    t = _SP.sub(" ", t).replace("+", " ")
    base = {"text": text, "bits": bits, "bits_conflict": has32 and has64}

    for pattern, name in _OTHER:
        if pattern.search(t):
            return ParsedOs(other=name, service_pack=sp, **base)
    family = ("sled" if _SLED.search(t) else "sles" if _SLES.search(t)
              else "rhel" if _RHEL.search(t) else "windows" if _WINDOWS.search(t) else None)
    if family is None:
        return ParsedOs(service_pack=sp, **base)
    rest = _FAMILY_WORDS[family].sub(" ", t)
    if family == "windows":
        return _windows(rest, sp, base)
    if family == "rhel" and sp is None:
        update = _UPDATE.search(rest)
        if update:
            sp = int(update.group(1))
            rest = _UPDATE.sub(" ", rest)
    number = _NUMBER.search(rest)
    version = number.group(1) if number else None
    minor = number.group(2) if number else None
    if sp is None and minor is not None and minor.isdigit():
        sp = int(minor)
    if sp is None and family in ("sles", "sled") and _GA.search(rest):
        sp = 0
    return ParsedOs(family=family, version=version, service_pack=sp, **base)


def _windows(rest: str, sp: int | None, base: dict) -> ParsedOs:
    r2 = bool(_R2.search(rest))
    rest = _R2.sub(" ", rest)
    for pattern, version in _WIN_VERSIONS:
        found = pattern.search(rest)
        if found:
            return ParsedOs(family="windows", version=version or found.group(1),
                            service_pack=sp, r2=r2, **base)
    return ParsedOs(family="windows", service_pack=sp, r2=r2, **base)


def _label(row: Entry) -> str:
    return row.source_text or row.title


def _sp_words(row: Entry) -> str:
    """How a row names its service pack: "needs SP3 or later", "names SP3 only"."""
    f = row.fields
    minimum = f.get("min_service_pack") or 0
    unit = "minor release" if f["family"] == "rhel" else "service pack"
    if f.get("or_later"):
        return f"covers any {unit}" if minimum == 0 else f"needs SP{minimum} or later"
    return f"names no {unit}" if minimum == 0 else f"names SP{minimum} only"


def _accepts(row: Entry, sp: int) -> bool:
    minimum = row.fields.get("min_service_pack") or 0
    return sp >= minimum if row.fields.get("or_later") else sp == minimum


def _interpretation(row: Entry) -> str:
    """A row note recorded as an interpretation: the message must say it is one."""
    for note in row.fields.get("notes", ()):
        if note.lower().startswith("interpretation"):
            return f" ({note})"
    return ""


def sle_unspecified(text: str) -> bool:
    """A SUSE name that says neither Server nor Desktop ("SLE 11 SP1", "SUSE 11 SP1")."""
    t = " " + " ".join(text.lower().split()) + " "
    return bool(_SLES.search(t)) and not _SLED.search(t) and not _SERVER_WORDS.search(t) \
        and not any(pattern.search(t) for pattern, _ in _OTHER)


def _describe(match: OsMatch) -> str:
    if match.entry is None:
        return "is not in the guest OS table"
    label = STATUS_LABELS.get(match.status, match.status)
    return f"matches row '{_label(match.entry)}' ({label})"


def match_os(text: str | None, bits: int | None, kb: KnowledgeBase,
             release: str | None = None) -> OsMatch:
    """The row of `release`'s guest table that `text` (with the case's `bits`) falls under."""
    if text is None or not text.strip():
        return OsMatch(None, "condition", "The guest operating system is not given: confirm "
                       "it and check it against the guest OS table.", bits=bits)
    rows = lookup(kb, release).guest_rows
    parsed = parse_os(text)
    confirm: list[str] = []
    effective = bits if bits is not None else parsed.bits
    if parsed.bits_conflict:
        confirm.append(f"'{text}' names both 32-bit and 64-bit: confirm the guest's bitness.")
    elif bits is not None and parsed.bits is not None and bits != parsed.bits:
        confirm.append(f"'{text}' says {parsed.bits}-bit but the guest's bits answer is "
                       f"{bits}: confirm which is right.")
    confirm += _no_such_product(text, parsed, effective)

    family, version = parsed.family, parsed.version
    if family is None:
        family, version = _by_alias(text, rows)
    if family is None:
        what = f"{parsed.other} is" if parsed.other else f"'{text}' is"
        listed = "; ".join(_label(r) for r in rows)
        return OsMatch(None, "unsupported", f"{what} not in the guest OS table (rows: {listed}).",
                       tuple(confirm), effective, parsed)
    if family == "sles" and sle_unspecified(text):
        server = _in_family(text, "sles", version, rows, effective, list(confirm), parsed)
        desktop = _in_family(text, "sled", version, rows, effective, list(confirm), parsed)
        if (server.entry, server.status) == (desktop.entry, desktop.status) or \
                server.status == desktop.status:
            return server
        return OsMatch(None, "condition", f"'{text}' does not say Server or Desktop: as SLES it "
                       f"{_describe(server)}; as SLED it {_describe(desktop)}. Ask the customer "
                       "which product the guest runs: confirmed means the Server product "
                       "(SLES), refuted the Desktop product (SLED).", tuple(confirm), effective,
                       parsed, missed=server.entry or desktop.entry,
                       confirm_os=f"{text.strip()} (Server)",
                       refute_os=f"{text.strip()} (Desktop)")
    return _in_family(text, family, version, rows, effective, confirm, parsed)


def _no_such_product(text: str, parsed: ParsedOs, bits: int | None) -> list[str]:
    """Names of Windows editions that never existed: the table row would match by words only."""
    if parsed.family != "windows":
        return []
    if parsed.version == "2008" and parsed.r2 and bits == 32:
        return [f"'{text}' names no real product: Windows Server 2008 R2 exists as a 64-bit "
                "product only. Confirm the guest's Windows version and bitness."]
    if parsed.version == "XP" and bits == 64 and (parsed.service_pack or 3) >= 3:
        return [f"'{text}': Windows XP x64 Edition never had a Service Pack 3 (its last is SP2), "
                "so no 64-bit XP reaches the row's SP3 although the statement says every listed "
                "guest includes 64-bit versions. Confirm the guest's Windows version and "
                "bitness."]
    return []


def _in_family(text: str, family: str, version: str | None, rows: list[Entry],
               effective: int | None, confirm: list[str], parsed: ParsedOs) -> OsMatch:
    same_family = [r for r in rows if r.fields["family"] == family]
    if version is None:
        listed = "; ".join(_label(r) for r in same_family) or "none"
        return OsMatch(None, "condition", f"'{text}' gives no {FAMILY_NAMES[family]} version: "
                       f"confirm it (rows of the table: {listed}).", tuple(confirm), effective,
                       parsed)
    candidates = [r for r in same_family if r.fields["version"].lower() == version.lower()]
    if not candidates:
        plus = _plus_reading(text, version, same_family, confirm, effective, parsed)
        if plus is not None:
            return plus
        listed = "; ".join(_label(r) for r in same_family) or "none"
        name = f"{FAMILY_NAMES[family]} {version}"
        shown = f"'{text}'" if text.strip().lower() == name.lower() else f"'{text}' ({name})"
        return OsMatch(None, "unsupported", f"{shown} is not in the guest OS table; "
                       f"the {FAMILY_NAMES[family]} rows are: {listed}.", tuple(confirm),
                       effective, parsed)
    candidates.sort(key=lambda r: r.fields.get("min_service_pack") or 0)
    return _judge_sp(text, parsed.service_pack, candidates, effective, confirm, parsed)


def _plus_reading(text: str, version: str, rows: list[Entry], confirm: list[str],
                  bits: int | None, parsed: ParsedOs) -> OsMatch | None:
    """A later release than the newest row whose "+" follows the version itself ("Win 2K8+",
    kvm-supported.txt L84): not in the table. Only if that "+" also meant later releases would
    the row cover it, and the statement does not say so; at best it is what the row is (the
    ceiling), and it needs review. The condition asks whether the guest is in fact the row's
    own product (confirmed: the row) or the later release (refuted: not in the table)."""
    if not version.isdigit() or not rows or rows[0].fields["family"] != "windows":
        return None
    plus = [r for r in rows if r.fields.get("or_later") and r.fields["version"].isdigit()
            and not r.fields.get("min_service_pack") and int(r.fields["version"]) < int(version)]
    if not plus:
        return None
    row = max(plus, key=lambda r: int(r.fields["version"]))
    status = row.status or "supported"
    label = STATUS_LABELS.get(status, status)
    product = row.fields.get("product") or _label(row)
    name = f"{FAMILY_NAMES['windows']} Server {version}"
    message = (f"'{text}' is not in the guest OS table: its Windows rows end at "
               f"'{_label(row)}', read here as {product}{_interpretation(row)}. Only if "
               f"that \"+\" also meant later releases would row '{_label(row)}' cover it, and "
               f"then as {label} at best; the statement does not say so (L84): needs review.")
    question = (f"'{text}': confirm the guest is in fact {product} (row '{_label(row)}', "
                f"{label}). Refuted means it is {name} or later, which is not in the guest OS "
                "table.")
    refuted = ("unsupported", f"'{text}' is {name} or later (the customer says so): it is not "
               f"in the guest OS table, whose Windows rows end at '{_label(row)}' ({product}), "
               "so it is not supported by this statement. Whether that \"+\" was meant to "
               "reach later releases is not stated: ask the statement's owner if the customer "
               "disputes it.")
    return OsMatch(None, status, message, tuple(confirm), bits, parsed, missed=row,
                   question=question, confirm_os=product, refuted=refuted)


def _judge_sp(text: str, sp: int | None, candidates: list[Entry], bits: int | None,
              confirm: list[str], parsed: ParsedOs) -> OsMatch:
    unit = "minor release" if candidates[0].fields["family"] == "rhel" else "service pack"
    if sp is None:
        row = candidates[0]
        minimum = row.fields.get("min_service_pack") or 0
        if minimum > 0:
            confirm.append(f"'{text}' gives no {unit}: row '{_label(row)}' {_sp_words(row)}; "
                           f"confirm the installed {unit}.")
        elif unit == "service pack" and not row.fields.get("or_later"):
            # "Win 7": the row names no service pack, so whether SP1 is covered is not stated;
            # which one the guest runs decides whether that question arises at all.
            product = row.fields.get("product") or _label(row)
            confirm.append(f"'{text}' gives no service pack, and row '{_label(row)}' names "
                           f"none: confirm the guest runs {product} without a service pack. "
                           "With SP1 or later it is an open question whether the row covers "
                           "it (the statement does not say).")
        return _matched(text, row, bits, confirm, parsed)
    accepted = [r for r in candidates if _accepts(r, sp)]
    if accepted:
        return _matched(text, accepted[-1], bits, confirm, parsed)
    higher = [r for r in candidates if (r.fields.get("min_service_pack") or 0) > sp]
    if higher:
        row = higher[0]
        return OsMatch(None, "unsupported", f"'{text}' is not in the guest OS table: it is below "
                       f"row '{_label(row)}', which {_sp_words(row)}.", tuple(confirm), bits,
                       parsed, missed=row)
    row = candidates[-1]
    if (row.fields.get("min_service_pack") or 0) == 0:
        confirm.append(f"Row '{_label(row)}' names no {unit}; whether SP{sp} is covered is not "
                       "stated: confirm with the statement's owner.")
        return _matched(text, row, bits, confirm, parsed)
    return OsMatch(None, "unsupported", f"'{text}' is not in the guest OS table: row "
                   f"'{_label(row)}' {_sp_words(row)} and the statement lists no later {unit}.",
                   tuple(confirm), bits, parsed, missed=row)


def _matched(text: str, row: Entry, bits: int | None, confirm: list[str],
             parsed: ParsedOs) -> OsMatch:
    status = row.status or "supported"
    label = STATUS_LABELS.get(status, status)
    message = f"'{text}' matches row '{_label(row)}': {label}.{_interpretation(row)}"
    row_bits = tuple(row.fields.get("bits", ()))
    if bits is not None and row_bits and bits not in row_bits:
        listed = " and ".join(f"{b}-bit" for b in row_bits)
        return OsMatch(row, "unsupported", f"'{text}' matches row '{_label(row)}', but the row "
                       f"covers {listed} only, not {bits}-bit.", tuple(confirm), bits, parsed)
    return OsMatch(row, status, message, tuple(confirm), bits, parsed)


def _norm(text: str) -> str:
    return " " + " ".join(re.sub(r"[^a-z0-9.+]+", " ", text.lower()).split()) + " "


def _by_alias(text: str, rows: list[Entry]) -> tuple[str | None, str | None]:
    """Fallback for names the parser does not know: the longest row alias found in the text."""
    haystack = _norm(text)
    best: tuple[int, Entry] | None = None
    for row in rows:
        for alias in (*row.aliases, row.source_text):
            needle = _norm(alias) if alias else ""
            if needle.strip() and needle in haystack and (best is None or len(needle) > best[0]):
                best = (len(needle), row)
    if best is None:
        return None, None
    return best[1].fields["family"], best[1].fields["version"]
