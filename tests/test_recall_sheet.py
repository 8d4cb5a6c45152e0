from kg.documents import Document
from kg.extract.mapper import Mapper
from pipelines.recall_sheet import candidates, sheet


def test_the_recall_sheet_shows_each_sentence_with_a_trigger_and_what_the_mapper_made_of_it(nlp):
    text = ("واتهمت الحكومة الأفغانية حركة طالبان بتنفيذ الهجوم على السوق. "
            "وطالبت الأمم المتحدة الحكومة السودانية بفتح تحقيق في الأحداث. "
            "ونفذت حركة الشباب هجوما على قاعدة عسكرية في مقديشو.")
    found = candidates(Mapper(), Document("d1", text), nlp.process(text))
    accusations, attacks = found["accusation"], found["attack"]
    assert [r["sentence"] for r in accusations] == [0]  # the demand holds no accusation word
    assert accusations[0]["events"] == ["[asserted] الحكومة الأفغانية -> حركة طالبان"]
    assert {r["sentence"] for r in attacks} == {0, 2}
    text_of_sheet = sheet("attack", attacks, 5, seed=1)
    assert "mapper: [asserted] حركة الشباب -> - at مقديشو" in text_of_sheet
    assert text_of_sheet.count("## ") == 2
