"""`kg build`: documents through every stage into the store.

text -> nlp -> extract -> link -> rdf -> store, in batches so that Stanza tags many
documents' sentences per call. A document whose text is already in the store (same content
hash) is skipped unless ``force``; a bad input is reported and skipped, the rest goes on.
Input is streamed: all that stays in memory per document is its id (for the summary and
the duplicate check), so memory stays flat however many documents go through. With
``workers`` above 1 the batches go to worker processes (kg/parallel.py).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox
from tqdm import tqdm

from kg.documents import BadInput, Document, check_arabic, iter_documents
from kg.errors import KgError
from kg.extract.mapper import Mapper
from kg.extract.model import Extraction
from kg.link import LinkedDocument, Linker
from kg.nlp.pipeline import ArabicNLP
from kg.rdf import doc_iri, to_graph
from kg.rdf.namespace import ENTITIES_GRAPH
from kg.store import Store


@dataclass
class BuildSummary:
    built: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)  # built, but nothing was found in them
    bad: list[BadInput] = field(default_factory=list)
    events: Counter = field(default_factory=Counter)

    def lines(self) -> list[str]:
        out = [f"built {len(self.built)} document(s): "
               + ", ".join(f"{n} {t}" for t, n in sorted(self.events.items())) if self.events else
               f"built {len(self.built)} document(s), no events"]
        if self.unchanged:
            out.append(f"skipped {len(self.unchanged)} unchanged document(s) (use --force to redo them)")
        if self.empty:
            out.append(f"nothing to extract in {len(self.empty)}: {', '.join(self.empty[:10])}"
                       + (" ..." if len(self.empty) > 10 else ""))
        out += [f"skipped {b.origin}: {b.problem}" for b in self.bad]
        return out


@dataclass(frozen=True)
class BuiltGraph:
    """One document's named graph and its entities' descriptions as N-Triples text: cheap
    to send between processes."""

    doc_id: str
    name: str  # the graph's IRI (the document's IRI)
    ntriples: str
    entity_ntriples: str  # for ENTITIES_GRAPH
    event_types: tuple[str, ...]
    empty: bool  # nothing was found in the document

    def nquads(self) -> bytes:
        """Both as N-Quads: the descriptions in ENTITIES_GRAPH, then the document's triples in
        its graph. Descriptions first, so that a file cut short never has an event whose
        actors and places it has not described."""
        quads = [ox.Quad(t.subject, t.predicate, t.object, graph)
                 for text, graph in ((self.entity_ntriples, ox.NamedNode(str(ENTITIES_GRAPH))),
                                     (self.ntriples, ox.NamedNode(self.name)))
                 for t in ox.parse(text, format=ox.RdfFormat.N_TRIPLES)]
        return ox.serialize(quads, format=ox.RdfFormat.N_QUADS)


class Builder:
    """The whole chain, loaded once: NLP, mapper, linker."""

    def __init__(self, models: str = "bundled"):
        self.nlp = ArabicNLP(models=models)
        self.mapper = Mapper()
        self.linker = Linker()

    def process(self, docs: list[Document]) -> list[LinkedDocument]:
        nlp_docs = self.nlp.process_many([d.text for d in docs])
        return [self.linker.link(self.mapper.extract(d, n)) for d, n in zip(docs, nlp_docs)]

    def extract(self, docs: list[Document]) -> list[Extraction]:
        return [ld.extraction for ld in self.process(docs)]

    def graphs(self, docs: list[Document]) -> list[BuiltGraph]:
        out = []
        for linked in self.process(docs):
            name, graph, entities = to_graph(linked)
            ex = linked.extraction
            out.append(BuiltGraph(ex.doc_id, str(name), graph.serialize(format="nt"),
                                  entities.serialize(format="nt"), tuple(ev.type for ev in ex.events),
                                  not ex.events and not ex.mentions))
        return out


def _checked(docs: Iterable[Document], summary: BuildSummary) -> Iterator[Document]:
    seen: dict[str, str] = {}
    for d in docs:
        try:
            check_arabic(d)
        except KgError as e:
            summary.bad.append(BadInput(d.origin, str(e).removeprefix(f"{d.origin}: ")))
            continue
        if d.id in seen:
            summary.bad.append(BadInput(d.origin, f"duplicate id {d.id!r} (first in {seen[d.id]})"))
            continue
        seen[d.id] = d.origin
        yield d


def _batches_to_build(docs: Iterable[Document], store: Store, force: bool, size: int,
                      summary: BuildSummary, bar: tqdm) -> Iterator[list[Document]]:
    """Batches of the documents that are not in the store yet (all of them with ``force``)."""
    batch = []
    for d in docs:
        if not force and store.content_hash(doc_iri(d.id)) == d.content_hash:
            summary.unchanged.append(d.id)
            bar.update()
            continue
        batch.append(d)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _graphs_here(batches: Iterable[list[Document]], builder: Builder | None, models: str) -> Iterator[list[BuiltGraph]]:
    """In this process; the chain is loaded at the first batch, so a rerun with nothing to
    build does not load Stanza."""
    for batch in batches:
        builder = builder or Builder(models)
        yield builder.graphs(batch)


def build(inputs: list[Path] | Iterable[Document], store: Store, models: str = "bundled",
          force: bool = False, batch: int = 16, progress: bool = True,
          builder: Builder | None = None, workers: int = 1) -> BuildSummary:
    summary = BuildSummary()
    paths = isinstance(inputs, list) and all(isinstance(p, Path) for p in inputs)
    docs = iter_documents(inputs, summary.bad) if paths else iter(inputs)
    bar = tqdm(desc="kg build", unit="doc", disable=not progress)
    batches = _batches_to_build(_checked(docs, summary), store, force, batch, summary, bar)
    if workers > 1:
        from kg.parallel import graphs_in_parallel

        results = graphs_in_parallel(batches, models, workers)
    else:
        results = _graphs_here(batches, builder, models)
    for built in results:
        for b in built:
            # The parent alone writes: Oxigraph on disk takes one writer.
            store.replace_document(b.name, b.ntriples, b.entity_ntriples)
            summary.built.append(b.doc_id)
            summary.events.update(b.event_types)
            if b.empty:
                summary.empty.append(b.doc_id)
        bar.update(len(built))
    bar.close()
    store.flush()
    return summary
