"""LNK and STR rules on real .docx files: the generated fixtures (truth in fixtures/specs) and
the LibreOffice-made SOP AP flowcharts of the shared corpus (labels in expected/*.json).

The labels become expected findings: a `broken-link` step is an LNK002 finding when the step
is a decision and an LNK001 finding otherwise; `decision-branches:<n>`, `unreachable:<n>` and
`dead-end:<n>` name the step of LNK002, LNK003 and LNK004; `missing-start-end`, `numbering` and
`unpaired-offpage` ask for at least one LNK005, LNK006 and LNK007 finding; a document whose
truth has no steps gets exactly one STR002 finding. Every other combination must be silent.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import soplint
from soplint.engine import profile_for
from soplint.plugins import registered_rules
from soplint.testing import run
from tests.rules.fixture_support import FIXTURES, fixture

SPECS = sorted((FIXTURES / "specs").glob("*.toml"))
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
LIBREOFFICE = sorted((CORPUS / "files").glob("libreoffice__*.docx"))
CODES = ("LNK001", "LNK002", "LNK003", "LNK004", "LNK005", "LNK006", "LNK007",
         "STR001", "STR002", "STR003")
SOME = "at least one finding"
_DOC_LABELS = {"missing-start-end": "LNK005", "numbering": "LNK006",
               "unpaired-offpage": "LNK007", "decision-branches": "LNK002",
               "unreachable": "LNK003", "dead-end": "LNK004"}


@dataclass(frozen=True)
class Truth:
    """A document and its labels: steps as (number, kind, defects), document defects."""

    path: Path
    steps: tuple[tuple[str, str, tuple[str, ...]], ...]
    doc_defects: tuple[str, ...]


def _truth(path: Path, data: dict[str, Any], number_key: str) -> Truth:
    steps = tuple((str(s[number_key]), str(s.get("kind", "")), tuple(s.get("defects", [])))
                  for s in data.get("steps", []))
    return Truth(path, steps, tuple(data.get("doc_defects", [])))


def _fixture(spec: Path) -> Truth:
    data = tomllib.loads(spec.read_text(encoding="utf-8"))
    return _truth(FIXTURES / data["file"], data, "n")


def _corpus(path: Path) -> Truth:
    label = CORPUS / "expected" / f"{path.name}.json"
    return _truth(path, json.loads(label.read_text(encoding="utf-8")), "n")


def expected(truth: Truth) -> dict[str, list[str | None] | str]:
    """The findings each rule must report: step numbers in reading order, or SOME."""
    want: dict[str, list[str | None] | str] = {code: [] for code in CODES}
    named: dict[str, set[str]] = {code: set() for code in CODES}
    for label in truth.doc_defects:
        code, _, detail = label.partition(":")
        rule = _DOC_LABELS.get(code.strip())
        if rule is not None and detail.strip():
            named[rule].add(detail.strip())
        elif rule is not None:
            want[rule] = SOME
    for number, kind, defects in truth.steps:
        if "broken-link" in defects:
            named["LNK002" if kind == "decision" else "LNK001"].add(number)
    for code, numbers in named.items():
        if numbers:
            want[code] = [n for n in dict.fromkeys(n for n, _, _ in truth.steps) if n in numbers]
    if not truth.steps:
        want["STR002"] = [None]
    return want


def _check(truth: Truth, code: str) -> None:
    rule = registered_rules()[code]
    sop = soplint.load(truth.path)
    want = expected(truth)[code]
    if profile_for(sop) not in rule.profiles:
        assert not want, f"{code} does not run on {truth.path.name} but a finding is labelled"
        return
    found = run(rule, sop)
    got = [v.step.number if v.step else None for v in found]
    detail = "; ".join(v.message.en for v in found)
    if want == SOME:
        assert got, f"{code} should report on {truth.path.name}"
    else:
        assert got == want, f"{code} on {truth.path.name}: {detail}"


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("spec", SPECS, ids=[p.stem for p in SPECS])
def test_fixture_findings_match_the_spec(spec: Path, code: str) -> None:
    _check(_fixture(spec), code)


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("path", LIBREOFFICE, ids=[p.stem for p in LIBREOFFICE])
def test_libreoffice_corpus_findings_match_the_labels(path: Path, code: str) -> None:
    _check(_corpus(path), code)


def test_libreoffice_corpus_is_present() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"real SOP corpus not available at {CORPUS}")
    assert len(LIBREOFFICE) == 3


def test_flow_defects_fixture_points_at_the_gap_and_the_duplicate() -> None:
    sop = fixture("permenpan_defects_flow.docx")
    found = run(registered_rules()["LNK006"], sop)
    assert [v.step.ordinal for v in found if v.step] == [3, 6]
    assert "number 4 is skipped" in found[0].message.en
    assert "number 7 is used more than once" in found[1].message.en
