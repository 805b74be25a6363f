"""WRD002: a step or its inputs/output end a list open-endedly ("dll.", "etc.")."""

from __future__ import annotations

from collections.abc import Iterator

from soplint.language.lexicon import Match
from soplint.model import Sop, Step
from soplint.rule import RuleContext, Severity, Violation, rule

from ._messages import MESSAGES, hint


def _fields(step: Step) -> Iterator[tuple[str, str]]:
    """(part, text) for the activity, the inputs (Kelengkapan) and the output."""
    yield "activity", step.text
    if step.inputs:
        yield "inputs", step.inputs
    if step.output:
        yield "output", step.output


def _violation(step: Step, match: Match, part: str) -> Violation:
    words = match.matched_text
    return Violation(
        message=MESSAGES.text("WRD002.message", words=words,
                              where=MESSAGES.text(f"WRD002.in.{part}")),
        suggestion=MESSAGES.text("WRD002.suggestion", hint=hint(match)),
        step=step,
        words=(words,),
        part=part,
        severity=Severity.INFO if match.confidence == "low" else None,
    )


@rule("WRD002", "open-ended", category="wording", severity="warning", languages=("id", "en"),
      messages=MESSAGES)
def open_ended(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """A step, its inputs or its output end a list open-endedly.

    ## What it does
    Looks up the `open-ended` lexicon ("dll.", "dsb.", "dst.", "dan lain-lain",
    "termasuk namun tidak terbatas pada"; "etc.", "and so on", "including but not limited
    to" ...) in the activity text, the inputs (*Kelengkapan*) and the output of each step.
    Entries the lexicon marks low-confidence ("antara lain", "among others", "or
    equivalent") are reported as info: they are fine when they introduce examples.

    ## Why is this bad?
    The performer cannot tell which documents are required or produced, and the reviewer
    cannot check completeness; an incomplete input list also breaks the chain of
    inputs and outputs. INCOSE GtWR R9 (open-ended clauses) [1]; ISO/IEC/IEEE 29148 §5.2.7
    "but not limited to" [2]; "avoid etc." in SOP writing guidance [3].

    ## Example
    ```
    Kelengkapan: KTP, KK, dll.
    Inputs: ID card, passport, etc.
    ```

    ## Use instead
    ```
    Kelengkapan: KTP, KK, surat pengantar RT
    Inputs: ID card or passport, proof of address
    ```

    ## Options
    The phrases are the `open-ended` lexicon (`rules/lexicons/{id,en}-open-ended.toml`); a
    project extends it in its configuration.

    ## References
    - [1] INCOSE, Guide to Writing Requirements, rules R1–R9 with word lists, as summarised in
      Altium 365 Requirements Portal, "Quality assessment" (n.d.).
      https://www.altium.com/ru/documentation/altium-365/requirements-portal/valiassistant/quality-assessment?version=1.0
    - [2] ISO/IEC/IEEE 29148:2018, Systems and software engineering — Life cycle processes —
      Requirements engineering, §5.2.5–5.2.7 (2018)
    - [3] "Standard Operating Procedure Guidelines", SOP Templates (2010).
      https://soptemplates.blogspot.com/2010/12/standard-operating-procedure-guidelines.html
    """
    matcher = ctx.matcher("open-ended")
    for step in sop.steps:
        for part, text in _fields(step):
            yield from (_violation(step, m, part) for m in matcher.find(text))
