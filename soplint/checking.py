"""A check run: files in, findings out — load, run the rules, then filter.

Readers and rules never see each other: this module loads each document, hands the model to
the engine with the registered rules and the configuration's options, and applies the
filters to what comes back: selection, per-file ignores, the document's own suppressions
(`soplint.suppressions`); baselines are applied to a whole run (`soplint.baseline`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

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
from soplint.findings import Finding
from soplint.load import load_all
from soplint.model import Sop
from soplint.plugins import registered_readers, registered_rules
from soplint.rule import Rule, Severity
from soplint.suppressions import apply, document_suppressions, unused_finding


@dataclass(frozen=True)
class CheckOptions:
    """What to run: command-line choices (selected and ignored codes or prefixes, forced
    profile, message language, fail-on level), which win over the configuration; and the
    configuration itself (None: discover one from each checked file's folder upward)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    profile: str | None = None
    lang: str | None = None
    fail_on: str | None = None
    config: Config | None = None


@dataclass(frozen=True)
class Report:
    """The result of checking one document: its model (None when unreadable), findings, and
    the severity at which they fail the run."""

    file: str
    sop: Sop | None
    findings: tuple[Finding, ...]
    fail_on: str = "error"


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


def _matches(code: str, patterns: Iterable[str]) -> bool:
    return any(code.startswith(p.strip().upper()) for p in patterns if p.strip())


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


def documents(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """Every file named, and every document below the given folders that an installed
    reader takes (by suffix, any case), in name order; Word's lock files ("~$SOP.docx") are
    left out."""
    return _collect(paths)[0]


def unread_documents(paths: Sequence[str | os.PathLike[str]]) -> list[NotChecked]:
    """The documents below the given folders that no installed reader takes (a format
    without a reader, or one whose reader needs an extra or a program not installed here):
    not checked, but listed, so that an audit of a folder says what it left out."""
    return _collect(paths)[1]


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


def _collect(paths: Sequence[str | os.PathLike[str]]) -> tuple[list[Path], list[NotChecked]]:
    """(`documents`, `unread_documents`), from one walk of each folder."""
    checked: list[Path] = []
    unread: list[NotChecked] = []
    formats = _formats()
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            checked.append(path)
            continue
        found = sorted(p for p in path.rglob("*") if p.suffix.lower() in formats
                       and p.is_file() and not p.name.startswith("~$"))
        for file in found:
            name, hint = formats[file.suffix.lower()]
            if hint:
                unread.append(NotChecked(str(file), name, hint))
            else:
                checked.append(file)
    return checked, unread


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
    kept = (*outcome.kept, *(f for f in unused if not _matches(f.code, ignore)))
    if sop.origin:  # one of several SOPs in the file: every location says which
        kept = tuple(replace(f, location=", ".join(filter(None, (sop.origin, f.location))))
                     for f in kept)
    return Report(file=sop.source, sop=sop, findings=kept,
                  fail_on=options.fail_on or config.fail_on or "error")


def check_path(path: str | os.PathLike[str],
               options: CheckOptions = CheckOptions()) -> tuple[Report, ...]:
    """Load and check one file, a report for each SOP it holds (with the configuration found
    for it unless `options` carries one); an unreadable file becomes a single SOP002
    finding, and a failure of soplint's own reader or recognizer a single SOP004 finding."""
    config = options.config or load_config(Path(path))
    try:
        sops = load_all(path)
    except DocumentError as exc:
        finding = engine_finding(UNREADABLE, str(path), exc.problem)
    except Exception as exc:  # a bug must not stop a run over a thousand documents
        finding = engine_finding(LOAD_ERROR, str(path), f"{type(exc).__name__}: {exc}")
    else:
        return tuple(check_sop(sop, replace(options, config=config)) for sop in sops)
    return (Report(file=str(path), sop=None, findings=(finding,),
                   fail_on=options.fail_on or config.fail_on or "error"),)


def check_file(path: str | os.PathLike[str], options: CheckOptions = CheckOptions()) -> Report:
    """`check_path` for a file holding one SOP: the report of its first SOP."""
    return check_path(path, options)[0]


def run_check(paths: Sequence[str | os.PathLike[str]],
              options: CheckOptions = CheckOptions()) -> CheckResult:
    """Check every document under `paths`; broken files become findings and the run goes on.
    Without a configuration in `options`, each folder's is discovered once."""
    found: dict[Path, Config] = {}
    reports: list[Report] = []
    checked, unread = _collect(paths)
    for path in checked:
        folder = path.resolve().parent
        if options.config is None and folder not in found:
            found[folder] = load_config(path)
        config = options.config or found[folder]
        reports.extend(check_path(path, replace(options, config=config)))
    return CheckResult(reports=tuple(reports), unreadable=sum(r.sop is None for r in reports),
                       not_checked=tuple(unread))
