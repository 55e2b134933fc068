"""The indicator phrase of a target: lead words and action verbs stripped, a scope split off
(临夏市城区, 重点企业), shared subjects split (A、B分别达到X、Y), the comparison before the value
(较2020年下降), and whether a clause looks forward (a target) or states a fact of today."""

from __future__ import annotations

import re

from .. import notes
from ..schemas import RATE_UNITS
from .quantities import Mention
from .records import PlanContext
from .vocabulary import (
    ENTITY_SCOPE_RE,
    LEVEL_LIST,
    LEVEL_LIST_SCOPE_RE,
    NUM,
    PLACE_RE,
    SELECTION_POOL_RE,
    THRESHOLD_SCOPE_RE,
    Vocabulary,
)

# The number of a list item inside a paragraph: （3）, (2), ③, 3、 (never part of a name).
_ENUMERATOR_RE = re.compile(
    r"^(?:[（(](?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[）)]|[①-⑳]|[0-9]{1,2}、)"
)


def strip_lead(phrase: str, vocabulary: Vocabulary) -> str:
    phrase = _ENUMERATOR_RE.sub("", phrase)
    while True:
        stripped = vocabulary.lead_re.sub("", phrase)
        stripped = stripped.lstrip("，、,；;：: ")
        if stripped == phrase:
            return phrase
        phrase = stripped


_TECH_QUALIFIER = re.compile(rf"^{NUM}[^\d，、]{{1,3}}?及以[上下]")


_VERB_MODIFIER = re.compile(r"^[\u4e00-\u9fa5]{2,3}(?:及|和|与|或)[\u4e00-\u9fa5]{2,3}的")
# Measure words that follow the owner of a share: 新能源和清洁能源 | 装机容量占比.
_MEASURE_HEAD = re.compile(r"装机|发电|消费|用水|用电|能耗|产值|增加值|面积|数量|产量|排放")


# A rate with nothing before its verb: 处理率, 利用率, 回收率 (but not 森林覆盖率).
_BARE_RATE_RE = re.compile(r"[\u4e00-\u9fa5]{2}率")


# A rate of treating something that does not say what is treated: 无害化处理率, 资源化利用率.
_PROCESS_RATE_RE = re.compile(
    r"(?:无害化|资源化|综合|集中|安全|有效|规范化)?"
    r"(?:回收利用|利用处置|收集处理|收运处置|处理|处置|利用|回收|收集|治理|收运)率$"
)
# What such a rate is of: the waste or water streams plans treat, with their kind (生活, 医疗 ...).
_STREAM_RE = re.compile(
    r"(?:城市|城镇|县城|农村|乡村)?(?P<kind>生活|餐厨|厨余|建筑|工业固体|工业|医疗|危险)?"
    r"(?:垃圾|污水|废水|废物|固废)"
    r"|(?:城市|城镇)?污泥|畜禽粪污|(?:农作物)?秸秆|(?:废旧)?农膜"
)


def _stream_named_before(before: str) -> str:
    """The waste or water stream last named in `before` (the sentence up to a bare rate); a
    repeat without its kind (县城垃圾分类 after 城市生活垃圾) is the stream named earlier with
    its kind."""
    named = list(_STREAM_RE.finditer(before))
    if not named:
        return ""
    last = named[-1].group(0)
    if named[-1].group("kind") is None and last[-2:] in ("垃圾", "污水", "废物", "固废"):
        fuller = [
            m.group(0) for m in named[:-1] if m.group("kind") and m.group(0)[-2:] == last[-2:]
        ]
        return fuller[-1] if fuller else last
    return last


# An area with no owner (推广作业面积30万亩): the practice is the object of the clause before it.
_BARE_AREA_RE = re.compile(r"(?:作业|实施|推广|示范|应用|种植)?面积")
# The programme word around a practice: 实施保护性耕作推进行动 -> 保护性耕作.
_PROGRAMME_TAIL_RE = re.compile(r"(?:推进|提升|示范|专项)?(?:行动|工程|计划|项目|试点)$")


def _practice_named_before(before: str, vocabulary: Vocabulary) -> str:
    """The practice the clause right before names as its object, without the verb and the
    programme word (实施黑土地保护性耕作推进行动 -> 黑土地保护性耕作); "" when that clause holds a
    number or names no such object."""
    clause = re.split(r"[，,；;。]", before.rstrip("，,；; "))[-1]
    if re.search(r"\d", clause):
        return ""
    thing, verbs = strip_actions(clause, vocabulary)
    trimmed = _PROGRAMME_TAIL_RE.sub("", thing)
    if not verbs or trimmed == thing or len(trimmed) < 2:
        return ""
    return trimmed


def complete_from_previous(
    indicator: str, previous: str, vocabulary: Vocabulary, before: str = ""
) -> str:
    """ "发电量占比" after "新能源和清洁能源装机容量占比": the owner of the share is shared;
    "处理率" after "城市生活污水收集率": a bare rate is one of the same subject;
    "无害化处理率" after "实现城市生活垃圾分类全覆盖": a bare rate of treatment is one of the
    stream the sentence named before it (`before`), and stays bare when none was named."""
    if (
        previous
        and _BARE_RATE_RE.fullmatch(indicator)
        and previous.endswith(indicator[-1])
        and len(previous) > len(indicator) + 1
    ):
        return previous[: -len(indicator)] + indicator
    bare = _PROCESS_RATE_RE.match(indicator)
    if bare and bare.end() == len(indicator):
        rate = _PROCESS_RATE_RE.search(previous) if previous else None
        if rate and rate.start() >= 2:
            return previous[: rate.start()] + indicator  # 污水收集率、无害化处理率
        stream = _stream_named_before(before)
        if stream:
            return stream + indicator
    if _BARE_AREA_RE.fullmatch(indicator) and before:
        practice = _practice_named_before(before, vocabulary)
        if practice:
            return practice + indicator
    if not previous or len(indicator) > 6 or not _MEASURE_HEAD.match(indicator):
        return indicator
    head = vocabulary.indicator_head_re.search(indicator)
    m = _MEASURE_HEAD.search(previous)
    if head and m and m.start() >= 2 and previous.endswith(head.group(0)):
        return previous[: m.start()] + indicator
    return indicator


# NOTE: plans chain verbs of spreading a technique (集成推广应用X, 示范推广X, 推广使用X); the
# chain is the action, X what is counted. A single 集成 or 应用 is no verb here: it starts nouns
# (集成电路, 应用场景).
_VERB_CHAIN_RE = re.compile(r"^(?:集成|示范|推广|应用|使用|普及)(?:推广|应用|使用|普及)+")


# NOTE: 重点 / 优先 / 率先 right before an action say how it is done (重点创建50家, 优先培育);
# before a noun they name a subset (重点企业), which this leaves alone.
_ADVERB_BEFORE_ACTION_RE = re.compile(r"^(?:重点|优先|率先)")
# NOTE: "在淄博、济宁等市实施20个", "在建材、化工等领域实施8-10个": a place or field where the
# action happens frames it; what is counted follows the value.
_LOCATIVE_RE = re.compile(
    r"^在[\u4e00-\u9fa5、]{2,24}?(?:等)?(?:省|市|县|区|州|地|地区|领域|行业|园区|企业)"
)


# NOTE: "新建建筑100%执行绿色建筑标准": with no verb before it, a share is followed by what
# its part does; the name is the subject with that predicate (新建建筑执行绿色建筑标准), not
# the bare subject, which only names the base of the share.
_SHARE_PREDICATE_RE = re.compile(
    r"^(?:以上)?(?:执行|实行|达到|符合|满足|采用|完成|开展|使用|安装|配建|配备)"
    r"[\u4e00-\u9fa5“”]{2,16}$"
)


def share_predicate(after: str) -> str:
    """The predicate that follows a share with no verb before it (the words after the value up
    to the next value or the clause end), or "" when those words are no such predicate."""
    m = _SHARE_PREDICATE_RE.match(after)
    return m.group(0) if m else ""


def strip_actions(phrase: str, vocabulary: Vocabulary) -> tuple[str, list[str]]:
    verbs = []
    while True:
        phrase = strip_lead(phrase, vocabulary)
        chain = _VERB_CHAIN_RE.match(phrase)
        if chain and len(phrase) > chain.end() + 1:
            verbs.append(chain.group(0))
            phrase = phrase[chain.end() :]
            continue
        if phrase.startswith("在") and vocabulary.action_re.match(phrase[1:]):
            phrase = phrase[1:]  # 在培育6个园区过程中: the preposition frames the action
        adverb = _ADVERB_BEFORE_ACTION_RE.match(phrase)
        if adverb and vocabulary.action_re.match(phrase[adverb.end() :]):
            phrase = phrase[adverb.end() :]  # 重点创建50家: how the work is done, no subject
        pool = SELECTION_POOL_RE.match(phrase)
        if pool:
            phrase = phrase[pool.end() :]  # 从省级产业园区中选择10家: where they are chosen from
        where = _LOCATIVE_RE.match(phrase)
        if where and vocabulary.action_re.match(phrase[where.end() :]):
            phrase = phrase[where.end() :]  # 在淄博、济宁等市实施20个: where, then the action
        m = vocabulary.action_re.match(phrase)
        if m and _VERB_MODIFIER.match(phrase):
            return phrase, verbs  # NOTE: 新增及更换的公交车 names vehicles, the verbs are no action
        if not m:
            m2 = _TECH_QUALIFIER.match(phrase)
            if m2:
                phrase = phrase[m2.end() :]
                continue
            # NOTE: 力争对3000万千瓦煤电机组开展灵活性改造: a lone 对 brings in the object of
            # the work that follows the value; it is no subject.
            return ("" if phrase == "对" else phrase), verbs
        verbs.append(m.group(0))
        phrase = phrase[m.end() :]


# NOTE: "与先行区建设要求相适应的示范基地", "满足群众需要的充电设施": a relative clause in front
# of the counted noun says what it should be like; it names neither a place nor the indicator.
_RELATIVE_CLAUSE_RE = re.compile(
    r"^(?:(?:与|同)[^，、；]{1,20}?相(?:适应|匹配|衔接|协调|配套|契合|结合)"
    r"|(?:适应|满足)[^，、；]{1,16}?(?:需要|需求))的(?=[\u4e00-\u9fa5]{2})"
)


def without_own_region(region_names: tuple[str, ...], text: str, vocabulary: Vocabulary) -> str:
    """`text` without lead words and the plan's own region (全市, 我省, its names) at its head."""
    while True:
        stripped = vocabulary.whole_region_re.sub("", strip_lead(text, vocabulary))
        for name in region_names:
            if name and stripped.startswith(name):
                stripped = stripped[len(name) :]
                break
        if stripped == text:
            return text
        text = stripped


def split_scope(
    phrase: str, region_names: tuple[str, ...], vocabulary: Vocabulary
) -> tuple[str, str]:
    """(scope, indicator): a leading place or entity set that limits the target, if any."""
    phrase = _RELATIVE_CLAUSE_RE.sub("", phrase)
    phrase = strip_lead(phrase, vocabulary)
    for _ in range(2):
        m = vocabulary.whole_region_re.match(phrase)
        if m:
            phrase = strip_lead(phrase[m.end() :], vocabulary)
        for name in region_names:
            # NOTE: 临夏市 in a plan of 临夏州 is a city inside the region, not the region itself.
            if (
                name
                and phrase.startswith(name)
                and len(phrase) > len(name) + 1
                and phrase[len(name)] not in "省市县区州旗盟镇乡"
            ):
                phrase = strip_lead(phrase[len(name) :], vocabulary)
                break
    for pattern in (LEVEL_LIST_SCOPE_RE, THRESHOLD_SCOPE_RE, PLACE_RE, ENTITY_SCOPE_RE):
        m = pattern.match(phrase)
        if not m:
            continue
        place = m.group("place")
        rest = phrase[m.end() :]
        if pattern is LEVEL_LIST_SCOPE_RE:
            return place, strip_lead(rest, vocabulary)
        if place in vocabulary.generic_place_words or len(rest) < 2:
            continue
        if pattern is PLACE_RE and (
            re.match(r"^(?:城市|城镇|县城|城区)", place) or vocabulary.not_a_place_re.search(place)
        ):
            continue
        if pattern is ENTITY_SCOPE_RE and place in ("城市", "县城", "城区"):
            continue
        return place.rstrip("中内的"), strip_lead(rest, vocabulary)
    return "", phrase


_SHARED_HEAD_RE = re.compile(
    r"(?:综合利用率|利用率|回收率|处理率|覆盖率|普及率|达标率|比重|占比|比例|系数|强度|率)$"
)


# NOTE: 光伏发电、风电装机规模分别达到3250万千瓦、1750万千瓦: a list of sources shares the
# quantity the last one names.
_SIZE_HEAD_RE = re.compile(r"(?:装机规模|装机容量|装机|发电量|发电规模)$")
_PER_UNIT_RE = re.compile(r"^单位(?:地区生产总值|国内生产总值|GDP|工业增加值|产值)")


_QUALIFIER_RE = re.compile(r"（[^（）]*）|\([^()]*\)")


def split_parallel(subject: str, n: int) -> list[str] | None:
    """One subject with n values (分别达到X、Y) -> n indicator phrases.

    Two shapes of parallel wording: a shared prefix (非化石能源装机和消费比重 -> 非化石能源装机比重,
    非化石能源消费比重) and a shared tail (城市和县城生活污水处理率 -> 城市生活污水处理率,
    县城生活污水处理率). Anything else keeps each item as written."""
    parts = [p for p in re.split(r"以及|和|、|及|与", subject) if p]
    if len(parts) != n:
        return None
    per_unit = _PER_UNIT_RE.match(parts[0])
    if per_unit and not any(_PER_UNIT_RE.match(p) for p in parts[1:]):
        # 单位地区生产总值能源消耗和二氧化碳排放: both are per unit of GDP
        return [parts[0]] + [per_unit.group(0) + p for p in parts[1:]]
    last = parts[-1]
    head_m = _SHARED_HEAD_RE.search(last)
    lead = parts[:-1]
    size = _SIZE_HEAD_RE.search(last)
    if size and not any(_SIZE_HEAD_RE.search(p) or _SHARED_HEAD_RE.search(p) for p in lead):
        return [p + size.group(0) for p in lead] + [last]  # 光伏发电、风电装机规模
    if any(_SHARED_HEAD_RE.search(p) for p in lead):
        return parts
    if head_m:
        head = head_m.group(0)
        modifier = last[: -len(head)]
        if 0 < len(modifier) <= 4 and len(parts[0]) > len(modifier) + 1:
            prefix = parts[0][: len(parts[0]) - len(modifier)]
            return [parts[0] + head] + [prefix + p + head for p in lead[1:]] + [prefix + last]
    if all(len(p) <= 4 for p in lead) and len(last) > len(parts[0]) + 2:
        # NOTE: the last item's own noun ends like the first's (公交车、出租汽车（含网约车）新能源
        # 汽车), or where an intensity's 单位 starts the shared tail (营运车辆、船舶单位换算周转量
        # 碳排放强度); the tail starts after it and the brackets that qualify it.
        per_unit = last.find("单位", 1)
        end = last.find(parts[0][-1], 1) + 1 or (per_unit if 0 < per_unit <= 4 else len(parts[0]))
        qualifier = _QUALIFIER_RE.match(last, end)
        tail = last[qualifier.end() if qualifier else end :]
        return [p + tail for p in lead] + [last]
    return parts


# Subjects of a parallel list that are part of the indicator's own name, not a subset of the
# region (城市和县城生活污水处理率: two indicators, no scope).
_FUSED_SUBJECTS = ("城市", "县城", "城镇", "城区", "农村", "乡村", "全市", "全省")


def parallel_scopes(subject: str, n: int) -> tuple[list[str], str] | None:
    """'高速公路、普通国省干线公路废旧沥青路面材料循环利用率' with n values -> (the n subsets, the
    shared indicator). The last item is cut where a noun of the first item's kind ends (the
    same final character: 公路 ... 公路); None for any other shape."""
    parts = [p for p in re.split(r"以及|和|、|及|与", subject) if p]
    if len(parts) != n or any(_SHARED_HEAD_RE.search(p) for p in parts[:-1]):
        return None
    if any(p in _FUSED_SUBJECTS or len(p) < 2 for p in parts[:-1]):
        return None
    last = parts[-1]
    cut = last.find(parts[0][-1], 1) + 1
    qualifier = _QUALIFIER_RE.match(last, cut) if cut else None  # 出租汽车（含网约车）: its own
    cut = qualifier.end() if qualifier else cut
    tail = last[cut:]
    if cut < 2 or len(tail) < 2 or not _SHARED_HEAD_RE.search(tail):
        return None
    return [*parts[:-1], last[:cut]], tail


def level_scopes(scope: str, n: int) -> list[str] | None:
    """市、县 with two values (分别达到97%、95%): the first value is the city's, the second the
    county's. None unless the scope lists exactly n levels."""
    if not re.fullmatch(LEVEL_LIST, scope):
        return None
    levels = re.split(r"[、和及与]", scope) if len(scope) > 2 else list(scope)  # 市县: 市, 县
    return levels if len(levels) == n else None


def split_shared_subject(subject: str, vocabulary: Vocabulary) -> list[str]:
    """'秸秆综合利用率、农用残膜回收率' (one value for both) -> two indicators."""
    items = [p for p in subject.split("、") if p]
    head = vocabulary.indicator_head_re
    if len(items) >= 2 and all(head.search(p) and len(p) >= 4 for p in items):
        return items
    return [subject]


def read_comparison(left: str, vocabulary: Vocabulary) -> tuple[str, str | None, int | None, int]:
    """Split the words right before a value into (verb, baseline year) and the rest's length."""
    m = vocabulary.compare_tail_re.search(left)
    verb = m.group("verb") or "" if m else ""
    base = int(m.group("base")) if m and m.group("base") else None
    rest_len = m.start() if m else len(left)
    return left[rest_len:], verb, base, rest_len


TRAILING_YEAR_RE = re.compile(
    r"(?:到|至|在|于)?(?:(?:19|20)\d\d年(?:底|末)?(?:前|以前|之前)?|[“\"]?十四五[”\"]?(?:末期?|期末|期间|时期))$"
)


_BARE_SIZE_RE = re.compile(r"(?:总|占地|规划)?(?:面积|长度|里程|规模|范围)")


def looks_forward(before: str, mention: Mention, year: int | None, vocabulary: Vocabulary) -> bool:
    """A target states what is to be reached: a year, a verb or a comparator says so; words of
    the present (现有, 共有, 目前) say it is a fact about today."""
    if vocabulary.status_re.search(before):
        return False
    # NOTE: 发电装机总规模约2.71亿千瓦 in a plan's goals: 约 before the value bounds it as 左右
    # after it does (a fact of today says 目前 or 现有, and a past one its year); the size of
    # a thing left unnamed (…北至黄河主河道中线，面积约1200平方公里建设示范区) describes a place.
    subject = before.rstrip()
    approximate = subject.endswith(vocabulary.approx_before) and not _BARE_SIZE_RE.fullmatch(
        subject.rstrip("".join(vocabulary.approx_before))
    )
    return (
        year is not None
        or mention.comparator != "eq"
        or approximate
        or mention.is_range
        or bool(mention.zero_word)
        or bool(vocabulary.forward_re.search(before))
    )


# Quotation marks as plans pair them (“零填埋”, 「双碳」, ＂X＂ in full width).
QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"))
_STRAIGHT_QUOTES = "\"＂'"


def without_stray_quotes(name: str) -> str:
    """`name` without quotation marks whose partner lies outside it.

    NOTE: a slogan in quotes (“零填埋”) is cut by the indicator/value split, so a name may keep
    one mark of the pair (城市原生生活垃圾“填埋量); a lone mark is never part of a name.
    """
    for opening, closing in QUOTE_PAIRS:
        if name.count(opening) != name.count(closing):
            name = name.replace(opening, "").replace(closing, "")
    for mark in _STRAIGHT_QUOTES:
        if name.count(mark) % 2:
            name = name.replace(mark, "")
    return name


# NOTE: "城镇新建居住建筑能效由65%提升至75%": the subject before 由 says where the indicator
# starts; that value is no target, the one after 提升至 is, under the same subject.
def starting_point_subject(name: str) -> str:
    """The indicator of a subject that ends in 由 (its first value is the starting level), or
    "" for any other subject."""
    return name[:-1] if len(name) > 2 and name.endswith("由") else ""


# NOTE: 煤电装机在1.33亿千瓦左右, 控制在, 保持在: 在 links the indicator to its value.
_COPULA_TAIL_RE = re.compile(r"(?<![所存现实自])在$")
# A name that is only a measure word says what is measured of nothing: 装机, 规模, 占比.
# NOTE: 总装机容量 is the region's whole installed capacity, a name of its own (到2025年底，总装机
# 容量达到2600万千瓦); 新增装机, 总规模 and 总量 still say nothing of what.
_MEASURE_ONLY_RE = re.compile(
    r"^(?:(?:新增|累计|年)?(?:装机(?:容量|规模)?|规模|占比|比重|比例|容量|总量|数量|能力)"
    r"|总(?:规模|占比|比重|比例|容量|数量|能力))$"
)
# A name that is only a verb says what is done to nothing: 完善, 增设, 年回收.
_VERB_ONLY_RE = re.compile(
    r"^(?:年|建立|新建|推进|实现)?(?:完善|增设|创建|完成|实施|建设|回收|新建|建立|推广|培育|开展)$"
)
# A newspaper's page furniture before the text: (上接二版), a column title before | (央媒观豫 | …).
_PAGE_FURNITURE_HEAD_RE = re.compile(r"^(?:[（(]上接[^（）()]{1,6}[）)]|[^|｜，。]{1,10}[|｜])\s*")
# The label a list item opens with: “光伏+”住宅：新增装机超过10万千瓦.
_ITEM_LABEL_RE = re.compile(r"(?:^|[，,；;])(?P<label>[^，,；;：:。0-9]{2,12})[：:][^：:，,]*$")


def named_subject(name: str, last_indicator: str, sentence_before: str) -> str:
    """`name` as a whole indicator name, or "" when the clause does not say what it measures.

    A lone bracket or the 在 before the value is dropped; a name that is only a measure word
    (装机, 规模, （占比）) takes its subject from the label its list item opens with
    (“光伏+”住宅：新增装机…) or else from the sentence's last indicator (X达到10个（占比47.6%）);
    a name that is only such a word with neither, or only a verb (完善, 增设), is ""."""
    name = _PAGE_FURNITURE_HEAD_RE.sub("", _COPULA_TAIL_RE.sub("", name))
    if name.startswith(("（", "(")) and _opens_a_note(name):
        name = name[1:]  # a lone opening bracket before the name
    name = name.lstrip("）)、，,")
    if _VERB_ONLY_RE.match(name) or _opens_a_note(name):
        return ""
    if not _MEASURE_ONLY_RE.match(name):
        return name
    label = _ITEM_LABEL_RE.search(sentence_before)
    if label:
        return label.group("label") + name
    if last_indicator and not _MEASURE_ONLY_RE.match(last_indicator):
        return last_indicator + name
    return ""


def _opens_a_note(name: str) -> bool:
    """True when the name opens a bracket it does not close: the value stands inside a note in
    brackets (瓦斯（甲烷含量≥8%）, 标准》（DB41/2087—2020）, “十一射”（7交4直）), which qualifies
    the words before it and sets no target of its own."""
    return name.count("（") + name.count("(") > name.count("）") + name.count(")")


def set_aside(context: PlanContext, text: str, span: tuple[int, int], name: str) -> dict:
    """The review row of a value whose clause does not name what it measures (text[start:end]
    of `span` is its quote in the decoded document)."""
    start, end = span
    return {
        "doc_id": context.doc_id,
        "category": "unreported_number",
        "text": name,
        "quote": text[start:end],
        "char_start": start,
        "char_end": end,
        "note": notes.note(
            "review_value_in_note" if _opens_a_note(name) else "review_generic_name", text=name
        ),
    }


def modifies_counted(head: str, mention: Mention) -> bool:
    """True when the words before a count end in 的 (建成覆盖全省县（市、区）的112个监测网): they
    describe the counted thing after the value, which is what is counted. A share after 的 (达到
    销售总量的20%) is no count."""
    return head.endswith("的") and mention.unit not in RATE_UNITS
