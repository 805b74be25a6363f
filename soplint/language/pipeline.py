"""Blank spaCy pipelines with a lookup lemmatizer, built once per process.

Import this module lazily (inside the function that needs it): importing spaCy costs 1–2 s.

* ``"id"``: :class:`FastIndonesian`, a ``spacy.lang.id.Indonesian`` whose tokenizer drops the
  15,000 hyphenated exceptions (``spacy.blank("id")`` spends 4–6 s compiling them, spaCy
  issue #11079) and keeps any hyphenated word ("anak-anak", "kehati-hatian", "lain-lain") as
  one token through ``token_match``. Lemmas are :func:`soplint.language.morphology.root`, which
  reads the same ``id_lemma_lookup`` table and also handles di- passives.
* ``"en"``: ``spacy.blank("en")`` with the ``en_lemma_lookup`` table.

Lemmas are looked up on the lower-cased text, so "Memeriksa" -> "periksa" and
"Processed" -> "process". Everything comes from spacy-lookups-data: nothing is downloaded.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import spacy
from spacy.lang.id import Indonesian, IndonesianDefaults
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.symbols import ORTH
from spacy.tokens import Token

from soplint.language import morphology

__all__ = ["FastIndonesian", "get_nlp"]

# A word of letters joined by hyphens: reduplications and compounds ("berkas-berkas", "e-mail").
_HYPHENATED = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)+$")


# Abbreviations common in Indonesian letters and SOPs that spaCy's list lacks.
_EXTRA_ABBREVIATIONS = ("Yth.", "Tgl.", "Bpk.", "Ybs.", "Sdr.", "Sdri.", "s/d", "Hlm.")


def _abbreviation_exceptions() -> dict[str, list[dict[int, str]]]:
    forms = {f for a in _EXTRA_ABBREVIATIONS for f in (a, a.lower(), a.upper())}
    return {form: [{ORTH: form}] for form in forms}


class _FastIndonesianDefaults(IndonesianDefaults):
    tokenizer_exceptions = {  # noqa: RUF012 (spaCy reads it as a class attribute)
        **{
            text: value
            for text, value in IndonesianDefaults.tokenizer_exceptions.items()
            if "-" not in text
        },
        **_abbreviation_exceptions(),
    }
    token_match = _HYPHENATED.match


class FastIndonesian(Indonesian):  # type: ignore[no-untyped-call]
    """Indonesian without the hyphenated tokenizer exceptions (same ``lang`` code)."""

    lang = "id"
    Defaults = _FastIndonesianDefaults


class LowercaseLemmatizer(Lemmatizer):
    """Lookup lemmatizer on lower-cased text; Indonesian lemmas come from the morphology."""

    def initialize(self, get_examples: Any = None, *, nlp: Any = None,
                   lookups: Any = None) -> None:
        """Load the lookup tables; Indonesian gets an empty one, since its lemmas come from
        the morphology, which reads the table itself (parsing it twice costs 0.1 s)."""
        if lookups is None and self.vocab.lang == "id":
            lookups = Lookups()
            lookups.add_table("lemma_lookup")
        super().initialize(get_examples, nlp=nlp, lookups=lookups)

    def lookup_lemmatize(self, token: Token) -> list[str]:
        """Lemma of the lower-cased token (the lower-cased token when unknown)."""
        lower: str = token.lower_
        if self.vocab.lang == "id":
            return [morphology.root(lower)]
        table = self.lookups.get_table("lemma_lookup", {})
        return [str(table.get(lower, lower))]


@Language.factory(
    "soplint_lemmatizer",
    default_config={
        "model": None,
        "mode": "lookup",
        "overwrite": False,
        "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
    },
)
def _make_lemmatizer(
    nlp: Language, model: Any, name: str, mode: str, overwrite: bool, scorer: Any
) -> LowercaseLemmatizer:
    return LowercaseLemmatizer(
        nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer
    )


@cache
def get_nlp(lang: str) -> Language:
    """The blank pipeline (tokenizer + lookup lemmatizer) for "id" or "en"."""
    nlp: Language
    if lang == "id":
        nlp = FastIndonesian()
    elif lang == "en":
        nlp = spacy.blank("en")
    else:
        raise ValueError(f"unsupported language {lang!r}: expected 'id' or 'en'")
    nlp.add_pipe("soplint_lemmatizer", name="lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp
