"""A plan whose issue date is not found: its own goals are never taken for history because of
a guessed date (issue 18). The 碳达峰实施方案 below is written for these tests after the layout
of the genre (主要目标 for 十四五 and 十五五, main goals for 2030)."""

from __future__ import annotations

import pandas as pd

from greenmetrics.extract import PlanContext, extract
from greenmetrics.extract.years import history_cut

PEAK_PLAN = """江北省碳达峰实施方案
二、主要目标
“十四五”期间，产业结构和能源结构明显优化。到2025年，非化石能源消费比重达到18.3%，单位地区生产总值能源消耗比2020年下降14.5%。
“十五五”期间，产业结构调整取得重大进展。到2030年，非化石能源消费比重达到25%左右，单位地区生产总值二氧化碳排放比2005年下降65%以上。
到2030年，风电、太阳能发电总装机容量达到3000万千瓦以上。
到2030年，森林覆盖率稳定在63.1%。
"""


def test_undated_peak_plan_keeps_its_2025_goals():
    context = PlanContext(doc_id="t", region_names=("江北省", "江北"))
    targets, _ = extract(PEAK_PLAN, context)
    years = sorted(t.target_year for t in targets)
    assert years.count(2025) == 2 and years.count(2030) >= 3


def test_a_known_issue_date_still_decides():
    context = PlanContext(doc_id="t", region_names=("江北省", "江北"), issue_year=2026)
    targets, _ = extract(PEAK_PLAN, context)
    assert {t.target_year for t in targets} == {2030}


def test_history_cut():
    assert history_cut("到2025年…到2030年…到2030年", 2022, 2030) == 2022  # the date decides
    assert history_cut("到2025年…到2030年…到2030年", None, 2030) == 2025  # the earliest goal
    # no earlier goal: a plan period before the main goal year, as before
    assert history_cut("到2025年，达到90%。", None, 2025) == 2021
    # a year far before the plan's horizon is a quoted old goal, not the plan's own
    assert history_cut("到2010年…到2030年…到2030年", None, 2030) == 2026
    # a review's change from one year to another states no goal
    review = "比重由2015年的3.9%提高至2020年的11.9%。到2025年，比重达到15%。"
    assert history_cut(review, None, 2025) == 2021


def test_an_undated_plan_of_no_region_is_written_without_level_and_reviewed(tmp_path):
    from greenmetrics.pipeline import extract_corpus

    (tmp_path / "plan.txt").write_text(
        "节能工作方案\n到2025年，节能率达到10%。\n", encoding="utf-8"
    )
    result = extract_corpus([tmp_path])
    doc = result.documents.iloc[0]
    assert doc["region_zh"] == "未知" and pd.isna(doc["region_level"])
    assert result.targets["region_level"].isna().all() and len(result.targets) == 1
    categories = {row["category"] for row in result.document_reviews["plan"]}
    assert {"region_uncertain", "metadata_missing"} <= categories
