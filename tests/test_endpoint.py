"""`--endpoint URL`: query, export and report from a SPARQL endpoint give what they give from
the store the graph was built into. The endpoint is a real Virtuoso on 127.0.0.1, started and
bulk-loaded by pipelines/virtuoso.py (its command line, stopped with Ctrl-C), holding the
`kg export nquads` of a store of the 4 example articles, 5 dev articles and the articles of
tests/test_incidents.py (every shipped query has rows to compare on it); and `kg serve`, for a
result cut at a row cap.
"""
from __future__ import annotations

import json
import math
import re
import shutil
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from conftest import EXAMPLES, REPO, run_kg
from pipelines.virtuoso import SERVER, free_port, running
from test_incidents import ARTICLES as INCIDENT_ARTICLES
from test_incidents import write_jsonl
from test_serve import start_server

DEV_ARTICLES = ["seed_sinaa_prison", "cx001", "cx002", "cx003", "cx004"]
QUERIES = sorted(p.stem for p in (REPO / "ontology" / "queries").glob("*.rq"))
PARAMETERS = {"events_at_place": "place", "actor_neighbourhood": "actor"}  # the shipped queries' ?PARAM (IRI ...)


@pytest.fixture(scope="session")
def built(tmp_path_factory, shared) -> tuple[Path, Path]:
    """A store of the examples, a few dev articles and an incident three articles report, and
    its `kg export nquads`."""
    root = tmp_path_factory.mktemp("endpoint")
    store, nquads = root / "store", root / "all.nq"
    incident = write_jsonl(root / "incident.jsonl", INCIDENT_ARTICLES)
    r = run_kg("build", EXAMPLES, *(shared / "dev" / "articles" / f"{a}.txt" for a in DEV_ARTICLES), incident,
               "--store", store, "--quiet")
    assert r.returncode == 0, r.stderr
    r = run_kg("export", "nquads", "--store", store, "--out", nquads)
    assert r.returncode == 0, r.stderr
    return store, nquads


@pytest.fixture(scope="session")
def virtuoso(built, tmp_path_factory) -> str:
    """A Virtuoso with the store's N-Quads loaded, run as the recipe says; its SPARQL URL."""
    if shutil.which(SERVER) is None:
        pytest.skip(f"{SERVER} is not installed (apt-get install virtuoso-opensource; CI installs it)")
    db = tmp_path_factory.mktemp("virtuoso")
    proc = subprocess.Popen([sys.executable, "-m", "pipelines.virtuoso", str(db), str(built[1]),
                             "--http-port", str(free_port()), "--isql-port", str(free_port())],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
    line = proc.stdout.readline()
    m = re.search(r"http://127\.0\.0\.1:\d+/sparql", line)
    try:
        assert m, f"no endpoint from pipelines.virtuoso: {line!r} {proc.stderr.read() if proc.poll() else ''}"
        yield m[0]
    finally:
        proc.send_signal(signal.SIGINT)  # Ctrl-C: the recipe stops its virtuoso-t
        try:
            # The recipe bounds its own stop (Virtuoso.stop: 60 s for `shutdown`, 60 s more to exit)
            assert proc.wait(timeout=180) == 0, proc.stderr.read()
        finally:
            if proc.poll() is None:
                proc.kill()
        assert "Server shutdown complete" in (db / "virtuoso.log").read_text()


def busiest(store: Path, role: str) -> str:
    r = run_kg("query", f"SELECT ?x (COUNT(*) AS ?n) WHERE {{ ?e {role} ?x }} GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT 1",
               "--store", store, "--format", "json")
    return json.loads(r.stdout)[0]["x"]


def query_rows(name: str, source: list[str], *options: str) -> list[dict]:
    r = run_kg("query", name, *source, "--format", "json", *options)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def same_rows(a: list[dict], b: list[dict]) -> bool:
    """The same rows as multisets, numbers equal to 1e-9."""
    def equal(x: dict, y: dict) -> bool:
        return x.keys() == y.keys() and all(
            math.isclose(x[k], y[k], abs_tol=1e-9) if isinstance(x[k], float) or isinstance(y[k], float)
            else x[k] == y[k] for k in x)

    rest = list(b)
    for row in a:
        match = next((i for i, other in enumerate(rest) if equal(row, other)), None)
        if match is None:
            return False
        rest.pop(match)
    return not rest


@pytest.mark.parametrize("name", QUERIES)
def test_every_shipped_query_gives_the_stores_rows(built, virtuoso, name):
    store = built[0]
    binds = []
    if name in PARAMETERS:
        param = PARAMETERS[name]
        iri = busiest(store, "ekg:location" if param == "place" else
                      "ekg:perpetrator|ekg:target|ekg:victim|ekg:accuser|ekg:accused|ekg:reportedBy")
        binds = ["--bind", f"{param}={iri}"]
    expected = query_rows(name, ["--store", store], *binds)
    got = query_rows(name, ["--endpoint", virtuoso], *binds)
    assert expected, f"{name} has no rows to compare on this store"
    assert same_rows(expected, got), f"{name}: {len(expected)} rows from the store, {len(got)} from Virtuoso"
    if binds:  # the parameter filters (a trailing VALUES would not, in Virtuoso)
        assert {row[PARAMETERS[name]] for row in got} == {binds[1].split("=", 1)[1]}


def test_coordinates_keep_their_full_precision(built, virtuoso):
    places = query_rows("places", ["--endpoint", virtuoso])
    # Virtuoso writes an xsd:double with 6 significant digits; the registry's have 7
    assert any(p["lat"] is not None and len(repr(p["lat"]).replace(".", "")) > 6 for p in places)


def test_parameters_are_bound_first_inside_the_where_and_the_subqueries_projecting_them():
    from kg.store.sparql import bind_values

    query = """SELECT ?s ?n WHERE { # a { in a comment, "}" in a string: <http://x/#WHERE>
      { SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s }
      { SELECT (MIN(?s) AS ?m) { ?s ?p "{" } } }"""
    bound = bind_values(query, {"s": "http://e/a"})
    assert bound.count("VALUES ?s { <http://e/a> }") == 2
    assert re.search(r"^SELECT \?s \?n WHERE \{\s+VALUES \?s", bound)
    assert re.search(r"SELECT \?s \(COUNT\(\?o\) AS \?n\) WHERE \{\s+VALUES \?s", bound)
    construct = bind_values("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": "http://e/a"})
    assert construct == "CONSTRUCT { ?s ?p ?o } WHERE {\n  VALUES ?s { <http://e/a> } ?s ?p ?o }"


def test_group_concat_cells_are_sorted_and_an_empty_one_is_unbound():
    from kg.store.sparql import portable_rows

    query = """SELECT ?a (GROUP_CONCAT(DISTINCT STR(?x); separator=" | ") AS ?xs) (GROUP_CONCAT(?y) AS ?ys)
               (GROUP_CONCAT(?z; separator="") AS ?zs) WHERE { ?a ?p ?x } GROUP BY ?a"""
    rows = [{"a": "1", "xs": "b | a", "ys": "", "zs": "ba"}, {"a": "2", "xs": None, "ys": "d c", "zs": None}]
    assert portable_rows(query, rows) == [{"a": "1", "xs": "a | b", "ys": None, "zs": "ba"},
                                          {"a": "2", "xs": None, "ys": "c d", "zs": None}]


def page_parts(html: str) -> Counter:
    """The report's counts, table rows and drawn labels, in any order."""
    return Counter(re.findall(r"<li><b>.*?</li>|<tr>.*?</tr>|<text[^>]*>[^<]*</text>", html))


def test_report_from_the_endpoint_has_the_stores_data(built, virtuoso, tmp_path):
    pages = {}
    for source in (["--store", built[0]], ["--endpoint", virtuoso]):
        out = tmp_path / f"{source[0][2:]}.html"
        r = run_kg("report", *source, "--out", out)
        assert r.returncode == 0, r.stderr
        pages[source[0]] = out.read_text(encoding="utf-8")
    store, endpoint = page_parts(pages["--store"]), page_parts(pages["--endpoint"])
    assert store == endpoint
    assert sum(1 for part in store if part.startswith("<tr>")) > 20
    triples = re.search(r"<li><b>(\d+)</b>triples</li>", pages["--endpoint"])[1]  # kg's graphs, not Virtuoso's own
    assert int(triples) == sum(1 for _ in built[1].open(encoding="utf-8"))


@pytest.mark.parametrize("view", ["actors", "full"])
def test_gexf_from_the_endpoint_has_the_stores_nodes_and_edges(built, virtuoso, tmp_path, view):
    graphs = []
    for source in (["--store", built[0]], ["--endpoint", virtuoso]):
        out = tmp_path / f"{source[0][2:]}.gexf"
        r = run_kg("export", "gexf", "--view", view, *source, "--out", out)
        assert r.returncode == 0, r.stderr
        graphs.append(nx.read_gexf(out))
    store, endpoint = graphs
    assert store.number_of_nodes() > 10 and store.number_of_edges() > 5
    assert dict(store.nodes(data=True)) == dict(endpoint.nodes(data=True))
    assert sorted(store.edges(data=True), key=repr) == sorted(endpoint.edges(data=True), key=repr)


def test_export_tables_from_the_endpoint_are_the_stores(built, virtuoso):
    for what in ("events", "entities"):
        outputs = [run_kg("export", what, *source, "--format", "csv")
                   for source in (["--store", built[0]], ["--endpoint", virtuoso])]
        assert all(r.returncode == 0 for r in outputs), [r.stderr for r in outputs]
        assert sorted(outputs[0].stdout.splitlines()) == sorted(outputs[1].stdout.splitlines())


def test_python_api_reads_an_endpoint(built, virtuoso):
    from kg.api import KnowledgeGraph
    from kg.errors import KgError

    store, endpoint = KnowledgeGraph(built[0]), KnowledgeGraph(endpoint=virtuoso)
    assert len(store) == len(endpoint)
    assert same_rows(store.query("accusations").to_dict("records"), endpoint.query("accusations").to_dict("records"))
    assert len(endpoint.events()) == len(store.events()) > 0
    with pytest.raises(KgError, match="read from, not written to"):
        endpoint.add_texts(["قتل 4 أشخاص في قصف على مدينة حلب."])


def test_a_result_cut_at_the_row_cap_is_an_error(example_store, tmp_path):
    """kg serve (another SPARQL endpoint) cuts results at 50 rows and says so in a header."""
    for url in start_server(example_store, tmp_path / "serve.log"):
        assert same_rows(query_rows("accusations", ["--store", example_store]),
                         query_rows("accusations", ["--endpoint", f"{url}/query"]))
        r = run_kg("query", "export_mentions", "--endpoint", f"{url}/query")
        assert r.returncode == 2 and r.stdout == ""
        assert len(r.stderr.strip().splitlines()) == 1 and "cut the result at 50 rows" in r.stderr, r.stderr


def test_virtuosos_row_cap_is_an_error(built, virtuoso, tmp_path):
    """A Virtuoso with a row cap of 20 (ResultSetMaxRows) says that it cut a result only in a header."""
    with running(tmp_path / "db", [built[1]], max_rows=20) as server:
        assert len(query_rows("accusations", ["--endpoint", server.endpoint])) < 20
        r = run_kg("query", "export_mentions", "--endpoint", server.endpoint)
    assert r.returncode == 2 and r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1 and "cut the result at 20 rows" in r.stderr, r.stderr


def test_virtuosos_time_limit_is_a_one_line_error(built, virtuoso, tmp_path):
    """Past MaxQueryExecutionTime, Virtuoso stops the query with an error, which kg names."""
    runaway = "SELECT ?c ?f WHERE { ?a ?b ?c . ?d ?e ?f FILTER(STR(?c) < STR(?f) && STRLEN(STR(?f)) > 100000) }"
    with running(tmp_path / "db", [built[1]], max_seconds=1) as server:
        r = run_kg("query", runaway, "--endpoint", server.endpoint)
    assert r.returncode == 2 and r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert "answered 500" in r.stderr and "timed out" in r.stderr and "STR(?c) < STR(?f)" in r.stderr


@pytest.mark.parametrize("args, problem", [
    (["query", "actors", "--endpoint", "http://127.0.0.1:{closed}/sparql"], "cannot reach the SPARQL endpoint"),
    (["query", "actors", "--endpoint", "127.0.0.1:8890/sparql"], "not a SPARQL endpoint URL"),
    (["query", "SELECT * WHERE { ?s ?p ?o FILTER(nope:f(?o)) }", "--endpoint", "{virtuoso}"], "answered 400"),
    (["query", "actors", "--endpoint", "{virtuoso}x"], "answered 404"),
    (["export", "nquads", "--endpoint", "{virtuoso}"], "give --store"),
])
def test_endpoint_problems_are_one_line_errors(virtuoso, args, problem):
    r = run_kg(*(a.replace("{closed}", str(free_port())).replace("{virtuoso}", virtuoso) for a in args))
    assert r.returncode == 2 and r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1 and problem in r.stderr, r.stderr
