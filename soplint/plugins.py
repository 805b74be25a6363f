"""The plugin manager: hook specifications plus the installed `soplint` entry points.

The built-in rule pack is an entry point like any other (`builtin = "soplint_rules"`), so the
engine never imports a rule. The built-in readers (`soplint.reader.builtin`) are part of the
engine: registered first, always, through the same hook as a format pack's, so that a pack's
readers are tried before them. `SOPLINT_PLUGINS` (comma-separated entry-point names)
restricts which installed plugins load, for reproducible runs.

A pack that cannot be used is skipped, whole, with one line that names it (`pack_problems`):
one that fails to import, raises while registering, registers something that is no rule
(a bad code or an unknown category already fails in `soplint.rule.rule`), or a code or an
option that another pack registered first. The built-in pack registers first; the others
in the order of their names. Nothing else stops working.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import EntryPoint, entry_points
from typing import Any

import pluggy

from soplint import hookspecs
from soplint.reader import builtin
from soplint.reader.registry import Reader
from soplint.rule import Rule, RuleOption
from soplint.setrule import SetRule

ENV_PLUGINS = "SOPLINT_PLUGINS"
BUILTIN = "builtin"


@dataclass(frozen=True)
class PackProblem:
    """Why the pack (entry-point name) was skipped."""

    pack: str
    problem: str


def allowed_plugins() -> frozenset[str] | None:
    """Entry-point names allowed by SOPLINT_PLUGINS, or None when every plugin may load."""
    value = os.environ.get(ENV_PLUGINS)
    if value is None:
        return None
    return frozenset(name.strip() for name in value.split(",") if name.strip())


def _order(entry: EntryPoint) -> tuple[bool, str]:
    return entry.name != BUILTIN, entry.name


_load_problems: list[PackProblem] = []


@cache
def plugin_manager() -> pluggy.PluginManager:
    """The process-wide plugin manager with every allowed `soplint` entry point registered
    (a pack that fails to import is left out, see `pack_problems`)."""
    manager = pluggy.PluginManager("soplint")
    manager.add_hookspecs(hookspecs)
    manager.register(builtin, name="soplint-readers")
    allowed = allowed_plugins()
    _load_problems.clear()
    for entry in sorted(entry_points(group="soplint"), key=_order):
        if (allowed is not None and entry.name not in allowed) or manager.has_plugin(
                entry.name):
            continue
        try:
            manager.register(entry.load(), name=entry.name)
        except Exception as exc:  # a broken pack must not stop soplint
            _load_problems.append(PackProblem(entry.name, _describe(exc)))
    return manager


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def _per_pack(hook: str, register: Callable[[str, list[Any]], str | None]) -> list[PackProblem]:
    """Call `hook` of each registered pack on its own; `register(pack, items)` takes what
    it registered, or returns the problem that makes the pack skipped."""
    manager = plugin_manager()
    problems = []
    for name, plugin in manager.list_name_plugin():
        items: list[Any] = []
        others = [p for p in manager.get_plugins() if p is not plugin]
        caller = manager.subset_hook_caller(hook, remove_plugins=others)
        try:
            caller(register=items.append)
        except Exception as exc:  # a broken pack must not stop soplint
            problems.append(PackProblem(name, _describe(exc)))
            continue
        problem = register(name, items)
        if problem is not None:
            problems.append(PackProblem(name, problem))
    return problems


_problems: dict[str, list[PackProblem]] = {"rules": [], "options": [], "set_rules": []}


@cache
def registered_rules() -> dict[str, Rule]:
    """Every registered rule by code, sorted by code; the packs skipped on the way are in
    `pack_problems`."""
    rules: dict[str, Rule] = {}
    owners: dict[str, str] = {}

    def take(pack: str, found: list[Any]) -> str | None:
        for rule in found:
            if not isinstance(rule, Rule):
                return f"registered {rule!r}, which is no rule (make it with soplint.rule.rule)"
        codes = [r.code for r in found]
        for code in codes:
            if code in owners:
                return f"rule code {code} is already registered by pack {owners[code]!r}"
            if codes.count(code) > 1:
                return f"two rules share the code {code}"
        for rule in found:
            rules[rule.code] = rule
            owners[rule.code] = pack
        return None

    plugin_manager()  # loading the packs records the ones that fail to import
    _problems["rules"] = [*_load_problems, *_per_pack("soplint_register_rules", take)]
    return dict(sorted(rules.items()))


@cache
def registered_readers() -> tuple[Reader, ...]:
    """Every registered reader, in the order they are tried (a plugin's before the built-in
    ones)."""
    readers: list[Reader] = []
    plugin_manager().hook.soplint_register_readers(register=readers.append)
    return tuple(readers)


@cache
def registered_options() -> dict[str, RuleOption]:
    """Every configuration option the packs declare, by its name in the configuration."""
    options: dict[str, RuleOption] = {}

    def take(pack: str, found: list[Any]) -> str | None:
        for option in found:
            if not isinstance(option, RuleOption):
                return f"registered {option!r}, which is no option (use soplint.rule.RuleOption)"
            if option.name in options:
                return f"option {option.name!r} is already registered by another pack"
        options.update((o.name, o) for o in found)
        return None

    _problems["options"] = _per_pack("soplint_register_options", take)
    return options


@cache
def registered_set_rules() -> dict[str, SetRule]:
    """Every registered rule across the set by code, sorted by code; a pack that registers
    something else, or a code another pack has, is skipped (`pack_problems`)."""
    rules: dict[str, SetRule] = {}

    def take(pack: str, found: list[Any]) -> str | None:
        for rule in found:
            if not isinstance(rule, SetRule):
                return (f"registered {rule!r}, which is no set rule (make it with "
                        "soplint.setrule.set_rule)")
            if rule.code in rules or [r.code for r in found].count(rule.code) > 1:
                return f"set rule code {rule.code} is registered twice"
        rules.update((r.code, r) for r in found)
        return None

    _problems["set_rules"] = _per_pack("soplint_register_set_rules", take)
    return dict(sorted(rules.items()))


def pack_problems() -> tuple[PackProblem, ...]:
    """The packs skipped, each with why (the rules and options are registered first)."""
    registered_rules()
    registered_options()
    return tuple(dict.fromkeys([*_problems["rules"], *_problems["options"],
                                *_problems["set_rules"]]))
