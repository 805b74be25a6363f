"""The recognised flowchart drawn as SVG: a model in, the SOP AP grid out.

    pages = flowchart_pages(sop, findings)    # one standalone <svg> per page
    whole = flowchart_svg(sop, findings)      # the pages stacked (what `soplint draw` writes)

The grid is the one Permenpan RB 35/2012 prescribes: No | Kegiatan | one lane per
Pelaksana | Mutu Baku (Kelengkapan, Waktu, Output) | Keterangan, with the headers in the
document's language. Every layout is drawn on that grid from its actors. Each step's symbol
(capsule for start and end, box, diamond, pentagon) sits in the lane of its first actor; a
step with several actors has a dashed mark in the other actors' lanes, one with none goes
in a last "?" lane. The arrows are the model's links (no link is invented), labelled with
their branch (Ya/Tidak). After every `steps_per_page` steps a new page begins, the flow
leaving and entering it through off-page connectors named after the step they lead to.
Steps with findings are outlined in red; see `soplint.drawing.render` for the structure
other pages rely on.
"""

from soplint.drawing.render import flowchart_pages, flowchart_svg

__all__ = ["flowchart_pages", "flowchart_svg"]
