"""The embedded store: Oxigraph (pyoxigraph) on disk, one named graph per document, one,
ENTITIES_GRAPH, for the descriptions of every actor and place, and one, INCIDENTS_GRAPH,
derived from the documents' graphs after each build (the incidents several documents report).

Writing a document is one SPARQL update (DROP its graph, DELETE the descriptions of its
entities, INSERT DATA the fresh ones), which Oxigraph applies as one transaction: a failure
or a kill leaves the previous graph and descriptions in place.

Writes are flushed to disk every FLUSH_CHARS characters of N-Triples (see there): left to itself,
Oxigraph holds them in memory long enough for a build's RSS to grow with its size.

Query, export and report read through ReadableGraph (select, documents, len): this store, or
a SPARQL endpoint serving the same graph (endpoint.py); open_graph gives either.
"""
from __future__ import annotations

import difflib
import fcntl
import gc
import os
import re
from pathlib import Path
from typing import IO, Iterator, Protocol

import pyoxigraph as ox
from rdflib import URIRef

from kg.errors import KgError
from kg.rdf.namespace import EKG, ENTITIES_GRAPH, INCIDENTS_GRAPH, ONTOLOGY_DIR, PREFIXES
from kg.store.sparql import portable_rows, read_sparql

# Oxigraph's RocksDB keeps every write in memtables until it writes them out itself, and it
# allows a lot of them: 128 MB per column family (12 of them), up to 6 each, with no cap over
# them all. `kg build` of 10k documents held 1.4 GB of them (anonymous memory, not page
# cache) and grew with every document. Flushing them every FLUSH_CHARS characters of N-Triples written
# (about 5x that in memtables; ~300 short news articles) keeps them to tens of MB. A flush
# only writes out what is already committed, so each document's write stays one transaction.
FLUSH_CHARS = 8 << 20

QUERY_DIR = ONTOLOGY_DIR / "queries"
LOCK_FILE = "kg.lock"  # held by the one kg process that writes to the store, or shared by those serving it
SERVER = "kg serve"


def read_query(name_or_path: str) -> str:
    """SPARQL text: a file path, a name from ontology/queries, or the query itself."""
    path = Path(name_or_path)
    if path.suffix == ".rq":
        if not path.exists():
            path = QUERY_DIR / path.name
        if not path.exists():
            raise KgError(f"{name_or_path}: no such query file (the shipped ones are in {QUERY_DIR})")
        return path.read_text(encoding="utf-8")
    if (QUERY_DIR / f"{name_or_path}.rq").exists():
        return (QUERY_DIR / f"{name_or_path}.rq").read_text(encoding="utf-8")
    if re.fullmatch(r"[\w-]+", name_or_path):  # a name, not SPARQL: no query is one word
        shipped = sorted(p.stem for p in QUERY_DIR.glob("*.rq"))
        close = difflib.get_close_matches(name_or_path, shipped, n=1)
        raise KgError(f"no shipped query named {name_or_path!r}" + (f"; did you mean {close[0]!r}?" if close else "")
                      + f" (the shipped ones: {', '.join(shipped)})")
    return name_or_path


def claim_store(path: Path, holder: str, shared: bool = False) -> IO:
    """Take ``path``'s lock for ``holder`` (a writer, or SERVER) as long as the returned file
    stays open; KgError, saying who holds it, when another process does. Read-only servers
    share it with each other, and with no writer.

    A server's workers answer from the store as it was when they opened it: a build while it
    serves would leave them answering from different states, so the two exclude each other.
    """
    path.mkdir(parents=True, exist_ok=True)
    lock = open(path / LOCK_FILE, "a+", encoding="utf-8")
    try:
        fcntl.flock(lock, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.seek(0)
        other = lock.read().strip() or "another kg process"
        lock.close()
        if other.startswith(SERVER):
            raise KgError(f"{path}: {other} is serving this store; stop it (Ctrl-C), then run this and start "
                          "kg serve again, so that every answer comes from one state of the store") from None
        raise KgError(f"{path}: {other} is writing to this store; wait until it is done") from None
    lock.truncate(0)
    lock.write(f"{holder} (pid {os.getpid()})\n")
    lock.flush()
    return lock


def iri_bindings(bindings: dict[str, str] | None) -> dict[str, ox.NamedNode]:
    """Query parameters as IRIs; KgError naming the binding that is not one."""
    try:
        return {k: ox.NamedNode(v) for k, v in (bindings or {}).items()}
    except ValueError as e:
        raise KgError(f"cannot bind {bindings}: {str(e).splitlines()[0]}; a value must be an IRI") from None


class ReadableGraph(Protocol):
    """What query, export and report read a graph through: a Store, or a SparqlEndpoint."""

    def select(self, sparql: str, bindings: dict[str, str] | None = None) -> list[dict[str, object]]: ...

    def documents(self) -> Iterator[str]: ...

    def __len__(self) -> int: ...


def open_graph(store: Path | str | None = None, endpoint: str | None = None) -> ReadableGraph:
    """The store at ``store`` opened read-only, or the SPARQL endpoint at ``endpoint``."""
    if endpoint:
        from kg.store.endpoint import SparqlEndpoint

        return SparqlEndpoint(endpoint)
    return Store(store, read_only=True)


def require_store(path: Path) -> None:
    """A one-line error when ``path`` holds no store, saying how to make one."""
    if not (path / "CURRENT").exists():
        raise KgError(f"{path}: no store here; build one with `kg build INPUT --store {path}`")


class Store:
    def __init__(self, path: Path | str | None = None, read_only: bool = False):
        """An on-disk store at ``path`` (created if missing), or in memory when None."""
        self.path = Path(path) if path else None
        try:
            if self.path is None:
                self.ox = ox.Store()
            elif read_only:
                require_store(self.path)
                self.ox = ox.Store.read_only(str(self.path))
            else:
                self._lock = claim_store(self.path, "a kg build, kg load or Python writer")
                self.ox = ox.Store(str(self.path))
            self._unflushed = 0  # characters of N-Triples written since the last flush
        except OSError as e:
            raise KgError(f"{self.path}: cannot open the store ({str(e).splitlines()[0]}); "
                          "is another kg process using it?") from None

    # ------------------------------------------------------------------ writing
    def replace_document(self, name: URIRef | str, ntriples: str, entity_ntriples: str) -> None:
        """Put a document's graph (N-Triples, as `kg build` workers send it) in place of named
        graph ``name``, and the descriptions of its entities in place of theirs, atomically.

        Only the entities ``entity_ntriples`` describes are replaced, wholly: a relabelled
        actor keeps the new label alone, and the entities of other documents stay as they are.
        """
        entities = sorted({str(t.subject) for t in ox.parse(entity_ntriples, format=ox.RdfFormat.N_TRIPLES)})
        delete = (f"DELETE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e ?p ?o }} }}\n"
                  f"WHERE {{ VALUES ?e {{ {' '.join(entities)} }} GRAPH <{ENTITIES_GRAPH}> {{ ?e ?p ?o }} }} ;\n"
                  if entities else "")
        self.ox.update(f"DROP SILENT GRAPH <{name}> ;\n{delete}"
                       f"INSERT DATA {{ GRAPH <{name}> {{\n{ntriples}\n}}\n"
                       f"GRAPH <{ENTITIES_GRAPH}> {{\n{entity_ntriples}\n}} }}")
        self._written(len(ntriples) + len(entity_ntriples))

    def replace_graph(self, name: URIRef | str, ntriples: str) -> None:
        """Put ``ntriples`` in place of named graph ``name``, in one transaction."""
        self.ox.update(f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{ntriples}\n}} }}")
        self._written(len(ntriples))

    def load_nquads(self, *paths: Path) -> int:
        """Add N-Quads files, each document's graph in them replacing the store's graph of that
        name; their ENTITIES_GRAPH triples are added to the store's (each shard describes the
        entities of its own documents). INCIDENTS_GRAPH is derived, not loaded: the caller
        links incidents again once the documents are in.

        Every file is parsed before anything is written, so a bad one leaves the store as it
        was. Each graph then goes in as one transaction, as `kg build` writes them: bulk_load
        is not transactional, and one SPARQL update per file needs many times its size in memory.
        Returns the number of quads loaded.
        """
        for path in paths:
            for _ in _read_nquads(path):
                pass
        loaded, replaced = 0, set()
        for path in paths:
            by_graph: dict[str, list[str]] = {}
            for q in _read_nquads(path):
                graph = "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
                if graph == f"<{INCIDENTS_GRAPH}>":
                    continue
                by_graph.setdefault(graph, []).append(f"{q.subject} {q.predicate} {q.object} .")
                loaded += 1
            for graph, triples in by_graph.items():
                body = "\n".join(triples)
                if not graph:
                    self.ox.update(f"INSERT DATA {{\n{body}\n}}")
                    self._written(len(body))
                    continue
                # a graph split over several of these files keeps every part; the entities
                # graph is only ever added to, never replaced
                keep = graph in replaced or graph == f"<{ENTITIES_GRAPH}>"
                drop = "" if keep else f"DROP SILENT GRAPH {graph} ;\n"
                self.ox.update(f"{drop}INSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}")
                replaced.add(graph)
                self._written(len(body))
        return loaded

    def _written(self, nbytes: int) -> None:
        self._unflushed += nbytes
        if self._unflushed >= FLUSH_CHARS:
            self.flush()

    def flush(self) -> None:
        """Write Oxigraph's memtables out to disk (see FLUSH_CHARS)."""
        self._unflushed = 0
        if self.path is not None:
            self.ox.flush()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, error_type, *_) -> None:
        # after an error (Ctrl-C too), what was committed stays, and the error is the one to
        # tell, not a failed flush after it
        self.close(flush=error_type is None)

    def close(self, flush: bool = True) -> None:
        """Flush (unless ``flush`` is False: after a failed write, what was committed stays),
        close Oxigraph and give the lock up, now. Reading SPARQL (pyparsing's backtracking
        exceptions) leaves reference cycles through the frames that held this store and its
        query results: only the cycle collector frees them, and with them RocksDB's own lock
        on the folder."""
        if self.path is not None and hasattr(self, "ox"):
            if flush:
                self.flush()
            del self.ox
            gc.collect()
            if hasattr(self, "_lock"):
                self._lock.close()

    # ------------------------------------------------------------------ reading
    def query(self, sparql: str, bindings: dict[str, str] | None = None):
        """Run SPARQL over the union of all the graphs, the documents' and the entities', or
        over the dataset the query names (FROM, FROM NAMED) when it names one.

        ``bindings`` maps variable names to IRIs (actor_neighbourhood.rq's ``actor``...).
        """
        union = not read_sparql(sparql).names_dataset
        subs = {ox.Variable(k): v for k, v in iri_bindings(bindings).items()}
        try:
            return self.ox.query(sparql, use_default_graph_as_union=union, prefixes=PREFIXES,
                                 substitutions=subs or None)
        except SyntaxError as e:
            raise KgError(f"bad SPARQL: {str(e).splitlines()[0]}") from None
        except (OSError, ValueError) as e:
            raise KgError(f"the query failed: {str(e).splitlines()[0]}") from None

    def select(self, sparql: str, bindings: dict[str, str] | None = None) -> list[dict[str, object]]:
        """SELECT results as dicts of Python values (str, int, float), unbound as None, each
        GROUP_CONCAT cell's items sorted (see portable_rows)."""
        result = self.query(sparql, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise KgError("expected a SELECT query")
        names = [v.value for v in result.variables]
        # Rows as tuples, literals converted by their datatype's cached converter: on the
        # 10^4-10^5-row analyst queries, term-by-name lookups and the datatype test per
        # value took a third of the time the query itself does.
        return portable_rows(sparql, [dict(zip(names, map(to_python, row))) for row in result])

    def stored_document(self, doc_graph: URIRef) -> tuple[str | None, str | None]:
        """The content hash and source file of a document in the store; None for what it lacks
        (everything, when it is not there; the source file, when built before kg recorded it)."""
        doc = ox.NamedNode(str(doc_graph))

        def value(prop: URIRef) -> str | None:
            return next((q.object.value for q in self.ox.quads_for_pattern(doc, ox.NamedNode(str(prop)), None, doc)),
                        None)

        return value(EKG.contentHash), value(EKG.sourceFile)

    def documents(self) -> Iterator[str]:
        """The documents' graph IRIs (every named graph but ENTITIES_GRAPH and INCIDENTS_GRAPH)."""
        for g in self.ox.named_graphs():
            if g.value not in (str(ENTITIES_GRAPH), str(INCIDENTS_GRAPH)):
                yield g.value

    def __len__(self) -> int:
        return len(self.ox)


def _read_nquads(path: Path) -> Iterator[ox.Quad]:
    try:
        yield from ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)
    except SyntaxError as e:
        raise KgError(f"{path}: not valid N-Quads ({str(e).splitlines()[0]})") from None
    except OSError as e:
        raise KgError(f"{path}: cannot read it ({e.strerror or e})") from None


_LITERAL_TYPES: dict = {}  # datatype (a NamedNode, or an IRI from an endpoint's results) -> int, float or str


def to_python(term) -> object:
    """A term as a Python value: int or float for numeric literals, else its lexical form or IRI."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        return literal_type(term.datatype)(term.value)
    return term.value


def literal_type(datatype: ox.NamedNode | str | None):
    """int, float or str for a literal of ``datatype``, decided once per datatype."""
    kind = _LITERAL_TYPES.get(datatype)
    if kind is None:
        dt = str(getattr(datatype, "value", datatype or ""))
        kind = (int if dt.endswith(("#integer", "#nonNegativeInteger", "#int", "#long")) else
                float if dt.endswith(("#double", "#decimal", "#float")) else str)
        _LITERAL_TYPES[datatype] = kind
    return kind
