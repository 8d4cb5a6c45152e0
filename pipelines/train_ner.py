"""Reproduce the shipped Arabic NER model from open corpora.

    python -m pipelines.train_ner all --data ../shared/data --work build/ner --out kg/nlp/models

Steps (each can be run alone: ``data``, ``vectors``, ``charlm``, ``silver``, ``train``, ``keep``, ``ship``):

1. data: convert the corpora to Stanza's NER JSON (BIO over PER, LOC, ORG, MISC):
   - ANERcorp, CAMeL Lab splits (CC BY-SA 4.0; Benajiba et al. 2007, Obeid et al. 2020):
     PERS -> PER; the last 10% of the train sentences are the dev set; the test split is
     never trained on. ANERcorp is repeated twice in train so news text outweighs Wikipedia.
   - AQMAR (CC BY-SA 3.0; Mohit et al. 2012): Stanza's own converter and its seed-1234
     split; only its train part is trained on, its test part is scored in the model card.
   - WikiFANE Gold 2014 (CC BY-SA 3.0; Alotaibi and Lee 2014): fine classes mapped to
     coarse ones (see WIKIFANE_COARSE). NewsFANE is never used: it re-annotates ANERcorp's
     text, test sentences included.
2. vectors: gensim word2vec (CBOW, 100-d) over SaudiNewsNet (CC BY-NC-SA 4.0, research
   use) plus the NER training text, tokenized by ``kg.nlp.tokenize``; the top
   ``--max-vocab`` words become Stanza's pretrain file. No test text is used.
3. train: Stanza's trainer, ``python -m stanza.models.ner_tagger``, one thread
   (``OMP_NUM_THREADS=1``: on two cores a second thread slows each step many times).
   ``--resume`` continues the saved model (Stanza's ``--finetune``); ``--train-set news``
   trains on ANERcorp and AQMAR alone. The shipped model is three runs: all corpora, then
   news twice (the second at ``--lr 0.03``); kg/nlp/models/MODEL_CARD.md has the commands.
4. ship: copy the model and its pretrain into the package, embedding tables in fp16 (and
   the character language models, when the model was trained with them).

Self-training: ``silver --model-dir DIR`` tags SaudiNewsNet sentences with a shipped
candidate and adds them to the news set; ``train --train-set silver`` trains on it (the
shipped model's stage 5).

Character language models: ``charlm`` trains Stanza's forward and backward character
language models (``python -m stanza.models.charlm``) side by side, one thread and one log
each, at 256 hidden units (about 1 s a batch on a CPU thread; ``--device cuda`` is the
default when torch sees a GPU) on SaudiNewsNet (CC BY-NC-SA 4.0) less the development
articles, 1 article in 100 held out as their dev text; ``train --charlm`` then trains a NER
model that uses them. Rare and foreign names, the shipped model's weak spot, are what they
help with.

Because SaudiNewsNet is CC BY-NC-SA, the shipped model is for non-commercial research,
as Stanza's own PADT models are.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from tqdm import tqdm

from kg.nlp.tokenize import tokenize

Sentence = list[tuple[str, str]]

WIKIFANE_COARSE = {
    # PER.Group is peoples and communities (العرب، المسلمين): not named persons in ANERcorp.
    **{c: "PER" for c in ("Politician", "Athlete", "Businessperson", "Artist", "Scientist",
                          "Police", "Religious_PER", "Engineer", "Lawyer", "Other_PER")},
    **{c: "ORG" for c in ("Government", "Non-Governmental", "Commercial", "Educational",
                          "Media", "Religious_ORG", "Sports", "Medical-Science",
                          "Entertainment")},
    **{c: "LOC" for c in ("Continent", "Nation", "State-or-Province", "County-or-District",
                          "Population-Center", "GPE-Cluster", "Water-Body",
                          "Land-Region-Natural", "Celestial", "Airport", "Building-Grounds",
                          "Path", "Plant", "Subarea-Facility")},
    # Vehicles, weapons and products are not MISC in ANERcorp (its MISC is currencies,
    # religions, events): left untagged rather than taught as a conflicting class.
}


# ---------------------------------------------------------------- data
def read_bio(lines, sep=None) -> list[Sentence]:
    sents, cur = [], []
    for line in lines:
        line = line.rstrip("\r\n").replace("\u200e", "").lstrip("\ufeff")
        parts = line.split(sep) if line.strip() else []
        if len(parts) < 2 or not parts[0].strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        cur.append((parts[0].strip(), parts[-1].strip()))
    if cur:
        sents.append(cur)
    return sents


def fix_bio(sent: Sentence) -> Sentence:
    """Valid BIO: an I- that follows nothing of its type becomes B-."""
    out, prev = [], "O"
    for w, t in sent:
        if t.startswith("I-") and prev[2:] != t[2:]:
            t = "B-" + t[2:]
        out.append((w, t))
        prev = t
    return out


def anercorp(path: Path) -> list[Sentence]:
    sents = read_bio(path.read_text(encoding="utf-8").splitlines())
    return [fix_bio([(w, t.replace("PERS", "PER")) for w, t in s]) for s in sents]


def aqmar(articles: Path, work: Path) -> tuple[list[Sentence], list[Sentence], list[Sentence]]:
    """Stanza's converter reads a zip of the 28 articles and writes its seed-1234 split."""
    from stanza.utils.datasets.ner.convert_ar_aqmar import convert_shuffle

    with tempfile.TemporaryDirectory() as tmp:
        zpath = Path(tmp) / "AQMAR_Arabic_NER_corpus-1.0.zip"
        with zipfile.ZipFile(zpath, "w") as z:
            for f in sorted(articles.glob("*.txt")):
                z.write(f, f.name)
        convert_shuffle(str(zpath), str(work), "ar_aqmar")
    return tuple(read_json(work / f"ar_aqmar.{s}.json") for s in ("train", "dev", "test"))


def wikifane(zip_path: Path) -> list[Sentence]:
    with zipfile.ZipFile(zip_path) as z:
        name = next(n for n in z.namelist() if n.endswith("WikiFANE_Gold_2014_500K.txt"))
        text = z.read(name).decode("utf-8-sig")
    out = []
    for sent in read_bio(text.splitlines(), sep="\t"):
        mapped = []
        for w, t in sent:
            coarse = WIKIFANE_COARSE.get(t[2:]) if t[:2] in ("B-", "I-") else None
            mapped.append((w, f"{t[:2]}{coarse}" if coarse else "O"))
        out.append(fix_bio(mapped))
    return out


def write_json(sents: list[Sentence], path: Path) -> None:
    doc = [[{"text": w, "ner": t} for w, t in s] for s in sents]
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def read_json(path: Path) -> list[Sentence]:
    return [[(w["text"], w["ner"]) for w in s] for s in json.loads(path.read_text(encoding="utf-8"))]


def write_conll(sents: list[Sentence], path: Path) -> None:
    path.write_text("".join("".join(f"{w}\t{t}\n" for w, t in s) + "\n" for s in sents),
                    encoding="utf-8")


def make_data(data: Path, work: Path) -> None:
    work.mkdir(parents=True, exist_ok=True)
    ner = data / "ner"
    aner_train = anercorp(ner / "anercorp_camel" / "ANERCorp_CamelLab_train.txt")
    aner_test = anercorp(ner / "anercorp_camel" / "ANERCorp_CamelLab_test.txt")
    cut = int(len(aner_train) * 0.9)
    aner_train, aner_dev = aner_train[:cut], aner_train[cut:]
    aq_train, _aq_dev, aq_test = aqmar(ner / "aqmar" / "articles", work)
    wiki = wikifane(ner / "fane_gold" / "WikiFANE_2014_Gold_standard.zip")
    train = aner_train * 2 + aq_train + wiki
    random.Random(1234).shuffle(train)
    write_json(train, work / "train.json")
    # The news-only set: a second stage that finetunes the model on news text alone.
    news = aner_train * 2 + aq_train
    random.Random(1234).shuffle(news)
    write_json(news, work / "train_news.json")
    write_json(aner_dev, work / "dev.json")
    write_conll(aner_test, work / "anercorp_test.conll")
    write_conll(aq_test, work / "aqmar_test.conll")
    print(f"train {len(train)} sentences (ANERcorp {len(aner_train)} x2, AQMAR {len(aq_train)}, "
          f"WikiFANE {len(wiki)}); dev {len(aner_dev)}; tests ANERcorp {len(aner_test)}, "
          f"AQMAR {len(aq_test)}")


# ---------------------------------------------------------------- vectors
def news_articles(text_dir: Path):
    """SaudiNewsNet's articles as dicts: their fields (source, url, date_extracted, title,
    content...) and ``text``, the title and content joined."""
    for zpath in sorted(text_dir.glob("*.zip")):
        with zipfile.ZipFile(zpath) as z:
            for name in z.namelist():
                if name.endswith(".json"):
                    for art in json.loads(z.read(name).decode("utf-8")):
                        yield {**art, "text": "\n".join(filter(None, (art.get("title"), art.get("content"))))}


def news_texts(text_dir: Path):
    for art in news_articles(text_dir):
        yield art["text"]


class _Corpus:
    """Re-iterable token lists, as gensim wants for several epochs."""

    def __init__(self, data: Path, work: Path):
        self.cache = work / "vectors_corpus.txt"
        if not self.cache.exists():
            with self.cache.open("w", encoding="utf-8") as f:
                for text in tqdm(news_texts(data / "text" / "saudinewsnet"), desc="tokenize news"):
                    for s in tokenize(text):
                        f.write(" ".join(s.words) + "\n")
                for s in read_json(work / "train.json"):
                    f.write(" ".join(w for w, _ in s) + "\n")

    def __iter__(self):
        with self.cache.open(encoding="utf-8") as f:
            for line in f:
                yield line.split()


def make_vectors(data: Path, work: Path, max_vocab: int) -> None:
    from gensim.models import Word2Vec
    from stanza.models.common.pretrain import Pretrain

    corpus = _Corpus(data, work)
    model = Word2Vec(corpus, vector_size=100, window=5, min_count=3, sg=0, epochs=5,
                     workers=2, seed=1234)
    vec = work / "vectors.txt"
    model.wv.save_word2vec_format(str(vec), binary=False)
    pt = work / "ar_kg.pretrain.pt"
    pt.unlink(missing_ok=True)
    pre = Pretrain(str(pt), str(vec), max_vocab=max_vocab)
    print(f"{len(model.wv)} words trained, pretrain vocabulary {len(pre.vocab)} -> {pt}")


# ---------------------------------------------------------------- train
TRAIN_FILES = {"all": "train.json", "news": "train_news.json", "silver": "train_silver.json"}


def set_learning_rate(model_path: Path, lr: float) -> None:
    """Stanza's --finetune takes the learning rate saved in the model, not --lr: set it there."""
    import torch

    model = torch.load(model_path, weights_only=False)
    model["config"]["lr"] = lr
    torch.save(model, model_path)


def train(work: Path, max_steps: int, resume: bool, train_set: str, lr: float | None, device: str,
          charlm: bool, extra: list[str]) -> None:
    save_dir = work / "model"
    save_dir.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "stanza.models.ner_tagger", "--mode", "train",
           "--shorthand", "ar_kg", "--train_file", str(work / TRAIN_FILES[train_set]),
           "--eval_file", str(work / "dev.json"),
           "--wordvec_pretrain_file", str(work / "ar_kg.pretrain.pt"),
           "--save_dir", str(save_dir), "--save_name", "ar_kg_nertagger.pt",
           "--max_steps", str(max_steps), "--eval_interval", "500", "--device", device, *extra]
    if charlm:
        cmd += ["--charlm", "--charlm_shorthand", "ar_kg",
                "--charlm_forward_file", str(charlm_path(work, "forward")),
                "--charlm_backward_file", str(charlm_path(work, "backward"))]
    if resume:
        cmd += ["--finetune", "--finetune_load_name", str(save_dir / "ar_kg_nertagger.pt")]
        if lr is not None:
            set_learning_rate(save_dir / "ar_kg_nertagger.pt", lr)
    elif lr is not None:
        cmd += ["--lr", str(lr)]
    _run(cmd)


def _one_thread_env() -> dict[str, str]:
    return {**os.environ, "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def _run(cmd: list[str]) -> None:
    print(" ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, env=_one_thread_env())


# ---------------------------------------------------------------- charlm
def charlm_path(work: Path, direction: str) -> Path:
    return work / "charlm" / f"ar_kg_{direction}_charlm.pt"


def dev_headlines(dev_articles: Path) -> set[str]:
    """The first line of each development article: SaudiNewsNet articles with one of these
    headlines are evaluation text and stay out of every training text."""
    if not dev_articles.is_dir():
        return set()
    return {f.read_text(encoding="utf-8").split("\n", 1)[0].strip() for f in dev_articles.glob("*.txt")}


def make_charlm_text(data: Path, work: Path, dev_articles: Path) -> None:
    """SaudiNewsNet as plain text for the character language models: one article a
    paragraph, every 100th article in the dev file. No NER test text, no dev article."""
    root = work / "charlm"
    (root / "train").mkdir(parents=True, exist_ok=True)
    skip = dev_headlines(dev_articles)
    left_out = 0
    with (root / "train" / "saudinewsnet.txt").open("w", encoding="utf-8") as train_f, \
            (root / "dev.txt").open("w", encoding="utf-8") as dev_f:
        for i, text in enumerate(tqdm(news_texts(data / "text" / "saudinewsnet"), desc="charlm text")):
            if text.split("\n", 1)[0].strip() in skip:
                left_out += 1
                continue
            (dev_f if i % 100 == 99 else train_f).write(text.strip() + "\n\n")
    print(f"charlm text: {left_out} development articles left out")


def train_charlm(work: Path, device: str, hidden: int, epochs: int, eval_steps: int, extra: list[str]) -> None:
    """Both directions at once, one thread each (two cores: one each), logs in the work
    folder. Stanza saves the best model at each evaluation (every ``eval_steps`` batches)
    and a checkpoint it resumes from when run again."""
    procs = []
    for direction in ("forward", "backward"):
        cmd = [sys.executable, "-m", "stanza.models.charlm", "--mode", "train", "--shorthand", "ar_kg",
               "--train_dir", str(work / "charlm" / "train"), "--eval_file", str(work / "charlm" / "dev.txt"),
               "--direction", direction, "--char_hidden_dim", str(hidden), "--epochs", str(epochs),
               "--eval_steps", str(eval_steps),
               "--save_dir", str(work / "charlm"), "--save_name", charlm_path(work, direction).name,
               "--vocab_save_name", f"ar_kg_{direction}_vocab.pt", "--device", device, *extra]
        log = work / "charlm" / f"{direction}.log"
        print(" ".join(cmd), f"> {log}", flush=True)
        procs.append((direction, log, subprocess.Popen(cmd, env=_one_thread_env(), stdout=log.open("w"),
                                                       stderr=subprocess.STDOUT)))
    failed = [(d, log) for d, log, p in procs if p.wait() != 0]
    if failed:
        tails = "\n".join(f"{d}: {log.read_text(encoding='utf-8')[-1500:]}" for d, log in failed)
        raise SystemExit(f"charlm training failed:\n{tails}")


# ---------------------------------------------------------------- silver
def make_silver(data: Path, work: Path, model_dir: Path, dev_articles: Path, sentences: int) -> None:
    """Self-training text: ``sentences`` SaudiNewsNet sentences (random articles, no
    development article) tagged by the model in ``model_dir`` (a ``ship --out`` folder),
    added to the news set as ``train_silver.json`` (``train --train-set silver``). News of
    2015 that no gold corpus covers: new names in the contexts ANERcorp's tags taught."""
    os.environ["KG_MODEL_DIR"] = str(model_dir)  # read when kg.nlp.pipeline is imported
    from kg.nlp.pipeline import BUNDLED_DIR, ArabicNLP

    if BUNDLED_DIR != Path(model_dir):
        raise SystemExit(f"silver: kg.nlp.pipeline was loaded before --model-dir {model_dir} was set")

    skip = dev_headlines(dev_articles)
    texts = [t for t in news_texts(data / "text" / "saudinewsnet") if t.split("\n", 1)[0].strip() not in skip]
    random.Random(1234).shuffle(texts)
    picked: list[list[str]] = []
    for text in texts:
        picked += [s.words for s in tokenize(text) if 5 <= len(s.words) <= 60]
        if len(picked) >= sentences:
            break
    picked = picked[:sentences]
    nlp = ArabicNLP()
    tags = [t for i in tqdm(range(0, len(picked), 500), desc="tag silver")
            for t in nlp.tag(picked[i:i + 500])]
    silver = [list(zip(words, stags)) for words, stags in zip(picked, tags)]
    news = read_json(work / "train_news.json") + silver
    random.Random(1234).shuffle(news)
    write_json(news, work / "train_silver.json")
    tagged = sum(any(t != "O" for t in s) for s in tags)
    print(f"silver: {len(silver)} sentences ({tagged} with an entity) + news -> {work / 'train_silver.json'}")


# ---------------------------------------------------------------- ship
def _half_tagger(work: Path):
    """The best saved tagger with its embedding table in fp16: half the size; Stanza copies
    it into fp32 weights when it loads it (to tag, or to train on with --resume)."""
    import torch

    model = torch.load(work / "model" / "ar_kg_nertagger.pt", weights_only=False)
    model["model"]["delta_emb.weight"] = model["model"]["delta_emb.weight"].half()
    return model


def keep_stage(work: Path, out: Path) -> None:
    """A training stage's best tagger, for the next stage to --resume from in a later
    session: ``cp OUT/ar_kg_nertagger.pt WORK/model/`` (the stage before is replaced)."""
    import torch

    out.mkdir(parents=True, exist_ok=True)
    torch.save(_half_tagger(work), out / "ar_kg_nertagger.pt")
    print(f"kept {out / 'ar_kg_nertagger.pt'} ({(out / 'ar_kg_nertagger.pt').stat().st_size / 1e6:.1f} MB)")


def ship(work: Path, out: Path) -> None:
    import torch

    out.mkdir(parents=True, exist_ok=True)
    model = _half_tagger(work)
    torch.save(model, out / "ar_kg_nertagger.pt", _use_new_zipfile_serialization=False)
    pre = torch.load(work / "ar_kg.pretrain.pt", weights_only=False)
    emb = pre["emb"]
    pre["emb"] = emb.half() if isinstance(emb, torch.Tensor) else emb.astype("float16")
    torch.save(pre, out / "ar_kg.pretrain.pt")
    for direction in ("forward", "backward"):
        shipped = out / charlm_path(work, direction).name
        if model["config"].get("charlm"):
            shipped.write_bytes(charlm_path(work, direction).read_bytes())
        else:
            shipped.unlink(missing_ok=True)  # kg loads character models only when they are there
    # An empty resources file keeps Stanza from looking anything up on the model hub.
    if not (out / "resources.json").exists():
        (out / "resources.json").write_text("{}\n")
    sizes = {p.name: p.stat().st_size / 1e6 for p in out.glob("*.pt")}
    print("shipped:", ", ".join(f"{k} {v:.1f} MB" for k, v in sizes.items()))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("step", choices=["data", "vectors", "charlm", "silver", "train", "keep", "ship", "all"])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--work", type=Path, default=Path("build/ner"))
    ap.add_argument("--out", type=Path, default=Path("kg/nlp/models"))
    ap.add_argument("--max-vocab", type=int, default=100_000)
    ap.add_argument("--max-steps", type=int, default=20_000)
    ap.add_argument("--resume", action="store_true", help="continue the saved model")
    ap.add_argument("--lr", type=float, help="learning rate (with --resume, written into the saved model)")
    ap.add_argument("--train-set", choices=list(TRAIN_FILES), default="all",
                    help="all corpora, ANERcorp and AQMAR alone (the finetuning stage), or those and "
                         "the silver sentences")
    ap.add_argument("--model-dir", type=Path, help="silver: the tagger (a `ship --out` folder) that tags the news")
    ap.add_argument("--silver-sentences", type=int, default=5000, help="silver: news sentences to tag")
    ap.add_argument("--device", help="torch device (default: cuda when torch sees a GPU, else cpu)")
    ap.add_argument("--charlm", action="store_true", help="train: use the character language models")
    ap.add_argument("--charlm-hidden", type=int, default=256,
                    help="charlm: hidden size (256 trains at about 1 s a batch on one CPU thread; Stanza's default is 1024)")
    ap.add_argument("--charlm-epochs", type=int, default=50, help="charlm: epochs over the news text")
    ap.add_argument("--charlm-eval-steps", type=int, default=500,
                    help="charlm: batches between evaluations on the dev text, each saving the best model so far")
    ap.add_argument("--dev-articles", type=Path, default=Path("../shared/dev/articles"),
                    help="articles whose headlines are left out of the training text")
    args, extra = ap.parse_known_args(argv)
    if args.device is None:
        import torch

        args.device = "cuda" if torch.cuda.is_available() else "cpu"
    if args.step in ("data", "all"):
        make_data(args.data, args.work)
    if args.step in ("vectors", "all"):
        make_vectors(args.data, args.work, args.max_vocab)
    if args.step == "charlm":
        if not (args.work / "charlm" / "dev.txt").exists():
            make_charlm_text(args.data, args.work, args.dev_articles)
        train_charlm(args.work, args.device, args.charlm_hidden, args.charlm_epochs, args.charlm_eval_steps, extra)
    if args.step == "silver":
        if args.model_dir is None:
            raise SystemExit("silver needs --model-dir: a folder written by `ship --out`")
        make_silver(args.data, args.work, args.model_dir, args.dev_articles, args.silver_sentences)
    if args.step in ("train", "all"):
        train(args.work, args.max_steps, args.resume, args.train_set, args.lr, args.device, args.charlm, extra)
    if args.step == "keep":
        keep_stage(args.work, args.out)
    if args.step in ("ship", "all"):
        ship(args.work, args.out)


if __name__ == "__main__":
    main()
