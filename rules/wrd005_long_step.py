"""WRD005: a step is longer than the word limit (25 words by default)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from soplint.model import Sop
from soplint.rule import RuleContext, Violation, rule

from ._messages import MESSAGES

_WORD = re.compile(r"\w+(?:[-'.,/]\w+)*")
DEFAULT_MAX_WORDS = 25


@rule("WRD005", "long-step", category="wording", severity="info", messages=MESSAGES,
      summarise_over=5)
def long_step(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """A step's text is longer than the word limit.

    ## What it does
    Counts the words of each step's activity text (numbers and hyphenated words count as one
    word) and reports a step with more than `max_step_words` words (25 by default); a
    document with more than five long steps gets one finding that lists them. Info: a
    long step is harder to follow and often holds several actions (see WRD003). Languages
    written without spaces between words (Chinese, Japanese) are under-counted (a run of
    characters between punctuation counts as one word), so they are rarely reported.

    ## Why is this bad?
    SOP guidance asks for one idea per short sentence and text that is "not wordy,
    redundant or overly long" [1][2]; SOP AP activities are written "sesingkat mungkin"
    [3] in a flowchart box. INCOSE GtWR R18 (single thought per sentence) [4]; a limit of
    20–25 words per step is the usual rule of thumb.

    ## Example
    ```
    Menerima berkas permohonan dari pemohon, memeriksa kelengkapan persyaratan sesuai daftar
    periksa, mencatat pada buku register, lalu meneruskan berkas yang lengkap kepada Kepala
    Seksi untuk diparaf dan ditandatangani.
    Thaw the cells on ice for about ten minutes, mix them by flicking gently, transfer 25 µL
    to a chilled tube and add 1 µL of the plasmid before you start the electroporation.
    ```

    ## Use instead
    One step per action:
    ```
    Menerima berkas permohonan dari pemohon.
    Memeriksa kelengkapan persyaratan sesuai daftar periksa.
    Thaw the cells on ice for 10 minutes.
    Transfer 25 µL of the cells to a chilled tube.
    ```

    ## Options
    - `max_step_words` (integer, default 25): the longest step, in words, not reported.

    ## References
    - [1] U.S. EPA, Guidance for Preparing Standard Operating Procedures (EPA QA/G-6),
      EPA/600/B-07/001 (2007). https://nepis.epa.gov/Exe/ZyPURL.cgi?Dockey=P1008GTX.txt
    - [2] "Standard Operating Procedure Guidelines", SOP Templates (2010).
      https://soptemplates.blogspot.com/2010/12/standard-operating-procedure-guidelines.html
    - [3] "Template SOP Perusahaan (Word)", Scribd (n.d.).
      https://www.scribd.com/document/679737074/Template-SOP-Perusahaan-Word
    - [4] INCOSE, Guide to Writing Requirements, rule titles (R18: single thought per sentence),
      as listed in RequirementLinter (n.d.). https://github.com/jonverrier/RequirementLinter
    """
    limit = int(ctx.option("max_step_words", DEFAULT_MAX_WORDS))
    for step in sop.steps:
        count = len(_WORD.findall(step.text))
        if count > limit:
            yield Violation(
                message=MESSAGES.text("WRD005.message", count=count, limit=limit),
                suggestion=MESSAGES.text("WRD005.suggestion"),
                step=step,
            )
