"""One rule names a region for readers (`words.region_names`); every table, sheet, chart and
sentence that shows a region uses it, so the same region never reads two ways."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import openpyxl  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from greenmetrics import export, findings, views, words  # noqa: E402
from greenmetrics.charts import panel_helpers  # noqa: E402
from greenmetrics.charts.citations import short_source_text  # noqa: E402
from greenmetrics.charts.style import list_separator  # noqa: E402
from greenmetrics.gazetteer import shipped_gazetteer  # noqa: E402
from greenmetrics.workbook import reader_tables  # noqa: E402

DOCUMENTS = pd.DataFrame(
    {
        "doc_id": ["a", "b"],
        "region_zh": ["忻州市忻府区", "临夏回族自治州"],
        "region_en": ["Xinfu District, Xinzhou", "Linxia Hui Autonomous Prefecture"],
    }
)
# a plan region, a city with no plan of its own, the country, a scope no gazetteer knows
REGIONS = ["忻州市忻府区", "临夏回族自治州", "忻州市", "全国", "某工业园区"]


@pytest.mark.parametrize(
    ("lang", "short", "expected"),
    [
        ("zh", False, REGIONS[:3] + ["全国", "某工业园区"]),
        ("en", False, ["Xinfu District, Xinzhou", "Linxia Hui Autonomous Prefecture", "Xinzhou",
                       "China", "某工业园区"]),
        ("en", True, ["Xinfu District", "Linxia Prefecture", "Xinzhou", "China", "某工业园区"]),
    ],
)  # fmt: skip
def test_the_rule_documents_first_then_the_gazetteer_else_as_written(lang, short, expected):
    names = words.region_names(REGIONS, lang, DOCUMENTS, short=short)
    assert [names[r] for r in REGIONS] == expected
    assert [words.region_name(r, lang, DOCUMENTS, short=short) for r in REGIONS] == expected


def test_the_documents_english_name_wins_over_the_gazetteers():
    renamed = DOCUMENTS.assign(region_en=["Xinfu", "Linxia"])
    assert words.region_names(REGIONS[:2], "en", renamed) == {
        "忻州市忻府区": "Xinfu",
        "临夏回族自治州": "Linxia",
    }


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_notebook_table_names_regions_by_the_rule(lang):
    table = pd.DataFrame({"region_zh": REGIONS, "n": range(len(REGIONS))})
    shown = views.in_language(table, lang, DOCUMENTS)
    expected = words.region_names(REGIONS, lang, DOCUMENTS, short=True)
    assert shown.iloc[:, 0].tolist() == [expected[r] for r in REGIONS]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_chart_names_regions_by_the_rule(lang):
    _, names = panel_helpers.named_frame(
        pd.DataFrame({"region_zh": REGIONS}), DOCUMENTS, lang, False
    )
    assert names == words.region_names(REGIONS, lang, DOCUMENTS, short=True)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_finding_names_regions_by_the_rule(lang):
    card = pd.DataFrame(
        {
            "region_zh": REGIONS[:3],
            "as_of_year": 2026,
            "verdict": ["met", "missed", "met"],
            "observed_value": [1.0, 2.0, 3.0],
        }
    )
    card = card.assign(has_context=False, context_value=float("nan"))
    text = findings.finding_scorecard(card, lang, DOCUMENTS)
    sep = list_separator(lang)
    names = words.region_names(REGIONS[:3], lang, DOCUMENTS, short=True)
    assert sep.join(names.values()) in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_workbook_names_regions_by_the_rule(lang):
    targets = pd.DataFrame({"region_zh": REGIONS, "context_region_zh": REGIONS[::-1]})
    card = pd.DataFrame({"region_zh": REGIONS[:2], "indicator_zh": ["x", "y"]})
    data = export.workbook_bytes(
        {"targets": targets, "documents": DOCUMENTS, "scorecard": card}, lang=lang
    )
    wb = openpyxl.load_workbook(io.BytesIO(data))
    rows = list(
        wb[reader_tables.word("sheet", "targets", lang)].iter_rows(min_row=2, values_only=True)
    )
    full = words.region_names(REGIONS, lang, DOCUMENTS)
    assert [r[0] for r in rows] == [full[r] for r in REGIONS]
    assert [r[1] for r in rows] == [full[r] for r in REGIONS[::-1]]
    if lang == "en":  # a sheet title is short, as on a chart's axis
        short = words.region_names(REGIONS[:2], lang, DOCUMENTS, short=True)
        titles = [f"{reader_tables.word('sheet', 'scorecard', lang)} · {n}" for n in short.values()]
        assert wb.sheetnames[1:3] == titles


# region_zh -> its short name in Chinese and in English, both from the gazetteer
SHORT = {
    "忻州市忻府区": ("忻府区", "Xinfu District"),  # a county without its city
    "临夏回族自治州": ("临夏州", "Linxia Prefecture"),  # autonomy dropped, the kind kept
    "甘肃省": ("甘肃", "Gansu"),
    "大连市": ("大连市", "Dalian"),  # 大连 is running text, not a label
    "茂名市高州市": ("高州市", "Gaozhou City"),  # a county-level city without its city
    "积石山保安族东乡族撒拉族自治县": ("积石山县", "Jishishan County"),
    "呼伦贝尔市鄂温克族自治旗": ("鄂温克旗", "Ewenke Banner"),
    "南京市江北新区": ("江北新区", "南京市江北新区"),  # a zone: no English name in GB/T 2260
    "全国": ("全国", "China"),
    "某工业园区": ("某工业园区", "某工业园区"),  # no division: as written
}


@pytest.mark.parametrize(("region", "names"), SHORT.items())
def test_a_short_name_comes_from_the_gazetteer_in_both_languages(region, names):
    assert (words.short_region_name(region, "zh"), words.short_region_name(region, "en")) == names


def test_every_divisions_short_names_agree_across_languages():
    gazetteer = shipped_gazetteer()
    for division in gazetteer.divisions.values():
        zh, en = gazetteer.short_name(division, "zh"), gazetteer.short_name(division, "en")
        # the Chinese is the name or one the gazetteer lists; neither names the parent city
        assert zh in (division.name, *division.short_names), division
        assert "Autonomous" not in en and "," not in en, division
        # both keep the kind of division, or both drop it (a province, a prefecture city)
        assert (zh[-1] in "县旗") is en.endswith((" County", " Banner")), division


def test_english_short_names_follow_the_name_the_plans_are_filed_under():
    # the gazetteer's reading of the place: its short name; another reading: the filed name
    assert words.region_name("临夏回族自治州", "en", DOCUMENTS, short=True) == "Linxia Prefecture"
    renamed = DOCUMENTS.assign(region_en=["Hsinfu", "Linxia"])
    assert words.region_names(REGIONS[:2], "en", renamed, short=True) == {
        "忻州市忻府区": "Hsinfu",
        "临夏回族自治州": "Linxia Prefecture",
    }


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_source_line_and_a_sheet_title_use_the_short_name(lang):
    line = short_source_text({"plans": ["a", "b"]}, DOCUMENTS, lang)
    short = [words.short_region_name(r, lang, DOCUMENTS) for r in REGIONS[:2]]
    assert all(name in line for name in short)
    card = pd.DataFrame({"region_zh": REGIONS[:2], "indicator_zh": ["x", "y"]})
    full = words.region_names(REGIONS[:2], lang, DOCUMENTS)
    titles = list(reader_tables.region_scorecards(card, lang, full))
    assert [t.split("·")[-1].strip() for t in titles] == short
