"""Bulletin tables as text layers print them: the tables of a 统计公报 that give a year's level
and its change on the year before, one row per product or indicator.

    表4  2023年主要能源产品产量
    产品名称  单位  产量  比上年增长(%)
    原煤  万吨  586.4  -12.3

or the same cells one per line (a PDF reader that breaks every cell). The header names the
columns: the row's name (产品名称, 指标, 项目), its unit (单位, 计量单位), levels (产量,
绝对数, 年末数 ...) and the change on the year before (比上年增长, 比上年增减, 同比 ±). Each cell
gives one observation: a level of the bulletin's year, or a change with the year before as its
baseline (a negative growth is a fall: its name says 下降 and its value is the size). A header
with no row, or a row of bare numbers with no name, gives nothing.

Why by hand: as for review tables, the rows are text; no table object survives the text layer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import simplified
from .records import ObservationRecord
from .review_tables import plain_line

_NAME_LABEL_RE = re.compile(r"^(?:产品名称|指标名称|指标|项目|名称|品种|类别)$")
_UNIT_LABEL_RE = re.compile(r"^(?:计量)?单位$")
_CHANGE_LABEL_RE = re.compile(r"比上年|增长|增减|同比|±|增幅|增速")
_BRACKET_RE = re.compile(r"[（(]\s*([^（()）]{1,10}?)\s*[)）]$")
_NUMBER_RE = re.compile(r"^[-−—–]?\d+(?:\.\d+)?$|^[—－-]+$")
_UNIT_CELL_RE = re.compile(
    r"^(?:%|‰|(?:万|亿|千)?(?:吨|千瓦时|千瓦|立方米|平方米|公顷|亩|元|美元|人|人次|户|辆|台|个|家|座|"
    r"公里|千米|米|件|项|套|张|床|所|部|吨标准煤|吨公里|人公里|标准箱)(?:/[^\s]{1,6})?|"
    r"微克/立方米|毫克/立方米|天|小时|岁|‰|倍)$"
)
_SENTENCE_RE = re.compile(r"[，。；：:,]|[\u4e00-\u9fa5]{16,}")
_TITLE_YEAR_RE = re.compile(r"((?:19|20)\d\d)\s*年")


@dataclass(frozen=True)
class _Column:
    role: str  # name, unit, level or change
    unit: str  # the unit the header gives the column (产量(万吨), 比上年增长(%))


def _is_prose(line: str) -> bool:
    return bool(_SENTENCE_RE.search(re.sub(r"^\s*其中[：:]", "", line)))


def _columns(labels: list[str]) -> list[_Column] | None:
    """The columns of a header, or None when the labels are no bulletin-table header."""
    merged: list[str] = []
    for label in labels:
        if merged and label[:1] in "(（":
            merged[-1] += label  # 比上年增长 (%): the unit a space set apart
        else:
            merged.append(label)
    labels = merged
    if len(labels) < 3 or not _NAME_LABEL_RE.match(labels[0]):
        return None
    columns = [_Column("name", "")]
    for label in labels[1:]:
        bracket = _BRACKET_RE.search(label)
        unit = bracket.group(1).replace("％", "%") if bracket else ""
        bare = label[: bracket.start()] if bracket else label
        if _UNIT_LABEL_RE.match(bare):
            columns.append(_Column("unit", ""))
        elif _CHANGE_LABEL_RE.search(bare):
            columns.append(_Column("change", unit or "%"))
        elif re.search(r"\d", bare) or not re.search(r"[\u4e00-\u9fa5]", bare):
            return None  # a year column is a review table's; a figure is no label
        else:
            columns.append(_Column("level", unit))
    if not any(c.role == "change" for c in columns):
        return None
    return columns


def _tokens(lines: list[tuple[int, str]]) -> list[tuple[int, int, str]]:
    """The cells of the lines after a header, with their offsets, until the table ends."""
    out = []
    for start, raw in lines:
        line = plain_line(raw)
        if not line.strip():
            continue
        if _is_prose(line):
            break
        for m in re.finditer(r"\S+", line):
            out.append((start + m.start(), start + m.end(), m.group(0)))
    return out


def read_bulletin_tables(text: str, year: int) -> tuple[list[dict], list[tuple[int, int]]]:
    """The cells of every bulletin table in `text` (a bulletin of `year`), as dicts of the
    observation fields, and the spans of those tables."""
    lines, pos = [], 0
    for raw in text.split("\n"):
        lines.append((pos, raw))
        pos += len(raw) + 1
    cells: list[dict] = []
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        columns, used = None, 0
        # a header in one line (cells split by spaces) or one cell per line
        one = plain_line(lines[i][1]).split()
        if not _is_prose(lines[i][1]):
            columns, used = _columns(one), 1
            if columns is None and len(one) == 1:
                for k in range(3, 7):
                    labels = [plain_line(r).strip() for _, r in lines[i : i + k]]
                    if all(labels) and not any(_is_prose(x) for x in labels):
                        columns = _columns(labels)
                        if columns:
                            used = k
                            break
        if not columns:
            i += 1
            continue
        table_year = year
        for _, title in lines[max(0, i - 2) : i]:
            found = _TITLE_YEAR_RE.search(title)
            if found and int(found.group(1)) <= year:
                table_year = int(found.group(1))
        body_start = i + used
        end = body_start
        while end < len(lines) and not _is_prose(plain_line(lines[end][1])):
            end += 1
        tokens = _tokens(lines[body_start:end])
        rows = _rows(tokens, columns)
        for row in rows:
            cells.extend(_row_cells(row, columns, table_year))
        if rows:
            spans.append((lines[i][0], rows[-1]["end"]))
        i = max(end, i + 1)
    return cells, spans


def _rows(tokens: list[tuple[int, int, str]], columns: list[_Column]) -> list[dict]:
    """Rows read from the cells: a name (one or more words), a unit when the table has a unit
    column, then one number per value column; words with no numbers after them are dropped."""
    has_unit = any(c.role == "unit" for c in columns)
    n_values = sum(c.role in ("level", "change") for c in columns)
    rows, name, start, k = [], [], None, 0
    while k < len(tokens):
        s, e, cell = tokens[k]
        if _NUMBER_RE.match(cell):
            k += 1  # a number with no name before it (a row of bare figures) is no row
            name, start = [], None
            continue
        name.append(cell)
        start = s if start is None else start
        k += 1
        unit = ""
        if has_unit and k < len(tokens) and _UNIT_CELL_RE.match(tokens[k][2]):
            unit = tokens[k][2]
            k += 1
        values = tokens[k : k + n_values]
        if len(values) == n_values and all(_NUMBER_RE.match(v[2]) for v in values):
            label = re.sub(r"^其中[：:]?", "", "".join(name))
            if re.search(r"[\u4e00-\u9fa5A-Za-z]", label):
                rows.append(
                    {"name": label, "unit": unit, "values": values, "start": start, "end": e}
                )
                rows[-1]["end"] = values[-1][1]
            name, start = [], None
            k += n_values
    return rows


def _row_cells(row: dict, columns: list[_Column], year: int) -> list[dict]:
    out = []
    values = iter(row["values"])
    for column in columns:
        if column.role not in ("level", "change"):
            continue
        _, _, cell = next(values)
        if not re.search(r"\d", cell):
            continue  # — : no figure
        number = float(cell.lstrip("-−—–"))
        fall = cell[0] in "-−—–"
        if column.role == "level":
            name, unit, kind, base = row["name"], column.unit or row["unit"], "level", None
        else:
            verb = "下降" if fall else "增长"
            name, unit, kind, base = f"{row['name']}比上年{verb}", column.unit, "change", year - 1
        out.append(
            {
                "indicator_zh": name,
                "value": number,
                "unit": unit,
                "year": year,
                "kind": kind,
                "baseline_year": base,
                "start": row["start"],
                "end": row["end"],
            }
        )
    return out


def bulletin_table_observations(
    extractor, year: int
) -> tuple[list[ObservationRecord], list[tuple[int, int]]]:
    """The observations of the bulletin tables of the document `extractor` read (a bulletin
    or report of `year`), and the spans of those tables."""
    # traditional characters read as simplified, one for one (offsets unchanged)
    cells, spans = read_bulletin_tables(simplified(extractor.text), year)
    records = [
        ObservationRecord(
            doc_id=extractor.context.doc_id,
            region_zh=None,
            division_code=None,
            indicator_zh=c["indicator_zh"],
            value=c["value"],
            unit=c["unit"],
            comparator="eq",
            year=c["year"],
            kind=c["kind"],
            baseline_year=c["baseline_year"],
            scope_zh="",
            quote=extractor.text[c["start"] : c["end"]],
            char_start=c["start"],
            char_end=c["end"],
        )
        for c in cells
    ]
    return records, spans
