"""The audit's totals, gathered one document at a time: what the summary and the HTML
index show (counts, layouts, rules, categories, the score histogram, units, the document
table). A document adds one small row; nothing else of it is kept."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from soplint.rule import Severity

from .scored import ScoredDocument

BINS = 10


@dataclass(frozen=True)
class Row:
    """A document as the table of documents lists it."""

    key: str
    file: str
    title: str
    unit: str
    layout: str
    score: int
    errors: int
    warnings: int
    info: int
    failed: bool
    page: str = ""


@dataclass
class RuleTotal:
    """One rule's findings over the set: by severity, and the documents it fires in."""

    code: str
    name: str
    category: str
    levels: Counter[str] = field(default_factory=Counter)
    documents: int = 0

    @property
    def findings(self) -> int:
        """Its number of findings."""
        return sum(self.levels.values())

    @property
    def worst(self) -> int:
        """The rank of its worst severity."""
        return max((Severity(s).rank for s, n in self.levels.items() if n), default=0)


@dataclass
class UnitTotal:
    """One folder's documents: how many, their scores, their findings."""

    documents: int = 0
    score: int = 0
    levels: Counter[str] = field(default_factory=Counter)

    @property
    def mean(self) -> float:
        """The mean score of its documents."""
        return self.score / self.documents if self.documents else 0.0


@dataclass
class Totals:
    """Everything the summary and the index say about the set."""

    rows: list[Row] = field(default_factory=list)
    layouts: Counter[str] = field(default_factory=Counter)
    levels: Counter[str] = field(default_factory=Counter)
    categories: Counter[str] = field(default_factory=Counter)
    rules: dict[str, RuleTotal] = field(default_factory=dict)
    units: dict[str, UnitTotal] = field(default_factory=dict)
    histogram: list[int] = field(default_factory=lambda: [0] * BINS)
    unreadable: int = 0
    failing: int = 0
    langs: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def add(self, document: ScoredDocument) -> None:
        """Count one document in."""
        record = document.record
        counts = document.counts()
        score = document.evaluation.score
        self.rows.append(Row(document.key, record.file, record.title, record.summary.unit,
                             record.layout, score, counts["error"], counts["warning"],
                             counts["info"], not record.readable, document.page))
        self.layouts[record.layout or "-"] += 1
        self.unreadable += not record.readable
        self.failing += document.fails()
        self.langs[record.lang] += 1
        self.seconds += document.seconds
        self.histogram[min(score // BINS, BINS - 1)] += 1
        unit = self.units.setdefault(record.summary.unit, UnitTotal())
        unit.documents += 1
        unit.score += score
        seen: set[str] = set()
        for finding in document.findings:
            severity = finding["severity"]
            self.levels[severity] += 1
            self.categories[finding["category"]] += 1
            unit.levels[severity] += 1
            rule = self.rules.setdefault(finding["code"], RuleTotal(
                finding["code"], finding["name"], finding["category"]))
            rule.levels[severity] += 1
            if finding["code"] not in seen:
                rule.documents += 1
                seen.add(finding["code"])

    @property
    def documents(self) -> int:
        """The number of documents."""
        return len(self.rows)

    @property
    def clean(self) -> int:
        """The documents without findings."""
        return sum(1 for r in self.rows if not (r.errors or r.warnings or r.info))

    @property
    def mean_score(self) -> float:
        """The mean score."""
        return sum(r.score for r in self.rows) / len(self.rows) if self.rows else 0.0

    @property
    def lang(self) -> str:
        """The language most documents' findings are written in."""
        return max(sorted(self.langs), key=lambda k: self.langs[k]) if self.langs else "en"

    def ranked_rules(self) -> list[RuleTotal]:
        """Rules with errors first, then warnings, each by documents affected."""
        return sorted(self.rules.values(),
                      key=lambda r: (-r.worst, -r.documents, -r.findings, r.code))

    def lowest(self, count: int) -> list[Row]:
        """The `count` documents with the lowest scores (then the most errors)."""
        return sorted(self.rows, key=lambda r: (r.score, -r.errors, -r.warnings, r.file))[
            :count]
