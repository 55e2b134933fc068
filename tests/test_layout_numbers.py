"""Contents lines, page footers and table references give no target (issue 18); the review
lists their numbers with the reason. Lines written for these tests after the layouts of the
genre (leader dots or ellipses, blanks before the page number, a footer alone on its line)."""

from __future__ import annotations

import pytest

from greenmetrics.extract import PlanContext, extract
from greenmetrics.extract.layout import layout_number
from greenmetrics.review import unreported_numbers

CONTEXT = PlanContext(
    doc_id="t", region_names=("江北市", "江北"), issue_year=2022, default_target_year=2025
)


def _kind(text: str, number: str) -> str | None:
    i = text.rindex(number)
    return layout_number(text, i, i + len(number))


@pytest.mark.parametrize(
    "text, number, kind",
    [
        ("第一节 实施二氧化碳排放达峰行动……22\n", "22", "contents"),
        ("提升建筑节能能力 .................. 29\n", "29", "contents"),
        ("（二）打造水草丰美、五彩缤纷桑干河   37\n", "37", "contents"),
        ("九、推进应对气候变化治理体系和治理能力现代化··········37", "37", "contents"),
        ("提升公共建筑节能领域的宏观决策和\n35\n行业管理水平", "35", "footer"),
        ("或近\n—16—\n零排放", "16", "footer"),
        ("重点企业（见附件 3）需提交报告", "3", "reference"),
        ("主要指标详见表1。", "1", "reference"),
        ("到2025年，森林覆盖率达到 37", "37", None),
        ("森林覆盖率达到 37", "37", None),
        ("4.非化石能源消费比重（%） 7.6 13", "13", None),
        ("农田灌溉水有效利用系数达到 0.6", "0.6", None),
        ("建成绿色工厂 37 家", "37", None),
    ],
)
def test_layout_numbers(text, number, kind):
    assert _kind(text, number) == kind


def test_a_contents_page_gives_no_target_and_the_review_says_why():
    text = (
        "目录\n"
        "第一节 实施二氧化碳排放达峰行动……22\n"
        "提升建筑节能能力 .................. 29\n"
        "（二）打造水草丰美、五彩缤纷桑干河   37\n"
        "到2025年，全市城镇污水处理率达到97%（主要指标见表1）。\n"
    )
    targets, _ = extract(text, CONTEXT)
    assert [(t.indicator_zh, t.value) for t in targets] == [("城镇污水处理率", 97)]
    covered = [(t.char_start, t.char_end) for t in targets]
    notes = {r["text"]: r["note"] for r in unreported_numbers("t", text, covered)}
    for page in ("22", "29", "37", "1"):
        assert "目录页码" in notes[page] or "contents" in notes[page], notes


@pytest.mark.parametrize(
    "line",
    [
        # a heading that states a target, in the contents: the section's title, no target
        "（一）到2025年森林覆盖率达到30%.......... 12",
        "（三）建设10个示范园区·········· 15",
        "（二）新增装机100万千瓦 . . . . . . . . . . 14",
        "第二章 到2025年建成5个零碳园区 ………… 1 2",
        "（五）建成5个零碳园区……………………",
        "（四）培育20家绿色工厂————————－3－",
    ],
)
def test_no_number_of_a_contents_line_gives_a_target_in_any_layout(line):
    text = f"目  录\n{line}\n一、总体要求\n"
    targets, _ = extract(text, CONTEXT)
    assert targets == []
    notes = {r["note"] for r in unreported_numbers("t", text, [])}
    assert notes <= {"a page number of a contents line or footer, or a table reference (no target)"}


def test_an_ellipsis_inside_a_sentence_is_no_contents_line():
    targets, _ = extract("到2025年，森林覆盖率达到30%……，建成10个园区。\n", CONTEXT)
    assert [(t.indicator_zh, t.value) for t in targets] == [("森林覆盖率", 30.0), ("园区", 10.0)]
