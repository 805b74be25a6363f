"""Column headers of step tables: which grid column holds the number, activity, actor, time...

Shared by the Permenpan flowchart recognizer and the generic step-table recognizer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from soplint.tree import Cell, Table, Where

# What an Indonesian activity header names before or after "kegiatan" / "uraian":
# "Deskripsi Kegiatan", "Nama Kegiatan", "Uraian Prosedur". "Tahapan Kegiatan" is a phase
# beside "Uraian Kegiatan"; the flowchart takes it for the activity when it is alone.
_WHAT_IS_DONE_ID = (r"(?:uraian|deskripsi|rincian|nama|langkah|proses|prosedur|tugas|"
                    r"pekerjaan|aktivitas|kegiatan)")
_ROLES: tuple[tuple[str, str], ...] = (
    ("number", r"no\.?|nomor|nomer|#|step|steps? (?:no\.?|number|#)|urutan|no\.? urut|"
               r"s\.? ?/? ?no?\.?|sl\.? ?no\.?|sr\.? ?no\.?|no\.? langkah|"
               r"seq(?:uence)?(?: no\.?)?"),
    ("activity", rf"(?:{_WHAT_IS_DONE_ID}\s+)?(?:kegiatan|aktivitas)|"
                 rf"(?:uraian|deskripsi|rincian)(?:\s+{_WHAT_IS_DONE_ID})?|"
                 r"langkah(?:\s*-\s*langkah|\s+kerja)?|prosedur|proses|"
                 r"activit(?:y|ies)|actions?|descriptions?|steps|procedures?|tasks?|"
                 r"instructions?|main steps|details?|action required|steps to (?:follow|take)|"
                 r"what(?: to do)?|"
                 r"(?:task|procedure|process|activity|work|action)\s+"
                 r"(?:steps?|descriptions?|details?)|"
                 r"descriptions? of (?:the )?(?:activit(?:y|ies)|tasks?|steps?|actions?|work)"),
    ("actor", r"pelaksana(?: kegiatan)?|pic|responsible|responsibility|who|"
              r"penanggung\s*jawab|roles?|owners?|performed by|by|petugas|actor|"
              r"team members?(?:\s*/\s*systems?)?|"
              r"assigned to|assignee|(?:responsible|accountable) (?:party|person|officer|role|unit|"
              r"staff)|persons? responsible|performers?|jabatan|petugas pelaksana|"
              r"pejabat(?: pelaksana)?|unit(?: kerja)? pelaksana"),
    ("phase", r"phases?(?: of [\w -]{1,30})?|stages?|tahap(?:an)?(?:\s+kegiatan)?|fase"),
    ("hours", r"hours?|jam|time \(h\)|\(h\)|h"),
    ("minutes", r"minutes?|menit|time \(m\)|\(m\)|min|m"),
    ("time", r"waktu|times?|durations?|durasi|timeline|jangka waktu|lama|sla|time ?frames?|when|"
             r"(?:standar|target|lama|estimasi) waktu|waktu (?:penyelesaian|pelaksanaan|layanan)|"
             r"(?:estimated |expected )?time (?:required|needed|taken|standard|limit)|"
             r"estimated (?:time|duration)|turnaround(?: time)?"),
    ("output", r"(?:dokumen\s+)?(?:output|keluaran|hasil)(?:\s+kegiatan)?|outputs|records?|"
               r"deliverables?|outcomes?|produk|forms?|formulir"),
    ("inputs", r"(?:kelengkapan|persyaratan|syarat|perlengkapan|peralatan|bahan)"
               r"(?:\s+(?:dokumen|berkas|administrasi))?|(?:dokumen\s+)?(?:input|masukan)|"
               r"inputs|requirements?|prerequisites?"),
    ("note", r"keterangan|ket\.?|notes?|remarks?|helpful hints|hints|comments?|catatan"),
    ("mutu", r"mutu\s+baku|baku\s+mutu|quality standards?"),
    ("yes", r"ya|yes|y"),
    ("no", r"tidak|no|t"),
)
# "<name> (<unit>)", "<name> [<unit>]" or "<name>, <unit>" with a time unit.
_UNIT_HEADER = re.compile(
    r"^(?P<name>[^()\[\],]+?)\s*(?:\(|\[|,)\s*"
    r"(?P<unit>menit|min|mins|minutes?|jam|hours?|hrs?|h|hari(?: kerja)?|days?|"
    r"working days?|detik|sec|seconds?|s)\s*[)\]]?$", re.IGNORECASE)
# One pattern for all roles: alternatives are tried in order, so the first role whose pattern
# matches the whole text wins; the named group says which.
_ROLE = re.compile("(?:" + "|".join(rf"(?P<{role}>{pattern})" for role, pattern in _ROLES)
                   + ")$", re.IGNORECASE)


def _clean(text: str) -> str:
    return " ".join(text.replace("\n", " ").split()).strip(" :.")


def column_role(text: str) -> str | None:
    """The role a header text names ("activity", "actor", "time"...), or None. A time header
    may carry its unit ("Waktu (menit)", "Time, min"): see :func:`time_unit`."""
    clean = _clean(text)
    if not clean or len(clean) > 40:
        return None
    match = _ROLE.match(clean)
    if match:
        return match.lastgroup
    if time_unit(clean):
        return "time"
    return _shared_role(clean)


# "Kegiatan / Aktivitas", "Pelaksana/PIC", "Output & Records": names of one thing joined.
_JOINED = re.compile(r"\s*(?:/|&|\band\b|\bdan\b|\bor\b|\batau\b)\s*", re.IGNORECASE)


def _shared_role(text: str) -> str | None:
    """The role every part of a joined header names, or None when they differ."""
    parts = [part for part in _JOINED.split(text) if part]
    if len(parts) < 2:
        return None
    roles = {match.lastgroup if match else None for match in map(_ROLE.match, parts)}
    return roles.pop() if len(roles) == 1 else None


def time_unit(text: str) -> str:
    """The unit a time header gives its cells ("Waktu (menit)" -> "menit", "Time, min" ->
    "min"), or ""."""
    found = _UNIT_HEADER.match(_clean(text))
    if found is None:
        return ""
    name = _ROLE.match(found.group("name"))
    return found.group("unit") if name and name.lastgroup == "time" else ""


def cells_with_text(table: Table, row: int) -> Iterator[Cell]:
    """The non-empty cells of a row."""
    for cell in table.rows[row].cells:
        if cell.text:
            yield cell


def cell_covering(table: Table, row: int, column: int) -> Cell | None:
    """The cell that covers (row, column), following vertical merges upwards."""
    for r in range(row, -1, -1):
        cell = table.rows[r].cell_at(column)
        if cell is not None and r + cell.row_span > row:
            return cell
        if cell is not None:
            return None
    return None


def cell_wheres(table: Table, row: int, roles: dict[str, int]) -> tuple[tuple[str, Where], ...]:
    """(role, where) of the cell covering each role's column in `row`: what `Step.cells`
    holds, so that a finding can point at the cell it concerns."""
    found = ((role, cell_covering(table, row, column)) for role, column in roles.items())
    return tuple((role, cell.where) for role, cell in found if cell is not None)


def cell_text(table: Table, row: int, column: int | None) -> str | None:
    """Text of the cell covering (row, column), "" when empty, None when there is no column."""
    if column is None:
        return None
    cell = cell_covering(table, row, column)
    return " ".join(cell.text.split()) if cell is not None else ""
