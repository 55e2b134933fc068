"""scripts/unmapped_names.py: the list a curator grows the catalog from."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from script_modules import load_script

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "unmapped_names.py"


@pytest.fixture(scope="module")
def script():
    return load_script(SCRIPT)


def test_lists_an_unmapped_name_and_a_near_miss(script, tmp_path, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "plan.txt").write_text(
        "到2025年，全市秸秆综合利用率达到90%以上，全市萤火虫观测站点达到30个，"
        "农村生活污水集中收集率达到40%。\n",
        encoding="utf-8",
    )
    out = tmp_path / "unmapped.csv"
    assert script.main([str(raw), "--csv", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "萤火虫观测站点" in printed
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    unmapped = table[table["section"] == "unmapped"]
    assert "萤火虫观测站点" in set(unmapped["name"])
    assert "秸秆综合利用率" not in set(unmapped["name"])  # mapped: not listed
    row = unmapped[unmapped["name"] == "萤火虫观测站点"].iloc[0]
    assert row["documents"] == "plan" and row["n_targets"] == "1"
    assert "萤火虫观测站点达到30个" in row["example_quote"]
    # rural: holds the city rate's alias but rightly is not matched to it
    near = table[table["section"] == "near_miss"]
    assert ("农村生活污水集中收集率", "urban_sewage_collection_rate") in set(
        zip(near["name"], near["indicator_id"], strict=True)
    )


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("全省单位地区生产总值能耗下降", "单位地区生产总值能耗"),
        ("非化石能源占比由", "非化石能源占比"),
        ("地级及以上城市空气质量优良天数比例", "空气质量优良天数比例"),
        ("萤火虫观测站点", "萤火虫观测站点"),
    ],
)
def test_names_are_grouped_without_region_scope_and_direction_words(script, name, key):
    assert script.group_key(name) == key


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("（四）实施低碳化改造和CCUS示范工程................", "contents line"),
        ("）完成", "fragment"),
        ("（占比", "fragment"),
        ("装机", "too short"),
        ("森林覆盖率", ""),
    ],
)
def test_names_that_are_no_indicator_are_flagged(script, name, why):
    assert script.looks_like(name) == why


def test_reads_the_tables_an_extraction_wrote_instead_of_extracting(script, tmp_path, capsys):
    columns = ["doc_id", "indicator_zh", "indicator_id", "quote"]
    pd.DataFrame(
        [
            ["plan", "萤火虫观测站点", None, "萤火虫观测站点达到30个"],
            ["plan", "秸秆综合利用率", "straw_utilization_rate", "秸秆综合利用率达到90%"],
        ],
        columns=columns,
    ).to_csv(tmp_path / "targets.csv", index=False)
    pd.DataFrame(columns=columns).to_csv(tmp_path / "observations.csv", index=False)
    out = tmp_path / "unmapped.csv"
    assert script.main(["--tables", str(tmp_path), "--csv", str(out)]) == 0
    assert "2 named targets and observations, 1 mapped" in capsys.readouterr().out
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert set(table[table["section"] == "unmapped"]["name"]) == {"萤火虫观测站点"}
