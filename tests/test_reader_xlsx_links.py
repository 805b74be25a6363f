"""Links of an Excel flowchart as a reader follows them: a connector end drawn on a shape but
not glued to it, a flow passing through a pair of off-page connectors, and a Ya/Tidak box
drawn in the row next to its decision."""

from __future__ import annotations

from pathlib import Path

import pytest

import soplint
from soplint.model import Sop
from tests.xlsx_build import FLOW_MERGES, Line, Sheet, Sp, flowchart_rows, workbook

STAF, KEPALA = 2, 3  # the Pelaksana columns of flowchart_rows
FIRST = 2  # the row of step 1
# Sp shapes span x 9525..600000 and y 9525..300000 of their cell; rows are 30 pt (381,000 EMU).
MID_X, TOP_Y, BOTTOM_Y = 304762, 9525, 300000


def _load(tmp_path: Path, rows: list[list[object]], shapes: list[Sp | Line]) -> Sop:
    path = tmp_path / "flow.xlsx"
    path.write_bytes(workbook(Sheet("SOP", rows, FLOW_MERGES, shapes, row_height=30)))
    return soplint.load(path)


def _links(sop: Sop) -> dict[str, set[tuple[str, str | None]]]:
    return {s.number: {(link.to, link.label) for link in s.links} for s in sop.steps}


def _down(id_: int, row: int, column: int, start: int | None = None,
          end: int | None = None) -> Line:
    """A connector from the bottom of the shape in (row, column) to the top of the one below."""
    return Line(id_, (row, column, MID_X, BOTTOM_Y), (row + 1, column, MID_X, TOP_Y),
                start, end)


def test_a_connector_end_drawn_on_a_shape_joins_it(tmp_path: Path) -> None:
    rows = flowchart_rows([("1", "Menerima berkas"), ("2", "Memeriksa berkas"),
                           ("3", "Mengarsipkan berkas")])
    shapes: list[Sp | Line] = [
        Sp(1, FIRST, KEPALA, "flowChartTerminator"), Sp(2, FIRST + 1, KEPALA),
        Sp(3, FIRST + 2, KEPALA, "flowChartTerminator"),
        _down(10, FIRST, KEPALA, start=1, end=2),
        _down(11, FIRST + 1, KEPALA)]  # drawn from 2 to 3, glued at neither end
    sop = _load(tmp_path, rows, shapes)
    assert _links(sop) == {"1": {("2", None)}, "2": {("3", None)}, "3": set()}
    assert not [f for f in soplint.check(sop).findings if f.code in {"LNK003", "LNK004"}]


def test_a_loose_end_far_from_any_shape_joins_nothing(tmp_path: Path) -> None:
    rows = flowchart_rows([("1", "Menerima berkas"), ("2", "Memeriksa berkas"),
                           ("3", "Mengarsipkan berkas")])
    shapes: list[Sp | Line] = [
        Sp(1, FIRST, KEPALA, "flowChartTerminator"), Sp(2, FIRST + 1, KEPALA),
        Sp(3, FIRST + 2, KEPALA, "flowChartTerminator"),
        _down(10, FIRST, KEPALA, start=1, end=2),
        Line(11, (FIRST + 1, STAF, 0, 0), (FIRST + 1, STAF, 50_000, 50_000))]
    assert _links(_load(tmp_path, rows, shapes))["2"] == set()


def test_a_flow_passes_through_a_pair_of_off_page_connectors(tmp_path: Path) -> None:
    rows = flowchart_rows([("1", "Menerima berkas"), ("2", "Memeriksa berkas")])
    continued = [None, None, None, None, None, None, None, "bersambung"]
    rows += [continued, continued]  # the two connectors, in rows of their own
    rows += flowchart_rows([("3", "Mengarsipkan berkas")])[2:]
    p_out, p_in = FIRST + 2, FIRST + 3
    shapes: list[Sp | Line] = [
        Sp(1, FIRST, KEPALA, "flowChartTerminator"), Sp(2, FIRST + 1, KEPALA),
        Sp(21, p_out, KEPALA, "homePlate"), Sp(22, p_in, KEPALA, "homePlate"),
        Sp(3, FIRST + 4, KEPALA, "flowChartTerminator"),
        _down(10, FIRST, KEPALA, start=1, end=2), _down(11, FIRST + 1, KEPALA, 2, 21),
        _down(12, p_in, KEPALA, start=22, end=3)]
    sop = _load(tmp_path, rows, shapes)
    assert [s.number for s in sop.steps] == ["1", "2", "3"]
    assert _links(sop) == {"1": {("2", None)}, "2": {("3", None)}, "3": set()}


def test_off_page_pairs_keep_to_their_own_lane(tmp_path: Path) -> None:
    rows = flowchart_rows([("1", "Menerima berkas"), ("2", "Memeriksa berkas")])
    continued = [None, None, None, None, None, None, None, "bersambung"]
    rows += [continued, continued]
    rows += flowchart_rows([("3", "Mengarsipkan berkas"), ("4", "Menyampaikan berkas")])[2:]
    p_out, p_in = FIRST + 2, FIRST + 3
    shapes: list[Sp | Line] = [
        Sp(1, FIRST, STAF, "flowChartTerminator"), Sp(2, FIRST + 1, KEPALA),
        Sp(21, p_out, STAF, "homePlate"), Sp(22, p_in, STAF, "homePlate"),
        Sp(23, p_out, KEPALA, "homePlate"), Sp(24, p_in, KEPALA, "homePlate"),
        Sp(3, FIRST + 4, KEPALA), Sp(4, FIRST + 5, STAF, "flowChartTerminator"),
        Line(10, (FIRST, STAF, MID_X, BOTTOM_Y), (FIRST + 1, KEPALA, MID_X, TOP_Y), 1, 2),
        _down(11, FIRST + 1, KEPALA, 2, 23), _down(12, p_in, KEPALA, 24, 3),
        Line(13, (FIRST + 4, STAF, MID_X, BOTTOM_Y), (FIRST + 4, KEPALA, MID_X, TOP_Y), 3, 21),
        _down(14, p_in, STAF, 22, 4)]
    links = _links(_load(tmp_path, rows, shapes))
    assert links["2"] == {("3", None)} and links["3"] == {("4", None)}


@pytest.mark.parametrize("label_row", [0, 1])  # the label box above the decision, or in it
def test_a_branch_label_in_the_row_above_its_decision_labels_it(tmp_path: Path,
                                                                label_row: int) -> None:
    rows = flowchart_rows([("1", "Menerima berkas"), ("2", "Memeriksa berkas"),
                           ("3", "Apakah berkas lengkap?"), ("4", "Mengarsipkan berkas")])
    decision = FIRST + 2
    shapes: list[Sp | Line] = [
        Sp(1, FIRST, KEPALA, "flowChartTerminator"), Sp(2, FIRST + 1, KEPALA),
        Sp(3, decision, KEPALA, "diamond"), Sp(4, decision + 1, KEPALA, "flowChartTerminator"),
        Sp(30, decision - 1 + label_row, STAF, text="Tidak"),
        Sp(31, decision, STAF, text="Ya"),
        _down(10, FIRST, KEPALA, 1, 2), _down(11, FIRST + 1, KEPALA, 2, 3),
        _down(12, decision, KEPALA, 3, 4),
        Line(13, (FIRST + 1, STAF, 0, 0), (decision, KEPALA, 0, 0), 3, 2)]
    links = _links(_load(tmp_path, rows, shapes))
    assert links["3"] == {("4", "Ya"), ("2", "Tidak")}


def test_loose_ends_are_left_alone_past_the_comparison_bound(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A drawing of thousands of loose lines would cost a comparison per line and shape: past
    `MAX_GLUE_TESTS` the loose ends stay loose (the glued links still count)."""
    from soplint.reader.xlsx import drawing

    rows = flowchart_rows([("1", "Menerima berkas"), ("2", "Memeriksa berkas"),
                           ("3", "Mengarsipkan berkas")])
    shapes: list[Sp | Line] = [
        Sp(1, FIRST, KEPALA, "flowChartTerminator"), Sp(2, FIRST + 1, KEPALA),
        Sp(3, FIRST + 2, KEPALA, "flowChartTerminator"),
        _down(10, FIRST, KEPALA, start=1, end=2), _down(11, FIRST + 1, KEPALA)]
    monkeypatch.setattr(drawing, "MAX_GLUE_TESTS", 2)
    assert _links(_load(tmp_path, rows, shapes)) == {"1": {("2", None)}, "2": set(),
                                                     "3": set()}
