"""Reporters: each format's shape, SARIF against the official 2.1.0 schema, and --output."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from soplint.checking import CheckResult, NotChecked, Report, check_file
from soplint.cli import main
from soplint.engine import ENGINE_CODES, LOAD_ERROR, UNREADABLE, engine_finding
from soplint.findings import Finding
from soplint.output.options import FORMATS, HUMAN_FORMATS
from soplint.plugins import registered_rules
from soplint.reporters import REPORTERS, write_report
from soplint.reporters.csv import BOM, COLUMNS
from soplint.rule import Severity
from soplint.testing import make_sop
from soplint.tree import Where

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())
DOCUMENTED_KEYS = {"file", "code", "name", "category", "severity", "message", "suggestion",
                   "step", "location", "words", "place", "page", "part", "context"}


def _finding(file: str, code: str, severity: Severity, step: str | None = None,
             message: str = "", **extra: Any) -> Finding:
    return Finding(file=file, code=code, name=f"{code.lower()}-name", category="wording",
                   severity=severity, message=message or "pesan", step=step,
                   **extra)


@pytest.fixture
def result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CheckResult:
    """Two documents under the working directory: one with findings, one clean."""
    monkeypatch.chdir(tmp_path)
    dirty, clean = "sops/izin reklame.docx", "sops/clean.docx"
    findings = (
        _finding(dirty, "VRB001", Severity.WARNING, "3", 'Kata kerja "memproses" kabur',
                 suggestion="Sebutkan tindakannya, mis. memeriksa", location="table 2, row 5",
                 words=("memproses",), step_text="Memproses  berkas",
                 where=Where(table=1, row=4, column=1)),
        _finding(dirty, "ACT001", Severity.ERROR, "4", "Langkah 4: tanpa pelaksana, 100%\nlagi",
                 location="table 2, row 6", step_text="Memaraf konsep"),
        _finding(dirty, "VRB003", Severity.INFO, "3", "Kata benda", step_text="Memproses berkas"),
        _finding(dirty, "SOP003", Severity.INFO, None, "bahasa tidak didukung"),
    )
    return CheckResult(reports=(Report(dirty, None, findings), Report(clean, None, ())))


def test_every_format_is_registered() -> None:
    assert set(FORMATS) == {*HUMAN_FORMATS, *REPORTERS} and "concise" in REPORTERS
    assert FORMATS[:2] == ("full", "concise")


def _summary_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CheckResult:
    """Five documents: a flowchart with an error, two narratives with one warning rule,
    a clean narrative, and a file that could not be read."""
    monkeypatch.chdir(tmp_path)
    flow, story, other, clean, broken = (f"sops/{n}.docx" for n in "abcde")
    flowchart, narrative = make_sop(layout="permenpan-flowchart"), make_sop(
        layout="narrative-numbered")
    return CheckResult(reports=(
        Report(flow, flowchart, (_finding(flow, "ACT001", Severity.ERROR, "2"),
                                 _finding(flow, "WRD005", Severity.INFO, "2"))),
        Report(story, narrative, (_finding(story, "IDN006", Severity.WARNING),
                                  _finding(story, "IDN006", Severity.WARNING),
                                  _finding(story, "WRD005", Severity.INFO, "1"),
                                  _finding(story, "WRD005", Severity.INFO, "2"))),
        Report(other, narrative, (_finding(other, "IDN006", Severity.WARNING),)),
        Report(clean, narrative, ()),
        Report(broken, None, (engine_finding(UNREADABLE, broken, "en", "empty file"),)),
    ), unreadable=1)


def _section(text: str, title: str) -> list[list[str]]:
    """The rows (split on runs of spaces) of the table under the line starting `title`."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title)) + 2
    end = next((i for i in range(start, len(lines)) if not lines[i].startswith("  ")),
               len(lines))
    return [re.split(r"\s{2,}", line.strip()) for line in lines[start:end]]


def test_summary_counts_documents_layouts_and_unreadable_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = REPORTERS["summary"](_summary_run(tmp_path, monkeypatch))
    assert text.startswith("Documents: 5 checked, 1 unreadable, 2 with errors, "
                           "1 without findings\n")
    assert _section(text, "Documents:")[:2] == [["numbered steps", "3"],
                                                ["SOP AP flowchart", "1"]]
    assert "  unreadable: sops/e.docx: SOP002 empty file" in text.splitlines()
    assert text.rstrip().endswith("8 findings: 2 errors, 3 warnings, 3 info")


def test_summary_ranks_rules_by_severity_then_documents(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _section(REPORTERS["summary"](_summary_run(tmp_path, monkeypatch)), "Rules")
    assert rows == [["ACT001", "step without an actor", "1", "1", "0", "0"],
                    ["SOP002", "unreadable document", "1", "1", "0", "0"],
                    ["IDN006", "section missing", "2", "0", "3", "0"],
                    ["WRD005", "long step", "2", "0", "0", "3"]]


def test_summary_lists_the_worst_documents_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _section(REPORTERS["summary"](_summary_run(tmp_path, monkeypatch)), "Documents with")
    assert [row[-1] for row in rows] == ["sops/a.docx", "sops/e.docx", "sops/b.docx",
                                        "sops/c.docx"]
    assert rows[2] == ["0", "2", "2", "sops/b.docx"]


def test_summary_of_a_clean_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = REPORTERS["summary"](CheckResult(reports=(Report("a.docx", make_sop(), ()),)))
    assert text.splitlines()[0] == "Documents: 1 checked, 0 unreadable, 0 with errors, " \
        "1 without findings"
    assert "Rules" not in text
    assert text.rstrip().endswith("0 findings: 0 errors, 0 warnings, 0 info")


def test_json_keeps_the_documented_shape(result: CheckResult) -> None:
    data = json.loads(REPORTERS["json"](result))
    assert list(data) == ["findings", "documents", "not_checked"]
    assert data["not_checked"] == []
    assert data["findings"] == [f.to_dict() for f in result.findings]
    assert all(set(item) == DOCUMENTED_KEYS for item in data["findings"])


def test_json_lines_has_one_finding_per_line(result: CheckResult) -> None:
    lines = REPORTERS["json-lines"](result).splitlines()
    assert [json.loads(line) for line in lines] == [f.to_dict() for f in result.findings]


def test_sarif_is_valid_against_the_official_schema(result: CheckResult) -> None:
    log = json.loads(REPORTERS["sarif"](result))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["version"] == "2.1.0"


def test_sarif_describes_every_rule_with_its_documentation(result: CheckResult) -> None:
    driver = json.loads(REPORTERS["sarif"](result))["runs"][0]["tool"]["driver"]
    assert driver["name"] == "soplint"
    assert driver["version"] and driver["informationUri"].startswith("https://")
    ids = [r["id"] for r in driver["rules"]]
    assert set(registered_rules()) | set(ENGINE_CODES) <= set(ids)
    assert {"VRB001", "ACT001", "VRB003"} <= set(ids)  # codes of findings always described
    for descriptor in driver["rules"]:
        assert f"soplint rule {descriptor['id']}" in descriptor["help"]["text"]
        assert descriptor["shortDescription"]["text"]
    for code, rule in registered_rules().items():
        descriptor = driver["rules"][ids.index(code)]
        assert descriptor["fullDescription"]["text"] == rule.doc
        assert descriptor["shortDescription"]["text"] == rule.summary


def test_sarif_results_point_at_the_file_and_the_step(result: CheckResult) -> None:
    run = json.loads(REPORTERS["sarif"](result))["runs"][0]
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["VRB001", "ACT001", "VRB003", "SOP003"]
    assert [r["level"] for r in results] == ["warning", "error", "note", "note"]
    first = results[0]
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "VRB001"
    assert first["message"]["text"].startswith('Kata kerja "memproses" kabur')
    assert "Sebutkan tindakannya" in first["message"]["text"]
    location = first["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "sops/izin%20reklame.docx"
    assert location["logicalLocations"] == [
        {"name": "step 3", "fullyQualifiedName": "step 3 (table 2, row 5)"}]
    assert results[3]["locations"][0]["logicalLocations"][0]["name"] == "document"
    prints = [r["partialFingerprints"]["soplintFinding/v1"] for r in results]
    assert len(set(prints)) == len(prints)


def test_sarif_fingerprint_ignores_step_number_and_spacing(result: CheckResult) -> None:
    moved = Finding(**{**result.findings[0].__dict__, "step": "7",
                       "step_text": "memproses berkas", "location": "table 2, row 9"})
    both = CheckResult(reports=(Report("sops/izin reklame.docx", None,
                                       (result.findings[0], moved)),))
    first, second = json.loads(REPORTERS["sarif"](both))["runs"][0]["results"]
    assert first["partialFingerprints"] == second["partialFingerprints"]


def test_sarif_of_a_real_run_is_valid() -> None:
    report = check_file(FIXTURES / "permenpan_defects.docx")
    log = json.loads(REPORTERS["sarif"](CheckResult(reports=(report,))))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert len(log["runs"][0]["results"]) == len(report.findings)


def test_sarif_names_the_documents_a_run_could_not_read(result: CheckResult) -> None:
    unread = (NotChecked("sops/lama.doc", "Word 97-2003 .doc", "needs LibreOffice"),
              NotChecked("sops/scan.pdf", "PDF", "no PDF reader is installed"))
    log = json.loads(REPORTERS["sarif"](replace(result, not_checked=unread)))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    invocation, = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is True
    notes = invocation["toolExecutionNotifications"]
    assert [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes] == \
        ["sops/lama.doc", "sops/scan.pdf"]
    assert notes[1]["message"]["text"] == "Not checked: PDF; no PDF reader is installed"
    assert len(log["runs"][0]["results"]) == len(result.findings)  # no result made of them


def test_junit_has_a_suite_per_document_and_a_case_per_finding(result: CheckResult) -> None:
    root = ET.fromstring(REPORTERS["junit"](result))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["sops/izin reklame.docx", "sops/clean.docx"]
    cases = suites[0].findall("testcase")
    assert len(cases) == 4
    failed = [c for c in cases if c.find("failure") is not None]
    assert [c.get("name", "").split()[0] for c in failed] == ["VRB001", "ACT001"]
    assert suites[0].get("failures") == "2" and root.get("failures") == "2"
    failure = failed[0].find("failure")
    assert failure is not None
    assert "soplint rule VRB001" in failure.get("message", "")
    assert "Sebutkan tindakannya" in (failure.text or "")
    assert cases[2].find("system-out") is not None  # info: passing, message kept
    clean = suites[1].findall("testcase")
    assert len(clean) == 1 and clean[0].find("failure") is None


def test_csv_has_a_header_and_a_row_per_finding(result: CheckResult) -> None:
    text = REPORTERS["csv"](result)
    assert text.startswith(BOM)
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM))))
    assert tuple(rows[0]) == COLUMNS
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert [r["code"] for r in records] == ["VRB001", "ACT001", "VRB003", "SOP003"]
    assert records[0]["docs"] == "soplint rule VRB001"
    assert records[0]["words"] == "memproses"
    assert records[1]["message"] == "Langkah 4: tanpa pelaksana, 100%\nlagi"
    assert records[3]["step"] == ""


_COMMAND = re.compile(r"^::(error|warning|notice) file=([^,:]+),title=([^,:]+)::(.+)$")


def test_github_writes_one_escaped_workflow_command_per_finding(result: CheckResult) -> None:
    lines = REPORTERS["github"](result).splitlines()
    assert len(lines) == 4
    matches = [_COMMAND.match(line) for line in lines]
    assert all(matches)
    levels = [m.group(1) for m in matches if m]
    assert levels == ["warning", "error", "notice", "notice"]
    first = matches[0]
    assert first is not None and first.group(2) == "sops/izin reklame.docx"
    assert first.group(3) == "VRB001"
    assert first.group(4).endswith("(soplint rule VRB001)")
    assert "100%25%0Alagi" in lines[1]  # % and newline escaped, the command stays one line


def test_full_in_a_file_is_plain_text(result: CheckResult) -> None:
    out = io.StringIO()
    write_report("full", result, out)
    text = out.getvalue()
    assert "\x1b[" not in text
    assert "4 findings in 1 of 2 documents: 1 error, 1 warning, 2 info" in text


def test_check_writes_several_outputs_at_once(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    fixture = str(FIXTURES / "permenpan_defects.docx")
    sarif, junit = tmp_path / "out.sarif", tmp_path / "report.xml"
    main(["check", fixture, "--output-format", "json-lines",
          "--output", f"sarif:{sarif}", "--output", f"junit:{junit}"])
    expected = check_file(fixture).findings
    stdout = capsys.readouterr().out.splitlines()
    assert [json.loads(line) for line in stdout] == [f.to_dict() for f in expected]
    jsonschema.Draft4Validator(SCHEMA).validate(json.loads(sarif.read_text()))
    assert len(ET.parse(junit).getroot().findall("testsuite/testcase")) == len(expected)


def test_check_json_on_stdout_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    fixture = str(FIXTURES / "permenpan_defects.docx")
    main(["check", fixture, "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["findings"] == [f.to_dict() for f in check_file(fixture).findings]
    assert data["not_checked"] == [] and len(data["documents"]) == 1


@pytest.mark.parametrize("spec", ["sarif:report.docx", "sarif:REPORT.DOCX", "xml:out.xml",
                                  "sarif", "sarif:"])
def test_bad_output_options_are_usage_errors(spec: str, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    status = main(["check", str(FIXTURES / "permenpan_defects.docx"), "--output", spec])
    err = capsys.readouterr().err
    assert status == 2
    assert len(err.strip().splitlines()) == 1 and spec in err
    assert list(tmp_path.iterdir()) == []


def test_summary_lists_a_document_soplint_failed_to_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    failed = engine_finding(LOAD_ERROR, "x.docx", "en", "IndexError: list index out of range")
    text = REPORTERS["summary"](CheckResult(reports=(Report("x.docx", None, (failed,)),),
                                            unreadable=1))
    assert "  unreadable: x.docx: SOP004 IndexError: list index out of range" in \
        text.splitlines()
