"""LNK006 numbering on small in-memory models."""

from __future__ import annotations

from dataclasses import replace

from soplint.model import Sop
from soplint.plugins import registered_rules
from soplint.testing import make_sop, make_step, run, verify

RULE = registered_rules()["LNK006"]


def _flow(numbers: list[str], title: str) -> Sop:
    return make_sop([make_step(n, f"Langkah {n}") for n in numbers], title=title)


def _generic(sections: list[tuple[str, list[str]]], title: str) -> Sop:
    steps = [replace(make_step(n, f"Do {n}."), section=name)
             for name, numbers in sections for n in numbers]
    return make_sop(steps, layout="narrative-numbered", title=title)


def test_sequences_that_are_in_order() -> None:
    verify(RULE, valid=[
        _flow([str(n) for n in range(1, 11)], "1..10"),
        _flow(["1", "2", "3a", "4"], "SOP AP: non-numeric labels are not compared"),
        _generic([("table 2", ["1", "2", "3"]), ("table 3", ["1", "2"])], "restart per table"),
        _generic([("table 2", ["1", "2", "3", "4", "5"]), ("table 3", ["6", "7"])],
                 "numbering continued over two tables"),
        _generic([("", ["1", "2", "3", "1", "2"])], "two lists in one section"),
        _generic([("Procedure", ["5.1", "5.2", "5.3.1", "5.3.2", "5.4"])],
                 "5.3 exists through its sub-steps"),
        _generic([("", ["1", "2", "3", "3.a", "4", "b", "c"])], "letters are not compared"),
    ])


def test_sop_ap_gaps_duplicates_and_order() -> None:
    verify(RULE, invalid=[
        (_flow(["1", "2", "4", "5"], "gap"), ["4"]),
        (_flow(["1", "2", "3", "5", "6", "7", "7"], "gap and duplicate"), ["5", "7"]),
        (_flow(["1", "2", "4", "3", "5"], "out of order, no gap"), ["3"]),
        (_flow(["2", "3", "4"], "starts at 2"), ["2"]),
    ])


def test_generic_problems_within_one_list() -> None:
    verify(RULE, invalid=[
        (_generic([("A", ["1", "2", "4"])], "gap"), ["4"]),
        (_generic([("A", ["1", "2", "2", "3"])], "duplicate"), ["2"]),
        (_generic([("A", ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
                          "13", "14", "b", "9"])], "orphan 9 after 14"), ["9"]),
        (_generic([("A", ["2.1", "2.3"])], "hierarchical gap"), ["2.3"]),
    ])


def test_message_names_the_skipped_numbers() -> None:
    found = run(RULE, _generic([("A", ["2.1", "2.4"])], "two skipped"))
    assert "2.2, 2.3" in found[0].message.en and "2.2, 2.3" in found[0].message.id
