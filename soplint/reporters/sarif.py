"""`sarif`: SARIF 2.1.0 for code-scanning tools (GitHub code scanning and others).

A .docx has no line/column regions, so each result points at the file (physical location)
and names the step and table cell or paragraph as a logical location. Documents a folder run
found but cannot read (a .doc, a PDF) are tool execution notifications of the invocation.
"""

from __future__ import annotations

import json
import os
from importlib.metadata import PackageNotFoundError, metadata
from pathlib import Path
from typing import Any
from urllib.parse import quote

import soplint
from soplint.checking import CheckResult, NotChecked
from soplint.findings import Finding
from soplint.i18n import ENGINE
from soplint.i18n.problems import translate_problem
from soplint.output.options import DEFAULT_OPTIONS, ReportOptions
from soplint.reporters.common import (
    RuleInfo,
    docs_hint,
    fingerprint,
    known_rules,
    relative_path,
    report_lang,
    where_text,
)

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_FALLBACK_URI = "https://pypi.org/project/soplint/"


def information_uri() -> str:
    """The project's home page from the package metadata, else its PyPI page."""
    try:
        meta = metadata("soplint")
    except PackageNotFoundError:
        return _FALLBACK_URI
    entries: list[str] = meta.get_all("Project-URL") or []
    for entry in entries:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository"):
            return url.strip()
    return _FALLBACK_URI


def artifact_uri(file: str) -> str:
    """A relative URI for files under the working directory, else a file: URI; the name's
    bytes as the OS gives them, percent-encoded."""
    path = relative_path(file)
    return Path(path).as_uri() if Path(path).is_absolute() else quote(os.fsencode(path))


def _descriptor(info: RuleInfo) -> dict[str, Any]:
    docs = docs_hint(info.code)
    return {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": info.doc or info.summary},
        "help": {"text": f"Documentation: `{docs}`\n\n{info.doc}".rstrip(),
                 "markdown": f"Documentation: `{docs}`\n\n{info.doc}".rstrip()},
        "defaultConfiguration": {"level": _LEVEL[info.severity]},
        "properties": {"category": info.category, "tags": ["soplint", info.category]},
    }


def _result(f: Finding, index: int) -> dict[str, Any]:
    text = f.message + (f" → {f.suggestion}" if f.suggestion else "")
    logical = {"name": f.place or ("document" if f.step is None else f"step {f.step}"),
               "fullyQualifiedName": where_text(f)}
    result: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": index,
        "level": _LEVEL[str(f.severity)],
        "message": {"text": text},
        "locations": [{
            "physicalLocation": {"artifactLocation": {"uri": artifact_uri(f.file)}},
            "logicalLocations": [logical],
        }],
        "partialFingerprints": {"soplintFinding/v1": fingerprint(f)},
        "properties": {"category": f.category, "location": f.location, "page": f.page,
                       "part": f.part, "words": list(f.words), "docs": docs_hint(f.code)},
    }
    if f.suggestion:
        result["properties"]["suggestion"] = f.suggestion
    return result


def _not_checked(unread: NotChecked, lang: str) -> dict[str, Any]:
    """A notification for a document the run found but could not read (a PDF, a .doc)."""
    return {
        "level": "warning",
        "message": {"text": ENGINE.say("report.not-checked-one", lang, format=unread.format,
                                       hint=translate_problem(unread.hint, lang))},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(
            unread.file)}}}],
    }


def sarif_log(result: CheckResult, lang: str | None = None) -> dict[str, Any]:
    """The run as a SARIF log object (its notifications in `lang`, default the run's)."""
    lang = lang or result.lang
    rules = known_rules(result.findings)
    index = {code: i for i, code in enumerate(rules)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "soplint",
                "version": soplint.__version__,
                "informationUri": information_uri(),
                "rules": [_descriptor(info) for info in rules.values()],
            }},
            "results": [_result(f, index[f.code]) for f in result.findings],
            "invocations": [{
                "executionSuccessful": True,
                "toolExecutionNotifications": [_not_checked(n, lang)
                                               for n in result.not_checked],
            }],
        }],
    }


def render(result: CheckResult, options: ReportOptions = DEFAULT_OPTIONS) -> str:
    """The run as a SARIF 2.1.0 JSON document."""
    return json.dumps(sarif_log(result, report_lang(result, options)), ensure_ascii=False,
                      indent=2) + "\n"
