"""No silent "all good": the JSON report lists every document of the run, checked or not
readable, so that a clean document is told from one that was skipped."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from soplint.cli import main
from tests.hostile import document, no_hang


def test_a_clean_document_is_told_from_one_that_was_not_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "sop"
    folder.mkdir()
    document(folder, "clean.docx")
    os.mkfifo(folder / "pipe.docx")
    (folder / "empty.docx").write_bytes(b"")
    with no_hang():
        status = main(["check", str(folder), "--select", "SOP", "--format", "json"])
    assert status == 2
    data = json.loads(capsys.readouterr().out)
    documents = {Path(d["file"]).name: d for d in data["documents"]}
    assert set(documents) == {"clean.docx", "pipe.docx", "empty.docx"}
    clean = documents["clean.docx"]
    assert (clean["status"], clean["problem"], clean["findings"]) == ("checked", None, 0)
    assert clean["steps"] and clean["title"]
    findings = {Path(f["file"]).name: f for f in data["findings"]}
    assert "not a pipe" in findings["pipe.docx"]["suggestion"]
    assert "save it as a .docx" in findings["empty.docx"]["suggestion"]
    for name, problem in (("pipe.docx", "named pipe"), ("empty.docx", "empty file")):
        entry = documents[name]
        assert entry["status"] == "unreadable" and problem in entry["problem"]
        assert entry["steps"] is None and entry["findings"] == 1


def test_the_documents_keep_their_documented_keys(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(document(tmp_path)), "--format", "json"])
    (entry,) = json.loads(capsys.readouterr().out)["documents"]
    assert list(entry) == ["file", "title", "layout", "language", "steps", "main_path",
                           "findings", "status", "problem"]
