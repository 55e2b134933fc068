"""Rows of an indicator table read through its header: each cell put in its column, each target
column of a row a target (indicator_tables finds the tables and their rows)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import notes
from ..schemas import RATE_UNITS
from ..text import normalize
from .records import PlanContext, TargetRecord
from .table_cells import (
    NO_VALUE_RE,
    CellValue,
    TableColumn,
    TableHeader,
    binding_code,
    cell_label,
    is_unit,
    read_value,
    split_unit,
)
from .vocabulary import Vocabulary


@dataclass
class Cell:
    text: str  # as in the decoded document
    start: int
    end: int


@dataclass
class Row:
    cells: list[Cell]
    tabbed: bool = False  # a .docx/HTML row: one cell per column, none lost

    # NOTE: min and max, not first and last: a 属性 cell printed before the indicator is
    # moved to the row's end (spaced_rows), so the cells need not be in text order.
    @property
    def start(self) -> int:
        return min(c.start for c in self.cells)

    @property
    def end(self) -> int:
        return max(c.end for c in self.cells)


@dataclass
class TableReading:
    """What the indicator tables of one plan give: targets, rows to review, and the spans of
    the understood tables (their numbers are neither sentence targets nor unreported)."""

    targets: list[TargetRecord] = field(default_factory=list)
    review: list[dict] = field(default_factory=list)
    unread_rows: list[dict] = field(default_factory=list)  # rows of tables not understood
    spans: list[tuple[int, int]] = field(default_factory=list)


_SECTION_ROW_RE = re.compile(r"^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]+[)）]")


def cell_kind(line: str, vocabulary: Vocabulary) -> str:
    """What a PDF cell line holds: binding (约束性), value (a number or a dash), unit, name."""
    stripped = line.strip()
    if binding_code(stripped) is not None and len(stripped) <= 4:
        return "binding"
    if not isinstance(read_value(stripped, vocabulary), str):
        return "value"
    if is_unit(cell_label(stripped).strip("()（）"), vocabulary):  # 万吨 or (万吨)
        return "unit"
    return "name" if re.search(r"[\u4e00-\u9fff]", stripped) else "other"


_CATEGORY_LINE_RE = re.compile(r"[\u4e00-\u9fff]{1,4}")
_NUMBERED_NAME_RE = re.compile(r"^[0-9０-９]{1,3}[．.、]\s*[\u4e00-\u9fff]")


def assign_cells(
    row: Row, header: TableHeader, vocabulary: Vocabulary
) -> dict[int, list[Cell]] | None:
    """The cells of a row by column index, or None when they do not line up with the header.

    A row with fewer cells than the header (a merged category cell, an empty PDF cell that left
    no line) or a PDF row with more (an indicator wrapped over lines) is read from the right for
    the columns after the indicator and from the left before it; a value among the cells taken
    for the indicator means the row is not understood."""
    cells = list(row.cells)
    n = len(header.labels)
    # NOTE: a PDF row whose 属性 cell is empty ends at its last value.
    no_binding = (
        not row.tabbed and header.binding == n - 1 and binding_code(cells[-1].text.strip()) is None
    )
    # NOTE: a PDF row of as many cells as the header may still lack one and hold two for its
    # indicator (a serial number and a category cell, no unit column): read by position only
    # when the indicator's column holds a name.
    by_position = row.tabbed or (
        cell_kind(cells[header.indicator].text, vocabulary) == "name"
        and not any(_NUMBERED_NAME_RE.match(c.text.strip()) for c in cells[: header.indicator])
    )
    if len(cells) == n and not no_binding and by_position:
        return {i: [c] for i, c in enumerate(cells)}
    last = n - 1 - no_binding
    after = last - header.indicator
    if len(cells) < after + 1 or (row.tabbed and len(cells) > n):
        return None
    by_index = {header.indicator + 1 + k: [c] for k, c in enumerate(cells[len(cells) - after :])}
    head = cells[: len(cells) - after]
    # NOTE: the indicator starts at its serial number (4．高技术制造业…, or a 序号 cell): the
    # lines before it are a category cell printed over several lines (绿色转型 / 升级).
    numbered = [
        k
        for k, c in enumerate(head)
        if _NUMBERED_NAME_RE.match(c.text.strip())
        or (
            is_serial(c.text)
            and k + 1 < len(head)
            and cell_kind(head[k + 1].text, vocabulary) == "name"
        )
    ]
    if numbered:
        if header.category is not None and numbered[-1]:
            by_index[header.category] = head[: numbered[-1]]
        head = head[numbered[-1] :]
    if header.serial is not None and len(head) > 1 and is_serial(head[0].text):
        by_index[header.serial] = [head.pop(0)]

    def names_after_first() -> bool:
        return any(cell_kind(c.text, vocabulary) == "name" for c in head[1:])

    # NOTE: a unit wrapped under the name (电能占终端能源消费比重 / （%）) leaves no category
    # cell before it.
    if header.category is not None and len(head) > 1 and not numbered and names_after_first():
        by_index[header.category] = [head.pop(0)]
        # NOTE: a narrow category cell wraps a word a line (电力 / 总量): a short line more
        # before the name is the category's, as long as a name is left.
        while (
            len(head) > 1
            and _CATEGORY_LINE_RE.fullmatch(head[0].text.strip())
            and names_after_first()
        ):
            by_index[header.category].append(head.pop(0))
    head = [c for c in head if not (len(head) > 1 and _SECTION_ROW_RE.match(c.text.strip()))]
    if len(head) > 1 and any(cell_kind(c.text, vocabulary) == "value" for c in head):
        return None
    by_index[header.indicator] = head
    return by_index


def is_serial(text: str) -> bool:
    return re.fullmatch(r"\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})[、.．]?\s*", text) is not None


def joined(cells: list[Cell]) -> str:
    return "".join("".join(c.text.split()) for c in cells)


def review_row(context: PlanContext, what: str, row: Row, quote: str, note: str) -> dict:
    return {
        "doc_id": context.doc_id,
        "category": "table_row",
        "text": what,
        "quote": quote,
        "char_start": row.start,
        "char_end": row.end,
        "note": note,
    }


# Words of a name before a unit written in letters, in a unit cell.
_WRAPPED_NAME_RE = re.compile(r"^(?P<words>[\u4e00-\u9fff]{2,})\s*(?P<unit>[A-Za-z][A-Za-z/²³·]*)$")
# An intensity (per unit of output): a five-year figure of it is a cut, never a rise.
_INTENSITY_RE = re.compile(r"^(?:单位|万元)")


def row_target(
    text: str,
    row: Row,
    header: TableHeader,
    context: PlanContext,
    default_year: int,
    vocabulary: Vocabulary,
    reading: TableReading,
) -> None:
    by_index = assign_cells(row, header, vocabulary)
    quote = text[row.start : row.end]
    if by_index is None:
        if re.search(r"[0-9０-９]", quote):
            reading.review.append(
                review_row(context, quote, row, quote,
                            notes.note("review_table_cells", text=" | ".join(header.labels)))
            )  # fmt: skip
        return
    if not by_index.get(header.indicator) or not any(c.index in by_index for c in header.targets):
        return  # a section row (一、绿色生产) or a note spanning the table: nothing to read
    # a footnote mark after the unit (（%）①) is no part of the name
    name, unit = split_unit(joined(by_index[header.indicator]).rstrip("①②③④⑤⑥⑦⑧⑨⑩"), vocabulary)
    name = re.sub(r"^(?:\d{1,3}|[一二三四五六七八九十]{1,3})[、.．]", "", name).rstrip("*※")
    if not re.search(r"[\u4e00-\u9fff]", name):
        return
    if header.unit is not None and header.unit in by_index:
        column_unit = normalize(joined(by_index[header.unit])).text
        if not NO_VALUE_RE.match(column_unit):
            unit = column_unit
    # a name wrapped into the unit column (太阳能光伏建筑 | 应用项目装机容量 MW): the words are
    # the name's, the unit only what follows them
    wrapped = _WRAPPED_NAME_RE.match(unit)
    if wrapped:
        name, unit = name + wrapped["words"], wrapped["unit"]
    base = (
        read_value(joined(by_index[header.base]), vocabulary) if header.base in by_index else None
    )
    # NOTE: a bracketed base cell is the previous period's cumulative, not a value of the year.
    baseline_value = base.value if isinstance(base, CellValue) and not base.cumulative else None
    binding = binding_code(joined(by_index[header.binding])) if header.binding in by_index else None
    made: list[tuple[bool, TargetRecord]] = []  # (a 总计/合计 column, its target)
    for column in header.targets:
        if column.index not in by_index:
            continue
        cell = joined(by_index[column.index])
        value = read_value(cell, vocabulary)
        if value is None:
            continue  # - or —: the plan sets no target for this indicator
        if isinstance(value, str):
            reading.review.append(
                review_row(context, cell, row, quote, notes.note("review_table_words"))
            )  # fmt: skip
            continue
        year = column.year or default_year
        value_unit = unit or header.units.get(column.index, "") or value.unit
        kind, baseline_year = _kind_and_base(
            name, value, value_unit, column, header, year, vocabulary
        )
        if baseline_year is None and baseline_value is not None:
            baseline_year = header.base_year
        target = TargetRecord(
            doc_id=context.doc_id,
            indicator_zh=name,
            value=value.value,
            unit=value_unit,
            comparator=value.comparator,
            kind=kind,
            target_year=year,
            baseline_year=baseline_year,
            scope_zh="",
            aspirational=int(value.aspirational),
            year_inferred=int(column.year is None),
            quote=quote,
            char_start=row.start,
            char_end=row.end,
            baseline_value=baseline_value,
            binding=binding,
        )
        made.append((column.change == "cumulative", target))
    _yearly_parts_of_a_total(made)
    reading.targets.extend(t for _, t in made)


def _yearly_parts_of_a_total(made: list[tuple[bool, TargetRecord]]) -> None:
    """A row of yearly cells beside a 总计/合计 column that is their sum (2021 | … | 2025 | 总计:
    0 | 1 | 0 | 1 | 1 | 3) schedules what each year adds: the yearly cells are increments of
    their year, not levels."""
    total = [t for is_total, t in made if is_total]
    yearly = [t for is_total, t in made if not is_total and t.kind == "level"]
    if len(total) != 1 or len(yearly) < 2 or len({t.unit for t in [*total, *yearly]}) != 1:
        return
    if abs(sum(t.value for t in yearly) - total[0].value) > 0.005 * max(abs(total[0].value), 1):
        return
    for t in yearly:
        t.kind, t.baseline_year = "increment", t.target_year - 1


def _kind_and_base(
    name: str,
    value: CellValue,
    unit: str,
    column: TableColumn,
    header: TableHeader,
    year: int,
    vocabulary: Vocabulary,
) -> tuple[str, int | None]:
    """The kind of a table target and the base year of a change.

    NOTE: a bracketed figure ([13.5], 〔15〕) and a 累计 column are five-year cumulatives: a cut
    of an indicator that says 降低/下降 or of an intensity (单位GDP能耗), else an increment; the
    period starts after the base year (the column's 较2020年 or 十四五, the table's base year or
    title, or five years before the target)."""
    cumulative = value.cumulative or column.change == "cumulative"
    if cumulative:
        since = column.since or year - 5
        reduction = _INTENSITY_RE.match(name) or column.change == "reduction"
    else:
        since = column.since or header.base_year or header.period_since
        reduction = column.change == "reduction"
    if reduction or any(w in name for w in vocabulary.reduction_verbs):
        return "reduction", since
    if cumulative:
        return "increment", since
    if (
        column.change == "increase"
        or unit.endswith("百分点")
        or (unit not in RATE_UNITS and vocabulary.increment_re.match(name))
    ):
        return "increment", column.since
    return "level", None
