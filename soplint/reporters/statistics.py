"""`--statistics`: how many findings each rule has in the run, most first (as ruff's)."""

from __future__ import annotations

from collections import Counter

from soplint.checking import CheckResult
from soplint.output.options import DEFAULT_OPTIONS, ReportOptions
from soplint.reporters.common import report_lang, rule_title


def render(result: CheckResult, options: ReportOptions = DEFAULT_OPTIONS) -> str:
    """A count, code and title line per rule with findings."""
    lang = report_lang(result, options)
    counts = Counter(f.code for f in result.findings)
    names = {f.code: f.name for f in result.findings}
    width = max((len(str(n)) for n in counts.values()), default=1)
    return "".join(f"{n:>{width}}  {code:<6}  {rule_title(code, names[code], lang)}\n"
                   for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])))
