"""The 114 BPS SOP AP PDFs of ../shared/corpus/bulk/bps, skipped when absent: every one is a
permenpan-flowchart with steps and an actor on every step that has a symbol, or (its
flowchart a raster picture) one "needs OCR" problem; the identity fields agree with
bps-reference.json (difflib ratio >= 0.8 on normalised text) for >= 90 % of the
(document, field) pairs the reference fills. Prints the agreement per field and the
distribution of step counts."""

from __future__ import annotations

import difflib
import importlib.util
import json
import re
from collections import Counter

import pytest

import soplint
from soplint.errors import DocumentError
from soplint.model import Layout, Sop
from tests.corpus import CORPUS

BULK = CORPUS / "bulk" / "bps"
REFERENCE = CORPUS / "bulk" / "bps-reference.json"
pytestmark = pytest.mark.skipif(
    not REFERENCE.is_file() or importlib.util.find_spec("pdfplumber") is None,
    reason=f"the bulk BPS PDFs ({BULK}) are absent here, or soplint[pdf] is not installed")

# reference key -> the model's identity key
FIELDS = {"title": "nama", "legalBasis": "dasar_hukum",
          "executorQualification": "kualifikasi_pelaksana", "equipment": "peralatan",
          "warnings": "peringatan", "recordKeeping": "pencatatan",
          "pengesahan": "disahkan_oleh"}
_NUMBER = re.compile(r"(?:^|\s)(?:\d{1,2}|[a-z])[.,)](?=\s)")
_NIP = re.compile(r"\bnip\.?\s*[\d\s]{8,}")
_NOISE = re.compile(r"[^\w]+")


def normalised(text: str) -> str:
    """Lower case, without list numbers ("1.", "a)"), punctuation, the signer's NIP (the
    reference keeps the name and title only) or repeated spaces."""
    text = _NIP.sub(" ", text.lower())
    text = _NUMBER.sub(" ", f" {text} ")
    return " ".join(_NOISE.sub(" ", text).split())


def _symbol_rows(sop: Sop) -> set[tuple[int | None, int | None]]:
    return {(where.table, where.row) for _, where in sop.symbols}


def test_every_bulk_pdf_is_read_and_its_identity_agrees_with_the_reference() -> None:
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    agree: Counter[str] = Counter()
    filled: Counter[str] = Counter()
    steps: Counter[int] = Counter()
    pictured = []
    for path in sorted(BULK.glob("*.pdf")):
        try:
            sop = soplint.load(path)
        except DocumentError as exc:
            assert "needs OCR" in exc.problem, f"{path.name}: {exc.problem}"
            pictured.append(path.name)
            continue
        assert sop.layout is Layout.PERMENPAN, path.name
        assert sop.steps, path.name
        rows = _symbol_rows(sop)
        assert [s.number for s in sop.steps
                if (s.where.table, s.where.row) in rows and not s.actors] == [], path.name
        steps[len(sop.steps)] += 1
        for key, field in FIELDS.items():
            want = (reference.get(path.name) or {}).get(key)
            if not want:
                continue
            filled[key] += 1
            got = sop.meta[field].value if field in sop.meta else ""
            ratio = difflib.SequenceMatcher(None, normalised(want), normalised(got)).ratio()
            agree[key] += ratio >= 0.8
    print()
    for key in FIELDS:
        print(f"{key:24} {agree[key]:3}/{filled[key]:3}")
    total = sum(agree.values()) / sum(filled.values())
    print(f"identity agreement {total:.3f} over {sum(filled.values())} (document, field) pairs")
    print("steps per SOP:", ", ".join(f"{n}: {c}" for n, c in sorted(steps.items())))
    print(f"flowchart drawn as a picture (needs OCR): {len(pictured)}")
    assert sum(steps.values()) + len(pictured) == len(list(BULK.glob("*.pdf")))
    assert total >= 0.90
