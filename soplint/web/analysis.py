"""One upload through the library: loaded, checked in each language the page speaks, and
(on request) annotated. Everything here runs in a worker thread, never on the event loop,
under `soplint.timelimit.TimeLimit`, which interrupts that thread when its time is up."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

from soplint.audit.evaluation import Evaluation, evaluate
from soplint.checking import CheckOptions, CheckResult, Report, check_sop
from soplint.config import Config
from soplint.drawing import flowchart_pages
from soplint.engine import SUPPORTED_LANGUAGES, message_language
from soplint.errors import DocumentError
from soplint.findings import Finding
from soplint.i18n import ENGINE
from soplint.i18n.problems import translate_problem
from soplint.load import load_all
from soplint.model import Sop
from soplint.timelimit import TimeLimit, TimeLimitExceeded, time_problem

LANGS = SUPPORTED_LANGUAGES


@dataclass(frozen=True)
class Checked:
    """One SOP of an upload: its model, its report in each language (same findings, other
    words), the language its findings are written in by default, its evaluation (the
    audit's score and questions) and its flowchart drawn (one SVG per page; none when the
    drawing failed)."""

    sop: Sop
    reports: Mapping[str, Report]
    lang: str
    evaluation: Evaluation
    pages: tuple[str, ...] = ()

    def result(self, lang: str) -> CheckResult:
        """The report in `lang` as a run of one document, for the reporters."""
        return CheckResult(reports=(self.reports[lang],))


@dataclass(frozen=True)
class Outcome:
    """What became of one upload: the SOPs checked, or the one-line error in each language
    (the CLI's line, without its "soplint: ")."""

    name: str
    path: Path
    checked: tuple[Checked, ...] = ()
    error: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def docx(self) -> bool:
        """Whether an annotated copy can be written (a Word .docx that was read)."""
        return self.path.suffix == ".docx" and bool(self.checked)


def _error(name: str, problem: str) -> Outcome:
    """An upload that was not read: the CLI's line for `problem`, in each language."""
    return Outcome(name, Path(), error=MappingProxyType(
        {lang: f"{name}: {translate_problem(problem, lang)}" for lang in LANGS}))


def check_upload(path: Path, name: str, config: Config | None = None,
                 seconds: float | None = None) -> Outcome:
    """Load the stored upload (shown as `name`) and check each SOP in it in every language,
    within `seconds` (None or 0: no limit; past it the work is interrupted, as `soplint
    check --timeout` interrupts it)."""
    try:
        with TimeLimit(seconds):
            return replace(_checked(path, name, config or Config()), path=path)
    except TimeLimitExceeded:
        return replace(_error(name, time_problem(seconds)), path=path)


def _checked(path: Path, name: str, config: Config) -> Outcome:
    try:
        sops = load_all(path, name=name)
    except DocumentError as exc:
        return _error(exc.source, exc.problem)
    except Exception as exc:  # a bug in soplint must not take the page down: SOP004's words
        error = f"{type(exc).__name__}: {exc}"
        return Outcome(name, path, error=MappingProxyType(
            {lang: f"{name}: {ENGINE.say('SOP004.message', lang, error=error)}"
             for lang in LANGS}))
    checked = []
    for sop in sops:
        reports = {lang: check_sop(sop, CheckOptions(lang=lang, config=config))
                   for lang in LANGS}
        lang = message_language(sop, config.lang)
        findings = reports[lang].findings
        checked.append(Checked(sop, MappingProxyType(reports), lang,
                               evaluate(sop, findings), _drawn(sop, findings)))
    return Outcome(name, path, tuple(checked))


def _drawn(sop: Sop, findings: tuple[Finding, ...]) -> tuple[str, ...]:
    """The flowchart's pages; a failure of the drawing leaves the page without it, not
    without the findings."""
    try:
        return tuple(flowchart_pages(sop, findings))
    except Exception:  # the drawing is an extra: the findings must still be shown
        return ()


def annotated_copy(outcome: Outcome, index: int, target: Path,
                   seconds: float | None = None) -> bool:
    """Write the Word copy of SOP `index` of the upload with a review comment per finding,
    in the document's language, to `target`, within `seconds`; False when it took longer."""
    from soplint.annotate import annotate

    checked = outcome.checked[index]
    try:
        with TimeLimit(seconds):
            annotate(outcome.path, target, checked.reports[checked.lang].findings,
                     checked.sop.title_where)
    except TimeLimitExceeded:
        return False
    return True
