"""`kg serve`: a SPARQL 1.1 Protocol endpoint over a store, for YASGUI and scripts, with a
query page (YASGUI, bundled in static/) at `/`.

Queries run in worker processes (kg.serve.worker), one request at a time each. A query that
outlives the timeout is stopped by killing its worker, and a fresh one takes its place: a
thread could not be stopped, and Oxigraph may spend all that time before its first row. A
worker that runs out of its memory limit ends too, and is replaced the same way.
Read-only unless writable; then a single worker holds the store read-write (Oxigraph allows
one writing process) and runs updates as well as queries.

The server holds the store's lock (kg.store.claim_store) while it runs: every worker answers
from the store as it was when the server started, and `kg build` is refused meanwhile.
Nothing reaches out of the machine unless the operator says so: SERVICE only with
allow_service, LOAD never; updates only when writable, with the bearer token, and never from
another origin (a web page's form could otherwise POST `DROP ALL`).
"""
from __future__ import annotations

import hmac
import ipaddress
import json
import mimetypes
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
from kg.serve.worker import OUT_OF_MEMORY, Reply, Request, error_reply, main as run_worker
from kg.store import QUERY_DIR, SERVER, claim_store, require_store
from kg.store.sparql import read_sparql

MAX_BODY = 16_000_000
STATIC_DIR = Path(__file__).parent / "static"  # the query page and YASGUI (see static/README.md)
STATIC_FILES = {p.name for p in STATIC_DIR.iterdir()} if STATIC_DIR.is_dir() else set()
TRUNCATED_HEADER = "X-SPARQL-MaxRows"  # Virtuoso's name for "only the first N rows are here"
# Read-only requests may come from any page (YASGUI elsewhere); updates never get CORS headers.
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Expose-Headers": TRUNCATED_HEADER,
    "Access-Control-Max-Age": "86400",
}
_spawn = multiprocessing.get_context("spawn")  # forking a threaded server is unsafe


class Worker:
    """A worker process and the pipe to it."""

    def __init__(self, store_path: str, writable: bool, max_memory: int):
        self.conn, child = _spawn.Pipe()
        self.process = _spawn.Process(target=run_worker, daemon=True,
                                      args=(store_path, writable, PREFIXES, max_memory, os.getpid(), child))
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float = 120) -> str | None:
        """None once the worker has opened the store, else why it could not."""
        if not self.ready:
            try:
                if not self.conn.poll(timeout):
                    return "the query worker did not start"
                message = self.conn.recv()
            except EOFError:
                return "the query worker died opening the store"
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

    def __init__(self, store_path: Path, timeout: float, max_results: int, writable: bool, workers: int,
                 max_memory: int = 2 << 30, allow_service: bool = False, token: str | None = None):
        self.store_path, self.timeout, self.max_results, self.writable = str(store_path), timeout, max_results, writable
        self.max_memory, self.allow_service, self.token = max_memory, allow_service, token
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._all: set[Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        # Replacements are started by one thread that lives as long as the server: a worker's
        # death signal follows the thread that started it (kg.processes.die_with_parent), and
        # a request's thread ends with the request.
        self._to_replace: queue.Queue[Worker | None] = queue.Queue()
        threading.Thread(target=self._replacer, daemon=True).start()
        for _ in range(1 if writable else workers):
            self._idle.put(self._start())
        for w in list(self._all):
            if problem := w.wait_ready():
                self.close()
                raise KgError(f"{store_path}: {problem}")

    def _start(self) -> Worker:
        w = Worker(self.store_path, self.writable, self.max_memory)
        with self._lock:
            self._all.add(w)
        return w

    def _replacer(self) -> None:
        while (w := self._to_replace.get()) is not None:
            w.kill()
            with self._lock:
                self._all.discard(w)
            if not self._closed:
                self._idle.put(self._start())

    def check(self, req: Request) -> Reply | None:
        """Why the request may not run here, as the reply to send; None when it may."""
        try:
            shape = read_sparql(req.text, update=req.op == "update")
        except KgError as e:
            return error_reply(400, str(e))
        if shape.loads:
            return error_reply(403, "LOAD is refused: the server does not fetch URLs for its clients; "
                                    "load files with `kg load FILE --store DIR` while the server is stopped")
        if shape.services and not self.allow_service:
            return error_reply(403, f"SERVICE <{shape.services[0]}> is refused: the server does not send requests "
                                    "for its clients unless started with `kg serve --allow-service`")
        req.union = not shape.names_dataset and not req.default_graphs and not req.named_graphs
        return None

    def handle(self, req: Request) -> Reply:
        if refused := self.check(req):
            return refused
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
        except (EOFError, OSError):  # it died: a failed allocation aborts it (Rust), past its memory limit
            w.process.join(5)
            if w.process.exitcode == -signal.SIGABRT:
                return error_reply(503, f"{OUT_OF_MEMORY} at {self.max_memory / (1 << 20):g} MB")
            return error_reply(500, f"the query worker died running this {req.op} (exit code {w.process.exitcode})")
        finally:
            if healthy:
                self._idle.put(w)
            else:
                self._to_replace.put(w)

    def close(self) -> None:
        self._closed = True
        self._to_replace.put(None)
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
            self._send(Reply(200, (STATIC_DIR / "index.html").read_bytes(), "text/html; charset=utf-8"))
        elif url.path == "/queries.json":
            self._send(Reply(200, shipped_queries(), "application/json"))
        elif url.path.startswith("/static/") and url.path[len("/static/"):] in STATIC_FILES:
            path = STATIC_DIR / url.path[len("/static/"):]
            self._send(Reply(200, path.read_bytes(), mimetypes.guess_type(path.name)[0] or "application/octet-stream"))
        else:
            self._send(error_reply(404, f"no {url.path} here; the SPARQL endpoint is /query, a query page is at /"))

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
        origin = self.headers.get("Origin")
        if origin and urlsplit(origin).netloc != self.headers.get("Host"):
            return self._send(error_reply(403, f"updates from another origin ({origin}) are refused"))
        given = self.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), self.endpoint.token.encode()):
            return self._send(error_reply(401, "updates need the server's token: send `Authorization: Bearer TOKEN` "
                                               "(kg serve --token, or KG_TOKEN)"))
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
            if urlsplit(self.path).path != "/update":
                for name, value in CORS.items():
                    self.send_header(name, value)
                self.send_header("Access-Control-Allow-Headers",
                                 self.headers.get("Access-Control-Request-Headers") or "Content-Type, Accept")
            self.end_headers()
            self.wfile.write(reply.body)
        except ConnectionError:  # the client went away
            pass


def shipped_queries() -> bytes:
    """The query page's examples: the shipped queries as {name: text}, each with PREFIX lines
    for the prefixes it uses (the server adds them itself; the page's editor checks them), and
    the prefixes, for the page to show IRIs short."""
    queries = {}
    for path in sorted(QUERY_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        declared = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()
                           if f"{p}:" in text and f"PREFIX {p}:" not in text)
        queries[path.stem] = declared + text
    return json.dumps({"prefixes": PREFIXES, "queries": queries}, ensure_ascii=False).encode("utf-8")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the listen backlog: socketserver's 5 keeps a burst of clients waiting


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _stop(signum, frame):
    raise KeyboardInterrupt


def serve(store_path: Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30,
          max_results: int = 10_000, writable: bool = False, workers: int = min(4, os.cpu_count() or 1),
          max_memory: int = 2 << 30, allow_service: bool = False, token: str | None = None) -> None:
    """Serve until Ctrl-C or SIGTERM. Port 0 picks a free port; the URL printed says which."""
    if writable and not token:
        raise KgError("--writable needs a token for its clients to send: give --token TOKEN or set KG_TOKEN")
    if not writable:
        require_store(store_path)
    lock = claim_store(store_path, SERVER, shared=not writable)
    try:
        endpoint = Endpoint(store_path, timeout, max_results, writable, workers, max_memory, allow_service, token)
    except KgError:
        lock.close()
        raise
    try:
        httpd = Server((host, port), Handler)
    except OSError as e:
        endpoint.close()
        lock.close()
        raise KgError(f"cannot listen on {host}:{port} ({e.strerror})") from None
    httpd.endpoint = endpoint  # type: ignore[attr-defined]
    url = f"http://{host}:{httpd.server_port}"
    print(f"SPARQL endpoint: {url}/query" + (f" and {url}/update" if writable else " (read-only)")
          + f"; query page: {url}/", flush=True)
    if not _is_loopback(host):
        print(f"kg serve: warning: listening on {host}, beyond this machine, with no authentication "
              "for queries: anyone who can reach it can read the whole store", file=sys.stderr, flush=True)
    signal.signal(signal.SIGTERM, _stop)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
        endpoint.close()
        lock.close()
        print("kg serve: stopped", file=sys.stderr)
