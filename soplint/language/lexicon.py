"""Word lists (TOML lexicons in the ``soplint_rules`` package) and a matcher for them.

A lexicon file ``rules/lexicons/{lang}-{name}.toml`` looks like::

    # Sources: ...              (comment block naming the sources, SOP-DOMAIN.md §4/§6)
    source = "NASA ARM [S27]; ..."
    match = "exact"             # default for entries: "exact" | "lemma" | "verb"
    scope = "text"              # "text": anywhere; "cell": the entry must be the whole text
    kind = "terms"              # or "light-verb" (see below)

    [[entry]]
    term = "sesegera mungkin"
    suggestion = "tulis batas waktu dengan angka dan satuan, mis. '1 hari kerja'"
    note = "WRD-05"
    confidence = "low"          # optional, default "high"
    pattern = true              # optional: term is a case-insensitive regular expression
    match = "lemma"             # optional, overrides the file default
    forms = ["follow-up"]       # optional extra spellings

Match modes:

* ``exact``: the lower-cased tokens equal the entry's ("segera" does not match
  "penyegeraan"; a term ending in "." also matches without it: "dll." and "dll").
* ``lemma``: also any inflection with the same lemmas/roots ("followed up", "diperlukan").
* ``verb``: like ``lemma`` but only verb forms. Indonesian: a meN- entry matches meN- and di-
  forms of its root ("memproses" matches "Memproses", "diproses", not "proses" or
  "pemrosesan"); a ber- entry matches ber- forms. English: the word must stand where a verb
  stands: at the start of the text or a clause, after a modal, "to" or an auxiliary, or as
  a past form ("Process the form", "must ensure", "was handled", "dealt with"; not
  "the process", "technical support", "data processing"); after a comma only when an object
  follows ("..., process the form"; not "file signatures, process names").

``kind = "light-verb"`` lexicons list light verbs ("melakukan", "conduct"); a match is a
light verb followed (after an optional article) by a noun with a known verb: the file's
``[nouns]`` table ("inspection" = "inspect"; "" marks a noun that is no action) or, in
Indonesian, any peN-…-an noun ("melakukan pemeriksaan" -> "memeriksa"). The suggestion is
that verb.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Literal, cast

from soplint.language import english, morphology

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "Entry",
    "Lexicon",
    "LexiconMatcher",
    "Match",
    "SharedMatcher",
    "get_matcher",
    "lexicon_names",
    "load_lexicon",
]

MatchMode = Literal["exact", "lemma", "verb"]
_MODES = ("exact", "lemma", "verb")
# Words after which an English word stands in verb position.
_EN_VERB_INTRODUCERS = frozenset(
    {
        "to", "shall", "must", "will", "should", "may", "can", "could", "would", "might",
        "please", "then", "also", "not", "is", "are", "was", "were", "be", "been", "being",
        "has", "have", "had", "first", "next", "immediately", "promptly",
    }
)
_EN_ARTICLES = frozenset({"a", "an", "the"})
# After a comma a word is a verb only when an object follows it ("..., process the form"):
# in "file signatures, process names, services" it is an item of a list of nouns.
_EN_OBJECT_OPENERS = frozenset(
    {
        "a", "an", "the", "all", "any", "each", "every", "this", "that", "these", "those",
        "it", "them", "its", "their", "his", "her", "our", "your", "my", "with", "to", "for",
        "on", "in", "into", "from", "of", "by", "as", "and", "or", "if", "when", "until",
    }
)


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: what to look for and what to write instead."""

    term: str
    suggestion: str = ""
    note: str = ""
    confidence: Literal["high", "low"] = "high"
    pattern: bool = False
    match: MatchMode = "exact"
    forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    """A named word list for one language."""

    name: str
    language: str
    source: str
    entries: tuple[Entry, ...]
    scope: Literal["text", "cell"] = "text"
    kind: Literal["terms", "light-verb"] = "terms"
    nouns: tuple[tuple[str, str], ...] = ()
    match: MatchMode = "exact"


@dataclass(frozen=True)
class Match:
    """A lexicon hit in a text (character offsets into that text); `lang` is the language of
    the lexicon, so of its suggestion."""

    term: str
    start_char: int
    end_char: int
    matched_text: str
    suggestion: str
    note: str
    confidence: Literal["high", "low"]
    lang: str = ""


def _lexicon_file(name: str, lang: str) -> str:
    folder = resources.files("soplint_rules") / "lexicons"
    return (folder / f"{lang}-{name}.toml").read_text(encoding="utf-8")


def lexicon_names(lang: str) -> tuple[str, ...]:
    """Names of the lexicons shipped for a language."""
    folder = resources.files("soplint_rules") / "lexicons"
    prefix = f"{lang}-"
    return tuple(
        sorted(
            item.name[len(prefix) : -len(".toml")]
            for item in folder.iterdir()
            if item.name.startswith(prefix) and item.name.endswith(".toml")
        )
    )


def _entry(raw: dict[str, object], default_match: str) -> Entry:
    match = str(raw.get("match", default_match))
    if match not in _MODES:
        raise ValueError(f"unknown match mode {match!r} for {raw.get('term')!r}")
    confidence = str(raw.get("confidence", "high"))
    if confidence not in ("high", "low"):
        raise ValueError(f"unknown confidence {confidence!r} for {raw.get('term')!r}")
    forms = raw.get("forms", [])
    return Entry(
        term=str(raw["term"]),
        suggestion=str(raw.get("suggestion", "")),
        note=str(raw.get("note", "")),
        confidence=cast(Literal["high", "low"], confidence),
        pattern=bool(raw.get("pattern", False)),
        match=cast(MatchMode, match),
        forms=tuple(str(f) for f in cast(list[object], forms)),
    )


@cache
def _read_lexicon(name: str, lang: str) -> Lexicon:
    data = tomllib.loads(_lexicon_file(name, lang))
    default_match = str(data.get("match", "exact"))
    if default_match not in _MODES:
        raise ValueError(f"lexicon {lang}-{name}: unknown match mode {default_match!r}")
    entries = tuple(_entry(e, default_match) for e in data.get("entry", []))
    scope = str(data.get("scope", "text"))
    kind = str(data.get("kind", "terms"))
    if scope not in ("text", "cell") or kind not in ("terms", "light-verb"):
        raise ValueError(f"lexicon {lang}-{name}: bad scope {scope!r} or kind {kind!r}")
    nouns = tuple(sorted((str(k).lower(), str(v)) for k, v in data.get("nouns", {}).items()))
    return Lexicon(
        name=name,
        language=lang,
        source=str(data.get("source", "")),
        entries=entries,
        scope=cast(Literal["text", "cell"], scope),
        kind=cast(Literal["terms", "light-verb"], kind),
        nouns=nouns,
        match=cast(MatchMode, default_match),
    )


def load_lexicon(
    name: str,
    lang: str,
    extra: Iterable[str | Entry] = (),
    removed: Iterable[str] = (),
) -> Lexicon:
    """Load ``{lang}-{name}.toml``, add ``extra`` entries and drop ``removed`` terms.

    A plain string in ``extra`` becomes an entry with the file's default match mode and no
    suggestion. Terms in ``removed`` compare case-insensitively.
    """
    base = _read_lexicon(name, lang)
    gone = {term.strip().lower() for term in removed}
    added = tuple(e if isinstance(e, Entry) else Entry(term=e, match=base.match) for e in extra)
    entries = tuple(e for e in base.entries + added if e.term.strip().lower() not in gone)
    return replace(base, entries=entries)


def _spellings(entry: Entry) -> list[str]:
    out = [entry.term, *entry.forms]
    out += [s[:-1] for s in out if s.endswith(".") and len(s) > 1]
    return out


class LexiconMatcher:
    """Finds the entries of one lexicon in texts (see the module docstring for the modes)."""

    def __init__(self, lexicon: Lexicon) -> None:
        from spacy.matcher import PhraseMatcher

        from soplint.language.pipeline import get_nlp

        self.lexicon = lexicon
        self.nlp = get_nlp(lexicon.language)
        self._lower = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._lemma = PhraseMatcher(self.nlp.vocab, attr="LEMMA")
        self._regexes: list[tuple[re.Pattern[str], Entry]] = []
        self._entries: dict[str, Entry] = {}
        self._pattern_lower: dict[str, tuple[str, ...]] = {}
        self._nouns = dict(lexicon.nouns)
        self._light_terms = frozenset(e.term for e in lexicon.entries)
        first_words: set[str] = set()
        for index, entry in enumerate(lexicon.entries):
            key = f"{index}:{entry.term}"
            self._entries[key] = entry
            if entry.pattern:
                self._regexes.append((re.compile(entry.term, re.IGNORECASE), entry))
                continue
            spellings = _spellings(entry)
            surface = [self.nlp.make_doc(s) for s in spellings]
            self._lower.add(key, surface)
            first_words.update(doc[0].lower_ for doc in surface if len(doc))
            if entry.match != "exact":
                docs = [self.nlp(s) for s in spellings]
                self._lemma.add(key, docs)
                self._pattern_lower[key] = tuple(t.lower_ for t in docs[0])
        literal = all(e.pattern or e.match == "exact" for e in lexicon.entries)
        # A lexicon of exact phrases can only match a text holding the first word of one.
        self._first_words = (re.compile("|".join(map(re.escape, sorted(first_words))))
                             if literal and first_words else None)
        self._no_phrases = literal and not first_words

    def needs_parse(self, text: str) -> bool:
        """Whether a phrase of the lexicon may occur in ``text`` (if not, its regexes are
        all that can match and spaCy need not run)."""
        if self._first_words is None:
            return not self._no_phrases
        return self._first_words.search(text.lower()) is not None

    def find(self, text: str | Doc) -> list[Match]:
        """All non-overlapping matches in ``text`` (longest first, then leftmost), in order."""
        if isinstance(text, str):
            return self.find_parsed(self.nlp(text) if self.needs_parse(text) else None, text)
        return self.find_parsed(text, text.text)

    def find_parsed(self, doc: Doc | None, whole: str) -> list[Match]:
        """:meth:`find` on a text already parsed: ``doc`` is ``nlp(whole)``, or None when
        :meth:`needs_parse` says no phrase can match (``doc.text`` joins the tokens again on
        every access, so the caller passes the string)."""
        found: list[tuple[int, int, Entry, str]] = []
        for pattern, entry in self._regexes:
            for m in pattern.finditer(whole):
                found.append((m.start(), m.end(), entry, entry.suggestion))
        for key, span in self._phrase_hits(doc) if doc is not None else ():
            entry = self._entries[key]
            if self.lexicon.kind == "light-verb":
                hit = self._light_verb(span)
                if hit is not None:
                    found.append((span.start_char, hit[0], entry, hit[1]))
                continue
            end = span.end_char
            if entry.term.endswith(".") and whole[end : end + 1] == ".":
                end += 1
            found.append((span.start_char, end, entry, entry.suggestion))
        if self.lexicon.scope == "cell":
            found = [f for f in found if _covers(whole, f[0], f[1])]
        return [
            Match(
                term=entry.term,
                start_char=start,
                end_char=end,
                matched_text=whole[start:end],
                suggestion=suggestion,
                note=entry.note,
                confidence=entry.confidence,
                lang=self.lexicon.language,
            )
            for start, end, entry, suggestion in _without_overlaps(found)
        ]

    def _phrase_hits(self, doc: Doc) -> list[tuple[str, Span]]:
        hits: dict[tuple[int, int, str], Span] = {}
        for match_id, start, end in self._lower(doc):
            key = self.nlp.vocab.strings[match_id]
            entry = self._entries[key]
            span = doc[start:end]
            if entry.match != "verb" or self.lexicon.language == "id" or self._en_verb(span):
                hits[(start, end, key)] = span
        for match_id, start, end in self._lemma(doc):
            key = self.nlp.vocab.strings[match_id]
            if (start, end, key) in hits:
                continue
            span = doc[start:end]
            if self._entries[key].match != "verb" or self._is_verb_hit(key, span):
                hits[(start, end, key)] = span
        return [(key, span) for (_, _, key), span in sorted(hits.items())]

    def _is_verb_hit(self, key: str, span: Span) -> bool:
        if self.lexicon.language == "en":
            return self._en_verb(span)
        for token, expected in zip(span, self._pattern_lower[key], strict=False):
            if token.lower_ != expected and not _same_voice_family(token.lower_, expected):
                return False
        return True

    @staticmethod
    def _en_verb(span: Span) -> bool:
        first: Token = span[0]
        lower: str = first.lower_
        if lower != first.lemma_ and not lower.endswith(("s", "ing")):
            return True  # past tense or participle: "processed", "dealt"
        if first.i == 0:
            return True
        previous: Token = first.doc[first.i - 1]
        if previous.text == ",":
            after = first.doc[span.end] if span.end < len(first.doc) else None
            return after is not None and (after.lower_ in _EN_OBJECT_OPENERS or after.like_num)
        if previous.lower_ in ("and", "or") and first.i >= 2:
            before = english.verb_form(first.doc[first.i - 2].lower_)
            if before is not None and (before.third or before.past) and not before.noun:
                return True  # "receives and processes the query"
        return bool(
            previous.is_punct
            or previous.like_num
            or previous.is_space
            or previous.lower_ in _EN_VERB_INTRODUCERS
        )

    def _light_verb(self, span: Span) -> tuple[int, str] | None:
        """(end_char, suggested verb) when a derivable noun follows the light verb."""
        doc = span.doc
        index = span.end
        if self.lexicon.language == "en":
            while index < len(doc) and doc[index].lower_ in _EN_ARTICLES:
                index += 1
        if index >= len(doc):
            return None
        noun: Token = doc[index]
        verb = self._nouns.get(noun.lower_, self._nouns.get(noun.lemma_))
        if verb is None and self.lexicon.language == "id":
            verb = morphology.nominalisation_verb(noun.lower_)
        if not verb or verb in self._light_terms:
            return None  # "" in [nouns]: not an action; "melakukan pelaksanaan" has no verb
        return noun.idx + len(noun.text), verb


@dataclass(frozen=True)
class SharedMatcher:
    """A matcher that parses each text once for all the rules checking one document:
    ``parsed`` (text -> spaCy Doc, one language) is shared by the matchers of a run."""

    matcher: LexiconMatcher
    parsed: dict[str, Doc]

    @property
    def lexicon(self) -> Lexicon:
        return self.matcher.lexicon

    def find(self, text: str | Doc) -> list[Match]:
        """Like :meth:`LexiconMatcher.find`, reusing the Doc of a text already parsed."""
        if not isinstance(text, str):
            return self.matcher.find(text)
        if not self.matcher.needs_parse(text):
            return self.matcher.find_parsed(None, text)
        doc = self.parsed.get(text)
        if doc is None:
            doc = self.parsed[text] = self.matcher.nlp(text)
        return self.matcher.find_parsed(doc, text)


def _same_voice_family(word: str, entry_word: str) -> bool:
    """Whether ``word`` is a verb form of the kind ``entry_word`` is (meN-/di- or ber-)."""
    found = morphology.analyse(word)
    expected = morphology.analyse(entry_word)
    if found is None or expected is None:
        return False
    families = {"meN": ("meN", "di"), "di": ("meN", "di")}
    return found.prefix in families.get(expected.prefix, (expected.prefix,))


def _covers(text: str, start: int, end: int) -> bool:
    """Whether [start, end) is all of ``text`` but surrounding spaces and punctuation."""
    strip = " \t\r\n.,;:!?()[]\"'"
    return not text[:start].strip(strip) and not text[end:].strip(strip)


def _without_overlaps(
    found: Sequence[tuple[int, int, Entry, str]],
) -> list[tuple[int, int, Entry, str]]:
    kept: list[tuple[int, int, Entry, str]] = []
    for item in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if all(item[1] <= k[0] or item[0] >= k[1] for k in kept):
            kept.append(item)
    return sorted(kept, key=lambda f: f[0])


@cache
def _matcher(lexicon: Lexicon) -> LexiconMatcher:
    return LexiconMatcher(lexicon)


def get_matcher(
    name: str, lang: str, extra: tuple[str | Entry, ...] = (), removed: tuple[str, ...] = ()
) -> LexiconMatcher:
    """The matcher for a lexicon (with configuration changes), built once per process."""
    return _matcher(load_lexicon(name, lang, extra, removed))
