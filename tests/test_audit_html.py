"""The audit's HTML report: its structure (always), and as a browser shows it (Chromium)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html

from soplint.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DOCUMENTS = ("permenpan_defects.docx", "permenpan_two_tables.docx", "en_narrative.docx")
CHROMIUM = Path("/usr/bin/chromium")

pytest.importorskip("jinja2", reason="the HTML report needs the html extra (Jinja2)")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An audit of three fixtures with --html and --json; the folder holding both."""
    root = tmp_path_factory.mktemp("audit")
    (root / "set" / "keuangan").mkdir(parents=True)
    (root / "set" / "umum").mkdir(parents=True)
    for index, name in enumerate(DOCUMENTS):
        shutil.copy(FIXTURES / name, root / "set" / ("keuangan", "umum")[index % 2] / name)
    (root / "set" / "umum" / "clean.docx").write_bytes(b"not a zip")
    status = main(["audit", str(root / "set"), "-j", "1", "--html", str(root / "html"),
                   "--json", str(root / "audit.json"), "--results", str(root / "r.jsonl"),
                   "--cache-dir", str(root / "cache")])
    assert status == 2  # the broken file
    return root


def _json(report: Path) -> dict[str, dict[str, object]]:
    data = json.loads((report / "audit.json").read_text(encoding="utf-8"))
    return {Path(d["file"]).name: d for d in data["documents"]}


def _page(report: Path, name: str) -> html.HtmlElement:
    return html.fromstring((report / "html" / name).read_text(encoding="utf-8"))


def _document_page(report: Path, file: str) -> html.HtmlElement:
    index = _page(report, "index.html")
    link = next(a for a in index.cssselect("#document-table a") if a.text_content() == file)
    return _page(report, link.get("href"))


def test_the_index_holds_totals_histogram_rules_folders_and_every_document(
        report: Path) -> None:
    index = _page(report, "index.html")
    documents = _json(report)
    rows = index.cssselect("#document-table tbody tr")
    assert sorted(r.cssselect("a")[0].text_content() for r in rows) == sorted(documents)
    bins = index.cssselect("svg.histogram g.bin")
    assert len(bins) == 10
    assert sum(int(b.get("data-count")) for b in bins) == len(documents)
    broken = next(r for r in rows if "clean.docx" in r.text_content())
    assert "unreadable" in broken.get("class") and broken.get("data-clean") == "0"
    folders = [[td.text_content() for td in r.cssselect("td")]
               for r in index.cssselect("#folders tbody tr")]
    assert sorted(f[0] for f in folders) == ["keuangan", "umum"]
    assert [int(f[1]) for f in folders if f[0] == "umum"] == [2]
    assert [float(f[2]) for f in folders] == sorted(float(f[2]) for f in folders)
    codes = {r.cssselect("code")[0].text_content() for r in index.cssselect("#rules tbody tr")}
    found = {f["code"] for d in documents.values() for f in d["findings"]}  # type: ignore[attr-defined]
    assert codes == found
    assert index.cssselect("#filter") and index.cssselect("#hide-clean")
    for element in index.iter("link", "script", "a", "img"):
        target = element.get("href") or element.get("src") or ""
        assert "://" not in target, target  # nothing from the network
        if target and not target.startswith("#"):
            assert (report / "html" / target).is_file(), target


def test_a_document_page_holds_identity_evaluation_findings_and_its_flowchart(
        report: Path) -> None:
    documents = _json(report)
    record = documents["permenpan_defects.docx"]
    page = _document_page(report, "permenpan_defects.docx")
    assert page.cssselect("h1")[0].text_content() == record["summary"]["title"]  # type: ignore[index]
    questions = page.cssselect("#evaluation tbody tr")
    assert [q.get("data-key") for q in questions] == [
        q["key"] for q in record["evaluation"]["questions"]]  # type: ignore[index]
    assert f"{record['evaluation']['score']}" in page.cssselect(".score-badge")[0].text_content()  # type: ignore[index]
    rows = page.cssselect("#findings tbody tr")
    assert len(rows) == len(record["findings"])  # type: ignore[arg-type]
    steps = page.cssselect("#flowchart g.step")
    assert len(steps) == record["steps"]
    assert all(len(s.cssselect(".symbol")) == 1 for s in steps)
    marked = {s.get("data-ordinal") for s in steps if "has-findings" in s.get("class")}
    linked = {r.get("data-ordinal") for r in rows if r.get("data-ordinal") is not None}
    assert marked and marked <= linked
    for link in page.cssselect("#findings a[href^='#step-']"):
        assert page.get_element_by_id(link.get("href")[1:]) is not None


def test_an_unreadable_document_has_a_page_without_flowchart(report: Path) -> None:
    page = _document_page(report, "clean.docx")
    assert not page.cssselect("#flowchart")
    assert "SOP002" in page.cssselect("#findings")[0].text_content()
    assert "0" in page.cssselect(".score-badge")[0].text_content()


def _chromium(*args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", f"--user-data-dir={tmp / 'profile'}", *args],
        capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed "
                    "(apt-get install chromium)")
def test_chromium_renders_the_index_and_a_page_with_one_symbol_per_step(
        report: Path, tmp_path: Path) -> None:
    index = (report / "html" / "index.html").as_uri()
    shot = tmp_path / "index.png"
    _chromium("--window-size=1280,1600", f"--screenshot={shot}", index, tmp=tmp_path)
    assert shot.stat().st_size > 20_000
    dom = html.fromstring(_chromium("--dump-dom", index, tmp=tmp_path).stdout)
    rows = len(dom.cssselect("#document-table tbody tr"))
    assert dom.get_element_by_id("shown").text_content() == f"{rows} / {rows}"  # the script ran
    record = _json(report)["permenpan_defects.docx"]
    link = next(a for a in dom.cssselect("#document-table a")
                if a.text_content() == "permenpan_defects.docx")
    page = (report / "html" / link.get("href")).as_uri()
    shot = tmp_path / "page.png"
    _chromium("--window-size=1280,3000", f"--screenshot={shot}", page, tmp=tmp_path)
    assert shot.stat().st_size > 20_000
    rendered = html.fromstring(_chromium("--dump-dom", page, tmp=tmp_path).stdout)
    steps = rendered.cssselect("#flowchart g.step")
    assert len(steps) == record["steps"]
    assert [len(s.cssselect(".symbol")) for s in steps] == [1] * len(steps)
