"""GEXF 1.3 for Gephi, written with lxml.

networkx's write_gexf output does not validate against the GEXF 1.3 RELAX NG schema (see
../shared/data/schemas/gexf-1.3/SOURCE.md), so the XML is written here: attribute types
from the Python values (lat/long as double, for Gephi's GeoLayout), colour by node type,
size by degree, and in dynamic mode ISO dates on nodes and edges for Gephi's timeline.
"""
from __future__ import annotations

from typing import BinaryIO, Iterable

import networkx as nx
from lxml import etree

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
TIME_KEYS = ("start", "end")
NODE_RESERVED = frozenset({"label", *TIME_KEYS})  # written as XML attributes, not attvalues
EDGE_RESERVED = frozenset({"weight", *TIME_KEYS})

# Actors by class, events by class, other nodes by kind (matplotlib's tab10/tab20 colours).
COLOURS: dict[str, tuple[int, int, int]] = {
    "State": (31, 119, 180), "ArmedGroup": (214, 39, 40), "Organisation": (44, 160, 44),
    "Person": (148, 103, 189), "Media": (255, 127, 14), "Actor": (127, 127, 127),
    "Attack": (227, 119, 194), "Accusation": (188, 189, 34), "CasualtyEvent": (23, 190, 207),
    "place": (140, 86, 75), "victim_group": (199, 199, 199), "document": (219, 219, 141),
}
BASE_SIZE, SIZE_PER_EDGE = 10.0, 4.0


def _gexf(tag: str) -> str:
    return f"{{{GEXF_NS}}}{tag}"


def _viz(tag: str) -> str:
    return f"{{{VIZ_NS}}}{tag}"


def _attr_type(values: Iterable[object]) -> str:
    values = list(values)
    if all(isinstance(v, bool) for v in values):
        return "boolean"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "integer"
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return "double"
    return "string"


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, float) else str(value)


def _colour(data: dict) -> tuple[int, int, int]:
    # An actor typed by several classes ("ArmedGroup State") takes the first one's colour.
    key = str(data.get("type", "Actor")).split(" ")[0] if data["kind"] in ("actor", "event") else data["kind"]
    return COLOURS.get(key, COLOURS["Actor"])


def _declare(graph_el: etree._Element, cls: str, items: list[dict], reserved: frozenset[str]) -> dict[str, str]:
    """<attributes class=...> for every data key outside ``reserved``; returns key -> type."""
    names = sorted({k for data in items for k in data} - reserved)
    types = {k: _attr_type(d[k] for d in items if k in d) for k in names}
    if names:
        block = etree.SubElement(graph_el, _gexf("attributes"), {"class": cls, "mode": "static"})
        for k in names:
            etree.SubElement(block, _gexf("attribute"), id=k, title=k, type=types[k])
    return types


def _attvalues(parent: etree._Element, data: dict, types: dict[str, str]) -> None:
    values = [(k, data[k]) for k in types if k in data]
    if values:
        block = etree.SubElement(parent, _gexf("attvalues"))
        for k, v in values:
            etree.SubElement(block, _gexf("attvalue"), {"for": k, "value": _text(v)})


def _times(el: etree._Element, data: dict, dynamic: bool) -> None:
    if dynamic:
        for k in TIME_KEYS:
            if k in data:
                el.set(k, str(data[k]))


def gexf_tree(g: nx.MultiDiGraph, dynamic: bool = False) -> etree._ElementTree:
    root = etree.Element(_gexf("gexf"), nsmap={None: GEXF_NS, "viz": VIZ_NS}, version="1.3")
    meta = etree.SubElement(root, _gexf("meta"))
    etree.SubElement(meta, _gexf("creator")).text = "kg"
    etree.SubElement(meta, _gexf("description")).text = f"kg event graph, {g.graph.get('view', '')} view"
    graph_el = etree.SubElement(root, _gexf("graph"), defaultedgetype="directed")
    if dynamic:
        graph_el.set("mode", "dynamic")
        graph_el.set("timeformat", "date")
    else:
        graph_el.set("mode", "static")

    node_types = _declare(graph_el, "node", [d for _, d in g.nodes(data=True)], NODE_RESERVED)
    edge_types = _declare(graph_el, "edge", [d for *_, d in g.edges(data=True)], EDGE_RESERVED)

    nodes_el = etree.SubElement(graph_el, _gexf("nodes"), count=str(g.number_of_nodes()))
    for node, data in g.nodes(data=True):
        el = etree.SubElement(nodes_el, _gexf("node"), id=str(node))
        if "label" in data:
            el.set("label", str(data["label"]))
        _times(el, data, dynamic)
        _attvalues(el, data, node_types)
        r, gr, b = _colour(data)
        etree.SubElement(el, _viz("color"), r=str(r), g=str(gr), b=str(b))
        etree.SubElement(el, _viz("size"), value=_text(BASE_SIZE + SIZE_PER_EDGE * g.degree(node)))

    edges_el = etree.SubElement(graph_el, _gexf("edges"), count=str(g.number_of_edges()))
    for i, (source, target, data) in enumerate(g.edges(data=True)):
        el = etree.SubElement(edges_el, _gexf("edge"), id=str(i), source=str(source), target=str(target))
        if "relation" in data:
            # kind lets Gephi keep parallel edges of different relations apart.
            el.set("kind", data["relation"])
            el.set("label", data["relation"])
        if "weight" in data:
            el.set("weight", _text(float(data["weight"])))
        _times(el, data, dynamic)
        _attvalues(el, data, edge_types)
    return etree.ElementTree(root)


def write_gexf(g: nx.MultiDiGraph, out: BinaryIO, dynamic: bool = False) -> None:
    gexf_tree(g, dynamic).write(out, encoding="UTF-8", xml_declaration=True, pretty_print=True)
