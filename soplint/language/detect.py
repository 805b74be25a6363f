"""Tell the language of a document from its function words, without spaCy.

Only Indonesian and English are supported by the wording rules; other languages are named
(Dutch, Chinese...) so that those rules can say so instead of guessing.
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")

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


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language of `text` ("id", "en", "nl", "zh"), or "unknown"."""
    cjk = len(_CJK.findall(text))
    words = Counter(_WORD.findall(text.lower()))
    if cjk > 50 and cjk > words.total():
        return "zh"
    counts = Counter({lang: sum(words[w] for w in vocab if w in words)
                      for lang, vocab in _FUNCTION_WORDS.items()})
    lang, hits = counts.most_common(1)[0]
    return lang if hits >= 3 else "unknown"
