"""Exact-span NER scores (conlleval style) of `kg nlp` on a gold BIO file.

    python -m pipelines.evaluate_ner build/ner/anercorp_test.conll [--models bundled]

The gold tokens go through the real command line, ``kg nlp --pretokenized --format conll``,
and its output is scored against the gold tags: micro P/R/F1 over PER, LOC, ORG, MISC and
per type.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

TYPES = ("PER", "LOC", "ORG", "MISC")


def read_tags(text: str) -> list[list[str]]:
    """Last column of each line as the tag, blank lines between sentences."""
    sents, cur = [], []
    for line in text.splitlines():
        fields = line.split()
        if fields:
            cur.append(fields[-1].replace("PERS", "PER"))
        elif cur:
            sents.append(cur)
            cur = []
    if cur:
        sents.append(cur)
    return sents


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) chunks, conlleval style: an I- after O or another type starts a chunk."""
    out, start, label = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        kind, _, lab = tag.partition("-")
        if start is not None and (kind != "I" or lab != label):
            out.add((start, i, label))
            start = None
        if kind in ("B", "I") and start is None:
            start, label = i, lab
    return out


def score(gold: list[list[str]], pred: list[list[str]]) -> dict[str, tuple[float, float, float, int]]:
    if len(gold) != len(pred) or any(len(g) != len(p) for g, p in zip(gold, pred)):
        raise SystemExit("gold and predicted sentences do not line up")
    tp, npred, ngold = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        gs, ps = spans(g), spans(p)
        for s in gs:
            ngold[s[2]] += 1
        for s in ps:
            npred[s[2]] += 1
        for s in gs & ps:
            tp[s[2]] += 1
    rows = {}
    for t in (*TYPES, "ALL"):
        a, b, c = (sum(x.values()) for x in (tp, npred, ngold)) if t == "ALL" else (tp[t], npred[t], ngold[t])
        p = a / b if b else 0.0
        r = a / c if c else 0.0
        rows[t] = (100 * p, 100 * r, 100 * (2 * p * r / (p + r) if p + r else 0.0), c)
    return rows


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--models", default="bundled")
    ap.add_argument("--model-dir", type=Path, help="score this model folder instead of the shipped one")
    args = ap.parse_args(argv)
    env = {**os.environ, "KG_MODEL_DIR": str(args.model_dir)} if args.model_dir else None
    out = subprocess.run(
        [sys.executable, "-m", "kg.cli", "nlp", str(args.gold), "--pretokenized",
         "--format", "conll", "--models", args.models],
        check=True, capture_output=True, text=True, env=env,
    ).stdout
    rows = score(read_tags(args.gold.read_text(encoding="utf-8")), read_tags(out))
    print(f"{args.gold}\n| type | P | R | F1 | gold |\n|---|---|---|---|---|")
    for t, (p, r, f, n) in rows.items():
        print(f"| {t} | {p:.1f} | {r:.1f} | {f:.1f} | {n} |")
    return rows


if __name__ == "__main__":
    main()
