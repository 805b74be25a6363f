"""The drawn flowchart (`soplint.drawing`, `soplint draw`): one symbol per step in its
actor's lane, the symbol its kind calls for, one arrow per link with its branch label,
pages joined by off-page connectors, the steps with findings marked, text escaped."""

from __future__ import annotations

import math
import random
import subprocess
import sys
import xml.etree.ElementTree as ET
from itertools import pairwise
from pathlib import Path

import pytest

from soplint import load
from soplint.drawing import flowchart_pages, flowchart_svg
from soplint.findings import Finding
from soplint.model import Sop
from soplint.rule import Severity
from soplint.testing import make_sop, make_step

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NS = {"s": "http://www.w3.org/2000/svg"}


def _parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return root


def _classed(root: ET.Element, tag: str, css: str) -> list[ET.Element]:
    return [e for e in root.iter(f"{{{NS['s']}}}{tag}") if css in e.get("class", "").split()]


def _steps(root: ET.Element) -> list[ET.Element]:
    return _classed(root, "g", "step")


def _symbols(root: ET.Element) -> list[ET.Element]:
    return [e for e in root.iter() if "symbol" in e.get("class", "").split()]


def _box(symbol: ET.Element) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of a rect or polygon."""
    if symbol.tag.endswith("rect"):
        x, y = float(symbol.get("x", 0)), float(symbol.get("y", 0))
        return x, y, x + float(symbol.get("width", 0)), y + float(symbol.get("height", 0))
    points = [tuple(map(float, p.split(","))) for p in symbol.get("points", "").split()]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _finding(code: str, *, ordinal: int | None = None, step: str | None = None,
             message: str = "pesan", grouped: tuple[Finding, ...] = ()) -> Finding:
    return Finding(file="test.docx", code=code, name=code.lower(), category="flow",
                   severity=Severity.WARNING, message=message, step=step, ordinal=ordinal,
                   grouped=grouped)


def _flow() -> Sop:
    """Start, a process, a decision going back on Tidak, a process by two actors, end."""
    return make_sop([
        make_step("1", "Mengajukan permohonan", kind="start", actors=("Pemohon",),
                  links=[("2", "")]),
        make_step("2", "Memeriksa berkas", kind="decision", actors=("Staf",),
                  links=[("3", "Ya"), ("1", "Tidak")], time="10 menit",
                  inputs="Formulir", output="Berkas lengkap", note="Jika tidak lengkap"),
        make_step("3", "Menandatangani surat", actors=("Kepala", "Staf"),
                  links=[("4", "")]),
        make_step("4", "Menerima surat", kind="end", actors=("Pemohon",)),
    ], actors=("Pemohon", "Staf", "Kepala"))


def _long(count: int) -> Sop:
    actors = ("Staf", "Kasubbag", "Kabag")
    return make_sop([make_step(str(n), f"Kegiatan nomor {n}", actors=(actors[n % 3],),
                               kind="start" if n == 1 else "end" if n == count else "process",
                               links=[(str(n + 1), "")] if n < count else [])
                     for n in range(1, count + 1)], actors=actors)


def test_every_step_is_one_linkable_group_with_exactly_one_symbol() -> None:
    sop = _flow()
    root = _parse(flowchart_svg(sop))
    groups = _steps(root)
    assert [g.get("id") for g in groups] == ["step-0", "step-1", "step-2", "step-3"]
    assert [g.get("data-step") for g in groups] == ["1", "2", "3", "4"]
    assert [g.get("data-ordinal") for g in groups] == ["0", "1", "2", "3"]
    for group in groups:
        assert len(_symbols(group)) == 1
    assert len(_symbols(root)) == 4


def test_the_symbol_is_the_one_its_kind_calls_for() -> None:
    sop = make_sop([make_step("1", "a", kind="start"), make_step("2", "b"),
                    make_step("3", "c", kind="decision"), make_step("4", "d", kind="connector"),
                    make_step("5", "e", kind="end")])
    start, process, decision, connector, end = (_symbols(g)[0]
                                                for g in _steps(_parse(flowchart_svg(sop))))
    for capsule in (start, end):  # rounded to a half-height radius
        assert capsule.tag.endswith("rect")
        assert float(capsule.get("rx", 0)) == pytest.approx(float(capsule.get("height", 0)) / 2)
    assert process.tag.endswith("rect") and float(process.get("rx", 0)) == 0
    assert decision.tag.endswith("polygon") and len(decision.get("points", "").split()) == 4
    assert connector.tag.endswith("polygon") and len(connector.get("points", "").split()) == 5


def test_one_lane_per_actor_and_each_symbol_in_its_first_actors_lane() -> None:
    root = _parse(flowchart_svg(_flow()))
    lanes = {r.get("data-lane"): r for r in _classed(root, "rect", "lane")}
    assert list(lanes) == ["Pemohon", "Staf", "Kepala"]
    for group, actor in zip(_steps(root), ["Pemohon", "Staf", "Kepala", "Pemohon"],
                            strict=True):
        left, _, right, _ = _box(_symbols(group)[0])
        lane = lanes[actor]
        lane_left = float(lane.get("x", 0))
        assert lane_left < left < right < lane_left + float(lane.get("width", 0))
    shared = _steps(root)[2]  # Kepala and Staf: a dashed mark in Staf's lane
    also = _classed(shared, "rect", "also")
    assert len(also) == 1
    staf = lanes["Staf"]
    assert float(staf.get("x", 0)) < float(also[0].get("x", 0)) < float(
        staf.get("x", 0)) + float(staf.get("width", 0))


def test_an_actor_no_column_declares_gets_a_lane_of_its_own() -> None:
    sop = make_sop([make_step("1", "Menerima", actors=("Staf",)),
                    make_step("2", "Memeriksa", actors=("kepala  seksi",)),
                    make_step("3", "Menyetujui", actors=("Kepala Seksi",))],
                   actors=("Staf",))
    root = _parse(flowchart_svg(sop))
    assert [r.get("data-lane") for r in _classed(root, "rect", "lane")] == [
        "Staf", "kepala seksi"]  # one lane however the name is spaced or cased
    second, third = (_box(_symbols(g)[0]) for g in _steps(root)[1:])
    assert second[0] == third[0]


def test_a_step_without_an_actor_goes_in_a_visible_lane_of_its_own() -> None:
    sop = make_sop([make_step("1", "Menerima berkas", actors=("Staf",)),
                    make_step("2", "Berkas diperiksa", actors=())], actors=("Staf",))
    root = _parse(flowchart_svg(sop))
    lanes = _classed(root, "rect", "lane")
    assert [r.get("data-lane") for r in lanes] == ["Staf", "? (tanpa pelaksana)"]
    left, _, _, _ = _box(_symbols(_steps(root)[1])[0])
    assert left > float(lanes[1].get("x", 0))
    english = _parse(flowchart_svg(make_sop([make_step("1", "Check", actors=())],
                                            language="en", layout="table-steps")))
    assert [r.get("data-lane") for r in _classed(english, "rect", "lane")] == [
        "? (no performer)"]


def test_one_arrow_per_link_with_its_branch_label() -> None:
    sop = _flow()
    root = _parse(flowchart_svg(sop))
    arrows = _classed(root, "path", "arrow")
    assert len(arrows) == sum(len(s.links) for s in sop.steps) == 4
    assert all(a.get("marker-end", "").startswith("url(#") for a in arrows)
    labels = sorted(t.text or "" for t in _classed(root, "text", "arrow-label"))
    assert labels == ["Tidak", "Ya"]
    dashed = make_sop([make_step("1", "Memeriksa", kind="decision",
                                 links=[("2", "Ya", "connector"), ("1", "Tidak", "text")]),
                       make_step("2", "Selesai", kind="end")])
    drawn = _classed(_parse(flowchart_svg(dashed)), "path", "arrow")
    assert [(a.get("data-origin"), a.get("stroke-dasharray")) for a in drawn] == [
        ("connector", None), ("text", "5 3")]
    marker = root.find(".//s:defs/s:marker", NS)
    assert marker is not None and arrows[0].get("marker-end") == f"url(#{marker.get('id')})"


def _tangle() -> Sop:
    """Jumps forward and back across lanes, a step looping on itself, a decision whose
    two exits both jump, and a step by two actors."""
    return make_sop([
        make_step("1", "a", kind="start", actors=("A",), links=[("2", "")]),
        make_step("2", "b", kind="decision", actors=("B",), links=[("5", "Ya"), ("4", "Tidak")]),
        make_step("3", "c", actors=("C", "A"), links=[("3", ""), ("1", "")]),
        make_step("4", "d", actors=("A",), links=[("2", ""), ("6", "")]),
        make_step("5", "e", kind="decision", actors=("C",), links=[("1", "Ya"), ("3", "Tidak")]),
        make_step("6", "f", kind="end", actors=("B",)),
    ], actors=("A", "B", "C"))


def _inside(symbol: ET.Element, x: float, y: float) -> bool:
    """Whether (x, y) is inside the symbol's shape by more than a pixel."""
    left, top, right, bottom = _box(symbol)
    if not (left + 1 < x < right - 1 and top + 1 < y < bottom - 1):
        return False
    if symbol.tag.endswith("rect"):
        r = float(symbol.get("rx", 0))
        cx = min(max(x, left + r), right - r)
        cy = min(max(y, top + r), bottom - r)
        return r == 0 or math.hypot(x - cx, y - cy) < r - 1
    points = [tuple(map(float, p.split(","))) for p in symbol.get("points", "").split()]
    edges = list(zip(points, points[1:] + points[:1], strict=True))
    crossings = sum((y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1)
                    for (x1, y1), (x2, y2) in edges)
    def distance(a: tuple[float, ...], b: tuple[float, ...]) -> float:
        (x1, y1), (x2, y2) = a, b
        t = max(0.0, min(1.0, ((x - x1) * (x2 - x1) + (y - y1) * (y2 - y1))
                         / ((x2 - x1) ** 2 + (y2 - y1) ** 2)))
        return math.hypot(x - x1 - t * (x2 - x1), y - y1 - t * (y2 - y1))
    return crossings % 2 == 1 and min(distance(a, b) for a, b in edges) > 1


def test_arrows_never_run_through_a_symbol() -> None:
    for sop in (_flow(), _tangle(), load(FIXTURES / "permenpan_continued.docx"),
                load(FIXTURES / "permenpan_defects_flow.docx")):
        _assert_clear(_parse(flowchart_svg(sop, steps_per_page=100)), sop.title)


def _random_sop(seed: int) -> Sop:
    """A procedure of random steps, actors, kinds and links (some to no step)."""
    rng = random.Random(seed)
    actors = [f"Peran {n}" for n in range(rng.randint(1, 5))]
    count = rng.randint(1, 30)
    kinds = ["process", "process", "process", "decision", "start", "end", "connector"]
    steps = []
    for n in range(1, count + 1):
        targets = [str(rng.randint(1, count + 2)) for _ in range(rng.choice((0, 1, 1, 2, 3)))]
        steps.append(make_step(str(n), f"Kegiatan {n}", kind=rng.choice(kinds),
                               actors=rng.sample(actors, rng.randint(0, min(2, len(actors)))),
                               links=[(t, rng.choice(("", "Ya", "Tidak"))) for t in targets]))
    return make_sop(steps, actors=actors)


def _assert_clear(root: ET.Element, where: object) -> None:
    """No arrow of `root` runs through a symbol."""
    symbols = [(s, _box(s)) for s in _symbols(root)]
    for arrow in _classed(root, "path", "arrow") + _classed(root, "path", "continuation"):
        points = [tuple(map(float, p.strip("ML").split(","))) for p in arrow.get("d", "").split()]
        for (x1, y1), (x2, y2) in pairwise(points):
            near = [s for s, (left, top, right, bottom) in symbols
                    if min(x1, x2) < right and max(x1, x2) > left
                    and min(y1, y2) < bottom and max(y1, y2) > top]
            steps = int(max(abs(x2 - x1), abs(y2 - y1))) + 1
            for n in range(steps + 1):
                x, y = x1 + (x2 - x1) * n / steps, y1 + (y2 - y1) * n / steps
                assert not any(_inside(s, x, y) for s in near), (where, arrow.get("d"), (x, y))


def test_random_procedures_keep_every_step_and_link_across_pages() -> None:
    for seed in range(40):
        sop = _random_sop(seed)
        per_page = random.Random(seed).randint(1, 8)
        pages = [_parse(p) for p in flowchart_pages(sop, steps_per_page=per_page)]
        assert sum(len(_symbols(p)) for p in pages) == len(sop.steps), seed
        assert sum(len(_classed(p, "path", "arrow")) for p in pages) == sum(
            len(s.links) for s in sop.steps), seed
        for number, page in enumerate(pages, start=1):
            _assert_clear(page, (seed, number))
            for connector in _classed(page, "g", "connector"):  # each has its partner
                other = pages[int(connector.get("data-page", 0)) - 1]
                direction = "in" if connector.get("data-direction") == "out" else "out"
                partners = [(c.get("data-target"), c.get("data-page"))
                            for c in _classed(other, "g", "connector")
                            if c.get("data-direction") == direction]
                assert (connector.get("data-target"), str(number)) in partners, seed


def test_a_link_to_a_repeated_number_goes_to_the_nearest_step_so_numbered() -> None:
    numbers = ["1", "2", "3", "4", "1", "2", "3", "7", "7"]
    links = {3: [("3", "")], 7: [("7", "")]}  # "repeat step 3"; two rows numbered 7
    sop = make_sop([make_step(n, f"Kegiatan {i}", links=links.get(i, []))
                    for i, n in enumerate(numbers)])
    root = _parse(flowchart_svg(sop, steps_per_page=100))
    boxes = {g.get("data-ordinal"): _box(_symbols(g)[0]) for g in _steps(root)}
    ends = [tuple(map(float, a.get("d", "").split()[-1].strip("L").split(",")))
            for a in _classed(root, "path", "arrow")]
    assert len(ends) == 2
    for (x, y), ordinal in zip(ends, ("2", "8"), strict=True):
        left, top, right, bottom = boxes[ordinal]
        assert left - 1 <= x <= right + 1 and top - 1 <= y <= bottom + 1, ordinal


def test_a_link_to_a_missing_step_is_drawn_broken_not_dropped() -> None:
    sop = make_sop([make_step("1", "Menerima", links=[("9", "")]),
                    make_step("2", "Memeriksa", kind="decision", links=[("3", "Ya"),
                                                                         ("", "Tidak")]),
                    make_step("3", "Akhir")])
    root = _parse(flowchart_svg(sop))
    broken = _classed(root, "path", "broken")
    assert len(broken) == 2 and all("arrow" in b.get("class", "") for b in broken)
    assert sorted(t.text or "" for t in _classed(root, "text", "arrow-label")) == [
        "? 9", "Tidak ?", "Ya"]


def test_long_procedures_are_split_into_pages_joined_by_off_page_connectors() -> None:
    sop = _long(13)
    pages = [_parse(page) for page in flowchart_pages(sop, steps_per_page=5)]
    assert len(pages) == 3
    assert [len(_steps(p)) for p in pages] == [5, 5, 3]
    assert [len(_symbols(p)) for p in pages] == [5, 5, 3]
    first, second, third = ([(c.get("data-direction"), c.get("data-target"),
                              c.get("data-page")) for c in _classed(p, "g", "connector")]
                            for p in pages)
    assert first == [("out", "6", "2")]
    assert second == [("in", "6", "1"), ("out", "11", "3")]
    assert third == [("in", "11", "2")]
    connector = _classed(pages[0], "g", "connector")[0]
    shape = connector.find("s:polygon", NS)
    assert shape is not None and len(shape.get("points", "").split()) == 5
    texts = ["".join(t.itertext()) for t in connector.iter(f"{{{NS['s']}}}text")]
    assert texts == ["6", "hlm. 2"]
    assert sum(len(_classed(p, "path", "arrow")) for p in pages) == 12  # every link once
    assert [len(_classed(p, "path", "continuation")) for p in pages] == [0, 1, 1]
    stacked = _parse(flowchart_svg(sop, steps_per_page=5))
    assert len(_classed(stacked, "g", "page")) == 3 and len(_symbols(stacked)) == 13
    ids = [e.get("id") for e in stacked.iter() if e.get("id")]
    assert len(ids) == len(set(ids))  # one arrowhead marker, unique step ids


def test_a_link_back_to_an_earlier_page_leaves_and_enters_through_connectors() -> None:
    steps = [make_step(str(n), f"Kegiatan {n}", links=[(str(n + 1), "")]) for n in (1, 2, 3)]
    steps.append(make_step("4", "Memeriksa", kind="decision",
                           links=[("5", "Ya"), ("1", "Tidak")]))
    steps.append(make_step("5", "Selesai", kind="end"))
    pages = [_parse(p) for p in flowchart_pages(make_sop(steps), steps_per_page=3)]
    connectors = [[(c.get("data-direction"), c.get("data-target"))
                   for c in _classed(p, "g", "connector")] for p in pages]
    assert connectors == [[("out", "4"), ("in", "1")], [("in", "4"), ("out", "1")]]


def test_steps_with_findings_are_marked_and_say_which() -> None:
    sop = _flow()
    findings = [_finding("MB001", ordinal=1, message="Waktu kosong"),
                _finding("WRD002", step="3", message="Kata <samar> & kabur"),
                _finding("IDN001", message="dokumen"),
                _finding("SOP100", message="ringkasan",
                         grouped=(_finding("FLW003", ordinal=3, message="akhir"),))]
    groups = _steps(_parse(flowchart_svg(sop, findings)))
    marked = [g.get("data-step") for g in groups if "has-findings" in g.get("class", "")]
    assert marked == ["2", "3", "4"]
    titles = {g.get("data-step"): g.findtext("s:title", "", NS) for g in groups}
    assert "MB001: Waktu kosong" in titles["2"]
    assert "WRD002: Kata <samar> & kabur" in titles["3"]
    assert "FLW003: akhir" in titles["4"]
    assert "MB001" not in titles["1"] and "IDN001" not in "".join(titles.values())
    counts = {g.get("data-step"): "".join(c.itertext()) for g in groups
              for c in _classed(g, "g", "finding-count")}
    assert counts == {"2": "1", "3": "1", "4": "1"}
    red = _symbols(groups[1])[0].get("stroke")
    assert red != _symbols(groups[0])[0].get("stroke")


def test_text_is_escaped_and_wrapped_to_its_column() -> None:
    text = "Memeriksa <berkas> & menulis \"catatan\" " + "panjang " * 20
    sop = make_sop([make_step("1", text, inputs="A < B & C")], title="Uji <&>")
    svg = flowchart_svg(sop)
    assert "<berkas>" not in svg and "&lt;berkas&gt;" in svg
    root = _parse(svg)
    group = _steps(root)[0]
    spans = [s.text or "" for s in group.iter(f"{{{NS['s']}}}tspan")]
    whole = " ".join(" ".join(t.itertext()) for t in group.iter(f"{{{NS['s']}}}text"))
    assert "Memeriksa <berkas> & menulis \"catatan\"" in whole and "A < B & C" in whole
    assert len(spans) > 3 and max(len(s) for s in spans) <= 40
    assert root.findtext("s:title", "", NS) == "Uji <&>"


def test_characters_xml_cannot_hold_are_left_out() -> None:
    sop = make_sop([make_step("1", "Menerima\x0bberkas\x07 \ud800 lengkap",
                              actors=("St\x01af",), note="a\x00b")], title="SOP\x0c")
    root = _parse(flowchart_svg(sop))
    texts = " ".join(t for e in root.iter() for t in (e.text or "", *e.attrib.values()))
    assert "Menerima berkas" in texts and "lengkap" in texts and "St af" in texts


def test_headers_are_in_the_documents_language() -> None:
    indonesian = flowchart_svg(_flow())
    for word in ("Kegiatan", "Pelaksana", "Mutu Baku", "Kelengkapan", "Waktu", "Keterangan"):
        assert f">{word}<" in indonesian
    english = flowchart_svg(make_sop([make_step("1", "Check the label")], language="en",
                                     layout="table-steps"))
    for word in ("Activity", "Performer", "Requirements", "Time", "Output", "Notes"):
        assert f">{word}<" in english
    assert ">Pelaksana<" not in english


def test_real_documents_of_every_layout_draw_one_symbol_per_step() -> None:
    for name in ("permenpan_drawingml.docx", "permenpan_continued.docx",
                 "permenpan_defects_flow.docx", "en_step_table.docx", "en_narrative.docx",
                 "id_narrative.docx"):
        sop = load(FIXTURES / name)
        root = _parse(flowchart_svg(sop))
        assert len(_symbols(root)) == len(sop.steps) > 0, name
        assert len(_classed(root, "path", "arrow")) == sum(len(s.links) for s in sop.steps)
        lanes = [r.get("data-lane") for r in _classed(root, "rect", "lane")]
        assert lanes[:len(sop.actors)] == [a.name for a in sop.actors], name
        assert not any(e.get("href") or e.get("{http://www.w3.org/1999/xlink}href")
                       for e in root.iter())  # nothing fetched from elsewhere


def test_a_document_without_steps_is_one_empty_grid() -> None:
    pages = flowchart_pages(make_sop([], language="en", layout="unknown"))
    assert len(pages) == 1
    root = _parse(pages[0])
    assert not _symbols(root) and not _steps(root)
    assert ">Activity<" in pages[0] and root.find(".//s:defs/s:marker", NS) is not None


def test_steps_per_page_must_be_positive() -> None:
    with pytest.raises(ValueError, match="steps_per_page"):
        flowchart_pages(_flow(), steps_per_page=0)


def _soplint(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "soplint", *args], capture_output=True,
                          text=True, timeout=300, check=False)


def test_draw_writes_the_svg_with_the_findings_marked(tmp_path: Path) -> None:
    target = tmp_path / "flow.svg"
    done = _soplint("draw", str(FIXTURES / "permenpan_defects.docx"), "-o", str(target))
    assert done.returncode == 0, done.stderr
    root = _parse(target.read_text(encoding="utf-8"))
    sop = load(FIXTURES / "permenpan_defects.docx")
    assert len(_symbols(root)) == len(sop.steps)
    assert any("has-findings" in g.get("class", "") for g in _steps(root))
    printed = _soplint("draw", str(FIXTURES / "en_step_table.docx"), "--no-findings")
    assert printed.returncode == 0 and _parse(printed.stdout) is not None


def test_draw_refuses_bad_input_and_never_writes_over_a_document(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    done = _soplint("draw", str(broken), "-o", str(tmp_path / "out.svg"))
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert "broken.docx" in done.stderr and not (tmp_path / "out.svg").exists()
    source = tmp_path / "flow.docx"
    source.write_bytes((FIXTURES / "permenpan_drawingml.docx").read_bytes())
    for target in (source, tmp_path / "flow.pdf"):
        done = _soplint("draw", str(source), "-o", str(target))
        assert done.returncode == 2 and "Traceback" not in done.stderr
    assert source.read_bytes() == (FIXTURES / "permenpan_drawingml.docx").read_bytes()
    done = _soplint("draw", str(source), "--sop", "2", "--no-findings")
    assert done.returncode == 2 and "holds 1 SOP" in done.stderr and not done.stdout
    same = tmp_path / "flow.svg"
    same.write_text("<svg/>", encoding="utf-8")
    done = _soplint("draw", str(same), "-o", str(same))
    assert done.returncode == 2 and "refusing to write over the input" in done.stderr
    assert same.read_text(encoding="utf-8") == "<svg/>"
