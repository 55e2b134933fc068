"""analysis.progress by hand: yearly progress needed, compounded reduction paths, least-squares
trend, status thresholds at their boundaries, and the progress part of `target_gaps` (latest
observation on the target's scale, remaining gap, needed and seen progress, status)."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from analysis_tables import (
    CATALOG,
    DOCUMENTS,
    bench,
    by_id,
    coal_reduction_fixture,
    frame,
    gaps_fixture,
    obs,
    target,
    targets,
)

from greenmetrics import analysis as an

# --------------------------------------------------------------------------------------------
# helpers


def test_required_yearly_progress():
    # 60% now, 70% due in 5 years: (70 - 60) / 5 = 2 points a year
    assert an.required_yearly_progress(60, 70, 5) == pytest.approx(2.0)
    # lower is better: 50 now, 40 due in 4 years: a fall of (50 - 40) / 4 = 2.5 a year, positive
    assert an.required_yearly_progress(50, 40, 4, "lower") == pytest.approx(2.5)
    # already beyond the target: negative (nothing more needed)
    assert an.required_yearly_progress(75, 70, 5) == pytest.approx(-1.0)
    assert math.isnan(an.required_yearly_progress(60, 70, 0))
    assert math.isnan(an.required_yearly_progress(float("nan"), 70, 3))


def test_reduction_path_compounds():
    # 较2020年下降13% by 2025 from 100: the 2023 value is 100 * (1 - 0.13) ** (3 / 5)
    # ln(0.87) = -0.139262; * 0.6 = -0.083557; exp = 0.919838 -> 91.98
    path = an.reduction_path(100, 13, 2020, 2025, range(2020, 2026))
    assert path[0] == pytest.approx(100.0)
    assert path[3] == pytest.approx(100 * 0.87 ** (3 / 5))
    assert path[3] == pytest.approx(91.98, abs=0.01)
    assert path[5] == pytest.approx(87.0)
    # the yearly fall is constant: each year is 0.87 ** (1/5) = 0.97253 of the previous one
    assert path[2] / path[1] == pytest.approx(path[5] / path[4])
    with pytest.raises(ValueError):
        an.reduction_path(100, 13, 2025, 2025, [2025])


def test_cumulative_reduction_chains_yearly_changes():
    # -2.7% then -0.1%: 1 - 0.973 * 0.999 = 1 - 0.972027 = 2.7973%
    assert an.cumulative_reduction([-2.7, -0.1]) == pytest.approx(2.7973)
    assert an.cumulative_reduction([]) == 0.0


def test_trend_slope_is_least_squares():
    # x 2020..2022 (mean 2021), y 80, 81, 83 (mean 81.333): Sxy = 3, Sxx = 2 -> 1.5 a year
    assert an.trend_slope([2020, 2021, 2022], [80, 81, 83]) == pytest.approx(1.5)
    # two points: (last - first) / years = (74 - 70) / 2
    assert an.trend_slope([2021, 2023], [70, 74]) == pytest.approx(2.0)
    assert math.isnan(an.trend_slope([2021], [70]))


@pytest.mark.parametrize(
    ("seen", "status"),
    [
        # target 90 (ge), observed 80, 5 years left: needed = (90 - 80) / 5 = 2 a year
        (3.0, "on_track"),
        (2.0, "on_track"),  # seen == needed: on track (boundary)
        (1.999, "needs_acceleration"),
        (1.0, "needs_acceleration"),  # seen == 50% of needed (boundary)
        (0.999, "off_track"),
        (0.0, "off_track"),
        (-1.0, "off_track"),
        (float("nan"), "no_data"),  # one observed year: no trend
    ],
)
def test_classify_status_thresholds(seen, status):
    got = an.classify_status(80, 90, comparator="ge", direction="higher", years_left=5, seen=seen)
    assert got == status


def test_classify_status_achieved_deadline_and_no_data():
    kw = {"comparator": "ge", "direction": "higher", "seen": 0.0}
    assert an.classify_status(90, 90, years_left=5, **kw) == "achieved"  # 90 >= 90
    assert an.classify_status(89.9, 90, years_left=0, **kw) == "off_track"  # year came, missed
    assert an.classify_status(float("nan"), 90, years_left=5, **kw) == "no_data"
    # lower is better (PM2.5 le 35): 40 now, 5 years: needed fall 1 a year; a fall of 1 seen
    assert (
        an.classify_status(40, 35, comparator="le", direction="lower", years_left=5, seen=1.0)
        == "on_track"
    )
    assert an.classify_status(34, 35, comparator="le", direction="lower", years_left=5) == (
        "achieved"
    )


def test_meets_target_per_comparator():
    # 20%左右 is met within 5% of 20 = 1 point
    assert an.meets_target(19.0, 20, "approx", "higher")
    assert not an.meets_target(18.9, 20, "approx", "higher")
    # eq (达到) follows the direction: over is met for higher, under is met for lower
    assert an.meets_target(21, 20, "eq", "higher")
    assert not an.meets_target(21, 20, "eq", "lower")
    assert an.meets_target(35, 35, "le", "lower")


# --------------------------------------------------------------------------------------------
# progress of a target (target_gaps)


def test_target_gaps_reduction_converts_yearly_changes():
    tg, bm, ob = gaps_fixture()
    t2 = by_id(an.target_gaps(tg, DOCUMENTS, bm, ob, CATALOG))["T2"]
    # a province: no province benchmark; country 13.5: 13 - 13.5 = -0.5 (a smaller fall is
    # less ambitious although the indicator's direction is 'lower')
    assert t2["ambition_vs_country"] == pytest.approx(-0.5)
    assert pd.isna(t2["ambition_vs_province"])
    # cumulative fall since 2020 (the 2020 change is before the baseline and not used):
    # 2021: 3.0; 2022: 1 - 0.97 * 0.98 = 4.94; 2023: 1 - 0.9506 * 0.96 = 8.7424
    assert t2["observed_value"] == pytest.approx(8.7424)
    assert t2["observation_year"] == 2023
    # gap 13 - 8.7424 = 4.2576 over 2 years: needed 2.1288 a year
    assert t2["remaining_gap"] == pytest.approx(4.2576)
    assert t2["needed_yearly_progress"] == pytest.approx(2.1288)
    # seen: slope of (2020, 0), (2021, 3), (2022, 4.94), (2023, 8.7424):
    # x - 2021.5 = -1.5, -0.5, 0.5, 1.5; Sxy = -1.5 + 2.47 + 13.1136 = 14.0836; Sxx = 5
    # -> 2.81672 a year >= 2.1288: on track
    assert t2["seen_yearly_progress"] == pytest.approx(2.81672)
    assert t2["status"] == "on_track"
    # the chained value cites every yearly row it was built from
    assert t2["observation_source_quote"] == "2021年为-3.0；2022年为-2.0；2023年为-4.0"


def test_reported_cumulative_change_wins_over_chained_years():
    tg, bm, ob = gaps_fixture()
    ob = pd.concat(
        [
            ob,
            frame(
                obs(
                    "甲省",
                    "intensity",
                    2023,
                    -9.0,
                    measure="cumulative_change",
                    baseline_year=2020,
                    line=8,
                )
            ),
        ]
    )
    t2 = by_id(an.target_gaps(tg, DOCUMENTS, bm, ob, CATALOG))["T2"]
    assert t2["observed_value"] == pytest.approx(9.0)  # not the chained 8.7424
    assert t2["remaining_gap"] == pytest.approx(4.0)


def test_scope_limited_target_uses_the_scope_observations_only():
    tg = targets(
        target("S", "甲县", "green_share", 80, scope_zh="甲镇"),
        target("R", "甲县", "green_share", 80, scope_zh="乙镇"),
    )
    bm = frame(bench("province", "甲省", "green_share", 75))
    ob = frame(obs("甲镇", "green_share", 2024, 85), obs("甲县", "green_share", 2024, 60))
    g = by_id(an.target_gaps(tg, DOCUMENTS, bm, ob, CATALOG))
    assert g["S"]["observed_value"] == 85 and g["S"]["status"] == "achieved"
    assert g["R"]["status"] == "no_data" and "target limited to 乙镇" in g["R"]["status_note"]
    assert pd.isna(g["S"]["ambition_vs_province"])  # a sub-area is not its region
    assert "target limited to 甲镇" in g["S"]["province_benchmark_note"]


def test_as_of_year_and_repeated_cells():
    tg = targets(target("T", "甲省", "green_share", 90))
    ob = frame(
        obs("甲省", "green_share", 2021, 88, line=2),
        obs("甲省", "green_share", 2021, 88.1, line=3),  # same cell, more precise: kept
        obs("甲省", "green_share", 2023, 91, line=4),
    )
    row = an.target_gaps(tg, DOCUMENTS, None, ob, CATALOG, as_of_year=2022).iloc[0]
    # only 2021 counts: one year, not yet met, no trend -> no data, with the reason
    assert row["observed_value"] == 88.1 and row["observation_year"] == 2021
    assert row["status"] == "no_data" and "no trend" in row["status_note"]
    assert row["years_left"] == 4 and row["needed_yearly_progress"] == pytest.approx(0.475)
    row = an.target_gaps(tg, DOCUMENTS, None, ob, CATALOG).iloc[0]
    assert row["status"] == "achieved"


def test_lower_is_better_level_off_track():
    # 重污染天数比率 (lower is better) at most 2% by 2025; 4.0% in 2021, 3.5% in 2023
    tg = targets(target("P", "甲县", "polluted_days", 2.0, comparator="le"))
    ob = frame(obs("甲县", "polluted_days", 2021, 4.0), obs("甲县", "polluted_days", 2023, 3.5))
    row = an.target_gaps(tg, DOCUMENTS, None, ob, CATALOG).iloc[0]
    # still to go: a fall of 3.5 - 2 = 1.5 (positive), over 2025 - 2023 = 2 years: 0.75 a year
    assert row["remaining_gap"] == pytest.approx(1.5)
    assert row["years_left"] == 2
    assert row["needed_yearly_progress"] == pytest.approx(0.75)
    # seen: (3.5 - 4.0) / 2 = a fall of 0.25 a year, positive; 0.25 < 50% of 0.75: off track
    assert row["seen_yearly_progress"] == pytest.approx(0.25)
    assert row["status"] == "off_track"
    assert row["status_note"] == "needs 0.75 a year for 2 years; seen 0.25 a year"


def test_absolute_reduction_is_measured_from_observed_levels():
    # 煤炭消费量较2020年减少100万吨 by 2025; levels 1000 (2020), 960 (2022), 930 (2023) 万吨
    tg, ob = coal_reduction_fixture()
    row = an.target_gaps(tg, DOCUMENTS, None, ob, CATALOG).iloc[0]
    # the fall since 2020: 1000 - 930 = 70 in 2023 (2021 has no level: no point)
    assert row["observed_value"] == pytest.approx(70.0) and row["observation_year"] == 2023
    assert row["observation_count"] == 2  # 2022 (40) and 2023 (70)
    # gap 100 - 70 = 30 over 2 years: 15 a year
    assert row["remaining_gap"] == pytest.approx(30.0)
    assert row["needed_yearly_progress"] == pytest.approx(15.0)
    # seen: slope of (2020, 0), (2022, 40), (2023, 70): mean x 2021 2/3, mean y 36 2/3;
    # Sxy = (-5/3)(-110/3) + (1/3)(10/3) + (4/3)(100/3) = 960/9; Sxx = 42/9 -> 160/7 = 22.857
    assert row["seen_yearly_progress"] == pytest.approx(160 / 7)
    assert row["status"] == "on_track"
    # the 2023 value cites the baseline level and the 2023 level it is computed from
    assert row["observation_source_quote"] == "2020年为1000；2023年为930"


def test_an_increment_is_judged_by_changes_of_its_unit_or_by_two_levels():
    """新增X万亩 by 2025 (since 2020): the amount added is the sum of the yearly changes of the
    same unit that follow 2020, or a later level minus the 2020 level; a % change measures no
    amount, so a target with only those has no data, and says why."""
    tg = targets(
        target("I1", "乙省", "farmland", 100, unit="万亩", kind="increment"),
        target("I2", "丙省", "farmland", 50, unit="万亩", kind="increment"),
        target("I3", "甲省", "farmland", 50, unit="万亩", kind="increment"),
    )
    ob = frame(
        # 乙省: 全年新增 30万亩 in 2021 and 2500亩 ... 25万亩 in 2022 (a change on the year before)
        obs("乙省", "farmland", 2021, 30, unit="万亩", measure="yearly_change", baseline_year=2020),
        obs("乙省", "farmland", 2022, 25, unit="万亩", measure="yearly_change", baseline_year=2021),
        # 丙省: the stock in 2020 and 2023
        obs("丙省", "farmland", 2020, 500, unit="万亩"),
        obs("丙省", "farmland", 2023, 560, unit="万亩"),
        # 甲省: a growth rate only
        obs("甲省", "farmland", 2022, 8.0, unit="%", measure="yearly_change", baseline_year=2021),
    )
    g = by_id(an.target_gaps(tg, DOCUMENTS, None, ob, CATALOG, as_of_year=2023))
    # 30 + 25 = 55 added by 2022; 45 left over 3 years: 15 a year; the trend from 0 in 2020
    # through 30 and 55 is 27.5 a year: on track
    assert g["I1"]["observed_value"] == pytest.approx(55)
    assert g["I1"]["observation_year"] == 2022
    assert g["I1"]["needed_yearly_progress"] == pytest.approx(15)
    assert g["I1"]["seen_yearly_progress"] == pytest.approx(27.5)
    assert g["I1"]["status"] == "on_track"
    assert "sum of the yearly changes of 2021-2022" in g["I1"]["observation_note"]
    # 560 - 500 = 60 added by 2023, more than the 50 due
    assert g["I2"]["observed_value"] == pytest.approx(60)
    assert g["I2"]["status"] == "achieved"
    assert (
        "added since 2020: the level of 2023 minus the level at the start"
        in g["I2"]["observation_note"]
    )
    assert g["I3"]["status"] == "no_data"
    assert g["I3"]["status_note"].startswith("increment target")
