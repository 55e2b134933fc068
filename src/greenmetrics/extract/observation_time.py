"""When a clause of a bulletin, report or plan review speaks of: the time frame of an
observation (a year, or a period and the year a change is measured from), read from the genre's
words (2020年, 截至2022年底, “十三五”时期, 过去五年, 上年, 全年, 目前).

`TimeFrames` is the part of the observation reader that places a clause in time; it needs the
reader's `x` (the extractor), `context` and `present` (the year the document speaks of).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .observation_words import (
    BASE_BEFORE_RE,
    BASELINE_RE,
    LAST_YEAR_RE,
    LAST_YEARS_RE,
    NOW_RE,
    OUTLOOK_HEADING_RE,
    PART_YEAR_RE,
    PERIOD_RE,
    PROBLEM_HEADING_RE,
    SPAN_RE,
    THIS_YEAR_GOALS_RE,
    THIS_YEAR_RE,
    YEAR_RE,
)
from .vocabulary import FYP_END, HEADING_RE
from .years import arabic_years

# Patterns of the hot paths, compiled once (each runs once or more per clause).
_BEFORE_A_PERIOD_RE = re.compile(r"(?:到|至|在)$")
_TO_BEFORE_RE = re.compile(r"(?:到|至)$")
_AMOUNT_AFTER_PERIOD_RE = re.compile(r"累计|年均|共|新增|完成|淘汰")
_DATE_MONTH_RE = re.compile(r"^\s*\d{1,2}\s*月")
_FIRST_YEARS = {"三年": 3, "四年": 4}  # 前三年 / 头四年 of a five-year period
# The words of time `_frame_of` reads, and all of them in one pattern (group names dropped:
# several patterns name the same group): a clause with none of them, most clauses, keeps the
# frame before it, settled by one search instead of a pass of each pattern.
TIME_WORD_PATTERNS = (
    PERIOD_RE, SPAN_RE, YEAR_RE, LAST_YEARS_RE, LAST_YEAR_RE, THIS_YEAR_RE, THIS_YEAR_GOALS_RE,
    BASELINE_RE, NOW_RE, PART_YEAR_RE,
)  # fmt: skip
ANY_TIME_WORD_RE = re.compile(
    "|".join("(?:" + re.sub(r"\(\?P<\w+>", "(?:", p.pattern) + ")" for p in TIME_WORD_PATTERNS)
)


@dataclass
class Frame:
    """When a clause speaks of: a year, or a period (start, end); `past` is False for a goal."""

    year: int | None = None
    start: int | None = None  # the first year of a period (a change is measured from it)
    past: bool = True
    explicit: bool = False  # stated in this sentence, not a document default
    explicit_date: bool = False  # a point in time (截至2022年底), not a period
    part: str = ""  # part of the year the figure covers (1-3月, 一季度): its scope


class TimeFrames:
    """The time frames of clauses, for the observation reader."""

    def _period_end_before(self, year: int) -> int:
        """The end of the last five-year period finished by `year` (2021 -> 2020)."""
        ends = [e for e in FYP_END.values() if e <= year]
        return max(ends) if ends else year

    def _frame_of(self, text: str, prior: Frame) -> Frame:
        """The time frame `text` (a clause, up to its first value) states, else `prior`."""
        text = arabic_years(text)
        if not ANY_TIME_WORD_RE.search(text):
            return prior
        best: tuple[int, Frame] | None = None

        def offer(pos: int, frame: Frame) -> None:
            nonlocal best
            if best is None or pos >= best[0]:
                best = (pos, frame)

        for m in PERIOD_RE.finditer(text):
            if text[max(0, m.start() - 1) : m.start()] in ("第", "《"):
                continue
            if BASE_BEFORE_RE.search(text[: m.start()]):
                continue  # 相比“十二五”末期: a baseline, not the time of the clause
            end = FYP_END[m.group("n")]
            what = m.group("what") or ""
            before = text[max(0, m.start() - 2) : m.start()]
            follows = text[m.end() : m.end() + 2]
            if (
                not what
                and not _BEFORE_A_PERIOD_RE.search(before)
                and not _AMOUNT_AFTER_PERIOD_RE.match(follows)
            ):
                continue
            past = end <= self.present if self.reports else end <= (self.x.issue_year or end)
            if what in ("末", "期末") or _TO_BEFORE_RE.search(before):
                offer(
                    m.start(),
                    Frame(year=end, past=past and end < (self.x.issue_year + 1), explicit=True),
                )
            elif what[1:] in _FIRST_YEARS:
                # “十三五”前四年: 2016-2019, a change measured from the period's start
                last = end - 5 + _FIRST_YEARS[what[1:]]
                offer(m.start(), Frame(year=last, start=end - 5, past=True, explicit=True))
            else:
                offer(m.start(), Frame(year=end, start=end - 5, past=past, explicit=True))
        for m in SPAN_RE.finditer(text):
            a, b = int(m.group("a")), int(m.group("b"))
            offer(
                m.start(),
                Frame(
                    year=b, start=a - 1 if b - a >= 3 else a, past=b <= self.present, explicit=True
                ),
            )
        for m in YEAR_RE.finditer(text):
            prefix = m.group("pre") or ""
            if BASE_BEFORE_RE.search(text[: m.start()]) or text[m.start() - 1 : m.start()] == "-":
                continue  # a baseline (比2015年), or the end of a span (2016-2023年)
            if _DATE_MONTH_RE.match(text[m.end() :]) and not m.group("end"):
                continue  # a date (2021年11月9日)
            year = int(m.group("year"))
            # a bulletin's present is the year it reports on; a plan's goals start at its issue
            # year, but 截至2021年底 in a plan of 2021 is where the region stands
            issued = self.x.issue_year
            past = (
                year <= self.present
                if self.reports
                else year < issued or (prefix.startswith("截") and year <= issued)
            )
            point = prefix.startswith("截") or (m.group("end") or "").endswith(("底", "末"))
            offer(m.start(), Frame(year=year, past=past, explicit=True, explicit_date=point))
        for m in LAST_YEARS_RE.finditer(text):
            n = m.group("n") or m.group("m")
            count = int(n) if n.isdigit() else "一二三四五六七八九十".find(n) + 1 or 2
            end = self.present if self.reports else (self.x.issue_year or self.present) - 1
            offer(m.start(), Frame(year=end, start=end - count, past=True, explicit=True))
        for m in LAST_YEAR_RE.finditer(text):
            if text[max(0, m.start() - 1) : m.start()] in ("比", "较", "同", "与"):
                continue
            # NOTE: a work report is dated by the year it reviews: its 去年 is that year.
            year = self.present - (0 if self.context.doc_kind == "work_report" else 1)
            offer(m.start(), Frame(year=year, past=True, explicit=True))
        if self.reports:
            for m in THIS_YEAR_RE.finditer(text):
                offer(m.start(), Frame(year=self.present, past=True, explicit=True))
        if self.context.doc_kind == "work_report":
            # a work report is dated by the year it reviews: its 今年 is the year of its goals
            for m in THIS_YEAR_GOALS_RE.finditer(text):
                offer(m.start(), Frame(year=self.present + 1, past=False, explicit=True))
        issued = self.x.issue_year
        if not self.reports and issued:
            for m in BASELINE_RE.finditer(text):
                base = m.group("year")
                current = best[1] if best else prior
                if base and int(base) <= issued - 5 and not current.past:
                    # NOTE: 较2015年下降30.2% in a plan issued in 2021 reports the last period
                    end = self._period_end_before(issued)
                    offer(m.start(), Frame(year=end, start=int(base), past=True, explicit=True))
            for m in NOW_RE.finditer(text):
                offer(m.start(), Frame(year=self._period_end_before(issued), past=True))
        frame = best[1] if best else prior
        part = PART_YEAR_RE.search(text)
        if part:
            label = f"{part.group('a')}-{part.group('b')}月" if part.group("a") else part.group(0)
            year = frame.year if best else self.present
            frame = Frame(year=year, start=frame.start, past=frame.past, explicit=True, part=label)
        return frame

    def section_spans(self, norm: str, vocabulary) -> dict[str, list[tuple[int, int]]]:
        """The spans of a plan's sections that say where the region stands ("present": 存在问题,
        面临挑战, 短板) and of those that look ahead ("outlook": 机遇与挑战, 面临的形势). The
        innermost heading of such a kind decides, from it to the next heading of its level or
        above; a heading of goals or tasks (目标, 任务) opens neither."""
        spans: dict[str, list[tuple[int, int]]] = {"present": [], "outlook": []}
        open_headings: list[tuple[int, str]] = []  # (level, kind), the outermost first
        current, since, pos = "", 0, 0
        for line in norm.split("\n"):
            m = HEADING_RE.match(line)
            if m:
                level = next(i for i, g in enumerate(("l0", "l1", "l2", "l3")) if m.group(g))
                title = re.split(r"[。：:]", line[m.end() :], maxsplit=1)[0]
                while open_headings and open_headings[-1][0] >= level:
                    open_headings.pop()
                open_headings.append((level, _section_kind(title, vocabulary)))
                kind = next((k for _, k in reversed(open_headings) if k), "")
                if kind != current:
                    if current in spans:
                        spans[current].append((since, pos))
                    current, since = kind, pos
            pos += len(line) + 1
        if current in spans:
            spans[current].append((since, pos))
        return spans


def _section_kind(title: str, vocabulary) -> str:
    """What a heading opens: "present", "outlook", "review", "goals" or "" (none of these: the
    section is of the kind of the heading around it)."""
    if len(title) > 30:
        return ""
    if vocabulary.forward_heading_re.search(title):
        return "goals"
    if PROBLEM_HEADING_RE.search(title):
        return "present"
    # NOTE: 发展基础与面临的形势 opens a chapter whose review comes first: no outlook
    if vocabulary.history_heading_re.search(OUTLOOK_HEADING_RE.sub("", title)):
        return "review"  # 形势与挑战 / 一、“十三五”工作成效: the review inside an outlook chapter
    return "outlook" if OUTLOOK_HEADING_RE.search(title) else ""
