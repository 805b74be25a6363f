"""ACT005: a passive step that hides who acts, where no column or role says who."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from soplint.language.morphology import active_form, is_active_verb, is_passive_verb
from soplint.model import Sop, Step
from soplint.rule import RuleContext, Violation, rule

from ._messages import MESSAGES

_WORD = re.compile(r"[^\W\d_][\w'-]*")
# "Approvals are routed automatically": the system acts, no person is hidden.
_AUTOMATIC = re.compile(r"\b(?:automatically|otomatis)\b", re.IGNORECASE)
_FUNCTION_WORDS = frozenset({
    "the", "a", "an", "be", "is", "are", "was", "were", "must", "shall", "should", "will",
    "in", "to", "of", "and", "or", "with", "for", "by", "on", "via", "all", "any", "it",
    "yang", "dan", "atau", "di", "ke", "dari", "untuk", "dengan", "pada", "oleh", "wajib",
    "harus", "akan", "setelah", "maksimal", "paling", "lambat",
})
_MAX_VERB_POSITION = 5
_ID_CONDITIONS = frozenset({"jika", "apabila", "bila", "bilamana", "kalau", "setelah",
                            "sesudah", "sebelum", "ketika", "saat", "selama", "sambil"})
_ID_BOUNDARIES = frozenset({"yang", "untuk", "agar", "supaya", "sehingga", "karena"})
_EN_CONDITIONS = frozenset({"if", "when", "whenever", "once", "after", "before", "unless",
                            "where", "while", "until", "as"})
_EN_IRREGULAR = ("done|made|taken|given|sent|kept|held|left|put|set|read|written|known|"
                 "shown|seen|found|brought|bought|built|cut|paid|sold|told|run|begun|"
                 "chosen|drawn|frozen|broken|hidden|spoken|shaken|fed|led|met|spun|won")
_EN_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:not|also|then|\w+ly)\s+)?"
    rf"(?:\w+ed|{_EN_IRREGULAR})\b", re.IGNORECASE)
_EN_IRREGULAR_BASES = frozenset({"make", "take", "keep", "put", "set", "let", "run",
                                 "bring", "send", "hold", "give", "leave", "cut", "read",
                                 "write", "go", "do", "see", "tell", "find", "get"})


@rule("ACT005", "passive-hides-actor", category="actor", severity="warning",
      profiles=("generic",), languages=("id", "en"), messages=MESSAGES)
def passive_hides_actor(sop: Sop, ctx: RuleContext) -> Iterable[Violation]:
    """A passive step does not say who acts, and nothing else in the document does.

    ## What it does
    Wording check of narrative and step-table SOPs (profile `generic`). Reports a step
    whose main clause is passive with no agent, when the step names no actor, the document
    has no actor column, and no role's duty covers the step; an instruction or a step that
    names its subject is not looked at, a statement is ("it is critical that all surfaces
    be cleaned"). Heuristic:

    * Indonesian: the first verb of the main clause (within its first five words, after a
      leading "Jika/Setelah ...," clause) is a di- passive ("Berkas diperiksa", "Bukti
      transaksi wajib diserahkan") and no "oleh" agent follows. Nouns such as "dinas",
      "direktur", "disposisi" and the preposition "di" are not passives; an active verb
      ("Menerima berkas") ends the search.
    * English: the first sentence holds "is/are/was/were/be/been + past participle"
      ("is reviewed", "must be raised") with no "by" agent after it, outside a leading
      "If/When ...," clause, not as an infinitive ("wants the SKUs to be placed") nor in a
      "that/which" clause (unless the main clause is impersonal: "it is critical that the
      surfaces be cleaned"), and the sentence does not open with an imperative verb
      ("Ensure the samples are labelled" is an instruction to the reader).

    Not reported: a sentence that ends with a colon (a lead-in to a list: "Directions are
    transcribed below:"); a step done "automatically"/"otomatis" (the system acts); a step
    covered by a duty, i.e. a line of the Responsibilities section that holds the passive's
    verb and one more word of the step ("PI is logged in PI Register" and "Logs PI in
    system"). A step whose actor is only implied, because the document makes one role
    responsible for the procedure, is checked too: that role performs the imperative steps,
    and a passive one may be someone else's ("Bukti transaksi wajib diserahkan" in a
    Bendahara SOP). Split with ACT001: ACT001 is the
    structural check (no Pelaksana symbol in SOP AP, an empty actor cell in a step table);
    this rule is the wording check for documents without an actor column, so a step is
    never reported by both. SOP AP flowcharts are not checked: their Pelaksana column says
    who acts.

    ## Why is this bad?
    A passive sentence hides its actor: "The form is reviewed" does not say by whom, so
    nobody is accountable for the step. ISO/IEC/IEEE 29148 and INCOSE GtWR R2 ask for the
    active voice with the responsible entity as subject [1][2]; Indonesian SOP guidance
    asks for active sentences (Permenpan RB 35/2012 [3], [4]).

    ## Example
    Indonesian: "Bukti transaksi wajib diserahkan maksimal 3 hari kerja."

    English: "Monthly reconciliation reports are generated."

    ## Use instead
    Indonesian: "Unit pemohon menyerahkan bukti transaksi paling lambat 3 hari kerja."

    English: "The Supply Chain Planner generates the monthly reconciliation report."

    ## Options
    None.

    ## References
    - [1] INCOSE, Guide to Writing Requirements, rules R1–R9 with word lists, as summarised in
      Altium 365 Requirements Portal, "Quality assessment" (n.d.).
      https://www.altium.com/ru/documentation/altium-365/requirements-portal/valiassistant/quality-assessment?version=1.0
    - [2] ISO/IEC/IEEE 29148:2018, Systems and software engineering — Life cycle processes —
      Requirements engineering, §5.2.5–5.2.7 (2018)
    - [3] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: pelaksana dipisahkan dari
      kegiatan, lima simbol, kata kerja aktif.
      https://text-id.123dok.com/document/1y942jkrq-pelaksana-dipisahkan-dari-kegiatan.html
    - [4] "Template SOP Perusahaan (Word)", Scribd (n.d.).
      https://www.scribd.com/document/679737074/Template-SOP-Perusahaan-Word
    """
    if "actor" in sop.columns:
        return
    for step in sop.steps:
        if (step.actors and step.explicit_actor) or step.form not in ("passive", "statement", ""):
            continue  # a performer named or found in the duties (not only assumed); no passive
        if step.text.rstrip().endswith(":"):
            continue  # a lead-in to a list ("... are listed below:")
        phrase = (_indonesian_passive(step.text) if sop.language == "id"
                  else _english_passive(step.text, step.form == "passive"))
        if phrase and not _AUTOMATIC.search(step.text):
            yield _violation(step, phrase, sop.language)


def _indonesian_passive(text: str) -> str | None:
    """The di- verb of an agentless passive main clause, else None."""
    words = _WORD.findall(_main_clause(text, _ID_CONDITIONS))
    for index, word in enumerate(words[:_MAX_VERB_POSITION]):
        if word.lower() in _ID_BOUNDARIES or is_active_verb(word):
            return None
        if is_passive_verb(word):
            rest = [w.lower() for w in words[index + 1:]]
            return None if "oleh" in rest else word
    return None


def _english_passive(text: str, read_passive: bool = False) -> str | None:
    """The "be + participle" phrase of an agentless passive first sentence, else None; a
    step the recognizer `read_passive` is no instruction, whatever its first word ("Full
    chat context is transferred": "full" is also a verb)."""
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z])|;", text.strip(), maxsplit=1)[0]
    clause = _main_clause(sentence, _EN_CONDITIONS)
    words = _WORD.findall(clause)
    if not words or (not read_passive and _is_imperative(words[0]) and not _is_be(words[1:2])):
        return None  # an instruction, unless a form of "be" follows ("Chat is escalated")
    for match in _EN_PASSIVE.finditer(clause):
        if not _main_verb(clause[:match.start()]):
            continue
        if re.search(r"\bby\b", clause[match.end():], re.IGNORECASE):
            return None
        return match.group(0)
    return None


def _main_verb(before: str) -> bool:
    """Whether a passive preceded by `before` is the clause's main verb: not an infinitive
    ("wants the SKUs to be placed"), and not in a "that/which" clause unless the main
    clause is impersonal ("it is critical that the surfaces be cleaned")."""
    if re.search(r"\bto\s*$", before, re.IGNORECASE):
        return False
    if re.search(r"\b(?:that|which|whether|who)\b", before, re.IGNORECASE):
        return bool(re.search(r"\bit\s+(?:is|was)\b", before, re.IGNORECASE))
    return True


def _main_clause(text: str, conditions: frozenset[str]) -> str:
    """`text` without a leading conditional clause ("" when the clause never ends)."""
    first = _WORD.match(text.strip())
    if first is None or first.group(0).lower() not in conditions:
        return text
    parts = re.split(r",|→|->|\bthen\b|\bmaka\b", text, maxsplit=1)
    return parts[1] if len(parts) > 1 else ""


def _is_be(words: Sequence[str]) -> bool:
    """Whether the word is a form of "be" (no imperative is followed by one)."""
    return bool(words) and words[0].lower() in ("is", "are", "was", "were")


def _is_imperative(word: str) -> bool:
    """Whether an English word is a verb's base form (so the sentence is an instruction)."""
    from soplint.language.pipeline import get_nlp

    lower = word.lower()
    if lower in _EN_IRREGULAR_BASES:
        return True
    if len(lower) < 3:
        return False
    nlp = get_nlp("en")
    forms: Sequence[str] = (lower + "ed", lower + "ing", lower[:-1] + "ied",
                            lower + lower[-1] + "ed", lower + "d" if lower.endswith("e") else "")
    return any(f and nlp(f)[0].lemma_ == lower for f in forms)


def _violation(step: Step, phrase: str, lang: str) -> Violation:
    example = active_form(phrase.lower()[2:]) if lang == "id" else "memeriksa"
    return Violation(
        message=MESSAGES.text("ACT005.message", number=step.number, phrase=phrase),
        suggestion=MESSAGES.text("ACT005.suggestion", example=example),
        step=step, words=(phrase,))
