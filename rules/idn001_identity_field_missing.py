"""IDN001: a Permenpan identity field that the SOP does not have at all."""

from __future__ import annotations

from collections.abc import Iterable

from soplint.model import Sop
from soplint.recognize.identity import PERMENPAN_FIELDS
from soplint.rule import RuleContext, Violation, rule

from ._idn_common import PERMENPAN_LABELS
from ._messages import MESSAGES


@rule("IDN001", "identity-field-missing", category="identity", severity="error",
      profiles=("permenpan",), messages=MESSAGES, summarise_over=1)
def identity_field_missing(sop: Sop, ctx: RuleContext) -> Iterable[Violation]:
    """An identity field required by Permenpan RB 35/2012 is absent.

    ## What it does
    Reports each of the twelve fields of the SOP AP identity block that the document does
    not have (several missing fields are one finding that lists them): Nomor SOP, Tanggal
    Pembuatan, Tanggal Revisi, Tanggal Efektif, Disahkan oleh, Nama SOP, Dasar Hukum,
    Kualifikasi Pelaksana, Keterkaitan, Peralatan/Perlengkapan, Peringatan, Pencatatan dan
    Pendataan. Labels are recognised in their usual variants ("Tgl.", "Pengesahan",
    "Pencatatan/Pendataan"). A field that is present but empty is IDN002's.

    ## Why is this bad?
    The lampiran of Permenpan RB 35/2012 prescribes the identity part of every SOP AP
    [1][2]; an SOP without, say, its Peringatan or Dasar Hukum cannot be evaluated or
    approved as such.

    ## Example
    Indonesian: the identity table has no "Peringatan" row.

    English: n/a (SOP AP is Indonesian; English SOPs are checked by IDN006).

    ## Use instead
    Indonesian: add the row "Peringatan: Apabila SOP ini tidak dilaksanakan, surat keluar
    terlambat sampai kepada instansi tujuan."

    English: n/a.

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: bagian identitas, unsur
      prosedur.
      https://text-id.123dok.com/document/eqol1vmjq-bagian-identitas-unsur-prosedur.html
    - [2] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran hlm. 19–20: dokumen SOP
      AP.
      https://text-id.123dok.com/document/lzgj14x8z-halaman-judul-cover-keputusan-pimpinan-kementerianlembagapemda-daftar-isi-dokumen-sop-ap-penjelasan-singkat-penggunaan.html
    """
    for key in PERMENPAN_FIELDS:
        if key in sop.meta:
            continue
        label = PERMENPAN_LABELS.get(key, key)
        yield Violation(
            message=MESSAGES.text("IDN001.message", label=label),
            suggestion=MESSAGES.text("IDN001.suggestion", label=label),
            words=(label,), part="identity")
