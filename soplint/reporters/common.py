"""What several reporters share: documentation pointers, paths, levels and rule metadata."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from soplint.checking import CheckResult
from soplint.engine import ENGINE_CODES
from soplint.findings import Finding
from soplint.plugins import registered_rules


def not_checked_note(result: CheckResult) -> str:
    """What a run over folders left out, by format with what would read it:
    "3 files not checked: 2 PDF (no PDF reader is installed), 1 ...", or ""."""
    count = len(result.not_checked)
    if not count:
        return ""
    formats = Counter((n.format, n.hint) for n in result.not_checked)
    kinds = ", ".join(f"{n} {name}" + (f" ({hint})" if hint else "")
                      for (name, hint), n in sorted(formats.items(),
                                                    key=lambda item: (-item[1], item[0])))
    files = "file" if count == 1 else "files"
    return f"{count} {files} not checked: {kinds}"


def docs_hint(code: str) -> str:
    """Where to read a rule's documentation."""
    return f"soplint rule {code}"


def relative_path(file: str) -> str:
    """The file's path relative to the working directory (POSIX slashes), else as given."""
    path = Path(file)
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def where_text(finding: Finding) -> str:
    """"step 3 (table 2, row 4, column 2)", or "document" for document-level findings."""
    text = f"step {finding.step}" if finding.step else "document"
    return f"{text} ({finding.location})" if finding.location else text


def fingerprint(finding: Finding) -> str:
    """A key that survives renumbering and moving steps: file, code, step text and words.

    Document-level findings (no step) add their message, so two of one rule stay apart."""
    step_text = " ".join(finding.step_text.lower().split())
    parts = [relative_path(finding.file), finding.code, step_text, *finding.words]
    if finding.step is None:
        parts.append(finding.message)
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


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
