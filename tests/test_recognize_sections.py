"""Section keys and headings: the quick forms agree with the plain ones."""

from __future__ import annotations

import pytest

from soplint.recognize.sections import HeadingCache, has_key, heading_of, section_key
from soplint.tree import Paragraph, Where

TITLES = ["Prosedur", "Standard Operating Procedure", "Alur koordinasi", "Tujuan dan prosedur",
          "Langkah-langkah", "Ruang lingkup", "Tanggung jawab pelaksana", "Definitions",
          "Riwayat revisi", "SOP", "Safety procedures", "Lampiran", ""]


@pytest.mark.parametrize("title", TITLES)
def test_has_key_is_section_key(title: str) -> None:
    for key in ("title", "responsibilities", "procedure", "purpose", "equipment"):
        assert has_key(title, key) == (section_key(title) == key)


def test_heading_cache_gives_heading_of_and_section_key() -> None:
    paragraphs = [Paragraph(text=text, where=Where(paragraph=i), style=style)
                  for i, (text, style) in enumerate([("A. Tujuan", ""), ("PROSEDUR", ""),
                                                     ("Some sentence here.", ""),
                                                     ("Scope", "Heading1")])]
    cache = HeadingCache()
    for para in paragraphs + paragraphs:
        assert cache.heading(para) == heading_of(para)
    assert [cache.key(t) for t in TITLES] == [section_key(t) for t in TITLES]


@pytest.mark.parametrize(("title", "key"), [
    ("Approval", "approval"), ("Document Approval", "approval"), ("Lembar Pengesahan", "approval"),
    ("Approved by", "approval"), ("Approval Policy (Thresholds & Paths)", ""),
    ("Approval Matrix", ""), ("Approval Workflow", "procedure"),
])
def test_an_approval_inside_the_process_is_no_sign_off_section(title: str, key: str) -> None:
    assert section_key(title) == key
