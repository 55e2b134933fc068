"""Observations read from the shipped bulletins, reports and plan reviews, scored against hand
labels made before the rules were written (tests/gold/observations_*.csv).

- dev: the 7 report excerpts and the reviews of 3 later plans (宁夏, 甘肃, 山西); the rules were
  tuned on it, so its floor is close to what they reach.
- held-out: the reviews of 4 later plans (辽宁, 河南, 武汉, 广东), labelled by another hand
  before the rules; the rules of issue 17's second round were tuned on its misses, so it is a
  development set now.
- held-out 2: the reviews of r574 内蒙古 (prose, a review table, a problems section) and r336
  上海, labelled after that round and before any output on them was looked at; first scored
  clean (recall 0.60, precision 0.73), then used to tune the rules (review tables with a rate
  column, 前四年, 从X到Y, ratios, outlook sections): a development set now, its figures no
  longer an honest measure of unseen text.
- held-out 3: the whole text of r149 and r199 山东 and r388 黑龙江 (reviews, indicator tables'
  2020 columns), labelled before any output on them was looked at; never tuned on.
The floors are what the rules reach today, a little under: a change that loses recall or
precision fails here.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
import pytest

from greenmetrics import paths

from scoring import compact, quotes_overlap, score_observations

GOLD = Path(__file__).parent / "gold"
# Numbers the labellers listed as no observation that the rules still read (scope counts such
# as 转办的1984件, a table number): the known state, which may only shrink.
# held-out: 2 more since the problems sections (存在问题, 面临挑战) are read (a basin's area and
# the share of rain in the flood season are constants of nature, not a state of a year).
# held-out 2: none since machine ratings (6兆瓦风机), a standard (每户8千瓦) and the
# assumptions of a forecast (按照…测算, 考虑…等因素，预计) are read as no measure.
# held-out 3: counts that size a set (15个省直部门, 13场标志性战役, 116项整改任务, 632个定点医院)
# and a 2025 target measured from the end of 十三五 (相较于“十三五”末，废纸利用量增长10%左右).
KNOWN_WRONG = {"dev": 5, "heldout": 11, "heldout2": 0, "heldout3": 5}
FLOORS = {
    # set: (recall, precision, fields)
    "dev": (0.93, 0.96, 0.98),
    "heldout": (0.87, 0.92, 0.93),
    "heldout2": (0.98, 0.97, 0.97),
    "heldout3": (0.84, 0.90, 0.95),
}


def _gold(name: str) -> pd.DataFrame:
    return pd.read_csv(GOLD / f"observations_{name}_gold.csv", dtype=str, keep_default_na=False)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_observation_gold(shipped_extraction, name):
    gold = _gold(name)
    missing = {f for f in gold["file"] if not (paths.RAW_DIR / f).exists()}
    assert not missing, f"gold documents not in data/raw: {missing}"
    result = score_observations(shipped_extraction.observations, gold)
    recall, precision, fields = FLOORS[name]
    report = result.report()
    assert result.recall >= recall, report
    assert result.precision >= precision, report
    assert result.fields_right() >= fields, report


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_no_observation_from_the_numbers_that_are_none(shipped_extraction, name):
    """Ranks, goals, scope counts, dates ... listed by the labellers never come out."""
    non = pd.read_csv(GOLD / f"observations_{name}_non.csv", dtype=str, keep_default_na=False)
    rows = shipped_extraction.observations.to_dict("records")
    wrong = []
    for n in non.to_dict("records"):
        number = _number(n["text"])
        if number is None:
            continue
        for r in rows:
            if (
                r["doc_id"] == Path(n["file"]).stem
                and math.isclose(float(r["value"]), number, abs_tol=1e-6)
                and compact(n["text"]) in compact(r["quote"])
                and quotes_overlap(r["quote"], n["sentence"], need=6)
            ):
                wrong.append((n["file"], n["text"], n["why"], r["quote"]))
    assert len(wrong) <= KNOWN_WRONG[name], "\n".join(map(str, wrong))


def _number(text: str) -> float | None:
    m = re.search(
        r"\d+(?:\.\d+)?", text.translate(str.maketrans("０１２３４５６７８９．", "0123456789."))
    )
    return float(m.group(0)) if m else None


def test_every_observation_quote_is_its_text(shipped_extraction):
    """Every quote equals the decoded document text at its offsets."""
    obs = shipped_extraction.observations
    assert len(obs) > 0
    for r in obs.to_dict("records"):
        text = shipped_extraction.texts[r["doc_id"]]
        assert text[r["char_start"] : r["char_end"]] == r["quote"], r["observation_id"]
