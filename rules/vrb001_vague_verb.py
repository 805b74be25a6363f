"""VRB001: a step uses a vague verb ("memproses", "handle") that names no observable action."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from soplint.language.lexicon import Match, SharedMatcher
from soplint.model import Sop, Step
from soplint.rule import RuleContext, Severity, Violation, rule

from ._messages import MESSAGES, hint
from ._verbs import vague_light_verbs, vague_nominal

# An English "to" introduces a purpose clause ("To ensure auditability, log ...") unless one
# of these words comes before it ("need to ensure", "is to process", "remember to follow up").
_OBLIGATION = frozenset({
    "need", "needs", "have", "has", "had", "ought", "required", "is", "are", "was", "were",
    "be", "remember",
})
_WORDS = re.compile(r"[\w'-]+")


def _purpose_clause(text: str, match: Match) -> bool:
    """Whether an English match is the verb of a purpose clause ("to ensure ...")."""
    before = [w.lower() for w in _WORDS.findall(text[: match.start_char])]
    if not before or before[-1] != "to":
        return False
    return len(before) < 2 or before[-2] not in _OBLIGATION


_ID_SUBORDINATORS = frozenset({"setelah", "sesudah", "sebelum", "jika", "apabila", "bila",
                               "ketika", "saat", "yang"})


def _subordinate_clause(text: str, match: Match) -> bool:
    """Whether an Indonesian match stands in a clause that only qualifies the step's action
    ("Update status ... setelah surat ditindaklanjuti", "berkas yang diproses"): a
    subordinating word before it, and no comma between (after "Jika ...," the main clause
    begins)."""
    before = text[: match.start_char]
    words = [(m.start(), m.group(0).lower()) for m in _WORDS.finditer(before)]
    opened = [start for start, word in words if word in _ID_SUBORDINATORS]
    return bool(opened) and "," not in before[opened[-1]:]


def _after_subject(step: Step, matcher: SharedMatcher) -> Match | None:
    """The vague verb right after the performer an English step names ("Communications
    Officer coordinates public messages"): the verb's place, though a noun precedes it."""
    if step.form != "subject" or not step.actors:
        return None
    found = re.search(rf"\b{re.escape(step.actors[0])}\b\s+", step.text, re.IGNORECASE)
    if found is None:
        return None
    rest = step.text[found.end():]
    match = next((m for m in matcher.find(rest) if m.start_char == 0), None)
    if match is None:
        return None
    return replace(match, start_char=found.end(), end_char=found.end() + match.end_char)


def _violation(step: Step, match: Match) -> Violation:
    word = match.matched_text
    return Violation(
        message=MESSAGES.text("VRB001.message", word=word),
        suggestion=MESSAGES.text("VRB001.suggestion", hint=hint(match)),
        step=step,
        words=(word,),
        severity=Severity.INFO if match.confidence == "low" else None,
    )


@rule("VRB001", "vague-verb", category="verb", severity="warning", languages=("id", "en"),
      messages=MESSAGES)
def vague_verb(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """A step's activity uses a vague verb that names a whole process, not an observable act.

    ## What it does
    Looks up the verbs of each step's activity text (for SOP AP, the *Kegiatan* column) in
    the `vague-verbs` lexicon of the document's language: "memproses", "menangani",
    "mengelola", "menindaklanjuti", "mengoordinasikan", "berkoordinasi", "memfasilitasi",
    "mengurus" ...; "process", "handle", "manage", "ensure", "coordinate", "follow up",
    "facilitate", "address", "deal with" ... Indonesian entries match their meN-/ber- verb
    and di- passive ("diproses"), never the bare root or a noun ("proses", "pengelolaan")
    inside the text; an activity that opens with such a noun ("Proses pembayaran") is the
    vague verb written as a noun. English entries match only where a verb stands ("Process
    the form", not "the process owner"). An English purpose clause ("To ensure
    auditability, log ...") is not reported: its verb is not the step's action; nor is an
    Indonesian clause that only qualifies the action ("Memperbarui status setelah surat
    ditindaklanjuti", "berkas yang diproses"). Entries the lexicon marks low-confidence
    ("handle", "review", "monitor", "membantu", "memantau"), which are as often a concrete
    act as a vague one ("Review the invoice against the PO"), are reported only with the
    option `vague-verb-hints`, and then as info.

    A light verb with a vague object is vague too: a filler noun listed in the lexicon
    ("melaksanakan kegiatan", "melakukan tindak lanjut", "take appropriate action"), or a
    nominalised vague verb ("melakukan koordinasi" is "mengoordinasikan", "melakukan
    pengelolaan" is "mengelola"), found through the `light-verbs` lexicon.

    ## Why is this bad?
    A performer cannot tell what to do, and an auditor cannot check that it was done.
    Permenpan RB 35/2012 asks for an activity written as a concrete active verb [1];
    INCOSE GtWR R7 (vague terms) and ISO/IEC/IEEE 29148 §5.2.7 ("vague and general terms
    shall be avoided", e.g. "provide support") say the same for requirements [2][3].

    ## Example
    ```
    Memproses permohonan izin.
    Menindaklanjuti disposisi Kepala Dinas.
    Melaksanakan kegiatan pengecekan fisik barang.
    Handle the customer request.
    Ensure the batch record is complete.
    Take appropriate action if the result is out of range.
    ```

    ## Use instead
    ```
    Memeriksa kelengkapan berkas permohonan izin.
    Membalas surat sesuai disposisi Kepala Dinas.
    Mengecek fisik barang terhadap daftar usulan.
    Log the customer request in the service desk tool.
    Check every page of the batch record for a signature.
    Quarantine the batch and notify QA if the result is out of range.
    ```

    ## Options
    The word list is the `vague-verbs` lexicon (`rules/lexicons/{id,en}-vague-verbs.toml`);
    a project adds or removes entries in its configuration. `vague-verb-hints = true` also
    reports the low-confidence entries, as info.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: pelaksana dipisahkan dari
      kegiatan, lima simbol, kata kerja aktif.
      https://text-id.123dok.com/document/1y942jkrq-pelaksana-dipisahkan-dari-kegiatan.html
    - [2] INCOSE, Guide to Writing Requirements, rules R1–R9 with word lists, as summarised in
      Altium 365 Requirements Portal, "Quality assessment" (n.d.).
      https://www.altium.com/ru/documentation/altium-365/requirements-portal/valiassistant/quality-assessment?version=1.0
    - [3] ISO/IEC/IEEE 29148:2018, Systems and software engineering — Life cycle processes —
      Requirements engineering, §5.2.5–5.2.7 (2018)
    """
    matcher, light = ctx.matcher("vague-verbs"), ctx.matcher("light-verbs")
    hints = bool(ctx.option("vague_verb_hints", False))
    for step in sop.steps:
        found = matcher.find(step.text)
        for match in found:
            if (sop.language == "en" and _purpose_clause(step.text, match)) or (
                    sop.language == "id" and _subordinate_clause(step.text, match)) or (
                    match.confidence == "low" and not hints):
                continue
            yield _violation(step, match)
        for match, entry in vague_light_verbs(step.text, light, matcher):
            yield _violation(step, replace(match, suggestion=entry.suggestion))
        nominal = vague_nominal(step.text, matcher) if sop.language == "id" else None
        if nominal is not None:
            yield _violation(step, nominal)
        verb = _after_subject(step, matcher) if sop.language == "en" else None
        if verb is not None and (hints or verb.confidence != "low") and not any(
                m.start_char == verb.start_char for m in found):
            yield _violation(step, verb)
