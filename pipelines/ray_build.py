"""`kg build` past one machine: a Ray Data pipeline from documents to N-Quads shards.

    python -m pipelines.ray_build INPUT... --out shards/ [--address auto] [--actors 8]
    kg load shards/*.nq --store store/

The driver only lists the input files. Ray tasks read them into documents (kg.documents:
the same ids and checks as `kg build`), a pool of actors, each loading the NER model once,
turns batches of documents into N-Quads (one named graph per document and the descriptions
of its entities in the entities graph, which `kg load` merges), and the cluster's workers write the rows into .nq shards in ``--out``. Past a
billion triples the shards go into QLever or Virtuoso instead: see pipelines/README.md.

Unlike `kg build` this neither resumes nor checks that ids are unique across files: run it
into an empty folder, on inputs with unique ids.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Iterator

import ray
from ray.data.block import BlockAccessor
from ray.data.datasource import BlockBasedFileDatasink

from kg.build import Builder
from kg.documents import Document, check_arabic, file_documents, input_files
from kg.errors import KgError

DOC_FIELDS = ("id", "text", "date", "source", "url", "title", "origin", "source_file")


def read_documents(row: dict) -> Iterator[dict]:
    """The documents of one file; bad ones are reported on stderr (the driver shows it)."""
    bad = []
    for doc in file_documents(Path(row["path"]), row["id"], bad):
        try:
            check_arabic(doc)
        except KgError as e:
            print(f"skipped {e}", file=sys.stderr)
            continue
        yield {f: getattr(doc, f) for f in DOC_FIELDS}
    for b in bad:
        print(f"skipped {b.origin}: {b.problem}", file=sys.stderr)


class GraphsOfBatch:
    """A Ray actor: the whole chain, loaded once, from a batch of documents to N-Quads."""

    def __init__(self, models: str):
        import torch

        torch.set_num_threads(1)  # one actor per CPU
        self.builder = Builder(models)

    def __call__(self, batch: dict) -> dict:
        rows = [dict(zip(DOC_FIELDS, values)) for values in zip(*(batch[f] for f in DOC_FIELDS))]
        # Text arrives as numpy strings; missing metadata as None or NaN, by the column's type.
        docs = [Document(**{k: str(v) if isinstance(v, str) else None for k, v in r.items()}) for r in rows]
        built = []
        for b in self.builder.graphs(docs):
            if b.failure is not None:  # reported, and the rest of the corpus goes on
                print(f"skipped {b.failure.origin}: {b.failure.problem}", file=sys.stderr)
            else:
                built.append(b)
        return {"doc_id": [b.doc_id for b in built], "nquads": [b.nquads().decode("utf-8") for b in built]}


class NQuadsShards(BlockBasedFileDatasink):
    """Each block's documents, concatenated into one .nq file."""

    def __init__(self, path: str, docs_per_shard: int):
        super().__init__(path, file_format="nq", min_rows_per_file=docs_per_shard)

    def write_block_to_file(self, block: BlockAccessor, file) -> None:
        for text in block.to_arrow().column("nquads").to_pylist():
            file.write(text.encode("utf-8"))


def build_shards(inputs: list[Path], out: Path, models: str = "bundled", actors: int = 1,
                 batch: int = 16, docs_per_shard: int = 1000) -> None:
    """Runs on the Ray cluster this process is connected to (ray.init first)."""
    ds = ray.data.from_items([{"path": str(p.resolve()), "id": doc_id} for p, doc_id in input_files(inputs)])
    ds = ds.flat_map(read_documents)
    ds = ds.map_batches(GraphsOfBatch, fn_constructor_kwargs={"models": models}, batch_size=batch,
                        compute=ray.data.ActorPoolStrategy(size=actors), num_cpus=1, batch_format="numpy")
    ds.select_columns(["nquads"]).write_datasink(NQuadsShards(str(out), docs_per_shard))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", type=Path, nargs="+", help=".txt or .jsonl files, or folders of them")
    ap.add_argument("--out", type=Path, required=True, help="folder for the .nq shards (created if missing)")
    ap.add_argument("--address", help="a running Ray cluster (`auto`, or ray://HOST:10001); default: start one here")
    ap.add_argument("--actors", type=int, default=1, help="actors, each with its own NER model (one CPU each)")
    ap.add_argument("--batch", type=int, default=16, help="documents per NER call")
    ap.add_argument("--docs-per-shard", type=int, default=1000)
    ap.add_argument("--models", choices=["bundled", "official"], default="bundled")
    args = ap.parse_args(argv)
    ray.init(address=args.address)
    build_shards(args.inputs, args.out, args.models, args.actors, args.batch, args.docs_per_shard)
    shards = sorted(args.out.glob("*.nq"))
    print(f"wrote {len(shards)} shard(s) to {args.out}; load them with `kg load {args.out}/*.nq --store DIR`",
          file=sys.stderr)


if __name__ == "__main__":
    main()
