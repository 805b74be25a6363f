"""IDN002: an identity field that is present but empty or a placeholder."""

from __future__ import annotations

from collections.abc import Iterable

from soplint.i18n import Message
from soplint.model import Field, Sop
from soplint.recognize.identity import PERMENPAN_FIELDS
from soplint.rule import RuleContext, Severity, Violation, rule

from ._idn_common import PERMENPAN_LABELS, is_dash, is_empty, placeholder
from ._messages import MESSAGES

# Fields for which "-" is a valid value: no revision yet, no related SOP.
_DASH_ALLOWED = frozenset({"tanggal_revisi", "keterkaitan"})
# Document-control fields of other SOPs (English and Indonesian), checked when printed.
_CONTROL_FIELDS = ("document_id", "nomor", "version", "effective_date", "tanggal_efektif",
                   "approved_by", "disahkan_oleh", "review_date")


@rule("IDN002", "identity-field-empty", category="identity", severity="error", messages=MESSAGES)
def identity_field_empty(sop: Sop, ctx: RuleContext) -> Iterable[Violation]:
    """An identity field is present but empty, "-" or a template placeholder.

    ## What it does
    Reports each identity field whose value is empty, only a dash, or holds a
    template placeholder ("{{nama_sop}}", "{nip}", "{% ... %}", "…", "xxx", "*****",
    "[isi]", "TBD"). Allowed: "-" as Tanggal Revisi on a first issue (Permenpan: the
    revision date or "-") and "-" as Keterkaitan (no related SOP). An empty Tanggal Revisi
    cell is a warning, not an error: the fix is only to write "-" when there was no
    revision. In other SOPs (profile `generic`) the document-control fields the document
    prints are checked the same way ("SOP No.:", "Revision No.:", "Effective Date:",
    "Approved By:", "Review Date:", "Nomor:", "Tanggal Efektif:", "Disahkan oleh:" left
    blank), as warnings: no regulation fixes their list.

    ## Why is this bad?
    An empty or placeholder field is as good as a missing one: the SOP cannot be
    identified, dated or traced to its legal basis [1][2]. Placeholders are typical of
    documents generated from templates and never filled in.

    ## Example
    Indonesian: "Dasar Hukum: -", "Nomor SOP: {{nomor_sop}}", "Tgl. Efektif: …".

    English: "SOP No.:" and "Approved By:" left blank in the document-control block.

    ## Use instead
    Indonesian: "Dasar Hukum: 1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan
    Publik", "Nomor SOP: 800/101/SOP/SETDA/2024", "Tgl. Efektif: 20 Mei 2024".

    English: "SOP No.: QA-SOP-014", "Approved By: R. Lim, Head of QA, 3 March 2025".

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
    permenpan = ctx.profile == "permenpan"
    for key in PERMENPAN_FIELDS if permenpan else _CONTROL_FIELDS:
        found = sop.meta.get(key)
        if found is None:
            continue
        problem = _problem(key, found.value)
        if problem is not None:
            yield _violation(key, found, problem, permenpan)


def _problem(key: str, value: str) -> str | None:
    """"empty", "dash", the placeholder text, or None when the value is filled."""
    if is_empty(value):
        return "empty"
    if is_dash(value):
        return None if key in _DASH_ALLOWED else "dash"
    return placeholder(value)


def _describe(problem: str) -> tuple[Message, tuple[str, ...]]:
    """What is wrong with the value, and the words to highlight."""
    if problem == "empty":
        return MESSAGES.text("IDN002.empty"), ()
    if problem == "dash":
        return MESSAGES.text("IDN002.dash"), ("-",)
    return MESSAGES.text("IDN002.placeholder", placeholder=problem), (problem,)


def _violation(key: str, found: Field, problem: str, permenpan: bool) -> Violation:
    label = PERMENPAN_LABELS[key] if permenpan else found.label.rstrip(" :")
    what, words = _describe(problem)
    revision = key == "tanggal_revisi" and problem == "empty"
    if revision:
        suggestion = MESSAGES.text("IDN002.revision-suggestion")
    else:
        suggestion = MESSAGES.text("IDN002.suggestion", label=label)
    return Violation(
        message=MESSAGES.text("IDN002.message", label=label, what=what),
        suggestion=suggestion, where=found.where, words=words, part=f"identity.{key}",
        severity=Severity.WARNING if revision or not permenpan else None)
