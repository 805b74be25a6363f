"""WRD006: a step reads as a recommendation ("sebaiknya", "ideally"), not an instruction."""

from __future__ import annotations

from collections.abc import Iterator

from soplint.language.lexicon import Match
from soplint.model import Sop, Step
from soplint.rule import RuleContext, Violation, rule

from ._messages import MESSAGES, hint


def _violation(step: Step, match: Match) -> Violation:
    words = match.matched_text
    return Violation(
        message=MESSAGES.text("WRD006.message", words=words),
        suggestion=MESSAGES.text("WRD006.suggestion", hint=hint(match)),
        step=step,
        words=(words,),
    )


@rule("WRD006", "weak-modal", category="wording", severity="warning", languages=("id", "en"),
      messages=MESSAGES)
def weak_modal(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """A step reads as a recommendation or an option instead of an instruction.

    ## What it does
    Looks up the `weak-modals` lexicon in each step's activity text: "sebaiknya",
    "hendaknya", "seyogyanya", "diharapkan", "diupayakan", "disarankan", "dianjurkan";
    "ideally", "preferably", "it is recommended that". Heuristic, so only the entries the
    lexicon holds with high confidence are reported. The low-confidence ones are left out
    because they more often describe than instruct: "dapat", "bisa", "boleh", "mungkin"
    ("Pemohon dapat mengambil SK di loket"); "may", "should", "might", "can", "optional"
    ("The program may freeze", "the time constant should be 4.8 ms", "(Optional) Select a
    file to append to"). Telling those apart needs a verb tagger this project does not have.

    ## Why is this bad?
    A recommendation cannot be audited: the performer who skips the step complies as well
    as the one who does it. An SOP step is an instruction; where it truly depends on a
    condition, that condition belongs in a decision with both branches. NASA ARM counts
    "should" and "may" as weak options [S27]; INCOSE GtWR and NASA's handbook reserve
    "shall"/"must" for what is required [S30][S36]. SOP-DOMAIN defect WRD-08.

    ## Example
    ```
    Sebaiknya memeriksa ulang kelengkapan berkas sebelum diteruskan.
    Ideally, label the tubes before thawing the cells.
    ```

    ## Use instead
    ```
    Memeriksa ulang kelengkapan berkas sebelum diteruskan.
    Label the tubes before thawing the cells.
    ```

    ## Options
    The words are the `weak-modals` lexicon (`rules/lexicons/{id,en}-weak-modals.toml`); a
    project extends it in its configuration.

    ## References
    - NASA ARM weak phrases and options [S27][S28]; NASA SE Handbook App. C [S36]
    - INCOSE Guide for Writing Requirements [S30]
    - SOP-DOMAIN.md §3.2 WRD-08, §4.5
    """
    matcher = ctx.matcher("weak-modals")
    for step in sop.steps:
        yield from (_violation(step, m) for m in matcher.find(step.text)
                    if m.confidence == "high")
