"""Outputs that several tests only read, computed once per test session.

A fixture here is shared: no test may change what it returns. A test that changes its inputs
(overrides, a broken file, a monkeypatched path) builds its own in tmp_path.
"""

from __future__ import annotations

import pytest

from greenmetrics import paths
from greenmetrics.pipeline import ExtractionResult, extract_corpus


@pytest.fixture(scope="session")
def shipped_extraction() -> ExtractionResult:
    """extract_corpus over the shipped plans in data/raw (reading the 17 PDFs is most of it)."""
    return extract_corpus([paths.RAW_DIR])
