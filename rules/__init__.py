"""soplint's built-in rule pack, registered through the `soplint` entry point like any other.

One rule per module, named after its code (`act001_step_without_actor.py`); each module holds
one `Rule` made with `soplint.rule.rule`, or one rule across the set (`set001_*.py`, a
`SetRule` made with `soplint.setrule.set_rule`). Word lists live in `lexicons/` as TOML, messages
in `messages/` (one catalogue per language), the configuration options in `_options.py`.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from typing import Any

from soplint.hookspecs import hookimpl
from soplint.rule import Rule, RuleOption
from soplint.setrule import SetRule


def _declared(kind: type[Rule] | type[SetRule]) -> Iterator[Any]:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_") or info.ispkg:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        yield from (v for v in vars(module).values() if isinstance(v, kind))


def _rules() -> Iterator[Rule]:
    return _declared(Rule)


@hookimpl
def soplint_register_rules(register: Callable[[Rule], None]) -> None:
    """Register every rule module of this pack."""
    for rule in _rules():
        register(rule)


@hookimpl
def soplint_register_options(register: Callable[[RuleOption], None]) -> None:
    """Register the options the built-in rules read."""
    from ._options import OPTIONS

    for option in OPTIONS:
        register(option)


@hookimpl
def soplint_register_set_rules(register: Callable[[SetRule], None]) -> None:
    """Register the rules across the set (`soplint audit`)."""
    for rule in _declared(SetRule):
        register(rule)
