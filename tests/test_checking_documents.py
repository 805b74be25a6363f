"""Which files a folder run checks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from soplint.checking import NotChecked, documents, run_check, unread_documents
from soplint.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_a_folder_gives_its_docx_files_below_it_in_order(tmp_path: Path) -> None:
    for name in ("b.docx", "sub/a.docx", "LAMA/SOP PELAYANAN.DOCX", "notes.txt", "old.doc",
                 "~$b.docx", "sub/~$a.docx"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "folder.docx").mkdir()
    found = [p.relative_to(tmp_path).as_posix() for p in documents([tmp_path])]
    assert found == ["LAMA/SOP PELAYANAN.DOCX", "b.docx", "sub/a.docx"]


def test_a_named_file_is_checked_whatever_its_name(tmp_path: Path) -> None:
    named = tmp_path / "~$locked.docx"
    assert list(documents([named, tmp_path / "missing.pdf"])) == [named,
                                                                   tmp_path / "missing.pdf"]


def test_documents_in_other_formats_in_a_folder_are_listed_not_checked(tmp_path: Path) -> None:
    for name in ("a.docx", "old/b.doc", "old/C.DOC", "old/~$b.doc", "d.dotx", "scan/e.PDF",
                 "f.xlsx", "g.odt", "h.rtf", "i.xls", "photo.jpg", "notes.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    unread = [(Path(n.file).relative_to(tmp_path).as_posix(), n.format)
              for n in unread_documents([tmp_path])]
    assert unread == [("f.xlsx", "Excel .xlsx"), ("g.odt", "OpenDocument .odt"),
                      ("h.rtf", "RTF"), ("i.xls", "Excel .xls"),
                      ("old/C.DOC", "Word 97-2003 .doc"), ("old/b.doc", "Word 97-2003 .doc"),
                      ("scan/e.PDF", "PDF")]
    assert unread_documents([tmp_path / "old/b.doc"]) == []  # a named file is checked as is


def test_a_run_over_a_folder_says_what_it_left_out(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(FIXTURES / "en_narrative.docx", tmp_path / "new.docx")
    (tmp_path / "lama.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    for name in ("scan1.pdf", "scan2.pdf"):
        (tmp_path / name).write_bytes(b"%PDF-1.4")
    result = run_check([tmp_path])
    assert [Path(r.file).name for r in result.reports] == ["new.docx"]
    assert result.not_checked == (NotChecked(str(tmp_path / "lama.doc"), "Word 97-2003 .doc"),
                                  NotChecked(str(tmp_path / "scan1.pdf"), "PDF"),
                                  NotChecked(str(tmp_path / "scan2.pdf"), "PDF"))
    main(["check", str(tmp_path)])  # concise (not a terminal): the summary on stderr
    out = " ".join(capsys.readouterr().err.split())
    assert ("3 files not checked (2 PDF, 1 Word 97-2003 .doc): soplint reads .docx only, "
            "save as .docx to check") in out
    main(["check", str(tmp_path), "--format", "summary"])
    assert f"    {tmp_path / 'lama.doc'}" in capsys.readouterr().out.splitlines()
    main(["check", str(tmp_path), "--format", "json"])
    listed = json.loads(capsys.readouterr().out)["not_checked"]
    assert listed[0] == {"file": str(tmp_path / "lama.doc"), "format": "Word 97-2003 .doc"}
    assert [n["format"] for n in listed] == ["Word 97-2003 .doc", "PDF", "PDF"]
