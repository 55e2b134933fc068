"""Observations: the measured values a document states, read in the same pass as its targets.

Bulletins (统计公报, 状况公报), work reports and news state what a region measured; plans open
with a review of the last period ("十三五"时期……非化石能源占比达到11.2%). Every such number
becomes an `ObservationRecord`: a `level` (a state in a year: 占比达到/为/降到 X) or a `change`
over a period (比上年下降, 增长, 新增, 累计, 淘汰) with the year it is measured from.

How a clause is placed in time, in the genre's words:
- a stated year (2020年, 截至2022年底) that lies before the document's present; 到/至 a year
  after it is a goal, never an observation;
- a period (“十三五”时期, 过去五年, 2016-2020年): a level its end year, a change its span;
- a bulletin's 全年 / 年末 / bare clause: the year it reports on (《2024年…公报》: 2024);
  上年 / 去年: the year before that;
- a plan's review section (发展基础, 取得的成效): the end of the last five-year period.
A number is a target, an observation, a milestone or none, never two: a value the target rules
took is not read again, and a clause that looks forward (力争, 预期目标, 到2025年) gives none.
"""

from __future__ import annotations

import re

from ..gazetteer import shipped_gazetteer
from ..regions import COUNTRY_ZH
from ..schemas import RATE_UNITS
from .bulletin_tables import bulletin_table_observations
from .observation_names import LatestName
from .observation_ratios import structure_terms
from .observation_time import Frame, TimeFrames
from .observation_words import (
    ACHIEVED_AFTER_RE,
    ACTION_RE,
    APPROX_BEFORE_RE,
    BASELINE_RE,
    BASIS_LEAD_RE,
    BASIS_WORD_RE,
    CHANGE_TAIL_RE,
    COUNT_UNITS,
    DEVELOPED_RE,
    ENTITY_AFTER_RE,
    FALL_WORDS,
    FORECAST_RE,
    FORWARD_RE,
    GAP_TO_EXPECTED_RE,
    GE_BEFORE_RE,
    GENERIC_NAMES,
    GOAL_AFTER_RE,
    LE_BEFORE_RE,
    LEAD_RE,
    LEVEL_TAIL_RE,
    MEASURE_VERB_END_RE,
    MONITORED_FAMILIES,
    MONITORED_SET_RE,
    NO_INDICATOR_RE,
    PERIOD_RE,
    RANK_AFTER_RE,
    RANK_BEFORE_RE,
    REACHED_YEAR_RE,
    RESPECTIVELY_RE,
    RISE_WORDS,
    SCOPE_COUNT_AFTER_RE,
    SCOPE_HEAD_RE,
    START_BARE_AFTER_RE,
    START_BARE_BEFORE_RE,
    STARTING_POINT_RE,
    STARTING_VALUE_RE,
    WHOLE_REGION_RE,
    WORK_RE,
    counts_the_places_listed,
)
from .quantities import Mention, find_mentions, may_hold_quantity
from .records import ObservationRecord, stable_id
from .review_tables import base_year_observations, table_observations
from .sentences import trim_span
from .vocabulary import FYP_END
from .years import arabic_years

# Patterns of the hot paths, compiled once (each runs once or more per clause).
_DOT_LEADER_RE = re.compile(r"\.{4,}")  # a contents line's dots
# what edges a name without being part of it: 比重从37%… / 进一步提高至9.8% (the verb's adverb)
_NAME_EDGES_RE = re.compile(r"^(?:的|，|、|是|为|进一步|大幅|稳步|逐步)+|(?:的|，|、|。|由|从)+$")
_HAN_RE = re.compile(r"[\u4e00-\u9fa5]")


class ObservationReader(TimeFrames):
    """The observations of one document, given the extractor that read its targets."""

    def __init__(self, extractor) -> None:
        self.x = extractor
        self.last_record: ObservationRecord | None = None
        self.carried: tuple[str, re.Pattern] | None = None  # a paragraph's monitored set
        self.previous_end = 0  # where the sentence read last ends (normalized text)
        self.part_of: ObservationRecord | None = None
        self.context = extractor.context
        self.norm = extractor.norm
        kind = self.context.doc_kind or "plan"
        self.reports = kind in ("bulletin", "work_report", "news")
        # The document's present: the year a bulletin or report speaks of; a plan's issue year.
        self.present = self.context.report_year or extractor.issue_year
        self.records: list[ObservationRecord] = []
        # Spans (original offsets) of the targets' values, so no number is read twice.
        self.taken = [(t.char_start, t.char_end, t.value) for t in extractor.targets]
        self.table_spans = extractor.tables.spans
        self.gazetteer = shipped_gazetteer()
        self.own_names = self.context.region_names
        self.period_start: int | None = None  # the start of the period the sentence is in
        self.last_scope = ""  # the scope of the last value read in the sentence
        # 分别: a mention's own subject, and where the words its verb is read from start and end
        self.assigned: dict[int, tuple[str, int, int]] = {}
        self.list_change: Frame | None = None  # the frame of work done, for a 、-list after it
        self.named_part = ""  # a part of the region the clause names (湖州市 in 浙江's text)
        self.own_division = (
            self.gazetteer.find_region(self.own_names[0]) if self.own_names else None
        )

    # -- the document -----------------------------------------------------------------------------
    def run(self) -> list[ObservationRecord]:
        records, spans = table_observations(self.x)
        if self.reports and self.present:
            more, more_spans = bulletin_table_observations(self.x, self.present)
            records, spans = [*records, *more], [*spans, *more_spans]
        self.records.extend(records)
        self.table_spans = [*self.table_spans, *spans]
        norm = self.norm.text
        sections = {} if self.reports else self.section_spans(norm, self.x.vocabulary)
        present, outlook = sections.get("present", []), sections.get("outlook", [])
        for sent in self.x.sentences:
            if self.table_spans and self._in_table(sent.start, sent.end):
                continue
            if self.reports:
                default = Frame(year=self.present, past=self.present is not None)
            elif self.x.issue_year and any(a <= sent.start < b for a, b in present):
                # 存在问题 / 面临挑战: where the region stands when the plan starts
                default = Frame(year=self._period_end_before(self.x.issue_year), past=True)
            elif any(a <= sent.start < b for a, b in outlook):
                default = Frame(past=False)  # 机遇与挑战: only a clause's own time is read
            elif sent.history and self.x.issue_year:
                end = self._period_end_before(
                    self.x.issue_year - 1 if self.x.issue_year % 5 else self.x.issue_year
                )
                default = Frame(year=end, start=end - 5, past=True)
            else:
                default = Frame(past=False)
            before = len(self.records)
            self._carry_scope(norm, sent)
            self._sentence(sent, default)
            self._carry_scope(norm, sent, before)
        self.records.extend(base_year_observations(self.x, self.records))
        self.records.sort(key=lambda r: (r.char_start, r.char_end))
        self._assign_ids()
        return self.records

    def _in_table(self, start: int, end: int) -> bool:
        s, e = self.norm.span_to_original(start, end)
        return any(a < e and s < b for a, b in self.table_spans)

    def _carry_scope(self, norm: str, sent, before: int | None = None) -> None:
        """The scope a bulletin's paragraph sets for its measurements (全年全省地级及以上城市
        空气质量…。PM2.5平均浓度…): kept for the next sentences of the same paragraph that go on
        with measurements of the same kind (air, water) and name no region or scope of their
        own. Called before a sentence (`before` None: a new paragraph or a sentence naming the
        whole region ends it) and after it (`before`: where its records start).

        NOTE: only within a paragraph, only in bulletins and reports, and only for the air and
        water measurements they report over a monitored set; a figure of another kind never
        takes it.
        """
        if not self.reports:
            return
        if before is None:
            if "\n" in norm[self.previous_end : sent.start] or WHOLE_REGION_RE.match(
                LEAD_RE.sub("", norm[sent.start : sent.end])
            ):
                self.carried = None
            return
        for record in reversed(self.records[before:]):
            family = next((f for f in MONITORED_FAMILIES if f.search(record.indicator_zh)), None)
            if family is not None and record.scope_zh and SCOPE_HEAD_RE.match(record.scope_zh):
                self.carried = (record.scope_zh, family)
                break
        self.previous_end = sent.end

    def _sentence(self, sent, default: Frame) -> None:
        norm = self.norm.text
        frame = default
        self.period_start = default.start
        self.last_scope = ""
        last_indicator = LatestName(self._indicator)  # a clause's name read when a value asks
        last_base: int | None = None
        self.last_record = None
        self.part_of = None  # the change a 其中 clause breaks down
        if not may_hold_quantity(norm[sent.start : sent.end]):
            return  # no value, so no record; the time and names its clauses state end with it
        shares = self._shares(sent, default)
        for cs, ce in sent.clauses:
            clause = norm[cs:ce]
            if "……" in clause or "…" * 3 in clause or _DOT_LEADER_RE.search(clause):
                continue  # a contents line
            mentions = [
                m
                for m in self._mentions(clause)
                if not any(t.start < cs + m.end and cs + m.start < t.end for t in shares)
            ]
            if clause.startswith("其中"):
                last = self.last_record
                self.part_of = last if last is not None and last.kind == "change" else None
            elif CHANGE_TAIL_RE.search(clause) or WORK_RE.search(clause):
                self.part_of = None
            head = clause[: mentions[0].start] if mentions else clause
            frame = self._frame_of(head, frame)
            if frame.start is not None:
                self.period_start = frame.start
            if not mentions:
                last_indicator.offer(clause)
                continue
            if BASIS_LEAD_RE.match(clause) and (
                BASIS_WORD_RE.search(clause) or FORECAST_RE.search(norm[ce : sent.end])
            ):
                continue  # 按照每户8千瓦标准 / 考虑…等因素，预计…: a basis, no measure
            forward = bool(FORWARD_RE.search(clause)) or bool(
                self.x.vocabulary.aspiration_re.search(clause)
            )
            prev_end = 0
            self.assigned = self._respective_names(clause, mentions)
            self.list_change = None
            for k, mention in enumerate(mentions):
                left = clause[prev_end : mention.start]
                if k in self.assigned:
                    # A、B分别下降X、Y: each value takes the clause's verb and its own subject
                    left = clause[self.assigned[k][1] : self.assigned[k][2]]
                if self._counts_a_scope(
                    mention, clause[mention.end :], left, k + 1 < len(mentions)
                ):
                    continue  # 13个设区城市PM2.5…: the count stays in the next value's subject
                prev_end = mention.end
                local = frame
                start_value = STARTING_VALUE_RE.search(arabic_years(left))
                reached = REACHED_YEAR_RE.search(arabic_years(left))
                if start_value:
                    year = int(start_value.group("year"))
                    self.period_start = year  # …，提高3.7个百分点: the change since then
                    local = Frame(year=year, past=year <= (self.present or year), explicit=True)
                    left = left[: start_value.start()]
                elif reached:
                    year = int(reached.group("year"))
                    limit = self.present if self.reports else (self.x.issue_year or year + 1) - 1
                    local = Frame(year=year, past=year <= limit, explicit=True)
                    left = left[: reached.start()] + "提高到"
                    if local.past:
                        frame = local  # …提高到2020年的17.9%，提高3.7个百分点: the same year
                elif k > 0:
                    local = self._frame_of(left, frame)
                starting = self._starts_from(clause, mention, local)
                if starting is not None:
                    local = starting  # 由65%提升至75%: where the region starts
                elif (
                    not local.past
                    or local.year is None
                    or (forward and not (local.explicit and not FORWARD_RE.search(left)))
                ):
                    continue
                record = self._record(
                    clause, cs, mentions, k, left, local, last_indicator.get(), last_base
                )
                if record is None:
                    continue
                if record.indicator_zh:
                    last_indicator.set(
                        record.indicator_zh.removesuffix(self._direction(record.indicator_zh))
                    )
                if record.baseline_year is not None:
                    last_base = (
                        record.baseline_year
                        if record.year - record.baseline_year == 1
                        else last_base
                    )
                self.records.append(record)
                self.last_record = record

    def _shares(self, sent, default: Frame) -> list:
        """The terms of a share structure the sentence states (三次产业结构为8.6:41:50.4), each
        recorded as a level; all of them returned, so no clause reads them again."""
        norm = self.norm.text
        terms = structure_terms(norm, sent.start, sent.end, self._indicator)
        for t in terms:
            frame = self._frame_of(norm[sent.start : t.start], default)
            if since := STARTING_VALUE_RE.search(arabic_years(norm[sent.start : t.series_start])):
                frame = Frame(year=int(since.group("year")), past=True)  # 由2015年的8.9:44.9:…
            if frame.past and frame.year and not self._taken(t.start, t.end, t.value):
                start, end = self.norm.span_to_original(*trim_span(norm, sent.start, t.end))
                self.records.append(ObservationRecord(
                    doc_id=self.context.doc_id, region_zh=None, division_code=None,
                    indicator_zh=t.name, value=t.value, unit="", comparator="eq",
                    year=frame.year, kind="level", baseline_year=None, scope_zh="",
                    quote=self.x.text[start:end], char_start=start, char_end=end,
                ))  # fmt: skip
        return terms

    def _starts_from(self, clause: str, mention: Mention, frame: Frame) -> Frame | None:
        """The frame of a starting value with no year of its own (由65%提升至75%): the start of
        the period a review speaks of, or, in a goal, the year the plan starts from."""
        if not (
            START_BARE_BEFORE_RE.search(clause[: mention.start])
            and START_BARE_AFTER_RE.match(clause[mention.end :])
        ):
            return None
        if frame.past and frame.start is not None:
            return Frame(year=frame.start, past=True, explicit=True)
        if self.reports or not self.x.issue_year:
            return None
        return Frame(year=self._period_end_before(self.x.issue_year), past=True, explicit=True)

    def _respective_names(
        self, clause: str, mentions: list[Mention]
    ) -> dict[int, tuple[str, int, int]]:
        """For "A、B、C分别下降X、Y、Z": mention index -> (its own subject, where the shared
        subject starts); {} when the clause has no such list or the counts differ."""
        found = RESPECTIVELY_RE.search(clause)
        if not found:
            return {}
        group = [k for k, m in enumerate(mentions) if m.start >= found.end()]
        head = clause[: found.start()]
        head = BASELINE_RE.sub("", arabic_years(head))
        starts = [m.end for m in mentions if m.end <= found.start()]
        begin = max(starts) if starts else 0
        subject = head[begin:] if begin < len(head) else head
        items = [p for p in re.split(r"、|和|及|与|以及", subject) if p]
        if len(group) < 2:
            return {}
        if len(items) != len(group):
            items = [""] * len(group)  # one subject for all: each value still takes the verb
        return {k: (item, begin, found.end()) for k, item in zip(group, items, strict=True)}

    @staticmethod
    def _counts_a_scope(mention: Mention, after: str, left: str, more: bool) -> bool:
        """A count of divisions or monitored sites that names who is measured (5个地级城市…为
        306天, 全国339个地级及以上城市), not a measured value itself."""
        return (
            mention.unit in ("个", "家")
            and bool(SCOPE_COUNT_AFTER_RE.match(after))
            and (more or not MEASURE_VERB_END_RE.search(left))
            and (more or not ACHIEVED_AFTER_RE.match(after))
        )

    def _mentions(self, clause: str) -> list[Mention]:
        """The quantities of a clause, with the starting values the target rules leave out
        (由2015年的60.9%提高到…: 60.9% is what the region measured in 2015)."""
        mentions = self.x.mentions_in(clause)
        for m in STARTING_POINT_RE.finditer(arabic_years(clause)):
            if any(x.start <= m.end() < x.end for x in mentions):
                continue
            found = find_mentions(clause[m.end() :], self.x.vocabulary)
            if found and found[0].start == 0:
                first = found[0]
                first.start += m.end()
                first.end += m.end()
                mentions.append(first)
        return sorted(mentions, key=lambda x: x.start)

    # -- one value --------------------------------------------------------------------------------
    def _record(self, clause, cs, mentions, k, left, frame: Frame, last_indicator, last_base):
        mention: Mention = mentions[k]
        after = clause[mention.end :]
        before = clause[: mention.start]
        if RANK_AFTER_RE.match(after) or RANK_BEFORE_RE.search(before):
            return None
        achieved = mention.unit in COUNT_UNITS and ACHIEVED_AFTER_RE.match(after)
        # 完成节能改造90台机组: a count of the entities a work was done on is its size
        worked = mention.unit in (*COUNT_UNITS, "台", "套") and WORK_RE.search(before)
        if ENTITY_AFTER_RE.match(after) and not (achieved or worked):
            return None
        if DEVELOPED_RE.search(clause) and _HAN_RE.match(after) and mention.unit not in COUNT_UNITS:
            return None  # 完成6兆瓦直驱海上风机样机研制: the rating of what was made
        if mention.unit in COUNT_UNITS and counts_the_places_listed(before, mention.value):
            return None  # 上海石化暂供区、外高桥港区2个…试点: the count of the places named
        if GOAL_AFTER_RE.match(after):
            return None  # 超额完成省下达的16%目标: the goal beside a result
        if not re.search(r"[\u4e00-\u9fa5]{2}", clause):
            return None  # a line of bare figures (a data appendix) says nothing
        if not mention.unit and not re.search(r"(?:系数|指数|比|率|强度|倍)[^，]{0,6}$", before):
            return None
        if self._taken(cs + mention.start, cs + mention.end, mention.value):
            return None
        baseline_match = None
        for m in BASELINE_RE.finditer(arabic_years(left)):
            baseline_match = m
        tail = LEVEL_TAIL_RE.search(left)
        change = CHANGE_TAIL_RE.search(left)
        verb = ""
        kind = "level"
        if change and not re.search(r"(?<!达)(?:到|至)$", left[: change.end()]):
            verb = change.group("verb")
            kind = "change"
        elif mention.unit in ("个百分点", "百分点"):
            kind = "change"
        stem = left
        if change and kind == "change":
            stem = left[: change.start()]
        elif tail:
            stem = left[: tail.start()]
        if baseline_match and baseline_match.end() >= len(arabic_years(stem)) - 4:
            stem = stem[: baseline_match.start()]
        work = WORK_RE.search(stem)
        stock = work is not None and work.group(0) in ("建成", "累计", "累计建成", "创建")
        if (
            kind == "level"
            and work
            and (frame.start is not None or self.reports)
            and mention.unit not in RATE_UNITS
            and (not stock or (frame.start is not None and not frame.explicit_date))
        ):
            kind = "change"
        if (
            kind == "level"
            and frame.start is not None
            and not frame.explicit_date
            and mention.unit
            and mention.unit not in RATE_UNITS
            and not re.search(r"(?:累计|共|总共)有$", left.strip())
            and (
                ACTION_RE.search(stem)
                or (achieved and not re.match(r"个?[^，。；]*?(?:获得?|荣获)", after))
            )
        ):
            kind = "change"  # 实施项目239项 / 6个城市成功创建…: work done in the period
        if kind == "level" and self.part_of is not None and mention.unit == self.part_of.unit:
            # …新增节能建筑19873.38万平方米，其中公共建筑4665.49万平方米: a part of that work
            kind = "change"
            frame = Frame(year=self.part_of.year, start=self.part_of.baseline_year, past=True)
        if kind == "level" and left.startswith("、") and self.list_change is not None:
            # 压减生铁产能160万吨、粗钢产能174万吨: a list item shares the work of the first
            kind, frame = "change", self.list_change
        self.named_part = ""
        region, division_code, stem = self._region(stem)
        scope, stem = self._scope(stem)
        scope = scope or self.named_part
        indicator = self._indicator(stem)
        if k in self.assigned and self.assigned[k][0]:
            indicator = self._indicator(self.assigned[k][0]) or indicator
        if not indicator:
            noun = re.split(r"[，、；。和及与]", after, maxsplit=1)[0].lstrip("的")
            if k == 0 and noun and len(noun) <= 20 and not NO_INDICATOR_RE.match(noun) and not verb:
                indicator = self._indicator(stem + noun) or noun
            else:
                indicator = last_indicator
        if last_indicator and (indicator in GENERIC_NAMES or indicator.startswith("占")):
            indicator = last_indicator + indicator  # …，比例为83.8% / 占全部装机的比重
        elif last_indicator and WORK_RE.fullmatch(indicator):
            indicator = indicator + last_indicator  # …装机容量年均增长9.6%，累计新增3140万千瓦
        if indicator == last_indicator and not scope:
            scope = self.last_scope  # …为92.8%，同比提高1.4个百分点: the same figure's scope
        if not indicator or len(indicator) > 40:
            return None
        scope = scope or frame.part
        if not scope and region is None and self.carried is not None:
            carried, family = self.carried
            if family.search(indicator):
                scope = carried  # 地级及以上城市…。PM2.5平均浓度为…: the same monitored set
        self.last_scope = scope
        self.list_change = frame if kind == "change" and work else None
        if kind == "change" and verb and not indicator.endswith(verb):
            indicator += verb
        baseline = None
        if kind == "change" and not GAP_TO_EXPECTED_RE.search(left):
            if baseline_match and baseline_match.group("year"):
                baseline = int(baseline_match.group("year"))
            elif baseline_match and baseline_match.group("fyp"):
                baseline = FYP_END[baseline_match.group("fyp")]
            elif baseline_match:
                baseline = frame.year - 1
            elif frame.start is not None:
                baseline = frame.start
            elif self.period_start is not None and re.search("累计|年均|五年|提高|增长", left):
                baseline = self.period_start  # “十三五”…，2020年达到X；…累计下降Y
            elif "年均" in left and not self.reports:
                baseline = self._period_end_before(frame.year) - 5  # a review's yearly average
            else:
                baseline = frame.year - 1
            if baseline >= frame.year:
                return None
        comparator = mention.comparator
        if comparator == "eq":
            if APPROX_BEFORE_RE.search(left):
                comparator = "approx"
            elif GE_BEFORE_RE.search(left):
                comparator = "ge"
            elif LE_BEFORE_RE.search(left):
                comparator = "le"
        s, e = trim_span(clause, 0, mention.end)
        start, end = self.norm.span_to_original(cs + s, cs + e)
        return ObservationRecord(
            doc_id=self.context.doc_id,
            region_zh=region,
            division_code=division_code,
            indicator_zh=indicator,
            value=mention.value,
            unit=mention.unit,
            comparator=comparator,
            year=frame.year,
            kind=kind,
            baseline_year=baseline,
            scope_zh=scope,
            quote=self.x.text[start:end],
            char_start=start,
            char_end=end,
        )

    def _taken(self, start: int, end: int, value: float) -> bool:
        s, e = self.norm.span_to_original(start, end)
        return any(a <= s and e <= b and abs(v - value) < 1e-9 for a, b, v in self.taken)

    @staticmethod
    def _direction(indicator: str) -> str:
        for word in FALL_WORDS + RISE_WORDS:
            if indicator.endswith(word):
                return word
        return ""

    def _region(self, stem: str) -> tuple[str | None, str | None, str]:
        """The region a clause names at its head (全国, another province), else the document's
        (None: filled in from the document row); and the stem without it."""
        text = LEAD_RE.sub("", stem)
        if text.startswith(("全国", "我国")):
            return COUNTRY_ZH, "000000", text[2:]
        m = WHOLE_REGION_RE.match(text)
        own = self.own_division
        if m:
            if (
                m.group(0) in ("全省", "我省", "本省")
                and own is not None
                and own.level != "province"
            ):
                # 全省 in a city's text is the city's province
                province = self.gazetteer.province(own)
                return province.name, province.code, text[m.end() :]
            return None, None, text[m.end() :]
        for name in self.own_names:
            if text.startswith(name):
                return None, None, text[len(name) :]
        chain = self.gazetteer.parse_chain(text[:12])
        if chain is not None and not chain.zone:
            found = self.gazetteer.resolve(chain)
            name = chain.parts[-1][0]
            if len(found) == 1 and (len(name) >= 3 or found[0].level == "province"):
                division = found[0]
                rest = self.gazetteer.rest_after(text, chain)
                if rest and not rest.startswith(("省", "市", "区", "县", "州")):
                    if own is not None and self.gazetteer.is_within(division, own):
                        # a city named in its province's text is a sub-area of the region
                        self.named_part = "".join(n for n, _ in chain.parts)
                        return None, None, rest
                    return self.gazetteer.display_name(division), division.code, rest
        return None, None, text

    @staticmethod
    def _scope(stem: str) -> tuple[str, str]:
        stem = LEAD_RE.sub("", stem)
        m = SCOPE_HEAD_RE.match(stem)
        if m and len(stem) > m.end() + 1:
            return m.group(0), stem[m.end() :].lstrip("的")
        monitored = MONITORED_SET_RE.search(stem)
        if monitored and len(stem) > len(monitored.group(0)) + 1:
            return monitored.group(0), stem[: monitored.start()] + stem[monitored.end() :]
        return "", stem

    def _indicator(self, stem: str) -> str:
        text = PERIOD_RE.sub("", LEAD_RE.sub("", stem))  # 能耗“十三五”累计下降: no period
        text = WHOLE_REGION_RE.sub("", text)
        for name in self.own_names:
            if text.startswith(name):
                text = text[len(name) :]
        text = LEVEL_TAIL_RE.sub("", text)
        text = _NAME_EDGES_RE.sub("", text)
        text = text.strip(' “”"‘’《》（）()：:')
        if not _HAN_RE.search(text) or len(text) < 2:
            return ""
        return text

    def _assign_ids(self) -> None:
        seen: dict[str, int] = {}
        for r in self.records:
            key = stable_id(
                "O",
                r.doc_id,
                re.sub(r"\s+", "", r.quote),
                r.indicator_zh,
                f"{r.value:g}",
                r.unit,
                r.year,
            )
            seen[key] = seen.get(key, 0) + 1
            r.observation_id = key if seen[key] == 1 else f"{key}-{seen[key]}"


def read_observations(extractor) -> list[ObservationRecord]:
    """The observations of the document `extractor` has read (call after `extractor.run()`)."""
    return ObservationReader(extractor).run()
