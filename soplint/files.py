"""Opening what soplint reads (documents, configuration, baselines): regular files only, with a
size limit checked before reading, and one plain problem for every path that cannot be used.

A path is opened without blocking (`O_NONBLOCK`), then the open file is looked at: a named
pipe (FIFO), a device (`/dev/zero`, `/dev/stdin` on a pipe), a socket or a folder is refused
before a byte is read, whatever link names it; so is a file over the limit. Nothing here
waits on a writer or reads without bound.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_BINARY", 0))

# What a file that is not a regular one is, as the problem says it.
_KINDS = ((stat.S_ISDIR, "is a directory, not a file"),
          (stat.S_ISFIFO, "a named pipe (FIFO), not a regular file; - reads standard input"),
          (stat.S_ISCHR, "a device, not a regular file"),
          (stat.S_ISBLK, "a device, not a regular file"),
          (stat.S_ISSOCK, "a socket, not a regular file"))


# The problems of a path that names no document file at all (not of a document's content).
NOT_A_FILE = frozenset({*(problem for _, problem in _KINDS), "not a regular file", "file not found",
                        "a loop of symbolic links", "the path is longer than the system allows"})


class FileProblem(Exception):
    """A path that cannot be read: `problem` says why in plain words (the reader's
    `DocumentError`, the configuration's `ConfigError` name the file)."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def os_problem(exc: OSError) -> str:
    """The plain problem of an OSError on a path."""
    if isinstance(exc, FileNotFoundError):
        return "file not found"
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not a file"
    if exc.errno == errno.ELOOP:
        return "a loop of symbolic links"
    if exc.errno == errno.ENAMETOOLONG:
        return "the path is longer than the system allows"
    return f"cannot read the file: {exc.strerror or exc}"


def kind_problem(mode: int) -> str | None:
    """Why a file of this `st_mode` is not read, None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((problem for test, problem in _KINDS if test(mode)),
                "not a regular file")


def open_problem(path: str | os.PathLike[str], exc: OSError) -> str:
    """The plain problem of an OSError on opening `path`: a folder that refuses to be
    opened is one that cannot be listed (a folder walk met it)."""
    if not isinstance(exc, FileNotFoundError) and os.path.isdir(path):
        return f"a folder that cannot be listed: {exc.strerror or exc}"
    return os_problem(exc)


def open_regular(path: str | os.PathLike[str], limit: int) -> BinaryIO:
    """`path` opened for reading in binary, once it is known to be a regular file of at most
    `limit` bytes; raises `FileProblem` otherwise."""
    try:
        fd = os.open(os.fspath(path), _OPEN_FLAGS)
    except OSError as exc:
        raise FileProblem(open_problem(path, exc)) from None
    try:
        info = os.fstat(fd)
        problem = kind_problem(info.st_mode)
        if problem is None and info.st_size > limit:
            problem = "file is too large"
        if problem is not None:
            raise FileProblem(problem)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes (`open_regular`); a file that
    grows past the limit while it is read is refused too."""
    with open_regular(path, limit) as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise FileProblem(os_problem(exc)) from None
    if len(data) > limit:
        raise FileProblem("file is too large")
    return data


def absolute(path: str | os.PathLike[str]) -> Path:
    """`path` resolved (links followed) where it can be, else made absolute as written: a
    loop of links or a path too long for the system gives no error here."""
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """(device, inode) of the file `path` names after its links, None when it does not
    exist or cannot be looked at."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino
