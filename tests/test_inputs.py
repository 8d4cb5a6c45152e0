"""Document ids and exit codes of `kg build`, with the real CLI: files of the same name in
different folders never replace each other silently, and what was skipped shows in the
exit code (0 all built or unchanged, 3 some inputs skipped, 2 nothing built).
"""
from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import REPO, run_kg
from kg.build import build
from kg.documents import Document
from kg.store import Store
from test_robustness import news, quads_by_graph

DOC = "https://w3id.org/arabic-event-kg/resource/doc/"


def documents(store: Path) -> dict[str, str]:
    """Each document's id and text."""
    rows = ox.Store.read_only(str(store)).query(
        "SELECT ?id ?text WHERE { GRAPH ?g { ?d dct:identifier ?id ; nif:isString ?text } }",
        prefixes={"dct": "http://purl.org/dc/terms/", "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"})
    return {r["id"].value: r["text"].value for r in rows}


@pytest.fixture
def site(tmp_path) -> Path:
    """A corpus laid out as site/day/article.txt, two days with an article of the same name."""
    for day, i in (("a", 0), ("b", 1)):
        (tmp_path / "site" / day).mkdir(parents=True)
        (tmp_path / "site" / day / "article.txt").write_text(news(i), encoding="utf-8")
    return tmp_path / "site"


def test_same_name_files_in_two_folders_are_both_kept(site, tmp_path):
    (site / "NEWS.TXT").write_text(news(2), encoding="utf-8")  # an upper-case suffix is text too
    r = run_kg("build", site, "--store", tmp_path / "store")
    assert r.returncode == 0, r.stderr
    assert "built 3 document(s)" in r.stderr
    assert "| 3/3 [" in r.stderr  # the progress bar knows its total
    assert documents(tmp_path / "store") == {"a/article": news(0), "b/article": news(1), "NEWS": news(2)}


def test_an_id_from_another_file_is_refused_unless_replace(site, tmp_path):
    store = tmp_path / "store"
    assert run_kg("build", site / "a", "--store", store, "--quiet").returncode == 0
    before = quads_by_graph(store)
    r = run_kg("build", site / "b", "--store", store, "--quiet")
    assert r.returncode == 2, r.stderr
    line = r.stderr.strip()
    assert "\n" not in line and str(site / "b" / "article.txt") in line and str(site / "a" / "article.txt") in line
    assert "--replace" in line and "Traceback" not in r.stderr
    assert quads_by_graph(store) == before

    (site / "a" / "article.txt").write_text(news(3), encoding="utf-8")  # an edited file is rebuilt
    r = run_kg("build", site / "a", "--store", store, "--quiet")
    assert r.returncode == 0 and "built 1 document(s)" in r.stderr, r.stderr
    assert documents(store) == {"article": news(3)}

    r = run_kg("build", site / "b", "--store", store, "--quiet", "--replace")
    assert r.returncode == 0 and "built 1 document(s)" in r.stderr, r.stderr
    assert documents(store) == {"article": news(1)}


def test_one_run_with_a_duplicate_id_says_so_in_its_exit_code(site, tmp_path):
    r = run_kg("build", site / "a", site / "b", "--store", tmp_path / "store", "--quiet")
    assert r.returncode == 3, r.stderr
    assert f"skipped {site / 'b' / 'article.txt'}: duplicate id 'article'" in r.stderr
    assert documents(tmp_path / "store") == {"article": news(0)}


def test_jsonl_dates_in_rfc_2822_are_read_and_unreadable_ones_said(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in (
        {"id": "rfc", "text": news(0), "date": "Wed, 30 May 2018 16:44:24 +0400"},
        {"id": "odd", "text": news(1), "date": "the day before yesterday"},
    )), encoding="utf-8")
    r = run_kg("build", f, "--store", tmp_path / "store", "--quiet")
    assert r.returncode == 0, r.stderr
    assert f"warning: {f}:2: date 'the day before yesterday' not understood" in r.stderr
    dates = {row["doc"]: row["date"] for row in map(json.loads, run_kg(
        "export", "events", "--store", tmp_path / "store").stdout.splitlines())}
    assert dates["rfc"] == "2018-05-30"


def test_ctrl_c_stops_a_build_with_one_line(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(40):
        (corpus / f"n{i:02d}.txt").write_text(news(i), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(corpus), "--store", str(tmp_path / "s")],
                            stderr=subprocess.PIPE, text=True, cwd=REPO)
    shown = ""
    while "| 0/40 [" not in shown:  # the bar is up: the build is running
        shown += proc.stderr.read(1)
        assert shown or proc.poll() is None
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and err.strip().endswith("kg build: interrupted"), err


def test_a_ctrl_c_that_a_library_swallows_still_stops_the_build(tmp_path):
    """Python drops a KeyboardInterrupt raised in a ``__del__``, and a library's bare
    ``except:`` catches it: the build remembers the Ctrl-C and stops before its next write."""
    def corpus():
        for i in range(40):
            if i == 20:  # while the second batch of 16 is read
                try:
                    signal.raise_signal(signal.SIGINT)
                except KeyboardInterrupt:  # as a bare `except:` would
                    pass
            yield Document(f"n{i:02d}", news(i))

    with Store(tmp_path / "s") as store, pytest.raises(KeyboardInterrupt):
        build(corpus(), store, progress=False)
    assert sorted(documents(tmp_path / "s")) == [f"n{i:02d}" for i in range(16)]  # the first batch, no more
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_mistyped_query_name_is_named(example_store):
    r = run_kg("query", "acusations", "--store", example_store)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.strip().splitlines() == [r.stderr.strip()]
    assert "no shipped query named 'acusations'; did you mean 'accusations'?" in r.stderr


def test_a_store_built_before_source_files_were_recorded_still_takes_edits(site, tmp_path):
    store = tmp_path / "store"
    assert run_kg("build", site / "a", "--store", store, "--quiet").returncode == 0
    old = ox.Store(str(store))  # as kg built stores before it recorded each document's file
    old.update("DELETE WHERE { GRAPH ?g { ?d ekg:sourceFile ?f } }",
               prefixes={"ekg": "https://w3id.org/arabic-event-kg/ontology#"})
    del old
    (site / "a" / "article.txt").write_text(news(3), encoding="utf-8")
    r = run_kg("build", site / "a", "--store", store, "--quiet")
    assert r.returncode == 0 and "built 1 document(s)" in r.stderr, r.stderr
    assert documents(store) == {"article": news(3)}


def test_a_document_the_mapper_fails_on_is_named_and_the_rest_built(tmp_path, monkeypatch):
    """A bug met on one document of a corpus (the failure is forced here: no known text
    causes one) costs that document, named, not the run."""
    from kg.build import Builder

    builder = Builder()
    extract = builder.mapper.extract

    def failing_on_n01(doc, nlp_doc):
        if doc.id == "n01":
            raise IndexError("list index out of range")
        return extract(doc, nlp_doc)

    monkeypatch.setattr(builder.mapper, "extract", failing_on_n01)
    with Store(tmp_path / "s") as store:
        summary = build([Document(f"n{i:02d}", news(i)) for i in range(3)], store, progress=False, builder=builder)
    assert summary.built == ["n00", "n02"] and summary.exit_code == 3
    assert [(b.origin, b.problem.split(";")[0]) for b in summary.bad] == [
        ("n01", "the mapper failed on it (IndexError: list index out of range)")]
    assert sorted(documents(tmp_path / "s")) == ["n00", "n02"]
