"""The extractor on six policies of other kinds than the 实施方案 family that no target rule was
written on, against a gold labelled before any extractor output on them was looked at
(tests/gold/README.md, "Genres held-out gold"): a national annual guidance (g029 国家能源局
2022年能源工作指导意见), a provincial party-and-government decision (g071 河北 实施意见), a zone's
funding call (g120 北京经济技术开发区 绿色发展资金支持政策), a five-year sector plan with letter-spaced
clauses and a goals table (g213 天津市电力发展“十四五”规划), a provincial department's work plan
(g326 湖南 制造业绿色低碳转型行动方案) and a national ministries' plan (g397 电机能效提升计划). Matched
by quote (the PDFs' text layers).

First scored at recall 0.672, precision 0.713, fields 0.963, 9 traps (the funding call gave no
target). Its misses were then studied as classes and rules written for the genre's language
(issue 18, second round: recall 0.975, precision 1.000, fields 0.979, 3 traps), so it is a
development set now. The floors sit just under those figures, so a regression fails; the misses
printed are the work left. Raise a floor when a general rule lifts the figure; never edit the
gold to meet the output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from greenmetrics.pipeline import extract_corpus

from scoring import gold, score, traps_reported

HELDOUT_DIR = Path(__file__).parent / "corpus" / "genres_heldout"
LABELLED = sorted(p.name for p in HELDOUT_DIR.glob("*.pdf"))
# Every number of the funding call is a grant rate, a cap, a date or a requirement on applicants.
WITHOUT_TARGETS = ("g120_beijing_etdz.pdf",)
# doc -> (region_zh, region_level), read by hand from each document's header and signature
REGIONS = {
    "g029_national": ("全国", "country"),  # 国家能源局
    "g071_hebei": ("河北省", "province"),  # 河北省委、省政府
    "g120_beijing_etdz": ("北京经济技术开发区", "county"),  # 北京经济技术开发区管理委员会
    "g213_tianjin": ("天津市", "province"),  # 天津市发展和改革委员会
    "g326_hunan": ("湖南省", "province"),  # 湖南省工业和信息化厅
    "g397_national": ("全国", "country"),  # 工业和信息化部办公厅 市场监督管理总局办公厅
}


@pytest.fixture(scope="module")
def extraction():
    return extract_corpus([HELDOUT_DIR])


def test_the_labelled_documents_are_shipped():
    assert set(gold("genres_heldout_targets_gold.csv").file) | set(WITHOUT_TARGETS) == set(LABELLED)
    assert set(gold("genres_heldout_non_targets.csv").file) == set(LABELLED)
    assert {f"{doc}.pdf" for doc in REGIONS} == set(LABELLED)


@pytest.mark.slow  # extracts six real PDFs end to end
def test_region_and_level_of_each_held_out_document(extraction):
    documents = extraction.documents.set_index("doc_id")
    got = {
        doc: (documents.at[doc, "region_zh"], documents.at[doc, "region_level"]) for doc in REGIONS
    }
    assert got == REGIONS


@pytest.mark.slow  # extracts six real PDFs end to end
def test_genres_heldout_recall_precision_and_fields(extraction):
    result = score(
        extraction.targets,
        gold("genres_heldout_targets_gold.csv"),
        by_quote=True,
        documents=LABELLED,
    )
    print(result.report(), f"fields={result.fields_right():.3f}")
    assert result.recall >= 0.96, result.report()
    assert result.precision >= 0.99, result.report()
    assert result.fields_right() >= 0.97, result.report()


@pytest.mark.slow  # extracts six real PDFs end to end
def test_the_funding_call_gives_no_target(extraction):
    stems = [Path(name).stem for name in WITHOUT_TARGETS]
    got = extraction.targets[extraction.targets["doc_id"].isin(stems)]
    assert got.empty, got[["doc_id", "indicator_zh", "value", "quote"]].to_string()


@pytest.mark.slow  # extracts six real PDFs end to end
def test_few_traps_of_the_held_out_set_are_targets(extraction):
    reported = traps_reported(extraction.targets, gold("genres_heldout_non_targets.csv"))
    print("\n".join(reported))
    # NOTE: the three left are rate cells of the goals table whose gold text holds the 2025
    # value too (2600左右6.3%左右预期性): the scorer pairs them with the 2025 targets.
    assert len(reported) <= 3, reported
