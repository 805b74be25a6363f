"""Measure: how precise the rules are against labelled SOPs (a measurement, not a test).

Labels come from ../shared/corpus/expected/ and expected-next/ (real documents, one
reviewer's judgement; every labelled file an installed reader takes: .docx, .xlsx, .pdf) and
from fixtures/specs/*.toml (our own flowcharts and SOPs with planted defects, which is where
the link and time rules get most of their labels). Every finding a user sees by default
counts, info included, when its rule has a label code to be held against (`RULE_LABELS`: the
codes the corpus guide lists; undeclared actors, passive style, long steps, placeholders and
the like have none and count neither way). For each category, precision and recall are
computed over (step, category) pairs. A "passive" label counts as actor outside SOP AP (ACT005);
in SOP AP the Pelaksana column names the actor and VRB002, a rule with no label code, reports
the activity, so there it counts neither way, like "subject-in-activity" (ACT004). The
corpus guide has no code for a dead end either (its reviewers say so where they found one:
basarnas step 6, BPS 029 C.6 and H.6), so LNK004 counts neither way on the corpus and only
against our fixtures' "dead-end" labels.
Document labels that name a step ("dead-end:6") count on that
step; the other document labels are compared with the document-level findings, and LNK006
counts once per document, like its "numbering" label. Run after installing soplint:

    .venv/bin/python bench/score_rules.py [--verbose]
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import soplint
from soplint.checking import check_sop

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.corpus import FILES, expected_for, same_step, step_pairs  # noqa: E402

# Rule code -> the label category it is held against (a rule not here has no label code).
RULE_LABELS = {
    "ACT001": "actor", "ACT003": "actor", "ACT005": "actor",
    "VRB001": "verb",
    "TIM001": "time", "TIM002": "time", "TIM003": "time",
    **{f"LNK00{n}": "link" for n in range(1, 8)},
    "WRD001": "wording", "WRD002": "wording", "WRD003": "wording",
    "IO001": "io",
    "IDN001": "identity", "IDN002": "identity", "IDN004": "identity", "IDN006": "identity",
    "IDN007": "identity",
    "STR002": "structure",
}

STEP_LABELS = {
    "missing-actor": "actor", "passive": "actor",
    "vague-verb": "verb",
    "vague-time": "time", "missing-time": "time",
    "broken-link": "link",
    "escape-clause": "wording", "open-ended": "wording", "multiple-actions": "wording",
    "missing-output": "io", "non-artefact-output": "io",
}
DOC_LABELS = {
    "missing-identity": "identity", "missing-start-end": "link", "numbering": "link",
    "decision-branches": "link", "unreachable": "link", "dead-end": "link",
    "unpaired-offpage": "link", "unused-actor": "actor", "no-procedure": "structure",
}


@dataclass
class Tally:
    """True positives, false positives and false negatives for one category."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    notes: list[str] = field(default_factory=list)

    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass(frozen=True)
class Labelled:
    """One labelled document: its path, step texts with their categories, doc categories."""

    path: Path
    steps: list[tuple[str, set[str]]]
    doc: Counter[str]
    uncounted: frozenset[str] = frozenset()  # rules its labels have no code for


STEP_TARGETED = {"decision-branches", "unreachable", "dead-end"}  # "<label>:<step n>"
CORPUS_UNCOUNTED = frozenset({"LNK004"})  # the corpus guide has no dead-end code
ONCE_PER_DOCUMENT = {"LNK006"}  # one "numbering" label, however many steps are out of order


# In SOP AP the Pelaksana column names the actor, so a passive activity hides no actor: it is
# VRB002's ("does not start with an active verb"), a rule with no label code, like ACT004's
# "subject-in-activity"; elsewhere the passive hides the actor (ACT005).
PERMENPAN_LABELS = {k: v for k, v in STEP_LABELS.items() if k != "passive"}


def _labelled(path: Path, steps: list[dict[str, Any]], doc_defects: list[str],
              layout: str) -> Labelled:
    """Labels by step (document labels that name a step, "dead-end:6", go to that step)."""
    names = PERMENPAN_LABELS if layout.startswith("permenpan") else STEP_LABELS
    labels = [(s["text"], {names[d] for d in s.get("defects", []) if d in names})
              for s in steps]
    numbers = [s["n"] for s in steps]
    doc: Counter[str] = Counter()
    for defect in doc_defects:
        kind, _, target = defect.partition(":")
        number = target.strip().split("#")[0]
        if kind in STEP_TARGETED and number in numbers:
            labels[numbers.index(number)][1].add(DOC_LABELS[kind])
        elif kind in DOC_LABELS:
            doc[DOC_LABELS[kind]] += 1
    return Labelled(path, labels, doc)


def _corpus() -> Iterable[Labelled]:
    for path in sorted(FILES.iterdir()) if FILES.is_dir() else []:
        expected = expected_for(path)
        if expected is not None and _readable(path):
            yield replace(_labelled(path, expected["steps"], expected["doc_defects"],
                                    expected["layout"]), uncounted=CORPUS_UNCOUNTED)


def _readable(path: Path) -> bool:
    """Whether an installed reader takes the file (a labelled PDF needs soplint[pdf])."""
    try:
        soplint.load(path)
    except soplint.DocumentError:
        return False
    return True


def _fixtures() -> Iterable[Labelled]:
    for spec_path in sorted((ROOT / "fixtures" / "specs").glob("*.toml")):
        spec = tomllib.loads(spec_path.read_text(encoding="utf-8"))
        yield _labelled(ROOT / "fixtures" / spec["file"], spec.get("steps", []),
                        spec.get("doc_defects", []), spec["layout"])


def score(documents: Iterable[Labelled], tallies: defaultdict[str, Tally]) -> None:
    """Add each document's findings to the per-category tallies."""
    for doc in documents:
        sop = soplint.load(doc.path)
        report = check_sop(sop)
        paired = step_pairs([s.text for s in sop.steps], [text for text, _ in doc.steps])
        label_of = {sop.steps[i].ordinal: j for i, j in paired.items()}
        found: set[tuple[int, str]] = set()
        codes: dict[tuple[int, str], str] = {}
        doc_found: Counter[str] = Counter()
        once: set[tuple[str, str]] = set()
        # a summary finding (many placeholders, long steps, missing fields) stands for its
        # `grouped` findings, which are scored one by one
        for shown in (g for f in report.findings for g in (f.grouped or (f,))):
            if shown.code not in RULE_LABELS or shown.code in doc.uncounted:
                continue  # engine codes, and rules with no label code to be held against
            finding = replace(shown, category=RULE_LABELS[shown.code])
            if finding.code in ONCE_PER_DOCUMENT:
                once.add((finding.category, finding.code))
                continue
            if finding.step is None:
                doc_found[finding.category] += 1
                continue
            index = label_of.get(finding.ordinal) if finding.ordinal is not None else None
            if index is None:
                index = next((i for i, (text, _) in enumerate(doc.steps)
                              if same_step(finding.step_text, text)), None)
            if index is None:
                tallies[finding.category].fp += 1
                tallies[finding.category].notes.append(
                    f"{doc.path.name}: {finding.code} on an unlabelled step {finding.step}")
                continue
            found.add((index, finding.category))
            codes[index, finding.category] = finding.code
        doc_found.update(category for category, _ in once)
        labelled = {(i, c) for i, (_, cats) in enumerate(doc.steps) for c in cats}
        for index, category in found:
            tally = tallies[category]
            if (index, category) in labelled:
                tally.tp += 1
            else:
                tally.fp += 1
                tally.notes.append(f"{doc.path.name}: {category} on step "
                                   f"{doc.steps[index][0][:50]!r} ({codes[index, category]})")
        for index, category in labelled - found:
            tallies[category].fn += 1
            tallies[category].notes.append(f"{doc.path.name}: missed {category} on "
                                           f"{doc.steps[index][0][:50]!r}")
        for category in set(doc.doc) | set(doc_found):
            want, got = doc.doc[category], doc_found[category]
            tally = tallies[f"doc:{category}"]
            tally.tp += min(want, got)
            tally.fp += max(0, got - want)
            tally.fn += max(0, want - got)
            if want != got:
                codes_found = sorted(f.code for f in report.findings if f.step is None
                                     and f.category == category)
                tally.notes.append(f"{doc.path.name}: labelled {want}, found {got} "
                                   f"{codes_found}")


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.2f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", action="store_true")
    verbose = parser.parse_args().verbose
    for name, documents in (("corpus", _corpus()), ("fixtures", _fixtures()),
                            ("both", [*_corpus(), *_fixtures()])):
        table: defaultdict[str, Tally] = defaultdict(Tally)
        score(documents, table)
        print(f"\n== {name}")
        print(f"{'category':20} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}")
        for category in sorted(table):
            tally = table[category]
            print(f"{category:20} {tally.tp:4} {tally.fp:4} {tally.fn:4} "
                  f"{_fmt(tally.precision()):>9} {_fmt(tally.recall()):>7}")
            if verbose:
                for note in tally.notes:
                    print(f"    {note}")


if __name__ == "__main__":
    main()
