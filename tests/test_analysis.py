"""The arithmetic of the notebooks, on small tables built here with the expected values worked out
by hand in the comments: gaps, yearly progress, compounded reduction paths, status thresholds at
their boundaries, and the like-with-like rules."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from greenmetrics import analysis as an
from greenmetrics.analysis import _common
from greenmetrics.catalog import Catalog, Indicator
from greenmetrics.schemas import columns

# --------------------------------------------------------------------------------------------
# small tables


def _catalog() -> Catalog:
    def ind(indicator_id: str, name_zh: str, unit: str, direction: str, theme: str) -> Indicator:
        return Indicator(indicator_id, name_zh, (name_zh,), name_zh, unit, direction, theme, "")

    return Catalog(
        {
            "green_share": ind("green_share", "绿色建筑占比", "%", "higher", "buildings"),
            "intensity": ind("intensity", "单位地区生产总值能耗", "%", "lower", "energy"),
            "pm25": ind("pm25", "PM2.5浓度", "微克/立方米", "lower", "air"),
            "farmland": ind("farmland", "高标准农田", "万亩", "higher", "agriculture"),
        }
    )


CATALOG = _catalog()

DOCUMENTS = pd.DataFrame(
    {
        "doc_id": ["county", "prov_a", "prov_b", "prov_c"],
        "region_zh": ["甲县", "甲省", "乙省", "丙省"],
        "region_level": ["county", "province", "province", "province"],
        "parent_region_zh": ["甲市", "全国", "全国", "全国"],
        "province_zh": ["甲省", "甲省", "乙省", "丙省"],
    }
)
REGION_DOC = {"甲县": "county", "甲省": "prov_a", "乙省": "prov_b", "丙省": "prov_c"}
LEVEL = {"甲县": "county", "甲省": "province", "乙省": "province", "丙省": "province"}


def target(tid: str, region: str, indicator_id: str | None, value: float, **kw) -> dict:
    row = {
        "target_id": tid,
        "doc_id": REGION_DOC[region],
        "region_zh": region,
        "region_level": LEVEL[region],
        "indicator_id": indicator_id,
        "indicator_zh": CATALOG.indicators[indicator_id].name_zh if indicator_id else "未归类指标",
        "indicator_en": None,
        "theme": None,
        "value": value,
        "unit": "%",
        "comparator": "ge",
        "kind": "level",
        "target_year": 2025,
        "baseline_year": None,
        "scope_zh": None,
        "aspirational": 0,
        "year_inferred": 0,
        "quote": f"{tid}的原文",
        "char_start": 10,
        "char_end": 20,
    }
    row.update(kw)
    return row


def targets(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=list(columns("targets")))


def bench(level: str, region: str, indicator_id: str, value: float, **kw) -> dict:
    row = {
        "line": kw.pop("line", 2),
        "level": level,
        "region_zh": region,
        "indicator_zh": CATALOG.indicators[indicator_id].name_zh,
        "indicator_id": indicator_id,
        "value": value,
        "unit": "%",
        "comparator": "ge",
        "kind": "level",
        "target_year": 2025,
        "baseline_year": None,
        "is_value_quoted": True,
        "source_title": f"{region}的规划",
        "doc_number": None,
        "source": "http://example.org",
        "quote": f"{region}达到{value}",
    }
    row.update(kw)
    return row


def obs(region: str, indicator_id: str, year: int, value: float, **kw) -> dict:
    row = {
        "line": kw.pop("line", 2),
        "region_zh": region,
        "indicator_id": indicator_id,
        "year": year,
        "value": value,
        "unit": "%",
        "measure": "level",
        "baseline_year": None,
        "is_proxy": False,
        "note": None,
        "source_title": f"{region}{year}年公报",
        "doc_number": None,
        "source": "http://example.org/obs",
        "quote": f"{year}年为{value}",
    }
    row.update(kw)
    return row


def frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


def by_id(df: pd.DataFrame) -> dict[str, dict]:
    return {r["target_id"]: r for r in df.to_dict("records")}


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
    assert an.ON_TRACK_SHARE == 1.0 and an.NEEDS_ACCELERATION_SHARE == 0.5
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
# target_gaps


def gaps_fixture():
    tg = targets(
        # county target 80% (ge) by 2025
        target("T1", "甲县", "green_share", 80),
        # province reduction 较2020年下降13% by 2025
        target(
            "T2", "甲省", "intensity", 13, comparator="eq", kind="reduction", baseline_year=2020
        ),
        # county increment 新建高标准农田10万亩
        target("T3", "甲县", "farmland", 10, unit="万亩", comparator="eq", kind="increment"),
        # percent-point increment 提高5个百分点
        target("T4", "甲县", "green_share", 5, unit="个百分点", comparator="eq", kind="increment"),
        # no observation at all
        target("T5", "乙省", "green_share", 75),
    )
    bm = frame(
        bench("province", "甲省", "green_share", 75, line=2),  # ambition vs province 80-75 = +5
        bench("country", "全国", "green_share", 85, line=3),  # ambition vs country 80-85 = -5
        bench("country", "全国", "green_share", 70, target_year=2022, line=4),  # 2022: unlike
        bench("country", "全国", "intensity", 13.5, kind="reduction", baseline_year=2020, line=5),
        bench("province", "甲省", "farmland", 500, unit="万亩", line=6),  # level vs increment
    )
    ob = frame(
        # 甲县 green share: 70 in 2021, 74 in 2023
        obs("甲县", "green_share", 2021, 70, line=2),
        obs("甲县", "green_share", 2023, 74, line=3),
        # 甲省 intensity, yearly changes (negative = fall)
        obs("甲省", "intensity", 2020, -1.0, measure="yearly_change", line=4),  # before baseline
        obs("甲省", "intensity", 2021, -3.0, measure="yearly_change", line=5),
        obs("甲省", "intensity", 2022, -2.0, measure="yearly_change", line=6),
        obs("甲省", "intensity", 2023, -4.0, measure="yearly_change", line=7),
    )
    return tg, bm, ob


def test_target_gaps_level_target():
    tg, bm, ob = gaps_fixture()
    g = by_id(an.target_gaps(tg, DOCUMENTS, bm, ob, CATALOG))
    t1 = g["T1"]
    # ambition: 80 - 75 = +5 vs the province; 80 - 85 = -5 vs the country (the 2022 row is
    # not like with like and is ignored)
    assert t1["ambition_vs_province"] == pytest.approx(5.0)
    assert t1["ambition_vs_country"] == pytest.approx(-5.0)
    assert t1["country_benchmark_value"] == 85 and t1["country_benchmark_count"] == 1
    assert t1["province_source_title"] == "甲省的规划"
    assert t1["country_source_quote"] == "全国达到85"
    # latest observation 74 in 2023: gap 80 - 74 = 6, 2 years left, needed 6 / 2 = 3 a year;
    # seen (74 - 70) / 2 = 2 a year >= 50% of 3: needs acceleration
    assert t1["observed_value"] == 74 and t1["observation_year"] == 2023
    assert t1["remaining_gap"] == pytest.approx(6.0)
    assert t1["years_left"] == 2
    assert t1["needed_yearly_progress"] == pytest.approx(3.0)
    assert t1["seen_yearly_progress"] == pytest.approx(2.0)
    assert t1["status"] == "needs_acceleration"
    assert t1["observation_source_title"] == "甲县2023年公报"
    # provenance of the target travels with it
    assert (t1["doc_id"], t1["quote"], t1["char_start"], t1["char_end"]) == (
        "county",
        "T1的原文",
        10,
        20,
    )


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


def test_increments_are_never_compared_with_levels():
    tg, bm, ob = gaps_fixture()
    pairs = an.target_benchmarks(tg, DOCUMENTS, bm, CATALOG)
    t3 = pairs[pairs["target_id"] == "T3"].iloc[0]
    assert not t3["is_comparable"]
    assert "different kind" in t3["comparability_note"]
    assert "size-dependent quantity (万亩)" in t3["comparability_note"]
    assert pd.isna(t3["ambition"])
    # 提高5个百分点 (increment, 个百分点) vs the 85% level: kind and unit both differ
    t4 = pairs[(pairs["target_id"] == "T4") & (pairs["benchmark_value"] == 85)].iloc[0]
    assert not t4["is_comparable"] and pd.isna(t4["ambition"])
    assert "different kind" in t4["comparability_note"]
    assert "different unit: 个百分点 vs %" in t4["comparability_note"]
    # 2022 vs 2025: not comparable
    t1_2022 = pairs[(pairs["target_id"] == "T1") & (pairs["benchmark_target_year"] == 2022)]
    assert t1_2022["comparability_note"].iloc[0] == "different target year: 2025 vs 2022"
    g = by_id(an.target_gaps(tg, DOCUMENTS, bm, ob, CATALOG))
    assert g["T3"]["status"] == "no_data"
    assert g["T3"]["status_note"].startswith("increment target")
    assert g["T4"]["status"] == "no_data"  # observed levels in % never measure 个百分点
    assert g["T5"]["status"] == "no_data" and g["T5"]["status_note"] == "no observation for 乙省"


def test_disagreeing_benchmarks_use_the_most_demanding():
    tg = targets(
        target("T", "甲县", "intensity", 13, comparator="eq", kind="reduction", baseline_year=2020)
    )
    bm = frame(
        bench("province", "甲省", "intensity", 13, kind="reduction", baseline_year=2020, line=2),
        bench("province", "甲省", "intensity", 12.5, kind="reduction", baseline_year=2020, line=3),
    )
    row = an.target_gaps(tg, DOCUMENTS, bm, None, CATALOG).iloc[0]
    # the larger fall (13) is the more demanding: ambition 13 - 13 = 0
    assert row["province_benchmark_value"] == 13 and row["ambition_vs_province"] == 0
    assert row["province_benchmark_count"] == 2
    assert "sources disagree (12.5, 13)" in row["province_benchmark_note"]
    assert row["status"] == "no_data"


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


def test_every_gap_and_pair_keeps_its_provenance():
    tg, bm, ob = gaps_fixture()
    pairs = an.target_benchmarks(tg, DOCUMENTS, bm, CATALOG)
    # T1 meets the province's 75 and the two national rows; T5 (乙省) only the national ones
    assert pairs.groupby("target_id").size().to_dict() == {
        "T1": 3,
        "T2": 1,
        "T3": 1,
        "T4": 3,
        "T5": 2,
    }
    province = pairs[(pairs.target_id == "T1") & (pairs.benchmark_level == "province")].iloc[0]
    assert (province["quote"], province["char_start"], province["char_end"]) == ("T1的原文", 10, 20)
    assert (province["source_line"], province["ambition"]) == (2, 5.0)
    gaps = an.target_gaps(tg, DOCUMENTS, bm, ob, CATALOG).set_index("target_id")
    assert (gaps.loc["T1", "observed_value"], gaps.loc["T1", "observation_year"]) == (74, 2023)
    assert (
        gaps.loc["T1", "ambition_vs_province"] == 5.0
        and gaps.loc["T1", "ambition_vs_country"] == -5.0
    )
    empty = an.target_gaps(targets(), DOCUMENTS, bm, ob, CATALOG)
    assert empty.empty


# --------------------------------------------------------------------------------------------
# compare_regions


def comparison_fixture():
    tg = targets(
        target("A1", "甲县", "green_share", 80),
        target("B1", "甲省", "green_share", 70, target_year=2022),  # 2022 vs 2025
        target("C1", "乙省", "green_share", 75),
        target("A2", "甲县", "farmland", 45, unit="万亩", comparator="eq"),
        target("B2", "甲省", "farmland", 10, unit="万亩", comparator="eq", kind="increment"),
        target("C2", "乙省", "farmland", 100, unit="万亩", comparator="eq"),
        target("C3", "乙省", "green_share", 60, scope_zh="乙市城区"),
        target("A3", "甲县", "pm25", 35, unit="微克/立方米", comparator="le"),  # one region only
    )
    bm = frame(
        bench("province", "甲省", "green_share", 75, line=2),
        bench("country", "全国", "green_share", 70, target_year=2022, line=3),
        bench("province", "丙省", "green_share", 99, line=4),  # not a selected region's province
    )
    return tg, bm


def test_compare_regions_flags_unlike_targets():
    tg, bm = comparison_fixture()
    cmp = an.compare_regions(tg, DOCUMENTS, regions=["甲县", "甲省", "乙省", "丙省", "丁省"])
    assert set(cmp["indicator_id"]) == {"green_share", "farmland"}  # pm25: one region only
    share = cmp[cmp["indicator_id"] == "green_share"].set_index("target_id", drop=False)
    # most common form: (level, 2025, %) - two of the three whole-region targets
    assert set(share["reference_target_year"]) == {2025}
    assert share.loc["A1", "is_comparable"] and share.loc["C1", "is_comparable"]
    assert not share.loc["B1", "is_comparable"]
    assert share.loc["B1", "comparability_note"] == "different target year: 2022 vs 2025"
    assert share.loc["C3", "comparability_note"] == "scope limited to 乙市城区"
    farm = cmp[(cmp["indicator_id"] == "farmland") & cmp["target_id"].notna()]
    farm = farm.set_index("target_id")
    assert farm.loc["B2", "comparability_note"].startswith("different kind: increment")
    assert farm.loc["A2", "is_comparable"] and farm.loc["C2", "is_comparable"]
    # provenance of plan rows
    assert share.loc["A1", "quote"] == "A1的原文" and share.loc["A1", "doc_id"] == "county"


def test_compare_regions_no_target_in_plan_is_not_no_data():
    tg, bm = comparison_fixture()
    cmp = an.compare_regions(tg, DOCUMENTS, regions=["甲县", "甲省", "乙省", "丙省", "丁省"])
    share = cmp[cmp["indicator_id"] == "green_share"].set_index("region_zh")
    # 丙省's plan was read and sets no such target
    assert bool(share.loc["丙省", "has_target"]) is False
    assert share.loc["丙省", "comparability_note"] == "no target in plan"
    assert pd.isna(share.loc["丙省", "value"])
    # 丁省 has no plan in the documents: no data, has_target unknown
    assert pd.isna(share.loc["丁省", "has_target"])
    assert share.loc["丁省", "comparability_note"].startswith("no data")


def test_compare_regions_adds_benchmarks_of_selected_provinces():
    tg, bm = comparison_fixture()
    cmp = an.compare_regions(tg, DOCUMENTS, benchmarks=bm, regions=["甲县", "甲省", "乙省"])
    rows = cmp[cmp["origin"] == "benchmark"]
    assert set(rows["region_zh"]) == {"甲省", "全国"}  # 丙省 is nobody's province here
    national = rows[rows["region_zh"] == "全国"].iloc[0]
    assert not national["is_comparable"]  # a 2022 benchmark against the 2025 targets
    assert national["source_title"] == "全国的规划" and national["source_quote"] == "全国达到70"


def test_compare_regions_row_order():
    tg, bm = comparison_fixture()
    cmp = an.compare_regions(tg, DOCUMENTS, benchmarks=bm, regions=["甲县", "乙省"])
    got = [
        (r["indicator_id"], r["origin"], r["region_zh"], r["target_id"])
        for r in cmp.to_dict("records")
    ]
    # per indicator (by id): plan rows in the order the regions were asked for (甲省 is not
    # asked for), rows of one region in table order (C1 before C3); then the benchmarks of the
    # selected regions' provinces (甲省), then the country's
    assert [(i, o, r, t if isinstance(t, str) else None) for i, o, r, t in got] == [
        ("farmland", "plan", "甲县", "A2"),
        ("farmland", "plan", "乙省", "C2"),
        ("green_share", "plan", "甲县", "A1"),
        ("green_share", "plan", "乙省", "C1"),
        ("green_share", "plan", "乙省", "C3"),
        ("green_share", "benchmark", "甲省", None),
        ("green_share", "benchmark", "全国", None),
    ]


def test_given_catalog_is_used_even_when_empty(monkeypatch):
    monkeypatch.setattr(_common, "load_catalog", lambda: pytest.fail("default catalog loaded"))
    tg = targets(target("T", "甲县", "green_share", 80))
    bm = frame(bench("province", "甲省", "green_share", 75))
    row = an.target_gaps(tg, DOCUMENTS, bm, None, Catalog({})).iloc[0]
    # like with like, but without the indicator's direction the ambition has no sign
    assert row["province_benchmark_value"] == 75 and row["province_benchmark_count"] == 1
    assert pd.isna(row["ambition_vs_province"])


def test_compare_regions_explicit_indicators():
    tg, _ = comparison_fixture()
    cmp = an.compare_regions(tg, DOCUMENTS, indicator_ids=["pm25"], regions=["甲县", "甲省"])
    assert cmp["region_zh"].tolist() == ["甲县", "甲省"]  # in the order asked for
    assert cmp.loc[cmp["region_zh"] == "甲省", "comparability_note"].iloc[0] == "no target in plan"


# --------------------------------------------------------------------------------------------
# trajectories


def test_trajectory_of_a_reduction_is_a_compounded_index():
    tg = targets(
        target("T", "甲省", "intensity", 13, comparator="eq", kind="reduction", baseline_year=2020),
        # the same plan's 2035 goal: 较2020年下降30%
        target(
            "G",
            "甲省",
            "intensity",
            30,
            comparator="eq",
            kind="reduction",
            baseline_year=2020,
            target_year=2035,
            quote="2035年较2020年下降30%",
        ),
    )
    ob = frame(
        obs("甲省", "intensity", 2021, -3.0, measure="yearly_change"),
        obs("甲省", "intensity", 2022, -2.0, measure="yearly_change"),
    )
    tr = an.trajectories(tg, DOCUMENTS, ob, CATALOG)
    assert set(tr["target_id"]) == {"T"}  # the 2035 goal is drawn on T, not on its own
    path = tr[tr["series"] == "target"].set_index("year")["value"]
    # index 2020 = 100; 2023 = 100 * 0.87 ** (3/5) = 91.98; 2025 = 87
    assert path[2020] == pytest.approx(100.0)
    assert path[2023] == pytest.approx(100 * 0.87**0.6)
    assert path[2025] == pytest.approx(87.0)
    assert set(tr["unit"]) == {"2020=100"}
    observed = tr[tr["series"] == "observed"].set_index("year")["value"]
    # 2021: 100 - 3 = 97; 2022: 100 - 4.94 = 95.06
    assert observed[2021] == pytest.approx(97.0)
    assert observed[2022] == pytest.approx(95.06)
    # projection: fit through (2020, 100), (2021, 97), (2022, 95.06): slope = -2.47 a year
    # (Sxy = (-1)(100) + 0 + (1)(95.06) = -4.94, Sxx = 2); mean 97.3533 at 2021
    # -> 2025: 97.3533 - 2.47 * 4 = 87.4733
    projection = tr[tr["series"] == "projection"].set_index("year")["value"]
    assert projection.index.min() == 2022 and projection.index.max() == 2025
    assert projection[2025] == pytest.approx(87.47333, abs=1e-4)
    goal = tr[tr["series"] == "goal_2035"].iloc[0]
    # the 2035 goal on the index: 100 * (1 - 0.30) = 70, cited from its own quote
    assert goal["year"] == 2035 and goal["value"] == pytest.approx(70.0)
    assert goal["quote"] == "2035年较2020年下降30%"
    assert observed.index.tolist() == [2021, 2022]
    assert tr.loc[tr["series"] == "observed", "source_title"].notna().all()


def test_trajectory_of_a_level_is_linear_from_the_baseline():
    tg = targets(target("L", "甲县", "green_share", 80, baseline_year=2021))
    ob = frame(
        obs("甲县", "green_share", 2020, 60),
        obs("甲县", "green_share", 2021, 70),
        obs("甲县", "green_share", 2023, 74),
    )
    tr = an.trajectories(tg, DOCUMENTS, ob, CATALOG)
    path = tr[tr["series"] == "target"].set_index("year")["value"]
    # from the baseline-year observation (2021: 70) to 80 in 2025: +2.5 a year
    assert path.index.min() == 2021
    assert path[2023] == pytest.approx(75.0)
    first = tr[(tr["series"] == "target") & (tr["year"] == 2021)].iloc[0]
    assert first["source_title"] == "甲县2021年公报"  # the path's start cites its observation
    # start_year drops earlier observations (and the baseline falls to the first one left)
    tr = an.trajectories(tg, DOCUMENTS, ob, CATALOG, start_year=2022)
    assert tr.loc[tr["series"] == "observed", "year"].tolist() == [2023]
    assert tr.loc[tr["series"] == "target", "year"].min() == 2023


def test_trajectory_without_observations_and_of_increments():
    tg = targets(
        target("N", "乙省", "green_share", 75),
        target("I", "甲县", "farmland", 10, unit="万亩", comparator="eq", kind="increment"),
    )
    tr = an.trajectories(tg, DOCUMENTS, None, CATALOG)
    assert tr[["target_id", "year", "series", "value"]].to_dict("records") == [
        {"target_id": "N", "year": 2025, "series": "target", "value": 75.0}
    ]
    assert set(tr["status"]) == {"no_data"}
    assert tr["quote"].tolist() == ["N的原文"] and tr["source_title"].isna().all()


# --------------------------------------------------------------------------------------------
# milestones


def test_milestones_timeline_orders_by_year_then_level():
    ms = pd.DataFrame(
        {
            "milestone_id": ["M1", "M2", "M3"],
            "doc_id": ["county", "prov_a", "prov_b"],
            "region_zh": ["甲县", "甲省", "乙省"],
            "region_level": ["county", "province", "province"],
            "commitment_zh": ["全覆盖", "清零", "基本普及"],
            "target_year": [2025, 2025, 2023],
            "aspirational": [0, 1, 0],
            "year_inferred": [0, 0, 1],
            "quote": ["实现全覆盖", "动态清零", "基本普及"],
            "char_start": [5, 9, 1],
            "char_end": [10, 13, 5],
        }
    )
    tl = an.milestones_timeline(ms, DOCUMENTS)
    assert tl["milestone_id"].tolist() == ["M3", "M2", "M1"]
    assert tl["province_zh"].tolist() == ["乙省", "甲省", "甲省"]
    assert tl["commitment_zh"].tolist() == ["基本普及", "清零", "全覆盖"]
