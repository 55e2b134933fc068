"""The overview chart: how many targets each region sets, per theme (`plot_targets_overview`)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure

from ..regions import region_order
from ..words import region_names
from .drawing_keys import keyed_by_inputs
from .panel_helpers import (
    begin,
    cap,
    chart_notes,
    empty_chart,
    named_frame,
    new_figure,
    top_regions,
)
from .style import (
    FONT_SIZE,
    MAX_PANELS,
    MAX_REGIONS,
    finish,
    focus_regions,
    highlight_focus,
    label,
    parenthesized,
    plain,
    region_color,
    register_regions,
    theme_text,
)


@keyed_by_inputs
def plot_targets_overview(
    targets: pd.DataFrame,
    lang: str = "zh",
    *,
    documents: pd.DataFrame | None = None,
    max_regions: int = MAX_REGIONS,
    max_themes: int = MAX_PANELS,
    title: str | None = None,
) -> Figure:
    """Heat table of the number of targets per region (rows) and theme (columns).

    Expects the targets table (`region_zh`, `theme`, `doc_id`; `region_en` or `documents` for
    English names). Targets without a theme count as 'unmapped'. Regions beyond `max_regions`
    (fewest targets first) are left out and named in a note. Returns the figure.
    """
    need = ["region_zh", "doc_id"]
    title = begin(targets, lang, title, "title_overview", need, "plot_targets_overview")
    if targets.empty:
        return empty_chart(title, targets, lang)
    df, names = named_frame(targets, documents, lang, indicators=False)
    unmapped = label("unmapped", lang)
    theme = df["theme"] if "theme" in df.columns else pd.Series(pd.NA, index=df.index)
    df = df.assign(_theme=[theme_text(t, lang) for t in theme])
    counts = pd.crosstab(df["region_zh"], df["_theme"])
    totals = counts.sum(axis=1)
    kept, dropped = top_regions(counts.index, totals, max_regions)
    theme_totals = counts.sum(axis=0)
    themes = sorted(counts.columns, key=lambda t: (t == unmapped, -theme_totals[t], t))
    themes, dropped_themes = cap(themes, max_themes)
    counts = counts.loc[kept, themes]
    register_regions(kept)

    fig = new_figure(1.6 + 0.36 * len(kept) + 0.06 * max(map(len, themes)))
    ax = fig.subplots()
    ax.grid(False)
    data = counts.to_numpy(dtype=float)
    shown = np.where(data > 0, data, np.nan)
    ax.imshow(shown, cmap="Greens", aspect="auto", vmin=0, vmax=max(data.max(), 1) * 1.25)
    for (i, j), v in np.ndenumerate(data):
        if v > 0:
            ax.text(j, i, f"{int(v)}", ha="center", va="center", fontsize=FONT_SIZE - 1)
    ax.set_xticks(range(len(themes)), [plain(t) for t in themes], rotation=35, ha="right")
    ax.set_yticks(
        range(len(kept)),
        [f"{plain(names[r])}{parenthesized(str(int(totals[r])), lang)}" for r in kept],
    )
    for tick, region in zip(ax.get_yticklabels(), kept, strict=True):
        tick.set_color(region_color(region))
    highlight_focus(ax.get_yticklabels(), kept)
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel(label("theme", lang))
    notes = chart_notes(lang, regions=[names.get(r, r) for r in dropped], columns=dropped_themes)
    subtitle = overview_takeaway(df, names, lang)
    return finish(
        fig, ax, title, None, df, lang, notes=notes, subtitle=subtitle, documents=documents
    )


def overview_takeaway(df: pd.DataFrame, names: dict[str, str], lang: str) -> str:
    """The overview in one sentence: the region with the most themes, and how many
    indicators the focus regions share."""
    themed = df[df["theme"].notna()] if "theme" in df.columns else df.iloc[0:0]
    per_region = themed.groupby("region_zh")["theme"].nunique().sort_values(ascending=False)
    if per_region.empty:
        return ""
    top = per_region.index[0]
    shared = 0
    if "indicator_id" in df.columns:
        sets = [set(df.loc[df["region_zh"] == r, "indicator_id"].dropna()) for r in focus_regions()]
        shared = len(set.intersection(*sets))
    return label(
        "subtitle_overview", lang, top=plain(names.get(top, top)), n=int(per_region.iloc[0]),
        shared=shared,
    )  # fmt: skip


@keyed_by_inputs
def plot_coverage(
    targets: pd.DataFrame,
    lang: str = "zh",
    *,
    documents: pd.DataFrame | None = None,
    title: str | None = None,
) -> Figure:
    """Seaborn heatmap of what each plan targets across the whole corpus: regions (rows, every
    region with a plan in `documents`, seed regions marked) by theme (columns); a cell is the
    number of catalog indicators the region sets a target for in that theme, empty for none.

    Expects the targets table (`region_zh`, `indicator_id`, `theme`, `doc_id`). Unlike the
    overview it keeps every region, so a plan that targets nothing in a theme shows as a gap.
    Returns the figure.
    """
    need = ["region_zh", "indicator_id", "theme", "doc_id"]
    title = begin(targets, lang, title, "title_coverage", need, "plot_coverage")
    mapped = targets[targets["indicator_id"].notna() & targets["theme"].notna()]
    if mapped.empty:
        return empty_chart(title, targets, lang)
    df, names = named_frame(mapped, documents, lang, indicators=False)
    regions = region_order(
        documents["region_zh"] if documents is not None else df["region_zh"].unique()
    )
    counts = (
        df.groupby(["region_zh", "theme"])["indicator_id"].nunique().unstack(fill_value=0)
    ).reindex(index=regions, fill_value=0)
    themes = sorted(counts.columns, key=lambda t: (-(counts[t] > 0).sum(), t))
    counts = counts[themes]
    names = {**{r: r for r in regions}, **names}
    if lang == "en" and documents is not None:
        names.update(region_names(documents["region_zh"], lang, documents, short=True))
    fig = new_figure(1.9 + 0.27 * len(regions))
    ax = fig.subplots()
    sns.heatmap(
        counts.where(counts > 0), ax=ax, cmap="Greens", vmin=0, vmax=max(counts.max().max(), 1) * 1.2,
        annot=True, fmt=".0f", annot_kws={"fontsize": FONT_SIZE - 1.5}, cbar=False,
        linewidths=0.6, linecolor="white",
    )  # fmt: skip
    ax.grid(False)
    ax.set_facecolor("#f4f4f4")  # a theme the plan sets no target for: a pale grey cell
    ax.set_xticks(
        [i + 0.5 for i in range(len(themes))], [plain(theme_text(t, lang)) for t in themes],
        rotation=35, ha="right",
    )  # fmt: skip
    ax.set_yticks([i + 0.5 for i in range(len(regions))], [plain(names[r]) for r in regions])
    ax.tick_params(axis="y", rotation=0, length=0)
    ax.tick_params(axis="x", length=0)
    highlight_focus(ax.get_yticklabels(), regions)
    for tick, region in zip(ax.get_yticklabels(), regions, strict=True):
        tick.set_color(region_color(region))
    ax.set_xlabel(label("theme", lang))
    ax.set_ylabel("")
    per_region = (counts > 0).sum(axis=1)
    top = per_region.idxmax()
    common = themes[0]
    subtitle = label(
        "subtitle_coverage", lang, top=plain(names[top]), n=int(per_region.max()),
        total=len(themes), common=plain(theme_text(common, lang)),
    )  # fmt: skip
    return finish(fig, ax, title, None, df, lang, subtitle=subtitle, documents=documents)
