"""Country outlines under the report's map: Natural Earth 1:110m, shipped in data/.

The file (data/README.md says where it comes from) is read once per process. Only the
countries near the view are drawn, each ring projected and cut to the view, so that a map
of Syria does not carry Chile.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

OUTLINES = Path(__file__).parent / "data" / "countries-110m.json"

Point = tuple[float, float]


@dataclass(frozen=True)
class Country:
    name: str
    rings: tuple[tuple[Point, ...], ...]  # longitude, latitude; outer rings and holes alike
    bbox: tuple[float, float, float, float]  # west, south, east, north


@cache
def countries() -> tuple[Country, ...]:
    data = json.loads(OUTLINES.read_text(encoding="utf-8"))
    out = []
    for c in data["countries"]:
        rings = tuple(tuple(zip(r[0::2], r[1::2])) for r in c["rings"])
        lons = [p[0] for r in rings for p in r]
        lats = [p[1] for r in rings for p in r]
        out.append(Country(c["name"], rings, (min(lons), min(lats), max(lons), max(lats))))
    return tuple(out)


def clip(ring: list[Point], x0: float, y0: float, x1: float, y1: float) -> list[Point]:
    """The ring cut to the rectangle (Sutherland-Hodgman: one edge of the rectangle at a time).

    Where a country runs off the view the cut adds edges along the rectangle; the caller
    puts the rectangle just outside the view, so that those edges are not seen.
    """
    edges: list[tuple[Callable[[Point], bool], Callable[[Point, Point], Point]]] = [
        (lambda p: p[0] >= x0, lambda p, q: (x0, p[1] + (q[1] - p[1]) * (x0 - p[0]) / (q[0] - p[0]))),
        (lambda p: p[0] <= x1, lambda p, q: (x1, p[1] + (q[1] - p[1]) * (x1 - p[0]) / (q[0] - p[0]))),
        (lambda p: p[1] >= y0, lambda p, q: (p[0] + (q[0] - p[0]) * (y0 - p[1]) / (q[1] - p[1]), y0)),
        (lambda p: p[1] <= y1, lambda p, q: (p[0] + (q[0] - p[0]) * (y1 - p[1]) / (q[1] - p[1]), y1)),
    ]
    for inside, cross in edges:
        if not ring:
            break
        out = []
        for i, q in enumerate(ring):
            p = ring[i - 1]  # the ring is closed: the first point's predecessor is the last
            if inside(q):
                if not inside(p):
                    out.append(cross(p, q))
                out.append(q)
            elif inside(p):
                out.append(cross(p, q))
        ring = out
    return ring


def country_paths(project: Callable[[float, float], Point], window: tuple[float, float, float, float],
                  view: tuple[float, float, float, float]) -> list[tuple[str, str]]:
    """(name, SVG path data) of each country meeting ``window`` (west, south, east, north in
    degrees), projected by ``project(lat, lon)`` and cut to ``view`` (x0, y0, x1, y1)."""
    west, south, east, north = window
    paths = []
    for c in countries():
        w, s, e, n = c.bbox
        if e < west or w > east or n < south or s > north:
            continue
        rings = [clip([project(lat, lon) for lon, lat in ring], *view) for ring in c.rings]
        d = " ".join("M" + " ".join(f"{x:.1f},{y:.1f}" for x, y in r) + "Z" for r in rings if len(r) >= 3)
        if d:
            paths.append((c.name, d))
    return paths
