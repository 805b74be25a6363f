"""The audit's results file: one JSON line per file, written as each file finishes.

A line is `{"path", "size", "mtime_ns", "seconds", "cached", "failed", "records": [...]}`,
the records last (an index of the file reads the other fields alone; they arrive as JSON
text from the worker, so that this process does not serialise them).
`--resume` reads the lines back and skips the files whose size and modification time are
unchanged; the reports are built by reading the file again, one line at a time, so that a
finished document holds no memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from .record import DocumentRecord
from .work import FileResult, file_stamp


class ResultsFile:
    """The results file, open for appending (emptied first unless resuming)."""

    def __init__(self, path: Path, resume: bool) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._stream: IO[str] = path.open("a" if resume else "w", encoding="utf-8")

    def write(self, result: FileResult) -> None:
        """Append a result and flush it to the file."""
        try:
            size, mtime = file_stamp(result.path)
        except OSError:
            size, mtime = -1, -1
        fields = {"path": result.path, "size": size, "mtime_ns": mtime,
                  "seconds": round(result.seconds, 4), "cached": result.cached,
                  "failed": result.failed}
        head = json.dumps(fields, ensure_ascii=False)[:-1]  # "}" cut: the records follow
        self._stream.write(f'{head}, "records": {result.records}}}\n')
        self._stream.flush()

    def close(self) -> None:
        """Close the file."""
        self._stream.close()


_RECORDS = b', "records": '


def _headers(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(offset, fields but the records) of every complete line, read without decoding the
    records (a line cut by a kill is skipped). The records come last in a line, and a JSON
    string cannot hold `, "records": ` unescaped, so the fields end where that begins."""
    if not path.is_file():
        return
    with path.open("rb") as stream:
        offset = 0
        for raw in stream:
            cut = raw.find(_RECORDS)
            header = None
            if cut > 0 and raw.rstrip().endswith(b"]}"):
                try:
                    header = json.loads(raw[:cut] + b"}")
                except ValueError:
                    header = None
            if isinstance(header, dict):
                yield offset, header
            offset += len(raw)


def finished(path: Path) -> set[str]:
    """The files the results file holds a result for that are unchanged since (`--resume`);
    a file the audit failed on (time limit, dead worker) is tried again."""
    done: dict[str, bool] = {}
    for _, line in _headers(path):
        try:
            unchanged = file_stamp(line["path"]) == (line["size"], line["mtime_ns"])
        except OSError:
            unchanged = False
        done[line["path"]] = unchanged and not line.get("failed", False)
    return {p for p, ok in done.items() if ok}


def records(path: Path, files: Sequence[str]) -> Iterator[tuple[DocumentRecord, float]]:
    """The records of `files` (each one's last result), with the seconds its file took,
    read one line at a time in the order of `files`."""
    wanted = set(files)
    last: dict[str, int] = {}
    for offset, line in _headers(path):
        if line.get("path") in wanted:
            last[line["path"]] = offset
    with path.open("rb") as stream:
        for file in files:
            if file not in last:
                continue
            stream.seek(last[file])
            line = json.loads(stream.readline())
            for record in line["records"]:
                yield DocumentRecord.from_json(record), float(line.get("seconds", 0.0))
