"""Lexicon files and the lexicon matcher, on SOP-like sentences."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from soplint.language.lexicon import (
    Entry,
    LexiconMatcher,
    get_matcher,
    lexicon_names,
    load_lexicon,
)

LISTS = (
    "escape-clauses",
    "light-verbs",
    "non-artefact-outputs",
    "open-ended",
    "placeholders",
    "vague-actors",
    "vague-time",
    "vague-verbs",
    "weak-modals",
)


def hits(name: str, lang: str, text: str) -> list[str]:
    """The matched texts, in order."""
    return [m.matched_text for m in get_matcher(name, lang).find(text)]


def terms(name: str, lang: str, text: str) -> list[str]:
    """The entry terms hit, in order."""
    return [m.term for m in get_matcher(name, lang).find(text)]


# --- files -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_list_exists_per_language(lang: str) -> None:
    assert lexicon_names(lang) == LISTS


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name", LISTS)
def test_file_names_its_sources_and_entries_are_usable(name: str, lang: str) -> None:
    text = (resources.files("soplint_rules") / "lexicons" / f"{lang}-{name}.toml").read_text(
        encoding="utf-8"
    )
    assert text.startswith("#")
    assert "Sources:" in text.split("\n\n")[0]
    lexicon = load_lexicon(name, lang)
    assert lexicon.language == lang and lexicon.source and lexicon.entries
    for entry in lexicon.entries:
        if entry.pattern:
            re.compile(entry.term)
        if lexicon.kind == "terms":
            assert entry.suggestion, entry.term
    if lexicon.kind == "light-verb":
        assert lexicon.nouns or lang == "id"


def test_extra_and_removed_entries() -> None:
    lexicon = load_lexicon(
        "vague-time",
        "id",
        extra=("secepat kilat", Entry("nanti", "tulis tanggalnya")),
        removed=("Tepat Waktu",),
    )
    found = {e.term for e in lexicon.entries}
    assert {"secepat kilat", "nanti"} <= found
    assert "tepat waktu" not in found
    matcher = LexiconMatcher(lexicon)
    assert [m.matched_text for m in matcher.find("Mengirim surat secepat kilat.")] == [
        "secepat kilat"
    ]
    assert matcher.find("Membayar tagihan tepat waktu.") == []
    # the shipped lexicon is unchanged
    assert "tepat waktu" in {e.term for e in load_lexicon("vague-time", "id").entries}


def test_matcher_is_built_once_per_lexicon() -> None:
    assert get_matcher("vague-verbs", "id") is get_matcher("vague-verbs", "id")


def test_match_carries_offsets_and_suggestion() -> None:
    text = "Menerima berkas lalu memproses permohonan."
    (match,) = get_matcher("vague-verbs", "id").find(text)
    assert text[match.start_char : match.end_char] == match.matched_text == "memproses"
    assert match.term == "memproses"
    assert "mencatat" in match.suggestion
    assert match.confidence == "high"


# --- Indonesian --------------------------------------------------------------------------


def test_id_vague_verbs_match_active_and_passive_forms() -> None:
    text = "Memproses permohonan; berkas diproses oleh staf dan ditindaklanjuti oleh Kabag."
    assert hits("vague-verbs", "id", text) == ["Memproses", "diproses", "ditindaklanjuti"]


def test_id_vague_verbs_skip_nouns_of_the_same_root() -> None:
    text = "Proses pengelolaan arsip oleh Pelaksana; pelaksanaan rapat."
    assert hits("vague-verbs", "id", text) == []


def test_id_vague_verbs_ignore_concrete_verbs() -> None:
    text = "Menerima, mencatat dan meneruskan surat ke Kepala Bagian di ruang arsip."
    assert hits("vague-verbs", "id", text) == []


def test_id_non_standard_spelling_form() -> None:
    assert terms("vague-verbs", "id", "Mengkoordinasikan jadwal rapat.") == ["mengoordinasikan"]


def test_id_reduplication_and_preposition_do_not_break_matching() -> None:
    text = "Mengelola berkas-berkas di loket, lalu berkoordinasi di ruang rapat."
    assert hits("vague-verbs", "id", text) == ["Mengelola", "berkoordinasi"]


def test_id_light_verb_suggests_the_verb() -> None:
    matches = get_matcher("light-verbs", "id").find(
        "Melakukan pemeriksaan kelengkapan berkas dan melakukan verifikasi data."
    )
    assert [(m.matched_text, m.suggestion) for m in matches] == [
        ("Melakukan pemeriksaan", "memeriksa"),
        ("melakukan verifikasi", "memverifikasi"),
    ]


def test_id_light_verb_needs_a_nominalisation() -> None:
    assert hits("light-verbs", "id", "Melakukan rapat koordinasi bulanan.") == []


def test_id_vague_time() -> None:
    text = "Meneruskan surat SESEGERA MUNGKIN dan membalas secepatnya."
    assert hits("vague-time", "id", text) == ["SESEGERA MUNGKIN", "secepatnya"]


def test_id_time_words_match_whole_words_only() -> None:
    # exact mode: a derived noun sharing the root is not a vague time word
    assert hits("vague-time", "id", "Penyegeraan proses pelayanan.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Segera setelah berkas diterima, mencatat di buku agenda.",
        "Menyerahkan laporan paling lambat 3 hari kerja.",
        "Membayar paling lambat tanggal 10 setiap bulan.",
    ],
)
def test_id_time_with_trigger_or_number_is_fine(text: str) -> None:
    assert hits("vague-time", "id", text) == []


def test_id_bare_deadline_words_are_hits() -> None:
    text = "Segera meneruskan berkas, paling lambat."
    assert hits("vague-time", "id", text) == ["Segera", "paling lambat"]


def test_id_escape_clauses() -> None:
    text = "Apabila diperlukan, menghubungi pemohon; menambah data sesuai kebutuhan."
    assert hits("escape-clauses", "id", text) == ["Apabila diperlukan", "sesuai kebutuhan"]
    # a real condition with a different verb is not an escape clause
    assert hits("escape-clauses", "id", "Jika memerlukan tanda tangan, meneruskan ke Kabag.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KTP, KK, dll.", ["dll."]),
        ("KTP, KK, dll", ["dll"]),
        ("KTP, KK, dll., lalu diperiksa.", ["dll."]),
        ("KTP, KK, dan lain-lain", ["dan lain-lain"]),
        ("KTP, KK, dsb", ["dsb"]),
        ("Daftar lengkap: KTP dan KK.", []),
    ],
)
def test_id_open_ended(text: str, expected: list[str]) -> None:
    assert hits("open-ended", "id", text) == expected


def test_id_vague_actors() -> None:
    text = "Meneruskan surat ke pihak terkait dan memberi tahu ybs. serta Pemohon."
    assert hits("vague-actors", "id", text) == ["pihak terkait", "ybs."]


@pytest.mark.parametrize("cell", ["Selesai", "Terlaksana", " Dilaksanakan. ", "-", "–"])
def test_id_non_artefact_output_cells(cell: str) -> None:
    assert len(get_matcher("non-artefact-outputs", "id").find(cell)) == 1


@pytest.mark.parametrize("cell", ["Surat undangan", "Surat selesai diketik", "Berita acara"])
def test_id_artefact_output_cells(cell: str) -> None:
    assert get_matcher("non-artefact-outputs", "id").find(cell) == []


def test_id_weak_modals_are_whole_words() -> None:
    matches = get_matcher("weak-modals", "id").find(
        "Pemohon dapat mengambil SK; berkas sebaiknya diarsipkan; mencatat pendapatan."
    )
    assert [(m.matched_text, m.confidence) for m in matches] == [
        ("dapat", "low"),
        ("sebaiknya", "high"),
    ]


def test_id_placeholders() -> None:
    text = "Nomor SOP: xxx/TBD/2024, ditandatangani oleh {{nama_pejabat}} pada [isi tanggal]."
    assert hits("placeholders", "id", text) == ["xxx", "TBD", "{{nama_pejabat}}", "[isi tanggal]"]


def test_id_placeholders_leave_tbc_and_references_alone() -> None:
    # TBC is tuberkulosis in Indonesian health SOPs; [1] is a reference
    assert hits("placeholders", "id", "Memeriksa dahak pasien TBC sesuai pedoman [1].") == []


# --- English -----------------------------------------------------------------------------


def test_en_vague_verbs_match_inflections_via_lemma() -> None:
    text = "Process the ticket. Requests are processed daily and handled by IT."
    assert hits("vague-verbs", "en", text) == ["Process", "processed", "handled"]


def test_en_vague_verbs_skip_nouns() -> None:
    text = "Follow the process described in Annex A; contact technical support."
    assert hits("vague-verbs", "en", text) == []


def test_en_vague_verbs_in_a_list_of_nouns_are_nouns() -> None:
    text = ("Collect file signatures, process names, services and hashes, processes, URLs.")
    assert hits("vague-verbs", "en", text) == []
    clauses = "Open the valve, process the form, then ensure it is closed."
    assert hits("vague-verbs", "en", clauses) == ["process", "ensure"]


def test_en_a_verb_joined_by_and_to_a_verb_before_it_is_a_verb() -> None:
    assert hits("vague-verbs", "en", "Chatbot receives and processes the query") == [
        "processes"]
    assert hits("vague-verbs", "en", "Check the logs and processes list") == []
    assert hits("vague-verbs", "en", "Sales and process owners meet weekly") == []


def test_en_ensure_does_not_match_insure() -> None:
    assert hits("vague-verbs", "en", "Insure the shipment with the carrier.") == []
    assert hits("vague-verbs", "en", "QA shall ensure compliance.") == ["ensure"]


def test_en_multiword_verbs() -> None:
    text = "Follow up with the requester. The clerk dealt with the complaint; follow-up."
    assert terms("vague-verbs", "en", text) == ["follow up", "deal with", "follow up"]


def test_en_light_verbs() -> None:
    matches = get_matcher("light-verbs", "en").find(
        "Conduct a review of the batch record. Performed an inspection of the line."
    )
    assert [(m.matched_text, m.suggestion) for m in matches] == [
        ("Conduct a review", "review"),
        ("Performed an inspection", "inspect"),
    ]
    assert hits("light-verbs", "en", "Make a copy of the form.") == []


def test_en_vague_time_and_immediately_is_fine() -> None:
    text = "Respond promptly, ASAP, in a timely manner. Immediately rinse the eye."
    assert hits("vague-time", "en", text) == ["promptly", "ASAP", "in a timely manner"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ID, passport, etc.", ["etc."]),
        ("ID, passport, etc", ["etc"]),
        ("including but not limited to ID and passport", ["including but not limited to"]),
        ("ID and passport.", []),
    ],
)
def test_en_open_ended(text: str, expected: list[str]) -> None:
    assert hits("open-ended", "en", text) == expected


def test_en_vague_actors_singular_and_plural() -> None:
    text = "Notify relevant stakeholders; inform the relevant stakeholder."
    assert hits("vague-actors", "en", text) == ["relevant stakeholders", "relevant stakeholder"]


def test_en_escape_clauses() -> None:
    text = "If necessary, repeat the test where possible, as appropriate."
    expected = ["If necessary", "where possible", "as appropriate"]
    assert hits("escape-clauses", "en", text) == expected


def test_en_non_artefact_output_is_the_whole_cell() -> None:
    matcher = get_matcher("non-artefact-outputs", "en")
    assert len(matcher.find("Done.")) == 1
    assert matcher.find("Completed checklist QA-F-012") == []


def test_en_weak_modals() -> None:
    assert terms("weak-modals", "en", "The operator may verify and should record.") == [
        "may",
        "should",
    ]


def test_en_placeholders() -> None:
    text = "Owner: TBD. Review date: [insert date]. See reference [1]. Total: tbd"
    assert hits("placeholders", "en", text) == ["TBD", "[insert date]"]


def _sentences(name: str, lang: str) -> list[str]:
    """Every spelling of a lexicon's phrases inside a sentence, upper-cased once too."""
    lexicon = load_lexicon(name, lang)
    out = []
    for entry in lexicon.entries:
        if entry.pattern:
            continue
        for spelling in (entry.term, *entry.forms):
            out += [f"Langkah ini {spelling}, lalu selesai.", f"{spelling.upper()} (lihat)"]
    return out


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name", LISTS)
def test_skipping_the_parse_never_loses_a_match(name: str, lang: str) -> None:
    """`find` skips spaCy when no phrase can occur; it must find what a full parse finds."""
    matcher = get_matcher(name, lang)
    for text in _sentences(name, lang):
        full = matcher.find_parsed(matcher.nlp(text), text)
        assert matcher.find(text) == full, text


def test_a_text_without_any_first_word_is_not_parsed() -> None:
    matcher = get_matcher("escape-clauses", "id")
    assert not matcher.needs_parse("Menyusun konsep surat")
    assert matcher.needs_parse("Menyusun konsep surat jika diperlukan")
    assert get_matcher("vague-verbs", "id").needs_parse("Menyusun konsep surat")  # lemma mode


def test_regex_entries_still_match_when_no_phrase_can() -> None:
    matcher = get_matcher("placeholders", "id")
    text = "Nomor surat {{nomor}}"
    assert not matcher.needs_parse(text)
    assert [m.matched_text for m in matcher.find(text)] == ["{{nomor}}"]


def test_rules_of_one_document_share_each_parsed_text() -> None:
    from soplint.rule import RuleContext

    ctx = RuleContext(lang="id")
    text = "Memproses berkas usulan dengan segera"
    ctx.matcher("vague-verbs").find(text)
    parsed = ctx.parsed["id"][text]
    assert [m.matched_text for m in ctx.matcher("vague-time").find(text)] == ["segera"]
    assert ctx.parsed["id"][text] is parsed
    assert RuleContext(lang="id").parsed == {}


def test_vague_quantity_of_a_time_unit() -> None:
    assert hits("vague-time", "en", "Transfer to the incubator for a few minutes.") == [
        "a few minutes"]
    assert hits("vague-time", "en", "Wait several hours, then read the plate") == [
        "several hours"]
    assert hits("vague-time", "en", "Some days the lab is closed; incubate 5 minutes") == []
    assert hits("vague-time", "id", "Menunggu beberapa menit sampai kering") == [
        "beberapa menit"]
    assert hits("vague-time", "id", "Menyusun beberapa laporan harian") == []


def test_periods_without_a_number_and_a_couple_being_two() -> None:
    assert hits("vague-time", "en", "Keep monitoring in the following days.") == [
        "in the following days"]
    assert hits("vague-time", "en", "Report within the next 3 days.") == []
    assert hits("vague-time", "en", "Hold the iron for a couple of seconds.") == []
    assert hits("vague-time", "en", "Wait a few minutes.") == ["a few minutes"]
    assert hits("vague-time", "id", "Melakukan backup data berkala.") == ["berkala"]
    assert hits("vague-time", "id", "Menyusun laporan berkala setiap bulan.") == []
    assert hits("vague-time", "id", "Memeriksa alat secara berkala.") == ["secara berkala"]


def test_durations_without_a_number() -> None:
    assert hits("vague-time", "en", "Centrifuge for a while at 4 C") == ["for a while"]
    assert hits("vague-time", "en", "Incubate overnight in the antibody solution") == []
    assert hits("vague-time", "id", "Diamkan beberapa saat sampai kering") == ["beberapa saat"]


def test_spelling_variants_and_synonyms() -> None:
    assert hits("vague-verbs", "id", "Menindak lanjuti disposisi pimpinan") == [
        "Menindak lanjuti"]
    assert hits("vague-verbs", "id", "Surat ditindak lanjuti oleh staf") == ["ditindak lanjuti"]
    assert hits("escape-clauses", "id", "Menghubungi pemohon jika dibutuhkan") == [
        "jika dibutuhkan"]
