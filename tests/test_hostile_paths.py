"""Paths the system itself refuses — a loop of symbolic links, a name or path longer than
it allows, a link that leads nowhere — are one line from check, dump, annotate and a
DocumentError from the library, never a RuntimeError or OSError traceback."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

import soplint
from soplint.checking import run_check
from tests.hostile import ENTRY_POINTS, document, no_hang


def _loop(folder: Path) -> Path:
    path = folder / "loop.docx"
    path.symlink_to(path)
    return path


def _pair_loop(folder: Path) -> Path:
    (folder / "b.docx").symlink_to(folder / "a.docx")
    (folder / "a.docx").symlink_to(folder / "b.docx")
    return folder / "a.docx"


def _long_name(folder: Path) -> Path:
    return folder / ("a" * (os.pathconf(folder, "PC_NAME_MAX") + 10) + ".docx")


def _long_path(folder: Path) -> Path:
    step = "d" * 200
    depth = os.pathconf(folder, "PC_PATH_MAX") // len(step) + 2
    return folder.joinpath(*([step] * depth), "sop.docx")


PATHS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "link-loop": (_loop, "a loop of symbolic links"),
    "two-link-loop": (_pair_loop, "a loop of symbolic links"),
    "long-name": (_long_name, "longer than the system allows"),
    "long-path": (_long_path, "longer than the system allows"),
}


@pytest.mark.parametrize("kind", sorted(PATHS))
@pytest.mark.parametrize(("entry", "run"), ENTRY_POINTS, ids=[e for e, _ in ENTRY_POINTS])
def test_a_path_the_system_refuses_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, entry: str,
        run: Callable[[Path, Path], int]) -> None:
    make, problem = PATHS[kind]
    path = make(tmp_path)
    with no_hang():
        status = run(path, tmp_path / "out.docx")
    assert status == 2
    captured = capsys.readouterr()
    if entry == "load":
        with pytest.raises(soplint.DocumentError, match=problem):
            soplint.load(path)
        return
    said = captured.out + captured.err
    assert problem in said and "Traceback" not in said, said
    lines = [line for line in said.splitlines() if problem in line]
    assert len(lines) == 1


def test_a_loop_among_other_documents_is_a_finding_and_the_run_goes_on(
        tmp_path: Path) -> None:
    good = document(tmp_path)
    loop = _loop(tmp_path)
    result = run_check([good, loop, good])
    assert [(Path(r.file).name, r.sop is not None) for r in result.reports] == [
        ("sop.docx", True), ("loop.docx", False)]
    assert result.reports[1].findings[0].code == "SOP002"


def test_a_linked_document_is_checked_once_and_shown_by_its_own_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    real = document(tmp_path, "real.docx")
    (tmp_path / "link.docx").symlink_to(real)
    os.link(real, tmp_path / "hard.docx")
    result = run_check(["link.docx", "real.docx", "hard.docx"])
    assert [r.file for r in result.reports] == ["link.docx"]


def test_a_folder_tree_deeper_than_python_s_stack_is_walked(tmp_path: Path) -> None:
    bottom = tmp_path
    for _ in range(1200):  # deeper than the default recursion limit of 1,000
        bottom = bottom / "a"
        bottom.mkdir()
    try:
        document(bottom)
        (bottom / "x.docx").mkdir()
        result = run_check([tmp_path])
        assert [(Path(r.file).name, r.sop is not None) for r in result.reports] == [
            ("sop.docx", True), ("x.docx", False)]
    finally:  # level by level: pytest's own clean-up recurses and would fail on it
        (bottom / "sop.docx").unlink(missing_ok=True)
        if (bottom / "x.docx").exists():
            (bottom / "x.docx").rmdir()
        while bottom != tmp_path:
            bottom.rmdir()
            bottom = bottom.parent
