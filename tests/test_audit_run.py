"""The audit run: workers, per-file isolation, resume, the cache, Ctrl-C, the command."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from soplint import checking
from soplint.audit.results import records
from soplint.audit.run import AuditOptions, AuditRun, run_audit
from soplint.audit.work import AuditSettings, Task
from soplint.cli import main
from tests.audit_docs import folder, narrative

ROOT = Path(__file__).resolve().parents[1]


def _options(tmp_path: Path, **changes: Any) -> AuditOptions:
    values: dict[str, Any] = {"results": tmp_path / "results.jsonl",
                              "cache_dir": str(tmp_path / "cache"), "use_cache": False}
    values.update(changes)
    return AuditOptions(**values)


def _codes(run: AuditRun) -> dict[str, list[str]]:
    """Each file's finding codes, from the results file."""
    found: dict[str, list[str]] = {}
    for record, _ in records(run.results, run.files):
        found.setdefault(Path(record.file).name, []).extend(f["code"] for f in record.findings)
    return found


def _records(run: AuditRun) -> list[dict[str, Any]]:
    return sorted((r.to_json() for r, _ in records(run.results, run.files)),
                  key=lambda r: r["file"])


def test_the_pool_gives_what_checking_in_this_process_gives(tmp_path: Path) -> None:
    base = folder(tmp_path, 4)
    inline = run_audit([str(base)], _options(tmp_path / "a", executor="inline"))
    pooled = run_audit([str(base)], _options(tmp_path / "b", jobs=2))
    assert inline.checked == pooled.checked == 4
    assert _records(inline) == _records(pooled)
    assert {r["summary"]["unit"] for r in _records(pooled)} == {"unit-a", "unit-b"}
    assert "IDN006" in _codes(pooled)["sop-00.docx"]


def test_a_dead_worker_is_replaced_and_its_file_reported(tmp_path: Path) -> None:
    base = folder(tmp_path, 3)
    killed: list[str] = []

    def kill_first(task: Task, pid: int) -> None:
        if not killed:
            killed.append(Path(task.path).name)
            os.kill(pid, signal.SIGKILL)

    run = run_audit([str(base)], _options(tmp_path, jobs=1), on_start=kill_first)
    codes = _codes(run)
    assert codes[killed[0]] == ["SOP007"]
    assert run.failed == 1 and run.checked == 3
    assert all("SOP007" not in c for name, c in codes.items() if name != killed[0])
    assert all(c for c in codes.values())


def test_a_file_past_the_time_limit_is_reported_and_the_audit_goes_on(tmp_path: Path) -> None:
    base = folder(tmp_path, 2)
    stopped: list[str] = []

    def hang_first(task: Task, pid: int) -> None:
        if not stopped:  # a worker that hangs: it never answers
            stopped.append(Path(task.path).name)
            os.kill(pid, signal.SIGSTOP)

    run = run_audit([str(base)], _options(tmp_path, jobs=1, timeout=1.5), on_start=hang_first)
    codes = _codes(run)
    assert codes[stopped[0]] == ["SOP006"]
    other = next(name for name in codes if name != stopped[0])
    assert "IDN006" in codes[other]


def test_resume_skips_the_files_already_done(tmp_path: Path) -> None:
    base = folder(tmp_path, 4)
    first = sorted(str(p) for p in base.rglob("*.docx"))[:2]
    run_audit(first, _options(tmp_path, executor="inline"))
    taken: list[str] = []
    run = run_audit([str(base)], _options(tmp_path, executor="inline", resume=True),
                    on_start=lambda task, pid: taken.append(task.path))
    assert sorted(taken) == sorted(set(run.files) - set(first))
    assert run.resumed == 2 and len(_records(run)) == 4
    (base / "unit-a" / "sop-00.docx").write_bytes((base / "unit-b" / "sop-01.docx").read_bytes())
    taken.clear()
    run_audit([str(base)], _options(tmp_path, executor="inline", resume=True),
              on_start=lambda task, pid: taken.append(task.path))
    assert [Path(p).name for p in taken] == ["sop-00.docx"]  # changed since: checked again


def test_a_rerun_over_an_unchanged_set_parses_nothing(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    base = folder(tmp_path, 4)
    options = _options(tmp_path, executor="inline", use_cache=True)
    first = run_audit([str(base)], options)
    loads: list[object] = []
    real = checking.load_all

    def counting(source: Any, name: str | None = None) -> Any:
        loads.append(source)
        return real(source, name)

    monkeypatch.setattr(checking, "load_all", counting)
    again = run_audit([str(base)], options)
    assert loads == []
    assert again.cached == 4 and again.checked == 0
    assert _records(again) == _records(first)
    changed = base / "unit-b" / "sop-03.docx"
    changed.write_bytes((base / "unit-a" / "sop-00.docx").read_bytes())
    third = run_audit([str(base)], options)
    assert loads == [] and third.cached == 4  # same content as sop-00: a hit, relocated
    moved = {r["file"]: r for r in _records(third)}[str(changed)]
    assert all(f["file"] == str(changed) for f in moved["findings"])
    assert moved["summary"]["unit"] == "unit-b"
    run_audit([str(base)], _options(tmp_path, executor="inline", use_cache=True,
                                    settings=AuditSettings(ignore=("IDN",))))
    assert len(loads) == 3  # another configuration, another key (sop-03 = sop-00 once kept)


def test_the_command_writes_reports_and_exits_as_check(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = folder(tmp_path, 2)
    (base / "unit-a" / "broken.docx").write_bytes(b"not a zip")
    args = ["audit", str(base), "-j", "1", "--results", str(tmp_path / "r.jsonl"),
            "--csv", str(tmp_path / "f.csv"), "--json", str(tmp_path / "a.json"),
            "--cache-dir", str(tmp_path / "cache")]
    assert main(args) == 2  # an unreadable document, as check
    out = capsys.readouterr().out
    assert "3 documents from 3 files" in out and "SOP002" in out
    data = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert len(data["documents"]) == 3 and data["totals"]["unreadable"] == 1
    broken = next(d for d in data["documents"] if d["file"].endswith("broken.docx"))
    assert broken["evaluation"]["score"] == 0
    rows = (tmp_path / "f-documents.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 4 and rows[0].startswith("file,folder,title")
    (base / "unit-a" / "broken.docx").unlink()
    assert main([*args, "--ignore", "IDN006"]) == 0
    assert main(["cache", "clear", "--cache-dir", str(tmp_path / "cache")]) == 0
    assert "removed 5 cached results" in capsys.readouterr().out  # 3, then 2 ignoring IDN006


def test_usage_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = folder(tmp_path, 1)
    for args in (["-j", "0"], ["--timeout", "0"], ["--select", "XYZ999"],
                 ["--json", str(tmp_path / "a.docx")]):
        assert main(["audit", str(base), *args]) == 2
        err = capsys.readouterr().err
        assert err.startswith("soplint: ") and err.count("\n") == 1, err
    assert main(["audit", str(tmp_path / "missing")]) == 2


def _interruptible() -> None:
    """Ctrl-C reaches the audit even when the tests run in the background (a shell starts
    a background job with SIGINT ignored, and the child inherits that)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _audit_process(base: Path, tmp_path: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "soplint", "audit", str(base), "-j", "1", "--no-cache",
         "--results", str(tmp_path / "r.jsonl"), "--csv", str(tmp_path / "f.csv"), *extra],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "SOPLINT_CACHE_DIR": str(tmp_path / "cache")},
        preexec_fn=_interruptible)


def _long_documents(root: Path, count: int) -> Path:
    """`count` documents of 150 steps each (about 12 ms apiece here, ten times a small
    one), so that the audit is still going when the signal comes on a busy machine."""
    base = root / "set"
    base.mkdir()
    steps = [f"The clerk files form {n} in the register within {n % 9 + 1} minutes."
             for n in range(150)]
    for index in range(count):
        (base / f"sop-{index:02d}.docx").write_bytes(narrative(f"Task {index}", steps))
    return base


def test_ctrl_c_stops_cleanly_and_writes_what_finished(tmp_path: Path) -> None:
    base = _long_documents(tmp_path, 200)
    process = _audit_process(base, tmp_path)
    results = tmp_path / "r.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (
            not results.exists() or results.read_text(encoding="utf-8").count("\n") < 2):
        time.sleep(0.1)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "Traceback" not in err
    done = results.read_text(encoding="utf-8").count("\n")
    assert 2 <= done < 200
    assert f"Interrupted: the reports hold the {done} documents finished" in out
    rows = (tmp_path / "f-documents.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == done + 1


def test_no_progress_bar_when_standard_error_is_no_terminal(tmp_path: Path) -> None:
    base = folder(tmp_path, 2)
    process = _audit_process(base, tmp_path)
    out, err = process.communicate(timeout=120)
    assert err == "" and "2 documents from 2 files" in out


def test_rules_across_the_set_name_every_document_and_count_against_sinergi(
        tmp_path: Path) -> None:
    from soplint.audit.command import report
    from soplint.audit.evaluation import SINERGI
    from soplint.audit.scored import scored_documents
    from soplint.audit.setlevel import set_findings
    from tests.audit_docs import narrative

    base = tmp_path / "set"
    base.mkdir()
    (base / "leave.docx").write_bytes(narrative("Standard Operating Procedure: Annual Leave"))
    (base / "sick.docx").write_bytes(narrative("Standard Operating Procedure: Sick Leave"))
    (base / "other.docx").write_bytes(narrative("Standard Operating Procedure: Other",
                                                ["The clerk files the form."] * 3))
    run = run_audit([str(base)], _options(tmp_path, executor="inline"))
    extra = set_findings(run)
    assert sorted(Path(k).name for k in extra) == ["leave.docx", "sick.docx"]
    finding = extra[str(base / "leave.docx")][0]
    assert finding["code"] == "SET005" and "leave.docx, sick.docx" in finding["message"]
    scored = {Path(d.record.file).name: d for d in scored_documents(run, extra)}
    assert scored["leave.docx"].evaluation.question(SINERGI).codes == ("SET005",)
    assert scored["other.docx"].evaluation.question(SINERGI).answer is True
    assert scored["leave.docx"].evaluation.question(SINERGI).credit == 0.75  # one warning
    totals = report(run, [], AuditSettings(ignore=("SET",)))
    assert "SET005" not in totals.rules


def test_a_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    import pty

    base = folder(tmp_path, 3)
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "soplint", "audit", str(base), "-j", "1", "--no-cache",
         "--results", str(tmp_path / "r.jsonl")],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=follower, stdin=subprocess.DEVNULL,
        env={**os.environ, "SOPLINT_CACHE_DIR": str(tmp_path / "cache"), "COLUMNS": "120",
             "TERM": "xterm"})
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        shown += chunk
    process.wait(timeout=120)
    os.close(leader)
    text = shown.decode("utf-8", "replace")
    assert "auditing" in text and "3/3" in text and "/s" in text


def test_the_configuration_can_ignore_a_rule_across_the_set(tmp_path: Path) -> None:
    from soplint.audit.command import report
    from tests.audit_docs import narrative

    found = []
    for folder_name, config in (("plain", ""), ("configured", 'ignore = ["SET005"]\n')):
        base = tmp_path / folder_name
        base.mkdir()
        for name in ("leave", "sick"):
            (base / f"{name}.docx").write_bytes(narrative(f"Standard Operating Procedure: {name}"))
        if config:
            (base / "soplint.toml").write_text(config, encoding="utf-8")
        run = run_audit([str(base)], _options(tmp_path / folder_name, executor="inline"))
        found.append("SET005" in report(run, [], AuditSettings()).rules)
    assert found == [True, False]


def test_a_file_over_the_limit_in_the_worker_is_reported_and_not_cached(tmp_path: Path) -> None:
    base = folder(tmp_path, 2)
    options = _options(tmp_path, executor="inline", use_cache=True, timeout=0.001)
    first = run_audit([str(base)], options)
    assert first.failed == 2
    assert all(c == ["SOP002"] for c in _codes(first).values())
    message = next(f["message"] for r in _records(first) for f in r["findings"])
    assert "time limit" in message
    again = run_audit([str(base)], replace(options, timeout=60.0))
    assert again.cached == 0 and again.checked == 2
    assert all("IDN006" in c for c in _codes(again).values())


def _lines(run: AuditRun) -> dict[str, dict[str, Any]]:
    """Each file's line of the results file, parsed, without the seconds it took; each raw
    line is checked to be the form `json.dumps` gives (the workers send the records as
    text and this process puts the line together)."""
    lines = {}
    for raw in run.results.read_text(encoding="utf-8").splitlines():
        line = json.loads(raw)
        assert raw == json.dumps(line, ensure_ascii=False)
        assert list(line) == ["path", "size", "mtime_ns", "seconds", "cached", "failed",
                              "records"]
        line.pop("seconds")
        lines[line["path"]] = line
    return lines


def test_the_results_file_is_the_same_from_the_pool_in_this_process_and_the_cache(
        tmp_path: Path) -> None:
    base = folder(tmp_path, 4, units=("unit-a", "bagian-é"))
    (base / "bagian-é" / "rusak.docx").write_bytes(b"not a zip")
    inline = run_audit([str(base)], _options(tmp_path / "a", executor="inline"))
    pooled = run_audit([str(base)], _options(tmp_path / "b", jobs=2, use_cache=True))
    assert pooled.checked == 5 and pooled.cached == 0
    assert _lines(pooled) == _lines(inline)
    assert "bagian-é" in pooled.results.read_text(encoding="utf-8")  # not escaped
    again = run_audit([str(base)], _options(tmp_path / "b", jobs=2, use_cache=True))
    assert again.cached == 5 and again.checked == 0
    assert _lines(again) == {path: {**line, "cached": True}
                             for path, line in _lines(inline).items()}


def test_the_workers_keep_the_cache_and_a_rerun_parses_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from soplint.audit.cache import ResultCache

    base = folder(tmp_path, 4)
    kept_here: list[str] = []
    real_put = ResultCache.put

    def put(self: ResultCache, key: str, result: Any, unit: str) -> None:
        kept_here.append(result.path)
        real_put(self, key, result, unit)

    monkeypatch.setattr(ResultCache, "put", put)
    first = run_audit([str(base)], _options(tmp_path, jobs=2, use_cache=True))
    assert first.checked == 4 and kept_here == []  # each worker put its own files
    loads: list[object] = []
    monkeypatch.setattr(checking, "load_all", lambda *args: loads.append(args))
    again = run_audit([str(base)], _options(tmp_path, executor="inline", use_cache=True))
    assert again.cached == 4 and loads == [] and kept_here == []
    assert _records(again) == _records(first)


def test_after_the_first_miss_the_workers_look_the_files_up(tmp_path: Path) -> None:
    base = folder(tmp_path, 4)
    files = sorted(str(p) for p in base.rglob("*.docx"))  # unit-a: 00 02, unit-b: 01 03
    copy = Path(files[3])
    copy.write_bytes(Path(files[0]).read_bytes())  # sop-03 (unit-b) = sop-00 (unit-a)
    options = _options(tmp_path, executor="inline", use_cache=True)
    fill = run_audit([str(base)], options)
    assert fill.cached == 1 and fill.checked == 3  # the copy: its original's entry
    Path(files[0]).write_bytes(narrative("Standard Operating Procedure: Changed"))
    taken: list[str] = []
    pooled = run_audit([str(base)], replace(options, executor="local", jobs=2),
                       on_start=lambda task, pid: taken.append(task.path))
    assert sorted(taken) == files  # the first file missed: every file went to a worker
    assert pooled.checked == 1 and pooled.cached == 3
    assert _records(pooled) == _records(run_audit([str(base)], _options(
        tmp_path / "plain", executor="inline")))
    moved = {r["file"]: r for r in _records(pooled)}[str(copy)]
    assert moved["summary"]["unit"] == "unit-b"
    assert moved["findings"] and all(f["file"] == str(copy) for f in moved["findings"])


def test_a_cache_that_cannot_be_written_loses_no_result(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from soplint.audit.cache import ResultCache

    def full(self: ResultCache, key: str, result: Any, unit: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ResultCache, "put", full)
    run = run_audit([str(folder(tmp_path, 2))],
                    _options(tmp_path, executor="inline", use_cache=True))
    assert run.checked == 2 and run.failed == 0
    assert all("IDN006" in c for c in _codes(run).values())
