"""The configuration options of the built-in rules, declared through the same hook a
third-party pack uses (`soplint_register_options`).

Not a rule module (the leading underscore keeps the pack from scanning it).
"""

from __future__ import annotations

from typing import Any

from soplint.recognize.timeparse import parse_time
from soplint.rule import OptionError, RuleOption


def _positive(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise OptionError(f"expected an integer > 0, got {value!r}")
    return value


def _service_standards(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise OptionError(f"expected a table, got {type(value).__name__}")
    for name, text in value.items():
        duration = parse_time(text) if isinstance(text, str) else None
        if duration is None or duration.minutes is None:
            raise OptionError(f"{text!r} is not a measurable time "
                              "(write e.g. \"5 hari kerja\" or \"30 menit\")", key=name)
    return dict(value)


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise OptionError(f"expected true or false, got {value!r}")
    return value


OPTIONS = (
    RuleOption("max-step-words", _positive,
               "WRD005: the longest step, in words, not reported (default 25)"),
    RuleOption("max-decisions", _positive,
               "STR003: the most decisions allowed in one SOP (default 5)"),
    RuleOption("service-standards", _service_standards,
               "TIM004: SOP title or number -> service-standard time (\"5 hari kerja\")"),
    RuleOption("vague-verb-hints", _flag,
               "VRB001: also report the low-confidence vague verbs, as info (default false)"),
)
