"""The audit's machine-readable reports, written one document at a time.

`--csv FILE`: one row per finding (the columns of `soplint check --format csv`, plus the
folder and the document's score), and beside it `FILE-documents.csv` with one row per
document (its identity, layout, profile, steps, counts, score and the evaluation's answers).
Both UTF-8 with a byte order mark for Excel. `--json FILE`: `{"documents": [...], "totals":
{...}}`, each document with its record, every finding and its evaluation.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO, Any

import soplint
from soplint.reporters.common import docs_hint

from .evaluation import LABELS
from .scored import ScoredDocument
from .totals import Totals

BOM = "\ufeff"
FINDING_COLUMNS = ("file", "folder", "title", "layout", "score", "code", "name", "category",
                   "severity", "step", "place", "page", "location", "message", "suggestion",
                   "words", "docs")
DOCUMENT_COLUMNS = ("file", "folder", "title", "nomor", "layout", "profile", "language",
                    "steps", "actors", "errors", "warnings", "info", "score",
                    *LABELS)


def documents_csv(path: Path) -> Path:
    """Where the per-document CSV goes beside the findings CSV `path`."""
    return path.with_name(f"{path.stem}-documents{path.suffix or '.csv'}")


def _answer(value: bool | None) -> str:
    return "" if value is None else ("ya" if value else "tidak")


class CsvReport:
    """The findings CSV and the documents CSV, written as documents come."""

    def __init__(self, path: Path, delimiter: str = ",") -> None:
        self.paths = (path, documents_csv(path))
        self._streams: list[IO[str]] = [p.open("w", encoding="utf-8", newline="")
                                        for p in self.paths]
        for stream in self._streams:
            stream.write(BOM)
        self._findings = csv.writer(self._streams[0], delimiter=delimiter,
                                    lineterminator="\r\n")
        self._documents = csv.writer(self._streams[1], delimiter=delimiter,
                                     lineterminator="\r\n")
        self._findings.writerow(FINDING_COLUMNS)
        self._documents.writerow(DOCUMENT_COLUMNS)

    def add(self, document: ScoredDocument) -> None:
        """Write a document's rows."""
        record = document.record
        score = document.evaluation.score
        unit = record.summary.unit
        for f in document.findings:
            self._findings.writerow((
                f["file"], unit, record.title, record.layout, score, f["code"], f["name"],
                f["category"], f["severity"], f.get("step") or "", f.get("place", ""),
                "" if f.get("page") is None else f["page"], f.get("location", ""),
                f["message"], f.get("suggestion", ""), "; ".join(f.get("words", ())),
                docs_hint(f["code"])))
        counts = document.counts()
        self._documents.writerow((
            record.file, unit, record.title, record.summary.nomor, record.layout,
            record.profile, record.language, record.steps, "; ".join(record.actors),
            counts["error"], counts["warning"], counts["info"], score,
            *(_answer(q.answer) for q in document.evaluation.questions)))

    def close(self, totals: Totals) -> None:
        """Close both files."""
        for stream in self._streams:
            stream.close()


def evaluation_json(document: ScoredDocument) -> dict[str, Any]:
    """A document's evaluation as JSON."""
    evaluation = document.evaluation
    return {"score": evaluation.score, "questions": [
        {"key": q.key, "label_id": q.label_id, "label_en": q.label_en, "answer": q.answer,
         "codes": list(q.codes), "credit": q.credit, "applies": q.applies}
        for q in evaluation.questions]}


class JsonReport:
    """`{"documents": [...], "totals": {...}}`, one document written at a time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stream = path.open("w", encoding="utf-8")
        version = json.dumps(soplint.__version__)
        self._stream.write(f'{{"soplint": {version}, "documents": [\n')
        self._first = True

    def add(self, document: ScoredDocument) -> None:
        """Write one document."""
        data = document.record.to_json()
        data.pop("drawing", None)
        data["findings"] = [{k: v for k, v in f.items() if k != "ordinal"}
                            for f in document.findings]
        data["evaluation"] = evaluation_json(document)
        self._stream.write(("" if self._first else ",\n")
                           + json.dumps(data, ensure_ascii=False))
        self._first = False

    def close(self, totals: Totals) -> None:
        """Write the totals and close the file."""
        summary = {"documents": totals.documents, "unreadable": totals.unreadable,
                   "failing": totals.failing, "clean": totals.clean,
                   "mean_score": round(totals.mean_score, 2),
                   "histogram": totals.histogram, "levels": dict(totals.levels),
                   "categories": dict(totals.categories),
                   "rules": {r.code: {"documents": r.documents, **r.levels}
                             for r in totals.ranked_rules()},
                   "folders": {name: {"documents": u.documents, "mean_score": round(u.mean, 2)}
                               for name, u in sorted(totals.units.items())}}
        self._stream.write('\n], "totals": ' + json.dumps(summary, ensure_ascii=False) + "}\n")
        self._stream.close()
