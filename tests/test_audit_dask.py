"""The audit on a Dask cluster: a LocalCluster on loopback gives what the local run gives."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from soplint.audit.results import records
from soplint.audit.run import AuditOptions, AuditRun, run_audit
from tests.audit_docs import folder

distributed = pytest.importorskip("distributed", reason="needs soplint[dask]")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                       host="127.0.0.1", dashboard_address=None,
                                       protocol="tcp://")
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def _records(run: AuditRun) -> list[dict[str, Any]]:
    return sorted((r.to_json() for r, _ in records(run.results, run.files)),
                  key=lambda r: r["file"])


def test_a_dask_run_gives_the_local_results_in_batches(tmp_path: Path, scheduler: str) -> None:
    assert scheduler.startswith("tcp://127.0.0.1:")
    base = folder(tmp_path, 5)
    (base / "unit-a" / "broken.docx").write_bytes(b"not a zip")
    local = run_audit([str(base)], AuditOptions(results=tmp_path / "local.jsonl",
                                                use_cache=False, executor="inline"))
    taken: list[str] = []
    remote = run_audit([str(base)], AuditOptions(
        results=tmp_path / "dask.jsonl", use_cache=False, executor="dask",
        scheduler=scheduler, batch=2), on_start=lambda task, pid: taken.append(task.path))
    assert remote.checked == local.checked == 6
    assert sorted(taken) == sorted(remote.files)
    assert _records(remote) == _records(local)
    assert any(f["code"] == "SOP002" for r in _records(remote) for f in r["findings"])


def test_dask_without_a_scheduler_is_a_usage_error(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from soplint.cli import main

    base = folder(tmp_path, 1)
    assert main(["audit", str(base), "--executor", "dask", "--no-cache",
                 "--results", str(tmp_path / "r.jsonl")]) == 2
    assert "needs --scheduler" in capsys.readouterr().err


def test_a_dask_run_fills_the_cache_from_this_process(tmp_path: Path, scheduler: str) -> None:
    base = folder(tmp_path, 3)
    options = AuditOptions(results=tmp_path / "dask.jsonl", cache_dir=str(tmp_path / "cache"),
                           executor="dask", scheduler=scheduler, batch=2)
    remote = run_audit([str(base)], options)
    assert remote.checked == 3 and remote.cached == 0
    again = run_audit([str(base)], AuditOptions(
        results=tmp_path / "again.jsonl", cache_dir=str(tmp_path / "cache"),
        executor="inline"))
    assert again.cached == 3 and again.checked == 0
    assert _records(again) == _records(remote)
