"""A SPARQL 1.1 endpoint (Virtuoso, `kg serve`, any engine that serves the union of its
graphs as the default graph) read as kg reads its own store: select(), documents(), len().

Queries go out as the SPARQL 1.1 protocol's POST of a form, results come back as SPARQL
JSON. What differs between engines is evened out here or in the shipped queries, never in
their callers: parameters are bound with a VALUES first inside the WHERE (bind_values), kg's prefixes are declared when the query uses them
undeclared (Oxigraph is given them; an endpoint is not), GROUP_CONCAT cells are sorted
(portable_rows), and a result that the engine cut at its row cap is an error, not an answer.
"""
from __future__ import annotations

import http.client
import json
import re
import urllib.error
import urllib.parse
import urllib.request

from kg.errors import KgError
from kg.rdf.namespace import EKG, ENTITIES_GRAPH, INCIDENTS_GRAPH, PREFIXES
from kg.store import iri_bindings, literal_type
from kg.store.sparql import bind_values, portable_rows, read_sparql

RESULTS_JSON = "application/sparql-results+json"
CUT_HEADER = "X-SPARQL-MaxRows"  # Virtuoso's (and kg serve's) "only the first N rows are here"
# kg's graphs alone: a document's graph holds the document itself; an engine's default graph
# may hold graphs of its own (Virtuoso's system graphs), which are no part of kg's graph.
DOCUMENTS = f"SELECT ?g WHERE {{ GRAPH ?g {{ ?g a <{EKG.Document}> }} }}"
QUADS = (f"SELECT (COUNT(*) AS ?n) WHERE {{ {{ GRAPH ?g {{ ?s ?p ?o }} VALUES ?g {{ <{ENTITIES_GRAPH}> "
         f"<{INCIDENTS_GRAPH}> }} }} UNION {{ GRAPH ?g {{ ?g a <{EKG.Document}> . ?s ?p ?o }} }} }}")


class SparqlEndpoint:
    def __init__(self, url: str, timeout: float = 600):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise KgError(f"{url}: not a SPARQL endpoint URL; give one such as http://127.0.0.1:8890/sparql")
        self.url, self.timeout = url, timeout

    def select(self, sparql: str, bindings: dict[str, str] | None = None) -> list[dict[str, object]]:
        """As Store.select: SELECT results as dicts of Python values, unbound as None."""
        read_sparql(sparql)  # bad SPARQL is named here, as for the store, not in an engine's words
        text = _with_prefixes(bind_values(sparql, {k: v.value for k, v in iri_bindings(bindings).items()})
                              if bindings else sparql)
        results = self._post(text)
        if "results" not in results:
            raise KgError("expected a SELECT query")
        names = results["head"]["vars"]
        rows = [{name: _to_python(b.get(name)) for name in names} for b in results["results"]["bindings"]]
        return portable_rows(sparql, rows)

    def documents(self):
        """The documents' graph IRIs."""
        return (row["g"] for row in self.select(DOCUMENTS))

    def __len__(self) -> int:
        return self.select(QUADS)[0]["n"]

    def _post(self, query: str) -> dict:
        request = urllib.request.Request(self.url, data=urllib.parse.urlencode({"query": query}).encode(),
                                         headers={"Accept": RESULTS_JSON,
                                                  "Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                headers, body = response.headers, response.read()
        except urllib.error.HTTPError as e:
            detail = e.read().decode("utf-8", "replace")
            if e.headers.get_content_type() == "text/html":  # an engine's reason, as text
                detail = re.sub(r"<[^>]*>", " ", detail)
            detail = " ".join(detail.split())[:300]
            raise KgError(f"the endpoint {self.url} answered {e.code} {e.reason}: {detail or 'no reason given'}") from None
        except (urllib.error.URLError, http.client.HTTPException, OSError) as e:
            reason = getattr(e, "reason", None) or e
            raise KgError(f"cannot reach the SPARQL endpoint {self.url} ({reason}); is its server running, "
                          "and is this its query URL?") from None
        if headers.get(CUT_HEADER) is not None:
            raise KgError(f"the endpoint {self.url} cut the result at {headers[CUT_HEADER]} rows (its row cap); raise "
                          "the cap (Virtuoso: ResultSetMaxRows in virtuoso.ini; kg serve: --max-results) or narrow the query")
        try:
            return json.loads(body)
        except ValueError:
            raise KgError(f"{self.url} did not answer with SPARQL JSON results (it sent {headers.get_content_type()}); "
                          "is this a SPARQL endpoint's query URL?") from None


def _with_prefixes(sparql: str) -> str:
    """The query with kg's prefixes that it uses but does not declare declared."""
    declared = {m[1] for m in re.finditer(r"PREFIX\s+([\w.-]*):", sparql, re.I)}
    used = [p for p in PREFIXES if p not in declared and re.search(rf"(?<![\w:/#]){re.escape(p)}:", sparql)]
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in used) + sparql


def _to_python(term: dict | None) -> object:
    """A SPARQL JSON term as Store.select gives it: numbers as int or float, else the value."""
    if term is None:
        return None
    if term["type"] in ("literal", "typed-literal") and "datatype" in term:
        return literal_type(term["datatype"])(term["value"])
    return term["value"]
