"""Column headers of step tables: roles, and a time unit printed once in the header."""

from __future__ import annotations

import pytest

from soplint.recognize.columns import column_role, time_unit
from soplint.recognize.steptable import header_columns, table_steps
from tests.trees import table


@pytest.mark.parametrize(("header", "role", "unit"), [
    ("Waktu", "time", ""), ("Waktu (menit)", "time", "menit"), ("Time, min", "time", "min"),
    ("Duration [h]", "time", "h"), ("Jangka Waktu (hari kerja)", "time", "hari kerja"),
    ("Output (dokumen)", None, ""), ("Kegiatan", "activity", ""),
])
def test_role_and_unit(header: str, role: str | None, unit: str) -> None:
    assert (column_role(header), time_unit(header)) == (role, unit)


@pytest.mark.parametrize(("header", "role"), [
    ("Task Description", "activity"), ("Procedure Step", "activity"),
    ("Description of Activity", "activity"), ("Action Required", "activity"),
    ("Steps to follow", "activity"), ("Uraian Aktivitas", "activity"),
    ("Kegiatan / Aktivitas", "activity"), ("Responsible Party", "actor"),
    ("Person Responsible", "actor"), ("Pelaksana/PIC", "actor"), ("Jabatan", "actor"),
    ("Petugas Pelaksana", "actor"), ("Timeframe", "time"), ("Standar Waktu", "time"),
    ("Lama Waktu", "time"), ("Time Required", "time"), ("Output/Hasil", "output"),
    ("Record/Form", "output"), ("Formulir", "output"), ("S/N", "number"), ("Sl. No.", "number"),
    ("No. Langkah", "number"), ("Step No.", "number"),
    # names of different things joined, and what is no column role
    ("Input/Output", None), ("Pelaksana / Waktu", None), ("Frequency", None),
    ("Deadline", None), ("Nama Dokumen Lain", None),
])
def test_common_headers_name_their_role(header: str, role: str | None) -> None:
    assert column_role(header) == role


def test_a_step_table_with_common_english_headers_gives_actors_and_times() -> None:
    rows = [["S/N", "Task Description", "Responsible Party", "Timeframe"],
            ["1", "Receive the request form", "Clerk", "1 day"],
            ["2", "Approve the request", "Head of Unit", "2 days"]]
    steps = table_steps(table(rows), header_columns(table(rows)), "")
    assert [(s.number, s.actor, s.time.text if s.time else None) for s in steps] == [
        ("1", "Clerk", "1 day"), ("2", "Head of Unit", "2 days")]


def test_bare_numbers_take_the_header_unit() -> None:
    rows = [["No", "Kegiatan", "Pelaksana", "Waktu (menit)"],
            ["1", "Menerima berkas", "Staf", "15"],
            ["2", "Memeriksa berkas", "Kasubbag", "1 jam"],
            ["3", "Mengarsipkan berkas", "Staf", "segera"]]
    grid = table(rows)
    columns = header_columns(grid)
    assert columns is not None and columns.time_unit == "menit"
    times = [s.time for s in table_steps(grid, columns, "")]
    assert [(t.text, t.minutes) for t in times if t] == [("15", 15.0), ("1 jam", 60.0),
                                                         ("segera", None)]
