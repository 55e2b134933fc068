"""scripts/observed_coverage.py: the share of targets the scorecard judges by an observation of
their own region, and why the others have none."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "observed_coverage.py"


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("observed_coverage", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_each_unobserved_target_gets_its_first_reason(script):
    card = pd.DataFrame(
        {
            "region_zh": ["甲省", "甲省", "甲省", "乙省", "甲省"],
            "indicator_id": [
                None,
                "forest_coverage_rate",
                "straw_utilization_rate",
                "straw_utilization_rate",
                "ag_film_recovery_rate",
            ],  # fmt: skip
            "observed_value": [float("nan")] * 4 + [80.0],
        }
    )
    observations = pd.DataFrame(
        {
            "region_zh": ["甲省", "甲省", "乙省"],
            "indicator_id": [
                "straw_utilization_rate",
                "ag_film_recovery_rate",
                "forest_coverage_rate",
            ],
            # 乙省's only row does not judge targets (a sub-area, a lost conflict ...)
            "is_used": [True, True, False],
        }
    )
    reasons = script.unobserved_reasons(card, observations)
    assert list(reasons.index) == [0, 1, 2, 3]  # the observed target has no reason
    assert list(reasons) == [
        "no catalog indicator",
        "region observed, not this indicator",
        "indicator observed, not comparable",
        "no observation of its region",
    ]


def test_runs_on_a_folder_and_counts_what_the_scorecard_judges(script, tmp_path, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "plan.txt").write_text(
        "某县绿色低碳发展实施方案\n到2025年，全县秸秆综合利用率达到90%以上，"
        "全县萤火虫观测站点达到30个。\n",
        encoding="utf-8",
    )
    out = tmp_path / "regions.csv"
    assert script.main([str(raw), "--csv", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "targets mapped: 1 of 2 (50.0%)" in printed
    assert "(curated + extracted): 0 of 2" in printed
    assert "no catalog indicator: 1" in printed
    regions = pd.read_csv(out)
    assert regions["targets"].sum() == 2 and regions["observed"].sum() == 0
