"""WRD004: a step still holds placeholder text ("TBD", "xxx", "[isi]", "{{...}}", "____")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from soplint.i18n import Phrase
from soplint.language.lexicon import SharedMatcher
from soplint.model import Sop, Step
from soplint.rule import RuleContext, Severity, Violation, rule

from ._messages import MESSAGES, hint

# A form blank ("Allow the pressure to reach ______ Torr"), also when the lexicon lacks it.
_BLANK = re.compile(r"_{3,}")
_STRIP = " \t\r\n.,;:()[]"


def _fields(step: Step) -> Iterator[tuple[str, str]]:
    """(part, text) for every text of the step: activity, inputs, time, output, note."""
    yield "activity", step.text
    cells = (("inputs", step.inputs), ("time", step.time.text if step.time else None),
             ("output", step.output), ("note", step.note))
    for part, value in cells:
        if value:
            yield part, value


def _hits(text: str, matcher: SharedMatcher) -> Iterator[tuple[str, Phrase, bool]]:
    """(placeholder, suggestion, low confidence) found in one text."""
    spans: list[tuple[int, int]] = []
    for match in matcher.find(text):
        spans.append((match.start_char, match.end_char))
        whole = not text.strip(_STRIP).replace(match.matched_text.strip(_STRIP), "", 1)
        yield match.matched_text, hint(match), match.confidence == "low" and not whole
    for blank in _BLANK.finditer(text):
        if all(blank.end() <= s or blank.start() >= e for s, e in spans):
            yield blank.group(), Phrase("", ""), False


def _violation(step: Step, part: str, found: tuple[str, Phrase, bool]) -> Violation:
    words, suggestion, low = found
    return Violation(
        message=MESSAGES.text("WRD004.message", words=words,
                              where=MESSAGES.text(f"WRD004.in.{part}")),
        suggestion=MESSAGES.text("WRD004.suggestion", hint=suggestion),
        step=step,
        words=(words,),
        severity=Severity.INFO if low else None,
        part=part,
    )


@rule("WRD004", "placeholder-text", category="wording", severity="warning",
      languages=("id", "en"), messages=MESSAGES, summarise_over=3)
def placeholder_text(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """A step still holds placeholder text that was never filled in.

    ## What it does
    Looks up the `placeholders` lexicon (regular expressions) in every text of a step: the
    activity, inputs, time, output and note. It finds "TBD"/"TBA" (and in English "TBC",
    "TBS" ...), "xxx", "[isi]", "[insert ...]", "{{field}}", "<<field>>", "belum ditentukan",
    "to be determined", and form blanks of three or more underscores ("______ Torr"). An
    ellipsis ("…", "...") standing alone inside a sentence is reported as info (it may also
    end an open list); an ellipsis that is the whole value of a cell is a warning. A document
    with more than three placeholders is a template never filled in: one finding gives their
    number, the steps and the placeholders.

    ## Why is this bad?
    A placeholder is a value nobody decided: the performer has to guess it. NASA ARM counts
    TBD/TBS/TBE/TBC/TBR as "incomplete" [1]; ISO/IEC/IEEE 29148 §5.2.6 says a complete set
    contains no TBD/TBS/TBR [2].

    ## Example
    ```
    Menyerahkan berkas kepada [isi jabatan] paling lambat xxx hari.
    Allow the pressure to reach ______ Torr (TBD).
    ```

    ## Use instead
    ```
    Menyerahkan berkas kepada Kepala Seksi Pelayanan paling lambat 2 hari kerja.
    Allow the pressure to reach 2 × 10⁻² Torr.
    ```

    ## Options
    The patterns are the `placeholders` lexicon (`rules/lexicons/{id,en}-placeholders.toml`);
    a project extends it in its configuration.

    ## References
    - [1] W. M. Wilson, L. H. Rosenberg, L. E. Hyatt, "Automated Analysis of Requirement
      Specifications" (NASA ARM), ICSE (1997).
      http://satc.gsfc.nasa.gov/support/ICSE_MAY97/arm/ICSE97-arm.htm
    - [2] ISO/IEC/IEEE 29148:2018, Systems and software engineering — Life cycle processes —
      Requirements engineering, §5.2.5–5.2.7 (2018)
    """
    matcher = ctx.matcher("placeholders")
    for step in sop.steps:
        for part, text in _fields(step):
            yield from (_violation(step, part, hit) for hit in _hits(text, matcher))
