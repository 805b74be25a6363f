"""Which files a folder run checks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from soplint import checking
from soplint.checking import NotChecked, documents, run_check, unread_documents
from soplint.cli import main
from soplint.reader import read_docx
from soplint.reader.builtin import DOCX
from soplint.reader.registry import Reader

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_a_folder_gives_its_docx_files_below_it_in_order(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _readers(monkeypatch)  # the .docx reader alone
    for name in ("b.docx", "sub/a.docx", "LAMA/SOP PELAYANAN.DOCX", "notes.txt", "old.doc",
                 "~$b.docx", "sub/~$a.docx"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "folder.docx").mkdir()  # no document in it: listed, to be reported
    (tmp_path / "holder.docx").mkdir()  # a document in it: that is what is listed
    (tmp_path / "holder.docx" / "c.docx").write_bytes(b"x")
    found = [p.relative_to(tmp_path).as_posix() for p in documents([tmp_path])]
    assert found == ["LAMA/SOP PELAYANAN.DOCX", "b.docx", "folder.docx", "holder.docx/c.docx",
                     "sub/a.docx"]


def test_a_named_file_is_checked_whatever_its_name(tmp_path: Path) -> None:
    named = tmp_path / "~$locked.docx"
    assert list(documents([named, tmp_path / "missing.pdf"])) == [named,
                                                                   tmp_path / "missing.pdf"]


def _readers(monkeypatch: pytest.MonkeyPatch, *readers: Reader) -> None:
    """Folder runs see these readers, the built-in .docx reader after them."""
    monkeypatch.setattr(checking, "registered_readers", lambda: (*readers, DOCX))


# An Excel reader whose library is not installed, and an RTF reader that can read.
NO_XLSX = Reader("Excel .xlsx", (".xlsx",), read_docx, (b"PK",), extra="xlsx",
                 modules=("soplint_no_such_module",))
RTF = Reader("RTF", (".rtf",), read_docx, (b"{\\rtf",))


def test_documents_no_installed_reader_takes_are_listed_not_checked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _readers(monkeypatch, NO_XLSX, RTF)
    for name in ("a.docx", "old/b.doc", "d.dotx", "scan/e.PDF", "f.xlsx", "g.odt",
                 "h.rtf", "i.xls", "photo.jpg", "notes.txt", "scan/~$e.pdf"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    unread = [(Path(n.file).relative_to(tmp_path).as_posix(), n.format, n.hint)
              for n in unread_documents([tmp_path])]
    assert unread == [
        ("f.xlsx", "Excel .xlsx", "needs soplint_no_such_module: pip install 'soplint[xlsx]'"),
        ("i.xls", "Excel 97-2003 .xls", "save it as .xlsx"),
        ("scan/e.PDF", "PDF", "no PDF reader is installed")]
    checked = [p.relative_to(tmp_path).as_posix() for p in documents([tmp_path])]
    assert checked == ["a.docx", "h.rtf"]
    assert unread_documents([tmp_path / "f.xlsx"]) == []  # a named file is checked as is


def test_a_run_over_a_folder_says_what_it_left_out_and_what_would_read_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _readers(monkeypatch, NO_XLSX)
    shutil.copy(FIXTURES / "en_narrative.docx", tmp_path / "new.docx")
    (tmp_path / "rekap.xlsx").write_bytes(b"PK\x03\x04")
    for name in ("scan1.pdf", "scan2.pdf"):
        (tmp_path / name).write_bytes(b"%PDF-1.4")
    result = run_check([tmp_path])
    assert [Path(r.file).name for r in result.reports] == ["new.docx"]
    no_xlsx = "needs soplint_no_such_module: pip install 'soplint[xlsx]'"
    assert result.not_checked == (
        NotChecked(str(tmp_path / "rekap.xlsx"), "Excel .xlsx", no_xlsx),
        NotChecked(str(tmp_path / "scan1.pdf"), "PDF", "no PDF reader is installed"),
        NotChecked(str(tmp_path / "scan2.pdf"), "PDF", "no PDF reader is installed"))
    main(["check", str(tmp_path)])  # concise (not a terminal): the summary on stderr
    out = " ".join(capsys.readouterr().err.split())
    assert ("3 files not checked: 2 PDF (no PDF reader is installed), 1 Excel .xlsx "
            f"({no_xlsx})") in out
    main(["check", str(tmp_path), "--format", "summary"])
    assert f"    {tmp_path / 'rekap.xlsx'}" in capsys.readouterr().out.splitlines()
    main(["check", str(tmp_path), "--format", "json"])
    listed = json.loads(capsys.readouterr().out)["not_checked"]
    assert listed[0] == {"file": str(tmp_path / "rekap.xlsx"), "format": "Excel .xlsx",
                         "hint": no_xlsx}
    assert [n["format"] for n in listed] == ["Excel .xlsx", "PDF", "PDF"]
