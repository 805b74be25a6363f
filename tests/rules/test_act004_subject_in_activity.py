"""ACT004 subject-in-activity: SOP AP activities that start with their performer."""

from __future__ import annotations

import tomllib

import pytest
from soplint_rules.act004_subject_in_activity import subject_in_activity

from soplint.model import Sop
from soplint.testing import make_sop, make_step, run, verify
from tests.rules.fixture_support import FIXTURES, fixture


def sop_of(*texts: str) -> Sop:
    return make_sop([make_step(str(i), t) for i, t in enumerate(texts, 1)],
                    actors=["Kepala Bagian Umum", "Pengadministrasi Umum"])


def test_declared_actor_or_position_word_before_an_active_verb() -> None:
    sop = sop_of("Kepala Bagian Umum memaraf konsep surat",
                 "Menerima berkas",
                 "Kasubbag TU memeriksa kelengkapan berkas",
                 "Sekretaris Daerah menandatangani surat keluar",
                 "Pemohon berkoordinasi dengan petugas loket")
    verify(subject_in_activity, invalid=[(sop, ["1", "3", "4", "5"])])


def test_suggestion_drops_the_subject() -> None:
    (found,) = run(subject_in_activity, sop_of("Kepala Bagian Umum memaraf konsep surat"))
    assert found.words == ("Kepala Bagian Umum",)
    assert found.suggestion is not None and "\"Memaraf konsep surat\"" in found.suggestion.id


@pytest.mark.parametrize("text", [
    "Menerima berkas permohonan",
    "Memeriksa surat dari Kepala Bagian Umum",
    "Kepala Bagian Umum",  # a name only, no verb
    "Surat dinas diteruskan",  # passive, no subject-verb pair (another rule's concern)
    "Kepala Bagian Umum disposisi surat",  # "disposisi" is a noun, not a verb
    "Berkas pemohon diperiksa",
    "Direktur",
])
def test_near_misses(text: str) -> None:
    verify(subject_in_activity, valid=[sop_of(text)])


def test_only_for_permenpan_in_indonesian() -> None:
    assert subject_in_activity.profiles == frozenset({"permenpan"})
    assert subject_in_activity.languages == frozenset({"id"})


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("permenpan_*.docx")))
def test_fixture_steps_match_the_labels(name: str) -> None:
    spec = tomllib.loads((FIXTURES / "specs" / name.replace(".docx", ".toml")).read_text())
    labelled = [s["n"] for s in spec["steps"] if "subject-in-activity" in s.get("defects", [])]
    found = run(subject_in_activity, fixture(name))
    assert [v.step.number for v in found if v.step] == labelled
    if name == "permenpan_defects.docx":
        assert labelled == ["4"]
