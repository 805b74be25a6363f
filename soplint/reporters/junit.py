"""`junit`: JUnit XML, one testsuite per document and one testcase per finding.

Errors and warnings are failures; info findings are passing test cases with the message in
`system-out`; a document without findings gets one passing test case, "no findings".
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from soplint.checking import CheckResult, Report
from soplint.findings import Finding
from soplint.output.options import DEFAULT_OPTIONS, ReportOptions
from soplint.reporters.common import docs_hint, where_text
from soplint.rule import Severity


def _details(f: Finding) -> str:
    lines = [f"{f.code} {f.message}", where_text(f)]
    if f.suggestion:
        lines.append(f"→ {f.suggestion}")
    lines.append(f"docs: {docs_hint(f.code)}")
    return "\n".join(lines)


def _testcase(suite: ET.Element, report: Report, f: Finding) -> None:
    case = ET.SubElement(suite, "testcase", classname=report.file,
                         name=f"{f.code} {f.name}: {where_text(f)}")
    if f.severity is Severity.INFO:
        ET.SubElement(case, "system-out").text = _details(f)
    else:
        failure = ET.SubElement(case, "failure", type=str(f.severity),
                                message=f"{f.code} {f.message} (docs: {docs_hint(f.code)})")
        failure.text = _details(f)


def _suite(root: ET.Element, report: Report) -> int:
    failures = sum(f.severity is not Severity.INFO for f in report.findings)
    suite = ET.SubElement(root, "testsuite", name=report.file,
                          tests=str(len(report.findings) or 1), failures=str(failures),
                          errors="0", skipped="0")
    for f in report.findings:
        _testcase(suite, report, f)
    if not report.findings:
        ET.SubElement(suite, "testcase", classname=report.file, name="no findings")
    return failures


def render(result: CheckResult, options: ReportOptions = DEFAULT_OPTIONS) -> str:
    """The run as a JUnit XML document."""
    root = ET.Element("testsuites", name="soplint")
    failures = sum(_suite(root, report) for report in result.reports)
    root.set("tests", str(sum(len(r.findings) or 1 for r in result.reports)))
    root.set("failures", str(failures))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
