"""Group what is one problem: many findings of one rule in a document become one finding.

A rule declared with `summarise_over=N` (see `soplint.rule.rule`) that reports more than N
findings on a document is summarised: one document-level finding, with the message
`<CODE>.many` of the rule's catalogue (`count`, `steps` and `words` filled in), the worst
severity of the findings it stands for, and those findings in `Finding.grouped` (the JSON
lists them). Grouping runs after the document's suppressions, so a suppressed finding is
neither counted nor listed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from soplint.findings import Finding
from soplint.i18n import ENGINE
from soplint.model import Sop
from soplint.places import place
from soplint.rule import Rule

MAX_LISTED = 8


def listing(items: Sequence[str], lang: str, quote: bool = False) -> str:
    """"a, b, c" for at most `MAX_LISTED` items, then "and 4 more" in `lang`."""
    shown = [f'"{i}"' if quote else i for i in items[:MAX_LISTED]]
    text = ", ".join(shown)
    if len(items) > MAX_LISTED:
        text = ENGINE.say("list.more", lang, items=text, count=len(items) - MAX_LISTED)
    return text


def _summary(sop: Sop, rule: Rule, found: list[Finding], lang: str) -> Finding:
    assert rule.messages is not None  # rule() requires a catalogue with summarise_over
    steps = list(dict.fromkeys(f.step for f in found if f.step is not None))
    words = list(dict.fromkeys(w for f in found for w in f.words))
    code = rule.code
    message = rule.messages.say(f"{code}.many", lang, count=len(found),
                                steps=listing(steps, lang), words=listing(words, lang, True))
    key = f"{code}.many-suggestion"
    suggestion = (rule.messages.say(key, lang) if rule.messages.has(key, lang)
                  else found[0].suggestion)
    parts = {f.part for f in found}
    part = parts.pop() if len(parts) == 1 and not steps else ""
    where = sop.title_where
    return replace(found[0], severity=max((f.severity for f in found), key=lambda s: s.rank),
                   message=message, suggestion=suggestion, step=None, location="",
                   words=tuple(words), step_text="", where=where,
                   place=place(sop, None, part, where, lang), part=part, context="",
                   ordinal=None, grouped=tuple(found))


def summarise(findings: Sequence[Finding], sop: Sop, rules: Mapping[str, Rule],
              lang: str) -> list[Finding]:
    """`findings` with those of each summarising rule over its limit replaced by one
    finding, at the place of the first."""
    by_code: dict[str, list[Finding]] = {}
    for finding in findings:
        by_code.setdefault(finding.code, []).append(finding)
    over = {code for code, found in by_code.items() if code in rules
            and (limit := rules[code].summarise_over) is not None and len(found) > limit}
    result: list[Finding] = []
    for finding in findings:
        if finding.code not in over:
            result.append(finding)
        elif finding is by_code[finding.code][0]:
            result.append(_summary(sop, rules[finding.code], by_code[finding.code], lang))
    return result
