"""Who attacked whom, on news no rule was written against: the UniversalPetrarch Arabic
assault sentences (hand-coded source and target text, ASSAULT events), run through the
whole chain, and the mapper's asserted attacks compared with their coding.

    python -m pipelines.assault_roles [--gsr PATH] [--out roles.md]

The sentences come from ../shared/data/actors/universalpetrarch-arabic (MIT; see its
SOURCE.md). The file is cut short at its end: the sentences whose XML is whole are read.
A role agrees when it shares a word of three letters or more with the coded text (the
coding keeps lemmatised words in any order: "قوات الإرهاب مكافحة"); it is reversed when it
shares one with the other role's text. The coding names one event a sentence and often a
generic noun (مسلحين) the guidelines make no actor, so these are counts to compare between
commits, not a score.
"""
from __future__ import annotations

import argparse
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from kg.build import Builder
from kg.documents import Document
from kg.nlp.normalize import normalize

GSR = (Path(__file__).resolve().parents[2] / "shared" / "data" / "actors" / "universalpetrarch-arabic" / "arabic"
       / "validation" / "arabic_assault_gsr_validation.xml")


@dataclass(frozen=True)
class Coded:
    id: str
    text: str
    source: str  # the coded source text ("" when none)
    target: str


def read_coded(xml: str) -> list[Coded]:
    """Every whole <Sentence> of the file, with its first event's source and target text."""
    out = []
    for block in re.findall(r"<Sentence .*?</Sentence>", xml, re.S):
        try:
            node = ET.fromstring(re.sub(r"<Parse>.*?</Parse>", "", block, flags=re.S))
        except ET.ParseError:
            continue
        text, event = node.find("Text"), node.find("EventText")
        if text is None or not (text.text or "").strip():
            continue
        source, target = (event.get("sourcetext", ""), event.get("targettext", "")) if event is not None else ("", "")
        out.append(Coded(node.get("id", ""), text.text.strip(), source, target))
    return out


def words(text: str | None) -> set[str]:
    return {normalize(w) for w in re.findall(r"\w+", text or "") if len(w) > 2}


def compare(coded: list[Coded], roles: list[list[tuple[str, str]]]) -> dict[str, int]:
    """Counts over the sentences: ``roles`` holds each sentence's asserted attacks as
    (perpetrator text, target text), "" where a role is empty."""
    counts = dict.fromkeys(("sentences", "with_attack", "perpetrator", "perpetrator_agrees", "perpetrator_reversed",
                            "target", "target_agrees", "target_reversed"), 0)
    for c, attacks in zip(coded, roles):
        counts["sentences"] += 1
        counts["with_attack"] += bool(attacks)
        source, target = words(c.source), words(c.target)
        for role, own, other in (("perpetrator", source, target), ("target", target, source)):
            given = [words(a[0] if role == "perpetrator" else a[1]) for a in attacks]
            given = [g for g in given if g]
            if given:
                counts[role] += 1
                if any(g & own for g in given):
                    counts[f"{role}_agrees"] += 1
                elif any(g & other for g in given):
                    counts[f"{role}_reversed"] += 1
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gsr", type=Path, default=GSR)
    ap.add_argument("--out", type=Path, help="also write the counts here as Markdown")
    args = ap.parse_args()
    coded = read_coded(args.gsr.read_text(encoding="utf-8"))
    builder = Builder()
    docs = [Document(c.id or f"s{i}", c.text) for i, c in enumerate(coded)]
    extractions = [ex for i in tqdm(range(0, len(docs), 32), desc="sentences", unit="batch of 32")
                   for ex in builder.extract(docs[i:i + 32])]
    roles = [[(a.perpetrator.span.text if a.perpetrator else "", a.target.span.text if a.target else "")
              for a in ex.events if a.type == "attack" and a.modality == "asserted"] for ex in extractions]
    counts = compare(coded, roles)
    lines = ["| measure | count |", "|---|---|"] + [f"| {k.replace('_', ' ')} | {v} |" for k, v in counts.items()]
    print("\n".join(lines))
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
