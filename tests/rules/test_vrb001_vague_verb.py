"""VRB001 vague-verb: in-memory cases in both languages and the generated fixtures."""

from __future__ import annotations

import pytest
from soplint_rules.vrb001_vague_verb import vague_verb

from soplint.rule import Severity
from soplint.testing import make_sop, make_step, run, verify
from tests.rules.fixture_support import fixtures_except, flagged, labelled, one

DEFECTS = "permenpan_defects.docx"
CLEAN = fixtures_except(DEFECTS)


def test_indonesian() -> None:
    verify(vague_verb,
           valid=[one("Memeriksa permohonan izin"),
                  one("Mencatat proses pengajuan pada buku register"),
                  one("Menyerahkan laporan pengelolaan arsip")],
           invalid=[(one("Memproses permohonan izin"), ["1"]),
                    (one("Menindaklanjuti disposisi Kepala Dinas"), ["1"]),
                    (one("Berkas diproses oleh staf"), ["1"]),
                    (make_sop([make_step("1", "Menerima surat"),
                               make_step("2", "Berkoordinasi dengan unit terkait")]), ["2"])])


def test_english() -> None:
    verify(vague_verb,
           valid=[one("The process owner signs the form", "en"),
                  one("Check the data processing log", "en"),
                  one("To ensure auditability, log every event in the register", "en")],
           invalid=[(one("Process the form", "en"), ["1"]),
                    (one("Ensure the batch record is complete", "en"), ["1"]),
                    (one("You need to ensure the lid is closed", "en"), ["1"])])


def test_message_quotes_the_verb_and_gives_the_lexicon_suggestion() -> None:
    (found,) = run(vague_verb, one("Memproses permohonan izin"))
    assert found.words == ("Memproses",)
    assert '"Memproses"' in found.message.id and '"Memproses"' in found.message.en
    assert found.suggestion is not None and "memeriksa" in found.suggestion.id
    assert found.severity is None


def test_low_confidence_entry_is_reported_only_as_a_hint_when_asked() -> None:
    for sop in (one("Handle the customer request", "en"), one("Review the invoice", "en"),
                one("Memantau stok obat")):
        assert run(vague_verb, sop) == []
        (found,) = run(vague_verb, sop, {"vague_verb_hints": True})
        assert found.severity is Severity.INFO


def test_defects_fixture() -> None:
    assert flagged(vague_verb, DEFECTS) == labelled(DEFECTS, "vague-verb") == ["2"]


@pytest.mark.parametrize("name", CLEAN)
def test_clean_fixtures(name: str) -> None:
    assert flagged(vague_verb, name) == []


def test_light_verb_with_a_vague_object() -> None:
    verify(vague_verb,
           valid=[one("Menyusun laporan kegiatan bulanan"),
                  one("Melakukan pemeriksaan konsep surat"),  # a concrete noun: VRB003's
                  one("Record the action taken in the log", "en")],
           invalid=[(one("Melaksanakan kegiatan pengecekan fisik barang usulan"), ["1"]),
                    (one("Melakukan tindak lanjut atas temuan audit"), ["1"]),
                    (one("Melakukan koordinasi dengan bidang teknis"), ["1"]),
                    (one("Take appropriate action if the result is out of range", "en"),
                     ["1"])])


def test_an_activity_written_as_the_noun_of_a_vague_verb() -> None:
    verify(vague_verb,
           valid=[one("Pembuatan SPD"), one("Pelaksanaan pemusnahan arsip"),
                  one("Serah terima barang/jasa"), one("Validasi dokumen pembayaran"),
                  one("Mencatat proses pengajuan pada buku register")],
           invalid=[(one("Proses pembayaran"), ["1"]),
                    (one("Pengelolaan arsip dinamis"), ["1"])])
    (found,) = run(vague_verb, one("Proses pengadaan barang/jasa"))
    assert found.words == ("Proses",)
    assert found.suggestion is not None and found.suggestion.id


def test_a_clause_that_only_qualifies_the_action_is_not_its_verb() -> None:
    verify(vague_verb,
           valid=[one("Memperbarui status disposisi setelah surat ditindaklanjuti"),
                  one("Mengarsipkan berkas yang sudah diproses")],
           invalid=[(one("Jika berkas lengkap, memproses permohonan"), ["1"]),
                    (one("Menindaklanjuti surat setelah disposisi diterima"), ["1"])])


def test_keeping_a_state_is_vague_guarding_a_thing_is_not() -> None:
    verify(vague_verb,
           valid=[one("Menjaga pintu gerbang"), one("Memelihara buku agenda surat")],
           invalid=[(one("Menjaga kerahasiaan dokumen."), ["1"]),
                    (one("Memelihara kebersihan ruang arsip"), ["1"])])


def test_nominalised_vague_verb_gets_that_verbs_suggestion() -> None:
    (found,) = run(vague_verb, one("Melakukan koordinasi dengan bidang teknis"))
    assert found.words == ("Melakukan koordinasi",)
    assert found.suggestion is not None and "mengirim undangan rapat" in found.suggestion.id
