"""`soplint serve`: the page and its downloads through Starlette's test client, the way a
browser would use them (multipart uploads, links followed from the HTML)."""

from __future__ import annotations

import csv
import html
import io
import re
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

pytest.importorskip("starlette", reason="soplint[web] is not installed")

from starlette.testclient import TestClient

from soplint.annotate import AUTHOR
from soplint.cli import main
from soplint.web.app import SECURITY_HEADERS, create_app
from soplint.web.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
DEFECTS = FIXTURES / "permenpan_defects.docx"
ENGLISH = FIXTURES / "en_step_table.docx"


def _client(tmp_path: Path, **settings: object) -> Iterator[TestClient]:
    app = create_app(Settings(temp_root=tmp_path, **settings))  # type: ignore[arg-type]
    with TestClient(app) as client:
        yield client


@pytest.fixture
def temp_root(tmp_path: Path) -> Path:
    folder = tmp_path / "uploads"
    folder.mkdir()
    return folder


@pytest.fixture
def client(temp_root: Path) -> Iterator[TestClient]:
    yield from _client(temp_root)


def _post(client: TestClient, *paths: Path, names: tuple[str, ...] = (),
          part: bool = False) -> tuple[int, str]:
    files = [("documents", (names[i] if i < len(names) else p.name, p.read_bytes(),
                            "application/octet-stream")) for i, p in enumerate(paths)]
    response = client.post("/check?part=1" if part else "/check", files=files)
    return response.status_code, response.text


def _post_bytes(client: TestClient, name: str, data: bytes) -> tuple[int, str]:
    response = client.post("/check", files=[("documents", (name, data, "application/x"))])
    return response.status_code, response.text


def _codes(page: str) -> set[str]:
    return set(re.findall(r'href="/rule/([A-Z]+[0-9]+)\?lang=', page))


def _cli_error(tmp_path: Path, name: str, data: bytes,
               capsys: pytest.CaptureFixture[str], *options: str) -> str:
    """The line `soplint dump` prints for a file named `name` holding `data`."""
    path = tmp_path / name
    path.write_bytes(data)
    capsys.readouterr()
    assert main(["dump", str(path), *options]) == 2
    line = capsys.readouterr().err.strip()
    return line.replace(str(tmp_path) + "/", "")


def test_the_page_loads_nothing_from_elsewhere(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-security-policy"] == SECURITY_HEADERS[
        "content-security-policy"]
    assert "default-src 'none'" in page.headers["content-security-policy"]
    sources = re.findall(r'(?:src|href|action)="([^"]*)"', page.text)
    assert sources and all(s.startswith("/") for s in sources), sources
    for asset in ("/static/soplint.js", "/static/soplint.css"):
        served = client.get(asset)
        assert served.status_code == 200 and len(served.text) > 500
        assert "http://" not in served.text and "https://" not in served.text
        assert "@import" not in served.text and "url(" not in served.text


def test_the_page_speaks_the_browsers_language(client: TestClient) -> None:
    page = client.get("/", headers={"accept-language": "id-ID,id;q=0.9,en;q=0.8"}).text
    assert 'data-show="id"' in page
    assert "Pilih dokumen" in page
    assert 'data-show="en"' in client.get("/", headers={"accept-language": "fr"}).text


def test_an_sop_ap_upload_shows_its_findings_by_step_in_indonesian(
        client: TestClient) -> None:
    status, page = _post(client, DEFECTS)
    assert status == 200
    assert 'data-show="id"' in page  # the document is Indonesian: so is the page
    # defects planted in fixtures/specs/permenpan_defects.toml
    assert {"IDN001", "IDN002", "ACT003", "TIM001", "TIM002", "LNK001", "LNK002",
            "IO001", "VRB002"} <= _codes(page)
    assert "Pengiriman Surat Keluar" in page  # identity: the title
    assert "800/101/SOP/SETDA/2024" in page  # identity: Nomor SOP
    assert "Kepala Subbagian Tata Usaha" in page  # a role
    # grouped by step: step 5's group holds its vague time, step 9's its bad reference
    groups = re.split(r'<section class="group"', page)[1:]
    by_heading = {re.search(r'class="l-id">([^<]+)</span>', g).group(1): g  # type: ignore[union-attr]
                  for g in groups}
    assert "TIM002" in by_heading["Langkah 5"] and "LNK001" in by_heading["Langkah 9"]
    assert "TIM002" not in by_heading["Langkah 9"]
    assert "IDN001" in by_heading["Seluruh dokumen"]
    # a step's findings carry the step's ordinal, for the drawing's step-{ordinal}
    assert re.search(r'<li class="finding sev-warning" tabindex="0" data-ordinal="4">', page)
    # Indonesian words, with the English ones alongside for the switch
    assert "Waktu kabur" in page and "kesalahan" in page and "Temuan" in page
    assert "Vague time" in page and "Findings" in page


def test_the_flowchart_is_drawn_with_one_symbol_per_step(client: TestClient) -> None:
    _, page = _post(client, DEFECTS)
    flowchart = page[page.index('<div class="flowchart">'):page.index('<div class="findings">')]
    steps = re.findall(r'<g class="step[^"]*" id="step-(\d+)" data-ordinal="(\d+)"', flowchart)
    assert len(steps) == 10  # the spec's ten steps
    assert len(re.findall(r'class="symbol', flowchart)) == 10
    # every step with a finding in the list is a step of the drawing, marked as such
    ordinals = set(re.findall(r'<li class="finding[^"]*" tabindex="0" data-ordinal="(\d+)"',
                              page))
    assert ordinals and ordinals <= {o for _, o in steps}
    for ordinal in ordinals:
        assert re.search(rf'<g class="step has-findings" id="step-{ordinal}"', flowchart)


def test_the_score_and_the_evaluation_are_the_audits(client: TestClient) -> None:
    from soplint import check
    from soplint.audit.evaluation import evaluate

    report = check(DEFECTS)
    assert report.sop is not None
    expected = evaluate(report.sop, report.findings)
    _, page = _post(client, DEFECTS)
    table = page[page.index('<div class="evaluation">'):page.index('<div class="downloads">')]
    assert f'<span class="score-value">{expected.score}</span>' in table
    rows = re.findall(r'<tr class="answer-([a-z-]+)"><td><span lang="id" class="l-id">'
                      r'([^<]+)</span>.*?<td class="codes">(.*?)</td></tr>', table)
    assert [html.unescape(label) for _, label, _ in rows] == [
        q.label_id for q in expected.questions]
    answers = {html.unescape(label): (state, set(re.findall(r'>([A-Z]+\d+)</a>', codes)))
               for state, label, codes in rows}
    # planted in the fixture: a step without time and a vague time fail Keterukuran
    state, codes = answers["Keterukuran: Mutu Baku Waktu dengan angka dan satuan"]
    assert state == "no" and {"TIM001", "TIM002"} <= codes
    assert answers["Mampu mendorong peningkatan kinerja"] == ("unknown", set())
    assert "diisi penilai" in table and "Tidak" in table and "for the evaluator" in table


def test_an_english_document_opens_in_english(client: TestClient) -> None:
    status, page = _post(client, ENGLISH)
    assert status == 200 and 'data-show="en"' in page
    assert "IT Change Management Procedure" in page
    assert not _codes(page)  # the fixture is a clean SOP
    assert "No findings: this document passes" in page


def test_a_workbook_is_read_too_without_a_word_copy(client: TestClient) -> None:
    from tests.xlsx_build import FLOW_MERGES, Sheet, Sp, flowchart_rows, workbook

    steps = (("1", "Menerima berkas permohonan"), ("2", "Memproses berkas"),
             ("3", "Menandatangani surat izin"))
    shapes = (Sp(1, 2, 2, "flowChartTerminator"), Sp(2, 3, 3), Sp(3, 4, 2, "flowChartTerminator"),
              Sp(10, 2, 2, "bentConnector3", start=1, end=2),
              Sp(11, 3, 3, "bentConnector3", start=2, end=3))
    data = workbook(Sheet("Alur", flowchart_rows(steps), FLOW_MERGES, shapes))
    status, page = _post_bytes(client, "alur.xlsx", data)
    assert status == 200 and "<h2>alur.xlsx</h2>" in page
    assert "Menandatangani surat izin" in page
    assert "VRB001" in _codes(page)  # "Memproses": the vague verb planted above
    assert len(re.findall(r'<g class="step', page)) == 3
    assert "/annotated.docx" not in page and "/findings.csv" in page


def test_several_documents_in_one_upload(client: TestClient) -> None:
    status, page = _post(client, DEFECTS, ENGLISH)
    assert status == 200
    assert page.index("permenpan_defects.docx") < page.index("en_step_table.docx")
    assert page.count('<article class="document"') == 2


def test_the_part_for_the_script_is_the_results_only(client: TestClient) -> None:
    status, part = _post(client, DEFECTS, part=True)
    assert status == 200
    assert "<html" not in part and "<article class=\"document\"" in part


def test_an_upload_over_the_limit_is_refused(temp_root: Path) -> None:
    for client in _client(temp_root, max_upload=4096):
        status, page = _post(client, DEFECTS)
        assert status == 413
        assert "larger than 4 KB" in page and "lebih besar dari 4 KB" in page
        assert "IDN001" not in page
        assert DEFECTS.stat().st_size > 4096
    assert list(temp_root.iterdir()) == []


def test_too_many_documents_in_one_upload_are_refused(temp_root: Path) -> None:
    from soplint.web.uploads import MAX_FILES

    for client in _client(temp_root):
        files = [("documents", (f"{n}.docx", b"PK\x03\x04", "application/x"))
                 for n in range(MAX_FILES + 1)]
        response = client.post("/check", files=files)
        assert response.status_code == 413
        assert f"At most {MAX_FILES} documents" in response.text
        assert "<article" not in response.text
        assert _post(client, *[ENGLISH] * MAX_FILES)[0] == 200
    assert list(temp_root.iterdir()) == []


def test_a_body_sent_without_its_length_is_cut_at_the_limit(temp_root: Path) -> None:
    data = DEFECTS.read_bytes()
    boundary = "soplintboundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"documents\"; "
            f"filename=\"a.docx\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            ).encode() + data + f"\r\n--{boundary}--\r\n".encode()

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(body), 1024):
            yield body[start:start + 1024]

    for client in _client(temp_root, max_upload=8192):
        response = client.post("/check", content=chunks(),
                               headers={"content-type":
                                        f"multipart/form-data; boundary={boundary}"})
        assert response.status_code == 413
    assert list(temp_root.iterdir()) == []


@pytest.mark.parametrize(("name", "data"), [
    ("report.docx", b"%PDF-1.7\n%binary\n1 0 obj"),  # a PDF renamed
    ("notes.docx", b"just some text, no zip"),
    ("notes.txt", b"just some text"),
    ("empty.docx", b""),
])
def test_a_wrong_file_gets_the_clis_one_line_error(client: TestClient, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str],
                                                    name: str, data: bytes) -> None:
    expected = _cli_error(tmp_path, name, data, capsys)
    assert expected.startswith(f"soplint: {name}: ")
    status, page = _post_bytes(client, name, data)
    assert status == 200
    shown = re.search(r'<p class="error" role="alert">soplint: <span lang="id" '
                      r'class="l-id">[^<]*</span><span lang="en" class="l-en">([^<]*)</span>',
                      page)
    assert shown is not None, page
    assert "soplint: " + html.unescape(shown.group(1)) == expected


def _shown_error(page: str) -> str:
    shown = re.search(r'<p class="error" role="alert">soplint: <span lang="id" '
                      r'class="l-id">[^<]*</span><span lang="en" class="l-en">([^<]*)</span>',
                      page)
    assert shown is not None, page
    return "soplint: " + html.unescape(shown.group(1))


def test_an_indonesian_error_for_a_wrong_file(client: TestClient) -> None:
    _, page = _post_bytes(client, "laporan.docx", b"%PDF-1.7\n")
    assert "laporan.docx: berkas PDF, bukan .docx" in page


def test_several_users_at_once(client: TestClient) -> None:
    uploads = [DEFECTS, ENGLISH, FIXTURES / "id_narrative.docx",
               FIXTURES / "permenpan_vml.docx", DEFECTS, ENGLISH]
    titles = {DEFECTS: "Pengiriman Surat Keluar", ENGLISH: "IT Change Management Procedure",
              uploads[2]: "SOP Pelayanan Peminjaman Arsip Statis",
              uploads[3]: "Pelayanan Legalisir Fotokopi Ijazah"}
    alone = {p: _codes(_post(client, p)[1]) for p in set(uploads)}
    answers: dict[int, tuple[int, str]] = {}
    barrier = threading.Barrier(len(uploads))

    def user(index: int, path: Path) -> None:
        barrier.wait()
        answers[index] = _post(client, path, names=(f"user{index}-{path.name}",))

    threads = [threading.Thread(target=user, args=(i, p)) for i, p in enumerate(uploads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(answers) == len(uploads)
    for index, path in enumerate(uploads):
        status, page = answers[index]
        assert status == 200
        assert f"user{index}-{path.name}" in page
        assert page.count('<article class="document"') == 1
        assert f"<td>{titles[path]}</td>" in page  # each user sees their own document
        assert all(other == path or f"<td>{t}</td>" not in page for other, t in titles.items())
        assert _codes(page) == alone[path]


def _multipart(path: Path, name: str) -> tuple[bytes, str]:
    boundary = "soplint-test-boundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"documents\"; "
            f"filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            ).encode() + path.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def test_several_users_at_once_on_a_real_server(temp_root: Path) -> None:
    import http.client

    import uvicorn

    from soplint.web.command import free_port

    port = free_port("127.0.0.1")
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(temp_root=temp_root, keep=0)),
                                           host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    uploads = [DEFECTS, ENGLISH, DEFECTS, ENGLISH, DEFECTS]
    answers: dict[int, tuple[int, str]] = {}
    barrier = threading.Barrier(len(uploads))

    def user(index: int, path: Path) -> None:
        body, kind = _multipart(path, f"u{index}.docx")
        barrier.wait()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        connection.request("POST", "/check?part=1", body=body, headers={"content-type": kind})
        response = connection.getresponse()
        answers[index] = (response.status, response.read().decode("utf-8"))
        connection.close()

    try:
        threads = [threading.Thread(target=user, args=(i, p)) for i, p in enumerate(uploads)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
    finally:
        server.should_exit = True
        thread.join(timeout=60)
    assert sorted(answers) == list(range(len(uploads)))
    for index, path in enumerate(uploads):
        status, part = answers[index]
        assert status == 200 and f"<h2>u{index}.docx</h2>" in part
        assert ("TIM002" in part) == (path == DEFECTS)
    assert list(temp_root.iterdir()) == []


def test_help_does_not_load_the_web_stack() -> None:
    import subprocess
    import sys

    code = ("import sys, soplint.cli\n"
            "for args in (['--help'], ['serve', '--help']):\n"
            "    try:\n        soplint.cli.main(args)\n    except SystemExit:\n        pass\n"
            "print(' '.join(sorted(sys.modules)), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=300, check=False)
    loaded = set(done.stderr.split())
    assert "soplint.web.command" in loaded
    assert not {m for m in loaded if m.split(".")[0] in {"starlette", "uvicorn", "jinja2",
                                                          "anyio", "python_multipart",
                                                          "markdown_it"}}
    assert not {m for m in loaded if m.startswith("soplint.web.") and m != "soplint.web.command"}


def test_uploads_are_deleted_with_the_request_when_nothing_is_kept(temp_root: Path) -> None:
    for client in _client(temp_root, keep=0):
        status, page = _post(client, DEFECTS)
        assert status == 200 and "IDN001" in page
        assert "/annotated.docx" not in page
        assert list(temp_root.iterdir()) == []


def test_kept_uploads_live_in_a_private_folder_and_expire(temp_root: Path) -> None:
    for client in _client(temp_root, keep=0.5):
        _, page = _post(client, DEFECTS, ENGLISH,
                        names=("../../outside.docx", "C:\\x\\steps.docx"))
        assert "<h2>outside.docx</h2>" in page and "<h2>steps.docx</h2>" in page
        folders = list(temp_root.iterdir())
        assert len(folders) == 1
        assert stat.S_IMODE(folders[0].stat().st_mode) == 0o700
        # the Word copies are kept for their annotated download, under soplint's own names
        assert sorted(p.name for p in folders[0].iterdir()) == ["document-1.docx",
                                                                 "document-2.docx"]
        assert not (temp_root.parent / "outside.docx").exists()
        deadline = time.monotonic() + 10
        while folders[0].exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not folders[0].exists()


def test_a_hostile_file_name_is_only_text(client: TestClient) -> None:
    name = '<img src=x onerror=alert(1)>\r\nX-Evil: 1 "SOP".docx'
    _, page = _post(client, DEFECTS, names=(name,))
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;X-Evil: 1 &#34;SOP&#34;.docx" in page
    response = client.get(_link(page, "annotated.docx"))
    assert response.status_code == 200 and "x-evil" not in response.headers
    disposition = response.headers["content-disposition"]
    assert "\r" not in disposition and "\n" not in disposition and "<" not in disposition


def test_shutdown_deletes_what_was_kept(temp_root: Path) -> None:
    for client in _client(temp_root, keep=600):
        _post(client, DEFECTS)
        assert len(list(temp_root.iterdir())) == 1
    assert list(temp_root.iterdir()) == []


def test_kept_uploads_are_deleted_when_the_process_ends_without_a_shutdown(
        temp_root: Path) -> None:
    import subprocess
    import sys

    code = f"""
import sys
from pathlib import Path
from starlette.testclient import TestClient
from soplint.web.app import create_app
from soplint.web.settings import Settings
root = Path(sys.argv[1])
client = TestClient(create_app(Settings(temp_root=root)))  # no lifespan: no shutdown
data = Path({str(DEFECTS)!r}).read_bytes()
answer = client.post("/check", files={{"documents": ("a.docx", data)}})
assert answer.status_code == 200 and len(list(root.iterdir())) == 1
"""
    done = subprocess.run([sys.executable, "-c", code, str(temp_root)], capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert list(temp_root.iterdir()) == []


def _link(page: str, kind: str) -> str:
    found = re.search(rf'href="(/d/[^"]+/{kind}[^"]*)"', page)
    assert found is not None, f"no {kind} link"
    return html.unescape(found.group(1))


def test_the_annotated_copy_holds_the_findings_as_word_comments(client: TestClient) -> None:
    _, page = _post(client, DEFECTS)
    response = client.get(_link(page, "annotated.docx"))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert "permenpan_defects-soplint.docx" in response.headers["content-disposition"]
    document = docx.Document(io.BytesIO(response.content))
    comments = [c for c in document.comments if c.author == AUTHOR]
    codes = {c.text.split()[0] for c in comments}
    assert codes == _codes(page)
    assert len(comments) == page.count('<li class="finding ')
    assert any("Waktu kabur" in c.text for c in comments)  # the document's language


def test_the_csv_holds_one_row_per_finding_in_the_language_asked(client: TestClient) -> None:
    _, page = _post(client, DEFECTS)
    link = _link(page, "findings.csv").replace("lang=id", "lang=en")
    response = client.get(link)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == page.count('<li class="finding ')
    assert {r["code"] for r in rows} == _codes(page)
    assert {r["file"] for r in rows} == {"permenpan_defects.docx"}
    assert any(r["code"] == "TIM002" and r["message"].startswith("Vague time") for r in rows)
    indonesian = client.get(link.replace("lang=en", "lang=id")).content.decode("utf-8-sig")
    assert "Waktu kabur" in indonesian


def test_the_printable_page_has_every_finding_and_no_upload_form(client: TestClient) -> None:
    _, page = _post(client, DEFECTS)
    printable = client.get(_link(page, "print").replace("lang=en", "lang=id"))
    assert printable.status_code == 200
    assert 'data-show="id"' in printable.text
    assert _codes(printable.text) == _codes(page)
    assert 'id="upload"' not in printable.text and "/annotated.docx" not in printable.text


def test_a_download_after_it_expired_says_so(client: TestClient) -> None:
    response = client.get("/d/not-a-token/0/0/findings.csv")
    assert response.status_code == 404
    assert "no longer kept" in response.text


def test_each_rule_code_links_to_its_documentation(client: TestClient,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["rule", "TIM001", "--lang", "id"]) == 0
    printed = capsys.readouterr().out
    response = client.get("/rule/TIM001?lang=id")
    assert response.status_code == 200
    page = response.text
    assert html.escape(printed.splitlines()[0], quote=False) in page
    headings = re.findall(r"^## (.+)$", printed, re.MULTILINE)
    assert headings and all(f"<h2>{html.escape(h, quote=False)}</h2>" in page
                            for h in headings)
    assert client.get("/rule/NOPE999").status_code == 404


def test_a_document_over_its_time_limit_gets_the_clis_line(
        temp_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = _cli_error(tmp_path, DEFECTS.name, DEFECTS.read_bytes(), capsys,
                          "--timeout", "0.001")
    assert "time limit of 0.001 s" in expected
    for client in _client(temp_root, timeout=0.001):
        status, page = _post(client, DEFECTS)
        assert status == 200
        assert _shown_error(page) == expected
        assert "tidak selesai dibaca dan diperiksa dalam batas waktu" in page  # Indonesian
        assert "IDN001" not in page


def test_the_time_limit_interrupts_the_work_itself(temp_root: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from soplint.web import analysis

    rounds: list[int] = []

    def endless(*args: object, **kwargs: object) -> object:
        for n in range(500):  # 5 s of work, in small pieces
            time.sleep(0.01)
            rounds.append(n)
        raise AssertionError("not interrupted")

    monkeypatch.setattr(analysis, "load_all", endless)
    for client in _client(temp_root, timeout=0.3):
        start = time.monotonic()
        _, page = _post(client, DEFECTS)
        assert time.monotonic() - start < 4
        assert "within the time limit of 0.3 s" in page
        done = len(rounds)
        time.sleep(0.5)
        assert len(rounds) == done < 200  # stopped, not left running behind the page


def test_the_pages_words_are_in_both_catalogues() -> None:
    import tomllib

    def keys(lang: str) -> set[str]:
        table = tomllib.loads((ROOT / "soplint" / "web" / "i18n" / f"{lang}.toml").read_text(
            encoding="utf-8"))
        return {f"{section}.{key}" for section, entries in table.items() for key in entries}

    assert keys("id") == keys("en")
    sources = "".join(p.read_text(encoding="utf-8") for p in
                      (*(ROOT / "soplint" / "web" / "templates").glob("*.html"),
                       *(ROOT / "soplint" / "web").glob("*.py")))
    used = set(re.findall(r"(?<![a-z_])say\(['\"]([a-z]+\.[a-z-]+)['\"]", sources))
    assert used and used <= keys("en"), used - keys("en")


def test_waiting_for_a_worker_does_not_count_against_the_time_limit(
        temp_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from soplint.web import app
    from soplint.web.analysis import Outcome

    running: list[int] = []
    most = [0]

    def slow_check(path: Path, name: str, config: object, seconds: float) -> Outcome:
        from soplint.timelimit import TimeLimit

        with TimeLimit(seconds):  # as check_upload keeps it
            running.append(1)
            most[0] = max(most[0], len(running))
            time.sleep(0.4)
            running.pop()
        return Outcome(name, path, error={"id": f"selesai {name}", "en": f"done {name}"})

    monkeypatch.setattr(app, "check_upload", slow_check)
    for client in _client(temp_root, workers=1, timeout=1.0):
        names = tuple(f"d{n}.docx" for n in range(4))
        status, page = _post(client, *[ENGLISH] * 4, names=names)  # 1.6 s, one at a time
        assert status == 200
        assert all(f"done {name}" in page for name in names), page
        assert "time limit" not in page
    assert most[0] == 1


def test_serve_listens_on_loopback_and_warns_for_other_hosts(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import uvicorn

    started: list[tuple[str, int]] = []
    opened: list[str] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, **_: started.append(
        (host, port)))
    monkeypatch.setattr("webbrowser.open", opened.append)
    assert main(["serve", "--no-browser"]) == 0
    out, err = capsys.readouterr()
    host, port = started[-1]
    assert host == "127.0.0.1" and port > 0
    assert f"http://127.0.0.1:{port}/" in out and "warning" not in err
    assert main(["serve", "--host", "0.0.0.0", "--port", "8765", "--no-browser"]) == 0
    out, err = capsys.readouterr()
    assert started[-1] == ("0.0.0.0", 8765)
    assert "warning" in err and "0.0.0.0" in err
    time.sleep(0.7)
    assert opened == []


def test_serve_on_a_port_in_use_is_one_line_and_exit_2(
        capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port), "--no-browser"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"soplint: cannot listen on http://127.0.0.1:{port}/: ")
    assert len(err.strip().splitlines()) == 1
