"""The mapper's errors on the *tune* half of the development set, for reading.

    python -m pipelines.evaluate --keep build/eval      # builds and exports the dev set
    python -m pipelines.errors build/eval/pred [--kind accusation] > errors.md

For each tune article: the gold accusations, attacks and casualty figures the export
missed (with the gold cue and the sentence that holds it) and the exported ones that match
no gold event (with their sentence), matched as ``score.py`` matches them. The *check*
half is never listed: read its scores only (pipelines/evaluate.py).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path

from pipelines.evaluate import split_of

KINDS = ("accusation", "attack", "casualty")


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sentence_with(text: str, cue: str) -> str:
    """The sentence (or line) of ``text`` holding ``cue``, or the cue itself."""
    at = text.find(cue)
    if at < 0:
        return cue
    start = max(text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [i for i in (text.find(".", at + len(cue)), text.find("\n", at + len(cue))) if i >= 0]
    return text[start:min(ends) + 1 if ends else len(text)].strip()


def errors(scorer, gold: dict, events: list[dict], text: str) -> dict[str, list[str]]:
    actors, places = gold["actors"], gold["places"]
    events = [e for e in events if e.get("modality") in (None, "", "asserted")]
    out: dict[str, list[str]] = {k: [] for k in KINDS}

    # accusations: (accuser, accused) pairs
    pred = [(e, {(x, y) for x in scorer.resolve(e["accuser"], actors) for y in scorer.resolve(e["accused"], actors)})
            for e in events if e["type"] == "accusation"]
    found = set().union(*(pairs for _, pairs in pred)) if pred else set()
    for a in gold["accusations"]:
        if (a["accuser"], a["accused"]) not in found:
            out["accusation"].append(f"MISSED {a['accuser']} -> {a['accused']} [{a['cue']}] {a.get('gist', '')}\n"
                                     f"    {sentence_with(text, a['cue'])}")
    gold_pairs = {(a["accuser"], a["accused"]) for a in gold["accusations"]}
    for e, pairs in pred:
        if not pairs & gold_pairs:
            out["accusation"].append(f"SPURIOUS {e['accuser']} -> {e['accused']}\n    {e['sentence']}")

    # attacks: perpetrator (any where the gold has none) and a place (where the gold has any), one to one
    matched = set()
    for e in (e for e in events if e["type"] == "attack"):
        perps, pls = scorer.resolve(e["perpetrator"], actors), scorer.resolve(e["places"], places)
        hit = next((i for i, a in enumerate(gold["attacks"]) if i not in matched
                    and (not a["perpetrator"] or a["perpetrator"] in perps)
                    and (not a["places"] or set(a["places"]) & pls)), None)
        if hit is None:
            out["attack"].append(f"SPURIOUS {e['perpetrator']} -> {e['target']} at {e['places']}\n    {e['sentence']}")
        else:
            matched.add(hit)
    for i, a in enumerate(gold["attacks"]):
        if i not in matched:
            out["attack"].append(f"MISSED {a['perpetrator']} -> {a['target']} at {a['places']} [{a['cue']}] "
                                 f"{a.get('gist', '')}\n    {sentence_with(text, a['cue'])}")

    # casualty figures: (count, outcome)
    remaining = [(c["count"], c["outcome"]) for c in gold["casualties"]]
    for e in (e for e in events if e["type"] == "casualty" and e["count"] is not None):
        key = (int(e["count"]), e["outcome"])
        if key in remaining:
            remaining.remove(key)
            gold_fig = [c for c in gold["casualties"] if (c["count"], c["outcome"]) == key]
            if not any(_strict_ok(scorer, c, e, actors, places) for c in gold_fig):
                c = gold_fig[0]
                out["casualty"].append(f"NOT STRICT {key} victim={e['victim_actor']} places={e['places']}; gold "
                                       f"victim={c['group_actor']} places={c['places']}\n    {e['sentence']}")
        else:
            out["casualty"].append(f"SPURIOUS {key} group={e['group']}\n    {e['sentence']}")
    for c in gold["casualties"]:
        if (c["count"], c["outcome"]) in remaining:
            remaining.remove((c["count"], c["outcome"]))
            out["casualty"].append(f"MISSED {(c['count'], c['outcome'])} [{c['cue']}] {c['group']}\n"
                                   f"    {sentence_with(text, c['cue'])}")
    return out


def _strict_ok(scorer, gold_fig: dict, e: dict, actors: list, places: list) -> bool:
    """As score.py's casualty_strict: the victim actor (where the gold has one) and a place (where it has any)."""
    victim_ok = gold_fig["group_actor"] is None or gold_fig["group_actor"] in scorer.resolve(e["victim_actor"], actors)
    place_ok = not gold_fig["places"] or bool(set(gold_fig["places"]) & scorer.resolve(e["places"], places))
    return victim_ok and place_ok


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pred", type=Path, help="the folder with events.jsonl (pipelines.evaluate --keep DIR: DIR/pred)")
    ap.add_argument("--dev", type=Path, default=Path("../shared/dev"))
    ap.add_argument("--kind", choices=KINDS, action="append", help="only these kinds (default: all)")
    args = ap.parse_args(argv)
    scorer = load_scorer(args.dev / "score.py")
    rows = [json.loads(line) for line in (args.pred / "events.jsonl").read_text(encoding="utf-8").splitlines() if line]
    counts = {k: 0 for k in KINDS}
    for path in sorted((args.dev / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if split_of(gold["id"]) != "tune":
            continue
        text = (args.dev / "articles" / f"{gold['id']}.txt").read_text(encoding="utf-8")
        found = errors(scorer, gold, [r for r in rows if r["doc"] == gold["id"]], text)
        shown = [(k, lines) for k, lines in found.items() if lines and (not args.kind or k in args.kind)]
        if shown:
            print(f"\n# {gold['id']}")
        for kind, lines in shown:
            counts[kind] += len(lines)
            print(f"## {kind}")
            print("\n".join(lines))
    print("\n# errors listed: " + ", ".join(f"{k} {v}" for k, v in counts.items() if not args.kind or k in args.kind))


if __name__ == "__main__":
    main()
