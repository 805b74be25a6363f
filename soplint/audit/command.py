"""`soplint audit PATHS...` and `soplint cache clear` on the command line.

The audit runs (`soplint.audit.run`), the rules across the set run on the documents'
summaries (`soplint.audit.setlevel`), then one pass over the results file writes the
reports and gathers the totals for the summary printed at the end. Exit status as `check`:
2 when a document could not be read or finished, 1 when a finding fails the run, else 0;
130 after Ctrl-C (the reports then hold what finished).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Protocol

from soplint.errors import UsageError
from soplint.i18n import ENGINE
from soplint.userlang import user_language
from soplint.writing import cannot_write, refuse_inputs

from .run import AuditOptions, AuditRun, Progress, run_audit
from .scored import ScoredDocument, scored_documents
from .summary import render, say
from .totals import Totals
from .work import AuditSettings, FileResult

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
REFRESH = 4  # progress bar redraws a second (rich: 10); each takes ~1 ms from the workers


class Writer(Protocol):
    """A report written one document at a time."""

    def add(self, document: ScoredDocument) -> None:
        """Write one document."""

    def close(self, totals: Totals) -> None:
        """Finish the report."""


class BarProgress(Progress):
    """A rich progress bar on standard error: documents done / total, rate, time left and
    the file a worker took last."""

    def __init__(self, lang: str) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as Bar

        self._bar = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                        TextColumn("{task.fields[current]}"),
                        console=Console(stderr=True), refresh_per_second=REFRESH)
        self._label = say("progress.label", lang)
        self._task = self._bar.add_task(self._label, total=None, rate="", current="")
        self._count = 0
        self._started = time.perf_counter()

    def begin(self, total: int, done: int) -> None:
        self._bar.start()
        self._bar.update(self._task, total=total, completed=done)

    def started(self, path: str) -> None:
        self._bar.update(self._task, current=Path(path).name[:40])

    def finished(self, result: FileResult) -> None:
        self._count += 1
        rate = self._count / max(time.perf_counter() - self._started, 1e-6)
        self._bar.update(self._task, advance=1, rate=f"{rate:.1f}/s")

    def end(self) -> None:
        self._bar.stop()


def _known(option: str, values: list[str], lang: str | None) -> tuple[str, ...]:
    """The codes given, each a known code or prefix (of a rule, a rule across the set or
    the engine) or ALL; else a usage error with the closest code."""
    from difflib import get_close_matches

    from soplint.cliparse import codes
    from soplint.engine import ENGINE_CODES
    from soplint.i18n import ENGINE
    from soplint.plugins import registered_rules, registered_set_rules

    known = sorted((*registered_rules(), *registered_set_rules(), *ENGINE_CODES))
    given = codes(values)
    for code in given:
        if code != "ALL" and not any(k.startswith(code) for k in known):
            close = get_close_matches(code, known, n=1, cutoff=0.6)
            hint = ENGINE.say("cli.did-you-mean", lang or user_language(),
                              suggestion=close[0]) if close else ""
            raise UsageError(ENGINE.say("cli.unknown-code", lang or user_language(),
                                        option=option,
                                        code=code, hint=hint))
    return given


def _settings(args: argparse.Namespace) -> AuditSettings:
    if args.config and not Path(args.config).is_file():
        raise UsageError(f"--config {args.config}: no such file")
    return AuditSettings(select=_known("--select", args.select, args.lang),
                         ignore=_known("--ignore", args.ignore, args.lang),
                         profile=args.profile, lang=args.lang, fail_on=args.fail_on,
                         config_file=args.config, drawing=bool(args.html))


def _options(args: argparse.Namespace) -> AuditOptions:
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("-j/--jobs: expected a number of workers of 1 or more")
    if args.batch < 1:
        raise UsageError("--batch: expected a number of files of 1 or more")
    if args.executor == "dask" and not args.scheduler:
        raise UsageError("--executor dask needs --scheduler tcp://HOST:PORT")
    if args.timeout <= 0:
        raise UsageError("--timeout: expected a number of seconds above 0")
    if len(args.csv_delimiter) != 1:
        raise UsageError(f"--csv-delimiter: expected one character, got {args.csv_delimiter!r}")
    for option in ("csv", "json", "results"):
        value = getattr(args, option)
        if value and Path(value).suffix.lower() == ".docx":
            raise UsageError(f"--{option} {value}: refusing to write a report over a .docx")
    return AuditOptions(settings=_settings(args), jobs=args.jobs, timeout=args.timeout,
                        results=Path(args.results), resume=args.resume,
                        cache_dir=args.cache_dir, use_cache=not args.no_cache,
                        exclude=tuple(args.exclude), executor=args.executor,
                        scheduler=args.scheduler, batch=args.batch)


def _outputs(args: argparse.Namespace) -> list[str]:
    """The files and the folder the reports are written to."""
    from .tables import documents_csv

    found = [args.html, args.json, *([args.csv, str(documents_csv(Path(args.csv)))]
                                     if args.csv else [])]
    return [target for target in found if target]


def _writers(args: argparse.Namespace, lang: str) -> list[Writer]:
    from .tables import CsvReport, JsonReport

    writers: list[Writer] = []
    try:
        if args.html:
            from .html import HtmlReport

            writers.append(HtmlReport(Path(args.html), lang))
        if args.csv:
            writers.append(CsvReport(Path(args.csv), args.csv_delimiter))
        if args.json:
            writers.append(JsonReport(Path(args.json)))
    except OSError as exc:
        raise cannot_write(exc.filename or "", exc) from None
    return writers


def _html_available() -> None:
    """Refuse --html before the audit runs when Jinja2 is not installed."""
    from importlib.util import find_spec

    if find_spec("jinja2") is None:
        raise UsageError("--html needs Jinja2: pip install 'soplint[html]'")


def report(run: AuditRun, writers: list[Writer], settings: AuditSettings) -> Totals:
    """Run the rules across the set (those the command line selects, else the configuration
    in force for the first document), then write every document to `writers`; the
    totals."""
    from .setlevel import set_findings

    select, ignore = settings.select, settings.ignore
    if run.files and not (select and ignore):
        config = settings.config_for(Path(run.files[0]))  # where the audit starts
        select, ignore = select or config.select, ignore or config.ignore
    extra = set_findings(run, select, ignore)
    totals = Totals()
    for document in scored_documents(run, extra):
        totals.add(document)
        for writer in writers:
            writer.add(document)
    for writer in writers:
        writer.close(totals)
    return totals


def audit_command(args: argparse.Namespace) -> int:
    """`soplint audit`: the exit status."""
    options = _options(args)
    if args.html:
        _html_available()
    for target in _outputs(args):  # the paths named: before the audit, not after it
        refuse_inputs(target, args.paths)
    progress = BarProgress(args.lang or user_language()) if sys.stderr.isatty() else None
    run = run_audit(args.paths, options, progress)
    if run.cache_problem:
        print("soplint: " + run.cache_problem.speak(args.lang, "cache.skipped"),
              file=sys.stderr)
    if not run.files:
        raise UsageError(ENGINE.say("cli.no-documents", args.lang or user_language(),
                                    paths=", ".join(args.paths)))
    lang = args.lang or run.lang
    inputs = [*run.files, *(n.file for n in run.not_checked)]
    for target in _outputs(args):  # and the documents found in the folders
        refuse_inputs(target, inputs)
    writers = _writers(args, lang)
    try:
        totals = report(run, writers, options.settings)
    except KeyboardInterrupt:  # the results file holds everything: --resume writes them
        print("soplint: " + say("summary.reports-interrupted", lang, path=run.results),
              file=sys.stderr)
        return EXIT_INTERRUPTED
    index = str(Path(args.html) / "index.html") if args.html else ""
    sys.stdout.write(render(totals, run, args.lang or totals.lang, index))
    if run.interrupted:
        return EXIT_INTERRUPTED
    if totals.unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if totals.failing else EXIT_OK


def cache_command(args: argparse.Namespace) -> int:
    """`soplint cache clear`: empty the audit's cache."""
    from .cache import ResultCache, cache_folder

    folder = cache_folder(args.cache_dir)
    store = ResultCache(folder)
    try:
        removed = store.clear()
    finally:
        store.close()
    print(f"soplint: removed {removed} cached results from {folder}")
    return EXIT_OK
