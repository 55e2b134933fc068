"""The extractor on policy language written for these tests (not copied from any plan).

Each case is one pattern of how Chinese plans state targets; the expected fields follow the
gold conventions in tests/gold/README (ranges take the lower bound with ge, 零X is 0, a line
without a year takes the plan's default year).
"""

from __future__ import annotations

import pytest

from greenmetrics.extract import PlanContext, extract
from greenmetrics.extract.phrases import without_stray_quotes

CONTEXT = PlanContext(
    doc_id="t", region_names=("江北市", "江北"), issue_year=2022, default_target_year=2025
)


def targets_of(text: str, context: PlanContext = CONTEXT):
    targets, _ = extract(text, context)
    for t in targets:  # provenance: the quote is exactly the text at its offsets
        assert text[t.char_start : t.char_end] == t.quote
    return targets


def one(text: str, **expected):
    targets = targets_of(text)
    assert len(targets) == 1, [(t.indicator_zh, t.value) for t in targets]
    t = targets[0]
    for key, value in expected.items():
        assert getattr(t, key) == value, (key, getattr(t, key), value)
    return t


@pytest.mark.parametrize(
    "text, value, unit, comparator",
    [
        ("到2025年，全市城镇污水处理率达到97%。", 97, "%", "eq"),
        ("到2025年，工业用水重复利用率稳定在92%以上。", 92, "%", "ge"),
        ("到2025年，公共机构新能源汽车比例不低于30%。", 30, "%", "ge"),
        ("到2025年，单位产品综合能耗不超过0.8吨标准煤。", 0.8, "吨标准煤", "le"),
        ("到2025年，万元工业增加值用水量控制在12立方米以内。", 12, "立方米", "le"),
        ("到2025年，数据中心电能利用效率降至1.3以下。", 1.3, "", "le"),
        ("到2025年，农村生活污水治理率达到40%左右。", 40, "%", "approx"),
        ("到2025年，再生水利用率超过25%。", 25, "%", "ge"),
        ("到2025年，森林覆盖率达到百分之三十五。", 35, "%", "eq"),
        ("到2025年，县城生活垃圾资源化利用率提高到六成以上。", 60, "%", "ge"),
        ("到2025年，培育绿色供应链企业3-5家。", 3, "家", "ge"),
        ("到2025年，灌溉水有效利用系数提高到0.58。", 0.58, "", "eq"),
    ],
)
def test_comparators_and_units(text, value, unit, comparator):
    one(text, value=value, unit=unit, comparator=comparator, kind="level", target_year=2025)


def test_full_width_digits_and_percent_sign():
    t = one(
        "到２０２５年，城市建成区绿地率达到３８．５％。", value=38.5, unit="%", target_year=2025
    )
    assert "３８．５％" in t.quote


def test_reduction_against_a_baseline_year():
    one(
        "到2025年，单位地区生产总值二氧化碳排放较2020年下降18%。",
        value=18,
        kind="reduction",
        baseline_year=2020,
        indicator_zh="单位地区生产总值二氧化碳排放",
        comparator="eq",
    )


def test_reduction_without_baseline_and_with_comparator():
    one(
        "十四五期间，单位工业增加值能耗降低14%以上。",
        value=14,
        kind="reduction",
        comparator="ge",
        baseline_year=None,
    )


def test_percentage_points_are_an_increment():
    one(
        "到2025年，清洁取暖率比2020年提高10个百分点。",
        value=10,
        unit="个百分点",
        kind="increment",
        baseline_year=2020,
    )


@pytest.mark.parametrize(
    "text, kind",
    [
        ("到2025年，新建城市绿道200公里。", "increment"),
        ("到2025年，新增光伏装机容量50万千瓦。", "increment"),
        ("到2025年，累计建成充电桩3000个。", "level"),
        ("到2025年，建成美丽乡村示范村120个。", "level"),
        ("每年改造老旧供水管网80公里。", "increment"),
    ],
)
def test_new_work_versus_stock(text, kind):
    one(text, kind=kind)


def test_aspiration_governs_its_own_item_only():
    targets = targets_of("到2025年，绿色建筑占新建建筑比例力争达到100%，装配式建筑占比达到40%。")
    assert [(t.value, t.aspirational) for t in targets] == [(100, 1), (40, 0)]


def test_aspiration_in_a_lead_clause():
    one(
        "力争到2024年底，全市生活垃圾回收利用率达到38%。",
        aspirational=1,
        target_year=2024,
        scope_zh="",
    )


def test_strive_verb_zhengqu():
    one("到2025年，争取创建国家级绿色工业园区2个。", aspirational=1, value=2, unit="个")


@pytest.mark.parametrize(
    "text, year",
    [
        ("到十四五末，生活垃圾无害化处理率达到100%。", 2025),
        ("“十四五”末期，林草覆盖率达到45%。", 2025),
        ("2024年底前，城市黑臭水体消除比例达到95%。", 2024),
        ("到2030年，非化石能源消费比重达到25%。", 2030),
        ("公共建筑能耗监测覆盖率达到60%。", 2025),
    ],
)
def test_target_years(text, year):
    t = one(text, target_year=year)
    assert t.year_inferred == (0 if ("年" in text or "十四五" in text) else 1)


def test_respectively_distributes_values_over_indicators():
    targets = targets_of("到2025年，城市和县城生活污水处理率分别达到98%、95%。")
    assert [(t.value, t.comparator) for t in targets] == [(98, "eq"), (95, "eq")]
    assert len({t.indicator_zh for t in targets}) == 2


def test_each_item_of_a_parallel_list_keeps_its_own_noun():
    # the last item's noun ends like the first's, its brackets qualify it alone; an intensity's
    # 单位 starts the shared tail
    targets = targets_of("到2025年，公交车、出租汽车（含网约车）新能源汽车分别达到72%、35%。")
    assert [t.indicator_zh for t in targets] == [
        "公交车新能源汽车",
        "出租汽车（含网约车）新能源汽车",
    ]
    targets = targets_of("到2025年，公交车、出租汽车（含网约车）新能源汽车占比分别达到72%、35%。")
    assert [(t.scope_zh, t.indicator_zh) for t in targets] == [
        ("公交车", "新能源汽车占比"),
        ("出租汽车（含网约车）", "新能源汽车占比"),
    ]
    targets = targets_of(
        "到2030年，营运车辆、船舶单位换算周转量碳排放强度比2020年分别下降10%、5%。"
    )
    assert [t.indicator_zh for t in targets] == [
        "营运车辆单位换算周转量碳排放强度",
        "船舶单位换算周转量碳排放强度",
    ]


def test_one_clause_several_targets_each_with_its_verb():
    targets = targets_of("到2025年，化肥利用率达到43%、农药利用率达到45%、农膜回收率达到88%以上。")
    assert [(t.indicator_zh, t.value, t.comparator) for t in targets] == [
        ("化肥利用率", 43, "eq"),
        ("农药利用率", 45, "eq"),
        ("农膜回收率", 88, "ge"),
    ]


def test_shared_verb_over_a_list_of_counts():
    targets = targets_of("到2025年，新培育绿色工厂50家、绿色园区6个、绿色设计产品30项。")
    assert [(t.indicator_zh, t.value, t.unit, t.kind) for t in targets] == [
        ("绿色工厂", 50, "家", "increment"),
        ("绿色园区", 6, "个", "increment"),
        ("绿色设计产品", 30, "项", "increment"),
    ]


def test_one_value_shared_by_two_rates():
    targets = targets_of("到2025年，尾矿综合利用率、冶炼渣综合利用率达到60%。")
    assert [(t.indicator_zh, t.value) for t in targets] == [
        ("尾矿综合利用率", 60),
        ("冶炼渣综合利用率", 60),
    ]


def test_value_before_the_noun():
    t = one("到2025年，建成5个国家级循环经济示范园区。", value=5, unit="个")
    assert "循环经济示范园区" in t.indicator_zh


def test_zero_landfill_is_zero():
    t = one("到2025年，城市原生生活垃圾实现零填埋。", value=0.0)
    assert t.comparator == "eq"


def test_scope_of_a_named_place_and_of_other_counties():
    targets = targets_of(
        "到2025年，江南市城区生活污水集中收集率达到75%，其他县城区生活污水处理率达到92%。"
    )
    assert [t.scope_zh for t in targets] == ["江南市城区", "其他县城区"]


def test_own_region_is_not_a_scope():
    one("到2025年，江北市生活垃圾回收利用率达到35%以上。", scope_zh="")


def test_threshold_defines_scope_not_a_target():
    t = one("到2025年，年用电量500万千瓦时以上的重点企业能源管控中心覆盖率达到90%。", value=90)
    assert t.scope_zh.startswith("年用电量500万千瓦时以上的重点企业")


@pytest.mark.parametrize(
    "text",
    [
        "深化“两网融合”，推行“一园一策”，推进“三改联动”。",
        "为贯彻落实《某省关于加快绿色发展的意见》（某政发〔2021〕12号），制定本方案。",
        "江北市人民政府 2022年3月15日",
        "开展污染防治三年行动，落实“十四五”规划。",
        "十三五时期，单位地区生产总值能耗较2015年下降17.5%。",
        "2020年，全市森林覆盖率由2015年的30.1%提高到33.2%。",
        "改造10千伏及以下配电线路。",
        "PM2.5平均浓度持续下降，第二批试点启动。",
        "聚焦钢铁、水泥、焦化、化工4个行业开展节能诊断。",
    ],
)
def test_numbers_that_are_not_targets(text):
    assert targets_of(text) == []


def test_history_section_is_skipped():
    text = (
        "一、发展基础\n（一）十三五时期主要成效\n城镇污水处理率达到95%。\n"
        "（二）主要目标\n到2025年，城镇污水处理率达到98%。\n"
    )
    assert [t.value for t in targets_of(text)] == [98]


def test_default_year_is_the_plans_main_goal_year():
    text = "到2030年，非化石能源消费比重达到25%。\n到2030年，新能源汽车占比达到40%。\n公交车电动化率达到80%。"
    targets = targets_of(text, PlanContext(doc_id="t", issue_year=2022))
    assert [t.target_year for t in targets] == [2030, 2030, 2030]
    assert [t.year_inferred for t in targets] == [0, 0, 1]


def test_milestones_are_dated_commitments_without_numbers():
    text = "到2025年，农村卫生厕所基本普及，城市建成区黑臭水体动态清零。2023年底前实现县城垃圾分类全覆盖。"
    _, milestones = extract(text, CONTEXT)
    assert [(m.commitment_zh, m.target_year) for m in milestones] == [
        ("基本普及", 2025),
        ("动态清零", 2025),
        ("全覆盖", 2023),
    ]
    for m in milestones:
        assert text[m.char_start : m.char_end] == m.quote


def test_past_commitments_are_not_milestones():
    _, milestones = extract("巩固排污许可全覆盖成果，实施落后产能清零行动。", CONTEXT)
    assert milestones == []


def test_target_ids_survive_edits_elsewhere_in_the_document():
    a = targets_of("到2025年，城镇污水处理率达到97%。")
    b = targets_of("前言。\n新增的一段说明文字。\n到2025年，城镇污水处理率达到97%。")
    assert a[0].target_id == b[0].target_id
    assert a[0].char_start != b[0].char_start


@pytest.mark.parametrize(
    "text, value, unit, comparator",
    [
        ("到2025年，建成区域性再生资源分拣中心10余个。", 10, "个", "ge"),
        ("到2025年，餐厨垃圾处理能力达到500吨/日。", 500, "吨/日", "eq"),
        ("到2025年，城市绿色出行比例达到60%-70%。", 60, "%", "ge"),
        ("到2025年，森林蓄积量达到1.5亿立方米。", 1.5, "亿立方米", "eq"),
    ],
)
def test_more_units_and_ranges(text, value, unit, comparator):
    one(text, value=value, unit=unit, comparator=comparator)


def test_durations_are_not_targets():
    assert targets_of("力争3个月内完成整改。") == []


def test_thousands_separator():
    one("到2025年，新建高标准农田1,250万亩。", value=1250, unit="万亩", kind="increment")


@pytest.mark.parametrize(
    "text",
    [
        "全市共有污水处理厂12座，日处理能力35万吨。",
        "目前，全县绿色工厂已有8家。",
        "现有国家级绿色园区3个。",
    ],
)
def test_facts_about_today_are_not_targets(text):
    assert targets_of(text) == []


def test_year_in_chinese_numerals():
    one(
        "到二〇二五年，全省湿地保护率达到百分之五十五。",
        target_year=2025,
        year_inferred=0,
        value=55,
    )


def test_starting_value_is_a_baseline_not_a_target():
    one(
        "到2025年，全市森林覆盖率由2020年的56%提高到60%。",
        value=60,
        baseline_year=2020,
        indicator_zh="森林覆盖率",
    )


def test_past_value_names_the_indicator_of_the_next_clause():
    one(
        "2020年全市空气质量优良天数比率为82.3%，到2025年达到86%。",
        value=86,
        indicator_zh="空气质量优良天数比率",
    )


def test_year_between_indicator_and_verb():
    targets = targets_of("全市森林覆盖率2025年底前达到35%，2030年力争达到38%。")
    assert [(t.indicator_zh, t.value, t.target_year, t.aspirational) for t in targets] == [
        ("森林覆盖率", 35, 2025, 0),
        ("森林覆盖率", 38, 2030, 1),
    ]


def test_letter_spaced_names_keep_no_layout():
    # PDF text layers space out characters (生 活 垃 圾); the quote keeps them, the name not
    (t,) = targets_of("到2025年，全市生 活 垃 圾 回 收 利 用 率达到35%。")
    assert (
        t.indicator_zh == "生活垃圾回收利用率"
        and t.quote == "全市生 活 垃 圾 回 收 利 用 率达到35%"
    )
    assert (t.value, t.unit) == (35, "%")


def test_names_keep_no_stray_quotation_mark():
    (t,) = targets_of("到2025年，实现城市原生生活垃圾“零填埋”。")
    assert t.indicator_zh == "城市原生生活垃圾填埋量" and t.value == 0
    assert without_stray_quotes("“绿色工厂”数量") == "“绿色工厂”数量"  # a pair stays
    assert without_stray_quotes("路面旧料“废弃量") == "路面旧料废弃量"
    assert without_stray_quotes('"PUE值') == "PUE值"


# -- language seen on published city plans ---------------------------------------------------


def test_levels_of_government_at_the_head_of_a_subject_are_its_scope():
    one("到2025年，镇、村生活垃圾收运率达到95%。", scope_zh="镇、村", indicator_zh="生活垃圾收运率")


def test_with_fenbie_each_level_takes_its_value_and_a_closing_yishang_bounds_every_value():
    t = targets_of("到2025年，县、乡污水收集率分别达到90%、75%以上。")
    assert [(x.scope_zh, x.value, x.comparator) for x in t] == [("县", 90, "ge"), ("乡", 75, "ge")]
    assert {x.indicator_zh for x in t} == {"污水收集率"}


def test_parallel_subsets_share_the_indicator_that_follows_the_last():
    t = targets_of("到2025年，国省干线公路、农村公路沿线绿化率分别达到90%和80%以上。")
    assert [(x.scope_zh, x.indicator_zh, x.value, x.comparator) for x in t] == [
        ("国省干线公路", "沿线绿化率", 90, "ge"),
        ("农村公路", "沿线绿化率", 80, "ge"),
    ]


def test_city_and_county_fused_into_the_names_stay_two_indicators():
    t = targets_of("到2025年，城市和县城生活污水处理率分别达到95%和90%。")
    assert [(x.scope_zh, x.indicator_zh, x.comparator) for x in t] == [
        ("", "城市生活污水处理率", "eq"),
        ("", "县城生活污水处理率", "eq"),
    ]


def test_facilities_built_in_the_period_are_the_scope():
    one(
        "到2025年，新建大型数据中心电能利用效率不高于1.25。",
        scope_zh="新建大型数据中心",
        indicator_zh="电能利用效率",
        comparator="le",
        value=1.25,
    )


def test_who_achieves_a_zero_target_is_its_scope():
    one("推动桥梁养护工程实现旧料“零废弃”。", scope_zh="桥梁养护工程", value=0)


def test_a_rise_by_a_percentage_is_an_increment_a_rise_to_one_is_a_level():
    one("到2025年，公共建筑能效提升15%。", kind="increment", value=15)
    one("到2025年，公共建筑节能率提升到15%。", kind="level", value=15)


def test_created_entities_are_new_work_in_the_period():
    one("到2025年，累计创建绿色园区12个。", kind="increment", value=12, unit="个")


def test_a_unit_with_a_slash_in_spaced_pdf_text():
    one(
        "到２０２５ 年，污泥处置能力达到 １２００ 吨 ／ 天以上。",
        value=1200,
        unit="吨/天",
        comparator="ge",
    )


def test_a_line_break_after_lizheng_dao_keeps_the_aspiration_and_the_year():
    t = one("推广绿色配送模式， 力 争 到\n２０２７ 年，绿色货运企业增至１５家。", value=15)
    assert (t.aspirational, t.target_year) == (1, 2027)


def test_a_plan_in_traditional_characters_is_read_and_quoted_as_written():
    text = "到2025年，全縣秸稈綜合利用率達到90%以上，新增高標準農田5萬畝。"
    targets = targets_of(text)
    assert [(t.indicator_zh, t.value, t.unit, t.comparator, t.kind) for t in targets] == [
        ("秸稈綜合利用率", 90, "%", "ge", "level"),
        ("高標準農田", 5, "万亩", "eq", "increment"),
    ]
    assert targets[0].quote == "全縣秸稈綜合利用率達到90%以上"


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("到2025年，建成两个国家级循环经济示范区。", 2, "个"),
        ("“十四五”期间，新建百座光伏充电站。", 100, "座"),
        ("到2025年，争创三家国家级绿色工厂。", 3, "家"),
    ],
)
def test_counts_of_built_work_in_chinese_numerals(text, value, unit):
    one(text, value=value, unit=unit)


@pytest.mark.parametrize(
    "text",
    [
        "全面开创“三个走在前”的目标定位。",
        "建立两个机制，打造三个走在前。",
        "形成宁波、宁德两个出海通道。",
        "建设一个平台。",
        "培育百亿元产业集群。",
    ],
)
def test_slogans_and_structure_counts_are_no_targets(text):
    assert targets_of(text) == []


def test_a_magnitude_word_before_a_unit_is_the_number():
    one("到2025年，绿色产业产值突破千亿元。", value=1000, unit="亿元", comparator="ge")
    one("到2025年，新增高标准农田千万亩以上。", value=1000, unit="万亩", comparator="ge")


def test_a_bare_rate_after_another_takes_its_subject():
    t = targets_of("到2025年，县城生活污水收集率达到65%、处理率达到92%以上。")
    assert [x.indicator_zh for x in t] == ["县城生活污水收集率", "县城生活污水处理率"]


def test_per_unit_of_gdp_is_shared_by_a_parallel_list():
    t = targets_of("单位地区生产总值能源消耗和二氧化碳排放分别降低14%和19%。")
    assert [(x.indicator_zh, x.value, x.kind) for x in t] == [
        ("单位地区生产总值能源消耗", 14, "reduction"),
        ("单位地区生产总值二氧化碳排放", 19, "reduction"),
    ]


def test_counts_framed_by_zai_guocheng_zhong():
    t = targets_of(
        "推动园区循环化改造，在培育4个千亿级园区和30个以上百亿级园区过程中，推进设施共享。"
    )
    assert [(x.indicator_zh, x.value, x.comparator) for x in t] == [
        ("千亿级园区", 4, "eq"),
        ("百亿级园区", 30, "ge"),
    ]


def test_a_count_of_places_listed_with_deng_is_no_target():
    assert targets_of("加快推进甲县、乙县等地5个抽水蓄能电站前期工作。") == []


def test_a_size_threshold_before_de_difang_is_the_scope():
    one(
        "到2025年，生活垃圾日产生量200吨以上的地方基本实现原生生活垃圾“零填埋”。",
        scope_zh="生活垃圾日产生量200吨以上的地方",
        indicator_zh="原生生活垃圾填埋量",
        value=0,
    )


def test_a_size_with_yishang_before_the_entities_it_picks_is_no_target():
    assert targets_of("加快年运量200万吨以上工矿企业铁路专用线建设。") == []


def test_a_share_of_new_buildings_keeps_xinjian_and_names_what_the_share_does():
    # NOTE: 新建建筑 alone is only the base of the share; what 100% of it does is the measure.
    t = one(
        "推进绿色社区建设，新建建筑100%执行绿色建筑标准。",
        indicator_zh="新建建筑执行绿色建筑标准",
        value=100,
    )
    assert t.quote == "新建建筑100%执行绿色建筑标准"


@pytest.mark.parametrize(
    "text, indicator",
    [
        ("到2025年，城镇新建建筑100%实行绿色建筑标准。", "城镇新建建筑实行绿色建筑标准"),
        ("到2025年，重点用能单位90%以上完成能源审计。", "重点用能单位完成能源审计"),
        # a verb before the value: the words after it are another clause's business
        ("到2025年，森林覆盖率达到35%左右。", "森林覆盖率"),
        ("到2025年，城市生活垃圾回收利用率35%，基本建立分类体系。", "城市生活垃圾回收利用率"),
    ],
)
def test_a_share_with_no_verb_before_it_takes_the_predicate_after_it(text, indicator):
    assert targets_of(text)[0].indicator_zh == indicator


def test_ascii_punctuation_of_a_text_layer_splits_as_the_chinese_marks_do():
    t = targets_of("到2025年,打造2—3个省级绿色数据中心.推进会展业绿色发展.")
    assert [(x.indicator_zh, x.value, x.comparator) for x in t] == [("省级绿色数据中心", 2, "ge")]


def test_a_range_with_the_measure_word_twice():
    one("到2025年，建成3个—5个科技成果转化示范基地。", value=3, unit="个", comparator="ge")


def test_a_zero_target_after_a_milestone_in_one_list():
    t = one("到2025年，实现县城生活垃圾焚烧处理全覆盖、“原生垃圾”零填埋。", value=0)
    assert t.indicator_zh == "原生垃圾填埋量"


def test_shixian_written_together_is_a_level_scope_and_a_period_lead_inside_is_no_name():
    one(
        "全市市县“十四五”期间新建改造污水管网500公里。",
        scope_zh="市县",
        indicator_zh="污水管网",
        kind="increment",
        value=500,
    )


def test_numbers_of_power_units_are_names():
    assert targets_of("推进甲核电3机组、乙核电1、2机组建成投产。") == []


def test_zengzhi_compares_the_indicator_with_the_value():
    one(
        "力争到2025年，5A级物流企业增至12家。",
        indicator_zh="5A级物流企业",
        value=12,
        aspirational=1,
    )


@pytest.mark.parametrize(
    "text, indicator",
    [
        ("到2025年，建成3个与产业布局相适应的再生资源分拣中心。", "再生资源分拣中心"),
        ("到2025年，建设4个同城市规模相匹配的餐厨垃圾处理厂。", "餐厨垃圾处理厂"),
        ("到2025年，建设200个满足群众出行需求的公共充电站。", "公共充电站"),
    ],
)
def test_a_relative_clause_before_the_counted_noun_is_neither_scope_nor_name(text, indicator):
    one(text, indicator_zh=indicator, scope_zh="")


@pytest.mark.parametrize(
    "text, indicator",
    [
        ("到2025年，集成推广应用节水灌溉技术30项。", "节水灌溉技术"),
        ("到2025年，示范推广秸秆还田机具500台。", "秸秆还田机具"),
        ("到2025年，推广使用新能源渣土车300辆。", "新能源渣土车"),
        # a single 集成 or 应用 starts a noun
        ("到2025年，集成电路产业产值达到800亿元。", "集成电路产业产值"),
        ("到2025年，应用场景达到50个。", "应用场景"),
    ],
)
def test_a_chain_of_verbs_of_spreading_is_the_action_not_the_name(text, indicator):
    one(text, indicator_zh=indicator)


@pytest.mark.parametrize(
    "text, indicator",
    [
        (
            "全面推行城市生活垃圾分类，到2025年实现县城垃圾分类全覆盖，无害化处理率达到100%。",
            "城市生活垃圾无害化处理率",
        ),
        ("推进医疗废物集中处置设施建设，到2025年无害化处置率达到100%。", "医疗废物无害化处置率"),
        ("到2025年，城镇污水收集率达到70%、无害化处理率达到95%。", "城镇污水无害化处理率"),
    ],
)
def test_a_bare_rate_of_treatment_is_one_of_the_stream_named_before_it(text, indicator):
    assert targets_of(text)[-1].indicator_zh == indicator


def test_a_bare_rate_of_treatment_stays_bare_when_no_stream_was_named():
    one("推进园区循环化改造，到2025年无害化处理率达到95%。", indicator_zh="无害化处理率")


@pytest.mark.parametrize(
    "text, indicator",
    [
        ("推动10个林下经济示范基地建设，全面发展林下经济。", "林下经济示范基地"),
        ("到2025年，完成20个绿色社区创建。", "绿色社区"),
        # other work on a counted thing is part of what is counted
        ("到2025年，推进5个园区循环化改造。", "园区循环化改造"),
        ("到2025年，完成100万亩高标准农田改造提升。", "高标准农田改造提升"),
    ],
)
def test_the_building_of_a_counted_thing_is_no_part_of_its_name(text, indicator):
    one(text, indicator_zh=indicator)


def test_an_area_with_no_owner_is_one_of_the_practice_the_clause_before_names():
    one(
        "实施黑土地保护性耕作推进行动，推广作业面积30万亩。",
        indicator_zh="黑土地保护性耕作作业面积",
    )


@pytest.mark.parametrize(
    "text",
    [
        "到2025年，推进农业节水，推广面积达到100万亩。",  # no programme that names a practice
        "到2025年，新建高标准农田50万亩，推广面积达到100万亩。",  # the clause before is a target
    ],
)
def test_an_area_with_no_owner_stays_bare_when_no_practice_was_named(text):
    assert targets_of(text)[-1].indicator_zh == "面积"
