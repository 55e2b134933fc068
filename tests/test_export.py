"""The report workbook: sheets, styling, number formats, embedded charts, byte-identical reruns
and atomic writes. Frames are built here."""

from __future__ import annotations

import io
import os
import zipfile

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import openpyxl  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from greenmetrics import export, notes  # noqa: E402
from greenmetrics.schemas import columns  # noqa: E402
from greenmetrics.workbook import cells, reader_tables  # noqa: E402

LONG_QUOTE = (
    "到2025年，非化石能源消费比重达到20%以上，单位地区生产总值能耗降低完成国家下达目标任务" * 2
)


def documents() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": ["gansu", "henan"],
            "region_zh": ["甘肃省", "河南省"],
            "doc_number": ["甘政发〔2021〕62号", None],
            "default_target_year": pd.array([2025, 2025], dtype="Int64"),
            "n_chars": pd.array([12345, 678], dtype="Int64"),
        }
    )


def targets() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "target_id": ["gansu-1", "gansu-2", "henan-1"],
            "doc_id": ["gansu", "gansu", "henan"],
            "region_zh": ["甘肃省", "甘肃省", "河南省"],
            "indicator_zh": ["非化石能源消费比重", "高标准农田", "单位地区生产总值能耗降低"],
            "value": [20.0, 1234.5, 13.3333],
            "unit": ["%", "万亩", "%"],
            "target_year": pd.array([2025, 2025, 2030], dtype="Int64"),
            "baseline_year": pd.array([None, None, 2020], dtype="Int64"),
            "aspirational": pd.array([0, 1, 0], dtype="Int64"),
            "quote": [LONG_QUOTE, "建成高标准农田1234.5万亩", "=能耗降低13.3333%"],
        }
    )


def gaps() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region_zh": ["甘肃省"],
            "indicator_id": ["non_fossil_share"],
            "target_value": [20.0],
            "benchmark_value": [25.0],
            "gap_pct_points": [-5.0],
            "target_year": [2025.0],  # a float year (after a merge) still shows as 2025
            "is_comparable": [True],
            "source_title": ["“十四五”现代能源体系规划"],
        }
    )


@pytest.fixture
def chart_png(tmp_path):
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([2020, 2025], [15, 20])
    path = tmp_path / "chart.png"
    fig.savefig(path, dpi=100, metadata={"Software": None})
    plt.close(fig)
    return path


def write(path, images=None):
    sheets = {"targets": targets(), "documents": documents(), "gaps": gaps()}
    return export.write_workbook(path, sheets, images=images)


def records(ws) -> list[dict]:
    """The data rows of a sheet as read back, keyed by the header row."""
    header = [c.value for c in ws[1]]
    return [dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)]


@pytest.mark.slow  # writes a workbook
def test_workbook_read_back_holds_the_frames_and_the_images(tmp_path, chart_png):
    sheets = {"targets": targets(), "documents": documents(), "gaps": gaps()}
    images = {"甲": chart_png, "乙": chart_png, "丙": chart_png}
    data = export.workbook_bytes(sheets, images=images)
    assert data == export.workbook_bytes(sheets, images=images)  # same input, same bytes
    assert export.write_workbook(tmp_path / "r.xlsx", sheets, images=images).read_bytes() == data
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["documents", "targets", "gaps", "fields", "charts"]
    for name, frame in sheets.items():
        ws = wb[name]
        assert [c.value for c in ws[1]] == list(frame.columns), name
        assert ws.max_row == len(frame) + 1, name
    # known cells of the hand-made frames, NA written as an empty cell
    rows = {name: records(wb[name]) for name in sheets}
    assert rows["documents"][1] == {
        "doc_id": "henan",
        "region_zh": "河南省",
        "doc_number": None,
        "default_target_year": 2025,
        "n_chars": 678,
    }
    assert [r["target_id"] for r in rows["targets"]] == ["gansu-1", "gansu-2", "henan-1"]
    assert rows["targets"][2]["indicator_zh"] == "单位地区生产总值能耗降低"
    assert [r["value"] for r in rows["targets"]] == [20, 1234.5, 13.3333]
    assert [r["baseline_year"] for r in rows["targets"]] == [None, None, 2020]
    assert [r["aspirational"] for r in rows["targets"]] == [0, 1, 0]
    assert rows["gaps"] == [
        {
            "region_zh": "甘肃省",
            "indicator_id": "non_fossil_share",
            "target_value": 20,
            "benchmark_value": 25,
            "gap_pct_points": -5,
            "target_year": 2025,
            "is_comparable": True,
            "source_title": "“十四五”现代能源体系规划",
        }
    ]
    charts = wb["charts"]
    assert len(charts._images) == 3
    titles = [c.value for (c,) in charts.iter_rows(min_col=1, max_col=1) if c.value]
    assert titles == ["甲", "乙", "丙"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert len([n for n in archive.namelist() if n.startswith("xl/media/")]) == 3


@pytest.mark.slow  # writes a workbook
def test_without_images_there_is_no_charts_sheet():
    data = export.workbook_bytes({"gaps": gaps()})
    assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames == ["gaps", "fields"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert not [n for n in archive.namelist() if n.startswith("xl/media/")]


@pytest.mark.slow  # writes a workbook
def test_sheets_present_in_report_order(tmp_path, chart_png):
    path = write(tmp_path / "report.xlsx", images={"对比 comparison": chart_png})
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["documents", "targets", "gaps", "fields", "charts"]


@pytest.mark.slow  # writes a workbook
def test_every_table_sheet_is_styled_for_reading(tmp_path):
    wb = openpyxl.load_workbook(write(tmp_path / "report.xlsx"))
    for name in ("documents", "targets", "gaps", "fields"):
        ws = wb[name]
        assert ws.freeze_panes == "A2", name
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
        header = ws[1]
        assert all(c.font.bold for c in header), name
        assert all(c.fill.fill_type == "solid" for c in header), name
        for letter in (c.column_letter for c in header):
            width = ws.column_dimensions[letter].width
            assert cells.MIN_WIDTH <= width <= cells.MAX_WIDTH, (name, letter, width)


@pytest.mark.slow  # writes a workbook
def test_column_widths_count_cjk_double_and_are_capped(tmp_path):
    ws = openpyxl.load_workbook(write(tmp_path / "report.xlsx"))["targets"]
    columns = {c.value: c.column_letter for c in ws[1]}
    # 单位地区生产总值能耗降低: 12 CJK characters = 24 cells
    assert ws.column_dimensions[columns["indicator_zh"]].width >= 24
    assert ws.column_dimensions[columns["quote"]].width == cells.MAX_WIDTH
    assert ws.column_dimensions[columns["unit"]].width < 12


@pytest.mark.slow  # writes a workbook
def test_number_formats(tmp_path):
    wb = openpyxl.load_workbook(write(tmp_path / "report.xlsx"))
    ws = wb["targets"]
    col = {c.value: c.column for c in ws[1]}
    for row in range(2, 5):
        year = ws.cell(row, col["target_year"])
        assert year.number_format == "0" and isinstance(year.value, int)
    assert ws.cell(4, col["baseline_year"]).number_format == "0"
    assert ws.cell(2, col["baseline_year"]).value is None  # NA stays empty
    values = [ws.cell(r, col["value"]) for r in range(2, 5)]
    assert [v.value for v in values] == [20, 1234.5, 13.3333]  # stored in full
    assert [v.number_format for v in values] == ["#,##0", "#,##0.0", "#,##0.00"]
    # percent values stay the number as written, never Excel percent (20 not 0.2 / 20%)
    assert not any("%" in v.number_format for v in values)
    g = wb["gaps"]
    gcol = {c.value: c.column for c in g[1]}
    assert g.cell(2, gcol["target_year"]).number_format == "0"
    assert g.cell(2, gcol["gap_pct_points"]).value == -5
    assert "%" not in g.cell(2, gcol["gap_pct_points"]).number_format
    assert g.cell(2, gcol["is_comparable"]).value is True
    d = wb["documents"]
    dcol = {c.value: c.column for c in d[1]}
    assert d.cell(2, dcol["default_target_year"]).number_format == "0"


@pytest.mark.slow  # writes a workbook
def test_long_quotes_wrap_and_text_is_never_a_formula(tmp_path):
    ws = openpyxl.load_workbook(write(tmp_path / "report.xlsx"))["targets"]
    col = {c.value: c.column for c in ws[1]}
    assert ws.cell(2, col["quote"]).alignment.wrap_text
    assert not ws.cell(2, col["region_zh"]).alignment.wrap_text
    formula_like = ws.cell(4, col["quote"])
    assert formula_like.value == "=能耗降低13.3333%" and formula_like.data_type == "s"


@pytest.mark.slow  # writes a workbook
def test_fields_sheet_is_the_field_dictionary(tmp_path):
    ws = openpyxl.load_workbook(write(tmp_path / "report.xlsx"))["fields"]
    header = [c.value for c in ws[1]]
    assert header == ["table", "column", "type", "meaning", "allowed", "nullable"]
    rows = [tuple(r.values()) for r in records(ws)]
    # one row per declared column, in the table's order, for the declared tables written
    # (gaps is a frame built here, not a declared table, so it has no rows)
    assert [r[1] for r in rows if r[0] == "documents"] == list(columns("documents"))
    assert [r[1] for r in rows if r[0] == "targets"] == list(columns("targets"))
    assert {r[0] for r in rows} == {"documents", "targets"}
    by_column = {(r[0], r[1]): r for r in rows}
    assert by_column[("targets", "target_year")][2] == "Int64"
    assert by_column[("targets", "comparator")][4] == "eq|ge|le|approx"
    assert "target" in by_column[("targets", "value")][3]


@pytest.mark.slow  # writes a workbook
def test_explicit_fields_frame_is_used(tmp_path):
    fields = pd.DataFrame({"column": ["gap_pct_points"], "meaning": ["target minus benchmark"]})
    path = export.write_workbook(tmp_path / "r.xlsx", {"gaps": gaps()}, fields=fields)
    ws = openpyxl.load_workbook(path)["fields"]
    assert [c.value for c in ws[2]] == ["gap_pct_points", "target minus benchmark"]


@pytest.mark.slow  # writes a workbook
def test_charts_sheet_embeds_the_images(tmp_path, chart_png):
    path = write(tmp_path / "report.xlsx", images={"甲": chart_png, "乙": chart_png})
    ws = openpyxl.load_workbook(path)["charts"]
    assert len(ws._images) == 2
    assert ws["A1"].value == "甲"
    # each image sits under its title: 乙 starts below the first image's rows
    anchors = [image.anchor._from.row + 1 for image in ws._images]  # 1-based rows
    assert anchors[0] == 2
    second_title = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "乙")
    assert anchors[1] == second_title + 1 > anchors[0] + 300 // cells.ROW_HEIGHT_PX
    with zipfile.ZipFile(path) as archive:
        media = [n for n in archive.namelist() if n.startswith("xl/media/")]
    assert len(media) == 2


@pytest.mark.slow  # writes a workbook
def test_charts_keep_the_png_bytes_and_scale_wide_ones(tmp_path, chart_png):
    fig, _ = plt.subplots(figsize=(12, 3))  # 1200 x 300 px: wider than CHART_WIDTH_PX
    wide = tmp_path / "wide.png"
    fig.savefig(wide, dpi=100, metadata={"Software": None})
    plt.close(fig)
    path = export.write_workbook(
        tmp_path / "r.xlsx", {"gaps": gaps()}, images={"wide": wide, "small": chart_png}
    )
    ws = openpyxl.load_workbook(path)["charts"]
    emu = 9525  # EMU per pixel in the drawing's anchor
    shown = [(i.anchor.ext.width // emu, i.anchor.ext.height // emu) for i in ws._images]
    assert shown == [(cells.CHART_WIDTH_PX, 225), (400, 300)]  # aspect kept; small as is
    with zipfile.ZipFile(path) as archive:
        media = sorted(n for n in archive.namelist() if n.startswith("xl/media/"))
        assert [archive.read(n) for n in media] == [wide.read_bytes(), chart_png.read_bytes()]


@pytest.mark.slow  # writes a workbook
def test_missing_chart_image_fails_before_writing(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope.png"):
        write(tmp_path / "report.xlsx", images={"x": tmp_path / "nope.png"})
    assert not list(tmp_path.iterdir())


@pytest.mark.slow  # writes a workbook
def test_rerun_gives_byte_identical_file(tmp_path, chart_png):
    a = write(tmp_path / "a.xlsx", images={"chart": chart_png}).read_bytes()
    b = write(tmp_path / "b.xlsx", images={"chart": chart_png}).read_bytes()
    assert a == b
    # independent of the clock: fixed zip member dates and document properties
    with zipfile.ZipFile(tmp_path / "a.xlsx") as archive:
        assert {i.date_time for i in archive.infolist()} == {export.ZIP_TIMESTAMP}
    props = openpyxl.load_workbook(tmp_path / "a.xlsx").properties
    assert props.created == export.FIXED_TIMESTAMP == props.modified


@pytest.mark.slow  # writes a workbook
def test_failure_mid_write_leaves_previous_workbook_intact(tmp_path, monkeypatch):
    path = write(tmp_path / "report.xlsx")
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        export.write_workbook(path, {"targets": targets().iloc[:1]})
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["report.xlsx"]  # temp file cleaned up


@pytest.mark.slow  # writes a workbook
def test_failure_while_building_leaves_previous_workbook_intact(tmp_path):
    path = write(tmp_path / "report.xlsx")
    before = path.read_bytes()
    with pytest.raises(ValueError, match="sheet name"):
        export.write_workbook(path, {"targets": targets(), "bad/name": gaps()})
    assert path.read_bytes() == before


def test_display_width():
    assert cells.display_width("abc") == 3
    assert cells.display_width("甘肃省") == 6
    assert cells.display_width("〔2021〕") == 8


# -- the workbook for report writers (a language) ----------------------------------------------


def comparison() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "indicator_id": ["non_fossil_share"] * 3 + ["forest_cover"] * 2,
            "indicator_zh": ["非化石能源消费比重"] * 3 + ["森林覆盖率"] * 2,
            "indicator_en": ["Non-fossil energy share"] * 3 + ["Forest cover"] * 2,
            "region_zh": ["甘肃省", "河南省", "全国", "甘肃省", "河南省"],
            "region_level": ["province", "province", "country", "province", "province"],
            "has_target": [True] * 5,
            "value": [20.0, 16.0, 20.0, 11.3, 25.5],
            "unit": ["%"] * 5,
            "kind": ["level"] * 5,
            "comparator": ["ge", "ge", "approx", "eq", "le"],
            "is_comparable": [True] * 5,
        }
    )


def report_sheets() -> dict[str, pd.DataFrame]:
    documents_ = documents().assign(region_en=["Gansu", "Henan"])
    return {
        "documents": documents_,
        "targets": targets().assign(indicator_id=["non_fossil_share", "farmland", "energy"]),
        "gaps": gaps().assign(status=["no_data"]),
        "comparison": comparison(),
    }


@pytest.mark.slow  # writes a workbook
@pytest.mark.parametrize(
    ("lang", "sheet_names", "headers", "words"),
    [
        (
            "zh",
            [
                "说明",
                "规划文件",
                "量化目标",
                "目标差距",
                "差距状态图",
                "地区对比",
                "对比图表",
                "字段说明",
                "图片",
            ],  # fmt: skip
            {"地区", "指标", "目标年", "原文", "比较方式"},
            {"省", "不低于", "约", "水平值", "是"},
        ),
        (
            "en",
            [
                "summary",
                "documents",
                "targets",
                "gaps",
                "gap status chart",
                "comparison",
                "comparison charts",
                "fields",
                "figures",
            ],  # fmt: skip
            {"region", "indicator", "target year", "quote", "comparator"},
            {"province", "at least", "about", "level", "yes"},
        ),
    ],
)
def test_workbook_in_a_language_has_words_a_summary_and_native_charts(
    tmp_path, chart_png, lang, sheet_names, headers, words
):
    sheets = report_sheets()
    path = export.write_workbook(
        tmp_path / "r.xlsx", sheets, images={"甲": chart_png}, lang=lang, regions=["甘肃省"]
    )
    assert path.read_bytes() == export.workbook_bytes(
        sheets, images={"甲": chart_png}, lang=lang, regions=["甘肃省"]
    )  # byte-identical rerun
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == sheet_names
    summary, targets_, gaps_, comparison_, charts_ = (wb[sheet_names[i]] for i in (0, 2, 3, 5, 6))
    # headers are words of the language, never snake_case codes
    shown = {c.value for ws in (targets_, gaps_, comparison_) for c in ws[1]}
    assert headers <= shown
    assert not [h for h in shown if "_" in str(h)], shown
    # coded values as words: region level, comparator, kind, yes/no
    values = {
        v
        for ws in (targets_, comparison_)
        for r in ws.iter_rows(min_row=2, values_only=True)
        for v in r
    }
    assert words <= values
    assert not {"ge", "approx", "level", "province"} & values - words
    status = records(gaps_)[0][reader_tables.word("column", "status", lang)]
    assert status == ("无趋势" if lang == "zh" else "no trend")  # the pace, not a verdict
    # numbers stay numbers
    rows = records(comparison_)
    assert [r[reader_tables.word("column", "value", lang)] for r in rows] == [
        20,
        16,
        20,
        11.3,
        25.5,
    ]
    # the summary: title, one line per sheet, the seed region's counts
    cells = [r for r in summary.iter_rows(values_only=True)]
    listed = [r[0] for r in cells[4 : 4 + len(sheet_names) - 1]]
    assert listed == sheet_names[1:]
    seed = next(r for r in cells if r[0] == ("甘肃省" if lang == "zh" else "Gansu"))
    assert seed[1:4] == (2, 2, 0)  # targets, indicators, dated commitments
    # native Excel charts: one bar chart per indicator two regions target, and the gap status
    assert len(charts_._charts) == 2
    assert {type(c).__name__ for c in charts_._charts} == {"BarChart"}
    first_title = charts_["A1"].value
    assert first_title == (
        "非化石能源消费比重 (%)" if lang == "zh" else "Non-fossil energy share (%)"
    )
    regions = [charts_.cell(r, 1).value for r in (3, 4, 5)]
    assert regions == (
        ["甘肃省", "河南省", "全国"] if lang == "zh" else ["Gansu", "Henan", "China"]
    )
    assert [charts_.cell(r, 2).value for r in (3, 4, 5)] == [20, 16, 20]
    assert len(wb[sheet_names[4]]._charts) == 1
    with zipfile.ZipFile(path) as archive:
        assert len([n for n in archive.namelist() if n.startswith("xl/charts/chart")]) == 3
    # the field dictionary keeps the code next to the word
    fields_ = records(wb[sheet_names[7]])
    assert {r[reader_tables.word("column", "field", lang)] for r in fields_} >= {
        "target_year",
        "quote",
    }


def test_every_column_of_the_report_has_a_word_in_both_languages():
    from greenmetrics.schemas import TABLES

    names = {c for t in TABLES for c in columns(t)}
    from greenmetrics.words import vocabulary

    missing = {
        (lang, c)
        for lang in reader_tables.LANGS
        for c in names
        if ("column", c) not in vocabulary()
    }
    # the declared tables of the report: every column a reader sees a word (others fall back
    # to spaces)
    report_columns = {
        c
        for t in ("documents", "targets", "milestones", "trajectories")
        for c in columns(t)
        if not notes.is_code_column(c)
    }
    assert not {m for m in missing if m[1] in report_columns}
    # and every column a reader sees has its meaning in Chinese (the English one is the
    # schema's); a note's code columns are never shown: the note is rendered from them
    shown = {c for c in names if not notes.is_code_column(c)}
    assert shown < names and not {c for c in shown if ("meaning", c) not in vocabulary()}


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="language"):
        export.workbook_bytes({"gaps": gaps()}, lang="fr")


@pytest.mark.slow  # writes a workbook
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_written_files_follow_the_umask_not_mkstemp(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        path = export.write_workbook(tmp_path / "r.xlsx", {"gaps": gaps()})
        from greenmetrics.files import write_atomic

        write_atomic(tmp_path / "t.csv", b"a\n")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == mode
    assert (tmp_path / "t.csv").stat().st_mode & 0o777 == mode


def scorecard_card() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region_zh": ["忻州市忻府区", "临夏回族自治州", "忻州市忻府区"],
            "indicator_zh": ["秸秆综合利用率", "空气质量优良天数比率", "未归类指标"],
            "indicator_en": ["Crop straw utilization rate", "Good air days", None],
            "target_value": [90.0, 90.0, 5.0],
            "verdict": ["no_data", "met", "no_data"],
            "context_region_zh": ["山西省", None, None],
            "quote": ["秸秆综合利用率达到90%", "优良天数比率达到90%", "其他5个"],
            "status_note_not_shown": ["x", "y", "z"],
        }
    )


@pytest.mark.slow  # writes a workbook
@pytest.mark.parametrize(
    ("lang", "titles", "first_header", "indicators", "verdict"),
    [
        ("zh", ["评分卡·忻府区", "评分卡·临夏州"], "指标", ["秸秆综合利用率", "未归类指标"], "数据不足"),
        (
            "en",
            ["Scorecard · Xinfu District", "Scorecard · Linxia Prefecture"],
            "indicator",
            ["Crop straw utilization rate", "未归类指标"],  # no English name: the plan's words
            "too little data",
        ),
    ],
)  # fmt: skip
def test_the_scorecard_is_one_short_sheet_per_region_after_the_summary(
    tmp_path, lang, titles, first_header, indicators, verdict
):
    names = {
        "忻州市忻府区": "Xinfu District, Xinzhou",
        "临夏回族自治州": "Linxia Hui Autonomous Prefecture",
    }
    sheets = reader_tables.region_scorecards(
        scorecard_card(), lang, names if lang == "en" else None
    )
    assert list(sheets) == titles
    first = sheets[titles[0]]
    assert first.columns.tolist() == [
        "indicator_zh",
        "target_value",
        "verdict",
        "context_region_zh",
        "quote",
    ]  # the reader's columns in their order; the rest of the frame stays out
    assert first["indicator_zh"].tolist() == indicators
    documents_ = pd.DataFrame(
        {"doc_id": ["a", "b"], "region_zh": list(names), "region_en": list(names.values())}
    )
    path = export.write_workbook(
        tmp_path / "r.xlsx", {"scorecard": scorecard_card(), "documents": documents_}, lang=lang
    )
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[1:3] == titles
    rows = records(wb[titles[0]])
    assert [c.value for c in wb[titles[0]][1]][0] == first_header
    assert rows[0][reader_tables.word("column", "verdict", lang)] == verdict
    listed = [r[0] for r in wb.worksheets[0].iter_rows(min_row=5, max_row=7, values_only=True)]
    chart_sheet = reader_tables.word("sheet", "verdicts", lang)
    assert listed == [*titles, chart_sheet]  # the summary names each region's sheet
    # a native chart of the verdicts per region, over the counts it reads (regions in order)
    verdicts = wb[chart_sheet]
    assert wb.sheetnames[3] == chart_sheet and len(verdicts._charts) == 1
    counts = [list(r) for r in verdicts.iter_rows(min_row=2, values_only=True)]
    first, second = (names[r] if lang == "en" else r for r in names)
    assert counts == [[first, 0, 2], [second, 1, 0]]  # met, no data


def test_region_sheet_titles_stay_unique_and_within_excel_limits():
    card = pd.DataFrame({"region_zh": ["甲" * 40, "甲" * 40 + "乙"], "indicator_zh": ["a", "b"]})
    titles = list(reader_tables.region_scorecards(card, "zh"))
    assert len(titles) == 2 and len(set(titles)) == 2
    assert all(len(t) <= 31 for t in titles)


@pytest.mark.slow  # writes a workbook
def test_the_gaps_sheet_for_readers_keeps_their_columns_in_their_order():
    full = pd.DataFrame(
        {
            "target_id": ["T1"],
            "indicator_id": ["straw"],  # a code: left out
            "indicator_zh": ["秸秆综合利用率"],
            "indicator_en": ["Crop straw utilization rate"],
            "province_benchmark_count": [2],  # a count: left out
            "region_zh": ["甘肃省"],
            "status": ["no_data"],
        }
    )
    zh = reader_tables.for_readers(full, "gaps", "zh")
    assert zh.columns.tolist() == ["region_zh", "indicator_zh", "status", "target_id"]
    assert zh["indicator_zh"].tolist() == ["秸秆综合利用率"]
    en = reader_tables.for_readers(full, "gaps", "en")
    assert en["indicator_zh"].tolist() == ["Crop straw utilization rate"]
    wb = openpyxl.load_workbook(io.BytesIO(export.workbook_bytes({"gaps": full}, lang="en")))
    assert [c.value for c in wb["gaps"][1]] == ["region", "indicator", "pace", "target id"]
    # without a language the sheet is the table as the code has it
    wb = openpyxl.load_workbook(io.BytesIO(export.workbook_bytes({"gaps": full})))
    assert [c.value for c in wb["gaps"][1]] == full.columns.tolist()


@pytest.mark.parametrize(("field", "sheet", "chart_sheet"), [("status", "gaps", "gap_status"), ("verdict", "scorecard", "verdicts")])  # fmt: skip
def test_the_native_count_charts_fill_each_code_in_the_report_charts_colour(
    field, sheet, chart_sheet
):
    # The workbook's colours are read from the charts' one table: a code gets the same colour
    # in a figure and in the workbook, and every code the schema allows has one.
    from greenmetrics.charts import style
    from greenmetrics.schemas import FIELDS

    table = style.STATUS_COLORS if field == "status" else style.VERDICT_COLORS
    codes = list(FIELDS[field].allowed)
    assert set(codes) == set(table)
    frame = pd.DataFrame({"region_zh": ["甲市"] * len(codes), field: codes, "indicator_zh": "x"})
    data = export.workbook_bytes({sheet: frame}, lang="en")
    chart = openpyxl.load_workbook(io.BytesIO(data))[
        reader_tables.word("sheet", chart_sheet, "en")
    ]._charts[0]
    fills = [s.graphicalProperties.solidFill.srgbClr for s in chart.series]
    assert fills == [table[c].removeprefix("#").upper() for c in table]  # the table's order
