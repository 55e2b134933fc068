"""Extracting quantitative targets and dated milestones from the text of a plan.

The rules here are written for the language of Chinese policy documents, not for any one plan:
a target is a quantity (number + unit, 百分之X, X成, 零X) governed by a target verb
(达到/提高到/稳定在/下降/新建/建成 ...) in a clause that looks forward (到2025年, 十四五末,
2025年底前, or the plan's default year). Every record keeps the exact characters of its clause
in the decoded document (`quote`, `char_start`, `char_end`), so every number traces back.

Pipeline per document: normalize (full-width digits, odd spaces; offsets kept) -> sentences
(。！？ and line breaks) -> clauses (，；：) -> quantity mentions -> one record per target.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

import cn2an

from .text import NormalizedText, normalize

# ---------------------------------------------------------------------------------------------
# Vocabulary of policy language. Each list is about how plans phrase targets in general.
# ---------------------------------------------------------------------------------------------

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
# Units that name a count of things or an area/length built: what 新建/新增 make an increment of.
RATE_UNITS = {"%", "‰", ""}

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


@dataclass(frozen=True)
class PlanContext:
    """What the extractor needs to know about the plan beyond its text."""

    doc_id: str
    region_names: tuple[str, ...] = ()
    issue_year: int | None = None
    default_target_year: int | None = None


@dataclass
class TargetRecord:
    doc_id: str
    indicator_zh: str
    value: float
    unit: str
    comparator: str
    kind: str
    target_year: int
    baseline_year: int | None
    scope_zh: str
    aspirational: int
    year_inferred: int
    quote: str
    char_start: int
    char_end: int
    target_id: str = ""


@dataclass
class MilestoneRecord:
    doc_id: str
    commitment_zh: str
    target_year: int
    aspirational: int
    year_inferred: int
    quote: str
    char_start: int
    char_end: int
    milestone_id: str = ""


@dataclass
class Mention:
    """One quantity in a clause: where it is (clause-relative) and how to read it."""

    start: int
    end: int  # end of number+unit+trailing comparator words
    value: float
    unit: str
    comparator: str
    is_range: bool = False
    zero_word: str = ""


@dataclass
class _Sentence:
    start: int
    end: int
    year: int | None = None
    history: bool = False
    clauses: list[tuple[int, int]] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------


def chinese_number(text: str) -> float | None:
    """Value of a Chinese numeral (八十 -> 80, 两 -> 2, 九十五点五 -> 95.5); None if not one."""
    try:
        return float(cn2an.cn2an(text.replace("〇", "零"), "smart"))
    except (ValueError, KeyError, TypeError, IndexError):
        return None


def _read_unit(text: str, pos: int) -> tuple[str, int]:
    m = re.compile(UNIT_RE).match(text, pos)
    if m:
        return m.group(0), m.end()
    return "", pos


_UNIT_MATCH = re.compile(UNIT_RE)
_MORE_THAN = re.compile(r"余|多")
_PER_TIME = re.compile(r"/(?:年|日|天|小时)")
_AFTER_GE = re.compile(r"^(?:以上|及以上|多|余|以上水平)")
_AFTER_LE = re.compile(r"^(?:以下|及以下|以内|之内)")
_AFTER_APPROX = re.compile(r"^(?:左右|上下)")
# After a bare number: what may follow for it still to be a value (a ratio or coefficient).
_BARE_OK_AFTER = re.compile(r"^(?:$|以上|以下|以内|左右|[，。；、,;）)]|和|及|或)")
# Numbers followed by these are dates, ordinals, document numbers or names, never targets.
_NOT_A_VALUE_AFTER = re.compile(
    r"^(?:\s*年|月|日|号|届|期|次会议|版|级|类|型|代|号文|条例|〕|\]|\))"
)


_ANY_QUANTITY = re.compile(r"[0-9零〇一二两三四五六七八九十]")


def find_mentions(clause: str) -> list[Mention]:
    """Every quantity in a clause that could be a target value, in order of position."""
    if not _ANY_QUANTITY.search(clause):
        return []
    mentions: list[Mention] = []
    consumed = 0
    for m in QUANTITY_RE.finditer(clause):
        start, end = m.start(), m.end()
        if start < consumed:
            continue  # inside the previous quantity (the upper end of "60%-70%")
        unit = ""
        is_range = False
        if m.group("arabic"):
            before = clause[max(0, start - 1) : start]
            if before in ("第", "〔", "[", "《") or (start and clause[start - 1] in "年月"):
                continue
            if _NOT_A_VALUE_AFTER.match(clause[end:]):
                continue
            lo = float(m.group("lo").replace(",", ""))
            is_range = m.group("hi") is not None
            more = _MORE_THAN.match(clause, end)
            if more and _UNIT_MATCH.match(clause, more.end()):
                end = more.end()  # NOTE: 100余个 / 30多家 means "more than": ge
                is_range = True
            unit_m = _UNIT_MATCH.match(clause, end)
            if unit_m:
                unit = unit_m.group(0)
                end = unit_m.end()
                if unit.endswith("个") and clause[end : end + 1] in ("月", "工"):
                    continue  # 3个月 / 5个工作日 are durations
                per = _PER_TIME.match(clause, end)
                if per:
                    unit += per.group(0)
                    end = per.end()
                upper = re.compile(rf"\s*-\s*{NUM}{re.escape(unit)}").match(clause, end)
                if upper and unit:
                    end = upper.end()  # "10%-15%": a range written with the unit twice
                    is_range = True
            else:
                rest = clause[end:]
                if not _BARE_OK_AFTER.match(rest):
                    continue
            value = lo
        elif m.group("pct_cn"):
            num = chinese_number(m.group("pct_num"))
            if num is None:
                continue
            value, unit = num, "%"
        else:
            num = chinese_number(m.group("cheng_num"))
            if num is None:
                continue
            value, unit = num * 10, "%"
        rest = clause[end:]
        comparator = "ge" if is_range else "eq"
        for pattern, comp in ((_AFTER_GE, "ge"), (_AFTER_LE, "le"), (_AFTER_APPROX, "approx")):
            cm = pattern.match(rest)
            if cm:
                comparator = comp
                end += cm.end()
                break
        # NOTE: "运量150万吨以上的园区" is a threshold that defines whom a target applies to,
        # not a target; "80%左右的机关达到要求" at the head of a clause is a target.
        if clause[end : end + 1] == "的" and not _starts_clause(clause, start):
            continue
        if _FROM_YEAR_BEFORE.search(clause[:start]):
            continue  # 由2020年的56% is the starting point of the target that follows
        if _counts_preceding_list(clause[:start], value):
            continue
        mentions.append(Mention(start, end, value, unit, comparator, is_range))
        consumed = end
    for m in ZERO_RE.finditer(clause):
        mentions.append(Mention(m.start(), m.end(), 0.0, "", "eq", zero_word=m.group(0)))
    mentions.sort(key=lambda x: x.start)
    return mentions


_FROM_YEAR_BEFORE = re.compile(r"(?:由|从)(?:19|20)\d\d年(?:底|末)?的?$")


def _counts_preceding_list(before: str, value: float) -> bool:
    """True for "钢铁、焦化、水泥3个行业": a number that counts the items listed right before it."""
    items = before.split("、")
    if len(items) < 3:
        return False
    items[0] = re.split(r"[^\u4e00-\u9fa5]", items[0])[-1]
    return value == len(items) and all(0 < len(i) <= 8 for i in items)


def _starts_clause(clause: str, pos: int) -> bool:
    head = LEAD_RE.sub("", clause[:pos])
    while True:
        stripped = LEAD_RE.sub("", head)
        if stripped == head:
            break
        head = stripped
    return head == ""


# ---------------------------------------------------------------------------------------------
# Sentences, clauses, years
# ---------------------------------------------------------------------------------------------


_SPAN_PATTERNS: dict[str, re.Pattern] = {}


def _split_spans(text: str, start: int, end: int, seps: str) -> list[tuple[int, int]]:
    """Non-empty stretches of text[start:end] between separator characters."""
    pattern = _SPAN_PATTERNS.get(seps)
    if pattern is None:
        # A thousands comma (1,000) is part of a number, not a separator.
        pattern = _SPAN_PATTERNS[seps] = re.compile(
            rf"(?:[^{re.escape(seps)}]|(?<=\d),(?=\d{{3}}(?!\d)))+"
        )
    return [m.span() for m in pattern.finditer(text, start, end)]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t“”\"'‘’《》【】":
        s += 1
    while e > s and text[e - 1] in " \t“”\"'‘’【】":
        e -= 1
    return s, e


def _year_of_expression(m: re.Match) -> int:
    return int(m.group("year"))


_CN_YEAR_RE = re.compile(r"[二][〇零○Ｏ][〇零○Ｏ一二三四五六七八九]{2}(?=年)")
_CN_YEAR_DIGITS = str.maketrans("〇零○Ｏ一二三四五六七八九", "000012345678" + "9")


def arabic_years(text: str) -> str:
    """二〇二五年 -> 2025年, same length, so offsets into the text stay valid."""
    return _CN_YEAR_RE.sub(lambda m: m.group(0).translate(_CN_YEAR_DIGITS), text)


def find_year(text: str) -> tuple[int | None, int]:
    """The target year a stretch of text states (到2025年, 2023年底前, 十四五末) and where it ends.

    Years of baselines (较2020年) and of dates (2021年11月9日) are not target years."""
    if "年" not in text and "五" not in text:
        return None, -1
    text = arabic_years(text)
    found: tuple[int | None, int] = (None, -1)
    for m in PERIOD_YEAR_RE.finditer(text):
        found = (int(m.group("b")), m.end())
    for m in TARGET_YEAR_RE.finditer(text):
        prefix = text[max(0, m.start() - 3) : m.start()]
        after = text[m.end() : m.end() + 3]
        if re.search(r"(?:较|比|与|由|相比|相较|从)$", prefix) or re.match(r"^\d{1,2}月", after):
            continue
        if re.match(r"^(?:的|相比|水平|基础)", after):
            continue
        if m.start() > 0 and text[m.start() - 1] == "-":
            continue
        if m.end() > found[1]:
            found = (_year_of_expression(m), m.end())
    for m in FYP_RE.finditer(text):
        tail = m.group("tail") or ""
        prefix = text[max(0, m.start() - 1) : m.start()]
        if prefix in ("第", "《") or not (tail or prefix in ("到", "至", "在")):
            continue
        year = FYP_END[m.group("n")]
        if m.end() > found[1]:
            found = (year, m.end())
    return found


def default_target_year(text: str, issue_year: int | None = None) -> int:
    """The year of the plan's main goals: the year most often stated in 到YYYY年 phrases.

    A line without a year takes it (as the gold conventions say); ties go to the earlier year."""
    counts: Counter[int] = Counter()
    text = arabic_years(text)
    for m in re.finditer(r"(?:到|至)\s*((?:20)\d\d)\s*年", text):
        year = int(m.group(1))
        if issue_year is None or year >= issue_year:
            counts[year] += 1
    for m in FYP_RE.finditer(text):
        if m.group("n") == "四" and (m.group("tail") or "").startswith(("末", "期末")):
            counts[2025] += 1
    if not counts:
        return 2025 if issue_year is None or issue_year <= 2025 else issue_year + 4
    best = max(counts.values())
    return min(y for y, c in counts.items() if c == best)


def _heading_level(line: str) -> tuple[int | None, str]:
    m = HEADING_RE.match(line)
    if not m:
        return None, ""
    level = next(i for i, g in enumerate(("l0", "l1", "l2", "l3")) if m.group(g))
    title = re.split(r"[。：:]", line[m.end() :], maxsplit=1)[0]
    return level, title


def _sentences(norm: str) -> list[_Sentence]:
    """Sentences with the history flag (sections that review the past) and their clauses."""
    sentences: list[_Sentence] = []
    history_level: int | None = None
    line_start = 0
    for line in norm.split("\n"):
        line_end = line_start + len(line)
        level, title = _heading_level(line)
        if level is not None:
            if history_level is not None and (
                level <= history_level or FORWARD_HEADING_RE.search(title)
            ):
                history_level = None
            if history_level is None and len(title) <= 40 and HISTORY_HEADING_RE.search(title):
                history_level = level
        for s, e in _split_spans(norm, line_start, line_end, SENTENCE_END):
            s, e = _trim(norm, s, e)
            if e <= s:
                continue
            sent = _Sentence(s, e, history=history_level is not None)
            sent.clauses = [_trim(norm, cs, ce) for cs, ce in _split_spans(norm, s, e, CLAUSE_SEP)]
            sent.clauses = [(cs, ce) for cs, ce in sent.clauses if ce > cs]
            sentences.append(sent)
        line_start = line_end + 1
    return sentences


# ---------------------------------------------------------------------------------------------
# Indicator phrase, scope, kind
# ---------------------------------------------------------------------------------------------


def _strip_lead(phrase: str) -> str:
    while True:
        stripped = LEAD_RE.sub("", phrase)
        stripped = stripped.lstrip("，、,；;：: ")
        if stripped == phrase:
            return phrase
        phrase = stripped


_ACTION_ANY = re.compile(rf"(?:{INCREMENT_VERBS}|{LEVEL_VERBS})")
_TECH_QUALIFIER = re.compile(rf"^{NUM}[^\d，、]{{1,3}}?及以[上下]")


_VERB_MODIFIER = re.compile(r"^[\u4e00-\u9fa5]{2,3}(?:及|和|与|或)[\u4e00-\u9fa5]{2,3}的")
# Measure words that follow the owner of a share: 新能源和清洁能源 | 装机容量占比.
_MEASURE_HEAD = re.compile(r"装机|发电|消费|用水|用电|能耗|产值|增加值|面积|数量|产量|排放")


def _complete_from_previous(indicator: str, previous: str) -> str:
    """ "发电量占比" after "新能源和清洁能源装机容量占比": the owner of the share is shared."""
    if not previous or len(indicator) > 6 or not _MEASURE_HEAD.match(indicator):
        return indicator
    head = INDICATOR_HEAD_RE.search(indicator)
    m = _MEASURE_HEAD.search(previous)
    if head and m and m.start() >= 2 and previous.endswith(head.group(0)):
        return previous[: m.start()] + indicator
    return indicator


def _strip_actions(phrase: str) -> tuple[str, list[str]]:
    verbs = []
    while True:
        phrase = _strip_lead(phrase)
        m = ACTION_RE.match(phrase)
        if m and _VERB_MODIFIER.match(phrase):
            return phrase, verbs  # NOTE: 新增及更换的公交车 names vehicles, the verbs are no action
        if not m:
            m2 = _TECH_QUALIFIER.match(phrase)
            if m2:
                phrase = phrase[m2.end() :]
                continue
            return phrase, verbs
        verbs.append(m.group(0))
        phrase = phrase[m.end() :]


def _split_scope(phrase: str, region_names: tuple[str, ...]) -> tuple[str, str]:
    """(scope, indicator): a leading place or entity set that limits the target, if any."""
    phrase = _strip_lead(phrase)
    for _ in range(2):
        m = WHOLE_REGION_RE.match(phrase)
        if m:
            phrase = _strip_lead(phrase[m.end() :])
        for name in region_names:
            # NOTE: 临夏市 in a plan of 临夏州 is a city inside the region, not the region itself.
            if (
                name
                and phrase.startswith(name)
                and len(phrase) > len(name) + 1
                and phrase[len(name)] not in "省市县区州旗盟镇乡"
            ):
                phrase = _strip_lead(phrase[len(name) :])
                break
    for pattern in (THRESHOLD_SCOPE_RE, PLACE_RE, ENTITY_SCOPE_RE):
        m = pattern.match(phrase)
        if not m:
            continue
        place = m.group("place")
        rest = phrase[m.end() :]
        if place in GENERIC_PLACE_WORDS or len(rest) < 2:
            continue
        if pattern is PLACE_RE and (
            re.match(r"^(?:城市|城镇|县城|城区)", place) or NOT_A_PLACE_RE.search(place)
        ):
            continue
        if pattern is ENTITY_SCOPE_RE and place in ("城市", "县城", "城区"):
            continue
        return place.rstrip("中内的"), _strip_lead(rest)
    return "", phrase


_SHARED_HEAD_RE = re.compile(
    r"(?:综合利用率|利用率|回收率|处理率|覆盖率|普及率|达标率|比重|占比|比例|系数|强度|率)$"
)


def _split_parallel(subject: str, n: int) -> list[str] | None:
    """One subject with n values (分别达到X、Y) -> n indicator phrases.

    Two shapes of parallel wording: a shared prefix (非化石能源装机和消费比重 -> 非化石能源装机比重,
    非化石能源消费比重) and a shared tail (城市和县城生活污水处理率 -> 城市生活污水处理率,
    县城生活污水处理率). Anything else keeps each item as written."""
    parts = [p for p in re.split(r"以及|和|、|及|与", subject) if p]
    if len(parts) != n:
        return None
    last = parts[-1]
    head_m = _SHARED_HEAD_RE.search(last)
    lead = parts[:-1]
    if any(_SHARED_HEAD_RE.search(p) for p in lead):
        return parts
    if head_m:
        head = head_m.group(0)
        modifier = last[: -len(head)]
        if 0 < len(modifier) <= 4 and len(parts[0]) > len(modifier) + 1:
            prefix = parts[0][: len(parts[0]) - len(modifier)]
            return [parts[0] + head] + [prefix + p + head for p in lead[1:]] + [prefix + last]
    if all(len(p) <= 4 for p in lead) and len(last) > len(parts[0]) + 2:
        tail = last[len(parts[0]) :]
        return [p + tail for p in lead] + [last]
    return parts


def _split_shared_subject(subject: str) -> list[str]:
    """'秸秆综合利用率、农用残膜回收率' (one value for both) -> two indicators."""
    items = [p for p in subject.split("、") if p]
    if len(items) >= 2 and all(INDICATOR_HEAD_RE.search(p) and len(p) >= 4 for p in items):
        return items
    return [subject]


def _comparison(left: str) -> tuple[str, str | None, int | None, int]:
    """Split the words right before a value into (verb, baseline year) and the rest's length."""
    m = COMPARE_TAIL_RE.search(left)
    verb = m.group("verb") or "" if m else ""
    base = int(m.group("base")) if m and m.group("base") else None
    rest_len = m.start() if m else len(left)
    return left[rest_len:], verb, base, rest_len


# ---------------------------------------------------------------------------------------------
# The extractor
# ---------------------------------------------------------------------------------------------


_TRAILING_YEAR_RE = re.compile(
    r"(?:到|至|在|于)?(?:(?:19|20)\d\d年(?:底|末)?(?:前|以前|之前)?|[“\"]?十四五[”\"]?(?:末期?|期末|期间|时期))$"
)
_STARTING_VALUE_RE = re.compile(
    rf"(?:由|从)(?P<year>(?:19|20)\d\d)年(?:底|末)?(?:的)?(?:{NUM})?\s*(?:%|‰|{UNIT_RE})?(?:左右)?$"
)
_STATUS_RE = re.compile(r"现有|共有|已有|已建成|已达到|已完成|目前|截至目前|现状|已经|实际完成")
_FORWARD_RE = re.compile(
    rf"{COMPARE_VERBS}|{INCREMENT_VERBS}|{LEVEL_VERBS}|每年|年均|力争|争取|确保"
)


def _looks_forward(before: str, mention: Mention, year: int | None) -> bool:
    """A target states what is to be reached: a year, a verb or a comparator says so; words of
    the present (现有, 共有, 目前) say it is a fact about today."""
    if _STATUS_RE.search(before):
        return False
    return (
        year is not None
        or mention.comparator != "eq"
        or mention.is_range
        or bool(mention.zero_word)
        or bool(_FORWARD_RE.search(before))
    )


def _stable_id(prefix: str, *parts: object) -> str:
    digest = hashlib.sha1("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:12]}"


@dataclass
class _ClauseContext:
    """What earlier clauses of the same sentence tell a later one."""

    year: int | None = None  # the target year stated so far in the sentence
    aspirational: bool = False  # 力争/争取 in a lead clause (力争到2025年，...)
    scope: str = ""  # a place named at the head of the sentence (临夏市城区基本建立..., X达到...)
    last_indicator: str = ""  # for a clause with no subject: "到2025年，达到35%"
    recording_only: bool = False  # a clause about the past: remember its indicator, emit nothing


@dataclass
class _Segment:
    """The text that goes with one group of mentions: subject, verbs, comparison words."""

    start: int
    end: int
    left: str  # clause text from the segment start to the first value
    mentions: list[int]


class Extractor:
    """Extract targets and milestones from one document's text."""

    def __init__(self, text: str, context: PlanContext):
        self.text = text
        self.context = context
        self.norm: NormalizedText = normalize(text)
        self.default_year = context.default_target_year or default_target_year(
            self.norm.text, context.issue_year
        )
        # NOTE: without an issue date, plans are taken as issued a plan period before their
        # main goal year (2021 for 2025): years before that are history, not targets.
        self.issue_year = context.issue_year or self.default_year - 4
        self.targets: list[TargetRecord] = []
        self.milestones: list[MilestoneRecord] = []

    def _quote(self, start: int, end: int) -> tuple[str, int, int]:
        """The original characters of normalized [start, end) and their offsets."""
        s, e = self.norm.span_to_original(start, end)
        return self.text[s:e], s, e

    def run(self) -> tuple[list[TargetRecord], list[MilestoneRecord]]:
        norm = self.norm.text
        for sent in _sentences(norm):
            if sent.history:
                continue
            head = norm[sent.start : sent.start + 12]
            if HISTORY_SENTENCE_RE.match(head):
                year, _ = find_year(head)
                if year is None or year < self.issue_year:
                    continue
            self._sentence(sent)
        self._assign_ids()
        return self.targets, self.milestones

    def _sentence(self, sent: _Sentence) -> None:
        norm = self.norm.text
        ctx = _ClauseContext()
        after_year_only = False
        for index, (cs, ce) in enumerate(sent.clauses):
            clause = norm[cs:ce]
            clause_year, year_end = find_year(clause)
            mentions = find_mentions(clause)
            first_value = mentions[0].start if mentions else len(clause)
            if clause_year is not None and year_end <= first_value:
                ctx.year = clause_year
            if not mentions:
                if ASPIRATION_RE.search(clause) and (clause_year is not None or len(clause) <= 6):
                    ctx.aspirational = True
                if index == 0 or after_year_only:
                    scope, _ = _split_scope(_strip_lead(clause), self.context.region_names)
                    if scope and not ENTITY_SCOPE_RE.match(scope):
                        ctx.scope = scope
                self._milestones(clause, cs, ctx, mentions)
            elif ctx.year is None or ctx.year >= self.issue_year:
                self._clause_targets(clause, cs, mentions, ctx)
                self._milestones(clause, cs, ctx, mentions)
            else:
                # A past value ("2020年X为82.3%") is no target, but it names the indicator that
                # a later clause continues: "到2025年达到86%".
                ctx.recording_only = True
                self._clause_targets(clause, cs, mentions, ctx)
                ctx.recording_only = False
            # A clause that is nothing but a time phrase (到2025年 / 力争到2025年底) opens the
            # sentence's goals; the clause after it may name the place they apply to.
            after_year_only = clause_year is not None and not _strip_lead(
                ASPIRATION_RE.sub("", clause[year_end:])
            )

    # -- milestones ----------------------------------------------------------------------------
    def _milestones(
        self, clause: str, cs: int, ctx: _ClauseContext, mentions: list[Mention]
    ) -> None:
        for m in MILESTONE_RE.finditer(clause):
            zero = m.group("what").startswith("零")
            if mentions and not zero:
                continue  # a clause with a number is a target; its 达到 is no milestone
            if MILESTONE_NEGATIVE_RE.match(clause[m.end() :]) or MILESTONE_NEG_BEFORE_RE.search(
                clause[: m.start()]
            ):
                continue
            target_year = ctx.year if ctx.year is not None else self.default_year
            if target_year < self.issue_year:
                continue
            aspirational = ctx.aspirational or bool(ASPIRATION_RE.search(clause[: m.start()]))
            quote, s, e = self._quote(cs, cs + len(clause))
            self.milestones.append(
                MilestoneRecord(
                    doc_id=self.context.doc_id,
                    commitment_zh=m.group("what"),
                    target_year=target_year,
                    aspirational=int(aspirational),
                    year_inferred=int(ctx.year is None),
                    quote=quote,
                    char_start=s,
                    char_end=e,
                )
            )
            return

    # -- targets -------------------------------------------------------------------------------
    def _clause_targets(
        self, clause: str, cs: int, mentions: list[Mention], ctx: _ClauseContext
    ) -> None:
        """Group the mentions of a clause and emit their targets.

        Two shapes: noun first (指标 + 动词 + 数值, possibly a list of them, or one subject with
        分别 and several values) and value first (建设30个示范县, 80%的机关达到要求)."""
        first_left = clause[: mentions[0].start]
        _, verb0, _, rest_len0 = _comparison(first_left)
        head0, _ = _strip_actions(first_left[:rest_len0])
        if not head0 and not verb0:
            for i in range(len(mentions)):
                self._value_first_target(clause, cs, mentions, i, ctx)
            return
        segments: list[_Segment] = []
        prev_end = 0
        for i, mention in enumerate(mentions):
            left = clause[prev_end : mention.start]
            if i > 0 and re.sub(r"[、和及与以 ]", "", left) in ("", "分别为"):
                segments[-1].mentions.append(i)  # 分别达到65%和30%: one subject, several values
            else:
                segments.append(_Segment(prev_end, mention.start, left, [i]))
            prev_end = mention.end
        clause_verbs = _strip_actions(_strip_lead(clause))[1]
        for segment in segments:
            self._noun_first_segment(clause, cs, mentions, segment, ctx, clause_verbs)

    def _noun_first_segment(
        self, clause, cs, mentions, segment: _Segment, ctx, clause_verbs
    ) -> None:
        comp_text, verb, base, rest_len = _comparison(segment.left)
        subject, actions = _strip_actions(segment.left[:rest_len])
        subject = _TRAILING_YEAR_RE.sub("", subject)  # 森林覆盖率到2025年达到35%
        start_value = _STARTING_VALUE_RE.search(subject)
        if start_value:
            # NOTE: "由2020年的56%提高到60%": the first number is where the region starts from.
            subject = subject[: start_value.start()]
            base = base or int(start_value.group("year"))
        scope, indicator = _split_scope(subject, self.context.region_names)
        indicator, more_actions = _strip_actions(indicator)
        if (
            more_actions in (["新增"], ["新建"])
            and mentions[segment.mentions[0]].unit in RATE_UNITS
            and INDICATOR_HEAD_RE.search(indicator)
        ):
            # NOTE: 新增废弃物综合利用率 is a rate of what is newly produced; nothing is built.
            indicator, more_actions = more_actions[0] + indicator, []
        # A list item with no verb of its own ("、绿色工业园区15个") shares the clause's verb.
        actions = actions + more_actions or clause_verbs
        scope = scope or ctx.scope
        indicator = _complete_from_previous(indicator, ctx.last_indicator) or ctx.last_indicator
        if not indicator:
            return
        ctx.last_indicator = indicator
        # 力争 governs the item it stands in (or all items after a 力争 lead clause), not the
        # next item that has a verb of its own.
        first = segment.mentions[0]
        aspirational = bool(ASPIRATION_RE.search(segment.left)) or (
            ctx.aspirational and (first == 0 or not verb)
        )
        if len(segment.mentions) > 1:
            names = _split_parallel(indicator, len(segment.mentions)) or [indicator] * len(
                segment.mentions
            )
            pairs = list(zip(segment.mentions, names, strict=True))
        else:
            pairs = [(first, name) for name in _split_shared_subject(indicator)]
        shared = len(pairs) > 1
        for i, name in pairs:
            mention = mentions[i]
            if mention.zero_word and not name.endswith(mention.zero_word[1:] + "量"):
                name = name + mention.zero_word[1:] + "量"  # 原生生活垃圾零填埋: its 填埋量 is 0
            self._emit(
                clause,
                cs,
                segment.start,
                mentions[segment.mentions[-1]].end if shared else mention.end,
                name,
                mention,
                self._comparator(comp_text, mention),
                self._kind(verb, actions, comp_text, mention, clause[: mention.start]),
                ctx,
                base,
                scope,
                aspirational,
            )

    def _value_first_target(self, clause, cs, mentions, i, ctx: _ClauseContext) -> None:
        mention = mentions[i]
        has_next = i + 1 < len(mentions)
        tail = clause[mention.end : mentions[i + 1].start if has_next else len(clause)]
        noun = re.split(r"和|、|及|与|或", tail, maxsplit=1)[0] if has_next else tail
        noun = noun.lstrip("的")
        if has_next and noun:
            later = re.split(r"[，、]", clause[mentions[i + 1].end :], maxsplit=1)[0]
            # NOTE: "2-3个省级和1-2个国家级X中心": the head noun is shared; take it from the last item.
            j = later.find(noun[-1])
            noun = noun + (later[j + 1 :] if j >= 0 else later)
        if not noun:
            return
        left = clause[mentions[i - 1].end if i else 0 : mention.start]
        _, actions = _strip_actions(clause[: mentions[0].start])
        comp_text, verb, base, _ = _comparison(left)
        scope, indicator = _split_scope(noun, self.context.region_names)
        self._emit(
            clause,
            cs,
            mentions[i - 1].end if i else 0,
            mention.end + len(tail),
            indicator or noun,
            mention,
            self._comparator(comp_text, mention),
            self._kind(verb, actions, comp_text, mention, clause[: mention.start]),
            ctx,
            base,
            scope or ctx.scope,
            ctx.aspirational or bool(ASPIRATION_RE.search(clause[: mention.start])),
        )

    @staticmethod
    def _comparator(comp_text: str, mention: Mention) -> str:
        if mention.comparator != "eq":
            return mention.comparator
        # The comparator word nearest the value wins, the longer at equal ends: 不超过 is le
        # although it contains 超过.
        best = (-1, 0, "eq")
        for words, comp in ((GE_BEFORE, "ge"), (LE_BEFORE, "le"), (APPROX_BEFORE, "approx")):
            for w in words:
                pos = comp_text.rfind(w)
                if pos >= 0:
                    best = max(best, (pos + len(w), len(w), comp))
        return best[2]

    @staticmethod
    def _kind(verb: str, actions: list[str], comp_text: str, mention: Mention, before: str) -> str:
        if verb in REDUCTION_VERBS or any(comp_text.endswith(v) for v in REDUCTION_VERBS):
            return "reduction"
        if mention.unit in ("个百分点", "百分点") and verb in ("提高", "提升", "增加", "增长", ""):
            return "increment"
        if mention.unit in RATE_UNITS:
            return "level"  # NOTE: a rate is a level even after 新增 (新增废弃物综合利用率)
        if any(INCREMENT_RE.fullmatch(a) for a in actions) or PERIOD_INCREMENT_RE.search(before):
            return "increment"
        return "level"

    def _emit(
        self,
        clause,
        cs,
        seg_start,
        seg_end,
        indicator,
        mention,
        comparator,
        kind,
        ctx,
        base,
        scope,
        aspirational,
    ):
        indicator = indicator.strip('，、,；; 的“”"‘’')
        if not indicator or len(indicator) > 60 or not re.search(r"[\u4e00-\u9fa5]", indicator):
            return
        if kind == "reduction" and base is not None and base < self.default_year - 5:
            return  # NOTE: 较2015年下降X% in a 2021 plan reports the previous period's result.
        year = ctx.year if ctx.year is not None else self.default_year
        if ctx.recording_only:
            return
        if year < self.issue_year or not _looks_forward(clause[: mention.start], mention, ctx.year):
            return
        s, e = _trim(clause, seg_start, seg_end)
        while s < e and clause[s] in "、和及与，,":
            s += 1
        quote, qs, qe = self._quote(cs + s, cs + e)
        self.targets.append(
            TargetRecord(
                doc_id=self.context.doc_id,
                indicator_zh=self._original_indicator(indicator, cs + s, cs + e),
                value=mention.value,
                unit=mention.unit,
                comparator=comparator,
                kind=kind,
                target_year=year,
                baseline_year=base,
                scope_zh=scope,
                aspirational=int(aspirational),
                year_inferred=int(ctx.year is None),
                quote=quote,
                char_start=qs,
                char_end=qe,
            )
        )

    def _original_indicator(self, indicator: str, start: int, end: int) -> str:
        """The indicator as written in the original text (full-width characters kept)."""
        pos = self.norm.text[start:end].find(indicator)
        if pos < 0:
            return indicator
        s, e = self.norm.span_to_original(start + pos, start + pos + len(indicator))
        return self.text[s:e]

    def _assign_ids(self) -> None:
        """Ids from the document, the clause text and the target: stable across reruns and
        across edits elsewhere in the plan (offsets are deliberately not part of them)."""
        seen: Counter[str] = Counter()
        for t in self.targets:
            key = _stable_id(
                "T", t.doc_id, normalize(t.quote).text, t.indicator_zh, f"{t.value:g}", t.unit
            )
            seen[key] += 1
            t.target_id = key if seen[key] == 1 else f"{key}-{seen[key]}"
        seen.clear()
        for m in self.milestones:
            key = _stable_id("M", m.doc_id, normalize(m.quote).text, m.commitment_zh)
            seen[key] += 1
            m.milestone_id = key if seen[key] == 1 else f"{key}-{seen[key]}"


def extract(text: str, context: PlanContext) -> tuple[list[TargetRecord], list[MilestoneRecord]]:
    """Targets and milestones of one plan's decoded text, in document order."""
    return Extractor(text, context).run()
