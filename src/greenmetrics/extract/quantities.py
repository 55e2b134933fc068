"""Quantities in a clause: arabic numbers and ranges, 百分之X, X成, Chinese numerals, their
units and the comparator words around them (以上/以下/左右/约)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import cn2an

from .vocabulary import (
    AREA_HEAD_RE,
    COUNT_MEASURE_WORDS,
    NUM,
    QUANTITY_RE,
    VOCABULARY,
    Vocabulary,
)


@cache
def _unit_repeated(unit: str) -> re.Pattern:
    """The second end of a range written with its unit twice (10%-15%), for `unit`; compiled
    once per unit, not once per number."""
    return re.compile(rf"\s*[-—–～〜~至到]+\s*{NUM}{re.escape(unit)}")


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


def chinese_number(text: str) -> float | None:
    """Value of a Chinese numeral (八十 -> 80, 两 -> 2, 九十五点五 -> 95.5); None if not one."""
    try:
        return float(cn2an.cn2an(text.replace("〇", "零"), "smart"))
    except (ValueError, KeyError, TypeError, IndexError):
        return None


_MORE_THAN = re.compile(r"余|多")
# After a bare number: what may follow for it still to be a value (a ratio or coefficient).
_BARE_OK_AFTER = re.compile(r"^(?:$|以上|以下|以内|左右|[，。；、,;）)]|和|及|或)")
# A ratio to one (车桩比1.1∶1, 2:1): written as its first term, a number with no unit.
_RATIO_TO_ONE = re.compile(r"\s*[∶:]\s*1(?![\d.:∶])")
# Numbers followed by these are dates, ordinals, document numbers or names, never targets.
_NOT_A_VALUE_AFTER = re.compile(
    r"^(?:\s*年|月|日|号|届|期|次会议|版|级|类|型|代|号文|条例|〕|\]|\)"
    # 福清核电6机组、漳州核电1、2机组: the numbers of power units are names
    r"|(?:[、和][0-9]+)*号?机组)"
)


# The letters of a code before a bare number: GB/T 36132-2018, ISO 14001 (a standard, no value).
# DB41/2087-2021: the year of a standard's code after its number.
_CODE_BEFORE = re.compile(r"[A-Za-z]\s$|[A-Za-z][A-Za-z/ ]*\d+(?:[./]\d+)*\s*[-—–]\s*$")
# Entities a size threshold picks out (…以上工业企业, …以下用户); counts are not sizes.
_ENTITY_AFTER = re.compile(
    r"(?:的)?(?:工业|工矿|重点|规模)?(?:用能|用水|用电|排污|排放)?(?:企业|园区|用户|项目|单位|城市|工矿)"
)
# NOTE: a capacity (响应能力, 调峰能力) is sized as a share of a load or a total: 具备5%左右的尖峰
# 负荷响应能力 is a target named by the noun after 的; an entity there (园区, 企业) is selected.
_CAPACITY_AFTER = re.compile(r"的[\u4e00-\u9fa5]{1,12}能力(?:[，。；;,]|$)")
_COUNT_UNITS = frozenset({*COUNT_MEASURE_WORDS, "户", "辆"})
_ANY_QUANTITY = re.compile(r"[0-9零〇一二两三四五六七八九十百千]")


def sizes_capacity_after(clause: str, end: int, unit: str) -> bool:
    """True for a share ending at `end` of `clause` that 的 and a capacity follow."""
    return unit == "%" and _CAPACITY_AFTER.match(clause, end) is not None


def measures_noun_after(clause: str, mention: Mention) -> bool:
    """True when `mention` sizes the capacity named after it: that noun names its target."""
    return sizes_capacity_after(clause, mention.end, mention.unit)


def may_hold_quantity(text: str) -> bool:
    """False when `text` has no digit and no numeral, so `find_mentions` finds nothing in it or
    in any part of it: a sentence the readers can pass over without reading its clauses."""
    return _ANY_QUANTITY.search(text) is not None


def find_mentions(clause: str, vocabulary: Vocabulary = VOCABULARY) -> list[Mention]:
    """Every quantity in a clause that could be a target value, in order of position."""
    if not may_hold_quantity(clause):
        return []
    mentions: list[Mention] = []
    consumed = 0
    for m in QUANTITY_RE.finditer(clause):
        start, end = m.start(), m.end()
        if start < consumed:
            continue  # inside the previous quantity (the upper end of "60%-70%")
        unit = ""
        is_range = False
        if m.group("arabic") or m.group("spaced"):
            before = clause[max(0, start - 1) : start]
            if before in ("第", "〔", "[", "《") or (start and clause[start - 1] in "年月"):
                continue
            if _NOT_A_VALUE_AFTER.match(clause[end:]):
                continue
            spaced = m.group("spaced")
            lo = float(spaced.replace(" ", "") if spaced else m.group("lo").replace(",", ""))
            is_range = m.group("hi") is not None
            more = _MORE_THAN.match(clause, end)
            if more and vocabulary.unit_match.match(clause, more.end()):
                end = more.end()  # NOTE: 100余个 / 30多家 means "more than": ge
                is_range = True
            unit_m = vocabulary.unit_match.match(clause, end)
            if unit_m:
                unit = unit_m.group(0)
                end = unit_m.end()
                if unit.endswith("个") and clause.startswith(("月", "工作日", "工日"), end):
                    continue  # 3个月 / 5个工作日 are durations (50个工业园区 is a count)
                per = vocabulary.per_unit_re.match(clause, end)
                if per:
                    unit += per.group(0)
                    end = per.end()
                upper = _unit_repeated(unit).match(clause, end)
                if upper and unit:
                    end = upper.end()  # "10%-15%": a range written with the unit twice
                    is_range = True
            else:
                rest = clause[end:]
                ratio = _RATIO_TO_ONE.match(rest)
                if ratio and not spaced:
                    end += ratio.end()  # 车桩比1.1∶1: the ratio's value is its first term
                elif (
                    spaced
                    or not _BARE_OK_AFTER.match(rest)
                    or _CODE_BEFORE.search(clause, 0, start)
                ):
                    continue
            value = lo
        elif m.group("pct_cn"):
            pct = m.group("pct_num")
            num = _MAGNITUDES.get(pct) or chinese_number(pct)  # 百分之百: cn2an reads no bare 百
            if num is None:
                continue
            value, unit = num, "%"
        elif m.group("fraction"):
            parts = chinese_number(m.group("numerator")), chinese_number(m.group("denominator"))
            if None in parts or not parts[1] or parts[0] >= parts[1]:
                continue
            value, unit = 100 * parts[0] / parts[1], "%"
        else:
            num = chinese_number(m.group("cheng_num"))
            if num is None:
                continue
            value, unit = num * 10, "%"
        rest = clause[end:]
        comparator = "ge" if is_range else "eq"
        after = (
            (vocabulary.after_ge, "ge"),
            (vocabulary.after_le, "le"),
            (vocabulary.after_approx, "approx"),
        )
        for pattern, comp in after:
            cm = pattern.match(rest)
            if cm:
                comparator = comp
                end += cm.end()
                break
        # NOTE: "运量150万吨以上的园区" is a threshold that defines whom a target applies to,
        # not a target; "80%左右的机关达到要求" at the head of a clause is a target, and so is
        # a share that sizes a capacity (具备5%左右的尖峰负荷响应能力).
        if (
            clause[end : end + 1] == "的"
            and not _starts_clause(clause, start, vocabulary, unit)
            and not sizes_capacity_after(clause, end, unit)
        ):
            continue
        if comparator != "eq" and unit not in _COUNT_UNITS and _ENTITY_AFTER.match(clause, end):
            continue  # 年货运量150万吨以上工业企业: a size that picks the entities, no target
        if _size_of_a_class(clause, start, end, unit, comparator, vocabulary):
            continue
        if _FROM_YEAR_BEFORE.search(clause[:start]):
            continue  # 由2020年的56% is the starting point of the target that follows
        # NOTE: 长江路、尖岗路等20条200公里生态廊道: a count with a second quantity right after
        # it sizes what is built, the roads named are examples.
        paired = unit in _COUNT_UNITS and clause[end : end + 1].isdigit()
        if not paired and _counts_preceding_list(clause[:start], value):
            continue
        mentions.append(Mention(start, end, value, unit, comparator, is_range))
        consumed = end
    mentions += _word_quantities(clause, vocabulary, mentions)
    for m in vocabulary.zero_re.finditer(clause):
        if clause[max(0, m.start() - 1) : m.start()] in ("净", "近"):
            continue  # NOTE: 净零排放, 近零排放 name a goal or a class of zones, no zero
        mentions.append(Mention(m.start(), m.end(), 0.0, "", "eq", zero_word=m.group(0)))
    mentions.sort(key=lambda x: x.start)
    return mentions


class ClauseMentions:
    """`find_mentions` of each clause of one document, read once: the target rules and the
    observations go over the same clauses. Each call returns a list of its own (callers add to
    it); the mentions in it are shared, so no caller may change them."""

    def __init__(self, vocabulary: Vocabulary = VOCABULARY) -> None:
        self.vocabulary = vocabulary
        self.by_clause: dict[str, list[Mention]] = {}

    def __call__(self, clause: str) -> list[Mention]:
        found = self.by_clause.get(clause)
        if found is None:
            found = self.by_clause[clause] = find_mentions(clause, self.vocabulary)
        return list(found)


_MAGNITUDES = {"十": 10.0, "百": 100.0, "千": 1000.0}
_QUOTE_MARKS = "“”‘’「」\"'"


def _word_quantities(clause: str, vocabulary: Vocabulary, found: list[Mention]) -> list[Mention]:
    """Numbers written as words: a count in Chinese numerals after a verb of built or created
    work (建成两个示范区), and a magnitude word before a 万/亿 unit (新增高标准农田千万亩).
    Never inside quotation marks: a quoted count is a slogan (“三个走在前”)."""
    out: list[Mention] = []
    taken = [(m.start, m.end) for m in found]
    candidates = []
    for m in vocabulary.count_re.finditer(clause):
        num = m.group("num")
        value = _MAGNITUDES.get(num) or chinese_number(num)  # cn2an reads 两百 but not 百
        candidates.append((m.start("num"), m.end("unit"), value, m))  # m["more"]: ge
    for m in vocabulary.magnitude_re.finditer(clause):
        # NOTE: 突破千亿元 is a value; 百亿元产业集群 names a class of cluster by its size.
        if _BARE_OK_AFTER.match(clause[m.end() :]):
            candidates.append((m.start(), m.end(), _MAGNITUDES[m.group("mag")], m))
    for start, end, value, m in candidates:
        if value is None or value < 2 or any(a < end and start < b for a, b in taken):
            continue
        if clause[max(0, start - 1) : start] in _QUOTE_MARKS or _NOT_A_VALUE_AFTER.match(
            clause[end:]
        ):
            continue
        quote_opened = clause[:start].count("“") > clause[:start].count("”")
        if quote_opened:
            continue
        comparator = "ge" if "more" in m.groupdict() and m.group("more") else "eq"
        for pattern, comp in ((vocabulary.after_ge, "ge"), (vocabulary.after_le, "le")):
            cm = pattern.match(clause[end:])
            if cm:
                comparator, end = comp, end + cm.end()
                break
        out.append(Mention(start, end, value, m.group("unit"), comparator))
        taken.append((start, end))
    return out


_NOT_A_SHARE_UNITS = frozenset({*_COUNT_UNITS, "%", "‰", "个百分点", "百分点", ""})
# What may follow a bounded size that is a target: a list, a comparator, a noun of scale.
_SIZE_TARGET_AFTER = re.compile(
    r"(?:[和及与或并且、]|以上|以下|左右|(?:规模|水平|目标)(?![\u4e00-\u9fa5])|[^\u4e00-\u9fa5])"
)


def _size_of_a_class(
    clause: str, start: int, end: int, unit: str, comparator: str, vocabulary: Vocabulary
) -> bool:
    """True for a bounded size right before the noun it classifies, with no verb of work
    before it: 单体规模2万平方米以上公共建筑, 30万千瓦及以上煤电机组, 4.5吨以上重型柴油货车.
    NOTE: "完成100万平方米以上既有建筑节能改造" keeps its number: a verb of work measures it;
    a class is bounded, so an approximate size (对3000万千瓦左右煤电机组开展改造) measures too."""
    if comparator in ("eq", "approx") or unit in _NOT_A_SHARE_UNITS or end >= len(clause):
        return False
    if _SIZE_TARGET_AFTER.match(clause, end):
        return False
    return not vocabulary.work_verb_end_re.search(clause, 0, start)


_FROM_YEAR_BEFORE = re.compile(r"(?:由|从)(?:19|20)\d\d年(?:底|末)?的?$")


def _counts_preceding_list(before: str, value: float) -> bool:
    """True for "钢铁、焦化、水泥3个行业": a number that counts the items listed right before it,
    or the places of a list cut short with 等 (尚志、依兰等地7个电站). NOTE: examples of what is
    counted (西流湖公园、青少年公园等40个综合公园) are no places: their names run longer.
    """
    if re.search(r"[\u4e00-\u9fa5]{2,8}、[\u4e00-\u9fa5]{2,8}等(?:地|市|县|区)$", before):
        return True
    if re.search(r"[\u4e00-\u9fa5]{2,3}、[\u4e00-\u9fa5]{2,3}等$", before):
        return True
    items = before.split("、")
    if len(items) < 3:
        return False
    items[0] = re.split(r"[^\u4e00-\u9fa5]", items[0])[-1]
    return value == len(items) and all(0 < len(i) <= 8 for i in items)


def _starts_clause(clause: str, pos: int, vocabulary: Vocabulary, unit: str = "") -> bool:
    """True when only lead words, the whole region (全市) and 约 stand before `pos`: a share at
    the head of its clause ("全市80%以上的县建成...", "约30%的机构...") is the target itself; so
    is a share of an area named before it (城市建成区60%以上的面积达到...), where a share of a
    property (再生材料含量30%以上的产品) picks entities."""
    head = clause[:pos]
    for word in vocabulary.approx_before:
        head = head.removesuffix(word)
    while True:
        stripped = vocabulary.whole_region_re.sub("", vocabulary.lead_re.sub("", head))
        if stripped == head:
            break
        head = stripped
    return head == "" or (unit == "%" and bool(AREA_HEAD_RE.match(head)))
