"""The `soplint` command: dump, check, rules, rule and annotate."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from soplint.config import ConfigError
from soplint.errors import DocumentError
from soplint.rule import PROFILES

if TYPE_CHECKING:
    from soplint.checking import CheckOptions, CheckResult

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A bad command line or configuration: printed as one line, exit status 2."""


def _parser() -> argparse.ArgumentParser:
    from soplint.reporters import FORMATS

    parser = argparse.ArgumentParser(
        prog="soplint", description="Lint Standard Operating Procedures (Word, Excel, older Word).")
    sub = parser.add_subparsers(dest="command", required=True)

    dump = sub.add_parser("dump", help="print the SOP model recognized in a document")
    dump.add_argument("file")
    dump.add_argument("--format", choices=("json", "text"), default="text")

    check = sub.add_parser("check", help="lint documents or folders")
    check.add_argument("paths", nargs="+")
    check.add_argument("--output-format", "--format", dest="output_format", choices=FORMATS,
                       default="rich", help="format of the report on standard output")
    check.add_argument("--output", action="append", default=[], metavar="FORMAT:PATH",
                       help="also write the report in FORMAT to PATH (repeatable)")
    check.add_argument("--select", default="", help="codes or prefixes, comma-separated")
    check.add_argument("--ignore", default="", help="codes or prefixes, comma-separated")
    check.add_argument("--profile", choices=PROFILES)
    check.add_argument("--lang", choices=("id", "en"), help="language of the messages")
    check.add_argument("--fail-on", choices=("error", "warning", "info"),
                       help="lowest severity that fails the run (default: config, else error)")
    check.add_argument("--config", metavar="FILE",
                       help="use this configuration file instead of discovering one")
    baseline = check.add_mutually_exclusive_group()
    baseline.add_argument("--write-baseline", metavar="FILE",
                          help="record the current findings in FILE (JSON); exit 0 unless "
                          "a file is unreadable")
    baseline.add_argument("--baseline", metavar="FILE",
                          help="hide the findings recorded in FILE; show only new ones")

    rules = sub.add_parser("rules", help="list the rules")
    rules.add_argument("--format", choices=("rich", "json"), default="rich")

    one = sub.add_parser("rule", help="print one rule's documentation")
    one.add_argument("code")

    annotate = sub.add_parser("annotate", help="write a copy of a .docx with a Word review "
                              "comment on each finding")
    annotate.add_argument("file")
    annotate.add_argument("-o", "--output", required=True, help="the annotated copy (.docx)")
    annotate.add_argument("--select", default="", help="codes or prefixes, comma-separated")
    annotate.add_argument("--ignore", default="", help="codes or prefixes, comma-separated")
    annotate.add_argument("--profile", choices=PROFILES)
    annotate.add_argument("--lang", choices=("id", "en"), help="language of the comments")
    annotate.add_argument("--config", metavar="FILE",
                          help="use this configuration file instead of discovering one")
    return parser


def _dump(args: argparse.Namespace) -> int:
    from soplint.load import load_all
    from soplint.serialize import sop_to_dict

    sops = load_all(args.file)
    if args.format == "json":
        found = [sop_to_dict(sop) for sop in sops]
        print(json.dumps(found[0] if len(found) == 1 else found, ensure_ascii=False, indent=2))
    else:
        from soplint.output.text import print_sop

        for sop in sops:
            print_sop(sop)
    return EXIT_OK


def _outputs(specs: Sequence[str]) -> list[tuple[str, Path]]:
    """Parse `--output FORMAT:PATH` options; refuse unknown formats and .docx paths."""
    from soplint.reporters import FORMATS

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


def _write_reports(result: CheckResult, fmt: str, outputs: list[tuple[str, Path]]) -> None:
    """The report on standard output, then each --output file."""
    from soplint.reporters import write_report

    write_report(fmt, result, sys.stdout)
    for file_fmt, path in outputs:
        try:
            with path.open("w", encoding="utf-8", newline="") as stream:
                write_report(file_fmt, result, stream)
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc.strerror}") from None


def _check_options(args: argparse.Namespace) -> CheckOptions:
    """The run options shared by `check` and `annotate`, from the command line."""
    from soplint.checking import CheckOptions
    from soplint.config import load_config

    return CheckOptions(
        select=tuple(c for c in args.select.split(",") if c),
        ignore=tuple(c for c in args.ignore.split(",") if c),
        profile=args.profile,
        lang=args.lang,
        fail_on=getattr(args, "fail_on", None),
        config=load_config(explicit=Path(args.config)) if args.config else None,
    )


def _check(args: argparse.Namespace) -> int:
    from soplint.baseline import BaselineError

    options = _check_options(args)
    outputs = _outputs(args.output)
    try:
        return _run_check(args, options, outputs)
    except BaselineError as exc:
        raise UsageError(str(exc)) from None


def _run_check(args: argparse.Namespace, options: CheckOptions,
               outputs: list[tuple[str, Path]]) -> int:
    """Check, write or apply a baseline, report; return the exit status."""
    from soplint import baseline
    from soplint.checking import run_check

    known = baseline.read_baseline(args.baseline) if args.baseline else None
    if args.write_baseline:
        baseline.baseline_path(args.write_baseline)
    result = run_check(args.paths, options)
    if args.write_baseline:
        count = baseline.write_baseline(result, args.write_baseline)
        print(f"soplint: wrote {count} baseline entries ({len(result.findings)} findings) "
              f"to {args.write_baseline}", file=sys.stderr)
        return EXIT_USAGE if result.unreadable else EXIT_OK
    stale = None
    if known is not None:
        applied = baseline.apply_baseline(result, known)
        result, stale = applied.result, applied.stale
    _write_reports(result, args.output_format, outputs)
    if stale is not None:
        print(f"soplint: {stale} baseline entries no longer match", file=sys.stderr)
    if result.unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if result.fails() else EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    from soplint.output.ruledocs import print_rules, rules_as_json

    if args.format == "json":
        print(json.dumps(rules_as_json(), ensure_ascii=False, indent=2))
    else:
        print_rules()
    return EXIT_OK


def _rule(args: argparse.Namespace) -> int:
    from soplint.output.ruledocs import print_rule

    if not print_rule(args.code.upper()):
        raise UsageError(f"unknown rule code {args.code!r} (see `soplint rules`)")
    return EXIT_OK


def _annotate(args: argparse.Namespace) -> int:
    from soplint.annotate import AnnotateError, annotate_file

    options = _check_options(args)
    try:
        report = annotate_file(args.file, args.output, options)
    except AnnotateError as exc:
        raise UsageError(str(exc)) from None
    print(f"{len(report.findings)} comments written to {args.output}")
    return EXIT_OK


_COMMANDS = {"dump": _dump, "check": _check, "rules": _rules, "rule": _rule,
             "annotate": _annotate}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except (ConfigError, DocumentError, UsageError) as exc:
        print(f"soplint: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
