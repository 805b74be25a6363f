"""Procedures written as prose the ways drafters write them: each step a paragraph that opens
with its performer ("Perawat melakukan anamnesa ..."); each test builds a small document here
and checks the steps and actors a careful reader sees."""

from __future__ import annotations

from soplint.model import Sop
from tests.test_reader_build import listed, para
from tests.test_recognize_outline import heading, load, steps

PUSKESMAS = (heading("Pengertian") + para("Pemeriksaan umum adalah pelayanan pemeriksaan pasien.")
             + heading("Tujuan") + para("Sebagai acuan pemeriksaan pasien umum.")
             + heading("Kebijakan")
             + para("Kepala Puskesmas menetapkan kebijakan pelayanan pasien umum.")
             + para("Petugas wajib mencuci tangan sebelum melayani pasien."))
UNITS = heading("Unit Terkait") + para("Pendaftaran, Apotek")


def actors(sop: Sop) -> list[str | None]:
    return [s.actors[0] if s.actors else None for s in sop.steps]


def test_paragraphs_that_open_with_their_performer_are_steps() -> None:
    sop = load(PUSKESMAS, heading("Langkah-langkah"),
               para("Berikut langkah-langkah pemeriksaan pasien umum:"),
               para("Petugas pendaftaran mencatat identitas pasien di buku register."),
               para("Perawat melakukan anamnesa dan memeriksa tanda vital pasien."),
               para("Dokter memeriksa pasien dan menegakkan diagnosa."), UNITS)
    assert steps(sop) == [
        ("1", "Petugas pendaftaran mencatat identitas pasien di buku register."),
        ("2", "Perawat melakukan anamnesa dan memeriksa tanda vital pasien."),
        ("3", "Dokter memeriksa pasien dan menegakkan diagnosa.")]
    assert actors(sop) == ["Petugas pendaftaran", "Perawat", "Dokter"]


def test_an_opening_sentence_before_such_paragraphs_is_no_step() -> None:
    sop = load(PUSKESMAS, heading("Prosedur"),
               para("Prosedur ini dilaksanakan oleh petugas pendaftaran dan perawat."),
               para("Petugas pendaftaran mencatat identitas pasien di buku register."),
               para("Perawat memeriksa tanda vital pasien."), UNITS)
    assert actors(sop) == ["Petugas pendaftaran", "Perawat"]
    alone = load(PUSKESMAS, heading("Prosedur"),
                 para("Prosedur ini dilaksanakan oleh petugas pendaftaran dan perawat."),
                 para("Petugas pendaftaran mencatat identitas pasien di buku register."),
                 para("Catatan: pasien lansia didahulukan."), UNITS)
    assert steps(alone) == []  # one statement is no run


def test_such_a_paragraph_that_leads_into_a_list_of_data_is_a_step() -> None:
    sop = load(PUSKESMAS, heading("Langkah-langkah"),
               para("Petugas pendaftaran mencatat identitas pasien meliputi:"),
               listed("nama pasien", 2), listed("alamat pasien", 2),
               para("Perawat memanggil pasien."), UNITS)
    assert steps(sop) == [("1", "Petugas pendaftaran mencatat identitas pasien meliputi:"),
                          ("2", "Perawat memanggil pasien.")]


def test_an_english_procedure_in_such_paragraphs_is_read_alike() -> None:
    sop = load(heading("1. Purpose"), para("To describe how the balance is checked."),
               heading("2. Procedure"),
               para("The following steps describe the daily check."),
               para("The technician records the reading in the logbook."),
               para("The supervisor reviews the logbook weekly."))
    assert actors(sop) == ["technician", "supervisor"]
    things = load(heading("1. Purpose"), para("To describe how the balance is checked."),
                  heading("2. Procedure"), para("The balance displays the reading."),
                  para("The following steps describe the daily check."),
                  para("The technician records the reading in the logbook."))
    assert steps(things) == []  # a thing as the subject states no duty


def test_a_role_in_brackets_at_the_end_of_most_steps_is_their_actor() -> None:
    sop = load(heading("1. Procedure"),
               listed("Schedule the induction session. [Training Coordinator]", 1),
               listed("Deliver the training [Trainer].", 1),
               listed("Spin the tube for five minutes (Centrifuge)", 1),
               listed("Verify the records quarterly (QA Auditor)", 1))
    assert actors(sop) == ["Training Coordinator", "Trainer", None, "QA Auditor"]
    sop = load(heading("Langkah-langkah"),
               listed("Mencatat data pasien (Petugas Rekam Medis)", 1),
               listed("Memeriksa tanda vital pasien (Perawat)", 1),
               listed("Menimbang berat badan pasien (Timbangan)", 1))
    assert actors(sop) == ["Petugas Rekam Medis", "Perawat", None]


def test_a_bracket_at_the_end_of_few_steps_is_an_actor_only_when_declared() -> None:
    sop = load(heading("1. Responsibilities"),
               para("Security Officer: issues access badges."),
               para("Lab Technician: prepares the samples."),
               heading("2. Procedure"),
               listed("Hand the samples to the Lab Technician (Security Officer)", 1),
               listed("Mix the sample (Vortex Mixer)", 1),
               listed("Pipette the buffer into the tube.", 1),
               listed("Record the weight (Thermo Fisher)", 1),
               listed("Label the tube with the sample number.", 1),
               listed("Store the tube at 4 degrees.", 1))
    assert actors(sop)[0] == "Security Officer"  # half the steps end with a bracket
    assert "Vortex Mixer" not in actors(sop) and "Thermo Fisher" not in actors(sop)


def test_paragraphs_whose_verb_is_a_bare_root_or_ber_stay_in_the_run() -> None:
    sop = load(PUSKESMAS, heading("Prosedur"),
               para("Pasien datang ke loket pendaftaran."),
               para("Petugas pendaftaran mencatat identitas pasien."),
               para("Pasien duduk di ruang tunggu."),
               para("Perawat memanggil pasien."),
               para("Pasien masuk ke ruang pemeriksaan."),
               para("Dokter berkoordinasi dengan perawat."),
               para("Pasien pulang."), UNITS)
    assert [n for n, _ in steps(sop)] == ["1", "2", "3", "4", "5", "6", "7"]
    assert actors(sop) == ["Pasien", "Petugas pendaftaran", "Pasien", "Perawat", "Pasien",
                           "Dokter", "Pasien"]


def test_a_bare_verb_that_describes_or_qualifies_a_noun_is_no_action() -> None:
    sop = load(PUSKESMAS, heading("Prosedur"),
               para("Pemohon tiba di kantor pelayanan."),
               para("Petugas berangkat ke lokasi pemeriksaan."),
               para("Pegawai pulang pukul 16.00 setiap hari kerja."), UNITS)
    assert steps(sop) == [("1", "Pemohon tiba di kantor pelayanan."),
                          ("2", "Petugas berangkat ke lokasi pemeriksaan.")]
    assert actors(sop) == ["Pemohon", "Petugas"]


def test_the_subject_of_a_bare_verb_in_a_list_is_its_actor() -> None:
    sop = load(PUSKESMAS, heading("Prosedur"),
               listed("Petugas gudang kembali ke ruang administrasi.", 1),
               listed("Barang keluar dari gudang dicatat di kartu stok.", 1), UNITS)
    assert actors(sop) == ["Petugas gudang", None]  # "barang keluar": a noun phrase


def test_a_passive_step_between_such_paragraphs_stays_in_the_run() -> None:
    sop = load(PUSKESMAS, heading("Prosedur"),
               para("Prosedur ini dilaksanakan setiap hari kerja."),
               para("Pemohon tiba di kantor pelayanan."),
               para("Berkas diserahkan kepada petugas loket."),
               para("Petugas loket memeriksa kelengkapan berkas."), UNITS)
    assert [text for _, text in steps(sop)] == [
        "Pemohon tiba di kantor pelayanan.", "Berkas diserahkan kepada petugas loket.",
        "Petugas loket memeriksa kelengkapan berkas."]
    assert actors(sop) == ["Pemohon", None, "Petugas loket"]
    assert [s.form for s in sop.steps] == ["subject", "passive", "subject"]


def test_a_participle_after_an_imperative_s_object_leaves_it_an_instruction() -> None:
    """"Periksa berkas diterima dari pemohon": the passive qualifies the object; only a
    passive right after the opening root makes that root its subject."""
    from soplint.recognize.wording import read_line

    for text in ("Periksa berkas diterima dari pemohon.", "Simpan formulir diisi pemohon."):
        reading = read_line(text, "id")
        assert reading is not None and reading.action and not reading.passive, text
    reading = read_line("Berkas diserahkan kepada petugas loket.", "id")
    assert reading is not None and reading.passive
