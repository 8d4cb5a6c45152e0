"""`kg serve`: a SPARQL 1.1 Protocol endpoint over a store, for YASGUI and scripts.

Queries run in worker processes (kg.serve.worker), one request at a time each. A query that
outlives the timeout is stopped by killing its worker, and a fresh one takes its place: a
thread could not be stopped, and Oxigraph may spend all that time before its first row.
Read-only unless writable; then a single worker holds the store read-write (Oxigraph allows
one writing process) and runs updates as well as queries.
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from kg.errors import KgError
from kg.rdf.namespace import PREFIXES
from kg.serve.worker import Reply, Request, error_reply, main as run_worker
from kg.store import require_store

MAX_BODY = 16_000_000
TRUNCATED_HEADER = "X-SPARQL-MaxRows"  # Virtuoso's name for "only the first N rows are here"
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Expose-Headers": TRUNCATED_HEADER,
    "Access-Control-Max-Age": "86400",
}
_spawn = multiprocessing.get_context("spawn")  # forking a threaded server is unsafe


class Worker:
    """A worker process and the pipe to it."""

    def __init__(self, store_path: str, writable: bool):
        self.conn, child = _spawn.Pipe()
        self.process = _spawn.Process(target=run_worker, daemon=True,
                                      args=(store_path, writable, PREFIXES, child))
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float = 120) -> str | None:
        """None once the worker has opened the store, else why it could not."""
        if not self.ready:
            if not self.conn.poll(timeout):
                return "the query worker did not start"
            message = self.conn.recv()
            self.ready = message == "ready"
            if not self.ready:
                return message
        return None

    def call(self, req: Request, timeout: float) -> Reply | None:
        """The reply, or None when the worker is still busy after ``timeout`` seconds."""
        self.conn.send(req)
        return self.conn.recv() if self.conn.poll(timeout) else None

    def kill(self) -> None:
        self.process.kill()
        self.process.join()  # the store's lock is free once it is gone
        self.conn.close()


class Endpoint:
    """The pool of workers and the limits every request runs under."""

    def __init__(self, store_path: Path, timeout: float, max_results: int, writable: bool, workers: int):
        self.store_path, self.timeout, self.max_results, self.writable = str(store_path), timeout, max_results, writable
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._all: set[Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(1 if writable else workers):
            self._idle.put(self._start())
        for w in list(self._all):
            if problem := w.wait_ready():
                self.close()
                raise KgError(f"{store_path}: {problem}")

    def _start(self) -> Worker:
        w = Worker(self.store_path, self.writable)
        with self._lock:
            self._all.add(w)
        return w

    def _replace(self, w: Worker) -> Worker | None:
        w.kill()
        with self._lock:
            self._all.discard(w)
        return None if self._closed else self._start()

    def handle(self, req: Request) -> Reply:
        try:
            w = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return error_reply(503, "every query worker is busy; try again later")
        healthy = False
        try:
            if problem := w.wait_ready():
                return error_reply(500, problem)
            reply = w.call(req, self.timeout)
            healthy = reply is not None
            return reply or error_reply(503, f"the {req.op} ran past the {self.timeout:g} s limit and was stopped")
        except (EOFError, OSError):
            return error_reply(500, f"the query worker died running this {req.op} (out of memory?)")
        finally:
            replacement = w if healthy else self._replace(w)
            if replacement:
                self._idle.put(replacement)

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers, self._all = list(self._all), set()
        for w in workers:
            w.kill()


def _accepted(header: str) -> list[str]:
    """The media types of an Accept header, most wanted first."""
    ranked = []
    for i, part in enumerate(header.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = next((p[2:] for p in params if p.startswith("q=")), "1")
        try:
            weight = float(q)
        except ValueError:
            weight = 0.0
        if media and weight > 0:
            ranked.append((-weight, i, media.lower()))
    return [media for _, _, media in sorted(ranked)]


class Handler(BaseHTTPRequestHandler):
    server_version = "kg-serve"

    @property
    def endpoint(self) -> Endpoint:
        return self.server.endpoint  # type: ignore[attr-defined]

    def do_OPTIONS(self) -> None:  # CORS preflight
        self._send(Reply(204, b""))

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        params = parse_qs(url.query)
        if url.path == "/query":
            self._query(params)
        elif url.path == "/update":
            self._send(error_reply(405, "send updates with POST"))
        elif url.path == "/":
            self._send(Reply(200, b"SPARQL endpoint: GET or POST /query" +
                             (b", POST /update\n" if self.endpoint.writable else b" (read-only)\n")))
        else:
            self._send(error_reply(404, f"no {url.path} here; the SPARQL endpoint is /query"))

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        params = parse_qs(url.query)
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return self._send(error_reply(400, "bad Content-Length"))
        if length > MAX_BODY:
            return self._send(error_reply(413, f"the request is over {MAX_BODY // 1_000_000} MB"))
        try:
            body = self.rfile.read(length).decode("utf-8")
        except UnicodeDecodeError:
            return self._send(error_reply(400, "the request body is not UTF-8"))
        kind = self.headers.get_content_type()
        if kind == "application/x-www-form-urlencoded":
            for k, v in parse_qs(body).items():
                params.setdefault(k, []).extend(v)
        elif kind in ("application/sparql-query", "application/sparql-update"):
            params.setdefault(kind.rsplit("-", 1)[1], []).append(body)
        else:
            return self._send(error_reply(415, f"unsupported Content-Type {kind}"))
        if url.path == "/query":
            self._query(params)
        elif url.path == "/update":
            self._update(params)
        else:
            self._send(error_reply(404, f"no {url.path} here; the SPARQL endpoint is /query"))

    def _query(self, params: dict[str, list[str]]) -> None:
        if len(params.get("query", [])) != 1:
            return self._send(error_reply(400, "give exactly one `query` parameter"))
        self._send(self.endpoint.handle(Request(
            "query", params["query"][0], accept=_accepted(self.headers.get("Accept", "")),
            default_graphs=params.get("default-graph-uri", []), named_graphs=params.get("named-graph-uri", []),
            max_results=self.endpoint.max_results)))

    def _update(self, params: dict[str, list[str]]) -> None:
        if not self.endpoint.writable:
            return self._send(error_reply(403, "this endpoint is read-only; start `kg serve --writable` to accept updates"))
        if len(params.get("update", [])) != 1:
            return self._send(error_reply(400, "give exactly one `update` parameter"))
        self._send(self.endpoint.handle(Request("update", params["update"][0])))

    def _send(self, reply: Reply) -> None:
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            if reply.truncated:
                self.send_header(TRUNCATED_HEADER, str(self.endpoint.max_results))
            for name, value in CORS.items():
                self.send_header(name, value)
            self.send_header("Access-Control-Allow-Headers",
                             self.headers.get("Access-Control-Request-Headers") or "Content-Type, Accept")
            self.end_headers()
            self.wfile.write(reply.body)
        except ConnectionError:  # the client went away
            pass


def _stop(signum, frame):
    raise KeyboardInterrupt


def serve(store_path: Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30,
          max_results: int = 10_000, writable: bool = False, workers: int = min(4, os.cpu_count() or 1)) -> None:
    """Serve until Ctrl-C or SIGTERM. Port 0 picks a free port; the URL printed says which."""
    if not writable:
        require_store(store_path)
    endpoint = Endpoint(store_path, timeout, max_results, writable, workers)
    try:
        httpd = ThreadingHTTPServer((host, port), Handler)
    except OSError as e:
        endpoint.close()
        raise KgError(f"cannot listen on {host}:{port} ({e.strerror})") from None
    httpd.daemon_threads = True
    httpd.endpoint = endpoint  # type: ignore[attr-defined]
    url = f"http://{host}:{httpd.server_port}"
    print(f"SPARQL endpoint: {url}/query" + (f" and {url}/update" if writable else " (read-only)"), flush=True)
    signal.signal(signal.SIGTERM, _stop)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
        endpoint.close()
        print("kg serve: stopped", file=sys.stderr)
