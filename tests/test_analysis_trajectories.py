"""analysis.trajectories by hand: compounded index paths of reductions, linear paths of levels,
observed points, projections, the 2035 goal, and the milestones timeline order."""

from __future__ import annotations

import pandas as pd
import pytest
from analysis_tables import (
    CATALOG,
    DOCUMENTS,
    coal_reduction_fixture,
    frame,
    obs,
    target,
    targets,
)

from greenmetrics import analysis as an


def test_trajectory_of_a_reduction_is_a_compounded_index():
    tg = targets(
        target("T", "甲省", "intensity", 13, comparator="eq", kind="reduction", baseline_year=2020),
        # the same plan's 2035 goal: 较2020年下降30%
        target(
            "G",
            "甲省",
            "intensity",
            30,
            comparator="eq",
            kind="reduction",
            baseline_year=2020,
            target_year=2035,
            quote="2035年较2020年下降30%",
        ),
    )
    ob = frame(
        obs("甲省", "intensity", 2021, -3.0, measure="yearly_change"),
        obs("甲省", "intensity", 2022, -2.0, measure="yearly_change"),
    )
    tr = an.trajectories(tg, DOCUMENTS, ob, CATALOG)
    assert set(tr["target_id"]) == {"T"}  # the 2035 goal is drawn on T, not on its own
    path = tr[tr["series"] == "target"].set_index("year")["value"]
    # index 2020 = 100; 2023 = 100 * 0.87 ** (3/5) = 91.98; 2025 = 87
    assert path[2020] == pytest.approx(100.0)
    assert path[2023] == pytest.approx(100 * 0.87**0.6)
    assert path[2025] == pytest.approx(87.0)
    assert set(tr["unit"]) == {"2020=100"}
    observed = tr[tr["series"] == "observed"].set_index("year")["value"]
    # 2021: 100 - 3 = 97; 2022: 100 - 4.94 = 95.06
    assert observed[2021] == pytest.approx(97.0)
    assert observed[2022] == pytest.approx(95.06)
    # projection: fit through (2020, 100), (2021, 97), (2022, 95.06): slope = -2.47 a year
    # (Sxy = (-1)(100) + 0 + (1)(95.06) = -4.94, Sxx = 2); mean 97.3533 at 2021
    # -> 2025: 97.3533 - 2.47 * 4 = 87.4733
    projection = tr[tr["series"] == "projection"].set_index("year")["value"]
    assert projection.index.min() == 2022 and projection.index.max() == 2025
    assert projection[2025] == pytest.approx(87.47333, abs=1e-4)
    goal = tr[tr["series"] == "goal_2035"].iloc[0]
    # the 2035 goal on the index: 100 * (1 - 0.30) = 70, cited from its own quote
    assert goal["year"] == 2035 and goal["value"] == pytest.approx(70.0)
    assert goal["quote"] == "2035年较2020年下降30%"
    assert observed.index.tolist() == [2021, 2022]
    assert tr.loc[tr["series"] == "observed", "source_title"].notna().all()


def test_trajectory_of_a_level_is_linear_from_the_baseline():
    tg = targets(target("L", "甲县", "green_share", 80, baseline_year=2021))
    ob = frame(
        obs("甲县", "green_share", 2020, 60),
        obs("甲县", "green_share", 2021, 70),
        obs("甲县", "green_share", 2023, 74),
    )
    tr = an.trajectories(tg, DOCUMENTS, ob, CATALOG)
    path = tr[tr["series"] == "target"].set_index("year")["value"]
    # from the baseline-year observation (2021: 70) to 80 in 2025: +2.5 a year
    assert path.index.min() == 2021
    assert path[2023] == pytest.approx(75.0)
    first = tr[(tr["series"] == "target") & (tr["year"] == 2021)].iloc[0]
    assert first["source_title"] == "甲县2021年公报"  # the path's start cites its observation
    # start_year drops earlier observations (and the baseline falls to the first one left)
    tr = an.trajectories(tg, DOCUMENTS, ob, CATALOG, start_year=2022)
    assert tr.loc[tr["series"] == "observed", "year"].tolist() == [2023]
    assert tr.loc[tr["series"] == "target", "year"].min() == 2023


def test_trajectory_without_observations_and_of_increments():
    tg = targets(
        # no observation, no baseline: a lone point, no panel
        target("N", "乙省", "green_share", 75),
        target("I", "甲县", "farmland", 10, unit="万亩", comparator="eq", kind="increment"),
        # the plan states its 2020 value (an indicator table's base-year column): 60 -> 75
        target("B", "甲省", "green_share", 75, baseline_year=2020, baseline_value=60),
    )
    tr = an.trajectories(tg, DOCUMENTS, None, CATALOG)
    assert set(tr["target_id"]) == {"B"}
    path = tr.set_index("year")["value"]
    # linear from 60 (2020) to 75 (2025): 3 a year
    assert path.to_dict() == pytest.approx({2020: 60.0, 2021: 63.0, 2022: 66.0, 2023: 69.0,
                                            2024: 72.0, 2025: 75.0})  # fmt: skip
    assert set(tr["verdict"]) == {"no_data"}
    assert set(tr["quote"]) == {"B的原文"} and tr["source_title"].isna().all()


def test_trajectory_of_a_target_already_met_is_a_flat_floor():
    # 临夏's good-air days: at least 90% by 2025, 92.2% observed in 2024, 93.4% in 2025
    tg = targets(target("A", "甲县", "green_share", 90))
    ob = frame(obs("甲县", "green_share", 2024, 92.2), obs("甲县", "green_share", 2025, 93.4))
    tr = an.trajectories(tg, DOCUMENTS, ob, CATALOG)
    path = tr[tr["series"] == "target"].set_index("year")["value"]
    # flat at the target, not sloping down from 92.2 to 90
    assert path.to_dict() == {2024: 90.0, 2025: 90.0}
    assert tr.loc[tr["series"] == "observed", "value"].tolist() == [92.2, 93.4]
    # lower is better (PM2.5 at most 35): 30 observed in 2023 is already below: flat too
    tg = targets(target("P", "甲县", "pm25", 35, unit="微克/立方米", comparator="le"))
    ob = frame(obs("甲县", "pm25", 2023, 30, unit="微克/立方米"))
    path = an.trajectories(tg, DOCUMENTS, ob, CATALOG).query("series == 'target'")["value"]
    assert path.tolist() == [35.0, 35.0, 35.0]


def test_trajectory_of_one_observation_in_the_target_year_is_no_panel():
    # one 2025 observation of a 2025 target: both points fall in one year
    tg = targets(target("O", "甲县", "green_share", 80))
    ob = frame(obs("甲县", "green_share", 2025, 70))
    assert an.trajectories(tg, DOCUMENTS, ob, CATALOG).empty


def test_trajectory_of_an_absolute_reduction_is_drawn_as_the_fall():
    # 煤炭消费量较2020年减少100万吨 by 2025; levels 1000 (2020), 960 (2022), 930 (2023)
    tg, ob = coal_reduction_fixture()
    tr = an.trajectories(tg, DOCUMENTS, ob, CATALOG)
    # the rows: the target path, then the observed points, then the projection, each by year
    assert [(s, y) for s, y in zip(tr["series"], tr["year"], strict=True)] == [
        *(("target", y) for y in range(2020, 2026)),
        ("observed", 2022), ("observed", 2023),
        ("projection", 2023), ("projection", 2024), ("projection", 2025),
    ]  # fmt: skip
    assert set(tr["unit"]) == {"万吨"}
    # path: a fall of 0 in 2020 to 100 in 2025, 20 a year
    path = tr[tr["series"] == "target"]["value"].tolist()
    assert path == pytest.approx([0.0, 20.0, 40.0, 60.0, 80.0, 100.0])
    # observed falls: 1000 - 960 = 40, 1000 - 930 = 70
    assert tr[tr["series"] == "observed"]["value"].tolist() == pytest.approx([40.0, 70.0])
    # projection: the line through (2020, 0), (2022, 40), (2023, 70): slope 160/7, through the
    # means (2021 2/3, 36 2/3): 2025 -> 110/3 + 160/7 * 10/3 = 2370/21 = 112.857
    projection = tr[tr["series"] == "projection"]["value"].tolist()
    assert projection[-1] == pytest.approx(2370 / 21)
    assert projection[1] - projection[0] == pytest.approx(160 / 7)
    assert set(tr["verdict"]) == {"on_track"}  # the scorecard's verdict


# --------------------------------------------------------------------------------------------
# milestones


def test_milestones_timeline_orders_by_year_then_level():
    ms = pd.DataFrame(
        {
            "milestone_id": ["M1", "M2", "M3"],
            "doc_id": ["county", "prov_a", "prov_b"],
            "region_zh": ["甲县", "甲省", "乙省"],
            "region_level": ["county", "province", "province"],
            "commitment_zh": ["全覆盖", "清零", "基本普及"],
            "target_year": [2025, 2025, 2023],
            "aspirational": [0, 1, 0],
            "year_inferred": [0, 0, 1],
            "quote": ["实现全覆盖", "动态清零", "基本普及"],
            "char_start": [5, 9, 1],
            "char_end": [10, 13, 5],
        }
    )
    tl = an.milestones_timeline(ms, DOCUMENTS)
    assert tl["milestone_id"].tolist() == ["M3", "M2", "M1"]
    assert tl["province_zh"].tolist() == ["乙省", "甲省", "甲省"]
    assert tl["commitment_zh"].tolist() == ["基本普及", "清零", "全覆盖"]
