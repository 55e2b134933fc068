"""The gap chart: each plan target against its provincial and national benchmarks (`plot_gaps`)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..analysis.benchmarks import ambition_counts
from ..regions import region_order
from .drawing_keys import keyed_by_inputs
from .panel_helpers import (
    begin,
    cap,
    chart_notes,
    dot_handle,
    empty_chart,
    hollow_handle,
    is_comparable,
    marker_handle,
    measured_unit,
    named_frame,
    panel_heading,
    panels,
    region_rows,
    top_panels,
)
from .style import (
    COUNTRY_COLOR,
    MAX_PANELS,
    MAX_REGIONS,
    RULE_COLOR,
    SMALL_SIZE,
    finish,
    label,
    region_color,
    register_regions,
)


@keyed_by_inputs
def plot_gaps(
    gaps: pd.DataFrame,
    lang: str = "zh",
    *,
    documents: pd.DataFrame | None = None,
    max_regions: int = MAX_REGIONS,
    max_panels: int = MAX_PANELS,
    title: str | None = None,
) -> Figure:
    """Dot plot of each plan target against its benchmarks, one panel per indicator.

    Expects the frame of `analysis.target_gaps`: one row per target x benchmark with
    `region_zh, indicator_id, indicator_zh, indicator_en, unit, target_value, doc_id` and
    optional `benchmark_value, benchmark_level` (country/province), `source_title`,
    `is_comparable`. Rows of a panel are regions; the target is a dot in the region's colour,
    each benchmark a grey marker joined to it by the gap. Returns the figure.
    """
    need = ["region_zh", "indicator_zh", "unit", "target_value", "doc_id"]
    title = begin(gaps, lang, title, "title_gaps", need, "plot_gaps")
    if gaps.empty:
        return empty_chart(title, gaps, lang)
    df, names = named_frame(gaps, documents, lang)
    per_panel = df.groupby("_ind", sort=False)["region_zh"].nunique()
    first = df.drop_duplicates("_ind").set_index("_ind")
    kept_panels, dropped_panels = top_panels(per_panel.index, per_panel, max_panels)
    dropped_regions: set[str] = set()
    panel_regions: dict[str, list[str]] = {}
    for key in kept_panels:
        regions = region_order(df.loc[df["_ind"] == key, "region_zh"])
        panel_regions[key], rest = cap(regions, max_regions)
        dropped_regions.update(rest)
    register_regions(r for rs in panel_regions.values() for r in rs)
    fig, axes = panels(len(kept_panels), max(len(r) for r in panel_regions.values()))
    bench_level = df["benchmark_level"] if "benchmark_level" in df.columns else None
    markers = {
        "country": ("D", COUNTRY_COLOR, "benchmark_country"),
        "province": ("s", "white", "benchmark_province"),
    }
    seen_levels: set[str] = set()
    any_not_comparable = False
    for ax, key in zip(axes, kept_panels, strict=True):
        regions = panel_regions[key]
        part = df[(df["_ind"] == key) & df["region_zh"].isin(regions)]
        ax.grid(axis="y", visible=False)
        for y, region in enumerate(regions):
            rows = part[part["region_zh"] == region]
            color = region_color(region)
            not_comparable_values: list[float] = []
            for _, row in rows.iterrows():
                tv = row["target_value"]
                bv = row.get("benchmark_value", np.nan)
                if pd.notna(tv) and pd.notna(bv):
                    ax.plot([tv, bv], [y, y], color=RULE_COLOR, lw=1.2, zorder=1)
                if pd.notna(bv):
                    level = str(bench_level[row.name]) if bench_level is not None else "country"
                    marker, face, _ = markers.get(level, markers["country"])
                    seen_levels.add(level if level in markers else "country")
                    ax.plot(
                        bv, y, marker=marker, ms=6, mfc=face, mec=COUNTRY_COLOR, ls="none", zorder=2
                    )
                if pd.notna(tv):
                    comparable = is_comparable(row)
                    any_not_comparable |= not comparable
                    ax.plot(
                        tv, y, marker="o", ms=7, ls="none", zorder=3, mec=color,
                        mfc=color if comparable else "white",
                    )  # fmt: skip
                    if not comparable:
                        not_comparable_values.append(tv)
            # NOTE: one † per row, by its leftmost hollow target: a region with several targets
            # not comparable (武汉's green-building shares by kind of building) would stack its
            # marks into each other; the hollow markers say which ones.
            if not_comparable_values:
                ax.annotate(
                    "†",
                    (min(not_comparable_values), y),
                    xytext=(5, 3),
                    textcoords="offset points",
                    fontsize=SMALL_SIZE,
                )
        region_rows(ax, regions, names)
        unit = measured_unit(
            first.loc[key, "unit"], lang, part.get("kind", ()), part.get("baseline_year", ())
        )
        panel_heading(
            ax, first.loc[key, "_ind_name"], len(axes), unit, short=first.loc[key, "_ind_short"]
        )
    handles = [dot_handle(label("target", lang))]
    for level in ("country", "province"):
        if level in seen_levels:
            marker, face, key = markers[level]
            handles.append(marker_handle(label(key, lang), marker, mfc=face, mec=COUNTRY_COLOR))
    if any_not_comparable:
        handles.append(hollow_handle(label("not_comparable", lang)))
    notes = chart_notes(
        lang,
        not_comparable=any_not_comparable,
        panels=[first.loc[k, "_ind_name"] for k in dropped_panels],
        regions=[names.get(r, r) for r in region_order(dropped_regions)],
    )
    return finish(
        fig, axes, title, None, df, lang, notes=notes, legend=handles,
        subtitle=gaps_takeaway(df, lang), documents=documents,
    )  # fmt: skip


def gaps_takeaway(df: pd.DataFrame, lang: str) -> str:
    """The gaps in one sentence: of the comparable targets with a benchmark, how many are
    more and how many less ambitious (`analysis.ambition_counts`; `ambition` when given, else
    target minus benchmark)."""
    if "benchmark_value" in df and "ambition" not in df:
        df = df.assign(ambition=df["target_value"] - df["benchmark_value"])
    if "is_comparable" in df:
        df = df.assign(is_comparable=[is_comparable(r) for _, r in df.iterrows()])
    else:
        df = df.assign(is_comparable=True)
    counts = ambition_counts(df)
    return label(
        "subtitle_gaps", lang, n=counts["pairs"], above=counts["above"], equal=counts["equal"],
        below=counts["below"],
    )  # fmt: skip
