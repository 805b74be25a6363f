"""File names as the OS gives them: a byte that is not UTF-8 or a line break in a name never
stops a report nor makes its output invalid; names are written escaped in every format, and
a name with a line break is quoted in a one-line message."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import soplint
from soplint.cli import main
from soplint.output.formats import FORMATS
from tests.hostile import ROOT, document

LATIN1 = b"caf\xe9.docx"  # "café" in Latin-1: not UTF-8


def _odd_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "sop"
    folder.mkdir()
    document(folder, "plain.docx")
    raw = document(folder, "latin.docx")
    raw.rename(Path(folder / LATIN1.decode("utf-8", "surrogateescape")))
    document(folder, "new\nline.docx")
    return folder


def test_json_to_a_file_is_written_and_keeps_every_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _odd_folder(tmp_path)
    report = tmp_path / "report.json"
    assert main(["check", str(folder), "--output", f"json:{report}", "-q"]) == 1
    data = json.loads(report.read_bytes().decode("utf-8"))  # strict UTF-8
    names = sorted(Path(d["file"]).name for d in data["documents"])
    # the escape reads back as the name the OS gave: os.fsencode gives its bytes again
    assert sorted(n.encode("utf-8", "surrogateescape") for n in names) == sorted(
        [LATIN1, b"new\nline.docx", b"plain.docx"])


def test_json_on_standard_output_is_valid_utf8(tmp_path: Path) -> None:
    folder = _odd_folder(tmp_path)
    done = subprocess.run([sys.executable, "-m", "soplint", "check", str(folder), "--format",
                           "json"], capture_output=True, cwd=ROOT, timeout=120, check=False)
    assert done.returncode == 1 and b"Traceback" not in done.stderr, done.stderr
    data = json.loads(done.stdout.decode("utf-8"))  # strict: raises on an invalid byte
    assert len(data["documents"]) == 3


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "rich"])
def test_every_format_writes_valid_utf8_with_the_name_escaped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    folder = _odd_folder(tmp_path)
    report = tmp_path / "report.out"
    assert main(["check", str(folder), "--format", "concise", "--output",
                 f"{fmt}:{report}"]) == 1
    assert "Traceback" not in capsys.readouterr().err
    text = report.read_bytes().decode("utf-8")  # strict: raises on an invalid byte
    assert ("caf%E9.docx" if fmt == "sarif" else "caf\\udce9.docx") in text
    if fmt in ("json", "sarif"):
        json.loads(text)
    elif fmt == "json-lines":
        for line in text.splitlines():
            json.loads(line)
    elif fmt == "junit":
        ET.fromstring(text)


def test_a_name_with_a_line_break_is_quoted_on_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "new\nname.docx"
    broken.write_bytes(b"not a zip")
    assert main(["dump", str(broken)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "new\\nname.docx" in err
    assert main(["check", str(broken), "--format", "concise"]) == 2
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1 and "new\\nname.docx" in lines[0] and "SOP002" in lines[0]


def test_the_library_keeps_the_name_as_the_os_gives_it(tmp_path: Path) -> None:
    folder = _odd_folder(tmp_path)
    name = LATIN1.decode("utf-8", "surrogateescape")
    sop = soplint.load(folder / name)
    assert Path(sop.source).name == name
    report = soplint.check(folder / name)
    assert all(Path(f.file).name == name for f in report.findings)
