"""Indonesian morphology: roots, verb voice, nominalisations and meN- forms."""

from __future__ import annotations

import subprocess
import sys

import pytest

from soplint.language.morphology import (
    active_form,
    analyse,
    is_active_verb,
    is_passive_verb,
    nominalisation_root,
    nominalisation_verb,
    root,
)

# word, root, active (meN-/ber-), passive (di-), nominalisation root
TABLE = [
    # active meN- verbs, every nasal assimilation
    ("memproses", "proses", True, False, None),
    ("memeriksa", "periksa", True, False, None),
    ("menerima", "terima", True, False, None),
    ("menulis", "tulis", True, False, None),
    ("mencatat", "catat", True, False, None),
    ("menyusun", "susun", True, False, None),
    ("menyerahkan", "serah", True, False, None),
    ("mengirim", "kirim", True, False, None),
    ("mengelola", "kelola", True, False, None),
    ("mengecek", "cek", True, False, None),
    ("mengarsipkan", "arsip", True, False, None),
    ("memverifikasi", "verifikasi", True, False, None),
    ("mendisposisikan", "disposisi", True, False, None),
    ("menindaklanjuti", "tindak lanjut", True, False, None),
    ("menandatangani", "tanda tangan", True, False, None),
    ("mengoordinasikan", "koordinasi", True, False, None),
    ("menyetujui", "setuju", True, False, None),
    ("memperbaiki", "baik", True, False, None),
    ("menginput", "input", True, False, None),
    # ber- verbs
    ("berkoordinasi", "koordinasi", True, False, None),
    ("bekerja", "kerja", True, False, None),
    # di- passives
    ("diproses", "proses", False, True, None),
    ("diperiksa", "periksa", False, True, None),
    ("diteruskan", "terus", False, True, None),
    ("ditindaklanjuti", "tindak lanjut", False, True, None),
    ("ditandatangani", "tanda tangan", False, True, None),
    ("disetujui", "setuju", False, True, None),
    ("diverifikasi", "verifikasi", False, True, None),
    ("didisposisikan", "disposisi", False, True, None),
    ("dicek", "cek", False, True, None),
    ("diperbaiki", "baik", False, True, None),
    ("diketahui", "tahu", False, True, None),
    ("Diarsipkan", "arsip", False, True, None),
    # nominalisations
    ("pemrosesan", "proses", False, False, "proses"),
    ("pemeriksaan", "periksa", False, False, "periksa"),
    ("pemeriksaannya", "periksa", False, False, "periksa"),
    ("penandatanganan", "tanda tangan", False, False, "tanda tangan"),
    ("pengecekan", "cek", False, False, "cek"),
    ("pencatatan", "catat", False, False, "catat"),
    ("pengiriman", "kirim", False, False, "kirim"),
    ("persetujuan", "setuju", False, False, "setuju"),
    ("perbaikan", "baik", False, False, "baik"),
    # roots and noun traps
    ("koordinasi", "koordinasi", False, False, None),
    ("proses", "proses", False, False, None),
    ("dinas", "dinas", False, False, None),
    ("direktur", "direktur", False, False, None),
    ("direksi", "direksi", False, False, None),
    ("disposisi", "disposisi", False, False, None),
    ("diskusi", "diskusi", False, False, None),
    ("digital", "digital", False, False, None),
    ("distribusi", "distribusi", False, False, None),
    ("diagram", "diagram", False, False, None),
    ("dimensi", "dimensi", False, False, None),
    ("diploma", "diploma", False, False, None),
    ("disiplin", "disiplin", False, False, None),
    ("dividen", "dividen", False, False, None),
    ("divisi", "divisi", False, False, None),
    ("dia", "dia", False, False, None),
    ("diri", "diri", False, False, None),
    ("dini", "dini", False, False, None),
    ("dinding", "dinding", False, False, None),
    ("dingin", "dingin", False, False, None),
    ("di", "di", False, False, None),
    ("berkas", "berkas", False, False, None),
    ("berita", "berita", False, False, None),
    ("menteri", "menteri", False, False, None),
    ("mereka", "mereka", False, False, None),
    ("media", "media", False, False, None),
    ("bagian", "bagian", False, False, None),
    ("pelaksana", "laksana", False, False, None),
]


@pytest.mark.parametrize(("word", "expected_root", "active", "passive", "nominal"), TABLE)
def test_word_table(
    word: str, expected_root: str, active: bool, passive: bool, nominal: str | None
) -> None:
    assert root(word) == expected_root
    assert is_active_verb(word) is active
    assert is_passive_verb(word) is passive
    assert nominalisation_root(word) == nominal


def test_table_is_large_enough() -> None:
    assert len(TABLE) >= 40


def test_root_is_case_insensitive() -> None:
    assert root("MEMERIKSA") == root("Memeriksa") == "periksa"


@pytest.mark.parametrize("word", ["diatas", "dimana", "disini", "dibawah"])
def test_joined_place_forms_are_not_passives(word: str) -> None:
    assert not is_passive_verb(word)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("berkas-berkas", "berkas"), ("anak-anak", "anak"), ("kehati-hatian", "hati")],
)
def test_reduplication(word: str, expected: str) -> None:
    assert root(word) == expected


def test_analysis_reports_prefix_and_suffix() -> None:
    analysis = analyse("mengoordinasikan")
    assert analysis is not None
    assert (analysis.root, analysis.prefix, analysis.suffix) == ("koordinasi", "meN", "kan")
    assert analyse("koordinasi") is None


def test_joined_compound_root_maps_to_spaced_spelling() -> None:
    assert root("tindaklanjut") == "tindak lanjut"
    assert root("tandatangan") == "tanda tangan"


@pytest.mark.parametrize(
    ("word_root", "expected"),
    [
        ("periksa", "memeriksa"),
        ("proses", "memproses"),
        ("kirim", "mengirim"),
        ("susun", "menyusun"),
        ("tulis", "menulis"),
        ("catat", "mencatat"),
        ("verifikasi", "memverifikasi"),
        ("cek", "mengecek"),
        ("terima", "menerima"),
        ("kelola", "mengelola"),
        ("klarifikasi", "mengklarifikasi"),
        ("baca", "membaca"),
        ("lapor", "melapor"),
        ("ajar", "mengajar"),
        ("tanda tangan", "menandatangani"),
        ("tindak lanjut", "menindaklanjuti"),
    ],
)
def test_active_form(word_root: str, expected: str) -> None:
    assert active_form(word_root) == expected


@pytest.mark.parametrize(
    ("noun", "verb"),
    [
        ("pemeriksaan", "memeriksa"),
        ("pencatatan", "mencatat"),
        ("penandatanganan", "menandatangani"),
        ("perbaikan", "memperbaiki"),
        ("pengecekan", "mengecek"),
        ("pembuatan", "membuat"),  # bu-at: two syllables, not "mengebuat"
        ("pembuangan", "membuang"),
        ("pengetikan", "mengetik"),  # one-syllable root keeps menge-
    ],
)
def test_nominalisation_verb(noun: str, verb: str) -> None:
    assert nominalisation_verb(noun) == verb


@pytest.mark.parametrize("word", ["pelaksana", "berkas", "memeriksa", "kiriman"])
def test_nominalisation_verb_needs_a_pen_an_noun(word: str) -> None:
    assert nominalisation_verb(word) is None


def test_morphology_does_not_import_spacy() -> None:
    code = (
        "import sys; import soplint.language.morphology as m, soplint.language.lexicon; "
        "m.root('memeriksa'); assert 'spacy' not in sys.modules, 'spacy imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
