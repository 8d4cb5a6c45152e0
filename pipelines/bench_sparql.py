"""The shipped SPARQL queries on a ~1M-triple synthetic graph: Oxigraph in memory and on
disk, Virtuoso (a server, through its SPARQL endpoint) and rdflib, side by side.

    python -m pipelines.bench_sparql [--triples 1000000] [--rdflib-triples 100000] [--repeats 5]

The graph is made by kg.rdf itself (the same GraphBuilder `kg build` uses) from invented
documents: 10 sentences each, 5 actors and 3 places drawn from shared pools with a
long tail (a few actors and places appear in many documents, most in few), an attack, an
accusation about it and one or two casualty figures. rdflib gets the first
``--rdflib-triples`` of it (1M triples in rdflib take minutes to load and some queries
minutes to run); Oxigraph is timed on that slice too, for the ratio. Each query runs in a
forked process, given up after ``--cap`` seconds per store. Queries run through kg.store.Store.select, as `kg query` runs them,
results turned into Python values; Virtuoso's through SparqlEndpoint.select, as `kg query --endpoint`
runs them (pipelines/virtuoso.py starts it on 127.0.0.1 and bulk-loads the graph; its column is
left out when virtuoso-t is not installed). Parameterised queries are bound to the busiest actor
or place (the worst case) and to the 100th busiest (a typical one).
"""
from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.build import BuiltGraph
from kg.extract.model import Event, Extraction, Mention, SentenceSpan, Span
from kg.link import Entity, LinkedDocument
from kg.rdf import to_graph
from kg.errors import KgError
from kg.store import QUERY_DIR, Store
from kg.store.endpoint import SparqlEndpoint
from pipelines import virtuoso
from pipelines.benchmarks_md import conditions, record

CACHE = Path(__file__).resolve().parents[1] / "build" / "bench"
GRAPH_LAYOUT = "entities-graph"  # documents' graphs + one graph of entity descriptions
WORDS = ("قال مصدر أمني إن قصفا استهدف أحياء المدينة صباح اليوم وأسفر عن سقوط عدد من "
         "المدنيين بين قتيل وجريح فيما اتهمت الحكومة الجماعة المسلحة بتنفيذ الهجوم").split()
ACTOR_TYPES = ("state", "armed_group", "organisation", "person", "media")
N_ACTORS, N_PLACES, SENTENCES, WORDS_PER_SENTENCE = 3000, 2000, 10, 20


def pools(rng: random.Random) -> tuple[list[Entity], list[Entity]]:
    actors = [Entity(f"actor/a{i}", "actor", rng.choice(ACTOR_TYPES), f"فاعل {i}",
                     label_en=f"Actor {i}" if i < 300 else None, wikidata=f"Q{1000 + i}" if i < 300 else None)
              for i in range(N_ACTORS)]
    places = [Entity(f"place/p{i}", "place", "city", f"مدينة {i}", label_en=f"Town {i}",
                     geonames=str(100000 + i), lat=rng.uniform(12, 38), lon=rng.uniform(30, 60), precision=2)
              for i in range(N_PLACES)]
    return actors, places


def synthetic_document(i: int, rng: random.Random, actors: list[Entity], places: list[Entity],
                       actor_weights: list[float], place_weights: list[float]) -> LinkedDocument:
    sentences, text = [], ""
    for _ in range(SENTENCES):
        s = " ".join(rng.choice(WORDS) for _ in range(WORDS_PER_SENTENCE)) + "."
        start = len(text) + (1 if text else 0)
        text += (" " if text else "") + s
        sentences.append(SentenceSpan(start, start + len(s), s))
    # Word spans to hang mentions and triggers on, each a different word.
    words = []
    for si, s in enumerate(sentences):
        pos = s.start
        for w in s.text.rstrip(".").split(" "):
            words.append(Span(pos, pos + len(w), w, si))
            pos += len(w) + 1
    spans = iter(rng.sample(words, 16))

    def pick(pool, weights, k):
        chosen = []
        while len(chosen) < k:
            e = rng.choices(pool, weights)[0]
            if e not in chosen:
                chosen.append(e)
        return chosen

    entity_of = {}
    for e in pick(actors, actor_weights, 5) + pick(places, place_weights, 3):
        m = Mention(next(spans), e.kind, e.type, None, "ner")
        entity_of[m] = e
    a, p = [m for m in entity_of if m.kind == "actor"], [m for m in entity_of if m.kind == "place"]
    date = f"2015-{1 + i % 12:02d}-{1 + i % 28:02d}"
    attack = Event("attack", next(spans), perpetrator=a[0], target=a[1], places=[p[0]], date=date, confidence=0.8)
    events = [attack, Event("accusation", next(spans), accuser=a[2], accused=a[0], about=attack, confidence=0.7)]
    for outcome in rng.sample(("killed", "injured"), rng.choice((1, 2))):
        events.append(Event("casualty", next(spans), victim=a[1], reported_by=a[3], places=[p[0], p[1]][:rng.choice((1, 2))],
                            count=rng.randint(1, 60), outcome=outcome, qualifier=rng.choice(("exact", "at_least")),
                            group="مدنيين", date=date, confidence=0.9, evidence=[next(spans)]))
    ex = Extraction(f"syn{i}", text, sentences, list(entity_of), events, date=date, title=sentences[0].text)
    return LinkedDocument(ex, list(dict.fromkeys(entity_of.values())), entity_of)


def synthetic_nquads(triples: int, seed: int = 1) -> Path:
    """An N-Quads file of at least ``triples`` quads, made once and cached under build/bench
    (named by GRAPH_LAYOUT, so that a file of an older layout is never reused). Each entity
    is described once, by the first document that mentions it, as the store keeps it."""
    path = CACHE / f"synthetic_{GRAPH_LAYOUT}_{triples}_{seed}.nq"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    actors, places = pools(rng)
    actor_weights = [1 / (r + 1) ** 0.9 for r in range(N_ACTORS)]
    place_weights = [1 / (r + 1) ** 0.9 for r in range(N_PLACES)]
    written, i, described = 0, 0, set()
    with open(path.with_suffix(".tmp"), "wb") as f:
        while written < triples:
            name, graph, entities = to_graph(synthetic_document(i, rng, actors, places, actor_weights, place_weights))
            new = Graph()
            for triple in entities:
                if triple[0] not in described:
                    new.add(triple)
            described.update(entities.subjects())
            f.write(BuiltGraph(f"syn{i}", str(name), graph.serialize(format="nt"), new.serialize(format="nt"),
                               (), False).nquads())
            written += len(graph) + len(new)
            i += 1
    path.with_suffix(".tmp").rename(path)
    return path


def head(path: Path, n: int) -> Path:
    """The first ``n`` quads of an N-Quads file, whole documents apart from the last."""
    out = path.with_name(f"{path.stem}_head{n}.nq")
    if not out.exists():
        with open(path, "rb") as f, open(out, "wb") as g:
            for _, line in zip(range(n), f):
                g.write(line)
    return out


def queries(hub_actor: str, hub_place: str, typical_actor: str, typical_place: str) -> list[tuple[str, str, dict]]:
    out = []
    for path in sorted(QUERY_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        if "?actor (IRI" in text:
            out += [(f"{path.stem} (busiest actor)", text, {"actor": hub_actor}),
                    (f"{path.stem} (100th actor)", text, {"actor": typical_actor})]
        elif "?place (IRI" in text:
            out += [(f"{path.stem} (busiest place)", text, {"place": hub_place}),
                    (f"{path.stem} (100th place)", text, {"place": typical_place})]
        else:
            out.append((path.stem, text, {}))
    return out


def time_query(store: Store | SparqlEndpoint, text: str, bindings: dict, repeats: int) -> tuple[float, int]:
    """Median seconds and rows; a query past 2 s is not run again."""
    times, rows = [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        rows = len(store.select(text, bindings))
        times.append(time.perf_counter() - start)
        if times[-1] > 2:
            break
    return statistics.median(times), rows


def time_rdflib(ds, text: str, bindings: dict, repeats: int) -> tuple[float, int]:
    from rdflib import URIRef

    init = {k: URIRef(v) for k, v in bindings.items()}
    times, rows = [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        rows = len(list(ds.query(text, initBindings=init)))
        times.append(time.perf_counter() - start)
    return statistics.median(times), rows


def _run_jobs(jobs, conn) -> None:
    for key, job in jobs:
        try:
            conn.send((key, job()))
        except Exception as e:  # rdflib fails on some queries: say so in the table
            conn.send((key, f"error: {type(e).__name__}"))


def capped(jobs: list, cap: float) -> dict:
    """Results of (key, function) jobs run in order in a forked child, until ``cap`` seconds
    have passed: Oxigraph and rdflib queries cannot be interrupted from Python."""
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_run_jobs, args=(jobs, send))
    proc.start()
    results, deadline = {}, time.monotonic() + cap
    while len(results) < len(jobs) and receive.poll(max(0.0, deadline - time.monotonic())):
        key, value = receive.recv()
        results[key] = value
    proc.kill()
    proc.join()
    return results


def busiest(store: Store, role: str, rank: int) -> str:
    rows = store.select(f"""SELECT ?x (COUNT(*) AS ?n) WHERE {{ ?e {role} ?x }} GROUP BY ?x ORDER BY DESC(?n) ?x""")
    return rows[rank]["x"]


def ms(result: tuple[float, int] | str | None, cap: float) -> str:
    if isinstance(result, str):
        return result
    return f"> {cap * 1000:.0f}" if result is None else f"{result[0] * 1000:.1f}"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--rdflib-triples", type=int, default=100_000)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--cap", type=float, default=60.0, help="seconds before a query is given up, per store")
    args = ap.parse_args(argv)
    machine = conditions()
    import rdflib

    full = synthetic_nquads(args.triples)
    small = head(full, args.rdflib_triples)
    memory, small_ox = Store(), Store()
    loads = {}
    start = time.perf_counter()
    memory.ox.bulk_load(path=str(full), format=ox.RdfFormat.N_QUADS)
    loads["Oxigraph memory"] = time.perf_counter() - start
    small_ox.ox.bulk_load(path=str(small), format=ox.RdfFormat.N_QUADS)
    ds = rdflib.Dataset(default_union=True)
    ds.parse(small, format="nquads")
    role = "ekg:perpetrator|ekg:target|ekg:victim|ekg:accuser|ekg:accused|ekg:reportedBy"
    picks = [busiest(memory, role, 0), busiest(memory, "ekg:location", 0),
             busiest(memory, role, 99), busiest(memory, "ekg:location", 99)]
    docs = len(list(memory.documents()))
    lines = [f"{len(memory):,} triples in {docs:,} documents' graphs and the entities graph ({N_ACTORS:,} actors, "
             f"{N_PLACES:,} places shared across the documents, each described once); the slice columns "
             "(Oxigraph in memory and rdflib): the first "
             f"{len(small_ox):,}. Median of {args.repeats} runs (one only past 2 s; rdflib: 3), milliseconds, "
             f"through kg.store.Store.select as `kg query` runs them; each store's queries are given up after "
             f"{args.cap:.0f} s. `export_*` are bulk exports (every row of the graph), not analyst queries: "
             "the 100 ms goal is for the others. Virtuoso: its rows are given where they differ from Oxigraph's.", "",
             "| query | rows | Oxigraph memory | Oxigraph disk | Virtuoso | rows (slice) | Oxigraph slice | "
             "rdflib slice | rdflib / Oxigraph |", "|---|---|---|---|---|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        disk_path = Path(tmp) / "store"
        start = time.perf_counter()
        disk = Store(disk_path)
        disk.ox.bulk_load(path=str(full), format=ox.RdfFormat.N_QUADS)
        disk.flush()
        loads["Oxigraph disk"] = time.perf_counter() - start
        del disk  # reopened read-only in each query's child process
        server = start_virtuoso(Path(tmp) / "virtuoso", full, loads)
        try:
            lines += query_lines(args, memory, disk_path, server, small_ox, ds, picks)
        finally:
            if server:
                server.stop()
    lines[0] += " Loading the graph took " + ", ".join(f"{s:.1f} s ({name})" for name, s in loads.items()) + "."
    record("bench_sparql", "the shipped queries on a 1M-triple graph", lines, machine)


def start_virtuoso(db: Path, nquads: Path, loads: dict) -> virtuoso.Virtuoso | None:
    """A Virtuoso with ``nquads`` bulk-loaded (its load time in ``loads``), or None without virtuoso-t."""
    try:
        server = virtuoso.start(db)
    except KgError as e:
        print(f"no Virtuoso column: {e}", flush=True)
        return None
    start = time.perf_counter()
    server.bulk_load([nquads])
    loads["Virtuoso bulk loader"] = time.perf_counter() - start
    return server


def query_lines(args, memory: Store, disk_path: Path, server: virtuoso.Virtuoso | None, small_ox: Store, ds,
                picks: list[str]) -> list[str]:
    """One table line per query (and binding), each store's time side by side."""
    lines = []
    for name, text, bindings in queries(*picks):
        mem = capped([("memory", lambda: time_query(memory, text, bindings, args.repeats))], args.cap)
        dsk = capped([("disk", lambda: time_query(Store(disk_path, read_only=True), text, bindings,
                                                  args.repeats))], args.cap)
        vts = capped([("virtuoso", lambda: time_query(SparqlEndpoint(server.endpoint), text, bindings,
                                                      args.repeats))], args.cap) if server else {}
        sl = capped([("slice", lambda: time_query(small_ox, text, bindings, args.repeats))], args.cap)
        rdf = capped([("rdflib", lambda: time_rdflib(ds, text, bindings, 3))], args.cap)
        t_mem, t_disk, t_small, t_rdf = mem.get("memory"), dsk.get("disk"), sl.get("slice"), rdf.get("rdflib")
        if isinstance(t_rdf, str) or not t_small:
            ratio = "-"
        elif t_rdf:
            ratio = f"{t_rdf[0] / t_small[0]:.0f}x"
        else:
            ratio = f"> {args.cap / t_small[0]:.0f}x"
        rows = f"{t_mem[1]:,}" if t_mem else "?"
        rows_small = f"{t_small[1]:,}" if t_small else "?"
        t_vts = vts.get("virtuoso")
        vts_cell = ms(t_vts, args.cap) if server else "-"
        if isinstance(t_vts, tuple) and t_mem and t_vts[1] != t_mem[1]:
            vts_cell += f" ({t_vts[1]:,} rows)"
        lines.append(f"| {name} | {rows} | {ms(t_mem, args.cap)} | {ms(t_disk, args.cap)} | {vts_cell} | "
                     f"{rows_small} | {ms(t_small, args.cap)} | {ms(t_rdf, args.cap)} | {ratio} |")
        print(lines[-1], flush=True)
    return lines


if __name__ == "__main__":
    main()
