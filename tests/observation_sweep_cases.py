"""A development sweep of observations: measured past or current values, as bulletins, work
reports and the reviews that open later plans state them.

Every sentence here was written for this sweep in the shapes of the genre (统计公报, 政府工作报告,
the "十三五"时期 / 发展基础 review of a 十四五 plan); none is copied from the corpus, and the
numbers are invented (plausible, not true). Each case lists the observations a careful labeller
would take from it, in text order, or none at all.

`Case(text, doc_year, doc_kind, region, expected)`:
- `doc_year`: the year the document reports on. A 2024 bulletin: 2024. A work report is dated
  by the year it reviews: the report delivered in January 2024 about 2023 has doc_year 2023, so
  its 过去一年 / 去年 are 2023 and its 今年 (2024) is the year of its targets. A 十四五 plan
  issued in 2021 has doc_year 2021 and its review's "十三五" is 2015-2020.
- `doc_kind`: "bulletin" (statistical bulletins and news of them), "work_report" or "plan".
- `region`: the document's region.
- `expected`: tuples `(indicator_fragment, value, unit, comparator, year, kind, baseline_year,
  region_zh, scope_zh)`, following "What observation gold columns mean" in
  /work/shared/corpus/README.md:
  * indicator_fragment: a short substring the indicator name must contain;
  * value: positive, as written; unit as written ('' for a pure ratio, coefficient or index);
  * comparator: eq (为 / 达到 / 降至 / bare), ge (超过 / 以上 / 突破 / 逾 / X余), le (不足 /
    不到), approx (约 / 近 / 左右);
  * kind: "level" (a state in a year: a rate, share, stock, count, or a year's flow such as
    地区生产总值 or 发电量) or "change" (比上年增长 / 下降, 同比, 新增 / 完成 / 淘汰 in a
    period, 累计下降, 年均增长, 提高X个百分点, 增长X倍);
  * year: the year the value refers to (a change: its end year);
  * baseline_year: a change's start (比上年 / 同比 / 全年新增 -> the year before; "十三五" /
    五年累计 / 比2015年 -> 2015; 过去五年 in a report on 2022 -> 2017); None for a level;
  * region_zh: the document's region unless the clause names another region that is not part
    of it (全国, the province named in a city's document; 全省 in a city's document is the
    city's province). A city named inside a province's document is a sub-area: scope_zh;
  * scope_zh: '' or the sub-area / subset of entities, as written.

Conventions decided for this sweep (a reader could hesitate; each is repeated at its cases).
Where tests/gold/observations_*_gold.csv already decides a question, the sweep follows it:
- A bare 增长 / 下降 in a bulletin is against the year before, whether or not 比上年 was
  written earlier in the paragraph (a bulletin's growth rates are year on year by definition).
- A value over part of the year (1—3月, 一季度, 前三季度) keeps the bulletin's year and writes
  the period in scope_zh (1—3月 as "1-3月", as the gold does): it must not pass for the year.
- A gap to another region's average or to the long-term normal (降幅高于全国平均水平1.8个百分点,
  低于全省平均水平2微克/立方米, 比常年偏多9.2%) is an observation of the document's region,
  the comparison kept in the name (the gold labels 比全国多降2.3个百分点 so); a gap between
  declines is a change, a gap between levels a level.
- A count that only sizes a scope (全省11个设区市, 13个设区城市) is no value, but stays in
  scope_zh as written (scope "13个设区城市", as the gold's "5个地级城市").
- The monitored set of sections (国控断面, 国考断面) is a scope, as in the gold.
- Scope stays '' when the words are the indicator's own definition: 城市建成区绿化覆盖率,
  规模以上工业增加值 / 单位增加值能耗 (standard statistical indicators), and for 其中-items
  that are indicators of their own (农业用水量, 人工造林, 风电装机).
- A scope set in one sentence of a bulletin paragraph carries to the next sentence that goes
  on with the same measurements (安徽 地级及以上城市 ... PM2.5 ...).
- 累计建成 / 累计创建 at a date (截至2020年底) is a stock: level. 累计新增 / 累计淘汰 / 完成造林
  over a period is a change.
- Traditional characters and full-width forms: units are given in their simplified,
  half-width form (萬千瓦 -> 万千瓦, ％ -> %), as the target extractor already gives them;
  indicator fragments use only characters that are the same in both scripts / widths, so a
  case holds whether names are kept as written or normalized.
- 目前 in a 十四五 plan's review: the end of 十三五, 2020 (as the gold reads it).
- 预计 (an estimate), 计划, 要, 确保, 力争, 到2025年 and a work report's 今年 / 预期目标 are not
  observations.
- A headline round figure and the exact one in the same clause (突破3000万千瓦，达到3018万千瓦)
  are both written claims: both are listed.
- A negative growth in a table column (-12.3 under 比上年增长(%)) is a change of 12.3 (value
  positive, the direction read from the sign; the extractor must keep it in the indicator).
"""

from __future__ import annotations

from typing import NamedTuple


class Case(NamedTuple):
    text: str
    doc_year: int
    doc_kind: str  # "bulletin" | "work_report" | "plan"
    region: str
    expected: list[tuple]


CASES: list[Case] = [
    # == Bulletin: 地区生产总值 and other economic totals with their growth ===================
    Case(
        "初步核算，全年全省地区生产总值44128.7亿元，按不变价格计算，比上年增长5.6%。",
        2023,
        "bulletin",
        "河北省",
        [
            ("地区生产总值", 44128.7, "亿元", "eq", 2023, "level", None, "河北省", ""),
            ("地区生产总值", 5.6, "%", "eq", 2023, "change", 2022, "河北省", ""),
        ],
    ),
    # 其中 sub-items: each industry is an indicator of its own; bare 增长 is still vs 上年
    Case(
        "全年全市实现地区生产总值5502.69亿元，比上年增长6.1%。其中，第一产业增加值582.3亿元，"
        "增长4.3%；第二产业增加值2401.5亿元，增长7.2%；第三产业增加值2518.9亿元，增长5.4%。",
        2022,
        "bulletin",
        "宜昌市",
        [
            ("地区生产总值", 5502.69, "亿元", "eq", 2022, "level", None, "宜昌市", ""),
            ("地区生产总值", 6.1, "%", "eq", 2022, "change", 2021, "宜昌市", ""),
            ("第一产业", 582.3, "亿元", "eq", 2022, "level", None, "宜昌市", ""),
            ("第一产业", 4.3, "%", "eq", 2022, "change", 2021, "宜昌市", ""),
            ("第二产业", 2401.5, "亿元", "eq", 2022, "level", None, "宜昌市", ""),
            ("第二产业", 7.2, "%", "eq", 2022, "change", 2021, "宜昌市", ""),
            ("第三产业", 2518.9, "亿元", "eq", 2022, "level", None, "宜昌市", ""),
            ("第三产业", 5.4, "%", "eq", 2022, "change", 2021, "宜昌市", ""),
        ],
    ),
    # 规模以上工业增加值 is a standard indicator: scope ''
    Case(
        "全年全省规模以上工业增加值比上年增长7.9%，其中高技术制造业增加值增长12.4%。",
        2023,
        "bulletin",
        "江西省",
        [
            ("规模以上工业增加值", 7.9, "%", "eq", 2023, "change", 2022, "江西省", ""),
            ("高技术制造业", 12.4, "%", "eq", 2023, "change", 2022, "江西省", ""),
        ],
    ),
    # no 比上年 written at all: a bulletin's 增长 is year on year
    Case(
        "全年全市实现地区生产总值4015.1亿元，增长6.3%。",
        2023,
        "bulletin",
        "湖州市",
        [
            ("地区生产总值", 4015.1, "亿元", "eq", 2023, "level", None, "湖州市", ""),
            ("地区生产总值", 6.3, "%", "eq", 2023, "change", 2022, "湖州市", ""),
        ],
    ),
    Case(
        "全年全市一般公共预算收入298.6亿元，同口径增长6.9%。",
        2023,
        "bulletin",
        "赣州市",
        [
            ("一般公共预算收入", 298.6, "亿元", "eq", 2023, "level", None, "赣州市", ""),
            ("一般公共预算收入", 6.9, "%", "eq", 2023, "change", 2022, "赣州市", ""),
        ],
    ),
    # a nominal and a real growth of the same indicator: two changes
    Case(
        "全年全省居民人均可支配收入26937元，比上年增长5.0%，扣除价格因素实际增长3.1%。",
        2022,
        "bulletin",
        "云南省",
        [
            ("人均可支配收入", 26937, "元", "eq", 2022, "level", None, "云南省", ""),
            ("人均可支配收入", 5.0, "%", "eq", 2022, "change", 2021, "云南省", ""),
            ("人均可支配收入", 3.1, "%", "eq", 2022, "change", 2021, "云南省", ""),
        ],
    ),
    # == Bulletin: 年末 / 全年 levels ============================================================
    Case(
        "年末全市森林覆盖率为76.3%，比上年末提高0.2个百分点。",
        2023,
        "bulletin",
        "赣州市",
        [
            ("森林覆盖率", 76.3, "%", "eq", 2023, "level", None, "赣州市", ""),
            ("森林覆盖率", 0.2, "个百分点", "eq", 2023, "change", 2022, "赣州市", ""),
        ],
    ),
    Case(
        "年末全省森林面积1.97亿亩，森林覆盖率59.98%。",
        2022,
        "bulletin",
        "湖南省",
        [
            ("森林面积", 1.97, "亿亩", "eq", 2022, "level", None, "湖南省", ""),
            ("森林覆盖率", 59.98, "%", "eq", 2022, "level", None, "湖南省", ""),
        ],
    ),
    Case(
        "全年全省水资源总量968.4亿立方米，比上年减少8.7%。",
        2023,
        "bulletin",
        "贵州省",
        [
            ("水资源总量", 968.4, "亿立方米", "eq", 2023, "level", None, "贵州省", ""),
            ("水资源总量", 8.7, "%", "eq", 2023, "change", 2022, "贵州省", ""),
        ],
    ),
    # the year's new work (完成造林) is a change; 其中 人工造林 is its own indicator
    Case(
        "全年完成植树造林面积13.8万公顷，其中人工造林9.6万公顷。",
        2022,
        "bulletin",
        "广西壮族自治区",
        [
            ("造林", 13.8, "万公顷", "eq", 2022, "change", 2021, "广西壮族自治区", ""),
            ("人工造林", 9.6, "万公顷", "eq", 2022, "change", 2021, "广西壮族自治区", ""),
        ],
    ),
    Case(
        "年末全省共有自然保护区165个，其中国家级自然保护区32个；自然保护区面积830.6万公顷。",
        2023,
        "bulletin",
        "四川省",
        [
            ("自然保护区", 165, "个", "eq", 2023, "level", None, "四川省", ""),
            ("国家级自然保护区", 32, "个", "eq", 2023, "level", None, "四川省", ""),
            ("自然保护区面积", 830.6, "万公顷", "eq", 2023, "level", None, "四川省", ""),
        ],
    ),
    # 城市建成区绿化覆盖率: 建成区 is the indicator's own denominator, scope ''
    Case(
        "年末城市建成区绿化覆盖率42.8%，人均公园绿地面积14.6平方米。",
        2023,
        "bulletin",
        "绵阳市",
        [
            ("绿化覆盖率", 42.8, "%", "eq", 2023, "level", None, "绵阳市", ""),
            ("公园绿地面积", 14.6, "平方米", "eq", 2023, "level", None, "绵阳市", ""),
        ],
    ),
    Case(
        "全年城市污水处理率达到98.1%，生活垃圾无害化处理率100%。",
        2022,
        "bulletin",
        "芜湖市",
        [
            ("污水处理率", 98.1, "%", "eq", 2022, "level", None, "芜湖市", ""),
            ("无害化处理率", 100, "%", "eq", 2022, "level", None, "芜湖市", ""),
        ],
    ),
    # 比常年偏多: a gap to the long-term normal in that year, as a gap to 全国 is: a level (no
    # baseline year: 常年 is no year), the comparison kept in the name
    Case(
        "全年全区平均降水量165毫米，比常年偏多9.2%。",
        2023,
        "bulletin",
        "新疆维吾尔自治区",
        [
            ("降水量", 165, "毫米", "eq", 2023, "level", None, "新疆维吾尔自治区", ""),
            ("常年", 9.2, "%", "eq", 2023, "level", None, "新疆维吾尔自治区", ""),
        ],
    ),
    # == Bulletin: energy and water intensity, 比上年下降 =====================================
    Case(
        "全年万元地区生产总值能耗比上年下降3.6%。",
        2023,
        "bulletin",
        "浙江省",
        [
            ("能耗", 3.6, "%", "eq", 2023, "change", 2022, "浙江省", ""),
        ],
    ),
    # 比上年 in the first sentence, bare 下降 in the next: still vs 2021
    Case(
        "全年全省能源消费总量1.62亿吨标准煤，比上年增长2.9%。单位地区生产总值能耗下降2.4%，"
        "单位工业增加值能耗下降4.8%。",
        2022,
        "bulletin",
        "安徽省",
        [
            ("能源消费总量", 1.62, "亿吨标准煤", "eq", 2022, "level", None, "安徽省", ""),
            ("能源消费总量", 2.9, "%", "eq", 2022, "change", 2021, "安徽省", ""),
            ("单位地区生产总值能耗", 2.4, "%", "eq", 2022, "change", 2021, "安徽省", ""),
            ("单位工业增加值能耗", 4.8, "%", "eq", 2022, "change", 2021, "安徽省", ""),
        ],
    ),
    Case(
        "规模以上工业综合能源消费量2.41亿吨标准煤，比上年下降0.8%。",
        2023,
        "bulletin",
        "江苏省",
        [
            ("综合能源消费量", 2.41, "亿吨标准煤", "eq", 2023, "level", None, "江苏省", ""),
            ("综合能源消费量", 0.8, "%", "eq", 2023, "change", 2022, "江苏省", ""),
        ],
    ),
    Case(
        "全年全市单位地区生产总值二氧化碳排放比上年下降4.7%。",
        2023,
        "bulletin",
        "曲靖市",
        [
            ("二氧化碳", 4.7, "%", "eq", 2023, "change", 2022, "曲靖市", ""),
        ],
    ),
    Case(
        "全年万元GDP能耗同比下降3.3%。",
        2023,
        "bulletin",
        "遵义市",
        [
            ("能耗", 3.3, "%", "eq", 2023, "change", 2022, "遵义市", ""),
        ],
    ),
    Case(
        "全年全省煤炭消费量占能源消费总量的比重为51.2%，比上年下降1.4个百分点；天然气、一次电力"
        "及其他能源等清洁能源消费量占比为33.6%，上升1.9个百分点。",
        2023,
        "bulletin",
        "湖北省",
        [
            ("煤炭消费", 51.2, "%", "eq", 2023, "level", None, "湖北省", ""),
            ("煤炭消费", 1.4, "个百分点", "eq", 2023, "change", 2022, "湖北省", ""),
            ("清洁能源", 33.6, "%", "eq", 2023, "level", None, "湖北省", ""),
            ("清洁能源", 1.9, "个百分点", "eq", 2023, "change", 2022, "湖北省", ""),
        ],
    ),
    Case(
        "全年万元地区生产总值用水量55.3立方米，比上年下降5.2%；万元工业增加值用水量18.6立方米，"
        "下降7.4%。",
        2022,
        "bulletin",
        "海南省",
        [
            ("用水量", 55.3, "立方米", "eq", 2022, "level", None, "海南省", ""),
            ("用水量", 5.2, "%", "eq", 2022, "change", 2021, "海南省", ""),
            ("工业增加值用水量", 18.6, "立方米", "eq", 2022, "level", None, "海南省", ""),
            ("工业增加值用水量", 7.4, "%", "eq", 2022, "change", 2021, "海南省", ""),
        ],
    ),
    # == Bulletin: 同比提高 / 上升 X个百分点 ===================================================
    # the scope 设区城市 belongs to both the level and its change
    Case(
        "全年全省设区城市环境空气质量优良天数比例为92.8%，同比提高1.4个百分点。",
        2023,
        "bulletin",
        "江西省",
        [
            ("优良天数比例", 92.8, "%", "eq", 2023, "level", None, "江西省", "设区城市"),
            ("优良天数比例", 1.4, "个百分点", "eq", 2023, "change", 2022, "江西省", "设区城市"),
        ],
    ),
    Case(
        "全年清洁能源发电量占全部发电量的比重为86.3%，同比提高0.7个百分点。",
        2023,
        "bulletin",
        "四川省",
        [
            ("清洁能源发电量", 86.3, "%", "eq", 2023, "level", None, "四川省", ""),
            ("清洁能源发电量", 0.7, "个百分点", "eq", 2023, "change", 2022, "四川省", ""),
        ],
    ),
    Case(
        "年末全市常住人口城镇化率为69.4%，同比提高0.8个百分点。",
        2023,
        "bulletin",
        "柳州市",
        [
            ("城镇化率", 69.4, "%", "eq", 2023, "level", None, "柳州市", ""),
            ("城镇化率", 0.8, "个百分点", "eq", 2023, "change", 2022, "柳州市", ""),
        ],
    ),
    Case(
        "全市可再生能源消费量占终端能源消费总量比重达到42.1%，同比上升3.5个百分点。",
        2023,
        "bulletin",
        "张家口市",
        [
            ("可再生能源", 42.1, "%", "eq", 2023, "level", None, "张家口市", ""),
            ("可再生能源", 3.5, "个百分点", "eq", 2023, "change", 2022, "张家口市", ""),
        ],
    ),
    Case(
        "全年全市新能源汽车销量占汽车总销量的37.9%，同比提升9.6个百分点。",
        2023,
        "bulletin",
        "湖州市",
        [
            ("新能源汽车", 37.9, "%", "eq", 2023, "level", None, "湖州市", ""),
            ("新能源汽车", 9.6, "个百分点", "eq", 2023, "change", 2022, "湖州市", ""),
        ],
    ),
    # == Bulletin: air quality, PM2.5 ... 下降 after 比上年 earlier =============================
    Case(
        "全年全省细颗粒物（PM2.5）平均浓度为24微克/立方米，比上年下降4.0%；可吸入颗粒物（PM10）"
        "平均浓度为41微克/立方米，下降2.4%；臭氧平均浓度为128微克/立方米，上升3.2%。",
        2023,
        "bulletin",
        "云南省",
        [
            ("PM2.5", 24, "微克/立方米", "eq", 2023, "level", None, "云南省", ""),
            ("PM2.5", 4.0, "%", "eq", 2023, "change", 2022, "云南省", ""),
            ("PM10", 41, "微克/立方米", "eq", 2023, "level", None, "云南省", ""),
            ("PM10", 2.4, "%", "eq", 2023, "change", 2022, "云南省", ""),
            ("臭氧", 128, "微克/立方米", "eq", 2023, "level", None, "云南省", ""),
            ("臭氧", 3.2, "%", "eq", 2023, "change", 2022, "云南省", ""),
        ],
    ),
    # the scope of the first sentence carries to the PM2.5 sentence that goes on with it
    Case(
        "全年全省地级及以上城市空气质量优良天数比率为82.8%，比上年上升3.2个百分点。PM2.5平均浓度"
        "为35.3微克/立方米，下降2.5%。",
        2023,
        "bulletin",
        "安徽省",
        [
            ("优良天数比率", 82.8, "%", "eq", 2023, "level", None, "安徽省", "地级及以上城市"),
            (
                "优良天数比率",
                3.2,
                "个百分点",
                "eq",
                2023,
                "change",
                2022,
                "安徽省",
                "地级及以上城市",
            ),
            ("PM2.5", 35.3, "微克/立方米", "eq", 2023, "level", None, "安徽省", "地级及以上城市"),
            ("PM2.5", 2.5, "%", "eq", 2023, "change", 2022, "安徽省", "地级及以上城市"),
        ],
    ),
    Case(
        "全年全市环境空气质量优良天数为341天，比上年增加6天。PM2.5年均浓度为27.4微克/立方米，"
        "下降3.5%。",
        2023,
        "bulletin",
        "赣州市",
        [
            ("优良天数", 341, "天", "eq", 2023, "level", None, "赣州市", ""),
            ("优良天数", 6, "天", "eq", 2023, "change", 2022, "赣州市", ""),
            ("PM2.5", 27.4, "微克/立方米", "eq", 2023, "level", None, "赣州市", ""),
            ("PM2.5", 3.5, "%", "eq", 2023, "change", 2022, "赣州市", ""),
        ],
    ),
    # 与上年持平 has no number; the 下降 after it is still vs 2021
    Case(
        "全年二氧化硫平均浓度为9微克/立方米，与上年持平；二氧化氮平均浓度为15微克/立方米，"
        "下降6.3%。",
        2022,
        "bulletin",
        "贵州省",
        [
            ("二氧化硫", 9, "微克/立方米", "eq", 2022, "level", None, "贵州省", ""),
            ("二氧化氮", 15, "微克/立方米", "eq", 2022, "level", None, "贵州省", ""),
            ("二氧化氮", 6.3, "%", "eq", 2022, "change", 2021, "贵州省", ""),
        ],
    ),
    Case(
        "全省重度及以上污染天数比例为0.8%，比上年减少0.5个百分点。",
        2023,
        "bulletin",
        "湖南省",
        [
            ("污染天数比例", 0.8, "%", "eq", 2023, "level", None, "湖南省", ""),
            ("污染天数比例", 0.5, "个百分点", "eq", 2023, "change", 2022, "湖南省", ""),
        ],
    ),
    # an index: unit ''; 改善3.1% is its change; 市区 is a sub-area
    Case(
        "全年市区环境空气质量综合指数为4.12，比上年改善3.1%。",
        2023,
        "bulletin",
        "芜湖市",
        [
            ("综合指数", 4.12, "", "eq", 2023, "level", None, "芜湖市", "市区"),
            ("综合指数", 3.1, "%", "eq", 2023, "change", 2022, "芜湖市", "市区"),
        ],
    ),
    # == Bulletin: 其中 sub-items =============================================================
    Case(
        "全年全省总用水量326.4亿立方米，比上年下降1.2%。其中，农业用水量190.8亿立方米，下降2.3%；"
        "工业用水量71.6亿立方米，增长0.8%；生活用水量52.7亿立方米，增长2.1%；生态环境补水"
        "11.3亿立方米，增长3.5%。",
        2023,
        "bulletin",
        "湖南省",
        [
            ("总用水量", 326.4, "亿立方米", "eq", 2023, "level", None, "湖南省", ""),
            ("总用水量", 1.2, "%", "eq", 2023, "change", 2022, "湖南省", ""),
            ("农业用水", 190.8, "亿立方米", "eq", 2023, "level", None, "湖南省", ""),
            ("农业用水", 2.3, "%", "eq", 2023, "change", 2022, "湖南省", ""),
            ("工业用水", 71.6, "亿立方米", "eq", 2023, "level", None, "湖南省", ""),
            ("工业用水", 0.8, "%", "eq", 2023, "change", 2022, "湖南省", ""),
            ("生活用水", 52.7, "亿立方米", "eq", 2023, "level", None, "湖南省", ""),
            ("生活用水", 2.1, "%", "eq", 2023, "change", 2022, "湖南省", ""),
            ("生态环境补水", 11.3, "亿立方米", "eq", 2023, "level", None, "湖南省", ""),
            ("生态环境补水", 3.5, "%", "eq", 2023, "change", 2022, "湖南省", ""),
        ],
    ),
    Case(
        "全年规模以上工业发电量4850.6亿千瓦时，比上年增长7.1%。其中，水力发电量3810.2亿千瓦时，"
        "增长3.4%；火力发电量785.9亿千瓦时，增长8.8%；风力发电量145.3亿千瓦时，增长21.6%；"
        "太阳能发电量53.1亿千瓦时，增长40.2%。",
        2023,
        "bulletin",
        "四川省",
        [
            ("发电量", 4850.6, "亿千瓦时", "eq", 2023, "level", None, "四川省", ""),
            ("发电量", 7.1, "%", "eq", 2023, "change", 2022, "四川省", ""),
            ("水力发电", 3810.2, "亿千瓦时", "eq", 2023, "level", None, "四川省", ""),
            ("水力发电", 3.4, "%", "eq", 2023, "change", 2022, "四川省", ""),
            ("火力发电", 785.9, "亿千瓦时", "eq", 2023, "level", None, "四川省", ""),
            ("火力发电", 8.8, "%", "eq", 2023, "change", 2022, "四川省", ""),
            ("风力发电", 145.3, "亿千瓦时", "eq", 2023, "level", None, "四川省", ""),
            ("风力发电", 21.6, "%", "eq", 2023, "change", 2022, "四川省", ""),
            ("太阳能发电", 53.1, "亿千瓦时", "eq", 2023, "level", None, "四川省", ""),
            ("太阳能发电", 40.2, "%", "eq", 2023, "change", 2022, "四川省", ""),
        ],
    ),
    Case(
        "全州共有自然保护区9个，其中国家级自然保护区2个、省级自然保护区4个。",
        2022,
        "bulletin",
        "恩施土家族苗族自治州",
        [
            ("自然保护区", 9, "个", "eq", 2022, "level", None, "恩施土家族苗族自治州", ""),
            ("国家级自然保护区", 2, "个", "eq", 2022, "level", None, "恩施土家族苗族自治州", ""),
            ("省级自然保护区", 4, "个", "eq", 2022, "level", None, "恩施土家族苗族自治州", ""),
        ],
    ),
    Case(
        "全年全市工业固体废物产生量438.6万吨，综合利用率达到99.2%，其中一般工业固体废物综合利用率"
        "99.6%。",
        2023,
        "bulletin",
        "湖州市",
        [
            ("工业固体废物产生量", 438.6, "万吨", "eq", 2023, "level", None, "湖州市", ""),
            ("综合利用率", 99.2, "%", "eq", 2023, "level", None, "湖州市", ""),
            ("一般工业固体废物", 99.6, "%", "eq", 2023, "level", None, "湖州市", ""),
        ],
    ),
    # == Bulletin: the year's 新增 (new capacity, new facilities) =============================
    Case(
        "全年新增光伏装机586万千瓦，新增风电装机213万千瓦。",
        2023,
        "bulletin",
        "河北省",
        [
            ("光伏", 586, "万千瓦", "eq", 2023, "change", 2022, "河北省", ""),
            ("风电", 213, "万千瓦", "eq", 2023, "change", 2022, "河北省", ""),
        ],
    ),
    # the share of the year's new capacity is a level of that year
    Case(
        "全年全区新增新能源装机容量1012.6万千瓦，占全部新增装机的82.3%。",
        2023,
        "bulletin",
        "广西壮族自治区",
        [
            ("新能源装机", 1012.6, "万千瓦", "eq", 2023, "change", 2022, "广西壮族自治区", ""),
            ("新增装机", 82.3, "%", "eq", 2023, "level", None, "广西壮族自治区", ""),
        ],
    ),
    Case(
        "全年新建公共充电桩4.6万个，新建换电站38座。",
        2023,
        "bulletin",
        "江苏省",
        [
            ("充电桩", 4.6, "万个", "eq", 2023, "change", 2022, "江苏省", ""),
            ("换电站", 38, "座", "eq", 2023, "change", 2022, "江苏省", ""),
        ],
    ),
    Case(
        "全年新增分布式光伏并网容量超过700万千瓦。",
        2023,
        "bulletin",
        "浙江省",
        [
            ("分布式光伏", 700, "万千瓦", "ge", 2023, "change", 2022, "浙江省", ""),
        ],
    ),
    Case(
        "全年新增城市绿地面积约126公顷。",
        2022,
        "bulletin",
        "绵阳市",
        [
            ("绿地面积", 126, "公顷", "approx", 2022, "change", 2021, "绵阳市", ""),
        ],
    ),
    Case(
        "全年新增水土流失治理面积2165平方公里。",
        2023,
        "bulletin",
        "贵州省",
        [
            ("水土流失", 2165, "平方公里", "eq", 2023, "change", 2022, "贵州省", ""),
        ],
    ),
    # == Bulletin: 年末发电装机容量 with 其中 ====================================================
    Case(
        "年末全省发电装机容量13850万千瓦，比上年末增长15.2%。其中，水电装机8163万千瓦，火电装机"
        "1590万千瓦，风电装机1532万千瓦，太阳能发电装机2565万千瓦。",
        2023,
        "bulletin",
        "云南省",
        [
            ("发电装机容量", 13850, "万千瓦", "eq", 2023, "level", None, "云南省", ""),
            ("发电装机容量", 15.2, "%", "eq", 2023, "change", 2022, "云南省", ""),
            ("水电", 8163, "万千瓦", "eq", 2023, "level", None, "云南省", ""),
            ("火电", 1590, "万千瓦", "eq", 2023, "level", None, "云南省", ""),
            ("风电", 1532, "万千瓦", "eq", 2023, "level", None, "云南省", ""),
            ("太阳能发电", 2565, "万千瓦", "eq", 2023, "level", None, "云南省", ""),
        ],
    ),
    Case(
        "年末全市发电装机容量为3886.2万千瓦，其中风电132.5万千瓦、太阳能发电197.8万千瓦。",
        2023,
        "bulletin",
        "宜昌市",
        [
            ("发电装机容量", 3886.2, "万千瓦", "eq", 2023, "level", None, "宜昌市", ""),
            ("风电", 132.5, "万千瓦", "eq", 2023, "level", None, "宜昌市", ""),
            ("太阳能发电", 197.8, "万千瓦", "eq", 2023, "level", None, "宜昌市", ""),
        ],
    ),
    Case(
        "截至年末，全区新能源装机容量达到5340万千瓦，占全部装机的比重为42.6%。",
        2023,
        "bulletin",
        "新疆维吾尔自治区",
        [
            ("新能源装机", 5340, "万千瓦", "eq", 2023, "level", None, "新疆维吾尔自治区", ""),
            ("新能源装机", 42.6, "%", "eq", 2023, "level", None, "新疆维吾尔自治区", ""),
        ],
    ),
    # a headline round figure and the exact one: both are written claims, both listed
    Case(
        "年末全省新能源装机容量突破3000万千瓦，达到3018万千瓦。",
        2023,
        "bulletin",
        "江西省",
        [
            ("新能源装机", 3000, "万千瓦", "ge", 2023, "level", None, "江西省", ""),
            ("新能源装机", 3018, "万千瓦", "eq", 2023, "level", None, "江西省", ""),
        ],
    ),
    # == Bulletin: part of the year (1—3月, 一季度, 1-6月, 前三季度) ============================
    # convention: the period goes into scope_zh (a dash written as "-", as the project's gold
    # writes 1-3月), so it never passes for the whole year's value
    Case(
        "1—3月，全省环境空气质量优良天数比例为79.6%，同比上升3.1个百分点；细颗粒物平均浓度为"
        "44微克/立方米，同比下降6.4%。",
        2024,
        "bulletin",
        "江苏省",
        [
            ("优良天数比例", 79.6, "%", "eq", 2024, "level", None, "江苏省", "1-3月"),
            ("优良天数比例", 3.1, "个百分点", "eq", 2024, "change", 2023, "江苏省", "1-3月"),
            ("细颗粒物", 44, "微克/立方米", "eq", 2024, "level", None, "江苏省", "1-3月"),
            ("细颗粒物", 6.4, "%", "eq", 2024, "change", 2023, "江苏省", "1-3月"),
        ],
    ),
    Case(
        "一季度，全市规模以上工业单位增加值能耗同比下降4.3%。",
        2024,
        "bulletin",
        "遵义市",
        [
            ("能耗", 4.3, "%", "eq", 2024, "change", 2023, "遵义市", "一季度"),
        ],
    ),
    Case(
        "1-6月，全省新增光伏装机412万千瓦，同比增长37.5%。",
        2023,
        "bulletin",
        "安徽省",
        [
            ("光伏", 412, "万千瓦", "eq", 2023, "change", 2022, "安徽省", "1-6月"),
            ("光伏", 37.5, "%", "eq", 2023, "change", 2022, "安徽省", "1-6月"),
        ],
    ),
    Case(
        "前三季度，全省地区生产总值36125.4亿元，同比增长4.1%。",
        2023,
        "bulletin",
        "湖南省",
        [
            ("地区生产总值", 36125.4, "亿元", "eq", 2023, "level", None, "湖南省", "前三季度"),
            ("地区生产总值", 4.1, "%", "eq", 2023, "change", 2022, "湖南省", "前三季度"),
        ],
    ),
    # == Bulletin: 截至2022年底 / 截至年末 (a stock at a date is a level) ======================
    Case(
        "截至2022年底，全省累计建成公共充电桩8.7万个、换电站126座。",
        2022,
        "bulletin",
        "四川省",
        [
            ("充电桩", 8.7, "万个", "eq", 2022, "level", None, "四川省", ""),
            ("换电站", 126, "座", "eq", 2022, "level", None, "四川省", ""),
        ],
    ),
    Case(
        "截至年末，全市已建成国家级绿色工厂46家、绿色工业园区5个。",
        2023,
        "bulletin",
        "芜湖市",
        [
            ("绿色工厂", 46, "家", "eq", 2023, "level", None, "芜湖市", ""),
            ("绿色工业园区", 5, "个", "eq", 2023, "level", None, "芜湖市", ""),
        ],
    ),
    Case(
        "截至2023年12月底，全省新能源汽车保有量达到36.4万辆，占汽车保有量的比重为14.2%。",
        2023,
        "bulletin",
        "海南省",
        [
            ("新能源汽车保有量", 36.4, "万辆", "eq", 2023, "level", None, "海南省", ""),
            ("汽车保有量", 14.2, "%", "eq", 2023, "level", None, "海南省", ""),
        ],
    ),
    Case(
        "截至2023年末，全区森林蓄积量达到10.2亿立方米。",
        2023,
        "bulletin",
        "广西壮族自治区",
        [
            ("森林蓄积量", 10.2, "亿立方米", "eq", 2023, "level", None, "广西壮族自治区", ""),
        ],
    ),
    # == Bulletin: comparators 约 / 近 / 超过 / 以上 / 不足 / 余 / 左右 / 突破 / 逾 / 不到 ========
    Case(
        "全年全州林草覆盖率约为72%。",
        2023,
        "bulletin",
        "恩施土家族苗族自治州",
        [
            ("林草覆盖率", 72, "%", "approx", 2023, "level", None, "恩施土家族苗族自治州", ""),
        ],
    ),
    Case(
        "全年全省光伏发电量近180亿千瓦时，同比增长约25%。",
        2023,
        "bulletin",
        "云南省",
        [
            ("光伏发电量", 180, "亿千瓦时", "approx", 2023, "level", None, "云南省", ""),
            ("光伏发电量", 25, "%", "approx", 2023, "change", 2022, "云南省", ""),
        ],
    ),
    Case(
        "年末全市新能源汽车保有量超过15万辆。",
        2023,
        "bulletin",
        "柳州市",
        [
            ("新能源汽车保有量", 15, "万辆", "ge", 2023, "level", None, "柳州市", ""),
        ],
    ),
    Case(
        "全年全省农作物秸秆综合利用率达到87%以上，畜禽粪污综合利用率达到80%以上。",
        2022,
        "bulletin",
        "湖南省",
        [
            ("秸秆综合利用率", 87, "%", "ge", 2022, "level", None, "湖南省", ""),
            ("畜禽粪污", 80, "%", "ge", 2022, "level", None, "湖南省", ""),
        ],
    ),
    Case(
        "全年全市重污染天数不足3天。",
        2023,
        "bulletin",
        "张家口市",
        [
            ("重污染天数", 3, "天", "le", 2023, "level", None, "张家口市", ""),
        ],
    ),
    # a stock at the year's end with X余: level, ge
    Case(
        "截至年末，全县累计建成美丽乡村精品村30余个。",
        2023,
        "bulletin",
        "安吉县",
        [
            ("精品村", 30, "个", "ge", 2023, "level", None, "安吉县", ""),
        ],
    ),
    Case(
        "全年完成石漠化综合治理面积1000平方公里左右。",
        2023,
        "bulletin",
        "贵州省",
        [
            ("石漠化", 1000, "平方公里", "approx", 2023, "change", 2022, "贵州省", ""),
        ],
    ),
    # a year's generation is a level of that year (like 地区生产总值)
    Case(
        "全年全省可再生能源发电量突破1000亿千瓦时。",
        2023,
        "bulletin",
        "江苏省",
        [
            ("可再生能源发电量", 1000, "亿千瓦时", "ge", 2023, "level", None, "江苏省", ""),
        ],
    ),
    Case(
        "全年全省公共充电设施充电量同比增长逾40%。",
        2023,
        "bulletin",
        "浙江省",
        [
            ("充电量", 40, "%", "ge", 2023, "change", 2022, "浙江省", ""),
        ],
    ),
    Case(
        "全年全市万元地区生产总值用水量不到30立方米。",
        2023,
        "bulletin",
        "宜昌市",
        [
            ("用水量", 30, "立方米", "le", 2023, "level", None, "宜昌市", ""),
        ],
    ),
    # == Bulletin: full-width digits and signs (units given half-width) =======================
    Case(
        "全年全省地区生产总值３２２００．１亿元，比上年增长４．１％。",
        2023,
        "bulletin",
        "江西省",
        [
            ("地区生产总值", 32200.1, "亿元", "eq", 2023, "level", None, "江西省", ""),
            ("地区生产总值", 4.1, "%", "eq", 2023, "change", 2022, "江西省", ""),
        ],
    ),
    Case(
        "年末全市森林覆盖率为６７．２％，比上年末提高０．３个百分点。",
        2023,
        "bulletin",
        "柳州市",
        [
            ("森林覆盖率", 67.2, "%", "eq", 2023, "level", None, "柳州市", ""),
            ("森林覆盖率", 0.3, "个百分点", "eq", 2023, "change", 2022, "柳州市", ""),
        ],
    ),
    Case(
        "全年全区非化石能源消费比重为１２．５％。",
        2023,
        "bulletin",
        "新疆维吾尔自治区",
        [
            ("非化石能源", 12.5, "%", "eq", 2023, "level", None, "新疆维吾尔自治区", ""),
        ],
    ),
    # ＰＭ２．５ in full-width letters: the fragment avoids it
    Case(
        "全年中心城区ＰＭ２．５平均浓度为２３微克／立方米，同比下降４．２％。",
        2023,
        "bulletin",
        "曲靖市",
        [
            ("平均浓度", 23, "微克/立方米", "eq", 2023, "level", None, "曲靖市", "中心城区"),
            ("平均浓度", 4.2, "%", "eq", 2023, "change", 2022, "曲靖市", "中心城区"),
        ],
    ),
    # == Bulletin: traditional characters (units simplified; fragments the same in both) ======
    Case(
        "年末全省森林覆蓋率達到62.4%，比上年末提高0.5個百分點。",
        2023,
        "bulletin",
        "江西省",
        [
            ("森林", 62.4, "%", "eq", 2023, "level", None, "江西省", ""),
            ("森林", 0.5, "个百分点", "eq", 2023, "change", 2022, "江西省", ""),
        ],
    ),
    Case(
        "全年新增光伏發電裝機容量為320萬千瓦。",
        2023,
        "bulletin",
        "湖北省",
        [
            ("光伏", 320, "万千瓦", "eq", 2023, "change", 2022, "湖北省", ""),
        ],
    ),
    Case(
        "全年萬元地區生產總值能耗比上年下降3.6%。",
        2022,
        "bulletin",
        "四川省",
        [
            ("能耗", 3.6, "%", "eq", 2022, "change", 2021, "四川省", ""),
        ],
    ),
    Case(
        "全年全市PM2.5年均濃度為28微克/立方米，優良天數比例為91.5%。",
        2023,
        "bulletin",
        "绵阳市",
        [
            ("PM2.5", 28, "微克/立方米", "eq", 2023, "level", None, "绵阳市", ""),
            ("比例", 91.5, "%", "eq", 2023, "level", None, "绵阳市", ""),
        ],
    ),
    # == PDF text layers: spaces inside numbers, line breaks inside sentences, page numbers ====
    Case(
        "年末全省森林覆盖率达到 4 2 . 1 %，比上年末提高 0 . 3 个百分点。",
        2023,
        "bulletin",
        "湖北省",
        [
            ("森林覆盖率", 42.1, "%", "eq", 2023, "level", None, "湖北省", ""),
            ("森林覆盖率", 0.3, "个百分点", "eq", 2023, "change", 2022, "湖北省", ""),
        ],
    ),
    Case(
        "全年全省单位地区生产总值能耗比上年下\n降 3.4%，单位地区生产总值二氧化碳排放下降\n4.1%。",
        2023,
        "bulletin",
        "安徽省",
        [
            ("能耗", 3.4, "%", "eq", 2023, "change", 2022, "安徽省", ""),
            ("二氧化碳", 4.1, "%", "eq", 2023, "change", 2022, "安徽省", ""),
        ],
    ),
    Case(
        "全年新增光伏发电装机 285\n万千瓦，年末光伏发电装机达到 1 8 9 6 万千瓦。",
        2023,
        "bulletin",
        "贵州省",
        [
            ("光伏", 285, "万千瓦", "eq", 2023, "change", 2022, "贵州省", ""),
            ("光伏", 1896, "万千瓦", "eq", 2023, "level", None, "贵州省", ""),
        ],
    ),
    # a number broken by the line wrap: 2\n3.1% is 23.1
    Case(
        "“十三五”期间，全省单位地区生产总值能耗累计下降 2\n3.1%，超额完成国家下达目标。",
        2021,
        "plan",
        "江苏省",
        [
            ("能耗", 23.1, "%", "eq", 2020, "change", 2015, "江苏省", ""),
        ],
    ),
    # the page-number line between 达到 and its value is no value
    Case(
        "2020 年，全省城镇生活污水处理率达到\n－ 5 －\n97.4%，城市生活垃圾回收利用率达到 52.6%。",
        2021,
        "plan",
        "浙江省",
        [
            ("污水处理率", 97.4, "%", "eq", 2020, "level", None, "浙江省", ""),
            ("回收利用率", 52.6, "%", "eq", 2020, "level", None, "浙江省", ""),
        ],
    ),
    # a text layer with a space after every character
    Case(
        "全 年 全 省 地 区 生 产 总 值 50012.9 亿 元 ， 比 上 年 增 长 4.6%。",
        2023,
        "bulletin",
        "湖南省",
        [
            ("生产总值", 50012.9, "亿元", "eq", 2023, "level", None, "湖南省", ""),
            ("生产总值", 4.6, "%", "eq", 2023, "change", 2022, "湖南省", ""),
        ],
    ),
    # == Work report: 过去一年 (doc_year = the year reviewed; the report is delivered the next
    # January: a 2024 report about 2023 has doc_year 2023) ===================================
    # 增速居全国第7位 is a rank: nothing
    Case(
        "过去一年，全省地区生产总值达到47050.6亿元、增长5.8%，增速居全国第7位；单位地区生产总值能耗"
        "下降3.2%；新增新能源装机865万千瓦。",
        2023,
        "work_report",
        "安徽省",
        [
            ("地区生产总值", 47050.6, "亿元", "eq", 2023, "level", None, "安徽省", ""),
            ("地区生产总值", 5.8, "%", "eq", 2023, "change", 2022, "安徽省", ""),
            ("能耗", 3.2, "%", "eq", 2023, "change", 2022, "安徽省", ""),
            ("新能源装机", 865, "万千瓦", "eq", 2023, "change", 2022, "安徽省", ""),
        ],
    ),
    # 降至 is the level reached (eq); 保持100% a level; 国考断面 is the set of monitored sections
    Case(
        "过去一年，我们坚决打好污染防治攻坚战，全市PM2.5平均浓度降至22微克/立方米，优良天数比例"
        "达到98.6%，国考断面水质优良比例保持100%。",
        2023,
        "work_report",
        "遵义市",
        [
            ("PM2.5", 22, "微克/立方米", "eq", 2023, "level", None, "遵义市", ""),
            ("优良天数比例", 98.6, "%", "eq", 2023, "level", None, "遵义市", ""),
            ("水质优良比例", 100, "%", "eq", 2023, "level", None, "遵义市", "国考断面"),
        ],
    ),
    # 去年 in the report delivered in 2024 is 2023 = doc_year
    Case(
        "去年，全省完成人工造林168万亩，森林覆盖率稳定在63.35%。",
        2023,
        "work_report",
        "江西省",
        [
            ("造林", 168, "万亩", "eq", 2023, "change", 2022, "江西省", ""),
            ("森林覆盖率", 63.35, "%", "eq", 2023, "level", None, "江西省", ""),
        ],
    ),
    Case(
        "2023年，全区万元地区生产总值能耗下降4%左右。",
        2023,
        "work_report",
        "新疆维吾尔自治区",
        [
            ("能耗", 4, "%", "approx", 2023, "change", 2022, "新疆维吾尔自治区", ""),
        ],
    ),
    Case(
        "一年来，全省压减钢铁产能820万吨，关停燃煤机组56万千瓦。",
        2023,
        "work_report",
        "河北省",
        [
            ("钢铁产能", 820, "万吨", "eq", 2023, "change", 2022, "河北省", ""),
            ("燃煤机组", 56, "万千瓦", "eq", 2023, "change", 2022, "河北省", ""),
        ],
    ),
    Case(
        "过去一年，全省化学需氧量、氨氮排放量分别下降3.1%和2.8%。",
        2023,
        "work_report",
        "四川省",
        [
            ("化学需氧量", 3.1, "%", "eq", 2023, "change", 2022, "四川省", ""),
            ("氨氮", 2.8, "%", "eq", 2023, "change", 2022, "四川省", ""),
        ],
    ),
    # the second sentence is this year's target (今年 = 2024): nothing
    Case(
        "过去一年，单位GDP能耗下降3.3%。今年，单位GDP能耗下降2.5%左右。",
        2023,
        "work_report",
        "湖州市",
        [
            ("能耗", 3.3, "%", "eq", 2023, "change", 2022, "湖州市", ""),
        ],
    ),
    # 增速居全省第一 is a rank: nothing
    Case(
        "过去一年，全市规模以上工业增加值增长8.2%，增速居全省第一；高新技术产业增加值占GDP比重"
        "达到22.4%。",
        2023,
        "work_report",
        "宜昌市",
        [
            ("规模以上工业增加值", 8.2, "%", "eq", 2023, "change", 2022, "宜昌市", ""),
            ("高新技术产业", 22.4, "%", "eq", 2023, "level", None, "宜昌市", ""),
        ],
    ),
    # == Work report: 过去五年 (a report delivered in 2023 reviews 2018-2022: doc_year 2022,
    # baseline 2017) ===========================================================================
    Case(
        "过去五年，全省累计新增造林绿化面积1860万亩，森林覆盖率由2017年的61.2%提高到63.1%。",
        2022,
        "work_report",
        "江西省",
        [
            ("造林", 1860, "万亩", "eq", 2022, "change", 2017, "江西省", ""),
            ("森林覆盖率", 61.2, "%", "eq", 2017, "level", None, "江西省", ""),
            ("森林覆盖率", 63.1, "%", "eq", 2022, "level", None, "江西省", ""),
        ],
    ),
    Case(
        "过去五年，全省可再生能源装机容量年均增长9.6%，累计新增3140万千瓦。",
        2022,
        "work_report",
        "云南省",
        [
            ("可再生能源", 9.6, "%", "eq", 2022, "change", 2017, "云南省", ""),
            ("可再生能源", 3140, "万千瓦", "eq", 2022, "change", 2017, "云南省", ""),
        ],
    ),
    # the 16% the province set is a target beside the result: nothing
    Case(
        "五年来，全市单位地区生产总值能耗累计下降19.8%，超额完成省下达的16%目标任务。",
        2022,
        "work_report",
        "张家口市",
        [
            ("能耗", 19.8, "%", "eq", 2022, "change", 2017, "张家口市", ""),
        ],
    ),
    Case(
        "过去五年，全省PM2.5平均浓度累计下降27.4%，重污染天数减少62%。",
        2022,
        "work_report",
        "湖南省",
        [
            ("PM2.5", 27.4, "%", "eq", 2022, "change", 2017, "湖南省", ""),
            ("重污染天数", 62, "%", "eq", 2022, "change", 2017, "湖南省", ""),
        ],
    ),
    # a 2021 report (doc_year 2020) reviewing 十三五
    Case(
        "“十三五”时期，全市地区生产总值年均增长8.1%，2020年达到3753.0亿元；万元地区生产总值能耗"
        "累计下降18.5%。",
        2020,
        "work_report",
        "芜湖市",
        [
            ("地区生产总值", 8.1, "%", "eq", 2020, "change", 2015, "芜湖市", ""),
            ("地区生产总值", 3753.0, "亿元", "eq", 2020, "level", None, "芜湖市", ""),
            ("能耗", 18.5, "%", "eq", 2020, "change", 2015, "芜湖市", ""),
        ],
    ),
    # == Work report: this year's 预期目标, plans and estimates -> no observation ===============
    Case(
        "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇调查失业率5.5%以内，"
        "居民消费价格涨幅3%左右，单位地区生产总值能耗下降2.5%左右。",
        2023,
        "work_report",
        "江西省",
        [],
    ),
    Case(
        "2024年主要预期目标：全市地区生产总值增长6%以上，一般公共预算收入增长5%，单位地区生产总值"
        "能耗和二氧化碳排放完成省下达任务。",
        2023,
        "work_report",
        "曲靖市",
        [],
    ),
    Case(
        "今年要完成营造林300万亩，新增新能源装机1000万千瓦以上。",
        2023,
        "work_report",
        "贵州省",
        [],
    ),
    Case(
        "确保全年PM2.5平均浓度控制在35微克/立方米以内，优良天数比例达到88%以上。",
        2023,
        "work_report",
        "湖北省",
        [],
    ),
    # 预计: an estimate of the year just ended, not a measured value
    Case(
        "预计全年地区生产总值增长5.5%左右。",
        2023,
        "work_report",
        "河北省",
        [],
    ),
    Case(
        "计划全年新建充电桩2万个，新增光伏装机500万千瓦。",
        2023,
        "work_report",
        "四川省",
        [],
    ),
    # == Plan review: "十三五" levels and changes (a 十四五 plan issued in 2021: doc_year 2021;
    # a level of 十三五 is 2020, a change is 2015 -> 2020) ======================================
    Case(
        "“十三五”时期，全省非化石能源占一次能源消费比重达到20.6%，煤炭消费比重降至57.3%。",
        2021,
        "plan",
        "湖南省",
        [
            ("非化石能源", 20.6, "%", "eq", 2020, "level", None, "湖南省", ""),
            ("煤炭消费比重", 57.3, "%", "eq", 2020, "level", None, "湖南省", ""),
        ],
    ),
    Case(
        "“十三五”以来，全市森林覆盖率达到76.2%，中心城区建成区绿化覆盖率达到46.1%。",
        2021,
        "plan",
        "赣州市",
        [
            ("森林覆盖率", 76.2, "%", "eq", 2020, "level", None, "赣州市", ""),
            ("绿化覆盖率", 46.1, "%", "eq", 2020, "level", None, "赣州市", "中心城区"),
        ],
    ),
    # the monitored sections (国控断面) and the cities (地级及以上城市) are scopes
    Case(
        "2020年，全省地表水国控断面水质优良比例为99.3%，地级及以上城市空气质量优良天数比例为99.2%。",
        2021,
        "plan",
        "贵州省",
        [
            ("水质优良比例", 99.3, "%", "eq", 2020, "level", None, "贵州省", "国控断面"),
            ("优良天数比例", 99.2, "%", "eq", 2020, "level", None, "贵州省", "地级及以上城市"),
        ],
    ),
    Case(
        "“十三五”末，全省可再生能源发电装机容量达到8870万千瓦，占总装机的比重为85.2%。",
        2021,
        "plan",
        "四川省",
        [
            ("可再生能源", 8870, "万千瓦", "eq", 2020, "level", None, "四川省", ""),
            ("可再生能源", 85.2, "%", "eq", 2020, "level", None, "四川省", ""),
        ],
    ),
    # the 18% the nation set is a target: nothing
    Case(
        "“十三五”期间，全省单位地区生产总值二氧化碳排放累计下降21.6%，超额完成国家下达的18%目标。",
        2021,
        "plan",
        "安徽省",
        [
            ("二氧化碳", 21.6, "%", "eq", 2020, "change", 2015, "安徽省", ""),
        ],
    ),
    Case(
        "五年累计淘汰落后产能钢铁8212万吨、水泥7200万吨。",
        2021,
        "plan",
        "河北省",
        [
            ("钢铁", 8212, "万吨", "eq", 2020, "change", 2015, "河北省", ""),
            ("水泥", 7200, "万吨", "eq", 2020, "change", 2015, "河北省", ""),
        ],
    ),
    Case(
        "“十三五”期间，全省完成既有建筑节能改造1560万平方米。",
        2021,
        "plan",
        "江苏省",
        [
            ("节能改造", 1560, "万平方米", "eq", 2020, "change", 2015, "江苏省", ""),
        ],
    ),
    Case(
        "2020年，全省单位地区生产总值能耗比2015年下降18.6%。",
        2021,
        "plan",
        "湖北省",
        [
            ("能耗", 18.6, "%", "eq", 2020, "change", 2015, "湖北省", ""),
        ],
    ),
    # no year written: a 十四五 plan's review speaks of 2020
    Case(
        "全省万元地区生产总值用水量较2015年下降30.2%，农田灌溉水有效利用系数提高到0.52。",
        2021,
        "plan",
        "云南省",
        [
            ("用水量", 30.2, "%", "eq", 2020, "change", 2015, "云南省", ""),
            ("有效利用系数", 0.52, "", "eq", 2020, "level", None, "云南省", ""),
        ],
    ),
    Case(
        "“十三五”期间，全区地区生产总值年均增长6.0%，2020年达到22156.7亿元。",
        2021,
        "plan",
        "广西壮族自治区",
        [
            ("地区生产总值", 6.0, "%", "eq", 2020, "change", 2015, "广西壮族自治区", ""),
            ("地区生产总值", 22156.7, "亿元", "eq", 2020, "level", None, "广西壮族自治区", ""),
        ],
    ),
    # a plan issued in 2022 reviews through 2021
    Case(
        "2021年，全市清洁能源装机占比达到48.3%，比2015年提高21.5个百分点。",
        2022,
        "plan",
        "湖州市",
        [
            ("清洁能源装机", 48.3, "%", "eq", 2021, "level", None, "湖州市", ""),
            ("清洁能源装机", 21.5, "个百分点", "eq", 2021, "change", 2015, "湖州市", ""),
        ],
    ),
    # == Plan review and retrospectives: 由2015年的X提高到2020年的Y (two levels) ==============
    Case(
        "全省森林覆盖率由2015年的60.9%提高到2020年的61.2%。",
        2021,
        "plan",
        "浙江省",
        [
            ("森林覆盖率", 60.9, "%", "eq", 2015, "level", None, "浙江省", ""),
            ("森林覆盖率", 61.2, "%", "eq", 2020, "level", None, "浙江省", ""),
        ],
    ),
    Case(
        "非化石能源消费比重由2015年的14.2%提高到2020年的17.9%，提高3.7个百分点。",
        2021,
        "plan",
        "江西省",
        [
            ("非化石能源", 14.2, "%", "eq", 2015, "level", None, "江西省", ""),
            ("非化石能源", 17.9, "%", "eq", 2020, "level", None, "江西省", ""),
            ("非化石能源", 3.7, "个百分点", "eq", 2020, "change", 2015, "江西省", ""),
        ],
    ),
    Case(
        "城市生活垃圾无害化处理率从2015年的91.3%提升至2020年的99.6%。",
        2021,
        "plan",
        "四川省",
        [
            ("无害化处理率", 91.3, "%", "eq", 2015, "level", None, "四川省", ""),
            ("无害化处理率", 99.6, "%", "eq", 2020, "level", None, "四川省", ""),
        ],
    ),
    Case(
        "煤炭消费比重由2015年的85.2%下降到2020年的79.1%。",
        2021,
        "plan",
        "河北省",
        [
            ("煤炭消费比重", 85.2, "%", "eq", 2015, "level", None, "河北省", ""),
            ("煤炭消费比重", 79.1, "%", "eq", 2020, "level", None, "河北省", ""),
        ],
    ),
    # 增长10.3倍: a change with unit 倍
    Case(
        "光伏发电装机由2015年底的121万千瓦增长到2020年底的1370万千瓦，增长10.3倍。",
        2021,
        "plan",
        "安徽省",
        [
            ("光伏", 121, "万千瓦", "eq", 2015, "level", None, "安徽省", ""),
            ("光伏", 1370, "万千瓦", "eq", 2020, "level", None, "安徽省", ""),
            ("光伏", 10.3, "倍", "eq", 2020, "change", 2015, "安徽省", ""),
        ],
    ),
    # a decade retrospective (news of the 2022 results)
    Case(
        "十年来，全省森林覆盖率从2012年的47.0%提高到2022年的62.8%。",
        2022,
        "bulletin",
        "贵州省",
        [
            ("森林覆盖率", 47.0, "%", "eq", 2012, "level", None, "贵州省", ""),
            ("森林覆盖率", 62.8, "%", "eq", 2022, "level", None, "贵州省", ""),
        ],
    ),
    # 2016—2023年累计: like "十三五" (2016-2020 -> 2015), the baseline is the year before 2016
    Case(
        "2016—2023年，全省单位地区生产总值用水量累计下降38.5%。",
        2023,
        "bulletin",
        "江苏省",
        [
            ("用水量", 38.5, "%", "eq", 2023, "change", 2015, "江苏省", ""),
        ],
    ),
    # the result beside the target it met (the 18% is the target: nothing)
    Case(
        "全年全省PM2.5平均浓度较2015年下降28.6%，完成国家下达的较2015年下降18%的考核任务。",
        2020,
        "bulletin",
        "湖南省",
        [
            ("PM2.5", 28.6, "%", "eq", 2020, "change", 2015, "湖南省", ""),
        ],
    ),
    # == Plan: 2020年 X为Y%，到2025年提高到Z% (only Y is an observation) ======================
    Case(
        "2020年，全省非化石能源消费比重为18.7%，到2025年提高到22%左右。",
        2021,
        "plan",
        "湖北省",
        [
            ("非化石能源", 18.7, "%", "eq", 2020, "level", None, "湖北省", ""),
        ],
    ),
    Case(
        "全市森林覆盖率从2020年的65.1%提高到2025年的66%。",
        2021,
        "plan",
        "宜昌市",
        [
            ("森林覆盖率", 65.1, "%", "eq", 2020, "level", None, "宜昌市", ""),
        ],
    ),
    Case(
        "2020年全区清洁能源装机占比为51%，“十四五”末力争达到60%以上。",
        2021,
        "plan",
        "广西壮族自治区",
        [
            ("清洁能源装机", 51, "%", "eq", 2020, "level", None, "广西壮族自治区", ""),
        ],
    ),
    # 目前 in a 十四五 plan's review is the end of 十三五 (2020), as the project's gold reads it
    Case(
        "目前，全省新能源汽车保有量为5.6万辆，计划到2025年达到30万辆。",
        2021,
        "plan",
        "海南省",
        [
            ("新能源汽车保有量", 5.6, "万辆", "eq", 2020, "level", None, "海南省", ""),
        ],
    ),
    Case(
        "单位地区生产总值能耗“十三五”累计下降17.6%，“十四五”期间再下降14.5%。",
        2021,
        "plan",
        "江西省",
        [
            ("能耗", 17.6, "%", "eq", 2020, "change", 2015, "江西省", ""),
        ],
    ),
    # == Plan review: 截至2020年底累计建成 (a stock: level) =======================================
    Case(
        "截至2020年底，全省累计建成国家级绿色工厂37家、绿色园区6个。",
        2021,
        "plan",
        "云南省",
        [
            ("绿色工厂", 37, "家", "eq", 2020, "level", None, "云南省", ""),
            ("绿色园区", 6, "个", "eq", 2020, "level", None, "云南省", ""),
        ],
    ),
    Case(
        "截至2020年底，全市累计建成公共充电桩3260个，新能源汽车保有量达到8.5万辆。",
        2021,
        "plan",
        "柳州市",
        [
            ("充电桩", 3260, "个", "eq", 2020, "level", None, "柳州市", ""),
            ("新能源汽车保有量", 8.5, "万辆", "eq", 2020, "level", None, "柳州市", ""),
        ],
    ),
    Case(
        "截至“十三五”末，全市累计创建国家生态文明建设示范县2个。",
        2021,
        "plan",
        "绵阳市",
        [
            ("示范县", 2, "个", "eq", 2020, "level", None, "绵阳市", ""),
        ],
    ),
    # == Another region named in the text =====================================================
    Case(
        "全年全省万元地区生产总值能耗比上年下降4.0%，同期全国单位GDP能耗下降0.5%。",
        2023,
        "bulletin",
        "河北省",
        [
            ("能耗", 4.0, "%", "eq", 2023, "change", 2022, "河北省", ""),
            ("能耗", 0.5, "%", "eq", 2023, "change", 2022, "全国", ""),
        ],
    ),
    # the province's average is written with the shared subject (优良天数比例)
    Case(
        "全年全市空气质量优良天数比例为84.9%，湖北省平均为82.3%。",
        2023,
        "bulletin",
        "宜昌市",
        [
            ("优良天数比例", 84.9, "%", "eq", 2023, "level", None, "宜昌市", ""),
            ("优良天数比例", 82.3, "%", "eq", 2023, "level", None, "湖北省", ""),
        ],
    ),
    Case(
        "“十三五”期间，全国单位GDP二氧化碳排放累计下降18.8%，全省累计下降24.0%。",
        2021,
        "plan",
        "江苏省",
        [
            ("二氧化碳", 18.8, "%", "eq", 2020, "change", 2015, "全国", ""),
            ("二氧化碳", 24.0, "%", "eq", 2020, "change", 2015, "江苏省", ""),
        ],
    ),
    # a gap to another region's average is an observation of the document's region (as the
    # project's gold labels 比全国多降2.3个百分点); the comparison must stay in the name: a gap
    # between two levels is a level
    Case(
        "全年全市PM2.5平均浓度为25微克/立方米，低于全省平均水平2微克/立方米。",
        2023,
        "bulletin",
        "曲靖市",
        [
            ("PM2.5", 25, "微克/立方米", "eq", 2023, "level", None, "曲靖市", ""),
            ("全省平均", 2, "微克/立方米", "eq", 2023, "level", None, "曲靖市", ""),
        ],
    ),
    # ... and a gap between two declines is a change over the same year
    Case(
        "全年全省单位地区生产总值能耗下降4.6%，降幅高于全国平均水平1.8个百分点。",
        2023,
        "bulletin",
        "浙江省",
        [
            ("能耗", 4.6, "%", "eq", 2023, "change", 2022, "浙江省", ""),
            ("全国", 1.8, "个百分点", "eq", 2023, "change", 2022, "浙江省", ""),
        ],
    ),
    # a city named in a province's bulletin is a sub-area of the document's region: scope, as
    # 银川市 is in the project's gold; 11个设区市 only sizes the set (no value); 最低 is a rank
    Case(
        "全省11个设区市中，湖州市PM2.5平均浓度最低，为24微克/立方米。",
        2023,
        "bulletin",
        "浙江省",
        [
            ("PM2.5", 24, "微克/立方米", "eq", 2023, "level", None, "浙江省", "湖州市"),
        ],
    ),
    # 全省 in a city's bulletin is the city's province (宜昌 -> 湖北省)
    Case(
        "全年全市新增光伏装机68.2万千瓦，占全省新增光伏装机的11.4%；全省新增光伏装机598万千瓦。",
        2023,
        "bulletin",
        "宜昌市",
        [
            ("光伏", 68.2, "万千瓦", "eq", 2023, "change", 2022, "宜昌市", ""),
            ("光伏", 11.4, "%", "eq", 2023, "level", None, "宜昌市", ""),
            ("光伏", 598, "万千瓦", "eq", 2023, "change", 2022, "湖北省", ""),
        ],
    ),
    Case(
        "2020年，全国非化石能源占一次能源消费比重为15.9%，全市为12.4%。",
        2021,
        "plan",
        "遵义市",
        [
            ("非化石能源", 15.9, "%", "eq", 2020, "level", None, "全国", ""),
            ("非化石能源", 12.4, "%", "eq", 2020, "level", None, "遵义市", ""),
        ],
    ),
    # == Scopes: a sub-area or a subset of entities ============================================
    Case(
        "全年全省地级及以上城市空气质量优良天数比例为86.9%，比上年提高2.1个百分点。",
        2023,
        "bulletin",
        "湖北省",
        [
            ("优良天数比例", 86.9, "%", "eq", 2023, "level", None, "湖北省", "地级及以上城市"),
            (
                "优良天数比例",
                2.1,
                "个百分点",
                "eq",
                2023,
                "change",
                2022,
                "湖北省",
                "地级及以上城市",
            ),
        ],
    ),
    Case(
        "年末全省森林覆盖率为35.8%，其中平原地区森林覆盖率为19.6%。",
        2023,
        "bulletin",
        "河北省",
        [
            ("森林覆盖率", 35.8, "%", "eq", 2023, "level", None, "河北省", ""),
            ("森林覆盖率", 19.6, "%", "eq", 2023, "level", None, "河北省", "平原地区"),
        ],
    ),
    Case(
        "“十三五”期间，全省林木覆盖率达到24.1%，平原地区森林覆盖率达到15.3%。",
        2021,
        "plan",
        "江苏省",
        [
            ("林木覆盖率", 24.1, "%", "eq", 2020, "level", None, "江苏省", ""),
            ("森林覆盖率", 15.3, "%", "eq", 2020, "level", None, "江苏省", "平原地区"),
        ],
    ),
    Case(
        "全年主城区PM2.5年均浓度为33微克/立方米。",
        2023,
        "bulletin",
        "绵阳市",
        [
            ("PM2.5", 33, "微克/立方米", "eq", 2023, "level", None, "绵阳市", "主城区"),
        ],
    ),
    Case(
        "全省县级及以上城市集中式饮用水水源地水质达标率为100%。",
        2023,
        "bulletin",
        "湖南省",
        [
            ("水源地", 100, "%", "eq", 2023, "level", None, "湖南省", "县级及以上城市"),
        ],
    ),
    # 重点用能单位: a subset of entities, as 重点企业 is for targets
    Case(
        "全年全省重点用能单位综合能耗比上年下降2.7%。",
        2023,
        "bulletin",
        "安徽省",
        [
            ("综合能耗", 2.7, "%", "eq", 2023, "change", 2022, "安徽省", "重点用能单位"),
        ],
    ),
    # 21个 only sizes the set: not a value, but part of the scope as written
    Case(
        "全省21个市（州）政府所在地城市PM2.5平均浓度为31.9微克/立方米。",
        2023,
        "bulletin",
        "四川省",
        [
            (
                "PM2.5",
                31.9,
                "微克/立方米",
                "eq",
                2023,
                "level",
                None,
                "四川省",
                "21个市（州）政府所在地城市",
            ),
        ],
    ),
    # 13个 only sizes the set: not a value, but part of the scope as written
    Case(
        "全年全省13个设区城市PM2.5平均浓度为32微克/立方米，比上年下降5.9%。",
        2023,
        "bulletin",
        "江苏省",
        [
            ("PM2.5", 32, "微克/立方米", "eq", 2023, "level", None, "江苏省", "13个设区城市"),
            ("PM2.5", 5.9, "%", "eq", 2023, "change", 2022, "江苏省", "13个设区城市"),
        ],
    ),
    # 城市建成区 and 规模以上工业 are the indicators' own definitions (scope ''); the monitored
    # sections (国控断面) are a scope
    Case(
        "年末全省城市建成区绿化覆盖率41.5%，地表水国控断面水质优良比例为99.4%，规模以上工业单位"
        "增加值能耗下降5.2%。",
        2023,
        "bulletin",
        "贵州省",
        [
            ("绿化覆盖率", 41.5, "%", "eq", 2023, "level", None, "贵州省", ""),
            ("水质优良比例", 99.4, "%", "eq", 2023, "level", None, "贵州省", "国控断面"),
            ("能耗", 5.2, "%", "eq", 2023, "change", 2022, "贵州省", ""),
        ],
    ),
    # == Table rows ============================================================================
    # a bulletin table: the growth column's header gives the unit and the baseline (上年); a
    # negative growth (-12.3) is a decrease of 12.3 (value positive, direction from the sign)
    Case(
        "表4  2023年主要能源产品产量\n"
        "产品名称  单位  产量  比上年增长(%)\n"
        "原煤  万吨  586.4  -12.3\n"
        "发电量  亿千瓦时  1723.6  8.9\n"
        "其中：光伏发电  亿千瓦时  206.5  45.2\n",
        2023,
        "bulletin",
        "江西省",
        [
            ("原煤", 586.4, "万吨", "eq", 2023, "level", None, "江西省", ""),
            ("原煤", 12.3, "%", "eq", 2023, "change", 2022, "江西省", ""),
            ("发电量", 1723.6, "亿千瓦时", "eq", 2023, "level", None, "江西省", ""),
            ("发电量", 8.9, "%", "eq", 2023, "change", 2022, "江西省", ""),
            ("光伏发电", 206.5, "亿千瓦时", "eq", 2023, "level", None, "江西省", ""),
            ("光伏发电", 45.2, "%", "eq", 2023, "change", 2022, "江西省", ""),
        ],
    ),
    # a plan's indicator table: the 2020 column is observed, the 2025 column is the target,
    # 序号 (1, 2) is no value
    Case(
        "序号  指标名称  单位  2020年  2025年  属性\n"
        "1  森林覆盖率  %  58.1  59  约束性\n"
        "2  非化石能源消费比重  %  17.2  20  预期性\n",
        2021,
        "plan",
        "浙江省",
        [
            ("森林覆盖率", 58.1, "%", "eq", 2020, "level", None, "浙江省", ""),
            ("非化石能源", 17.2, "%", "eq", 2020, "level", None, "浙江省", ""),
        ],
    ),
    # a table with one cell per line, as PDF readers give it
    Case(
        "指标\n单位\n2020年\n城市空气质量优良天数比率\n%\n93.5\n单位地区生产总值用水量\n立方米/万元\n"
        "38.2\n",
        2021,
        "plan",
        "湖南省",
        [
            ("优良天数比率", 93.5, "%", "eq", 2020, "level", None, "湖南省", ""),
            ("用水量", 38.2, "立方米/万元", "eq", 2020, "level", None, "湖南省", ""),
        ],
    ),
    # == No observation: targets =================================================================
    Case("到2025年，全省非化石能源消费比重达到22%。", 2021, "plan", "湖南省", []),
    Case("力争到2025年，全市森林覆盖率提高到68%。", 2021, "plan", "柳州市", []),
    Case("预计到2025年，全市新能源装机容量将达到600万千瓦。", 2021, "plan", "曲靖市", []),
    Case("全市计划2024年完成造林5万亩。", 2023, "work_report", "遵义市", []),
    Case("要确保单位地区生产总值能耗下降3%。", 2023, "work_report", "安徽省", []),
    # 十四五期间 in a plan of 2021 is the future
    Case("“十四五”期间，全省单位地区生产总值能耗下降14%。", 2021, "plan", "四川省", []),
    Case(
        "到2025年，全省地级及以上城市空气质量优良天数比例达到90%以上，PM2.5平均浓度控制在30微克/"
        "立方米以下。",
        2021,
        "plan",
        "贵州省",
        [],
    ),
    # == No observation: ranks and counts that only define a scope ===============================
    Case("全省生态环境质量综合指数居全国第3位。", 2023, "bulletin", "云南省", []),
    Case("全市空气质量综合指数排名全省第一。", 2023, "bulletin", "湖州市", []),
    Case("在全国168个重点城市中，我市空气质量排名第12位。", 2023, "bulletin", "柳州市", []),
    Case(
        "根据生态环境部通报，全国339个地级及以上城市中，我市空气质量进入前20名。",
        2023,
        "bulletin",
        "绵阳市",
        [],
    ),
    Case("全国339个地级及以上城市", 2023, "bulletin", "江苏省", []),
    Case("全省13个设区市和2个省直管县纳入考核。", 2023, "work_report", "江西省", []),
    Case("我省可再生能源装机规模居全国第4位。", 2021, "plan", "云南省", []),
    # == No observation: dates, document numbers, page numbers, contents, titles ================
    Case(
        "2023年4月，省统计局发布2022年全省国民经济和社会发展统计公报。",
        2022,
        "bulletin",
        "河北省",
        [],
    ),
    Case(
        "根据《河北省人民政府关于印发“十四五”节能减排综合工作方案的通知》（冀政发〔2021〕12号）"
        "要求，制定本方案。",
        2021,
        "plan",
        "河北省",
        [],
    ),
    Case("- 23 -", 2021, "plan", "江苏省", []),
    Case("—\n１５\n—", 2021, "plan", "浙江省", []),
    Case("一、发展基础……3\n二、总体要求……8\n三、重点任务……12", 2021, "plan", "湖北省", []),
    Case(
        "目  录\n第一章 发展基础 ........ 1\n第二章 形势分析 ........ 6", 2021, "plan", "四川省", []
    ),
    Case("《湖南省“十四五”生态环境保护规划》（2021—2025年）", 2021, "plan", "湖南省", []),
    Case("十一、资源、环境和应急管理", 2023, "bulletin", "宜昌市", []),
    # == No observation: a bare data-appendix block of figures with no words =================
    Case("2019 2020 2021\n12.5 13.1 14.0", 2021, "plan", "安徽省", []),
    Case(
        "2018  2019  2020  2021  2022\n46.8  47.3  48.1  48.9  49.6", 2022, "bulletin", "江西省", []
    ),
    # == No observation: thresholds that select entities, definitions, footnotes ===============
    Case("对年综合能耗1万吨标准煤以上企业实施能耗在线监测。", 2021, "plan", "江苏省", []),
    Case("全年关停单机容量30万千瓦以下燃煤机组。", 2023, "work_report", "河北省", []),
    Case(
        "规模以上工业统计范围为年主营业务收入2000万元及以上的工业法人企业。",
        2023,
        "bulletin",
        "贵州省",
        [],
    ),
    Case(
        "注：地区生产总值、各产业增加值绝对数按现价计算，增长速度按不变价格计算。",
        2023,
        "bulletin",
        "湖南省",
        [],
    ),
    # == No observation: phone numbers, standard codes, formula names, numberless results ======
    Case("咨询电话：0851-86821234。", 2023, "bulletin", "贵州省", []),
    Case("空气质量评价执行《环境空气质量标准》（GB 3095-2012）。", 2023, "bulletin", "云南省", []),
    Case("地表水水质评价依据HJ 91.2-2022开展。", 2023, "bulletin", "浙江省", []),
    Case("加强PM2.5和臭氧协同治理，推进5G基站节能改造。", 2023, "work_report", "湖北省", []),
    Case("十年来，全省PM2.5平均浓度比2013年大幅下降。", 2022, "bulletin", "四川省", []),
    # == Bulletin tables (产品名称 | 单位 | 产量 | 比上年增长%), as text layers print them ==========
    # one cell per line; a fall printed as a negative growth is a change of its size
    Case(
        "表2  2023年规模以上工业主要产品产量\n指标\n单位\n绝对数\n比上年增长(%)\n水泥\n万吨\n"
        "3215.7\n-4.6\n发电量\n亿千瓦时\n1480.2\n6.1\n",
        2023,
        "bulletin",
        "安徽省",
        [
            ("水泥", 3215.7, "万吨", "eq", 2023, "level", None, "安徽省", ""),
            ("水泥", 4.6, "%", "eq", 2023, "change", 2022, "安徽省", ""),
            ("发电量", 1480.2, "亿千瓦时", "eq", 2023, "level", None, "安徽省", ""),
            ("发电量", 6.1, "%", "eq", 2023, "change", 2022, "安徽省", ""),
        ],
    ),
    # the unit in the header, no unit column
    Case(
        "指标  年末数(万千瓦)  比上年增长(%)\n风电装机容量  812.6  15.3\n光伏装机容量  1020.4  38.7\n",
        2022,
        "bulletin",
        "甘肃省",
        [
            ("风电", 812.6, "万千瓦", "eq", 2022, "level", None, "甘肃省", ""),
            ("风电", 15.3, "%", "eq", 2022, "change", 2021, "甘肃省", ""),
            ("光伏", 1020.4, "万千瓦", "eq", 2022, "level", None, "甘肃省", ""),
            ("光伏", 38.7, "%", "eq", 2022, "change", 2021, "甘肃省", ""),
        ],
    ),
    # traditional characters
    Case(
        "產品名稱  單位  產量  比上年增長 (%)\n原煤  萬噸  120.5  3.2\n",
        2023,
        "bulletin",
        "广东省",
        [
            ("原", 120.5, "万吨", "eq", 2023, "level", None, "广东省", ""),
            ("原", 3.2, "%", "eq", 2023, "change", 2022, "广东省", ""),
        ],
    ),
    # nothing: a header alone; a row of bare numbers with no name
    Case("产品名称  单位  产量  比上年增长(%)\n", 2023, "bulletin", "江西省", []),
    Case("产品名称  单位  产量  比上年增长(%)\n586.4  -12.3\n", 2023, "bulletin", "江西省", []),
    # == A paragraph's monitored set carries only to measurements of the same kind ============
    Case(
        "全年全省地级及以上城市空气质量优良天数比率为85.1%。年末全省森林覆盖率为41.2%。",
        2023,
        "bulletin",
        "江西省",
        [
            ("优良天数比率", 85.1, "%", "eq", 2023, "level", None, "江西省", "地级及以上城市"),
            ("森林覆盖率", 41.2, "%", "eq", 2023, "level", None, "江西省", ""),
        ],
    ),
    Case(
        "全年设区城市细颗粒物平均浓度为30微克/立方米。全省可吸入颗粒物平均浓度为55微克/立方米。",
        2023,
        "bulletin",
        "河北省",
        [
            ("细颗粒物", 30, "微克/立方米", "eq", 2023, "level", None, "河北省", "设区城市"),
            ("可吸入颗粒物", 55, "微克/立方米", "eq", 2023, "level", None, "河北省", ""),
        ],
    ),
    # == A plan's review: work done, its parts, a period as baseline, a problems section =====
    Case(
        "一、发展基础\n“十三五”期间，全省实施各类科研推广项目312项，取得科技成果655项。",
        2021,
        "plan",
        "吉林省",
        [
            ("科研推广项目", 312, "项", "eq", 2020, "change", 2015, "吉林省", ""),
            ("科技成果", 655, "项", "eq", 2020, "change", 2015, "吉林省", ""),
        ],
    ),
    Case(
        "一、发展基础\n“十三五”期间，全市累计新增节能建筑面积8120万平方米，其中公共建筑"
        "2310万平方米，居住建筑5810万平方米。",
        2021,
        "plan",
        "长沙市",
        [
            ("节能建筑", 8120, "万平方米", "eq", 2020, "change", 2015, "长沙市", ""),
            ("公共建筑", 2310, "万平方米", "eq", 2020, "change", 2015, "长沙市", ""),
            ("居住建筑", 5810, "万平方米", "eq", 2020, "change", 2015, "长沙市", ""),
        ],
    ),
    Case(
        "一、发展基础\n“十三五”末期全市绿色建筑面积达到6200万平方米，相比“十二五”末期增长了410%。",
        2021,
        "plan",
        "长沙市",
        [
            ("绿色建筑面积", 6200, "万平方米", "eq", 2020, "level", None, "长沙市", ""),
            ("绿色建筑面积", 410, "%", "eq", 2020, "change", 2015, "长沙市", ""),
        ],
    ),
    Case(
        "二、存在的问题\n水资源利用效率不高，全省城市公共供水管网漏损率11.6%，非常规水利用量"
        "仅占总用水量的3.8%。\n三、主要目标\n到2025年，城市公共供水管网漏损率控制在9%以内。",
        2021,
        "plan",
        "山西省",
        [
            ("漏损率", 11.6, "%", "eq", 2020, "level", None, "山西省", ""),
            ("非常规水", 3.8, "%", "eq", 2020, "level", None, "山西省", ""),
        ],
    ),
    # == Review tables with a rate column (年均增速, 年均增长) and the unit in a column or in the
    # cells; a bracketed cell is the five-year cumulative ([-13] a fall); 属性 is no value ======
    Case(
        "专栏2 “十三五”能源发展主要指标完成情况\n"
        "类别 指标 单位 2015年 2020年 年均增长 属性\n"
        "总量\n"
        "能源消费总量 万吨标准煤 8120 9350 2.9% 预期性\n"
        "风电装机 万千瓦 640 1510 18.7% 预期性\n",
        2021,
        "plan",
        "山东省",
        [
            ("能源消费总量", 8120, "万吨标准煤", "eq", 2015, "level", None, "山东省", ""),
            ("能源消费总量", 9350, "万吨标准煤", "eq", 2020, "level", None, "山东省", ""),
            ("能源消费总量年均增长", 2.9, "%", "eq", 2020, "change", 2015, "山东省", ""),
            ("风电装机", 640, "万千瓦", "eq", 2015, "level", None, "山东省", ""),
            ("风电装机", 1510, "万千瓦", "eq", 2020, "level", None, "山东省", ""),
            ("风电装机年均增长", 18.7, "%", "eq", 2020, "change", 2015, "山东省", ""),
        ],
    ),
    # 属性 before the unit, the rate's unit in its header (年均增速（%）), cells bare
    Case(
        "序号 指标名称 属性 单位 2015年 2020年 年均增速（%）\n"
        "1 地区生产总值 预期性 亿元 3200 4100 5.1\n"
        "2 全社会用电量 预期性 亿千瓦时 1180 1460 4.4\n",
        2021,
        "plan",
        "贵州省",
        [
            ("地区生产总值", 3200, "亿元", "eq", 2015, "level", None, "贵州省", ""),
            ("地区生产总值", 4100, "亿元", "eq", 2020, "level", None, "贵州省", ""),
            ("地区生产总值年均增速", 5.1, "%", "eq", 2020, "change", 2015, "贵州省", ""),
            ("用电量", 1180, "亿千瓦时", "eq", 2015, "level", None, "贵州省", ""),
            ("用电量", 1460, "亿千瓦时", "eq", 2020, "level", None, "贵州省", ""),
            ("用电量年均增速", 4.4, "%", "eq", 2020, "change", 2015, "贵州省", ""),
        ],
    ),
    # units in the cells (a dash in the unit column), bracketed five-year changes, a name and a
    # unit wrapped over lines (克标准煤/ | 千瓦时)
    Case(
        "指标 单位 2015年 2020年 年均增速 属性\n"
        "城市污水处理率 - 88% 96% [8%] 约束性\n"
        "单位地区生产总值能耗 吨标准煤/万元 0.62 0.51 [-0.11] 约束性\n"
        "煤电机组供电煤耗\n"
        "克标准煤/\n"
        "千瓦时 318 305 [-13] 约束性\n",
        2021,
        "plan",
        "河北省",
        [
            ("污水处理率", 88, "%", "eq", 2015, "level", None, "河北省", ""),
            ("污水处理率", 96, "%", "eq", 2020, "level", None, "河北省", ""),
            ("污水处理率", 8, "%", "eq", 2020, "change", 2015, "河北省", ""),
            ("能耗", 0.62, "吨标准煤/万元", "eq", 2015, "level", None, "河北省", ""),
            ("能耗", 0.51, "吨标准煤/万元", "eq", 2020, "level", None, "河北省", ""),
            ("能耗累计下降", 0.11, "吨标准煤/万元", "eq", 2020, "change", 2015, "河北省", ""),
            ("供电煤耗", 318, "克标准煤/千瓦时", "eq", 2015, "level", None, "河北省", ""),
            ("供电煤耗", 305, "克标准煤/千瓦时", "eq", 2020, "level", None, "河北省", ""),
            ("供电煤耗累计下降", 13, "克标准煤/千瓦时", "eq", 2020, "change", 2015, "河北省", ""),
        ],
    ),
    # a goal table: the 2020 column is observed; the 2025 column and the rate to it are the
    # plan's goals, never observations (属性 no value either)
    Case(
        "指标 单位 2020年 2025年 年均增速 属性\n"
        "风电装机 万千瓦 1510 3000 14.7% 预期性\n"
        "非化石能源消费比重 % 11 18 [7] 约束性\n",
        2021,
        "plan",
        "山东省",
        [
            ("风电装机", 1510, "万千瓦", "eq", 2020, "level", None, "山东省", ""),
            ("非化石能源", 11, "%", "eq", 2020, "level", None, "山东省", ""),
        ],
    ),
    # a goal table's base column: a bracketed cell is the last period's cumulative change, a
    # plain one the base year's level; a group cell before a numbered row is no part of its name
    Case(
        "指标类别 指标 2020年 2025年 属性\n"
        "绿色低碳\n"
        "1．单位地区生产总值能耗降低（%） [15.2] [13.5] 约束性\n"
        "2．森林覆盖率（%） 42.1 43 约束性\n",
        2021,
        "plan",
        "江西省",
        [
            ("单位地区生产总值能耗降低", 15.2, "%", "eq", 2020, "change", 2015, "江西省", ""),
            ("森林覆盖率", 42.1, "%", "eq", 2020, "level", None, "江西省", ""),
        ],
    ),
    # == A review's period phrases: “十三五”前四年 is 2016-2019, 前三年 2016-2018 =================
    Case(
        "一、发展基础\n“十三五”前四年，全省天然气消费量年均增长8.2%。",
        2021,
        "plan",
        "江苏省",
        [("天然气消费量", 8.2, "%", "eq", 2019, "change", 2015, "江苏省", "")],
    ),
    Case(
        "一、发展基础\n“十三五”前三年全市用水总量年均下降1.5%，2020年用水总量为21.3亿立方米。",
        2021,
        "plan",
        "广州市",
        [
            ("用水总量", 1.5, "%", "eq", 2018, "change", 2015, "广州市", ""),
            ("用水总量", 21.3, "亿立方米", "eq", 2020, "level", None, "广州市", ""),
        ],
    ),
    # == 从X下降到Y / 由X提高至Y with no year: the period's start level and its end level ======
    Case(
        "一、发展基础\n“十三五”期间，全省煤炭消费比重从64%下降到56%。",
        2021,
        "plan",
        "安徽省",
        [
            ("煤炭消费比重", 64, "%", "eq", 2015, "level", None, "安徽省", ""),
            ("煤炭消费比重", 56, "%", "eq", 2020, "level", None, "安徽省", ""),
        ],
    ),
    Case(
        "一、发展基础\n全市公共交通出行分担率从38%进一步提高至45%。",
        2021,
        "plan",
        "成都市",
        [
            ("公共交通出行分担率", 38, "%", "eq", 2015, "level", None, "成都市", ""),
            ("公共交通出行分担率", 45, "%", "eq", 2020, "level", None, "成都市", ""),
        ],
    ),
    # == A ratio written X∶1: its first term, no unit ============================================
    Case(
        "一、发展基础\n全市新能源汽车车桩比达到2.4∶1，充电服务网络基本形成。",
        2021,
        "plan",
        "深圳市",
        [("车桩比", 2.4, "", "eq", 2020, "level", None, "深圳市", "")],
    ),
    # a share structure written as the terms of one ratio: one level per term, no unit
    Case(
        "一、发展基础\n2020年全省三次产业结构为9.1:38.7:52.2，服务业比重持续提高。",
        2021,
        "plan",
        "湖北省",
        [
            ("第一产业", 9.1, "", "eq", 2020, "level", None, "湖北省", ""),
            ("第二产业", 38.7, "", "eq", 2020, "level", None, "湖北省", ""),
            ("第三产业", 52.2, "", "eq", 2020, "level", None, "湖北省", ""),
        ],
    ),
    Case(
        "一、发展基础\n2020年，全市三次产业结构由2015年的3.2∶46.1∶50.7调整为2.6∶40.8∶56.6。",
        2021,
        "plan",
        "合肥市",
        [
            ("第一产业", 3.2, "", "eq", 2015, "level", None, "合肥市", ""),
            ("第二产业", 46.1, "", "eq", 2015, "level", None, "合肥市", ""),
            ("第三产业", 50.7, "", "eq", 2015, "level", None, "合肥市", ""),
            ("第一产业", 2.6, "", "eq", 2020, "level", None, "合肥市", ""),
            ("第二产业", 40.8, "", "eq", 2020, "level", None, "合肥市", ""),
            ("第三产业", 56.6, "", "eq", 2020, "level", None, "合肥市", ""),
        ],
    ),
    # a goal structure, and terms that are no shares of one whole, give nothing
    Case("到2025年，全省三次产业结构调整为8:37:55。", 2021, "plan", "湖北省", []),
    Case("一、发展基础\n全市绘制了1:500:2000三级地形图。", 2021, "plan", "湖北省", []),
    # == A review's counts of work done on entities (改造45台机组) =================================
    Case(
        "一、发展基础\n“十三五”期间，全省完成灵活性改造45台机组。",
        2021,
        "plan",
        "吉林省",
        [("灵活性改造", 45, "台", "eq", 2020, "change", 2015, "吉林省", "")],
    ),
    # == A problems section: a yearly average is over the last period; a gap to the plan's
    # expectation is a change from no year ========================================================
    Case(
        "二、存在的问题\n全省用电需求增长较快，全社会用电量实际年均增速达到7.6%，高于规划预期1.8个"
        "百分点。",
        2021,
        "plan",
        "云南省",
        [
            ("用电量实际年均增速", 7.6, "%", "eq", 2020, "change", 2015, "云南省", ""),
            ("规划预期", 1.8, "个百分点", "eq", 2020, "change", None, "云南省", ""),
        ],
    ),
    # == No observation: an outlook section's context, the basis of a forecast or a standard, a
    # rating of equipment made, a count of the places just named ==================================
    Case(
        "三、机遇与挑战\n我省风能、太阳能资源技术可开发量超过20亿千瓦，发展潜力巨大。",
        2021,
        "plan",
        "甘肃省",
        [],
    ),
    # a clause's own year is read in an outlook section too
    Case(
        "二、面临形势\n2020年，全国非化石能源消费比重为15.9%。",
        2021,
        "plan",
        "甘肃省",
        [("非化石能源消费比重", 15.9, "%", "eq", 2020, "level", None, "全国", "")],
    ),
    Case(
        "二、存在的问题\n按照全社会用电量年均增长5%测算，预计到2025年全省最大负荷缺口约300万千瓦。",
        2021,
        "plan",
        "湖南省",
        [],
    ),
    Case(
        "二、存在的问题\n考虑外送电力500万千瓦、系统备用600万千瓦等因素，预计电力缺口将进一步扩大。",
        2021,
        "plan",
        "宁夏回族自治区",
        [],
    ),
    Case(
        "一、发展基础\n按照每户6千瓦标准，完成120万户居民供电设施改造。",
        2021,
        "plan",
        "天津市",
        [("完成", 120, "万户", "eq", 2020, "change", 2015, "天津市", "")],
    ),
    Case("一、发展基础\n完成8兆瓦海上风电机组样机研制。", 2021, "plan", "福建省", []),
    Case(
        "一、发展基础\n临港片区、虹桥片区2个近零碳示范区建设取得积极进展。",
        2021,
        "plan",
        "上海市",
        [],
    ),
]
