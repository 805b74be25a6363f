"""An example soplint rule pack: one rule, registered through the `soplint` entry point."""

from collections.abc import Callable, Iterator

from soplint.hookspecs import hookimpl
from soplint.model import Sop
from soplint.rule import Rule, RuleContext, Text, Violation, rule


@rule("XMP001", "step-ends-with-period", category="wording", severity="info")
def step_ends_with_period(sop: Sop, context: RuleContext) -> Iterator[Violation]:
    """A step's activity ends with a full stop.

    ## Why is this bad?
    Steps are short imperative lines; a closing full stop is clutter.
    """
    for step in sop.steps:
        if step.text.endswith("."):
            yield Violation(Text(id="Langkah diakhiri titik.", en="Step ends with a full stop."),
                            Text(id="Hapus titik di akhir langkah.", en="Drop the full stop."),
                            step=step)


@hookimpl
def soplint_register_rules(register: Callable[[Rule], None]) -> None:
    """Register this pack's rules."""
    register(step_ends_with_period)
