"""Helpers shared by the identity rules (IDN*): Permenpan field labels and empty values.

Not a rule module (the leading underscore keeps the pack from scanning it).
"""

from __future__ import annotations

import re

# Canonical key -> the label Permenpan RB 35/2012 prints for the field.
PERMENPAN_LABELS = {
    "nomor": "Nomor SOP",
    "tanggal_pembuatan": "Tanggal Pembuatan",
    "tanggal_revisi": "Tanggal Revisi",
    "tanggal_efektif": "Tanggal Efektif",
    "disahkan_oleh": "Disahkan oleh",
    "nama": "Nama SOP",
    "dasar_hukum": "Dasar Hukum",
    "kualifikasi_pelaksana": "Kualifikasi Pelaksana",
    "keterkaitan": "Keterkaitan",
    "peralatan": "Peralatan/Perlengkapan",
    "peringatan": "Peringatan",
    "pencatatan": "Pencatatan dan Pendataan",
}

# Template placeholders: {{x}}, {x}, {% ... %}, <<x>>, "…"/"...", xxx, *****, ____, [isi ...].
_PLACEHOLDER = re.compile(
    r"\{\{[^{}\n]*\}\}|\{%[^\n]*?%\}|\{[^{}\n]*\}|\{%|%\}|<<[^<>\n]*>>"
    r"|…|\.{3,}|\bx{3,}\b|\*{3,}|_{3,}"
    r"|\[\s*(?:isi|diisi|isikan|tulis|ketik|nama|tanggal|nomor|nip|tbd|insert|\.{2,}|x+)"
    r"[^\]\n]*\]|(?-i:\bTB[DA]\b)",
    re.IGNORECASE,
)
_DASHES = frozenset({"-", "--", "–", "—", "_"})


def is_empty(value: str) -> bool:
    """Nothing but spaces and punctuation such as ":"."""
    return not value.strip(" \t\r\n:;.,")


def is_dash(value: str) -> bool:
    """Only a dash ("-", "–", "—")."""
    return value.strip() in _DASHES


def placeholder(value: str) -> str | None:
    """The first template placeholder in `value`, if any."""
    found = _PLACEHOLDER.search(value)
    return found.group(0) if found else None


def unfilled(value: str) -> bool:
    """Empty, a dash, or holding a placeholder: left to IDN002 by the other IDN rules."""
    return is_empty(value) or is_dash(value) or placeholder(value) is not None
