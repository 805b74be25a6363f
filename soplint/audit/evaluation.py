"""A document's evaluation and 0–100 score, structured on the Evaluasi Penerapan SOP AP.

Permenpan RB 35/2012 evaluates each SOP with seven Ya/Tidak questions. A linter can answer
five of them from its findings; the two about performance (questions 1 and 6) stay blank for
the human evaluator. Two criteria the regulation asks of every SOP are added: the measurable
Mutu Baku (*keterukuran*: Waktu with a number and a unit) and the identity (*kepastian
hukum*). Findings map to a question by their code (family, then exceptions):

| question | findings |
| --- | --- |
| mudah dipahami | VRB*, WRD* (verbs, one action per step, length, wording) |
| mudah dilaksanakan | IO* (Kelengkapan, Output), IDN on Peralatan/Perlengkapan |
| semua orang dapat menjalankan perannya | ACT* |
| mampu mengatasi permasalahan proses | LNK*, STR* |
| sinergi / tidak tumpang tindih | SET* (rules across the set), IDN on Keterkaitan |
| keterukuran (Mutu Baku Waktu) | TIM* |
| kepastian hukum (identitas) | the other IDN* |

The score: each answered question gets a credit `max(0, 1 - penalty)`, where a
document-level finding costs 0.5 (error), 0.25 (warning) or 0.1 (info), and a step-level one
costs 1.0, 0.75 or 0.25 divided by `max(steps, 5)` (so that every step failing a question
costs it all, whatever the document's length). A summary finding counts for each finding it
stands for. The score is the mean credit of the answered questions, times 100, rounded. A
question is "Tidak" when a warning or an error maps to it ("Ya" with info findings only). A
document without a procedure (STR002) gets no credit for the questions about its steps; an
unreadable one (SOP002, SOP004) or one the audit could not finish (SOP006, SOP007)
scores 0. Generic (English) SOPs get the same score from the
same findings: the Permenpan-only rules report nothing on them, and *sinergi* is left out
unless the document was audited in a set (its Keterkaitan field is Permenpan's).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from soplint.engine import profile_for
from soplint.findings import Finding
from soplint.model import Sop
from soplint.rule import Severity

KINERJA = "kinerja"
DIPAHAMI = "dipahami"
DILAKSANAKAN = "dilaksanakan"
PERAN = "peran"
PERMASALAHAN = "permasalahan"
KEBUTUHAN = "kebutuhan"
SINERGI = "sinergi"
KETERUKURAN = "keterukuran"
KEPASTIAN_HUKUM = "kepastian_hukum"

# key -> (Indonesian label, English label), in the order of the evaluation form.
LABELS: dict[str, tuple[str, str]] = {
    KINERJA: ("Mampu mendorong peningkatan kinerja",
              "Drives better performance"),
    DIPAHAMI: ("Mudah dipahami", "Easy to understand"),
    DILAKSANAKAN: ("Mudah dilaksanakan", "Easy to carry out"),
    PERAN: ("Semua orang dapat menjalankan perannya masing-masing",
            "Everyone can play their own role"),
    PERMASALAHAN: ("Mampu mengatasi permasalahan yang berkaitan dengan proses",
                   "Handles the problems of the process"),
    KEBUTUHAN: ("Mampu menjawab kebutuhan peningkatan kinerja organisasi",
                "Meets the organisation's need for better performance"),
    SINERGI: ("Sinergi satu dengan lainnya (tidak tumpang tindih)",
              "Works with the other SOPs (no overlap)"),
    KETERUKURAN: ("Keterukuran: Mutu Baku Waktu dengan angka dan satuan",
                  "Measurable: time standards with a number and a unit"),
    KEPASTIAN_HUKUM: ("Kepastian hukum: identitas SOP lengkap",
                      "Legal certainty: the SOP's identity is complete"),
}
HUMAN = frozenset({KINERJA, KEBUTUHAN})
_FAMILIES = {"VRB": DIPAHAMI, "WRD": DIPAHAMI, "IO": DILAKSANAKAN, "ACT": PERAN,
             "LNK": PERMASALAHAN, "STR": PERMASALAHAN, "SET": SINERGI, "TIM": KETERUKURAN,
             "IDN": KEPASTIAN_HUKUM}
_IDENTITY_FIELDS = {"peralatan": DILAKSANAKAN, "keterkaitan": SINERGI}
_IDENTITY_LABELS = {"peralatan/perlengkapan": DILAKSANAKAN, "keterkaitan": SINERGI}
NO_PROCEDURE = "STR002"
STEP_QUESTIONS = frozenset({DIPAHAMI, DILAKSANAKAN, PERAN, PERMASALAHAN, KETERUKURAN})
UNREADABLE = frozenset({"SOP002", "SOP004", "SOP006", "SOP007"})
DOCUMENT_COST = {Severity.ERROR: 0.5, Severity.WARNING: 0.25, Severity.INFO: 0.1}
STEP_COST = {Severity.ERROR: 1.0, Severity.WARNING: 0.75, Severity.INFO: 0.25}
MIN_STEPS = 5


@dataclass(frozen=True)
class Question:
    """One question of the evaluation: its `key` and labels, the `answer` (True "Ya", False
    "Tidak", None where the human evaluator answers or the question does not apply), the
    codes of the findings behind a "Tidak", and the `credit` (0–1) it adds to the score
    (None when it is not scored)."""

    key: str
    label_id: str
    label_en: str
    answer: bool | None
    codes: tuple[str, ...] = ()
    credit: float | None = None
    applies: bool = True

    def label(self, lang: str) -> str:
        """The label in `lang` ("id", else English)."""
        return self.label_id if lang == "id" else self.label_en


@dataclass(frozen=True)
class Evaluation:
    """A document's score (0–100) and its answers to the evaluation's questions."""

    score: int
    questions: tuple[Question, ...]

    def question(self, key: str) -> Question:
        """The question with `key`."""
        return next(q for q in self.questions if q.key == key)


def question_of(finding: Finding) -> str | None:
    """The key of the question a finding counts against, or None (engine notes such as an
    unused suppression count against none)."""
    if finding.code.startswith("IDN"):
        key = finding.part.removeprefix("identity.")
        labels = [w.lower() for w in finding.words]
        return _IDENTITY_FIELDS.get(key) or next(
            (_IDENTITY_LABELS[w] for w in labels if w in _IDENTITY_LABELS), KEPASTIAN_HUKUM)
    family = finding.code.rstrip("0123456789")
    return _FAMILIES.get(family)


def _cost(finding: Finding, steps: int) -> float:
    count = max(1, len(finding.grouped))
    severity = Severity(finding.severity)
    if finding.ordinal is None and finding.step is None:
        return count * DOCUMENT_COST[severity]
    return count * STEP_COST[severity] / max(steps, MIN_STEPS)


def evaluate(sop: Sop, findings: Sequence[Finding], *, in_set: bool = False) -> Evaluation:
    """The evaluation of `sop` from its findings; `in_set` when it was audited with other
    SOPs (the rules across the set ran, so *sinergi* applies to any SOP)."""
    return evaluate_facts(profile_for(sop), len(sop.steps), findings, in_set=in_set)


def evaluate_facts(profile: str, steps: int, findings: Sequence[Finding], *,
                   in_set: bool = False, readable: bool = True) -> Evaluation:
    """`evaluate` from what a streamed result keeps of a document: its profile, its number of
    steps and whether it could be read at all."""
    unreadable = sorted({f.code for f in findings if f.code in UNREADABLE})
    if unreadable or not readable:
        return _unreadable(tuple(unreadable))
    blocked = NO_PROCEDURE in {f.code for f in findings}
    questions = []
    for key, (label_id, label_en) in LABELS.items():
        if key in HUMAN:
            questions.append(Question(key, label_id, label_en, None))
            continue
        if key == SINERGI and profile != "permenpan" and not in_set:
            questions.append(Question(key, label_id, label_en, None, applies=False))
            continue
        mine = [f for f in findings if question_of(f) == key]
        failing = sorted({f.code for f in mine if Severity(f.severity).rank >= 1})
        credit = round(max(0.0, 1.0 - sum(_cost(f, steps) for f in mine)), 4)
        if blocked and key in STEP_QUESTIONS:
            credit = 0.0
            failing = sorted({*failing, NO_PROCEDURE})
        questions.append(Question(key, label_id, label_en, not failing, tuple(failing),
                                  credit))
    credits = [q.credit for q in questions if q.credit is not None]
    return Evaluation(round(100 * sum(credits) / len(credits)), tuple(questions))


def _unreadable(codes: tuple[str, ...]) -> Evaluation:
    """Score 0: every question a linter answers is "Tidak" because of the read failure."""
    return Evaluation(0, tuple(
        Question(key, label_id, label_en, None if key in HUMAN else False,
                 () if key in HUMAN else codes, None if key in HUMAN else 0.0)
        for key, (label_id, label_en) in LABELS.items()))
