"""The HTML report in a real browser: headless Chromium, driven by selenium through
the chromedriver Debian ships with it (the two always match). One browser for the
module. Skipped when chromium, chromedriver or selenium is missing (.ci/run installs them).
"""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from newslint import batch, lint_text
from newslint.config import ConfigFinder, default_config
from newslint.files import Job
from newslint.report import Run
from newslint.report.html import render

from . import generated
from .conftest import REPO, SAMPLE_PAGE
from .html_dom import copy_of, example_files, shown

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="chromium and chromedriver are not installed")

# Every finding's text, gathered from the DOM the way an editor sees the marks.
COVERED = """
var out = {};
document.querySelectorAll('[data-f]').forEach(function (el) {
  el.getAttribute('data-f').split(' ').forEach(function (id) { out[id] = (out[id] || '') + el.textContent; });
});
return out;
"""


@pytest.fixture(scope="module")
def browser():
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def newslint(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newslint", *args], capture_output=True, text=True)


def open_page(browser, path: Path) -> dict:
    """Load a report; return what the page logged and fetched while loading."""
    browser.get_log("browser")
    browser.get_log("performance")
    started = time.perf_counter()
    browser.get(path.as_uri())
    browser.execute_script("return document.body.offsetHeight")  # layout done
    seconds = time.perf_counter() - started
    console = [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]
    requests = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requests.append(message["params"]["request"]["url"])
    return {"console": console, "requests": [url for url in requests if url != path.as_uri()], "seconds": seconds}


def report(tmp_path: Path, *paths: Path, extra: tuple[str, ...] = ()) -> Path:
    out = tmp_path / "report.html"
    result = newslint("check", "--format", "html", "--output-file", str(out), *extra, *map(str, paths))
    assert result.returncode in (0, 1), result.stderr
    return out


def expected_spans(paths: list[Path]) -> list[str]:
    spans = []
    for path in paths:
        text = copy_of(path)
        spans += [shown(text[f.offset : f.end_offset]) for f in lint_text(text, default_config(), path=str(path))]
    return spans


def assert_marked_exactly(browser, spans: list[str]) -> None:
    covered = browser.execute_script(COVERED)
    assert len(covered) == len(spans)
    wrong = [(n, covered.get(str(n)), span) for n, span in enumerate(spans) if covered.get(str(n)) != span]
    assert not wrong, wrong[:5]


def assert_quiet(loaded: dict) -> None:
    assert loaded["console"] == [], loaded["console"]
    assert loaded["requests"] == [], loaded["requests"]


def test_examples_open_with_every_finding_marked_exactly(browser, tmp_path):
    path = report(tmp_path, REPO / "examples")
    loaded = open_page(browser, path)
    assert_quiet(loaded)
    assert_marked_exactly(browser, expected_spans(example_files(REPO / "examples")))
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0


def test_crlf_and_astral_copy_is_marked_exactly(browser, tmp_path):
    copy = tmp_path / "crlf.txt"
    text = "## 𠮷城新闻\r\n\r\n本报4月8日讯 𠀀记者获悉,今年一季度，全市进出口1860亿元。。\r\n\r\n帮助企业抢抓订单订单。\r\n"
    copy.write_bytes(text.encode("utf-8"))
    loaded = open_page(browser, report(tmp_path, copy))
    assert_quiet(loaded)
    spans = expected_spans([copy])
    assert len(spans) >= 3
    assert_marked_exactly(browser, spans)


def test_the_qingdao_page_is_marked_exactly(browser, tmp_path):
    if not SAMPLE_PAGE.is_file():
        pytest.skip("the shared sample page is not beside this checkout")
    loaded = open_page(browser, report(tmp_path, SAMPLE_PAGE))
    assert_quiet(loaded)
    assert_marked_exactly(browser, expected_spans([SAMPLE_PAGE]))


def test_filters_hide_and_show_what_they_say(browser, tmp_path):
    open_page(browser, report(tmp_path, REPO / "examples" / "page-with-problems.txt"))
    findings = browser.execute_script("return newslintReport.findings")

    def marked() -> set[int]:
        """Ids with at least one segment still showing its mark (a background colour)."""
        return set(browser.execute_script("""
            var on = {};
            document.querySelectorAll('.m').forEach(function (el) {
              var colour = getComputedStyle(el).backgroundColor;
              if (colour !== 'rgba(0, 0, 0, 0)' || (el.classList.contains('z') && !el.classList.contains('off')))
                el.getAttribute('data-f').split(' ').forEach(function (id) { on[id] = true; });
            });
            return Object.keys(on).map(Number);"""))

    everything = {f["id"] for f in findings}
    assert marked() == everything
    for kind, value, key in (("family", "punct", "family"), ("severity", "error", "severity"), ("rule", "typo/doubled-word", "rule")):
        box = browser.find_element("css selector", f'input[data-filter="{kind}"][value="{value}"]')
        box.click()
        assert marked() == {f["id"] for f in findings if f[key] != value}, (kind, value)
        box.click()
        assert marked() == everything


def test_keys_move_between_findings_and_clicks_show_details(browser, tmp_path):
    open_page(browser, report(tmp_path, REPO / "examples" / "page-with-problems.txt"))
    body = browser.find_element("tag name", "body")
    body.send_keys("j")
    assert browser.execute_script("return newslintReport.current()") == 0
    body.send_keys("j")
    body.send_keys("n")
    assert browser.execute_script("return newslintReport.current()") == 2
    body.send_keys("k")
    assert browser.execute_script("return newslintReport.current()") == 1
    detail = browser.find_element("id", "detail")
    assert detail.is_displayed() and "number/" in detail.text or "duplicate/" in detail.text or "split/" in detail.text
    first = browser.find_element("css selector", '.m[data-f~="0"]')
    first.click()
    assert browser.execute_script("return newslintReport.current()") == 0
    # A finding with a related place: its button marks that place.
    related = browser.find_elements("css selector", "#detail button[data-related]")
    assert related, "the first finding of the page points at the total it disagrees with"
    related[0].click()
    assert browser.find_elements("css selector", ".rel.rel-on")
    body.send_keys("\ue00c")  # Escape
    assert not detail.is_displayed()


def png_pixels(png: bytes) -> list[tuple[int, ...]]:
    """The pixels of an 8-bit RGB or RGBA PNG, as Chromium writes screenshots (no Pillow needed)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, width = 8, b"", 0
    while position < len(png):
        length, kind = struct.unpack(">I4s", png[position : position + 8])
        chunk = png[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        position += 12 + length
    raw, stride, rows, previous = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up, corner = previous[x], previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                best = min((abs(p - left), 0, left), (abs(p - up), 1, up), (abs(p - corner), 2, corner))[2]
                line[x] = (line[x] + best) & 255
        rows.append(line)
        previous = line
    return [tuple(row[x : x + 3]) for row in rows for x in range(0, stride, channels)]


def test_screenshot_shows_styled_copy_and_marks(browser, tmp_path):
    open_page(browser, report(tmp_path, REPO / "examples" / "page-with-problems.txt"))
    pixels = png_pixels(browser.get_screenshot_as_png())
    colours = set(pixels)
    assert len(colours) > 50, "a blank or unstyled page"
    assert (0xFF, 0xC2, 0xC2) in colours, "no error mark's background on screen"
    assert (0x27, 0x31, 0x3B) in colours and (0xF4, 0xF1, 0xEA) in colours, "the header and page are not styled"


@pytest.fixture(scope="module")
def large_batch(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("batch")
    paths = []
    for number, text in enumerate(generated.batch(2_000_000)):
        paths.append(folder / f"page-{number:03d}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    return paths


def test_a_large_batch_opens_fast_with_every_finding_marked(browser, tmp_path, large_batch):
    """About 2 MB of pages and over 3,000 findings: linted as the CLI does (two workers), rendered, opened."""
    results = list(batch.run([str(p) for p in large_batch], ConfigFinder(None), Job(), jobs=2))
    started = time.perf_counter()
    page = render(Run(tuple(results)))
    rendered = time.perf_counter() - started
    path = tmp_path / "large.html"
    path.write_text(page, encoding="utf-8")
    loaded = open_page(browser, path)
    assert_quiet(loaded)
    spans = [shown(r.decoded.text[f.offset : f.end_offset]) for r in results for f in r.findings]
    assert len(spans) >= 3000
    assert_marked_exactly(browser, spans)
    started = time.perf_counter()
    for fraction in (0.25, 0.5, 0.75, 1):
        browser.execute_script(f"window.scrollTo(0, document.body.scrollHeight * {fraction}); return document.body.offsetHeight")
    scrolled = time.perf_counter() - started
    print(f"\nlarge batch: {sum(p.stat().st_size for p in large_batch) / 1e6:.2f} MB, {len(spans)} findings, "
          f"report {path.stat().st_size / 1e6:.2f} MB, rendered in {rendered:.2f} s, opened in {loaded['seconds']:.2f} s, "
          f"scrolled in four steps in {scrolled:.2f} s")
    assert loaded["seconds"] < 10 and scrolled < 3


def test_the_outline_page_opens_and_shows_every_article(browser, tmp_path):
    out = tmp_path / "outline.html"
    result = newslint("outline", "--format", "html", str(REPO / "examples" / "page-with-problems.txt"))
    out.write_text(result.stdout, encoding="utf-8")
    assert_quiet(open_page(browser, out))
    assert browser.execute_script("return document.querySelectorAll('.art').length") == 3
    label = browser.execute_script("return getComputedStyle(document.querySelector('.k-byline'), '::before').content")
    assert label == '"署名"'
