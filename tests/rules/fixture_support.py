"""Shared by the rule tests: load a generated fixture once, run one rule on it, and read which
steps its spec labels with a defect."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import soplint
from soplint.engine import run_rules
from soplint.model import Sop
from soplint.rule import Rule

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
