"""The step graph the flow rules walk (LNK003 unreachable steps, LNK004 dead ends).

Not a rule: helpers only. Edges are the links whose target is resolved (connector, text and
sequence links, and the links the recognizer makes from off-page connector pairs; an exit with
`to == ""` is drawn but goes nowhere known). A link to a number that several steps share
reaches all of them, so an ambiguous model never invents a finding.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from soplint.model import Sop, Step, StepKind
from soplint.tree import Where

Graph = dict[int, set[int]]


def has_links(sop: Sop) -> bool:
    """Whether the recognizer found any link at all (else there is no graph to judge)."""
    return any(step.links for step in sop.steps)


def start_step(sop: Sop) -> Step | None:
    """The first START step, else the first step."""
    starts = [s for s in sop.steps if s.kind is StepKind.START]
    return starts[0] if starts else (sop.steps[0] if sop.steps else None)


def _position(where: Where) -> tuple[int, int] | None:
    if where.table is None or where.row is None:
        return None
    return where.table, where.row


def step_at(sop: Sop, where: Where) -> Step | None:
    """The step whose table row holds `where` (a symbol or a pentagon), if any."""
    pos = _position(where)
    return next((s for s in sop.steps if pos is not None and _position(s.where) == pos), None)


def drawn(sop: Sop) -> set[int]:
    """Ordinals of the steps that are nodes of the drawn flowchart.

    When the document has flowchart symbols, a step row without one (a missing symbol, which
    the actor rules report) is no node: the arrows bypass it. Without symbols, every step is.
    """
    rows = {_position(where) for _, where in sop.symbols}
    if not rows - {None}:
        return {s.ordinal for s in sop.steps}
    return {s.ordinal for s in sop.steps if _position(s.where) in rows}


def graph(sop: Sop) -> Graph:
    """Successor ordinals of every step."""
    by_number: dict[str, list[int]] = defaultdict(list)
    for step in sop.steps:
        by_number[step.number].append(step.ordinal)
    edges: Graph = {s.ordinal: set() for s in sop.steps}
    for step in sop.steps:
        for link in step.links:
            edges[step.ordinal].update(by_number.get(link.to, []) if link.to else [])
    return edges


def reach(edges: Graph, roots: Iterable[int]) -> set[int]:
    """Every ordinal reachable from `roots` (roots included)."""
    seen: set[int] = set()
    todo = list(roots)
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(edges.get(node, ()))
    return seen
