"""TopoJSON countries (world-atlas) -> the small outline file `kg report` draws its map from.

Usage: python -m pipelines.topojson_outlines countries-110m.json kg/report/data/countries-110m.json

TopoJSON stores each shared border once, as quantised, delta-encoded arcs; the report
wants plain rings of longitude/latitude. Each country becomes its name and a list of
rings (outer rings and holes alike, drawn with the even-odd rule), each ring a flat list
lon, lat, lon, lat, ... rounded to 2 decimals (about 1 km, finer than 1:110m's detail).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[float]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]  # ~i: the arc walked backwards
        points.extend(arc[1:] if points else arc)  # consecutive arcs share an end point
    # A ring that crosses the antimeridian and comes back (Russia's Chukotka, Fiji) jumps
    # from 180 to -180 and back: moved east of 180 it stays in one piece. A ring that
    # jumps once goes round the pole (Antarctica) and is right as it is.
    jumps = sum(abs(a[0] - b[0]) > 180 for a, b in zip(points, points[1:] + points[:1]))
    if jumps and jumps % 2 == 0:
        points = [(lon + 360 if lon < 0 else lon, lat) for lon, lat in points]
    flat: list[float] = []
    for lon, lat in points:
        p = (round(lon, 2), round(lat, 2))
        if flat[-2:] != list(p):  # rounding makes neighbours coincide
            flat.extend(p)
    return flat


def convert(topo: dict) -> list[dict]:
    arcs = decode_arcs(topo)
    countries = []
    for g in topo["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [g.get("arcs")], "MultiPolygon": g.get("arcs")}.get(g["type"], [])
        rings = [r for polygon in polygons for r in (ring(idx, arcs) for idx in polygon) if len(r) >= 6]
        if rings:
            countries.append({"name": g["properties"]["name"], "id": g.get("id"), "rings": rings})
    return sorted(countries, key=lambda c: c["name"])


def main(src: str, dst: str) -> None:
    countries = convert(json.loads(Path(src).read_text(encoding="utf-8")))
    out = {"source": "Natural Earth 1:110m admin-0 countries (public domain), "
                     "via the npm package world-atlas (ISC), countries-110m.json",
           "countries": countries}
    Path(dst).write_text(json.dumps(out, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(countries)} countries -> {dst} ({Path(dst).stat().st_size} bytes)")


if __name__ == "__main__":
    main(*sys.argv[1:3])
