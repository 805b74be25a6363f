"""read_pdf: a PDF in, one neutral document out (extra `soplint[pdf]`, pdfplumber).

pdfplumber (over pdfminer.six) gives each page's words, rectangles, curves, lines and
images; `soplint.reader.pdf.page` turns them into geometry, `soplint.reader.pdf.build`
into tables, cells, shapes and paragraphs. Bounds: the file size limit of every reader,
at most MAX_PAGES pages, MAX_OBJECTS objects and MAX_DRAWN lines and shapes a page, and a
time limit for the whole file (checked page by page). A file that is no PDF, is encrypted
or broken raises one DocumentError line; a PDF without a text layer, or whose flowchart is a
picture, too (it needs OCR first).
"""

from __future__ import annotations

import io
import time
from typing import Any

from soplint.errors import DocumentError
from soplint.reader.ooxml.archive import Source, display_name, load_bytes
from soplint.reader.pdf.build import TreeBuilder
from soplint.reader.pdf.page import PageContent, read_page
from soplint.tree import Document

MAGIC = b"%PDF-"
MAX_PAGES = 300
MAX_OBJECTS = 60_000  # per page: characters and drawn objects
MAX_DRAWN = 5_000  # per page: rules and outlines (their grouping is quadratic); a real
# SOP page has a few hundred
MAX_SECONDS = 120.0
_PICTURE_SHARE = 0.08  # of the page: a picture this large with no text over it needs OCR


def read_pdf(source: Source, name: str | None = None) -> Document:
    """Read a PDF; raise DocumentError with a one-line problem for anything unreadable."""
    shown = display_name(source, name)
    data = load_bytes(source, shown)
    if not data.lstrip()[:len(MAGIC)] == MAGIC:
        raise DocumentError(shown, "not a PDF file (no %PDF- header)")
    pages, title = _pages(data, shown)
    if not any(page.words for page in pages):
        raise DocumentError(shown, "the PDF has no text layer (a scan?): it needs OCR first")
    builder = TreeBuilder()
    for page in pages:
        builder.add(page)
    pictured = _pictured(pages)
    if pictured is not None and not builder.symbols:
        raise DocumentError(shown, f"page {pictured} holds a picture without text (a flowchart "
                            "drawn as an image?): it needs OCR first")
    return Document(source=shown, body=tuple(builder.build()), title=title)


def _pages(data: bytes, name: str) -> tuple[list[PageContent], str]:
    """Every page's geometry, and the document's title property."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    started = time.monotonic()
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise DocumentError(name, f"the PDF has {len(pdf.pages)} pages "
                                    f"(more than {MAX_PAGES})")
            title = _title(pdf.metadata)
            pages = []
            for number, page in enumerate(pdf.pages, start=1):
                if time.monotonic() - started > MAX_SECONDS:
                    raise DocumentError(name, f"reading the PDF took more than "
                                        f"{MAX_SECONDS:.0f} s (stopped at page {number})")
                objects = sum(len(v) for v in page.objects.values())
                if objects > MAX_OBJECTS:
                    raise DocumentError(name, f"page {number} has more than {MAX_OBJECTS} "
                                        "drawn objects")
                content = read_page(page, number)
                page.close()
                if len(content.segments) + len(content.outlines) > MAX_DRAWN:
                    raise DocumentError(name, f"page {number} has more than {MAX_DRAWN} "
                                        "drawn lines and shapes")
                pages.append(content)
            return pages, title
    except DocumentError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise DocumentError(name, "password-protected (encrypted) PDF") from None
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise DocumentError(name, "password-protected (encrypted) PDF") from None
        raise DocumentError(name, f"cannot read the PDF ({type(cause).__name__})") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AttributeError,
            IndexError, AssertionError, OverflowError, ZeroDivisionError, RecursionError,
            OSError) as exc:
        raise DocumentError(name, f"cannot read the PDF ({type(exc).__name__})") from None


def _title(metadata: dict[str, Any]) -> str:
    value = metadata.get("Title")
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return value.strip() if isinstance(value, str) else ""


def _pictured(pages: list[PageContent]) -> int | None:
    """The first page holding a large picture with neither words nor rules over it."""
    for page in pages:
        area = page.width * page.height
        for picture in page.pictures:
            if picture.width * picture.height < area * _PICTURE_SHARE:
                continue
            if any(picture.holds(*w.box.centre) for w in page.words):
                continue
            if any(picture.holds(s.at if not s.horizontal else (s.start + s.end) / 2,
                                 s.at if s.horizontal else (s.start + s.end) / 2)
                   for s in page.segments):
                continue
            return page.number
    return None
