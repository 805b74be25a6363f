"""ACT005 passive-hides-actor: agentless passives in documents that name no responsible."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from soplint_rules.act005_passive_hides_actor import passive_hides_actor

from soplint.model import Sop
from soplint.testing import make_sop, make_step, run, verify
from tests.rules.fixture_support import FIXTURES, fixture


def doc(*texts: str, language: str = "id", actors: Sequence[str] = (),
        responsible: str | None = None) -> Sop:
    steps = [make_step(str(i), t, actors=(), explicit_actor=False)
             for i, t in enumerate(texts, 1)]
    return make_sop(steps, layout="narrative-numbered", language=language, actors=actors,
                    responsible=responsible)


def test_indonesian_agentless_passives() -> None:
    sop = doc("Berkas diperiksa kelengkapannya",
              "Bukti transaksi wajib diserahkan maksimal 3 hari kerja.",
              "Menerima berkas permohonan",
              "Pembelajaran ditutup dengan doa")
    verify(passive_hides_actor, invalid=[(sop, ["1", "2", "4"])])
    assert run(passive_hides_actor, sop)[0].words == ("diperiksa",)


@pytest.mark.parametrize("text", [
    "Menerima berkas",  # active
    "Dibuka oleh guru dengan salam",  # agent given
    "Surat dinas dari direktur",  # dinas, direktur are nouns
    "Disposisi diteruskan oleh Kepala Bagian",  # disposisi is a noun; agent given
    "Menyimpan berkas di atas meja",  # preposition di
    "Memeriksa berkas yang diterima dari pemohon",  # di- verb in a relative clause
    "Jika berkas dinyatakan lengkap, menerbitkan tanda terima",  # conditional clause
    "Buka browser dan masukkan alamat situs",  # imperative
])
def test_indonesian_near_misses(text: str) -> None:
    verify(passive_hides_actor, valid=[doc(text)])


def test_a_statement_with_an_agentless_passive_hides_its_actor_too() -> None:
    sop = make_sop([make_step("1", "For all steps, it is critical that all surfaces be "
                              "cleaned.", actors=(), explicit_actor=False, form="statement"),
                    make_step("2", "Check the labels.", actors=(), explicit_actor=False,
                              form="instruction")],
                   layout="narrative-numbered", language="en")
    verify(passive_hides_actor, invalid=[(sop, ["1"])])


def test_english_agentless_passives() -> None:
    sop = doc("The form is reviewed and approved.",
              "Monthly reconciliation reports are generated.",
              "For all steps, it is critical that all surfaces be cleaned.",
              "Requests must be raised via the digital form.",
              "Chat is escalated to a human agent.",  # "chat" could open an instruction
              language="en")
    verify(passive_hides_actor, invalid=[(sop, ["1", "2", "3", "4", "5"])])


@pytest.mark.parametrize("text", [
    "Add 10 ul of buffer to each well.",  # imperative
    "Ensure the samples are labelled.",  # imperative with a passive complement
    "Make sure the cassette is placed clear side down.",
    "The form is reviewed by the QA Manager.",  # agent given
    "The user may want the SKUs to be placed into bundles.",  # infinitive
    "If new artwork is required, trigger the approval workflow.",  # conditional
    "The system validates that all fields are populated.",  # "that" clause
    "The QA Manager approves the batch record.",  # active
])
def test_english_near_misses(text: str) -> None:
    verify(passive_hides_actor, valid=[doc(text, language="en")])


def test_not_when_a_column_or_a_step_actor_covers_it() -> None:
    column = make_sop([make_step("1", "The form is reviewed.", actors=())],
                      layout="table-steps", language="en", columns={"actor"})
    with_actor = make_sop([make_step("1", "Berkas diperiksa", actors=("Staf",))],
                          layout="narrative-numbered")
    verify(passive_hides_actor, valid=[column, with_actor])


def test_a_responsible_role_does_not_cover_a_passive_step_it_was_only_assumed_for() -> None:
    implied = make_step("1", "Bukti transaksi wajib diserahkan maksimal 3 hari kerja.",
                        actors=("Bendahara",), explicit_actor=False)
    sop = make_sop([implied], layout="narrative-numbered", responsible="Bendahara")
    (found,) = run(passive_hides_actor, sop)
    assert found.words == ("diserahkan",) and found.severity is None
    imperative = make_step("1", "Menyerahkan bukti transaksi", actors=("Bendahara",),
                           explicit_actor=False)
    verify(passive_hides_actor, valid=[make_sop([imperative], layout="narrative-numbered",
                                                responsible="Bendahara")])


def test_a_lead_in_to_a_list_is_no_step_action() -> None:
    verify(passive_hides_actor, valid=[doc("Directions from the assay are transcribed below:",
                                           language="en")],
           invalid=[(doc("Directions from the assay are transcribed.", language="en"), ["1"])])


def test_a_performer_the_recognizer_found_in_the_duties_covers_the_step() -> None:
    steps = [make_step("1", "PI is logged in PI Register.",
                       actors=("Sales / Commercial Team",), explicit_actor=True),
             make_step("2", "Monthly reconciliation reports are generated.", actors=(),
                       explicit_actor=False)]
    sop = make_sop(steps, layout="narrative-numbered", language="en",
                   actors=["Sales / Commercial Team", "Warehouse Team"])
    verify(passive_hides_actor, invalid=[(sop, ["2"])])


def test_declared_roles_alone_do_not_cover_it() -> None:
    (found,) = run(passive_hides_actor, doc("Berkas diperiksa", actors=["Staf"]))
    assert found.severity is None
    assert found.suggestion is not None and "memeriksa" in found.suggestion.id


def test_the_system_acts_when_it_is_automatic() -> None:
    verify(passive_hides_actor,
           valid=[doc("Approvals are routed automatically to the approver.", language="en"),
                  doc("Nomor surat diberikan secara otomatis")],
           invalid=[(doc("Nomor surat diberikan"), ["1"])])


def test_generic_only() -> None:
    assert passive_hides_actor.profiles == frozenset({"generic"})


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.docx")))
def test_fixtures_are_clean(name: str) -> None:
    sop = fixture(name)
    if sop.layout.value != "permenpan-flowchart":
        assert run(passive_hides_actor, sop) == []
