"""Dates in Arabic news: month names of every naming system, numeric dates, a document's date.

Recognised (digits in any script: 21, ٢١, ۲۱):

* ``21 كانون الثاني 2022``, ``٢١ يناير ٢٠٢٢``, ``20 كانون الثاني/يناير 2022``,
  ``الخميس 20 يناير 2022``, ``الـ21 من يناير عام 2022``, ``السابع من نيسان/أبريل`` -> precision ``"day"``
* ``21/1/2022``, ``21-1-2022``, ``21.1.2022`` (day first), ``2022-01-21``, ``2022/01/21`` -> ``"day"``
* ``يناير 2022``, ``كانون الثاني/يناير 2022`` -> ``"month"`` (date = the 1st)
* ``عام 2019``, ``منذ 2011`` -> ``"year"`` (date = 1 January)

* ``21/10/1436هـ``, ``21 شوال 1436هـ`` (Hijri, Umm al-Qura) -> ``"day"``

With a ``reference`` date (the publication date), also the words that date relative to it:

* ``أمس``, ``أمس الأول``, ``صباح اليوم``, ``مساء السبت``, ``فجر الخميس``, ``الأحد الماضي`` -> ``"day"``
* ``الشهر الجاري``, ``منتصف الشهر الماضي``, ``يونيو الماضي`` -> ``"month"``; ``العام الماضي`` -> ``"year"``

A day and month without a year (``الخميس 20 يناير``) needs a ``reference`` date to get one.
The words live in ``data/dates.json``. :class:`PhraseTable` and :func:`skip_chars` are
shared with :mod:`kg.extract.numbers`.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Generic, TypeVar

from hijridate import Hijri

from kg.nlp.normalize import normalize, to_ascii_digits
from kg.nlp.tokenize import Token, tokenize_words

V = TypeVar("V")


def skip_chars(raw: str, n: int) -> int:
    """Index in ``raw`` (a token's original text) just after its first ``n`` normalised
    characters and any harakat/tatweel that follow them: where a word starts once an
    ``n``-letter clitic is cut (``skip_chars("بـ77", 1) == 2``)."""
    i = kept = 0
    while i < len(raw) and (kept < n or not normalize(raw[i])):
        kept += bool(normalize(raw[i]))
        i += 1
    return i


class PhraseTable(Generic[V]):
    """Phrases of one or more words -> values, matched on normalised token keys.

    The first word may carry one of ``prefixes`` (clitics); the bare word is tried first.
    """

    def __init__(self, entries: Mapping[str, V], prefixes: Iterable[str] = ()) -> None:
        self._table = {tuple(normalize(w) for w in phrase.split()): v for phrase, v in entries.items()}
        self.longest = max(map(len, self._table), default=0)
        # Most tokens start no phrase: a few set look-ups tell so (the mapper asks these
        # tables at every token). Cuts are tried bare first, then the longest clitic.
        self._prefixes = {normalize(p) for p in prefixes} | {""}
        self._cuts = (0, *sorted({len(p) for p in self._prefixes} - {0}, reverse=True))
        self._first_words = {phrase[0] for phrase in self._table}

    def match(self, keys: Sequence[str], i: int, sizes: Iterable[int] | None = None) -> tuple[V, int, int] | None:
        """``(value, number of tokens, clitic length)`` for the longest phrase starting at
        token ``i`` (only phrases of ``sizes`` tokens when given), else None."""
        if not 0 <= i < len(keys):
            return None
        key = keys[i]
        candidates = [(cut, key[cut:]) for cut in self._cuts
                      if key[:cut] in self._prefixes and key[cut:] in self._first_words]
        if not candidates:
            return None
        for n in sizes or range(self.longest, 0, -1):
            if n < 1 or i + n > len(keys):
                continue
            tail = tuple(keys[i + 1 : i + n])
            for cut, first in candidates:
                if (first, *tail) in self._table:
                    return self._table[(first, *tail)], n, cut
        return None


def _load() -> dict:
    return json.loads((Path(__file__).parent / "data" / "dates.json").read_text(encoding="utf-8"))


_DATA = _load()
CLITICS: tuple[str, ...] = tuple(_DATA["clitic_prefixes"]["forms"])
MONTHS: PhraseTable[int] = PhraseTable(
    {name: month for system, names in _DATA["months"].items() if not system.startswith("_") for name, month in names.items()},
    CLITICS,
)
WEEKDAYS: PhraseTable[int] = PhraseTable(_DATA["weekdays"]["forms"], CLITICS)
YEAR_MARKERS: PhraseTable[bool] = PhraseTable(dict.fromkeys(_DATA["year_markers"]["forms"], True), CLITICS)
_MONTH_YEAR_LINKS: PhraseTable[bool] = PhraseTable(dict.fromkeys(_DATA["month_year_links"]["forms"], True))
_DAY_MONTH_LINKS = {normalize(w) for w in _DATA["day_month_links"]["forms"]}
_MONTH_SEPARATORS = set(_DATA["month_separators"]["forms"])
_YEAR_MIN, _YEAR_MAX = _DATA["years"]["min"], _DATA["years"]["max"]
DATELINE_CHARS: int = _DATA["dateline_chars"]["value"]
_SINCE = {normalize(w) for w in _DATA["since_markers"]["forms"]}
HIJRI_MONTHS: PhraseTable[int] = PhraseTable(_DATA["hijri_months"]["forms"], CLITICS)
_HIJRI = _DATA["hijri_years"]
_HIJRI_SUFFIXES = {normalize(w) for w in _HIJRI["suffixes"]}
# Relative to the publication date.
RELATIVE_DAYS: PhraseTable[int] = PhraseTable(_DATA["relative_days"]["forms"], CLITICS)
TIMES_OF_DAY: PhraseTable[bool] = PhraseTable(dict.fromkeys(_DATA["times_of_day"]["forms"], True), CLITICS)
_PAST = {normalize(w) for w in _DATA["past_markers"]["forms"]}
_FUTURE = {normalize(w) for w in _DATA["future_markers"]["forms"]}
RELATIVE_PERIODS: PhraseTable[list] = PhraseTable(_DATA["relative_periods"]["forms"], CLITICS)
PARTS_OF_MONTH: PhraseTable[int] = PhraseTable(_DATA["parts_of_month"]["forms"], CLITICS)
ORDINAL_DAYS: PhraseTable[int] = PhraseTable(_DATA["ordinal_days"]["forms"], CLITICS)

# Day-number prefixes: clitic and/or article (و21، الـ21، والـ21), longest first, with the
# length cut from the span (the clitic only: the article stays in the mention).
_DAY_PREFIXES = sorted(
    {(normalize(c + a), len(normalize(c))) for c in ("", *CLITICS) for a in ("", *_DATA["day_article"]["forms"])},
    key=lambda prefix: len(prefix[0]),
    reverse=True,
)
_SUFFIXES = [*_DATA["year_suffixes"]["forms"], *_HIJRI_SUFFIXES]
_YEAR_TOKEN = re.compile(rf"(\d{{4}})(?:{'|'.join(map(re.escape, _SUFFIXES))})?")
# Numeric dates, on ASCII digits; not part of a longer run of digits and separators. Saudi
# papers space the separators of Hijri dates (21 / 10 / 1436هـ), whose suffix joins the span.
_EDGE_L, _EDGE_R = r"(?<![\d/.\-])", r"(?![\d/\-]|\.\d)"
_HIJRI_TAIL = rf"(?:\s?(?:{'|'.join(sorted(map(re.escape, _HIJRI['suffixes']), key=len, reverse=True))})(?!\w))?"
_DMY = re.compile(rf"{_EDGE_L}(\d{{1,2}}) ?([/.\-]) ?(\d{{1,2}}) ?\2 ?(\d{{4}}){_EDGE_R}{_HIJRI_TAIL}")
_YMD = re.compile(rf"{_EDGE_L}(\d{{4}})([/.\-])(\d{{1,2}})\2(\d{{1,2}}){_EDGE_R}")


@dataclass(frozen=True)
class DateMatch:
    """A date mention: ``text[start:end]`` is the whole mention (weekday, day, month names, year)."""

    date: date
    start: int
    end: int
    precision: str  # "day" | "month" | "year"
    since: bool = False  # منذ 2011: when a state began, not when an event happened


@dataclass(frozen=True)
class _Mention:
    """A date mention before its year is resolved: ``year`` is None for ``20 يناير``."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    since: bool = False
    hijri: bool = False


@dataclass(frozen=True)
class _Relative:
    """A date relative to the publication date, before it is known.

    ``unit``: "days" (``value`` days on: أمس = -1), "weekday" (``value`` = weekday number,
    ``direction`` -1 the last one before, 0 the last one on or before, 1 the next one),
    "month"/"year" (``value`` months or years on: الشهر الماضي = -1), "month_name"
    (``value`` = month number, ``direction`` as for weekdays). ``day``: the day of the month
    a part of it names (منتصف: 15).
    """

    start: int
    end: int
    unit: str
    value: int
    direction: int = 0
    day: int | None = None


def _day(key: str) -> tuple[int, int] | None:
    """``(day, clitic length)`` when the token key is a day number 1-31 (``21``, ``و21``, ``الـ21``)."""
    if not key[-1:].isdigit():
        return None
    for p, cut in _DAY_PREFIXES:
        rest = key[len(p) :]
        if key.startswith(p) and rest.isascii() and rest.isdigit() and len(rest) <= 2 and 1 <= int(rest) <= 31:
            return int(rest), cut
    return None


def _month_at(keys: Sequence[str], j: int) -> tuple[int, int, int] | None:
    """``(month, next token index, clitic length)`` for a month name at ``j``, with an
    optional second name of the same month (``كانون الثاني/يناير``, ``آب (أغسطس)``)."""
    hit = MONTHS.match(keys, j)
    if hit is None:
        return None
    month, n, plen = hit
    j += n
    if j < len(keys) and keys[j] in _MONTH_SEPARATORS and (alt := MONTHS.match(keys, j + 1)):
        j += 1 + alt[1]
        if j < len(keys) and keys[j] == ")":
            j += 1
    return month, j, plen


def _year_after(keys: Sequence[str], j: int) -> tuple[int, int] | None:
    """``(year, next token index)`` for a year at ``j``, optionally after ``عام``/``من العام``."""
    link = _MONTH_YEAR_LINKS.match(keys, j)
    for k in ((j + link[1]) if link else j, j):
        if k < len(keys) and (m := _YEAR_TOKEN.fullmatch(keys[k])):
            return int(m.group(1)), k + 1
    return None


def _start(tok: Token, prefix_len: int) -> int:
    return tok.start + skip_chars(tok.text, prefix_len)


def _mention_at(tokens: Sequence[Token], keys: Sequence[str], i: int) -> tuple[_Mention, int] | None:
    """The date mention starting at token ``i`` (day-month[-year], month-year or marker-year)
    and the index of the token after it."""
    if day := _day(keys[i]):
        j = i + 1 if i + 1 < len(keys) and keys[i + 1] in _DAY_MONTH_LINKS else i
        if month := _month_at(keys, j + 1):
            year = _year_after(keys, month[1])
            end = year[1] if year else month[1]
            start = _start(tokens[i], day[1])
            k = i - 1 if i > 0 and keys[i - 1] not in {"،", ","} else i - 2  # الخميس، 20 يناير
            if weekday := WEEKDAYS.match(keys, k, sizes=(1,)):
                start = _start(tokens[k], weekday[2])
            return _Mention(start, tokens[end - 1].end, year[0] if year else None, month[0], day[0]), end
        if month := HIJRI_MONTHS.match(keys, j + 1):
            year = _year_after(keys, j + 1 + month[1])
            if year and _HIJRI["min"] <= year[0] <= _HIJRI["max"]:
                end = year[1] + (year[1] < len(keys) and keys[year[1]] in _HIJRI_SUFFIXES)
                return _Mention(_start(tokens[i], day[1]), tokens[end - 1].end, year[0], month[0], day[0],
                                hijri=True), end
            if not year:  # توفي 17 رمضان: a day of a Hijri month, no count (and no date without its year)
                end = j + 1 + month[1]
                return _Mention(_start(tokens[i], day[1]), tokens[end - 1].end, None, month[0], day[0], hijri=True), end
    if (ordinal := ORDINAL_DAYS.match(keys, i)) and i + ordinal[1] < len(keys) and keys[i + ordinal[1]] in _DAY_MONTH_LINKS:
        if month := _month_at(keys, i + ordinal[1] + 1):  # السابع من نيسان/أبريل
            year = _year_after(keys, month[1])
            end = year[1] if year else month[1]
            return _Mention(_start(tokens[i], ordinal[2]), tokens[end - 1].end, year[0] if year else None,
                            month[0], ordinal[0]), end
    if (month := _month_at(keys, i)) and (year := _year_after(keys, month[1])):
        return _Mention(_start(tokens[i], month[2]), tokens[year[1] - 1].end, year[0], month[0], None), year[1]
    if marker := YEAR_MARKERS.match(keys, i):
        j = i + marker[1]
        if j < len(keys) and (m := _YEAR_TOKEN.fullmatch(keys[j])) and _YEAR_MIN <= int(m.group(1)) <= _YEAR_MAX:
            since = keys[i][marker[2]:] in _SINCE or (i > 0 and keys[i - 1] in _SINCE)  # منذ (عام) 2011
            return _Mention(_start(tokens[i], marker[2]), tokens[j].end, int(m.group(1)), None, None, since), j + 1
    return None


def _relative_at(tokens: Sequence[Token], keys: Sequence[str], i: int) -> tuple[_Relative, int] | None:
    """The relative date mention starting at token ``i`` (أمس، مساء السبت، الأحد الماضي،
    منتصف الشهر الجاري، يونيو الماضي) and the index of the token after it."""
    j, tod = i, TIMES_OF_DAY.match(keys, i)
    if tod:
        j += tod[1]
    start = _start(tokens[i], tod[2] if tod else 0)
    if hit := RELATIVE_DAYS.match(keys, j):
        end = j + hit[1]
        weekday = end < len(keys) and WEEKDAYS.match(keys, end, sizes=(1,))
        if hit[0] == 0 and not (tod or weekday):
            return None  # a bare اليوم is as often "nowadays" or the newspaper اليوم as today
        start = _start(tokens[i], tod[2] if tod else hit[2])
        if weekday:
            end += 1  # أمس الخميس: the day count says which Thursday
        return _Relative(start, tokens[end - 1].end, "days", hit[0]), end
    if hit := WEEKDAYS.match(keys, j, sizes=(1,)):
        end, direction = j + 1, 0
        nxt = keys[end] if end < len(keys) else ""
        if _day(nxt) or (nxt in {"،", ","} and end + 1 < len(keys) and _day(keys[end + 1])):
            return None  # الخميس 20 يناير: a date of its own
        if nxt in _PAST or nxt in _FUTURE:
            direction, end = (-1 if nxt in _PAST else 1), end + 1
        start = start if tod else _start(tokens[j], hit[2])
        return _Relative(start, tokens[end - 1].end, "weekday", hit[0], direction), end
    if tod:
        return None
    part = PARTS_OF_MONTH.match(keys, j)
    k = j + part[1] if part else j
    start = _start(tokens[i], part[2]) if part else None
    if hit := RELATIVE_PERIODS.match(keys, k):
        unit, offset = hit[0]
        end = k + hit[1]
        start = start if start is not None else _start(tokens[k], hit[2])
        return _Relative(start, tokens[end - 1].end, unit, offset, day=part[0] if part else None), end
    if (month := _month_at(keys, k)) and month[1] < len(keys) and keys[month[1]] in _PAST | _FUTURE:
        end = month[1] + 1
        start = start if start is not None else _start(tokens[k], month[2])
        return _Relative(start, tokens[end - 1].end, "month_name", month[0], -1 if keys[month[1]] in _PAST else 1,
                         part[0] if part else None), end
    return None


@lru_cache(maxsize=32)  # a document's dates, its date spans and find_numbers' exclusions
def _mentions(text: str) -> tuple[_Mention | _Relative, ...]:
    """Every date mention in ``text``, in order, without overlaps; year-less and relative ones included."""
    found: list[_Mention | _Relative] = []
    ascii_text = to_ascii_digits(text)  # same length: digits map one to one
    for m in _DMY.finditer(ascii_text):
        year = int(m.group(4))
        found.append(_Mention(m.start(), m.end(), year, int(m.group(3)), int(m.group(1)),
                              hijri=_HIJRI["min"] <= year <= _HIJRI["max"]))
    for m in _YMD.finditer(ascii_text):
        found.append(_Mention(m.start(), m.end(), int(m.group(1)), int(m.group(3)), int(m.group(4))))
    tokens = tokenize_words(text)
    keys = [normalize(t.text) for t in tokens]
    i = 0
    while i < len(tokens):
        hit = _mention_at(tokens, keys, i) or _relative_at(tokens, keys, i)
        if hit:
            found.append(hit[0])
        i = hit[1] if hit else i + 1
    found.sort(key=lambda m: (m.start, -m.end))
    kept: list[_Mention | _Relative] = []
    for m in found:
        if not kept or m.start >= kept[-1].end:
            kept.append(m)
    return tuple(kept)


def _closest_year(month: int, day: int, reference: date) -> int | None:
    """The year (reference's, or one either side) that puts ``day month`` closest to it."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            pass
    return min(candidates, key=lambda d: abs(d - reference)).year if candidates else None


def _months_on(day: date, months: int) -> tuple[int, int]:
    """(year, month) ``months`` months from ``day``'s month."""
    n = day.year * 12 + day.month - 1 + months
    return n // 12, n % 12 + 1


def _resolve(m: _Relative, reference: date) -> tuple[date, str]:
    """The date and precision a relative mention names, seen from ``reference``."""
    if m.unit == "days":
        return reference + timedelta(days=m.value), "day"
    if m.unit == "weekday":
        if m.direction > 0:
            return reference + timedelta(days=(m.value - reference.weekday()) % 7 or 7), "day"
        back = (reference.weekday() - m.value) % 7
        return reference - timedelta(days=back or (7 if m.direction < 0 else 0)), "day"
    if m.unit == "year":
        return date(reference.year + m.value, 1, 1), "year"
    if m.unit == "month":
        year, month = _months_on(reference, m.value)
    else:  # month_name: the last (or next) such month, never the publication's own
        year = reference.year - (m.value >= reference.month) if m.direction < 0 else \
            reference.year + (m.value <= reference.month)
        month = m.value
    return date(year, month, m.day or 1), "month"


def date_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of every date mention, including year-less and relative ones
    (``20 يناير``، ``أمس``) that :func:`find_dates` drops without a reference: numbers inside
    them are not counts."""
    return tuple((m.start, m.end) for m in _mentions(text))


def find_dates(text: str, reference: date | None = None) -> list[DateMatch]:
    """Every date in ``text`` with its precision, in order.

    A day and month without a year (``الخميس 20 يناير``) takes the year that puts it
    closest to ``reference``, and relative dates (``أمس``، ``الأحد الماضي``) are counted
    from it; without a reference both are left out. Impossible dates (``31 شباط 2022``)
    are left out.
    """
    out: list[DateMatch] = []
    for m in _mentions(text):
        if isinstance(m, _Relative):
            if reference is not None:
                day, precision = _resolve(m, reference)
                out.append(DateMatch(day, m.start, m.end, precision))
            continue
        year = m.year
        if year is None and m.hijri:
            continue  # a Hijri day and month alone: which year's is not worth guessing
        if year is None and m.day and m.month and reference is not None:
            year = _closest_year(m.month, m.day, reference)
        if year is None:
            continue
        try:
            d = Hijri(year, m.month, m.day).to_gregorian() if m.hijri else date(year, m.month or 1, m.day or 1)
        except (ValueError, OverflowError):
            continue
        precision = "day" if m.day else "month" if m.month else "year"
        out.append(DateMatch(d, m.start, m.end, precision, m.since))
    return out


_ISO = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?\s*")


def document_date(text: str, metadata_date: str | None) -> date | None:
    """The date of a news document: ``metadata_date`` when it parses (``yyyy-mm-dd`` or
    ``yyyy-mm-dd hh:mm:ss``); else the first day-precision date starting within the first
    ``DATELINE_CHARS`` characters of ``text`` (the dateline); else None."""
    if metadata_date and (m := _ISO.fullmatch(to_ascii_digits(metadata_date))):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    for found in find_dates(text):
        if found.start >= DATELINE_CHARS:
            break
        if found.precision == "day":
            return found.date
    return None


def weekday_of(word: str) -> int | None:
    """Python weekday number (Monday = 0) of a weekday name (``الخميس`` -> 3, ``والخميس`` too)."""
    hit = WEEKDAYS.match([normalize(word)], 0)
    return hit[0] if hit else None
