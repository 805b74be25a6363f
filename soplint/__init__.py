"""soplint: a linter for Standard Operating Procedures (Word, Excel, PDF, older Word files).

What `load` and `check` need is imported on first use, so that importing soplint (and
starting the command line) costs almost nothing.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO

from soplint.errors import DocumentError
from soplint.load import load, load_all

if TYPE_CHECKING:
    from soplint.checking import Report
    from soplint.config import Config
    from soplint.model import Sop

__all__ = ["DocumentError", "check", "load", "load_all"]
__version__ = "0.1.0"


def check(source: str | os.PathLike[str] | bytes | BinaryIO | Sop,
          config: Config | str | os.PathLike[str] | Mapping[str, Any] | None = None,
          name: str | None = None) -> Report:
    """Check one document and return its `soplint.checking.Report` (of its first SOP, for a
    file holding several: `soplint.checking.check_path` gives them all; findings are
    `soplint.findings.Finding` objects). `source` is what `load` takes (a path, bytes, a
    binary file, named `name` in the findings) or a `Sop` already loaded. `config` is a
    `Config`, a path to a configuration file, or a mapping of settings as in the file; None
    discovers one from the file's folder (the working folder for bytes, files and models).
    Raises `soplint.config.ConfigError` for a bad configuration, and
    `soplint.errors.SourceTypeError` (a DocumentError and a TypeError) for a `source` that is
    no path, bytes, binary file or model."""
    from pathlib import Path

    from soplint.checking import CheckOptions, check_sop, check_source
    from soplint.config import Config, config_from_mapping, load_config
    from soplint.model import Sop

    path = Path(source) if isinstance(source, str | os.PathLike) else None
    if isinstance(config, Mapping):
        config = config_from_mapping(config)
    elif config is not None and not isinstance(config, Config):
        config = load_config(explicit=Path(config))
    options = CheckOptions(config=config or load_config(path))
    if isinstance(source, Sop):
        return check_sop(source, options)
    return check_source(source, options, name or (os.fspath(path) if path else None))
