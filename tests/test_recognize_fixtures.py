"""The recognizers against the generated fixtures: each spec in fixtures/specs is the truth."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

import soplint
from soplint.model import Layout, Sop

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SPECS = sorted((FIXTURES / "specs").glob("*.toml"))
_LAYOUTS = {"permenpan": Layout.PERMENPAN, "step-table": Layout.STEP_TABLE,
            "narrative": Layout.NARRATIVE, "unknown": Layout.UNKNOWN}


def _spec(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _load(spec: dict[str, Any]) -> Sop:
    return soplint.load(FIXTURES / spec["file"])


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("path", SPECS, ids=[p.stem for p in SPECS])
def test_layout_language_and_actors(path: Path) -> None:
    spec = _spec(path)
    sop = _load(spec)
    assert sop.layout is _LAYOUTS[spec["layout"]]
    if spec["layout"] == "unknown":
        assert sop.steps == () and sop.reason
        return
    assert sop.language == spec["language"]
    assert [a.name for a in sop.actors][: len(spec["actors"])] == spec["actors"]


@pytest.mark.parametrize("path", SPECS, ids=[p.stem for p in SPECS])
def test_steps(path: Path) -> None:
    spec = _spec(path)
    sop = _load(spec)
    want = spec.get("steps", [])
    got = [(s.number, _squash(s.text), list(s.actors)[:1] if s.explicit_actor else [],
            str(s.kind)) for s in sop.steps]
    expected = [(w["n"], _squash(w["text"]), [w["actor"]] if w["actor"] else [], w["kind"])
                for w in want]
    assert got == expected


@pytest.mark.parametrize("path", [p for p in SPECS if "responsible = " in p.read_text()],
                         ids=lambda p: p.stem)
def test_responsible_role_is_inherited_by_the_imperative_steps(path: Path) -> None:
    spec = _spec(path)
    sop = _load(spec)
    assert sop.responsible == spec["responsible"]
    inherited = [s for s in sop.steps if not s.explicit_actor]
    assert inherited and all(s.actors == (spec["responsible"],) for s in inherited)


@pytest.mark.parametrize("path", SPECS, ids=[p.stem for p in SPECS])
def test_times(path: Path) -> None:
    spec = _spec(path)
    sop = _load(spec)
    got = [_squash(s.time.text) if s.time else "" for s in sop.steps]
    assert got == [_squash(w.get("time", "")) for w in spec.get("steps", [])]


def _link_target(ref: str) -> str:
    """Spec links may name the k-th step with a repeated number as "n#k"."""
    return ref.split("#")[0]


@pytest.mark.parametrize("path", [p for p in SPECS if "links = " in p.read_text()],
                         ids=lambda p: p.stem)
def test_links(path: Path) -> None:
    """Every link a step states, drawn or written ("kembali ke langkah 1"), is recovered."""
    spec = _spec(path)
    sop = _load(spec)
    for step, want in zip(sop.steps, spec["steps"], strict=True):
        if "links" not in want:
            continue
        drawn = {(link.to, link.label or "") for link in step.links}
        stated = [*want["links"], *want.get("text_links", [])]
        expected = {(_link_target(w["to"]), w["label"]) for w in stated}
        # An exit drawn with an unglued line and a Ya/Tidak label has a known label but an
        # unresolved target (""): it must stand for exactly one expected exit with that label.
        for link in [d for d in drawn if d[0] == ""]:
            drawn.discard(link)
            match = [e for e in expected if e[1] == link[1] and e not in drawn]
            assert len(match) == 1, f"step {step.number}: unresolved {link}"
            expected.discard(match[0])
        assert drawn == expected, f"step {step.number}"


@pytest.mark.parametrize("path", SPECS, ids=[p.stem for p in SPECS])
def test_identity_values(path: Path) -> None:
    spec = _spec(path)
    sop = _load(spec)
    pairs = {(_squash(f.label).rstrip(":"), _squash(f.value)) for f in sop.meta.values()}
    for label, value in spec.get("identity", {}).items():
        if _squash(value) in {"", "-"}:
            continue
        assert (_squash(label).rstrip(":"), _squash(value)) in pairs, f"{label!r} not paired"
