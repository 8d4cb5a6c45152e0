"""The Ray pipeline, on a local one-machine cluster: its shards hold what `kg build` builds."""
from __future__ import annotations

import json
import shutil

import pyoxigraph as ox
import pytest
import ray

from conftest import EXAMPLES, run_kg
from pipelines.ray_build import build_shards


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_shards_load_into_the_same_store_as_kg_build(local_ray, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(EXAMPLES / "ex01_raqqa_checkpoint.txt", inputs)
    shutil.copy(EXAMPLES / "ex03_baghdad_bombing.txt", inputs)
    (inputs / "more.jsonl").write_text("\n".join([
        json.dumps({"id": "j1", "text": "قتل 4 أشخاص في قصف على مدينة حلب.", "date": "2021-06-01"}, ensure_ascii=False),
        json.dumps({"id": "j2", "text": "English only."}),  # skipped, as `kg build` skips it
    ]), encoding="utf-8")
    r = run_kg("build", inputs, "--store", tmp_path / "built", "--quiet")
    assert r.returncode == 3, r.stderr  # built, but for j2

    build_shards([inputs], tmp_path / "shards", batch=2)
    shards = sorted((tmp_path / "shards").glob("*.nq"))
    assert shards
    r = run_kg("load", *shards, "--store", tmp_path / "loaded")
    assert r.returncode == 0, r.stderr

    def quads(name):
        return {str(q) for q in ox.Store.read_only(str(tmp_path / name))}

    graphs = {g.value for g in ox.Store.read_only(str(tmp_path / "loaded")).named_graphs()}
    assert len(graphs) == 4 and any(g.endswith("/doc/j1") for g in graphs)  # 3 documents and the entities graph
    assert "https://w3id.org/arabic-event-kg/resource/graph/entities" in graphs
    assert quads("loaded") == quads("built")
