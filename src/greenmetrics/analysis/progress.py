"""Progress towards a target: the yearly progress still needed, the progress seen in the
observations, and the status that follows (achieved, on track, needs acceleration, off track,
no data). Reductions (较2020年下降13%) are measured as the cumulative fall since their baseline."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np

from ..notes import Note, join, note
from ..schemas import FIELDS
from .shared import (
    EPS,
    decimal_places,
    direction_sign,
    format_number,
    int_or_none,
    is_missing,
    joined_sources,
    origin_of_rows,
    progress_direction,
    text_or_none,
    unit_or_empty,
)

# Status thresholds: the yearly progress seen, as a share of the yearly progress needed.
ON_TRACK_SHARE = 1.0  # seen >= needed: on track
NEEDS_ACCELERATION_SHARE = 0.5  # seen >= half of needed (and positive): needs acceleration
# NOTE: 左右 (approx) is met within this share of the target value (20%左右 is met at 19%).
APPROX_TOLERANCE = 0.05

STATUSES = FIELDS["status"].allowed

# The units a value can be restated in: unit -> (base unit, how many base units it holds).
# A rate after a slash (万吨/日) keeps its slash part. Only units of the same base convert.
UNIT_SCALES = {
    "亩": ("亩", 1.0), "万亩": ("亩", 1e4), "亿亩": ("亩", 1e8),
    "千瓦": ("千瓦", 1.0), "万千瓦": ("千瓦", 1e4), "亿千瓦": ("千瓦", 1e8),
    "兆瓦": ("千瓦", 1e3), "吉瓦": ("千瓦", 1e6),
    "吨": ("吨", 1.0), "万吨": ("吨", 1e4), "亿吨": ("吨", 1e8),
    "千米": ("公里", 1.0), "公里": ("公里", 1.0),
    "平方米": ("平方米", 1.0), "万平方米": ("平方米", 1e4), "亿平方米": ("平方米", 1e8),
    "元": ("元", 1.0), "万元": ("元", 1e4), "亿元": ("元", 1e8),
    "个": ("个", 1.0), "万个": ("个", 1e4),
    "户": ("户", 1.0), "万户": ("户", 1e4),
}  # fmt: skip


# small helpers (exposed for unit tests)


def required_yearly_progress(
    current: float, target: float, years_left: float, direction: str = "higher"
) -> float:
    """The progress needed per year to go from `current` to `target` in `years_left` years.

    Returns (target - current) / years_left, signed by `direction` so that a positive number is
    progress still to make (for a 'lower' indicator, a fall). NaN when years_left <= 0 or an
    input is missing. Exists so "needed" means the same thing in every table and chart.
    """
    if is_missing(current) or is_missing(target) or is_missing(years_left) or years_left <= 0:
        return math.nan
    return direction_sign(direction) * (float(target) - float(current)) / float(years_left)


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
    if is_missing(observed) or is_missing(target):
        return False
    observed, target = float(observed), float(target)
    if comparator == "ge":
        return observed >= target - EPS
    if comparator == "le":
        return observed <= target + EPS
    tolerance = APPROX_TOLERANCE * abs(target) if comparator == "approx" else 0.0
    return direction_sign(direction) * (observed - target) >= -tolerance - EPS


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
    if is_missing(observed) or is_missing(target):
        return "no_data"
    if meets_target(observed, target, comparator, direction):
        return "achieved"
    if is_missing(years_left):
        return "no_data"
    if years_left <= 0:
        return "off_track"
    if is_missing(seen):
        return "no_data"
    needed = required_yearly_progress(observed, target, years_left, direction)
    if seen >= ON_TRACK_SHARE * needed - EPS:
        return "on_track"
    if seen > 0 and seen >= NEEDS_ACCELERATION_SHARE * needed - EPS:
        return "needs_acceleration"
    return "off_track"


def convert_unit(value: float, from_unit: object, to_unit: object) -> float:
    """`value` in `from_unit` restated in `to_unit` (1.2 亿亩 -> 12000 万亩); NaN when the two
    units do not share a base (万亩 and 个) or either is unknown.

    Units equal as written convert as they are (% to %); a rate unit converts by its first part
    when the parts after the slash agree (万吨/日 -> 吨/日). Exists because sources state the same
    quantity at different scales and a target must be read against its observation exactly.
    """
    source, target = unit_or_empty(from_unit), unit_or_empty(to_unit)
    if is_missing(value):
        return math.nan
    if source == target:
        return float(value)
    source_head, _, source_per = source.partition("/")
    target_head, _, target_per = target.partition("/")
    if source_per != target_per:
        return math.nan
    a, b = UNIT_SCALES.get(source_head), UNIT_SCALES.get(target_head)
    if a is None or b is None or a[0] != b[0]:
        return math.nan
    return float(value) * a[1] / b[1]


def period_start(target_year: int) -> int:
    """The baseline of a target that states none: the last year before the five-year plan
    period its target year falls in (2020 for 2021-2025, 2025 for 2030).

    NOTE: a five-year plan's reductions (单位GDP能耗下降15%, no 较2020年) run over the plan's
    period, counted from the last year of the period before (the "十三五" end for "十四五")."""
    return 5 * ((int(target_year) - 1) // 5)


def _one_per_year(rows: list[dict]) -> dict[int, dict]:
    """One row per year: where sources repeat a cell, the most precise value (then a curated
    row, then table order).

    NOTE: two agreeing sources can word the same cell as 88.1% and 超过88%; the more precise
    figure is kept so every value still traces to exactly one quote. Sources that disagree
    never get here: `observed.join_observations` keeps one of them by its stated rule.
    """
    out: dict[int, dict] = {}

    def key(r: dict) -> tuple:
        return (r["year"], -decimal_places(r["value"]), r.get("origin") != "curated", r["line"])

    for row in sorted(rows, key=key):
        out.setdefault(row["year"], row)
    return out


# observed series on the target's scale


def observed_series(
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
        return [], note("not_in_catalog"), None
    area = text_or_none(target.get("scope_zh")) or target["region_zh"]
    rows = groups.get((area, target["indicator_id"]), [])
    if kind == "increment" and as_of_year is not None:
        rows = [r for r in rows if r["year"] <= as_of_year]
    if kind == "increment":
        if not rows:
            start = int_or_none(target.get("baseline_year")) or int(target["target_year"]) - 5
            return [], note("increment_no_observation", year=start), None
        return _increment_points(target, rows)
    if not rows and text_or_none(target.get("scope_zh")):
        return [], note("no_scope_observation", area=area), None
    if not rows:
        return [], note("no_observation", area=area), None
    if as_of_year is not None:
        rows = [r for r in rows if r["year"] <= as_of_year]
        if not rows:
            return [], note("no_observation_until", area=area, year=as_of_year), None
    if kind == "reduction":
        return _reduction_points(target, rows)
    unit = unit_or_empty(target["unit"])
    usable = [r for r in rows if r["measure"] == "level" and not is_missing(_converted(r, unit))]
    if not usable:
        units = sorted({r["unit"] or "none" for r in rows})
        return [], note("units_differ", units=units, unit=unit or "none"), None
    points = [
        {
            "year": y,
            "value": _converted(r, unit),
            "rows": [r],
            "note": None
            if r["unit"] == unit
            else note("converted", value=format_number(r["value"]), unit=r["unit"]),
        }
        for y, r in sorted(_one_per_year(usable).items())
    ]
    return points, None, None


def _converted(row: dict, unit: str) -> float:
    """An observation row's value in the target's unit (NaN when it does not convert)."""
    return convert_unit(row["value"], row["unit"], unit)


def _reduction_points(target: dict, rows: list[dict]) -> tuple[list[dict], str | None, float]:
    """Cumulative falls since the baseline year, from cumulative, yearly or level observations.

    NOTE: bulletins report intensity as the change on the previous year (-2.7 = fell 2.7%) and
    sometimes as the fall accumulated since the baseline; the plan states the fall since the
    baseline as a positive number. A year's cumulative fall is taken from a cumulative row when
    there is one, else chained from the previous year's: C_y = 1 - (1 - C_{y-1})(1 + r_y).
    A gap in the yearly series stops the chain until the next cumulative row.
    """
    stated = int_or_none(target.get("baseline_year"))
    t0 = stated if stated is not None else period_start(int(target["target_year"]))
    # a baseline the plan does not state is said beside every point it judges
    assumed = None if stated is not None else note("baseline_of_period", year=t0)
    unit = unit_or_empty(target["unit"])
    relative = unit == "%"
    cumulative = _one_per_year(
        [
            r
            for r in rows
            if r["measure"] == "cumulative_change"
            and r["baseline_year"] == t0
            and relative
            and r["unit"] == "%"
        ]
    )
    yearly = _one_per_year(
        [r for r in rows if r["measure"] == "yearly_change" and relative and r["unit"] == "%"]
    )
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
    start: tuple[str, int] | None = None  # what a chain continues: None = the baseline
    for year in range(t0 + 1, last + 1):
        value: float | None = None
        note_ = None
        if year in cumulative:
            value, used, chained = -cumulative[year]["value"], [cumulative[year]], []
            start = ("reported", year)
            note_ = note("fall_reported", year=t0)
        elif year in yearly and previous is not None:
            value = cumulative_reduction([-previous, yearly[year]["value"]])
            used, chained = [*used, yearly[year]], [*chained, year]
            note_ = _chained_note(t0, chained, start)
        elif year in levels and base is not None and levels[year]["unit"] == base["unit"]:
            level = levels[year]["value"]
            value = (1 - level / base["value"]) * 100 if relative else base["value"] - level
            used, chained = [base, levels[year]], []
            start = ("levels", year)
            note_ = note("fall_from_levels", year=t0)
        else:
            used, chained = [], []
        previous = value
        if value is not None:
            how = join([note_, assumed])
            points.append({"year": year, "value": value, "rows": list(used), "note": how})
    if not points:
        return [], note("no_change_observed", year=t0), t0
    return points, None, t0


def _increment_points(target: dict, rows: list[dict]) -> tuple[list[dict], str | None, float]:
    """What was added since the start of the target's period, in the target's unit.

    NOTE: an increment (新增/新建 X万千瓦 in the period) is new work, not a state. It is judged
    by changes of the same unit (a quantity, not a % rate): a year's total added is a change
    reported since the start (累计新增 since 2020) when there is one, else the sum of the
    changes that follow each other year by year from there (全年新增 of 2021, 2022 ...); or by
    two levels (the stock of a year minus the stock of the start). The start is the target's
    baseline year, else the year before its five-year period begins (2020 for a 2025 target).
    A % change (增长8%) or a % level never measures an amount added.
    """
    unit = unit_or_empty(target["unit"])
    t0 = int_or_none(target.get("baseline_year"))
    if t0 is None:
        t0 = int(target["target_year"]) - 5
    if unit in ("%", "‰"):
        return [], note("increment_no_observation", year=t0), t0

    def amount(r: dict) -> float:
        return _converted(r, unit)

    cumulative = _one_per_year(
        [
            r
            for r in rows
            if r["measure"] != "level"
            and r["baseline_year"] == t0
            and not is_missing(amount(r))
            and r["measure"] == "cumulative_change"
        ]
    )
    yearly = _one_per_year(
        [r for r in rows if r["measure"] == "yearly_change" and not is_missing(amount(r))]
    )
    levels = _one_per_year(
        [r for r in rows if r["measure"] == "level" and not is_missing(amount(r))]
    )
    base = levels.get(t0)
    last = max(r["year"] for r in rows)
    points: list[dict] = []
    total: float | None = 0.0
    used: list[dict] = []
    summed: list[int] = []
    for year in range(t0 + 1, last + 1):
        value: float | None = None
        how = None
        if year in cumulative:
            value, used, summed = amount(cumulative[year]), [cumulative[year]], []
            how = note("increment_reported", year=t0)
        elif year in yearly and total is not None:
            value = total + amount(yearly[year])
            used, summed = [*used, yearly[year]], [*summed, year]
            how = note("increment_summed", year=t0, years=_span(summed))
        elif year in levels and base is not None:
            value = amount(levels[year]) - amount(base)
            used, summed = [base, levels[year]], []
            how = note("increment_from_levels", year=t0, other_year=year)
        else:
            used, summed = [], []
        total = value
        if value is not None:
            points.append({"year": year, "value": value, "rows": list(used), "note": how})
    if not points:
        return [], note("increment_no_observation", year=t0), t0
    return points, None, t0


def _chained_note(t0: int, chained: list[int], start: tuple[str, int] | None) -> Note:
    """How a chained fall was built: from the baseline through the yearly changes of `chained`
    (consecutive years), or on top of a fall reported or computed from levels (`start`)."""
    years = _span(chained)
    if start is None:
        return note("fall_chained", year=t0, years=years)
    if start[0] == "reported":
        return note("fall_chained_on_reported", year=t0, other_year=start[1], years=years)
    return note("fall_chained_on_levels", year=t0, other_year=start[1], years=years)


def judge_progress(target: dict, groups: dict[tuple, list[dict]], as_of_year: int | None) -> dict:
    """Latest observation, remaining gap, yearly progress needed and seen, status."""
    points, problem, anchor = observed_series(target, groups, as_of_year)
    out: dict[str, object] = {
        "observed_value": math.nan,
        "observation_year": None,
        "observation_count": len(points),
        "observation_source_title": None,
        "observation_source": None,
        "observation_source_quote": None,
        "observation_note": None,
        "is_observation_proxy": None,
        "observation_origin": None,
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
    direction = progress_direction(target["comparator"], target["direction"], target["kind"])
    sign = direction_sign(direction)
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
    notes += [
        note("source_note", text=text_or_none(r["note"]))
        for r in rows
        if text_or_none(r.get("note"))
    ]
    title, source, quote = joined_sources(rows)
    out.update(
        observed_value=observed,
        observation_year=latest["year"],
        observation_source_title=title,
        observation_source=source,
        observation_source_quote=quote,
        observation_note=join(notes, separator="；"),
        is_observation_proxy=any(r["is_proxy"] for p in points for r in p["rows"]),
        observation_origin=origin_of_rows(rows),
        remaining_gap=sign * (target_value - observed),
        years_left=years_left,
        needed_yearly_progress=needed,
        seen_yearly_progress=seen,
        status=status,
        status_note=_status_note(status, observed, latest["year"], years_left, needed, seen),
    )
    if out["is_observation_proxy"]:
        out["status_note"] = join([out["status_note"], note("proxy")])
    return out


def _span(years: list[int]) -> list[int]:
    """A run of consecutive years as a note argument: [first, last], or [year] alone."""
    return [years[0], years[-1]] if len(years) > 1 else [years[0]]


def _status_note(
    status: str, observed: float, year: int, years_left: int, needed: float, seen: float
) -> Note:
    if status == "achieved":
        return note("status_met", value=format_number(observed), year=year)
    if years_left <= 0:
        return note("status_missed", value=format_number(observed), year=year)
    if math.isnan(seen):
        return note("status_one_year", year=year)
    return note(
        "status_needs", needed=format_number(needed), n=years_left, seen=format_number(seen)
    )
