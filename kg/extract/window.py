"""What every event rule reads: a document's sentences, the matches and mentions in each, and
the small questions asked of the words around a trigger (who is named right after it, right
before it, how many words lie between).

Each rule family (``attribution``, ``attacks``, ``accusations``, ``casualties``,
``modality``) is a module of functions over one ``Window``. Arabic news is mostly VSO
(اتهمت أنقرة الوحدات الكردية: verb, accuser, accused), sometimes SVO (قسد تتهم تركيا), so
each role is looked for right after its trigger, then right before it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.extract.lexicon import norm_set
from kg.extract.matching import Match, Rules, char_span
from kg.extract.mentions import Found
from kg.extract.model import Mention, Span
from kg.extract.numbers import NumberMatch
from kg.nlp.normalize import QUOTE_MARKS

APPOSITION_REACH = 10  # words of a title before the comma that opens the name of the one it names
LIST_REACH = 8  # words of a list of places back from its last one (مديريات عتمة ووصاب، ومدينة ذمار)
TRANSFER_REACH = 10  # words from a word of taking people somewhere (نقل جثامين المتوفين ... بالحادث) to its إلى
FIRED_TO_REACH = 6  # words from where fire came from (أطلقت من غزة) to where it struck (على مدينة عسقلان)
CLAUSE_BREAKS = frozenset("،,؛;:.")  # marks that end a clause (not brackets: باردو مارس (آذار) الماضي والذي خلف)
OTHER_WORDS = frozenset({"اخري", "اخر", "ثانيه", "منفصل"})  # (normalised) a story shift to another story
NEAR_KM = 50  # a distance (كلم, miles alike) short enough that the place it is from names the area
ROAD_JOINS = frozenset("-–/")  # between the towns a road is named after (طريق بغداد - كركوك)
THROUGH = frozenset({"عبر"})  # via: where people were carried through (عبر مطار الأحساء), normalised


@dataclass
class Sentence:
    index: int
    start: int  # token range in the spaCy Doc
    end: int
    matches: list[Match] = field(default_factory=list)
    founds: list[Found] = field(default_factory=list)
    numbers: list[tuple[NumberMatch, int, int]] = field(default_factory=list)  # with token range
    reporter: Found | None = None
    claimant: bool = False  # its reporter claims an attack (أعلن داعش مسؤوليته): no source of figures


class Window:
    """One document's sentences and the questions rules ask about the words around a trigger."""

    def __init__(self, doc: Doc, rules: Rules, sentences: list[Sentence]):
        self.doc, self.rules, self.sentences = doc, rules, sentences
        self.lex = rules.lex
        self.text: str = doc.user_data["text"]
        self.nisba = tuple(sorted(norm_set(self.lex["nisba_endings"]), key=len, reverse=True))
        # word sets the rules test token by token: normalised once per document
        self.relatives = norm_set(self.lex["relative_pronouns"])
        self.negations = norm_set(self.lex["accusation"]["negations"])
        self.victim_stops = norm_set(self.lex["victim_stop_words"])
        self.on_behalf = norm_set(self.lex["on_behalf"])
        self.complementizers = norm_set(self.lex["complementizers"])
        self.directions = norm_set(self.lex["directions"])
        self.transfers = norm_set(self.lex["transfer_words"])
        self.hospitals = norm_set(self.lex["hospitals"])
        self.roads = norm_set(self.lex["road_words"])
        self.undergo_verbs = norm_set(self.lex["attack"]["undergo_verbs"])
        self.backers = norm_set(self.lex["backer_words"])
        self.loyal = norm_set(self.lex["attack"]["loyal_words"])
        self.launch_origins = norm_set(self.lex["attack"]["launch_origins"])
        self.partners = norm_set(self.lex["partner_words"])
        self.prepositions = norm_set(self.lex["prepositions"])
        # what may stand between a subject and its verb (مصر بدورها تدين، اتهم أنقرة علنا)
        self.subject_asides = norm_set(self.lex["accusation"]["adverbs"]) | norm_set(self.lex["subject_asides"])
        self.titles = norm_set(self.lex["title_heads"])
        self.appositive_titles = norm_set(self.lex["appositive_titles"])
        self.honorifics = norm_set(self.lex["honorifics"])
        self.still = norm_set(self.lex["still_words"])
        self.teams_not_sport = norm_set(self.lex["attack"]["team_not_sport"])
        self.facility_heads = norm_set(self.lex["facility_heads"])
        self.used: set[int] = set()  # ids of Found objects a rule relied on
        self.doc_reporter: Found | None = None

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
        """The actors named in ``s`` (not the states that a country adjective names)."""
        return [f for f in s.founds if f.mention.kind == "actor" and f.mention.via != "adjective"]

    @staticmethod
    def adjective_actors(s: Sentence) -> list[Found]:
        """States named by a country adjective (القرار الأمريكي): only some rules read them."""
        return [f for f in s.founds if f.mention.via == "adjective"]

    def preposition(self, i: int) -> str:
        """The preposition ب، ل or ك glued to token i (بسوريا، ولتركيا، للمعارضة), or "": a name
        that starts with one of those letters (لندن، بريطانيا، وبريطانيا) has none."""
        tok = self.doc[i]
        if not tok._.clitic:
            return "ل" if tok.text.lstrip("وف").startswith("لل") else ""
        return tok.text[:tok._.clitic].lstrip("وف")[:1]

    def governed(self, s: Sentence, f: Found, locatives: bool = True) -> bool:
        """``f`` is a preposition's object, no clause's subject: a preposition is glued to it
        (للتحالف، بالأمم المتحدة), or a locative word (في تركيا، إلى مجلس الأمن) or another
        preposition (مع قوات الدرك، ضد الحوثيين) stands right before it. Without ``locatives``,
        a locative word does not count unless it is a preposition too (إلى، لدى; not في)."""
        return bool(self.preposition(f.start)) or (locatives and any(m.end == f.start for m in self.labelled(s, "locative"))) \
            or (f.start > s.start and self.doc[f.start - 1].norm_ in self.prepositions)

    def before_quotes(self, i: int) -> int:
        """The token before the quote marks (and tatweel) right before token i (لـ«عكاظ»,
        حصلت «الرياض»): the word that governs a quoted name; -1 at the document's start."""
        i -= 1
        while i >= 0 and self.doc[i].text in QUOTE_MARKS | {"ـ"}:
            i -= 1
        return i

    def gap(self, a: int, b: int) -> int:
        """Words between token positions a and b, punctuation not counted."""
        return sum(1 for t in self.doc[a:b] if not t.is_punct)

    def actor_after(self, s: Sentence, pos: int, limit: int, skip: Found | None = None,
                    among: list[Found] | None = None) -> Found | None:
        for f in self.actors(s) if among is None else among:
            if f.start >= pos and self.gap(pos, f.start) <= limit:
                if skip is None or not same_actor(f.mention, skip.mention):
                    return f
        return None

    def actor_before(self, s: Sentence, pos: int, limit: int, among: list[Found] | None = None) -> Found | None:
        best = None
        for f in self.actors(s) if among is None else among:
            if f.end <= pos and self.gap(f.end, pos) <= limit:
                best = f
        return best

    def named_here(self, s: Sentence, f: Found) -> bool:
        """``f`` is named as one who acts, or could be: not latent, or a country that no
        locative word or ب puts somewhere (لانتقادات من الولايات المتحدة، not في روسيا)."""
        if not f.latent:
            return True
        if f.mention.via not in ("registry", "metonym") or (self.doc[f.start]._.clitic and self.doc[f.start].text.startswith("ب")):
            return False
        return not any(m.label == "locative" and m.end == f.start for m in s.matches)

    def labelled(self, s: Sentence, prefix: str) -> list[Match]:
        return [m for m in s.matches if m.label == prefix or m.label.startswith(prefix + ":")]

    def by_markers(self, s: Sentence) -> list[Match]:
        """Where the one who did it is named next: على يد، برصاص، نفذه, and an attack noun
        with ب (قتل بقصف تركي، بغارة للتحالف)."""
        marked = [m for m in s.matches if m.label == "attack:noun" and self.doc[m.start]._.clitic
                  and self.doc[m.start].text.startswith("ب")]
        return sorted(self.labelled(s, "by_marker") + marked, key=lambda m: m.start)

    def speaks_for(self, s: Sentence, stmt: Match) -> Found | None:
        """The one a statement or a spokesman speaks for: المتحدث (الرسمي) باسم الجيش الليبي،
        بيان صادر عن الخارجية، بيان للجيش اليمني، المتحدث الأمني بوزارة الداخلية (not an
        outlet: المتحدث لوكالة الأنباء)."""
        on_behalf = next((i for i in range(stmt.end, min(stmt.end + 2, s.end))
                          if self.doc[i].norm_ in self.on_behalf), None)
        if on_behalf is not None:
            return self.actor_after(s, on_behalf + 1, 0)
        own = self.actor_after(s, stmt.end, 1)
        if own is None or own.mention.type == "media":
            return None
        # لمصر، بوزارة: a clitic; للجيش: ل on the article, which the name keeps
        return own if self.preposition(own.start) in ("ل", "ب") else None

    def where(self, s: Sentence, places: list[Found], pos: int, hurt: bool = False) -> list[Found]:
        """Of ``places``, where an event told at token ``pos`` happened: not a point of
        reference (على بعد 30 كلم من الموصل، لوغار جنوب كابول), nor where the one who tells of
        it spoke (قال الجيش للصحفيين في أربيل إن الضربة في بكتيكا), unless nothing else is left
        to say where (only a short distance then: على بعد 25 كلم من كركوك, not تبعد 620 كلم
        عن باماكو, nor where fire was launched from); never the country across a border (قرب
        الحدود مع باكستان), a hospital where the hurt were treated (مستشفى عسير المركزي), nor,
        for people ``hurt`` (a casualty figure), where they were taken afterwards (نقلوا إلى
        مستشفى بريدة)."""
        references = self.labelled(s, "reference")
        across = [r.end for r in references if self.doc[r.end - 1].norm_ == "مع"]  # الحدود مع
        told = [f for f in s.founds if f.mention.kind == "place"]  # (a place may lie from one named anywhere before)
        frame = self._speech_frame(s, pos)
        places = [p for p in places if not self.never_where(s, p, places, hurt)]
        places = [p for p in places if not self._right_after(p, across)]  # never the country across a border
        ends = self._reference_ends(s, references)
        kept = [p for p in places if not self._after_reference(s, p, ends)
                and not frame[0] <= p.start < frame[1] and not self._bearing_from(p, told)
                and not self._before_source_colon(s, p, pos)]
        return kept or [p for p in places if not self.only_a_reference(s, p) and not self._bearing_from(p, told)]

    def only_a_reference(self, s: Sentence, p: Found) -> bool:
        """``p`` is a point of reference (على بعد 620 كلم من باماكو، في طريق عودتهم من مكة)
        that never says where: only a short distance names the area (على بعد 25 كلم من كركوك)."""
        references = self.labelled(s, "reference")
        if not references:
            return False
        near = self._reference_ends(s, [r for r in references if self._near_distance(s, r)])
        return self._after_reference(s, p, self._reference_ends(s, references)) and not self._after_reference(s, p, near)

    def _reference_ends(self, s: Sentence, references: list[Match]) -> list[int]:
        """Where the places of the ``references`` may start: past a direction (تبعد 175 كلم إلى
        الشمال من)."""
        ends = []
        for r in references:
            end = r.end
            while end < s.end and end - r.end < 3 and (
                    self.doc[end].norm_ == "الي" or self.doc[end].norm_.removeprefix("ال") in self.directions):
                end += 1
            ends.append(end)
        return ends

    def _after_reference(self, s: Sentence, p: Found, ends: list[int]) -> bool:
        """``p`` is named right after a reference ending at one of ``ends``, or right after a
        place named there, whose name it gives (من العاصمة العراقية بغداد)."""
        before = {q.end: q for q in s.founds if q.mention.kind == "place" and q.end <= p.start}
        while not self._right_after(p, ends) and p.start in before:
            p = before[p.start]
        return self._right_after(p, ends)

    def _near_distance(self, s: Sentence, r: Match) -> bool:
        """Reference ``r`` is a distance of at most NEAR_KM (كلم، ميل) told with its number."""
        return any(r.start - 2 <= ns <= r.end and 0 < num.value <= NEAR_KM for num, ns, _ in s.numbers)

    def _before_source_colon(self, s: Sentence, p: Found, pos: int) -> bool:
        """``p`` names where the source of a headline is (خطباء مساجد أملج: تفجير مسجد في
        عسير), before the colon that opens what it says at ``pos``; not a headline's opening
        place, which is where it happened (ليبيا: مقتل 7 في بنغازي)."""
        return p.start > s.start and any(t.text == ":" and not self.doc[t.i - 1].text[-1:].isdigit()  # not ١٠:٢١
                                         for t in self.doc[p.end:pos])

    def never_where(self, s: Sentence, p: Found, places: list[Found], hurt: bool = False) -> bool:
        """``p``, one of ``places`` named in ``s``, is never where an event happened, even if
        nothing else is: a hospital, a backer (المدعومة من إيران) or one the doer is loyal to
        (موالية لإيران), a partner (شنته إلى جانب الولايات المتحدة), where the fire came from;
        for people ``hurt``, where they were taken or carried through."""
        return self._treated_at(s, p) or self.backs(s, p) or self._loyal_to(p) or self._partner(s, p, places) \
            or self._fired_from(s, p, places) or self._names_a_road(s, p, places) \
            or (hurt and (self._taken_to(s, p) or self._passed_through(p)))

    def _names_a_road(self, s: Sentence, p: Found, places: list[Found]) -> bool:
        """``p`` names a road after the towns it leads to (على طريق الخرج، طريق الأحساء خريص،
        طريق بغداد - كركوك): the road runs between them, through neither."""
        named = {i for q in places for i in range(q.start, q.end)}
        i = p.start - 1
        while i > s.start and (i in named or self.doc[i].text in ROAD_JOINS):
            i -= 1
        return i >= s.start and self.bare_in(i, self.roads, "وفب")

    def _loyal_to(self, p: Found) -> bool:
        """``p`` is whom the doer is loyal to (ميليشيات موالية لإيران): no place of the attack."""
        return p.start > 0 and self.bare_in(p.start - 1, self.loyal)

    def _passed_through(self, p: Found) -> bool:
        """``p`` is where people were carried through (أخلت طائرتان عبر مطار الأحساء جثامين تسعة
        أشخاص): not where they were hurt."""
        return p.start > 0 and self.bare_in(p.start - 1, THROUGH)

    def _fired_from(self, s: Sentence, p: Found, places: list[Found]) -> bool:
        """``p`` is where the fire came from, and where it struck is named right after it
        (قذيفة أطلقت من الأراضي اليمنية على الشريط الحدودي في جازان، قصف انطلق من داخل الأراضي
        السورية على بلدة كلس)."""
        i = p.start - 1
        if i > s.start and self.doc[i].norm_ == "داخل":
            i -= 1
        return i > s.start and self.doc[i].norm_ == "من" and any(
            self.bare_in(j, self.launch_origins) for j in range(max(s.start, i - 2), i)) and any(
            p.end <= q.start and self.gap(p.end, q.start) <= FIRED_TO_REACH
            and not any(t.text in CLAUSE_BREAKS for t in self.doc[p.end:q.start]) for q in places)

    def _right_after(self, p: Found, ends: list[int]) -> bool:
        """``p`` is named within two words after one of the marks ending at ``ends``."""
        return any(end <= p.start and self.gap(end, p.start) <= 2 for end in ends)

    def relative_between(self, a: int, b: int) -> bool:
        """A relative pronoun (الذي، التي) stands in tokens ``a:b``: a clause about what came before."""
        return any(t.norm_ in self.relatives for t in self.doc[a:b])

    def tokens_of(self, span: Span) -> range:
        """The tokens of its sentence that a character ``span`` (an event's trigger) covers."""
        s = self.sentences[span.sentence]
        first = next((i for i in range(s.start, s.end) if self.doc[i]._.offset + len(self.doc[i].text) > span.start), s.end)
        return range(first, next((i for i in range(first, s.end) if self.doc[i]._.offset >= span.end), s.end))

    def bare_in(self, i: int, words: frozenset[str], clitics: str = "وف") -> bool:
        """Token i, or token i without one of the one-letter ``clitics`` the clitic stripper
        left on (وبدأت، فتعرض; لنقلها), is one of ``words``."""
        norm = self.doc[i].norm_
        return norm in words or (norm[:1] in clitics and norm[1:] in words)

    def _taken_to(self, s: Sentence, p: Found) -> bool:
        """``p`` is where people were taken afterwards (نقل الجرحى إلى مستشفى بريدة، وصل 80
        مصابا إلى عمان، تواصل قدوم جثث القتلى إلى محافظة ذمار), or one more place of that
        list (وصلت الجثث إلى مديريات عتمة ووصاب، ومدينة ذمار), not where they were hurt."""
        first = self._list_start(s, p)
        to = next((i for i in range(first - 1, max(s.start, first - 3) - 1, -1)
                   if self.doc[i].norm_ in ("الي", "لي")), None)
        return to is not None and any(self.bare_in(i, self.transfers, "وفبل") and not any(t.text in "،,." for t in self.doc[i:to])
                                      for i in range(max(s.start, to - TRANSFER_REACH), to))

    def _list_start(self, s: Sentence, p: Found) -> int:
        """Where the list that place ``p`` ends starts (مديريات عتمة ووصاب، ومدينة ذمار): back
        over commas, words joined by و, place heads and the name right after a head."""
        heads = {i for m in s.matches if m.label.startswith("place_head") for i in range(m.start, m.end)}
        i = p.start
        while i > s.start and p.start - i < LIST_REACH and (
                self.doc[i - 1].text in "،," or self.doc[i - 1].text.startswith("و") or {i - 1, i - 2} & heads):
            i -= 1
        return i

    def backs(self, s: Sentence, p: Found) -> bool:
        """``p`` backs the doer (المدعومة من إيران، بدعم من روسيا، بدعم جوي من التحالف، ومن
        ورائهم إيران)."""
        i = p.start - 1
        if i > s.start and self.doc[i].norm_ == "من":
            i -= 1
        if i > s.start and self.doc[i].norm_.endswith(self.nisba) and not self.doc[i].norm_.startswith("ال"):
            i -= 1  # بدعم جوي من: the kind of backing
        return i >= s.start and self.bare_in(i, self.backers, "و")

    def _partner(self, s: Sentence, p: Found, places: list[Found]) -> bool:
        """Country ``p`` fights alongside the doer (إلى جانب الولايات المتحدة وبريطانيا)."""
        if p.mention.type != "country":
            return False
        i = p.start - 1
        while (before := next((q for q in places if q.end == i + 1 and q.mention.type == "country"), None)) \
                and self.doc[p.start].text[:1] == "و":
            p, i = before, before.start - 1  # وبريطانيا: the country before it and و
        return i >= s.start and self.bare_in(i, self.partners, "وب")

    def _treated_at(self, s: Sentence, p: Found) -> bool:
        """``p`` is a hospital or lies in a hospital's name (مستشفى عسير المركزي، مستشفى قوى
        الأمن بالرياض): where the hurt were treated, unless the hospital was struck (قصف
        مستشفى، هجوم على المستشفى، تعرض مستشفى القدس للقصف)."""
        h = next((i for i in range(p.start, max(s.start, p.start - 4) - 1, -1)
                  if self.bare_in(i, self.hospitals, "وفبل")), None)
        if h is None or any(t.is_punct for t in self.doc[h:p.start]):
            return False
        # what an attack word a few words before it (its subject between) or على/ضد hit
        struck = any(m.end <= h and self.gap(m.end, h) <= 3 and not any(t.is_punct for t in self.doc[m.end:h])
                     for m in self.labelled(s, "attack")) or any(m.end == h for m in self.labelled(s, "target_marker")) or (
            h > s.start and self.bare_in(h - 1, self.undergo_verbs))
        return not struck

    def _bearing_from(self, p: Found, places: list[Found]) -> bool:
        """``p`` follows another place and a direction, maybe past a comma (في ولاية لوغار جنوب
        كابول، ناحية الصقلاوية شمال غربي الفلوجة، محافظة لحج، جنوب عدن): the place the first one
        lies from, not where. A country, region or province holds the first (الرمادي غرب العراق:
        in western Iraq)."""
        if p.mention.type in ("country", "region", "admin"):
            return False
        i = p.start
        while i > 0 and i - p.start > -3 and self.doc[i - 1].norm_ in self.directions:
            i -= 1
        before = i - 1 if i > 0 and self.doc[i - 1].text in "،," else i
        return i < p.start and any(q.end in (i, before) for q in places)

    def _speech_frame(self, s: Sentence, pos: int) -> tuple[int, int]:
        """The tokens between a reporting verb and the إن/أن that opens what was said, when
        ``pos`` lies in what was said; else an empty range."""
        for r in self.labelled(s, "reporting"):
            that = next((i for i in range(r.end, pos) if self.doc[i].norm_ in self.complementizers), None)
            if that is not None:
                return r.end, that
        return 0, 0

    def titled(self, f: Found) -> bool:
        """``f`` is named by a person's title (الرئيس الأمريكي، وزير الخارجية التركي)."""
        return self.doc[f.start].norm_ in self.titles or (f.start > 0 and self.doc[f.start - 1].norm_ in self.titles)

    def appositive_person(self, s: Sentence, pos: int) -> Found | None:
        """A subject named by its title at ``pos`` and then by name between commas (اتهم رئيس
        مركز المصالحة الروسي في سوريا، فلاديمير سافتشينكو، الولايات المتحدة): the person."""
        if pos >= s.end or self.doc[pos].norm_ not in self.appositive_titles:
            return None
        comma = next((i for i in range(pos + 1, min(pos + APPOSITION_REACH, s.end)) if self.doc[i].is_punct), None)
        if comma is None or self.doc[comma].text not in "،,":
            return None
        # the first name may have escaped the tagger (مولود جاويش أوغلو: جاويش أوغلو)
        f = next((f for f in self.actors(s) if comma < f.start <= comma + 2 and f.mention.type == "person"), None)
        return f if f is not None and f.end < s.end and self.doc[f.end].text in "،," else None

    def office_holder(self, s: Sentence, f: Found) -> Found | None:
        """The person whose office ``f`` names, named right before it with title words between
        (نوري المالكي نائب الرئيس العراقي: al-Maliki, not Iraq beside him)."""
        if f.mention.via != "pattern":
            return None
        return next((p for p in self.actors(s) if p.end < f.start and p.mention.type == "person"
                     and all(t.norm_ in self.appositive_titles for t in self.doc[p.end:f.start])), None)

    def owns_facility(self, f: Found) -> bool:
        """``f`` is named after a facility head (مسجد قوات الطوارئ، مقر الأمم المتحدة): the
        owner of a place, where an attack hits, not one who acts."""
        if f.start == 0:
            return False
        head = self.doc[f.start - 1].norm_
        return head in self.facility_heads or (head.startswith("ال") and head[2:] in self.facility_heads)

    def starts_with(self, s: Sentence, label: str, pos: int) -> Match | None:
        return next((m for m in s.matches if m.label == label and m.start == pos), None)

    def words_after(self, s: Sentence, m: Match, n: int) -> set[str]:
        """The normalised words of the ``n`` tokens right after match ``m``, in its sentence."""
        return {t.norm_ for t in self.doc[m.end:min(m.end + n, s.end)]}

    def lemma(self, m: Match) -> str:
        """The lemma of the trigger word ``m`` starts with (هجماتها -> هجمات), or its form."""
        return self.lemma_at(m.start)

    def lemma_at(self, i: int) -> str:
        """The lemma of token ``i`` (هجماتها -> هجمات), or its normalised form."""
        norm = self.doc[i].norm_
        return self.rules.lemma_of.get(norm, norm)

    def joined(self, i: int) -> bool:
        """Token i carries the conjunction و (وأصيب، وموقفاً): a new conjunct starts there."""
        return bool(self.doc[i]._.clitic) and self.doc[i].text.startswith("و")

    def carries_object(self, m: Match) -> bool:
        """The trigger verb carries an object pronoun after a whole form of itself: تتهمها is
        تتهم + ها, قصفتها is قصفت + ها; تتهم ends in هم itself."""
        norm = self.doc[m.start].norm_
        forms = (norm, norm[1:]) if norm[:1] in "وف" else (norm,)  # واتهموها: the clitic may stay on
        # اتهموها is اتهموا + ها: the plural's alif falls before the pronoun
        stems = [f[:-len(p)] for f in forms for p in ("ها", "هم", "ه") if f.endswith(p)]
        return any(self.rules.lemma_of.get(stem) == self.lemma(m) or (
            stem.endswith("و") and self.rules.lemma_of.get(stem + "ا") == self.lemma(m)) for stem in stems)

    def needs_unmet(self, s: Sentence, m: Match, needs: dict[str, frozenset[str]], n: int) -> bool:
        """Trigger ``m`` is a word that counts only with one of its companions (``needs``)
        among the ``n`` words after it (اتهم ... بـ، أطلق صواريخ), and none is there."""
        needed = needs.get(self.doc[m.start].norm_) or needs.get(self.lemma(m))
        return bool(needed) and not needed & self.words_after(s, m, n)

    def adjective(self, tok) -> bool:
        """A definite relational adjective (الكردية، السوري، الموالية): it agrees with the
        name before it and is no new word of the clause."""
        return tok.norm_.startswith("ال") and tok.norm_.endswith(self.nisba) and len(tok.norm_) > 4

    def negated(self, s: Sentence, m: Match) -> bool:
        """A negation right before ``m`` (لم تقصف، لا اتهامات; not لا تزال تقصف: "still"), or
        before the verb whose "any" object it is (لم يسجلا أي انتهاكات، لم تشهد أي هجمات)."""
        at = (m.start, m.start - 1)
        if m.start - 2 >= s.start and self.doc[m.start - 1].norm_ == "اي":
            at += (m.start - 2,)
        return any(n.end in at and self.doc[n.end].norm_ not in self.still
                   for n in self.labelled(s, "negation"))

    def about_a_match(self, s: Sentence) -> bool:
        """A sentence about sport (المباراة، الشوط، اللاعب): its attacks and injuries are no violence."""
        return any(not self._team_not_sport(s, m) for m in self.labelled(s, "not_violent"))

    def _team_not_sport(self, s: Sentence, m: Match) -> bool:
        """فريق that is a rank or a team of another trade (الفريق الركن، فريق البحث; الفريق before
        a name: الفريق عثمان المحرج)."""
        word = self.doc[m.start].norm_
        if word not in ("فريق", "الفريق") or m.end >= s.end:
            return False
        if self.doc[m.end].norm_ in self.teams_not_sport:
            return True
        return word == "الفريق" and any(f.start == m.end and f.mention.type == "person" for f in s.founds)

    def reporter_near(self, i: int) -> Found | None:
        """The sentence's own source, else one from the two sentences before it, unless it opens
        another story (على صعيد آخر، من جهة أخرى; not في سياق متصل); not one that only claimed an attack."""
        s = self.sentences[i]
        if any(m.start <= s.start + 1 and self.doc[m.end - 1].norm_ in OTHER_WORDS for m in self.labelled(s, "story_shift")):
            return None if s.claimant else s.reporter
        for j in (i, i - 1, i - 2):
            if j >= 0 and self.sentences[j].reporter:
                return None if self.sentences[j].claimant else self.sentences[j].reporter
        return None


def same_actor(a: Mention | None, b: Mention | None) -> bool:
    if a is None or b is None:
        return False
    return a.identity == b.identity


def distinct(founds: list[Found]) -> list[Found]:
    """The first mention of each actor, in order."""
    return [f for i, f in enumerate(founds) if not any(same_actor(f.mention, g.mention) for g in founds[:i])]
