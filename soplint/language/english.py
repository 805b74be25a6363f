"""English word classes from spacy-lookups-data (pure Python, no spaCy): which words can be
verbs, and the verb a form belongs to ("verifies" -> "verify", "disabling" -> "disable").

The verb list is WordNet's, as shipped in ``en_lemma_index``; inflected forms are resolved
through ``en_lemma_lookup`` and the irregular forms of ``en_lemma_exc``. Both tables are read
once, on first use.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["VerbForm", "lemma", "verb_form"]


def _read(name: str) -> Any:
    data = resources.files("spacy_lookups_data") / "data" / f"{name}.json.gz"
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        return json.load(text)


@cache
def _verbs() -> frozenset[str]:
    return frozenset(w for w in _read("en_lemma_index")["verb"] if "_" not in w)


@cache
def _nouns() -> frozenset[str]:
    return frozenset(w for w in _read("en_lemma_index")["noun"] if "_" not in w)


@cache
def _lemmas() -> dict[str, str]:
    table: dict[str, str] = _read("en_lemma_lookup")
    for form, lemmas in _read("en_lemma_exc")["verb"].items():
        table.setdefault(form, lemmas[0])
    return table


class VerbForm:
    """How a word can be read as a verb: `base` (imperative "Verify"), `third` ("verifies"),
    `gerund` ("verifying"), `past` ("verified"); `noun` when it is a noun as well."""

    __slots__ = ("base", "gerund", "lemma", "noun", "past", "third")

    def __init__(self, lemma: str, kind: str, noun: bool) -> None:
        self.lemma = lemma
        self.base = kind == "base"
        self.third = kind == "third"
        self.gerund = kind == "gerund"
        self.past = kind == "past"
        self.noun = noun


@cache
def verb_form(word: str) -> VerbForm | None:
    """The verb reading of `word` (any case), or None when it cannot be a verb."""
    lowered = word.lower()
    verbs = _verbs()
    if lowered in verbs:
        return VerbForm(lowered, "base", lowered in _nouns())
    if "ys" in lowered:  # British -yse spellings: "analyses", "analysed" -> "analyze"
        american = verb_form(lowered.replace("ys", "yz"))
        if american is not None:
            return american
    lemma = _lemmas().get(lowered)
    if lemma is None or lemma not in verbs or lemma == lowered:
        return None
    if lowered.endswith("ing"):
        kind = "gerund"
    elif lowered.endswith("s"):
        kind = "third"
    else:
        kind = "past"
    return VerbForm(lemma, kind, lowered in _nouns() or lemma in _nouns())


def lemma(word: str) -> str:
    """The dictionary form of an English word ("backups" -> "backup"), lower-cased."""
    lowered = word.lower()
    return _lemmas().get(lowered, lowered)
