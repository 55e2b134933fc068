"""The arithmetic of the report notebooks: gaps to benchmarks, progress, comparisons, paths.

Notebooks only call these functions (and the charts of `greenmetrics.charts`), so every number a
chart shows is computed here, once, under unit tests. Inputs are the tidy tables: targets,
documents and milestones (`greenmetrics.tables`), benchmarks and observations
(`greenmetrics.reference`) and the indicator catalog (`greenmetrics.catalog`).

Rules that hold everywhere:

- Like with like only. A target is compared with a benchmark or another region's target only when
  both are the same indicator (catalog id), the same kind (a level, an increment new in the
  period, a reduction from a baseline), the same target year and the same unit, and the target
  covers its whole region. Percentage-point increments are never compared with levels.
- Signs follow the indicator's direction so that positive always means "better": more ambitious
  for `ambition`, still to go for `remaining_gap`, towards the target for progress.
- Provenance travels with the numbers: every output row keeps the target's doc_id, quote and
  offsets, and the source title, URL or document number and quote of every reference row used.
- Every output frame is checked against its declared table in `greenmetrics.schemas`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa

from .errors import SchemaError
from .schemas import (
    FIELDS,
    KINDS,
    REGION_LEVELS,
    TABLES,
    TARGET_CONTEXT_COLUMNS,
    empty_table,
    schema,
)

COUNTRY_ZH = "全国"

# Status thresholds: the yearly progress seen, as a share of the yearly progress needed.
ON_TRACK_SHARE = 1.0  # seen >= needed: on track
NEEDS_ACCELERATION_SHARE = 0.5  # seen >= half of needed (and positive): needs acceleration
# NOTE: 左右 (approx) is met within this share of the target value (20%左右 is met at 19%).
APPROX_TOLERANCE = 0.05
# Units whose values compare across regions of different size (a share, a rate, a ratio).
# A size-dependent quantity (万亩, 万吨, 个) of a county is never compared with the province's.
INTENSIVE_UNITS = frozenset({"%", "‰", ""})
HORIZON_YEAR = 2035  # the 远景目标 year drawn as `goal_2035`
MIN_REGIONS_TO_COMPARE = 2  # compare_regions keeps indicators targeted by at least this many

STATUSES = FIELDS["status"].allowed
SERIES = FIELDS["series"].allowed
NO_TARGET_NOTE = "no target in plan"
NO_PLAN_NOTE = "no data: no plan of this region was read"

_EPS = 1e-9
# NOTE: source_title is required in the reference tables, but an analysis row that uses no
# reference row (a target without benchmark, a path point) has none.
_NO_REFERENCE = ("source_title",)
_LEVEL_RANK = {level: i for i, level in enumerate(REGION_LEVELS)}
_KIND_WORDS = {
    "level": "level (a state reached)",
    "increment": "increment (new in the period, 新建/新增)",
    "reduction": "reduction (a fall from the baseline)",
}
_TARGET_COLUMNS = (
    "target_id",
    "doc_id",
    "region_zh",
    "region_level",
    "indicator_id",
    "indicator_zh",
    "value",
    "unit",
    "comparator",
    "kind",
    "target_year",
    "quote",
    "char_start",
    "char_end",
)
_OBSERVATION_COLUMNS = (
    "region_zh",
    "indicator_id",
    "year",
    "value",
    "unit",
    "source_title",
    "quote",
)


# --------------------------------------------------------------------------------------------
# small helpers (exposed for unit tests)


def required_yearly_progress(
    current: float, target: float, years_left: float, direction: str = "higher"
) -> float:
    """The progress needed per year to go from `current` to `target` in `years_left` years.

    Returns (target - current) / years_left, signed by `direction` so that a positive number is
    progress still to make (for a 'lower' indicator, a fall). NaN when years_left <= 0 or an
    input is missing. Exists so "needed" means the same thing in every table and chart.
    """
    if _missing(current) or _missing(target) or _missing(years_left) or years_left <= 0:
        return math.nan
    return _sign(direction) * (float(target) - float(current)) / float(years_left)


def reduction_path(
    base: float, reduction: float, baseline_year: int, target_year: int, years: Iterable[int]
) -> np.ndarray:
    """The compounded path of a reduction target: base * (1 - r) ** ((t - t0) / (T - t0)).

    `reduction` is the fall in % (较2020年下降13% -> 13). Returns one value per year of `years`:
    `base` at the baseline year, base * (1 - r) at the target year, and the constant yearly rate
    in between. Exists because a reduction stated over five years is met by equal yearly
    percentage falls, not by equal absolute steps.
    """
    t = np.asarray(list(years), dtype=float)
    span = float(target_year) - float(baseline_year)
    if span <= 0:
        raise ValueError(f"baseline_year {baseline_year} is not before target_year {target_year}")
    return float(base) * (1.0 - float(reduction) / 100.0) ** ((t - baseline_year) / span)


def cumulative_reduction(yearly_changes: Iterable[float]) -> float:
    """The cumulative fall in % from a run of yearly changes in % (negative = fall).

    Returns 100 * (1 - prod(1 + r_i / 100)): [-2.7, -0.1] -> 2.797. Exists because statistical
    bulletins report intensity as the change on the previous year while plans state the fall
    since the baseline year as a positive number.
    """
    factor = 1.0
    for r in yearly_changes:
        factor *= 1.0 + float(r) / 100.0
    return 100.0 * (1.0 - factor)


def trend_slope(years: Sequence[float], values: Sequence[float]) -> float:
    """The least-squares slope of values over years (units per year); NaN with < 2 years.

    With exactly two years this is (last - first) / (years between). Exists so the progress
    "seen" uses every observed point, not only the first and last.
    """
    x = np.asarray(years, dtype=float)
    y = np.asarray(values, dtype=float)
    keep = ~(np.isnan(x) | np.isnan(y))
    x, y = x[keep], y[keep]
    if len(np.unique(x)) < 2:
        return math.nan
    return float(np.polyfit(x, y, 1)[0])


def meets_target(observed: float, target: float, comparator: str, direction: str) -> bool:
    """True when `observed` already satisfies the target.

    `ge` (以上) needs observed >= target, `le` (以下) observed <= target; `eq` (达到) is met
    once the indicator has reached the value in its better direction; `approx` (左右) also
    within APPROX_TOLERANCE of the value.
    """
    if _missing(observed) or _missing(target):
        return False
    observed, target = float(observed), float(target)
    if comparator == "ge":
        return observed >= target - _EPS
    if comparator == "le":
        return observed <= target + _EPS
    tolerance = APPROX_TOLERANCE * abs(target) if comparator == "approx" else 0.0
    return _sign(direction) * (observed - target) >= -tolerance - _EPS


def classify_status(
    observed: float,
    target: float,
    *,
    comparator: str = "eq",
    direction: str = "higher",
    years_left: float | None = None,
    seen: float = math.nan,
) -> str:
    """The status of a target from its latest observation and the trend seen.

    Returns one of STATUSES:
    - `no_data`: no observation (or, not yet met, no trend: a single observed year);
    - `achieved`: the observation already meets the target (`meets_target`);
    - `off_track`: the target year has come without the target met, or the progress seen is
      below NEEDS_ACCELERATION_SHARE of the progress needed, or not positive;
    - `on_track`: seen >= ON_TRACK_SHARE * needed;
    - `needs_acceleration`: in between.
    `seen` is the yearly progress observed, signed like `required_yearly_progress` (positive =
    towards the target). Boundaries count as the better status.
    """
    if _missing(observed) or _missing(target):
        return "no_data"
    if meets_target(observed, target, comparator, direction):
        return "achieved"
    if _missing(years_left):
        return "no_data"
    if years_left <= 0:
        return "off_track"
    if _missing(seen):
        return "no_data"
    needed = required_yearly_progress(observed, target, years_left, direction)
    if seen >= ON_TRACK_SHARE * needed - _EPS:
        return "on_track"
    if seen > 0 and seen >= NEEDS_ACCELERATION_SHARE * needed - _EPS:
        return "needs_acceleration"
    return "off_track"


# --------------------------------------------------------------------------------------------
# value helpers


def _missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _text(value: object) -> str | None:
    return None if _missing(value) else str(value).strip()


def _unit(value: object) -> str:
    return _text(value) or ""


def _int(value: object) -> int | None:
    return None if _missing(value) else int(value)


def _float(value: object) -> float:
    return math.nan if _missing(value) else float(value)


def _is_false(value: object) -> bool:
    return not _missing(value) and not bool(value)


def _sign(direction: str | None) -> float:
    """+1 when higher is better, -1 when lower is better."""
    return -1.0 if direction == "lower" else 1.0


def _scale_direction(direction: str | None, kind: str) -> str | None:
    """The direction on the scale the target is stated in.

    NOTE: a reduction (较2020年下降13%) states the fall as a positive number, so on its own scale
    a larger number is better whatever the indicator's direction ('lower' for an intensity).
    """
    if kind == "reduction":
        return "higher"
    return direction


def _progress_direction(comparator: str, direction: str | None, kind: str) -> str:
    """The direction progress is measured in: ge towards higher, le towards lower, else the
    indicator's direction on the target's scale."""
    if comparator == "ge":
        return "higher"
    if comparator == "le":
        return "lower"
    return _scale_direction(direction, kind) or "higher"


def _join(values: Iterable[object]) -> str | None:
    out = list(dict.fromkeys(t for v in values if (t := _text(v))))
    return "；".join(out) if out else None


def _fmt(value: float) -> str:
    return f"{value:.4g}"


def _decimals(value: float) -> int:
    text = repr(float(value))
    if "e" in text or "." not in text:
        return 0
    fraction = text.split(".")[1].rstrip("0")
    return len(fraction)


def _require(df: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise SchemaError(f"{what}: missing column(s) {', '.join(missing)}")


def _finish(
    rows: list[dict], table: str, nullable: Iterable[str] = (), sort: Sequence[str] = ()
) -> pd.DataFrame:
    """A frame of `rows` with exactly the declared columns of `table`, checked and sorted."""
    if not rows:
        return empty_table(table)
    df = pd.DataFrame(rows, columns=list(TABLES[table]))
    checked = schema(table)
    overrides = {c: {"nullable": True} for c in nullable}
    if overrides:
        checked = checked.update_columns(overrides)
    try:
        df = checked.validate(df, lazy=True)
    except (pa.errors.SchemaErrors, pa.errors.SchemaError) as exc:
        cases = getattr(exc, "failure_cases", None)
        detail = cases.head(10).to_string() if cases is not None else str(exc)
        raise SchemaError(f"frame {table!r} does not match its schema:\n{detail}") from exc
    if sort:
        df = df.sort_values(list(sort), kind="mergesort", na_position="last")
    return df.reset_index(drop=True)


def _lookup(catalog: Any, indicator_id: object) -> Any | None:
    if _missing(indicator_id):
        return None
    try:
        return catalog.get(str(indicator_id))
    except (KeyError, LookupError, ValueError):
        return None


def _catalog(catalog: Any) -> Any:
    if catalog is not None:
        return catalog
    from .catalog import load_catalog

    return load_catalog()


# --------------------------------------------------------------------------------------------
# inputs


def _prepare_targets(targets: pd.DataFrame, documents: pd.DataFrame, catalog: Any) -> list[dict]:
    """Target rows as dicts with province_zh (from documents) and direction (from the catalog)."""
    _require(targets, _TARGET_COLUMNS, "targets")
    _require(documents, ("doc_id", "province_zh"), "documents")
    provinces = (
        documents.drop_duplicates("doc_id").set_index("doc_id")["province_zh"].to_dict()
        if len(documents)
        else {}
    )
    rows = []
    for row in targets.to_dict("records"):
        for column in ("indicator_en", "theme", "baseline_year", "scope_zh"):
            row.setdefault(column, None)
        row.setdefault("aspirational", 0)
        row.setdefault("year_inferred", 0)
        province = _text(provinces.get(row["doc_id"]))
        if province is None and row["region_level"] == "province":
            province = row["region_zh"]
        row["province_zh"] = province
        entry = _lookup(catalog, row["indicator_id"])
        row["direction"] = getattr(entry, "direction", None) if entry is not None else None
        row["indicator_id"] = _text(row["indicator_id"])
        row["target_value"] = _float(row["value"])
        rows.append(row)
    return rows


def _prepare_observations(observations: pd.DataFrame | None) -> dict[tuple, list[dict]]:
    """Observation rows grouped by (region_zh, indicator_id); defaults for optional columns."""
    if observations is None or observations.empty:
        return {}
    _require(observations, _OBSERVATION_COLUMNS, "observations")
    groups: dict[tuple, list[dict]] = {}
    for i, row in enumerate(observations.to_dict("records")):
        if _missing(row["indicator_id"]) or _missing(row["value"]) or _missing(row["year"]):
            continue
        row["measure"] = _text(row.get("measure")) or "level"
        row["baseline_year"] = _int(row.get("baseline_year"))
        row["is_proxy"] = bool(row.get("is_proxy")) if not _missing(row.get("is_proxy")) else False
        row["line"] = _int(row.get("line")) or i + 2
        row["year"] = int(row["year"])
        row["value"] = float(row["value"])
        row["unit"] = _unit(row["unit"])
        key = (str(row["region_zh"]).strip(), str(row["indicator_id"]).strip())
        groups.setdefault(key, []).append(row)
    return groups


def _one_per_year(rows: list[dict]) -> dict[int, dict]:
    """One row per year: where sources repeat a cell, the most precise value (then file order).

    NOTE: two agreeing sources can word the same cell as 88.1% and 超过88%; the more precise
    figure is kept so every value still traces to exactly one quote.
    """
    out: dict[int, dict] = {}
    for row in sorted(rows, key=lambda r: (r["year"], -_decimals(r["value"]), r["line"])):
        out.setdefault(row["year"], row)
    return out


# --------------------------------------------------------------------------------------------
# observed series on the target's scale


def _observed_series(
    target: dict, groups: dict[tuple, list[dict]], as_of_year: int | None
) -> tuple[list[dict], str | None, float | None]:
    """The observed points of a target on the target's own scale.

    Returns (points, problem, anchor_year). Each point is {year, value, rows (the reference rows
    it comes from), note}. For a reduction the value is the cumulative fall in % since the
    baseline year and `anchor_year` is that baseline (where the fall is 0 by definition). The
    observations come from the target's scope when it names a region with observations,
    otherwise from the target's region. `problem` says why there are no points.
    """
    kind = target["kind"]
    if target["indicator_id"] is None:
        return [], "indicator not in the catalog", None
    if kind == "increment":
        # NOTE: an increment (新建/新增 X in the period, 提高X个百分点) is new work, not a
        # state; observed levels never measure it.
        return [], "increment target: observed levels do not measure it", None
    area = _text(target.get("scope_zh")) or target["region_zh"]
    rows = groups.get((area, target["indicator_id"]), [])
    if not rows and _text(target.get("scope_zh")):
        return [], f"target limited to {area}: no observation for that area", None
    if not rows:
        return [], f"no observation for {area}", None
    if as_of_year is not None:
        rows = [r for r in rows if r["year"] <= as_of_year]
        if not rows:
            return [], f"no observation for {area} up to {as_of_year}", None
    if kind == "reduction":
        return _reduction_points(target, rows)
    unit = _unit(target["unit"])
    usable = [r for r in rows if r["measure"] == "level" and r["unit"] == unit]
    if not usable:
        units = "、".join(sorted({r["unit"] or "none" for r in rows}))
        return [], f"observations are in {units} or are changes; target in {unit or 'none'}", None
    points = [
        {"year": y, "value": r["value"], "rows": [r], "note": None}
        for y, r in sorted(_one_per_year(usable).items())
    ]
    return points, None, None


def _reduction_points(target: dict, rows: list[dict]) -> tuple[list[dict], str | None, float]:
    """Cumulative falls since the baseline year, from cumulative, yearly or level observations.

    NOTE: bulletins report intensity as the change on the previous year (-2.7 = fell 2.7%) and
    sometimes as the fall accumulated since the baseline; the plan states the fall since the
    baseline as a positive number. A year's cumulative fall is taken from a cumulative row when
    there is one, else chained from the previous year's: C_y = 1 - (1 - C_{y-1})(1 + r_y).
    A gap in the yearly series stops the chain until the next cumulative row.
    """
    t0 = _int(target.get("baseline_year"))
    if t0 is None:
        return [], "reduction without a baseline year", None
    unit = _unit(target["unit"])
    relative = unit == "%"
    cumulative = _one_per_year(
        [
            r
            for r in rows
            if r["measure"] == "cumulative_change" and r["baseline_year"] == t0 and relative
        ]
    )
    yearly = _one_per_year([r for r in rows if r["measure"] == "yearly_change" and relative])
    wanted_level_unit = None if relative else unit
    levels = _one_per_year(
        [
            r
            for r in rows
            if r["measure"] == "level" and (wanted_level_unit is None or r["unit"] == unit)
        ]
    )
    base = levels.get(t0)
    last = max(r["year"] for r in rows)
    points = []
    previous: float | None = 0.0
    used: list[dict] = []
    chained: list[int] = []
    for year in range(t0 + 1, last + 1):
        value: float | None = None
        note = None
        if year in cumulative:
            value, used, chained = -cumulative[year]["value"], [cumulative[year]], []
            note = f"cumulative fall since {t0} as reported"
        elif year in yearly and previous is not None:
            value = cumulative_reduction([-previous, yearly[year]["value"]])
            used, chained = [*used, yearly[year]], [*chained, year]
            note = f"cumulative fall since {t0} chained from yearly changes"
        elif year in levels and base is not None and levels[year]["unit"] == base["unit"]:
            level = levels[year]["value"]
            value = (1 - level / base["value"]) * 100 if relative else base["value"] - level
            used, chained = [base, levels[year]], []
            note = f"fall since {t0} from observed levels"
        else:
            used, chained = [], []
        previous = value
        if value is not None:
            points.append({"year": year, "value": value, "rows": list(used), "note": note})
    if not points:
        return [], f"no yearly or cumulative change since {t0} observed", t0
    return points, None, t0


def _progress(target: dict, groups: dict[tuple, list[dict]], as_of_year: int | None) -> dict:
    """Latest observation, remaining gap, yearly progress needed and seen, status."""
    points, problem, anchor = _observed_series(target, groups, as_of_year)
    out: dict[str, Any] = {
        "observed_value": math.nan,
        "observation_year": None,
        "observation_count": len(points),
        "observation_source_title": None,
        "observation_source": None,
        "observation_source_quote": None,
        "observation_note": None,
        "is_observation_proxy": None,
        "remaining_gap": math.nan,
        "years_left": None,
        "needed_yearly_progress": math.nan,
        "seen_yearly_progress": math.nan,
        "status": "no_data",
        "status_note": problem,
        "points": points,
        "anchor_year": anchor,
    }
    if not points:
        return out
    latest = points[-1]
    rows = latest["rows"]
    direction = _progress_direction(target["comparator"], target["direction"], target["kind"])
    sign = _sign(direction)
    target_value = target["target_value"]
    observed = latest["value"]
    years_left = int(target["target_year"]) - latest["year"]
    years = [p["year"] for p in points]
    values = [p["value"] for p in points]
    if anchor is not None:
        # NOTE: a cumulative fall is 0 at the baseline year by definition, so the trend of a
        # reduction runs from there.
        years, values = [anchor, *years], [0.0, *values]
    seen = sign * trend_slope(years, values)
    needed = required_yearly_progress(observed, target_value, years_left, direction)
    status = classify_status(
        observed,
        target_value,
        comparator=target["comparator"],
        direction=direction,
        years_left=years_left,
        seen=seen,
    )
    notes = [latest["note"]] if latest["note"] else []
    notes += [f"{r['note']}" for r in rows if _text(r.get("note"))]
    out.update(
        observed_value=observed,
        observation_year=latest["year"],
        observation_source_title=_join(r["source_title"] for r in rows),
        observation_source=_join(_text(r.get("source")) or r.get("doc_number") for r in rows),
        observation_source_quote=_join(r["quote"] for r in rows),
        observation_note=_join(notes),
        is_observation_proxy=any(r["is_proxy"] for p in points for r in p["rows"]),
        remaining_gap=sign * (target_value - observed),
        years_left=years_left,
        needed_yearly_progress=needed,
        seen_yearly_progress=seen,
        status=status,
        status_note=_status_note(status, observed, latest["year"], years_left, needed, seen),
    )
    if out["is_observation_proxy"]:
        out["status_note"] += "; observed through a proxy indicator"
    return out


def _status_note(
    status: str, observed: float, year: int, years_left: int, needed: float, seen: float
) -> str:
    if status == "achieved":
        return f"observed {_fmt(observed)} in {year} meets the target"
    if years_left <= 0:
        return f"observed {_fmt(observed)} in {year}, in or after the target year, misses it"
    if math.isnan(seen):
        return f"one observed year ({year}): no trend"
    years = "year" if years_left == 1 else "years"
    return f"needs {_fmt(needed)} a year for {years_left} {years}; seen {_fmt(seen)} a year"


# --------------------------------------------------------------------------------------------
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


def _differences(
    target: dict, kind: str, year: int | None, unit: str, baseline: int | None = None
) -> list[str]:
    """Why a target and another row (benchmark or target) are not like with like."""
    reasons = []
    if target["kind"] != kind:
        reasons.append(
            f"different kind: {_KIND_WORDS.get(target['kind'], target['kind'])} vs "
            f"{_KIND_WORDS.get(kind, kind)}"
        )
    if _int(target["target_year"]) != year:
        reasons.append(f"different target year: {_int(target['target_year'])} vs {year}")
    if _unit(target["unit"]) != unit:
        reasons.append(f"different unit: {_unit(target['unit']) or 'none'} vs {unit or 'none'}")
    if (
        target["kind"] == "reduction"
        and kind == "reduction"
        and baseline is not None
        and _int(target.get("baseline_year")) not in (None, baseline)
    ):
        reasons.append(
            f"different baseline year: {_int(target.get('baseline_year'))} vs {baseline}"
        )
    return reasons


def _index_benchmarks(benchmarks: pd.DataFrame | None) -> dict[tuple, list[dict]]:
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


def _benchmark_pairs(target: dict, benchmarks: dict[tuple, list[dict]]) -> list[dict]:
    """The benchmarks of the target's indicator at the levels above it, each judged."""
    if not benchmarks or target["indicator_id"] is None:
        return []
    pairs = []
    for level, region in _levels_above(target):
        for bench in benchmarks.get((target["indicator_id"], level, region), []):
            unit = _unit(bench["unit"])
            reasons = _differences(
                target,
                bench["kind"],
                _int(bench["target_year"]),
                unit,
                _int(bench["baseline_year"]),
            )
            if target["kind"] != "reduction" and _unit(target["unit"]) not in INTENSIVE_UNITS:
                reasons.append(
                    f"size-dependent quantity ({_unit(target['unit'])}): regions differ in size"
                )
            if _text(target.get("scope_zh")):
                reasons.append(f"target limited to {target['scope_zh']}")
            remarks = []
            if _is_false(bench.get("is_value_quoted")):
                remarks.append("benchmark coded from words (e.g. 全面建成 -> 100%)")
            comparable = not reasons
            ambition = math.nan
            scale = _scale_direction(target["direction"], target["kind"])
            if comparable and scale is not None:
                ambition = _sign(scale) * (target["target_value"] - float(bench["value"]))
            pairs.append(
                {
                    "benchmark_level": level,
                    "benchmark_region_zh": region,
                    "benchmark_indicator_zh": bench["indicator_zh"],
                    "benchmark_value": float(bench["value"]),
                    "benchmark_unit": unit or None,
                    "benchmark_kind": bench["kind"],
                    "benchmark_comparator": bench["comparator"],
                    "benchmark_target_year": _int(bench["target_year"]),
                    "is_comparable": comparable,
                    "comparability_note": "; ".join(reasons + remarks) or None,
                    "ambition": ambition,
                    "source_title": bench["source_title"],
                    "doc_number": _text(bench.get("doc_number")),
                    "source": _text(bench.get("source")),
                    "source_quote": bench["quote"],
                    "source_line": _int(bench.get("line")),
                }
            )
    return pairs


_TARGET_OUT = TARGET_CONTEXT_COLUMNS


def _target_part(target: dict) -> dict:
    return {c: target.get(c) for c in _TARGET_OUT}


def target_benchmarks(
    targets: pd.DataFrame,
    documents: pd.DataFrame,
    benchmarks: pd.DataFrame,
    catalog: Any = None,
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
    indexed = _index_benchmarks(benchmarks)
    for target in _prepare_targets(targets, documents, _catalog(catalog)):
        pairs = _benchmark_pairs(target, indexed)
        base = _target_part(target)
        if not pairs:
            rows.append(base)
        rows.extend({**base, **pair} for pair in pairs)
    return _finish(
        rows,
        "target_benchmarks",
        nullable=_NO_REFERENCE,
        sort=("doc_id", "char_start", "target_id"),
    )


def _summarise_level(target: dict, pairs: list[dict], level: str) -> dict:
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
            "indicator not in the catalog" if target["indicator_id"] is None else "no benchmark"
        )
        return out
    if not comparable:
        reasons = _join(p["comparability_note"] for p in mine)
        out[f"{level}_benchmark_note"] = f"no comparable benchmark: {reasons}"
        return out
    # NOTE: sources can disagree (Gansu's energy intensity: 13% and 12.5%); the target is
    # measured against the most demanding one and the note lists them all.
    scale = _sign(_scale_direction(target["direction"], target["kind"]))
    best = max(comparable, key=lambda p: (scale * p["benchmark_value"], -(p["source_line"] or 0)))
    values = sorted({p["benchmark_value"] for p in comparable})
    notes = []
    if len(values) > 1:
        listed = ", ".join(_fmt(v) for v in values)
        notes.append(f"{len(comparable)} sources disagree ({listed}); the most demanding is used")
    elif len(comparable) > 1:
        notes.append(f"{len(comparable)} sources agree")
    if best["comparability_note"]:
        notes.append(best["comparability_note"])
    out.update(
        {
            f"{level}_benchmark_value": best["benchmark_value"],
            f"{level}_benchmark_count": len(comparable),
            f"{level}_benchmark_note": "; ".join(notes) or None,
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
    catalog: Any = None,
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
    catalog = _catalog(catalog)
    groups = _prepare_observations(observations)
    indexed = _index_benchmarks(benchmarks)
    rows = []
    for target in _prepare_targets(targets, documents, catalog):
        pairs = _benchmark_pairs(target, indexed)
        progress = _progress(target, groups, as_of_year)
        progress.pop("points")
        progress.pop("anchor_year")
        rows.append(
            {
                **_target_part(target),
                **_summarise_level(target, pairs, "province"),
                **_summarise_level(target, pairs, "country"),
                **progress,
            }
        )
    return _finish(rows, "target_gaps", sort=("doc_id", "char_start", "target_id"))


# --------------------------------------------------------------------------------------------
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
    if indicator_ids is None:
        n_regions = tgt.groupby("indicator_id")["region_zh"].nunique()
        wanted = sorted(n_regions[n_regions >= MIN_REGIONS_TO_COMPARE].index)
    else:
        wanted = list(dict.fromkeys(indicator_ids))
    provinces = {
        _text(p)
        for p in documents.loc[documents["region_zh"].isin(selected), "province_zh"]
        if _text(p)
    }
    bench_regions = [*sorted(provinces), COUNTRY_ZH]
    rows = []
    for indicator_id in wanted:
        mine = tgt[tgt["indicator_id"] == indicator_id].to_dict("records")
        if not mine:
            continue
        kind, year, unit = _reference_form(mine)
        words = pd.Series([r["indicator_zh"] for r in mine]).value_counts()
        common = {
            "indicator_id": indicator_id,
            "indicator_zh": words.index[0],
            "indicator_en": _first(r.get("indicator_en") for r in mine),
            "theme": _first(r.get("theme") for r in mine),
            "reference_kind": kind,
            "reference_target_year": year,
            "reference_unit": unit or None,
        }
        for region in selected:
            region_rows = [r for r in mine if r["region_zh"] == region]
            for r in region_rows:
                reasons = _differences(r, kind, year, unit)
                if _text(r.get("scope_zh")):
                    reasons.append(f"scope limited to {r['scope_zh']}")
                rows.append(
                    {
                        **common,
                        "indicator_zh": r["indicator_zh"],
                        "region_zh": region,
                        "region_level": r["region_level"],
                        "origin": "plan",
                        "has_target": True,
                        "value": float(r["value"]),
                        "unit": _text(r["unit"]),
                        "kind": r["kind"],
                        "comparator": r["comparator"],
                        "target_year": _int(r["target_year"]),
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
                )
            if not region_rows:
                has_plan = region in with_plan
                rows.append(
                    {
                        **common,
                        "region_zh": region,
                        "region_level": levels.get(region) if has_plan else None,
                        "origin": "plan",
                        "has_target": False if has_plan else None,
                        "value": math.nan,
                        "comparability_note": NO_TARGET_NOTE if has_plan else NO_PLAN_NOTE,
                    }
                )
        if benchmarks is not None and not benchmarks.empty:
            found = benchmarks[
                (benchmarks["indicator_id"] == indicator_id)
                & benchmarks["region_zh"].isin(bench_regions)
            ]
            for b in found.to_dict("records"):
                as_target = {"kind": b["kind"], "target_year": b["target_year"], "unit": b["unit"]}
                reasons = _differences(as_target, kind, year, unit)
                if _is_false(b.get("is_value_quoted")):
                    reasons_note = ["coded from words (e.g. 全面建成 -> 100%)"]
                else:
                    reasons_note = []
                rows.append(
                    {
                        **common,
                        "indicator_zh": b["indicator_zh"],
                        "region_zh": b["region_zh"],
                        "region_level": b["level"],
                        "origin": "benchmark",
                        "has_target": True,
                        "value": float(b["value"]),
                        "unit": _text(b["unit"]),
                        "kind": b["kind"],
                        "comparator": b["comparator"],
                        "target_year": _int(b["target_year"]),
                        "is_comparable": not reasons,
                        "comparability_note": "; ".join(reasons + reasons_note) or None,
                        "source_title": b["source_title"],
                        "doc_number": _text(b.get("doc_number")),
                        "source": _text(b.get("source")),
                        "source_quote": b["quote"],
                    }
                )
    region_rank = {r: i for i, r in enumerate([*bench_regions, *selected])}
    for row in rows:
        row["_origin"] = 0 if row["origin"] == "plan" else 1
        row["_region"] = region_rank.get(row["region_zh"], len(region_rank))
    df = _finish(
        rows,
        "region_comparison",
        nullable=(
            "value",
            "kind",
            "comparator",
            "target_year",
            "aspirational",
            "target_id",
            "doc_id",
            "quote",
            "char_start",
            "char_end",
            "region_level",
            *_NO_REFERENCE,
        ),
    )
    if df.empty:
        return df
    order = pd.DataFrame(
        {
            "_origin": [r["_origin"] for r in rows],
            "_region": [r["_region"] for r in rows],
        }
    )
    df = pd.concat([df, order], axis=1).sort_values(
        ["indicator_id", "_origin", "_region", "target_year", "char_start"],
        kind="mergesort",
        na_position="last",
    )
    return df.drop(columns=["_origin", "_region"]).reset_index(drop=True)


def _first(values: Iterable[object]) -> str | None:
    for value in values:
        if (text := _text(value)) is not None:
            return text
    return None


# --------------------------------------------------------------------------------------------
# trajectories


def _trajectory_rows(target: dict, progress: dict, start_year: int | None) -> list[dict]:
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
        "status": progress["status"],
        "doc_id": target["doc_id"],
        "quote": target["quote"],
        "char_start": target["char_start"],
        "char_end": target["char_end"],
    }
    rows: list[dict] = []

    def add(
        year: int, series: str, val: float, unit: str | None, source: Sequence[dict] = ()
    ) -> None:
        rows.append(
            {
                **base_part,
                "year": int(year),
                "series": series,
                "value": float(val),
                "unit": unit,
                "source_title": _join(r["source_title"] for r in source),
                "source": _join(_text(r.get("source")) or r.get("doc_number") for r in source),
                "source_quote": _join(r["quote"] for r in source),
            }
        )

    if target["kind"] == "reduction" and _unit(target["unit"]) == "%":
        t0 = _int(target.get("baseline_year"))
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
        observed = [(p["year"], 100.0 - p["value"], p["rows"]) for p in points]
        for year, val, source in observed:
            add(year, "observed", val, unit, source)
        fit = [(anchor, 100.0)] + [(y, v) for y, v, _ in observed] if anchor is not None else []
        _add_projection(add, fit, target_year, unit)
        return rows
    if target["kind"] not in ("level", "reduction"):
        return rows
    unit = _text(target["unit"])
    reduction = target["kind"] == "reduction"
    if not points:
        if not reduction:
            add(target_year, "target", value, unit)
        return rows
    if reduction:
        # an absolute reduction (减少X万吨) drawn on the fall scale from the baseline
        path_start, start_value, start_rows = anchor, 0.0, []
    else:
        baseline = _int(target.get("baseline_year"))
        at_baseline = [p for p in points if p["year"] == baseline]
        first = at_baseline[0] if at_baseline else points[0]
        path_start, start_value, start_rows = first["year"], first["value"], first["rows"]
    if path_start is not None and path_start < target_year:
        span = target_year - path_start
        for year in range(path_start, target_year + 1):
            val = start_value + (value - start_value) * (year - path_start) / span
            add(year, "target", val, unit, start_rows if year == path_start else [])
    else:
        add(target_year, "target", value, unit)
    for p in points:
        add(p["year"], "observed", p["value"], unit, p["rows"])
    fit = [(p["year"], p["value"]) for p in points]
    if reduction and anchor is not None:
        fit = [(anchor, 0.0), *fit]
    _add_projection(add, fit, target_year, unit)
    return rows


def _add_projection(add: Any, fit: list[tuple[int, float]], target_year: int, unit: str) -> None:
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
            or _unit(goal["unit"]) != _unit(target["unit"])
        ):
            continue
        value = goal["target_value"]
        unit = rows[0]["unit"]
        if target["kind"] == "reduction" and _unit(target["unit"]) == "%":
            if _int(goal.get("baseline_year")) != _int(target.get("baseline_year")):
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
            }
        )
    return out


def trajectories(
    targets: pd.DataFrame,
    documents: pd.DataFrame,
    observations: pd.DataFrame | None,
    catalog: Any = None,
    start_year: int | None = None,
    as_of_year: int | None = None,
) -> pd.DataFrame:
    """Year-by-year paths per target: target path, observed points, projection, 2035 goal.

    Returns the long frame of `schemas.TABLES['trajectories']`, `series` one of:
    - `target`: the path from the baseline to the target. Levels: linear from the observation
      at the baseline year (else the first observation) to the target; a target without
      observations is a single point at its year. Reductions in %: an index (baseline year =
      100, `unit` '2020=100') compounded as `reduction_path` (13% over 2020->2025 puts 2023 at
      100 * 0.87 ** (3/5));
    - `observed`: the observations on the same scale (reductions: 100 - cumulative fall);
    - `projection`: the least-squares line of the observed points (for a reduction, from the
      baseline) carried from the last observed year to the target year;
    - `goal_2035`: the region's 2035 target of the same indicator, kind and unit, if any.
    Observations before `start_year` are left out; those after `as_of_year` ignored. Targets
    that are increments are not drawn (observed levels do not measure them). Each row keeps the
    target's provenance (doc_id, quote, offsets; a goal row those of the 2035 target) and, for
    observed rows and the path start, the source of the observation. `status` is the target's
    status as in `target_gaps`.
    """
    catalog = _catalog(catalog)
    groups = _prepare_observations(observations)
    prepared = _prepare_targets(targets, documents, catalog)
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
        progress = _progress(target, groups, as_of_year)
        mine = _trajectory_rows(target, progress, start_year)
        rows.extend(mine)
        rows.extend(_horizon_rows(target, prepared, mine))
    series_rank = {s: i for i, s in enumerate(SERIES)}
    rows.sort(key=lambda r: (r["target_id"], series_rank[r["series"]], r["year"]))
    return _finish(rows, "trajectories", nullable=_NO_REFERENCE)


# --------------------------------------------------------------------------------------------
# milestones


def milestones_timeline(milestones: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The dated qualitative commitments (全覆盖, 清零, 基本普及 ...) in time order.

    Returns the frame of `schemas.TABLES['milestones_timeline']`: every milestone with its
    region, province (from documents) and quote, sorted by target year, then region (country,
    province, prefecture, county), then position in the plan. Exists so the timeline chart and
    table read the commitments in one order.
    """
    columns = [c for c in TABLES["milestones_timeline"] if c != "province_zh"]
    _require(milestones, columns, "milestones")
    _require(documents, ("doc_id", "province_zh"), "documents")
    docs = documents[["doc_id", "province_zh"]].drop_duplicates("doc_id")
    df = milestones[columns].merge(docs, on="doc_id", how="left", validate="m:1")
    df["_rank"] = df["region_level"].map(_LEVEL_RANK)
    df = df.sort_values(
        ["target_year", "_rank", "province_zh", "region_zh", "doc_id", "char_start"],
        kind="mergesort",
        na_position="last",
    )
    rows = df.drop(columns="_rank").to_dict("records")
    out = _finish(rows, "milestones_timeline")
    return out
