"""Where the audit's tasks run: worker processes on this machine, one file at a time each.

Each worker has its own pipe, so the pool always knows which file a worker checks, and
its own connection to the cache, so that it looks its files up and keeps their results
itself (`cache.check_cached`): the pool's owner only writes the text it gets. The time
limit interrupts the check inside the worker (`soplint.timelimit`: the file becomes SOP002,
as in `soplint check`); a worker that still does not answer a grace period later (stuck in
C code, stopped) is killed, one that dies is noticed by its process sentinel, and either way
its file becomes a finding (SOP006, SOP007) and a fresh worker takes its place.
Workers ignore Ctrl-C; the pool's owner stops them (`close`). `inline` runs the tasks in
this process, without isolation (for the library and tests).
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path

from soplint.engine import TIMED_OUT, WORKER_DIED
from soplint.errors import SoplintError
from soplint.timelimit import MAX_SECONDS

from .cache import ResultCache, check_cached
from .work import AuditSettings, FileResult, Task, failed_result, warm_up

OnStart = Callable[[Task, int], None]
READY = "ready"
DEPTH = 2
GRACE = 2.0  # seconds past the limit before a worker that does not answer is killed
START_FAILURES = 3


def _serve(conn: Connection, settings: AuditSettings, timeout: float,
           cache: Path | None) -> None:
    """A worker's loop: warm up, say so, then check each task sent (through the cache in
    folder `cache`, if any) until None comes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up()
    store = ResultCache(cache) if cache else None
    conn.send(READY)
    while True:
        task = conn.recv()
        if task is None:
            return
        conn.send(check_cached(task, settings, timeout, store))


@dataclass
class _Worker:
    """A worker process, its pipe, and the files sent to it (the first is being checked,
    since `started`; the next waits in the pipe so that the worker never idles)."""

    process: BaseProcess
    conn: Connection
    ready: bool = False
    queue: deque[Task] = field(default_factory=deque)
    started: float = 0.0


class LocalPool:
    """`jobs` worker processes checking files with `settings`, each file within
    `timeout` seconds, keeping their results in the cache in folder `cache` (None: no
    cache); `lang` is the language of the findings for files the audit could not finish.
    Each worker holds up to `DEPTH` files: one it checks, one waiting in its pipe; a file
    waiting behind one that killed its worker is checked again by another."""

    def __init__(self, jobs: int, settings: AuditSettings, timeout: float,
                 lang: str = "en", cache: Path | None = None) -> None:
        self._context = multiprocessing.get_context("spawn")
        self._settings = settings
        self._cache = cache
        timeout = min(timeout, MAX_SECONDS) if timeout > 0 else MAX_SECONDS  # NaN, 0: none
        self._timeout = timeout
        self._kill_after = timeout + max(GRACE, timeout / 4)
        self._lang = lang
        self._failed_starts = 0
        self._retry: deque[Task] = deque()
        self._workers = [self._spawn() for _ in range(max(1, jobs))]

    def _spawn(self) -> _Worker:
        timeout = self._timeout
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_serve, args=(child, self._settings, timeout, self._cache), daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def _replace(self, worker: _Worker) -> Task | None:
        """Kill and replace a worker; the file it was checking (the others it held are
        sent again)."""
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        worker.conn.close()
        self._workers[self._workers.index(worker)] = self._spawn()
        head = worker.queue.popleft() if worker.queue else None
        self._retry.extendleft(reversed(worker.queue))
        return head

    def _fill(self, worker: _Worker, pending: Iterator[Task],
              on_start: OnStart | None) -> bool:
        """Send the worker files until it holds DEPTH; False once no file is left."""
        while worker.ready and len(worker.queue) < DEPTH:
            task = self._retry.popleft() if self._retry else next(pending, None)
            if task is None:
                return False
            if not worker.queue:
                worker.started = time.monotonic()
            worker.queue.append(task)
            try:
                worker.conn.send(task)
            except OSError:  # it died: its sentinel says so next
                return True
            if on_start is not None:
                on_start(task, worker.process.pid or 0)
        return True

    def run(self, tasks: Iterable[Task], on_start: OnStart | None = None
            ) -> Iterator[FileResult]:
        """The result of each task, as they finish (not in order)."""
        pending = iter(tasks)
        more = True
        while True:
            if more or self._retry:
                for worker in list(self._workers):
                    more = self._fill(worker, pending, on_start) and more
            busy = [w for w in self._workers if w.queue]
            if not (more or self._retry or busy):
                return
            yield from self._collect(busy)

    def _collect(self, busy: list[_Worker]) -> Iterator[FileResult]:
        """Wait for a worker to answer, die or pass its time limit; the results so far."""
        now = time.monotonic()
        deadline = min((w.started + self._kill_after for w in busy), default=now + 1.0)
        waiting = [w for w in self._workers if not w.ready or w.queue]
        handles: list[object] = [w.conn for w in waiting]
        handles += [w.process.sentinel for w in waiting]
        ready = set(wait(handles, timeout=max(0.0, deadline - now)))  # type: ignore[arg-type]
        for worker in list(waiting):
            if worker.conn in ready:
                try:
                    answer = worker.conn.recv()
                except (EOFError, OSError):
                    answer = None
                if answer == READY:
                    worker.ready = True
                    continue
                if isinstance(answer, FileResult):
                    worker.queue.popleft()
                    worker.started = time.monotonic()
                    yield answer
                    continue
            if worker.conn in ready or worker.process.sentinel in ready:
                self._starting_failed(worker)
                task = self._replace(worker)
                if task is not None:
                    yield failed_result(task, WORKER_DIED, self._lang,
                                        error=_exit_reason(worker.process.exitcode))
            elif worker.queue and time.monotonic() - worker.started > self._kill_after:
                task = self._replace(worker)
                if task is not None:
                    yield failed_result(task, TIMED_OUT, self._lang, seconds=self._timeout)

    def _starting_failed(self, worker: _Worker) -> None:
        """Count a worker that died before it was ready; give up after a few."""
        if worker.ready:
            return
        self._failed_starts += 1
        if self._failed_starts >= START_FAILURES:
            self.close()
            raise SoplintError("the audit's worker processes could not start ("
                               f"{_exit_reason(worker.process.exitcode)})")

    def close(self) -> None:
        """Stop every worker (now: unfinished files are left unfinished)."""
        for worker in self._workers:
            if worker.process.is_alive():
                worker.process.kill()
            worker.process.join(5)
            worker.conn.close()
        self._workers = []


def _exit_reason(code: int | None) -> str:
    """How a process ended: "signal 9", "exit status 1"."""
    if code is None:
        return "no exit status"
    if code < 0:
        try:
            return signal.Signals(-code).name
        except ValueError:
            return f"signal {-code}"
    return f"exit status {code}"


def run_inline(tasks: Iterable[Task], settings: AuditSettings, timeout: float | None = None,
               on_start: OnStart | None = None, cache: Path | None = None
               ) -> Iterator[FileResult]:
    """Each task checked in this process, in order (through the cache in folder `cache`,
    if any)."""
    store = ResultCache(cache) if cache else None
    try:
        for task in tasks:
            if on_start is not None:
                on_start(task, 0)
            yield check_cached(task, settings, timeout, store)
    finally:
        if store is not None:
            store.close()
