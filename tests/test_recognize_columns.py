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
