"""Every hook a soplint plugin can implement. A rule pack implements `soplint_register_rules`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from soplint.rule import Rule

hookspec = pluggy.HookspecMarker("soplint")
hookimpl = pluggy.HookimplMarker("soplint")


@hookspec
def soplint_register_rules(register: Callable[[Rule], None]) -> None:
    """Register rules by calling `register(rule)` once for each."""
