"""Event and entity tables, ACLED-like, from the store (fields as ../shared/dev/score.py reads)."""
from __future__ import annotations

import csv
import json
from typing import IO

from kg.nlp.normalize import QUOTE_MARKS, normalize
from kg.store import ReadableGraph, read_query

EVENT_FIELDS = ["doc", "event", "type", "accuser", "accused", "perpetrator", "target", "victim_actor",
                "reported_by", "places", "count", "outcome", "qualifier", "group", "modality", "attack", "incident",
                "date", "date_precision", "sentence", "start", "end", "confidence", "other_sentences"]
ENTITY_FIELDS = ["doc", "iri", "kind", "label", "label_en", "mentions", "type", "wikidata", "geonames", "lat", "lon"]
INCIDENT_FIELDS = ["incident", "date", "date_precision", "place", "latitude", "longitude", "geo_precision", "actors",
                   "killed_min", "killed_max", "injured_min", "injured_max", "reports", "documents", "outlets"]

_EKG = "https://w3id.org/arabic-event-kg/ontology#"
_TYPE = {"Attack": "attack", "Accusation": "accusation", "CasualtyEvent": "casualty"}
_QUALIFIER = {"exact": "exact", "atLeast": "at_least", "approximate": "approximate", "upTo": "up_to"}
_ACTOR_TYPE = {"State": "state", "ArmedGroup": "armed_group", "Organisation": "organisation",
               "Person": "person", "Media": "media"}


def last_segment(iri: object) -> str | None:
    """Q43 from http://www.wikidata.org/entity/Q43, 172955 from https://sws.geonames.org/172955/."""
    return str(iri).rstrip("/").rsplit("/", 1)[-1] if iri else None


def _local(iri: object) -> str | None:
    return str(iri).rsplit("#", 1)[-1] if iri else None


def _mentions(store: ReadableGraph) -> dict[tuple[str, str], list[dict]]:
    """Each node's mentions per document, in text order."""
    found: dict[tuple[str, str], list[dict]] = {}
    for row in store.select(read_query("export_mentions")):
        found.setdefault((row["doc"], row["node"]), []).append(row)
    return found


# Endings of a relational adjective (أمريكية، أفغانياً): one such word that is none of the
# entity's names describes it (غارة أمريكية) rather than names it.
_ADJECTIVE_ENDINGS = ("ي", "يه", "يا")


def _doc_label(label: str, aliases: list[str], anchors: list[str], registered: bool = False) -> str:
    """The entity's name as this document writes it (a reader of the row finds it in the
    article): of the forms the text uses, a name of the entity (its label, an alias) before
    any other form, and an adjective (غارة أمريكية) last, though a ``registered`` entity the
    text only names by its adjective takes its own name (الولايات المتحدة); the form used
    most; without a clitic glued to a name (للحلف الأطلسي is الحلف الأطلسي) or quote marks
    inside (تنظيم «داعش» is تنظيم داعش)."""
    if not anchors:
        return label
    names = {normalize(n) for n in [label, *aliases] if n}
    ranked = []
    for anchor in anchors:
        anchor = " ".join("".join(" " if c in QUOTE_MARKS else c for c in anchor).split())
        named = [form for form in _unglued(anchor) if normalize(form) in names]
        adjective = " " not in anchor and normalize(anchor).endswith(_ADJECTIVE_ENDINGS)
        ranked.append((0, named[0]) if named else (2 if adjective else 1, _without_article_clitic(anchor)))
    best = min(rank for rank, _ in ranked)
    if best == 2 and registered:
        return label  # only adjectives (غارات أمريكية): the entity's name, not "أمريكية"
    written = [form for rank, form in ranked if rank == best]
    forms = [normalize(w) for w in written]
    if normalize(label) in forms:
        return label
    return max(written, key=lambda w: (forms.count(normalize(w)), -written.index(w)))


def _unglued(anchor: str) -> list[str]:
    """The anchor, then the anchor without one leading clitic (لل is ل + ال)."""
    forms = [anchor]
    if anchor.startswith("لل"):
        forms.append("ال" + anchor[2:])
    if anchor[:1] in "وفبلك":
        forms.append(anchor[1:])
    return forms


def _without_article_clitic(anchor: str) -> str:
    """حاجز للجيش is the army, والقوات the forces: a preposition or conjunction glued to the
    article comes off (a letter before ال and at least three after it: والي stays)."""
    first, _, rest = anchor.partition(" ")
    if first.startswith("لل") and len(first) >= 5:
        first = "ال" + first[2:]
    elif first[:1] in "وفبك" and first[1:3] == "ال" and len(first) >= 6:
        first = first[1:]
    return f"{first} {rest}".strip()


def entities_table(store: ReadableGraph, mentions: dict | None = None) -> list[dict]:
    mentions = _mentions(store) if mentions is None else mentions
    rows = []
    for r in store.select(read_query("export_entities")):
        typ = r["type"]
        if typ and str(typ).startswith(_EKG):
            typ = _ACTOR_TYPE.get(_local(typ), "actor")
        anchors = [m["anchor"] for m in mentions.get((r["doc"], r["iri"]), [])]
        rows.append({
            "doc": r["doc"], "iri": r["iri"], "kind": r["kind"], "label": _doc_label(r["label"], (r["aliases"] or "").split("|"), anchors, bool(r["label_en"])),
            "label_en": r["label_en"], "mentions": sorted(set(anchors)),
            "type": typ or None, "wikidata": last_segment(r["wikidata"]),
            "geonames": last_segment(r["geonames"]),
            "lat": r["lat"], "lon": r["lon"],
        })
    return rows


def events_table(store: ReadableGraph) -> list[dict]:
    mentions = _mentions(store)
    labels = {(e["doc"], e["iri"]): e["label"] for e in entities_table(store, mentions)}
    rows = []
    for r in store.select(read_query("export_events")):
        doc = r["doc"]
        told = mentions.get((doc, r["event"])) or [{}]
        first = told[0]
        role = {k: labels.get((doc, r[k])) if r[k] else None
                for k in ("accuser", "accused", "perpetrator", "target", "victim_actor", "reported_by")}
        places = [labels.get((doc, p), p) for p in r["places"].split("|")] if r["places"] else []
        rows.append({
            "doc": doc, "event": r["event"], "type": _TYPE[_local(r["class"])], **role,
            "places": sorted(places), "count": r["count"], "outcome": _local(r["outcome"]),
            "qualifier": _QUALIFIER.get(_local(r["qualifier"])) if r["qualifier"] else None,
            "group": r["group"], "modality": _local(r["modality"]), "attack": r["attack"],
            "incident": r["incident"], **_event_date(r), "sentence": first.get("sentence"),
            "start": first.get("start"), "end": first.get("end"), "confidence": r["confidence"],
            # an event told again (one attack in several sentences): where else, in text order
            "other_sentences": list(dict.fromkeys(m["sentence"] for m in told[1:] if m["sentence"] != first.get("sentence"))),
        })
    # each document's events in reading order
    return sorted(rows, key=lambda row: (row["doc"], row["start"] if row["start"] is not None else -1, row["event"]))


def incidents_table(store: ReadableGraph) -> list[dict]:
    """One row per incident (export_incidents.rq), its lists as lists."""
    return [{**r, **{k: r[k].split("|") if r[k] else [] for k in ("actors", "documents", "outlets")}}
            for r in store.select(read_query("export_incidents"))]


def _event_date(row: dict) -> dict:
    """The event's date; one known only from its document's publication takes its incident's."""
    if row["date_precision"] == "publication" and row["incident_date"]:
        return {"date": row["incident_date"], "date_precision": "incident"}
    return {"date": row["date"], "date_precision": row["date_precision"]}


def write_rows(rows: list[dict], fields: list[str], fmt: str, out: IO[str]) -> None:
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps({k: row.get(k) for k in fields}, ensure_ascii=False) + "\n")
        return
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "|".join(v) if isinstance(v, list) else v for k, v in row.items()})
