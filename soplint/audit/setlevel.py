"""The rules across the set, run once after every document of an audit is recognised.

They read the documents' compact summaries from the results file (a few hundred bytes
each), never the models. A violation becomes a document-level finding on each document it
names, written in that document's language; a set rule that raises becomes one SOP001
finding on the first document, and the audit goes on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from soplint.engine import RULE_ERROR, engine_finding
from soplint.findings import Finding
from soplint.i18n import ENGINE
from soplint.plugins import registered_set_rules
from soplint.setrule import SetRule, SetSummary, SetViolation

from .record import finding_to_dict
from .results import records
from .run import AuditRun
from .scored import document_key


@dataclass(frozen=True)
class _Document:
    summary: SetSummary
    lang: str


def _matches(code: str, patterns: Sequence[str]) -> bool:
    return any(p == "ALL" or code.startswith(p) for p in patterns)


def selected_set_rules(select: Sequence[str] = (), ignore: Sequence[str] = ()
                       ) -> list[SetRule]:
    """The registered set rules left after the command line's select and ignore."""
    rules = list(registered_set_rules().values())
    if select:
        rules = [r for r in rules if _matches(r.code, select)]
    return [r for r in rules if not _matches(r.code, ignore)]


def _finding(rule: SetRule, violation: SetViolation, document: _Document) -> Finding:
    lang = document.lang
    return Finding(file=document.summary.file, code=rule.code, name=rule.name,
                   category=rule.category, severity=rule.severity,
                   message=violation.message.speak(lang),
                   suggestion=violation.suggestion.speak(lang) if violation.suggestion else "",
                   words=violation.words, place=ENGINE.say("place.document", lang),
                   location=document.summary.origin)


def run_set_rules(summaries: Sequence[SetSummary], langs: Sequence[str],
                  rules: Sequence[SetRule]) -> dict[str, list[Finding]]:
    """The findings of `rules` on the set, by `document_key`; `langs[i]` is the language
    the findings on `summaries[i]` are written in."""
    documents = {id(s): _Document(s, lang) for s, lang in zip(summaries, langs, strict=True)}
    found: dict[str, list[Finding]] = {}
    for rule in rules:
        try:
            violations = list(rule.check(summaries))
        except Exception as exc:  # a broken rule must not stop the audit
            if summaries:
                first = documents[id(summaries[0])]
                found.setdefault(document_key(first.summary.file, first.summary.origin),
                                 []).append(engine_finding(
                    RULE_ERROR, first.summary.file, first.lang,
                    ENGINE.say("SOP001.message", first.lang, code=rule.code, name=rule.name,
                               error=f"{type(exc).__name__}: {exc}"),
                    ENGINE.say("SOP001.suggestion", first.lang)))
            continue
        for violation in violations:
            for summary in dict.fromkeys(violation.documents):
                document = documents.get(id(summary), _Document(summary, "en"))
                key = document_key(summary.file, summary.origin)
                found.setdefault(key, []).append(_finding(rule, violation, document))
    return found


def set_findings(run: AuditRun, select: Sequence[str] = (), ignore: Sequence[str] = ()
                 ) -> dict[str, list[dict[str, Any]]]:
    """The findings of the rules across the set on the documents of `run`, as JSON objects
    by `document_key` (none for a set of one document)."""
    summaries: list[SetSummary] = []
    langs: list[str] = []
    for record, _ in records(run.results, run.files):
        if record.readable:
            summaries.append(record.summary)
            langs.append(record.lang)
    if len(summaries) < 2:
        return {}
    found = run_set_rules(summaries, langs, selected_set_rules(select, ignore))
    return {key: [finding_to_dict(f) for f in findings] for key, findings in found.items()}
