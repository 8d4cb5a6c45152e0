"""Arabic normalisation for matching only.

The original text is never changed: offsets always point into it. These functions give
a comparison key for a token or phrase (registry look-ups, trigger words, scoring).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Harakat, Quranic marks, superscript alef, tatweel and zero-width joiners: dropped.
_DROP = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d\u200e\u200f]")

# One character to one character, so the key stays aligned with what remains.
_CHAR_MAP = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
        "ى": "ي", "ی": "ي", "ئ": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ک": "ك",
        **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian (extended) digits
    }
)
_DIGIT_MAP = {k: v for k, v in _CHAR_MAP.items() if chr(k).isdigit()}
# Presentation forms (ﻃﻴﺮﺍﻥ: text copied from old PDFs and sites) to their letters, one to one;
# the two-letter ligatures (ﻻ) cannot map one to one and stay as they are.
_SHOWN_AS = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00))}
_CHAR_MAP.update({cp: letter.translate(_CHAR_MAP) for cp, letter in _SHOWN_AS.items()
                  if len(letter) == 1 and letter != chr(cp)})


# Letters of Persian (and Urdu) keyboards, and presentation forms, as the Arabic letters the
# NER corpora write (مدینتی دوغوبایزید -> مدينتي): what the tagger reads, one to one.
_LETTER_MAP = str.maketrans({"ی": "ي", "ک": "ك", "ۀ": "ة", "ە": "ه", "ہ": "ه", "ھ": "ه",
                             **{cp: letter for cp, letter in _SHOWN_AS.items() if len(letter) == 1}})


def arabic_letters(text: str) -> str:
    """``text`` with Persian letters and presentation forms written as Arabic ones; the same length."""
    return text.translate(_LETTER_MAP)


QUOTE_MARKS = frozenset('«»"“”')  # quote marks news sets inside names (حركة «الشباب»)
OPENING_QUOTES = frozenset('«“"')  # those that open a quotation or a name


@lru_cache(maxsize=1 << 16)  # the mapper asks for the same words' keys again and again
def normalize(text: str) -> str:
    """A matching key: no diacritics or tatweel, unified alef/ya/ta marbuta, ASCII digits;
    hamza on ya before waw written as on waw (مسئولية، شئون as مسؤولية، شؤون: two spellings of
    one word, letter for letter)."""
    return _DROP.sub("", text).replace("ئو", "ؤو").translate(_CHAR_MAP)


def to_ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits to ASCII; nothing else changes."""
    return text.translate(_DIGIT_MAP)


def original_index(text: str, norm_index: int) -> int:
    """The index in ``text`` of character ``norm_index`` of ``normalize(text)``."""
    kept = 0
    for i, ch in enumerate(text):
        if kept == norm_index:
            return i
        if not _DROP.match(ch):
            kept += 1
    return len(text)
