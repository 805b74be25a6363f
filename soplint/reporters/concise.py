"""`concise`: one line per finding, the file on each line, nothing else on standard output:

    sop/izin.docx:Langkah 6 · kolom Waktu: TIM001 Langkah ini tidak punya waktu baku → isi ...

What grep, editors and CI logs read; the default when standard output is not a terminal
(the command line writes the summary to standard error)."""

from __future__ import annotations

from soplint.checking import CheckResult
from soplint.findings import Finding
from soplint.names import shown
from soplint.output.options import DEFAULT_OPTIONS, ReportOptions
from soplint.reporters.common import one_line, relative_path


def line(finding: Finding) -> str:
    """`path:place: CODE message → suggestion` on one line."""
    text = f"{shown(relative_path(finding.file))}:{finding.place}: {finding.code} " \
           f"{one_line(finding.message)}"
    if finding.suggestion:
        text += f" → {one_line(finding.suggestion)}"
    return text


def render(result: CheckResult, options: ReportOptions = DEFAULT_OPTIONS) -> str:
    """One line per finding."""
    return "".join(line(f) + "\n" for f in result.findings)
