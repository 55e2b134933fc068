"""The finding sentences say what the data says: counts and names worked out by hand.

Every frame is small and made here, with counts chosen to differ from one another, so a
sentence that swaps two numbers, counts the wrong rows or names the wrong region fails. Each
sentence is checked whole, in Chinese and in English.
"""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from greenmetrics import findings, views


def frames(
    targets: pd.DataFrame | None = None, review: pd.DataFrame | None = None, milestones: int = 6
):
    if targets is None:
        targets = pd.DataFrame(
            {
                "region_zh": ["甲县", "甲县", "乙省", "甲县", "丙市"],
                "indicator_id": ["a", None, "b", "c", None],
            }
        )
    if review is None:
        review = pd.DataFrame({"category": ["unreported_number"] * 4 + ["year_inferred"]})
    return SimpleNamespace(
        documents=pd.DataFrame({"doc_id": ["d1", "d2"]}),
        targets=targets,
        milestones=pd.DataFrame({"milestone_id": [f"m{i}" for i in range(milestones)]}),
        review=review,
    )


# ------------------------------------------------------------------------------ targets


def test_targets_sentence_counts_plans_targets_mapping_and_review():
    assert findings.finding_targets(frames(), "zh") == (
        "2份规划共提取5项量化目标、6项定性承诺；3项已对应到指标目录。"
        "目标最多的是甲县（3项）。另有4个数字未作为目标报告，已列入复核表。"
    )
    assert findings.finding_targets(frames(), "en") == (
        "2 plans hold 5 quantitative targets and 6 dated commitments; 3 targets map to the "
        "indicator catalog. 甲县 sets the most (3). 4 other numbers in the texts were not "
        "reported as targets and are listed for review."
    )


def test_one_commitment_is_said_in_the_singular():
    assert "and 1 dated commitment;" in findings.finding_targets(frames(milestones=1), "en")
    # the Chinese sentence has no plural to choose
    assert "1项定性承诺" in findings.finding_targets(frames(milestones=1), "zh")


def test_a_sentence_of_ones_is_said_in_the_singular_throughout():
    one = SimpleNamespace(
        documents=pd.DataFrame({"doc_id": ["d1"]}),
        targets=pd.DataFrame({"region_zh": ["甲县"], "indicator_id": ["a"]}),
        milestones=pd.DataFrame({"milestone_id": ["m1"]}),
        review=pd.DataFrame({"category": ["unreported_number"]}),
    )
    assert findings.finding_targets(one, "en") == (
        "1 plan holds 1 quantitative target and 1 dated commitment; 1 target maps to the "
        "indicator catalog. 甲县 sets the most (1). 1 other number in the texts was not "
        "reported as a target and is listed for review."
    )


def test_targets_sentence_without_targets_or_review_categories():
    empty = frames(
        targets=pd.DataFrame({"region_zh": [], "indicator_id": []}),
        review=pd.DataFrame({"doc_id": ["d1"]}),
    )
    zh = findings.finding_targets(empty, "zh")
    assert "共提取0项量化目标" in zh and "0项已对应" in zh
    assert "目标最多的是-（0项）" in zh and "另有0个数字" in zh
    en = findings.finding_targets(empty, "en")
    assert "hold 0 quantitative targets" in en and "- sets the most (0)" in en
    assert "0 other numbers" in en


# ------------------------------------------------------------------------------ gaps


def test_gaps_sentence_counts_the_pairs_drawn_as_the_chart_subtitle_does():
    from greenmetrics.charts.gaps import gaps_takeaway

    pairs = pd.DataFrame(
        {
            "is_comparable": [True, True, True, True, True, True, False, True, True],
            "benchmark_level": ["country"] * 7 + ["province", "country"],
            # above: 5, 3, 4, 1; equal: 0 and a rounding error; below: -2, -7; the pair not
            # comparable and the target without a benchmark do not count
            "benchmark_value": [1.0] * 8 + [None],
            "ambition": [5.0, 3.0, 4.0, 0.0, -1e-10, -2.0, 9.0, -7.0, None],
            "target_value": [6.0, 4.0, 5.0, 1.0, 1.0, -1.0, 10.0, -6.0, 3.0],
        }
    )
    assert findings.finding_gaps(pairs, "zh") == (
        "图中7组可比的目标与对标值（省级或全国）中，3组高于、2组等于、2组低于对标值；"
        "面积、数量、装机等规模指标不与上级地区比较。"
    )
    assert findings.finding_gaps(pairs, "en").startswith(
        "Of the 7 comparable pairs of a target and a benchmark drawn (provincial or national), "
        "3 are more ambitious, 2 equal and 2 less ambitious;"
    )
    # the chart's subtitle counts the same pairs the same way
    assert gaps_takeaway(pairs, "zh") == "7组可比的目标与对标值中3组高于、2组等于、2组低于对标值"


def test_gaps_sentence_without_benchmarks_counts_zero():
    zh = findings.finding_gaps(pd.DataFrame({"target_value": [1.0]}), "zh")
    assert zh.startswith("图中0组可比的目标与对标值（省级或全国）中，0组高于、0组等于、0组低于")


# ------------------------------------------------------------------------------ comparison


def comparison_frame() -> pd.DataFrame:
    rows = [
        # origin, indicator_id, indicator_zh, has_target, is_comparable, value
        ("plan", "x", "秸秆综合利用率", True, True, 86.0),
        ("plan", "x", "秸秆综合利用率", True, True, 92.0),
        ("plan", "x", "秸秆综合利用率", True, False, 80.0),
        ("plan", "x", "秸秆综合利用率", True, False, 75.0),
        ("plan", "y", "绿色建筑占比", True, True, 70.0),
        ("plan", "y", "绿色建筑占比", True, False, 100.0),
        ("plan", "y", "绿色建筑占比", True, False, 60.0),
        ("plan", "y", "绿色建筑占比", False, None, None),
        ("plan", "z", "清洁取暖率", True, True, 50.5),
        ("plan", "z", "清洁取暖率", True, True, 90.0),
        ("plan", "z", "清洁取暖率", False, None, None),
        # a benchmark row is not a plan: it must not widen a spread or count as an indicator
        ("benchmark", "x", "秸秆综合利用率", True, True, 10.0),
        ("benchmark", "w", "森林覆盖率", True, True, 20.0),
        ("benchmark", "w", "森林覆盖率", True, False, 30.0),  # listed and counted apart
    ]
    columns = ["origin", "indicator_id", "indicator_zh", "has_target", "is_comparable", "value"]
    return pd.DataFrame(rows, columns=columns)


def test_comparison_sentence_counts_and_names_the_widest_spread():
    shares = comparison_frame().assign(unit="%")  # a gap between shares is in points
    assert findings.finding_comparison(shares, "zh") == (
        "共对比3个指标；4项规划目标和1项上级或全国目标因类型、年份、单位或范围不同而标为不可比，"
        "2处为“规划未设目标”。可比的比率目标中差距最大的是清洁取暖率：50.5—90%（相差39.5个百分点）。"
    )
    assert findings.finding_comparison(shares, "en") == (
        "3 indicators are compared; 4 plan targets and 1 benchmark are marked not comparable "
        "(kind, year, unit or scope differ) and 2 cells are 'no target in plan'. The widest spread among comparable "
        "rates is 清洁取暖率: 50.5-90% (39.5 percentage points apart)."
    )


def test_comparison_sentence_of_sizes_says_it_is_a_spread_of_sizes():
    # areas of provinces differ with the provinces' size: never called a gap in ambition
    frame = comparison_frame().assign(
        unit="万亩", indicator_en="High-standard farmland", region_level="province"
    )
    frame["region_zh"] = [f"r{i}" for i in range(len(frame))]
    sentence = findings.finding_comparison(frame, "zh")
    assert sentence.endswith(
        "同级地区规模相差最大的是清洁取暖率：50.5—90万亩（这是规模之差，不是目标高低）。"
    )
    english = findings.finding_comparison(frame, "en")
    assert english.endswith(
        "High-standard farmland: 50.5-90 10k mu (a difference of size, not of ambition)."
    )
    # a rate that differs is the takeaway, however wide the spread of sizes
    rates = frame.copy()
    rates.loc[rates.indicator_id == "x", "unit"] = "%"
    assert "比率目标中差距最大的是秸秆综合利用率：86—92%" in findings.finding_comparison(
        rates, "zh"
    )


def test_comparison_sentence_without_comparable_targets():
    only_missing = comparison_frame().query("has_target == False")
    assert findings.finding_comparison(only_missing, "zh") == (
        "共对比2个指标；0项规划目标和0项上级或全国目标因类型、年份、单位或范围不同而标为不可比，"
        "2处为“规划未设目标”。没有取值不同的可比目标。"
    )


# ------------------------------------------------------------------------------ trajectories


def test_trajectories_sentence_counts_targets_by_series():
    paths = pd.DataFrame(
        {
            "target_id": ["T1", "T1", "T1", "T2", "T3", "T3", "T3"],
            "series": [
                "target",
                "observed",
                "projection",
                "target",
                "target",
                "observed",
                "observed",
            ],
        }
    )
    assert findings.finding_trajectories(paths, "zh") == (
        "3项目标绘制了目标路径，其中2项有观测值、1项可按观测趋势外推到目标年。"
    )
    assert findings.finding_trajectories(paths, "en") == (
        "3 targets have a target path; 2 have observed points and 1 can be projected from the "
        "observed trend to their target year."
    )


# ------------------------------------------------------------------------------ milestones


def test_milestones_sentence_gives_the_span_and_most_common_word():
    timeline = pd.DataFrame(
        {
            "commitment_zh": ["全覆盖", "清零", "全覆盖", "清零", "全覆盖"],
            "target_year": [2023, 2030, 2022, 2025, 2025],
        }
    )
    assert findings.finding_milestones(timeline, "zh") == (
        "5项定性承诺分布在2022—2030年，最常见的是“全覆盖”（3项）。"
    )
    assert findings.finding_milestones(timeline, "en") == (
        "5 dated commitments fall in 2022-2030; the most common is “full coverage” (3)."
    )


def test_milestones_sentence_without_commitments():
    empty = pd.DataFrame({"commitment_zh": [], "target_year": []})
    assert findings.finding_milestones(empty, "zh") == "没有定性承诺。"
    assert findings.finding_milestones(empty, "en") == "No dated commitments."


# ------------------------------------------------------------------------------ one home


def test_sentences_refuse_an_unknown_language():
    with pytest.raises(ValueError):
        findings.finding_trajectories(pd.DataFrame({"target_id": [], "series": []}), "fr")


def test_notebooks_reach_the_same_functions_through_views():
    for name in (
        "finding_targets",
        "finding_gaps",
        "finding_comparison",
        "finding_trajectories",
        "finding_milestones",
    ):
        assert getattr(views, name) is getattr(findings, name)


def test_finding_scorecard_counts_verdicts_and_the_targets_with_context_only():
    card = pd.DataFrame(
        {
            "region_zh": ["甲县", "甲县", "甲县", "乙省"],
            "observed_value": [91.0, None, None, 30.0],
            "verdict": ["met", "no_data", "no_data", "off_track"],
            "context_value": [None, 77.0, None, None],
            "as_of_year": [2026] * 4,
        }
    )
    zh = findings.finding_scorecard(card, "zh")
    assert zh == (
        "全部4项目标中2项有本地区观测数据（甲县、乙省）：已实现1项、未实现0项、"
        "按进度推进0项、进度滞后1项、数据不足0项；"
        "其余2项暂无本地区观测数据（其中1项可参照所在市或省的数据）。"
    )
    en = findings.finding_scorecard(card, "en")
    assert "Of all 4 targets, 2 have" in en
    assert "met 1, missed 0, on track 0, off track 1, too little data 0" in en
    # the focus regions first, counted as the chart of their rows counts them
    focus = findings.finding_scorecard(card, "zh", focus=["甲县"])
    assert focus.startswith(
        "以2026年判定，甲县的3项目标中1项有本地区观测数据：已实现1项、未实现0项、"
        "按进度推进0项、进度滞后0项、数据不足0项。全部4项目标"
    )
