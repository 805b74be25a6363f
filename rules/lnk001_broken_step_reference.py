"""LNK001: a step refers in its text to a step number that does not exist."""

from __future__ import annotations

import re
from collections.abc import Iterator

from soplint.model import LinkOrigin, Sop, Step
from soplint.rule import RuleContext, Violation, rule

from ._messages import MESSAGES

_PARTS = re.compile(r"[.\-/]")
_TRAILING_DIGITS = re.compile(r"(\d+)$")


def _parts(number: str) -> list[str]:
    return [p for p in _PARTS.split(number.strip().lower()) if p]


def _tail_matches(number: str, target: str) -> bool:
    """Whether `number` ("5.1.3", "A3") ends with the reference `target` ("3", "1.3")."""
    have, want = _parts(number), _parts(target)
    if want and have[-len(want):] == want:
        return True
    digits = _TRAILING_DIGITS.search(number)
    return digits is not None and len(want) == 1 and digits.group(1) == want[0].lstrip("0")


def _resolves(sop: Sop, step: Step, target: str) -> bool:
    """Whether a reference from `step` names a step: anywhere by its full number, or in the
    step's own section by the last part(s) of a hierarchical or lettered number. Where the
    numbering restarts per section (the same number in several sections), a number names
    a step of the referring step's own section only."""
    numbers = [s.number.lower() for s in sop.steps]
    restarts = len(set(numbers)) < len(numbers)
    for other in sop.steps:
        if other.number.lower() == target.lower() and (
                not restarts or other.section == step.section):
            return True
        if other.section == step.section and _tail_matches(other.number, target):
            return True
    return False


def _span(sop: Sop) -> str:
    numbers = [s.number for s in sop.steps]
    if numbers and all(n.isdigit() for n in numbers):
        return f" ({numbers[0]}–{numbers[-1]})"
    return ""


def _written(step: Step, target: str) -> tuple[str, str]:
    """Where the reference to `target` is written (the activity, else the Keterangan: the
    part "" or "note") and its words ("ke langkah 14"), else the number alone."""
    phrase = re.compile(rf"(?:\b(?:ke|to)\s+)?\b(?:langkah|step|no\.?|nomor)\s*"
                        rf"{re.escape(target)}(?![\w.])", re.IGNORECASE)
    for part, text in (("", step.text), ("note", step.note or "")):
        found = phrase.search(text)
        if found:
            return part, found.group(0)
    in_note = step.note is not None and re.search(rf"\b{re.escape(target)}\b", step.note)
    return ("note" if in_note and target not in step.text else ""), target


@rule("LNK001", "broken-step-reference", category="link", severity="error", messages=MESSAGES)
def broken_step_reference(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """A step refers in its text to a step number that does not exist.

    ## What it does
    Checks every reference written in a step's activity or Keterangan ("kembali ke langkah
    3", "lanjut ke no. 7", "go to step 12", "Repeat step 3.", "Complete steps 1-7 again")
    and reports those whose step number is not in the procedure. In documents whose
    numbering restarts per section (lab SOPs: steps A1..A7, B1..B8, or 5.1.1, 5.1.2, or Day
    One 1..9, Day Two 1..9), a reference is resolved in the referring step's own section,
    also by the last part of the number: "steps 1-7" under a day numbered 11..20 names no
    step of that day.

    ## Why is this bad?
    A branch that points to a missing step leaves the performer with no next step: the flow
    is broken. In an SOP AP the Keterangan column is often the only
    place where the "Tidak" branch of a decision is written, so a wrong number there breaks
    the branching flowchart that Permenpan RB 35/2012 requires [1][2]. It usually appears
    after steps were added or removed and the references were not renumbered.

    ## Example
    In an SOP with 12 steps:

    - (id) Langkah 11, Keterangan: "Selanjutnya ke langkah 14"
    - (en) Step 7: "If the sample is rejected, go to step 15."

    ## Use instead
    - (id) Langkah 11, Keterangan: "Selanjutnya ke langkah 12"
    - (en) Step 7: "If the sample is rejected, go to step 10."

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: pelaksana dipisahkan dari
      kegiatan, lima simbol, kata kerja aktif.
      https://text-id.123dok.com/document/1y942jkrq-pelaksana-dipisahkan-dari-kegiatan.html
    - [2] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: format diagram alir
      bercabang (branching flowcharts), lima simbol.
      https://text-id.123dok.com/document/4yrj6m98q-format-diagram-alir-bercabang-branching-flowcharts-menggunakan-hanya-lima-simbol-flowcharts.html
    """
    for step in sop.steps:
        targets = dict.fromkeys(link.to for link in step.links
                                if link.origin is LinkOrigin.TEXT and link.to)
        for target in targets:
            if _resolves(sop, step, target):
                continue
            part, words = _written(step, target)
            yield Violation(
                message=MESSAGES.text("LNK001.message", number=step.number, target=target,
                                      span=_span(sop)),
                suggestion=MESSAGES.text("LNK001.suggestion", number=step.number),
                step=step, words=(words,), part=part)
