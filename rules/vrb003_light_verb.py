"""VRB003: a light verb carries a nominalised action ("melakukan pemeriksaan", "conduct a
review") where the verb itself says it shorter ("memeriksa", "review")."""

from __future__ import annotations

from collections.abc import Iterator

from soplint.language.lexicon import Match
from soplint.model import Sop, Step
from soplint.rule import RuleContext, Severity, Violation, rule

from ._messages import MESSAGES
from ._verbs import vague_light_verbs


def _overlaps(match: Match, others: list[Match]) -> bool:
    return any(match.start_char < o.end_char and o.start_char < match.end_char for o in others)


def _violation(step: Step, match: Match) -> Violation:
    words, verb = match.matched_text, match.suggestion
    return Violation(
        message=MESSAGES.text("VRB003.message", words=words),
        suggestion=MESSAGES.text("VRB003.suggestion", verb=verb),
        step=step,
        words=(words,),
        severity=Severity.INFO if match.confidence == "low" else None,
    )


@rule("VRB003", "light-verb", category="verb", severity="warning", languages=("id", "en"),
      messages=MESSAGES)
def light_verb(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """A step uses a light verb with a nominalisation instead of the verb itself.

    ## What it does
    Finds a light verb ("melakukan", "melaksanakan", "mengadakan"; "conduct", "perform",
    "carry out", "make") followed by a noun that has a verb of its own: an Indonesian
    peN-/per-…-an noun or a noun listed in the `light-verbs` lexicon ("melakukan pemeriksaan"
    -> "memeriksa", "conduct a review" -> "review"). The suggestion is that verb. Words that
    VRB001 already reports as a vague verb are not reported again, nor a light verb whose
    noun is a vague verb ("melakukan koordinasi": VRB001 reports it). A warning, because
    the fix is certain and short; a light verb the lexicon marks low-confidence is info.
    Some reviewers accept "melakukan + a concrete noun" (it still names the action): lower
    the rule to info in the configuration if your unit does.

    ## Why is this bad?
    The noun form makes the step longer and hides the action; SOP AP activities start with
    the active verb itself [1]. INCOSE GtWR R10 (superfluous infinitives) and the company
    template guidance "kalimat aktif dan sesingkat mungkin" [2] ask for the shortest direct
    form [3][4].

    ## Example
    ```
    Melakukan pemeriksaan kelengkapan berkas.
    Conduct a review of the batch record.
    ```

    ## Use instead
    ```
    Memeriksa kelengkapan berkas.
    Review the batch record against the master formula.
    ```

    ## Options
    The light verbs and nouns are the `light-verbs` lexicon
    (`rules/lexicons/{id,en}-light-verbs.toml`); a project extends it in its configuration.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: pelaksana dipisahkan dari
      kegiatan, lima simbol, kata kerja aktif.
      https://text-id.123dok.com/document/1y942jkrq-pelaksana-dipisahkan-dari-kegiatan.html
    - [2] "Template SOP Perusahaan (Word)", Scribd (n.d.).
      https://www.scribd.com/document/679737074/Template-SOP-Perusahaan-Word
    - [3] vale-requirements-writing, Vale styles for requirements writing (n.d.).
      https://github.com/tbhb/vale-requirements-writing
    - [4] INCOSE, Guide to Writing Requirements, rules R1–R9 with word lists, as summarised in
      Altium 365 Requirements Portal, "Quality assessment" (n.d.).
      https://www.altium.com/ru/documentation/altium-365/requirements-portal/valiassistant/quality-assessment?version=1.0
    """
    light = ctx.matcher("light-verbs")
    vague = ctx.matcher("vague-verbs")
    for step in sop.steps:
        found = light.find(step.text)
        if not found:
            continue
        already = vague.find(step.text) + [m for m, _ in vague_light_verbs(step.text, light,
                                                                           vague)]
        yield from (_violation(step, m) for m in found if not _overlaps(m, already))
