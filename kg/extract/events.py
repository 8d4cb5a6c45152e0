"""Events from the words around mentions: who reported, accused, attacked, and how many
were killed, injured, captured, missing or displaced.

Rules work sentence by sentence over token positions. Arabic news is mostly VSO
(اتهمت أنقرة الوحدات الكردية: verb, accuser, accused), sometimes SVO (قسد تتهم تركيا), so
each role is looked for right after its trigger, then right before it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.extract.lexicon import norm_set
from kg.extract.matching import Match, Rules, char_span
from kg.extract.mentions import Found
from kg.extract.model import Event, Mention, Span
from kg.extract.numbers import NumberMatch
from kg.nlp.normalize import normalize

VICINITY = 10  # tokens between a number and its outcome word, at most
SIDES_GAP = 5  # words between a clash noun and the بين naming its sides, at most


@dataclass
class Sentence:
    index: int
    start: int  # token range in the spaCy Doc
    end: int
    matches: list[Match] = field(default_factory=list)
    founds: list[Found] = field(default_factory=list)
    numbers: list[tuple[NumberMatch, int, int]] = field(default_factory=list)  # with token range
    reporter: Found | None = None


class EventRules:
    def __init__(self, doc: Doc, rules: Rules, sentences: list[Sentence]):
        self.doc, self.rules, self.sentences = doc, rules, sentences
        self.text: str = doc.user_data["text"]
        lex = rules.lex
        self.needs = {normalize(k): norm_set(v) for k, v in lex["accusation"]["needs_nearby"].items()}
        self.stop = norm_set(lex["victim_stop_words"])
        self.negations = norm_set(lex["accusation"]["negations"])
        self.relatives = norm_set(lex["relative_pronouns"])
        self.behind_what = norm_set(lex["accusation"]["behind_what"])
        self.nisba = tuple(sorted(norm_set(lex["nisba_endings"]), key=len, reverse=True))
        self.attack_needs = {normalize(k): norm_set(v) for k, v in lex["attack"]["needs_nearby"].items()}
        self.used: set[int] = set()  # ids of Found objects a rule relied on
        self.doc_reporter: Found | None = None

    # ------------------------------------------------------------ helpers
    def span(self, start: int, end: int, sentence: int) -> Span:
        b, e = char_span(self.doc, start, end, cut_clitic=False)
        return Span(b, e, self.text[b:e], sentence)

    def use(self, f: Found | None) -> Mention | None:
        if f is None:
            return None
        self.used.add(id(f))
        return f.mention

    @staticmethod
    def actors(s: Sentence) -> list[Found]:
        return [f for f in s.founds if f.mention.kind == "actor"]

    def gap(self, a: int, b: int) -> int:
        """Words between token positions a and b, punctuation not counted."""
        return sum(1 for t in self.doc[a:b] if not t.is_punct)

    def actor_after(self, s: Sentence, pos: int, limit: int, skip: Found | None = None,
                    among: list[Found] | None = None) -> Found | None:
        for f in self.actors(s) if among is None else among:
            if f.start >= pos and self.gap(pos, f.start) <= limit:
                if skip is None or not _same_actor(f.mention, skip.mention):
                    return f
        return None

    def actor_before(self, s: Sentence, pos: int, limit: int, among: list[Found] | None = None) -> Found | None:
        best = None
        for f in self.actors(s) if among is None else among:
            if f.end <= pos and self.gap(f.end, pos) <= limit:
                best = f
        return best

    def labelled(self, s: Sentence, prefix: str) -> list[Match]:
        return [m for m in s.matches if m.label == prefix or m.label.startswith(prefix + ":")]

    def starts_with(self, s: Sentence, label: str, pos: int) -> Match | None:
        return next((m for m in s.matches if m.label == label and m.start == pos), None)

    def words_after(self, s: Sentence, m: Match, n: int) -> set[str]:
        """The normalised words of the ``n`` tokens right after match ``m``, in its sentence."""
        return {t.norm_ for t in self.doc[m.end:min(m.end + n, s.end)]}

    def needs_unmet(self, s: Sentence, m: Match, needs: dict[str, frozenset[str]], n: int) -> bool:
        """Trigger ``m`` is a word that counts only with one of its companions (``needs``)
        among the ``n`` words after it (اتهم ... بـ، أطلق صواريخ), and none is there."""
        needed = needs.get(self.doc[m.start].norm_)
        return bool(needed) and not needed & self.words_after(s, m, n)

    def adjective(self, tok) -> bool:
        """A definite relational adjective (الكردية، السوري، الموالية): it agrees with the
        name before it and is no new word of the clause."""
        return tok.norm_.startswith("ال") and tok.norm_.endswith(self.nisba) and len(tok.norm_) > 4

    def negated(self, s: Sentence, m: Match) -> bool:
        return any(n.end in (m.start, m.start - 1) for n in self.labelled(s, "negation"))

    # ------------------------------------------------------------ attribution
    def find_reporters(self) -> None:
        """Who each sentence attributes its facts to: بحسب X، أعلن X، قال البيان..."""
        for s in self.sentences:
            for m in self.labelled(s, "attribution"):
                f = self.actor_after(s, m.end, 4)
                if f:
                    s.reporter = f
            if s.reporter is None:
                for m in self.labelled(s, "reporting"):
                    if self.starts_with(s, "statement", m.end) and self.doc_reporter:
                        s.reporter = self.doc_reporter
                    else:
                        s.reporter = self.actor_after(s, m.end, 3) or self.actor_before(s, m.start, 2)
                    if s.reporter:
                        break
            if s.reporter is not None:
                self.use(s.reporter)
                self.doc_reporter = self.doc_reporter or s.reporter

    def reporter_near(self, i: int) -> Found | None:
        """The sentence's own source, else one from the two sentences before it."""
        for j in (i, i - 1, i - 2):
            if j >= 0 and self.sentences[j].reporter:
                return self.sentences[j].reporter
        return None

    # ------------------------------------------------------------ accusations
    def eligible(self, f: Found) -> bool:
        """A country glued to ب (بسوريا) is where something happens, never who acts."""
        tok = self.doc[f.start]
        return not (f.latent and tok._.clitic and tok.text.startswith("ب"))

    def accusation(self, s: Sentence, m: Match, accuser: Found | None, accused: Found | None,
                   attacks: list[Event]) -> Event | None:
        if accuser is None or accused is None or _same_actor(accuser.mention, accused.mention):
            return None
        about = next((a for a in attacks if a.trigger.sentence == s.index), None)
        known = (accuser.mention.key is not None) + (accused.mention.key is not None)
        return Event("accusation", self.span(m.start, m.end, s.index),
                     accuser=self.use(accuser), accused=self.use(accused),
                     reported_by=accuser.mention, about=about, confidence=0.6 + 0.15 * known)

    def mutual_accusations(self, s: Sentence, actors: list[Found],
                           attacks: list[Event]) -> tuple[list[Event], set[int]]:
        """تبادل التحالف والحوثيون الاتهام / الطرفان تبادلا الاتهامات: each side accuses the
        other. Also returns the accusation nouns it took, which no other rule reads again."""
        out, nouns = [], set()
        for m in self.labelled(s, "mutual"):
            noun = next((n for n in self.labelled(s, "accusation:noun") if m.end <= n.start <= m.end + 8), None)
            if noun is None or self.negated(s, m):
                continue
            nouns.add(noun.start)
            sides = [f for f in actors if m.end <= f.start and f.end <= noun.start] or \
                    [f for f in actors if f.end <= m.start and self.gap(f.end, m.start) <= 4]
            distinct = _distinct(sides)
            if len(distinct) >= 2:
                a, b = distinct[:2]
                out += [ev for ev in (self.accusation(s, m, a, b, attacks), self.accusation(s, m, b, a, attacks)) if ev]
        return out, nouns

    def accusations(self, attacks: list[Event]) -> list[Event]:
        out = []
        for s in self.sentences:
            actors = [f for f in self.actors(s) if self.eligible(f)]
            mutual, taken_nouns = self.mutual_accusations(s, actors, attacks)
            out += mutual
            out += self.stated_accusations(s, actors, attacks, taken_nouns)
            out += self.behind_accusations(s, actors, attacks)
            out += self.designations(s, actors, attacks)
        return merge_accusations(out)

    def stated_accusations(self, s: Sentence, actors: list[Found], attacks: list[Event],
                           taken_nouns: set[int]) -> list[Event]:
        """اتهمت أنقرة الوحدات / قسد تتهم تركيا / حمّل البيان تركيا المسؤولية / اتهامات لتركيا."""
        def after(pos: int, limit: int, skip: Found | None = None) -> Found | None:
            return self.actor_after(s, pos, limit, skip, among=actors)

        out = []
        for m in self.labelled(s, "accusation"):
            if m.start in taken_nouns:
                continue
            if self.needs_unmet(s, m, self.needs, 8) or self.negated(s, m):
                continue
            noun = m.label == "accusation:noun"
            owner = after(m.end, 0) if noun else None
            if owner and not self.doc[owner.start].text.startswith(("ل", "ب")):
                # اتهامات الحكومة للمعارضة: the noun's owner accuses the one after it; in
                # نفت طالبان اتهامات الحكومة, the one before (who denies) is accused
                accused = after(owner.end, 2, owner) or self.actor_before(s, m.start, 1)
                out.append(self.accusation(s, m, owner, accused, attacks))
                continue
            accuser = self.actor_before(s, m.start, 0 if noun else 1)
            accused = None
            if accuser is None and (stmt := self.starts_with(s, "statement", m.end)):
                # وحمّل البيانُ تركيا المسؤولية: the statement's author accuses
                accuser = s.reporter or self.doc_reporter
                accused = after(stmt.end, 4, accuser)
            elif accuser is None:
                first = after(m.end, 4)
                if noun and first and self.doc[first.start].text.startswith("ل"):
                    accuser, accused = s.reporter, first  # اتهامات لتركيا: Turkey is accused
                else:
                    accuser = first
                    accused = after(first.end, 8, first) if first else None
            else:
                accused = after(m.end, 8, accuser)
            out.append(self.accusation(s, m, accuser, accused, attacks))
        return [ev for ev in out if ev]

    def behind_accusations(self, s: Sentence, actors: list[Found], attacks: list[Event]) -> list[Event]:
        """قالت موسكو إن كييف تقف وراء الهجوم: the reported source accuses the subject."""
        out = []
        for m in self.labelled(s, "behind"):
            harmful = bool(self.words_after(s, m, 3) & self.behind_what) or any(
                m.end <= a.start <= m.end + 3 for a in self.labelled(s, "attack"))
            accused = self.actor_before(s, m.start, 0, among=actors)
            if harmful and accused is not None and not self.negated(s, m) and s.reporter is not None:
                out.append(self.accusation(s, m, s.reporter, accused, attacks))
        return [ev for ev in out if ev]

    def designations(self, s: Sentence, actors: list[Found], attacks: list[Event]) -> list[Event]:
        """تعتبر تركيا الوحدات تنظيما إرهابيا / وتعتبره أنقرة وواشنطن تنظيما إرهابيا."""
        out = []
        for m in self.labelled(s, "designation"):
            terror = next((t for t in self.labelled(s, "terror") if m.end <= t.start <= m.end + 12), None)
            if terror is None or self.negated(s, m):
                continue
            between = [f for f in actors if m.end <= f.start and f.end <= terror.start]
            if self.doc[m.start].norm_.endswith(("ه", "ها", "هم")):
                named = [f for f in self.actors(s) if f.end <= m.start and not f.latent]
                accused, accusers = (named[-1] if named else None), between
            else:
                accusers, accused = between[:1], (between[1] if len(between) > 1 else None)
            out += [self.accusation(s, m, a, accused, attacks) for a in accusers]
        return [ev for ev in out if ev]

    # ------------------------------------------------------------ attacks
    def attacks(self) -> list[Event]:
        out = []
        for s in self.sentences:
            triggers = sorted(self.labelled(s, "attack"), key=lambda m: m.start)
            places = [f for f in s.founds if f.mention.kind == "place"]
            for k, m in enumerate(triggers):
                if self.needs_unmet(s, m, self.attack_needs, 6) and not any(
                        n.label == "attack:noun" and m.end <= n.start <= m.end + 6 for n in triggers):
                    continue  # أطلق سراح: no attack (أطلق صواريخ، أطلق هجوما: one)
                if self.negated(s, m):
                    continue
                if any(v.label == "attack:verb" and v.end <= m.start and self.gap(v.end, m.start) <= 3
                       for v in triggers[:k]) and m.label == "attack:noun":
                    continue  # شنت تركيا هجوما: the noun is the verb's object, one attack
                verb = m.label == "attack:verb"
                perp = self.attacker(s, m, verb)
                after = perp.end if perp and perp.start >= m.start else m.end
                marker = next((t for t in self.labelled(s, "target_marker") if after <= t.start <= after + 2), None)
                target, target_places = None, []
                if marker:  # على / ضد: an actor is the target, a place is where
                    first = next((f for f in s.founds if marker.end <= f.start <= marker.end + 3), None)
                    if first and first.mention.kind == "actor" and not first.latent:
                        target = first
                    target_places = [p for p in places if marker.end <= p.start < marker.end + 6]
                elif verb and perp and perp.start >= m.start:  # شنت قسد هجوما / قصفت تركيا قسد
                    target = next((f for f in self.actors(s) if not f.latent and perp.end <= f.start <= perp.end + 2), None)
                if perp is None and (sides := self.sides(s, m)):  # اشتباكات بين الجيش والحوثيين
                    perp, target = sides[0], (sides[1] if len(sides) > 1 else None)
                if perp and target and _same_actor(perp.mention, target.mention):
                    target = None
                # where: the places named around this trigger, up to the next one (not the verb's
                # own object: أطلق حفتر هجوما لتحرير درنة)
                nxt = next((t for t in triggers[k + 1:] if not (
                    verb and t.label == "attack:noun" and self.gap(m.end, t.start) <= 3)), None)
                end = nxt.start if nxt else s.end
                near = [p for p in places if m.start - 3 <= p.start < min(end, m.end + 16)]
                ev_places = list(dict.fromkeys(p.mention for p in target_places + near))
                if not (perp or target or ev_places):
                    continue
                out.append(Event("attack", self.span(m.start, m.end, s.index),
                                 perpetrator=self.use(perp), target=self.use(target), places=ev_places,
                                 confidence=0.5 + 0.2 * bool(perp) + 0.1 * bool(target)))
        self.apply_claims(out)
        return merge_attacks(out)

    def sides(self, s: Sentence, m: Match) -> list[Found]:
        """The actors named after بين right behind a clash noun: the sides of the fight."""
        # اشتباكات بين X وY / معارك عنيفة منذ مساء أمس بين X وY: a few words may come between
        between = next((b for b in self.labelled(s, "between_marker")
                        if m.end <= b.start and self.gap(m.end, b.start) <= SIDES_GAP), None)
        if between is None or any(m.end <= t.start < between.start for t in self.labelled(s, "attack")):
            return []  # ...هجوم على X واشتباكات بين: the nearer noun's sides
        found = [f for f in self.actors(s) if not f.latent and between.end <= f.start <= between.end + 6]
        return _distinct(found)

    def apply_claims(self, attacks: list[Event]) -> None:
        """أعلن داعش مسؤوليته عن الهجوم / تبنت حركة الشباب التفجيرين: the claimant is the
        perpetrator of the attacks without one, in this sentence and the three before it."""
        for s in self.sentences:
            for m in self.labelled(s, "claim"):
                before = self.doc[max(s.start, m.start - 6):m.start]
                if any(t.norm_ in self.negations for t in before):
                    continue  # لم تعلن أي جماعة مسؤوليتها
                if self.doc[m.start].norm_.startswith("مسوول") or self.doc[m.start].norm_ == "المسووليه":
                    # أعلنت حركة الشباب، التي ...، مسؤوليتها عن: the one who announced it
                    claimant = s.reporter or self.actor_before(s, m.start, 4)
                else:  # تبنى داعش الهجوم / داعش يتبنى (not the place: يتبنى تفجيرا ببغداد)
                    named = [f for f in self.actors(s) if not f.latent]
                    claimant = self.actor_after(s, m.end, 2, among=named) or self.actor_before(s, m.start, 0, among=named)
                if claimant is None:
                    continue
                for ev in attacks:
                    if ev.perpetrator is None and s.index - 3 <= ev.trigger.sentence <= s.index:
                        ev.perpetrator = self.use(claimant)
                        ev.confidence += 0.1

    def attacker(self, s: Sentence, m: Match, verb: bool) -> Found | None:
        """الهجوم التركي / هجوم داعش / شنت قسد / نفذه مسلحون من داعش / داعش تهاجم.
        A country named as a place (في سوريا) never attacks, and a capital after a noun is
        where an attack happened (هجوم أربيل), not who attacked (قصفت أنقرة: it did)."""
        actors = [f for f in self.actors(s) if not (f.latent and f.mention.via in ("registry", "metonym"))
                  and (verb or f.mention.via != "metonym")]
        on = next((f for f in actors if f.start <= m.end and f.end > m.start), None)
        if on:
            return on
        perp = self.actor_after(s, m.end, 2 if verb else 1, among=actors)
        if perp is None:
            for b in self.labelled(s, "by_marker"):
                if b.start >= m.start and (perp := self.actor_after(s, b.end, 4, among=actors)):
                    break
        if perp is None and verb:  # قوات البيشمركة الكردية شنت: a subject, maybe with its adjective
            perp = self.actor_before(s, m.start, 1, among=actors)
            if perp and self.gap(perp.end, m.start) and not self.adjective(self.doc[perp.end]):
                perp = None
        perp = perp or self.actor_before(s, m.start, 0, among=actors)
        if perp is None:  # حزب العمال، الذي يشن حربا: the one the relative clause is about
            rel = next((i for i in range(m.start - 1, max(s.start, m.start - 4) - 1, -1)
                        if self.doc[i].norm_ in self.relatives), None)
            perp = self.actor_before(s, rel, 2, among=actors) if rel is not None else None
        return perp

    # ------------------------------------------------------------ casualties
    def casualties(self, attacks: list[Event], main_place: Mention | None) -> list[Event]:
        out = []
        non_person = "non_person"
        for s in self.sentences:
            outcomes = self.labelled(s, "outcome")
            for num, ns, ne in s.numbers:
                after = ne
                while after < s.end and self.doc[after].text in "/)»”\"":  # /40/ من ...
                    after += 1
                after += 1 if after < s.end and self.doc[after].norm_ == "من" else 0
                if any(m.label == non_person and m.start == after for m in s.matches):
                    continue
                best, dist = None, VICINITY + 1
                # مقتل 11 مسلحا و10 مدنيين وإصابة 17: an outcome after the number that opens a
                # new clause (و) is the next figure's, when one before the number can govern it
                governed = any(o.end <= ns and self.gap(o.end, ns) <= VICINITY for o in outcomes)
                for o in outcomes:
                    if governed and o.start >= ne and self.opens_clause(o.start):
                        continue
                    d = ns - o.end if o.end <= ns else (o.start - ne if o.start >= ne else 0)
                    # a tie goes to the word before the number (قتل 5 وأصيب), except a noun right
                    # after it, which names what was counted (5 قتلى و7 جرحى)
                    if d < dist or (d == dist and best is not None and (
                            o.start == ne if d == 0 else o.end <= ns < best.start)):
                        best, dist = o, d
                if best is None:
                    continue
                group_start, group_end = self.group(s, after, outcomes)
                victim = next((f for f in self.actors(s) if group_start <= f.start < max(group_end, group_start + 1)), None)
                if victim is None and best.end <= ns:
                    victim = next((f for f in self.actors(s) if best.end <= f.start and f.end <= ns), None)
                perp = None
                for b in self.labelled(s, "by_marker"):
                    if b.start >= ne:
                        perp = self.actor_after(s, b.end, 4)
                        break
                attack = next((a for a in attacks if a.trigger.sentence == s.index), None)
                if perp is None and attack is not None:
                    perp = next((f for f in self.actors(s) if f.mention is attack.perpetrator), None)
                places = [f.mention for f in s.founds if f.mention.kind == "place"
                          and not (group_start <= f.start < group_end)]
                if not places and main_place is not None:
                    places = [main_place]
                reporter = self.reporter_near(s.index)
                group = self.span(group_start, group_end, s.index).text if group_end > group_start else None
                out.append(Event(
                    "casualty", Span(num.start, num.end, self.text[num.start:num.end], s.index),
                    count=num.value, outcome=best.label.split(":")[1], qualifier=num.qualifier,
                    group=group, victim=self.use(victim), perpetrator=self.use(perp),
                    reported_by=self.use(reporter), places=places,
                    evidence=[self.span(best.start, best.end, s.index)],
                    confidence=0.9 if dist <= 3 else 0.7))
        return dedupe_casualties(out)

    def opens_clause(self, i: int) -> bool:
        """Token i carries the conjunction و (وأصيب، وإصابة)."""
        tok = self.doc[i]
        return bool(tok._.clitic) and tok.text.startswith("و")

    def group(self, s: Sentence, start: int, outcomes: list[Match]) -> tuple[int, int]:
        """Token range of the words naming the victims, right after the number."""
        end = start
        stops = {o.start for o in outcomes} | {n for _, n, _ in s.numbers}
        while end < s.end and end - start < 6:
            tok = self.doc[end]
            if tok.is_punct or tok.norm_ in self.stop or end in stops or (end > start and tok.text.startswith("و") and end + 1 in stops):
                break
            end += 1
        return start, end


def _same_actor(a: Mention | None, b: Mention | None) -> bool:
    if a is None or b is None:
        return False
    return (a.key or a.span.text) == (b.key or b.span.text)


def _distinct(founds: list[Found]) -> list[Found]:
    """The first mention of each actor, in order."""
    return [f for i, f in enumerate(founds) if not any(_same_actor(f.mention, g.mention) for g in founds[:i])]


def _place_keys(e: Event) -> set[str]:
    return {p.key or p.span.text for p in e.places}


def merge_attacks(events: list[Event]) -> list[Event]:
    """One event per attacker and place: news names the same attack many times. An attack
    with no attacker joins one with the same place, or the one told just before it."""
    merged: list[Event] = []
    own: dict[int, set[str]] = {}  # each merged event's places as first told: merging must not snowball
    for ev in sorted(events, key=lambda e: (e.perpetrator is None, e.trigger.start)):
        home = None
        for m in merged:
            overlap = bool(own[id(m)] & _place_keys(ev)) or not ev.places or not own[id(m)]
            if ev.perpetrator is None:
                close = 0 <= ev.trigger.sentence - m.trigger.sentence <= 1
                if (overlap or close) and (ev.target is None or m.target is None or _same_actor(ev.target, m.target)):
                    home = m
            elif _same_actor(m.perpetrator, ev.perpetrator) and overlap:
                home = m
            if home:
                break
        if home is None:
            merged.append(ev)
            own[id(ev)] = _place_keys(ev)
            continue
        home.evidence.append(ev.trigger)
        home.target = home.target or ev.target
        home.places += [p for p in ev.places if (p.key or p.span.text) not in _place_keys(home)]
        home.confidence = max(home.confidence, ev.confidence)
    return sorted(merged, key=lambda e: e.trigger.start)


def merge_accusations(events: list[Event]) -> list[Event]:
    """One accusation per accuser and accused in a document, with every place it is said."""
    by_pair: dict[tuple, Event] = {}
    for ev in events:
        pair = tuple(m.key or m.span.text for m in (ev.accuser, ev.accused))
        if pair in by_pair:
            by_pair[pair].evidence.append(ev.trigger)
            by_pair[pair].about = by_pair[pair].about or ev.about
        else:
            by_pair[pair] = ev
    return list(by_pair.values())


def dedupe_casualties(events: list[Event]) -> list[Event]:
    """A figure repeated (headline and body) is one figure."""
    seen, out = set(), []
    for ev in events:
        key = (ev.count, ev.outcome, ev.victim.key or ev.victim.span.text if ev.victim else None)
        if key in seen:
            continue
        seen.add(key)
        out.append(ev)
    return out
