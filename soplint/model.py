"""The common SOP model that every recognizer produces and every rule reads.

All classes are frozen: a model is built once by a recognizer and never changed after.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from types import MappingProxyType

from soplint.tree import Where


class Layout(StrEnum):
    """Which layout the recognizer found."""

    PERMENPAN = "permenpan-flowchart"
    PUSKESMAS = "puskesmas"
    STEP_TABLE = "table-steps"
    NARRATIVE = "narrative-numbered"
    UNKNOWN = "unknown"


class StepKind(StrEnum):
    """What a step is in the flow (from its flowchart symbol, or from its wording)."""

    START = "start"
    PROCESS = "process"
    DECISION = "decision"
    END = "end"
    CONNECTOR = "connector"


class LinkOrigin(StrEnum):
    """Where a link between steps comes from."""

    CONNECTOR = "connector"
    TEXT = "text"
    SEQUENCE = "sequence"


@dataclass(frozen=True)
class Duration:
    """A time standard as written (`text`) and, when it can be measured, in minutes.

    `minutes` is None for vague words ("segera") or a number without a unit; for a range
    ("10–15 menit") it is the upper bound and `low` the lower one. A working day counts as
    one 8-hour day (480 minutes) with `working_days` set.
    """

    text: str
    minutes: float | None = None
    low: float | None = None
    unit: str | None = None
    working_days: bool = False


@dataclass(frozen=True)
class Link:
    """An edge of the step graph: to the step numbered `to`, with an optional branch label."""

    to: str
    label: str | None = None
    origin: LinkOrigin = LinkOrigin.SEQUENCE


@dataclass(frozen=True)
class Actor:
    """A declared role: a Pelaksana column, a Responsibilities entry or a step-table value,
    with the duties the document writes for it."""

    name: str
    source: str = "column"
    where: Where | None = None
    duties: tuple[str, ...] = ()


@dataclass(frozen=True)
class Step:
    """One step of the procedure.

    `number` is the label a reader sees ("3", "2.1", "B4"); `ordinal` counts steps from 0 in
    reading order. `inputs`, `output` and `note` are the Kelengkapan, Output and Keterangan
    cells (None where the document has no such column); in a narrative SOP `note` is the
    body paragraph under a step written as a heading. `explicit_actor` says whether the
    actor comes from the step itself (column, symbol, subject) rather than being inherited
    from a role responsible for the whole document. `form` says how the step is written:
    "instruction" ("Check the label"), "subject" (it names who acts: "The analyst checks"),
    "passive" ("The label is checked"), "statement" (a noun phrase or description), or ""
    when the language gives no way to tell. `cells` says where each part of a table
    step is: its column role ("activity", "actor", "time", "inputs", "output", "note",
    "number") and the cell's `Where`.
    """

    number: str
    ordinal: int
    text: str
    where: Where
    actors: tuple[str, ...] = ()
    kind: StepKind = StepKind.PROCESS
    time: Duration | None = None
    inputs: str | None = None
    output: str | None = None
    note: str | None = None
    links: tuple[Link, ...] = ()
    section: str = ""
    explicit_actor: bool = True
    cells: tuple[tuple[str, Where], ...] = ()
    form: str = ""

    def cell(self, part: str) -> Where | None:
        """Where the cell of column role `part` is, if the step is a table row with one."""
        return next((where for role, where in self.cells if role == part), None)


@dataclass(frozen=True)
class Field:
    """An identity field as found: the label printed in the document and its value."""

    label: str
    value: str
    where: Where | None = None


@dataclass(frozen=True)
class Section:
    """A titled section of the document; `key` is its canonical name ("purpose", "scope",
    "responsibilities", "procedure", "approval", ...) or "" when it has none."""

    title: str
    key: str
    text: str
    where: Where


def _frozen_map(value: Mapping[str, Field] | None = None) -> Mapping[str, Field]:
    return MappingProxyType(dict(value or {}))


@dataclass(frozen=True)
class Sop:
    """A recognized SOP.

    `meta` maps canonical identity keys (nomor, tanggal_pembuatan, tanggal_revisi,
    tanggal_efektif, disahkan_oleh, nama, dasar_hukum, kualifikasi_pelaksana, keterkaitan,
    peralatan, peringatan, pencatatan, instansi; document_id, version, effective_date,
    approved_by, revision_history) to the field found. `columns` names the step columns the
    document has ("actor", "time", "inputs", "output", "note"): a rule may only ask for a
    value in a column that exists. `reason` explains an `unknown` layout. `offpage` holds the
    off-page connectors (label, where) and `symbols` the preset of every flowchart symbol.
    `comments` are the document's review comments (id, author, text) and `comment_anchors`
    where each is anchored; `properties` its custom document properties. `origin` says which
    part of `source` this SOP is when the file holds several (a workbook with one SOP per
    group of sheets: "sheets COVER 2, SOP 2"), "" when it is the whole file. `cut` names
    each limit of `soplint.limits` reached while reading or recognizing it, with its value.
    """

    source: str
    layout: Layout
    language: str
    title: str = ""
    meta: Mapping[str, Field] = field(default_factory=_frozen_map)
    actors: tuple[Actor, ...] = ()
    steps: tuple[Step, ...] = ()
    sections: tuple[Section, ...] = ()
    columns: frozenset[str] = frozenset()
    responsible: str | None = None
    reason: str = ""
    title_where: Where | None = None
    properties: tuple[tuple[str, str], ...] = ()
    comments: tuple[tuple[str, str, str], ...] = ()
    comment_anchors: tuple[tuple[str, Where], ...] = ()
    offpage: tuple[tuple[str, Where], ...] = ()
    symbols: tuple[tuple[str, Where], ...] = ()
    origin: str = ""
    cut: tuple[tuple[str, int], ...] = ()

    def step(self, number: str) -> Step | None:
        """The first step numbered `number`, if any."""
        return self._numbered.get(number)

    @cached_property
    def _numbered(self) -> dict[str, Step]:
        """The first step of each number, built on the first lookup (rules look steps up
        by number for every link: a scan each time would be quadratic)."""
        found: dict[str, Step] = {}
        for step in self.steps:
            found.setdefault(step.number, step)
        return found

    def section(self, key: str) -> Section | None:
        """The first section with canonical key `key`, if any."""
        return next((s for s in self.sections if s.key == key), None)
