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
    assert meta["region_zh"] == "江北市" and meta["region_level"] == "prefecture"
    assert meta["title_zh"] == "关于加快建立健全绿色低碳循环发展经济体系的实施意见"
    assert meta["province_zh"] is None  # the text names no province


def test_cited_document_numbers_are_not_the_plans_own():
    text = (
        "关于加快建立健全绿色低碳循环发展经济体系的实施方案\n"
        "根据《国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见》（国发〔2021〕4号）"
        "和省政府印发甘政发〔2021〕62号文件精神，制定本方案。\n"
    )
    assert detect_metadata(text)["doc_number"] is None
    text = "南山县人民政府办公室\n南政办发[2021]12号\n关于印发南山县绿色低碳发展行动方案的通知\n"
    meta = detect_metadata(text)
    assert meta["doc_number"] == "南政办发[2021]12号"
    assert meta["issuer_zh"] == "南山县人民政府办公室"
    assert meta["title_zh"] == "南山县绿色低碳发展行动方案"  # the plan inside the notice
    assert meta["region_zh"] == "南山县" and meta["region_level"] == "county"


@pytest.mark.parametrize(
    "issuer, region, level, parent",
    [
        ("甘肃省人民政府", "甘肃省", "province", "全国"),
        ("宁夏回族自治区人民政府", "宁夏回族自治区", "province", "全国"),
        ("重庆市人民政府", "重庆市", "province", "全国"),
        ("上海市浦东新区人民政府", "上海市浦东新区", "county", "上海市"),
        ("临夏回族自治州人民政府", "临夏回族自治州", "prefecture", None),
        ("兰州市人民政府办公室", "兰州市", "prefecture", None),
        ("阿拉善盟行政公署办公室", "阿拉善盟", "prefecture", None),
        ("阿拉善盟行政公署", "阿拉善盟", "prefecture", None),
        ("酒泉市玉门市人民政府", "酒泉市玉门市", "county", "酒泉市"),
        ("忻州市忻府区人民政府", "忻州市忻府区", "county", "忻州市"),
        ("东乡族自治县人民政府", "东乡族自治县", "county", None),
        ("鄂托克旗人民政府", "鄂托克旗", "county", None),
    ],
)
def test_region_level_from_the_issuer(issuer, region, level, parent):
    meta = detect_metadata(f"{issuer}\n2022年1月5日\n")
    assert meta["issuer_zh"] == issuer
    assert meta["issue_date"] == "2022-01-05"
    assert meta["region_zh"] == region
    assert meta["region_level"] == level
    assert meta["parent_region_zh"] == parent


def test_region_from_the_title_and_from_scope_words():
    meta = detect_metadata(
        "河东区关于加快推进绿色低碳发展的实施方案\n到2025年，全区森林覆盖率达到35%。\n"
    )
    assert meta["region_zh"] == "河东区" and meta["region_level"] == "county"
    assert meta["issuer_zh"] is None
    text = (
        "关于加快建立健全绿色低碳循环发展经济体系的工作方案\n"
        "结合临夏州实际，制定本方案。到2025年，全州森林覆盖率达到35%。\n"
        "临夏州各县市要加强组织领导，甘肃省有关部门给予支持。\n"
    )
    meta = detect_metadata(text)
    assert meta["region_zh"] == "临夏州" and meta["region_level"] == "prefecture"
    assert meta["province_zh"] == "甘肃省" and meta["parent_region_zh"] == "甘肃省"


def test_detect_metadata_on_text_without_any():
    meta = detect_metadata("到2025年，森林覆盖率达到35%。")
    assert set(meta) == {
        "title_zh",
        "region_zh",
        "region_level",
        "issuer_zh",
        "issue_date",
        "doc_number",
        "parent_region_zh",
        "province_zh",
    }
    assert all(value is None for value in meta.values())
