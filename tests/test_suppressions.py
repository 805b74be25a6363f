"""Suppressions written in Word: review comments on a step, the `soplint-ignore` property,
and SOP100 for a suppression that hides nothing."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from soplint.checking import CheckOptions, check_file, check_sop
from soplint.cli import main
from soplint.config import Config, config_from_mapping
from soplint.findings import Finding
from soplint.model import Layout
from soplint.rule import Severity
from soplint.suppressions import parse_codes
from soplint.testing import make_sop, make_step
from soplint.tree import Where

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FLOW = FIXTURES / "permenpan_defects.docx"  # VRB001 on step 2, TIM002 on step 5, ...
NARRATIVE = FIXTURES / "id_narrative.docx"


def _commented(source: Path, target: Path, anchors: list[tuple[str, str]],
               cell_column: int | None = None) -> Path:
    """A copy of `source` with one comment per (text the paragraph starts with, comment).
    With `cell_column`, the comment goes on that column's cell of the paragraph's table row."""
    document = docx.Document(str(source))
    paragraphs = list(document.paragraphs)
    rows = [row for table in document.tables for row in table.rows]
    for start, text in anchors:
        if cell_column is None:
            paragraph = next(p for p in paragraphs if p.text.startswith(start))
        else:
            row = next(r for r in rows if any(c.text.startswith(start) for c in r.cells))
            paragraph = row.cells[cell_column].paragraphs[0]
        document.add_comment(paragraph.runs, text=text, author="Reviewer")
    document.save(str(target))
    return target


_CUSTOM = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
           'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
           'docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
           'name="{name}"><vt:lpwstr>{value}</vt:lpwstr></property></Properties>')
_REL = ('<Relationship Id="rIdCustom1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/custom-properties" Target="docProps/custom.xml"/>')
_OVERRIDE = ('<Override PartName="/docProps/custom.xml" ContentType="application/'
             'vnd.openxmlformats-officedocument.custom-properties+xml"/>')


def _with_property(source: Path, target: Path, name: str, value: str) -> Path:
    """A copy of `source` with a custom document property, written as Word writes it."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "_rels/.rels":
                data = data.replace(b"</Relationships>", _REL.encode() + b"</Relationships>")
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", _OVERRIDE.encode() + b"</Types>")
            new.writestr(item, data)
        new.writestr("docProps/custom.xml",
                     _CUSTOM.replace("{name}", name).replace("{value}", value))
    return target


def _found(path: Path, config: Config | None = None) -> list[tuple[str, str | None]]:
    report = check_file(path, CheckOptions(config=config or Config()))
    return [(f.code, f.step) for f in report.findings]


def _unused(path: Path, config: Config | None = None) -> list[Finding]:
    report = check_file(path, CheckOptions(config=config or Config()))
    return [f for f in report.findings if f.code == "SOP100"]


@pytest.mark.parametrize(("text", "codes"), [
    ("soplint: ignore VRB001", ("VRB001",)),
    ("SOPLINT:IGNORE vrb001,tim", ("VRB001", "TIM")),
    ("soplint : ignore ACT001 , WRD  — the applicant acts here", ("ACT001", "WRD")),
    ("soplint: ignore: ACT", ("ACT",)),
    ("please soplint: ignore ACT001", None),
    ("soplint: check this", None),
    ("soplint: ignore", None),
])
def test_comment_syntax(text: str, codes: tuple[str, ...] | None) -> None:
    assert parse_codes(text) == codes


def test_flowchart_comment_anywhere_in_the_step_row(tmp_path: Path) -> None:
    assert ("VRB001", "2") in _found(FLOW)
    # On the "No" cell of step 2's row, not on its Kegiatan cell.
    doc = _commented(FLOW, tmp_path / "c.docx", [("Memproses", "soplint: ignore VRB001")],
                     cell_column=0)
    found = _found(doc)
    assert ("VRB001", "2") not in found
    assert ("TIM002", "5") in found and ("VRB003", "3") in found
    assert _unused(doc) == []


def test_comment_prefix_covers_only_its_step(tmp_path: Path) -> None:
    doc = _commented(FLOW, tmp_path / "c.docx",
                     [("Melakukan pemeriksaan", "soplint: ignore VRB, LNK")], cell_column=1)
    found = _found(doc)
    assert ("VRB003", "3") not in found and ("LNK002", "3") not in found
    assert ("VRB001", "2") in found  # another step's finding stays


def test_unused_comment_is_sop100_naming_code_and_place(tmp_path: Path) -> None:
    doc = _commented(FLOW, tmp_path / "c.docx",
                     [("Memproses", "soplint: ignore VRB001, TIM001")], cell_column=1)
    (unused,) = _unused(doc, config_from_mapping({"lang": "en"}))
    assert unused.severity is Severity.WARNING and unused.step is None
    assert "TIM001" in unused.message and "VRB001" not in unused.message
    assert "comment 0 on Step 2:" in unused.message
    assert unused.location == "table 2, row 4, column 2" and unused.place == "Step 2"
    assert unused.location == "table 2, row 4, column 2"
    assert ("VRB001", "2") not in _found(doc)


def test_sop100_can_be_ignored_and_its_severity_changed(tmp_path: Path) -> None:
    doc = _commented(FLOW, tmp_path / "c.docx", [("Memproses", "soplint: ignore TIM001")],
                     cell_column=1)
    assert _unused(doc, config_from_mapping({"ignore": ["SOP100"]})) == []
    (unused,) = _unused(doc, config_from_mapping({"severity": {"SOP100": "error"}}))
    assert unused.severity is Severity.ERROR


def test_no_sop100_for_a_rule_that_did_not_run(tmp_path: Path) -> None:
    doc = _commented(FLOW, tmp_path / "c.docx", [("Memproses", "soplint: ignore TIM001")],
                     cell_column=1)
    assert _unused(doc, config_from_mapping({"select": ["VRB"]})) == []
    assert len(_unused(doc, config_from_mapping({"select": ["TIM"]}))) == 1


def test_mistyped_code_is_reported(tmp_path: Path) -> None:
    doc = _commented(FLOW, tmp_path / "c.docx", [("Memproses", "soplint: ignore VRV001")],
                     cell_column=1)
    (unused,) = _unused(doc)
    assert "VRV001" in unused.message


def test_other_comments_are_not_suppressions(tmp_path: Path) -> None:
    doc = _commented(FLOW, tmp_path / "c.docx", [("Memproses", "Tolong perjelas VRB001")],
                     cell_column=1)
    assert ("VRB001", "2") in _found(doc) and _unused(doc) == []


NARRATIVE_CONFIG = config_from_mapping(
    {"lexicon": {"id": {"vague-verbs": {"extra": ["mengambil", "mencatat"]}}}})


def test_narrative_comment_covers_its_paragraph(tmp_path: Path) -> None:
    before = [s for c, s in _found(NARRATIVE, NARRATIVE_CONFIG) if c == "VRB001"]
    assert before == ["3.b", "3.c"]
    doc = _commented(NARRATIVE, tmp_path / "n.docx",
                     [("mengambil boks", "soplint: ignore VRB001")])
    after = [s for c, s in _found(doc, NARRATIVE_CONFIG) if c == "VRB001"]
    assert after == ["3.c"]


def test_document_property_ignores_codes_everywhere(tmp_path: Path) -> None:
    doc = _with_property(FLOW, tmp_path / "p.docx", "soplint-ignore", "VRB, TIM002, ACT009")
    found = _found(doc)
    assert not [c for c, _ in found if c.startswith("VRB") or c == "TIM002"]
    assert ("ACT001", "6") in found
    (unused,) = _unused(doc, config_from_mapping({"lang": "en"}))
    assert "ACT009" in unused.message and "document property soplint-ignore" in unused.message


def test_in_memory_model_comment_and_cli_rule_doc(capsys: pytest.CaptureFixture[str]) -> None:
    steps = [make_step("1", "Memproses berkas", time="5 menit", ordinal=0),
             make_step("2", "Memproses arsip", time="5 menit", ordinal=1)]  # paragraphs 0, 1
    plain = make_sop(steps, layout=Layout.NARRATIVE.value)
    commented = make_sop(steps, layout=Layout.NARRATIVE.value,
                         comments=(("7", "A", "soplint: ignore VRB001"),),
                         comment_anchors=(("7", Where(paragraph=1)),))
    options = CheckOptions(config=Config(), select=("VRB001",))
    assert [f.step for f in check_sop(plain, options).findings] == ["1", "2"]
    assert [f.step for f in check_sop(commented, options).findings] == ["1"]
    assert main(["rule", "SOP100"]) == 0
    assert "unused-suppression" in capsys.readouterr().out
