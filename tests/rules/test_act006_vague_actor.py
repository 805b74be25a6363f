"""ACT006 vague-actor: collective actors in role names and step texts."""

from __future__ import annotations

import pytest
from soplint_rules.act006_vague_actor import vague_actor

from soplint.rule import Severity
from soplint.testing import make_sop, make_step, run, verify
from tests.rules.fixture_support import FIXTURES, fixture


def test_vague_recipients_in_steps() -> None:
    sop = make_sop([make_step("1", "Meneruskan surat kepada pihak terkait"),
                    make_step("2", "Menerima berkas permohonan"),
                    make_step("3", "Menyerahkan berkas kepada yang bersangkutan")])
    verify(vague_actor, invalid=[(sop, ["1", "3"])])
    assert [v.words for v in run(vague_actor, sop)] == [("pihak terkait",),
                                                        ("yang bersangkutan",)]


def test_english_stakeholders() -> None:
    sop = make_sop([make_step("1", "Notify relevant stakeholders of the outage."),
                    make_step("2", "Notify the Service Owner of the outage.")],
                   layout="table-steps", language="en")
    verify(vague_actor, invalid=[(sop, ["1"])])


def test_vague_declared_actor_is_one_document_finding() -> None:
    sop = make_sop([make_step("1", "Menerima surat", actors=("Sekretaris",))],
                   layout="narrative-numbered", actors=["Sekretaris", "Unit terkait"])
    found = run(vague_actor, sop)
    assert [(v.step, v.words, v.severity) for v in found] == [(None, ("Unit terkait",), None)]


def test_low_confidence_terms_only_when_unqualified_and_as_info() -> None:
    sop = make_sop([make_step("1", "Menyerahkan berkas kepada petugas."),
                    make_step("2", "Menyerahkan berkas kepada petugas loket"),
                    make_step("3", "Meninjau lokasi bersama Tim Teknis")],
                   actors=["Petugas Front Office", "Tim Teknis", "Tim"])
    found = run(vague_actor, sop)
    assert [(v.step.number if v.step else None, v.severity) for v in found] == [
        (None, Severity.INFO), ("1", Severity.INFO)]


@pytest.mark.parametrize("text", [
    "Menerima berkas dari Kepala Bagian Keuangan",
    "Mengirim surat kepada instansi tujuan",
    "Memeriksa keterkaitan dokumen",
])
def test_near_misses(text: str) -> None:
    verify(vague_actor, valid=[make_sop([make_step("1", text)], actors=["Staf"])])


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.docx")))
def test_fixtures_are_clean(name: str) -> None:
    sop = fixture(name)
    if sop.language in ("id", "en"):
        assert run(vague_actor, sop) == []
