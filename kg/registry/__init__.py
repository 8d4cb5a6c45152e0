"""The project's curated registry of actors and places (the data files beside this module).

Read by the mapper (which names to look for) and by linking (which identifiers and
coordinates a name resolves to). Entries are looked up by normalised Arabic name.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.nlp.normalize import normalize

DATA_DIR = Path(__file__).parent


@dataclass(frozen=True)
class Entry:
    key: str
    kind: str  # actor or place
    type: str
    ar: str
    aliases: tuple[str, ...] = ()
    en: str | None = None
    wikidata: str | None = None
    geonames: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: int | None = None
    country: str | None = None
    within: str | None = None  # the place a facility or neighbourhood lies in
    stands_for: str | None = None  # the actor a capital names in news (أنقرة -> turkey)
    also_a_word: bool = False  # الخبر، صور: a place only where the text says it is one
    part_of: str | None = None  # the actor an army or a wing belongs to (turkish_army -> turkey)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.ar, *self.aliases)


def _entry(row: dict, kind: str) -> Entry:
    return Entry(
        key=row["key"], kind=kind, type=row["type"], ar=row["ar"],
        aliases=tuple(row.get("aliases", ())), en=row.get("en"), wikidata=row.get("wikidata"),
        geonames=str(row["geonames"]) if row.get("geonames") else None,
        lat=row.get("lat"), lon=row.get("lon"), precision=row.get("precision"),
        country=row.get("country"), within=row.get("in"), stands_for=row.get("metonym_for"),
        also_a_word=bool(row.get("also_a_word")), part_of=row.get("part_of"),
    )


class Registry:
    def __init__(self, actors: list[Entry], places: list[Entry]):
        self.entries = {"actor": {e.key: e for e in actors}, "place": {e.key: e for e in places}}
        self._by_name: dict[tuple[str, str], Entry] = {}
        self._states: dict[str, Entry] = {}  # country code -> its state (TR -> turkey)
        for e in actors:
            if e.type == "state" and e.country:
                self._states.setdefault(e.country, e)
        for kind, entries in self.entries.items():
            for e in entries.values():
                for name in e.names:
                    self._by_name.setdefault((kind, normalize(name)), e)

    @classmethod
    def from_dir(cls, path: Path) -> "Registry":
        def rows(name: str) -> list[dict]:
            lines = (path / name).read_text(encoding="utf-8").splitlines()
            return [json.loads(line) for line in lines if line.strip()]

        return cls([_entry(r, "actor") for r in rows("actors.jsonl")],
                   [_entry(r, "place") for r in rows("places.jsonl")])

    def get(self, kind: str, key: str) -> Entry | None:
        return self.entries[kind].get(key)

    def state_of(self, code: str) -> Entry | None:
        """The state whose country is ``code`` (TR -> turkey)."""
        return self._states.get(code)

    def find(self, kind: str, name: str) -> Entry | None:
        """The entry one of whose names normalises to ``name``'s form."""
        return self._by_name.get((kind, normalize(name)))

    def __iter__(self):
        for entries in self.entries.values():
            yield from entries.values()


@lru_cache(maxsize=1)
def load_registry() -> Registry:
    return Registry.from_dir(DATA_DIR)
