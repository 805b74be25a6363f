"""The document language, told from function words; template markup is no language."""

from __future__ import annotations

import pytest

from soplint.language.detect import detect_language
from soplint.recognize import recognize
from soplint.tree import Document
from tests.trees import table


@pytest.mark.parametrize(("text", "language"), [
    ("Petugas memeriksa berkas yang diterima dan mencatatnya ke dalam buku agenda untuk "
     "diteruskan kepada Kepala Seksi.", "id"),
    ("The analyst checks the form and logs it in the register before it is sent to the "
     "QA Manager for approval.", "en"),
    ("De beheerder controleert het verzoek en stuurt het door naar de afdeling voor "
     "goedkeuring.", "nl"),
    ("仓库管理员负责物资的验收、入库、保管和出库工作，" * 10, "zh"),
    ("Nomor SOP\nTanggal Pembuatan", "unknown"),
    # a short procedure in bare verbs has few function words; its affixes tell
    ("Petugas menerima surat masuk.\nPetugas mencatat surat.\nKepala Subbagian "
     "mendisposisikan surat.\nPetugas mengarsipkan surat.", "id"),
    ("Mention the memorandum. Mend the diagonal. Pending approval.", "unknown"),
])
def test_language_of(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_template_markup_is_not_read_as_english() -> None:
    template = ("Nomor SOP {{nomor}}\n{%p for item in ai_list %}\n{{ item.no }} in {{ x }}\n"
                "{%p endfor %}\n{% if a and b %}{% for x in y %}{% endif %}")
    assert detect_language(template) == "unknown"


def test_an_sop_ap_identity_block_too_short_to_tell_is_indonesian() -> None:
    identity = table([["Nomor SOP", "{{nomor}}"], ["Tanggal Pembuatan", "{{tanggal}}"],
                      ["Disahkan oleh", "{{kepala}}"], ["Nama SOP", "{{nama_sop}}"]])
    sop = recognize(Document(source="t.docx", body=(identity,)))
    assert sop.language == "id"
    bare = recognize(Document(source="t.docx", body=(table([["Item", "Amount"]]),)))
    assert bare.language == "unknown"
