"""One unit class per unit (`schemas.vocabularies.is_size_unit`), read by every analysis: the
gaps, the scorecard (its benchmarks and its context), the gaps chart's pairs and the
cross-region comparison judge a county's target against the country's alike. A PM2.5
concentration or a change in 个百分点 compares across regions like a share; an area does not."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from analysis_tables import CATALOG, DOCUMENTS, bench, frame, obs, target, targets

from greenmetrics import analysis as an
from greenmetrics.report_run import benchmarked
from greenmetrics.schemas.vocabularies import is_size_unit

# unit -> is a size: a share, a change of a share, a concentration, an intensity; an area, a count
UNITS = {
    "%": False,
    "个百分点": False,
    "微克/立方米": False,
    "吨标准煤/万元": False,
    "万亩": True,
    "个": True,
}


def test_the_declared_classes():
    assert {unit: is_size_unit(unit) for unit in UNITS} == UNITS
    assert not is_size_unit(None) and not is_size_unit(" 微克/立方米 ")


def _judged(unit: str):
    """A county target, a national benchmark and a province observation, all in `unit`."""
    tg = targets(target("C", "甲县", "green_share", 30, unit=unit, comparator="le"))
    bm = frame(bench("country", "全国", "green_share", 35, unit=unit, comparator="le"))
    ob = frame(obs("甲省", "green_share", 2024, 33, unit=unit))
    pairs = an.target_benchmarks(tg, DOCUMENTS, bm, CATALOG)
    card = an.scorecard(tg, DOCUMENTS, bm, ob, CATALOG, as_of_year=2026).iloc[0]
    comparison = an.compare_regions(
        tg, DOCUMENTS, indicator_ids=["green_share"], regions=["甲县"], benchmarks=bm
    )
    national = comparison[comparison["origin"].eq("benchmark")].iloc[0]
    return pairs, card, national


@pytest.mark.parametrize(("unit", "is_size"), UNITS.items())
def test_every_analysis_judges_a_unit_by_its_one_class(unit, is_size):
    pairs, card, national = _judged(unit)
    # the gaps: the country's 35 is a peer of the county's 30 unless the unit is a size
    assert bool(pairs["is_comparable"].iloc[0]) is not is_size
    note = pairs["comparability_note"].iloc[0]
    assert (isinstance(note, str) and "size-dependent" in note) is is_size
    # the gaps chart draws the pair unless the unit is a size
    assert benchmarked(pairs).empty is is_size
    # the scorecard: the national benchmark and the province's figure for context alike
    assert math.isnan(card["country_benchmark_value"]) is is_size
    assert pd.isna(card["context_region_zh"]) is is_size
    # the comparison sets the national benchmark beside the county's target alike
    assert bool(national["is_comparable"]) is not is_size


def test_a_change_in_points_beside_a_level_is_judged_by_kind_and_unit_and_never_drawn():
    # 河南 and 宁夏 plan 提高5个百分点 where the country states a level in %: the pair is not
    # comparable for the kind and the unit it differs in, not for a size it is not
    tg = targets(target("C", "甲省", "green_share", 5, unit="个百分点", kind="increment"))
    bm = frame(bench("country", "全国", "green_share", 20))
    pair = an.target_benchmarks(tg, DOCUMENTS, bm, CATALOG).iloc[0]
    assert not pair["is_comparable"]
    assert (
        pair["comparability_note"]
        == "different kind: increment vs level; different unit: 个百分点 vs %"
    )
    # one unit on a panel's axis: 5 points are never drawn beside 20%
    assert benchmarked(pd.DataFrame([pair])).empty
