"""Configuration: discovery, inheritance, validation, and settings reaching the findings."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import soplint
from soplint.checking import CheckOptions, check_file, check_sop
from soplint.cli import main
from soplint.config import Config, ConfigError, config_from_mapping, load_config
from soplint.rule import Severity
from soplint.testing import make_sop, make_step

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DEFECTS = FIXTURES / "permenpan_defects.docx"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _doc(folder: Path, name: str = "sop.docx") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(DEFECTS, folder / name))


def _codes(path: Path, config: Config | None = None) -> list[tuple[str, str | None]]:
    report = check_file(path, CheckOptions(config=config))
    return [(f.code, f.step) for f in report.findings]


# Discovery -------------------------------------------------------------------------------

def test_closest_file_wins(tmp_path: Path) -> None:
    _write(tmp_path / "soplint.toml", 'profile = "generic"\n')
    _write(tmp_path / "unit" / "soplint.toml", 'profile = "permenpan"\n')
    doc = _doc(tmp_path / "unit" / "sub")
    config = load_config(doc)
    assert config.profile == "permenpan"
    assert config.source == (tmp_path / "unit" / "soplint.toml").resolve()


def test_pyproject_without_soplint_table_is_skipped(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", '[tool.soplint]\nlang = "en"\n')
    _write(tmp_path / "unit" / "pyproject.toml", '[project]\nname = "x"\n')
    assert load_config(_doc(tmp_path / "unit")).lang == "en"


def test_soplint_toml_wins_over_pyproject_in_one_folder(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", '[tool.soplint]\nlang = "en"\n')
    _write(tmp_path / "soplint.toml", 'lang = "id"\n')
    assert load_config(_doc(tmp_path)).lang == "id"


def test_no_file_gives_the_defaults(tmp_path: Path) -> None:
    assert load_config(_doc(tmp_path)) == Config()


def test_extend_inherits_and_the_child_overrides(tmp_path: Path) -> None:
    _write(tmp_path / "base.toml",
           'profile = "generic"\nlang = "en"\nextend-select = ["ACT"]\n'
           'severity = { ACT001 = "info", ACT003 = "error" }\n'
           '[per-file-ignores]\n"legacy/*" = ["TIM"]\n')
    _write(tmp_path / "unit" / "soplint.toml",
           'extend = "../base.toml"\nlang = "id"\nextend-select = ["VRB"]\n'
           'severity = { ACT001 = "warning" }\n')
    config = load_config(_doc(tmp_path / "unit"))
    assert config.profile == "generic" and config.lang == "id"
    assert config.extend_select == ("ACT", "VRB")
    assert dict(config.severity) == {"ACT001": Severity.WARNING, "ACT003": Severity.ERROR}
    # The base's glob stays relative to the base's folder.
    assert config.ignored_for(tmp_path / "legacy" / "a.docx") == ("TIM",)
    assert config.ignored_for(tmp_path / "unit" / "legacy" / "a.docx") == ()


def test_extend_cycle_is_an_error(tmp_path: Path) -> None:
    _write(tmp_path / "a.toml", 'extend = "b.toml"\n')
    _write(tmp_path / "b.toml", 'extend = "a.toml"\n')
    with pytest.raises(ConfigError, match="circular"):
        load_config(explicit=tmp_path / "a.toml")


def test_command_line_config_overrides_discovery(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    doc = _doc(tmp_path)
    _write(tmp_path / "soplint.toml", 'select = ["ACT"]\n')
    other = _write(tmp_path / "elsewhere" / "strict.toml", 'select = ["VRB001"]\n')
    assert main(["check", str(doc), "--format", "json"]) == 1
    found = {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert found and all(c.startswith("ACT") for c in found)
    assert main(["check", str(doc), "--format", "json", "--config", str(other)]) == 0
    found = {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert found == {"VRB001"}


# Validation ------------------------------------------------------------------------------

BAD = [
    ('selct = ["ACT"]\n', "soplint.toml: unknown key 'selct'"),
    ('severity = { ACT001 = "fatal" }\n',
     "soplint.toml: severity.ACT001: 'fatal' is not one of error, warning, info"),
    ('select = ["ACT01X"]\n', "soplint.toml: select: 'ACT01X' is no rule code"),
    ('ignore = ["ZZZ"]\n', "soplint.toml: ignore: 'ZZZ' is no rule code"),
    ('severity = { XYZ999 = "info" }\n', "soplint.toml: severity.XYZ999: 'XYZ999' is no rule"),
    ('select = "ACT"\n', "soplint.toml: select: expected a list of strings"),
    ('profile = "iso"\n', "soplint.toml: profile: 'iso' is not one of permenpan, generic"),
    ('lang = "fr"\n', "soplint.toml: lang: 'fr' is not one of id, en"),
    ('fail-on = "never"\n', "soplint.toml: fail-on: 'never' is not one of"),
    ('max-step-words = 0\n', "soplint.toml: max-step-words: expected an integer > 0"),
    ('max-step-words = "25"\n', "soplint.toml: max-step-words: expected an integer > 0"),
    ('[service-standards]\n"SOP A" = "segera"\n',
     "soplint.toml: service-standards.SOP A: 'segera' is not a measurable time"),
    ('[per-file-ignores]\n"old/*" = ["NOPE1"]\n', "soplint.toml: per-file-ignores.old/*: "),
    ('[lexicon.id.vague-verb]\nextra = ["x"]\n', "soplint.toml: lexicon.id.vague-verb: "
                                                 "no lexicon 'vague-verb'"),
    ('[lexicon.id.vague-verbs]\nextr = ["x"]\n',
     "soplint.toml: lexicon.id.vague-verbs: unknown key 'extr'"),
    ('[lexicon.id.vague-verbs]\nextra = "x"\n',
     "soplint.toml: lexicon.id.vague-verbs.extra: expected a list of strings"),
    ('[lexicon.fr.vague-verbs]\nextra = ["x"]\n', "soplint.toml: lexicon: 'fr' is not one of"),
    ('extend = "missing.toml"\n', "soplint.toml: extend: no such file 'missing.toml'"),
    ('select = [\n', "soplint.toml: invalid TOML"),
]


@pytest.mark.parametrize(("text", "message"), BAD, ids=[m.split(":")[1] for _, m in BAD])
def test_bad_setting_names_file_and_key_and_exits_2(
        text: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "soplint.toml", text)
    doc = _doc(tmp_path)
    assert main(["check", str(doc)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.startswith("soplint: ") and err.count("\n") == 1


def test_pyproject_errors_name_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "pyproject.toml", '[tool.soplint]\nseverity = { ACT001 = "fatal" }\n')
    assert main(["check", str(_doc(tmp_path))]) == 2
    assert capsys.readouterr().err == ("soplint: pyproject.toml: [tool.soplint] severity.ACT001:"
                                       " 'fatal' is not one of error, warning, info\n")


def test_explicit_config_errors_exit_2(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.toml"
    assert main(["check", str(DEFECTS), "--config", str(missing)]) == 2
    assert "nope.toml: cannot read" in capsys.readouterr().err


def test_prefixes_and_engine_codes_are_known() -> None:
    config = config_from_mapping({"select": ["act", "VRB0"], "ignore": ["SOP100", "SOP"]})
    assert config.select == ("ACT", "VRB0") and config.ignore == ("SOP100", "SOP")


# Settings reaching the run --------------------------------------------------------------

def test_severity_override_changes_the_finding() -> None:
    before = {f.code: f.severity for f in check_file(DEFECTS, CheckOptions(config=Config()))
              .findings}
    assert before["ACT001"] is Severity.ERROR
    config = config_from_mapping({"severity": {"ACT001": "info", "TIM": "error"}})
    after = {(f.code, f.step): f.severity for f in check_file(DEFECTS, CheckOptions(
        config=config)).findings}
    assert after[("ACT001", "6")] is Severity.INFO
    assert after[("TIM002", "5")] is Severity.ERROR


def test_select_ignore_from_config_and_command_line_wins(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = _doc(tmp_path)
    _write(tmp_path / "soplint.toml", 'select = ["TIM"]\nignore = ["TIM001"]\n')
    assert {c for c, _ in _codes(doc, load_config(doc))} == {"TIM002"}
    main(["check", str(doc), "--format", "json", "--select", "VRB001"])
    assert {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]} == {"VRB001"}


def test_fail_on_from_config_and_command_line_wins(tmp_path: Path) -> None:
    doc = _doc(tmp_path)
    _write(tmp_path / "soplint.toml", 'select = ["TIM002"]\n')  # a warning only
    assert main(["check", str(doc)]) == 0
    _write(tmp_path / "soplint.toml", 'select = ["TIM002"]\nfail-on = "warning"\n')
    assert main(["check", str(doc)]) == 1
    assert main(["check", str(doc), "--fail-on", "error"]) == 0


def test_profile_and_lang_from_config(tmp_path: Path) -> None:
    doc = _doc(tmp_path)
    _write(tmp_path / "soplint.toml", 'lang = "en"\nselect = ["VRB001"]\n')
    (finding,) = check_file(doc).findings
    assert "vague" in finding.message.lower()
    # ACT004 (subject written in the Kegiatan cell) runs only in the permenpan profile.
    _write(tmp_path / "soplint.toml", 'select = ["ACT004"]\n')
    assert [f.step for f in check_file(doc).findings] == ["4"]
    _write(tmp_path / "soplint.toml", 'profile = "generic"\nselect = ["ACT004"]\n')
    assert check_file(doc).findings == ()


def test_per_file_ignores(tmp_path: Path) -> None:
    _write(tmp_path / "soplint.toml",
           '[per-file-ignores]\n"legacy/*.docx" = ["VRB", "TIM002"]\n"draft.docx" = ["ACT"]\n')
    legacy, current = _doc(tmp_path / "legacy"), _doc(tmp_path / "current")
    draft = _doc(tmp_path / "current" / "deep", "draft.docx")
    legacy_codes = {c for c, _ in _codes(legacy, load_config(legacy))}
    current_codes = {c for c, _ in _codes(current, load_config(current))}
    draft_codes = {c for c, _ in _codes(draft, load_config(draft))}
    assert {"VRB001", "TIM002"} <= current_codes
    assert not {"VRB001", "VRB003", "TIM002"} & legacy_codes and "TIM001" in legacy_codes
    assert "ACT001" in current_codes and not any(c.startswith("ACT") for c in draft_codes)


SOP = make_sop([make_step("1", "Memeriksa berkas permohonan", time="5 menit"),
                make_step("2", "Memproses berkas permohonan", time="5 menit")],
               meta={"nomor": "800/1/SOP/2024"}, title="Pelayanan Izin")


def _vrb(settings: dict[str, object]) -> list[str | None]:
    report = check_sop(SOP, CheckOptions(config=config_from_mapping(settings)))
    return [f.step for f in report.findings if f.code == "VRB001"]


def test_lexicon_extra_word_makes_vrb001_fire() -> None:
    assert _vrb({}) == ["2"]
    assert _vrb({"lexicon": {"id": {"vague-verbs": {"extra": ["memeriksa"]}}}}) == ["1", "2"]


def test_lexicon_removed_word_silences_vrb001() -> None:
    assert _vrb({"lexicon": {"id": {"vague-verbs": {"remove": ["Memproses"]}}}}) == []


def test_lexicon_of_the_other_language_changes_nothing() -> None:
    assert _vrb({"lexicon": {"en": {"vague-verbs": {"remove": ["memproses"]}}}}) == ["2"]


def test_service_standard_per_sop_number_reaches_tim004() -> None:
    def tim004(settings: dict[str, object]) -> Severity | None:
        report = check_sop(SOP, CheckOptions(config=config_from_mapping(settings)))
        found = [f.severity for f in report.findings if f.code == "TIM004"]
        return found[0] if found else None

    assert tim004({}) is None
    assert tim004({"service-standards": {"800/1/SOP/2024": "5 menit"}}) is Severity.WARNING
    assert tim004({"service-standards": {"pelayanan  izin": "1 jam"}}) is None
    assert tim004({"service-standards": {"Other SOP": "5 menit"}}) is None


def test_rule_options_are_snake_case() -> None:
    config = config_from_mapping({"max-step-words": 12,
                                  "service-standards": {"Pelayanan Izin": "2 jam"}})
    assert config.rule_options(SOP) == {"max_step_words": 12,
                                        "service_standards": {"Pelayanan Izin": "2 jam"},
                                        "service_standard_minutes": 120}


def test_library_api_accepts_config_path_and_mapping(tmp_path: Path) -> None:
    settings = _write(tmp_path / "team.toml", 'select = ["VRB001"]\n')
    by_path = soplint.check(DEFECTS, config=settings)
    by_mapping = soplint.check(DEFECTS, config={"select": ["VRB001"]})
    by_object = soplint.check(DEFECTS, config=load_config(explicit=settings))
    assert [f.code for f in by_path.findings] == ["VRB001"]
    assert by_path.findings == by_mapping.findings == by_object.findings
    with pytest.raises(ConfigError, match="<settings>: unknown key 'nope'"):
        soplint.check(DEFECTS, config={"nope": 1})
