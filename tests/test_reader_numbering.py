"""Reader: Word auto-numbering resolved into the labels a reader sees."""

from __future__ import annotations

from soplint.reader import read_docx
from soplint.reader.docx.numbering import format_number
from tests.test_reader_build import build_docx, listed, para


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    """A w:lvl definition."""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


def abstract(abstract_id: int, *levels: str, extra: str = "") -> str:
    """A w:abstractNum."""
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{extra}{"".join(levels)}' \
           "</w:abstractNum>"


def num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    """A w:num."""
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}' \
           "</w:num>"


OUTLINE = abstract(1, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2"),
                   lvl(2, "lowerLetter", "%3)"), lvl(3, "lowerRoman", "(%4)"),
                   lvl(4, "upperRoman", "%5."), lvl(5, "upperLetter", "%6."),
                   lvl(6, "decimalZero", "%7"))


def labels(body: str, numbering: str, styles: str | None = None) -> list[str]:
    """The labels of every body paragraph."""
    document = read_docx(build_docx(body, numbering=numbering, styles=styles))
    return [p.label for p in document.paragraphs()]


def test_levels_formats_and_reset_of_lower_levels() -> None:
    body = "".join(listed(t, 1, i) for t, i in [
        ("a", 0), ("b", 1), ("c", 1), ("d", 2), ("e", 3), ("f", 4), ("g", 5), ("h", 6),
        ("i", 0), ("j", 1), ("k", 2)])
    assert labels(body, OUTLINE + num(1, 1)) == [
        "1.", "1.1", "1.2", "a)", "(i)", "I.", "A.", "01", "2.", "2.1", "a)"]


def test_paragraph_fields_num_id_and_level() -> None:
    document = read_docx(build_docx(listed("x", 1, 1) + para("plain"),
                                    numbering=OUTLINE + num(1, 1)))
    first, plain = document.paragraphs()
    assert (first.num_id, first.level, first.label) == ("1", 1, "1.1")
    assert (plain.num_id, plain.level, plain.label) == (None, None, "")


def test_start_value_and_list_continues_across_heading_and_text() -> None:
    numbering = abstract(2, lvl(0, "decimal", "%1.", start=3)) + num(4, 2)
    body = (listed("one", 4) + para("Heading between", '<w:outlineLvl w:val="0"/>') +
            para("prose") + listed("two", 4))
    assert labels(body, numbering) == ["3.", "", "", "4."]


def test_num_ids_sharing_an_abstract_share_counters() -> None:
    numbering = abstract(1, lvl(0, "decimal", "%1.")) + num(1, 1) + num(2, 1)
    body = listed("a", 1) + listed("b", 2) + listed("c", 1)
    assert labels(body, numbering) == ["1.", "2.", "3."]


def test_start_override_restarts_a_list() -> None:
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    numbering = abstract(1, lvl(0, "decimal", "%1.")) + num(1, 1) + num(2, 1, restart)
    body = listed("a", 1) + listed("b", 1) + listed("c", 2) + listed("d", 2)
    assert labels(body, numbering) == ["1.", "2.", "1.", "2."]


def test_num_id_zero_and_unknown_num_id_have_no_label() -> None:
    numbering = abstract(1, lvl(0, "decimal", "%1.")) + num(1, 1)
    body = listed("a", 0) + listed("b", 99) + listed("c", 1)
    assert labels(body, numbering) == ["", "", "1."]


def test_bullets_none_and_plain_bullet_characters() -> None:
    numbering = (abstract(1, lvl(0, "bullet", "\uf0b7"), lvl(1, "bullet", "-"),
                          lvl(2, "bullet", "o"), lvl(3, "none", "")) + num(1, 1))
    body = listed("a", 1, 0) + listed("b", 1, 1) + listed("c", 1, 2) + listed("d", 1, 3)
    assert labels(body, numbering) == ["•", "-", "•", ""]


def test_lvl_restart_zero_keeps_counting_under_a_new_parent() -> None:
    numbering = abstract(1, lvl(0, "decimal", "%1."),
                         lvl(1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>')) + num(1, 1)
    body = listed("a", 1, 0) + listed("b", 1, 1) + listed("c", 1, 0) + listed("d", 1, 1)
    assert labels(body, numbering) == ["1.", "1.", "2.", "2."]


def test_lvl_restart_names_the_level_that_restarts_it() -> None:
    numbering = abstract(1, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "%2."),
                         lvl(2, "lowerRoman", "%3.", extra='<w:lvlRestart w:val="1"/>')
                         ) + num(1, 1)
    body = "".join(listed(t, 1, i) for t, i in [("a", 0), ("b", 1), ("c", 2), ("d", 1),
                                                  ("e", 2), ("f", 0), ("g", 2)])
    assert labels(body, numbering) == ["1.", "a.", "i.", "b.", "ii.", "2.", "i."]


def test_legal_numbering_shows_decimals() -> None:
    numbering = abstract(1, lvl(0, "upperRoman", "%1."),
                         lvl(1, "decimal", "%1.%2.", extra="<w:isLgl/>")) + num(1, 1)
    body = listed("a", 1, 0) + listed("b", 1, 0) + listed("c", 1, 1)
    assert labels(body, numbering) == ["I.", "II.", "2.1."]


STYLE_NUMBERED = (
    '<w:style w:type="paragraph" w:styleId="Langkah"><w:name w:val="Langkah"/>'
    '<w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Langkah2"><w:name w:val="Langkah 2"/>'
    '<w:basedOn w:val="Langkah"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr>'
    "</w:style>"
)


def test_numbering_from_paragraph_style_with_based_on() -> None:
    numbering = abstract(5, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "%2.")) + num(3, 5)
    body = (para("one", '<w:pStyle w:val="Langkah"/>') +
            para("sub", '<w:pStyle w:val="Langkah2"/>') +
            para("two", '<w:pStyle w:val="Langkah"/>') +
            para("off", '<w:pStyle w:val="Langkah"/><w:numPr><w:numId w:val="0"/></w:numPr>'))
    assert labels(body, numbering, STYLE_NUMBERED) == ["1.", "a.", "2.", ""]


def test_num_style_link_resolves_to_the_linked_definition() -> None:
    styles = ('<w:style w:type="numbering" w:styleId="SopList"><w:name w:val="SopList"/>'
              '<w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>')
    numbering = (abstract(1, lvl(0, "upperLetter", "%1."),
                          extra='<w:styleLink w:val="SopList"/>') +
                 abstract(2, extra='<w:numStyleLink w:val="SopList"/>') +
                 num(7, 1) + num(8, 2))
    body = listed("a", 8) + listed("b", 8)
    assert labels(body, numbering, styles) == ["A.", "B."]


def test_level_tied_to_style_by_lvl_pstyle() -> None:
    styles = ('<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/>'
              '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/>'
              '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
    numbering = abstract(1, lvl(0, "decimal", "%1", extra='<w:pStyle w:val="H1"/>'),
                         lvl(1, "decimal", "%1.%2", extra='<w:pStyle w:val="H2"/>')) + num(1, 1)
    body = (para("Intro", '<w:pStyle w:val="H1"/>') + para("Scope", '<w:pStyle w:val="H2"/>') +
            para("Steps", '<w:pStyle w:val="H1"/>'))
    assert labels(body, numbering, styles) == ["1", "1.1", "2"]


def test_cells_are_numbered_in_reading_order() -> None:
    numbering = abstract(1, lvl(0, "decimal", "%1.")) + num(1, 1)
    body = (listed("a", 1) + '<w:tbl><w:tblGrid><w:gridCol w:w="10"/></w:tblGrid><w:tr><w:tc>'
            + listed("b", 1) + "</w:tc></w:tr></w:tbl>" + listed("c", 1))
    assert labels(body, numbering) == ["1.", "2.", "3."]


def test_format_number_edges() -> None:
    assert format_number(27, "lowerLetter") == "aa"
    assert format_number(1994, "upperRoman") == "MCMXCIV"
    assert format_number(0, "lowerRoman") == "0"
    assert format_number(7, "ordinalText") == "7"
