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
from dataclasses import dataclass

from ..gazetteer import shipped_gazetteer
from ..regions import COUNTRY_ZH
from .quantities import Mention, find_mentions
from .records import ObservationRecord
from .sentences import _sentences, _trim
from .vocabulary import FYP_END
from .years import arabic_years

# -- the words of the genre ----------------------------------------------------------------------

_FYP = r"[“\"‘]?十(?P<n>[一二三四五])五[”\"’]?"
# A five-year period named as the time of what follows: “十三五”时期 / 以来 / 期间 / 末.
_PERIOD_RE = re.compile(
    rf"{_FYP}(?P<what>时期|期间|以来|期末|末|中期|前[三四]年|头[三四]年|规划期|期)?"
)
_SPAN_RE = re.compile(r"(?P<a>(?:19|20)\d\d)\s*[-—–~至到]\s*(?P<b>(?:19|20)\d\d)\s*年")
_LAST_YEARS_RE = re.compile(
    r"(?:过去|近|这|前)(?P<n>[一二三四五六七八九十两]|\d+)年(?:来|间|中|里)?|(?P<m>[三四五十])年来"
)
_LAST_YEAR_RE = re.compile(r"过去(?:的)?一年|去年|上年(?!度?[末底])|上一年")
_THIS_YEAR_RE = re.compile(r"全年|年末|年底|本年|当年|年内|末期")
_YEAR_RE = re.compile(
    r"(?P<pre>截至|截止|截至到|到|至|于|在|从)?\s*(?P<year>(?:19|20)\d\d)\s*年(?P<end>底|末|年底|年末|全年|上半年|前三季度|一季度|1-\d+月)?"
)
# A year right after these is a baseline (比2015年) or a starting point (由2015年的X), not a time.
_BASE_BEFORE_RE = re.compile(r"(?:较|比|与|同|相比|相较|对比|由|从)\s*$")
_BASELINE_RE = re.compile(
    r"(?:比|较|与|同)(?P<year>(?:19|20)\d\d)\s*年(?:末|底)?(?:相比|相较)?|(?P<prev>比上年|较上年|比去年|较去年|同比|与上年相比|比上年同期|较上年同期|比上一年|环比)"
)
_STARTING_VALUE_RE = re.compile(r"(?:由|从)\s*(?P<year>(?:19|20)\d\d)\s*年(?:底|末)?的?$")
_REACHED_YEAR_RE = re.compile(
    r"(?:提高|提升|增加|增长|上升|下降|降低|减少|降|增|达)?(?:到|至)\s*(?P<year>(?:19|20)\d\d)\s*年(?:底|末)?的?$"
)

# Looking forward: a clause (or the sentence before it) with these states a goal.
_FORWARD_RE = re.compile(
    r"力争|争取|预期|预计|目标|计划|确保|将(?:达到|超过|突破|提高|下降|实现)|要(?:达到|实现|控制|确保)|"
    r"控制在|不低于|不高于|不超过|以内|每年|年均(?:提高|增长|下降)|力求|拟|有望|届时"
)
_FALL_WORDS = (
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
_RISE_WORDS = ("增长", "提高", "提升", "增加", "上升", "增幅", "上涨", "扩大")
_WORK_WORDS = ("新增", "新建", "淘汰", "关停", "化解", "退出", "建成", "完成", "实施", "治理",
               "改造", "整治", "创建", "累计")  # fmt: skip
_CHANGE_TAIL_RE = re.compile(
    rf"(?P<verb>{'|'.join(_FALL_WORDS + _RISE_WORDS)})(?:了)?(?:近|约|超过|逾|达到|达)?$"
)
_LEVEL_TAIL_RE = re.compile(
    r"(?:(?:提高|提升|增加|增长|上升|下降|降低|减少|降|增|缩小|扩大|控制)(?:到|至)|达到|达|为|是|占|"
    r"保持在|稳定在|维持在|超过|突破|逾|近|约|接近|将近|不足|不到|低于|高于|已|共|有|总计|合计|累计|"
    r"分别为|分别|均为|均|总量|共计|约为|在)+$"
)
_APPROX_BEFORE_RE = re.compile(r"(?:近|约|接近|将近|大约|约为)$")
_GE_BEFORE_RE = re.compile(r"(?:超过|逾|突破|高于|多于|超)$")
_LE_BEFORE_RE = re.compile(r"(?:不足|不到|低于|少于)$")
_RANK_AFTER_RE = re.compile(r"^\s*(?:位|名)|^[^，。；]{0,4}(?:排名|位次|位居)")
_RANK_BEFORE_RE = re.compile(r"(?:第|居|列|排名|位居|名列)\s*$")
# A size that picks entities out (年综合能耗1万吨标准煤以上企业, 30万千瓦及以上机组).
_ENTITY_AFTER_RE = re.compile(
    r"^(?:及)?(?:以上|以下)?(?:的)?(?:工业|重点|规模以上|规上)?(?:用能|排污)?"
    r"(?:企业|机组|项目|单位|用户|锅炉|园区|城市|车辆|船舶|工程)"
)
# Counts that name a scope before its measure: 5个地级城市 / 339个地级及以上城市 …的X为Y.
_SCOPE_COUNT_AFTER_RE = re.compile(
    r"^(?:个)?(?:地级及以上|地级以上|地级|设区|县级及以上|县级)?(?:城市|市|县|区|市州|盟市|地市)"
)
_LEAD_RE = re.compile(
    r"^(?:其中|另外|此外|同时|全年|年末|年底|本年|当年|截至目前|目前|当前|现已|已经|已|共|累计|"
    r"过去(?:的)?一年|去年|上年|五年来|十年来|“?十[一二三四五]五”?(?:时期|期间|以来|期末|末)?|"
    r"(?:截至|截止|到|至|于|在)?(?:19|20)\d\d\s*年(?:底|末|年底|年末|全年)?|[，、：:\s])+"
)
_WHOLE_REGION_RE = re.compile(
    r"^(?:全省|全市|全区|全州|全县|全盟|全旗|全域|我省|我市|我区|我州|我县|本省|本市|全自治区|全省域)"
)
_SCOPE_HEAD_RE = re.compile(
    r"^(?:\d+个)?(?:地级及以上城市|地级以上城市|设区市|地级城市|县级及以上城市|县级城市|"
    r"城市建成区|建成区|城区|城镇|农村|平原地区|山区|重点流域|重点区域|国控断面|国考断面|"
    r"国控考核断面|省控断面|规模以上工业企业|规上工业企业|重点企业|重点用能单位)"
)
_NO_INDICATOR_RE = re.compile(r"^[\W\d]*$")
_DATE_TAIL_RE = re.compile(r"^\s*(?:年|月|日|号|时|点|分)")


@dataclass
class _Frame:
    """When a clause speaks of: a year, or a period (start, end); `past` is False for a goal."""

    year: int | None = None
    start: int | None = None  # the first year of a period (a change is measured from it)
    past: bool = True
    explicit: bool = False  # stated in this sentence, not a document default


class ObservationReader:
    """The observations of one document, given the extractor that read its targets."""

    def __init__(self, extractor) -> None:
        self.x = extractor
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

    # -- time -------------------------------------------------------------------------------------
    def _period_end_before(self, year: int) -> int:
        """The end of the last five-year period finished by `year` (2021 -> 2020)."""
        ends = [e for e in FYP_END.values() if e <= year]
        return max(ends) if ends else year

    def _frame_of(self, text: str, prior: _Frame) -> _Frame:
        """The time frame `text` (a clause, up to its first value) states, else `prior`."""
        text = arabic_years(text)
        best: tuple[int, _Frame] | None = None

        def offer(pos: int, frame: _Frame) -> None:
            nonlocal best
            if best is None or pos >= best[0]:
                best = (pos, frame)

        for m in _PERIOD_RE.finditer(text):
            if text[max(0, m.start() - 1) : m.start()] in ("第", "《"):
                continue
            end = FYP_END[m.group("n")]
            what = m.group("what") or ""
            before = text[max(0, m.start() - 2) : m.start()]
            if not what and not re.search(r"(?:到|至|在)$", before):
                continue
            past = end <= self.present if self.reports else end <= (self.x.issue_year or end)
            if what in ("末", "期末") or re.search(r"(?:到|至)$", before):
                offer(
                    m.start(),
                    _Frame(year=end, past=past and end < (self.x.issue_year + 1), explicit=True),
                )
            else:
                offer(m.start(), _Frame(year=end, start=end - 5, past=past, explicit=True))
        for m in _SPAN_RE.finditer(text):
            a, b = int(m.group("a")), int(m.group("b"))
            offer(
                m.start(),
                _Frame(
                    year=b, start=a - 1 if b - a >= 3 else a, past=b <= self.present, explicit=True
                ),
            )
        for m in _YEAR_RE.finditer(text):
            prefix = m.group("pre") or ""
            if _BASE_BEFORE_RE.search(text[: m.start()]):
                continue
            if re.match(r"^\s*\d{1,2}\s*月", text[m.end() :]) and not m.group("end"):
                continue  # a date (2021年11月9日)
            year = int(m.group("year"))
            if prefix in ("到", "至"):
                past = year < (self.x.issue_year if not self.reports else self.present + 1)
                if not self.reports:
                    past = year < self.x.issue_year
            else:
                past = (
                    year <= self.present
                    if self.reports
                    else year < self.x.issue_year
                    or (prefix in ("截至", "截止", "截至到") and year <= self.x.issue_year)
                )
            offer(m.start(), _Frame(year=year, past=past, explicit=True))
        for m in _LAST_YEARS_RE.finditer(text):
            n = m.group("n") or m.group("m")
            count = int(n) if n.isdigit() else "一二三四五六七八九十".find(n) + 1 or 2
            end = self.present if self.reports else (self.x.issue_year or self.present) - 1
            offer(m.start(), _Frame(year=end, start=end - count, past=True, explicit=True))
        for m in _LAST_YEAR_RE.finditer(text):
            if text[max(0, m.start() - 1) : m.start()] in ("比", "较", "同", "与"):
                continue
            year = self.present - (
                0 if m.group(0).startswith("过去") and self.context.doc_kind == "work_report" else 1
            )
            offer(m.start(), _Frame(year=year, past=True, explicit=True))
        if self.reports:
            for m in _THIS_YEAR_RE.finditer(text):
                offer(m.start(), _Frame(year=self.present, past=True, explicit=True))
        return best[1] if best else prior

    # -- the document -----------------------------------------------------------------------------
    def run(self) -> list[ObservationRecord]:
        norm = self.norm.text
        for sent in _sentences(norm, self.x.vocabulary):
            if self._in_table(sent.start, sent.end):
                continue
            if self.reports:
                default = _Frame(year=self.present, past=self.present is not None)
            elif sent.history and self.x.issue_year:
                end = self._period_end_before(
                    self.x.issue_year - 1 if self.x.issue_year % 5 else self.x.issue_year
                )
                default = _Frame(year=end, start=end - 5, past=True)
            else:
                default = _Frame(past=False)
            self._sentence(sent, default)
        self._assign_ids()
        return self.records

    def _in_table(self, start: int, end: int) -> bool:
        s, e = self.norm.span_to_original(start, end)
        return any(a < e and s < b for a, b in self.table_spans)

    def _sentence(self, sent, default: _Frame) -> None:
        norm = self.norm.text
        frame = default
        last_indicator = ""
        last_base: int | None = None
        for cs, ce in sent.clauses:
            clause = norm[cs:ce]
            if "……" in clause or "…" * 3 in clause or re.search(r"\.{4,}", clause):
                continue  # a contents line
            mentions = find_mentions(clause, self.x.vocabulary)
            head = clause[: mentions[0].start] if mentions else clause
            frame = self._frame_of(head, frame)
            if not mentions:
                name = self._indicator(clause)
                if name:
                    last_indicator = name
                continue
            forward = bool(_FORWARD_RE.search(clause)) or bool(
                self.x.vocabulary.aspiration_re.search(clause)
            )
            prev_end = 0
            for k, mention in enumerate(mentions):
                left = clause[prev_end : mention.start]
                prev_end = mention.end
                local = frame
                start_value = _STARTING_VALUE_RE.search(arabic_years(left))
                reached = _REACHED_YEAR_RE.search(arabic_years(left))
                if start_value:
                    year = int(start_value.group("year"))
                    local = _Frame(year=year, past=year <= (self.present or year), explicit=True)
                    left = left[: start_value.start()]
                elif reached:
                    year = int(reached.group("year"))
                    limit = self.present if self.reports else (self.x.issue_year or year + 1) - 1
                    local = _Frame(year=year, past=year <= limit, explicit=True)
                    left = left[: reached.start()] + "提高到"
                elif k > 0:
                    local = self._frame_of(left, frame)
                if not local.past or local.year is None:
                    continue
                if forward and not (local.explicit and local.past and not _FORWARD_RE.search(left)):
                    continue
                record = self._record(
                    clause, cs, mentions, k, left, local, last_indicator, last_base
                )
                if record is None:
                    continue
                if record.indicator_zh:
                    last_indicator = record.indicator_zh.removesuffix(
                        self._direction(record.indicator_zh)
                    )
                if record.baseline_year is not None:
                    last_base = (
                        record.baseline_year
                        if record.year - record.baseline_year == 1
                        else last_base
                    )
                self.records.append(record)

    # -- one value --------------------------------------------------------------------------------
    def _record(self, clause, cs, mentions, k, left, frame: _Frame, last_indicator, last_base):
        mention: Mention = mentions[k]
        after = clause[mention.end :]
        before = clause[: mention.start]
        if _RANK_AFTER_RE.match(after) or _RANK_BEFORE_RE.search(before):
            return None
        if (
            _ENTITY_AFTER_RE.match(after)
            and re.match(r"^(?:及)?(?:以上|以下)?(?:的)?[^，。；]{0,12}(?:为|达到|占)", after)
            is not None
        ):
            pass
        if _ENTITY_AFTER_RE.match(after):
            return None
        if (
            mention.unit in ("个", "家")
            and _SCOPE_COUNT_AFTER_RE.match(after)
            and k + 1 < len(mentions)
        ):
            return None  # 5个地级城市…为306天: the count names who is measured
        if not re.search(r"[\u4e00-\u9fa5]{2}", clause):
            return None  # a line of bare figures (a data appendix) says nothing
        if not mention.unit and not re.search(r"(?:系数|指数|比|率|强度|倍)[^，]{0,6}$", before):
            return None
        if self._taken(cs + mention.start, cs + mention.end, mention.value):
            return None
        baseline_match = None
        for m in _BASELINE_RE.finditer(arabic_years(left)):
            baseline_match = m
        tail = _LEVEL_TAIL_RE.search(left)
        change = _CHANGE_TAIL_RE.search(left)
        verb = ""
        kind = "level"
        if change and not re.search(r"(?:到|至)$", left[: change.end()]):
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
        work = next((w for w in _WORK_WORDS if w in stem[-8:] or stem.startswith(w)), "")
        if (
            kind == "level"
            and work
            and (frame.start is not None or self.reports)
            and mention.unit not in ("%", "")
            and (work not in ("建成", "完成", "累计") or frame.start is not None)
        ):
            kind = "change"
        region, division_code, stem = self._region(stem)
        scope, stem = self._scope(stem)
        indicator = self._indicator(stem)
        if not indicator:
            noun = re.split(r"[，、；。和及与]", after, maxsplit=1)[0].lstrip("的")
            if (
                k == 0
                and noun
                and len(noun) <= 20
                and not _NO_INDICATOR_RE.match(noun)
                and not verb
            ):
                indicator = self._indicator(stem + noun) or noun
            else:
                indicator = last_indicator
        if not indicator or len(indicator) > 40:
            return None
        if kind == "change" and verb and not indicator.endswith(verb):
            indicator += verb
        baseline = None
        if kind == "change":
            if baseline_match and baseline_match.group("year"):
                baseline = int(baseline_match.group("year"))
            elif baseline_match:
                baseline = frame.year - 1
            elif frame.start is not None:
                baseline = frame.start
            else:
                baseline = frame.year - 1
            if baseline >= frame.year:
                return None
        comparator = mention.comparator
        if comparator == "eq":
            if _APPROX_BEFORE_RE.search(left):
                comparator = "approx"
            elif _GE_BEFORE_RE.search(left):
                comparator = "ge"
            elif _LE_BEFORE_RE.search(left):
                comparator = "le"
        s, e = _trim(clause, 0, mention.end)
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
        for word in _FALL_WORDS + _RISE_WORDS:
            if indicator.endswith(word):
                return word
        return ""

    def _region(self, stem: str) -> tuple[str | None, str | None, str]:
        """The region a clause names at its head (全国, another province), else the document's
        (None: filled in from the document row); and the stem without it."""
        text = _LEAD_RE.sub("", stem)
        if text.startswith(("全国", "我国")):
            return COUNTRY_ZH, "000000", text[2:]
        m = _WHOLE_REGION_RE.match(text)
        if m:
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
                    return self.gazetteer.display_name(division), division.code, rest
        return None, None, text

    @staticmethod
    def _scope(stem: str) -> tuple[str, str]:
        stem = _LEAD_RE.sub("", stem)
        m = _SCOPE_HEAD_RE.match(stem)
        if m and len(stem) > m.end() + 1:
            return re.sub(r"^\d+个", "", m.group(0)), stem[m.end() :].lstrip("的")
        return "", stem

    def _indicator(self, stem: str) -> str:
        text = _LEAD_RE.sub("", stem)
        text = _WHOLE_REGION_RE.sub("", text)
        for name in self.own_names:
            if text.startswith(name):
                text = text[len(name) :]
        text = _LEVEL_TAIL_RE.sub("", text)
        text = re.sub(r"^(?:的|，|、|是|为)+|(?:的|，|、|。)+$", "", text)
        text = text.strip(' “”"‘’《》（）()：:')
        if not re.search(r"[\u4e00-\u9fa5]", text) or len(text) < 2:
            return ""
        return text

    def _assign_ids(self) -> None:
        from .rules import _stable_id  # noqa: PLC0415 - the one id scheme of the extraction

        seen: dict[str, int] = {}
        for r in self.records:
            key = _stable_id(
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
