"""analysis.comparison by hand: regions side by side, the reference form, "no target in plan"
against "no data", the benchmarks of the selected provinces and the row order."""

from __future__ import annotations

import pandas as pd
from analysis_tables import (
    DOCUMENTS,
    bench,
    comparison_fixture,
    frame,
    target,
    targets,
)

from greenmetrics import analysis as an
from greenmetrics.analysis.comparison import widest_spread
from greenmetrics.schemas.vocabularies import is_size_unit


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


def test_compare_regions_explicit_indicators():
    tg, _ = comparison_fixture()
    cmp = an.compare_regions(tg, DOCUMENTS, indicator_ids=["pm25"], regions=["甲县", "甲省"])
    assert cmp["region_zh"].tolist() == ["甲县", "甲省"]  # in the order asked for
    assert cmp.loc[cmp["region_zh"] == "甲省", "comparability_note"].iloc[0] == "no target in plan"


def test_reference_form_ties_go_to_level_then_the_later_year():
    # one level and one increment target: a tie of counts, the level is the reference
    tg = targets(
        target("L", "甲县", "farmland", 45, unit="万亩", comparator="eq"),
        target("I", "乙省", "farmland", 10, unit="万亩", comparator="eq", kind="increment"),
    )
    cmp = an.compare_regions(tg, DOCUMENTS, regions=["甲县", "乙省"]).set_index("target_id")
    assert set(cmp["reference_kind"]) == {"level"}
    assert cmp["is_comparable"].to_dict() == {"L": True, "I": False}
    # two levels, 2025 and 2030: a tie, the later year is the reference
    tg = targets(
        target("A", "甲县", "green_share", 80),
        target("B", "乙省", "green_share", 90, target_year=2030),
    )
    cmp = an.compare_regions(tg, DOCUMENTS, regions=["甲县", "乙省"]).set_index("target_id")
    assert set(cmp["reference_target_year"]) == {2030}
    assert cmp.loc["A", "comparability_note"] == "different target year: 2025 vs 2030"
    assert pd.isna(cmp.loc["B", "comparability_note"])


def test_one_benchmark_row_when_several_documents_quote_the_same_value():
    tg, _ = comparison_fixture()
    bm = frame(
        bench("country", "全国", "green_share", 70, line=2, source_title="规划甲"),
        bench("country", "全国", "green_share", 70, line=3, source_title="规划乙"),
        bench("country", "全国", "green_share", 70, line=4, source_title="规划甲"),
        bench("country", "全国", "green_share", 80, line=5, source_title="规划丙"),
    )
    cmp = an.compare_regions(tg, DOCUMENTS, benchmarks=bm, regions=["甲县", "乙省"])
    national = cmp[(cmp["origin"] == "benchmark") & (cmp["indicator_id"] == "green_share")]
    # 70 quoted three times (two titles) is one row citing both; 80 is another benchmark
    assert sorted(national["value"]) == [70.0, 80.0]
    assert national.set_index("value").loc[70.0, "source_title"] == "规划甲；规划乙"


def test_areas_and_counts_are_compared_within_one_level():
    assert is_size_unit("万亩") and is_size_unit("个") and is_size_unit("万吨/日")
    assert not is_size_unit("%") and not is_size_unit("微克/立方米") and not is_size_unit(None)
    tg, _ = comparison_fixture()
    bm = frame(bench("country", "全国", "farmland", 10.75, unit="亿亩", comparator="eq"))
    bm["unit"] = "万亩"  # even in the same unit the country's area is no county's peer
    cmp = an.compare_regions(tg, DOCUMENTS, benchmarks=bm, regions=["甲县", "乙省"])
    national = cmp[(cmp["origin"] == "benchmark") & (cmp["indicator_id"] == "farmland")].iloc[0]
    assert not national["is_comparable"]
    assert national["comparability_note"].startswith(
        "different level: no plan target at the country"
    )
    # the widest spread of farmland is never county 45 against province 100
    spread = widest_spread(cmp[cmp["indicator_id"] == "farmland"])
    assert spread is None  # one comparable region per level: nothing to compare
    shares = widest_spread(cmp)
    assert (shares["indicator_id"], shares["low"], shares["high"]) == ("green_share", 75.0, 80.0)
    assert shares["unit"] == "%" and shares["region_level"] is None
