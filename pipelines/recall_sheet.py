"""Recall in the wild: sentences of the audit's random SaudiNewsNet articles that hold an
accusation, attack or casualty word, each with what the mapper made of it, for a person to
read and write down the events it missed and the forms they take.

    python -m pipelines.recall_sheet [--articles 1500] [--per-kind 90] [--seed 2015] [--out recall.md]

``pipelines.audit`` samples what the mapper produced, so it shows precision only. This
sheet draws from the sentences where an event could be: an accusation word (accuse, blame,
criticise, charge, crime, wrongdoing...) with two actors named, an attack word with one, or
an outcome word (killed, injured, arrested...) with a number.
The articles are the audit's (same seed); tokenize + NER take about five minutes a core.
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

from tqdm import tqdm

from kg.documents import Document
from kg.extract.mapper import Mapper
from kg.extract.model import Event
from kg.extract.numbers import find_numbers
from kg.nlp.pipeline import ArabicNLP, NlpDoc
from pipelines.audit import sample_arguments, sample_articles

# trigger families per kind: the labels of the mapper's phrase matches
KINDS = {"accusation": ("accusation", "criticism", "charge", "bears", "crime", "wrongdoing", "attribution_to", "behind"),
         "attack": ("attack",),
         "casualty": ("outcome",)}
MIN_ACTORS = {"accusation": 2, "attack": 1, "casualty": 0}
NEEDS_NUMBER = {"casualty"}  # a figure needs a number (GUIDELINES); most outcome words have none
LONGEST = 700  # characters: longer sentences are mostly run-on lists, too long to read well


def candidates(mapper: Mapper, doc: Document, nlp_doc: NlpDoc) -> dict[str, list[dict]]:
    """The sentences of one document that hold a trigger of each kind, with the events of that
    kind the mapper made there."""
    spacy_doc = mapper.rules.make_doc(nlp_doc)
    matches = mapper.rules.matches(spacy_doc)
    ex = mapper.extract(doc, nlp_doc)
    out: dict[str, list[dict]] = {kind: [] for kind in KINDS}
    for i, sent in enumerate(ex.sentences):
        actors = {m.span.text for m in ex.mentions if m.kind == "actor" and m.span.sentence == i}
        numbered = bool(find_numbers(nlp_doc.text, list(nlp_doc.sentences[i].tokens)))
        for kind, labels in KINDS.items():
            words = sorted({spacy_doc[m.start:m.end].text for m in matches
                            if m.label.split(":")[0] in labels and sent.start <= spacy_doc[m.start]._.offset < sent.end})
            if (words and len(actors) >= MIN_ACTORS[kind] and len(sent.text) <= LONGEST
                    and (numbered or kind not in NEEDS_NUMBER)):
                events = [_shown(e) for e in ex.events if e.type == kind and sent.start <= e.trigger.start < sent.end]
                out[kind].append({"doc": doc.id, "sentence": i, "text": " ".join(sent.text.split()),
                                  "words": words, "events": events})
    return out


def _shown(e: Event) -> str:
    def name(m):
        return m.span.text if m is not None else "-"
    if e.type == "accusation":
        return f"[{e.modality}] {name(e.accuser)} -> {name(e.accused)}"
    if e.type == "casualty":
        return (f"[{e.modality}] {e.count} {e.outcome}, victims {name(e.victim)}, by {name(e.perpetrator)}, "
                f"reported by {name(e.reported_by)} at {', '.join(p.span.text for p in e.places) or '-'}")
    return f"[{e.modality}] {name(e.perpetrator)} -> {name(e.target)} at {', '.join(p.span.text for p in e.places) or '-'}"


def sheet(kind: str, rows: list[dict], n: int, seed: int) -> str:
    drawn = sorted(random.Random(seed).sample(rows, min(n, len(rows))), key=lambda r: (r["doc"], r["sentence"]))
    lines = [f"# {kind}: {len(drawn)} of {len(rows)} wild sentences with an {kind} word", "",
             "For each sentence write down the events it reports (GUIDELINES.md), compare them with the "
             "mapper's line, and for each one missed or wrong the form it takes.", ""]
    for k, r in enumerate(drawn, 1):
        lines += [f"## {k}. {r['doc']} sentence {r['sentence']}", f"trigger words: {', '.join(r['words'])}", "",
                  r["text"], "", f"mapper: {'; '.join(r['events']) or 'nothing'}", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sample_arguments(ap)  # the audit's articles
    ap.add_argument("--per-kind", type=int, default=90)
    ap.add_argument("--out", type=Path, default=Path("recall.md"))
    args = ap.parse_args(argv)
    articles = sample_articles(args.text_dir, args.dev_articles, args.articles, args.seed)
    nlp, mapper = ArabicNLP(), Mapper()
    rows: dict[str, list[dict]] = {kind: [] for kind in KINDS}
    for a in tqdm(articles, desc="recall sheet", unit="doc"):
        found = candidates(mapper, Document(id=a["id"], text=a["text"], date=a.get("date")), nlp.process(a["text"]))
        for kind in KINDS:
            rows[kind] += found[kind]
    args.out.write_text("\n".join(sheet(kind, rows[kind], args.per_kind, args.seed) for kind in KINDS), encoding="utf-8")
    print(f"{len(articles)} articles: {', '.join(f'{len(v)} {k} sentences' for k, v in rows.items())}; sheet in {args.out}")


if __name__ == "__main__":
    main()
