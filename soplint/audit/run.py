"""An audit run: find the documents, skip what is done or cached, check the rest in
parallel, stream every result to the results file.

The run keeps no model and no report: each file's records go to the results file (and the
cache) as soon as they arrive. Ctrl-C stops the workers; what finished is in the file.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from soplint.checking import STDIN, NotChecked, documents, unread_documents
from soplint.errors import UsageError
from soplint.files import absolute
from soplint.i18n import ENGINE
from soplint.userlang import user_language
from soplint.writing import cannot_write, refuse_inputs

from .cache import CacheError, ResultCache, cache_folder, result_key
from .results import ResultsFile, finished
from .work import AuditSettings, FileResult, Task

DEFAULT_RESULTS = "soplint-audit.jsonl"
EXECUTORS = ("local", "dask", "inline")


@dataclass(frozen=True)
class AuditOptions:
    """How to run an audit: how documents are checked (`settings`), how many workers
    (None: one per core), the time limit per file in seconds, the results file and whether
    to resume from it, the cache (folder, or off), the executor ("local" processes, "dask"
    on the cluster at `scheduler` in batches of `batch` files, "inline" in this process)
    and globs of paths to leave out."""

    settings: AuditSettings = field(default_factory=AuditSettings)
    jobs: int | None = None
    timeout: float = 60.0
    results: Path = Path(DEFAULT_RESULTS)
    resume: bool = False
    cache_dir: str | None = None
    use_cache: bool = True
    executor: str = "local"
    scheduler: str | None = None
    exclude: tuple[str, ...] = ()
    batch: int = 25


@dataclass
class AuditRun:
    """What a run did: the files of the set (in name order), their folders (units), the
    documents no installed reader takes, and how many files were checked, taken from the
    cache, resumed from the results file, or failed (time limit, dead worker), the
    languages of the findings of the files this run saw, and why the default cache was
    not used (None: it was, or none was asked for)."""

    files: list[str]
    units: dict[str, str]
    not_checked: list[NotChecked]
    results: Path
    checked: int = 0
    cached: int = 0
    resumed: int = 0
    failed: int = 0
    interrupted: bool = False
    seconds: float = 0.0
    langs: Counter[str] = field(default_factory=Counter)
    cache_problem: CacheError | None = None

    @property
    def lang(self) -> str:
        """The language most of the findings of this run's files are written in."""
        return max(sorted(self.langs), key=lambda k: self.langs[k]) if self.langs else "en"


class Progress:
    """What the run tells as it goes (the command line shows it as a progress bar)."""

    def begin(self, total: int, done: int) -> None:
        """`total` files in the set, `done` of them finished already (resumed)."""

    def started(self, path: str) -> None:
        """A worker took the file at `path`."""

    def finished(self, result: FileResult) -> None:
        """A file's result arrived."""

    def end(self) -> None:
        """The run is over."""


OnStart = Callable[[Task, int], None]


def units_of(files: Sequence[str]) -> dict[str, str]:
    """Each file's unit: its folder relative to the folder all the files share (that
    folder's own name for the files directly in it). A link counts in the folder it is
    in, not in its target's (a link to /dev/zero is no unit "dev")."""
    parents = {f: Path(os.path.abspath(f)).parent for f in files}
    if not parents:
        return {}
    common = Path(os.path.commonpath([str(p) for p in parents.values()]))
    units = {}
    for file, parent in parents.items():
        relative = parent.relative_to(common).as_posix()
        units[file] = common.name or "." if relative == "." else relative
    return units


def collect(paths: Sequence[str], exclude: Sequence[str] = (), lang: str | None = None
            ) -> tuple[list[str], list[NotChecked]]:
    """The documents of the set and those no installed reader takes; a path that does not
    exist is a `UsageError` in `lang` (default: the user's)."""
    if STDIN in paths:
        raise UsageError("soplint audit reads files and folders, not standard input (-)")
    missing = [p for p in paths if not Path(p).exists() and not set("*?[") & set(p)]
    if missing:
        raise UsageError(ENGINE.say("cli.no-such-path", lang or user_language(),
                                    path=missing[0]))
    return ([str(p) for p in documents(paths, exclude)],
            unread_documents(paths, exclude))


MAX_JOBS_PER_CORE = 4  # a worker holds both language pipelines: about 200 MB


def _jobs(options: AuditOptions, files: int) -> int:
    """The workers to start: those asked for (default one per core), no more than the
    files left, nor than `MAX_JOBS_PER_CORE` per core."""
    cores = os.cpu_count() or 1
    return max(1, min(options.jobs or cores, files, MAX_JOBS_PER_CORE * cores))


def _configurations(files: Sequence[str], settings: AuditSettings) -> None:
    """Read every configuration the audit will use (the one named, else each folder's),
    so that a broken one is one line before any worker starts (`ConfigError`), as in
    `soplint check`, not a worker's error per file."""
    for file in {absolute(f).parent: f for f in files}.values():
        settings.config_for(Path(file))


def run_audit(paths: Sequence[str], options: AuditOptions = AuditOptions(),
              progress: Progress | None = None, on_start: OnStart | None = None) -> AuditRun:
    """Check every document under `paths`, streaming results to `options.results`."""
    shown = progress or Progress()
    files, unread = collect(paths, options.exclude, options.settings.lang)
    refuse_inputs(options.results, [*paths, *files, *(n.file for n in unread)])
    _configurations(files, options.settings)
    run = AuditRun(files, units_of(files), unread, options.results)
    done = finished(options.results) & set(files) if options.resume else set()
    run.resumed = len(done)
    try:
        results = ResultsFile(options.results, options.resume)
    except OSError as exc:
        raise cannot_write(options.results, exc) from None
    try:
        folder, store = _open_cache(options, run)
    except CacheError:
        results.close()
        raise
    started = time.perf_counter()
    shown.begin(len(files), len(done))

    def record(result: FileResult) -> None:
        results.write(result)
        run.failed += result.failed
        run.cached += result.cached
        run.checked += not result.cached
        run.langs.update(result.langs)
        shown.finished(result)

    def took(task: Task, pid: int) -> None:
        shown.started(task.path)
        if on_start is not None:
            on_start(task, pid)

    executor, keeps = _executor(options, took, folder, len(files) - len(done))
    keys: dict[str, str] = {}

    def misses() -> Iterator[Task]:
        """The tasks left: each file not done and not in the cache (hits recorded here).
        This process looks files up only until the first miss when the workers keep the
        cache themselves (they look up the rest), and not at all in an empty cache."""
        looking = store is not None and (not keeps or store.holds_any())
        for file in files:
            if file in done:
                continue
            unit = run.units[file]
            key = ""
            if looking and store is not None:
                key = _key(file, options.settings)
                hit = store.get(key, file, unit) if key else None
                if hit is not None:
                    record(hit)
                    continue
                looking = not keeps
            if key:
                keys[file] = key
            yield Task(file, unit, key)

    try:
        for result in executor(misses()):
            record(result)
            key = keys.pop(result.path, "")
            if store is not None and key and not result.kept:
                store.put(key, result, run.units[result.path])
    except KeyboardInterrupt:
        run.interrupted = True
    finally:
        results.close()
        if store is not None:
            store.close()
        shown.end()
        run.seconds = time.perf_counter() - started
    return run


def _open_cache(options: AuditOptions, run: AuditRun) -> tuple[Path | None,
                                                               ResultCache | None]:
    """The cache's folder and store (None, None: no cache). A cache folder named on the
    command line that cannot be used is a `CacheError`; the default one is left out
    (`run.cache_problem` says why) and the audit goes on without it."""
    if not options.use_cache:
        return None, None
    folder = cache_folder(options.cache_dir)
    try:
        return folder, ResultCache(folder)
    except CacheError as exc:
        if options.cache_dir:
            raise
        run.cache_problem = exc
        return None, None


def _key(file: str, settings: AuditSettings) -> str:
    """The file's cache key; "" when it cannot be read (the check reports it)."""
    try:
        return result_key(file, settings)
    except OSError:
        return ""


Executor = Callable[[Iterator[Task]], Iterator[FileResult]]


def _executor(options: AuditOptions, on_start: OnStart, cache: Path | None, left: int
              ) -> tuple[Executor, bool]:
    """The function that turns tasks into results for the chosen executor (the local pool
    sized for the `left` files at most), and whether its workers keep the cache in `cache`
    themselves (the local ones and this process do, a cluster's workers do not: the cache
    is this machine's)."""
    lang = options.settings.lang or user_language()
    if options.executor == "inline":
        from .pool import run_inline

        return (lambda tasks: run_inline(tasks, options.settings, options.timeout, on_start,
                                         cache), True)
    if options.executor == "dask":
        from .distributed import run_dask

        if not options.scheduler:
            raise UsageError("--executor dask needs --scheduler tcp://HOST:PORT")
        scheduler = options.scheduler
        return (lambda tasks: run_dask(tasks, options.settings, scheduler, options.batch,
                                       options.timeout, on_start, lang), False)

    def local(tasks: Iterator[Task]) -> Iterator[FileResult]:
        """The pool, started only when a file is left to check (not for a cached re-run)."""
        from itertools import chain

        from .pool import LocalPool

        first = next(tasks, None)
        if first is None:
            return
        pool = LocalPool(_jobs(options, left), options.settings, options.timeout, lang, cache)
        try:
            yield from pool.run(chain([first], tasks), on_start)
        finally:
            pool.close()

    return local, True
