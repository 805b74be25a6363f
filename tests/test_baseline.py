"""Baselines: record findings, hide them later even after steps are renumbered or moved, and
count the entries that no longer match."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from soplint.baseline import (
    BaselineError,
    apply_baseline,
    normalise,
    read_baseline,
    write_baseline,
)
from soplint.checking import CheckOptions, CheckResult, check_sop
from soplint.cli import main
from soplint.config import Config
from soplint.model import Sop
from soplint.testing import make_sop, make_step

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
OPTIONS = CheckOptions(config=Config(), select=("VRB001", "IDN001"))


def _sop(steps: list[tuple[str, str]], number: str = "800/1/SOP/2024") -> Sop:
    made = [make_step(n, text, time="5 menit", ordinal=i) for i, (n, text) in enumerate(steps)]
    return make_sop(made, meta={"nomor": number})


def _run(*sops: Sop) -> CheckResult:
    return CheckResult(reports=tuple(check_sop(s, OPTIONS) for s in sops))


ORIGINAL = _sop([("1", "Menerima berkas permohonan"), ("2", "Memproses berkas permohonan"),
                 ("3", "Menyerahkan izin"), ("4", "Memproses arsip izin")])
# The same steps renumbered (1 -> A, ...), typed numbers in the text, and reordered.
MOVED = _sop([("A", "4. Memproses  ARSIP izin"), ("B", "Menerima berkas permohonan"),
              ("C", "Menyerahkan izin"), ("D", "2)  memproses berkas permohonan")])


def test_normalise() -> None:
    assert normalise("  3.1.  Memproses\n berkas ") == "memproses berkas"
    assert normalise("2) Menerima (lengkap)") == "menerima (lengkap)"


def test_renumbered_and_moved_steps_keep_old_findings_hidden(tmp_path: Path) -> None:
    before = _run(ORIGINAL)
    assert [f.step for f in before.findings if f.code == "VRB001"] == ["2", "4"]
    path = tmp_path / "baseline.json"
    write_baseline(before, path)
    after = _run(MOVED)
    assert [f.step for f in after.findings if f.code == "VRB001"] == ["A", "D"]
    applied = apply_baseline(after, read_baseline(path))
    assert applied.result.findings == () and applied.stale == 0


def test_new_findings_show_and_fixed_ones_count_as_stale(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(_run(ORIGINAL), path)
    changed = _sop([("1", "Menerima berkas permohonan"), ("2", "Memeriksa berkas permohonan"),
                    ("3", "Memproses tanda terima"), ("4", "Memproses arsip izin")])
    applied = apply_baseline(_run(changed), read_baseline(path))
    assert [(f.code, f.step) for f in applied.result.findings] == [("VRB001", "3")]
    assert applied.stale == 1  # "memproses berkas permohonan" was fixed


def test_same_finding_twice_needs_two_entries(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(_run(_sop([("1", "Memproses berkas")])), path)
    twice = _sop([("1", "Memproses berkas"), ("2", "Memproses berkas")])
    applied = apply_baseline(_run(twice), read_baseline(path))
    assert [f.step for f in applied.result.findings] == ["2"]


def test_another_sop_number_is_another_document(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(_run(ORIGINAL), path)
    other = _sop([("1", "Memproses berkas permohonan")], number="800/2/SOP/2024")
    applied = apply_baseline(_run(other), read_baseline(path))
    assert [f.step for f in applied.result.findings if f.code == "VRB001"] == ["1"]
    # Entries of the same file name whose number no longer matches count as stale.
    assert applied.stale == len(json.loads(path.read_text())["entries"])


def test_file_format(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(_run(ORIGINAL), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert {"file": "test.docx", "sop": "800/1/SOP/2024", "code": "VRB001",
            "step": "memproses berkas permohonan", "count": 1} in data["entries"]
    idn = [e for e in data["entries"] if e["code"] == "IDN001"]
    assert idn and all(e["step"] == "" for e in idn)


def test_refuses_docx_and_bad_files(tmp_path: Path) -> None:
    with pytest.raises(BaselineError, match="refusing"):
        write_baseline(_run(ORIGINAL), tmp_path / "SOP.DOCX")
    assert not (tmp_path / "SOP.DOCX").exists()
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 9, "entries": []}', encoding="utf-8")
    with pytest.raises(BaselineError, match="version"):
        read_baseline(bad)
    bad.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(BaselineError, match="not a soplint baseline"):
        read_baseline(bad)


def test_cli_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = Path(shutil.copy(FIXTURES / "permenpan_defects.docx", tmp_path / "sop.docx"))
    baseline = tmp_path / "baseline.json"
    assert main(["check", str(doc), "--write-baseline", str(baseline)]) == 0
    assert "entri baseline" in capsys.readouterr().err  # the document is Indonesian
    assert main(["check", str(doc), "--baseline", str(baseline), "--format", "json",
                 "--lang", "en"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["findings"] == []
    assert "0 baseline entries no longer match" in captured.err
    # Drop one entry and add a stale one: that finding comes back, the stale one is counted.
    data = json.loads(baseline.read_text(encoding="utf-8"))
    dropped = next(e for e in data["entries"] if e["code"] == "ACT001")
    data["entries"].remove(dropped)
    data["entries"] += [{**dropped, "code": "TIM003"}, {**dropped, "code": "LNK004"}]
    baseline.write_text(json.dumps(data), encoding="utf-8")
    assert main(["check", str(doc), "--baseline", str(baseline), "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert [f["code"] for f in json.loads(captured.out)["findings"]] == ["ACT001"]
    assert "2 entri baseline tidak lagi cocok" in captured.err


def test_cli_refuses_a_docx_baseline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = Path(shutil.copy(FIXTURES / "permenpan_defects.docx", tmp_path / "sop.docx"))
    before = doc.read_bytes()
    assert main(["check", str(tmp_path / "x.docx"), "--write-baseline", str(doc)]) == 2
    assert "refusing" in capsys.readouterr().err and doc.read_bytes() == before
    assert main(["check", str(doc), "--baseline", str(doc)]) == 2
