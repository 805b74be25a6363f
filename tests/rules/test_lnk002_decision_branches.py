"""LNK002 decision-branches on small in-memory models."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from soplint.model import Sop
from soplint.plugins import registered_rules
from soplint.testing import make_sop, make_step, run, verify
from soplint.tree import Where

RULE = registered_rules()["LNK002"]

Links = Sequence[tuple[str, ...]]


def _with_decision(links: Links, title: str, layout: str = "permenpan-flowchart") -> Sop:
    """Start 1, process 2, decision 3 with `links`, process 4, end 5."""
    return make_sop([
        make_step("1", "Mengajukan permohonan", kind="start", links=[("2", "")]),
        make_step("2", "Menerima berkas", links=[("3", "")]),
        make_step("3", "Memeriksa kelengkapan berkas", kind="decision", links=links),
        make_step("4", "Menyusun konsep surat", links=[("5", "")]),
        make_step("5", "Menerima surat", kind="end"),
    ], layout=layout, title=title)


def test_two_labelled_exits_are_valid() -> None:
    verify(RULE, valid=[
        _with_decision([("4", "Ya", "connector"), ("1", "Tidak", "connector")], "drawn"),
        _with_decision([("4", "Ya", "connector"), ("1", "Tidak", "connector"),
                        ("1", "Tidak", "text")], "arrow and Keterangan name one exit"),
        _with_decision([("4", "Ya", "sequence"), ("4", "Ya", "text"), ("2", "Tidak", "text")],
                       "marks: both branches in the text"),
        _with_decision([("4", "Ya", "sequence"), ("", "Tidak", "connector")],
                       "labelled exit whose target is unknown still counts"),
        _with_decision([("4", "Ya", "connector"), ("5", "Ya", "connector"),
                        ("1", "Tidak", "connector")], "the Ya branch forks to two steps"),
        _with_decision([("4", "Teknis", "connector"), ("4", "Administratif", "connector")],
                       "two cases, drawn to two lanes of one step"),
        make_sop([make_step("1", "Menerima", links=[("2", "")]),
                  make_step("2", "Mencatat")], title="process steps are not judged"),
    ])


def test_missing_extra_and_unlabelled_exits() -> None:
    verify(RULE, invalid=[
        (_with_decision([("4", "Ya", "sequence")], "only Ya"), ["3"]),
        (_with_decision([], "no exit"), ["3"]),
        (_with_decision([("4", "Ya"), ("1", "Tidak"), ("2", "")], "three exits"), ["3"]),
        (_with_decision([("4", "Ya"), ("1", "Ya"), ("2", "Ya")], "three Ya"), ["3"]),
        (_with_decision([("4", "", "connector"), ("1", "Tidak", "connector")], "unlabelled"),
         ["3"]),
        (_with_decision([("4", "Ya"), ("1", "Ya")], "two Ya"), ["3"]),
        (_with_decision([("4", "Ya", "connector"), ("4", "Ya", "text")], "one Ya, twice"),
         ["3"]),
        (_with_decision([("4", "Ya")], "generic document", layout="narrative-numbered"), ["3"]),
    ])


def test_only_ya_suggests_the_tidak_branch() -> None:
    found = run(RULE, _with_decision([("4", "Ya", "sequence")], "only Ya"))
    assert "only one exit" in found[0].message.en and "'Ya' to step 4" in found[0].message.en
    assert found[0].suggestion is not None and "'Tidak'" in found[0].suggestion.id


def test_only_tidak_suggests_the_ya_branch() -> None:
    found = run(RULE, _with_decision([("1", "Tidak", "text")], "only Tidak"))
    assert found[0].suggestion is not None and "'Ya'" in found[0].suggestion.id


def test_a_row_with_two_diamonds_is_judged_only_for_having_an_exit() -> None:
    def two_diamonds(links: Links) -> Sop:
        sop = _with_decision(links, "two diamonds in row 3")
        row = Where(table=1, row=3)
        steps = tuple(replace(s, where=row) if s.number == "3" else s for s in sop.steps)
        return replace(sop, steps=steps, symbols=(("flowChartDecision", row),
                                                  ("flowChartDecision", row)))
    verify(RULE, valid=[two_diamonds([("4", "", "connector"), ("1", "Tidak", "connector"),
                                      ("5", "", "connector")])],
           invalid=[(two_diamonds([]), ["3"])])
