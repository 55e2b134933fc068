"""Review tables as PDF text layers print them: one row per line, cells separated by spaces.

    专栏1：“十三五”规划目标指标完成情况
    指标 单位 2015年 2020年（目标） 2020年（现状）
    1 全省地表水劣V类水体比例 % 4.08 0 0
    6 细颗粒物未达标城市浓度下降率 % — [10] [21.2]

    类别 指标 单位 2015 年 2020 年 年均增 速 属性
    光伏发电 万千瓦 470 1238 21.2% 预期性
    可再生能源发电装机 - 30% 36% [6%] 预期性

The header names the columns, in any order: a year before the plan (2015年) or a column of what
was reached (现状, 实际, 完成情况) holds measured values; a column of goals (目标, 规划值) and a
year from the plan's own period hold targets and are left to the target rules. A rate column
(年均增速, 年均增长率) holds the yearly average change from the first year column to the last:
measured only when every year column is. A bracketed cell (〔21.2〕, [21.2], [-16]) is a
five-year cumulative: a change over the period (a negative one a fall). The unit stands in a
column of its own or in the cells (30%, with - in the unit column); 属性 (约束性, 预期性) is no
value. Each measured cell gives one observation, quoted by its row (the indicator's wrapped
lines included).

Why by hand: the rows are text, not a table object; no PDF table library sees them once the
text layer is all there is.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .observation_words import RISE_WORDS
from .records import ObservationRecord

_YEAR_COLUMN_RE = re.compile(
    r"((?:19|20)\d\d)\s*年(?:底|末)?\s*[（(]?\s*([^\d（()）]{0,6}?)\s*[)）]?(?=\s|$|(?:19|20)\d\d)"
)
_HEADER_WORD_RE = re.compile(r"指标|单位|项目|名称")
_GOAL_LABEL_RE = re.compile(r"目标|规划|预期|计划")
_REACHED_LABEL_RE = re.compile(r"现状|实际|完成|实现|达到|情况")
# A rate column: the yearly average change between the first and the last year column.
_RATE_COLUMN_RE = re.compile(r"年\s*均\s*(?:增\s*(?:速|长\s*率?|幅)|递\s*增\s*率?)")
# A cell: a value, its unit when the cells carry it (30%, [6%]), or an empty cell (—, -).
_CELL_RE = re.compile(
    r"[≥≤><]?\s*[\[〔【]?\s*-?\d+(?:\.\d+)?\s*[%‰]?\s*[\]〕】]?\s*[%‰]?|—+|－+|-(?!\d)"
)
_UNIT_RE = re.compile(
    r"(?:%|‰|个百分点|万?吨(?:标准煤)?(?:/万元)?|(?:万|亿)?千瓦时?|微克/立方米|ug/m3|μg/m3|"
    r"(?:万|亿)?立方米(?:/万元)?|(?:万)?亩|(?:万)?公顷|平方公里|起/万枚|天|个|座|家|万辆|公里|亿元|元|吨/万元|"
    r"(?:千克|克)标准?煤/千瓦时)$"
)
_ATTRIBUTE_TAIL_RE = re.compile(r"\s*(?:约束性|预期性|指导性)\s*$")
_ATTRIBUTE_RE = re.compile(r"\s*(?:约束性|预期性|指导性)\s*")
# A unit printed in brackets after the indicator's name: 森林覆盖率（%）, 浓度 (ug/m ３)①.
_BRACKET_UNIT_RE = re.compile(r"[（(]\s*([^（()）]{1,12}?)\s*[)）][①-⑳]*$")
_END_RE = re.compile(
    r"^\s*(?:注|说明|备注|资料来源|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章节])"
)
# One label of a header set one per line, and a page number line (—５２—, - 3 -).
_HEADER_CELL_RE = re.compile(
    r"^\s*(?:(?:19|20)\d\d\s*年[^\d\s]{0,4}|[（(][^（()）\d]{1,6}[)）]|指\s*标|类\s*别|序|号|"
    r"属\s*性|指\s*标\s*名\s*称|单\s*位|序\s*号|指标类别|指标属性)\s*$"
)
# A goal column's cell in words (完成国家下达目标, 稳中向好, 不降低), not a wrapped name.
_GOAL_WORDS_RE = re.compile(
    r"完成|下达|目标|稳中向好|不降低|不低于|不高于|持续|逐步|基本|全面|改善|好转|消除|控制在"
)
_PAGE_RE = re.compile(r"^\s*[-—–]\s*\d+\s*[-—–]\s*$")
_PUA_POINT_RE = re.compile("(?<=[0-9])[\U000f0000-\U0010fffd](?=[0-9])")
_ROW_NUMBER_RE = re.compile(r"^(?:\s*(?:\d{1,2}(?![\d.个项家座处条])|[①-⑳]))+\s*")
_FALL_NAME_RE = re.compile(r"下降|降低|减少|削减|压减")
# A row's number written with its mark (1．, 2、) before its name, maybe after a group cell.
_NUMBERED_NAME_RE = re.compile(r"(?:^|\s)\d{1,2}[.、](?=\s*[\u4e00-\u9fa5])")
# What stands in the unit column for a row whose cells carry their unit, and a row's label of
# a part (其中：煤电): no part of the indicator's name.
_NO_UNIT_TAIL_RE = re.compile(r"[-—－]+$")
_PART_LABEL_RE = re.compile(r"^其中[：:，,]?")


@dataclass(frozen=True)
class Column:
    year: int  # a rate column: the year its period ends
    measured: bool  # a value the region reached (else a goal, left to the target rules)
    rate: str = ""  # a rate column's label (年均增速): the yearly average change to `year`
    start: int | None = None  # a rate column: the year its period starts


@dataclass
class ReviewCell:
    """One measured cell: its row's indicator, value, unit, year, kind and the row's span."""

    indicator_zh: str
    value: float
    unit: str
    comparator: str
    year: int
    kind: str
    baseline_year: int | None
    start: int
    end: int


# Full-width forms as their one ASCII character (only those: a circled ④ is a footnote mark,
# not a 4); one table, so a line is mapped in one call, not character by character.
_FULL_WIDTH = {
    code: mapped
    for code in range(0xFF00, 0xFFF0)
    if len(mapped := unicodedata.normalize("NFKC", chr(code))) == 1 and mapped != chr(code)
}


def plain_line(line: str) -> str:
    """A line with full-width forms as ASCII and a PDF's private-use decimal point read, its
    length kept, so positions in it are positions in the original line."""
    return _PUA_POINT_RE.sub(".", line.translate(_FULL_WIDTH))


_SENTENCE_MARK_RE = re.compile(r"[，,。；;]")


def _header(text: str, issue_year: int) -> list[Column] | None:
    """The year columns of a header line, or None when the line is no review-table header."""
    if not _HEADER_WORD_RE.search(text) or _SENTENCE_MARK_RE.search(text):
        return None  # a header is a row of labels, never a sentence
    # spaced apart, so a year's label (2020年 年均增速) never takes the rate column's words
    text = _RATE_COLUMN_RE.sub(lambda m: " " + "".join(m.group(0).split()) + " ", text)
    placed: list[tuple[int, Column]] = []
    for m in _YEAR_COLUMN_RE.finditer(text):
        year, label = int(m.group(1)), m.group(2) or ""
        if _GOAL_LABEL_RE.search(label):
            placed.append((m.start(), Column(year, False)))
        elif _REACHED_LABEL_RE.search(label) or year < issue_year:
            placed.append((m.start(), Column(year, True)))
        else:
            placed.append((m.start(), Column(year, False)))
    years = [c for _, c in placed]
    if len(years) < 2 or not any(c.measured for c in years):
        return None
    first, last = min(c.year for c in years), max(c.year for c in years)
    # NOTE: a rate beside a goal column (2020年 | 2025年 | 年均增速) is the plan's own goal
    reached = all(c.measured for c in years)
    for m in _RATE_COLUMN_RE.finditer(text):
        placed.append((m.start(), Column(last, reached, rate=m.group(0), start=first)))
    return [c for _, c in sorted(placed, key=lambda p: p[0])]


def _cells(line: str, n: int) -> tuple[int, list[str]] | None:
    """(where the cells start, the last `n` cells) of a row line, or None when the line does
    not end in `n` cells."""
    line = _ATTRIBUTE_TAIL_RE.sub("", line)
    found = list(_CELL_RE.finditer(line))
    if len(found) < n:
        return None
    last = found[-n:]
    tail = line[last[0].start() :]
    # only cells and spaces after the first of them
    if re.sub(r"\s+", "", _CELL_RE.sub("", tail)):
        return None
    return last[0].start(), [m.group(0).replace(" ", "") for m in last]


def read_review_tables(
    text: str, issue_year: int
) -> tuple[list[ReviewCell], list[tuple[int, int]]]:
    """The measured cells of every review table in `text` and the spans of those tables."""
    cells: list[ReviewCell] = []
    spans: list[tuple[int, int]] = []
    lines, plain, pos = [], [], 0
    for raw in text.split("\n"):
        lines.append((pos, raw))
        plain.append(plain_line(raw))
        pos += len(raw) + 1
    i = 0
    while i < len(lines):
        start, raw = lines[i]
        columns = None
        # a header may be wrapped over up to four lines
        for k in range(1, 13):
            window = plain[i : i + k]
            if k > 4 and len(window[-1].strip()) > 12:
                break  # a header of one label per line (指标\n属性\n2020年\n(现状)) is short
            if _SENTENCE_MARK_RE.search(window[-1]):
                break  # this window and every longer one hold a sentence: no header
            joined = " ".join(window)
            columns = _header(joined, issue_year)
            if columns:
                i += k
                break
        if not columns:
            i += 1
            continue
        table_start, pending_start, pending, misses = start, None, [], 0
        table_end = lines[i - 1][0] + len(lines[i - 1][1])
        while i < len(lines) and misses < 12:
            line_start, raw = lines[i]
            line = plain[i]
            if _END_RE.match(line) or (len(line) > 40 and "。" in line):
                break
            if _header(line, issue_year) or _HEADER_CELL_RE.match(line) or _PAGE_RE.match(line):
                # the header repeated after a page break (whole or one label per line), a page
                # number: no part of a row's name
                pending, pending_start = [], None
                i += 1
                continue
            row = _cells(line, len(columns))
            row_columns = columns
            if row is None and not columns[-1].measured:
                # a goal cell in words (完成国家下达目标, 稳中向好): the measured cells before it
                words = re.search(r"(?:\s+[\u4e00-\u9fa5]+)+\s*$", _ATTRIBUTE_TAIL_RE.sub("", line))
                if words and words.start() > 0 and _GOAL_WORDS_RE.search(words.group(0)):
                    row = _cells(line[: words.start()], len(columns) - 1)
                    row_columns = columns[:-1]
            if row is None:
                label = re.sub(r"\s+", "", line)
                # page numbers, row numbers and the two-character group cells (环境 / 质量)
                if label and not re.fullmatch(r"[-—]?\d+[-—]?|[\u4e00-\u9fa5]{1,2}|[①-⑳]+", label):
                    pending.append(line.strip())
                    pending_start = line_start if pending_start is None else pending_start
                misses += 1
                i += 1
                continue
            misses = 0
            at, values = row
            head = " ".join([*pending[-3:], line[:at].strip()])
            numbered = list(_NUMBERED_NAME_RE.finditer(head))
            if numbered:
                head = head[
                    numbered[-1].end() :
                ]  # 总体指标 1．单位…: the name starts at its number
            head = _ROW_NUMBER_RE.sub("", head)
            head = _ATTRIBUTE_RE.sub(" ", head)
            unit_match = _UNIT_RE.search(head.replace(" ", ""))
            unit = unit_match.group(0) if unit_match else ""
            name = re.sub(r"\s+", "", head)
            name = name[: len(name) - len(unit)] if unit else name
            bracket = _BRACKET_UNIT_RE.search(name)
            if not unit and bracket and _UNIT_RE.match(bracket.group(1)):
                unit, name = bracket.group(1), name[: bracket.start()]
            name = re.sub(r"[①-⑳]|[（(][%％][)）]", "", name).strip("（）() ")
            name = _PART_LABEL_RE.sub("", _NO_UNIT_TAIL_RE.sub("", name))
            row_start = pending_start if pending_start is not None else line_start
            row_end = line_start + len(raw)
            for column, value in zip(row_columns, values, strict=True):
                cell = _measured_cell(column, value, columns, name, unit, row_start, row_end)
                if cell is not None:
                    cells.append(cell)
            pending, pending_start = [], None
            table_end = row_end
            i += 1
        spans.append((table_start, table_end))
    return cells, spans


def _measured_cell(
    column: Column, value: str, columns: list[Column], name: str, unit: str, start: int, end: int
) -> ReviewCell | None:
    if not column.measured or not name or not re.search(r"\d", value):
        return None
    number = float(re.sub(r"[^\d.]", "", value))
    falls = "-" in value  # a negative change ([-16]) is a fall, its value kept positive
    comparator = "ge" if value[0] in "≥>" else "le" if value[0] in "≤<" else "eq"
    cell_unit = next((u for u in ("%", "‰") if u in value), "")
    bracketed = bool(re.search(r"[\[〔【]", value))
    kind, base = "level", None
    unit = cell_unit or unit
    if bracketed:
        kind = "change"
        earlier = [c.year for c in columns if c.year < column.year and not c.rate]
        base = min(earlier) if earlier else column.year - 5
        if falls and not _FALL_NAME_RE.search(name):
            name += "累计下降"
        elif not (_FALL_NAME_RE.search(name) or any(w in name for w in RISE_WORDS)):
            name += "累计变化"
    elif column.rate:
        # NOTE: a yearly average growth is a rate whatever the row's unit (万千瓦 | 9.3%)
        kind, base, unit = "change", column.start, cell_unit or "%"
        name += "年均下降" if falls else column.rate
    return ReviewCell(name, number, unit, comparator, column.year, kind, base, start, end)


def table_observations(extractor) -> tuple[list[ObservationRecord], list[tuple[int, int]]]:
    """The observations of the review tables in the document `extractor` read, and the spans
    of those tables (their numbers are read as no sentence)."""
    cells, spans = read_review_tables(extractor.text, extractor.issue_year)
    taken = extractor.tables.targets
    records = [
        ObservationRecord(
            doc_id=extractor.context.doc_id,
            region_zh=None,
            division_code=None,
            indicator_zh=cell.indicator_zh,
            value=cell.value,
            unit=cell.unit,
            comparator=cell.comparator,
            year=cell.year,
            kind=cell.kind,
            baseline_year=cell.baseline_year,
            scope_zh="",
            quote=extractor.text[cell.start : cell.end],
            char_start=cell.start,
            char_end=cell.end,
        )
        for cell in cells
        # a row the target rules read gives its base level below (a bracketed base cell, the
        # last period's cumulative, is no baseline of theirs: read here); a row they could not
        # line up with their header (a 年均增速 column they do not know) is read here
        if cell.kind == "change"
        or not any(cell.start < t.char_end and t.char_start < cell.end for t in taken)
    ]
    return records, spans


def base_year_observations(extractor, known: list[ObservationRecord]) -> list[ObservationRecord]:
    """An indicator table's base-year column (指标 | 2020年 | 2025年) states what the region
    measured in that year: each such cell of a level is an observation, quoted by its row."""
    records: list[ObservationRecord] = []
    for t in extractor.tables.targets:
        if t.baseline_value is None or t.baseline_year is None or t.kind != "level":
            continue
        if any(
            r.char_start == t.char_start and r.value == t.baseline_value for r in known + records
        ):
            continue  # the same cell under two target years (2025 and 2030 columns)
        records.append(
            ObservationRecord(
                doc_id=t.doc_id,
                region_zh=None,
                division_code=None,
                indicator_zh=t.indicator_zh,
                value=t.baseline_value,
                unit=t.unit,
                comparator="eq",
                year=t.baseline_year,
                kind="level",
                baseline_year=None,
                scope_zh=t.scope_zh,
                quote=t.quote,
                char_start=t.char_start,
                char_end=t.char_end,
            )
        )
    return records
