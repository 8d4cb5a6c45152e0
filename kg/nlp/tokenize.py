"""The project's Arabic tokenizer and sentence splitter.

Clitics stay attached (as in ANERcorp, AQMAR and WikiFANE), punctuation is split off,
and every token and sentence keeps exact character offsets into the original text:
``text[tok.start:tok.end] == tok.text`` always holds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# A word is a run of letters/digits plus the marks that live inside Arabic words
# (harakat, tatweel, ZWNJ/ZWJ). Python's \w excludes combining marks and includes "_".
_WORD_CHAR = r"(?:[^\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d])"
_NUMBER = r"\d+(?:[.,\u066b\u066c]\d+)+"  # 3.5, 1,000, ٣٫٥ stay one token
_TOKEN = re.compile(rf"{_NUMBER}|{_WORD_CHAR}+|\.{{2,}}|[!?؟]+|\S")

_SENTENCE_END = re.compile(r"^(?:[.!?؟]+|\.{2,}|…)$")
# Closing quotes/brackets that still belong to the sentence a full stop ended.
_CLOSERS = set("»”\"')]}›")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    tokens: tuple[Token, ...]
    start: int
    end: int

    @property
    def words(self) -> list[str]:
        return [t.text for t in self.tokens]


def tokenize_words(text: str) -> list[Token]:
    """All tokens of ``text``, in order, with offsets."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def split_sentences(text: str, tokens: list[Token] | None = None) -> list[Sentence]:
    """Group tokens into sentences: a sentence ends at . ! ? ؟ (with any closing quote
    after it) and at a line break."""
    if tokens is None:
        tokens = tokenize_words(text)
    sentences: list[Sentence] = []
    current: list[Token] = []

    def close() -> None:
        if current:
            sentences.append(Sentence(tuple(current), current[0].start, current[-1].end))
            current.clear()

    ended = False
    for tok in tokens:
        if current and "\n" in text[current[-1].end : tok.start]:
            close()
            ended = False
        if ended and tok.text not in _CLOSERS:
            close()
            ended = False
        current.append(tok)
        if _SENTENCE_END.match(tok.text):
            ended = True
    close()
    return sentences


def tokenize(text: str) -> list[Sentence]:
    """Sentences of tokens, every offset exact."""
    return split_sentences(text)
