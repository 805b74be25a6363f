"""WRD004: a step still holds placeholder text ("TBD", "xxx", "[isi]", "{{...}}", "____")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from soplint.language.lexicon import SharedMatcher
from soplint.model import Sop, Step
from soplint.rule import RuleContext, Severity, Text, Violation, rule

# A form blank ("Allow the pressure to reach ______ Torr"), also when the lexicon lacks it.
_BLANK = re.compile(r"_{3,}")
_STRIP = " \t\r\n.,;:()[]"


def _fields(step: Step) -> Iterator[tuple[Text, str]]:
    """(where, text) for every text of the step: activity, inputs, time, output, note."""
    yield Text(id="pada kegiatan", en="in the step"), step.text
    cells = (("Kelengkapan", "inputs", step.inputs),
             ("Waktu", "time", step.time.text if step.time else None),
             ("Output", "output", step.output), ("Keterangan", "note", step.note))
    for name_id, name_en, value in cells:
        if value:
            yield Text(id=f"pada {name_id}", en=f"in the {name_en}"), value


def _hits(text: str, matcher: SharedMatcher) -> Iterator[tuple[str, str, bool]]:
    """(placeholder, suggestion, low confidence) found in one text."""
    spans: list[tuple[int, int]] = []
    for match in matcher.find(text):
        spans.append((match.start_char, match.end_char))
        whole = not text.strip(_STRIP).replace(match.matched_text.strip(_STRIP), "", 1)
        yield match.matched_text, match.suggestion, match.confidence == "low" and not whole
    for blank in _BLANK.finditer(text):
        if all(blank.end() <= s or blank.start() >= e for s, e in spans):
            yield blank.group(), "", False


def _violation(step: Step, where: Text, found: tuple[str, str, bool]) -> Violation:
    words, suggestion, low = found
    return Violation(
        message=Text(id=f'Teks pengganti "{words}" {where.id} belum diisi',
                     en=f'Placeholder "{words}" {where.en} was never filled in'),
        suggestion=Text(id=suggestion or "isi dengan nilai yang sebenarnya",
                        en=suggestion or "fill in the actual value"),
        step=step,
        words=(words,),
        severity=Severity.INFO if low else None,
    )


@rule("WRD004", "placeholder-text", category="wording", severity="warning",
      languages=("id", "en"))
def placeholder_text(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """A step still holds placeholder text that was never filled in.

    ## What it does
    Looks up the `placeholders` lexicon (regular expressions) in every text of a step: the
    activity, inputs, time, output and note. It finds "TBD"/"TBA" (and in English "TBC",
    "TBS" ...), "xxx", "[isi]", "[insert ...]", "{{field}}", "<<field>>", "belum ditentukan",
    "to be determined", and form blanks of three or more underscores ("______ Torr"). An
    ellipsis ("…", "...") standing alone inside a sentence is reported as info (it may also
    end an open list); an ellipsis that is the whole value of a cell is a warning.

    ## Why is this bad?
    A placeholder is a value nobody decided: the performer has to guess it. NASA ARM counts
    TBD/TBS/TBE/TBC/TBR as "incomplete" [S27]; ISO/IEC/IEEE 29148 §5.2.6 says a complete set
    contains no TBD/TBS/TBR [S31]. SOP-DOMAIN defect WRD-13.

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
    - NASA ARM incomplete indicators [S27]
    - ISO/IEC/IEEE 29148:2018 §5.2.6 [S31]
    - SOP-DOMAIN.md §3.2 WRD-13
    """
    matcher = ctx.matcher("placeholders")
    for step in sop.steps:
        for where, text in _fields(step):
            yield from (_violation(step, where, hit) for hit in _hits(text, matcher))
