"""Worker processes never outlive the kg process that started them, even one killed with
`kill -9`, which gives it no chance to stop them itself."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from conftest import REPO
from test_robustness import news


def workers_of(pid: int) -> set[int]:
    """The live (not zombie) worker processes multiprocessing started for ``pid``."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z" and b"spawn_main" in command:
            found.add(int(stat.parent.name))
    return found


def alive(pids: set[int]) -> set[int]:
    out = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            out.add(pid)
    return out


def wait_for(condition, what: str, timeout: float = 180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.2)
    raise AssertionError(f"gave up waiting for {what}")


def kill_and_expect_no_workers(proc: subprocess.Popen, workers: int) -> None:
    def started():
        pids = workers_of(proc.pid)
        return pids if len(pids) >= workers else None

    pids = wait_for(started, f"{workers} workers")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    try:
        wait_for(lambda: not alive(pids), "the workers to end", timeout=60)
    finally:
        for pid in alive(pids):  # leave nothing behind, whatever the test found
            os.kill(pid, signal.SIGKILL)


def test_kill_9_of_a_two_worker_build_leaves_no_worker(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(40):
        (corpus / f"n{i:02d}.txt").write_text(news(i), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(corpus), "--store", str(tmp_path / "s"),
                             "--workers", "2", "--quiet"], stderr=subprocess.DEVNULL, cwd=REPO)
    kill_and_expect_no_workers(proc, workers=2)


def ask(url: str) -> None:
    """A request whose answer does not matter (the server is killed before it comes)."""
    try:
        urllib.request.urlopen(url, timeout=600).read()
    except OSError:
        pass


def cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def test_kill_9_of_kg_serve_leaves_no_worker_even_one_mid_query(example_store):
    from test_serve import RUNAWAY

    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(example_store), "--port", "0",
                             "--timeout", "600"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=REPO)
    url = re.search(r"http://127\.0\.0\.1:\d+", proc.stdout.readline())[0]  # its workers are up
    idle = {pid: cpu_ticks(pid) for pid in workers_of(proc.pid)}
    # A query that would run for hours: a worker busy with it only ends by its death signal.
    threading.Thread(target=ask, args=(f"{url}/query?" + urllib.parse.urlencode({"query": RUNAWAY}),),
                     daemon=True).start()
    wait_for(lambda: any(cpu_ticks(pid) > ticks + 100 for pid, ticks in idle.items()), "a worker to be busy")
    kill_and_expect_no_workers(proc, workers=2)
