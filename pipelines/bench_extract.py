"""What a change to the mapper costs: extract + link of this tree against a baseline revision,
over the same NLP output, side by side.

    python -m pipelines.bench_extract --baseline REV [--docs 200] [--chars 600] [--repeats 3]

Stanza runs once (its time is reported for scale: the bar is extract + link under a third
of it); the baseline revision is checked out in a temporary git worktree, and each tree
times extract + link over the same pickled NLP output in a subprocess of its own, the two
alternating ``--repeats`` times so that load from other processes hits both alike.
"""
from __future__ import annotations

import argparse
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipelines.bench_build import documents
from pipelines.benchmarks_md import conditions, record

REPO = Path(__file__).resolve().parents[1]

# Run in a subprocess with the tree to time first on sys.path: prints the seconds.
_TIME_TREE = """
import pickle, sys, time
sys.path.insert(0, sys.argv[1])
from kg.build import Builder
pairs = pickle.load(open(sys.argv[2], "rb"))
builder = Builder()
builder.linker.link(builder.mapper.extract(*pairs[0]))  # loads the rules and the registry
start = time.perf_counter()
for document, nlp_doc in pairs:
    builder.linker.link(builder.mapper.extract(document, nlp_doc))
print(time.perf_counter() - start)
"""


def time_tree(tree: Path, pairs_file: Path) -> float:
    out = subprocess.run([sys.executable, "-c", _TIME_TREE, str(tree), str(pairs_file)],
                         check=True, capture_output=True, text=True).stdout
    return float(out.split()[-1])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--baseline", required=True, help="git revision to compare against")
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--chars", type=int, default=600, help="cut each article to this many characters (0: whole)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--text-dir", type=Path, default=Path("../shared/data/text/saudinewsnet"))
    args = ap.parse_args(argv)
    machine = conditions()
    from kg.nlp.pipeline import ArabicNLP

    docs = documents(args.text_dir, args.docs, args.chars)
    nlp = ArabicNLP()
    nlp.process_many([docs[0].text])  # loads the model
    start = time.perf_counter()
    nlp_docs = nlp.process_many([d.text for d in docs])
    ner = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        pairs_file, base = Path(tmp) / "pairs.pkl", Path(tmp) / "baseline"
        pairs_file.write_bytes(pickle.dumps(list(zip(docs, nlp_docs))))
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-q", str(base), args.baseline], check=True)
        try:
            times = {"baseline": [], "this tree": []}
            for _ in range(args.repeats):
                times["baseline"].append(time_tree(base, pairs_file))
                times["this tree"].append(time_tree(REPO, pairs_file))
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(base)], check=True)
    median = {k: statistics.median(v) for k, v in times.items()}
    lines = [f"{len(docs)} SaudiNewsNet documents cut to {args.chars} characters; tokenize + NER once "
             f"({ner:.2f} s in this run), then extract + link over its output, median of {args.repeats} "
             "alternating runs.", "",
             "| tree | extract + link, s | / baseline | / tokenize + NER in this run |", "|---|---|---|---|"]
    for name, seconds in median.items():
        label = f"baseline `{args.baseline}`" if name == "baseline" else name
        lines.append(f"| {label} | {seconds:.2f} | {seconds / median['baseline']:.2f}x | {seconds / ner:.1%} |")
    record("bench_extract", "the mapper's cost against a baseline revision", lines, machine)


if __name__ == "__main__":
    main()
