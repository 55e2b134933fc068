"""The vocabulary of Chinese policy language the rules read, and the patterns built from it.

The plain word lists (units, comparison and action verbs such as 达到/稳定在/下降/新建, aspiration
words such as 力争, whole-region and generic place words, commitment words such as 全覆盖, the
headings of history sections ...) are rows of `data/policy_words.csv` (role, word, note), read
once by `load_vocabulary` into a `Vocabulary`: each role's words, in file order, joined into the
alternations of the patterns. Alternation order matters (the first alternative that matches
wins), so the file lists longer words before the shorter ones they contain. What is structure
rather than a word list (numbers, years, 十四五, headings, admin suffixes of place names, entity
sets) stays in the patterns below. Each list is about how plans phrase targets in general, never
about one plan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..files import allowed_value, read_curated_csv
from ..paths import PACKAGE_DATA
from ..schemas import POLICY_WORD_ROLES

POLICY_WORDS = PACKAGE_DATA / "policy_words.csv"

NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
CN_DIGIT = "零〇一二两三四五六七八九十百千万亿"
CN_NUM = rf"[{CN_DIGIT}]+(?:点[{CN_DIGIT}]+)?"

# A quantity: arabic (with an optional range 2-3 / 2至3), 百分之X, X成, or a Chinese-numeral count.
QUANTITY_RE = re.compile(
    # NOTE: a PDF text layer may space out every character, digits too (达到 6 0 %): single
    # digits one space apart, right before a unit or a Chinese character, are one number.
    r"(?P<spaced>(?<![\d.A-Za-z/∶:])\d(?: \d)+(?: ?\. ?\d(?: \d)*)?(?=%|‰|[\u4e00-\u9fa5]))"
    rf"|(?P<arabic>(?<![\d.A-Za-z/∶:])(?P<lo>{NUM})(?:\s*(?:-|至|到)\s*(?P<hi>{NUM}))?(?![\d.]))"
    rf"|(?P<pct_cn>百分之(?P<pct_num>{CN_NUM}))"
    # NOTE: 超过三分之一 is a share (100/3 %); 百分之X is read above, 千分之X is no share.
    r"|(?P<fraction>(?<![百千万])(?P<denominator>[二两三四五六七八九十]{1,3})分之"
    r"(?P<numerator>[一二两三四五六七八九十]{1,3}))"
    rf"|(?P<cheng>(?P<cheng_num>[一二两三四五六七八九十]+)成(?![为立果效熟本就功员交])(?=[以左多]|$|[，。；、的]))"
)

# The years and periods a lead may start with (到2025年底前, “十四五”期间); the words are a role.
_LEAD_YEAR = r"(?:到|至|在|于|截至)?(?:(?:19|20)\d\d年(?:底|末|年底|年末)?(?:前|以前|之前)?)"
_LEAD_PERIOD = r"(?:到|至|在)?[“\"]?十[一二三四五六七八九]五[”\"]?(?:末期?|期末|期间|时期|内)?"
# A named place at the head of an indicator: two or more characters before an admin suffix.
PLACE_RE = re.compile(
    r"^(?P<place>(?:其他|其余|各)?[\u4e00-\u9fa5]{2,7}?(?:市城区|县城区|城区|地级市|市|县|区|州|旗|盟|镇|乡|新区))"
    r"(?=[\u4e00-\u9fa5])(?![场域])"  # NOTE: 电力市场化交易电量, 县域: words, no place
)
# Levels of government listed at the head of a subject (市、县污水处理率: the city and county
# seats); with 分别 each level takes one value in turn.
LEVEL_LIST = r"(?:[省市县区乡镇村](?:[、和及与][省市县区乡镇村])+|市县|县市|县区|区县|乡镇)"
LEVEL_LIST_SCOPE_RE = re.compile(rf"^(?P<place>{LEVEL_LIST})(?=[“\u4e00-\u9fa5][\u4e00-\u9fa5])")
# Words by which a bulletin or work report states a goal rather than a result.
REPORT_GOAL_RE = re.compile(
    r"预期目标|主要目标|目标(?:是|为)|力争|争取|计划|确保|今年要|将(?:达到|实现)"
)

# Verbs of a rise; right before a value without 到/至 they state by how much, not to what.
RISE_VERBS = ("提高", "提升", "增加", "增长")
# An area a share of which is the target: 城市建成区 | 60%以上的面积达到海绵城市建设要求.
AREA_HEAD_RE = re.compile(r"^[\u4e00-\u9fa5]{0,6}?(?:建成区|城区|县城|市区|城镇|农村|乡村)$")
# Entity sets that limit a target (重点企业, 规模以上企业, 基地 ...).
ENTITY_SCOPE_RE = re.compile(
    r"^(?P<place>(?:(?:重点|规模以上|其他|其余|各|所有|全部|公共|国有)[\u4e00-\u9fa5]{0,4}?"
    r"(?:企业|园区|开发区|基地|单位(?!增加值|产品|地区|国内|GDP|面积|建筑)|机构|城市|县城|城区)|基地|园区|开发区)"
    r"(?:中|内|的)?)(?=[\u4e00-\u9fa5])"
)
# Facilities built in the period, a subset the target holds for: 新建大型、超大型数据中心 | PUE值.
# Matched before the action verb 新建 is stripped from the subject.
NEW_FACILITY_SCOPE_RE = re.compile(
    r"^(?P<place>(?:新建|新增|在建|既有)[\u4e00-\u9fa5、]{0,8}?(?:数据中心|企业|园区|项目|机房|工程))"
    r"(?:中|内|的)?(?=[\u4e00-\u9fa5]{2})"
)
# Who achieves a target is its scope: 推动公路改造工程实现路面旧料“零废弃”.
ACHIEVER_SCOPE_RE = re.compile(
    r"^(?P<who>[\u4e00-\u9fa5、]{2,12}?(?:工程|项目|企业|园区|单位|行业|领域|设施|机构))实现"
    r"(?=[\u4e00-\u9fa5“]{2})"
)
THRESHOLD_SCOPE_RE = re.compile(
    r"^(?P<place>.+?(?:以上|以下|及以上)的[^，；]*?(?:园区|企业|单位|城市|县城|项目|工程|机构|设施|地方|地区))"
    r"(?=[\u4e00-\u9fa5])"
)

# A clause that only states the baseline of what follows: 与2020年相比 / 较2020年 / 相比2020年.
BASELINE_CLAUSE_RE = re.compile(
    r"(?:与|同|较|和|相比|相较于?|对比)(?P<year>(?:19|20)\d\d)年(?:底|末)?(?:相比|比较|相较)?$"
)
# Administrative divisions a region is made of (县, 市州, 乡镇, 行政村).
DIVISION_RE = re.compile(
    r"(?:县|市|区|州|盟|旗|乡|镇|街道|行政村|村)(?=[（(、市区县州旗乡镇]|全部|均|都|$)"
)

# Years in context.
TARGET_YEAR_RE = re.compile(
    r"(?:(?:到|至|在|于|截至)\s*)?(?P<year>(?:19|20)\d\d|(?:1 9|2 0) \d \d)\s*年(?P<tail>底前|年底前|前|以前|之前|底|末|年底|年末)?"
)
PERIOD_YEAR_RE = re.compile(r"(?P<a>(?:19|20)\d\d)\s*-\s*(?P<b>(?:19|20)\d\d)\s*年")
FYP_RE = re.compile(
    r"[“\"]?十(?P<n>[一二三四五六七八九])五[”\"]?(?P<tail>末期?|期末|期间|时期|内)?"
)
FYP_END = {"一": 2010, "二": 2015, "三": 2020, "四": 2025, "五": 2030}

# A commitment of the same standing as the listed words, with its variants in one pattern.
_LEADING_LEVEL = r"达到(?:国内|国际|全国|行业)(?:领先|先进)水平"

HEADING_RE = re.compile(
    r"^\s*(?:(?P<l0>第[一二三四五六七八九十百]+[章节篇部分])|(?P<l1>[一二三四五六七八九十]+、)|"
    r"(?P<l2>[（(][一二三四五六七八九十]+[)）])|(?P<l3>\d+[、.．]))"
)
HISTORY_SENTENCE_RE = re.compile(
    r"^(?:(?:19|20)\d\d年(?:以来|来)?[，,]|[“\"]?十[一二三]五[”\"]?(?:时期|期间|以来)[，,]?)"
)

# NOTE: 每年优先在“3+3+2”产业领域和22条产业链群选择100家…, 从省级及以上产业园区中选择10家…: the
# pool entities are selected from frames the selection; a count inside it sizes the pool, and
# what is counted after the selection verb is the target.
SELECTION_POOL_RE = re.compile(
    r"(?:优先|重点)?(?:在|从)(?P<pool>[^，。；;,在从]{1,30}?)(?:中|里|内|当中)?"
    r"(?=(?:择优)?(?:选择|遴选|选取|筛选|挑选))"
)

SENTENCE_END = "。！？!?\n"
CLAUSE_SEP = "，；;,：:"


def read_policy_words(path: Path = POLICY_WORDS) -> dict[str, tuple[str, ...]]:
    """The words of every role in `path`, in file order.

    An InputError names the file and line of a role that is not declared, an empty word or a
    word listed twice for one role; a role without any word is an error too (its pattern would
    match everywhere)."""
    path = Path(path)
    words: dict[str, list[str]] = {role: [] for role in POLICY_WORD_ROLES}
    for record in read_curated_csv(path, "policy_words"):
        role = allowed_value(path, record.values, record.line, "role", "policy_words")
        word = record.values["word"]
        if not word:
            raise InputError(path, f"empty word for role {role}", line=record.line)
        if word in words[role]:
            raise InputError(path, f"{word!r} is listed twice for role {role}", line=record.line)
        words[role].append(word)
    missing = [role for role, listed in words.items() if not listed]
    if missing:
        raise InputError(path, f"no words for role(s) {', '.join(missing)}")
    return {role: tuple(listed) for role, listed in words.items()}


_WEI = r"(?<![分作成列定改视称设认])为"


def _alt(words: Iterable[str]) -> str:
    """The words as a regex alternation, in order, each matched literally."""
    return "|".join(re.escape(w) for w in words)


# Measure words of countable work (个 示范区, 家 企业, 座 充电站); 批 is left out: 一批 is no number.
COUNT_MEASURE_WORDS = ("个", "家", "座", "处", "项", "条", "所", "片", "台", "套")
_COUNT_MEASURE_WORDS = "|".join(COUNT_MEASURE_WORDS)


@dataclass(frozen=True)
class Vocabulary:
    """The words of each role and the patterns the rules match with them."""

    words: Mapping[str, tuple[str, ...]]
    unit_re: str  # a unit, as a pattern fragment (个百分点, 万千瓦, 微克/立方米 ...)
    compare_verbs: str  # alternation: verbs that compare the indicator to the value
    increment_verbs: str  # alternation: action verbs that make new work in the period
    level_verbs: str  # alternation: action verbs that describe a state reached
    reduction_verbs: tuple[str, ...]
    level_after_reduction: tuple[str, ...]
    ge_before: tuple[str, ...]
    le_before: tuple[str, ...]
    approx_before: tuple[str, ...]
    generic_place_words: frozenset[str]
    unit_match: re.Pattern
    per_unit_re: re.Pattern  # the denominator of a unit: 吨/日, 吨标准煤/万元, 千克/亩
    zero_re: re.Pattern
    count_re: re.Pattern  # 建成两个示范区: a count in Chinese numerals of built or created work
    magnitude_re: re.Pattern  # 千万亩, 千亿元: a bare magnitude word is the number
    after_ge: re.Pattern
    after_le: re.Pattern
    after_approx: re.Pattern
    compare_tail_re: re.Pattern
    hedged_action_re: re.Pattern  # 至少建成 / 约新增: a comparator word before an action verb
    action_re: re.Pattern
    work_verb_end_re: re.Pattern  # 完成 / 新建 / 建设 right before a value: work measured by it
    increment_re: re.Pattern
    period_increment_re: re.Pattern
    aspiration_re: re.Pattern
    lead_re: re.Pattern  # words in front of the indicator that are not part of it
    whole_region_re: re.Pattern  # a target on 全省 / 我州 is one on the plan's own region
    not_a_place_re: re.Pattern
    indicator_head_re: re.Pattern
    status_re: re.Pattern
    forward_re: re.Pattern
    starting_value_re: re.Pattern
    milestone_re: re.Pattern
    milestone_negative_re: re.Pattern
    milestone_neg_before_re: re.Pattern
    history_heading_re: re.Pattern
    forward_heading_re: re.Pattern


def vocabulary_of(words: Mapping[str, tuple[str, ...]]) -> Vocabulary:
    """The patterns built from the words of each role."""
    w = {role: _alt(listed) for role, listed in words.items()}
    # NOTE: the unit words are ordered longest first so that 个百分点 wins over 个, 万千瓦 over
    # 千瓦, etc.
    unit_re = rf"(?:{w['unit']}|(?:{w['unit_multiplier']})?(?:{w['unit_base']}))"
    compare, increment, level = w["compare_verb"], w["increment_verb"], w["level_verb"]
    # NOTE: 为 compares (森林覆盖率为35%) unless it ends another verb: 划分为, 作为, 列为, 认定为.
    compare = re.sub(r"(?:(?<=^)|(?<=\|))为(?=\||$)", _WEI, compare)
    return Vocabulary(
        words=words,
        unit_re=unit_re,
        compare_verbs=compare,
        increment_verbs=increment,
        level_verbs=level,
        reduction_verbs=words["reduction_verb"],
        level_after_reduction=words["level_after_reduction"],
        ge_before=words["ge_before"],
        le_before=words["le_before"],
        approx_before=words["approx_before"],
        generic_place_words=frozenset(words["generic_place"]),
        unit_match=re.compile(unit_re),
        per_unit_re=re.compile(rf"/(?:年|日|天|小时|{unit_re})"),
        zero_re=re.compile(rf"零(?P<what>{w['zero_of']})"),
        count_re=re.compile(
            # 形成相对独立的七个供电分区: a short modifier with 的 may stand between
            rf"(?:{w['count_verb']})(?:[\u4e00-\u9fa5]{{2,8}}的)?(?P<num>[两二三四五六七八九十百千]{{1,4}})"
            # 两到三个 / 五至十家: a range, 十余个: more than ten; both ge
            rf"(?P<more>(?:到|至|-)[两二三四五六七八九十百千]{{1,4}}|余|多)?"
            rf"(?P<unit>{_COUNT_MEASURE_WORDS})(?!{w['count_not_object']})(?=[\u4e00-\u9fa5]{{2}})"
        ),
        magnitude_re=re.compile(
            r"(?<![0-9.零〇一二两三四五六七八九十百千万亿])(?P<mag>[十百千])"
            rf"(?P<unit>[万亿](?:{w['unit_base']}))"
        ),
        after_ge=re.compile(rf"^(?:{w['ge_after']})"),
        after_le=re.compile(rf"^(?:{w['le_after']})"),
        after_approx=re.compile(rf"^(?:{w['approx_after']})"),
        compare_tail_re=re.compile(
            rf"(?:(?:较|比|相比|与)(?P<base>(?:19|20)\d\d)年(?:末|底)?(?:相比|水平)?(?:的基础上)?)?"
            rf"(?:力争|争取|分别|均|普遍|原则上|总体|年均|累计|基本|平均|整体|要|将|可|大约|约)*"
            rf"(?P<verb>{compare})?(?:到|至)?(?:(?:19|20)\d\d年(?:底|末)?的)?(?:分别|约|大约|近|超)?$"
        ),
        # NOTE: "每个县至少建成1座": the comparator word may stand before the action verb.
        hedged_action_re=re.compile(
            rf"(?P<word>{w['ge_before']}|{w['le_before']}|{w['approx_before']})"
            rf"(?:{increment}|{level})$"
        ),
        # NOTE: 建成区 is the built-up area, a noun (建成区绿地率), not the verb 建成 before 区.
        action_re=re.compile(rf"^(?!建成区)(?:{increment}|{level})"),
        work_verb_end_re=re.compile(rf"(?:{increment}|建成|建设|推广|{compare})$"),
        increment_re=re.compile(rf"(?:{increment})"),
        period_increment_re=re.compile(w["period_increment"]),
        aspiration_re=re.compile(w["aspiration"]),
        lead_re=re.compile(rf"^(?:{_LEAD_YEAR}|{_LEAD_PERIOD}|{w['lead_word']})"),
        whole_region_re=re.compile(rf"^(?:{w['whole_region']})"),
        # NOTE: without a gazetteer, a "place" must not contain the verbs and generic nouns
        # that end in 区/市/县/乡 by accident (单位地区, 推动城乡, 建立健全社区, 规范县级).
        not_a_place_re=re.compile(
            "|".join("^" + re.escape(head) for head in words["not_a_place_head"])
            + rf"|{w['not_a_place_word']}|(?:{w['not_a_place_tail']})$"
        ),
        # Heads of indicator phrases: a list "A率、B率达到90%" shares one value.
        indicator_head_re=re.compile(rf"(?:{w['indicator_head']})$"),
        status_re=re.compile(w["status_word"]),
        forward_re=re.compile(rf"{compare}|{increment}|{level}|每年|年均|力争|争取|确保"),
        starting_value_re=re.compile(
            rf"(?:由|从)(?P<year>(?:19|20)\d\d)年(?:底|末)?(?:的)?(?:{NUM})?\s*(?:%|‰|{unit_re})?(?:左右)?$"
        ),
        # Qualitative dated commitments (milestones).
        milestone_re=re.compile(rf"(?P<what>{w['milestone']}|{_LEADING_LEVEL})"),
        milestone_negative_re=re.compile(rf"^(?:{w['milestone_not_after']})"),
        milestone_neg_before_re=re.compile(rf"(?:{w['milestone_not_before']})$"),
        history_heading_re=re.compile(rf"十[一二三]五|{w['history_heading']}"),
        forward_heading_re=re.compile(w["forward_heading"]),
    )


def load_vocabulary(path: Path = POLICY_WORDS) -> Vocabulary:
    """The vocabulary of the words in `path` (by default the package's policy_words.csv)."""
    return vocabulary_of(read_policy_words(path))


# Read once, when the package is imported: what `extract` uses unless given another.
VOCABULARY = load_vocabulary()
