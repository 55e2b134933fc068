"""The same indicator side by side across regions (`compare_regions`): plan targets, regions
whose plan sets none, and the benchmarks of their provinces and the country, each judged like
with like against the indicator's most common (kind, year, unit). An area or a count (万亩,
个 ...) grows with the size of the region, so for such units the comparison is made within one
region level (`is_size_unit`): a benchmark of a level no plan targets at is not comparable,
and charts draw each level apart."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from ..notes import join, note
from ..regions import COUNTRY_ZH
from ..schemas import KINDS
from ..schemas.vocabularies import is_size_unit
from .shared import (
    LEVEL_RANK,
    TARGET_COLUMNS,
    checked_frame,
    differences,
    first_text,
    int_or_none,
    is_false,
    reference_source,
    require_columns,
    text_or_none,
    unit_or_empty,
)

MIN_REGIONS_TO_COMPARE = 2  # compare_regions keeps indicators targeted by at least this many
NO_TARGET_NOTE = note("no_target")
NO_PLAN_NOTE = note("no_plan")


# regions side by side


def _region_order(documents: pd.DataFrame) -> list[str]:
    docs = documents.drop_duplicates("region_zh")
    keys = []
    for row in docs.to_dict("records"):
        rank = LEVEL_RANK.get(row.get("region_level"), len(LEVEL_RANK))
        keys.append((rank, text_or_none(row.get("province_zh")) or "", row["region_zh"]))
    return [k[2] for k in sorted(keys)]


def _reference_form(rows: list[dict]) -> tuple[str, int, str]:
    """The most common (kind, target year, unit) of an indicator's targets.

    Ties go to the kind listed first in KINDS (level), then the later year, then the unit.
    """
    counts: dict[tuple[str, int, str], int] = {}
    for row in rows:
        key = (row["kind"], int(row["target_year"]), unit_or_empty(row["unit"]))
        counts[key] = counts.get(key, 0) + 1
    kind_rank = {k: i for i, k in enumerate(KINDS)}
    return min(counts, key=lambda k: (-counts[k], kind_rank.get(k[0], 99), -k[1], k[2]))


def compare_regions(
    targets: pd.DataFrame,
    documents: pd.DataFrame,
    indicator_ids: Sequence[str] | None = None,
    regions: Sequence[str] | None = None,
    benchmarks: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Regions side by side per indicator: one row per (indicator, region) target.

    Keeps the indicators in `indicator_ids`, or else those targeted by at least
    MIN_REGIONS_TO_COMPARE of the selected `regions` (default: every region with a plan in
    `documents`). Returns the frame of `schemas.TABLES['region_comparison']`:
    - `origin` 'plan' rows: each target, `is_comparable` against the indicator's most common
      (kind, target year, unit) (`reference_*` columns) and `comparability_note` saying why not
      (different kind, e.g. 新建 increment vs level; different target year; different unit;
      scope limited to a sub-area);
    - `has_target` false with note "no target in plan" for a selected region whose plan was
      read and sets no target for the indicator; empty with a "no data" note for a selected
      region with no plan read (the two must never be confused);
    - `origin` 'benchmark' rows (when `benchmarks` is given): the benchmarks of the selected
      regions' provinces and of the country for the indicator, judged the same way.
    Exists so a chart can set regions side by side without comparing unlike targets.
    """
    require_columns(targets, TARGET_COLUMNS, "targets")
    require_columns(documents, ("doc_id", "region_zh", "region_level", "province_zh"), "documents")
    with_plan = _region_order(documents)
    selected = list(dict.fromkeys(regions)) if regions is not None else with_plan
    levels = documents.drop_duplicates("region_zh").set_index("region_zh")["region_level"]
    tgt = targets[targets["indicator_id"].notna() & targets["region_zh"].isin(selected)]
    bench_regions = [*_provinces_of(documents, selected), COUNTRY_ZH]
    rows = []
    for indicator_id in _indicators_to_compare(tgt, indicator_ids):
        mine = tgt[tgt["indicator_id"] == indicator_id].to_dict("records")
        if not mine:
            continue
        form = _reference_form(mine)
        # size units compare within one level: the levels at which plans set this target
        peer_levels = {r["region_level"] for r in mine} if is_size_unit(form[2]) else None
        common = _indicator_columns(indicator_id, mine, form)
        for region in selected:
            region_rows = [r for r in mine if r["region_zh"] == region]
            rows.extend({**common, **_plan_row(r, form)} for r in region_rows)
            if not region_rows:
                rows.append({**common, **_no_target_row(region, with_plan, levels)})
        for b in _benchmarks_of(benchmarks, indicator_id, bench_regions):
            row = _benchmark_row(b, form)
            if peer_levels is not None and b["level"] not in peer_levels:
                # a national area beside local ones: kept for the record, never compared
                reason = note("no_level_peer", level=b["level"])
                row = {**row, "is_comparable": False, "comparability_note": reason}
            rows.append({**common, **row})
    return _in_comparison_order(rows, [*bench_regions, *selected])


def _indicators_to_compare(tgt: pd.DataFrame, indicator_ids: Sequence[str] | None) -> list[str]:
    """The indicators asked for, else those targeted by MIN_REGIONS_TO_COMPARE regions."""
    if indicator_ids is not None:
        return list(dict.fromkeys(indicator_ids))
    n_regions = tgt.groupby("indicator_id")["region_zh"].nunique()
    return sorted(n_regions[n_regions >= MIN_REGIONS_TO_COMPARE].index)


def _provinces_of(documents: pd.DataFrame, selected: list[str]) -> list[str]:
    """The provinces of the selected regions, whose benchmarks join the comparison."""
    chosen = documents.loc[documents["region_zh"].isin(selected), "province_zh"]
    return sorted({text_or_none(p) for p in chosen if text_or_none(p)})


def _indicator_columns(indicator_id: str, mine: list[dict], form: tuple) -> dict:
    """The columns every row of one indicator shares: names, theme and the reference form."""
    kind, year, unit = form
    words = pd.Series([r["indicator_zh"] for r in mine]).value_counts()
    return {
        "indicator_id": indicator_id,
        "indicator_zh": words.index[0],
        "indicator_en": first_text(r.get("indicator_en") for r in mine),
        "theme": first_text(r.get("theme") for r in mine),
        "reference_kind": kind,
        "reference_target_year": year,
        "reference_unit": unit or None,
    }


def _set_target(row: dict, region_level: str, origin: str) -> dict:
    """The columns a plan target and a benchmark fill alike: who sets what, by when."""
    return {
        "indicator_zh": row["indicator_zh"],
        "region_zh": row["region_zh"],
        "region_level": region_level,
        "origin": origin,
        "has_target": True,
        "value": float(row["value"]),
        "unit": text_or_none(row["unit"]),
        "kind": row["kind"],
        "comparator": row["comparator"],
        "target_year": int_or_none(row["target_year"]),
    }


def _plan_row(r: dict, form: tuple) -> dict:
    """A plan target, judged against the indicator's reference form."""
    reasons = differences(r, *form)
    if text_or_none(r.get("scope_zh")):
        reasons.append(note("scope_limited", scope=r["scope_zh"]))
    return {
        **_set_target(r, r["region_level"], "plan"),
        "scope_zh": text_or_none(r.get("scope_zh")),
        "aspirational": int_or_none(r.get("aspirational")),
        "is_comparable": not reasons,
        "comparability_note": join(reasons),
        "target_id": r["target_id"],
        "doc_id": r["doc_id"],
        "quote": r["quote"],
        "char_start": int_or_none(r["char_start"]),
        "char_end": int_or_none(r["char_end"]),
    }


def _no_target_row(region: str, with_plan: list[str], levels: pd.Series) -> dict:
    """A selected region without a target: its plan sets none, or no plan of it was read."""
    has_plan = region in with_plan
    return {
        "region_zh": region,
        "region_level": levels.get(region) if has_plan else None,
        "origin": "plan",
        "has_target": False if has_plan else None,
        "value": math.nan,
        "comparability_note": NO_TARGET_NOTE if has_plan else NO_PLAN_NOTE,
    }


def _benchmarks_of(
    benchmarks: pd.DataFrame | None, indicator_id: str, bench_regions: list[str]
) -> list[dict]:
    if benchmarks is None or benchmarks.empty:
        return []
    found = benchmarks[
        (benchmarks["indicator_id"] == indicator_id) & benchmarks["region_zh"].isin(bench_regions)
    ]
    return _one_row_per_benchmark(found.to_dict("records"))


def _one_row_per_benchmark(rows: list[dict]) -> list[dict]:
    """One row per benchmark: the same value set by one region for the same year, quoted by
    several documents (全国 13.5% from three national plans), is one benchmark; its sources
    are joined so none is lost."""
    merged: dict[tuple, dict] = {}
    for row in rows:
        key = (row["region_zh"], float(row["value"]), unit_or_empty(row["unit"]), row["kind"],
               int_or_none(row["target_year"]))  # fmt: skip
        if key not in merged:
            merged[key] = dict(row)
            continue
        kept = merged[key]
        for column in ("source_title", "doc_number", "source"):
            seen = [t for t in str(kept.get(column) or "").split("；") if t]
            extra = text_or_none(row.get(column))
            if extra and extra not in seen:
                kept[column] = "；".join([*seen, extra])
    return list(merged.values())


def _benchmark_row(b: dict, form: tuple) -> dict:
    """A province's or the country's benchmark, judged like a plan target."""
    as_target = {"kind": b["kind"], "target_year": b["target_year"], "unit": b["unit"]}
    reasons = differences(as_target, *form)
    coded = [note("coded")] if is_false(b.get("is_value_quoted")) else []
    return {
        **_set_target(b, b["level"], "benchmark"),
        "is_comparable": not reasons,
        "comparability_note": join(reasons + coded),
        **reference_source(b),
    }


def _in_comparison_order(rows: list[dict], region_order: list[str]) -> pd.DataFrame:
    """The checked frame, per indicator: plan rows before benchmarks, regions in the order
    given (provinces and country, then the selected regions), then year and position."""
    df = checked_frame(rows, "region_comparison")
    if df.empty:
        return df
    rank = {r: i for i, r in enumerate(region_order)}
    order = pd.DataFrame(
        {
            "origin_of_rows": [0 if r["origin"] == "plan" else 1 for r in rows],
            "_region": [rank.get(r["region_zh"], len(rank)) for r in rows],
        }
    )
    df = pd.concat([df, order], axis=1).sort_values(
        ["indicator_id", "origin_of_rows", "_region", "target_year", "char_start"],
        kind="mergesort",
        na_position="last",
    )
    return df.drop(columns=["origin_of_rows", "_region"]).reset_index(drop=True)


def widest_spread(comparison: pd.DataFrame) -> dict | None:
    """The indicator whose comparable plan targets differ most, like with like: among the
    comparable plan rows of one indicator, and for a size unit (`is_size_unit`) of one region
    level. Returns {indicator_id, indicator_zh, indicator_en, unit, region_level (None for a
    rate), is_size, low, high} or None when no indicator has two comparable targets. The spread
    is measured relative to the indicator's largest value.

    NOTE: rates and shares come first: two plans' rates differ in ambition, while two
    provinces' areas differ mostly in size, so a size is the answer (`is_size`) only when no
    rate differs."""
    if comparison.empty:
        return None
    everything = pd.Series(True, index=comparison.index)
    origin = comparison["origin"].eq("plan") if "origin" in comparison else everything
    comparable = (
        comparison["is_comparable"].ne(False) if "is_comparable" in comparison else everything
    )
    plans = comparison[origin & comparable & comparison["value"].notna()]
    found: dict[bool, tuple[float, dict]] = {}
    for _, part in plans.groupby("indicator_id", sort=True):
        unit = part["unit"].iloc[0] if "unit" in part else ""
        size = is_size_unit(unit) and "region_level" in part
        groups = part.groupby("region_level", sort=True) if size else [(None, part)]
        for level, rows in groups:
            n = rows["region_zh"].nunique() if "region_zh" in rows else len(rows)
            if n < MIN_REGIONS_TO_COMPARE:
                continue
            low, high = float(rows["value"].min()), float(rows["value"].max())
            score = (high - low) / max(abs(high), abs(low), 1e-9)
            if score > found.get(size, (-1.0, None))[0]:
                first = rows.iloc[0]
                found[size] = (
                    score,
                    {
                        "indicator_id": first["indicator_id"],
                        "indicator_zh": first["indicator_zh"],
                        "indicator_en": text_or_none(first.get("indicator_en")),  # None when absent
                        "unit": text_or_none(unit) or "",
                        "region_level": level,
                        "is_size": size,
                        "low": low,
                        "high": high,
                    },
                )
    for size in (False, True):
        if size in found and found[size][0] > 0:
            return found[size][1]
    return next((found[s][1] for s in (False, True) if s in found), None)
