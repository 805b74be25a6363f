"""IDN001 identity-field-missing: Permenpan identity fields that are absent."""

from __future__ import annotations

import tomllib

import pytest
from soplint_rules._idn_common import PERMENPAN_LABELS
from soplint_rules.idn001_identity_field_missing import identity_field_missing

from soplint.recognize.identity import PERMENPAN_FIELDS
from soplint.testing import make_sop, make_step, run, verify
from tests.rules.fixture_support import FIXTURES, fixture

FULL = {key: "isi" for key in PERMENPAN_FIELDS}


def test_complete_identity_block_is_clean_even_with_empty_values() -> None:
    empty = {**FULL, "dasar_hukum": "", "tanggal_revisi": "-"}
    verify(identity_field_missing, valid=[make_sop([make_step("1", "Menerima")], meta=FULL),
                                          make_sop([], meta=empty)])


def test_one_finding_per_absent_field_named_as_permenpan_labels_it() -> None:
    meta = {k: v for k, v in FULL.items() if k not in ("dasar_hukum", "peralatan")}
    sop = make_sop([make_step("1", "Menerima")], meta=meta)
    verify(identity_field_missing, invalid=[(sop, [None, None])])
    messages = [v.message.en for v in run(identity_field_missing, sop)]
    assert messages == ["The identity block has no \"Dasar Hukum\" field.",
                        "The identity block has no \"Peralatan/Perlengkapan\" field."]


def test_no_identity_at_all_gives_twelve_findings() -> None:
    assert len(run(identity_field_missing, make_sop([]))) == 12


def missing_labels(name: str) -> list[str]:
    spec = tomllib.loads((FIXTURES / "specs" / name.replace(".docx", ".toml")).read_text())
    prefix = "missing-identity:"
    return [d[len(prefix):] for d in spec.get("doc_defects", []) if d.startswith(prefix)]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("permenpan_*.docx")))
def test_fixture_absent_fields_match_the_labels(name: str) -> None:
    sop = fixture(name)
    expected = [k for k in PERMENPAN_FIELDS if k in missing_labels(name) and k not in sop.meta]
    found = [v.message.en for v in run(identity_field_missing, sop)]
    assert found == [f"The identity block has no \"{PERMENPAN_LABELS[k]}\" field."
                     for k in expected]


def test_the_defects_fixture_lacks_peringatan() -> None:
    sop = fixture("permenpan_defects.docx")
    assert [v.message.id for v in run(identity_field_missing, sop)] == [
        "Bagian identitas tidak memuat \"Peringatan\"."]
