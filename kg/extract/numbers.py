"""Explicit numbers in Arabic news text, with the qualifier in front of them.

:func:`find_numbers` reads, with character offsets into the original text:

* digits in any script (``77``, ``٣١``, ``۳۱``), with thousands separators (``1,200``,
  ``1.200``, ``١٬٢٠٠``), between slashes (``/40/``) and behind a clitic (``و٣١``, ``بـ77``:
  the match covers the digits only);
* number words and compounds (``ثلاثة وعشرون``, ``مئة وخمسة وعشرين``, ``خمسة عشر``,
  ``ثلاثة آلاف``, ``ألفين``, ``مليون ونصف``), also behind a clitic (``وثلاثة``);
* mixed forms (``3 آلاف``, ``2 مليون``, ``1.5 مليون``, ``ألف و500``);
* unambiguous duals (``جنديين`` -> 2: the match is the dual word).

It leaves out years, dates and times, percentages, decimals, ordinals (``الثانية``,
``الحادي عشر``), labels (``القرار 2254``), ranges glued by a hyphen (``10-15``), 1-words
(``أحد``/``واحد`` alone) and vague amounts (``عشرات``, ``بضعة``: see :func:`is_vague_amount`).
All words live in ``data/numbers.json``.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.extract.dates import MONTHS, PhraseTable, date_spans, skip_chars
from kg.nlp.normalize import normalize, to_ascii_digits
from kg.nlp.tokenize import Token

_DATA = json.loads((Path(__file__).parent / "data" / "numbers.json").read_text(encoding="utf-8"))


def _forms(section: str):
    return _DATA[section]["forms"]


_CLITICS: tuple[str, ...] = tuple(_forms("clitic_prefixes"))
_LONGEST_CLITIC = max(map(len, _CLITICS), default=0)
# numbers.json section -> the kind of word it holds (drives how words combine).
_KINDS = {
    "units": "unit",
    "units_compound_only": "unit1",
    "tens": "ten",
    "hundreds": "hundred",
    "scales": "scale",
    "scales_plural": "plural_scale",
    "dual_scales": "dual_scale",
    "fractions": "fraction",
    "ordinal_ones": "ordinal_one",
}


def _word_entries() -> dict[str, tuple[float, str]]:
    entries = {word: (value, kind) for section, kind in _KINDS.items() for word, value in _forms(section).items()}
    teens = _DATA["teens"]
    for head, value in teens["heads"].items():
        entries.update({f"{head} {tail}": (teens["base"] + value, "teen") for tail in teens["tails"]})
    # with the article too: الشخصان، الجنديين (the two persons, the two soldiers)
    entries.update({form: (2, "dual_noun") for word in _forms("dual_nouns") for form in (word, "ال" + word)})
    return entries


def _qualifier_table(position: str) -> PhraseTable[str]:
    return PhraseTable(
        {p: name for name, spec in _DATA["qualifiers"].items() if isinstance(spec, dict) for p in spec[position]},
        _CLITICS,
    )


_WORDS: PhraseTable[tuple[float, str]] = PhraseTable(_word_entries(), _CLITICS)
_VAGUE: PhraseTable[bool] = PhraseTable(dict.fromkeys(_forms("vague"), True), _CLITICS)
_NOT_NUMBERS = {normalize(w) for w in _forms("not_numbers")}
_ONE_OF_BEFORE = {normalize(w) for w in _DATA["units_compound_only"]["one_of_before"]}
_UNITY_NOUNS = {normalize(w) for w in _DATA["units_compound_only"]["unity_nouns"]}
_ORDINAL_NOT_AFTER = {normalize(w) for w in _DATA["ordinal_ones"]["not_after"]}
_QUALIFIERS_BEFORE = _qualifier_table("before")
_QUALIFIERS_AFTER = _qualifier_table("after")
_AFTER_WINDOW: int = _DATA["qualifiers"]["after_window"]
_PERCENT_BEFORE = {normalize(w) for w in _DATA["percent"]["before"]}
_PERCENT_AFTER: PhraseTable[bool] = PhraseTable(dict.fromkeys(_DATA["percent"]["after"], True))
_NOT_COUNTS_BEFORE: PhraseTable[bool] = PhraseTable(dict.fromkeys(_forms("not_counts_before"), True), _CLITICS)
_ORDINALS: PhraseTable[bool] = PhraseTable(
    {a + s + t: True for s in _forms("ordinal_stems") for a in ("", "ال") for t in ("", "ة")}, _CLITICS
)
_JOIN_DIGITS, _JOIN_LETTERS = _DATA["joiners"]["to_digits"], _DATA["joiners"]["to_letters"]
_YEAR_MIN, _YEAR_MAX = _DATA["years"]["min"], _DATA["years"]["max"]
_YEAR_BEFORE: PhraseTable[bool] = PhraseTable(dict.fromkeys(_DATA["years"]["before"], True), _CLITICS)

_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
_NUMERAL = re.compile(rf"[{_DIGIT}]+(?:[.,\u066b\u066c][{_DIGIT}]+)*")
_SENTENCE_END = set(".!?؟…")


@dataclass(frozen=True)
class NumberMatch:
    """An explicit number: ``text[start:end]`` is its digits or words (no clitic, no qualifier)."""

    value: int
    start: int
    end: int
    qualifier: str  # "exact" | "at_least" | "approximate" | "up_to"
    qualifier_start: int | None = None  # where the qualifier phrase begins (before or after the number)
    dual: bool = False  # a dual noun (جنديين): the number is the word naming what it counts
    ordinal: bool = False  # one more (جندي ثالث، وأصيب ثالث): what it counts is named before it


@dataclass(frozen=True)
class _Part:
    """One number word, teen/hundred phrase or run of digits."""

    value: float
    kind: str  # "digits" or a _KINDS value, "teen", "dual_noun"
    start: int
    end: int
    next: int  # index of the token after it
    prefix: str  # normalised clitic in front of it


def _numeral_value(numeral: str) -> float | None:
    """``1,200``/``1.200``/``١٬٢٠٠`` -> 1200, ``3.5`` -> 3.5, ``21.1.2022`` -> None."""
    groups = re.split(r"[.,\u066b\u066c]", to_ascii_digits(numeral))
    separators = set(re.findall(r"[.,\u066b\u066c]", numeral))
    if len(groups) == 1:
        return int(groups[0])
    if len(separators) == 1 and "\u066b" not in separators and all(len(g) == 3 for g in groups[1:]):
        return int("".join(groups))  # thousands separators
    if len(groups) == 2:
        return float(f"{groups[0]}.{groups[1]}")  # decimal
    return None


def _part_at(text: str, tokens: Sequence[Token], keys: Sequence[str], i: int) -> _Part | None:
    """The number word/phrase or digits at token ``i``, clitic allowed."""
    # (with a conjunction too: ولست هنا is "and I am not here")
    if i >= len(tokens) or keys[i] in _NOT_NUMBERS or (keys[i][:1] in "وف" and keys[i][1:] in _NOT_NUMBERS):
        return None
    tok = tokens[i]
    if hit := _WORDS.match(keys, i):
        (value, kind), n, plen = hit
        return _Part(value, kind, tok.start + skip_chars(tok.text, plen), tokens[i + n - 1].end, i + n, keys[i][:plen])
    if not any(c.isdigit() for c in keys[i][: _LONGEST_CLITIC + 1]):
        return None
    for p in ("", *_CLITICS):
        rest = keys[i][len(p) :]
        if keys[i].startswith(p) and rest[:1].isascii() and rest[:1].isdigit():
            start = tok.start + skip_chars(tok.text, len(p))
            m = _NUMERAL.match(text, start)
            value = _numeral_value(m.group())  # None (21.1.2022): NaN, so the phrase is skipped whole
            j = i + 1
            while j < len(tokens) and tokens[j].start < m.end():  # "و1" "," "200" -> one numeral
                j += 1
            return _Part(math.nan if value is None else value, "digits", start, m.end(), j, p)
    return None


def _phrase_at(
    text: str, tokens: Sequence[Token], keys: Sequence[str], i: int
) -> tuple[int | None, int, int, int, str] | None:
    """``(value, start, end, next token, kind of first part)`` for the number starting at
    token ``i``; value None for a decimal or malformed numeral, which is skipped whole.

    Parts join by و when a smaller one follows a bigger one (مئة وخمسة, ألف و500) or a
    2-9 unit is followed by its tens (خمسة وعشرون); a multiplier follows a count
    directly (ثلاثة آلاف, 3 آلاف)."""
    first = _part_at(text, tokens, keys, i)
    if first is None or first.kind in ("plural_scale", "fraction"):
        return None
    if first.kind == "dual_noun":
        return 2, first.start, first.end, first.next, first.kind
    if first.kind == "ordinal_one":  # وأصيب ثالث: one more, after a word that is no preposition
        after_word = i > 0 and keys[i - 1].isalpha() and keys[i - 1] not in _ORDINAL_NOT_AFTER
        return (1, first.start, first.end, first.next, first.kind) if after_word and first.prefix == "" else None
    total, group = 0.0, 0.0  # finished thousands/millions; the count a multiplier would multiply
    big = math.inf  # smallest multiplier used so far: the next one must be smaller
    room = 0.0  # a part joined by و must be smaller than this
    if first.kind == "scale":
        total = big = room = first.value
    elif first.kind == "dual_scale":
        total, room = first.value, first.value / 2
    else:
        group, room = first.value, (100 if first.kind == "hundred" else 0)
    last = first
    while last.next < len(tokens):
        j = last.next
        separate_and = keys[j] == "و"  # "ألف و 500"
        part = _part_at(text, tokens, keys, j + 1 if separate_and else j)
        if part is None:
            break
        joined = part.prefix == "و" or (separate_and and part.prefix == "")
        if part.prefix == "" and not separate_and and part.kind in ("scale", "plural_scale") and 0 < group < part.value < big:
            total, group = total + group * part.value, 0.0
            big = room = part.value
        elif joined and last.kind in ("unit", "unit1") and last.value < 10 and part.kind == "ten":
            group, room = group + part.value, 0.0
        elif joined and part.kind == "fraction" and last.kind in ("scale", "plural_scale", "dual_scale"):
            total, room = total + part.value * (last.value / 2 if last.kind == "dual_scale" else last.value), 0.0
        elif joined and part.kind in ("digits", "unit", "unit1", "teen", "ten", "hundred", "dual_scale") and 0 < part.value < room:
            after = _part_at(text, tokens, keys, part.next)
            if after and after.prefix == "" and after.kind in ("scale", "plural_scale") and after.value >= big:
                break  # "3 آلاف و2 مليون": the 2 starts a number of its own
            group += part.value
            room = {"hundred": 100.0, "dual_scale": part.value / 2}.get(part.kind, 0.0)
        else:
            break
        last = part
    if first.kind == "unit1" and last is first and not _one_of(keys, i, first):
        return None  # أحد alone: anyone (لم يصب أحد بأذى)
    value = total + group
    whole = not math.isnan(value) and value == int(value)  # else a decimal no multiplier made whole
    return int(value) if whole else None, first.start, last.end, last.next, first.kind


def _glued(text: str, start: int, end: int) -> bool:
    """Digits joined without a space to other digits (21/1، 10:30، 10-15) or, by a
    hyphen, to letters (إس-400)."""
    for joiner, other in ((text[start - 1 : start], text[start - 2 : start - 1]), (text[end : end + 1], text[end + 1 : end + 2])):
        if joiner and other and ((joiner in _JOIN_DIGITS and other.isdigit()) or (joiner in _JOIN_LETTERS and other.isalpha())):
            return True
    return False


def _entity(text: str, start: int, end: int) -> bool:
    """The digits of an HTML character reference left in the text (&#8220; &#160;)."""
    return text[max(0, start - 2):start] == "&#" and text[end:end + 1] == ";"


def _is_year(value: int, keys: Sequence[str], i: int, nxt: int) -> bool:
    """A 4-digit year next to a month name (يناير 2022, 2022 يناير), after في/منذ (في 2015),
    heading an entry of a chronology (1969- مقتل الممثلة), opening a sentence with a
    conjunction or a mark after it (2003 والوضع: the tail of a date cut off the line
    before), or after من with a mark after it (النصف الأول من 2014؛), where no counted
    noun follows, or after اعتبارا من; or ending a span of years (من 1966 إلى 1981، بين عامي 1859 و1869)."""
    if not _YEAR_MIN <= value <= _YEAR_MAX:
        return False
    month_before = MONTHS.match(keys, i - 1, sizes=(1,)) or MONTHS.match(keys, i - 2, sizes=(2,))
    dash_after = nxt < len(keys) and keys[nxt] in ("-", "–")
    bare_after = nxt >= len(keys) or not keys[nxt].isalpha()
    opens = i == 0 and (bare_after or keys[nxt].startswith("و"))
    # النصف الأول من 2014؛ (not أكثر من 2000: a count)
    # (اعتبارا من 1974، ابتداء من 2015: from that year on, whatever follows)
    of_year = i > 1 and keys[i - 1] == "من" and (keys[i - 2].removeprefix("و") in ("اعتبارا", "ابتداء") or (
        keys[i - 2] not in ("اكثر", "اقل", "ازيد") and bare_after))
    # من عام 1966 إلى 1981، بين عامي 1859 و1869: the end of a span of years
    # (و may stay glued to the second year: و1869)
    first = i - 1 if keys[i].startswith("و") else i - 2
    span_end = first > 0 and (first == i - 1 or keys[i - 1] in ("الي", "-", "–", "و")) and keys[first].isdigit() \
        and _YEAR_MIN <= int(keys[first]) <= _YEAR_MAX and keys[first - 1] in ("عام", "العام", "سنه", "منذ", "عامي")
    return bool(month_before or MONTHS.match(keys, nxt) or _YEAR_BEFORE.match(keys, i - 1, sizes=(1,))
                or dash_after or opens or of_year or span_end)


def _excluded(text: str, keys: Sequence[str], i: int, phrase: tuple, spans: Sequence[tuple[int, int]]) -> bool:
    value, start, end, nxt, kind = phrase
    return (
        any(s < end and start < e for s, e in spans)
        or (i > 0 and keys[i - 1] in _PERCENT_BEFORE)
        or _PERCENT_AFTER.match(keys, nxt) is not None
        or _NOT_COUNTS_BEFORE.match(keys, i - 1, sizes=(1,)) is not None
        or (kind != "digits" and _ORDINALS.match(keys, i - 1, sizes=(1,)) is not None)
        or _glued(text, start, end)
        or _entity(text, start, end)
        or (kind == "digits" and _is_year(value, keys, i, nxt))
    )


def _qualifier(text: str, tokens: Sequence[Token], keys: Sequence[str], i: int, nxt: int) -> tuple[str, int | None]:
    """The qualifier ending right before token ``i``, else one starting within the
    after-window past token ``nxt`` (same sentence, no other number in between)."""
    for n in range(_QUALIFIERS_BEFORE.longest, 0, -1):
        if hit := _QUALIFIERS_BEFORE.match(keys, i - n, sizes=(n,)):
            tok = tokens[i - n]
            return hit[0], tok.start + skip_chars(tok.text, hit[2])
    for k in range(nxt, min(nxt + _AFTER_WINDOW + 1, len(tokens))):
        if set(keys[k]) <= _SENTENCE_END or "\n" in text[tokens[k - 1].end : tokens[k].start]:
            break
        if keys[k] in ("،", ",") and not _QUALIFIERS_AFTER.match(keys, k + 1):
            break  # 10 مدنيين، على الأقل (yes); 20 ألف جريح، نصفهم تقريبا (about half: no)
        if hit := _QUALIFIERS_AFTER.match(keys, k):
            return hit[0], tokens[k].start + skip_chars(tokens[k].text, hit[2])
        if _part_at(text, tokens, keys, k):
            break
    return "exact", None


def _one_of(keys: Sequence[str], i: int, part: _Part) -> bool:
    """واحد alone counts one (شخص واحد، قتل واحد منهم); أحد/إحدى only as "one of" (أحد
    المقاتلين، إحدى النساء، أحد من، أحد جنودها): the guidelines count them."""
    word = keys[i][len(part.prefix):]
    if not word.startswith(("احد", "احدي")):
        # شعب يمني واحد، يدا واحدة، في آن واحد: one as in united or same, no count; the noun
        # may stand before one adjective in ي/ية
        noun = keys[i - 1] if i > 0 else ""
        if i > 1 and noun.endswith(("ي", "يه")):
            noun = keys[i - 2] if keys[i - 2] in _UNITY_NOUNS else noun
        return noun not in _UNITY_NOUNS
    following = keys[part.next] if part.next < len(keys) else ""
    # a noun made definite by a possessive pronoun counts too (أحد جنودها، إحدى بناته)
    possessed = len(following) > 4 and following.endswith(("ها", "هم", "هما", "نا", "ه"))
    return following.startswith("ال") or following in _ONE_OF_BEFORE or possessed


def find_numbers(text: str, tokens: list[Token]) -> list[NumberMatch]:
    """Every explicit count among ``tokens`` (from :func:`kg.nlp.tokenize.tokenize_words`
    on ``text``, or a slice of them, e.g. one sentence), in order, offsets into ``text``."""
    keys = [normalize(t.text) for t in tokens]
    spans = date_spans(text)
    out: list[NumberMatch] = []
    i = 0
    while i < len(tokens):
        if vague := _VAGUE.match(keys, i):
            i += vague[1]
            continue
        phrase = _phrase_at(text, tokens, keys, i)
        if phrase is None:
            i += 1
            continue
        value, start, end, nxt, kind = phrase
        if value is not None and not _excluded(text, keys, i, phrase, spans):
            out.append(NumberMatch(value, start, end, *_qualifier(text, tokens, keys, i, nxt), dual=kind == "dual_noun",
                                   ordinal=kind == "ordinal_one"))
        i = nxt
    return _ranges(text, out)


_RANGE_JOINERS = frozenset(normalize(w) for w in _DATA["ranges"]["joiners"])
_RANGE_OPENERS = tuple(normalize(w) for w in _DATA["ranges"]["openers"])


def _ranges(text: str, numbers: list[NumberMatch]) -> list[NumberMatch]:
    """A range (11 إلى 15 شخصا، ما بين 120 و170) is one figure: its higher count, up to."""
    out: list[NumberMatch] = []
    for num in numbers:
        low = out[-1] if out else None
        between = normalize(text[low.end:num.start].strip()) if low is not None else ""
        opened = low is not None and normalize(text[max(0, low.start - 8):low.start]).strip().endswith(_RANGE_OPENERS)
        if low is not None and low.value < num.value and (between in _RANGE_JOINERS or (between == "و" and opened)):
            out[-1] = NumberMatch(num.value, low.start, num.end, "up_to", low.start)
        else:
            out.append(num)
    return out


def is_vague_amount(words: str | Sequence[str]) -> bool:
    """True when ``words`` (a phrase or its tokens) start with a vague amount: ``عشرات``,
    ``مئات الآلاف``, ``عدد من``, ``بضعة`` (a clitic on the first word is allowed)."""
    keys = [normalize(w) for w in (words.split() if isinstance(words, str) else words)]
    return _VAGUE.match(keys, 0) is not None
