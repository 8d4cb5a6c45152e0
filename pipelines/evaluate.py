"""Score the whole chain on the development set and write EVALUATION.md.

    python -m pipelines.evaluate [--articles ../shared/dev/articles] [--gold ../shared/dev/gold] [--keep DIR]

Builds the articles into a fresh store with the real CLI (`kg build`), as JSONL with each
article's publication date and outlet from ``metadata.tsv`` beside them, exports the event and
entity tables (`kg export`), scores them with the dev set's own ``score.py`` (and the
cross-document incidents and event dates with ``score_incidents.py``) and writes the tables,
with the command lines that produced them, to EVALUATION.md.

The set is scored whole and in two fixed halves: *tune*, whose errors are read to improve
the rules (the first hex digit of the SHA-1 of the article id is even; the reference article
too), and *check*, read as numbers only. A check score far under tune means fitting.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

BARS = {"actor": 0.86, "place": 0.86, "casualty": 0.88, "casualty_strict": 0.68, "accusation": 0.60, "attack": 0.60}
REFERENCE = "seed_sinaa_prison"


def split_of(doc_id: str) -> str:
    """``tune`` or ``check``: fixed by the id alone, so the halves never change."""
    if doc_id == REFERENCE:
        return "tune"
    return "tune" if int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[0], 16) % 2 == 0 else "check"


def kg(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "kg.cli", *args], check=True)


def as_jsonl(articles: Path, out: Path) -> Path:
    """The articles as one JSONL file, with the date and outlet ``metadata.tsv`` gives them."""
    meta_path = articles.parent / "metadata.tsv"
    meta = {}
    if meta_path.exists():
        with meta_path.open(encoding="utf-8") as f:
            meta = {row["id"]: row for row in csv.DictReader(f, delimiter="\t")}
    with out.open("w", encoding="utf-8") as f:
        for path in sorted(articles.glob("*.txt")):
            row = meta.get(path.stem, {})
            doc = {"id": path.stem, "text": path.read_text(encoding="utf-8"),
                   "date": row.get("date") or None, "source": row.get("outlet") or None}
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return out


def build_and_export(articles: Path, work: Path) -> Path:
    """The articles built into ``work/store``; the two tables score.py reads in ``work/pred``."""
    store, pred = work / "store", work / "pred"
    shutil.rmtree(store, ignore_errors=True)  # fresh: a store left from another build holds other texts
    pred.mkdir(parents=True, exist_ok=True)
    kg("build", str(as_jsonl(articles, work / "articles.jsonl")), "--store", str(store), "--force", "--quiet")
    kg("export", "events", "--store", str(store), "--out", str(pred / "events.jsonl"))
    kg("export", "entities", "--store", str(store), "--out", str(pred / "entities.jsonl"))
    return pred


def score(gold: Path, pred: Path, ids: list[str] | None = None) -> dict:
    cmd = [sys.executable, str(gold.parent / "score.py"), str(gold), str(pred), "--json"]
    if ids is not None:
        cmd.append("--ids=" + ",".join(ids))
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


def score_incidents(gold: Path, pred: Path) -> str | None:
    """score_incidents.py's summary line (links P/R/F1, dates), when the dev set has incidents."""
    script, incidents = gold.parent / "score_incidents.py", gold.parent / "incidents.json"
    if not (script.exists() and incidents.exists()):
        return None
    out = subprocess.run([sys.executable, str(script), str(pred / "events.jsonl"), str(gold), str(incidents)],
                         check=True, capture_output=True, text=True).stdout
    return out.strip()


def table(report: dict) -> list[str]:
    lines = ["| measure | P | R | F1 | bar | pred | gold |", "|---|---|---|---|---|---|---|"]
    for k, v in report["total"].items():
        mark = "" if v["f1"] >= BARS.get(k, 0) else " (below)"
        lines.append(f"| {k} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f}{mark} | "
                     f"{BARS.get(k, '')} | {v['pred']} | {v['gold']} |")
    return lines


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=Path, default=Path("../shared/dev/articles"))
    ap.add_argument("--gold", type=Path, default=Path("../shared/dev/gold"))
    ap.add_argument("--out", type=Path, default=Path("EVALUATION.md"))
    ap.add_argument("--keep", type=Path, help="keep the store and exports in this folder (pipelines.errors reads them); its store is rebuilt")
    args = ap.parse_args(argv)
    ids = sorted(p.stem for p in args.gold.glob("*.json"))
    halves = {name: [i for i in ids if split_of(i) == name] for name in ("tune", "check")}
    with tempfile.TemporaryDirectory() as tmp:
        pred = build_and_export(args.articles, args.keep or Path(tmp))
        reports = {"dev": score(args.gold, pred)} | {name: score(args.gold, pred, half) for name, half in halves.items()}
        incidents = score_incidents(args.gold, pred)
    lines = [
        "# Evaluation on the development set", "",
        f"Measured {date.today().isoformat()} with `python -m pipelines.evaluate` "
        f"(articles in `{args.articles}`, scored by `{args.gold.parent / 'score.py'}`; bars: the "
        "held-out targets).", "",
        "*tune*: articles whose id's SHA-1 starts with an even hex digit, and the reference "
        "article; their errors are read (`python -m pipelines.errors`). *check*: the rest, read "
        "as numbers only.", "",
        "| measure | dev F1 | tune F1 | check F1 | check - tune |", "|---|---|---|---|---|",
    ]
    for k in reports["dev"]["total"]:
        f1 = {name: r["total"][k]["f1"] for name, r in reports.items()}
        lines.append(f"| {k} | {f1['dev']:.3f} | {f1['tune']:.3f} | {f1['check']:.3f} | {f1['check'] - f1['tune']:+.3f} |")
    if incidents:
        lines += ["", "## Incidents across documents, and event dates", "",
                  f"`{args.gold.parent / 'score_incidents.py'}` on the events export (bars: links F1 0.80, "
                  "dates within a day 0.75):", "", "```", incidents, "```"]
    for name, r in reports.items():
        lines += ["", f"## {name} ({r['docs']} articles)", "", *table(r)]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return reports


if __name__ == "__main__":
    main()
