"""Tokens/s of tokenize + NER on CPU: one document at a time vs batched, side by side.

    python -m pipelines.bench_nlp --docs 100 [--text-dir ../shared/data/text/saudinewsnet]
    python -m pipelines.bench_nlp --docs 100 --against OLD_MODEL_DIR

Both runs tag the same documents with the same loaded pipeline, alternating order over
``--repeats`` rounds; the table (and the ratio) is printed and written to BENCHMARKS.md.
With ``--against``, the shipped model's batched throughput is timed beside that of the model
in another folder (a ``train_ner ship --out`` folder, e.g. the model shipped before): each
in its own process (a process loads one model), alternating, the load not timed.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
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


def _tokens(docs) -> int:
    return sum(len(s.tokens) for d in docs for s in d.sentences)


def _timed_in_process(model_dir: Path | None, docs: int, text_dir: Path) -> tuple[float, int]:
    """Seconds and tokens of one batched run in a fresh process with the model in ``model_dir``
    (the shipped one when None), after a warm-up."""
    env = {**os.environ, "KG_MODEL_DIR": str(model_dir)} if model_dir else {
        k: v for k, v in os.environ.items() if k != "KG_MODEL_DIR"}
    out = subprocess.run([sys.executable, "-m", "pipelines.bench_nlp", "--docs", str(docs), "--text-dir",
                          str(text_dir), "--batched-once"], capture_output=True, text=True, env=env, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    return result["seconds"], result["tokens"]


def against(args: argparse.Namespace, machine: str) -> None:
    times: dict[str, list[float]] = {"shipped": [], "other": []}
    tokens = 0
    for r in range(args.repeats):
        for which in (("other", "shipped") if r % 2 == 0 else ("shipped", "other")):
            seconds, tokens = _timed_in_process(args.against if which == "other" else None, args.docs, args.text_dir)
            times[which].append(seconds)
    old, new = statistics.median(times["other"]), statistics.median(times["shipped"])
    record("bench_nlp", "the shipped NER model against another, batched", [
        f"{args.docs} documents, {tokens} tokens, median of {args.repeats} runs, each in its own process, CPU", "",
        "| model | seconds | tokens/s |", "|---|---|---|",
        f"| `{args.against}` | {old:.2f} | {tokens / old:.0f} |",
        f"| shipped (`kg/nlp/models`) | {new:.2f} | {tokens / new:.0f} |", "",
        f"Shipped / other throughput: **{old / new:.2f}x**."], machine, section="bench_nlp --against")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--text-dir", type=Path, default=Path("../shared/data/text/saudinewsnet"))
    ap.add_argument("--against", type=Path, help="a model folder to time beside the shipped model")
    ap.add_argument("--batched-once", action="store_true", help=argparse.SUPPRESS)  # one timing, as JSON
    args = ap.parse_args(argv)
    machine = conditions()
    if args.against:
        return against(args, machine)
    texts = list(itertools.islice(news_texts(args.text_dir), args.docs))
    if args.batched_once:
        nlp = ArabicNLP()
        nlp.process(texts[0])  # warm-up
        start = time.perf_counter()
        docs = nlp.process_many(texts)
        seconds = time.perf_counter() - start
        print(json.dumps({"seconds": seconds, "tokens": _tokens(docs)}))
        return None
    nlp = ArabicNLP()
    load_pipeline("bundled")
    nlp.process(texts[0])  # warm-up
    tokens = _tokens(nlp.process_many(texts))
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
