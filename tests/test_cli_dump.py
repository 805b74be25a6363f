"""`soplint dump` and `soplint.load` as a user meets them: JSON shape, errors, start-up."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import soplint
from soplint.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DRAWN = FIXTURES / "permenpan_drawingml.docx"


def test_dump_json_has_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dump", str(DRAWN), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"file", "layout", "language", "meta", "actors", "steps"} <= set(data)
    assert data["layout"] == "permenpan-flowchart" and data["language"] == "id"
    assert data["meta"]["nomor"] == "800/012/SOP/BKPSDM/2024"
    first, decision = data["steps"][0], data["steps"][2]
    assert set(first) >= {"number", "text", "actors", "kind", "time", "inputs", "output",
                          "links"}
    assert first["time"]["text"] == "15 menit" and first["time"]["minutes"] == 15
    assert first["actors"] == ["Pegawai"] and first["kind"] == "start"
    assert {(link["to"], link["label"]) for link in decision["links"]} == {
        ("4", "Ya"), ("1", "Tidak")}


def test_dump_text_lists_the_steps() -> None:
    from rich.console import Console

    from soplint.output.text import print_sop

    buffer = io.StringIO()
    print_sop(soplint.load(DRAWN), Console(file=buffer, width=250))
    out = buffer.getvalue()
    assert "Menerima formulir permohonan cuti" in out and "Kepala BKPSDM" in out


@pytest.mark.parametrize(("content", "problem"), [
    (None, "file not found"),
    (b"", "empty"),
    (b"plain text, not a document", "not a zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".doc"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, content: bytes | None, problem: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.docx"
    if content is not None:
        path.write_bytes(content)
    assert main(["dump", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert str(path) in err and problem in err.lower()
    assert "Traceback" not in err


def test_load_accepts_bytes_and_binary_files() -> None:
    data = DRAWN.read_bytes()
    from_bytes = soplint.load(data, name="upload.docx")
    from_file = soplint.load(io.BytesIO(data))
    assert from_bytes.source == "upload.docx"
    assert [s.text for s in from_bytes.steps] == [s.text for s in from_file.steps]
    assert len(from_bytes.steps) == 8


def test_python_m_soplint_dump_does_not_import_spacy() -> None:
    code = ("import sys, runpy; sys.argv = ['soplint', 'dump', sys.argv[1], '--format', "
            "'json'];\ntry:\n    runpy.run_module('soplint', run_name='__main__')\n"
            "except SystemExit as exit:\n    assert exit.code == 0\n"
            "print('SPACY' if 'spacy' in sys.modules else 'NO-SPACY', file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, str(DRAWN)], capture_output=True,
                          text=True, check=True)
    assert json.loads(done.stdout)["layout"] == "permenpan-flowchart"
    assert done.stderr.strip().endswith("NO-SPACY")
