"""Recognition on real SOPs nobody here wrote (../shared/corpus), skipped when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

import soplint
from soplint.model import Layout
from tests.corpus import corpus_docx, expected_for, match_steps

DOCX = corpus_docx()
needs_corpus = pytest.mark.skipif(
    not DOCX, reason="the shared corpus (../shared/corpus/files) is not present")


@needs_corpus
@pytest.mark.parametrize("path", DOCX, ids=lambda p: p.name)
def test_every_real_docx_loads(path: Path) -> None:
    sop = soplint.load(path)
    assert sop.steps or (sop.reason and sop.layout in {Layout.UNKNOWN, Layout.PERMENPAN})


@needs_corpus
def test_steps_recovered_match_the_reviewers_labels() -> None:
    rows = []
    found_total = expected_total = hits_total = 0
    for path in DOCX:
        expected = expected_for(path)
        if expected is None:
            continue
        found = [step.text for step in soplint.load(path).steps]
        want = [step["text"] for step in expected["steps"]]
        hits = match_steps(found, want)
        rows.append(f"{path.name[:52]:52} found {len(found):3}  expected {len(want):3}  "
                    f"matched {hits:3}")
        found_total += len(found)
        expected_total += len(want)
        hits_total += hits
    precision = hits_total / found_total
    recall = hits_total / expected_total
    print("\n".join(rows))
    print(f"overall: precision {precision:.3f}  recall {recall:.3f}")
    assert precision >= 0.90
    assert recall >= 0.90


@needs_corpus
def test_flowchart_actors_come_from_the_symbol_columns() -> None:
    path = next(p for p in DOCX if p.name == "libreoffice__SOP_Penerbitan_Izin_Reklame.docx")
    expected = expected_for(path)
    assert expected is not None
    sop = soplint.load(path)
    assert [a.name for a in sop.actors] == expected["actors_declared"]
    got = [(s.actors[0] if s.actors else None, str(s.kind)) for s in sop.steps]
    assert got == [(s["actor"], s["kind"]) for s in expected["steps"]]
