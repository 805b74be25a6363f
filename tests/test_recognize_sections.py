"""Section keys: what a section title says the section is for."""

from __future__ import annotations

import pytest

from soplint.recognize.sections import section_key

TITLES = {"Prosedur": "procedure", "Standard Operating Procedure": "title",
          "Alur koordinasi": "responsibilities", "Langkah-langkah": "procedure",
          "Ruang lingkup": "scope", "Tanggung jawab pelaksana": "responsibilities",
          "Definitions": "definitions", "Riwayat revisi": "revision", "SOP": "title",
          "Processes": "procedure", "CAPA Process": "procedure", "Methods": "procedure",
          "PROTOCOLS": "procedure", "Optimization Process Overview": "", "Lampiran": "appendix",
          "Security Policy": "policy", "Tata Cara Pelaksanaan": "procedure",
          "Mekanisme": "procedure", "Instruksi Kerja": "procedure", "Pelaksanaan": "procedure",
          "Waktu Pelaksanaan": "", "Methodology": "procedure", "": ""}


@pytest.mark.parametrize(("title", "key"), TITLES.items())
def test_section_key(title: str, key: str) -> None:
    assert section_key(title) == key


@pytest.mark.parametrize(("title", "key"), [
    ("Approval", "approval"), ("Document Approval", "approval"), ("Lembar Pengesahan", "approval"),
    ("Approved by", "approval"), ("Approval Policy (Thresholds & Paths)", "policy"),
    ("Approval Matrix", ""), ("Approval Workflow", "procedure"),
])
def test_an_approval_inside_the_process_is_no_sign_off_section(title: str, key: str) -> None:
    assert section_key(title) == key
