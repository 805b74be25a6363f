"""Every file soplint writes — `check --output`, `--write-baseline`, `annotate -o` — goes
through here, so that nothing is ever written over a user's document.

The content goes to a new temporary file in the target's folder, which then replaces the
target (`os.replace`): an existing target is never opened, so a symbolic or hard link there
is replaced, never written through, and a failed write leaves the old file as it was. A
target that is one of the run's inputs, or a link (symbolic or hard: the same device and
inode) to one, is refused. Every failure is a `WriteError`: one line naming the target.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from soplint.errors import SoplintError
from soplint.files import identity
from soplint.names import TEXT_ERRORS, shown


class WriteError(SoplintError):
    """An output that cannot or must not be written: one line, exit status 2."""


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "no such folder"
    if exc.errno in (errno.EISDIR, errno.ENOTEMPTY, errno.EEXIST) or isinstance(
            exc, IsADirectoryError):
        return "it is a folder"
    if exc.errno == errno.ENOTDIR:
        return "a part of the path is not a folder"
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
            raise WriteError(f"{shown(os.fspath(target))}: refusing to write over the input "
                             f"{shown(os.fspath(source))}; choose another path")


def write_bytes(target: str | os.PathLike[str], data: bytes,
                inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Write `data` to `target` through a temporary file in its folder, moved into place;
    `inputs` are the run's input files, which `target` must not be nor link to."""
    refuse_inputs(target, list(inputs))
    path = Path(target)
    name = shown(os.fspath(target))
    if path.is_dir():
        raise WriteError(f"cannot write {name}: it is a folder")
    folder = path.parent
    try:
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise WriteError(f"cannot write {name}: {_reason(exc)}") from None
    try:
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, _mode(path))
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError as exc:
        raise WriteError(f"cannot write {name}: {_reason(exc)}") from None


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
