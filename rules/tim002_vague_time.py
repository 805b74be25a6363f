"""TIM002: a time standard or a step uses vague time words ("segera", "promptly")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from soplint.language.lexicon import Match, SharedMatcher
from soplint.model import Layout, Sop, Step
from soplint.rule import RuleContext, Severity, Violation, rule

from ._messages import MESSAGES, hint

_BARE_NUMBER = re.compile(r"^\s*\d+(?:[.,]\d+)?\s*$")
# Lexicon entries noted as MB-02 ("tentatif", "secukupnya", "menyesuaikan") describe a time
# cell; in running text they mean something else ("air secukupnya").
_CELL_ONLY_NOTE = "MB-02"


def _violation(step: Step, match: Match, part: str) -> Violation:
    word = match.matched_text
    where = MESSAGES.text("TIM002.in-cell" if part else "TIM002.in-text")
    return Violation(
        message=MESSAGES.text("TIM002.message", word=word, where=where),
        suggestion=MESSAGES.text("TIM002.suggestion", hint=hint(match)),
        step=step,
        words=(word,),
        part=part,
        severity=Severity.INFO if match.confidence == "low" else None,
    )


def _unmeasurable(step: Step, text: str) -> Violation:
    return Violation(
        message=MESSAGES.text("TIM002.unmeasurable", text=text),
        suggestion=MESSAGES.text("TIM002.unmeasurable-suggestion"),
        step=step,
        words=(text,),
        part="time",
    )


def _cell(step: Step, matcher: SharedMatcher) -> Iterator[Violation]:
    """The time cell when it holds no measurable duration (bare numbers are TIM003's)."""
    if step.time is None or step.time.minutes is not None or _BARE_NUMBER.match(step.time.text):
        return
    found = matcher.find(step.time.text)
    yield from (_violation(step, m, "time") for m in found)
    if not found:
        yield _unmeasurable(step, step.time.text)


def _text(step: Step, matcher: SharedMatcher, narrative: bool) -> Iterator[Violation]:
    """The activity text (in a narrative SOP with the body under a step written as a
    heading), unless the step already has a measurable duration; a word used twice in the
    step ("quickly ... Quickly") is reported once."""
    if step.time is not None and step.time.minutes is not None:
        return
    seen: set[str] = set()
    texts = (step.text, step.note) if narrative and step.note else (step.text,)
    for match in (m for text in texts for m in matcher.find(text)):
        word = match.matched_text.casefold()
        if not match.note.startswith(_CELL_ONLY_NOTE) and word not in seen:
            seen.add(word)
            yield _violation(step, match, "")


@rule("TIM002", "vague-time", category="time", severity="warning", languages=("id", "en"),
      messages=MESSAGES)
def vague_time(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """A time standard or a step's text gives time in vague words instead of a number and unit.

    ## What it does
    Looks up the `vague-time` lexicon ("segera", "secepatnya", "sesegera mungkin",
    "tepat waktu", "secara berkala"; "promptly", "ASAP", "in a timely manner",
    "periodically" ...) in two places:
    - the time cell (*Waktu*), when it holds no measurable duration; a cell that is neither
      a duration nor a listed word ("tergantung antrean") is reported as unmeasurable;
    - the step text, unless the step already has a measurable duration (in the time cell,
      or written in the text: "segera, paling lambat 2 jam").
    A duration with a number and a unit is never vague; a bare number is TIM003's.
    "Segera setelah ..." and "paling lambat 3 hari" are not vague. "Immediately" and
    "overnight" are not listed: in laboratory steps they are exact enough (overnight is
    the conventional 12-18 h incubation). Entries the lexicon marks low-confidence
    ("secara berkala", "periodically", "quickly") are reported as info, and cell-only entries
    ("secukupnya", "menyesuaikan") are looked for only in the time cell.

    ## Why is this bad?
    A time without a number cannot be measured, monitored or summed into the service time
    (Permenpan RB 35/2012 mutu baku [1]). NASA ARM lists "timely" as a weak phrase [2];
    INCOSE GtWR R6/R7 ask for units and no vague terms [3]; ISO/IEC/IEEE 29148 §5.2.7
    [4].

    ## Example
    ```
    Waktu: segera
    Menandatangani surat keluar sesegera mungkin.
    Notify the customer promptly.
    ```

    ## Use instead
    ```
    Waktu: 1 hari kerja
    Menandatangani surat keluar paling lambat 1 hari kerja setelah menerima konsep.
    Notify the customer within 2 hours.
    ```

    ## Options
    The word list is the `vague-time` lexicon (`rules/lexicons/{id,en}-vague-time.toml`);
    a project adds or removes entries in its configuration.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran hlm. 25: bagian flowchart,
      mutu baku. https://id.scribd.com/document/511714313/permenpan-no-35-20122
    - [2] W. M. Wilson, L. H. Rosenberg, L. E. Hyatt, "Automated Analysis of Requirement
      Specifications" (NASA ARM), ICSE (1997).
      http://satc.gsfc.nasa.gov/support/ICSE_MAY97/arm/ICSE97-arm.htm
    - [3] INCOSE, Guide to Writing Requirements, rules R1–R9 with word lists, as summarised in
      Altium 365 Requirements Portal, "Quality assessment" (n.d.).
      https://www.altium.com/ru/documentation/altium-365/requirements-portal/valiassistant/quality-assessment?version=1.0
    - [4] ISO/IEC/IEEE 29148:2018, Systems and software engineering — Life cycle processes —
      Requirements engineering, §5.2.5–5.2.7 (2018)
    """
    matcher = ctx.matcher("vague-time")
    narrative = sop.layout is not Layout.PERMENPAN and "note" not in sop.columns
    for step in sop.steps:
        yield from _cell(step, matcher)
        yield from _text(step, matcher, narrative)
