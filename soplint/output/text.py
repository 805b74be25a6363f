"""`soplint dump --format text`: the model as rich tables."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from soplint.model import Sop
from soplint.recognize.explain import OutlineEntry


def print_sop(sop: Sop, console: Console | None = None) -> None:
    """Print the identity fields, actors and steps of `sop`."""
    out = console or Console()
    out.print(f"[bold]{sop.source}[/bold]  layout={sop.layout}  language={sop.language}")
    if sop.title:
        out.print(f"title: {sop.title}")
    if sop.reason:
        out.print(f"[yellow]{sop.reason}[/yellow]")
    if sop.cut:
        limits = ", ".join(f"{kind} ({value})" for kind, value in sop.cut)
        out.print(f"[yellow]read only up to the limits of {limits}[/yellow]")
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


def print_outline(entries: list[OutlineEntry], console: Console | None = None) -> None:
    """Print the outline: one line per heading, item, paragraph or table, indented by its
    depth, with the step it became (→) or why it is not a step (—)."""
    out = console or Console(soft_wrap=True)
    out.print("[bold]outline[/bold]")
    for entry in entries:
        head = "§ " if entry.kind == "heading" else ""
        label = f"{entry.label} " if entry.label else ""
        text = entry.text if len(entry.text) <= 70 else entry.text[:69] + "…"
        verdict = (f"[green]→ step {entry.step}[/green] ({entry.why})" if entry.step
                   else f"[dim]— {entry.why}[/dim]")
        out.print(f"{'  ' * entry.depth}{head}{escape(label + text)}  {verdict}",
                  highlight=False)
