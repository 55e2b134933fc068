"""Metadata detected from the text of a plan: 文号, title, issuer, date, region and its level.

Policy sentences other than the two seed plans are written for these tests.
"""

from __future__ import annotations

import pytest

from greenmetrics import paths
from greenmetrics.metadata import detect_metadata

XINFU = paths.RAW_DIR / "000_78ec545c62429658.txt"
LINXIA = paths.RAW_DIR / "003_d6b7a80b1f52e553.txt"


def test_detect_linxia_seed():
    meta = detect_metadata(LINXIA.read_text(encoding="utf-8"))
    assert meta["doc_number"] == "临州府发〔2021〕53号"  # not the cited 甘政发〔2021〕62号
    assert meta["issue_date"] == "2021-11-09"
    assert meta["issuer_zh"] == "临夏回族自治州人民政府"
    assert meta["region_zh"] == "临夏回族自治州"
    assert meta["region_level"] == "prefecture"
    assert meta["division_code"] == "622900"
    assert meta["province_zh"] == "甘肃省"
    assert meta["parent_region_zh"] == "甘肃省"
    # the plan's own title, not the notice that wraps it over two lines
    assert meta["title_zh"] == "关于加快建立健全绿色低碳循环发展经济体系的工作方案"


def test_detect_xinfu_seed():
    meta = detect_metadata(XINFU.read_text(encoding="utf-8"))
    assert meta["issue_date"] == "2023-04-10"
    assert meta["issuer_zh"] == "忻州市忻府区人民政府"
    assert meta["region_zh"] == "忻州市忻府区"
    assert meta["region_level"] == "county"
    assert meta["division_code"] == "140902"
    assert meta["parent_region_zh"] == "忻州市"
    assert meta["province_zh"] == "山西省"
    assert meta["doc_number"] is None
    # the title is only quoted inside a news lead (近日，...实施方案指出); it is cut out of it
    assert meta["title_zh"].endswith("关于加快建立健全我区绿色低碳循环发展经济体系的实施方案")


HEADER_TEXT = """江政发〔2022〕7号

江北市人民政府
关于加快建立健全绿色低碳循环发展
经济体系的实施意见

各县（市、区）人民政府，市政府各部门：
为贯彻落实《国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见》（国发〔2021〕4号），结合全市实际，提出如下意见。
到2025年，全市森林覆盖率达到35%。

江北市人民政府
二〇二二年三月十一日
"""


def test_detect_metadata_on_a_written_header():
    meta = detect_metadata(HEADER_TEXT)
    assert meta["doc_number"] == "江政发〔2022〕7号"
    assert meta["issue_date"] == "2022-03-11"  # Chinese-numeral signature date
    assert meta["issuer_zh"] == "江北市人民政府"
    assert meta["title_zh"] == "关于加快建立健全绿色低碳循环发展经济体系的实施意见"
    assert meta["province_zh"] is None  # the text names no province
    # 江北市 is no division of China: not a region because it ends in 市, but a review row
    assert meta["region_zh"] is None and meta["division_code"] is None
    assert [r["category"] for r in meta["region_review"]] == ["region_uncertain"]


def test_cited_document_numbers_are_not_the_plans_own():
    text = (
        "关于加快建立健全绿色低碳循环发展经济体系的实施方案\n"
        "根据《国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见》（国发〔2021〕4号）"
        "和省政府印发甘政发〔2021〕62号文件精神，制定本方案。\n"
    )
    assert detect_metadata(text)["doc_number"] is None
    text = "南召县人民政府办公室\n南政办发[2021]12号\n关于印发南召县绿色低碳发展行动方案的通知\n"
    meta = detect_metadata(text)
    assert meta["doc_number"] == "南政办发[2021]12号"
    assert meta["issuer_zh"] == "南召县人民政府办公室"
    assert meta["title_zh"] == "南召县绿色低碳发展行动方案"  # the plan inside the notice
    assert meta["region_zh"] == "南阳市南召县" and meta["region_level"] == "county"
    assert meta["division_code"] == "411321" and meta["province_zh"] == "河南省"


@pytest.mark.parametrize(
    "issuer, region, level, parent, code",
    [
        ("甘肃省人民政府", "甘肃省", "province", "全国", "620000"),
        ("宁夏回族自治区人民政府", "宁夏回族自治区", "province", "全国", "640000"),
        ("重庆市人民政府", "重庆市", "province", "全国", "500000"),
        ("上海市浦东新区人民政府", "上海市浦东新区", "county", "上海市", "310115"),
        ("临夏回族自治州人民政府", "临夏回族自治州", "prefecture", "甘肃省", "622900"),
        ("兰州市人民政府办公室", "兰州市", "prefecture", "甘肃省", "620100"),
        ("阿拉善盟行政公署办公室", "阿拉善盟", "prefecture", "内蒙古自治区", "152900"),
        ("阿拉善盟行政公署", "阿拉善盟", "prefecture", "内蒙古自治区", "152900"),
        ("酒泉市玉门市人民政府", "酒泉市玉门市", "county", "酒泉市", "620981"),
        ("忻州市忻府区人民政府", "忻州市忻府区", "county", "忻州市", "140902"),
        ("东乡族自治县人民政府", "东乡族自治县", "county", "临夏回族自治州", "622926"),
        ("鄂托克旗人民政府", "鄂尔多斯市鄂托克旗", "county", "鄂尔多斯市", "150624"),
        ("济源市人民政府", "济源市", "county", "河南省", "419001"),  # under the province
        ("大连市发展和改革委员会", "大连市", "prefecture", "辽宁省", "210200"),  # a department
    ],
)
def test_region_level_from_the_issuer(issuer, region, level, parent, code):
    meta = detect_metadata(f"{issuer}\n2022年1月5日\n")
    assert meta["issuer_zh"] == issuer
    assert meta["issue_date"] == "2022-01-05"
    assert meta["region_zh"] == region
    assert meta["region_level"] == level
    assert meta["parent_region_zh"] == parent
    assert meta["division_code"] == code
    assert meta["region_review"] == []


def test_region_from_the_title_and_from_scope_words():
    meta = detect_metadata(
        "河西区关于加快推进绿色低碳发展的实施方案\n到2025年，全区森林覆盖率达到35%。\n"
    )
    assert meta["region_zh"] == "天津市河西区" and meta["region_level"] == "county"
    assert meta["issuer_zh"] is None
    text = (
        "关于加快建立健全绿色低碳循环发展经济体系的工作方案\n"
        "结合临夏州实际，制定本方案。到2025年，全州森林覆盖率达到35%。\n"
        "临夏州各县市要加强组织领导，甘肃省有关部门给予支持。\n"
    )
    meta = detect_metadata(text)
    # the short name read as the division it stands for
    assert meta["region_zh"] == "临夏回族自治州" and meta["region_level"] == "prefecture"
    assert meta["province_zh"] == "甘肃省" and meta["parent_region_zh"] == "甘肃省"
    assert meta["division_code"] == "622900"


def test_detect_metadata_on_text_without_any():
    meta = detect_metadata("到2025年，森林覆盖率达到35%。")
    assert set(meta) == {
        "title_zh",
        "region_zh",
        "region_level",
        "region_en",
        "issuer_zh",
        "issue_date",
        "doc_number",
        "parent_region_zh",
        "province_zh",
        "division_code",
        "region_review",
        "metadata_review",
    }
    review = meta.pop("region_review")
    assert [r["category"] for r in meta.pop("metadata_review")] == ["metadata_missing"]
    assert all(value is None for value in meta.values())
    assert [r["category"] for r in review] == ["region_uncertain"]  # said, not guessed


# -- the region against the gazetteer ----------------------------------------------------------


def test_a_new_area_is_a_functional_zone_of_its_city():
    text = (
        "南京江北新区管理委员会\n关于加快建立健全绿色低碳循环发展经济体系的实施方案\n"
        "到2025年，全区森林覆盖率达到35%。\n南京江北新区管理委员会\n2022年3月1日\n"
    )
    meta = detect_metadata(text)
    assert meta["region_zh"] == "南京江北新区"
    assert meta["region_level"] == "county"  # the lowest of REGION_LEVELS: no zone level
    assert meta["parent_region_zh"] == "南京市" and meta["province_zh"] == "江苏省"
    assert meta["division_code"] == "320100"  # the parent's code, and a review row says so
    assert [r["category"] for r in meta["region_review"]] == ["functional_zone"]
    assert "320100" in meta["region_review"][0]["note"]


def test_a_county_name_of_two_provinces_is_told_apart_by_the_city_named():
    text = (
        "朝阳区人民政府\n关于加快建立健全绿色低碳循环发展经济体系的实施方案\n"
        "为落实长春市和吉林省的部署，到2025年，全区森林覆盖率达到35%。\n"
    )
    meta = detect_metadata(text)
    assert meta["region_zh"] == "长春市朝阳区" and meta["division_code"] == "220104"
    assert meta["province_zh"] == "吉林省" and meta["parent_region_zh"] == "长春市"
    assert meta["region_review"] == []


def test_a_county_name_of_two_provinces_without_a_hint_is_not_guessed():
    meta = detect_metadata("朝阳区人民政府\n到2025年，全区森林覆盖率达到35%。\n")
    assert meta["region_zh"] == "朝阳区" and meta["region_level"] == "county"
    assert meta["division_code"] is None and meta["province_zh"] is None
    (review,) = meta["region_review"]
    assert review["category"] == "region_uncertain"
    assert "110105" in review["note"] and "220104" in review["note"]


def test_an_autonomous_prefecture_by_its_short_name():
    meta = detect_metadata("临夏州人民政府\n2021年11月9日\n")
    assert meta["region_zh"] == "临夏回族自治州" and meta["region_level"] == "prefecture"
    assert meta["division_code"] == "622900" and meta["parent_region_zh"] == "甘肃省"
    # a county of it by the name its plan uses
    meta = detect_metadata("东乡县人民政府\n2021年11月9日\n")
    assert meta["region_zh"] == "东乡族自治县" and meta["division_code"] == "622926"


def test_a_county_by_its_own_name_gets_its_city():
    meta = detect_metadata("忻府区关于加快建立健全绿色低碳循环发展经济体系的实施方案\n")
    assert meta["region_zh"] == "忻州市忻府区" and meta["division_code"] == "140902"


def test_the_issuer_wins_over_a_body_that_names_another_city():
    body = "学习借鉴杭州市经验，杭州市的做法值得推广，杭州市、杭州市、杭州市。\n" * 5
    text = (
        "龙岩市人民政府\n关于加快建立健全绿色低碳循环发展经济体系的实施方案\n"
        f"{body}到2025年，全市森林覆盖率达到80%。\n龙岩市人民政府\n2021年12月1日\n"
    )
    meta = detect_metadata(text)
    assert meta["region_zh"] == "龙岩市" and meta["division_code"] == "350800"
    assert meta["province_zh"] == "福建省" and meta["region_review"] == []


def test_issuer_and_title_that_disagree_go_to_review():
    text = "武汉市人民政府\n大连市加快建立健全绿色低碳循环发展经济体系实施方案\n"
    meta = detect_metadata(text)
    assert meta["region_zh"] == "武汉市"  # the issuer is preferred
    (review,) = meta["region_review"]
    assert review["category"] == "region_uncertain" and "大连市" in review["note"]


def test_words_ending_in_a_suffix_are_not_regions():
    # 交易市场, 企业上市: once read as regions 交易市 / 业上市
    text = "推进碳排放权交易市场建设，支持企业上市融资，全市森林覆盖率达到35%。\n" * 3
    meta = detect_metadata(text)
    assert meta["region_zh"] is None and meta["division_code"] is None
    assert [r["category"] for r in meta["region_review"]] == ["region_uncertain"]


def test_body_reading_needs_the_level_of_its_scope_word():
    text = "到2025年，全州森林覆盖率达到35%。临夏州各县市要加强组织领导。临夏州统筹推进。\n"
    meta = detect_metadata(text)
    assert meta["region_zh"] == "临夏回族自治州" and meta["division_code"] == "622900"


def test_a_number_printed_in_brackets_under_the_title_is_the_plans_own():
    text = (
        "江门市人民政府印发关于加快建立健全绿色低碳循环发展经济体系实施方案的通知\n"
        "（江府〔2022〕7号）\n各县（市、区）人民政府：\n"
        "为贯彻落实《国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见》（国发〔2021〕4号），制定本方案。\n"
    )
    meta = detect_metadata(text)
    assert meta["doc_number"] == "江府〔2022〕7号"
    assert meta["title_zh"] == "关于加快建立健全绿色低碳循环发展经济体系实施方案"


def test_a_website_metadata_table_gives_the_title():
    text = (
        "索引号： 000014349/2022-00012 分类： 环境保护\n"
        "标题： 江门市人民政府关于加快建立健全绿色低碳循环发展经济体系的实施意见 发文字号： 江府〔2022〕7号\n"
        "到2025年，全市森林覆盖率达到35%。\n"
    )
    assert detect_metadata(text)["title_zh"] == (
        "江门市人民政府关于加快建立健全绿色低碳循环发展经济体系的实施意见"
    )


def test_the_plan_a_notice_sends_is_the_title_not_the_sentence_that_sends_it():
    text = (
        "江门市人民政府文件\n江门市人民政府印发关于加快建立健全\n绿色低碳循环发展经济体系实施方案的通知\n"
        "各县（市、区）人民政府：\n现将«关于加快建立健全绿色低碳循环发展经济体系的实施方案»印发你们,请认真贯彻执行.\n"
    )
    assert detect_metadata(text)["title_zh"] == "关于加快建立健全绿色低碳循环发展经济体系实施方案"


def test_a_website_title_label_alone_on_its_line_takes_the_next_line():
    text = (
        "标题：\n江门市人民政府关于加快建立健全绿色低碳循环发展经济体系的实施意见\n"
        "发文字号： 江府〔2022〕7号\n到2025年，全市森林覆盖率达到35%。\n"
    )
    assert detect_metadata(text)["title_zh"] == (
        "江门市人民政府关于加快建立健全绿色低碳循环发展经济体系的实施意见"
    )
