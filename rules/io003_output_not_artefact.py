"""IO003: an Output cell that names a state ("Selesai", "Done"), not an artefact."""

from __future__ import annotations

from collections.abc import Iterable

from soplint.language.lexicon import Match
from soplint.model import Sop, Step
from soplint.rule import RuleContext, Severity, Violation, rule

from ._messages import MESSAGES, hint


@rule("IO003", "output-not-artefact", category="io", severity="warning",
      languages=("id", "en"), messages=MESSAGES)
def output_not_artefact(sop: Sop, ctx: RuleContext) -> Iterable[Violation]:
    """A step's output is a state or an action ("Selesai", "Done"), not a product.

    ## What it does
    Looks up the whole Output cell in the `non-artefact-outputs` lexicon: "Selesai",
    "Terlaksana", "Dilaksanakan", "Sudah", "-" in Indonesian; "Done", "Completed", "OK",
    "-" in English. Only a cell that is nothing but such a word is reported ("Surat
    selesai diketik" and "Completed checklist" are not). Entries marked low-confidence
    ("Sesuai", "Lengkap", "N/A", "None") are reported with severity info. Runs on every
    document with an Output or Record column. Heuristic (word list).

    ## Why is this bad?
    The output of a step is its product, the thing the next step or an auditor can check:
    "Surat undangan", "Berita acara", "Signed batch record". A state word says only that
    something happened; a dash says nothing (Permenpan RB 35/2012 mutu baku [1]; ISO
    9001:2015 §7.5 documented information [2]).

    ## Example
    Indonesian: "Mengarsipkan salinan surat keluar" with Output "Selesai".

    English: "Close the RFC" with Record "Done".

    ## Use instead
    Indonesian: Output "Arsip salinan surat keluar".

    English: Record "Closed RFC ticket".

    ## Options
    The word list is the `non-artefact-outputs` lexicon; add or remove terms in the
    configuration.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran hlm. 25: bagian flowchart,
      mutu baku. https://id.scribd.com/document/511714313/permenpan-no-35-20122
    - [2] ISO 9001:2015, Quality management systems — Requirements, §7.5 Documented information
      (2015); explained at https://www.enable-iso.com/isoexplained/7.5-documented-information
    """
    matcher = ctx.matcher("non-artefact-outputs")
    for step in sop.steps:
        if step.output and step.output.strip():
            for match in matcher.find(step.output.strip()):
                yield _violation(step, match)


def _violation(step: Step, match: Match) -> Violation:
    word = match.matched_text
    return Violation(
        message=MESSAGES.text("IO003.message", number=step.number, word=word),
        suggestion=MESSAGES.text("IO003.suggestion", word=word,
                                 hint=hint(match)),
        step=step, words=(word,), part="output",
        severity=Severity.INFO if match.confidence == "low" else None)
