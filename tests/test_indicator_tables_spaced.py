"""Indicator tables as the text layers of real five-year plans print them: one row per line with
its cells a blank apart (`4.非化石能源消费比重（%） 7.6 13 左右 预期性`), a name wrapped over two
lines, a category cell over several lines before the row number, the 属性 printed before the
values, a table split over pages with its header repeated, and review tables (2015年 | 2020年 in
a 2021 plan) that state results, never targets.

The texts are written here in the shapes of the shipped 十四五 plans (data/raw/r*.pdf); they are
read through the extractor, as a plan's decoded text is.
"""

from __future__ import annotations

from greenmetrics.extract import Extractor, PlanContext
from greenmetrics.extract.spaced_rows import line_cells
from greenmetrics.extract.vocabulary import VOCABULARY


def _read(text: str, issue_year: int = 2021):
    extractor = Extractor(text, PlanContext("plan", issue_year=issue_year))
    targets, _ = extractor.run()
    table = [t for t in targets if t.binding is not None or t.quote.count(" ") >= 2]
    return targets, table, extractor.tables


def _fields(targets):
    return [
        (t.indicator_zh, t.value, t.unit, t.comparator, t.kind, t.target_year, t.binding)
        for t in targets
    ]


def _cells(line: str) -> list[str]:
    return [line[s:e] for s, e in line_cells(line, 0, len(line), VOCABULARY)]


def test_a_line_is_cut_into_its_cells():
    assert _cells("指标 2020 年 2025 年 指标属性") == ["指标", "2020 年", "2025 年", "指标属性"]
    assert _cells("4.非化石能源消费比重（%） 7.6 13 左右 预期性") == [
        "4.非化石能源消费比重（%）", "7.6", "13 左右", "预期性"
    ]  # fmt: skip
    # a year inside a name, and a letter-spaced name, stay in their cell
    assert _cells("1.单位地区生产总值二氧化碳排放较 2020 年降低") == [
        "1.单位地区生产总值二氧化碳排放较 2020 年降低"
    ]
    assert _cells("２ 全省地表水劣 V 类水体比例 ％ ４．０８ ０ ０") == [
        "２", "全省地表水劣 V 类水体比例", "％", "４．０８", "０", "０"
    ]  # fmt: skip
    # a number inside a wrapped name (城区常住人口 300 万以上城市…) is the name's
    assert _cells("8．城区常住人口 300 万以上城市绿色出") == [
        "8．城区常住人口 300 万以上城市绿色出"
    ]
    # a value after a name that ends in its unit is a cell
    assert _cells("3.煤炭消费总量（亿吨） 3.88 完成国家分解任务 约束性") == [
        "3.煤炭消费总量（亿吨）", "3.88", "完成国家分解任务", "约束性"
    ]  # fmt: skip
    # 属性 printed first: moved to the end, where the header has it
    assert _cells("约束性 森林覆盖率（%） 42 42.5") == ["森林覆盖率（%）", "42", "42.5", "约束性"]


SHANDONG_LIKE = "\n".join(
    [
        "到2025年，全省绿色低碳发展取得明显成效。",
        "山东省“十四五”应对气候变化主要指标",
        "指标 2020 年 2025 年 指标属性",
        "（一）总体指标",
        "1.单位地区生产总值二氧化碳排放较 2020 年降低",
        "（%） — 完成国家分解任务 约束性",
        "（二）能源领域",
        "2.非化石能源消费比重（%） 7.6 13 左右 预期性",
        "3.累计新增绿色建筑面积（亿平方米） 1.38 [5] 预期性",
        "—8—",
        "指标 2020 年 2025 年 指标属性",
        "4.营运车辆单位周转量二氧化碳排放较 2020 年下降",
        "（%） — 5 预期性",
        "5.森林蓄积量（万立方米） — 9000 预期性",
        "6.湿地保护率（%） ≥60 ≥60 预期性",
        "注：①[]内为累计值。",
        "三、严格控制温室气体排放",
    ]
)


def test_a_table_printed_a_row_per_line_split_over_pages():
    targets, table, tables = _read(SHANDONG_LIKE)
    assert _fields(table) == [
        ("非化石能源消费比重", 13.0, "%", "approx", "level", 2025, "expected"),
        ("累计新增绿色建筑面积", 5.0, "亿平方米", "eq", "increment", 2025, "expected"),
        ("营运车辆单位周转量二氧化碳排放较2020年下降", 5.0, "%", "eq", "reduction", 2025,
         "expected"),
        ("森林蓄积量", 9000.0, "万立方米", "eq", "level", 2025, "expected"),
        ("湿地保护率", 60.0, "%", "ge", "level", 2025, "expected"),
    ]  # fmt: skip
    # the row is the quote, and equals the text at its offsets
    for t in targets:
        assert SHANDONG_LIKE[t.char_start : t.char_end] == t.quote
    wrapped = next(t for t in table if t.indicator_zh.startswith("营运车辆"))
    assert wrapped.quote == "4.营运车辆单位周转量二氧化碳排放较 2020 年下降\n（%） — 5 预期性"
    # a word in the target cell goes to review; no row number, page number or section gives a
    # target, and no name is glued to a section heading or a row number
    assert [r["text"] for r in tables.review] == ["完成国家分解任务"]
    assert all(not t.indicator_zh[:1].isdigit() for t in targets)
    assert all("领域" not in t.indicator_zh for t in targets)


def test_category_cells_before_the_row_number_and_binding_first():
    text = "\n".join(
        [
            "表 1 广东省“十四五”应对气候变化指标体系",
            "一级指标 具体指标 2020 年 2025 年 指标性质",
            "总体指标",
            "1．单位地区生产总值能源消耗降低（%） [17.1] 14 约束性",
            "绿色转型",
            "升级",
            "2．高技术制造业增加值占规模以上工业",
            "增加值比重（%） 31.1 33 预期性",
            "生态保护",
            "和适应气",
            "候变化",
            "3．森林覆盖率（%） 58.66 58.90 约束性",
            "预期性 4．城市生活垃圾回收利用率（%） - 35%",
            "注：[]内为五年累计数。",
        ]
    )
    _, table, _ = _read(text)
    assert _fields(table) == [
        ("单位地区生产总值能源消耗降低", 14.0, "%", "eq", "reduction", 2025, "binding"),
        ("高技术制造业增加值占规模以上工业增加值比重", 33.0, "%", "eq", "level", 2025,
         "expected"),
        ("森林覆盖率", 58.9, "%", "eq", "level", 2025, "binding"),
        ("城市生活垃圾回收利用率", 35.0, "%", "eq", "level", 2025, "expected"),
    ]  # fmt: skip


def test_a_header_of_a_cell_per_line_over_rows_printed_a_row_per_line():
    # 指标 / 类别, 序 / 号, 指标 / 属性 and 2020年 / (现状) each a header cell over two lines; the
    # 属性 column before the values; a category cell over two lines before some rows
    text = "\n".join(
        [
            "专栏２:“十四五”生态环境保护主要指标",
            *["指标", "类别", "序", "号", "指　标　名　称", "指标", "属性"],
            *["２０２０年", "(现状)", "２０２５年", "(目标)"],
            "环境",
            "治理",
            "１ 空气质量优良天数比率 (％)① 约束性 ９３．７ ９３．８",
            "２ 城市黑臭水体比例 (％) 预期性 ０ 完成国家 下达目标",
            "３ 非化石能源占一次能源消费比重 (％) 预期性 ≥２６ ≥３０",
            "４ 氮氧化物 重点工程减排量 (万吨) 约束性 — [１．８４]",
            "注：①为国家考核口径。",
        ]
    )
    _, table, tables = _read(text)
    assert _fields(table) == [
        ("空气质量优良天数比率", 93.8, "%", "eq", "level", 2025, "binding"),
        ("非化石能源占一次能源消费比重", 30.0, "%", "ge", "level", 2025, "expected"),
        # the unit in brackets of its own is no indicator cell; [ ] is the five-year amount
        ("氮氧化物重点工程减排量", 1.84, "万吨", "eq", "increment", 2025, "binding"),
    ]
    assert [r["text"] for r in tables.review] == ["完成国家下达目标"]


def test_a_review_table_gives_no_target():
    # the 十三五 table that opens a 2021 plan: its 2020 column is a result
    text = "\n".join(
        [
            "专栏 1 内蒙古自治区“十三五”电力发展情况",
            "类别 指标 单位 2015 年 2020 年 年均增 速 属性",
            "安全",
            "保障",
            "总装机规模 亿千瓦 1.04 1.46 7.0% 预期性",
            "其中：煤电 万千瓦 7199 9284 5.2% 预期性",
            "能源",
            "效率",
            "风电利用率 - 82% 94.7% [12.7%] 预期性",
            "注：[ ]为累计值。",
            "二、存在的问题",
        ]
    )
    targets, _, tables = _read(text)
    assert targets == []
    assert tables.review == []


def test_a_header_whose_year_cells_carry_their_role():
    # 2020 年（基准值） | 2025 年目标: the year and its role word are one header cell, not a
    # year inside a name; a category cell over two lines before the first row
    text = "\n".join(
        [
            "专栏 1 某市“十四五”生态环境保护主要指标 ",
            "类别 序号 指标 2020 年（基准值） 2025 年目标 指标性质 ",
            "环境质量",
            "改善 ",
            "1 细颗粒物浓度（微克/立方米） 51 40 约束性 ",
            "2 空气质量优良天数比率（％） 63.0 66.0 约束性 ",
            "3 国省控断面水质达标比率 （％） 87.5 100 约束性 ",
            "4 氨氮重点工程减排量 （吨） — ［263］ 约束性 ",
            "注：[]为五年累计值 ",
        ]
    )
    _, table, _ = _read(text)
    assert [(name, value, unit, year) for name, value, unit, _, _, year, _ in _fields(table)] == [
        ("细颗粒物浓度", 40.0, "微克/立方米", 2025),
        ("空气质量优良天数比率", 66.0, "%", 2025),
        ("国省控断面水质达标比率", 100.0, "%", 2025),
        ("氨氮重点工程减排量", 263.0, "吨", 2025),
    ]
    assert _cells("类别 序号 指标 2020 年（基准值） 2025 年目标 指标性质") == [
        "类别", "序号", "指标", "2020 年（基准值）", "2025 年目标", "指标性质"
    ]  # fmt: skip


def test_a_table_headed_by_xiangmu_gives_a_target_per_year_and_its_total():
    # 项目 heads the indicator column of annual tables (年度分解): each year's column is a
    # target of that year and 总计 the five-year amount; the name wraps over two lines. Yearly
    # counts that sum to the 总计 are what each year adds (increments); a rate stays a level,
    # and so do yearly counts that do not sum to the total (a stock per year)
    text = "\n".join(
        [
            "表 3.2 新增绿色建筑示范项目目标年度分解 ",
            "项目 单位 2021 年 2022 年 2023 年 2024 年 2025 年 总计 属性 ",
            "城镇竣工新建建筑中绿色",
            "建筑占比 % 60 70 80 90 98 — 约束性",
            "绿色生态城区 个 0 1 0 1 1 3 预期性",
            "海绵城市示范区 个 3 4 5 6 7 7 预期性",
            "3、可再生能源建筑应用 ",
        ]
    )
    _, table, _ = _read(text)
    assert [(name, value, unit, kind, year) for name, value, unit, _, kind, year, _ in
            _fields(table)] == [
        ("城镇竣工新建建筑中绿色建筑占比", 60.0, "%", "level", 2021),
        ("城镇竣工新建建筑中绿色建筑占比", 70.0, "%", "level", 2022),
        ("城镇竣工新建建筑中绿色建筑占比", 80.0, "%", "level", 2023),
        ("城镇竣工新建建筑中绿色建筑占比", 90.0, "%", "level", 2024),
        ("城镇竣工新建建筑中绿色建筑占比", 98.0, "%", "level", 2025),
        ("绿色生态城区", 0.0, "个", "increment", 2021),
        ("绿色生态城区", 1.0, "个", "increment", 2022),
        ("绿色生态城区", 0.0, "个", "increment", 2023),
        ("绿色生态城区", 1.0, "个", "increment", 2024),
        ("绿色生态城区", 1.0, "个", "increment", 2025),
        ("绿色生态城区", 3.0, "个", "increment", 2025),
        ("海绵城市示范区", 3.0, "个", "level", 2021),
        ("海绵城市示范区", 4.0, "个", "level", 2022),
        ("海绵城市示范区", 5.0, "个", "level", 2023),
        ("海绵城市示范区", 6.0, "个", "level", 2024),
        ("海绵城市示范区", 7.0, "个", "level", 2025),
        ("海绵城市示范区", 7.0, "个", "increment", 2025),
    ]  # fmt: skip


def test_a_project_list_and_a_xiangmu_review_table_give_no_target():
    # 项目名称 over a project list (no unit, no 属性) is no indicator table; a 项目 table of past
    # years (2015 | 2020 in a 2021 plan) states results
    text = "\n".join(
        [
            "专栏 3 重点工程",
            "序号 项目名称 建设内容 2021-2025 年",
            "1 城东污水处理厂 新建 10 万吨/日 处理能力 12",
            "专栏 1 “十三五”主要指标完成情况",
            "项目 单位 2015 年 2020 年 属性",
            "森林覆盖率 % 30 35 约束性",
            "二、存在的问题",
        ]
    )
    targets, _, tables = _read(text)
    assert [t for t in targets if t.binding is not None or "森林" in t.indicator_zh] == []
    # the only table read is the review table; the project list's line is left to the prose
    assert [text[s:e].split("\n")[0] for s, e in tables.spans] == ["项目 单位 2015 年 2020 年 属性"]


def test_a_name_wrapped_into_the_unit_column_joins_the_name():
    # the second line of a name lands in the unit column before a unit written in letters
    text = "\n".join(
        [
            "表 3.4 可再生能源建筑应用目标 ",
            "项目 单位 2021 年 2022 年 2023 年 2024 年 2025 年 总计 属性 ",
            "太阳能光伏建筑",
            "应用项目装机容量 MW 16 18 22 26 31.5 113.5 预期性",
            "地源热泵建筑应用面积 万平方米 30 40 60 80 90 300 预期性",
        ]
    )
    _, table, _ = _read(text)
    assert {(t.indicator_zh, t.unit) for t in table} == {
        ("太阳能光伏建筑应用项目装机容量", "MW"),
        ("地源热泵建筑应用面积", "万平方米"),
    }
    assert {t.kind for t in table} == {"increment"}  # yearly parts of their 总计


def test_a_goals_table_with_a_yearly_rate_column_and_units_in_the_names():
    # the 年均增速 column and a bracketed five-year change restate the 2025 column: no target of
    # their own; a narrow category cell (电力 / 总量) wraps a word a line before the name, and a
    # unit wrapped under its name (（%）) leaves the name whole
    text = "\n".join(
        [
            "表 1 电力发展主要目标",
            "类别 指标 2020 年 2025 年 年均增速 属性",
            "电力",
            "总量",
            "全社会用电量（亿千瓦时） 874.6 1100 4.7% 预期性",
            "总装机规模（万千瓦） 1916.8 2600 左右 6.3%左右 预期性",
            "需求响应负荷占比（%） —— 5 —— 预期性",
            "电力",
            "结构",
            "水电（万千瓦） 0.5 0.5 0 预期性",
            "绿色",
            "供应",
            "电能占终端能源消费比重",
            "（%） 33 38 [5] 预期性",
            "煤电机组平均供电煤耗",
            "（克标准煤/千瓦时） 295.4 292 [-3.4] 预期性",
            "注：[ ]为 5 年累计数。",
        ]
    )
    targets, table, _ = _read(text)
    assert _fields(table) == [
        ("全社会用电量", 1100.0, "亿千瓦时", "eq", "level", 2025, "expected"),
        ("总装机规模", 2600.0, "万千瓦", "approx", "level", 2025, "expected"),
        ("需求响应负荷占比", 5.0, "%", "eq", "level", 2025, "expected"),
        ("水电", 0.5, "万千瓦", "eq", "level", 2025, "expected"),
        ("电能占终端能源消费比重", 38.0, "%", "eq", "level", 2025, "expected"),
        ("煤电机组平均供电煤耗", 292.0, "克标准煤/千瓦时", "eq", "level", 2025, "expected"),
    ]  # fmt: skip
    assert [(t.baseline_year, t.baseline_value) for t in table[:3]] == [
        (2020, 874.6), (2020, 1916.8), (None, None)
    ]  # fmt: skip
    assert targets == table  # no rate read as a target by the sentence rules


def test_a_review_table_with_a_yearly_rate_column_gives_no_target():
    text = "\n".join(
        [
            "类别 指标 2015 年 2020 年 年均增速 属性",
            "全社会用电量（亿千瓦时） 800.6 874.6 1.8% 预期性",
            "光伏（万千瓦） 12.8 163.6 66.4% 预期性",
        ]
    )
    targets, _, _ = _read(text)
    assert targets == []
