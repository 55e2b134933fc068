"""The same indicator side by side across regions (`compare_regions`): plan targets, regions
whose plan sets none, and the benchmarks of their provinces and the country, each judged like
with like against the indicator's most common (kind, year, unit)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from ..regions import COUNTRY_ZH
from ..schemas import KINDS
from ._common import (
    _LEVEL_RANK,
    _TARGET_COLUMNS,
    _differences,
    _first,
    _frame,
    _int,
    _is_false,
    _reference_source,
    _require,
    _text,
    _unit,
)

MIN_REGIONS_TO_COMPARE = 2  # compare_regions keeps indicators targeted by at least this many
NO_TARGET_NOTE = "no target in plan"
NO_PLAN_NOTE = "no data: no plan of this region was read"


# regions side by side


def _region_order(documents: pd.DataFrame) -> list[str]:
    docs = documents.drop_duplicates("region_zh")
    keys = []
    for row in docs.to_dict("records"):
        rank = _LEVEL_RANK.get(row.get("region_level"), len(_LEVEL_RANK))
        keys.append((rank, _text(row.get("province_zh")) or "", row["region_zh"]))
    return [k[2] for k in sorted(keys)]


def _reference_form(rows: list[dict]) -> tuple[str, int, str]:
    """The most common (kind, target year, unit) of an indicator's targets.

    Ties go to the kind listed first in KINDS (level), then the later year, then the unit.
    """
    counts: dict[tuple[str, int, str], int] = {}
    for row in rows:
        key = (row["kind"], int(row["target_year"]), _unit(row["unit"]))
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
    _require(targets, _TARGET_COLUMNS, "targets")
    _require(documents, ("doc_id", "region_zh", "region_level", "province_zh"), "documents")
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
        common = _indicator_columns(indicator_id, mine, form)
        for region in selected:
            region_rows = [r for r in mine if r["region_zh"] == region]
            rows.extend({**common, **_plan_row(r, form)} for r in region_rows)
            if not region_rows:
                rows.append({**common, **_no_target_row(region, with_plan, levels)})
        for b in _benchmarks_of(benchmarks, indicator_id, bench_regions):
            rows.append({**common, **_benchmark_row(b, form)})
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
    return sorted({_text(p) for p in chosen if _text(p)})


def _indicator_columns(indicator_id: str, mine: list[dict], form: tuple) -> dict:
    """The columns every row of one indicator shares: names, theme and the reference form."""
    kind, year, unit = form
    words = pd.Series([r["indicator_zh"] for r in mine]).value_counts()
    return {
        "indicator_id": indicator_id,
        "indicator_zh": words.index[0],
        "indicator_en": _first(r.get("indicator_en") for r in mine),
        "theme": _first(r.get("theme") for r in mine),
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
        "unit": _text(row["unit"]),
        "kind": row["kind"],
        "comparator": row["comparator"],
        "target_year": _int(row["target_year"]),
    }


def _plan_row(r: dict, form: tuple) -> dict:
    """A plan target, judged against the indicator's reference form."""
    reasons = _differences(r, *form)
    if _text(r.get("scope_zh")):
        reasons.append(f"scope limited to {r['scope_zh']}")
    return {
        **_set_target(r, r["region_level"], "plan"),
        "scope_zh": _text(r.get("scope_zh")),
        "aspirational": _int(r.get("aspirational")),
        "is_comparable": not reasons,
        "comparability_note": "; ".join(reasons) or None,
        "target_id": r["target_id"],
        "doc_id": r["doc_id"],
        "quote": r["quote"],
        "char_start": _int(r["char_start"]),
        "char_end": _int(r["char_end"]),
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
    return found.to_dict("records")


def _benchmark_row(b: dict, form: tuple) -> dict:
    """A province's or the country's benchmark, judged like a plan target."""
    as_target = {"kind": b["kind"], "target_year": b["target_year"], "unit": b["unit"]}
    reasons = _differences(as_target, *form)
    coded = (
        ["coded from words (e.g. 全面建成 -> 100%)"] if _is_false(b.get("is_value_quoted")) else []
    )
    return {
        **_set_target(b, b["level"], "benchmark"),
        "is_comparable": not reasons,
        "comparability_note": "; ".join(reasons + coded) or None,
        **_reference_source(b),
    }


def _in_comparison_order(rows: list[dict], region_order: list[str]) -> pd.DataFrame:
    """The checked frame, per indicator: plan rows before benchmarks, regions in the order
    given (provinces and country, then the selected regions), then year and position."""
    df = _frame(rows, "region_comparison")
    if df.empty:
        return df
    rank = {r: i for i, r in enumerate(region_order)}
    order = pd.DataFrame(
        {
            "_origin": [0 if r["origin"] == "plan" else 1 for r in rows],
            "_region": [rank.get(r["region_zh"], len(rank)) for r in rows],
        }
    )
    df = pd.concat([df, order], axis=1).sort_values(
        ["indicator_id", "_origin", "_region", "target_year", "char_start"],
        kind="mergesort",
        na_position="last",
    )
    return df.drop(columns=["_origin", "_region"]).reset_index(drop=True)
