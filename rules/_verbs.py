"""Light verbs whose noun stands for a vague verb ("melakukan koordinasi" is
"mengoordinasikan"): VRB001 reports them as vague, VRB003 leaves them alone. Also an
Indonesian activity written as the noun of a vague verb ("Proses pembayaran" is
"memproses pembayaran")."""

from __future__ import annotations

import re
from dataclasses import replace

from soplint.language import morphology
from soplint.language.lexicon import Match, SharedMatcher

_FIRST_WORD = re.compile(r"[^\W\d_]+")


def vague_light_verbs(text: str, light: SharedMatcher,
                      vague: SharedMatcher) -> list[tuple[Match, Match]]:
    """(light-verb match, vague-verb entry of its verb) for each light verb in `text` whose
    suggested verb is a high-confidence vague verb."""
    found = []
    for match in light.find(text):
        entry = next((v for v in vague.find(match.suggestion) if v.confidence == "high"), None)
        if entry is not None:
            found.append((match, entry))
    return found


def vague_nominal(text: str, vague: SharedMatcher) -> Match | None:
    """The opening noun, with the vague-verb entry of its verb, when an Indonesian activity
    opens with the noun of a high-confidence vague verb: a peN-an noun ("Pengelolaan arsip"
    is "mengelola arsip") or a bare root used as one ("Proses pembayaran")."""
    word = _FIRST_WORD.match(text.lstrip())
    if word is None:
        return None
    noun = word.group(0).lower()
    verb = morphology.nominalisation_verb(noun) or (
        morphology.active_form(noun) if morphology.has_bare_active_form(noun) else None)
    if not verb:
        return None
    entry = next((v for v in vague.find(verb) if v.confidence == "high" and v.start_char == 0
                  and v.end_char == len(verb)), None)
    if entry is None:
        return None
    start = len(text) - len(text.lstrip())
    return replace(entry, start_char=start, end_char=start + len(noun),
                   matched_text=word.group(0))
