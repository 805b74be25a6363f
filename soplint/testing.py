"""Helpers for rule authors: build small models in memory and verify a rule against them.

    verify(rule, valid=[sop_a, sop_b], invalid=[(sop_c, ["3", None])])

`invalid` pairs a model with the step numbers (None for document level) the rule must report,
in order; `valid` models must produce no finding at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from soplint.engine import profile_for
from soplint.i18n import Message
from soplint.model import (
    Actor,
    Duration,
    Field,
    Layout,
    Link,
    LinkOrigin,
    Section,
    Sop,
    Step,
    StepKind,
)
from soplint.recognize.timeparse import parse_time
from soplint.rule import Rule, RuleContext, Violation
from soplint.tree import Where


def make_step(number: str, text: str, *, actors: Sequence[str] = ("Staf",),
              kind: str = "process", time: str | None = None, inputs: str | None = None,
              output: str | None = None, note: str | None = None,
              links: Iterable[tuple[str, ...]] = (),
              ordinal: int = 0, explicit_actor: bool = True, form: str = "") -> Step:
    """A step; `links` are (to, label) pairs or (to, label, origin) triples ("" = no label)."""
    made = tuple(Link(to=link[0], label=link[1] or None,
                      origin=LinkOrigin(link[2]) if len(link) > 2 else LinkOrigin.SEQUENCE)
                 for link in links)
    duration: Duration | None = parse_time(time)
    return Step(number=number, ordinal=ordinal, text=text, where=Where(paragraph=ordinal),
                actors=tuple(actors), kind=StepKind(kind), time=duration, inputs=inputs,
                output=output, note=note, links=made, explicit_actor=explicit_actor,
                form=form)


def make_sop(steps: Sequence[Step] = (), *, layout: str = "permenpan-flowchart",
             language: str = "id", meta: Mapping[str, str] | None = None,
             actors: Sequence[str] = (), sections: Mapping[str, str] | None = None,
             columns: Iterable[str] | None = None, responsible: str | None = None,
             title: str = "SOP Uji", **extra: Any) -> Sop:
    """A model; step ordinals are set from their order, sequence links are not added."""
    ordered = tuple(replace(s, ordinal=i) for i, s in enumerate(steps))
    default_columns = ({"actor", "time", "inputs", "output", "note"}
                       if layout == "permenpan-flowchart" else set())
    return Sop(
        source="test.docx", layout=Layout(layout), language=language, title=title,
        meta={k: Field(label=k, value=v) for k, v in (meta or {}).items()},
        actors=tuple(Actor(a) for a in actors), steps=ordered,
        sections=tuple(Section(title=k, key=k, text=v, where=Where())
                       for k, v in (sections or {}).items()),
        columns=frozenset(default_columns if columns is None else columns),
        responsible=responsible, **extra,
    )


def run(rule: Rule, sop: Sop, options: Mapping[str, Any] | None = None) -> list[Violation]:
    """The violations `rule` reports on `sop`, checked against the profile its layout
    implies."""
    context = RuleContext(lang=sop.language, profile=profile_for(sop), options=options or {})
    return list(rule.check(sop, context))


def verify(rule: Rule, *, valid: Iterable[Sop] = (),
           invalid: Iterable[tuple[Sop, Sequence[str | None]]] = (),
           options: Mapping[str, Any] | None = None) -> None:
    """Assert that `rule` is silent on every valid model and reports exactly the given steps
    (by number, None for document level) on every invalid one."""
    for sop in valid:
        found = run(rule, sop, options)
        assert not found, f"{rule.code} should be silent on {sop.title!r}, got " + "; ".join(
            v.message.speak("en") for v in found)
    for sop, expected in invalid:
        found = run(rule, sop, options)
        got = [v.step.number if v.step else None for v in found]
        assert got == list(expected), (
            f"{rule.code} on {sop.title!r}: expected steps {list(expected)}, got {got}: "
            + "; ".join(v.message.speak("en") for v in found))
        for violation in found:
            assert_spoken(rule, violation)


def assert_spoken(rule: Rule, violation: Violation) -> None:
    """Assert that the violation's message and suggestion are written in both languages,
    with no key missing from either catalogue."""
    for text in (violation.message, violation.suggestion):
        for lang in ("id", "en"):
            if text is None:
                continue
            assert text.speak(lang).strip(), f"{rule.code}: empty {lang} text"
            missing = text.missing(lang) if isinstance(text, Message) else []
            assert not missing, f"{rule.code}: {lang} catalogue lacks {missing}"
