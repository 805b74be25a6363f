"""VRB002 not-active-verb: SOP AP activities and the generated fixtures."""

from __future__ import annotations

import pytest
from soplint_rules.vrb002_not_active_verb import not_active_verb

from soplint.model import Sop
from soplint.testing import make_sop, make_step, run, verify
from tests.rules.fixture_support import fixtures_except, flagged, labelled

DEFECTS = "permenpan_defects.docx"
CLEAN = fixtures_except(DEFECTS)


def steps(*texts: str, kind: str = "process") -> Sop:
    return make_sop([make_step(str(i), t, kind=kind) for i, t in enumerate(texts, 1)],
                    actors=["Kepala Bagian Umum", "Pengadministrasi Umum"], title=texts[0])


def test_active_verbs_and_exemptions_pass() -> None:
    verify(not_active_verb, valid=[
        steps("Menerima berkas permohonan", "Berkoordinasi dengan Bagian Hukum",
              "Mereviu konsep LKjIP", "Kembali ke langkah 3"),
        steps("Mulai", "Selesai", kind="start"),
        steps("Lengkap?", "Apakah berkas lengkap", kind="decision"),
        steps("Kepala Bagian Umum memaraf konsep surat"),
        steps("Kasubbag TU menerima berkas"),
    ])


def test_nominalisation_passive_and_others_are_flagged() -> None:
    verify(not_active_verb, invalid=[
        (steps("Pemeriksaan berkas oleh staf"), ["1"]),
        (steps("Berkas diterima dan dicatat"), ["1"]),
        (steps("Diteruskan ke Kepala Bagian"), ["1"]),
        (steps("Proses pembayaran"), ["1"]),
        (steps("Menerima berkas", "Konfirmasi ke Tim TIP & menyampaikan nota"), ["2"]),
        (steps("Apakah berkas lengkap?"), ["1"]),  # a process box, not a decision
    ])


def test_messages_suggest_the_active_verb() -> None:
    (noun,) = run(not_active_verb, steps("Pemeriksaan berkas oleh staf"))
    assert noun.words == ("Pemeriksaan",)
    assert noun.suggestion is not None and '"Memeriksa ..."' in noun.suggestion.id
    (passive,) = run(not_active_verb, steps("Surat keluar dikirim kepada instansi tujuan"))
    assert passive.words == ("dikirim",) and "pasif" in passive.message.id
    assert passive.suggestion is not None and '"Mengirim ..."' in passive.suggestion.id


def test_defects_fixture() -> None:
    assert flagged(not_active_verb, DEFECTS) == labelled(DEFECTS, "passive") == ["8"]


@pytest.mark.parametrize("name", CLEAN)
def test_clean_fixtures(name: str) -> None:
    assert flagged(not_active_verb, name) == []
