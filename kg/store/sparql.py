"""What a SPARQL request asks for, read before it runs: whether it names its own dataset
(FROM, FROM NAMED), and whether it reaches out of the store (SERVICE, LOAD).

Oxigraph's union-default-graph flag overrides a query's FROM, so it may only be given to a
query that names no dataset; and the endpoint refuses requests that would make the server
fetch URLs a client chooses. Oxigraph does not expose its parsed queries, so rdflib's SPARQL
1.1 parser reads them: a request it cannot parse is refused as bad SPARQL.
"""
from __future__ import annotations

import re
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


# The parts of a query's text that may hold braces or the word WHERE without being syntax:
# comments, strings and IRIs; then the tokens that place the outer WHERE's braces.
_TOKENS = re.compile(r'''(?P<skip>\#[^\n]*|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'
                             |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>)
                         |(?P<open>\{)|(?P<close>\})|(?P<where>(?<![?$:\w])WHERE\b)''', re.X | re.I)


def bind_values(text: str, bindings: dict[str, str]) -> str:
    """The query with ``VALUES ?var { <iri> }`` first inside its outer WHERE, one per binding
    (IRIs checked by the caller). An engine joins a VALUES there with the whole body; a
    trailing VALUES does not filter a body with a BIND in Virtuoso (its issue 430)."""
    where_seen, first_open, depth = None, None, 0
    for m in _TOKENS.finditer(text):
        if m["open"]:
            if depth == 0:
                first_open = m.end() if first_open is None else first_open
                if where_seen:
                    return text[:m.end()] + _values(bindings) + text[m.end():]
            depth += 1
        elif m["close"]:
            depth -= 1
        elif m["where"] and depth == 0:
            where_seen = True
    if first_open is None:
        raise KgError("bad SPARQL: no WHERE clause to bind parameters in")
    return text[:first_open] + _values(bindings) + text[first_open:]


def _values(bindings: dict[str, str]) -> str:
    return "".join(f"\n  VALUES ?{name} {{ <{iri}> }}" for name, iri in bindings.items())


_GROUP_CONCAT = re.compile(r'GROUP_CONCAT\s*\(((?:[^()"]|"[^"]*"|\((?:[^()"]|"[^"]*")*\))*)\)\s*AS\s*\?(\w+)', re.I)
_SEPARATOR = re.compile(r';\s*separator\s*=\s*(?:"((?:[^"\\]|\\.)*)"|\'((?:[^\'\\]|\\.)*)\')', re.I)


def list_columns(text: str) -> dict[str, str]:
    """The variables a query binds to a GROUP_CONCAT, with their separators."""
    found = {}
    for m in _GROUP_CONCAT.finditer(text):
        sep = _SEPARATOR.search(m[1])
        found[m[2]] = (sep[1] if sep[1] is not None else sep[2]) if sep else " "
    return found


def portable_rows(text: str, rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Rows with every GROUP_CONCAT cell's items sorted, and an empty one unbound (None):
    engines join the items in an order of their own, and over no values one gives "",
    another leaves the variable unbound."""
    for name, sep in list_columns(text).items():
        for row in rows:
            value = row.get(name)
            if isinstance(value, str):
                row[name] = sep.join(sorted(value.split(sep))) if value else None
    return rows
