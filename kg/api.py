"""The Python API, for notebooks and scripts.

    from kg.api import KnowledgeGraph
    kg = KnowledgeGraph()                      # in memory; KnowledgeGraph("store/") on disk
    # or read-only from a SPARQL endpoint: KnowledgeGraph(endpoint="http://127.0.0.1:8890/sparql")
    kg.add_texts({"a1": "أعلنت قوات سوريا الديمقراطية ..."})
    kg.query("accusations")                    # a name from ontology/queries, a .rq file or SPARQL
    kg.events(); kg.entities()                 # the export tables as DataFrames
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Mapping

import pandas as pd

from kg.build import BuildSummary, Builder, build
from kg.documents import Document
from kg.export.tables import (ENTITY_FIELDS, EVENT_FIELDS, INCIDENT_FIELDS, entities_table, events_table,
                              incidents_table)
from kg.errors import KgError
from kg.store import Store, open_graph, read_query


class KnowledgeGraph:
    def __init__(self, store: str | Path | None = None, models: str = "bundled", endpoint: str | None = None):
        """A store on disk at ``store`` (in memory when None), or the graph a SPARQL endpoint
        serves at ``endpoint``, to query and export only."""
        self.store = open_graph(endpoint=endpoint) if endpoint else Store(store)
        self.models = models
        self._builder: Builder | None = None

    @property
    def builder(self) -> Builder:
        if not isinstance(self.store, Store):
            raise KgError(f"{self.store.url} is read from, not written to: build into a store, then load its "
                          "`kg export nquads` into the endpoint's engine (pipelines/virtuoso.py for Virtuoso)")
        if self._builder is None:
            self._builder = Builder(self.models)
        return self._builder

    def add_texts(self, texts: Mapping[str, str] | Iterable[str], force: bool = False,
                  progress: bool = False) -> BuildSummary:
        """Add documents given as {id: text}, or as texts numbered doc1, doc2..."""
        items = texts.items() if isinstance(texts, Mapping) else ((f"doc{i}", t) for i, t in enumerate(texts, 1))
        docs = [Document(id=str(i), text=t, origin=f"text {i}") for i, t in items]
        return build(docs, self.store, force=force, progress=progress, builder=self.builder)

    def add_documents(self, docs: Iterable[Document], force: bool = False, progress: bool = False) -> BuildSummary:
        return build(list(docs), self.store, force=force, progress=progress, builder=self.builder)

    def add_files(self, paths: Iterable[str | Path], force: bool = False, replace: bool = False,
                  progress: bool = True) -> BuildSummary:
        """Add .txt files, .jsonl files or folders of them (ids and ``replace`` as `kg build`'s)."""
        return build([Path(p) for p in paths], self.store, force=force, replace=replace, progress=progress,
                     builder=self.builder)

    def query(self, sparql: str, **bindings: str) -> pd.DataFrame:
        """SPARQL SELECT into a DataFrame; keyword arguments bind parameters to IRIs."""
        rows = self.store.select(read_query(sparql), bindings or None)
        return pd.DataFrame(rows)

    def events(self) -> pd.DataFrame:
        return pd.DataFrame(events_table(self.store), columns=EVENT_FIELDS)

    def entities(self) -> pd.DataFrame:
        return pd.DataFrame(entities_table(self.store), columns=ENTITY_FIELDS)

    def incidents(self) -> pd.DataFrame:
        """One row per incident several documents report (documents need dates to be linked:
        ``Document(date=...)`` in add_documents, JSONL ``date`` or `kg build --date`)."""
        return pd.DataFrame(incidents_table(self.store), columns=INCIDENT_FIELDS)

    def __len__(self) -> int:
        return len(self.store)
