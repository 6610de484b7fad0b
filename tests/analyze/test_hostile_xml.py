"""Hostile XML fails fast, with one clear line, in bounded memory, and fetches nothing."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from kvmhelpdesk.analyze import AnalyzeError, analyze_libvirt_xml
from kvmhelpdesk.analyze.safexml import MAX_ELEMENTS, MAX_XML_BYTES
from kvmhelpdesk.kb import KnowledgeBase

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<domain type='kvm'><name>&lol9;</name></domain>"""

QUADRATIC = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "' + "x" * 100_000 + '">]>'
             "<domain type='kvm'><name>" + "&a;" * 10_000 + "</name></domain>")

XXE_FILE = """<?xml version="1.0"?>
<!DOCTYPE domain [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<domain type='kvm'><name>&xxe;</name></domain>"""

XXE_HTTP = """<?xml version="1.0"?>
<!DOCTYPE domain [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/evil">]>
<domain type='kvm'><name>&xxe;</name></domain>"""

EXTERNAL_DTD = """<?xml version="1.0"?>
<!DOCTYPE domain SYSTEM "http://127.0.0.1:9/domain.dtd">
<domain type='kvm'><name>x</name></domain>"""

PARAMETER_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE domain [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd"> %remote;]>
<domain type='kvm'/>"""

HARMLESS_DOCTYPE = "<!DOCTYPE domain><domain type='kvm'><name>x</name></domain>"


@pytest.mark.parametrize("text", [BILLION_LAUGHS, QUADRATIC, XXE_FILE, XXE_HTTP, EXTERNAL_DTD,
                                  PARAMETER_ENTITY, HARMLESS_DOCTYPE],
                         ids=["billion-laughs", "quadratic", "xxe-file", "xxe-http",
                              "external-dtd", "parameter-entity", "any-doctype"])
def test_doctype_documents_are_refused_quickly_in_bounded_memory(kb: KnowledgeBase,
                                                                 text: str) -> None:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(AnalyzeError, match="DOCTYPE") as caught:
            analyze_libvirt_xml(text, kb)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 1.0
    assert peak < 20 * 1024 * 1024
    assert "\n" not in str(caught.value)
    assert "root:" not in str(caught.value)


def test_undeclared_entity_is_a_plain_syntax_error(kb: KnowledgeBase) -> None:
    with pytest.raises(AnalyzeError, match="undefined entity"):
        analyze_libvirt_xml("<domain type='kvm'><name>&xxe;</name></domain>", kb)


def test_doctype_in_a_second_document_is_refused_too(kb: KnowledgeBase) -> None:
    analysis = analyze_libvirt_xml("<domain type='kvm'/>\n" + XXE_FILE.split("\n", 1)[1], kb)
    assert len(analysis.guests) == 1
    assert "DOCTYPE" in analysis.errors[0]


def test_oversized_input_is_refused_before_parsing(kb: KnowledgeBase) -> None:
    text = "<domain type='kvm'><name>" + "x" * (MAX_XML_BYTES + 1) + "</name></domain>"
    started = time.perf_counter()
    with pytest.raises(AnalyzeError, match="larger than"):
        analyze_libvirt_xml(text, kb)
    assert time.perf_counter() - started < 1.0


def test_deep_nesting_is_refused(kb: KnowledgeBase) -> None:
    with pytest.raises(AnalyzeError, match="nested deeper"):
        analyze_libvirt_xml("<domain>" + "<a>" * 10_000 + "</a>" * 10_000 + "</domain>", kb)


def test_too_many_elements_are_refused(kb: KnowledgeBase) -> None:
    text = "<domain type='kvm'><devices>" + "<x/>" * (MAX_ELEMENTS + 1) + "</devices></domain>"
    with pytest.raises(AnalyzeError, match="elements"):
        analyze_libvirt_xml(text, kb)


def test_declared_encoding_cannot_change_how_text_is_read(kb: KnowledgeBase) -> None:
    text = "<?xml version='1.0' encoding='UTF-16'?><domain type='kvm'><name>ä</name></domain>"
    assert analyze_libvirt_xml(text, kb).guests[0]["name"] == "ä"
