"""The words of bulletins, work reports and plan reviews that place a measured value in time,
tell a level from a change, and mark what is no observation (a goal, a rank, a scope count).

Patterns of the genre's language, not of any one document; `observations` reads them.
"""

from __future__ import annotations

import re

FYP = r"[“\"‘]?十(?P<n>[一二三四五])五[”\"’]?"
# A five-year period named as the time of what follows: “十三五”时期 / 以来 / 期间 / 末.
PERIOD_RE = re.compile(
    rf"{FYP}(?P<what>时期|期间|以来|期末|末|中期|前[三四]年|头[三四]年|规划期|期)?"
)
SPAN_RE = re.compile(r"(?P<a>(?:19|20)\d\d)\s*年?\s*[-—–~至到]\s*(?P<b>(?:19|20)\d\d)\s*年")
# (“十三五”前四年 is the start of that period, PERIOD_RE's, not the years before the text)
LAST_YEARS_RE = re.compile(
    r"(?<!五)(?<!五[”\"’])(?:过去|近|这|前)(?P<n>[一二三四五六七八九十两]|\d+)年(?:来|间|中|里)?|(?P<m>[三四五十])年来"
)
LAST_YEAR_RE = re.compile(r"过去(?:的)?一年|去年|上年(?!度?[末底])|上一年")
# A plan's 目前: where its region stands at the start of the plan, the end of the last period.
NOW_RE = re.compile(r"目前|当前|现阶段|截至目前|基准年")
THIS_YEAR_GOALS_RE = re.compile(r"今年(?!以来)|明年")
THIS_YEAR_RE = re.compile(r"(?<![年\d])(?:全年|年末|年底|本年|当年|年内)")
YEAR_RE = re.compile(
    r"(?P<pre>截至|截止|截至到|到|至|于|在|从)?\s*(?P<year>(?:19|20)\d\d)\s*年(?P<end>底|末|年底|年末|全年|上半年|前三季度|一季度|1-\d+月)?"
)
# A year right after these is a baseline (比2015年) or a starting point (由2015年的X), not a time.
BASE_BEFORE_RE = re.compile(
    r"(?:较|比|与|同|相比|相较|对比|由|从|优于|好于|高于|低于|多于|少于)\s*$"
)
BASELINE_RE = re.compile(
    r"(?:比|较|与|同|优于|好于|高于|低于|多于|少于)(?P<year>(?:19|20)\d\d)\s*年(?:末|底)?(?:相比|相较)?|(?P<prev>比上年|较上年|比去年|较去年|同比|与上年相比|比上年同期|较上年同期|比上一年|环比)|"
    # 相比“十二五”末期: measured from the end of that period
    r"(?:相比|相较|比|较|与)\s*[“\"‘]?十(?P<fyp>[一二三四五])五[”\"’]?(?:末期|期末|末|期间|时期)?(?:的数据)?(?:相比|相较)?"
)
STARTING_POINT_RE = re.compile(r"(?:由|从)\s*(?:19|20)\d\d\s*年(?:年?底|年?末|度)?的?")
STARTING_VALUE_RE = re.compile(r"(?:由|从)\s*(?P<year>(?:19|20)\d\d)\s*年(?:年?底|年?末|度)?的?$")
REACHED_YEAR_RE = re.compile(
    r"(?:(?:提高|提升|增加|增长|上升|下降|降低|减少|降|增|达)?(?:到|至)|"
    r"(?:提高|提升|增加|增长|上升|下降|降低|减少)为)"
    r"\s*(?P<year>(?:19|20)\d\d)\s*年(?:年?底|年?末)?的?$"
)

# Looking forward: a clause (or the sentence before it) with these states a goal.
# (高于规划预期 / 超出预期 compares a result with what was expected: no goal)
FORWARD_RE = re.compile(
    r"力争|争取|(?<!于规划)(?<!出规划)(?<!过规划)(?<!于)(?<!出)(?<!过)预期|预计|目标|计划|确保|今年(?!以来)|明年|将(?:达到|超过|突破|提高|下降|实现)|要(?:达到|实现|控制|确保)|"
    r"控制在|不低于|不高于|不超过|以内|力求|拟|有望|届时"
)
FALL_WORDS = (
    "下降",
    "降低",
    "减少",
    "回落",
    "下滑",
    "减排",
    "削减",
    "压减",
    "缩减",
    "压降",
    "降幅",
)
RISE_WORDS = ("增长", "提高", "提升", "增加", "上升", "增幅", "上涨", "扩大")
# A change read without a sign: 改善 of an index that falls as air gets cleaner, 增速, 优于.
UNSIGNED_CHANGE_WORDS = ("改善", "好转", "增速", "优于", "好于")
# Work done in the period a figure covers (全年新增, 五年累计淘汰, 完成造林): a change; a stock
# built up (建成, 累计建成 at a date) is a level unless a period frames it.
WORK_RE = re.compile(
    r"累计建成|累计新增|累计淘汰|累计完成|新增|新建|淘汰|关停|关闭|化解|退出|完成|压减|削减|整治|改造|"
    r"治理|造林|营造林|种草|抚育|修复|划定|开展|成立|获批|认定|安全利用|严格管控|建成|创建|累计"
)
CHANGE_TAIL_RE = re.compile(
    rf"(?P<verb>{'|'.join(FALL_WORDS + RISE_WORDS + UNSIGNED_CHANGE_WORDS)})(?:了)?(?:为|是)?"
    r"(?:近|约|超过|逾|达到|达)?$"
)
# One verb for a list of subjects, a value each: A、B、C分别下降X、Y、Z.
RESPECTIVELY_RE = re.compile(
    r"分别(?:(?:较|比|与)(?:(?:19|20)\d\d\s*年|上年))?"
    r"(?:为|是|达到|达|下降|降低|减少|增长|提高|上升|增加|比上年|同比|较上年)*"
)
LEVEL_TAIL_RE = re.compile(
    r"(?:(?:提高|提升|增加|增长|上升|下降|降低|减少|降|增|缩小|扩大|控制)(?:到|至)|达到|达|为|是|占|"
    r"保持在|稳定在|维持在|超过|突破|逾|近|约|接近|将近|不足|不到|低于|高于|已|共|有|总计|合计|累计|"
    r"分别为|分别|均为|(?<!年)均|共计|约为|在)+$"
)
APPROX_BEFORE_RE = re.compile(r"(?:近|约|接近|将近|大约|约为)$")
GE_BEFORE_RE = re.compile(r"(?:超过|逾|突破|高于|多于|超)$")
LE_BEFORE_RE = re.compile(r"(?:不足|不到|低于|少于)$")
RANK_AFTER_RE = re.compile(r"^\s*(?:位|名)|^[^，。；]{0,4}(?:排名|位次|位居)")
RANK_BEFORE_RE = re.compile(r"(?:第|居|列|排名|位居|名列|前|后)\s*$")
# A size that picks entities out (年综合能耗1万吨标准煤以上企业, 30万千瓦及以上机组).
ENTITY_AFTER_RE = re.compile(
    r"^(?:及)?(?:以上|以下)?(?:的)?(?:工业|重点|规模以上|规上)?(?:用能|排污)?"
    r"(?:企业|机组|项目|单位|用户|锅炉|园区|城市|车辆|船舶|工程)"
)
# Counts that name a scope before its measure: 5个地级城市 / 339个地级及以上城市 …的X为Y.
MEASURE_VERB_END_RE = re.compile(r"(?:为|达到|达|有|共有|拥有|现有|建成|累计|共|总数|数量)$")
GOAL_AFTER_RE = re.compile(r"^(?:的|左右)?(?:约束性|预期性)?(?:目标|任务|考核目标)")
SCOPE_COUNT_AFTER_RE = re.compile(
    r"^(?:个)?(?:地级及以上|地级以上|地级|设区的?|县级及以上|县级|省直管|省辖)?"
    r"(?:城市|市|县|区|市州|市（州）|盟市|地市|国控断面|国考断面|断面)"
)
LEAD_RE = re.compile(
    r"^(?:其中|另外|此外|同时|同期|全年|年末|年底|本年|当年|截至目前|目前|当前|基准年|现已|已经|已|共|累计|"
    r"按(?:不变|可比)价格计算|扣除价格因素|同口径|实际|名义|初步核算|"
    r"过去(?:的)?一年|去年|上年|五年来|十年来|“?十[一二三四五]五”?(?:时期|期间|以来|期末|末|[前头][三四]年)?|"
    r"(?:截至|截止|到|至|于|在)?(?:19|20)\d\d\s*年(?:底|末|年底|年末|全年)?|[，、：:\s])+"
)
WHOLE_REGION_RE = re.compile(
    r"^(?:全省|全市|全区|全州|全县|全盟|全旗|全域|我省|我市|我区|我州|我县|本省|本市|全自治区|全省域)"
)
# Sub-areas and subsets a measured value may be limited to (城市建成区 and 规模以上工业 are part
# of standard indicators' names, not scopes).
SCOPE_HEAD_RE = re.compile(
    r"^(?:\d+个)?(?:地级及以上城市|地级以上城市|设区的?市|设区城市|地级城市|县级及以上城市|县级城市|"
    r"市（州）政府所在地城市|市州政府所在地城市|中心城区|主城区|市区|城区|平原地区|山区|重点流域|"
    r"重点区域|重点企业|重点用能单位)"
)
# The monitored set of a water or air figure, wherever it stands in the name.
MONITORED_SET_RE = re.compile(r"(?:国控|国考|省控|省考|市控)(?:考核)?(?:断面|点位|站点)")
# Part of a year (1—3月, 一季度, 前三季度, 上半年): kept as the scope of the figure.
PART_YEAR_RE = re.compile(
    r"(?<![\d年])(?P<a>\d{1,2})\s*[-—–至]\s*(?P<b>\d{1,2})\s*月(?:份)?|[一二三四]季度|前三季度|上半年|下半年"
)
GENERIC_NAMES = frozenset(
    {"比例", "比重", "占比", "比率", "总量", "增速", "规模", "年均增速", "年均增长", "年均增长率"}
)
NO_INDICATOR_RE = re.compile(r"^[\W\d]*$")
DATE_TAIL_RE = re.compile(r"^\s*(?:年|月|日|号|时|点|分)")
# Work done in a period, as a review words it (实施项目239项, 取得科技成果704项, 落实禁牧草原
# 33.37万公顷): with a period frame, a count or amount after these verbs is a change.
ACTION_RE = re.compile(
    r"实施|推进|取得|获得|获批|荣获|申请|制定|出台|发布|培育|推广|转化|建设(?!用地)|聘任|培训|组建|晋升|"
    r"划建|落实|压缩|调整|举办|争取|植树|补水|投资|评选|消除|除险加固|搬迁|安置|处置|查处|办理|"
    r"受益|命名|认证|授予|新晋|复壮|抢救|编制|签约|引进|兑现|发放|拨付|下达|筹措|救助|帮扶|防治"
)
# A count of places that won a title or passed a test (7个城市获国家森林城市称号): the value.
ACHIEVED_AFTER_RE = re.compile(
    r"^个?[^，。；\d]{0,16}?(?:获得?|荣获|成功创建|被命名为|被评为|被授予|通过(?:了)?|入选|获批)"
)
# Sections of a plan that state where the region stands (存在问题, 面临挑战): their figures
# are of the plan's base year (history_heading words of policy_words.csv, so no target either).
PROBLEM_HEADING_RE = re.compile(r"存在的?问题|主要问题|面临的?挑战|挑战与压力|问题[与和]挑战")
# Sections that look ahead (机遇与挑战, 发展形势, 面临的形势): their figures are context (a
# potential, a national goal), measured only where a clause states its own time.
OUTLOOK_HEADING_RE = re.compile(r"机遇|形势")
# The basis of a figure worked out, not a measure: 按照每户8千瓦标准, 按照…年均增速6%测算,
# 考虑外送420万千瓦…等因素，预计… (a clause so opened, holding such a word or before a forecast).
BASIS_LEAD_RE = re.compile(r"^(?:按照|依照|参照|按|考虑到?|假设|假定|如果|若)(?!(?:不变|可比)价格)")
BASIS_WORD_RE = re.compile(r"标准|测算|计算|估算|推算")
FORECAST_RE = re.compile(r"预计|预测|测算|估算")
# A gap to what a plan expected (高于规划预期2.4个百分点): a change from no year.
GAP_TO_EXPECTED_RE = re.compile(r"(?:高于|低于|超出|超过|快于|慢于)(?:规划)?(?:预期|目标)")
# A rating of equipment developed (完成6兆瓦直驱海上风机样机研制): a size right before the
# product's name in a clause about making it, no measure of the region.
DEVELOPED_RE = re.compile(r"研制|研发|试制|样机|下线")
# 由65%提升至75% / 从37%下降到31%: the value before the verb is where the region starts.
START_BARE_BEFORE_RE = re.compile(r"(?:由|从)\s*$")
START_BARE_AFTER_RE = re.compile(
    r"^\s*(?:大幅|稳步|逐步|进一步)?(?:提高|提升|增加|增长|上升|下降|降低|减少|降|增|缩小|扩大)?(?:到|至)"
)
COUNT_UNITS = frozenset({"个", "座", "家", "处", "条", "所", "项"})
# The measurements a bulletin reports over a monitored set (地级及以上城市, 国控断面): a
# paragraph's scope carries from one of them to the next of the same kind.
MONITORED_FAMILIES = (
    re.compile(
        r"PM2\.?5|PM10|细颗粒物|可吸入颗粒物|臭氧|优良天数|重污染|污染天数|二氧化硫|二氧化氮|"
        r"一氧化碳|空气质量|降尘|酸雨"
    ),
    re.compile(r"断面|水质|Ⅰ～Ⅲ类|Ⅰ-Ⅲ类|Ⅲ类|劣Ⅴ类|劣V类|水功能区|饮用水水源"),
)
_PLACE_NAME_RE = re.compile(r"[\u4e00-\u9fa5]{1,10}(?:区|市|县|州|镇|乡|园|港|村)$")


def counts_the_places_listed(before: str, value: float) -> bool:
    """True for 上海石化暂供区、外高桥港区2个增量配网试点: a count right after a 、-list of places
    that only says how many the list names (no measure of its own)."""
    items = before.rstrip().split("、")
    if len(items) < 2 or len(items) != value:
        return False
    items[0] = re.split(r"[^\u4e00-\u9fa5]", items[0])[-1]
    return all(_PLACE_NAME_RE.fullmatch(item) for item in items)
