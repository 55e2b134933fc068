"""A sweep of the language of Chinese policy, as the extractor meets it in plans we do not have.

Every sentence here was written for this test in the style of the 绿色低碳循环发展 plans (none is
copied from data/raw or tests/corpus). Each one lists the targets it must give, in order, with
value, unit, comparator, kind, target year and (where the sentence states one) baseline year,
or no target at all. The fields follow the gold conventions of the corpus README: a range takes
its lower bound with `ge`; 以上/不低于/不少于/超过/突破 `ge`; 以下/以内/不超过 `le`; 左右/约
`approx`; 新建/新增/创建/完成/每年/提高X个百分点 `increment`; 下降/降低/减少 `reduction` with the
year of 较/比 20XX年 as baseline; 十四五末/十四五期间 is 2025; a line with no year takes the
plan's default year (2025 here).

Decisions where a reader could hesitate are written next to the case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from greenmetrics import paths
from greenmetrics.extract import PlanContext, extract

CONTEXT = PlanContext(
    doc_id="sweep", region_names=("临江市", "临江"), issue_year=2021, default_target_year=2025
)

ANY = object()  # a field the case does not judge


@dataclass(frozen=True)
class T:
    """One expected target."""

    value: float
    unit: str = "%"
    comparator: str = "eq"
    kind: str = "level"
    target_year: int = 2025
    baseline_year: object = None
    aspirational: object = ANY


NONE: list[T] = []

CASES: list[tuple[str, str, list[T]]] = [
    # -- comparators ------------------------------------------------------------------------
    ("daodao", "到2025年，全市城镇生活污水集中收集率达到70%。", [T(70)]),
    ("tigaodao", "到2025年，城市建成区绿化覆盖率提高到42%。", [T(42)]),
    (
        "tishengzhi_zuoyou",
        "到2025年，非化石能源消费比重提升至20%左右。",
        [T(20, comparator="approx")],
    ),
    ("zengzhi", "到2025年，全市新能源汽车保有量增至5万辆。", [T(5, "万辆")]),
    ("wendingzai_yishang", "到2025年，全市森林覆盖率稳定在65%以上。", [T(65, comparator="ge")]),
    ("baochizai_noyear", "地表水国控断面水质优良比例保持在90%以上。", [T(90, comparator="ge")]),
    ("budiyu", "到2025年，城镇新建建筑中绿色建筑面积占比不低于70%。", [T(70, comparator="ge")]),
    ("bushaoyu_jia", "到2025年，全市培育省级绿色工厂不少于20家。", [T(20, "家", "ge")]),
    ("count_yishang", "到2025年，建成区域性再生资源回收利用基地2个以上。", [T(2, "个", "ge")]),
    ("zuoyou", "到2025年，城市空气质量优良天数比率达到88%左右。", [T(88, comparator="approx")]),
    # 约为X: 约 makes it approx, 为 is the verb; neither is part of the name
    ("yuewei", "到2025年，全市一般工业固体废物综合利用率约为60%。", [T(60, comparator="approx")]),
    ("yue_noverb", "到2025年，全市新能源装机约500万千瓦。", [T(500, "万千瓦", "approx")]),
    (
        "lizheng_tupo",
        "力争到2025年，全市清洁能源装机容量突破300万千瓦。",
        [T(300, "万千瓦", "ge", aspirational=1)],
    ),
    (
        "quebao_xiajiang",
        "确保到2025年，单位地区生产总值能耗下降14%。",
        [T(14, kind="reduction", aspirational=0)],
    ),
    ("chaoguo", "到2025年，城市新能源公交车占比超过80%。", [T(80, comparator="ge")]),
    (
        "kongzhizai_yinei",
        "到2025年，全市万元地区生产总值用水量控制在30立方米以内。",
        [T(30, "立方米", "le")],
    ),
    (
        "pm25_name_yixia",
        "到2025年，细颗粒物（PM2.5）平均浓度控制在35微克/立方米以下。",
        [T(35, "微克/立方米", "le")],
    ),
    ("buchaoguo", "到2025年，全市重污染天数比率不超过1%。", [T(1, comparator="le")]),
    ("yixia", "到2025年，城市公共供水管网漏损率控制在9%以下。", [T(9, comparator="le")]),
    (
        "lizheng_yishang",
        "力争到2025年，全市光伏发电装机规模达到200万千瓦以上。",
        [T(200, "万千瓦", "ge", aspirational=1)],
    ),
    ("xishu_yishang", "到2025年，农田灌溉水有效利用系数达到0.57以上。", [T(0.57, "", "ge")]),
    ("jia_yishang", "到2025年，培育绿色工厂50家以上。", [T(50, "家", "ge")]),
    # 降至X without 以下 is the level reached, eq (README: le is 降至X以下)
    (
        "jiangzhi_intensity_unit",
        "到2025年，单位地区生产总值能耗降至0.45吨标准煤/万元。",
        [T(0.45, "吨标准煤/万元")],
    ),
    # -- reductions and percentage points -----------------------------------------------------
    (
        "jiao2020_xiajiang",
        "到2025年，公共机构人均综合能耗较2020年下降6%。",
        [T(6, kind="reduction", baseline_year=2020)],
    ),
    (
        "bi2020_jiangdi",
        "十四五期间，单位地区生产总值二氧化碳排放比2020年降低18%。",
        [T(18, kind="reduction", baseline_year=2020)],
    ),
    ("leiji_xiajiang", "到2025年，单位工业增加值能耗累计下降15%。", [T(15, kind="reduction")]),
    (
        "fenbie_xiajiang",
        "“十四五”时期，全市化学需氧量、氨氮排放总量分别下降8%和8%。",
        [T(8, kind="reduction"), T(8, kind="reduction")],
    ),
    (
        "xiajiang_baifendian",
        "到2025年，煤炭消费比重下降5个百分点。",
        [T(5, "个百分点", kind="reduction")],
    ),
    (
        "tigao_baifendian",
        "到2025年，可再生能源消费比重提高3个百分点。",
        [T(3, "个百分点", kind="increment")],
    ),
    (
        "guimo_yishang_not_comparator",
        "到2025年，全市规模以上工业单位增加值能耗较2020年下降16%以上。",
        [T(16, comparator="ge", kind="reduction", baseline_year=2020)],
    ),
    (
        "fenbie_bi2020_yishang",
        "到2025年，氮氧化物和挥发性有机物排放总量比2020年分别下降10%和10%以上。",
        [
            T(10, comparator="ge", kind="reduction", baseline_year=2020),
            T(10, comparator="ge", kind="reduction", baseline_year=2020),
        ],
    ),
    # the second clause takes the first's indicator; its baseline is judged only where stated
    (
        "jiao2020_two_clauses",
        "到2025年，全市化肥使用量较2020年减少5%，农药使用量减少3%。",
        [
            T(5, kind="reduction", baseline_year=2020),
            T(3, kind="reduction", baseline_year=ANY),
        ],
    ),
    # 提高10个百分点 after a level: both are targets (the rise is an increment from 2020)
    (
        "level_then_points",
        "到2025年，全市绿色出行比例达到70%，比2020年提高10个百分点。",
        [T(70), T(10, "个百分点", kind="increment", baseline_year=2020)],
    ),
    # 提高20% (no 到) is a change, not the level reached
    (
        "tigao_percent",
        "到2025年，全市资源产出率比2020年提高20%。",
        [T(20, kind="increment", baseline_year=2020)],
    ),
    (
        "nianjun_zengzhang",
        "到2025年，节能环保产业产值年均增长10%以上。",
        [T(10, comparator="ge", kind="increment")],
    ),
    (
        "xiajiangdao_level",
        "到2025年，城市细颗粒物(PM2.5)浓度下降到30微克/立方米。",
        [T(30, "微克/立方米")],
    ),
    (
        "two_in_one_sentence",
        "到2025年，全市单位GDP能耗下降13.5%，能源消费总量控制在1200万吨标准煤以内。",
        [T(13.5, kind="reduction"), T(1200, "万吨标准煤", "le")],
    ),
    # -- counts of built and created work ------------------------------------------------------
    ("xinjian_gongli", "到2025年，新建城市绿道200公里。", [T(200, "公里", kind="increment")]),
    (
        "xinzeng_wanqianwa",
        "到2025年，新增光伏发电装机容量100万千瓦。",
        [T(100, "万千瓦", kind="increment")],
    ),
    ("leiji_jiancheng", "到2025年，累计建成充电桩1.2万个。", [T(1.2, "万个")]),
    ("jiancheng_zuo", "到2025年，建成绿色矿山30座。", [T(30, "座")]),
    ("chuangjian_ge", "到2025年，创建国家级绿色工业园区3个。", [T(3, "个", kind="increment")]),
    ("peiyu_jia", "到2025年，培育节能环保骨干企业10家。", [T(10, "家")]),
    ("jiancheng_tiao", "到2025年，全市建成生态清洁小流域25条。", [T(25, "条")]),
    (
        "xinjian_gaijian",
        "到2025年，新建改建农村公路1500公里。",
        [T(1500, "公里", kind="increment")],
    ),
    ("daoda_gongli", "到2025年，全市天然气管道里程达到2000公里。", [T(2000, "公里")]),
    (
        "shisiwu_xinzeng",
        "“十四五”期间，全市新增造林面积20万亩。",
        [T(20, "万亩", kind="increment")],
    ),
    (
        "meinian_xinzeng",
        "每年新增绿色建筑面积100万平方米以上。",
        [T(100, "万平方米", "ge", "increment")],
    ),
    (
        "jiezhi_tuiguang",
        "截至2025年，累计推广新能源汽车3万辆。",
        [T(3, "万辆")],
    ),
    ("cn_count_sange", "到2025年，建成三个国家级生态文明建设示范区。", [T(3, "个")]),
    ("cn_count_shige", "到2025年，创建十个省级绿色低碳示范园区。", [T(10, "个", kind="increment")]),
    (
        "cn_count_liangjia",
        "到2025年，新培育两家国家级绿色供应链管理企业。",
        [T(2, "家", kind="increment")],
    ),
    # -- years ----------------------------------------------------------------------------------
    ("shisiwumo", "十四五末，全市城镇污水处理率达到95%。", [T(95)]),
    (
        "shisiwumo_quoted",
        "“十四五”末，全市城镇绿色建筑占新建建筑比重达到100%。",
        [T(100)],
    ),
    (
        "2025nian_diqian",
        "2025年底前，完成燃煤锅炉淘汰改造50台。",
        [T(50, "台", kind="increment")],
    ),
    ("dao2025niandi", "到2025年底，城市公交车中新能源公交车比例达到100%。", [T(100)]),
    (
        "2023nianqian",
        "2023年前，全市建成区公共充电桩达到5000个。",
        [T(5000, "个", target_year=2023)],
    ),
    (
        "dao2030",
        "到2030年，非化石能源消费比重达到25%左右。",
        [T(25, comparator="approx", target_year=2030)],
    ),
    ("dao2035", "到2035年，全市森林覆盖率达到70%。", [T(70, target_year=2035)]),
    (
        "zhanwang2035",
        "展望2035年，全市碳排放达峰后稳中有降，森林覆盖率达到72%。",
        [T(72, target_year=2035)],
    ),
    ("2025nian_bare", "2025年，全市绿色建筑占新建建筑比例达到100%。", [T(100)]),
    (
        "year_far_before",
        "到2025年，全市绿色低碳循环发展的经济体系初步形成，资源利用效率大幅提高，主要污染物"
        "排放总量持续减少，城镇生活污水处理率达到96%。",
        [T(96)],
    ),
    (
        "year_far_before_two",
        "到2025年，全市绿色低碳循环发展水平明显提升，其中，林草覆盖率提高到40%以上，湿地"
        "保护率不低于55%。",
        [T(40, comparator="ge"), T(55, comparator="ge")],
    ),
    # the year of a heading governs the lines under it that state none
    (
        "year_in_heading",
        "二、到2030年的主要目标\n全市非化石能源消费比重达到30%。\n",
        [T(30, target_year=2030)],
    ),
    (
        "year_in_heading_numbered",
        "（二）2030年目标\n全市新能源汽车新车销售量占比达到40%左右。\n",
        [T(40, comparator="approx", target_year=2030)],
    ),
    # 由2020年的93%: the past value is the starting point, not a target
    (
        "past_value_baseline",
        "2020年，全市森林覆盖率达到61.5%，到2025年提高到63%。",
        [T(63)],
    ),
    (
        "from_2020_to_2025",
        "全市城镇污水处理率由2020年的93%提高到2025年的97%。",
        [T(97, baseline_year=2020)],
    ),
    # -- 分别 -----------------------------------------------------------------------------------
    (
        "fenbie_two",
        "到2025年，城市和县城生活垃圾无害化处理率分别达到100%、98%。",
        [T(100), T(98)],
    ),
    (
        "fenbie_yishang",
        "到2025年，农作物秸秆综合利用率、畜禽粪污综合利用率分别达到92%和80%以上。",
        [T(92, comparator="ge"), T(80, comparator="ge")],
    ),
    (
        "fenbie_levels",
        "到2025年，市、县城市生活污水处理率分别达到97%、95%。",
        [T(97), T(95)],
    ),
    # -- numbers in words -------------------------------------------------------------------------
    (
        "baifenzhi_jiushi",
        "到2025年，县级以上城市建成区生活垃圾分类覆盖率达到百分之九十。",
        [T(90)],
    ),
    ("jiucheng_yishang", "到2025年，农村卫生厕所普及率达到九成以上。", [T(90, comparator="ge")]),
    ("wucheng", "到2025年，秸秆离田利用比例提高到五成。", [T(50)]),
    # 翻一番 states no number: a dated commitment (a milestone), no target
    ("fanyifan", "到2025年，全市节能环保产业产值比2020年翻一番。", NONE),
    ("qianyi_tupo", "到2025年，全市节能环保产业产值突破千亿元。", [T(1000, "亿元", "ge")]),
    # -- layout of digits -------------------------------------------------------------------------
    ("fullwidth", "到２０２５年，全市工业固体废物综合利用率达到９０％。", [T(90)]),
    ("spaced_digits", "到 2025 年，城镇生活垃圾资源化利用率达到 6 0 %。", [T(60)]),
    (
        "spaced_decimal",
        "到 2 0 3 0 年，全市万元工业增加值用水量下降到 1 2 . 5 立方米。",
        [T(12.5, "立方米", target_year=2030)],
    ),
    # a table row flattened into one line: single-digit cells are no spaced number
    ("spaced_cells", "森林覆盖率 % 5 8 预期性", NONE),
    # -- ranges -----------------------------------------------------------------------------------
    ("range_emdash_count", "到2025年，建设省级循环经济示范园区5—6个。", [T(5, "个", "ge")]),
    (
        "range_percent_twice",
        "到2025年，城市生活垃圾回收利用率达到85%—90%。",
        [T(85, comparator="ge")],
    ),
    ("range_wave", "到2025年，全市建设3～5个近零碳排放示范园区。", [T(3, "个", "ge")]),
    ("range_zhi", "到2025年，建设2至3个区域性危险废物集中处置中心。", [T(2, "个", "ge")]),
    # -- units ------------------------------------------------------------------------------------
    ("permille", "到2025年，能源加工转换损失率控制在5‰以内。", [T(5, "‰", "le")]),
    (
        "ton_per_day",
        "到2025年，新增城镇污水处理能力20万吨/日。",
        [T(20, "万吨/日", kind="increment")],
    ),
    ("capacity_per_day", "到2025年，城市生活垃圾焚烧处理能力达到3000吨/日。", [T(3000, "吨/日")]),
    ("per_year", "到2025年，全市再生水利用量达到1.5亿立方米/年。", [T(1.5, "亿立方米/年")]),
    ("kg_per_mu", "到2025年，全市单位耕地面积化肥使用量降至20千克/亩。", [T(20, "千克/亩")]),
    (
        "water_per_wanyuan",
        "到2025年，万元工业增加值用水量降至15立方米/万元。",
        [T(15, "立方米/万元")],
    ),
    # -- targets that hold a trap word ------------------------------------------------------------
    ("5g_then_count", "到2025年，全市建成5G基站3000个。", [T(3000, "个")]),
    (
        "kv_then_length",
        "到2025年，完成10千伏及以下农网改造线路500公里。",
        [T(500, "公里", kind="increment")],
    ),
    (
        "threshold_then_rate",
        "到2025年，年综合能耗1万吨标准煤以上重点用能单位能耗在线监测系统接入率达到100%。",
        [T(100)],
    ),
    (
        "guimo_yishang_reduction",
        "规模以上工业企业单位增加值能耗下降13.5%。",
        [T(13.5, kind="reduction")],
    ),
    ("baiyiji_count", "到2025年，培育3个百亿级绿色产业集群。", [T(3, "个")]),
    (
        "diji_jiyishang_scope",
        "到2025年，城镇生活污水处理厂污泥无害化处置率达到95%，地级及以上城市达到98%。",
        [T(95), T(98)],
    ),
    (
        "xianji_yishang",
        "到2025年，县级以上城市空气质量优良天数比率达到90%以上。",
        [T(90, comparator="ge")],
    ),
    # -- more shapes ------------------------------------------------------------------------------
    (
        "two_levels_one_sentence",
        "到2025年，全市城市生活垃圾分类覆盖率达到100%，资源化利用率达到60%左右。",
        [T(100), T(60, comparator="approx")],
    ),
    (
        "share_of_total",
        "到2025年，新能源汽车新车销售量达到汽车新车销售总量的20%左右。",
        [T(20, comparator="approx")],
    ),
    (
        "lizheng_after_year",
        "到2025年，力争全市绿色建筑占城镇新建建筑比例达到100%。",
        [T(100, aspirational=1)],
    ),
    (
        "zhengqu_dao",
        "争取到2025年，全市林草覆盖率达到45%。",
        [T(45, aspirational=1)],
    ),
    ("meinian_yishang", "全市每年完成营造林面积10万亩以上。", [T(10, "万亩", "ge", "increment")]),
    (
        "nianjun_baifendian",
        "到2025年，全市非化石能源消费比重年均提高0.5个百分点。",
        [T(0.5, "个百分点", kind="increment")],
    ),
    ("huzhu", "到2025年，完成农村户用厕所改造5万户。", [T(5, "万户", kind="increment")]),
    (
        "zhili_area",
        "到2025年，治理水土流失面积300平方公里。",
        [T(300, "平方公里", kind="increment")],
    ),
    (
        "jieneng_liang",
        "“十四五”期间累计完成节能量100万吨标准煤。",
        [T(100, "万吨标准煤", kind="increment")],
    ),
    ("coal_approx", "到2025年，全市煤炭消费量控制在2000万吨左右。", [T(2000, "万吨", "approx")]),
    ("budgaoyu", "到2025年，全市PM2.5平均浓度不高于32微克/立方米。", [T(32, "微克/立方米", "le")]),
    ("diyu", "到2025年，城市黑臭水体比例低于10%。", [T(10, comparator="le")]),
    (
        "zhishao_count",
        "到2025年，每个县（区）至少建成1座生活垃圾焚烧处理设施。",
        [T(1, "座", "ge")],
    ),
    (
        "bi2020_points_reduction",
        "到2025年，全市煤炭消费比重比2020年下降4个百分点。",
        [T(4, "个百分点", kind="reduction", baseline_year=2020)],
    ),
    (
        "jiao2020_wandun",
        "到2025年，全市化学需氧量排放量较2020年减少1.5万吨。",
        [T(1.5, "万吨", kind="reduction", baseline_year=2020)],
    ),
    ("jianpai_liang", "到2025年，全市氨氮重点工程减排量达到0.12万吨。", [T(0.12, "万吨")]),
    ("zuoyou_count_first", "到2025年，培育30家左右绿色工厂。", [T(30, "家", "approx")]),
    (
        "yishang_share_first",
        "到2025年，全市80%以上的县（市、区）建成节水型社会。",
        [T(80, comparator="ge")],
    ),
    (
        "yue_share_first",
        "到2025年，约30%的县级及以上公共机构建成节约型机关。",
        [T(30, comparator="approx")],
    ),
    (
        "sponge_share_first",
        "到2025年，城市建成区60%以上的面积达到海绵城市建设要求。",
        [T(60, comparator="ge")],
    ),
    (
        "yearly_path",
        "全市城市生活垃圾回收利用率2022年达到35%；2023年达到40%；2025年达到45%。",
        [T(35, target_year=2022), T(40, target_year=2023), T(45)],
    ),
    # 到2025年和2030年 ... 分别达到X、Y: each value takes its year in turn
    (
        "fenbie_two_years",
        "到2025年和2030年，全市非化石能源消费比重分别达到20%和25%。",
        [T(20), T(25, target_year=2030)],
    ),
    ("slogan_quoted", "建设“一刻钟便民生活圈”100个。", [T(100, "个")]),
    (
        "megawatt_class",
        "到2025年，建设2个百万千瓦级风电基地。",
        [T(2, "个")],
    ),
    (
        "threshold_de_then_count",
        "到2025年，建设年处理能力10万吨以上的再生资源利用项目3个。",
        [T(3, "个")],
    ),
    ("eleven_counties", "2025年前，全市12个县（市、区）全部建成生活垃圾焚烧设施。", NONE),
    ("fourteen_prefectures", "到2025年，全省14个市州均建成区域性再生资源回收利用中心。", NONE),
    ("shengxiada", "到2025年，完成省下达的能耗双控目标任务。", NONE),
    ("yiji_a", "到2025年，城镇污水处理厂出水水质全部达到一级A标准。", NONE),
    ("erxing", "新建公共建筑全面执行绿色建筑二星级标准。", NONE),
    ("guoliu", "全面实施轻型车国六b排放标准。", NONE),
    ("1_plus_n", "构建碳达峰碳中和“1+N”政策体系。", NONE),
    ("3060", "围绕“3060”目标，推动能源结构调整。", NONE),
    ("4a", "创建国家4A级旅游景区。", NONE),
    ("dafeng", "力争2030年前实现碳达峰。", NONE),
    ("zhengqi", "全面淘汰10蒸吨及以下燃煤锅炉。", NONE),
    ("iii_class", "到2025年，全市地表水达到或好于Ⅲ类水体比例达到85%。", [T(85)]),
    # -- lists, subsets and shared subjects ---------------------------------------------------
    (
        "two_increments_levels",
        "到2025年，新增高标准农田30万亩，建成高效节水灌溉面积10万亩。",
        [T(30, "万亩", kind="increment"), T(10, "万亩")],
    ),
    ("fenbie_lvdi", "到2025年，全市建成区绿地率、绿化覆盖率分别达到38%、42%。", [T(38), T(42)]),
    (
        "qizhong_chengqu",
        "到2025年，清洁取暖率达到80%以上，其中城区达到100%。",
        [T(80, comparator="ge"), T(100)],
    ),
    (
        "two_rates_two_verbs",
        "到2025年，全市工业固体废物综合利用率提高到75%以上，工业用水重复利用率达到92%。",
        [T(75, comparator="ge"), T(92)],
    ),
    # 化肥、农药利用率均达到43%: the shared tail makes two indicators (化肥利用率, 农药利用率)
    (
        "jun_shared_tail",
        "到2025年，主要农作物化肥、农药利用率均达到43%以上。",
        [T(43, comparator="ge"), T(43, comparator="ge")],
    ),
    (
        "fenbie_wanqianwa",
        "到2025年，风电、光伏发电装机容量分别达到200万千瓦、300万千瓦。",
        [T(200, "万千瓦"), T(300, "万千瓦")],
    ),
    (
        "fenbie_reductions_no_year",
        "二氧化硫、氮氧化物排放量分别下降10%、12%。",
        [T(10, kind="reduction"), T(12, kind="reduction")],
    ),
    (
        "count_of_three_kinds",
        "到2025年，全市绿色食品、有机农产品和地理标志农产品认证数量达到150个。",
        [T(150, "个")],
    ),
    (
        "two_shares",
        "到2025年，全市新能源和清洁能源装机占比达到60%，发电量占比达到55%。",
        [T(60), T(55)],
    ),
    ("per_10000_people", "到2025年，全市每万人拥有公共充电桩数量达到15个。", [T(15, "个")]),
    ("zhan_bizhong", "到2025年，绿色低碳产业产值占规模以上工业总产值比重达到25%。", [T(25)]),
    (
        "stock_and_share",
        "到2025年，全市新能源汽车保有量达到10万辆以上，占汽车保有量的比例超过8%。",
        [T(10, "万辆", "ge"), T(8, comparator="ge")],
    ),
    (
        "qizhong_weikuang",
        "到2025年，一般工业固体废物综合利用率达到70%，其中尾矿综合利用率达到30%。",
        [T(70), T(30)],
    ),
    ("zhishao_each_town", "每个乡镇至少建成1个垃圾中转站。", [T(1, "个", "ge")]),
    ("guojia_shengji_list", "到2025年，建成1个国家级、3个省级绿色园区。", [T(1, "个"), T(3, "个")]),
    ("shixian_rate", "到2025年，实现秸秆综合利用率95%以上。", [T(95, comparator="ge")]),
    ("chengxiang_fenbie", "到2025年，城乡生活污水处理率分别达到97%和60%。", [T(97), T(60)]),
    (
        "fenbie_bi2020",
        "到2025年，单位地区生产总值能耗和二氧化碳排放分别比2020年下降14.5%、19.5%。",
        [
            T(14.5, kind="reduction", baseline_year=2020),
            T(19.5, kind="reduction", baseline_year=2020),
        ],
    ),
    (
        "linmu_two",
        "到2025年，全市林地保有量稳定在2200万亩，草原综合植被盖度达到58%。",
        [T(2200, "万亩"), T(58)],
    ),
    (
        "zhan_zhuang",
        "到2025年底，全市充电站数量达到300座、充电桩数量达到1万个。",
        [T(300, "座"), T(1, "万个")],
    ),
    ("baifenzhi_decimal", "到2025年，湿地保护率达到百分之五十五点五。", [T(55.5)]),
    (
        "jiao2020_water",
        "到2025年，万元地区生产总值用水量比2020年下降16%。",
        [T(16, kind="reduction", baseline_year=2020)],
    ),
    ("dazong_approx", "到2025年，大宗固废年利用量达到4000万吨左右。", [T(4000, "万吨", "approx")]),
    ("meiri", "到2025年，城市生活垃圾分类收运能力达到每日1000吨。", [T(1000, "吨")]),
    (
        "meinian_count",
        "“十四五”期间，每年实施10个以上节能降碳重点项目。",
        [T(10, "个", "ge", "increment")],
    ),
    (
        "lizheng_mid",
        "城市生活污水集中收集率力争达到70%以上。",
        [T(70, comparator="ge", aspirational=1)],
    ),
    (
        "xingji_share",
        "到2025年，城镇新建建筑全面执行绿色建筑标准，星级绿色建筑占比达到30%以上。",
        [T(30, comparator="ge")],
    ),
    (
        "gonggong_lingyu",
        "到2025年，全市公共领域新增或更新车辆中新能源汽车比例不低于80%。",
        [T(80, comparator="ge")],
    ),
    ("year_mid_subject", "全市绿色建筑占新建建筑比例2025年达到100%。", [T(100)]),
    (
        "cap_and_text",
        "全市碳排放总量控制在5000万吨以内，单位地区生产总值二氧化碳排放下降率完成省下达目标。",
        [T(5000, "万吨", "le")],
    ),
    (
        "baseline_clause",
        "到2025年，与2020年相比，单位地区生产总值二氧化碳排放下降18%，森林覆盖率达到40%。",
        [T(18, kind="reduction", baseline_year=2020), T(40)],
    ),
    (
        "baseline_clause_xiangbi",
        "相比2020年，全市万元工业增加值用水量下降20%。",
        [T(20, kind="reduction", baseline_year=2020)],
    ),
    ("wei_plain", "到2025年，全市森林覆盖率为35%。", [T(35)]),
    # -- kinds and word numbers ------------------------------------------------------------------
    ("gaizao_count", "到2025年，改造提升老旧小区300个。", [T(300, "个", kind="increment")]),
    ("wancheng_zaolin", "到2025年，完成造林绿化面积50万亩。", [T(50, "万亩", kind="increment")]),
    (
        "leiji_xinzeng",
        "“十四五”期间，全市累计新增城市绿地面积500公顷。",
        [T(500, "公顷", kind="increment")],
    ),
    ("nianjun_xinzeng", "全市年均新增造林面积8万亩。", [T(8, "万亩", kind="increment")]),
    (
        "xiajiangzhi_yixia_intensity",
        "到2025年，单位地区生产总值能耗下降至0.5吨标准煤/万元以下。",
        [T(0.5, "吨标准煤/万元", "le")],
    ),
    ("xuejian", "到2025年，全市削减化学需氧量排放量1.2万吨。", [T(1.2, "万吨", kind="reduction")]),
    ("yajian_coal", "“十四五”期间，压减煤炭消费量200万吨。", [T(200, "万吨", kind="reduction")]),
    (
        "jianshao_verb_first",
        "“十四五”期间，全市减少二氧化碳排放100万吨。",
        [T(100, "万吨", kind="reduction")],
    ),
    ("range_percent_wave", "到2025年，城市绿色出行比例达到70%～75%。", [T(70, comparator="ge")]),
    ("range_dao_count", "到2025年，建设3到5个绿色低碳示范园区。", [T(3, "个", "ge")]),
    # 两到三个 / 五至十家: a range in Chinese numerals takes its lower bound, ge
    ("cn_range_count", "到2025年，建设两到三个国家级绿色低碳示范园区。", [T(2, "个", "ge")]),
    ("cn_range_jia", "到2025年，培育五至十家绿色供应链管理示范企业。", [T(5, "家", "ge")]),
    ("cn_yu_count", "到2025年，建成十余个区域性再生资源分拣中心。", [T(10, "个", "ge")]),
    ("baifenzhibai", "到2025年，城市污水处理厂污泥无害化处置率达到百分之百。", [T(100)]),
    (
        "baifenzhi_yishang",
        "到2025年，城市生活垃圾分类覆盖率达到百分之八十以上。",
        [T(80, comparator="ge")],
    ),
    (
        "month_deadline_target",
        "到2025年6月底前，全市完成100座加油站油气回收改造。",
        [T(100, "座", kind="increment")],
    ),
    ("traditional", "到2025年，全市森林覆蓋率達到65%。", [T(65)]),
    ("year_in_brackets", "全市森林覆盖率达到35%（2025年）。", [T(35)]),
    # -- PDF text layers and more years ---------------------------------------------------------
    (
        "pdf_wrapped",
        "（二）主要目标。到 2025 年，全市绿色低碳循环发展的生\n"
        "产体系、流通体系、消费体系初步形成，城镇生活污\n"
        "水集中收集率达到 70%以上，城市生活垃圾回收利用\n"
        "率达到 35%，新建建筑中绿色建筑面积占比达到 10\n"
        "0%。\n",
        [T(70, comparator="ge"), T(35), T(100)],
    ),
    (
        "pdf_page_break",
        "（二）主要目标。到 2025 年，全市绿色低碳循环发展\n"
        "的经济体系初步形成，单位地区生产总值能耗较 2020\n"
        "年下降 14%，单位地区生产总值二氧化碳排放较 2020\n"
        "－ 3 －\n"
        "年下降 18%，非化石能源消费比重达到 20%左右，生态\n"
        "环境质量持续改善。\n",
        [
            T(14, kind="reduction", baseline_year=2020),
            T(18, kind="reduction", baseline_year=2020),
            T(20, comparator="approx"),
        ],
    ),
    (
        "three_building_shares",
        "到2025年，全市绿色建筑占新建建筑比例提高到100%，装配式建筑占新建建筑比例达到30%，"
        "星级绿色建筑占比不低于30%。",
        [T(100), T(30), T(30, comparator="ge")],
    ),
    ("shisiwu_5g_xinjian", "十四五时期，全市新建5G基站3000个。", [T(3000, "个", kind="increment")]),
    ("dao2025nianmo", "到2025年末，全市城市建成区海绵城市达标面积比例达到45%。", [T(45)]),
    ("zhi2025", "至2025年，全市农村生活污水治理率达到50%。", [T(50)]),
    ("jiezhi2025di", "截至2025年底，全市累计建成公共充电桩8000个。", [T(8000, "个")]),
    (
        "period_2021_2025",
        "2021—2025年，全市累计完成营造林100万亩。",
        [T(100, "万亩", kind="increment")],
    ),
    (
        "period_2021_2023",
        "2021-2023年，每年新增城市绿地面积50公顷以上。",
        [T(50, "公顷", "ge", "increment", target_year=2023)],
    ),
    ("history_gdp", "2020 年，全市地区生产总值达到 2000 亿元。", NONE),
    # -- a last batch, written after the fixes above, to see how far they carry -----------------
    ("huishou_liang", "到2025年，全市主要再生资源回收利用量达到300万吨。", [T(300, "万吨")]),
    ("fenbie_bus_taxi", "到2025年，全市新能源公交车、出租车占比分别达到95%和80%。", [T(95), T(80)]),
    (
        "lizheng_two",
        "力争到2025年，全市新能源装机规模突破1000万千瓦，占电力总装机比重超过50%。",
        [T(1000, "万千瓦", "ge", aspirational=1), T(50, comparator="ge", aspirational=1)],
    ),
    ("fu_zengzhang", "到2025年，农药使用量保持负增长。", NONE),
    (
        "fenshao_share",
        "到2025年，城市生活垃圾焚烧处理能力占无害化处理能力比重达到65%以上。",
        [T(65, comparator="ge")],
    ),
    (
        "jianshe_gaizao",
        "“十四五”期间，全市建设改造城市排水管网500公里。",
        [T(500, "公里", kind="increment")],
    ),
    ("year_mid_yishang", "全市湿地保护率到2025年达到52%以上。", [T(52, comparator="ge")]),
    (
        "ke_per_kwh",
        "到2025年，全市煤电机组平均供电煤耗降至300克标准煤/千瓦时以下。",
        [T(300, "克标准煤/千瓦时", "le")],
    ),
    (
        "sheng_per_day",
        "到2025年，城乡居民人均生活用水量控制在150升/日以内。",
        [T(150, "升/日", "le")],
    ),
    (
        "two_increments",
        "到2025年，新增城市停车位2万个以上，新建公共充电桩5000个。",
        [T(2, "万个", "ge", "increment"), T(5000, "个", kind="increment")],
    ),
    ("qicheng", "到2025年，全市绿色出行分担率达到七成以上。", [T(70, comparator="ge")]),
    (
        "guishang",
        "全市规上工业企业单位增加值能耗较2020年下降14%。",
        [T(14, kind="reduction", baseline_year=2020)],
    ),
    (
        "pm_and_days",
        "到2025年，大气环境质量持续改善，PM2.5浓度降至33微克/立方米，优良天数比例达到85.5%。",
        [T(33, "微克/立方米"), T(85.5)],
    ),
    (
        "soil",
        "到2025年，全市土壤安全利用率达到93%左右，重点建设用地安全利用得到有效保障。",
        [T(93, comparator="approx")],
    ),
    (
        "three_counts",
        "到2025年，建成省级以上绿色工厂25家、绿色园区3个、绿色供应链企业5家。",
        [T(25, "家"), T(3, "个"), T(5, "家")],
    ),
    ("zengzhang_kongzhi", "到2025年，全市能源消费总量增长控制在省下达目标内。", NONE),
    # a 2030 goal against 2005 (the national commitments' base year) is a goal, not a report
    (
        "base_2005",
        "到2030年，全市单位GDP二氧化碳排放比2005年下降65%以上。",
        [T(65, comparator="ge", kind="reduction", target_year=2030, baseline_year=2005)],
    ),
    (
        "four_emissions",
        "到2025年，全市化学需氧量、氨氮、氮氧化物、挥发性有机物重点工程减排量分别达到1.2万吨、"
        "0.1万吨、0.8万吨和0.5万吨。",
        [T(1.2, "万吨"), T(0.1, "万吨"), T(0.8, "万吨"), T(0.5, "万吨")],
    ),
    (
        "car_output",
        "到2025年，全市新能源汽车产量达到10万辆，产值突破500亿元。",
        [T(10, "万辆"), T(500, "亿元", "ge")],
    ),
    ("meinian_road", "全市每年建设改造农村公路300公里以上。", [T(300, "公里", "ge", "increment")]),
    ("yueshuxing", "全市森林覆盖率达到36.5%（约束性）。", [T(36.5)]),
    ("xiada_weight", "到2025年，可再生能源电力消纳责任权重完成国家下达的目标。", NONE),
    (
        "two_mines",
        "到2025年，国家级绿色矿山达到15座，省级绿色矿山达到40座以上。",
        [T(15, "座"), T(40, "座", "ge")],
    ),
    (
        "road_density",
        "到2025年，城市建成区平均路网密度达到8公里/平方公里。",
        [T(8, "公里/平方公里")],
    ),
    (
        "park_per_person",
        "到2025年，全市人均公园绿地面积达到15平方米以上。",
        [T(15, "平方米", "ge")],
    ),
    ("baochi_100", "到2025年全市城镇新建建筑节能标准执行率保持100%。", [T(100)]),
    ("year_after_region", "全市2025年森林蓄积量达到3000万立方米。", [T(3000, "万立方米")]),
    (
        "leiji_bracket",
        "单位地区生产总值能耗下降13.5%（“十四五”累计）。",
        [T(13.5, kind="reduction")],
    ),
    ("list_batch", "公布国家级绿色工厂名单（第五批）。", NONE),
    ("jin3nian", "近3年累计投入资金10亿元。", NONE),
    # -- sizes that pick the entities a target is about ------------------------------------------
    ("size_buildings", "推动单体规模2万平方米以上公共建筑开展能耗监测。", NONE),
    ("size_boilers", "2023年底前，10蒸吨及以上燃煤锅炉全部完成超低排放改造。", NONE),
    ("size_units", "推动30万千瓦及以上煤电机组实施节能降碳改造。", NONE),
    (
        "size_farms_then_rate",
        "到2025年，存栏300头以上规模养殖场粪污处理设施装备配套率达到97%。",
        [T(97)],
    ),
    ("size_wind", "新建单机5兆瓦以上风电机组。", NONE),
    ("size_project_de", "支持年产10万吨以上的再生资源加工利用项目。", NONE),
    ("size_investment", "对总投资5000万元以上项目实行节能审查。", NONE),
    # a verb of work before the size measures the work: a target
    (
        "size_of_work",
        "到2025年，完成100万平方米以上既有建筑节能改造。",
        [T(100, "万平方米", "ge", "increment")],
    ),
    ("size_vehicles", "推动4.5吨以上重型柴油货车淘汰更新。", NONE),
    # -- a held-out batch, written last ----------------------------------------------------------
    (
        "three_agri_rates",
        "到2025年，全市秸秆综合利用率稳定在92%以上，畜禽粪污综合利用率达到80%以上，农膜回收率达到85%。",
        [T(92, comparator="ge"), T(80, comparator="ge"), T(85)],
    ),
    (
        "retrofit_area",
        "到2025年，全市完成既有公共建筑节能改造50万平方米。",
        [T(50, "万平方米", kind="increment")],
    ),
    (
        "share_then_points",
        "到2025年，全市清洁能源消费占比达到50%，较2020年提高8个百分点。",
        [T(50), T(8, "个百分点", kind="increment", baseline_year=2020)],
    ),
    (
        "bod",
        "到2025年，城市污水处理厂平均进水BOD浓度达到100毫克/升以上。",
        [T(100, "毫克/升", "ge")],
    ),
    (
        "jiezhi_future",
        "截至2022年底，全市累计建成充电桩3000个。",
        [T(3000, "个", target_year=2022)],
    ),
    (
        "year_2022_new",
        "2022年全市新增光伏装机20万千瓦。",
        [T(20, "万千瓦", kind="increment", target_year=2022)],
    ),
    (
        "benchmark_share",
        "到2025年，全市高耗能行业重点领域能效达到标杆水平的产能比例超过30%。",
        [T(30, comparator="ge")],
    ),
    (
        "qizhong_county",
        "到2025年，全市城镇生活污水处理率达到95%以上，其中县城达到92%以上。",
        [T(95, comparator="ge"), T(92, comparator="ge")],
    ),
    ("gongyou_areas", "全市共有各类自然保护地56处，总面积120万公顷。", NONE),
    ("shisanwumo", "“十三五”末，全市森林覆盖率达到60%。", NONE),
    (
        "year_bare_reduction",
        "2025年，单位GDP能耗比2020年下降14.5%。",
        [T(14.5, kind="reduction", baseline_year=2020)],
    ),
    (
        "zhengqu_chuangjian",
        "到2025年，争取创建国家生态文明建设示范县2个。",
        [T(2, "个", kind="increment", aspirational=1)],
    ),
    ("water_two", "到2025年，全市农村集中供水率达到90%、自来水普及率达到88%。", [T(90), T(88)]),
    # -- more that must give nothing -------------------------------------------------------------
    ("xianyou_two", "全市现有国家级绿色工厂15家，省级绿色工厂42家。", NONE),
    ("shisanwu_yilai", "“十三五”以来，累计淘汰落后产能300万吨。", NONE),
    ("yu2015_past", "与2015年相比，全市单位GDP能耗下降了18.2%。", NONE),
    ("le_past", "全市单位地区生产总值能耗累计降低了17%，超额完成目标。", NONE),
    ("le_past_built", "全市建成了国家级绿色矿山12座。", NONE),
    ("zuowei", "将生态环境质量作为3项约束性指标之一。", NONE),
    ("deadline_month", "各县（市、区）要于2022年6月底前完成方案编制。", NONE),
    ("meinian_month", "每年6月开展节能宣传周活动。", NONE),
    ("qiancun", "实施“千村示范、万村整治”工程。", NONE),
    ("shige_yi", "落实“十个一”工程。", NONE),
    ("plan_title", "落实《临江市国土空间总体规划（2021—2035年）》。", NONE),
    ("gongyou", "全市共有规模以上工业企业1200家。", NONE),
    ("qizhong_fact", "其中，年综合能耗万吨标准煤以上企业68家。", NONE),
    ("kv_and_above", "加强220千伏及以上输电线路建设。", NONE),
    ("gb_standard", "按照《绿色工厂评价通则》（GB/T 36132-2018）开展评价。", NONE),
    ("gb_standard_plain", "执行《公共建筑节能设计标准》GB 50189-2015。", NONE),
    ("iso", "推动企业开展ISO 14001环境管理体系认证。", NONE),
    ("unit_class", "淘汰单机容量60万千瓦级以下燃煤机组。", NONE),
    ("peak_neutral", "确保2030年前碳达峰、2060年前碳中和。", NONE),
    ("huafen_wei", "全市划分为3个片区推进试点。", NONE),
    ("shejian", "试点涉及12个县区。", NONE),
    ("zhan_quansheng", "全市森林面积占全省的15%。", NONE),
    ("quanbu_gaizao", "2022年底前，完成全部公共机构节能改造。", NONE),
    ("quanmian_wancheng", "力争2024年底前全面完成“煤改电”工程。", NONE),
    ("budiyu_pingjun", "全市城镇化率不低于全省平均水平。", NONE),
    ("erji_biaozhun", "环境空气质量达到国家二级标准。", NONE),
    ("shushige", "建成数十个绿色低碳示范项目。", NONE),
    ("yipi", "到2025年，建成一批绿色工厂和绿色园区。", NONE),
    ("from_date", "本方案自2022年3月1日起施行。", NONE),
    ("month_deadline", "2022年3月底前完成摸底调查。", NONE),
    ("zip", "通讯地址：临江市人民路1号，邮编：730000。", NONE),
    ("fujian", "附件：1.重点任务分工表", NONE),
    ("fund_size", "设立规模10亿元的绿色发展基金。", NONE),
    ("subsidy_max", "对每个项目给予最高500万元奖补。", NONE),
    ("subsidy_once", "对获评国家级绿色工厂的企业给予一次性奖励50万元。", NONE),
    ("target_not_number", "到2025年，全市PM2.5浓度控制在省下达目标以内。", NONE),
    ("share_property_threshold", "推广再生材料含量30%以上的产品。", NONE),
    ("share_property_threshold_de", "到2025年，全市能效提升20%以上的项目获得优先支持。", NONE),
    ("xingzhengcun", "农村生活垃圾收运处置体系覆盖所有行政村。", NONE),
    # -- no target ------------------------------------------------------------------------------
    (
        "wenhao",
        "根据《国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见》（国发〔2021〕4号）精神，"
        "结合我市实际，制定本方案。",
        NONE,
    ),
    ("wenhao_city", "临江市人民政府办公室关于印发实施方案的通知（临政办发〔2022〕33号）", NONE),
    ("date", "2021年9月，市人民政府印发实施方案。", NONE),
    ("date_full", "本方案自2022年1月1日起施行，有效期5年。", NONE),
    ("kv", "加快建设110千伏输变电工程，推进10千伏配电网改造。", NONE),
    ("5g", "加快5G基站建设，推动千兆光网覆盖。", NONE),
    ("pm25", "加强PM2.5和臭氧协同控制。", NONE),
    ("liangwangronghe", "推进城市环卫与再生资源回收“两网融合”。", NONE),
    ("3nian_xingdong", "实施塑料污染治理3年行动。", NONE),
    ("sannian_xingdong", "实施城市更新三年行动，开展“十大工程”建设。", NONE),
    ("di14ge_wunian", "编制国民经济和社会发展第14个五年规划。", NONE),
    ("di_shisi_ge_wunian", "全面落实国民经济和社会发展第十四个五年规划纲要。", NONE),
    ("title_period", "临江市“十四五”节能减排综合工作方案（2021—2025年）", NONE),
    (
        "shisanwu_achievement",
        "十三五期间，全市单位地区生产总值能耗累计下降了16.8%。",
        NONE,
    ),
    ("already_reached", "全市森林覆盖率已达到62%。", NONE),
    ("jiezhi2020", "截至2020年底，全市累计建成充电桩1200个。", NONE),
    ("past_value_alone", "2020年全市非化石能源消费比重为18%。", NONE),
    ("threshold_entities", "全市年综合能耗5000吨标准煤以上企业全部纳入能耗在线监测。", NONE),
    ("threshold_de", "对年综合能耗1万吨标准煤以上的重点用能单位开展节能审查。", NONE),
    ("threshold_units", "2023年前，淘汰单机容量30万千瓦以下的燃煤机组。", NONE),
    ("guimo_yishang_plain", "规模以上工业企业全部建立能源管理体系。", NONE),
    ("xianji_yishang_milestone", "2023年前，全市县级以上城市建成区基本消除黑臭水体。", NONE),
    ("qianyiji", "培育壮大新能源、新材料等千亿级产业集群。", NONE),
    ("baiyiji", "打造百亿级绿色食品产业集群。", NONE),
    ("slogan_count", "坚持“四个不摘”，落实“两个维护”。", NONE),
    ("slogan_yiyuanyice", "推行“一园一策”“一企一档”管理。", NONE),
    ("list_count", "聚焦电力、钢铁、建材、化工4个重点行业开展节能改造。", NONE),
    ("phone", "联系电话：0931-8123456。", NONE),
    (
        "article_ref",
        "依据《中华人民共和国节约能源法》第15条规定，实行固定资产投资项目节能审查。",
        NONE,
    ),
    # -- numbers that are no target, whatever the document (issue 18) -------------------------
    ("grant_once", "对新认定的国家级绿色工厂，给予一次性奖励50万元。", NONE),
    ("subsidy_cap", "单个项目补助资金最高不超过300万元。", NONE),
    # A requirement on what an applicant's project reaches, not the region's goal.
    ("after_completion", "项目完成后，企业单位产品综合能耗下降15%以上。", NONE),
    ("applicant_share", "申报单位上年度研发投入占营业收入比重不低于3%。", NONE),
    ("forecast", "预计到2025年，全市光伏装机容量达到120万千瓦。", NONE),
    ("already_passed", "全市新能源汽车保有量已突破12万辆。", NONE),
    # The country's figure quoted beside the city's own: only the city's is its target.
    (
        "national_beside_own",
        "到2025年，全国非化石能源消费比重达到20%左右，全市达到18%。",
        [T(18)],
    ),
    ("named_projects", "加快建设北坡风电（10万千瓦）、南山光伏（5万千瓦）等项目。", NONE),
    ("project_size_tail", "推进临江化工园区年产20万吨废塑料再生利用项目。", NONE),
    ("standard_code_year", "出水水质达到《城镇污水处理厂污染物排放标准》（DB12/599-2015）。", NONE),
    ("count_of_industrial_bases", "到2025年，建设10个工业资源综合利用基地。", [T(10, "个")]),
    ("examples_then_count", "到2025年，建成滨江公园、临湖公园等30个综合公园。", [T(30, "个")]),
    ("trillion_yuan", "到2025年，全市数字经济规模达到1.2万亿元。", [T(1.2, "万亿元")]),
    # -- years and periods (issue 18) ------------------------------------------------------------
    (
        "two_periods_each",
        "“十四五”、“十五五”期间，全市分别新增造林面积12万亩、15万亩。",
        [T(12, "万亩", kind="increment"), T(15, "万亩", kind="increment", target_year=2030)],
    ),
    ("period_amount", "“十四五”期间全市营造林8万亩。", [T(8, "万亩", kind="increment")]),
    # A period in a clause of its own may lead a stock to keep: 全面保护…5600万亩 is a level.
    ("period_lead_keeps_level", "“十四五”期间，全面保护全市120万亩公益林。", [T(120, "万亩")]),
    ("increase_by", "到2025年，全市电力装机增加60万千瓦。", [T(60, "万千瓦", kind="increment")]),
    # 到2030年 opening a paragraph governs its later sentences, 比2005年 included.
    (
        "lead_year_governs",
        "到2030年，全市绿色转型取得显著成效。单位地区生产总值二氧化碳排放比2005年下降65%以上；"
        "非化石能源消费比重达到25%左右。",
        [
            T(65, comparator="ge", kind="reduction", target_year=2030, baseline_year=2005),
            T(25, comparator="approx", target_year=2030),
        ],
    ),
    (
        "lead_year_ends_with_paragraph",
        "到2030年，全市绿色转型取得显著成效。\n全市森林覆盖率达到40%。",
        [T(40)],
    ),
    (
        "lead_year_until_next",
        "到2030年，全市绿色转型取得显著成效。2027年底前，建成充电桩5000个。全市森林覆盖率达到40%。",
        [T(5000, "个", target_year=2027), T(40)],
    ),
    # -- a verbless clause of counts after a clause that builds, two quantities of one noun ----
    # 新建X9座，一级…11处、二级…4处: the counts are built too (the verb of the clause before)
    (
        "built_then_counts",
        "到2025年，新建垃圾转运站9座，一级环卫驿站11处、二级环卫驿站4处。",
        [T(9, "座", kind="increment"), T(11, "处", kind="increment"), T(4, "处", kind="increment")],
    ),
    ("jiancheng_then_counts", "建成污水处理厂3座，配套泵站12座。", [T(3, "座"), T(12, "座")]),
    # a fact about today after the clause that builds stays no target
    ("built_then_present", "新建公园5个，现有绿道100公里。", [T(5, "个", kind="increment")]),
    # 15条120公里绿道: a count and a length of the same roads, both targets; the roads named
    # before 等 are examples, not what 15 counts
    (
        "count_and_length_of_one_noun",
        "到2025年，建设滨河路、环城路等15条120公里绿道。",
        [T(15, "条"), T(120, "公里")],
    ),
    # no year: the second list of roads is built as well (the verb of the clause before)
    (
        "two_road_lists_one_verb",
        "建设滨河路、环城路等15条120公里绿道，东湖路、西湖路等8条50公里慢行道。",
        [T(15, "条"), T(120, "公里"), T(8, "条"), T(50, "公里")],
    ),
    # a number that counts the list right before it is still no target
    ("counts_its_list", "钢铁、焦化、水泥3个行业完成超低排放改造。", NONE),
    # -- the genres of issue 18 (sector plans, work plans, decisions) ---------------------------
    # an investment is what a plan puts in, not a result: no target, whatever its verb
    (
        "grid_investment",
        "“十四五”期间，特高压电网投资约75亿元，220千伏电网投资约74.9亿元。",
        NONE,
    ),
    ("total_investment_of_works", "到2025年，配电网建设改造总投资约385亿元。", NONE),
    # money that measures an output or a stock the region reaches is a target
    ("industry_scale_money", "力争形成10亿元氢能产业规模。", [T(10, "亿元", aspirational=1)]),
    ("green_credit_balance", "到2025年，全市绿色信贷余额达到1000亿元。", [T(1000, "亿元")]),
    # 重点 before the action says how the work is done; each count takes the noun after its
    # 左右, and no item takes the noun of the next one
    (
        "zhongdian_counts_with_zuoyou",
        "到2025年，全省重点创建50家左右智能制造标杆企业、200个左右智能制造标杆车间。",
        [T(50, "家", "approx", "increment"), T(200, "个", "approx", "increment")],
    ),
    # the pool selected from (在/从…中) is no target; the count selected is
    (
        "selection_from_pool",
        "每年优先从省级及以上产业园区中选择10家以上园区开展绿色园区创建。",
        [T(10, "家", "ge", "increment")],
    ),
    (
        "selection_pool_counted",
        "每年在5个重点行业和22条产业链中遴选100家以上企业开展绿色工厂创建。",
        [T(100, "家", "ge", "increment")],
    ),
    ("selection_pool_only", "从全省12条产业链中遴选企业开展示范。", NONE),
    # a transformer capacity in 万千伏安 and the length of the lines of one programme: two
    # targets; the voltage class (500千伏) is part of the name
    (
        "substation_capacity_and_lines",
        "“十四五”期间，新增500千伏变电容量1800万千伏安、线路长度470公里。",
        [T(1800, "万千伏安", kind="increment"), T(470, "公里", kind="increment")],
    ),
    # a fraction in Chinese numerals is a share: 三分之一 is 100/3 %
    ("sanfenzhiyi", "力争外受电比重超过三分之一。", [T(100 / 3, "%", "ge", aspirational=1)]),
    ("qianfenzhi_no_share", "确保千分之三的企业完成改造。", NONE),
    # a count in Chinese numerals after 形成 and a short modifier with 的
    ("xingcheng_qige", "到2025年，电网形成相对独立的七个供电分区。", [T(7, "个")]),
    # a distance that draws a zone locates the measure; 净零排放 is no zero
    ("zone_distance", "全面完成沿江岸线1公里范围内化工生产企业搬迁改造任务。", NONE),
    ("net_zero_no_zero", "推动实施一批碳捕集利用与封存等净零排放示范工程。", NONE),
    # 总装机容量 is the region's whole capacity; 新增装机 alone says nothing of what
    ("zong_zhuangji", "到2025年底，总装机容量达到2600万千瓦左右。", [T(2600, "万千瓦", "approx")]),
    ("xinzeng_zhuangji_alone", "到2025年，新增装机40万千瓦。", NONE),
    # 控制在X is a ceiling; 控制在X左右 stays about
    ("kongzhizai_bare", "到2025年，全市煤炭消费量控制在0.2亿吨。", [T(0.2, "亿吨", "le")]),
    # a standard's code, its letters wrapped onto the line before, is no value
    (
        "standard_code_wrapped",
        "建议参考临江市《低碳企业评价指南》DB 11/T\n1370-2016、《绿色企业评价规范》DB11/T\n"
        "1558-2018相应内容提高要求执行。",
        NONE,
    ),
    # 近零排放 names a class of zones, no zero
    ("near_zero_no_zero", "到2025年，全市建成一批近零排放示范区。", NONE),
    # a size closed by 及以上的 before the firms it names picks out whom a duty binds
    (
        "selects_firms_far_verb",
        "到2025年，年排放量达2.6万吨二氧化碳当量（或综合能源消费量1万吨标准煤）及以上的"
        "钢铁、建材企业全部纳入监测。",
        NONE,
    ),
    (
        "share_of_firms_stays",
        "到2025年，80%以上的县级及以上党政机关达到节约型机关创建要求。",
        [T(80, comparator="ge")],
    ),
    # a share before the capacity it sizes is a target named by that noun; before an entity
    # it selects (含量30%以上的产品)
    (
        "share_sizes_capacity",
        "到2030年，全市电网具备5%左右的尖峰负荷响应能力。",
        [T(5, comparator="approx", target_year=2030)],
    ),
    ("share_selects_products", "到2025年，推广再生材料含量30%以上的产品。", NONE),
    # 力争 before the verb of a list of counts hopes for every item of the list
    (
        "lizheng_list_of_counts",
        "力争培育10家省级创新中心，5家检验检测平台，5家新型研发机构。",
        [T(n, "家", aspirational=1) for n in (10, 5, 5)],
    ),
    (
        "lizheng_not_next_subject",
        "到2025年，力争培育10家省级创新中心，绿色工厂达到50家。",
        [T(10, "家", aspirational=1), T(50, "家", aspirational=0)],
    ),
]


def run(text: str):
    targets, _ = extract(text, CONTEXT)
    for t in targets:
        assert text[t.char_start : t.char_end] == t.quote
    return targets


def mismatch(text: str, expected: list[T]) -> str:
    """'' when the targets of `text` are the expected ones in order, else what differs."""
    got = run(text)
    rows = [
        (t.value, t.unit, t.comparator, t.kind, t.target_year, t.baseline_year, t.aspirational)
        for t in got
    ]
    if len(got) != len(expected):
        return f"expected {len(expected)} targets, got {rows} ({[t.indicator_zh for t in got]})"
    for t, e, row in zip(got, expected, rows, strict=True):
        want = (
            e.value,
            e.unit,
            e.comparator,
            e.kind,
            e.target_year,
            e.baseline_year,
            e.aspirational,
        )
        if any(w is not ANY and w != g for w, g in zip(want, row, strict=True)):
            return f"expected {want}, got {row} ({t.indicator_zh})"
    return ""


# Cases the extractor does not read yet, name -> why (strict xfail: a fix must remove the entry).
# Empty since the fixes of this sweep; a new case that fails goes here only if its fix is risky.
XFAIL: dict[str, str] = {}


def _param(name: str, text: str, expected: list[T]):
    marks = [pytest.mark.xfail(reason=XFAIL[name], strict=True)] if name in XFAIL else []
    return pytest.param(text, expected, id=name, marks=marks)


@pytest.mark.parametrize("text, expected", [_param(*c) for c in CASES])
def test_sweep(text, expected):
    problem = mismatch(text, expected)
    assert not problem, problem


def test_the_sweep_holds_what_the_docs_say_and_each_case_once():
    # docs/extractor.md tells readers how many sentences the sweep holds: a case lost (or added)
    # without saying so makes that figure wrong
    docs = (paths.ROOT / "docs" / "extractor.md").read_text(encoding="utf-8")
    stated = re.search(r"`tests/test_policy_sweep.py`\s+holds (\d+) sentences", docs)
    assert stated and len(CASES) == int(stated[1])
    assert len({c[0] for c in CASES}) == len(CASES)
    assert len({c[1] for c in CASES}) == len(CASES)


def test_doubling_is_a_milestone_not_a_target():
    targets, milestones = extract("到2025年，全市节能环保产业产值比2020年翻一番。", CONTEXT)
    assert targets == []
    assert [(m.commitment_zh, m.target_year) for m in milestones] == [("翻一番", 2025)]


def test_yuewei_leaves_neither_word_in_the_name():
    (t,) = extract("到2025年，全市一般工业固体废物综合利用率约为60%。", CONTEXT)[0]
    assert (t.indicator_zh, t.comparator) == ("一般工业固体废物综合利用率", "approx")
