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
    "should" and "may" as weak options [1]; INCOSE GtWR and NASA's handbook reserve
    "shall"/"must" for what is required [2][3].

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
    - [1] W. M. Wilson, L. H. Rosenberg, L. E. Hyatt, "Automated Analysis of Requirement
      Specifications" (NASA ARM), ICSE (1997).
      http://satc.gsfc.nasa.gov/support/ICSE_MAY97/arm/ICSE97-arm.htm
    - [2] INCOSE, Guide to Writing Requirements, rules R1–R9 with word lists, as summarised in
      Altium 365 Requirements Portal, "Quality assessment" (n.d.).
      https://www.altium.com/ru/documentation/altium-365/requirements-portal/valiassistant/quality-assessment?version=1.0
    - [3] NASA Systems Engineering Handbook, NASA/SP-2007-6105 Rev 1, Appendix C: How to Write a
      Good Requirement (2007).
      https://pt.slideshare.net/snstevenson/app-c-howtowriteagoodrequirement
    - [4] NALABS, a natural-language requirements analysis tool implementing the NASA ARM
      indicators (n.d.). https://github.com/eduardenoiu/NALABS
    """
    matcher = ctx.matcher("weak-modals")
    for step in sop.steps:
        yield from (_violation(step, m) for m in matcher.find(step.text)
                    if m.confidence == "high")
