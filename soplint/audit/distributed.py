"""`--executor dask --scheduler tcp://HOST:PORT`: the audit's files checked on a Dask cluster
(extra `soplint[dask]`, Dask distributed).

Files go in batches of `batch` per task, so that the scheduler handles hundreds of tasks,
not thousands; each worker checks its batch with the same `check_task` as a local worker,
so the results are the same. Workers read the paths as given: they must reach them (a
shared folder). Each file is checked within the time limit as in `soplint check` (the
limit interrupts Python code in the worker); the cluster's own retries stand in for the
local pool's other isolation: a batch whose worker keeps dying is reported file by file as
SOP007.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from soplint.engine import WORKER_DIED
from soplint.errors import UsageError

from .work import AuditSettings, FileResult, Task, check_task, failed_result

OnStart = Callable[[Task, int], None]


def check_batch(tasks: Sequence[Task], settings: AuditSettings, timeout: float | None
                ) -> list[FileResult]:
    """Check a batch of files on a Dask worker, each within `timeout` seconds."""
    return [check_task(task, settings, timeout) for task in tasks]


def _batches(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    batch: list[Task] = []
    for task in tasks:
        batch.append(task)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_dask(tasks: Iterable[Task], settings: AuditSettings, scheduler: str, batch: int,
             timeout: float | None = None, on_start: OnStart | None = None,
             lang: str = "en") -> Iterator[FileResult]:
    """The result of each task, checked on the cluster at `scheduler`, as batches finish."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise UsageError("--executor dask needs Dask distributed: "
                         "pip install 'soplint[dask]'") from None
    try:
        client = Client(scheduler, timeout=30)
    except OSError as exc:
        raise UsageError(f"--scheduler {scheduler}: cannot reach the scheduler ({exc})"
                         ) from None
    try:
        submitted = {}
        for files in _batches(tasks, max(1, batch)):
            future = client.submit(check_batch, files, settings, timeout, pure=False)
            submitted[future] = files
            for task in files:
                if on_start is not None:
                    on_start(task, 0)
        for future in as_completed(submitted):
            try:
                results = future.result()
            except Exception as exc:  # KilledWorker and the like: the batch is lost
                results = [failed_result(task, WORKER_DIED, lang, error=type(exc).__name__)
                           for task in submitted[future]]
            yield from results
    finally:
        client.close()
