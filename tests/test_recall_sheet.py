import pytest

from kg.documents import Document
from kg.extract.mapper import Mapper
from pipelines.audit import sample_articles
from pipelines.recall_sheet import candidates, sheet


def test_the_recall_sheet_shows_each_sentence_with_a_trigger_and_what_the_mapper_made_of_it(nlp):
    text = ("واتهمت الحكومة الأفغانية حركة طالبان بتنفيذ الهجوم على السوق. "
            "وطالبت الأمم المتحدة الحكومة السودانية بإجراء تحقيق في الأحداث. "
            "ونفذت حركة الشباب هجوما على قاعدة عسكرية في مقديشو.")
    found = candidates(Mapper(), Document("d1", text), nlp.process(text))
    accusations, attacks = found["accusation"], found["attack"]
    assert [r["sentence"] for r in accusations] == [0]  # the demand holds no accusation word
    assert accusations[0]["events"] == ["[asserted] الحكومة الأفغانية -> حركة طالبان"]
    assert {r["sentence"] for r in attacks} == {0, 2}
    text_of_sheet = sheet("attack", attacks, 5, seed=1)
    assert "mapper: [asserted] حركة الشباب -> - at مقديشو" in text_of_sheet
    assert text_of_sheet.count("## ") == 2


def test_casualty_sentences_need_an_outcome_word_and_a_number(nlp):
    text = ("وقتل ثلاثة جنود في انفجار عبوة ناسفة قرب الموصل. "
            "وقتل الجندي في الانفجار. "
            "وقالت الشرطة إن عشرين شخصا نقلوا إلى المستشفى.")
    found = candidates(Mapper(), Document("d2", text), nlp.process(text))["casualty"]
    assert [r["sentence"] for r in found] == [0]  # no number in the second, no outcome word in the third
    assert found[0]["events"][0].startswith("[asserted] 3 killed")


def test_a_trigger_is_shown_with_its_own_sentence_however_the_text_is_spaced(nlp):
    # the text's own offsets, not those of the tokens joined by single spaces
    text = ("قال المتحدث إن   الوضع    في   المدينة   هادئ   تماما   منذ    أيام    طويلة    جدا.\n\n\n\n"
            "وهاجم تنظيم داعش مقر الشرطة في مدينة العريش.")
    found = candidates(Mapper(), Document("d3", text), nlp.process(text))["attack"]
    assert [r["sentence"] for r in found] == [1]


def test_a_sample_from_a_folder_with_no_articles_says_where_to_look(tmp_path):
    with pytest.raises(SystemExit, match="no SaudiNewsNet articles"):
        sample_articles(tmp_path, tmp_path, 5, 1)
