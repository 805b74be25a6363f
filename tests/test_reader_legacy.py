"""Older files (.doc, .rtf, .odt) are converted to .docx by LibreOffice in a private folder
and read like a .docx; without LibreOffice, one line says what to install. The documents are
made here: an RTF written by hand, a .doc and an .odt converted from a .docx fixture."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import soplint
from soplint.checking import check_path, unread_documents
from soplint.cli import main
from soplint.errors import DocumentError
from soplint.reader.legacy import convert
from tests.corpus import FILES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NARRATIVE = FIXTURES / "en_narrative.docx"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
needs_soffice = pytest.mark.skipif(
    convert.soffice() is None, reason="LibreOffice (soffice) is not installed: "
    "apt-get install libreoffice-writer-nogui")
RTF = (rb"{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}"
       rb"\pard Prosedur Penerbitan Surat Izin\par"
       rb"\pard Prosedur\par"
       rb"\pard 1. Petugas menerima berkas permohonan.\par"
       rb"\pard 2. Petugas memeriksa kelengkapan berkas.\par"
       rb"\pard 3. Kepala menandatangani surat izin.\par}")


def _converted(tmp_path: Path, source: Path, fmt: str) -> Path:
    """`source` converted by LibreOffice to `fmt` (doc, odt) in its own folder."""
    out = tmp_path / f"made-{fmt}"
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([str(convert.soffice()), "--headless", f"-env:UserInstallation={profile}",
                    "--convert-to", fmt, "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=180)
    return out / f"{source.stem}.{fmt}"


@needs_soffice
def test_an_rtf_file_is_read_and_named_in_its_findings(tmp_path: Path) -> None:
    path = tmp_path / "izin.rtf"
    path.write_bytes(RTF)
    sop = soplint.load(path)
    assert sop.source == str(path)
    assert [s.text for s in sop.steps] == ["Petugas menerima berkas permohonan.",
                                           "Petugas memeriksa kelengkapan berkas.",
                                           "Kepala menandatangani surat izin."]
    (report,) = check_path(path)
    assert report.file == str(path) and all(f.file == str(path) for f in report.findings)
    assert sorted(os.listdir(tmp_path)) == ["izin.rtf"]  # nothing written next to it


@needs_soffice
@pytest.mark.parametrize("fmt", ["doc", "odt"])
def test_doc_and_odt_read_like_the_docx_they_were_made_from(tmp_path: Path, fmt: str) -> None:
    made = _converted(tmp_path, NARRATIVE, fmt)
    original = soplint.load(NARRATIVE)
    sop = soplint.load(made)
    assert sop.source == str(made)
    assert [s.text for s in sop.steps] == [s.text for s in original.steps]
    assert sorted(os.listdir(made.parent)) == [made.name]
    assert soplint.load(made.read_bytes(), name=f"upload.{fmt}").steps == sop.steps


def _fake_soffice(tmp_path: Path, script: str, monkeypatch: pytest.MonkeyPatch) -> None:
    program = tmp_path / "soffice"
    program.write_text(f"#!/bin/sh\n{script}\n")
    program.chmod(0o755)
    monkeypatch.setenv(convert.ENV_SOFFICE, str(program))


def test_a_conversion_that_hangs_is_stopped(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_soffice(tmp_path, "sleep 60", monkeypatch)
    monkeypatch.setattr(convert, "TIMEOUT_SECONDS", 1)
    with pytest.raises(DocumentError) as caught:
        soplint.load(RTF, name="lama.rtf")
    assert str(caught.value) == "lama.rtf: LibreOffice took more than 1 s to convert it to .docx"


def test_a_failed_conversion_is_one_line(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_soffice(tmp_path, "echo 'Error: source file could not be loaded'; exit 1",
                  monkeypatch)
    with pytest.raises(DocumentError) as caught:
        soplint.load(OLE + b"\0" * 600, name="rusak.doc")
    assert caught.value.problem == ("LibreOffice could not convert it to .docx (Error: source "
                                    "file could not be loaded)")


def test_without_libreoffice_one_line_says_what_to_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(convert.ENV_SOFFICE, str(tmp_path / "no-soffice-here"))
    path = tmp_path / "lama.doc"
    path.write_bytes(OLE + b"\0" * 600)
    assert main(["dump", str(path)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"soplint: {path}: Word 97-2003 .doc file: reading it {convert.INSTALL}")
    (listed,) = unread_documents([tmp_path])
    assert (listed.file, listed.format, listed.hint) == (str(path), "Word 97-2003 .doc",
                                                         convert.INSTALL)


def test_a_password_protected_file_is_named_before_any_conversion(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_soffice(tmp_path, "exit 1", monkeypatch)
    data = OLE + b"\0" * 100 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 100
    with pytest.raises(DocumentError) as caught:
        soplint.load(data, name="rahasia.doc")
    assert caught.value.problem == "password-protected (encrypted) document"


CORPUS_DOC = sorted(FILES.glob("*.doc")) if FILES.is_dir() else []


@needs_soffice
@pytest.mark.skipif(not CORPUS_DOC, reason="the shared corpus has no .doc here")
@pytest.mark.parametrize("path", CORPUS_DOC, ids=lambda p: p.name)
def test_every_real_doc_loads(path: Path, tmp_path: Path) -> None:
    shutil.copy(path, tmp_path / path.name)
    sop = soplint.load(tmp_path / path.name)
    assert sop.steps or sop.reason
    assert sorted(os.listdir(tmp_path)) == [path.name]
