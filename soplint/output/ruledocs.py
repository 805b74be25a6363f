"""`soplint rules` and `soplint rule CODE_OR_NAME`: rule lists and documentation.

A rule is found by its code ("TIM001") or its name ("time-missing"); its documentation is
its docstring, or the translation its pack's catalogue holds (`--lang id`). It is printed
as the Markdown it is written in, without a Markdown renderer: quick to start and readable.
"""

from __future__ import annotations

from difflib import get_close_matches
from typing import Any

from soplint.engine import ENGINE_CODES, EngineCode
from soplint.i18n import ENGINE
from soplint.plugins import registered_rules, registered_set_rules
from soplint.rule import Rule
from soplint.setrule import SetRule


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
    listed += [{"code": r.code, "name": r.name, "category": r.category,
                "severity": str(r.severity), "profiles": ["audit"],
                "summary": r.doc.splitlines()[0]} for r in registered_set_rules().values()]
    return listed


def print_rules() -> None:
    """A table of every rule."""
    from rich.console import Console
    from rich.table import Table

    table = Table("code", "name", "category", "severity", "profiles", "summary")
    for item in rules_as_json():
        table.add_row(item["code"], item["name"], item["category"], item["severity"],
                      ", ".join(item["profiles"]), item["summary"])
    Console().print(table)


def _everything() -> dict[str, Rule | EngineCode | SetRule]:
    return {**registered_rules(), **ENGINE_CODES, **registered_set_rules()}


def find_rule(key: str) -> Rule | EngineCode | SetRule | None:
    """The rule, engine code or rule across the set with code or name `key` (any
    case)."""
    everything = _everything()
    found = everything.get(key.strip().upper())
    if found is not None:
        return found
    wanted = key.strip().lower()
    return next((r for r in everything.values() if r.name == wanted), None)


def suggest(key: str, lang: str = "en") -> str:
    """"; did you mean TIM001?" for the closest code or name, or ""."""
    everything = _everything()
    names = [*everything, *(r.name for r in everything.values())]
    close = get_close_matches(key.strip(), names, n=1, cutoff=0.6) or get_close_matches(
        key.strip().upper(), names, n=1, cutoff=0.6)
    return ENGINE.say("cli.did-you-mean", lang, suggestion=close[0]) if close else ""


def rule_text(found: Rule | EngineCode | SetRule, lang: str) -> str:
    """The header line and the documentation of a rule, in `lang` where translated."""
    severity = ENGINE.say(f"severity.{found.severity}", lang)
    if isinstance(found, Rule):
        category = ENGINE.say(f"category.{found.category}", lang)
        header = ENGINE.say("rule.header", lang, code=found.code, name=found.name,
                            category=category, severity=severity,
                            profiles=", ".join(sorted(found.profiles)))
    else:
        header = ENGINE.say("rule.engine-header", lang, code=found.code, name=found.name,
                            severity=severity)
    return f"{header}\n\n{found.doc_in(lang).strip()}\n"
