"""Older word-processor files (.doc, .rtf, .odt) read by converting them to .docx with
LibreOffice headless (`soffice --headless --convert-to docx`), then with the .docx reader.

The file is copied into a private temporary folder (with its own LibreOffice profile, so a
LibreOffice the user has open is not disturbed) and converted there, within a time limit;
the folder is removed afterwards, so nothing is ever written next to the user's file. The
tree names the original file, so findings do too.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from soplint.errors import DocumentError
from soplint.reader.docx import read_docx
from soplint.reader.ooxml.archive import Source, display_name, load_bytes
from soplint.tree import Document

TIMEOUT_SECONDS = 120
ENV_SOFFICE = "SOPLINT_SOFFICE"
INSTALL = ("needs LibreOffice (soffice): `apt-get install libreoffice-writer-nogui`, "
           "or install it from libreoffice.org")
_PLACES = ("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice",
           "/opt/libreoffice/program/soffice",
           "/Applications/LibreOffice.app/Contents/MacOS/soffice")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))


def soffice() -> str | None:
    """The LibreOffice program: $SOPLINT_SOFFICE, else soffice on the PATH or where the
    installers put it; None when there is none."""
    given = os.environ.get(ENV_SOFFICE)
    if given:
        return given if os.access(given, os.X_OK) else None
    found = shutil.which("soffice") or shutil.which("libreoffice")
    return found or next((p for p in _PLACES if os.access(p, os.X_OK)), None)


def needs_soffice() -> str:
    """What to install before older files can be read here, "" when LibreOffice is there."""
    return "" if soffice() else INSTALL


def read_legacy(source: Source, name: str | None = None) -> Document:
    """Convert a .doc, .rtf or .odt file to .docx and read that; raise DocumentError with a
    one-line problem for anything unreadable."""
    shown = display_name(source, name)
    data = load_bytes(source, shown)
    if not data:
        raise DocumentError(shown, "empty file")
    if data.startswith(_OLE) and _encrypted(data):
        raise DocumentError(shown, "password-protected (encrypted) document")
    program = soffice()
    if program is None:
        raise DocumentError(shown, INSTALL)
    suffix = Path(shown).suffix.lower() or ".doc"
    with tempfile.TemporaryDirectory(prefix="soplint-") as folder:
        work = Path(folder)
        original = work / f"document{suffix}"
        original.write_bytes(data)
        converted = _convert(program, original, work, shown)
        return read_docx(converted, name=shown)


def _encrypted(data: bytes) -> bool:
    """Whether an OLE file is an encrypted OOXML package (Word's "Encrypt with Password")."""
    return any(marker in data for marker in _ENCRYPTED)


def _convert(program: str, original: Path, work: Path, shown: str) -> Path:
    """Run LibreOffice on `original`; the .docx it writes into `work`/out."""
    out = work / "out"
    profile = (work / "profile").as_uri()
    command = [program, "--headless", "--norestore", "--nologo", "--nodefault",
               "--nolockcheck", f"-env:UserInstallation={profile}",
               "--convert-to", "docx", "--outdir", str(out), str(original)]
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   start_new_session=True, cwd=work)
    except OSError as exc:
        raise DocumentError(shown, f"cannot run LibreOffice ({program}): "
                            f"{exc.strerror or exc}") from None
    try:
        output, errors = process.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        _kill(process)
        raise DocumentError(shown, f"LibreOffice took more than {TIMEOUT_SECONDS} s to "
                            "convert it to .docx") from None
    except BaseException:  # the run's time limit, an interrupt: LibreOffice goes too
        _kill(process)
        raise
    converted = out / f"{original.stem}.docx"
    if not converted.is_file():
        said = (output + errors).decode(errors="replace").splitlines()
        detail = " ".join(" ".join(line.split()) for line in said if "rror" in line)[:200]
        raise DocumentError(shown, "LibreOffice could not convert it to .docx"
                            + (f" ({detail})" if detail else ""))
    return converted


def _kill(process: subprocess.Popen[bytes]) -> None:
    """End LibreOffice and every process it started (its own session)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (OSError, AttributeError):  # gone already; no process groups (Windows)
        process.kill()
    process.communicate()
