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


def keys(m) -> str | None:
    return m.key if m is not None else None


@pytest.mark.parametrize("text,sides", [
    ("وتبادلت حركة حماس وحركة فتح الاتهامات بعرقلة المصالحة في غزة.", {"hamas", "fatah"}),
    ("تركيا وروسيا تتبادلان الاتهامات بشأن الهجوم على إدلب.", {"turkey", "russia"}),
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
    text = "وينفذ الجيش التركي عمليات عسكرية في سوريا والعراق منذ سنوات."
    attack = events(builder, text, "attack")[0]
    assert attack.perpetrator is not None and attack.perpetrator.span.text == "الجيش التركي"


def test_a_claim_names_the_group_not_the_city(builder):
    text = "«داعش» يتبنى تفجيرا ببغداد أوقع 12 قتيلا."
    attack = events(builder, text, "attack")[0]
    assert keys(attack.perpetrator) == "isis"
