"""The store as RDF files, whole or one document's graph.

N-Quads, TriG and JSON-LD keep the named graphs: one per document and the entities graph
that describes every actor and place; Turtle has no graphs, so the whole store becomes the
union of their triples. One document (``doc_id``) comes with the descriptions of the
entities it mentions, so that its file is whole: labels, types and coordinates included.
"""
from __future__ import annotations

from typing import BinaryIO, Iterable, Iterator

import pyoxigraph as ox

from kg.errors import KgError
from kg.rdf import doc_iri
from kg.rdf.namespace import EKG, ENTITIES_GRAPH, PREFIXES
from kg.store import Store

RDF_FORMATS = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG,
               "turtle": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD}


class _Tally:
    """Counts the statements as the serializer streams them."""

    def __init__(self, items: Iterable):
        self.items, self.n = items, 0

    def __iter__(self) -> Iterator:
        for item in self.items:
            self.n += 1
            yield item


def _doc_graph(store: Store, doc_id: str) -> ox.NamedNode:
    graph = ox.NamedNode(str(doc_iri(doc_id)))
    if not store.ox.contains_named_graph(graph):
        raise KgError(f"{doc_id}: no such document in {store.path}; "
                      f"list the ids with `kg query documents --store {store.path}`")
    return graph


def _doc_quads(store: Store, graph: ox.NamedNode) -> Iterator[ox.Quad]:
    """The document's graph, then the descriptions of the entities it mentions."""
    yield from store.ox.quads_for_pattern(None, None, None, graph)
    entities, mention = ox.NamedNode(str(ENTITIES_GRAPH)), ox.NamedNode(str(EKG.mention))
    # events have mentions too, but no description in the entities graph
    mentioning = dict.fromkeys(q.subject for q in store.ox.quads_for_pattern(None, mention, None, graph))
    for subject in mentioning:
        yield from store.ox.quads_for_pattern(subject, None, None, entities)


def write_rdf(store: Store, fmt: str, out: BinaryIO, doc_id: str | None = None) -> int:
    """Writes the store (or document ``doc_id`` with its entities) in ``fmt``; returns how
    many quads (triples for Turtle) it wrote."""
    rdf_format = RDF_FORMATS[fmt]
    if doc_id is not None:
        quads = _doc_quads(store, _doc_graph(store, doc_id))
        statements = quads if rdf_format.supports_datasets else (q.triple for q in quads)
    elif rdf_format.supports_datasets:
        statements = store.ox.quads_for_pattern(None, None, None, None)
    else:
        # CONSTRUCT over the union of the graphs yields each distinct triple once.
        statements = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    tally = _Tally(statements)
    ox.serialize(tally, out, rdf_format, prefixes=PREFIXES)
    return tally.n
