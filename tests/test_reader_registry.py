"""The reader registry: readers are plugins, chosen by suffix and magic bytes; `load` and
folder runs ask the registry, never a format by name."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import soplint
from soplint.checking import check_path, documents
from soplint.cli import main
from soplint.errors import DocumentError
from soplint.hookspecs import hookimpl
from soplint.plugins import plugin_manager, registered_readers
from soplint.reader.builtin import DOCX
from soplint.reader.ooxml.archive import Source
from soplint.reader.registry import Reader, read_with, reader_for
from soplint.tree import Document, Paragraph, Where

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NARRATIVE = FIXTURES / "en_narrative.docx"


def _text_document(source: Source, name: str) -> Document:
    """A one-paragraph document per line of a plain-text file, for a test format."""
    data = source if isinstance(source, bytes) else Path(str(source)).read_bytes()
    lines = data.decode()[len("SOPTXT\n"):].splitlines()
    return Document(source=name, body=tuple(
        Paragraph(line, Where(paragraph=n), label=f"{n + 1}.", num_id="1",
                  level=0)
        for n, line in enumerate(lines)))


def _two_documents(source: Source, name: str) -> tuple[Document, ...]:
    first = _text_document(source, name)
    return first, Document(source=name, body=first.body[::-1], origin="part 2")


TXT = Reader("SOP text", (".soptxt",), _text_document, (b"SOPTXT",))
PDF = Reader("PDF", (".pdf",), _text_document, (b"%PDF-",))
TWO = Reader("SOP text", (".soptxt",), _two_documents, (b"SOPTXT",))


class _Pack:
    """A third-party format pack: one hook implementation registering its readers."""

    def __init__(self, *readers: Reader) -> None:
        self.readers = readers

    @hookimpl
    def soplint_register_readers(self, register: Callable[[Reader], None]) -> None:
        for reader in self.readers:
            register(reader)


@pytest.fixture
def pack() -> Iterator[Callable[..., None]]:
    """Install a format pack in the plugin manager for one test."""
    installed: list[_Pack] = []

    def install(*readers: Reader) -> None:
        plugin = _Pack(*readers)
        plugin_manager().register(plugin)
        installed.append(plugin)
        registered_readers.cache_clear()

    yield install
    for plugin in installed:
        plugin_manager().unregister(plugin)
    registered_readers.cache_clear()


def test_the_docx_reader_is_registered_through_the_hook() -> None:
    readers = registered_readers()
    assert DOCX in readers
    assert plugin_manager().get_plugin("soplint-readers") is not None
    assert DOCX.format == "Word .docx" and ".docx" in DOCX.suffixes


def test_a_pack_reader_is_tried_before_the_built_in_ones(pack: Callable[..., None]) -> None:
    pack(TXT)
    assert registered_readers().index(TXT) < registered_readers().index(DOCX)


def test_the_suffix_chooses_then_the_magic_bytes() -> None:
    zipped = Reader("Zipped SOP text", (".soptxt",), _text_document, (b"PK",))
    readers = (TXT, PDF, zipped, DOCX)
    assert reader_for(readers, "a.docx", b"PK\x03\x04") is DOCX
    assert reader_for(readers, "a.pdf", b"%PDF-1.7") is PDF
    assert reader_for(readers, "a.soptxt", b"PK\x03\x04") is zipped  # suffix and magic agree
    assert reader_for(readers, "a.soptxt", b"<html>") is TXT  # the first for the suffix
    assert reader_for(readers, "scan.docx", b"%PDF-1.7") is DOCX  # it names the problem
    assert reader_for(readers, "<bytes>", b"SOPTXT\n") is TXT  # no name: the content says
    assert reader_for(readers, "notes.txt", b"plain text") is None


def test_load_reads_through_a_registered_pack(tmp_path: Path,
                                              pack: Callable[..., None]) -> None:
    pack(TXT)
    path = tmp_path / "prosedur.soptxt"
    path.write_bytes(b"SOPTXT\nCheck the form\nSign the form\n")
    sop = soplint.load(path)
    assert sop.source == str(path)
    assert [s.text for s in sop.steps] == ["Check the form", "Sign the form"]
    assert soplint.load(path.read_bytes()).steps[1].text == "Sign the form"
    assert soplint.load(io.BytesIO(path.read_bytes()), name="up.soptxt").source == "up.soptxt"
    assert documents([tmp_path]) == [path]  # folder runs find its files


def test_a_file_with_several_sops_gives_a_report_for_each(tmp_path: Path,
                                                          pack: Callable[..., None]) -> None:
    pack(TWO)
    path = tmp_path / "two.soptxt"
    path.write_bytes(b"SOPTXT\nCheck the form\nSign the form\n")
    sops = soplint.load_all(path)
    assert [(s.origin, s.steps[0].text) for s in sops] == [("", "Check the form"),
                                                           ("part 2", "Sign the form")]
    assert soplint.load(path) == sops[0]
    reports = check_path(path)
    assert [r.sop.origin for r in reports if r.sop] == ["", "part 2"]
    second = [f.location for f in reports[1].findings]
    assert second and all(location.startswith("part 2") for location in second)


def test_a_reader_whose_library_is_missing_says_what_to_install(
        tmp_path: Path, pack: Callable[..., None], capsys: pytest.CaptureFixture[str]) -> None:
    pack(Reader("SOP text", (".soptxt",), _text_document, (b"SOPTXT",), extra="soptxt",
                modules=("soplint_no_such_module",)))
    path = tmp_path / "prosedur.soptxt"
    path.write_bytes(b"SOPTXT\nCheck the form\n")
    assert main(["dump", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (f"soplint: {path}: SOP text file: reading it needs soplint_no_such_module: "
                   "pip install 'soplint[soptxt]'")
    assert documents([tmp_path]) == []


def test_errors_name_the_file_in_one_line(tmp_path: Path) -> None:
    readers = (DOCX,)
    with pytest.raises(DocumentError) as caught:
        read_with(readers, b"")
    assert caught.value.problem == "empty file"
    with pytest.raises(DocumentError) as caught:
        read_with(readers, b"plain text", name="notes.txt")
    assert str(caught.value) == "notes.txt: not a format soplint reads (.docx)"
    with pytest.raises(DocumentError) as caught:
        read_with(readers, tmp_path / "missing.docx")
    assert caught.value.problem == "file not found"
    with pytest.raises(DocumentError) as caught:
        read_with(readers, tmp_path)
    assert caught.value.problem == "is a directory, not a file"


def test_a_reader_that_finds_nothing_is_an_error() -> None:
    empty = Reader("SOP text", (".soptxt",), lambda source, name: (), (b"SOPTXT",))
    with pytest.raises(DocumentError) as caught:
        read_with((empty,), b"SOPTXT\n", name="a.soptxt")
    assert caught.value.problem == "no document found in this SOP text file"


def test_the_docx_fixture_reads_as_before() -> None:
    (doc,) = read_with(registered_readers(), NARRATIVE)
    assert doc.source == str(NARRATIVE) and doc.origin == ""
    assert soplint.load(NARRATIVE).steps
