"""Reader: DrawingML and VML shapes, and the decorations left out."""

from __future__ import annotations

from soplint.reader import read_docx
from soplint.tree import Shape, ShapeKind, Where
from tests.test_reader_build import build_docx, cell, para, run, table


def wsp(prst: str = "rect", text: str = "", fill: str = "", ln: str = "", cnv: str = "",
        xfrm: str = "") -> str:
    """A wps:wsp; `fill` is raw fill XML, `ln` raw a:ln content, `cnv` raw cNvCnPr content."""
    box = f"<wps:txbx><w:txbxContent>{para(text)}</w:txbxContent></wps:txbx>" if text else ""
    cnv_xml = f"<wps:cNvCnPr>{cnv}</wps:cNvCnPr>" if cnv else ""
    return (f"<wps:wsp>{cnv_xml}<wps:spPr>{xfrm}<a:prstGeom prst=\"{prst}\"/>{fill}"
            f"<a:ln>{ln}</a:ln></wps:spPr>{box}<wps:bodyPr/></wps:wsp>")


def anchor(content: str, x: int = 100_000, y: int = 200_000, cx: int = 600_000,
           cy: int = 300_000, shape_id: int = 7, name: str = "Shape", inline: bool = False,
           uri: str = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape") -> str:
    """A w:drawing holding `content` in a wp:anchor (or wp:inline)."""
    common = (f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{shape_id}" name="{name}"/>'
              f'<a:graphic><a:graphicData uri="{uri}">{content}</a:graphicData></a:graphic>')
    if inline:
        return f"<w:drawing><wp:inline>{common}</wp:inline></w:drawing>"
    return (f'<w:drawing><wp:anchor><wp:positionH relativeFrom="column"><wp:posOffset>{x}'
            f'</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph">'
            f"<wp:posOffset>{y}</wp:posOffset></wp:positionV>{common}</wp:anchor></w:drawing>")


def shapes_of(body: str) -> list[Shape]:
    """Every shape of every body paragraph, in order."""
    return [s for p in read_docx(build_docx(body)).paragraphs() for s in p.shapes]


def in_run(*drawings: str) -> str:
    """A paragraph whose run holds the given drawing XML."""
    return "<w:p><w:r>" + "".join(drawings) + "</w:r></w:p>"


def test_anchored_flowchart_shape_fields() -> None:
    xml = anchor(wsp("flowChartDecision", "Lengkap?",
                     '<a:solidFill><a:srgbClr val="ffcc00"/></a:solidFill>',
                     xfrm='<a:xfrm flipH="1"><a:off x="0" y="0"/><a:ext cx="1" cy="1"/></a:xfrm>'),
                 shape_id=12, name="Decision 3")
    (shape,) = shapes_of(in_run(xml))
    assert shape.kind is ShapeKind.DECISION
    assert (shape.geometry, shape.text, shape.id, shape.name) == (
        "flowChartDecision", "Lengkap?", "12", "Decision 3")
    assert (shape.x, shape.y, shape.width, shape.height, shape.relative_to) == (
        100_000, 200_000, 600_000, 300_000, "column")
    assert (shape.inline, shape.flip_h, shape.flip_v, shape.fill) == (False, True, False,
                                                                       "FFCC00")
    assert shape.where == Where("document", 0)


def test_kind_mapping() -> None:
    presets = ["flowChartTerminator", "roundRect", "flowChartAlternateProcess", "rect",
               "flowChartProcess", "diamond", "flowChartOffpageConnector", "homePlate",
               "ellipse", "flowChartConnector", "bentConnector3", "curvedConnector2",
               "flowChartDocument"]
    body = in_run(*(anchor(wsp(p, "t"), shape_id=i) for i, p in enumerate(presets)))
    assert [s.kind for s in shapes_of(body)] == [
        ShapeKind.TERMINATOR, ShapeKind.TERMINATOR, ShapeKind.TERMINATOR, ShapeKind.PROCESS,
        ShapeKind.PROCESS, ShapeKind.DECISION, ShapeKind.OFFPAGE, ShapeKind.OFFPAGE,
        ShapeKind.ELLIPSE, ShapeKind.ELLIPSE, ShapeKind.CONNECTOR, ShapeKind.CONNECTOR,
        ShapeKind.OTHER]


def test_connector_glue_and_arrowheads_and_zero_width_line_kept() -> None:
    connector = wsp("straightConnector1", ln='<a:headEnd type="none"/><a:tailEnd type="triangle"/>',
                    cnv='<a:stCxn id="3" idx="2"/><a:endCxn id="4" idx="0"/>')
    both = wsp("line", ln='<a:headEnd type="oval"/><a:tailEnd type="arrow"/>')
    (first, second) = shapes_of(in_run(anchor(connector, cx=0, cy=400_000),
                                       anchor(both, cx=500_000, cy=0)))
    assert first.kind is ShapeKind.CONNECTOR
    assert (first.start, first.end, first.head, first.tail) == ("3", "4", True, False)
    assert (second.head, second.tail, second.width, second.height) == (True, True, 500_000, 0)


def test_alternate_content_counted_once_and_fallback_used_alone() -> None:
    vml = ('<w:pict><v:roundrect id="vml1" style="position:absolute;margin-left:10pt;'
           'margin-top:5pt;width:60pt;height:20pt"><v:textbox><w:txbxContent>'
           + para("Mulai") + "</w:txbxContent></v:textbox></v:roundrect></w:pict>")
    both = ('<mc:AlternateContent><mc:Choice Requires="wps">'
            + anchor(wsp("flowChartTerminator", "Mulai")) +
            f"</mc:Choice><mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent>")
    only_fallback = f"<mc:AlternateContent><mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent>"
    shapes = shapes_of(in_run(both) + in_run(only_fallback))
    assert [(s.geometry, s.text) for s in shapes] == [
        ("flowChartTerminator", "Mulai"), ("roundrect", "Mulai")]
    assert shapes[1].kind is ShapeKind.TERMINATOR


def test_group_children_take_group_offset_and_scale() -> None:
    def child(prst: str, shape_id: int, x: int, y: int, cx: int, cy: int) -> str:
        return (f'<wps:wsp><wps:cNvPr id="{shape_id}" name="c{shape_id}"/><wps:spPr>'
                f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
                f'<a:prstGeom prst="{prst}"/></wps:spPr><wps:txbx><w:txbxContent>'
                f"{para('s' + str(shape_id))}</w:txbxContent></wps:txbx></wps:wsp>")
    nested = ('<wpg:grpSp><wpg:grpSpPr><a:xfrm><a:off x="1000" y="1000"/>'
              '<a:ext cx="2000" cy="2000"/><a:chOff x="0" y="0"/><a:chExt cx="1000" cy="1000"/>'
              "</a:xfrm></wpg:grpSpPr>" + child("ellipse", 3, 100, 100, 4000, 4000)
              + "</wpg:grpSp>")
    group = ('<wpg:wgp><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="200000" cy="200000"/>'
             '<a:chOff x="500" y="500"/><a:chExt cx="20000" cy="20000"/></a:xfrm></wpg:grpSpPr>'
             + child("rect", 2, 500, 10500, 10000, 5000) + nested + "</wpg:wgp>")
    uri = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
    rect, oval = shapes_of(in_run(anchor(group, x=1_000_000, y=2_000_000, uri=uri)))
    assert (rect.id, rect.name, rect.text) == ("2", "c2", "s2")
    assert (rect.x, rect.y, rect.width, rect.height) == (1_000_000, 2_100_000, 100_000, 50_000)
    # nested group: child 100 -> 1000 + 100 * 2 = 1200 outer units -> (1200 - 500) * 10 EMU
    assert (oval.x, oval.y, oval.width, oval.height) == (1_007_000, 2_007_000, 80_000, 80_000)
    assert oval.kind is ShapeKind.ELLIPSE


def test_canvas_shapes_are_read() -> None:
    canvas = ('<wpc:wpc><wpc:bg/><wps:wsp><wps:cNvPr id="9" name="p"/><wps:spPr><a:xfrm>'
              '<a:off x="100000" y="0"/><a:ext cx="300000" cy="200000"/></a:xfrm>'
              '<a:prstGeom prst="flowChartProcess"/></wps:spPr><wps:txbx><w:txbxContent>'
              + para("Proses") + "</w:txbxContent></wps:txbx></wps:wsp></wpc:wpc>")
    uri = "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"
    (shape,) = shapes_of(in_run(anchor(canvas, inline=True, uri=uri)))
    assert (shape.kind, shape.text, shape.inline) == (ShapeKind.PROCESS, "Proses", True)
    assert (shape.x, shape.y, shape.relative_to) == (100_000, 0, "drawing")


def test_vml_shape_type_diamond_with_style_offsets() -> None:
    vml = ('<w:pict><v:shapetype id="_x0000_t4" o:spt="4"/>'
           '<v:shape id="Diamond 4" o:spid="_x0000_s1030" type="#_x0000_t4" '
           'fillcolor="#ffff00 [2]" '
           'style="position:absolute;left:0;margin-left:10pt;margin-top:1in;width:2cm;'
           'height:36pt;mso-position-horizontal-relative:margin">'
           "<v:textbox><w:txbxContent>" + para("Sah?") + "</w:txbxContent></v:textbox>"
           "</v:shape></w:pict>")
    (shape,) = shapes_of(in_run(vml))
    assert (shape.kind, shape.geometry, shape.text, shape.id, shape.name) == (
        ShapeKind.DECISION, "diamond", "Sah?", "_x0000_s1030", "Diamond 4")
    assert (shape.x, shape.y, shape.width, shape.height) == (127_000, 914_400, 720_000, 457_200)
    assert (shape.relative_to, shape.fill, shape.inline) == ("margin", "FFFF00", False)


def test_vml_line_arrows_and_open_path_connector() -> None:
    line = ('<w:pict><v:line id="l1" from="10pt,20pt" to="10pt,80pt" '
            'style="position:absolute"><v:stroke endarrow="block"/></v:line></w:pict>')
    elbow = ('<w:pict><v:shape id="e1" path="m0,0l0,511l1921,511e" coordsize="1922,512" '
             'style="position:absolute;margin-left:24pt;width:54pt;height:20pt">'
             '<v:stroke startarrow="classic"/><v:fill on="false"/></v:shape></w:pict>')
    first, second = shapes_of(in_run(line, elbow))
    assert (first.kind, first.x, first.y, first.width, first.height) == (
        ShapeKind.CONNECTOR, 127_000, 254_000, 0, 762_000)
    assert (first.head, first.tail) == (True, False)
    assert (second.kind, second.geometry, second.head, second.tail, second.fill) == (
        ShapeKind.CONNECTOR, "polyline", False, True, "none")


def test_vml_spt_flowchart_presets() -> None:
    def shape(spt: int) -> str:
        return (f'<w:pict><v:shape type="#_x0000_t{spt}" style="position:absolute;width:50pt;'
                'height:20pt" fillcolor="#eeeeee"/></w:pict>')
    kinds = [s.kind for s in shapes_of(in_run(*(shape(n) for n in (109, 110, 116, 177, 32))))]
    assert kinds == [ShapeKind.PROCESS, ShapeKind.DECISION, ShapeKind.TERMINATOR,
                     ShapeKind.OFFPAGE, ShapeKind.CONNECTOR]


def test_decorations_are_left_out() -> None:
    picture = anchor("<pic:pic><pic:blipFill/></pic:pic>",
                     uri="http://schemas.openxmlformats.org/drawingml/2006/picture")
    hr = ('<w:pict><v:rect id="hr" style="width:0;height:1.5pt" o:hralign="center" o:hrstd="t" '
          'o:hr="t" fillcolor="#a0a0a0" stroked="f"/></w:pict>')
    vml_picture = ('<w:pict><v:shape id="img" style="position:absolute;width:90pt;height:90pt">'
                   '<v:imagedata r:id="rId5"/></v:shape></w:pict>')
    white_box = anchor(wsp("rect", fill='<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>',
                           ln="<a:noFill/>"))
    invisible = anchor(wsp("flowChartProcess", fill="<a:noFill/>", ln="<a:noFill/>"))
    vml_mask = ('<w:pict><v:rect id="m" style="position:absolute;margin-left:391pt;'
                'width:39pt;height:36pt" stroked="f"/></w:pict>')
    tick = anchor(wsp("ellipse"), cx=90_000, cy=90_000, inline=True)
    tiny = anchor(wsp("flowChartProcess", "x"), cx=50_000, cy=50_000)
    freeform = anchor("<wps:wsp><wps:spPr><a:custGeom/></wps:spPr></wps:wsp>")
    kept_label = anchor(wsp("rect", "Tidak", "<a:noFill/>"), shape_id=99)
    kept_white_step = anchor(wsp("flowChartProcess",
                                 fill='<a:solidFill><a:srgbClr val="ffffff"/></a:solidFill>'),
                             shape_id=100)
    kept_vml_step = ('<w:pict><v:rect id="Shape3" o:spid="_x0000_s1027" fillcolor="white" '
                     'style="position:absolute;margin-left:4pt;width:50pt;height:25pt"/></w:pict>')
    body = in_run(picture, hr, vml_picture, white_box, invisible, vml_mask, tick, tiny, freeform,
                  kept_label, kept_white_step, kept_vml_step)
    assert [(s.id, s.text) for s in shapes_of(body)] == [("99", "Tidak"), ("100", ""),
                                                         ("_x0000_s1027", "")]


def test_cover_page_shapes_left_out_but_text_kept() -> None:
    cover = ('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Cover Pages"/>'
             "<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>"
             "<w:p><w:r>" + anchor(wsp("homePlate", "2019")) + "</w:r>" + run("Judul") +
             "</w:p></w:sdtContent></w:sdt>")
    document = read_docx(build_docx(cover + in_run(anchor(wsp("rect", "Step")))))
    first, second = document.paragraphs()
    assert (first.text, first.shapes) == ("Judul", ())
    assert [s.text for s in second.shapes] == ["Step"]


def test_shapes_in_cells_carry_cell_where() -> None:
    body = table([cell("Kegiatan") + cell(in_run(anchor(wsp("flowChartTerminator", "Mulai"))))],
                 widths=(3000, 1000))
    (shape,) = shapes_of(body)
    assert shape.where == Where("document", 1, 0, 0, 1)
