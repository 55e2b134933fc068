"""The finding sentences say what the data says: counts and names worked out by hand."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from greenmetrics import findings


def frames():
    targets = pd.DataFrame(
        {
            "region_zh": ["甲县", "甲县", "乙省"],
            "indicator_id": ["a", None, "b"],
        }
    )
    return SimpleNamespace(
        documents=pd.DataFrame({"doc_id": ["d1", "d2"]}),
        targets=targets,
        milestones=pd.DataFrame({"milestone_id": ["m1"]}),
        review=pd.DataFrame({"category": ["unreported_number"] * 4 + ["year_inferred"]}),
    )


def test_targets_sentence_counts_plans_targets_mapping_and_review():
    zh = findings.finding_targets(frames(), "zh")
    assert zh == (
        "2份规划共提取3项量化目标、1项定性承诺；2项已对应到指标目录。"
        "目标最多的是甲县（2项）。另有4个数字未作为目标报告，已列入复核表。"
    )
    en = findings.finding_targets(frames(), "en")
    assert en.startswith("2 plans hold 3 quantitative targets and 1 dated commitments; 2 targets")
    assert "甲县 sets the most (2)" in en and "4 other numbers" in en


def test_gaps_sentence_counts_ambition_against_the_country_and_statuses():
    pairs = pd.DataFrame(
        {
            "is_comparable": [True, True, True, False, True],
            "benchmark_level": ["country", "country", "country", "country", "province"],
            "ambition": [5.0, 0.0, -2.0, 9.0, 3.0],
        }
    )
    gaps = pd.DataFrame({"status": ["achieved", "off_track", "no_data", "no_data"]})
    zh = findings.finding_gaps(pairs, gaps, "zh")
    assert zh.startswith("与全国目标可比的3项中，1项高于、1项等于、1项低于全国目标。")
    assert "已实现1项、按进度0项、需加快0项、滞后1项；2项暂无观测数据" in zh
    en = findings.finding_gaps(pairs, gaps, "en")
    assert "Of 3 targets" in en and "1 are more ambitious, 1 equal and 1 less" in en


def test_comparison_sentence_names_the_widest_spread():
    comparison = pd.DataFrame(
        {
            "origin": ["plan"] * 5 + ["benchmark"],
            "indicator_id": ["x", "x", "y", "y", "y", "y"],
            "indicator_zh": [
                "秸秆综合利用率",
                "秸秆综合利用率",
                "绿色建筑占比",
                "绿色建筑占比",
                "绿色建筑占比",
                "绿色建筑占比",
            ],
            "has_target": [True, True, True, True, False, True],
            "is_comparable": [True, True, True, False, None, True],
            "value": [86.0, 92.0, 70.0, 100.0, None, 50.0],
        }
    )
    zh = findings.finding_comparison(comparison, "zh")
    assert zh == (
        "共对比2个指标；1项目标因类型、年份、单位或范围不同而标为不可比，"
        "1处为“规划未设目标”。可比目标差距最大的是秸秆综合利用率（相差6）。"
    )
    assert "(6)" in findings.finding_comparison(comparison, "en")


def test_trajectories_sentence_counts_targets_by_series():
    paths = pd.DataFrame(
        {
            "target_id": ["T1", "T1", "T1", "T2", "T3", "T3"],
            "series": ["target", "observed", "projection", "target", "target", "observed"],
        }
    )
    assert findings.finding_trajectories(paths, "zh") == (
        "3项目标绘制了目标路径，其中2项有观测值、1项可按观测趋势外推到目标年。"
    )
    assert findings.finding_trajectories(paths, "en").startswith("3 targets have a target path; 2")


def test_milestones_sentence_gives_the_span_and_most_common_word():
    timeline = pd.DataFrame(
        {"commitment_zh": ["全覆盖", "清零", "全覆盖"], "target_year": [2023, 2025, 2022]}
    )
    assert findings.finding_milestones(timeline, "zh") == (
        "3项定性承诺分布在2022—2025年，最常见的是“全覆盖”（2项）。"
    )
    assert findings.finding_milestones(timeline.iloc[:0], "en") == "No dated commitments."
