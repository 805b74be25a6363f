"""A failure on one document stays with that document: a rule that raises (SOP001) and
soplint failing to read a document (SOP004) become findings, and the run goes on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from soplint import checking
from soplint.checking import run_check
from soplint.cli import main
from soplint.engine import run_rules
from soplint.model import Sop
from soplint.rule import RuleContext, Text, Violation, rule
from soplint.testing import make_sop

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@rule("TST001", "always-raises", category="structure", severity="warning")
def raises(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """Raises on every document."""
    yield Violation(Text(id="sebelum", en="before"))
    raise RuntimeError("boom")


@rule("TST002", "always-reports", category="structure", severity="warning")
def reports(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """Reports every document once."""
    yield Violation(Text(id="ada", en="found"))


def test_a_rule_that_raises_is_sop001_and_the_other_rules_still_report() -> None:
    findings = run_rules(make_sop(), [raises, reports])
    assert [f.code for f in findings] == ["SOP001", "TST002"]
    assert "TST001 (always-raises)" in findings[0].message
    assert "RuntimeError: boom" in findings[0].message


def test_a_document_soplint_fails_to_read_is_sop004_and_the_run_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    good = FIXTURES / "en_narrative.docx"
    bad = tmp_path / "a_strange.docx"
    bad.write_bytes(good.read_bytes())
    real_load = checking.load_all

    def failing_load(source: Path, name: str | None = None) -> tuple[Sop, ...]:
        if Path(source) == bad:
            raise IndexError("list index out of range")
        return real_load(source, name=name)

    monkeypatch.setattr(checking, "load_all", failing_load)
    result = run_check([bad, good])
    first, second = result.reports
    assert [f.code for f in first.findings] == ["SOP004"]
    assert "IndexError: list index out of range" in first.findings[0].message
    assert second.sop is not None and second.sop.steps
    assert main(["check", str(bad), "--format", "json"]) == 2
    assert '"SOP004"' in capsys.readouterr().out
