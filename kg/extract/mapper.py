"""The mapper: entity mentions and the text around them -> events, one document at a time."""
from __future__ import annotations

from collections import Counter

from kg.documents import Document
from kg.extract.dates import document_date
from kg.extract.event_dates import date_events
from kg.extract.lexicon import load, norm_set
from kg.extract.accusations import find_accusations
from kg.extract.attacks import find_attacks
from kg.extract.attribution import find_reporters
from kg.extract.casualties import find_casualties
from kg.extract.matching import Match, load_rules
from kg.extract.mentions import Found, find_mentions
from kg.extract.model import Extraction, Mention, SentenceSpan
from kg.extract.numbers import find_numbers
from kg.extract.window import Sentence, Window
from kg.nlp.normalize import QUOTE_MARKS, normalize
from kg.nlp.pipeline import NlpDoc
from kg.registry import load_registry


class Mapper:
    """Turns one document's NLP output into mentions and events."""

    def __init__(self):
        self.rules = load_rules()
        self.registry = load_registry()

    def extract(self, document: Document, nlp_doc: NlpDoc) -> Extraction:
        doc = self.rules.make_doc(nlp_doc)
        sent_of = [i for i, s in enumerate(nlp_doc.sentences) for _ in s.tokens]
        matches = self.rules.matches(doc)
        founds = find_mentions(doc, matches, self.rules, self.registry, sent_of)

        # Plain lists: spaCy's token extensions cost microseconds a read.
        bounds = [(t.start, t.end) for s in nlp_doc.sentences for t in s.tokens]
        sentences, first = [], 0
        for i, s in enumerate(nlp_doc.sentences):
            sent = Sentence(i, first, first + len(s.tokens))
            first = sent.end
            sent.matches = [m for m in matches if sent.start <= m.start < sent.end]
            sent.founds = [f for f in founds if sent.start <= f.start < sent.end]
            # a page's tag line (سمات البحرين تفجير) names topics: no fact comes from it
            tag_line = any(m.label == "tag_head" and m.start == sent.start for m in sent.matches)
            if tag_line:
                sent.matches = []
            for num in [] if tag_line else find_numbers(nlp_doc.text, list(s.tokens)):
                tok = _token_of(bounds, num.start, sent)
                end_tok = _token_of(bounds, num.end - 1, sent)
                sent.numbers.append((num, tok, end_tok + 1))
            sentences.append(sent)

        window = Window(doc, self.rules, sentences)
        find_reporters(window)
        attacks = find_attacks(window)
        accusations = find_accusations(window, attacks)
        casualties = find_casualties(window, attacks, main_place(founds))

        kept = [f for f in founds if not f.latent or id(f) in window.used]
        acting = {f.mention.key for f in kept if f.mention.kind == "actor"}
        kept += [f for f in _countries_as_actors(window, founds, matches) if f.mention.key not in acting]
        # A capital that stood for its state (واتهمت أنقرة) is not also a place there.
        metonyms = {(f.mention.span.start, f.mention.span.end) for f in kept if f.mention.via == "metonym"}
        kept = [f for f in kept if not (f.mention.kind == "place" and (f.mention.span.start, f.mention.span.end) in metonyms)]

        published = document_date(nlp_doc.text, document.date)
        events = sorted(attacks + accusations + casualties, key=lambda e: e.trigger.start)
        spans = [SentenceSpan(s.start, s.end, nlp_doc.text[s.start:s.end]) for s in nlp_doc.sentences]
        date_events(events, nlp_doc.text, spans, published)
        return Extraction(
            doc_id=document.id, text=nlp_doc.text, sentences=spans,
            mentions=[f.mention for f in kept], events=events,
            date=published.isoformat() if published else None,
            title=document.title, source=document.source, url=document.url,
        )


def _token_of(bounds: list[tuple[int, int]], char: int, sent: Sentence) -> int:
    """The token of ``sent`` holding character ``char``."""
    for i in range(sent.start, sent.end):
        if bounds[i][0] <= char < bounds[i][1]:
            return i
    return sent.start


TAG_MARKS = QUOTE_MARKS | {"#"}  # between a locative word and the place it governs


def _countries_as_actors(window: Window, founds: list[Found], matches: list[Match]) -> list[Found]:
    """A country the article names more than once, once at least where no locative word or
    ب/ل puts it (سفير روسيا، تطبيع العلاقات مع إسرائيل), is one of its actors, though no rule
    gave it a role: its first such mention (one that acts elsewhere is named there already)."""
    where = {m.end for m in matches if m.label == "locative"}
    states = [f for f in founds if f.latent and f.mention.kind == "actor" and f.mention.type == "state"
              and f.mention.via == "registry" and f.mention.key]
    counts = Counter(f.mention.key for f in states)
    doc = window.doc
    out, seen = [], set()
    for f in states:
        start = f.start
        while start > 0 and doc[start - 1].text in TAG_MARKS:
            start -= 1  # إلى #العراق، في «سوريا»: still where
        # أفغانستان: وزارة الدفاع تعلن: the place tag a story opens with
        tag = doc[f.start].is_sent_start and f.end < len(doc) and doc[f.end].text == ":"
        if counts[f.mention.key] >= 2 and f.mention.key not in seen and start not in where \
                and not window.preposition(f.start) and not tag:
            seen.add(f.mention.key)
            out.append(f)
    return out


def main_place(founds) -> Mention | None:
    """Where the document happens: its most named place below country level, unless a
    country is named more often (a Tunisian story that also tells of a consul in Damascus).
    The press's own country named bare (المملكة: lexicon press_home) is where it writes from,
    not where its stories happen."""
    home = norm_set(load("lexicon")["press_home"])
    places = [f.mention for f in founds if f.mention.kind == "place" and not f.latent
              and normalize(f.mention.span.text) not in home]
    if not places:
        return None
    counts = Counter(p.identity for p in places)
    local = [p for p in places if p.type not in ("country", "region")]
    top_local = max((counts[p.identity] for p in local), default=0)
    top = max(counts.values())
    pool = local if local and top_local >= top else places
    best = max(counts[p.identity] for p in pool)
    return next(p for p in pool if counts[p.identity] == best)
