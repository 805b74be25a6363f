"""The contract of rules across a set of SOPs: what they read and what they report.

A set rule runs once, after every document of an audit was recognised, on a compact
`SetSummary` of each (never the models, so that memory stays flat over thousands of
documents). It yields `SetViolation`s, each naming every document involved; the audit turns
one into a finding on each of them. Packs register set rules through the
`soplint_register_set_rules` hook; `@set_rule` declares one like `soplint.rule.rule`.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from soplint.rule import CATEGORIES, Severity, translated_doc

if TYPE_CHECKING:
    from soplint.i18n import Catalogue, Speakable

_CODE = re.compile(r"^SET\d{3}$")


@dataclass(frozen=True)
class Activity:
    """A step as the rules across the set compare it: its number, text and time standard
    (`minutes` None when it has none that can be measured)."""

    number: str
    text: str
    time: str = ""
    minutes: float | None = None


@dataclass(frozen=True)
class SetSummary:
    """The little of a document the rules across the set read: where it is (`file`,
    `origin` within the file, `unit` the folder it is in), its title and number, the SOPs
    its Keterkaitan names, the roles it declares or its steps name, and its activities."""

    file: str
    title: str
    unit: str = ""
    origin: str = ""
    nomor: str = ""
    language: str = "en"
    related: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    activities: tuple[Activity, ...] = ()


@dataclass(frozen=True)
class SetViolation:
    """What a set rule reports: a message and a suggestion, and the documents involved
    (each document gets the finding), with the offending words."""

    message: Speakable
    documents: tuple[SetSummary, ...]
    suggestion: Speakable | None = None
    words: tuple[str, ...] = ()


SetCheck = Callable[[Sequence[SetSummary]], Iterable[SetViolation]]


@dataclass(frozen=True)
class SetRule:
    """A registered rule across the set; `doc` is its function's docstring."""

    code: str
    name: str
    category: str
    severity: Severity
    check: SetCheck
    messages: Catalogue | None = None

    @cached_property
    def doc(self) -> str:
        """The rule's documentation (its function's docstring)."""
        return inspect.cleandoc(self.check.__doc__ or "")

    def doc_in(self, lang: str) -> str:
        """The documentation in `lang` when the pack's catalogue has it (`doc.<CODE>`), with
        the docstring's References; else the docstring."""
        return translated_doc(self.messages, self.code, self.doc, lang)


def set_rule(code: str, name: str, *, category: str, severity: Severity | str,
             messages: Catalogue | None = None) -> Callable[[SetCheck], SetRule]:
    """Declare a rule across the set (code `SETnnn`)."""
    if not _CODE.match(code):
        raise ValueError(f"set rule code {code!r} must be SET and three digits")
    if category not in CATEGORIES:
        raise ValueError(f"set rule {code}: unknown category {category!r}")

    def decorate(check: SetCheck) -> SetRule:
        if not (check.__doc__ or "").strip():
            raise ValueError(f"set rule {code} has no docstring")
        return SetRule(code, name, category, Severity(severity), check, messages)

    return decorate
