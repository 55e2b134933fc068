"""Indicator tables (主要指标表): one target per row, read through the table's header.

Plans put their main targets in a table: 指标 | 单位 | 2020年 | 2025年 | 属性, one row per
indicator (单位GDP能耗降低（%） | - | [13.5] | 约束性). The readers give a .docx or HTML row as
one line with its cells joined by a tab; a PDF gives one cell per line (pypdf), and a table
split over pages has a page number and the repeated header between its rows. Both shapes are
found here in the decoded text; the header says which column is the indicator, the unit, the
base year, the target year and the 属性 (约束性/预期性); each row gives a target whose quote is
the whole row. A target cell that is no number (完成省下达目标) and every row of a table whose
header is not understood go to review, never silently dropped.

How plans write the cells: [13.5] or 〔13.5〕 is the five-year cumulative (an increment, or a
reduction when the indicator says 降低/下降/减少); ≥30 / >30 / 30以上 is ge, ≤1.3 / <1.3 is le,
约13 / 13左右 approx; - or — or an empty cell states no target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..schemas import RATE_UNITS
from ..text import normalize
from .records import PlanContext, TargetRecord
from .vocabulary import FYP_END, NUM, VOCABULARY, Vocabulary

# ---------------------------------------------------------------------------------------------
# The header: what each column holds
# ---------------------------------------------------------------------------------------------

# Header words as Chinese plans write them (a unit may follow in brackets: 2025年（%）).
_SERIAL_RE = re.compile(r"^(?:序号|编号|序)$")
_CATEGORY_RE = re.compile(r"^(?:指标)?(?:类别|分类|领域|方面|维度|类型)$|^一级指标$")
_INDICATOR_RE = re.compile(r"^(?:主要|具体|核心|二级)?指标(?:名称|内容)?$")
_UNIT_RE = re.compile(r"^(?:计量)?单位$")
_BINDING_RE = re.compile(r"^(?:指标)?(?:属性|性质)$")
_IGNORED_RE = re.compile(r"^(?:备注|说明|责任单位|牵头单位|数据来源|指标说明)$")
_YEAR_PART = r"(?P<year>(?:19|20)\d\d)\s*年?(?:底|末)?"
_PERIOD_PART = r"[“\"]?十(?P<fyp>[一二三四五六七八九])五[”\"]?(?:末期?|期末|时期)?"
_VALUE_COLUMN_RE = re.compile(
    rf"^(?:{_YEAR_PART}|{_PERIOD_PART})?"
    r"(?:(?P<base>基期|基准|基数|基年|现状|现值)|(?P<target>目标|规划|预期))?"
    r"(?:值|数值|水平|年|情况)?$"
)
# A unit written in brackets at the end of a header or indicator cell: 2025年（%）, PM2.5（μg/m³）.
_BRACKET_UNIT_RE = re.compile(r"^(?P<label>.*?)\s*[（(](?P<unit>[^（）()]{1,12})[）)]\s*$")

_BINDING_WORDS = (("约束", "binding"), ("预期", "expected"))


@dataclass
class _Header:
    """Which column holds what (column indexes), and the years the header states."""

    labels: list[str]
    indicator: int
    target: int
    target_year: int | None
    unit: int | None = None
    base: int | None = None
    base_year: int | None = None
    binding: int | None = None
    serial: int | None = None
    category: int | None = None
    units: dict[int, str] = field(default_factory=dict)  # a unit in the header cell itself


def _label(cell: str) -> str:
    return re.sub(r"\s+", "", normalize(cell).text)


def _split_unit(text: str, vocabulary: Vocabulary) -> tuple[str, str]:
    """('单位GDP能耗降低', '%') from '单位GDP能耗降低（%）'; a bracket that is no unit stays."""
    m = _BRACKET_UNIT_RE.match(text)
    if m and _is_unit(normalize(m.group("unit")).text.strip(), vocabulary):
        return m.group("label").strip(), normalize(m.group("unit")).text.strip()
    return text.strip(), ""


def _is_unit(text: str, vocabulary: Vocabulary) -> bool:
    # NOTE: units without CJK (%, μg/m³, m³/万元) are too varied to list; a CJK unit must be
    # one of the policy words (万吨, 吨标准煤/万元 ...), so that （含县城） stays in the name.
    if not text or len(text) > 12:
        return False
    if not re.search(r"[\u4e00-\u9fff]", text):
        return not re.search(r"\d{2}", text)
    return "/" in text or re.fullmatch(vocabulary.unit_re, text) is not None


def _read_header(cells: list[str], vocabulary: Vocabulary) -> _Header | None:
    """The header of an indicator table, or None when `cells` is not one we understand: it
    needs an indicator column and a target column (a year, 目标值 or 十四五)."""
    roles: dict[str, int] = {}
    units: dict[int, str] = {}
    base_cols: list[tuple[int, int | None]] = []
    target_cols: list[tuple[int, int | None]] = []
    plain_years: list[tuple[int, int]] = []
    for i, cell in enumerate(cells):
        label, unit = _split_unit(_label(cell), vocabulary)
        if unit:
            units[i] = unit
        for role, pattern in (
            ("serial", _SERIAL_RE),
            ("category", _CATEGORY_RE),
            ("indicator", _INDICATOR_RE),
            ("unit", _UNIT_RE),
            ("binding", _BINDING_RE),
        ):
            if pattern.match(label) and role not in roles:
                roles[role] = i
                break
        else:
            m = _VALUE_COLUMN_RE.match(label)
            if not label or _IGNORED_RE.match(label) or not m:
                continue
            year = int(m["year"]) if m["year"] else FYP_END.get(m["fyp"] or "")
            if m["base"]:
                base_cols.append((i, year))
            elif m["target"]:
                target_cols.append((i, year))
            elif year is not None:
                plain_years.append((i, year))
    if "indicator" not in roles:
        return None
    if not target_cols and plain_years:
        # NOTE: 2020年 | 2025年: the latest year is the target, an earlier one the base.
        target_cols.append(max(plain_years, key=lambda iy: iy[1]))
    if not target_cols:
        return None
    target, target_year = target_cols[-1]
    if not base_cols:
        base_cols = [iy for iy in plain_years if target_year is None or iy[1] < target_year]
    base, base_year = min(base_cols, key=lambda iy: iy[1] or 0) if base_cols else (None, None)
    return _Header(
        labels=list(cells),
        indicator=roles["indicator"],
        target=target,
        target_year=target_year,
        unit=roles.get("unit"),
        base=base,
        base_year=base_year,
        binding=roles.get("binding"),
        serial=roles.get("serial"),
        category=roles.get("category"),
        units=units,
    )


# ---------------------------------------------------------------------------------------------
# Cells: a number with its comparator, a dash, or text
# ---------------------------------------------------------------------------------------------

_NO_VALUE_RE = re.compile(r"^[-—–－―─/／…无\s]*$")
_CUMULATIVE_RE = re.compile(
    r"^(?P<pre>[^\[〔［【]*)[\[〔［【](?P<inner>[^\]〕］】]*)[\]〕］】](?P<post>.*)$"
)
_GE_BEFORE = ("≥", "≧", ">=", ">", "不低于", "不少于", "大于", "高于", "超过")
_LE_BEFORE = ("≤", "≦", "<=", "<", "不高于", "不超过", "小于", "低于")
_APPROX_BEFORE = ("约",)
_AFTER = {"以上": "ge", "以下": "le", "以内": "le", "左右": "approx"}


@dataclass
class _Value:
    value: float
    comparator: str
    cumulative: bool  # bracketed: the five-year cumulative
    unit: str
    aspirational: bool


def _read_value(cell: str, vocabulary: Vocabulary) -> _Value | str | None:
    """A cell as a value; None for a dash or an empty cell (no target); "text" for words."""
    text = re.sub(r"\s+", "", normalize(cell).text)
    if _NO_VALUE_RE.match(text):
        return None
    cumulative = False
    m = _CUMULATIVE_RE.match(text)
    if m:
        cumulative = True
        text = m["pre"] + m["inner"] + m["post"]
    aspirational = text.startswith(("力争", "争取"))
    if aspirational:
        text = text[2:]
    comparator = "eq"
    for words, comp in ((_GE_BEFORE, "ge"), (_LE_BEFORE, "le"), (_APPROX_BEFORE, "approx")):
        word = next((w for w in words if text.startswith(w)), None)
        if word:
            comparator, text = comp, text[len(word) :]
            break
    number = re.match(rf"(?P<lo>{NUM})(?:-(?P<hi>{NUM}))?", text)
    if not number:
        return "text"
    rest = text[number.end() :]
    unit_m = re.match(vocabulary.unit_re, rest)
    unit = unit_m.group(0) if unit_m else ""
    rest = rest[len(unit) :]
    if rest in _AFTER:
        comparator, rest = _AFTER[rest], ""
    if rest:
        return "text"
    if number["hi"] and comparator == "eq":
        comparator = "ge"  # a range 13-15 is at least its lower end, as in prose
    value = float(number["lo"].replace(",", ""))
    return _Value(value, comparator, cumulative, unit, aspirational)


def _binding(cell: str) -> str | None:
    return next((code for word, code in _BINDING_WORDS if word in cell), None)


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


def _tab_tables(text: str, lines: list[tuple[int, int]], vocabulary: Vocabulary) -> list[_Table]:
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
        rows = [_Row(_tab_cells(text, s, e)) for s, e in lines[i:j]]
        # A title row (表1 主要指标, one merged cell) may come before the header.
        at = next(
            (k for k, row in enumerate(rows[:3]) if _read_header(_texts(row), vocabulary)), None
        )
        header = _read_header(_texts(rows[at]), vocabulary) if at is not None else None
        at = at or 0
        first = rows[at] if header else rows[0]
        tables.append(
            _Table(
                lines[i][0],
                lines[j - 1][1],
                header,
                " | ".join(c.text for c in first.cells),
                rows[at + 1 :] if header else rows,
            )
        )
        i = j
    return tables


# A PDF page number between the pages of a table: - 2 -, — 3 —, 第2页, 2/10.
_PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页|\d{1,4}\s*/\s*\d{1,4})\s*$"
)
_CONTINUED_RE = re.compile(r"^\s*(?:续表|续上表|表\s*\d*.*[（(]续[)）])")
_AFTER_TABLE_RE = re.compile(r"^\s*(?:注|备注|说明|资料来源|数据来源)\s*[：:0-9０-９]")
_BARE_YEAR_RE = re.compile(r"^(?:19|20)\d\d年$")
_MAX_CELL = 40  # a longer line is prose, not a cell
_MAX_HEADER_CELL = 16
_SECTION_ROW_RE = re.compile(r"^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]+[)）]")


def _is_cell_line(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= _MAX_CELL and not stripped.endswith(("。", "；", "："))


def _pdf_header(
    text: str, lines: list[tuple[int, int]], i: int, vocabulary: Vocabulary
) -> tuple[_Header, int, list[str]] | None:
    """The header of a one-cell-per-line table starting at line i: (header, its line count,
    its lines). Header cells split over two lines (2020年 / 基数) are joined."""
    cells: list[str] = []
    raw: list[str] = []
    j = i
    while j < len(lines):
        line = text[lines[j][0] : lines[j][1]].strip()
        label, _ = _split_unit(_label(line), vocabulary)
        if not line or not _is_header_word(label):
            break
        m = _VALUE_COLUMN_RE.match(label)
        if cells and m and (m["base"] or m["target"]) and _BARE_YEAR_RE.match(_label(cells[-1])):
            cells[-1] += line  # 2020年 / 基数 on two lines: one cell
        else:
            cells.append(line)
        raw.append(line)
        j += 1
    if len(cells) < 3:
        return None
    header = _read_header(cells, vocabulary)
    return (header, j - i, raw) if header else None


def _is_header_word(label: str) -> bool:
    if any(
        p.match(label)
        for p in (_SERIAL_RE, _CATEGORY_RE, _INDICATOR_RE, _UNIT_RE, _BINDING_RE, _IGNORED_RE)
    ):
        return True
    m = _VALUE_COLUMN_RE.match(label)
    return bool(label and m and (m["year"] or m["fyp"] or m["base"] or m["target"]))


def _pdf_tables(text: str, lines: list[tuple[int, int]], vocabulary: Vocabulary) -> list[_Table]:
    """Tables whose cells come one per line (PDF), read from a recognised header on."""
    tables: list[_Table] = []
    i = 0
    while i < len(lines):
        # Cheap test first (this runs on every line of every plan): a header starts with a
        # short line, and its indicator column (指标) comes within its first three cells.
        found = (
            lines[i][1] - lines[i][0] <= _MAX_HEADER_CELL
            and any("指标" in text[s:e] for s, e in lines[i : i + 3])
            and _pdf_header(text, lines, i, vocabulary)
        )
        if not found:
            i += 1
            continue
        header, n_header, header_lines = found
        rows, end_line = _pdf_rows(text, lines, i + n_header, header, header_lines)
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


def _pdf_rows(
    text: str,
    lines: list[tuple[int, int]],
    j: int,
    header: _Header,
    header_lines: list[str],
) -> tuple[list[_Row], int]:
    """The rows after a header, and the index of the line after the table.

    A row ends at its 属性 cell (约束性/预期性) when that is the last column, else after as many
    cells as the header has. Page numbers, 续表 and the repeated header between pages are
    skipped; the table ends at a line that is no cell (prose, 注：...) or a row that never ends.
    """
    n = len(header.labels)
    ends_with_binding = header.binding == n - 1
    rows: list[_Row] = []
    end_line = j
    pending: list[_Cell] = []
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
        pending.append(_Cell(line, s, e))
        j += 1
        complete = (
            _binding(line.strip()) is not None and len(line.strip()) <= 4
            if ends_with_binding
            else len(pending) == n
        )
        if complete:
            rows.append(_Row(pending))
            pending = []
            end_line = j
        elif len(pending) > n + 3:
            break  # no row ends here: the table ended before these lines
    return rows, end_line


# ---------------------------------------------------------------------------------------------
# Rows -> targets
# ---------------------------------------------------------------------------------------------


def _assign(row: _Row, header: _Header) -> dict[str, list[_Cell]] | None:
    """The cells of a row by role. A row with fewer cells than the header (a merged category
    cell, an empty PDF cell that left no line) or more (an indicator wrapped over lines) is
    read from the right for the columns after the indicator and from the left before it."""
    cells = [c for c in row.cells]
    n = len(header.labels)
    after = n - header.indicator - 1
    if len(cells) == n:
        by_index = {i: [c] for i, c in enumerate(cells)}
    else:
        if len(cells) < after + 1:
            return None
        by_index = {n - after + k: [c] for k, c in enumerate(cells[len(cells) - after :])}
        head = cells[: len(cells) - after]
        if header.serial is not None and len(head) > 1 and _is_serial(head[0].text):
            by_index[header.serial] = [head.pop(0)]
        if header.category is not None and len(head) > 1:
            by_index[header.category] = [head.pop(0)]
        head = [c for c in head if not (len(head) > 1 and _SECTION_ROW_RE.match(c.text.strip()))]
        by_index[header.indicator] = head
    roles = {}
    for role in ("indicator", "unit", "base", "target", "binding"):
        index = getattr(header, role)
        if index is not None and index in by_index:
            roles[role] = by_index[index]
    return roles


def _is_serial(text: str) -> bool:
    return re.fullmatch(r"\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})[、.．]?\s*", text) is not None


def _joined(cells: list[_Cell]) -> str:
    return "".join("".join(c.text.split()) for c in cells)


def read_indicator_tables(
    text: str,
    context: PlanContext,
    default_year: int,
    vocabulary: Vocabulary = VOCABULARY,
) -> TableReading:
    """The indicator tables of a plan's decoded text: targets, review rows and table spans."""
    lines = _lines(text)
    reading = TableReading()
    for table in sorted(
        _tab_tables(text, lines, vocabulary) + _pdf_tables(text, lines, vocabulary),
        key=lambda t: t.start,
    ):
        if table.header is None:
            for row in table.rows:
                quote = text[row.start : row.end]
                if re.search(r"[0-9０-９]", quote):
                    reading.unread_rows.append(
                        _review_row(context, quote, row, quote, "the header of this table was "
                                    f"not understood ({table.header_text}): read the row by hand")
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


def _row_target(
    text: str,
    row: _Row,
    header: _Header,
    context: PlanContext,
    default_year: int,
    vocabulary: Vocabulary,
    reading: TableReading,
) -> None:
    roles = _assign(row, header)
    quote = text[row.start : row.end]
    if roles is None or "target" not in roles or not roles.get("indicator"):
        return  # a section row (一、绿色生产) or a note spanning the table: nothing to read
    name, unit = _split_unit(_joined(roles["indicator"]), vocabulary)
    name = re.sub(r"^(?:\d{1,3}|[一二三四五六七八九十]{1,3})[、.．]", "", name).rstrip("*※")
    if not re.search(r"[\u4e00-\u9fff]", name):
        return
    target_cell = _joined(roles["target"])
    value = _read_value(target_cell, vocabulary)
    if value is None:
        return  # - or —: the plan sets no target for this indicator
    if isinstance(value, str):
        reading.review.append(
            _review_row(context, target_cell, row, quote, "the target cell of an indicator table "
                        "is not a number: read the target by hand (an add override)")
        )  # fmt: skip
        return
    if "unit" in roles:
        column_unit = normalize(_joined(roles["unit"])).text
        if not _NO_VALUE_RE.match(column_unit):
            unit = column_unit
    unit = unit or header.units.get(header.target, "") or value.unit
    base = _read_value(_joined(roles["base"]), vocabulary) if "base" in roles else None
    # NOTE: a bracketed base cell is the previous period's cumulative, not a value of the year.
    baseline_value = base.value if isinstance(base, _Value) and not base.cumulative else None
    reduction = any(word in name for word in vocabulary.reduction_verbs)
    if reduction:
        kind = "reduction"
    elif (
        value.cumulative
        or unit.endswith("百分点")
        or (unit not in RATE_UNITS and vocabulary.increment_re.match(name))
    ):
        kind = "increment"
    else:
        kind = "level"
    has_base = reduction or value.cumulative or baseline_value is not None
    binding = _binding(_joined(roles["binding"])) if "binding" in roles else None
    reading.targets.append(
        TargetRecord(
            doc_id=context.doc_id,
            indicator_zh=name,
            value=value.value,
            unit=unit,
            comparator=value.comparator,
            kind=kind,
            target_year=header.target_year or default_year,
            baseline_year=header.base_year if has_base else None,
            scope_zh="",
            aspirational=int(value.aspirational),
            year_inferred=int(header.target_year is None),
            quote=quote,
            char_start=row.start,
            char_end=row.end,
            baseline_value=baseline_value,
            binding=binding,
        )
    )
