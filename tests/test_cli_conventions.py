"""The conventions linter users expect, as ruff, flake8 and Vale have them: --version,
concise output in a pipe, --quiet, --statistics, --exclude, --color and NO_COLOR, "-" for
standard input, globs expanded, a file named twice checked once, repeatable --select and
--ignore with ALL, unknown codes and empty runs as usage errors."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from soplint.checking import check_file
from soplint.cli import main
from soplint.output.options import ReportOptions
from soplint.reporters import console

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
DEFECTS = FIXTURES / "permenpan_defects.docx"
NARRATIVE = FIXTURES / "en_narrative.docx"
CONCISE = re.compile(r"^(?P<file>[^:]+\.docx|-):(?P<place>[^:]+): (?P<code>[A-Z]{2,4}\d{3}) \S")


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.strip() == "soplint 0.1.0"


def test_a_pipe_gets_one_line_per_finding_with_the_file(
        capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(["check", str(DEFECTS)], capsys)
    lines = out.splitlines()
    assert status == 1 and len(lines) > 5
    assert all(CONCISE.match(line) for line in lines), lines
    assert any(line.startswith(f"{DEFECTS.relative_to(ROOT).as_posix()}:Langkah 8 · "
                               "kolom Waktu: TIM001 ") or ":Langkah 8 · kolom Waktu: TIM001 "
               in line for line in lines)
    assert "→ isi waktu baku" in out
    assert re.fullmatch(r"\d+ temuan dalam 1 dari 1 dokumen: .*\n", err)


def test_full_output_groups_by_document_with_the_text_concerned(
        capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(["check", str(DEFECTS), "--output-format", "full"], capsys)
    lines = out.splitlines()
    assert status == 1 and lines[0].endswith("permenpan_defects.docx")
    vrb = next(i for i, line in enumerate(lines) if "VRB001" in line)
    assert lines[vrb].split()[0] == "peringatan" and "Langkah 2:" in lines[vrb]
    assert lines[vrb + 1].strip() == "│ Memproses konsep surat keluar"
    assert lines[vrb + 2].strip() == "^^^^^^^^^"  # the offending word, marked without colour
    assert lines[vrb + 3].strip().startswith("→ ")
    assert "total waktu jalur utama: 165 menit = 2,8 jam (2 langkah tanpa waktu terukur)" in out
    total = len(check_file(DEFECTS).findings)
    assert lines[-1].startswith(f"{total} temuan dalam 1 dari 1 dokumen")
    assert max(len(line) for line in lines) > 100  # long messages are not hard-wrapped


def test_findings_are_in_document_order(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(["check", str(DEFECTS)], capsys)
    places = [CONCISE.match(line).group("place") for line in out.splitlines()]  # type: ignore[union-attr]
    steps = [int(m.group(1)) for p in places if (m := re.match(r"Langkah (\d+)", p))]
    assert steps == sorted(steps)
    first_step = next(i for i, p in enumerate(places) if p.startswith("Langkah"))
    assert all(p.startswith("Langkah") for p in places[first_step:])  # document-level first


def test_quiet_prints_the_findings_only(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, err = _run(["check", str(DEFECTS), "-q"], capsys)
    assert out and err == ""
    _, full, _ = _run(["check", str(DEFECTS), str(NARRATIVE), "--output-format", "full",
                       "--quiet"], capsys)
    assert "temuan dalam" not in full and "no findings" not in full
    assert "tidak ada temuan" not in full


def test_a_clean_document_is_reported_as_clean(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(["check", str(FIXTURES / "permenpan_drawingml.docx"), "--output-format",
                      "full", "--select", "ACT001"], capsys)
    assert out.splitlines()[0].endswith("permenpan_drawingml.docx: tidak ada temuan · total "
                                        "waktu jalur utama: 635 menit = 10,6 jam = "
                                        "1,3 hari kerja")


def test_statistics_counts_findings_per_rule(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(["check", str(DEFECTS), "--statistics"], capsys)
    rows = [line.split(None, 2) for line in out.splitlines()]
    counts = {code: int(n) for n, code, _ in rows}
    assert counts == dict(Counter(f.code for f in check_file(DEFECTS).findings))
    assert [int(n) for n, _, _ in rows] == sorted((int(n) for n, _, _ in rows), reverse=True)
    assert dict((code, title) for _, code, title in rows)["TIM001"] == "waktu tidak ada"


def test_exclude_leaves_out_files_and_folders(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "arsip").mkdir()
    shutil.copy(NARRATIVE, tmp_path / "a.docx")
    shutil.copy(NARRATIVE, tmp_path / "arsip" / "b.docx")
    shutil.copy(NARRATIVE, tmp_path / "c.tmp.docx")
    _, out, _ = _run(["check", str(tmp_path), "--format", "json", "--exclude", "arsip",
                      "--exclude", "*.tmp.docx"], capsys)
    assert '"file": "' + str(tmp_path / "a.docx") in out
    assert "b.docx" not in out and "c.tmp.docx" not in out


def test_globs_are_expanded_and_a_file_named_twice_is_checked_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a.docx", "b.docx"):
        shutil.copy(NARRATIVE, tmp_path / name)
    _, out, err = _run(["check", str(tmp_path / "*.docx"), str(tmp_path / "a.docx"),
                        str(tmp_path / "." / "a.docx"), "--format", "json"], capsys)
    files = [d["file"] for d in json.loads(out)["documents"]]
    assert files == [str(tmp_path / "a.docx"), str(tmp_path / "b.docx")] and err == ""


def test_standard_input_is_a_document(monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(DEFECTS.read_bytes()))
    monkeypatch.setattr(sys, "stdin", stdin)
    status, out, _ = _run(["check", "-", "--select", "TIM001"], capsys)
    assert status == 0
    assert out.strip() == ("-:Langkah 8 · kolom Waktu: TIM001 Langkah ini tidak punya waktu "
                           "baku (kolom Waktu kosong atau '-') → isi waktu baku dengan angka "
                           "dan satuan, mis. '15 menit' atau '1 hari kerja'")


def test_select_and_ignore_repeat_and_add_up(capsys: pytest.CaptureFixture[str]) -> None:
    def codes(*args: str) -> set[str]:
        _, out, _ = _run(["check", str(DEFECTS), *args], capsys)
        return {CONCISE.match(line).group("code") for line in out.splitlines()}  # type: ignore[union-attr]

    assert codes("--select", "TIM001", "--select", "VRB001,IO001") == {"TIM001", "VRB001",
                                                                       "IO001"}
    every = codes("--select", "ALL")
    assert every == codes()
    assert codes("--select", "ALL", "--ignore", "TIM", "--ignore", "VRB,IDN") == {
        c for c in every if not c.startswith(("TIM", "VRB", "IDN"))}


@pytest.mark.parametrize(("option", "code", "hint"), [
    ("--select", "TIM0O1", "did you mean TIM001?"), ("--ignore", "VRB01", "did you mean"),
    ("--select", "XYZ999", ""),
])
def test_an_unknown_code_is_a_usage_error(option: str, code: str, hint: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(["check", str(DEFECTS), option, code], capsys)
    assert status == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and code in err and hint in err


def test_a_run_that_finds_no_document_says_so(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "rekap.xls").write_bytes(b"\xd0\xcf\x11\xe0")  # no reader takes .xls
    status, out, err = _run(["check", str(tmp_path)], capsys)
    assert status == 2 and out == ""
    assert err.startswith(f"soplint: no document to check in {tmp_path}")
    assert "1 file not checked: 1 Excel 97-2003 .xls (save it as .xlsx)" in err
    status, _, err = _run(["check", str(tmp_path / "*.docx"), "--lang", "id"], capsys)
    assert status == 2 and "tidak ada dokumen untuk diperiksa" in err


def test_color_always_never_and_no_color(monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    _, always, _ = _run(["check", str(DEFECTS), "--output-format", "full", "--color",
                         "always"], capsys)
    assert "\x1b[" in always
    _, never, _ = _run(["check", str(DEFECTS), "--output-format", "full", "--color",
                        "never"], capsys)
    assert "\x1b[" not in never
    monkeypatch.setenv("NO_COLOR", "1")
    assert console(io.StringIO(), ReportOptions(color="auto")).no_color
    assert not console(io.StringIO(), ReportOptions(color="always")).no_color
    _, still, _ = _run(["check", str(DEFECTS), "--output-format", "full", "--color",
                        "always"], capsys)
    assert "\x1b[" in still  # an explicit --color always wins over NO_COLOR


def test_the_summary_line_counts_in_each_language(capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = _run(["check", str(DEFECTS), "--select", "TIM001"], capsys)
    assert err.strip() == "1 temuan dalam 1 dari 1 dokumen: 0 kesalahan, 1 peringatan, 0 info"
    _, _, err = _run(["check", str(DEFECTS), "--select", "TIM001", "--lang", "en"], capsys)
    assert err.strip() == "1 finding in 1 of 1 document: 0 errors, 1 warning, 0 info"


def test_a_bad_csv_delimiter_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(["check", str(DEFECTS), "--csv-delimiter", ";;"], capsys)
    assert status == 2 and "--csv-delimiter" in err


def test_python_m_soplint_help_lists_the_new_options() -> None:
    done = subprocess.run([sys.executable, "-m", "soplint", "check", "--help"],
                          capture_output=True, text=True, check=True, timeout=60)
    for option in ("--quiet", "--statistics", "--exclude", "--color", "--csv-delimiter",
                   "concise", "full"):
        assert option in done.stdout
