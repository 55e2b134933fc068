"""Paths towards the goals: per target the path from the baseline, the observed points, the
linear projection and the 2035 goal (`trajectories`); the dated qualitative commitments in
time order (`milestones_timeline`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from .. import settings
from ..catalog import Catalog
from ..schemas import FIELDS, columns
from .progress import judge_progress, meets_target, reduction_path
from .scorecard import standing
from .shared import (
    LEVEL_RANK,
    checked_frame,
    int_or_none,
    is_missing,
    joined_sources,
    prepare_observations,
    prepare_targets,
    progress_direction,
    require_columns,
    text_or_none,
    unit_or_empty,
)

HORIZON_YEAR = 2035  # the 远景目标 year drawn as `goal_2035`
SERIES = FIELDS["series"].allowed


# trajectories


def _trajectory_rows(
    target: dict, progress: dict, start_year: int | None, as_of_year: int
) -> list[dict]:
    """The target path, observed points and projection of one target, on its own scale."""
    points = [p for p in progress["points"] if start_year is None or p["year"] >= start_year]
    anchor = progress["anchor_year"]
    target_year = int(target["target_year"])
    value = target["target_value"]
    base_part = {
        "target_id": target["target_id"],
        "region_zh": target["region_zh"],
        "region_level": target["region_level"],
        "indicator_id": target["indicator_id"],
        "indicator_zh": target["indicator_zh"],
        "indicator_en": target.get("indicator_en"),
        "kind": target["kind"],
        "target_value": value,
        "target_year": target_year,
        "verdict": standing(target, progress, as_of_year)["verdict"],
        "doc_id": target["doc_id"],
        "quote": target["quote"],
        "char_start": target["char_start"],
        "char_end": target["char_end"],
    }
    rows: list[dict] = []

    def add(
        year: int,
        series: str,
        val: float,
        unit: str | None,
        source: Sequence[dict] = (),
        how: str | None = None,
    ) -> None:
        title, where, quote = joined_sources(source)
        rows.append(
            {
                **base_part,
                "year": int(year),
                "series": series,
                "value": float(val),
                "unit": unit,
                "source_title": title,
                "source": where,
                "source_quote": quote,
                "observation_note": how,
            }
        )

    if target["kind"] == "reduction" and unit_or_empty(target["unit"]) == "%":
        # a plan that states no baseline is drawn from the one its points were judged from
        t0 = int_or_none(target.get("baseline_year")) or anchor
        if t0 is None or t0 >= target_year:
            return rows
        # NOTE: intensities are observed as changes, never as levels, so the path is drawn as
        # an index (baseline year = 100): the target is 100 * (1 - r) at the target year.
        unit = f"{t0}=100"
        years = range(t0, target_year + 1)
        for year, val in zip(
            years, reduction_path(100.0, value, t0, target_year, years), strict=True
        ):
            add(year, "target", val, unit)
        # NOTE: a chained fall is drawn as the index it is: 100 * (1 - 2.7%) * (1 - 3.1%) ...
        observed = [(p["year"], 100.0 - p["value"], p["rows"], p["note"]) for p in points]
        for year, val, source, how in observed:
            add(year, "observed", val, unit, source, how)
        fit = [(anchor, 100.0)] + [(y, v) for y, v, _, _ in observed] if anchor is not None else []
        _add_projection(add, fit, target_year, unit)
        return rows
    if target["kind"] not in ("level", "reduction"):
        return rows
    unit = text_or_none(target["unit"])
    reduction = target["kind"] == "reduction"
    if reduction:
        if not points:
            return rows
        # an absolute reduction (减少X万吨) drawn on the fall scale from the baseline
        path_start, start_value, start_rows = anchor, 0.0, []
    else:
        start = _path_start(target, points)
        if start is None:
            return rows  # a lone target point is no trajectory
        path_start, start_value, start_rows = start
    direction = progress_direction(target["comparator"], target["direction"], target["kind"])
    if not reduction and meets_target(start_value, value, target["comparator"], direction):
        # NOTE: a target already met at the start (临夏's good-air days: 92.2% observed, 90%
        # due) is a floor to stay above, not a path: drawn flat, never sloping the wrong way.
        start_value = value
    if path_start is not None and path_start < target_year:
        span = target_year - path_start
        for year in range(path_start, target_year + 1):
            val = start_value + (value - start_value) * (year - path_start) / span
            add(year, "target", val, unit, start_rows if year == path_start else [])
    else:
        add(target_year, "target", value, unit)
    for p in points:
        add(p["year"], "observed", p["value"], unit, p["rows"], p["note"])
    fit = [(p["year"], p["value"]) for p in points]
    if reduction and anchor is not None:
        fit = [(anchor, 0.0), *fit]
    _add_projection(add, fit, target_year, unit)
    return rows


def _path_start(target: dict, points: list[dict]) -> tuple[int, float, list[dict]] | None:
    """Where a level's path starts: the observation of the baseline year, else the baseline
    value the plan states (its indicator table's 2020 column); a plan that states no baseline
    year starts from the year before its own (a plan of 2021: the 2020 level its review or a
    bulletin gives), else the first observation. Returns (year, value, reference rows cited)
    or None when there is nothing to start from."""
    baseline = own = int_or_none(target.get("baseline_year"))
    plan_year = int_or_none(target.get("plan_year"))
    if own is None and plan_year is not None and plan_year - 1 < int(target["target_year"]):
        baseline = plan_year - 1
    at_baseline = [p for p in points if p["year"] == baseline]
    if at_baseline:
        return baseline, at_baseline[0]["value"], at_baseline[0]["rows"]
    stated = target.get("baseline_value")
    if own is not None and not is_missing(stated) and own < int(target["target_year"]):
        return baseline, float(stated), []  # cited by the target's own quote
    if points:
        return points[0]["year"], points[0]["value"], points[0]["rows"]
    return None


def _add_projection(
    add: Callable[..., None], fit: list[tuple[int, float]], target_year: int, unit: str
) -> None:
    """Rows of the linear trend of `fit` from its last year to the target year."""
    if len({y for y, _ in fit}) < 2:
        return
    years = [y for y, _ in fit]
    last = max(years)
    if last >= target_year:
        return
    slope, intercept = np.polyfit(np.asarray(years, float), [v for _, v in fit], 1)
    for year in range(last, target_year + 1):
        add(year, "projection", intercept + slope * year, unit)


def _horizon_rows(target: dict, all_targets: list[dict], rows: list[dict]) -> list[dict]:
    """The 2035 goal of the same region and indicator, on the trajectory's scale."""
    if not rows or int(target["target_year"]) >= HORIZON_YEAR:
        return []
    out = []
    for goal in all_targets:
        if (
            goal["region_zh"] != target["region_zh"]
            or goal["indicator_id"] != target["indicator_id"]
            or int(goal["target_year"]) != HORIZON_YEAR
            or goal["kind"] != target["kind"]
            or unit_or_empty(goal["unit"]) != unit_or_empty(target["unit"])
        ):
            continue
        value = goal["target_value"]
        unit = rows[0]["unit"]
        if target["kind"] == "reduction" and unit_or_empty(target["unit"]) == "%":
            if int_or_none(goal.get("baseline_year")) != int_or_none(target.get("baseline_year")):
                continue
            value = 100.0 * (1 - value / 100.0)
        out.append(
            {
                **rows[0],
                "year": HORIZON_YEAR,
                "series": "goal_2035",
                "value": value,
                "unit": unit,
                "doc_id": goal["doc_id"],
                "quote": goal["quote"],
                "char_start": goal["char_start"],
                "char_end": goal["char_end"],
                "source_title": None,
                "source": None,
                "source_quote": None,
                "observation_note": None,
            }
        )
    return out


def trajectories(
    targets: pd.DataFrame,
    documents: pd.DataFrame,
    observations: pd.DataFrame | None,
    catalog: Catalog | None = None,
    start_year: int | None = None,
    as_of_year: int = settings.AS_OF_YEAR,
) -> pd.DataFrame:
    """Year-by-year paths per target: target path, observed points, projection, 2035 goal.

    Returns the long frame of `schemas.TABLES['trajectories']`, `series` one of:
    - `target`: the path from the baseline to the target. Levels: linear from the observation
      at the baseline year (else the baseline value the plan states; a plan stating no
      baseline starts from the observation of the year before its own, a 2021 plan from the
      2020 level its review gives; else the first observation) to the target; a target already met there is drawn flat at its value (a
      floor to keep, never a path sloping away from it). Reductions in %: an index (baseline
      year = 100, `unit` '2020=100') compounded as `reduction_path` (13% over 2020->2025 puts
      2023 at 100 * 0.87 ** (3/5));
    - `observed`: the observations on the same scale (reductions: 100 - cumulative fall);
    - `projection`: the least-squares line of the observed points (for a reduction, from the
      baseline) carried from the last observed year to the target year;
    - `goal_2035`: the region's 2035 target of the same indicator, kind and unit, if any.
    Observations before `start_year` are left out; those after `as_of_year` ignored. Targets
    that are increments are not drawn (observed levels do not measure them), nor targets whose
    rows fall in one year only (a lone point is no trajectory: nothing to start a path from). Each row keeps the
    target's provenance (doc_id, quote, offsets; a goal row those of the 2035 target) and, for
    observed rows and the path start, the source of the observation (an observed row also
    `observation_note`: how its value was built, e.g. chained from the yearly changes of
    2021-2024). `verdict` is the target's verdict in `as_of_year` (default
    settings.AS_OF_YEAR), the one of its scorecard row (`scorecard.standing`).
    """
    groups = prepare_observations(observations)
    prepared = prepare_targets(targets, documents, catalog)
    rows = []
    for target in prepared:
        if target["indicator_id"] is None:
            continue
        if int(target["target_year"]) == HORIZON_YEAR and any(
            t["region_zh"] == target["region_zh"]
            and t["indicator_id"] == target["indicator_id"]
            and t["kind"] == target["kind"]
            and int(t["target_year"]) < HORIZON_YEAR
            for t in prepared
        ):
            continue  # drawn as the goal_2035 of the earlier target
        progress = judge_progress(target, groups, as_of_year)
        mine = _trajectory_rows(target, progress, start_year, as_of_year)
        if len({r["year"] for r in mine}) < 2:
            continue  # one year only: a point, not a path (no single-point panels)
        rows.extend(mine)
        rows.extend(_horizon_rows(target, prepared, mine))
    series_rank = {s: i for i, s in enumerate(SERIES)}
    rows.sort(key=lambda r: (r["target_id"], series_rank[r["series"]], r["year"]))
    return checked_frame(rows, "trajectories")


# milestones


def milestones_timeline(milestones: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The dated qualitative commitments (全覆盖, 清零, 基本普及 ...) in time order.

    Returns the frame of `schemas.TABLES['milestones_timeline']`: every milestone with its
    region, province (from documents) and quote, sorted by target year, then region (country,
    province, prefecture, county), then position in the plan. Exists so the timeline chart and
    table read the commitments in one order.
    """
    wanted = [c for c in columns("milestones_timeline") if c != "province_zh"]
    require_columns(milestones, wanted, "milestones")
    require_columns(documents, ("doc_id", "province_zh"), "documents")
    docs = documents[["doc_id", "province_zh"]].drop_duplicates("doc_id")
    df = milestones[wanted].merge(docs, on="doc_id", how="left", validate="m:1")
    df["_rank"] = df["region_level"].map(LEVEL_RANK)
    df = df.sort_values(
        ["target_year", "_rank", "province_zh", "region_zh", "doc_id", "char_start"],
        kind="mergesort",
        na_position="last",
    )
    rows = df.drop(columns="_rank").to_dict("records")
    return checked_frame(rows, "milestones_timeline")
