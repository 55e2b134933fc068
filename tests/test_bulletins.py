"""A bulletin dropped into an input folder without a manifest row, as the README says a user
adds one: its kind and year come from its title, its figures become observations, and the
summary of `greenmetrics extract` counts them."""

from __future__ import annotations

import pandas as pd
from typer.testing import CliRunner

from greenmetrics.cli import app

BULLETIN = """宜昌市2023年国民经济和社会发展统计公报
宜昌市统计局
2024年3月20日
一、综合
初步核算，全年全市地区生产总值6190.39亿元，比上年增长6.3%。
年末全市森林覆盖率为69.9%。
"""


def test_a_bulletin_without_a_manifest_row_gives_observations_not_targets(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "yichang_2023.txt").write_text(BULLETIN, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "│ observations              │ 3 " in result.output
    documents = pd.read_csv(tmp_path / "out" / "documents.csv")
    assert documents.loc[0, ["doc_kind", "report_year"]].tolist() == ["bulletin", 2023]
    assert pd.read_csv(tmp_path / "out" / "targets.csv").empty
    observations = pd.read_csv(
        tmp_path / "out" / "observations.csv", dtype=str, keep_default_na=False
    )
    got = observations[["value", "unit", "year", "kind", "baseline_year"]]
    assert got.values.tolist() == [
        ["6190.39", "亿元", "2023", "level", ""],
        ["6.3", "%", "2023", "change", "2022"],
        ["69.9", "%", "2023", "level", ""],
    ]
    assert set(observations["region_zh"]) == {"宜昌市"}
