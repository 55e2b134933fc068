"""The trajectory chart: per region and indicator the path to the target, the observed points,
the projection and the 2035 goal (`plot_trajectory`)."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from ..errors import SchemaError
from ..regions import region_order
from ..schemas import vocabularies
from .drawing_keys import keyed_by_inputs
from .panel_helpers import (
    begin,
    cap,
    chart_notes,
    empty_chart,
    named_frame,
    panel_heading,
    panels,
)
from .scorecard import chained_notes
from .style import (
    COUNTRY_COLOR,
    MAX_PANELS,
    NEUTRAL_COLOR,
    SMALL_SIZE,
    VERDICT_COLORS,
    finish,
    label,
    region_color,
    register_regions,
)

# The series a trajectory chart draws, in legend order: a trajectory frame's and a benchmark.
TRAJECTORY_SERIES = (*vocabularies.TRAJECTORY_SERIES, "benchmark")


@keyed_by_inputs
def plot_trajectory(
    traj: pd.DataFrame,
    lang: str = "zh",
    *,
    documents: pd.DataFrame | None = None,
    max_panels: int = MAX_PANELS,
    title: str | None = None,
) -> Figure:
    """Target path, observed points, projection and 2035 goal, one panel per region x indicator.

    Expects the frame of `analysis.trajectories`, long format: `region_zh, indicator_id,
    indicator_zh, indicator_en, unit, year, value, series` with series one of
    target (the path to the plan target), observed, projection, goal_2035, benchmark; optional
    `verdict` (of the scorecard: met, missed, on_track, off_track, no_data), `doc_id`,
    `source_title`. Returns the figure.
    """
    need = ["region_zh", "indicator_zh", "unit", "year", "value", "series"]
    title = begin(traj, lang, title, "title_trajectory", need, "plot_trajectory")
    unknown = sorted(set(traj["series"].dropna()) - set(TRAJECTORY_SERIES))
    if unknown:
        raise SchemaError(
            f"plot_trajectory: unknown series {unknown}; expected {TRAJECTORY_SERIES}"
        )
    if traj.empty:
        return empty_chart(title, traj, lang)
    df, names = named_frame(traj, documents, lang)
    regions = region_order(df["region_zh"])
    keys = sorted(
        {(r, k) for r, k in df[["region_zh", "_ind"]].itertuples(index=False)},
        key=lambda rk: (regions.index(rk[0]), rk[1]),
    )
    kept, dropped = cap(keys, max_panels)
    register_regions(regions)
    first = df.drop_duplicates("_ind").set_index("_ind")
    fig, axes = panels(len(kept), 6)
    seen: set[str] = set()
    for ax, (region, key) in zip(axes, kept, strict=True):
        part = df[(df["region_zh"] == region) & (df["_ind"] == key)]
        color = region_color(region)
        for series, rows in part.sort_values("year").groupby("series", sort=False):
            seen.add(series)
            x, y = rows["year"].astype(float), rows["value"].astype(float)
            if series == "target":
                ax.plot(x, y, color=color, lw=1.8, marker="s", ms=4, zorder=3)
            elif series == "observed":
                ax.plot(x, y, color=color, lw=0.8, alpha=0.6, zorder=2)
                ax.plot(
                    x, y, ls="none", marker="o", ms=5, mfc=color, mec="black", mew=0.5, zorder=4
                )
            elif series == "projection":
                ax.plot(x, y, color=color, lw=1.4, ls="--", zorder=2)
            elif series == "goal_2035":
                ax.plot(
                    x, y, ls="none", marker="*", ms=12, mfc=color, mec="black", mew=0.5, zorder=5
                )
            else:
                ax.plot(x, y, ls="none", marker="D", ms=5, mfc="white", mec=COUNTRY_COLOR, zorder=3)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
        years = part["year"].dropna()
        if len(years) and years.min() == years.max():
            # one year only: matplotlib would stretch the axis over a century
            ax.set_xlim(years.min() - 1, years.max() + 1)
        heading = f"{names[region]} · {first.loc[key, '_ind_name']}"
        unit = part["unit"].dropna()
        panel_heading(ax, heading, len(axes), unit.iloc[0] if len(unit) else None, axis="y")
        if "verdict" in part.columns and part["verdict"].notna().any():
            # Under the year axis, never inside the plot where a point may sit.
            verdict = str(part["verdict"].dropna().iloc[0])
            ax.set_xlabel("● " + label(f"verdict_{verdict}", lang, default=verdict),
                          fontsize=SMALL_SIZE, color=VERDICT_COLORS.get(verdict, NEUTRAL_COLOR))  # fmt: skip
    styles = {
        "target": dict(color=NEUTRAL_COLOR, lw=1.8, marker="s", ms=4),
        "observed": dict(ls="none", marker="o", ms=5, mfc=NEUTRAL_COLOR, mec="black", mew=0.5),
        "projection": dict(color=NEUTRAL_COLOR, lw=1.4, ls="--"),
        "goal_2035": dict(ls="none", marker="*", ms=12, mfc=NEUTRAL_COLOR, mec="black", mew=0.5),
        "benchmark": dict(ls="none", marker="D", ms=5, mfc="white", mec=COUNTRY_COLOR),
    }
    words = {"target": "target_path"}
    handles = [
        Line2D([], [], label=label(words.get(s, s), lang), **styles[s])
        for s in TRAJECTORY_SERIES
        if s in seen
    ]
    omitted = [f"{names[r]} · {first.loc[k, '_ind_name']}" for r, k in dropped]
    notes = chart_notes(lang, panels=omitted)
    notes += _chained_notes(df, kept, names, first, lang)
    # counted by target (a panel is one region's indicator; two targets may share it)
    target = "target_id" if "target_id" in df.columns else "_ind"
    observed = df.loc[df["series"] == "observed", target]
    met = df.loc[df["verdict"] == "met", target] if "verdict" in df.columns else observed[:0]
    subtitle = label("subtitle_trajectories", lang, n=observed.nunique(), met=met.nunique())
    return finish(
        fig, axes, title, None, df, lang,
        notes=notes, legend=handles, subtitle=subtitle, documents=documents,
    )  # fmt: skip


def _chained_notes(df: pd.DataFrame, kept, names, first, lang: str) -> list[str]:
    """How the latest observed point of each drawn panel was built, when chained from yearly
    changes (the panel, then 自2020年累计下降（由2021—2024年逐年变化连乘）)."""
    if "observation_note_code" not in df.columns:
        return []
    latest = [
        rows.sort_values("year").iloc[-1]
        for region, key in kept
        if len(
            rows := df[
                (df["region_zh"] == region) & (df["_ind"] == key) & (df["series"] == "observed")
            ]
        )  # fmt: skip
    ]
    if not latest:
        return []
    frame = pd.DataFrame(latest)
    frame["_ind_name"] = [first.loc[k, "_ind_name"] for k in frame["_ind"]]
    return chained_notes(frame, names, lang)


def plot_trajectories_by_region(
    traj: pd.DataFrame,
    lang: str = "zh",
    *,
    documents: pd.DataFrame | None = None,
    first_regions: tuple[str, ...] = (),
    max_panels: int = MAX_PANELS,
) -> list[tuple[str, Figure]]:
    """Every trajectory drawn: one figure per region (`first_regions` first, then canonical
    order), a region with more than `max_panels` indicators over several figures.

    Returns (file stem, figure) pairs, stems `trajectories_<n>` in drawing order. Exists so a
    report shows every region and indicator with a path, not the first `max_panels`.
    """
    if traj.empty:
        return [("trajectories_1", plot_trajectory(traj, lang, documents=documents))]
    present = set(traj["region_zh"].dropna())
    first = [r for r in first_regions if r in present]
    regions = [*first, *(r for r in region_order(present) if r not in first)]
    out = []
    for region in regions:
        part = traj[traj["region_zh"] == region]
        keys = list(dict.fromkeys(part["indicator_id"].fillna(part["indicator_zh"]).sort_values()))
        for start in range(0, len(keys), max_panels):
            chunk = keys[start : start + max_panels]
            rows = part[part["indicator_id"].fillna(part["indicator_zh"]).isin(chunk)]
            fig = plot_trajectory(rows, lang, documents=documents, max_panels=max_panels)
            out.append((f"trajectories_{len(out) + 1}", fig))
    return out
