"""`full`, the report for people on a terminal: findings by document, in document order, each
with the text it concerns (the offending words highlighted, or marked with carets without
colour) and the suggestion; a line for each clean document; the main path's total time; and
a summary line. Written in the run's language, never hard-wrapped."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from soplint.checking import CheckResult, Report
from soplint.findings import Finding
from soplint.i18n import ENGINE
from soplint.i18n.durations import Minutes
from soplint.names import shown
from soplint.output.options import ReportOptions
from soplint.reporters.common import excerpt, report_lang, severity_word, summary_line
from soplint.rule import Severity

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_MARK = "bold magenta"
_BAR = "│ "


def _width(lang: str) -> int:
    """The width of the longest severity word in `lang`, to align the messages."""
    return max(len(severity_word(s, lang)) for s in Severity)


def _source(finding: Finding, indent: str, color: bool) -> list[Text]:
    """The excerpt line of the text concerned, and without colour a caret line under the
    offending words."""
    if not finding.context.strip():
        return []
    shown, spans = excerpt(finding.context, finding.words)
    line = Text(indent, end="")
    line.append(_BAR, style="dim")
    body = Text(shown)
    for start, end in spans:
        body.stylize(_MARK, start, end)
    line.append_text(body)
    lines = [line]
    if spans and not color:
        marks = [" "] * max(e for _, e in spans)
        for start, end in spans:
            marks[start:end] = "^" * (end - start)
        lines.append(Text(indent + " " * len(_BAR) + "".join(marks).rstrip()))
    return lines


def _finding(finding: Finding, lang: str, color: bool) -> list[Text]:
    width = _width(lang)
    indent = " " * (width + 3)
    head = Text("  ")
    head.append(severity_word(finding.severity, lang).ljust(width),
                style=_STYLE[str(finding.severity)])
    head.append(f" {finding.place}: ")
    head.append(finding.code, style="bold")
    head.append(f" {finding.message}")
    lines = [head, *_source(finding, indent, color)]
    if finding.suggestion:
        tail = Text(indent)
        tail.append("→ ", style="dim")
        tail.append(finding.suggestion, style="green")
        lines.append(tail)
    return lines


def main_path_note(report: Report, lang: str) -> str:
    """"total waktu jalur utama: 165 menit = 2,8 jam (2 langkah tanpa waktu terukur)", or
    "" when the document has no measurable main path."""
    path = report.stats.main_path if report.stats is not None else None
    if path is None:
        return ""
    total = Minutes(path.minutes, path.low)
    if not path.untimed:
        return ENGINE.say("report.main-path", lang, total=total)
    return ENGINE.say("report.main-path-untimed", lang, total=total,
                      untimed=ENGINE.count("count.steps", lang, path.untimed))


def print_full(result: CheckResult, console: Console, options: ReportOptions) -> None:
    """Print every document's findings (or that it is clean), then one summary line."""
    lang = report_lang(result, options)
    color = console.is_terminal and not console.no_color
    for report in result.reports:
        note = main_path_note(report, lang)
        if not report.findings:
            if not options.quiet:
                clean = ENGINE.say("report.clean", lang)
                console.print(f"{escape(shown(report.file))}: [green]{clean}[/green]"
                              + (f" · {escape(note)}" if note else ""))
            continue
        console.print(f"[bold underline]{escape(shown(report.file))}[/bold underline]")
        for finding in report.findings:
            for line in _finding(finding, lang, color):
                console.print(line)
        if note and not options.quiet:
            console.print(f"  [dim]{escape(note)}[/dim]")
    if not options.quiet:
        console.print(f"[bold]{escape(summary_line(result, lang))}[/bold]")
