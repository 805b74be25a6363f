"""WRD001: a step contains an escape clause ("apabila diperlukan", "if necessary")."""

from __future__ import annotations

from collections.abc import Iterator

from soplint.language.lexicon import Match
from soplint.model import Sop, Step
from soplint.rule import RuleContext, Severity, Violation, rule

from ._messages import MESSAGES, hint


def _violation(step: Step, match: Match) -> Violation:
    words = match.matched_text
    return Violation(
        message=MESSAGES.text("WRD001.message", words=words),
        suggestion=MESSAGES.text("WRD001.suggestion", hint=hint(match)),
        step=step,
        words=(words,),
        severity=Severity.INFO if match.confidence == "low" else None,
    )


@rule("WRD001", "escape-clause", category="wording", severity="warning",
      languages=("id", "en"), messages=MESSAGES)
def escape_clause(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """A step contains an escape clause that leaves it to the performer's discretion.

    ## What it does
    Looks up the `escape-clauses` lexicon in each step's activity text: "apabila diperlukan",
    "jika memungkinkan", "sesuai kebutuhan", "bila perlu"; "if necessary", "where possible",
    "as appropriate", "as needed" ... Entries the lexicon marks low-confidence ("if
    applicable", "as required", "sesuai ketentuan yang berlaku") are reported as info: they
    are harmless when the condition or the rule is named nearby.

    ## Why is this bad?
    The step becomes optional and its outcome unverifiable: one performer does it, another
    does not, and both comply. A real condition belongs in a decision with both branches.
    INCOSE GtWR R8 (escape clauses) [1]; ISO/IEC/IEEE 29148 §5.2.7 "loopholes" [2];
    NASA ARM weak phrases "as appropriate", "if practical" [3].

    ## Example
    ```
    Menggandakan surat keluar jika diperlukan.
    Dilute the cells as appropriate.
    ```

    ## Use instead
    ```
    Menggandakan surat keluar sebanyak jumlah tembusan.
    If the OD600 is above 1.0, dilute the cells 1:10.
    ```

    ## Options
    The phrases are the `escape-clauses` lexicon
    (`rules/lexicons/{id,en}-escape-clauses.toml`); a project extends it in its configuration.

    ## References
    - [1] INCOSE, Guide to Writing Requirements, rules R1–R9 with word lists, as summarised in
      Altium 365 Requirements Portal, "Quality assessment" (n.d.).
      https://www.altium.com/ru/documentation/altium-365/requirements-portal/valiassistant/quality-assessment?version=1.0
    - [2] ISO/IEC/IEEE 29148:2018, Systems and software engineering — Life cycle processes —
      Requirements engineering, §5.2.5–5.2.7 (2018)
    - [3] W. M. Wilson, L. H. Rosenberg, L. E. Hyatt, "Automated Analysis of Requirement
      Specifications" (NASA ARM), ICSE (1997).
      http://satc.gsfc.nasa.gov/support/ICSE_MAY97/arm/ICSE97-arm.htm
    """
    matcher = ctx.matcher("escape-clauses")
    for step in sop.steps:
        yield from (_violation(step, m) for m in matcher.find(step.text))
