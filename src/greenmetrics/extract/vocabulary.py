"""The vocabulary of Chinese policy language the rules read: units, comparison and action
verbs (达到/稳定在/下降/新建/累计建成 ...), aspiration words (力争/争取), whole-region and
scope words, target years (到2025年, 十四五末, 年底前), commitment words (全覆盖, 清零) and the
headings of history sections. Each list is about how plans phrase targets in general, never
about one plan."""

from __future__ import annotations

import re

# NOTE: ordered longest first so that 个百分点 wins over 个, 万千瓦 over 千瓦, etc.
_UNIT_BASES = (
    "平方公里|平方米|立方米|千瓦时|千瓦|兆瓦|吉瓦|吨标准煤|吨标煤|标准煤|公顷|公里|千米|亩|吨|"
    "辆|台|套|户|人|元|个|家|座|处|项|所|条|艘|根|株|棵|头|只|口|眼|张|间|栋|幢|千克|公斤|批|"
    "床|公斤|箱|片|块|宗|例|名|位|次"
)
UNIT_RE = (
    r"(?:个百分点|百分点|%|‰|微克/立方米|毫克/立方米|毫克/升|吨/万元|千克/公顷|倍|"
    r"(?:百万|千万|万|亿|千|百)?(?:" + _UNIT_BASES + r"))"
)

NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
CN_DIGIT = "零〇一二两三四五六七八九十百千万亿"
CN_NUM = rf"[{CN_DIGIT}]+(?:点[{CN_DIGIT}]+)?"

# A quantity: arabic (with an optional range 2-3 / 2至3), 百分之X, X成, or a Chinese-numeral count.
QUANTITY_RE = re.compile(
    rf"(?P<arabic>(?<![\d.A-Za-z/∶:])(?P<lo>{NUM})(?:\s*(?:-|至|到)\s*(?P<hi>{NUM}))?(?![\d.]))"
    rf"|(?P<pct_cn>百分之(?P<pct_num>{CN_NUM}))"
    rf"|(?P<cheng>(?P<cheng_num>[一二两三四五六七八九十]+)成(?![为立果效熟本就功员交])(?=[以左多]|$|[，。；、的]))"
)

ZERO_RE = re.compile(r"零(?P<what>填埋|废弃|排放|增长|新增)")

# Verbs (and verb phrases) that compare the indicator to the value, right before the value.
COMPARE_VERBS = (
    "提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|上升到|上升至|扩大到|扩大至|"
    "降低到|降低至|下降到|下降至|降到|降至|减少到|减少至|压减到|压减至|控制在|稳定在|保持在|"
    "稳定|保持|达到|达|为|不低于|不少于|不高于|不超过|不大于|不小于|超过|高于|低于|大于|小于|"
    "至少|累计达到|总量达到|提高|提升|增加|增长|下降|降低|减少|压减|削减|实现"
)
COMPARE_TAIL_RE = re.compile(
    rf"(?:(?:较|比|相比|与)(?P<base>(?:19|20)\d\d)年(?:末|底)?(?:相比|水平)?(?:的基础上)?)?"
    rf"(?:力争|争取|分别|均|总体|年均|累计|基本|平均|整体|要|将|可)*"
    rf"(?P<verb>{COMPARE_VERBS})?(?:到|至)?(?:分别|约|大约|近|超)?$"
)
REDUCTION_VERBS = ("下降", "降低", "减少", "压减", "削减")
LEVEL_AFTER_REDUCTION = ("到", "至", "降至", "降到", "控制在")
GE_BEFORE = ("不低于", "不少于", "至少", "超过", "高于", "大于", "不小于")
LE_BEFORE = ("不高于", "不超过", "低于", "小于", "不大于")
APPROX_BEFORE = ("约", "大约")

# Action verbs at the head of a target clause; those that make new work in the period (an
# increment) are separated from those that describe a state reached (a level).
INCREMENT_VERBS = (
    "新建|新增|新发展|新创建|新培育|新改造|新认定|新开工|开工建设|开工|新造|治理|改造|完成|年均新增|"
    "每年新增|每年"
)
LEVEL_VERBS = (
    "累计建成|建成|建设|打造|培育发展|培育认证|培育|创建|发展|认定|选择|遴选|推广|达到|实现|"
    "争创|形成|布局|建立|支持|扶持|引进|培植|保持|巩固|推动|推进|实施|开展|组织"
)
ACTION_RE = re.compile(rf"^(?:{INCREMENT_VERBS}|{LEVEL_VERBS})")
INCREMENT_RE = re.compile(rf"(?:{INCREMENT_VERBS})")
PERIOD_INCREMENT_RE = re.compile(r"每年|年均|每年度|逐年")

ASPIRATION_RE = re.compile(r"力争|争取|努力|尽力|力求|积极争取")

# Words in front of the indicator that are not part of it.
LEAD_RE = re.compile(
    r"^(?:"
    r"(?:到|至|在|于|截至)?(?:(?:19|20)\d\d年(?:底|末|年底|年末)?(?:前|以前|之前)?)|"
    r"(?:到|至|在)?[“\"]?十[一二三四五六七八九]五[”\"]?(?:末期?|期末|期间|时期|内)?|"
    r"力争|争取|积极|确保|同步|全面|进一步|持续|逐步|基本|稳步|大力|加快|着力|努力|"
    r"当年|当期|年内|每年|年均|同时|其中|并|且|和|及|以及|与|、|，|的|将|要|共|累计|总计|合计|"
    r"完成新建|全部|要求|使|让"
    r")"
)
# Whole-region words: a target on 全省 / 我州 is a target on the plan's own region.
WHOLE_REGION_RE = re.compile(
    r"^(?:全国|全省|全区|全州|全市|全县|全旗|全盟|我省|我区|我州|我市|我县|我旗)"
)
# A named place at the head of an indicator: two or more characters before an admin suffix.
PLACE_RE = re.compile(
    r"^(?P<place>(?:其他|其余|各)?[\u4e00-\u9fa5]{2,7}?(?:市城区|县城区|城区|地级市|市|县|区|州|旗|盟|镇|乡|新区))"
    r"(?=[\u4e00-\u9fa5])"
)
# Entity sets that limit a target (重点企业, 规模以上企业, 基地 ...).
ENTITY_SCOPE_RE = re.compile(
    r"^(?P<place>(?:(?:重点|规模以上|其他|其余|各|所有|全部|公共|国有)[\u4e00-\u9fa5]{0,4}?"
    r"(?:企业|园区|开发区|基地|单位(?!增加值|产品|地区|国内|GDP|面积|建筑)|机构|城市|县城|城区)|基地|园区|开发区)"
    r"(?:中|内|的)?)(?=[\u4e00-\u9fa5])"
)
THRESHOLD_SCOPE_RE = re.compile(
    r"^(?P<place>.+?(?:以上|以下|及以上)的[^，；]*?(?:园区|企业|单位|城市|县城|项目|工程|机构|设施))"
    r"(?=[\u4e00-\u9fa5])"
)
GENERIC_PLACE_WORDS = {
    "城市",
    "城区",
    "县城",
    "地区",
    "农村",
    "乡村",
    "城镇",
    "社区",
    "园区",
    "全区",
}
# NOTE: without a gazetteer, a "place" must not contain the verbs and generic nouns that end in
# 区/市/县/乡 by accident (单位地区, 推动城乡, 建立健全社区, 规范县级).
NOT_A_PLACE_RE = re.compile(
    r"^所有|^全部|推|加快|建|规范|标准|继续|实施|开展|单位|城乡|社区|健全|完善|提升|强化|全面|发展|支持|鼓励|"
    r"引导|开发|治理|改造|利用|(?:地区|园区|小区|景区|矿区|山区|牧区|农区|林区|库区|市区|城市)$"
)

# Heads of indicator phrases: a list "A率、B率达到90%" shares one value.
INDICATOR_HEAD_RE = re.compile(
    r"(?:率|比重|占比|比例|系数|强度|指数|面积|数量|总量|能耗|水耗|浓度|量)$"
)

# Years in context.
TARGET_YEAR_RE = re.compile(
    r"(?:(?:到|至|在|于|截至)\s*)?(?P<year>(?:19|20)\d\d)\s*年(?P<tail>底前|年底前|前|以前|之前|底|末|年底|年末)?"
)
PERIOD_YEAR_RE = re.compile(r"(?P<a>(?:19|20)\d\d)\s*-\s*(?P<b>(?:19|20)\d\d)\s*年")
FYP_RE = re.compile(
    r"[“\"]?十(?P<n>[一二三四五六七八九])五[”\"]?(?P<tail>末期?|期末|期间|时期|内)?"
)
FYP_END = {"一": 2010, "二": 2015, "三": 2020, "四": 2025, "五": 2030}

# Qualitative dated commitments (milestones).
MILESTONE_RE = re.compile(
    r"(?P<what>全覆盖|基本普及|全面普及|动态清零|清零|零填埋|零排放|零增长|全部建成投入运行|"
    r"全部建成|全面建成|基本建成|建成投入运行|投入运行|达到国家要求|达到国家标准|"
    r"达到(?:国内|国际|全国|行业)(?:领先|先进)水平|编制完成|全面完成|基本完成|基本消除|全面消除|全部消除|"
    r"全面达标|全部达标)"
)
MILESTONE_NEGATIVE_RE = re.compile(r"^(?:成果|的基础上|基础上|行动|工作|专项)")
MILESTONE_NEG_BEFORE_RE = re.compile(r"(?:巩固|已|已经|已实现|保持了)$")

HEADING_RE = re.compile(
    r"^\s*(?:(?P<l0>第[一二三四五六七八九十百]+[章节篇部分])|(?P<l1>[一二三四五六七八九十]+、)|"
    r"(?P<l2>[（(][一二三四五六七八九十]+[)）])|(?P<l3>\d+[、.．]))"
)
HISTORY_HEADING_RE = re.compile(r"十[一二三]五|成效|成就|回顾|发展基础|基础条件|现状|进展情况|取得")
FORWARD_HEADING_RE = re.compile(r"目标|任务|措施|举措|要求|路径|重点工作")
HISTORY_SENTENCE_RE = re.compile(
    r"^(?:(?:19|20)\d\d年(?:以来|来)?[，,]|十[一二三]五(?:时期|期间|以来)[，,]?)"
)

SENTENCE_END = "。！？!?\n"
CLAUSE_SEP = "，；;,：:"
