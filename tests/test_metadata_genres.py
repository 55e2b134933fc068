"""Region, level and issuer of policies of other kinds than the 实施方案 (issue 18): national
documents of the Party centre, the State Council and the ministries are 全国 / country, also when
several bodies sign; a provincial department's document is its province's; a document whose
region, issuer or date cannot be told says so in a review row and gets no level.

The texts in tests/corpus/genre_heads are the heads and tails of the 22 real documents of
`../shared/corpus/genres/`; the synthetic headers below are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from greenmetrics.metadata import detect_metadata
from greenmetrics.regions import is_national_issuer, spaced_signers

HEADS = Path(__file__).parent / "corpus" / "genre_heads"

# doc -> (region_zh, region_level), checked against each document's header and signature
EXPECTED = {
    "g001_national": ("全国", "country"),  # 中共中央、国务院关于… (issuer label 发布部门)
    "g029_national": ("全国", "country"),  # 国家能源局
    "g042_national": ("全国", "country"),  # no issuer: a body that speaks of 我国
    "g071_hebei": ("河北省", "province"),
    "g120_beijing_etdz": ("北京经济技术开发区", "county"),
    "g131_national": ("全国", "country"),  # 中国人民银行 / 发展改革委 / 证监会
    "g169_national": ("全国", "country"),  # 国家发展改革委等部门
    "g213_tianjin": ("天津市", "province"),
    "g233_guangdong": ("广东省", "province"),
    "g254_xuzhou": ("徐州市", "prefecture"),
    "g298_jilin": ("吉林省", "province"),
    "g307_shanghai": ("上海市", "province"),
    "g326_hunan": ("湖南省", "province"),
    "g333_national": ("全国", "country"),  # 国务院办公厅转发…
    "g365_guangdong": ("广东省", "province"),
    "g397_national": ("全国", "country"),  # two 办公厅 sign, one a line
    "g405_shanghai": ("上海市", "province"),
    "g417_zhengzhou": ("郑州市", "prefecture"),
    "g476_jiangxi": ("江西省", "province"),
    "g488_national": ("全国", "country"),  # 农业农村部国家发展改革委
    "g510_national": ("全国", "country"),  # 生态环境部办公厅
    "g528_shenzhen": ("深圳市", "prefecture"),
}


def _meta(doc: str) -> dict:
    return detect_metadata((HEADS / f"{doc}.txt").read_text(encoding="utf-8"))


@pytest.mark.parametrize("doc", sorted(EXPECTED))
def test_region_of_each_genre_document(doc):
    meta = _meta(doc)
    assert (meta["region_zh"], meta["region_level"]) == EXPECTED[doc]
    if meta["region_level"] == "country":
        assert meta["division_code"] is None and meta["province_zh"] is None


def test_joint_national_signatures_are_kept_whole():
    assert _meta("g397_national")["issuer_zh"] == "工业和信息化部办公厅 市场监督管理总局办公厅"
    assert _meta("g131_national")["issuer_zh"] == "中国人民银行 发展改革委 证监会"
    assert _meta("g029_national")["issue_date"] == "2022-03-17"


def test_joint_signers_on_one_line_keep_a_space_between_them():
    # The layout prints them side by side; the reader's text runs their names together.
    text = "关于印发节水行动方案的通知\n各有关单位：\n现印发给你们。\n水利部国家发展改革委\n2022年3月1日\n"
    assert detect_metadata(text)["issuer_zh"] == "水利部 国家发展改革委"
    assert spaced_signers("临江市科学技术局临江市财政局") == "临江市科学技术局 临江市财政局"
    assert spaced_signers("临江市临江区人民政府") == "临江市临江区人民政府"
    assert spaced_signers("国家发展改革委等部门") == "国家发展改革委等部门"
    assert spaced_signers("广东省生态环境厅") == "广东省生态环境厅"


def test_a_plan_without_issuer_or_date_says_so():
    meta = _meta("g476_jiangxi")
    assert meta["issuer_zh"] is None and meta["issue_date"] is None
    missing = meta["metadata_review"]
    assert len(missing) == 1 and "issuer and issue date" in missing[0]["note"]
    signed = _meta("g417_zhengzhou")
    assert signed["metadata_review"] == []


@pytest.mark.parametrize(
    "issuer",
    [
        "国务院",
        "国务院办公厅",
        "中共中央办公厅 国务院办公厅",
        "全国人大常委会",
        "国家发展改革委",
        "国家发展改革委等部门",
        "国家发展改革委等九部门",
        "国家能源局",
        "工业和信息化部",
        "生态环境部办公厅",
        "国管局",
        "住房和城乡建设部 国家发展改革委",
        "市场监管总局",
    ],
)
def test_central_bodies_are_national(issuer):
    assert is_national_issuer(issuer)
    text = f"{issuer}关于印发节能工作方案的通知\n各有关单位：\n现印发给你们。\n{issuer}\n2022年3月1日\n"
    meta = detect_metadata(text)
    assert (meta["region_zh"], meta["region_level"]) == ("全国", "country")


@pytest.mark.parametrize(
    "issuer",
    [
        "广东省发展改革委",
        "省科技厅",
        "江西省人民政府",
        "天津市发展和改革委员会",
        "国家电网有限公司",
    ],
)
def test_bodies_of_a_region_or_a_firm_are_not_national(issuer):
    assert not is_national_issuer(issuer)


def test_a_provincial_department_signs_for_its_province():
    text = (
        "关于组织申报2022年度科技计划项目的通知\n各设区市科技局：\n为落实浙江省科技创新规划，"
        "现组织申报浙江省重点研发计划项目。浙江省内企业可申报。\n省科技厅\n2022年3月1日\n"
    )
    meta = detect_metadata(text)
    assert meta["issuer_zh"] == "省科技厅"
    assert (meta["region_zh"], meta["region_level"]) == ("浙江省", "province")


def test_a_region_that_cannot_be_told_has_no_level_and_a_review_row():
    meta = detect_metadata("关于做好节能工作的通知\n各单位：\n请做好节能工作。\n")
    assert meta["region_zh"] is None and meta["region_level"] is None
    assert [r["category"] for r in meta["region_review"]] == ["region_uncertain"]
    assert [r["category"] for r in meta["metadata_review"]] == ["metadata_missing"]


@pytest.mark.parametrize(
    ("signer", "province"),
    [
        ("广东省生态环境厅", "广东省"),
        ("上海市生态环境局", "上海市"),
        ("天津市发展改革委", "天津市"),
    ],
)
def test_a_department_of_a_named_region_signs_above_the_date(signer, province):
    text = (
        f"{signer}关于做好2022年碳排放报告工作的通知\n各有关企业：\n请按要求报送。\n"
        f"{signer}\n2022 年 3月 26日\n"
    )
    meta = detect_metadata(text)
    assert (meta["issuer_zh"], meta["issue_date"]) == (signer, "2022-03-26")
    assert (meta["region_zh"], meta["region_level"]) == (province, "province")
    assert meta["metadata_review"] == []


def test_the_printing_date_of_the_foot_is_the_issue_date_when_no_other_is_printed():
    text = (
        "附件2\n某市2020年碳排放配额分配方案\n一、纳入配额管理的单位\n请按要求执行。\n"
        "抄送：各区生态环境局。\n某市生态环境局办公室                 2021 年 1 月 29 日印发\n"
    )
    assert detect_metadata(text)["issue_date"] == "2021-01-29"


def test_a_title_run_into_the_document_number_is_no_part_of_it():
    # a text layer that joined the head's lines: title, 文号 and addressees on one line
    text = (
        "农业农村部国家发展改革委关于印发《农业农村减排固碳实施方案》的通知农科教发〔2022〕2号"
        "各省、自治区、直辖市农业农村厅：\n现印发你们。\n农业农村部 国家发展改革委\n2022年5月7日\n"
    )
    assert detect_metadata(text)["doc_number"] == "农科教发〔2022〕2号"
