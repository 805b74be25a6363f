"""Run the registered rules over a `Sop` and turn their violations into findings.

A rule that raises becomes a finding with the engine code SOP001 on that document; the run
goes on. The engine knows rules only through the plugin manager.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from soplint.findings import Finding, describe
from soplint.i18n import ENGINE
from soplint.i18n.numbers import format_number
from soplint.model import Layout, Sop
from soplint.places import part_text, place
from soplint.rule import Rule, RuleContext, Severity, Violation, translated_doc
from soplint.tree import Where

SUPPORTED_LANGUAGES = ("id", "en")


@dataclass(frozen=True)
class EngineCode:
    """A code the engine itself reports (not a rule of any pack); its documentation in other
    languages is `<CODE>.doc` in the engine's catalogue."""

    code: str
    name: str
    category: str
    severity: Severity
    doc: str

    def doc_in(self, lang: str) -> str:
        """The documentation in `lang` when the catalogue has it (`doc.<CODE>`), else in
        English."""
        return translated_doc(ENGINE, self.code, self.doc, lang)


RULE_ERROR = EngineCode(
    "SOP001", "rule-error", "structure", Severity.ERROR,
    "A rule raised an error on this document.\n\nThe rule's other findings on this document "
    "are lost; the rest of the run goes on. Report it with the document if you can.",
)
UNREADABLE = EngineCode(
    "SOP002", "unreadable-document", "structure", Severity.ERROR,
    "The file could not be read (not a zip, a .doc renamed .docx, password-protected, "
    "corrupt, a conversion that failed, a format whose reader is not installed...).\n\n"
    "In a bulk run the file becomes this finding and the run goes on.",
)
UNSUPPORTED_LANGUAGE = EngineCode(
    "SOP003", "unsupported-language", "wording", Severity.INFO,
    "The document is neither Indonesian nor English, so the wording rules (vague verbs, "
    "vague time, escape clauses...) were not run on it rather than guessed.",
)
LOAD_ERROR = EngineCode(
    "SOP004", "load-error", "structure", Severity.ERROR,
    "soplint failed while reading this document: an error in soplint, not in the file.\n\n"
    "The document gets no other findings; in a bulk run the rest of the run goes on. Report "
    "it with the document if you can.",
)
DOCUMENT_CUT = EngineCode(
    "SOP005", "document-cut", "structure", Severity.WARNING,
    "The document holds more than soplint reads of one document, so only part of it was "
    "checked.\n\nThe message says which limit was reached: paragraphs (20,000), tables "
    "(500), table rows (2,000 in all), cells of a row (64), nesting (32 levels "
    "of tables, content controls or groups), the length of a list label (100 characters) "
    "or of a paragraph (100,000), drawn shapes (5,000), review comments (1,000), custom "
    "properties (1,000) or steps (2,000). What lies past "
    "the limit was not read. No SOP comes near these limits: a file that reaches one is "
    "usually damaged, generated or built to slow a checker down.",
)
TIMED_OUT = EngineCode(
    "SOP006", "time-limit", "structure", Severity.ERROR,
    "The process checking this document did not answer within the audit's time limit per "
    "file and a grace period after it (stuck where the time limit cannot interrupt it, or "
    "stopped).\n\n`soplint audit` kills the worker, reports the file with this finding and "
    "goes on with the others; raise the limit with `--timeout` if the document is only "
    "large.",
)
WORKER_DIED = EngineCode(
    "SOP007", "worker-died", "structure", Severity.ERROR,
    "The process checking this document died (out of memory, a crash in a library).\n\n"
    "`soplint audit` replaces the worker, reports the file with this finding and goes on with "
    "the others. Report it with the document if you can.",
)
UNUSED_SUPPRESSION = EngineCode(
    "SOP100", "unused-suppression", "structure", Severity.WARNING,
    "A `soplint: ignore CODE` suppression in the document hides no finding.\n\n"
    "## What it does\nReports each code of a Word review comment that starts with "
    "`soplint: ignore` (anchored on a step's cell or paragraph) or of the custom document "
    "property `soplint-ignore` that matched no finding, like ruff's RUF100. The message "
    "names the code and where the comment is. A code whose rules did not run on the document "
    "(not selected, another profile or language) is not reported.\n\n"
    "## Why is this bad?\nA stale suppression hides the next real problem at that step; it "
    "is usually left over after the step was fixed, or the code is mistyped.\n\n"
    "## Example\nA comment `soplint: ignore ACT001` on step 3, whose actor is now named.\n\n"
    "## Use instead\nDelete the comment, or remove the code from it; to keep the "
    "suppression anyway, ignore SOP100 in the configuration.",
)
ENGINE_CODES = {c.code: c for c in (RULE_ERROR, UNREADABLE, UNSUPPORTED_LANGUAGE, LOAD_ERROR,
                                    DOCUMENT_CUT, TIMED_OUT, WORKER_DIED,
                                    UNUSED_SUPPRESSION)}


def profile_for(sop: Sop) -> str:
    """The profile a layout implies: `permenpan` for SOP AP flowcharts, `puskesmas` for the
    accreditation format, else `generic`."""
    if sop.layout is Layout.PERMENPAN:
        return "permenpan"
    return "puskesmas" if sop.layout is Layout.PUSKESMAS else "generic"


@dataclass(frozen=True)
class RunOptions:
    """How to run the rules: forced profile and message language, per-rule options and
    severities, and lexicon changes keyed "<lang>-<lexicon>" -> (extra, removed)."""

    profile: str | None = None
    lang: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    severities: Mapping[str, Severity] = field(default_factory=dict)
    lexicon_changes: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(
        default_factory=dict)


def message_language(sop: Sop, forced: str | None) -> str:
    """The language findings are written in: forced, else the document's, else English."""
    if forced:
        return forced
    return sop.language if sop.language in SUPPORTED_LANGUAGES else "en"


def engine_finding(code: EngineCode, file: str, lang: str, message: str,
                   suggestion: str = "") -> Finding:
    """A document-level finding reported by the engine itself, written in `lang`."""
    return Finding(file=file, code=code.code, name=code.name, category=code.category,
                   severity=code.severity, message=message, suggestion=suggestion,
                   place=ENGINE.say("place.document", lang))


def cut_finding(sop: Sop, lang: str) -> Finding:
    """The one SOP005 finding of a document read only up to the limits in `sop.cut`."""
    limits = "; ".join(ENGINE.say(f"SOP005.{kind}", lang, limit=format_number(limit, lang))
                       for kind, limit in sop.cut)
    return engine_finding(DOCUMENT_CUT, sop.source, lang,
                          ENGINE.say("SOP005.message", lang, limits=limits),
                          ENGINE.say("SOP005.suggestion", lang))


def _where(sop: Sop, violation: Violation) -> Where | None:
    """Where a violation points: its own node, else the cell of the part concerned, else its
    step, else the title."""
    step = violation.step
    if violation.where is not None:
        return violation.where
    if step is None:
        return sop.title_where
    cell = step.cell(violation.part) if violation.part else None
    if cell is None and step.where.page is None:
        cell = step.cell("activity")  # the table cell knows its page
    return cell or step.where


def _finding(sop: Sop, rule: Rule, violation: Violation, lang: str,
             severity: Severity) -> Finding:
    step = violation.step
    where = _where(sop, violation)
    suggestion = violation.suggestion.speak(lang) if violation.suggestion else ""
    return Finding(
        file=sop.source,
        code=rule.code,
        name=rule.name,
        category=rule.category,
        severity=violation.severity or severity,
        message=violation.message.speak(lang),
        suggestion=suggestion,
        step=step.number if step else None,
        location=describe(where),
        words=violation.words,
        step_text=step.text if step else "",
        where=where,
        place=place(sop, step, violation.part,
                    where if step or violation.where else None, lang),  # no title's page
        part=violation.part,
        context=part_text(sop, step, violation.part),
        ordinal=step.ordinal if step else None,
    )


def run_rules(sop: Sop, rules: Iterable[Rule], run: RunOptions = RunOptions()) -> list[Finding]:
    """Every finding of `rules` on `sop`, in rule order then document order."""
    profile = run.profile or profile_for(sop)
    lang = message_language(sop, run.lang)
    context = RuleContext(lang=sop.language, profile=profile, options=run.options,
                          lexicon_changes=run.lexicon_changes)
    findings: list[Finding] = [cut_finding(sop, lang)] if sop.cut else []
    skipped_for_language = False
    spoken: set[str] = set()  # the languages some language-bound rule here is written for
    for rule in rules:
        if profile not in rule.profiles:
            continue
        spoken |= rule.languages
        if rule.languages and sop.language not in rule.languages:
            skipped_for_language = True
            continue
        severity = run.severities.get(rule.code, rule.severity)
        try:
            violations = list(rule.check(sop, context))
        except Exception as exc:  # a broken rule must not stop the run
            findings.append(engine_finding(
                RULE_ERROR, sop.source, lang,
                ENGINE.say("SOP001.message", lang, code=rule.code, name=rule.name,
                           error=f"{type(exc).__name__}: {exc}"),
                ENGINE.say("SOP001.suggestion", lang)))
            continue
        findings.extend(_finding(sop, rule, v, lang, severity) for v in violations)
    if skipped_for_language and sop.language not in spoken:
        findings.append(engine_finding(
            UNSUPPORTED_LANGUAGE, sop.source, lang,
            ENGINE.say("SOP003.message", lang, language=sop.language),
            ENGINE.say("SOP003.suggestion", lang)))
    return findings
