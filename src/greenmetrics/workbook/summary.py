"""The workbook's summary sheet, first for a reader: what each sheet holds and how many rows,
then the focus regions' targets, indicators, dated commitments and verdicts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .cells import cell_value, write_header_row
from .reader_tables import SHEET_ORDER, region_scorecards, sheet_region_names, word


def summary_frames(
    sheets: Mapping[str, pd.DataFrame],
    lang: str,
    regions: Sequence[str] = (),
    with_images: bool = False,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What the workbook holds (sheet, what it holds, rows) and, for `regions`, the number of
    targets, indicators and dated commitments of each."""
    # sheets drawn from others
    made = {"verdicts": "scorecard", "gap_status": "gaps", "comparison_charts": "comparison"}
    names = [
        n
        for n in SHEET_ORDER
        if n in sheets or made.get(n) in sheets or (n == "charts" and with_images)
    ]
    names += [n for n in sheets if n not in SHEET_ORDER]
    listed = []  # (sheet title, what it holds, rows)
    for n in names:
        frame = sheets.get(n)
        if n == "scorecard" and isinstance(frame, pd.DataFrame):
            per_region = region_scorecards(frame, lang, sheet_region_names(sheets, lang))
            listed += [(t, word("about", n, lang), len(p)) for t, p in per_region.items()]
            continue
        rows = len(frame) if isinstance(frame, pd.DataFrame) else None
        listed.append((word("sheet", n, lang), word("about", n, lang), rows))
    contents = pd.DataFrame(listed, columns=["sheet", "holds", "rows"])
    targets = sheets.get("targets", pd.DataFrame(columns=["region_zh"]))
    milestones = sheets.get("milestones", pd.DataFrame(columns=["region_zh"]))
    card = sheets.get("scorecard")
    rows = []
    for region in regions:
        t = targets[targets["region_zh"] == region]
        row = {
            "region_zh": region,
            "n_targets": len(t),
            "n_indicators": t["indicator_id"].nunique() if "indicator_id" in t else 0,
            "n_milestones": int((milestones["region_zh"] == region).sum()),
        }
        if isinstance(card, pd.DataFrame) and "verdict" in card:
            # counted as the scorecard chart and its sentence count them
            from ..analysis.scorecard import verdict_counts

            counts = verdict_counts(card[card["region_zh"] == region])
            row |= {"n_judged": counts["judged"], "n_met": counts["met"]}
        rows.append(row)
    columns = ["region_zh", "n_targets", "n_indicators", "n_milestones"]
    if isinstance(card, pd.DataFrame) and "verdict" in card:
        columns += ["n_judged", "n_met"]
    return contents, pd.DataFrame(rows, columns=columns)


def write_summary(ws: Worksheet, sheets, lang: str, regions, with_images: bool) -> None:
    contents, counts = summary_frames(sheets, lang, regions, with_images)
    ws.cell(row=1, column=1, value=word("text", "title", lang)).font = Font(bold=True, size=14)
    ws.cell(row=2, column=1, value=word("text", "language", lang))
    write_header_row(ws, 4, [word("text", k, lang) for k in ("sheet", "holds", "rows")])
    for i, values in enumerate(contents.itertuples(index=False, name=None), start=5):
        for j, value in enumerate(values, start=1):
            ws.cell(row=i, column=j, value=cell_value(value))
    row = 5 + len(contents) + 1
    if len(counts):
        ws.cell(row=row, column=1, value=word("text", "focus_regions", lang)).font = Font(bold=True)
        header = [word("column", "region_zh", lang)]
        header += [word("text", c, lang) for c in counts.columns[1:]]
        write_header_row(ws, row + 1, header)
        names = sheet_region_names(sheets, lang)
        for i, values in enumerate(counts.itertuples(index=False, name=None), start=row + 2):
            values = (names.get(values[0], values[0]), *values[1:])
            for j, value in enumerate(values, start=1):
                ws.cell(row=i, column=j, value=cell_value(value))
    widths = (28, 70, 14, 14, 14, 14, 14)
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
