"""What `kg build` costs beyond NER, and how it scales, on the same news documents.

    python -m pipelines.bench_build --docs 200 [--worker-docs 800] [--chars 600] [--text-dir ../shared/data/text/saudinewsnet]

1. overhead: the full build path (Builder.process + to_graph + store write, then linking
   incidents over the store once, as `kg build` ends) against Stanza tokenize + NER alone
   (ArabicNLP.process_many), timed stage by stage over the same batches of 16 in one pass,
   so that load from other processes hits both alike;
2. documents/s of `build()` batched (16 per NER call) against one document at a time;
3. `build()` in 1 process against 2 worker processes, each loading its own chain.

Documents are SaudiNewsNet articles (title and content) cut to ``--chars`` characters, so
that all three comparisons fit in a few minutes on 2 cores.
"""
from __future__ import annotations

import argparse
import itertools
import statistics
import tempfile
import time
from pathlib import Path

from kg.build import Builder, build, link_incidents
from kg.documents import Document
from kg.rdf import to_graph
from kg.store import Store
from pipelines.benchmarks_md import conditions, record
from pipelines.train_ner import news_texts

BATCH = 16


def documents(text_dir: Path, n: int, chars: int) -> list[Document]:
    texts = itertools.islice(news_texts(text_dir), n)
    return [Document(id=f"snn{i}", text=t[:chars].rsplit(None, 1)[0] if chars and len(t) > chars else t,
                     origin=f"saudinewsnet {i}") for i, t in enumerate(texts)]


def stage_times(builder: Builder, docs: list[Document]) -> dict[str, float]:
    """Seconds in each stage of the build path, over batches as `kg build` makes them."""
    times = dict.fromkeys(("tokenize + NER", "extract + link", "RDF graph + N-Triples", "store write",
                           "incident linking"), 0.0)
    store = Store()
    for i in range(0, len(docs), BATCH):
        batch = docs[i:i + BATCH]
        t0 = time.perf_counter()
        nlp_docs = builder.nlp.process_many([d.text for d in batch])
        t1 = time.perf_counter()
        linked = [builder.linker.link(builder.mapper.extract(d, n)) for d, n in zip(batch, nlp_docs)]
        t2 = time.perf_counter()
        graphs = [(str(name), g.serialize(format="nt"), entities.serialize(format="nt"))
                  for name, g, entities in map(to_graph, linked)]
        t3 = time.perf_counter()
        for name, nt, entity_nt in graphs:
            store.replace_document(name, nt, entity_nt)
        t4 = time.perf_counter()
        for stage, seconds in zip(times, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
            times[stage] += seconds
    t0 = time.perf_counter()
    link_incidents(store)
    times["incident linking"] = time.perf_counter() - t0
    return times


def timed_build(docs: list[Document], **kwargs) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        summary = build(docs, Store(Path(tmp) / "store"), progress=False, **kwargs)
        seconds = time.perf_counter() - start
    assert len(summary.built) == len(docs), summary.lines()
    return seconds


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--chars", type=int, default=600, help="cut each article to this many characters (0: whole)")
    ap.add_argument("--worker-docs", type=int, default=800, help="documents for 1 process against 2 workers")
    ap.add_argument("--repeats", type=int, default=2, help="passes of the stage-by-stage comparison")
    ap.add_argument("--text-dir", type=Path, default=Path("../shared/data/text/saudinewsnet"))
    args = ap.parse_args(argv)
    machine = conditions()
    docs = documents(args.text_dir, args.docs, args.chars)
    builder = Builder()
    builder.graphs(docs[:2])  # warm-up: loads Stanza, the lexicons and the registry
    tokens = sum(len(s.tokens) for d in builder.nlp.process_many([d.text for d in docs]) for s in d.sentences)

    passes = [stage_times(builder, docs) for _ in range(args.repeats)]
    stages = {s: statistics.median(p[s] for p in passes) for s in passes[0]}
    nlp, full = stages["tokenize + NER"], sum(stages.values())
    lines = [f"{len(docs)} SaudiNewsNet documents cut to {args.chars or 'all'} characters, {tokens} tokens; "
             f"batches of {BATCH}; median of {args.repeats} passes.", "",
             "| stage | seconds | share |", "|---|---|---|"]
    lines += [f"| {s} | {t:.2f} | {t / full:.1%} |" for s, t in stages.items()]
    lines += [f"| **full build path** | {full:.2f} | |", "",
              f"Full build path / tokenize + NER alone: **{full / nlp:.3f}x** (goal: at most 1.10x).", ""]

    # build() end to end (reading, checks, hash look-ups, on-disk store): batched against one
    # at a time with the chain already loaded, batched first and last to show the drift; then
    # 1 process against 2 workers, each loading its own chain as `kg build` does.
    batched = timed_build(docs, builder=builder)
    one = timed_build(docs, builder=builder, batch=1)
    batched_again = timed_build(docs, builder=builder)
    ref = (batched + batched_again) / 2
    # More documents here: starting a worker (imports, models) takes seconds.
    many = documents(args.text_dir, args.worker_docs, args.chars)
    cold_one = timed_build(many)
    cold_two = timed_build(many, workers=2)
    lines += ["| `build()` | seconds | documents/s |", "|---|---|---|",
              f"| batched ({BATCH} per NER call), 1 process, chain loaded (mean of a run before and after the "
              f"next: {batched:.1f} s, {batched_again:.1f} s) | {ref:.1f} | {len(docs) / ref:.2f} |",
              f"| one document at a time, 1 process, chain loaded | {one:.1f} | {len(docs) / one:.2f} |",
              f"| {len(many)} documents, batched, 1 process, loading its chain | {cold_one:.1f} | {len(many) / cold_one:.2f} |",
              f"| {len(many)} documents, batched, `--workers 2`, each loading its chain | {cold_two:.1f} | "
              f"{len(many) / cold_two:.2f} |", "",
              f"Batched / one at a time: **{one / ref:.2f}x** documents/s; "
              f"2 workers / 1 process: **{cold_one / cold_two:.2f}x** (torch runs 2 threads in the single "
              "process, 1 in each worker)."]
    record("bench_build", "extraction overhead, batching, workers", lines, machine)


if __name__ == "__main__":
    main()
