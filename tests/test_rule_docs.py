"""Rule documentation a reader can act on: sources cited by title, year and link (no internal
document sections), and `soplint rule CODE_OR_NAME` by code or name, in the language asked."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from soplint.cli import main
from soplint.engine import ENGINE_CODES
from soplint.plugins import registered_rules
from soplint.rule import Rule

CITATION = re.compile(r"^- \[(\d+)\] (.+)$")
YEAR = re.compile(r"\((?:19|20)\d\d\)|\(n\.d\.\)")


def _references(doc: str) -> dict[str, str]:
    """[n] -> the citation's text, from the References section (continuation lines joined)."""
    section = doc.split("## References", 1)[1]
    found: dict[str, str] = {}
    current = None
    for line in section.strip().splitlines():
        head = CITATION.match(line.strip())
        if head:
            current = head.group(1)
            found[current] = head.group(2)
        elif current is not None and line.strip():
            found[current] += " " + line.strip()
    return found


@pytest.mark.parametrize("rule", list(registered_rules().values()), ids=lambda r: r.code)
def test_sources_are_cited_by_title_year_and_link(rule: Rule) -> None:
    doc = rule.doc
    assert "SOP-DOMAIN" not in doc and not re.search(r"\[S\d+\]", doc)
    references = _references(doc)
    assert references, f"{rule.code} cites no source"
    used = set(re.findall(r"\[(\d+)\]", doc.split("## References", 1)[0]))
    assert used <= set(references), f"{rule.code}: {used - set(references)} not listed"
    for number, text in references.items():
        assert YEAR.search(text), f"{rule.code} [{number}] has no year: {text}"
        assert "http" in text or text.startswith("ISO"), f"{rule.code} [{number}]: no link"


def test_a_rule_is_found_by_its_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "time-missing"]) == 0
    by_name = capsys.readouterr().out
    assert main(["rule", "tim001"]) == 0
    assert capsys.readouterr().out == by_name
    assert by_name.startswith("TIM001 time-missing") and "## What it does" in by_name


def test_an_unknown_rule_is_a_usage_error_with_a_suggestion(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "time-mising"]) == 2
    assert "did you mean time-missing?" in capsys.readouterr().err
    assert main(["rule", "TIM01"]) == 2
    assert "did you mean TIM001?" in capsys.readouterr().err


def test_engine_codes_are_documented_too(capsys: pytest.CaptureFixture[str]) -> None:
    for code, engine in ENGINE_CODES.items():
        assert main(["rule", engine.name]) == 0
        assert capsys.readouterr().out.startswith(f"{code} {engine.name}")


ENGLISH_HEADINGS = ("## What it does", "## Why is this bad?", "## Example", "## Use instead",
                    "## Options", "## References")


@pytest.mark.parametrize("code", [*registered_rules(), *ENGINE_CODES])
def test_soplint_rule_lang_id_is_indonesian(code: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", code, "--lang", "id"]) == 0
    text = capsys.readouterr().out
    assert not any(heading in text for heading in ENGLISH_HEADINGS), code
    assert "tingkat=" in text.splitlines()[0]
    if code in registered_rules():
        assert "## Apa yang diperiksa" in text and "## Mengapa ini masalah?" in text
        assert "## Rujukan\n- [1] " in text  # the sources, as the docstring cites them


def test_the_indonesian_documentation_cites_the_docstrings_sources() -> None:
    for rule in registered_rules().values():
        indonesian = rule.doc_in("id")
        cited = set(re.findall(r"\[(\d+)\]", indonesian.split("## Rujukan", 1)[0]))
        assert cited <= set(_references(rule.doc)), rule.code


def test_soplint_rule_answers_from_its_cache_while_nothing_changed(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from soplint.output import rulecache, ruledocs

    assert main(["rule", "TIM001", "--lang", "id"]) == 0
    first = capsys.readouterr().out
    assert rulecache.cache_file().is_file()

    def no_packs(key: str) -> None:
        raise AssertionError("the packs were loaded although the cache is valid")

    monkeypatch.setattr(ruledocs, "find_rule", no_packs)
    assert main(["rule", "time-missing", "--lang", "id"]) == 0
    assert capsys.readouterr().out == first


def test_a_changed_source_makes_the_cache_stale(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from soplint.output import rulecache

    rulecache.store()
    assert rulecache.lookup("TIM001", "en") is not None
    data = json.loads(rulecache.cache_file().read_text(encoding="utf-8"))
    source = data["sources"][0]
    source[1] += 1  # as if the file had been edited since
    rulecache.cache_file().write_text(json.dumps(data), encoding="utf-8")
    assert rulecache.lookup("TIM001", "en") is None
    rulecache.store()
    monkeypatch.setenv("SOPLINT_PLUGINS", "builtin")
    assert rulecache.lookup("TIM001", "en") is None  # another set of packs


def test_an_unwritable_cache_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SOPLINT_CACHE_DIR", str(blocker / "cache"))
    assert main(["rule", "TIM001"]) == 0 and main(["rule", "TIM001"]) == 0
    out = capsys.readouterr().out
    assert out.count("TIM001 time-missing") == 2
