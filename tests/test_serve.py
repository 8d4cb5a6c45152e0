"""`kg serve` over real HTTP on 127.0.0.1, queried with SPARQLWrapper as a client would.

The store is built from the project's own examples (examples/articles).
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from SPARQLWrapper import CSV, JSON, JSONLD, POST, XML, SPARQLWrapper

from conftest import REPO, run_kg

TIMEOUT_S = 2
MAX_RESULTS = 50
TOKEN = "a-token-for-the-tests"
# Counting a four-way cross product of ~1000 triples (10^12 rows): no first row for hours.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def store(example_store) -> Path:
    return example_store


def start_server(store: Path, log: Path, *options: str):
    """`kg serve` on a free port of 127.0.0.1; yields its base URL, and stops it however the test ends."""
    with log.open("w") as err:
        proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", "0",
                                 "--timeout", str(TIMEOUT_S), "--max-results", str(MAX_RESULTS), *options],
                                stdout=subprocess.PIPE, stderr=err, text=True, cwd=REPO)
    try:
        line = proc.stdout.readline()  # printed once the workers are up and the port is bound
        m = re.search(r"http://127\.0\.0\.1:\d+", line)
        assert m, f"no URL from kg serve: {line!r} {log.read_text()}"
        yield m[0]
    finally:
        proc.terminate()
        try:
            assert proc.wait(timeout=20) == 0 and "stopped" in log.read_text()  # a clean stop
        finally:
            if proc.poll() is None:
                proc.kill()


@pytest.fixture(scope="module")
def url(store, tmp_path_factory):
    yield from start_server(store, tmp_path_factory.mktemp("log") / "serve.log")


def sparql(url: str, query: str, fmt=JSON, token: str | None = None) -> SPARQLWrapper:
    client = SPARQLWrapper(f"{url}/query", updateEndpoint=f"{url}/update")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setTimeout(60)
    if token:
        client.addCustomHttpHeader("Authorization", f"Bearer {token}")
    return client


def test_select_returns_arabic_labels(url):
    result = sparql(url, 'SELECT ?actor ?label WHERE { ?actor a ekg:Actor ; skos:prefLabel ?label '
                         'FILTER(lang(?label) = "ar") }').queryAndConvert()
    rows = result["results"]["bindings"]
    assert "قوات سوريا الديمقراطية" in {r["label"]["value"] for r in rows}
    assert all(r["label"]["xml:lang"] == "ar" and r["actor"]["type"] == "uri" for r in rows)


def test_shipped_query_and_result_formats(url):
    query = (REPO / "ontology" / "queries" / "accusations.rq").read_text(encoding="utf-8")
    rows = sparql(url, query).queryAndConvert()["results"]["bindings"]
    assert any(r["accuserLabel"]["value"] == "قوات سوريا الديمقراطية" for r in rows)
    csv = sparql(url, query, CSV).queryAndConvert().decode("utf-8")
    assert csv.splitlines()[0].startswith("accuser,accuserLabel,") and "قوات سوريا الديمقراطية" in csv
    xml = sparql(url, query, XML).query().response.read().decode("utf-8")
    assert "<sparql" in xml and "قوات سوريا الديمقراطية" in xml


def test_ask(url):
    assert sparql(url, "ASK { ?e a ekg:Attack }").queryAndConvert()["boolean"] is True
    assert sparql(url, "ASK { ?e a ekg:NoSuchClass }").queryAndConvert()["boolean"] is False


def test_updates_are_refused_when_read_only(url):
    client = sparql(url, "DROP ALL")
    client.setMethod(POST)
    with pytest.raises(urllib.error.HTTPError) as e:
        client.query()
    assert e.value.code == 403 and "read-only" in e.value.read().decode()
    assert sparql(url, "ASK { ?s ?p ?o }").queryAndConvert()["boolean"] is True


def test_a_runaway_query_is_stopped_and_the_server_goes_on(url):
    start = time.monotonic()
    with pytest.raises(urllib.error.HTTPError) as e:
        sparql(url, RUNAWAY).query()
    assert time.monotonic() - start < TIMEOUT_S + 10
    assert e.value.code == 503 and f"past the {TIMEOUT_S} s limit" in e.value.read().decode()
    assert sparql(url, "ASK { ?s ?p ?o }").queryAndConvert()["boolean"] is True


def test_results_are_cut_at_the_limit_and_say_so(url):
    response = sparql(url, "SELECT * WHERE { ?s ?p ?o }").query().response
    rows = json.loads(response.read())["results"]["bindings"]
    assert len(rows) == MAX_RESULTS and response.headers["X-SPARQL-MaxRows"] == str(MAX_RESULTS)
    response = sparql(url, "SELECT * WHERE { ?s ?p ?o } LIMIT 3").query().response
    assert "X-SPARQL-MaxRows" not in response.headers


def test_cors_for_yasgui(url):
    preflight = urllib.request.Request(f"{url}/query", method="OPTIONS", headers={
        "Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    with urllib.request.urlopen(preflight, timeout=30) as r:
        assert r.status == 204 and r.headers["Access-Control-Allow-Origin"] == "*"
        assert "POST" in r.headers["Access-Control-Allow-Methods"]
        assert "content-type" in r.headers["Access-Control-Allow-Headers"]
    response = sparql(url, "ASK { ?s ?p ?o }").query().response
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    with pytest.raises(urllib.error.HTTPError) as e:  # no page elsewhere may send updates
        urllib.request.urlopen(urllib.request.Request(f"{url}/update", data=b"update=DROP%20ALL"), timeout=30)
    assert "Access-Control-Allow-Origin" not in e.value.headers


def test_bad_sparql_is_a_400_with_the_reason(url):
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(f"{url}/query?query=SELECT%20%3Fs%20WHERE%20%7B", timeout=30)
    assert e.value.code == 400 and e.value.read().decode().startswith("bad SPARQL")


def test_writable_server_accepts_updates(store, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    server = start_server(copy, tmp_path / "serve.log", "--writable", "--token", TOKEN)
    url = next(server)
    try:
        client = sparql(url, 'INSERT DATA { GRAPH <https://x.org/g> { <https://x.org/a> ekg:note "ملاحظة" } }',
                        token=TOKEN)
        client.setMethod(POST)
        client.query()
        assert sparql(url, 'ASK { <https://x.org/a> ekg:note "ملاحظة" }').queryAndConvert()["boolean"] is True
        with pytest.raises(urllib.error.HTTPError) as e:  # the read-write worker is killed...
            sparql(url, RUNAWAY).query()
        assert e.value.code == 503
        # ... and its replacement reopens the store read-write, with the update in it
        assert sparql(url, 'ASK { <https://x.org/a> ekg:note "ملاحظة" }').queryAndConvert()["boolean"] is True
    finally:
        server.close()


# ---------------------------------------------------------------------------- datasets

def count(url: str, query: str) -> int:
    return int(sparql(url, query).queryAndConvert()["results"]["bindings"][0]["n"]["value"])


def cli_count(store: Path, query: str) -> int:
    r = run_kg("query", query, "--store", store, "--format", "json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)[0]["n"]


def test_from_and_from_named_are_honoured_as_sparql_defines_them(url, store):
    graphs = [b["g"]["value"] for b in sparql(url, "SELECT ?g WHERE { GRAPH ?g { } } ORDER BY ?g")
              .queryAndConvert()["results"]["bindings"]]
    doc = next(g for g in graphs if "/doc/" in g)
    in_doc = count(url, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{doc}> {{ ?s ?p ?o }} }}")
    everything = count(url, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert 0 < in_doc < everything
    # no dataset named: the default graph is the union of every graph
    assert count(url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == everything
    # FROM <g>: the default graph is g alone, and there are no named graphs
    from_doc = f"SELECT (COUNT(*) AS ?n) FROM <{doc}> WHERE {{ ?s ?p ?o }}"
    assert count(url, from_doc) == cli_count(store, from_doc) == in_doc
    assert count(url, f"SELECT (COUNT(*) AS ?n) FROM <{doc}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}") == 0
    # FROM NAMED <g>: g is the only named graph, and the default graph is empty
    named = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{doc}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert count(url, named) == cli_count(store, named) == in_doc
    assert count(url, f"SELECT (COUNT(*) AS ?n) FROM NAMED <{doc}> WHERE {{ ?s ?p ?o }}") == 0
    # the protocol's default-graph-uri does what FROM does
    client = sparql(url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    client.addDefaultGraph(doc)
    assert int(client.queryAndConvert()["results"]["bindings"][0]["n"]["value"]) == in_doc


# ---------------------------------------------------------------------------- one state

def test_a_build_while_serving_is_refused_and_every_answer_agrees(store, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    server = start_server(copy, tmp_path / "serve.log")
    url = next(server)
    try:
        before = (REPO / "ontology" / "queries" / "event_counts.rq").read_text(encoding="utf-8")
        first = sparql(url, before).queryAndConvert()
        r = run_kg("build", REPO / "tests" / "bad_inputs" / "latin_only.txt", "--store", copy, "--quiet")
        assert r.returncode == 2 and "kg serve" in r.stderr and "stop it" in r.stderr, r.stderr
        with pytest.raises(urllib.error.HTTPError):  # a worker replaced: it opens the store afresh
            sparql(url, RUNAWAY).query()
        answers = [sparql(url, before).queryAndConvert() for _ in range(4)]
        assert all(a == first for a in answers)
        cli = run_kg("query", "event_counts", "--store", copy, "--format", "json")
        rows = {(b["doc"]["value"], b["type"]["value"], int(b["n"]["value"])) for b in first["results"]["bindings"]}
        assert len(rows) > 3 and rows == {(row["doc"], row["type"], row["n"]) for row in json.loads(cli.stdout)}
    finally:
        server.close()


# ---------------------------------------------------------------------------- closed doors

def test_service_is_refused_and_sends_nothing(url):
    import socket

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.5)
        port = listener.getsockname()[1]
        with pytest.raises(urllib.error.HTTPError) as e:
            sparql(url, f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}").query()
        assert e.value.code == 403 and "--allow-service" in e.value.read().decode()
        with pytest.raises(socket.timeout):
            listener.accept()  # nobody came


def test_updates_need_the_token_and_the_same_origin(store, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    r = run_kg("serve", "--store", copy, "--writable")
    assert r.returncode == 2 and "--token" in r.stderr and "KG_TOKEN" in r.stderr
    server = start_server(copy, tmp_path / "serve.log", "--writable", "--token", TOKEN)
    url = next(server)

    def update(text: str, **headers: str) -> int:
        request = urllib.request.Request(f"{url}/update", data=urllib.parse.urlencode({"update": text}).encode(),
                                         headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status
        except urllib.error.HTTPError as e:
            return e.code

    try:
        assert update("DROP ALL") == 401
        assert update("DROP ALL", Authorization="Bearer not-the-token") == 401
        # a form on another site, even one that knew the token
        assert update("DROP ALL", Authorization=f"Bearer {TOKEN}", Origin="https://evil.example") == 403
        assert update("LOAD <http://127.0.0.1:9/data.ttl>", Authorization=f"Bearer {TOKEN}") == 403
        assert sparql(url, "ASK { ?s ?p ?o }").queryAndConvert()["boolean"] is True  # all still there
        same_origin = url
        assert update('INSERT DATA { <https://x.org/a> <https://x.org/b> "c" }', Authorization=f"Bearer {TOKEN}",
                      Origin=same_origin) == 204
        assert sparql(url, 'ASK { <https://x.org/a> <https://x.org/b> "c" }').queryAndConvert()["boolean"] is True
    finally:
        server.close()


def test_a_query_past_the_memory_limit_is_a_503_and_the_server_goes_on(store, tmp_path):
    server = start_server(store, tmp_path / "serve.log", "--max-memory", "256M", "--timeout", "600")
    url = next(server)
    try:
        with pytest.raises(urllib.error.HTTPError) as e:
            sparql(url, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i LIMIT 1").query()
        assert e.value.code == 503 and "--max-memory" in e.value.read().decode()
        assert sparql(url, "ASK { ?s ?p ?o }").queryAndConvert()["boolean"] is True
    finally:
        server.close()


# ---------------------------------------------------------------------------- formats and options

def test_construct_as_json_ld_reads_back_in_sparqlwrapper(url):
    query = "CONSTRUCT { ?a skos:prefLabel ?l } WHERE { ?a a ekg:Actor ; skos:prefLabel ?l }"
    graph = sparql(url, query, JSONLD).queryAndConvert()
    turtle = sparql(url, query, "turtle").query().response.read().decode("utf-8")
    import rdflib

    assert len(graph) > 5 and set(graph) == set(rdflib.Graph().parse(data=turtle, format="turtle"))
    assert "قوات سوريا الديمقراطية" in {str(o) for o in graph.objects()}


def test_the_next_accepted_type_is_used_when_the_first_cannot_be(url):
    request = urllib.request.Request(
        f"{url}/query?query=" + urllib.parse.quote("CONSTRUCT { ?s ?p ?o } WHERE { ?s a ekg:Attack ; ?p ?o }"),
        headers={"Accept": "application/x-unknown, application/n-quads;q=0.9, text/turtle;q=0.5"})
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.headers["Content-Type"].startswith("text/turtle")


@pytest.mark.parametrize("option,says", [(["--port", "99999"], "from 0 to 65535"),
                                         (["--timeout", "-1"], "seconds above 0"),
                                         (["--max-memory", "lots"], "512M")])
def test_bad_options_are_named(store, option, says):
    r = run_kg("serve", "--store", store, *option)
    assert r.returncode == 2 and "Traceback" not in r.stderr and says in r.stderr, r.stderr


def test_listening_beyond_this_machine_warns_and_the_backlog_is_long(store, tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", "0",
                             "--host", "0.0.0.0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert "http://0.0.0.0:" in proc.stdout.readline()
        assert "with no authentication" in proc.stderr.readline()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    server = start_server(store, tmp_path / "again.log")
    url = next(server)
    try:
        port = url.rsplit(":", 1)[1]
        listening = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True).stdout.split()
        assert int(listening[2]) >= 128  # ss shows a listening socket's backlog as its Send-Q
    finally:
        server.close()


# ---------------------------------------------------------------------------- the query page

def test_the_query_page_runs_a_shipped_query_offline(url, tmp_path):
    from test_report import chromium

    with urllib.request.urlopen(f"{url}/", timeout=30) as r:
        assert r.headers["Content-Type"].startswith("text/html")
        assert "unicode-bidi: plaintext" in r.read().decode()  # Arabic cells right to left
    # A fresh profile, no network beyond 127.0.0.1: every script and style comes from kg serve.
    dom = chromium("--virtual-time-budget=30000", "--dump-dom", f"{url}/?run=accusations",
                   "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", user_data=tmp_path / "profile")
    assert dom.returncode == 0, dom.stderr[-2000:]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", dom.stdout, re.S)
    assert any("قوات سوريا الديمقراطية" in c for c in cells), dom.stdout[-3000:]
