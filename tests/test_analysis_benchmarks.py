"""analysis.benchmarks by hand: which benchmarks a target meets, like with like, the sign of the
ambition, the most demanding of disagreeing sources, provenance and row order."""

from __future__ import annotations

import pandas as pd
import pytest
from analysis_tables import (
    CATALOG,
    DOCUMENTS,
    bench,
    by_id,
    frame,
    gaps_fixture,
    target,
    targets,
)

from greenmetrics import analysis as an
from greenmetrics.analysis import shared
from greenmetrics.catalog import Catalog


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


def test_given_catalog_is_used_even_when_empty(monkeypatch):
    monkeypatch.setattr(shared, "load_catalog", lambda: pytest.fail("default catalog loaded"))
    tg = targets(target("T", "甲县", "green_share", 80))
    bm = frame(bench("province", "甲省", "green_share", 75))
    row = an.target_gaps(tg, DOCUMENTS, bm, None, Catalog({})).iloc[0]
    # like with like, but without the indicator's direction the ambition has no sign
    assert row["province_benchmark_value"] == 75 and row["province_benchmark_count"] == 1
    assert pd.isna(row["ambition_vs_province"])


def test_ambition_sign_follows_the_indicator_direction():
    # 重污染天数比率 (lower is better): the county aims at 2%, its province at 3%, the country 1.5%
    tg = targets(target("P", "甲县", "polluted_days", 2.0, comparator="le"))
    bm = frame(
        bench("province", "甲省", "polluted_days", 3.0, comparator="le", line=2),
        bench("country", "全国", "polluted_days", 1.5, comparator="le", line=3),
    )
    row = an.target_gaps(tg, DOCUMENTS, bm, None, CATALOG).iloc[0]
    # lower is better: -(2 - 3) = +1 (more ambitious than the province), -(2 - 1.5) = -0.5
    assert row["ambition_vs_province"] == pytest.approx(1.0)
    assert row["ambition_vs_country"] == pytest.approx(-0.5)
    pairs = an.target_benchmarks(tg, DOCUMENTS, bm, CATALOG)
    assert pairs["ambition"].tolist() == pytest.approx([1.0, -0.5])
    assert pairs["is_comparable"].tolist() == [True, True]


def test_rows_follow_the_plans_then_the_position_in_the_plan():
    # given out of order: sorted by doc_id, then char_start, then target_id
    tg = targets(
        target("D", "甲省", "green_share", 70, char_start=5),
        target("C", "甲县", "green_share", 80, char_start=30),
        target("A", "甲县", "green_share", 81, char_start=30),
        target("B", "甲县", "green_share", 82, char_start=12),
    )
    bm = frame(
        bench("country", "全国", "green_share", 85, line=3),
        bench("province", "甲省", "green_share", 75, line=2),
    )
    gaps = an.target_gaps(tg, DOCUMENTS, bm, None, CATALOG)
    assert gaps["target_id"].tolist() == ["B", "A", "C", "D"]  # county (12, 30, 30), prov_a
    pairs = an.target_benchmarks(tg, DOCUMENTS, bm, CATALOG)
    # within a target: the province's benchmark, then the country's (甲省 itself: the country)
    assert list(zip(pairs["target_id"], pairs["benchmark_level"], strict=True)) == [
        ("B", "province"), ("B", "country"), ("A", "province"), ("A", "country"),
        ("C", "province"), ("C", "country"), ("D", "country"),
    ]  # fmt: skip


def test_a_benchmark_in_another_scale_of_the_unit_is_restated_in_the_targets_unit():
    # 甲县 builds 12万亩 of farmland by 2025; the country's 10.75亿亩 is 107,500万亩
    tg = targets(target("T1", "甲县", "farmland", 12, unit="万亩", comparator="eq"))
    bm = frame(bench("country", "全国", "farmland", 10.75, unit="亿亩", comparator="eq"))
    pair = an.target_benchmarks(tg, DOCUMENTS, bm, CATALOG).iloc[0]
    assert pair["benchmark_value"] == pytest.approx(107500.0)
    assert pair["benchmark_unit"] == "万亩"
    assert "restated from 10.75 亿亩" in pair["comparability_note"]
    assert not pair["is_comparable"]  # still a size: a county is never held to the nation's
