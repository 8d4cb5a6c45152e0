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


def cmd_build(args: argparse.Namespace) -> int:
    from kg.build import build
    from kg.store import Store

    with Store(args.store) as store:
        summary = build(args.inputs, store, models=args.models, force=args.force, replace=args.replace,
                        progress=not args.quiet, workers=args.workers, date=args.date)
    for line in summary.lines():
        print(line, file=sys.stderr)
    return summary.exit_code


def cmd_query(args: argparse.Namespace) -> None:
    from kg.store import open_graph, read_query

    store = open_graph(args.store, args.endpoint)
    bad = [b for b in args.bind if "=" not in b]
    if bad:
        raise KgError(f"--bind {bad[0]!r}: expected VAR=IRI")
    rows = store.select(read_query(args.query), dict(b.split("=", 1) for b in args.bind))
    _write_table(rows, list(rows[0]) if rows else [], args.format)


def _write_table(rows: list[dict], fields: list[str], fmt: str) -> None:
    from kg.export.tables import write_rows

    if fmt == "table":
        import pandas as pd

        from kg.rdf.namespace import compact

        # IRIs as prefixed names (res:actor/sdf) so a table fits a terminal; csv and json keep them whole
        shown = [{k: compact(v) if isinstance(v, str) else v for k, v in row.items()} for row in rows]
        with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200):
            print(pd.DataFrame(shown, columns=fields).to_string(index=False) if rows else "(no results)")
        return
    if fmt == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    write_rows(rows, fields, fmt, sys.stdout)


GRAPH_EXPORTS = ("gexf", "graphml")
RDF_EXPORTS = ("nquads", "trig", "turtle", "jsonld")


def _write_binary(out: Path | None, write):
    """``write(file)`` on --out opened for binary writing, else on stdout; a failed
    export leaves no partial file."""
    if out is None:
        return write(sys.stdout.buffer)
    try:
        with open(out, "wb") as f:
            return write(f)
    except OSError as e:
        raise KgError(f"{out}: cannot write it ({e.strerror})") from None
    except KgError:
        out.unlink(missing_ok=True)
        raise


def _check_export_options(args: argparse.Namespace) -> None:
    for flag, given, applies_to in (("--view", args.view, GRAPH_EXPORTS), ("--dynamic", args.dynamic, ("gexf",)),
                                    ("--doc", args.doc, RDF_EXPORTS)):
        if given and args.what not in applies_to:
            raise KgError(f"{flag} applies to `kg export {'|'.join(applies_to)}`, not to `kg export {args.what}`")
    if args.endpoint and args.what in RDF_EXPORTS:
        raise KgError(f"kg export {args.what} writes a store's own quads: give --store, or dump the endpoint's "
                      "graphs with its engine's tools")


def cmd_export_graph(args: argparse.Namespace) -> None:
    from kg.export.gexf import write_gexf
    from kg.export.network import build_network, write_graphml
    from kg.store import open_graph

    view = args.view or "actors"
    g = build_network(open_graph(args.store, args.endpoint), view)
    _write_binary(args.out, lambda f: write_gexf(g, f, args.dynamic) if args.what == "gexf" else write_graphml(g, f))
    if args.out:
        print(f"wrote {g.number_of_nodes()} nodes and {g.number_of_edges()} edges ({view} view) to {args.out}",
              file=sys.stderr)


def cmd_export_rdf(args: argparse.Namespace) -> None:
    from kg.export.rdf import write_rdf
    from kg.store import Store

    store = Store(args.store, read_only=True)
    n = _write_binary(args.out, lambda f: write_rdf(store, args.what, f, args.doc))
    if args.out:
        print(f"wrote {n} {'triples' if args.what == 'turtle' else 'quads'} to {args.out}", file=sys.stderr)


def cmd_export(args: argparse.Namespace) -> None:
    from kg.export import tables
    from kg.export.tables import write_rows
    from kg.store import open_graph

    _check_export_options(args)
    if args.what in GRAPH_EXPORTS:
        return cmd_export_graph(args)
    if args.what in RDF_EXPORTS:
        return cmd_export_rdf(args)
    store = open_graph(args.store, args.endpoint)
    make, fields = {"events": (tables.events_table, tables.EVENT_FIELDS),
                    "entities": (tables.entities_table, tables.ENTITY_FIELDS),
                    "incidents": (tables.incidents_table, tables.INCIDENT_FIELDS)}[args.what]
    rows = make(store)
    if args.out:
        try:
            with open(args.out, "w", encoding="utf-8", newline="") as f:
                write_rows(rows, fields, args.format, f)
        except OSError as e:
            raise KgError(f"{args.out}: cannot write it ({e.strerror})") from None
        print(f"wrote {len(rows)} {args.what} to {args.out}", file=sys.stderr)
    else:
        write_rows(rows, fields, args.format, sys.stdout)


def cmd_report(args: argparse.Namespace) -> None:
    from kg.report import write_report
    from kg.store import open_graph

    write_report(open_graph(args.store, args.endpoint), args.out)
    print(f"wrote the report to {args.out}", file=sys.stderr)


def _publication_date(text: str) -> str:
    from kg.documents import iso_date

    if not (value := iso_date(text)):
        raise argparse.ArgumentTypeError(f"expected a date such as 2018-05-30, not {text!r}")
    return value


def _positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return int(text)


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"expected a port number from 0 to 65535, not {text!r}")
    return int(text)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of seconds above 0, not {text!r}")
    return value


def _bytes(text: str) -> int:
    """``2G``, ``512M`` or a number of bytes."""
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    number, unit = (text[:-1], units[text[-1].upper()]) if text[-1:].upper() in units else (text, 1)
    if not number.isdigit() or int(number) * unit < 64 << 20:
        raise argparse.ArgumentTypeError(f"expected a size of at least 64M, such as 512M or 2G, not {text!r}")
    return int(number) * unit


def cmd_serve(args: argparse.Namespace) -> None:
    import os

    from kg.serve import serve

    serve(args.store, host=args.host, port=args.port, timeout=args.timeout, max_results=args.max_results,
          writable=args.writable, max_memory=args.max_memory, allow_service=args.allow_service,
          token=args.token or os.environ.get("KG_TOKEN"))


def cmd_load(args: argparse.Namespace) -> None:
    from kg.build import link_incidents
    from kg.store import Store

    with Store(args.store) as store:
        n = store.load_nquads(*args.files)
        incidents = link_incidents(store)  # derived from the documents now in the store
    print(f"loaded {n} quads from {len(args.files)} file(s) into {args.store}; "
          f"{incidents} incident(s) reported by more than one document", file=sys.stderr)


def _add_graph_source(p: argparse.ArgumentParser) -> None:
    """--store DIR or --endpoint URL: where query, export and report read the graph."""
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--store", type=Path, help="the store's folder")
    source.add_argument("--endpoint", metavar="URL",
                        help="a SPARQL 1.1 endpoint serving the graph instead (Virtuoso: http://HOST:8890/sparql; "
                             "kg serve: http://HOST:7878/query)")


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

    p = sub.add_parser("build", help="build the graph of .txt files, folders or JSONL into a store")
    p.add_argument("inputs", type=Path, nargs="+")
    p.add_argument("--store", type=Path, required=True, help="the store's folder (created if missing)")
    p.add_argument("--force", action="store_true", help="redo documents already in the store")
    p.add_argument("--replace", action="store_true",
                   help="replace a document whose id the store holds from another file (refused otherwise)")
    p.add_argument("--models", choices=["bundled", "official"], default="bundled")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--workers", type=_positive_int, default=1, metavar="N",
                   help="worker processes, each with its own NER model (default 1)")
    p.add_argument("--date", type=_publication_date, metavar="YYYY-MM-DD",
                   help="publication date of the text files (JSONL rows give their own `date`); "
                        "without it a text file is dated from its dateline, if it has one")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("query", help="run SPARQL (text, a .rq file, or a name from ontology/queries)")
    p.add_argument("query")
    _add_graph_source(p)
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.add_argument("--bind", action="append", default=[], metavar="VAR=IRI",
                   help="bind a query parameter, e.g. --bind actor=https://w3id.org/arabic-event-kg/resource/actor/sdf")
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("export", help="export tables, networks (GEXF, GraphML) or RDF from a store")
    p.add_argument("what", choices=["events", "entities", "incidents", *GRAPH_EXPORTS, *RDF_EXPORTS])
    _add_graph_source(p)
    p.add_argument("--format", choices=["jsonl", "csv"], default="jsonl", help="for events, entities and incidents")
    p.add_argument("--out", type=Path)
    p.add_argument("--view", choices=["actors", "events", "full"],
                   help="gexf/graphml: actors and who accuses/attacks whom (default), events with their "
                        "actors and places, or full (plus documents, victim groups, all actors and places)")
    p.add_argument("--dynamic", action="store_true",
                   help="gexf: dated nodes and edges (timeformat date) for Gephi's timeline")
    p.add_argument("--doc", metavar="ID",
                   help="nquads/trig/turtle/jsonld: only this document's graph, with its entities' descriptions")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("report", help="write one self-contained HTML page: map, actor network, tables")
    _add_graph_source(p)
    p.add_argument("--out", type=Path, required=True, help="the HTML file to write")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("serve", help="a SPARQL 1.1 endpoint over a store (for YASGUI, SPARQLWrapper...)")
    p.add_argument("--store", type=Path, required=True)
    p.add_argument("--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1, this machine only)")
    p.add_argument("--port", type=_port, default=7878, help="default 7878; 0 picks a free one")
    p.add_argument("--timeout", type=_seconds, default=30, metavar="SECONDS",
                   help="a query or update still running after this is stopped (default 30)")
    p.add_argument("--max-results", type=_positive_int, default=10_000, metavar="N",
                   help="rows (or triples) returned at most; more are cut, with an X-SPARQL-MaxRows header")
    p.add_argument("--max-memory", type=_bytes, default=2 << 30, metavar="SIZE",
                   help="memory a query may take in its worker (default 2G); one past it is stopped with a 503")
    p.add_argument("--writable", action="store_true",
                   help="accept SPARQL Update on /update, from clients that send the token")
    p.add_argument("--token", help="the bearer token updates must carry (default: the KG_TOKEN variable)")
    p.add_argument("--allow-service", action="store_true",
                   help="run SERVICE clauses, which make the server send requests to the URLs queries name")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("load", help="add N-Quads files (shards of a distributed build...) to a store")
    p.add_argument("files", type=Path, nargs="+")
    p.add_argument("--store", type=Path, required=True, help="the store's folder (created if missing)")
    p.set_defaults(func=cmd_load)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args) or 0
    except KgError as e:
        print(f"kg: error: {e}", file=sys.stderr)
        return e.exit_code
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:  # Ctrl-C: what is written stays written (each document is one transaction)
        print(f"kg {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
