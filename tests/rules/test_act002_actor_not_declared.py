"""ACT002 actor-not-declared: undeclared step actors and one role spelt several ways."""

from __future__ import annotations

from dataclasses import replace

import pytest
from soplint_rules.act002_actor_not_declared import actor_not_declared

from soplint.model import Actor, Sop
from soplint.testing import make_sop, make_step, run, verify
from tests.rules.fixture_support import FIXTURES, fixture

ROLES = "QA Manager: approves the SOP.\nProduction Supervisor (PS): countersigns the BMR."


def table(*actors: str, roles: str | None = ROLES) -> Sop:
    steps = [make_step(str(i), f"Step {i}", actors=(a,)) for i, a in enumerate(actors, 1)]
    sop = make_sop(steps, layout="table-steps", language="en", columns={"actor"},
                   sections={"responsibilities": roles} if roles else None)
    return replace(sop, actors=tuple(Actor(a, "table") for a in dict.fromkeys(actors)))


def test_step_table_actor_missing_from_responsibilities_reported_once() -> None:
    sop = table("QA Manager", "QA Lead", "QA Lead", "PS")
    found = run(actor_not_declared, sop)
    assert [(v.step.number if v.step else None, v.words) for v in found] == [("2", ("QA Lead",))]
    assert "1 more" in found[0].message.en


def test_declared_in_responsibilities_text_is_fine() -> None:
    verify(actor_not_declared, valid=[
        table("QA Manager", "Production Supervisor"),
        table("QA Lead", roles=None),  # nothing declared: nothing to compare with
    ])


def test_narrative_subject_not_among_declared_roles() -> None:
    sop = make_sop([make_step("1", "Sekretaris menerima surat", actors=("Sekretaris",)),
                    make_step("2", "Staf mencatat surat", actors=("Staf",),
                              explicit_actor=False)],
                   layout="narrative-numbered", actors=["Kepala Bagian", "Staf"])
    verify(actor_not_declared, invalid=[(sop, ["1"])])


@pytest.mark.parametrize("names", [
    ["Kasubbag TU", "Kepala Sub Bagian Tata Usaha"],
    ["Kasubag Umum", "Kasubbag Umum"],
    ["Sekretaris/Tata Usaha", "Sekretaris / Tata Usaha."],
])
def test_one_role_spelt_several_ways_is_one_document_finding(names: list[str]) -> None:
    sop = make_sop([make_step("1", "Menerima surat", actors=(names[0],)),
                    make_step("2", "Mencatat surat", actors=(names[1],)),
                    make_step("3", "Meneruskan surat", actors=(names[0],))],
                   actors=names)
    found = run(actor_not_declared, sop)
    assert [(v.step, v.words) for v in found] == [(None, tuple(n.strip() for n in names))]


def test_different_roles_and_case_only_differences_are_not_variants() -> None:
    sop = make_sop([make_step("1", "Menerima surat", actors=("Kepala Bagian",)),
                    make_step("2", "Mencatat surat", actors=("Kepala Subbagian",)),
                    make_step("3", "Memaraf surat", actors=("KEPALA BAGIAN",))],
                   actors=["Kepala Bagian", "Kepala Subbagian"])
    verify(actor_not_declared, valid=[sop])


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.docx")))
def test_fixtures_are_clean(name: str) -> None:
    assert run(actor_not_declared, fixture(name)) == []
