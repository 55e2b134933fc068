"""What the notebooks call: the regions a notebook compares follow its REGIONS parameter."""

from __future__ import annotations

import pandas as pd
import pytest

from greenmetrics import paths, settings, views
from greenmetrics.errors import GreenmetricsError
from greenmetrics.report_run import benchmarked, shared_indicators

# What 甘肃省 (p107_gansu, r320_gansu) and 临夏州 (003_d6b7a80b1f52e553) both set a target on,
# read from the plans: 废旧农膜回收率 85%, 单位地区生产总值能耗 -13%, 绿色建筑 70%/80%,
# 绿色生态产业 25%/34%, 畜禽粪污 82%/80%, 医疗废物处置 100%/99%, 生活垃圾回收利用率 35%,
# 主要再生资源回收利用率 93%, 污泥无害化 100%/90%, 秸秆综合利用率 86%, 空气质量优良天数比率
# 93.8% (r320_gansu's indicator table) / 90%.
GANSU_AND_LINXIA = [
    "ag_film_recovery_rate", "air_quality_good_days_ratio", "energy_intensity_reduction", "green_building_share",
    "green_eco_industry_share", "livestock_manure_utilization_rate", "medical_waste_disposal_rate",
    "msw_recycling_rate", "recyclable_resources_recovery_rate", "sludge_safe_disposal_rate",
    "straw_utilization_rate",
]  # fmt: skip
# and what the two seed plans, 忻府区 and 临夏州, share
SEEDS_SHARE = [
    "ag_film_recovery_rate", "green_building_share", "high_standard_farmland",
    "livestock_manure_utilization_rate", "msw_recycling_rate", "straw_utilization_rate",
]  # fmt: skip


@pytest.mark.slow  # the tables of the shipped corpus (extracted on a fresh clone)
def test_cross_region_compares_the_regions_asked_for():
    frames = views.load_all(["甘肃省", "临夏回族自治州"])
    assert set(frames.targets.region_zh) == {"甘肃省", "临夏回族自治州"}
    assert views.focus_regions(None) == settings.FOCUS_REGIONS
    asked = views.focus_regions(["甘肃省", "临夏回族自治州"])
    assert shared_indicators(frames.targets, asked) == GANSU_AND_LINXIA
    seeds = shared_indicators(views.load_all().targets, views.focus_regions(None))
    assert seeds == SEEDS_SHARE


def test_shared_indicators_are_those_every_region_targets_sorted_by_id():
    targets = pd.DataFrame(
        {
            "region_zh": ["甲县", "甲县", "甲县", "乙市", "乙市", "丙省"],
            "indicator_id": ["straw", "forest", None, "forest", "straw", "straw"],
        }
    )
    assert shared_indicators(targets, ("甲县", "乙市")) == ["forest", "straw"]
    assert shared_indicators(targets, ("甲县", "乙市", "丙省")) == ["straw"]
    assert shared_indicators(targets, ("甲县", "丁县")) == []  # a region without a plan


def test_the_seed_regions_are_the_regions_of_the_seed_plans():
    manifest = pd.read_csv(paths.RAW_DIR / "documents.csv", dtype=str)
    seed_plans = manifest[manifest.source.eq("greenmetrics seed corpus")]
    assert tuple(seed_plans.region_zh) == settings.FOCUS_REGIONS


def test_a_shown_chart_is_its_saved_png_and_draws_once(tmp_path, monkeypatch):
    import json

    import matplotlib.pyplot as plt

    # run by hand (no GREENMETRICS_REPORTS): the lab folder, never the report's figures
    monkeypatch.delenv("GREENMETRICS_REPORTS", raising=False)
    monkeypatch.setattr(paths, "LAB_DIR", tmp_path)
    fig, ax = plt.subplots()
    ax.plot([1, 2], [3, 4])
    image = views.show(fig, "demo", "en")
    png = tmp_path / "figures" / "demo_en.png"
    assert image.data == png.read_bytes() and image.data.startswith(b"\x89PNG")
    made = {p.name for p in (tmp_path / "figures").iterdir()}
    assert made == {"demo_en.png", "demo_en.svg", "demo_en.pdf"}
    assert not plt.fignum_exists(fig.number)  # closed: an inline backend will not draw it again
    # no notebook leaves a bare figure as a cell's result (headless it prints '<Figure size ...>')
    for notebook in sorted(paths.NOTEBOOKS_DIR.glob("*.ipynb")):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            lines = "".join(cell["source"]).strip().splitlines()
            assert cell["cell_type"] != "code" or lines[-1:] != ["fig"], notebook.name


def test_only_the_report_writes_the_reports_outputs(monkeypatch, tmp_path):
    monkeypatch.delenv("GREENMETRICS_REPORTS", raising=False)
    assert views.output_dir() == paths.LAB_DIR != paths.REPORTS_DIR
    assert views.workbook_path("en") == paths.LAB_DIR / "greenmetrics_en.xlsx"
    # the report names its (staging) folder for its kernels: outputs go there, one per language
    monkeypatch.setenv("GREENMETRICS_REPORTS", str(tmp_path))
    assert views.output_dir() == paths.REPORTS_DIR
    assert views.workbook_path("zh").name == "greenmetrics_zh.xlsx"


def test_a_filter_in_a_report_says_where_filters_live_and_draws_nothing(monkeypatch, capsys):
    # the report keeps a copy without widgets: no chart is drawn into them, the line is printed
    monkeypatch.setenv("GREENMETRICS_REPORTS", "reports")
    targets = pd.DataFrame({"region_zh": ["甲县"], "indicator_zh": ["x"], "theme": ["energy"]})

    def plot(*args, **kwargs):
        raise AssertionError("drawn in a report")

    assert views.explore(targets, plot, "en") is None
    assert capsys.readouterr().out == views.charts.label("filters_live_in_lab", "en") + "\n"


@pytest.mark.slow  # the tables of the shipped corpus (extracted on a fresh clone)
def test_focus_changes_which_regions_lead_never_the_data():
    from greenmetrics import charts

    every = views.load_all()
    assert charts.focus_regions() == settings.FOCUS_REGIONS
    focus = ["武汉市", "定西市"]
    moved = views.load_all(focus=focus)
    try:
        assert charts.focus_regions() == tuple(focus)
        assert moved.targets.equals(every.targets) and moved.documents.equals(every.documents)
        assert moved.focus == tuple(focus)
        card = moved.scorecard  # the run's scorecard leads with the run's focus
        assert list(dict.fromkeys(card.region_zh))[:2] == focus
        assert len(card) == len(every.targets)
        with pytest.raises(GreenmetricsError, match="不存在市"):
            views.load_all(focus=["不存在市"])
    finally:
        charts.set_focus(None)


def test_tables_read_in_the_chosen_language_and_quotes_stay_as_written():
    import pandas as pd

    table = pd.DataFrame(
        {
            "region_zh": ["忻州市忻府区", "全国"],
            "indicator_zh": ["高标准农田", "秸秆综合利用率"],
            "indicator_en": ["High-standard farmland area", None],
            "unit": ["万亩", "%"],
            "theme": ["agriculture", None],
            "status": ["no_data", "on_track"],
            "quote": ["全区建成高标准农田45万亩", "达到86%"],
        }
    )
    documents = pd.DataFrame(
        {"region_zh": ["忻州市忻府区"], "region_en": ["Xinfu District, Xinzhou"]}
    )
    english = views.in_language(table, "en", documents)
    assert list(english.columns) == ["region", "indicator", "unit", "theme", "pace", "quote"]
    assert english["region"].tolist() == ["Xinfu District", "China"]
    assert english["indicator"].tolist() == ["High-standard farmland area", "秸秆综合利用率"]
    assert english["unit"].tolist() == ["10k mu", "%"]
    assert english["theme"].tolist() == ["agriculture", "unmapped"]
    assert english["pace"].tolist() == ["no trend", "fast enough"]
    assert english["quote"].tolist() == table["quote"].tolist()
    chinese = views.in_language(table, "zh", documents)
    assert list(chinese.columns) == ["地区", "指标", "单位", "主题", "年均进度", "原文"]
    assert chinese["主题"].tolist() == ["农业", "未归类"]
    assert chinese["年均进度"].tolist() == ["无趋势", "速度足够"]


def test_codes_of_a_table_read_as_words_in_each_language():
    table = pd.DataFrame(
        {
            "category": ["unmapped_indicator"],
            "kind": ["reduction"],
            "comparator": ["ge"],
            "verdict": ["off_track"],
            "quote": ["较2020年下降13.5%"],
        }
    )
    en = views.in_language(table, "en").iloc[0].tolist()
    zh = views.in_language(table, "zh").iloc[0].tolist()
    assert en == [
        "indicator not in the catalog",
        "reduction",
        "at least",
        "off track",
        table.quote[0],
    ]
    assert zh == ["指标未入目录", "降低", "不低于", "进度滞后", "较2020年下降13.5%"]


def test_the_gaps_chart_sets_no_area_against_another_levels():
    pairs = pd.DataFrame(
        {
            "indicator_id": ["farmland", "farmland", "straw", "energy", "sewage"],
            "unit": ["万亩", "万亩", "%", "%", "个百分点"],
            "kind": ["level", "level", "level", "reduction", "increment"],
            "benchmark_value": [107500.0, None, 86.0, 13.5, 70.0],
            # +5个百分点 beside a level of 70%: one axis cannot hold both
            "benchmark_unit": ["万亩", None, "%", "%", "%"],
        }
    )
    kept = benchmarked(pairs)
    assert kept["indicator_id"].tolist() == ["straw", "energy"]


@pytest.mark.slow  # the tables of the shipped corpus (extracted on a fresh clone)
def test_the_report_reads_one_observation_table_and_its_conflicts():
    from greenmetrics import reference

    frames = views.load_all()
    observed = frames.observations
    # every curated row is in it, as its row of data/reference (curated:<line>)
    curated = reference.load_observations()
    mine = observed[observed.origin == "curated"]
    assert mine["observation_id"].tolist() == [f"curated:{n}" for n in curated["line"]]
    # and every row the extraction wrote, with its document as the source
    extracted = observed[observed.origin == "extracted"]
    written = pd.read_csv(views.paths.PROCESSED_DIR / "observations.csv", dtype=str)
    assert sorted(extracted["observation_id"]) == sorted(written["observation_id"])
    documents = frames.documents.set_index("doc_id")
    for doc, title in zip(extracted.doc_id, extracted.source_title, strict=True):
        printed = documents.at[doc, "title_zh"]
        if isinstance(printed, str):
            assert title.startswith(printed)
        else:  # a document that prints no title is named by its issuer, else its file
            issuer = documents.at[doc, "issuer_zh"]
            assert title == (issuer if isinstance(issuer, str) else doc)
    # a conflict is never silent: each row not used for one names the row used instead
    lost = observed[observed.used_instead.notna()]
    assert len(frames.conflicts) == len(lost) > 0  # the shipped curated rows hold a few
    assert set(frames.conflicts.other_observation_id) == set(lost.observation_id)
    # the scorecard reads the joined table: today's 9 targets judged at least
    card = frames.scorecard
    judged = int(card.observed_value.notna().sum())
    assert judged >= 9
    sentence = views.finding_observed_share(card, frames.conflicts, "en")
    assert sentence.startswith(f"{judged} of {len(card)} targets (")


def test_plan_words_in_an_english_table_are_half_width():
    table = pd.DataFrame({"indicator_zh": ["５Ａ级物流企业"], "indicator_en": [None]})
    assert views.in_language(table, "en")["indicator"].tolist() == ["5A级物流企业"]
    assert views.in_language(table, "zh")["指标"].tolist() == ["５Ａ级物流企业"]


def test_a_notebook_table_of_chosen_columns_reads_its_notes_from_their_codes():
    from greenmetrics import notes

    reason = notes.join(
        [
            notes.note("different_year", year=2022, other_year=2025),
            notes.note("scope_limited", scope="乙市城区"),
        ]
    )
    made = pd.DataFrame({"region_zh": ["乙市"], "value": [40.0], "comparability_note": [reason]})
    table = notes.with_codes(made, "region_comparison")
    shown = views.in_language(table, "zh", columns=["region_zh", "comparability_note"])
    assert list(shown.columns) == ["地区", "可比性说明"]
    assert shown["可比性说明"].tolist() == ["目标年不同：2022年 vs 2025年；范围限于乙市城区"]
    # the note cut from its codes cannot be read in Chinese: refused, never shown as English
    with pytest.raises(ValueError, match="comparability_note without comparability_note_code"):
        views.in_language(table[["region_zh", "comparability_note"]], "zh")
