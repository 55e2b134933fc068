"""Numbers that a target rule would take but that the clause says are something else: money
granted (给予…万元奖励, 单项最高不超过500万元) or invested (电网投资约75亿元), a requirement on applicants (申报单位…,
项目完成后…达到X%), a forecast (预计), a present state (已突破430万辆), a national figure
quoted in a regional plan (全国…达到20%), the size of a named project (冕宁金林（20万千瓦）,
年产4400台…项目) or a design parameter (设计规模). Each is kept for review.csv with its reason.

Why a module of its own: these are the genres' ways of stating numbers that are no goal of the
region, and they grow with the genres a researcher collects; rules.py reads what is a target.
"""

from __future__ import annotations

import re

from .. import notes
from .phrases import strip_actions
from .vocabulary import COUNT_MEASURE_WORDS, SELECTION_POOL_RE, VOCABULARY

# NOTE: money is a target when a plan sets an output (产业产值达到2000亿元, 形成10亿元氢能产业规模,
# 生态系统服务价值, 绿色信贷余额: a stock the finance sector reaches); an investment or a fund
# (特高压电网投资约75亿元) is what the plan puts in, not a result the region is judged on, and
# money granted, capped or co-funded by a rule of support is none either.
_OUTPUT_MONEY_RE = re.compile(
    r"产值|增加值|收入|营收|营业额|销售额|交易额|产业规模|市场规模|经济规模|价值|生产总值|GDP|"
    r"税收|利润|余额"
)
_GRANT_RE = re.compile(
    r"给予|奖励|补助|补贴|资助|扶持|奖补|贴息|支持资金|支持经费|资助经费|财政资金|一次性|"
    r"单项|单个项目|每个项目|每家|每户|每项|最高"
)
_MONEY_UNIT_RE = re.compile(r"元$")
# Who must meet a requirement in a funding call or a rule (not the region).
_APPLICANT_RE = re.compile(
    r"申报单位|申报企业|申报项目|申请人|申请单位|申报主体|申报条件|项目单位|承担单位|"
    r"项目(?:完成|实施|建成|验收)(?:后|时)|入选|参评|获评|认定条件"
)
_FORECAST_RE = re.compile(r"预计|预测|预估")
# 已突破 / 已达到: a state reached before the plan; its goal would say 到/达到 without 已.
_PRESENT_RE = re.compile(r"已(?:经)?(?:突破|达到|超过|达|为|有|建成)\s*$")
# NOTE: 国家卫生城市, 全国文明城市 are titles a place earns, not the country's figure.
_NATIONAL_SUBJECT_RE = re.compile(
    r"^(?:力争|争取)?(?:到\s*\d{4}\s*年(?:底|末)?[，,]?)?(?:全国|我国)"
    r"(?!文明|卫生|绿化|模范|示范|先进|园林|森林|生态|节水|重点)"
)
# NOTE: 沿江岸线1公里范围内化工企业, 供热半径15公里范围内的燃煤锅炉: a distance that draws the
# zone a measure applies to locates it; it is no quantity to reach.
_ZONE_AFTER_RE = re.compile(r"^\s*(?:范围|半径|辐射)(?:内|以内|之内)?")
_LENGTH_UNIT_RE = re.compile(r"^(?:公里|千米|米)$")
_DESIGN_RE = re.compile(r"设计(?:规模|能力|寿命|标准|参数|速度|容量|流量)")
# 年产4400台液压支架…项目, 配套1000吨/日…项目: the capacity a named project is designed for
# (建设1400万千瓦光伏项目 is the region's new capacity, a target).
_CAPACITY_BEFORE_RE = re.compile(r"(?:年产|年处理量?|日处理量?|配套|产能)约?$")
_PROJECT_TAIL_RE = re.compile(r"项目$")
# NOTE: 加快推进赤峰芝瑞120万千瓦抽水蓄能电站建设, 积极推动乌海120万千瓦、包头120万千瓦抽水蓄能
# 电站等前期工作: a size between a project's proper name and the kind of facility it is sizes
# that one project. The region's programme names no project (建设1400万千瓦光伏电站, 新建220千伏
# 变电站13座) or states a total (新增可再生能源发电装机523.5万千瓦).
_SIZE_UNIT_RE = re.compile(r"(?:千瓦|千伏安|千伏|兆瓦|吨|立方米|公里|千米)(?:/(?:年|日|天))?$")
_FACILITY_AFTER_RE = re.compile(r"^[^，。；,;]{0,16}?(?:电站|电厂|项目|工程|机组|枢纽)")
_NAME_BEFORE_RE = re.compile(r"[\u4e00-\u9fa5]{2,12}$")
# what ends a quantity's own name, never a project's (风电装机, 储能规模, 总装机)
_QUANTITY_NAME_END_RE = re.compile(
    r"(?:装机|规模|容量|能力|电量|总量|产能|面积|共计|合计|累计|约|达|超|为)$"
)
# NOTE: 严禁新建1000万吨/年以下常减压, 全面淘汰30万千瓦以下纯凝机组: a bound right before the
# noun it qualifies selects what a ban or a retirement applies to; it is no amount to reach.
_BAN_BEFORE_RE = re.compile(r"严禁|禁止|不得|不再|淘汰|关停|退出|压减|限制")
_BOUND_THEN_NOUN_RE = re.compile(
    r"[\d.０-９．]+[^\d，、；。,;]{0,8}?(?:及?以下|及?以上)(?:的)?\s*[\u4e00-\u9fa5]"
)
# NOTE: 排放量达2.6万吨二氧化碳当量（或综合能源消费量1万吨标准煤）及以上的…企业, 年综合能耗5000吨
# 标准煤以上的重点用能单位: a size that closes with 及以上的 before the entities it names picks
# out whom a duty binds, however far the verb of reaching stands; a share of the entities
# (80%以上的企业) and a count are the target itself.
_SELECTS_ENTITIES_RE = re.compile(
    r"^[^，。；：]{0,40}?及?以上(?:规模)?的[^，。；：]{0,30}?"
    r"(?:企业|单位|用户|园区|项目|机组|设施|数据中心|锅炉|工厂)"
)
_SHARE_UNITS = ("%", "‰", "个百分点", "百分点", "倍")
# NOTE: DB11/T 1370-2016, GB 50189-2015: a bare number with the year of a standard after its
# dash is the standard's code (read as a range 1370-2016 or as 1370 alone), also when a line
# wrap parted it from its letters.
_STANDARD_CODE_RE = re.compile(r"\d+\s*[-—–]\s*(?:19|20)\d\d(?![\d年])")


def why_not_a_target(
    clause: str, value_start: int, value_end: int, unit: str, national: bool, lead: str = ""
) -> str | None:
    """The review note for a value of `clause` (normalized text) at [value_start, value_end)
    that is no target of the region, or None. `national`: the document is the country's own,
    so 全国 is its region; `lead`: the sentence before the clause (项目完成后，…; 预计到2025年，…)."""
    before, after = clause[:value_start], clause[value_end:]
    near = before[-12:] + after[:6]
    if _MONEY_UNIT_RE.search(unit) and _GRANT_RE.search(near):
        return notes.note("review_money")
    if _MONEY_UNIT_RE.search(unit) and not _OUTPUT_MONEY_RE.search(before[-20:] + after[:12]):
        return notes.note("review_investment")
    if not unit and _STANDARD_CODE_RE.match(clause, value_start):
        return notes.note("review_standard_code")
    if (
        unit not in (*_SHARE_UNITS, *COUNT_MEASURE_WORDS)
        and unit
        and _SELECTS_ENTITIES_RE.match(after)
    ):
        return notes.note("review_selects_entities")
    if in_selection_pool(clause, value_start, value_end):
        return notes.note("review_selection_pool")
    if _APPLICANT_RE.search(lead + before):
        return notes.note("review_applicant")
    if _FORECAST_RE.search(lead + before):
        return notes.note("review_forecast")
    if _PRESENT_RE.search(before):
        return notes.note("review_present")
    if _LENGTH_UNIT_RE.match(unit) and _ZONE_AFTER_RE.match(after):
        return notes.note("review_zone")
    if not national and _NATIONAL_SUBJECT_RE.match(before.lstrip("，、；： ")):
        return notes.note("review_national_figure")
    # NOTE: a bare number in brackets, （1）, numbers an item; a quantity there sizes a name.
    bracketed = (
        unit and before.rstrip().endswith(("（", "(")) and after.lstrip().startswith(("）", ")"))
    )
    if (
        bracketed
        or _DESIGN_RE.search(before)
        or (_CAPACITY_BEFORE_RE.search(before) and _PROJECT_TAIL_RE.search(after))
        or sizes_named_project(before, after, unit)
    ):
        return notes.note("review_project_size")
    if _BAN_BEFORE_RE.search(before) and _BOUND_THEN_NOUN_RE.match(clause, value_start):
        return notes.note("review_selected_size")
    return None


def sizes_named_project(before: str, after: str, unit: str) -> bool:
    """True for a size that stands between a proper name (what is left before the value once
    the verbs are gone: 赤峰芝瑞, 乌海) and the kind of facility it names (抽水蓄能电站)."""
    if not _SIZE_UNIT_RE.search(unit) or not _FACILITY_AFTER_RE.match(after):
        return False
    run = _NAME_BEFORE_RE.search(before.rstrip())
    if run is None:
        return False
    name, _ = strip_actions(run.group(0), VOCABULARY)
    return 2 <= len(name) <= 6 and not _QUANTITY_NAME_END_RE.search(name)


def in_selection_pool(clause: str, start: int, end: int) -> bool:
    """True for a number at [start, end) of `clause` that sizes the pool a selection is made
    from (在…22条产业链群选择100家: the 22), not what is selected."""
    return any(
        m.start("pool") <= start and end <= m.end("pool")
        for m in SELECTION_POOL_RE.finditer(clause)
    )


def set_aside_row(number: str, quote: str, start: int, end: int, note: str) -> dict:
    """A review.csv row for a number the extractor did not take as a target, with its reason."""
    return {
        "category": "unreported_number",
        "text": number,
        "quote": quote,
        "char_start": start,
        "char_end": end,
        "note": note,
    }
