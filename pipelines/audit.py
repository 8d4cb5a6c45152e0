"""Precision in the wild: build a fixed random sample of SaudiNewsNet articles (any section,
as a news feed delivers them) and write a sample of each event type with its sentence, for
a person to read and mark right or wrong.

    python -m pipelines.audit [--articles 1500] [--per-type 30] [--seed 2015] [--out audit.md]

The articles are drawn with ``--seed`` from all of SaudiNewsNet (development articles left
out, by headline), built with the real CLI (`kg build` of a JSONL file, `kg export events`),
and ``--per-type`` asserted events of each type, and as many incidents (with all their
reports), are drawn, again with the seed. The sheet
has one numbered row per event: its roles as exported and the sentence it came from (with
the other sentences that tell it, numbered, where the mapper joined several tellings of one
attack), with an empty "right?" column to fill in.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from pipelines.train_ner import dev_headlines, news_articles

TYPES = ("accusation", "attack", "casualty")


def sample_articles(text_dir: Path, dev_articles: Path, n: int, seed: int) -> list[dict]:
    """A fixed random sample, as JSONL rows with the date the article was collected (the day
    of publication or the day after: SaudiNewsNet's ``date_extracted``) and its outlet."""
    skip = dev_headlines(dev_articles)
    articles = [a for a in news_articles(text_dir)
                if a["text"].strip() and a["text"].split("\n", 1)[0].strip() not in skip]
    if not articles:
        raise SystemExit(f"{text_dir}: no SaudiNewsNet articles (*.zip) there; give --text-dir the folder "
                         "that holds them (../shared/data/text/saudinewsnet from the repository root)")
    picked = sorted(random.Random(seed).sample(range(len(articles)), min(n, len(articles))))
    return [{"id": f"snn{i:05d}", "text": articles[i]["text"], "date": articles[i].get("date_extracted"),
             "source": articles[i].get("source")} for i in picked]


def roles(row: dict) -> str:
    if row["type"] == "accusation":
        return f"{row['accuser']} -> {row['accused']}"
    if row["type"] == "attack":
        return f"{row['perpetrator']} -> {row['target']} at {', '.join(row['places']) or '-'}"
    return (f"{row['count']} {row['outcome']} ({row['qualifier']}) {row['group'] or ''} victim={row['victim_actor']} "
            f"at {', '.join(row['places']) or '-'} by={row['perpetrator']} per={row['reported_by']}")


def sheet(rows: list[dict], per_type: int, seed: int, n_articles: int) -> str:
    rng = random.Random(seed)
    lines = [f"# Audit sheet: events from {n_articles} random SaudiNewsNet articles", "",
             "Mark each row right (y) or wrong (n) against its sentence: right means the event is in the sentence "
             "with these roles (a role left empty is not wrong; a wrong one is). An event told in several sentences "
             "(one attack the article names again) lists each, numbered: its roles may come from any of them, and "
             "they must all tell the same event.", ""]
    for kind in TYPES:
        found = [r for r in rows if r["type"] == kind and r.get("modality", "asserted") == "asserted"]
        drawn = sorted(rng.sample(found, min(per_type, len(found))), key=lambda r: (r["doc"], r["start"]))
        lines += [f"## {kind}: {len(drawn)} of {len(found)}", "", "| # | doc | event | sentence | right? |",
                  "|---|---|---|---|---|"]
        for i, r in enumerate(drawn, 1):
            lines.append(f"| {i} | {r['doc']} | {roles(r)} | {_told(r)} | |")
        lines.append("")
    return "\n".join(lines + _incidents(rows, per_type, rng))


def _told(row: dict) -> str:
    """The event's sentence, and the other sentences that tell it (numbered) when the
    mapper joined several tellings of one attack into one event."""
    told = [row["sentence"], *(row.get("other_sentences") or [])]
    if len(told) == 1:
        return _cell(told[0])
    return " ".join(f"[{k}] {_cell(t)}" for k, t in enumerate(told, 1))


def _cell(sentence: str) -> str:
    """A sentence as one Markdown table cell."""
    return sentence.replace("|", "/").replace("\n", " ")


def _incidents(rows: list[dict], per_type: int, rng: random.Random) -> list[str]:
    """Incidents several articles report, each with its reports: right when they all tell
    the same incident."""
    reports: dict[str, list[dict]] = {}
    for r in rows:
        if r["type"] == "attack" and r.get("incident"):
            reports.setdefault(r["incident"], []).append(r)
    drawn = sorted(rng.sample(sorted(reports), min(per_type, len(reports))))
    lines = [f"## incident: {len(drawn)} of {len(reports)}", "",
             "| # | report | date | attack | sentence | right? |", "|---|---|---|---|---|---|"]
    for i, incident in enumerate(drawn, 1):
        for r in sorted(reports[incident], key=lambda r: (r["date"] or "", r["doc"])):
            lines.append(f"| {i} | {r['doc']} | {r['date']} ({r['date_precision']}) | {roles(r)} | {_cell(r['sentence'])} | |")
    return [*lines, ""]


def sample_arguments(ap: argparse.ArgumentParser) -> None:
    """The options that fix the sample: where the articles are, how many, the seed."""
    ap.add_argument("--text-dir", type=Path, default=Path("../shared/data/text/saudinewsnet"))
    ap.add_argument("--dev-articles", type=Path, default=Path("../shared/dev/articles"))
    ap.add_argument("--articles", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=2015)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sample_arguments(ap)
    ap.add_argument("--per-type", type=int, default=30)
    ap.add_argument("--out", type=Path, default=Path("audit.md"))
    ap.add_argument("--keep", type=Path, help="keep the JSONL input, the store and the export in this folder")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        articles = sample_articles(args.text_dir, args.dev_articles, args.articles, args.seed)
        jsonl = work / "audit_articles.jsonl"
        jsonl.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
        store, events = work / "store", work / "events.jsonl"
        for cmd in (["build", str(jsonl), "--store", str(store), "--force"],
                    ["export", "events", "--store", str(store), "--out", str(events)]):
            subprocess.run([sys.executable, "-m", "kg.cli", *cmd], check=True)
        rows = [json.loads(line) for line in events.read_text(encoding="utf-8").splitlines() if line]
    args.out.write_text(sheet(rows, args.per_type, args.seed, len(articles)), encoding="utf-8")
    counts = {k: sum(r["type"] == k for r in rows) for k in TYPES}
    incidents = len({r["incident"] for r in rows if r.get("incident")})
    print(f"{len(articles)} articles: {counts}, {incidents} incidents; sheet in {args.out}")


if __name__ == "__main__":
    main()
