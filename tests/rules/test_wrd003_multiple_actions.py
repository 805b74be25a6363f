"""WRD003 multiple-actions: conservative heuristic in both languages, and the fixtures."""

from __future__ import annotations

import pytest
from soplint_rules.wrd003_multiple_actions import multiple_actions

from soplint.testing import run, verify
from tests.rules.fixture_support import fixtures_except, flagged, labelled, one

DEFECTS = "permenpan_defects.docx"
CLEAN = fixtures_except(DEFECTS)


def test_indonesian() -> None:
    verify(multiple_actions,
           valid=[one("Memeriksa dan memaraf konsep surat"),
                  one("Menerima informasi dan menginformasikan kepada Kepala Siaga"),
                  one("Menyimpan berkas yang diterima dan diperiksa"),
                  one("Menggunakan aplikasi untuk mencatat dan memantau surat")],
           invalid=[(one("Menerima, mencatat dan meneruskan surat ke Kepala Bagian"), ["1"]),
                    (one("Menerima berkas, kemudian mengirim tanda terima"), ["1"]),
                    (one("Memutuskan hasil, mencatat berita dan menindaklanjuti berita"),
                     ["1"])])


def test_english() -> None:
    verify(multiple_actions,
           valid=[one("Close and lock the cassette lid. Insert the cassette and begin.", "en"),
                  one("Insert the column. Spin for 1 minute. Discard the flow-through.", "en"),
                  one("Place a sponge, filter paper, and membrane on the cassette.", "en"),
                  one("Mix well by pipetting; don't vortex. Do not shake.", "en")],
           invalid=[(one("Open the ticket. Assign it to an engineer. Call the user, then "
                         "close the call.", "en"), ["1"]),
                    (one("Count the cells. Prepare a tube. Add 30 ul Trypan Blue. Mix and "
                         "load the slide.", "en"), ["1"])])


def test_message_lists_the_actions() -> None:
    (found,) = run(multiple_actions, one("Menerima, mencatat dan meneruskan surat"))
    assert found.words == ("menerima", "mencatat", "meneruskan")
    assert "3" in found.message.en and found.suggestion is not None


def test_defects_fixture() -> None:
    assert flagged(multiple_actions, DEFECTS) == labelled(DEFECTS, "multiple-actions") == ["1"]


@pytest.mark.parametrize("name", CLEAN)
def test_clean_fixtures(name: str) -> None:
    assert flagged(multiple_actions, name) == []
