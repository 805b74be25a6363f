"""Benchmark: how much `soplint check` adds to `soplint.load`, and what spaCy costs to start.

Target (issue 3): once the language pipeline is warm, checking a 30-step SOP adds at most 50 %
to its load time. The 30-step SOP is a Permenpan SOP AP flowchart (DrawingML symbols, glued
connectors, two decisions) built in a temporary folder by the fixture builder from the
permenpan_drawingml spec; nothing is written into the project. Printed:

  start-up   import spaCy, then the first check (Indonesian and English pipelines and
             matchers built), each once, in this process
  30 steps   median load and median check of the generated SOP, and check/load
  documents  load and check of every corpus .docx and fixture (warm), and the totals

    .venv/bin/python bench/check_speed.py [--rounds 7]
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

import soplint
from soplint.checking import check_sop

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "files"
ACTORS = ["Pegawai", "Pengadministrasi Kepegawaian", "Kepala Subbidang Mutasi", "Kepala BKPSDM"]
DECISIONS = {10, 22}  # actors n % 4: the step before is left of a decision, the next right
ACTIVITIES = [
    "Menerima berkas usulan", "Mencatat berkas usulan pada buku agenda",
    "Memeriksa kelengkapan berkas usulan", "Menyusun konsep nota dinas",
    "Memaraf konsep nota dinas", "Menandatangani nota dinas", "Mengirim nota dinas ke bidang",
    "Memverifikasi data pegawai pada aplikasi SIMPEG", "Mencetak daftar usulan",
    "Menyusun rekapitulasi usulan", "Mengunggah rekapitulasi ke aplikasi SIMPEG",
    "Menyampaikan surat keputusan kepada pegawai",
]


def _builder() -> ModuleType:
    """fixtures/build.py, loaded by path (fixtures/ is not a package)."""
    spec = importlib.util.spec_from_file_location("fixture_build", ROOT / "fixtures" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses in the module look themselves up here
    spec.loader.exec_module(module)
    return module


def _step(n: int, last: int) -> dict[str, Any]:
    """Step `n` of a linear flow with two decisions (Tidak goes back one step, Ya on)."""
    kind = ("start" if n == 1 else "end" if n == last
            else "decision" if n in DECISIONS else "process")
    links = [] if n == last else [{"to": str(n + 1), "label": "Ya" if kind == "decision" else ""}]
    if kind == "decision":
        links.append({"to": str(n - 1), "label": "Tidak"})
    return {"n": str(n), "text": f"{ACTIVITIES[n % len(ACTIVITIES)]} tahap {n}",
            "actor": ACTORS[n % len(ACTORS)], "kind": kind, "inputs": "Berkas usulan",
            "time": f"{10 + n} menit", "output": f"Dokumen tahap {n}", "note": "", "links": links}


def thirty_step_sop(folder: Path) -> Path:
    """Write the generated 30-step SOP AP into `folder` and return its path."""
    build = _builder()
    spec = build.load_spec(ROOT / "fixtures" / "specs" / "permenpan_drawingml.toml")
    spec["steps"] = [_step(n, 30) for n in range(1, 31)]
    path = folder / "permenpan_30_steps.docx"
    path.write_bytes(build.build(spec))
    return path


def once_ms(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def median_ms(action: Callable[[], object], rounds: int) -> float:
    return statistics.median(once_ms(action) for _ in range(rounds))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as tmp:
        thirty = thirty_step_sop(Path(tmp))
        files = sorted(CORPUS.glob("*.docx")) + sorted((ROOT / "fixtures").glob("*.docx"))
        english = soplint.load(ROOT / "fixtures" / "en_step_table.docx")
        sop = soplint.load(thirty)
        assert len(sop.steps) == 30, f"the generated SOP has {len(sop.steps)} steps"

        print("start-up (once, cold)")
        for label, action in (("import spacy", lambda: __import__("spacy")),
                              ("first check, Indonesian (30 steps)", partial(check_sop, sop)),
                              ("first check, English", partial(check_sop, english))):
            print(f"  {label:36} {once_ms(action):8.1f} ms")

        for path in files:  # warm every rule and matcher on other documents first
            check_sop(soplint.load(path))
        load = median_ms(lambda: soplint.load(thirty), rounds)
        check = median_ms(lambda: check_sop(sop), rounds)
        print("\n30-step SOP AP (warm)")
        print(f"  load {load:.1f} ms   check {check:.1f} ms   check/load {check / load:.2f} "
              "(target: at most 0.50)")

        print(f"\n{'file':48} {'steps':>5} {'load':>8} {'check':>8} {'check/load':>10}")
        totals = [0.0, 0.0]
        for path in files:
            loaded = soplint.load(path)
            row = [median_ms(partial(soplint.load, path), rounds),
                   median_ms(partial(check_sop, loaded), rounds)]
            totals = [a + b for a, b in zip(totals, row, strict=True)]
            print(f"{path.name[:48]:48} {len(loaded.steps):5} {row[0]:8.1f} {row[1]:8.1f} "
                  f"{row[1] / row[0]:10.2f}")
        print(f"{'total (ms)':48} {'':5} {totals[0]:8.1f} {totals[1]:8.1f} "
              f"{totals[1] / totals[0]:10.2f}")


if __name__ == "__main__":
    main()
