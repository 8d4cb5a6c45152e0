"""The mapper's event rules on sentences written for these tests (real Stanza, real rules)."""
from __future__ import annotations

import pytest

from kg.build import Builder
from kg.documents import Document
from kg.extract.model import Event


@pytest.fixture(scope="module")
def builder() -> Builder:
    return Builder()


def events(builder: Builder, text: str, kind: str) -> list[Event]:
    extraction = builder.extract([Document("t", text)])[0]
    return [e for e in extraction.events if e.type == kind]


def mention_keys(builder: Builder, text: str) -> set[str]:
    return {m.key for m in builder.extract([Document("t", text)])[0].mentions}


def place_names(builder: Builder, text: str) -> set[str]:
    return {m.span.text for m in builder.extract([Document("t", text)])[0].mentions if m.kind == "place"}


def keys(m) -> str | None:
    return m.key if m is not None else None


def accusation_pairs(builder: Builder, text: str) -> list[tuple[str | None, str | None]]:
    return [(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")]


def accusation_names(builder: Builder, text: str) -> list[tuple[str, str | None]]:
    """Accuser and accused by key, or by the words for an accuser no registry entry names."""
    return [(keys(e.accuser) or e.accuser.span.text, keys(e.accused)) for e in events(builder, text, "accusation")]


def mention_texts(builder: Builder, text: str) -> set[str]:
    return {m.span.text for m in builder.extract([Document("t", text)])[0].mentions}


@pytest.mark.parametrize("text,sides", [
    ("وتبادلت حركة حماس وحركة فتح الاتهامات بعرقلة المصالحة في غزة.", {"hamas", "fatah"}),
    ("تركيا وروسيا تتبادلان الاتهامات بشأن الهجوم على إدلب.", {"turkey", "russia"}),
    ("وتتهم تركيا واليونان بعضهما بانتهاك الأجواء فوق بحر إيجه.", {"turkey", "greece"}),
    ("ويتهم كل من حزب الله وإسرائيل الطرف الآخر بخرق قواعد الاشتباك.", {"hezbollah", "israel"}),
])
def test_mutual_accusations_go_both_ways(builder, text, sides):
    pairs = {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")}
    a, b = sorted(sides)
    assert pairs == {(a, b), (b, a)}


def test_a_place_after_a_mutual_accusation_is_not_accused(builder):
    text = "وتبادل الجيش السوداني وقوات الدعم السريع الاتهامات بقصف الخرطوم."
    accused = {e.accused.span.text for e in events(builder, text, "accusation")}
    assert "الخرطوم" not in accused and len(accused) == 2


def test_a_country_named_as_a_place_does_not_attack(builder):
    text = "وواصل الجيش الروسي عمليات عسكرية في سوريا وليبيا طوال العام."
    attack = events(builder, text, "attack")[0]
    assert attack.perpetrator is not None and attack.perpetrator.span.text == "الجيش الروسي"


def test_a_claim_names_the_group_not_the_city(builder):
    text = "«داعش» يتبنى تفجيرا بالموصل خلف 12 قتيلا."
    attack = events(builder, text, "attack")[0]
    assert keys(attack.perpetrator) == "isis"


def test_a_group_saying_it_is_responsible_for_the_attack_named_next_claims_it(builder):
    text = "وقالت حركة الشباب إنها مسؤولة عن التفجير الذي استهدف فندقا في العاصمة مقديشو."
    assert keys(events(builder, text, "attack")[0].perpetrator) == "al_shabaab"
    # responsible for a duty: no claim of the attack told after
    text = "وقالت حركة الشباب إنها مسؤولة عن حماية السكان بعد التفجير الذي استهدف فندقا في العاصمة مقديشو."
    assert keys(events(builder, text, "attack")[0].perpetrator) != "al_shabaab"


@pytest.mark.parametrize("text,perpetrator", [
    # responsibility sought or disowned: no one claims
    ("وطالبت منظمة العفو الدولية بتحديد المسؤولية عن الغارات على المستشفى في مدينة حجة.", None),
    ("وتنصلت حركة طالبان من المسؤولية عن التفجير في مدينة قندهار.", None),
    # borne as an accusation says: the one who bears it, not who speaks
    ("وقال وزير الخارجية الأمريكي إن إيران تتحمل المسؤولية عن الهجوم على الناقلات في خليج عمان.", "iran"),
    # borne as one's own: a claim
    ("وأعلنت حركة طالبان تحملها المسؤولية عن التفجير في مدينة قندهار.", "taliban"),
    ("وقالت حركة طالبان إنها تتحمل المسؤولية عن التفجير في مدينة قندهار.", "taliban"),
])
def test_who_claims_is_who_takes_responsibility_not_who_seeks_or_speaks_of_it(builder, text, perpetrator):
    assert [keys(a.perpetrator) for a in events(builder, text, "attack")] == [perpetrator]


@pytest.mark.parametrize("text,figures", [
    # a figure joined by و to one before it keeps that one's outcome
    ("ذكرت الشرطة مقتل 6 من عناصر حركة الشباب و4 مدنيين وإصابة 9 من المارة قرب كيسمايو.",
     {(6, "killed"), (4, "killed"), (9, "injured")}),
    ("وأفاد المستشفى بأن حصيلة القتلى وصلت إلى 23 شخصا وأصيب 40 آخرون.", {(23, "killed"), (40, "injured")}),
    # the noun right after a number names what it counts
    ("أسفر الهجوم عن 5 قتلى و7 جرحى في الموصل.", {(5, "killed"), (7, "injured")}),
    ("قتل 5 وأصيب 7 في انفجار سيارة مفخخة.", {(5, "killed"), (7, "injured")}),
    # لقي ... حتفهم with the count in between
    ("لقي 4 أشخاص حتفهم وأصيب 9 آخرون جراء غارة جوية على سوق في مأرب.", {(4, "killed"), (9, "injured")}),
    # a year is no count
    ("سقط أكثر من ثلاثين قتيلا في المعارك التي اندلعت في 2019.", {(30, "killed")}),
    # outcomes in phrases: claimed the lives of, its victims, arrested them
    ("وأودى الانفجار بحياة 12 شخصا في سوق الحلة.", {(12, "killed")}),
    ("وكان الهجوم الذي ذهب ضحيته 40 مدنيا قد وقع في حلب.", {(40, "killed")}),
    ("وأعلنت الشرطة أن سبعة مهربين قبض عليهم قرب الحدود.", {(7, "captured")}),
    # an age glued to its unit, and one row (صفا واحدا), count no victims
    ("وقتل رجل ابنه البالغ من العمر 9أعوام بمسدس في منزلهم.", set()),
    ("وقال إن الجميع يقفون صفا واحدا خلف الجيش بعد مقتل 3 جنود.", {(3, "killed")}),
    # part of the figure before it, with its outcome
    ("وخلف الهجوم 12 قتيلا من رجال الشرطة المحلية بينهم ثلاثة ضباط وسبعة مصابين.",
     {(12, "killed"), (3, "killed"), (7, "injured")}),
    # the injured with the article
    ("وارتفع عدد القتلى إلى 9 والمصابين إلى 31 شخصا.", {(9, "killed"), (31, "injured")}),
    # heatstroke and stings, food baskets: no casualties
    ("وسجلت المستشفيات 19 حالة ضربة شمس و9 لدغات عقارب في المفرق.", set()),
    ("ووزعت الجمعية 5000 سلة غذائية على الأسر النازحة في مأرب.", set()),
    # heatstroke (an attack word naming an illness) and dunams of a crop
    ("وتعرض 19 شخصا للإصابة بضربة شمس في المفرق.", set()),
    ("وأصيب أكثر من 300 دونم من محصول القمح بسبب الحر.", set()),
    # bodies are of the killed
    ("ونقلت طائرة الإخلاء جثامين 6 أشخاص و14 مصابا إلى الرياض.", {(6, "killed"), (14, "injured")}),
    # kilos, an ordinal after الـ: no counts of people
    ("وبلغ إنتاج المزرعة نحو 200 كيلو من العسل أصيب منها النحالون بالدهشة.", set()),
    ("واستقبلت العيادة المرضى في الأسبوع الـ 133 من عملها وبينهم مصابون.", set()),
    # a dual outcome noun counts two of its own outcome
    ("وأسفرت المعارك عن خمسة قتلى وجريحين من الجيش وقتيلين من المسلحين قرب غاو.",
     {(5, "killed"), (2, "injured"), (2, "killed")}),
    # a dual -ان noun, a kinship dual with its pronoun; not a dual adjective of attacks
    ("وقتل مسلحان وأصيب والداه في تبادل لإطلاق النار بحي الملز أمس.", {(2, "killed"), (2, "injured")}),
    ("ونفذ هجومان انتحاريان على نقطة تفتيش قرب مدينة بعقوبة أمس.", set()),
    # outcome words in every inflection the lemmas give (شردت، اختطفوا، مصابي، الاختطاف)
    ("وشردت السيول في ولاية كسلا نحو 4000 شخص خلال الأسبوع الماضي.", {(4000, "displaced")}),
    ("وقال الجيش إن مسلحين اختطفوا أربعة مهندسين قرب سد الموصل.", {(4, "captured")}),
    ("وارتفع عدد مصابي حادث القطار في المنيا إلى 23 راكبا.", {(23, "injured")}),
    # weapons, animals, aircraft and houses are counted, not people
    ("وقتل الصيادون حارس المحمية بعدما صادر منهم خمسة مسدسات وجلود ثلاثة نمور.", set()),
    ("وقصف الجيش قرية قرب إدلب فدمر 40 منزلاً وأصيب جنديان في الاشتباكات.", {(2, "injured")}),
    # the dead and the wounded together, as annotators count them; a part with its own noun
    ("وأسفر انقلاب الحافلة عن وفاة وإصابة 12 معتمرا على طريق الطائف.", {(12, "killed")}),
    ("وألقت الشرطة القبض على تسعة مطلوبين، بينهم ثلاثة جرحى، في مداهمة بحي الزهور.",
     {(9, "captured"), (3, "injured")}),
    # a share (نصيب) is no form of أصاب
    ("وبلغت الطلبات 900 طلب كان نصيب الشركات الصغيرة منها 120 طلبا.", set()),
])
def test_each_figure_gets_its_own_outcome(builder, text, figures):
    assert {(e.count, e.outcome) for e in events(builder, text, "casualty")} == figures


def test_merged_attacks_do_not_snowball_through_a_sentence_naming_two_places(builder):
    text = ("قصفت طائرات التحالف مدينة إب فجر اليوم. "
            "وقصفت طائرات التحالف مدينتي إب ولحج خلال الأسبوع. "
            "ثم قصفت طائرات التحالف مدينة مأرب ومدينة لحج مساء.")
    places = [{p.span.text for p in e.places} for e in events(builder, text, "attack")]
    assert len(places) == 2, places  # إب (told twice) and مأرب-لحج


@pytest.mark.parametrize("text,perpetrator,target,place", [
    # the doers named between the verb and the fire it opens, what was hit after it
    ("وفتح ثلاثة مسلحين من حركة الشباب النار على دورية للجيش الكيني في مقاطعة لامو.", "al_shabaab", "kenyan_army", "لامو"),
    # shooting as the object of قام ب
    ("وقام مواطن بإطلاق النار على شقيقه داخل منزلهم في محافظة الطائف.", None, None, "taif"),
])
def test_opening_fire(builder, text, perpetrator, target, place):
    attack, = events(builder, text, "attack")
    assert (keys(attack.perpetrator), keys(attack.target)) == (perpetrator, target)
    assert place in {p.key or p.span.text for p in attack.places}


@pytest.mark.parametrize("text,places", [
    # fire with no article is a shooting too...
    ("وأصيب الضابط بجروح بعد تعرضه لحادث إطلاق نار في مدينة الطائف.", [{"taif"}]),
    ("وتعرض شرطيان لإطلاق نار من قبل مسلحين مجهولين في مدينة ماردين.", [{"mardin"}]),
    # ...but not what a truce stops
    ("وصمد وقف إطلاق نار هش في المدينة لليوم الثالث.", []),
])
def test_shootings_told_without_the_article(builder, text, places):
    assert [{p.identity for p in e.places} for e in events(builder, text, "attack")] == places


def test_a_claim_reaches_most_of_the_attacks_told_before_it(builder):
    text = ("وقتل عشرون سائحا في هجوم على متحف في مدينة باردو في مارس، ثم قتل ثلاثون آخرون في هجوم على "
            "فندق في سوسة في يونيو. وتبنى تنظيم داعش غالبية هذه الهجمات.")
    found = events(builder, text, "attack")
    assert [keys(e.perpetrator) for e in found] == ["isis", "isis"]


@pytest.mark.parametrize("text,target", [
    # the owner of what was hit, past the adjectives of the place and the word for its fighters
    ("وقصفت المقاتلات المقار العسكرية للمسلحين الحوثيين في مدينة عمران.", "houthis"),
    ("وقصفت الطائرات المواقع العسكرية لجماعة الحوثي في مدينة عمران.", "houthis"),
    # fighters that belong to a group are themselves what was hit
    ("وهاجمت جبهة النصرة مقاتلين تابعين للجيش الحر في ريف إدلب.", "fsa"),
    # a noun the aircraft govern is no adjective of theirs (not "the Houthi aircraft")
    ("وقصفت الطائرات مقار الحوثيين في مدينة عمران.", "houthis"),
    # who underwent gunfire (لإطلاق نار: ل is its preposition), with no one named by من قبل
    ("وتعرضت دورية للجيش اللبناني لإطلاق نار من قبل مسلحين مجهولين قرب بلدة عرسال.", "lebanese_army"),
])
def test_the_owner_of_what_was_hit_is_the_target(builder, text, target):
    assert [keys(e.target) for e in events(builder, text, "attack")] == [target]


@pytest.mark.parametrize("text", ["وقصفت طائرات مسيرة تركية مواقع في عفرين.", "وقصفت الطائرات الحربية التركية مواقع في عفرين."])
def test_forces_with_an_adjective_between_them_and_their_country_adjective(builder, text):
    assert [keys(e.perpetrator) for e in events(builder, text, "attack")] == ["turkey"]


def test_a_number_between_forces_and_a_peoples_name_agrees_with_neither(builder):
    assert "palestine" not in mention_keys(builder, "واعتقلت قوات الاحتلال 5 فلسطينيين في مدينة نابلس.")


def test_a_group_speaking_of_its_fighters_blasts_is_their_attacker(builder):
    text = "وقالت حركة الشباب في بيان إن مقاتليها فجروا قاعدة للجيش الكيني في لامو."
    assert [(keys(e.perpetrator), keys(e.target)) for e in events(builder, text, "attack")] == [("al_shabaab", "kenyan_army")]


@pytest.mark.parametrize("text,sides", [
    # a comma before و closes the first side, allies and all
    ("وتشهد مدينة تعز معارك عنيفة بين المسلحين الحوثيين وأنصار علي صالح، "
     "والمقاومة الشعبية المسنودة بالجيش الوطني.", ("houthis", "yemen_popular_resistance")),
    # a comma after the second side opens another clause
    ("ودارت اشتباكات بين الجيش اليمني والحوثيين، وقتل فيها عشرة.", ("yemeni_army", "houthis")),
])
def test_the_sides_of_a_fight_named_after_between(builder, text, sides):
    assert [(keys(e.perpetrator), keys(e.target)) for e in events(builder, text, "attack")] == [sides]


def test_a_long_first_side_closes_at_its_comma_and_the_fight_keeps_its_place(builder):
    # the first side's list runs on (quotes, allies, a pronoun), then ، وبين names the other
    text = ("واندلعت معارك بين القوات العراقية ومقاتلي «الحشد الشعبي» وعناصر عشائرية متحالفة معهم، "
            "وبين عناصر «داعش» في محيط مدينة بيجي.")
    attack, = events(builder, text, "attack")
    assert (keys(attack.perpetrator), keys(attack.target)) == ("iraqi_army", "isis")
    assert [p.key for p in attack.places] == ["baiji"]


@pytest.mark.parametrize("text,perp", [
    # named forces loyal to another: the forces fought
    ("وأفاد سكان أن قوات عراقية موالية للتحالف الدولي، خاضت معارك مع تنظيم داعش قرب تكريت.", "iraq"),
    # a bare head loyal to a leader: the leader's side
    ("وأفاد سكان أن قوات موالية للرئيس عبدربه منصور هادي خاضت معارك مع الحوثيين قرب تعز.", "hadi"),
])
def test_forces_named_before_a_loyalty_word_are_the_doers(builder, text, perp):
    assert [keys(e.perpetrator) for e in events(builder, text, "attack")] == [perp]


def test_the_country_forces_are_loyal_to_is_not_where(builder):
    text = "وشنت ميليشيات عراقية موالية لإيران هجوما على قاعدة للجيش في الأنبار."
    assert [[p.key for p in e.places] for e in events(builder, text, "attack")] == [["anbar"]]


def test_the_sides_of_a_fight_are_not_named_past_a_comma(builder):
    # sides left unnamed: the one the clause after the comma names speaks, he did not fight
    text = "وكان المطار معقل الاشتباكات الضارية بين الطرفين، فيما يؤكد سالم العولقي لـ«الشرق الأوسط» أن الأهالي صمدوا طويلا."
    assert [e.perpetrator for e in events(builder, text, "attack") if e.perpetrator is not None] == []


@pytest.mark.parametrize("text,perpetrator", [
    # a verb joined to the clause before shares its subject
    ("سيطرت قوات الاحتلال الإسرائيلي على بلدة في محافظة جنين وهدمت منازل ثم فجرت مسجدا فيها.", "idf"),
    ("شاركت الإمارات في التحالف منذ بدايته لكنها قصفت مواقع في محافظة شبوة وحدها.", "uae"),
    # unnamed attackers suspected of a group are its
    ("وفجر مسلحون يشتبه في أنهم تابعون لتنظيم القاعدة عبوة ناسفة قرب مبنى المحافظة في مدينة زنجبار.", "al_qaeda"),
    ("وقتل مسلحون يعتقد أنهم من جماعة بوكو حرام سبعة قرويين في ولاية بورنو.", "boko_haram"),
])
def test_the_doer_named_elsewhere_in_the_clause_did_it(builder, text, perpetrator):
    assert perpetrator in {keys(e.perpetrator) for e in events(builder, text, "attack")}


@pytest.mark.parametrize("text,pair", [
    # subject, verb, object: the one before the verb did it, the one after was hit
    ("وقالت مصادر محلية إن الطيران الروسي قصف جبهة النصرة في ريف إدلب.", ("russian_forces", "hts")),
    ("وذكر البيان أن حركة الشباب هاجمت الجيش الكيني قرب مدينة مانديرا.", ("al_shabaab", "kenyan_army")),
    # the verb after a subject is no verbal noun of the one after it
    ("وأكد مسؤول أن الجيش الباكستاني قصف حركة طالبان في وزيرستان.", ("pakistani_army", "taliban")),
    # a plural verb's subject comes before it, past an auxiliary: the one after it was hit
    ("وكان مسلحو حركة الشباب قد هاجموا القوات الكينية قرب الحدود قبل أسبوع.", ("al_shabaab", "kenyan_army")),
])
def test_the_subject_before_an_attack_verb_did_it_and_its_object_was_hit(builder, text, pair):
    assert [(keys(e.perpetrator), keys(e.target)) for e in events(builder, text, "attack")] == [pair]


def test_who_a_bomb_went_off_among_is_no_side_of_a_fight(builder):
    text = "وفجر انتحاري حزامه الناسف بين جنود من الجيش اليمني أثناء تجمعهم في معسكر بمدينة عدن."
    assert [keys(e.perpetrator) for e in events(builder, text, "attack")] == [None]


@pytest.mark.parametrize("text,places", [
    # a facility named after a king, a prince or an imam: one place, no person
    ("ويرقد الجريح في مستشفى الملك خالد بتبوك منذ أسبوع.", {"مستشفى الملك خالد"}),
    ("وعولج في مستشفى الملك فهد بن عبدالعزيز التخصصي.", {"مستشفى الملك فهد بن عبدالعزيز التخصصي"}),
    ("ووصل الوفد إلى مطار الملك عبدالعزيز الدولي أمس.", {"مطار الملك عبدالعزيز الدولي"}),
    ("واستهدف التفجير مسجد الإمام علي بن أبي طالب أمس.", {"الإمام علي بن أبي طالب"}),
])
def test_a_facility_named_after_a_person(builder, text, places):
    found = builder.extract([Document("t", text)])[0].mentions
    assert places <= {m.span.text for m in found if m.kind == "place"}
    assert not [m for m in found if m.type == "person" or m.span.text in ("مسجد الإمام", "مستشفى الملك")]


@pytest.mark.parametrize("text,sides", [
    # battles with a named foe, where they were fought: an attack, by the side opening the clause
    ("وتمكنت القوات العراقية من استعادة السيطرة على قضاء تلعفر بعد معارك مع تنظيم داعش.", [("iraqi_army", "isis")]),
    # war with a foe named nowhere: no one attack
    ("وتعهدت الحكومة بمواصلة الحرب مع الإرهاب حتى النهاية.", []),
])
def test_battles_with_a_foe_named_after_with(builder, text, sides):
    assert [(keys(e.perpetrator), keys(e.target)) for e in events(builder, text, "attack")] == sides


@pytest.mark.parametrize("text,places", [
    # where a headline's source is, before the colon, is not where its attack was...
    ("خطباء مساجد الطائف: تفجير مسجد في أبها هدفه زعزعة الأمن", [{"abha"}]),
    # ...but a headline's opening place is, and a clock's colon is no source's
    ("ليبيا: مقتل 7 أشخاص في تفجير ببنغازي", [{"benghazi"}]),
    ("ووقع الانفجار في الطائف عند الساعة 10:21 مساء.", [{"taif"}]),
])
def test_where_a_headlines_source_is(builder, text, places):
    assert [{p.identity for p in e.places} for e in events(builder, text, "attack")] == places


@pytest.mark.parametrize("text,figures", [
    # some of the dead or the hurt told before are no figure of their own
    ("وقتل أربعة رهائن في المدينة. وواحد من القتلى كان عمره 18 سنة.", {(4, "killed")}),
    ("وقتل 12 شخصا في الهجوم، وقال المستشفى إن أربعة من المصابين في حالة حرجة.", {(12, "killed")}),
    # some of a group named by who they are is a figure
    ("وقتل ثلاثة من الجنود في الهجوم.", {(3, "killed")}),
    # some of the hurt or held who meet a new outcome are a figure of it
    ("وتوفي ثلاثة من المصابين متأثرين بجراحهم في المستشفى.", {(3, "killed")}),
    ("وقتل الخاطفون أربعة من الرهائن قبل وصول الشرطة.", {(4, "killed")}),
])
def test_some_of_the_dead_are_no_new_figure(builder, text, figures):
    assert {(e.count, e.outcome) for e in events(builder, text, "casualty")} == figures


@pytest.mark.parametrize("text", [
    "وتوفيت ثلاث نساء في الحريق الذي اندلع في المبنى.",
    "وتوفوا جميعا وهم خمسة أشخاص في الحادث.",
    "وقضى تسعة ركاب نحبهم في انقلاب الحافلة.",
])
def test_every_form_of_died_is_an_outcome(builder, text):
    assert [e.outcome for e in events(builder, text, "casualty")] == ["killed"]


def test_the_strike_that_killed_is_no_thing_the_number_counts(builder):
    text = "وقتلت الغارة عشرة مدنيين في قرية قرب إدلب."
    assert [(e.count, e.outcome) for e in events(builder, text, "casualty")] == [(10, "killed")]
    # (but a number of times is no one: مرة واحدة)
    assert not events(builder, "ونفذ التنظيم الإعدام مرة واحدة في ساحة المدينة.", "casualty")


def test_a_feminine_dual_after_a_count_is_its_own_figure(builder):
    text = "واعتقلت قوات الاحتلال 5 شبان ومواطنتين مقدسيتين من باحات المسجد الأقصى."
    assert sorted((e.count, e.group) for e in events(builder, text, "casualty")) == [
        (2, "ومواطنتين مقدسيتين"), (5, "شبان")]


@pytest.mark.parametrize("text,modality", [
    # feared, expected or conditional attacks have not happened
    ("ويخشى خبراء أن ينفذ تنظيم داعش هجمات كبيرة في مدينة الرمادي.", "hypothetical"),
    ("ومن المتوقع أن تشن قوات التحالف غارات جديدة على صنعاء.", "hypothetical"),
    ("وإذا هاجمت إسرائيل إيران فإن المنطقة ستشتعل.", "hypothetical"),
    # the whole clause أن opens is feared, however far the attack word; not a relative clause in it
    ("ويخشى خبراء أن تلجأ حركة الشباب بعد خسارتها مواقعها في محيط العاصمة إلى شن هجمات انتحارية في مقديشو.",
     "hypothetical"),
    ("وتخشى الحكومة الصومالية أن تعيد الأزمة إشعال القتال في مقديشو الذي شنته حركة الشباب وقتل فيه آلاف المدنيين.",
     "asserted"),
    # "whether" asks about what happened
    ("وسئلت المتحدثة عما إذا كانت الغارة على صعدة قد نوقشت.", "asserted"),
])
def test_feared_expected_and_conditional_attacks(builder, text, modality):
    assert [e.modality for e in events(builder, text, "attack")] == [modality]


def test_an_offensive_stance_is_no_attack(builder):
    assert events(builder, "وتحول موقف التنظيم في الرمادي من هجومي إلى دفاعي.", "attack") == []


@pytest.mark.parametrize("text", [
    "ونقلت طائرة عسكرية جثامين تسعة أشخاص قضوا في الحادث عبر مطار الأحساء.",
    "وأخلت طائرتان عسكريتان عبر مطار الأحساء الإقليمي جثامين تسعة أشخاص قضوا في الحادث.",
])
def test_where_the_dead_were_carried_through_is_not_where_they_died(builder, text):
    assert [[p.span.text for p in e.places] for e in events(builder, text, "casualty")] == [[]]


@pytest.mark.parametrize("text,attacks", [
    # a stabbing or a ramming is an attack...
    ("وقتل شاب فلسطيني بعد أن نفذ عملية طعن ضد جنود إسرائيليين قرب الخليل.", 1),
    ("وأصيب مستوطنان في عملية دهس قرب مدينة رام الله.", 1),
    # ...an appeal against a ruling is not
    ("وقدم المحامي طعنا في الحكم أمام محكمة النقض.", 0),
])
def test_stabbings_and_rammings(builder, text, attacks):
    assert len(events(builder, text, "attack")) == attacks


@pytest.mark.parametrize("text,acts", [
    # a country right after a feminine past verb is its subject: an actor
    ("ورحبت مملكة البحرين بالقرار الأمريكي الجديد.", True),
    ("وفي عام 1943 نفذت ألمانيا عملية خاصة لتحرير الزعيم الإيطالي.", True),
    # a noun ending in ت is no verb
    ("وتبدأ المباراة في الثامنة مساء بتوقيت السعودية.", False),
    ("ويمر خط الأنابيب تحت تركيا قبل أن يصل إلى أوروبا.", False),
])
def test_a_country_after_a_past_verb_acts(builder, text, acts):
    found = builder.extract([Document("t", text)])[0].mentions
    assert any(m.kind == "actor" and m.type == "state" for m in found) == acts


def test_a_guard_shot_is_no_goalkeeper(builder):
    # حارس alone is a guard: the goalkeeper is حارس المرمى, which المرمى tells
    attack, = events(builder, "وأطلق مسلح النار على حارس أمن في مدينة جدة.", "attack")
    assert {p.key for p in attack.places} == {"jeddah"}


def test_strikes_a_relative_clause_tells_in_the_present_are_an_attack(builder):
    attack, = events(builder, "وقال المرصد إن الغارات التي تستهدف مواقع داعش في الرقة أوقعت قتلى.", "attack")
    assert keys(attack.target) == "isis" and {p.key for p in attack.places} == {"raqqa"}


@pytest.mark.parametrize("text,count", [
    # one side's ambush and its bombing told with no place: two kinds, two attacks
    ("ونصبت حركة الشباب كمينا لقافلة عسكرية قرب مدينة بيدوا. وكانت حركة الشباب قد فجرت سيارة ملغومة الأسبوع الماضي.", 2),
    # strikes with no doer on the party whose attack was told before: not that attack
    ("وقتل ثلاثة جنود أتراك في هجوم لحزب العمال الكردستاني في ولاية هكاري. وأعقبت ذلك غارات على مواقع حزب العمال الكردستاني.", 2),
    # battles told with no doer right after the strikes: the same fighting
    ("وقصفت طائرات التحالف مواقع الحوثيين. ودارت معارك عنيفة في مديرية حيس جنوب الحديدة.", 1),
    # air strikes told again as strikes: one kind, one attack
    ("وشنت طائرات التحالف غارات على مواقع للحوثيين في محافظة صعدة. وقالت مصادر محلية إن غارات التحالف دمرت مخازن أسلحة.", 1),
    # a mine blast told sentences after clashes in the same town: two attacks
    ("واندلعت اشتباكات عنيفة بين المقاومة الشعبية وميليشيات الحوثي في مدينة زنجبار. "
     "وقال مصدر محلي إن المقاومة استعادت عدة مواقع. وتقدمت قوات الجيش نحو المدينة من جهة الشرق. "
     "وفي سياق آخر قتل جنديان إثر انفجار لغم على الطريق قرب زنجبار.", 2),
])
def test_tellings_of_different_kinds_are_different_attacks(builder, text, count):
    assert len(events(builder, text, "attack")) == count


@pytest.mark.parametrize("text,pair", [
    ("ألقت الحكومة السورية باللوم على المعارضة المسلحة في الهجوم على حماة.", ("syria", "syrian_opposition")),
    ("اعتبرت أنقرة أن وحدات حماية الشعب مسؤولة عن التفجير في إسطنبول.", ("turkey", "ypg")),
    # a denied accusation still says who accused whom: the noun's owner accuses
    ("نفت حركة طالبان اتهامات الحكومة الأفغانية بالوقوف وراء الهجوم.", ("afghanistan", "taliban")),
    ("واتهمت منظمة العفو الدولية قوات الأمن العراقية بقتل متظاهرين.", ("amnesty", "iraqi_army")),
    ("وتصاعدت اتهامات الحكومة السودانية لقوات الدعم السريع بارتكاب انتهاكات في دارفور.", ("sudan", "rsf")),
    # who the sentence reports accuses the one said to stand behind an attack
    ("قالت موسكو إن كييف تقف وراء الهجوم على الجسر.", ("russia", "ukraine")),
    ("وأكد المرصد السوري لحقوق الإنسان أن تنظيم داعش يقف خلف التفجير.", ("sohr", "isis")),
    # a headline: the capital that opens it accuses, not the adjective of the ambassador
    ("موسكو تستدعي السفير البريطاني وتتهم لندن بتضليل الرأي العام", ("russia", "uk")),
    ("بكين تستدعي السفير الياباني وتتهم طوكيو بتزوير التاريخ", ("china", "japan")),
    # the spokesman's own name after whom he speaks for is not accused
    ("واتهم المتحدث باسم الجيش الوطني الليبي أحمد المسماري تركيا بإرسال مرتزقة إلى طرابلس.", ("lna", "turkey")),
    # a charge right after the accuser's adjective: the one who denies it is accused
    ("ونفت إيران اتهامات أمريكية بتزويد الحوثيين بالصواريخ.", ("usa", "iran")),
    # a name that starts with ب or ل (بريطانيا، لندن) carries no preposition: it owns the noun
    ("ونفت روسيا اتهامات بريطانيا بتسميم العميل السابق.", ("uk", "russia")),
    ("ورفضت موسكو اتهامات لندن لها بالتجسس على السفارة.", ("uk", "russia")),
    # a charge named before whom it is brought against
    ("ووجهت النيابة العامة المصرية تهمة التخابر إلى الرئيس السابق محمد مرسي.", ("egypt", "morsi")),
    # the one after the by-marker accuses the one the pronoun on the noun stands for
    ("وأودع الرئيس السابق محمد مرسي السجن بعد اتهامه من قبل السلطات المصرية بالتخابر.", ("egypt", "morsi")),
    # whose crimes the pronoun on the noun says
    ("وطالب وزير الخارجية الفلسطيني المجتمع الدولي بمحاكمة إسرائيل على جرائمها بحق الشعب الفلسطيني.", ("palestine", "israel")),
    # deceiving is a wrong the source says was done
    ("وقال الرئيس الأمريكي دونالد ترامب إن إيران خدعت العالم بالاتفاق النووي.", ("trump", "iran")),
    # a country adjective on what was violated names no violator
    ("وانتقد رئيس الوزراء العراقي حيدر العبادي تركيا، متهما إياها بانتهاك السيادة العراقية.", ("abadi", "turkey")),
    # a verb right after إن/أن with a pronoun: the speaker's own
    ("وأعلنت حركة حماس أنها تحمل حكومة الاحتلال الإسرائيلي المسؤولية الكاملة عن حياة المعتقلين.", ("hamas", "israel")),
    ("وقالت حركة حماس إنها تحمل حكومة الاحتلال الإسرائيلي المسؤولية الكاملة عن حياة المعتقلين.", ("hamas", "israel")),
    # a head word alone for a group the article named before
    ("وأعلن تنظيم القاعدة مسؤوليته عن تفجير السوق. واتهمت الحكومة اليمنية التنظيم الإرهابي بقتل المتسوقين.",
     ("yemen", "al_qaeda")),
    # the one held responsible right after المسؤولية, with the accuser right before it
    ("وحملت الحكومة اليمنية المسؤولية الكاملة لميليشيات الحوثي عن حصار المدينة.", ("yemen", "houthis")),
    # one said to be behind a harm (وراء alone, هي المسؤولة عن تمويل)
    ("الحكومة العراقية: تنظيم داعش وراء تفجير السوق.", ("iraq", "isis")),
    ("وقال المتحدث باسم الجيش المصري إن قطر هي المسؤولة عن تمويل الجماعات المتطرفة في سيناء.", ("egyptian_army", "qatar")),
    # verbs of stressing and pointing out report as قال does
    ("وشدد وزير الخارجية السعودي على أن إيران تتحمل المسؤولية عن إطالة الحرب في سوريا.", ("saudi_arabia", "iran")),
    ("ولفت وزير الخارجية السعودي إلى أن إيران تتحمل المسؤولية عن إطالة الحرب في سوريا.", ("saudi_arabia", "iran")),
    # funding or arming terrorism, as a source says
    ("وقالت الحكومة البحرينية إن قطر تمول الجماعات الإرهابية في المنطقة.", ("bahrain", "qatar")),
    ("وأكد وزير الداخلية اليمني أن إيران تسلح الجماعات الإرهابية في البلاد.", ("yemen", "iran")),
    # a verb's accused is its object, not a preposition's (أمام، إلى) named on the way
    ("واتهم وزير الخارجية الإيراني، في مؤتمر صحفي أمام مجلس الأمن الدولي، السعودية بتمويل الإرهاب.", ("iran", "saudi_arabia")),
    ("واتهم رئيس الوزراء العراقي في رسالة إلى الأمم المتحدة تركيا بانتهاك السيادة العراقية.", ("iraq", "turkey")),
])
def test_accuser_and_accused(builder, text, pair):
    assert accusation_pairs(builder, text) == [pair]


@pytest.mark.parametrize("text,pair", [
    # the subject of the verb before accuses the one the pronoun agrees with, however far back
    ("وأغلقت السلطات المصرية مكتب قناة الجزيرة في القاهرة واتهمتها بنشر أخبار كاذبة.", ("egypt", "aljazeera")),
    # ـه is masculine: the party, not the state named after it
    ("ويقاتل حزب العمال الكردستاني الدولة التركية منذ 1984 وتصنفه الولايات المتحدة منظمة إرهابية.", ("usa", "pkk")),
    # a violation "carried out by" X, in the words of the one who speaks
    ("وقال وزير الخارجية الأردني أيمن الصفدي إن الانتهاكات التي تقوم بها إسرائيل في القدس مرفوضة.", (None, "israel")),  # a person the registry lacks
    # "we hold ... responsible": the one who speaks accuses
    ("وقالت حركة حماس في بيانها: نحمل الاحتلال الإسرائيلي عواقب اقتحام المسجد.", ("hamas", "israel")),
])
def test_pronouns_and_first_person_verbs_stand_for_the_actors_they_agree_with(builder, text, pair):
    assert accusation_pairs(builder, text) == [pair]


def test_a_bare_head_word_refers_back_to_the_one_actor_named_with_it(builder):
    text = "نشرت حركة حماس بيانا عن جولة المفاوضات في القاهرة. ثم اتهمت الحركة إسرائيل بعرقلة الاتفاق."
    assert accusation_pairs(builder, text) == [("hamas", "israel")]
    # two actors named with that head: which one is meant is left open
    text = "التقى وفدا حركة حماس وحركة فتح في القاهرة. ثم اتهمت الحركة إسرائيل بعرقلة الاتفاق."
    assert not [e for e in events(builder, text, "accusation") if keys(e.accused) == "israel"]
    assert {"hamas", "fatah", "israel"} <= mention_keys(builder, text)


@pytest.mark.parametrize("text,coalition", [
    ("وقصفت طائرات التحالف جسرا يربط مدينة الحديدة بمحافظة حجة.", "arab_coalition"),  # news of Yemen
    ("وقصفت طائرات التحالف جسرا على نهر الفرات قرب مدينة الميادين في دير الزور.", "us_led_coalition"),  # of Syria
    ("وقصفت طائرات التحالف جسرا قرب مدينة بنغازي.", None),  # elsewhere: no coalition known
])
def test_the_coalition_named_by_its_head_word_alone_is_the_one_at_war_where_the_article_is(builder, text, coalition):
    assert {keys(a.perpetrator) for a in events(builder, text, "attack")} == {coalition}


@pytest.mark.parametrize("text,pair", [
    # the accusations a relative clause says someone made: that one accuses...
    ("وتحدث الوزير عن الاتهامات التي وجهها الرئيس السوري إلى تركيا خلال القمة.", ("syria", "turkey")),
    # ...the one who denies or rejects them, with no one named after
    ("ورفضت الحكومة المصرية الاتهامات التي وردت على لسان رئيس الوزراء الإثيوبي بشأن السد.", ("ethiopia", "egypt")),
    ("ونفت إيران الاتهامات التي أطلقها وزير الخارجية الأمريكي أمس.", ("usa", "iran")),
    # where he made them is no one accused
    ("وتحدث الوزير عن الاتهامات التي وجهها الرئيس السوري بشار الأسد في دمشق.", None),
])
def test_who_made_the_accusations_a_relative_clause_names_accuses(builder, text, pair):
    assert accusation_pairs(builder, text) == ([pair] if pair else [])


@pytest.mark.parametrize("text,pairs", [
    # the one named after the next clause's speech verb speaks; no culprit is named
    ("ودانت الحكومة الفرنسية الهجوم الإرهابي وأعرب جان إيف لودريان وزير الخارجية الفرنسي عن تعازيه لأسر الضحايا.", []),
    ("واستنكرت الحكومة الفرنسية التفجير وأكد الرئيس إيمانويل ماكرون تضامنه مع الضحايا.", []),
    # what one said, condemned, names him
    ("وانتقد الأردن ما قاله رئيس الوزراء الإسرائيلي بنيامين نتنياهو.", [("jordan", "netanyahu")]),
])
def test_a_condemnation_does_not_reach_into_the_next_clause(builder, text, pairs):
    assert accusation_pairs(builder, text) == pairs


@pytest.mark.parametrize("text,pairs", [
    # a person and his office, a title word between: one speaker, who accuses the one he names
    ("وانتقدت عدة هيئات تصريحات نوري المالكي نائب الرئيس العراقي التي زعم فيها أن الكويت تدعم الإرهاب.",
     [("maliki", "kuwait")]),
    # with no title word between, the office is the object
    ("واتهم بنيامين نتنياهو الرئيس الإيراني حسن روحاني بالكذب.", [("netanyahu", "rouhani")]),
])
def test_a_persons_office_is_not_a_second_actor_beside_him(builder, text, pairs):
    assert accusation_pairs(builder, text) == pairs


@pytest.mark.parametrize("text,pairs", [
    # a state said to sponsor or back terrorism, the head noun or a copula between
    ("وقال الرئيس الأمريكي إن قطر داعمة للإرهاب في المنطقة.", [("usa", "qatar")]),
    ("وأكد الرئيس الأمريكي أن إيران هي الدولة الراعية الأولى للإرهاب في العالم.", [("usa", "iran")]),
    # sponsoring a conference, or backing the fight against terrorism, is no wrong
    ("وقال الرئيس الأمريكي إن قطر هي الدولة الراعية للمؤتمر.", []),
    ("وقال الرئيس الأمريكي إن السعودية من أكبر الدول الداعمة لجهود مكافحة الإرهاب.", []),
])
def test_a_sponsor_of_terrorism_is_accused_by_the_source(builder, text, pairs):
    assert accusation_pairs(builder, text) == pairs


@pytest.mark.parametrize("text,pairs", [
    # aggression, in a source's words, accuses the one it names as its doer
    ("وقالت الحكومة السورية إن العدوان الأمريكي على مطار الشعيرات انتهاك للقانون الدولي.", [("syria", "usa")]),
    ("وقالت الحكومة السورية إن العدوان الذي شنته الولايات المتحدة على مطار الشعيرات فاشل.", [("syria", "usa")]),
    # a family name is no aggression
    ("وقال الاتحاد السعودي لكرة القدم إن عبد الله العدوان سيرأس اللجنة.", []),
])
def test_aggression_named_by_a_source_accuses_its_doer(builder, text, pairs):
    assert accusation_pairs(builder, text) == pairs


def test_the_accused_of_an_attack_is_not_also_where_it_struck(builder):
    text = "واعتبرت وزارة الخارجية الأمريكية أن إيران تتحمل مسؤولية الهجمات على ناقلات النفط."
    attack = events(builder, text, "attack")[0]
    assert keys(attack.perpetrator) == "iran" and "iran" not in {p.key for p in attack.places}


@pytest.mark.parametrize("text,pairs", [
    # the two countries a pair word stands for, named before only as places
    ("وتصاعد التوتر بين الهند وباكستان على الحدود. وتبادل البلدان الاتهامات بخرق الهدنة.",
     {("india", "pakistan"), ("pakistan", "india")}),
    # two sides named as actors go first, before the country they fight in
    ("وقتل عشرة في اشتباكات بين الجيش اليمني والحوثيين في اليمن. وتبادل الطرفان الاتهامات ببدء القتال.",
     {("yemeni_army", "houthis"), ("houthis", "yemeni_army")}),
])
def test_a_pair_word_takes_the_two_sides_named_before(builder, text, pairs):
    assert {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")} == pairs


def test_a_wrong_with_a_possessive_pronoun_is_the_one_named_before(builder):
    text = "وقالت الحكومة الإيرانية إن الصحفي جيسون رضائيان اعترف بتجسسه لصالح الولايات المتحدة."
    assert [(keys(e.accuser), e.accused.span.text) for e in events(builder, text, "accusation")] == [
        ("iran", "جيسون رضائيان")]


def test_a_name_that_starts_with_waw_keeps_it(builder):
    text = "وقال موقع ويكيليكس إن الوثائق المسربة صحيحة."  # its و is its own
    assert "ويكيليكس" in mention_texts(builder, text)


def test_the_first_name_dani_condemns_no_one(builder):
    assert accusation_pairs(builder, "وسجل داني ألفيس هدفا لبرشلونة في مرمى ريال مدريد.") == []


@pytest.mark.parametrize("text,pair", [
    ("وقال وزير الداخلية التركي إن حزب العمال الكردستاني متورط في التفجير الأخير.", ("turkey", "pkk")),
    ("وأكدت الحكومة الأفغانية أن حركة طالبان ضالعة في اغتيال حاكم الولاية.", ("afghanistan", "taliban")),
    # planned or plotted it
    ("وأكد الجيش اللبناني أن تنظيم داعش خطط للهجوم على الثكنة الحدودية.", ("lebanese_army", "isis")),
    ("وقالت السلطات التركية إن حزب العمال الكردستاني دبر التفجير الأخير.", ("turkey", "pkk")),
])
def test_who_says_an_actor_is_involved_in_an_attack_accuses_it(builder, text, pair):
    assert accusation_pairs(builder, text) == [pair]


def test_involved_in_something_else_is_no_accusation(builder):
    assert accusation_pairs(builder, "وقال الوزير إن الحكومة التركية ضالعة في مشاريع التنمية في المنطقة.") == []
    assert accusation_pairs(builder, "وقال الوزير السعودي إن الحكومة تخطط لبناء مدارس جديدة في المنطقة.") == []


def test_an_organisations_seat_is_no_accused(builder):
    text = "واتهمت منظمة العفو الدولية ومقرها لندن، السلطات السورية بتعذيب آلاف المعتقلين."
    assert accusation_pairs(builder, text) == [("amnesty", "syria")]


def test_standing_behind_someone_is_no_accusation(builder):
    text = "قال الوزير الروسي إن روسيا تقف وراء الحكومة السورية في كل خطوة."
    assert not events(builder, text, "accusation")
    assert {"russia", "syria"} <= mention_keys(builder, text)  # the actors are seen, only not as an accusation


@pytest.mark.parametrize("text,state", [
    ("استهدفت طائرات مسيرة تركية مواقع في ريف الحسكة.", "turkey"),
    ("أغارت الطائرات الأمريكية على مواقع قرب البوكمال.", "usa"),
])
def test_a_head_and_a_country_adjective_name_the_state(builder, text, state):
    attack = events(builder, text, "attack")[0]
    assert keys(attack.perpetrator) == state


@pytest.mark.parametrize("text,actor", [
    ("وجهت الحكومة العراقية اتهاما للجيش التركي بقصف قرى في محافظة دهوك.", "turkish_army"),
    ("وأعلنت وزارة الدفاع أن الضربات الجوية للقوات الروسية استهدفت مواقع في ريف إدلب.", "russian_forces"),
    ("وقال مصدر إن مقاتلين تابعين للجيش السوداني انتشروا في الخرطوم.", "saf"),
])
def test_a_clitic_with_the_article_is_cut_before_a_name(builder, text, actor):
    """للجيش التركي is ل + الجيش التركي, though registry names hold the word للجيش."""
    extraction = builder.extract([Document("t", text)])[0]
    assert actor in {m.key for m in extraction.mentions if m.kind == "actor"}


def test_opening_a_base_for_strikes_opens_no_fire(builder):
    text = "وأعلنت أنقرة أنها قد تفتح قاعدة إنجرليك أمام الطائرات الأمريكية لقصف مواقع داعش."
    assert [e.trigger.text for e in events(builder, text, "attack")] == ["لقصف"]


def test_the_kingdom_named_bare_is_saudi_arabia_but_not_where_the_stories_happen(builder):
    assert "saudi_arabia" in mention_keys(builder, "وأعلنت الجهات الأمنية القبض على 16 مطلوبا في المملكة.")
    assert "uk" in mention_keys(builder, "وأعلنت المملكة المتحدة فرض عقوبات جديدة على موسكو.")
    text = ("وتواصل المملكة دعم الشرعية في اليمن. وأكدت المملكة التزامها بحماية المدنيين. "
            "وقتل ستة مدنيين في قصف على حي سكني.")
    (figure,) = events(builder, text, "casualty")
    assert "saudi_arabia" not in {keys(p) for p in figure.places}


def test_where_an_event_happened_is_no_name(builder):
    text = "وزار وزير الداخلية موقع التفجير في سوق الخضار بمدينة الدمام مساء أمس."
    names = mention_texts(builder, text)
    assert not any("التفجير" in n for n in names) and any("الدمام" in n for n in names)
    assert events(builder, text, "attack")


def test_generic_nouns_are_neither_actors_nor_places(builder):
    text = "اعتقلت قوات الأمن خمسة أشخاص قرب المبنى الواقع وسط مدينة الموصل، وقال الشيعة إنهم قلقون."
    names = mention_texts(builder, text)
    assert not names & {"قوات الأمن", "المبنى الواقع", "الشيعة"}
    assert any("الموصل" in n for n in names)


@pytest.mark.parametrize("text,perpetrator,place", [
    ("أطلقت حركة حماس عشرات الصواريخ على مدينة عسقلان.", "hamas", "عسقلان"),
    # the verb's object noun does not cut the places short
    ("أطلق حفتر أمس هجوما كبيرا لاستعادة مدينة سرت من خصومه.", "haftar", "سرت"),
    # the sides of a clash
    ("اندلعت اشتباكات عنيفة بين قوات الحكومة وجماعة الحوثي في محافظة تعز.", "houthis", "تعز"),
    # ... with a few words between the clash noun and بين
    ("ودارت معارك ضارية منذ صباح الأحد، بين قوات الدعم السريع والجيش السوداني في مدينة الفاشر.",
     "rsf", "الفاشر"),
    # opening fire, its doer before or after the verb
    ("وفتح مسلحون من حركة الشباب النار على حافلة للركاب قرب مدينة مانديرا.", "al_shabaab", "مانديرا"),
    ("وقال الجيش إن عناصر حركة طالبان فتحوا نيرانهم على دورية في ولاية هلمند.", "taliban", "هلمند"),
    # some of the doers' members or gunmen between the attack noun and their body
    ("وأصيب ثلاثة فلسطينيين في اعتداء عناصر من شرطة الاحتلال الإسرائيلي على المصلين في المسجد الأقصى.",
     "israel_police", "المسجد الأقصى"),
    ("وأدانت الحكومة الصومالية هجوم مسلحين من حركة الشباب على قاعدة عسكرية في إقليم جوبا السفلى.", "al_shabaab", "جوبا"),
    # who wages the fight, after the relative pronoun with the verb that points back to it
    ("وتتواصل المعارك العنيفة التي تخوضها قوات الجيش اليمني ضد الحوثيين في مدينة تعز.", "yemeni_army", "تعز"),
    # who answered or avenged with the attack noun (ب) did it
    ("وردت قوات الجيش اليمني بقصف تجمعات للمسلحين في محافظة مأرب.", "yemeni_army", "مأرب"),
    ("وانتقم تنظيم داعش بقصف الأحياء السكنية في مدينة كوباني.", "isis", "كوباني"),
    # the means right after the attack noun (بسيارة مفخخة) is that attack's, not another's
    ("واستهدف هجوم بسيارة مفخخة تبنته حركة الشباب قاعدة عسكرية في مدينة كسمايو.", "al_shabaab", "كسمايو"),
    ("واستهدف هجوم بعبوة ناسفة دورية عسكرية في مدينة العريش صباح الأحد.", None, "العريش"),
])
def test_attacks_in_more_forms(builder, text, perpetrator, place):
    attack = events(builder, text, "attack")[0]
    assert keys(attack.perpetrator) == perpetrator
    assert any(place in p.span.text for p in attack.places)


@pytest.mark.parametrize("text,perpetrator", [
    # a subject before the attack verb, with its adjective between
    ("وذكر شهود أن ميليشيا الحوثي الانقلابية قصفت أحياء سكنية في تعز.", "houthis"),
    ("وأكد مسؤول محلي أن جماعة بوكو حرام النيجيرية هاجمت قرية قرب مايدوغوري.", "boko_haram"),
    # ...or with "still" between
    ("ويرى محللون أن حركة الشباب لا تزال تشن هجمات متفرقة في إقليم جوبا السفلى.", "al_shabaab"),
    # ...or the kind of aircraft between; an air force by its adjective
    ("وذكر شهود أن مروحيات إسرائيلية من طراز أباتشي قصفت سيارة في مدينة خان يونس.", "israel"),
    ("وذكر بيان أن سلاح الجو التركي قصف مخابئ للمسلحين في جبال قنديل.", "turkey"),
    # taking part in storming a town
    ("وأسهم الجيش اللبناني في اقتحام مخيم نهر البارد بعد حصار طويل.", "lebanese_army"),
])
def test_a_subject_with_its_adjective_attacks(builder, text, perpetrator):
    assert keys(events(builder, text, "attack")[0].perpetrator) == perpetrator


@pytest.mark.parametrize("text,kind", [
    ("وقال الفريق الركن جواد الربيعي إن مسلحين شنوا هجوما على مدينة تكريت ليلا.", "attack"),  # a rank
    ("وقتل أربعة حراس في هجوم على مصرف في مدينة قندوز، بحسب فريق التحقيق.", "casualty"),  # investigators
])
def test_a_rank_or_a_team_of_another_trade_is_no_sign_of_sport(builder, text, kind):
    assert events(builder, text, kind)


@pytest.mark.parametrize("text,pair", [
    # an aim or a target, no goal
    ("وقال المتحدث إن الهدف من الغارات التي شنتها المقاتلات التركية على مواقع حزب العمال الكردستاني "
     "في جبال قنديل هو حماية الحدود.", ("turkey", "pkk")),
    ("وباتت القرى الحدودية تحت مرمى قذائف الحوثيين التي سقطت على منطقة جازان.", ("houthis", None)),
])
def test_an_aim_or_a_target_is_no_sign_of_sport(builder, text, pair):
    assert [(keys(e.perpetrator), keys(e.target)) for e in events(builder, text, "attack")] == [pair]


@pytest.mark.parametrize("text", [
    "140 هدفًا حصيلة الجولة الأولى من التصفيات",
    "وأحرز المهاجم هدف التعادل في الدقيقة 80 من ضربة حرة مباشرة.",
])
def test_goals_are_no_victims_nor_attacks(builder, text):
    assert events(builder, text, "casualty") == events(builder, text, "attack") == []


def test_a_bomber_named_again_by_his_last_name_did_one_attack(builder):
    text = ("وفجر الانتحاري سالم الحربي نفسه داخل مسجد في مدينة الدمام يوم الجمعة. "
            "وقال الشاهد إن الحربي قام بتفجير نفسه بعد دخوله المسجد بدقائق.")
    assert len(events(builder, text, "attack")) == 1


@pytest.mark.parametrize("text,places", [
    ("وخلفت معركة الفلوجة دمارا واسعا في أحياء المدينة.", [["الفلوجة"]]),  # a battle named by its place
    ("ودارت معارك عنيفة في محيط مطار كويرس العسكري يوم الأحد.", [["مطار كويرس العسكري"]]),  # under way there
    ("وقال الوزير إن المعركة ضد الإرهاب في المنطقة طويلة.", []),  # war as a whole
    ("وتحدث التقرير عن العمليات العسكرية في اليمن منذ مارس.", []),
])
def test_a_battle_with_its_place_is_an_attack_a_war_is_not(builder, text, places):
    assert [[p.span.text for p in e.places] for e in events(builder, text, "attack")] == places


@pytest.mark.parametrize("text,attacks", [
    ("اليابان تهاجم كوريا الشمالية بسبب تجاربها الصاروخية المتكررة", 0),  # words, for a reason
    ("وهاجمت نقابة المحامين وزارة العدل لرفضها تعديل القانون.", 0),
    ("وهاجم مسلحون حاجزا للجيش في سيناء بسبب ضعف الحراسة.", 1),  # a site: it happened there
])
def test_attacking_someone_for_a_reason_is_words(builder, text, attacks):
    assert len(events(builder, text, "attack")) == attacks


def test_an_attack_told_with_another_year_is_another_attack_and_not_the_lone_attackers(builder):
    text = ("وكانت حركة الشباب قتلت 148 طالبا في هجوم على جامعة شرق كينيا في أبريل الماضي. "
            "ويكرم الرئيس في نيروبي ضحايا تفجير السفارة الأمريكية عام 1998.")
    found = events(builder, text, "attack")
    assert len(found) == 2
    embassy = next(e for e in found if "nairobi" in {keys(p) for p in e.places})
    assert embassy.perpetrator is None


def test_a_doers_attacks_told_with_no_place_do_not_gather_towns_apart(builder):
    text = ("وتحدث الكاتب عن هجمات تنظيم داعش في السنوات الأخيرة. ووقع تفجير استهدف مسجدا في مدينة الأحساء. "
            "ووقع تفجير قرب سوق شعبي في مدينة نجران بعد أسبوعين.")
    found = events(builder, text, "attack")
    assert not any({"najran", "الأحساء"} <= {p.identity for p in e.places} for e in found)
    assert {keys(e.perpetrator) for e in found} == {"isis"}


@pytest.mark.parametrize("text,doers", [
    # the group named in a clause before as the doer of deeds: the lone attacker still
    ("وتبنى تنظيم داعش تفجير سوق في مدينة بعقوبة. وقد فشلت عمليات تنظيم داعش في بث الفرقة، "
     "ثم جاء تفجير آخر استهدف سوقا في مدينة كركوك.", {"isis"}),
    # named as what underwent the strike: not the one who struck itself
    ("وهاجمت حركة طالبان مركزا للشرطة في مدينة غزني. وكانت مواقع حركة طالبان، في اليوم التالي، "
     "قد تعرضت لغارة جوية في ولاية قندوز.", {"taliban", None}),
])
def test_the_lone_attacker_and_its_name_in_the_attacks_sentence(builder, text, doers):
    assert {keys(e.perpetrator) for e in events(builder, text, "attack")} == doers


@pytest.mark.parametrize("text,where", [
    # where the hurt were treated is not where it happened...
    ("وأصيب 14 شخصا في تفجير استهدف سوقا في الفلوجة، ويتلقى ستة منهم العلاج في مستشفى الرمادي العام.", {"fallujah"}),
    # ...unless the hospital was what was struck
    ("وقصفت الطائرات الروسية مستشفى القدس في حلب فجر اليوم.", {"aleppo"}),
    # ...or underwent it, all named between تعرض and the attack noun
    ("وتعرض مستشفى الشفاء الميداني في مدينة إدلب للقصف من طائرات حربية مجهولة.", {"idlib"}),
])
def test_a_hospital_is_where_an_attack_happened_only_when_it_was_struck(builder, text, where):
    attack = events(builder, text, "attack")[0]
    assert where <= {keys(p) for p in attack.places}
    assert not any("مستشفى الرمادي" in p.span.text for e in events(builder, text, "casualty") + [attack] for p in e.places)


@pytest.mark.parametrize("text,attacks", [
    ("واعتقلت الشرطة الفرنسية 40 شخصا في إطار حملة استهدفت خلايا تنظيم داعش.", 0),  # arrests
    ("وقتل 5 مسلحين في حملة أمنية استهدفت مخابئ التنظيم في سيناء.", 1),
    # arrests told last before the campaign, though a strike killed people earlier in the sentence
    ("وقتل 20 مسلحا في غارات جوية على مواقع الحزب، وألقت قوات الأمن القبض على 300 مشتبه بهم في عمليات استهدفت تنظيم داعش.", 0),
    # a security sweep launched: checks and arrests
    ("وشنت قوات الأمن المصرية حملات أمنية موسعة لضبط المطلوبين في محافظة السويس.", 0),
    ("وتم توقيف عدد من المطلوبين في حملة أمنية واسعة، شنتها الشرطة في مدينة العريش.", 0),
])
def test_a_campaign_that_only_arrests_is_no_attack(builder, text, attacks):
    assert len(events(builder, text, "attack")) == attacks


@pytest.mark.parametrize("text", [
    "وقصفت ميليشيا الحوثي المدعومة من إيران أحياء مدينة تعز.",
    "وهاجم المتمردون ومن ورائهم إيران مواقع الجيش في مدينة مأرب.",
])
def test_the_country_that_backs_the_doer_is_not_where_it_struck(builder, text):
    attack = events(builder, text, "attack")[0]
    assert "iran" not in {keys(p) for p in attack.places} and attack.places


@pytest.mark.parametrize("text,partners,where", [
    ("وشاركت كندا في الضربات التي نفذتها إلى جانب بريطانيا والولايات المتحدة على العراق.", {"usa", "uk"}, "iraq"),
    ("وقصفت الطائرات الفرنسية بجانب روسيا مواقع للمسلحين في ليبيا.", {"russia"}, "libya"),
])
def test_a_country_that_fights_alongside_the_doer_is_not_where_it_struck(builder, text, partners, where):
    attack = events(builder, text, "attack")[0]
    assert where in {keys(p) for p in attack.places} and not partners & {keys(p) for p in attack.places}


def test_a_building_beside_which_a_bomb_went_off_is_where_it_struck(builder):
    attack = events(builder, "وانفجرت سيارة مفخخة إلى جانب مبنى البلدية في كركوك.", "attack")[0]
    assert any("مبنى البلدية" in p.span.text for p in attack.places)


def test_what_was_fired_is_no_part_of_a_bodys_name(builder):
    text = "وأطلقت الشرطة النار على مسلح في حي المعادي بالقاهرة."
    mentions = builder.extract([Document("t", text)])[0].mentions
    assert not any("النار" in m.span.text for m in mentions)


def test_releasing_prisoners_is_no_attack(builder):
    text = "أطلقت السلطات سراح 20 معتقلا في بغداد."
    assert not events(builder, text, "attack")
    assert "baghdad" in mention_keys(builder, text)


# ---------------------------------------------------------------- modality
@pytest.mark.parametrize("text,modality", [
    ("قصفت الطائرات التركية مواقع قسد قرب منبج صباح الأحد.", "asserted"),
    ("لم تقصف الطائرات التركية مواقع قسد قرب منبج صباح الأحد.", "negated"),
    ("ستقصف الطائرات التركية مواقع قسد قرب منبج إن لم تنسحب.", "threatened"),
    ("وهدد الجيش التركي بقصف مواقع قسد قرب منبج.", "threatened"),
    ("وأحبطت الشرطة العراقية تفجيرا كان يستهدف سوقا شعبيا في البصرة.", "threatened"),
    ("ولو نجحت الخلية في خطتها لهاجمت مقرات الجيش العراقي في البصرة.", "hypothetical"),
    ("ونفت وزارة الدفاع التركية وقوع أي غارة على مواقع قسد في منبج.", "denied"),
    ("وقالت الحكومة الأردنية إنها ستسمح بغارات أمريكية على مواقع داعش من قواعدها.", "threatened"),
    ("ونشرت الجماعة مقاتليها قرب الحدود بهدف استهداف مواقع الجيش العراقي في الأنبار.", "threatened"),
    # a condition set reaches to the end of its sentence
    ("واشترط الرئيس التركي للمشاركة في التحالف إقامة منطقة آمنة على طول الحدود، وشن غارات على قوات النظام السوري أيضا.", "hypothetical"),
    # in preparation for: not yet done
    ("وقامت ميليشيات الحوثي بتلغيم جسر في مدينة الحديدة تمهيدا لتفجيره عند وصول الجنود إليه.", "threatened"),
    # an attempt: what they aimed at, not an attack done
    ("وضبطت الشرطة ثلاثة من عناصر حركة حسم يصورون مبنى المحكمة في محاولة لاستهدافه.", "threatened"),
    # the ل of a condemnation's reason: the shelling happened
    ("وأدانت الحكومة الأردنية الجيش السوري لقصفه مخيما للاجئين قرب درعا.", "asserted"),
    ("وبات من الممكن أن تقصف الطائرات التركية مواقع قسد قرب منبج.", "hypothetical"),
    ("وقال الخبير إن الحركة ربما تشن هجمات جديدة في العراق.", "hypothetical"),
    ("وأظهر الشريط استعدادات المعارضة للاقتحام الوشيك لمدينة درعا.", "threatened"),
    ("ونقلت الجماعة مئات المقاتلين إلى أطراف الرمادي لاقتحام مقر قيادة الشرطة.", "threatened"),
    # the attack as the object of a verbal noun of purpose
    ("وقال المحلل إن الهدنة ستمنح حركة الشباب فرصة للعودة لممارسة اعتداءاتها على القرى في إقليم جوبا.", "threatened"),
    ("وحشدت الميليشيات عناصرها على أطراف مدينة تعز لمداهمة الأحياء الشرقية.", "threatened"),
    ("وجندت الخلية شبانا في مدينة الدمام لتفجير مساجد المنطقة.", "threatened"),
    ("وتعرض مخيم للنازحين قرب مدينة حمص للقصف بالبراميل المتفجرة ليلة الجمعة.", "asserted"),
    ("وتعد الغارة الإسرائيلية على مخيم جنين الأعنف منذ سنوات.", "asserted"),  # تعد: is counted, no threat
    ("وتهدد موسكو بتوسيع غاراتها على مواقع المعارضة في ريف إدلب.", "asserted"),  # the raids go on
    ("وقال الوزير إن خلايا إرهابية تسعى إلى استهداف المنشآت النفطية في الكويت.", "threatened"),  # an intention
    # a negation before the verb whose "any" object the attack is
    ("وأكد المحافظ أن المدينة لم تشهد أي هجمات لحركة الشباب منذ أسابيع.", "negated"),
    # a past verb joined by و is a clause of its own: what was allowed or threatened before it
    # does not reach it; a verbal noun joined by و stays under the threat
    ("وسمح الأردن للطائرات الأمريكية باستخدام قاعدة جوية وقصفت طائراته مواقع في الرقة.", "asserted"),
    ("وتوعدت الحركة بمهاجمة الحدود وشن غارات على مدينة سديروت.", "threatened"),
    # expectations, and a denial that fighting goes on
    ("وهناك توقعات بأن تشن الجماعة هجمات جديدة على مدينة المكلا.", "hypothetical"),
    ("ونفى مصدر عسكري استمرار الاشتباكات في مدينة الضالع.", "denied"),
])
def test_every_attack_carries_the_modality_its_cues_give(builder, text, modality):
    found = events(builder, text, "attack")
    assert found and {e.modality for e in found} == {modality}


def test_a_hypothetical_attack_is_not_merged_into_the_attack_that_happened(builder):
    text = ("هاجم مسلحو داعش سجنا في الموصل فجر الخميس. "
            "ولو نجح هجومهم على السجن لكانوا شنوا هجمات على أحياء تلعفر أيضا.")
    found = events(builder, text, "attack")
    asserted = [e for e in found if e.modality == "asserted"]
    assert asserted and all("تلعفر" not in {p.span.text for p in e.places} for e in asserted)
    assert any(e.modality == "hypothetical" for e in found)


# ---------------------------------------------------------------- accusation forms
@pytest.mark.parametrize("text,pair", [
    # criticism that names the culprit, by name or by a country adjective
    ("وانتقدت ألمانيا إيران بشدة بسبب برنامجها الصاروخي.", ("germany", "iran")),
    ("وأدان الأردن القصف الإسرائيلي لمدرسة تابعة للأمم المتحدة.", ("jordan", "israel")),
    ("وتعرضت قطر لانتقادات من السعودية بسبب موقفها من الأزمة.", ("saudi_arabia", "qatar")),
    ("ويواجه الرئيس الأمريكي باراك أوباما انتقادات حادة من الكونغرس بسبب صفقة الأسلحة.", ("us_congress", "obama")),
    # who bears responsibility, and a call to bear it
    ("وقال الجيش الليبي إن تركيا تتحمل المسؤولية الكاملة عما جرى في طرابلس.", ("libya", "turkey")),
    ("ودعت فرنسا روسيا إلى تحمل مسؤولية ما حدث في حلب.", ("france", "russia")),
    # accuses X of, the subject standing well before the verb
    ("وقالت حركة حماس إنها ترفض المبادرة وتتهم إسرائيل بعرقلة الاتفاق.", ("hamas", "israel")),
    # a charge, a pointed finger, the hallmarks of a group
    ("وأعلنت الولايات المتحدة فرض عقوبات على حزب الله بتهمة تمويل الإرهاب.", ("usa", "hezbollah")),
    ("ووجهت تركيا أصابع الاتهام إلى حزب العمال الكردستاني بعد الانفجار.", ("turkey", "pkk")),
    ("وقالت السلطات النيجيرية إن الانفجار يحمل بصمات جماعة بوكو حرام.", ("nigeria", "boko_haram")),
    # an inflected form no list spelled out
    ("وكانت روسيا وسوريا قد اتهمتا الولايات المتحدة بقصف مواقع للجيش قرب دير الزور.", ("russia", "usa")),
    # what is condemned past the condemner's relative clause and an adverb, or past a title
    ("وأدانت منظمة التعاون الإسلامي، التي تتخذ من جدة مقرا لها، بشدة، قرار الحكومة الهندية حظر الجمعيات.",
     ("oic", "india")),
    ("وانتقد وزير الخارجية الإيراني بشدة تصريحات رئيس الوزراء الإسرائيلي بنيامين نتنياهو بشأن الاتفاق.",
     ("iran", "netanyahu")),
    # charges brought to the one a relative clause is about
    ("ولم يحضر الرئيس السوداني عمر البشير الذي وجهت إليه المحكمة الجنائية الدولية اتهامات بارتكاب جرائم ضد الإنسانية.",
     ("icc", "omar_bashir")),
    # the masdar's object is accused when the charge follows it
    ("وواصل الرئيس الأمريكي اتهام روسيا بالتدخل في الانتخابات النصفية.", ("usa", "russia")),
    # a condemnation by شجب
    ("وشجبت الكويت الغارة التي شنتها إسرائيل على مخيم للاجئين قرب رفح.", ("kuwait", "israel")),
    # the source named by the verb that opens the sentence, before a comma and وقال
    ("وطالبت الحكومة اليمنية مجلس الأمن بالتدخل العاجل، وقالت إن جماعة الحوثي تنتهك الهدنة يوميا.",
     ("yemen", "houthis")),
])
def test_accusation_forms(builder, text, pair):
    pairs = {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")}
    assert pair in pairs


def test_the_source_of_a_subjectless_said_is_the_person_the_openers_title_names(builder):
    text = "ودعا سفير المملكة لدى الأردن نايف السديري إيران إلى احترام الجوار، وقال إن الحوثيين ينتهكون الهدنة يوميا."
    assert accusation_names(builder, text) == [("نايف السديري", "houthis")]


def test_a_sentence_opening_with_accused_goes_on_with_the_one_who_spoke_before(builder):
    text = ("وقال رئيس الوزراء التركي أحمد داود أوغلو إن الحملة ستستمر. "
            "كما اتهم حزب العمال الكردستاني وتنظيم داعش بأن هدفهما زعزعة استقرار البلاد.")
    assert sorted(accusation_names(builder, text)) == [("أحمد داود أوغلو", "isis"), ("أحمد داود أوغلو", "pkk")]


@pytest.mark.parametrize("text", [
    # a titled person criticises the person named right after him: no apposition of the two
    "وانتقد النائب اللبناني خالد الضاهر ميشال عون بسبب تحالفه مع دمشق.",
    # criticism pointed at a person past his long title, set off by a comma
    "ووجه النائب اللبناني خالد الضاهر انتقادات لاذعة إلى زعيم التيار الوطني الحر، العماد ميشال عون، بسبب تحالفه مع دمشق.",
])
def test_a_person_criticises_the_person_named_after_him(builder, text):
    assert accusation_names(builder, text) == [("خالد الضاهر", "michel_aoun")]


def test_the_regime_alone_is_the_regime_named_before(builder):
    text = "وقصف النظام السوري أحياء مدينة حلب. وقال المرصد إن النظام يرتكب جرائم حرب في المدينة."
    assert accusation_pairs(builder, text) == [("sohr", "syria")]


@pytest.mark.parametrize("text,pairs", [
    ("ووصفت الحكومة السورية الضربات الأمريكية على مطار الشعيرات بأنها عدوان سافر.", [("syria", "usa")]),
    ("واعتبرت روسيا أن الغارات التركية انتهاك صارخ لسيادة العراق.", [("russia", "turkey")]),
    ("واعتبرت الخارجية الفلسطينية تصريحات نتنياهو الأخيرة عنصرية ومرفوضة.", [("palestine", "netanyahu")]),
    # a deed called a good thing, and the words of an office its title names, accuse no one
    ("واعتبرت مصر أن القرار الأمريكي خطوة مهمة نحو السلام.", []),
    ("وقال الوزير إن تصريحات رئيس الوزراء البولندي معادية للسامية.", []),
])
def test_who_calls_anothers_deed_a_wrong_accuses_its_doer(builder, text, pairs):
    assert accusation_pairs(builder, text) == pairs


def test_two_accusers_joined_by_waw_both_accuse(builder):
    text = "وكانت روسيا وسوريا قد اتهمتا الولايات المتحدة بقصف مواقع للجيش قرب دير الزور."
    pairs = {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")}
    assert {("russia", "usa"), ("syria", "usa")} <= pairs


def test_who_describes_an_attack_did_not_do_it(builder):
    text = "ووصف نتنياهو الهجوم على الحافلة في القدس بأنه عمل إرهابي."
    assert [e.perpetrator for e in events(builder, text, "attack")] == [None]


def test_the_audience_of_a_condemnation_is_not_condemned(builder):
    text = "وندد وزير الدفاع البريطاني أمام لجنة الدفاع في مجلس العموم بالهجمات الإلكترونية الروسية."
    accused = {e.accused.span.text for e in events(builder, text, "accusation")}
    assert not any("لجنة" in a or "مجلس" in a for a in accused)


def test_a_visit_is_no_forgery(builder):
    text = "وقالت وزارة الخارجية السعودية إن الوزير عادل الجبير يزور موسكو الأسبوع المقبل."
    assert not events(builder, text, "accusation")


@pytest.mark.parametrize("text", [
    "وأدانت مصر الهجوم الذي استهدف كنيسة في الإسكندرية.",
    # the body the condemners sit in is not condemned
    "ودان أعضاء مجلس الأمن الدولي بالأمم المتحدة الهجوم على مقر البعثة في مدينة بنغازي.",
])
def test_a_condemnation_that_names_no_culprit_is_no_accusation(builder, text):
    assert events(builder, text, "accusation") == []


def test_the_accused_of_an_attack_is_its_perpetrator(builder):
    text = "واتهمت أوكرانيا روسيا بقصف محطة الكهرباء في خاركيف ليلة السبت."
    attack = events(builder, text, "attack")[0]
    assert keys(attack.perpetrator) == "russia"


# ---------------------------------------------------------------- attack roles
@pytest.mark.parametrize("text,perpetrator", [
    ("وأسفرت غارات روسية على ريف إدلب عن دمار واسع.", "russia"),  # a country adjective
    ("وكثف تنظيم داعش هجماته في محافظة ديالى خلال الشهر الماضي.", "isis"),  # a possessive noun
    ("وكانت حركة الشباب قد هاجمت قاعدة عسكرية قرب مقديشو الشهر الماضي.", "al_shabaab"),  # قد before the past verb
    ("وقتل خمسة مسلحين في غارتين روسيتين على ريف إدلب.", "russia"),  # a feminine dual adjective
    ("وكان طيران التحالف قد نفذ 44 غارة على مواقع الحوثيين في صعدة.", "arab_coalition"),  # قد before the launch verb
    # قيام X بقصف: X did it; the members whose positions were hit did not
    ("وأكد البيان قيام الجيش الباكستاني بقصف مخابئ لعناصر حركة طالبان في وزيرستان.", "pakistani_army"),
])
def test_attack_perpetrators(builder, text, perpetrator):
    assert keys(events(builder, text, "attack")[0].perpetrator) == perpetrator


def test_the_name_after_an_assassination_is_its_target(builder):
    text = "واستنكرت الحكومة اغتيال زعيم حركة حماس في بيروت."
    attack = events(builder, text, "attack")[0]
    assert keys(attack.target) == "hamas" and keys(attack.perpetrator) != "hamas"


# ---------------------------------------------------------------- casualty figures and their attack
def test_a_figure_belongs_to_the_attack_told_before_it_and_takes_its_place(builder):
    text = ("شن مسلحو تنظيم داعش هجوما على حاجز للجيش العراقي في سامراء مساء الجمعة. "
            "وأسفر الهجوم عن مقتل 7 جنود وإصابة 4 آخرين.")
    extraction = builder.extract([Document("t", text)])[0]
    attack = next(e for e in extraction.events if e.type == "attack")
    figures = [e for e in extraction.events if e.type == "casualty"]
    assert {(e.count, e.outcome) for e in figures} == {(7, "killed"), (4, "injured")}
    for figure in figures:
        assert figure.outcome_of is attack
        assert "سامراء" in {p.span.text for p in figure.places}
        assert keys(figure.perpetrator) == "isis"


@pytest.mark.parametrize("text,where,elsewhere", [
    # where the captives were taken, not where they were set free later
    ("واختطف مسلحون أربعة مهندسين في مدينة سبها قبل الإفراج عنهم في طرابلس بعد شهرين.", "سبها", "طرابلس"),
    # where the attack that caused the deaths struck, not the attack told after them
    ("ومنذ التفجير الأول في سوق الكاظمية الذي أودى بحياة 19 شخصا، والثاني في ساحة الطيران، تتواصل الحملة.",
     "الكاظمية", "ساحة الطيران"),
])
def test_a_figure_takes_the_place_of_its_own_clause(builder, text, where, elsewhere):
    places = {p.span.text for p in events(builder, text, "casualty")[0].places}
    assert any(where in p for p in places) and not any(elsewhere in p for p in places)


@pytest.mark.parametrize("text", [
    # a head word alone that stands for the group named before it
    "وسيطر تنظيم داعش على بلدة قرب دير الزور. وقتل التنظيم 15 مدنيا في البلدة.",
    # an execution verb's subject carried it out
    "وأعدم تنظيم داعش تسعة رجال في ساحة عامة بمدينة الرقة.",
])
def test_the_doer_between_a_killing_verb_and_its_count_is_no_victim(builder, text):
    (figure,) = events(builder, text, "casualty")
    assert keys(figure.perpetrator) == "isis" and figure.victim is None


def test_one_count_told_of_two_towns_is_two_figures(builder):
    text = "وقتل 6 مدنيين في قصف مدفعي على مدينة درعا. وقتل 6 مدنيين أيضا في غارة على مدينة حمص."
    figures = events(builder, text, "casualty")
    assert sorted(p.span.text for f in figures for p in f.places) == ["مدينة حمص", "مدينة درعا"]


def test_who_confesses_to_a_killing_did_it(builder):
    text = "وكان القاتل المتسلسل جون ويليامز قد اعترف بقتل 11 شخصا في ولاية تكساس."
    assert {c.perpetrator.span.text for c in events(builder, text, "casualty") if c.perpetrator} == {"جون ويليامز"}


def test_a_count_with_no_noun_shares_the_victims_of_the_next(builder):
    text = "وأسفرت الاشتباكات عن مقتل 9 وإصابة 21 من عناصر حركة الشباب في إقليم شبيلي السفلى."
    assert {(e.count, keys(e.victim)) for e in events(builder, text, "casualty")} == {(9, "al_shabaab"), (21, "al_shabaab")}


@pytest.mark.parametrize("text,count,victim", [
    # a country adjective on the victims
    ("وأعلنت الشرطة مقتل 12 شرطيا باكستانيا في هجوم على نقطة تفتيش قرب كويتا.", 12, "pakistan"),
    # a group named inside quotes, of every kind
    *[(f"وأكد الجيش العراقي مقتل 9 من عناصر {quoted} في غارة جوية غرب الموصل.", 9, "isis")
      for quoted in ("«داعش»", "“داعش”", '"داعش"')],
    # the speaker's own activists: its members, not who killed them
    ("وقالت حركة حماس إن انفجارا أودى بحياة خمسة من ناشطيها شمال قطاع غزة.", 5, "hamas"),
    # the group after a counted outcome noun
    ("وأسفرت المعارك في جنوب الصومال عن 30 قتيلا من مقاتلي حركة الشباب.", 30, "al_shabaab"),
])
def test_the_victim_actor(builder, text, count, victim):
    figure = events(builder, text, "casualty")[0]
    assert (figure.count, keys(figure.victim), figure.perpetrator) == (count, victim, None)


@pytest.mark.parametrize("text", [
    "وأسفرت الاشتباكات عن مقتل تسعة من عناصر حزب الله وثلاثة من المدنيين.",
    "ونتج عن التفجير استشهاد سبعة من منسوبي الجيش اللبناني وأربعة من العاملين في المبنى.",
])
def test_the_next_figure_in_a_list_has_victims_of_its_own(builder, text):
    first, second = sorted(events(builder, text, "casualty"), key=lambda e: e.trigger.start)
    assert first.victim is not None and second.victim is None


def test_a_place_name_that_is_also_a_word_is_a_place_only_where_the_text_puts_it(builder):
    assert "khobar" not in mention_keys(builder, "ونقلت الصحيفة الخبر عن مصادر محلية مطلعة.")
    assert "khobar" in mention_keys(builder, "ووقعت الحادثة في الخبر شرقي المملكة مساء أمس.")
    # what an attack was on, a relative clause after it
    attack, = events(builder, "وأكد المحقق أن الهجوم على الخبر الذي قتل فيه جنود أمريكيون نفذ بأوامر من طهران.", "attack")
    assert [p.key for p in attack.places] == ["khobar"]  # (not Tehran, whence the orders came)
    assert "al_bab" not in mention_keys(builder, "وقال إن القرار يفتح الباب أمام مفاوضات جديدة.")  # the door
    # football, a month's other name: no neighbourhood of Damascus, no city of Yemen
    assert not {"qadam", "ibb"} & mention_keys(builder, "وانطلق دوري كرة القدم في التاسع من أغسطس (آب) الماضي.")
    # حماة الوطن: the protectors of the homeland, not Hama
    assert "hama" not in mention_keys(builder, "وأشاد الأمير بتضحيات حماة الوطن المرابطين على الحدود.")
    assert "hama" in mention_keys(builder, "وقتل ثلاثة مدنيين في قصف على حماة صباح اليوم.")


@pytest.mark.parametrize("text,key,named", [
    # a place inside a person's name is no place
    ("وقال زعيم حزب الشعوب الديمقراطي صلاح الدين دمرتاش للصحفيين إن الوضع خطير.", "salah_al_din", False),
    ("وقتل خمسة جنود في محافظة صلاح الدين شمال بغداد.", "salah_al_din", True),
    # the head word of a place told before is that place, not the group it spells
    ("سيطرت المقاومة على قاعدة العند الجوية بعد معارك عنيفة. وشنت طائرات التحالف غارات على القاعدة قبل اقتحامها.",
     "al_qaeda", False),
    ("واتهمت الحكومة اليمنية القاعدة بتنفيذ الهجوم على قاعدة العند الجوية.", "al_qaeda", True),
])
def test_a_name_inside_another_or_told_before_as_a_place_names_only_that(builder, text, key, named):
    assert (key in mention_keys(builder, text)) == named


def test_a_name_after_a_persons_title_is_a_person_not_the_place_it_spells(builder):
    text = "أدانت محكمة أردنية، الأحد، الناشطة جدة عبيدات، بإثارة الفتنة."
    (acc,) = events(builder, text, "accusation")
    assert acc.accused is not None and acc.accused.span.text == "جدة عبيدات"
    assert "jeddah" not in mention_keys(builder, text)


@pytest.mark.parametrize("text,speaker", [
    ("وأوضح المتحدث الرسمي باسم الدفاع المدني بمنطقة جازان العقيد يحيى القحطاني أن 4 أشخاص أصيبوا في الحريق.",
     "يحيى القحطاني"),
    # the country where an ambassador serves is not who speaks
    ("وقال السفير الأردني في لبنان نبيل المصاروة إن 3 أردنيين أصيبوا في انفجار المرفأ.", "نبيل المصاروة"),
    # condolences conveyed report nothing
    ("ونقل رئيس الوزراء مصطفى مدبولي خلال الجلسة تعازي الرئيس لذوي 12 جنديا قتلوا في كمين بسيناء.", None),
])
def test_a_title_after_a_verb_of_speech_opens_the_speakers_name_however_long(builder, text, speaker):
    (figure,) = events(builder, text, "casualty")
    assert (figure.reported_by.span.text if figure.reported_by else None) == speaker


def test_the_ministry_named_bare_after_a_verb_of_speech_reports(builder):
    text = "وذكرت الداخلية أن 9 من رجال الأمن أصيبوا في انفجار عبوة ناسفة بمحافظة القطيف."
    (figure,) = events(builder, text, "casualty")
    assert figure.reported_by is not None and figure.reported_by.span.text == "الداخلية"
    # an adjective, not a ministry
    assert not any(m.span.text == "الخارجية" for m in builder.extract([Document("t", "وقال إن السياسة الخارجية ثابتة.")])[0].mentions)


def test_a_newspaper_named_like_a_region_between_quotes_is_the_newspaper(builder):
    assert "middle_east" not in mention_keys(builder, "وتابعت «الشرق الأوسط» أوضاع النازحين في المخيمات.")
    assert "middle_east" in mention_keys(builder, "وتشهد منطقة الشرق الأوسط توترا متزايدا.")


@pytest.mark.parametrize("text,reporter", [
    ("أعلنت وكالة الأناضول وقوع انفجار في ديار بكر. وقالت الوكالة إن 3 جنود قتلوا في الانفجار.", "anadolu"),
    # a title's word is no ministry named again
    ("وقال وزير الداخلية التركي إن 3 جنود قتلوا في الانفجار.", "turkey"),
])
def test_a_head_alone_reports_as_the_body_named_before_with_it(builder, text, reporter):
    figure = events(builder, text, "casualty")[0]
    assert keys(figure.reported_by) == reporter


@pytest.mark.parametrize("text,junk", [
    ("وقال عبد إن الوضع صعب.", "عبد"),  # a first name's part
    ("وقال الجنرال بي إن الوضع صعب.", "بي"),  # one letter of an acronym
])
def test_fragments_the_tagger_marks_are_no_actors(builder, text, junk):
    assert junk not in mention_texts(builder, text)


def test_a_capital_after_authorities_is_the_state_not_where(builder):
    text = "وتسبب التفجير الذي قتل فيه 20 شخصا في توقف المحادثات بين سلطات أنقرة وحزب العمال الكردستاني."
    figure, = events(builder, text, "casualty")
    assert "ankara" not in {p.key for p in figure.places}
    assert "turkey" in mention_keys(builder, text)


def test_a_bare_town_name_is_the_town_news_means(builder):
    # سوسة alone is Tunisia's Sousse; the Syrian village is written السوسة
    attack, = events(builder, "وقتل مسلح عشرات السياح في هجوم على فندق بمدينة سوسة الساحلية.", "attack")
    assert [p.key for p in attack.places] == ["sousse"]


def test_nato_by_its_short_name_is_an_actor_not_a_place(builder):
    text = "وقال حلف الأطلسي إنه سيعزز وجوده العسكري في دول البلطيق."
    assert "nato" in mention_keys(builder, text)
    assert "حلف الأطلسي" not in place_names(builder, text)


def test_a_head_and_the_definite_words_after_it_name_a_body(builder):
    text = "وأكدت وزارة الزراعة أن المحكمة الإدارية نظرت في الطعن، بحسب صحيفة الرأي."
    actors = {m.span.text: m.type for m in builder.extract([Document("t", text)])[0].mentions if m.kind == "actor"}
    assert actors.get("وزارة الزراعة") == "state" and actors.get("المحكمة الإدارية") == "organisation"
    assert actors.get("صحيفة الرأي") == "media"


def test_a_name_in_quotes_after_a_media_head_is_an_outlet_whose_attack_is_words(builder):
    text = "وهاجمت صحيفة «ديلي ميرور» البريطانية أمس تصريحات رئيس الوزراء بوريس جونسون عن الهجرة."
    actors = {m.span.text: m.type for m in builder.extract([Document("t", text)])[0].mentions if m.kind == "actor"}
    assert actors.get("ديلي ميرور") == "media"
    assert events(builder, text, "attack") == []


def test_patients_are_no_casualties(builder):
    text = "وشملت الدراسة 300 مريض بينهم 120 مصابا بسرطان الرئة في مستشفيات لندن."
    assert events(builder, text, "casualty") == []


def test_a_dual_mutual_verb_takes_the_pair_named_before(builder):
    text = "والتقى الرئيس الروسي فلاديمير بوتين بنظيره الأوكراني فولوديمير زيلينسكي أمس. وبعد اللقاء عاد الرجلان يتبادلان الاتهامات."
    pairs = {(e.accuser.span.text, e.accused.span.text) for e in events(builder, text, "accusation")}
    assert len(pairs) == 2 and {a for a, _ in pairs} == {b for _, b in pairs}


def test_a_denial_keeps_the_accusation_it_denies_and_makes_none(builder):
    text = "ونفت حركة طالبان اتهامات الحكومة الأفغانية بالوقوف وراء الهجوم."
    pairs = {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")}
    assert pairs == {("afghanistan", "taliban")}
    text = "ونفى أردوغان الاتهامات بأن تركيا تساعد تنظيم داعش."
    assert events(builder, text, "accusation") == []


def test_the_perpetrators_own_dead_were_killed_by_its_target(builder):
    text = ("هاجم مسلحو تنظيم داعش مواقع قوات سوريا الديمقراطية قرب الحسكة فجر الاثنين. "
            "وأسفر الهجوم عن مقتل 20 من عناصر داعش.")
    figure = events(builder, text, "casualty")[0]
    assert keys(figure.victim) == "isis" and keys(figure.perpetrator) == "sdf"


@pytest.mark.parametrize("text,pair", [
    # the verb carries its object after a relative pronoun: the antecedent is accused
    ("وجرت المحادثات في قطر التي تتهمها السعودية بدعم الجماعات المتطرفة.", ("saudi_arabia", "qatar")),
])
def test_an_object_pronoun_points_back_to_the_accused(builder, text, pair):
    pairs = {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")}
    assert pairs == {pair}


@pytest.mark.parametrize("text", [
    "ونفى الرئيس التركي بقوة الاتهامات بأن تركيا تدعم تنظيم داعش.",  # what is said, not who says it
    "ورغم عدم اتهام الوزير بأي مخالفة فقد استقال من منصبه.",  # عدم
])
def test_no_accusation_where_nobody_is_said_to_accuse(builder, text):
    assert events(builder, text, "accusation") == []


# ---------------------------------------------------------------- attacks: more ways to name who did it
def test_a_head_word_refers_back_to_a_name_holding_it_anywhere(builder):
    # التحالف alone after طيران التحالف: the head need not open the earlier name
    text = ("وقال سكان إن طيران التحالف حلق فوق المدينة طوال الليل. "
            "وفي الجوف، قصفت طائرات التحالف مخازن سلاح للحوثيين قرب مدينة الحزم.")
    perps = {keys(e.perpetrator) for e in events(builder, text, "attack")}
    assert "arab_coalition" in perps


@pytest.mark.parametrize("text,perpetrator", [
    ("وناقش الوزيران الغارة الأخيرة التي نسبها محققون إلى التحالف العربي في محافظة صعدة.", "arab_coalition"),
    ("وجاء ذلك بعد يومين من هجوم دام على سوق شعبي نسبته بغداد إلى تنظيم داعش قرب الموصل.", "isis"),
])
def test_an_attack_attributed_to_someone_is_theirs(builder, text, perpetrator):
    assert keys(events(builder, text, "attack")[0].perpetrator) == perpetrator


def test_the_alliance_alone_refers_back_to_the_alliance_named_before(builder):
    text = ("ويجتمع وزراء دفاع حلف شمال الأطلسي في بروكسل الأسبوع المقبل. "
            "وكان الحلف قد انتقد إيران في بيانه الأخير بسبب برنامجها الصاروخي.")
    pairs = {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")}
    assert ("nato", "iran") in pairs


# ---------------------------------------------------------------- crimes that name who committed them
@pytest.mark.parametrize("text,pair", [
    ("وقال المتحدث باسم الجيش اللبناني إن جرائم الاحتلال الإسرائيلي لن تمر دون عقاب.",
     ("lebanese_army", "israel")),
    ("وقالت منظمة العفو الدولية إن جرائم الحرب الإسرائيلية موثقة بالصور.", ("amnesty", "israel")),
    ("وذكرت قناة الجزيرة أن قوات النظام السوري ارتكبت مجزرة جديدة في ريف حماة.",
     ("aljazeera", "syrian_army")),
    ("وقالت منظمة العفو الدولية إن ما جرى في القرية مجزرة بشعة ارتكبتها حركة الشباب فجرا.",
     ("amnesty", "al_shabaab")),
])
def test_a_crime_with_its_culprit_is_an_accusation_by_the_source(builder, text, pair):
    pairs = {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")}
    assert pair in pairs


@pytest.mark.parametrize("text", [
    "وأفادت وكالة رويترز بأن جريمة قتل وقعت في حي شعبي.",  # no culprit
    "وقالت وكالة رويترز إن جريمة اغتيال وزير الخارجية الإيراني هزت البلاد.",  # only the victim
])
def test_a_crime_that_names_no_culprit_accuses_nobody(builder, text):
    assert events(builder, text, "accusation") == []


@pytest.mark.parametrize("text,perpetrator", [
    # a verb with its object pronoun after the attack names who did it, in any person or tense
    ("وتضررت منازل في قرية حدودية قرب حرض من جراء الصواريخ الثقيلة التي أطلقتها جماعة الحوثي ليلا.", "houthis"),
    ("ونددت الحكومة بالتفجير الدامي في سوق كركوك الشعبي الذي نفذته خلية تابعة لتنظيم داعش.", "isis"),
])
def test_a_verb_pointing_back_to_the_attack_names_its_perpetrator(builder, text, perpetrator):
    perps = {keys(e.perpetrator) for e in events(builder, text, "attack")}
    assert perpetrator in perps


@pytest.mark.parametrize("text,trigger", [
    ("ونفذت الشرطة الكينية مداهمة واسعة لمخبأ تابع لحركة الشباب في مدينة غاريسا.", "مداهمة"),
    ("وقالت الشرطة إن مسلحين اعتدوا بالسكاكين على حافلة ركاب في مدينة مومباسا.", "اعتدوا"),
])
def test_raids_and_assaults_are_attacks(builder, text, trigger):
    assert any(e.trigger.text == trigger for e in events(builder, text, "attack"))


# ---------------------------------------------------------------- nominal accusations and denials
@pytest.mark.parametrize("text,pair", [
    # the accuser's adjective on the noun, the accused with ل
    ("وتصاعدت الاتهامات الروسية لأوكرانيا بقصف المحطة النووية.", ("russia", "ukraine")),
    # a denial verb before the noun with a one-word subject: the denier is accused
    ("ونفت موسكو الاتهامات الأمريكية بالتدخل في الانتخابات.", ("usa", "russia")),
    # ... not the one the charge names
    ("ونفت طهران اتهامات واشنطن بدعم الحوثيين.", ("usa", "iran")),
])
def test_nominal_accusations_and_the_denials_of_them(builder, text, pair):
    evs = events(builder, text, "accusation")
    assert {(keys(e.accuser), keys(e.accused)) for e in evs} == {pair}
    assert all(e.modality == "asserted" for e in evs)


@pytest.mark.parametrize("text,pair", [
    ("وحملت الحكومة العراقية في بيان صدر مساء أمس عن مكتب رئيس الوزراء تنظيم داعش المسؤولية الكاملة عن التفجير.",
     ("iraq", "isis")),
    ("وحملت المعارضة السورية في بيانها الحكومة الروسية والنظام السوري مسؤولية المجزرة.",
     ("syrian_opposition", "russia")),
    # responsibility spelled with hamza on ya (مسئولية)
    ("وحملت الحكومة البحرينية حزب الله اللبناني مسئولية التفجير في قرية سترة.", ("bahrain", "hezbollah")),
    # the one held, with its adjective before the responsibility word
    ("وحمل وزير الإعلام اليمني ميليشيا الحوثي الانقلابية مسؤولية قطع الرواتب عن الموظفين.", ("yemen", "houthis")),
    # a statement between the accuser and the accused is no charge (بيان starts with ب)
    ("واتهمت الخارجية البريطانية في بيان أصدرته مساء الخميس، النظام السوري بمنع دخول المساعدات.", ("uk", "syria")),
    ("واتهم الجيش اللبناني في بيان حزب الله بإطلاق الصواريخ من الجنوب.", ("lebanese_army", "hezbollah")),
    # told in a statement or letter (فيه، فيها): who made it accuses, not the one it went to
    ("وأصدرت وزارة الخارجية البحرينية بيانا حملت فيه إيران مسؤولية التفجير الإرهابي.", ("bahrain", "iran")),
    ("وبعثت الحكومة السورية رسالة إلى الأمم المتحدة تتهم فيها تركيا بدعم المسلحين.", ("syria", "turkey")),
])
def test_holding_responsible_across_a_long_gap(builder, text, pair):
    assert pair in {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")}


# ---------------------------------------------------------------- officials: a title names its state, unless the name follows
@pytest.mark.parametrize("text,pair", [
    # a minister with no name speaks for his state
    ("وقال وزير الدفاع الإسرائيلي إن حركة حماس تتحمل مسؤولية التصعيد الأخير.", ("israel", "hamas")),
    ("وانتقد الرئيس الفرنسي بشدة الحكومة الإيرانية بسبب برنامجها الصاروخي.", ("france", "iran")),
])
def test_an_unnamed_official_speaks_for_his_state(builder, text, pair):
    assert pair in {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")}


def test_a_title_before_a_name_is_the_persons_not_an_actor_of_its_own(builder):
    text = "واتهم وزير الخارجية التركي مولود جاويش أوغلو الولايات المتحدة بدعم المسلحين."
    evs = events(builder, text, "accusation")
    assert evs and all(keys(e.accused) == "usa" for e in evs)
    # the person (the tagger may end the name a word short), not the state the title names
    assert all(e.accuser.type == "person" and e.accuser.span.text.startswith("مولود جاويش") for e in evs)


@pytest.mark.parametrize("text,pair", [
    ("واتهم المتحدث باسم الجيش الليبي تركيا بإرسال مرتزقة إلى طرابلس.", ("libya", "turkey")),
    ("وقال المتحدث باسم الخارجية الإيرانية إن واشنطن تقف وراء اغتيال العالم النووي.", ("iran", "usa")),
    # a pronoun between the accused and the blame
    ("وقال المتحدث باسم الحكومة العراقية إن داعش هو المسؤول عن تفجير الجسر.", ("iraq", "isis")),
    # the one a suspect of a killing is named
    ("وقال المتحدث باسم الحكومة العراقية إن تنظيم داعش مشتبه به في اغتيال الصحفي.", ("iraq", "isis")),
])
def test_a_spokesman_speaks_for_the_one_named_after_on_behalf_of(builder, text, pair):
    assert {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")} == {pair}


@pytest.mark.parametrize("text,pair", [
    ("وقال أردوغان في خطاب أمام البرلمان إن بلاده لن تسكت طويلا، متهما واشنطن بدعم المسلحين الأكراد.",
     ("erdogan", "usa")),
    ("وانتقد وزير الخارجية الروسي الحكومة البريطانية، متهما إياها بتلفيق الأدلة.", ("russia", "uk")),
    ("وأصدرت الحكومة العراقية بيانا، محملة تنظيم داعش مسؤولية التفجير.", ("iraq", "isis")),
])
def test_a_participle_accuses_for_the_subject(builder, text, pair):
    assert pair in {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")}


def test_a_participle_after_a_number_counts_defendants(builder):
    text = "ووجهت النيابة العامة اتهامات إلى 12 متهما بالانتماء إلى تنظيم داعش."
    assert all(keys(e.accused) != "isis" for e in events(builder, text, "accusation"))


def test_armed_men_attacking_are_an_attack(builder):
    text = "وهاجم مسلحون من حركة الشباب قاعدة عسكرية في جنوب الصومال."
    assert keys(events(builder, text, "attack")[0].perpetrator) == "al_shabaab"


# ---------------------------------------------------------------- casualty figures: whom the victims belong to
def test_the_counted_noun_and_min_name_the_victims_actor(builder):
    text = "وقالت الشرطة إن 12 فردا من مقاتلي حركة الشباب قتلوا في اشتباك قرب كيسمايو."
    figure = next(e for e in events(builder, text, "casualty") if e.count == 12)
    assert keys(figure.victim) == "al_shabaab"


def test_min_baynihim_after_the_counted_noun_is_no_victim_group(builder):
    text = "قتل 9 أشخاص من بينهم ضابط في الشرطة العراقية بانفجار قرب الرمادي."
    figure = next(e for e in events(builder, text, "casualty") if e.count == 9)
    assert figure.victim is None


@pytest.mark.parametrize("text,groups", [
    # the side they were on, and what is added after them, are no part of the victims' words
    ("وأعلن الجيش عن ثلاثة قتلى وجريحين من جانب الشرطة العسكرية بالإضافة إلى قتيلين في صفوف المهاجمين.",
     {(2, "injured"): "الشرطة العسكرية", (2, "killed"): "المهاجمين"}),
])
def test_victims_are_named_past_the_side_they_were_on(builder, text, groups):
    found = {(e.count, e.outcome): e.group for e in events(builder, text, "casualty")}
    assert all(found.get(k) == v for k, v in groups.items()), found


def test_an_execution_is_no_outcome_of_the_attack_told_before(builder):
    text = ("وقتلت غارة لطائرة مسيرة ثلاثة من عناصر تنظيم القاعدة في مدينة الحوطة. "
            "وكان التنظيم قد أقدم الشهر الماضي على إعدام شخصين اتهمهما بالتعاون مع الحكومة.")
    figure = next(e for e in events(builder, text, "casualty") if e.count == 2)
    assert figure.outcome_of is None and figure.group == "شخصين"


def test_a_toll_of_both_sides_has_no_one_attacker(builder):
    text = "وشنت قوات النظام هجوما على بلدة كفرنبودة. وأدت المواجهات إلى مقتل 31 عنصرا من الطرفين."
    figure, = events(builder, text, "casualty")
    assert figure.perpetrator is None


def test_a_group_adjective_names_the_group(builder):
    text = "وذكرت مصادر محلية مقتل 15 مسلحا حوثيا بغارة جوية قرب صعدة."
    figure = next(e for e in events(builder, text, "casualty") if e.count == 15)
    assert keys(figure.victim) == "houthis"
    attack = events(builder, "وقصفت القوات الحوثية أحياء سكنية في تعز.", "attack")[0]
    assert keys(attack.perpetrator) == "houthis" and attack.perpetrator.type == "armed_group"


@pytest.mark.parametrize("text,target", [
    # the verb is said of the attack noun before it: the one after the verb was hit, not the attacker
    ("وكانت سيارة مفخخة هاجمت موقعا للجيش العراقي قرب الرمادي.", "iraqi_army"),
    ("وبدأت القوات التركية هجوما واسعا في ريف حلب، يستهدف مقاتلي الوحدات الكردية.", "ypg"),
])
def test_an_attack_verb_said_of_an_attack_noun_names_the_target(builder, text, target):
    attacks = events(builder, text, "attack")
    assert all(keys(a.perpetrator) != target for a in attacks)
    assert any(keys(a.target) == target for a in attacks)


@pytest.mark.parametrize("text", [
    "وحذرت الأمم المتحدة من هجمات لتنظيم داعش في ليبيا.",  # a warning, by lemma
    "وتحدثت الصحيفة عن هجوم إسرائيلي وشيك على منشآت نووية في إيران.",  # imminent: not yet
    "وقال مسؤول أمني إن هجمات محتملة قد تستهدف الحدود الشرقية لليبيا.",  # possible
])
def test_warned_of_imminent_or_possible_attacks_are_threatened(builder, text):
    attacks = events(builder, text, "attack")
    assert attacks and all(a.modality == "threatened" for a in attacks)


@pytest.mark.parametrize("text,perpetrator,target", [
    # the one after ضد or على is hit, never the attacker; أنها stands for the one named before it
    ("وأعلنت المقاومة الشعبية أنها تشن هجوما ضد المتمردين الحوثيين في محافظة الضالع.",
     "yemen_popular_resistance", "houthis"),
    ("وتشن القوات الحكومية هجوما على مواقع حركة الشباب في إقليم جوبا.", None, None),
])
def test_the_one_after_a_target_marker_is_never_the_attacker(builder, text, perpetrator, target):
    attack = events(builder, text, "attack")[0]
    assert keys(attack.perpetrator) == perpetrator
    assert keys(attack.perpetrator) != "al_shabaab"


def test_a_people_of_a_country_is_not_its_state(builder):
    text = "واتهم الرئيس التركي أكراد العراق بإيواء مسلحين على حدود بلاده."
    assert all(keys(e.accused) != "iraq" for e in events(builder, text, "accusation"))
    assert "iraq" in {keys(m) for m in builder.extract([Document("t", text)])[0].mentions if m.kind == "place"}


def test_who_a_relative_clause_after_the_verb_names_does_not_condemn(builder):
    text = "وانتقدت الحكومة الانتقالية، التي يترأسها فائز السراج، ما وصفته بتقاعس برلمان طبرق عن مواجهة الإرهاب."
    assert all(e.accuser is None or e.accuser.span.text != "فائز السراج" for e in events(builder, text, "accusation"))


@pytest.mark.parametrize("text,accuser,accused", [
    ("وانتقد ماكرون أردوغان بسبب تصريحاته عن اللاجئين.", "ماكرون", "أردوغان"),
    ("وأدانت ألمانيا بشار الأسد لقصفه المدنيين في إدلب.", "ألمانيا", "بشار الأسد"),
])
def test_a_name_right_after_the_criticism_verb_criticises_the_person_after_it(builder, text, accuser, accused):
    assert {(e.accuser.span.text, e.accused.span.text) for e in events(builder, text, "accusation")} == {(accuser, accused)}


@pytest.mark.parametrize("text,pair", [
    # how it was said, between the verb and who is condemned
    ("وأدانت وزارة الخارجية الكويتية في بيان على موقعها الرسمي الحكومة الإيرانية.", ("وزارة الخارجية الكويتية", "الحكومة الإيرانية")),
    # the outlet that carried the statement is not condemned
    ("وأدانت وزارة الخارجية البحرينية في بيان نشرته وكالة أنباء البحرين التفجير الذي وقع في المنامة.", None),
    # a criticism pointed with إلى at a country
    ("ووجهت الصين انتقادات شديدة إلى اليابان.", ("الصين", "اليابان")),
    # words of a person named past his title: his, not his state's
    ("واستنكرت وزارة الخارجية القطرية تصريحات وزير الدفاع الإسرائيلي السابق أفيغدور ليبرمان.",
     ("وزارة الخارجية القطرية", "أفيغدور ليبرمان")),
    # ...also when the one who condemns is a person named past his own title
    ("وانتقد رئيس البرلمان العربي مشعل السلمي تصريحات نائب وزير الخارجية الروسي ميخائيل بوغدانوف.",
     ("مشعل السلمي", "ميخائيل بوغدانوف")),
])
def test_what_a_condemnation_names_past_how_it_was_said(builder, text, pair):
    found = {(e.accuser.span.text, e.accused.span.text) for e in events(builder, text, "accusation") if e.accused}
    assert found == ({pair} if pair else set())


@pytest.mark.parametrize("text", [
    "وقال المتحدث باسم الحكومة الليبية إن ما ترتكبه قوات حفتر من خروقات للهدنة مرفوض.",
    "وقال المتحدث باسم الحكومة الليبية إن ما تمارسه قوات حفتر من خروقات للهدنة مرفوض.",
])
def test_what_one_commits_named_after_min_accuses_the_committer(builder, text):
    assert {(keys(e.accuser), e.accused.span.text) for e in events(builder, text, "accusation")} == {("libya", "قوات حفتر")}


@pytest.mark.parametrize("text", [
    "وأغلقت السلطات الإيرانية صحيفة تنتقد الرئيس حسن روحاني.",  # the paper criticises, not the authorities
    "قبائل شمال اليمن تستنكر تصريحات الحكومة السعودية",  # the tribes, not Yemen
])
def test_who_condemns_is_not_a_name_inside_another_subject(builder, text):
    assert all(keys(e.accuser) not in ("iran", "yemen") for e in events(builder, text, "accusation"))


@pytest.mark.parametrize("text", [
    "أشادت الحكومة البريطانية بتعاون الأردن في التصدي للقاعدة ووصفت حركة الشباب بأنها منظمة إرهابية.",
    "أشادت الحكومة البريطانية بتعاون الأردن في التصدي للقاعدة واتهمت حركة الشباب بتجنيد الأطفال.",
])
def test_a_prepositions_object_before_a_joined_verb_is_not_its_subject(builder, text):
    assert all(keys(e.accuser) != "al_qaeda" for e in events(builder, text, "accusation"))


def test_a_report_that_holds_someone_responsible_is_the_speakers_accusation(builder):
    text = "وقال وزير الطيران المدني المصري محمد منار إن التحقيق يحمل شركة إيرباص مسؤولية تحطم الطائرة."
    assert {(e.accuser.span.text, e.accused.span.text) for e in events(builder, text, "accusation")} == {("محمد منار", "إيرباص")}


def test_we_condemn_in_quotes_is_the_speakers_condemnation(builder):
    text = "وقال وزير الخارجية البريطاني جيريمي هانت: «نحن ندين الحكومة الإيرانية على احتجاز الناقلة»."
    assert {(e.accuser.span.text, keys(e.accused)) for e in events(builder, text, "accusation")} == {("جيريمي هانت", "iran")}


def test_who_a_crime_was_done_against_is_not_its_culprit(builder):
    text = "وأدانت الجامعة العربية ما ترتكبه قوات الاحتلال من انتهاكات بحق اللبنانيين في الجنوب."
    assert all(keys(e.accused) != "lebanon" for e in events(builder, text, "accusation"))


def test_the_masdars_object_with_a_charge_never_accuses(builder):
    text = "ونشرت جماعة تعلن ولاءها لتنظيم داعش تسجيلا مصورا لاتهام تركيا باضطهاد الأقليات."
    assert all(keys(e.accuser) != "turkey" for e in events(builder, text, "accusation"))


@pytest.mark.parametrize("text", [
    # the subject between أن and the verb is a noun no actor names; the one after the verb was hit
    "وذكر شهود أن حشدا من الغاضبين هاجم الجيش اللبناني قرب بلدة عرسال.",
    # a plural verb after و: not the one man named before it (who was to be arrested)
    "ودهمت قوة عسكرية منزلا في مدينة طولكرم لاعتقال الناشط سامر الخطيب وأطلقوا النار على شقيقه.",
])
def test_who_was_hit_or_sought_is_not_the_attacker(builder, text):
    assert all(a.perpetrator is None for a in events(builder, text, "attack"))


def test_the_country_across_a_border_is_never_where_an_attack_was(builder):
    text = "اشتباكات عنيفة بين جبهة النصرة وفصائل المعارضة قرب الحدود مع تركيا"
    assert all("turkey" not in {keys(p) for p in a.places} for a in events(builder, text, "attack"))


def test_the_hour_at_dawn_does_not_end_the_telling_of_an_attack(builder):
    text = "وقال مصدر محلي إن مسلحي حركة الشباب هاجموا المعسكر في الساعة الثالثة فجرا قرب مدينة كسمايو."
    assert "kismayo" in {keys(p) for p in events(builder, text, "attack")[0].places}


def test_an_attack_called_another_is_another(builder):
    text = ("وانفجرت سيارة مفخخة قرب سوق شعبي في مدينة كركوك فقتلت 8 أشخاص. "
            "ووقع انفجار مماثل في مدينة كركوك أسفر عن مقتل 4 آخرين.")
    assert len(events(builder, text, "attack")) == 2


def test_an_attack_by_unnamed_gunmen_does_not_join_a_named_attackers(builder):
    text = ("شنت مقاتلات التحالف العربي غارات على مواقع الحوثيين في مدينة تعز. "
            "وفي تعز أيضا، قصف مسلحون مجهولون حيا سكنيا بقذائف الهاون.")
    found = events(builder, text, "attack")
    assert len(found) == 2 and None in {keys(e.perpetrator) for e in found}


@pytest.mark.parametrize("text,pair", [
    # a finding that names who is responsible
    ("وخلصت لجنة التحقيق الدولية إلى أن قوات الدعم السريع مسؤولة عن الهجوم على المخيم.", (None, "rsf")),
    ("وقالت الحكومة السودانية إن قوات الدعم السريع مسؤولة عن قصف المستشفى.", ("sudan", "rsf")),
])
def test_a_finding_of_responsibility_accuses(builder, text, pair):
    assert pair in {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")}


def test_the_one_responsible_for_security_is_not_accused(builder):
    text = "وقال وزير الداخلية إن المسؤول عن الأمن في المدينة هو الجيش اللبناني."
    assert events(builder, text, "accusation") == []


def test_a_designation_noun_names_who_designates_before_it(builder):
    text = "ورحبت الحكومة البحرينية بقيام الولايات المتحدة بتصنيف حركة حسم منظمة إرهابية."
    assert ("usa", "hasm") in {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")}


# ---------------------------------------------------------------- accusation precision in the wild
@pytest.mark.parametrize("text,pair", [
    # the verb's own هم is no object pronoun: the one before التي accuses
    ("وجرت المحادثات بين لندن التي تتهم الحكومة الإيرانية بدعم الحوثيين وبكين.", ("uk", "iran")),
    # a pronoun on the verb points back past the relative pronoun and the words after it
    ("وتحدث المقال عن المخابرات الباكستانية، التي كثيرا ما تتهمها كابول بإيواء المتمردين.",
     ("afghanistan", "pakistan")),
    # an indefinite antecedent needs no relative pronoun
    ("واندلعت مواجهات مع ميليشيا الحوثي تتهمها الحكومة اليمنية بنهب المساعدات.", ("yemen", "houthis")),
    # an adverb between the accused and the charge
    ("وكان الرئيس الفرنسي قد اتهم أنقرة علنا بأنها تنقل المسلحين إلى ليبيا.", ("france", "turkey")),
])
def test_who_accuses_whom_in_clauses_news_writes(builder, text, pair):
    assert {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")} == {pair}


def test_a_country_after_a_clitic_is_found_though_a_longer_name_holds_it(builder):
    # الميليشيات الموالية لإيران is a name: its لإيران must not hide Iran elsewhere
    keys_found = mention_keys(builder, "وأرسلت موسكو دعما عسكريا لإيران ولسوريا خلال الصيف.")
    assert "iran" in keys_found and "syria" in keys_found
    assert "iran_backed_militias" in mention_keys(builder, "واشتبك الجيش مع الميليشيات الموالية لإيران في البصرة.")


def test_a_word_with_a_clitic_and_the_article_is_no_name_the_tagger_may_find(builder):
    extraction = builder.extract([Document("t", "وقدمت المنظمة مساعدات للاجئين وللنازحين في مخيم الزعتري.")])[0]
    assert {m.span.text for m in extraction.mentions} == {"مخيم الزعتري"}


def test_the_adjective_of_the_condemners_own_name_is_not_condemned(builder):
    text = "أدانت نقابة المحامين المصريين قرار حركة حماس إغلاق مكتب القناة."
    assert {keys(e.accused) for e in events(builder, text, "accusation")} == {"hamas"}


def test_a_court_that_convicts_accuses_for_its_state(builder):
    text = "وأدانت محكمة مصرية الناشط أحمد منصور بنشر أخبار كاذبة."
    (accusation,) = events(builder, text, "accusation")
    assert keys(accusation.accuser) == "egypt" and accusation.accused.span.text == "أحمد منصور"


def test_a_complaint_accuses_the_one_after_against(builder):
    text = "وتقدم النائب مصطفى بكري بشكوى ضد الكاتب إبراهيم عيسى إلى النائب العام."
    (accusation,) = events(builder, text, "accusation")
    assert (accusation.accuser.span.text, accusation.accused.span.text) == ("مصطفى بكري", "إبراهيم عيسى")
    # ...not the one a relative clause about him names
    text = "وتقدمت الحكومة الأردنية بشكوى ضد المذيع الذي أساء إلى الملك عبدالله الثاني."
    assert events(builder, text, "accusation") == []


@pytest.mark.parametrize("text,pair", [
    ("واعتقلت الشرطة الإسرائيلية الشاعرة دارين طاطور في منزلها، وقدمت ضدها لائحة اتهام تشمل التحريض على العنف.",
     ("الشرطة الإسرائيلية", "دارين طاطور")),
    # the one charged named in the sentence before; not the police arresting him, no body "الشرطة القبض"
    ("وألقت الشرطة القبض على المواطن سامي العتيبي قرب منزله. ووجهت له النيابة العامة تهمة القتل العمد.",
     ("النيابة العامة", "سامي العتيبي")),
])
def test_a_pronoun_beside_a_charge_is_the_one_person_named_before(builder, text, pair):
    (accusation,) = events(builder, text, "accusation")
    assert (accusation.accuser.span.text, accusation.accused.span.text) == pair


@pytest.mark.parametrize("text,pair", [
    # charges brought to someone named before them, with ل or إلى
    ("ووجهت النيابة العامة للناشط علاء عبد الفتاح اتهامات بنشر أخبار كاذبة.", ("النيابة العامة", "علاء عبد الفتاح")),
    ("ووجهت المحكمة الجنائية الدولية إلى الرئيس السوداني عمر البشير اتهامات بارتكاب جرائم حرب.",
     ("المحكمة الجنائية الدولية", "عمر البشير")),
])
def test_charges_brought_to_one_named_before_them_accuse_him(builder, text, pair):
    found = {(e.accuser.span.text, e.accused.span.text) for e in events(builder, text, "accusation") if e.accuser and e.accused}
    assert pair in found


def test_a_charge_pronoun_with_two_people_before_names_nobody(builder):
    text = ("وأقدم الجاني فهد السبيعي على قتل جاره ماجد العنزي طعنا بسكين، "
            "وبعد أيام من التحقيق وجهت إليه تهمة القتل العمد، بحسب بيان وزارة الداخلية.")
    assert all(keys(e.accused) is None or e.accused.span.text != "ماجد العنزي" for e in events(builder, text, "accusation"))


@pytest.mark.parametrize("text", [
    # a charge names no one who brings it: the agency that reported the sentence before does not
    "قالت وكالة رويترز إن الشرطة اعتقلت عشرة أشخاص في بغداد. وأحيل الصحفي خالد العمري إلى المحاكمة بتهمة التحريض.",
    "وقال المحامي إن موكله الذي تم اتهامه بالتجسس لصالح إيران سيمثل أمام المحكمة غدا.",  # passive
    # the name after an office and an honorific is who condemns, not who is blamed
    "واستنكر مفتي الأردن الشيخ عبد الكريم الخصاونة التفجير الذي وقع في المسجد.",
    "وحمّل مدير شرطة بغداد السكان مسؤولية تراكم النفايات في الشوارع.",  # the held are no actor
    "وتضم اللجنة دينا الحربي وندى العمري من جامعة الملك سعود.",  # دينا is a name
    "وقال الوزير إن لدينا أدلة على تورط الشركة الروسية في الصفقة.",  # لدينا: we have
    # a call to condemn Israel is not Israel condemning (بإدانة: the noun, not أدانه)
    "وطالب الوزير بإدانة إسرائيل في مجلس الأمن.",
    # who condemns owns the noun when what is condemned follows with ل
    "وجدد المجلس إدانة الأردن واستنكاره للهجوم الذي استهدف الزوار في مدينة كربلاء.",
    # a capital called a city is a place, not its state that accuses
    "وقال إن تحرير مدينة عدن كشف عن الجرائم التي ارتكبتها قوات التمرد.",
    # an aide speaks, not the one he serves
    "مساعد بوتين ينتقد تصريحات الحكومة الأوكرانية",
    # the outlet that carried the news is not condemned
    "ودانت عمان بشدة في بيان نقلته وكالة الأنباء الأردنية أمس التصريحات الأخيرة.",
    # the one named inside the charge is its victim, not accused
    "اتهمت حركة فتح مسلحين مجهولين بمحاولة اغتيال المحافظ جمال الطيراوي في نابلس.",
    # who condemns is the subject of its own clause, not the city before the comma
    "وأثار الاتفاق غضب طهران، حيث انتقد البرلمان الإيراني اجتماعا مقررا بين الجانبين.",
    # the ة of a crime noun is no pronoun standing for its culprit
    "وقال الناطق باسم شرطة حائل الرائد فهد العنزي إن المختصين باشروا التحقيق بالجريمة.",
    # a country named right after a town is where the town lies, not who is condemned
    "وزير الخارجية الكويتي يدين الجريمة الإرهابية في القطيف السعودية",
    # the owner of a condemnation condemns (with ب too): no culprit named
    "وأكد الرئيس الجزائري عبد المجيد تبون تنديد الجزائر بالأعمال الإرهابية التي تعرضت لها فرنسا.",
    # an envoy of a body named with ل condemns; he is not accused by the body
    "وندد المبعوث الخاص للأمم المتحدة في اليمن مارتن غريفيث أمس بهذه الجريمة، واصفا إياها بأنها عمل جبان.",
    # an accusation noun takes no sides past a comma
    "وكان للكويت وقطر النصيب الأكبر من هذه الاتهامات، وحينما وقع الغزو الروسي لأوكرانيا تغير كل شيء.",
    # charges brought by no one named (الموجهة إليه): who speaks of them does not bring them
    "وقال المتحدث باسم المحكمة العليا القاضي سعيد الجبوري إن المحكمة ستستدعي الوزير خالد الحمداني للتحقيق معه في التهم الموجهة إليه.",
    # one behind a harmless thing
    "الحكومة العراقية: الشركات الصينية وراء نجاح مشروع السوق.",
])
def test_no_accusation_in_words_that_only_look_like_one(builder, text):
    assert events(builder, text, "accusation") == []


# ---------------------------------------------------------------- attack precision in the wild
@pytest.mark.parametrize("text", [
    "وقال اللواء سعد العدواني إن الدوريات مستمرة في الحي.",  # a name, not "aggressive"
    "ولن يغير القرار سياسة الحكومة تجاه جيرانها في الخليج.",  # changes, not raids
    "وشن النائب هجوما عنيفا عليه خلال الجلسة في بغداد.",  # words
    "هاجمت صحيفة الأهرام المصرية وزير الخارجية في افتتاحيتها في القاهرة أمس.",  # a paper's words
    "تحول ديربي العاصمة إلى معركة حقيقية في مدرجات القاهرة.",  # football
    "ألقت الشرطة فجر أمس القبض على 5 أشخاص في مدينة الرمادي.",  # dawn
    "وأعلن الطرفان وقفا لإطلاق النار في مدينة تعز لمدة يومين.",  # a ceasefire
    "وندد البيان بالممارسات العدوانية الإسرائيلية في مدينة الخليل.",  # aggressive, an adjective
    "وتخوض البلاد حربا طويلة ضد الإرهاب منذ سنوات في سوريا.",  # war as a whole
    "ولم يتفق الجانبان على خطة لقتال داعش في الموصل.",  # a purpose
    "ونجا السباح من هجوم سمكة قرش قبالة سواحل جدة.",  # an animal
    "وغاب ثنائي الهجوم الأرجنتيني عن مران الأمس بسبب الإرهاق.",  # a football side's forwards
    "وتستهدف الشركة بهذا الهاتف الجديد فئة الشباب في الرياض.",  # aims
    "وأعلن الطرفان وقفا فوريا لإطلاق النار في مدينة عدن.",  # a ceasefire, with its adjective
    "وناقش المنتدى في جدة سد تغرة المعرفة بين الأجيال.",  # not أغار
    "وأعلن قائد في قوات فجر ليبيا انسحاب مقاتليه من مطار طرابلس الدولي.",  # Libya Dawn, a name
    "وقدم عضو اللجنة عبد الرحمن العدوان تقريره عن أداء الأندية في مدينة الدمام.",  # a family name
    "وانطلق صاروخ يحمل مركبة إلى الفضاء من قاعدة في ولاية فلوريدا.",  # a launch into space
    "وتخلل الخطاب هجوم علني على سياسات الحكومة في القاهرة.",  # words
    "وتوفي الفنان إثر نوبة قلبية داهمته في فندق بمدينة القاهرة.",  # a heart attack
    "فأي مدينة يتباهى بسقوطها في يدهم مقاتلو داعش في العراق؟",  # their hand, not a raid
    "وتستهدف مصر أن تصل عائدات قناة السويس إلى ستة مليارات دولار.",  # an aim, a state's
    "وتستهدف الحكومة المصرية شراء شحنات من الغاز الطبيعي الروسي.",  # an aim: to buy
    "وتستهدف شركة الطيران مضاعفة عدد طائراتها في مطار جدة.",  # an aim, aircraft named after it
    "وأكدت الجزائر أنها تستهدف استيراد مليوني طن من القمح هذا العام.",  # an aim: to import
    # a person attacking in words
    "وهاجم الرئيس الأمريكي وسائل الإعلام في مؤتمر صحفي بواشنطن.",
    "وهاجم ترامب الصحفيين خلال مؤتمر في البيت الأبيض.",
    # who speaks is not recognised, what follows says it was words
    "وهاجم قائد شرطة الشارقة جماعة الحوثي في مقابلة تلفزيونية، واصفا إياها بالخطر على المنطقة.",
    # an untagged title attacking a person, what follows says it was words
    "وشن رئيس البرلمان هجوما على الوزير السابق محمد الفلاحي معتبرا إياه سبب الأزمة.",
    # a named man's attack on a state, at nowhere but his target, with no one hurt
    "وشن الرئيس الإيراني حسن روحاني هجوما على الولايات المتحدة في خطاب أمام البرلمان.",
    # a cyberattack
    "وتعرضت شبكة البنوك في مدينة دبي لهجوم إلكتروني عطل الخدمات ساعات.",
    "وحذرت الشركة من هجمات سيبرانية تستهدف مطار القاهرة هذا الأسبوع.",
    # arms held or agreed on
    "واتهمت الولايات المتحدة روسيا بخرق معاهدة الصواريخ متوسطة المدى.",
    "وكشفت طهران عن منظومة صواريخ جديدة في معرض عسكري بمدينة أصفهان.",
    # aims: an abstract goal, or a goal named with ل after whom it aims at
    "وأدانت الحكومة التونسية العمل الإرهابي الذي استهدف أمن المملكة واستقرارها.",
    "ويعمد تنظيم داعش إلى استهداف صغار السن للتأثير عليهم عبر مواقع التواصل في السعودية.",
    "ويستهدف تنظيم داعش الشباب عبر مواقع التواصل لتجنيدهم في صفوفه.",
    # attacks tallied in hundreds or thousands: no one attack
    "وجمع ناشطون وثائق عن مئات الهجمات الإسرائيلية على المزارعين خلال العقد الماضي.",
    "وشنت الطائرات آلاف الغارات على مناطق المعارضة منذ بداية النزاع.",
    # a statement's attack: words
    "وأصدر زعيم الحركة بيانا يهاجم فيه تنظيم داعش لتقسيم صفوف المقاتلين في أفغانستان.",
    # what a group does, in a present verb after a relative pronoun
    "وقال الوزير إن داعش وأتباعه الذين يستهدفون المساجد في المنطقة الشرقية لا يمتون للدين بصلة.",
    "وضبطت الشرطة أعضاء في لجان تابعة للجماعة التي تستهدف دوريات الجيش في سيناء.",
    # arms supplied or obtained, some words before the weapon
    "وتتهم الحكومة اليمنية إيران بتزويد الحوثيين بالصواريخ.",
    "ووافقت الخارجية الأمريكية على صفقة للمغرب تحصل بموجبها الرباط على صواريخ مضادة للدروع.",
    "وأرسلت روسيا قذائف مدفعية إلى حليفها في دمشق الشهر الماضي.",
    # arms seized
    "وضبطت المقاومة صواريخ كاتيوشا كانت معدة لضرب الميناء.",
    "وعثرت قوات الأمن على صواريخ كانت موجهة نحو قاعدة العند الجوية.",
    # a person's attack in words
    "وصعّد النائب المعارض خالد الزعبي هجومه على الحكومة الأردنية واصفا إياها بالفاشلة.",
    # a campaign of words launched
    "وشن الناشطون حملة واسعة ضد شركة الاتصالات بسبب ارتفاع الأسعار في الكويت.",
    # a person's own attacks: words
    "وكثفت المرشحة الديمقراطية هيلاري كلينتون هجماتها على المرشح الجمهوري دونالد ترامب.",
    # an election race, a game (phrases: الحزب الجمهوري، كرة القدم)
    "وكثفت المرشحة هجماتها على منافسيها في الحزب الجمهوري قبل المناظرة المقبلة.",
    "وبحث الاجتماع استراتيجية الهجوم على المعسكر الجمهوري في الحملة الانتخابية.",
    "وسجل المهاجم هدفين بعد هجوم سريع في مباراة كرة القدم أمس.",
    # missiles a state develops
    "ويعتقد خبراء أن إيران تطور صواريخ بعيدة المدى قادرة على حمل رؤوس نووية.",
    # a movement named Fatah is not "opened fire"
    "وطالب الوسيط المصري حركة فتح بوقف الحملات الإعلامية قبل استئناف الحوار.",
    # a two-word line heading a section
    "وأكد المسؤول أن التنظيم يسعى إلى زعزعة الأمن في الخليج.\nاستهداف الكويت\nوأضاف أن الأجهزة الأمنية يقظة.",
    # aiming at limiting or harming, past an adverb too
    "وقال المحلل إن ارهاب التنظيم المتطرف داعش يستهدف وبشكل أساسي الحد من نفوذ دول الخليج.",
    "وأكد الوزير أن الحملة الإعلامية الإيرانية تستهدف النيل من سمعة المملكة.",
])
def test_no_attack_in_words_that_only_look_like_one(builder, text):
    assert events(builder, text, "attack") == []


def test_a_resolution_adopted_is_no_claim_of_the_attack_it_is_about(builder):
    text = "يتبنى مجلس الأمن قرارا بشأن الهجمات الكيميائية في سوريا."
    assert all(a.perpetrator is None for a in events(builder, text, "attack"))


@pytest.mark.parametrize("text,perpetrator", [
    ("وكانت حركة الشباب قتلت 148 شخصا في جامعة غاريسا عام 2015.", "al_shabaab"),  # a count after the verb
    ("وقال إن مقاتلي حركة الشباب قتلوا في الهجوم على القاعدة.", None),  # passive: its victims
    ("وقتلت القوات الصومالية 17 عنصرا من حركة الشباب قرب بلدة بارديري.", "somali_army"),  # the doer between verb and count
    ("وقتل قائد حركة الشباب و9 من مرافقيه في كمين.", None),  # passive: the leader, not the group, and no count next
])
def test_an_actor_that_killed_a_count_attacked(builder, text, perpetrator):
    assert {keys(a.perpetrator) for a in events(builder, text, "attack")} <= {perpetrator}
    assert perpetrator is None or perpetrator in {keys(a.perpetrator) for a in events(builder, text, "attack")}
    # and the figure it killed is its
    assert perpetrator is None or {keys(c.perpetrator) for c in events(builder, text, "casualty")} == {perpetrator}


def test_an_attack_noun_joined_by_and_does_not_take_the_name_ending_the_phrase_before(builder):
    text = "وتحدث عن تفجير آثم لمعسكر قوات الطوارئ واستهداف حراسه قرب كركوك."
    assert all(a.perpetrator is None for a in events(builder, text, "attack"))


def test_the_weapon_of_a_foiled_attack_is_no_second_attack(builder):
    text = "وأعلن الجيش إحباط محاولة لاستهداف معسكر للشرطة في العريش باستخدام قذائف الهاون."
    attacks = events(builder, text, "attack")
    assert len(attacks) == 1 and attacks[0].modality == "threatened"


@pytest.mark.parametrize("text,perpetrator", [
    ("وتناول الكتاب حادثة اغتيال أنور السادات في القاهرة.", None),  # the one after اغتيال was hit
    # the victims before بقصف: the coalition at war in Syria did it
    ("مقتل 9 من عناصر داعش بقصف للتحالف قرب الرقة", "us_led_coalition"),
])
def test_the_victims_named_with_an_attack_noun_did_not_carry_it_out(builder, text, perpetrator):
    attacks = events(builder, text, "attack")
    assert attacks and {keys(a.perpetrator) for a in attacks} == {perpetrator}


def test_a_place_that_is_also_a_word_needs_the_text_to_place_it(builder):
    assert "hajjah" not in mention_keys(builder, "فلماذا نوجه الاتهامات إلى أنفسنا بحجة إصلاح المجتمع؟")
    assert "hajjah" in mention_keys(builder, "وقصفت الطائرات مواقع في حجة أمس.")


def test_who_condemns_an_attack_did_not_carry_it_out(builder):
    text = "واستنكرت دولة قطر التفجير الذي استهدف مسجدا في مدينة القطيف."
    attack = events(builder, text, "attack")[0]
    assert attack.perpetrator is None


def test_a_relative_clause_attack_is_done_by_the_group_named_before_its_adjective(builder):
    # (in the past: a present verb there says what the group does, no attack told)
    text = "وتعتبر أنقرة الحزب امتدادا لحزب العمال الكردستاني المحظور والذي شن هجمات في جنوب شرق تركيا."
    assert {keys(a.perpetrator) for a in events(builder, text, "attack")} == {"pkk"}


@pytest.mark.parametrize("text,perpetrator,target", [
    ("ونصبت المقاومة الشعبية كمينا لميليشيات الحوثي في مديرية بيحان.", "yemen_popular_resistance", "houthis"),
    ("ونصب الجيش العراقي كمينا لعناصر تنظيم داعش قرب الموصل.", "iraqi_army", "isis"),
    # no laying verb: the name with ل is whose ambush it was
    ("وقتل خمسة جنود في كمين لحركة طالبان في ولاية هلمند.", "taliban", None),
])
def test_an_ambush_laid_for_a_group_hit_it(builder, text, perpetrator, target):
    attack, = events(builder, text, "attack")
    assert (keys(attack.perpetrator), keys(attack.target)) == (perpetrator, target)


def test_whom_the_accused_is_loyal_to_is_not_the_one_the_pronoun_stands_for(builder):
    text = "وقالت السلطات المصرية إن محمد الكاشف من الموالين لأيمن الظواهري، وقد وصفته الأمم المتحدة بأنه رأس خلية إرهابية."
    accusation, = events(builder, text, "accusation")
    assert keys(accusation.accuser) == "un" and accusation.accused.span.text == "محمد الكاشف"


@pytest.mark.parametrize("text", [
    "ويوثق التقرير «هجمات متعمدة على مدنيين» اعتبرتها منظمة العفو الدولية جرائم حرب.",
    "وشن المسلحون هجمات على قرى وصفتها الأمم المتحدة بأنها آمنة.",
])
def test_who_judges_what_was_hit_is_not_the_target(builder, text):
    assert all(e.target is None for e in events(builder, text, "attack"))


def test_what_a_relative_clause_attack_hit_is_its_target(builder):
    text = "وأدان الوزير العملية التي استهدفت قوات الأمن العراقية في الموصل."
    attack = events(builder, text, "attack")[0]
    assert attack.perpetrator is None and keys(attack.target) == "iraqi_army"


# ---------------------------------------------------------------- casualty precision in the wild
@pytest.mark.parametrize("text", [
    "وقتل الآلاف من الفلسطينيين في حرب 1948 التي هجرت فيها العائلات.",  # a year after حرب
    "وولد الشاعر في 1890 وقتل في حادث سير عام 1950.",  # years, also before 1900
    "وقال الشاهد &#8220;قتل المسلحون المارة&#8221; في السوق.",  # HTML character references
])
def test_years_and_html_entities_are_no_counts(builder, text):
    assert events(builder, text, "casualty") == []


@pytest.mark.parametrize("text,victim", [
    ("وأصيب جنديان تركيان في قصف على بلدة كيليس.", "turkey"),  # a dual adjective
    ("وقتل ثلاثة جنود أتراك في هجوم قرب الحدود.", "turkey"),  # a broken plural
    ("وقتل خمسة من الجنود العراقيين في الهجوم.", "iraq"),  # a sound plural
])
def test_victims_named_by_a_country_adjective_in_any_number(builder, text, victim):
    (figure,) = events(builder, text, "casualty")
    assert keys(figure.victim) == victim


@pytest.mark.parametrize("text", [
    "وغرق مركب في النيل بالقاهرة ما أدى إلى مقتل 12 شخصا من القاهرة.",
    "ارتفاع قتلى غرق مركب في القاهرة إلى 38",
])
def test_a_capital_where_victims_died_is_not_who_they_are(builder, text):
    (figure,) = events(builder, text, "casualty")
    assert figure.victim is None


def test_a_figure_told_again_without_its_victims_is_one_figure(builder):
    text = "مقتل 4 جنود عراقيين في تفجير بالأنبار. وقال مصدر أمني إن 4 جنود قتلوا في التفجير."
    (figure,) = events(builder, text, "casualty")
    assert (figure.count, keys(figure.victim)) == (4, "iraq")


@pytest.mark.parametrize("text,figures", [
    # an outbreak's patients and deaths are no casualties
    ("أعلنت وزارة الصحة تسجيل 6 حالات إصابة جديدة بفيروس كورونا ووفاة حالتين في جدة.", set()),
    ("وسجلت المنظمة هذا العام 52 حالة إصابة بين البشر و12 حالة وفاة في إندونيسيا.", set()),
    # those on board are counted, not hurt
    ("انقلبت حافلة تقل 30 معتمرا على طريق الطائف وأصيب 12 منهم.", {(12, "injured")}),
    # a Hijri year
    ("وقتل 5 أشخاص في حادث مشابه وقع في شهر رمضان 1433 هـ في مكة.", {(5, "killed")}),
    # a year heading an entry of a chronology
    ("1987- مقتل رسام الكاريكاتير وثلاثة من مرافقيه في لندن.", {(3, "killed")}),
    # one family, one crew: no victim counted one
    ("وأصيب 4 أشخاص من أسرة واحدة في الحادث.", {(4, "injured")}),
    ("وقتل الجنود بعد انفجار أحد الأطقم العسكرية في مأرب.", set()),
    # pages, accidents and strikes counted; the dead counted after the two incidents are
    ("ويروي الكتاب في 350 صفحة مقتل الصحفي وإصابة زملائه.", set()),
    ("وأصيب 22 شخصا في 9 حوادث مرورية شهدتها محافظة الطائف.", {(22, "injured")}),
    ("وقد خلف الهجومان 40 قتيلا في مدينة سوسة الساحلية.", {(40, "killed")}),
    # deaths by their plural noun; a death sentence passed kills no one
    ("سجلت ثلاث وفيات و8 إصابات في حادثين على طريق المدينة.", {(3, "killed"), (8, "injured")}),
    ("وقضت محكمة عسكرية بإعدام سبعة متهمين بالانتماء إلى خلية إرهابية.", set()),
    # a day of a Hijri month, no count
    ("وكان الداعية قد توفي 23 شعبان الماضي في المدينة المنورة.", set()),
    # أسر as families, not a capture
    ("وقدم المحافظ تعازيه لأسر 6 عمال قتلوا في انهيار المبنى.", {(6, "killed")}),
    ("وتستفيد من البرنامج 3 آلاف من أفراد أسر المعلمين.", set()),
    # the addicts' deaths named again by their plural noun are still an illness's
    ("وبلغت وفيات المدمنين 400 رجل هذا العام بعد أن بلغت الوفيات 900 حالة في العام الماضي.", set()),
])
def test_figures_that_count_no_casualties(builder, text, figures):
    assert {(e.count, e.outcome) for e in events(builder, text, "casualty")} == figures


@pytest.mark.parametrize("text", [
    "وأنقذت فرق الدفاع المدني 9 محتجزين في مصعد معطل.",  # rescued
    "وحررت القوات العراقية 20 رهينة كانوا محتجزين لدى المسلحين.",  # freed
    "وضبطت الشرطة 3 شاحنات محملة بالأسلحة وأصيب فيها سائق.",  # counted things
    "وتلقت الشرطة 40 بلاغا عن مفقودين خلال العاصفة.",
    "ونقل الدفاع المدني المصابين عبر 12 فرقة إسعافية إلى مستشفى الملك فهد.",  # teams
    "واعتقلت الشرطة عشرات المطلوبين في 17 محافظة جنوب البلاد.",  # provinces
    "ووجه المحافظ بالقبض على المعتدين بطفلتين في مدينة الطائف.",  # whom the arrested wronged
    "وأصدرت الجامعة بيانا بشأن وفاة والد أحد المعلمين في مدينة أبها.",  # one of: not the one who died
    "وعثرت الشرطة على السيارة المسروقة في أحد الأحياء الشعبية بعد مقتل مالكها.",
])
def test_rescued_people_and_counted_things_are_no_casualties(builder, text):
    assert events(builder, text, "casualty") == []


def test_a_blast_still_counts_its_dead_and_wounded(builder):
    text = "وقتل 3 أشخاص وأصيب 5 في انفجار عبوة ناسفة قرب الفلوجة."
    assert {(e.count, e.outcome) for e in events(builder, text, "casualty")} == {(3, "killed"), (5, "injured")}


@pytest.mark.parametrize("text,figures", [
    ("وأصيب 12 شخصا في الحادث، وغادر 7 منهم المستشفى بعد تلقي العلاج.", {(12, "injured")}),  # discharged
    ("ويبلغ عدد سكان القرية التي قتل فيها الرجل 5000 نسمة.", set()),  # a population
])
def test_the_discharged_and_a_population_are_no_casualties(builder, text, figures):
    assert {(e.count, e.outcome) for e in events(builder, text, "casualty")} == figures


@pytest.mark.parametrize("text,attacks", [
    ("واقتحم طلاب غاضبون مبنى وزارة التعليم في عمان احتجاجا على الرسوم.", 0),
    ("وكان المتظاهرون يقتحمون مبنى البرلمان في بغداد.", 0),
    ("واقتحمت قوات الاحتلال الإسرائيلي مخيم جنين فجر اليوم.", 1),
])
def test_protesters_storming_a_building_is_no_attack(builder, text, attacks):
    assert len(events(builder, text, "attack")) == attacks


# ---------------------------------------------------------------- attack roles
def test_an_attack_noun_whose_object_follows_with_lam_names_its_doer_first(builder):
    text = "واعتبر المجلس أن استهداف القوات التركية لمواقع قرب القامشلي تصعيد خطير."
    attack = events(builder, text, "attack")[0]
    assert keys(attack.perpetrator) == "turkish_army"


def test_the_owner_of_a_facility_hit_is_neither_attacker_nor_condemned(builder):
    text = "ودانت جامعة الملك سعود تفجير مقر الأمم المتحدة في العاصمة الصومالية."
    assert not events(builder, text, "accusation")
    assert all(a.perpetrator is None for a in events(builder, text, "attack"))


def test_fighting_a_group_makes_it_the_target(builder):
    text = "وقال الوزير إن بلاده ستواصل مشاركتها في قتال داعش في العراق."
    assert all(keys(a.perpetrator) != "isis" for a in events(builder, text, "attack"))


@pytest.mark.parametrize("text,perpetrator", [
    ("وبدأت قوات النظام مع ميليشيات موالية لها منذ يومين هجوما على بلدة كفرنبل.", "syrian_army"),
    ("ونفذ الجيش الإسرائيلي ليل الأحد غارات على مواقع في خان يونس.", "idf"),
    ("واستأنفت قوات النظام صباح اليوم هجماتها على بلدة اللطامنة.", "syrian_army"),
])
def test_who_launches_an_attack_noun_some_words_on_did_it(builder, text, perpetrator):
    assert keys(events(builder, text, "attack")[0].perpetrator) == perpetrator


def test_an_attack_noun_after_a_preposition_is_no_launch_verbs_object(builder):
    text = "وبدأت الشرطة المصرية تحقيقا في الهجوم على الكنيسة."
    assert all(keys(a.perpetrator) != "egypt" for a in events(builder, text, "attack"))


@pytest.mark.parametrize("text,pairs", [
    ("وناقش الوزراء الملف النووي في إيران الذي تتهم إسرائيل فيه بعرقلة الاتفاق.", set()),
    ("وقالت الحكومة السورية التي تتهم تركيا بدعم المسلحين إن الوضع هادئ.", {("syria", "turkey")}),
])
def test_a_relative_pronoun_accuses_only_when_it_agrees_with_the_verb(builder, text, pairs):
    assert {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")} == pairs


@pytest.mark.parametrize("text,attacks", [
    ("وأقيم المعرض في مدينة رام الله تحت شعار الصمود أمام العدوان الإسرائيلي المستمر.", 0),
    ("وتحدث الوزير عن العمليات العسكرية في محافظة مأرب وعن خطط الإعمار.", 0),
    ("واندلعت معارك عنيفة بين الجيش السوداني وقوات الدعم السريع في مدينة الأبيض.", 1),
    ("وقتل ثلاثة مدنيين في المعارك الدائرة قرب مدينة درنة.", 1),
    ("وأكد الوزير دعم بلاده للعملية العسكرية في اليمن لوقف الانتهاكات من قتل وتدمير.", 0),
])
def test_war_words_need_sides_victims_or_a_named_fighter_to_be_an_attack(builder, text, attacks):
    assert len(events(builder, text, "attack")) == attacks


def test_who_is_named_past_a_target_word_is_no_attacker_by_means(builder):
    text = "وأفاد مصدر أمني بأن انتحاريا فجر نفسه بسيارة مفخخة على حاجز للجيش العراقي قرب مدينة سامراء."
    assert events(builder, text, "attack")[0].perpetrator is None


@pytest.mark.parametrize("text,actor", [
    ("وأعلنت حركة «الشباب» مسؤوليتها عن الهجوم على الفندق في مقديشو.", "al_shabaab"),
    ("وقالت أنقرة إن مسلحين من حزب «العمال الكردستاني» هاجموا نقطة تفتيش.", "pkk"),
])
def test_a_name_split_by_quote_marks_is_still_that_name(builder, text, actor):
    assert actor in mention_keys(builder, text)


@pytest.mark.parametrize("text", [
    "وأكد رئيس الوزراء نواز شريف أن المطلوب استنكاراً شعبياً وموقفاً كويتياً واضحاً.",  # another noun's adjective
    "وفي مدينة جدة السعودية أدانت رابطة العالم الإسلامي التفجير.",  # the place's adjective
    "واتهم كريستيانو رونالدو، الذي يلعب في نادي النصر السعودي، بالتهرب الضريبي.",  # a passive, a relative clause
])
def test_no_accusation_of_an_adjective_or_a_name_that_only_describes(builder, text):
    assert not events(builder, text, "accusation")


@pytest.mark.parametrize("text", [
    "واستنكرت الكويت الجريمة النكراء التي استهدفت مصلين في مسجد بمدينة الدمام.",  # the crime is the subject
    "وقالت الشرطة إن قوات الأمن، بالتعاون مع قوات الدرك التركية، داهمت منازل في مدينة أضنة.",  # a partner
    "وزار المحافظ موقع الانفجار الذي وقع في سوق مدينة الحلة.",  # a site, not an actor
])
def test_who_condemns_accompanies_or_names_a_site_is_no_attacker(builder, text):
    assert all(a.perpetrator is None for a in events(builder, text, "attack"))


def test_a_figure_keeps_its_earlier_attack_but_not_its_attacker_or_source(builder):
    text = ("وقال المرصد السوري إن طائرات روسية قصفت بلدة كفرنبل في ريف إدلب صباح الأحد. "
            "وذكر مدير المستشفى الميداني أن 6 مدنيين قتلوا في البلدة.")
    figure = events(builder, text, "casualty")[0]
    assert figure.outcome_of is not None and figure.outcome_of.type == "attack"
    assert figure.perpetrator is None and figure.reported_by is None


def test_a_person_named_in_part_after_in_full_is_accused_once():
    from kg.extract.accusations import merge_accusations
    from kg.extract.model import Mention, Span

    def person(text: str, start: int) -> Mention:
        return Mention(Span(start, start + len(text), text, 0), "actor", "person", None, "ner")

    judge = person("ماجد الدوسري", 0)
    told = [Event("accusation", Span(20, 25, "التهم", 0), accuser=judge, accused=person("سامر الحلبي", 30)),
            Event("accusation", Span(60, 64, "بتهم", 1), accuser=judge, accused=person("الحلبي", 70))]
    merged = merge_accusations(told)
    assert len(merged) == 1 and len(merged[0].evidence) == 1


def test_plural_nouns_for_places_name_no_place(builder):
    text = "وأصدر حكام الولايات أوامر جديدة بعد اجتماع عقد في العواصم الأوروبية ومدينة شيكاغو."
    places = place_names(builder, text)
    assert "الولايات" not in places and "العواصم" not in places


def test_bridges_are_no_place(builder):
    text = "وقال التحالف إن الغارات استهدفت مناطق تجمعات وجسورا ونقاط تفتيش للتنظيم قرب مدينة الرقة."
    places = place_names(builder, text)
    assert places == {"مدينة الرقة"}


def test_those_arrested_after_an_attack_were_not_captured_by_its_attacker(builder):
    text = "وشن مسلحو داعش هجوما على مركز للشرطة في بلدة سروج، واعتقلت قوات الأمن التركية بعده 20 شخصا."
    figure = next(e for e in events(builder, text, "casualty") if e.outcome == "captured")
    assert keys(figure.perpetrator) != "isis"


def test_who_captures_is_no_victim_of_the_figure(builder):
    text = "وخطفت حركة الشباب خمسة جنود من الجيش الكيني قرب بلدة مانديرا."
    figure = events(builder, text, "casualty")[0]
    assert keys(figure.victim) != "al_shabaab" and keys(figure.perpetrator) == "al_shabaab"


@pytest.mark.parametrize("text,perpetrator,target", [
    # after a launch verb the attack word is its object (a noun, not the verb قصف): the
    # country named with the launch verb shelled, the owner of the camps was hit
    ("وبدأت تركيا قصف معسكرات لحزب العمال الكردستاني في جبال قنديل.", "turkey", "pkk"),
    ("وكانت تركيا بدأت الأسبوع الماضي قصف معسكرات لحزب العمال الكردستاني في جبال قنديل.", "turkey", "pkk"),
    # the owner of the positions hit
    ("وقال الناشط إن الطائرات قصفت مواقع لجبهة النصرة قرب مدينة حلب.", None, None),
    # a campaign that targeted the group's members: the verb's subject is the campaign
    ("وشنت السلطات حملة أمنية استهدفت عناصر تنظيم داعش في مدينة الموصل.", None, "isis"),
    # a bombing blows up a thing: an armed group right after it set it off
    ("وقتل 12 شخصا في تفجير انتحاري لتنظيم داعش في مدينة القامشلي.", "isis", None),
    ("وقتل 12 شخصا في تفجير انتحاري لـ«داعش» في مدينة القامشلي.", "isis", None),
    ("وأدى تفجير مقر قوات الحشد الشعبي في بعقوبة إلى مقتل 15 شخصا.", None, "pmf"),
])
def test_the_owner_of_what_was_hit_is_no_attacker(builder, text, perpetrator, target):
    attack, = events(builder, text, "attack")
    assert keys(attack.perpetrator) == perpetrator
    if target:
        assert keys(attack.target) == target


@pytest.mark.parametrize("text", [
    "تفجير إرهابي بسيارة مفخخة بالرياض في مبنى يتبع وزارة الحرس الوطني.",
    "وانفجرت سيارة مفخخة أمام مبنى تابع لوزارة الداخلية في بغداد.",
])
def test_the_owner_of_a_building_that_was_hit_is_no_attacker(builder, text):
    attack, = events(builder, text, "attack")
    assert attack.perpetrator is None


def test_fighting_a_group_is_no_attack_by_it(builder):
    text = "وأضاف الوزير أن الاتفاق يختص بقتال تنظيم داعش في سوريا ولا يشمل غيره."
    assert not any(keys(a.perpetrator) == "isis" for a in events(builder, text, "attack"))


def test_dawn_after_a_time_of_day_is_no_bombing(builder):
    text = "وقال المتحدث إن مسلحين هاجموا مقر الشرطة في الساعة الثالثة والنصف فجرا قرب مدينة الرمادي."
    attack, = events(builder, text, "attack")
    assert all(t.text != "فجرا" for t in [attack.trigger, *attack.evidence])


def test_the_attacker_s_own_name_is_not_where_it_attacked(builder):
    attack, = events(builder, "واشنطن نفذت غارة جوية على مواقع داعش قرب مدينة الرقة.", "attack")
    assert keys(attack.perpetrator) == "usa"
    assert [p.span.text for p in attack.places] == ["مدينة الرقة"]


def test_a_son_is_no_one_evacuated(builder):
    """نجل (son) and أجل (for) are no forms of أجلى (evacuated): the figure beside them stays."""
    figures = events(builder, "وأصيب نجل الرئيس وثلاثة من حراسه في الهجوم على موكبه في صنعاء.", "casualty")
    assert [(f.count, f.outcome) for f in figures] == [(3, "injured")]


def test_a_country_inside_what_was_said_does_not_accuse(builder):
    text = "وقال النائب الجمهوري توم كوتون إن إيران دولة تنتهك حقوق الإنسان، واتهم وزير الخارجية الأمريكي بالفشل في التفاوض."
    assert all(keys(e.accuser) != "iran" for e in events(builder, text, "accusation"))


def test_whom_the_attackers_are_linked_to_did_not_attack(builder):
    text = "وشهدت المنطقة في العام الماضي هجمات نفذها المقاتلون المرتبطون بتنظيم القاعدة في شمال مالي."
    attacks = events(builder, text, "attack")
    assert attacks and all(keys(a.perpetrator) != "al_qaeda" for a in attacks)


def test_a_capital_threatening_to_widen_its_attacks_made_them(builder):
    attack, = events(builder, "وتهدد موسكو بتوسيع غاراتها على مواقع المعارضة في ريف إدلب.", "attack")
    assert keys(attack.perpetrator) == "russia"


def test_who_is_named_with_a_storming_stormed(builder):
    attack, = events(builder, "وأدانت الخارجية الأردنية اقتحام الشرطة الإسرائيلية المسجد الأقصى صباح اليوم.", "attack")
    assert keys(attack.perpetrator) == "israel_police" and attack.target is None


def test_each_of_a_list_after_kila_min_is_accused_but_in_each_of_is_where(builder):
    text = "وانتقدت منظمة العفو الدولية كلا من روسيا وإيران لدعمهما حكومة دمشق."
    assert sorted(accusation_pairs(builder, text)) == [("amnesty", "iran"), ("amnesty", "russia")]
    text = "وشنت طائرات التحالف غارات على مواقع التنظيم في كل من سوريا والعراق."
    attack, = events(builder, text, "attack")
    assert sorted(p.span.text for p in attack.places) == ["العراق", "سوريا"]


def test_settlers_are_a_generic_noun_no_actor(builder):
    """As المدنيين or مسلحين: the annotation guidelines name no generic noun an actor."""
    assert not events(builder, "ونددت الخارجية الفلسطينية بجرائم المستوطنين في الضفة الغربية.", "accusation")
    # nor does the country adjective after them name its state
    text = "واستنكر مفتي مصر شوقي علام الجريمة الإرهابية التي ارتكبها مستوطنون إسرائيليون بحرق منزل فلسطيني."
    assert not events(builder, text, "accusation")


@pytest.mark.parametrize("text,places", [
    ("وأدانت الكويت والأردن التفجير الذي استهدف مسجدا في مدينة القطيف.", ["القطيف"]),
    ("وقاد القيادي هجمات ضد قوات التحالف الذي تتزعمه الولايات المتحدة في أفغانستان.", ["أفغانستان"]),
    # where the fire came from, with where it struck right after
    ("وسقطت صواريخ أطلقت من قطاع غزة على مدينة عسقلان.", ["عسقلان"]),
    ("وأصيب جندي بقذيفة هاون أطلقت من الأراضي اليمنية على الشريط الحدودي في منطقة جازان.", ["جازان"]),
    ("وقتل جنديان في قصف انطلق من داخل الأراضي السورية على بلدة كلس التركية.", ["كلس"]),
    # the countries of a list after كلا من are who is held responsible
    ("وحمّلت باريس كلا من روسيا وإيران مسؤولية الهجوم على بلدة سراقب.", ["سراقب"]),
    # the base the doers use is no place they struck
    ("وسمحت تركيا للطائرات الأمريكية باستخدام قاعدة إنجرليك في الغارات على مواقع تنظيم داعش في سوريا.", ["سوريا"]),
    # a capital that إن makes the subject is its state, no place
    ("وذكرت المصادر أن واشنطن ستركز الغارات على مواقع التنظيم في مدينة الرقة.", ["مدينة الرقة"]),
    # nor the district next to where it struck
    ("وقصفت الميليشيات حي المنصورة المحاذي لمديرية الشيخ عثمان في عدن.", ["المنصورة", "عدن"]),
    # nor the towns a road is named after
    ("وقتل جنديان في هجوم على دورية للجيش على طريق الموصل – كركوك في محافظة نينوى.", ["محافظة نينوى"]),
    # nor the country fought
    ("ودارت اشتباكات عنيفة ضد إيران قرب مدينة أربيل.", ["مدينة أربيل"]),
    # nor the city a province lies from, past a comma: the province that opens the sentence is where
    ("أما في محافظة أبين، شرق عدن، فقد شنت طائرات التحالف ثلاث غارات على مواقع الحوثيين.", ["محافظة أبين"]),
])
def test_places_named_for_other_reasons_are_not_where_it_happened(builder, text, places):
    attack, = events(builder, text, "attack")
    assert [p.span.text for p in attack.places] == places


def test_the_towns_a_road_is_named_after_are_not_where_people_were_hurt(builder):
    figure, = events(builder, "وأصيب 14 شخصا في انقلاب حافلة على طريق الطائف مكة المكرمة قرب مركز السيل الكبير.", "casualty")
    assert [p.span.text for p in figure.places] == ["السيل الكبير"]


def test_a_name_a_comma_closes_did_not_speak(builder):
    """بمباركة الحكومة الإسرائيلية، حيث أوضح: who explains is named earlier, not the government."""
    text = ("وطالب المفتي بوقف الاعتداءات على المسجد الأقصى بمباركة الحكومة الإسرائيلية، حيث أوضح أن "
            "الجرائم التي يرتكبها المستوطنون تتصاعد يوما بعد يوم.")
    assert not any(keys(e.accuser) == "israel" for e in events(builder, text, "accusation"))


def test_a_capital_placed_by_in_does_not_accuse(builder):
    text = "وقد اتهمت أوساط حزبية في تل أبيب، حكومة نتنياهو بإفشال المفاوضات مع الفلسطينيين."
    assert not any(keys(e.accuser) == "israel" for e in events(builder, text, "accusation"))


@pytest.mark.parametrize("text,figures", [
    ("وبلغت بلاغات الحوادث المرورية ٩٦، نقل منها إلى مستشفيات المنطقة ٤٠ مصابا.", [(40, "injured")]),
    # إلى is no definite word: the number after it counts the killed
    ("وارتفعت حصيلة القصف على البلدة مساء الخميس إلى 23 قتيلا بحسب الدفاع المدني.", [(23, "killed")]),
])
def test_a_number_of_reports_counts_no_victims(builder, text, figures):
    assert [(f.count, f.outcome) for f in events(builder, text, "casualty")] == figures


def test_fighters_who_surrendered_were_captured(builder):
    text = "وأسفرت الاشتباكات عن سقوط عشرات المسلحين بين قتيل وجريح، مشيرا إلى أن 9 من المسلحين سلموا أنفسهم للجيش."
    assert [(f.count, f.outcome) for f in events(builder, text, "casualty")] == [(9, "captured")]


def test_an_outlets_dateline_before_the_verb_names_no_doer(builder):
    # the outlet before the colon is no subject (and once crashed the mapper, its doer dropped)
    text = "بيروت ـ «الشرق الأوسط»: اغتال الطيران الإسرائيلي مساء الأحد ثلاثة مقاتلين من حركة الجهاد في رفح."
    assert [(keys(a.perpetrator), [p.key for p in a.places]) for a in events(builder, text, "attack")] == [
        ("idf", ["rafah"])]


def test_the_place_that_witnessed_a_clash_is_where_it_was_past_words_of_time(builder):
    text = "وشهدت مدينة تعز مساء أمس الأول اشتباكات بين المقاومة الشعبية والحوثيين."
    attack, = events(builder, text, "attack")
    assert [p.key for p in attack.places] == ["taiz"]


def test_a_list_of_places_with_commas_before_its_waw_goes_on(builder):
    text = "وذكر مصدر محلي أن معارك اندلعت بين المقاومة الشعبية والجيش الوطني، والحوثيين في جبل صبر، وشارع جمال، وحي الزنوج."
    attack, = events(builder, text, "attack")
    assert "الزنوج" in {p.span.text for p in attack.places}


@pytest.mark.parametrize("text", [
    "واستهدف انتحاري اجتماعا لقوات الحشد الشعبي في محافظة ديالى.",
    "وقالت الشرطة إن مسلحين مجهولين هاجموا الجيش العراقي قرب الفلوجة.",
])
def test_what_unnamed_assailants_hit_did_not_attack(builder, text):
    assert [a.perpetrator for a in events(builder, text, "attack")] == [None]


@pytest.mark.parametrize("text,told", [
    ("وتمكنت قوات الجيش الوطني من تحرير مطار الحديدة من قبضة ميليشيا الحوثي.",
     [("yemeni_army", "houthis", ["مطار الحديدة"])]),
    ("واستعاد الجيش السوري السيطرة على مدينة تدمر من تنظيم داعش بعد معارك استمرت أسابيع.",
     [("syrian_army", "isis", ["palmyra"])]),
    # freed through the side named after من, or what a side is set to do: no side driven out, none told
    ("وتم تحرير مدينة عدن بالكامل من خلال المقاومة الشعبية.", []),
    ("وأكد القائد أن المقاتلين مستعدون لتحرير مديريات محافظة أبين من ميليشيا الحوثي.", []),
    # a whole country taken back: a war's aim, no one taking told
    ("وأشاد البيان بدور التحالف في استعادة العراق من قبضة تنظيم داعش.", []),
])
def test_a_place_taken_from_an_armed_side_is_an_attack_on_it_there(builder, text, told):
    assert [(keys(a.perpetrator), keys(a.target), [p.key or p.span.text for p in a.places])
            for a in events(builder, text, "attack") if a.modality == "asserted"] == told


def test_where_the_target_holds_ground_is_not_where_it_was_hit(builder):
    text = "ونفذت المقاتلات الفرنسية ضربات على تنظيم داعش الذي يسيطر على مدن في شمال العراق وشرق سوريا."
    attack, = events(builder, text, "attack")
    assert keys(attack.perpetrator) == "france" and attack.places == []


def test_two_attacks_in_one_country_at_two_places_stay_two(builder):
    text = ("وسقط صاروخ أطلقته قوات النظام السوري على حي سكني في مدينة حلب شمال سوريا. "
            "وشنت قوات النظام السوري أمس هجوما على مدينة الزبداني في ريف دمشق بسوريا.")
    attacks = events(builder, text, "attack")
    assert len(attacks) == 2, [[p.span.text for p in a.places] for a in attacks]


def test_a_clash_told_before_does_not_join_strikes_whose_place_their_own_sentence_names(builder):
    # the adverb keeps الجفينة from the verb; the strikes' own nouns name it, and they join first
    text = ("اندلعت اشتباكات عنيفة في جبل صبر غربي تعز. "
            "وشنت مقاتلات التحالف مساء الأحد غارات جوية على تجمعات للحوثيين في الجفينة.")
    told = {(a.perpetrator.key if a.perpetrator else None, frozenset(p.span.text for p in a.places))
            for a in events(builder, text, "attack")}
    assert told == {(None, frozenset({"صبر"})), ("arab_coalition", frozenset({"الجفينة"}))}


def test_a_place_named_in_full_and_short_is_one_attacks_place(builder):
    text = ("وقع تفجير في مسجد النور بالمدينة أثناء صلاة الجمعة. وقال مسؤولون إن الهجوم "
            "الذي نفذه تنظيم داعش على مسجد الشيخ النور أوقع عشرات الضحايا.")
    attacks = events(builder, text, "attack")
    assert [{p.span.text for p in a.places} for a in attacks] == [{"مسجد النور", "مسجد الشيخ النور"}]


@pytest.mark.parametrize("text,partner", [
    ("وقصفت القوات الروسية وقوات النظام السوري قرى في ريف حماة.", "syria"),
    ("وقصفت السعودية والإمارات معسكرات في محافظة مأرب.", "uae"),
])
def test_a_doer_joined_by_and_after_the_verb_is_neither_target_nor_place(builder, text, partner):
    attack = events(builder, text, "attack")[0]
    assert attack.perpetrator is not None and attack.target is None  # villages and camps: no actor hit
    assert partner not in {keys(p) for p in attack.places} and attack.places


def test_who_says_it_launched_the_attack_did_it(builder):
    text = "إيران تعلن شن ضربات صاروخية على مقار جماعات كردية في شمال العراق"
    assert {keys(a.perpetrator) for a in events(builder, text, "attack")} == {"iran"}


def test_clashes_told_in_a_relative_clause_are_where_its_pronoun_stands_for(builder):
    text = "ووصل الوفد إلى مدينة درنة، التي تشهد اشتباكات عنيفة منذ أيام."
    (attack,) = events(builder, text, "attack")
    assert [keys(p) for p in attack.places] == ["derna"]


def test_one_sides_strikes_on_two_named_foes_stay_two(builder):
    text = ("وأغارت مقاتلات عراقية على مواقع لتنظيم داعش في محافظة الأنبار. "
            "كما تواصل الضربات التي ينفذها الجيش العراقي ضد عناصر حزب العمال الكردستاني في الأنبار.")
    assert {keys(a.target) for a in events(builder, text, "attack")} == {"isis", "pkk"}


def test_a_name_past_the_charge_of_an_accusation_noun_is_not_accused(builder):
    text = "وكانت اتهامات وجهتها له المحكمة الجنائية الدولية بارتكاب جرائم حرب قد أخرت زيارة أوباما إلى كينيا."
    assert not any(keys(e.accused) == "obama" for e in events(builder, text, "accusation"))


def test_the_coalition_s_operation_is_no_town(builder):
    """عاصفة الحزم is the coalition's operation, not the Yemeni town الحزم."""
    attack, = events(builder, "وشنت طائرات عاصفة الحزم غارات على مواقع الحوثيين في صنعاء.", "attack")
    assert keys(attack.perpetrator) == "arab_coalition"
    assert [p.key for p in attack.places] == ["sanaa"]


@pytest.mark.parametrize("text", [
    "وبلغت حالات وفاة المدمنين في المدينة هذا العام 120 رجلا و15 امرأة بحسب الشرطة.",  # an overdose
    "وأوقف قاضي التحقيق المتهم وفق المادة 4 فقرة 2 من قانون مكافحة الإرهاب بتهمة الانتماء إلى خلية.",  # a law's article
    "وقالت الوزارة إن عدد المعتقلين بلغ 000 شخص حتى الآن.",  # a count of nobody
])
def test_numbers_that_count_no_casualties(builder, text):
    assert events(builder, text, "casualty") == []


@pytest.mark.parametrize("text,accuser,accused", [
    ("واتهم الأمريكيون الروس بتزويد المتمردين بصواريخ متطورة.", "usa", "russia"),
    ("وقال مسؤول محلي إن الإسرائيليين اتهموا الإيرانيين بتهريب السلاح عبر الحدود.", "israel", "iran"),
])
def test_a_people_next_to_a_verb_acts_for_its_state(builder, text, accuser, accused):
    pairs = {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")}
    assert pairs == {(accuser, accused)}


def test_a_people_after_the_noun_it_describes_does_not_act(builder):
    text = "ورحبت جمعية المحامين المصريين بقرار المحكمة الصادر أمس."
    assert "egypt" not in mention_keys(builder, text)


@pytest.mark.parametrize("text", [
    "استهدف انتحاري يحمل حقيبة متفجرات كنيسة في مدينة الإسكندرية.",
    "مسلحون استهدفوا حافلة للعمال قرب مدينة الموصل صباح أمس.",
    # an aircraft, unnamed, maybe with its adjective
    "واستهدفت طائرة مسيرة شاحنة محملة بالوقود على طريق في محافظة شبوة.",
    "ومروحيات حربية استهدفت قافلة للمهربين قرب مدينة الكفرة ليلا.",
])
def test_an_unnamed_assailant_makes_an_aim_verb_an_attack(builder, text):
    assert len(events(builder, text, "attack")) == 1


@pytest.mark.parametrize("text,perpetrator", [
    ("قتل حارس المدرسة برصاص قناص في مدينة دير الزور.", None),
    ("أصيب أربعة صيادين بنيران البحرية الإيرانية قبالة سواحل الكويت.", "iran"),
    ("قتل تاجر على يد عصابة في مدينة البصرة مساء الأحد.", None),
    # past who died and where, and past the gunmen whose group is named
    ("قتل عامل بناء في ضاحية مدينة كركوك برصاص مسلحين من تنظيم داعش.", "isis"),
])
def test_a_death_by_gunfire_or_at_someone_s_hands_is_an_attack(builder, text, perpetrator):
    attacks = events(builder, text, "attack")
    assert len(attacks) == 1 and keys(attacks[0].perpetrator) == perpetrator and attacks[0].places


def test_a_named_mans_attack_on_a_place_is_an_attack_not_words(builder):
    text = "وشن المسلح سيف الدين الرزقي هجوما على فندق سياحي في مدينة سوسة."
    attack, = events(builder, text, "attack")
    assert attack.perpetrator is not None and [p.key for p in attack.places] == ["sousse"]


@pytest.mark.parametrize("text,perpetrator,target", [
    # what was undergone came from the positions of who fired it
    ("وسقط ضحايا مدنيون في مخيم درعا نتيجة القصف العنيف الذي تعرض له من مواقع قوات الأسد.", "syrian_army", None),
    # elsewhere من مواقع counts what was hit
    ("وقصفت طائرات التحالف عددا من مواقع الحوثيين في محافظة صعدة.", "arab_coalition", "houthis"),
])
def test_fire_from_positions(builder, text, perpetrator, target):
    attack, = events(builder, text, "attack")
    assert (keys(attack.perpetrator), keys(attack.target)) == (perpetrator, target)


def test_a_deed_noun_before_the_relative_clause_is_its_subject_not_the_name_before_it(builder):
    # a line whose verb of condemning the page lost: the name condemns, the deed attacked
    attack, = events(builder, "أحمد أبو الغيط العملية الإرهابية التي استهدفت مسجد قوات الطوارئ الخاصة في مدينة أبها.", "attack")
    assert attack.perpetrator is None


def test_a_head_word_standing_for_a_group_kills_at_its_hands(builder):
    text = "وأكدت مصادر محلية أن 12 من مرافقي القيادي الحوثي قتلوا على يد مقاتلي المقاومة في محافظة الضالع."
    attack, = events(builder, text, "attack")
    assert attack.perpetrator is not None and attack.perpetrator.span.text == "المقاومة"


@pytest.mark.parametrize("text,accuser", [
    ("واتهم بيان للجيش الباكستاني حركة طالبان بتدبير الهجوم على المطار.", "للجيش الباكستاني"),
    ("واتهم بيان صادر عن وزارة الخارجية الأردنية إسرائيل بانتهاك الوضع القائم.", "وزارة الخارجية الأردنية"),
])
def test_whose_statement_accuses_is_the_accuser(builder, text, accuser):
    accusations = events(builder, text, "accusation")
    assert [a.accuser.span.text for a in accusations] == [accuser]


@pytest.mark.parametrize("text,kept,dropped", [
    ("قتل ستة جنود في هجوم على ثكنة في ولاية كونار قرب الحدود مع باكستان.", "كونار", "باكستان"),
    ("أصيب أربعة شرطيين في انفجار عبوة ببلدة تلعفر على بعد 60 كلم من الموصل.", "تلعفر", "الموصل"),
    # past a direction, and the city's name after the capital that stands for it
    ("قتل تسعة أشخاص بانفجار شاحنة ملغومة في بلدة بيجي التي تبعد 130 كيلومترا إلى الجنوب من "
     "العاصمة العراقية بغداد.", "بيجي", "بغداد"),
])
def test_a_point_of_reference_is_not_where_it_happened(builder, text, kept, dropped):
    for kind in ("attack", "casualty"):
        (event,) = events(builder, text, kind)
        names = " ".join(p.span.text for p in event.places)
        assert kept in names and dropped not in names


def test_a_point_of_reference_is_kept_when_nothing_else_says_where(builder):
    (attack,) = events(builder, "انفجرت سيارة مفخخة صباح اليوم على بعد 25 كلم من مدينة كركوك.", "attack")
    assert [p.span.text for p in attack.places] == ["مدينة كركوك"]


def test_where_an_event_happened_is_no_named_place(builder):
    text = "وروى جنود عائدون من ساحة المعركة قصصا عن الجوع والبرد."
    assert place_names(builder, text) == set() and events(builder, text, "attack") == []


def test_a_spokesman_at_a_ministry_speaks_for_it_not_for_the_earlier_source(builder):
    text = ("أعلنت وزارة الخارجية القطرية تضامنها مع الضحايا. "
            "وقال المتحدث الأمني بوزارة الداخلية البحرينية إن الانفجار أوقع 9 جرحى.")
    (figure,) = events(builder, text, "casualty")
    assert figure.reported_by.span.text == "وزارة الداخلية البحرينية"


def test_kaf_is_no_clitic_on_a_name_the_tagger_finds(builder):
    assert "كاليفورنيا" in place_names(builder, "وغادر الوفد إلى ولاية كاليفورنيا مساء الخميس.")


def test_a_figure_told_nowhere_is_where_the_document_happens_most(builder):
    text = ("أعلنت السلطات المغربية تفكيك خلية إرهابية في المغرب. وذكرت الداخلية أن الخلية خططت لهجمات في المغرب. "
            "ويشهد المغرب يقظة أمنية منذ سنوات. "
            "وكانت الخلية على صلة بمقاتلين في مدينة الرقة ومدينة الرقة معقل التنظيم. "
            "وقالت الوزارة إنها اعتقلت 8 عناصر.")
    (figure,) = events(builder, text, "casualty")
    assert [p.key for p in figure.places] == ["morocco"]


def test_where_the_news_was_told_is_not_where_it_happened(builder):
    text = "وقال قائد الشرطة للصحفيين في مدينة أربيل إن الانفجار الذي وقع في بلدة طوزخورماتو أوقع 6 قتلى."
    for kind in ("attack", "casualty"):
        (event,) = events(builder, text, kind)
        assert [p.span.text for p in event.places] == ["طوزخورماتو"]


def test_a_country_that_condemns_after_the_attack_is_not_where_it_was(builder):
    text = "سلطنة عمان تستنكر الهجوم الذي استهدف فندقا في سوسة واستنكرت دولة قطر الهجوم كذلك."
    (attack,) = events(builder, text, "attack")
    assert {p.key for p in attack.places} == {"sousse"}


def test_who_goes_on_launching_attacks_launches_them(builder):
    text = "وقالت مصادر محلية إن حركة الشباب واصلت من جانبها شن هجمات على قواعد الجيش الكيني."
    (attack,) = events(builder, text, "attack")
    assert keys(attack.perpetrator) == "al_shabaab"


@pytest.mark.parametrize("text,places", [
    ("وصدرت رواية عن المدينة البيضاء وأسرارها في معرض الكتاب.", set()),
    ("ووصل الوفد إلى مدينة البيضاء في الجبل الأخضر.", {"البيضاء"}),
])
def test_a_town_named_by_an_adjective_is_a_place_only_where_the_text_says_so(builder, text, places):
    assert place_names(builder, text) & {"البيضاء", "المدينة البيضاء"} == places


@pytest.mark.parametrize("text", [
    "وانفجرت سيارة مفخخة في حي سكني شرق مدينة الموصل.",
    "وسقطت قذيفة قرب مدرسة حكومية في مدينة درعا.",
])
def test_a_place_described_by_an_adjective_is_not_named(builder, text):
    assert not {"سكني", "مدرسة حكومية", "حكومية"} & place_names(builder, text)


def test_a_group_that_killed_in_a_relative_clause_did_the_killing(builder):
    text = "وتلاحق السلطات حركة بوكو حرام المتطرفة التي قتلت 40 قرويا في ولاية بورنو الشهر الماضي."
    attacks = events(builder, text, "attack")
    assert [keys(a.perpetrator) for a in attacks] == ["boko_haram"]


def test_the_attacker_s_own_country_is_not_where_it_strikes_abroad(builder):
    text = "وتشن أستراليا ضربات جوية على تنظيم داعش في العراق. ويدرس البرلمان أن تنضم أستراليا الآن إلى الضربات في سوريا."
    (attack,) = events(builder, text, "attack")
    assert "australia" not in {p.key for p in attack.places} and "iraq" in {p.key for p in attack.places}


@pytest.mark.parametrize("text,perpetrator", [
    ("روسيا تقصف مواقع المعارضة في ريف حلب", "russia"),  # a headline: subject, verb, object
    ("وقال مسؤولون أمنيون إن تركيا تقصف منذ أيام مواقع الحزب في شمال العراق.", "turkey"),
])
def test_a_country_right_before_an_attack_verb_attacks(builder, text, perpetrator):
    attack, = events(builder, text, "attack")
    assert keys(attack.perpetrator) == perpetrator
    assert perpetrator not in {p.key for p in attack.places}


@pytest.mark.parametrize("text,country", [
    ("وقال الجيش إن جنديا تركيا قتل برصاص قناص قرب الحدود.", "turkey"),
    ("واعتقلت الشرطة في دمشق صحفيا بريطانيا يعمل لحساب وكالة أنباء.", "uk"),
])
def test_a_country_spelled_as_an_accusative_adjective_is_no_place(builder, text, country):
    """جنديا تركيا is a Turkish soldier (تركيًّا), not a soldier in Turkey."""
    extraction = builder.extract([Document("t", text)])[0]
    assert country not in {m.key for m in extraction.mentions if m.kind == "place"}
    assert not any(e.perpetrator is not None and e.perpetrator.key == country for e in extraction.events)


def test_a_country_after_a_country_is_still_a_name(builder):
    pairs = {(keys(e.accuser), keys(e.accused))
             for e in events(builder, "واتهمت بريطانيا روسيا بتسميم العميل السابق في مدينة سالزبري.", "accusation")}
    assert pairs == {("uk", "russia")}


@pytest.mark.parametrize("text,perpetrator,target", [
    ("الجيش التركي يقصف مواقع «حزب العمال الكردستاني» في جبال قنديل", "turkey", "pkk"),
    ("وقصفت الطائرات الروسية مواقع تابعة لجبهة النصرة في ريف إدلب الجنوبي.", "russia", "hts"),
])
def test_the_owner_of_the_positions_hit_is_the_target(builder, text, perpetrator, target):
    attack, = events(builder, text, "attack")
    assert keys(attack.target) == target and keys(attack.perpetrator) != target


def test_a_person_named_in_full_is_found_again_by_the_surname(builder):
    text = ("وقال الناشط الحقوقي نبيل الدرويشي للصحفيين في الرباط إن التحقيق لم يبدأ بعد. "
            "واتهم الدرويشي الشرطة المغربية بتعذيب المعتقلين.")
    extraction = builder.extract([Document("t", text)])[0]
    accusation, = [e for e in extraction.events if e.type == "accusation"]
    assert accusation.accuser.span.text == "الدرويشي" and accusation.accused.span.text == "الشرطة المغربية"
    assert {m.span.text for m in extraction.mentions if m.type == "person"} == {"نبيل الدرويشي", "الدرويشي"}


def test_a_surname_that_is_no_verb_s_subject_stays_a_word(builder):
    """Only next to a verb: كامل in بشكل كامل is no person, though حسن كامل was named."""
    text = "وقال المحامي حسن كامل إن الجلسة تأجلت. وانسحب الوفد من المفاوضات بشكل كامل أمس."
    assert {m.span.text for m in builder.extract([Document("t", text)])[0].mentions if m.type == "person"} <= {"حسن كامل"}


@pytest.mark.parametrize("text,perpetrator", [
    ("وقصفت الطائرات الإثيوبية مواقع لجبهة تحرير تيغراي قرب مدينة مقلي.", "ethiopia"),
    ("واشتبكت القوات التشادية مع مسلحين قرب بحيرة تشاد.", "chad"),
])
def test_a_state_without_listed_adjectives_takes_its_registry_adjective(builder, text, perpetrator):
    """demonyms.json lists some states; the others' adjective comes from the registry's
    governmental alias (الحكومة الإثيوبية)."""
    attack, = events(builder, text, "attack")
    assert keys(attack.perpetrator) == perpetrator


def test_a_country_adjective_in_a_person_s_title_is_the_person(builder):
    """نظيره الفرنسي، إيمانويل ماكرون: the counterpart criticised is the person, not France."""
    text = "وانتقد رئيس الوزراء الإسرائيلي بنيامين نتنياهو تصريحات نظيره الفرنسي، إيمانويل ماكرون، بشأن القدس."
    accused = {e.accused.span.text for e in events(builder, text, "accusation")}
    assert accused == {"إيمانويل ماكرون"}


@pytest.mark.parametrize("text,perpetrator,target", [
    ("وخاضت قوات سوريا الديمقراطية اشتباكات عنيفة مع تنظيم داعش في ريف دير الزور الشرقي.", "sdf", "isis"),
    ("واشتبكت قوات الأمن العراقية مع مسلحي داعش في صحراء الأنبار.", None, "isis"),
])
def test_the_side_after_with_was_fought(builder, text, perpetrator, target):
    attack, = events(builder, text, "attack")
    assert keys(attack.target) == target and keys(attack.perpetrator) != target
    if perpetrator:
        assert keys(attack.perpetrator) == perpetrator


def test_a_war_with_a_country_adjective_places_its_figures(builder):
    figure, = events(builder, "وأسفرت الحرب اليمنية عن مقتل أكثر من 10 آلاف مدني منذ عام 2015.", "casualty")
    assert [p.key for p in figure.places] == ["yemen"]


def test_a_figure_of_an_earlier_event_is_not_the_last_sources(builder):
    text = ("أعلنت هيئة الهلال الأحمر السعودي إصابة ثلاثة أشخاص في حادث تصادم سيارة بجمل على طريق تبوك أمس. "
            "وكان حادث مماثل قد وقع في المنطقة قبل أسابيع، حيث لقيت فتاة مصرعها وأصيب سبعة آخرون من عائلتها.")
    by_count = {e.count: e.reported_by for e in events(builder, text, "casualty")}
    assert by_count[3] is not None and by_count[7] is None


def test_a_reporting_verb_without_its_own_subject_reports_for_the_first_speaker(builder):
    """كما أكد أن جرائم الاحتلال: Abbas says it, and the occupation after أن did not speak."""
    text = "وندد الرئيس الفلسطيني محمود عباس بقرار الإدارة الأمريكية، كما أكد أن جرائم الاحتلال الإسرائيلي في القدس لن تمر دون عقاب."
    pairs = {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")}
    assert ("abbas", "israel") in pairs



@pytest.mark.parametrize("text,perpetrator", [
    ("وقال مسؤول محلي إن قصف ميليشيات الحوثي دمر عشرات المنازل في مدينة تعز.", "houthis"),
    ("وتضرر المستشفى الوحيد في البلدة جراء قصف قوات النظام السوري على ريف درعا.", "syrian_army"),
])
def test_the_actor_after_shelling_did_it(builder, text, perpetrator):
    """قصف X: the shelling X did (hit places are places; a target is named with على or ل)."""
    attack, = events(builder, text, "attack")
    assert keys(attack.perpetrator) == perpetrator and attack.target is None


@pytest.mark.parametrize("text,count,victim", [
    ("وأعلنت الشرطة العراقية مقتل أحد عناصرها بانفجار عبوة ناسفة جنوبي مدينة كركوك.", 1, "الشرطة العراقية"),
    ("وقالت حركة الشباب إن ثلاثة من مقاتليها قتلوا في غارة جوية قرب مدينة كسمايو.", 3, "al_shabaab"),
])
def test_members_with_a_possessive_pronoun_belong_to_the_subject(builder, text, count, victim):
    figure, = events(builder, text, "casualty")
    assert figure.count == count and (keys(figure.victim) or figure.victim.span.text) == victim


def test_members_of_the_one_a_relative_pronoun_stands_for(builder):
    text = "وواصل تنظيم داعش هجماته على قوات البيشمركة التي قتل نحو ثلاثين من عناصرها منذ بداية العام."
    figures = [e for e in events(builder, text, "casualty") if e.count == 30]
    assert figures and keys(figures[0].victim) == "peshmerga"


def test_a_broken_plural_people_names_the_victims_state(builder):
    figure, = events(builder, "وقتل خمسة جنود أفغان في انفجار لغم على طريق سريع.", "casualty")
    assert keys(figure.victim) == "afghanistan"


def test_a_launch_verb_reaches_its_attack_noun_past_a_date(builder):
    text = "وبدأ الجيش الإسرائيلي مع وحدات من حرس الحدود منذ 5 تشرين الأول/أكتوبر الماضي هجوما واسعا على مخيم جنين."
    attack, = events(builder, text, "attack")
    assert keys(attack.perpetrator) == "idf"


def test_the_resistance_alone_is_the_resistance_named_before(builder):
    text = ("وقال متحدث باسم المقاومة الشعبية إن مقاتليه يتقدمون في المدينة. "
            "واندلعت اشتباكات عنيفة بين المقاومة والمتمردين الحوثيين داخل حي الجحملية.")
    attack, = events(builder, text, "attack")
    assert keys(attack.perpetrator) == "yemen_popular_resistance" and keys(attack.target) == "houthis"


def test_rates_are_no_attribution(builder):
    """نسب after a noun is "rates" (ارتفاع نسب الإيرانيين الوافدين إلى العراق), no accusation."""
    text = "وتحدث التقرير عن ارتفاع نسب الإيرانيين الوافدين إلى العراق خلال موسم الزيارات."
    assert events(builder, text, "accusation") == []


def test_a_verb_of_deeming_with_that_reports_who_is_responsible(builder):
    """اعتبرت X أن Y تتحمل مسؤولية مقتل Z: X holds Y (not Z, whose killing it is) responsible."""
    text = "واعتبرت وزارة الخارجية القطرية أن إسرائيل تتحمل مسؤولية مقتل الصحفية شيرين أبو عاقلة."
    pairs = {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")}
    assert pairs == {("qatar", "israel")}


def test_others_belong_to_the_side_of_the_figure_before(builder):
    figures = events(builder, "وقتل أربعة جنود أتراك وأصيب سبعة آخرون بانفجار لغم قرب الحدود العراقية.", "casualty")
    assert {(f.count, keys(f.victim)) for f in figures} == {(4, "turkey"), (7, "turkey")}


def test_a_number_glued_to_a_place_name_is_no_part_of_it(builder):
    text = "وقتل 3 مدنيين في قرية تابعة لقضاء الخالص شمال محافظة ديالى65 كم شمال شرقي بغداد."
    assert not any(ch.isdigit() for name in place_names(builder, text) for ch in name)


@pytest.mark.parametrize("text,culprit", [
    ("وقالت منظمة العفو الدولية إن قوات الدعم السريع ارتكبت انتهاكات جسيمة بحق المدنيين في دارفور.", "rsf"),
    ("وقال وزير الخارجية السعودي إن مذابح النظام السوري بحق شعبه لن تمر دون حساب.", "syria"),
])
def test_violations_and_massacres_named_with_the_culprit_accuse_it(builder, text, culprit):
    assert culprit in {keys(e.accused) for e in events(builder, text, "accusation")}


def test_violations_with_no_culprit_accuse_no_one(builder):
    assert events(builder, "وقالت المنظمة في تقريرها السنوي إن انتهاكات حقوق الإنسان تتزايد في المنطقة.", "accusation") == []


@pytest.mark.parametrize("text,perpetrator,target", [
    # an aim verb whose subject is the attack noun right after it: the noun's adjective did it
    ("استهدفت غارة إسرائيلية سيارة مدنية شرقي مدينة رفح.", "israel", None),
    ("واستهدفت ضربات جوية أمريكية مواقع لتنظيم داعش قرب مدينة الرقة.", "usa", "isis"),
    # what was hit follows the verb's object noun
    ("شنت طائرات حربية غارات على مواقع الحوثيين في محافظة صعدة.", None, "houthis"),
    # who underwent an attack (تعرض ... لـ) was hit
    ("وتعرضت دورية للجيش اللبناني لهجوم مسلح عند أطراف بلدة عرسال.", None, "lebanese_army"),
    ("وتعرض مقر لحزب العمال الكردستاني في أربيل لقصف من الطيران التركي.", "turkish_army", "pkk"),
    # the one after a passive assassination was hit; who did it only after a by-marker
    ("واغتيل القيادي في حركة حماس برصاص مسلحين مجهولين قرب منزله في مدينة غزة.", None, "hamas"),
    # who set the ambush
    ("وقتل جنديان في كمين نصبه مسلحون من حركة الشباب في منطقة جوبا السفلى.", "al_shabaab", None),
    # the missile the pronoun stands for was fired, though intercepted
    ("وأسقطت الدفاعات الجوية صاروخا باليستيا أطلقه الحوثيون باتجاه مدينة جازان.", "houthis", None),
    # the owner of the hideout raided was hit
    ("وشنت القوات الخاصة عملية دهم لمخبأ تابع لتنظيم داعش في مدينة كركوك.", None, "isis"),
    # the leader named between an attack noun and its verb does not make the verb another attack
    ("ونفذت 17 ضربة جوية بقيادة أمريكا تستهدف تنظيم داعش قرب مدينة الرقة.", "usa", "isis"),
])
def test_who_attacked_and_who_was_hit(builder, text, perpetrator, target):
    attack, = events(builder, text, "attack")
    assert keys(attack.perpetrator) == perpetrator and keys(attack.target) == target


def test_a_list_of_places_after_an_attack_is_followed_to_its_end(builder):
    text = ("وشنت قوات الأمن العراقية هجوما واسعا ضد خلايا تنظيم داعش المنتشرة في محيط مدينة سامراء "
            "وفي قرى قضاء الطارمية وفي مناطق الحويجة وبيجي أيضا، وتم القضاء على العديد منهم.")
    attack, = events(builder, text, "attack")
    assert {"hawija", "baiji"} <= {p.key for p in attack.places}


@pytest.mark.parametrize("text,pair", [
    # no relative pronoun: the one the object pronoun stands for is named a few words before
    ("واندلعت اشتباكات بين شرطة غزة وأعضاء في حركة فتح من عائلة معروفة تتهمهم حماس بتهريب السلاح.", ("hamas", "fatah")),
])
def test_the_subject_after_a_verb_with_an_object_pronoun_accuses(builder, text, pair):
    assert {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")} == {pair}


@pytest.mark.parametrize("text,where,not_where", [
    ("وقتل ثلاثة مدنيين في غارة على قرية في ولاية لوغار جنوبي كابول فجر اليوم.", "لوغار", "كابول"),
    ("وأصيب سبعة جنود في قصف على ثكنة قرب ناحية الصقلاوية شمال غربي الفلوجة.", "الصقلاوية", "الفلوجة"),
    # a country holds what lies in one of its parts
    ("وقتل خمسة جنود في هجوم على مدينة الرمادي غرب العراق مساء أمس.", "العراق", None),
])
def test_a_place_a_direction_points_from_is_not_where(builder, text, where, not_where):
    figure, = events(builder, text, "casualty")
    names = {p.span.text for p in figure.places}
    assert where in names and not_where not in names


@pytest.mark.parametrize("text,where", [
    ("ووصل 40 جريحا سوريا إلى مدينة الريحانية التركية بعد إصابتهم في قصف على مدينة إدلب.", "idlib"),
    # the taking told at length (a count in brackets) before its إلى
    ("وتم نقل جثامين الضحايا (عدد ٥ جثامين) بعد الحادث إلى مطار القصيم، بعد أن لقوا حتفهم في انقلاب حافلة بمحافظة عنيزة.", "عنيزة"),
])
def test_where_the_wounded_were_taken_is_not_where_they_were_hurt(builder, text, where):
    figure, = events(builder, text, "casualty")
    assert {p.key or p.span.text for p in figure.places} == {where}


@pytest.mark.parametrize("text", [
    "وقد نقلت جثامين المتوفين (عدد 4 جثامين) في الحادث إلى مطار القصيم لنقلها جوا إلى بلادهم.",
    # a headline's figure, with no place of its own
    "نقل جثامين 6 مسافرين جوا إلى بلادهم\n"
    "وتم نقل جثامين المتوفين (عدد 6 جثامين) بعد الحادث إلى مطار القصيم تمهيدا لنقلها جوا.",
])
def test_a_place_the_article_only_names_as_where_the_dead_were_taken_is_no_figures_place(builder, text):
    figures = events(builder, text, "casualty")
    assert figures and all(e.places == [] for e in figures)


def test_every_place_of_a_list_the_dead_were_taken_to_is_not_where_they_died(builder):
    text = ("واندلعت معارك عنيفة في مديرية نهم شرق صنعاء. "
            "وأضاف السكان أن جثث 30 مقاتلا قتلوا وصلت إلى مديريات عتمة ووصاب، ومدينة ذمار.")
    figure, = events(builder, text, "casualty")
    assert figure.places and "dhamar" not in {p.key for p in figure.places}


def test_two_unclaimed_bombings_in_two_towns_are_two_attacks(builder):
    text = ("وانفجرت عبوة ناسفة قرب سوق شعبي في مدينة القطيف صباح الجمعة. "
            "وبعد ساعة انفجرت سيارة مفخخة أمام مسجد في مدينة الدمام.")
    attacks = events(builder, text, "attack")
    assert sorted(tuple(p.key for p in a.places) for a in attacks) == [("dammam",), ("qatif",)]


def test_an_unclaimed_telling_at_a_place_within_the_town_joins_the_attack(builder):
    text = ("وهاجم مسلحو داعش سجن الصناعة فجر الخميس. "
            "وتمكن الهجوم من فتح ثغرة في جدار السجن في مدينة الحسكة.")
    assert len(events(builder, text, "attack")) == 1


@pytest.mark.parametrize("text,fatah", [
    ("وتمكن المهاجمون من فتح ثغرة في جدار السجن المركزي.", False),
    ("وقررت السلطات المصرية فتح معبر رفح أمام المسافرين.", False),
    ("فتح تتهم حماس بتعطيل المصالحة", True),
    ("وتبادلت حماس وفتح الاتهامات بإفشال الحوار.", True),
])
def test_fatah_is_the_movement_only_where_no_object_follows(builder, text, fatah):
    assert ("fatah" in mention_keys(builder, text)) == fatah


@pytest.mark.parametrize("text,saddam", [
    ("وقتل عسكري تركي في صدام مسلح مع مقاتلين قرب الحدود.", False),  # a clash
    ("وأعدم صدام حسين في نهاية عام 2006.", True),
])
def test_saddam_alone_is_a_clash_unless_his_name_follows(builder, text, saddam):
    assert ("saddam" in mention_keys(builder, text)) == saddam


@pytest.mark.parametrize("text,is_place", [
    ("واعتدت قوات الاحتلال على النساء والشيوخ في باحات المسجد الأقصى.", False),  # the elders
    ("وسيطرت الوحدات الكردية على قرية الشيوخ غرب مدينة كوباني.", True),
])
def test_the_elders_are_no_village(builder, text, is_place):
    assert ("الشيوخ" in place_names(builder, text)) == is_place


def test_the_state_that_leads_the_attackers_is_not_where(builder):
    attack, = events(builder, "وشنت قوات عربية بقيادة مصر هجوما واسعا على مدينة درنة شرق ليبيا.", "attack")
    assert "egypt" not in {p.key for p in attack.places} and "derna" in {p.key for p in attack.places}


@pytest.mark.parametrize("text,group", [
    ("وأصيب 4 مدنيين بهجوم مسلح استهدف حافلة قرب مدينة الموصل.", "مدنيين"),
    ("وقتل 7 جنود أتراك برصاص قناص في ولاية هكاري.", "جنود أتراك"),
    ("واعتقلت الشرطة 12 شخصا بشبهة الانتماء إلى خلية مسلحة.", "شخصا"),
    ("وقتل 30 من عناصر الشرطة بين ضابط وجندي.", "عناصر الشرطة"),
    ("وخطف مسلحون 6 مهندسين مساء الأحد قرب الحدود.", "مهندسين"),
    # a clause opened by كان after them
    ("وطالب الخاطفون بالإفراج عن 9 لبنانيين كان احتجزهم مسلحون في منطقة أعزاز.", "لبنانيين"),
    # من before an outcome noun is not left hanging at the end
    ("وأعلنت الشرطة نقل 15 رجلا من المعتقلين إلى السجن المركزي بعد إصابتهم.", "رجلا"),
])
def test_the_victims_are_named_before_how_and_among_whom(builder, text, group):
    figure, = events(builder, text, "casualty")
    assert figure.group == group


@pytest.mark.parametrize("text,group,victim", [
    # a dual names its victims itself: the shelling after it is how, its doer no victim
    ("وقتل مدنيان بقصف مدفعي لقوات النظام على بلدة خان شيخون.", "مدنيان", None),
    ("وقتل جنديان تركيان في هجوم على موقع عسكري بولاية شرناق.", "جنديان تركيان", "turkey"),
    # an outcome's dual counts; the words after it name whose
    ("وأسفر الهجوم عن خمسة قتلى وجريحين من الجيش المالي في مدينة سيفاري.", "الجيش المالي", "malian_army"),
])
def test_a_dual_names_its_victims(builder, text, group, victim):
    figure = next(e for e in events(builder, text, "casualty") if e.count == 2)
    assert (figure.group, keys(figure.victim)) == (group, victim)


def test_a_name_that_a_clitic_cut_would_leave_a_particle_stays_whole(builder):
    """فان (Van) is no ف + ان (that)."""
    assert "فان" in place_names(builder, "وانفجرت عبوة ناسفة قرب مدينة فان شرق تركيا.")


def test_a_total_of_dead_and_wounded_is_told_as_its_first_outcome(builder):
    """As the annotators count مقتل وإصابة 60 عنصرا: one figure, killed (and its victims'
    words end before بين)."""
    text = "وسقط نحو 40 من المصلين بين قتيل وجريح في تفجير استهدف المسجد."
    figure, = events(builder, text, "casualty")
    assert (figure.count, figure.outcome, figure.group) == (40, "killed", "المصلين")


@pytest.mark.parametrize("text,pairs", [
    # the spokesman's own name, whatever letter it starts with, is no one accused
    ("واتهم المتحدث باسم الحكومة اليمنية راجح بادي الحوثيين بعرقلة الاتفاق.", {("yemen", "houthis")}),
    # the pointing word is no locative: the country after it is accused
    ("ووجه الرئيس الأفغاني أصابع الاتهام إلى باكستان في تفجير السوق.", {("afghanistan", "pakistan")}),
    # a condemnation of an attack names its perpetrator in the same sentence
    ("وأدانت الإمارات بشدة التفجير الانتحاري الذي استهدف مسجدا في القطيف وتبناه تنظيم داعش.",
     {("uae", "isis")}),
    ("وأدانت الإمارات بشدة التفجير الانتحاري الذي استهدف مسجدا في القطيف.", set()),
])
def test_accused_past_a_spokesman_a_pointing_word_or_a_condemned_attack(builder, text, pairs):
    assert {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")} == pairs


@pytest.mark.parametrize("text,key", [
    ("واتهمت الحكومة الفنزويلية المعارضة بالتخطيط لانقلاب.", "venezuela"),
    ("وقصفت المدفعية الأوغندية مواقع للمتمردين.", "uganda"),
    ("وقتل جنديان في هجوم على دورية للجيش الفلبيني.", "philippines"),
])
def test_every_state_with_a_one_word_name_has_its_adjective(builder, text, key):
    assert key in mention_keys(builder, text)


def test_who_an_attack_was_done_on_is_not_who_did_the_killing(builder):
    figure, = events(builder, "وقتل 3 جنود ماليزيين في هجوم شنه مسلحون على دورية للجيش الفلبيني.", "casualty")
    assert figure.perpetrator is None


@pytest.mark.parametrize("text", [
    "وأعلن تنظيم داعش مسؤوليته عن تفجير كابول الذي أودى بحياة 20 شخصا.",
    "وقالت المصادر إن قصف دمشق أسفر عن مقتل 4 مدنيين.",
])
def test_a_capital_joined_to_an_attack_noun_is_where_it_struck(builder, text):
    attack, = events(builder, text, "attack")
    assert attack.target is None
    assert len(attack.places) == 1 and attack.places[0].key in ("kabul", "damascus")


@pytest.mark.parametrize("text,pairs", [
    ("ورغم أن واشنطن تصنف حركة الشباب ضمن المنظمات الإرهابية فإنها تدعم الحوار.", {("usa", "al_shabaab")}),
    ("وتصنف أنقرة حزب العمال الكردستاني منظمة إرهابية.", {("turkey", "pkk")}),
])
def test_who_designates_may_stand_before_the_verb(builder, text, pairs):
    assert {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")} == pairs


def test_a_persons_attacks_on_rivals_are_words_unless_someone_is_hurt(builder):
    assert events(builder, "وستتركز هجمات ترامب على منافسيه في الأسابيع المقبلة.", "attack") == []
    assert events(builder, "وأسفر هجوم أبو مصعب الزرقاوي على الفندق عن مقتل 60 شخصا.", "attack")


def test_a_pages_tag_line_holds_no_events(builder):
    text = "قتل 3 أشخاص في تفجير سيارة مفخخة قرب سوق شعبي في بغداد.\nسمات البحرين السترة تفجير الشرطة"
    extraction = builder.extract([Document("t", text)])[0]
    tags = text.index("سمات")
    assert extraction.events
    assert all(span.start < tags for e in extraction.events for span in [e.trigger, *e.evidence])


def test_the_gulen_movement_named_with_its_founders_full_name(builder):
    pairs = {(keys(e.accuser), keys(e.accused))
             for e in events(builder, "وتتهم أنقرة جماعة فتح الله غولن بتدبير محاولة الانقلاب.", "accusation")}
    assert pairs == {("turkey", "gulen_movement")}


def test_responsible_for_a_poisoning_or_a_downing_accuses(builder):
    text = "وقال المتحدث باسم الخارجية الأمريكية إن روسيا مسؤولة عن تسميم المعارض."
    assert {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")} == {("usa", "russia")}


@pytest.mark.parametrize("text,sides", [
    ("ودارت معارك بين قوات الدعم السريع والجيش السوداني في الخرطوم.", ("rsf", "saf")),
    ("واندلعت مواجهات بين قوات الجيش الوطني ورجال القبائل، من جهة، والميليشيات الحوثية من جهة أخرى في مأرب.",
     ("yemeni_army", "houthis")),
])
def test_the_sides_of_a_clash_are_attacker_and_target(builder, text, sides):
    clash, = events(builder, text, "attack")
    assert (keys(clash.perpetrator), keys(clash.target)) == sides


def test_the_forces_of_the_one_who_speaks_attack_for_it(builder):
    attack, = events(builder, "وقالت تركيا إن قواتها استهدفت مواقع للوحدات الكردية في منبج.", "attack")
    assert (keys(attack.perpetrator), keys(attack.target)) == ("turkey", "ypg")


def test_a_facility_head_before_a_place_with_a_preposition_is_no_name(builder):
    names = place_names(builder, "وقتل 12 شخصا في انفجار سيارة مفخخة في سوق ببغداد.")
    assert "بغداد" in names and not any(n.startswith("سوق") for n in names)


@pytest.mark.parametrize("text,figures", [
    ("وأفادت مصادر محلية بمقتل وإصابة 45 مدنيا في قصف على السوق.", [(45, "killed")]),
    ("وأسفر الانفجار عن مقتل وإصابة 18 شخصا.", [(18, "killed")]),
    # the first outcome with its own victim: two figures, the second injured
    ("ولقي شرطي مصرعه وأصيب ثلاثة آخرون في الهجوم.", [(3, "injured")]),
    ("وقالت الوزارة إن جنديا قتل وجرح اثنان آخران في الاشتباك.", [(2, "injured")]),
])
def test_the_dead_and_wounded_counted_together_are_told_as_killed(builder, text, figures):
    assert [(f.count, f.outcome) for f in events(builder, text, "casualty")] == figures


@pytest.mark.parametrize("text", [
    "وكتب الوزير على حسابه في تويتر أن الهجوم جبان.",
    "ونشر ناشطون على موقع التواصل الاجتماعي فيسبوك صورا للقصف.",
    'ونشر المتحدث على موقع "تويتر" صورا للقصف.',
])
def test_a_platform_where_something_was_posted_is_no_actor(builder, text):
    extraction = builder.extract([Document("t", text)])[0]
    assert not any(m.span.text in ("تويتر", "فيسبوك", "موقع التواصل الاجتماعي") for m in extraction.mentions)


@pytest.mark.parametrize("text,outlet", [
    ('ونقلت صحيفة "سبق" عن مصدر أمني أن الشرطة اعتقلت المتهم.', "سبق"),
    ("وقال موقع «المصدر أونلاين» إن الطيران قصف القرية.", "المصدر أونلاين"),
])
def test_a_quoted_name_after_a_media_head_is_the_outlet(builder, text, outlet):
    extraction = builder.extract([Document("t", text)])[0]
    assert [(m.span.text, m.type) for m in extraction.mentions if m.kind == "actor"] == [(outlet, "media")]


@pytest.mark.parametrize("text", [
    "وهرعت فرق الإسعاف والدفاع المدني إلى موقع الحادث فور وقوعه.",
    "ودل شاهد عيان الشرطة على موقع الجثة قرب النهر.",
])
def test_the_site_of_something_is_no_website(builder, text):
    extraction = builder.extract([Document("t", text)])[0]
    assert not any(m.span.text.startswith("موقع") for m in extraction.mentions)


@pytest.mark.parametrize("text,pair", [
    ("واستنكر وزير الخارجية الأردني بشدة المجزرة البشعة التي ارتكبتها ميليشيا الحوثي في تعز.", ("jordan", "houthis")),
    # religious and regional bodies that condemn (from the UniversalPetrarch headwords)
    ("وأدان الأزهر الشريف التفجير الذي نفذته جماعة بوكو حرام في سوق شمال نيجيريا.", ("al_azhar", "boko_haram")),
    ("واستنكر البرلمان العربي القصف الذي شنه الحوثيون على قرى جازان.", ("arab_parliament", "houthis")),
    # the condemnation as a noun the condemner owns
    ("وأعربت الخارجية السعودية عن إدانتها للاعتداءات التي تنفذها ميليشيا الحوثي على المدن الحدودية.",
     ("saudi_arabia", "houthis")),
])
def test_who_condemns_a_crime_accuses_the_one_it_names(builder, text, pair):
    assert {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")} == {pair}


def test_two_sides_named_before_trade_accusations_as_the_pair(builder):
    text = "واستمرت المعارك بين الجيش السوداني وقوات الدعم السريع في الخرطوم. وتبادل الطرفان الاتهامات بخرق الهدنة."
    assert {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")} == {
        ("saf", "rsf"), ("rsf", "saf")}


def test_mutual_accusations_between_two_sides_go_both_ways(builder):
    text = "وتصاعدت الاتهامات المتبادلة بين الجيش السوداني وقوات الدعم السريع بخرق الهدنة في الخرطوم."
    assert set(accusation_pairs(builder, text)) == {("saf", "rsf"), ("rsf", "saf")}


def test_where_the_victims_come_from_is_not_where_they_were_held(builder):
    figure, = events(builder, "واعتقلت الشرطة خمسة مشتبه بهم من ليبيا والجزائر في جزيرة صقلية.", "casualty")
    assert [p.span.text for p in figure.places] == ["صقلية"]


def test_revolution_is_no_town(builder):
    assert "الثورة" not in place_names(builder, "وقال القيادي إن الثورة مستمرة حتى تحقيق أهدافها.")
    assert "مدينة الطبقة" in place_names(builder, "وسيطرت قوات سوريا الديمقراطية على مدينة الطبقة غرب الرقة.")


@pytest.mark.parametrize("text", [
    "وقال ناشطون إن حركة الشباب -فرع تنظيم القاعدة في الصومال- هاجمت جنودا تابعين للجيش الكيني.",
    "وقال ناشطون إن حركة الشباب هاجمت دورية تابعة للجيش الكيني قرب الحدود.",
])
def test_an_aside_between_subject_and_verb_and_the_owner_of_those_hit(builder, text):
    attack, = events(builder, text, "attack")
    assert (keys(attack.perpetrator), keys(attack.target)) == ("al_shabaab", "kenyan_army")


def test_an_attack_verb_after_a_comma_is_not_said_of_the_noun_before(builder):
    text = "وترافق ذلك مع قصف الطيران الحربي على مناطق الاشتباك، فيما قصفت قوات النظام بلدة تلبيسة بريف حمص."
    assert not any(keys(a.target) == "syrian_army" for a in events(builder, text, "attack"))


def test_a_strike_demanded_as_a_condition_is_hypothetical(builder):
    attack, = events(builder, "واشترط الرئيس التركي للمشاركة في التحالف شن غارات على قوات النظام السوري.", "attack")
    assert attack.modality == "hypothetical"


def test_where_a_shell_was_fired_from_is_not_where_it_struck(builder):
    attack, = events(builder, "وسقطت قذيفة هاون على قرية في جازان انطلاقا من الأراضي اليمنية.", "attack")
    assert [p.key for p in attack.places] == ["jazan"]


def test_may_with_a_present_verb_is_hypothetical_with_a_past_verb_is_not(builder):
    may, = events(builder, "وقالت الشرطة الكينية إن الهجوم قد يحمل بصمات حركة الشباب.", "accusation")
    has, = events(builder, "وقد اتهمت الحكومة التركية حزب العمال الكردستاني بتنفيذ الهجوم.", "accusation")
    assert (may.modality, has.modality) == ("hypothetical", "asserted")


def test_a_countrys_police_is_a_body_of_its_own(builder):
    """الشرطة الكينية names the Kenyan police, as the annotators list it, not Kenya."""
    extraction = builder.extract([Document("t", "وأعلنت الشرطة الكينية أن مسلحين من حركة الشباب هاجموا حافلة قرب الحدود.")])[0]
    police = next(m for m in extraction.mentions if m.span.text == "الشرطة الكينية")
    assert police.kind == "actor" and police.key != "kenya"


def test_a_verb_joined_after_the_doers_clause_is_the_attack_nouns(builder):
    text = "وقتل ستة جنود في عملية انتحارية شنتها حركة الشباب واستهدفت الشرطة الصومالية في مقديشو."
    attack, = events(builder, text, "attack")
    assert keys(attack.perpetrator) == "al_shabaab" and attack.target.span.text == "الشرطة الصومالية"


def test_holding_responsible_across_a_long_aside(builder):
    text = ("وحمّل الرئيس الفلسطيني محمود عباس، في كلمة ألقاها مساء الأحد أمام أعضاء المجلس الوطني في مدينة "
            "رام الله، الحكومة الإسرائيلية مسؤولية انهيار المفاوضات.")
    assert {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")} == {("abbas", "israel")}


def test_the_army_alone_is_the_one_army_named_before(builder):
    text = ("قال الجيش الأمريكي أمس إن غارة جوية قتلت قياديا في القاعدة. "
            "وقال الجيش لصحفيين إن الضربة تسببت أيضا في مقتل اثنين من المتشددين.")
    figure, = events(builder, text, "casualty")
    assert keys(figure.reported_by) == "us_forces"


def test_where_fighters_were_pushed_back_to_is_not_where_the_fallen_fell(builder):
    text = "وفي مدينة عدن، سيطرت المقاومة على الميناء ودحرت الميليشيات إلى العريش بعد مقتل 6 من رجال المقاومة."
    figure, = events(builder, text, "casualty")
    assert [p.span.text for p in figure.places] == ["مدينة عدن"]


def test_the_one_named_before_a_clause_that_opens_with_an_is_not_its_speaker(builder):
    text = "وتم اعتقال خمسة مشتبه بهم من ليبيا وتونس بعد أن قال شهود عيان إنهم حبسوا الركاب."
    figure, = events(builder, text, "casualty")
    assert figure.reported_by is None


@pytest.mark.parametrize("text,pairs", [
    ("وقالت موسكو إن الحكومة البريطانية تكذب بشأن ملف الجاسوس.", {("russia", "uk")}),
    ("وأكد وزير الخارجية الإيراني أن الولايات المتحدة انتهكت الاتفاق النووي مرارا.", {("iran", "usa")}),
    ("وأشار تقرير للأمم المتحدة إلى تورط حزب الله في تهريب السلاح عبر الحدود.", {("un", "hezbollah")}),
])
def test_a_wrong_the_source_says_an_actor_did_accuses_it(builder, text, pairs):
    found = {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")}
    assert found == pairs


@pytest.mark.parametrize("text,pairs", [
    # using a banned means is a wrong the source says its user did
    ("وقال المتحدث باسم الجيش اليمني إن ميليشيات الحوثي تستخدم أسلحة محرمة دوليا ضد المدنيين في تعز.",
     {("yemeni_army", "houthis")}),
    ("وقال الناطق باسم التحالف إن الحوثيين يستخدمون المدنيين دروعا بشرية في الحديدة.", {("arab_coalition", "houthis")}),
    ("وقالت منظمة العفو الدولية إن استخدام قوات الأسد للبراميل المتفجرة والقنابل العنقودية يعد جريمة حرب.",
     {("amnesty", "syrian_army")}),
    # not what reports say, not ordinary tools, not a denial
    ("وقال المحلل إن الضربة جاءت بعد أيام من تقارير استخدام الجيش السوري غازات سامة في إدلب.", set()),
    ("وقال الطبيب إن المستشفى يستخدم أجهزة حديثة لعلاج المصابين بالغازات السامة.", set()),
    ("ونفت روسيا أن يكون النظام السوري قد استخدم أسلحة كيماوية في دوما.", set()),
])
def test_using_a_banned_means_is_a_wrong_the_source_accuses_of(builder, text, pairs):
    assert {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")
            if e.modality == "asserted"} == pairs


@pytest.mark.parametrize("text,pairs", [
    # what the one said to do a wrong is may stand before its verb
    ("وقالت الحكومة اليمنية إن الحوثيين جماعة تكذب على الناس.", {("yemen", "houthis")}),
    ("وقال الوزير السعودي عادل الجبير إن إيران دولة تنتهك القوانين الدولية.", {("عادل الجبير", "iran")}),
    # not outside a reported clause: the indefinite noun is the verb's subject
    ("وأغلقت السلطات المصرية منظمة تنتقد الحكومة.", set()),
])
def test_a_predicate_noun_between_the_wrongdoer_and_the_verb(builder, text, pairs):
    assert set(accusation_names(builder, text)) == pairs


def test_a_wrong_denied_or_with_no_source_accuses_nobody(builder):
    assert events(builder, "وقالت الحكومة البريطانية إن روسيا لم تنتهك الاتفاق.", "accusation") == []
    assert events(builder, "وانتهكت الحكومة البريطانية الاتفاق بحسب مراقبين.", "accusation") == []


def test_what_an_attack_noun_hit_follows_its_adjectives(builder):
    text = "وأدان المجلس البلدي التفجير الانتحاري الجبان الذي استهدف مسجدا للشيعة في القطيف."
    attack, = events(builder, text, "attack")
    assert [p.key for p in attack.places] == ["qatif"]


def test_a_place_past_the_comma_after_what_was_hit_is_not_where(builder):
    text = "وقال إن بلاده تدين هذا الهجوم الإرهابي الذي استهدف مصلين أبرياء، مؤكدا وقوف الأردن مع المملكة."
    assert events(builder, text, "attack") == []  # neither who did it nor where is told


@pytest.mark.parametrize("text,perp", [
    ("وتمكنت قوات الجيش اليمني من اقتحام معقل ميليشيات الحوثي في صعدة.", "yemeni_army"),
    ("وتمكن الحوثيون من اقتحام مدينة عمران بعد أيام من الحصار.", "houthis"),
    ("وتشارك الأردن في الغارات على مواقع تنظيم داعش في سوريا منذ أشهر.", "jordan"),  # taking part
])
def test_who_managed_to_attack_or_took_part_did_it(builder, text, perp):
    attack, = events(builder, text, "attack")
    assert keys(attack.perpetrator) == perp


def test_an_articles_only_attacker_did_its_attacks_told_without_one(builder):
    text = ("انفجار ضخم قرب فندق في مدينة بيداوة. وأغلقت المحلات التجارية أبوابها. "
            "وشنت حركة الشباب هجوما على حاجز للشرطة في مقديشو أمس.")
    attacks = events(builder, text, "attack")
    assert len(attacks) == 2 and {keys(e.perpetrator) for e in attacks} == {"al_shabaab"}


def test_the_only_attacker_is_not_one_its_sentence_names_otherwise(builder):
    text = ("وشنت حركة الشباب هجوما على قاعدة عسكرية في مقديشو. "
            "وقتل أربعة من عناصر حركة الشباب في انفجار بمدينة بيداوة.")
    blast = next(e for e in events(builder, text, "attack") if e.trigger.text == "انفجار")
    assert blast.perpetrator is None


def test_an_only_attacking_state_did_strikes_told_without_one_not_bombings(builder):
    text = ("وقصفت الطائرات الروسية مواقع للمعارضة في ريف إدلب. وقال سكان إن الأسواق أغلقت أبوابها. "
            "وقتل عشرة مدنيين في غارة على سوق في مدينة أريحا. وتبادل الطرفان الأسرى. "
            "وقتل ثلاثة أشخاص في تفجير سيارة مفخخة في مدينة الباب.")
    by_place = {e.places[0].span.text: keys(e.perpetrator) for e in events(builder, text, "attack")}
    assert by_place["مدينة أريحا"] == "russia" and by_place["مدينة الباب"] is None


@pytest.mark.parametrize("text,pair", [
    ("الخارجية الأمريكية: روسيا تنتهك معاهدة الصواريخ متوسطة المدى", ("usa", "russia")),
    ("منظمة العفو الدولية: قوات الدعم السريع ارتكبت مجازر في الجنينة", ("amnesty", "rsf")),
])
def test_a_headlines_source_before_a_colon_says_what_follows(builder, text, pair):
    assert {(keys(e.accuser), keys(e.accused)) for e in events(builder, text, "accusation")} == {pair}


def test_a_front_named_by_a_place_is_no_armed_group(builder):
    text = "واندلعت معارك عنيفة في جبهة الساحل الغربي بين القوات الحكومية والحوثيين أمس."
    extraction = builder.extract([Document("t", text)])[0]
    assert not any(m.span.text.startswith("جبهة") for m in extraction.mentions if m.kind == "actor")
    assert "hts" in mention_keys(builder, "وأعلنت جبهة النصرة سيطرتها على البلدة.")  # the registry's


def test_the_resistance_named_alone_is_a_group_that_acts(builder):
    attack, = events(builder, "وهاجمت المقاومة مواقع الحوثيين في مدينة تعز فجر الخميس.", "attack")
    assert attack.perpetrator.span.text == "المقاومة" and attack.perpetrator.type == "armed_group"
    text = "وقال القيادي في المقاومة الشعبية إن المقاومة هاجمت مواقع الحوثيين في تعز."
    attack, = events(builder, text, "attack")
    assert keys(attack.perpetrator) == "yemen_popular_resistance"  # the one named before


@pytest.mark.parametrize("text", [
    "واعتقلت قوات الاحتلال 12 فلسطينيا خلال مداهمات في مدينة نابلس.",
    "وقتل سبعة سوريين في غارة على بلدة سرمدا.",
])  # its soldiers are its own: test_victims_named_by_a_country_adjective_in_any_number
def test_people_of_a_country_are_no_members_of_its_state(builder, text):
    figure, = events(builder, text, "casualty")
    assert figure.victim is None


def test_who_accuses_may_be_named_by_a_long_title_then_by_name_between_commas(builder):
    text = ("واتهم رئيس مركز الدراسات الاستراتيجية في جامعة طهران، علاء الدين بروجردي، "
            "الولايات المتحدة بتسليح الجماعات المتطرفة.")
    accusation, = events(builder, text, "accusation")
    assert accusation.accuser.span.text.endswith("بروجردي") and keys(accusation.accused) == "usa"


def test_a_war_one_side_wages_names_no_doer_of_the_articles_attacks(builder):
    text = ("وقتل 12 مدنيا في هجوم استهدف حافلة في سوق بمدينة حرض. وقال شهود إن الأسواق أغلقت. "
            "ويشن الحوثيون حربا على القوات الحكومية منذ سنوات في اليمن.")
    bus = next(e for e in events(builder, text, "attack") if e.trigger.text == "هجوم")
    assert bus.perpetrator is None


def test_a_country_named_twice_once_as_no_place_is_an_actor(builder):
    def actor_keys(text):
        return {m.key for m in builder.extract([Document("t", text)])[0].mentions if m.kind == "actor"}
    assert "iran" in actor_keys("واستدعت الخارجية سفير إيران في لندن. وكان وفد بريطاني قد وصل إلى إيران الشهر الماضي.")
    assert "iran" not in actor_keys("وسافر الوفد إلى إيران أمس. وعاد الوفد من إيران اليوم.")  # a place only
    # a hashtag between the locative word and the country, a story's place tag: places still
    assert "iran" not in actor_keys("وسافر الوفد إلى #إيران أمس. وعاد الوفد من #إيران اليوم.")
    assert "libya" not in actor_keys("ليبيا: انفجار سيارة مفخخة في مدينة بنغازي\n\nوقال مسؤولون إن الانفجار هو الأعنف في ليبيا منذ أشهر.")


@pytest.mark.parametrize("text,target", [
    ("وسقط 15 قتيلا في تفجير مسجد قوات الحرس الوطني في أبها أمس.", "قوات الحرس الوطني"),  # the mosque's owner
    ("وقتل 20 شخصا في الهجوم على فندق بمالي أمس.", None),  # where the hotel is
])
def test_the_owner_of_a_building_hit_is_the_target(builder, text, target):
    attack, = events(builder, text, "attack")
    assert (attack.target.span.text if attack.target else None) == target


def test_who_condemns_before_a_comma_did_not_do_the_attack_after_it(builder):
    text = "واستنكر مدير شرطة المدينة اللواء سالم بن فهد العتيبي، الحادث الإرهابي الذي استهدف مسجد قوات الحرس الوطني في الدمام."
    attack, = events(builder, text, "attack")
    assert attack.perpetrator is None


def test_sunstroke_is_no_strike(builder):
    text = "وأصيب 40 حاجا بضربات شمس في مشعر عرفات أمس بسبب ارتفاع درجات الحرارة."
    assert events(builder, text, "attack") == []


def test_a_doers_attacks_told_without_a_place_join_none_of_its_attacks_apart(builder):
    text = ("وشن تنظيم داعش هجمات عدة على المساجد خلال الأشهر الماضية. "
            "وفجر انتحاري من تنظيم داعش نفسه في مسجد بمدينة القطيف في مايو. "
            "وبعد أسبوع هاجم تنظيم داعش مسجدا في مدينة الدمام.")
    places = sorted(tuple(p.key for p in e.places) for e in events(builder, text, "attack"))
    assert places == [("dammam",), ("qatif",)]


def test_an_attack_named_again_with_a_demonstrative_takes_no_place_of_its_sentence(builder):
    text = ("وهاجم مسلحون سجنا في مدينة الحسكة ليلة الخميس. "
            "وقال المسؤول إن هذا الهجوم يكشف خطر بقاء عائلات المسلحين في مخيم الهول.")
    attack, = events(builder, text, "attack")
    assert [p.key for p in attack.places] == ["hasakah"]


def test_the_outlet_someone_spoke_to_is_neither_a_place_nor_the_source(builder):
    text = "وقال مصدر عسكري لـ«الشرق الأوسط» إن 12 جنديا قتلوا في الهجوم على معسكر للجيش في مدينة المكلا."
    extraction = builder.extract([Document("t", text)])[0]
    assert "الشرق الأوسط" not in {m.span.text for m in extraction.mentions if m.kind == "place"}
    figure, = [e for e in extraction.events if e.type == "casualty"]
    assert figure.reported_by is None


def test_survivors_are_no_casualties(builder):
    text = "وما زال البحث جاريا عن ثلاثة مفقودين بعد غرق العبارة، فيما نجا تسعة ركاب من الغرق."
    assert [f.count for f in events(builder, text, "casualty")] == [3]


@pytest.mark.parametrize("text,victim", [
    ("وأعلنت الشرطة توقيف 35 شخصا ينتمون إلى حركة الشباب في ضواحي نيروبي.", "al_shabaab"),
    ("وقتل نحو 60 مسلحا أجنبيا من تنظيم داعش في معارك قرب تلعفر.", "isis"),
])
def test_victims_belong_to_the_body_named_after_their_noun_and_adjective(builder, text, victim):
    figure, = events(builder, text, "casualty")
    assert keys(figure.victim) == victim


def test_the_subject_past_a_verb_of_being_did_the_attack(builder):
    attack, = events(builder, "ولا تزال طائرات التحالف العربي تقصف مواقع الحوثيين في صعدة.", "attack")
    assert attack.modality == "asserted"  # still, no negation
    attack, = events(builder, "غير أن قوات التحالف الدولي كانت تقصف مواقع التنظيم في الرقة يوميا.", "attack")
    assert attack.perpetrator is not None and attack.perpetrator.span.text == "قوات التحالف الدولي"


def test_the_building_hit_may_be_named_past_where_it_happened(builder):
    text = "وأعرب الوزير عن استنكاره للاعتداء الآثم الذي وقع في مسجد قوات الحرس الوطني بمدينة الدمام."
    attack, = events(builder, text, "attack")
    assert attack.target is not None and attack.target.span.text == "قوات الحرس الوطني"


def test_who_condemns_named_past_a_long_title_did_not_do_it(builder):
    text = "أدان رئيس الجامعة الإسلامية في ماليزيا الدكتور سالم بن علي العمري التفجير الإرهابي الذي وقع في مسجد بمدينة الدمام."
    attack, = events(builder, text, "attack")
    assert attack.perpetrator is None


def test_a_wrongdoer_named_between_commas_before_the_verb(builder):
    text = "وقال ريك سميث، المحلل العسكري، إن رئيس الوزراء البريطاني، بوريس جونسون، أخطأ بإطلاع الروس على الخطة."
    accusation, = events(builder, text, "accusation")
    assert accusation.accused.span.text == "بوريس جونسون"


def test_the_country_across_a_border_with_adjectives_is_no_place(builder):
    text = "وقتل أربعة جنود في هجوم على نقطة تفتيش في ولاية كشمير قرب الحدود المضطربة مع باكستان."
    attack, = events(builder, text, "attack")
    assert "باكستان" not in [p.span.text for p in attack.places]


@pytest.mark.parametrize("text,doer", [
    ("وأعلن الجيش الأمريكي يوم الثلاثاء أنه نفذ غارة جوية استهدفت قياديا في حركة طالبان في ولاية قندهار.", "us_forces"),
    ("وأكدت وزارة الدفاع الروسية في بيان لها مساء الأحد أنها قصفت مواقع للمسلحين في ريف إدلب.", "russian_forces"),
])
def test_who_says_it_carried_out_the_strike_did_it(builder, text, doer):
    attack, = events(builder, text, "attack")
    assert keys(attack.perpetrator) == doer


def test_who_went_as_far_as_killing_did_it(builder):
    text = "أقدم/ سالم بن علي بن محمد القحطاني - سعودي الجنسية - على قتل/ فهد بن سعد العتيبي - سعودي الجنسية - وذلك بطعنه بسكين."
    attack, = events(builder, text, "attack")
    assert attack.perpetrator.span.text == "سالم بن علي بن محمد القحطاني"
    assert events(builder, "وتعود الرواية في أقدم صورها إلى القرن الماضي على ما يبدو.", "attack") == []


def test_a_figure_with_no_place_of_its_own_is_where_the_story_was_last_set(builder):
    # not the place the document names most
    text = ("وشهدت محافظة أبين احتجاجات واسعة على انقطاع الكهرباء. وعاد الهدوء إلى محافظة أبين مساء أمس. "
            "وفي عدن، قال مسؤول في المقاومة إن الوضع مستقر. وأضاف أن 14 من المتمردين سلموا أنفسهم لقوات المقاومة.")
    figure, = events(builder, text, "casualty")
    assert [p.span.text for p in figure.places] == ["عدن"]


def test_a_place_name_ends_before_a_word_of_time(builder):
    attack, = events(builder, "وسقطت قذائف على منطقة دار سعد البارحة الأولى.", "attack")
    assert [p.span.text for p in attack.places] == ["دار سعد"]


def test_the_side_an_attack_killed_is_its_target_where_its_sentence_tells_both(builder):
    text = "وتبنى تنظيم داعش التفجير الذي أدى إلى مقتل ضابط وجنديين تركيين قرب مدينة كلس."
    attack, = events(builder, text, "attack")
    assert keys(attack.perpetrator) == "isis" and keys(attack.target) == "turkey"
    # a toll told apart may count the attacker's own side
    text = ("وشنت قوات النظام السوري وميليشيا حزب الله هجوما على مدينة الزبداني. "
            "وقتل في المعارك 21 من عناصر حزب الله و30 من مقاتلي المعارضة.")
    assert [keys(a.target) for a in events(builder, text, "attack")] == [None]
    # nor the attacker's own side (its police beside its forces)
    text = "وأطلقت قوات الاحتلال الإسرائيلي قنابل الصوت في باحات المسجد الأقصى ما أدى إلى إصابة اثنين من عناصر شرطة الاحتلال."
    assert [keys(a.target) for a in events(builder, text, "attack")] == [None]


@pytest.mark.parametrize("text,doer,place", [
    ("وتمكنت قوات الجيش العراقي من قتل عشرة من عناصر تنظيم داعش في قضاء الحويجة.", "iraq", "الحويجة"),
    ("ونجحت القوات الخاصة الأمريكية في قتل زعيم تنظيم القاعدة في باكستان.", "usa", "باكستان"),
])
def test_who_managed_to_kill_did_it(builder, text, doer, place):
    attack, = events(builder, text, "attack")
    assert keys(attack.perpetrator) == doer and [p.span.text for p in attack.places] == [place]


@pytest.mark.parametrize("text", [
    "ولم تتمكن قوات الأمن العراقية من قتل المهاجمين في كركوك.",
    # the managing and the killing apart: another clause's
    "وهاجم الحوثيون مواقع للمقاومة فنجحت المقاومة في صده وقتل 15 منهم في حصيلة أولية.",
])
def test_no_killing_managed(builder, text):
    assert not [a for a in events(builder, text, "attack") if a.trigger.text == "قتل"]


def test_a_figure_told_beside_another_attack_takes_no_doer_from_the_attack_before(builder):
    text = ("وشنت طائرات التحالف الدولي غارة على مواقع للتنظيم قرب الرقة. "
            "وكان التنظيم مسؤولا عن هجمات كثيرة منها عملية راح ضحيتها 40 طالبا في جامعة عام 2015.")
    figure, = events(builder, text, "casualty")
    assert figure.perpetrator is None
    text = ("وشنت طائرات التحالف الدولي غارة على مواقع للتنظيم قرب الرقة. "
            "وأسفرت الغارة عن مقتل 12 مسلحا من التنظيم.")
    figure, = events(builder, text, "casualty")
    assert keys(figure.perpetrator) is not None


def test_the_court_the_accused_are_sent_to_is_not_charged(builder):
    text = "وأحال النائب العام المصري المتهمين من جماعة الإخوان إلى محكمة الجنايات بتهمة التخابر."
    assert "محكمة الجنايات" not in [a.accused.span.text for a in events(builder, text, "accusation")]


def test_an_attack_attributed_by_a_verb_before_it_was_done_by_whom_it_is_attributed_to(builder):
    text = "ونسبت الحكومة العراقية التفجير إلى تنظيم داعش."
    attack, = events(builder, text, "attack")
    assert keys(attack.perpetrator) == "isis"
    accusation, = events(builder, text, "accusation")
    assert (keys(accusation.accuser), keys(accusation.accused)) == ("iraq", "isis")


def test_the_one_held_responsible_may_stand_before_a_quoted_adverb(builder):
    text = "وحمل الحوثيون الأمم المتحدة «ضمنيا» مسؤولية فشل المفاوضات."
    accusation, = events(builder, text, "accusation")
    assert (keys(accusation.accuser), keys(accusation.accused)) == ("houthis", "un")


def test_an_object_pronoun_on_a_plural_verb_with_its_conjunction_stands_for_the_one_named_before(builder):
    text = "ورفض الحوثيون تقرير الأمم المتحدة الأخير واتهموها بالانحياز إلى التحالف."
    accusation, = events(builder, text, "accusation")
    assert (keys(accusation.accuser), keys(accusation.accused)) == ("houthis", "un")


def test_criticism_addressed_to_a_titled_person(builder):
    text = "ووجه النائب اللبناني سامي الجميل انتقادات حادة إلى رئيس الحكومة سعد الحريري بسبب الأزمة."
    accusation, = events(builder, text, "accusation")
    assert keys(accusation.accused) == "saad_hariri"


def test_names_in_presentation_forms_are_found(builder):
    attack, = events(builder, "وشن ﻃﻴﺮﺍﻥ ﺍﻟﺘﺤﺎﻟﻒ ﺍﻟﻌﺮﺑﻲ غارات جوية على مواقع الحوثيين في صعدة.", "attack")
    assert keys(attack.perpetrator) == "arab_coalition"


@pytest.mark.parametrize("text,accused", [
    ("وقال المصور جون مارتن إن الحكومة السورية أمرت بقتل أي صحفي أجنبي في المدينة.", "syria"),
    ("وقال الائتلاف الوطني السوري إن الرئيس بشار الأسد أصدر أوامر بقصف الأحياء السكنية في حلب.", "assad"),
])
def test_who_is_said_to_have_ordered_a_killing_is_accused(builder, text, accused):
    accusation, = events(builder, text, "accusation")
    assert keys(accusation.accused) == accused


def test_an_order_of_arrest_or_payment_accuses_no_one(builder):
    assert events(builder, "وقال المتحدث إن المحكمة العليا أمرت باعتقال رئيس الوزراء السابق نواز شريف.", "accusation") == []


def test_two_cases_count_two(builder):
    figures = events(builder, "وتم تسجيل حالتي وفاة وثلاث إصابات في مدينة جدة.", "casualty")
    assert sorted((f.count, f.outcome) for f in figures) == [(2, "killed"), (3, "injured")]
    assert events(builder, "وأكد الرئيس أنه يشعر بتحسن في حالتي الصحية بعد العملية.", "casualty") == []


def test_a_massacre_committed_is_an_attack_unless_another_word_tells_the_deed(builder):
    text = "وارتكبت الميليشيات الحوثية مجزرة جديدة بحق المدنيين في حي المنصورة بعدن، مما أدى إلى مقتل 12 مدنيا."
    attack, = events(builder, text, "attack")
    assert keys(attack.perpetrator) == "houthis"
    figure, = events(builder, text, "casualty")
    assert keys(figure.perpetrator) == "houthis"
    text = "وأكد المسؤول أن الميليشيات ارتكبت أمس مجزرة بحق الأطفال في حي المنصورة بقصف عشوائي بصواريخ الكاتيوشا."
    attack, = events(builder, text, "attack")
    assert attack.trigger.text == "بقصف"
    assert events(builder, "وشهدت الأسواق مجزرة في الأسعار بعد قرار البنك المركزي في القاهرة.", "attack") == []


def test_places_past_a_clause_of_another_deed_are_not_where_the_attack_was(builder):
    text = ("واضطر الجيش إلى الانسحاب من مناطق واسعة في محافظة حماة في مواجهة هجوم لفصائل المعارضة "
            "ولم يتمكن من حماية مدينة تدمر عندما اجتاحها مقاتلو التنظيم.")
    attack, = events(builder, text, "attack")
    assert "palmyra" not in [p.key for p in attack.places]


@pytest.mark.parametrize("text,doer", [
    ("وقال الجيش الأمريكي إن قواته نفذت غارة على مواقع للتنظيم في الرقة.", "us_forces"),
    ("وأعلنت وحدات حماية الشعب في بيانها \"نفذت قواتنا هجوما على تجمع لجنود الجيش التركي في بلدة قرقميش\".", "ypg"),
])
def test_the_speakers_own_forces_launching_an_attack_make_it_the_speakers(builder, text, doer):
    attack, = events(builder, text, "attack")
    assert keys(attack.perpetrator) == doer


def test_a_name_after_an_indefinite_place_head_is_a_place_not_a_person(builder):
    assert "النصر" in place_names(builder, "وسقط 7 قتلى في قصف على حي النصر في تعز.")
    names = place_names(builder, "وقال أمير المنطقة الأمير فيصل بن خالد إن الوضع مستقر.")
    assert not any("فيصل" in n for n in names)  # after a definite head: the region told before, then a person


def test_a_death_sentence_carried_out_counts_its_dead_a_penalty_that_may_reach_death_does_not(builder):
    figure, = events(builder, "ونفذت السلطات حكم الإعدام في ثلاثة مدانين بتهريب المخدرات في جازان.", "casualty")
    assert (figure.count, figure.outcome) == (3, "killed")
    assert events(builder, "وصدر حكم القصاص بحق اثنين من المتهمين في جدة.", "casualty") == []
    text = "ووجهت النيابة اتهامات لسبعة عشر متهما بالاشتراك في الهجوم، تصل عقوبة بعضها إلى الإعدام."
    assert events(builder, text, "casualty") == []


def test_the_victims_after_على_are_not_the_attackers_their_adjective_names(builder):
    attack, = events(builder, "ونفذ مستوطنون اعتداءات على الفلسطينيين في الخليل.", "attack")
    assert attack.perpetrator is None


@pytest.mark.parametrize("text", [
    "وأعلن الوزير توقيف 300 شخص، مشيرا إلى أن الكويت تخوض حربا ضد الإرهاب.",  # arrests pin down no war
    "وتهدف الصفقة إلى تمكين القوات السعودية من حماية الحدود الجنوبية من هجمات الحوثيين.",  # guarded against
    "وقال الباحث المصري إن الحرب التي تشنها مصر على الإرهاب في سيناء حرب مشروعة.",  # a war on a wrong
])
def test_no_attack_told_in_a_war_on_terror_or_a_danger_guarded_against(builder, text):
    assert events(builder, text, "attack") == []


def test_where_the_victims_were_coming_from_is_not_where_it_happened(builder):
    text = ("وتوفي تسعة أشخاص وأصيب 27 آخرون جراء تعرض الحافلة التي كانت تقلهم في طريق عودتهم "
            "من المدينة المنورة لحادث على طريق القصيم.")
    figures = events(builder, text, "casualty")
    assert len(figures) == 2 and all("medina" not in [p.key for p in f.places] for f in figures)


def test_the_holder_of_an_office_speaks_for_it_and_is_not_accused(builder):
    text = "وأدانت دول عدة الهجوم، واعتبر الأمين العام لجامعة الدول العربية أحمد أبو الغيط أن هذا العمل الإرهابي نتيجة لفكر متطرف."
    assert events(builder, text, "accusation") == []
    accusation, = events(builder, "وتعتبر الولايات المتحدة حسن نصر الله إرهابيا.", "accusation")
    assert keys(accusation.accuser) == "usa"


def test_a_name_the_tagger_ran_into_the_deed_it_condemns_stops_before_it(builder):
    text = "أدان البرلمان العربي التفجير الإرهابي الذي استهدف مسجدا لقوات الأمن في منطقة جازان أمس."
    assert events(builder, text, "accusation") == []
    assert "البرلمان العربي" in mention_texts(builder, text)


def test_the_doer_of_a_condemned_deed_is_not_the_one_who_condemns(builder):
    assert events(builder, "وأدانت القمة العربية احتلال إيران للجزر الإماراتية الثلاث.", "accusation") == []
    accusation, = events(builder, "ودان رئيس الوزراء العراقي قصف تركيا لقرى في شمال العراق.", "accusation")
    assert (keys(accusation.accuser), keys(accusation.accused)) == ("iraq", "turkey")


def test_a_person_after_the_bare_masdar_of_accusing_is_the_one_charged(builder):
    text = "ومنح الاتحاد إجازة مفتوحة للأمين العام عقب اتهام رئيس الاتحاد جيفري ويب في مايو الماضي قبل أن يوقف الفيفا ويب مؤقتا."
    assert events(builder, text, "accusation") == []
    text = "واندلعت الحرب مع اتهام الرئيس سلفا كير نائبه السابق رياك مشار بالتخطيط لانقلاب."
    accusation, = events(builder, text, "accusation")
    assert accusation.accuser.span.text == "سلفا كير"


def test_who_demands_an_inquiry_into_crimes_named_with_their_culprit_accuses_it(builder):
    accusation, = events(builder, "وطالبت الحكومة اليمنية بالتحقيق في جرائم الحوثيين بحق المدنيين في تعز.", "accusation")
    assert (keys(accusation.accuser), keys(accusation.accused)) == ("yemen", "houthis")
    assert events(builder, "ودعت الأمم المتحدة إلى التحقيق في الجرائم المرتكبة في اليمن.", "accusation") == []


def test_the_side_a_clash_is_waged_with_is_fought_not_the_fighter(builder):
    attack, = events(builder, "وخاضت قوات المقاومة الشعبية اشتباكات مع الحوثيين في تعز.", "attack")
    assert keys(attack.target) == "houthis" and keys(attack.perpetrator) != "houthis"


@pytest.mark.parametrize("verb", ["تعرضت", "تصدت"])
def test_who_underwent_or_withstood_an_attack_launched_by_a_named_group_was_its_target(builder, verb):
    text = f"و{verb} المقاومة الشعبية في مأرب لهجوم شنه الحوثيون على أطراف المدينة."
    attack, = events(builder, text, "attack")
    assert (keys(attack.perpetrator), keys(attack.target)) == ("houthis", "yemen_popular_resistance")


def test_who_repelled_an_attack_was_its_target(builder):
    text = "وصدت قوات الحشد الشعبي هجوما لعناصر داعش على مواقعها غرب مدينة سامراء."
    attack, = events(builder, text, "attack")
    assert (keys(attack.perpetrator), keys(attack.target)) == ("isis", "pmf")


def test_the_subject_told_before_underwent_it_after_kana(builder):
    text = "وكان مقر حزب العدالة والتنمية في مدينة إسطنبول قد تعرض ليلة الأحد الماضي لهجوم نفذه مسلحون مجهولون."
    attack, = events(builder, text, "attack")
    assert keys(attack.target) == "akp" and [p.key for p in attack.places] == ["istanbul"]


def test_a_conjunction_on_a_known_word_is_all_the_clitic_stripper_cuts(builder):
    # وكان is و + كان (not وك + ان), ولبنان و + لبنان
    doc = builder.mapper.rules.make_doc(builder.nlp.process_many(["وكان الوزير في زيارة ولبنان يرحب."])[0])
    assert [(t.text, t.norm_) for t in doc if t.text in ("وكان", "ولبنان")] == [("وكان", "كان"), ("ولبنان", "لبنان")]


def test_a_capital_after_a_wave_of_bombings_is_where_not_who_was_hit(builder):
    attack, = events(builder, "وتأتي موجة التفجيرات في دمشق بعد أسبوع من تغيير في قيادة حركة أحرار الشام.", "attack")
    assert attack.target is None and [p.key for p in attack.places] == ["damascus"]


def test_who_decided_a_seizure_on_a_charge_charges_the_one_seized(builder):
    text = "ألقت الشرطة في تونس القبض على المطرب سامي يوسف تنفيذا لقرار النيابة العامة بضبطه بتهمة إهانة القضاء."
    accusation, = events(builder, text, "accusation")
    assert accusation.accuser.span.text == "النيابة العامة" and accusation.accused.span.text == "سامي يوسف"


def test_one_arrested_on_charges_with_others_is_charged_not_the_accuser(builder):
    text = "واعتقل جوزيف بلاتر مع خمسة مسؤولين آخرين في الفيفا بتهم الفساد."
    assert [e for e in events(builder, text, "accusation") if e.accuser.span.text == "جوزيف بلاتر"] == []
    figure, = events(builder, text, "casualty")
    assert (figure.count, figure.outcome, figure.perpetrator) == (5, "captured", None)


def test_the_outlet_a_headline_quotes_did_not_do_the_bombing(builder):
    attack, = events(builder, "خبراء لـ «الحياة»: تفجير المسجد في أبها عمل لا يقدم عليه إلا من فقد عقله", "attack")
    assert attack.perpetrator is None and [p.key for p in attack.places] == ["abha"]


@pytest.mark.parametrize("clause", ["التي صدرت عن", "التي أدلى بها"])
def test_who_made_the_statements_a_body_condemns_is_accused(builder, clause):
    text = f"ودانت منظمة التعاون الإسلامي التصريحات المسيئة {clause} رئيس الوزراء الهندي ناريندرا مودي."
    accusation, = events(builder, text, "accusation")
    assert keys(accusation.accuser) == "oic" and accusation.accused.span.text == "ناريندرا مودي"


def test_the_leader_of_a_coalition_whose_raids_go_on_is_not_their_doer(builder):
    attack, = events(builder, "وتواصل طائرات التحالف العربي بقيادة المملكة غاراتها الجوية على مواقع المتمردين في صعدة.", "attack")
    assert keys(attack.perpetrator) == "arab_coalition"


def test_a_country_adjective_on_a_town_the_tagger_found_names_no_actor(builder):
    text = "مجلس التعاون الخليجي يدين تفجير بلدة سوروج التركية"
    assert events(builder, text, "accusation") == []
    assert all(e.perpetrator is None for e in events(builder, text, "attack"))


def test_who_attributes_a_bombing_to_a_group_named_again_is_not_its_target(builder):
    text = "وقصفت الطائرات الأردنية مواقع لتنظيم داعش في الرقة، بعد يومين من تفجير نسبته الحكومة الأردنية إلى التنظيم المتطرف."
    bombing, = [e for e in events(builder, text, "attack") if e.trigger.text == "تفجير"]
    assert (keys(bombing.perpetrator), bombing.target) == ("isis", None)


def test_a_figure_told_again_keeps_who_told_it_and_at_least_from_the_body(builder):
    text = ("مقتل 12 شخصا في انفجار بمدينة كويتا\n"
            "وقالت وزارة الداخلية الباكستانية إن ما لا يقل عن 12 شخصا قتلوا في الانفجار الذي وقع صباح أمس.")
    figure, = events(builder, text, "casualty")
    assert (figure.count, figure.qualifier) == (12, "at_least")
    assert figure.reported_by is not None and "وزارة الداخلية" in figure.reported_by.span.text


def test_who_a_group_pledged_loyalty_to_is_not_the_source_of_the_next_toll(builder):
    text = ("وأكدت مصادر محلية أن المقاومة الشعبية التي أعلنت ولاءها للرئيس اليمني عبدربه منصور هادي دخلت مبنى المحافظة. "
            "واندلعت أمس مواجهات عنيفة بين الحوثيين ورجال المقاومة أسفرت عن مقتل ستة مسلحين حوثيين.")
    figure, = events(builder, text, "casualty")
    assert figure.reported_by is None or figure.reported_by.key != "hadi"


def test_figures_an_unnamed_second_source_gives_are_not_the_first_speakers(builder):
    text = ("وأعلنت حكومة النيجر أن أربعة جنود قتلوا في الهجوم على الثكنة في مدينة ديفا، "
            "في حين أعلن مصدر أمني عن سقوط تسعة قتلى.")
    by_count = {e.count: e.reported_by for e in events(builder, text, "casualty")}
    assert by_count[4] is not None and by_count[9] is None


@pytest.mark.parametrize("backing", ["بدعم جوي من", "بدعم من", "بمساندة من", "بغطاء جوي من"])
def test_who_backs_the_forces_that_attack_is_not_the_attacker(builder, backing):
    for text in (f"وشنت قوات الحكومة {backing} التحالف الدولي هجمات ليلية على مواقع لتنظيم داعش في الرمادي.",
                 # the backer right before the verb that launches the attack
                 f"وقالت مصادر إن قوات الحكومة {backing} التحالف الدولي، بدأت هجوما على مواقع لتنظيم داعش في الرمادي."):
        attack, = events(builder, text, "attack")
        assert keys(attack.perpetrator) != "us_led_coalition" and keys(attack.target) == "isis", text


def test_an_attack_no_one_claimed_gets_no_doer_from_the_article_s_one_group(builder):
    text = ("انفجار سيارة مفخخة في سوق بمدينة بعقوبة\n"
            "وانفجرت سيارة مفخخة صباح اليوم في سوق شعبي بمدينة بعقوبة. "
            "ولم تتبن أي جهة التفجير حتى الآن. "
            "وكان تنظيم داعش قد شن الأسبوع الماضي هجوما على قرية قرب مدينة سامراء.")
    bombings = [e for e in events(builder, text, "attack") if "baqubah" in {p.key for p in e.places}]
    assert bombings and all(e.perpetrator is None for e in bombings)


def test_an_attack_claimed_keeps_its_doer_though_an_older_one_went_unclaimed(builder):
    text = ("تفجير قرب مقر البرلمان في مقديشو\n"
            "وأعلنت حركة الشباب مسؤوليتها عن التفجير الذي وقع قرب مقر البرلمان في مقديشو. "
            "وكانت الحركة لم تتبن هجوما مماثلا وقع في مدينة كيسمايو العام الماضي.")
    headline = [e for e in events(builder, text, "attack") if e.trigger.sentence == 0]
    assert headline and all(keys(e.perpetrator) == "al_shabaab" for e in headline)


def test_a_killing_s_places_leave_out_the_city_a_province_lies_from(builder):
    text = "وكانت حركة طالبان قتلت سبعة أشخاص أمس في سلسلة هجمات في ولاية غزني جنوب كابل."
    killing = [e for e in events(builder, text, "attack") if e.perpetrator is not None]
    assert killing and all("kabul" not in {p.key for p in e.places} for e in killing)


def test_ages_of_the_dead_are_no_toll(builder):
    figures = events(builder, "وكانت القتيلتان تبلغان 31 و57 من العمر بحسب الشرطة المحلية.", "casualty")
    assert not {f.count for f in figures} & {31, 57}


def test_attacks_a_disarmament_would_prevent_are_not_asserted(builder):
    text = "ونزع سلاح الميليشيات هو السبيل الوحيد لمنعها من أن تبقى أداة بيد طهران تعتدي على البحرين."
    assert all(e.modality != "asserted" for e in events(builder, text, "attack"))


def test_a_ban_on_pictures_of_a_bombing_leaves_the_bombing_asserted(builder):
    text = "وقررت المحكمة منع نشر صور تفجير السوق في مدينة كركوك الذي أسفر عن مقتل 12 شخصا."
    assert [e.modality for e in events(builder, text, "attack")] == ["asserted"]


def test_a_mother_of_five_arrested_is_no_five_captured(builder):
    figures = events(builder, "وقالت الشرطة إن المتهمة وهي أم لخمسة أطفال قد تم اعتقالها في منزلها بمدينة جدة.", "casualty")
    assert not [f for f in figures if f.count == 5]


@pytest.mark.parametrize("text,pairs", [
    # the subject of a reported clause keeps at, spreads or commits the wrong noun
    ("وأكدت الحكومة اليمنية أن الحوثيين يواصلون نشر الأكاذيب عن الجيش.", [("yemen", "houthis")]),
    ("وقال عادل الجبير إن قطر مارست التضليل الإعلامي طوال سنوات.", [("عادل الجبير", "qatar")]),
    # ...or starts or does it (بدأ ب، قام ب)
    ("وأكدت الحكومة اليمنية أن ميليشيا الحوثي بدأت بخرق الهدنة في الحديدة.", [("yemen", "houthis")]),
    ("وقال عادل الجبير إن قطر قامت بتمويل التحريض على المملكة.", [("عادل الجبير", "qatar")]),
    # one that suffers or refuses the wrong does no wrong
    ("وقال عادل الجبير إن إيران تتعرض لحملة تضليل واسعة.", []),
    ("وقال عادل الجبير إن إيران ترفض التحريض ضد جيرانها.", []),
])
def test_the_subject_of_a_reported_clause_does_the_wrong_its_verb_keeps_at(builder, text, pairs):
    assert accusation_names(builder, text) == pairs


@pytest.mark.parametrize("text,body", [
    # a colour adjective, then a country's, in a body's name
    ("وأفاد المتحدث باسم هيئة الهلال الأحمر الكويتي بأن خمسة مسعفين أصيبوا خلال الحريق.", "هيئة الهلال الأحمر الكويتي"),
    ("وقالت جمعية الصليب الأحمر إن فرقها نقلت عشرة جرحى إلى المستشفى.", "جمعية الصليب الأحمر"),
])
def test_a_colour_adjective_belongs_to_the_body_name(builder, text, body):
    assert body in mention_texts(builder, text)


def test_two_bodies_joined_by_waw_are_not_one_coloured_name(builder):
    text = "ووصلت قوات الشرطة والصليب الأحمر إلى موقع الانفجار بعد دقائق."
    assert "قوات الشرطة والصليب الأحمر" not in mention_texts(builder, text)


@pytest.mark.parametrize("text,body", [
    # a local body named by the place it serves, through منطقة or محافظة or directly
    ("وأعلن المتحدث باسم شرطة منطقة تبوك ضبط عصابة لسرقة السيارات.", "شرطة منطقة تبوك"),
    ("وذكرت شرطة محافظة الطائف أن حريقا اندلع في مستودع قديم.", "شرطة محافظة الطائف"),
    ("وقالت صحة جازان إن 6 أشخاص أصيبوا في حادث مروري.", "صحة جازان"),
])
def test_a_local_body_is_named_by_the_place_it_serves(builder, text, body):
    mentions = builder.extract([Document("t", text)])[0].mentions
    assert body in {m.span.text for m in mentions if m.kind == "actor"}
    assert any(m.kind == "place" and m.span.text in body for m in mentions)  # the place stays a place


def test_isaf_is_its_own_actor_within_nato(builder):
    attack, = events(builder, "وقصفت قوات إيساف مخبأ لطالبان في ولاية هلمند.", "attack")
    assert keys(attack.perpetrator) == "isaf" and builder.linker.registry.get("actor", "isaf").part_of == "nato"


@pytest.mark.parametrize("text,perpetrator", [
    # doers joined by و before the verb: the first leads them
    ("وأفاد مسؤول محلي بأن حركة الشباب وتنظيم القاعدة هاجما قاعدة عسكرية في جنوب الصومال.", "al_shabaab"),
    ("وأكد شهود أن الحوثيين وقوات صالح قصفوا حي الروضة في تعز.", "houthis"),
])
def test_the_first_of_doers_joined_by_waw_is_the_perpetrator(builder, text, perpetrator):
    attack, = events(builder, text, "attack")
    assert keys(attack.perpetrator) == perpetrator


@pytest.mark.parametrize("text,pairs", [
    # كان or قد between the one said to do a wrong and its verb
    ("وقال المتحدث باسم الحكومة السورية إن تركيا كانت تدعم الإرهاب في إدلب.", [("syria", "turkey")]),
    ("وصرح وزير الخارجية الروسي سيرغي لافروف بأن واشنطن قد انتهكت الاتفاق النووي.", [("lavrov", "usa")]),
])
def test_an_auxiliary_stands_between_the_wrongdoer_and_the_wrong(builder, text, pairs):
    assert accusation_pairs(builder, text) == pairs


@pytest.mark.parametrize("text,pairs", [
    # a crime committed in the passive, its doer after من قبل
    ("وطالبت منظمة العفو الدولية بمحاسبة المسؤولين عن الانتهاكات التي ارتكبت بحق السكان من قبل قوات النظام.",
     [("amnesty", "syrian_army")]),
    ("وندد عادل الجبير بالجرائم التي تم ارتكابها في تعز من قبل الميليشيات الحوثية.", [("عادل الجبير", "houthis")]),
])
def test_a_crime_in_the_passive_accuses_its_agent(builder, text, pairs):
    assert accusation_names(builder, text) == pairs


@pytest.mark.parametrize("text,attacks", [
    # a named man's attack on a body or a person, no one hurt and nowhere named: words
    ("وشن دونالد ترامب هجوما جديدا على شبكة سي إن إن.", 0),
    ("وشن زين الدين زيدان هجوما على الاتحاد الإسباني لكرة القدم بعد المباراة.", 0),
    # with a place named, a gunman's attack stays one
    ("وشن المسلح أحمد السيد هجوما على مركز للشرطة في العريش.", 1),
])
def test_a_mans_attack_on_a_body_with_no_harm_and_no_place_is_words(builder, text, attacks):
    assert len(events(builder, text, "attack")) == attacks


@pytest.mark.parametrize("opening", ["وفي العراق،", "ومن جهة أخرى،"])
def test_an_attack_in_a_new_story_is_not_the_one_told_before(builder, opening):
    text = ("وتواصل القوات التركية قصف مواقع حزب العمال الكردستاني في المنطقة الحدودية. "
            f"{opening} قتل 12 شخصا في تفجيرات ضربت أسواقا في الموصل.")
    assert {(keys(e.perpetrator), tuple(p.key for p in e.places)) for e in events(builder, text, "attack")} == {
        ("turkish_army", ()), (None, ("mosul",))}


@pytest.mark.parametrize("text,figures", [
    # و and the article after a word without it opens another clause, not more victims
    ("وأسفرت الاشتباكات عن أسر ثلاثة أطفال والاستيلاء على سيارتين.", {(3, "captured", "أطفال")}),
    # after a definite word it goes on naming them
    ("وقتل أربعة من عناصر الأمن والجيش في الهجوم.", {(4, "killed", "عناصر الأمن والجيش")}),
])
def test_a_victim_group_ends_at_and_the_after_a_bare_word(builder, text, figures):
    assert {(e.count, e.outcome, e.group) for e in events(builder, text, "casualty")} == figures


@pytest.mark.parametrize("text", [
    "وقتل أحد المتهمين بالسرقة لخاله في حي الشفا.",
    "وقتل اثنان من الشبان لوالدهما بعد خلاف على الميراث.",
])
def test_a_number_before_the_kin_they_killed_counts_killers(builder, text):
    assert events(builder, text, "casualty") == []


@pytest.mark.parametrize("opening", ["إلى ذلك،", "وفي غضون ذلك،"])
def test_a_story_opened_between_two_tellings_keeps_them_apart(builder, opening):
    # the clash told after the new story opened names no place: it is not the attack before it
    text = ("وهاجم مسلحو حزب العمال الكردستاني مركزا للشرطة في ديار بكر. "
            f"{opening} أعلنت السلطات في أنقرة تشديد الإجراءات على المعابر. "
            "واندلعت مواجهات بين مسلحي حزب العمال الكردستاني والجيش التركي أسفرت عن مقتل أربعة جنود.")
    assert {(keys(e.perpetrator), keys(e.target), tuple(p.key for p in e.places))
            for e in events(builder, text, "attack")} == {("pkk", None, ("diyarbakir",)), ("pkk", "turkish_army", ())}


@pytest.mark.parametrize("text", [
    "وسقط مقذوف عسكري أطلق من داخل الأراضي اليمنية على منزل بمدينة نجران.",
    "واستشهد مواطن في نجران بمقذوف من داخل اليمن.",
])
def test_a_projectile_is_an_attack_where_it_fell(builder, text):
    assert [[p.key for p in e.places] for e in events(builder, text, "attack")] == [["najran"]]


@pytest.mark.parametrize("text,perp", [
    ("وقال مسؤول تركي إن الهجوم على مركز الشرطة في اسطنبول مرتبط بحزب العمال الكردستاني.", "pkk"),
    ("وأكدت الشرطة أن التفجير مرتبط بتنظيم داعش.", "isis"),
])
def test_an_attack_linked_to_an_actor_was_done_by_it(builder, text, perp):
    assert [(keys(e.perpetrator), keys(e.target)) for e in events(builder, text, "attack")] == [(perp, None)]


@pytest.mark.parametrize("text,places", [
    # a dual place head names two places, the second after و
    ("وقصفت الطائرات قريتي المزرعة والحمراء في ريف حماة.", {"المزرعة", "الحمراء", "ريف حماة"}),
    ("وحاصرت الفصائل بلدتي كفريا والفوعة في ريف إدلب.", {"كفريا", "الفوعة", "ريف إدلب"}),
])
def test_a_dual_place_head_names_two_places(builder, text, places):
    assert {m.span.text for m in builder.extract([Document("t", text)])[0].mentions if m.kind == "place"} == places


def test_the_one_after_min_of_a_passive_attack_noun_did_it(builder):
    text = "وقال النائب إن الأردن يتم استهدافه من تنظيم داعش منذ سنوات."
    assert [(keys(e.perpetrator), keys(e.target)) for e in events(builder, text, "attack")] == [("isis", None)]


def test_a_weekday_after_a_facility_head_names_no_facility(builder):
    text = "وانفجرت عبوة ناسفة في المسجد الجمعة الماضية أثناء صلاة الظهر في مدينة الحلة."
    assert "المسجد الجمعة" not in mention_texts(builder, text)
    assert [[p.key for p in e.places] for e in events(builder, text, "attack")] == [["hilla"]]


def test_a_place_that_is_also_a_word_in_quotes_after_its_head(builder):
    text = "وقصفت طائرات التحالف معسكرا للانقلابيين في محافظة «إب» وسط البلاد."
    assert [[p.key for p in e.places] for e in events(builder, text, "attack")] == [["ibb"]]


def test_a_far_point_of_reference_is_not_where_even_when_alone(builder):
    text = "وهاجم مسلحو حركة الشباب حاجزا للشرطة في منطقة نائية تبعد 400 كلم عن مقديشو."
    assert [(keys(e.perpetrator), e.places) for e in events(builder, text, "attack")] == [("al_shabaab", [])]


def test_a_spokesman_named_after_his_title_reports_not_the_first_source(builder):
    text = ("وقال المتحدث باسم المقاومة الشعبية علي السقاف إن المعارك مستمرة في لحج. "
            "وفي أبين، أعلن المتحدث باسم الوحدات الموالية للحكومة محمد الحميدي مقتل خمسة مسلحين في كمين.")
    assert [e.reported_by.span.text for e in events(builder, text, "casualty")] == ["محمد الحميدي"]


@pytest.mark.parametrize("text", [
    "ونقلت وكالة الأنباء الأردنية عن نقابة المحامين قولها في بيان إن 13 محاميا اعتقلوا في عمان.",
    "ونقلت وكالة الأنباء الأردنية الرسمية، عن نقابة المحامين أن 13 محاميا اعتقلوا في عمان.",
])
def test_a_relaying_agency_is_not_the_source_named_after_an(builder, text):
    assert [e.reported_by.span.text for e in events(builder, text, "casualty")] == ["نقابة المحامين"]


@pytest.mark.parametrize("text,reporter", [
    # a participle of speech reports for the one right before it, never for a name after it
    ("قتل 6 أشخاص في قصف على بلدة داريا، ومعلومات مؤكدة عن جرحى من قوات النظام.", None),
    ("وأضاف الحربي مؤكدا أن 4 مدنيين أصيبوا في الانفجار الذي وقع في مدينة القطيف.", "الحربي"),
])
def test_a_participle_of_speech_has_its_speaker_before_it(builder, text, reporter):
    (figure,) = events(builder, text, "casualty")
    assert (figure.reported_by.span.text if figure.reported_by else None) == reporter


@pytest.mark.parametrize("text", [
    # who claims an attack owns it: no source of the figures told after
    "وأعلن تنظيم داعش مسؤوليته عن التفجير الذي استهدف سوقا شعبية. وقتل في التفجير خمسة أشخاص وأصيب عشرة.",
    # a sentence on another story takes no source from the one before
    "وقال المتحدث باسم الجيش الباكستاني إن مسلحين هاجموا نقطة تفتيش. من جهة أخرى، قتل ثلاثة أشخاص في حادث "
    "سير قرب مدينة لاهور.",
    # condolences conveyed past an aside report nothing
    "نقل ولي العهد الأمير محمد بن سلمان، خلال اجتماعه أمس بقادة الأمن، تعازي خادم الحرمين الشريفين لأسر ضحايا "
    "التفجير الذي وقع في مسجد بمدينة أبها وأسفر عن مقتل 12 شخصا.",
    # the place an envoy is sent to does not speak
    "المبعوث الأممي إلى ليبيا يعلن مقتل 20 مهاجرا في غرق قارب.",
])
def test_figures_with_no_source_of_their_own(builder, text):
    assert {e.reported_by for e in events(builder, text, "casualty")} == {None}


def test_a_number_after_the_noun_it_counts_in_a_list_of_victims_is_part_of_the_figure(builder):
    text = ("وأضاف المسؤول أن المعلومات تشير إلى مقتل 12 شخصا على الأقل خلال الهجوم من بينهم نساء وشرطي واحد "
            "على الأقل، مضيفا أن 20 شخصا آخرين أصيبوا بجروح.")
    assert [(e.count, e.outcome) for e in events(builder, text, "casualty")] == [
        (12, "killed"), (1, "killed"), (20, "injured")]


def test_what_one_went_as_far_as_doing_names_the_condemned_and_the_attacker(builder):
    text = "وجدد المجلس إدانة الكويت لما أقدمت عليه ميليشيات الحوثي من قصف للقرى الحدودية في جازان."
    assert accusation_names(builder, text) == [("kuwait", "houthis")]
    assert [keys(e.perpetrator) for e in events(builder, text, "attack")] == ["houthis"]


@pytest.mark.parametrize("text,pair", [
    # the pronoun on the accusation is who accuses; with لها, the one his words were against or
    # who rejects them
    ("رفضت مصر تصريحات النائب العراقي حسن السنيد واتهامه لها بدعم الإرهاب.", ("حسن السنيد", "egypt")),
    ("وانتقدت الخارجية الإيرانية تصريحات جون كيري واتهامه لطهران بدعم الإرهاب.", ("kerry", "iran")),
])
def test_an_accusation_noun_whose_pronoun_is_its_agent(builder, text, pair):
    assert pair in accusation_names(builder, text)


@pytest.mark.parametrize("text", [
    "رفضت الحكومة تصريحات الوزير السابق واتهامه بالفساد.",  # he was accused, by no one named
    # unnamed politicians accuse; the plural pronoun is not the man named before it
    "قلل الحزب من انتقادات بعض الساسة للرئيس الفرنسي السابق نيكولا ساركوزي واتهاماتهم له بنشر الفوضى.",
])
def test_an_accusation_noun_with_an_unnamed_agent_names_no_accuser(builder, text):
    assert all(e.accuser is None or "ساركوزي" not in e.accuser.span.text for e in events(builder, text, "accusation"))
    assert not any(e.trigger.text.startswith("واتهام") for e in events(builder, text, "accusation"))


@pytest.mark.parametrize("text", [
    "واحتجز المسلحون الباحث الفرنسي واعتبارا من 1974 أصبح رهينة لدى الجماعة.",  # a year on from which
    "وشهدت المنطقة حروبا قتل فيها كثيرون بين عامي 1859 و1869 في الشرق.",  # a span of years
    "ويخدم المشروع نحو 12,000 أسر زراعية في المنطقة بعد اختطاف المهندسين.",  # families, not captures
    "وقال الجيش إن الغارات دمرت 9 مستودعات للأسلحة في الرمادي.",  # depots
])
def test_years_families_and_depots_are_no_casualty_figures(builder, text):
    assert events(builder, text, "casualty") == []


def test_the_towns_a_place_lies_between_are_not_where(builder):
    text = "وقتل جندي في انفجار عبوة ناسفة في بلدة الشرقاط الواقعة بين الموصل وتكريت."
    assert [[p.key for p in e.places] for e in events(builder, text, "attack")] == [["sharqat"]]


@pytest.mark.parametrize("text,pairs", [
    # a criticism noun's owner, past a title, criticises the one after ضد
    ("وأثارت انتقادات الرئيس الأمريكي دونالد ترامب ضد المكسيك غضبا واسعا.", [("trump", "mexico")]),
    ("ورد الوزير على هجمات الإعلامي المصري إبراهيم عيسى وانتقادات الكاتب عمرو أديب ضد قطر.", [("عمرو أديب", "qatar")]),
])
def test_a_criticism_nouns_owner_criticises_the_one_after_against(builder, text, pairs):
    assert accusation_names(builder, text) == pairs


def test_a_trigger_word_that_opens_a_players_name_accuses_no_one(builder):
    text = "وضمت التشكيلة المثالية بنزيما من ريال مدريد وادين هازار من تشلسي."  # Eden, not "and I condemn"
    assert accusation_pairs(builder, text) == []


def test_a_plot_with_the_article_is_threatened(builder):
    text = "واعترف المتهمون بأن المخطط كان يقضي بتفجير سيارة مفخخة قرب السفارة في عمان."
    attacks = events(builder, text, "attack")
    assert attacks and all(a.modality == "threatened" for a in attacks)


@pytest.mark.parametrize("text", [
    # vehicles, committees and films a number counts are no victims
    "وكمن المسلحون لقافلة عسكرية واستهدفوا 4 مدرعات للجيش مما أدى إلى إصابة ضابط.",
    "وقتل البطل في معظم أدواره على امتداد 45 فيلما.",
    # the end of a span of years is no count
    "ومنذ عام 1990 إلى 2004 لم يعتقل زعيم الجماعة.",
])
def test_things_and_years_counted_near_an_outcome_are_no_casualties(builder, text):
    assert events(builder, text, "casualty") == []


@pytest.mark.parametrize("text,figures", [
    # an indefinite ordinal after a word counts one more person, named before it
    ("وقتل رجلان في إطلاق النار وأصيب ثالث بجروح خطيرة.", {(2, "killed", "رجلان"), (1, "injured", None)}),
    ("وأعلنت الشرطة توقيف متهم ثالث في قضية السطو.", {(1, "captured", "متهم")}),
    # not after a preposition, not the third of a kind, not with the article
    ("واعتقل 5 أشخاص في ثالث أيام الاحتجاجات.", {(5, "captured", "أشخاص")}),
    ("وتعد هذه ثالث عملية خطف في المنطقة خلال العام.", set()),
    ("وأصيب الحارس للمرة الثالثة هذا الموسم.", set()),
])
def test_an_ordinal_counts_one_more(builder, text, figures):
    assert {(e.count, e.outcome, e.group) for e in events(builder, text, "casualty") if e.modality == "asserted"} == figures


@pytest.mark.parametrize("text,figures", [
    # a carried-out sentence in "one of" the convicts counts him
    ("ونفذت السلطات حكم الإعدام في أحد المدانين بجرائم السطو المسلح في جازان.", {(1, "killed")}),
    # ...not a sentence passed, nor one of the places where it was carried out
    ("وأصدرت المحكمة حكما بالإعدام في أحد المتهمين.", set()),
    ("وجرى تنفيذ حكم الإعدام في أحد الأماكن العامة.", set()),
])
def test_an_execution_in_one_of_the_convicts_counts_him(builder, text, figures):
    assert {(e.count, e.outcome) for e in events(builder, text, "casualty") if e.modality == "asserted"} == figures


def test_a_city_glued_to_bi_after_an_attack_noun_is_where_not_whom(builder):
    attack, = events(builder, "وتبنى تنظيم داعش تفجيرا ببيروت أوقع 12 قتيلا.", "attack")
    assert attack.target is None and "beirut" in {p.key for p in attack.places}


@pytest.mark.parametrize("text,pairs", [
    # the pronoun on إن is the one the source speaks about after عن, not the source
    ("وقال بشار الأسد عن رجب طيب أردوغان إنه يتحمل مسؤولية ما جرى في إدلب.", [("assad", "erdogan")]),
    ("وقال الرئيس الأمريكي دونالد ترامب عن بشار الأسد إنه يكذب على العالم.", [("trump", "assad")]),
    # without عن the pronoun is the source itself
    ("وقال بشار الأسد إنه يتحمل مسؤولية حماية البلاد.", []),
])
def test_the_one_spoken_about_is_the_pronoun_on_inna(builder, text, pairs):
    assert accusation_pairs(builder, text) == pairs


@pytest.mark.parametrize("text,perpetrator", [
    # the one accused of the deed did the attack the deed names, as its accuser says
    # (a telling of another attack joins the one of its own sentence: one attack)
    ("أنقرة تتهم حزب العمال الكردستاني بتفجير حافلة للشرطة في هجوم جديد", "pkk"),
    ("واتهمت الحكومة التركية حزب العمال الكردستاني بتنفيذ الهجوم على مركز للشرطة في وان.", "pkk"),
])
def test_the_accused_of_the_deed_did_its_attack(builder, text, perpetrator):
    assert [keys(e.perpetrator) for e in events(builder, text, "attack")] == [perpetrator]


def test_a_participle_of_speech_reports_what_the_subject_of_the_first_verb_says(builder):
    """ورد X على Y، قائلا إن: X speaks, not Y, the comma's nearest name."""
    text = "ورد وزير الخارجية البحريني على نظيره القطري، مؤكدا أن الحوثيين ارتكبوا جرائم في مدينة تعز."
    assert accusation_pairs(builder, text) == [("bahrain", "houthis")]


def test_a_possessive_on_a_crime_does_not_reach_back_across_an_an_clause(builder):
    """الإرهابيين يعتقدون بأنهم بجريمتهم: the pronoun is the new clause's subject, unnamed."""
    text = ("وقال وزير الداخلية البحريني إن التفجير استهدف مسجدا لقوات الأمن السعودية، مضيفا أن المجرمين يظنون "
            "أنهم بجريمتهم يهزون وحدة المنطقة.")
    assert not events(builder, text, "accusation")


@pytest.mark.parametrize("text,perpetrator", [
    ("وقال المتحدث إن بريطانيا وحلفاءها قصفوا مواقع تنظيم داعش قرب مدينة الموصل.", "uk"),
    ("وتشن فرنسا وشركاؤها غارات على مواقع التنظيم في مدينة الرقة.", "france"),
])
def test_a_country_with_its_allies_is_who_attacks_not_where(builder, text, perpetrator):
    attack, = events(builder, text, "attack")
    assert keys(attack.perpetrator) == perpetrator
    assert perpetrator not in {keys(p) for p in attack.places}


@pytest.mark.parametrize("text,pairs", [
    ("ويدين نادي تشيلسي بفوزه إلى المهاجم الإسباني دييغو كوستا.", []),  # owes his win to
    ("وتدين الولايات المتحدة بشدة الهجوم الذي نفذه تنظيم داعش.", [("usa", "isis")]),  # condemns strongly
])
def test_yadin_with_what_is_owed_and_to_whom_is_owing(builder, text, pairs):
    assert accusation_pairs(builder, text) == pairs


@pytest.mark.parametrize("text,pairs", [
    # the participle describes the unnamed people before it; the group is in the charge
    ("وأوقفت الشرطة الفرنسية 12 شخصا متهمين بالارتباط بتنظيم القاعدة.", []),
    ("وقالت الحكومة العراقية في بيان، متهمة تنظيم داعش بارتكاب جرائم قتل.", [("iraq", "isis")]),
])
def test_a_participle_with_its_charge_right_after_accuses_the_one_before(builder, text, pairs):
    assert accusation_pairs(builder, text) == pairs


@pytest.mark.parametrize("text,pairs", [
    ("أدان السفير أحمد الزبيدي مندوب العراق لدى الأمم المتحدة الجرائم التي يرتكبها تنظيم داعش بحق المدنيين.",
     [("أحمد الزبيدي", "isis")]),
    ("واتهم السفير خالد العنزي مندوب الكويت لدى الجامعة العربية إيران بدعم الإرهاب.", [("خالد العنزي", "iran")]),
])
def test_the_state_and_body_in_the_accusers_title_are_not_accused(builder, text, pairs):
    assert accusation_names(builder, text) == pairs


@pytest.mark.parametrize("text,pairs", [
    # a title, or the body in it, then the person who holds it: one side, not two
    ("انتقد إمام وخطيب المسجد الحرام الشيخ سعود الشريم، معارضي قرار منع التجول في الأسواق.", []),
    ("وأوضح المتحدث الرسمي لوزارة الصحة خالد المرغلاني أن الوزارة ستحاسب من يثبت تورطه في الإهمال.", []),
    # a party with its adjectives, then whom it accuses
    ("واتهم حزب الشعب الديموقراطي التركي الموالي للاكراد اردوغان باستخدام الضربات الجوية غطاء.",
     [("حزب الشعب الديموقراطي", "erdogan")]),
])
def test_a_title_and_the_person_who_holds_it_are_not_accuser_and_accused(builder, text, pairs):
    assert accusation_names(builder, text) == pairs


@pytest.mark.parametrize("text", [
    "وقال شقيق الرائد خالد العمري إنه رفع شكوى ضد حزب الله لدى المحكمة.",
    "وانتقد جد الطالب فهد السبيعي وزارة الصحة بسبب تأخر علاجه.",
])
def test_a_person_named_for_his_kin_neither_accuses_nor_is_accused(builder, text):
    assert accusation_names(builder, text) == []


@pytest.mark.parametrize("text,pairs", [
    ("وأدانت الخارجية القطرية إحراق الشاب الفلسطيني في قرية قصرة.", []),  # the victim's people
    ("وأدانت الجامعة العربية خطف مواطنين أتراك في بغداد.", []),
    ("وأدانت الجامعة العربية القصف الإسرائيلي على قرية قصرة.", [("arab_league", "israel")]),  # the doer's
])
def test_a_country_adjective_on_whom_a_deed_was_done_to_is_not_condemned(builder, text, pairs):
    assert accusation_pairs(builder, text) == pairs


def test_a_country_adjective_on_whom_an_assassination_hit_did_not_do_it(builder):
    attack, = events(builder, "وأدانت الخارجية اغتيال الصحفي الفلسطيني في مدينة نابلس.", "attack")
    assert attack.perpetrator is None


@pytest.mark.parametrize("text", [
    "وقالت إن الصحيفة انتقدت موقف أوباما تجاه إيران.",  # the paper criticised Obama's stance
    "وواجهت الحكومة أصواتا انتقدت سياسة الرياض تجاه اليمن.",
])
def test_who_owns_the_stance_criticised_does_not_criticise(builder, text):
    assert events(builder, text, "accusation") == []


@pytest.mark.parametrize("text,pairs", [
    ("وانتقد وزير الدفاع البريطاني الجنرال مايكل فالون روسيا بسبب ضرباتها في سوريا.", [("مايكل فالون", "russia")]),
    ("واتهم وزير الإعلام اليمني الدكتور معمر الإرياني إيران بتهريب الأسلحة.", [("معمر الإرياني", "iran")]),
    ("وانتقد وزير الخارجية الفرنسي الأسبق دومينيك دوفيلبان روسيا بسبب ضرباتها في سوريا.", [("دومينيك دوفيلبان", "russia")]),
])
def test_a_title_and_a_rank_before_a_name_are_one_person(builder, text, pairs):
    assert accusation_names(builder, text) == pairs


@pytest.mark.parametrize("text,perpetrator,target", [
    # the genitive after استهداف is its doer when what was hit follows as a bare noun
    ("وقتل ثلاثة مدنيين بعد استهداف جبهة النصرة مواقع قوات النظام في ريف إدلب.", "hts", "syrian_army"),
    ("وأدانت الحكومة استهداف قوات النظام السوري في ريف إدلب.", None, "syrian_army"),  # else it was hit
])
def test_an_object_noun_with_its_doer_and_a_bare_object(builder, text, perpetrator, target):
    attack, = events(builder, text, "attack")
    assert (keys(attack.perpetrator), keys(attack.target)) == (perpetrator, target)


@pytest.mark.parametrize("text,perpetrator,target", [
    ("وهاجم العشرات من عناصر حركة الشباب قاعدة عسكرية قرب مدينة كيسمايو.", "al_shabaab", None),
    ("وصد الجيش هجوما نفذه نحو 200 من مقاتلي حركة الشباب على بلدة بارديري.", "al_shabaab", None),
    ("وخاضت القوات الصومالية اشتباكات مع مقاتلين من حركة الشباب قرب بلدة بارديري.", "somali_army", "al_shabaab"),
    # a noun with the article takes no genitive: what follows is its verb's object
    ("واستهدفت الغارات العشرات من عناصر حركة الشباب قرب بلدة بارديري.", None, None),
])
def test_some_of_a_bodys_members_name_the_body_as_a_side(builder, text, perpetrator, target):
    attack, = events(builder, text, "attack")
    assert (keys(attack.perpetrator), keys(attack.target)) == (perpetrator, target)


@pytest.mark.parametrize("text", [
    "وتجمع نحو ثلاثمئة شخص أمام السفارة احتجاجا على مقتل الشاب في مدينة ميسوري.",  # protesters
    "ووافقت اللجنة على صرف تعويض 12 عقارا في حي الشهداء بمدينة الطائف.",  # things counted
    "وقال الناشطون إن الصيادين قتلوا نحو 300 حوت في المحيط خلال الموسم.",  # animals
])
def test_protesters_and_properties_are_no_casualties(builder, text):
    assert events(builder, text, "casualty") == []


def test_a_verb_form_after_a_campaign_word_is_the_noun(builder):
    """حملات قصف طيران النظام: the shelling by the regime's air force, not "was shelled"."""
    text = "وتتواصل حملات قصف طيران النظام السوري على تجمعات تنظيم داعش في ريف حمص الشرقي."
    assert [(keys(a.perpetrator), keys(a.target)) for a in events(builder, text, "attack")] == [("syrian_army", "isis")]


@pytest.mark.parametrize("text,pairs", [
    # the article names no country but its places lie in one: that state's authorities
    ("وقتل ثلاثة جنود في تفجير بمدينة سروج نسبته السلطات إلى حزب العمال الكردستاني.", [("turkey", "pkk")]),
    ("وأعلنت الحكومة التركية الحداد. وكانت السلطات نسبت التفجير إلى حزب العمال الكردستاني.", [("turkey", "pkk")]),
])
def test_bare_authorities_attribute_for_the_state_the_article_is_about(builder, text, pairs):
    assert [p for p in accusation_pairs(builder, text)] == pairs


def test_whom_a_condemned_assassination_hit_is_not_condemned(builder):
    text = "واستنكرت الحكومة اللبنانية اغتيال زعيم حركة حماس في مدينة صيدا."
    assert events(builder, text, "accusation") == []
    attack, = events(builder, text, "attack")
    assert (keys(attack.perpetrator), keys(attack.target)) == (None, "hamas")


def test_whom_a_side_is_loyal_to_exchanges_no_accusations(builder):
    text = "وتبادلت الحكومة الليبية ومسلحون موالون لتركيا الاتهامات بخرق الهدنة."
    assert not any(keys(e.accuser) == "turkey" or keys(e.accused) == "turkey" for e in events(builder, text, "accusation"))


def test_a_generic_subject_after_the_verb_is_not_replaced_by_one_who_spoke_before(builder):
    text = "وقال وزير الخارجية الإيراني محمد جواد ظريف إن بلاده تدعم الحوار. وتتهم معظم الدول الغربية طهران بتطوير أسلحة نووية."
    assert events(builder, text, "accusation") == []


@pytest.mark.parametrize("text", [
    "واستنكر رئيس الهيئة العليا للإغاثة الدكتور سامي الحربي التفجير الإرهابي الذي استهدف المصلين.",
    "وشجب مدير عام فرع وزارة الصحة بمنطقة جازان خالد الزهراني العمل الإرهابي الذي استهدف المسجد.",
])
def test_the_person_named_after_a_bodys_title_condemns_and_is_not_condemned(builder, text):
    assert events(builder, text, "accusation") == []


@pytest.mark.parametrize("text", [
    # the paper obtained the statement: it does not hold anyone responsible
    ("وأصدرت الهيئة بيانا حصلت «الرياض» على نسخة منه، محملة ميليشيات الحوثي المسؤولية عن سلامة المختطفين "
     "الذين نقلتهم من معسكر لبوزة."),
    # the paper he spoke to is not accused
    ("وأكد المسؤول اليمني أن الميليشيات نقلت المختطفين إلى صنعاء، مشيرا في تصريح لـ«الرياض» إلى "
     "أن الحوثيين يخططون لاستخدامهم دروعا بشرية."),
])
def test_an_outlet_that_obtained_or_heard_the_words_neither_accuses_nor_is_accused(builder, text):
    assert not any(e.accuser.span.text == "الرياض" or e.accused.span.text == "الرياض"
                   for e in events(builder, text, "accusation"))


@pytest.mark.parametrize("text,perpetrator,target", [
    ("وقال الكاتب إن غزو الكويت من قبل الجيش العراقي غير خريطة المنطقة.", "iraqi_army", "kuwait"),  # the invaded
    ("وأدى الغزو الأمريكي للعراق إلى مقتل آلاف المدنيين.", "usa", "iraq"),
])
def test_the_name_after_an_invasion_is_who_was_invaded(builder, text, perpetrator, target):
    attack, = events(builder, text, "attack")
    assert (keys(attack.perpetrator), keys(attack.target)) == (perpetrator, target)


@pytest.mark.parametrize("text", [
    "وأدان المبعوث في تصريح عقب لقائه بوزير الخارجية الإسباني خوسيه مانويل ألباريس في مدريد اختطاف الرهائن.",
    "وأدانت السعودية خلال اتصال مع الرئيس الفرنسي الهجمات الإرهابية التي شهدتها باريس.",
])
def test_whom_the_condemner_met_or_called_is_not_condemned(builder, text):
    assert events(builder, text, "accusation") == []
