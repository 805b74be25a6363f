"""The library refuses what is no document with a clear error: `load`, `load_all`, `check`
and `soplint.checking.check_source` raise `SourceTypeError` — both a `DocumentError` and a
`TypeError`, with a message saying what to pass — for None, a number, a text stream."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest

import soplint
from soplint.checking import check_source
from soplint.errors import SourceTypeError
from tests.hostile import DEFECTS

BAD: dict[str, tuple[object, str]] = {
    "none": (None, "not NoneType"),
    "int": (123, "not int"),
    "object": (object(), "not object"),
    "text-stream": (io.StringIO("Nama SOP"), r"text stream.*binary mode \('rb'\)"),
}
API: dict[str, Callable[[Any], object]] = {
    "load": soplint.load, "load_all": soplint.load_all, "check": soplint.check,
    "check_source": check_source,
}


@pytest.mark.parametrize("bad", sorted(BAD))
@pytest.mark.parametrize("api", sorted(API))
def test_what_is_no_document_raises_a_clear_error(bad: str, api: str) -> None:
    value, message = BAD[bad]
    with pytest.raises(SourceTypeError, match=message) as raised:
        API[api](value)
    assert isinstance(raised.value, TypeError)
    assert isinstance(raised.value, soplint.DocumentError)


def test_a_text_stream_without_text_io_base_is_refused_once_read() -> None:
    class Texty:
        def read(self, size: int = -1) -> str:
            return "PK not bytes"

    with pytest.raises(SourceTypeError, match="text stream"):
        soplint.load(Texty())


def test_a_stream_that_fails_is_a_document_error() -> None:
    closed = io.BytesIO(b"PK")
    closed.close()
    with pytest.raises(soplint.DocumentError, match="cannot read the stream"):
        soplint.load(closed)


def test_bytes_in_any_buffer_are_read() -> None:
    data = DEFECTS.read_bytes()
    for buffer in (data, bytearray(data), memoryview(data), io.BytesIO(data)):
        assert soplint.load(buffer, name="sop.docx").steps
