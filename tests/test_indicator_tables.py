"""Indicator tables (主要指标表) become targets: .docx, HTML and PDF files made here, read through
the public path (greenmetrics extract: read, extract, write targets.csv and review.csv).

The tables are written the way Chinese plans write them: 指标 | 单位 | 2020年 | 2025年 | 属性, a
unit in the indicator cell or the header, bracketed five-year cumulative values, ≥/</约,
dashes for no target, text cells such as 完成省下达目标, and PDF tables split over pages.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import pandas as pd
import pytest

from greenmetrics.extract import Extractor, PlanContext
from greenmetrics.pipeline import extract_corpus, write_extraction
from greenmetrics.readers import read_document
from greenmetrics.tables import load_review, load_targets

INTRO = "（三）主要目标"
HEADER = ["序号", "指标名称", "单位", "2020年基数", "2025年目标", "指标属性"]
ROWS = [
    ["1", "单位地区生产总值能耗降低", "%", "-", "〔13.5〕", "约束性"],
    ["2", "森林覆盖率", "%", "30.2", "≥31", "预期性"],
    ["3", "细颗粒物（PM2.5）平均浓度（μg/m³）", "", "35", "<33", "约束性"],
    ["4", "可再生能源装机容量", "万千瓦", "800", "[1073]", "预期性"],
    ["5", "城市生活污水处理率", "%", "93", "约97", "预期性"],
    ["6", "耕地保有量", "万亩", "1200", "完成省下达目标", "约束性"],
    ["7", "二氧化碳排放量", "万吨", "—", "—", "约束性"],
]
# (indicator_zh, value, unit, comparator, kind, target_year, baseline_value, baseline_year, binding)
EXPECTED = [
    ("单位地区生产总值能耗降低", 13.5, "%", "eq", "reduction", 2025, None, 2020, "binding"),
    ("森林覆盖率", 31.0, "%", "ge", "level", 2025, 30.2, 2020, "expected"),
    ("细颗粒物（PM2.5）平均浓度", 33.0, "μg/m³", "le", "level", 2025, 35.0, 2020, "binding"),
    ("可再生能源装机容量", 1073.0, "万千瓦", "eq", "increment", 2025, 800.0, 2020, "expected"),
    ("城市生活污水处理率", 97.0, "%", "approx", "level", 2025, 93.0, 2020, "expected"),
]
FIELDS = ("indicator_zh", "value", "unit", "comparator", "kind", "target_year",
          "baseline_value", "baseline_year", "binding")  # fmt: skip


def _extract(tmp_path: Path, name: str, data: bytes) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """targets.csv and review.csv of one plan file, as `greenmetrics extract` writes them, and
    the decoded text the offsets index into."""
    plans = tmp_path / "plans"
    plans.mkdir(exist_ok=True)
    path = plans / name
    path.write_bytes(data)
    out = tmp_path / "out"
    write_extraction(extract_corpus([plans], workers=1), out)
    return load_targets(out), load_review(out), read_document(path).text


def _value(x):
    return None if pd.isna(x) else (float(x) if isinstance(x, float) else x)


def _fields(targets: pd.DataFrame) -> list[tuple]:
    return [tuple(_value(r[f]) for f in FIELDS) for r in targets.to_dict("records")]


def _assert_quotes_exact(frame: pd.DataFrame, text: str) -> None:
    for r in frame.dropna(subset=["char_start"]).to_dict("records"):
        assert text[int(r["char_start"]) : int(r["char_end"])] == r["quote"]


def _table_targets(targets: pd.DataFrame) -> pd.DataFrame:
    return targets[targets["binding"].notna()].reset_index(drop=True)


def _assert_table_rows(targets, review, text, row_quote) -> None:
    """The expected targets, one per row, with the row as quote; the text cell reviewed; no
    number of the table listed as unreported or read again from a sentence."""
    table = _table_targets(targets)
    assert _fields(table) == EXPECTED
    assert [row_quote(i) for i in range(len(EXPECTED))] == list(table["quote"])
    _assert_quotes_exact(targets, text)
    _assert_quotes_exact(review, text)
    text_cells = review[review["category"] == "table_row"]
    assert list(text_cells["text"]) == ["完成省下达目标"]
    assert list(text_cells["quote"]) == [row_quote(5)]
    first, last = int(table["char_start"].min()), int(text_cells["char_end"].max())
    inside = targets[(targets["char_start"] >= first) & (targets["char_end"] <= last)]
    assert len(inside) == len(EXPECTED)  # no sentence target out of the table's cells
    unreported = review[review["category"] == "unreported_number"]
    assert not ((unreported["char_start"] < last) & (unreported["char_end"] > first)).any()


# ---------------------------------------------------------------------------------------------
# .docx
# ---------------------------------------------------------------------------------------------


def _docx(tables: list[list[list[str]]], title_row: str | None = None) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(INTRO)
    document.add_paragraph("到2025年，绿色低碳循环发展水平显著提升，主要指标见下表。")
    for rows in tables:
        n = len(rows[0])
        table = document.add_table(rows=len(rows) + (title_row is not None), cols=n)
        offset = 0
        if title_row is not None:
            table.cell(0, 0).merge(table.cell(0, n - 1)).text = title_row
            offset = 1
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r + offset, c).text = value
        document.add_paragraph("注：〔 〕内为五年累计数。")
    document.add_paragraph("到2025年，农作物秸秆综合利用率达到90%以上。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.slow  # writes the plan file and runs the extraction end to end
def test_docx_table_rows_become_targets(tmp_path):
    data = _docx([[HEADER, *ROWS]], title_row="表1 “十四五”绿色低碳循环发展主要指标")
    targets, review, text = _extract(tmp_path, "plan.docx", data)
    _assert_table_rows(targets, review, text, lambda i: "\t".join(ROWS[i]))
    # the prose around the table is read as before
    prose = targets[targets["binding"].isna()]
    assert list(prose["indicator_zh"]) == ["农作物秸秆综合利用率"]
    assert prose["baseline_value"].isna().all()


@pytest.mark.slow  # writes the plan file and runs the extraction end to end
def test_a_table_whose_header_is_not_understood_goes_to_review_with_its_rows(tmp_path):
    works = [
        ["工程", "规模", "投资（亿元）"],
        ["风电光伏基地", "200万千瓦", "120"],
        ["抽水蓄能电站", "120万千瓦", "75"],
    ]
    targets, review, text = _extract(tmp_path, "works.docx", _docx([works]))
    rows = review[review["category"] == "table_row"]
    assert list(rows["quote"]) == ["\t".join(r) for r in works[1:]]
    assert all("工程 | 规模 | 投资（亿元）" in note for note in rows["note"])
    _assert_quotes_exact(review, text)
    unreported = review[review["category"] == "unreported_number"]
    assert not unreported["quote"].str.contains("万千瓦").any()  # listed once, as table rows
    assert list(targets["indicator_zh"]) == ["农作物秸秆综合利用率"]


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------

HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>江北市人民政府</title></head>
<body><div class="nav">首页 政务公开</div>
<div class="article"><h1>江北市绿色低碳循环发展实施方案</h1>
<p>　　到2025年，全市绿色低碳循环发展水平显著提升。</p>
<table border="1">
<tr><th>类别</th><th>指标</th><th>2020年</th><th>2025年（%）</th><th>属性</th></tr>
<tr><td rowspan="2">生态环境</td><td>森林覆盖率</td><td>30.2</td><td>31以上</td><td>约束性</td></tr>
<tr><td>地表水达到或好于Ⅲ类水体比例</td><td>70</td><td>75左右</td><td>约束性</td></tr>
<tr><td>资源利用</td><td>单位GDP用水量下降</td><td>-</td><td>[16]</td><td>预期性</td></tr>
<tr><td>绿色生活</td><td>绿色出行比例</td><td>65</td><td>达到国家要求</td><td>预期性</td></tr>
</table>
<p>城市建成区绿地率达到40%以上。</p>
</div></body></html>
"""


@pytest.mark.slow  # writes the plan file and runs the extraction end to end
def test_html_table_rows_become_targets(tmp_path):
    targets, review, text = _extract(tmp_path, "page.html", HTML.encode("utf-8"))
    table = _table_targets(targets)
    assert _fields(table) == [
        ("森林覆盖率", 31.0, "%", "ge", "level", 2025, 30.2, 2020, "binding"),
        # the row under a merged category cell (rowspan) keeps its columns
        ("地表水达到或好于Ⅲ类水体比例", 75.0, "%", "approx", "level", 2025, 70.0, 2020, "binding"),
        ("单位GDP用水量下降", 16.0, "%", "eq", "reduction", 2025, None, 2020, "expected"),
    ]
    assert list(table["quote"]) == [
        "生态环境\t森林覆盖率\t30.2\t31以上\t约束性",
        "地表水达到或好于Ⅲ类水体比例\t70\t75左右\t约束性",
        "资源利用\t单位GDP用水量下降\t-\t[16]\t预期性",
    ]
    _assert_quotes_exact(targets, text)
    _assert_quotes_exact(review, text)
    cells = review[review["category"] == "table_row"]
    assert list(cells["text"]) == ["达到国家要求"]
    assert list(targets[targets["binding"].isna()]["indicator_zh"]) == ["城市建成区绿地率"]


# ---------------------------------------------------------------------------------------------
# PDF: a cell per line, a table split over two pages, and a page of hard-wrapped prose
# ---------------------------------------------------------------------------------------------

PDF_HEADER = ["序号", "指标", "单位", "2020年", "2025年", "属性"]
# A break every ~35 characters, as a typeset page has them: one inside 98%和 | 95%以上, one
# between a number and its unit (1073 | 万千瓦).
PROSE = [
    "到2025年，全市绿色低碳循环发展的生产体系、流通体系、消费体系初步形成，城",
    "乡环境改善，城市生活垃圾无害化处理率和县城生活污水处理率分别达到98%和",
    "95%以上，非化石能源消费比重提高到20%左右，可再生能源装机容量达到1073",
    "万千瓦，主要污染物排放总量持续减少，农作物秸秆综合利用率达到90%以上，城",
    "镇新建建筑全面执行绿色建筑标准，绿色出行比例达到70%以上，绿色低碳循环发",
    "展的经济体系基本建立，能源资源配置更加合理、利用效率大幅提高，生态环境质",
    "量持续改善，绿色产品市场占有率大幅提升，市场导向的绿色技术创新体系更加完",
    "善，法律法规政策体系更加有效，全市绿色低碳循环发展水平显著提升。",
]


def _pdf(pages: list[list[str]]) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    # NOTE: a CID font needs no font file: a PDF reader maps its glyphs back to Unicode.
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for lines in pages:
        pdf.setFont("STSong-Light", 11)
        for k, line in enumerate(lines):
            pdf.drawString(60, 800 - 18 * k, line)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _cells(rows: list[list[str]]) -> list[str]:
    return [cell or "-" for row in rows for cell in row]


@pytest.mark.slow  # writes the plan file and runs the extraction end to end
def test_pdf_table_split_over_pages_and_wrapped_prose(tmp_path):
    rows = [[str(i + 1), *row[1:]] for i, row in enumerate(ROWS)]
    # an empty PDF cell leaves no line: the unit of row 3 is in its indicator cell
    rows[2][2] = "μg/m³"
    rows[2][1] = "细颗粒物（PM2.5）平均浓度"
    pages = [
        [INTRO, "表1 主要指标", *PDF_HEADER, *_cells(rows[:3]), "- 2 -"],
        [*PDF_HEADER, *_cells(rows[3:]), "注：〔 〕内为五年累计数。", "- 3 -"],
        [*PROSE, "— 4 —"],
    ]
    targets, review, text = _extract(tmp_path, "plan.pdf", _pdf(pages))
    # pypdf gives the text back line for line, the wraps included
    for line in (*PROSE, "- 2 -", "— 4 —", "〔13.5〕", "≥31", "<33"):
        assert line in text.split("\n")

    def row_quote(i: int) -> str:
        return "\n".join(_cells(rows[i : i + 1]))

    _assert_table_rows(targets, review, text, row_quote)
    prose = targets[targets["binding"].isna()]
    got = {(r["indicator_zh"], r["value"], r["unit"], r["comparator"]) for _, r in prose.iterrows()}
    assert {
        ("城市生活垃圾无害化处理率", 98.0, "%", "ge"),  # 分别达到98%和95%以上: both ge
        ("县城生活污水处理率", 95.0, "%", "ge"),
        ("非化石能源消费比重", 20.0, "%", "approx"),
        ("可再生能源装机容量", 1073.0, "万千瓦", "eq"),
        ("农作物秸秆综合利用率", 90.0, "%", "ge"),
        ("绿色出行比例", 70.0, "%", "ge"),
    } <= got


# ---------------------------------------------------------------------------------------------
# Cells and headers, through the extractor on decoded text
# ---------------------------------------------------------------------------------------------


def _table_text(header: list[str], rows: list[list[str]]) -> str:
    lines = ["主要指标如下：", "\t".join(header), *("\t".join(r) for r in rows), "表后段落。"]
    return "\n".join(lines)


def _read(text: str, default_year: int = 2025):
    extractor = Extractor(text, PlanContext("plan", default_target_year=default_year))
    targets, _ = extractor.run()
    return targets, extractor.tables


@pytest.mark.parametrize(
    "indicator, cell, value, comparator, kind",
    [
        ("森林覆盖率（%）", "≧30", 30.0, "ge", "level"),
        ("森林覆盖率（%）", ">30", 30.0, "ge", "level"),
        ("森林覆盖率（%）", "３０％以上", 30.0, "ge", "level"),  # full width, a unit in the cell
        ("单位GDP二氧化碳排放降低（%）", "≤18", 18.0, "le", "reduction"),
        ("万元工业增加值用水量（立方米）", "13左右", 13.0, "approx", "level"),
        ("化学需氧量排放总量减少（万吨）", "〔1.2〕", 1.2, "eq", "reduction"),
        ("新增造林面积（万亩）", "[45]", 45.0, "eq", "increment"),
        ("新增造林面积（万亩）", "45", 45.0, "eq", "increment"),
        ("非化石能源消费比重提高（个百分点）", "3", 3.0, "eq", "increment"),
        ("清洁能源占比（%）", "力争50", 50.0, "eq", "level"),
    ],
)
def test_cells(indicator, cell, value, comparator, kind):
    text = _table_text(["指标", "2020年", "2025年"], [[indicator, "-", cell]])
    (target,), tables = _read(text)
    assert (target.value, target.comparator, target.kind) == (value, comparator, kind)
    assert target.indicator_zh == indicator.split("（")[0]
    assert target.baseline_year == (2020 if kind in ("reduction",) or "[" in cell else None)
    assert target.aspirational == int(cell.startswith("力争"))
    assert text[target.char_start : target.char_end] == target.quote == text.split("\n")[2]
    assert not tables.review


@pytest.mark.parametrize("cell", ["-", "—", "——", "", "/"])
def test_a_dash_or_an_empty_cell_sets_no_target(cell):
    targets, tables = _read(_table_text(["指标", "2025年"], [["森林覆盖率（%）", cell]]))
    assert targets == [] and tables.review == []


def test_header_variants_base_and_target_columns_and_the_unit_in_the_header():
    header = ["指标", "基期值", "目标值（%）", "指标性质"]
    (target,), _ = _read(_table_text(header, [["森林覆盖率", "30", "≥35", "约束性"]]), 2026)
    # 目标值 without a year: the plan's default year, marked inferred
    assert (target.target_year, target.year_inferred) == (2026, 1)
    assert (target.unit, target.baseline_value, target.baseline_year) == ("%", 30.0, None)
    assert target.binding == "binding"
    header = ["指标", "“十四五”目标", "2030年目标", "2020年现状值"]
    targets, _ = _read(_table_text(header, [["林草覆盖率（%）", "35", "38", "31"]]))
    # several target columns: one target each, with its year; the base from its own column
    assert [(t.value, t.target_year, t.baseline_value, t.baseline_year) for t in targets] == [
        (35.0, 2025, 31.0, 2020),
        (38.0, 2030, 31.0, 2020),
    ]


def test_a_bracket_that_is_no_unit_stays_in_the_indicator():
    (target,), _ = _read(
        _table_text(["指标", "单位", "2025年"], [["污水处理率（含县城）", "%", "95"]])
    )
    assert (target.indicator_zh, target.unit) == ("污水处理率（含县城）", "%")
    assert math.isclose(target.value, 95.0)


def test_tabs_in_prose_without_a_header_leave_sentence_extraction_as_it_was():
    text = "到2025年，\t森林覆盖率达到35%。\n其他\t内容"
    targets, tables = _read(text)
    assert [(t.indicator_zh, t.value) for t in targets] == [("森林覆盖率", 35.0)]
    assert tables.unread_rows == [] and tables.spans == []


# ---------------------------------------------------------------------------------------------
# Headers over two rows, several target years, 累计 and 下降 columns, empty 属性 cells
# ---------------------------------------------------------------------------------------------

# (indicator_zh, value, unit, comparator, kind, target_year, baseline_value, baseline_year, binding)
TWO_YEARS = [
    ("森林覆盖率", 31.0, "%", "ge", "level", 2025, 30.2, 2020, "binding"),
    ("森林覆盖率", 33.0, "%", "ge", "level", 2030, 30.2, 2020, "binding"),
    # a bracket in the 2030 column is the cumulative of 2026-2030
    ("单位地区生产总值能耗降低", 13.5, "%", "eq", "reduction", 2025, None, 2020, "binding"),
    ("单位地区生产总值能耗降低", 12.0, "%", "eq", "reduction", 2030, None, 2025, "binding"),
    ("城市生活污水处理率", 97.0, "%", "eq", "level", 2025, 93.0, 2020, "expected"),
]
TWO_YEAR_ROWS = [
    ["1", "森林覆盖率", "%", "30.2", "≥31", "≥33", "约束性"],
    ["2", "单位地区生产总值能耗降低", "%", "-", "〔13.5〕", "〔12〕", "约束性"],
    ["3", "城市生活污水处理率", "%", "93", "97", "完成国家下达任务", "预期性"],
]


def _by_row_and_year(table: pd.DataFrame) -> pd.DataFrame:
    return table.sort_values(["char_start", "target_year"]).reset_index(drop=True)


def _assert_two_years(targets, review, text, row_quote) -> None:
    table = _by_row_and_year(_table_targets(targets))
    assert _fields(table) == TWO_YEARS
    assert list(table["quote"]) == [row_quote(0)] * 2 + [row_quote(1)] * 2 + [row_quote(2)]
    _assert_quotes_exact(targets, text)
    _assert_quotes_exact(review, text)
    cells = review[review["category"] == "table_row"]
    assert list(cells["text"]) == ["完成国家下达任务"]  # the 2030 cell in words: reviewed
    assert list(cells["quote"]) == [row_quote(2)]


@pytest.mark.slow  # writes the plan file and runs the extraction end to end
def test_html_header_over_two_rows_gives_one_target_per_year(tmp_path):
    head = "".join(f'<th rowspan="2">{h}</th>' for h in ("序号", "指标", "单位", "2020年"))
    rows = "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in TWO_YEAR_ROWS
    )
    page = (
        '<html><head><meta charset="utf-8"></head><body><div class="article">'
        "<p>到2025年，绿色低碳循环发展水平显著提升，主要指标见下表。</p><table>"
        f'<tr>{head}<th colspan="2">目标值</th><th rowspan="2">属性</th></tr>'
        f"<tr><th>2025年</th><th>2030年</th></tr>{rows}</table></div></body></html>"
    )
    targets, review, text = _extract(tmp_path, "page.html", page.encode("utf-8"))
    _assert_two_years(targets, review, text, lambda i: "\t".join(TWO_YEAR_ROWS[i]))


@pytest.mark.slow  # writes the plan file and runs the extraction end to end
def test_docx_header_over_two_rows_with_merged_cells(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("到2025年，绿色低碳循环发展水平显著提升，主要指标见下表。")
    table = document.add_table(rows=2 + len(TWO_YEAR_ROWS), cols=7)
    for c, label in enumerate(["序号", "指标", "单位", "2020年", "目标值", "", "属性"]):
        table.cell(0, c).text = label
    for c in (0, 1, 2, 3, 6):
        table.cell(0, c).merge(table.cell(1, c))  # merged down: the .docx repeats it
    table.cell(0, 4).merge(table.cell(0, 5))
    table.cell(1, 4).text, table.cell(1, 5).text = "2025年", "2030年"
    for r, row in enumerate(TWO_YEAR_ROWS):
        for c, value in enumerate(row):
            table.cell(r + 2, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    targets, review, text = _extract(tmp_path, "plan.docx", buffer.getvalue())
    _assert_two_years(targets, review, text, lambda i: "\t".join(TWO_YEAR_ROWS[i]))


@pytest.mark.slow  # writes the plan file and runs the extraction end to end
def test_pdf_header_over_two_rows_split_years_and_empty_binding_cells(tmp_path):
    # 2020 / 年 wrapped in its cell; the second header row (2025年 | 2030年 under 目标值) after
    # the first; an empty 属性 cell leaves no line (rows 2 and 4); a page break inside the table
    header = ["序号", "指标", "单位", "2020", "年", "目标值", "属性", "2025年", "2030年"]
    rows = [
        ["1", "森林覆盖率", "%", "30.2", "≥31", "≥33", "约束性"],
        ["2", "城市生活污水处理率", "%", "93", "97", "98"],
        ["3", "单位地区生产总值", "二氧化碳排放降低", "%", "-", "〔18〕", "〔15〕", "约束性"],
        ["4", "绿色出行比例", "%", "65", "70", "75"],
    ]
    pages = [
        [INTRO, "表1 主要指标", *header, *rows[0], *rows[1], "- 2 -"],
        [*header, *rows[2], *rows[3], "注：〔 〕内为五年累计数。", "- 3 -"],
        [*PROSE, "— 4 —"],
    ]
    targets, review, text = _extract(tmp_path, "plan.pdf", _pdf(pages))
    assert "2020\n年" in text  # pypdf gives the wrapped header cell on two lines
    table = _by_row_and_year(
        targets[targets["quote"].str.startswith(tuple(f"{r[0]}\n" for r in rows))]
    )
    assert _fields(table) == [
        ("森林覆盖率", 31.0, "%", "ge", "level", 2025, 30.2, 2020, "binding"),
        ("森林覆盖率", 33.0, "%", "ge", "level", 2030, 30.2, 2020, "binding"),
        # no 属性: the targets stand, binding unknown
        ("城市生活污水处理率", 97.0, "%", "eq", "level", 2025, 93.0, 2020, None),
        ("城市生活污水处理率", 98.0, "%", "eq", "level", 2030, 93.0, 2020, None),
        ("单位地区生产总值二氧化碳排放降低", 18.0, "%", "eq", "reduction", 2025, None, 2020,
         "binding"),
        ("单位地区生产总值二氧化碳排放降低", 15.0, "%", "eq", "reduction", 2030, None, 2025,
         "binding"),
        ("绿色出行比例", 70.0, "%", "eq", "level", 2025, 65.0, 2020, None),
        ("绿色出行比例", 75.0, "%", "eq", "level", 2030, 65.0, 2020, None),
    ]  # fmt: skip
    # each quote is its row, cell per line, and holds the cell of its value
    expected_rows = [r for r in rows for _ in range(2)]
    assert list(table["quote"]) == ["\n".join(r) for r in expected_rows]
    # the cell of each value, in its column of the row
    value_cells = [4, 5, 4, 5, 5, 6, 4, 5]
    for quote, k, value in zip(table["quote"], value_cells, table["value"], strict=True):
        assert float(quote.split("\n")[k].strip("≥〔〕")) == value
    _assert_quotes_exact(targets, text)
    _assert_quotes_exact(review, text)
    assert review[review["category"] == "table_row"].empty


def _tab_read(rows: list[str], before: str = "主要指标如下：", default_year: int = 2025):
    text = "\n".join([before, *rows, "表后段落。"])
    targets, tables = _read(text, default_year)
    for t in targets:
        assert text[t.char_start : t.char_end] == t.quote
        assert "\n" not in t.quote and t.quote in rows  # the row, cells joined by tabs
    return targets, tables


def _got(targets) -> list[tuple]:
    return [
        (t.indicator_zh, t.value, t.unit, t.kind, t.target_year, t.baseline_year, t.baseline_value)
        for t in targets
    ]


def test_a_header_over_two_rows_in_a_tab_table_cell_by_cell():
    # 2020 / 年 in two rows of the same column (a .docx cell split in two rows)
    targets, tables = _tab_read(
        ["指标\t单位\t2020\t2025\t属性", "\t\t年\t年\t", "森林覆盖率\t%\t30.2\t≥31\t约束性"]
    )
    assert _got(targets) == [("森林覆盖率", 31.0, "%", "level", 2025, 2020, 30.2)]
    assert [t.binding for t in targets] == ["binding"] and tables.review == []


def test_target_and_vision_columns_give_a_target_each():
    targets, _ = _tab_read(
        [
            "指标\t单位\t2020年\t2025年目标\t2035年远景目标\t属性",
            "森林覆盖率\t%\t30.2\t31\t35\t预期性",
            "万元GDP用水量\t立方米\t60\t50\t-\t约束性",
        ]
    )
    assert _got(targets) == [
        ("森林覆盖率", 31.0, "%", "level", 2025, 2020, 30.2),
        ("森林覆盖率", 35.0, "%", "level", 2035, 2020, 30.2),
        ("万元GDP用水量", 50.0, "立方米", "level", 2025, 2020, 60.0),  # - for 2035: no target
    ]


def test_plain_year_columns_after_the_plan_year_are_all_targets():
    # a plan issued in 2021: 2020年 is the base, 2025年 and 2030年 are targets
    targets, _ = _tab_read(["指标\t2020年\t2025年\t2030年", "非化石能源消费比重（%）\t15\t20\t25"])
    assert [(t.value, t.target_year, t.baseline_year) for t in targets] == [
        (20.0, 2025, 2020),
        (25.0, 2030, 2020),
    ]


@pytest.mark.parametrize(
    "column, indicator, cell, expected",
    [
        # a “十四五” cumulative column: over 2021-2025, from 2020
        ("“十四五”累计", "新增造林面积（万亩）", "150", ("increment", 150.0, "万亩", 2025, 2020)),
        # an intensity's cumulative is its cut
        ("“十四五”累计", "单位地区生产总值能源消耗（%）", "〔13.5〕",
         ("reduction", 13.5, "%", 2025, 2020)),
        ("2021-2025年累计", "新增高标准农田（万亩）", "[300]",
         ("increment", 300.0, "万亩", 2025, 2020)),
        # a reduction column against its base year
        ("2025年较2020年下降（%）", "单位地区生产总值二氧化碳排放", "18",
         ("reduction", 18.0, "%", 2025, 2020)),
        ("比2020年降低", "万元工业增加值用水量（%）", "16", ("reduction", 16.0, "%", 2025, 2020)),
        ("“十四五”下降（%）", "单位地区生产总值能耗", "13.5", ("reduction", 13.5, "%", 2025, 2020)),
        # a bracket in a plain year column: the five years before it
        ("2025年", "单位地区生产总值能耗（%）", "〔13.5〕", ("reduction", 13.5, "%", 2025, 2020)),
        ("2025年", "非化石能源消费比重提高（个百分点）", "[5]",
         ("increment", 5.0, "个百分点", 2025, 2020)),
        ("2030年", "单位地区生产总值二氧化碳排放降低（%）", "〔15〕",
         ("reduction", 15.0, "%", 2030, 2025)),
    ],
)  # fmt: skip
def test_cumulative_and_reduction_columns(column, indicator, cell, expected):
    (target,), tables = _tab_read([f"指标\t{column}\t属性", f"{indicator}\t{cell}\t约束性"])
    got = (target.kind, target.value, target.unit, target.target_year, target.baseline_year)
    assert got == expected
    assert (target.comparator, target.binding, target.baseline_value) == ("eq", "binding", None)
    assert not tables.review


def test_a_reduction_takes_the_base_year_of_a_table_titled_with_its_plan_period():
    rows = ["指标\t2025年\t属性", "单位地区生产总值二氧化碳排放降低（%）\t18\t约束性"]
    (target,), _ = _tab_read(rows, before="表1 “十四五”绿色低碳发展主要指标")
    assert (target.kind, target.baseline_year) == ("reduction", 2020)
    # without a period or a base year anywhere, a bare 降低 has none (as in prose)
    (target,), _ = _tab_read(rows, before="主要指标如下：")
    assert (target.kind, target.baseline_year) == ("reduction", None)


def test_rows_that_do_not_line_up_with_the_header_go_to_review():
    # a tab row with a cell more than the header: no guess
    targets, tables = _tab_read(
        ["指标\t单位\t2025年\t属性", "森林覆盖率\t%\t31\t33\t约束性", "湿地保护率\t%\t55\t预期性"]
    )
    assert _got(targets) == [("湿地保护率", 55.0, "%", "level", 2025, None, None)]
    assert [(r["category"], r["text"]) for r in tables.review] == [
        ("table_row", "森林覆盖率\t%\t31\t33\t约束性")
    ]
    # a PDF row whose values spill into the indicator's cells: reviewed, never a wrong target
    lines = ["指标", "单位", "2020年", "2025年", "属性",
             "森林覆盖率", "%", "30.2", "31", "33", "34", "约束性",
             "湿地保护率", "%", "52", "55", "预期性"]  # fmt: skip
    text = "\n".join(["主要指标如下：", *lines, "注：指标为预期值。"])
    targets, tables = _read(text)
    assert [(t.indicator_zh, t.value, t.baseline_value) for t in targets] == [
        ("湿地保护率", 55.0, 52.0)
    ]
    assert [r["text"] for r in tables.review] == ["\n".join(lines[5:12])]
    for r in tables.review:
        assert text[r["char_start"] : r["char_end"]] == r["quote"]


def test_a_pdf_table_whose_last_row_has_no_binding_cell():
    lines = ["指标", "单位", "2020年", "2025年", "属性",
             "森林覆盖率", "%", "30.2", "31", "约束性",
             "城市生活污水处理率", "%", "93", "97"]  # fmt: skip
    text = "\n".join(["主要指标如下：", *lines, "注：〔 〕内为五年累计数。"])
    targets, tables = _read(text)
    assert [(t.indicator_zh, t.value, t.baseline_value, t.binding) for t in targets] == [
        ("森林覆盖率", 31.0, 30.2, "binding"),
        ("城市生活污水处理率", 97.0, 93.0, None),
    ]
    assert (
        targets[1].quote
        == "\n".join(lines[10:])
        == text[targets[1].char_start : targets[1].char_end]
    )
    assert tables.review == []


@pytest.mark.parametrize("base", ["2020年实际值", "2020年现状", "2020年基数", "“十三五”完成情况"])
def test_base_columns_as_plans_name_them(base):
    (target,), _ = _tab_read([f"指标\t{base}\t2025年目标值", "森林覆盖率（%）\t30.2\t32"])
    assert (target.value, target.target_year, target.baseline_value, target.baseline_year) == (
        32.0,
        2025,
        30.2,
        2020,
    )
