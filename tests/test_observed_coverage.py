"""scripts/observed_coverage.py: the share of targets the scorecard judges by an observation of
their own region, and why the others have none."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from script_modules import load_script

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "observed_coverage.py"


@pytest.fixture(scope="module")
def script():
    return load_script(SCRIPT)


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


def test_each_unobserved_target_gets_its_cause_blocked_on_data_or_not(script):
    nan = float("nan")
    card = pd.DataFrame(
        {
            "region_zh": ["丙县", "甲省", "甲省", "甲省", "甲省", "甲省", "甲省", "甲省", "甲省"],
            "indicator_id": [
                "straw_utilization_rate",  # 丙县: no document states anything
                None,  # a name no catalog alias reaches, nowhere in 甲省's documents
                None,  # a name 甲省's documents state (as a table row: 6 林草产业总产值（亿元）)
                "pm25_concentration",  # 甲省 states other indicators only
                "forest_coverage_rate",  # observed, but the target is a sub-area's
                "afforestation_area",  # an increment beside a level
                "energy_intensity_reduction",  # a reduction, no fall since its baseline
                "water_use_total",  # a level, observed in another unit
                "straw_utilization_rate",  # observed: no cause
            ],
            "indicator_zh": [
                "秸秆综合利用率",
                "萤火虫观测站点",
                "林草产业总产值",
                "PM2.5浓度",
                "森林覆盖率",
                "造林",
                "单位地区生产总值能耗",
                "用水总量",
                "秸秆综合利用率",
            ],  # fmt: skip
            "kind": [
                "level",
                "level",
                "level",
                "level",
                "level",
                "increment",
                "reduction",
                "level",
                "level",
            ],  # fmt: skip
            "scope_zh": [None, None, None, None, "乙市", None, None, None, None],
            "context_value": [nan] * 9,
            "observed_value": [nan] * 8 + [90.0],
        }
    )
    observations = pd.DataFrame(
        {
            "region_zh": ["甲省"] * 6,
            "indicator_id": [
                None,
                "forest_coverage_rate",
                "afforestation_area",
                "energy_intensity_reduction",
                "water_use_total",
                "straw_utilization_rate",
            ],  # fmt: skip
            "indicator_zh": [
                "6 林草产业总产值（亿元）",
                "森林覆盖率",
                "完成造林",
                "单位地区生产总值能耗下降",
                "用水总量",
                "秸秆综合利用率",
            ],  # fmt: skip
            "is_used": [False, True, True, True, True, True],
        }
    )
    causes = script.unobserved_causes(card, observations)
    assert list(causes.index) == list(range(8))
    assert list(causes) == [
        script.CAUSES[0],
        script.CAUSES[1],
        script.CAUSES[2],
        script.CAUSES[4],
        script.CAUSES[5],
        script.CAUSES[6],
        script.CAUSES[7],
        script.CAUSES[8],
    ]
    assert all(c.startswith("blocked on data") for c in causes[[0, 1, 3]])
    # a goal's starting value (达到X由65%提升至75%) names the same thing as the goal
    goal = card.iloc[[2]].assign(indicator_zh="城镇新建居住建筑建筑能效")
    start = observations.iloc[[0]].assign(indicator_zh="达到城镇新建居住建筑建筑能效由")
    assert list(script.unobserved_causes(goal, start)) == [script.CAUSES[2]]
    # a larger region's figure shown as context: still blocked on the region's own data
    with_context = card.assign(context_value=[nan, nan, nan, 12.0, nan, nan, nan, nan, nan])
    assert script.unobserved_causes(with_context, observations)[3] == script.CAUSES[3]


@pytest.mark.slow  # runs the script end to end on a folder it extracts
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
    assert "no document of its region states a value: 2" in printed
    regions = pd.read_csv(out)
    assert regions["targets"].sum() == 2 and regions["observed"].sum() == 0
