"""`soplint draw FILE [-o FILE.svg]`: the recognised flowchart as SVG (`soplint.drawing`),
the steps with findings marked. Only the standard library is imported until it runs."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from soplint.errors import DocumentError, UsageError


def check_target(source: str, target: str) -> None:
    """Refuse an output that is not an .svg file or that is the input itself."""
    if Path(target).suffix.lower() != ".svg":
        raise UsageError(f"the output must be an .svg file, not {target!r}")
    if Path(target).resolve() == Path(source).resolve():
        raise UsageError(f"refusing to write over the input {source!r}; "
                         "choose another output path")


def draw(args: argparse.Namespace) -> int:
    """Draw the file's first SOP (checked, unless --no-findings) to -o or standard output."""
    from soplint.drawing import flowchart_svg
    from soplint.findings import Finding

    if args.output:
        check_target(args.file, args.output)
    if args.steps_per_page < 1:
        raise UsageError(f"--steps-per-page must be at least 1, not {args.steps_per_page}")
    if args.no_findings:
        from soplint.load import load

        sop, findings = load(args.file), tuple[Finding, ...]()
    else:
        from soplint.checking import CheckOptions, check_file

        report = check_file(args.file, CheckOptions(lang=args.lang))
        if report.sop is None:
            raise DocumentError(report.file, report.findings[0].message)
        sop, findings = report.sop, report.findings
    svg = flowchart_svg(sop, findings, steps_per_page=args.steps_per_page)
    if not args.output:
        sys.stdout.write(svg + "\n")
        return 0
    try:
        Path(args.output).write_text(svg + "\n", encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {os.fspath(args.output)}: {exc.strerror}") from None
    return 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `draw` subcommand's options (standard library only: `--help` stays fast)."""
    parser = sub.add_parser("draw", help="draw the recognised flowchart as SVG, the steps "
                            "with findings marked")
    parser.add_argument("file")
    parser.add_argument("-o", "--output", metavar="FILE.svg",
                        help="write the SVG here (default: standard output)")
    parser.add_argument("--steps-per-page", type=int, default=12, metavar="N",
                        help="steps per page before an off-page connector (default 12)")
    parser.add_argument("--no-findings", action="store_true",
                        help="draw without checking the document")
    parser.add_argument("--lang", choices=("id", "en"),
                        help="language of the findings in the step tooltips")
