"""The XML helpers of the reader: child lookups give what lxml's `find` gives, duplicates
included; the DOCTYPE check looks where a DOCTYPE can be."""

from __future__ import annotations

import pytest
from lxml import etree

from soplint.errors import DocumentError
from soplint.reader.ooxml.xmlparse import (
    NS,
    children,
    first_child,
    first_grandchild,
    q,
    refuse_doctype,
)

XML = (f'<w:r xmlns:w="{NS["w"]}">'
       '<w:rPr/><w:t>one</w:t><w:t>two</w:t>'
       '<w:pict/><w:pict><w:b id="1"/></w:pict><w:pict><w:b id="2"/><w:b id="3"/></w:pict>'
       '</w:r>')


def test_first_child_is_find() -> None:
    root = etree.fromstring(XML)
    for tag in (q("w:t"), q("w:rPr"), q("w:pict"), q("w:b"), q("w:tab")):
        assert first_child(root, tag) is root.find(tag)


def test_children_keeps_the_first_of_each_tag() -> None:
    root = etree.fromstring(XML)
    found = children(root)
    assert set(found) == {q("w:rPr"), q("w:t"), q("w:pict")}
    assert all(found[tag] is root.find(tag) for tag in found)


def test_first_grandchild_looks_past_a_first_outer_without_one() -> None:
    root = etree.fromstring(XML)
    path = f"{q('w:pict')}/{q('w:b')}"
    assert first_grandchild(root, q("w:pict"), q("w:b")) is root.find(path)
    assert first_grandchild(root, q("w:pict"), q("w:b")).get("id") == "1"
    assert first_grandchild(root, q("w:t"), q("w:b")) is None


@pytest.mark.parametrize("data", [
    b'<!DOCTYPE d [<!ENTITY e "x">]><d/>',
    b'<?xml version="1.0"?>\n<!DOCTYPE d><d/>',
    b'<?xml version="1.0"?><!-- <d> is not the root --><?pi <d>?><!DOCTYPE d><d/>',
    # no b"<!DOCTYPE" in the bytes: only a part surely in UTF-8 is spared the prolog scan
    b'<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE d+AD4-<d/>',
])
def test_doctype_in_the_prolog_is_refused(data: bytes) -> None:
    with pytest.raises(DocumentError, match="contains a DOCTYPE"):
        refuse_doctype(data, "word/document.xml", "x.docx")


def test_doctype_spelt_inside_the_content_is_not_a_doctype() -> None:
    refuse_doctype(b'<?xml version="1.0"?><d><![CDATA[<!DOCTYPE d>]]></d>', "p", "x.docx")
