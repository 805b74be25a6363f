"""The audit's result cache: a file's records, kept by what decides them.

A worker that checks a file keeps its result itself (`check_cached`: it computes the key,
looks it up, checks the file on a miss and puts the result; diskcache is safe across
processes), so that the audit's own process looks files up only until the first it does not
find, when no worker runs yet (a re-run over an unchanged set starts none), not at all in
an empty cache, and for every file only where the workers cannot reach the cache (Dask).
An entry holds the records as the JSON text the results file takes.

The key is the SHA-256 of the file's bytes, soplint's version, the installed rule packs
(entry points and their distributions' versions, and SOPLINT_PLUGINS), and the effective
configuration for that file (command-line choices, the configuration in force, the codes
its per-file ignores name for it). The store is diskcache (SQLite plus files, safe across
processes, size-limited) in `$SOPLINT_CACHE_DIR/audit`, else `$XDG_CACHE_HOME/soplint/audit`,
else `~/.cache/soplint/audit`; `--cache-dir` chooses another folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from contextlib import suppress
from dataclasses import replace
from functools import cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import soplint
from soplint.errors import SoplintError
from soplint.i18n import FALLBACK, Catalogue
from soplint.output.rulecache import ENV_CACHE
from soplint.userlang import user_language

from .work import AuditSettings, FileResult, Task, check_task

SIZE_LIMIT = 2**30  # 1 GiB: about 30,000 documents' records with their drawings
PAGES = 2**10  # SQLite's page cache per connection, 4 MB (diskcache's 8192, 32 MB, grew
# each worker's memory as it wrote: entries are written once and read once)
FORMAT = 2  # of an entry: records as JSON text (1: a list of objects)


def cache_folder(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Where the audit's cache is kept."""
    if explicit:
        return Path(explicit)
    folder = os.environ.get(ENV_CACHE)
    if folder:
        return Path(folder) / "audit"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "soplint" / "audit"


@cache
def _packs() -> str:
    """The installed rule packs: entry point, target and distribution version."""
    found = sorted((e.name, e.value, e.dist.version if e.dist else "")
                   for e in entry_points(group="soplint"))
    return repr((found, os.environ.get("SOPLINT_PLUGINS")))


def content_hash(path: str | os.PathLike[str]) -> str:
    """The SHA-256 of the file's bytes."""
    with open(path, "rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def result_key(path: str | os.PathLike[str], settings: AuditSettings) -> str:
    """The cache key of the file at `path` checked with `settings`."""
    config = settings.config_for(Path(path))
    effective = replace(config, source=None, per_file_ignores=())
    scope = repr((FORMAT, soplint.__version__, _packs(), settings, effective,
                  config.ignored_for(path)))
    return f"{content_hash(path)}:{hashlib.sha256(scope.encode()).hexdigest()}"


def _relocated(value: Any, old: str, new: str) -> Any:
    """`value` with every "file" field equal to `old` set to `new` (a copy of the same
    document found at another path)."""
    if isinstance(value, dict):
        return {k: new if k == "file" and v == old else _relocated(v, old, new)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_relocated(v, old, new) for v in value]
    return value


_MESSAGES = Catalogue("soplint.audit")


class CacheError(SoplintError):
    """A cache folder that cannot be used: one that cannot be made or written, or whose
    database is not one. `speak(lang)` says it in the language of the messages."""

    def __init__(self, folder: Path, reason: str) -> None:
        self.folder = folder
        self.reason = reason
        super().__init__(self.speak(FALLBACK))

    def speak(self, lang: str | None = None, key: str = "cache.unusable") -> str:
        """The error in `lang` (default: the user's); `key` "cache.skipped" says that the
        audit went on without the cache."""
        return _MESSAGES.say(key, lang or user_language(), folder=str(self.folder),
                             reason=self.reason)


class ResultCache:
    """The records of files already checked, by `result_key`; `CacheError` when the
    folder cannot hold them."""

    def __init__(self, folder: Path) -> None:
        from diskcache import Cache

        try:
            self._store = Cache(str(folder), size_limit=SIZE_LIMIT, sqlite_cache_size=PAGES)
        except OSError as exc:
            raise CacheError(folder, exc.strerror or "cannot make or write the folder"
                             ) from None
        except sqlite3.Error as exc:
            raise CacheError(folder, str(exc)) from None

    def get(self, key: str, path: str, unit: str) -> FileResult | None:
        """The cached result for `key`, relocated to `path` in folder `unit`, or None."""
        found = self._store.get(key)
        if not isinstance(found, dict) or not isinstance(found.get("records"), str):
            return None
        text = found["records"]
        if (found["path"], found["unit"]) != (path, unit):  # a copy found elsewhere
            records = _relocated(json.loads(text), found["path"], path)
            for record in records:
                record["summary"]["unit"] = unit
            text = json.dumps(records, ensure_ascii=False)
        return FileResult(path, text, tuple(found["langs"]), cached=True)

    def put(self, key: str, result: FileResult, unit: str) -> None:
        """Keep a result of a file in folder `unit` (not one the audit failed on)."""
        if not result.failed:
            self._store.set(key, {"path": result.path, "unit": unit,
                                  "langs": list(result.langs), "records": result.records})

    def holds_any(self) -> bool:
        """Whether the cache holds an entry."""
        return len(self._store) > 0

    def clear(self) -> int:
        """Remove every entry; the number removed."""
        return int(self._store.clear())

    def close(self) -> None:
        """Close the store."""
        self._store.close()


def check_cached(task: Task, settings: AuditSettings, timeout: float | None,
                 store: ResultCache | None) -> FileResult:
    """A worker's work on `task`: its result from `store` when the task was not looked up
    yet and the cache holds it, else the file checked (`check_task`) and its result kept
    in `store` (marked `kept`: the audit's process does not put it again). Without a store,
    the file checked."""
    if store is None:
        return check_task(task, settings, timeout)
    key = task.key
    if not key:
        try:
            key = result_key(task.path, settings)
        except OSError:  # unreadable: the check reports it
            return check_task(task, settings, timeout)
        hit = store.get(key, task.path, task.unit)
        if hit is not None:
            return hit
    result = check_task(task, settings, timeout)
    with suppress(OSError, sqlite3.Error):  # a full disk: the result stands, not kept
        store.put(key, result, task.unit)
    return replace(result, kept=True)
