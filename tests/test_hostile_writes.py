"""Nothing soplint writes lands on a user's document: every output (annotate -o, check
--output, --write-baseline) is a new file moved into place, refused when it is or links to
an input, and every failure to write is one line with exit status 2."""

from __future__ import annotations

import errno
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import pytest

from soplint import writing
from soplint.cli import main
from soplint.writing import WriteError, write_text
from tests.hostile import document, no_hang


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_line_error(capsys: pytest.CaptureFixture[str], *words: str) -> str:
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith("soplint:")]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def test_annotate_refuses_a_hard_link_to_its_input(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = document(tmp_path)
    before = _digest(source)
    os.link(source, tmp_path / "out.docx")
    assert main(["annotate", str(source), "-o", str(tmp_path / "out.docx")]) == 2
    _one_line_error(capsys, "refusing", "sop.docx")
    assert _digest(source) == before


def test_annotate_refuses_a_symbolic_link_to_its_input(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = document(tmp_path)
    before = _digest(source)
    (tmp_path / "out.docx").symlink_to(source)
    assert main(["annotate", str(source), "-o", str(tmp_path / "out.docx")]) == 2
    _one_line_error(capsys, "refusing")
    assert _digest(source) == before


@pytest.mark.parametrize("link", [os.link, os.symlink])
@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_check_refuses_an_output_linked_to_a_document(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        link: Callable[[Path, Path], None], option: str) -> None:
    source = document(tmp_path)
    before = _digest(source)
    report = tmp_path / "report.json"
    link(source, report)
    value = f"json:{report}" if option == "--output" else str(report)
    assert main(["check", str(source), option, value]) == 2
    _one_line_error(capsys, "refusing", "sop.docx")
    assert _digest(source) == before


def test_check_refuses_an_output_over_a_document_found_in_a_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "sop"
    folder.mkdir()
    source = document(folder)
    before = _digest(source)
    report = tmp_path / "report.sarif"
    os.link(source, report)
    assert main(["check", str(folder), "--output", f"sarif:{report}"]) == 2
    _one_line_error(capsys, "tidak akan menimpa masukan")  # the document's language
    assert _digest(source) == before


def test_a_link_to_another_file_is_replaced_never_written_through(tmp_path: Path) -> None:
    kept = tmp_path / "kept.txt"
    kept.write_text("precious\n")
    link = tmp_path / "report.json"
    link.symlink_to(kept)
    hard = tmp_path / "hard.json"
    os.link(kept, hard)
    write_text(link, "{}\n")
    write_text(hard, "[]\n")
    assert kept.read_text() == "precious\n"
    assert not link.is_symlink() and link.read_text() == "{}\n"
    assert hard.read_text() == "[]\n"


def test_a_report_is_written_whole_and_nothing_is_left_beside_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = document(tmp_path)
    report = tmp_path / "report.json"
    report.write_text("old\n")
    main(["check", str(source), "--output", f"json:{report}"])
    assert json.loads(report.read_text())["documents"][0]["file"] == str(source)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json", "sop.docx"]


@pytest.mark.parametrize("command", ["annotate", "check", "baseline"])
def test_a_missing_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      command: str) -> None:
    source = document(tmp_path)
    target = tmp_path / "missing" / "out.docx"
    args = {"annotate": ["annotate", str(source), "-o", str(target)],
            "check": ["check", str(source), "--output", f"json:{target.with_suffix('.json')}"],
            "baseline": ["check", str(source), "--write-baseline",
                         str(target.with_suffix(".json"))]}[command]
    assert main(args) == 2  # said in the document's language, as its findings are
    _one_line_error(capsys, "tidak dapat ditulis: foldernya tidak ada", "missing")
    assert main([*args, "--lang", "en"]) == 2
    _one_line_error(capsys, "cannot write", "no such folder", "missing")


def test_a_folder_named_like_the_output_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = document(tmp_path)
    (tmp_path / "out.docx").mkdir()
    (tmp_path / "out.json").mkdir()
    assert main(["annotate", str(source), "-o", str(tmp_path / "out.docx")]) == 2
    _one_line_error(capsys, "folder", "out.docx")
    assert main(["check", str(source), "--output", f"csv:{tmp_path / 'out.json'}"]) == 2
    _one_line_error(capsys, "folder", "out.json")


@pytest.mark.parametrize(("where", "code", "words"), [
    ("replace", errno.ENOSPC, "No space left on device"),
    ("fsync", errno.EDQUOT, "quota"),
    ("mkstemp", errno.EACCES, "Permission denied"),
])
def test_a_full_disk_or_a_refused_write_is_one_line_and_keeps_the_old_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        where: str, code: int, words: str) -> None:
    source = document(tmp_path)
    report = tmp_path / "report.json"
    report.write_text("yesterday's report\n")

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    owner = writing.tempfile if where == "mkstemp" else writing.os
    monkeypatch.setattr(owner, where, fail)
    status = main(["check", str(source), "--output", f"json:{report}", "--lang", "en"])
    monkeypatch.undo()
    assert status == 2
    _one_line_error(capsys, "cannot write", "report.json", words)
    assert report.read_text() == "yesterday's report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json", "sop.docx"]


def test_annotate_on_a_full_disk_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    source = document(tmp_path)

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(writing.os, "replace", full)
    status = main(["annotate", str(source), "-o", str(tmp_path / "out.docx")])
    monkeypatch.undo()
    assert status == 2
    _one_line_error(capsys, "No space left on device")
    assert not (tmp_path / "out.docx").exists()


def test_the_library_refuses_an_input_as_target(tmp_path: Path) -> None:
    source = document(tmp_path)
    with pytest.raises(WriteError, match="refusing"):
        write_text(tmp_path / "sop.docx", "x", [source])
    os.link(source, tmp_path / "again.docx")
    with pytest.raises(WriteError, match="refusing"):
        write_text(tmp_path / "again.docx", "x", [source])


def test_the_rule_cache_is_never_written_through_a_planted_link(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("SOPLINT_CACHE_DIR", str(cache))
    source = document(tmp_path)
    before = _digest(source)
    # where a cache write with a predictable temporary name would go
    (cache / f"rules.{os.getpid()}.tmp").symlink_to(source)
    (cache / "rules.json").symlink_to(source)
    assert main(["rule", "TIM001"]) == 0
    assert "TIM001" in capsys.readouterr().out
    assert _digest(source) == before
    assert not (cache / "rules.json").is_symlink()


def test_a_pipe_in_place_of_the_rule_cache_is_not_waited_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOPLINT_CACHE_DIR", str(tmp_path))
    os.mkfifo(tmp_path / "rules.json")
    with no_hang():
        assert main(["rule", "TIM001"]) == 0
    assert "TIM001" in capsys.readouterr().out


@pytest.mark.parametrize("link", [os.link, os.symlink])
def test_draw_refuses_an_output_linked_to_its_input(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        link: Callable[[Path, Path], None]) -> None:
    source = document(tmp_path)
    before = _digest(source)
    link(source, tmp_path / "flow.svg")
    assert main(["draw", str(source), "-o", str(tmp_path / "flow.svg")]) == 2
    _one_line_error(capsys, "refusing", "sop.docx")
    assert _digest(source) == before


def test_draw_to_a_missing_folder_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = document(tmp_path)
    assert main(["draw", str(source), "-o", str(tmp_path / "missing" / "flow.svg")]) == 2
    _one_line_error(capsys, "no such folder")


def test_check_refuses_an_output_over_its_configuration_or_baseline(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = document(tmp_path)
    settings = tmp_path / "settings.toml"
    settings.write_text('lang = "en"\n')
    assert main(["check", str(source), "--config", str(settings), "--output",
                 f"json:{settings}"]) == 2
    _one_line_error(capsys, "refusing", "settings.toml")
    assert settings.read_text() == 'lang = "en"\n'
    known = tmp_path / "known.json"
    assert main(["check", str(source), "--write-baseline", str(known)]) == 0
    recorded = known.read_text()
    capsys.readouterr()
    assert main(["check", str(source), "--baseline", str(known), "--output",
                 f"json:{known}"]) == 2
    _one_line_error(capsys, "refusing", "known.json")
    assert known.read_text() == recorded


def test_a_writer_that_fails_half_way_leaves_the_old_file_and_no_temporary(
        tmp_path: Path) -> None:
    report = tmp_path / "report.zip"
    report.write_bytes(b"old")

    def half(stream: BinaryIO) -> None:
        stream.write(b"new, half")
        raise ValueError("the writer broke")

    with pytest.raises(ValueError):
        writing.write_stream(report, half)
    assert report.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.zip"]
