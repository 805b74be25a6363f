"""What a section is for, from its title ("Prosedur Kerja" -> "procedure"), in both
languages; and table-of-contents lines, which open no section."""

from __future__ import annotations

import re

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
                      r"|step[- ]by[- ]step|steps\b|cara kerja|mekanisme\b|uraian kegiatan"
                      r"|tata cara\b|instruksi kerja|petunjuk pelaksanaan|rincian kegiatan"
                      r"|^pelaksanaan(?: kegiatan)?$|methodolog"
                      r"|protocols?\b|methods?\b|metode\b|how to\b|proses\b|processe?s?\b"
                      r"(?!\s+(?:overview|description|mechanics|owner|map))|runbook\b"
                      r"|action plan\b|playbook\b)"),
        ("purpose", r"\b(?:tujuan|purpose|objectives?|maksud)\b"),
        ("scope", r"\b(?:ruang lingkup|scope|cakupan)\b"),
        ("responsibilities", r"\b(?:tanggung\s*jawab|responsibilit|roles?\b|wewenang|"
                             r"responsible|penanggung jawab|pelaksana\b|hak akses|"
                             r"pengguna (?:sistem|aplikasi)|user (?:roles|access))"),
        ("definitions", r"\b(?:definisi|pengertian|definitions?|abbreviations?|istilah)\b"),
        ("references", r"\b(?:referensi|references|dasar hukum|rujukan)\b|^reference\b|"
                       r"\breference$"),
        ("revision", r"\b(?:revision history|version history|document history|"
                     r"riwayat (?:revisi|perubahan|dokumen)|change log|"
                     r"versiebeheer|rekaman historis)\b"),
        ("records", r"\b(?:records?|pencatatan|dokumen terkait|documentation|rekaman)\b"),
        ("approval", r"\b(?:pengesahan|approval|disahkan|approved|sign[- ]?off)\b"
                     + _PROCESS_NOUN),
        ("policy", r"\b(?:polic(?:y|ies)|kebijakan)\b"),
        ("appendix", r"^(?:appendix|appendices|annex|lampiran)\b"),
        ("safety", r"\b(?:safety|keselamatan|precautions?|warnings?|peringatan)\b|"
                   r"\bhal\s*[-–]\s*hal yang (?:perlu|harus) diperhatikan\b"),
        ("related_units", r"\bunit(?:\s+kerja)?\s+terkait\b|\brelated (?:units|departments)\b"),
        ("equipment", r"\b(?:equipment|materials|peralatan|alat dan bahan|reagents?|supplies)\b"
                      r"|^(?:required\s+|raw\s+)?materials?$"),
    )
)
_APPROVAL = next(pattern for key, pattern in _KEYS if key == "approval")
_TOC_LINE = re.compile(r"(?:\t|\.{4,}|…{2,})\s*[ivxlc\d]+\s*$", re.IGNORECASE)


def section_key(title: str) -> str:
    """The canonical key of a section title ("title" for "Standard Operating Procedure"
    and the like), or ""."""
    for key, pattern in _KEYS:
        if pattern.search(title):
            return key
    return ""


def names_sign_off(title: str) -> bool:
    """Whether a heading names the document's approval (sign-off) anywhere in it, as in
    "Purpose and Approval"; "Approval Policy" names a part of the process instead."""
    return bool(_APPROVAL.search(title))


def is_toc_line(para: Paragraph) -> bool:
    """Whether `para` is a table-of-contents entry (a title then a page number)."""
    text = para.text
    leader = "\t" in text or "...." in text or "……" in text  # the pattern needs one
    return (leader and bool(_TOC_LINE.search(text))) or para.style.lower().startswith("toc")
