"""analysis.scorecard by hand: the verdict of each target (met, missed, on track, off track,
no data) judged in a given year, the observation that judges it, units converted between
scales, benchmarks kept only when comparable, regions in the order asked for, and the targets
without an observation named once per region."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from analysis_tables import CATALOG, DOCUMENTS, bench, by_id, frame, obs, target, targets

from greenmetrics import notes
from greenmetrics.analysis.progress import convert_unit, period_start
from greenmetrics.analysis.scorecard import classify_verdict, scorecard, unobserved

# --------------------------------------------------------------------------------------------
# unit conversion


@pytest.mark.parametrize(
    ("value", "source", "target", "expected"),
    [
        (10.75, "亿亩", "万亩", 107500.0),  # 10.75 * 1e8 / 1e4
        (2770, "万亩", "亿亩", 0.277),  # 2770 * 1e4 / 1e8
        (1.2, "亿千瓦", "万千瓦", 12000.0),
        (572.3, "万千瓦", "千瓦", 5723000.0),
        (3, "吉瓦", "万千瓦", 300.0),  # 3 GW = 3e6 kW = 300 万千瓦
        (5, "万吨", "吨", 50000.0),
        (80, "万吨/日", "吨/日", 800000.0),  # the per-day part stays
        (85, "%", "%", 85.0),
    ],
)
def test_convert_unit_between_scales(value, source, target, expected):
    assert convert_unit(value, source, target) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("source", "target"),
    [("万亩", "个"), ("万吨/日", "万吨"), ("%", "万亩"), ("亿亩", ""), ("家", "万家")],
)
def test_convert_unit_refuses_unlike_units(source, target):
    assert math.isnan(convert_unit(1.0, source, target))


# --------------------------------------------------------------------------------------------
# verdicts


@pytest.mark.parametrize(
    ("observed", "observation_year", "trend_status", "verdict"),
    [
        # target >= 90 by 2025, judged in 2026: 2025 has passed
        (93.4, 2025, "achieved", "met"),  # observed in 2025, 93.4 >= 90
        (90.0, 2026, "achieved", "met"),  # a later year judges too; the boundary meets
        (88.0, 2025, "off_track", "missed"),  # 88 < 90 in the target year
        # no 2025 figure yet, but 2023's already meets it: met (its note says so), never a
        # verdict that says less than its note
        (91.0, 2023, "achieved", "met"),
        (85.0, 2023, "on_track", "on_track"),
        (85.0, 2023, "needs_acceleration", "off_track"),
        (85.0, 2023, "off_track", "off_track"),
        (85.0, 2023, "no_data", "no_data"),  # one observed year: no trend
        (math.nan, None, "no_data", "no_data"),
    ],
)
def test_classify_verdict(observed, observation_year, trend_status, verdict):
    got = classify_verdict(
        observed, 90, comparator="ge", direction="higher", target_year=2025,
        observation_year=observation_year, as_of_year=2026, trend_status=trend_status,
    )  # fmt: skip
    assert got == verdict


def test_classify_verdict_before_the_target_year_is_judged_from_the_trend():
    # judged in 2025: the 2025 target has not passed, a 2025 figure below it is not yet a miss
    got = classify_verdict(
        88, 90, comparator="ge", direction="higher", target_year=2025, observation_year=2025,
        as_of_year=2025, trend_status="off_track",
    )  # fmt: skip
    assert got == "off_track"
    # lower is better (le 2%): 1.8 in 2025 meets it
    got = classify_verdict(
        1.8, 2, comparator="le", direction="lower", target_year=2025, observation_year=2025,
        as_of_year=2026,
    )  # fmt: skip
    assert got == "met"


# --------------------------------------------------------------------------------------------
# the scorecard frame


def _card():
    tg = targets(
        # 乙省 first in the plan order of the frame, 甲县 asked for first
        target("B", "乙省", "green_share", 75),
        # 甲县 >= 80% by 2025: 78 (2024), 81 (2025), 79 (2026) -> the 2025 figure judges: met
        target("M", "甲县", "green_share", 80, char_start=5),
        # 甲县 PM2.5 <= 35 by 2025: 40 (2021), 37 (2023), no 2025 figure yet
        # needed (37 - 35) / 2 = 1 a year; seen (40 - 37) / 2 = 1.5 a year -> on track
        target("P", "甲县", "pm25", 35, unit="微克/立方米", comparator="le", char_start=8),
        # 甲县 farmland 45万亩 (level): observed 0.0046 亿亩 = 46 万亩 in 2025 -> met
        target("F", "甲县", "farmland", 45, unit="万亩", comparator="eq", char_start=12),
        # 甲县 reduction 较2020年下降13%: no observation -> no data
        target(
            "R", "甲县", "intensity", 13, comparator="eq", kind="reduction", baseline_year=2020,
            char_start=14,
        ),
    )  # fmt: skip
    bm = frame(
        bench("province", "甲省", "green_share", 75, line=2),  # comparable: same kind, year, %
        bench("country", "全国", "green_share", 70, target_year=2022, line=3),  # other year
        bench("province", "甲省", "farmland", 2770, unit="万亩", line=4),  # a size: never
        bench("country", "全国", "farmland", 10.75, unit="亿亩", line=5),
    )
    ob = frame(
        obs("甲县", "green_share", 2024, 78, line=2),
        obs("甲县", "green_share", 2025, 81, line=3),
        obs("甲县", "green_share", 2026, 79, line=4),
        obs("甲县", "pm25", 2021, 40, unit="微克/立方米", line=5),
        obs("甲县", "pm25", 2023, 37, unit="微克/立方米", line=6),
        obs("甲县", "farmland", 2025, 0.0046, unit="亿亩", line=7),
        obs("甲县", "green_share", 2027, 60, line=8),  # after the as-of year: ignored
    )
    return scorecard(tg, DOCUMENTS, bm, ob, CATALOG, as_of_year=2026, first_regions=["甲县"])


def test_scorecard_verdicts_and_the_observation_that_judges():
    card = _card()
    rows = by_id(card)
    m = rows["M"]
    assert m["verdict"] == "met" and m["observed_value"] == 81 and m["observation_year"] == 2025
    assert m["observation_source_quote"] == "2025年为81"  # the 2025 row, not the 2026 one
    assert m["observation_count"] == 3  # 2024, 2025, 2026; 2027 is after the as-of year
    assert m["verdict_note"] == "observed 81 in 2025: target of 2025 met"
    assert rows["P"]["verdict"] == "on_track" and rows["P"]["observation_year"] == 2023
    f = rows["F"]
    assert f["verdict"] == "met" and f["observed_value"] == pytest.approx(46.0)
    assert f["observation_note"] == "converted from 0.0046 亿亩"
    assert notes.row_text(f, "observation_note", "zh") == "由0.0046亿亩换算"
    assert notes.row_text(f, "observation_note", "en") == "converted from 0.0046 100M mu"
    assert rows["R"]["verdict"] == "no_data" and math.isnan(rows["R"]["observed_value"])
    assert set(card["as_of_year"]) == {2026}


def test_scorecard_keeps_only_comparable_benchmarks():
    rows = by_id(_card())
    # the 2025 province benchmark of a share compares; the 2022 national one does not
    assert rows["M"]["province_benchmark_value"] == 75
    assert rows["M"]["province_source_quote"] == "甲省达到75"
    assert math.isnan(rows["M"]["country_benchmark_value"])
    assert "different target year" in rows["M"]["country_benchmark_note"]
    # a county's 万亩 is never set against the province's or the nation's (converted or not)
    assert math.isnan(rows["F"]["province_benchmark_value"])
    assert math.isnan(rows["F"]["country_benchmark_value"])
    assert "size-dependent" in rows["F"]["country_benchmark_note"]


def test_scorecard_orders_regions_asked_for_first_and_names_the_unobserved_once():
    card = _card()
    assert card["target_id"].tolist() == ["M", "P", "F", "R", "B"]
    missing = unobserved(card)
    assert missing.to_dict("records") == [
        {"region_zh": "甲县", "n": 1, "indicators": ["单位地区生产总值能耗"]},
        {"region_zh": "乙省", "n": 1, "indicators": ["绿色建筑占比"]},
    ]


def test_scorecard_reduction_judged_on_the_cumulative_fall():
    # 较2020年下降13% by 2025; yearly changes -3, -3, -3, -3, -2 -> 1 - 0.97**4 * 0.98 = 13.05%
    tg = targets(
        target("R", "甲省", "intensity", 13, comparator="eq", kind="reduction", baseline_year=2020)
    )
    changes = [(2021, -3.0), (2022, -3.0), (2023, -3.0), (2024, -3.0), (2025, -2.0)]
    ob = frame(*(obs("甲省", "intensity", y, v, measure="yearly_change") for y, v in changes))
    row = scorecard(tg, DOCUMENTS, None, ob, CATALOG, as_of_year=2026).iloc[0]
    assert row["observed_value"] == pytest.approx(100 * (1 - 0.97**4 * 0.98))
    assert row["verdict"] == "met"
    # judged in 2024 on the 2024 figure (11.47%): the trend 2.87 a year exceeds the 1.53 needed
    row = scorecard(tg, DOCUMENTS, None, ob, CATALOG, as_of_year=2024).iloc[0]
    assert row["observation_year"] == 2024 and row["verdict"] == "on_track"


def test_a_reduction_that_states_no_baseline_falls_from_the_start_of_its_period():
    # 单位GDP能耗下降15% by 2025 with no 较2020年: a five-year plan's fall, counted from 2020
    tg = targets(
        target("R", "甲省", "intensity", 15, comparator="eq", kind="reduction"),
        target("S", "甲省", "intensity", 15, comparator="eq", kind="reduction", target_year=2023),
    )
    ob = frame(
        obs("甲省", "intensity", 2019, -4.0, measure="yearly_change"),  # before the period
        obs("甲省", "intensity", 2021, -5.0, measure="yearly_change"),
        obs("甲省", "intensity", 2022, -2.0, measure="yearly_change"),
    )
    rows = by_id(scorecard(tg, DOCUMENTS, None, ob, CATALOG, as_of_year=2026))
    for row in rows.values():
        assert row["observed_value"] == pytest.approx(100 * (1 - 0.95 * 0.98))
        assert row["observation_year"] == 2022
        assert "since 2020" in row["observation_note"]
        assert "no baseline year stated: counted from 2020" in row["observation_note"]
    # a stated baseline is kept: 较2021年 starts the chain after 2021
    stated = targets(
        target("T", "甲省", "intensity", 15, comparator="eq", kind="reduction", baseline_year=2021)
    )
    row = scorecard(stated, DOCUMENTS, None, ob, CATALOG, as_of_year=2026).iloc[0]
    assert row["observed_value"] == pytest.approx(2.0)
    assert "no baseline year stated" not in row["observation_note"]


@pytest.mark.parametrize(("target_year", "start"), [(2025, 2020), (2021, 2020), (2030, 2025)])
def test_period_start_is_the_year_before_the_five_year_period(target_year, start):
    assert period_start(target_year) == start


def test_scorecard_shows_a_larger_region_for_context_only_where_its_own_is_missing():
    tg = targets(
        # 甲县 share >= 80%: no county figure; 甲市 (its parent) 77 in 2024, 甲省 79 in 2025
        target("S", "甲县", "green_share", 80),
        # 甲县 farmland 45万亩: the province's area is never context for a county's
        target("F", "甲县", "farmland", 45, unit="万亩", comparator="eq", char_start=5),
        # 甲县 PM2.5 <= 35: its own 2023 figure; the province's is not shown beside it
        target("P", "甲县", "pm25", 35, unit="微克/立方米", comparator="le", char_start=8),
    )
    ob = frame(
        obs("甲省", "green_share", 2025, 79, line=2),
        obs("甲市", "green_share", 2024, 77, line=3),
        obs("甲省", "farmland", 2025, 2770, unit="万亩", line=4),
        obs("甲县", "pm25", 2023, 37, unit="微克/立方米", line=5),
        obs("甲省", "pm25", 2024, 30, unit="微克/立方米", line=6),
    )
    rows = by_id(scorecard(tg, DOCUMENTS, None, ob, CATALOG, as_of_year=2026))
    s = rows["S"]
    # the parent comes before the province, and the context never makes a verdict
    assert (s["context_region_zh"], s["context_value"], s["context_year"]) == ("甲市", 77, 2024)
    assert s["context_source_quote"] == "2024年为77"
    assert s["verdict"] == "no_data" and math.isnan(s["observed_value"])
    assert pd.isna(rows["F"]["context_region_zh"]) and math.isnan(rows["F"]["context_value"])
    assert rows["P"]["observed_value"] == 37 and pd.isna(rows["P"]["context_region_zh"])
    # without the parent's figure, the province's
    ob_province = ob[ob["region_zh"] != "甲市"]
    s = by_id(scorecard(tg, DOCUMENTS, None, ob_province, CATALOG, as_of_year=2026))["S"]
    assert (s["context_region_zh"], s["context_value"], s["context_year"]) == ("甲省", 79, 2025)
