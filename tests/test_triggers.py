"""The mapper's trigger forms are what the recorded recipe makes from the lemmas."""
from __future__ import annotations

import json

from kg.extract.lexicon import DATA_DIR
from kg.extract.matching import load_rules
from pipelines.make_triggers import main as make_triggers


def test_triggers_json_is_what_make_triggers_writes(tmp_path):
    out = tmp_path / "triggers.json"
    make_triggers(["--out", str(out)])
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads((DATA_DIR / "triggers.json").read_text(encoding="utf-8"))


def test_every_inflection_of_a_lemma_maps_back_to_it():
    rules = load_rules()
    for form in ("اتهمتا", "يتهمون", "اتهمته", "تتهمان"):  # dual, plural, object pronoun
        assert rules.lemma_of[form] == "اتهم", form
    assert rules.lemma_of["يتحملون"] == "تحمل" and rules.lemma_of["هجماتها"] == "هجمات"


def test_a_hollow_verbs_present_tense_has_its_own_vowel():
    forms = json.loads((DATA_DIR / "triggers.json").read_text(encoding="utf-8"))
    # يقوم، تدين، تخوضها (not only libqutrub's default يقام، تدان، تخاضها)
    for label, lemma, form in (("persist", "قام", "يقوم"), ("criticism:verb", "دان", "تدين"), ("by_marker", "خاض", "تخوضها")):
        assert form in forms[label][lemma], form
