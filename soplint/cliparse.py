"""The command line's options: the argparse parser and what its values mean.

Only the standard library, `soplint.output.formats` and `soplint.argtypes` are imported
here, so that `soplint --help` and `soplint --version` start almost as fast as Python itself
does.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

import soplint
from soplint import drawing_cli
from soplint.argtypes import seconds
from soplint.output.formats import COLORS, FORMATS
from soplint.web.command import add_parser as add_serve

if TYPE_CHECKING:
    from soplint.output.options import ReportOptions

LANGS = ("id", "en")
PROFILES = ("permenpan", "generic", "puskesmas")  # soplint.rule.PROFILES, without its import
LEVELS = ("error", "warning", "info")


def codes(values: Iterable[str]) -> tuple[str, ...]:
    """Repeated, comma-separated `--select`/`--ignore` values as one tuple of codes."""
    return tuple(c.strip().upper() for value in values for c in value.split(",") if c.strip())


def _selection(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--select", action="append", default=[], metavar="CODES",
                        help="codes or prefixes to run, comma-separated; repeatable, adds up; "
                        "ALL selects every rule")
    parser.add_argument("--ignore", action="append", default=[], metavar="CODES",
                        help="codes or prefixes to leave out; repeatable, adds up")
    parser.add_argument("--profile", choices=PROFILES)
    parser.add_argument("--config", metavar="FILE",
                        help="use this configuration file instead of discovering one")
    parser.add_argument("--timeout", type=seconds, metavar="SECONDS",
                        help="time limit for reading and checking one document (default: "
                        "config, else 60; 0: no limit)")


def _check(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = sub.add_parser("check", help="lint documents or folders")
    check.add_argument("paths", nargs="+", metavar="PATH",
                       help="files, folders or globs; - reads a document from standard input")
    check.add_argument("--output-format", "--format", dest="output_format", choices=FORMATS,
                       help="format on standard output (default: full on a terminal, "
                       "else concise)")
    check.add_argument("--output", action="append", default=[], metavar="FORMAT:PATH",
                       help="also write the report in FORMAT to PATH (repeatable)")
    _selection(check)
    check.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                       help="leave out files and folders matching GLOB (repeatable)")
    check.add_argument("--lang", choices=LANGS, help="language of the messages")
    check.add_argument("--fail-on", choices=LEVELS,
                       help="lowest severity that fails the run (default: config, else error)")
    check.add_argument("-q", "--quiet", action="store_true",
                       help="print the findings only: no summary, no clean documents")
    check.add_argument("--statistics", action="store_true",
                       help="print the number of findings of each rule instead of the findings")
    check.add_argument("--color", choices=COLORS, default="auto",
                       help="colour the report: auto (on a terminal, unless NO_COLOR is set), "
                       "always or never")
    check.add_argument("--csv-delimiter", default=",", metavar="CHAR",
                       help='field delimiter of the CSV report (default ","; ";" for Excel in '
                       "locales with a decimal comma)")
    baseline = check.add_mutually_exclusive_group()
    baseline.add_argument("--write-baseline", metavar="FILE",
                          help="record the current findings in FILE (JSON); exit 0 unless "
                          "a file is unreadable")
    baseline.add_argument("--baseline", metavar="FILE",
                          help="hide the findings recorded in FILE; show only new ones")


def parser() -> argparse.ArgumentParser:
    """The `soplint` command line."""
    top = argparse.ArgumentParser(
        prog="soplint", description="Lint Standard Operating Procedures (Word, PDF, Excel, "
        "older Word, RTF, OpenDocument).")
    top.add_argument("--version", action="version", version=f"soplint {soplint.__version__}")
    sub = top.add_subparsers(dest="command", required=True)

    dump = sub.add_parser("dump", help="print the SOP model recognized in a document")
    dump.add_argument("file")
    dump.add_argument("--format", choices=("json", "text"), default="text")
    dump.add_argument("--outline", action="store_true",
                      help="also show the document's outline: each heading, item, paragraph "
                           "and table, the step it became or why it is not a step")
    dump.add_argument("--timeout", type=seconds, metavar="SECONDS",
                      help="time limit for reading the document (default 60; 0: no limit)")

    _check(sub)
    from soplint.audit.cliargs import add_audit

    add_audit(sub, LANGS, PROFILES, LEVELS)

    rules = sub.add_parser("rules", help="list the rules")
    rules.add_argument("--format", choices=("rich", "json"), default="rich")

    one = sub.add_parser("rule", help="print one rule's documentation")
    one.add_argument("code", metavar="CODE_OR_NAME")
    one.add_argument("--lang", choices=LANGS, help="language of the documentation")

    annotate = sub.add_parser("annotate", help="write a copy of a .docx with a Word review "
                              "comment on each finding")
    annotate.add_argument("file")
    annotate.add_argument("-o", "--output", required=True, help="the annotated copy (.docx)")
    _selection(annotate)
    annotate.add_argument("--lang", choices=LANGS, help="language of the comments")
    drawing_cli.add_parser(sub)
    add_serve(sub)
    return top


def output_format(args: argparse.Namespace, stdout: TextIO | None = None) -> str:
    """The format asked for, else `full` on a terminal and `concise` in a pipe or file."""
    if args.output_format:
        return str(args.output_format)
    stream = stdout or sys.stdout
    return "full" if stream.isatty() else "concise"


def report_options(args: argparse.Namespace) -> ReportOptions:
    """How `check` writes its reports."""
    from soplint.output.options import ReportOptions

    if len(args.csv_delimiter) != 1:
        raise ValueError(f"--csv-delimiter: expected one character, got {args.csv_delimiter!r}")
    return ReportOptions(lang=args.lang, color=args.color, csv_delimiter=args.csv_delimiter,
                         quiet=args.quiet)
