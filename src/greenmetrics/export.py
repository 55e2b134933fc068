"""The Excel workbook for report writers: one styled sheet per table, the field dictionary and
the key charts, written deterministically and atomically.

With a language (`lang="zh"` or `"en"`, as `greenmetrics report --lang` gives) the workbook
is for people, not programs: a summary sheet first (what each sheet holds, the seed regions'
target counts), sheet names, column headers and coded values (`no_data`, `level`, `ge`) in
words of that language (data/words.csv, which a researcher can reword), the analysis' notes
and the field dictionary's meanings in that language too, native Excel
charts of the cross-region comparison and of the gaps' status, then the figures. Without a
language the sheets hold the tables as the code has them (snake_case headers and codes).
A scorecard frame, given as the sheet "scorecard", becomes one sheet per region right after
the summary (`region_scorecards`: the columns a report writer reads, not all fifty).

Determinism: openpyxl stamps the document properties with the time of saving and each zip
member with the local time, so a plain `Workbook.save` gives different bytes every run. Here the
workbook is serialised with openpyxl's `ExcelWriter` (which leaves `modified` alone), the
created/modified properties are fixed, and the zip is rewritten with a fixed timestamp per
member, so the same tables give byte-identical files.

Why one long module: it is the one writer of one file; the sheets for people (summary,
a scorecard per region, native charts) share its cell styles and words, and apart from it
they would import the writer that imports them.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import numbers
import re
import unicodedata
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, Reference
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from . import notes, settings, words
from .files import write_atomic
from .schemas import TABLES, describe

SHEET_ORDER = (
    "summary",
    "scorecard",  # each target of each region with its verdict (analysis.scorecard)
    "verdicts",  # targets by verdict and region (native chart)
    "documents",
    "targets",
    "milestones",
    "gaps",
    "gap_status",
    "comparison",
    "comparison_charts",
    "trajectories",
    "observations",  # every observation the analysis reads, curated and extracted
    "conflicts",  # sources that disagree, the value used and the rule
    "sources",
    "fields",
    "charts",
)
FIXED_TIMESTAMP = dt.datetime(2000, 1, 1, 0, 0, 0)
ZIP_TIMESTAMP = (2000, 1, 1, 0, 0, 0)
CREATOR = "greenmetrics"

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

WORDS_FILE = words.WORDS_FILE
LANGS = words.LANGS
# Columns holding codes (no_data, level, ge ...) that a language-specific workbook shows as words.
CODE_COLUMNS = frozenset(words.CODE_KINDS)

MAX_NATIVE_CHARTS = 12  # indicators charted on the comparison charts sheet
CHART_ROWS = 16  # rows one native chart spans

_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
_LONG_TEXT_COLUMNS = ("quote", "note", "meaning", "description", "title_zh", "source_title")


def display_width(text: str) -> int:
    """Width of `text` in Excel character cells: a CJK (wide) character counts two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _is_year_column(name: str) -> bool:
    return name == "year" or name.endswith("_year") or name.startswith("year_")


def _is_long_text_column(name: str) -> bool:
    return name in _LONG_TEXT_COLUMNS or name.endswith("_quote") or name.endswith("_note")


def _cell_value(value: object) -> object:
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


def _check_sheet_name(name: str) -> None:
    if not name or len(name) > 31 or _SHEET_NAME_BAD.search(name):
        raise ValueError(f"invalid Excel sheet name {name!r} (1-31 characters, none of []:*?/\\)")


def _write_frame(ws: Worksheet, df: pd.DataFrame, headers: Sequence[str] | None = None) -> None:
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
        values = [_cell_value(v) for v in row]
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


def _write_charts(ws: Worksheet, images: Mapping[str, Path]) -> None:
    """Embed each PNG under a title cell, scaled to a common width, one below the other."""
    ws.column_dimensions["A"].width = 80
    row = 1
    for title, path in images.items():
        path = Path(path)
        if not path.exists():
            raise FileNotFoundError(f"chart image {path} (for {title!r}) does not exist")
        ws.cell(row=row, column=1, value=str(title)).font = Font(bold=True, size=12)
        image = Image(str(path))
        if image.width > CHART_WIDTH_PX:
            image.height = round(image.height * CHART_WIDTH_PX / image.width)
            image.width = CHART_WIDTH_PX
        ws.add_image(image, f"A{row + 1}")
        row += 2 + math.ceil(image.height / ROW_HEIGHT_PX) + 1


def field_dictionary(tables: Mapping[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """The field dictionary of the declared tables (those in `tables`, default all).

    Returns one row per table column (table, column, type, meaning, allowed, nullable), built
    from schemas.FIELDS so the workbook's 'fields' sheet can never disagree with the schemas.
    """
    names = [t for t in TABLES if tables is None or t in tables]
    frames = [describe(t).assign(table=t) for t in names]
    if not frames:
        return pd.DataFrame(columns=["table", "column", "type", "meaning", "allowed", "nullable"])
    df = pd.concat(frames, ignore_index=True)
    return df[["table", "column", "type", "meaning", "allowed", "nullable"]]


def _ordered(sheets: Mapping[str, pd.DataFrame]) -> list[str]:
    known = [s for s in SHEET_ORDER if s in sheets]
    return known + [s for s in sheets if s not in SHEET_ORDER]


def _normalise_zip(data: bytes) -> bytes:
    """The same zip with every member stamped with a fixed date (zip stores local save time)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_TIMESTAMP)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = info.external_attr
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


# -- words of a language --------------------------------------------------------------------


def word(kind: str, key: str, lang: str) -> str:
    """`key` (a sheet, column or summary text) in `lang`, from the one vocabulary (words.csv);
    a column or sheet with no entry reads as its name with spaces, anything else as itself."""
    if lang not in LANGS:
        raise ValueError(f"language {lang!r}: choose from {', '.join(LANGS)}")
    fallback = key.replace("_", " ") if kind in ("column", "sheet") else key
    return words.word(kind, key, lang, default=fallback)


# Columns naming a region, and columns holding a unit: in English a reader sees 'Gansu' and
# '10k mu' (the documents sheet keeps region_zh beside its own region_en).
REGION_COLUMNS = frozenset(
    ("region_zh", "province_zh", "parent_region_zh", "benchmark_region_zh", "context_region_zh")
)
UNIT_COLUMNS = frozenset(("unit", "reference_unit", "benchmark_unit"))


def _in_words(df: pd.DataFrame, lang: str, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """`df` with coded values, yes/no and the analysis' notes (`notes.in_language`) as words of
    `lang`, and in English region names (`names`, else the gazetteer's) and units in English
    (numbers and other text left alone)."""
    out = notes.in_language(df, lang)
    english = lang == "en"
    for column in out.columns:
        series = out[column]
        keeps_own = column == "region_zh" and "region_en" in out.columns
        if english and column in REGION_COLUMNS and not keeps_own:
            out[column] = series.map(
                lambda v: (names or {}).get(v) or words.region_name(v, lang)
                if isinstance(v, str) else v
            )  # fmt: skip
            continue
        if english and column in UNIT_COLUMNS:
            out[column] = series.map(lambda v: words.unit_name(v, lang))
            continue
        if pd.api.types.is_bool_dtype(series):
            yes, no = word("text", "yes", lang), word("text", "no", lang)
            out[column] = series.map(lambda v, y=yes, n=no: None if pd.isna(v) else (y if v else n))
        elif str(column) in CODE_COLUMNS and not pd.api.types.is_numeric_dtype(series):
            out[column] = series.map(lambda v, c=str(column): words.code_word(c, v, lang))
    return out


# -- the report's sheets ------------------------------------------------------------------------


def report_sheets(
    frames,
    sources: pd.DataFrame | None = None,
    as_of_year: int = settings.AS_OF_YEAR,
    first_regions: Sequence[str] = settings.FOCUS_REGIONS,
) -> dict[str, pd.DataFrame]:
    """The tables of the report workbook from the frames of a report run (documents, targets,
    milestones, benchmarks, observations, catalog, as `views.load_all` gives them): the
    per-region scorecard (judged in `as_of_year`, `first_regions` first; placed after the
    summary), the tidy tables, the gaps, the cross-region comparison, the trajectories and
    `sources`; the observations the analysis read (curated and extracted) and the conflicts
    between their sources."""
    from . import analysis

    t, d = frames.targets, frames.documents
    sheets = {
        "scorecard": analysis.scorecard(
            t,
            d,
            frames.benchmarks,
            frames.observations,
            frames.catalog,
            as_of_year=as_of_year,
            first_regions=first_regions,
        ),  # fmt: skip
        "documents": d,
        "targets": t,
        "milestones": frames.milestones,
        "gaps": analysis.target_gaps(
            t, d, frames.benchmarks, frames.observations, frames.catalog, as_of_year
        ),
        "comparison": analysis.compare_regions(t, d, benchmarks=frames.benchmarks),
        "trajectories": analysis.trajectories(
            t, d, frames.observations, frames.catalog, as_of_year=as_of_year
        ),
        "observations": frames.observations,
        "conflicts": getattr(frames, "conflicts", None),
    }
    if sheets["conflicts"] is None:
        sheets["conflicts"] = analysis.observation_conflicts(frames.observations)
    if sources is not None:
        sheets["sources"] = sources
    return sheets


# -- summary and native charts ----------------------------------------------------------------


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
            per_region = region_scorecards(frame, lang, _region_names(sheets, lang))
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
            from .analysis.scorecard import verdict_counts

            counts = verdict_counts(card[card["region_zh"] == region])
            row |= {"n_judged": counts["judged"], "n_met": counts["met"]}
        rows.append(row)
    columns = ["region_zh", "n_targets", "n_indicators", "n_milestones"]
    if isinstance(card, pd.DataFrame) and "verdict" in card:
        columns += ["n_judged", "n_met"]
    return contents, pd.DataFrame(rows, columns=columns)


def _header_row(ws: Worksheet, row: int, values: Sequence[object]) -> None:
    for j, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=j, value=value)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGNMENT


def _write_summary(ws: Worksheet, sheets, lang: str, regions, with_images: bool) -> None:
    contents, counts = summary_frames(sheets, lang, regions, with_images)
    ws.cell(row=1, column=1, value=word("text", "title", lang)).font = Font(bold=True, size=14)
    ws.cell(row=2, column=1, value=word("text", "language", lang))
    _header_row(ws, 4, [word("text", k, lang) for k in ("sheet", "holds", "rows")])
    for i, values in enumerate(contents.itertuples(index=False, name=None), start=5):
        for j, value in enumerate(values, start=1):
            ws.cell(row=i, column=j, value=_cell_value(value))
    row = 5 + len(contents) + 1
    if len(counts):
        ws.cell(row=row, column=1, value=word("text", "focus_regions", lang)).font = Font(bold=True)
        header = [word("column", "region_zh", lang)]
        header += [word("text", c, lang) for c in counts.columns[1:]]
        _header_row(ws, row + 1, header)
        names = _region_names(sheets, lang)
        for i, values in enumerate(counts.itertuples(index=False, name=None), start=row + 2):
            values = (names.get(values[0], values[0]), *values[1:])
            for j, value in enumerate(values, start=1):
                ws.cell(row=i, column=j, value=_cell_value(value))
    widths = (28, 70, 14, 14, 14, 14, 14)
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width


def _region_names(sheets: Mapping[str, pd.DataFrame], lang: str) -> dict[str, str]:
    """region_zh -> the full name shown in `lang` (`words.region_names`) of every region in the
    region columns of `sheets`."""
    regions = [
        region
        for df in sheets.values()
        for column in sorted(REGION_COLUMNS & set(df.columns))
        for region in df[column].unique()
    ]
    return words.region_names(regions, lang, sheets.get("documents"))


def _write_comparison_charts(ws: Worksheet, comparison: pd.DataFrame, lang, names) -> int:
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
        _header_row(ws, row + 1, [word("column", "region_zh", lang), word("column", "value", lang)])
        for i, (region, value) in enumerate(zip(part["region_zh"], part["value"], strict=True)):
            ws.cell(row=row + 2 + i, column=1, value=names.get(region, region))
            ws.cell(row=row + 2 + i, column=2, value=_cell_value(value))
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


def _write_count_chart(
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
    _header_row(ws, 1, headers)
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


# What a report writer reads of a region's scorecard, in this order: the target, the verdict,
# what it rests on, and where each number comes from (the full frame has 50 columns).
REGION_SCORECARD_COLUMNS = (
    "indicator_zh", "comparator", "target_value", "unit", "kind", "baseline_year",
    "target_year", "observed_value", "observation_year", "verdict", "verdict_note",
    "context_region_zh", "context_value", "context_year", "province_benchmark_value",
    "country_benchmark_value", "quote", "char_start", "char_end", "doc_id", "target_id",
    "observation_source_title", "observation_source_quote", "context_source_title",
    "context_source_quote",
)  # fmt: skip
# The gaps as a report writer reads them: the target, each benchmark with its gap and why it
# does not compare, the observation and the progress, then the provenance (not the codes,
# counts and links of the full frame).
GAPS_COLUMNS = (
    "region_zh", "region_level", "indicator_zh", "kind", "comparator", "target_value", "unit",
    "target_year", "baseline_year", "scope_zh", "aspirational", "province_benchmark_value",
    "ambition_vs_province", "province_benchmark_note", "country_benchmark_value",
    "ambition_vs_country", "country_benchmark_note", "observed_value", "observation_year",
    "observation_note", "remaining_gap", "years_left", "needed_yearly_progress",
    "seen_yearly_progress", "status", "status_note", "quote", "char_start", "char_end", "doc_id",
    "target_id", "province_source_title", "province_source_quote", "country_source_title",
    "country_source_quote", "observation_source_title", "observation_source_quote",
)  # fmt: skip
# The observations as a report writer checks them: what was observed, whether it judges
# targets and why not, then where it comes from.
OBSERVATIONS_COLUMNS = (
    "origin", "region_zh", "indicator_zh", "year", "value", "unit", "comparator", "measure",
    "baseline_year", "scope_zh", "is_used", "use_note", "used_instead", "source_title",
    "doc_number", "source", "quote", "note", "doc_id", "char_start", "char_end", "observation_id",
)  # fmt: skip
SHEET_NAME_MAX = 31


def for_readers(df: pd.DataFrame, columns: Sequence[str], lang: str) -> pd.DataFrame:
    """`df` cut to `columns` (those it has, in that order) for a workbook in `lang`; in English
    the indicator column holds indicator_en (the plan's words where the catalog has none). A
    note column keeps its code columns, which `_in_words` renders and drops."""
    shown = df[[c for c in notes.with_their_codes(columns) if c in df.columns]].copy()
    if lang == "en" and "indicator_zh" in shown and "indicator_en" in df:
        english = df["indicator_en"]
        shown["indicator_zh"] = english.where(english.notna(), df["indicator_zh"])
    return shown


def region_scorecards(
    card: pd.DataFrame, lang: str, names: Mapping[str, str] | None = None
) -> dict[str, pd.DataFrame]:
    """One sheet per region of a scorecard (in the card's order): sheet title -> the region's
    rows in REGION_SCORECARD_COLUMNS (`for_readers`). Titles read '评分卡·忻府区' / 'Scorecard ·
    Xinfu District', cut to Excel's 31 characters and kept unique."""
    from .charts._sources import short_region

    head = word("sheet", "scorecard", lang)
    joiner = "·" if lang == "zh" else " · "
    out: dict[str, pd.DataFrame] = {}
    for region, part in card.groupby("region_zh", sort=False):
        shown = for_readers(part, REGION_SCORECARD_COLUMNS, lang)
        if lang == "zh":
            name = short_region(str(region))
        else:
            name = words.short_name_en((names or {}).get(region, str(region)))
        title = _SHEET_NAME_BAD.sub("", f"{head}{joiner}{name}")[:SHEET_NAME_MAX].strip()
        n = 2
        while title in out:
            suffix = f" {n}"
            title = title[: SHEET_NAME_MAX - len(suffix)] + suffix
            n += 1
        out[title] = shown.reset_index(drop=True)
    return out


def _fields_in_words(fields: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, list[str]]:
    """The field dictionary with each column's header and meaning in `lang` next to its code
    (the Chinese meanings are the `meaning` rows of words.csv)."""
    out = fields.copy()
    if lang == "zh" and "meaning" in out:
        out["meaning"] = [
            words.word("meaning", str(c), lang, default=m)
            for c, m in zip(out["column"], out["meaning"], strict=True)
        ]
    if "column" in out:
        out.insert(out.columns.get_loc("column"), "field", out["column"])
        out["column"] = out["column"].map(lambda c: word("column", str(c), lang))
    if "table" in out:
        out["table"] = out["table"].map(lambda t: word("sheet", str(t), lang))
    out = _in_words(out, lang)
    return out, [word("column", str(c), lang) for c in out.columns]


def workbook_bytes(
    sheets: Mapping[str, pd.DataFrame],
    images: Mapping[str, Path] | None = None,
    fields: pd.DataFrame | None = None,
    lang: str | None = None,
    regions: Sequence[str] = (),
) -> bytes:
    """The XLSX file of `sheets` (+ 'fields' and 'charts' sheets) as bytes, same input same bytes.

    With `lang`, for people (see the module docstring): a summary with the target counts of
    `regions`, words instead of codes, native charts. Exists apart from `write_workbook` so the
    file is complete in memory before anything touches the disk.
    """
    # NOTE: the colours are the report charts' (one table); imported here, as `region_scorecards`
    # does, so that reading a table from this module does not load matplotlib.
    from .charts.style import STATUS_COLORS, VERDICT_COLORS

    if not sheets:
        raise ValueError("no sheets to write")
    sheets = dict(sheets)
    if "fields" not in sheets:
        sheets["fields"] = fields if fields is not None else field_dictionary(sheets)
    wb = Workbook()
    wb.remove(wb.active)
    names: dict[str, str] = {}
    if lang:
        word("text", "title", lang)  # check the language before anything is built
        names = _region_names(sheets, lang)
        _check_sheet_name(word("sheet", "summary", lang))
        summary = wb.create_sheet(word("sheet", "summary", lang))
        _write_summary(summary, sheets, lang, regions, bool(images))
    for name in _ordered(sheets):
        title = word("sheet", name, lang) if lang else name
        _check_sheet_name(title)
        df = sheets[name]
        if not isinstance(df, pd.DataFrame):
            raise TypeError(f"sheet {name!r}: expected a DataFrame, got {type(df).__name__}")
        if not lang:
            _write_frame(wb.create_sheet(title), df)
            continue
        if name == "scorecard":
            for region_title, part in region_scorecards(df, lang, names).items():
                _check_sheet_name(region_title)
                shown = _in_words(part, lang, names)
                headers = [word("column", str(c), lang) for c in shown.columns]
                _write_frame(wb.create_sheet(region_title), shown, headers)
            if {"verdict", "region_zh"} <= set(df.columns):
                title = word("sheet", "verdicts", lang)
                sheet = wb.create_sheet(title)
                _write_count_chart(sheet, df, "verdict", VERDICT_COLORS, title, lang, names)
            continue
        if name == "fields":  # a reader's sheets show notes, never their code columns
            shown, headers = _fields_in_words(df[~df["column"].map(notes.is_code_column)], lang)
        else:
            shown = df
            if name in ("gaps", "observations"):
                wanted = GAPS_COLUMNS if name == "gaps" else OBSERVATIONS_COLUMNS
                shown = for_readers(df, wanted, lang)
            shown = _in_words(shown, lang, names)
            headers = [word("column", str(c), lang) for c in shown.columns]
        _write_frame(wb.create_sheet(title), shown, headers)
        if name == "gaps" and "status" in df and "region_zh" in df:
            title = word("sheet", "gap_status", lang)
            _write_count_chart(
                wb.create_sheet(title), df, "status", STATUS_COLORS, title, lang, names
            )
        if name == "comparison" and {"indicator_id", "region_zh", "value"} <= set(df.columns):
            ws = wb.create_sheet(word("sheet", "comparison_charts", lang))
            _write_comparison_charts(ws, df, lang, names)
    if images:
        _write_charts(wb.create_sheet(word("sheet", "charts", lang) if lang else "charts"), images)
    wb.properties.creator = CREATOR
    wb.properties.lastModifiedBy = CREATOR
    wb.properties.created = FIXED_TIMESTAMP
    wb.properties.modified = FIXED_TIMESTAMP
    buffer = io.BytesIO()
    # NOTE: Workbook.save() would overwrite `modified` with the current time; ExcelWriter
    # writes the properties as set.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).write_data()
    return _normalise_zip(buffer.getvalue())


def write_workbook(
    path: Path,
    sheets: Mapping[str, pd.DataFrame],
    images: Mapping[str, Path] | None = None,
    fields: pd.DataFrame | None = None,
    lang: str | None = None,
    regions: Sequence[str] = (),
) -> Path:
    """Write the report workbook to `path` whole or not at all; return the path.

    One styled sheet per frame in `sheets` (bold filled header, frozen header row, auto-filter,
    widths from the content with CJK counted double, years without separators, values with up
    to two decimals, long quotes wrapped), a 'fields' sheet (`fields`, or the field dictionary
    of the declared tables) and, when `images` (title -> PNG) is given, a 'charts' sheet with
    them embedded. The bytes are built in memory and moved into place, so an error leaves any
    previous workbook intact. `lang` and `regions`: see `workbook_bytes`.
    """
    path = Path(path)
    write_atomic(path, workbook_bytes(sheets, images, fields, lang, regions))
    return path
