"""The output of a run over the real SOPs, as a user sees it: concise lines that grep (a file
and a code on each), and with `--lang id` no English word on screen except rule codes, file
names and the documents' own text.

English words are those of spaCy's English lookup tables that its Indonesian table lacks;
Indonesian words that English shares (KBBI lists "unit", "info", "output", "digit") and
product names are allowed by name below.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import cache
from pathlib import Path

import pytest
import spacy_lookups_data

from soplint.checking import CheckOptions, Report, run_check
from soplint.cli import main
from tests.corpus import FILES

pytestmark = pytest.mark.skipif(not FILES.is_dir(),
                                reason=f"the corpus is absent ({FILES} not found)")

CODE = re.compile(r"^[A-Z]{2,4}\d{3}$")
ACRONYM = re.compile(r"^[A-Z]{2,5}$")
QUOTED = re.compile(r'"[^"]*"|\'[^\']*\'|`[^`]*`')
EXTENSION = re.compile(r"(?<=\s)\.\w+\b")
# Indonesian words English shares (in KBBI) and the names of products and formats.
INDONESIAN_TOO = frozenset({"info", "unit", "pun", "agar", "digit", "terminator", "output",
                            "format", "sana", "pula",
                            "no", "ya", "men"})
PRODUCTS = frozenset({"word", "excel", "powerpoint", "opendocument", "rtf", "pdf", "docx"})


@cache
def english_words() -> frozenset[str]:
    """Words of the English lookup tables that the Indonesian table does not have."""
    data = Path(spacy_lookups_data.__file__).parent / "data"

    def table(name: str) -> dict[str, object]:
        with gzip.open(data / name) as stream:
            loaded: dict[str, object] = json.loads(stream.read())
        return loaded

    english = {w.lower() for w in table("en_lemma_lookup.json.gz")}
    english |= {str(v).lower() for v in table("en_lemma_lookup.json.gz").values()}
    for words in table("en_lemma_index.json.gz").values():
        english |= {str(w).lower() for w in words}  # type: ignore[attr-defined]
    indonesian = table("id_lemma_lookup.json.gz")
    known = {w.lower() for w in indonesian} | {str(v).lower() for v in indonesian.values()}
    return frozenset(w for w in english if w.isalpha() and w not in known)


def _document_text(report: Report) -> tuple[list[str], set[str]]:
    """The document's own strings (longest first), and the parts of its step numbers."""
    sop = report.sop
    if sop is None:
        return [], set()
    texts = [sop.title, *(f.label for f in sop.meta.values()),
             *(f.value for f in sop.meta.values()), *(a.name for a in sop.actors),
             *(s.title for s in sop.sections)]
    for step in sop.steps:
        texts += [step.text, step.inputs or "", step.output or "", step.note or "",
                  step.time.text if step.time else "", step.section]
    parts = {p.lower() for s in sop.steps for p in re.split(r"[^\w]+", s.number) if p}
    return sorted((t for t in texts if t), key=len, reverse=True), parts


def _english_on_screen(screen: str, reports: dict[str, Report]) -> dict[str, str]:
    """English word -> the first line it is in, once the file names, codes, quoted text,
    excerpts and each document's own words are taken out."""
    english = english_words()
    found: dict[str, str] = {}
    texts: list[str] = []
    numbers: set[str] = set()
    for line in screen.splitlines():
        stripped = line.strip()
        head = line.split(": ")[0]
        if not line.startswith(" ") and head in reports:
            texts, numbers = _document_text(reports[head])
        if stripped.startswith("│") or set(stripped) <= {"^", " "}:
            continue  # the excerpt of the document's text and its marks
        rest = line
        for name in reports:
            rest = rest.replace(name, " ")
        rest = EXTENSION.sub(" ", QUOTED.sub(" ", rest))
        for text in texts:
            rest = rest.replace(text, " ")
        for token in re.findall(r"\w+", rest):
            if CODE.match(token) or ACRONYM.match(token):
                continue  # rule codes and abbreviations (SOP, AP, NIP)
            for word in re.findall(r"[^\W\d_]+", token):
                lowered = word.lower()
                if (lowered in english and lowered not in numbers
                        and lowered not in INDONESIAN_TOO and lowered not in PRODUCTS):
                    found.setdefault(word, stripped)
    return found


def test_concise_output_of_a_corpus_run_greps(capsys: pytest.CaptureFixture[str]) -> None:
    """Every line of the default output in a pipe has a file and a code."""
    main(["check", str(FILES)])
    out = capsys.readouterr().out
    files = {str(p) for p in FILES.iterdir()}
    lines = out.splitlines()
    assert len(lines) > 100
    pattern = re.compile(r"^(?P<file>.+?\.(?:docx|xlsx|pdf|doc)):(?P<place>[^:]+): "
                         r"(?P<code>[A-Z]{2,4}\d{3}) ")
    for line in lines:
        found = pattern.match(line)
        assert found is not None, line
        assert str(Path(found["file"]).resolve()) in {str(Path(f).resolve()) for f in files}


def test_lang_id_puts_no_english_word_on_screen(capsys: pytest.CaptureFixture[str]) -> None:
    """What a drafter reads with --lang id is Indonesian, English documents included."""
    main(["check", str(FILES), "--lang", "id", "--output-format", "full", "--color", "never"])
    captured = capsys.readouterr()
    reports = {r.file: r for r in run_check([FILES], CheckOptions(lang="id")).reports}
    english = _english_on_screen(captured.out + captured.err, reports)
    assert not english, "\n".join(f"{word!r} in: {line}" for word, line in english.items())


def test_the_english_word_check_finds_english() -> None:
    """The check itself: soplint's English output is caught, the documents' text is not."""
    reports = {r.file: r for r in run_check([FILES / "libreoffice__SOP_Penerbitan_Izin_"
                                                      "Reklame.docx"],
                                            CheckOptions(lang="id")).reports}
    (name,) = reports
    assert _english_on_screen(f"{name}\n  warning Step 3: TIM001 The step has no time",
                              reports).keys() >= {"warning", "step", "has", "time"}
    assert _english_on_screen(f'{name}\n  peringatan Langkah 3: "the step has"', reports) == {}
