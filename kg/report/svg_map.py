"""The places, and incidents, on a map of country outlines, as inline SVG.

The outlines ship with kg (kg/report/data: Natural Earth, public domain), so the page
needs no tiles from the network. A light graticule with degree labels keeps the scale.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from kg.report.outlines import country_paths
from kg.report.svg import Box, Circle, label_box, overlaps, place_label, text

WIDTH, HEIGHT, MARGIN = 620, 460, 36
POINT_COLOUR = "#1b9e77"  # the report test finds the map by this colour in the screenshot
INCIDENT_COLOUR = "#d7301f"
LABEL_SIZE = 13
INCIDENT_R_MIN, INCIDENT_R_MAX = 5.0, 60.0


@dataclass
class Place:
    label: str
    label_en: str | None
    lat: float
    lon: float
    events: int


@dataclass
class IncidentPoint:
    """An incident (reports of one attack merged across documents) where it happened."""
    label: str
    lat: float
    lon: float
    killed_max: int | None  # the highest death toll reported; None when none was
    reports: int


def incident_radius(killed_max: int | None) -> float:
    """The area grows in step with the toll, from the smallest circle (no toll) up to a cap."""
    return min(math.sqrt(INCIDENT_R_MIN ** 2 + 2.25 * (killed_max or 0)), INCIDENT_R_MAX)


def _nice_step(extent: float) -> float:
    """A graticule step giving about 3 to 8 lines across ``extent`` degrees."""
    for step in (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30):
        if extent / step <= 8:
            return step
    return 45


def _multiples(step: float, low: float, high: float) -> list[float]:
    first = math.ceil(low / step)
    return [round(k * step, 6) for k in range(first, math.floor(high / step) + 1)]


def _axis_label(parts: list[str], taken: list[Box], x: float, y: float, degrees: str, anchor: str) -> None:
    """A degree label, where it fits in the picture and clear of the others."""
    box = label_box(x, y, degrees, 10, anchor)
    if box[0] >= 0 and box[1] >= 0 and box[2] <= WIDTH and box[3] <= HEIGHT and not overlaps(box, taken):
        parts.append(text(x, y, degrees, size=10, anchor=anchor, css_class="axis"))
        taken.append(box)


def map_svg(places: list[Place], incidents: Sequence[IncidentPoint] = ()) -> str:
    if not places and not incidents:
        return f'<svg id="map" viewBox="0 0 {WIDTH} 80" role="img"><text x="20" y="40">no places with coordinates</text></svg>'
    lats = [p.lat for p in [*places, *incidents]]
    lons = [p.lon for p in [*places, *incidents]]
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

    # The degrees the whole picture shows (wider than the places' box one way or the other).
    window = (lon0 - cx / (kx * scale), lat0 - cy / scale,
              lon0 + (WIDTH - cx) / (kx * scale), lat0 + (HEIGHT - cy) / scale)
    parts = [f'<svg id="map" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="map of the places">',
             f'<rect width="{WIDTH}" height="{HEIGHT}" class="sea"/>']
    # Cut a little outside the picture, so the cut's own edges are out of sight.
    for name, d in country_paths(xy, window, (-2, -2, WIDTH + 2, HEIGHT + 2)):
        parts.append(f'<path d="{d}" class="land"><title>{escape(name)}</title></path>')

    view: Box = (0, 0, WIDTH, HEIGHT)
    taken: list[Box] = []  # boxes of text already drawn: degree labels, then place labels
    west, south, east, north = window
    step = _nice_step(max(north - south, east - west))
    for lon in _multiples(step, west, east):
        x, _ = xy(south, lon)
        parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{HEIGHT}" class="grid"/>')
        degrees = f"{abs(lon):g}°{'E' if lon >= 0 else 'W'}"
        _axis_label(parts, taken, x, HEIGHT - 6, degrees, "middle")
    for lat in _multiples(step, south, north):
        _, y = xy(lat, west)
        parts.append(f'<line x1="0" y1="{y:.1f}" x2="{WIDTH}" y2="{y:.1f}" class="grid"/>')
        degrees = f"{abs(lat):g}°{'N' if lat >= 0 else 'S'}"
        _axis_label(parts, taken, 4, y - 3, degrees, "start")

    # Incidents under the places, the biggest first so that a small one stays on top. Labels
    # may cross an incident's disc, not its centre.
    circles: list[Circle] = []
    for inc in sorted(incidents, key=lambda inc: (-(inc.killed_max or 0), inc.label)):
        x, y = xy(inc.lat, inc.lon)
        killed = "no toll reported" if inc.killed_max is None else f"up to {inc.killed_max} killed"
        tip = f"{inc.label}: {killed}; {inc.reports} report(s)"
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{incident_radius(inc.killed_max):.1f}" '
                     f'fill="{INCIDENT_COLOUR}" fill-opacity="0.45" stroke="{INCIDENT_COLOUR}" class="incident">'
                     f'<title>{escape(tip)}</title></circle>')
        circles.append((x, y, INCIDENT_R_MIN))

    # Busiest places first: they get the first pick of label positions.
    points = [(p, *xy(p.lat, p.lon), 4 + 2.5 * math.sqrt(p.events))
              for p in sorted(places, key=lambda p: (-p.events, p.label))]
    for p, x, y, r in points:
        tip = f"{p.label} ({p.label_en}): {p.events} event(s)" if p.label_en else f"{p.label}: {p.events} event(s)"
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{POINT_COLOUR}" '
                     f'stroke="#fff"><title>{escape(tip)}</title></circle>')
        circles.append((x, y, r))
    # A label with no free spot is left out: its point keeps the name in its tooltip.
    for p, x, y, r in points:
        label = place_label(x, y, r, p.label, LABEL_SIZE, taken=taken, circles=circles, view=view)
        if label:
            parts.append(label[0])
            taken.append(label[1])
    parts.append("</svg>")
    return "\n".join(parts)
