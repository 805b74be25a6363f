"""`soplint serve` in a real browser: Debian's headless Chromium, driven by Selenium through
Debian's chromedriver (nothing is downloaded at run time), against a server on 127.0.0.1.

Skips with a reason where chromium, chromedriver, selenium or the web extra is missing."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest

from soplint.annotate import AUTHOR

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "permenpan_defects.docx"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1400,1000")
WAIT = 60.0

if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
    pytest.skip("chromium and chromium-driver are not installed (apt-get install -y chromium "
                "chromium-driver)", allow_module_level=True)
pytest.importorskip("selenium", reason="selenium is not installed (the test extra)")
pytest.importorskip("uvicorn", reason="soplint[web] is not installed")

import uvicorn  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.wait import WebDriverWait  # noqa: E402

from soplint.web.app import create_app  # noqa: E402
from soplint.web.command import address, free_port  # noqa: E402
from soplint.web.settings import Settings  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The page served on a free loopback port, for this module's tests."""
    port = free_port("127.0.0.1")
    app = create_app(Settings(temp_root=tmp_path_factory.mktemp("uploads")))
    running = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                            log_level="warning"))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + WAIT
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.started, "the server did not start"
    yield address("127.0.0.1", port)
    running.should_exit = True
    thread.join(timeout=WAIT)


@pytest.fixture
def browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Headless Chromium, downloading into tmp_path/downloads."""
    monkeypatch.setenv("SE_OFFLINE", "true")  # Selenium Manager: fetch no driver or browser
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads), "download.prompt_for_download": False})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.execute_cdp_cmd("Page.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    try:
        yield driver
    finally:
        driver.quit()


def _wait(driver: Any, condition: Any) -> Any:
    return WebDriverWait(driver, WAIT).until(lambda d: condition(d))


def test_a_drafter_checks_an_sop_ap_and_downloads_the_commented_copy(server: str,
                                                                     browser: Any) -> None:
    browser.get(server)
    assert browser.find_element(By.CSS_SELECTOR, "header .brand").text == "soplint"
    browser.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(FIXTURE))
    findings = _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "li.finding"))
    shown_codes = {f.find_element(By.CSS_SELECTOR, "a.code.l-id").text for f in findings}
    # defects planted in fixtures/specs/permenpan_defects.toml
    assert {"IDN001", "TIM001", "TIM002", "LNK001", "LNK002"} <= shown_codes
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("data-show") == "id"

    # the flowchart: one symbol per step of the fixture's ten
    steps = browser.find_elements(By.CSS_SELECTOR, ".flowchart g.step")
    assert len(steps) == 10
    assert all(len(s.find_elements(By.CSS_SELECTOR, ".symbol")) == 1 for s in steps)
    assert len(browser.find_elements(By.CSS_SELECTOR, ".flowchart .symbol")) == 10

    # a step's finding clicked: its step lit in the drawing, and only that one
    vague_time = next(f for f in findings if "TIM002" in f.text)
    ordinal = vague_time.get_attribute("data-ordinal")
    vague_time.click()
    assert "selected" in vague_time.get_attribute("class")
    lit = browser.find_elements(By.CSS_SELECTOR, ".flowchart g.step.highlight")
    assert [s.get_attribute("data-ordinal") for s in lit] == [ordinal]
    symbol = lit[0].find_element(By.CSS_SELECTOR, ".symbol")
    assert symbol.value_of_css_property("fill") == "rgb(255, 241, 184)"  # painted as lit
    group = vague_time.find_element(By.XPATH, "./ancestor::section[@class][1]")
    assert "selected" in group.get_attribute("class")
    assert group.get_attribute("data-ordinal") == ordinal

    # and the reverse: a step clicked in the drawing marks its findings
    other = next(s for s in steps if s.get_attribute("data-ordinal") == "8")  # step 9
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', "
                           "{bubbles: true}))", other)
    marked = browser.find_elements(By.CSS_SELECTOR, "li.finding.selected")
    assert marked and {m.get_attribute("data-ordinal") for m in marked} == {"8"}
    assert {"LNK001", "IO003"} <= {m.find_element(By.CSS_SELECTOR, "a.code.l-id").text
                                   for m in marked}
    assert "selected" not in vague_time.get_attribute("class")

    # the language switch shows the English words, hides the Indonesian ones
    message = vague_time.find_element(By.CSS_SELECTOR, ".message")
    assert message.text.startswith("Waktu kabur")
    browser.find_element(By.CSS_SELECTOR, "[data-set-lang=en]").click()
    assert message.text.startswith("Vague time")
    browser.find_element(By.CSS_SELECTOR, "[data-set-lang=id]").click()

    # the annotated copy, downloaded and opened in python-docx
    browser.find_element(By.CSS_SELECTOR, "a.annotated").click()
    done = _wait(browser, lambda d: [p for p in d.downloads.iterdir()
                                     if p.suffix == ".docx"])
    document = docx.Document(str(done[0]))
    comments = [c for c in document.comments if c.author == AUTHOR]
    assert {c.text.split()[0] for c in comments} == shown_codes
    assert len(comments) == len(findings)


DROP = """
const [name, base64] = arguments;
const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
const transfer = new DataTransfer();
transfer.items.add(new File([bytes], name));
const zone = document.getElementById("drop");
zone.dispatchEvent(new DragEvent("dragover", {bubbles: true, cancelable: true,
                                              dataTransfer: transfer}));
zone.dispatchEvent(new DragEvent("drop", {bubbles: true, cancelable: true,
                                          dataTransfer: transfer}));
"""


def test_documents_dropped_on_the_page_are_checked_one_by_one(server: str,
                                                              browser: Any) -> None:
    import base64

    english = FIXTURE.with_name("en_step_table.docx")
    browser.get(server)
    for path in (FIXTURE, english):
        browser.execute_script(DROP, path.name, base64.b64encode(path.read_bytes()).decode())
    documents = _wait(browser, lambda d: len(d.find_elements(
        By.CSS_SELECTOR, "article.document")) == 2 and d.find_elements(
        By.CSS_SELECTOR, "article.document"))
    names = sorted(d.find_element(By.TAG_NAME, "h2").text for d in documents)
    assert names == ["en_step_table.docx", "permenpan_defects.docx"]
    assert browser.find_elements(By.CSS_SELECTOR, ".pending") == []
