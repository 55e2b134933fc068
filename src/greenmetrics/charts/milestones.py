"""The milestone timeline: dated qualitative commitments (全覆盖, 清零 ...) per year (`plot_milestones`)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

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
ROW_PITCH_IN = 0.55  # the height of a region's row, unless its labels need more
OFF_ROW_PT = 5  # how far above or below its row a label moved off the row starts
LINE_PT = SMALL_SIZE * 1.2  # one line of a label (matplotlib's line spacing)
LABEL_GAP_PT = 3  # the least space between labels of neighbouring rows


@dataclass(frozen=True)
class Mark:
    """One point of the timeline: a region's commitments of one year and its label."""

    year: int
    size: float
    aspirational: bool
    text: str
    offset: float  # points above (positive) or below the row the label is set
    va: str

    def reach(self) -> tuple[float, float]:
        """How far the label reaches above and below its row, in points."""
        height = LINE_PT * (self.text.count("\n") + 1)
        if self.va == "center":
            return height / 2, height / 2
        if self.va == "bottom":
            return self.offset + height, -self.offset
        return self.offset, -self.offset + height


def region_marks(rows: pd.DataFrame, lang: str) -> list[Mark]:
    """One region's marks, one per year, in time order."""
    region_years = rows["target_year"].dropna().unique()
    marks = []
    for k, (year, group) in enumerate(rows.groupby("target_year", sort=True)):
        seen_words = list(dict.fromkeys(group["_word"]))
        text = list_separator(lang).join(map(plain, seen_words[:MILESTONE_WORDS]))
        if len(seen_words) > MILESTONE_WORDS:
            text += " " + label("more", lang, n=len(seen_words) - MILESTONE_WORDS)
        # A label sits beside its point, on the row; only when another point of the region is
        # near (it would run into it) do neighbouring years alternate above and below, and
        # the rows grow apart when such labels need it (`row_pitch`).
        crowded = any(0 < abs(other - year) <= NEAR_YEARS for other in region_years)
        offset, va = (
            (0, "center") if not crowded
            else (OFF_ROW_PT, "bottom") if k % 2 == 0
            else (-OFF_ROW_PT, "top")
        )  # fmt: skip
        marks.append(
            Mark(
                year=int(year),
                size=5 + 2.5 * math.sqrt(len(group)),
                aspirational="aspirational" in group
                and all(flag(v) for v in group["aspirational"]),
                text="\n".join(wrap_display(text, LABEL_CELLS)),
                offset=offset,
                va=va,
            )
        )
    return marks


def row_pitch(rows: Sequence[Sequence[Mark]]) -> float:
    """The height of a row in inches: ROW_PITCH_IN, or more where a label set below its row
    and a label of the next row set above would meet (labels run about NEAR_YEARS to the
    right of their points)."""
    needed_pt = 0.0
    for upper, lower in zip(rows, rows[1:], strict=False):
        for a in upper:
            for b in lower:
                if abs(a.year - b.year) < NEAR_YEARS:
                    needed_pt = max(needed_pt, a.reach()[1] + b.reach()[0] + LABEL_GAP_PT)
    # NOTE: the axes holds a little more than one row per region (its margins), hence 1.1
    return max(ROW_PITCH_IN, 1.1 * needed_pt / 72)


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
    part = df[df["region_zh"].isin(regions)].dropna(subset=["target_year"])
    rows = [region_marks(part[part["region_zh"] == region], lang) for region in regions]
    fig = new_figure(1.9 + row_pitch(rows) * len(regions))
    ax = fig.subplots()
    ax.grid(axis="y", visible=False)
    any_aspirational = False
    for y, (region, marks) in enumerate(zip(regions, rows, strict=True)):
        color = region_color(region)
        for mark in marks:
            any_aspirational |= mark.aspirational
            ax.plot(mark.year, y, marker="o", ms=mark.size, mec=color, mew=1.4, ls="none",
                    mfc="white" if mark.aspirational else color)  # fmt: skip
            ax.annotate(mark.text, (mark.year, y), xytext=(8, mark.offset),
                        textcoords="offset points", fontsize=SMALL_SIZE, va=mark.va)  # fmt: skip
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
