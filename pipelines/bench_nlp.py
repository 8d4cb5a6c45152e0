"""Tokens/s of tokenize + NER on CPU: one document at a time vs batched, side by side.

    python -m pipelines.bench_nlp --docs 100 [--text-dir ../shared/data/text/saudinewsnet]

Both runs tag the same documents with the same loaded pipeline, alternating order over
``--repeats`` rounds; the table (and the ratio) is printed and written to BENCHMARKS.md.
"""
from __future__ import annotations

import argparse
import itertools
import statistics
import time
from pathlib import Path

from kg.nlp.pipeline import ArabicNLP, load_pipeline
from pipelines.benchmarks_md import conditions, record
from pipelines.train_ner import news_texts


def run(nlp: ArabicNLP, texts: list[str], batched: bool) -> float:
    start = time.perf_counter()
    if batched:
        nlp.process_many(texts)
    else:
        for t in texts:
            nlp.process(t)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--text-dir", type=Path, default=Path("../shared/data/text/saudinewsnet"))
    args = ap.parse_args(argv)
    machine = conditions()
    texts = list(itertools.islice(news_texts(args.text_dir), args.docs))
    nlp = ArabicNLP()
    load_pipeline("bundled")
    nlp.process(texts[0])  # warm-up
    tokens = sum(len(s.tokens) for d in nlp.process_many(texts) for s in d.sentences)
    times = {False: [], True: []}
    for r in range(args.repeats):
        for batched in ((False, True) if r % 2 == 0 else (True, False)):
            times[batched].append(run(nlp, texts, batched))
    one, many = statistics.median(times[False]), statistics.median(times[True])
    record("bench_nlp", "tokens/s of tokenize + NER", [
        f"{len(texts)} documents, {tokens} tokens, median of {args.repeats} runs, CPU", "",
        "| mode | seconds | tokens/s |", "|---|---|---|",
        f"| one document at a time | {one:.2f} | {tokens / one:.0f} |",
        f"| batched ({len(texts)} documents) | {many:.2f} | {tokens / many:.0f} |", "",
        f"Batched / one-at-a-time throughput: **{one / many:.2f}x**."], machine)


if __name__ == "__main__":
    main()
