"""Reader: tables, logical cells, merges, grid, header rows, table size."""

from __future__ import annotations

from soplint.limits import LIMITS
from soplint.reader import read_docx
from soplint.tree import Table, Where
from tests.test_reader_build import build_docx, cell, para, table


def only_table(body: str) -> Table:
    """The first body block, which must be a table."""
    block = read_docx(build_docx(body)).body[0]
    assert isinstance(block, Table)
    return block


def layout(tbl: Table) -> list[list[tuple[int, int, int, str]]]:
    """(column, span, row_span, text) of every cell, row by row."""
    return [[(c.column, c.span, c.row_span, c.text) for c in row.cells] for row in tbl.rows]


def test_grid_in_emu_and_cell_where() -> None:
    tbl = only_table(table([cell("a") + cell("b") + cell("c")]))
    assert tbl.grid == (635_000, 1_270_000, 1_905_000)
    assert tbl.columns == 3
    assert tbl.rows[0].cells[2].where == Where("document", table=0, row=0, column=2)


def test_grid_span_and_vertical_merge() -> None:
    rows = [
        cell("No", '<w:vMerge w:val="restart"/>') + cell("Pelaksana", '<w:gridSpan w:val="2"/>'),
        cell("", "<w:vMerge/>") + cell("Kasi") + cell("Staf"),
        cell("", '<w:vMerge w:val="continue"/>') + cell("x") + cell("y"),
        cell("1") + cell("p") + cell("q"),
    ]
    tbl = only_table(table(rows))
    assert layout(tbl) == [
        [(0, 1, 3, "No"), (1, 2, 1, "Pelaksana")],
        [(1, 1, 1, "Kasi"), (2, 1, 1, "Staf")],
        [(1, 1, 1, "x"), (2, 1, 1, "y")],
        [(0, 1, 1, "1"), (1, 1, 1, "p"), (2, 1, 1, "q")],
    ]
    assert tbl.rows[1].cell_at(0) is None
    assert tbl.rows[0].cell_at(2) is tbl.rows[0].cells[1]


def test_text_of_a_merged_away_cell_moves_to_the_top_cell() -> None:
    rows = [cell("top", '<w:vMerge w:val="restart"/>'), cell("more", "<w:vMerge/>")]
    tbl = only_table(table(rows, widths=(1000,)))
    assert layout(tbl) == [[(0, 1, 2, "top\nmore")], []]


def test_legacy_horizontal_merge() -> None:
    rows = [cell("wide", '<w:hMerge w:val="restart"/>') + cell("", "<w:hMerge/>") + cell("z")]
    assert layout(only_table(table(rows))) == [[(0, 2, 1, "wide"), (2, 1, 1, "z")]]


def test_grid_before_and_after_skip_columns() -> None:
    body = ('<w:tbl><w:tblGrid><w:gridCol w:w="100"/><w:gridCol w:w="100"/>'
            '<w:gridCol w:w="100"/></w:tblGrid>'
            '<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>'
            + cell("mid") + "</w:tr><w:tr>" + cell("a") + cell("b") + cell("c") +
            "</w:tr></w:tbl>")
    assert layout(only_table(body)) == [
        [(1, 1, 1, "mid")], [(0, 1, 1, "a"), (1, 1, 1, "b"), (2, 1, 1, "c")]]


def test_header_rows_and_rows_inside_content_controls() -> None:
    body = ('<w:tbl><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>'
            "<w:tr><w:trPr><w:tblHeader/></w:trPr>" + cell("Kegiatan") + "</w:tr>"
            '<w:tr><w:trPr><w:tblHeader w:val="false"/></w:trPr>' + cell("1") + "</w:tr>"
            "<w:sdt><w:sdtContent><w:tr>" +
            "<w:sdt><w:sdtContent>" + cell("2") + "</w:sdtContent></w:sdt></w:tr>"
            "</w:sdtContent></w:sdt></w:tbl>")
    tbl = only_table(body)
    assert [row.header for row in tbl.rows] == [True, False, False]
    assert layout(tbl) == [[(0, 1, 1, "Kegiatan")], [(0, 1, 1, "1")], [(0, 1, 1, "2")]]
    assert [row.index for row in tbl.rows] == [0, 1, 2]


def test_paragraphs_in_cells_carry_cell_position_and_index() -> None:
    body = para("before") + table([cell(para("a1") + para("a2")) + cell("b")]) + para("after")
    paragraphs = list(read_docx(build_docx(body)).paragraphs())
    assert [(p.text, p.where) for p in paragraphs] == [
        ("before", Where("document", 0)),
        ("a1", Where("document", 1, 0, 0, 0)),
        ("a2", Where("document", 2, 0, 0, 0)),
        ("b", Where("document", 3, 0, 0, 1)),
        ("after", Where("document", 4)),
    ]


def test_a_table_longer_than_the_row_limit_is_read_up_to_it() -> None:
    limit = LIMITS["rows"]
    rows = [cell(str(i)) + cell(f"Langkah {i}") for i in range(limit + 10)]
    document = read_docx(build_docx(table(rows, widths=(500, 4000))))
    tbl = document.body[0]
    assert isinstance(tbl, Table) and len(tbl.rows) == limit
    last = tbl.rows[-1].cells[1]
    assert last.text == f"Langkah {limit - 1}"
    assert last.where == Where("document", table=0, row=limit - 1, column=1)
    assert document.cut == (("rows", limit),)
