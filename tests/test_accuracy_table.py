"""The accuracy table of docs/extractor.md is what the extractor measures now: each labelled set
scored by ../shared/tools, as scripts/accuracy.py writes it (run it after a change of the rules).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from script_modules import load_script

from greenmetrics import paths
from greenmetrics.pipeline import extract_corpus

pytestmark = pytest.mark.slow  # extracts and scores every labelled document

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "accuracy.py"


accuracy = load_script(SCRIPT)


@pytest.mark.skipif(
    not (accuracy.SHARED_TOOLS / "score_targets.py").exists(),
    reason="the published figures are those of the scorers in ../shared/tools",
)
def test_the_published_accuracy_is_what_the_extractor_measures(shipped_extraction):
    assert paths.RAW_DIR == accuracy.RAW
    others = extract_corpus(list(accuracy.LABELLED_FOLDERS))
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
