"""IO001 output-missing: SOP AP activities with an empty Output cell."""

from __future__ import annotations

import tomllib

import pytest
from soplint_rules.io001_output_missing import output_missing

from soplint.testing import make_sop, make_step, run, verify
from tests.rules.fixture_support import FIXTURES, fixture


def test_every_activity_including_terminators_needs_an_output() -> None:
    sop = make_sop([make_step("1", "Menerima surat", kind="start", output=""),
                    make_step("2", "Memeriksa surat", kind="decision", output="  "),
                    make_step("3", "Mencatat surat", output="Agenda surat"),
                    make_step("4", "Mengarsipkan surat", kind="end", output="")])
    verify(output_missing, invalid=[(sop, ["1", "2", "4"])])


def test_not_for_connectors_bare_terminators_dashes_or_missing_column() -> None:
    sop = make_sop([make_step("1", "Mulai", kind="start", output=""),
                    make_step("A", "A", kind="connector", output=""),
                    make_step("2", "Mencatat surat", output="-"),
                    make_step("3", "Mencatat surat", output=None),
                    make_step("4", "Selesai", kind="end", output="")])
    verify(output_missing, valid=[sop])


def test_message_and_suggestion() -> None:
    (found,) = run(output_missing, make_sop([make_step("7", "Menggandakan surat", output="")]))
    assert found.message.id == "Output langkah 7 kosong."
    assert found.suggestion is not None and "Berita acara" in found.suggestion.id


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.docx")))
def test_fixture_steps_match_the_missing_output_labels(name: str) -> None:
    spec = tomllib.loads((FIXTURES / "specs" / name.replace(".docx", ".toml")).read_text())
    labelled = [s["n"] for s in spec["steps"] if "missing-output" in s.get("defects", [])]
    found = run(output_missing, fixture(name))
    assert [v.step.number for v in found if v.step] == labelled
    if name == "permenpan_defects.docx":
        assert labelled == ["7"]
