"""VRB003 light-verb: in-memory cases in both languages and the generated fixtures."""

from __future__ import annotations

import pytest
from soplint_rules.vrb003_light_verb import light_verb

from soplint.testing import run, verify
from tests.rules.fixture_support import fixtures_except, flagged, labelled, one

DEFECTS = "permenpan_defects.docx"
CLEAN = fixtures_except(DEFECTS)


def test_indonesian() -> None:
    verify(light_verb,
           valid=[one("Memeriksa konsep surat keluar"),
                  one("Melakukan rapat koordinasi mingguan"),
                  one("Menyimpan laporan pemeriksaan")],
           invalid=[(one("Melakukan pemeriksaan konsep surat keluar"), ["1"]),
                    (one("Melaksanakan verifikasi berkas"), ["1"])])


def test_english() -> None:
    verify(light_verb,
           valid=[one("Review the batch record", "en"),
                  one("Make a copy of the form", "en"),
                  one("File the inspection report", "en")],
           invalid=[(one("Conduct a review of the batch record", "en"), ["1"]),
                    (one("Perform an inspection of the line", "en"), ["1"])])


def test_suggests_the_verb() -> None:
    (found,) = run(light_verb, one("Melakukan pemeriksaan konsep surat keluar"))
    assert found.words == ("Melakukan pemeriksaan",)
    assert found.suggestion is not None and '"memeriksa"' in found.suggestion.id
    (english,) = run(light_verb, one("Conduct a review of the batch record", "en"))
    assert english.suggestion is not None and '"review"' in english.suggestion.en


def test_defects_fixture() -> None:
    assert flagged(light_verb, DEFECTS) == labelled(DEFECTS, "light-verb") == ["3"]


@pytest.mark.parametrize("name", CLEAN)
def test_clean_fixtures(name: str) -> None:
    assert flagged(light_verb, name) == []


def test_leaves_vague_nouns_and_non_actions_alone() -> None:
    verify(light_verb,
           valid=[one("Melakukan koordinasi dengan bidang teknis"),  # VRB001 reports it
                  one("Mengadakan pertemuan dengan pemohon"),
                  one("Melakukan pelaksanaan kegiatan lapangan")],
           invalid=[(one("Melakukan pembuatan laporan bulanan"), ["1"])])
    (found,) = run(light_verb, one("Melakukan pembuatan laporan bulanan"))
    assert found.suggestion is not None and '"membuat"' in found.suggestion.id
