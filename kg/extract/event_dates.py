"""When each event happened: the date words of its own sentence, else of its paragraph,
counted from the publication date (أمس، الأحد الماضي، 21/10/1436هـ), else the publication
date itself, marked as such (precision ``publication``).
"""
from __future__ import annotations

from datetime import date

from kg.extract.dates import DateMatch, find_dates
from kg.extract.model import Event, SentenceSpan, Span


def date_events(events: list[Event], text: str, sentences: list[SentenceSpan], published: date | None) -> None:
    """Set each event's date, date precision and date words (``date_span``)."""
    # منذ 2011 says since when, not when; a date after publication is a plan, not a report.
    found = [m for m in find_dates(text, published) if not m.since]
    past = [m for m in found if published is None or m.date <= published]
    for ev in sorted(events, key=lambda e: e.type == "casualty"):  # attacks first: figures may take theirs
        m = _nearest(found if ev.modality == "threatened" else past, ev.trigger, sentences[ev.trigger.sentence], _paragraph(text, ev.trigger.start))
        if m is not None:
            sentence = next((i for i, s in enumerate(sentences) if s.start <= m.start < s.end), ev.trigger.sentence)
            ev.date, ev.date_precision = m.date.isoformat(), m.precision
            ev.date_span = Span(m.start, m.end, text[m.start:m.end], sentence)
        elif ev.outcome_of is not None and ev.outcome_of.date_span is not None:
            # a figure with no date words of its own happened when its attack did
            ev.date, ev.date_precision, ev.date_span = (ev.outcome_of.date, ev.outcome_of.date_precision,
                                                        ev.outcome_of.date_span)
        elif published is not None:
            ev.date, ev.date_precision = published.isoformat(), "publication"


def _paragraph(text: str, char: int) -> tuple[int, int]:
    """The line (news paragraph) holding ``char``."""
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    return start, len(text) if end < 0 else end


def _nearest(found: list[DateMatch], trigger: Span, sentence: SentenceSpan,
             paragraph: tuple[int, int]) -> DateMatch | None:
    """The date mention of the trigger's sentence closest to it; else the paragraph's last
    one before the sentence (the lead that dated the story), else its first one after."""
    def distance(m: DateMatch) -> int:
        return abs(m.start - trigger.start)

    own = [m for m in found if sentence.start <= m.start < sentence.end]
    if own:
        return min(own, key=distance)
    before = [m for m in found if paragraph[0] <= m.start < sentence.start]
    if before:
        return before[-1]
    after = [m for m in found if sentence.end <= m.start < paragraph[1]]
    return after[0] if after else None
