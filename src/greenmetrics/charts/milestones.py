"""The milestone timeline: dated qualitative commitments (全覆盖, 清零 ...) per year (`plot_milestones`)."""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ..regions import region_order
from .drawing_keys import keyed_by_inputs
from .panel_helpers import (
    begin,
    chart_notes,
    dot_handle,
    empty_chart,
    flag,
    hollow_handle,
    named_frame,
    new_figure,
    region_rows,
    top_regions,
)
from .style import (
    MAX_REGIONS,
    SMALL_SIZE,
    finish,
    label,
    list_separator,
    plain,
    region_color,
    register_regions,
    wrap_display,
)

MILESTONE_WORDS = 2  # commitment words written beside one point; the rest are counted
LABEL_CELLS = 30  # a point's words wrap at this width, so they stay within the figure
NEAR_YEARS = 4  # a label runs about this many years to the right of its point


@keyed_by_inputs
def plot_milestones(
    timeline: pd.DataFrame,
    lang: str = "zh",
    *,
    documents: pd.DataFrame | None = None,
    max_regions: int = MAX_REGIONS,
    title: str | None = None,
) -> Figure:
    """Timeline of dated qualitative commitments: one row per region, one mark per year.

    Expects the frame of `analysis.milestones_timeline` (or the milestones table):
    `region_zh, target_year, commitment_zh, doc_id`, optional `commitment_en` (used in
    English) and `aspirational` (力争: hollow mark). Commitments of the same region and year
    share one mark, sized by their number and labelled with the first few. Returns the figure.
    """
    need = ["region_zh", "target_year", "commitment_zh", "doc_id"]
    title = begin(timeline, lang, title, "title_milestones", need, "plot_milestones")
    if timeline.empty:
        return empty_chart(title, timeline, lang)
    df, names = named_frame(timeline, documents, lang, indicators=False)
    words = df["commitment_zh"]
    if lang == "en" and "commitment_en" in df.columns:
        words = df["commitment_en"].where(df["commitment_en"].notna(), words)
    elif lang == "en":  # the commitment glossary is data: `commitment` rows of words.csv
        words = words.map(lambda w: label(f"commitment_{w}", "en", default=w))
    df = df.assign(_word=words.astype(str))
    counts = df.groupby("region_zh").size()
    regions, dropped = top_regions(df["region_zh"], counts, max_regions)
    register_regions(regions)
    fig = new_figure(1.9 + 0.55 * len(regions))
    ax = fig.subplots()
    ax.grid(axis="y", visible=False)
    any_aspirational = False
    part = df[df["region_zh"].isin(regions)].dropna(subset=["target_year"])
    for y, region in enumerate(regions):
        rows = part[part["region_zh"] == region]
        color = region_color(region)
        region_years = rows["target_year"].dropna().unique()
        for k, (year, group) in enumerate(rows.groupby("target_year", sort=True)):
            aspirational = "aspirational" in group and all(flag(v) for v in group["aspirational"])
            any_aspirational |= aspirational
            size = 5 + 2.5 * math.sqrt(len(group))
            ax.plot(int(year), y, marker="o", ms=size, mec=color, mew=1.4, ls="none",
                    mfc="white" if aspirational else color)  # fmt: skip
            seen_words = list(dict.fromkeys(group["_word"]))
            text = list_separator(lang).join(map(plain, seen_words[:MILESTONE_WORDS]))
            if len(seen_words) > MILESTONE_WORDS:
                text += " " + label("more", lang, n=len(seen_words) - MILESTONE_WORDS)
            text = "\n".join(wrap_display(text, LABEL_CELLS))
            # A label sits beside its point, on the row, clear of the rows above and below;
            # only when another point of the region is near (it would run into it) do
            # neighbouring years alternate above and below.
            crowded = any(0 < abs(other - year) <= NEAR_YEARS for other in region_years)
            offset, va = (
                (0, "center") if not crowded else (5, "bottom") if k % 2 == 0 else (-5, "top")
            )
            ax.annotate(text, (int(year), y), xytext=(8, offset), textcoords="offset points",
                        fontsize=SMALL_SIZE, va=va)  # fmt: skip
    years = part["target_year"].dropna().astype(int)
    if len(years):
        ax.set_xlim(years.min() - 1, years.max() + 4)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    region_rows(ax, regions, names, margins=(0.4, -0.7))
    ax.set_xlabel(label("year", lang))
    handles = [dot_handle(label("committed", lang))]
    if any_aspirational:
        handles.append(hollow_handle(label("aspirational", lang)))
    notes = chart_notes(lang, regions=[names.get(r, r) for r in region_order(dropped)])
    years = df["target_year"].dropna().astype(int).value_counts()
    subtitle = (
        label(
            "subtitle_milestones", lang, n=len(df), year=int(years.index[0]), k=int(years.iloc[0])
        )
        if len(years)
        else None
    )
    return finish(
        fig, ax, title, None, df, lang, notes=notes, legend=handles, subtitle=subtitle,
        documents=documents,
    )  # fmt: skip
