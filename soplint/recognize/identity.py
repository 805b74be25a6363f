"""Identity fields: find "label → value" pairs in tables and paragraphs.

Labels vary ("Tgl.", "Tanggal", "TGL PENGESAHAN", "Pencatatan/Pendataan"), so they are
normalised by case, punctuation, "tgl" → "tanggal" and "/" → "dan" before lookup. A value sits
beside its label, below it (label row over value row), or after it in the same cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from soplint.model import Field
from soplint.tree import Cell, Paragraph, Row, Table

# canonical key -> normalised label spellings
_LABELS: dict[str, tuple[str, ...]] = {
    "nomor": ("nomor sop", "nomor sop ap", "no sop", "nomor", "nomor dokumen", "no dokumen",
              "nomor standar operasional prosedur"),
    "tanggal_pembuatan": ("tanggal pembuatan", "tanggal dibuat", "tanggal penyusunan"),
    "tanggal_revisi": ("tanggal revisi",),
    "tanggal_efektif": ("tanggal efektif", "tanggal pengesahan", "tanggal berlaku",
                        "berlaku tanggal", "tanggal terbit", "mulai berlaku",
                        "tanggal mulai berlaku", "tanggal ditetapkan", "ditetapkan tanggal",
                        "tanggal penetapan", "tanggal disahkan", "disahkan tanggal"),
    "disahkan_oleh": ("disahkan oleh", "pengesahan", "disahkan", "ditetapkan oleh"),
    "nama": ("nama sop", "judul sop", "nama prosedur", "nama standar operasional prosedur"),
    "dasar_hukum": ("dasar hukum", "landasan hukum"),
    "kualifikasi_pelaksana": ("kualifikasi pelaksana", "kualifikasi pelaksanaan"),
    "keterkaitan": ("keterkaitan", "keterkaitan dengan sop lain", "sop terkait"),
    "peralatan": ("peralatan dan perlengkapan", "peralatan", "perlengkapan",
                  "peralatan perlengkapan"),
    "peringatan": ("peringatan",),
    "pencatatan": ("pencatatan dan pendataan", "pencatatan dan pendaftaran", "pencatatan",
                   "pendataan", "pencatatan pendataan"),
    "document_id": ("sop no", "sop number", "document id", "document no", "document number",
                    "doc no", "doc id", "sop id", "reference number"),
    "version": ("version", "revision", "revision no", "revision number", "rev", "versi",
                "revisi", "revisi ke", "no revisi", "nomor revisi"),
    "effective_date": ("effective date", "date effective", "effective"),
    "approved_by": ("approved by", "approval", "approver", "authorized by"),
    "review_date": ("review date", "next review date"),
}
PERMENPAN_FIELDS = ("nomor", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif",
                    "disahkan_oleh", "nama", "dasar_hukum", "kualifikasi_pelaksana",
                    "keterkaitan", "peralatan", "peringatan", "pencatatan")
_LOOKUP = {label: key for key, labels in _LABELS.items() for label in labels}
# Column headers of revision-history and sign-off tables: never the value of a label beside.
_COLUMN_HEADERS = frozenset({
    "date", "tanggal", "description", "deskripsi", "uraian", "change", "changes",
    "perubahan", "uraian perubahan", "author", "oleh", "signature", "tanda tangan", "remarks",
    "keterangan", "status", "page", "halaman", "name", "nama", "position", "jabatan",
})
# (row, column) of each field's label cell -> the field's key
_Labels = Mapping[tuple[int | None, int | None], str]
_PUNCTUATION = re.compile(r"[^\w\s]")
_TGL = re.compile(r"\btgl\b")


def normalise_label(text: str) -> str:
    """Lower case, no punctuation, "tgl" → "tanggal", "/" → "dan", single spaces."""
    text = _PUNCTUATION.sub(" ", text.lower().replace("/", " dan ").replace("&", " dan "))
    if "tgl" in text:
        text = _TGL.sub("tanggal", text)
    return " ".join(text.split())


# Spellings of one label that differ only in wording: "POS" (Prosedur Operasional Standar)
# for "SOP", "SOP AP" for "SOP", the old spelling "syah" for "sah" ("Disyahkan oleh").
_WORDING = ((re.compile(r"\bpos\b"), "sop"), (re.compile(r"\bsop ap\b"), "sop"),
            (re.compile(r"syah"), "sah"))
# Words a label may end with that do not change the field: "Kualifikasi Pelaksana SOP",
# "Tanggal Revisi Terakhir".
_QUALIFIER = re.compile(r"(?:\s+(?:sop|terakhir))+$")


def label_key(text: str) -> str | None:
    """The canonical key of a label, or None when `text` is not a known label. "POS" and
    "SOP AP" read as "SOP", "syah" as "sah", a trailing "SOP" or "terakhir" is left out, and
    the two names of a pair come in either order ("Perlengkapan/Peralatan")."""
    if len(text) > 60:
        return None
    label = normalise_label(text)
    if label in _LOOKUP:
        return _LOOKUP[label]
    for pattern, replacement in _WORDING:
        label = pattern.sub(replacement, label)
    for candidate in dict.fromkeys((label, _QUALIFIER.sub("", label))):
        first, sep, second = candidate.partition(" dan ")
        key = _LOOKUP.get(candidate) or (_LOOKUP.get(f"{second} dan {first}") if sep else None)
        if key is not None:
            return key
    return None


def split_label(text: str) -> tuple[str, str, str] | None:
    """(key, label, value) when a line starts with a known label followed by ":" (or is
    only a label); None otherwise."""
    first, sep, rest = _split_once(text)
    key = label_key(first)
    if key is None:
        return None
    return key, first.strip(), rest.strip() if sep else ""


def _split_once(text: str) -> tuple[str, str, str]:
    """(before, colon, after) around the first ":" or "：", with the spaces around it left
    out; (text, "", "") without one."""
    ascii_colon, wide_colon = text.find(":"), text.find("：")
    colon = ascii_colon if wide_colon < 0 or 0 <= ascii_colon < wide_colon else wide_colon
    if colon < 0:
        return text, "", ""
    return text[:colon].rstrip(), text[colon], text[colon + 1:].lstrip()


def _cell_text(cell: Cell) -> str:
    return cell.text.strip()


def _is_colon(cell: Cell) -> bool:
    return _cell_text(cell) in {":", "："}


def _value_beside(cells: tuple[Cell, ...], index: int) -> Cell | None:
    for cell in cells[index + 1:]:
        if _is_colon(cell):
            continue
        return cell
    return None


def fields_in_table(table: Table) -> dict[str, Field]:
    """Every identity field found in `table`."""
    found: dict[str, Field] = {}
    rows = table.rows
    for r, row in enumerate(rows):
        for c, cell in enumerate(row.cells):
            lines = [line for p in cell.paragraphs() if (line := p.text.strip())]
            if not lines:
                continue
            if _form_block(lines):
                for key, field in _form_fields(lines, cell).items():
                    found.setdefault(key, field)
                continue
            parsed = split_label(lines[0])
            if parsed is None:
                continue
            key, label, value = parsed
            if key in found:
                continue
            rest = "\n".join(lines[1:])
            if value or rest:
                text = "\n".join(t for t in (value, rest) if t)
            else:
                text = _neighbour_value(table, r, c)
            found[key] = Field(label=label, value=text.strip().lstrip(":： ").strip(),
                               where=cell.where)
    return found


def _form_block(lines: list[str]) -> bool:
    """Whether a cell holds several "Label : value" lines (a form in one cell)."""
    return sum(split_label(line) is not None and ":" in line for line in lines) >= 2


def _form_fields(lines: list[str], cell: Cell) -> dict[str, Field]:
    """The fields of a form in one cell: each label line, with the lines after it up to the
    next label as the rest of its value."""
    found: dict[str, Field] = {}
    current: tuple[str, str, list[str]] | None = None
    for line in [*lines, ""]:
        parsed = split_label(line) if line else None
        if line and (parsed is None or ":" not in line):
            if current is not None:
                current[2].append(line)
            continue
        if current is not None and current[0] not in found:
            key, label, values = current
            found[key] = Field(label=label, value="\n".join(values).strip(), where=cell.where)
        current = (parsed[0], parsed[1], [parsed[2]] if parsed[2] else []) if parsed else None
    return found


def _is_label_cell(cell: Cell) -> bool:
    """A known label, or a column header of a register table ("Version | Date | ...")."""
    first = _cell_text(cell).split("\n")[0]
    return split_label(first) is not None or normalise_label(first) in _COLUMN_HEADERS


def _neighbour_value(table: Table, r: int, c: int) -> str:
    """The value beside the label; below it when the cell beside is empty or another label
    (a row of labels over a row of values)."""
    row = table.rows[r]
    beside = _value_beside(row.cells, c)
    if beside is not None and _cell_text(beside) and not _is_label_cell(beside):
        return _cell_text(beside)
    below = table.rows[r + 1].cell_at(row.cells[c].column) if r + 1 < len(table.rows) else None
    if below is not None and not _is_label_cell(below):
        return _cell_text(below)
    return ""


def bottom_fields(table: Table, found: Mapping[str, Field]) -> dict[int, str]:
    """The field each grid column of `table`'s last row belongs to: a label's cell that
    holds its value too, the value beside a label, or a value below one. Columns of a cell
    that belongs to no field are left out."""
    if not table.rows:
        return {}
    labels = {(f.where.row, f.where.column): key for key, f in found.items()
              if f.where is not None}
    last = table.rows[-1]
    owners: dict[int, str] = {}
    for cell in last.cells:
        key = labels.get((cell.row, cell.column))
        if key is None:
            key = _label_left(last, cell, labels) or _label_above(cell, table, labels)
        elif "\n" not in cell.text and not _split_once(cell.text)[2]:
            key = None  # the label alone: its value is beside or below it
        if key is not None:
            owners.update(dict.fromkeys(range(cell.column, cell.column + cell.span), key))
    return owners


def _label_left(row: Row, cell: Cell, labels: _Labels) -> str | None:
    """The field of the label that `cell` is the value beside."""
    for index, left in enumerate(row.cells):
        key = labels.get((left.row, left.column))
        if key is not None and _value_beside(row.cells, index) is cell:
            return key
    return None


def _label_above(cell: Cell, table: Table, labels: _Labels) -> str | None:
    """The field of the label in the row above `cell`, over its first column."""
    row = next((r for r in table.rows if r.index == cell.row - 1), None)
    above = None if row is None else row.cell_at(cell.column)
    return None if above is None else labels.get((above.row, above.column))


def continued_fields(table: Table, owners: Mapping[int, str]) -> dict[str, str]:
    """The text the rows `table` opens with that carry no label add to each field, when
    `table` goes on from a table whose last row's columns belong to the fields `owners`
    names; empty when a cell of those rows falls under no field or under several."""
    added: dict[str, list[str]] = {}
    for row in table.rows:
        if any(split_label(line.strip()) for cell in row.cells for line in cell.text.split("\n")):
            break
        for cell in row.cells:
            if not cell.text or _is_colon(cell):
                continue
            key = owners.get(cell.column)
            if key is None or any(owners.get(column) != key
                                  for column in range(cell.column, cell.column + cell.span)):
                return {}
            added.setdefault(key, []).append(cell.text)
    return {key: "\n".join(lines) for key, lines in added.items()}


def fields_in_paragraphs(paragraphs: Iterable[Paragraph]) -> dict[str, Field]:
    """Identity fields written as "Label: value" lines outside tables. A line with a label
    and no value counts (as empty) only in a form block of two or more label lines
    ("SOP No.:\nRevision No.:\nApproved By:"); a lone "Pengesahan:" may head what follows."""
    found: dict[str, Field] = {}
    for para in paragraphs:
        lines = para.text.split("\n")
        labels = [split_label(line.strip()) for line in lines]
        labelled = len(labels) - labels.count(None)
        if not labelled:
            continue
        form = labelled >= 2
        for line, parsed in zip(lines, labels, strict=True):
            if parsed is None or not (parsed[2] or (form and (":" in line or "：" in line))):
                continue
            key, label, value = parsed
            found.setdefault(key, Field(label=label, value=value, where=para.where))
    return found
