"""Where a finding is, in the words a Word user sees: "Langkah 6 · kolom Waktu · hlm. 3",
"Step 4.2 · Responsible column", "Identitas · Dasar Hukum", "dokumen".

The machine location (table, row, column, paragraph) stays in `Finding.location` for JSON
and SARIF; this is what people read, in the language of the findings.
"""

from __future__ import annotations

import re

from soplint.i18n import ENGINE
from soplint.model import Layout, Sop, Step
from soplint.tree import Where

SEPARATOR = " · "
_TABLE_SECTION = re.compile(r"^table (\d+)$")


def _in_section(label: str, section: str, lang: str) -> str:
    """"Langkah 1 (bagian "Pengambilan Sampel")", or "Langkah 1 (tabel 2)" for a step
    table."""
    table = _TABLE_SECTION.match(section)
    if table:
        return ENGINE.say("place.in-table", lang, label=label,
                          table=ENGINE.say("place.table", lang, number=int(table[1])))
    return ENGINE.say("place.in-section", lang, label=label, section=section)


class _Numbered:
    """The steps of the SOP last asked about, by number (one pass over the steps per SOP,
    not one per finding)."""

    def __init__(self) -> None:
        self._sop: Sop | None = None
        self._steps: dict[str, list[Step]] = {}

    def __call__(self, sop: Sop, number: str) -> list[Step]:
        if self._sop is not sop:
            self._steps = {}
            for step in sop.steps:
                self._steps.setdefault(step.number, []).append(step)
            self._sop = sop
        return self._steps.get(number, [])


_numbered = _Numbered()


def step_label(sop: Sop, step: Step, lang: str) -> str:
    """"Langkah 6"; a number that several steps share (numbering restarted in another
    section) is told apart by the section, else by which occurrence it is."""
    label = ENGINE.say("place.step", lang, number=step.number)
    same = _numbered(sop, step.number)
    if len(same) < 2:
        return label
    if step.section and len({s.section for s in same}) == len(same):
        return _in_section(label, step.section, lang)
    nth = next(n for n, s in enumerate(same, 1) if s.ordinal == step.ordinal)
    return ENGINE.say("place.nth", lang, label=label, nth=nth)


def column(sop: Sop, part: str, lang: str) -> str:
    """"kolom Waktu", "Time column": a SOP AP flowchart's columns by the names its table
    prints (Indonesian, in any language of the messages), other tables' in `lang`."""
    names = "id" if sop.layout is Layout.PERMENPAN else lang
    return ENGINE.say("place.column", lang,
                      name=ENGINE.say(f"place.column-name.{part}", names))


def _field_label(sop: Sop, key: str) -> str:
    found = sop.meta.get(key)
    return " ".join(found.label.split()).rstrip(" :") if found is not None else ""


def place(sop: Sop, step: Step | None, part: str, where: Where | None, lang: str) -> str:
    """The human location of a finding on `step` (None: the document) about `part`."""
    bits: list[str] = []
    if step is not None:
        bits.append(step_label(sop, step, lang))
        if part and part != "activity" and step.where.table is not None:
            bits.append(column(sop, part, lang))
    elif part.startswith("identity"):
        bits.append(ENGINE.say("place.identity", lang))
        label = _field_label(sop, part.partition(".")[2])
        if label:
            bits.append(label)
    elif part:
        bits.append(column(sop, part, lang))
    else:
        bits.append(ENGINE.say("place.document", lang))
    if where is not None and where.page is not None:
        bits.append(ENGINE.say("place.page", lang, page=where.page))
    return SEPARATOR.join(bits)


def part_text(sop: Sop, step: Step | None, part: str) -> str:
    """The text the finding concerns: the cell of `part`, else the step's activity, or the
    identity field's value."""
    if step is None:
        found = sop.meta.get(part.partition(".")[2]) if part.startswith("identity.") else None
        return found.value if found is not None else ""
    values = {"time": step.time.text if step.time else None, "inputs": step.inputs,
              "output": step.output, "note": step.note}
    value = values.get(part)
    return value if value else step.text
