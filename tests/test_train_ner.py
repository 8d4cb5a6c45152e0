"""The training recipe (pipelines/train_ner.py) end to end, at toy size: character language
models, a NER model that uses them, shipping, self-training on news the shipped model tags, and
kg loading what was shipped. The scores of
such a model mean nothing; that every step runs and fits the next is what is tested, so that
a session with a GPU can run the real thing (MODEL_CARD.md)."""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import zipfile

from conftest import REPO
from pipelines.train_ner import anercorp, read_json, write_json


def test_recipe_with_character_language_models_ships_a_model_kg_loads(shared, tmp_path):
    from stanza.models.common.pretrain import Pretrain

    work, out = tmp_path / "ner", tmp_path / "models"
    (work / "charlm" / "train").mkdir(parents=True)
    sents = anercorp(shared / "data" / "ner" / "anercorp_camel" / "ANERCorp_CamelLab_train.txt")[:120]
    write_json(sents[:100], work / "train_news.json")
    write_json(sents[100:], work / "dev.json")
    text = "\n\n".join(" ".join(w for w, _ in s) for s in sents)
    (work / "charlm" / "train" / "news.txt").write_text(text, encoding="utf-8")
    (work / "charlm" / "dev.txt").write_text(text[:3000], encoding="utf-8")
    words = sorted({w for s in sents for w, _ in s})
    rng = random.Random(0)
    vectors = tmp_path / "vectors.txt"
    vectors.write_text(f"{len(words)} 8\n" + "".join(
        f"{w} {' '.join(f'{rng.uniform(-1, 1):.3f}' for _ in range(8))}\n" for w in words), encoding="utf-8")
    assert len(Pretrain(str(work / "ar_kg.pretrain.pt"), str(vectors)).vocab) > 100  # written on first use

    def recipe(*args: str) -> None:
        r = subprocess.run([sys.executable, "-m", "pipelines.train_ner", *args, "--work", str(work),
                            "--device", "cpu"], cwd=REPO, capture_output=True, text=True)
        assert r.returncode == 0, r.stderr[-2000:]

    recipe("charlm", "--charlm-hidden", "16", "--charlm-epochs", "1", "--cutoff", "1")
    recipe("train", "--charlm", "--train-set", "news", "--max-steps", "4", "--eval_interval", "2")
    # a stage kept for a later session, and the next stage resumed from it
    stage = tmp_path / "stage"
    recipe("keep", "--out", str(stage))
    (work / "model" / "ar_kg_nertagger.pt").write_bytes((stage / "ar_kg_nertagger.pt").read_bytes())
    recipe("train", "--charlm", "--resume", "--train-set", "news", "--max-steps", "2", "--eval_interval", "2")
    recipe("ship", "--out", str(out))
    assert {p.name for p in out.glob("*.pt")} == {"ar_kg_nertagger.pt", "ar_kg.pretrain.pt",
                                                  "ar_kg_forward_charlm.pt", "ar_kg_backward_charlm.pt"}

    # self-training: news sentences tagged by the shipped model join the news set
    news = tmp_path / "data" / "text" / "saudinewsnet"
    news.mkdir(parents=True)
    articles = [{"title": f"خبر رقم {i}", "content": "قال الرئيس في دمشق إن الجيش قصف المدينة. وأكد الوزير ذلك في بيان رسمي أمس."}
                for i in range(3)]
    with zipfile.ZipFile(news / "toy.zip", "w") as z:
        z.writestr("toy.json", json.dumps(articles, ensure_ascii=False))
    recipe("silver", "--data", str(tmp_path / "data"), "--model-dir", str(out), "--silver-sentences", "4",
           "--dev-articles", str(tmp_path / "none"))
    assert len(read_json(work / "train_silver.json")) == 100 + 4
    recipe("train", "--charlm", "--resume", "--train-set", "silver", "--max-steps", "2", "--eval_interval", "2")

    env = {**os.environ, "KG_MODEL_DIR": str(out)}
    loaded = subprocess.run([sys.executable, "-c", (
        "from kg.nlp.pipeline import load_pipeline\n"
        "model = load_pipeline().processors['ner'].trainers[0].model\n"
        "print(type(model.charmodel_forward).__name__, type(model.charmodel_backward).__name__)")],
        cwd=REPO, capture_output=True, text=True, env=env)
    assert loaded.stdout.split() == ["CharacterLanguageModel", "CharacterLanguageModel"], loaded.stderr[-2000:]
    sample = tmp_path / "sample.txt"
    sample.write_text("قال الرئيس في دمشق إن الجيش قصف المدينة.", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "kg.cli", "nlp", str(sample), "--format", "conll"],
                       cwd=REPO, capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    rows = [line.split("\t") for line in r.stdout.strip().splitlines()]
    assert [w for w, _ in rows] == "قال الرئيس في دمشق إن الجيش قصف المدينة .".split()
    assert {t for _, t in rows} <= {"O", *(f"{b}-{t}" for b in "BI" for t in ("PER", "LOC", "ORG", "MISC"))}
