"""The scorecard of a region: each target of its plan beside the latest observation of the same
indicator in the same region, a verdict (met, missed, on track, off track, no data) and the
comparable province and national benchmarks (`scorecard`); the targets without an observation,
named once per region (`unobserved`).

The pieces are those of `progress` (observed series on the target's scale, units converted,
trend status) and `benchmarks` (pairs judged like with like, the most demanding per level);
this module only decides which observation judges a target and what the verdict is.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from .. import settings
from ..catalog import Catalog
from ..notes import join, note
from ..regions import region_order
from ..schemas.vocabularies import VERDICTS, is_size_unit
from .benchmarks import benchmark_pairs, index_benchmarks, summarise_level
from .progress import judge_progress, meets_target, observed_series
from .shared import (
    checked_frame,
    format_number,
    is_missing,
    joined_sources,
    origin_of_rows,
    prepare_observations,
    prepare_targets,
    progress_direction,
    target_part,
    text_or_none,
    unit_or_empty,
)

# The trend status of `progress` read as a verdict before the target year is judged.
# NOTE: a target whose latest observation already meets it is `met`, not `on_track`: its note
# says "meets the target", and a verdict never says less than its note.
_TREND_VERDICT = {
    "achieved": "met",
    "on_track": "on_track",
    "needs_acceleration": "off_track",
    "off_track": "off_track",
    "no_data": "no_data",
}


def classify_verdict(
    observed: float,
    target: float,
    *,
    comparator: str,
    direction: str,
    target_year: int,
    observation_year: int | None,
    as_of_year: int,
    trend_status: str = "no_data",
) -> str:
    """The verdict of one target (one of VERDICTS).

    - `met` / `missed`: the target year is before `as_of_year` and the observation is of the
      target year or later: it meets the target (`meets_target`) or not;
    - otherwise from the latest observation and the trend: `trend_status` (of
      `classify_status`) achieved -> `met` (already met before its year), on_track ->
      `on_track`; needs_acceleration or off_track -> `off_track`;
    - `no_data`: no observation, or no trend.
    """
    if is_missing(observed) or observation_year is None:
        return "no_data"
    if target_year < as_of_year and observation_year >= target_year:
        return "met" if meets_target(observed, target, comparator, direction) else "missed"
    return _TREND_VERDICT[trend_status]


def _judging_point(points: list[dict], target_year: int, as_of_year: int) -> dict | None:
    """The observed point a target is judged on: once the target year has passed, the first
    observation of that year or later (the target is for that year); else the latest."""
    if not points:
        return None
    if target_year < as_of_year:
        due = [p for p in points if p["year"] >= target_year]
        if due:
            return due[0]
    return points[-1]


def _verdict_note(verdict: str, point: dict | None, target: dict, progress: dict) -> str | None:
    if point is None:
        return progress["status_note"]
    if verdict in ("met", "missed"):
        seen = {"value": format_number(point["value"]), "year": point["year"]}
        return note(f"verdict_{verdict}", **seen, target_year=int(target["target_year"]))
    return progress["status_note"]


def _rate_benchmarks_only(target: dict, pairs: list[dict]) -> list[dict]:
    """The pairs with a size-dependent unit made not comparable, whatever the kind.

    NOTE: `target_benchmarks` lets an absolute reduction (减少5万吨) meet a national one; on a
    scorecard a county's tonnes are never set against the country's.
    """
    out = []
    for pair in pairs:
        if pair["is_comparable"] and is_size_unit(target["unit"]):
            reason = note("size_dependent", unit=unit_or_empty(target["unit"]))
            pair = {**pair, "is_comparable": False, "comparability_note": reason}
        out.append(pair)
    return out


def _context(target: dict, larger: Sequence[str], groups: dict, as_of_year: int) -> dict:
    """The latest observation of a larger region (`larger`, nearest first) for a rate or share
    the target's own region has not observed; empty columns when there is none.

    Exists so a reader learns where a county stands from its city or province when nobody
    publishes the county's own figure; it is context and never enters the verdict. Sizes
    (万亩, 个 ...) are never shown: a province's area says nothing of a county's.
    """
    empty = dict.fromkeys(
        ("context_region_zh", "context_value", "context_year", "context_source_title",
         "context_source", "context_source_quote"),
    )  # fmt: skip
    if is_size_unit(target["unit"]) or text_or_none(target.get("scope_zh")):
        return empty
    for area in larger:
        points, _, _ = observed_series({**target, "region_zh": area}, groups, as_of_year)
        if points:
            latest = points[-1]
            title, source, quote = joined_sources(latest["rows"])
            return {
                "context_region_zh": area,
                "context_value": latest["value"],
                "context_year": latest["year"],
                "context_source_title": title,
                "context_source": source,
                "context_source_quote": quote,
            }
    return empty


def _larger_regions(target: dict, parents: dict[str, object]) -> list[str]:
    """The parent region then the province of a target's plan, without repeats or the region."""
    found = [text_or_none(parents.get(target["doc_id"])), target.get("province_zh")]
    return [r for r in dict.fromkeys(found) if r and r not in (target["region_zh"], "全国")]


def standing(target: dict, progress: dict, as_of_year: int) -> dict[str, object]:
    """The verdict of a prepared target in `as_of_year` (`classify_verdict`), its note and the
    observed point that judges it (`point`, None without one), from the target's `progress`
    (of `progress.judge_progress`).

    Exists so the scorecard and the trajectories say the same verdict of a target: one
    computation, one vocabulary."""
    points = progress["points"]
    point = _judging_point(points, int(target["target_year"]), as_of_year)
    direction = progress_direction(target["comparator"], target["direction"], target["kind"])
    verdict = classify_verdict(
        point["value"] if point else math.nan,
        target["target_value"],
        comparator=target["comparator"],
        direction=direction,
        target_year=int(target["target_year"]),
        observation_year=point["year"] if point else None,
        as_of_year=as_of_year,
        trend_status=progress["status"],
    )
    return {
        "verdict": verdict,
        "verdict_note": _verdict_note(verdict, point, target, progress),
        "point": point,
    }


def _card_row(
    target: dict, groups: dict, benchmarks: dict, as_of_year: int, larger: Sequence[str] = ()
) -> dict[str, object]:
    progress = judge_progress(target, groups, as_of_year)
    points = progress["points"]
    judged = standing(target, progress, as_of_year)
    point, verdict = judged["point"], judged["verdict"]
    rows = point["rows"] if point else []
    title, source, quote = joined_sources(rows)
    # A larger region's figure only where the region's own is missing.
    context = _context(target, larger if point is None else (), groups, as_of_year)
    pairs = _rate_benchmarks_only(target, benchmark_pairs(target, benchmarks))
    return {
        **target_part(target),
        "as_of_year": as_of_year,
        "verdict": verdict,
        "verdict_note": judged["verdict_note"],
        "observed_value": point["value"] if point else math.nan,
        "observation_year": point["year"] if point else None,
        "observation_count": len(points),
        "observation_source_title": title,
        "observation_source": source,
        "observation_source_quote": quote,
        "observation_note": join(
            [
                point["note"] if point else None,
                *(note("source_note", text=t) for r in rows if (t := text_or_none(r.get("note")))),
            ],
            separator="；",
        ),
        "is_observation_proxy": any(r["is_proxy"] for r in rows) if rows else None,
        "observation_origin": origin_of_rows(rows),
        "status": progress["status"],
        **context,
        **summarise_level(target, pairs, "province"),
        **summarise_level(target, pairs, "country"),
    }


def scorecard(
    targets: pd.DataFrame,
    documents: pd.DataFrame,
    benchmarks: pd.DataFrame | None,
    observations: pd.DataFrame | None,
    catalog: Catalog | None = None,
    *,
    as_of_year: int = settings.AS_OF_YEAR,
    first_regions: Sequence[str] = (),
) -> pd.DataFrame:
    """Per region, every target with its latest observation, verdict and comparable benchmarks.

    Returns the frame of `schemas.TABLES['scorecard']`, one row per target, regions in the
    order of `first_regions` (e.g. the seed regions), then in canonical order:
    - the observation is of the same indicator in the target's region (or the region its scope
      names), on the target's scale: units converted (亿亩 -> 万亩), a reduction as the
      cumulative fall since its baseline year; observations after `as_of_year` are ignored;
    - `verdict` (`classify_verdict`): `met`/`missed` once the target year is before
      `as_of_year` (default: settings.AS_OF_YEAR) and an observation of that year or later exists
      (the first such observation judges it); else `on_track`/`off_track` from the trend;
      `no_data` without an observation or a trend;
    - the province and national benchmarks are those of `target_gaps` (same indicator, kind,
      target year, unit, baseline, whole region), and only for a rate or share: an area, a
      count or a capacity (万亩, 个, 万千瓦 ...) is never set against a larger region's.
    Every row keeps the target's quote and offsets and the sources of the observation and the
    benchmarks.
    """
    as_of_year = as_of_year or settings.AS_OF_YEAR
    groups = prepare_observations(observations)
    indexed = index_benchmarks(benchmarks)
    prepared = prepare_targets(targets, documents, catalog)
    first = [r for r in first_regions if any(t["region_zh"] == r for t in prepared)]
    others = region_order(t["region_zh"] for t in prepared if t["region_zh"] not in first)
    rank = {region: i for i, region in enumerate([*first, *others])}
    prepared.sort(key=lambda t: (rank[t["region_zh"]], t["doc_id"], t["char_start"]))
    parents = (
        documents.drop_duplicates("doc_id").set_index("doc_id")["parent_region_zh"].to_dict()
        if "parent_region_zh" in documents and len(documents)
        else {}
    )
    rows = [
        _card_row(t, groups, indexed, as_of_year, _larger_regions(t, parents)) for t in prepared
    ]
    return checked_frame(rows, "scorecard")


def verdict_counts(card: pd.DataFrame) -> dict[str, int]:
    """The counts a reader is told of a scorecard: `targets`, `judged` (with an observation of
    their own region), one count per verdict of those judged (`met`, `missed`, `on_track`,
    `off_track`, `no_data`: observed once, too little for a trend), `missing` (no observation
    of their own) and `context` (of those, shown with a larger region's figure).

    Exists so a chart's subtitle, a finding sentence and the workbook count one way."""
    observed = card["observed_value"].notna()
    verdicts = card.loc[observed, "verdict"].value_counts()
    context = card["context_value"].notna() if "context_value" in card else observed & False
    return {
        "targets": len(card),
        "judged": int(observed.sum()),
        **{v: int(verdicts.get(v, 0)) for v in VERDICTS},
        "missing": int((~observed).sum()),
        "context": int((~observed & context).sum()),
    }


def unobserved(card: pd.DataFrame) -> pd.DataFrame:
    """The targets of a scorecard without an observation, one row per region (in card order):
    `region_zh`, `n` and `indicators` (the plans' words, in plan order, without repeats).

    Exists so a report says once per region what it cannot judge, not in a row per target."""
    missing = card[card["observed_value"].isna()]
    rows = [
        {
            "region_zh": region,
            "n": len(part),
            "indicators": list(dict.fromkeys(part["indicator_zh"].astype(str))),
        }
        for region, part in missing.groupby("region_zh", sort=False)
    ]
    return pd.DataFrame(rows, columns=["region_zh", "n", "indicators"])
