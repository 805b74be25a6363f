"""Every hook a soplint plugin can implement. A rule pack implements `soplint_register_rules`;
a format pack `soplint_register_readers`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from soplint.reader.registry import Reader
    from soplint.rule import Rule, RuleOption
    from soplint.setrule import SetRule

hookspec = pluggy.HookspecMarker("soplint")
hookimpl = pluggy.HookimplMarker("soplint")


@hookspec
def soplint_register_rules(register: Callable[[Rule], None]) -> None:
    """Register rules by calling `register(rule)` once for each."""


@hookspec
def soplint_register_readers(register: Callable[[Reader], None]) -> None:
    """Register document readers by calling `register(reader)` once for each
    (`soplint.reader.registry.Reader`). A plugin's readers are tried before the built-in
    ones, so a plugin can take over a format."""


@hookspec
def soplint_register_options(register: Callable[[RuleOption], None]) -> None:
    """Register the configuration options of the pack's rules by calling `register(option)`
    once for each; the configuration validates them like the built-in ones."""


@hookspec
def soplint_register_set_rules(register: Callable[[SetRule], None]) -> None:
    """Register rules across a set of SOPs (`soplint audit`) by calling `register(rule)` once
    for each (`soplint.setrule.SetRule`); they run once, after every document is recognised,
    on the documents' summaries."""
