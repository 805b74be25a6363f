"""WRD006 weak-modal: both languages, the descriptive uses it leaves alone, the fixtures."""

from __future__ import annotations

import pytest
from soplint_rules.wrd006_weak_modal import weak_modal

from soplint.testing import run, verify
from tests.rules.fixture_support import fixtures_except, flagged, one


def test_indonesian() -> None:
    verify(weak_modal,
           valid=[one("Memeriksa ulang kelengkapan berkas sebelum diteruskan"),
                  one("Memastikan hasil uji sesuai dengan yang diharapkan"),
                  one("Memberikan obat sesuai dosis yang dianjurkan dokter"),
                  one("Pemohon dapat mengambil SK di loket")],
           invalid=[(one("Sebaiknya memeriksa ulang kelengkapan berkas"), ["1"]),
                    (one("Pemohon diharapkan hadir 15 menit sebelum jadwal"), ["1"]),
                    (one("Berkas hendaknya diarsipkan pada hari yang sama"), ["1"]),
                    (one("Disarankan mengunggah dokumen dalam format PDF"), ["1"])])


def test_english() -> None:
    verify(weak_modal,
           valid=[one("Label the tubes before thawing the cells", "en"),
                  one("The program may freeze while it computes the bundles", "en"),
                  one("The time constant should be 4.8 ms", "en"),
                  one("(Optional) Select a file to append to", "en")],
           invalid=[(one("Ideally, label the tubes before thawing the cells", "en"), ["1"]),
                    (one("It is recommended to wear cryogenic gloves", "en"), ["1"]),
                    (one("Store the aliquots at -80 C, preferably in a rack", "en"), ["1"])])


def test_message_names_the_word_in_the_documents_language() -> None:
    (found,) = run(weak_modal, one("Sebaiknya memeriksa ulang kelengkapan berkas"))
    assert found.words == ("Sebaiknya",)
    assert found.message.id.startswith('Kata "Sebaiknya" membuat langkah ini hanya anjuran')
    assert found.suggestion is not None and "langkah wajib" in found.suggestion.id


@pytest.mark.parametrize("name", fixtures_except())
def test_clean_fixtures(name: str) -> None:
    assert flagged(weak_modal, name) == []
