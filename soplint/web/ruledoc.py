"""A rule's documentation (`soplint rule CODE`) as HTML for the page.

The text comes from where `soplint rule` reads it (the rule cache, else the rule packs); its
Markdown is rendered by markdown-it with raw HTML off, so that a pack's docstring cannot
put markup on the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt

_MARKDOWN = MarkdownIt("commonmark", {"html": False})


@dataclass(frozen=True)
class RuleDoc:
    """The header line (`TIM001 time-missing  category=...`) and the body as HTML."""

    code: str
    header: str
    html: str


def rule_text(code: str, lang: str) -> str | None:
    """The text `soplint rule CODE --lang LANG` prints, None for an unknown code or name."""
    from soplint.output import rulecache

    cached = rulecache.lookup(code, lang)
    if cached is not None:
        return cached
    from soplint.output import ruledocs

    found = ruledocs.find_rule(code)
    return ruledocs.rule_text(found, lang) if found is not None else None


def rule_doc(code: str, lang: str) -> RuleDoc | None:
    """The documentation of rule `code` in `lang`, None when there is no such rule."""
    text = rule_text(code, lang)
    if text is None:
        return None
    header, _, body = text.partition("\n")
    return RuleDoc(header.split(maxsplit=1)[0], header, _MARKDOWN.render(body.strip()))
