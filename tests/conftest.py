"""Every test keeps soplint's cache (`soplint.output.rulecache`) in its own temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ENV_CACHE = "SOPLINT_CACHE_DIR"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv(ENV_CACHE, str(folder))
    return folder
