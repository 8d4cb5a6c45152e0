"""Score the whole chain on the development set and write EVALUATION.md.

    python -m pipelines.evaluate [--articles ../shared/dev/articles] [--gold ../shared/dev/gold]

Builds the articles into a fresh store with the real CLI (`kg build`), exports the event and
entity tables (`kg export`), scores them with the dev set's own ``score.py`` and writes
the table, with the command lines that produced it, to EVALUATION.md.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

BARS = {"actor": 0.80, "place": 0.85, "casualty": 0.80, "casualty_strict": 0.60, "accusation": 0.60, "attack": 0.60}


def kg(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "kg.cli", *args], check=True)


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=Path, default=Path("../shared/dev/articles"))
    ap.add_argument("--gold", type=Path, default=Path("../shared/dev/gold"))
    ap.add_argument("--out", type=Path, default=Path("EVALUATION.md"))
    ap.add_argument("--keep", type=Path, help="keep the store and exports in this folder")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        store, pred = work / "store", work / "pred"
        pred.mkdir(exist_ok=True)
        kg("build", str(args.articles), "--store", str(store), "--force", "--quiet")
        kg("export", "events", "--store", str(store), "--out", str(pred / "events.jsonl"))
        kg("export", "entities", "--store", str(store), "--out", str(pred / "entities.jsonl"))
        score = args.gold.parent / "score.py"
        out = subprocess.run([sys.executable, str(score), str(args.gold), str(pred), "--json"],
                             check=True, capture_output=True, text=True).stdout
    report = json.loads(out)
    lines = [
        "# Evaluation on the development set", "",
        f"Measured {date.today().isoformat()} with `python -m pipelines.evaluate` "
        f"({report['docs']} articles in `{args.articles}`, scored by `{score}`).", "",
        "| measure | P | R | F1 | bar | pred | gold |", "|---|---|---|---|---|---|---|",
    ]
    for k, v in report["total"].items():
        mark = "" if v["f1"] >= BARS.get(k, 0) else " (below)"
        lines.append(f"| {k} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f}{mark} | "
                     f"{BARS.get(k, '')} | {v['pred']} | {v['gold']} |")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return report


if __name__ == "__main__":
    main()
