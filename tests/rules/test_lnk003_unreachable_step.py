"""LNK003 unreachable-step on small in-memory models."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from soplint.model import Sop, Step
from soplint.plugins import registered_rules
from soplint.testing import make_sop, make_step, run, verify
from soplint.tree import Where

RULE = registered_rules()["LNK003"]


def _steps(edges: dict[str, list[str]], count: int) -> list[Step]:
    """Start 1, end `count`, connector links from `edges`; each step in table 0, row = n."""
    steps = []
    for n in range(1, count + 1):
        kind = "start" if n == 1 else "end" if n == count else "process"
        step = make_step(str(n), f"Langkah {n}", kind=kind,
                         links=[(to, "", "connector") for to in edges.get(str(n), [])])
        steps.append(replace(step, where=Where(table=0, row=n)))
    return steps


def _sop(edges: dict[str, list[str]], count: int, title: str, **extra: Any) -> Sop:
    return make_sop(_steps(edges, count), title=title, **extra)


def test_connected_flows_are_silent() -> None:
    verify(RULE, valid=[
        _sop({"1": ["2"], "2": ["3"], "3": ["4"]}, 4, "linear"),
        _sop({"1": ["2"], "2": ["3", "1"], "3": ["4"]}, 4, "decision loops back"),
        _sop({}, 4, "no links at all: nothing to judge"),
        _sop({"1": ["2"], "2": ["3"], "3": ["5"], "5": ["6"]}, 6,
             "step 4 has no symbol in its row: no node of the drawn flowchart",
             symbols=tuple(("flowChartProcess", Where(table=0, row=n)) for n in (1, 2, 3, 5, 6))),
    ])


def test_step_without_incoming_path_is_reported_once_per_region() -> None:
    verify(RULE, invalid=[
        (_sop({"1": ["2"], "2": ["3"], "3": ["5"], "4": ["5"]}, 5, "orphan 4"), ["4"]),
        (_sop({"1": ["2"], "2": ["5"], "3": ["4"], "4": ["5"]}, 5, "3 leads to 4"), ["3"]),
        (_sop({"1": ["2"], "2": ["5"], "3": ["4"], "4": ["3"]}, 5, "closed loop 3-4"), ["3"]),
        (_sop({"1": ["2"], "2": ["5"], "4": ["3"], "3": ["5"]}, 5, "4 enters 3"), ["4"]),
        (_sop({"1": ["2"], "2": ["3"], "3": ["4"]}, 5, "end 5 not reached"), ["5"]),
    ])


def test_start_is_the_first_start_terminator() -> None:
    steps = [make_step("1", "Menerima", links=[("2", "")]),
             make_step("2", "Mulai", kind="start", links=[("3", "")]),
             make_step("3", "Selesai", kind="end")]
    verify(RULE, invalid=[(make_sop(steps, title="step 1 precedes the start"), ["1"])])


def test_unresolved_exit_is_no_edge() -> None:
    steps = [make_step("1", "Mulai", kind="start", links=[("2", "")]),
             make_step("2", "Memeriksa", kind="decision", links=[("4", "Ya"), ("", "Tidak")]),
             make_step("3", "Memperbaiki", links=[("2", "")]),
             make_step("4", "Selesai", kind="end")]
    verify(RULE, invalid=[(make_sop(steps, title="Tidak goes nowhere known"), ["3"])])


def test_message_names_the_steps_behind_the_unreachable_one() -> None:
    found = run(RULE, _sop({"1": ["2"], "2": ["6"], "3": ["4"], "4": ["5"], "5": ["6"]}, 6,
                           "3 leads to 4 and 5"))
    assert [v.step.number if v.step else None for v in found] == ["3"]
    assert "steps 4, 5" in found[0].message.en and "langkah 4, 5" in found[0].message.id
