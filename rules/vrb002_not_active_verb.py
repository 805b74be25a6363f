"""VRB002: an SOP AP activity does not start with an active verb (meN-/ber-)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from soplint.language import morphology
from soplint.model import Sop, Step, StepKind
from soplint.rule import RuleContext, Violation, rule

from ._messages import MESSAGES

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_TERMINATORS = frozenset({"mulai", "selesai", "start", "end", "finish", "stop"})
_MEN_PREFIXES = ("mem", "men", "meng", "meny", "mer", "mel", "mew", "mey")
# Words that cannot be part of a subject noun phrase, and punctuation that ends one.
_NOT_SUBJECT = frozenset({
    "yang", "ke", "di", "dari", "kepada", "untuk", "dengan", "oleh", "pada", "dan", "serta",
    "atau",
})
_BREAKS = re.compile(r"[,;:&/()]")
# How far into the text a subject may run before its verb ("Kepala Sub Bagian TU menerima").
_SUBJECT_SPAN = 5


def _exempt(sop: Sop, step: Step, words: list[str]) -> bool:
    """Connectors, bare terminators, questions and steps that open with a declared actor."""
    text = step.text.strip()
    if step.kind is StepKind.CONNECTOR or not words:
        return True
    if " ".join(words).lower() in _TERMINATORS:
        return True
    if step.kind is StepKind.DECISION and (text.endswith("?") or words[0].lower() == "apakah"):
        return True
    names = [a.name for a in sop.actors] + list(step.actors)
    return any(n and text.lower().startswith(n.lower()) for n in names)


def _affixed_active(word: str) -> bool:
    """A meN-/ber- verb; also a meN- form of a loanword the root list lacks ("mereviu")."""
    lowered = word.lower()
    if morphology.is_active_verb(lowered):
        return True
    unknown = morphology.analyse(lowered) is None and lowered not in morphology.NON_VERBS
    return unknown and len(lowered) > 5 and lowered.startswith(_MEN_PREFIXES)


def _active(word: str) -> bool:
    return _affixed_active(word) or morphology.is_bare_verb(word)


def _opens_with_subject(text: str) -> bool:
    """A bare noun phrase then an active verb ("Kasubbag TU menerima ..."): that is a subject
    written in the activity (ACT004), not a missing verb."""
    for i, match in enumerate(_WORD.finditer(text)):
        word = match.group().lower()
        if i >= _SUBJECT_SPAN or word in _NOT_SUBJECT or morphology.is_passive_verb(word):
            return False
        if i and _affixed_active(word):
            return not _BREAKS.search(text[: match.start()])
    return False


def _finding(step: Step, words: list[str]) -> Violation:
    first = words[0]
    passive = next((w for w in words[:_SUBJECT_SPAN] if morphology.is_passive_verb(w)), None)
    noun_verb = morphology.nominalisation_verb(first)
    if noun_verb is not None:
        verb, shown = noun_verb, first
        message = MESSAGES.text("VRB002.noun", first=first)
    elif passive is not None:
        verb, shown = morphology.active_form(passive[2:]), passive  # di-X -> meN-X
        message = MESSAGES.text("VRB002.passive", passive=passive)
    else:
        return Violation(
            message=MESSAGES.text("VRB002.not-verb", first=first),
            suggestion=MESSAGES.text("VRB002.not-verb-suggestion"),
            step=step, words=(first,))
    return Violation(
        message=message,
        suggestion=MESSAGES.text("VRB002.suggestion", verb=verb.capitalize()),
        step=step, words=(shown,))


@rule("VRB002", "not-active-verb", category="verb", severity="warning",
      profiles=("permenpan",), languages=("id",), messages=MESSAGES)
def not_active_verb(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """An SOP AP activity does not start with an active verb.

    ## What it does
    Heuristic. Reads the first word of each activity (*Kegiatan*) of a Permenpan SOP AP and
    reports it when it is not an active verb: a meN- or ber- verb ("Menerima", "Berkoordinasi",
    also a meN- form of a loanword missing from the root list, such as "Mereviu") or one of
    a few bare intransitive verbs ("Kembali", "Masuk"). The message says whether
    the activity is a nominalisation ("Pemeriksaan berkas oleh staf" -> "Memeriksa ..."),
    a passive ("Berkas diterima" -> "Menerima ...") or something else. Not reported: bare
    terminators ("Mulai", "Selesai"), decisions phrased as a question ("Lengkap?"), connectors,
    and activities that open with a subject before an active verb ("Kepala Bagian menerima
    ...", a declared actor or a noun phrase): that is ACT004 subject-in-activity.

    ## Why is this bad?
    Permenpan RB 35/2012 asks that each activity be written as an active verb without a
    subject, the performer being shown in the Pelaksana column [1]; company templates ask
    for active, short sentences [2]. A nominalisation or a passive hides the action and
    makes the activity read as a heading rather than an instruction. INCOSE GtWR R2 (active
    voice) [3].

    ## Example
    ```
    Pemeriksaan berkas oleh staf
    Berkas diterima dan dicatat
    ```
    English SOPs are not checked by this rule (the SOP AP profile is Indonesian):
    ```
    Verification of the batch record
    ```

    ## Use instead
    ```
    Memeriksa kelengkapan berkas
    Menerima dan mencatat berkas
    Verify the batch record
    ```

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: pelaksana dipisahkan dari
      kegiatan, lima simbol, kata kerja aktif.
      https://text-id.123dok.com/document/1y942jkrq-pelaksana-dipisahkan-dari-kegiatan.html
    - [2] "Template SOP Perusahaan (Word)", Scribd (n.d.).
      https://www.scribd.com/document/679737074/Template-SOP-Perusahaan-Word
    - [3] INCOSE, Guide to Writing Requirements, rules R1–R9 with word lists, as summarised in
      Altium 365 Requirements Portal, "Quality assessment" (n.d.).
      https://www.altium.com/ru/documentation/altium-365/requirements-portal/valiassistant/quality-assessment?version=1.0
    """
    for step in sop.steps:
        words = _WORD.findall(step.text)
        if _exempt(sop, step, words) or _active(words[0]) or _opens_with_subject(step.text):
            continue
        yield _finding(step, words)
