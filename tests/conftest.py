from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples" / "articles"


@pytest.fixture(scope="session")
def shared() -> Path:
    assert SHARED.is_dir(), f"{SHARED} is missing: CI and developers keep ../shared beside the repo"
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp.pipeline import ArabicNLP

    return ArabicNLP()


@pytest.fixture(scope="session")
def example_store(tmp_path_factory) -> Path:
    """The example articles built once, with the real CLI, for the tests that only read a store."""
    path = tmp_path_factory.mktemp("examples") / "store"
    r = run_kg("build", EXAMPLES, "--store", path, "--quiet")
    assert r.returncode == 0, r.stderr
    assert "built 4 document(s)" in r.stderr
    return path


def run_kg(*args: str, input: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The real command line, in a subprocess."""
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True,
                          text=True, input=input, cwd=cwd)
