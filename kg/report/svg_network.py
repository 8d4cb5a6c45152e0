"""The actors and who accuses or attacks whom, as a directed network in inline SVG."""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from html import escape

import networkx as nx

from kg.export.tables import last_segment
from kg.report.svg import Box, Circle, label_box, place_label, text

WIDTH, HEIGHT, MARGIN = 620, 460, 70
NODE_COLOUR = "#7570b3"  # the report test finds the network by this colour in the screenshot
EDGE_COLOUR = {"accusation": "#d95f02", "attack": "#b2182b"}
LABEL_SIZE = 13
SIDES = ("below", "above", "right", "left", "below right", "below left", "above right", "above left")


@dataclass
class Edge:
    source: str  # actor IRIs
    target: str
    kind: str  # "accusation" or "attack"
    count: int


def _layout(nodes: list[str], edges: list[Edge]) -> dict[str, tuple[float, float]]:
    """Node positions in the drawing; seeded, so the same store draws the same picture.

    Each connected component is laid out on its own, in its own cell of a grid: laid out
    together, unconnected groups drift to the corners and leave the middle empty.
    """
    g = nx.Graph()
    g.add_nodes_from(nodes)
    g.add_edges_from((e.source, e.target) for e in edges)
    parts = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c))
    cols = math.ceil(math.sqrt(len(parts)))
    rows = math.ceil(len(parts) / cols)
    cell_w, cell_h = (WIDTH - 2 * MARGIN) / cols, (HEIGHT - 2 * MARGIN) / rows
    pos = {}
    for i, part in enumerate(parts):
        # A graph of its own, nodes in name order: g.subgraph(part) lists its nodes in a set's
        # order, which changes from run to run, and so would the seeded layout.
        members = set(part)
        component = nx.Graph()
        component.add_nodes_from(part)
        component.add_edges_from((e.source, e.target) for e in edges if e.source in members)
        sub = nx.spring_layout(component, seed=7) if len(part) > 1 else {part[0]: (0.0, 0.0)}
        xs = [p[0] for p in sub.values()]
        ys = [p[1] for p in sub.values()]
        spanx, spany = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
        # A cell's inner 70%, so that neighbouring components keep apart.
        left = MARGIN + (i % cols + 0.15) * cell_w
        top = MARGIN + (i // cols + 0.15) * cell_h
        for n, (x, y) in sub.items():
            fx = (x - min(xs)) / spanx if len(part) > 1 else 0.5
            fy = (y - min(ys)) / spany if len(part) > 1 else 0.5
            pos[n] = (left + fx * 0.7 * cell_w, top + fy * 0.7 * cell_h)
    return pos


def _radius(degree: int) -> float:
    return 6 + 3 * math.sqrt(degree)


def _edge(e: Edge, p: tuple[float, float], q: tuple[float, float], rp: float, rq: float) -> tuple[str, Box | None]:
    """A curved arrow from p to q, stopping at the node circles; A->B and B->A bend apart.

    With it the box of its count, when it has one, for the node labels to keep clear of."""
    (x1, y1), (x2, y2) = p, q
    d = math.hypot(x2 - x1, y2 - y1) or 1
    ux, uy = (x2 - x1) / d, (y2 - y1) / d
    sx, sy = x1 + ux * rp, y1 + uy * rp
    tx, ty = x2 - ux * (rq + 2), y2 - uy * (rq + 2)
    bend = 0.15 * d  # to the left of the direction of travel
    mx, my = (sx + tx) / 2 + uy * bend, (sy + ty) / 2 - ux * bend
    width = 1.5 + math.log2(e.count) if e.count > 1 else 1.5
    dash = ' stroke-dasharray="6 3"' if e.kind == "accusation" else ""
    out = (f'<path d="M{sx:.1f},{sy:.1f} Q{mx:.1f},{my:.1f} {tx:.1f},{ty:.1f}" fill="none" '
           f'stroke="{EDGE_COLOUR[e.kind]}" stroke-width="{width:.1f}"{dash} marker-end="url(#arrow-{e.kind})">'
           f'<title>{e.kind} ×{e.count}</title></path>')
    if e.count > 1:
        count = str(e.count)
        return out + text(mx, my, count, size=11, css_class="edge-count"), label_box(mx, my, count, 11, "middle")
    return out, None


def _legend() -> tuple[list[str], list[Box]]:
    """The legend, top left, and the boxes it covers."""
    parts, boxes = [], []
    for i, (kind, colour) in enumerate(EDGE_COLOUR.items()):
        y = 18 + 18 * i
        dash = ' stroke-dasharray="6 3"' if kind == "accusation" else ""
        word = {"accusation": "accuses", "attack": "attacks"}[kind]
        parts.append(f'<line x1="10" y1="{y}" x2="40" y2="{y}" stroke="{colour}" stroke-width="2"{dash} '
                     f'marker-end="url(#arrow-{kind})"/>')
        parts.append(text(48, y + 4, word, size=11, anchor="start", css_class="axis"))
        box = label_box(48, y + 4, word, 11, "start")
        boxes.append((5, box[1], box[2], box[3]))  # the line's stretch too
    return parts, boxes


def network_svg(edges: list[Edge], labels: dict[str, str], labels_en: dict[str, str]) -> str:
    if not edges:
        return (f'<svg id="network" viewBox="0 0 {WIDTH} 80" role="img">'
                '<text x="20" y="40">no accusations or attacks between actors</text></svg>')
    nodes = sorted({e.source for e in edges} | {e.target for e in edges})
    pos = _layout(nodes, edges)
    degree: Counter[str] = Counter()
    for e in edges:
        degree[e.source] += e.count
        degree[e.target] += e.count
    radius = {n: _radius(degree[n]) for n in nodes}
    markers = "".join(
        f'<marker id="arrow-{kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" '
        f'markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
        for kind, colour in EDGE_COLOUR.items())
    parts = [f'<svg id="network" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="network of actors">',
             f"<defs>{markers}</defs>", f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#fbfaf6"/>']
    # The legend and the arrows' counts take their room before the node labels.
    legend, taken = _legend()
    for e in edges:
        drawn, box = _edge(e, pos[e.source], pos[e.target], radius[e.source], radius[e.target])
        parts.append(drawn)
        taken += [box] if box else []
    circles: list[Circle] = [(x, y, radius[n]) for n, (x, y) in pos.items()]
    busiest_first = sorted(nodes, key=lambda n: (-degree[n], n))  # they pick label spots first
    names = {n: labels.get(n) or labels_en.get(n) or last_segment(n) for n in nodes}
    for n in busiest_first:
        x, y = pos[n]
        label = names[n]
        tip = f"{label} ({labels_en[n]})" if labels_en.get(n) and labels_en[n] != label else label
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius[n]:.1f}" fill="{NODE_COLOUR}" stroke="#fff" '
                     f'stroke-width="1.5"><title>{escape(tip)}</title></circle>')
    # Below the node, else above it, else beside it; with no free spot the label is left
    # out and the node keeps the name in its tooltip.
    for n in busiest_first:
        x, y = pos[n]
        placed = place_label(x, y, radius[n], names[n], LABEL_SIZE, taken=taken, circles=circles,
                             view=(0, 0, WIDTH, HEIGHT), sides=SIDES)
        if placed:
            parts.append(placed[0])
            taken.append(placed[1])
    parts += legend
    parts.append("</svg>")
    return "\n".join(parts)
