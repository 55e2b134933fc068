"""The gap chart: each plan target against its provincial and national benchmarks (`plot_gaps`)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ..regions import region_order
from ._layout import (
    _cap,
    _dot_handle,
    _empty,
    _flag,
    _hollow_handle,
    _indicator_frame,
    _panel_title,
    _panels,
    _region_names,
    _require,
    _with_region_en,
)
from .style import (
    COUNTRY_COLOR,
    MAX_PANELS,
    MAX_REGIONS,
    SMALL_SIZE,
    _omitted_note,
    _plain,
    _register,
    check_lang,
    finish,
    label,
    region_color,
    use_style,
)


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
    check_lang(lang)
    use_style()
    title = title or label("title_gaps", lang)
    need = ["region_zh", "indicator_zh", "unit", "target_value", "doc_id"]
    _require(gaps, need, "plot_gaps")
    if gaps.empty:
        return _empty(title, gaps, lang)
    df = _indicator_frame(_with_region_en(gaps, documents), lang)
    names = _region_names(df, lang)
    panels = df.groupby("_ind", sort=False)["region_zh"].nunique()
    first = df.drop_duplicates("_ind").set_index("_ind")
    order = sorted(panels.index, key=lambda k: (-panels[k], k))
    kept_panels, dropped_panels = _cap(order, max_panels)
    kept_panels = sorted(kept_panels)
    dropped_regions: set[str] = set()
    panel_regions: dict[str, list[str]] = {}
    for key in kept_panels:
        regions = region_order(df.loc[df["_ind"] == key, "region_zh"])
        panel_regions[key], rest = _cap(regions, max_regions)
        dropped_regions.update(rest)
    _register(r for rs in panel_regions.values() for r in rs)
    fig, axes = _panels(len(kept_panels), max(len(r) for r in panel_regions.values()))
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
            for _, row in rows.iterrows():
                tv = row["target_value"]
                bv = row.get("benchmark_value", np.nan)
                if pd.notna(tv) and pd.notna(bv):
                    ax.plot([tv, bv], [y, y], color="#bbbbbb", lw=1.2, zorder=1)
                if pd.notna(bv):
                    level = str(bench_level[row.name]) if bench_level is not None else "country"
                    marker, face, _ = markers.get(level, markers["country"])
                    seen_levels.add(level if level in markers else "country")
                    ax.plot(
                        bv, y, marker=marker, ms=6, mfc=face, mec=COUNTRY_COLOR, ls="none", zorder=2
                    )
                if pd.notna(tv):
                    comparable = _flag(row.get("is_comparable", True)) is not False
                    any_not_comparable |= not comparable
                    ax.plot(
                        tv, y, marker="o", ms=7, ls="none", zorder=3, mec=color,
                        mfc=color if comparable else "white",
                    )  # fmt: skip
                    if not comparable:
                        ax.annotate(
                            "†",
                            (tv, y),
                            xytext=(5, 3),
                            textcoords="offset points",
                            fontsize=SMALL_SIZE,
                        )
        ax.set_yticks(range(len(regions)), [_plain(names[r]) for r in regions])
        ax.set_ylim(len(regions) - 0.5, -0.5)
        ax.set_title(_panel_title(first.loc[key, "_ind_name"], len(axes)), loc="left")
        unit = first.loc[key, "unit"]
        if isinstance(unit, str) and unit:
            ax.set_xlabel(_plain(unit))
    handles = [_dot_handle(label("target", lang))]
    for level in ("country", "province"):
        if level in seen_levels:
            marker, face, key = markers[level]
            handles.append(
                Line2D(
                    [],
                    [],
                    marker=marker,
                    ls="none",
                    mfc=face,
                    mec=COUNTRY_COLOR,
                    label=label(key, lang),
                )
            )
    if any_not_comparable:
        handles.append(_hollow_handle(label("not_comparable", lang)))
    notes = [
        label("note_not_comparable", lang) if any_not_comparable else None,
        _omitted_note("omitted_panels", [first.loc[k, "_ind_name"] for k in dropped_panels], lang),
        _omitted_note(
            "omitted_regions", [names.get(r, r) for r in region_order(dropped_regions)], lang
        ),
    ]
    return finish(fig, axes, title, None, df, lang, notes=notes, legend=handles)
