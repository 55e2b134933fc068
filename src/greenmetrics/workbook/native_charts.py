"""Excel's own charts in the workbook, each over the small table it reads: targets by verdict
and region, gaps by status and region (stacked bars in the report charts' colours), and one bar
chart per widely targeted indicator of the cross-region comparison."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .. import words
from .cells import cell_value, write_header_row
from .reader_tables import word

MAX_NATIVE_CHARTS = 12  # indicators charted on the comparison charts sheet
CHART_ROWS = 16  # rows one native chart spans


def write_comparison_charts(ws: Worksheet, comparison: pd.DataFrame, lang, names) -> int:
    """One bar chart per indicator (the most widely targeted first): comparable target values
    by region, over a small table it reads from. Returns the number of charts."""
    rows = comparison
    if "has_target" in rows:
        rows = rows[rows["has_target"].fillna(False).astype(bool)]
    if "is_comparable" in rows:
        rows = rows[rows["is_comparable"].fillna(True).astype(bool)]
    rows = rows[rows["value"].notna()]
    if rows.empty:
        return 0
    counts = rows.groupby("indicator_id")["region_zh"].nunique()
    counts = counts[counts >= 2]
    order = sorted(counts.index, key=lambda i: (-counts[i], i))[:MAX_NATIVE_CHARTS]
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 14
    row = 1
    name_column = "indicator_zh" if lang == "zh" else "indicator_en"
    for indicator in order:
        part = rows[rows["indicator_id"] == indicator]
        unit = part["unit"].mode().iloc[0] if part["unit"].notna().any() else ""
        part = part[part["unit"].fillna("") == (unit or "")].drop_duplicates("region_zh")
        first = part.iloc[0]
        title = str(first.get(name_column) or first.get("indicator_zh") or indicator)
        title = f"{title} ({unit})" if unit else title
        ws.cell(row=row, column=1, value=title).font = Font(bold=True)
        write_header_row(
            ws, row + 1, [word("column", "region_zh", lang), word("column", "value", lang)]
        )
        for i, (region, value) in enumerate(zip(part["region_zh"], part["value"], strict=True)):
            ws.cell(row=row + 2 + i, column=1, value=names.get(region, region))
            ws.cell(row=row + 2 + i, column=2, value=cell_value(value))
        last = row + 1 + len(part)
        chart = BarChart()
        chart.type = "bar"
        chart.title = title
        chart.legend = None
        chart.y_axis.title = unit or None
        chart.add_data(
            Reference(ws, min_col=2, min_row=row + 1, max_row=last), titles_from_data=True
        )
        chart.set_categories(Reference(ws, min_col=1, min_row=row + 2, max_row=last))
        chart.height, chart.width = 7.5, 16
        ws.add_chart(chart, f"D{row}")
        row = max(last + 2, row + CHART_ROWS)
    return len(order)


def excel_fills(colors: Mapping[str, str]) -> dict[str, str]:
    """A chart colour table ('#1a9850') as Excel writes fills ('1A9850'), in the same order."""
    return {code: color.removeprefix("#").upper() for code, color in colors.items()}


def write_count_chart(
    ws: Worksheet,
    frame: pd.DataFrame,
    column: str,
    colors: Mapping[str, str],
    title: str,
    lang,
    names,
) -> None:
    """Targets per value of `column` (in the order and colours of `colors`, the report charts'
    table) and region, and a stacked bar chart of them: the table the chart reads sits beside it."""
    colors = excel_fills(colors)
    found = [c for c in colors if (frame[column] == c).any()]
    table = pd.crosstab(frame["region_zh"], frame[column]).reindex(columns=found, fill_value=0)
    table = table.reindex(list(dict.fromkeys(frame["region_zh"])))  # the frame's region order
    headers = [word("column", "region_zh", lang)]
    headers += [words.code_word(column, c, lang) for c in found]
    write_header_row(ws, 1, headers)
    for i, (region, counts) in enumerate(table.iterrows(), start=2):
        ws.cell(row=i, column=1, value=names.get(region, region))
        for j, count in enumerate(counts, start=2):
            ws.cell(row=i, column=j, value=int(count))
    ws.column_dimensions["A"].width = 24
    if table.empty:
        return
    chart = BarChart()
    chart.type, chart.grouping, chart.overlap = "bar", "stacked", 100
    chart.title = title
    chart.y_axis.title = word("text", "n_status", lang)
    chart.x_axis.scaling.orientation = "maxMin"  # first region on top, as in the table
    last = len(table) + 1
    chart.add_data(
        Reference(ws, min_col=2, max_col=len(found) + 1, min_row=1, max_row=last),
        titles_from_data=True,
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
    for series, value in zip(chart.series, found, strict=True):
        series.graphicalProperties.solidFill = colors[value]
        series.graphicalProperties.line.solidFill = colors[value]
    chart.height, chart.width = max(7.5, 0.6 * len(table)), 18
    ws.add_chart(chart, f"{get_column_letter(len(found) + 3)}2")
