"""The audit's documents as the reports read them: each record with its findings (its own
and those of the rules across the set) and its evaluation, read back from the results file
one at a time."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from soplint.rule import Severity

from .evaluation import Evaluation, evaluate_facts
from .record import DocumentRecord, finding_from_dict
from .results import records
from .run import AuditRun


@dataclass(frozen=True)
class ScoredDocument:
    """A document of the audit: its record, every finding on it (JSON objects, the set's
    after its own), its evaluation, the seconds its file took to check, and its place in
    the set (`index`)."""

    record: DocumentRecord
    findings: tuple[dict[str, Any], ...]
    evaluation: Evaluation
    seconds: float = 0.0
    index: int = 0

    @property
    def page(self) -> str:
        """The name of its page in the HTML report."""
        return f"doc-{self.index:05d}.html"

    @property
    def key(self) -> str:
        """Which document this is: its file, and which SOP of the file when it holds
        several."""
        return document_key(self.record.file, self.record.summary.origin)

    def counts(self) -> dict[str, int]:
        """The number of findings of each severity."""
        counts = {str(s): 0 for s in Severity}
        for finding in self.findings:
            counts[finding["severity"]] += 1
        return counts

    def fails(self) -> bool:
        """Whether a finding is at or above the document's fail-on level."""
        level = Severity(self.record.fail_on).rank
        return any(Severity(f["severity"]).rank >= level for f in self.findings)


def document_key(file: str, origin: str = "") -> str:
    """"file" or "file#origin"."""
    return f"{file}#{origin}" if origin else file


def scored_documents(run: AuditRun, extra: Mapping[str, Sequence[dict[str, Any]]]
                     ) -> Iterator[ScoredDocument]:
    """Every document of the run, in file order, with the findings `extra` holds for it
    (by `document_key`) and its evaluation (in a set when the run has several)."""
    in_set = len(run.files) > 1
    for index, (record, seconds) in enumerate(records(run.results, run.files)):
        key = document_key(record.file, record.summary.origin)
        findings = (*record.findings, *extra.get(key, ()))
        evaluation = evaluate_facts(record.profile, record.steps,
                                    [finding_from_dict(f) for f in findings],
                                    in_set=in_set, readable=record.readable)
        yield ScoredDocument(record, findings, evaluation, seconds, index)
