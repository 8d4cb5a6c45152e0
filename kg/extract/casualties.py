"""Casualty figures: a number, the outcome word nearest it (killed, injured, captured,
missing, displaced), the victims named after it, who reported it."""
from __future__ import annotations

import re

from kg.extract.attacks import place_keys, places_apart, side_of, story_place
from kg.extract.lexicon import norm_set
from kg.extract.matching import Match
from kg.extract.model import Event, Mention, Span
from kg.extract.modality import modality_of
from kg.extract.numbers import NumberMatch
from kg.extract.mentions import Found
from kg.extract.window import CLAUSE_BREAKS, Sentence, Window, same_actor
from kg.nlp.normalize import OPENING_QUOTES, normalize
from kg.registry import load_registry

FAMILIES = normalize("أسر")  # after a number it counts families, not captures
ONE_OF = frozenset({"احد", "احدي"})  # أحد/إحدى (one of), normalised
MAX_VICTIMS = 100_000_000  # more people than any war killed or drove out: a sum of something else
VICINITY = 10  # tokens between a number and its outcome word, at most
RESCUE_GAP = 5  # words between a rescue word and the number of those rescued, at most
PART_OF_REACH = 7  # tokens between بينهم or منهم and a number that counts part of a figure, at most
TRAILING = frozenset(normalize(w) for w in ("من", "في", "على", "إلى", "عن", "بين"))  # never end the victims' words


CHAIN_GAP = 3  # words between two places that name one where (قرية الشيخ مسكين بريف درعا)
EXECUTIONS = frozenset(normalize(w) for w in ("إعدام", "قصاص"))  # a death sentence, passed or carried out
# an attack word with the article (after a clitic: وبالهجوم، للغارة) or a possessive (قصفهم) names one told before
ANAPHORIC = re.compile(r"^(?:[وف]?[بكل]?ال|[وف]?لل)|(?:ه|ها|هم|هما)$")
PRONOUN_END = re.compile(r"(?:ه|ها|هم|هما|هن)$")  # a possessive pronoun ending a noun


def find_casualties(w: Window, attacks: list[Event], main_place: Mention | None) -> list[Event]:
    if main_place is not None and _only_never_where(w, main_place):
        main_place = None  # نقل جثامين المتوفين إلى مطار الأحساء: where the dead were taken
    out = []
    non_person = "non_person"
    passengers = norm_set(w.lex["passenger_words"])
    part_of = norm_set(w.lex["part_of_figure"])
    outcome_verbs = norm_set(w.lex["outcome_verbs"])
    protests = norm_set(w.lex["protest_words"])
    for s in w.sentences:
        if w.about_a_match(s):
            continue  # إصابة اللاعب في المباراة
        outcomes = [o for o in w.labelled(s, "outcome") if not _families(w, s, o)]
        if _outbreak(w, s):
            continue  # 4 إصابات جديدة بالفايروس: patients, not casualties
        last_outcome: Match | None = None  # the outcome of the sentence's figure before
        last_victim: Found | None = None  # and whom it counted
        for num, ns, ne in s.numbers:
            if ns > s.start and w.doc[ns - 1].norm_ in passengers:
                continue  # سيارة تقل 7 أشخاص: on board, not hurt
            if ne < s.end and w.doc[ne].text in ("هـ", "ه"):
                continue  # 1433 هـ: a Hijri year
            if _unit_glued(w, num):
                continue  # 11عاماً: an age written without its space
            if any(w.doc[i].norm_ == "العمر" and w.doc[i - 1].norm_ == "من" for i in range(ne + 1, min(ne + 5, s.end))):
                continue  # تبلغان 25 و48 من العمر: ages
            if w.text[w.doc[ns]._.offset:num.start] in ("ب", "وب", "فب"):
                continue  # القبض على المتحرشين بفتاتين: the count of another word's object
            if w.text[w.doc[ns]._.offset:num.start] == "ل" and ns > s.start and w.doc[ns - 1].norm_ in norm_set(w.lex["parents"]):
                continue  # أم لخمسة أبناء: her children, counted as a family
            if num.value > MAX_VICTIMS or num.value < 1:
                continue  # مليار: a sum, not people; 000 (of 000ر22, 22,000 written backwards): no one
            if w.doc[ns].norm_ in ONE_OF and not any(o.end == ns or ne < o.start <= ne + 2 or (
                    o.end == ns - 1 and w.doc[ns - 1].norm_ == "في" and _execution(w, o)) for o in outcomes):
                # وفاة والدة إحدى الطالبات، في أحد الأدغال: "one of" counts no victim here (but
                # مقتل أحد الجنود، أحد الجنود قتل، تنفيذ حكم القصاص في أحد الجناة)
                continue
            after = ne
            while after < s.end and w.doc[after].text in "/)»”\"":  # /40/ من ...
                after += 1
            after += 1 if after < s.end and w.doc[after].norm_ == "من" else 0
            told_before = next((o for o in outcomes if o.start == after), None)
            if w.doc[after - 1].norm_ == "من" and w.doc[after].norm_.startswith("ال") and told_before is not None and not any(
                    o.label != told_before.label and o.end <= ns and w.gap(o.end, ns) <= 2 for o in outcomes):
                # واحد من القتلى كان عمره 18، إن 32 من الجرحى غادروا: some of a figure told before
                # (not توفي ثلاثة من المصابين، قتل الخاطفون أربعة من الرهائن: a new outcome for them)
                continue
            owner = ns - 1  # the noun the number follows, past its definite genitive and adjectives
            while owner > max(s.start, ns - 4) and w.doc[owner].text.startswith("ال") and \
                    w.doc[owner].norm_ not in w.relatives:  # (إلى is الي once normalised: no article)
                owner -= 1
            # the thing counted after the number, or the one it follows unless an outcome noun of
            # its own follows it (خلف الحادثان 60 قتيلا: the dead, not the incidents)
            # (nor the subject between an outcome verb and the number: قتلت الغارة عشرة أشخاص)
            by_subject = any(o.end == ns - 1 and w.bare_in(o.start, outcome_verbs) for o in outcomes)
            counted = (after,) if by_subject or any(o.start == ne for o in outcomes) else (after, ns - 1, owner)
            if any(m.label == non_person and m.start in counted for m in s.matches):
                # 3 شاحنات: things; عائلة واحدة، مرة واحدة: one thing; بلاغات الحوادث 143: reports
                continue
            if ne < s.end and w.doc[ne].norm_ == FAMILIES:
                continue  # 12,000 أسر زراعية: families (أُسَر), not captures (أَسْر 5 جنود)
            if any(r.end <= ns and w.gap(r.end, ns) <= RESCUE_GAP for r in w.labelled(s, "rescue")):
                continue  # أنقذت فرق الدفاع المدني 9 محتجزين: rescued, no casualties
            best, dist = None, VICINITY + 1
            # مقتل 11 مسلحا و10 مدنيين وإصابة 17: an outcome after the number that opens a
            # new clause (و) is the next figure's, when one before the number can govern it
            governed = any(o.end <= ns and w.gap(o.end, ns) <= VICINITY for o in outcomes)
            for o in outcomes:
                if governed and o.start >= ne and w.joined(o.start):
                    continue
                # a dual outcome noun is its own count (جريحين: 2 injured) and wins outright
                d = ns - o.end if o.end <= ns else (o.start - ne if o.start >= ne else -1)
                # a tie goes to the word before the number (قتل 5 وأصيب), except a noun right
                # after it, which names what was counted (5 قتلى و7 جرحى)
                if d < dist or (d == dist and best is not None and (
                        o.start == ne if d == 0 else o.end <= ns < best.start)):
                    best, dist = o, d
            if best is not None and best.start >= ne and any(w.bare_in(i, protests) for i in range(ne, best.start)):
                continue  # نفذ ألف شخص اعتصاما احتجاجا على قتل العقيد: protesters, not victims
            if (joined := _dead_and_wounded(w, s, best, ns, outcomes)) is not None:
                best = joined  # مقتل وإصابة 60 عنصرا: the dead and wounded together, told as killed
            if last_outcome is not None and _part_of_figure(w, s, ns, ne, outcomes, part_of) and not (
                    best is not None and best.start == ne):
                # 15 قتيلا بينهم ثلاثة عاملين، من بينهم نساء وجندي واحد: some of the killed (not
                # بينهم ثلاثة جرحى: its own noun)
                best, dist = last_outcome, 0
            if best is None or (best.label in ("outcome:injured", "outcome:killed") and any(
                    _illness(w, s, o) for o in outcomes if o.label == best.label)):
                # 200 مصاب بسرطان البنكرياس، حالات وفاة المدمنين ... حالات الوفيات 3 آلاف: patients,
                # not casualties, however the sentence names their deaths again
                continue
            if _sentenced(w, s, best, ns):
                continue  # قضت المحكمة بإعدام عشرة: a sentence passed, no one killed yet
            last_outcome = best
            # مدنيان بقصف: a dual names the victims itself, and the words after it go on naming
            # them; not an outcome's dual (خمسة قتلى وجريحين من القوات: the words after name them)
            names_them = num.dual and not any(o.start == ns for o in outcomes)
            group_start, group_end = victim_words(w, s, ne, outcomes, ns) if names_them else victim_words(w, s, after, outcomes)
            if _their_kin(w, group_start, group_end):
                continue  # قتل أحد الحاملين للفكر الداعشي لخاله: who killed, not who died
            if num.ordinal:  # جندي ثالث: the noun before names him; none after وأصيب ثالث
                counted = ns - 1 if ns > s.start and not any(o.start <= ns - 1 < o.end for o in outcomes) else ns
                if counted > s.start and counted < ns and w.doc[counted].norm_ in ("به", "بها", "بهم"):
                    counted -= 1  # مشتبه به ثان
                group_start, group_end = counted, ns
            # 40 من مقاتلي قسد، 14 جنديا أفغانيا; not a capital where they died (مركب النيل في القاهرة)
            in_group = [f for f in w.actors(s) + w.adjective_actors(s)
                        if group_start <= f.start < max(group_end, group_start + 1)
                        and not f.only_a_place]
            victim = min(in_group, key=lambda f: f.start) if in_group else None
            if victim is not None and _nationals(w, victim, ns):
                victim = None  # 21 فلسطينيا، مدني بولندي: people of a country, no members of its state
            if victim is None and group_end > group_start:  # مقتل أحد جنودها: the subject's soldiers
                victim = _members_of_subject(w, s, group_start, ns)
            if victim is None and group_end > group_start and w.doc[group_start].norm_ in norm_set(w.lex["others_words"]):
                victim = last_victim  # مقتل جندي تركي وجرح اثنين آخرين: the same side's
            last_victim = victim
            perp = None
            for b in w.by_markers(s):
                if b.start >= ne:
                    perp = w.actor_after(s, b.end, 4)
                    if perp is not None and any(t.norm_ in ("علي", "ضد", "في") for t in w.doc[b.end:perp.start]):
                        perp = None  # هجوم شنه مسلحون على دورية للجيش: the army was hit
                    break
            between = next((f for f in w.actors(s) if best.end <= f.start and f.end <= ns
                            and not f.only_a_place), None)
            verb = w.doc[best.start].norm_
            if between is not None and (verb in outcome_verbs or (
                    between.end == ns and verb in norm_set(w.lex["attack"]["killing_verbs"]))):
                # خطفت جبهة النصرة ثمانية عناصر، قتل الاحتلال 3 شبان: who did it (not اعتقل X مع
                # ستة مسؤولين آخرين: X was held with them)
                if not any(t.norm_ == "مع" for t in w.doc[between.end:ns]):
                    perp = perp or between
            elif victim is None and between is not None and not any(best.end <= n < between.start for _, n, _ in s.numbers):
                # قتلى عناصر داعش: 374 (not مقتل تسعة من عناصر حزب الله وثلاثة من المدنيين: the
                # name counted by the number before)
                victim = between
            modality = modality_of(w, s, best if best.start < ns else Match(best.label, ns, ne))
            # (an execution is its own deed, no attack's outcome: أقدم التنظيم على إعدام عنصرين)
            attack = None if _execution(w, best) else outcome_of(w, attacks, s, num.start, modality)
            origins = _origins(w, s, group_end)
            # where the attack that led to it in one run of words struck (الهجوم على متحف باردو
            # الذي خلف 22 قتيلا; not قصفت ...، بينما قتل 9), else where its own words say
            anchor = ne
            if attack is not None and attack.trigger.sentence == s.index and attack.trigger.start < num.start:
                told = w.tokens_of(attack.trigger).stop
                anchor = ne if any(t.text in CLAUSE_BREAKS for t in w.doc[told:ns]) else told
            places = [f.mention for f in _first_place_after(w, w.where(s, [f for f in s.founds if f.mention.kind == "place"
                                                      and not (group_start <= f.start < group_end)
                                                      and f.start not in origins], ns, hurt=True), anchor)]
            if not places:  # قتل في النزاع السوري: the country of the war the figure is told in
                places = _war_country(w, s)
            if not places:  # where its attack was, and where the document happens (each once)
                # (or where the story was last set, a sentence or two before: وفي عدن، ...)
                home = _story_set(w, s) or ([main_place] if main_place is not None else [])
                told = (attack.places if attack is not None else []) + home
                places = list({p.identity: p for p in told}.values())
            # who reports it: this sentence's source; one named a sentence or two before only
            # when this sentence names no speaker of its own (أعلن مدير الصحة أن...: not the
            # source of the paragraph before) and tells no earlier past (وكان حادث مماثل قد وقع)
            reporter = s.reporter if s.reporter or w.labelled(s, "reporting") or _background(w, s) \
                else w.reporter_near(s.index)
            if s.claimant and reporter is s.reporter:
                reporter = None  # وأعلن داعش مسؤوليته: who claims the attack is no source of its figures
            again = [r for r in w.labelled(s, "reporting") if reporter is not None and reporter.end <= r.start and r.end <= ns]
            if again and again[-1].end < s.end and w.bare_in(again[-1].end, norm_set(w.lex["unnamed_sources"])):
                reporter = None  # أعلنت الحكومة أن...، في حين أعلن مصدر عسكري عن سقوط ثمانية قتلى: another, unnamed
            if perp is None and reporter is not None and best.start > s.start and \
                    w.bare_in(best.start - 1, norm_set(w.lex["confession_verbs"])):
                perp = reporter  # اعترف هولمز بقتل 27 امرأة: who confesses to the killing did it
            group = w.span(group_start, group_end, s.index).text if group_end > group_start else None
            # 80 مقاتلا من الطرفين: a toll of both sides has no one side for its attacker
            both = any(w.bare_in(i, norm_set(w.lex["both_sides"])) for i in range(group_start, group_end))
            out.append(Event(
                "casualty", Span(num.start, num.end, w.text[num.start:num.end], s.index),
                count=num.value, outcome=best.label.split(":")[1], qualifier=num.qualifier,
                modality=modality, outcome_of=attack,
                group=group, victim=w.use(victim),
                perpetrator=w.use(perp) or (None if best.label == "outcome:captured" or both else
                                            _attacker_of(attack, victim, told_here=_told_here(w, s, attack))),
                reported_by=w.use(reporter), places=places,
                evidence=[w.span(best.start, best.end, s.index)],
                confidence=0.9 if dist <= 3 else 0.7))
    _share_victims(w, out)
    out = dedupe_casualties(out)
    _victims_hit(out)
    return out


def _victims_hit(casualties: list[Event]) -> None:
    """The side whose members an attack killed, hurt or took (التفجير الذي نفذه داعش وأدى إلى
    مقتل ضابط وجنديين تركيين) is what it hit, where nothing else says so: its target. Only in
    a sentence that tells the attack: a toll told apart may count a battle's other side too
    (هجوم من قوات النظام وحزب الله ... والقتلى هم 21 من حزب الله); never the attacker's own
    side (قوات الاحتلال and شرطة الاحتلال: Israel's)."""
    for c in casualties:
        attack, victim = c.outcome_of, c.victim
        if attack is None or attack.target is not None or victim is None or c.modality != "asserted" \
                or victim.type not in ("state", "armed_group") or (attack.perpetrator and side_of(attack.perpetrator) == side_of(victim)):
            continue
        if c.trigger.sentence in {t.sentence for t in [attack.trigger, *attack.evidence]}:
            attack.target = victim


def _story_set(w: Window, s: Sentence) -> list[Mention]:
    """The place one of the two sentences before ``s`` opens with (وفي عدن، قالت المقاومة):
    where the story that goes on here was set."""
    for prev in w.sentences[max(0, s.index - 2):s.index][::-1]:
        if (place := story_place(w, prev)) is not None:
            return [place.mention]
    return []


def _background(w: Window, s: Sentence) -> bool:
    """The sentence opens with وكان (or وكانت، وكانوا) and tells what had happened before the
    news (وكان حادث مماثل قد وقع قبل أسابيع): a past event, not the one the source reports."""
    first = w.doc[s.start]
    return first.text.startswith("و") and first.norm_ in norm_set(w.lex["background_openers"])


def _only_never_where(w: Window, place: Mention) -> bool:
    """Every time the document names ``place`` it is where no one was hurt (a hospital, where
    the dead were taken: نقل جثامين المتوفين إلى مطار الأحساء), or a point of reference (في
    طريق عودتهم من المدينة المنورة): no place for its figures."""
    told = [(s, f, places) for s in w.sentences
            for places in [[f for f in s.founds if f.mention.kind == "place"]] for f in places if f.mention.identity == place.identity]
    return bool(told) and all(w.never_where(s, f, places, hurt=True) or w.only_a_reference(s, f) for s, f, places in told)


def _first_place_after(w: Window, places: list[Found], anchor: int) -> list[Found]:
    """The first place named after token ``anchor``, with those chained to it (في ناحية كنعان
    جنوب شرق بعقوبة): a long sentence names others for other reasons (where the captives were
    released, the attack told next). All of them where none comes after."""
    places = sorted(places, key=lambda f: f.start)
    first = next((i for i, f in enumerate(places) if f.start >= anchor), None)
    if first is None:
        return places
    last = first
    while last + 1 < len(places) and w.gap(places[last].end, places[last + 1].start) <= CHAIN_GAP:
        last += 1
    return places[first:last + 1]


def _families(w: Window, s: Sentence, o: Match) -> bool:
    """أسر spelled as families, not capture: with ل (تعازيه لأسر الضحايا) or after a word for
    their members (أفراد أسر الأطفال، ذوي)."""
    if w.doc[o.start].norm_ != "اسر" or o.label != "outcome:captured":
        return False
    return w.preposition(o.start) == "ل" or (o.start > s.start and w.bare_in(o.start - 1, norm_set(w.lex["family_members"])))


def _share_victims(w: Window, figures: list[Event]) -> None:
    """مقتل 14 وإصابة 33 من ميليشيات الحوثي: a count with no noun of its own, joined by و and
    an outcome word to the next, counts the same victims."""
    for a, b in zip(figures, figures[1:]):
        between = w.text[a.trigger.end:b.trigger.start].split()
        if (a.trigger.sentence == b.trigger.sentence and a.victim is None and a.group is None
                and b.victim is not None and len(between) == 1 and between[0].startswith("و")):
            a.victim, a.group = b.victim, b.group


def outcome_of(w: Window, attacks: list[Event], s: Sentence, char: int, modality: str) -> Event | None:
    """The attack a figure belongs to: the one told last before it in its sentence (or the
    first after it there), else the last one told in the two sentences before; of the
    figure's own modality."""
    told = [(span.sentence, span.start, a) for a in attacks if a.modality == modality
            for span in (a.trigger, *a.evidence) if s.index - 2 <= span.sentence <= s.index]
    here = [t for t in told if t[0] == s.index]
    before = [t for t in here if t[1] < char]
    if before:
        return max(before, key=lambda t: t[1])[2]
    if here:
        return min(here, key=lambda t: t[1])[2]
    return max(told, key=lambda t: (t[0], t[1]))[2] if told else None


def _attacker_of(attack: Event | None, victim: Found | None, told_here: bool) -> Mention | None:
    """Who killed the victims of ``attack``, when the figure's sentence speaks of an attack
    (وأسفر الهجوم عن مقتل 7) or is where it was told (بشار الأسد قتل 400 ألف): its perpetrator, or its target when the victims are the
    perpetrator's own (374 من عناصر داعش killed in ISIS's attack: by its target). A sentence
    with no attack word may tell another deed (هزيمة ساحقة تمثلت في قتل 44): the figure keeps
    its link to the attack before it (``outcome_of``), not its attacker."""
    if attack is None or not told_here:
        return None
    if victim is not None and same_actor(attack.perpetrator, victim.mention):
        return attack.target
    return attack.perpetrator


def _told_here(w: Window, s: Sentence, attack: Event | None) -> bool:
    """``attack`` is told in sentence ``s``, or ``s`` names an attack told before it: with the
    article, a pronoun or the noun it is annexed to (وأسفر الهجوم عن مقتل 7، أدى قصفهم إلى،
    بواسطة غارات الطائرات); an indefinite one is another (مسؤول عن هجمات كثيرة منها عملية راح
    ضحيتها 40 طالبا)."""
    if attack is not None and any(span.sentence == s.index for span in (attack.trigger, *attack.evidence)):
        return True
    return any(ANAPHORIC.search(w.doc[a.start].text)
               or (a.end < s.end and w.doc[a.end].text.startswith("ال")) for a in w.labelled(s, "attack"))


def _execution(w: Window, outcome: Match) -> bool:
    """The outcome word is a death sentence's: إعدام، القصاص، بالإعدام."""
    return w.doc[outcome.start].norm_.removeprefix("ب").removeprefix("ال") in EXECUTIONS


def _sentenced(w: Window, s: Sentence, outcome: Match, ns: int) -> bool:
    """The outcome is a death sentence passed (أحكام بإعدام 4، قضت المحكمة بإعدام عشرة، حكم على
    ثلاثة بالإعدام، صدر حكم القصاص بحق اثنين), not carried out (تنفيذ حكم الإعدام في 4، أعدمت السلطات)."""
    if not _execution(w, outcome):
        return False
    span = range(max(s.start, min(ns, outcome.start) - 3), max(ns, outcome.start))
    passed, carried_out = norm_set(w.lex["sentence_words"]), norm_set(w.lex["carried_out"])
    return any(w.bare_in(i, passed) for i in span) and not any(w.bare_in(i, carried_out) for i in span)


def _illness(w: Window, s: Sentence, outcome: Match) -> bool:
    """An injury or death word followed by an illness (المصابين بفيروس كورونا، وفاة المدمنين)."""
    return bool(w.words_after(s, outcome, 2) & norm_set(w.lex["illness_words"]))


def _unit_glued(w: Window, num: NumberMatch) -> bool:
    """The number runs into a word that counts no people (11عاماً، 5كم)."""
    word = re.match(r"[\u0621-\u064A\u064B-\u0652]+", w.text[num.end:num.end + 12])
    return bool(word) and normalize(word.group()) in norm_set(w.lex["non_person_units"])


def _outbreak(w: Window, s: Sentence) -> bool:
    """A sentence about an outbreak (تفشي الفيروس، حالات إصابة بكورونا) with no attack in it."""
    words = norm_set(w.lex["outbreak_words"])

    def illness(norm: str) -> bool:
        return any(norm[len(p):] in words for p in ("", "ب", "ال", "بال", "لل") if norm.startswith(p))

    # an attack word before an illness word is part of its name (بضربة شمس: heatstroke)
    if any(a.end >= s.end or not illness(w.doc[a.end].norm_) for a in w.labelled(s, "attack")):
        return False
    return any(illness(t.norm_) for t in w.doc[s.start:s.end])


def _nationals(w: Window, victim: Found, ns: int) -> bool:
    """The victims are people a country adjective names (21 فلسطينيا، 5 مدنيين سوريين، جواسيس
    روس), not the state's own (14 جنديا أفغانيا، ضابطين أتراك): no word for its members
    between the figure and the adjective."""
    if victim.mention.type != "state" or victim.mention.via != "adjective":
        return False
    members = norm_set(w.lex["state_members"])
    return not any(w.bare_in(i, members) or w.doc[i].norm_.removeprefix("ال") in members for i in range(ns, victim.start))


def _members_of_subject(w: Window, s: Sentence, group: int, ns: int) -> Found | None:
    """Victims named as members with a possessive pronoun (أحد جنودها، ثلاثة من عناصره) belong to
    the sentence's subject, its first state or armed group before the figure, or the one a
    relative pronoun before the figure stands for."""
    word = w.doc[group + 1].norm_ if w.doc[group].norm_ == "من" and group + 1 < s.end else w.doc[group].norm_
    if not any(word.endswith(p) and word[:-len(p)] in norm_set(w.lex["member_stems"]) for p in ("ها", "هم", "ه")):
        return None
    bodies = [f for f in w.actors(s) if f.end <= ns and not f.latent and f.mention.type in ("state", "armed_group")]
    # قوات الأمن التي قتل عشرون من أفرادها: the one a relative pronoun stands for
    related = [f for f in bodies if f.end < s.end and w.doc[f.end].norm_ in w.relatives]
    return related[-1] if related else (bodies[0] if bodies else None)


def victim_words(w: Window, s: Sentence, start: int, outcomes: list[Match],
                 dual: int | None = None) -> tuple[int, int]:
    """Token range of the words naming the victims, right after the number; from the number
    itself where it is a ``dual`` noun naming them (جنديان تركيان); past the side word they
    were on (قتلى وجريحين من جانب القوات المالية، قتيلين في صفوف الإرهابيين)."""
    sides = norm_set(w.lex["side_words"])
    if dual is None and start + 1 < s.end and w.doc[start].norm_ in ("من", "في") and w.doc[start + 1].norm_ in sides:
        start += 2
    elif dual is None and s.start < start < s.end and w.doc[start].norm_ in sides and w.doc[start - 1].norm_ in ("من", "في"):
        start += 1
    end = start
    noun = start if dual is None else dual  # the counted noun: what من after it follows
    # (and a verb of accusing, which tells what they were held for: إعدام عنصرين اتهمهما بالتجسس)
    stops = {o.start for o in outcomes} | {n for _, n, _ in s.numbers} | {a.start for a in w.labelled(s, "accusation")}
    belonging, to = norm_set(w.lex["belonging_words"]), norm_set(["إلى"])
    while end < s.end and end - start < 6:
        tok = w.doc[end]
        if tok.text in OPENING_QUOTES and end > start:
            end += 1  # 7 من عناصر «داعش»: the name inside quotes still names them
            continue
        if end == start and end in stops and end + 1 < s.end and w.doc[end + 1].norm_ == "من":
            end += 1  # 24 قتيلا من ميليشيات الحوثي: the outcome noun is the counted noun
            continue
        # 17 فردا من المتمردين الحوثيين، 390 مقاتلا كرديا من حزب العمال: من after the counted
        # noun (and its adjective) names whom they belong to; so does إلى after ينتمون
        joins = (tok.norm_ == "من" and (end == noun + 1 or (end == noun + 2 and w.doc[noun + 1].norm_.endswith((*w.nisba, "يا"))))) \
            or (tok.norm_ in to and end > noun and w.doc[end - 1].norm_ in belonging)
        belongs = joins and end + 1 < s.end and w.doc[end + 1].norm_ not in w.victim_stops and not w.doc[end + 1].is_punct
        if not belongs and (tok.is_punct or tok.norm_ in w.victim_stops or end in stops or (
                end > noun and tok.text.startswith("و") and end + 1 in stops) or (
                end > noun and tok._.clitic and tok.text.startswith("ب")) or _and_the_after_bare(w, end, noun)):
            break
        end += 1
    while end > noun + 1 and w.doc[end - 1].norm_ in TRAILING:
        end -= 1  # 70 طفلا من الأسرى: the group stops where the outcome noun after من does
    return noun, end


def _their_kin(w: Window, start: int, end: int) -> bool:
    """A kin word with ل and a pronoun among tokens ``start:end`` (لخاله، لوالدهم): whom the
    counted people killed."""
    kin = norm_set(w.lex["kin_words"])
    for t in w.doc[start:end]:
        word = normalize(t.text)
        if word.startswith("ل") and (stem := PRONOUN_END.sub("", word[1:])) != word[1:] and stem in kin:
            return True
    return False


def _and_the_after_bare(w: Window, i: int, noun: int) -> bool:
    """Token ``i`` is و + the article right after a word without it (ثلاثة أطفال والاستيلاء على
    طقمين): another clause, not more of the victims (عناصر الأمن والجيش: one group)."""
    before = w.doc[i - 1].norm_
    return i > noun and normalize(w.doc[i].text).startswith("وال") and before.isalpha() and not before.startswith("ال")


def _part_of_figure(w: Window, s: Sentence, ns: int, ne: int, outcomes: list[Match], part_of: frozenset[str]) -> bool:
    """The number at ``ns:ne`` counts some of a figure told before: right after بينهم، منهم,
    or after the noun it counts in a list they open (من بينهم نساء وأطفال وجندي واحد), in one
    clause with no outcome word of its own between (not نقل منها 264 مريضا: a noun of its own)."""
    if ns > s.start and w.doc[ns - 1].norm_ in part_of:
        return True
    if ne < s.end and not w.doc[ne].is_punct and w.doc[ne].norm_ != "علي":  # (على الأقل)
        return False
    at = next((i for i in range(ns - 1, max(s.start, ns - PART_OF_REACH) - 1, -1) if w.doc[i].norm_ in part_of), None)
    return at is not None and not any(at < o.start < ns for o in outcomes) \
        and not any(t.text in CLAUSE_BREAKS for t in w.doc[at:ns])


def _dead_and_wounded(w: Window, s: Sentence, best: Match | None, ns: int, outcomes: list[Match]) -> Match | None:
    """The death word joined by و to the injury word ``best`` right before the figure at
    ``ns`` (بمقتل وإصابة 60، أسفر عن مقتل وإصابة 18), where it has no victim of its own
    (not لقي شرطي مصرعه وأصيب 3، عسكريا تركيا قتل وجرح اثنان)."""
    if best is None or best.end != ns or not w.doc[best.start].text.startswith("و"):
        return None
    words = w.lex["dead_and_wounded"]
    return next((o for o in outcomes if o.end == best.start and o.label != best.label
                 and w.doc[o.start].norm_ in norm_set(words["first"])
                 and (o.start == s.start or w.doc[o.start].text.startswith("ب")
                      or w.doc[o.start - 1].norm_ in norm_set(words["after"]))), None)


def _origins(w: Window, s: Sentence, pos: int) -> set[int]:
    """Where the victims named before ``pos`` come from: the places listed right after من
    there (خمسة مشتبه بهم من ليبيا والجزائر وتونس), not where they were hit or held."""
    if pos >= s.end or w.doc[pos].norm_ != "من":
        return set()
    places = {f.start: f for f in s.founds if f.mention.kind == "place"}
    out, i = set(), pos + 1
    while i in places:
        out.add(i)
        i = places[i].end
        if i < s.end and w.doc[i].norm_ == "و":
            i += 1
    return out


def dedupe_casualties(events: list[Event]) -> list[Event]:
    """A figure repeated (headline and body) is one figure: the same count and outcome, and
    the same victims or victims named only once (3 جنود أتراك، then 3 جنود); not one told of two
    towns, neither in the other (10 killed in كنعان, 10 killed in الخالص). The first telling
    keeps what the later ones add (who told it, where, "at least")."""
    out: list[Event] = []
    for ev in events:
        same = next((o for o in out if (o.count, o.outcome, o.modality) == (ev.count, ev.outcome, ev.modality)
                     and (o.victim is None or ev.victim is None or _victim_key(o) == _victim_key(ev))
                     and not places_apart(place_keys(o), place_keys(ev))), None)
        if same is None:
            out.append(ev)
            continue
        # what the headline leaves out, the body tells (وزارة الصحة: وفاة 21، ما لا يقل عن 151);
        # not who did it, which a later sentence's rules guess from further away
        for role in ("victim", "reported_by"):
            if getattr(same, role) is None:
                setattr(same, role, getattr(ev, role))
        same.places = same.places or ev.places
        if same.qualifier == "exact":
            same.qualifier = ev.qualifier
        same.evidence.append(ev.trigger)
    return out


def _victim_key(ev: Event) -> str | None:
    return ev.victim.identity if ev.victim else None


def _war_country(w: Window, s: Sentence) -> list[Mention]:
    """A war word with a country adjective (النزاع السوري، الحرب اليمنية، الأزمة الليبية)
    tells where the figures of its sentence were counted."""
    wars = norm_set(w.lex["war_words"])
    for f in w.adjective_actors(s):
        entry = load_registry().get("place", f.mention.key)
        if entry is not None and f.start > s.start and w.doc[f.start - 1].norm_ in wars:
            return [Mention(f.mention.span, "place", entry.type, entry.key, "adjective")]
    return []
