"""`soplint rules` and `soplint rule CODE`: rule lists and documentation from the rules."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markdown import Markdown
from rich.table import Table

from soplint.engine import ENGINE_CODES
from soplint.plugins import registered_rules


def rules_as_json() -> list[dict[str, Any]]:
    """Every rule and engine code as a JSON-ready list."""
    listed: list[dict[str, Any]] = [
        {"code": r.code, "name": r.name, "category": r.category, "severity": str(r.severity),
         "profiles": sorted(r.profiles), "summary": r.summary}
        for r in registered_rules().values()
    ]
    listed += [{"code": c.code, "name": c.name, "category": c.category,
                "severity": str(c.severity), "profiles": ["permenpan", "generic"],
                "summary": c.doc.splitlines()[0]} for c in ENGINE_CODES.values()]
    return listed


def print_rules(console: Console | None = None) -> None:
    """A table of every rule."""
    table = Table("code", "name", "category", "severity", "profiles", "summary")
    for item in rules_as_json():
        table.add_row(item["code"], item["name"], item["category"], item["severity"],
                      ", ".join(item["profiles"]), item["summary"])
    (console or Console()).print(table)


def print_rule(code: str, console: Console | None = None) -> bool:
    """Print one rule's documentation; False when no rule has that code."""
    out = console or Console()
    rule = registered_rules().get(code)
    if rule is not None:
        out.print(f"[bold]{rule.code} {rule.name}[/bold]  category={rule.category}  "
                  f"severity={rule.severity}  profiles={', '.join(sorted(rule.profiles))}")
        out.print(Markdown(rule.doc))
        return True
    engine = ENGINE_CODES.get(code)
    if engine is None:
        return False
    out.print(f"[bold]{engine.code} {engine.name}[/bold]  severity={engine.severity}")
    out.print(Markdown(engine.doc))
    return True
