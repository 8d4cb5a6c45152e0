"""A Virtuoso server of kg's graph: an ini of its own, `virtuoso-t` started, N-Quads
(`kg export nquads`, or the Ray build's shards) bulk-loaded, and stopped again.

    python -m pipelines.virtuoso DB_DIR FILES.nq... [--http-port 8890] [--isql-port 1111] [--max-rows N]

loads the files into a fresh database in DB_DIR and serves its SPARQL endpoint at
http://127.0.0.1:HTTP_PORT/sparql (for `kg query --endpoint`) until Ctrl-C. Both ports listen
on 127.0.0.1 only. Debian's package (`apt-get install virtuoso-opensource`) brings
`virtuoso-t` and `isql-vt`; its own service and ini are not used, and its ini would cut every
result at 10,000 rows (ResultSetMaxRows), which `kg` reports as an error rather than pass on.
"""
from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from kg.errors import KgError

SERVER, ISQL = "virtuoso-t", "isql-vt"
LOGIN = ("dba", "dba")  # a fresh database's; the ports listen on 127.0.0.1 only
MAX_ROWS = 10_000_000  # past the largest export of a 1M-triple graph (export_mentions: ~200k rows)
MAX_SECONDS = 600  # a query still running after this is stopped with an error (MaxQueryExecutionTime)
RESOURCE = "https://w3id.org/arabic-event-kg/resource/"

INI = """\
[Database]
DatabaseFile       = {db}/virtuoso.db
ErrorLogFile       = {db}/virtuoso.log
LockFile           = {db}/virtuoso.lck
TransactionFile    = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {db}/virtuoso-temp.db
TransactionFile    = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort           = 127.0.0.1:{isql_port}
DisableUnixSocket    = 1
CheckpointInterval   = 60
CaseMode             = 2
DirsAllowed          = {load_dir}
NumberOfBuffers      = {buffers}
MaxDirtyBuffers      = {dirty_buffers}
MaxQueryMem          = 2G
ThreadsPerQuery      = 4

[HTTPServer]
ServerPort           = 127.0.0.1:{http_port}
ServerRoot           = /var/lib/virtuoso-opensource-7/vsp
EnabledDavVSP        = 0
ServerThreads        = 10
Charset              = UTF-8

[SPARQL]
ResultSetMaxRows           = {max_rows}
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = {max_seconds}
"""


@dataclass
class Virtuoso:
    db: Path
    http_port: int
    isql_port: int
    process: subprocess.Popen

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    def isql(self, script: str, timeout: float = 3600) -> str:
        """Runs SQL statements in isql-vt; KgError with Virtuoso's message when one fails."""
        r = subprocess.run([ISQL, f"127.0.0.1:{self.isql_port}", *LOGIN, "VERBOSE=OFF", "BANNER=OFF",
                            "PROMPT=OFF", "ECHO=OFF", "ERRORS=STDOUT"], input=script, capture_output=True,
                           text=True, timeout=timeout)
        errors = [line for line in (r.stdout + r.stderr).splitlines() if "*** Error" in line]
        if r.returncode or errors:
            raise KgError(f"Virtuoso: {(errors or [r.stderr.strip()])[0]} (log: {self.db / 'virtuoso.log'})")
        return r.stdout

    def bulk_load(self, files: list[Path]) -> None:
        """Loads N-Quads files with Virtuoso's bulk loader, every quad in the graph it names.

        The loader reads only from DirsAllowed: the files are linked into the database's
        load folder. The graph given to ld_dir is only for triples without one (there are none).
        """
        load_dir = self.db / "load"
        for stale in load_dir.glob("*.nq"):
            stale.unlink()
        for i, f in enumerate(files):
            (load_dir / f"{i:05d}.nq").symlink_to(Path(f).resolve())
        self.isql(f"ld_dir('{load_dir}', '*.nq', '{RESOURCE}');\nrdf_loader_run();\ncheckpoint;\n")
        failed = self.isql("SELECT ll_file, ll_error FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;")
        if ".nq" in failed:
            raise KgError(f"Virtuoso's bulk loader refused a file: {failed.strip()}")

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                self.isql("shutdown;", timeout=60)
            except (KgError, subprocess.TimeoutExpired):
                self.process.terminate()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_ini(db: Path, http_port: int, isql_port: int, max_rows: int = MAX_ROWS, max_seconds: int = MAX_SECONDS,
              memory: str = "1G") -> Path:
    """virtuoso.ini for a database in ``db``: loopback ports, ``db/load`` the only folder the
    bulk loader may read, a row cap of ``max_rows``, a time limit of ``max_seconds`` per query,
    buffers for about ``memory`` (8 KB each;
    Virtuoso's guide: two thirds of the memory it may take)."""
    buffers = int(float(memory[:-1]) * {"M": 1 << 20, "G": 1 << 30}[memory[-1]] / 8192 * 2 / 3)
    (db / "load").mkdir(parents=True, exist_ok=True)
    ini = db / "virtuoso.ini"
    ini.write_text(INI.format(db=db, load_dir=db / "load", isql_port=isql_port, http_port=http_port,
                              max_rows=max_rows, max_seconds=max_seconds, buffers=buffers, dirty_buffers=buffers * 3 // 4), encoding="utf-8")
    return ini


def start(db: Path, http_port: int | None = None, isql_port: int | None = None, max_rows: int = MAX_ROWS,
          max_seconds: int = MAX_SECONDS, timeout: float = 120) -> Virtuoso:
    """Starts `virtuoso-t` in the foreground of a child process, on a database in ``db``
    (created if missing), and waits until its SPARQL endpoint answers."""
    if shutil.which(SERVER) is None:
        raise KgError(f"{SERVER} is not installed; apt-get install virtuoso-opensource")
    db = Path(db).resolve()
    db.mkdir(parents=True, exist_ok=True)
    http_port, isql_port = http_port or free_port(), isql_port or free_port()
    ini = write_ini(db, http_port, isql_port, max_rows, max_seconds)
    with open(db / "virtuoso.out", "w") as out:
        process = subprocess.Popen([SERVER, "+configfile", str(ini), "+foreground"], cwd=db,
                                   stdout=out, stderr=subprocess.STDOUT)
    server = Virtuoso(db, http_port, isql_port, process)
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise KgError(f"{SERVER} stopped while starting (exit {process.returncode}); see {db / 'virtuoso.log'}")
        try:
            socket.create_connection(("127.0.0.1", http_port), timeout=1).close()
            server.isql("status();", timeout=30)
            return server
        except (OSError, KgError, subprocess.TimeoutExpired):
            if time.monotonic() > deadline:
                server.stop()
                raise KgError(f"{SERVER} did not answer within {timeout:.0f} s; see {db / 'virtuoso.log'}") from None
            time.sleep(0.5)


@contextmanager
def running(db: Path, files: list[Path], **options) -> Iterator[Virtuoso]:
    """A Virtuoso with ``files`` loaded, stopped however the block ends."""
    server = start(db, **options)
    try:
        server.bulk_load(files)
        yield server
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("db", type=Path, help="the database's folder (its ini, files and log)")
    ap.add_argument("files", type=Path, nargs="+", help="N-Quads files (kg export nquads, Ray shards)")
    ap.add_argument("--http-port", type=int, default=8890)
    ap.add_argument("--isql-port", type=int, default=1111)
    ap.add_argument("--max-rows", type=int, default=MAX_ROWS, help="ResultSetMaxRows: rows a result holds at most")
    args = ap.parse_args(argv)
    try:
        with running(args.db, args.files, http_port=args.http_port, isql_port=args.isql_port,
                     max_rows=args.max_rows) as server:
            print(f"serving {args.db} at {server.endpoint} (Ctrl-C stops it)", flush=True)
            server.process.wait()
    except KgError as e:
        print(f"virtuoso: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("virtuoso: stopped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
