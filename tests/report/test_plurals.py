"""Counts agree with their nouns in every user-visible text (issue 8: "1 guest", never
"1 guest(s)"): reports in every format, bundle findings, the CLI."""

from __future__ import annotations

import re
import tokenize
from pathlib import Path

import pytest

from kvmhelpdesk.bundle import build_case, read_bundle
from kvmhelpdesk.report import render
from kvmhelpdesk.triage import check
from tests.helpers.cases import DROP, make_case, make_guest, make_host, minimal_case
from tests.helpers.supportconfig import DomainSpec, standard_bundle

PACKAGE = Path(__file__).resolve().parents[2] / "kvmhelpdesk"
NOUNS = ("guests", "conditions", "disks", "NICs", "vCPUs", "cores", "entries", "devices",
         "findings", "files", "bookmarks", "lines", "commands")
ONE_PLURAL = re.compile(r"(?<![\d.,])\b1 (?:\w+ )?(" + "|".join(NOUNS) + r")\b")


def bad_counts(text: str) -> list[str]:
    found = [m.group(0) for m in ONE_PLURAL.finditer(text)]
    return found + re.findall(r"\w+\((?:s|es)\)", text)


CASES = {
    "one guest": make_case(guests=[make_guest()]),
    "one guest, vcpus unknown": make_case(guests=[make_guest(vcpus=DROP)]),
    "one guest, one vcpu": make_case(guests=[make_guest(vcpus=1)]),
    "one core": make_case(host=make_host(cpu_cores=1), guests=[make_guest(vcpus=1)]),
    "two guests": make_case(guests=[make_guest(), make_guest(name="b", vcpus=DROP)]),
    "one disk of unknown bus": make_case(guests=[make_guest(disks=[{"format": "raw"}])]),
    "empty": minimal_case(),
}


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("fmt", ("text", "markdown", "html"))
def test_reports_never_say_1_guests_or_guest_s(kb, name: str, fmt: str) -> None:
    out = render(check(CASES[name], kb), fmt)
    assert bad_counts(out) == [], name


def _literals(path: Path) -> list[tuple[int, str]]:
    """The string literals of a module (f-string fields removed), with their line numbers;
    docstrings (triple-quoted) are the developers' words and may quote the bad form."""
    kinds = {tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}
    with path.open("rb") as source:
        return [(token.start[0], re.sub(r"\{[^{}]*\}", "", token.string))
                for token in tokenize.tokenize(source.readline) if token.type in kinds]


def test_the_source_has_no_s_in_brackets() -> None:
    """`(s)` in a message string: write the singular and the plural instead. Quoted tool
    output the readers match (`virsh nodeinfo`'s "NUMA cell(s)") is input, not output."""
    read = re.compile(r"^[\"']*(?:numa cell|core|socket|cpu socket)\(s\)", re.IGNORECASE)
    offenders = [f"{path.relative_to(PACKAGE)}:{number}: {text}"
                 for path in PACKAGE.rglob("*.py") for number, text in _literals(path)
                 if re.search(r"[a-z]\((?:s|es)\)", text) and "http(s)" not in text
                 and not read.search(text) and not text.lstrip("rbuf").startswith('"""')]
    assert offenders == []


@pytest.mark.parametrize("count", (1, 2))
def test_bundle_management_advice_agrees_with_its_count(tmp_path, kb, count: int) -> None:
    specs = [DomainSpec("sles11-web"), DomainSpec("sles11-db", mac="52:54:00:aa:bb:09")][:count]
    built = build_case(read_bundle(standard_bundle(specs).write_tar(tmp_path)), kb)
    (advice,) = [f for f in built.analysis.findings
                 if f.rule == "bundle.management" and f.scope == "host"]
    if count == 1:
        assert "'sles11-web' is a libvirt domain: it is managed" in advice.message
    else:
        assert "2 guests are libvirt domains: they are managed" in advice.message
    assert bad_counts(advice.message) == []
