"""Arabic NLP: tokenizer, normalisation and the Stanza NER pipeline."""
from kg.nlp.normalize import normalize
from kg.nlp.tokenize import Sentence, Token, tokenize

__all__ = ["normalize", "tokenize", "Sentence", "Token"]
