"""`kg report`: the real CLI on the project's examples, then the page opened in headless Chromium.

Chromium is required, not optional: CI installs it (.ci/run), and a missing browser fails
with the command that installs it rather than skipping the rendering checks unnoticed.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from conftest import run_kg
from kg.report.svg_map import POINT_COLOUR
from kg.report.svg_network import NODE_COLOUR

PLACES = ["الرقة", "رأس العين", "تل أبيض", "بغداد", "الحديدة"]
ACTORS = ["قوات سوريا الديمقراطية", "تركيا", "جماعة الحوثي", "السعودية", "التحالف العربي"]


@pytest.fixture(scope="module")
def report(tmp_path_factory, example_store) -> Path:
    tmp = tmp_path_factory.mktemp("report")
    r = run_kg("report", "--store", example_store, "--out", tmp / "report.html")
    assert r.returncode == 0, r.stderr
    return tmp / "report.html"


class SvgContents(HTMLParser):
    """Circles and text of each <svg id=...>, and every element's lang/dir."""

    def __init__(self):
        super().__init__()
        self.svg: str | None = None
        self.circles: dict[str, int] = {}
        self.texts: dict[str, list[str]] = {}
        self.rtl_arabic: list[str] = []  # tags marked lang="ar" with a right-to-left direction
        self._in_text = self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg":
            self.svg = a.get("id")
            self.circles[self.svg], self.texts[self.svg] = 0, []
        elif tag == "circle" and self.svg:
            self.circles[self.svg] += 1
        elif tag == "text" and self.svg:
            self._in_text = True
            self.texts[self.svg].append("")
        elif tag == "title":
            self._in_title = True
        if a.get("lang") == "ar" and "rtl" in (a.get("dir"), a.get("direction")):
            self.rtl_arabic.append(tag)

    def handle_endtag(self, tag):
        if tag == "svg":
            self.svg = None
        elif tag == "text":
            self._in_text = False
        elif tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_text and not self._in_title and self.svg:  # a tooltip is not the label
            self.texts[self.svg][-1] += data


def parse(html: str) -> SvgContents:
    p = SvgContents()
    p.feed(html)
    return p


def test_report_is_self_contained(report):
    html = report.read_text(encoding="utf-8")
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.IGNORECASE)
    assert not re.search(r"url\((?!#)|@import|<script|<link", html, re.IGNORECASE)  # url(#id) is in-page


def test_report_holds_arabic_labels_right_to_left(report):
    page = parse(report.read_text(encoding="utf-8"))
    assert set(PLACES) <= set(page.texts["map"])
    assert set(ACTORS) <= set(page.texts["network"])
    assert page.circles["map"] == 10  # every place in the examples has coordinates
    assert "td" in page.rtl_arabic and "text" in page.rtl_arabic


def test_report_counts_and_tables(report):
    html = report.read_text(encoding="utf-8")
    for n, what in ((4, "documents"), (3, "accusations"), (5, "attacks"), (9, "casualty figures")):
        assert f"<li><b>{n}</b>{what}</li>" in html
    assert '<td lang="ar" dir="rtl">جماعة الحوثي</td><td lang="ar" dir="rtl">السعودية</td>' in html
    assert '<td class="num">200</td><td>displaced</td><td>approximate</td>' in html



def test_the_same_store_draws_the_same_report(report, example_store, tmp_path):
    """Another process (another string-hash seed) lays the network out the same way."""
    again = tmp_path / "again.html"
    r = subprocess.run([sys.executable, "-m", "kg.cli", "report", "--store", str(example_store), "--out", str(again)],
                       capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "12345"})
    assert r.returncode == 0, r.stderr
    assert again.read_text(encoding="utf-8") == report.read_text(encoding="utf-8")


def test_report_of_an_empty_store_says_so():
    from kg.report import render_report
    from kg.store import Store

    html = render_report(Store())
    assert "no places with coordinates" in html and "no accusations or attacks between actors" in html
    assert "<li><b>0</b>documents</li>" in html

def chromium(*args: str, user_data: Path) -> subprocess.CompletedProcess:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    assert exe, "Chromium is not installed: `apt-get install -y chromium` (as .ci/run does)"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={user_data}"]
    return subprocess.run([exe, *flags, *args], capture_output=True, text=True, timeout=120)


def drawn(img: Image.Image, hex_colour: str) -> tuple[int, int]:
    """How many pixels have exactly this colour, and how far apart they spread (pixels)."""
    rgb = [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]
    ys, xs = np.nonzero((np.asarray(img.convert("RGB")) == rgb).all(axis=2))
    if not len(xs):
        return 0, 0
    return len(xs), int(max(xs.max() - xs.min(), ys.max() - ys.min()))


def test_report_renders_in_chromium(report, tmp_path):
    url = report.resolve().as_uri()
    # The DOM as the browser built it: both pictures are there, with their Arabic labels.
    dom = chromium("--dump-dom", url, user_data=tmp_path / "profile")
    assert dom.returncode == 0, dom.stderr[-2000:]
    page = parse(dom.stdout)
    assert page.circles["map"] == 10 and page.circles["network"] == 7  # actors who accuse, attack or are
    assert set(ACTORS) <= set(page.texts["network"])

    shot = tmp_path / "report.png"
    r = chromium(f"--screenshot={shot}", "--window-size=1280,2000", "--enable-logging=stderr", "--v=0", url,
                 user_data=tmp_path / "profile")
    assert r.returncode == 0 and shot.exists(), r.stderr[-2000:]
    # The page has no script, so any console message (an error, a blocked load) is a fault.
    console = [line for line in r.stderr.splitlines() if ":CONSOLE" in line]
    assert not console, console

    img = Image.open(shot)
    assert img.size == (1280, 2000)
    assert len(img.convert("RGB").getcolors(maxcolors=1 << 20)) > 50  # not a blank page
    for colour in (POINT_COLOUR, NODE_COLOUR):  # map points, network nodes
        count, spread = drawn(img, colour)
        assert count > 300 and spread > 150, (colour, count, spread)  # several shapes, spread out
