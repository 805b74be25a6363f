"""`soplint dump --format text`: the model as rich tables."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from soplint.model import Sop


def print_sop(sop: Sop, console: Console | None = None) -> None:
    """Print the identity fields, actors and steps of `sop`."""
    out = console or Console()
    out.print(f"[bold]{sop.source}[/bold]  layout={sop.layout}  language={sop.language}")
    if sop.title:
        out.print(f"title: {sop.title}")
    if sop.reason:
        out.print(f"[yellow]{sop.reason}[/yellow]")
    if sop.meta:
        meta = Table("field", "value", title="identity")
        for key, field in sop.meta.items():
            meta.add_row(key, field.value)
        out.print(meta)
    if sop.actors:
        out.print("actors: " + ", ".join(a.name for a in sop.actors))
    steps = Table("no", "kind", "actor", "text", "time", "output", "links", title="steps")
    for step in sop.steps:
        links = ", ".join(link.to + (f" ({link.label})" if link.label else "")
                          for link in step.links)
        steps.add_row(step.number, str(step.kind), ", ".join(step.actors), step.text,
                      step.time.text if step.time else "", step.output or "", links)
    out.print(steps)
