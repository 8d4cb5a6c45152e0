from kg.nlp.normalize import normalize, to_ascii_digits
from kg.nlp.tokenize import tokenize, tokenize_words

TEXTS = [
    "قُتِلَ ثلاثةُ مدنيّين في قصفٍ على البلدة.",
    "أعلنــت الوزارة أنّ ٣١ شخصاً أصيبوا، و۴ آخرين فُقدوا!",
    "قال مسؤول في Human Rights Watch إن \"الوضع خطير\" يوم ٢١/١/٢٠٢٢؟",
    "نقلت «وكالة الأنباء» عن المتحدث: سقط /40/ قتيلاً في كوباني/عين العرب.",
    "ذهبت إلى مهر\u200cآباد ثم عادت…",
    "  مسافات   في البداية\nوسطر ثانٍ بلا نهاية",
]


def test_offsets_round_trip():
    for text in TEXTS:
        sentences = tokenize(text)
        assert sentences
        for s in sentences:
            assert text[s.start:s.end].startswith(s.tokens[0].text)
            for t in s.tokens:
                assert text[t.start:t.end] == t.text
        # nothing but whitespace is left out
        covered = "".join(t.text for s in sentences for t in s.tokens)
        assert covered == "".join(text.split())


def test_punctuation_split_and_clitics_kept():
    words = [t.text for t in tokenize_words("قالت «قسد»، في بيانها؛ ولم تذكر/40/ بالتفصيل؟")]
    assert words == ["قالت", "«", "قسد", "»", "،", "في", "بيانها", "؛", "ولم", "تذكر", "/", "40", "/",
                     "بالتفصيل", "؟"]


def test_diacritics_tatweel_zwnj_and_latin_stay_inside_words():
    words = [t.text for t in tokenize_words("مُحَمَّد أعلنــت مهر\u200cآباد ISIS-K 3.5 ١٬٢٠٠")]
    assert words == ["مُحَمَّد", "أعلنــت", "مهر\u200cآباد", "ISIS", "-", "K", "3.5", "١٬٢٠٠"]


def test_sentence_split_on_marks_and_newlines():
    text = "وصل الوفد. هل انتهى؟ نعم! «انتهى.» ثم\nسطر جديد"
    got = [" ".join(s.words) for s in tokenize(text)]
    assert got == ["وصل الوفد .", "هل انتهى ؟", "نعم !", "« انتهى . »", "ثم", "سطر جديد"]


def test_normalize_is_for_matching_only():
    assert normalize("أَحْمَد") == normalize("احمد")
    assert normalize("مدرسة") == normalize("مدرسه")
    assert normalize("مستشفى") == normalize("مستشفي")
    assert normalize("الحســكة") == "الحسكه"
    assert normalize("٣١") == "31" and normalize("۴۰") == "40"
    assert to_ascii_digits("قتل ٣١ و۴") == "قتل 31 و4"
    # hamza on ya before waw is the same word as hamza on waw, letter for letter
    assert normalize("مسئولية") == normalize("مسؤولية") and len(normalize("مسئولية")) == len("مسئولية")


def test_presentation_forms_are_the_letters_they_show():
    # text copied from old PDFs and sites comes in the glyph code points (U+FExx)
    shown = "ﻃﻴﺮﺍﻥ ﺍﻟﺘﺤﺎﻟﻒ"
    assert normalize(shown) == normalize("طيران التحالف")
    assert len(normalize(shown)) == len(shown)  # one to one: offsets stay aligned
