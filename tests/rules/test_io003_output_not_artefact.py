"""IO003 output-not-artefact: outputs that are states ("Selesai", "Done")."""

from __future__ import annotations

import tomllib

import pytest
from soplint_rules.io003_output_not_artefact import output_not_artefact

from soplint.rule import Severity
from soplint.testing import make_sop, make_step, run, verify
from tests.rules.fixture_support import FIXTURES, fixture


def test_indonesian_state_outputs() -> None:
    sop = make_sop([make_step("1", "Mengarsipkan surat", output="Selesai"),
                    make_step("2", "Rapat", output="Terlaksana."),
                    make_step("3", "Mencatat surat", output="Agenda surat masuk"),
                    make_step("4", "Mengetik surat", output="Surat selesai diketik"),
                    make_step("5", "Menggandakan surat", output="-")])
    verify(output_not_artefact, invalid=[(sop, ["1", "2", "5"])])
    assert run(output_not_artefact, sop)[0].words == ("Selesai",)


def test_english_state_outputs() -> None:
    sop = make_sop([make_step("1", "Close the RFC", output="Done"),
                    make_step("2", "Test the change", output="Completed checklist"),
                    make_step("3", "Schedule the change", output="Change calendar entry")],
                   layout="table-steps", language="en", columns={"actor", "output"})
    verify(output_not_artefact, invalid=[(sop, ["1"])])


def test_low_confidence_entry_is_info() -> None:
    sop = make_sop([make_step("1", "Memeriksa berkas", output="Lengkap")])
    (found,) = run(output_not_artefact, sop)
    assert found.severity is Severity.INFO


def test_empty_or_absent_outputs_are_io001s() -> None:
    sop = make_sop([make_step("1", "Memeriksa berkas", output=""),
                    make_step("2", "Memeriksa berkas", output=None)])
    verify(output_not_artefact, valid=[sop])


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.docx")))
def test_fixture_steps_match_the_labels(name: str) -> None:
    sop = fixture(name)
    if sop.language not in ("id", "en"):
        return
    spec = tomllib.loads((FIXTURES / "specs" / name.replace(".docx", ".toml")).read_text())
    labelled = [s["n"] for s in spec["steps"] if "non-artefact-output" in s.get("defects", [])]
    assert [v.step.number for v in run(output_not_artefact, sop) if v.step] == labelled
    if name == "permenpan_defects.docx":
        assert labelled == ["9"]
