"""A cache of the rule documentation, so that `soplint rule CODE` starts fast.

Finding the installed rule packs (entry points) and importing every rule costs several times
a bare Python start; `soplint rule` reads its answer from one JSON file instead. The file is
written by the first `soplint rule` that imports the packs, and trusted only while what it
was made from is unchanged: soplint's version, `SOPLINT_PLUGINS`, the folders on `sys.path`
(installing a pack changes them) and every file the documentation comes from (the rules'
modules and the catalogues: modification time and size). It lives in `$SOPLINT_CACHE_DIR`,
else `$XDG_CACHE_HOME/soplint`, else `~/.cache/soplint`; a cache that cannot be read or
written is not used, and nothing else changes.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import soplint
from soplint.files import FileProblem, read_regular

ENV_CACHE = "SOPLINT_CACHE_DIR"
FILE = "rules.json"
LANGS = ("en", "id")
MAX_BYTES = 64 * 1024 * 1024


def cache_file() -> Path:
    """Where the cache is kept."""
    folder = os.environ.get(ENV_CACHE)
    if folder:
        return Path(folder) / FILE
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "soplint" / FILE


def _stamp(path: str) -> list[Any]:
    """(path, modification time, size) of a file or folder, or (path, None, None)."""
    try:
        found = os.stat(path)
    except OSError:
        return [path, None, None]
    return [path, found.st_mtime_ns, found.st_size]


def _key() -> dict[str, Any]:
    """What a cache must have been made under to be used."""
    return {"version": soplint.__version__, "plugins": os.environ.get("SOPLINT_PLUGINS"),
            "path": [_stamp(p) for p in sys.path if p]}


def lookup(name: str, lang: str) -> str | None:
    """The documentation of rule `name` (code or name) in `lang` from a valid cache, or
    None (no cache, a stale one, or a name it does not know)."""
    try:
        data = json.loads(read_regular(cache_file(), MAX_BYTES).decode("utf-8"))
        if data["key"] != _key() or any(_stamp(p) != [p, t, s] for p, t, s in
                                        data["sources"]):
            return None
        code = name.strip().upper()
        code = code if code in data["entries"] else data["names"].get(name.strip().lower())
        text = data["entries"][code][lang] if code else None
    except (FileProblem, ValueError, KeyError, TypeError, RecursionError):
        return None
    return text if isinstance(text, str) else None


def _sources() -> list[str]:
    """The files the documentation comes from: each rule's module, each catalogue."""
    import inspect
    from importlib import resources

    from soplint import engine
    from soplint.i18n import ENGINE
    from soplint.plugins import registered_rules

    files = {inspect.getfile(engine), inspect.getfile(sys.modules[__name__])}
    catalogues = {ENGINE}
    for rule in registered_rules().values():
        files.add(inspect.getfile(rule.check))
        if rule.messages is not None:
            catalogues.add(rule.messages)
    for catalogue in catalogues:
        folder = resources.files(catalogue.package) / catalogue.folder
        files.update(str(folder / f"{lang}.toml") for lang in LANGS)
    return sorted(files)


def store() -> None:
    """Write the documentation of every rule and engine code, in each language, to the
    cache (silently not, when it cannot be written)."""
    from soplint.engine import ENGINE_CODES, EngineCode
    from soplint.output.ruledocs import rule_text
    from soplint.plugins import registered_rules
    from soplint.rule import Rule

    everything: dict[str, Rule | EngineCode] = {**registered_rules(), **ENGINE_CODES}
    data = {"key": _key(), "sources": [_stamp(p) for p in _sources()],
            "entries": {code: {lang: rule_text(r, lang) for lang in LANGS}
                        for code, r in everything.items()},
            "names": {r.name: code for code, r in everything.items()}}
    from soplint.writing import WriteError, write_text

    target = cache_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_text(target, json.dumps(data, ensure_ascii=False))
    except (OSError, WriteError):
        return
