"""A check run: files in, findings out — load, run the rules, then filter.

Readers and rules never see each other: this module loads each document, hands the model to
the engine with the registered rules and the configuration's options, and applies the
filters to what comes back: selection, per-file ignores, the document's own suppressions
(`soplint.suppressions`); baselines are applied to a whole run (`soplint.baseline`).
"""

from __future__ import annotations

import glob
import os
import stat
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from fnmatch import fnmatchcase
from pathlib import Path
from typing import BinaryIO

from soplint.config import Config, load_config
from soplint.engine import (
    ENGINE_CODES,
    LOAD_ERROR,
    UNREADABLE,
    UNUSED_SUPPRESSION,
    RunOptions,
    engine_finding,
    message_language,
    profile_for,
    run_rules,
)
from soplint.errors import DocumentError
from soplint.files import NOT_A_FILE, absolute, identity
from soplint.findings import Finding
from soplint.grouping import summarise
from soplint.i18n import ENGINE
from soplint.i18n.problems import problem_key, translate_problem
from soplint.load import checked_source, load_all
from soplint.model import Sop
from soplint.plugins import registered_readers, registered_rules
from soplint.rule import Rule, Severity
from soplint.statistics import Statistics, statistics
from soplint.suppressions import apply, document_suppressions, unused_finding
from soplint.timelimit import TimeLimit, TimeLimitExceeded, time_problem
from soplint.userlang import user_language

STDIN = "-"
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class CheckOptions:
    """What to run: command-line choices (selected and ignored codes or prefixes, forced
    profile, message language, fail-on level, time limit per document in seconds), which
    win over the configuration; the configuration itself (None: discover one from each
    checked file's folder upward); and the time limit when neither sets one (None: no
    limit; the command line's is `soplint.timelimit.DEFAULT_SECONDS`)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    profile: str | None = None
    lang: str | None = None
    fail_on: str | None = None
    config: Config | None = None
    exclude: tuple[str, ...] = ()
    timeout: float | None = None
    default_timeout: float | None = None


@dataclass(frozen=True)
class Report:
    """The result of checking one document: its model (None when unreadable), findings in
    document order, the severity at which they fail the run, the language they are written
    in, and the document's statistics (None when unreadable)."""

    file: str
    sop: Sop | None
    findings: tuple[Finding, ...]
    fail_on: str = "error"
    lang: str = "en"
    stats: Statistics | None = None


# Document formats found in folders that no registered reader may take: listed, not checked.
UNREAD_FORMATS = {".pdf": ("PDF", "no PDF reader is installed"),
                  ".xls": ("Excel 97-2003 .xls", "save it as .xlsx"),
                  ".ppt": ("PowerPoint .ppt", "not an SOP format soplint reads"),
                  ".pptx": ("PowerPoint .pptx", "not an SOP format soplint reads")}


@dataclass(frozen=True)
class NotChecked:
    """A document found in a folder run that soplint cannot read here: its format and what
    would read it (`hint`: the extra or program to install, or "save it as .xlsx")."""

    file: str
    format: str
    hint: str = ""


@dataclass(frozen=True)
class CheckResult:
    """The result of a whole run, document by document (a file holding several SOPs gives a
    report for each); `not_checked` lists the documents found in the folders checked that no
    installed reader takes."""

    reports: tuple[Report, ...] = ()
    unreadable: int = 0
    not_checked: tuple[NotChecked, ...] = ()
    findings: tuple[Finding, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "findings",
                           tuple(f for r in self.reports for f in r.findings))

    def fails(self, level: str | None = None) -> bool:
        """Whether any finding is at or above `level` (default: each document's fail-on)."""
        return any(f.severity.rank >= Severity(level or r.fail_on).rank
                   for r in self.reports for f in r.findings)

    @property
    def inputs(self) -> tuple[str, ...]:
        """Every file the run read or found: what no output of the run may be written over."""
        return tuple(dict.fromkeys([*(r.file for r in self.reports if r.file != STDIN),
                                    *(n.file for n in self.not_checked)]))

    @property
    def lang(self) -> str:
        """The language the run speaks in: that of most of its documents' findings."""
        counts = Counter(r.lang for r in self.reports)
        return max(sorted(counts), key=lambda lang: counts[lang]) if counts else "en"


ALL = "ALL"


def _matches(code: str, patterns: Iterable[str]) -> bool:
    """Whether `code` starts with one of the codes or prefixes (`ALL` matches any code)."""
    return any(code.startswith(p.strip().upper()) or p.strip().upper() == ALL
               for p in patterns if p.strip())


def _selection(options: CheckOptions, config: Config) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(select, ignore): the command line's, else the configuration's; extend-select adds."""
    select = options.select or config.select
    if select:
        select = (*select, *config.extend_select)
    return select, options.ignore or config.ignore


def selected_rules(options: CheckOptions) -> list[Rule]:
    """The registered rules left after select and ignore (codes or prefixes)."""
    select, ignore = _selection(options, options.config or Config())
    rules = list(registered_rules().values())
    if select:
        rules = [r for r in rules if _matches(r.code, select)]
    return [r for r in rules if not _matches(r.code, ignore)]


def documents(paths: Sequence[str | os.PathLike[str]], exclude: Sequence[str] = ()) -> list[
        Path]:
    """Every file named, and every document below the given folders that an installed
    reader takes (by suffix, any case), in name order; Word's lock files ("~$SOP.docx") are
    left out. A path that does not exist but holds `*`, `?` or `[` is a glob, expanded here
    (Windows shells do not); a file named twice is listed once; paths matching an `exclude`
    glob are left out."""
    return _collect(paths, exclude)[0]


def unread_documents(paths: Sequence[str | os.PathLike[str]],
                     exclude: Sequence[str] = ()) -> list[NotChecked]:
    """The documents below the given folders that no installed reader takes (a format
    without a reader, or one whose reader needs an extra or a program not installed here):
    not checked, but listed, so that an audit of a folder says what it left out."""
    return _collect(paths, exclude)[1]


def excluded(path: Path, patterns: Sequence[str]) -> bool:
    """Whether `path` (as given or found) or one of its folders matches a glob of
    `patterns` ("legacy/*", "*.tmp.docx", "arsip")."""
    posix = path.as_posix()
    return any(fnmatchcase(posix, p) or fnmatchcase(posix, f"*/{p}")
               or any(fnmatchcase(part, p) for part in path.parts) for p in patterns)


def _expand(raw: str | os.PathLike[str]) -> list[Path]:
    """The path, or the files a glob names when the path does not exist (a link that leads
    nowhere, or round in a loop, exists: it is reported as not readable)."""
    path = Path(raw)
    text = os.fspath(raw)
    if os.path.lexists(text) or not _GLOB_CHARS & set(text) or text == STDIN:
        return [path]
    return [Path(p) for p in sorted(glob.glob(text, recursive=True))]


def _is_dir(path: Path) -> bool:
    """Whether `path` is a folder (after links); False when it cannot be looked at."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _walk(folder: Path, suffixes: Iterable[str]) -> list[Path]:
    """Every entry below `folder` whose name has one of `suffixes` (any case): the files, and
    what is named like a document but cannot be read as one (a pipe, a device, a link that
    leads nowhere or round in a loop, a folder holding no document), and every folder that
    cannot be listed (it may hold documents), which checking reports as not readable.
    Linked folders are followed, each folder once; the walk keeps its own stack, so that no
    depth of folders exhausts Python's."""
    wanted = frozenset(suffixes)
    found: list[Path] = []
    named_folders: list[Path] = []
    seen: set[tuple[int, int]] = set()
    stack = [folder]
    while stack:
        here = stack.pop()
        key = identity(here)
        if key is not None and key in seen:
            continue
        if key is not None:
            seen.add(key)
        try:
            with os.scandir(here) as listing:
                entries = [(entry.name, _entry_is_dir(entry)) for entry in listing]
        except OSError:
            found.append(here)
            continue
        for name, is_dir in entries:
            document_like = Path(name).suffix.lower() in wanted
            if is_dir:
                stack.append(here / name)
                if document_like:
                    named_folders.append(here / name)
            elif document_like and not name.startswith("~$"):
                found.append(here / name)
    holders = {parent for path in found for parent in path.parents}
    return sorted([*found, *(named for named in named_folders if named not in holders)])


def _entry_is_dir(entry: os.DirEntry[str]) -> bool:
    """Whether a folder entry is a folder, after links; False when it cannot be looked at."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _key(path: Path) -> object:
    """What tells two paths to one file apart: its device and inode, else its absolute path."""
    if path.as_posix() == STDIN:
        return path
    return identity(path) or absolute(path)


def _formats() -> dict[str, tuple[str, str]]:
    """Suffix -> (format, hint) of every document format a folder walk looks for; the hint is
    "" when an installed reader takes it, else what would read it."""
    found = dict(UNREAD_FORMATS)
    for reader in reversed(registered_readers()):  # the reader tried first wins a suffix
        missing = reader.missing()
        for suffix in reader.suffixes:
            if not missing or suffix not in found or found[suffix][1]:
                found[suffix] = (reader.format, missing)
    return found


def _collect(paths: Sequence[str | os.PathLike[str]], exclude: Sequence[str] = ()) -> tuple[
        list[Path], list[NotChecked]]:
    """(`documents`, `unread_documents`), from one walk of each folder."""
    checked: list[Path] = []
    unread: list[NotChecked] = []
    formats = _formats()
    for path in (p for raw in paths for p in _expand(raw)):
        if not _is_dir(path):
            checked.append(path)
            continue
        found = _walk(path, formats)
        if not found and path.suffix.lower() in formats:
            checked.append(path)  # a folder named like a document: reported, not skipped
        for file in found:
            name, hint = formats.get(file.suffix.lower(), ("", ""))  # "": a folder not listed
            if hint:
                unread.append(NotChecked(str(file), name, hint))
            else:
                checked.append(file)
    seen: set[object] = set()
    unique = []
    for path in checked:
        key = _key(path)
        if key not in seen and not excluded(path, exclude):
            seen.add(key)
            unique.append(path)
    return unique, [n for n in unread if not excluded(Path(n.file), exclude)]


def _ran(rules: Iterable[Rule], sop: Sop, profile: str) -> set[str]:
    """Codes of the rules the engine actually runs on `sop` (profile and language)."""
    return {r.code for r in rules if profile in r.profiles
            and (not r.languages or sop.language in r.languages)}


def _reportable(code: str, ran: set[str]) -> bool:
    """Whether an unused suppression of `code` is worth a SOP100: not when every known rule
    it names was left out of this run, nor when it would suppress SOP100 itself."""
    if UNUSED_SUPPRESSION.code.startswith(code):
        return False
    named = [c for c in (*registered_rules(), *ENGINE_CODES) if c.startswith(code)]
    return not named or any(c in ran or c in ENGINE_CODES for c in named)


def check_sop(sop: Sop, options: CheckOptions = CheckOptions()) -> Report:
    """Run the selected rules on an already loaded model, then apply the configured
    severities, ignores (per-file ones too) and the document's own suppressions."""
    config = options.config or Config()
    ignore = (*_selection(options, config)[1], *config.ignored_for(sop.source))
    scoped = replace(options, ignore=ignore, config=config)
    rules = selected_rules(scoped)
    profile = options.profile or config.profile or profile_for(sop)
    lang = options.lang or config.lang
    run = RunOptions(profile=profile, lang=lang, options=config.rule_options(sop),
                     severities=config.severities([r.code for r in rules]),
                     lexicon_changes=config.lexicon)
    engine_severity = config.severities(list(ENGINE_CODES))
    findings = [replace(f, severity=engine_severity[f.code]) if f.code in engine_severity
                else f for f in run_rules(sop, rules, run)]
    suppressions = document_suppressions(sop)
    outcome = apply((f for f in findings if not _matches(f.code, ignore)), sop, suppressions)
    ran = _ran(rules, sop, profile)
    language = message_language(sop, lang)
    unused = [replace(f, severity=engine_severity.get(f.code, f.severity))
              for f in (unused_finding(sop, s, code, language) for s, code in outcome.unused
                        if _reportable(code, ran))]
    unused = list(apply(unused, sop, suppressions).kept)  # "ignore SOP100" hides them too
    kept = [*outcome.kept, *(f for f in unused if not _matches(f.code, ignore))]
    kept = summarise(kept, sop, {r.code: r for r in rules}, language)
    if sop.origin:  # one of several SOPs in the file: every location says which
        kept = [replace(f, location=", ".join(filter(None, (sop.origin, f.location))))
                for f in kept]
    return Report(file=sop.source, sop=sop, findings=tuple(sorted(kept, key=_document_order)),
                  fail_on=options.fail_on or config.fail_on or "error", lang=language,
                  stats=statistics(sop))


def _document_order(finding: Finding) -> tuple[bool, int]:
    """Document-level findings first, then step by step (stable: rule order within)."""
    return finding.ordinal is not None, finding.ordinal or 0


def check_path(path: str | os.PathLike[str],
               options: CheckOptions = CheckOptions()) -> tuple[Report, ...]:
    """Load and check one file, a report for each SOP it holds (with the configuration found
    for it unless `options` carries one); an unreadable file becomes a single SOP002
    finding, and a failure of soplint's own reader or recognizer a single SOP004 finding."""
    return check_all(path, replace(options, config=options.config or load_config(
        Path(path))), os.fspath(path))


def check_file(path: str | os.PathLike[str], options: CheckOptions = CheckOptions()) -> Report:
    """`check_path` for a file holding one SOP: the report of its first SOP."""
    return check_path(path, options)[0]


def check_source(source: str | os.PathLike[str] | bytes | BinaryIO,
                 options: CheckOptions = CheckOptions(), name: str | None = None) -> Report:
    """`check_all` for a document holding one SOP: the report of its first SOP."""
    return check_all(source, options, name)[0]


def check_all(source: str | os.PathLike[str] | bytes | BinaryIO,
              options: CheckOptions = CheckOptions(), name: str | None = None
              ) -> tuple[Report, ...]:
    """Load and check a document given as `soplint.load` takes it (a path, bytes, a binary
    file), named `name` in the findings, a report for each SOP it holds; the configuration
    is `options`' (else the defaults). An unreadable document becomes a single SOP002
    finding, a failure of soplint's own reader or recognizer a single SOP004 finding; a
    `source` of the wrong type raises `soplint.errors.SourceTypeError`."""
    source = checked_source(source, name)
    config = options.config or Config()
    lang = options.lang or config.lang or user_language()
    shown = name or (os.fspath(source) if isinstance(source, str | os.PathLike) else "<bytes>")
    seconds = time_limit(options, config)
    try:
        with TimeLimit(seconds):
            try:
                sops = load_all(source, name=name)
            except DocumentError as exc:
                finding = _unreadable(shown, exc.problem, lang)
            except Exception as exc:  # a bug must not stop a run over a thousand documents
                finding = engine_finding(LOAD_ERROR, shown, lang,
                                         ENGINE.say("SOP004.message", lang,
                                                    error=f"{type(exc).__name__}: {exc}"),
                                         ENGINE.say("SOP004.suggestion", lang))
            else:
                return tuple(check_sop(sop, replace(options, config=config)) for sop in sops)
    except TimeLimitExceeded:
        finding = _unreadable(shown, time_problem(seconds), lang, "suggestion-time-limit")
    return (Report(file=shown, sop=None, findings=(finding,),
                   fail_on=options.fail_on or config.fail_on or "error", lang=lang),)


def time_limit(options: CheckOptions, config: Config) -> float | None:
    """The seconds one document may take to be read and checked: the option's, else the
    configuration's, else the default; None (or 0) for no limit."""
    for seconds in (options.timeout, config.timeout):
        if seconds is not None:
            return seconds or None
    return options.default_timeout


# The suggestion (SOP002.<key>) for the problems that saving as .docx does not mend.
_SUGGESTIONS = {"pdf-no-text": "ocr", "pdf-picture": "ocr", "pdf-encrypted": "password",
                "encrypted": "password", "needs-modules": "install",
                "no-pdf-reader": "install", "needs-libreoffice": "install",
                "unlisted-folder": "unlisted-folder", "not-pdf": "pdf",
                "pdf-unreadable": "pdf", "pdf-pages": "pdf", "pdf-drawn": "pdf",
                "pdf-objects": "pdf", "pdf-slow": "pdf"}


def _unreadable(shown: str, problem: str, lang: str, suggestion: str = "") -> Finding:
    """The SOP002 finding of a document not read, with the suggestion that fits."""
    fitting = _SUGGESTIONS.get(problem_key(problem))
    if not suggestion and fitting:
        suggestion = f"suggestion-{fitting}"
    key = suggestion or ("suggestion-not-a-file" if problem in NOT_A_FILE else "suggestion")
    return engine_finding(UNREADABLE, shown, lang, translate_problem(problem, lang),
                          ENGINE.say(f"SOP002.{key}", lang))


def run_check(paths: Sequence[str | os.PathLike[str]],
              options: CheckOptions = CheckOptions(), stdin: BinaryIO | None = None
              ) -> CheckResult:
    """Check every document under `paths`; broken files become findings and the run goes on.
    Without a configuration in `options`, each folder's is discovered once. The path "-"
    is the document read from `stdin` (a binary stream), configured from the working
    folder."""
    found: dict[Path, Config] = {}
    reports: list[Report] = []
    checked, unread = _collect(paths, options.exclude)
    for path in checked:
        folder = Path.cwd() if path.as_posix() == STDIN else absolute(path).parent
        if options.config is None and folder not in found:
            found[folder] = load_config(folder / "-" if path.as_posix() == STDIN else path)
        scoped = replace(options, config=options.config or found[folder])
        if path.as_posix() == STDIN:
            reports.extend(check_all(stdin if stdin is not None else b"", scoped, STDIN))
        else:
            reports.extend(check_path(path, scoped))
    return CheckResult(reports=tuple(reports), unreadable=sum(r.sop is None for r in reports),
                       not_checked=tuple(unread))
