"""The README and the pre-commit hook as a new user meets them: set-up for Windows and pipx
beside POSIX, no placeholder repository address, a hook that also matches ".DOCX"."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _hook_files_pattern() -> re.Pattern[str]:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    found = re.search(r"^\s*files:\s*'([^']+)'", text, re.MULTILINE)
    assert found is not None
    return re.compile(found.group(1))


def test_the_pre_commit_hook_matches_docx_in_any_case() -> None:
    files = _hook_files_pattern()
    for name in ("sop/SOP Izin.docx", "SOP.DOCX", "arsip/Lama.Docx"):
        assert files.search(name), name
    for name in ("SOP.doc", "notes.docx.txt", "SOP.pdf"):
        assert not files.search(name), name


def test_the_readme_sets_up_on_windows_and_with_pipx() -> None:
    assert ".venv\\Scripts\\" in README and "pipx install" in README


def test_the_readme_has_no_placeholder_repository() -> None:
    assert "OWNER" not in README
    assert not re.search(r"rev:\s*v\d", README)  # no tag that does not exist


def test_the_readme_documents_the_new_options() -> None:
    for option in ("--quiet", "--statistics", "--exclude", "--color", "--csv-delimiter",
                   "--output-format full", "concise", "rule CODE_OR_NAME", "--version"):
        assert option in README, option
