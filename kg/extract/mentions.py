"""Actor and place mentions: the registry's names, "head + country adjective" patterns,
capitals standing for their state, and Stanza's entities for everything else."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from kg.extract.lexicon import norm_set
from kg.extract.matching import Match, Rules, char_span
from kg.extract.model import Mention, Span
from kg.nlp.normalize import QUOTE_MARKS, normalize, original_index
from kg.registry import Entry, Registry

# A cut that is always safe on an unknown name: a clitic glued to the article (والموصل).
_ARTICLE_CLITICS = ("وبال", "فبال", "وال", "فال", "بال")  # not كال: كاليفورنيا


@dataclass
class Found:
    """A mention with its token range; ``latent`` actors count only where a rule uses them."""

    mention: Mention
    start: int
    end: int
    latent: bool = False

    @property
    def only_a_place(self) -> bool:
        """A country or capital named here as a place (في سوريا), not as one who acts."""
        return self.latent and self.mention.via in ("registry", "metonym")

    @property
    def recalled(self) -> bool:
        """A head word alone that stands for a known actor (التنظيم after تنظيم داعش، الحكومة for
        the article's country): latent, yet it names one."""
        return self.mention.via == "pattern" and self.mention.key is not None


def _span(doc: Doc, start: int, end: int, sentence: int, cut: bool = True) -> Span:
    b, e = char_span(doc, start, end, cut)
    return Span(b, e, doc.user_data["text"][b:e], sentence)


def _trimmed(span: Span, front: int = 0, back: int = 0) -> Span:
    """``span`` less ``front`` characters at its start and ``back`` at its end."""
    return Span(span.start + front, span.end - back, span.text[front:len(span.text) - back], span.sentence)


def _head_type(doc: Doc, index: int, heads: dict[str, set[str]], default: str) -> str:
    if 0 <= index < len(doc):
        for typ, words in heads.items():
            if doc[index].norm_ in words:
                return typ
    return default


def _before_quotes(doc: Doc, i: int) -> int:
    """Where the quote marks right before token ``i`` start (محافظة «إب»), or ``i``."""
    while i > 0 and doc[i - 1].text in QUOTE_MARKS:
        i -= 1
    return i


def _clitic_of(token, waw_words: frozenset[str]) -> int:
    """Characters of a leading clitic on the first word of an entity Stanza found. Not one
    that would leave a particle (فان, the Turkish city, is no ف + ان)."""
    if token._.clitic:
        return token._.clitic if len(token.norm_) > 2 else 0
    norm = token.norm_
    lead = next((c for c in _ARTICLE_CLITICS if norm.startswith(c)), None)
    if lead:  # والموصل: the article stays
        return original_index(token.text, len(lead) - 2)
    if norm.startswith("و") and len(norm) > 3 and norm not in waw_words:
        return original_index(token.text, 1)
    return 0


def _describes(doc: Doc, i: int, sent_of: list[int], not_nouns: frozenset[str]) -> bool:
    """The word at ``i`` follows a definite noun it can describe (نقابة الصحفيين اليمنيين
    تدين), with no clitic of its own (والروس is a noun joined on)."""
    if i == 0 or sent_of[i - 1] != sent_of[i] or doc[i]._.clitic:
        return False
    before = doc[i - 1]
    return before.norm_.startswith("ال") and before.norm_ not in not_nouns and not before.is_punct


def _a_kind_of_place(doc: Doc, start: int, end: int, heads: frozenset[str], rules: Rules) -> bool:
    """A place the tagger found at ``start:end`` that is a head word and an adjective that
    describes it (جامعة تركية: a Turkish university), or the adjective alone after the head
    (حي سكني: a residential quarter): no name (تنيسي، سيفاري are names)."""
    last = doc[end - 1].norm_
    if not (last in rules.place_adjectives or rules.state_of_adjective(last)):
        return False
    head = doc[start].norm_ if end - start > 1 else (doc[start - 1].norm_ if start > 0 else "")
    return head in heads


def _name_follows(doc: Doc, end: int, sent_of: list[int], not_nouns: frozenset[str],
                  matched: set[int], starts: set[int]) -> bool:
    """What comes after a one-word name that is also a word (فتح) lets it be the name: the
    sentence's end or punctuation, a conjunction, a function word, a word the rules know
    (a verb: فتح تتهم; an accusation: حماس وفتح الاتهامات) or another name; not a plain
    word, its object (فتح ثغرة، فتح باب الحوار، فتح مسلحون النار)."""
    if end >= len(doc) or sent_of[end] != sent_of[end - 1]:
        return True
    nxt = doc[end]
    return nxt.is_punct or nxt.text.startswith("و") or nxt.norm_ in not_nouns or end in matched or end in starts


def _titled_name_end(doc: Doc, end: int, not_nouns: frozenset[str]) -> int:
    """Where a name a person's title opens ends: past the word at ``end`` when it may continue
    the name (a word, no article, no function word: دارين طاطور), else at ``end``."""
    more = (end < len(doc) and doc[end].is_alpha and not doc[end].norm_.startswith("ال")
            and doc[end].norm_ not in not_nouns and not doc[end]._.clitic)
    return end + 1 if more else end


def _person_next(doc: Doc, i: int, people: set[int], ranks: frozenset[str] = frozenset()) -> bool:
    """A person's name starts at token ``i``, or after a comma or one of ``ranks`` there
    (رئيس الأركان الأمريكي الجنرال مارتن ديمبسي)."""
    if i < len(doc) and (doc[i].text in ",،" or doc[i].norm_ in ranks):
        i += 1
    return i in people


def _accusative_adjective(doc: Doc, start: int, end: int, sent_of: list[int], not_nouns: frozenset[str]) -> bool:
    """A country name in يا right after an indefinite noun in the accusative (جنديا تركيا،
    مسؤولا ليبيا، صحفيا بريطانيا) is spelled as that noun's adjective (تركيًّا: Turkish). The
    caller rules out a name or a verb before it (اتهمت بريطانيا روسيا، اتهمتا روسيا), and ها
    is a pronoun, not the accusative (تتهم فيها تركيا، عليها روسيا)."""
    if end - start != 1 or start == 0 or sent_of[start - 1] != sent_of[start] or not doc[start].norm_.endswith("يا"):
        return False
    before = doc[start - 1].norm_
    return (len(before) > 3 and before.endswith("ا") and not before.endswith(("وا", "ها"))
            and not before.startswith("ال") and before not in not_nouns)


def find_mentions(doc: Doc, matches: list[Match], rules: Rules, registry: Registry,
                  sent_of: list[int]) -> list[Found]:
    named = [m for m in matches if m.label.split(":")[0] in ("actor", "place", "state", "facility", "body")]
    # Longest names first; a registry name beats a pattern beats an NER entity.
    rank = {"actor": 0, "place": 0, "state": 1, "facility": 2, "body": 3}
    named.sort(key=lambda m: (-(m.end - m.start), rank[m.label.split(":")[0]]))
    taken = [False] * len(doc)
    out: list[Found] = []
    groups: dict[tuple[int, int], list[Match]] = {}
    for m in named:
        if any(taken[m.start:m.end]) and (m.start, m.end) not in groups:
            continue
        groups.setdefault((m.start, m.end), []).append(m)
        for i in range(m.start, m.end):
            taken[i] = True

    verbal = [m for m in matches if m.label.split(":")[0] in
              ("reporting", "accusation", "attack", "negation", "designation", "claim", "behind",
               "criticism", "bears", "attribution_to", "charge", "commit")]
    verbs = {m.end for m in verbal}  # positions right after a verb
    verb_starts = {m.start for m in verbal}
    # a country right before a verb is its subject (تركيا تقصف مواقع، إن روسيا تتهم): not a noun (سوريا الهجوم)
    verb_only_starts = {m.start for m in verbal if not m.label.endswith(":noun")}
    # الولايات المتحدة وحلفاؤها يشنون: only an actor has allies, so the country before them acts
    allies = norm_set(rules.lex["ally_words"])
    allied = {t.i for t in doc if t.norm_ in allies}
    where = {m.end for m in matches if m.label == "locative"}
    outlets = norm_set(rules.lex["quoted_outlets"])
    peoples_of = norm_set(rules.lex["peoples_of"])
    aimed = {m.end for m in matches if m.label == "target_marker"}  # هجوم على، غارات ضد
    titles = norm_set(rules.lex["title_heads"])
    honorifics = norm_set(rules.lex["honorifics"])
    person_titles = norm_set(rules.lex["person_titles"]) | honorifics
    before_name = honorifics | norm_set(rules.lex["former_words"])  # الجنرال، السابق: between a title and a name
    not_nouns = norm_set(rules.lex["function_words"]) | norm_set(rules.lex["accusation"]["adverbs"]) | set(rules.peoples)
    event_words = {m.start for m in matches if m.label in ("attack:noun", "accusation:noun", "crime")}
    # an attack noun in construct with the name after it (تفجير كابول): no article of its own
    construct_attacks = {m.end for m in matches if m.label == "attack:noun" and not doc[m.start].norm_.startswith("ال")}
    # where a person's name starts: a title before it (وزير الخارجية التركي مولود) is no state
    people = {e.start for e in doc.ents if e.label_ == "PER"} | {
        m.start for m in named if m.label.startswith("actor:") and registry.get("actor", m.label[6:]).type == "person"}
    not_names = norm_set(rules.lex["not_names"])
    place_words = frozenset().union(*(norm_set(ws) for ws in rules.lex["place_heads"].values()))
    starts = {g[0] for g, ms in groups.items() if any(m.label.startswith(("actor:", "state:")) for m in ms)}
    persons = [(e.start, e.end) for e in doc.ents if e.label_ == "PER"]
    # عسير السعودية، مدينة فان التركية: a country named right after a town's name is its country
    town_ends = {end for (start, end), ms in groups.items()
                 if {m.label.partition(":")[0] for m in ms} == {"place"}}
    relatives = norm_set(rules.lex["relative_pronouns"])
    governments = norm_set(rules.lex["government_heads"])  # سلطات أنقرة: the state, not the city
    subject_openers = norm_set(["إن", "أن", "بأن"])  # (not إنه، أنها: their subject is the pronoun)
    not_verbs = norm_set(rules.lex["nouns_in_t"])
    # قاعدة العند ... القاعدة: the head word of a place named before, with the article, is that
    # place again, not the actor the word also names (al-Qaeda); where each head is first told
    place_head_at: dict[str, int] = {}
    for (start, end), ms in sorted(groups.items()):
        if end - start > 1 and any(m.label.startswith("place:") for m in ms):
            place_head_at.setdefault("ال" + doc[start].norm_, start)
    for (start, end), ms in sorted(groups.items()):
        span = _span(doc, start, end, sent_of[start])
        kinds = {m.label.partition(":")[0]: m.label.partition(":")[2] for m in ms}
        if set(kinds) == {"place"} and any(a <= start and end <= b and b - a > end - start for a, b in persons):
            taken[start:end] = [False] * (end - start)
            continue  # صلاح الدين دمرتاش: a person the tagger named, not the province
        if "state" in kinds and "actor" not in kinds:  # الجيش التركي: the state, unless the registry knows it
            titled = doc[start].norm_ in titles or (start > 0 and doc[start - 1].norm_ in titles)
            if titled and _person_next(doc, end, people, before_name):
                continue  # الرئيس الفرنسي إيمانويل ماكرون: the title of the person named next
            entry = registry.get("actor", kinds["state"])  # القوات الحوثية: a group, not a state
            out.append(Found(Mention(span, "actor", entry.type if entry else "state", kinds["state"], "pattern"), start, end))
            continue
        if "place" in kinds and "actor" in kinds and not taken[start - 1] and start not in verbs and \
                _accusative_adjective(doc, start, end, sent_of, not_nouns):
            entry = registry.get("actor", kinds["actor"])  # جنديا تركيا: Turkish, neither where nor who acts
            out.append(Found(Mention(span, "actor", entry.type, entry.key, "adjective"), start, end, latent=True))
            continue
        # في تركيا / إلى أنقرة: a place; أعلنت تركيا / واشنطن لا تقدم: also (or only) an actor
        locative = start in where or bool(doc[start]._.clitic and doc[start].text[0] in "بل")
        # a capital may stand for its state (طهران تنفي), but not once called a city (مدينة عدن)
        # nor right after an attack noun it is joined to (تفجير كابول، قصف دمشق: where it struck)
        struck = start in construct_attacks and not doc[start]._.clitic
        metonym = None if doc[start].norm_ in place_words or struck else rules.metonym_of(doc[start:end])
        # a capital next to a verb (تنفي طهران، واشنطن لا تقدم), after سلطات, or the subject
        # إن opens (إن واشنطن ستركز على الغارات) is its state, not a place
        acts = not locative and (start in verbs or end in verb_starts or end in allied
                                 or (start > 0 and doc[start - 1].norm_ in governments)
                                 or (start > 0 and doc[start - 1].norm_ in subject_openers))
        if set(kinds) == {"place"} and start > 0 and doc[start - 1].norm_ in person_titles and end - start == 1:
            # الناشطة جدة عبيدات: a person's name that spells a city
            end = _titled_name_end(doc, end, not_nouns)
            out.append(Found(Mention(_span(doc, start, end, sent_of[start]), "actor", "person", None, "ner"), start, end))
            continue
        if "place" in kinds and not (metonym and acts):
            entry = registry.get("place", kinds["place"])
            quoted = _before_quotes(doc, start)  # محافظة «إب»: the head or locative word before the quote marks
            if entry.also_a_word and end - start == 1 and not (start in where or quoted in where or struck or (
                    quoted > 0 and doc[quoted - 1].norm_ in place_words and not doc[quoted - 1].norm_.startswith("ال")) or (
                    start in aimed and not (end < len(doc) and doc[end].norm_.startswith("ال")
                                            and doc[end].norm_ not in relatives))):
                # الخبر (the news) is Khobar only where the text places it: في الخبر، مدينة
                # البيضاء، قصف حماة، هجوم على حماة، الهجوم على الخبر الذي (not بحجة: on the pretext;
                # not المدينة البيضاء: the white city; not على حماة الوطن: on the homeland's protectors)
                continue
            if _outlet_quoted(doc, start, end, outlets):  # قال لـ«الشرق الأوسط»: the newspaper, not the region
                out.append(Found(Mention(span, "actor", "media", None, "pattern"), start, end))
                continue
            out.append(Found(Mention(span, "place", entry.type, entry.key, "registry"), start, end))
        if "actor" in kinds:
            entry = registry.get("actor", kinds["actor"])
            if entry.also_a_word and end - start == 1 and not _name_follows(doc, end, sent_of, not_nouns, verb_starts, starts):
                continue  # فتح ثغرة، فتح معبر رفح: the verb or its noun, not Fatah (فتح تتهم، حماس وفتح: Fatah)
            if end - start == 1 and place_head_at.get(doc[start].norm_, len(doc)) < start:
                continue  # غارات على القاعدة after قاعدة العند: the base
            if "place" in kinds and start > 0 and doc[start - 1].norm_ in peoples_of:
                continue  # أكراد سوريا، شعب العراق: a people of the country, not its state
            if "place" in kinds and start in town_ends and not doc[start]._.clitic:
                continue  # عسير السعودية: the town's country, no actor
            # A name that is both a country and a state (تركيا) acts unless it is where.
            latent = "place" in kinds and (locative or start not in verbs and start - 1 not in verbs and end not in allied
                                           and end not in verb_only_starts and not _after_past_verb(doc, start, not_verbs))
            out.append(Found(Mention(span, "actor", entry.type, entry.key, "registry"), start, end, latent))
        elif metonym and registry.get("actor", metonym):
            entry = registry.get("actor", metonym)
            out.append(Found(Mention(span, "actor", entry.type, entry.key, "metonym"), start, end, latent=not acts))
        elif event_words & set(range(start + 1, end)):
            continue  # not ساحة المعركة، موقع الهجوم، موقع التفجير: where an event happened, no name
        elif "facility" in kinds and "place" not in kinds:
            out.append(Found(Mention(span, "place", "facility", None, "pattern"), start, end))
        elif "body" in kinds and "place" not in kinds and normalize(span.text) not in not_names:
            out.append(Found(Mention(span, "actor", kinds["body"], None, "pattern"), start, end))

    # الحكومة alone: the government of the country the article names most (a latent actor); with
    # none named as a place, the state it names most otherwise (السلطات التركية), else the state
    # most of its places lie in (مدينة سروج: Turkey)
    place_countries = Counter(entry.country for f in out if f.mention.kind == "place" and f.mention.key
                              and (entry := registry.get("place", f.mention.key)) and entry.country)
    countries = Counter(f.mention.key for f in out if f.mention.kind == "place" and f.mention.type == "country") or \
        Counter(f.mention.key for f in out if f.mention.kind == "actor" and f.mention.type == "state" and f.mention.key) or \
        Counter({state.key: n for code, n in place_countries.items() if (state := registry.state_of(code))})
    home = registry.get("actor", countries.most_common(1)[0][0]) if countries else None
    if home is not None:
        bare = norm_set(rules.lex["bare_state_heads"])
        for tok in doc:
            if tok.norm_ in bare and not taken[tok.i]:
                span = _span(doc, tok.i, tok.i + 1, sent_of[tok.i])
                out.append(Found(Mention(span, "actor", home.type, home.key, "pattern"), tok.i, tok.i + 1, latent=True))

    # التحالف / التنظيم alone: the one actor the article named before with that head word
    # (التحالف العربي ... وتبادل التحالف والحوثيون الاتهام); a latent actor, like الحكومة
    anaphoric = norm_set(rules.lex["anaphoric_heads"])
    bare_groups = norm_set(rules.lex["bare_groups"])
    by_country = {normalize(h): m for h, m in rules.lex["bare_head_by_country"].items()}
    bare_ministries = norm_set(rules.lex["bare_ministries"])
    reporting_ends = {m.end for m in matches if m.label.split(":")[0] in ("reporting", "criticism")}
    named_actors = [f for f in out if f.mention.kind == "actor" and f.mention.key and not f.latent]
    for tok in doc:
        if tok.norm_ not in anaphoric or taken[tok.i] or (tok.i > 0 and doc[tok.i - 1].norm_ in titles):
            continue  # وزير الخارجية: a title, no ministry named again
        heads = (tok.norm_, tok.norm_[2:])  # التحالف: also تحالف دعم الشرعية
        # the head may stand anywhere in the name: طيران التحالف، قوات التحالف العربي
        keys = {f.mention.key for f in named_actors if f.end <= tok.i
                and any(t.norm_ in heads for t in doc[f.start:f.end])}
        span = _span(doc, tok.i, tok.i + 1, sent_of[tok.i])
        if len(keys) == 1:
            entry = registry.get("actor", keys.pop())
            out.append(Found(Mention(span, "actor", entry.type, entry.key, "pattern"), tok.i, tok.i + 1, latent=True))
        elif not keys and (entry := _by_country(tok.norm_, by_country, place_countries, registry)):
            out.append(Found(Mention(span, "actor", entry.type, entry.key, "pattern"), tok.i, tok.i + 1, latent=True))
        elif not keys and tok.norm_ in bare_groups:  # المقاومة, with none named before: the group itself
            out.append(Found(Mention(span, "actor", "armed_group", None, "pattern"), tok.i, tok.i + 1, latent=True))
        elif not keys and tok.norm_ in bare_ministries and tok.i in reporting_ends:
            # وذكرت الداخلية أن، وأعلنت الخارجية: the ministry speaking, as the press names it
            out.append(Found(Mention(span, "actor", "organisation", None, "pattern"), tok.i, tok.i + 1))

    # الضربة الإسرائيلية، القرار الأمريكي: a country adjective names its state, for the rules
    # that read it there (an attack noun's perpetrator, what a criticism blames); latent. A
    # people next to a verb acts as its state (شن الأمريكيون، الأتراك قصفوا، اتهم الأمريكيون
    # الروس), as a capital does; elsewhere it is a population (حقوق الفلسطينيين).
    acting_people = -1
    # ...and a country adjective right after a place the tagger found (بلدة سوروج التركية)
    described = town_ends | {e.end for e in doc.ents if e.label_ == "LOC"}
    for tok in doc:
        nation = rules.people_of(tok.norm_)
        key = rules.state_of_adjective(tok.norm_) or nation
        if key and not taken[tok.i] and not (tok.i in described and not tok._.clitic) and registry.get("actor", key):
            if tok.i > 0 and doc[tok.i - 1].norm_ in titles and _person_next(doc, tok.i + 1, people, before_name):
                continue  # نظيره البولندي، ماتيوش مورافيتسكي: the title of the person named next
            entry = registry.get("actor", key)
            span = _span(doc, tok.i, tok.i + 1, sent_of[tok.i])
            acts = nation is not None and not _describes(doc, tok.i, sent_of, not_nouns) and (
                tok.i in verbs or tok.i + 1 in verb_starts or tok.i - 1 == acting_people)
            acting_people = tok.i if acts else acting_people
            out.append(Found(Mention(span, "actor", entry.type, entry.key, "pattern" if acts else "adjective"),
                             tok.i, tok.i + 1, latent=not acts))

    waw_words = norm_set(rules.lex["waw_initial"])
    verb_endings = tuple(rules.lex["verb_endings"])
    place_heads = {t: norm_set(ws) for t, ws in rules.lex["place_heads"].items()}
    actor_heads = {t: norm_set(ws) for t, ws in rules.lex["actor_heads"].items()}
    place_or_facility = place_words | norm_set(rules.lex["facility_heads"])
    named_after = {w for ws in rules.lex["place_heads"].values() for w in norm_set(ws) if not w.startswith("ال")}
    facility_titles = norm_set(rules.lex["facility_name_titles"])
    time_words = norm_set(rules.lex["time_after_names"])
    for ent in doc.ents:  # not a name that opens with an event word: الهجوم الإرهابي الوحشي
        if any(taken[ent.start:ent.end]) or ent.label_ not in ("PER", "ORG", "LOC") or ent.start in event_words:
            continue
        if ent.label_ == "LOC" and ent.end - ent.start == 1 and rules.state_of_adjective(ent[0].norm_):
            continue  # غارتين روسيتين: a country adjective, read above
        start, end = ent.start, next((i for i in range(ent.start + 1, ent.end)
                                      if (i in event_words and doc[i].text.startswith("ال"))
                                      or (ent.label_ == "LOC" and doc[i].norm_ in time_words)), ent.end)
        # (البرلمان العربي التفجير الإرهابي: the tagger ran the name on into the deed it condemns;
        # دار سعد البارحة: into the time it happened)
        span = _span(doc, start, end, sent_of[start], cut=False)
        cut = _clitic_of(doc[start], waw_words)
        glued = len(span.text) - len(span.text.rstrip("0123456789٠١٢٣٤٥٦٧٨٩"))  # ديالى57 كم: no space
        span = _trimmed(span, cut, glued if glued < len(span.text) - cut else 0)
        name = normalize(span.text)
        if len(name) < 2 or name in not_names or name[0].isdigit() or (end - start == 1 and (
                len(name) < 3 or name.endswith(verb_endings) or normalize(doc[start].text).startswith(("لل", "بال")))):
            # للاجئين، بالإسناد: a clitic and the article on a word no registry name took; آي، سي:
            # a letter of an acronym; 14جنديا: a count glued to its noun
            continue
        if ent.label_ in ("PER", "ORG") and (head := _place_head_before(doc, start, named_after, facility_titles)) is not None:
            # حي النصر، حي الشيخ عثمان: a name after an indefinite place head names the place
            span = _trimmed(_span(doc, head + 1, end, sent_of[start], cut=False), 0, glued)
            # (one place: not also the head and the title alone, مسجد الإمام)
            out = [f for f in out if not (f.start == head and f.end <= start and f.mention.kind == "place")]
            mention = Mention(span, "place", _head_type(doc, head, place_heads, "town"), None, "ner")
        elif ent.label_ == "LOC" and start > 0 and doc[start - 1].norm_ in person_titles:
            # الشاعرة دارين طاطور: a name after a person's title, not the island of Darin
            end = _titled_name_end(doc, end, not_nouns)
            mention = Mention(_trimmed(_span(doc, start, end, sent_of[start], cut=False), cut), "actor", "person", None, "ner")
        elif ent.label_ == "PER":
            mention = Mention(span, "actor", "person", None, "ner")
        elif ent.label_ == "ORG":
            # صحيفة «كيهان»: the head may stand before the name, outside it, past the quote marks
            typ = _head_type(doc, start, actor_heads, "") or _head_type(doc, _before_quotes(doc, start) - 1, actor_heads, "organisation")
            mention = Mention(span, "actor", typ, None, "ner")
        elif _a_kind_of_place(doc, start, end, place_or_facility, rules):
            continue  # حي سكني، جامعة كينية: a place described, not named
        else:
            typ = _head_type(doc, start - 1, place_heads, "town")
            mention = Mention(span, "place", typ, None, "ner")
        out.append(Found(mention, start, end))
    dual_heads = {m.start: m.label.partition(":")[2] for m in matches if m.label.startswith("dual_place_head:")}
    out = _dual_places(doc, out, dual_heads, sent_of, not_nouns)
    out += _local_bodies(doc, out, norm_set(rules.lex["local_body_heads"]),
                         place_heads["admin"] | place_heads["region"] | place_heads["city"], sent_of)
    out += _surnames_again(doc, out, verbs | verb_starts, sent_of, not_nouns | titles)
    out = _quoted_outlets(doc, out, actor_heads["media"], not_names, sent_of)
    out.sort(key=lambda f: (f.start, f.mention.kind))
    return out


def _quoted_outlets(doc: Doc, found: list[Found], media_heads: set[str], not_names: frozenset[str],
                    sent_of: list[int]) -> list[Found]:
    """صحيفة «سبق»، موقع «المصدر أونلاين»: a name of up to four words between quote marks right
    after a media head is the outlet, where no registry name or pattern was found in it (the
    tagger's part of it, أونلاين, gives way)."""
    out = list(found)
    for tok in doc[:-2]:
        if tok.norm_ not in media_heads or doc[tok.i + 1].text not in QUOTE_MARKS:
            continue
        start = tok.i + 2
        end = next((i for i in range(start, min(start + 5, len(doc))) if doc[i].text in QUOTE_MARKS), None)
        if end is None or end == start or sent_of[end] != sent_of[start] or \
                " ".join(t.norm_ for t in doc[start:end]) in not_names:
            continue  # موقع «تويتر»: where something was posted
        inside = [f for f in out if f.start < end and start < f.end]
        if any(f.mention.via != "ner" or f.start < start or f.end > end for f in inside):
            continue
        out = [f for f in out if f not in inside]
        out.append(Found(Mention(_span(doc, start, end, sent_of[start]), "actor", "media", None, "pattern"), start, end))
    return out


def _dual_places(doc: Doc, found: list[Found], heads: dict[int, str], sent_of: list[int],
                 not_nouns: frozenset[str]) -> list[Found]:
    """بلدتي كفريا والفوعة، قريتي المزرعة والحمراء: a dual place head (``heads``: its token and
    type) names two places of its kind, a word each, the second after و; a place found over
    both is neither."""
    out = list(found)
    for i, typ in sorted(heads.items()):
        first, second = i + 1, i + 2
        if second >= len(doc) or len({sent_of[i], sent_of[first], sent_of[second]}) > 1 or doc[first].is_punct \
                or doc[first].norm_ in not_nouns or not (doc[second].text.startswith("و") and len(doc[second].norm_) > 3):
            continue
        over = [f for f in out if f.start <= second and f.end > first]
        if any(f.mention.kind == "actor" for f in over):
            continue
        single = {f.start: f for f in over if f.end - f.start == 1}
        out = [f for f in out if f not in over] + [single.get(first) or Found(
            Mention(_span(doc, first, first + 1, sent_of[first]), "place", typ, None, "pattern"), first, first + 1)]
        out.append(single.get(second) or Found(Mention(_trimmed(_span(doc, second, second + 1, sent_of[second], cut=False),
                                                                original_index(doc[second].text, 1)), "place", typ, None, "pattern"),
                                               second, second + 1))
    return out


def _local_bodies(doc: Doc, found: list[Found], heads: frozenset[str], area_heads: set[str],
                  sent_of: list[int]) -> list[Found]:
    """شرطة منطقة حائل، شرطة فيسبادن، صحة عسير: a local body named by the place it serves,
    maybe through منطقة or محافظة; the place stays a place too."""
    taken = {(f.start, f.end) for f in found if f.mention.kind == "actor"}
    out = []
    for f in found:
        head = f.start - 1 - (f.start >= 2 and doc[f.start - 1].norm_ in area_heads)
        if f.mention.kind != "place" or head < 0 or doc[head].norm_ not in heads or (head, f.end) in taken \
                or sent_of[head] != sent_of[f.start]:
            continue
        taken.add((head, f.end))
        out.append(Found(Mention(_span(doc, head, f.end, sent_of[head]), "actor", "organisation", None, "pattern"),
                         head, f.end))
    return out


def _after_past_verb(doc: Doc, start: int, not_verbs: frozenset[str]) -> bool:
    """The word before ``start`` reads as a feminine past verb (رحبت مملكة البحرين، نفذت
    ألمانيا عملية): the country after it is that verb's subject. Not a noun ending in ت
    (وقت، تحت، بيروت) nor a feminine plural (قوات، سلطات)."""
    if start == 0 or doc[start - 1]._.clitic and doc[start - 1].text[0] not in "وف":
        return False
    norm = doc[start - 1].norm_
    bare = norm[1:] if norm[:1] in "وف" else norm  # (وتحت: the clitic stripper may leave و on)
    return len(bare) >= 4 and norm.endswith("ت") and not norm.endswith("ات") and not bare.startswith("ال") \
        and not {norm, bare} & not_verbs


def _place_head_before(doc: Doc, start: int, heads: frozenset[str] | set[str], titles: frozenset[str]) -> int | None:
    """The index of an indefinite place head right before ``start``, maybe with a title
    between (حي الشيخ عثمان، مسجد الإمام علي بن أبي طالب): the name after it is the place's.
    Not a definite head (أمير المنطقة الأمير فيصل: the region told before, then a person)."""
    j = start - 1
    if j > 0 and doc[j].norm_ in titles:
        j -= 1
    return j if j >= 0 and doc[j].norm_ in heads else None


def _by_country(head: str, by_country: dict, countries: Counter, registry: Registry) -> Entry | None:
    """The actor a head word alone names in an article about one of ``by_country``'s
    countries (التحالف in news of Yemen), the country of most of its places deciding."""
    choices = by_country.get(head, {})
    named = [code for code, _ in countries.most_common() if code in choices]
    return registry.get("actor", choices[named[0]]) if named else None


def _outlet_quoted(doc: Doc, start: int, end: int, outlets: frozenset[str]) -> bool:
    """A name between quotes right after لـ (قال لـ«الشرق الأوسط»، في تصريح لـ"عكاظ"): the
    outlet someone spoke to; a newspaper's name between quotes anywhere (وتواصل «الشرق الأوسط»)."""
    quoted = start >= 1 and end < len(doc) and doc[start - 1].text in QUOTE_MARKS and doc[end].text in QUOTE_MARKS
    return quoted and ((start >= 2 and doc[start - 2].text in ("لـ", "ل"))
                       or " ".join(t.norm_ for t in doc[start:end]) in outlets)


def _surnames_again(doc: Doc, found: list[Found], verb_edges: set[int], sent_of: list[int],
                    not_names: frozenset[str]) -> list[Found]:
    """صائب عريقات ... وأدان عريقات القرار: a person named in full is named later by the last
    of the names, where the tagger may miss it. Only right after or before a verb (who said,
    accused, attacked), where a surname that is also a word (صالح، كامل) is least likely."""
    surnames = {normalize(doc[f.end - 1].text): f.mention.key for f in found
                if f.mention.type == "person" and f.end - f.start > 1}
    surnames = {n: k for n, k in surnames.items() if len(n) > 3 and n not in not_names}
    covered = {i for f in found for i in range(f.start, f.end)}
    out = []
    for tok in doc:
        if tok.i in covered or not (tok.i in verb_edges or tok.i + 1 in verb_edges):
            continue
        name = normalize(tok.text)
        cut = 1 if name[:1] in "وف" and name[1:] in surnames else 0
        if name[cut:] in surnames:
            span = _trimmed(_span(doc, tok.i, tok.i + 1, sent_of[tok.i], cut=False), cut)
            out.append(Found(Mention(span, "actor", "person", surnames[name[cut:]], "ner"), tok.i, tok.i + 1))
    return out
