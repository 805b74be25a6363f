"""ACT003 unused-actor: declared roles with no step."""

from __future__ import annotations

import tomllib

import pytest
from soplint_rules.act003_unused_actor import unused_actor

from soplint.testing import make_sop, make_step, run, verify
from tests.rules.fixture_support import FIXTURES, fixture


def test_permenpan_column_without_symbol() -> None:
    sop = make_sop([make_step("1", "Menerima surat", actors=("Staf",)),
                    make_step("2", "Menyerahkan kepada Inspektur", actors=("Kabag",))],
                   actors=["Staf", "Kabag", "Inspektur"])
    found = run(unused_actor, sop)
    assert [(v.step, v.words) for v in found] == [(None, ("Inspektur",))]


def test_generic_role_named_in_a_step_or_by_its_short_form_is_used() -> None:
    sop = make_sop([make_step("1", "Commercial Team reviews the PI", actors=("Sales",)),
                    make_step("2", "Send the PI to the Procurement unit.", actors=("Sales",)),
                    make_step("3", "Warehouse receives the goods", actors=("Sales",))],
                   layout="narrative-numbered", language="en",
                   actors=["Sales", "Sales / Commercial Team", "Procurement Team",
                           "Warehouse Team"])
    verify(unused_actor, valid=[sop])


def test_generic_first_word_names_the_only_role_it_starts() -> None:
    steps = [make_step("1", "Menerima pembayaran", actors=("Bendahara",), explicit_actor=False),
             make_step("2", "Unit mengajukan kebutuhan dana", actors=("Bendahara",),
                       explicit_actor=False)]
    one_unit = make_sop(steps, layout="narrative-numbered",
                        actors=["Bendahara", "Unit Pemohon"])
    two_units = make_sop(steps, layout="narrative-numbered",
                         actors=["Bendahara", "Unit Pemohon", "Unit Keuangan"])
    verify(unused_actor, valid=[one_unit], invalid=[(two_units, [None, None])])


def test_generic_role_called_on_in_another_section_is_used() -> None:
    steps = [make_step("1", "Isolate the host", actors=("IT Specialist",))]
    roles = ["IT Specialist", "Communications Lead"]
    called = make_sop(steps, layout="narrative-numbered", language="en", actors=roles,
                      sections={"responsibilities": "Communications Lead: manages messages",
                                "communication": "The Communications Lead informs the press."})
    declared_only = make_sop(steps, layout="narrative-numbered", language="en", actors=roles,
                             sections={"responsibilities": "Communications Lead: messages"})
    listed = make_sop(steps, layout="narrative-numbered", language="en", actors=roles,
                      sections={"team": "IT Specialist: isolates hosts\n"
                                        "Communications Lead: manages messages"})
    verify(unused_actor, valid=[called], invalid=[(declared_only, [None]), (listed, [None])])


def test_generic_role_never_used_or_named() -> None:
    sop = make_sop([make_step("1", "Menerima surat", actors=("Sekretaris",),
                              explicit_actor=False),
                    make_step("2", "Menyerahkan kepada Kepala Madrasah",
                              actors=("Sekretaris",), explicit_actor=False)],
                   layout="narrative-numbered",
                   actors=["Kepala Madrasah", "Sekretaris", "Unit terkait"])
    verify(unused_actor, invalid=[(sop, [None])])
    assert run(unused_actor, sop)[0].words == ("Unit terkait",)


def test_not_decidable_without_steps_or_with_actorless_steps() -> None:
    no_steps = make_sop([], layout="unknown", actors=["Study Director"])
    imperative = make_sop([make_step("5.1", "Weigh the binder", actors=()),
                           make_step("5.9", "The Supervisor countersigns",
                                     actors=("Production Supervisor",))],
                          layout="narrative-numbered", language="en",
                          actors=["QA Manager", "Production Supervisor"])
    verify(unused_actor, valid=[no_steps, imperative])


def doc_labels(name: str) -> list[str]:
    spec = tomllib.loads((FIXTURES / "specs" / name.replace(".docx", ".toml")).read_text())
    prefix = "unused-actor:"
    return [d[len(prefix):] for d in spec.get("doc_defects", []) if d.startswith(prefix)]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.docx")))
def test_fixture_findings_match_the_unused_actor_labels(name: str) -> None:
    found = run(unused_actor, fixture(name))
    assert [v.words[0] for v in found] == doc_labels(name)
    assert all(v.step is None for v in found)


def test_the_defects_fixture_really_has_one() -> None:
    assert doc_labels("permenpan_defects.docx") == ["Inspektur"]
