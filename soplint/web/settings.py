"""What a `soplint serve` process is configured with."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from soplint.config import Config

MB = 1024 * 1024
DEFAULT_MAX_UPLOAD = 20 * MB


@dataclass(frozen=True)
class Settings:
    """`max_upload`: bytes one upload request may carry; `timeout`: seconds one document may
    take to be read and checked; `keep`: seconds an upload and its findings are kept for the
    downloads (0: deleted when the page is sent, no downloads); `workers`: documents checked
    at once; `temp_root`: where the private folders are made (None: the system's); `config`:
    the configuration every check uses (None: the defaults; uploads never configure)."""

    max_upload: int = DEFAULT_MAX_UPLOAD
    timeout: float = 60.0
    keep: float = 600.0
    workers: int = 2
    temp_root: Path | None = None
    config: Config | None = None
