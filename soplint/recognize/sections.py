"""Section headings: which paragraphs open a section, and what the section is for."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from soplint.model import Section
from soplint.recognize.text import split_typed_label, squash
from soplint.tree import Paragraph

_KEYS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(pattern, re.IGNORECASE)) for key, pattern in (
        ("title", r"operat\w*\s+proce|operasional\s+prosedur|^sop\b"),
        ("responsibilities", r"\balur koordinasi\b"),
        ("procedure", r"\b(?:prosedur|langkah|procedures?|tahapan|alur\b|workflow|instructions?"
                      r"|step[- ]by[- ]step|steps\b|cara kerja|mekanisme kerja|uraian kegiatan)"),
        ("purpose", r"\b(?:tujuan|purpose|objectives?|maksud)\b"),
        ("scope", r"\b(?:ruang lingkup|scope|cakupan)\b"),
        ("responsibilities", r"\b(?:tanggung\s*jawab|responsibilit|roles?\b|wewenang|"
                             r"responsible|penanggung jawab|pelaksana\b)"),
        ("definitions", r"\b(?:definisi|pengertian|definitions?|abbreviations?|istilah)\b"),
        ("references", r"\b(?:referensi|references?|dasar hukum|rujukan)\b"),
        ("records", r"\b(?:records?|pencatatan|dokumen terkait|documentation|rekaman)\b"),
        ("approval", r"\b(?:pengesahan|approval|disahkan|approved|sign[- ]?off)\b"),
        ("revision", r"\b(?:revision history|riwayat (?:revisi|perubahan)|change log|"
                     r"versiebeheer|rekaman historis)\b"),
        ("safety", r"\b(?:safety|keselamatan|precautions?|warnings?)\b"),
        ("equipment", r"\b(?:equipment|materials?|peralatan|alat dan bahan|reagents?)\b"),
    )
)
_MAX_HEADING_WORDS = 9


_TOC_LINE = re.compile(r"(?:\t|\.{4,}|…{2,})\s*[ivxlc\d]+\s*$", re.IGNORECASE)


def section_key(title: str) -> str:
    """The canonical key of a section title ("title" for "Standard Operating Procedure"
    and the like), or ""."""
    for key, pattern in _KEYS:
        if pattern.search(title):
            return key
    return ""


def is_toc_line(para: Paragraph) -> bool:
    """Whether `para` is a table-of-contents entry (a title then a page number)."""
    return bool(_TOC_LINE.search(para.text)) or para.style.lower().startswith("toc")


@dataclass(frozen=True)
class Heading:
    """A paragraph that opens a section, with its depth (1 = top level); `plain` when it is
    an ordinary short line rather than a styled or typed heading."""

    index: int
    title: str
    level: int
    key: str
    plain: bool = False


def _typed_depth(label: str) -> int:
    if re.fullmatch(r"[A-Z]|[IVX]+", label):
        return 1
    return label.count(".") + 1


def heading_of(para: Paragraph) -> tuple[str, int] | None:
    """(title, level) when `para` reads as a section heading, else None.

    Heading styles count; so do short lines typed as "A. Tujuan" / "5.1 Request intake" and
    short all-capital lines, when they do not end like a sentence.
    """
    text = squash(para.text)
    if not text or len(text.split()) > _MAX_HEADING_WORDS + 2 or is_toc_line(para):
        return None
    if para.style.lower() in {"title", "subtitle"}:
        return None
    if para.heading is not None:
        label, rest = split_typed_label(text)
        return rest if label else text, max(para.heading, 1)
    if text.endswith((".", ";", ",", "。")) and not re.fullmatch(r"[A-Z]\.\s.*", text[:3] + " "):
        return None
    label, rest = split_typed_label(text)
    words = rest.split()
    if not words or len(words) > _MAX_HEADING_WORDS or rest.endswith((".", ";")):
        return None
    if label and not para.label and re.fullmatch(r"[A-Z]|[IVX]+", label):
        return rest, 1
    if para.label and re.fullmatch(r"[A-Z][.)]|[IVX]+[.)]", para.label):
        return text, 1
    if rest.isupper() and len(rest) > 3:
        return rest, _typed_depth(label) if label else 1
    return None


def find_headings(paragraphs: Sequence[Paragraph]) -> list[Heading]:
    """Every heading among `paragraphs` (indexes into that sequence)."""
    found = []
    for i, para in enumerate(paragraphs):
        head = heading_of(para)
        if head is not None:
            title, level = head
            found.append(Heading(i, title, level, section_key(title)))
    return found


def sections_of(paragraphs: Sequence[Paragraph], headings: Sequence[Heading]) -> list[Section]:
    """The sections opened by `headings`, each with the text up to the next heading."""
    sections = []
    for n, head in enumerate(headings):
        end = headings[n + 1].index if n + 1 < len(headings) else len(paragraphs)
        body = "\n".join(p.text for p in paragraphs[head.index + 1: end] if p.text.strip())
        sections.append(Section(title=head.title, key=head.key, text=body,
                                where=paragraphs[head.index].where))
    return sections
