"""The chart package: style (CJK glyphs, bilingual words, source lines, colours), the shared
panel helpers, each chart family, and byte-identical, atomic saving. Frames are built here, in
the shapes the analysis module hands over; expected words, numbers and colours are written out
(from words.csv and the style's fixed palette), never computed with the code under test."""

from __future__ import annotations

import functools
import io
import math
import os
import re
import subprocess
import sys
import unicodedata
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from fontTools.ttLib import TTFont  # noqa: E402
from matplotlib.text import Text  # noqa: E402
from PIL import Image  # noqa: E402

from greenmetrics import charts, words  # noqa: E402
from greenmetrics.charts import panel_helpers  # noqa: E402
from greenmetrics.errors import SchemaError  # noqa: E402

DOCUMENTS = pd.DataFrame(
    {
        "doc_id": ["gansu", "henan", "shanxi", "national"],
        "region_zh": ["甘肃省", "河南省", "山西省", "全国"],
        "region_en": ["Gansu", "Henan", "Shanxi", "China"],
    }
)
INDICATORS = [
    ("non_fossil_share", "非化石能源消费比重", "Share of non-fossil energy", "%"),
    ("energy_intensity_cut", "单位地区生产总值能耗降低", "Energy intensity reduction", "%"),
    ("farmland", "高标准农田", "High-standard farmland", "万亩"),
]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def targets_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": ["gansu", "gansu", "henan", "shanxi", "shanxi"],
            "region_zh": ["甘肃省", "甘肃省", "河南省", "山西省", "山西省"],
            "theme": ["energy", "agriculture", "energy", None, "energy"],
        }
    )


def gaps_frame() -> pd.DataFrame:
    rows = []
    for region, doc in [("甘肃省", "gansu"), ("河南省", "henan"), ("山西省", "shanxi")]:
        for i, (iid, zh, en, unit) in enumerate(INDICATORS):
            rows.append(
                {
                    "region_zh": region,
                    "indicator_id": iid,
                    "indicator_zh": zh,
                    "indicator_en": en,
                    "unit": unit,
                    "target_value": 20.0 + 5 * i,
                    "target_year": 2025,
                    "benchmark_value": 25.0 if i < 2 else np.nan,
                    "benchmark_level": "country",
                    "source_title": "“十四五”循环经济发展规划",
                    "doc_id": doc,
                    "is_comparable": region != "山西省",
                }
            )
    return pd.DataFrame(rows)


def comparison_frame() -> pd.DataFrame:
    df = gaps_frame().rename(columns={"target_value": "value"})
    df = df.drop(columns=["benchmark_value", "benchmark_level", "source_title"])
    df["has_target"] = True
    no_target = (df["region_zh"] == "河南省") & (df["indicator_id"] == "farmland")
    df.loc[no_target, "value"] = np.nan
    df.loc[no_target, "has_target"] = False
    df.loc[(df["region_zh"] == "甘肃省") & (df["indicator_id"] == "farmland"), "value"] = -3.5
    # 山西省 has no row at all for the first indicator: "no data", not "no target"
    drop = (df["region_zh"] == "山西省") & (df["indicator_id"] == "non_fossil_share")
    return df[~drop].reset_index(drop=True)


def trajectory_frame() -> pd.DataFrame:
    base = {
        "region_zh": "甘肃省",
        "indicator_id": "non_fossil_share",
        "indicator_zh": "非化石能源消费比重",
        "indicator_en": "Share of non-fossil energy",
        "unit": "%",
        "verdict": "off_track",
    }
    points = [
        ("target", 2020, 25.0, "gansu", None),
        ("target", 2025, 30.0, "gansu", None),
        ("observed", 2021, 25.5, None, "甘肃省2021年国民经济和社会发展统计公报"),
        ("observed", 2022, 26.1, None, "甘肃省2022年国民经济和社会发展统计公报"),
        ("projection", 2022, 26.1, None, None),
        ("projection", 2025, 28.0, None, None),
        ("goal_2035", 2035, 40.0, "gansu", None),
    ]
    rows = [
        {**base, "series": s, "year": y, "value": v, "doc_id": d, "source_title": t}
        for s, y, v, d, t in points
    ]
    return pd.DataFrame(rows)


def milestones_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region_zh": ["甘肃省", "甘肃省", "河南省", "山西省"],
            "target_year": [2025, 2025, 2030, 2025],
            "commitment_zh": ["全覆盖", "清零", "零填埋", "基本普及"],
            "aspirational": [0, 0, 1, 0],
            "doc_id": ["gansu", "gansu", "henan", "shanxi"],
        }
    )


ALL_CHARTS = [
    ("overview", charts.plot_targets_overview, targets_frame),
    ("gaps", charts.plot_gaps, gaps_frame),
    ("comparison", charts.plot_comparison, comparison_frame),
    ("trajectory", charts.plot_trajectory, trajectory_frame),
    ("milestones", charts.plot_milestones, milestones_frame),
]


def figure_strings(fig) -> list[str]:
    """Every piece of text the figure draws (titles, ticks, legend, notes, source line)."""
    fig.canvas.draw()
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


def render_all_formats(fig) -> list[warnings.WarningMessage]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for fmt in charts.FORMATS:
            fig.savefig(io.BytesIO(), format=fmt, dpi=charts.PNG_DPI)
    return list(caught)


# ------------------------------------------------------------------------------ labels


def test_label_is_bilingual_data_from_csv():
    assert charts.label("target", "zh") == "目标"
    assert charts.label("target", "en") == "target"
    assert charts.label("no_target", "en") == "no target in plan"
    assert charts.label("omitted_regions", "en", n=2, names="A, B").startswith("2 more regions")
    assert charts.label("theme_unknown_key", "en", default="energy") == "energy"
    with pytest.raises(KeyError):
        charts.label("no_such_chart_word", "zh")
    with pytest.raises(ValueError):
        charts.label("target", "fr")


def test_words_csv_has_every_word_the_charts_use():
    import csv

    with open(charts.WORDS_FILE, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    keys = [(r["kind"], r["key"]) for r in rows]
    assert len(keys) == len(set(keys))
    assert all(r["zh"] and (r["en"] or r["kind"] == "meaning") for r in rows)
    from greenmetrics.charts.chart_words import word_of

    needed = {
        "target", "observed", "benchmark", "province", "country", "achieved", "on_track",
        "needs_acceleration", "off_track", "no_data", "no_target", "not_comparable", "year",
        "value", "source",
    }  # fmt: skip
    assert {word_of(key) for key in needed} <= set(keys)


# ------------------------------------------------------------------------------ style


def test_use_style_is_idempotent_and_uses_the_packaged_font():
    path = charts.use_style()
    first = {k: matplotlib.rcParams[k] for k in ("font.family", "pdf.fonttype", "svg.fonttype")}
    assert charts.use_style() == path
    assert {k: matplotlib.rcParams[k] for k in first} == first
    assert path.name == charts.FONT_FILE and "mplfonts" in str(path)
    assert matplotlib.rcParams["font.family"][0] == "Noto Sans CJK SC"
    assert matplotlib.rcParams["axes.unicode_minus"] is False
    assert matplotlib.rcParams["pdf.fonttype"] == 3
    assert matplotlib.rcParams["svg.fonttype"] == "none"  # text stays text an editor can change


@pytest.mark.slow  # draws each chart family whole
@pytest.mark.parametrize("name,plot,frame", ALL_CHARTS, ids=[c[0] for c in ALL_CHARTS])
def test_chinese_chart_has_no_missing_glyphs(name, plot, frame):
    fig = plot(frame(), "zh", documents=DOCUMENTS)
    caught = render_all_formats(fig)
    glyph_warnings = [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert not glyph_warnings, glyph_warnings
    # and the font file itself holds every CJK character drawn
    cmap = TTFont(charts.font_path(), lazy=True).getBestCmap()
    drawn = "".join(figure_strings(fig))
    cjk = {ch for ch in drawn if unicodedata.east_asian_width(ch) in "WF"}
    assert cjk, "the Chinese chart should draw Chinese text"
    missing = sorted(ch for ch in cjk if ord(ch) not in cmap)
    assert not missing, f"not in {charts.FONT_FILE}: {missing}"


def test_signs_outside_the_cjk_font_fall_back_without_warnings():
    charts.use_style()
    fig, ax = plt.subplots()
    ax.set_title("二氧化碳排放 万吨CO₂ −5 m² 甘肃")
    caught = render_all_formats(fig)
    assert not [w for w in caught if "missing from" in str(w.message)]


def test_english_chart_words_and_names_from_columns():
    fig = charts.plot_comparison(comparison_frame(), "en", documents=DOCUMENTS)
    texts = figure_strings(fig)
    joined = "\n".join(texts)
    for word in ("target", "not comparable", "no target in plan", "no data"):
        assert word in texts or word in joined, word
    assert "Gansu" in texts and "Henan" in texts  # region_en from documents
    assert any(t.startswith("Share of non-fossil energy") for t in texts)  # indicator_en
    assert "Targets compared across regions" in texts  # title_comparison in words.csv
    assert "非化石能源消费比重" not in joined


def test_chinese_chart_words():
    texts = figure_strings(charts.plot_comparison(comparison_frame(), "zh"))
    assert "规划未设目标" in texts and "无数据" in texts and "甘肃省" in texts


def test_no_target_and_no_data_are_drawn_differently():
    fig = charts.plot_comparison(comparison_frame(), "zh")
    panels = [a for a in fig.axes if a.get_visible()]
    farmland = next(a for a in panels if a.get_title(loc="left").startswith("高标准农田"))
    first = next(a for a in panels if a.get_title(loc="left").startswith("非化石能源"))
    crosses = [ln for ln in farmland.get_lines() if ln.get_marker() == "x"]
    assert len(crosses) == 1  # explicit marker for "no target in plan" (河南省)
    assert "规划未设目标" in [t.get_text() for t in farmland.texts]
    assert not [ln for ln in first.get_lines() if ln.get_marker() == "x"]
    assert "无数据" in [t.get_text() for t in first.texts]  # 山西省 has no row there
    hatched = [p for p in farmland.patches if p.get_hatch()]
    assert hatched  # 山西省 is not comparable: hollow and hatched


def test_source_line_comes_from_provenance_columns():
    fig = charts.plot_gaps(gaps_frame(), "zh")
    source = next(t for t in fig.texts if t.get_gid() == "greenmetrics-source").get_text()
    assert source.startswith("来源：")
    for doc in ("gansu", "henan", "shanxi"):
        assert doc in source
    assert "“十四五”循环经济发展规划" in source
    traj = charts.plot_trajectory(trajectory_frame(), "en")
    source = next(t for t in traj.texts if t.get_gid() == "greenmetrics-source").get_text()
    assert source.startswith("Source: plans gansu")
    assert "统计公报" in source


def test_finish_refuses_a_typed_source_string_and_wraps_long_lines():
    charts.use_style()
    fig, ax = plt.subplots(layout="constrained")
    with pytest.raises(TypeError):
        charts.finish(fig, ax, "标题", "%", "国家统计局", "zh")
    titles = [f"某某省“十四五”节能减排综合工作方案第{i}号文件" for i in range(30)]
    charts.finish(fig, ax, "标题", "%", {"references": titles}, "zh")
    source = next(t for t in fig.texts if t.get_gid() == "greenmetrics-source").get_text()
    assert source.count("\n") >= 2
    assert ax.get_ylabel() == "数值（%）"


def test_wrap_display_counts_cjk_double():
    lines = charts.wrap_display("甲乙丙丁戊己庚辛", 6)
    assert lines == ["甲乙丙", "丁戊己", "庚辛"]
    assert charts.wrap_display("a, b, c", 3) == ["a,", "b,", "c"]


@pytest.mark.slow  # draws two full-size charts
def test_many_regions_and_indicators_are_capped_with_a_note():
    rows = []
    regions = [f"测试市{i:02d}" for i in range(20)]
    for r_i, region in enumerate(regions):
        for k in range(15):
            if r_i >= 20 - k:
                continue  # fewer regions for later indicators: a stable top-N
            rows.append(
                {
                    "region_zh": region,
                    "indicator_id": f"ind{k:02d}",
                    "indicator_zh": f"指标{k:02d}",
                    "unit": "%",
                    "value": float(k + r_i),
                    "doc_id": f"doc{r_i}",
                }
            )
    fig = charts.plot_comparison(pd.DataFrame(rows), "zh")
    panels = [a for a in fig.axes if a.get_visible()]
    assert len(panels) == 12
    assert all(len(a.get_yticks()) <= 12 for a in panels)
    note = next(t for t in fig.texts if t.get_gid() == "greenmetrics-note").get_text()
    assert "另有3个分图未显示：指标12、指标13、指标14" in note
    assert "另有8个地区未显示：测试市12" in note


def test_region_colours_are_stable_across_charts():
    mapping = charts.set_regions(["河南省", "甘肃省", "全国", "山西省"])
    assert list(mapping) == ["全国", "山西省", "河南省", "甘肃省"]  # country, then GB/T 2260
    assert mapping["全国"] == "#333333"
    assert mapping["山西省"] == "#0072B2"
    charts.plot_comparison(comparison_frame(), "zh")
    charts.plot_milestones(milestones_frame(), "en")
    assert {r: charts.region_color(r) for r in mapping} == mapping
    assert charts.region_color("临夏回族自治州") == "#CC79A7"  # next free (fourth) colour


def test_missing_columns_fail_loudly():
    with pytest.raises(SchemaError, match="plot_gaps.*target_value"):
        charts.plot_gaps(pd.DataFrame({"region_zh": ["甘肃省"]}), "zh")
    bad = trajectory_frame().assign(series="forecast")
    with pytest.raises(SchemaError, match="unknown series"):
        charts.plot_trajectory(bad, "zh")


def test_empty_frame_gives_a_no_data_chart():
    fig = charts.plot_comparison(comparison_frame().iloc[0:0], "en")
    assert "no data" in figure_strings(fig)


# ------------------------------------------------------------------------------ saving


@pytest.mark.slow  # draws and saves PNG, SVG and PDF
def test_save_figure_writes_three_formats_deterministically(tmp_path):
    fig = charts.plot_gaps(gaps_frame(), "zh", documents=DOCUMENTS)
    first = charts.save_figure(fig, "gaps", tmp_path / "a")
    second = charts.save_figure(fig, "gaps", tmp_path / "b")
    assert [p.suffix for p in first] == [".png", ".svg", ".pdf"]
    for a, b in zip(first, second, strict=True):
        assert a.exists() and a.stat().st_size > 1000
        assert a.read_bytes() == b.read_bytes(), f"{a.name} differs between two saves"
    with Image.open(first[0]) as png:
        assert round(min(png.info["dpi"])) >= 200
    svg = first[1].read_bytes()
    assert b"<text" in svg and b"font-family: 'Noto Sans CJK SC'" in svg  # editable labels
    pdf = first[2].read_bytes()
    assert pdf.startswith(b"%PDF") and b"/Type3" in pdf
    assert b"/FontFile2" not in pdf  # no CFF font passed off as TrueType
    assert b"CreationDate" not in pdf
    assert not list(tmp_path.glob("**/*.tmp"))


@pytest.mark.slow  # two Python processes
def test_save_figure_is_identical_across_processes(tmp_path):
    script = (
        "import sys, pandas as pd\n"
        "from pathlib import Path\n"
        "from greenmetrics import charts\n"
        "df = pd.DataFrame({'region_zh': ['甘肃省', '河南省'], 'theme': ['energy', None],"
        " 'doc_id': ['gansu', 'henan']})\n"
        "charts.save_figure(charts.plot_targets_overview(df, 'zh'), 'overview', Path(sys.argv[1]))\n"
    )
    for seed, folder in (("1", "a"), ("2", "b")):
        env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, str(tmp_path / folder)], env=env, check=True)
    for fmt in charts.FORMATS:
        a = (tmp_path / "a" / f"overview.{fmt}").read_bytes()
        assert a == (tmp_path / "b" / f"overview.{fmt}").read_bytes(), fmt


@pytest.mark.slow  # draws and saves every format twice
def test_failed_save_leaves_previous_figures_intact(tmp_path, monkeypatch):
    fig = charts.plot_milestones(milestones_frame(), "zh")
    paths = charts.save_figure(fig, "milestones", tmp_path)
    before = {p: p.read_bytes() for p in paths}
    other = charts.plot_milestones(milestones_frame().iloc[:2], "en")
    original = other.savefig

    def failing_savefig(buffer, format, **kwargs):
        if format == "pdf":
            raise RuntimeError("disk full")
        return original(buffer, format=format, **kwargs)

    monkeypatch.setattr(other, "savefig", failing_savefig)
    with pytest.raises(RuntimeError, match="disk full"):
        charts.save_figure(other, "milestones", tmp_path)
    assert {p: p.read_bytes() for p in paths} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)


def test_save_figure_rejects_paths_as_names(tmp_path):
    fig = charts.plot_milestones(milestones_frame(), "zh")
    with pytest.raises(ValueError):
        charts.save_figure(fig, "../escape", tmp_path)


# ------------------------------------------------------------------------------ package layout


def test_each_chart_family_has_its_module_and_the_package_reexports_it():
    from greenmetrics.charts import comparison, gaps, milestones, overview, style, trajectories

    assert charts.plot_targets_overview is overview.plot_targets_overview
    assert charts.plot_gaps is gaps.plot_gaps
    assert charts.plot_comparison is comparison.plot_comparison
    assert charts.plot_trajectory is trajectories.plot_trajectory
    assert charts.plot_milestones is milestones.plot_milestones
    assert charts.save_figure is style.save_figure and charts.finish is style.finish
    assert set(charts.__all__) <= set(dir(charts))


# ------------------------------------------------------------------------------ shared helpers


def test_top_regions_keeps_the_largest_in_canonical_order():
    counts = {"全国": 5, "河南省": 3, "甘肃省": 3, "山西省": 1}
    kept, dropped = panel_helpers.top_regions(["河南省", "甘肃省", "山西省", "全国"], counts, 2)
    assert kept == ["全国", "河南省"]  # 河南省 (41) before 甘肃省 (62) on a tie
    assert dropped == ["甘肃省", "山西省"]  # largest first
    assert panel_helpers.top_regions(["甘肃省"], {}, 12) == (["甘肃省"], [])


def test_top_panels_keeps_the_largest_sorted_by_key():
    kept, dropped = panel_helpers.top_panels(["b", "a", "c", "d"], {"a": 1, "b": 2, "c": 2}, 2)
    assert kept == ["b", "c"] and dropped == ["a", "d"]


def test_chart_notes_name_what_was_left_out_in_a_fixed_order():
    notes = panel_helpers.chart_notes(
        "zh", panels=["指标甲"], columns=[f"主题{i}" for i in range(8)]
    )
    assert notes[0] is None and notes[2] is None
    assert notes[1] == "另有1个分图未显示：指标甲"
    assert notes[3] == "另有8个主题未显示：主题0、主题1、主题2、主题3、主题4、主题5…"
    en = panel_helpers.chart_notes("en", not_comparable=True, regions=["Gansu", "Henan"])
    assert en[0] == "† not comparable: different definition, unit, kind or year"
    assert en[2] == "2 more regions not shown: Gansu, Henan"


def test_named_frame_prints_english_names_from_the_documents_else_the_gazetteer():
    df = pd.DataFrame(
        {
            "region_zh": ["甘肃省", "临夏回族自治州"],
            "indicator_id": ["farmland", None],
            "indicator_zh": ["高标准农田", "秸秆综合利用率"],
            "indicator_en": ["High-standard farmland", None],
        }
    )
    out, names = panel_helpers.named_frame(df, DOCUMENTS, "en")
    # Linxia has no English name in these documents: the gazetteer's, shortened for an axis
    assert names == {"甘肃省": "Gansu", "临夏回族自治州": "Linxia Prefecture"}
    assert out["_ind"].tolist() == ["farmland", "秸秆综合利用率"]
    assert out["_ind_name"].tolist() == ["High-standard farmland", "秸秆综合利用率"]
    _, names_zh = panel_helpers.named_frame(df, DOCUMENTS, "zh", indicators=False)
    assert names_zh["甘肃省"] == "甘肃省"


def test_a_region_without_a_plan_is_named_from_the_gazetteer():
    def short(name, lang, documents=None):
        return words.region_name(name, lang, documents, short=True)

    assert short("山西省", "en", DOCUMENTS) == "Shanxi"  # from the documents
    assert short("忻州市", "en", DOCUMENTS) == "Xinzhou"  # from the gazetteer
    assert short("忻州市", "zh", DOCUMENTS) == "忻州市"
    assert short("全国", "en") == "China"
    assert short("不存在市", "en") == "不存在市"  # unknown: as written


def test_scorecard_draws_a_larger_regions_figure_grey_and_says_it_is_context():
    card = pd.DataFrame(
        {
            "region_zh": ["甘肃省", "甘肃省"],
            "doc_id": ["gansu", "gansu"],
            "indicator_id": ["non_fossil_share", "farmland"],
            "indicator_zh": ["非化石能源消费比重", "高标准农田"],
            "indicator_en": ["Share of non-fossil energy", "High-standard farmland"],
            "target_value": [30.0, 45.0],
            "unit": ["%", "万亩"],
            "kind": ["level", "level"],
            "comparator": ["ge", "eq"],
            "baseline_year": [None, None],
            "observed_value": [np.nan, np.nan],
            "observation_year": [None, None],
            "verdict": ["no_data", "no_data"],
            "as_of_year": [2026, 2026],
            "context_region_zh": ["全国", None],
            "context_value": [26.4, np.nan],
            "context_year": [2024, None],
            "province_benchmark_value": [np.nan, np.nan],
            "country_benchmark_value": [np.nan, np.nan],
            "target_id": ["T1", "T2"],
            "quote": ["非化石能源消费比重达到30%以上", "高标准农田45万亩"],
        }
    )
    for lang, context, note, missing in [
        ("zh", "全国 26.4%（2024）", "仅供参考，不作判定", "1项目标暂无观测数据：高标准农田"),
        ("en", "China 26.4% (2024)", "for context only, not judged", "1 target without"),
    ]:
        fig = charts.plot_scorecard(card, lang, documents=DOCUMENTS)
        texts = {t.get_text(): t for t in fig.findobj(Text)}
        assert matplotlib.colors.to_hex(texts[context].get_color()) == "#8a8a8a"
        assert any(note in t for t in texts) and any(missing in t for t in texts)
        plt.close(fig)


def test_a_panel_of_reductions_counts_a_fall_not_a_level():
    reduction = ["reduction", "reduction", None]
    assert panel_helpers.measured_unit("%", "zh", reduction, [2020, 2020]) == "较2020年降幅%"
    assert panel_helpers.measured_unit("%", "en", reduction, [2020, None]) == "% fall since 2020"
    assert (
        panel_helpers.measured_unit("%", "en", reduction, [2020, 2015]) == "% fall"
    )  # two baselines
    assert (
        panel_helpers.measured_unit("%", "zh", ["reduction", "level"]) == "%"
    )  # mixed: as written
    assert panel_helpers.measured_unit("万亩", "en", ["level"]) == "10k mu"
    assert panel_helpers.measured_unit(None, "en", reduction) == ""


def test_flag_reads_yes_no_cells_leniently():
    assert [panel_helpers.flag(v) for v in (True, 0, "yes", "False", " 1 ", None, np.nan)] == [
        True, False, True, False, True, None, None,
    ]  # fmt: skip
    assert (
        panel_helpers.number_text(1234.5) == "1,234.5" and panel_helpers.number_text(-3.0) == "-3"
    )


# ------------------------------------------------------------------------------ chart families


def test_overview_counts_targets_per_region_and_theme():
    fig = charts.plot_targets_overview(targets_frame(), "zh")
    ax = fig.axes[0]
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert rows == ["山西省（2）", "河南省（1）", "甘肃省（2）"]  # canonical order, totals
    columns = [t.get_text() for t in ax.get_xticklabels()]
    assert columns == ["能源", "农业", "未归类"]  # theme names in Chinese, unmapped last
    cells = sorted(t.get_text() for t in ax.texts)
    assert cells == ["1", "1", "1", "1", "1"]


def test_overview_caps_regions_and_names_the_fewest():
    fig = charts.plot_targets_overview(targets_frame(), "en", documents=DOCUMENTS, max_regions=2)
    rows = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert rows == ["Shanxi (2)", "Gansu (2)"]
    note = next(t for t in fig.texts if t.get_gid() == "greenmetrics-note").get_text()
    assert note == "1 more region not shown: Henan"


def test_gaps_marks_benchmarks_and_non_comparable_targets():
    fig = charts.plot_gaps(gaps_frame(), "en", documents=DOCUMENTS)
    texts = figure_strings(fig)
    assert "national target" in texts and "provincial target" not in texts
    panels = [a for a in fig.axes if a.get_visible()]
    assert len(panels) == 3
    daggers = [t for a in panels for t in a.texts if t.get_text() == "†"]
    assert len(daggers) == 3  # 山西省 is not comparable in each of the three panels
    farmland = next(a for a in panels if a.get_title(loc="left") == "High-standard farmland")
    assert farmland.get_xlabel() == "10k mu"  # the unit in English (words.csv)
    assert not [ln for ln in farmland.get_lines() if ln.get_marker() == "D"]  # no benchmark


def test_trajectory_legend_and_status_follow_the_series_drawn():
    fig = charts.plot_trajectory(trajectory_frame(), "en", documents=DOCUMENTS)
    texts = figure_strings(fig)
    for word in ("target path", "observed", "projection", "2035 goal"):
        assert word in texts, word
    assert "benchmark" not in texts
    ax = next(a for a in fig.axes if a.get_visible())
    assert ax.get_title(loc="left") == "Gansu · Share of non-fossil energy"
    assert ax.get_ylabel() == "%"
    # the verdict sits under the year axis, never over a point, in the scorecard's words
    assert ax.get_xlabel() == "● off track" and not ax.texts
    one_year = trajectory_frame().query("series == 'goal_2035'")
    ax = charts.plot_trajectory(one_year, "zh").axes[0]
    assert ax.get_xlim() == (2034.0, 2036.0)  # a single year is not stretched over a century


def test_milestones_share_one_mark_per_region_and_year():
    df = pd.concat(
        [
            milestones_frame(),
            pd.DataFrame(
                {
                    "region_zh": ["甘肃省", "甘肃省"],
                    "target_year": [2025, 2027],
                    "commitment_zh": ["零填埋", "全覆盖"],
                    "aspirational": [0, 0],
                    "doc_id": ["gansu", "gansu"],
                }
            ),
        ],
        ignore_index=True,
    )
    fig = charts.plot_milestones(df, "zh")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["山西省", "河南省", "甘肃省"]
    labels = {a.get_text(): a for a in ax.texts}
    assert "全覆盖、清零 等1项" in labels  # three words in 2025: two written, one counted
    below = labels["全覆盖"]  # 甘肃省's second year goes below the row
    assert below.get_va() == "top" and labels["全覆盖、清零 等1项"].get_va() == "bottom"
    hollow = [ln for ln in ax.get_lines() if ln.get_markerfacecolor() == "white"]
    assert len(hollow) == 1  # 河南省's 零填埋 is aspirational (力争)
    en = figure_strings(charts.plot_milestones(milestones_frame(), "en", documents=DOCUMENTS))
    assert "full coverage, cleared to zero" in en and "aspirational" in en


def test_milestone_labels_set_off_neighbouring_rows_never_meet():
    # one region's label of 2025 set below its row (a point of 2021 is near), the next
    # region's set above (its 2023 point is near): long words wrap to two lines or more
    long_words = ["meets national requirements", "international advanced level", "kept at zero"]
    df = pd.DataFrame(
        {
            "region_zh": ["宁夏回族自治区"] * 4 + ["临夏回族自治州"] * 5,
            "target_year": [2021, 2025, 2025, 2025, 2021, 2023, 2025, 2025, 2025],
            "commitment_zh": [
                "清零",
                "达标",
                "先进",
                "清零",
                "清零",
                "全覆盖",
                "达标",
                "先进",
                "清零",
            ],
            "commitment_en": ["zero", *long_words, "zero", "full coverage", *long_words],
            "aspirational": [0] * 9,
            "doc_id": ["ningxia"] * 4 + ["linxia"] * 5,
        }
    )
    fig = charts.plot_milestones(df, "en")
    ax = fig.axes[0]
    placed = {a.get_text().split("\n")[0]: a.get_va() for a in ax.texts}
    assert sorted(placed.values()).count("top") >= 1 and "bottom" in placed.values()
    assert not [p for p in layout_problems(fig) if p.startswith("overlapping words")]
    # rows without labels off them keep the usual height
    plain_rows = df[df.target_year.eq(2025)]
    assert charts.plot_milestones(plain_rows, "en").get_figheight() < fig.get_figheight()


# ------------------------------------------------------------------------ layout on shipped data


@functools.cache
def shipped_run():
    """The report run of the shipped tables the charts below start from, loaded once for both
    languages (its frames are computed once; nothing changes them: every chart copies what it
    draws)."""
    from greenmetrics import views

    return views.load_all()


def shipped_charts():
    """Every chart of the report, drawn from the shipped plans as the notebooks draw it."""
    from greenmetrics.report_run import FIGURES

    run = shipped_run()
    paths_, d = run.trajectories, run.documents
    charts.set_regions(d["region_zh"])  # as views.load_all does, in case a test changed them
    observed = paths_[paths_.target_id.isin(paths_.loc[paths_.series == "observed", "target_id"])]
    by_region = functools.cache(  # one call draws every region's figure: drawn once per language
        lambda lang: charts.plot_trajectories_by_region(
            paths_, lang, documents=d, first_regions=run.focus
        )
    )
    return {
        **{name: (lambda lang, name=name: run.figure(name, lang)) for name in FIGURES},
        "trajectories": lambda lang: charts.plot_trajectory(observed, lang, documents=d),
        **{f"trajectories_{k}": (lambda lang, k=k: by_region(lang)[k][1]) for k in range(2)},
    }


def crowded_ticks(axis, lim) -> list[tuple[str, str]]:
    """Neighbouring tick labels of one axis that overlap. Level labels are compared by their
    boxes; rotated ones (whose boxes overlap at any slant) by the gap between their
    baselines, which must exceed the text height."""
    renderer = axis.figure.canvas.get_renderer()
    lo, hi = sorted(lim)
    ticks = [
        t for t, loc in zip(axis.get_ticklabels(), axis.get_majorticklocs(), strict=False)
        if t.get_visible() and t.get_text() and lo - 1e-9 <= loc <= hi + 1e-9
    ]  # fmt: skip
    crowded = []
    for a, b in zip(ticks, ticks[1:], strict=False):
        angle = math.radians(a.get_rotation() % 180)
        if angle:
            pa = a.get_transform().transform(a.get_position())
            pb = b.get_transform().transform(b.get_position())
            gap = abs(pb[0] - pa[0]) * abs(math.sin(angle))
            if gap < a.get_fontsize() * axis.figure.dpi / 72 * 0.95:
                crowded.append((a.get_text(), b.get_text()))
        elif (
            a.get_window_extent(renderer)
            .shrunk(0.98, 0.9)
            .overlaps(b.get_window_extent(renderer).shrunk(0.98, 0.9))
        ):
            crowded.append((a.get_text(), b.get_text()))
    return crowded


def layout_problems(fig) -> list[str]:
    """What a reader would see as broken: collapsed axes, text outside the figure, tick labels
    of one axis overlapping each other (e.g. '90.092.5')."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    page = fig.bbox
    problems = []
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        if ax.bbox.width < 20 or ax.bbox.height < 20:
            problems.append(f"collapsed axes {ax.get_title(loc='left')!r}")
        for axis, lim in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
            problems += [f"overlapping ticks {a!r}/{b!r}" for a, b in crowded_ticks(axis, lim)]
    for ax in fig.axes:  # the words written inside one plot (values, 'no data' ...)
        words = [t for t in ax.texts if t.get_visible() and t.get_text().strip()]
        boxes = [t.get_window_extent(renderer).shrunk(0.95, 0.8) for t in words]
        for i, a in enumerate(boxes):
            for j in range(i + 1, len(boxes)):
                if a.overlaps(boxes[j]):
                    problems.append(
                        f"overlapping words {words[i].get_text()!r}/{words[j].get_text()!r}"
                    )
    not_drawn = {  # a tick outside the view limits is not drawn
        id(t)
        for ax in fig.axes
        for axis, lim in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim()))
        for t, loc in zip(axis.get_ticklabels(), axis.get_majorticklocs(), strict=False)
        if not min(lim) - 1e-9 <= loc <= max(lim) + 1e-9
    }
    not_drawn |= {id(t) for ax in fig.axes if not ax.get_visible() for t in ax.findobj(Text)}
    not_drawn |= {  # axis('off'): the axes draws no ticks (a table drawn on an axes)
        id(t)
        for ax in fig.axes
        if not ax.axison
        for axis in (ax.xaxis, ax.yaxis)
        for t in axis.get_ticklabels(which="both")
    }
    for text in fig.findobj(Text):
        if not text.get_visible() or not text.get_text().strip():
            continue
        if id(text) in not_drawn:
            continue
        box = text.get_window_extent(renderer)
        if (
            box.x0 < page.x0 - 1
            or box.x1 > page.x1 + 1
            or box.y0 < page.y0 - 1
            or box.y1 > page.y1 + 1
        ):
            problems.append(f"text outside the figure: {text.get_text()[:40]!r}")
    return problems


@pytest.mark.slow  # draws every chart from the tables of the whole shipped corpus
@pytest.mark.parametrize("lang", charts.LANGS)
def test_every_chart_on_the_shipped_plans_is_laid_out_cleanly(lang, caplog):
    for name, draw in shipped_charts().items():
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            fig = draw(lang)
            problems = layout_problems(fig)
            fig.savefig(io.BytesIO(), format="png", dpi=72)
        problems += [f"warning: {w.message}" for w in caught]
        problems += [f"log: {r.getMessage()}" for r in caplog.records if r.levelno >= 30]
        caplog.clear()
        assert not problems, f"{name} ({lang}): {problems[:5]}"
        plt.close(fig)


def test_layout_check_catches_overlapping_ticks_and_text_outside():
    fig, ax = plt.subplots(figsize=(2, 2))
    ax.set_xticks([0, 0.01], ["90.0", "92.5"])
    fig.text(0.9, 0.5, "a long sentence that runs off the page")
    problems = layout_problems(fig)
    assert any("overlapping ticks" in p for p in problems)
    assert any("outside the figure" in p for p in problems)


def test_a_panel_of_a_mapped_indicator_is_titled_by_the_catalog_not_the_first_plan():
    df = pd.DataFrame(
        {
            "indicator_id": ["straw_utilization_rate", "straw_utilization_rate", None],
            "indicator_zh": ["农作物秸秆综合利用率", "秸秆综合利用率", "红松绿色产业基地"],
            "indicator_en": ["Crop straw comprehensive utilization rate"] * 2 + [None],
        }
    )
    zh = panel_helpers.indicator_frame(df, "zh")
    assert zh["_ind_name"].tolist() == ["秸秆综合利用率", "秸秆综合利用率", "红松绿色产业基地"]
    assert zh["_ind"].tolist() == ["straw_utilization_rate"] * 2 + ["红松绿色产业基地"]


# ------------------------------------------------------------------------ names, labels, SVG


@pytest.mark.slow  # the tables of the shipped corpus (extracted on a fresh clone)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_scorecard_names_are_declared_short_never_cut(lang):

    run = shipped_run()
    texts = figure_strings(charts.plot_scorecard(run.scorecard, lang, documents=run.documents))
    rows = [t for t in texts if t.startswith("  ")]  # the indicator cell of each row
    assert rows and not [t for t in rows if t.endswith("…")]


def test_a_short_name_of_an_unknown_indicator_names_the_file_and_line(tmp_path, monkeypatch):
    from greenmetrics.charts import panel_helpers
    from greenmetrics.errors import InputError

    bad = tmp_path / "short_names.csv"
    bad.write_text("indicator_id,short_zh,short_en\nno_such_indicator,,Nothing\n")
    monkeypatch.setattr(panel_helpers, "SHORT_NAMES", bad)
    panel_helpers.short_names.cache_clear()
    try:
        with pytest.raises(InputError, match=r"short_names\.csv:2: 'no_such_indicator'"):
            panel_helpers.short_names()
    finally:
        panel_helpers.short_names.cache_clear()


def test_svg_keeps_text_as_text_with_its_font_named(tmp_path):
    fig = charts.plot_trajectory(trajectory_frame(), "en", documents=DOCUMENTS)
    svg = charts.save_figure(fig, "demo", tmp_path, formats=["svg"])[0].read_text()
    assert "Gansu · Share of non-fossil energy" in svg  # editable, not drawn as paths
    assert "font-family: 'Noto Sans CJK SC', 'DejaVu Sans'" in svg


def test_source_line_in_english_names_provinces_in_english_and_counts_in_the_plural():
    from greenmetrics.charts.citations import short_source_text

    sources = {"plans": ["gansu"], "references": ["甘肃省2021年国民经济和社会发展统计公报"]}
    line = short_source_text(sources, DOCUMENTS, "en")
    assert "1 local plan (Gansu)" in line and "1 provincial document of Gansu" in line
    assert not re.search(r"[\u4e00-\u9fff]", line)


def test_an_empty_scorecard_still_names_the_year_it_was_judged_in():
    # a focus or a region set with no target left to judge: the title never reads "0年判定"
    columns = ["region_zh", "indicator_zh", "target_value", "unit", "kind", "comparator",
               "baseline_year", "observed_value", "observation_year", "verdict", "as_of_year"]  # fmt: skip
    empty = pd.DataFrame(columns=columns)
    drawn = figure_strings(charts.plot_scorecard(empty, "zh", as_of_year=2026))
    assert any("2026年判定" in t for t in drawn), drawn
    assert not any("0年判定" in t and "2026" not in t for t in drawn)


def test_a_name_too_long_for_its_panel_is_written_by_its_declared_short_name():
    from greenmetrics.charts.panel_helpers import panel_title

    long = "Livestock and poultry manure comprehensive utilization rate of large-scale farms"
    assert panel_title(long, 12).endswith("…")  # no short name: cut, and says so
    short = panel_title(long, 12, "Livestock manure use rate")
    assert "…" not in short and short.replace("\n", " ") == "Livestock manure use rate"
    # a name that fits keeps its own words, short name or not
    assert panel_title("Crop straw use rate", 12, "Straw") == "Crop straw use rate"
