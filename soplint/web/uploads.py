"""Uploads: received into a private folder, never under the user's file name.

Each request gets its own folder (`tempfile.mkdtemp`, mode 0700). The multipart body is
parsed by python-multipart as it streams in, each file written into that folder under a
temporary name; the body is refused as soon as it passes the size limit. The file name the
browser sends is kept only as text to show, and only its suffix, when it is one a reader
takes, is used for the stored copy (`document-1.docx`).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from python_multipart.multipart import File, FormParser, parse_options_header

FIELD = "documents"
NAME_LENGTH = 120
MAX_FILES = 20


class UploadError(Exception):
    """A request body that cannot be taken: `status` is the HTTP status to answer with,
    `key` the page's message for it."""

    def __init__(self, status: int, key: str) -> None:
        super().__init__(key)
        self.status = status
        self.key = key


@dataclass(frozen=True)
class Upload:
    """One file received: the name to show (the browser's, reduced to its last part) and
    where the bytes are in the private folder."""

    name: str
    path: Path


def private_folder(root: Path | None = None) -> Path:
    """A new folder only this process's user can enter (mkdtemp makes it 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="soplint-web-", dir=root))
    folder.chmod(0o700)
    return folder


def remove(folder: Path) -> None:
    """Delete a private folder and everything in it."""
    shutil.rmtree(folder, ignore_errors=True)


# What browsers escape in a multipart file name (the HTML standard's form-data encoding).
_FORM_ESCAPES = {"%22": '"', "%0D": "\r", "%0A": "\n"}


def shown_name(raw: bytes | None, index: int) -> str:
    """The name to show for an upload: the last part of what the browser sent (its escapes
    undone), printable, at most NAME_LENGTH characters; "document-N" when it sent none."""
    text = (raw or b"").decode("utf-8", "replace").replace("\\", "/")
    for escape, character in _FORM_ESCAPES.items():
        text = text.replace(escape, character)
    name = "".join(c for c in PurePath(text).name if c.isprintable()).strip()
    return name[-NAME_LENGTH:] or f"document-{index}"


def stored_path(folder: Path, index: int, name: str, suffixes: frozenset[str]) -> Path:
    """Where upload `index` is kept: a name of soplint's own, with the suffix of `name` only
    when a reader takes it."""
    suffix = PurePath(name).suffix.lower()
    return folder / f"document-{index}{suffix if suffix in suffixes else ''}"


async def receive(content_type: str, body: AsyncIterator[bytes], folder: Path, limit: int,
                  suffixes: frozenset[str]) -> list[Upload]:
    """Parse a multipart body into `folder`: the files of the field `documents`, in order.

    Raises UploadError(413) past `limit` bytes or MAX_FILES files, UploadError(400) for a
    body that is not a multipart form or holds no file."""
    kind, params = parse_options_header(content_type)
    if kind != b"multipart/form-data" or b"boundary" not in params:
        raise UploadError(400, "error.not-a-form")
    files: list[File] = []

    def take(file: File) -> None:
        files.append(file)
        if len(files) > MAX_FILES:
            raise UploadError(413, "error.too-many")

    config: dict[str, Any] = {"UPLOAD_DIR": str(folder), "MAX_MEMORY_FILE_SIZE": 0,
                              "UPLOAD_DELETE_TMP": False}
    parser = FormParser("multipart/form-data", None, take,
                        boundary=params[b"boundary"], config=config)
    received = 0
    try:
        async for chunk in body:
            received += len(chunk)
            if received > limit:
                raise UploadError(413, "error.too-large")
            parser.write(chunk)
        parser.finalize()
        return _kept(files, folder, suffixes)
    except ValueError:  # python-multipart's parse errors derive from it
        raise UploadError(400, "error.not-a-form") from None
    finally:
        for file in files:
            file.close()


def _kept(files: list[File], folder: Path, suffixes: frozenset[str]) -> list[Upload]:
    """The files of the field `documents` (not the empty part of a form sent without one),
    each moved to its stored path (an empty file, never written to disk, written there)."""
    uploads = []
    chosen = [f for f in files if f.field_name == FIELD.encode() and (f.file_name or f.size)]
    for index, file in enumerate(chosen, start=1):
        name = shown_name(file.file_name, index)
        target = stored_path(folder, index, name, suffixes)
        if file.actual_file_name is not None:
            file.file_object.flush()
            Path(file.actual_file_name.decode()).replace(target)
        else:
            target.write_bytes(file.file_object.getvalue())  # type: ignore[union-attr]
        uploads.append(Upload(name, target))
    if not uploads:
        raise UploadError(400, "error.no-file")
    return uploads
