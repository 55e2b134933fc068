"""Targets against the benchmarks above them: every target beside the province's and the
country's benchmark of the same indicator (`target_benchmarks`), and one row per target with
the most demanding comparable benchmark per level and the progress (`target_gaps`)."""

from __future__ import annotations

import math

import pandas as pd

from ..catalog import Catalog
from ..notes import join, note
from ..regions import COUNTRY_ZH
from ..schemas.vocabularies import is_size_unit
from .progress import convert_unit, judge_progress
from .shared import (
    EPS,
    checked_frame,
    differences,
    direction_sign,
    format_number,
    int_or_none,
    is_false,
    prepare_observations,
    prepare_targets,
    reference_source,
    scale_direction,
    target_part,
    text_or_none,
    unit_or_empty,
)

# benchmarks


def _levels_above(target: dict) -> list[tuple[str, str]]:
    """(benchmark level, region) pairs above the target's region: its province, the country."""
    level = target["region_level"]
    if level == "country":
        return []
    out = []
    province = target["province_zh"]
    if level != "province" and province and province != target["region_zh"]:
        out.append(("province", province))
    out.append(("country", COUNTRY_ZH))
    return out


def index_benchmarks(benchmarks: pd.DataFrame | None) -> dict[tuple, list[dict]]:
    """Benchmark rows by (indicator_id, level, region_zh): one pass over the frame, so that
    judging 20,000 targets is dictionary look-ups, not 20,000 frame filters."""
    index: dict[tuple, list[dict]] = {}
    if benchmarks is None or benchmarks.empty:
        return index
    for bench in benchmarks.to_dict("records"):
        index.setdefault((bench["indicator_id"], bench["level"], bench["region_zh"]), []).append(
            bench
        )
    return index


def benchmark_pairs(target: dict, benchmarks: dict[tuple, list[dict]]) -> list[dict]:
    """The benchmarks of the target's indicator at the levels above it, each judged."""
    if not benchmarks or target["indicator_id"] is None:
        return []
    pairs = []
    for level, region in _levels_above(target):
        for bench in benchmarks.get((target["indicator_id"], level, region), []):
            unit = unit_or_empty(bench["unit"])
            value = float(bench["value"])
            remarks = []
            # NOTE: a benchmark in another scale of the target's unit (10.75 亿亩 beside a target
            # in 万亩) is restated in the target's unit, so a chart never draws it on the wrong axis.
            restated = convert_unit(value, unit, target["unit"])
            if unit != unit_or_empty(target["unit"]) and not math.isnan(restated):
                remarks.append(note("restated", value=f"{value:g}", unit=unit))
                value, unit = restated, unit_or_empty(target["unit"])
            reasons = differences(
                target,
                bench["kind"],
                int_or_none(bench["target_year"]),
                unit,
                int_or_none(bench["baseline_year"]),
            )
            if target["kind"] != "reduction" and is_size_unit(target["unit"]):
                reasons.append(note("size_dependent", unit=unit_or_empty(target["unit"])))
            if text_or_none(target.get("scope_zh")):
                reasons.append(note("target_limited", scope=target["scope_zh"]))
            if is_false(bench.get("is_value_quoted")):
                remarks.append(note("benchmark_coded"))
            comparable = not reasons
            ambition = math.nan
            scale = scale_direction(target["direction"], target["kind"])
            if comparable and scale is not None:
                ambition = direction_sign(scale) * (target["target_value"] - value)
            pairs.append(
                {
                    "benchmark_level": level,
                    "benchmark_region_zh": region,
                    "benchmark_indicator_zh": bench["indicator_zh"],
                    "benchmark_value": value,
                    "benchmark_unit": unit or None,
                    "benchmark_kind": bench["kind"],
                    "benchmark_comparator": bench["comparator"],
                    "benchmark_target_year": int_or_none(bench["target_year"]),
                    "is_comparable": comparable,
                    "comparability_note": join(reasons + remarks),
                    "ambition": ambition,
                    **reference_source(bench),
                    "source_line": int_or_none(bench.get("line")),
                }
            )
    return pairs


def target_benchmarks(
    targets: pd.DataFrame,
    documents: pd.DataFrame,
    benchmarks: pd.DataFrame,
    catalog: Catalog | None = None,
) -> pd.DataFrame:
    """Every plan target beside every benchmark of its indicator above its region.

    Returns the long frame of `schemas.TABLES['target_benchmarks']`: one row per target x
    benchmark of the same indicator set by the target's province (documents.province_zh) or by
    the country, with `is_comparable`, `comparability_note` (why not: kind, target year, unit,
    baseline, a size-dependent unit, a sub-area scope) and `ambition` = target - benchmark
    signed so that positive = the plan is more ambitious (comparable pairs only). A target
    without any benchmark keeps one row with empty benchmark columns. This is the frame
    `charts.plot_gaps` draws; `target_gaps` summarises it to one row per target.
    """
    rows = []
    indexed = index_benchmarks(benchmarks)
    for target in prepare_targets(targets, documents, catalog):
        pairs = benchmark_pairs(target, indexed)
        base = target_part(target)
        if not pairs:
            rows.append(base)
        rows.extend({**base, **pair} for pair in pairs)
    return checked_frame(rows, "target_benchmarks")


def ambition_counts(pairs: pd.DataFrame) -> dict[str, int]:
    """Of the comparable target x benchmark pairs of `pairs` (a frame of `target_benchmarks`,
    or the part of it a chart draws): `pairs` counted, and how many are `above` (the plan more
    ambitious), `equal` and `below` the benchmark.

    Exists so a gaps chart's subtitle and the sentence under it count one frame one way."""
    if "benchmark_value" not in pairs or pairs.empty:
        return {"pairs": 0, "above": 0, "equal": 0, "below": 0}
    comparable = pairs[pairs["benchmark_value"].notna() & pairs["is_comparable"].ne(False)]
    ambition = comparable["ambition"].astype(float)
    return {
        "pairs": len(comparable),
        "above": int((ambition > EPS).sum()),
        "equal": int((ambition.abs() <= EPS).sum()),
        "below": int((ambition < -EPS).sum()),
    }


def summarise_level(target: dict, pairs: list[dict], level: str) -> dict:
    """The wide columns of one benchmark level: the most demanding comparable benchmark."""
    out = {
        f"{level}_benchmark_value": math.nan,
        f"{level}_benchmark_count": 0,
        f"{level}_benchmark_note": None,
        f"{level}_source_title": None,
        f"{level}_source": None,
        f"{level}_source_quote": None,
        f"ambition_vs_{level}": math.nan,
    }
    if level not in {lv for lv, _ in _levels_above(target)}:
        return out
    mine = [p for p in pairs if p["benchmark_level"] == level]
    comparable = [p for p in mine if p["is_comparable"]]
    if not mine:
        out[f"{level}_benchmark_note"] = (
            note("not_in_catalog") if target["indicator_id"] is None else note("no_benchmark")
        )
        return out
    if not comparable:
        reasons = join((p["comparability_note"] for p in mine), separator="；")
        out[f"{level}_benchmark_note"] = note("no_comparable_benchmark", reasons=reasons)
        return out
    # NOTE: sources can disagree (Gansu's energy intensity: 13% and 12.5%); the target is
    # measured against the most demanding one and the note lists them all.
    scale = direction_sign(scale_direction(target["direction"], target["kind"]))
    best = max(comparable, key=lambda p: (scale * p["benchmark_value"], -(p["source_line"] or 0)))
    values = sorted({p["benchmark_value"] for p in comparable})
    notes = []
    if len(values) > 1:
        listed = [format_number(v) for v in values]
        notes.append(note("sources_disagree", n=len(comparable), values=listed))
    elif len(comparable) > 1:
        notes.append(note("sources_agree", n=len(comparable)))
    if best["comparability_note"]:
        notes.append(best["comparability_note"])
    out.update(
        {
            f"{level}_benchmark_value": best["benchmark_value"],
            f"{level}_benchmark_count": len(comparable),
            f"{level}_benchmark_note": join(notes),
            f"{level}_source_title": best["source_title"],
            f"{level}_source": best["source"] or best["doc_number"],
            f"{level}_source_quote": best["source_quote"],
            f"ambition_vs_{level}": best["ambition"],
        }
    )
    return out


def target_gaps(
    targets: pd.DataFrame,
    documents: pd.DataFrame,
    benchmarks: pd.DataFrame | None,
    observations: pd.DataFrame | None,
    catalog: Catalog | None = None,
    as_of_year: int | None = None,
) -> pd.DataFrame:
    """One row per target: its ambition against the province and the country, and its progress.

    Returns the frame of `schemas.TABLES['target_gaps']`:
    - `ambition_vs_province`, `ambition_vs_country`: target - benchmark, signed by the
      indicator's direction (positive = more ambitious), against the most demanding comparable
      benchmark of that level (see `target_benchmarks` for what is comparable), with its source;
    - the latest observation of the target's region (or of its scope when the scope names a
      region with observations), ignoring years after `as_of_year`; for a reduction the
      observation is the cumulative fall since the baseline year converted from yearly changes;
    - `remaining_gap` (signed, positive = still to go), `years_left` (target year - observation
      year), `needed_yearly_progress` = remaining gap / years left, `seen_yearly_progress` (the
      least-squares slope of the observations, same sign) and `status` (`classify_status`),
      with `status_note` saying why.
    Exists so one table answers "how ambitious is each plan, and is it getting there".
    """
    groups = prepare_observations(observations)
    indexed = index_benchmarks(benchmarks)
    rows = []
    for target in prepare_targets(targets, documents, catalog):
        pairs = benchmark_pairs(target, indexed)
        progress = judge_progress(target, groups, as_of_year)
        progress.pop("points")
        progress.pop("anchor_year")
        rows.append(
            {
                **target_part(target),
                **summarise_level(target, pairs, "province"),
                **summarise_level(target, pairs, "country"),
                **progress,
            }
        )
    return checked_frame(rows, "target_gaps")
