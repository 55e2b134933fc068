"""The cross-region chart: regions side by side per indicator (`plot_comparison`), with
non-comparable targets, 'no target in plan' and 'no data' drawn apart. An area or a count is
drawn one region level per panel (a county's 万亩 never beside a province's)."""

from __future__ import annotations

from collections import Counter

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ..analysis.comparison import widest_spread
from ..regions import region_order
from ..schemas.vocabularies import is_size_unit
from .drawing_keys import keyed_by_inputs
from .panel_helpers import (
    begin,
    chart_notes,
    empty_chart,
    flag,
    indicator_name,
    is_comparable,
    marker_handle,
    measured_unit,
    named_frame,
    number_text,
    panel_columns,
    panel_title,
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
    plain,
    region_color,
    register_regions,
    unit_text,
)

BENCHMARK_COLOR = "#c4c4c4"  # a benchmark bar: grey, so the plans' own targets stand out


@keyed_by_inputs
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
    df = _with_panel_keys(df)
    has_value = df["value"].notna()
    per_region = df[has_value].groupby("region_zh")["_panel"].nunique()
    regions, dropped = top_regions(df["region_zh"], per_region, max_regions)
    per_panel = df[has_value].groupby("_panel")["region_zh"].nunique()
    first = df[df["_panel"].notna()].drop_duplicates("_panel").set_index("_panel")
    # one name per indicator in every panel of it (a level's rows may word it differently)
    by_indicator = df.drop_duplicates("_ind").set_index("_ind")
    first["_ind_name"] = first["_ind"].map(by_indicator["_ind_name"])
    first["_ind_short"] = first["_ind"].map(by_indicator["_ind_short"])
    kept_panels, dropped_panels = top_panels(first.index, per_panel, max_panels)
    register_regions(regions)
    fig, axes = panels(len(kept_panels), len(regions))
    ncols = panel_columns(len(axes))
    flags = {"not_comparable": False, "no_target": False, "benchmark": False, "level": False}
    for panel_no, (ax, key) in enumerate(zip(axes, kept_panels, strict=True)):
        level = first.loc[key, "_level"]
        part = df[df["_ind"] == first.loc[key, "_ind"]]
        if level is not None:  # one level per panel: other regions' sizes are not drawn
            flags["level"] = True
            other_level = part["region_level"].ne(level) & part["value"].notna()
            part = part[~other_level]
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
            if level is not None and rows.empty and _level_of(df, region) not in (None, level):
                ax.text(lo + span * 0.01, y, label("other_level", lang), va="center",
                        fontsize=SMALL_SIZE, color=MISSING_COLOR, style="italic")  # fmt: skip
                continue
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
            texts: list[tuple[str, float, float]] = []
            for i, (_, row) in enumerate(rows.iterrows()):
                yy = y - 0.35 + height * (i + 0.5)
                comparable = is_comparable(row)
                benchmark = row.get("origin") == "benchmark"
                flags["benchmark"] |= benchmark
                fill = BENCHMARK_COLOR if benchmark else color
                if comparable:
                    ax.barh(yy, row["value"], height=height * 0.9, color=fill)
                else:
                    flags["not_comparable"] = True
                    ax.barh(yy, row["value"], height=height * 0.9, facecolor="white", edgecolor=fill,
                            hatch="///", linewidth=1.0)  # fmt: skip
                text = number_text(row["value"])
                if mixed_years and pd.notna(row.get("target_year")):
                    text += f" ({int(row['target_year'])})"
                if not comparable:
                    text += " †"
                texts.append((text, row["value"], yy))
            # three or more bars in a row are too thin for a label each: one label, in the
            # order of the bars from the top, beside the longest
            if len(texts) >= 3:
                far = max(texts, key=lambda t: abs(t[1]))
                # the same value of several targets (other scopes) once, with how many; a
                # yearly schedule's not comparable years (†) counted, not listed
                same = Counter(t[0] for t in texts)
                shown = [f"{t} ×{same[t]}" if same[t] > 1 else t for t in same]
                if len(same) > 3:
                    other = sum(n for t, n in same.items() if t.endswith("†"))
                    shown = [t for t in shown if "†" not in t] + ([f"+{other} †"] if other else [])
                joined = " / ".join(shown)
                texts = [(joined, far[1], y)]
            for text, value, yy in texts:
                ax.annotate(text, (value, yy), xytext=(3 if value >= 0 else -3, 0),
                            textcoords="offset points", va="center", fontsize=SMALL_SIZE,
                            ha="left" if value >= 0 else "right")  # fmt: skip
        ax.set_xlim(lo - (span * 0.05 if lo < 0 else 0), hi + span * 0.45)
        region_rows(ax, regions, names)
        # the values are written beside the bars: no value axis, and one column of region names
        ax.set_xticks([])
        ax.spines["bottom"].set_visible(False)
        if panel_no % ncols:
            ax.tick_params(axis="y", labelleft=False, length=0)
        ax.axvline(0, color="#999999", lw=0.6)
        kinds = part.get("kind", pd.Series(dtype=object)).dropna()
        if kinds.empty and "reference_kind" in part:
            kinds = part["reference_kind"].dropna()
        # NOTE: the unit most of the panel's values are in (the first on a tie): one region's
        # change in 个百分点 (marked †) does not retitle a panel of rates in %.
        units = Counter(part.loc[part["value"].notna(), "unit"].dropna())
        unit = units.most_common(1)[0][0] if units else first.loc[key, "unit"]
        ax.set_title(_heading(first.loc[key], years, lang, len(axes), unit, kinds), loc="left")
    handles = [Patch(facecolor=NEUTRAL_COLOR, label=label("target", lang))]
    if flags["benchmark"]:
        handles.append(Patch(facecolor=BENCHMARK_COLOR, label=label("benchmark", lang)))
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
    if flags["level"]:
        notes.insert(1, label("note_other_level", lang))
    return finish(
        fig, axes, title, None, df, lang, notes=notes, legend=handles,
        subtitle=comparison_takeaway(comparison, lang), documents=documents,
    )  # fmt: skip


def comparison_takeaway(comparison: pd.DataFrame, lang: str) -> str:
    """The comparison in one sentence: how many indicators, and the widest like-with-like
    spread with its unit."""
    n = comparison["indicator_id"].nunique()
    spread = widest_spread(comparison)
    if spread is None or spread["high"] == spread["low"]:
        return label("subtitle_comparison_flat", lang, n=n)
    name = indicator_name(
        spread["indicator_id"], spread["indicator_zh"], spread["indicator_en"], lang
    )
    return label(
        "subtitle_comparison_size" if spread["is_size"] else "subtitle_comparison", lang, n=n,
        widest=plain(name), low=number_text(spread["low"]),
        high=number_text(spread["high"]), unit=plain(unit_text(spread["unit"], lang)),
    )  # fmt: skip


def _with_panel_keys(df: pd.DataFrame) -> pd.DataFrame:
    """Adds `_panel` (the indicator, and for a size unit the region level of its plan
    targets: one panel per level) and `_level` (that level, None for a rate). A row without
    a value belongs to every panel of its indicator; so does a rate."""
    df = df.assign(_panel=df["_ind"], _level=None)
    if "region_level" not in df.columns:
        return df
    plan = df["value"].notna() & (df["origin"].eq("plan") if "origin" in df else True)
    for ind, rows in df.groupby("_ind", sort=False):
        if not is_size_unit(rows["unit"].dropna().iloc[0] if rows["unit"].notna().any() else ""):
            continue
        for level in rows.loc[plan[rows.index], "region_level"].dropna().unique():
            at_level = rows.index[rows["region_level"].eq(level) & rows["value"].notna()]
            df.loc[at_level, "_panel"] = f"{ind}@{level}"
            df.loc[at_level, "_level"] = level
        # rows without a value are drawn in every level's panel; a benchmark of a level no
        # plan targets at is drawn in none
        unplaced = rows.index[~df.loc[rows.index, "_panel"].str.contains("@")]
        df.loc[unplaced, "_panel"] = None
    return df


def _level_of(df: pd.DataFrame, region: str) -> str | None:
    levels = (
        df.loc[df["region_zh"].eq(region), "region_level"].dropna() if "region_level" in df else []
    )
    return levels.iloc[0] if len(levels) else None


def _heading(first: pd.Series, years, lang: str, n_panels: int, unit: object, kinds=()) -> str:
    """A panel title: the indicator, then the unit of its values (a fall for reductions),
    target year and (size units) level."""
    details = [measured_unit(unit, lang, kinds)]
    if len(years) == 1:
        details.append(str(int(years[0])))
    if first["_level"] is not None:
        details.append(label(f"level_{first['_level']}", lang))
    details = [d for d in details if d]
    sep = "，" if lang == "zh" else ", "
    name = panel_title(first["_ind_name"], n_panels, first.get("_ind_short"))
    return f"{name}\n{parenthesized(sep.join(details), lang).strip()}" if details else name


def _no_target(rows: pd.DataFrame) -> bool:
    """True when a row says the plan was read and sets no target (`has_target` false)."""
    if "has_target" not in rows.columns:
        return False
    return any(flag(v) is False for v in rows["has_target"])
