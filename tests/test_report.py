"""The report notebooks: stored clean, parametrised, and executed copies that rerun identically."""

from __future__ import annotations

import json

import pytest

from greenmetrics import paths
from greenmetrics.report import _scrub, notebooks

NOTEBOOKS = notebooks()


def test_the_suite_is_numbered_in_reading_order():
    # 01_, 02_ ... with no gap or repeat, so a student runs them in order; each is in the README
    numbers = [int(p.name.split("_", 1)[0]) for p in NOTEBOOKS]
    assert numbers == list(range(1, len(NOTEBOOKS) + 1))
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    missing = [p.stem for p in NOTEBOOKS if p.stem not in readme]
    assert not missing, f"notebooks not described in README.md: {missing}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_without_outputs_and_with_a_parameters_cell(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c["outputs"] and c["execution_count"] is None for c in code)
    params = [c for c in code if "parameters" in c["metadata"].get("tags", [])]
    assert len(params) == 1
    source = "".join(params[0]["source"])
    for name in ("LANG", "REGIONS", "THEMES"):
        assert f"{name} =" in source
    # a notebook reads like a report: few calls, no logic of its own
    assert len(code) <= 12 and all(len("".join(c["source"]).splitlines()) <= 8 for c in code)


def test_scrub_removes_what_changes_between_runs():
    nb = {
        "metadata": {"papermill": {"start_time": "2026-01-01"}, "widgets": {"state": {}}},
        "cells": [
            {
                "id": "random-1",
                "metadata": {
                    "papermill": {"duration": 1.2},
                    "execution": {"iopub.status.idle": "t"},
                },
                "outputs": [
                    {
                        "data": {
                            "text/plain": "VBox()",
                            "application/vnd.jupyter.widget-view+json": {"model_id": "abc"},
                        }
                    }
                ],
            }
        ],
    }
    clean = _scrub(nb)
    assert clean["metadata"] == {}
    cell = clean["cells"][0]
    assert cell["id"] == "cell-000" and cell["metadata"] == {}
    assert cell["outputs"][0]["data"] == {"text/plain": "VBox()"}


def test_notebooks_hold_no_paths_of_their_own():
    # paths come from greenmetrics.paths (one config module), never typed in a notebook
    for path in NOTEBOOKS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        code = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
        for fragment in ("data/", "reports/", str(paths.ROOT), ".csv", ".xlsx"):
            assert fragment not in code, (path.name, fragment)
