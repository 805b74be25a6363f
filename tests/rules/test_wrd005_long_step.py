"""WRD005 long-step: the word limit and its option."""

from __future__ import annotations

import pytest
from soplint_rules.wrd005_long_step import long_step

from soplint.testing import run, verify
from tests.rules.fixture_support import fixtures_except, flagged, one

DEFECTS = "permenpan_defects.docx"
CLEAN = fixtures_except(DEFECTS)


LONG_ID = ("Menerima berkas permohonan dari pemohon, memeriksa kelengkapan persyaratan sesuai "
           "daftar periksa, mencatat pada buku register, lalu meneruskan berkas yang lengkap "
           "kepada Kepala Seksi untuk diparaf dan ditandatangani pada hari yang sama.")
LONG_EN = ("Thaw the cells on ice for about ten minutes, mix them by flicking gently, transfer "
           "25 µL to a chilled tube and add 1 µL of the plasmid before you start the "
           "electroporation run.")


def test_limit() -> None:
    exact = " ".join(["kata"] * 25)
    verify(long_step,
           valid=[one("Menerima berkas permohonan"), one(exact), one("Sign the form", "en")],
           invalid=[(one(LONG_ID), ["1"]), (one(LONG_EN, "en"), ["1"]),
                    (one(exact + " lagi"), ["1"])])


def test_option_changes_the_limit() -> None:
    verify(long_step, valid=[one(LONG_ID)], options={"max_step_words": 40})
    verify(long_step, invalid=[(one("Menerima berkas permohonan dari pemohon"), ["1"])],
           options={"max_step_words": 4})


def test_message_counts_words() -> None:
    (found,) = run(long_step, one(LONG_EN, "en"))
    assert "34 words (limit 25)" in found.message.en
    assert "34 kata" in found.message.id and found.suggestion is not None


@pytest.mark.parametrize("name", [DEFECTS, *CLEAN])
def test_fixture_steps_are_short(name: str) -> None:
    assert flagged(long_step, name) == []
