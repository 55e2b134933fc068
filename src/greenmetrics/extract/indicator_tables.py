"""Indicator tables (主要指标表): one target per row and target year, read through the header.

Plans put their main targets in a table: 指标 | 单位 | 2020年 | 2025年 | 属性, one row per
indicator (单位GDP能耗降低（%） | - | [13.5] | 约束性). The readers give a .docx or HTML row as
one line with its cells joined by a tab; a PDF gives one cell per line (pypdf) or one row per
line with its cells a blank apart (cut into cells by spaced_rows; a header word or a name may
wrap over lines, a category cell precede the row number, 属性 come first), and a table split
over pages has a page number and the repeated header between its rows. A table whose target
columns all lie before the plan's year (2015年 | 2020年 in a 2021 plan) reviews the last period:
its rows are observations (review_tables.py), never targets. The shapes are found here in the
decoded text; the header says which column is the indicator, the unit, the
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
from dataclasses import dataclass

from .. import notes
from ..text import normalize
from .records import PlanContext
from .spaced_rows import line_cells, looks_like_row_line
from .table_cells import (
    PERIOD_TOKEN,
    TableHeader,
    cell_label,
    is_header_cell,
    merge_header_rows,
    names_indicator_column,
    place_group_leaves,
    read_header,
    split_unit,
    value_column,
)
from .table_rows import (
    Cell,
    Row,
    TableReading,
    cell_kind,
    review_row,
    row_target,
)
from .vocabulary import FYP_END, VOCABULARY, Vocabulary

# ---------------------------------------------------------------------------------------------
# Rows as they come out of the readers
# ---------------------------------------------------------------------------------------------


@dataclass
class _Table:
    start: int
    end: int
    header: TableHeader | None
    header_text: str
    rows: list[Row]


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of `text`."""
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _tab_cells(text: str, start: int, end: int) -> list[Cell]:
    cells, pos = [], start
    for part in text[start:end].split("\t"):
        cells.append(Cell(part, pos, pos + len(part)))
        pos += len(part) + 1
    return cells


def _texts(row: Row) -> list[str]:
    return [c.text for c in row.cells]


def _period_since(title: str) -> int | None:
    """2020 for a table titled “十四五”…主要指标: the base year of the period it plans."""
    m = PERIOD_TOKEN.search(normalize(title).text)
    return FYP_END[m["fyp"]] - 5 if m else None


def _continues_header(cells: list[str], vocabulary: Vocabulary) -> bool:
    """True for the second row of a header over two rows (2025年 | 2030年 under 目标值)."""
    labels = [split_unit(cell_label(c), vocabulary)[0] for c in cells]
    return any(labels) and all(not x or x == "年" or is_header_cell(x) for x in labels)


def _tab_header(
    rows: list[Row], vocabulary: Vocabulary, issue_year: int | None
) -> tuple[int, int, TableHeader] | None:
    """(index of the first header row, header row count, header) among the first rows of a
    tab table: a title row (表1 主要指标, one merged cell) may come before the header, and a
    header may take two rows (目标值 over 2025年 | 2030年)."""
    for k, row in enumerate(rows[:3]):
        texts = _texts(row)
        if k + 1 < len(rows) and _continues_header(_texts(rows[k + 1]), vocabulary):
            leaves = merge_header_rows(texts, _texts(rows[k + 1]))
            header = read_header(leaves, vocabulary, issue_year) if leaves else None
            if header:
                return k, 2, header
        header = read_header(texts, vocabulary, issue_year)
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
        rows = [Row(_tab_cells(text, s, e), tabbed=True) for s, e in lines[i:j]]
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
# A footnote mark left on a line of its own (①, *) by a cell it was printed beside.
_NOTE_MARK_RE = re.compile(r"^\s*[①-⑳*※]+\s*$")
_AFTER_TABLE_RE = re.compile(
    r"^\s*(?:(?:注|备注|说明|资料来源|数据来源)\s*[：:0-9０-９]|(?:专栏|表)\s*[0-9０-９]+\s*[:：]?\S)"
)
_BARE_YEAR_RE = re.compile(r"^(?:19|20)\d\d年$")
_OF_INDICATOR_RE = re.compile(r"^(?:属性|性质|类别|分类|名称)$")
_ROLE_IN_BRACKETS_RE = re.compile(r"^[（(][\u4e00-\u9fff]{1,4}[）)]$")
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
) -> tuple[TableHeader, int, list[str]] | None:
    """The header of a one-cell-per-line table starting at line i: (header, its line count,
    its lines). A header cell split over two lines (2025 / 年, 2020年 / 基数) is one cell; a
    header over two rows (目标值 above 2025年 | 2030年) is read as its leaf columns."""
    cells: list[str] = []
    raw: list[str] = []
    j = i
    while j < len(lines):
        line = text[lines[j][0] : lines[j][1]].strip()
        label, _ = split_unit(cell_label(line), vocabulary)
        if line and label == "年" and cells and _YEAR_DIGITS_RE.match(cell_label(cells[-1])):
            cells[-1] += line  # 2025 / 年: the year wrapped in its cell
        elif cells and cell_label(cells[-1]) == "指标" and _OF_INDICATOR_RE.match(label):
            cells[-1] += line  # 指标 / 属性, 指标 / 类别: one header word over two lines
        elif (
            _ROLE_IN_BRACKETS_RE.match(line)
            and cells
            and _BARE_YEAR_RE.match(cell_label(cells[-1]))
        ):
            cells[-1] += line  # 2020年 / (现状): the role of the year's column below it
        elif (
            line
            and cells
            and not is_header_cell(label)
            and is_header_cell(cell_label(cells[-1] + line))
        ):
            cells[-1] += line  # 序 / 号: a header word printed over two lines
        elif not line or not is_header_cell(label):
            # 指标 / 名称 ...: a header word printed over two lines, the first no column word
            following = (
                text[lines[j + 1][0] : lines[j + 1][1]].strip() if j + 1 < len(lines) else ""
            )
            if not line or not following or not is_header_cell(cell_label(line + following)):
                break
            cells.append(line + following)
            raw.extend((line, following))
            j += 2
            continue
        else:
            cells.append(line)
        raw.append(line)
        j += 1
    cells = place_group_leaves(cells)
    joined: list[str] = []
    for cell in cells:
        column = value_column(split_unit(cell_label(cell), vocabulary)[0])
        if (
            joined
            and column
            and column.year is None
            and column.role in ("base", "target")
            and column.change is None  # 2025年 | 总计: a cumulative column of its own
            and _BARE_YEAR_RE.match(cell_label(joined[-1]))
        ):
            joined[-1] += cell  # 2020年 / 基数 on two lines: one cell
        else:
            joined.append(cell)
    if len(joined) < 3:
        return None
    header = read_header(joined, vocabulary, issue_year)
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
            and any(names_indicator_column(text[s:e]) for s, e in lines[i : i + 3])
            and _pdf_header(text, lines, i, vocabulary, issue_year)
        )
        if not found:
            spaced = _spaced_table(text, lines, i, vocabulary, issue_year)
            if spaced:
                tables.append(spaced[0])
                i = spaced[1]
                continue
            i += 1
            continue
        header, n_header, header_lines = found
        # NOTE: a header of one cell per line may head rows printed one per line (cells apart
        # by blanks, the 属性 before the values as in the header): the rows are cut into cells.
        cells, line_of = _cells_of_lines(text, lines, i + n_header, vocabulary)
        ends = frozenset(
            k for k in range(len(cells)) if k + 1 == len(cells) or line_of[k + 1] != line_of[k]
        )
        rows, end_cell = _pdf_rows(text, cells, 0, header, header_lines, vocabulary, ends)
        end_line = line_of[end_cell - 1] + 1 if end_cell else i + n_header
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


# A table printed one row per line reaches at most this many lines (a page break and a repeated
# header included); the rows reader stops at its end anyway.
_MAX_SPACED_TABLE_LINES = 200


def _cells_of_lines(
    text: str, lines: list[tuple[int, int]], first: int, vocabulary: Vocabulary
) -> tuple[list[tuple[int, int]], list[int]]:
    """The cells of the lines from `first` on (spaced_rows), and the line of each cell."""
    cells: list[tuple[int, int]] = []
    line_of: list[int] = []
    for k in range(first, min(len(lines), first + _MAX_SPACED_TABLE_LINES)):
        line = text[lines[k][0] : lines[k][1]]
        whole = _PAGE_NUMBER_RE.match(line) or _CONTINUED_RE.match(line)
        spans = [lines[k]] if whole else line_cells(text, *lines[k], vocabulary) or [lines[k]]
        cells.extend(spans)
        line_of.extend([k] * len(spans))
    return cells, line_of


def _spaced_table(
    text: str,
    lines: list[tuple[int, int]],
    i: int,
    vocabulary: Vocabulary,
    issue_year: int | None,
) -> tuple[_Table, int] | None:
    """The table whose header is line i when the text layer prints a row per line, cells apart
    by blanks (spaced_rows), and the index of the line after it; None for any other line.

    Its lines are cut into cells and read as a one-cell-per-line table."""
    s, e = lines[i]
    line = text[s:e]
    if (
        not names_indicator_column(line)
        or "\t" in line
        or not looks_like_row_line(text, s, e, vocabulary)
    ):
        return None
    cells, line_of = _cells_of_lines(text, lines, i, vocabulary)
    found = _pdf_header(text, cells, 0, vocabulary, issue_year)
    if not found or line_of[found[1] - 1] != i:
        return None  # the header is the one line
    header, n_header, header_lines = found
    header.period_since = _period_since(text[lines[max(0, i - 2)][0] : s])
    ends = frozenset(
        k for k in range(len(cells)) if k + 1 == len(cells) or line_of[k + 1] != line_of[k]
    )
    rows, end_cell = _pdf_rows(text, cells, n_header, header, header_lines, vocabulary, ends)
    end_line = line_of[end_cell - 1] + 1 if end_cell > n_header else i + 1
    table = _Table(s, lines[end_line - 1][1], header, " | ".join(header.labels), rows)
    return table, end_line


def _pdf_rows(
    text: str,
    lines: list[tuple[int, int]],
    j: int,
    header: TableHeader,
    header_lines: list[str],
    vocabulary: Vocabulary,
    line_ends: frozenset[int] = frozenset(),
) -> tuple[list[Row], int]:
    """The rows after a header, and the index of the line after the table.

    `lines` may be cells cut from lines printed a row each (`line_ends`: the cells that end a
    line): where 属性 is not the last column, such a row also ends with its line once its cells
    fill the columns after the indicator, one of them a value (a row without its category cell
    has fewer cells than the header).

    A row ends at its 属性 cell (约束性/预期性) when that is the last column, else after as many
    cells as the header has. An empty cell leaves no line: a row whose 属性 is empty (or that
    lacks a cell) ends where the next row starts, once it has a name and a cell for every value
    column (the next line is a name, or the next serial number). Page numbers, 续表 and the
    repeated header between pages are skipped; the table ends at a line that is no cell (prose,
    注：...) or a row that never ends.
    """
    n = len(header.labels)
    ends_with_binding = header.binding == n - 1
    rows: list[Row] = []
    end_line = j
    pending: list[Cell] = []
    kinds: list[str] = []
    pending_end = j

    def whole_without_binding() -> bool:
        values = len(list(itertools.takewhile(lambda kind: kind == "value", kinds[::-1])))
        return "name" in kinds and values >= header.n_values

    while j < len(lines):
        s, e = lines[j]
        line = text[s:e]
        if (
            not line.strip()
            or _PAGE_NUMBER_RE.match(line)
            or _CONTINUED_RE.match(line)
            or _NOTE_MARK_RE.match(line)
        ):
            j += 1
            continue
        if not pending and [text[a:b].strip() for a, b in lines[j : j + len(header_lines)]] == (
            header_lines
        ):
            j += len(header_lines)  # the header repeated on the next page
            continue
        if not _is_cell_line(line) or _AFTER_TABLE_RE.match(line):
            break
        kind = cell_kind(line, vocabulary)
        next_serial = (
            header.serial is not None
            and pending
            and line.strip().isdecimal()
            and pending[0].text.strip().isdecimal()
            and int(line) == int(pending[0].text) + 1
        )
        if pending and (kind == "name" or next_serial) and whole_without_binding():
            rows.append(Row(pending))  # the last cell was empty: 属性 left blank
            pending, kinds = [], []
            end_line = pending_end
        pending.append(Cell(line, s, e))
        kinds.append(kind)
        j += 1
        pending_end = j
        after = n - 1 - header.indicator
        if ends_with_binding:
            complete = kind == "binding"
        elif line_ends:
            complete = (
                j - 1 in line_ends
                and len(kinds) > after
                and any(k in ("value", "binding") for k in kinds[-after:])
            )
        else:
            complete = len(pending) == n
        if complete:
            rows.append(Row(pending))
            pending, kinds = [], []
            end_line = j
        elif len(pending) > n + 3:
            break  # no row ends here: the table ended before these lines
    if pending and whole_without_binding():
        rows.append(Row(pending))
        end_line = pending_end
    return rows, end_line


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
                        review_row(context, quote, row, quote,
                                    notes.note("review_table_header", text=table.header_text))
                    )  # fmt: skip
            continue
        reading.spans.append((table.start, table.end))
        if issue_year is not None:
            # NOTE: a review table (指标 | 2015年 | 2020年, a 十三五 completion table in a 2021
            # plan) states results: observations (review_tables.py), never targets.
            table.header.targets = [
                c for c in table.header.targets if c.year is None or c.year >= issue_year
            ]
        for row in table.rows:
            row_target(text, row, table.header, context, default_year, vocabulary, reading)
    return reading
