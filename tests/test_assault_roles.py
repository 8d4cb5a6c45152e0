"""The assault-roles comparison: the coded sentences read from a file cut short, and the
counts of roles that agree with the coding or reverse it."""
from __future__ import annotations

from pipelines.assault_roles import GSR, compare, read_coded

WHOLE = """<Sentence category="ASSAULT" id="a1"><EventText eid="0" sourcetext="الجيش" targettext="مسلحين" />
<Text>
قصف الجيش مواقع المسلحين في الجبل.
</Text><Parse>1	قصف	قصف	VERB</Parse></Sentence>
<Sentence category="ASSAULT" id="a2"><EventText eid="0" sourcetext="" targettext="" />
<Text>وقع انفجار في السوق.</Text></Sentence>
"""


def test_the_whole_sentences_of_a_file_cut_short_are_read():
    coded = read_coded(WHOLE + '<Sentence category="ASSAULT" id="a3"><Text>قصف')
    assert [(c.id, c.source, c.target) for c in coded] == [("a1", "الجيش", "مسلحين"), ("a2", "", "")]
    assert coded[0].text == "قصف الجيش مواقع المسلحين في الجبل."


def test_roles_agree_with_the_coding_or_reverse_it():
    coded = read_coded(WHOLE)
    counts = compare(coded, [[("مسلحين", "الجيش")], []])
    assert counts["sentences"] == 2 and counts["with_attack"] == 1
    assert (counts["perpetrator"], counts["perpetrator_agrees"], counts["perpetrator_reversed"]) == (1, 0, 1)
    assert (counts["target"], counts["target_agrees"], counts["target_reversed"]) == (1, 0, 1)


def test_the_shared_file_holds_coded_sentences(shared):
    assert GSR.resolve().is_relative_to(shared.resolve())
    assert len(read_coded(GSR.read_text(encoding="utf-8"))) > 300
