"""The default corpus in data/raw as the extraction reads it: every file has its manifest row, and
the documents added for their observations (issue 17) are the kinds, regions and years they are.

The manifest rows were typed from each document (and, for the report excerpts, from the corpus
README); the extraction must take them, not fall back to detection.
"""

from __future__ import annotations

import pandas as pd

from greenmetrics import paths
from greenmetrics.inputs import iter_plan_files

# The report excerpts: region, level, GB/T 2260 code, kind, and the year the title prints (None
# where the headline prints none: the year of such a news item is not the title's).
REPORTS = {
    "gannan_2022_bulletin_part": ("甘南藏族自治州", "prefecture", "623000", "bulletin", 2022),
    "gansu_2024_work_report_part": ("甘肃省", "province", "620000", "work_report", 2023),
    "henan_2023_renewables_news": ("河南省", "province", "410000", "news", None),
    "ningxia_2021_bulletin_news": ("宁夏回族自治区", "province", "640000", "bulletin", 2021),
    "ningxia_2024q1_air_news": ("宁夏回族自治区", "province", "640000", "news", 2024),
    "ningxia_decade_news": ("宁夏回族自治区", "province", "640000", "news", None),
    "shanxi_2017_air_news": ("山西省", "province", "140000", "news", None),
}


def manifest() -> pd.DataFrame:
    return pd.read_csv(paths.RAW_DIR / "documents.csv", dtype=str, keep_default_na=False)


def test_every_shipped_file_has_its_manifest_row():
    files = {p.name for p in iter_plan_files([paths.RAW_DIR])}
    assert files == set(manifest()["file"])
    assert len(files) == 39  # 20 plans, 12 later plans, 7 report excerpts


def test_every_document_takes_its_metadata_from_the_manifest(shipped_extraction):
    result = shipped_extraction
    assert result.problems == []
    documents = result.documents.set_index("file")
    rows = manifest().set_index("file")
    assert set(documents.index) == set(rows.index)
    assert documents["metadata_source"].eq("manifest").all()
    assert documents["division_code"].notna().all()
    for column in ("region_zh", "region_level", "province_zh", "doc_kind"):
        assert documents[column].eq(rows[column]).all(), column


def test_the_report_excerpts_are_the_kind_region_and_year_they_are(shipped_extraction):
    documents = shipped_extraction.documents.set_index("doc_id")
    for doc_id, (region, level, code, kind, year) in REPORTS.items():
        row = documents.loc[doc_id]
        assert (row.region_zh, row.region_level, row.division_code, row.doc_kind) == (
            region,
            level,
            code,
            kind,
        ), doc_id
        if year is not None:
            assert row.report_year == year, doc_id
    plans = documents[~documents.index.isin(list(REPORTS))]
    assert plans["doc_kind"].eq("plan").all()
