"""`--html DIR`: a static report folder that works offline, like coverage.py's htmlcov.

`index.html` holds the totals, the score histogram (inline SVG), the findings per category
and per rule, the folders, and the table of documents (sorted, filtered and clean documents
hidden by `report.js`); each document has its page (`doc-00000.html`) with its identity,
its evaluation, its findings and its flowchart drawn as SVG (`soplint.drawing`, drawn by
the worker while the model was in memory), whose steps with findings link to them. The
pages are Jinja2 templates (extra `soplint[html]`); `style.css` and `report.js` are copied
beside them. Nothing is fetched at view time.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import soplint
from soplint.errors import UsageError
from soplint.i18n import ENGINE

from .evaluation import Question
from .scored import ScoredDocument
from .summary import MESSAGES, title
from .totals import BINS, Totals

ASSETS = ("style.css", "report.js")
CHART_WIDTH, CHART_HEIGHT = 600, 160


def score_color(score: int) -> str:
    """A background for a score: red below 50, amber below 80, green from 80."""
    if score < 50:
        return "#ffc9c9"
    return "#ffec99" if score < 80 else "#b2f2bb"


@dataclass(frozen=True)
class _Bar:
    low: int
    label: str
    count: int
    x: float
    y: float
    width: float
    height: float
    color: str


def _chart(totals: Totals) -> dict[str, Any]:
    """The histogram's bars, laid out in a CHART_WIDTH × CHART_HEIGHT box."""
    peak = max(totals.histogram) or 1
    width = CHART_WIDTH / BINS
    bars = []
    for index, count in enumerate(totals.histogram):
        low = index * BINS
        height = (CHART_HEIGHT - 20) * count / peak
        label = f"{low}–{100 if index == BINS - 1 else low + BINS - 1}"
        bars.append(_Bar(low, label, count, index * width + 2, CHART_HEIGHT - height,
                         width - 4, height, score_color(low)))
    return {"width": CHART_WIDTH, "height": CHART_HEIGHT, "bars": bars}


class HtmlReport:
    """The report folder, one document page written as each document comes, the index at
    the end."""

    def __init__(self, folder: Path, lang: str) -> None:
        try:
            from jinja2 import Environment, PackageLoader, select_autoescape
        except ImportError:
            raise UsageError("--html needs Jinja2: pip install 'soplint[html]'") from None
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.lang = lang
        self._said: dict[str, str] = {}
        self._env = Environment(loader=PackageLoader("soplint.audit", "templates"),
                                autoescape=select_autoescape(["html"]))
        self._env.globals.update(t=self._say, version=soplint.__version__, lang=lang,
                                 answer_text=self._answer, answer_class=_answer_class)
        templates = resources.files("soplint.audit") / "templates"
        for asset in ASSETS:
            (folder / asset).write_text((templates / asset).read_text(encoding="utf-8"),
                                        encoding="utf-8")

    def _say(self, key: str, **params: object) -> str:
        if params:
            return MESSAGES.say(key, self.lang, **params)
        said = self._said.get(key)
        if said is None:  # a label every page shows: spoken once
            said = self._said[key] = MESSAGES.say(key, self.lang)
        return said

    def _answer(self, question: Question) -> str:
        if not question.applies:
            return self._say("report.not-applicable")
        if question.answer is None:
            return self._say("report.evaluator")
        return self._say("report.yes" if question.answer else "report.no")

    def add(self, document: ScoredDocument) -> None:
        """Write the document's page."""
        from markupsafe import Markup

        record = document.record
        categories = Counter(f["category"] for f in document.findings)
        page = self._env.get_template("document.html").render(
            categories=", ".join(f"{ENGINE.say(f'category.{name}', self.lang)} {count}"
                                 for name, count in categories.most_common()),
            record=record, title=record.title or Path(record.file).name, file=record.file,
            origin=record.summary.origin, evaluation=document.evaluation,
            color=score_color(document.evaluation.score), findings=document.findings,
            layout=ENGINE.say(f"layout.{record.layout}", self.lang) if record.layout else "—",
            drawing=[Markup(_inline(svg)) for svg in record.drawing])
        (self.folder / document.page).write_text(page, encoding="utf-8")

    def close(self, totals: Totals) -> None:
        """Write the index."""
        rows = [{"page": r.page, "name": Path(r.file).name, "title": r.title, "unit": r.unit,
                 "layout": ENGINE.say(f"layout.{r.layout}", self.lang) if r.layout else "—",
                 "score": r.score, "errors": r.errors, "warnings": r.warnings, "info": r.info,
                 "failed": r.failed, "color": score_color(r.score)} for r in totals.rows]
        rules = [{"code": r.code, "title": title(r.code, r.name, self.lang),
                  "documents": r.documents, "levels": r.levels}
                 for r in totals.ranked_rules()]
        categories = [(ENGINE.say(f"category.{name}", self.lang), count)
                      for name, count in totals.categories.most_common()]
        index = self._env.get_template("index.html").render(
            totals=totals, files=len({r.file for r in totals.rows}),
            findings=sum(totals.levels.values()), chart=_chart(totals), rules=rules,
            categories=categories, category_peak=max((c for _, c in categories), default=1),
            units=sorted(totals.units.items(), key=lambda item: (item[1].mean, item[0])),
            rows=rows)
        (self.folder / "index.html").write_text(index, encoding="utf-8")


def _answer_class(question: Question) -> str:
    if question.answer is None:
        return "open"
    return "yes" if question.answer else "no"


def _inline(svg: str) -> str:
    """A standalone SVG document as an element inside HTML (no XML declaration)."""
    return svg.split("?>", 1)[1] if svg.startswith("<?xml") else svg
