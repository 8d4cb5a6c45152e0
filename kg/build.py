"""`kg build`: documents through every stage into the store.

text -> nlp -> extract -> link -> rdf -> store, in batches so that Stanza tags many
documents' sentences per call. A document whose text is already in the store (same content
hash) is skipped unless ``force``; a bad input is reported and skipped, the rest goes on.
A document id already in the store from another file, with other text, is refused unless
``replace``: two files must never overwrite each other silently.
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

from kg.documents import BadInput, Document, check_arabic, count_documents, date_problem, iter_documents
from kg.errors import KgError
from kg.extract.mapper import Mapper
from kg.extract.model import Extraction
from kg.link import LinkedDocument, Linker
from kg.link.incidents import Knowledge, find_incidents, reports_from_rows
from kg.nlp.pipeline import ArabicNLP
from kg.processes import ctrl_c_remembered
from kg.rdf import doc_iri, incidents_graph, to_graph
from kg.rdf.namespace import ENTITIES_GRAPH, INCIDENTS_GRAPH, RES
from kg.store import Store, read_query


@dataclass
class BuildSummary:
    built: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)  # built, but nothing was found in them
    bad: list[BadInput] = field(default_factory=list)  # skipped
    warnings: list[str] = field(default_factory=list)  # built, but with something to say
    events: Counter = field(default_factory=Counter)
    incidents: int = 0  # reported by two or more documents, over the whole store

    @property
    def exit_code(self) -> int:
        """`kg build`'s: 0 all built (or unchanged), 3 some inputs skipped and the rest built,
        2 nothing built."""
        if not self.built and not self.unchanged:
            return 2
        return 3 if self.bad else 0

    def lines(self) -> list[str]:
        """What to print: one line for what was built, and one per problem."""
        if self.exit_code == 2:
            return ([f"kg: error: {b.origin}: {b.problem}" for b in self.bad] or
                    ["kg: error: the input holds no documents"])
        out = [f"built {len(self.built)} document(s): "
               + ", ".join(f"{n} {t}" for t, n in sorted(self.events.items())) if self.events else
               f"built {len(self.built)} document(s), no events"]
        if self.incidents:
            out.append(f"{self.incidents} incident(s) reported by more than one document in the store")
        if self.unchanged:
            out.append(f"skipped {len(self.unchanged)} unchanged document(s) (use --force to redo them)")
        if self.empty:
            out.append(f"nothing to extract in {len(self.empty)}: {', '.join(self.empty[:10])}"
                       + (" ..." if len(self.empty) > 10 else ""))
        out += [f"skipped {b.origin}: {b.problem}" for b in self.bad]
        out += [f"warning: {w}" for w in self.warnings]
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
    failure: BadInput | None = None  # the chain failed on it: nothing to store, the rest goes on

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
        for doc, nlp_doc in zip(docs, self.nlp.process_many([d.text for d in docs])):
            try:
                linked = self.linker.link(self.mapper.extract(doc, nlp_doc))
                name, graph, entities = to_graph(linked, doc.source_file)
            except Exception as e:  # a bug met on one document must not stop a corpus run
                problem = (f"the mapper failed on it ({type(e).__name__}: {e}); nothing of it was stored. "
                           "Please report it with this document")
                out.append(BuiltGraph(doc.id, "", "", "", (), False, BadInput(doc.origin or doc.id, problem)))
                continue
            ex = linked.extraction
            out.append(BuiltGraph(ex.doc_id, str(name), graph.serialize(format="nt"),
                                  entities.serialize(format="nt"), tuple(ev.type for ev in ex.events),
                                  not ex.events and not ex.mentions))
        return out


def _advance(bar: tqdm, summary: BuildSummary) -> None:
    """The bar at the inputs handled so far: built, unchanged or skipped (by the reader too)."""
    bar.update(len(summary.built) + len(summary.unchanged) + len(summary.bad) - bar.n)


def _checked(docs: Iterable[Document], summary: BuildSummary, bar: tqdm) -> Iterator[Document]:
    seen: dict[str, str] = {}
    for d in docs:
        try:
            check_arabic(d)
            if d.id in seen:
                raise KgError(f"{d.origin}: duplicate id {d.id!r} (first in {seen[d.id]}); build their common "
                              "folder, whose subfolders tell them apart")
        except KgError as e:
            summary.bad.append(BadInput(d.origin, str(e).removeprefix(f"{d.origin}: ")))
            _advance(bar, summary)
            continue
        if problem := date_problem(d):
            summary.warnings.append(problem)
        seen[d.id] = d.origin
        yield d


def _batches_to_build(docs: Iterable[Document], store: Store, force: bool, replace: bool, size: int,
                      summary: BuildSummary, bar: tqdm) -> Iterator[list[Document]]:
    """Batches of the documents that are not in the store yet (all of them with ``force``),
    less those whose id the store holds from another file, with other text (unless ``replace``)."""
    batch = []
    for d in docs:
        stored_hash, stored_file = store.stored_document(doc_iri(d.id))
        if not force and stored_hash == d.content_hash:
            summary.unchanged.append(d.id)
            _advance(bar, summary)
            continue
        if stored_hash and stored_file and stored_file != d.source_file and not replace:
            summary.bad.append(BadInput(d.origin, f"id {d.id!r} is in the store already, from {stored_file}, with "
                                                  "other text; build from a folder above both so that their ids "
                                                  "differ, or give --replace to replace it"))
            _advance(bar, summary)
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
          force: bool = False, replace: bool = False, batch: int = 16, progress: bool = True,
          builder: Builder | None = None, workers: int = 1, date: str | None = None) -> BuildSummary:
    """``date``: the publication date (ISO) of text files, which carry none of their own."""
    summary = BuildSummary()
    paths = isinstance(inputs, list) and all(isinstance(p, Path) for p in inputs)
    docs = iter_documents(inputs, summary.bad, date) if paths else iter(inputs)
    total = count_documents(inputs) if paths else len(inputs) if isinstance(inputs, list) else None
    bar = tqdm(desc="kg build", unit="doc", total=total, disable=not progress)
    batches = _batches_to_build(_checked(docs, summary, bar), store, force, replace, batch, summary, bar)
    if workers > 1:
        from kg.parallel import graphs_in_parallel

        results = graphs_in_parallel(batches, models, workers)
    else:
        results = _graphs_here(batches, builder, models)
    try:
        with ctrl_c_remembered() as stop_if_ctrl_c:
            for built in results:
                for b in built:
                    stop_if_ctrl_c()  # before each write: a Ctrl-C some library swallowed still stops us
                    if b.failure is not None:
                        summary.bad.append(b.failure)
                        continue
                    # The parent alone writes: Oxigraph on disk takes one writer.
                    store.replace_document(b.name, b.ntriples, b.entity_ntriples)
                    summary.built.append(b.doc_id)
                    summary.events.update(b.event_types)
                    if b.empty:
                        summary.empty.append(b.doc_id)
                _advance(bar, summary)
            _advance(bar, summary)
            stop_if_ctrl_c()
    finally:  # Ctrl-C too: the bar's last line, then whatever is said about the stop
        bar.close()
    summary.incidents = link_incidents(store)
    store.flush()
    return summary


def link_incidents(store: Store) -> int:
    """INCIDENTS_GRAPH again from every document in the store (see kg/link/incidents.py): the
    same documents give the same incidents, whatever order they came in. Returns how many."""
    reports = reports_from_rows(store.select(read_query("incident_reports")),
                                store.select(read_query("incident_figures")))
    incidents = find_incidents(reports, Knowledge(str(RES)))
    store.replace_graph(INCIDENTS_GRAPH, incidents_graph(incidents).serialize(format="nt"))
    return len(incidents)
