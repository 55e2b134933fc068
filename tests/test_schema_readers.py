"""The reader tables (`schemas.readers`): what a reader sees of each table, declared once, and
read by the workbook and the notebooks' tables alike."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import openpyxl  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from greenmetrics import export, views, words  # noqa: E402
from greenmetrics.errors import SchemaError  # noqa: E402
from greenmetrics.schemas import TABLES  # noqa: E402
from greenmetrics.schemas.readers import (  # noqa: E402
    READER_TABLES,
    REGION_COLUMNS,
    UNIT_COLUMNS,
    ReaderTable,
    reader_columns,
)

# The column that gives the indicator its English words and is never shown itself.
HELPER_COLUMNS = {"indicator_en"}


@pytest.mark.parametrize("name", sorted(READER_TABLES))
def test_every_reader_column_is_a_column_of_its_tables(name):
    reader = READER_TABLES[name]
    assert reader.source in TABLES
    assert not reader.unknown_columns(), f"{name}: not declared by its tables"
    assert len(set(reader.columns)) == len(reader.columns), f"{name}: a column twice"


def test_an_undeclared_reader_column_is_found():
    # the check above is only as good as what it catches
    probe = ReaderTable("probe", "a typo", "targets", ("region_zh", "regoin_zh"))
    assert probe.unknown_columns() == ["regoin_zh"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_shown_column_has_a_header_in_each_language(lang):
    missing = sorted(
        {
            column
            for reader in READER_TABLES.values()
            for column in reader.columns
            if column not in HELPER_COLUMNS
            and words.word("column", column, lang, default=None) in (None, "None", "")
        }
    )
    assert not missing, f"no {lang} header in words.csv for {missing}"


def test_region_and_unit_columns_are_declared_columns():
    declared = {c for t in TABLES.values() for c in t.columns}
    assert declared >= REGION_COLUMNS and declared >= UNIT_COLUMNS


def test_an_unknown_reader_table_names_the_declared_ones():
    with pytest.raises(SchemaError, match="gap_progress"):
        reader_columns("gap_progres")


def gaps_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "target_id": ["T1", "T2"],
            "indicator_id": ["straw", None],  # a code: not in the reader table
            "indicator_zh": ["秸秆综合利用率", "某指标"],
            "indicator_en": ["Crop straw utilization rate", None],
            "region_zh": ["甘肃省", "甘肃省"],
            "target_value": [90.0, 5.0],
            "unit": ["%", "万亩"],
            "status": ["on_track", "no_data"],
            "verdict": ["on_track", "no_data"],
        }
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_notebook_table_shows_the_declared_columns_in_their_order(lang):
    shown = views.reader_table(gaps_frame(), "gap_progress", lang)
    present = [c for c in reader_columns("gap_progress") if c in gaps_frame().columns]
    expected = [words.word("column", c, lang) for c in present if c not in HELPER_COLUMNS]
    assert shown.columns.tolist() == expected
    indicator = shown[words.word("column", "indicator_zh", lang)].tolist()
    if lang == "en":  # English where the catalog has it, else the plan's words
        assert indicator == ["Crop straw utilization rate", "某指标"]
    else:
        assert indicator == ["秸秆综合利用率", "某指标"]


@pytest.mark.slow  # writes a workbook
def test_the_workbook_and_a_notebook_show_the_gaps_in_the_same_declared_order():
    frame = gaps_frame()
    data = export.workbook_bytes({"gaps": frame}, lang="en")
    sheet = openpyxl.load_workbook(io.BytesIO(data))[words.word("sheet", "gaps", "en")]
    headers = [c.value for c in sheet[1]]
    declared = [c for c in reader_columns("gaps") if c in frame.columns]
    assert headers == [words.word("column", c, "en") for c in declared]
    assert headers.index("region") < headers.index("indicator") < headers.index("target id")
