"""Start-up, for pre-commit and one-file runs: the command line imports what a command needs,
and the language pipelines and lexicon matchers are built once per process and only for the
languages of the documents checked. (Times are measured by bench/startup.py, not here.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


def _modules_after(args: list[str]) -> set[str]:
    """The modules a fresh `soplint ARGS` process has imported when it ends."""
    code = ("import sys, soplint.cli\n"
            "try:\n    soplint.cli.main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                          text=True, timeout=300, check=False)
    return set(done.stderr.split())


def test_help_and_version_import_neither_the_reader_nor_rich_nor_pluggy() -> None:
    for args in (["--help"], ["--version"], ["check", "--help"]):
        loaded = _modules_after(args)
        heavy = {m for m in loaded if m.split(".")[0] in {"rich", "pluggy", "spacy", "lxml",
                                                           "docx", "dataclasses", "json"}}
        heavy |= {m for m in loaded if m.startswith(("soplint.reader", "soplint.recognize",
                                                     "soplint.checking", "soplint.plugins"))}
        assert not heavy, (args, sorted(heavy))


def test_a_json_check_does_not_load_the_report_for_people() -> None:
    loaded = _modules_after(["check", str(FIXTURES / "en_narrative.docx"), "--format", "json"])
    assert "soplint.checking" in loaded and "soplint.reporters.full" not in loaded


def test_pipelines_and_matchers_are_built_once_and_only_for_the_languages_present() -> None:
    defects, drawn = (str(FIXTURES / name) for name in ("permenpan_defects.docx",
                                                        "permenpan_drawingml.docx"))
    code = f"""
import json
from soplint.checking import run_check
from soplint.language import lexicon, pipeline
run_check([{defects!r}, {drawn!r}])
first = {{"nlp": pipeline.get_nlp.cache_info().currsize,
         "matchers": lexicon._matcher.cache_info().currsize,
         "misses": lexicon._matcher.cache_info().misses}}
run_check([{defects!r}])
first["misses_after"] = lexicon._matcher.cache_info().misses
first["nlp_after"] = pipeline.get_nlp.cache_info().currsize
print(json.dumps(first))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=300, check=True)
    found = json.loads(done.stdout)
    assert found["nlp"] == 1  # Indonesian only: no English document was checked
    assert found["misses"] == found["matchers"] > 0  # each matcher built once
    assert found["misses_after"] == found["misses"]  # a third document builds none
    assert found["nlp_after"] == 1
