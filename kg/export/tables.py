"""Event and entity tables, ACLED-like, from the store (fields as ../shared/dev/score.py reads)."""
from __future__ import annotations

import csv
import io
import json
from typing import IO

from kg.store import Store, read_query

EVENT_FIELDS = ["doc", "event", "type", "accuser", "accused", "perpetrator", "target", "victim_actor",
                "reported_by", "places", "count", "outcome", "qualifier", "group", "date", "sentence",
                "start", "end", "confidence"]
ENTITY_FIELDS = ["doc", "iri", "kind", "label", "mentions", "type", "wikidata", "geonames", "lat", "lon"]

_EKG = "https://w3id.org/arabic-event-kg/ontology#"
_TYPE = {"Attack": "attack", "Accusation": "accusation", "CasualtyEvent": "casualty"}
_QUALIFIER = {"exact": "exact", "atLeast": "at_least", "approximate": "approximate", "upTo": "up_to"}
_ACTOR_TYPE = {"State": "state", "ArmedGroup": "armed_group", "Organisation": "organisation",
               "Person": "person", "Media": "media"}


def _local(iri: object) -> str | None:
    return str(iri).rsplit("#", 1)[-1] if iri else None


def _first_mentions(store: Store) -> dict[tuple[str, str], dict]:
    """Each node's first mention per document: its offsets and sentence."""
    first: dict[tuple[str, str], dict] = {}
    for row in store.select(read_query("export_mentions")):
        key = (row["doc"], row["node"])
        if key not in first:
            first[key] = row
    return first


def events_table(store: Store) -> list[dict]:
    mentions = _first_mentions(store)
    rows = []
    for r in store.select(read_query("export_events")):
        m = mentions.get((r["doc"], r["event"]), {})
        rows.append({
            "doc": r["doc"], "event": r["event"], "type": _TYPE[_local(r["class"])],
            **{k: r[k] for k in ("accuser", "accused", "perpetrator", "target", "victim_actor", "reported_by")},
            "places": sorted(r["places"].split("|")) if r["places"] else [],
            "count": r["count"], "outcome": _local(r["outcome"]),
            "qualifier": _QUALIFIER.get(_local(r["qualifier"])) if r["qualifier"] else None,
            "group": r["group"], "date": r["date"], "sentence": m.get("sentence"),
            "start": m.get("start"), "end": m.get("end"), "confidence": r["confidence"],
        })
    return rows


def entities_table(store: Store) -> list[dict]:
    rows = []
    for r in store.select(read_query("export_entities")):
        typ = r["type"]
        if typ and str(typ).startswith(_EKG):
            typ = _ACTOR_TYPE.get(_local(typ), "actor")
        wd = r["wikidata"]
        gn = r["geonames"]
        rows.append({
            "doc": r["doc"], "iri": r["iri"], "kind": r["kind"], "label": r["label"],
            "mentions": sorted(set(r["mentions"].split("|"))) if r["mentions"] else [],
            "type": typ or None, "wikidata": str(wd).rsplit("/", 1)[-1] if wd else None,
            "geonames": str(gn).rstrip("/").rsplit("/", 1)[-1] if gn else None,
            "lat": r["lat"], "lon": r["lon"],
        })
    return rows


def write_rows(rows: list[dict], fields: list[str], fmt: str, out: IO[str]) -> None:
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps({k: row.get(k) for k in fields}, ensure_ascii=False) + "\n")
        return
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "|".join(v) if isinstance(v, list) else v for k, v in row.items()})
