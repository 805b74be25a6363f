"""IDN002 identity-field-empty: present but empty, "-" or placeholder identity fields."""

from __future__ import annotations

import tomllib

import pytest
from soplint_rules._idn_common import PERMENPAN_LABELS
from soplint_rules.idn002_identity_field_empty import identity_field_empty

from soplint.model import Sop
from soplint.recognize.identity import PERMENPAN_FIELDS
from soplint.rule import Severity
from soplint.testing import make_sop, run, verify
from tests.rules.fixture_support import FIXTURES, fixture

FULL = {key: "Terisi" for key in PERMENPAN_FIELDS}


def with_(**values: str) -> Sop:
    return make_sop([], meta={**FULL, **values})


@pytest.mark.parametrize("value", ["", "  ", ":", "-", "–", "{{nomor_sop}}", "{nip}",
                                   "{%p for x in y %}", "…", "...", "xxx", "*****", "[isi]",
                                   "…   Tahun 2024", "TBD"])
def test_empty_dash_and_placeholders(value: str) -> None:
    verify(identity_field_empty, invalid=[(with_(nomor=value), [None])])


@pytest.mark.parametrize("value", ["800/101/SOP/SETDA/2024", "Nomor 5 Tahun 2014", "Texas",
                                   "1. Komputer\n2. Printer"])
def test_filled_values(value: str) -> None:
    verify(identity_field_empty, valid=[with_(nomor=value, peralatan=value)])


def test_dash_is_fine_for_revision_date_and_keterkaitan() -> None:
    verify(identity_field_empty, valid=[with_(tanggal_revisi="-", keterkaitan="-")],
           invalid=[(with_(dasar_hukum="-"), [None])])


def test_empty_revision_date_is_a_warning() -> None:
    (found,) = run(identity_field_empty, with_(tanggal_revisi=""))
    assert found.severity is Severity.WARNING
    assert "Tanggal Revisi" in found.message.en
    (error,) = run(identity_field_empty, with_(peringatan=""))
    assert error.severity is None and "\"Peringatan\"" in error.message.id


def test_placeholder_is_the_highlighted_word() -> None:
    (found,) = run(identity_field_empty, with_(nama="SOP {{judul}}"))
    assert found.words == ("{{judul}}",)


def missing_labels(name: str) -> list[str]:
    spec = tomllib.loads((FIXTURES / "specs" / name.replace(".docx", ".toml")).read_text())
    prefix = "missing-identity:"
    return [d[len(prefix):] for d in spec.get("doc_defects", []) if d.startswith(prefix)]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("permenpan_*.docx")))
def test_fixture_empty_fields_match_the_labels(name: str) -> None:
    sop = fixture(name)
    expected = [k for k in PERMENPAN_FIELDS if k in missing_labels(name) and k in sop.meta]
    found = [v.message.en for v in run(identity_field_empty, sop)]
    assert found == [f"Field \"{PERMENPAN_LABELS[k]}\" is only \"-\"."
                                  for k in expected]


def test_the_defects_fixture_has_an_empty_dasar_hukum() -> None:
    assert "dasar_hukum" in missing_labels("permenpan_defects.docx")


def generic(**values: str) -> Sop:
    return make_sop([], layout="narrative-numbered", language="en", meta=values)


def test_generic_sop_document_control_fields() -> None:
    sop = generic(document_id="", version="2", approved_by="TBD", effective_date="-")
    found = run(identity_field_empty, sop)
    assert [v.words for v in found] == [(), ("-",), ("TBD",)]
    assert all(v.severity is Severity.WARNING for v in found)
    assert found[0].message.en == 'Field "document_id" is empty.'
    verify(identity_field_empty, valid=[generic(document_id="QA-014", version="2"),
                                        generic(dasar_hukum="")],  # not asked of these SOPs
           invalid=[(generic(nomor="", disahkan_oleh="{{nama}}"), [None, None])])
