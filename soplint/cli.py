"""The `soplint` command: dump, check, rules and rule."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from soplint.errors import DocumentError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A bad command line or configuration: printed as one line, exit status 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="soplint", description="Lint Standard Operating Procedures written in Word (.docx).")
    sub = parser.add_subparsers(dest="command", required=True)

    dump = sub.add_parser("dump", help="print the SOP model recognized in a .docx")
    dump.add_argument("file")
    dump.add_argument("--format", choices=("json", "text"), default="text")

    check = sub.add_parser("check", help="lint .docx files or folders")
    check.add_argument("paths", nargs="+")
    check.add_argument("--format", choices=("rich", "json"), default="rich")
    check.add_argument("--select", default="", help="codes or prefixes, comma-separated")
    check.add_argument("--ignore", default="", help="codes or prefixes, comma-separated")
    check.add_argument("--profile", choices=("permenpan", "generic"))
    check.add_argument("--lang", choices=("id", "en"), help="language of the messages")
    check.add_argument("--fail-on", choices=("error", "warning", "info"), default="error")

    rules = sub.add_parser("rules", help="list the rules")
    rules.add_argument("--format", choices=("rich", "json"), default="rich")

    one = sub.add_parser("rule", help="print one rule's documentation")
    one.add_argument("code")
    return parser


def _dump(args: argparse.Namespace) -> int:
    from soplint.load import load
    from soplint.serialize import sop_to_dict

    sop = load(args.file)
    if args.format == "json":
        print(json.dumps(sop_to_dict(sop), ensure_ascii=False, indent=2))
    else:
        from soplint.output.text import print_sop

        print_sop(sop)
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from soplint.checking import CheckOptions, run_check

    options = CheckOptions(
        select=tuple(c for c in args.select.split(",") if c),
        ignore=tuple(c for c in args.ignore.split(",") if c),
        profile=args.profile,
        lang=args.lang,
    )
    result = run_check(args.paths, options)
    if args.format == "json":
        print(json.dumps({"findings": [f.to_dict() for f in result.findings]},
                         ensure_ascii=False, indent=2))
    else:
        from soplint.output.rich_report import print_report

        print_report(result)
    if result.unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if result.fails(args.fail_on) else EXIT_OK


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


_COMMANDS = {"dump": _dump, "check": _check, "rules": _rules, "rule": _rule}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except (DocumentError, UsageError) as exc:
        print(f"soplint: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
