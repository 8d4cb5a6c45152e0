"""spaCy rule machinery over Stanza's tokens.

A spaCy ``Doc`` is built from the project's tokens (not from spaCy's tokenizer, and not
through spacy-stanza, which pins stanza<1.7). Each token's NORM is its normalised form with
a leading clitic cut when what remains is a word the rules know (وبغداد -> بغداد), so that
one PhraseMatcher pattern per name finds و/ب/ل/ف/ك-prefixed forms too.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span as SpacySpan, Token

from kg.extract.lexicon import load, norm_set, strip_clitic
from kg.nlp.normalize import QUOTE_MARKS, normalize, original_index
from kg.nlp.pipeline import NlpDoc
from kg.nlp.tokenize import tokenize_words
from kg.registry import Registry, load_registry

# Read from lists that make_doc fills in one go: setting an extension token by token cost
# more than building the Doc.
if not Token.has_extension("clitic"):  # characters of a leading clitic
    Token.set_extension("clitic", getter=lambda t: t.doc.user_data["clitics"][t.i])
if not Token.has_extension("offset"):  # start offset in the original text
    Token.set_extension("offset", getter=lambda t: t.doc.user_data["offsets"][t.i])


FUTURE_PREFIXES = ("وس", "فس", "س")


@dataclass(frozen=True)
class Match:
    label: str  # e.g. "actor:sdf", "attack", "outcome:killed", "state"
    start: int  # token indices into the spaCy Doc
    end: int


class Rules:
    """All matchers, built once per process from the registry and the data files."""

    def __init__(self, registry: Registry):
        self.vocab = spacy.blank("ar").vocab
        self.lex = load("lexicon")
        self.demonyms = _with_registry_demonyms(load("demonyms"), registry)
        # Capitals that news uses for their state (واتهمت أنقرة): the registry says which.
        self._metonyms = {normalize(name): e.stands_for for e in registry.entries["place"].values()
                          if e.stands_for for name in e.names}
        self.clitics = tuple(sorted((normalize(c) for c in self.lex["clitics"]), key=len, reverse=True))

        phrases: dict[str, list[str]] = {}
        for entry in registry:
            phrases.setdefault(f"{entry.kind}:{entry.key}", []).extend(entry.names)
        for name, words in self._lexicon_phrases().items():
            phrases.setdefault(name, []).extend(words)
        # Every inflection of the trigger lemmas (pipelines/make_triggers.py), and the lemma
        # of each form, for the rules that ask for a lemma's companion words (needs_nearby).
        self.lemma_of: dict[str, str] = {}
        for label, by_lemma in load("triggers").items():
            for lemma, forms in by_lemma.items():
                phrases.setdefault(label, []).extend(forms)
                for form in forms:
                    self.lemma_of.setdefault(form, lemma)
        # Every word a phrase can start with: what the clitic stripper may uncover.
        known = set()
        for words in phrases.values():
            for w in words:
                known.update(normalize(t.text) for t in tokenize_words(w))
        demonym_forms = {normalize(f) for forms in self.demonyms.values() for f in forms}
        self.peoples = _peoples(self.demonyms)
        self.place_adjectives = norm_set(self.lex["place_adjectives"])
        self.locatives = norm_set(self.lex["locative"])
        known |= demonym_forms | set(self.peoples) | norm_set(self.lex["state_heads"])
        # A clitic with the article inside a name (للجيش، والمعارضة) makes no word of its own:
        # left known, the text's للجيش would never be cut to الجيش (and so miss الجيش التركي).
        # Patterns are cut the same way as the text (_pattern_doc), so the names still match.
        article_clitics = [c for c in self.clitics if c.endswith(("ال", "لل"))]
        # Likewise لإيران inside a name (الميليشيات الموالية لإيران) is ل + a name: a word no
        # name starts with, left known, would keep دعما لإيران from naming Iran.
        first_words = {normalize(t.text) for entry in registry for name in entry.names
                       for t in tokenize_words(name)[:1]}
        name_words = {normalize(t.text) for entry in registry for name in entry.names for t in tokenize_words(name)}
        self.known = frozenset(w for w in known if not any(
            w.startswith(c) and len(w) - len(c) >= 2 and "ال" + w[len(c):] in known for c in article_clitics)
            and not (w[:1] in "لب" and w[1:] in first_words and w in name_words and w not in first_words))

        # Words that only say what a sentence is about (a match, a page's tags) are matched as
        # the text writes them: the clitic stripper is not taught them.
        phrases["not_violent"] = self.lex["attack"]["not_violent_context"]
        phrases["tag_head"] = self.lex["tag_heads"]
        phrases["story_shift"] = self.lex["attack"]["story_shifts"]
        self.phrases = PhraseMatcher(self.vocab, attr="NORM")
        for label, words in phrases.items():
            self.phrases.add(label, [self._pattern_doc(w) for w in dict.fromkeys(words)])

        # "head + country adjective" names a state as an actor: الجيش التركي، القوات الروسية.
        # One pattern for every state (the adjective tells which, in matches()): the Matcher
        # tests each pattern at each token, and one per state cost more than the rest together.
        self.patterns = Matcher(self.vocab)
        state_heads = sorted(h for h in norm_set(self.lex["state_heads"]) if " " not in h)
        self._state_of_adjective = {a: key for key, forms in self.demonyms.items()
                                    for f in forms for a in _with_and_without_article(normalize(f)) if " " not in a}
        adjectives = sorted(self._state_of_adjective)
        self.patterns.add("state", [
            [{"NORM": {"IN": state_heads}}, {"NORM": {"IN": adjectives}}],
            # طائرات مسيرة تركية: a word between that agrees as an adjective does (ends in ة, or
            # has the article: الطائرات الحربية التركية), not a noun the head governs (الطائرات مقار الحوثيين)
            [{"NORM": {"IN": state_heads}}, {"IS_PUNCT": False, "NORM": {"NOT_IN": adjectives, "REGEX": "(ه|ي)$|^ال"}},
             {"NORM": {"IN": adjectives}}],
        ])
        # "facility head + a name" is a facility: مبنى المحافظة، معسكر لبوزة، القنصلية الأميركية.
        heads = sorted(norm_set(self.lex["facility_heads"]))
        # (nor a weekday: في المسجد الخميس الماضي is when, not a mosque's name)
        not_name = {"NOT_IN": sorted(norm_set(self.lex["function_words"]) | norm_set(load("dates")["weekdays"]["forms"]))}
        name = {"IS_PUNCT": False, "IS_DIGIT": False, "LENGTH": {">=": 3}, "NORM": not_name}
        # the text itself starts with the article: للجيش (ل + الجيش) names no facility
        definite = {"IS_PUNCT": False, "TEXT": {"REGEX": "^ال"}, "NORM": not_name}
        self._add_body_patterns(not_name)
        titled = {"NORM": {"IN": sorted(norm_set(self.lex["facility_name_titles"]))}}
        given = {**name, "IS_SENT_START": False, "_": {"clitic": 0}}
        son_of = {"NORM": {"IN": ["بن", "بنت", "ابي", "ابو"]}}
        its_adjective = {**name, "IS_SENT_START": False, "TEXT": {"REGEX": "^ال.+ي$"}, "OP": "?"}
        self.patterns.add("facility", [
            [{"NORM": {"IN": heads}}, {**definite, "IS_PUNCT": False}],  # مبنى المحافظة
            # معسكر لبوزة (not سوق ببغداد: a market in Baghdad)
            [{"NORM": {"IN": heads}}, {**name, "ENT_TYPE": {"IN": ["LOC", "ORG", "PER"]}, "_": {"clitic": 0}}],
            [{"NORM": {"IN": ["ال" + h for h in heads]}}, definite],  # القنصلية الأميركية
            # مستشفى الملك خالد، مطار الملك عبدالعزيز الدولي، مستشفى الملك فهد بن عبدالعزيز:
            # named after a king or a prince, whose name is the facility's, no person acting
            [{"NORM": {"IN": heads}}, titled, given, its_adjective],
            [{"NORM": {"IN": heads}}, titled, given, son_of, given, its_adjective],
        ])
        # قرب الحدود غير المستقرة مع باكستان: the country across a border, past the words
        # describing it, is a point of reference like the phrase الحدود مع
        self.patterns.add("reference", [[{"NORM": {"IN": sorted(norm_set(self.lex["attack"]["border_words"]))}},
                                         {"OP": "{0,3}"}, {"NORM": "مع"}]])

    def _add_body_patterns(self, not_name: dict) -> None:
        """وزارة الصحة، المحكمة العليا، صحيفة الوئام: a head and the definite words after it."""
        # not what is fired (أطلقت الشرطة النار: no body called الشرطة النار)
        fired = {f for w in norm_set(self.lex["fire_words"]) for f in (w, w.removeprefix("ال"))}
        definite = {"IS_PUNCT": False, "TEXT": {"REGEX": "^(ال|وال)"}, "NORM": {"NOT_IN": sorted(set(not_name["NOT_IN"]) | fired)}}
        adjective = {"IS_PUNCT": False, "TEXT": {"REGEX": "^ال.+(ي|ية|يه)$"}, "NORM": not_name}
        # هيئة الهلال الأحمر السعودي; not الشرطة والصليب الأحمر, two bodies
        colour = {"NORM": {"IN": sorted(norm_set(self.lex["colour_adjectives"]))}}
        coloured = {**definite, "TEXT": {"REGEX": "^ال"}}
        for typ, heads in self.lex["body_heads"].items():
            head = {"NORM": {"IN": sorted(norm_set(heads))}}
            self.patterns.add(f"body:{typ}", [[head, definite], [head, definite, adjective],
                                              [head, coloured, colour], [head, coloured, colour, adjective]])

    def state_of_adjective(self, norm: str) -> str | None:
        """The state a country adjective names (الإسرائيلية -> israel), if it is one."""
        return self._state_of_adjective.get(norm)

    def people_of(self, norm: str) -> str | None:
        """The state a people names (الأمريكيون، الروس -> usa, russia), if it is one."""
        return self.peoples.get(norm)

    def metonym_of(self, span: SpacySpan) -> str | None:
        """The state a capital stands for (أنقرة -> turkey), if it is one."""
        return self._metonyms.get(" ".join(t.norm_ for t in span))

    def _lexicon_phrases(self) -> dict[str, list[str]]:
        lex = self.lex
        out = {
            "reporting": lex["reporting_verbs"],
            "reporting:participle": lex["speech_participles"],
            "attribution": lex["attribution_cues"],
            "statement": lex["statement_nouns"],
            "accusation:verb": lex["accusation"]["verbs"],
            "accusation:noun": lex["accusation"]["nouns"],
            "accusation:participle": lex["accusation"]["participles"],
            "designation": lex["accusation"]["designation_verbs"],
            "charge": lex["accusation"]["charges"],
            "commit": lex["accusation"]["commit_phrases"],
            "order": lex["accusation"]["order_verbs"],
            "demand": lex["accusation"]["demand_verbs"],
            "mutual": lex["accusation"]["mutual_verbs"],
            "behind": lex["accusation"]["behind"],
            "terror": lex["accusation"]["designation_words"],
            "deed": lex["accusation"]["characterised_deeds"],
            "wrong": lex["accusation"]["wrong_words"],
            "negation": lex["accusation"]["negations"],
            "attack:verb": lex["attack"]["verbs"],
            "attack:noun": lex["attack"]["nouns"],
            "takeover": lex["attack"]["takeover_words"],
            "target_marker": lex["attack"]["target_markers"],
            "claim": lex["attack"]["claims"],
            "by_marker": lex["attack"]["by_markers"],
            "shot_by": lex["attack"]["shot_by"],
            "reference": lex["attack"]["reference_words"],
            "arms_holder": lex["attack"]["arms_holders"],
            "between_marker": lex["attack"]["between_markers"],
            "verbal": lex["attack"]["verbal"],
            "non_person": lex["non_person_units"],
            "locative": lex["locative"],
        }
        for modality in ("hypothetical", "threatened", "denied"):
            out[f"modality:{modality}"] = lex["modality"][modality]
        for outcome, words in lex["outcomes"].items():
            out[f"outcome:{outcome}"] = words
        for ptype, words in lex["place_heads"].items():
            out[f"place_head:{ptype}"] = words
        for ptype, words in lex["dual_place_heads"].items():
            out[f"dual_place_head:{ptype}"] = words
        for atype, words in lex["actor_heads"].items():
            out[f"actor_head:{atype}"] = words
        return out

    def _pattern_doc(self, phrase: str) -> Doc:
        words = [t.text for t in tokenize_words(phrase)]
        doc = Doc(self.vocab, words=words)
        for tok in doc:
            tok.norm_ = strip_clitic(normalize(tok.text), self.known, self.clitics)[0]
        return doc

    def _future_verb(self, norm: str) -> tuple[str, int] | None:
        """سيشن، وستهاجم: the future's س (after و or ف) before a known imperfect verb."""
        for prefix in FUTURE_PREFIXES:
            rest = norm[len(prefix):]
            if norm.startswith(prefix) and len(rest) >= 3 and rest[0] in "يتن" and rest in self.known:
                return rest, len(prefix)
        return None

    def make_doc(self, nlp_doc: NlpDoc) -> Doc:
        """A spaCy Doc over the NLP stage's tokens, sentences and entities."""
        text = nlp_doc.text
        toks = [t for s in nlp_doc.sentences for t in s.tokens]
        spaces = [toks[i + 1].start > t.end if i + 1 < len(toks) else False for i, t in enumerate(toks)]
        starts = [i == 0 for s in nlp_doc.sentences for i, _ in enumerate(s.tokens)]
        doc = Doc(self.vocab, words=[t.text for t in toks], spaces=spaces, sent_starts=starts)
        clitics, future = [], set()
        for tok, src in zip(doc, toks):
            norm = normalize(src.text)
            key, cut = strip_clitic(norm, self.known, self.clitics)
            if not cut and key not in self.known and (verb := self._future_verb(norm)):
                key, cut = verb
                future.add(tok.i)
            tok.norm_ = key
            clitics.append(original_index(src.text, cut) if cut else 0)
        doc.user_data["clitics"] = clitics
        doc.user_data["future"] = future
        doc.user_data["offsets"] = [t.start for t in toks]
        by_start = {t.start: i for i, t in enumerate(toks)}
        by_end = {t.end: i for i, t in enumerate(toks)}
        ents = []
        for e in nlp_doc.entities:
            if e.start not in by_start or e.end not in by_end:
                continue
            start, end = by_start[e.start], by_end[e.end] + 1
            # Stanza sometimes runs an entity over a quote mark: stop it there.
            end = next((i for i in range(start, end) if doc[i].is_punct), end)
            if end > start:
                ents.append(SpacySpan(doc, start, end, label=e.label))
        doc.ents = spacy.util.filter_spans(ents)
        doc.user_data["text"] = text
        return doc

    def matches(self, doc: Doc) -> list[Match]:
        found = [Match(self.vocab.strings[m], s, e) for m, s, e in self.phrases(doc)
                 if not (self.vocab.strings[m] == "locative" and self.each_of(doc, s))]
        found += self._names_across_quotes(doc)
        for m, s, e in self.patterns(doc):
            label = self.vocab.strings[m]
            if label == "state":
                label = f"state:{self._state_of_adjective[doc[e - 1].norm_]}"
            found.append(Match(label, s, e))
        return found

    def each_of(self, doc: Doc, i: int) -> bool:
        """من at ``i`` says "each of" (اتهمت الحكومة كلا من تركيا وقطر): the names after it are
        who, not where; but في كل من سوريا والعراق is where."""
        return doc[i].norm_ == "من" and i > 0 and doc[i - 1].norm_ in ("كلا", "كل") \
            and not (i > 1 and doc[i - 2].norm_ in self.locatives)

    def _names_across_quotes(self, doc: Doc) -> list[Match]:
        """Names a quote mark splits (حركة «الشباب»، جماعة "الإخوان المسلمين"): the phrase
        matcher run again over the words without their quote marks."""
        kept = [t.i for t in doc if t.text not in QUOTE_MARKS]
        if len(kept) == len(doc):
            return []
        bare = Doc(self.vocab, words=[doc[i].text for i in kept])
        for tok, i in zip(bare, kept):
            tok.norm_ = doc[i].norm_
        out = []
        for m, s, e in self.phrases(bare):
            start, end = kept[s], kept[e - 1] + 1
            label = self.vocab.strings[m]
            if end - start > e - s and label.startswith(("actor:", "place:")):
                out.append(Match(label, start, end))
        return out


def _with_and_without_article(adjective: str) -> tuple[str, ...]:
    """التركية, تركية, the accusative تركيا (14 جنديا أفغانيا): an indefinite noun takes the
    adjective without the article; and the dual and plural of a masculine one (جنديان تركيان،
    جنود تركيون، الجنود التركيين) and the dual of a feminine one (الغارتان الأمريكيتان،
    طائرتين روسيتين)."""
    if not adjective.startswith("ال"):
        return (adjective,)
    bare = adjective[2:]
    if bare.endswith("يه"):  # ة, normalised
        numbered = [bare[:-1] + ending for ending in ("تان", "تين")]
        return (adjective, bare, *numbered, *("ال" + n for n in numbered))
    if not bare.endswith("ي"):
        return (adjective, bare)
    numbered = [bare + ending for ending in ("ان", "ين", "ون")]
    return (adjective, bare, bare + "ا", *numbered, *("ال" + n for n in numbered))


def _with_registry_demonyms(demonyms: dict[str, list[str]], registry: Registry) -> dict[str, list[str]]:
    """demonyms.json, and for each state it does not list the adjective of the registry's
    curated governmental alias (الحكومة الكينية: الكيني، الكينية), else the adjective built
    from its one-word name (فنزويلا: الفنزويلي، الفنزويلية), unless another key has it."""
    out = {k: v for k, v in demonyms.items() if not k.startswith("_")}
    claimed = {normalize(f) for forms in out.values() for f in forms}
    for entry in registry.entries["actor"].values():
        if entry.type != "state" or entry.key in out:
            continue
        feminine = next((n.split()[1] for n in entry.names if n.startswith("الحكومة ") and len(n.split()) == 2
                         and n.endswith("ية")), None) or _nisba(entry.ar)
        if feminine and normalize(feminine) not in claimed:
            out[entry.key] = [feminine[:-1], feminine]
            claimed.add(normalize(feminine))
    return out


def _nisba(name: str) -> str | None:
    """The definite feminine adjective of a one-word country name: its final ا، يا or ة
    gives way to ية (ألبانيا: الألبانية، كوبا: الكوبية، مالطة: المالطية; البرازيل:
    البرازيلية). None for a name of several words or one ending in ي or و (تشيلي، الكونغو),
    whose adjective is not built so."""
    base = name.removeprefix("ال")
    if " " in name or base.endswith(("ي", "و", "ى")):
        return None
    stem = base[:-2] if base.endswith("يا") else base[:-1] if base.endswith(("ا", "ة")) else base
    return "ال" + stem + "ية" if len(stem) >= 3 else None


def _peoples(demonyms: dict[str, list[str]]) -> dict[str, str]:
    """The definite plurals of the country adjectives, by state: a people that acts for its
    state (شن الأمريكيون هجومهم، اتهم الروس): the sound plurals of a masculine adjective
    (الأمريكي: الأمريكيون، الأمريكيين) and the listed broken plurals (الروس، الأتراك)."""
    out = {}
    for key, forms in demonyms.items():
        for form in map(normalize, forms):
            if " " in form or not form.startswith("ال"):
                continue
            if form.endswith("ي"):
                out.update({form + "ون": key, form + "ين": key})
            elif not form.endswith("يه"):  # (normalised: التركية is التركيه)
                out[form] = key
    return out


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    return Rules(load_registry())


def char_span(doc: Doc, start: int, end: int, cut_clitic: bool = True) -> tuple[int, int]:
    """Character offsets in the original text of tokens ``start:end``, minus a leading clitic."""
    first, last = doc[start], doc[end - 1]
    begin = first._.offset + (first._.clitic if cut_clitic else 0)
    return begin, last._.offset + len(last.text)
