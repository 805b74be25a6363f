"""The uploads kept for their downloads: each under an unguessable token, for a short time.

An entry holds the request's private folder (the stored upload, for the annotated copy) and
what the check found (for the CSV and the printable page). When its time is up, `sweep`
deletes the folder; closing the store deletes every folder left.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from soplint.web.analysis import Outcome
from soplint.web.uploads import remove


@dataclass(frozen=True)
class Entry:
    """One request's uploads: their private folder, outcomes and when they are deleted."""

    folder: Path
    outcomes: tuple[Outcome, ...]
    expires: float


class Store:
    """Entries by token, safe to use from the event loop and the worker threads at once."""

    def __init__(self, keep: float) -> None:
        self.keep = keep
        self._entries: dict[str, Entry] = {}
        self._lock = threading.Lock()

    def add(self, folder: Path, outcomes: tuple[Outcome, ...]) -> str:
        """Keep `folder` and `outcomes` for `keep` seconds; return their token."""
        token = secrets.token_urlsafe(18)
        with self._lock:
            self._entries[token] = Entry(folder, outcomes, time.monotonic() + self.keep)
        return token

    def get(self, token: str) -> Entry | None:
        """The entry for `token`, None when unknown or expired."""
        with self._lock:
            entry = self._entries.get(token)
        return entry if entry is not None and entry.expires > time.monotonic() else None

    def sweep(self) -> int:
        """Delete the expired entries and their folders; return how many."""
        now = time.monotonic()
        with self._lock:
            expired = [t for t, e in self._entries.items() if e.expires <= now]
            gone = [self._entries.pop(t) for t in expired]
        for entry in gone:
            remove(entry.folder)
        return len(gone)

    def close(self) -> None:
        """Delete every entry's folder."""
        with self._lock:
            gone = list(self._entries.values())
            self._entries.clear()
        for entry in gone:
            remove(entry.folder)
