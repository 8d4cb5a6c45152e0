"""Bad input of every kind, hostile parameters and a killed build: a clear one-line error
naming the input, and a store that holds exactly what it held before.

The news texts are generated here from templates, never dev-set articles. Every test that
needs Stanza shares the few builds below, as each process spends seconds loading it.
"""
from __future__ import annotations

import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO, run_kg
from kg.cli import main as kg_main
from kg.documents import decode_text, iter_jsonl
from kg.errors import KgError
from kg.rdf.namespace import ENTITIES_GRAPH
from kg.nlp.tokenize import tokenize

BAD = REPO / "tests" / "bad_inputs"

# `kg build` with one document per batch (it has 16), so that the progress bar moves after
# every document it writes and the kill can land between two of them.
KILLED_BUILD = """
import sys
from pathlib import Path
from kg.build import build
from kg.store import Store
build([Path(sys.argv[1])], Store(sys.argv[2]), batch=1)
"""

PLACES = ["حلب", "الموصل", "إدلب", "دير الزور", "كركوك", "الحسكة", "صنعاء", "تعز", "درعا", "الفلوجة", "منبج", "حماة"]
ACTORS = ["تنظيم داعش", "الجيش السوري", "قوات سوريا الديمقراطية", "جماعة الحوثي", "الجيش التركي"]
SOURCES = ["وزارة الصحة", "المرصد السوري لحقوق الإنسان", "الأمم المتحدة", "الدفاع المدني"]
PEOPLE = ["أحمد الخالدي", "سامر حسن", "خالد يوسف", "محمد العلي"]
COUNTS = ["ثلاثة", "5", "١٢", "سبعة", "20", "أربعة"]
TEMPLATES = [
    "قتل {n} مدنيين في قصف استهدف مدينة {place}، بحسب {source}.",
    "أصيب {n} أشخاص في انفجار عبوة ناسفة قرب سوق {place}.",
    "اتهمت {source} {actor} بتنفيذ هجوم على حاجز في {place}.",
    "قال {person} إن {actor} قصف قرية قرب {place} صباح اليوم.",
    "نزحت نحو {n} عائلة من {place} بعد اشتباكات عنيفة.",
]


def news(i: int) -> str:
    """Three sentences of generated news, different for every ``i``."""
    return " ".join(TEMPLATES[(i + k) % len(TEMPLATES)].format(
        n=COUNTS[(i + 2 * k) % len(COUNTS)], place=PLACES[(i + k) % len(PLACES)],
        actor=ACTORS[(i + k) % len(ACTORS)], source=SOURCES[(i + 3 * k) % len(SOURCES)],
        person=PEOPLE[(i + k) % len(PEOPLE)]) for k in range(3))


def quads_by_graph(store: Path) -> dict[str, set[ox.Quad]]:
    out: dict[str, set[ox.Quad]] = defaultdict(set)
    for q in ox.Store.read_only(str(store)):
        out[getattr(q.graph_name, "value", "")].add(q)
    return dict(out)


def one_line_error(stderr: str, *names: str) -> str:
    assert "Traceback" not in stderr, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), stderr
    for n in names:
        assert n in lines[0], (n, stderr)
    return lines[0]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for i in range(12):
        (folder / f"n{i:02d}.txt").write_text(news(i), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory) -> Path:
    """The corpus built start to finish."""
    store = tmp_path_factory.mktemp("clean") / "store"
    r = run_kg("build", corpus, "--store", store, "--quiet")
    assert r.returncode == 0 and "built 12 document(s)" in r.stderr, r.stderr
    return store


@pytest.fixture
def store_copy(clean, tmp_path) -> Path:
    shutil.copytree(clean, tmp_path / "store")
    return tmp_path / "store"


# ---------------------------------------------------------------------------- the killed build

def kill_after(proc: subprocess.Popen, docs_written: int, timeout: float = 240) -> int:
    """SIGKILL ``proc`` as soon as its progress bar shows ``docs_written`` documents; the count it showed."""
    shown, deadline = b"", time.monotonic() + timeout
    while time.monotonic() < deadline:
        if select.select([proc.stderr], [], [], 1)[0]:
            chunk = os.read(proc.stderr.fileno(), 65536)
            if not chunk:
                break
            shown += chunk
            counts = [int(n) for n in re.findall(rb"\| (\d+)/\d+ \[", shown)]
            if counts and max(counts) >= docs_written:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                return max(counts)
    proc.kill()
    pytest.fail(f"the build ended or stalled before {docs_written} documents: {shown[-800:]!r}")


def test_a_killed_build_keeps_whole_documents_and_the_rerun_completes_it(corpus, clean, tmp_path):
    store = tmp_path / "store"
    proc = subprocess.Popen([sys.executable, "-c", KILLED_BUILD, str(corpus), str(store)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO)
    written = kill_after(proc, docs_written=2)
    expected = quads_by_graph(clean)

    from kg.store import Store

    assert len(list(Store(store).documents())) >= written  # it opens, read-write, after the kill
    survived = quads_by_graph(store)
    docs = [g for g in survived if "/doc/" in g]
    assert written <= len(docs) < 12, "the kill did not land mid-run"
    for g, quads in survived.items():
        if g == str(ENTITIES_GRAPH):  # the descriptions of the entities written so far
            assert quads <= expected[g]
        else:
            assert quads == expected[g], f"{g} is incomplete after the kill"

    r = run_kg("build", corpus, "--store", store, "--quiet")
    assert r.returncode == 0, r.stderr
    assert f"built {12 - len(docs)} document(s)" in r.stderr and f"skipped {len(docs)} unchanged" in r.stderr
    assert quads_by_graph(store) == expected
    assert len(ox.Store.read_only(str(store))) == len(ox.Store.read_only(str(clean)))


# ---------------------------------------------------------------------------- bad files

def test_bad_files_are_each_named_and_nothing_is_built(tmp_path):
    big = tmp_path / "ten_mb.txt"
    big.write_text(news(0) * (10_000_000 // len(news(0).encode("utf-8")) + 1), encoding="utf-8")
    store = tmp_path / "store"
    expected = {
        "empty.txt": "the file is empty",
        "whitespace_only.txt": "only whitespace",
        "binary.txt": "binary file",
        "cp1256.txt": "not valid UTF-8",
        "utf16.txt": "UTF-16",
        "latin_only.txt": "no Arabic text",
        big.name: "over the 2 MB limit",
    }
    files = sorted(BAD.glob("*.txt")) + [big]
    r = run_kg("build", *files, "--store", store, "--quiet")
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert len(r.stderr.splitlines()) == len(files), r.stderr  # one line per problem, nothing else
    for f in files:
        lines = [line for line in r.stderr.splitlines() if line.startswith(f"kg: error: {f}: ")]
        assert len(lines) == 1 and expected[f.name] in lines[0], (f, r.stderr)
    assert not store.exists() or not quads_by_graph(store)


def test_one_bad_file_is_one_line(tmp_path):
    r = run_kg("build", BAD / "binary.txt", "--store", tmp_path / "store", "--quiet")
    assert r.returncode == 2
    one_line_error(r.stderr, str(BAD / "binary.txt"), "binary file")


def test_malformed_jsonl_lines_are_named_by_line_and_the_rest_built(store_copy, clean, tmp_path):
    huge_line = tmp_path / "huge_line.jsonl"
    huge_line.write_text(json.dumps({"id": "huge", "text": news(1) * 20_000}, ensure_ascii=False), encoding="utf-8")
    f = BAD / "malformed.jsonl"
    r = run_kg("build", f, huge_line, "--store", store_copy, "--quiet")
    assert r.returncode == 3 and "Traceback" not in r.stderr, r.stderr  # some inputs skipped, the rest built
    problems = {int(m[1]): m[2] for m in re.finditer(rf"skipped {re.escape(str(f))}:(\d+): (.*)", r.stderr)}
    assert problems.keys() == {2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13}, r.stderr
    assert "malformed JSON" in problems[2] and "nested too deeply" in problems[6]
    assert "surrogate" in problems[8] and "UTF-8" in problems[9] and "duplicate id 'good1'" in problems[11]
    assert f"skipped {huge_line}:1: " in r.stderr and "over the 2 MB limit" in r.stderr
    assert "built 2 document(s)" in r.stderr
    after, before = quads_by_graph(store_copy), quads_by_graph(clean)
    assert {g: after[g] for g in before} == before  # the documents already there are untouched
    new = sorted(g.rsplit("/", 1)[1] for g in after.keys() - before.keys())
    assert new == ["good1", "x%3E%20%7D%20%3B%20DROP%20ALL%20%3B%20%23"]  # the hostile id, quoted into its IRI


# ---------------------------------------------------------------------------- hostile queries

@pytest.mark.parametrize("args,says", [
    (["SELECT ?s WHERE { ?s ?p }"], "bad SPARQL"),
    ([str(BAD / "syntax_error.rq")], "bad SPARQL"),
    (["DROP ALL"], "bad SPARQL"),
    (["INSERT DATA { <https://x.org/a> <https://x.org/b> <https://x.org/c> }"], "bad SPARQL"),
    (["missing_query.rq"], "missing_query.rq: no such query file"),
    (["actor_neighbourhood", "--bind", "actor=x> } ; DROP ALL ; #"], "x> } ; DROP ALL ; #"),
    (["actor_neighbourhood", "--bind", 'actor=https://x.org/a" } ; DROP ALL ; #'], "must be an IRI"),
    (["actor_neighbourhood", "--bind", "actor"], "--bind 'actor': expected VAR=IRI"),
])
def test_hostile_queries_get_one_line_and_change_nothing(clean, capsys, args, says):
    before = quads_by_graph(clean)
    assert kg_main(["query", *args, "--store", str(clean), "--format", "json"]) == 2
    one_line_error(capsys.readouterr().err, says)
    assert quads_by_graph(clean) == before


def test_query_names_a_missing_store(tmp_path, capsys):
    assert kg_main(["query", "actors", "--store", str(tmp_path / "nowhere")]) == 2
    one_line_error(capsys.readouterr().err, str(tmp_path / "nowhere"), "no store here")


# ---------------------------------------------------------------------------- kg load

def test_load_round_trips_a_dump_and_reloading_adds_nothing(clean, tmp_path, capsys):
    dump = tmp_path / "dump.nq"
    ox.Store.read_only(str(clean)).dump(str(dump), format=ox.RdfFormat.N_QUADS)
    fresh = tmp_path / "fresh"
    for _ in range(2):
        assert kg_main(["load", str(dump), "--store", str(fresh)]) == 0
        assert quads_by_graph(fresh) == quads_by_graph(clean)
    assert f"loaded {len(ox.Store.read_only(str(clean)))} quads" in capsys.readouterr().err


def test_load_replaces_a_documents_graph(clean, store_copy, tmp_path):
    graph = next(g for g in quads_by_graph(clean) if "/doc/" in g)
    shard = tmp_path / "shard.nq"
    shard.write_text(f'<https://x.org/s> <https://x.org/p> "new" <{graph}> .\n', encoding="utf-8")
    assert kg_main(["load", str(shard), "--store", str(store_copy)]) == 0
    after, before = quads_by_graph(store_copy), quads_by_graph(clean)
    assert len(after[graph]) == 1 and {g: q for g, q in after.items() if g != graph} == {
        g: q for g, q in before.items() if g != graph}


def test_a_bad_shard_loads_nothing_not_even_the_good_ones(clean, store_copy, tmp_path, capsys):
    good = tmp_path / "good.nq"
    good.write_text('<https://x.org/s> <https://x.org/p> "fine" <https://x.org/g> .\n', encoding="utf-8")
    for bad in (BAD / "bad.nq", BAD / "binary.txt", tmp_path / "missing.nq"):
        assert kg_main(["load", str(good), str(bad), "--store", str(store_copy)]) == 2
        one_line_error(capsys.readouterr().err, str(bad))
        assert quads_by_graph(store_copy) == quads_by_graph(clean)
    kg_main(["load", str(BAD / "bad.nq"), "--store", str(store_copy)])
    assert "line 2" in capsys.readouterr().err  # where the N-Quads go wrong


# ---------------------------------------------------------------------------- properties

@settings(max_examples=300, deadline=None)
@given(st.text())
def test_token_offsets_round_trip_for_any_text(text):
    sentences = tokenize(text)
    for s in sentences:
        for t in s.tokens:
            assert text[t.start:t.end] == t.text
    assert "".join(t.text for s in sentences for t in s.tokens) == "".join(text.split())


@settings(max_examples=300, deadline=None)
@given(st.binary())
def test_decode_text_gives_text_or_a_named_error(data):
    try:
        text = decode_text(data, "some.txt")
    except KgError as e:
        assert str(e).startswith("some.txt: ") and "\n" not in str(e)
    else:
        assert text.strip() and text.encode("utf-8")


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                           lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=10)
JSONL_LINES = st.one_of(
    st.binary(),
    JSON_VALUES.map(lambda v: json.dumps(v).encode()),
    st.fixed_dictionaries({"id": JSON_VALUES, "text": JSON_VALUES},
                          optional={"date": JSON_VALUES, "title": JSON_VALUES}).map(lambda v: json.dumps(v).encode()),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(JSONL_LINES, max_size=5))
def test_the_jsonl_reader_yields_documents_or_names_the_line(lines):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "any.jsonl"
        path.write_bytes(b"\n".join(lines))
        errors, docs = [], 0
        for doc in iter_jsonl(path, errors):  # nothing may escape but documents
            assert doc.id and doc.text.strip() and doc.content_hash
            docs += 1
        # every line that is not blank is a document or a named error
        assert docs + len(errors) == sum(1 for raw in path.read_bytes().split(b"\n") if raw.strip())
        for e in errors:
            assert re.fullmatch(rf"{re.escape(str(path))}:\d+", e.origin) and "\n" not in e.problem
