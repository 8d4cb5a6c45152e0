"""Stanza NER over the project's own tokens.

Stanza runs with ``tokenize_pretokenized=True``: sentences and tokens come from
``kg.nlp.tokenize`` so that every entity keeps exact offsets into the original text.
The pipeline is loaded once per process and per model choice, and tags many sentences
(of many documents) per call.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Literal

from kg.errors import KgError
from kg.nlp.normalize import arabic_letters
from kg.nlp.tokenize import Sentence, tokenize

ModelChoice = Literal["bundled", "official"]
# KG_MODEL_DIR points at another model of the same shape (pipelines/ score candidates so)
BUNDLED_DIR = Path(os.environ.get("KG_MODEL_DIR") or Path(__file__).parent / "models")
NER_MODEL = "ar_kg_nertagger.pt"
NER_PRETRAIN = "ar_kg.pretrain.pt"


@dataclass(frozen=True)
class Entity:
    """A named-entity span: ``text == doc_text[start:end]``."""

    text: str
    label: str  # PER, LOC, ORG or MISC
    start: int
    end: int
    sentence: int  # index into NlpDoc.sentences


@dataclass(frozen=True)
class NlpDoc:
    text: str
    sentences: list[Sentence]
    tags: list[list[str]]  # BIO tag per token, per sentence
    entities: list[Entity]


def official_dir() -> Path:
    return Path(os.environ.get("STANZA_RESOURCES_DIR", Path.home() / "stanza_resources"))


def _official_kwargs() -> dict:
    root = official_dir()
    if not (root / "resources.json").exists() or not list((root / "ar" / "ner").glob("*.pt")):
        raise KgError(
            f"Stanza's official Arabic models are not installed in {root}: on a machine with "
            "internet run `python -c \"import stanza; stanza.download('ar')\"` "
            "(or set STANZA_RESOURCES_DIR), or use the bundled models"
        )
    return {"dir": str(root)}


def _bundled_kwargs() -> dict:
    model, pretrain = BUNDLED_DIR / NER_MODEL, BUNDLED_DIR / NER_PRETRAIN
    if not model.exists() or not pretrain.exists():
        raise KgError(f"the bundled NER model is missing from {BUNDLED_DIR}: reinstall kg")
    # An empty resources file keeps Stanza from looking anything up on the model hub.
    return {
        "dir": str(BUNDLED_DIR),
        "resources_filepath": str(BUNDLED_DIR / "resources.json"),
        "allow_unknown_language": True,
        "ner_model_path": str(model),
        "ner_pretrain_path": str(pretrain),
        "ner_forward_charlm_path": _bundled_charlm("forward"),
        "ner_backward_charlm_path": _bundled_charlm("backward"),
    }


def _bundled_charlm(direction: str) -> str | None:
    """The shipped character language model, when the tagger was trained with one."""
    path = BUNDLED_DIR / f"ar_kg_{direction}_charlm.pt"
    return str(path) if path.exists() else None


@lru_cache(maxsize=2)
def load_pipeline(models: ModelChoice = "bundled"):
    """The Stanza pipeline (tokenize pretokenized + NER), loaded once per process."""
    import stanza

    logging.getLogger("stanza").setLevel(logging.WARNING)
    kwargs = _bundled_kwargs() if models == "bundled" else _official_kwargs()
    return stanza.Pipeline(
        lang="ar",
        processors="tokenize,ner",
        tokenize_pretokenized=True,
        download_method=None,
        use_gpu=False,
        logging_level="ERROR",
        **kwargs,
    )


def bioes_to_bio(tag: str) -> str:
    if tag.startswith("S-"):
        return "B-" + tag[2:]
    if tag.startswith("E-"):
        return "I-" + tag[2:]
    return tag


def entities_from_tags(text: str, sentences: list[Sentence], tags: list[list[str]]) -> list[Entity]:
    """Entity spans from BIO tags; offsets come from the tokens, never from Stanza."""
    out: list[Entity] = []
    for si, (sent, stags) in enumerate(zip(sentences, tags)):
        begin = label = None
        end = 0
        for tok, tag in zip(sent.tokens, stags):
            kind, _, lab = tag.partition("-")
            if begin is not None and (kind != "I" or lab != label):
                out.append(Entity(text[begin:end], label, begin, end, si))
                begin = None
            if kind in ("B", "I") and begin is None:
                begin, label = tok.start, lab
            if begin is not None:
                end = tok.end
        if begin is not None:
            out.append(Entity(text[begin:end], label, begin, end, si))
    return out


class ArabicNLP:
    """Tokenize + NER for many documents at once."""

    def __init__(self, models: ModelChoice = "bundled", batch_size: int = 256):
        self.models = models
        self.batch_size = batch_size

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO tags for pre-tokenized sentences (one list of words per sentence)."""
        if not sentences:
            return []
        import torch

        nlp = load_pipeline(self.models)
        # Stanza batches internally by ner_batch_size; feed it everything in one Document.
        nlp.processors["ner"].config["batch_size"] = self.batch_size
        with torch.inference_mode():
            doc = nlp([list(s) for s in sentences])
        return [[bioes_to_bio(t.ner) for t in s.tokens] for s in doc.sentences]

    def process(self, text: str) -> NlpDoc:
        return self.process_many([text])[0]

    def process_many(self, texts: Iterable[str]) -> list[NlpDoc]:
        """Tag all sentences of all texts in one Stanza call, then split per document."""
        texts = list(texts)
        per_doc = [tokenize(t) for t in texts]
        flat = [[arabic_letters(w) for w in s.words] for sents in per_doc for s in sents]
        flat_tags = self.tag(flat)
        docs, i = [], 0
        for text, sents in zip(texts, per_doc):
            tags = flat_tags[i : i + len(sents)]
            i += len(sents)
            docs.append(NlpDoc(text, sents, tags, entities_from_tags(text, sents, tags)))
        return docs
