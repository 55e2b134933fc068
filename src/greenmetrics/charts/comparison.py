"""The cross-region chart: regions side by side per indicator (`plot_comparison`), with
non-comparable targets, 'no target in plan' and 'no data' drawn apart."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ..regions import region_order
from ._layout import (
    begin,
    chart_notes,
    empty_chart,
    flag,
    is_comparable,
    marker_handle,
    named_frame,
    number_text,
    panel_heading,
    panels,
    region_rows,
    top_panels,
    top_regions,
)
from .style import (
    MAX_PANELS,
    MAX_REGIONS,
    MISSING_COLOR,
    NEUTRAL_COLOR,
    SMALL_SIZE,
    finish,
    label,
    parenthesized,
    region_color,
    register_regions,
)


def plot_comparison(
    comparison: pd.DataFrame,
    lang: str = "zh",
    *,
    documents: pd.DataFrame | None = None,
    max_regions: int = MAX_REGIONS,
    max_panels: int = MAX_PANELS,
    title: str | None = None,
) -> Figure:
    """Regions side by side per indicator (small multiples of horizontal bars).

    Expects the frame of `analysis.compare_regions`, long format, one row per region x
    indicator (x target year when several): `region_zh, indicator_id, indicator_zh,
    indicator_en, unit, value, target_year, has_target, is_comparable, doc_id`. Every panel has
    the same region rows. A comparable target is a solid bar; a non-comparable one is hollow,
    hatched and marked †; `has_target` false ('no target in plan', the plan was read and sets
    none) is an explicit × marker; a region with no row, or a NaN value, is written 'no data'.
    Returns the figure.
    """
    need = ["region_zh", "indicator_zh", "unit", "value", "doc_id"]
    title = begin(comparison, lang, title, "title_comparison", need, "plot_comparison")
    if comparison.empty:
        return empty_chart(title, comparison, lang)
    df, names = named_frame(comparison, documents, lang)
    has_value = df["value"].notna()
    per_region = df[has_value].groupby("region_zh")["_ind"].nunique()
    regions, dropped = top_regions(df["region_zh"], per_region, max_regions)
    per_panel = df[has_value].groupby("_ind")["region_zh"].nunique()
    first = df.drop_duplicates("_ind").set_index("_ind")
    kept_panels, dropped_panels = top_panels(first.index, per_panel, max_panels)
    register_regions(regions)
    fig, axes = panels(len(kept_panels), len(regions))
    flags = {"not_comparable": False, "no_target": False}
    for ax, key in zip(axes, kept_panels, strict=True):
        part = df[df["_ind"] == key]
        years = part["target_year"].dropna().unique() if "target_year" in part else []
        mixed_years = len(years) > 1
        values = part["value"].dropna()
        hi = max(values.max(), 0) if len(values) else 1.0
        lo = min(values.min(), 0) if len(values) else 0.0
        span = (hi - lo) or 1.0
        ax.grid(axis="y", visible=False)
        for y, region in enumerate(regions):
            rows = part[part["region_zh"] == region]
            if "target_year" in rows:
                rows = rows.sort_values("target_year", na_position="last")
            color = region_color(region)
            if rows.empty or (rows["value"].isna().all() and not _no_target(rows)):
                ax.text(lo + span * 0.01, y, label("no_data", lang), va="center", fontsize=SMALL_SIZE,
                        color=MISSING_COLOR, style="italic")  # fmt: skip
                continue
            if _no_target(rows) and rows["value"].isna().all():
                flags["no_target"] = True
                ax.plot(
                    0, y, marker="x", ms=7, mew=1.6, color=NEUTRAL_COLOR, ls="none", clip_on=False
                )
                ax.annotate(label("no_target", lang), (0, y), xytext=(7, 0), textcoords="offset points",
                            va="center", fontsize=SMALL_SIZE, color=NEUTRAL_COLOR)  # fmt: skip
                continue
            rows = rows[rows["value"].notna()]
            k = len(rows)
            height = 0.7 / k
            for i, (_, row) in enumerate(rows.iterrows()):
                yy = y - 0.35 + height * (i + 0.5)
                comparable = is_comparable(row)
                if comparable:
                    ax.barh(yy, row["value"], height=height * 0.9, color=color)
                else:
                    flags["not_comparable"] = True
                    ax.barh(yy, row["value"], height=height * 0.9, facecolor="white", edgecolor=color,
                            hatch="///", linewidth=1.0)  # fmt: skip
                text = number_text(row["value"])
                if mixed_years and pd.notna(row.get("target_year")):
                    text += f" ({int(row['target_year'])})"
                if not comparable:
                    text += " †"
                ax.annotate(text, (row["value"], yy), xytext=(3 if row["value"] >= 0 else -3, 0),
                            textcoords="offset points", va="center", fontsize=SMALL_SIZE,
                            ha="left" if row["value"] >= 0 else "right")  # fmt: skip
        ax.set_xlim(lo - (span * 0.05 if lo < 0 else 0), hi + span * 0.35)
        region_rows(ax, regions, names)
        ax.axvline(0, color="#999999", lw=0.6)
        name = first.loc[key, "_ind_name"]
        heading = f"{name}{parenthesized(str(int(years[0])), lang)}" if len(years) == 1 else name
        panel_heading(ax, heading, len(axes), first.loc[key, "unit"])
    handles = [Patch(facecolor=NEUTRAL_COLOR, label=label("target", lang))]
    if flags["not_comparable"]:
        handles.append(
            Patch(
                facecolor="white",
                edgecolor=NEUTRAL_COLOR,
                hatch="///",
                label=label("not_comparable", lang),
            )
        )
    if flags["no_target"]:
        handles.append(marker_handle(label("no_target", lang), "x", mew=1.6, color=NEUTRAL_COLOR))
    notes = chart_notes(
        lang,
        not_comparable=flags["not_comparable"],
        panels=[first.loc[k, "_ind_name"] for k in dropped_panels],
        regions=[names.get(r, r) for r in region_order(dropped)],
    )
    return finish(fig, axes, title, None, df, lang, notes=notes, legend=handles)


def _no_target(rows: pd.DataFrame) -> bool:
    """True when a row says the plan was read and sets no target (`has_target` false)."""
    if "has_target" not in rows.columns:
        return False
    return any(flag(v) is False for v in rows["has_target"])
