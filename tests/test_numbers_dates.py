"""kg.extract.numbers and kg.extract.dates on sentences written for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from kg.extract.dates import DateMatch, document_date, find_dates, weekday_of
from kg.extract.numbers import NumberMatch, find_numbers, is_vague_amount
from kg.nlp.tokenize import split_sentences, tokenize_words


def nums(text: str) -> list[tuple[int, str]]:
    """(value, the exact text the match covers) for every number."""
    return [(m.value, text[m.start : m.end]) for m in find_numbers(text, tokenize_words(text))]


def one(text: str) -> NumberMatch:
    found = find_numbers(text, tokenize_words(text))
    assert len(found) == 1, found
    return found[0]


def dates(text: str, reference: date | None = None) -> list[tuple[date, str, str]]:
    return [(m.date, m.precision, text[m.start : m.end]) for m in find_dates(text, reference)]


# --- digits -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("قُتل 77 شخصاً في القصف.", [(77, "77")]),
        ("أصيب ٣١ مدنياً بجروح", [(31, "٣١")]),
        ("۱۲ کشته در حمله", [(12, "۱۲")]),  # Persian digits
        ("دمرت الغارات 1,200 منزل", [(1200, "1,200")]),
        ("دمرت الغارات 1.200 منزل", [(1200, "1.200")]),
        ("نزح ١٬٢٠٠ شخص", [(1200, "١٬٢٠٠")]),
        ("نزح 1,250,000 شخص", [(1250000, "1,250,000")]),
        ("وثّق المرصد مقتل /40/ عنصراً من قوات النظام", [(40, "40")]),
        ("قتل 12 وأصيب و٣١ آخرون", [(12, "12"), (31, "٣١")]),
        ("استهدف الحاجز ب77 قذيفة", [(77, "77")]),
        ("استهدف الحاجز بـ77 قذيفة", [(77, "77")]),
        ("وصل العدد إلى 40 و1,200 جريح", [(40, "40"), (1200, "1,200")]),
        ("قتل 2000 شخص في المجاعة", [(2000, "2000")]),  # a 4-digit count, not a year
        ("1900 قتيل في أسبوع من المعارك", [(1900, "1900")]),  # a headline's count
        ("2011 والأزمة تتفاقم منذ أصيب 5 أشخاص", [(5, "5")]),  # the tail of a cut-off date
        ("1998، وقتل فيها 3 جنود", [(3, "3")]),
        ("وارتفع عدد الجرحى مقارنة بالنصف الأول من 2014؛ وقتل 6", [(6, "6")]),
        ("وقتل أكثر من 2000، وأصيب المئات", [(2000, "2000")]),
        ("وأصيب الشرطيان بجروح طفيفة", [(2, "الشرطيان")]),  # a dual with the article
    ],
)
def test_digits(text, expected):
    assert nums(text) == expected


def test_digit_offsets_skip_the_clitic():
    text = "وأصيب و٣١ مدنيا بـ77 شظية"
    first, second = find_numbers(text, tokenize_words(text))
    assert (first.start, first.end) == (text.index("٣١"), text.index("٣١") + 2)
    assert text[second.start : second.end] == "77"


@pytest.mark.parametrize(
    "text",
    [
        "ارتفع منسوب المياه 3.5 متر",
        "بلغت المسافة ٣٫٥ كيلومتر",
        "وسقط 2.75 ملم من الأمطار",
    ],
)
def test_decimals_are_not_counts(text):
    assert nums(text) == []


def test_decimal_times_a_multiplier_is_a_count():
    assert nums("نزح 1.5 مليون شخص") == [(1500000, "1.5 مليون")]


def test_clitic_number_split_by_tokenizer_is_skipped_whole():
    # "و3.5" tokenizes as "و3" "." "5": neither 3.5 nor the 5 is a count.
    assert nums("طول الجدار 10 أمتار و3.5 سنتيمتر") == [(10, "10")]


# --- words --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("قتل ثلاثة أشخاص", [(3, "ثلاثة")]),
        ("قتلت ثلاث نساء", [(3, "ثلاث")]),
        ("أصيب ثمانية جنود", [(8, "ثمانية")]),
        ("اعتقل اثنين من المطلوبين", [(2, "اثنين")]),
        ("فقد عشرة صيادين", [(10, "عشرة")]),
        ("قتل خمسة عشر مسلحا", [(15, "خمسة عشر")]),
        ("قتلت ثلاث عشرة امرأة", [(13, "ثلاث عشرة")]),
        ("اعتقل اثنا عشر شخصا", [(12, "اثنا عشر")]),
        ("أصيب أحد عشر طفلا", [(11, "أحد عشر")]),
        ("قتل ثلاثة وعشرون مدنيا", [(23, "ثلاثة وعشرون")]),
        ("أحصى المرصد واحدا وعشرين", [(21, "واحدا وعشرين")]),
        ("قتل مئة وخمسة وعشرين جنديا", [(125, "مئة وخمسة وعشرين")]),
        ("سقط مائة قتيل", [(100, "مائة")]),
        ("أسر مئتي مقاتل", [(200, "مئتي")]),
        ("نزح ثلاثمائة شخص", [(300, "ثلاثمائة")]),
        ("نزح ثلاث مئة شخص", [(300, "ثلاث مئة")]),
        ("نزحت ثلاثة آلاف عائلة", [(3000, "ثلاثة آلاف")]),
        ("فر ألفين من السكان", [(2000, "ألفين")]),
        ("ونزح أكثر من ألفي شخص من قراهم", [(2000, "ألفي")]),
        ("انتشر ألف جندي", [(1000, "ألف")]),
        ("شارك خمسة وعشرون ألفاً في المسيرة", [(25000, "خمسة وعشرون ألفاً")]),
        ("لجأ مئة ألف شخص", [(100000, "مئة ألف")]),
        ("لجأ مليون ونصف إلى الخارج", [(1500000, "مليون ونصف")]),
        ("نزح ألفين وخمسمائة شخص", [(2500, "ألفين وخمسمائة")]),
        ("نزح ثلاثة آلاف وخمسمائة شخص", [(3500, "ثلاثة آلاف وخمسمائة")]),
        ("سجل مليون ومئتا ألف لاجئ", [(1200000, "مليون ومئتا ألف")]),
        ("نزح مئة وخمسة عشر شخصا", [(115, "مئة وخمسة عشر")]),
    ],
)
def test_number_words(text, expected):
    assert nums(text) == expected


def test_word_with_clitic_and_diacritics():
    text = "قتل جنديان وثَلاثةُ مدنيين"
    assert nums(text) == [(2, "جنديان"), (3, "ثَلاثةُ")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("نزحت 3 آلاف عائلة", [(3000, "3 آلاف")]),
        ("تضرر ٢ مليون شخص", [(2000000, "٢ مليون")]),
        ("أحصت المنظمة ألف و500 حالة", [(1500, "ألف و500")]),
        ("أحصت المنظمة ألف و 500 حالة", [(1500, "ألف و 500")]),
        ("قتل مئة و20 شخصا", [(120, "مئة و20")]),
    ],
)
def test_mixed_digits_and_words(text, expected):
    assert nums(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("قتل 3 و5 جرحى", [(3, "3"), (5, "5")]),  # two digit counts are not summed
        ("قتل ثلاثة وخمسة جرحى", [(3, "ثلاثة"), (5, "خمسة")]),
        ("نزح 3 آلاف و2 مليون", [(3000, "3 آلاف"), (2000000, "2 مليون")]),
        ("قتل عشرون وخمسة", [(20, "عشرون"), (5, "خمسة")]),  # only unit + tens joins
    ],
)
def test_separate_numbers_are_not_joined(text, expected):
    assert nums(text) == expected


# --- duals --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, surface",
    [
        ("قتل جنديين في الهجوم", "جنديين"),
        ("أصيب شخصان بجروح", "شخصان"),
        ("استشهد طفلين", "طفلين"),
        ("وقتل عنصرين من الشرطة", "عنصرين"),
        ("اعتقل ضابطان", "ضابطان"),
        ("قتل رجلان وامرأتين", "رجلان"),
        ("قتل مدنيان في القصف", "مدنيان"),
        # a feminine dual is never a plural (that is -ات)
        ("اعتقلت مواطنتين من القدس", "مواطنتين"),
        ("أصيبت صحفيتان بجروح", "صحفيتان"),
    ],
)
def test_dual_nouns_count_two(text, surface):
    m = find_numbers(text, tokenize_words(text))[0]
    assert (m.value, text[m.start : m.end]) == (2, surface)


def test_dual_with_clitic_spans_the_dual_word():
    assert nums("قتل رجل وطفلين") == [(2, "طفلين")]


@pytest.mark.parametrize(
    "text",
    ["قتل مدنيين في القصف", "اشتبك مقاتلين من الفصيلين", "أصيب شرطيين", "اعتقل صحفيين", "قتل مواطنين", "وصل مسعفين"],
)
def test_ambiguous_duals_are_not_counted(text):
    assert nums(text) == []


@pytest.mark.parametrize("text", [
    "وقال إننا شعب عربي واحد ولن نقبل بالتقسيم",
    "ووقفت الدول الخليجية يدا واحدة أمام الأزمة",
    "وانفجرت العبوتان في آن واحد صباح أمس",
])
def test_one_that_means_united_or_same_is_no_count(text):
    assert nums(text) == []


@pytest.mark.parametrize("text", ["وتوفي بعد ابتلاع كمية كبيرة من الدواء", "وضبطت الشرطة كميات من المخدرات"])
def test_a_quantity_is_no_hundred(text):
    assert nums(text) == []  # كمية is not ك + مية (100)


def test_one_after_a_person_noun_still_counts():
    assert nums("وقتل شخص واحد في الحادث") == [(1, "واحد")]


# --- exclusions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "وقع الهجوم في يناير 2022",
        "وقع الهجوم في كانون الثاني 2022",
        "وقع الهجوم عام 2019",
        "تراجعت الأسعار خلال العام 2020",
        "بدأ النزاع سنة 2015",
        "تتواصل الحرب منذ 2011",
        "وقع الهجوم في 21 كانون الثاني",
        "وقع الهجوم يوم الخميس 20 يناير",
        "وقع الهجوم في الـ21 من آذار",
        "وقع الهجوم في 21/1/2022",
        "وقع الهجوم في 2022-01-21",
        "وقع الهجوم في ٢١/١/٢٠٢٢",
        "وقع الانفجار عند 10:30 صباحا",
        "وقع الانفجار في الساعة 10 صباحا",
        "ارتفعت الأسعار 50%",
        "ارتفعت الأسعار بنسبة %50",
        "ارتفعت الأسعار 50 ٪",
        "ارتفعت الأسعار 50 بالمئة",
        "ارتفعت الأسعار 20 في المئة",
        "ارتفعت الأسعار خمسين في المائة",
        "صدر القرار 2254 عن مجلس الأمن",
        "أطلقت صواريخ إس-400",
        "قتل ما بين 10-15 شخصا",
    ],
)
def test_dates_times_percentages_labels_are_not_counts(text):
    assert nums(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "انتهت الجولة الثانية من المفاوضات",
        "قتل في اليوم الثالث للمعارك",
        "للمرة الحادية عشرة",
        "في الذكرى الـ20 للثورة",
        "في القرن الحادي عشر والقرن الثالث عشر",
        "لم يصب أحد بأذى",
    ],
)
def test_ordinals_and_one_words_are_not_counts(text):
    assert nums(text) == []


@pytest.mark.parametrize("text", ["قتل أحد المقاتلين", "أصيبت إحدى النساء", "قتل شخص واحد",
                                  "قتلت امرأة واحدة", "قتل أحد كبار قادتها"])
def test_one_of_counts_one(text):
    # the guidelines' clarifications: أحد/واحد "one of" is a number word
    assert [v for v, _ in nums(text)] == [1]


@pytest.mark.parametrize(
    "text",
    [
        "قتل عشرات المدنيين",
        "نزح مئات الآلاف",
        "نزح عشرات الآلاف من السكان",
        "خرج الآلاف في مظاهرات",
        "فر آلاف السكان",
        "أصيب العشرات",
        "اعتقل عدد من الشبان",
        "قتل بضعة جنود",
        "قتل بضعة عشر جنديا",
        "أصيب بعض المارة",
    ],
)
def test_vague_amounts_produce_nothing(text):
    assert nums(text) == []


def test_is_vague_amount():
    assert is_vague_amount("عشرات الجنود")
    assert is_vague_amount("وعشرات الجنود")
    assert is_vague_amount(["مئات", "الآلاف"])
    assert is_vague_amount("عدد من المدنيين")
    assert not is_vague_amount("ثلاثة جنود")
    assert not is_vague_amount("عدد القتلى")
    assert not is_vague_amount([])


def test_dates_and_counts_in_one_sentence():
    text = "قتل 5 أشخاص في 21 كانون الثاني 2022 وأصيب 12 آخرون"
    assert nums(text) == [(5, "5"), (12, "12")]


# --- qualifiers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, qualifier, phrase",
    [
        ("قتل أكثر من 50 شخصا", "at_least", "أكثر من 50"),
        ("قتل أكثر 70 مقاتلا", "at_least", "أكثر 70"),  # من left out, as the press sometimes does
        ("قتل ما لا يقل عن 12 مدنيا", "at_least", "ما لا يقل عن 12"),
        ("قتل لا يقل عن 12 مدنيا", "at_least", "لا يقل عن 12"),
        ("قتل ما يزيد على 30 شخصا", "at_least", "ما يزيد على 30"),
        ("قتل أزيد من ٤٠ شخصا", "at_least", "أزيد من ٤٠"),
        ("ارتفعت الحصيلة لأكثر من 60 قتيلا", "at_least", "أكثر من 60"),
        ("قتل نحو 30 شخصا", "approximate", "نحو 30"),
        ("قدرت الخسائر بنحو ثلاثين قتيلا", "approximate", "نحو ثلاثين"),
        ("قتل حوالى 20 شخصا", "approximate", "حوالى 20"),
        ("قتل حوالي 20 شخصا", "approximate", "حوالي 20"),
        ("قتل قرابة 200 شخص", "approximate", "قرابة 200"),
        ("قتل زهاء ألف شخص", "approximate", "زهاء ألف"),
        ("قتل ما يقارب 70 شخصا", "approximate", "ما يقارب 70"),
        ("قتل ما يقرب من 70 شخصا", "approximate", "ما يقرب من 70"),
        ("قد يصل العدد حتى 100 قتيل", "up_to", "حتى 100"),
        ("قد يرتفع العدد إلى ما يصل إلى 100 قتيل", "up_to", "إلى ما يصل إلى 100"),
        ("قد يرتفع العدد ما يصل إلى 100 قتيل", "up_to", "ما يصل إلى 100"),
        ("قتل أكثر من جنديين", "at_least", "أكثر من جنديين"),
    ],
)
def test_qualifier_before(text, qualifier, phrase):
    m = one(text)
    assert m.qualifier == qualifier
    assert text[m.qualifier_start : m.end] == phrase


@pytest.mark.parametrize(
    "text, qualifier",
    [
        ("قتل 10 أشخاص على الأقل", "at_least"),
        ("قتل 10 على الأقل", "at_least"),
        ("قتل 10 أشخاص مدنيين، على الأقل", "at_least"),
        ("قتل خمسون شخصا تقريبا", "approximate"),
    ],
)
def test_qualifier_after(text, qualifier):
    m = one(text)
    assert m.qualifier == qualifier
    assert m.qualifier_start > m.end
    assert text[m.qualifier_start :].startswith(("على الأقل", "تقريبا"))


def test_a_qualifier_past_a_comma_of_another_clause_is_not_the_figures():
    m = one("وسجلت 30 إصابة، ثلثها تقريبا من الأطفال")  # about a third, not about 30
    assert (m.qualifier, m.qualifier_start) == ("exact", None)


@pytest.mark.parametrize(
    "text",
    [
        "قتل 10 أشخاص",
        "قتل 10 أشخاص من سكان القرية المجاورة على الأقل",  # too far
        "قتل 10 أشخاص. على الأقل هذا ما قيل",  # next sentence
        "حتى الآن قتل 5 أشخاص",  # not right before the number
    ],
)
def test_exact_when_no_qualifier_applies(text):
    m = one(text)
    assert (m.qualifier, m.qualifier_start) == ("exact", None)


def test_after_qualifier_belongs_to_the_nearest_number():
    text = "قتل 3 وجرح 5 على الأقل"
    first, second = find_numbers(text, tokenize_words(text))
    assert (first.value, first.qualifier) == (3, "exact")
    assert (second.value, second.qualifier) == (5, "at_least")


def test_sentence_tokens_keep_offsets_into_the_whole_text():
    text = "وقع الهجوم صباحا. قتل أكثر من 50 شخصا وأصيب ثلاثة آلاف."
    second = split_sentences(text)[1]
    found = find_numbers(text, list(second.tokens))
    assert [(m.value, text[m.start : m.end], m.qualifier) for m in found] == [
        (50, "50", "at_least"),
        (3000, "ثلاثة آلاف", "exact"),
    ]


def test_match_is_frozen():
    m = one("قتل 7 أشخاص")
    with pytest.raises(AttributeError):
        m.value = 8  # type: ignore[misc]


# --- dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected_date, surface",
    [
        ("وقع الهجوم في 21 كانون الثاني 2022", date(2022, 1, 21), "21 كانون الثاني 2022"),
        ("وقع الهجوم في ٢١ يناير ٢٠٢٢", date(2022, 1, 21), "٢١ يناير ٢٠٢٢"),
        ("في 19 كانون الثاني/يناير 2022", date(2022, 1, 19), "19 كانون الثاني/يناير 2022"),
        ("في 19 كانون الثاني (يناير) 2022", date(2022, 1, 19), "19 كانون الثاني (يناير) 2022"),
        ("دمشق - الخميس 20 يناير 2022", date(2022, 1, 20), "الخميس 20 يناير 2022"),
        ("بيروت، الجمعة، 4 آب 2020", date(2020, 8, 4), "الجمعة، 4 آب 2020"),
        ("في الـ21 من آذار عام 2019", date(2019, 3, 21), "الـ21 من آذار عام 2019"),
        ("في 2022/01/21", date(2022, 1, 21), "2022/01/21"),
        ("في 21/1/2022", date(2022, 1, 21), "21/1/2022"),
        ("في 21-01-2022", date(2022, 1, 21), "21-01-2022"),
        ("في 21.1.2022", date(2022, 1, 21), "21.1.2022"),
        ("في ٢١/١/٢٠٢٢", date(2022, 1, 21), "٢١/١/٢٠٢٢"),
        ("في 2022-01-21", date(2022, 1, 21), "2022-01-21"),
        # MSA / Egyptian
        ("في 5 يونيه 2014", date(2014, 6, 5), "5 يونيه 2014"),
        ("في 9 إبريل 2003", date(2003, 4, 9), "9 إبريل 2003"),
        ("في 9 أبريل 2003", date(2003, 4, 9), "9 أبريل 2003"),
        ("في 23 يوليو 1952", date(1952, 7, 23), "23 يوليو 1952"),
        # Levantine / Iraqi
        ("في 15 شباط 2021", date(2021, 2, 15), "15 شباط 2021"),
        ("في 1 ايار 2019", date(2019, 5, 1), "1 ايار 2019"),
        ("في 3 تشرين الأول 2021", date(2021, 10, 3), "3 تشرين الأول 2021"),
        ("في 3 تشرين الثاني 2021", date(2021, 11, 3), "3 تشرين الثاني 2021"),
        ("في 25 كانون الأول 2020", date(2020, 12, 25), "25 كانون الأول 2020"),
        ("في 30 أيلول 2015", date(2015, 9, 30), "30 أيلول 2015"),
        # Maghrebi
        ("في 1 جانفي 2023", date(2023, 1, 1), "1 جانفي 2023"),
        ("في 14 فيفري 2019", date(2019, 2, 14), "14 فيفري 2019"),
        ("في 12 أفريل 2020", date(2020, 4, 12), "12 أفريل 2020"),
        ("في 5 جويلية 2021", date(2021, 7, 5), "5 جويلية 2021"),
        ("في 3 أوت 2019", date(2019, 8, 3), "3 أوت 2019"),
        ("في 15 شتنبر 2022", date(2022, 9, 15), "15 شتنبر 2022"),
    ],
)
def test_day_precision_dates(text, expected_date, surface):
    assert dates(text) == [(expected_date, "day", surface)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("تصاعدت الاشتباكات في يناير 2022", [(date(2022, 1, 1), "month", "يناير 2022")]),
        ("في كانون الثاني/يناير 2022", [(date(2022, 1, 1), "month", "كانون الثاني/يناير 2022")]),
        ("في تموز من العام 2006", [(date(2006, 7, 1), "month", "تموز من العام 2006")]),
        ("اندلعت الحرب عام 2019", [(date(2019, 1, 1), "year", "عام 2019")]),
        ("منذ عام 2011", [(date(2011, 1, 1), "year", "عام 2011")]),
        ("منذ 2011", [(date(2011, 1, 1), "year", "منذ 2011")]),
        ("في العام ٢٠١٤", [(date(2014, 1, 1), "year", "العام ٢٠١٤")]),
    ],
)
def test_month_and_year_precision(text, expected):
    assert dates(text) == expected


def test_several_dates_in_order():
    text = "بين 3 آذار 2020 و٥ أيار 2020 قتل 40 شخصا، وفي عام 2021 تراجع العدد."
    assert dates(text) == [
        (date(2020, 3, 3), "day", "3 آذار 2020"),
        (date(2020, 5, 5), "day", "٥ أيار 2020"),
        (date(2021, 1, 1), "year", "عام 2021"),
    ]


@pytest.mark.parametrize(
    "text",
    ["في 31 شباط 2022", "في 31/2/2022", "قتل 40 شخصا", "عام 1750", "الطريق رقم 21/40", "في 1/2/3/2022"],
)
def test_not_dates(text):
    assert dates(text) == []


def test_yearless_dates_need_a_reference():
    text = "وقع الهجوم الخميس 20 يناير"
    assert dates(text) == []
    assert dates(text, reference=date(2022, 1, 25)) == [(date(2022, 1, 20), "day", "الخميس 20 يناير")]
    # late December read from early January: the previous year
    assert dates("في 28 ديسمبر", reference=date(2023, 1, 2)) == [(date(2022, 12, 28), "day", "28 ديسمبر")]


# Relative dates, counted from a publication date: Wednesday 10 March 2021.
PUBLISHED = date(2021, 3, 10)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("انفجرت العبوة أمس قرب الجسر", (date(2021, 3, 9), "day", "أمس")),
        ("انفجرت العبوة أمس الثلاثاء قرب الجسر", (date(2021, 3, 9), "day", "أمس الثلاثاء")),
        ("سقطت القذائف أول من أمس على الحي", (date(2021, 3, 8), "day", "أول من أمس")),
        ("سقطت القذائف أمس الأول على الحي", (date(2021, 3, 8), "day", "أمس الأول")),
        ("داهمت الشرطة المنزل صباح اليوم", (date(2021, 3, 10), "day", "صباح اليوم")),
        ("هاجم مسلحون القافلة مساء السبت", (date(2021, 3, 6), "day", "مساء السبت")),
        ("هاجم مسلحون القافلة فجر الأربعاء", (date(2021, 3, 10), "day", "فجر الأربعاء")),
        ("هاجم مسلحون القافلة يوم الأربعاء الماضي", (date(2021, 3, 3), "day", "يوم الأربعاء الماضي")),
        ("وقعت الغارة الأحد الماضي شرق المدينة", (date(2021, 3, 7), "day", "الأحد الماضي")),
        ("تجري الانتخابات الأحد المقبل", (date(2021, 3, 14), "day", "الأحد المقبل")),
        ("تصاعد القتال منتصف الشهر الجاري", (date(2021, 3, 15), "month", "منتصف الشهر الجاري")),
        ("تصاعد القتال الشهر الماضي", (date(2021, 2, 1), "month", "الشهر الماضي")),
        ("تصاعد القتال في مارس الماضي", (date(2020, 3, 1), "month", "مارس الماضي")),
        ("شهد العام الماضي هدوءا نسبيا", (date(2020, 1, 1), "year", "العام الماضي")),
    ],
)
def test_relative_dates_count_from_the_publication_date(text, expected):
    assert dates(text, reference=PUBLISHED) == [expected]


@pytest.mark.parametrize("text", ["انفجرت العبوة أمس قرب الجسر", "هاجم مسلحون القافلة مساء السبت"])
def test_relative_dates_need_a_publication_date(text):
    assert dates(text) == []


@pytest.mark.parametrize("text", ["يعيش العالم اليوم أزمة غذاء", "نشرت صحيفة اليوم تقريرا عن الأسعار"])
def test_a_bare_today_is_not_a_date(text):
    assert dates(text, reference=PUBLISHED) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("أعلنت الوزارة الموافق 22 / 10 / 1436هـ نتائج التحقيق", (date(2015, 8, 7), "day", "22 / 10 / 1436هـ")),
        ("صدر القرار في 1/9/1440 هـ بعد مراجعته", (date(2019, 5, 6), "day", "1/9/1440 هـ")),
        ("صدر القرار في 21 شوال 1436هـ بعد مراجعته", (date(2015, 8, 6), "day", "21 شوال 1436هـ")),
        ("صدر القرار في 3 ذي الحجة 1441 بعد مراجعته", (date(2020, 7, 24), "day", "3 ذي الحجة 1441")),
    ],
)
def test_hijri_dates_become_gregorian(text, expected):
    assert dates(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("اندلع الحريق في الثامن من نيسان/أبريل 2019", (date(2019, 4, 8), "day", "الثامن من نيسان/أبريل 2019")),
        ("وقعت المواجهة في الحادي والعشرين من شباط", (date(2021, 2, 21), "day", "الحادي والعشرين من شباط")),
        ("افتتح الجسر في الثالث عشر من يناير الماضي", (date(2021, 1, 13), "day", "الثالث عشر من يناير")),
    ],
)
def test_ordinal_days(text, expected):
    assert dates(text, reference=PUBLISHED) == [expected]


def test_an_ordinal_without_a_month_is_no_date():
    assert dates("سكن في الطابق الثالث من البناية القديمة", reference=PUBLISHED) == []


def test_since_is_marked():
    assert [m.since for m in find_dates("تتواصل الحرب منذ عام 2011 وفي عام 2020 اشتدت")] == [True, False]


def test_date_match_fields():
    m = find_dates("في 21 يناير 2022")[0]
    assert isinstance(m, DateMatch)
    assert (m.start, m.end, m.precision) == (3, 16, "day")


def test_weekday_of():
    assert weekday_of("الخميس") == 3
    assert weekday_of("والأحد") == 6
    assert weekday_of("الإثنين") == 0
    assert weekday_of("يناير") is None


# --- document_date ------------------------------------------------------------------


def test_document_date_metadata_wins():
    text = "دمشق، 21 كانون الثاني 2022 - قتل 5 أشخاص."
    assert document_date(text, "2022-01-22") == date(2022, 1, 22)
    assert document_date(text, "2022-01-22 14:30:00") == date(2022, 1, 22)
    assert document_date(text, "2022-01-22T14:30:00") == date(2022, 1, 22)


def test_document_date_from_dateline():
    text = "دمشق، 21 كانون الثاني 2022 - قتل 5 أشخاص في 3 شباط 2021."
    assert document_date(text, None) == date(2022, 1, 21)
    assert document_date(text, "") == date(2022, 1, 21)
    assert document_date(text, "not a date") == date(2022, 1, 21)


def test_document_date_skips_coarser_dates_in_the_dateline():
    text = "منذ عام 2011 تتواصل الحرب. وفي 21/1/2022 قتل 5 أشخاص."
    assert document_date(text, None) == date(2022, 1, 21)


def test_document_date_only_looks_at_the_start():
    text = "قتل خمسة أشخاص. " * 30 + "وكان ذلك في 21 يناير 2022."
    assert len(text) > 300
    assert document_date(text, None) is None


def test_document_date_none_without_any_date():
    assert document_date("قتل خمسة أشخاص في الهجوم.", None) is None


@pytest.mark.parametrize("text, value, covered", [
    ("وأسفرت الحمى عن وفاة 11 إلى 15 شخصا يوميا", 15, "11 إلى 15"),
    ("وإصابة ما بين 120 و170 آخرين", 170, "120 و170"),
    ("وقتل من 5 - 7 أشخاص في الحادث", 7, "5 - 7"),
])
def test_a_range_is_one_figure_up_to_its_higher_count(text, value, covered):
    found = one(text)
    assert (found.value, text[found.start:found.end], found.qualifier) == (value, covered, "up_to")


def test_two_counts_joined_by_and_stay_two():
    assert nums("وقتل 3 جنود و5 مدنيين في الهجوم") == [(3, "3"), (5, "5")]
    assert nums("وأصيب 15 و3 آخرون") == [(15, "15"), (3, "3")]  # not a range: the second is smaller


def test_not_a_number_with_a_conjunction_on_it_is_still_none():
    assert nums("وقتل في الحادث كثيرون ولست هنا لأحكم على أحد") == []  # ولست: and I am not
