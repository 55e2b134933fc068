"""The genre a document's title names, and what it lets a number mean (issue 18).

Titles are written for this test in the shapes policy titles take (none is a shipped title):
the genre noun ends the title, a notice takes the genre of what it issues, money and
allowances are told wherever they stand."""

from __future__ import annotations

import pandas as pd
import pytest

from greenmetrics.document_kinds import document_genre, genre_family, read_genre
from greenmetrics.pipeline import extract_corpus
from greenmetrics.review import build_review
from greenmetrics.schemas import DOC_KINDS, GENRES


@pytest.mark.parametrize(
    ("title", "genre"),
    [
        ("临江市“十四五”节能减排综合工作规划", "plan"),
        ("临江市国民经济和社会发展第十四个五年规划纲要", "plan"),
        ("临江省碳达峰实施方案", "implementation_plan"),
        ("临江省工业领域碳达峰行动方案（2022—2025年）", "action_plan"),
        ("临江市绿色建筑创建行动计划", "action_plan"),
        ("临江市2023年节能降碳工作方案", "work_plan"),
        ("中共临江省委 临江省人民政府关于推进生态文明建设的实施意见", "opinion"),
        ("临江省人民代表大会常务委员会关于加强生态环境保护的决定", "decision"),
        ("临江市支持绿色低碳产业发展的若干政策措施", "measures"),
        ("临江市生态环境局关于做好2023年排污许可管理工作的通知", "notice"),
        ("临江市人民政府办公室关于印发临江市碳达峰实施方案的通知", "implementation_plan"),
        ("关于印发《临江市节能专项资金管理办法》的通知", "funding_call"),
        ("关于组织申报2023年度临江市低碳技术攻关项目的通知", "funding_call"),
        ("2023年度临江省重点研发计划项目指南", "funding_call"),
        ("临江省碳排放权交易管理暂行办法", "rule"),
        ("临江市公共机构节能管理实施细则", "rule"),
        ("临江省2022年度碳排放配额分配实施方案", "allocation_plan"),
        ("临江省生态环境厅关于做好2023年企业温室气体排放报告与核查工作的通知", "rule"),
        ("关于做好临江市2022年度碳排放配额清缴工作的通知", "rule"),
        ("临江市碳排放统计核算体系建设实施方案", "implementation_plan"),
        ("临江市近零碳社区试点建设指南", "standard"),
        ("临江省绿色工厂评价指南（试行）", "standard"),
        ("临江省绿色技术推广目录（2023年版）", "catalogue"),
        ("临江省近零能耗建筑技术标准", "standard"),
        ("企业碳排放信息披露准则", "standard"),
        ("临江市2023年国民经济和社会发展统计公报", "bulletin"),
        ("2024年临江市政府工作报告", "work_report"),
        ("临江市碳普惠平台上线", "other"),
    ],
)
def test_the_title_names_the_genre(title, genre):
    assert document_genre(title) == genre


def test_without_a_title_the_first_lines_tell():
    assert document_genre(None, "临江市节能专项资金管理办法\n第一条 为规范…") == "funding_call"
    assert document_genre(None, "临江市人民政府文件\n到2025年，森林覆盖率达到40%。") == "other"


PILOT_CALL = (
    "临江市低碳社区试点建设实施方案\n一、试点申报要求\n1．申报主体为街道办事处。"
    "申报单位按照要求编制创建方案。\n二、组织申报\n表1 低碳社区试点主要指标体系\n"
    "指标名称 单位 参考值\n碳排放总量下降率 % 较2020年下降40%以上\n"
)
CITY_PILOT_PLAN = (
    "临江市国家碳达峰试点城市建设实施方案\n到2025年，单位地区生产总值能耗下降14%。"
    "积极组织申报国家绿色低碳先进技术示范项目。\n"
)


def test_a_pilot_programme_that_calls_for_applications_is_a_funding_call():
    title = "临江市低碳社区试点建设实施方案"
    assert document_genre(title) == "implementation_plan"
    assert read_genre(title, "临江市生态环境局", PILOT_CALL) == "funding_call"
    # A region's own pilot plan asks no one to apply: its goals stay targets.
    title = "临江市国家碳达峰试点城市建设实施方案"
    assert read_genre(title, "临江市人民政府", CITY_PILOT_PLAN) == "implementation_plan"
    # Applications without pilots in the title: a plan that mentions how to apply somewhere.
    plan = "临江市碳达峰实施方案\n" + "申报要求，组织申报，申报主体。" * 2
    assert read_genre("临江市碳达峰实施方案", None, plan) == "implementation_plan"


def test_every_genre_has_a_family_the_rules_know():
    assert {genre_family(g) for g in GENRES} <= set(DOC_KINDS)
    assert [g for g in GENRES if genre_family(g) == "rules"] == [
        "funding_call",
        "rule",
        "allocation_plan",
        "catalogue",
        "standard",
    ]


FUNDING_CALL = """关于组织申报2023年度临江市低碳技术攻关项目的通知
一、申报要求
1.每个项目支持经费不超过200万元，且不超过项目总投入的30%。
2.项目完成后，示范工程单位产品能耗下降20%以上，新增销售收入达到1000万元。
"""
PLAN = """临江市“十四五”节能减排综合工作方案
到2025年，全市单位地区生产总值能耗比2020年下降14%，新增光伏装机50万千瓦。
对获评的示范企业给予20万元奖励。
"""


@pytest.fixture(scope="module")
def extraction(tmp_path_factory):
    folder = tmp_path_factory.mktemp("genres")
    (folder / "call.txt").write_text(FUNDING_CALL, encoding="utf-8")
    (folder / "plan.txt").write_text(PLAN, encoding="utf-8")
    result = extract_corpus([folder], workers=1)
    review = build_review(result, result.texts)
    return result, review


def test_documents_carry_their_genre_and_kind(extraction):
    result, _ = extraction
    documents = result.documents.set_index("doc_id")
    assert documents.loc["call", ["genre", "doc_kind"]].tolist() == ["funding_call", "rules"]
    assert documents.loc["plan", ["genre", "doc_kind"]].tolist() == ["work_plan", "plan"]


def test_a_funding_call_gives_no_target_and_says_why(extraction):
    result, review = extraction
    assert result.targets[result.targets.doc_id == "call"].empty
    call = review[(review.doc_id == "call") & (review.category == "unreported_number")]
    reasons = call.note.tolist()
    assert any(n.startswith("a funding call or project guide") for n in reasons), reasons
    assert "check: possibly a missed target" not in reasons  # no number of it is a target
    # Each number is listed once: not again as a possibly missed target.
    for number in ("200", "30%", "20%", "1000"):
        assert call.text.str.startswith(number).sum() == 1, (number, call.text.tolist())


def test_a_plan_keeps_its_targets_and_lists_a_reward_with_its_reason(extraction):
    result, review = extraction
    plan = result.targets[result.targets.doc_id == "plan"]
    assert sorted(plan.value) == [14.0, 50.0]
    assert plan.set_index("value").loc[50.0, "kind"] == "increment"
    rows = review[(review.doc_id == "plan") & review.quote.str.contains("奖励", na=False)]
    assert rows.note.tolist() == [
        "an amount of money granted or capped, a subsidy or reward (no target)"
    ]


def test_a_manifest_kind_overrides_the_genre(tmp_path):
    (tmp_path / "call.txt").write_text(FUNDING_CALL, encoding="utf-8")
    pd.DataFrame(
        [{"file": "call.txt", "region_zh": "全国", "region_level": "country", "doc_kind": "plan"}]
    ).to_csv(tmp_path / "documents.csv", index=False)
    result = extract_corpus([tmp_path], workers=1)
    row = result.documents.iloc[0]
    assert (row.genre, row.doc_kind) == ("funding_call", "plan")
