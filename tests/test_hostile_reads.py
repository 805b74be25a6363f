"""Only regular files are read, their size checked before reading: a named pipe, a device
(directly or through a link named .docx), a folder named .docx give one line (exit 2) from
check, dump and annotate and a DocumentError from the library, at once; in a folder walk
they are findings of the report, not skipped."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

import soplint
from soplint.cli import main
from soplint.reader.ooxml import archive
from tests.hostile import ENTRY_POINTS, document, no_hang


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.docx"
    os.mkfifo(path)
    return path


def _device_link(target: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / f"{Path(target).name}.docx"
        path.symlink_to(target)
        return path
    return make


def _folder(folder: Path) -> Path:
    path = folder / "dir.docx"
    path.mkdir()
    return path


HOSTILE: dict[str, tuple[Callable[[Path], Path], str]] = {
    "fifo": (_fifo, "named pipe (FIFO)"),
    "dev-zero-link": (_device_link("/dev/zero"), "a device"),
    "dev-urandom-link": (_device_link("/dev/urandom"), "a device"),
    "dev-null-link": (_device_link("/dev/null"), "a device"),
    "folder": (_folder, "is a directory"),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
@pytest.mark.parametrize(("entry", "run"), ENTRY_POINTS, ids=[e for e, _ in ENTRY_POINTS])
def test_what_is_no_regular_file_is_refused_at_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, entry: str,
        run: Callable[[Path, Path], int]) -> None:
    make, problem = HOSTILE[kind]
    path = make(tmp_path)
    with no_hang():
        status = run(path, tmp_path / "out.docx")
    assert status == 2
    captured = capsys.readouterr()
    said = captured.out + captured.err
    if entry == "load":
        with pytest.raises(soplint.DocumentError, match=problem.replace("(", r"\(")
                           .replace(")", r"\)")):
            soplint.load(path)
    else:
        assert problem in said and "Traceback" not in said, said
    assert not (tmp_path / "out.docx").exists()


def test_dev_stdin_on_a_pipe_is_refused_and_names_the_way_to_read_standard_input(
        tmp_path: Path) -> None:
    read, write = os.pipe()
    try:
        with no_hang(), pytest.raises(soplint.DocumentError, match="- reads standard input"):
            soplint.load(f"/dev/fd/{read}")
    finally:
        os.close(read)
        os.close(write)


def test_the_size_is_checked_before_a_byte_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = document(tmp_path)
    monkeypatch.setattr(archive, "MAX_FILE_BYTES", source.stat().st_size - 1)
    with pytest.raises(soplint.DocumentError, match="too large"):
        soplint.load(source)


def test_a_folder_named_docx_given_to_check_is_not_a_silent_pass(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = document(tmp_path)
    (tmp_path / "dir.docx").mkdir()
    status = main(["check", str(good), str(tmp_path / "dir.docx"), "--format", "json"])
    assert status == 2
    documents = json.loads(capsys.readouterr().out)["documents"]
    assert [(Path(d["file"]).name, d["status"]) for d in documents] == [
        ("sop.docx", "checked"), ("dir.docx", "unreadable")]


def test_a_folder_walk_reports_what_it_cannot_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "sop"
    folder.mkdir()
    document(folder, "a.docx")
    _fifo(folder)
    _device_link("/dev/zero")(folder)
    _folder(folder)
    (folder / "loop.docx").symlink_to(folder / "loop.docx")
    (folder / "gone.docx").symlink_to(folder / "nowhere.docx")
    (folder / "again").symlink_to(folder)  # a linked folder that loops: walked once
    with no_hang():
        status = main(["check", str(folder), "--format", "json"])
    assert status == 2
    documents = json.loads(capsys.readouterr().out)["documents"]
    found = {Path(d["file"]).name: (d["status"], d["problem"]) for d in documents}
    assert found == {
        "a.docx": ("checked", None),
        "pipe.docx": ("unreadable", "a named pipe (FIFO), not a regular file; - reads "
                                    "standard input"),
        "zero.docx": ("unreadable", "a device, not a regular file"),
        "dir.docx": ("unreadable", "is a directory, not a file"),
        "loop.docx": ("unreadable", "a loop of symbolic links"),
        "gone.docx": ("unreadable", "file not found"),
    }


def test_standard_input_is_read_within_the_size_limit(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    class Endless:
        """/dev/zero as standard input: as many bytes as are asked for."""

        def read(self, size: int = -1) -> bytes:
            assert size > 0, "read without a limit"
            return b"\0" * size

    class Stdin:
        buffer = Endless()

    monkeypatch.setattr(archive, "MAX_FILE_BYTES", 1024)
    monkeypatch.setattr("sys.stdin", Stdin())
    with no_hang():
        assert main(["check", "-", "--format", "concise"]) == 2
    assert "too large" in capsys.readouterr().out
