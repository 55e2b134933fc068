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
the summary (`workbook.reader_tables.region_scorecards`: the columns a report writer reads,
not all fifty). The parts of the workbook live in the `workbook` package, one module per job;
this module assembles them and writes the file.

Determinism: openpyxl stamps the document properties with the time of saving and each zip
member with the local time, so a plain `Workbook.save` gives different bytes every run. Here the
workbook is serialised with openpyxl's `ExcelWriter` (which leaves `modified` alone), the
created/modified properties are fixed, and the zip is rewritten with a fixed timestamp per
member, so the same tables give byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from . import notes
from .files import write_atomic
from .workbook.cells import check_sheet_name, write_chart_images, write_frame
from .workbook.native_charts import write_comparison_charts, write_count_chart
from .workbook.reader_tables import (
    SHEET_ORDER,
    field_dictionary,
    fields_in_words,
    for_readers,
    in_words,
    region_scorecards,
    sheet_region_names,
    word,
)
from .workbook.summary import write_summary

FIXED_TIMESTAMP = dt.datetime(2000, 1, 1, 0, 0, 0)
ZIP_TIMESTAMP = (2000, 1, 1, 0, 0, 0)
CREATOR = "greenmetrics"


def _ordered(sheets: Mapping[str, pd.DataFrame]) -> list[str]:
    known = [s for s in SHEET_ORDER if s in sheets]
    return known + [s for s in sheets if s not in SHEET_ORDER]


class FixedTimeZipFile(zipfile.ZipFile):
    """A zip whose every member is stamped with ZIP_TIMESTAMP as it is written (a zip stores the
    local time of saving): openpyxl writes the workbook into it directly, so each member is
    compressed once, not written, read back and compressed again with a fixed date."""

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            member = zinfo_or_arcname
            member.date_time = ZIP_TIMESTAMP
        else:
            member = zipfile.ZipInfo(zinfo_or_arcname, date_time=ZIP_TIMESTAMP)
            member.compress_type = self.compression
            member.external_attr = 0o600 << 16  # what ZipFile.writestr gives a named member
        super().writestr(member, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        # openpyxl writes each worksheet from a temporary file: its mode is kept, its time not
        member = zipfile.ZipInfo.from_file(filename, arcname)
        member.compress_type = self.compression
        with open(filename, "rb") as fh:
            self.writestr(member, fh.read(), compress_type, compresslevel)


def workbook_bytes(
    sheets: Mapping[str, pd.DataFrame],
    images: Mapping[str, Path | bytes] | None = None,
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
        names = sheet_region_names(sheets, lang)
        check_sheet_name(word("sheet", "summary", lang))
        summary = wb.create_sheet(word("sheet", "summary", lang))
        write_summary(summary, sheets, lang, regions, bool(images))
    for name in _ordered(sheets):
        title = word("sheet", name, lang) if lang else name
        check_sheet_name(title)
        df = sheets[name]
        if not isinstance(df, pd.DataFrame):
            raise TypeError(f"sheet {name!r}: expected a DataFrame, got {type(df).__name__}")
        if not lang:
            write_frame(wb.create_sheet(title), df)
            continue
        if name == "scorecard":
            for region_title, part in region_scorecards(df, lang, names).items():
                check_sheet_name(region_title)
                shown = in_words(part, lang, names)
                headers = [word("column", str(c), lang) for c in shown.columns]
                write_frame(wb.create_sheet(region_title), shown, headers)
            if {"verdict", "region_zh"} <= set(df.columns):
                title = word("sheet", "verdicts", lang)
                sheet = wb.create_sheet(title)
                write_count_chart(sheet, df, "verdict", VERDICT_COLORS, title, lang, names)
            continue
        if name == "fields":
            # a reader's sheets show notes, never their code columns
            shown, headers = fields_in_words(df[~df["column"].map(notes.is_code_column)], lang)
        else:
            shown = df
            if name in ("gaps", "observations"):  # the sheets a reader sees a cut of
                shown = for_readers(df, name, lang)
            shown = in_words(shown, lang, names)
            headers = [word("column", str(c), lang) for c in shown.columns]
        write_frame(wb.create_sheet(title), shown, headers)
        if name == "gaps" and "status" in df and "region_zh" in df:
            title = word("sheet", "gap_status", lang)
            write_count_chart(
                wb.create_sheet(title), df, "status", STATUS_COLORS, title, lang, names
            )
        if name == "comparison" and {"indicator_id", "region_zh", "value"} <= set(df.columns):
            ws = wb.create_sheet(word("sheet", "comparison_charts", lang))
            write_comparison_charts(ws, df, lang, names)
    if images:
        write_chart_images(
            wb.create_sheet(word("sheet", "charts", lang) if lang else "charts"), images
        )
    wb.properties.creator = CREATOR
    wb.properties.lastModifiedBy = CREATOR
    wb.properties.created = FIXED_TIMESTAMP
    wb.properties.modified = FIXED_TIMESTAMP
    buffer = io.BytesIO()
    # NOTE: Workbook.save() would overwrite `modified` with the current time; ExcelWriter
    # writes the properties as set.
    with FixedTimeZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).write_data()
    return buffer.getvalue()


def write_workbook(
    path: Path,
    sheets: Mapping[str, pd.DataFrame],
    images: Mapping[str, Path | bytes] | None = None,
    fields: pd.DataFrame | None = None,
    lang: str | None = None,
    regions: Sequence[str] = (),
) -> Path:
    """Write the report workbook to `path` whole or not at all; return the path.

    One styled sheet per frame in `sheets` (bold filled header, frozen header row, auto-filter,
    widths from the content with CJK counted double, years without separators, values with up
    to two decimals, long quotes wrapped), a 'fields' sheet (`fields`, or the field dictionary
    of the declared tables) and, when `images` (title -> PNG file or bytes) is given, a 'charts' sheet with
    them embedded. The bytes are built in memory and moved into place, so an error leaves any
    previous workbook intact. `lang` and `regions`: see `workbook_bytes`.
    """
    path = Path(path)
    write_atomic(path, workbook_bytes(sheets, images, fields, lang, regions))
    return path
