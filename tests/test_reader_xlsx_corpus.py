"""Excel workbooks of the real corpus (../shared/corpus), skipped when it is absent: every one
loads, and the labelled ones reach the recognition targets (steps precision and recall, actor
accuracy >= 0.90), printed beside each other."""

from __future__ import annotations

from pathlib import Path

import pytest

import soplint
from soplint.model import Layout
from tests.corpus import FILES, expected_for, same_step

pytest.importorskip("openpyxl", reason="the Excel reader needs soplint[xlsx]")
WORKBOOKS = sorted(FILES.glob("*.xlsx")) if FILES.is_dir() else []
needs_corpus = pytest.mark.skipif(
    not WORKBOOKS, reason="the shared corpus (../shared/corpus/files) has no .xlsx here")


def _actor(name: str | None) -> str:
    return " ".join((name or "").split()).lower()


@needs_corpus
@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.name)
def test_every_real_workbook_loads(path: Path) -> None:
    for sop in soplint.load_all(path):
        assert sop.steps or sop.reason


@needs_corpus
def test_labelled_workbooks_reach_the_recognition_targets() -> None:
    found_total = expected_total = hits = actors_right = 0
    rows = []
    for path in WORKBOOKS:
        expected = expected_for(path)
        if expected is None:
            continue
        sop = soplint.load(path)
        assert str(sop.layout) == expected["layout"] == Layout.PERMENPAN
        want = list(expected["steps"])
        matched = right = 0
        for step in sop.steps:
            pair = next((w for w in want if same_step(step.text, w["text"])), None)
            if pair is None:
                continue
            want.remove(pair)
            matched += 1
            right += _actor(step.actors[0] if step.actors else None) == _actor(pair["actor"])
        rows.append(f"{path.name[:52]:52} found {len(sop.steps):3}  expected "
                    f"{len(expected['steps']):3}  matched {matched:3}  actors right {right:3}")
        found_total += len(sop.steps)
        expected_total += len(expected["steps"])
        hits += matched
        actors_right += right
    assert expected_total, "no labelled workbook in the corpus"
    precision, recall = hits / found_total, hits / expected_total
    actors = actors_right / hits
    print("\n".join(rows))
    print(f"xlsx overall: precision {precision:.3f}  recall {recall:.3f}  actors {actors:.3f}")
    assert precision >= 0.90
    assert recall >= 0.90
    assert actors >= 0.90
