"""`kg build --workers N`: one Builder (one Stanza pipeline) per worker process.

Workers turn batches of documents into N-Triples (each document's graph and its entities'
descriptions); the parent alone writes them to the store. At most two batches per worker
are in flight, so memory stays bounded however long the input, and results come back in
input order, so the store ends up exactly as with one worker.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable, Iterator

from kg.build import Builder, BuiltGraph
from kg.documents import Document
from kg.processes import die_with_parent

_builder: Builder | None = None  # this worker process's chain, loaded once


def _start_worker(models: str, parent: int) -> None:
    global _builder
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops us
    import torch

    # N processes on N cores: a second torch thread in each would only contend.
    torch.set_num_threads(1)
    _builder = Builder(models)


def _graphs(docs: list[Document]) -> list[BuiltGraph]:
    return _builder.graphs(docs)


def graphs_in_parallel(batches: Iterable[list[Document]], models: str, workers: int) -> Iterator[list[BuiltGraph]]:
    # spawn, not fork: the parent holds RocksDB's and tqdm's threads.
    context = multiprocessing.get_context("spawn")
    # Workers are started by the thread that submits (this one, the main thread): their death
    # signal goes with it (see die_with_parent).
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(models, os.getpid()))
    try:
        in_flight = deque()
        for batch in batches:
            in_flight.append(pool.submit(_graphs, batch))
            if len(in_flight) >= 2 * workers:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()
    except BaseException:  # Ctrl-C or an error: stop now rather than finish the batches in flight
        for process in list(pool._processes.values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
