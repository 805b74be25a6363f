"""IDN003: an identity date that cannot be read, does not exist, or is out of order."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from soplint.model import Field, Sop
from soplint.rule import RuleContext, Violation, rule

from ._dates import DateError, parse_date
from ._idn_common import PERMENPAN_LABELS, unfilled
from ._messages import MESSAGES

_DATE_FIELDS = ("tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif")


@rule("IDN003", "invalid-date", category="identity", severity="error",
      profiles=("permenpan",), messages=MESSAGES)
def invalid_date(sop: Sop, ctx: RuleContext) -> Iterable[Violation]:
    """A date of the identity block is unreadable, impossible, or before Tanggal Pembuatan.

    ## What it does
    Reads Tanggal Pembuatan, Tanggal Revisi and Tanggal Efektif. Accepted forms: "19
    Agustus 2024" (Indonesian or English month names, common abbreviations such as "Agt",
    "Okt", "Des"), "12-02-2024", "12/02/2024", "12.02.2024" (day first), "2024-02-12".
    Reports:

    * a value with digits in which no date can be read ("Agustus 2024", "2024");
    * an impossible date ("31-02-2024", "12-13-2024");
    * Tanggal Efektif before Tanggal Pembuatan, and Tanggal Revisi before Tanggal
      Pembuatan (a revision or planned review date may lie in the future).

    Values without any digit (empty, "-", placeholders) are left to IDN002.

    ## Why is this bad?
    Permenpan RB 35/2012 defines Tanggal Pembuatan as the date the SOP was finished,
    Tanggal Efektif as the date it takes effect (when it is signed) and Tanggal Revisi as
    the revision or planned review date [1]: an SOP cannot take effect, or be revised,
    before it exists. An unreadable date cannot be checked at all.

    ## Example
    Indonesian: "Tgl. Pembuatan: 31-02-2024"; "Tgl. Pembuatan: 5 Februari 2023, Tgl.
    Efektif: 1 Januari 2023".

    English: n/a (SOP AP is Indonesian).

    ## Use instead
    Indonesian: "Tgl. Pembuatan: 5 Februari 2023", "Tgl. Efektif: 19 Februari 2023".

    English: n/a.

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: bagian identitas, unsur
      prosedur.
      https://text-id.123dok.com/document/eqol1vmjq-bagian-identitas-unsur-prosedur.html
    """
    dates: dict[str, dt.date] = {}
    for key in _DATE_FIELDS:
        found = sop.meta.get(key)
        if found is None or unfilled(found.value) or not re.search(r"\d", found.value):
            continue
        try:
            dates[key] = parse_date(found.value)
        except DateError as error:
            yield _unreadable(key, found, error.impossible)
    made = dates.get("tanggal_pembuatan")
    for key in ("tanggal_efektif", "tanggal_revisi"):
        if made is not None and key in dates and dates[key] < made:
            yield _too_early(key, sop.meta[key], dates[key], made)


def _unreadable(key: str, found: Field, impossible: bool) -> Violation:
    label = PERMENPAN_LABELS[key]
    value = found.value.strip()
    if impossible:
        message = MESSAGES.text("IDN003.impossible", label=label, value=value)
    else:
        message = MESSAGES.text("IDN003.unreadable", label=label, value=value)
    return Violation(
        message=message,
        suggestion=MESSAGES.text("IDN003.unreadable-suggestion"),
        where=found.where, words=(value,), part=f"identity.{key}")


def _too_early(key: str, found: Field, date: dt.date, made: dt.date) -> Violation:
    label = PERMENPAN_LABELS[key]
    return Violation(
        message=MESSAGES.text("IDN003.too-early", label=label, date=date, made=made),
        suggestion=MESSAGES.text("IDN003.too-early-suggestion", label=label),
        where=found.where, words=(found.value.strip(),), part=f"identity.{key}")
