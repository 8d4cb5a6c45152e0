"""The `kg` command line."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kg.errors import KgError


def _print_conll(sentences: list[list[str]], tags: list[list[str]]) -> None:
    out = sys.stdout
    for words, stags in zip(sentences, tags):
        for w, t in zip(words, stags):
            out.write(f"{w}\t{t}\n")
        out.write("\n")


def cmd_nlp(args: argparse.Namespace) -> None:
    from kg.documents import decode_text, read_text_file
    from kg.nlp.pipeline import ArabicNLP, entities_from_tags
    from kg.nlp.tokenize import Sentence, Token

    nlp = ArabicNLP(models=args.models)
    if args.pretokenized:
        try:
            data = args.file.read_bytes()
        except OSError as e:
            raise KgError(f"{args.file}: cannot read it ({e.strerror})") from None
        text = decode_text(data, str(args.file))
        # One token per line (extra columns, such as gold tags, are ignored), blank line
        # between sentences.
        words, sentences = [], []
        for line in text.splitlines():
            fields = line.split()
            if fields:
                words.append(fields[0])
            elif words:
                sentences.append(words)
                words = []
        if words:
            sentences.append(words)
        tags = nlp.tag(sentences)
        if args.format == "conll":
            _print_conll(sentences, tags)
            return
        # JSON offsets point into the tokens joined by spaces, sentences by newlines.
        sents, pos = [], 0
        for ws in sentences:
            toks = []
            for w in ws:
                toks.append(Token(w, pos, pos + len(w)))
                pos += len(w) + 1
            sents.append(Sentence(tuple(toks), toks[0].start, toks[-1].end))
        text = "\n".join(" ".join(ws) for ws in sentences)
        entities = entities_from_tags(text, sents, tags)
    else:
        doc = nlp.process(read_text_file(args.file))
        if args.format == "conll":
            _print_conll([s.words for s in doc.sentences], doc.tags)
            return
        entities = doc.entities
    rows = [{"text": e.text, "label": e.label, "start": e.start, "end": e.end, "sentence": e.sentence}
            for e in entities]
    json.dump({"file": str(args.file), "entities": rows}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="kg", description="Arabic news to an event knowledge graph")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("nlp", help="tag a text file with the Arabic NER model")
    p.add_argument("file", type=Path)
    p.add_argument("--pretokenized", action="store_true",
                   help="the file holds one token per line, a blank line between sentences")
    p.add_argument("--format", choices=["conll", "json"], default="conll")
    p.add_argument("--models", choices=["bundled", "official"], default="bundled",
                   help="the models shipped with kg (default) or Stanza's official Arabic models")
    p.set_defaults(func=cmd_nlp)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        args.func(args)
    except KgError as e:
        print(f"kg: error: {e}", file=sys.stderr)
        return e.exit_code
    except BrokenPipeError:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
