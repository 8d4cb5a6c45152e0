"""The shipped Stanza model: loads offline, finds entities, holds an F1 floor."""
import socket

import pytest

from kg.nlp.pipeline import ArabicNLP, load_pipeline
from pipelines.evaluate_ner import read_tags, score

from conftest import run_kg


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*a, **k):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_bundled_model_loads_and_tags_offline(no_network):
    load_pipeline.cache_clear()
    nlp = ArabicNLP()
    text = "التقى الرئيس المصري عبد الفتاح السيسي في القاهرة وفدا من جامعة الدول العربية."
    doc = nlp.process(text)
    by_label = {e.label: e.text for e in doc.entities}
    assert "السيسي" in by_label.get("PER", "")
    assert by_label.get("LOC") == "القاهرة"
    assert "جامعة الدول العربية" in by_label.get("ORG", "")
    for e in doc.entities:
        assert text[e.start:e.end] == e.text


def test_batched_equals_one_at_a_time(nlp):
    texts = ["زار وزير الخارجية الروسي سيرغي لافروف دمشق أمس.",
             "أعلنت الأمم المتحدة أن مئات العائلات نزحت من مدينة حلب.",
             "قال محمد علي إن الشرطة اعتقلت شخصين في بغداد."]
    batched = nlp.process_many(texts)
    for text, doc in zip(texts, batched):
        assert doc.entities == nlp.process(text).entities


def test_persian_letters_are_tagged_as_the_arabic_ones(nlp):
    # ی and ک for ي and ك: the tagger reads the Arabic letters, the offsets stay the text's
    arabic = "واستهدف مسلحون حافلة إيرانية بين مدينتي دوغوبايزيد وفان شرق تركيا."
    persian = arabic.replace("ي", "ی").replace("ك", "ک")
    spans = lambda doc: [(e.label, e.start, e.end) for e in doc.entities]
    doc = nlp.process(persian)
    assert spans(doc) == spans(nlp.process(arabic))
    assert all(e.text == persian[e.start:e.end] for e in doc.entities)


def test_f1_floor_on_anercorp_test_sample(nlp, shared):
    gold_text = (shared / "data/ner/anercorp_camel/ANERCorp_CamelLab_test.txt").read_text(encoding="utf-8")
    sentences = []
    for block in gold_text.split("\n\n")[:300]:
        rows = [line.split() for line in block.splitlines() if line.split()]
        if rows:
            sentences.append(rows)
    gold = read_tags("\n\n".join("\n".join(" ".join(r) for r in s) for s in sentences))
    pred = nlp.tag([[r[0] for r in s] for s in sentences])
    f1 = score(gold, pred)["ALL"][2]
    assert f1 >= 68.0, f"micro F1 {f1:.1f} on 300 ANERcorp test sentences"


def test_official_models_missing_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    f = tmp_path / "a.txt"
    f.write_text("مرحبا", encoding="utf-8")
    r = run_kg("nlp", f, "--models", "official")
    assert r.returncode == 2
    assert "stanza.download('ar')" in r.stderr and len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("content,problem", [
    (b"", "empty"),
    (b"   \n\t ", "whitespace"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("نص عربي".encode("cp1256"), "UTF-8"),
])
def test_bad_input_is_one_line_error(tmp_path, content, problem):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    r = run_kg("nlp", f)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and str(f) in lines[0] and problem in lines[0]


def test_cli_conll_and_json(tmp_path):
    f = tmp_path / "t.txt"
    text = "وصل رئيس الوزراء العراقي إلى أربيل.\nثم غادر."
    f.write_text(text, encoding="utf-8")
    conll = run_kg("nlp", f).stdout
    blocks = [b for b in conll.strip().split("\n\n")]
    assert len(blocks) == 2
    assert all(len(line.split("\t")) == 2 for b in blocks for line in b.splitlines())
    import json
    ents = json.loads(run_kg("nlp", f, "--format", "json").stdout)["entities"]
    assert any(e["text"] == "أربيل" and e["label"] == "LOC" for e in ents)
    assert all(text[e["start"]:e["end"]] == e["text"] for e in ents)

    tok = tmp_path / "tok.txt"
    tok.write_text("زار\nأردوغان\nأنقرة\n\nانتهى\n", encoding="utf-8")
    rows = [line.split("\t") for line in run_kg("nlp", tok, "--pretokenized").stdout.splitlines() if line]
    assert [r[0] for r in rows] == ["زار", "أردوغان", "أنقرة", "انتهى"]
