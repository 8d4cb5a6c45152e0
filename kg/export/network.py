"""The store as a network (networkx MultiDiGraph) for Gephi, igraph, Cytoscape and yEd.

Views:

- ``actors``: every actor; an ``accuses`` edge from accuser to accused and an ``attacks``
  edge from perpetrator to target, one per pair and relation, weighted by the number of
  events, with the documents they come from.
- ``events``: the attack, accusation and casualty events with the actors and places
  linked to them: actor -> event by role (accuser, accused, perpetrator, target, victim,
  reportedBy), event -> place (location); and the incidents several documents report,
  incident -> attack (reportedAs).
- ``full``: everything: the ``events`` view plus the actors and places no event names,
  the documents (event -> document, ``inDocument``), the victim groups as written
  (casualty event -> group, ``victimGroup``), the events accusations are about
  (accusation -> event, ``about``) and the ``actors`` view's edges.

Node ids are the RDF IRIs; victim groups, text in the RDF, get ``group:TEXT``. Attribute
values are str, int or float, never None, lists joined with "|", so that GraphML and GEXF
writers take them as they are. ``start``/``end`` are ISO dates (the event's, else its
document's): an event, its edges and its document last their day; actors, places and
groups appear with their first dated edge and stay.
"""
from __future__ import annotations

from typing import BinaryIO

import networkx as nx

from kg.errors import KgError
from kg.export.tables import last_segment
from kg.store import ReadableGraph, read_query

VIEWS = ("actors", "events", "full")
ACTOR_ROLES = frozenset({"accuser", "accused", "perpetrator", "target", "victim", "reportedBy"})
SELF_DATED_KINDS = frozenset({"event", "document", "incident"})  # start and end: their own date


def _present(**attrs: object) -> dict[str, object]:
    """The attributes that have a value (GraphML has no null)."""
    return {k: v for k, v in attrs.items() if v is not None and v != ""}


def _actor(row: dict) -> dict[str, object]:
    return _present(kind="actor", label=row["labelAr"] or row["labelEn"] or row["actor"], type=row["type"],
                    label_ar=row["labelAr"], label_en=row["labelEn"], wikidata=last_segment(row["wikidata"]),
                    events=row["events"])


def _place(row: dict) -> dict[str, object]:
    return _present(kind="place", label=row["labelAr"] or row["labelEn"] or row["place"], type=row["placeType"],
                    label_ar=row["labelAr"], label_en=row["labelEn"], latitude=row["lat"], longitude=row["long"],
                    precision=row["precision"], geonames=last_segment(row["geonames"]),
                    wikidata=last_segment(row["wikidata"]), events=row["events"])


def _event(row: dict) -> dict[str, object]:
    # Several casualty events share a trigger (مقتل ...): the count tells them apart.
    label = row["evidence"] or row["type"]
    if row["count"] is not None:
        label = f"{label} ({row['count']})"
    return _present(kind="event", label=label, type=row["type"], date=row["date"], doc=row["doc"],
                    confidence=row["confidence"], count=row["count"], outcome=row["outcome"],
                    qualifier=row["qualifier"], victim_group=row["group"], start=row["date"], end=row["date"])


def _add_actor_edges(g: nx.MultiDiGraph, store: ReadableGraph) -> None:
    for r in store.select(read_query("actor_edges")):
        g.add_edge(r["source"], r["target"], key=r["relation"],
                   **_present(relation=r["relation"], weight=r["n"], documents="|".join(sorted(r["docs"].split())),
                              start=r["firstDate"]))


def _add_events(g: nx.MultiDiGraph, store: ReadableGraph, actors: dict, places: dict, full: bool) -> dict[str, dict]:
    """Event nodes, their actors and places, and the role and place edges; returns the events."""
    events = {r["event"]: r for r in store.select(read_query("event_nodes"))}
    for iri, row in events.items():
        g.add_node(iri, **_event(row))
    for link in store.select(read_query("event_links")):
        event, relation, node = link["event"], link["relation"], link["node"]
        # "about" links are full-view only, and only to events the graph has.
        if event not in events or (relation == "about" and (not full or node not in events)):
            continue
        if relation in ACTOR_ROLES:
            g.add_node(node, **actors.get(node, {"kind": "actor"}))
            source, target = node, event
        else:
            if relation == "location":
                g.add_node(node, **places.get(node, {"kind": "place"}))
            source, target = event, node
        date = events[event]["date"]
        g.add_edge(source, target, key=relation,
                   **_present(relation=relation, documents=events[event]["doc"], start=date, end=date))
    return events


def _add_incidents(g: nx.MultiDiGraph, store: ReadableGraph, events: dict[str, dict]) -> None:
    """Incident nodes (labelled by place and date) and their reportedAs edges to the attacks."""
    for r in store.select(read_query("export_incidents")):
        g.add_node(r["incident"], **_present(
            kind="incident", label=" ".join(filter(None, (r["place"], str(r["date"])))), date=r["date"],
            date_precision=r["date_precision"], killed_max=r["killed_max"], injured_max=r["injured_max"],
            reports=r["reports"], documents=r["documents"], start=r["date"], end=r["date"]))
    for r in store.select(read_query("incident_members")):
        if r["report"] in events and r["incident"] in g:
            date = g.nodes[r["incident"]].get("date")
            g.add_edge(r["incident"], r["report"], key="reportedAs",
                       **_present(relation="reportedAs", documents=r["doc"], start=date, end=date))


def _add_context(g: nx.MultiDiGraph, store: ReadableGraph, events: dict[str, dict]) -> None:
    """What only the full view has: documents and victim groups, linked from their events."""
    doc_nodes = {}
    for r in store.select(read_query("documents")):
        doc_nodes[r["id"]] = r["document"]
        g.add_node(r["document"], **_present(kind="document", label=r["title"] or r["id"], doc=r["id"],
                                             date=r["date"], events=r["events"], start=r["date"], end=r["date"]))
    for iri, row in events.items():
        when = _present(start=row["date"], end=row["date"])
        if row["doc"] in doc_nodes:
            g.add_edge(iri, doc_nodes[row["doc"]], key="inDocument", relation="inDocument", documents=row["doc"],
                       **when)
        if row["group"]:
            group = f"group:{row['group']}"
            g.add_node(group, kind="victim_group", label=row["group"], label_ar=row["group"])
            g.add_edge(iri, group, key="victimGroup", relation="victimGroup", documents=row["doc"], **when)


def _set_first_seen(g: nx.MultiDiGraph) -> None:
    """Actors, places and groups start with their first dated edge; a node with an
    undated edge has no start, so that the edge always has both ends."""
    for node, data in g.nodes(data=True):
        if data["kind"] in SELF_DATED_KINDS:
            continue
        edges = [*g.in_edges(node, data=True), *g.out_edges(node, data=True)]
        starts = [d.get("start") for *_, d in edges]
        if starts and None not in starts:
            data["start"] = min(starts)


def build_network(store: ReadableGraph, view: str) -> nx.MultiDiGraph:
    if view not in VIEWS:
        raise KgError(f"{view}: no such view; choose one of {', '.join(VIEWS)}")
    g = nx.MultiDiGraph(view=view)
    actors = {r["actor"]: _actor(r) for r in store.select(read_query("actors"))}
    if view == "actors":
        g.add_nodes_from(actors.items())
        _add_actor_edges(g, store)
    else:
        places = {r["place"]: _place(r) for r in store.select(read_query("places"))}
        events = _add_events(g, store, actors, places, full=view == "full")
        _add_incidents(g, store, events)
        if view == "full":
            g.add_nodes_from((iri, attrs) for iri, attrs in [*actors.items(), *places.items()] if iri not in g)
            _add_context(g, store, events)
            _add_actor_edges(g, store)
    _set_first_seen(g)
    return g


def write_graphml(g: nx.MultiDiGraph, out: BinaryIO) -> None:
    """GraphML for igraph, Cytoscape and yEd. Key ids stay networkx's d0, d1...: named ids
    would repeat (``start`` is both a node and an edge key) and GraphML ids are unique."""
    nx.write_graphml(g, out, encoding="utf-8")
