"""Every file soplint writes — `check --output`, `--write-baseline`, `annotate -o`, `draw
-o`, the rule cache — goes through here, so that nothing is ever written over a user's document.

The content goes to a new temporary file in the target's folder, which then replaces the
target (`os.replace`): an existing target is never opened, so a symbolic or hard link there
is replaced, never written through, and a failed write leaves the old file as it was. A
target that is one of the run's inputs, or a link (symbolic or hard: the same device and
inode) to one, is refused. Every failure is a `WriteError`: one line naming the target. A
writer that makes its output as it goes (a zip) hands `write_stream` a function that fills
the stream.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from soplint.errors import SoplintError
from soplint.files import identity
from soplint.names import TEXT_ERRORS, shown
from soplint.userlang import user_language

if TYPE_CHECKING:
    from soplint.i18n import Message


class WriteError(SoplintError):
    """An output that cannot or must not be written: one line, exit status 2. `speak(lang)`
    says it in the language of the messages (`lang` is set by whoever knows the run's)."""

    def __init__(self, text: str | Message) -> None:
        self.message = None if isinstance(text, str) else text
        super().__init__(text if isinstance(text, str) else text.speak("en"))
        self.lang: str | None = None

    def speak(self, lang: str | None = None) -> str:
        """The error in `lang` (default: `self.lang`, else English)."""
        if self.message is None:
            return str(self)
        return self.message.speak(lang or self.lang or user_language())


def _say(key: str, **params: object) -> Message:
    from soplint.i18n import ENGINE

    return ENGINE.text(f"write.{key}", **params)


def _cannot(target: str | os.PathLike[str], reason: str | Message) -> WriteError:
    return WriteError(_say("cannot", target=shown(os.fspath(target)), reason=reason))


def cannot_write(target: str | os.PathLike[str], exc: OSError) -> WriteError:
    """The error of an output that could not be opened or written (`exc`)."""
    return _cannot(target, _reason(exc))


def _reason(exc: OSError) -> str | Message:
    if exc.errno == errno.ENOENT:
        return _say("no-folder")
    if isinstance(exc, FileExistsError) and exc.filename and os.path.isfile(exc.filename):
        return _say("is-file")  # a folder to make, where a file is
    if exc.errno in (errno.EISDIR, errno.ENOTEMPTY, errno.EEXIST) or isinstance(
            exc, IsADirectoryError):
        return _say("is-folder")
    if exc.errno == errno.ENOTDIR:
        return _say("not-folder")
    return exc.strerror or str(exc)


def refuse_inputs(target: str | os.PathLike[str],
                  inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Raise WriteError when `target` is one of `inputs`, or a link to one (after symbolic
    links, the same device and inode); a target that does not exist yet is compared by
    its absolute path."""
    wanted = identity(target)
    where = os.path.abspath(target)
    for source in inputs:
        found = identity(source)
        if (found is not None and found == wanted) or (
                found is None and os.path.abspath(source) == where):
            raise WriteError(_say("refused", target=shown(os.fspath(target)),
                                  source=shown(os.fspath(source))))


def write_stream(target: str | os.PathLike[str], fill: Callable[[BinaryIO], object],
                 inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Write `target` with what `fill(stream)` writes to a binary stream: a temporary file
    in the target's folder, moved into place once `fill` has returned (if it raises, the
    target is left as it was). `inputs` are the run's input files, which `target` must not
    be nor link to."""
    refuse_inputs(target, list(inputs))
    path = Path(target)
    if path.is_dir():
        raise _cannot(target, _say("is-folder"))
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                         suffix=".tmp")
    except OSError as exc:
        raise _cannot(target, _reason(exc)) from None
    try:
        try:
            with os.fdopen(fd, "wb") as stream:
                fill(stream)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, _mode(path))
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError as exc:
        raise _cannot(target, _reason(exc)) from None


def write_bytes(target: str | os.PathLike[str], data: bytes,
                inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """`write_stream` of `data`."""
    write_stream(target, lambda stream: stream.write(data), inputs)


def write_text(target: str | os.PathLike[str], text: str,
               inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """`write_bytes` of `text` in UTF-8, undecodable characters escaped (`TEXT_ERRORS`)."""
    write_bytes(target, text.encode("utf-8", TEXT_ERRORS), inputs)


def _mode(path: Path) -> int:
    """The permissions of the new file: those of the file it replaces, else the usual ones
    for a new file (0o666 less the umask)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask
