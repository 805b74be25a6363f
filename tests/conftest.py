"""Every test keeps soplint's cache (`soplint.output.rulecache`) in its own temporary folder,
and runs in an English locale (the language of the words no document decides), unless it
sets another."""

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


_LOCALE = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture(autouse=True)
def _english_user(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in _LOCALE:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
