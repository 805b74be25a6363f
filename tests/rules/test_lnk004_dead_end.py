"""LNK004 dead-end on small in-memory models."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from soplint.model import Sop
from soplint.plugins import registered_rules
from soplint.testing import make_sop, make_step, verify
from soplint.tree import Where

RULE = registered_rules()["LNK004"]


def _sop(kinds: str, edges: dict[str, list[str]], title: str, **extra: Any) -> Sop:
    """One step per letter of `kinds` (s=start, p=process, d=decision, e=end), numbered from 1
    in table 0, row = number, with connector links from `edges`."""
    names = {"s": "start", "p": "process", "d": "decision", "e": "end"}
    steps = [replace(make_step(str(n), f"Langkah {n}", kind=names[k],
                               links=[(to, "", "connector") for to in edges.get(str(n), [])]),
                     where=Where(table=0, row=n))
             for n, k in enumerate(kinds, start=1)]
    return make_sop(steps, title=title, **extra)


def test_steps_with_a_way_onward_are_silent() -> None:
    verify(RULE, valid=[
        _sop("sppe", {"1": ["2"], "2": ["3"], "3": ["4"]}, "linear"),
        _sop("sppp", {"1": ["2"], "2": ["3"], "3": ["4"]}, "no END: the last step may stop"),
        _sop("spde", {"1": ["2"], "2": ["3"], "3": ["4"]}, "end terminator has no exit"),
        _sop("sppe", {}, "no links at all: nothing to judge"),
        _sop("sppe", {"1": ["2"], "2": ["4"]}, "step 3 has no symbol: no node",
             symbols=tuple(("flowChartProcess", Where(table=0, row=n)) for n in (1, 2, 4))),
    ])


def test_unresolved_or_broken_exit_is_still_a_way_onward() -> None:
    sop = make_sop([make_step("1", "Mulai", kind="start", links=[("2", "")]),
                    make_step("2", "Memeriksa", kind="decision",
                              links=[("", "Ya"), ("9", "Tidak", "text")]),
                    make_step("3", "Selesai", kind="end")], title="exits drawn")
    verify(RULE, valid=[sop])


def test_step_without_exit_is_reported() -> None:
    verify(RULE, invalid=[
        (_sop("spppe", {"1": ["2"], "2": ["3"], "4": ["5"]}, "3 stops"), ["3"]),
        (_sop("spep", {"1": ["2"], "2": ["3"]}, "last step after the END"), ["4"]),
        (_sop("sppp", {"1": ["2"], "2": ["4"]}, "no END, 3 stops mid-way"), ["3"]),
    ])
