"""`kg build --workers N` builds exactly what one process builds."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from conftest import EXAMPLES, run_kg


def quads(store: Path) -> set[str]:
    return {str(q) for q in ox.Store.read_only(str(store))}


def test_two_workers_build_the_same_quads_as_one(example_store, tmp_path):
    one, two = example_store, tmp_path / "two"  # one: the examples built by one process
    r = run_kg("build", EXAMPLES, "--store", two, "--quiet", "--workers", "2")
    assert r.returncode == 0, r.stderr
    assert "built 4 document(s)" in r.stderr
    assert len(quads(one)) > 500
    assert quads(two) == quads(one)


def test_workers_resume_and_reject_nonsense(tmp_path):
    store = tmp_path / "s"
    r = run_kg("build", EXAMPLES / "ex01_raqqa_checkpoint.txt", "--store", store, "--quiet")
    assert r.returncode == 0, r.stderr
    r = run_kg("build", EXAMPLES, "--store", store, "--quiet", "--workers", "2")
    assert r.returncode == 0, r.stderr
    assert "built 3 document(s)" in r.stderr and "skipped 1 unchanged" in r.stderr
    r = run_kg("build", EXAMPLES, "--store", store, "--workers", "0")
    assert r.returncode == 2 and "at least 1" in r.stderr
