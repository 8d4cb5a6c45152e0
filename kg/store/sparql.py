"""What a SPARQL request asks for, read before it runs: whether it names its own dataset
(FROM, FROM NAMED), and whether it reaches out of the store (SERVICE, LOAD).

Oxigraph's union-default-graph flag overrides a query's FROM, so it may only be given to a
query that names no dataset; and the endpoint refuses requests that would make the server
fetch URLs a client chooses. Oxigraph does not expose its parsed queries, so rdflib's SPARQL
1.1 parser reads them: a request it cannot parse is refused as bad SPARQL.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.errors import KgError


@dataclass(frozen=True)
class Shape:
    names_dataset: bool  # FROM or FROM NAMED: the query's dataset is its own, not the union of all graphs
    services: tuple[str, ...]  # the endpoints of its SERVICE clauses
    loads: bool  # an update with LOAD <url>


def read_sparql(text: str, update: bool = False) -> Shape:
    """The shape of a query (or of an update); KgError "bad SPARQL: ..." when it does not parse."""
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        parsed = parseUpdate(text) if update else parseQuery(text)
    except Exception as e:  # pyparsing's ParseException, or rdflib's own on odd input
        raise KgError(f"bad SPARQL: {str(e).splitlines()[0]}") from None
    names = {}
    _walk(parsed, names)
    dataset = not update and bool(parsed[1]["datasetClause"] if "datasetClause" in parsed[1] else ())
    return Shape(dataset, tuple(names.get("ServiceGraphPattern", ())), "Load" in names)


def _walk(node, found: dict[str, list[str]]) -> None:
    """Collect the parse tree's node names (and, for SERVICE, its endpoint) into ``found``."""
    name = getattr(node, "name", None)
    if isinstance(name, str):
        found.setdefault(name, []).append(str(node.get("term", "")))
    if isinstance(node, dict):
        children = node.values()
    elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
        children = node
    else:
        return
    for child in children:
        _walk(child, found)
