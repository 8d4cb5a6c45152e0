"""`kg report`: one self-contained HTML page of a store's findings, for sharing.

A map of the places, the network of who accuses or attacks whom, and the analyst tables
(ontology/queries). Nothing is fetched when the page opens: CSS and SVG are inline and
there is no script, so the file can be mailed and opened offline.
"""
from __future__ import annotations

from collections import Counter
from html import escape
from pathlib import Path

from kg.errors import KgError
from kg.export.tables import last_segment
from kg.report.svg import lang_attrs
from kg.report.svg_map import IncidentPoint, Place, map_svg
from kg.report.svg_network import Edge, network_svg
from kg.store import ReadableGraph, read_query

# (query name, heading, [(column, column heading)]): the tables, in page order.
TABLES = [
    ("accusations", "Accusations: who accuses whom",
     [("accuserLabel", "accuser"), ("accusedLabel", "accused"), ("n", "accusations"), ("docs", "documents")]),
    ("casualties", "Casualties",
     [("count", "count"), ("outcome", "outcome"), ("qualifier", "qualifier"), ("group", "victims as written"),
      ("victimLabel", "victim actor"), ("placeLabel", "places"), ("reporterLabel", "reported by"),
      ("date", "date"), ("doc", "document")]),
    ("casualties_by_place", "Casualty totals by place",
     [("placeLabel", "place"), ("outcome", "outcome"), ("total", "total"), ("events", "events")]),
    ("export_incidents", "Incidents reported by several documents",
     [("date", "date"), ("date_precision", "date from"), ("place", "place"), ("actors", "actors"),
      ("killed_min", "killed, lowest"), ("killed_max", "killed, highest"), ("injured_min", "injured, lowest"),
      ("injured_max", "injured, highest"), ("documents", "documents"), ("outlets", "outlets")]),
    ("conflicting_figures", "Figures the sources of one incident disagree on",
     [("date", "incident date"), ("outcome", "outcome"), ("low", "lowest"), ("high", "highest"),
      ("doc", "document"), ("outlet", "outlet"), ("figures", "its figures")]),
]

CSS = """
body { font-family: "DejaVu Sans", "Noto Sans", "Segoe UI", Tahoma, sans-serif; margin: 24px; color: #222; }
h1 { margin: 0 0 4px; font-size: 24px; } h2 { font-size: 18px; margin: 28px 0 8px; }
.counts { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; padding: 0; list-style: none; }
.counts li { background: #eef2f5; border-radius: 6px; padding: 6px 12px; }
.counts b { font-size: 20px; display: block; }
.figures { display: flex; flex-wrap: wrap; gap: 20px; }
figure { margin: 0; flex: 1 1 560px; max-width: 620px; }
figure svg { width: 100%; height: auto; border: 1px solid #ccd; }
figcaption { font-size: 13px; color: #555; margin-top: 4px; }
.sea { fill: #eef4f8; } .land { fill: #fbfaf4; stroke: #9aa4ad; stroke-width: 0.8; fill-rule: evenodd; }
.grid { stroke: #c9d6e0; stroke-width: 0.6; stroke-dasharray: 2 3; } .axis { fill: #789; } .edge-count { fill: #555; }
.label { fill: #111; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
table { border-collapse: collapse; font-size: 14px; margin-bottom: 8px; }
th, td { border: 1px solid #ccd; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #eef2f5; } td.num { text-align: right; } td[dir="rtl"] { text-align: right; }
"""


# The ontology's local names (ekg:atLeast) as a reader says them.
READABLE = {"atLeast": "at least", "upTo": "up to"}


def _table(rows: list[dict], columns: list[tuple[str, str]]) -> str:
    if not rows:
        return "<p>(none)</p>"
    head = "".join(f"<th>{escape(h)}</th>" for _, h in columns)
    body = []
    for row in rows:
        cells = []
        for key, _ in columns:
            value = row.get(key)
            value = READABLE.get(value, value) if isinstance(value, str) else value
            num = ' class="num"' if isinstance(value, (int, float)) else ""
            cells.append(f"<td{num}{lang_attrs(value)}>{escape('' if value is None else str(value))}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _counts(store: ReadableGraph, actors: list[dict], places: list[dict]) -> list[tuple[str, int]]:
    by_type = Counter()
    for row in store.select(read_query("event_counts")):
        by_type[row["type"]] += row["n"]
    return [("documents", sum(1 for _ in store.documents())),
            ("accusations", by_type["AccusationType"]), ("attacks", by_type["AttackType"]),
            ("casualty figures", by_type["CasualtyType"]), ("actors", len(actors)), ("places", len(places)),
            ("triples", len(store))]


def _map(places: list[dict], incidents: list[dict]) -> tuple[str, int]:
    """The map's SVG and how many places it leaves out for want of coordinates."""
    located = [Place(p["labelAr"] or p["labelEn"] or last_segment(p["place"]), p["labelEn"],
                     p["lat"], p["long"], p["events"])
               for p in places if p["lat"] is not None and p["long"] is not None]
    circles = [IncidentPoint(f"{i['place'] or ''} {i['date']}".strip(), i["latitude"], i["longitude"],
                             i["killed_max"], i["reports"])
               for i in incidents if i["latitude"] is not None and i["longitude"] is not None]
    return map_svg(located, circles), len(places) - len(located)


def _network(store: ReadableGraph, actors: list[dict]) -> str:
    kind = {"accuses": "accusation", "attacks": "attack"}
    edges = [Edge(r["source"], r["target"], kind[r["relation"]], r["n"]) for r in store.select(read_query("actor_edges"))]
    labels = {a["actor"]: a["labelAr"] for a in actors if a["labelAr"]}
    labels_en = {a["actor"]: a["labelEn"] for a in actors if a["labelEn"]}
    return network_svg(edges, labels, labels_en)


def render_report(store: ReadableGraph, title: str = "Event knowledge graph report") -> str:
    actors = store.select(read_query("actors"))
    places = store.select(read_query("places"))
    counts = "".join(f"<li><b>{n}</b>{escape(what)}</li>" for what, n in _counts(store, actors, places))
    incidents = store.select(read_query("export_incidents"))  # the map's, and a table's below
    map_part, unlocated = _map(places, incidents)
    missing = f" {unlocated} place(s) without coordinates are not shown." if unlocated else ""
    tables = "".join(f"<h2>{escape(heading)}</h2>"
                     f"{_table(incidents if name == 'export_incidents' else store.select(read_query(name)), columns)}"
                     for name, heading, columns in TABLES)
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title><style>{CSS}</style></head>
<body>
<h1>{escape(title)}</h1>
<ul class="counts">{counts}</ul>
<div class="figures">
<figure>{map_part}<figcaption>Places; circle size grows with the number of events there. Red circles:
incidents several documents report, their area growing with the highest death toll reported. Hover over a
point for its name where the label had no room. Country outlines: Natural Earth (public domain).{missing}
</figcaption></figure>
<figure>{_network(store, actors)}<figcaption>Actors: dashed arrows point from accuser to accused,
solid ones from attacker to target; a number on an arrow counts events.</figcaption></figure>
</div>
{tables}
</body>
</html>
"""


def write_report(store: ReadableGraph, out: Path, title: str = "Event knowledge graph report") -> None:
    page = render_report(store, title)
    try:
        out.write_text(page, encoding="utf-8")
    except OSError as e:
        raise KgError(f"{out}: cannot write it ({e.strerror})") from None
