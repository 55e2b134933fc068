"""Test-session plumbing: outputs that several tests only read, computed once per session, and
the environment of the notebook kernels that nbval starts.

A fixture here is shared: no test may change what it returns. A test that changes its inputs
(overrides, a broken file, a monkeypatched path) builds its own in tmp_path.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from project_runs import run_report

from greenmetrics import paths
from greenmetrics.pipeline import ExtractionResult, extract_corpus
from greenmetrics.report import CELL_TIMEOUT_VARIABLE, DEFAULT_FORMATS, FORMATS_ENV

# A notebook cell of the tests takes seconds; one that never ends stops its notebook after
# 180 s rather than the users' 300 (a lost kernel reply is found in seconds: kernel_watch).
os.environ.setdefault(CELL_TIMEOUT_VARIABLE, "180")


@pytest.fixture
def seed_project(tmp_path, monkeypatch):
    """A project of one seed plan (no notebooks yet); the package's paths point into it."""
    root = tmp_path / "project"
    (root / "notebooks").mkdir(parents=True)
    (root / "data" / "raw").mkdir(parents=True)
    shutil.copy(paths.RAW_DIR / "003_d6b7a80b1f52e553.txt", root / "data" / "raw")
    for name, value in (("ROOT", root), ("RAW_DIR", root / "data" / "raw"),
                        ("PROCESSED_DIR", root / "data" / "processed"),
                        ("REPORTS_DIR", root / "reports"), ("FIGURES_DIR", root / "reports" / "figures"),
                        ("NOTEBOOKS_DIR", root / "notebooks"),
                        ("REFERENCE_DIR", root / "data" / "reference")):  # fmt: skip
        monkeypatch.setattr(paths, name, value)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    return root


# The seed plans of the two default focus regions (忻府区, 临夏州).
SEED_PLANS = ("000_78ec545c62429658.txt", "003_d6b7a80b1f52e553.txt")


@pytest.fixture(scope="session")
def seed_report(tmp_path_factory) -> Path:
    """`greenmetrics report --formats png,svg` run once, as a user runs it, on a project of the
    two seed plans with the shipped reference data and notebooks; the project's folder. SVG
    too, so a test can read a chart's subtitle as text. Tests only read it."""
    root = tmp_path_factory.mktemp("seed_report")
    (root / "data" / "raw").mkdir(parents=True)
    for name in SEED_PLANS:
        shutil.copy(paths.RAW_DIR / name, root / "data" / "raw")
    for part in ("data/reference", "notebooks"):
        shutil.copytree(paths.ROOT / part, root / part, ignore=shutil.ignore_patterns(".*"))
    run_report(root, "--formats", "png,svg")
    return root


@pytest.fixture(scope="session")
def shipped_extraction() -> ExtractionResult:
    """extract_corpus over the shipped documents in data/raw (reading the 29 PDFs is most of it)."""
    return extract_corpus([paths.RAW_DIR])


class NotebookKernels:
    """nbval runs each notebook in a kernel started from this process's environment. Without
    GREENMETRICS_FIGURE_FORMATS a notebook saves every chart as PNG, SVG and PDF (three full
    drawings); `greenmetrics report` gives its kernels its default formats (PNG), and so do the
    kernels of the test command, unless the variable is set already. Saving in all three
    formats is tested in test_charts."""

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_setup(self, item):
        # The kernel starts while the notebook's first cell is set up; a notebook item lives
        # under notebooks/, where this conftest's own hooks do not reach, hence a plugin.
        if item.path.suffix != ".ipynb" or FORMATS_ENV in os.environ:
            yield
            return
        os.environ[FORMATS_ENV] = ",".join(DEFAULT_FORMATS)
        try:
            yield
        finally:
            del os.environ[FORMATS_ENV]


def pytest_configure(config):
    config.pluginmanager.register(NotebookKernels(), "greenmetrics-notebook-kernels")


# A test is slow (left out by `python3 tasks.py test --fast`) when it executes a notebook, reads
# the extraction of the whole shipped corpus or a report; other slow tests say so with the marker.
SLOW_FIXTURES = {"shipped_extraction", "seed_report"}


def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.suffix == ".ipynb" or SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
