"""What the mapper produces: plain dataclasses, handed on to linking and RDF."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from kg.nlp.normalize import normalize

MentionKind = Literal["actor", "place"]
EventType = Literal["attack", "accusation", "casualty"]
# asserted: reported as having happened; hypothetical: would have, if; threatened: threats,
# plans, foiled plots; denied: a party denies it happened at all; negated: the text says it did not
Modality = Literal["asserted", "hypothetical", "threatened", "denied", "negated"]


@dataclass(frozen=True)
class Span:
    """Characters ``start:end`` of the document text, in sentence ``sentence``."""

    start: int
    end: int
    text: str
    sentence: int


@dataclass(frozen=True)
class Mention:
    """An actor or place named in the text."""

    span: Span
    kind: MentionKind
    type: str  # actor: state, armed_group, organisation, person, media; place: city, ...
    key: str | None  # registry key when the name is a known alias, else None
    via: str  # how it was found: registry, ner, pattern, metonym, adjective

    @property
    def identity(self) -> str:
        """Its registry key, else its text: what two mentions of one entity share."""
        return self.key or self.span.text


@dataclass
class Event:
    type: EventType
    trigger: Span
    accuser: Mention | None = None
    accused: Mention | None = None
    perpetrator: Mention | None = None
    target: Mention | None = None
    victim: Mention | None = None
    reported_by: Mention | None = None
    places: list[Mention] = field(default_factory=list)
    count: int | None = None
    outcome: str | None = None  # killed, injured, captured, missing, displaced
    qualifier: str | None = None  # exact, at_least, approximate, up_to
    group: str | None = None  # the Arabic words naming the victims
    about: Event | None = None  # an accusation's attack, when stated
    outcome_of: Event | None = None  # a casualty figure's attack
    date: str | None = None  # ISO date: when it happened, as far as the text says
    # day, month, year (from date words: date_span), or publication (none: the document's date)
    date_precision: str | None = None
    date_span: Span | None = None
    confidence: float = 0.5
    modality: Modality = "asserted"
    evidence: list[Span] = field(default_factory=list)  # further mentions of the same event


@dataclass(frozen=True)
class SentenceSpan:
    start: int
    end: int
    text: str


@dataclass
class Extraction:
    """Everything the mapper found in one document."""

    doc_id: str
    text: str
    sentences: list[SentenceSpan]
    mentions: list[Mention]
    events: list[Event]
    date: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None


def person_names(mentions: list[Mention]) -> dict[Mention, str]:
    """A person named in part (أحمد) after in full (نوروز أحمد) is the same person."""
    people = [m for m in mentions if m.kind == "actor" and m.type == "person" and m.key is None]
    # Longest first; between names of one length, the first named (a set's order would
    # change from run to run, and with it the person's IRI).
    full = sorted(dict.fromkeys(normalize(m.span.text) for m in people), key=len, reverse=True)
    names = {}
    for m in people:
        short = normalize(m.span.text)
        for longer in full:
            if longer != short and (longer.endswith(" " + short) or longer.startswith(short + " ")):
                names[m] = next(p.span.text for p in people if normalize(p.span.text) == longer)
                break
    return names
