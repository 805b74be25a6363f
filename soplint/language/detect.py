"""Tell the language of a document from its function words, without spaCy.

Only Indonesian and English are supported by the wording rules; other languages are named
(Dutch, Chinese...) so that those rules can say so instead of guessing.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from itertools import filterfalse

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# On lower-case ASCII text, `_WORD` finds what is left when all but the letters become spaces.
_ASCII_NON_LETTERS = str.maketrans(dict.fromkeys(
    (chr(c) for c in range(128) if chr(c) not in string.ascii_lowercase), " "))
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
# Template markup is code, not language: "{% for item in list %}" holds English words.
_TEMPLATE_MARKUP = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "id": _words("yang dan di ke dari untuk dengan pada dalam oleh atau ini itu adalah tidak "
                 "akan sebagai kepada bagi serta tersebut juga telah sudah setiap apabila "
                 "jika maka secara melalui sesuai tentang atas"),
    "en": _words("the and of to in for with on by or this that is are be not will as from at "
                 "all each if then shall must should an a it any when"),
    "nl": _words("de het een en van in op voor met door niet is zijn wordt worden dat die "
                 "bij naar als ook aan"),
}
_ANY_FUNCTION_WORD = frozenset().union(*_FUNCTION_WORDS.values())
# Indonesian verbs and nouns by their affixes ("menerima", "mencatat", "mendisposisikan",
# "diarsipkan", "pemeriksaan"): the evidence of a short procedure written in bare
# imperatives, which has few function words.
_ID_AFFIXED = re.compile(r"^(?:me(?:ng|ny|m|n)[a-z]{3,}(?:kan|i)?|di[a-z]{3,}(?:kan|i)|"
                         r"pe(?:ng|ny|m|n|r)[a-z]{3,}an|ke[a-z]{3,}an)$")
_MIN_HITS = 3


def _letter_runs(lowered: str) -> list[str]:
    """The words (runs of letters) of a lower-case text, in no particular order. Its ASCII
    lines are read the faster way; no word runs over a line break."""
    lines = lowered.split("\n")
    ascii_text = "\n".join(filter(str.isascii, lines))
    return (ascii_text.translate(_ASCII_NON_LETTERS).split()
            + _WORD.findall("\n".join(filterfalse(str.isascii, lines))))


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language of `text` ("id", "en", "nl", "zh"), or "unknown".
    Paragraphs are best joined by line breaks: the lines that are all ASCII are read faster."""
    if "{" in text:
        text = _TEMPLATE_MARKUP.sub(" ", text)
    cjk = len(_CJK.findall(text))
    words = _letter_runs(text.lower())
    if cjk > 50 and cjk > len(words):
        return "zh"
    found = Counter(filter(_ANY_FUNCTION_WORD.__contains__, words))
    counts = Counter({lang: sum(found[w] for w in vocab)
                      for lang, vocab in _FUNCTION_WORDS.items()})
    lang, hits = counts.most_common(1)[0]
    if hits < _MIN_HITS and not counts["en"]:
        affixed = sum(1 for w in words if w.startswith(("me", "di", "pe", "ke"))
                      and _ID_AFFIXED.match(w))
        if counts["id"] + affixed >= _MIN_HITS:
            return "id"
    return lang if hits >= _MIN_HITS else "unknown"
