"""What a SPARQL request asks for, read before it runs: whether it names its own dataset
(FROM, FROM NAMED), and whether it reaches out of the store (SERVICE, LOAD); and what makes
a query give the same rows on every engine: its parameters bound by VALUES (bind_values),
its GROUP_CONCAT cells sorted (portable_rows).

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


# The parts of a query's text that may hold braces or keywords without being syntax:
# comments, strings and IRIs; then the tokens that place the WHERE clauses' braces.
_TOKENS = re.compile(r'''(?P<skip>\#[^\n]*|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'
                             |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>)
                         |(?P<open>\{)|(?P<close>\})|(?<![?$:\w])(?P<keyword>WHERE|SELECT)\b''', re.X | re.I)


def bind_values(text: str, bindings: dict[str, str]) -> str:
    """The query with ``VALUES ?var { <iri> }`` first inside its outer WHERE, one per binding
    (IRIs checked by the caller), and first inside each subquery that projects ``?var``.

    An engine joins a VALUES there with the whole body, where a trailing VALUES does not
    filter a body with a BIND in Virtuoso (its issue 430); in the subqueries it only spares the
    engine their rows for every other value, as Oxigraph's substitutions do.
    """
    inserts: dict[int, dict[str, str]] = {}  # offset just past a WHERE's brace -> its VALUES
    first_open, outer, where_seen, depth, select = None, None, False, 0, None
    for m in _TOKENS.finditer(text):
        if m["skip"]:
            continue
        if m["open"]:
            if depth == 0:
                first_open = m.end() if first_open is None else first_open
                outer = m.end() if where_seen and outer is None else outer
            elif select is not None and select[1] == depth:  # a subquery's WHERE
                projected = _projected(text[select[0]:m.start()])
                inserts[m.end()] = {k: v for k, v in bindings.items() if k in projected}
            select = None
            depth += 1
        elif m["close"]:
            depth -= 1
        elif m["keyword"].upper() == "SELECT":
            select = (m.end(), depth)
        elif depth == 0:
            where_seen = True
    outer = outer or first_open
    if outer is None:
        raise KgError("bad SPARQL: no WHERE clause to bind parameters in")
    inserts[outer] = bindings
    for at in sorted(inserts, reverse=True):
        text = text[:at] + "".join(f"\n  VALUES ?{k} {{ <{v}> }}" for k, v in inserts[at].items()) + text[at:]
    return text


def _projected(clause: str) -> set[str]:
    """The variables a SELECT clause projects as they are (not those inside its expressions)."""
    while True:
        shorter = re.sub(r"\([^()]*\)", " ", clause)
        if shorter == clause:
            return set(re.findall(r"[?$](\w+)", clause))
        clause = shorter


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
            if isinstance(value, str):  # items joined by "" cannot be told apart: left as they are
                row[name] = (sep.join(sorted(value.split(sep))) if sep else value) if value else None
    return rows
