"""ACT001 step-without-actor: SOP AP steps with no Pelaksana symbol, empty actor cells."""

from __future__ import annotations

import pytest
from soplint_rules.act001_step_without_actor import step_without_actor

from soplint.rule import Severity
from soplint.testing import make_sop, make_step, run, verify
from tests.rules.fixture_support import FIXTURES, fixture, labelled


def test_permenpan_step_without_symbol_including_terminators() -> None:
    sop = make_sop([make_step("1", "Menerima berkas", kind="start", actors=()),
                    make_step("2", "Memeriksa berkas"),
                    make_step("3", "Mengarsipkan berkas", kind="end", actors=())])
    verify(step_without_actor, invalid=[(sop, ["1", "3"])])


def test_permenpan_every_step_marked_is_clean() -> None:
    sop = make_sop([make_step("1", "Menerima berkas", kind="start"),
                    make_step("2", "Berkas diperiksa", actors=("Kasubbag",))])
    verify(step_without_actor, valid=[sop])


def test_step_table_with_empty_actor_cell() -> None:
    sop = make_sop([make_step("1", "Submit the RFC", actors=("Change Requester",)),
                    make_step("2", "Close the RFC", actors=()),
                    make_step("3", "Approve the RFC", actors=("Change Manager",),
                              explicit_actor=False)],
                   layout="table-steps", language="en", columns={"actor", "output"},
                   responsible="Change Manager")
    verify(step_without_actor, invalid=[(sop, ["2", "3"])])


def test_documents_without_actor_column_are_left_to_act005() -> None:
    lab = make_sop([make_step("1", "Add 10 ul of buffer", actors=(), explicit_actor=False),
                    make_step("2", "The form is reviewed.", actors=(), explicit_actor=False)],
                   layout="narrative-numbered", language="en")
    indonesian = make_sop([make_step("1", "Berkas diperiksa", actors=(), explicit_actor=False)],
                          layout="narrative-numbered")
    verify(step_without_actor, valid=[lab, indonesian])


def test_narrative_with_several_roles_and_none_responsible() -> None:
    steps = [make_step("1", "Review the batch record.", actors=(), explicit_actor=False,
                       form="instruction"),
             make_step("2", "The QA Officer approves the record.", actors=("QA Officer",),
                       form="subject"),
             make_step("3", "The record is archived.", actors=(), explicit_actor=False,
                       form="passive"),
             make_step("4", "Effectiveness verification", actors=(), explicit_actor=False,
                       form="statement")]
    sop = make_sop(steps, layout="narrative-numbered", language="en",
                   actors=("Analyst", "QA Officer"))
    found, nominal = run(step_without_actor, sop)
    assert nominal.step is not None and nominal.step.number == "4"
    assert found.step is not None and found.step.number == "1"
    assert "2 roles" in found.message.en and "Analyst" in (found.suggestion.en or "")
    assert "2 peran" in found.message.id


def test_narrative_with_one_role_or_a_responsible_role_is_clean() -> None:
    step = make_step("1", "Review the batch record.", actors=(), explicit_actor=False,
                     form="instruction")
    one_role = make_sop([step], layout="narrative-numbered", language="en",
                        actors=("Analyst",))
    responsible = make_sop([step], layout="narrative-numbered", language="en",
                           actors=("Analyst", "QA Officer"), responsible="Analyst")
    verify(step_without_actor, valid=[one_role, responsible])


def test_severity_is_error_and_message_names_the_step() -> None:
    sop = make_sop([make_step("4", "Mengagendakan surat", actors=())])
    (found,) = run(step_without_actor, sop)
    assert step_without_actor.severity is Severity.ERROR
    assert "4" in found.message.id and "Pelaksana" in found.message.en
    assert found.suggestion is not None


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.docx")))
def test_fixture_steps_match_the_missing_actor_labels(name: str) -> None:
    found = run(step_without_actor, fixture(name))
    assert [v.step.number for v in found if v.step] == labelled(name, "missing-actor")
    assert all(v.step for v in found)


def test_the_defects_fixture_really_has_one() -> None:
    assert labelled("permenpan_defects.docx", "missing-actor") == ["6"]
