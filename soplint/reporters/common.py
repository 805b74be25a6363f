"""What several reporters share: documentation pointers, paths, words in the run's language,
excerpts of the text concerned, and rule metadata."""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from soplint.checking import CheckResult
from soplint.engine import ENGINE_CODES
from soplint.findings import Finding
from soplint.i18n import ENGINE
from soplint.i18n.problems import translate_problem
from soplint.output.options import ReportOptions
from soplint.plugins import registered_rules
from soplint.rule import Severity

EXCERPT_WIDTH = 100
ELLIPSIS = "…"


def report_lang(result: CheckResult, options: ReportOptions) -> str:
    """The language a report is written in: the option's, else the run's."""
    return options.lang or result.lang


def not_checked_note(result: CheckResult, lang: str) -> str:
    """What a run over folders left out, by format with what would read it:
    "3 files not checked: 2 PDF (no PDF reader is installed), 1 ...", or ""."""
    count = len(result.not_checked)
    if not count:
        return ""
    formats = Counter((n.format, n.hint) for n in result.not_checked)
    kinds = ", ".join(f"{n} {name}" + (f" ({translate_problem(hint, lang)})" if hint else "")
                      for (name, hint), n in sorted(formats.items(),
                                                    key=lambda item: (-item[1], item[0])))
    return ENGINE.say("report.not-checked", lang,
                      files=ENGINE.count("count.files", lang, count), formats=kinds)


def severity_word(severity: Severity, lang: str) -> str:
    """"error", "kesalahan"..."""
    return ENGINE.say(f"severity.{severity}", lang)


def summary_line(result: CheckResult, lang: str) -> str:
    """"12 findings in 2 of 3 documents: 3 errors, 8 warnings, 1 info; ..." in `lang`."""
    counts = Counter(str(f.severity) for f in result.findings)
    line = ENGINE.say(
        "report.summary", lang,
        findings=ENGINE.count("count.findings", lang, len(result.findings)),
        with_findings=sum(1 for r in result.reports if r.findings),
        documents=ENGINE.count("count.documents", lang, len(result.reports)),
        errors=ENGINE.count("count.errors", lang, counts["error"]),
        warnings=ENGINE.count("count.warnings", lang, counts["warning"]),
        info=ENGINE.count("count.info", lang, counts["info"]))
    if result.unreadable:
        line += ENGINE.say("report.unreadable", lang, count=result.unreadable)
    if result.not_checked:
        line += f"; {not_checked_note(result, lang)}"
    return line


def docs_hint(code: str) -> str:
    """Where to read a rule's documentation."""
    return f"soplint rule {code}"


def relative_path(file: str) -> str:
    """The file's path relative to the working directory (POSIX slashes), else as given."""
    path = Path(file)
    try:  # links are not followed: a link is shown by its own name
        return Path(os.path.abspath(path)).relative_to(Path.cwd()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def where_text(finding: Finding) -> str:
    """"Langkah 3 · kolom Waktu (table 2, row 4, column 5)": the place and the machine
    location."""
    text = finding.place or ("document" if finding.step is None else f"step {finding.step}")
    return f"{text} ({finding.location})" if finding.location else text


def one_line(text: str) -> str:
    """`text` with its line breaks and runs of spaces made single spaces."""
    return " ".join(text.split())


def excerpt(text: str, words: tuple[str, ...], width: int = EXCERPT_WIDTH) -> tuple[
        str, list[tuple[int, int]]]:
    """A line of at most about `width` characters of `text`, around the first of `words`
    found in it, and the spans of the words in that line (case ignored)."""
    line = one_line(text)
    lowered = line.casefold()
    spans: list[tuple[int, int]] = []
    for word in (one_line(w) for w in words if w.strip()):
        start = lowered.find(word.casefold())
        if start >= 0:
            spans.append((start, start + len(word)))
    spans.sort()
    if len(line) <= width:
        return line, spans
    first = spans[0][0] if spans else 0
    begin = max(0, min(first - width // 3, len(line) - width))
    end = begin + width
    shown = (ELLIPSIS if begin else "") + line[begin:end] + (ELLIPSIS if end < len(line) else "")
    shift = len(ELLIPSIS) if begin else 0
    kept = [(max(s - begin, 0) + shift, min(e - begin, width) + shift) for s, e in spans
            if e > begin and s < end]
    return shown, kept


def fingerprint(finding: Finding) -> str:
    """A key that survives renumbering and moving steps: file, code, step text and words.

    Document-level findings (no step) add their message, so two of one rule stay apart."""
    step_text = " ".join(finding.step_text.lower().split())
    parts = [relative_path(finding.file), finding.code, step_text, *finding.words]
    if finding.step is None:
        parts.append(finding.message)
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


@dataclass(frozen=True)
class RuleInfo:
    """What a report says about a rule: code, name, category, default severity, docs."""

    code: str
    name: str
    category: str
    severity: str
    doc: str

    @property
    def summary(self) -> str:
        """The first line of the documentation."""
        return self.doc.splitlines()[0] if self.doc else self.name


def known_rules(findings: tuple[Finding, ...] = ()) -> dict[str, RuleInfo]:
    """Every registered rule and engine code, plus any other code the findings carry."""
    infos = {r.code: RuleInfo(r.code, r.name, r.category, str(r.severity), r.doc)
             for r in registered_rules().values()}
    for code in ENGINE_CODES.values():
        infos.setdefault(code.code, RuleInfo(code.code, code.name, code.category,
                                             str(code.severity), code.doc))
    for f in findings:
        infos.setdefault(f.code, RuleInfo(f.code, f.name, f.category, str(f.severity), ""))
    return dict(sorted(infos.items()))


def rule_title(code: str, name: str, lang: str) -> str:
    """A rule's short title in `lang` (`<CODE>.title` of its catalogue), else its name."""
    rule = registered_rules().get(code)
    catalogue = rule.messages if rule is not None else ENGINE
    key = f"{code}.title"
    if catalogue is not None and key in catalogue.templates(lang):
        return catalogue.templates(lang)[key]
    return name


def text_table(header: Sequence[str], rows: Sequence[Sequence[object]],
               right: frozenset[int] = frozenset()) -> list[str]:
    """Rows as aligned text columns; the columns numbered in `right` are right-aligned."""
    cells = [[str(c) for c in row] for row in (header, *rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    return ["  " + "  ".join(c.rjust(w) if i in right else c.ljust(w)
                             for i, (c, w) in enumerate(zip(row, widths, strict=True))).rstrip()
            for row in cells]
