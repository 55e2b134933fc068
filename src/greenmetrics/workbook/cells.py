"""Writing a frame into a styled worksheet: a bold filled header, frozen and filtered; widths
from the content with CJK counted double; years without separators; values with up to two
decimals; long text wrapped. And the sheet of chart images."""

from __future__ import annotations

import datetime as dt
import io
import math
import numbers
import re
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", start_color="2E7D32", end_color="2E7D32")
HEADER_ALIGNMENT = Alignment(vertical="center", wrap_text=False)
WRAP_ALIGNMENT = Alignment(wrap_text=True, vertical="top")
TOP_ALIGNMENT = Alignment(vertical="top")

MAX_WIDTH = 60  # characters (a CJK character counts two)
MIN_WIDTH = 6
LONG_TEXT = 50  # a text column whose longest cell is wider than this wraps
WIDTH_SAMPLE = 2000  # rows looked at to size a column
CHART_WIDTH_PX = 900
ROW_HEIGHT_PX = 20

YEAR_FORMAT = "0"  # no thousands separator: 2025, not 2,025
INTEGER_FORMAT = "0"
# Values show up to two decimals without padding zeros: 60 -> 60, 12.5 -> 12.5, 1/3 -> 0.33.
# Percent columns keep the number as written (60 for 60%): never Excel's 0% format.
VALUE_FORMATS = ("#,##0", "#,##0.0", "#,##0.00")

SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
_LONG_TEXT_COLUMNS = ("quote", "note", "meaning", "description", "title_zh", "source_title")
SHEET_NAME_MAX = 31


def display_width(text: str) -> int:
    """Width of `text` in Excel character cells: a CJK (wide) character counts two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _is_year_column(name: str) -> bool:
    return name == "year" or name.endswith("_year") or name.startswith("year_")


def _is_long_text_column(name: str) -> bool:
    return name in _LONG_TEXT_COLUMNS or name.endswith("_quote") or name.endswith("_note")


def cell_value(value: object) -> object:
    """A value openpyxl can store: NA -> None, numpy scalars -> Python, text cleaned."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()  # numpy scalar
        if isinstance(value, float) and math.isnan(value):
            return None
    if isinstance(value, str):
        # NOTE: control characters are illegal in XLSX; they carry nothing visible in a quote.
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    if isinstance(value, (pd.Timestamp, dt.datetime, dt.date)):
        return str(value)
    return value


def _value_format(value: float) -> str:
    for decimals, fmt in enumerate(VALUE_FORMATS):
        if abs(round(value, decimals) - value) < 1e-9 * max(1.0, abs(value)):
            return fmt
    return VALUE_FORMATS[-1]


def check_sheet_name(name: str) -> None:
    if not name or len(name) > 31 or SHEET_NAME_BAD.search(name):
        raise ValueError(f"invalid Excel sheet name {name!r} (1-31 characters, none of []:*?/\\)")


def write_frame(ws: Worksheet, df: pd.DataFrame, headers: Sequence[str] | None = None) -> None:
    """Fill `ws` with `df` (header row + values) and style it for reading and filtering.

    `headers` are the words shown for the columns (default: the column names); widths, number
    formats and wrapping still follow the column names."""
    columns = [str(c) for c in df.columns]
    ws.append(list(headers) if headers is not None else columns)
    for cell in ws[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = HEADER_ALIGNMENT
    kinds = {}
    for name, column in zip(columns, df.columns, strict=True):
        series = df[column]
        if _is_year_column(name):
            kinds[name] = "year"
        elif pd.api.types.is_bool_dtype(series):
            kinds[name] = "bool"
        elif pd.api.types.is_integer_dtype(series):
            kinds[name] = "int"
        elif pd.api.types.is_float_dtype(series):
            kinds[name] = "float"
        else:
            kinds[name] = "other"
    shown_headers = list(headers) if headers is not None else columns
    widths = [display_width(str(h)) + 3 for h in shown_headers]  # room for the filter button
    long_text = {name for name in columns if _is_long_text_column(name)}
    for index, row in enumerate(df.itertuples(index=False, name=None)):
        values = [cell_value(v) for v in row]
        ws.append(values)
        r = index + 2
        for j, (name, value) in enumerate(zip(columns, values, strict=True)):
            if value is None:
                continue
            cell = ws.cell(row=r, column=j + 1)
            if isinstance(value, str):
                if value.startswith("="):
                    cell.data_type = "s"  # text, never a formula
                if index < WIDTH_SAMPLE:
                    width = max(map(display_width, value.split("\n")))
                    widths[j] = max(widths[j], width + 1)
                    if width > LONG_TEXT:
                        long_text.add(name)
                continue
            if isinstance(value, bool):
                continue
            if isinstance(value, numbers.Number):
                kind = kinds[name]
                if kind == "year" or (kind == "other" and _is_year_column(name)):
                    cell.number_format = YEAR_FORMAT
                    shown = f"{value:.0f}"
                elif isinstance(value, numbers.Integral) and kind != "float":
                    cell.number_format = INTEGER_FORMAT
                    shown = str(value)
                else:
                    cell.number_format = _value_format(float(value))
                    shown = f"{float(value):,.2f}"
                if index < WIDTH_SAMPLE:
                    widths[j] = max(widths[j], len(shown) + 1)
    for j, name in enumerate(columns):
        letter = get_column_letter(j + 1)
        ws.column_dimensions[letter].width = max(MIN_WIDTH, min(MAX_WIDTH, widths[j]))
        alignment = WRAP_ALIGNMENT if name in long_text else TOP_ALIGNMENT
        for (cell,) in ws.iter_rows(min_row=2, min_col=j + 1, max_col=j + 1):
            cell.alignment = alignment
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(max(len(columns), 1))}{max(len(df) + 1, 1)}"


def write_chart_images(ws: Worksheet, images: Mapping[str, Path | bytes]) -> None:
    """Embed each PNG (a file, or its bytes as a report run draws them) under a title cell,
    scaled to a common width, one below the other."""
    ws.column_dimensions["A"].width = 80
    row = 1
    for title, png in images.items():
        if isinstance(png, bytes):
            source = io.BytesIO(png)  # read once, when the workbook is written
        else:
            source = str(png)
            if not Path(png).exists():
                raise FileNotFoundError(f"chart image {png} (for {title!r}) does not exist")
        ws.cell(row=row, column=1, value=str(title)).font = Font(bold=True, size=12)
        image = Image(source)
        if image.width > CHART_WIDTH_PX:
            image.height = round(image.height * CHART_WIDTH_PX / image.width)
            image.width = CHART_WIDTH_PX
        ws.add_image(image, f"A{row + 1}")
        row += 2 + math.ceil(image.height / ROW_HEIGHT_PX) + 1


def write_header_row(ws: Worksheet, row: int, values: Sequence[object]) -> None:
    for j, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=j, value=value)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGNMENT
