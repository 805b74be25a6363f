"""soplint: a linter for Standard Operating Procedures (Word, Excel, PDF, older Word files)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from soplint.errors import DocumentError
from soplint.load import load, load_all

if TYPE_CHECKING:
    from soplint.checking import Report
    from soplint.config import Config

__all__ = ["DocumentError", "check", "load", "load_all"]
__version__ = "0.1.0"


def check(path: str | os.PathLike[str],
          config: Config | str | os.PathLike[str] | Mapping[str, Any] | None = None) -> Report:
    """Check one document and return its `soplint.checking.Report` (of its first SOP, for a
    file holding several: `soplint.checking.check_path` gives them all) (findings are
    `soplint.findings.Finding` objects). `config` is a `Config`, a path to a configuration
    file, or a mapping of settings as in the file; None discovers one from the file's folder.
    Raises `soplint.config.ConfigError` for a bad configuration."""
    from pathlib import Path

    from soplint.checking import CheckOptions, check_file
    from soplint.config import Config, config_from_mapping, load_config

    if isinstance(config, Mapping):
        config = config_from_mapping(config)
    elif config is not None and not isinstance(config, Config):
        config = load_config(explicit=Path(config))
    return check_file(path, CheckOptions(config=config))
