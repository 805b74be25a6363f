"""The one-page summary an audit ends with, from its totals, in the set's language."""

from __future__ import annotations

from soplint.i18n import ENGINE, Catalogue
from soplint.plugins import registered_set_rules
from soplint.reporters.common import relative_path, rule_title, text_table

from .run import AuditRun
from .totals import BINS, Totals

MESSAGES = Catalogue("soplint.audit")
TOP = 10
BAR = 40


def say(key: str, lang: str, **params: object) -> str:
    """A message of the audit's catalogue."""
    return MESSAGES.say(key, lang, **params)


def _histogram(totals: Totals, lang: str) -> list[str]:
    peak = max(totals.histogram) or 1
    lines = [say("summary.score", lang)]
    for index, count in enumerate(totals.histogram):
        low = index * BINS
        high = 100 if index == BINS - 1 else low + BINS - 1
        bar = "█" * round(BAR * count / peak)
        lines.append(f"  {low:>3}–{high:<3} {count:>6}  {bar}")
    return lines


def title(code: str, name: str, lang: str) -> str:
    """A rule's short title in `lang`, for rules across the set too."""
    rule = registered_set_rules().get(code)
    key = f"{code}.title"
    if rule is not None and rule.messages is not None and rule.messages.has(key, lang):
        return rule.messages.say(key, lang)
    return rule_title(code, name, lang)


def _rules(totals: Totals, lang: str) -> list[str]:
    ranked = totals.ranked_rules()
    rows = [(r.code, title(r.code, r.name, lang), r.documents,
             r.levels["error"], r.levels["warning"], r.levels["info"]) for r in ranked[:TOP]]
    header = tuple(say(f"summary.{k}", lang) for k in (
        "code", "rule", "documents-column", "errors", "warnings", "info"))
    lines = [say("summary.rules", lang), *text_table(header, rows, frozenset({2, 3, 4, 5}))]
    if len(ranked) > TOP:
        lines.append("  " + say("summary.more", lang, count=len(ranked) - TOP))
    return lines


def _units(totals: Totals, lang: str) -> list[str]:
    units = sorted(totals.units.items(), key=lambda item: (item[1].mean, item[0]))
    rows = [(name, unit.documents, f"{unit.mean:.0f}", unit.levels["error"],
             unit.levels["warning"]) for name, unit in units[:TOP]]
    header = tuple(say(f"summary.{k}", lang) for k in (
        "unit", "documents-column", "mean", "errors", "warnings"))
    lines = [say("summary.units", lang), *text_table(header, rows, frozenset({1, 2, 3, 4}))]
    if len(units) > TOP:
        lines.append("  " + say("summary.more", lang, count=len(units) - TOP))
    return lines


def _lowest(totals: Totals, lang: str) -> list[str]:
    rows = [(r.score, r.errors, r.warnings, relative_path(r.file)) for r in totals.lowest(TOP)]
    header = tuple(say(f"summary.{k}", lang) for k in ("score-column", "errors", "warnings",
                                                          "document"))
    return [say("summary.lowest", lang, count=len(rows)),
            *text_table(header, rows, frozenset({0, 1, 2}))]


def render(totals: Totals, run: AuditRun, lang: str, report: str = "") -> str:
    """The summary as plain text."""
    lines = [say("summary.head", lang, documents=totals.documents, files=len(run.files),
                 seconds=round(run.seconds, 1), checked=run.checked, cached=run.cached,
                 resumed=run.resumed),
             say("summary.documents", lang, unreadable=totals.unreadable,
                 failing=totals.failing, clean=totals.clean,
                 mean=round(totals.mean_score, 1))]
    layouts = [(ENGINE.say(f"layout.{name}", lang) if name != "-" else "-", count)
               for name, count in totals.layouts.most_common()]
    lines += text_table((say("summary.layout", lang), say("summary.documents-column", lang)),
                    layouts, frozenset({1}))
    if run.not_checked:
        lines.append("  " + say("summary.not-checked", lang, count=len(run.not_checked)))
    lines += ["", *_histogram(totals, lang)]
    if totals.categories:
        lines += ["", say("summary.categories", lang, counts=", ".join(
            f"{ENGINE.say(f'category.{name}', lang)} {count}"
            for name, count in totals.categories.most_common()))]
    if totals.rules:
        lines += ["", *_rules(totals, lang)]
    if len(totals.units) > 1:
        lines += ["", *_units(totals, lang)]
    if totals.rows:
        lines += ["", *_lowest(totals, lang)]
    levels = totals.levels
    lines += ["", say("summary.total", lang,
                      findings=ENGINE.count("count.findings", lang, sum(levels.values())),
                      errors=ENGINE.count("count.errors", lang, levels["error"]),
                      warnings=ENGINE.count("count.warnings", lang, levels["warning"]),
                      info=ENGINE.count("count.info", lang, levels["info"]))]
    if run.interrupted:
        lines.append(say("summary.interrupted", lang, count=totals.documents))
    lines.append(say("summary.results", lang, path=run.results))
    if report:
        lines.append(say("summary.report", lang, path=report))
    return "\n".join(lines) + "\n"
