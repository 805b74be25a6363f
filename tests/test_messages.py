"""Messages as data: the built-in rules look every message up in their pack's catalogue, and
every key they name is in both catalogues (English and Indonesian)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from soplint.cli import main
from soplint.i18n import ENGINE, Catalogue, Joined, Phrase, format_number
from soplint.plugins import registered_rules
from soplint.userlang import user_language

RULES = Path(__file__).resolve().parents[1] / "rules"
KEY = re.compile(r'MESSAGES\.(?:text|say|has)\(f?"([A-Z]+\d+\.[^"]+)"')


def _keys() -> list[tuple[str, str]]:
    found = []
    for path in sorted(RULES.glob("[a-z]*[0-9]_*.py")):
        found += [(path.name, key) for key in KEY.findall(path.read_text(encoding="utf-8"))]
    return found


def test_no_built_in_rule_writes_its_messages_in_place() -> None:
    for path in sorted(RULES.glob("*.py")):
        assert "Text(" not in path.read_text(encoding="utf-8"), path.name


@pytest.mark.parametrize(("module", "key"), _keys(), ids=lambda v: str(v))
def test_every_key_a_rule_names_is_in_both_catalogues(module: str, key: str) -> None:
    catalogue = Catalogue("soplint_rules")
    prefix = key.split("{", 1)[0]  # f-string keys: their fixed part must start some key
    for lang in ("en", "id"):
        keys = catalogue.templates(lang)
        assert any(k.startswith(prefix) for k in keys) if "{" in key else key in keys, (
            module, key, lang)


def test_both_catalogues_hold_the_same_keys() -> None:
    catalogue = Catalogue("soplint_rules")
    english = set(catalogue.templates("en"))
    indonesian = {k for k in catalogue.templates("id") if not k.startswith("doc.")}
    assert english == indonesian
    engine_en = {k for k in ENGINE.templates("en") if not k.endswith(".one")}
    engine_id = {k for k in ENGINE.templates("id") if not k.startswith("doc.")}
    assert engine_en == engine_id


def test_every_rule_has_a_title_in_both_languages() -> None:
    for rule in registered_rules().values():
        assert rule.messages is not None
        for lang in ("en", "id"):
            assert f"{rule.code}.title" in rule.messages.templates(lang)


@pytest.mark.parametrize(("value", "lang", "text"), [
    (1645, "id", "1.645"), (27.4, "id", "27,4"), (1645, "en", "1,645"), (27.4, "en", "27.4"),
    (27.45, "id", "27,4"), (3.0, "id", "3"), (1234567, "id", "1.234.567"),
])
def test_numbers_are_written_the_languages_way(value: float, lang: str, text: str) -> None:
    assert format_number(value, lang) == text


def test_counts_agree_in_both_languages() -> None:
    assert ENGINE.count("count.findings", "en", 1) == "1 finding"
    assert ENGINE.count("count.findings", "en", 2) == "2 findings"
    assert ENGINE.count("count.findings", "id", 1) == "1 temuan"
    assert ENGINE.count("count.findings", "id", 2) == "2 temuan"


def test_a_phrase_in_another_language_falls_back_to_the_generic_template() -> None:
    catalogue = Catalogue("soplint_rules")
    hint = Phrase("sebutkan tindakannya, mis. memeriksa", "id")
    message = catalogue.text("VRB001.suggestion", hint=hint)
    assert message.speak("id") == "sebutkan tindakannya, mis. memeriksa"
    assert message.speak("en").startswith("name an observable action")
    empty = catalogue.text("WRD004.suggestion", hint=Phrase("", "id"))
    assert empty.speak("id") == "isi dengan nilai yang sebenarnya"


def test_nested_messages_are_spoken_in_the_same_language() -> None:
    catalogue = Catalogue("soplint_rules")
    what = catalogue.text("IDN004.lacks.name-nip")
    message = catalogue.text("IDN004.message", what=what)
    assert "nama pejabat dan NIP 18 digit" in message.speak("id")
    assert "the official's name and an 18-digit NIP" in message.speak("en")
    assert Joined((catalogue.text("LNK002.none"), "x")).speak("id") == "tidak ada, x"
    assert message.missing("id") == [] and catalogue.text("NOPE.key").missing("id") == [
        "NOPE.key"]


@pytest.mark.parametrize(("variables", "lang"), [
    ({"LANG": "id_ID.UTF-8"}, "id"),
    ({"LANGUAGE": "id:en", "LANG": "en_US.UTF-8"}, "id"),
    ({"LC_ALL": "en_GB.UTF-8", "LANG": "id_ID.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
])
def test_the_user_s_locale_gives_the_language_no_document_decides(
        variables: dict[str, str], lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert user_language() == lang


def test_an_unreadable_file_is_reported_in_the_user_s_language(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "rusak.docx"
    broken.write_bytes(b"bukan zip")
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    assert main(["check", str(broken)]) == 2
    assert "bukan .docx (bukan arsip zip)" in capsys.readouterr().out
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert main(["check", str(broken)]) == 2
    assert "not a .docx (not a zip archive)" in capsys.readouterr().out
