"""Checks for the curated actor/place registry in kg/registry/ (actors.jsonl, places.jsonl)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "kg" / "registry"
FILES = {"actors": DATA / "actors.jsonl", "places": DATA / "places.jsonl"}

ACTOR_TYPES = {"state", "armed_group", "organisation", "person", "media"}
PLACE_TYPES = {"country", "region", "admin", "city", "town", "village", "neighbourhood", "facility"}
REQUIRED = ("key", "type", "ar", "aliases", "en")
ACTOR_FIELDS = set(REQUIRED) | {"wikidata", "country", "part_of", "also_a_word"}
PLACE_FIELDS = set(REQUIRED) | {"wikidata", "geonames", "lat", "lon", "precision", "country", "admin1", "in", "homonyms", "metonym_for", "also_a_word"}

KEY_RE = re.compile(r"^[a-z0-9_]+$")
QID_RE = re.compile(r"^Q\d+$")
ISO2_RE = re.compile(r"^[A-Z]{2}$")
ARABIC_RE = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
ENGLISH_LABEL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9 .&'()/-]*$")
# Harakat, Quranic marks, dagger alef, tatweel, zero-width / direction marks
_DROP = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d\u200e\u200f]")
_CHAR_MAP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ئ": "ي", "ة": "ه", "ؤ": "و", "ک": "ك"})


def norm(text: str) -> str:
    """Matching key: no diacritics/tatweel, alef forms unified, ى->ي, ة->ه (as kg.nlp.normalize), spaces collapsed."""
    return re.sub(r"\s+", " ", _DROP.sub("", text).translate(_CHAR_MAP)).strip()


def load(kind: str) -> list[dict]:
    rows = []
    with FILES[kind].open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            assert line.strip(), f"{kind}: empty line {lineno}"
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:  # pragma: no cover - reported by assert
                pytest.fail(f"{kind}.jsonl line {lineno} does not parse: {exc}")
    return rows


@pytest.fixture(scope="module")
def actors() -> list[dict]:
    return load("actors")


@pytest.fixture(scope="module")
def places() -> list[dict]:
    return load("places")


@pytest.mark.parametrize("kind", ["actors", "places"])
def test_files_exist_and_are_utf8(kind):
    raw = FILES[kind].read_bytes()
    raw.decode("utf-8")
    assert raw.endswith(b"\n")
    assert b"\\u06" not in raw, "write with ensure_ascii=False"


@pytest.mark.parametrize("kind", ["actors", "places"])
def test_required_fields_and_keys(kind):
    rows = load(kind)
    assert rows, kind
    allowed = ACTOR_FIELDS if kind == "actors" else PLACE_FIELDS
    keys = []
    for r in rows:
        for f in REQUIRED:
            assert f in r, f"{kind} {r.get('key')}: missing {f}"
        assert set(r) <= allowed, f"{kind} {r['key']}: unknown fields {set(r) - allowed}"
        assert isinstance(r["key"], str) and KEY_RE.match(r["key"]), r["key"]
        assert isinstance(r["ar"], str) and r["ar"].strip() == r["ar"] and r["ar"], r["key"]
        assert isinstance(r["en"], str) and r["en"].strip(), r["key"]
        assert isinstance(r["aliases"], list) and all(isinstance(a, str) and a.strip() == a and a for a in r["aliases"]), r["key"]
        keys.append(r["key"])
    assert len(keys) == len(set(keys)), f"{kind}: duplicate keys {[k for k in keys if keys.count(k) > 1][:5]}"
    assert keys == sorted(keys), f"{kind}: not sorted by key"


def test_types(actors, places):
    assert {a["type"] for a in actors} <= ACTOR_TYPES
    assert {p["type"] for p in places} <= PLACE_TYPES
    for t in ACTOR_TYPES:
        assert any(a["type"] == t for a in actors), t


def test_shared_keys_are_state_country_pairs(actors, places):
    """The same key may be used in both files only for a state actor and its country (e.g. `turkey`)."""
    a = {r["key"]: r for r in actors}
    p = {r["key"]: r for r in places}
    for k in set(a) & set(p):
        assert a[k]["type"] == "state" and p[k]["type"] in {"country", "region"}, k


@pytest.mark.parametrize("kind", ["actors", "places"])
def test_ids_and_codes(kind):
    for r in load(kind):
        if "wikidata" in r:
            assert isinstance(r["wikidata"], str) and QID_RE.match(r["wikidata"]), r["key"]
        if "country" in r:
            assert ISO2_RE.match(r["country"]), r["key"]
        if "geonames" in r:
            assert isinstance(r["geonames"], str) and r["geonames"].isdigit(), r["key"]


def test_coordinates(places):
    for p in places:
        if "geonames" in p:
            assert "lat" in p and "lon" in p, f"{p['key']}: geonames id without coordinates"
        if "lat" in p or "lon" in p:
            assert "lat" in p and "lon" in p, p["key"]
            assert isinstance(p["lat"], (int, float)) and -90 <= p["lat"] <= 90, p["key"]
            assert isinstance(p["lon"], (int, float)) and -180 <= p["lon"] <= 180, p["key"]
            assert p.get("precision") in (1, 2, 3), p["key"]
        if p["type"] == "country":
            assert "lat" in p, p["key"]


def test_references(actors, places):
    akeys = {a["key"] for a in actors}
    pkeys = {p["key"] for p in places}
    for a in actors:
        if "part_of" in a:
            assert a["part_of"] in akeys and a["part_of"] != a["key"], a["key"]
    for p in places:
        if "in" in p:
            assert p["in"] in pkeys and p["in"] != p["key"], p["key"]
        if "metonym_for" in p:
            assert p["metonym_for"] in akeys, p["key"]
        for h in p.get("homonyms", []):
            assert h in pkeys and h != p["key"], p["key"]
    for p in places:
        if p["type"] == "facility":
            assert "in" in p, f"facility {p['key']} has no 'in'"


@pytest.mark.parametrize("kind", ["actors", "places"])
def test_surface_forms(kind):
    """Each alias is Arabic (or an English label); no Arabic form belongs to two keys of the same file."""
    owner: dict[str, str] = {}
    for r in load(kind):
        for s in [r["ar"], *r["aliases"]]:
            assert ARABIC_RE.search(s) or ENGLISH_LABEL_RE.match(s), f"{kind} {r['key']}: {s!r}"
            if not ARABIC_RE.search(s):
                continue
            assert not _DROP.search(s), f"{kind} {r['key']}: diacritics/tatweel in {s!r}"
            n = norm(s)
            prev = owner.setdefault(n, r["key"])
            assert prev == r["key"], f"{kind}: {s!r} under both {prev} and {r['key']}"
        assert ARABIC_RE.search(r["ar"]), r["key"]


# Words that open or join names (kunya, filiation, servant-of): a form that is one of them
# would take every أبو X or ابن X in a text for one entry.
NAME_PARTICLES = {norm(w) for w in ("أبو", "أبي", "أبا", "ابن", "بن", "بنت", "أم", "عبد", "آل", "ولد")}


@pytest.mark.parametrize("kind", sorted(FILES))
def test_no_form_is_a_name_particle(kind):
    for r in load(kind):
        for s in [r["ar"], *r["aliases"]]:
            assert norm(s) not in NAME_PARTICLES, f"{kind} {r['key']}: {s!r} is a word of every other name"
