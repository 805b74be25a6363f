"""Tracing a PDF page's arrows between flowchart symbols (soplint.reader.pdf.symbols), on
geometry built here: arrows drawn as open paths, as small pictures with the head inside the
picture, without a head, or so short that the head touches both symbols; and a box drawn as
its own one-cell ruled grid inside the flowchart table."""

from __future__ import annotations

from soplint.reader.pdf.grid import find_grids
from soplint.reader.pdf.page import Box, Outline, Polyline, Segment
from soplint.reader.pdf.symbols import Link, Symbol, find_links
from soplint.tree import ShapeKind


def _box(x0: float, top: float) -> Symbol:
    return Symbol(ShapeKind.PROCESS, "flowChartProcess", Box(x0, top, x0 + 40, top + 15))


def _diamond(x0: float, top: float) -> Symbol:
    return Symbol(ShapeKind.DECISION, "flowChartDecision", Box(x0, top, x0 + 40, top + 24))


def _head(x: float, y: float) -> Outline:
    """A filled triangle pointing down with its tip at (x, y)."""
    points = ((x - 2, y - 4), (x + 2, y - 4), (x, y), (x - 2, y - 4))
    return Outline(Box(x - 2, y - 4, x + 2, y), points, True, False, 0.0, 1, False)


def _pairs(links: list[Link]) -> list[tuple[int, int]]:
    return sorted((k.source, k.target) for k in links)


def test_an_arrow_drawn_as_a_picture_runs_down_the_page() -> None:
    symbols = [_box(100, 100), _box(100, 160)]
    picture = Box(118, 115, 122, 160)  # the shaft and its head are pixels of one picture
    assert _pairs(find_links(symbols, [], [], [picture])) == [(0, 1)]


def test_a_headless_arrow_enters_a_decision_at_its_top_corner_and_leaves_by_the_others(
) -> None:
    above, decision = _box(100, 100), _diamond(100, 160)
    into_top = Box(119, 115, 121, 160)  # from the box down to the diamond's top corner
    out_right = Box(140, 105, 160, 173)  # from the right corner up to the box's side
    assert _pairs(find_links([above, decision], [], [], [into_top])) == [(0, 1)]
    assert _pairs(find_links([above, decision], [], [], [out_right])) == [(1, 0)]


def test_pictures_whose_boxes_overlap_are_two_arrows() -> None:
    symbols = [_box(100, 100), _box(160, 160), _box(100, 220)]
    first = Box(140, 105, 182, 160)  # box 0 right side, over and down into box 1
    second = Box(118, 166, 162, 220)  # box 1 left side, over and down into box 2
    assert Box(137, 102, 185, 163).meets(Box(115, 163, 165, 223))  # each grown by the reach
    assert _pairs(find_links(symbols, [], [], [first, second])) == [(0, 1), (1, 2)]


def test_a_short_arrow_points_at_the_symbol_its_head_is_nearer() -> None:
    upper, lower = _box(100, 100), _box(100, 121)
    shaft = Box(119.6, 115, 120.4, 117)
    head = _head(120, 121)  # touches both boxes, grown by the reach
    assert _pairs(find_links([upper, lower], [head], [shaft])) == [(0, 1)]


def test_an_elbow_drawn_as_one_open_path_meets_only_what_its_lines_meet() -> None:
    # step 0 down and right into the decision's left corner; the decision's top corner up
    # and left back into step 0's right side: their bounding boxes overlap, their lines not
    step, decision = _box(100, 100), _diamond(300, 160)
    forward = Polyline(((120, 115), (120, 172), (297, 172)), Box(120, 115, 297, 172))
    back = Polyline(((320, 160), (320, 107), (144, 107)), Box(144, 107, 320, 160))
    heads = [Outline(Box(296, 170, 300, 174), ((296, 170), (300, 172), (296, 174)), True,
                     False, 0.0, 1, False),
             Outline(Box(140, 105, 144, 109), ((144, 105), (140, 107), (144, 109)), True,
                     False, 0.0, 2, False)]
    pieces = [*forward.pieces, *back.pieces]
    assert _pairs(find_links([step, decision], heads, pieces)) == [(0, 1), (1, 0)]


def _rules(x0: float, top: float, x1: float, bottom: float) -> list[Segment]:
    return [Segment(True, top, x0, x1), Segment(True, bottom, x0, x1),
            Segment(False, x0, top, bottom), Segment(False, x1, top, bottom)]


def test_a_box_drawn_as_a_one_cell_grid_inside_a_table_is_no_table() -> None:
    table = _rules(50, 50, 450, 250)
    table += [Segment(False, 150, 50, 250), Segment(False, 300, 50, 250),
              Segment(True, 100, 50, 450)]
    box = _rules(170, 130, 235, 158)  # a filled ring's outer rectangle, in a lane
    grids = find_grids([*table, *box])
    assert [(g.xs[0], g.xs[-1]) for g in grids] == [(50, 450)]


def test_an_elbow_drawn_as_a_thin_filled_l_meets_only_what_its_sides_meet() -> None:
    # from the decision's right corner, right and down into the box below; a third box sits
    # inside the corner of the L, where its bounding box would meet it too
    decision, below, inside = _diamond(100, 100), _box(200, 200), _box(150, 150)
    points = ((140, 111.5), (221, 111.5), (221, 200), (219, 200), (219, 112.5), (140, 112.5))
    elbow = Outline(Box(140, 111.5, 221, 200), points, True, False, 0.0, 1, False)
    head = _head(220, 200)
    assert _pairs(find_links([decision, below, inside], [elbow, head], [])) == [(0, 1)]
