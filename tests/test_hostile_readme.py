"""The README's "Hostile input" section says what the code does: its limits are the code's
limits, its quoted problems the code's problems."""

from __future__ import annotations

import argparse
import re

from soplint import config, timelimit
from soplint.cli import _check_options
from soplint.cliparse import parser
from soplint.files import kind_problem
from soplint.reader.ooxml import archive
from soplint.timelimit import time_problem
from tests.hostile import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
MIB = 1024 * 1024


def _section() -> str:
    found = re.search(r"^## Hostile input: files, paths, names and outputs\n(.*?)^## ", README,
                      re.MULTILINE | re.DOTALL)
    assert found is not None, "no Hostile input section"
    return " ".join(found.group(1).split())


def test_the_limits_are_the_code_s() -> None:
    text = _section()
    assert f"a document over {archive.MAX_FILE_BYTES // MIB} MiB" in text
    assert f"a configuration file over {config.MAX_CONFIG_BYTES // MIB} MiB" in text
    assert f"standard input (`-`) is read up to {archive.MAX_FILE_BYTES // MIB} MiB" in text
    assert f"{timelimit.DEFAULT_SECONDS:g} s by default on the command line" in text


def test_the_problems_quoted_are_the_code_s() -> None:
    text = _section()
    quoted = re.search(r'\("(not read and checked within the time limit of \d+ s)"\)', text)
    assert quoted is not None
    assert time_problem(timelimit.DEFAULT_SECONDS).startswith(quoted.group(1))
    fifo = kind_problem(0o010644)
    assert fifo is not None and fifo in README  # the JSON example's problem


def test_the_command_line_default_is_the_one_stated() -> None:
    args = parser().parse_args(["check", "x.docx"])
    options = _check_options(args)
    assert options.timeout is None and options.default_timeout == timelimit.DEFAULT_SECONDS
    annotate = parser().parse_args(["annotate", "x.docx", "-o", "y.docx", "--timeout", "5"])
    assert isinstance(annotate, argparse.Namespace) and annotate.timeout == 5.0


def test_every_hostile_test_module_exists() -> None:
    assert "tests/test_hostile_*.py" in _section()
    assert len(list((ROOT / "tests").glob("test_hostile_*.py"))) >= 8
