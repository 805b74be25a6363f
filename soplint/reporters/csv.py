"""`csv`: a header row, then one row per finding, for a spreadsheet.

UTF-8 with a byte order mark, so that Excel opens it with the right characters; the
delimiter is "," unless `--csv-delimiter` says ";" (what Excel expects where the decimal
separator is a comma, as in Indonesia). Each row carries the document's title and layout,
where the finding is (`place` for people, `location` for machines), and the message without
its code."""

from __future__ import annotations

import csv
import io

from soplint.checking import CheckResult
from soplint.output.options import DEFAULT_OPTIONS, ReportOptions
from soplint.reporters.common import docs_hint

BOM = "\ufeff"
COLUMNS = ("file", "title", "layout", "code", "name", "category", "severity", "step", "place",
           "page", "location", "message", "suggestion", "words", "docs")


def render(result: CheckResult, options: ReportOptions = DEFAULT_OPTIONS) -> str:
    """The findings as CSV; `words` are joined with "; "."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=options.csv_delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for report in result.reports:
        sop = report.sop
        title, layout = (sop.title, str(sop.layout)) if sop is not None else ("", "")
        for f in report.findings:
            writer.writerow((f.file, title, layout, f.code, f.name, f.category,
                             str(f.severity), f.step or "", f.place,
                             "" if f.page is None else f.page, f.location, f.message,
                             f.suggestion, "; ".join(f.words), docs_hint(f.code)))
    return BOM + out.getvalue()
