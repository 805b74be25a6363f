"""`soplint draw FILE [-o FILE.svg]`: the recognised flowchart as SVG (`soplint.drawing`),
the steps with findings marked. Only the standard library is imported until it runs."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from soplint.errors import DocumentError, UsageError

if TYPE_CHECKING:
    from soplint.findings import Finding
    from soplint.model import Sop


def check_target(source: str, target: str) -> None:
    """Refuse an output that is not an .svg file or that is (or links to) the input."""
    if Path(target).suffix.lower() != ".svg":
        raise UsageError(f"the output must be an .svg file, not {target!r}")
    from soplint.writing import refuse_inputs

    refuse_inputs(target, [source])


def _chosen(args: argparse.Namespace) -> tuple[Sop, Sequence[Finding]]:
    """The SOP `--sop` names (the first by default) and its findings (none with
    --no-findings)."""
    if args.no_findings:
        from soplint.load import load_all

        found: list[tuple[Sop, Sequence[Finding]]] = [(s, ()) for s in load_all(args.file)]
    else:
        from soplint.checking import CheckOptions, check_path

        reports = check_path(args.file, CheckOptions(lang=args.lang))
        if reports[0].sop is None:
            raise DocumentError(reports[0].file, reports[0].findings[0].message)
        found = [(r.sop, r.findings) for r in reports if r.sop is not None]
    chosen = int(args.sop)
    if not 1 <= chosen <= len(found):
        raise UsageError(f"{args.file}: --sop {chosen}: the file holds {len(found)} "
                         f"SOP{'s' if len(found) != 1 else ''}")
    return found[chosen - 1]


def draw(args: argparse.Namespace) -> int:
    """Draw one SOP of the file (checked, unless --no-findings) to -o or standard output."""
    from soplint.drawing import flowchart_svg

    if args.output:
        check_target(args.file, args.output)
    if args.steps_per_page < 1:
        raise UsageError(f"--steps-per-page must be at least 1, not {args.steps_per_page}")
    sop, findings = _chosen(args)
    svg = flowchart_svg(sop, findings, steps_per_page=args.steps_per_page)
    if not args.output:
        sys.stdout.write(svg + "\n")
        return 0
    from soplint.writing import write_text

    write_text(args.output, svg + "\n", [args.file])
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
    parser.add_argument("--sop", type=int, default=1, metavar="N",
                        help="which SOP of a file holding several (a workbook) to draw "
                        "(default 1)")
    parser.add_argument("--no-findings", action="store_true",
                        help="draw without checking the document")
    parser.add_argument("--lang", choices=("id", "en"),
                        help="language of the findings in the step tooltips")
