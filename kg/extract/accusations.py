"""Accusations: A accuses, blames, holds responsible, designates B (اتهم، حمّل المسؤولية،
تقف وراء، تعتبرها إرهابية), mutual accusations, one event per accuser and accused."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from kg.extract.attacks import adjective_actor
from kg.extract.lexicon import load, norm_set
from kg.extract.matching import Match
from kg.extract.mentions import Found
from kg.extract.model import Event, Mention, person_names
from kg.extract.modality import modality_of
from kg.extract.window import CLAUSE_BREAKS, Sentence, Window, distinct, same_actor
from kg.nlp.normalize import OPENING_QUOTES, QUOTE_MARKS, normalize


HOLD_GAP = 22  # words between حمّل and the المسؤولية it holds someone to, at most
CHARGE_NAME = 3  # words naming the charge between تهمة and the إلى of whom it is brought against (تهمة القتل العمد إلى)


@lru_cache(maxsize=1)
def _accusation_needs() -> dict[str, frozenset[str]]:
    return {normalize(k): norm_set(v) for k, v in load("lexicon")["accusation"]["needs_nearby"].items()}


SPOKEN_OF = frozenset({"انه", "انها", "انهم", "بانه", "بانها", "بانهم"})  # إنه، أنها, normalised
BANNED_REACH = 6  # tokens after استخدم in which the banned means it uses is named (تستخدم أسلحة محرمة دوليا)
CALLED_REACH = 10  # tokens between a deed and the wrong it is called (الضربات الأمريكية بأنها عدوان سافر)


def _after_to(w: Window, s: Sentence, m: Match) -> bool:
    """``m`` comes right after إلى or على (دعا موسكو إلى تحمل المسؤولية): a call, a noun."""
    return m.start > s.start and w.doc[m.start - 1].norm_ in ("الي", "علي")


def _subject_before(w: Window, s: Sentence, m: Match, limit: int, actors: list[Found]) -> Found | None:
    """The actor right before a verb, in its clause: no comma or quote between (كيف تخلى
    أوباما عن إسرائيل"، اتهم أورين: Israel is not who accuses), and not the one an aide
    serves (مستشار روحاني ينتقد: the adviser speaks)."""
    f = w.actor_before(s, m.start, limit, among=actors)
    if f is not None and w.joined(m.start) and w.governed(s, f, locatives=False):
        return None  # بجهود تركيا للتصدي لداعش ووصف الحزب: a preposition's object ends the clause before
    if f is not None and any(t.is_punct and t.text in "،,\"”»:؛" for t in w.doc[f.end:m.start]):
        return None
    if f is not None and f.start > s.start and w.doc[f.start - 1].norm_ in norm_set(w.lex["aide_heads"]):
        return None
    if f is not None and any(_disagrees(t.norm_, w.doc[m.start].norm_) for t in w.doc[f.end:m.start]):
        return None  # أوكرانيا الذي تتهم روسيا فيه: الذي is the conflict's, the verb not Ukraine's
    if f is not None and f.mention.via != "adjective" and w.doc[f.start].norm_.endswith(w.nisba) and any(
            g.end == f.start for g in s.founds if g.mention.kind == "place"):
        return None  # منطقة عسير السعودية أدانت: the place's adjective, not who condemns
    if f is not None and f.start > s.start and w.doc[f.start - 1].norm_ in w.directions:
        return None  # عشائر جنوب العراق تستنكر: a region of the country, in another noun's name
    if f is not None and any(not t.norm_.startswith("ال") and t.norm_ not in w.subject_asides and not t.is_punct
                             for t in w.doc[f.end:m.start]):
        return None  # حجبت السلطات موقعا ينتقد، أغلقت صحيفة تنتقد: the indefinite noun between is the verb's subject
    return f


def _disagrees(relative: str, verb: str) -> bool:
    """A masculine relative pronoun before a feminine verb (الذي تتهم، الذي اتهمت) or the
    reverse (التي يتهم): the verb is not said of the one the pronoun stands for."""
    feminine = verb.startswith("ت") or verb.endswith("ت")
    return (relative in ("الذي", "الذى") and feminine) or (relative == "التي" and verb.startswith("ي"))


def _antecedent(w: Window, m: Match, named: list[Found]) -> Found | None:
    """The one the object pronoun on ``m`` stands for: the nearest actor named before it
    whose gender agrees (وتصنفه: the party, not الدولة التركية named after it), and not named
    as someone's patron (من الموالين لأيمن الظواهري، وصفته: the loyal one)."""
    norm = w.doc[m.start].norm_
    plural = norm.endswith(("هم", "هما"))
    feminine = not plural and norm.endswith("ها")
    patrons = norm_set(w.lex["accusation"]["patron_words"])

    def patron(f: Found) -> bool:  # الموالين لأيمن الظواهري، المقربين من بن لادن
        i = f.start - 1 - (f.start > 1 and w.doc[f.start - 1].norm_ == "من")
        return i >= 0 and w.doc[i].norm_ in patrons
    return next((f for f in reversed(named) if (plural or _feminine(f.mention) == feminine) and not patron(f)), None)


def _possessed(w: Window, m: Match) -> bool:
    """The noun ``m`` carries a possessive pronoun (اتهامه، جرائمها; not the ة of الجريمة,
    which normalises to ه)."""
    return w.doc[m.start].norm_ != w.lemma(m) and w.doc[m.start].text.endswith(("ه", "ها", "هم", "هما"))


def _feminine(mention: Mention) -> bool:
    """A name that takes ها: its first word ends in ة or ات (الدولة، قناة، السلطات) or is a
    broken plural (الأمم المتحدة), or it is a country or capital of one word (تركيا، أنقرة;
    not العراق, السودان)."""
    head = normalize(mention.span.text.split()[0])
    return head.endswith(("ه", "ات")) or head in norm_set(load("lexicon")["accusation"]["feminine_heads"]) or (
        mention.type == "state" and " " not in mention.span.text and not head.startswith("ال"))


def _first_person(w: Window, m: Match) -> bool:
    """A present verb of "we" (نحمل، نتهم): the same verb with ي for ن is a form of it."""
    norm = w.doc[m.start].norm_
    return norm.startswith("ن") and w.rules.lemma_of.get("ي" + norm[1:]) == w.lemma(m)


def _said_of_itself(w: Window, m: Match) -> bool:
    """A verb right after إن/أن with a pronoun (أنها تحمل، إنه يتهم): its subject is who says it."""
    norm = w.doc[m.start - 1].norm_ if m.start > 0 else ""
    return norm in w.complementizers and norm not in ("ان", "بان")


def _spoken_about(w: Window, s: Sentence, m: Match, actors: list[Found]) -> Found | None:
    """قال الأسد عن كولفن إنها تتحمل المسؤولية: the pronoun on إن before the verb is the one
    the source speaks about (after عن), not the source."""
    if m.start <= s.start or w.doc[m.start - 1].norm_.removeprefix("و") not in SPOKEN_OF:
        return None
    return next((f for f in actors if f.start > s.start and w.doc[f.start - 1].norm_ == "عن"
                 and f.end < m.start and (s.reporter is None or f is not s.reporter)), None)


def _object_pronoun(w: Window, m: Match) -> int | None:
    """An accusation verb carrying its object (يتهمها، تتهمهم): the one named right before
    it, or before the relative pronoun that opens its clause, is accused (الاستخبارات التي
    دائما ما تتهمها أفغانستان، أسرة حلس تتهمهم حماس). Returns where that one must end."""
    if not w.carries_object(m):
        return None
    return next((i for i in range(m.start - 1, max(-1, m.start - 4), -1) if w.doc[i].norm_ in w.relatives), m.start)


def _is_charge(w: Window, s: Sentence, i: int) -> bool:
    """Token i carries ب and opens what someone is accused of (بدعم، بعرقلة، بأنها، بأن). A word
    of a name that starts with ب (بريطانيا، راجح بادي) is no such word, nor a statement
    (اتهمت الوزارة في بيان أصدرته أمس النظام بالقمع)."""
    return i < s.end and w.doc[i].text.startswith("ب") and (len(w.doc[i].text) > 3 or w.doc[i].norm_ in ("ان", "بان")) \
        and not any(g.start <= i < g.end for g in s.founds) \
        and w.starts_with(s, "statement", i) is None


def _charge_follows(w: Window, s: Sentence, f: Found) -> bool:
    """The word after ``f``, or after an adverb (علنا), is a charge (اتهم X بدعم، اتهم X علنا
    بأنها): X is the one accused."""
    return _is_charge(w, s, f.end + (f.end < s.end and w.doc[f.end].norm_ in norm_set(w.lex["accusation"]["adverbs"])))


def _charge_between(w: Window, s: Sentence, m: Match, start: int, end: int) -> bool:
    """A charge opens between ``start`` and ``end``: who is named after it is inside the
    charge (اتهمت حماس ضباطا بمحاولة اغتيال الحمد الله), not accused. The verb's own
    companion (ألقى باللوم على) is no charge."""
    companions = _accusation_needs().get(w.lemma(m), frozenset())
    return any(_is_charge(w, s, i) and w.doc[i].norm_ not in companions for i in range(start, end))


def _denial_before(w: Window, s: Sentence, at: int) -> bool:
    """A denial verb, not a particle, ends right before token ``at`` (or one word before)."""
    particles = norm_set(w.lex["accusation"]["negation_particles"])
    return any(n.end in (at, at - 1) and w.doc[n.start].norm_ not in particles for n in w.labelled(s, "negation"))


def _denied(w: Window, s: Sentence, m: Match) -> bool:
    """A denial verb negates the noun ``m`` (نفت موسكو الاتهامات): the accusation denied was
    still made."""
    return _denial_before(w, s, m.start)


def _denier(w: Window, s: Sentence, m: Match, actors: list[Found]) -> Found | None:
    """The subject right before noun ``m`` of a denial verb before it (نفت موسكو الاتهامات)."""
    subject = w.actor_before(s, m.start, 1, among=actors)
    return subject if subject is not None and _denial_before(w, s, subject.start) else None


def eligible(w: Window, f: Found) -> bool:
    """A country glued to ب (بسوريا) is where something happens, never who acts."""
    tok = w.doc[f.start]
    return not (f.latent and tok._.clitic and tok.text.startswith("ب"))


def _outlet_in_passing(w: Window, f: Found) -> bool:
    """``f`` is an outlet named as whom one spoke to (في تصريح لـ«الرياض») or as who obtained
    the text (حصلت «الرياض» على نسخة منه): it neither accuses nor is accused."""
    if f.mention.type != "media":
        return False
    i = w.before_quotes(f.start)
    return i >= 0 and (w.doc[i].norm_ in ("ل", "لـ") or w.bare_in(i, norm_set(w.lex["accusation"]["obtaining_verbs"])))


def accusation(w: Window, s: Sentence, m: Match, accuser: Found | None, accused: Found | None,
               attacks: list[Event]) -> Event | None:
    if accuser is None or accused is None or same_actor(accuser.mention, accused.mention):
        return None
    if accused.start > s.start and w.bare_in(accused.start - 1, norm_set(w.lex["people_nouns"])):
        return None  # الجريمة التي ارتكبها مستوطنون إسرائيليون: people of a country, not its state
    if _kin_named(w, s, accuser) or _kin_named(w, s, accused):
        return None  # وقال شقيق العقيد حسان الشيخ إنه: his brother speaks, unnamed
    if w.office_holder(s, accused) is accuser or w.office_holder(s, accuser) is accused:
        return None  # نوري المالكي نائب الرئيس العراقي: one person and his office
    if accused.mention.type == "person" and accuser.end <= accused.start and _in_title(w, s, accuser) and \
            _in_apposition(w, s, accuser, accused) and not any(t.norm_ == "في" for t in w.doc[accuser.end:accused.start]):
        return None  # المتحدث الرسمي لوزارة العدل منصور القفاري: the office, then its holder
    if any(f.mention.type == "person" and f.start <= m.start < f.end for f in w.actors(s)):
        return None  # وادين هازار، داني ألفيس: the word opens a person's name, no one condemns
    if _outlet_in_passing(w, accuser) or _outlet_in_passing(w, accused):
        return None  # في تصريح لـ"الرياض"، بيان حصلت «الرياض» على نسخة منه: the paper only carries it
    about = next((a for a in attacks if a.trigger.sentence == s.index), None)
    known = (accuser.mention.key is not None) + (accused.mention.key is not None)
    modality = modality_of(w, s, m)
    if modality == "negated" and m.label == "accusation:noun" and _denied(w, s, m):
        modality = "asserted"  # نفت موسكو الاتهامات الأمريكية: the accusation was made
    return Event("accusation", w.span(m.start, m.end, s.index), modality=modality,
                 accuser=w.use(accuser), accused=w.use(accused),
                 reported_by=accuser.mention, about=about, confidence=0.6 + 0.15 * known)


def mutual_accusations(w: Window, s: Sentence, actors: list[Found],
                       attacks: list[Event]) -> tuple[list[Event], set[int]]:
    """تبادل التحالف والحوثيون الاتهام / الطرفان تبادلا الاتهامات / تتهم تركيا واليونان
    بعضهما / اتهامات متبادلة بين X وY: each side accuses the other. Also returns the accusation words it took, which no
    other rule reads again."""
    out, nouns = [], set()
    for m in w.labelled(s, "mutual"):
        noun = next((n for n in w.labelled(s, "accusation:noun") if m.end <= n.start <= m.end + 8), None)
        if noun is None or w.negated(s, m):
            continue
        nouns.add(noun.start)
        sides = [f for f in actors if m.end <= f.start and f.end <= noun.start] or \
                [f for f in actors if f.end <= m.start and w.gap(f.end, m.start) <= 4]
        # (not whom a side is loyal to: انفصاليون مؤيدون لروسيا, the separatists accuse)
        named = distinct([f for f in sides if not (f.start > s.start and w.bare_in(f.start - 1, w.loyal, "وفل"))])
        pair = any(t.norm_ in norm_set(w.lex["accusation"]["pair_words"])
                   for t in w.doc[max(s.start, m.start - 2):min(m.end + 2, s.end)])
        if len(named) < 2 and (pair or w.doc[m.start].norm_.endswith(("ان", "ا"))):
            # ترامب وكيم ... يتبادلان الاتهامات، وتبادل الطرفان الاتهامات: the pair named before
            named = _last_two_named(w, s, m)
        if len(named) >= 2:
            out += _both_ways(w, s, m, named, attacks)
    adjectives = norm_set(w.lex["accusation"]["mutual_adjectives"])
    for n in w.labelled(s, "accusation:noun"):
        # اتهامات متبادلة بين الحكومة والحوثيين: the two sides named after بين
        if n.start in nouns or n.end + 2 >= s.end or w.doc[n.end].norm_ not in adjectives or w.negated(s, n):
            continue
        at = next((i for i in (n.end + 1, n.end + 2) if w.doc[i].norm_ == "بين"), None)
        first = w.actor_after(s, at + 1, 0, among=actors) if at is not None else None
        named = distinct([first] + coordinated(w, s, first)) if first is not None else []
        if len(named) >= 2:
            nouns.add(n.start)
            out += _both_ways(w, s, n, named, attacks)
    reciprocals = norm_set(w.lex["accusation"]["reciprocals"])
    for m in w.labelled(s, "accusation:verb"):
        # تتهم تركيا واليونان بعضهما: the sides named between the verb and its reciprocal object
        other = next((i for i in range(m.end, min(m.end + 8, s.end)) if w.doc[i].norm_ in reciprocals), None)
        if other is None or w.negated(s, m):
            continue
        named = distinct([f for f in actors if m.end <= f.start and f.end <= other])
        if len(named) >= 2:
            nouns.add(m.start)
            out += _both_ways(w, s, m, named, attacks)
    return out, nouns


def _both_ways(w: Window, s: Sentence, m: Match, sides: list[Found], attacks: list[Event]) -> list[Event]:
    """The first two sides each accusing the other."""
    a, b = sides[:2]
    return [ev for ev in (accusation(w, s, m, a, b, attacks), accusation(w, s, m, b, a, attacks)) if ev]


def _last_two_named(w: Window, s: Sentence, m: Match) -> list[Found]:
    """The last two actors named (not latent) before a dual verb, in its sentence or the one
    before; with fewer, countries named there as places count too (التوتر بين الهند وباكستان.
    وتبادل البلدان الاتهامات)."""
    before = [f for j in (s.index - 1, s.index) if j >= 0 for f in w.actors(w.sentences[j])
              if j < s.index or f.end <= m.start]
    named = distinct([f for f in reversed(before) if not f.latent])[:2]
    if len(named) < 2:
        named = distinct([f for f in reversed(before) if not f.latent or f.mention.type == "state"])[:2]
    return list(reversed(named))


def find_accusations(w: Window, attacks: list[Event]) -> list[Event]:
    out = []
    for s in w.sentences:
        actors = [f for f in w.actors(s) if eligible(w, f)]
        mutual, taken_nouns = mutual_accusations(w, s, actors, attacks)
        out += mutual
        out += stated_accusations(w, s, actors, attacks, taken_nouns)
        out += behind_accusations(w, s, actors, attacks)
        out += designations(w, s, actors, attacks)
        out += characterisations(w, s, actors, attacks)
        out += criticisms(w, s, actors, attacks)
        out += crimes(w, s, actors, attacks)
        out += responsibilities(w, s, actors, attacks)
        out += charges(w, s, actors, attacks)
        out += attributions(w, s, actors, attacks)
        out += terror_support(w, s, actors, attacks)
        out += wrongdoings(w, s, actors, attacks)
    out = with_partners(w, out)
    blame_attacks(out)
    return merge_accusations(out)


def with_partners(w: Window, accusations: list[Event]) -> list[Event]:
    """روسيا وسوريا اتهمتا واشنطن / اتهمت أنقرة الوحدات وحزب العمال: each side of a pair
    joined by و accuses, or is accused, as the one the rule found."""
    out = []
    for ev in accusations:
        out.append(ev)
        s = w.sentences[ev.trigger.sentence]
        for role in ("accuser", "accused"):
            found = next((f for f in w.actors(s) if f.mention is getattr(ev, role)), None)
            for partner in coordinated(w, s, found):
                other = ev.accused if role == "accuser" else ev.accuser
                if not same_actor(partner.mention, other):
                    w.use(partner)
                    out.append(replace(ev, **{role: partner.mention}, evidence=[],
                                       reported_by=partner.mention if role == "accuser" else ev.reported_by))
    return out


def _relative_after(w: Window, s: Sentence, f: Found, g: Found) -> bool:
    """``g`` is named inside a relative clause set off by commas right after ``f`` (واتهم
    تشافيز، الذي يرأس الاتحاد البوليفي، بالفساد): it describes ``f``, it is not accused."""
    if f.end + 1 >= g.start or w.doc[f.end].text not in "،," or w.doc[f.end + 1].norm_ not in w.relatives:
        return False
    return any(w.doc[i].text in "،," for i in range(g.end, s.end))


def _past_partners(w: Window, s: Sentence, f: Found) -> int:
    """The token after ``f`` and the actors joined to it by و (بريطانيا وفرنسا والولايات
    المتحدة): where the one they act on may be named."""
    end = max([f.end] + [g.end for g in coordinated(w, s, f) if g.start > f.start])
    return _past_title(w, s, end)


def _past_title(w: Window, s: Sentence, pos: int) -> int:
    """Past the title that may follow a name at ``pos`` (محمد الهيصمي مندوب اليمن لدى جامعة
    الدول العربية): the state and the body it names are whom he serves, not whom he acts on."""
    if pos >= s.end or w.doc[pos].norm_ not in w.appositive_titles:
        return pos
    end = pos + 1
    for _ in range(2):  # the state, then the body after لدى (مندوب اليمن لدى الجامعة)
        f = next((f for f in s.founds if f.start == end), None)
        if f is None:
            break
        end = f.end
        if end + 1 < s.end and w.doc[end].norm_ in ("لدي", "في"):
            end += 1
        else:
            break
    return end


def coordinated(w: Window, s: Sentence, f: Found | None) -> list[Found]:
    """The actors joined to ``f`` by و right before or after it (روسيا وسوريا)."""
    if f is None:
        return []
    named = [g for g in w.actors(s) if w.named_here(s, g) or g.mention.via == "registry"]
    joined, edge = [], f
    for g in named:  # after: X وY وZ
        if g.start == edge.end and w.joined(g.start):
            joined.append(g)
            edge = g
    edge = f
    for g in reversed(named):  # before: Y وX
        if g.end == edge.start and w.joined(edge.start):
            joined.append(g)
            edge = g
    return distinct([g for g in joined if not same_actor(g.mention, f.mention)])


def blame_attacks(accusations: list[Event]) -> None:
    """اتهم X Y بقصف المدينة: the attack Y is accused of, told with no perpetrator, is Y's."""
    for ev in accusations:
        attack = ev.about
        if attack is not None and attack.perpetrator is None and attack.trigger.start > ev.trigger.start \
                and ev.modality == "asserted":
            attack.perpetrator = ev.accused
            # (the name of the accused is not also where it struck: أن إيران تتحمل مسؤولية الهجمات)
            attack.places = [p for p in attack.places if (p.span.start, p.span.end) != (ev.accused.span.start, ev.accused.span.end)]


def stated_accusations(w: Window, s: Sentence, actors: list[Found], attacks: list[Event],
                       taken_nouns: set[int]) -> list[Event]:
    """اتهمت أنقرة الوحدات / قسد تتهم تركيا / حمّل البيان تركيا المسؤولية / اتهامات لتركيا."""
    def after(pos: int, limit: int, skip: Found | None = None) -> Found | None:
        """The accused after ``pos``: not a country a locative word places (في سوريا وباكستان)."""
        return w.actor_after(s, pos, limit, skip, among=named)

    def object_after(pos: int, limit: int, skip: Found | None) -> Found | None:
        """اتهم's accused: its object, no preposition's (اتهم الرئيس، في كلمة أمام الكونغرس،
        إيران بدعم الإرهاب: Iran, not Congress; but اتهمت حماس ضباطا في مخابرات السلطة: the
        body the accused serve in)."""
        return w.actor_after(s, pos, limit, skip, among=[f for f in named if f.start == pos
                                                           or not w.governed(s, f, locatives=False)])

    def who(pos: int, limit: int) -> Found | None:
        """Who accuses, after ``pos``: any actor, a bare head (ثم اتهمت الحركة) too; not a
        country or capital a locative word places (اتهمت أوساط سياسية في تل أبيب)."""
        return w.actor_after(s, pos, limit, among=[f for f in actors if not (
            f.only_a_place and not w.named_here(s, f))]) or w.appositive_person(s, pos)

    # (and a head alone that stands for a group named before: اتهمت الحكومة التنظيم الإرهابي)
    named = [f for f in actors if w.named_here(s, f) or f.recalled]

    out = []
    for m in w.labelled(s, "accusation"):
        if m.start in taken_nouns:
            continue
        noun = m.label == "accusation:noun"
        if not noun and w.lemma(m) == "حمل" and norm_set(w.lex["accusation"]["hallmarks"]) & w.words_after(s, m, 2):
            # هجوم يحمل بصمات بوكو حرام: the sentence's source blames the one whose hallmarks it bears
            out.append(accusation(w, s, m, s.reporter or w.doc_reporter, after(m.end, 3), attacks))
            continue
        passive = norm_set(w.lex["accusation"]["passive_auxiliaries"])
        if noun and m.start > s.start and w.doc[m.start - 1].norm_ in passive:
            continue  # تم اتهامه: who accuses is not named here
        if noun and _possessed(w, m) and (by := next((b for b in w.by_markers(s) if b.start in (m.end, m.end + 1)), None)):
            # استقال الوزير سليم بن علي بعد اتهامه من قبل حركة النهضة بالفساد: the one after the
            # by-marker accuses the one the pronoun stands for
            accuser = w.actor_after(s, by.end, 1, among=actors)
            earlier = [f for f in named if f.end <= m.start and not (accuser and same_actor(f.mention, accuser.mention))]
            out.append(accusation(w, s, m, accuser, _antecedent(w, m, earlier), attacks))
            continue
        if noun and _possessed(w, m) and (pair := _owner_pronoun_accuses(w, s, m, named)) is not None:
            out.append(accusation(w, s, m, *pair, attacks))
            continue
        holds = not noun and w.lemma(m) == "حمل"
        direct = not noun and w.lemma(m) == "اتهم"  # its accused is its object
        if w.needs_unmet(s, m, _accusation_needs(), HOLD_GAP if holds else 8) or _after_to(w, s, m) or (
                w.negated(s, m) and not (noun and _denied(w, s, m))):
            continue  # إلى تحمل المسؤولية: a call to bear it (responsibilities)
        if m.label == "accusation:participle":
            out.append(_participle(w, s, m, named, actors, attacks))
            continue
        if noun and (charged := _charged_before(w, s, m, actors)) is not None:
            # وجهت النيابة العامة لمحمد وهدان اتهامات بالتحريض: the one the charges were brought
            # to, named before them with ل or إلى, is accused by whoever brought them
            accuser = w.actor_before(s, charged.start, 4, among=[f for f in actors if f.end <= charged.start]) or s.reporter
            out.append(accusation(w, s, m, accuser, charged, attacks))
            continue
        if noun and m.end < s.end and w.doc[m.end].norm_ in norm_set(w.lex["accusation"]["pointing"]):
            # وجهت أنقرة أصابع الاتهام إلى الحزب: who points is named before, the accused after
            accuser = w.actor_before(s, m.start, 3, among=actors) or s.reporter
            # the pointing word is no locative: إلى باكستان names the accused, not a place
            pointed = w.actor_after(s, m.end + 1, 0, accuser, among=[f for f in actors if f.mention.via in ("registry", "metonym")])
            out.append(accusation(w, s, m, accuser, pointed or after(m.end + 1, 2, accuser), attacks))
            continue
        if noun and m.end < s.end and w.doc[m.end].norm_ in ("بان", "ان"):
            continue  # نفى إردوغان الاتهامات بأن تركيا تساعد داعش: what is said, not who says it
        if noun and (maker := _issued_by(w, s, m.end, None, actors)) is not None:
            # الاتهامات التي وجهها الرئيس التركي إلى ألمانيا: who made them accuses the one
            # after; with none there, the one who denies them (رفضت مصر الاتهامات التي جاءت
            # على لسان رئيس الوزراء الإثيوبي), not the one who condemns them
            # (إلى تركيا، لتركيا name the accused, as after أصابع الاتهام: no place; في دمشق does)
            to = w.actor_after(s, maker.end, 1, maker, among=[f for f in actors if w.named_here(s, f) or w.preposition(f.start) == "ل"
                                                            or w.doc[f.start - 1].norm_ == "الي"])
            out.append(accusation(w, s, m, maker, to or _denier(w, s, m, actors), attacks))
            continue
        if not noun and (rel := _object_pronoun(w, m)) is not None:
            # باكستان التي يتهمها تنظيم داعش بـ: the one after accuses the one the pronoun
            # stands for, named just before (أعضاء في فتح من أسرة حلس تتهمهم حماس); with none
            # named there, no one is accused (not the one before: the roles would be reversed)
            antecedent = w.actor_before(s, rel, 0 if rel < m.start else 3, among=actors)
            accuser = who(m.end, 2)
            if rel == m.start and w.doc[m.start].text.startswith("و"):
                # أغلقت السلطات المصرية مكتب القناة واتهمتها: the verb before's subject accuses
                # the one the pronoun agrees with, however far back
                earlier = [f for f in named if f.end <= m.start]
                antecedent = _antecedent(w, m, earlier)
                accuser = accuser or next((f for f in earlier if f is not antecedent), None)
            if antecedent is not None:
                out.append(accusation(w, s, m, accuser, antecedent, attacks))
            continue
        owner = who(m.end, 0) if noun else None
        if noun and owner is None and (state := adjective_actor(w, s, m.end)):
            # الاتهامات الروسية لأوكرانيا: the adjective's state accuses the one after it; in
            # نفت موسكو الاتهامات الأمريكية, the one who denies
            # (نفت إيران اتهامات أمريكية بتزويد الحوثيين: the charge follows, Iran is accused)
            accused = None if _charge_follows(w, s, state) else after(state.end, 2, state)
            accused = accused or w.actor_before(s, m.start, 1)
            out.append(accusation(w, s, m, state, accused, attacks))
            continue
        if owner and not w.preposition(owner.start) and _charge_follows(w, s, owner) and \
                w.doc[m.start].norm_.endswith("اتهام") and not _denied(w, s, m):
            # دعت واشنطن إلى اتهام روسيا بالتدخل: the masdar's object is accused, by whoever
            # is named just before it (not the source: متظاهرون معارضون للقرار واتهام الحكومة
            # بأنها، حسب مجلة سكرين: the protesters accuse)
            accuser = w.actor_before(s, m.start, 3, among=[f for f in actors if not f.latent])
            out.append(accusation(w, s, m, accuser, owner, attacks))
            continue
        if owner and not w.preposition(owner.start):
            # اتهامات الحكومة للمعارضة: the noun's owner accuses the one after it; in
            # نفت طالبان اتهامات الحكومة, the one before (who denies) is accused
            accused = None if _charge_follows(w, s, owner) else after(owner.end, 2, owner)
            # نفت طهران اتهامات واشنطن بدعم الحوثيين: Tehran (who denies) is accused, not the Houthis
            accused = accused or w.actor_before(s, m.start, 1)
            out.append(accusation(w, s, m, owner, accused, attacks))
            continue
        if not noun and (_first_person(w, m) or _said_of_itself(w, m)) and s.reporter is not None:
            # قال الوزير: نحمل الحكومة الإسرائيلية المسؤولية، أعلنت الحركة أنها تحمل: the one who speaks accuses
            out.append(accusation(w, s, m, s.reporter, after(m.end, 2, s.reporter), attacks))
            continue
        author = None if noun else _speech_author(w, s, m, actors)
        accuser = author or _subject_before(w, s, m, 0 if noun else 1, actors)
        accused = None
        if author is not None:  # أصدرت الحكومة بيانا اتهمت فيه إيران: the one named in it
            accused = after(m.end + 1, 2, author)
        elif accuser is None and (stmt := w.starts_with(s, "statement", m.end)):
            # وحمّل البيانُ تركيا المسؤولية: the statement's author accuses; اتهم المتحدث
            # باسم الجيش تركيا: the one the spokesman speaks for
            spokesman = w.speaks_for(s, stmt)
            accuser = spokesman or s.reporter or w.doc_reporter
            start = spokesman.end if spokesman else stmt.end
            if (own := w.actor_after(s, start, 1, among=actors)) is not None and own.mention.type == "person":
                # المتحدث باسم الجيش أحمد المسماري: the spokesman's own name, maybe with a first
                # name the tagger missed (الناطق باسم التحالف تركي المالكي)
                start = own.end
            accused = after(start, 4, accuser)
        elif accuser is None and holds and not noun and s.reporter is not None and m.start > s.start \
                and w.doc[m.start - 1].norm_.startswith("ال"):
            # قال الوزير إن التقرير يحمل شركة بوينغ المسؤولية: no actor holds; the one who speaks
            accuser = s.reporter
        elif accuser is None:
            first = who(m.end, 4)
            if noun and first is not None and any(t.text in "،,؛;" for t in w.doc[m.end:first.start]):
                first = None  # من هذه الاتهامات، وحينما حدث الغزو الأميركي: another clause's
            if noun and first and w.preposition(first.start) == "ل":
                accuser, accused = s.reporter, first  # اتهامات لتركيا: Turkey is accused
            elif w.lemma(m) == "اتهم" and first and (_charge_follows(w, s, first) or _is_charge(
                    w, s, _past_partners(w, s, first))):
                # دمشق ترد وساما فرنسيا وتتهم باريس بالتبعية: the one named before it accuses (a
                # capital opening the sentence too; not an adjective, which tells whose the thing
                # named there is), Paris is accused; كما اتهم الحزب وداعش بأن: both are
                # (nor a preposition's object: في التصدي للقاعدة واتهمت الحركة)
                subjects = [f for f in actors if (not f.latent or f.start == s.start) and f.mention.via != "adjective"
                            and not w.governed(s, f, locatives=False)]
                accuser = w.actor_before(s, m.start, 6, among=subjects)
                if accuser is None and m.end < first.start and w.bare_in(m.end, norm_set(w.lex["accusation"]["quantifiers"])):
                    continue  # وتتهم أغلب دول الخليج طهران: the subject is there, unnamed; no one who spoke before
                if accuser is None or any(t.norm_ == "ان" for t in w.doc[s.start:accuser.start]):
                    accuser = s.reporter  # قال السناتور إن إيران تنتهك...، واتهم الوزير: the one who spoke
                if accuser is None and m.start - s.start <= 1:
                    # قال أردوغان إن .... كما اتهم الحزب بأن: a sentence that opens with the verb
                    # goes on with the one who spoke just before
                    accuser = w.reporter_near(s.index)
                accused = first
            elif noun and first is not None and _indicted(w, s, m, first) and after(first.end, 3, first) is None:
                continue  # عقب اتهام رئيس الاتحاد جيفري ويب في مايو: he was charged, by no one named
            else:
                accuser = first
                accused = (object_after if direct else after)(_past_partners(w, s, first), 8, first) if first else None
                if accused is not None and _relative_after(w, s, first, accused):
                    accused = None  # واتهم تشافيز، الذي يرأس الاتحاد البوليفي، بالفساد: a passive
        else:
            accused = (object_after if direct else after)(max(m.end, _past_partners(w, s, accuser)), 8, accuser)
        past = accuser.end if accuser is not None and accuser.start >= m.end else m.end
        if accused is not None and _charge_between(w, s, m, past, accused.start):
            # اتهمت حماس ضباطا بمحاولة اغتيال الحمد الله: the victim of the charge; اتهامات وجهتها
            # له المحكمة بارتكاب جرائم ... أوباما: a name past the charge
            accused = None
        if accused is None and noun:
            accused = _relative_charged(w, s, m, actors)  # البشير الذي وجهت له المحكمة اتهامات
        if holds and (needed := _responsibility_word(w, s, m)) is not None:
            # حمّل X المسؤولية / حمّل المسؤولية الكاملة لـX: the one held is named right there;
            # حمّل مدير أمانة الرياض المواطنين المسؤولية holds no actor responsible
            def not_accuser(f: Found | None) -> Found | None:
                return None if f and accuser and (f.start < accuser.end or same_actor(f.mention, accuser.mention)) else f
            # (not the accuser right before it: حملت السلطة المسؤولية الكاملة لحكومة الاحتلال)
            accused = not_accuser(w.actor_before(s, _before_modifiers(w, s, needed), 0, among=named)) or not_accuser(
                w.actor_after(s, needed + 1, 2, among=named))
        out.append(accusation(w, s, m, accuser, accused, attacks))
    return [ev for ev in out if ev]


def _owner_pronoun_accuses(w: Window, s: Sentence, m: Match, named: list[Found]) -> tuple[Found, Found] | None:
    """رفضت المملكة تصريحات المالكي واتهامه لها (للمملكة) بتغذية الإرهاب: an accusation noun
    whose singular pronoun is its agent, with ل and whom it accuses right after it (not
    اتهامه بالفساد: the one accused). The pronoun stands for the person named last before it
    (else the nearest other actor of its gender, no outlet); لها or له for one his words were
    against (تصريحاته ضد المملكة واتهامه لها), else one named before him, who rejects or answers
    the accusation (not القاضي ... بعد اتهامه له: a judge, unnamed)."""
    if m.end >= s.end or w.doc[m.start].norm_.endswith(("هم", "هما")) or (
            w.preposition(m.end) != "ل" and not w.doc[m.end].norm_.startswith("ل")):
        return None
    earlier = [f for f in named if f.end <= m.start and f.mention.type != "media"]
    accuser = _antecedent(w, m, [f for f in earlier if f.mention.type == "person"] or earlier)
    if accuser is None:
        return None
    accused = next((f for f in named if f.start == m.end), None)
    if accused is None and w.doc[m.end].norm_ in ("له", "لها"):
        pronoun = Match(m.label, m.end, m.end + 1)
        against = [f for f in earlier if f.start >= accuser.end and w.governed(s, f, locatives=False)]
        accused = _antecedent(w, pronoun, against) or _antecedent(w, pronoun, [f for f in earlier if f.end <= accuser.start])
    return (accuser, accused) if accused is not None else None


def _charged_before(w: Window, s: Sentence, m: Match, actors: list[Found]) -> Found | None:
    """The actor right before accusation noun ``m`` that carries ل or follows إلى, when a
    charge follows the noun (وجهت النيابة لمحمد وهدان اتهامات بالتحريض، وجهت إلى X اتهامات بـ):
    whom the charges were brought to."""
    to = w.actor_before(s, m.start, 0, among=actors)
    if to is None or to.mention.type == "media" or not _is_charge(w, s, m.end):
        return None  # (نفى المتحدث لوكالة الأنباء اتهامات بـ: whom he told)
    # ...maybe past a person's title and its adjective (للناشط علاء عبد الفتاح، إلى الرئيس السوداني عمر البشير)
    heads = [i for i in range(max(s.start, to.start - 2), to.start + 1)
             if not any(t.is_punct for t in w.doc[i:to.start])]
    return to if any(w.preposition(i) == "ل" or (i > s.start and w.doc[i - 1].norm_ == "الي") for i in heads) else None


def _speech_author(w: Window, s: Sentence, m: Match, actors: list[Found]) -> Found | None:
    """Who made the statement, speech or letter an accusation verb is told in, by فيه or خلاله
    right after the verb (أصدرت الحكومة بيانا حملت فيه، بعثت الحكومة رسالة إلى مجلس الأمن تتهم
    فيها): the subject of the sentence's clause before it, not one named after a preposition."""
    if m.end >= s.end or w.doc[m.end].norm_ not in norm_set(w.lex["accusation"]["speech_relatives"]):
        return None
    return next((f for f in actors if f.end <= m.start and (not f.latent or w.named_here(s, f))
                 and not w.governed(s, f)), None)


def _before_modifiers(w: Window, s: Sentence, pos: int) -> int:
    """Where the adverbs and adjectives right before ``pos`` start (حمّل الحوثيون الأمم
    المتحدة «ضمنيا» مسؤولية، حملت الحكومة ميليشيا الحوثي الانقلابية مسؤولية: the one held
    is named before them), quotes around them included."""
    adverbs = norm_set(w.lex["accusation"]["adverbs"])
    while pos > s.start and (w.doc[pos - 1].norm_ in adverbs or w.doc[pos - 1].text in QUOTE_MARKS
                             or (w.adjective(w.doc[pos - 1]) and not any(f.start < pos <= f.end for f in s.founds))):
        pos -= 1
    return pos


def _relative_charged(w: Window, s: Sentence, m: Match, actors: list[Found]) -> Found | None:
    """The one a relative clause's pronoun stands for, when the accusation noun ``m`` is
    brought to that pronoun (عمر البشير الذي وجهت له المحكمة الجنائية الدولية اتهامات)."""
    pronouns = norm_set(w.lex["accusation"]["charged_pronouns"])
    at = next((i for i in range(m.start - 1, max(s.start, m.start - 7) - 1, -1) if w.doc[i].norm_ in pronouns), None)
    rel = next((j for j in range(at - 1, max(s.start, at - 3) - 1, -1) if w.doc[j].norm_ in w.relatives), None) \
        if at is not None else None
    return w.actor_before(s, rel, 0, among=actors) if rel is not None else None


def _participle(w: Window, s: Sentence, m: Match, named: list[Found], actors: list[Found],
                attacks: list[Event]) -> Event | None:
    """قال أردوغان إن بلاده لن تسكت، متهما واشنطن بدعم المسلحين / انتقد الوزير تركيا، متهما
    إياها: the sentence's source (or its first actor) accuses the one after the participle, or
    the one before it that إياه stands for. After a number it counts defendants (29 متهما)."""
    if m.start > s.start and (w.doc[m.start - 1].like_num or w.doc[m.start - 1].is_digit):
        return None
    # the first actor, when the sentence opens with it (انتقد الوزير تركيا، متهما): not one
    # named deep in it, the object of what its unnamed subject did (وجه طواف انتقادات للمبعوث X)
    before = [f for f in actors if f.end <= m.start and not f.latent and w.gap(s.start, f.start) <= 6]
    accuser = s.reporter or (before[0] if before else None)
    if m.end < s.end and w.doc[m.end].norm_.startswith("اياه"):
        # إياه stands for one named shortly before, not a country a preposition puts somewhere (لليمن)
        accused = next((f for f in reversed(named) if f.end <= m.start and w.gap(f.end, m.start) <= 12
                        and not w.preposition(f.start)
                        and not (accuser and same_actor(f.mention, accuser.mention))), None)
    elif m.end < s.end and w.doc[m.end].norm_.startswith("ب") and not w.doc[m.end].norm_.startswith("بعض"):
        # 590 شخصا متهمين بالارتباط بتنظيم داعش: the charge right after, so the participle
        # describes the one before it, here unnamed; the group named in the charge is not accused
        accused = w.actor_before(s, m.start, 0, among=named)
    else:
        accused = w.actor_after(s, m.end, 1, accuser, among=named)
    return accusation(w, s, m, accuser, accused, attacks)


def _responsibility_word(w: Window, s: Sentence, m: Match) -> int | None:
    """Where the المسؤولية that حمّل holds someone to stands, however far from the verb
    (حمّلت الحكومة في بيان صدر أمس عن مكتب الرئيس تنظيم داعش المسؤولية)."""
    needed = _accusation_needs().get(w.lemma(m), frozenset())
    words = 0
    for i in range(m.end, s.end):
        if w.doc[i].norm_ in needed:
            return i
        words += not w.doc[i].is_punct
        if words > HOLD_GAP:
            break
    return None


def _deed_after(w: Window, s: Sentence, m: Match, reach: int, labels: tuple[str, ...]) -> bool:
    """A word of one of ``labels`` (attack, crime, wrongdoing) starts within ``reach`` tokens
    after ``m`` (يقف وراء الهجوم، خطط للتفجير)."""
    return any(m.end <= a.start <= m.end + reach for label in labels for a in w.labelled(s, label))


def _named_and_adjectives(w: Window, s: Sentence, actors: list[Found]) -> list[Found]:
    """The actors named in sentence ``s`` and the states its country adjectives name, in
    order: who a criticism or a characterisation can blame (القرار الأمريكي، الضربات الروسية)."""
    return sorted([f for f in actors if w.named_here(s, f)] + w.adjective_actors(s), key=lambda f: f.start)


def behind_accusations(w: Window, s: Sentence, actors: list[Found], attacks: list[Event]) -> list[Event]:
    """قالت موسكو إن كييف تقف وراء الهجوم: the reported source accuses the subject."""
    out = []
    for m in w.labelled(s, "behind"):
        harmful = bool(w.words_after(s, m, 3) & norm_set(w.lex['accusation']['behind_what'])) or \
            _deed_after(w, s, m, 3, ("attack", "crime", "wrongdoing"))
        pos = m.start - 1 if m.start > s.start and w.doc[m.start - 1].norm_ in norm_set(w.lex["copulas"]) else m.start
        accused = w.actor_before(s, pos, 0, among=actors)  # الحوثيين هم المسؤولون عن: past the pronoun
        if harmful and accused is not None and not w.negated(s, m) and s.reporter is not None:
            out.append(accusation(w, s, m, s.reporter, accused, attacks))
    return [ev for ev in out if ev]


def designations(w: Window, s: Sentence, actors: list[Found], attacks: list[Event]) -> list[Event]:
    """تعتبر تركيا الوحدات تنظيما إرهابيا / وتعتبره أنقرة وواشنطن تنظيما إرهابيا."""
    out = []
    for m in w.labelled(s, "designation"):
        terror = next((t for t in w.labelled(s, "terror") if m.end <= t.start <= m.end + 12), None)
        if terror is None or w.negated(s, m):
            continue
        between = [f for f in actors if m.end <= f.start and f.end <= terror.start]
        if m.label == "designation:noun":
            # قيام الولايات المتحدة بتصنيف الجماعة منظمة إرهابية: who designates is named before
            # the noun (or is the source), the one designated between it and the terror word
            accusers = [a for a in [w.actor_before(s, m.start, 2, among=actors) or s.reporter] if a]
            accused = between[0] if between else None
        elif w.doc[m.start].norm_.endswith(("ه", "ها", "هم")):
            named = [f for f in w.actors(s) if f.end <= m.start and w.named_here(s, f)]
            accused, accusers = _antecedent(w, m, named), between
            if not accusers and len(named) > 1:  # وتركيا غاضبة من دعم الوحدات، إذ تعتبرها إرهابية
                accusers = named[-2:-1]
        elif len(between) == 1 and (subject := _subject_before(w, s, m, 1, actors)) is not None:
            accusers, accused = [subject], between[0]  # واشنطن تصنف الحزب منظمة إرهابية: the subject first
        else:
            if len(between) > 1 and _office_holder(w, s, between[0], between[1]):
                between = between[1:]  # اعتبر الأمين العام لجامعة الدول العربية أحمد أبو الغيط: its holder speaks
            accusers, accused = between[:1], (between[1] if len(between) > 1 else None)
        out += [accusation(w, s, m, a, accused, attacks) for a in accusers]
    return [ev for ev in out if ev]


def characterisations(w: Window, s: Sentence, actors: list[Found], attacks: list[Event]) -> list[Event]:
    """وصفت دمشق الضربات الأمريكية بأنها عدوان، قال الوزير إن تصريحات رئيس الوزراء البولندي
    معادية للسامية: who calls another's deed a wrong accuses its doer (lexicon
    characterised_deeds, wrong_words)."""
    named = _named_and_adjectives(w, s, actors)
    callings = [m for m in w.labelled(s, "designation") if m.label != "designation:noun"
                and not w.doc[m.start].norm_.endswith(("ه", "ها", "هم")) and not w.negated(s, m)]
    out = []
    for deed in w.labelled(s, "deed"):
        wrong = next((t for t in w.labelled(s, "wrong") if deed.end < t.start <= deed.end + CALLED_REACH
                      and not any(x.text in CLAUSE_BREAKS for x in w.doc[deed.end:t.start])), None)
        # its doer right after it (not past a title: تعليقات رئيس الوزراء البولندي names the man)
        doer = next((f for f in named if f.start == deed.end and not w.titled(f)), None)
        if wrong is None or doer is None or doer.end > wrong.start:
            continue
        calling = next((m for m in callings if m.end <= deed.start and w.gap(m.end, deed.start) <= 6), None)
        if calling is not None:  # وصفت دمشق الضربات: who calls them so
            accuser = _subject_before(w, s, calling, 1, actors) or w.actor_after(s, calling.end, 4, among=actors)
        elif s.reporter is not None and any(t.norm_ in w.complementizers or t.text in OPENING_QUOTES or t.text == ":"
                                            for t in w.doc[max(s.start, deed.start - 2):deed.start]):
            accuser = s.reporter  # قال الوزير إن تصريحات X معادية، قال: "تصريحات X...": the one who says so
        else:
            continue
        if accuser is not None and not same_actor(accuser.mention, doer.mention):
            out.append(accusation(w, s, calling or deed, accuser, doer, attacks))
    return [ev for ev in out if ev]


def _deed_doer(w: Window, s: Sentence, m: Match, f: Found) -> bool:
    """``f``, named past the criticism verb ``m`` right after an indefinite noun and followed by
    ل, is the doer of that deed (أدانت القمة احتلال إيران للجزر، دان الرئيس قصف تركيا لقرى): not
    a title's holder (أدان رئيس الوزراء X)."""
    if f.start <= m.end or f.end >= s.end or w.preposition(f.end) != "ل" or w.doc[f.start - 1].is_punct:
        return False
    word = w.doc[f.start - 1].norm_  # the deed noun, indefinite: its doer follows it
    return not (word in w.titles or word in w.appositive_titles or word in w.honorifics or word.startswith("ال"))


def _indicted(w: Window, s: Sentence, m: Match, first: Found) -> bool:
    """The person named after the bare masdar اتهام (no plural, no ل object after the name:
    عقب اتهام رئيس الاتحاد جيفري ويب) is the one charged, where no one is named next as the
    accused (اتهام الرئيس نائبه السابق بالتخطيط، اتهام الحكومة للمعارضة: they accuse)."""
    return (w.doc[m.start].norm_.removeprefix("ال").removeprefix("ب").removeprefix("ل") == "اتهام"
            and first.mention.type == "person" and not (first.end < s.end and w.preposition(first.end) == "ل")
            and not w.relative_between(first.end, min(first.end + 2, s.end)))  # (سلفا كير الذي ينتمي...، نائبه)


def _office_holder(w: Window, s: Sentence, body: Found, person: Found) -> bool:
    """``person`` holds the office of ``body`` named with ل right before (الأمين العام لجامعة
    الدول العربية أحمد أبو الغيط): one speaker, not two sides."""
    return person.mention.type == "person" and w.preposition(body.start) == "ل" and _in_apposition(w, s, body, person)


def criticisms(w: Window, s: Sentence, actors: list[Found], attacks: list[Event]) -> list[Event]:
    """Criticism or condemnation that names who did wrong: انتقد الحلف روسيا، أدان عريقات القرار
    الأمريكي، تعرضت بولندا لانتقادات من الولايات المتحدة. One that names no culprit (أدانت
    مصر الهجوم) is no accusation: the accused is an actor named right after the verb (or its
    subject), or a country adjective on the verb's object."""
    named = _named_and_adjectives(w, s, actors)
    out = []
    for m in w.labelled(s, "criticism"):
        if w.negated(s, m) or _owes(w, s, m):
            continue
        by = m.end  # (past its adjectives: انتقادات شديدة من)
        while by < s.end and w.bare_in(by, norm_set(w.lex["accusation"]["criticism_adjectives"])):
            by += 1
        if m.label == "criticism:noun" and by < s.end and w.doc[by].norm_ == "من":
            # لانتقادات من X، يواجه X انتقادات حادة من Y: Y criticises the one named before
            accuser = w.actor_after(s, by + 1, 0, among=actors)
            accused = w.actor_before(s, m.start, 2, among=named)
        elif m.label == "criticism:noun" and (owner := _condemning_owner(w, s, m, actors)):
            # جدد المجلس إدانة السعودية واستنكارها للجريمة: the noun's owner condemns; لما أقدمت
            # عليه قوات الاحتلال: the one named past what was done
            done = next((c.end for c in w.labelled(s, "commit") if c.start == owner.end + 1
                         and w.bare_in(owner.end, frozenset({"ما", "لما", "بما"}))), owner.end)
            accuser, accused = owner, w.actor_after(s, done, 2, owner, among=named)
        elif m.label == "criticism:noun":
            # إدانة عنف النظام السوري: who condemns stands before the noun, or is the source
            accuser = w.actor_before(s, m.start, 2, among=actors) or s.reporter
            # وجهت روسيا انتقادات (حادة) إلى أوكرانيا: the country إلى points the criticism at
            addressed = [f for f in actors if f not in named and f.start > m.end and w.doc[f.start - 1].norm_ == "الي"
                         and w.gap(m.end, f.start - 1) <= 1]
            accused = w.actor_after(s, m.end, 2, accuser, among=[f for f in named + addressed
                                                                  if _may_be_condemned(w, accuser, m.end, f, noun=True)])
            to = next((i for i in range(m.end, min(m.end + 2, s.end)) if w.doc[i].norm_ == "الي"), None)
            if accused is None and to is not None:  # انتقادات حادة إلى رئيس الحكومة سعد الحريري
                accused = _titled_after(w, s, to + 1, [f for f in named if f is not accuser])
            if accused is None and accuser is not None:
                # أعرب الائتلاف عن إدانته للهجمات التي يشنها حزب الله: who did the attack condemned
                accused = _attacker_condemned(w, s, m.end, attacks)
        elif _first_person(w, m) and s.reporter is not None:
            # قال الوزير: «ندين نظام الأسد»: the one who speaks condemns
            accuser, after = s.reporter, _past_aside_and_adverbs(w, s, m.end)
            accused = w.actor_after(s, after, 4, accuser, among=[f for f in named if _may_be_condemned(w, accuser, after, f)])
        else:
            # who condemns stands before the verb in its clause (غضب طهران، حيث انتقد البرلمان: not
            # Tehran), else after it; a title may stand before the name (دان رئيس الوزراء الإسرائيلي، بنيامين نتنياهو)
            accuser = _subject_before(w, s, m, 1, actors) or w.actor_after(s, m.end, 4, among=actors)
            if accuser is not None and accuser.start >= m.end and w.relative_between(m.end, accuser.start):
                accuser = None  # انتقدت الحكومة، التي يترأسها الثني،: the one its relative clause names
            if accuser is not None and accuser.start - 1 >= m.end and w.bare_in(accuser.start - 1, _owned_deeds(w)):
                continue  # انتقدت موقف شيرمان، انتقدت دعوة المملكة: whose stance is criticised; who criticises is unnamed
            if accuser is not None and _deed_doer(w, s, m, accuser):
                continue  # أدانت القمة احتلال إيران للجزر: Iran did the deed, whoever condemns it is not named as an actor
            after = _past_partners(w, s, accuser) if accuser and accuser.start >= m.end else m.end
            after = _past_aside_and_adverbs(w, s, after)
            # (not the body the condemner sits in: دان أعضاء مجلس الأمن بالأمم المتحدة التفجير;
            # but ندد takes its object with ب: ندد المجلس بإسرائيل)
            # (nor whom the condemned attack hit: استنكرت الحكومة اغتيال زعيم حركة حماس)
            hit = [a.target for a in attacks if a.target is not None and a.trigger.sentence == s.index
                   and not (accuser is not None and a.perpetrator is accuser.mention)]  # (a verb misread)
            condemnable = [f for f in named if _may_be_condemned(w, accuser, after, f) and not (
                accuser is not None and f.start == accuser.end and w.preposition(f.start) == "ب" and w.lemma(m) != "ندد")
                and not any(t is f.mention for t in hit)]
            accused = _condemned_after(w, s, after, accuser, condemnable)
            named_subject = accuser is not None and accuser.start == m.end and accuser.mention.via != "adjective"
            if accused is not None and accuser is not None and accused.mention.type == "person" and not named_subject \
                    and accuser.mention.type != "person" and (
                    w.gap(accuser.end, accused.start) == 0 or w.titled(accuser) or _office_holder(w, s, accuser, accused)
                    or any(t.norm_ in w.appositive_titles for t in w.doc[max(s.start, accuser.start - 3):accuser.start])
                    or w.doc[accused.start - 1].norm_ in w.honorifics) and _in_apposition(w, s, accuser, accused):
                # ندد رئيس البرلمان العراقي سليم الجبوري، استنكر مفتي مصر الدكتور شوقي علام، ندد
                # المبعوث الخاص للأمم المتحدة في ليبيا X: the
                # name is who speaks, not the accused (but دانت محكمة مصرية الناشط X: X is; and
                # a name right after the verb is its subject: انتقد أوباما نتنياهو)
                accuser, accused = accused, _condemned_after(w, s, accused.end, accused, named)
            if accused is None and accuser is not None:
                # دانت الجامعة التصريحات العنصرية التي صدرت عن الوزير X: who made the statement
                # condemned; أدانت الإمارات التفجير الذي استهدف مسجدا وتبناه داعش: who did the attack
                accused = _issued_by(w, s, after, accuser, condemnable) or _attacker_condemned(w, s, after, attacks)
        out.append(accusation(w, s, m, accuser, accused, attacks))
    return [ev for ev in out if ev]


def _owes(w: Window, s: Sentence, m: Match) -> bool:
    """يدين (present of دان and of أدان) with ب for what is owed and إلى or ل for to whom (يدين
    آرسنال بتتويجه إلى اليكس، تدين له بالفضل): owing, no condemnation (but تدين مصر بشدة
    الهجوم، بأشد العبارات; nor a charge: تدين المحكمة المتهم بتهمة الانتماء إلى)."""
    if w.lemma(m) not in norm_set(w.lex["accusation"]["owe_verbs"]) or not w.doc[m.start].norm_.startswith(("ي", "ت")):
        return False
    manner = norm_set(w.lex["accusation"]["adverbs"]) | norm_set(w.lex["accusation"]["condemnation_manner"])
    charged = {i for c in w.labelled(s, "charge") for i in range(c.start, c.end)}
    owed = next((i for i in range(m.end, min(m.end + 4, s.end)) if w.doc[i].norm_.startswith("ب")
                 and len(w.doc[i].norm_) > 3 and w.doc[i].norm_ not in manner and i not in charged), None)
    return owed is not None and any(w.doc[j].norm_ == "الي" or w.doc[j].norm_.startswith("ل")
                                    for j in list(range(owed + 1, min(owed + 4, s.end))) + [owed - 1])


def _issued_by(w: Window, s: Sentence, pos: int, accuser: Found, among: list[Found]) -> Found | None:
    """The actor a relative clause right after a criticism verb's object says made it (التصريحات
    العنصرية التي صدرت عن X، المواقف التي أطلقها X، التي أدلى بها X)."""
    verbs = norm_set(w.lex["accusation"]["issuing_verbs"])
    rel = next((i for i in range(pos, min(pos + 4, s.end - 1)) if w.doc[i].norm_ in w.relatives), None)
    if rel is None or w.doc[rel + 1].norm_ not in verbs:
        return None
    start = rel + 2
    while start < s.end and w.doc[start].norm_ in ("عن", "بها", "به", "علي", "لسان"):
        start += 1  # التي صدرت عن X، التي جاءت على لسان X
    return w.actor_after(s, start, 1, accuser, among=among) or _titled_after(w, s, start, among)


def _kin_named(w: Window, s: Sentence, f: Found) -> bool:
    """Person ``f`` only names whose kin is meant (شقيق العقيد حسان الشيخ، جد الطالب فهد): a
    kin word right before him, or before his rank, honorific or what he is (الطالب، الضحية);
    not أم، ابن that open a name (أم سياف)."""
    if f.mention.type != "person":
        return False
    i = f.start - 1
    while i > max(s.start, f.start - 3) and (w.doc[i].norm_ in w.honorifics or w.doc[i].norm_ in w.titles
                                             or w.doc[i].norm_.startswith("ال")):
        i -= 1
    return i >= s.start and w.bare_in(i, norm_set(w.lex["accusation"]["kin_words"]))


def _in_title(w: Window, s: Sentence, f: Found) -> bool:
    """``f`` is a title word itself (إمام) or the body in a title opened just before it
    (المتحدث الرسمي لوزارة العدل): part of how a person is introduced; not a person named
    after his title (النائب اللبناني خالد الضاهر ميشال عون: a second person follows)."""
    titles = w.appositive_titles
    return all(t.norm_ in titles for t in w.doc[f.start:f.end]) or f.mention.type != "person" and any(
        t.norm_ in titles for t in w.doc[max(s.start, f.start - 2):f.start])


def _in_apposition(w: Window, s: Sentence, f: Found, g: Found) -> bool:
    """Only a comma, an honorific, a title, where (في باكستان، بالمنطقة الشرقية) or the rest of
    a body's name (المجلس الأعلى للقضاء) stands between ``f`` and the person ``g``: g names f
    (رئيس الجامعة في باكستان الدكتور X); not past a deed (بشدة تصريحات رئيس الوزراء X: X said them)."""
    words = w.honorifics | w.appositive_titles | {"في"}  # (وخطيب: titles joined by و)
    inside = {i for h in s.founds for i in range(h.start, h.end)}
    return all(t.is_punct or w.bare_in(t.i, words) or t.i in inside or w.adjective(t)
               or t.text.startswith("لل") or w.preposition(t.i) in ("ب", "ل") for t in w.doc[f.end:g.start])


def _past_aside_and_adverbs(w: Window, s: Sentence, pos: int) -> int:
    """Past a relative clause set off by commas (أدان المجلس، الذي يتخذ من عمان مقرا له،),
    adverbs (بشدة) and how it was said (في بيان على موقعها): where what is condemned is named."""
    if pos + 1 < s.end and w.doc[pos].text in "،," and w.doc[pos + 1].norm_ in w.relatives:
        pos = next((i + 1 for i in range(pos + 2, min(pos + 16, s.end)) if w.doc[i].text in "،,"), pos)
    adverbs = norm_set(w.lex["accusation"]["adverbs"])
    while pos < s.end and (w.doc[pos].norm_ in adverbs or w.doc[pos].text in "،,"):
        pos += 1
    if pos + 1 < s.end and w.doc[pos].norm_ in ("في", "عبر") and w.doc[pos + 1].norm_ in norm_set(w.lex["said_in"]):
        pos += 2  # في بيان على موقعها الإلكتروني: how it was said
        published = norm_set(w.lex["said_in_published"])
        tail = norm_set(w.lex["said_in_tail"]) | published
        while pos < s.end and w.doc[pos].norm_ in tail:
            pos += 1
            outlet = next((f for f in s.founds if f.start == pos and f.mention.type == "media"), None)
            if w.doc[pos - 1].norm_ in published and outlet is not None:
                pos = outlet.end  # نشرته وكالة الأنباء السعودية: the outlet that carried it
    return pos


def _condemned_after(w: Window, s: Sentence, pos: int, accuser: Found | None, among: list[Found]) -> Found | None:
    """Who is condemned, named a few words after ``pos``, or a person past a title: the person
    the title's state names (تصريحات رئيس الوزراء العراقي السابق نوري المالكي: his, not Iraq's)."""
    accused = w.actor_after(s, pos, 4, accuser, among=among)
    titled = _titled_after(w, s, pos, among)
    if accused is None or (titled is not None and accused.mention.type != "person"
                           and accused.end <= titled.start and w.gap(accused.end, titled.start) <= 2):
        return titled
    return accused


def _titled_after(w: Window, s: Sentence, pos: int, among: list[Found]) -> Found | None:
    """A person named past a deed noun and a title (تصريحات نائب رئيس الجمهورية العراقي نوري
    المالكي): further than a bare name may be, but in one phrase."""
    def one_phrase(f: Found) -> bool:  # (a comma may set the name off: زعيم التيار، العماد ميشال عون)
        marks = [t.i for t in w.doc[pos:f.start] if t.is_punct]
        return not marks or (len(marks) == 1 and w.doc[marks[0]].text in "،," and all(
            t.norm_ in w.titles or t.norm_ in w.honorifics for t in w.doc[marks[0] + 1:f.start]))

    return next((f for f in among if f.mention.type == "person" and pos < f.start and w.gap(pos, f.start) <= 7
                 and any(w.doc[i].norm_ in w.titles or w.doc[i].norm_ in w.appositive_titles for i in range(pos, f.start))
                 and one_phrase(f)), None)


def _attacker_condemned(w: Window, s: Sentence, pos: int, attacks: list[Event]) -> Found | None:
    """The perpetrator, named in this sentence, of the attack a criticism verb's object names
    (within two words of ``pos``, past an adverb: أدانت بشدة الهجوم)."""
    for i in range(pos, min(pos + 3, s.end)):
        start, end = w.doc[i]._.offset, w.doc[i]._.offset + len(w.doc[i].text)
        attack = next((a for a in attacks if a.trigger.sentence == s.index and start <= a.trigger.start < end), None)
        if attack is not None and attack.perpetrator is not None:
            return next((f for f in s.founds if f.mention is attack.perpetrator), None)
    return None


def _may_be_condemned(w: Window, accuser: Found | None, after: int, f: Found, noun: bool = False) -> bool:
    """Not the adjective of the condemner's own name (أدانت نقابة الصحفيين اليمنيين: Yemen is
    not condemned), nor of a noun past a criticism ``noun``'s object, nor the owner of a facility
    hit, nor the audience (أمام اللجنة), nor an outlet further than a word on (ودانت المنامة في
    نبأ أوردته وكالة الأنباء: the agency reports)."""
    if accuser is not None and f.mention.via == "adjective" and f.start == accuser.end:
        return False
    if w.owns_facility(f):
        return False  # تدين تفجير مسجد قوات الطوارئ: the mosque's owner was hit
    if f.mention.via == "adjective" and _victims_side(w, f):
        return False  # تدين جريمة حرق طفل فلسطيني: the victim's people
    if any(w.bare_in(i, norm_set(w.lex["accusation"]["meeting_words"]), "وفبل") for i in range(max(after, f.start - 5), f.start)):
        return False  # أدان في تصريح عقب لقائه بوزير الخارجية الإيطالي: whom he met
    audience = next((i for i in range(after, f.start) if w.doc[i].norm_ == "امام"), None)
    if audience is not None and not any(w.preposition(i) == "ب" for i in range(audience + 1, f.start)):
        return False  # ندد الوزير أمام لجنة الدفاع في مجلس الشيوخ بـ: the audience, not the one condemned
    if noun and f.mention.via == "adjective" and not all(w.doc[i].norm_.endswith(w.nisba) for i in range(after + 1, f.start)):
        return False  # استنكارا وطنيا وموقفا بحرينيا: the adjective of a noun after the criticism's object
    s = w.sentences[f.mention.span.sentence]
    if any(after <= r.start < f.start and w.doc[r.start].text.startswith("و") for r in w.labelled(s, "reporting")):
        return False  # ودانت الحكومة الهجوم وأعرب الوزير X عن: the subject of the next clause's verb
    return f.mention.type != "media" or w.gap(after, f.start) <= 1


def _owned_deeds(w: Window) -> frozenset[str]:
    """Nouns whose owner, named right after, did or holds them (تصريحات نتنياهو، موقف واشنطن)."""
    return norm_set(w.lex["accusation"]["characterised_deeds"]) | norm_set(w.lex["accusation"]["stance_nouns"])


def _victims_side(w: Window, f: Found) -> bool:
    """The country adjective ``f`` is on the object of a deed (حرق طفل فلسطيني، قتل الجندي
    الإسرائيلي، اغتيال الصحفي الفلسطيني): it names whom it was done to, not who did it."""
    noun = f.start - 1
    while noun > 0 and w.doc[noun].norm_.endswith(w.nisba) and w.doc[noun - 1].norm_.endswith(w.nisba):
        noun -= 1  # past other adjectives (طفل رضيع فلسطيني is not caught: رضيع is no nisba)
    s = w.sentences[f.mention.span.sentence]
    if f.end < s.end and w.doc[f.end].text.endswith(("ا", "اً")) and w.doc[f.end].is_alpha:
        return False  # قتل جندي إسرائيلي طفلا فلسطينيا: an object follows, so the soldier did it
    deeds = {m.end for m in s.matches if m.label.startswith(("attack:noun", "outcome:"))}
    return noun - 1 >= s.start and (noun in deeds or w.bare_in(noun - 1, norm_set(w.lex["accusation"]["deeds_on_people"])))


def _condemning_owner(w: Window, s: Sentence, m: Match, actors: list[Found]) -> Found | None:
    """The actor right after a criticism noun, when what is condemned follows it with ل (or بال:
    تنديد السعودية بالأعمال) or another criticism noun (إدانة السعودية للجريمة، إدانة مصر
    واستنكارها), or whom it is against follows ضد: it owns the noun as the one who condemns, not
    as the one condemned (إدانة إسرائيل)."""
    # انتقادات الإعلامي المصري إبراهيم عيسى ضد السعودية: the critic, past a title, before ضد
    critic = w.actor_after(s, m.end, 3, among=[f for f in actors if not f.latent])
    if critic is not None and critic.end < s.end and w.doc[critic.end].norm_ in ("ضد", "تجاه") \
            and not any(t.is_punct for t in w.doc[m.end:critic.start]):
        return critic
    owner = w.actor_after(s, m.end, 0, among=actors)
    if owner is None or w.preposition(owner.start) or owner.end >= s.end:
        return None
    nxt = w.doc[owner.end]
    # not بال after إدانة: إدانة المتهم بالقتل is his conviction
    objects = ("ل", "بال") if w.lemma(m) != "ادانه" else ("ل",)
    return owner if nxt.text.startswith(objects) or any(
        c.start == owner.end for c in w.labelled(s, "criticism")) else None


def crimes(w: Window, s: Sentence, actors: list[Found], attacks: list[Event]) -> list[Event]:
    """A crime or massacre that names who committed it accuses them, in the words of the
    sentence's source: جرائم الاحتلال، جرائم الحرب الإسرائيلية، جريمة جديدة لطائرات التحالف،
    الجريمة التي ارتكبتها الحركة، ارتكبت الميليشيا مجزرة. One that names no culprit (جريمة
    قتل، مجزرة في القرية) or only its victim (جريمة اغتيال الوزير) accuses nobody."""
    accuser = s.reporter or _condemner_before(w, s, actors)
    if accuser is None:
        return []
    # who can be named as the culprit: not a country a locative word places (جرائم في سوريا),
    # but a head word referring back (جرائم النظام، الجريمة التي ارتكبتها الحركة)
    named = sorted([f for f in actors if w.named_here(s, f) or f.mention.via == "pattern"]
                   + w.adjective_actors(s), key=lambda f: f.start)
    commits = w.labelled(s, "commit")
    done_by = w.labelled(s, "by_marker")  # شنته، نفذتها: a verb whose pronoun is the deed
    against = norm_set(w.lex["against_words"])
    wars = norm_set(w.lex["war_words"])
    out = []
    for m in w.labelled(s, "crime"):
        if w.negated(s, m):
            continue
        if m.end < s.end and w.bare_in(m.end, against, "وفب"):
            named_here = [f for f in named if f.start != m.end + 1]  # انتهاكات بحق الفلسطينيين: the victims
        else:
            named_here = named
        culprit = w.actor_after(s, m.end, 0, among=named_here)  # جرائم الاحتلال
        if culprit is None:  # جرائم الحرب الإسرائيلية: a country adjective on the noun, maybe past a
            # war word (not on the noun's object: انتهاك السيادة العراقية, the sovereignty is Iraqi)
            culprit = next((f for f in w.adjective_actors(s) if m.end <= f.start and f in named_here
                            and all(t.norm_ in wars for t in w.doc[m.end:f.start])), None)
        if culprit is None:  # جريمة جديدة لطائرات التحالف: the one it is "of"
            words = [i for i in range(m.end, min(m.end + 4, s.end)) if not w.doc[i].is_punct][:2]
            lam = next((i for i in words if w.doc[i].text.startswith("ل") and w.doc[i]._.clitic), None)
            culprit = w.actor_after(s, lam, 1, among=named_here) if lam is not None else None
        if culprit is None:  # الجريمة التي ارتكبتها الحركة، العدوان الذي شنته: the one who committed it
            c = next((c for c in commits + done_by if m.end <= c.start and w.gap(m.end, c.start) <= 4), None)
            culprit = w.actor_after(s, c.end, 1, among=named_here) if c else None
            # الجرائم التي تم ارتكابها في اليمن من قبل الميليشيات: the agent of the passive
            by = next((b for b in done_by if c and c.end <= b.start and w.gap(c.end, b.start) <= 4
                       and not any(t.is_punct for t in w.doc[c.end:b.start])), None)
            culprit = culprit or (w.actor_after(s, by.end, 1, among=named_here) if by else None)
        if culprit is None:  # ارتكبت الميليشيا مجزرة / الميليشيا ارتكبت مجزرة
            c = next((c for c in commits if c.end <= m.start and w.gap(c.end, m.start) <= 4), None)
            culprit = w.actor_after(s, c.end, 2, among=named_here) if c else None
            if culprit is not None and culprit.start >= m.start:
                culprit = None
            if c is not None and culprit is None:
                culprit = _subject_before(w, s, c, 0, named_here)
        if culprit is None and _possessed(w, m):  # محاكمة إسرائيل على جرائمها: whose crimes they are
            # (not across أن: الإرهابيين يعتقدون بأنهم بجريمتهم, the new clause's subject, unnamed)
            culprit = _antecedent(w, m, [f for f in named_here if f.end <= m.start and f is not accuser
                                         and not any(t.norm_ in w.complementizers for t in w.doc[f.end:m.start])])
        out.append(accusation(w, s, m, accuser, culprit, attacks))
    return [ev for ev in out if ev]


def _condemner_before(w: Window, s: Sentence, actors: list[Found]) -> Found | None:
    """Who condemns, where a criticism verb opens the sentence's deed (استنكر مفتي مصر
    الدكتور شوقي علام الجريمة التي ارتكبها مستوطنون), or demands about it (طالبت الحكومة
    بالتحقيق في جرائم الحوثيين): its subject, maybe past a title."""
    verb = next((c for c in w.labelled(s, "criticism:verb") + w.labelled(s, "demand") if not w.negated(s, c)), None)
    if verb is None:
        return None
    named = [f for f in actors if not f.latent or w.named_here(s, f)]
    after = [f for f in named if verb.end <= f.start and w.gap(verb.end, f.start) <= 4]
    person = next((f for f in after if f.mention.type == "person"), None)  # the mufti, not Egypt
    return _subject_before(w, s, verb, 1, named) or person or (after[0] if after else None)


def charges(w: Window, s: Sentence, actors: list[Found], attacks: list[Event]) -> list[Event]:
    """اعتقال X بتهمة، فرض عقوبات على X بتهمة، وجهت النيابة تهمة إلى X، X المتهم بـ: the one
    charged is an actor named right before the charge, or after إلى/ضد/لـ; who charges is the
    subject before it (a court, a prosecutor, a state), else the sentence's source. A complaint
    (قدم المحامي X بلاغا ضد Y) is against the one named after ضد, by the one named just before."""
    named = [f for f in actors if w.named_here(s, f)]
    pointing = norm_set(w.lex["accusation"]["pointing"])
    out = []
    for m in w.labelled(s, "charge"):
        if w.negated(s, m):
            continue
        # the marker may follow what the charge is (وجهت النيابة تهمة التخابر إلى X)
        # ...or end the phrase (بلاغا ضد X)
        marker = next((i for i in range(m.end - 1, min(m.end + CHARGE_NAME + 1, s.end))
                       if w.doc[i].norm_ in pointing or w.doc[i].is_punct), None)
        if marker is not None and w.doc[marker].is_punct:
            marker = None
        accused = w.actor_after(s, marker + 1, 3, among=named) if marker is not None else None
        if accused is not None and w.relative_between(marker + 1, accused.start):
            accused = None  # شكوى ضد الممثل الذي أهان بلاتر: the one insulted, not charged
        if m.end < s.end and w.doc[m.end].norm_ in norm_set(w.lex["accusation"]["charge_passives"]):
            continue  # التهم الموجهة إليه: charges brought by no one named
        if accused is None and (by_pronoun := _charged_by_pronoun(w, s, m, actors, attacks)) is not None:
            out.append(by_pronoun)
            continue
        complaint = marker == m.end - 1
        if accused is None and not complaint:
            accused = w.actor_before(s, m.start, 3, among=named)
            if accused is not None and accused.start > s.start and w.doc[accused.start - 1].norm_ == "الي":
                # أحال النائب العام المتهمين من الجماعة إلى محكمة الجنايات بتهمة: the court they
                # are sent to is not charged; those sent, named before it, are
                accused = w.actor_before(s, accused.start - 1, 3, among=named)
        if accused is None:
            continue
        if not complaint and _decides(w, accused):
            # القبض على X تنفيذا لقرار النيابة العامة بضبطه بتهمة: the prosecution decided; the one
            # seized is named before its decision
            accused, accuser = w.actor_before(s, accused.start - 1, 3, among=named), accused
        else:
            before = [f for f in actors if f.end <= accused.start and not same_actor(f.mention, accused.mention)]
            if complaint:  # قدم المحامي X بلاغا ضد: who files it is named right before
                accuser = w.actor_before(s, m.start, 3, among=actors) or s.reporter
            else:
                accuser = before[0] if before else s.reporter
            if accuser is not None and _seized(w, s, accuser):
                # اعتقل X مع ستة مسؤولين آخرين في الفيفا بتهم الرشوة: X was arrested, and charged
                accuser, accused = s.reporter, accuser
        if accused is None:
            continue
        out.append(accusation(w, s, m, accuser, accused, attacks))
    return [ev for ev in out if ev]


def _decides(w: Window, f: Found) -> bool:
    """``f`` is named right after a noun of deciding or ordering (لقرار النيابة العامة، بأمر من
    المحكمة): the one who decided, not the one charged."""
    words = norm_set(w.lex["accusation"]["decision_nouns"])
    i = f.start - 1
    if i >= 0 and w.doc[i].norm_ == "من":
        i -= 1
    return i >= 0 and w.bare_in(i, words, "لب")


def _seized(w: Window, s: Sentence, f: Found) -> bool:
    """``f`` comes right after a verb or noun of arresting (اعتقل X، القبض على X): the one held."""
    return any(c.end == f.start or (c.end + 1 == f.start and w.doc[c.end].norm_ == "علي")
               for c in w.labelled(s, "outcome:captured"))


def _charged_by_pronoun(w: Window, s: Sentence, m: Match, actors: list[Found], attacks: list[Event]) -> Event | None:
    """وجهت له النيابة تهمة القتل، قدمت ضدها لائحة اتهام، توجيه الاتهام إليه: the one charged
    is a pronoun beside the charge, standing for the person named last before it (in this
    sentence or the one before: only one may be); who charges is named between the pronoun and
    the charge, else the sentence's source, else named first in the sentence."""
    pronouns = norm_set(w.lex["accusation"]["charged_pronouns"])
    at = next((i for i in range(max(s.start, m.start - 3), min(m.end + CHARGE_NAME + 1, s.end))
               if w.doc[i].norm_ in pronouns), None)
    if at is None:
        return None
    earlier = w.actors(w.sentences[s.index - 1]) if s.index > 0 else []
    people = distinct([f for f in earlier + actors if f.end <= at and not f.latent and f.mention.type == "person"])
    if len(people) != 1:
        return None  # the killer and the one he killed (توجيه الاتهام إليه بقتل X): whom it stands for is unclear
    accused = people[0]
    between = [f for f in actors if at < f.start and f.end <= m.start]
    first = [f for f in actors if f.end <= m.start and f.start < at and not same_actor(f.mention, accused.mention)]
    accuser = between[0] if between else s.reporter or (first[0] if first else None)
    return accusation(w, s, m, accuser, accused, attacks)


def responsibilities(w: Window, s: Sentence, actors: list[Found], attacks: list[Event]) -> list[Event]:
    """يتحمل حرس الثورة المسؤولية الكاملة: whoever the sentence reports holds the subject
    responsible; دعا الحلف موسكو إلى تحمل مسؤولية إسقاط الطائرة: the one who calls on it."""
    held = {m.start for m in w.labelled(s, "accusation:verb")}  # تحمل may be حمّل (holds X responsible)
    out = []
    for m in w.labelled(s, "bears"):
        called_on = _after_to(w, s, m)
        if (m.start in held and not called_on) or w.needs_unmet(s, m, _accusation_needs(), 6) or w.negated(s, m):
            continue
        if called_on:  # دعا X Y إلى تحمل
            accused = w.actor_before(s, m.start - 1, 0, among=actors)
            accuser = w.actor_before(s, accused.start, 3, among=actors) if accused else None
        else:
            # the subject after the verb (يتحمل حرس الثورة المسؤولية), before the word for
            # responsibility: past it the deed is named (مسؤولية مقتل سليماني); else before it
            after = w.actor_after(s, m.end, 2, among=actors)
            if after is not None and _accusation_needs()["حمل"] & {t.norm_ for t in w.doc[m.end:after.start]}:
                after = None
            accused = after or w.actor_before(s, m.start, 1, among=actors) or _spoken_about(w, s, m, actors)
            accuser = s.reporter or w.doc_reporter
        out.append(accusation(w, s, m, accuser, accused, attacks))
    return [ev for ev in out if ev]


def attributions(w: Window, s: Sentence, actors: list[Found], attacks: list[Event]) -> list[Event]:
    """نسبته أنقرة إلى التنظيم: who attributes the deed accuses the one it is attributed to."""
    out = []
    for m in w.labelled(s, "attribution_to"):
        marker = next((i for i in range(m.end, min(m.end + 6, s.end)) if w.doc[i].norm_ in ("الي", "لي")), None)
        if marker is None or w.negated(s, m) or _rates(w, s, m, actors):
            continue
        named = [f for f in actors if not f.latent and f.start < marker]
        # (or a bare head right by the verb: نسبته السلطات إلى التنظيم, the home state's authorities)
        bare = [f for f in actors if f.latent and f.mention.via == "pattern"]
        accuser = w.actor_after(s, m.end, 2, among=named) or w.actor_before(s, m.start, 1, among=named) or \
            w.actor_after(s, m.end, 0, among=bare) or w.actor_before(s, m.start, 1, among=bare)
        accused = w.actor_after(s, marker + 1, 2, accuser, among=actors)
        out.append(accusation(w, s, m, accuser, accused, attacks))
    return [ev for ev in out if ev]


def terror_support(w: Window, s: Sentence, actors: list[Found], attacks: list[Event]) -> list[Event]:
    """قال الوزير إن قطر تدعم الإرهاب، اتهامات بدعم إيران للجماعات الإرهابية: the source of
    the sentence accuses whoever is said to support terrorism (not دعم جهود مكافحة الإرهاب:
    support against it)."""
    if s.reporter is None:
        return []
    against = norm_set(w.lex["accusation"]["against_terror"])
    named = [f for f in actors if w.named_here(s, f)]
    out = []
    for m in w.labelled(s, "support"):
        words = [t.norm_ for t in w.doc[m.end:min(m.end + 5, s.end)]]
        terror = next((i for i, t in enumerate(words) if "ارهاب" in t), None)
        if terror is None or against & set(words[:terror + 1]) or w.negated(s, m):
            continue
        supporter = _doer(w, s, m, named)  # دعم طهران للإرهاب، قطر تدعم الإرهاب، تدعم قطر الإرهاب
        if supporter is not None and "ارهاب" in w.doc[supporter.start].norm_:
            supporter = None  # تدعم الجماعات الإرهابية: the supported, not who supports
        out.append(accusation(w, s, m, s.reporter, supporter, attacks))
    return [ev for ev in out if ev]


def _doer(w: Window, s: Sentence, m: Match, named: list[Found]) -> Found | None:
    """Who does what trigger ``m`` names: the owner right after a noun (دعم طهران، تورط إيران),
    the subject right before or after a verb (قطر تدعم، تكذب لندن)."""
    if m.label.endswith(":noun"):
        return w.actor_after(s, m.end, 0, among=named)
    if m.label.endswith(":participle"):  # إن قطر (هي الدولة) الراعية للإرهاب: what it is said to be
        f = w.actor_before(s, m.start, 2, among=named)
        return None if f is None or any(t.is_punct for t in w.doc[f.end:m.start]) else f
    aux, gap = norm_set(w.lex["auxiliaries"]), 0  # أن أوباما كان يكذب، إن المجلس قد خرق
    while gap < 2 and m.start - gap - 1 >= s.start and w.doc[m.start - gap - 1].norm_ in aux:
        gap += 1
    head = m.start - gap - 1
    if head > s.start and w.doc[head].norm_ in norm_set(w.lex["predicate_heads"]):
        f = w.actor_before(s, head, 0, among=named)
        if f is not None and f.start > s.start and w.doc[f.start - 1].norm_ in w.complementizers:
            return f  # إن إيران بلد ينتهك: what the one said to do it is, then its verb
    return _subject_before(w, s, m, gap, named) or w.actor_after(s, m.end, 0, among=named)


def _committer(w: Window, s: Sentence, m: Match, named: list[Found]) -> Found | None:
    """ما يرتكبه الحوثيون من خروقات، ما تمارسه الميليشيا من انتهاكات: who commits what is
    named after من, the subject of the verb of committing before it."""
    if m.start <= s.start or w.doc[m.start - 1].norm_ != "من":
        return None
    c = next((c for c in w.labelled(s, "commit") if c.end <= m.start - 1 and w.gap(c.end, m.start - 1) <= 4), None)
    return w.actor_after(s, c.end, 1, among=named) if c else None


def _clause_subject(w: Window, s: Sentence, m: Match, named: list[Found]) -> Found | None:
    """إن إيران تواصل نشر التحريض، أن الحوثيين يمارسون التضليل: the one named right after إن/أن
    does the wrong noun its clause's verb keeps at or commits; not one that suffers or refuses
    it (إن إيران تتعرض لحملة تضليل), nor across another clause."""
    f = next((f for f in named if f.start > s.start and f.end < m.start
              and w.doc[f.start - 1].norm_ in w.complementizers and m.start - f.end <= 5), None)
    if f is None or any(t.is_punct or t.norm_ in w.relatives or t.norm_ in w.complementizers
                        for t in w.doc[f.end:m.start]):
        return None
    doing = [v for label in ("persist", "commit") for v in w.labelled(s, label)]
    return f if any(v.start == f.end for v in doing) else None


def wrongdoings(w: Window, s: Sentence, actors: list[Found], attacks: list[Event]) -> list[Event]:
    """قالت موسكو إن لندن تكذب، قال المحامي إن الحكومة تلاعبت بالأدلة، تورط إيران في: the source
    of the sentence accuses whoever it says did a wrong (lied, spied, violated, colluded); the
    doer is the verb's subject, or the noun's owner."""
    if s.reporter is None:
        return []
    named = [f for f in actors if w.named_here(s, f)]
    out = []
    deeds = norm_set(w.lex["accusation"]["ordered_deeds"])
    ordered = [m for m in w.labelled(s, "order")
               if m.end < s.end and w.preposition(m.end) == "ب" and w.doc[m.end].norm_ in deeds]
    banned = norm_set(w.lex["accusation"]["banned_means"])
    reports = norm_set(w.lex["accusation"]["report_nouns"])
    used = [m for m in w.labelled(s, "use") if _names_banned(w, s, m, banned)
            and not (m.start > s.start and w.bare_in(m.start - 1, reports))]  # تقارير استخدام: what reports say
    # خطط للهجوم، دبرت التفجير: plotting an attack or a crime named right after
    plotted = [m for m in w.labelled(s, "plot") if _deed_after(w, s, m, 1, ("attack", "crime"))]
    for m in w.labelled(s, "wrongdoing") + ordered + used + plotted:  # أمرت بقتل: ordering a killing is one
        if w.negated(s, m):
            continue
        # تورط إيران، لندن تكذب، تكذب لندن; إن الرئيس، دونالد ترامب، أخطأ (a name between commas)
        doer = _doer(w, s, m, named) or (_committer(w, s, m, named) if m.label.endswith(":noun") else next(
            (f for f in named if f.end == m.start - 1 and w.doc[f.end].text in "،," and f.mention.type == "person"), None))
        if doer is None and m.label.endswith(":noun") and _possessed(w, m):
            # إن الصحفي جيسون رضائيان اعترف بتجسسه: the one named before, whom the pronoun agrees with
            doer = _antecedent(w, m, [f for f in named if f.end <= m.start and not same_actor(f.mention, s.reporter.mention)])
        if doer is None and m.label.endswith(":noun"):
            doer = _clause_subject(w, s, m, named)
        elif doer is None:  # قال الأسد عن أردوغان إنه يكذب
            doer = _spoken_about(w, s, m, named)
        out.append(accusation(w, s, m, s.reporter, doer, attacks))
    return [ev for ev in out if ev]


def _names_banned(w: Window, s: Sentence, m: Match, banned: frozenset[str]) -> bool:
    """A banned means (lexicon banned_means: أسلحة محرمة دوليا، دروعا بشرية) is named within
    a few words after the use word ``m``, in its clause."""
    firsts = {b.split()[0] for b in banned}
    for i in range(m.end, min(m.end + BANNED_REACH, s.end)):
        if w.doc[i].text in CLAUSE_BREAKS:
            return False
        word = w.doc[i].norm_
        if word[:1] == "و" and word[1:] in firsts:
            word = word[1:]  # والقنابل العنقودية: one more of a list
        if word in banned or (i + 1 < s.end and f"{word} {w.doc[i + 1].norm_}" in banned):
            return True
    return False


def _rates(w: Window, s: Sentence, m: Match, actors: list[Found]) -> bool:
    """نسب bare after a word that is no name, relative pronoun or attack is the noun "rates"
    (خفض نسب السعوديين القادمين إلى النمسا), not the verb "attributed"."""
    i = m.start - 1
    if w.doc[m.start].norm_ != "نسب" or i < s.start or w.doc[i].is_punct or w.doc[i].norm_ in w.relatives:
        return False
    return not any(a.start <= i < a.end for a in w.labelled(s, "attack")) and not any(f.end == m.start for f in actors)


def merge_accusations(events: list[Event]) -> list[Event]:
    """One accusation per accuser and accused in a document, with every place it is said; a
    person named in part (الأعرجي) after in full (بهاء الأعرجي) is one person."""
    full = person_names([m for ev in events for m in (ev.accuser, ev.accused)])
    by_pair: dict[tuple, Event] = {}
    for ev in events:
        pair = (*(m.key or full.get(m, m.span.text) for m in (ev.accuser, ev.accused)), ev.modality)
        if pair in by_pair:
            by_pair[pair].evidence.append(ev.trigger)
            by_pair[pair].about = by_pair[pair].about or ev.about
        else:
            by_pair[pair] = ev
    return list(by_pair.values())


