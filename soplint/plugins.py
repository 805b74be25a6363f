"""The plugin manager: hook specifications plus the installed `soplint` entry points.

The built-in rule pack is an entry point like any other (`builtin = "soplint_rules"`), so the
engine never imports a rule. The built-in readers (`soplint.reader.builtin`) are part of the
engine: registered first, always, through the same hook as a format pack's, so that a pack's
readers are tried before them. `SOPLINT_PLUGINS` (comma-separated entry-point names)
restricts which installed plugins load, for reproducible runs.
"""

from __future__ import annotations

import os
from functools import cache
from importlib.metadata import entry_points

import pluggy

from soplint import hookspecs
from soplint.reader import builtin
from soplint.reader.registry import Reader
from soplint.rule import Rule

ENV_PLUGINS = "SOPLINT_PLUGINS"


def allowed_plugins() -> frozenset[str] | None:
    """Entry-point names allowed by SOPLINT_PLUGINS, or None when every plugin may load."""
    value = os.environ.get(ENV_PLUGINS)
    if value is None:
        return None
    return frozenset(name.strip() for name in value.split(",") if name.strip())


@cache
def plugin_manager() -> pluggy.PluginManager:
    """The process-wide plugin manager with every allowed `soplint` entry point registered."""
    manager = pluggy.PluginManager("soplint")
    manager.add_hookspecs(hookspecs)
    manager.register(builtin, name="soplint-readers")
    allowed = allowed_plugins()
    for entry in entry_points(group="soplint"):
        if allowed is not None and entry.name not in allowed:
            continue
        if manager.get_plugin(entry.name) is None:
            manager.register(entry.load(), name=entry.name)
    return manager


@cache
def registered_rules() -> dict[str, Rule]:
    """Every registered rule by code, sorted by code. Two rules with one code is an error."""
    rules: dict[str, Rule] = {}

    def register(rule: Rule) -> None:
        if rule.code in rules and rules[rule.code] is not rule:
            raise ValueError(f"two rules share the code {rule.code}: "
                             f"{rules[rule.code].name} and {rule.name}")
        rules[rule.code] = rule

    plugin_manager().hook.soplint_register_rules(register=register)
    return dict(sorted(rules.items()))


@cache
def registered_readers() -> tuple[Reader, ...]:
    """Every registered reader, in the order they are tried (a plugin's before the built-in
    ones)."""
    readers: list[Reader] = []
    plugin_manager().hook.soplint_register_readers(register=readers.append)
    return tuple(readers)
