"""STR001 non-sopap-symbol on small in-memory models."""

from __future__ import annotations

from dataclasses import replace

from soplint.model import Sop
from soplint.plugins import registered_rules
from soplint.testing import make_sop, make_step, run, verify
from soplint.tree import Where

RULE = registered_rules()["STR001"]


def _sop(presets: list[tuple[str, int]], title: str) -> Sop:
    """Four steps in table 0, row = number; symbols (preset, row)."""
    steps = [replace(make_step(str(n), f"Langkah {n}"), where=Where(table=0, row=n))
             for n in range(1, 5)]
    return make_sop(steps, title=title,
                    symbols=tuple((p, Where(table=0, row=row)) for p, row in presets))


def test_the_five_symbols_are_valid() -> None:
    verify(RULE, valid=[
        _sop([("flowChartTerminator", 1), ("flowChartProcess", 2), ("flowChartDecision", 3),
              ("flowChartTerminator", 4)], "DrawingML presets"),
        _sop([("roundRect", 1), ("rect", 2), ("diamond", 3), ("flowChartAlternateProcess", 4)],
             "plain presets"),
        _sop([("roundrect", 1), ("textBox", 2), ("homePlate", 3),
              ("flowChartOffpageConnector", 4)], "VML names, text box, pentagons"),
        _sop([("shape", 2), ("custGeom", 3)], "unnamed shapes are not judged"),
    ])


def test_foreign_symbols_are_reported_per_symbol() -> None:
    verify(RULE, invalid=[
        (_sop([("flowChartTerminator", 1), ("ellipse", 2), ("flowChartDocument", 3)],
              "circle and document"), ["2", "3"]),
        (_sop([("flowChartConnector", 1), ("flowChartMagneticDisk", 2),
               ("flowChartManualInput", 4)], "connector, database, manual input"),
         ["1", "2", "4"]),
        (_sop([("flowChartDocument", 9)], "symbol outside any step row"), [None]),
    ])


def test_message_names_the_symbol() -> None:
    found = run(RULE, _sop([("flowChartMagneticDisk", 2)], "database"))
    assert "database (flowChartMagneticDisk)" in found[0].message.en
    assert "Langkah 2" in found[0].message.id and found[0].where == Where(table=0, row=2)
