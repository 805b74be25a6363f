"""Benchmark: how long `soplint serve` takes to show the findings of a 30-step SOP AP.

Target (issue 15): under 1 s after upload on this machine, once the language pipeline is
warm. The 30-step SOP AP is the one bench/check_speed.py generates, with a defect planted in
every fifth step (a vague time, an empty output, a vague verb) so that there are findings to
show; it is built in a temporary folder, nothing is written into the project. A real
server (uvicorn on a free loopback port) is started in this process and warmed by the app's
own warm-up and three uploads; then, each `--rounds` times:

  http      POST /check?part=1 of the document until the whole results HTML is received
            (what the page's script waits for), over loopback
  browser   in headless Chromium (when chromium and chromedriver are installed), from
            choosing the file to the findings on screen

    .venv/bin/python bench/web_latency.py [--rounds 7]
"""

from __future__ import annotations

import argparse
import http.client
import importlib.util
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

import uvicorn

from soplint.web.app import create_app
from soplint.web.command import free_port
from soplint.web.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 1.0
BOUNDARY = "soplint-bench-boundary"


DEFECTS = ({"time": "segera"}, {"output": ""}, {"text": "Memproses berkas usulan"})


def thirty_steps(folder: Path) -> Path:
    """Write the 30-step SOP AP with its planted defects into `folder`."""
    speed = _check_speed()
    build = speed._builder()
    spec = build.load_spec(ROOT / "fixtures" / "specs" / "permenpan_drawingml.toml")
    spec["steps"] = [speed._step(n, 30) for n in range(1, 31)]
    for n, step in enumerate(spec["steps"]):
        if n % 5 == 4:
            step.update(DEFECTS[n // 5 % len(DEFECTS)])
    path = folder / "permenpan_30_steps.docx"
    path.write_bytes(build.build(spec))
    return path


def _check_speed() -> ModuleType:
    """bench/check_speed.py, for its 30-step SOP AP."""
    spec = importlib.util.spec_from_file_location("check_speed", ROOT / "bench" /
                                                  "check_speed.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@contextmanager
def serving() -> Iterator[int]:
    """A `soplint serve` app on a free loopback port, until the block ends."""
    port = free_port("127.0.0.1")
    server = uvicorn.Server(uvicorn.Config(create_app(Settings()), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join()


def upload(port: int, path: Path) -> tuple[float, str]:
    """Seconds for one upload of `path` and the HTML answered."""
    body = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"documents\"; "
            f"filename=\"{path.name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            ).encode() + path.read_bytes() + f"\r\n--{BOUNDARY}--\r\n".encode()
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("POST", "/check?part=1", body=body, headers={
        "content-type": f"multipart/form-data; boundary={BOUNDARY}"})
    response = connection.getresponse()
    text = response.read().decode("utf-8")
    elapsed = time.perf_counter() - start
    connection.close()
    assert response.status == 200, response.status
    return elapsed, text


def in_browser(port: int, path: Path, rounds: int) -> list[float] | None:
    """Seconds from choosing the file to the findings shown, in headless Chromium."""
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and driver_path and importlib.util.find_spec("selenium")):
        return None
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    profile = tempfile.mkdtemp(prefix="soplint-bench-")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    times = []
    try:
        for _ in range(rounds):
            driver.get(f"http://127.0.0.1:{port}/")
            start = time.perf_counter()
            driver.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(path))
            deadline = start + 60
            while not driver.find_elements(By.CSS_SELECTOR, "article.document .findings"):
                assert time.perf_counter() < deadline, "no findings shown after 60 s"
                time.sleep(0.005)
            times.append(time.perf_counter() - start)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as tmp, serving() as port:
        thirty = thirty_steps(Path(tmp))
        first, _ = upload(port, thirty)
        for fixture in ("permenpan_defects.docx", "en_step_table.docx"):
            upload(port, ROOT / "fixtures" / fixture)
        runs = [upload(port, thirty) for _ in range(rounds)]
        html = runs[-1][1]
        findings = html.count('<li class="finding ')
        symbols = html.count('class="symbol')
        assert findings and symbols == 30, (findings, symbols)
        median = statistics.median(t for t, _ in runs)
        print(f"30-step SOP AP: {findings} findings, {symbols} flowchart symbols")
        print(f"  first upload (pipeline maybe still warming) {first * 1000:8.1f} ms")
        print(f"  http, warm: median of {rounds}          {median * 1000:8.1f} ms   "
              f"(target under {TARGET_S * 1000:.0f} ms: "
              f"{'met' if median < TARGET_S else 'NOT met'})")
        shown = in_browser(port, thirty, rounds)
        if shown is None:
            print("  browser: chromium, chromedriver or selenium is not installed",
                  file=sys.stderr)
        else:
            best = statistics.median(shown)
            print(f"  browser, warm: median of {rounds}       {best * 1000:8.1f} ms   "
                  f"(target under {TARGET_S * 1000:.0f} ms: "
                  f"{'met' if best < TARGET_S else 'NOT met'})")


if __name__ == "__main__":
    main()
