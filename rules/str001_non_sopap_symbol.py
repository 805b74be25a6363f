"""STR001: a flowchart symbol that is not one of the five SOP AP symbols."""

from __future__ import annotations

from collections.abc import Iterator

from soplint.model import Sop
from soplint.rule import RuleContext, Text, Violation, rule

from ._flow import step_at

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

_NAMES = {
    "ellipse": ("lingkaran", "circle"), "oval": ("lingkaran", "circle"),
    "flowchartconnector": ("lingkaran penghubung", "on-page connector circle"),
    "flowchartdocument": ("dokumen", "document"),
    "flowchartmultidocument": ("dokumen ganda", "multi-document"),
    "flowchartmagneticdisk": ("basis data", "database"),
    "flowchartmanualinput": ("input manual", "manual input"),
    "flowchartinputoutput": ("data (jajaran genjang)", "data (parallelogram)"),
    "parallelogram": ("jajaran genjang", "parallelogram"),
    "flowchartpredefinedprocess": ("proses terdefinisi", "predefined process"),
    "flowchartpreparation": ("persiapan", "preparation"),
    "flowchartdelay": ("penundaan", "delay"),
}


@rule("STR001", "non-sopap-symbol", category="structure", severity="warning",
      profiles=("permenpan",))
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
    [S4][S5]. A foreign symbol means the flowchart was not drawn in the SOP AP format
    (SOP-DOMAIN 1.5, FLW-10).

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
    - Permenpan RB No. 35/2012, "hanya lima simbol" [S4][S5]
    - SOP-DOMAIN.md 1.5 and 3.4, FLW-10 non-SOP AP symbols
    """
    for preset, where in sop.symbols:
        key = preset.lower()
        if key in SOPAP_PRESETS or key in UNNAMED:
            continue
        name_id, name_en = _NAMES.get(key, (preset, preset))
        step = step_at(sop, where)
        at_id = f"Langkah {step.number} digambar" if step else "Sebuah simbol digambar"
        at_en = f"Step {step.number} is drawn" if step else "A symbol is drawn"
        yield Violation(
            message=Text(id=f"{at_id} dengan simbol {name_id} ({preset}), yang bukan salah satu "
                            "dari lima simbol SOP AP.",
                         en=f"{at_en} as a {name_en} ({preset}), which is not one of the five "
                            "SOP AP symbols."),
            suggestion=Text(id="Ganti dengan kotak proses, belah ketupat (keputusan) atau kapsul "
                               "(mulai/selesai).",
                            en="Replace it with a process box, a decision diamond or a capsule "
                               "(start/end)."),
            step=step, where=where, words=(preset,))
