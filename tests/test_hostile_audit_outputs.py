"""What the audit writes and opens besides the documents — the results file, the reports, the
cache — and the folders it walks: an output over one of the set's documents is refused
before a byte is written, a place that cannot be written or a cache that cannot be used is
one line (exit 2), and a folder that cannot be listed is a finding, the run going on."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from soplint import checking
from soplint.audit.results import records
from soplint.audit.run import AuditOptions, run_audit
from soplint.audit.work import AuditSettings
from soplint.checking import run_check
from soplint.cli import main
from soplint.writing import WriteError
from tests.audit_docs import folder

PDF_BYTES = b"%PDF-1.4 not really a PDF, but a user's file all the same"


def _set_with_pdf(tmp_path: Path) -> tuple[Path, Path]:
    base = folder(tmp_path, 2)
    pdf = base / "unit-a" / "scan.pdf"
    pdf.write_bytes(PDF_BYTES)
    return base, pdf


def _one_line(capsys: pytest.CaptureFixture[str], *words: str) -> str:
    err = capsys.readouterr().err
    assert err.startswith("soplint: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and all(w in err for w in words), err
    return err


@pytest.mark.parametrize("option", ["--results", "--json", "--csv", "--html"])
def test_an_output_over_a_document_found_in_the_folder_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str) -> None:
    base, pdf = _set_with_pdf(tmp_path)
    args = ["audit", str(base), "-j", "1", "--no-cache", "--results",
            str(tmp_path / "r.jsonl"), option, str(pdf)]
    assert main(args) == 2
    _one_line(capsys, "refusing to write over the input", "scan.pdf")
    assert pdf.read_bytes() == PDF_BYTES


def test_the_documents_csv_beside_the_findings_csv_is_refused_over_a_document(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base, _ = _set_with_pdf(tmp_path)
    victim = base / "unit-a" / "f-documents.pdf"  # where --csv f.pdf puts the documents' table
    victim.write_bytes(PDF_BYTES)
    assert main(["audit", str(base), "-j", "1", "--no-cache", "--results",
                 str(tmp_path / "r.jsonl"), "--csv", str(base / "unit-a" / "f.pdf")]) == 2
    _one_line(capsys, "refusing to write over the input", "f-documents.pdf")
    assert victim.read_bytes() == PDF_BYTES


def test_the_library_refuses_a_results_file_that_is_a_document_of_the_set(
        tmp_path: Path) -> None:
    base = folder(tmp_path, 2)
    document = base / "unit-a" / "sop-00.docx"
    before = document.read_bytes()
    with pytest.raises(WriteError, match="refusing to write over the input"):
        run_audit([str(base)], AuditOptions(results=document, use_cache=False,
                                            executor="inline"))
    assert document.read_bytes() == before


def test_a_results_file_that_cannot_be_made_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = folder(tmp_path, 1)
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file where a folder should be")
    assert main(["audit", str(base), "--no-cache",
                 "--results", str(blocker / "r.jsonl")]) == 2
    _one_line(capsys, "cannot write", "r.jsonl")


def _corrupt_cache(tmp_path: Path) -> Path:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "cache.db").write_bytes(b"not an SQLite database " * 200)
    return cache


def test_a_cache_folder_named_that_cannot_be_used_is_one_line_in_the_user_s_language(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    base = folder(tmp_path, 1)
    cache = _corrupt_cache(tmp_path)
    args = ["audit", str(base), "-j", "1", "--results", str(tmp_path / "r.jsonl"),
            "--cache-dir", str(cache)]
    assert main(args) == 2
    _one_line(capsys, "cannot be used", str(cache), "--cache-dir")
    assert main(["cache", "clear", "--cache-dir", str(cache)]) == 2
    _one_line(capsys, "cannot be used", str(cache))
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    assert main(args) == 2
    _one_line(capsys, "tidak dapat dipakai", str(cache))


def test_a_default_cache_that_cannot_be_used_is_said_and_the_audit_goes_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    base = folder(tmp_path, 2)
    blocker = tmp_path / "home-cache"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("SOPLINT_CACHE_DIR", str(blocker))
    assert main(["audit", str(base), "-j", "1", "--results", str(tmp_path / "r.jsonl"),
                 "--json", str(tmp_path / "a.json")]) == 0
    captured = capsys.readouterr()
    assert "audited without it" in captured.err and "Traceback" not in captured.err
    assert "2 documents from 2 files" in captured.out


def _locked(monkeypatch: pytest.MonkeyPatch, locked: Path) -> None:
    """`locked` behaves as a folder this account may not open (the tests may run as root,
    whom permissions do not stop)."""
    scandir, open_ = os.scandir, os.open

    def refused(path: object) -> None:
        if Path(os.fspath(path)).resolve() == locked.resolve():  # type: ignore[arg-type]
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))

    def guarded_scandir(path: object = ".") -> object:
        refused(path)
        return scandir(path)  # type: ignore[arg-type]

    def guarded_open(path: object, *args: object, **kwargs: object) -> int:
        refused(path)
        return open_(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(checking.os, "scandir", guarded_scandir)
    monkeypatch.setattr(os, "open", guarded_open)


def test_a_folder_that_cannot_be_listed_is_a_finding_and_the_check_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base = folder(tmp_path, 2)
    locked = base / "unit-c"
    locked.mkdir()
    _locked(monkeypatch, locked)
    result = run_check([base])
    by_name = {Path(r.file).name: r for r in result.reports}
    assert sorted(by_name) == ["sop-00.docx", "sop-01.docx", "unit-c"]
    finding = by_name["unit-c"].findings[0]
    assert finding.code == "SOP002"
    assert "a folder that cannot be listed: Permission denied" in finding.message
    assert "--exclude" in finding.suggestion
    assert by_name["sop-00.docx"].sop is not None


def test_a_folder_that_cannot_be_listed_is_a_finding_of_the_audit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base = folder(tmp_path, 2)
    locked = base / "unit-c"
    locked.mkdir()
    _locked(monkeypatch, locked)  # in this process: the audit checks here (inline)
    run = run_audit([str(base)], AuditOptions(results=tmp_path / "r.jsonl", use_cache=False,
                                              executor="inline", settings=AuditSettings(
                                                  lang="id")))
    found = {Path(r.file).name: [f["message"] for f in r.findings]
             for r, _ in records(run.results, run.files)}
    assert len(found) == 3 and found["unit-c"] == [
        "folder tidak dapat dibuka: Permission denied"]


def test_a_broken_configuration_of_a_folder_is_one_line_before_any_worker_starts(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = folder(tmp_path, 2)
    (base / "unit-b" / "soplint.toml").write_text("select = [\n", encoding="utf-8")
    assert main(["audit", str(base), "-j", "1", "--no-cache",
                 "--results", str(tmp_path / "r.jsonl")]) == 2
    _one_line(capsys, "soplint.toml", "invalid TOML")
    assert not (tmp_path / "r.jsonl").exists()  # refused before the run, nothing checked


def test_more_workers_than_files_are_not_started(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from soplint.audit.pool import LocalPool

    asked: list[int] = []
    real = LocalPool.__init__

    def counted(self: LocalPool, jobs: int, *args: Any, **kwargs: Any) -> None:
        asked.append(jobs)
        real(self, min(jobs, 2), *args, **kwargs)  # never fork thousands, even if asked

    monkeypatch.setattr(LocalPool, "__init__", counted)
    run = run_audit([str(folder(tmp_path, 2))],
                    AuditOptions(results=tmp_path / "r.jsonl", use_cache=False, jobs=10_000))
    assert run.checked == 2 and asked == [2]


def test_a_report_folder_where_a_file_is_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = folder(tmp_path, 1)
    (tmp_path / "report").write_text("a file, not a folder")
    assert main(["audit", str(base), "-j", "1", "--no-cache", "--results",
                 str(tmp_path / "r.jsonl"), "--html", str(tmp_path / "report")]) == 2
    _one_line(capsys, "cannot write", "it is a file, not a folder")


def test_a_set_with_no_document_or_a_missing_path_is_said_in_the_user_s_language(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    (tmp_path / "empty").mkdir()
    results = ["--no-cache", "--results", str(tmp_path / "r.jsonl")]
    assert main(["audit", str(tmp_path / "empty"), *results]) == 2
    _one_line(capsys, "tidak ada dokumen untuk diperiksa")
    assert main(["audit", str(tmp_path / "missing"), *results]) == 2
    _one_line(capsys, "berkas atau folder tidak ada", "missing")
    assert main(["audit", str(tmp_path / "missing"), "--lang", "en", *results]) == 2
    _one_line(capsys, "no such file or folder")


def test_a_link_counts_in_the_unit_it_is_in_not_in_its_target_s(tmp_path: Path) -> None:
    from soplint.audit.run import units_of

    base = folder(tmp_path, 2)
    outside = tmp_path / "elsewhere" / "deep"
    outside.mkdir(parents=True)
    (outside / "shared.docx").write_bytes((base / "unit-a" / "sop-00.docx").read_bytes())
    (base / "unit-b" / "link.docx").symlink_to(outside / "shared.docx")
    (base / "unit-b" / "zero.pdf").symlink_to("/dev/zero")
    files = [str(p) for p in sorted(base.rglob("*.*"))]
    assert set(units_of(files).values()) == {"unit-a", "unit-b"}


def test_a_link_loop_in_the_set_is_a_finding_and_the_audit_goes_on(tmp_path: Path) -> None:
    base = folder(tmp_path, 2)
    loop = base / "unit-a" / "loop.docx"
    loop.symlink_to(loop)
    run = run_audit([str(base)], AuditOptions(results=tmp_path / "r.jsonl", jobs=1,
                                              cache_dir=str(tmp_path / "cache")))
    found = {Path(r.file).name: [f["code"] for f in r.findings]
             for r, _ in records(run.results, run.files)}
    assert found["loop.docx"] == ["SOP002"] and len(found) == 3
