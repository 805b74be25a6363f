"""ACT004: an SOP AP activity that names its own performer ("Kepala Bagian menandatangani")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from soplint.language.morphology import is_active_verb, is_passive_verb
from soplint.model import Sop, Step
from soplint.rule import RuleContext, Violation, rule

from ._messages import MESSAGES

# First words of Indonesian position titles (in an SOP AP, actors are positions).
_POSITION_HEADS = frozenset({
    "kepala", "ka", "kasubbag", "kasubag", "kabag", "kabid", "kasi", "kasie", "kadis",
    "sekretaris", "sekda", "sekdis", "staf", "staff", "petugas", "pengadministrasi",
    "bendahara", "pemohon", "camat", "lurah", "bupati", "walikota", "wali", "gubernur",
    "direktur", "pejabat", "analis", "operator", "admin", "verifikator", "pimpinan",
    "atasan", "pegawai", "arsiparis", "teknisi", "inspektur", "ketua", "koordinator",
    "panitia", "pengelola", "penyusun", "pengolah", "pranata", "auditor", "asisten",
})
_MAX_SUBJECT_WORDS = 6
_WORD = re.compile(r"[^\W\d_][\w.'/-]*")


@rule("ACT004", "subject-in-activity", category="actor", severity="warning",
      profiles=("permenpan",), languages=("id",), messages=MESSAGES)
def subject_in_activity(sop: Sop, ctx: RuleContext) -> Iterable[Violation]:
    """An SOP AP activity starts with its performer instead of the verb.

    ## What it does
    Reports an activity whose text opens with a subject followed by an active meN-/ber-
    verb: a declared Pelaksana name ("Kepala Bagian Umum memaraf ...") or a phrase of at
    most six words starting with a position word (kepala, kasubbag, sekretaris, staf,
    petugas, bendahara, pemohon, camat, direktur, ...). Heuristic: the first meN-/ber- verb
    must come right after the subject, with no other verb before it.

    ## Why is this bad?
    In SOP AP the actor is given by the Pelaksana column, so the activity carries no
    subject: "pelaksana dipisahkan dari kegiatan" and activities are written with an active
    verb and no subject (Permenpan RB 35/2012 [1]). A subject in the text duplicates the
    column and can contradict it.

    ## Example
    Indonesian: "Kepala Bagian Umum memaraf konsep surat keluar".

    English: n/a (SOP AP is Indonesian; English SOPs may name the role as subject).

    ## Use instead
    Indonesian: "Memaraf konsep surat keluar", with the symbol in the column "Kepala Bagian
    Umum".

    English: n/a.

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: pelaksana dipisahkan dari
      kegiatan, lima simbol, kata kerja aktif.
      https://text-id.123dok.com/document/1y942jkrq-pelaksana-dipisahkan-dari-kegiatan.html
    """
    names = sorted((a.name for a in sop.actors), key=len, reverse=True)
    for step in sop.steps:
        found = list(_WORD.finditer(step.text))
        size = _subject_size([m.group() for m in found], names)
        if size:
            yield _violation(step, found[size - 1].end(), found[size].start())


def _subject_size(words: Sequence[str], names: Sequence[str]) -> int:
    """How many leading words form a subject followed by an active verb (0: none)."""
    lowered = [w.lower() for w in words]
    for name in names:
        parts = [w.lower() for w in _WORD.findall(name)]
        if parts and lowered[: len(parts)] == parts and len(words) > len(parts):
            return len(parts) if is_active_verb(words[len(parts)]) else 0
    if not lowered or lowered[0] not in _POSITION_HEADS:
        return 0
    for index, word in enumerate(words[1 : _MAX_SUBJECT_WORDS + 1], start=1):
        if is_active_verb(word):
            return index
        if is_passive_verb(word):
            return 0
    return 0


def _violation(step: Step, subject_end: int, verb_start: int) -> Violation:
    subject = step.text[:subject_end].strip()
    rest = step.text[verb_start:].strip()
    better = rest[:1].upper() + rest[1:]
    return Violation(
        message=MESSAGES.text("ACT004.message", number=step.number, subject=subject),
        suggestion=MESSAGES.text("ACT004.suggestion", better=better),
        step=step, words=(subject,))
