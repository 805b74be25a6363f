"""A time limit per document, in check and annotate and in the library: work that goes on
past it (here a reader that never ends) is interrupted, the document becomes a finding or
one line, and the run goes on with the next document."""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from soplint import checking
from soplint.checking import CheckOptions, check_all
from soplint.cli import main
from soplint.timelimit import TimeLimit, TimeLimitExceeded, time_problem
from tests.hostile import document, no_hang

SLOW = "slow.docx"


def _endless_for_slow(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading a document named slow.docx never ends (pure Python work, as a reader's
    quadratic loop is); any other is read as usual."""
    real: Callable[..., Any] = checking.load_all

    def load_all(source: Any, name: str | None = None) -> Any:
        if os.fspath(name or source).endswith(SLOW):
            while True:
                pass
        return real(source, name=name)

    monkeypatch.setattr(checking, "load_all", load_all)


def test_check_cuts_a_document_at_the_limit_and_goes_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    _endless_for_slow(monkeypatch)
    slow, good = document(tmp_path, SLOW), document(tmp_path, "good.docx")
    check_all(good)  # the language pipeline is built once, before the clock runs
    started = time.monotonic()
    with no_hang():
        status = main(["check", str(slow), str(good), "--timeout", "2", "--format", "json"])
    assert time.monotonic() - started < 15  # the good document has 2 s of its own
    assert status == 2
    documents = json.loads(capsys.readouterr().out)["documents"]
    assert [(Path(d["file"]).name, d["status"]) for d in documents] == [
        (SLOW, "unreadable"), ("good.docx", "checked")]
    assert documents[0]["problem"] == time_problem(2)
    assert "time limit of 2 s" in documents[0]["problem"]


def test_the_limit_comes_from_the_configuration_and_is_said_in_its_language(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    _endless_for_slow(monkeypatch)
    slow = document(tmp_path, SLOW)
    (tmp_path / "soplint.toml").write_text('timeout = 0.3\nlang = "id"\n')
    with no_hang():
        assert main(["check", str(slow), "--format", "concise"]) == 2
    out = capsys.readouterr().out
    assert "batas waktu 0.3 detik" in out and "SOP002" in out


def test_annotate_stops_at_the_limit_with_one_line_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    _endless_for_slow(monkeypatch)
    slow = document(tmp_path, SLOW)
    with no_hang():
        status = main(["annotate", str(slow), "-o", str(tmp_path / "out.docx"),
                       "--timeout", "0.5"])
    assert status == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "time limit of 0.5 s" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == [SLOW]


def test_the_library_has_a_limit_only_when_asked_for(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    _endless_for_slow(monkeypatch)
    slow = document(tmp_path, SLOW)
    with no_hang():
        (report,) = check_all(slow, CheckOptions(timeout=0.3))
    assert report.sop is None and report.findings[0].code == "SOP002"
    assert "--timeout" in report.findings[0].suggestion
    assert CheckOptions().timeout is None and CheckOptions().default_timeout is None


def test_outside_the_main_thread_the_limit_still_interrupts(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _endless_for_slow(monkeypatch)
    slow = document(tmp_path, SLOW)
    found: list[object] = []
    worker = threading.Thread(target=lambda: found.extend(
        check_all(slow, CheckOptions(timeout=0.3))))
    with no_hang():
        worker.start()
        worker.join()
    (report,) = found
    assert getattr(report, "sop", "missing") is None


def test_a_program_timer_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import signal

    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    signal.setitimer(signal.ITIMER_REAL, 0.6)
    try:
        with pytest.raises(TimeLimitExceeded), TimeLimit(0.2):
            while True:
                pass
        time.sleep(0.8)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert fired == [signal.SIGALRM]


def test_an_inner_limit_leaves_the_outer_one_in_charge() -> None:
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded), TimeLimit(0.3), TimeLimit(30):
        while True:
            pass
    assert time.monotonic() - started < 5


def test_a_finished_block_is_never_interrupted_later() -> None:
    with TimeLimit(0.2):
        pass
    time.sleep(0.4)  # no TimeLimitExceeded arrives here


def test_dump_stops_at_the_limit_with_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    def endless(source: Any, name: str | None = None) -> Any:
        while True:
            pass

    monkeypatch.setattr(sys.modules["soplint.load"], "load_all", endless)
    with no_hang():
        assert main(["dump", str(document(tmp_path)), "--timeout", "0.3"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "time limit of 0.3 s" in err


def test_a_limit_swallowed_where_nothing_can_propagate_it_is_raised_when_the_block_ends(
) -> None:
    def swallowed() -> None:  # the alarm lands in a finalizer, which only prints it
        try:
            while True:
                pass
        except TimeLimitExceeded:
            pass

    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded), TimeLimit(0.2):
        swallowed()
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("value", ["nan", "inf", "1e300", "-1"])
@pytest.mark.parametrize("command", ["check", "dump", "audit"])
def test_a_time_limit_no_timer_takes_is_refused_on_the_command_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, value: str) -> None:
    with pytest.raises(SystemExit) as stop:
        main([command, str(document(tmp_path)), "--timeout", value])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "--timeout: expected a number of seconds from 0 to 1000000" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("value", ["nan", "inf", "1e300"])
def test_a_time_limit_no_timer_takes_is_refused_in_the_configuration(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str) -> None:
    path = document(tmp_path)
    (tmp_path / "soplint.toml").write_text(f"timeout = {value}\n", encoding="utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "timeout: expected a number of seconds" in err


@pytest.mark.parametrize("seconds", [float("nan"), float("inf"), 1e300])
def test_the_library_takes_any_time_limit_without_a_timer_error(
        tmp_path: Path, seconds: float) -> None:
    with TimeLimit(seconds):
        time.sleep(0.01)
    reports = check_all(document(tmp_path), CheckOptions(timeout=seconds))
    assert reports[0].sop is not None


def test_the_audit_s_pool_takes_an_endless_time_limit(tmp_path: Path) -> None:
    from soplint.audit.run import AuditOptions, run_audit

    run = run_audit([str(document(tmp_path))],
                    AuditOptions(results=tmp_path / "r.jsonl", use_cache=False, jobs=1,
                                 timeout=float("inf")))
    assert run.checked == 1 and run.failed == 0


@pytest.mark.parametrize("option", [("--timeout", "nan"), ("--keep", "inf"),
                                    ("--workers", "0"), ("--workers", "100000")])
def test_serve_refuses_limits_it_cannot_keep(capsys: pytest.CaptureFixture[str],
                                             option: tuple[str, str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["serve", "--no-browser", *option])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert f"argument {option[0]}: expected a number" in err and "Traceback" not in err
