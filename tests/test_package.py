"""The wheel, as `python -m build` makes it, installed in a fresh virtual environment: `kg`
builds the reference article from another folder, answers a shipped query and draws its report.

The fresh environment gets the wheel alone (`--no-deps`) and borrows the test environment's
dependencies through a path file, which adds that folder to sys.path without running its
own path files: kg's editable install stays out of sight, so `import kg` is the wheel's.
(.ci/run also installs the wheel with its dependencies from scratch.)
"""
from __future__ import annotations

import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from conftest import REPO


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    r = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(REPO)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    return next(out.glob("kg-*.whl"))


@pytest.fixture(scope="session")
def installed(wheel, tmp_path_factory) -> Path:
    """The `kg` command of a fresh virtual environment holding the wheel."""
    env = tmp_path_factory.mktemp("venv") / "env"
    venv.create(env, with_pip=False)
    python = env / "bin" / "python"
    packages = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                              capture_output=True, text=True, check=True).stdout.strip()
    (Path(packages) / "test_dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    r = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                        str(wheel)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    return env / "bin" / "kg"


def test_the_wheel_ships_what_kg_reads(wheel):
    import zipfile

    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("kg/ontology/ekg.ttl", "kg/ontology/shapes.ttl", "kg/ontology/queries/accusations.rq",
                   "kg/registry/actors.jsonl", "kg/registry/places.jsonl", "kg/nlp/models/ar_kg_nertagger.pt",
                   "kg/serve/static/index.html", "kg/serve/static/yasgui.min.js",
                   "kg/report/data/countries-110m.json"):
        assert needed in names, needed


def test_the_installed_wheel_builds_and_queries_from_another_folder(installed, shared, tmp_path):
    article = shared / "dev" / "articles" / "seed_sinaa_prison.txt"
    where = subprocess.run([str(installed.with_name("python")), "-c", "import kg; print(kg.__file__)"],
                           capture_output=True, text=True, cwd=tmp_path)
    assert where.stdout.startswith(str(installed.parents[1])), where  # the wheel's kg, not the checkout's
    r = subprocess.run([str(installed), "build", str(article), "--store", "store", "--quiet"],
                       capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0 and "built 1 document(s)" in r.stderr, r.stderr[-3000:]
    r = subprocess.run([str(installed), "query", "accusations", "--store", "store", "--format", "csv"],
                       capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-3000:]
    assert r.stdout.startswith("accuser,accuserLabel,") and len(r.stdout.splitlines()) > 1, r.stdout
    # The report's map draws the country outlines the wheel carries.
    r = subprocess.run([str(installed), "report", "--store", "store", "--out", "report.html"],
                       capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-3000:]
    assert 'class="land"><title>Syria</title>' in (tmp_path / "report.html").read_text(encoding="utf-8")
