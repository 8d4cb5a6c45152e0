"""The places on a plain longitude/latitude map, as inline SVG.

There is no base map: tiles or coastlines would have to come from the network. A
graticule with degree labels gives the points their geography instead.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from kg.report.svg import Box, label_width, overlaps, text

WIDTH, HEIGHT, MARGIN = 620, 460, 36
POINT_COLOUR = "#1b9e77"  # the report test finds the map by this colour in the screenshot


@dataclass
class Place:
    label: str
    label_en: str | None
    lat: float
    lon: float
    events: int


def _nice_step(extent: float) -> float:
    """A graticule step giving about 3 to 8 lines across ``extent`` degrees."""
    for step in (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30):
        if extent / step <= 8:
            return step
    return 45


def map_svg(places: list[Place]) -> str:
    if not places:
        return f'<svg id="map" viewBox="0 0 {WIDTH} 80" role="img"><text x="20" y="40">no places with coordinates</text></svg>'
    lats = [p.lat for p in places]
    lons = [p.lon for p in places]
    # Pad the box, and keep it at least 2 degrees wide so a single place is not a corner.
    lat0, lat1 = min(lats) - 1, max(lats) + 1
    lon0, lon1 = min(lons) - 1, max(lons) + 1
    # Equirectangular, with longitude shrunk by cos(latitude) so shapes are not stretched.
    kx = math.cos(math.radians((lat0 + lat1) / 2))
    scale = min((WIDTH - 2 * MARGIN) / ((lon1 - lon0) * kx), (HEIGHT - 2 * MARGIN) / (lat1 - lat0))
    cx = (WIDTH - (lon1 - lon0) * kx * scale) / 2
    cy = (HEIGHT - (lat1 - lat0) * scale) / 2

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return cx + (lon - lon0) * kx * scale, HEIGHT - cy - (lat - lat0) * scale

    parts = [f'<svg id="map" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="map of the places">',
             f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#f4f8fb"/>']
    step = _nice_step(max(lat1 - lat0, lon1 - lon0))
    lon = math.ceil(lon0 / step) * step
    while lon <= lon1:
        x, _ = xy(lat0, lon)
        parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{HEIGHT}" class="grid"/>')
        parts.append(text(x, HEIGHT - 6, f"{abs(lon):g}°{'E' if lon >= 0 else 'W'}", size=10, css_class="axis"))
        lon += step
    lat = math.ceil(lat0 / step) * step
    while lat <= lat1:
        _, y = xy(lat, lon0)
        parts.append(f'<line x1="0" y1="{y:.1f}" x2="{WIDTH}" y2="{y:.1f}" class="grid"/>')
        parts.append(text(4, y - 3, f"{abs(lat):g}°{'N' if lat >= 0 else 'S'}", size=10, anchor="start",
                          css_class="axis"))
        lat += step

    # Busiest places first: they get the first pick of label positions.
    points = [(p, *xy(p.lat, p.lon), 4 + 2.5 * math.sqrt(p.events))
              for p in sorted(places, key=lambda p: (-p.events, p.label))]
    placed: list[Box] = []
    for p, x, y, r in points:
        tip = f"{p.label} ({p.label_en}): {p.events} event(s)" if p.label_en else f"{p.label}: {p.events} event(s)"
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{POINT_COLOUR}" '
                     f'stroke="#fff"><title>{escape(tip)}</title></circle>')
        placed.append((x - r, y - r, x + r, y + r))
    for p, x, y, r in points:
        w, h = label_width(p.label, 13), 15
        # Right, left, above, below the point, then further out: the first free spot wins.
        for dx, dy, anchor in ((r + 3, 4, "start"), (-r - 3, 4, "end"), (0, -r - 4, "middle"),
                               (0, r + 14, "middle"), (r + 3, 18, "start"), (-r - 3, -12, "end")):
            lx, ly = x + dx, y + dy
            left = {"start": lx, "end": lx - w, "middle": lx - w / 2}[anchor]
            box = (left, ly - h + 3, left + w, ly + 3)
            if not overlaps(box, placed):
                break
        placed.append(box)
        parts.append(text(lx, ly, p.label, size=13, anchor=anchor))
    parts.append("</svg>")
    return "\n".join(parts)
