"""Safe access to the zip container of a .docx: input sniffing, size and entry limits."""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import BinaryIO

from soplint.errors import DocumentError, SourceTypeError
from soplint.files import FileProblem, open_regular, read_regular

Source = str | os.PathLike[str] | bytes | BinaryIO

MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_ENTRIES = 10_000
_CHUNK = 1024 * 1024

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_FOREIGN = ((b"%PDF-", "a PDF file, not .docx; check the Word document it was made from"),
            (b"{\\rtf", "an RTF file, not .docx; save it as .docx"))


def display_name(source: Source, name: str | None) -> str:
    """The name errors and the tree use for `source`."""
    if name is not None:
        return name
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    if isinstance(source, bytes):
        return "<bytes>"
    stream_name = getattr(source, "name", None)
    return stream_name if isinstance(stream_name, str) else "<stream>"


@contextmanager
def open_archive(source: Source, name: str) -> Iterator[Archive]:
    """The archive of a .docx. A file on disk is read part by part (its pictures never are);
    bytes and streams are read whole first."""
    if not isinstance(source, str | os.PathLike):
        data = load_bytes(source, name)
        _sniff(data[:len(_OLE_SIGNATURE)], name, lambda: data)
        yield Archive(io.BytesIO(data), name)
        return
    with open_path(source, name) as handle:
        _sniff(handle.read(len(_OLE_SIGNATURE)), name, handle.read)
        handle.seek(0)
        yield Archive(handle, name)


def load_bytes(source: Source, name: str) -> bytes:
    """The raw bytes of the input, with plain errors for missing or unreadable files."""
    if isinstance(source, bytes):
        return source
    if isinstance(source, str | os.PathLike):
        return _read_path(os.fspath(source), name)
    try:
        data = source.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise DocumentError(name, "cannot read the stream: "
                            f"{getattr(exc, 'strerror', None) or exc}") from None
    if not isinstance(data, bytes):
        raise SourceTypeError(name, "a text stream, not a binary one: open the file in "
                              "binary mode ('rb')")
    if len(data) > MAX_FILE_BYTES:
        raise DocumentError(name, "file is too large")
    return data


def open_path(path: str | os.PathLike[str], name: str) -> BinaryIO:
    """A document on disk opened for reading: a regular file within the size limit (a pipe,
    a device or a folder is refused before a byte is read, `soplint.files`), else the
    one-line DocumentError."""
    try:
        return open_regular(path, MAX_FILE_BYTES)
    except FileProblem as exc:
        raise DocumentError(name, exc.problem) from None


def _read_path(path: str, name: str) -> bytes:
    """Read a file from disk."""
    try:
        return read_regular(path, MAX_FILE_BYTES)
    except FileProblem as exc:
        raise DocumentError(name, exc.problem) from None


class Archive:
    """The zip archive of a .docx; every read is capped in decompressed size."""

    def __init__(self, stream: BinaryIO, name: str) -> None:
        self.name = name
        try:
            self._zip = zipfile.ZipFile(stream)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zlib.error, ValueError, EOFError):
            raise DocumentError(name, "not a .docx (not a zip archive)") from None
        if len(infos) > MAX_ENTRIES:
            raise DocumentError(name, f"too many zip entries ({len(infos)} > {MAX_ENTRIES})")
        self._infos = {info.filename: info for info in infos}
        _refuse_duplicates(infos, name)
        self._total = 0

    def parts(self) -> list[str]:
        """Every part name in the archive, in zip order."""
        return list(self._infos)

    def info(self, part: str) -> zipfile.ZipInfo:
        """The zip entry of `part` (its date and compression, for a copy)."""
        return self._infos[part]

    def has(self, part: str) -> bool:
        """Whether the archive holds `part`."""
        return part in self._infos

    def read(self, part: str) -> bytes | None:
        """The decompressed bytes of `part`, None when absent; raises on oversize or corruption."""
        info = self._infos.get(part)
        if info is None:
            return None
        if info.flag_bits & 0x1:
            raise DocumentError(self.name, "password-protected (encrypted) document")
        if info.file_size > MAX_PART_BYTES:
            raise DocumentError(self.name, f"{part} is too large when decompressed (zip bomb?)")
        try:
            return self._read_capped(info)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
            raise DocumentError(self.name, f"{part} is corrupt in the zip archive") from None

    def _read_capped(self, info: zipfile.ZipInfo) -> bytes:
        """Read in chunks, counting real bytes, since the sizes in the zip can lie."""
        chunks: list[bytes] = []
        size = 0
        with self._zip.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                self._total += len(chunk)
                if size > MAX_PART_BYTES:
                    raise DocumentError(self.name, f"{info.filename} is too large when "
                                        "decompressed (zip bomb?)")
                if self._total > MAX_TOTAL_BYTES:
                    raise DocumentError(self.name, "archive is too large when decompressed "
                                        "(zip bomb?)")
                chunks.append(chunk)
        return b"".join(chunks)


def _refuse_duplicates(infos: list[zipfile.ZipInfo], name: str) -> None:
    """Refuse an archive that holds a part twice: readers would disagree on which copy is
    the document. Part names are compared as OPC compares them, ignoring ASCII case."""
    seen: set[str] = set()
    for info in infos:
        key = info.filename.lower()
        if key in seen:
            raise DocumentError(name, f"{info.filename} is in the archive twice")
        seen.add(key)


def _sniff(head: bytes, name: str, rest: Callable[[], bytes]) -> None:
    """Reject empty files, legacy .doc, encrypted packages, PDF and RTF before trying to
    unzip, from the first bytes of the file (`rest` reads the remainder, for OLE files only)."""
    if not head:
        raise DocumentError(name, "empty file")
    for signature, problem in _FOREIGN:
        if head.startswith(signature):
            raise DocumentError(name, problem)
    if head == _OLE_SIGNATURE:
        if _ENCRYPTED_STREAM in rest():
            raise DocumentError(name, "password-protected (encrypted) document")
        raise DocumentError(name, "a Word 97-2003 .doc file, not .docx; save it as .docx")
