"""The mapper's knowledge, read from the data files beside this module."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from kg.nlp.normalize import normalize

DATA_DIR = Path(__file__).parent / "data"


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """A data file (``lexicon``, ``demonyms``, ``numbers``...), comments (keys with _) dropped."""
    data = json.loads((DATA_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def norm_set(words) -> frozenset[str]:
    """The normalised forms of a word list from the data files (kept: rules ask per document)."""
    return _norm_set(tuple(words))


@lru_cache(maxsize=None)
def _norm_set(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalize(w) for w in words)


def strip_clitic(norm: str, known: frozenset[str], clitics: tuple[str, ...]) -> tuple[str, int]:
    """(key, clitic length) for a normalised token: ``norm`` itself when it is a known
    word, else the known word left after a leading clitic, else ``norm`` unchanged.

    For ``بال``/``وال``/``لل`` the article stays in the key (بالحسكه -> الحسكه) and in the
    span (only ب is cut); for لل nothing can be cut from the span (للحسكة).
    """
    if norm in known:
        return norm, 0
    if norm[:1] in "وف" and norm[1:2] in "بلك" and norm[1:] in known:
        return norm[1:], 1  # وكان is و + كان, ولبنان و + لبنان: not وك + ان, ول + بنان
    for c in clitics:
        if not norm.startswith(c) or len(norm) - len(c) < 2:
            continue
        rest = norm[len(c):]
        if c.endswith("ال"):
            if "ال" + rest in known:
                return "ال" + rest, len(c) - 2
        elif c.endswith("لل"):
            if "ال" + rest in known:
                return "ال" + rest, 0
        elif rest in known:
            return rest, len(c)
    return norm, 0
