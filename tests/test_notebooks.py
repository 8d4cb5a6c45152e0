"""The notebooks in notebooks/: they run top to bottom, and are committed without outputs.

They run here, under the README's test command, rather than through a pytest plugin, so
that `python -m pytest -q` covers them with no extra option.
"""
from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def test_there_are_three_notebooks():
    assert [p.name for p in NOTEBOOKS] == ["01_build_and_query.ipynb", "02_accusation_network.ipynb",
                                           "03_casualties.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, f"{path.name}: clear the outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path):
    nb = nbformat.read(path, as_version=4)
    # Run where Jupyter would: in notebooks/, whose relative paths lead to ../examples.
    # A cell that raises fails the test with its traceback (nbclient's CellExecutionError).
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    assert nb.cells[-1].outputs, f"{path.name}: the last cell showed nothing"
