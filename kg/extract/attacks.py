"""Attacks: a trigger (verb or noun) with who did it, to whom and where; claims of
responsibility give attacks their perpetrator; one attack told many times is one event."""
from __future__ import annotations

from functools import lru_cache
from itertools import accumulate, takewhile

from kg.extract.lexicon import load, norm_set
from kg.extract.matching import Match
from kg.extract.mentions import Found
from kg.extract.model import Event, Mention
from kg.extract.modality import modality_of
from kg.extract.window import CLAUSE_BREAKS, Sentence, Window, distinct, same_actor
from kg.nlp.normalize import QUOTE_MARKS, normalize
from kg.registry import load_registry

SIDES_GAP = 5  # words between a clash noun and the بين naming its sides, at most
SUBJECT_GAP = 4  # words between an attack noun and the verb it is the subject of
ATTRIBUTION_GAP = 4  # words between an attack and the verb attributing it (التي، adjectives)
LINKED_REACH = 8  # tokens between an attack and the مرتبط that links it to its doer (the whole subject: الهجوم على مركز الشرطة في اسطنبول)
CONDEMNER_TITLE = 8  # words of a title between a verb of condemnation and the name of who condemns
FACILITY_REACH = 6  # words between an attack and the building it hit (الاعتداء الذي وقع في مسجد قوات الطوارئ)
SIDES_REACH = 12  # words (not marks) after بين searched for the comma that closes the first side of a fight
OWNER_REACH = 5  # words between an attack and the owner of what it hit (قصفت المقاتلات المقار العسكرية للمسلحين الحوثيين)
YEAR_REACH = 8  # tokens after an attack's trigger searched for the year it happened
LAUNCH_GAP = 15  # words between a launch verb (بدأت، نفذ) and the attack noun it takes
SCENE_REACH = 8  # tokens between a verb of witnessing (شهدت) and the attack its subject is the scene of
TAKEN_REACH = 6  # tokens between a verb or noun of taking (تحرير، استعاد) and the place taken (past its subject and السيطرة على)
SPEECH_REACH = 12  # tokens after هاجم searched for what says it was words (واصفا، قائلا)
ACCUSED_DEED_GAP = 6  # words between the one accused and the attack of the deed (بقتل شرطيين في هجوم)
SHOT_REACH = 12  # words after a death searched for where a shooting was
SHOT_GAP = 8  # words between a death and the gunfire or hands it came by (قتل فلسطيني هو الثاني في غضون يومين برصاص)
STORY_PLACE_TAIL = 3  # words between a sentence's opening place and its comma (بنفس المحافظة)
COMMITTED_REACH = 16  # words from أقدم to على: a person's full name and nationality between
CLAIM_NEGATION_REACH = 6  # words before a claim searched for its negation (لم تعلن أي جماعة مسؤوليتها)
GUARD_REACH = 5  # words from حماية to the من of what it guards against
FIRED_REACH = 7  # words from فتح/أطلق to the fire it opens (فتح ثلاثة مسلحين من حركة الشباب النار)
FROM_REACH = 5  # words from an attack noun to the positions it came from (القصف الذي تعرض له من مواقع)
# labels of verbs that open a clause of their own between an attack and a name after it
CLAUSE_VERBS = ("designation", "criticism", "reporting", "accusation:verb")
SUBJECT_REACH = 12  # words back from تعرض to the كان that opens its subject (وكان مبنى فرع الحزب ... تعرض)
AIM_REACH = 6  # words from an aim verb to the goal it names with ل (استهداف صغار السن للتأثير عليهم)
SUPPLY_REACH = 4  # words from a verb of supplying arms to the weapon (تحصل بموجبها المملكة على صواريخ)
LIST_GAP = 4  # words between two places of one list (وفي قرى قضاء الطارمية), at most


@lru_cache(maxsize=1)
def _attack_needs() -> dict[str, frozenset[str]]:
    return {normalize(k): norm_set(v) for k, v in load("lexicon")["attack"]["needs_nearby"].items()}


@lru_cache(maxsize=None)
def _attack_words(name: str) -> frozenset[str]:
    """A word list of the lexicon's attack section, normalised once (the rules ask per token):
    protest_lemmas, protesters, speech_lemmas, pronoun_subjects."""
    return norm_set(load("lexicon")["attack"][name])


def find_attacks(w: Window) -> list[Event]:
    out = []
    for s in w.sentences:
        if w.about_a_match(s):
            continue  # هجمة، هجوم الفريق
        triggers = sorted(w.labelled(s, "attack"), key=lambda m: m.start)
        places = [f for f in s.founds if f.mention.kind == "place"]
        never = _never_where(w, s, places)
        verbal = {v.start for v in w.labelled(s, "verbal")}
        names = w.actors(s)
        # a verb never carries ب: بقصف is the noun, whose match stands beside this one (بشن
        # has no noun match: the masdar of شن, its agent before it, stays); nor is it the
        # object of a launch verb (بدأت تركيا قصف معسكرات: the masdar)
        nouns = {m.start for m in triggers if m.label == "attack:noun"}
        triggers = [m for m in triggers if not (m.label == "attack:verb" and m.start in nouns and (
            _by_means(w, m) or _launch_verb(w, s, m) is not None
            or (m.start > s.start and w.bare_in(m.start - 1, _attack_words("noun_heads")))))]  # حملات قصف
        # ...and one whose subject stands right before it is the verb, not its noun (الجيش
        # التركي قصف حزب العمال: not "the shelling of the party")
        verbs = {m.start for m in triggers if m.label == "attack:verb" and _svo_subject(w, s, m, names) is not None}
        triggers = [m for m in triggers if not (m.label == "attack:noun" and m.start in verbs)]
        # استهدفت غارة إسرائيلية سيارة: an aim verb whose subject is the attack noun right
        # after it tells of that attack; the noun stands for both
        aimed = {n.start for v in triggers for n in triggers if v.label == "attack:verb" and n.label == "attack:noun"
                 and n.start == v.end and w.lemma(v) in _attack_words("aim_lemmas")}
        for k, m in enumerate(triggers):
            if m.label == "attack:verb" and m.end in aimed:
                continue
            if m.label == "attack:noun" and w.gap(s.start, s.end) <= 2:
                continue  # استهداف المملكة: a line of two words heads a section, it tells no attack
            if verbal & {m.end, m.end + 1} or (m.label == "attack:verb" and any(
                    n.label == "attack:noun" and m.end <= n.start and w.gap(m.end, n.start) <= 3
                    and verbal & {n.end, n.end + 1} for n in triggers)):
                continue  # شن هجوما حادا على الوزير، شن النائب هجوما عنيفا عليه: words
            if _unarmed_campaign(w, s, m):
                continue  # شن المحامون حملة قوية ضد المؤسسة: a campaign of words
            if _attacked_for_words(w, s, m):
                continue  # الصين تهاجم الفلبين بسبب الجزر، يهاجمن المنظمة لرفضها: words
            if any(f.start < m.start and m.end <= f.end for f in names) or _surname(w, s, m):
                continue  # اللواء مسعود العدواني، حركة فتح، عبدالله العدوان: a name, not "aggressive" or "opened"
            if any(t.norm_ in _attack_words("ceasefire_words") for t in w.doc[max(s.start, m.start - 2):m.start]):
                continue  # وقف إطلاق النار، وقف فوري لإطلاق النار: what stops
            if m.label == "attack:noun" and any(h.end == m.start for h in w.labelled(s, "arms_holder")):
                continue  # معاهدة الصواريخ، برنامج الصواريخ: arms, no attack
            if m.label == "attack:noun" and _supplied(w, s, m):
                continue  # بتزويد المتمردين بالصواريخ: arms supplied, not fired
            if _dawn(w, s, m):
                continue  # ألقت الشرطة فجر أمس القبض على، في الساعة الرابعة فجرا: dawn
            if k > 0 and m.start > s.start and w.doc[m.start - 1].norm_ in _attack_words("means_words"):
                continue  # محاولة لاستهداف المعسكر باستخدام قذائف الهاون: the means of the attack told before
            if w.needs_unmet(s, m, _attack_needs(), 6) and (w.lemma(m) in _attack_words("needs_only") or not any(
                    n.label == "attack:noun" and m.end <= n.start <= m.end + 6 for n in triggers)) and not (
                    w.carries_object(m) and _fired_before(w, s, m)):
                continue  # أطلق سراح: no attack (أطلق صواريخ، أطلق هجوما، صاروخا أطلقه الحوثيون: one)
            if any(v.label == "attack:verb" and v.end <= m.start and (w.gap(v.end, m.start) <= 3 or _subject_between(w, s, v, m))
                   for v in triggers[:k]) and m.label == "attack:noun" and m.start not in aimed:
                continue  # شنت تركيا هجوما، شن الكاتب محمد حسنين هيكل هجوما: the noun is the verb's object, one attack
            if w.lemma(m) in _attack_words("protest_lemmas") and w.doc[m.end:min(m.end + 2, s.end)] and \
                    _attack_words("protesters") & ({t.norm_ for t in w.doc[m.end:min(m.end + 2, s.end)]} | {w.doc[max(s.start, m.start - 1)].norm_}):
                continue  # اقتحم طلاب مبنى الوزارة، متظاهرون يقتحمون البرلمان: a protest, no attack
            if _subject_noun(w, s, m, triggers[:k]) is not None:
                continue  # قذيفة استهدفت مركزا: the verb of the attack told before it
            # ...and that verb tells what this attack hit
            predicate = next((t for t in triggers[k + 1:] if _subject_noun(w, s, t, [m]) is m), None)
            verb = m.label == "attack:verb"
            subject = verb and _noun_subject(w, s, m)  # حملة أمنية استهدفت: no actor did it
            if subject and _arrests_only(w, s, m):
                continue  # احتجزت السلطات 1302 شخص في إطار حملة استهدفت التنظيم: arrests, no attack
            perp = None if subject else attributed_to(w, s, m, triggers[k + 1:]) or attacker(w, s, m, verb) \
                or accused_of(w, s, m) or _suspected_group(w, s, m) or (_coordinated_subject(w, s, m) if verb else None)
            speaker = perp is not None and (perp.mention.type in ("person", "media") or w.titled(perp))
            said = bool(_attack_words("speech_followers") & {t.norm_ for t in w.doc[m.end:min(m.end + SPEECH_REACH, s.end)]})
            owned = speaker and not verb and (_possessive(w, m) or (perp.start == m.end and not w.labelled(s, "outcome")))
            unnamed_speaker = said and perp is None and not w.labelled(s, "outcome")  # شن رئيس الوزراء هجوما على النائب معتبرا إياه
            # أصدر بيانا يهاجم فيه التنظيم: a statement's words
            in_words = any(w.bare_in(i, _attack_words("speech_vehicles")) for i in range(max(s.start, m.start - 2), m.start))
            if (w.lemma(m) in _attack_words("speech_lemmas") and (speaker or said or in_words)) or (speaker and said) \
                    or owned or unnamed_speaker:
                # هاجم ترامب الصحفيين، هاجمت صحيفة كيهان رفسنجاني، هاجم X الميليشيا واصفا
                # إياها، ركز الداعية هجومه على القيادة متهما إياها، صعدت كلينتون هجماتها، هجمات
                # كلينتون على الجمهوريين (a person's, with no one killed or hurt): words
                continue
            if perp is not None and perp.mention.type == "media":
                perp = None  # وكالة الأنباء ...: a news outlet tells of attacks, it wages none
            after = perp.end if perp and perp.start >= m.start else m.end
            if verb and (fired := _fired_end(w, s, m)) is not None:
                # فتح ثلاثة مسلحين من حركة الشباب النار على دورية: the doers stand before what
                # they fired, what they hit after it
                perp = perp or next((f for f in w.actors(s) if not f.only_a_place and m.end <= f.start and f.end < fired), None)
                after = max(after, fired)
            # شنت طائرات التحالف غارات على مواقع الحوثيين: what was hit follows the verb's object
            obj = next((n for n in triggers[k + 1:] if verb and n.label == "attack:noun" and after <= n.start
                        and w.gap(m.end, n.start) <= 3), None)
            after = obj.end if obj is not None else after
            doers_end = _partners_end(w, s, perp) if perp else m.end  # قصف الحوثيون وقوات صالح: both did it
            elsewhere = _not_where(w, s, m, places, perp, doers_end, never)
            adjectives_end = _past_adjectives(w, s, m, after)
            marker = next((t for t in w.labelled(s, "target_marker") if after <= t.start <= adjectives_end + 2 and (
                t.start <= after + 2 or not any(x.is_punct for x in w.doc[after:t.start]))), None)
            if marker and marker.end < s.end and w.bare_in(marker.end, _attack_words("abstract_foes")):
                continue  # الحرب التي تشنها تركيا على الإرهاب: a war on a wrong, no attack told
            target, target_places = None, []
            if marker:  # على / ضد: an actor is the target, a place is where
                first = next((f for f in s.founds if marker.end <= f.start <= marker.end + 3), None)
                if first and first.mention.kind == "actor" and not first.latent and not any(
                        marker.end <= v.start < first.start for label in CLAUSE_VERBS for v in w.labelled(s, label)):
                    target = first  # (not هجمات على مدنيين اعتبرتها المنظمة جرائم: who judged them)
                # not past a comma: another clause (استهدف أبرياء، مؤكدا وقوف باكستان)
                target_places = w.where(s, [p for p in places if marker.end <= p.start < marker.end + 6
                                            and p.start not in elsewhere and not any(
                                                t.text in "،," for t in w.doc[marker.end:p.start])], m.start)
            elif subject:  # حملات استهدفت عناصر الحزب: what it targeted
                target = next((f for f in w.actors(s) if not f.latent and m.end <= f.start
                               and w.gap(m.end, f.start) <= 2), None)
            elif verb and perp and perp.start >= m.start:  # شنت قسد هجوما / قصفت تركيا قسد
                target = next((f for f in w.actors(s) if not f.latent and doers_end <= f.start <= doers_end + 2), None)
            elif verb and perp and perp.end <= m.start and not _after_relative(w, m):  # إسرائيل قصفت حركة حماس: its object
                target = next((f for f in w.actors(s) if not f.latent and m.end <= f.start <= m.end + 1), None)
            elif verb and _after_relative(w, m):  # العملية التي استهدفت مسجد قوات الطوارئ: what it hit
                target = next((f for f in w.actors(s) if not f.latent and m.end <= f.start <= m.end + 2), None)
            elif object_noun(w, s, m):  # اغتيال رئيس الحكومة: the one hit (not التفجيرات في كابول: where)
                target = w.actor_after(s, m.end, 1) if perp is None or perp.start != m.end else None
                if target is not None and ((target.only_a_place and (w.doc[target.start - 1].norm_ == "في" or w.preposition(target.start) == "ب")) or any(
                        m.end <= a.start < target.start for a in w.labelled(s, "attribution_to"))):
                    target = None  # (nor تفجيرا ببغداد: where; nor تفجير نسبته أنقرة إلى التنظيم: who blames it)
            elif verb and _passive(w, m):  # اغتيل القيادي في حماس، اغتيل السفير الروسي أندريه كارلوف
                target = w.actor_after(s, m.end, 3, among=[f for f in w.actors(s) if not f.latent])
            sides = clash_sides(w, s, m)
            if perp is None and sides:  # اشتباكات بين الجيش والحوثيين
                perp, target = sides[0], (sides[1] if len(sides) > 1 else None)
            elif target is None and len(sides) > 1 and perp is not None and same_actor(perp.mention, sides[0].mention):
                target = sides[1]  # معارك بين قوات الدعم السريع والجيش: the side the attacker rule found first
            if target is None:  # قصف الجيش مواقع «داعش»، تفجير مسجد قوات الطوارئ: the owner of what was hit
                target = next((f for f in w.actors(s) if after <= f.start and not (perp and same_actor(perp.mention, f.mention))
                               and ((w.gap(after, f.start) <= OWNER_REACH and _owns_target(w, f))
                                    or (w.gap(after, f.start) <= FACILITY_REACH and w.owns_facility(f) and not f.latent
                                        and not _beyond_clause(w, after, f.start)))), None)
            if target is None and not verb and (laid := w.actor_after(s, m.end, 1)) is not None and _laid_for(w, s, m, laid):
                target = laid  # نصب الجيش كمينا لعناصر داعش
            foe = _opponent(w, s, m) if target is None else None
            if foe is not None and not (perp and same_actor(perp.mention, foe.mention)):
                target = foe  # خاضت القوات معارك عنيفة مع الحوثيين: the other side
                # سيطرت القوات العراقية على تلعفر بعد معارك مع داعش: the side that opens the clause
                side = next((f for f in w.actors(s) if not f.latent and f.end <= m.start
                             and f.mention.type in ("armed_group", "state") and not same_actor(f.mention, foe.mention)
                             and not _beyond_clause(w, f.end, m.start)), None)
                perp = perp or (side and _loyal_one(w, side, w.actors(s)))
            # هجوما في عفرين يستهدف الوحدات الكردية (not هجوم شنه الحوثيون: شنه carries the
            # noun as its object, and who follows launched it)
            if predicate is not None and target is None and not w.carries_object(predicate):
                target = next((f for f in w.actors(s) if not f.latent and f.start >= predicate.end
                               and w.gap(predicate.end, f.start) <= 2), None)
            undergo_at = _undergo_verb(w, s, m)
            underwent_from = _subject_start(w, s, undergo_at) if undergo_at is not None else None
            if (undergone := _undergone(w, s, undergo_at, underwent_from, m)) is not None:
                # تعرضت دورية للجيش لهجوم: who underwent it was hit, whoever is named before
                if perp is not None and perp.start < m.start:
                    perp = None
                target = target or undergone
            if perp and target and same_actor(perp.mention, target.mention):
                target = None
            # where: the places named around this trigger, up to the next one (not the verb's
            # own object: أطلق حفتر هجوما لتحرير درنة)
            # (nor its means right after it: هجوم بسيارة مفخخة)
            nxt = next((t for t in triggers[k + 1:] if not (
                verb and t.label == "attack:noun" and w.gap(m.end, t.start) <= 3) and t is not predicate
                and not _dawn(w, s, t) and not (t.start == m.end and _by_means(w, t))), None)
            end = nxt.start if nxt else s.end
            # ...ولم يتمكن الجيش من حماية تدمر عندما اجتاحها التنظيم: another clause's places
            openers = _attack_words("clause_openers")  # (ولم: with its clitic, whose norm is لم)
            end = next((i for i in range(m.end, end) if {w.doc[i].norm_, normalize(w.doc[i].text)} & openers), end)
            # (past the sides of a fight, however long their list: بين X ومقاتلي Y ...، وبين Z في سهل الغاب)
            reach = min(end, max([m.end + 16] + [f.end + 6 for f in sides]))
            for p in places:  # ...في منطقة العريش بمديرية موزع ومفرق المرير بمديرية جبل راس: a list goes on
                # (commas too, before the و of the next: في جبل صبر، وشارع جمال، وحي الزنوج)
                listed = any(w.doc[i].text.startswith("و") for i in (p.start - 1, p.start))
                if reach <= p.start < end and any(q.end <= p.start and w.gap(q.end, p.start) <= LIST_GAP and not any(
                        t.is_punct and not (listed and t.text in "،,") for t in w.doc[q.end:p.start])
                        for q in places if q.start < reach):
                    reach = p.end
            # before it: a few words, or all that underwent it (تعرض مستشفى القدس في حلب للقصف)
            first = min(m.start - 3, underwent_from if underwent_from is not None else m.start)
            if (told_of := _relative_antecedent(w, s, m, places)) is not None:
                first = min(first, told_of.start)  # محافظة الأنبار التي تشهد معارك: where they are
            if (scene := _scene_verb_before(w, s, m)) is not None:
                first = min(first, scene)  # شهدت مدينة تعز صباح اليوم مواجهات: the scene's subject
            near = w.where(s, [p for p in places if first <= p.start < reach
                               and p.start not in elsewhere], m.start)
            ev_places = list(dict.fromkeys(p.mention for p in target_places + near))
            if m.start > s.start and w.doc[m.start - 1].norm_ in _attack_words("demonstratives"):
                ev_places = []  # هذا الهجوم: told before, where it was; the places here are another matter's
            if (perp or target) and not ev_places and (opening := story_place(w, s)) is not None and opening.start < m.start:
                ev_places = [opening.mention]  # وفي محافظة الحديدة، نفذت المقاومة هجوما
            if not (perp or target or ev_places):
                continue
            named_doer = perp is not None and perp.mention.via != "adjective"
            hurt = w.labelled(s, "outcome:killed") + w.labelled(s, "outcome:injured")  # (not توقيف 300 شخص)
            if _generic(w, m) and (not (
                    sides or (hurt and s.numbers)
                    or (named_doer and (ev_places or target)) or _battle_of_place(w, s, m, ev_places)
                    or (ev_places and target is not None and target is foe))
                    or _purpose_or_every(w, s, m)):
                continue  # المعركة ضد الإرهاب، العدوان الإسرائيلي، نهج لقتال داعش: war, no one attack
                # (but معارك مع تنظيم داعش in تلعفر: a side fought, and where)
            if _guarded_against(w, s, m):
                continue  # حماية الحدود من هجمات الحوثيين: a danger, no attack told
            if speaker and target is not None and target.mention.type in ("person", "organisation", "media") \
                    and not ev_places and not w.labelled(s, "outcome"):
                continue  # شن مارادونا هجوما على الفيفا: a man's attack on a body, no one hurt, nowhere: words
            if speaker and perp is not None and perp.mention.type == "person" and verb and not w.labelled(s, "outcome") and all(
                    target is not None and p.key is not None and p.key == target.mention.key for p in ev_places):
                continue  # شن الكاتب هيكل هجوما على السعودية، شن ترامب هجوما على إيران: a man's words, nowhere but at his target
            if m.label == "attack:noun" and _tally(w, s, m):
                continue  # مئات الهجمات الإسرائيلية: a tally, no one attack told
            if _what_it_does(w, s, m):
                continue  # لجان العمليات النوعية التي تستهدف قوات الجيش: what a group does, no attack told
            if w.lemma(m) in _attack_words("massacres") and any(t is not m for t in triggers):
                continue  # ارتكبت الميليشيا مجزرة بقصف عشوائي: the shelling is the attack
            if w.lemma(m) in _attack_words("aim_nouns") and _aims_at(w, s, m, perp):
                continue  # استهداف صغار السن للتأثير عليهم: an aim, no attack
            if w.lemma(m) in _attack_words("aim_lemmas") and (_aims_at(w, s, m, perp) or not (
                    (perp and perp.mention.type in ("state", "armed_group")) or target or w.labelled(s, "outcome")
                    or _assailant_near(w, s, m))):
                # سامسونج تستهدف عشاق القراءة، دراسة استهدفت المشاركات، تستهدف مصر أن تصل
                # عائدات القناة (whoever aims): aims, no attack
                continue
            out.append(Event("attack", w.span(m.start, m.end, s.index), modality=modality_of(w, s, m),
                             perpetrator=w.use(perp), target=w.use(target), places=ev_places,
                             confidence=0.5 + 0.2 * bool(perp) + 0.1 * bool(target)))
    out += killings(w)
    out += takeovers(w)
    apply_claims(w, out)
    years = {id(e): _year_told(w, e) for e in out}
    unnamed = {id(e) for e in out if e.perpetrator is None and _unnamed_doer(w, e, "assailants")}
    another = {id(e) for e in out if _another(w, e)}
    kinds = {id(e): _kind(w, e) for e in out}
    opens = [_new_story(w, s) for s in w.sentences]
    shifted = {id(e) for e in out if opens[e.trigger.sentence]}
    story = list(accumulate(opens))  # the stories told so far at each sentence
    merged = merge_attacks(out, years, unnamed, another, kinds, {id(e): story[e.trigger.sentence] for e in out})
    # gunmen are nobody's in particular; a suicide bomber is the article's one group's
    gunmen = {id(e) for e in merged if id(e) in unnamed and _unnamed_doer(w, e, "gunmen")}
    if not _unclaimed(w):  # ولم تتبن أي جهة الهجوم: the article says no one is known to have done it
        lone_attacker(w, [e for e in merged if id(e) not in gunmen], years, shifted)
    return merged


def takeovers(w: Window) -> list[Event]:
    """تمكن الجيش من تحرير مطار الحديدة من قبضة الحوثيين، استعاد الجيش السيطرة على تدمر من
    داعش: a place taken by force from an armed side named after من is an attack on that side
    there, by the one who took it (lexicon takeover_words); with no side driven out
    (تحرير الأسعار، تحرير الرهائن) there is none."""
    out = []
    away, through, objects = (_attack_words(k) for k in ("takeover_from", "takeover_through", "takeover_objects"))
    for s in w.sentences:
        armed = [f for f in w.actors(s) if f.mention.type in ("state", "armed_group") and not f.only_a_place]
        named = {i for f in armed for i in range(f.start, f.end)}
        for m in w.labelled(s, "takeover"):
            if w.negated(s, m) or w.preposition(m.start) == "ل":
                continue  # (لتحرير المديريات: what they are ready or set to do)
            # the place it takes: its object (past its subject and السيطرة على), then من and the
            # side driven out (not من خلال، من قبل: through whom, by whom)
            place = next((p for p in s.founds if p.mention.kind == "place" and m.end <= p.start <= m.end + TAKEN_REACH
                          and all(i in named or w.doc[i].norm_ in objects for i in range(m.end, p.start))), None)
            if place is None or place.mention.type == "country":
                continue  # (استعادة اليمن من قبضة الحوثيين: a war's aim, no one taking told)
            end = next((i for i in range(place.end, s.end) if w.doc[i].text in CLAUSE_BREAKS), s.end)
            at = next((i for i in range(place.end, min(place.end + 6, end)) if w.doc[i].norm_ == "من"), None)
            if at is None or (at + 1 < s.end and w.doc[at + 1].norm_ in through):
                continue
            start = at + 1 + (at + 1 < end and w.bare_in(at + 1, away))
            side = w.actor_after(s, start, 1, among=armed)
            if side is None:
                continue
            others = [f for f in armed if f is not side]
            doer = w.actor_before(s, m.start, 4, among=others) or w.actor_after(
                s, m.end, 1, among=[f for f in others if f.end <= place.start])
            out.append(Event("attack", w.span(m.start, m.end, s.index), modality=modality_of(w, s, m),
                             perpetrator=w.use(doer), target=w.use(side), places=[w.use(place)],
                             confidence=0.6))
    return out


def _unclaimed(w: Window) -> bool:
    """The article says no one claimed an attack (لم تتبن أي جهة الهجوم، لم تعلن أي جماعة
    مسؤوليتها), and claims none (not: أعلنت الحركة مسؤوليتها عن التفجيرين ... لم تتبن ذلك الهجوم)."""
    negated = [_claim_negated(w, s, m) for s in w.sentences for m in w.labelled(s, "claim")]
    return any(negated) and all(negated)


def _claim_negated(w: Window, s: Sentence, m: Match) -> bool:
    """A negation within a few words before claim ``m`` (لم تعلن أي جماعة مسؤوليتها، لم تتبن)."""
    return any(t.norm_ in w.negations for t in w.doc[max(s.start, m.start - CLAIM_NEGATION_REACH):m.start])


def lone_attacker(w: Window, attacks: list[Event], years: dict[int, str | None], shifted: set[int]) -> None:
    """Where every attack an article names a doer for is one armed group's, the attacks it
    tells with no doer are that group's too (a headline's تفجير قرب القصر in an article on
    the bombings حركة الشباب claimed): not one told where a sentence opens another story
    (``shifted``: وفي العراق،), nor where its own sentence names the group, which then
    took no part as the doer (مواجهات مع ميليشيات الحوثي، قتل خمسة من الحوثيين في انفجار). A
    state's only where the attack came from the air or guns (غارة، قصف، صاروخ): the bombing
    of a museum in an article on a state's forces was not theirs. A war one side wages (شن
    الحوثيون حربا) names no doer of the article's attacks."""
    asserted = [e for e in attacks if e.modality == "asserted"]
    done = [e for e in asserted if e.perpetrator is not None and not _trigger_in(w, e, _wages_war)]
    doers = [e.perpetrator for e in done]
    when = {years.get(id(e)) for e in done}  # not an attack told with another year (في 1998)
    if not doers or len({side_of(p) for p in doers}) != 1 or doers[0].type not in ("armed_group", "state"):
        return
    side = side_of(doers[0])
    fired = _attack_words("fired_lemmas")
    deeds = _attack_words("nouns") | _attack_words("deed_nouns") | _attack_words("subject_nouns")
    for e in asserted:
        s = w.sentences[e.trigger.sentence]
        at = w.tokens_of(e.trigger).start
        # the group named in the sentence took no part as the doer (مواجهات مع الحوثيين، هجوم
        # لملاحقة عناصر داعش); named as the doer of deeds in a clause before (انظر إلى عمليات
        # داعش، ففي البدء ... عبر تفجير مسجد) it says nothing against this one
        named = any(side_of(f.mention) == side and not (
            f.end <= at and _beyond_clause(w, f.end, at) and _word_before(w, s, f.start) in deeds)
            for f in w.actors(s))
        if e.perpetrator is None and years.get(id(e)) in when and not named and side_of(e.target) != side \
                and id(e) not in shifted and (
                doers[0].type == "armed_group" or _trigger_in(w, e, lambda w, s, m: w.lemma(m) in fired)):
            e.perpetrator = doers[0]


def _word_before(w: Window, s: Sentence, i: int) -> str | None:
    """The word before token ``i`` in ``s``, past quote marks (عمليات "داعش": عمليات)."""
    return next((t.norm_ for t in reversed(w.doc[s.start:i]) if t.text not in QUOTE_MARKS), None)


def _beyond_clause(w: Window, start: int, end: int) -> bool:
    """A comma or another clause's opener between ``start`` and ``end``."""
    return any(t.is_punct or t.norm_ in ("فيما", "بينما", "حيث") for t in w.doc[start:end])


def _wages_war(w: Window, s: Sentence, m: Match) -> bool:
    """``m`` is a word for war, or a verb that wages one (يشن الحوثيون حربا)."""
    return _generic(w, m) or (m.label == "attack:verb" and any(
        _generic(w, n) for n in w.labelled(s, "attack") if m.end <= n.start and w.gap(m.end, n.start) <= 3))


def _trigger_in(w: Window, e: Event, test) -> bool:
    """The trigger of attack ``e`` passes ``test`` (``_wages_war``; a strike's lemma)."""
    s, first = w.sentences[e.trigger.sentence], w.tokens_of(e.trigger).start
    m = next((m for m in w.labelled(s, "attack") if m.start == first), None)
    return m is not None and test(w, s, m)


def killings(w: Window) -> list[Event]:
    """النازيون قتلوا 1.9 مليون مدني / الحركة قتلت 148 شخصا / قتلت الشرطة 8 مسلحين: an actor
    right before a killing verb whose object is a count, or right after it with the count
    next, did the killing. The count must follow: before a preposition (قتلوا في الهجوم) the
    verb is passive and the actor its victims."""
    verbs = _attack_words("killing_verbs")
    out = []
    for s in w.sentences:
        counts = {ns for _, ns, _ in s.numbers}
        actors = [f for f in w.actors(s) if not f.latent]
        for o in w.labelled(s, "outcome:killed"):
            if w.doc[o.start].norm_ not in verbs or w.negated(s, o):
                continue
            if o.end in counts:
                perp = _before(w, s, o, 0, actors)
                if perp is None and o.start > s.start and w.doc[o.start - 1].norm_ in w.relatives:
                    perp = w.actor_before(s, o.start - 1, 2, among=actors)  # الجماعة المتشددة التي قتلت 148 شخصا
            else:  # قتلت الشرطة الاتحادية ثمانية من عناصر داعش، قتل الاحتلال 3 شبان: the subject between the verb and its count
                perp = next((f for f in w.actors(s) if f.start == o.end and f.mention.type != "media"
                             and (not f.latent or f.recalled)
                             and (f.end in counts or (f.end + 1 in counts and w.adjective(w.doc[f.end])))), None)
            if perp is None and (suspected := _suspected_group(w, s, o)) is not None and any(
                    n >= suspected.end and w.gap(suspected.end, n) <= 2 for n in counts):
                perp = suspected  # قتل مسلحون يشتبه بأنهم ينتمون إلى حركة الشباب خمسة أشخاص
            if perp is None:
                continue
            out.append(Event("attack", w.span(o.start, o.end, s.index), modality=modality_of(w, s, o),
                             perpetrator=w.use(perp), places=_places_after(w, s, o.end), confidence=0.6))
        out += _shootings(w, s) + _committed(w, s)
    return out


def _committed(w: Window, s: Sentence) -> list[Event]:
    """أقدم/ X - سعودي الجنسية - على قتل/ Y: the one named between أقدم and على killed (or
    attacked: أقدم مسلح على إطلاق النار), a person here as much as a group; so did the one
    named between a verb of managing and من/في (تمكنت قوات الجيش من قتل عشرة من عناصر داعش)."""
    committed, managed, out = _attack_words("committed_verbs"), _attack_words("managed_verbs"), []
    for o in w.labelled(s, "outcome:killed") + w.labelled(s, "attack"):
        on = next((i for i in range(o.start - 1, max(s.start, o.start - 3) - 1, -1) if not w.doc[i].is_punct), None)
        if on is None or w.negated(s, o):
            continue
        if w.doc[on].norm_ == "علي":  # على, normalised
            verbs, adjoins = committed, False
        elif w.doc[on].norm_ in ("من", "في") and on == o.start - 1 and o.label == "outcome:killed":
            # the doer, the preposition and the killing in one run (not تمكن الجيش من صد هجوم،
            # نجحت المقاومة في صده وقتلوا 15 في حصيلة أولية)
            verbs, adjoins = managed, True
        else:
            continue
        verb = next((i for i in range(on - 1, max(s.start, on - COMMITTED_REACH) - 1, -1) if w.bare_in(i, verbs)), None)
        doer = None if verb is None or w.negated(s, Match("", verb, verb + 1)) else \
            w.actor_after(s, verb + 1, 1, among=w.actors(s))
        if doer is not None and (doer.end == on if adjoins else doer.end <= on):
            out.append(Event("attack", w.span(o.start, o.end, s.index), modality=modality_of(w, s, o),
                             perpetrator=w.use(doer), places=_places_after(w, s, o.end), confidence=0.6))
    return out


def _shootings(w: Window, s: Sentence) -> list[Event]:
    """قتل جندي برصاص قناص، أصيب مدنيون بنيران القوات الحوثية، قتل على يد مسلحين: a death or
    an injury by gunfire or at someone's hands is an attack, by whoever is named after it."""
    attacks = w.labelled(s, "attack")
    # (a head word standing for a group is latent, yet no place: على يد مقاتلي المقاومة)
    named = sorted([f for f in w.actors(s) if not f.latent or f.mention.via == "pattern"] + w.adjective_actors(s),
                   key=lambda f: f.start)
    out = []
    for o in w.labelled(s, "outcome:killed") + w.labelled(s, "outcome:injured"):
        # past who died and where (قتل شرطي في مدينة دياربكر برصاص), within one clause
        by = next((b for b in w.labelled(s, "shot_by") if o.end <= b.start and w.gap(o.end, b.start) <= SHOT_GAP
                   and not any(t.text in CLAUSE_BREAKS for t in w.doc[o.end:b.start])), None)
        if by is None or w.negated(s, o) or any(o.start <= a.start < by.end or a.start == by.end for a in attacks):
            continue  # قتل في هجوم برصاص / برصاص القناصة في غارة: the attack word's own event
        perp = w.actor_after(s, by.end, 1, among=named)
        if perp is None and by.end + 1 < s.end and w.doc[by.end].norm_ in _attack_words("assailants") \
                and w.doc[by.end + 1].norm_ == "من":
            perp = w.actor_after(s, by.end + 2, 0, among=named)  # برصاص مسلحين من حزب العمال
        places = _places_after(w, s, o.end, SHOT_REACH)
        if perp or places:
            out.append(Event("attack", w.span(by.start, by.end, s.index), modality=modality_of(w, s, by),
                             perpetrator=w.use(perp), places=places, confidence=0.6))
    return out


def _places_after(w: Window, s: Sentence, pos: int, reach: int | None = None) -> list[Mention]:
    """The first three places named after a death at ``pos`` (within ``reach`` words), of
    those that say where (not the city a province lies south of: ولاية لوغار جنوب كابل)."""
    after = [f for f in s.founds if f.mention.kind == "place" and f.start >= pos
             and (reach is None or w.gap(pos, f.start) <= reach)]
    return [f.mention for f in w.where(s, after, pos)][:3]


def _scene_verb_before(w: Window, s: Sentence, m: Match) -> int | None:
    """Where the words after a verb of witnessing (شهدت) start, when it stands a few words
    before attack ``m`` in its clause: its subject there is the scene."""
    for i in range(m.start - 1, max(s.start, m.start - SCENE_REACH) - 1, -1):
        if w.doc[i].text in CLAUSE_BREAKS:
            return None
        if w.bare_in(i, _attack_words("scene_verbs")):
            return i + 1
    return None


def _relative_antecedent(w: Window, s: Sentence, m: Match, places: list[Found]) -> Found | None:
    """The place a relative pronoun a word or two before attack ``m`` stands for (مدينة
    سيلوبي، التي تشهد اشتباكات: the clashes are there)."""
    rel = next((i for i in range(m.start - 1, max(s.start, m.start - 3) - 1, -1) if w.doc[i].norm_ in w.relatives), None)
    if rel is None:
        return None
    end = rel - 1 if rel > s.start and w.doc[rel - 1].text in "،," else rel
    return next((p for p in places if p.end == end), None)


def _partners_end(w: Window, s: Sentence, doer: Found) -> int:
    """Where the doers end: past actors joined to ``doer`` by و (الحوثيون وقوات صالح)."""
    end = doer.end
    while (partner := next((f for f in w.actors(s) if f.start == end and w.doc[f.start].text.startswith("و")), None)):
        end = partner.end
        # وقوات المخلوع صالح: the person a partner's title names is the partner still
        end = next((f.end for f in w.actors(s) if f.start == end and f.mention.type == "person"), end)
    return end


def _subject_noun(w: Window, s: Sentence, m: Match, before: list[Match]) -> Match | None:
    """The attack noun an attack verb ``m`` is said of (قذيفة استهدفت، سيارتان مفخختان
    هاجمتا، هجوما في عفرين يستهدف): told just before it, with no actor between to be the
    verb's own subject, and not the verb's object."""
    if m.label != "attack:verb" or any(n.label == "attack:noun" and m.end <= n.start and w.gap(m.end, n.start) <= 3
                                       for n in w.labelled(s, "attack")):
        return None  # لكانوا شنوا هجمات: the verb launches attacks of its own
    noun = next((n for n in reversed(before) if n.label == "attack:noun"), None)
    if noun is None or noun.end > m.start or w.gap(noun.end, m.start) > SUBJECT_GAP:
        return None
    # عملية نفذتها حركة طالبان واستهدفت الشرطة: the verb joined after a doer's clause is the noun's
    doer_clause = w.doc[m.start].text.startswith("و") and any(
        noun.end <= b.start < m.start for b in w.by_markers(s))
    if not doer_clause and any(noun.end <= f.start < m.start and not _led_by(w, f.start)
                               for f in w.actors(s) if not f.latent):
        return None  # غارات قالت روسيا إنها استهدفت: Russia's verb (not ضربة بقيادة أمريكا تستهدف)
    if w.relative_between(noun.end, m.start):
        return None  # ...الهجمات التي شنها: a relative clause names the doer (by-markers)
    if any(t.text in "،,؛;" or t.norm_ in ("فيما", "بينما") for t in w.doc[noun.end:m.start]):
        return None  # قصف على مناطق الاشتباك، فيما قصفت القوات: another clause, its own subject
    return noun


def accused_of(w: Window, s: Sentence, m: Match) -> Found | None:
    """تتهم تركيا العمال الكردستاني بقتل شرطيين في هجوم جديد: the one accused of the deed
    whose attack this is (right after the accusation verb, then the deed with ب) did it, as
    its accuser says."""
    named = [f for f in w.actors(s) if not f.latent]
    for a in w.labelled(s, "accusation:verb"):
        accused = w.actor_after(s, a.end, 1, among=named)
        if accused is None or a.end > m.start or accused.end > m.start or m.start - accused.end > ACCUSED_DEED_GAP:
            continue
        if w.preposition(accused.end) == "ب" and not any(t.is_punct for t in w.doc[accused.end:m.start]):
            return accused
    return None


def attributed_to(w: Window, s: Sentence, m: Match, later: list[Match]) -> Found | None:
    """الغارة التي نسبت إلى التحالف / هجوم انتحاري نسبته أنقرة إلى التنظيم / نسبت الحكومة
    التفجير إلى التنظيم: the one an attack is attributed to (a verb of نسب right after the
    attack, or before it with its subject between, then إلى) did it."""
    if (linked := _linked_to(w, s, m, later)) is not None:
        return linked
    verb = next((a for a in w.labelled(s, "attribution_to")
                 if a.start >= m.end and w.gap(m.end, a.start) <= ATTRIBUTION_GAP), None)
    if verb is not None and not w.negated(s, verb) and not any(t.start < verb.start for t in later):
        told_end = verb.end  # (not ...هجوم ثم تفجير نسب إلى: the nearer attack's)
    elif w.doc[m.start].text.startswith("ال") and any(
            a.end <= m.start and w.gap(a.end, m.start) <= ATTRIBUTION_GAP and not w.negated(s, a)
            for a in w.labelled(s, "attribution_to")):
        told_end = m.end  # the verb's object, definite: إلى follows it
    else:
        return None
    to = next((i for i in range(told_end, min(told_end + 4, s.end)) if w.doc[i].norm_ in ("الي", "لي")), None)
    if to is None:
        return None
    # (a head alone for a group named before too: نسبته أنقرة إلى التنظيم المتطرف)
    return w.actor_after(s, to + 1, 1, among=[f for f in w.actors(s) if w.named_here(s, f) or f.recalled])


def _passive_agent(w: Window, s: Sentence, m: Match, actors: list[Found]) -> Found | None:
    """The actor right after من a word or two after an attack noun that تم or يتم makes
    passive (يتم استهدافها من تنظيم داعش): who did it."""
    if m.start <= s.start or w.doc[m.start - 1].norm_ not in norm_set(w.lex["accusation"]["passive_auxiliaries"]):
        return None
    by = next((i for i in range(m.end, min(m.end + 3, s.end)) if w.doc[i].norm_ == "من"), None)
    return w.actor_after(s, by + 1, 0, among=actors) if by is not None and by + 1 < s.end else None


def _linked_to(w: Window, s: Sentence, m: Match, later: list[Match]) -> Found | None:
    """The actor an attack is told as linked to (الهجوم على القنصلية مرتبط بحزب جبهة التحرر),
    a few words after it in its clause."""
    linked = _attack_words("linked_words")
    end = min([m.end + LINKED_REACH + 1, s.end - 1] + [t.start for t in later])
    for i in range(m.end, end):
        if w.doc[i].text in CLAUSE_BREAKS:
            return None
        if w.doc[i].norm_ in linked and w.preposition(i + 1) == "ب":
            return w.actor_after(s, i + 1, 0)
    return None


def clash_sides(w: Window, s: Sentence, m: Match) -> list[Found]:
    """The actors named after بين right behind a clash noun: the sides of the fight. Not
    after a bombing: who it went off among were hit (فجر انتحاري نفسه بين المصلين من قوات
    الطوارئ)."""
    if any(_kind_of_word().get(w.lemma_at(i)) == "bombing" for i in range(m.start, m.end)):
        return []
    # اشتباكات بين X وY / معارك عنيفة منذ مساء أمس بين X وY: a few words may come between
    between = next((b for b in w.labelled(s, "between_marker")
                    if m.end <= b.start and w.gap(m.end, b.start) <= SIDES_GAP), None)
    if between is None or any(m.end <= t.start < between.start for t in w.labelled(s, "attack")):
        return []  # ...هجوم على X واشتباكات بين: the nearer noun's sides
    # a name referring back (بين المقاومة والحوثيين) is a side too; a country named as a place is not
    # (not past a comma that opens another clause: بين الطرفين، فيما يؤكد X)
    reach = next((i for i in range(between.end, min(between.end + 7, s.end)) if w.doc[i].text in CLAUSE_BREAKS
                  and not (i + 1 < s.end and w.doc[i + 1].text.startswith("و"))), between.end + 7)
    found = distinct([f for f in w.actors(s) if not f.only_a_place
                      and between.end <= f.start < reach])
    # بين الجيش والمقاومة، من جهة، والحوثيين: the allies before جهة are one side
    hand = next((i for i in range(between.end, min(between.end + 10, s.end)) if w.doc[i].norm_ == "جهه"), None)
    # بين الحوثيين وأنصار صالح، والمقاومة: a comma before و closes the first side
    comma, words = None, 0
    for i in range(between.end, s.end - 1):
        words += not w.doc[i].is_punct
        if words > SIDES_REACH:
            break
        if w.doc[i].text in "،," and w.doc[i + 1].text.startswith("و"):
            comma = i
            break
    for split in (hand, comma):
        if split is not None and found and found[0].end <= split:
            other = next((f for f in w.actors(s) if not f.only_a_place and split < f.start and w.gap(split, f.start) <= 4), None)
            if other is not None or split == hand:
                return [found[0]] + ([other] if other is not None else [])
    return found


def _fired_end(w: Window, s: Sentence, m: Match) -> int | None:
    """Where what verb ``m`` fires ends (النار، الصواريخ after فتح، أطلق; needs_nearby), if
    it follows within a few words."""
    needed = _attack_needs().get(w.doc[m.start].norm_) or _attack_needs().get(w.lemma(m)) or frozenset()
    return next((i + 1 for i in range(m.end, min(m.end + FIRED_REACH, s.end)) if w.doc[i].norm_ in needed), None)


def _fired_before(w: Window, s: Sentence, m: Match) -> bool:
    """What the verb's object pronoun stands for is fired, named within three words before it
    (أسقطت الدفاعات صاروخا باليستيا أطلقه الحوثيون)."""
    fired = _attack_needs().get(w.lemma(m)) or _attack_needs().get(w.doc[m.start].norm_[:-1], frozenset())
    return any(t.norm_ in fired for t in w.doc[max(s.start, m.start - 3):m.start])


def _passive(w: Window, m: Match) -> bool:
    """The attack verb ``m`` is in a form spelled only as a passive (اغتيل، اغتيلت)."""
    return w.bare_in(m.start, _attack_words("passive_forms"))


def _undergo_verb(w: Window, s: Sentence, m: Match) -> int | None:
    """Where تعرض (underwent) stands before the attack noun with ل it takes (تعرض مقر الحزب
    لقصف), or صد (repelled) before the noun it takes as its object (صدت قوات البيشمركة هجوما
    لداعش), in the same clause."""
    if w.preposition(m.start) == "ل":
        verbs = w.undergo_verbs
    elif m.label == "attack:noun":
        verbs = _attack_words("repel_verbs")
    else:
        return None
    for i in range(m.start - 1, max(s.start, m.start - 8) - 1, -1):
        if w.doc[i].is_punct:
            return None
        if w.bare_in(i, verbs):
            return i
    return None


def _fired_from(w: Window, s: Sentence, m: Match, actors: list[Found]) -> Found | None:
    """The actor whose positions an attack noun that something underwent came from (تعرض
    المخيم لقصف من مواقع قوات الأسد، القصف الذي تعرض له من مواقع النظام); only in a sentence
    of undergoing: elsewhere من مواقع counts what was hit (عددا من مواقع الحوثيين)."""
    if not any(w.bare_in(i, w.undergo_verbs) for i in range(s.start, s.end)):
        return None
    at = next((i for i in range(m.end, min(m.end + FROM_REACH, s.end - 1))
               if w.doc[i].norm_ == "من" and w.doc[i + 1].norm_ in ("مواقع", "موقع")), None)
    return w.actor_after(s, at + 2, 1, among=actors) if at is not None else None


def _undergone(w: Window, s: Sentence, at: int | None, start: int | None, m: Match) -> Found | None:
    """The actor named between تعرض at ``at`` and the attack noun (تعرض مقر الحزب لقصف،
    تعرضت قافلة للجيش لهجوم), or in the subject before it that starts at ``start`` (وكان مقر
    الحزب قد تعرض لقصف): the one hit."""
    if at is None:
        return None
    return next((f for f in w.actors(s) if start < f.start and f.end <= m.start
                 and not f.only_a_place and not f.start < at < f.end), None)


def _subject_start(w: Window, s: Sentence, at: int) -> int:
    """Where the subject told before the verb at ``at`` starts, after the كان that opens it
    (وكان مبنى فرع الحزب في إسطنبول قد تعرض): else the verb itself, its subject after it."""
    aux = _attack_words("auxiliaries")
    for i in range(at - 1, max(s.start, at - SUBJECT_REACH) - 1, -1):
        if w.doc[i].is_punct:
            break
        if w.bare_in(i, aux) and w.doc[i].norm_ != "قد":
            return i
    return at


def _opponent(w: Window, s: Sentence, m: Match) -> Found | None:
    """The actor after مع right behind an attack word, maybe past one word (اشتباكات عنيفة
    مع مسلحي الحركة، اشتبكت القوات مع): who was fought, not who fought."""
    with_ = next((i for i in range(m.end, min(m.end + 2, s.end)) if w.doc[i].norm_ == "مع"), None)
    if with_ is None or w.doc[m.end].is_punct:
        return None
    return w.actor_after(s, _past_some_of(w, s, with_ + 1), 0, among=[f for f in w.actors(s) if not f.latent])


def _past_some_of(w: Window, s: Sentence, i: int) -> int:
    """Past a number or amount of a body's members at token i (نحو 300 من مقاتلي، العشرات من
    عناصر، مقاتلين من، أعداد كبيرة من عناصر): where the body they belong to is named; else i."""
    j = i
    if j < s.end and w.doc[j].norm_ in _attack_words("approximately"):
        j += 1
    if j < s.end and (w.doc[j].like_num or w.doc[j].norm_ in _attack_words("amounts")):
        j += 1
        if j + 1 < s.end and w.doc[j].norm_ != "من" and w.doc[j + 1].norm_ == "من":
            j += 1  # أعداد كبيرة من
        if j >= s.end or w.doc[j].norm_ != "من":
            return i
        j += 1
        return j + 1 if j < s.end and _members_word(w, j) else j
    return j + 2 if j + 1 < s.end and _members_word(w, j) and w.doc[j + 1].norm_ == "من" else i


def _members_word(w: Window, i: int) -> bool:
    """Token i names members or gunmen (عناصر، مقاتلين، مسلحي، انتحاريين)."""
    norm = w.doc[i].norm_.removeprefix("و").removeprefix("ال")
    return w.bare_in(i, _attack_words("assailants")) or any(norm.startswith(m) for m in norm_set(w.lex["member_stems"]))


def apply_claims(w: Window, attacks: list[Event]) -> None:
    """أعلن داعش مسؤوليته عن الهجوم / تبنت حركة الشباب التفجيرين: the claimant is the
    perpetrator of the attacks without one, in this sentence and the three before it."""
    for s in w.sentences:
        for m in w.labelled(s, "claim"):
            if _claim_negated(w, s, m) or _claim_blocked(w, s, m):
                continue  # لم تعلن أي جماعة مسؤوليتها، تحديد المسؤولية عن
            held, one = _held_responsible(w, s, m)
            if held:  # إن إيران تتحمل المسؤولية، حملت الحكومة الحوثيين المسؤولية: the one held, not who speaks
                claimant = one
            elif w.doc[m.start].norm_ in w.complementizers:
                # قالت منظمة داعش إنها مسؤولة عن الهجوم: the speaker, for the attack named next
                if not any(m.end <= t.start and w.gap(m.end, t.start) <= 1 for t in w.labelled(s, "attack")):
                    continue
                claimant = w.actor_before(s, m.start, 1) or s.reporter  # (قول منظمة داعش إنها)
            elif w.doc[m.start].norm_.startswith("مسوول") or w.doc[m.start].norm_ == "المسووليه":
                # أعلنت حركة الشباب، التي ...، مسؤوليتها عن: the one who announced it
                claimant = s.reporter or w.actor_before(s, m.start, 4)
            else:  # تبنى داعش الهجوم / داعش يتبنى (not the place: يتبنى تفجيرا ببغداد)
                named = [f for f in w.actors(s) if not f.latent]
                claimant = w.actor_after(s, m.end, 2, among=named) or w.actor_before(s, m.start, 0, among=named)
                # what is adopted comes next, maybe after where it was said (تبنى داعش في بيان
                # على الإنترنت الهجوم); يتبنى مجلس الأمن قرارا: a resolution, no attack
                after = claimant.end if claimant and claimant.start > m.start else m.end
                reach = 6 if after < s.end and w.doc[after].norm_ in ("في", "عبر") else 1
                # تبنى داعش غالبية هذه الهجمات: past how many and which
                which = _attack_words("claimed_how_many") | _attack_words("demonstratives")
                reach += sum(1 for _ in takewhile(lambda t: t.norm_ in which, w.doc[after:s.end]))
                if not any(after <= t.start and w.gap(after, t.start) <= reach for t in w.labelled(s, "attack")):
                    continue
            if claimant is None:
                continue
            for ev in attacks:
                if ev.perpetrator is None and s.index - 3 <= ev.trigger.sentence <= s.index:
                    ev.perpetrator = w.use(claimant)
                    ev.confidence += 0.1


def _subject_between(w: Window, s: Sentence, v: Match, m: Match) -> bool:
    """Verb ``v``'s subject, named right after it, is all that stands between it and the noun
    ``m`` (شن الكاتب محمد حسنين هيكل هجوما): the noun is the verb's object."""
    return any(v.end <= f.start <= v.end + 2 and f.end <= m.start and w.gap(f.end, m.start) <= 1 for f in w.actors(s))


def _suspected_group(w: Window, s: Sentence, m: Match) -> Found | None:
    """The group unnamed attackers next to attack ``m`` are suspected of belonging to (فجر
    مسلحون يشتبه في أنهم تابعون لحزب العمال قنبلة، انتحاري يعتقد أنه من داعش هاجم), named a
    few words after the word of suspicion, in its clause."""
    suspicion = _attack_words("suspicion_words")
    for i in range(max(s.start, m.start - 10), min(s.end - 1, m.end + 2)):
        if w.doc[i].norm_ in _attack_words("assailants") and w.bare_in(i + 1, suspicion):
            return next((f for f in w.actors(s) if not f.only_a_place and i + 1 < f.start and w.gap(i + 2, f.start) <= 4
                         and not any(t.text in CLAUSE_BREAKS for t in w.doc[i + 1:f.start])), None)
    return None


def _coordinated_subject(w: Window, s: Sentence, m: Match) -> Found | None:
    """The subject of the clause an attack verb is joined to (سيطرت ميليشيات الحوثي على
    المسجد وفجرته، شاركت تركيا في التحالف لكنها قصفت): the first state or armed group the
    sentence names, with no preposition before it and no clause break after it, that is not
    its speaker."""
    glued = w.doc[m.start].text.startswith("و") or (
        m.start > s.start and w.doc[m.start - 1].norm_ in _attack_words("coordinators"))
    if not glued:
        return None
    subject = next((f for f in w.actors(s) if not f.latent and f.start < m.start
                    and f.mention.type in ("state", "armed_group")), None)
    # (not a title's state, التقى وزير الخارجية السعودي; nor past a clause break, which opens
    # a clause with its own subject)
    if subject is None or w.governed(s, subject) or subject.mention.via == "adjective" or w.titled(subject) \
            or any(t.text in CLAUSE_BREAKS for t in w.doc[subject.end:m.start]) \
            or (s.reporter is not None and same_actor(s.reporter.mention, subject.mention)):
        return None
    return subject


def _claim_blocked(w: Window, s: Sentence, m: Match) -> bool:
    """Claim ``m`` is responsibility sought or disowned (lexicon claim_blockers right before
    it: تحديد المسؤولية عن، تنصلت من المسؤولية)."""
    return m.start > s.start and w.bare_in(m.start - 1, _attack_words("claim_blockers"))


def _held_responsible(w: Window, s: Sentence, m: Match) -> tuple[bool, Found | None]:
    """Whether the responsibility of claim ``m`` is held or borne as an accusation tells it
    (حملت الحكومة الحوثيين المسؤولية، إن إيران تتحمل المسؤولية), and the one held or who
    bears it; not a bearing announced as one's own, the noun with its pronoun (أعلنت الحركة
    تحملها المسؤولية) or the speaker's pronoun (قالت الحركة إنها تتحمل المسؤولية): claims."""
    verb = next((a for a in w.labelled(s, "bears") + w.labelled(s, "accusation:verb")
                 if w.lemma(a) in ("تحمل", "حمل") and a.end <= m.start and w.gap(a.end, m.start) <= CLAIM_NEGATION_REACH
                 and not w.doc[a.end - 1].norm_.endswith(("ه", "ها", "هم", "هما"))), None)
    if verb is None:
        return False, None
    named = [f for f in w.actors(s) if not f.latent]
    if verb.label == "bears":  # إيران تتحمل المسؤولية، تتحمل إيران المسؤولية (not إنها تتحمل: the speaker's claim)
        bearer = w.actor_before(s, verb.start, 0, among=named) or w.actor_after(s, verb.end, 0, among=named)
        return bearer is not None, bearer
    held = w.actor_before(s, m.start, 1, among=named)  # حملت الحكومة ميليشيا الحوثي (الانقلابية) المسؤولية
    return True, held if held is not None and held.start >= verb.end else None


def attacker(w: Window, s: Sentence, m: Match, verb: bool) -> Found | None:
    """الهجوم التركي / هجوم داعش / شنت قسد / نفذه مسلحون من داعش / داعش تهاجم / هجماتها.
    A country named as a place (في سوريا) never attacks, a capital after a noun is where an attack happened (هجوم أربيل), not who attacked (قصفت
    أنقرة: it did), and the name after اغتيال or استهداف is who was hit. The outlet a headline
    quotes its speakers to reports an attack (علماء لـ«عكاظ»: التفجير)."""
    actors = [f for f in w.actors(s) if not f.only_a_place and not _outlet_told(w, f) and not w.backs(s, f)
              and (verb or f.mention.via != "metonym") and not _affiliate(w, f)]
    if not verb and (agent := _passive_agent(w, s, m, actors)) is not None:
        return agent  # المملكة يتم استهدافها من داعش: the one after من did it
    if verb and _after_relative(w, m):
        # الهجمات التي استهدفت قوات الأمن: the relative clause's subject is the attack (or the
        # actor, maybe with an adjective: الحزب المحظور الذي يشن) before the pronoun; the one
        # after the verb is what it hit
        subject = w.actor_before(s, m.start - 1, 2, among=actors)
        if subject is not None and any(w.doc[i].text in "،," and not w.doc[i + 1].is_punct and i + 1 < m.start - 1
                                       for i in range(subject.end, m.start - 1)):
            # استنكر اللواء X، الحادث الذي استهدف: the noun past the comma is what the pronoun
            # stands for (not in جيمس هولمز، الذي أطلق النار)
            return None
        if subject is None or any(subject.end <= a.start < m.start for a in w.labelled(s, "attack")) or any(
                w.bare_in(i, _attack_words("deed_nouns")) for i in range(subject.end, m.start)):
            # العملية التي استهدفت، غالي العملية الإرهابية التي استهدفت: the attack or the deed
            # told before the pronoun is the subject
            return None
        if w.owns_facility(subject) or (subject.end < m.start - 1 and any(
                c.end == subject.start for c in w.labelled(s, "criticism"))):
            # أدانت الإمارات الجريمة الإرهابية التي استهدفت: the crime is the subject;
            # تفجير مسجد قوات الطوارئ الذي استهدف: the bombing is
            return None
        return subject
    # a state named with the trigger (الغزو العراقي) or right after a verb (قصفت تركيا); not a
    # name the tagger or a pattern made around it (لموقع التفجير)
    plural = verb and _plural_verb(w, m)
    on = next((f for f in actors if (f.start < m.end or verb and not plural) and f.start <= m.end and f.end > m.start
               and not ((f.mention.via == "ner" and f.start <= m.start)
                        or (f.mention.via == "pattern" and f.start < m.start))), None)
    if on and verb and on.start >= m.end and (subject := _svo_subject(w, s, m, actors)) is not None:
        return subject  # إسرائيل قصفت حركة حماس: the subject before the verb did it, its object was hit
    if on and not (verb and on.start >= m.end and _subject_after_that(w, s, m)):
        return on  # (not إن حشدا غاضبا هاجم الجيش: the army was hit)
    if not verb and (state := adjective_actor(w, s, m.end)) and not (object_noun(w, s, m) and state.start > m.end):
        return state  # غارات روسية، ضربة جوية أمريكية (not اغتيال الصحفي الفلسطيني: who was hit)
    if verb and (subject := _before(w, s, m, 0, actors)):
        return subject  # الحكومة السورية اغتالت الصحفية
    if verb and _after_pronoun(w, s, m.start):
        return _pronoun_subject(w, s, m.start, actors)  # أعلنت المقاومة أنها تشن هجوما
    if verb and (speaker := _speakers_forces(w, s, m.start - 1, (m.start - 1,))):
        return speaker  # قال الجيش الأمريكي إن طائراته قصفت: the forces of the one who speaks
    if object_noun(w, s, m):
        perp = _agent_of_noun(w, s, m, actors)
    elif (some := _past_some_of(w, s, m.end)) > m.end and (verb or not w.doc[m.end - 1].norm_.startswith("ال")):
        # هاجم العشرات من عناصر تنظيم داعش، هجوم المئات من مسلحي الحركة (not الغارات العشرات من
        # عناصر داعش: a noun with the article takes no genitive, what follows is its verb's object)
        perp = w.actor_after(s, some, 0, among=actors)
    elif plural:
        perp = None  # هاجموا الحدود السعودية: a plural verb's subject is named before it
    else:
        perp = w.actor_after(s, m.end, 2 if verb else 1 + 2 * _members_from(w, s, m.end), among=actors)
        if perp is not None and _laid_for(w, s, m, perp):
            perp = None  # نصبت المقاومة كمينا للحوثيين: whom it was laid for
        if perp is not None and (w.owns_facility(perp) or _owns_target(w, perp)):
            perp = None  # هاجم مسلحون مقر الأمم المتحدة، قصفت مواقع للحوثيين: the owner of what was hit
        if perp is not None and verb and _subject_after_that(w, s, m):
            perp = None  # إن حشدا غاضبا هاجم الجيش: the crowd attacked, the army was hit
        if perp is not None and verb and _unnamed_subject(w, s, m, perp):
            perp = None  # استهدف انتحاري اجتماعا لقوات الحشد، مسلحون اغتالوا العقيد X: X was hit
    if perp is not None and any(m.end <= t.start < perp.start for t in w.labelled(s, "target_marker")):
        perp = None  # تشن هجوما ضد المتمردين: the one after ضد is hit
    if perp is not None and perp is _opponent(w, s, m):
        perp = None  # خاضت القوات اشتباكات مع الحوثيين: who was fought
    passive = verb and _passive(w, m)
    if passive:
        perp = None  # اغتيل القيادي: the one after a passive verb was hit; who did it follows a by-marker
    if perp is None:
        for b in w.by_markers(s):
            if b.start == m.start and object_noun(w, s, m):
                continue  # بقتال داعش، باستهداف قادته: the name after it was fought, hit
            after = _past_some_of(w, s, b.end)  # نفذه نحو 300 من مقاتلي «ولاية سيناء»
            if b.start >= m.start and (perp := w.actor_after(s, after, 4, among=actors)):
                if _beyond(w, s, b.end, perp.start) or any(
                        w.bare_in(i, _attack_words("target_heads")) for i in range(after, perp.start)):
                    perp = None  # بسيارة مفخخة على حاجز لوحدات حماية الشعب، بقصف مواقع لعناصر الحزب: what was hit
                break
    if passive:
        return perp
    if perp is None and verb:  # قوات البيشمركة الكردية شنت: a subject, maybe with its adjective
        perp = _before(w, s, m, 2 if _still_before(w, s, m.start) else 1, actors)
        if perp and w.gap(perp.end, m.start) and not (w.adjective(w.doc[perp.end]) or _still_before(w, s, m.start)
                                                      or w.bare_in(perp.end, _attack_words("auxiliaries"))):
            perp = None  # قوات التحالف كانت تقصف، داعش لا يزال يشن: the subject past its auxiliary
    if perp is None and (verb or not (w.joined(m.start) or _by_means(w, m))) and (
            before := _before(w, s, m, 0, actors)) and not any(
                c.end <= before.start and w.gap(c.end, before.start) <= CONDEMNER_TITLE
                for label in ("criticism", "designation") for c in w.labelled(s, label)):
        # not who condemns or describes it (استنكرت البحرين التفجير، أدان رئيس الجامعة الدكتور X
        # التفجير، وصف نتنياهو الهجوم بأنه), nor the end of the phrase before a
        # noun joined by و (تفجير مسجد قوات الطوارئ واستهداف رجال الأمن), nor the victims
        # before a noun with ب (مقتل 17 من الحوثيين بقصف للتحالف)
        perp = before
    if perp is None and _by_means(w, m) and (before := _before(w, s, m, 0, actors)) is not None \
            and before.start > s.start and w.bare_in(before.start - 1, _attack_words("response_verbs")):
        perp = before  # ردت قوات النظام بقصف المدينة: who answered with the shelling did it
    if perp is None and (told := next((r for r in w.labelled(s, "reporting") if r.end == m.start), None)):
        perp = _before(w, s, told, 0, actors)  # تركيا تؤكد شن هجمات: who says it did it
    if perp is None and (launcher := _launcher(w, s, m)):
        # بدأت القوات التركية مع فصائل موالية لها هجوما; a verb's form there is its masdar
        # (واصل الحزب من جهته شن هجمات)
        perp = launcher
    if perp is None and not verb:  # تعرض المخيم لقصف من مواقع قوات الأسد: who fired from there
        perp = _fired_from(w, s, m, actors)
    if perp is None and not verb and _possessive(w, m):  # وضاعفت حركة الشباب هجماتها (a group's, no person's)
        # (وتهدد أنقرة بنقل هجومها: a capital that acts here too)
        # (not the leader: تواصل طائرات التحالف بقيادة المملكة غاراتها)
        named = [f for f in w.actors(s) if w.named_here(s, f) and not _affiliate(w, f) and not _led_by(w, f.start)
                 and f.end <= m.start and f.mention.type != "person"]
        perp = named[-1] if named else None
    if perp is None and verb:  # حزب العمال، الذي يشن حربا: the one the relative clause is about
        rel = next((i for i in range(m.start - 1, max(s.start, m.start - 4) - 1, -1)
                    if w.doc[i].norm_ in w.relatives), None)
        perp = w.actor_before(s, rel, 2, among=actors) if rel is not None else None
    return perp


def _plural_verb(w: Window, m: Match) -> bool:
    """Verb ``m`` carries a plural subject (هاجموا، اعتدوا، يشنون): Arabic puts a verb before
    its named subject only in the singular, so the one named after it is its object."""
    word = w.doc[m.end - 1].norm_
    return word.endswith("وا") or (word.lstrip("وف")[:1] in "يت" and word.endswith("ون"))


def _members_from(w: Window, s: Sentence, i: int) -> bool:
    """Tokens i and i + 1 name some of a body's members or gunmen (اعتداء عناصر من شرطة
    الاحتلال، هجوم مسلحين من حركة الشباب): the body after them is whose they are."""
    return i + 1 < s.end and w.doc[i + 1].norm_ == "من" and (
        w.bare_in(i, norm_set(w.lex["member_stems"])) or w.bare_in(i, _attack_words("assailants")))


def _laid_for(w: Window, s: Sentence, m: Match, f: Found) -> bool:
    """``f`` is named with ل right after the ambush noun ``m`` that a laying verb takes (نصبت
    المقاومة كمينا لميليشيات الحوثي، كمينا لعناصر داعش): whom it was laid for."""
    return m.end < s.end and w.preposition(m.end) == "ل" and f.start - m.end in (0, 1) \
        and w.bare_in(m.start, _attack_words("laid_for")) \
        and (i := _launch_verb(w, s, m)) is not None and w.bare_in(i, _attack_words("laying_verbs"))


def _outlet_told(w: Window, f: Found) -> bool:
    """``f`` is the outlet a headline's speakers told, with ل before and a colon after (علماء
    لـ«عكاظ»: التفجير): a news outlet, whatever the tagger made of it."""
    i, j = w.before_quotes(f.start), f.end
    while j < len(w.doc) and w.doc[j].text in QUOTE_MARKS:
        j += 1
    told = f.start > 0 and (w.preposition(f.start) == "ل" or (i >= 0 and w.doc[i].norm_ in ("ل", "لـ")))
    return told and j < len(w.doc) and w.doc[j].text == ":"


def _agent_of_noun(w: Window, s: Sentence, m: Match, actors: list[Found]) -> Found | None:
    """قصف طيران التحالف لمعسكر الحمزة، استهداف إسرائيل للقطاع: an object noun whose object
    follows with ل names its doer right after it; so does one whose object follows as a bare
    noun of what is hit (استهداف جيش الإسلام مواقع قوات النظام)."""
    agent = w.actor_after(s, m.end, 0, among=actors)
    if agent is None or agent.end >= s.end or w.preposition(agent.start) in ("ل", "ب"):
        return None
    hit = w.doc[agent.end].norm_ in _attack_words("target_heads")  # (not مواقع with ال: مواقع الحوثيين is one phrase)
    return agent if w.preposition(agent.end) == "ل" or hit else None


def _arrests_only(w: Window, s: Sentence, m: Match) -> bool:
    """The campaign whose verb is ``m`` arrested people: the outcome told last before it is an
    arrest (قتل 260 ... وألقت فرق الأمن القبض على 1500 في عمليات استهدفت التنظيم), or, with
    none before it, the sentence counts people arrested and none killed or hurt."""
    outcomes = w.labelled(s, "outcome")
    if before := [o for o in outcomes if o.end <= m.start]:
        return max(before, key=lambda o: o.start).label == "outcome:captured"
    labels = {o.label for o in outcomes}
    return "outcome:captured" in labels and not labels & {"outcome:killed", "outcome:injured"}


def _noun_subject(w: Window, s: Sentence, m: Match) -> bool:
    """A subject noun right before the attack verb ``m``, maybe with adjectives between
    (حملة أمنية استهدفت، عمليات استهدفت): the verb says what the campaign hit."""
    i = m.start - 1
    while i > s.start and i >= m.start - 3 and w.doc[i].norm_.endswith(w.nisba) and not w.doc[i]._.clitic:
        i -= 1  # أمنية، عسكرية
    return i >= s.start and w.doc[i].norm_ in _attack_words("subject_nouns")


def _never_where(w: Window, s: Sentence, places: list[Found]) -> set[int]:
    """Where the places of sentence ``s`` start that are where none of its attacks happened:
    the state that leads (التحالف الذي تقوده الولايات المتحدة، بقيادة أمريكا), a country that
    speaks (أدانت مملكة البحرين التفجير، البحرين تدين), where an actor holds ground, a country
    fought."""
    led = {b.end for b in w.labelled(s, "by_marker")}
    speech = [v for label in ("criticism", "reporting", "accusation") for v in w.labelled(s, label)]
    acting = {f.start for f in w.actors(s) if not f.latent and f.mention.via == "registry"
              and any(v.end == f.start or f.end == v.start for v in speech)}
    held = _held_by_an_actor(w, s)
    listed = _each_of_list(w, s, places)
    # a country after ضد is who was fought (الاشتباكات ضد تركيا), not where
    fought = {p.start for p in places if p.start > s.start and w.doc[p.start - 1].norm_ == "ضد" and p.mention.type == "country"}
    return {p.start for p in places if p.start in led or p.start in acting or p.start in held or p.start in listed
            or p.start in fought or (p.start > s.start and _led_by(w, p.start))}


def _each_of_list(w: Window, s: Sentence, places: list[Found]) -> set[int]:
    """Where the countries of a list after كلا من start (حمّلت واشنطن كلا من روسيا وسوريا
    المسؤولية): who is named, not where."""
    out: set[int] = set()
    for p in sorted(places, key=lambda p: p.start):
        if (p.start - 1 > s.start and w.rules.each_of(w.doc, p.start - 1)) or any(
                q.end == p.start and q.start in out for q in places) and w.doc[p.start].text.startswith("و"):
            out.add(p.start)
    return out


def _not_where(w: Window, s: Sentence, m: Match, places: list[Found], perp: Found | None, doers_end: int,
               never: set[int]) -> set[int]:
    """Where the places named near attack ``m`` start that are not where it happened: the
    sentence's ``never`` (_never_where), the attacker's own name (واشنطن نفذت غارة), those
    named before it in a condemnation (ملكا البحرين والأردن يستنكران تفجير عسير، أدانت الكويت التفجير)."""
    condemned = any(c.start < m.start for c in w.labelled(s, "criticism"))
    doers = range(perp.start, doers_end) if perp is not None else range(0)
    return never | {p.start for p in places if p.start in doers or (condemned and p.end <= m.start)}


def _held_by_an_actor(w: Window, s: Sentence) -> set[int]:
    """The tokens of relative clauses that say where an actor holds or is active (داعش الذي
    يسيطر على مساحات في سوريا والعراق): to the clause's end."""
    holding = _attack_words("holding_verbs")
    out: set[int] = set()
    for f in w.actors(s):
        rel = f.end
        if rel + 1 < s.end and w.doc[rel].norm_ in w.relatives and w.doc[rel + 1].norm_ in holding:
            end = next((i for i in range(rel + 2, s.end) if w.doc[i].text in CLAUSE_BREAKS), s.end)
            out.update(range(rel + 2, end))
    return out


def _led_by(w: Window, i: int) -> bool:
    """The name at token i leads (بقيادة تركيا، التحالف الذي تقوده السعودية): بقيادة counts
    whether or not the clitic stripper cut its ب."""
    leaders = _attack_words("leader_words")
    return i > 0 and bool({w.doc[i - 1].norm_, "ب" + w.doc[i - 1].norm_} & leaders)


def _affiliate(w: Window, f: Found) -> bool:
    """``f`` is named as whom the doer is linked to (الشباب المرتبطون بتنظيم القاعدة): not the doer."""
    return f.start > 0 and w.doc[f.start - 1].norm_ in _attack_words("affiliation_words")


def _owns_target(w: Window, f: Found) -> bool:
    """``f`` owns what an attack hit (مواقع الحوثيين، معسكرات لحزب العمال، مواقع تابعة للجبهة،
    مبنى يتبع وزارة الحرس الوطني)."""
    i = f.start - 1
    while i > 0 and w.doc[i].text in QUOTE_MARKS:  # مواقع «داعش»
        i -= 1
    if i > 0 and (w.doc[i].norm_.removeprefix("ال").startswith("تابع") or w.doc[i].norm_ in _attack_words("owner_verbs")):
        i -= 1  # مواقع تابعة للجبهة، مبنى يتبع الوزارة
    heads = _attack_words("target_heads")

    def head(i: int) -> bool:  # لمخبأ، المواقع
        return i >= 0 and (w.bare_in(i, heads, "ل") or w.doc[i].norm_.removeprefix("ال") in heads)

    if head(i):
        return True
    if i > 0 and any(w.doc[i].norm_.removeprefix("ل").removeprefix("ل").removeprefix("ال").startswith(m)
                     for m in norm_set(w.lex["member_stems"])):
        i -= 1  # المقار العسكرية للمسلحين الحوثيين: whose fighters own it
    while i > 0 and w.adjective(w.doc[i]):
        i -= 1  # المواقع العسكرية لجماعة الحوثي
    return head(i)


def _unnamed_subject(w: Window, s: Sentence, m: Match, f: Found) -> bool:
    """Unnamed assailants are verb ``m``'s subject, right before it or between it and ``f``
    (مسلحون مجهولون اغتالوا، استهدف انتحاري): ``f`` after the verb is what they hit, unless
    named as their group (هاجم مسلحون من داعش، مسلحون يشتبه في أنهم من)."""
    assailants = _attack_words("assailants")
    at = [i for i in range(max(s.start, m.start - 2), f.start) if w.doc[i].norm_ in assailants and not m.start <= i < m.end]
    if not at:
        return False
    linked = {"من"} | _attack_words("suspicion_words") | _attack_words("affiliation_words")
    return not any(w.bare_in(i, linked) for i in range(at[0] + 1, f.start))


def _assailant_near(w: Window, s: Sentence, m: Match) -> bool:
    """An unnamed attacker is the aim verb's subject, right before it or within two words
    after it (استهدف انتحاري يرتدي حزاما مسجدا، مسلحون استهدفوا دورية), or an aircraft
    is, maybe with its adjective (استهدفت طائرة مسيرة سيارة، طائرات حربية استهدفت)."""
    near = range(max(s.start, m.start - 1), min(s.end, m.end + 2))
    craft = range(max(s.start, m.start - 2), min(s.end, m.end + 2))
    return any(w.doc[i].norm_ in _attack_words("assailants") for i in near) or \
        any(w.bare_in(i, _attack_words("strike_craft")) for i in craft)


def _aims_at(w: Window, s: Sentence, m: Match, perp: Found | None) -> bool:
    """What the aim verb ``m`` takes, right after it or after its subject, is a goal (أن،
    شراء، زيادة، أمن المملكة...), or a goal follows it with ل: not someone to hit."""
    after = perp.end if perp is not None and perp.start == m.end else m.end
    if after + 2 < s.end and w.bare_in(after, frozenset({"بشكل"})):
        after += 2  # يستهدف وبشكل أساسي الحد من: past the adverb
    goals = _attack_words("aim_objects")
    if after < s.end and w.doc[after].norm_ in goals:
        return True
    # استهداف صغار السن للتأثير عليهم، يستهدف التنظيم الشباب عبر مواقع التواصل لتجنيدهم: whom
    # it aims at, for a goal named with ل (maybe with an object pronoun)
    return any(w.doc[i].text.startswith("ل") and any(
        w.doc[i].norm_.removeprefix("ل").removeprefix("ل").removeprefix("ال").removesuffix(pronoun) in goals
        for pronoun in ("هم", "ها", "ه", "")) for i in range(after + 1, min(after + AIM_REACH, s.end)))


def _launch_verb(w: Window, s: Sentence, m: Match) -> int | None:
    """The token of the launch verb (بدأ، نفذ، واصل; قام with an attack word on ب) whose object
    is the attack word ``m``, a few words before it with no comma, preposition or other attack
    between."""
    if m.start == s.start or w.preposition(m.start) == "ل":
        return None
    launch, end = _launch_words(), m.start
    if w.preposition(m.start) == "ب":  # قامت القوات التركية بقصف، قيام الجيش التركي بقصف
        launch = _attack_words("doing_verbs")
    elif w.doc[m.start - 1].norm_ in ("من", "في"):  # تمكن مقاتلو المقاومة من اقتحام، نجحت القوات في استهداف
        launch, end = _attack_words("able_verbs"), m.start - 1
    elif w.doc[m.start - 1].norm_ in _attack_words("object_blockers"):
        return None  # بدأت الحكومة تحقيقا في الهجوم: not its object
    others = {t.start for t in w.labelled(s, "attack")}
    for i in range(end - 1, s.start - 1, -1):
        if w.doc[i].text in "،,.:؛\"«»" or i in others or w.gap(i, end) > LAUNCH_GAP:
            return None
        if w.bare_in(i, launch):  # وبدأت
            return i
    return None


@lru_cache(maxsize=1)
def _launch_words() -> frozenset[str]:
    """Verbs whose object is an attack noun they launch or lay (بدأ، نفذ، نصب)."""
    return _attack_words("launch_verbs") | _attack_words("laying_verbs")


def _launcher(w: Window, s: Sentence, m: Match) -> Found | None:
    """The actor right after the launch verb whose object is the attack noun ``m`` (بدأت
    القوات التركية هجوما، بدأت تركيا قصف معسكرات: a country there acts), or right before it."""
    if (i := _launch_verb(w, s, m)) is None:
        return None
    named = [f for f in w.actors(s) if w.named_here(s, f) and not (_affiliate(w, f) or w.backs(s, f))]
    if _after_pronoun(w, s, i):
        return _pronoun_subject(w, s, i, named)  # أعلن الجيش يوم الثلاثاء أنه نفذ غارة
    if speaker := _speakers_forces(w, s, i, (i - 1, i + 1)):
        return speaker  # قال الجيش إن قواته نفذت غارة، أعلنت الوحدات: نفذت قواتنا عملية
    f = w.actor_after(s, i + 1, 0, among=named)
    if f is not None and f.end <= m.start:
        return f
    # وكانت تركيا بدأت قصف، كان طيران التحالف قد نفذ 44 غارة
    f = w.actor_before(s, i, 1 if i > s.start and w.doc[i - 1].norm_ == "قد" else 0, among=named)
    return _loyal_one(w, f, named) if f is not None else None


def _after_pronoun(w: Window, s: Sentence, verb: int) -> bool:
    """The verb at token ``verb`` comes right after أن/إن with a pronoun (أنها تشن، أنه نفذ)."""
    return verb > s.start and w.doc[verb - 1].norm_ in _attack_words("pronoun_subjects")


def _pronoun_subject(w: Window, s: Sentence, verb: int, actors: list[Found]) -> Found | None:
    """Who the pronoun before ``verb`` stands for (أعلنت المقاومة أنها تشن هجوما، أكدت وزارة
    الدفاع في بيان لها مساء الأحد أنها قصفت): the one named just before it, else the
    sentence's speaker when named before it."""
    if (named := w.actor_before(s, verb - 1, 2, among=actors)) is not None:
        return named
    return s.reporter if s.reporter is not None and s.reporter.end < verb - 1 and s.reporter in actors else None


def _speakers_forces(w: Window, s: Sentence, by: int, at: tuple[int, ...]) -> Found | None:
    """The sentence's speaker, named by token ``by``, when a word for its own forces stands at
    one of the tokens ``at`` (قال الجيش إن طائراته قصفت، «نفذت قواتنا هجوما»)."""
    if s.reporter is None or s.reporter.end > by:
        return None
    own = _attack_words("own_forces")
    return s.reporter if any(s.start <= j < s.end and w.doc[j].norm_ in own for j in at) else None


def _past_adjectives(w: Window, s: Sentence, m: Match, pos: int) -> int:
    """Past the adjectives of a definite attack noun ending at ``pos`` (التفجير الإرهابي الجبان
    الذي استهدف مسجدا): a definite word after it is no genitive but an adjective, so what
    follows them tells what the attack hit."""
    if m.label != "attack:noun" or pos != m.end or not w.doc[m.end - 1].norm_.startswith("ال"):
        return pos
    i = pos
    while i < min(s.end, pos + 3) and w.doc[i].norm_.startswith("ال") and w.doc[i].norm_ not in w.relatives \
            and not any(f.start <= i < f.end for f in s.founds):
        i += 1
    return i


def _attacked_for_words(w: Window, s: Sentence, m: Match) -> bool:
    """هاجم whose reason follows within a few words (بسبب، لرفضها، لتصريحاته), with no town or
    site named before it and no casualty in the sentence: a verbal attack."""
    if m.label != "attack:verb" or w.lemma(m) not in _attack_words("verbal_lemmas") or w.labelled(s, "outcome"):
        return False
    reasons = _attack_words("verbal_reasons")
    reason = next((i for i in range(m.end, min(m.end + 6, s.end)) if w.bare_in(i, reasons, "و")), None)
    # not where a town or site is named before the reason (هاجم مسلحون حاجزا في سيناء بسبب)
    return reason is not None and not any(
        f.mention.kind == "place" and f.mention.type != "country" and m.end <= f.start < reason for f in s.founds)


def _battle_of_place(w: Window, s: Sentence, m: Match, places: list[Mention]) -> bool:
    """A battle named by its place (معركة الزبداني، معركة تحرير عدن) or told as under way
    there (معارك عنيفة تدور في أطراف قاعدة العند، وتدور معارك): one fight, not war as a whole."""
    if not places or w.lemma(m) not in _attack_words("battles"):
        return False
    starts = {f.start for f in s.founds if f.mention in places}
    if any(m.end <= i <= m.end + 1 for i in starts) and not any(t.is_punct for t in w.doc[m.end:m.end + 2]):
        return True
    around = w.words_after(s, m, 2) | ({w.doc[m.start - 1].norm_.removeprefix("و")} if m.start > s.start else set())
    return bool(around & _attack_words("under_way"))


def _generic(w: Window, m: Match) -> bool:
    """A word for war as a whole (معركة، قتال، العمليات العسكرية) or a massacre, by lemma or as
    a phrase."""
    words = _attack_words("generic_lemmas") | _attack_words("massacres")
    return w.lemma(m) in words or " ".join(t.norm_ for t in w.doc[m.start:m.end]) in words


def _beyond(w: Window, s: Sentence, start: int, end: int) -> bool:
    """A target marker (على، ضد) or a comma between ``start`` and ``end``: who is named
    after it was hit, or belongs to another clause."""
    return any(w.doc[i].text in "،," for i in range(start, end)) or any(
        start <= t.start < end for t in w.labelled(s, "target_marker"))


def _by_means(w: Window, m: Match) -> bool:
    """The trigger carries ب: by means of it (قتلوا بقصف), what is told before is its outcome."""
    return bool(w.doc[m.start]._.clitic) and w.doc[m.start].text.startswith("ب")


def _past_aside(w: Window, s: Sentence, pos: int) -> int:
    """Where an aside set off by dashes or brackets that ends right before ``pos`` opens
    (جبهة النصرة -جناح تنظيم القاعدة في سوريا- هاجمت: the subject is before it), or the
    kind of weapon named there (طائرات الاحتلال من نوع إف 16 استهدفت), or the allies joined to
    the subject (الولايات المتحدة وحلفاؤها يشنون); else ``pos``."""
    if pos > s.start and w.doc[pos - 1].norm_ in norm_set(w.lex["ally_words"]):
        return pos - 1
    kinds = _attack_words("type_phrases")
    kind = next((i for i in range(pos - 2, max(s.start, pos - 6) - 1, -1)
                 if f"{w.doc[i].norm_} {w.doc[i + 1].norm_}" in kinds), None)
    if kind is not None and not any(t.is_punct and t.text not in "\"«»“”" for t in w.doc[kind:pos]):
        return kind
    if pos <= s.start or w.doc[pos - 1].text not in ("-", "–", ")"):
        return pos
    opener = "(" if w.doc[pos - 1].text == ")" else w.doc[pos - 1].text
    return next((j for j in range(pos - 2, max(s.start, pos - 14) - 1, -1) if w.doc[j].text == opener), pos)


def _supplied(w: Window, s: Sentence, m: Match) -> bool:
    """Weapon word ``m`` comes a few words after a word of supplying or obtaining arms."""
    if not {t.norm_.removeprefix("ال") for t in w.doc[m.start:m.end]} & _attack_words("arms_words"):
        return False
    return any(w.bare_in(i, _attack_words("arms_suppliers"), "وفبل") for i in range(max(s.start, m.start - SUPPLY_REACH), m.start))


def _dawn(w: Window, s: Sentence, m: Match) -> bool:
    """فجر is the dawn, not "detonated" (فجر أمس، في الساعة الرابعة فجرا), also in a name
    whose place follows it (قوات فجر ليبيا, Libya Dawn: nothing is detonated by a country)."""
    return w.lemma(m) == "فجر" and (m.end < s.end and w.doc[m.end].norm_ in _attack_words("dawn_times") or any(
        t.norm_ in _attack_words("clock_words") for t in w.doc[max(s.start, m.start - 3):m.start]) or any(
        f.start == m.end and f.mention.kind == "place" and not w.doc[m.end].text.startswith("ال") for f in s.founds))


def _unarmed_campaign(w: Window, s: Sentence, m: Match) -> bool:
    """شن with a campaign for its object, a few words on (or before it, the pronoun's: حملة
    أمنية موسعة، شنتها المديرية), that no word after calls armed (شن المحامون حملة قوية ضد;
    not شن الجيش حملة عسكرية، حملة دهم)."""
    if m.label != "attack:verb" or w.lemma(m) != "شن":
        return False
    campaigns = _attack_words("campaigns")
    campaign = next((i for i in range(m.end, min(m.end + 4, s.end)) if w.doc[i].norm_ in campaigns), None)
    if campaign is None:
        campaign = next((i for i in range(m.start - 1, max(s.start, m.start - 5) - 1, -1) if w.doc[i].norm_ in campaigns), None)
    return campaign is not None and not any(
        w.doc[i].norm_ in _attack_words("armed_campaigns") for i in range(campaign + 1, min(campaign + 3, s.end)))


def _subject_after_that(w: Window, s: Sentence, m: Match) -> bool:
    """The attack verb ``m`` has its subject between إن/أن and it, a noun no actor names (قال
    إن حشدا غاضبا هاجم، أكد أن مسلحين اقتحموا): the one named after the verb is its object."""
    bare = {c for c in w.complementizers if len(c) <= 3}  # إن، أن، بأن: not أنه، أنها (a pronoun subject)
    that = next((i for i in range(m.start - 1, max(s.start, m.start - 4) - 1, -1) if w.doc[i].norm_ in bare), None)
    if that is None or that == m.start - 1:
        return False
    between = range(that + 1, m.start)
    return not any(w.doc[i].is_punct for i in between) and not any(
        f.start < m.start and f.end > that + 1 for f in s.founds)


def _another(w: Window, e: Event) -> bool:
    """The attack word of ``e`` is called another one (تفجير مماثل، هجوم آخر، غارة جديدة): not
    the attack told before it."""
    at = w.tokens_of(e.trigger).stop
    return at < w.sentences[e.trigger.sentence].end and w.doc[at].norm_ in _attack_words("another_words")


def _new_story(w: Window, s: Sentence) -> bool:
    """Sentence ``s`` opens another story: a place and a comma (وفي العراق، قتل 21 شخصا) or
    words that say so (من جهة أخرى، في سياق آخر): what it tells is not the attack just before."""
    return w.starts_with(s, "story_shift", _first_word(w, s)) is not None or story_place(w, s) is not None


def story_place(w: Window, s: Sentence) -> Found | None:
    """The place a sentence opens with, before a comma (وفي محافظة الحديدة، غرب اليمن، نفذت
    المقاومة هجوما، أما في محافظة لحج، فقد; maybe past the larger place it lies in: وفي منطقة
    ساقين بنفس المحافظة،): where what it tells happened."""
    first = _first_word(w, s)
    if first + 1 < s.end and w.doc[first].norm_ == "اما":
        first += 1  # أما في محافظة لحج، فقد
    if first >= s.end or w.doc[first].norm_ not in ("في", "وفي"):
        return None
    place = next((f for f in s.founds if f.mention.kind == "place" and f.start == first + 1), None)
    return place if place is not None and any(
        w.doc[i].text in "،," for i in range(place.end, min(place.end + STORY_PLACE_TAIL + 1, s.end))) else None


def _first_word(w: Window, s: Sentence) -> int:
    """Where sentence ``s`` starts, past a و the clitic stripper left alone."""
    return s.start + (w.doc[s.start].norm_ == "و")


def _unnamed_doer(w: Window, e: Event, words: str) -> bool:
    """The sentence of attack ``e`` says who did it without a name (one of the lexicon's
    ``words``: assailants, or only gunmen): right before its word or right after it (مسلحون
    هاجموا، هاجم مسلحون), or after a by-marker close behind it (قصف بالهاون من قبل مسلحين)."""
    s, at = w.sentences[e.trigger.sentence], w.tokens_of(e.trigger).start
    assailants = _attack_words(words)
    near = [i for i in (at - 1, at + 1) if s.start <= i < s.end]
    markers = [b.end for b in w.by_markers(s) if at <= b.start <= at + 6 and b.end < s.end]
    return any(w.bare_in(i, assailants) for i in near + markers)


def _still_before(w: Window, s: Sentence, pos: int) -> bool:
    """لا يزال، ما زالت right before ``pos``: "still", between a subject and its verb."""
    return pos - 2 >= s.start and w.doc[pos - 2].norm_ in ("لا", "ما") and w.doc[pos - 1].norm_ in w.still


def _surname(w: Window, s: Sentence, m: Match) -> bool:
    """Attack word ``m`` is a family name (lexicon surnames) after a name of the form عبد + the
    article (عبدالله العدوان، عبد الرحمن العدوان), whether or not the tagger found the name; not
    any word after one (أدان عبدالله الهجوم: what he condemned)."""
    if m.start - 1 < s.start or w.doc[m.start].norm_ not in _attack_words("surnames"):
        return False
    before = w.doc[m.start - 1].norm_
    return before.startswith("عبدال") or (m.start - 2 >= s.start and w.doc[m.start - 2].norm_ == "عبد" and before.startswith("ال"))


def _svo_subject(w: Window, s: Sentence, m: Match, actors: list[Found]) -> Found | None:
    """The subject right before verb ``m`` (إسرائيل قصفت، الجيش التركي قصف): not before a
    verb joined by و, which opens a clause of its own, nor one a preposition carries; not an
    outlet, whose dateline stands before the story's verb (لندن ـ «الشرق الأوسط»: اغتال الطيران)."""
    if w.doc[m.start].text.startswith("و"):
        return None
    subject = _before(w, s, m, 0, [f for f in actors if not f.only_a_place and f.mention.type != "media"])
    return subject if subject is not None and not w.preposition(subject.start) else None


def _before(w: Window, s: Sentence, m: Match, limit: int, actors: list[Found]) -> Found | None:
    """The actor right before ``m``, unless it is the sentence's source and a quote or colon
    stands between (قال المرصد "فجر انتحاري نفسه": the monitor reports, it does not attack; a
    headline's الحكومة "اغتالت الصحفية" still names who did it)."""
    f = w.actor_before(s, _past_aside(w, s, m.start), limit, among=actors)
    while f is not None and w.joined(f.start) and (first := next((g for g in actors if g.end == f.start), None)):
        f = first  # الحوثيون وقوات صالح شنوا: the first of the doers joined by و leads them
    if f is not None:
        f = _loyal_one(w, f, actors)
    if f is not None and f.start > s.start and w.doc[f.start - 1].norm_ == "مع":
        return None  # قوات مكافحة الإرهاب، بالتعاون مع قوات الدرك، داهمت: a partner, not the subject
    if f is not None and f.mention.type == "person" and w.doc[m.start].norm_.endswith("وا") and \
            w.doc[m.start].text.startswith("و"):
        return None  # لتوقيف محمد أبو عيشة وأطلقوا النار: a plural verb's subject is not the one man before it
    quoted = f is not None and any(t.text in "\"“”«»:" for t in w.doc[f.end:m.start])
    return None if quoted and s.reporter is not None and s.reporter.start == f.start else f


def _loyal_one(w: Window, f: Found, actors: list[Found]) -> Found:
    """The actor named right before a loyalty word before ``f`` (قوات يمنية مؤيدة للتحالف):
    the one loyal to ``f``, who is the subject; else ``f``."""
    if f.start > 0 and w.bare_in(f.start - 1, w.loyal):
        return next((g for g in actors if g.end == f.start - 1), f)
    return f


def _purpose_or_every(w: Window, s: Sentence, m: Match) -> bool:
    """لقتال داعش (to fight it: a purpose), بعد كل معركة (every battle): no one event."""
    tok = w.doc[m.start]
    return bool(tok._.clitic and tok.text.startswith("ل")) or (m.start > s.start and w.doc[m.start - 1].norm_ == "كل")


def _tally(w: Window, s: Sentence, m: Match) -> bool:
    """Attack noun ``m`` is counted in hundreds or thousands (مئات الهجمات، آلاف من الغارات)."""
    i = m.start - 1
    if i > s.start and w.doc[i].norm_ == "من":
        i -= 1
    return i >= s.start and w.doc[i].norm_ in _attack_words("countless")


def _what_it_does(w: Window, s: Sentence, m: Match) -> bool:
    """A present attack verb opening a relative clause about who does it (الخلايا التي تستهدف
    الجيش، داعش وأتباعه الذين يستهدفون المساجد) says what they do, not an attack that
    happened; one about an attack or a campaign (الغارات التي تستهدف مواقع) tells it."""
    if m.label != "attack:verb" or not _after_relative(w, m) or w.doc[m.start].norm_[:1] not in "يت":
        return False
    rel = m.start - 1
    return not any(a.end <= rel and w.gap(a.end, rel) <= 2 for a in w.labelled(s, "attack")) and not any(
        w.bare_in(i, _attack_words("campaigns")) for i in range(max(s.start, rel - 3), rel))


def _guarded_against(w: Window, s: Sentence, m: Match) -> bool:
    """The attack noun ``m`` follows من a few words past a word of guarding (حماية الحدود
    الجنوبية من هجمات الحوثيين): what is guarded against."""
    if m.label != "attack:noun" or m.start == s.start or w.doc[m.start - 1].norm_ != "من":
        return False
    return any(w.bare_in(i, _attack_words("guard_words")) for i in range(max(s.start, m.start - GUARD_REACH), m.start - 1))


def _after_relative(w: Window, m: Match) -> bool:
    """A verb right after a relative pronoun, with no object pronoun on it (العملية التي
    استهدفت قوات الأمن): the clause's subject stands before, what it hit after. With one
    (المدينة التي قصفتها الطائرات) the one after is the subject."""
    return not w.carries_object(m) and m.start > 0 and w.doc[m.start - 1].norm_ in w.relatives


def object_noun(w: Window, s: Sentence, m: Match) -> bool:
    """اغتيال، استهداف، تفجير (in any form): the name after the noun is who was hit; but no one
    blows up an armed group, so one right after a bombing (تفجير انتحاري لـ«داعش»، تفجير تنظيم
    الدولة) is whose it was."""
    if m.label != "attack:noun" or w.lemma(m) not in norm_set(w.lex["attack"]["object_nouns"]):
        return False
    if w.lemma(m) not in norm_set(w.lex["attack"]["bombing_nouns"]):
        return True
    after = w.actor_after(s, m.end, 1)  # past an adjective (انتحاري), not a noun (تفجير مسجد قوات الطوارئ)
    return not (after is not None and after.mention.type == "armed_group"
                and all(t.is_punct or t.text in QUOTE_MARKS or t.norm_ in ("ل", "لـ") or t.norm_.endswith(w.nisba)
                        for t in w.doc[m.end:after.start]))


def _possessive(w: Window, m: Match) -> bool:
    """An attack noun with a possessive pronoun on a form of its own lemma (هجماتها، غاراتها، هجومهم)."""
    norm, lemma = w.doc[m.start].norm_, w.lemma(m)
    return norm != lemma and any(norm.endswith(p) and w.rules.lemma_of.get(norm[:-len(p)]) == lemma
                                 for p in ("ها", "هم", "هما", "ه"))


def adjective_actor(w: Window, s: Sentence, pos: int) -> Found | None:
    """A country adjective at ``pos``, or after other adjectives there (ضربة جوية أمريكية):
    the state that did what the noun before it names."""
    for f in w.adjective_actors(s):
        if pos <= f.start <= pos + 2 and all(  # (not على, normalised علي: اعتداءات على الفلسطينيين)
                t.norm_.endswith(w.nisba) and len(t.norm_) > 3 for t in w.doc[pos:f.start]):
            return f
    return None


def place_keys(e: Event) -> set[str]:
    return {p.identity for p in e.places}


def _shared_place(a: set[str], b: set[str]) -> bool:
    """Two attacks told at places ``a`` and ``b`` share one; a country alone is no shared place
    when both name a finer one (a rocket on Aleppo and an offensive on Zabadani, both in Syria)."""
    shared = {k for k in a if k in b or any(_one_name(k, other) for other in b)}
    if not shared or not all(_is_country(k) for k in shared):
        return bool(shared)
    return not (any(not _is_country(k) for k in a) and any(not _is_country(k) for k in b))


def places_apart(a: set[str], b: set[str]) -> bool:
    """Two tellings name different towns, neither within the other (الدالوة and القديح; not
    سجن الصناعة and الحسكة): two attacks, however close they are told."""
    fine_a, fine_b = _fine(a), _fine(b)
    return bool(fine_a and fine_b) and not any(
        _within(x, y) or _within(y, x) or _one_name(x, y) for x in fine_a for y in fine_b)


def _one_name(a: str, b: str) -> bool:
    """Two names the registry lacks, one the other with words left out (مسجد الصادق, مسجد الإمام
    الصادق): one place, named in full once and short after."""
    short, full = sorted((a.split(), b.split()), key=len)
    if len(short) < 2 or short == full or (short[0], short[-1]) != (full[0], full[-1]):
        return False
    rest = iter(full)
    return all(word in rest for word in short)  # its words, in order


def _fine(keys: set[str]) -> set[str]:
    """The places below region level among ``keys`` (registry keys, or names the registry lacks)."""
    out = set()
    for k in keys:
        entry = load_registry().get("place", k)
        if entry is None or entry.type not in ("country", "region", "admin"):
            out.add(k)
    return out


def _within(inner: str, outer: str) -> bool:
    """Registry place ``inner`` lies in ``outer`` (or is it), following the registry's "in"."""
    seen = set()
    while inner and inner not in seen:
        if inner == outer:
            return True
        seen.add(inner)
        entry = load_registry().get("place", inner)
        inner = entry.within if entry is not None else None
    return False


def _is_country(key: str) -> bool:
    entry = load_registry().get("place", key)
    return entry is not None and entry.type == "country"


def side_of(m: Mention | None) -> str | None:
    """Who an attacker stands for: its registry parent (الجيش التركي for Turkey), else itself;
    a person the registry does not know, by the last of his names (فهد القباع ... القباع)."""
    if m is None:
        return None
    if m.key is None and m.type == "person":
        return normalize(m.span.text.split()[-1])
    entry = load_registry().get("actor", m.key) if m.key else None
    return (entry.part_of if entry and entry.part_of else m.key) or m.span.text


def _year_told(w: Window, e: Event) -> str | None:
    """A year written near the trigger of attack ``e`` (تفجير السفارة الأمريكية في 1998), if any."""
    s, i = w.sentences[e.trigger.sentence], w.tokens_of(e.trigger).start
    for t in w.doc[max(s.start, i - 3):min(s.end, i + YEAR_REACH)]:
        digits = t.norm_.removesuffix("م")  # normalised: ١٩٩٨ is 1998
        if len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100:
            return digits
    return None


@lru_cache(maxsize=1)
def _kind_of_word() -> dict[str, str]:
    """Each normalised word of the lexicon's attack kinds, with its kind."""
    return {word: kind for kind, words in load("lexicon")["attack"]["kinds"].items() for word in norm_set(words)}


def _kind(w: Window, e: Event) -> str | None:
    """The kind of attack ``e``'s trigger tells (fire, bombing, ground, ambush: lexicon kinds),
    or None where its words tell none (هجوم، استهداف)."""
    kinds = _kind_of_word()
    return next((kinds[w.lemma_at(i)] for i in w.tokens_of(e.trigger) if w.lemma_at(i) in kinds), None)


def _other_foe(a: Event, b: Event) -> bool:
    """Two armed groups known by name were hit: one side's strikes on two foes (غارات الجيش
    التركي على حزب العمال، قصفت طائرات تركية مواقع لتنظيم داعش) are two attacks."""
    return all(t is not None and t.type == "armed_group" and t.key for t in (a.target, b.target)) \
        and a.target.key != b.target.key


def merge_attacks(events: list[Event], years: dict[int, str | None], unnamed: set[int],
                  another: set[int], kinds: dict[int, str | None], stories: dict[int, int] | None = None) -> list[Event]:
    """One event per attacker and place: news names the same attack many times. An attack
    with no attacker joins one with the same place, or the one told just before it; not one
    whose attacker is named when its own doers are ``unnamed`` gunmen (قصف بالهاون من قبل
    مسلحين after the coalition's air strikes); and one called ``another`` (تفجير مماثل) joins
    only one told in its own sentence. Tellings with a place go first: one with none
    (هجمات داعش) joins them, and is no home that would join a doer's attacks in two towns.
    Tellings of different ``years`` (a year written near one, none near the other) are
    different attacks, and so are tellings of different ``kinds`` (a bombing and air strikes,
    an ambush and a raid): a word of no kind (هجوم) may tell any. Tellings of different
    ``stories`` (a sentence opening another one between them: وفي العراق، من جهة أخرى) join
    only by place, not for being next nor for having no place."""
    merged: list[Event] = []
    own: dict[int, set[str]] = {}  # each merged event's places as first told: merging must not snowball
    # a doer's own sentence lends it its places first (شنت طائرات التحالف صباح أمس غارات على
    # مواقع في الجفينة), before a clash told earlier elsewhere can join a home with none
    doers_sentences = {e.trigger.sentence for e in events if e.perpetrator is not None}
    for ev in sorted(events, key=lambda e: (e.perpetrator is None, not e.places,
                                            e.trigger.sentence not in doers_sentences, e.trigger.start)):
        where = place_keys(ev)
        home = None
        # (one called another joins only a telling of its own sentence: قتل جنديين في هجوم جديد)
        for m in [m for m in merged if m.trigger.sentence == ev.trigger.sentence] if id(ev) in another else merged:
            if m.modality != ev.modality:
                continue  # لو نجح هجومهم: no part of the attack that happened
            if years.get(id(m)) != years.get(id(ev)):
                continue  # تفجير السفارة في 1998 and this year's attack: two attacks
            shared = _shared_place(own[id(m)], where)
            # (a story opened between them, وفي العراق،: only a shared place joins them)
            new_story = stories is not None and stories[id(ev)] != stories[id(m)]
            close = 0 <= ev.trigger.sentence - m.trigger.sentence <= 1 and not places_apart(own[id(m)], where) \
                and not new_story
            if None not in (kinds[id(ev)], kinds[id(m)]) and kinds[id(ev)] != kinds[id(m)] \
                    and not (ev.perpetrator is None and close):
                # كمين للجيش and the army's raids on a village, clashes in زنجبار and a mine blast
                # there sentences later: two attacks (but a battle told with no doer right after
                # the strikes: the same fighting)
                continue
            # a home told with no place has those its joiners gave it: a town apart from them is
            # another attack (عمليات داعش; تفجير في أبها; تفجير مسجد في القطيف: two bombings)
            overlap = shared if new_story else \
                shared or not where or not own[id(m)] and not places_apart(place_keys(m), where)
            if id(ev) in unnamed and m.perpetrator is not None:
                continue
            if ev.perpetrator is None:
                # (not one that hit the home's attacker: غارات على حزب العمال after the party's bombing)
                if (overlap or close) and (ev.target is None or m.target is None or same_actor(ev.target, m.target)) \
                        and not (ev.target and m.perpetrator and side_of(ev.target) == side_of(m.perpetrator)):
                    home = m
            elif side_of(m.perpetrator) == side_of(ev.perpetrator) and overlap and not _other_foe(m, ev):
                home = m  # قصف تركي / القوات التركية قصفت
            if home:
                break
        if home is None:
            merged.append(ev)
            own[id(ev)] = where
            continue
        home.evidence.append(ev.trigger)
        if home.target is None and not same_actor(ev.target, home.perpetrator):
            home.target = ev.target
        # not the attacker's own country where another country is where it struck (تشن
        # بريطانيا ضربات في سوريا ... أن تنضم بريطانيا للضربات); the regime in Syria stays
        state = home.perpetrator.key if home.perpetrator is not None else None
        abroad = state and any(p.type == "country" and p.key != state for p in home.places + ev.places)
        have = place_keys(home)
        home.places += [p for p in ev.places if p.identity not in have and not (abroad and p.key == state)]
        home.confidence = max(home.confidence, ev.confidence)
    return sorted(merged, key=lambda e: e.trigger.start)


