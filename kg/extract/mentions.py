"""Actor and place mentions: the registry's names, "head + country adjective" patterns,
capitals standing for their state, and Stanza's entities for everything else."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from kg.extract.lexicon import norm_set
from kg.extract.matching import Match, Rules, char_span
from kg.extract.model import Mention, Span
from kg.nlp.normalize import original_index
from kg.registry import Registry

# A cut that is always safe on an unknown name: a clitic glued to the article (والموصل).
_ARTICLE_CLITICS = ("وبال", "فبال", "وال", "فال", "بال", "كال")


@dataclass
class Found:
    """A mention with its token range; ``latent`` actors count only where a rule uses them."""

    mention: Mention
    start: int
    end: int
    latent: bool = False


def _span(doc: Doc, start: int, end: int, sentence: int, cut: bool = True) -> Span:
    b, e = char_span(doc, start, end, cut)
    return Span(b, e, doc.user_data["text"][b:e], sentence)


def _head_type(doc: Doc, index: int, heads: dict[str, set[str]], default: str) -> str:
    if 0 <= index < len(doc):
        for typ, words in heads.items():
            if doc[index].norm_ in words:
                return typ
    return default


def _clitic_of(token, waw_words: frozenset[str]) -> int:
    """Characters of a leading clitic on the first word of an entity Stanza found."""
    if token._.clitic:
        return token._.clitic
    norm = token.norm_
    lead = next((c for c in _ARTICLE_CLITICS if norm.startswith(c)), None)
    if lead:  # والموصل: the article stays
        return original_index(token.text, len(lead) - 2)
    if norm.startswith("و") and len(norm) > 3 and norm not in waw_words:
        return original_index(token.text, 1)
    return 0


def find_mentions(doc: Doc, matches: list[Match], rules: Rules, registry: Registry,
                  sent_of: list[int]) -> list[Found]:
    named = [m for m in matches if m.label.split(":")[0] in ("actor", "place", "state")]
    # Longest names first; a registry name beats a pattern beats an NER entity.
    named.sort(key=lambda m: (-(m.end - m.start), m.label.split(":")[0] == "state"))
    taken = [False] * len(doc)
    out: list[Found] = []
    groups: dict[tuple[int, int], list[Match]] = {}
    for m in named:
        if any(taken[m.start:m.end]) and (m.start, m.end) not in groups:
            continue
        groups.setdefault((m.start, m.end), []).append(m)
        for i in range(m.start, m.end):
            taken[i] = True

    verbs = {m.end for m in matches if m.label in ("reporting", "accusation", "attack", "negation")}
    for (start, end), ms in sorted(groups.items()):
        span = _span(doc, start, end, sent_of[start])
        kinds = {m.label.split(":")[0]: m.label.split(":", 1)[1] for m in ms}
        if "state" in kinds:  # الجيش التركي: the state as an actor
            out.append(Found(Mention(span, "actor", "state", kinds["state"], "pattern"), start, end))
            continue
        if "place" in kinds:
            entry = registry.get("place", kinds["place"])
            out.append(Found(Mention(span, "place", entry.type, entry.key, "registry"), start, end))
        if "actor" in kinds:
            entry = registry.get("actor", kinds["actor"])
            # A name that is both a country and a state (تركيا) is a place unless it acts.
            latent = "place" in kinds and start not in verbs
            out.append(Found(Mention(span, "actor", entry.type, entry.key, "registry"), start, end, latent))
        metonym = rules.metonyms.get(span.text) or rules.metonyms.get(doc[start:end].text)
        if "actor" not in kinds and metonym and registry.get("actor", metonym):
            entry = registry.get("actor", metonym)
            out.append(Found(Mention(span, "actor", entry.type, entry.key, "metonym"), start, end,
                             latent=start not in verbs))

    waw_words = norm_set(rules.lex["waw_initial"])
    place_heads = {t: norm_set(ws) for t, ws in rules.lex["place_heads"].items()}
    actor_heads = {t: norm_set(ws) for t, ws in rules.lex["actor_heads"].items()}
    for ent in doc.ents:
        if any(taken[ent.start:ent.end]) or ent.label_ not in ("PER", "ORG", "LOC"):
            continue
        start, end = ent.start, ent.end
        span = _span(doc, start, end, sent_of[start], cut=False)
        cut = _clitic_of(doc[start], waw_words)
        if cut:
            span = Span(span.start + cut, span.end, doc.user_data["text"][span.start + cut:span.end], span.sentence)
        if len(span.text) < 2:
            continue
        if ent.label_ == "PER":
            mention = Mention(span, "actor", "person", None, "ner")
        elif ent.label_ == "ORG":
            typ = _head_type(doc, start, actor_heads, "organisation")
            mention = Mention(span, "actor", typ, None, "ner")
        else:
            typ = _head_type(doc, start - 1, place_heads, "town")
            mention = Mention(span, "place", typ, None, "ner")
        out.append(Found(mention, start, end))
    out.sort(key=lambda f: (f.start, f.mention.kind))
    return out
