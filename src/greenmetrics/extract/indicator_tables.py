"""Indicator tables (主要指标表): one target per row and target year, read through the header.

Plans put their main targets in a table: 指标 | 单位 | 2020年 | 2025年 | 属性, one row per
indicator (单位GDP能耗降低（%） | - | [13.5] | 约束性). The readers give a .docx or HTML row as
one line with its cells joined by a tab; a PDF gives one cell per line (pypdf), and a table
split over pages has a page number and the repeated header between its rows. Both shapes are
found here in the decoded text; the header says which column is the indicator, the unit, the
base year, the target years and the 属性 (约束性/预期性); each row gives a target per target
column (2025年 and 2030年, 2025年目标 and 2035年远景) whose quote is the whole row. A header may
take two rows (目标值 over 2025年 | 2030年; in a PDF, 2025 / 年 wrapped in its cell). A target
cell that is no number (完成省下达目标), a row whose cells do not line up with the header, and
every row of a table whose header is not understood go to review, never silently dropped.

How plans write the cells: [13.5] or 〔13.5〕 is the five-year cumulative (an increment, or a
reduction when the indicator says 降低/下降/减少 or is an intensity, 单位GDP能耗), as are the
cells of a 累计 column; a 较2020年下降 column holds reductions from 2020; ≥30 / >30 / 30以上 is
ge, ≤1.3 / <1.3 is le, 约13 / 13左右 approx; - or — or an empty cell states no target. An empty
PDF cell leaves no line: a row whose 属性 is blank still gives its targets, binding unknown.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from .. import words
from ..schemas import RATE_UNITS
from ..text import normalize
from .records import PlanContext, TargetRecord
from .table_cells import (
    _NO_VALUE_RE,
    _PERIOD_TOKEN,
    _binding,
    _Column,
    _Header,
    _is_header_cell,
    _is_unit,
    _label,
    _merge_header_rows,
    _place_group_leaves,
    _read_header,
    _read_value,
    _split_unit,
    _Value,
    _value_column,
)
from .vocabulary import FYP_END, VOCABULARY, Vocabulary

# ---------------------------------------------------------------------------------------------
# Rows as they come out of the readers
# ---------------------------------------------------------------------------------------------


@dataclass
class _Cell:
    text: str  # as in the decoded document
    start: int
    end: int


@dataclass
class _Row:
    cells: list[_Cell]
    tabbed: bool = False  # a .docx/HTML row: one cell per column, none lost

    @property
    def start(self) -> int:
        return self.cells[0].start

    @property
    def end(self) -> int:
        return self.cells[-1].end


@dataclass
class _Table:
    start: int
    end: int
    header: _Header | None
    header_text: str
    rows: list[_Row]


@dataclass
class TableReading:
    """What the indicator tables of one plan give: targets, rows to review, and the spans of
    the understood tables (their numbers are neither sentence targets nor unreported)."""

    targets: list[TargetRecord] = field(default_factory=list)
    review: list[dict] = field(default_factory=list)
    unread_rows: list[dict] = field(default_factory=list)  # rows of tables not understood
    spans: list[tuple[int, int]] = field(default_factory=list)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of `text`."""
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _tab_cells(text: str, start: int, end: int) -> list[_Cell]:
    cells, pos = [], start
    for part in text[start:end].split("\t"):
        cells.append(_Cell(part, pos, pos + len(part)))
        pos += len(part) + 1
    return cells


def _texts(row: _Row) -> list[str]:
    return [c.text for c in row.cells]


def _period_since(title: str) -> int | None:
    """2020 for a table titled “十四五”…主要指标: the base year of the period it plans."""
    m = _PERIOD_TOKEN.search(normalize(title).text)
    return FYP_END[m["fyp"]] - 5 if m else None


def _continues_header(cells: list[str], vocabulary: Vocabulary) -> bool:
    """True for the second row of a header over two rows (2025年 | 2030年 under 目标值)."""
    labels = [_split_unit(_label(c), vocabulary)[0] for c in cells]
    return any(labels) and all(not x or x == "年" or _is_header_cell(x) for x in labels)


def _tab_header(
    rows: list[_Row], vocabulary: Vocabulary, issue_year: int | None
) -> tuple[int, int, _Header] | None:
    """(index of the first header row, header row count, header) among the first rows of a
    tab table: a title row (表1 主要指标, one merged cell) may come before the header, and a
    header may take two rows (目标值 over 2025年 | 2030年)."""
    for k, row in enumerate(rows[:3]):
        texts = _texts(row)
        if k + 1 < len(rows) and _continues_header(_texts(rows[k + 1]), vocabulary):
            leaves = _merge_header_rows(texts, _texts(rows[k + 1]))
            header = _read_header(leaves, vocabulary, issue_year) if leaves else None
            if header:
                return k, 2, header
        header = _read_header(texts, vocabulary, issue_year)
        if header:
            return k, 1, header
    return None


def _tab_tables(
    text: str, lines: list[tuple[int, int]], vocabulary: Vocabulary, issue_year: int | None
) -> list[_Table]:
    """Runs of tab-separated lines (.docx/HTML rows); the header is the first row understood."""
    tables: list[_Table] = []
    i = 0
    while i < len(lines):
        if "\t" not in text[lines[i][0] : lines[i][1]]:
            i += 1
            continue
        j = i
        while j < len(lines) and "\t" in text[lines[j][0] : lines[j][1]]:
            j += 1
        rows = [_Row(_tab_cells(text, s, e), tabbed=True) for s, e in lines[i:j]]
        found = _tab_header(rows, vocabulary, issue_year)
        if found:
            at, n_header, header = found
            before = text[lines[max(0, i - 2)][0] : lines[i][0]]
            title = before + "".join(c.text for row in rows[:at] for c in row.cells)
            header.period_since = _period_since(title)
            tables.append(
                _Table(
                    lines[i][0],
                    lines[j - 1][1],
                    header,
                    " | ".join(c.text for c in rows[at].cells),
                    rows[at + n_header :],
                )
            )
        else:
            header_text = " | ".join(c.text for c in rows[0].cells)
            tables.append(_Table(lines[i][0], lines[j - 1][1], None, header_text, rows))
        i = j
    return tables


# A PDF page number between the pages of a table: - 2 -, — 3 —, 第2页, 2/10.
_PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页|\d{1,4}\s*/\s*\d{1,4})\s*$"
)
_CONTINUED_RE = re.compile(r"^\s*(?:续表|续上表|表\s*\d*.*[（(]续[)）])")
_AFTER_TABLE_RE = re.compile(r"^\s*(?:注|备注|说明|资料来源|数据来源)\s*[：:0-9０-９]")
_BARE_YEAR_RE = re.compile(r"^(?:19|20)\d\d年$")
_YEAR_DIGITS_RE = re.compile(r"^(?:19|20)\d\d$")
_MAX_CELL = 40  # a longer line is prose, not a cell
_MAX_HEADER_CELL = 16
_SECTION_ROW_RE = re.compile(r"^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]+[)）]")


def _is_cell_line(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= _MAX_CELL and not stripped.endswith(("。", "；", "："))


def _pdf_header(
    text: str,
    lines: list[tuple[int, int]],
    i: int,
    vocabulary: Vocabulary,
    issue_year: int | None,
) -> tuple[_Header, int, list[str]] | None:
    """The header of a one-cell-per-line table starting at line i: (header, its line count,
    its lines). A header cell split over two lines (2025 / 年, 2020年 / 基数) is one cell; a
    header over two rows (目标值 above 2025年 | 2030年) is read as its leaf columns."""
    cells: list[str] = []
    raw: list[str] = []
    j = i
    while j < len(lines):
        line = text[lines[j][0] : lines[j][1]].strip()
        label, _ = _split_unit(_label(line), vocabulary)
        if line and label == "年" and cells and _YEAR_DIGITS_RE.match(_label(cells[-1])):
            cells[-1] += line  # 2025 / 年: the year wrapped in its cell
        elif not line or not _is_header_cell(label):
            break
        else:
            cells.append(line)
        raw.append(line)
        j += 1
    cells = _place_group_leaves(cells)
    joined: list[str] = []
    for cell in cells:
        column = _value_column(_split_unit(_label(cell), vocabulary)[0])
        if (
            joined
            and column
            and column.year is None
            and column.role in ("base", "target")
            and _BARE_YEAR_RE.match(_label(joined[-1]))
        ):
            joined[-1] += cell  # 2020年 / 基数 on two lines: one cell
        else:
            joined.append(cell)
    if len(joined) < 3:
        return None
    header = _read_header(joined, vocabulary, issue_year)
    if header:
        before = text[lines[max(0, i - 2)][0] : lines[i][0]]
        header.period_since = _period_since(before)
    return (header, j - i, raw) if header else None


def _pdf_tables(
    text: str, lines: list[tuple[int, int]], vocabulary: Vocabulary, issue_year: int | None
) -> list[_Table]:
    """Tables whose cells come one per line (PDF), read from a recognised header on."""
    tables: list[_Table] = []
    i = 0
    while i < len(lines):
        # Cheap test first (this runs on every line of every plan): a header starts with a
        # short line, and its indicator column (指标) comes within its first three cells.
        found = (
            lines[i][1] - lines[i][0] <= _MAX_HEADER_CELL
            and any("指标" in text[s:e] for s, e in lines[i : i + 3])
            and _pdf_header(text, lines, i, vocabulary, issue_year)
        )
        if not found:
            i += 1
            continue
        header, n_header, header_lines = found
        rows, end_line = _pdf_rows(text, lines, i + n_header, header, header_lines, vocabulary)
        tables.append(
            _Table(
                lines[i][0],
                lines[end_line - 1][1],
                header,
                " | ".join(header.labels),
                rows,
            )
        )
        i = end_line
    return tables


def _cell_kind(line: str, vocabulary: Vocabulary) -> str:
    """What a PDF cell line holds: binding (约束性), value (a number or a dash), unit, name."""
    stripped = line.strip()
    if _binding(stripped) is not None and len(stripped) <= 4:
        return "binding"
    if not isinstance(_read_value(stripped, vocabulary), str):
        return "value"
    if _is_unit(_label(stripped), vocabulary):
        return "unit"
    return "name" if re.search(r"[\u4e00-\u9fff]", stripped) else "other"


def _pdf_rows(
    text: str,
    lines: list[tuple[int, int]],
    j: int,
    header: _Header,
    header_lines: list[str],
    vocabulary: Vocabulary,
) -> tuple[list[_Row], int]:
    """The rows after a header, and the index of the line after the table.

    A row ends at its 属性 cell (约束性/预期性) when that is the last column, else after as many
    cells as the header has. An empty cell leaves no line: a row whose 属性 is empty (or that
    lacks a cell) ends where the next row starts, once it has a name and a cell for every value
    column (the next line is a name, or the next serial number). Page numbers, 续表 and the
    repeated header between pages are skipped; the table ends at a line that is no cell (prose,
    注：...) or a row that never ends.
    """
    n = len(header.labels)
    ends_with_binding = header.binding == n - 1
    rows: list[_Row] = []
    end_line = j
    pending: list[_Cell] = []
    kinds: list[str] = []
    pending_end = j

    def whole_without_binding() -> bool:
        values = len(list(itertools.takewhile(lambda kind: kind == "value", kinds[::-1])))
        return "name" in kinds and values >= header.n_values

    while j < len(lines):
        s, e = lines[j]
        line = text[s:e]
        if not line.strip() or _PAGE_NUMBER_RE.match(line) or _CONTINUED_RE.match(line):
            j += 1
            continue
        if not pending and [text[a:b].strip() for a, b in lines[j : j + len(header_lines)]] == (
            header_lines
        ):
            j += len(header_lines)  # the header repeated on the next page
            continue
        if not _is_cell_line(line) or _AFTER_TABLE_RE.match(line):
            break
        kind = _cell_kind(line, vocabulary)
        next_serial = (
            header.serial is not None
            and pending
            and line.strip().isdigit()
            and pending[0].text.strip().isdigit()
            and int(line) == int(pending[0].text) + 1
        )
        if pending and (kind == "name" or next_serial) and whole_without_binding():
            rows.append(_Row(pending))  # the last cell was empty: 属性 left blank
            pending, kinds = [], []
            end_line = pending_end
        pending.append(_Cell(line, s, e))
        kinds.append(kind)
        j += 1
        pending_end = j
        complete = kind == "binding" if ends_with_binding else len(pending) == n
        if complete:
            rows.append(_Row(pending))
            pending, kinds = [], []
            end_line = j
        elif len(pending) > n + 3:
            break  # no row ends here: the table ended before these lines
    if pending and whole_without_binding():
        rows.append(_Row(pending))
        end_line = pending_end
    return rows, end_line


# ---------------------------------------------------------------------------------------------
# Rows -> targets
# ---------------------------------------------------------------------------------------------


def _assign(row: _Row, header: _Header, vocabulary: Vocabulary) -> dict[int, list[_Cell]] | None:
    """The cells of a row by column index, or None when they do not line up with the header.

    A row with fewer cells than the header (a merged category cell, an empty PDF cell that left
    no line) or a PDF row with more (an indicator wrapped over lines) is read from the right for
    the columns after the indicator and from the left before it; a value among the cells taken
    for the indicator means the row is not understood."""
    cells = list(row.cells)
    n = len(header.labels)
    # NOTE: a PDF row whose 属性 cell is empty ends at its last value.
    no_binding = (
        not row.tabbed and header.binding == n - 1 and _binding(cells[-1].text.strip()) is None
    )
    if len(cells) == n and not no_binding:
        return {i: [c] for i, c in enumerate(cells)}
    last = n - 1 - no_binding
    after = last - header.indicator
    if len(cells) < after + 1 or (row.tabbed and len(cells) > n):
        return None
    by_index = {header.indicator + 1 + k: [c] for k, c in enumerate(cells[len(cells) - after :])}
    head = cells[: len(cells) - after]
    if header.serial is not None and len(head) > 1 and _is_serial(head[0].text):
        by_index[header.serial] = [head.pop(0)]
    if header.category is not None and len(head) > 1:
        by_index[header.category] = [head.pop(0)]
    head = [c for c in head if not (len(head) > 1 and _SECTION_ROW_RE.match(c.text.strip()))]
    if len(head) > 1 and any(_cell_kind(c.text, vocabulary) == "value" for c in head):
        return None
    by_index[header.indicator] = head
    return by_index


def _is_serial(text: str) -> bool:
    return re.fullmatch(r"\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})[、.．]?\s*", text) is not None


def _joined(cells: list[_Cell]) -> str:
    return "".join("".join(c.text.split()) for c in cells)


def read_indicator_tables(
    text: str,
    context: PlanContext,
    default_year: int,
    vocabulary: Vocabulary = VOCABULARY,
    issue_year: int | None = None,
) -> TableReading:
    """The indicator tables of a plan's decoded text: targets, review rows and table spans.

    `issue_year` tells a base year column (2020年 in a 2021 plan) from a target one (2025年,
    2030年); without it the latest plain year is the target."""
    lines = _lines(text)
    reading = TableReading()
    tables = _tab_tables(text, lines, vocabulary, issue_year) + _pdf_tables(
        text, lines, vocabulary, issue_year
    )
    for table in sorted(tables, key=lambda t: t.start):
        if table.header is None:
            for row in table.rows:
                quote = text[row.start : row.end]
                if re.search(r"[0-9０-９]", quote):
                    reading.unread_rows.append(
                        _review_row(context, quote, row, quote,
                                    words.note("review_table_header", text=table.header_text))
                    )  # fmt: skip
            continue
        reading.spans.append((table.start, table.end))
        for row in table.rows:
            _row_target(text, row, table.header, context, default_year, vocabulary, reading)
    return reading


def _review_row(context: PlanContext, what: str, row: _Row, quote: str, note: str) -> dict:
    return {
        "doc_id": context.doc_id,
        "category": "table_row",
        "text": what,
        "quote": quote,
        "char_start": row.start,
        "char_end": row.end,
        "note": note,
    }


# An intensity (per unit of output): a five-year figure of it is a cut, never a rise.
_INTENSITY_RE = re.compile(r"^(?:单位|万元)")


def _row_target(
    text: str,
    row: _Row,
    header: _Header,
    context: PlanContext,
    default_year: int,
    vocabulary: Vocabulary,
    reading: TableReading,
) -> None:
    by_index = _assign(row, header, vocabulary)
    quote = text[row.start : row.end]
    if by_index is None:
        if re.search(r"[0-9０-９]", quote):
            reading.review.append(
                _review_row(context, quote, row, quote,
                            words.note("review_table_cells", text=" | ".join(header.labels)))
            )  # fmt: skip
        return
    if not by_index.get(header.indicator) or not any(c.index in by_index for c in header.targets):
        return  # a section row (一、绿色生产) or a note spanning the table: nothing to read
    name, unit = _split_unit(_joined(by_index[header.indicator]), vocabulary)
    name = re.sub(r"^(?:\d{1,3}|[一二三四五六七八九十]{1,3})[、.．]", "", name).rstrip("*※")
    if not re.search(r"[\u4e00-\u9fff]", name):
        return
    if header.unit is not None and header.unit in by_index:
        column_unit = normalize(_joined(by_index[header.unit])).text
        if not _NO_VALUE_RE.match(column_unit):
            unit = column_unit
    base = (
        _read_value(_joined(by_index[header.base]), vocabulary) if header.base in by_index else None
    )
    # NOTE: a bracketed base cell is the previous period's cumulative, not a value of the year.
    baseline_value = base.value if isinstance(base, _Value) and not base.cumulative else None
    binding = _binding(_joined(by_index[header.binding])) if header.binding in by_index else None
    for column in header.targets:
        if column.index not in by_index:
            continue
        cell = _joined(by_index[column.index])
        value = _read_value(cell, vocabulary)
        if value is None:
            continue  # - or —: the plan sets no target for this indicator
        if isinstance(value, str):
            reading.review.append(
                _review_row(context, cell, row, quote, words.note("review_table_words"))
            )  # fmt: skip
            continue
        year = column.year or default_year
        value_unit = unit or header.units.get(column.index, "") or value.unit
        kind, baseline_year = _kind_and_base(
            name, value, value_unit, column, header, year, vocabulary
        )
        if baseline_year is None and baseline_value is not None:
            baseline_year = header.base_year
        reading.targets.append(
            TargetRecord(
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
        )


def _kind_and_base(
    name: str,
    value: _Value,
    unit: str,
    column: _Column,
    header: _Header,
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
