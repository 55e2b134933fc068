"""The extractor: per sentence and clause, each quantity mention becomes a target (indicator,
value, unit, comparator, kind, year, baseline, scope, aspiration) or a milestone, or nothing."""

from __future__ import annotations

import re
from functools import cached_property

from ..schemas import RATE_UNITS
from ..text import NormalizedText, normalize
from .clause_state import ClauseContext, Segment
from .increments import states_increment
from .indicator_tables import TableReading, read_indicator_tables
from .layout import is_layout_mention
from .non_targets import in_selection_pool, set_aside_row, why_not_a_target
from .phrases import (
    TRAILING_YEAR_RE,
    complete_from_previous,
    level_scopes,
    looks_forward,
    modifies_counted,
    named_subject,
    parallel_scopes,
    read_comparison,
    set_aside,
    share_predicate,
    split_parallel,
    split_scope,
    split_shared_subject,
    starting_point_subject,
    strip_actions,
    strip_lead,
    without_own_region,
    without_stray_quotes,
)
from .quantities import ClauseMentions, Mention, may_hold_quantity, measures_noun_after
from .records import MilestoneRecord, PlanContext, TargetRecord, assign_ids
from .sentences import Sentence, split_sentences, trim_span
from .vocabulary import (
    ACHIEVER_SCOPE_RE,
    AREA_HEAD_RE,
    BASELINE_CLAUSE_RE,
    DIVISION_RE,
    ENTITY_SCOPE_RE,
    HISTORY_SENTENCE_RE,
    LEVEL_LIST_SCOPE_RE,
    NEW_FACILITY_SCOPE_RE,
    REPORT_GOAL_RE,
    RISE_VERBS,
    VOCABULARY,
    Vocabulary,
)
from .years import default_target_year, find_year, history_cut, year_list

# 在培育6个园区过程中: the frame of the clause is not part of what is counted; nor is the
# building of it in 推动10个产业基地建设 (10 bases, not 10 constructions).
_CIRCUMSTANCE_TAIL_RE = re.compile(
    r"(?:的)?(?:过程|进程|期间|工作)?中$|(?<=[\u4e00-\u9fa5]{3})的?(?:建设|创建)(?:工作)?$"
)


class Extractor:
    """Extract targets and milestones from one document's text."""

    def __init__(
        self, text: str, context: PlanContext, vocabulary: Vocabulary = VOCABULARY, norm=None
    ) -> None:
        self.text = text
        self.context = context
        self.vocabulary = vocabulary
        self.norm: NormalizedText = norm if norm is not None else normalize(text)
        self.mentions_in = ClauseMentions(vocabulary)  # shared with the observations' pass
        self.default_year = context.default_target_year or default_target_year(
            self.norm.text, context.issue_year
        )
        # Years before this are history, not targets (see history_cut: never a guessed date).
        self.issue_year = history_cut(self.norm.text, context.issue_year, self.default_year)
        # A bulletin or report states what was measured; a goal in it says so (今年的预期目标,
        # 到2025年, 力争): a clause with neither is no target, whatever the plans' default year.
        self.reports = context.doc_kind in ("bulletin", "work_report", "news")
        if self.reports and context.report_year:
            self.default_year = context.report_year + 1
        self.targets: list[TargetRecord] = []
        self.milestones: list[MilestoneRecord] = []
        # Numbers a target rule read but the clause says are no target (non_targets.py), as
        # review rows with the reason.
        self.set_aside: list[dict] = []
        # The indicator tables: their rows are targets, their spans are not read as sentences.
        self.tables: TableReading = TableReading()

    @cached_property
    def sentences(self) -> list[Sentence]:
        """The sentences of the normalized text, split once for the targets and observations."""
        return split_sentences(self.norm.text, self.vocabulary)

    def _provenance(
        self, start: int, end: int, ctx: ClauseContext, aspirational: bool
    ) -> dict[str, object]:
        """Every record's plan, aspiration, inferred year, and original quote of [start, end)."""
        s, e = self.norm.span_to_original(start, end)
        return {
            "doc_id": self.context.doc_id,
            "aspirational": int(aspirational),
            "year_inferred": int(ctx.year is None),
            "quote": self.text[s:e],
            "char_start": s,
            "char_end": e,
        }

    def run(self) -> tuple[list[TargetRecord], list[MilestoneRecord]]:
        norm = self.norm.text
        self.tables = read_indicator_tables(
            self.text, self.context, self.default_year, self.vocabulary, self.issue_year
        )
        for sent in self.sentences:
            if sent.history or self._in_table(sent):
                continue
            head = norm[sent.start : sent.start + 12]
            if HISTORY_SENTENCE_RE.match(head):
                year, _ = find_year(head)
                # NOTE: "2020年，森林覆盖率达到61.5%，到2025年提高到63%": a sentence that opens
                # on the past may go on to a goal; its past clauses only name the indicator.
                later, _ = find_year(norm[sent.start : sent.end])
                if (year is None or year < self.issue_year) and (
                    later is None or later < self.issue_year
                ):
                    continue
            self._sentence(sent)
        self.targets.extend(self.tables.targets)
        # A row of a table not understood whose numbers a sentence rule read is no news.
        read = [(t.char_start, t.char_end) for t in self.targets]
        self.tables.unread_rows = [
            row
            for row in self.tables.unread_rows
            if not any(s < row["char_end"] and row["char_start"] < e for s, e in read)
        ]
        assign_ids(self.targets, self.milestones)
        return self.targets, self.milestones

    def _in_table(self, sent: Sentence) -> bool:
        """True for a sentence inside an understood indicator table (its rows are read there)."""
        if not self.tables.spans:
            return False
        s, e = self.norm.span_to_original(sent.start, sent.end)
        return any(a < e and s < b for a, b in self.tables.spans)

    def _sentence(self, sent: Sentence) -> None:
        norm, v = self.norm.text, self.vocabulary
        # Most sentences hold no number nor milestone word (literal words): nothing is read in
        # them, and what their clauses state (year, scope, aspiration) ends with the sentence.
        whole = norm[sent.start : sent.end]
        if not may_hold_quantity(whole) and not v.milestone_re.search(whole):
            return
        ctx = ClauseContext(sentence_start=sent.start, heading_year=sent.year, hope=v.aspiration_re)
        after_year_only = False
        for index, (cs, ce) in enumerate(sent.clauses):
            clause = norm[cs:ce]
            ctx.clause_scope = ""
            ctx.period = False  # “十四五”期间营造林36万亩: only in the clause that states it
            if ctx.scope and self._ends_carried_scope(norm, sent.clauses[index - 1][1], cs, clause):
                ctx.scope = ""
            clause_year, year_end = find_year(clause)
            found = self.mentions_in(clause)
            pool = [m for m in found if in_selection_pool(clause, m.start, m.end)]
            mentions = [m for m in found if not self._is_layout(cs + m.start, m) and m not in pool]
            first_value = mentions[0].start if mentions else len(clause)
            if clause_year is not None and year_end <= first_value:
                ctx.year = clause_year
                ctx.period = bool(mentions) and clause[:year_end].endswith(("期间", "时期"))
                years = year_list(clause[:year_end])
                ctx.years = years if years and years[-1] == clause_year else ()
            if not mentions:
                base = BASELINE_CLAUSE_RE.search(clause)
                if base:
                    ctx.base = int(base.group("year"))
                if v.aspiration_re.search(clause) and (clause_year is not None or len(clause) <= 6):
                    ctx.aspirational = True
                if index == 0 or after_year_only:
                    scope, _ = split_scope(strip_lead(clause, v), self.context.region_names, v)
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
            after_year_only = clause_year is not None and not strip_lead(
                v.aspiration_re.sub("", clause[year_end:]), v
            )

    def _is_layout(self, start: int, mention: Mention) -> bool:
        """A page number, table reference or list number (layout.py), on the original text."""
        s, _ = self.norm.span_to_original(start, start + 1)
        return is_layout_mention(self.text, s, mention.unit)

    def _ends_carried_scope(self, norm: str, prev_end: int, cs: int, clause: str) -> bool:
        """True where the place named at the head of a sentence stops scoping what follows.

        NOTE: "临夏市城区基本建立分类系统，居民普遍形成习惯，生活垃圾回收利用率达到35%" keeps
        临夏市城区 for the rate; but a semicolon opens a new statement, and a clause whose own
        subject starts with a place or a scope word (全区, 各市, 城市, 农村, 园区, 江东县, 市、县
        ...) begins a new subject: "集镇规划区生活污水得到有效处理，农村生活垃圾治理村庄比例达到
        95%，建成250个美丽宜居村庄" scopes neither target to 集镇规划区."""
        if re.search("[；;]", norm[prev_end:cs]):
            return True
        v = self.vocabulary
        head = strip_lead(clause, v)
        for subject in (head, strip_actions(head, v)[0]):
            if (
                v.whole_region_re.match(subject)
                or LEVEL_LIST_SCOPE_RE.match(subject)
                or subject.startswith(("各", "其他", "其余"))
                or any(subject.startswith(w) for w in v.generic_place_words)
                or any(n and subject.startswith(n) for n in self.context.region_names)
                or split_scope(subject, self.context.region_names, v)[0]
            ):
                return True
        return False

    # -- milestones ----------------------------------------------------------------------------
    def _milestones(
        self, clause: str, cs: int, ctx: ClauseContext, mentions: list[Mention]
    ) -> None:
        v = self.vocabulary
        for m in v.milestone_re.finditer(clause):
            zero = m.group("what").startswith("零")
            if mentions and not zero:
                continue  # a clause with a number is a target; its 达到 is no milestone
            if v.milestone_negative_re.match(clause[m.end() :]) or v.milestone_neg_before_re.search(
                clause[: m.start()]
            ):
                continue
            target_year = self._year(ctx)
            if target_year < self.issue_year:
                continue
            aspirational = ctx.aspirational or bool(v.aspiration_re.search(clause[: m.start()]))
            self.milestones.append(
                MilestoneRecord(
                    commitment_zh=m.group("what"),
                    target_year=target_year,
                    **self._provenance(cs, cs + len(clause), ctx, aspirational),
                )
            )
            return

    # -- targets -------------------------------------------------------------------------------
    def _clause_targets(
        self, clause: str, cs: int, mentions: list[Mention], ctx: ClauseContext
    ) -> None:
        """Group the mentions of a clause and emit their targets.

        Two shapes: noun first (指标 + 动词 + 数值, possibly a list of them, or one subject with
        分别 and several values) and value first (建设30个示范县, 80%的机关达到要求)."""
        v = self.vocabulary
        first_left = clause[: mentions[0].start]
        _, verb0, _, rest_len0 = read_comparison(first_left, v)
        # NOTE: "全市建设3-5个示范园区": the whole region before the verb is no subject.
        head0, _ = strip_actions(
            without_own_region(self.context.region_names, first_left[:rest_len0], v), v
        )
        area = (
            head0
            if not verb0
            and AREA_HEAD_RE.match(head0)
            and clause[mentions[0].end :].startswith("的")
            else ""
        )
        counted = head0.endswith("等") or modifies_counted(head0, mentions[0])  # A、B等40个公园
        counts = all(m.unit not in RATE_UNITS for m in mentions)
        if (not head0 or area or counted or measures_noun_after(clause, mentions[0])) and not verb0:
            own_actions = strip_actions(strip_lead(first_left, v), v)[1]
            if not own_actions and counts and ctx.built:
                ctx.borrowed = "".join(ctx.built)  # 建设A等20条，B等20条: built as well
            for i in range(len(mentions)):
                self._value_first_target(clause, cs, mentions, i, ctx, area)
            ctx.borrowed = ""
            ctx.carry((own_actions or ctx.built) if counts else [], first_left)
            return
        segments: list[Segment] = []
        prev_end = 0
        for i, mention in enumerate(mentions):
            left = clause[prev_end : mention.start]
            if i > 0 and re.sub(r"[、和及与以 ]", "", left) in ("", "分别为"):
                segments[-1].mentions.append(i)  # 分别达到65%和30%: one subject, several values
            else:
                segments.append(Segment(prev_end, mention.start, left, [i]))
            prev_end = mention.end
        clause_verbs = strip_actions(strip_lead(clause, v), v)[1]
        if not clause_verbs and not verb0 and counts and ctx.built:
            clause_verbs = ctx.built  # 建成X座，一级环卫综合体11处、二级…4处: built as well
            ctx.borrowed = "".join(clause_verbs)
        for segment in segments:
            self._noun_first_segment(clause, cs, mentions, segment, ctx, clause_verbs)
        ctx.borrowed = ""
        # NOTE: an action (新建, 建成) carries over; a comparison verb (达到) stays in its clause.
        ctx.carry(clause_verbs if counts and not verb0 else [])

    def _noun_first_segment(
        self, clause, cs, mentions, segment: Segment, ctx, clause_verbs
    ) -> None:
        v = self.vocabulary
        comp_text, verb, base, rest_len = read_comparison(segment.left, v)
        subject = strip_lead(segment.left[:rest_len], v)
        own = without_own_region(self.context.region_names, subject, v)
        cut = next((r for r in v.reduction_verbs if own.startswith(r)), "")
        if cut and not verb:
            # NOTE: "全市减少二氧化碳排放100万吨": the verb of a cut may stand before its object.
            verb, subject = cut, own[len(cut) :]
        facility = NEW_FACILITY_SCOPE_RE.match(subject)
        if facility:
            subject = subject[facility.end() :]
        subject, actions = strip_actions(subject, v)
        subject = TRAILING_YEAR_RE.sub("", subject)  # 森林覆盖率到2025年达到35%
        start_value = v.starting_value_re.search(subject)
        if start_value:
            # NOTE: "由2020年的56%提高到60%": the first number is where the region starts from.
            subject = subject[: start_value.start()]
            base = base or int(start_value.group("year"))
        scope, indicator = split_scope(subject, self.context.region_names, v)
        scope = facility.group("place") if facility else scope
        achiever = ACHIEVER_SCOPE_RE.match(indicator)
        if achiever and not scope:
            # "公路改造工程实现路面旧料零废弃": who achieves the target is its scope.
            scope, indicator = achiever.group("who"), indicator[achiever.end() :]
        indicator, more_actions = strip_actions(indicator, v)
        newly = more_actions or (actions if not scope else [])
        if (
            newly in (["新增"], ["新建"])
            and mentions[segment.mentions[0]].unit in RATE_UNITS
            and (v.indicator_head_re.search(indicator) or len(indicator) <= 3)
        ):
            # NOTE: 新增废弃物综合利用率 is a rate of what is newly produced; nothing is built
            # (新建建筑100%: the share of new buildings).
            indicator = newly[0] + indicator
            more_actions = []
            if newly is actions:
                actions = []
        # A list item with no verb of its own ("、绿色工业园区15个") shares the clause's verb.
        actions = actions + more_actions or clause_verbs
        if not scope and segment.left.startswith("、"):
            scope = ctx.clause_scope  # 其他县城区A达到95%、B达到100%: the place heads the list
        ctx.clause_scope = scope
        scope = scope or ctx.scope
        before = self.norm.text[ctx.sentence_start : cs + segment.start]
        indicator = (
            complete_from_previous(indicator, ctx.last_indicator, v, before) or ctx.last_indicator
        )
        if starting_point_subject(indicator):  # 由65%提升至75%: 65% is where it starts
            ctx.last_indicator = starting_point_subject(indicator)
            return
        named = named_subject(indicator, ctx.last_indicator, before)
        if indicator and not named:  # 完善24个, 新增规模40万千瓦: said of nothing named
            span = self.norm.span_to_original(cs + segment.start, cs + mentions[-1].end)
            self.tables.review.append(set_aside(self.context, self.text, span, indicator))
        if not (indicator := named):
            return
        ctx.last_indicator = indicator
        # 力争 governs its item (or all items after a 力争 lead clause), not the next with a verb.
        first = segment.mentions[0]
        aspirational = bool(v.aspiration_re.search(segment.left)) or (
            ctx.aspirational and (first == 0 or not verb)
        )
        if len(segment.mentions) > 1:
            names = split_parallel(indicator, len(segment.mentions)) or [indicator] * len(
                segment.mentions
            )
            pairs = list(zip(segment.mentions, names, strict=True))
        else:
            names = split_shared_subject(indicator, v)
            items = [p for p in re.split(r"以及|和|、|及|与", indicator) if p]
            if len(names) == 1 and len(items) > 1 and "均" in comp_text:
                # NOTE: "化肥、农药利用率均达到43%": 均 gives the value to each item in full.
                names = split_parallel(indicator, len(items)) or names
            pairs = [(first, name) for name in names]
        shared = len(pairs) > 1
        parallel = len(segment.mentions) > 1
        predicate = ""
        if not verb and not parallel and not shared and mentions[first].unit in RATE_UNITS:
            after_end = mentions[first + 1].start if first + 1 < len(mentions) else len(clause)
            predicate = share_predicate(clause[mentions[first].end : after_end])
            pairs = [(first, name + predicate.removeprefix("以上")) for _, name in pairs]
        scopes = (level_scopes(scope, len(pairs)) if parallel else None) or [scope] * len(pairs)
        subsets = parallel_scopes(indicator, len(pairs)) if parallel and not scope else None
        if subsets:
            scopes, pairs = subsets[0], [(i, subsets[1]) for i, _ in pairs]
        # NOTE: "到2025年和2030年，X分别达到20%和25%": one indicator, a value for each year.
        years = (
            ctx.years
            if parallel and len(ctx.years) == len(pairs) and len({n for _, n in pairs}) == 1
            else (None,) * len(pairs)
        )
        # NOTE: in "分别达到97%、95%以上" the closing 以上 bounds every value of the list.
        last_comparator = mentions[segment.mentions[-1]].comparator if parallel else "eq"
        for (i, name), value_scope, year in zip(pairs, scopes, years, strict=True):
            mention = mentions[i]
            comparator = self._comparator(comp_text, mention, segment.left)
            if comparator == "eq" and last_comparator in ("ge", "le"):
                comparator = last_comparator
            if mention.zero_word:
                # 实现焚烧处理全覆盖、原生垃圾零填埋: the zero target is the last item's
                name = without_stray_quotes(name.split("、")[-1]) or name
            if mention.zero_word and not name.endswith(mention.zero_word[1:] + "量"):
                name = name + mention.zero_word[1:] + "量"  # 原生生活垃圾零填埋: its 填埋量 is 0
            self._emit(
                clause,
                cs,
                segment.start,
                (mentions[segment.mentions[-1]].end if shared else mention.end) + len(predicate),
                name,
                mention,
                comparator,
                self._kind(verb, actions, comp_text, mention, clause[: mention.start], ctx),
                ctx,
                base,
                value_scope,
                aspirational,
                year,
            )

    def _value_first_target(
        self, clause, cs, mentions, i, ctx: ClauseContext, area: str = ""
    ) -> None:
        mention = mentions[i]
        # 20条200公里生态廊道: two quantities of one noun, the noun after the second
        paired = i + 1 < len(mentions) and mentions[i + 1].start == mention.end
        tail_start = mentions[i + 1].end if paired else mention.end
        after = i + 2 if paired else i + 1
        has_next = after < len(mentions)
        tail = clause[tail_start : mentions[after].start if has_next else len(clause)]
        noun = re.split(r"和|、|及|与|或", tail, maxsplit=1)[0] if has_next else tail
        noun = noun.lstrip("的")
        if has_next and noun:
            later = re.split(r"[，、]", clause[mentions[after].end :], maxsplit=1)[0]
            # NOTE: "2-3个省级和1-2个国家级X中心": the head noun is shared; take it from the last
            # item, whose words end like the first's (级). 50家X企业、200个Y车间 name their own.
            j = later.find(noun[-1])
            noun = noun + (later[j + 1 :] if j >= 0 else "")
        noun = _CIRCUMSTANCE_TAIL_RE.sub("", noun)
        if not noun:
            return
        v = self.vocabulary
        left = clause[mentions[i - 1].end if i else 0 : mention.start]
        _, actions = strip_actions(
            without_own_region(self.context.region_names, clause[: mentions[0].start], v), v
        )
        actions = actions or ([ctx.borrowed] if ctx.borrowed else [])
        comp_text, verb, base, _ = read_comparison(left, v)
        if not actions and not verb and mention.unit == "个" and DIVISION_RE.match(noun):
            return  # NOTE: 全市12个县（市、区）全部建成...: a count of the region's parts
        scope, indicator = split_scope(noun, self.context.region_names, v)
        self._emit(
            clause,
            cs,
            mentions[i - 1].end if i else 0,
            tail_start + len(tail),
            indicator or noun,
            mention,
            self._comparator(comp_text, mention, left),
            self._kind(verb, actions, comp_text, mention, clause[: mention.start], ctx),
            ctx,
            base,
            area or scope or ctx.scope,
            ctx.hoped_for() or bool(v.aspiration_re.search(clause[: mention.start])),
        )

    def _comparator(self, comp_text: str, mention: Mention, left: str = "") -> str:
        if mention.comparator != "eq":
            return mention.comparator
        hedged = self.vocabulary.hedged_action_re.search(left)
        if hedged:
            comp_text = hedged.group("word") + comp_text
        # The comparator word nearest the value wins, the longer at equal ends: 不超过 is le
        # although it contains 超过.
        best = (-1, 0, "eq")
        v = self.vocabulary
        for words, comp in ((v.ge_before, "ge"), (v.le_before, "le"), (v.approx_before, "approx")):
            for w in words:
                pos = comp_text.rfind(w)
                if pos >= 0:
                    best = max(best, (pos + len(w), len(w), comp))
        return best[2]

    def _kind(self, verb, actions, comp_text, mention: Mention, before: str, ctx) -> str:
        reduction = self.vocabulary.reduction_verbs
        if verb in reduction or any(comp_text.endswith(r) for r in reduction):
            return "reduction"
        if mention.unit in ("个百分点", "百分点") and verb in RISE_VERBS + ("",):
            return "increment"
        rate = mention.unit in RATE_UNITS and mention.unit != "%"
        if verb in RISE_VERBS and not rate and not re.search("[到至]", comp_text):
            return "increment"  # NOTE: 提高10%, 增加47万千瓦 are changes; 提高到10% a level
        if ctx.period and not (verb or actions) and mention.unit not in RATE_UNITS:
            return "increment"  # NOTE: “十四五”期间营造林36万亩: the amount of the period
        if mention.unit in RATE_UNITS:
            return "level"  # NOTE: a rate is a level even after 新增 (新增废弃物综合利用率)
        v = self.vocabulary
        if any(v.increment_re.fullmatch(a) for a in actions) or states_increment(
            before, verb, mention.unit, v
        ):
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
        year: int | None = None,
    ):
        indicator = indicator.strip('，、,；; 的“”"‘’')
        if not indicator or len(indicator) > 60 or not re.search(r"[\u4e00-\u9fa5]", indicator):
            return
        if base is None and kind != "level":
            base = ctx.base  # 与2020年相比，单位GDP能耗下降13.5%
        # NOTE: 较2015年下降X% in a 2021 plan reports the previous period's result, unless the
        # sentence (or the lead or heading it sits under) states a goal year: 到2030年比2005年….
        old_base = base is not None and base < self.default_year - 5
        if kind == "reduction" and old_base and ctx.year is None and ctx.heading_year is None:
            return
        year = year or self._year(ctx)
        if ctx.recording_only:
            return
        if self.reports and not self._states_goal(ctx, cs + seg_end):
            return
        if year < self.issue_year or not looks_forward(
            ctx.borrowed + clause[: mention.start], mention, ctx.year, self.vocabulary
        ):
            return
        s, e = trim_span(clause, seg_start, seg_end)
        while s < e and clause[s] in "、和及与，,":
            s += 1
        national = "全国" in self.context.region_names
        lead = self.norm.text[ctx.sentence_start : cs]
        why = why_not_a_target(clause, mention.start, mention.end, mention.unit, national, lead)
        if why:
            prov = self._provenance(cs + s, cs + e, ctx, aspirational)
            number = clause[mention.start : mention.end]
            self.set_aside.append(
                set_aside_row(number, prov["quote"], prov["char_start"], prov["char_end"], why)
            )
            return
        self.targets.append(
            TargetRecord(
                indicator_zh=self._original_indicator(indicator, cs + s, cs + e),
                value=mention.value,
                unit=mention.unit,
                comparator=comparator,
                kind=kind,
                target_year=year,
                baseline_year=base,
                scope_zh=scope,
                **self._provenance(cs + s, cs + e, ctx, aspirational),
            )
        )

    def _states_goal(self, ctx: ClauseContext, end: int) -> bool:
        """In a bulletin or report: the sentence up to `end` sets a goal (a year after the one
        it reports on, or a word of a goal: 预期目标, 力争, 计划)."""
        reported = self.context.report_year
        if None not in (ctx.year, reported) and ctx.year > reported:
            return True
        return bool(REPORT_GOAL_RE.search(self.norm.text[ctx.sentence_start : end]))

    def _year(self, ctx: ClauseContext) -> int:
        """The year stated in the sentence, else its goals heading's, else the plan's default."""
        return next((y for y in (ctx.year, ctx.heading_year) if y is not None), self.default_year)

    def _original_indicator(self, indicator: str, start: int, end: int) -> str:
        """The indicator as written (full-width characters kept), without what normalization
        dropped inside it: a PDF's line wrap, letter-spacing (生 活\n垃圾) is no part of it."""
        pos = self.norm.text[start:end].find(indicator)
        if pos < 0:  # a name the rules completed (零填埋 -> 填埋量)
            return without_stray_quotes(indicator)
        first = start + pos
        name = "".join(self.text[o] for o in self.norm.offsets[first : first + len(indicator)])
        return without_stray_quotes(name)


def extract(
    text: str, context: PlanContext, vocabulary: Vocabulary = VOCABULARY
) -> tuple[list[TargetRecord], list[MilestoneRecord]]:
    """Targets and milestones of one plan's decoded text, in document order; `vocabulary` is
    the policy language the rules read (by default the package's data/policy_words.csv)."""
    return Extractor(text, context, vocabulary).run()
