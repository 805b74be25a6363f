"""SET001: two or more SOPs of the set carry the same Nomor SOP."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from soplint.setrule import SetSummary, SetViolation, set_rule

from ._messages import MESSAGES
from ._set_common import filled, groups, listed, names, normal


@set_rule("SET001", "duplicate-sop-number", category="identity", severity="error",
          messages=MESSAGES)
def duplicate_number(summaries: Sequence[SetSummary]) -> Iterable[SetViolation]:
    """Two or more SOPs of the set carry the same Nomor SOP (document number).

    ## What it does
    Compares the Nomor SOP (SOP AP identity) or Document ID (English SOPs) of every
    document of the audit, ignoring case, spacing and punctuation ("800/12/SOP/2023" =
    "800 / 12 / SOP / 2023"). Each group of documents sharing a number is one finding on
    every document of the group, naming all of them. Empty and placeholder numbers ("-")
    are left to IDN002.

    ## Why is this bad?
    The number is how a regulation, a Keterkaitan entry or an evaluation refers to an SOP.
    Permenpan RB 35/2012 gives each SOP its own number in the identity block [1]; two SOPs
    with one number make every such reference ambiguous, and usually mean a copy was
    re-titled without being renumbered.

    ## Example
    Indonesian: "SOP Penerimaan Surat" and "SOP Pengiriman Surat" both numbered
    "800/01/SOP/2023".

    English: two procedures both with Document ID "QA-SOP-004".

    ## Use instead
    Indonesian: renumber one of them ("800/02/SOP/2023"), or withdraw the copy.

    English: give the second procedure its own ID ("QA-SOP-005").

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: bagian identitas, unsur
      prosedur.
      https://text-id.123dok.com/document/eqol1vmjq-bagian-identitas-unsur-prosedur.html
    """
    keyed = ((normal(s.nomor) if filled(s.nomor) else "", s) for s in summaries)
    for group in groups(keyed):
        yield SetViolation(
            message=MESSAGES.text("SET001.message", number=group[0].nomor.strip(),
                                  count=len(group), documents=listed(group)),
            suggestion=MESSAGES.text("SET001.suggestion"),
            documents=tuple(group), words=(group[0].nomor.strip(), *names(group)))
