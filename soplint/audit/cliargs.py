"""The options of `soplint audit` and `soplint cache`: argparse only, so that `soplint
--help` stays fast."""

from __future__ import annotations

import argparse

from soplint.argtypes import seconds


def add_audit(sub: argparse._SubParsersAction[argparse.ArgumentParser],
              langs: tuple[str, ...], profiles: tuple[str, ...],
              levels: tuple[str, ...]) -> None:
    """Register `soplint audit` and `soplint cache clear`."""
    audit = sub.add_parser("audit", help="check a whole collection in parallel, score each "
                           "document and write reports")
    audit.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or globs")
    audit.add_argument("-j", "--jobs", type=int, metavar="N",
                       help="worker processes (default: one per core; at most four per core, "
                       "and no more than the files)")
    audit.add_argument("--executor", choices=("local", "dask"), default="local",
                       help="where the documents are checked: local worker processes, or a "
                       "Dask cluster (needs soplint[dask] and --scheduler)")
    audit.add_argument("--scheduler", metavar="ADDRESS",
                       help="the Dask scheduler, e.g. tcp://10.0.0.5:8786")
    audit.add_argument("--batch", type=int, default=25, metavar="N",
                       help="files per Dask task (default 25)")
    audit.add_argument("--html", metavar="DIR", help="write the HTML report to DIR")
    audit.add_argument("--csv", metavar="FILE", help="write one row per finding to FILE and "
                       "one row per document to FILE-documents.csv")
    audit.add_argument("--json", metavar="FILE", help="write the whole audit as JSON to FILE")
    audit.add_argument("--csv-delimiter", default=",", metavar="CHAR",
                       help='field delimiter of the CSV files (default ",")')
    audit.add_argument("--results", metavar="FILE", default="soplint-audit.jsonl",
                       help="stream the results to this JSON-lines file "
                       "(default: soplint-audit.jsonl)")
    audit.add_argument("--resume", action="store_true",
                       help="skip the files the results file already holds, unchanged")
    audit.add_argument("--timeout", type=seconds, default=60.0, metavar="S",
                       help="time limit per file in seconds (default 60)")
    audit.add_argument("--cache-dir", metavar="DIR", help="keep the cache in DIR")
    audit.add_argument("--no-cache", action="store_true", help="neither read nor fill the cache")
    audit.add_argument("--select", action="append", default=[], metavar="CODES",
                       help="codes or prefixes to run, comma-separated; repeatable")
    audit.add_argument("--ignore", action="append", default=[], metavar="CODES",
                       help="codes or prefixes to leave out; repeatable")
    audit.add_argument("--profile", choices=profiles)
    audit.add_argument("--config", metavar="FILE",
                       help="use this configuration file instead of discovering one")
    audit.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                       help="leave out files and folders matching GLOB (repeatable)")
    audit.add_argument("--lang", choices=langs, help="language of the messages and reports")
    audit.add_argument("--fail-on", choices=levels,
                       help="lowest severity that fails the run (default: config, else error)")
    cache = sub.add_parser("cache", help="manage the audit's result cache")
    cache.add_argument("action", choices=("clear",))
    cache.add_argument("--cache-dir", metavar="DIR", help="the cache's folder")
