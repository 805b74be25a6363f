"""Shared by the rule tests: load a generated fixture once, run one rule on it, read which
steps its spec labels with a defect, and build a one-step model."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import soplint
from soplint.engine import run_rules
from soplint.model import Sop
from soplint.rule import Rule
from soplint.testing import make_sop, make_step

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@cache
def fixture(name: str) -> Sop:
    """The recognized model of fixtures/<name>, loaded once per test run."""
    return soplint.load(FIXTURES / name)


def flagged(rule: Rule, name: str) -> list[str | None]:
    """The step numbers (None for the document) `rule` reports on fixtures/<name>."""
    return [f.step for f in run_rules(fixture(name), [rule]) if f.code == rule.code]


def labelled(name: str, label: str) -> list[str]:
    """The step numbers the spec of fixtures/<name> labels with defect `label`."""
    spec = tomllib.loads((FIXTURES / "specs" / name.replace(".docx", ".toml")).read_text())
    return [s["n"] for s in spec["steps"] if label in s.get("defects", [])]


def fixtures_except(*names: str) -> list[str]:
    """Every generated fixture but `names` (the ones a rule must stay silent on)."""
    return sorted(p.name for p in FIXTURES.glob("*.docx") if p.name not in names)


def one(text: str, lang: str = "id", *, inputs: str | None = None,
        output: str | None = None, note: str | None = None) -> Sop:
    """A model with one step (actor "Staf"); its title is the step text."""
    step = make_step("1", text, inputs=inputs, output=output, note=note)
    return make_sop([step], language=lang, title=text)
