"""What the page shows of an outcome, in both of its languages: words only, no SOP logic.

Every text the page can switch is a `Said`: the same thing in Indonesian and in English. The
templates write both, and the page's stylesheet shows the one chosen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from soplint.audit.evaluation import Evaluation
from soplint.findings import Finding
from soplint.i18n import ENGINE, Catalogue
from soplint.web.analysis import LANGS, Checked, Outcome

WORDS = Catalogue("soplint.web", "i18n")

Said = Mapping[str, str]


def say(key: str, /, **params: Any) -> Said:
    """The page's message `key` in each language."""
    return {lang: WORDS.say(key, lang, **params) for lang in LANGS}


def engine_say(key: str, /, **params: Any) -> Said:
    """soplint's own message `key` (severities, layouts, places) in each language."""
    return {lang: ENGINE.say(key, lang, **params) for lang in LANGS}


def size_text(size: int) -> str:
    """"20 MB", "512 KB"."""
    return f"{size / 1024 / 1024:g} MB" if size >= 1024 * 1024 else f"{size / 1024:g} KB"


@dataclass(frozen=True)
class FindingView:
    """One finding: its code and severity, and its words in each language."""

    code: str
    severity: str
    severity_word: Said
    message: Said
    suggestion: Said
    place: Said
    ordinal: int | None


@dataclass(frozen=True)
class StepGroup:
    """The findings of one step (or of the whole document: `ordinal` None)."""

    ordinal: int | None
    heading: Said
    text: str
    findings: tuple[FindingView, ...]


@dataclass(frozen=True)
class QuestionView:
    """One question of the evaluation: its label, its answer in words, the codes behind a
    "no" (linked to their documentation)."""

    label: Said
    answer: Said
    state: str
    codes: tuple[str, ...]


@dataclass(frozen=True)
class SopView:
    """One SOP of an upload as the page shows it; `index` is its place among the upload's."""

    index: int
    heading: Said | None
    lang: str
    identity: tuple[tuple[Said | str, Said | str], ...]
    groups: tuple[StepGroup, ...]
    counts: Said
    pages: tuple[str, ...]
    score: int
    questions: tuple[QuestionView, ...]


@dataclass(frozen=True)
class DocumentView:
    """One upload: its name, the SOPs in it, or its one-line error."""

    name: str
    sops: tuple[SopView, ...]
    error: Said | None
    docx: bool


def _findings(checked: Checked) -> list[FindingView]:
    """Each finding with its words in every language (the reports hold the same findings)."""
    per_lang = {lang: checked.reports[lang].findings for lang in LANGS}
    default = per_lang[checked.lang]
    if any(len(found) != len(default) for found in per_lang.values()):
        per_lang = dict.fromkeys(LANGS, default)
    views = []
    for index, finding in enumerate(default):
        said: dict[str, dict[str, str]] = {"message": {}, "suggestion": {}, "place": {}}
        for lang in LANGS:
            other: Finding = per_lang[lang][index]
            said["message"][lang] = other.message
            said["suggestion"][lang] = other.suggestion
            said["place"][lang] = other.place
        views.append(FindingView(finding.code, str(finding.severity),
                                 engine_say(f"severity.{finding.severity}"), said["message"],
                                 said["suggestion"], said["place"], finding.ordinal))
    return views


def _groups(checked: Checked, findings: Iterable[FindingView]) -> tuple[StepGroup, ...]:
    """The findings by step, the document's own first, then in step order."""
    by_step: dict[int | None, list[FindingView]] = {}
    for finding in findings:
        by_step.setdefault(finding.ordinal, []).append(finding)
    steps = {s.ordinal: s for s in checked.sop.steps}
    groups = []
    for ordinal in sorted(by_step, key=lambda o: (o is not None, o or 0)):
        step = steps.get(ordinal) if ordinal is not None else None
        if step is None:
            heading, text = say("document.whole"), ""
        else:
            heading, text = say("document.step", number=step.number), step.text
        groups.append(StepGroup(ordinal if step else None, heading, text,
                                tuple(by_step[ordinal])))
    return tuple(groups)


def _identity(checked: Checked) -> tuple[tuple[Said | str, Said | str], ...]:
    """The summary rows: the model's title, layout, language, steps and roles, then each
    identity field under the label the document prints."""
    sop = checked.sop
    rows: list[tuple[Said | str, Said | str]] = [
        (say("document.title"), sop.title),
        (say("document.layout"), engine_say(f"layout.{sop.layout}")),
        (say("document.language"), say(f"lang.{sop.language}") if sop.language in LANGS
         else sop.language),
        (say("document.steps"), str(len(sop.steps))),
    ]
    if sop.actors:
        rows.append((say("document.actors"), ", ".join(a.name for a in sop.actors)))
    rows += [(f.label, f.value) for f in sop.meta.values()]
    return tuple((label, value) for label, value in rows if value)


def _questions(evaluation: Evaluation) -> tuple[QuestionView, ...]:
    """The evaluation's questions with their answers in words."""
    views = []
    for q in evaluation.questions:
        state = ("yes" if q.answer else "no" if q.answer is not None
                 else "unknown" if q.applies else "not-applicable")
        views.append(QuestionView({"id": q.label_id, "en": q.label_en},
                                  say(f"document.{state}"), state, q.codes))
    return tuple(views)


def _counts(findings: list[FindingView]) -> Said:
    """"3 findings: 1 error, 2 warnings, 0 info" in each language."""
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning",
                                                                          "info")}
    return {lang: ENGINE.count("count.findings", lang, len(findings)) + ": " + ", ".join(
        (ENGINE.count("count.errors", lang, counts["error"]),
         ENGINE.count("count.warnings", lang, counts["warning"]),
         ENGINE.count("count.info", lang, counts["info"]))) for lang in LANGS}


def document_view(outcome: Outcome) -> DocumentView:
    """The page's view of one upload."""
    sops = []
    for index, checked in enumerate(outcome.checked):
        findings = _findings(checked)
        heading = (say("document.sop", number=index + 1, count=len(outcome.checked),
                       origin=checked.sop.origin) if len(outcome.checked) > 1 else None)
        sops.append(SopView(index, heading, checked.lang, _identity(checked),
                            _groups(checked, findings), _counts(findings),
                            checked.pages if checked.sop.steps else (),
                            checked.evaluation.score, _questions(checked.evaluation)))
    return DocumentView(outcome.name, tuple(sops), dict(outcome.error) or None, outcome.docx)


def page_lang(outcomes: Iterable[Outcome], accepted: str) -> str:
    """The language the page opens in: that of most documents checked, else the browser's
    first choice among the page's languages, else English."""
    found = [c.lang for o in outcomes for c in o.checked]
    if found:
        return max(LANGS, key=found.count)
    return preferred_lang(accepted)


def preferred_lang(accepted: str) -> str:
    """The first of the page's languages in an Accept-Language header, else English."""
    for part in accepted.split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGS:
            return code
    return "en"
