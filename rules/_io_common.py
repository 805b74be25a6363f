"""Helpers shared by the mutu baku rules (IO*).

Not a rule module (the leading underscore keeps the pack from scanning it).
"""

from __future__ import annotations

import re

from soplint.model import Step, StepKind

# A terminator that only says "start" or "end" is no activity and needs or makes nothing.
_BARE_TERMINATOR = re.compile(r"^\s*(?:mulai|selesai|start|end|stop|finish|awal|akhir)\W*$",
                              re.IGNORECASE)


def is_activity(step: Step) -> bool:
    """False for off-page connectors and for bare "Mulai"/"Selesai" terminators."""
    if step.kind is StepKind.CONNECTOR:
        return False
    return not (step.kind in (StepKind.START, StepKind.END)
                and _BARE_TERMINATOR.match(step.text))
