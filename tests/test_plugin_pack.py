"""A third-party rule pack (tests/plugin_pack) is discovered through its `soplint` entry point,
listed by `soplint rules`, and its findings reported by `soplint check`.

"Installing" it writes the dist-info that pip would write (METADATA and entry_points.txt, built
from the pack's own pyproject.toml) into a folder put on sys.path, which importlib.metadata
scans like site-packages.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from soplint.cli import main
from soplint.load import load
from soplint.plugins import ENV_PLUGINS, plugin_manager, registered_rules
from soplint.rule import Rule

ROOT = Path(__file__).resolve().parents[1]
PACK = Path(__file__).parent / "plugin_pack"
NARRATIVE = ROOT / "fixtures" / "en_narrative.docx"


def _clear() -> None:
    plugin_manager.cache_clear()
    registered_rules.cache_clear()


def _install(site: Path) -> None:
    """Write the pack's dist-info into `site`, as `pip install` would."""
    project = tomllib.loads((PACK / "pyproject.toml").read_text())["project"]
    info = site / f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n")
    lines = [f"{name} = {target}" for name, target in project["entry-points"]["soplint"].items()]
    (info / "entry_points.txt").write_text("[soplint]\n" + "\n".join(lines) + "\n")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The pack installed on sys.path, every plugin allowed, the plugin caches fresh."""
    site = tmp_path / "site-packages"
    _install(site)
    monkeypatch.syspath_prepend(str(PACK))
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delenv(ENV_PLUGINS, raising=False)
    _clear()
    yield site
    _clear()


def _builtin(rules: dict[str, Rule]) -> bool:
    return any(r.check.__module__.startswith("soplint_rules.") for r in rules.values())


def _period_steps() -> list[str]:
    return [s.number for s in load(NARRATIVE).steps if s.text.endswith(".")]


def test_the_installed_pack_is_discovered(site: Path) -> None:
    rules = registered_rules()
    assert rules["XMP001"].name == "step-ends-with-period"
    assert plugin_manager().get_plugin("example") is not None
    assert _builtin(rules)  # the built-in pack still loads beside it


def test_rules_lists_the_pack(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    listed = {r["code"]: r for r in json.loads(capsys.readouterr().out)}
    assert listed["XMP001"]["summary"] == "A step's activity ends with a full stop."


def test_check_reports_the_pack_findings(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = _period_steps()
    assert expected  # the fixture has steps ending with a full stop
    main(["check", str(NARRATIVE), "--select", "XMP", "--output-format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [f["step"] for f in findings] == expected
    assert {f["code"] for f in findings} == {"XMP001"}
    assert findings[0]["message"] == "Step ends with a full stop."


def test_soplint_plugins_builtin_leaves_the_pack_out(site: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_PLUGINS, "builtin")
    _clear()
    rules = registered_rules()
    assert "XMP001" not in rules and _builtin(rules)


def test_a_fresh_process_finds_the_pack(site: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(PACK)])}
    env.pop(ENV_PLUGINS, None)
    done = subprocess.run([sys.executable, "-m", "soplint", "rules", "--format", "json"],
                          capture_output=True, text=True, env=env, check=True, timeout=120)
    assert "XMP001" in {r["code"] for r in json.loads(done.stdout)}
    env[ENV_PLUGINS] = "builtin"
    done = subprocess.run([sys.executable, "-m", "soplint", "rules", "--format", "json"],
                          capture_output=True, text=True, env=env, check=True, timeout=120)
    assert "XMP001" not in {r["code"] for r in json.loads(done.stdout)}
