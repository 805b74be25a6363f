"""LNK006: step numbers that skip, repeat or run backwards."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from soplint.i18n import Message
from soplint.model import Layout, Sop, Step
from soplint.rule import RuleContext, Violation, rule

from ._messages import MESSAGES

_PLAIN = re.compile(r"^\d+$")
_HIERARCHICAL = re.compile(r"^\d+(?:\.\d+)*$")
_LEADING = re.compile(r"^(\d+)\D")


Key = tuple[str, tuple[int, ...]]


@dataclass
class _Run:
    """One numbered list: the steps with the same parent, in reading order, and the numbers
    that exist at this level because sub-steps carry them (5.3.1 implies 5.3)."""

    first: int
    steps: list[tuple[int, Step]] = field(default_factory=list)
    implied: set[int] = field(default_factory=set)


def _split(step: Step) -> tuple[Key, int, list[int]]:
    parts = [int(p) for p in step.number.split(".")]
    return (step.section, tuple(parts[:-1])), parts[-1], parts


def _implied(steps: list[Step]) -> dict[Key, set[int]]:
    found: dict[Key, set[int]] = {}
    for step in steps:
        _, _, parts = _split(step)
        for depth in range(len(parts) - 1):
            found.setdefault((step.section, tuple(parts[:depth])), set()).add(parts[depth])
    return found


def _runs(sop: Sop) -> list[_Run]:
    """SOP AP: one list of plain numbers starting at 1 per flowchart (its section; "3a" or
    "3.1" show that 3 exists). Otherwise one list per section and
    parent number ("2" for 2.1, 2.2), restarting whenever the numbering goes back to 1."""
    if sop.layout is Layout.PERMENPAN:
        flowcharts: list[_Run] = []
        for section in dict.fromkeys(s.section for s in sop.steps):
            steps = [s for s in sop.steps if s.section == section]
            plain = [(int(s.number), s) for s in steps if _PLAIN.match(s.number)]
            parents = {int(m.group(1)) for s in steps if (m := _LEADING.match(s.number))}
            flowcharts.extend([_Run(1, plain, parents)] if plain else [])
        return flowcharts
    numbered = [s for s in sop.steps if _HIERARCHICAL.match(s.number)]
    implied = _implied(numbered)
    runs: list[_Run] = []
    current: dict[Key, _Run] = {}
    for step in numbered:
        key, value, _ = _split(step)
        run = current.get(key)
        if run is None or (value == 1 and run.steps):
            run = current[key] = _Run(value, implied=implied.get(key, set()))
            runs.append(run)
        run.steps.append((value, step))
    return runs


def _label(step: Step, value: int) -> str:
    *parent, _ = step.number.split(".")
    return ".".join([*parent, str(value)])


def _problems(run: _Run) -> Iterator[tuple[Step, Message]]:
    present = {value for value, _ in run.steps} | run.implied
    seen: set[int] = set()
    expected = run.first
    for value, step in run.steps:
        if value in seen:
            yield step, MESSAGES.text("LNK006.repeated", number=step.number)
        elif value < max(seen, default=value):
            before = _label(step, max(seen))
            yield step, MESSAGES.text("LNK006.backwards", number=step.number, before=before)
        elif gap := [_label(step, n) for n in range(expected, value) if n not in present]:
            yield step, MESSAGES.text("LNK006.gap", missing=", ".join(gap), number=step.number)
        seen.add(value)
        expected = max(seen) + 1


@rule("LNK006", "numbering", category="link", severity="warning", messages=MESSAGES)
def numbering(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """Step numbers that skip, repeat or run backwards.

    ## What it does
    In an SOP AP flowchart the No column must run 1, 2, 3 ... n: reports a skipped number
    (1, 2, 4), a repeated one (3, 3) and one that runs backwards (5, 4), once per problem
    at the step where it occurs. In other documents it only compares plain numbers ("1",
    "2") or the last part of hierarchical numbers with the same parent ("2.1", "2.2")
    within one section; a list that starts again at 1 (lab SOPs restart their numbering in
    every sub-section) is a new list, not a defect, and lettered steps ("a", "A3") are not
    compared.

    ## Why is this bad?
    Step numbers are how the Keterangan column, the branches of a decision and other SOPs
    refer to a step. A gap suggests a step was deleted without renumbering, a duplicate makes
    every reference to that number ambiguous, and in an SOP AP the
    flowchart's No column is the activity number Permenpan RB 35/2012 prescribes [1].

    ## Example
    - (id) Nomor langkah: 1, 2, 3, 5, 6, 7, 7.
    - (en) Steps numbered 1, 2, 2, 4.

    ## Use instead
    - (id) Nomor langkah: 1, 2, 3, 4, 5, 6, 7.
    - (en) Steps numbered 1, 2, 3, 4.

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran hlm. 25: bagian flowchart,
      mutu baku. https://id.scribd.com/document/511714313/permenpan-no-35-20122
    """
    for run in _runs(sop):
        for step, problem in _problems(run):
            yield Violation(
                message=MESSAGES.text("LNK006.message", problem=problem),
                suggestion=MESSAGES.text("LNK006.suggestion"),
                step=step, part="number")
