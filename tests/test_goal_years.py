"""The year of a goal in the genres of issue 18: an annual work document's title names the year
of its goals (2022年能源工作指导意见), and a paragraph that opens on 到2030年 keeps that year past
a quoted dual-carbon slogan (确保2030年前碳达峰). Sentences written for these tests in the
style of the genre."""

from __future__ import annotations

import pytest

from greenmetrics.extract import PlanContext, extract
from greenmetrics.extract.years import annual_title_year, default_target_year

CONTEXT = PlanContext(
    doc_id="t", region_names=("江北省", "江北"), issue_year=2022, default_target_year=2025
)


@pytest.mark.parametrize(
    "title, year",
    [
        ("2022年能源工作指导意见", 2022),
        ("关于印发《2023年节能减排工作要点》的通知", 2023),
        ("二〇二二年全省生态环境保护工作要点", 2022),
        ("全省2021年度大气污染防治工作计划", 2021),
        ("2021年度绿色建筑发展实施方案", 2021),
        # a horizon, a period or a plan of years is no annual work document
        ("2030年前碳达峰行动方案", None),
        ("到2025年全省节能工作方案", None),
        ("电机能效提升计划（2021-2023年）", None),
        ("天津市电力发展“十四五”规划", None),
        ("湖南省制造业绿色低碳转型行动方案（2022-2025年）", None),
        # a year's funding call or allocation sets no goals (and is of the rules family)
        ("北京经济技术开发区2021年度绿色发展资金支持政策", None),
        ("上海市2020年碳排放配额分配方案", None),
        ("2021年工作要点与2025年远景目标", None),  # two years: the title does not tell
        (None, None),
    ],
)
def test_annual_title_year(title, year):
    assert annual_title_year(title) == year


def test_the_title_year_is_the_default_whatever_the_text_states():
    text = "到2025年，非化石能源消费比重达到20%。到2025年，电能占比达到30%。"
    assert default_target_year(text, 2022, "2022年能源工作指导意见") == 2022
    assert default_target_year(text, 2022, "江北省能源发展规划") == 2025


def test_an_annual_guidance_gives_its_goals_its_own_year(tmp_path):
    from greenmetrics.pipeline import extract_corpus

    (tmp_path / "plan.txt").write_text(
        "2022年全省节能工作要点\n"
        "全省单位地区生产总值能耗下降3%左右，新增光伏装机20万千瓦。"
        "到2025年，森林覆盖率达到40%。\n",
        encoding="utf-8",
    )
    result = extract_corpus([tmp_path])
    assert result.documents["default_target_year"].tolist() == [2022]
    got = result.targets[["value", "target_year"]].values.tolist()
    assert got == [[3.0, 2022], [20.0, 2022], [40.0, 2025]]


def years(text: str) -> list[tuple[float, int]]:
    return [(t.value, t.target_year) for t in extract(text, CONTEXT)[0]]


def test_a_goal_year_lead_goes_on_past_a_quoted_peak_slogan():
    # the text layer of a decision that cut line ends joins the goals into one paragraph
    text = (
        "到2030年，经济社会发展绿色转型取得显著成效。单位地区生产总值能耗继续下降；"
        "非化石能源消费比重达到19%以上；森林覆盖率达到38%左右，确保2030年前碳达峰。"
        "到2060年，绿色低碳循环发展的经济体系全面建立。"
    )
    assert years(text) == [(19.0, 2030), (38.0, 2030)]


def test_a_peak_slogan_states_no_year_of_its_own():
    text = "单位地区生产总值能耗下降13.5%，为实现2030年前碳达峰奠定坚实基础。"
    assert years(text) == [(13.5, 2025)]
    # a 到-year after the values still governs the sentence's later clauses
    text = "到2030年，绿色转型取得成效。森林覆盖率达到38%，到2035年，草原综合植被盖度达到60%。"
    assert years(text) == [(38.0, 2030), (60.0, 2035)]


def test_a_new_paragraph_ends_the_lead_year():
    text = "到2030年，绿色转型取得显著成效。\n非化石能源消费比重达到25%以上。"
    assert years(text) == [(25.0, 2025)]


def test_an_as_of_date_is_no_goal_year():
    from greenmetrics.extract.years import history_cut

    # 截至2020年底 reports a state: its 至 is no 到, so the plan's history still ends in 2020
    text = "截至2020年底，全市装机达到100万千瓦。到2025年，全市装机达到200万千瓦。"
    assert history_cut(text, None, 2025) == 2021
    assert history_cut("至2020年，装机达到100万千瓦。到2025年，达到200万千瓦。", None, 2025) == 2020
