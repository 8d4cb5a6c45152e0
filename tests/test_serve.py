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
import urllib.request
from pathlib import Path

import pytest
from SPARQLWrapper import CSV, JSON, POST, XML, SPARQLWrapper

from conftest import REPO

TIMEOUT_S = 2
MAX_RESULTS = 50
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


def sparql(url: str, query: str, fmt=JSON) -> SPARQLWrapper:
    client = SPARQLWrapper(f"{url}/query", updateEndpoint=f"{url}/update")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setTimeout(60)
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


def test_bad_sparql_is_a_400_with_the_reason(url):
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(f"{url}/query?query=SELECT%20%3Fs%20WHERE%20%7B", timeout=30)
    assert e.value.code == 400 and e.value.read().decode().startswith("bad SPARQL")


def test_writable_server_accepts_updates(store, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    server = start_server(copy, tmp_path / "serve.log", "--writable")
    url = next(server)
    try:
        client = sparql(url, 'INSERT DATA { GRAPH <https://x.org/g> { <https://x.org/a> ekg:note "ملاحظة" } }')
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
