"""The accuracy table of docs/extractor.md is what the extractor measures now: each labelled set
scored by ../shared/tools, as scripts/accuracy.py writes it (run it after a change of the rules).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from greenmetrics import paths
from greenmetrics.pipeline import extract_corpus

pytestmark = pytest.mark.slow  # extracts and scores every labelled document

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "accuracy.py"


def _accuracy():
    spec = importlib.util.spec_from_file_location("accuracy", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["accuracy"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


accuracy = _accuracy()


@pytest.mark.skipif(
    not (accuracy.SHARED_TOOLS / "score_targets.py").exists(),
    reason="the published figures are those of the scorers in ../shared/tools",
)
def test_the_published_accuracy_is_what_the_extractor_measures(shipped_extraction):
    assert paths.RAW_DIR == accuracy.RAW
    others = extract_corpus([accuracy.DEV, accuracy.GENRES, accuracy.GENRES_HELDOUT])
    measured = accuracy.render(accuracy.measure([shipped_extraction, others]))
    published = accuracy.current_table(accuracy.DOC.read_text(encoding="utf-8"))
    assert published == measured, "run scripts/accuracy.py: the figures drifted\n" + measured


def test_every_labelled_set_is_named_with_its_status():
    gold_files = {p.name for p in (Path(__file__).parent / "gold").glob("*_gold.csv")}
    scored = {s.gold for s in accuracy.SETS}
    # milestones are scored in test_gold.py; every target and observation set is in the table
    assert gold_files - scored == {"seed_milestones_gold.csv"}
    for labelled in accuracy.SETS:
        assert labelled.status.split(":")[0].strip("*") in ("held-out", "development")
