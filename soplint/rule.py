"""The rule contract: what a rule declares, what it receives and what it reports.

A rule is a function that reads a `Sop` and yields `Violation`s; the `@rule` decorator turns
it into a `Rule` with a stable code, a kebab-case name, a category, a default severity and
the profiles it applies to. The function's docstring is the rule's documentation.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Any

from soplint.model import Sop, Step
from soplint.tree import Where

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from soplint.i18n import Catalogue, Speakable
    from soplint.language.lexicon import SharedMatcher


class Severity(StrEnum):
    """How bad a finding is; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return list(Severity).index(self)


CATEGORIES = ("actor", "verb", "time", "link", "identity", "io", "wording", "structure")
PROFILES = ("permenpan", "generic", "puskesmas")
_CODE = re.compile(r"^[A-Z]{2,4}\d{3}$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Text:
    """A message written in place in both languages the rules speak (a pack's catalogue,
    `soplint.i18n.Catalogue`, keeps them as data instead)."""

    id: str
    en: str

    def speak(self, lang: str) -> str:
        """The Indonesian text for "id", the English one otherwise."""
        return self.id if lang == "id" else self.en


PARTS = ("activity", "actor", "time", "inputs", "output", "note", "number")


@dataclass(frozen=True)
class Violation:
    """What a rule reports: a message, a concrete suggestion, the step (or None for the whole
    document), where to point, the offending words, and optionally a severity that replaces
    the rule's default (for low-confidence matches).

    `part` says what the finding concerns: for a step, the column role of its cell (one of
    `PARTS`; "" is the activity); for the whole document, `identity.<key>` for an identity
    field (`Sop.meta` key) or `identity` for the identity block."""

    message: Speakable
    suggestion: Speakable | None = None
    step: Step | None = None
    where: Where | None = None
    words: tuple[str, ...] = ()
    severity: Severity | None = None
    part: str = ""


@dataclass(frozen=True)
class RuleContext:
    """What a rule may use besides the model: the document language, the profile it is
    checked against ("permenpan" or "generic"), its options from the configuration, and
    lexicon matchers (built lazily, with configured extra/removed words).
    One context serves one document: the texts its matchers parse are kept for the other
    rules."""

    lang: str
    profile: str = "generic"
    options: Mapping[str, Any] = field(default_factory=dict)
    lexicon_changes: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(
        default_factory=dict)
    parsed: dict[str, dict[str, Doc]] = field(default_factory=dict, repr=False, compare=False)

    def option(self, name: str, default: Any) -> Any:
        """A configured option, or `default`."""
        return self.options.get(name, default)

    def matcher(self, name: str, lang: str | None = None) -> SharedMatcher:
        """The matcher for lexicon `name` in `lang` (default: the document's language)."""
        from soplint.language.lexicon import SharedMatcher, get_matcher

        language = lang or self.lang
        extra, removed = self.lexicon_changes.get(f"{language}-{name}", ((), ()))
        return SharedMatcher(get_matcher(name, language, extra=extra, removed=removed),
                             self.parsed.setdefault(language, {}))


Check = Callable[[Sop, RuleContext], Iterable[Violation]]


class OptionError(ValueError):
    """A configured option value that cannot be used: `problem` says why, `key` names the
    entry concerned inside a table option ("" for the option itself)."""

    def __init__(self, problem: str, key: str = "") -> None:
        super().__init__(problem)
        self.problem = problem
        self.key = key


@dataclass(frozen=True)
class RuleOption:
    """A configuration option a pack's rules read: `name` as written in the configuration
    (kebab-case, "max-step-words"), `parse` turns the configured value into what the rules
    get as `RuleContext.option(<name in snake_case>)`, or raises `OptionError`."""

    name: str
    parse: Callable[[Any], Any]
    doc: str = ""

    @property
    def key(self) -> str:
        """The name rules ask for: snake_case."""
        return self.name.replace("-", "_")


@dataclass(frozen=True)
class Rule:
    """A registered rule. `doc` is the check function's docstring (English); `messages` the
    pack's catalogue, which may hold the documentation in other languages (`<CODE>.doc`) and
    the message for many findings at once (`<CODE>.many`, see `summarise_over`)."""

    code: str
    name: str
    category: str
    severity: Severity
    profiles: frozenset[str]
    check: Check
    languages: frozenset[str] = frozenset()
    messages: Catalogue | None = None
    summarise_over: int | None = None

    @cached_property
    def doc(self) -> str:
        """The rule's documentation (its function's docstring)."""
        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def summary(self) -> str:
        """The first line of the documentation."""
        return self.doc.splitlines()[0] if self.doc else ""

    def doc_in(self, lang: str) -> str:
        """The documentation in `lang` when the pack's catalogue has it (`doc.<CODE>`), with
        the References of the docstring (titles, years, links); else the docstring."""
        return translated_doc(self.messages, self.code, self.doc, lang)


REFERENCES = "## References"


def translated_doc(catalogue: Catalogue | None, code: str, doc: str, lang: str) -> str:
    """`doc.<code>` of `catalogue` in `lang` followed by the References section of `doc`
    under its translated heading (`rule.references`), or `doc` when there is none."""
    from soplint.i18n import ENGINE

    text = catalogue.templates(lang).get(f"doc.{code}") if catalogue and lang != "en" else None
    if not text:
        return doc
    _, found, references = doc.partition(REFERENCES)
    tail = f"\n\n## {ENGINE.say('rule.references', lang)}{references}" if found else ""
    return inspect.cleandoc(text) + tail


def rule(
    code: str,
    name: str,
    *,
    category: str,
    severity: Severity | str,
    profiles: Iterable[str] = PROFILES,
    languages: Iterable[str] = (),
    messages: Catalogue | None = None,
    summarise_over: int | None = None,
) -> Callable[[Check], Rule]:
    """Declare a rule. `languages` limits it to documents in those languages (wording rules
    that need a lexicon); empty means every language. `messages` is the pack's catalogue.
    With `summarise_over` N, a document with more than N findings of the rule gets one
    finding instead that lists them (message `<CODE>.many` of the catalogue, with `count`,
    `steps` and `words`)."""
    if not _CODE.match(code):
        raise ValueError(f"rule code {code!r} must be a family prefix and three digits")
    if not _NAME.match(name):
        raise ValueError(f"rule name {name!r} must be kebab-case")
    if category not in CATEGORIES:
        raise ValueError(f"rule {code}: unknown category {category!r}")
    chosen = frozenset(profiles)
    if not chosen <= set(PROFILES):
        raise ValueError(f"rule {code}: unknown profile in {sorted(chosen)}")
    if summarise_over is not None and (messages is None or summarise_over < 1):
        raise ValueError(f"rule {code}: summarise_over needs a catalogue and a count >= 1")

    def decorate(check: Check) -> Rule:
        if not (check.__doc__ or "").strip():
            raise ValueError(f"rule {code} has no docstring")
        return Rule(code, name, category, Severity(severity), chosen, check,
                    frozenset(languages), messages, summarise_over)

    return decorate
