"""ACT006: a vague collective actor ("pihak terkait", "relevant stakeholders")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from soplint.i18n import Message
from soplint.language.lexicon import Match
from soplint.model import Actor, Sop, Step
from soplint.rule import RuleContext, Severity, Violation, rule

from ._messages import MESSAGES, hint

# Words after which a low-confidence term ("petugas", "tim") is left unqualified.
_FUNCTION_WORDS = frozenset({
    "yang", "untuk", "dan", "atau", "ke", "di", "dari", "pada", "dengan", "kepada", "oleh",
    "the", "to", "and", "or", "of", "for", "in", "on", "with", "by", "a", "an",
})
_NEXT_WORD = re.compile(r"\s*([^\W\d_][\w-]*)")


@rule("ACT006", "vague-actor", category="actor", severity="warning",
      languages=("id", "en"), messages=MESSAGES)
def vague_actor(sop: Sop, ctx: RuleContext) -> Iterable[Violation]:
    """An actor is a vague collective ("pihak terkait", "relevant stakeholders").

    ## What it does
    Looks up the `vague-actors` lexicon in every declared actor (Pelaksana column,
    Responsibilities role, actor cell) and in the text of every step, where the vague actor
    is usually the recipient ("Diteruskan ke pihak terkait", "Notify relevant
    stakeholders"). A declared actor is reported once, on the document; a step is reported
    for the words in its text.

    Entries marked low-confidence ("petugas", "tim", "atasan", "designee") are reported
    with severity info, and only when left unqualified: as the whole actor name ("Tim"),
    or in a step when no qualifying word follows ("kepada petugas." but not "petugas
    loket"). Words inside a declared actor name that occurs in the step ("bersama Tim
    Teknis") are not reported. Heuristic (word list).

    ## Why is this bad?
    A collective actor names nobody: no one can be held to the step and the recipient
    cannot be found. Actors are positions (nomenklatur jabatan, Permenpan RB 35/2012
    [1][2]); INCOSE GtWR R7 lists "relevant" and "appropriate" among the vague words
    [3].

    ## Example
    Indonesian: "Meneruskan surat kepada pihak terkait"; a Pelaksana column "Unit terkait".

    English: "Notify relevant stakeholders of the outage."

    ## Use instead
    Indonesian: "Meneruskan surat kepada Kepala Bagian Keuangan".

    English: "Notify the Service Owner and the Change Manager of the outage."

    ## Options
    The word list is the `vague-actors` lexicon; add or remove terms in the configuration.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: bagian identitas, unsur
      prosedur.
      https://text-id.123dok.com/document/eqol1vmjq-bagian-identitas-unsur-prosedur.html
    - [2] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: pelaksana dipisahkan dari
      kegiatan, lima simbol, kata kerja aktif.
      https://text-id.123dok.com/document/1y942jkrq-pelaksana-dipisahkan-dari-kegiatan.html
    - [3] INCOSE, Guide to Writing Requirements, rules R1–R9 with word lists, as summarised in
      Altium 365 Requirements Portal, "Quality assessment" (n.d.).
      https://www.altium.com/ru/documentation/altium-365/requirements-portal/valiassistant/quality-assessment?version=1.0
    """
    matcher = ctx.matcher("vague-actors")
    for actor in sop.actors:
        for match in matcher.find(actor.name):
            if match.confidence == "high" or _whole(actor.name, match):
                yield _actor_violation(actor, match)
    names = [a.name for a in sop.actors]
    for step in sop.steps:
        for match in matcher.find(step.text):
            if _reportable(step.text, match, names):
                yield _step_violation(step, match)


def _whole(name: str, match: Match) -> bool:
    return name.strip(" .,;:()").lower() == match.matched_text.lower()


def _reportable(text: str, match: Match, names: Sequence[str]) -> bool:
    lowered = text.lower()
    for name in names:
        start = lowered.find(name.lower())
        if start >= 0 and start <= match.start_char < start + len(name):
            return False
    if match.confidence == "high":
        return True
    following = _NEXT_WORD.match(text, match.end_char)
    return following is None or following.group(1).lower() in _FUNCTION_WORDS


def _severity(match: Match) -> Severity | None:
    return Severity.INFO if match.confidence == "low" else None


def _suggestion(match: Match) -> Message:
    return MESSAGES.text("ACT006.suggestion", words=match.matched_text, hint=hint(match))


def _actor_violation(actor: Actor, match: Match) -> Violation:
    return Violation(
        message=MESSAGES.text("ACT006.actor", name=actor.name, words=match.matched_text),
        suggestion=_suggestion(match), where=actor.where, words=(match.matched_text,),
        severity=_severity(match))


def _step_violation(step: Step, match: Match) -> Violation:
    return Violation(
        message=MESSAGES.text("ACT006.step", number=step.number, words=match.matched_text),
        suggestion=_suggestion(match), step=step, words=(match.matched_text,),
        severity=_severity(match))
