"""A configuration file found beside the documents is input too: nested past reason, a pipe,
a device or too large, it is one line naming the file, never a RecursionError or a hang."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from soplint import config
from soplint.cli import main
from soplint.config import ConfigError, load_config
from tests.hostile import document, no_hang


def _error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    return err


@pytest.mark.parametrize("nested", ["[" * 5000 + "]" * 5000, "{a = " * 5000 + "1" + "}" * 5000])
def test_a_deeply_nested_soplint_toml_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], nested: str) -> None:
    source = document(tmp_path)
    (tmp_path / "soplint.toml").write_text(f"a = {nested}\n")
    for args in (["check", str(source)], ["annotate", str(source), "-o",
                                          str(tmp_path / "out.docx")]):
        assert main(args) == 2
        assert "soplint.toml: invalid TOML: arrays or tables nested too deeply" in \
            _error_line(capsys)


def test_a_configuration_that_is_a_pipe_is_refused_without_waiting(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = document(tmp_path)
    pipe = tmp_path / "pipe.toml"
    os.mkfifo(pipe)
    with no_hang():
        assert main(["check", str(source), "--config", str(pipe)]) == 2
    assert "named pipe" in _error_line(capsys)


def test_a_configuration_over_the_limit_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "soplint.toml"
    big.write_text("# padding\n" * 20)
    monkeypatch.setattr(config, "MAX_CONFIG_BYTES", 100)
    with pytest.raises(ConfigError, match="too large"):
        load_config(explicit=big)


def test_the_timeout_key_is_validated(tmp_path: Path) -> None:
    good = tmp_path / "good" / "soplint.toml"
    good.parent.mkdir()
    good.write_text("timeout = 2.5\n")
    assert load_config(explicit=good).timeout == 2.5
    bad = tmp_path / "soplint.toml"
    for value in ('"soon"', "-1", "true"):
        bad.write_text(f"timeout = {value}\n")
        with pytest.raises(ConfigError, match="timeout: expected a number of seconds"):
            load_config(explicit=bad)
