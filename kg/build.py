"""`kg build`: documents through every stage into the store.

text -> nlp -> extract -> link -> rdf -> store, in batches so that Stanza tags many
documents' sentences per call. A document whose text is already in the store (same content
hash) is skipped unless ``force``; a bad input is reported and skipped, the rest goes on.
"""
from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from tqdm import tqdm

from kg.documents import BadInput, Document, check_arabic, iter_documents
from kg.errors import KgError
from kg.extract import Extraction, Mapper
from kg.link import LinkedDocument, Linker
from kg.nlp.pipeline import ArabicNLP
from kg.rdf import doc_iri, to_graph
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


def build(inputs: list[Path] | Iterable[Document], store: Store, models: str = "bundled",
          force: bool = False, batch: int = 16, progress: bool = True,
          builder: Builder | None = None) -> BuildSummary:
    summary = BuildSummary()
    paths = isinstance(inputs, list) and all(isinstance(p, Path) for p in inputs)
    docs = iter_documents(inputs, summary.bad) if paths else iter(inputs)
    builder = builder or Builder(models)
    bar = tqdm(desc="kg build", unit="doc", disable=not progress)
    pending = _checked(docs, summary)
    while chunk := list(itertools.islice(pending, batch)):
        todo = []
        for d in chunk:
            if not force and store.content_hash(doc_iri(d.id)) == d.content_hash:
                summary.unchanged.append(d.id)
            else:
                todo.append(d)
        for linked in builder.process(todo) if todo else []:
            name, graph = to_graph(linked)
            store.replace_graph(name, graph)
            ex = linked.extraction
            summary.built.append(ex.doc_id)
            summary.events.update(ev.type for ev in ex.events)
            if not ex.events and not ex.mentions:
                summary.empty.append(ex.doc_id)
        bar.update(len(chunk))
    bar.close()
    store.flush()
    return summary
