"""Section headings: which paragraphs open a section, and what the section is for."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from soplint.model import Section
from soplint.recognize.text import split_typed_label
from soplint.tree import Paragraph

# "Approval Policy", "Approval Workflow": the approvals inside the process, not the document's
# sign-off.
_PROCESS_NOUN = (r"(?!\s+(?:polic|process|workflow|matri|flow|rules?\b|criteria|thresholds?\b"
                 r"|paths?\b|levels?\b|limits?\b|routing|requests?\b|steps?\b))")
_KEYS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(pattern, re.IGNORECASE)) for key, pattern in (
        ("title", r"operat\w*\s+proce|operasional\s+prosedur|^sop\b"),
        ("responsibilities", r"\balur koordinasi\b"),
        ("procedure", r"\b(?:prosedur|langkah|procedures?|tahapan|alur\b|workflow|instructions?"
                      r"|step[- ]by[- ]step|steps\b|cara kerja|mekanisme kerja|uraian kegiatan"
                      r"|protocols?\b|methods?\b|metode\b|how to\b|proses\b|processe?s?\b"
                      r"(?!\s+(?:overview|description|mechanics|owner|map))|runbook\b"
                      r"|action plan\b|playbook\b)"),
        ("purpose", r"\b(?:tujuan|purpose|objectives?|maksud)\b"),
        ("scope", r"\b(?:ruang lingkup|scope|cakupan)\b"),
        ("responsibilities", r"\b(?:tanggung\s*jawab|responsibilit|roles?\b|wewenang|"
                             r"responsible|penanggung jawab|pelaksana\b)"),
        ("definitions", r"\b(?:definisi|pengertian|definitions?|abbreviations?|istilah)\b"),
        ("references", r"\b(?:referensi|references?|dasar hukum|rujukan)\b"),
        ("records", r"\b(?:records?|pencatatan|dokumen terkait|documentation|rekaman)\b"),
        ("approval", r"\b(?:pengesahan|approval|disahkan|approved|sign[- ]?off)\b"
                     + _PROCESS_NOUN),
        ("revision", r"\b(?:revision history|riwayat (?:revisi|perubahan)|change log|"
                     r"versiebeheer|rekaman historis)\b"),
        ("policy", r"\b(?:polic(?:y|ies)|kebijakan)\b"),
        ("safety", r"\b(?:safety|keselamatan|precautions?|warnings?)\b"),
        ("equipment", r"\b(?:equipment|materials?|peralatan|alat dan bahan|reagents?)\b"),
    )
)
_LAST_PATTERN = {key: n for n, (key, _) in enumerate(_KEYS)}
_APPROVAL = next(pattern for key, pattern in _KEYS if key == "approval")
_MAX_HEADING_WORDS = 9
_TOC_LINE = re.compile(r"(?:\t|\.{4,}|…{2,})\s*[ivxlc\d]+\s*$", re.IGNORECASE)
_LETTER_OR_ROMAN = re.compile(r"[A-Z]|[IVX]+")
_LETTER_DOT = re.compile(r"[A-Z]\.\s.*")
_LETTER_OR_ROMAN_LABEL = re.compile(r"[A-Z][.)]|[IVX]+[.)]")


def section_key(title: str) -> str:
    """The canonical key of a section title ("title" for "Standard Operating Procedure"
    and the like), or ""."""
    for key, pattern in _KEYS:
        if pattern.search(title):
            return key
    return ""


def has_key(title: str, key: str) -> bool:
    """Whether `section_key(title) == key`, trying no pattern after the last one of `key`."""
    for name, pattern in _KEYS[: _LAST_PATTERN[key] + 1]:
        if pattern.search(title):
            return name == key
    return False


def names_sign_off(title: str) -> bool:
    """Whether a heading names the document's approval (sign-off) anywhere in it, as in
    "Purpose and Approval"; "Approval Policy" names a part of the process instead."""
    return bool(_APPROVAL.search(title))


def is_toc_line(para: Paragraph) -> bool:
    """Whether `para` is a table-of-contents entry (a title then a page number)."""
    text = para.text
    leader = "\t" in text or "...." in text or "……" in text  # the pattern needs one
    return (leader and bool(_TOC_LINE.search(text))) or para.style.lower().startswith("toc")


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
    if _LETTER_OR_ROMAN.fullmatch(label):
        return 1
    return label.count(".") + 1


def heading_of(para: Paragraph) -> tuple[str, int] | None:
    """(title, level) when `para` reads as a section heading, else None.

    Heading styles count; so do short lines typed as "A. Tujuan" / "5.1 Request intake" and
    short all-capital lines, when they do not end like a sentence.
    """
    words = para.text.split()
    if not words or len(words) > _MAX_HEADING_WORDS + 2 or is_toc_line(para):
        return None
    text = " ".join(words)
    if para.style.lower() in {"title", "subtitle"}:
        return None
    if para.heading is not None:
        label, rest = split_typed_label(text)
        return rest if label else text, max(para.heading, 1)
    if text.endswith((".", ";", ",", "。")) and not _LETTER_DOT.fullmatch(text[:3] + " "):
        return None
    label, rest = split_typed_label(text)
    words = rest.split()
    if not words or len(words) > _MAX_HEADING_WORDS or rest.endswith((".", ";")):
        return None
    if label and not para.label and _LETTER_OR_ROMAN.fullmatch(label):
        return rest, 1
    if para.label and _LETTER_OR_ROMAN_LABEL.fullmatch(para.label):
        return text, 1
    if rest.isupper() and len(rest) > 3:
        return rest, _typed_depth(label) if label else 1
    return None


class HeadingCache:
    """`heading_of` per paragraph and `section_key` per title, each computed once."""

    def __init__(self) -> None:
        self._heads: dict[int, tuple[Paragraph, tuple[str, int] | None]] = {}
        self._keys: dict[str, str] = {}

    def heading(self, para: Paragraph) -> tuple[str, int] | None:
        """`heading_of(para)` (keyed by identity; the paragraph is kept so its id stays)."""
        entry = self._heads.get(id(para))
        if entry is None:
            entry = self._heads[id(para)] = (para, heading_of(para))
        return entry[1]

    def key(self, title: str) -> str:
        """`section_key(title)`."""
        key = self._keys.get(title)
        if key is None:
            key = self._keys[title] = section_key(title)
        return key


def find_headings(paragraphs: Sequence[Paragraph],
                  cache: HeadingCache | None = None) -> list[Heading]:
    """Every heading among `paragraphs` (indexes into that sequence)."""
    cache = cache or HeadingCache()
    found = []
    for i, para in enumerate(paragraphs):
        head = cache.heading(para)
        if head is not None:
            title, level = head
            found.append(Heading(i, title, level, cache.key(title)))
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
