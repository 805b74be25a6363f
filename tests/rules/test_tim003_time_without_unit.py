"""TIM003 time-without-unit: bare numbers and mixed day units."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import pytest
from soplint_rules.tim003_time_without_unit import time_without_unit

import soplint
from soplint.engine import run_rules
from soplint.model import Sop
from soplint.rule import Rule, Severity
from soplint.testing import make_sop, make_step, run, verify

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
DEFECTS = "permenpan_defects.docx"
CLEAN = sorted(p.name for p in FIXTURES.glob("*.docx") if p.name != DEFECTS)


@cache
def fixture(name: str) -> Sop:
    return soplint.load(FIXTURES / name)


def flagged(rule: Rule, name: str) -> list[str | None]:
    return [f.step for f in run_rules(fixture(name), [rule]) if f.code == rule.code]


def labelled(name: str, label: str) -> list[str]:
    spec = tomllib.loads((FIXTURES / "specs" / name.replace(".docx", ".toml")).read_text())
    return [s["n"] for s in spec["steps"] if label in s.get("defects", [])]


def times(*values: str | None) -> Sop:
    return make_sop([make_step(str(i), "Memeriksa berkas", time=v)
                     for i, v in enumerate(values, 1)], title=" / ".join(map(str, values)))


def test_bare_numbers() -> None:
    verify(time_without_unit,
           valid=[times("15 menit", "1 jam", None, "segera"),
                  times("2 hari kerja", "1 hari kerja")],
           invalid=[(times("15 menit", "15", "1 jam"), ["2"]),
                    (times("15", "30"), [None])])  # unit probably only in the header


def test_mixed_days_is_info_on_the_document() -> None:
    verify(time_without_unit, invalid=[(times("2 hari", "1 hari kerja"), [None])])
    (found,) = run(time_without_unit, times("2 hari", "1 hari kerja"))
    assert found.severity is Severity.INFO
    assert found.words == ("hari", "hari kerja")


def test_bare_number_message() -> None:
    (found,) = run(time_without_unit, times("15 menit", "15"))
    assert found.words == ("15",) and found.severity is None
    assert found.suggestion is not None and "'15 menit'" in found.suggestion.id


@pytest.mark.parametrize("name", [DEFECTS, *CLEAN])
def test_fixtures_have_units(name: str) -> None:
    assert flagged(time_without_unit, name) == []
