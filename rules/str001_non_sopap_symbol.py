"""STR001: a flowchart symbol that is not one of the five SOP AP symbols."""

from __future__ import annotations

from collections.abc import Iterator

from soplint.model import Sop
from soplint.rule import RuleContext, Violation, rule

from ._flow import step_at
from ._messages import MESSAGES

# The five SOP AP symbols as DrawingML presets and VML element names, lower-cased: capsule
# (terminator), box (process; a text box is a box), diamond (decision), pentagon (off-page
# connector). Arrows are connectors, which are never symbols.
SOPAP_PRESETS = frozenset({
    "flowchartterminator", "roundrect", "flowchartalternateprocess",
    "flowchartprocess", "rect", "textbox",
    "flowchartdecision", "diamond",
    "flowchartoffpageconnector", "homeplate",
})
# Shapes whose form the reader could not name (a VML v:shape without a known type, a
# freeform): they may well be drawn as one of the five, so they are not judged.
UNNAMED = frozenset({"shape", "custgeom", ""})



@rule("STR001", "non-sopap-symbol", category="structure", severity="warning",
      profiles=("permenpan",), messages=MESSAGES)
def non_sopap_symbol(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """A flowchart symbol that is not one of the five SOP AP symbols.

    ## What it does
    Checks the shape of every symbol drawn in the Pelaksana columns. Allowed are the capsule
    (terminator: `flowChartTerminator`, `roundRect`, `flowChartAlternateProcess`), the box
    (process: `flowChartProcess`, `rect`), the diamond (decision: `flowChartDecision`,
    `diamond`) and the pentagon (off-page connector: `flowChartOffpageConnector`,
    `homePlate`); arrows are the fifth symbol. Reports any other preset, such as a circle
    (`ellipse`, `flowChartConnector`), a document, a database (`flowChartMagneticDisk`) or
    a manual input, once per symbol. Shapes whose preset the reader could not name are
    not judged.

    ## Why is this bad?
    Permenpan RB 35/2012 limits SOP AP flowcharts to five symbols, because administrative
    activity is only ever a process or a decision; document, preparation, delay and other
    technical symbols are deliberately not used, and there is no on-page connector circle
    [1][2]. A foreign symbol means the flowchart was not drawn in the SOP AP format.

    ## Example
    - (id) Langkah 4 "Mengarsipkan surat" digambar dengan simbol dokumen
      (`flowChartDocument`).
    - (en) Step 2 drawn as a circle connector (`flowChartConnector`).

    ## Use instead
    - (id) Langkah 4 "Mengarsipkan surat" digambar dengan kotak proses.
    - (en) Draw step 2 as a process box, or as a capsule if it starts or ends the flow.

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: pelaksana dipisahkan dari
      kegiatan, lima simbol, kata kerja aktif.
      https://text-id.123dok.com/document/1y942jkrq-pelaksana-dipisahkan-dari-kegiatan.html
    - [2] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: format diagram alir
      bercabang (branching flowcharts), lima simbol.
      https://text-id.123dok.com/document/4yrj6m98q-format-diagram-alir-bercabang-branching-flowcharts-menggunakan-hanya-lima-simbol-flowcharts.html
    """
    for preset, where in sop.symbols:
        key = preset.lower()
        if key in SOPAP_PRESETS or key in UNNAMED:
            continue
        name = (MESSAGES.text(f"STR001.symbol.{key}") if MESSAGES.has(f"STR001.symbol.{key}")
                else preset)
        step = step_at(sop, where)
        drawn = (MESSAGES.text("STR001.step-drawn", number=step.number) if step
                 else MESSAGES.text("STR001.symbol-drawn"))
        yield Violation(
            message=MESSAGES.text("STR001.message", drawn=drawn, name=name, preset=preset),
            suggestion=MESSAGES.text("STR001.suggestion"),
            step=step, where=where, words=(preset,))
