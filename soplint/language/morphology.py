"""Indonesian morphology: relate affixed words to their root (pure Python, no spaCy).

Roots are validated against a root set: the values of spaCy's ``id_lemma_lookup`` table
(spacy-lookups-data, read once and lazily) plus a short list of administrative loanwords the
table lacks. Multi-word roots keep the table's spelling with a space ("tindak lanjut",
"tanda tangan"); joined spellings ("tindaklanjut") are mapped to it.

Analysis order for a lower-cased word ``w``:

1. ``w`` is itself a known root: it is its own root (no affix analysis).
2. ``menge-``/``penge-`` before a one-syllable root ("mengecek" -> "cek").
3. Affix stripping (inflectional -nya/-lah/-kah/-pun, up to two prefixes with nasal
   assimilation, one of -kan/-an/-i), keeping only candidates that are known roots. When the
   lookup table knows ``w`` and its lemma is among the candidates, the table decides between
   them; otherwise the first candidate wins; with no candidate the table's lemma is used.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

__all__ = [
    "Analysis",
    "active_form",
    "analyse",
    "has_bare_active_form",
    "is_active_verb",
    "is_bare_verb",
    "is_passive_verb",
    "known_roots",
    "nominalisation_root",
    "nominalisation_verb",
    "root",
]

_VOWELS = frozenset("aeiou")

# Administrative loanwords and lexicalised nouns missing from id_lemma_lookup's lemmas.
_EXTRA_ROOTS = frozenset(
    {
        "bagian", "disposisi", "entri", "finalisasi", "input", "legalisir",
        "memo", "notifikasi", "otorisasi", "registrasi", "rekap", "rekapitulasi", "scan",
        "setuju", "upload", "validasi", "verifikasi",
    }
)

# Words that look like meN-/ber-/di- forms but are nouns, pronouns or prepositions; they are
# never analysed (their root is the word itself).
NON_VERBS = frozenset(
    {
        # di- nouns
        "dia", "diagnosa", "diagnosis", "diagram", "dialog", "diameter", "diam", "digital",
        "dilema", "dimensi", "dinamika", "dinamis", "dinas", "dinding", "dingin", "dini",
        "diploma", "direksi", "direktorat", "direktur", "dirjen", "diri", "dirut", "disiplin",
        "diskon", "diskusi", "dispensasi", "disposisi", "distribusi", "distributor", "dividen",
        "divisi", "diklat", "dimana", "disini", "disana", "disitu",
        # meN- look-alikes
        "media", "melainkan", "melalui", "memang", "mengenai", "menjelang", "menteri",
        "mengapa", "menuju", "menurut", "mereka", "meskipun",
        # ber- look-alikes
        "beberapa", "berbagai", "berdasarkan", "berikut", "berikutnya", "berkala",
        "berkenaan", "bersama", "bersangkutan", "berupa", "berwenang", "beserta",
    }
)

# Intransitive verbs of movement and state that SOPs use and that are roots themselves, with
# no meN- or ber- to show them ("Pasien datang ke loket", "Kembali ke langkah 3"), and ber-
# verbs the root list holds whole ("berangkat").
BARE_VERBS = frozenset(
    {
        "berangkat", "datang", "duduk", "hadir", "ikut", "keluar", "kembali", "masuk", "naik",
        "pergi", "pulang", "tiba", "turun",
    }
)

# "di" written joined to a place word ("diatas") is a preposition, not a passive.
_LOCATIVES = frozenset(
    {
        "antara", "atas", "bawah", "belakang", "dalam", "depan", "luar", "mana", "samping",
        "sana", "sebelah", "sekitar", "sini", "situ", "tengah",
    }
)

_INFLECTIONAL = ("nya", "lah", "kah", "pun")
_DERIVATIONAL = ("", "kan", "an", "i")
# Prefix + suffix pairs that do not occur together (Adriani et al., as used by Sastrawi).
_BAD_CONFIXES = frozenset(
    {("ber", "i"), ("di", "an"), ("ke", "i"), ("ke", "kan"), ("meN", "an"), ("se", "i"),
     ("se", "kan"), ("ter", "an")}
)
_SECOND_LAYER = ("per", "ber", "ke")
_SURFACE_PREFIXES = (
    ("me", "meN"), ("di", "di"), ("ber", "ber"), ("be", "ber"), ("ter", "ter"), ("te", "ter"),
    ("per", "per"), ("pe", "peN"), ("ke", "ke"), ("se", "se"),
)


@dataclass(frozen=True)
class Analysis:
    """A word split into root, outermost prefix class and derivational suffix.

    ``prefix`` is one of "meN", "di", "ber", "ter", "peN", "per", "ke", "se" or "";
    ``suffix`` is one of "kan", "an", "i" or "".
    """

    word: str
    root: str
    prefix: str
    suffix: str


@cache
def _table() -> dict[str, str]:
    """The id_lemma_lookup table of spacy-lookups-data (word -> lemma)."""
    data = resources.files("spacy_lookups_data") / "data" / "id_lemma_lookup.json.gz"
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        table: dict[str, str] = json.load(text)
    return table


@cache
def known_roots() -> frozenset[str]:
    """All roots the analyser accepts (lemma values of the table plus loanwords)."""
    return frozenset(_table().values()) | _EXTRA_ROOTS


@cache
def _joined_compounds() -> dict[str, str]:
    """Joined spelling -> spaced multi-word root ("tandatangan" -> "tanda tangan")."""
    return {r.replace(" ", ""): r for r in known_roots() if " " in r}


def _known(candidate: str) -> str | None:
    if len(candidate) < 2:
        return None
    if candidate in known_roots():
        return candidate
    return _joined_compounds().get(candidate)


def _syllables(word: str) -> int:
    """Vowel count, a word-final diphthong (ai, au, oi, ei) counting once: "buat" has two
    syllables (bu-at), "pantai" two, "cek" one."""
    count = sum(ch in _VOWELS for ch in word)
    return count - 1 if word.endswith(("ai", "au", "oi", "ei")) else count


def _nasal_variants(rest: str, nasal: str) -> list[str]:
    """Possible stems after a meN-/peN- nasal ("ng", "ny", "n", "m" or "")."""
    starts_vowel = bool(rest) and rest[0] in _VOWELS
    if nasal == "ng":
        return [rest, "k" + rest] if starts_vowel else [rest]
    if nasal == "ny":
        return ["s" + rest, "ny" + rest]
    if nasal == "n":
        return ["t" + rest, "n" + rest] if starts_vowel else [rest]
    if nasal == "m":
        return ["p" + rest, "m" + rest] if starts_vowel else [rest]
    return [rest]


def _first_layer(word: str) -> list[tuple[str, str]]:
    """(prefix class, stem) pairs for the outermost prefix, in order of preference."""
    out: list[tuple[str, str]] = []
    for head, tag in (("me", "meN"), ("pe", "peN")):
        if word.startswith(head):
            rest = word[2:]
            for nasal in ("ng", "ny", "n", "m"):
                if rest.startswith(nasal):
                    out.extend((tag, s) for s in _nasal_variants(rest[len(nasal):], nasal))
            out.append((tag, rest))
    if word.startswith("per"):
        out.append(("per", word[3:]))
    for head, tag in (("di", "di"), ("ke", "ke"), ("se", "se")):
        if word.startswith(head):
            out.append((tag, word[2:]))
    for full, tag in (("ber", "ber"), ("ter", "ter")):
        if word.startswith(full):
            out.append((tag, word[3:]))
        # be-/te- before r: "berupa" = ber + rupa, "terasa" = ter + rasa
        if word.startswith(full[:2] + "r"):
            out.append((tag, word[2:]))
    if word.startswith(("bekerja", "belajar")):
        out.append(("ber", word[2:] if word[2] == "k" else word[3:]))
    return [(tag, stem) for tag, stem in out if len(stem) >= 2]


def _rule_candidates(word: str) -> list[tuple[str, str, str]]:
    """Valid (root, prefix, suffix) analyses in order of preference."""
    found: list[tuple[str, str, str]] = []
    bases = [word] + [word[: -len(p)] for p in _INFLECTIONAL if word.endswith(p)]
    for base in bases:
        layers: list[tuple[str, str]] = [("", base), *_first_layer(base)]
        for tag, stem in list(layers[1:]):
            for second in _SECOND_LAYER:
                if stem.startswith(second) and len(stem) > len(second) + 1:
                    layers.append((tag, stem[len(second):]))
        for tag, stem in layers:
            for suffix in _DERIVATIONAL:
                if (tag, suffix) in _BAD_CONFIXES or (not tag and not suffix and base == word):
                    continue
                if suffix and not stem.endswith(suffix):
                    continue
                candidate = _known(stem[: len(stem) - len(suffix)])
                if candidate is not None:
                    found.append((candidate, tag, suffix))
    return found


def _one_syllable_root(word: str) -> Analysis | None:
    """menge-/penge- before a one-syllable root: "mengecek" -> cek, "pengecekan" -> cek."""
    for head, tag in (("menge", "meN"), ("penge", "peN")):
        if not word.startswith(head):
            continue
        rest = word[len(head):]
        for suffix in ("", "an", "i", "kan"):
            stem = rest[: len(rest) - len(suffix)]
            if (tag, suffix) in _BAD_CONFIXES or not rest.endswith(suffix):
                continue
            known = _known(stem) if _syllables(stem) == 1 else None
            if known is not None:
                return Analysis(word, known, tag, suffix)
    return None


def _surface_affixes(word: str, lemma: str) -> tuple[str, str]:
    """Prefix class and suffix of ``word`` given its root, read off the surface."""
    joined = lemma.replace(" ", "")
    prefix = ""
    if not word.startswith(joined):
        prefix = next((tag for head, tag in _SURFACE_PREFIXES if word.startswith(head)), "")
    base = next((word[: -len(p)] for p in _INFLECTIONAL if word.endswith(p)), word)
    suffix = next(
        (s for s in ("kan", "an", "i") if base.endswith(s) and not joined.endswith(s)), ""
    )
    return prefix, suffix


@lru_cache(maxsize=65536)
def _analyse_lower(word: str) -> Analysis | None:
    if not word.isalpha() and "-" not in word:
        return None
    if "-" in word:
        return _analyse_reduplication(word)
    if _known(word) is not None or word in NON_VERBS:
        return None
    mono = _one_syllable_root(word)
    if mono is not None:
        return mono
    candidates = _rule_candidates(word)
    lemma = _table().get(word)
    chosen = next((c for c in candidates if c[0] == lemma), None)
    if chosen is None and candidates:
        chosen = candidates[0]
    if chosen is not None:
        return Analysis(word, *chosen)
    if lemma is not None and lemma != word:
        return Analysis(word, lemma, *_surface_affixes(word, lemma))
    return None


def _analyse_reduplication(word: str) -> Analysis | None:
    """Reduplications whose halves share a root: "berkas-berkas", "kehati-hatian"."""
    parts = word.split("-")
    if len(parts) == 2 and all(parts):
        first, second = root(parts[0]), root(parts[1])
        if first == second:
            return Analysis(word, first, *_surface_affixes(word, first))
    lemma = _table().get(word)
    if lemma is not None and lemma != word:
        return Analysis(word, lemma, *_surface_affixes(word, lemma))
    return None


def analyse(word: str) -> Analysis | None:
    """Split an affixed word; None when it is a root itself or no root is found."""
    return _analyse_lower(word.strip().lower())


def root(word: str) -> str:
    """The root of ``word`` (lower-cased); the word itself when no root is found.

    Multi-word roots use a space: "menindaklanjuti" -> "tindak lanjut",
    "menandatangani" -> "tanda tangan".
    """
    lowered = word.strip().lower()
    analysis = _analyse_lower(lowered)
    if analysis is not None:
        return analysis.root
    return _known(lowered) or lowered


def is_active_verb(word: str) -> bool:
    """True for meN- and ber- verb forms ("memeriksa", "berkoordinasi")."""
    analysis = _analyse_lower(word.strip().lower())
    return analysis is not None and analysis.prefix in ("meN", "ber")


def is_bare_verb(word: str) -> bool:
    """True for an intransitive verb written as its bare root ("datang", "kembali")."""
    return word.strip().lower() in BARE_VERBS


def is_passive_verb(word: str) -> bool:
    """True for a di- passive ("diperiksa", "ditindaklanjuti").

    The preposition "di" (its own token), nouns such as "dinas", "direktur", "disposisi" and
    joined place forms ("diatas") are not passives.
    """
    lowered = word.strip().lower()
    if not lowered.startswith("di") or lowered[2:] in _LOCATIVES:
        return False
    analysis = _analyse_lower(lowered)
    return analysis is not None and analysis.prefix == "di"


def nominalisation_root(word: str) -> str | None:
    """Root of a peN-…-an / pe-…-an / per-…-an noun ("pemeriksaan" -> "periksa"), else None."""
    lowered = word.strip().lower()
    analysis = _analyse_lower(lowered)
    if analysis is None or analysis.prefix not in ("peN", "per") or analysis.suffix != "an":
        return None
    return analysis.root


def _bare_active(joined: str) -> str:
    if _syllables(joined) == 1:
        return "menge" + joined
    first, second = joined[0], joined[1:2]
    keeps_cluster = second not in _VOWELS  # "proses" -> "memproses", "klarifikasi"
    if first in _VOWELS or first in "gh":
        return "meng" + joined
    if first == "k":
        return "meng" + (joined if keeps_cluster else joined[1:])
    if first == "p":
        return "mem" + (joined if keeps_cluster else joined[1:])
    if first in "bfv":
        return "mem" + joined
    if first == "t":
        return "men" + (joined if keeps_cluster else joined[1:])
    if first == "s":
        return "men" + joined if keeps_cluster else "meny" + joined[1:]
    if first in "cdjz":
        return "men" + joined
    return "me" + joined


def active_form(root_word: str) -> str:
    """The meN- verb of a root: "periksa" -> "memeriksa", "cek" -> "mengecek".

    Multi-word roots are joined. When the bare form is not attested in the lookup table, its
    -i form, else its -kan form, is returned if attested ("tanda tangan" -> "menandatangani",
    "arsip" -> "mengarsipkan").
    """
    bare = _bare_active(root_word.strip().lower().replace(" ", ""))
    table = _table()
    return next((bare + s for s in ("", "i", "kan") if bare + s in table), bare)


def has_bare_active_form(root_word: str) -> bool:
    """Whether the lookup table attests the root's meN- form without a suffix ("buka" ->
    "membuka"): the root is then a verb, and on its own an imperative ("Buka aplikasi")."""
    return _bare_active(root_word.strip().lower().replace(" ", "")) in _table()


def nominalisation_verb(word: str) -> str | None:
    """The active verb for a peN-/per-…-an noun, else None.

    "pemeriksaan" -> "memeriksa", "penandatanganan" -> "menandatangani"; per- nouns take an
    attested memper- form when there is one ("perbaikan" -> "memperbaiki").
    """
    base = nominalisation_root(word)
    if base is None:
        return None
    analysis = _analyse_lower(word.strip().lower())
    if analysis is not None and analysis.prefix == "per":
        joined = base.replace(" ", "")
        table = _table()
        forms = ("memper" + joined + s for s in ("i", "kan", ""))
        memper = next((f for f in forms if f in table), None)
        if memper is not None:
            return memper
    return active_form(base)
