"""The process side of `kg serve`: runs one SPARQL request at a time on its own store handle.

It lives in a separate process so that the server can stop a runaway query by killing it
(Oxigraph gives no way to interrupt a query, and one may run long before its first row).
It imports nothing but pyoxigraph (and kg.processes, which imports nothing), so that a
replacement worker starts quickly.
"""
from __future__ import annotations

import json
import resource
import signal
from dataclasses import dataclass, field
from itertools import islice

import pyoxigraph as ox

from kg.processes import die_with_parent

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RESULTS_JSON = ox.QueryResultsFormat.JSON


@dataclass
class Request:
    op: str  # "query" or "update"
    text: str
    accept: list[str] = field(default_factory=list)  # media types, preferred first
    default_graphs: list[str] = field(default_factory=list)  # the protocol's default-graph-uri
    named_graphs: list[str] = field(default_factory=list)  # and named-graph-uri
    union: bool = True  # no dataset named, by the query or the protocol: the union of all graphs is the default
    max_results: int = 10_000


@dataclass
class Reply:
    status: int
    body: bytes
    content_type: str = "text/plain; charset=utf-8"
    truncated: bool = False  # more rows than max_results; only the first ones are in body


def error_reply(status: int, message: str) -> Reply:
    return Reply(status, (message + "\n").encode("utf-8"))


OUT_OF_MEMORY = "the query needed more memory than a query may have (kg serve --max-memory) and was stopped"


def _triples_format(media: str) -> ox.RdfFormat | None:
    """The RDF format of a media type that can hold a CONSTRUCT's triples (JSON-LD can; TriG
    and N-Quads are for datasets; the streaming JSON-LD profile is JSON-LD too)."""
    fmt = ox.RdfFormat.from_media_type(media)
    if fmt == ox.RdfFormat.STREAMING_JSON_LD:
        return ox.RdfFormat.JSON_LD
    return fmt if fmt is not None and (fmt == ox.RdfFormat.JSON_LD or not fmt.supports_datasets) else None


def _pick(accept: list[str], parse, default):
    for media in accept:
        fmt = parse(media)
        if fmt is not None:
            return fmt
    return default


def _term(t) -> dict:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Triple):
        return {"type": "triple", "value": {"subject": _term(t.subject), "predicate": _term(t.predicate),
                                            "object": _term(t.object)}}
    out = {"type": "literal", "value": t.value}
    if t.language:
        out["xml:lang"] = t.language
    elif t.datatype.value != XSD_STRING:
        out["datatype"] = t.datatype.value
    return out


def _solutions_json(variables: list[str], rows) -> bytes:
    """SPARQL JSON results for rows already cut to the limit (pyoxigraph only serializes whole results)."""
    bindings = [{v: _term(row[v]) for v in variables if row[v] is not None} for row in rows]
    return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                      ensure_ascii=False).encode("utf-8")


def run(store: ox.Store, req: Request, prefixes: dict[str, str]) -> Reply:
    try:
        if req.op == "update":
            store.update(req.text, prefixes=prefixes)
            return Reply(204, b"")
        graphs = {"use_default_graph_as_union": req.union}
        if req.default_graphs:
            graphs["default_graph"] = [ox.NamedNode(g) for g in req.default_graphs]
        if req.named_graphs:
            graphs["named_graphs"] = [ox.NamedNode(g) for g in req.named_graphs]
        result = store.query(req.text, prefixes=prefixes, **graphs)
        if isinstance(result, ox.QueryBoolean):
            fmt = _pick(req.accept, ox.QueryResultsFormat.from_media_type, RESULTS_JSON)
            return Reply(200, result.serialize(format=fmt), fmt.media_type)
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            rows = list(islice(result, req.max_results + 1))
            body = _solutions_json(variables, rows[:req.max_results])
            fmt = _pick(req.accept, ox.QueryResultsFormat.from_media_type, RESULTS_JSON)
            if fmt != RESULTS_JSON:
                body = ox.parse_query_results(body, format=RESULTS_JSON).serialize(format=fmt)
            return Reply(200, body, fmt.media_type, truncated=len(rows) > req.max_results)
        triples = list(islice(result, req.max_results + 1))
        fmt = _pick(req.accept, _triples_format, ox.RdfFormat.TURTLE)
        return Reply(200, ox.serialize(triples[:req.max_results], format=fmt, prefixes=prefixes),
                     fmt.media_type, truncated=len(triples) > req.max_results)
    except MemoryError:
        return error_reply(503, OUT_OF_MEMORY)
    except SyntaxError as e:
        return error_reply(400, f"bad SPARQL: {str(e).splitlines()[0]}")
    except ValueError as e:  # an invalid graph IRI, say
        return error_reply(400, str(e).splitlines()[0])
    except OSError as e:
        return error_reply(500, f"the store failed: {str(e).splitlines()[0]}")


def _limit_memory(max_memory: int) -> None:
    """Let the process map ``max_memory`` bytes more than it maps now (Python, pyoxigraph and
    the open store, whose threads' stacks alone are hundreds of MB of address space): a query
    past that fails to allocate, and the process ends (Oxigraph aborts) or answers OUT_OF_MEMORY."""
    try:
        mapped = int(open("/proc/self/statm").read().split()[0]) * resource.getpagesize()
    except OSError:  # not Linux: the limit is on the whole process
        mapped = 0
    resource.setrlimit(resource.RLIMIT_AS, (mapped + max_memory, mapped + max_memory))


def main(store_path: str, writable: bool, prefixes: dict[str, str], max_memory: int, parent: int, conn) -> None:
    """Serve requests from ``conn`` until the server closes it. Says "ready" once the store is
    open. A query may take ``max_memory`` bytes (see _limit_memory); the server goes on either way."""
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the server stops us
    try:
        store = ox.Store(store_path) if writable else ox.Store.read_only(store_path)
    except OSError as e:
        conn.send(f"cannot open the store: {str(e).splitlines()[0]}")
        return
    _limit_memory(max_memory)
    conn.send("ready")
    while True:
        try:
            req = conn.recv()
        except EOFError:
            return
        conn.send(run(store, req, prefixes))
