"""Access to the real SOPs in ../shared/corpus and the step matcher used to score recognition.

Steps are matched by text: both sides whitespace-normalised, lower-cased, quotes straightened
(a reviewer types a straight quote for a curly one), with leading list
numbers and bullets removed; a recovered step matches an expected one when the first 60
characters of the shorter text occur in the longer (the expected texts are cut at 120
characters, and a reviewer may write a sub-heading before the step). Each expected step is
matched at most once, in reading order.

An actor is right when one name holds the other as whole words, ignoring case, articles and
punctuation: "The system" / "system", "Incident Response Team" / "Incident Response Team
Leader and Team Members" (labels name a role as the step or the role list writes it).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FILES = CORPUS / "files"
EXPECTED = CORPUS / "expected"
EXPECTED_NEXT = CORPUS / "expected-next"
_LEAD = re.compile(r"^\s*(?:[\dA-Za-z]{1,3}(?:\.\d{1,3})*[.)]\s+|[•·●◦▪■*✔✓-]\s*)")


def corpus_docx() -> list[Path]:
    """Every .docx in the corpus (empty when the corpus is absent)."""
    return sorted(FILES.glob("*.docx")) if FILES.is_dir() else []


def expected_for(path: Path) -> dict[str, Any] | None:
    """The reviewer's labels for a corpus file (from `expected/` or `expected-next/`)."""
    for folder in (EXPECTED, EXPECTED_NEXT):
        label = folder / f"{path.name}.json"
        if label.is_file():
            return dict(json.loads(label.read_text(encoding="utf-8")))
    return None


_NAME_NOISE = re.compile(r"[^\w\s]|\b(?:the|a|an)\b")


def _name(text: str) -> str:
    return " ".join(_NAME_NOISE.sub(" ", text.lower()).split())


def same_actor(found: str, expected: str) -> bool:
    """Whether a recovered actor names the expected one (see module docstring)."""
    a, b = _name(found), _name(expected)
    if not a or not b:
        return False
    shorter, longer = sorted((a, b), key=len)
    return f" {shorter} " in f" {longer} "


_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"'})


def normalise(text: str) -> str:
    """Lower case, single spaces, straight quotes, no leading number or bullet, at most 120
    characters."""
    text = " ".join(text.translate(_QUOTES).split()).lower()
    text = _LEAD.sub("", text, count=1)
    return text[:120]


def same_step(found: str, expected: str) -> bool:
    """Whether a recovered step text matches an expected one (see module docstring)."""
    a, b = normalise(found), normalise(expected)
    if not a or not b:
        return False
    shorter, longer = sorted((a, b), key=len)
    return shorter[:60] in longer


def step_pairs(found: Sequence[str], expected: Sequence[str]) -> dict[int, int]:
    """Each recovered step (by index) matched to a distinct expected step (greedy, in
    order), so that steps of the same text in two sub-flowcharts pair one to one."""
    pairs: dict[int, int] = {}
    for index, text in enumerate(found):
        for i, want in enumerate(expected):
            if i not in pairs.values() and same_step(text, want):
                pairs[index] = i
                break
    return pairs


def match_steps(found: Sequence[str], expected: Sequence[str]) -> int:
    """How many recovered steps match distinct expected steps (greedy, in order)."""
    return len(step_pairs(found, expected))


@dataclass(frozen=True)
class Recovered:
    """How well one labelled document's steps and actors were recovered."""

    name: str
    found: int
    expected: int
    matched: int
    actors_right: int
    actors_labelled: int

    @property
    def f1(self) -> float:
        """F1 of the step matches (1.0 when nothing is expected and nothing found)."""
        if not self.found and not self.expected:
            return 1.0
        return 2 * self.matched / (self.found + self.expected)


def recovered(name: str, found: Sequence[tuple[str, Sequence[str]]],
              expected: Sequence[dict[str, Any]]) -> Recovered:
    """Steps (text, actors) against the labelled steps: matches as `match_steps`, and on
    each matched step with a labelled actor, whether one of its actors is that one."""
    used: set[int] = set()
    matched = right = labelled = 0
    for text, actors in found:
        for i, want in enumerate(expected):
            if i not in used and same_step(text, want["text"]):
                used.add(i)
                matched += 1
                if want.get("actor"):
                    labelled += 1
                    right += any(same_actor(a, want["actor"]) for a in actors)
                break
    return Recovered(name, len(found), len(expected), matched, right, labelled)


def table(rows: Iterable[Recovered]) -> str:
    """The per-file table the corpus test prints."""
    lines = [f"{'file':52} {'found':>5} {'exp':>4} {'match':>5} {'F1':>5} {'actor':>7}"]
    for row in rows:
        actor = f"{row.actors_right}/{row.actors_labelled}" if row.actors_labelled else "-"
        lines.append(f"{row.name[:52]:52} {row.found:5} {row.expected:4} {row.matched:5} "
                     f"{row.f1:5.2f} {actor:>7}")
    return "\n".join(lines)
