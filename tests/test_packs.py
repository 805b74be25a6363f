"""Rule packs that cannot be used are skipped, one line each, and nothing else stops working;
a pack declares its own configuration options, validated like the built-in ones."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from soplint.checking import CheckOptions, check_file
from soplint.cli import main
from soplint.config import ConfigError, config_from_mapping
from soplint.plugins import (
    ENV_PLUGINS,
    pack_problems,
    plugin_manager,
    registered_options,
    registered_rules,
)

ROOT = Path(__file__).resolve().parents[1]
NARRATIVE = ROOT / "fixtures" / "en_narrative.docx"

HEAD = '''
from collections.abc import Callable, Iterator
from soplint.hookspecs import hookimpl
from soplint.model import Sop
from soplint.rule import OptionError, Rule, RuleContext, RuleOption, Text, Violation, rule
'''
PACKS = {
    "bad_code": '''
@rule("BAD1", "bad-code", category="wording", severity="info")
def bad(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """A rule whose code has no three digits."""
    yield from ()
''',
    "bad_category": '''
@rule("XBC001", "bad-category", category="nonsense", severity="info")
def bad(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """A rule of no known category."""
    yield from ()
''',
    "dupe": '''
@rule("TIM001", "another-time-missing", category="time", severity="info")
def dupe(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """A code the built-in pack has."""
    yield from ()

@hookimpl
def soplint_register_rules(register: Callable[[Rule], None]) -> None:
    register(dupe)
''',
    "options": '''
@rule("XOP001", "counts-steps", category="structure", severity="info")
def counts(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """Reports when a document has more steps than `xop-limit`."""
    if len(sop.steps) > ctx.option("xop_limit", 1000):
        yield Violation(Text(id="Terlalu banyak langkah.", en="Too many steps."))

def _limit(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise OptionError(f"expected an integer >= 1, got {value!r}")
    return value

@hookimpl
def soplint_register_rules(register: Callable[[Rule], None]) -> None:
    register(counts)

@hookimpl
def soplint_register_options(register: Callable[[RuleOption], None]) -> None:
    register(RuleOption("xop-limit", _limit, "the most steps allowed"))
''',
}


def _clear() -> None:
    for cached in (plugin_manager, registered_rules, registered_options):
        cached.cache_clear()


@pytest.fixture
def packs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Four packs installed (dist-info with a `soplint` entry point), every plugin allowed."""
    site = tmp_path / "site"
    site.mkdir()
    for name, body in PACKS.items():
        module = f"soplint_test_{name}"
        (site / f"{module}.py").write_text(textwrap.dedent(HEAD + body), encoding="utf-8")
        info = site / f"{module}-0.1.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1\n")
        (info / "entry_points.txt").write_text(f"[soplint]\n{name} = {module}\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delenv(ENV_PLUGINS, raising=False)
    _clear()
    yield site
    _clear()


def test_broken_and_conflicting_packs_are_skipped_with_one_line_each(
        packs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = registered_rules()
    assert "XOP001" in rules and rules["TIM001"].name == "time-missing"
    assert "XBC001" not in rules
    problems = {p.pack: p.problem for p in pack_problems()}
    assert set(problems) == {"bad_code", "bad_category", "dupe"}
    assert "BAD1" in problems["bad_code"] and "nonsense" in problems["bad_category"]
    assert problems["dupe"] == "rule code TIM001 is already registered by pack 'builtin'"
    assert main(["rules", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert "XOP001" in {r["code"] for r in json.loads(captured.out)}
    lines = captured.err.strip().splitlines()
    assert sorted(lines) == sorted(f"soplint: rule pack {pack!r} skipped: {problem}"
                                   for pack, problem in problems.items())


def test_check_still_runs_with_a_broken_pack_installed(
        packs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    defects = ROOT / "fixtures" / "permenpan_defects.docx"
    assert main(["check", str(defects), "--format", "json", "--select", "XOP,TIM"]) == 0
    captured = capsys.readouterr()
    codes = {f["code"] for f in json.loads(captured.out)["findings"]}
    assert codes == {"TIM001", "TIM002"}
    assert len(captured.err.strip().splitlines()) == 3  # one line per pack skipped


def test_a_pack_option_is_validated_like_the_built_in_ones(packs: Path) -> None:
    with pytest.raises(ConfigError, match="xop-limit: expected an integer >= 1, got 0"):
        config_from_mapping({"xop-limit": 0})
    with pytest.raises(ConfigError, match="unknown key 'xop-limimt'"):
        config_from_mapping({"xop-limimt": 3})
    config = config_from_mapping({"xop-limit": 1})
    assert config.options["xop_limit"] == 1
    report = check_file(NARRATIVE, CheckOptions(config=config, select=("XOP",)))
    assert [f.code for f in report.findings] == ["XOP001"]
    relaxed = check_file(NARRATIVE, CheckOptions(config=config_from_mapping(
        {"xop-limit": 1000}), select=("XOP",)))
    assert relaxed.findings == ()


def test_the_built_in_options_are_declared_through_the_same_hook() -> None:
    _clear()
    assert {"max-step-words", "max-decisions", "service-standards"} <= set(
        registered_options())
    with pytest.raises(ConfigError, match="max-decisions: expected an integer > 0"):
        config_from_mapping({"max-decisions": "5"})
    with pytest.raises(ConfigError, match=r"service-standards\.Izin: 'soon' is not"):
        config_from_mapping({"service-standards": {"Izin": "soon"}})
