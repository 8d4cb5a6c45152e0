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
    for n, what in ((4, "documents"), (4, "accusations"), (5, "attacks"), (9, "casualty figures")):
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
    assert page.circles["map"] == 10 and page.circles["network"] == 8  # actors who accuse, attack or are
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


# Crowded figures: labels that cannot all fit, to show that those drawn never collide.
VILLAGE_HEADS = ["تل", "عين", "دير", "كفر", "جسر", "بئر", "خربة", "رأس"]
VILLAGE_TAILS = ["الزيتون", "الحمام", "البيضاء", "السلطان", "العرب"]


def crowded_places(n: int = 40):
    """n places within 2 degrees of Aleppo, Arabic names and a few English ones."""
    import random

    from kg.report.svg_map import Place

    rnd = random.Random(11)
    names = [f"{h} {t}" for h in VILLAGE_HEADS for t in VILLAGE_TAILS][: n - 4] + [
        "Tell Rifaat", "Azaz", "Mare", "Sheikh Maqsoud"]
    return [Place(name, None, 36.2 + rnd.uniform(-1, 1), 37.15 + rnd.uniform(-1, 1), rnd.randint(1, 6))
            for name in names[:n]]


def crowded_network():
    """40 actors in one tangle: a ring with chords, accusations and attacks."""
    from kg.report.svg_network import Edge

    iris = [f"http://example.org/actor/a{i}" for i in range(40)]
    labels = {iri: f"{VILLAGE_HEADS[i % 8]} {VILLAGE_TAILS[i % 5]} {i}" for i, iri in enumerate(iris)}
    edges = [Edge(iris[i], iris[(i + 1) % 40], "attack", 1 + i % 3) for i in range(40)]
    edges += [Edge(iris[i], iris[(i * 7) % 40], "accusation", 1) for i in range(0, 40, 3) if (i * 7) % 40 != i]
    return edges, labels, iris


def svg_items(svg: str):
    """(the label texts as (x, y, text, anchor as the code meant it), the circles as (x, y, r, title))."""
    import xml.etree.ElementTree as ET

    from kg.report.svg import is_arabic

    root = ET.fromstring(svg)
    labels = []
    for t in root.iter("text"):
        if t.get("class") == "label":
            anchor = t.get("text-anchor")
            if is_arabic(t.text):  # text() swapped start and end for right-to-left labels
                anchor = {"start": "end", "end": "start"}.get(anchor, anchor)
            labels.append((float(t.get("x")), float(t.get("y")), t.text, anchor))
    circles = [(float(c.get("cx")), float(c.get("cy")), float(c.get("r")), c.findtext("title") or "")
               for c in root.iter("circle")]
    return labels, circles


def titled(title: str, name: str) -> bool:
    """Whether a point's hover title is that of the place or actor ``name``."""
    return title == name or title.startswith((f"{name}:", f"{name} ("))


def assert_labels_apart(svg: str, names: list[str], size: float = 13):
    from kg.report.svg import covers, distance, label_box, overlaps

    labels, circles = svg_items(svg)
    boxes = [label_box(x, y, name, size, anchor) for x, y, name, anchor in labels]
    for i, box in enumerate(boxes):
        assert not overlaps(box, boxes[:i]), labels[i]
        others = [c[:3] for c in circles if not titled(c[3], labels[i][2])]
        assert not covers(box, others), labels[i]
        # The label reads as its own point's: no other point is nearer to it.
        own = next(c for c in circles if titled(c[3], labels[i][2]))
        assert all(distance(box, x, y) >= distance(box, own[0], own[1]) - 3 for x, y, _ in others), labels[i]
    # Every name keeps its hover title; crowding left some out, the rest are drawn.
    assert all(any(titled(c[3], name) for c in circles) for name in names)
    drawn = {name for _, _, name, _ in labels}
    assert drawn < set(names) and len(drawn) >= 8, len(drawn)


def test_crowded_map_labels_never_overlap():
    from kg.report.svg_map import map_svg

    places = crowded_places()
    assert_labels_apart(map_svg(places), [p.label for p in places])


def test_crowded_network_labels_never_overlap():
    from kg.report.svg_network import network_svg

    edges, labels, iris = crowded_network()
    assert_labels_apart(network_svg(edges, labels, {}), [labels[i] for i in iris])


def inside(lon: float, lat: float, ring) -> bool:
    """Even-odd ray casting."""
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def test_the_shipped_outlines_are_read_and_drawn():
    import xml.etree.ElementTree as ET

    from kg.report.outlines import countries
    from kg.report.svg_map import HEIGHT, WIDTH, Place, map_svg

    by_name = {c.name: c for c in countries()}
    assert len(by_name) > 150
    for name, lon, lat in (("Syria", 36.29, 33.51), ("Iraq", 44.36, 33.31), ("Yemen", 44.21, 15.35)):
        assert any(inside(lon, lat, list(r)) for r in by_name[name].rings), name  # the capital is inside
    assert not any(inside(36.29, 33.51, list(r)) for r in by_name["Iraq"].rings)

    svg = map_svg([Place("الرقة", "Raqqa", 35.95, 39.01, 3), Place("الموصل", "Mosul", 36.34, 43.13, 2),
                   Place("دير الزور", "Deir ez-Zor", 35.34, 40.14, 1)])
    paths = {p.findtext("title"): p.get("d") for p in ET.fromstring(svg).iter("path")}
    assert {"Syria", "Iraq", "Turkey"} <= set(paths) and "Chile" not in paths and "Yemen" not in paths
    for d in paths.values():  # projected into the picture and cut to it
        numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", d)]
        assert all(-2.01 <= v <= WIDTH + 2.01 for v in numbers[0::2]), d[:80]
        assert all(-2.01 <= v <= HEIGHT + 2.01 for v in numbers[1::2]), d[:80]
    # Raqqa's point lies inside Syria's outline as drawn.
    raqqa = next(c for c in svg_items(svg)[1] if c[3].startswith("الرقة"))
    drawn = [[tuple(map(float, xy.split(","))) for xy in ring.split()] for ring in
             re.findall(r"M([^MZ]+)Z", paths["Syria"])]
    assert any(inside(raqqa[0], raqqa[1], r) for r in drawn)


def test_incidents_grow_with_the_death_toll():
    from kg.report.svg_map import INCIDENT_COLOUR, IncidentPoint, Place, map_svg

    incidents = [IncidentPoint("قصف الرقة", 35.95, 39.01, 120, 3),
                 IncidentPoint("تفجير منبج", 36.53, 37.95, 8, 1),
                 IncidentPoint("اشتباك", 36.0, 38.5, None, 2)]
    svg = map_svg([Place("الرقة", "Raqqa", 35.95, 39.01, 3)], incidents)
    _, circles = svg_items(svg)
    assert len(circles) == 4
    r = {title.split(":")[0]: radius for _, _, radius, title in circles}
    assert r["قصف الرقة"] > r["تفجير منبج"] > r["اشتباك"] > 0
    assert svg.count(INCIDENT_COLOUR) >= 3
    tips = [title for *_, title in circles]
    assert "قصف الرقة: up to 120 killed; 3 report(s)" in tips
    assert "اشتباك: no toll reported; 2 report(s)" in tips


MEASURE = """<pre id="measured"></pre><script>
// Test copy only: every label's box as Chromium draws it, against the other labels, the
// other text, the circles of other points and the edges of the picture.
const result = {};
const meet = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
for (const svg of document.querySelectorAll("svg[id]")) {
  const labels = [...svg.querySelectorAll("text.label")].map(t => [t.textContent, t.getBBox()]);
  const others = [...svg.querySelectorAll("text:not(.label)")].map(t => [t.textContent, t.getBBox()]);
  const circles = [...svg.querySelectorAll("circle")].map(c => [c.querySelector("title").textContent,
    c.cx.baseVal.value, c.cy.baseVal.value, c.r.baseVal.value]);
  const vb = svg.viewBox.baseVal, clashes = [];
  labels.forEach(([name, a], i) => {
    labels.slice(0, i).forEach(([other, b]) => meet(a, b) && clashes.push([name, other]));
    others.forEach(([other, b]) => meet(a, b) && clashes.push([name, other]));
    for (const [title, cx, cy, r] of circles) {
      if (title === name || title.startsWith(name + ":") || title.startsWith(name + " (")) continue;
      const dx = Math.min(Math.max(cx, a.x), a.x + a.width) - cx, dy = Math.min(Math.max(cy, a.y), a.y + a.height) - cy;
      if (dx * dx + dy * dy < r * r) clashes.push([name, "circle of " + title]);
    }
    if (a.x < 0 || a.y < 0 || a.x + a.width > vb.width || a.y + a.height > vb.height) clashes.push([name, "edge"]);
  });
  result[svg.id] = {labels: labels.length, clashes: clashes};
}
document.getElementById("measured").textContent = JSON.stringify(result);
</script>"""


def test_label_boxes_as_chromium_draws_them_never_meet(report, tmp_path):
    """The report's page and crowded figures in a test copy of it, with a script that measures
    each label's real box (getBBox) where the code could only estimate it."""
    import html
    import json

    from kg.report.svg_map import map_svg
    from kg.report.svg_network import network_svg

    edges, labels, _ = crowded_network()
    crowded = (map_svg(crowded_places()).replace('id="map"', 'id="map-crowded"', 1)
               + network_svg(edges, labels, {}).replace('id="network"', 'id="network-crowded"', 1))
    page = report.read_text(encoding="utf-8")
    assert "<script" not in page  # the report itself stays script-free
    copy = tmp_path / "measure.html"
    copy.write_text(page.replace("</body>", f'<div class="figures">{crowded}</div>{MEASURE}</body>'), encoding="utf-8")
    dom = chromium("--dump-dom", copy.as_uri(), user_data=tmp_path / "profile")
    assert dom.returncode == 0, dom.stderr[-2000:]
    measured = json.loads(html.unescape(re.search(r'<pre id="measured">(.*?)</pre>', dom.stdout, re.S).group(1)))
    assert set(measured) == {"map", "network", "map-crowded", "network-crowded"}
    for svg, m in measured.items():
        assert m["labels"] >= 5, (svg, m)
        assert not m["clashes"], (svg, m["clashes"])
