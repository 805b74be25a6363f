"""A document that cannot be read gets the suggestion that mends its problem (SOP002): a scan
or a pictured flowchart needs OCR, a password-protected file a copy without the password; only
what saving as .docx mends is told to be saved as .docx. In the document's reader's words, in
the user's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from soplint.checking import CheckOptions, check_all
from tests.pdf_build import Pdf

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _scan() -> bytes:
    pdf = Pdf()
    pdf.page()
    pdf.picture(20, 20, 700, 500)
    return pdf.bytes()


def _encrypted_docx() -> bytes:
    return OLE + b"\x00" * 100 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 100


def _suggestion(path: Path, data: bytes, lang: str = "en") -> str:
    path.write_bytes(data)
    finding = check_all(path, CheckOptions(lang=lang))[0].findings[0]
    assert finding.code == "SOP002"
    return finding.suggestion


@pytest.mark.parametrize(("name", "make", "lang", "words"), [
    ("scan.pdf", _scan, "en", "run OCR on the PDF first"),
    ("scan.pdf", _scan, "id", "jalankan OCR pada PDF ini"),
    ("locked.docx", _encrypted_docx, "en", "a copy without the password"),
    ("locked.docx", _encrypted_docx, "id", "salinan tanpa kata sandi"),
    ("broken.pdf", lambda: b"%PDF-1.4\nnot really", "en", "export the PDF again"),
])
def test_the_suggestion_mends_the_problem(tmp_path: Path, name: str, make: object,
                                          lang: str, words: str) -> None:
    said = _suggestion(tmp_path / name, make(), lang)  # type: ignore[operator]
    assert words in said and "save it as a .docx" not in said


def test_a_file_that_saving_as_docx_mends_is_told_so(tmp_path: Path) -> None:
    assert "save it as a .docx document" in _suggestion(tmp_path / "sop.docx", b"<html>")
