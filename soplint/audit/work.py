"""The work of one audit task: check one file, keep its records, drop its models.

Everything here runs in a worker process (or a Dask worker); the settings and the results
cross the process boundary, so they are plain picklable values.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from soplint.checking import CheckOptions, Report, check_path, time_limit
from soplint.config import Config, load_config
from soplint.engine import EngineCode, engine_finding
from soplint.files import absolute
from soplint.i18n import ENGINE

from .record import record_of


@dataclass(frozen=True)
class AuditSettings:
    """How every document of the audit is checked (the command line's choices): codes
    selected and ignored, forced profile, message language, fail-on level, an explicit
    configuration file (None: each folder's own is discovered), and whether each
    document's flowchart is drawn for the HTML report (while its model is in memory)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    profile: str | None = None
    lang: str | None = None
    fail_on: str | None = None
    config_file: str | None = None
    drawing: bool = False

    def config_for(self, path: Path) -> Config:
        """The configuration in force for the file at `path`."""
        if self.config_file:
            return _explicit_config(self.config_file)
        return _folder_config(absolute(path).parent)  # a link loop: the folder it is in

    def options(self, config: Config) -> CheckOptions:
        """The check options for a file configured by `config`."""
        return CheckOptions(select=self.select, ignore=self.ignore, profile=self.profile,
                            lang=self.lang, fail_on=self.fail_on, config=config)


@cache
def _explicit_config(path: str) -> Config:
    return load_config(explicit=Path(path))


@cache
def _folder_config(folder: Path) -> Config:
    return load_config(folder / "-")


@dataclass(frozen=True)
class Task:
    """One file to check, the folder (unit) it belongs to, and its cache key when the audit
    looked it up in the cache already and missed ("": not looked up; a worker that has the
    cache computes the key and looks it up itself)."""

    path: str
    unit: str = ""
    key: str = ""


@dataclass(frozen=True)
class FileResult:
    """The records of one file (`DocumentRecord.to_json`, one per SOP it holds) as the JSON
    text of a list, ready for the results file and the cache (the worker serialises them,
    so that the audit's own process only writes text), the language of each record's
    messages, how long it took, whether the audit itself failed on it (time limit, dead
    worker: not cached), whether it came from the cache, and whether the worker that
    checked it kept it in the cache already."""

    path: str
    records: str
    langs: tuple[str, ...] = ()
    seconds: float = 0.0
    failed: bool = False
    cached: bool = False
    kept: bool = False


def file_result(path: str, records: Sequence[dict[str, Any]], **fields: Any) -> FileResult:
    """The result of the file at `path` holding `records` (JSON objects)."""
    return FileResult(path, json.dumps(list(records), ensure_ascii=False),
                      tuple(r["lang"] for r in records), **fields)


def check_task(task: Task, settings: AuditSettings, timeout: float | None = None) -> FileResult:
    """Check one file within `timeout` seconds (None: the configuration's limit, else none):
    a file that cannot be read, or not in time, is a finding, as in `soplint check`. A file
    stopped by the limit is marked failed, so that it is neither cached nor skipped by
    `--resume` (on a busy machine it may pass next time)."""
    started = time.perf_counter()
    path = Path(task.path)
    options = replace(settings.options(settings.config_for(path)), timeout=timeout)
    reports = check_path(path, options)
    records = tuple(record_of(report, task.unit, _drawing(report) if settings.drawing else ())
                    .to_json() for report in reports)
    seconds = time.perf_counter() - started
    limit = time_limit(options, options.config or Config())
    return file_result(task.path, records, seconds=seconds,
                       failed=limit is not None and seconds >= limit and reports[0].sop is None)


def _drawing(report: Report) -> tuple[str, ...]:
    """The pages of the document's flowchart as SVG; none when it has no steps, or when the
    drawing fails (the report then shows the document without it)."""
    if report.sop is None or not report.sop.steps:
        return ()
    from soplint.drawing import flowchart_pages

    try:
        return tuple(flowchart_pages(report.sop, report.findings))
    except Exception:  # a drawing bug must not lose the document's findings
        return ()


def failed_result(task: Task, code: EngineCode, lang: str, **params: object) -> FileResult:
    """The result of a file the audit could not finish: one finding with `code` (SOP006 time
    limit, SOP007 dead worker)."""
    finding = engine_finding(code, task.path, lang,
                             ENGINE.say(f"{code.code}.message", lang, **params),
                             ENGINE.say(f"{code.code}.suggestion", lang))
    report = Report(file=task.path, sop=None, findings=(finding,), lang=lang)
    return file_result(task.path, [record_of(report, task.unit).to_json()], failed=True)


def warm_up() -> None:
    """Load what every document needs (packs, readers, both language pipelines) once per
    worker, before its first file, so that no file's time limit pays for it."""
    from soplint.language.pipeline import get_nlp
    from soplint.plugins import registered_readers, registered_rules

    registered_rules()
    registered_readers()
    for lang in ("id", "en"):
        get_nlp(lang)


def file_stamp(path: str) -> tuple[int, int]:
    """(size, modification time in ns) of a file: how `--resume` tells it is unchanged."""
    stat = os.stat(path)
    return stat.st_size, stat.st_mtime_ns
