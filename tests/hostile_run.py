"""Run one hostile document through every way in: `check`, `dump` (and `dump --outline`),
`annotate` and the library's `load` (no tests here; the test_hostile_* modules use it)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from soplint.cli import main
from soplint.errors import DocumentError
from soplint.load import load
from soplint.model import Sop


@dataclass(frozen=True)
class Ran:
    """What one command printed and returned."""

    status: int
    out: str
    err: str


def command(*argv: str) -> Ran:
    """Run the command line in this process, capturing what it prints."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(argv))
    return Ran(status, out.getvalue(), err.getvalue())


@dataclass(frozen=True)
class Everywhere:
    """The outcome of a document in each way in; `model` is the library's `Sop`, or the
    `DocumentError` it raised; `copy` the annotated copy's path (it may not exist)."""

    check: Ran
    check_json: Ran
    dump: Ran
    outline: Ran
    annotate: Ran
    model: Sop | DocumentError
    copy: Path

    def refused(self, problem: str) -> None:
        """Assert every way in gives the one line (or the one SOP002 finding) `problem`."""
        for ran in (self.dump, self.outline, self.annotate):
            assert ran.status == 2, ran
            lines = ran.err.strip().splitlines()
            assert len(lines) == 1 and problem in lines[0], ran.err
        assert self.check.status == 2 and "SOP002" in self.check.out
        assert problem in self.check.out and "Traceback" not in self.check.err
        assert isinstance(self.model, DocumentError) and problem in str(self.model)
        assert "\n" not in str(self.model)
        assert not self.copy.exists()

    def read_up_to(self, *cut: tuple[str, int]) -> Sop:
        """Assert every way in reads the document, says it was cut at exactly `cut` (the
        check in one SOP005 finding), and prints no traceback; the library's model."""
        assert isinstance(self.model, Sop), self.model
        assert self.model.cut == cut
        findings = json.loads(self.check_json.out)["findings"]
        assert [f["code"] for f in findings].count("SOP005") == 1
        assert self.check.out.count("SOP005") == 1
        assert json.loads(self.dump.out)["cut"] == [{"limit": k, "value": v} for k, v in cut]
        if self.copy.suffix == ".docx" and self.model.source.endswith(".docx"):
            assert self.annotate.status == 0, self.annotate
            assert self.copy.is_file()
        else:  # annotate writes Word comments: anything else is one line
            assert self.annotate.status == 2 and len(self.annotate.err.splitlines()) == 1
        for ran in (self.check, self.check_json, self.dump, self.outline):
            assert "Traceback" not in ran.err and ran.status in (0, 1), ran
        assert "Traceback" not in self.annotate.err
        return self.model


def everywhere(tmp_path: Path, data: bytes, name: str = "hostile.docx") -> Everywhere:
    """Write `data` as `name` in `tmp_path` and run it through every way in."""
    path = tmp_path / name
    path.write_bytes(data)
    copy = tmp_path / f"annotated-{Path(name).stem}.docx"
    try:
        model: Sop | DocumentError = load(path)
    except DocumentError as exc:
        model = exc
    outcome = Everywhere(
        check=command("check", "--output-format", "concise", str(path)),
        check_json=command("check", "--output-format", "json", str(path)),
        dump=command("dump", "--format", "json", str(path)),
        outline=command("dump", "--outline", str(path)),
        annotate=command("annotate", str(path), "-o", str(copy)),
        model=model, copy=copy)
    assert path.read_bytes() == data, "the input was changed"
    return outcome


class FifoProbe:
    """A named pipe, and whether anything opened it while the probe was active: a reader
    that opens the file a document names is caught without hanging on it (the pipe is
    closed at once from the other end)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "probe.fifo"
        os.mkfifo(self.path)
        self._ours = threading.Event()
        self._opened = threading.Event()
        self._writer = threading.Thread(target=self._write, daemon=True)

    def _write(self) -> None:
        while not self._ours.is_set():  # a reader may open the pipe more than once
            with open(self.path, "wb"):  # blocks until someone opens the pipe for reading
                if not self._ours.is_set():
                    self._opened.set()

    def __enter__(self) -> FifoProbe:
        self._writer.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._ours.set()
        handle = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
        self._writer.join(10)
        os.close(handle)

    @property
    def opened(self) -> bool:
        """Whether something other than the probe opened the pipe."""
        return self._opened.is_set()
