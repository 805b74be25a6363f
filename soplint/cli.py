"""The `soplint` command: dump, check, rules, rule and annotate.

The options are in `soplint.cliparse`, the reports in `soplint.reporters`; every command
imports what it needs when it runs, so that `--help` and `--version` start fast.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from soplint.errors import DocumentError, SoplintError, UsageError

if TYPE_CHECKING:
    from soplint.checking import CheckOptions, CheckResult
    from soplint.output.options import ReportOptions

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _say(key: str, lang: str | None, **params: object) -> str:
    from soplint.i18n import ENGINE
    from soplint.userlang import user_language

    return ENGINE.say(key, lang or user_language(), **params)


def _dump(args: argparse.Namespace) -> int:
    import json
    from dataclasses import asdict

    from soplint.load import load_all, load_explained
    from soplint.serialize import sop_to_dict
    from soplint.timelimit import DEFAULT_SECONDS, TimeLimit, TimeLimitExceeded, time_problem

    seconds = DEFAULT_SECONDS if args.timeout is None else args.timeout
    try:
        with TimeLimit(seconds):
            found = (load_explained(args.file) if args.outline
                     else tuple((sop, []) for sop in load_all(args.file)))
    except TimeLimitExceeded:
        raise DocumentError(args.file, time_problem(seconds)) from None
    if args.format == "json":
        models = []
        for sop, entries in found:
            model = sop_to_dict(sop)
            if args.outline:
                model["outline"] = [asdict(entry) for entry in entries]
            models.append(model)
        print(json.dumps(models[0] if len(models) == 1 else models, ensure_ascii=False,
                         indent=2))
    else:
        from soplint.output.text import print_outline, print_sop

        for sop, entries in found:
            print_sop(sop)
            if args.outline:
                print_outline(entries)
    return EXIT_OK


def _outputs(specs: Sequence[str]) -> list[tuple[str, Path]]:
    """Parse `--output FORMAT:PATH` options; refuse unknown formats and .docx paths."""
    from soplint.output.formats import FORMATS

    outputs = []
    for spec in specs:
        fmt, sep, path = spec.partition(":")
        if not sep or not path:
            raise UsageError(f"--output {spec!r}: expected FORMAT:PATH, e.g. sarif:out.sarif")
        if fmt not in FORMATS:
            raise UsageError(f"--output {spec!r}: unknown format {fmt!r} "
                             f"(one of {', '.join(FORMATS)})")
        if Path(path).suffix.lower() == ".docx":
            raise UsageError(f"--output {spec!r}: refusing to write a report over a .docx")
        outputs.append((fmt, Path(path)))
    return outputs


def _known(option: str, given: Sequence[str], lang: str | None) -> tuple[str, ...]:
    """`given` codes, each a known code or prefix, or ALL; else a usage error."""
    from difflib import get_close_matches

    from soplint.checking import ALL
    from soplint.engine import ENGINE_CODES
    from soplint.plugins import registered_rules

    known = sorted((*registered_rules(), *ENGINE_CODES))
    for code in given:
        if code != ALL and not any(k.startswith(code) for k in known):
            close = get_close_matches(code, known, n=1, cutoff=0.6)
            hint = _say("cli.did-you-mean", lang, suggestion=close[0]) if close else ""
            raise UsageError(_say("cli.unknown-code", lang, option=option, code=code,
                                  hint=hint))
    return tuple(given)


def _check_options(args: argparse.Namespace) -> CheckOptions:
    """The run options shared by `check` and `annotate`, from the command line."""
    from soplint.checking import CheckOptions
    from soplint.cliparse import codes
    from soplint.config import load_config
    from soplint.timelimit import DEFAULT_SECONDS

    return CheckOptions(
        select=_known("--select", codes(args.select), args.lang),
        ignore=_known("--ignore", codes(args.ignore), args.lang),
        profile=args.profile,
        lang=args.lang,
        fail_on=getattr(args, "fail_on", None),
        config=load_config(explicit=Path(args.config)) if args.config else None,
        exclude=tuple(getattr(args, "exclude", ())),
        timeout=args.timeout,
        default_timeout=DEFAULT_SECONDS,
    )


def _write_reports(result: CheckResult, fmt: str, outputs: list[tuple[str, Path]],
                   args: argparse.Namespace, options: ReportOptions) -> None:
    """The report (or the statistics) on standard output, the summary of a concise report
    on standard error, then each --output file."""
    from soplint.reporters import write_report, write_statistics
    from soplint.reporters.common import report_lang, summary_line
    from soplint.writing import write_text

    if args.statistics:
        write_statistics(result, sys.stdout, options)
    else:
        write_report(fmt, result, sys.stdout, options)
    if fmt == "concise" and not options.quiet:
        print(summary_line(result, report_lang(result, options)), file=sys.stderr)
    for file_fmt, path in outputs:
        text = io.StringIO()
        write_report(file_fmt, result, text, options)
        write_text(path, text.getvalue(), result.inputs)


def _check(args: argparse.Namespace) -> int:
    from soplint.baseline import BaselineError
    from soplint.cliparse import report_options

    options = _check_options(args)
    outputs = _outputs(args.output)
    try:
        report = report_options(args)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    try:
        return _run_check(args, options, outputs, report)
    except BaselineError as exc:
        raise UsageError(str(exc)) from None


def _refuse_inputs(args: argparse.Namespace, outputs: list[tuple[str, Path]]) -> None:
    """Refuse, before checking, an output that is (or links to) a path given to read: a
    document, the baseline, the configuration."""
    from soplint.checking import STDIN
    from soplint.writing import refuse_inputs

    inputs = [p for p in (*args.paths, args.baseline, args.config) if p and p != STDIN]
    for target in (*(path for _, path in outputs), args.write_baseline):
        if target:
            refuse_inputs(target, inputs)


def _run_check(args: argparse.Namespace, options: CheckOptions,
               outputs: list[tuple[str, Path]], report: ReportOptions) -> int:
    """Check, write or apply a baseline, report; return the exit status."""
    from soplint import baseline
    from soplint.checking import STDIN, run_check
    from soplint.cliparse import output_format
    from soplint.reporters.common import not_checked_note
    from soplint.userlang import user_language
    from soplint.writing import WriteError

    known = baseline.read_baseline(args.baseline) if args.baseline else None
    if args.write_baseline:
        baseline.baseline_path(args.write_baseline)
    _refuse_inputs(args, outputs)
    stdin = sys.stdin.buffer if STDIN in args.paths else None
    result = run_check(args.paths, options, stdin=stdin)
    if not result.reports:
        note = not_checked_note(result, args.lang or user_language())
        raise UsageError(_say("cli.no-documents", args.lang, paths=", ".join(args.paths))
                         + (f"; {note}" if note else ""))
    lang = report.lang or result.lang
    if args.write_baseline:
        try:
            count = baseline.write_baseline(result, args.write_baseline)
        except WriteError as exc:
            exc.lang = exc.lang or lang
            raise
        print("soplint: " + _say("cli.wrote-baseline", lang, entries=count,
                                 findings=_say("count.findings.other", lang,
                                               count=len(result.findings)),
                                 path=args.write_baseline), file=sys.stderr)
        return EXIT_USAGE if result.unreadable else EXIT_OK
    stale = None
    if known is not None:
        applied = baseline.apply_baseline(result, known)
        result, stale = applied.result, applied.stale
    try:
        _write_reports(result, output_format(args), outputs, args, report)
    except WriteError as exc:
        exc.lang = exc.lang or lang
        raise
    if stale is not None:
        print("soplint: " + _say("cli.stale-baseline", lang, count=stale), file=sys.stderr)
    if result.unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if result.fails() else EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    import json

    from soplint.output.ruledocs import print_rules, rules_as_json

    if args.format == "json":
        print(json.dumps(rules_as_json(), ensure_ascii=False, indent=2))
    else:
        print_rules()
    return EXIT_OK


def _rule(args: argparse.Namespace) -> int:
    from soplint.output import rulecache
    from soplint.userlang import user_language

    lang = args.lang or user_language()
    cached = rulecache.lookup(args.code, lang)
    if cached is not None:
        sys.stdout.write(cached)
        return EXIT_OK
    from soplint.output.ruledocs import find_rule, rule_text, suggest

    found = find_rule(args.code)
    if found is None:
        raise UsageError(_say("cli.unknown-rule", args.lang, name=args.code,
                              hint=suggest(args.code, lang)))
    sys.stdout.write(rule_text(found, lang))
    rulecache.store()
    return EXIT_OK


def _annotate(args: argparse.Namespace) -> int:
    from soplint.annotate import annotate_file

    options = _check_options(args)
    report = annotate_file(args.file, args.output, options)
    print(_say("cli.comments-written", args.lang or report.lang, count=len(report.findings),
               path=args.output))
    return EXIT_OK


def _audit(args: argparse.Namespace) -> int:
    from soplint.audit.command import audit_command, cache_command

    return audit_command(args) if args.command == "audit" else cache_command(args)


def _draw(args: argparse.Namespace) -> int:
    from soplint.drawing_cli import draw

    return draw(args)


def _serve(args: argparse.Namespace) -> int:
    from soplint.web.command import run

    return run(args)


_COMMANDS = {"dump": _dump, "check": _check, "rules": _rules, "rule": _rule,
             "annotate": _annotate, "draw": _draw, "serve": _serve, "audit": _audit,
             "cache": _audit}


def _report_pack_problems() -> None:
    """One line per rule pack skipped, when the packs were loaded."""
    if "soplint.plugins" not in sys.modules:
        return
    from soplint.plugins import pack_problems

    for problem in pack_problems():
        print("soplint: " + _say("cli.pack-skipped", None, pack=problem.pack,
                                 problem=problem.problem), file=sys.stderr)


def _escape_streams() -> None:
    """Standard output and error escape what their encoding cannot write (a file name's
    undecodable byte), so that they stay valid text and never stop the run."""
    from soplint.names import TEXT_ERRORS

    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=TEXT_ERRORS)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    from soplint.cliparse import parser

    args = parser().parse_args(argv)
    _escape_streams()
    try:
        return _COMMANDS[args.command](args)
    except SoplintError as exc:
        speak = getattr(exc, "speak", None)  # an error that can say itself in a language
        said = speak(getattr(args, "lang", None)) if speak is not None else exc
        print(f"soplint: {said}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    finally:
        _report_pack_problems()


if __name__ == "__main__":
    sys.exit(main())
