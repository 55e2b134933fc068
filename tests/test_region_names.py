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
from greenmetrics.charts.style import list_separator  # noqa: E402
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
