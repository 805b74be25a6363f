"""Light verbs whose noun stands for a vague verb ("melakukan koordinasi" is
"mengoordinasikan"): VRB001 reports them as vague, VRB003 leaves them alone."""

from __future__ import annotations

from soplint.language.lexicon import Match, SharedMatcher


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
