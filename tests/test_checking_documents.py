"""Which files a folder run checks."""

from __future__ import annotations

from pathlib import Path

from soplint.checking import documents


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
