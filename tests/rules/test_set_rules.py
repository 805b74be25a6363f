"""The rules across the set (SET001–SET005): what each must and must not report."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from soplint.i18n import Message
from soplint.plugins import registered_set_rules
from soplint.setrule import Activity, SetRule, SetSummary, SetViolation


def _doc(file: str, title: str = "", *, unit: str = "u", nomor: str = "",
         related: Sequence[str] = (), roles: Sequence[str] = (),
         steps: Sequence[tuple[str, float | None]] = ()) -> SetSummary:
    return SetSummary(file=file, title=title or file, unit=unit, nomor=nomor,
                      related=tuple(related), roles=tuple(roles),
                      activities=tuple(Activity(str(i), text, f"{m} menit" if m else "", m)
                                       for i, (text, m) in enumerate(steps, 1)))


def _run(code: str, summaries: Sequence[SetSummary]) -> list[SetViolation]:
    rule: SetRule = registered_set_rules()[code]
    found = list(rule.check(summaries))
    for violation in found:
        for text in (violation.message, violation.suggestion):
            assert isinstance(text, Message)
            for lang in ("id", "en"):
                assert text.speak(lang).strip() and not text.missing(lang), (code, lang)
    return found


def _files(violation: SetViolation) -> list[str]:
    return [d.file for d in violation.documents]


def test_set001_reports_every_document_sharing_a_number() -> None:
    docs = [_doc("a.docx", nomor="800/01/SOP/2023"), _doc("b.docx", nomor="800 / 01 / sop / 2023"),
            _doc("c.docx", nomor="800/02/SOP/2023"), _doc("d.docx", nomor="800/01/SOP/2023")]
    found = _run("SET001", docs)
    assert [_files(v) for v in found] == [["a.docx", "b.docx", "d.docx"]]
    assert "a.docx, b.docx, d.docx" in found[0].message.speak("en")
    assert "dipakai oleh 3 dokumen" in found[0].message.speak("id")


def test_set001_is_silent_on_distinct_and_empty_numbers() -> None:
    docs = [_doc("a.docx", nomor="-"), _doc("b.docx", nomor="-"), _doc("c.docx", nomor=""),
            _doc("d.docx", nomor=""), _doc("e.docx", nomor="800/01"), _doc("f.docx",
                                                                            nomor="800/011")]
    assert _run("SET001", docs) == []


def test_set002_reports_entries_naming_no_sop_of_the_set() -> None:
    docs = [_doc("a.docx", "SOP Penerimaan Surat Masuk",
                 related=["SOP Pengarsipan Surat", "SOP Disposisi Surat", "-"]),
            _doc("b.docx", "Standar Operasional Prosedur Disposisi Surat")]
    found = _run("SET002", docs)
    assert [_files(v) for v in found] == [["a.docx"]]
    assert found[0].words == ("SOP Pengarsipan Surat",)


def test_set002_finds_sops_by_title_or_number() -> None:
    docs = [_doc("a.docx", "SOP Penerimaan Surat",
                 related=["SOP tentang Disposisi Surat", "Surat keluar (800/03/SOP/2023)",
                          "800/04/SOP/2023", "Tidak ada"]),
            _doc("b.docx", "SOP Disposisi Surat"),
            _doc("c.docx", "SOP Pengiriman", nomor="800/03/SOP/2023"),
            _doc("d.docx", "SOP Arsip", nomor="800/04/SOP/2023")]
    assert _run("SET002", docs) == []


def test_set003_reports_a_role_spelt_two_ways_across_a_units_sops() -> None:
    docs = [_doc("a.docx", unit="sekretariat", roles=["Kasubbag TU", "Staf"]),
            _doc("b.docx", unit="sekretariat", roles=["Kepala Sub Bagian Tata Usaha", "Staf"]),
            _doc("c.docx", unit="sekretariat", roles=["Kasubbag TU"])]
    found = _run("SET003", docs)
    assert [_files(v) for v in found] == [["a.docx", "c.docx", "b.docx"]]
    assert '"Kasubbag TU", "Kepala Sub Bagian Tata Usaha"' in found[0].message.speak("en")


def test_set003_is_silent_across_units_on_case_and_within_one_sop() -> None:
    docs = [_doc("a.docx", unit="sekretariat", roles=["Kasubbag TU"]),
            _doc("b.docx", unit="keuangan", roles=["Kepala Sub Bagian Tata Usaha"]),
            _doc("c.docx", unit="keuangan", roles=["kepala sub bagian  tata usaha"]),
            _doc("d.docx", unit="umum", roles=["Kabid", "Kepala Bidang"])]
    assert _run("SET003", docs) == []


def test_set004_reports_an_activity_timed_differently() -> None:
    text = "Memverifikasi kelengkapan berkas permohonan"
    docs = [_doc("a.docx", steps=[(text, 15.0)]), _doc("b.docx", steps=[(text + ".", 120.0)]),
            _doc("c.docx", steps=[(text, 15.0)])]
    found = _run("SET004", docs)
    assert [_files(v) for v in found] == [["a.docx", "b.docx", "c.docx"]]
    assert "b.docx (1: 120.0 menit)" in found[0].message.speak("id")


def test_set004_is_silent_on_equal_times_short_or_untimed_activities() -> None:
    docs = [_doc("a.docx", steps=[("Memverifikasi kelengkapan berkas", 60.0),
                                  ("Menerima berkas", 5.0), ("Mencatat surat masuk", None)]),
            _doc("b.docx", steps=[("memverifikasi kelengkapan berkas", 60.0),
                                  ("Menerima berkas", 10.0), ("Mencatat surat masuk", 5.0)])]
    assert _run("SET004", docs) == []


STEPS = [("Menerima berkas permohonan", None), ("Memeriksa kelengkapan berkas", None),
         ("Menandatangani surat 2", None)]


def test_set005_reports_the_same_steps_under_other_titles() -> None:
    changed = [*STEPS[:2], ("Menandatangani surat 3", None)]  # numbers set aside
    docs = [_doc("a.docx", "SOP Cuti Tahunan", steps=STEPS),
            _doc("b.docx", "SOP Cuti Sakit", steps=changed),
            _doc("c.docx", "SOP Lain", steps=STEPS[:2])]
    found = _run("SET005", docs)
    assert [_files(v) for v in found] == [["a.docx", "b.docx"]]


def test_set005_is_silent_on_copies_with_one_title_and_on_different_steps() -> None:
    docs = [_doc("a.docx", "SOP Cuti", steps=STEPS), _doc("b.docx", "SOP Cuti", steps=STEPS),
            _doc("c.docx", "SOP Izin", steps=[*STEPS[:2], ("Mengarsipkan berkas", None)])]
    assert _run("SET005", docs) == []


def test_set005_reports_copies_with_a_step_changed_and_not_what_only_common_steps_join(
) -> None:
    ten = [(f"Memeriksa berkas jenis {word}", None) for word in
           ("a", "b", "c", "d", "e", "f", "g", "h", "i", "j")]
    changed = [*ten[:9], ("Mengarsipkan berkas", None)]
    docs = [_doc("a.docx", "SOP Cuti Tahunan", steps=ten),
            _doc("b.docx", "SOP Cuti Sakit", steps=changed),
            _doc("c.docx", "SOP Lain", steps=ten[:5] + [(f"Lain {n}", None) for n in "vwxyz"])]
    (found,) = _run("SET005", docs)
    assert _files(found) == ["a.docx", "b.docx"]
    assert "81%" in found.message.speak("en")
    common = [("Mulai", None), ("Menerima berkas", None), ("Selesai", None)]
    many = [_doc(f"{n}.docx", f"SOP {n}", steps=[*common, (f"Kegiatan {n}", None)])
            for n in range(60)]  # the common steps are in every SOP: no sign of a copy
    assert _run("SET005", many) == []


def test_every_set_rule_is_documented_in_both_languages() -> None:
    from soplint.rule import translated_doc

    for rule in registered_set_rules().values():
        assert "## What it does" in rule.doc and "## References" in rule.doc, rule.code
        indonesian = translated_doc(rule.messages, rule.code, rule.doc, "id")
        assert "## Apa yang diperiksa" in indonesian and "## Rujukan" in indonesian, rule.code


def test_soplint_rule_prints_a_set_rule_in_either_language(
        capsys: pytest.CaptureFixture[str]) -> None:
    from soplint.cli import main

    assert main(["rule", "SET001", "--lang", "id"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("SET001 duplicate-sop-number  tingkat=kesalahan")
    assert "## Apa yang diperiksa" in text and "## Rujukan\n- [1] " in text
    assert main(["rule", "near-duplicate-sop"]) == 0
    assert "## What it does" in capsys.readouterr().out
