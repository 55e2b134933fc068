"""How far a place named at the head of a sentence scopes the targets after it.

Sentences written for these tests in the shapes plans use (not copied from any plan). A place
that opens a sentence (江南市城区基本建立..., 其他县城区X达到...) scopes the rates that follow it
as one statement: later clauses with no subject of their own, parallel rates under 分别, and a
、-joined list. It stops where policy prose starts a new subject: a semicolon, a clause whose
subject opens with its own place or scope word (全市, 各县, 城市, 农村, 江东县, 市、县 ...).
"""

from __future__ import annotations

import pytest

from greenmetrics.extract import PlanContext, extract

CONTEXT = PlanContext(
    doc_id="t", region_names=("江北市", "江北"), issue_year=2022, default_target_year=2025
)
HEAD = "到2025年，江南市城区基本建立生活垃圾分类处理系统，"


def scopes(text: str) -> list[tuple[str, str, float]]:
    targets, _ = extract(text, CONTEXT)
    for t in targets:
        assert text[t.char_start : t.char_end] == t.quote
    return [(t.scope_zh, t.indicator_zh, t.value) for t in targets]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a clause with no subject of its own after the place: still the place's
        (
            HEAD + "居民普遍形成垃圾分类习惯，生活垃圾回收利用率达到35%以上。",
            [("江南市城区", "生活垃圾回收利用率", 35.0)],
        ),
        # parallel rates under 分别
        (
            HEAD + "生活垃圾回收利用率、资源化利用率分别达到35%、60%以上。",
            [("江南市城区", "生活垃圾回收利用率", 35.0), ("江南市城区", "资源化利用率", 60.0)],
        ),
        # a 、-joined list of rates after the carried place
        (
            HEAD + "生活垃圾回收利用率达到35%以上、无害化处理率达到100%。",
            [
                ("江南市城区", "生活垃圾回收利用率", 35.0),
                ("江南市城区", "生活垃圾无害化处理率", 100.0),
            ],
        ),
        # a 、-joined list whose first item names the place: the place heads the whole list
        (
            "到2025年，其他县城区生活污水处理率达到95%以上、生活垃圾无害化处理率达到100%。",
            [
                ("其他县城区", "生活污水处理率", 95.0),
                ("其他县城区", "生活垃圾无害化处理率", 100.0),
            ],
        ),
    ],
)
def test_a_place_at_the_head_scopes_the_statement_it_opens(text, expected):
    assert scopes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a new subject with its own scope word (农村), and a count after it
        (
            "到2025年，集镇规划区和城镇近郊村生活污水得到有效处理，农村生活垃圾治理村庄比例达到"
            "95%以上，建成250个美丽宜居村庄。",
            [("", "农村生活垃圾治理村庄比例", 95.0), ("", "美丽宜居村庄", 250.0)],
        ),
        # a semicolon ends the statement
        (
            HEAD + "生活垃圾回收利用率达到35%以上；森林覆盖率达到40%。",
            [("江南市城区", "生活垃圾回收利用率", 35.0), ("", "森林覆盖率", 40.0)],
        ),
        # the whole region named again: 全市
        (
            HEAD + "全市森林覆盖率达到35%，新增造林面积10万亩。",
            [("", "森林覆盖率", 35.0), ("", "造林面积", 10.0)],
        ),
        # another place: its own scope, and the carry does not resume after it
        (
            HEAD + "江东县生活污水处理率达到90%，生活垃圾回收利用率达到35%。",
            [("江东县", "生活污水处理率", 90.0), ("", "生活垃圾回收利用率", 35.0)],
        ),
        # an area fused into the indicator (城市污水处理率) is a new subject, no scope
        (
            HEAD + "城市生活污水处理率达到95%，生活垃圾回收利用率达到35%。",
            [("", "城市生活污水处理率", 95.0), ("", "生活垃圾回收利用率", 35.0)],
        ),
        # each county (各县): a new subject
        (
            HEAD + "各县城区生活垃圾无害化处理率达到98%，资源化利用率达到40%。",
            [("各县城区", "生活垃圾无害化处理率", 98.0), ("", "生活垃圾资源化利用率", 40.0)],
        ),
        # levels of government at the head of a later clause
        (
            HEAD + "市、县污泥无害化处理率分别达到97%、95%以上。",
            [("市", "污泥无害化处理率", 97.0), ("县", "污泥无害化处理率", 95.0)],
        ),
    ],
)
def test_the_carry_stops_where_a_new_subject_begins(text, expected):
    assert scopes(text) == expected


def test_a_semicolon_after_the_place_clause_stops_the_carry():
    assert scopes(HEAD[:-1] + "；生活垃圾回收利用率达到35%以上。") == [
        ("", "生活垃圾回收利用率", 35.0)
    ]
