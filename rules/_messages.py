"""The built-in pack's catalogue: `messages/en.toml` and `messages/id.toml`, one per language.

Not a rule module (the leading underscore keeps the pack from scanning it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from soplint.i18n import Catalogue, Phrase

if TYPE_CHECKING:
    from soplint.language.lexicon import Match

MESSAGES = Catalogue(__name__.rpartition(".")[0])


def hint(match: Match) -> Phrase:
    """A lexicon entry's suggestion, written in its lexicon's language: a message in another
    language uses its `-generic` template instead."""
    return Phrase(match.suggestion, match.lang)
