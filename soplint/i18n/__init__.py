"""Messages as data: one catalogue per language, looked up by key.

A catalogue is a folder of TOML files named after their language (`en.toml`, `id.toml`) in a
package. Tables nest into dotted keys: `[VRB001] message = "..."` is `VRB001.message`.
Templates use `str.format` fields; numbers are written the way the language writes them
("1.645 menit", "27,4 jam"; "1,645 min", "27.4 h"). The engine's words are in `soplint.i18n`
(this folder); the built-in rule pack's messages in `soplint_rules/messages/`; a third-party
pack ships its own and makes it with `Catalogue("its_package")`.

    MESSAGES = Catalogue("soplint_rules")
    MESSAGES.text("TIM001.message")                # a Message, spoken later in any language
    MESSAGES.say("TIM001.message", "id")           # the Indonesian string now

A key missing in one language falls back to English, then to the key itself, so a catalogue
that lags behind shows something rather than failing. `Phrase` is a parameter written in one
language (a lexicon's suggestion): where it does not match the language spoken, or is empty,
the template `<key>-generic` is used instead when the catalogue has one.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Protocol

from soplint.i18n.numbers import format_number

__all__ = ["ENGINE", "Catalogue", "Joined", "Message", "Phrase", "Speakable", "format_number"]

FALLBACK = "en"


class Speakable(Protocol):
    """Anything that can be written in a language: a `Message`, a `soplint.rule.Text`."""

    def speak(self, lang: str) -> str:
        """The text in `lang` ("id", "en")."""
        ...


@dataclass(frozen=True)
class Phrase:
    """A parameter written in one language: shown as is when that language is spoken."""

    text: str
    lang: str

    def fits(self, lang: str) -> bool:
        """Whether the phrase can stand in a message written in `lang`."""
        return bool(self.text.strip()) and self.lang == lang


@dataclass(frozen=True)
class Joined:
    """Several messages (or plain strings) written one after another with `separator`."""

    items: tuple[Speakable | str, ...]
    separator: str = ", "

    def speak(self, lang: str) -> str:
        """Each item in `lang`, joined."""
        return self.separator.join(i if isinstance(i, str) else i.speak(lang)
                                   for i in self.items)

    def missing(self, lang: str) -> list[str]:
        """The keys of the messages joined that `lang`'s catalogue lacks."""
        return [key for i in self.items if isinstance(i, Message | Joined)
                for key in i.missing(lang)]


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = str(value)
    return flat


@cache
def _templates(package: str, folder: str, lang: str) -> Mapping[str, str]:
    """The flattened templates of one language file ({} when the file does not exist)."""
    try:
        text = (resources.files(package) / folder / f"{lang}.toml").read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return {}
    return _flatten(tomllib.loads(text))


class _Formatter(string.Formatter):
    """`str.format` that speaks nested messages and writes numbers in the language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, bool):
            return str(super().format_field(value, format_spec))
        if isinstance(value, int | float):
            return format_number(value, self.lang, format_spec)
        if isinstance(value, Phrase):
            return value.text
        if hasattr(value, "speak"):
            return str(value.speak(self.lang))
        return str(super().format_field(value, format_spec))


@dataclass(frozen=True)
class Catalogue:
    """The messages of one package: `<package>/<folder>/<lang>.toml`."""

    package: str
    folder: str = "messages"

    def templates(self, lang: str) -> Mapping[str, str]:
        """Every template of `lang`, by key."""
        return _templates(self.package, self.folder, lang)

    def has(self, key: str, lang: str = FALLBACK) -> bool:
        """Whether `lang` (or English) has a template for `key`."""
        return key in self.templates(lang) or key in self.templates(FALLBACK)

    def template(self, key: str, lang: str) -> str:
        """The template for `key` in `lang`, else in English, else the key itself."""
        found = self.templates(lang).get(key)
        if found is None:
            found = self.templates(FALLBACK).get(key, key)
        return found

    def say(self, key: str, lang: str, /, **params: Any) -> str:
        """The message `key` in `lang`, filled in with `params`."""
        return self.text(key, **params).speak(lang)

    def count(self, key: str, lang: str, number: int, /, **params: Any) -> str:
        """"1 finding", "2 findings", "2 temuan": `<key>.one` for one where the language has
        it, else `<key>.other`; `{count}` is the number."""
        variant = f"{key}.one" if number == 1 and f"{key}.one" in self.templates(
            lang) else f"{key}.other"
        return self.say(variant, lang, count=number, **params)

    def text(self, key: str, /, **params: Any) -> Message:
        """The message `key`, to be spoken later in any language."""
        return Message(self, key, tuple(params.items()))


@dataclass(frozen=True)
class Message:
    """A catalogue message with its parameters, written in a language on demand."""

    catalogue: Catalogue
    key: str
    params: tuple[tuple[str, Any], ...] = field(default=())

    def _key(self, lang: str) -> str:
        """The key spoken in `lang`: `<key>-generic` for a phrase that does not fit it."""
        phrases = [v for _, v in self.params if isinstance(v, Phrase)]
        generic = f"{self.key}-generic"
        if any(not p.fits(lang) for p in phrases) and self.catalogue.has(generic, lang):
            return generic
        return self.key

    def speak(self, lang: str) -> str:
        """The message in `lang`."""
        template = self.catalogue.template(self._key(lang), lang)
        return _Formatter(lang).vformat(template, (), dict(self.params))

    @property
    def id(self) -> str:
        """The Indonesian text (as `soplint.rule.Text.id`)."""
        return self.speak("id")

    @property
    def en(self) -> str:
        """The English text (as `soplint.rule.Text.en`)."""
        return self.speak("en")

    def missing(self, lang: str) -> list[str]:
        """The keys of this message and the messages inside it that `lang`'s catalogue lacks
        (for tests: a message shown in the English fallback is a missing translation)."""
        own = [] if self._key(lang) in self.catalogue.templates(lang) else [self._key(lang)]
        inner = [v for _, v in self.params if isinstance(v, Message | Joined)]
        return own + [key for v in inner for key in v.missing(lang)]


ENGINE = Catalogue("soplint", "i18n")
