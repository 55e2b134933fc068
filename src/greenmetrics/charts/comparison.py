"""The cross-region chart: regions side by side per indicator (`plot_comparison`), with
non-comparable targets, 'no target in plan' and 'no data' drawn apart."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..regions import region_order
from ._layout import (
    _cap,
    _empty,
    _flag,
    _fmt,
    _indicator_frame,
    _panel_title,
    _panels,
    _region_names,
    _require,
    _with_region_en,
)
from .style import (
    MAX_PANELS,
    MAX_REGIONS,
    MISSING_COLOR,
    NEUTRAL_COLOR,
    SMALL_SIZE,
    _omitted_note,
    _paren,
    _plain,
    _register,
    check_lang,
    finish,
    label,
    region_color,
    use_style,
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
    check_lang(lang)
    use_style()
    title = title or label("title_comparison", lang)
    need = ["region_zh", "indicator_zh", "unit", "value", "doc_id"]
    _require(comparison, need, "plot_comparison")
    if comparison.empty:
        return _empty(title, comparison, lang)
    df = _indicator_frame(_with_region_en(comparison, documents), lang)
    names = _region_names(df, lang)
    has_value = df["value"].notna()
    per_region = df[has_value].groupby("region_zh")["_ind"].nunique()
    all_regions = region_order(df["region_zh"])
    by_size = sorted(all_regions, key=lambda r: (-per_region.get(r, 0), all_regions.index(r)))
    kept, dropped = _cap(by_size, max_regions)
    regions = region_order(kept)
    per_panel = df[has_value].groupby("_ind")["region_zh"].nunique()
    first = df.drop_duplicates("_ind").set_index("_ind")
    order = sorted(first.index, key=lambda k: (-per_panel.get(k, 0), k))
    kept_panels, dropped_panels = _cap(order, max_panels)
    kept_panels = sorted(kept_panels)
    _register(regions)
    fig, axes = _panels(len(kept_panels), len(regions))
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
                comparable = _flag(row.get("is_comparable", True)) is not False
                if comparable:
                    ax.barh(yy, row["value"], height=height * 0.9, color=color)
                else:
                    flags["not_comparable"] = True
                    ax.barh(yy, row["value"], height=height * 0.9, facecolor="white", edgecolor=color,
                            hatch="///", linewidth=1.0)  # fmt: skip
                text = _fmt(row["value"])
                if mixed_years and pd.notna(row.get("target_year")):
                    text += f" ({int(row['target_year'])})"
                if not comparable:
                    text += " †"
                ax.annotate(text, (row["value"], yy), xytext=(3 if row["value"] >= 0 else -3, 0),
                            textcoords="offset points", va="center", fontsize=SMALL_SIZE,
                            ha="left" if row["value"] >= 0 else "right")  # fmt: skip
        ax.set_xlim(lo - (span * 0.05 if lo < 0 else 0), hi + span * 0.35)
        ax.set_yticks(range(len(regions)), [_plain(names[r]) for r in regions])
        ax.set_ylim(len(regions) - 0.5, -0.5)
        ax.axvline(0, color="#999999", lw=0.6)
        name = first.loc[key, "_ind_name"]
        ax.set_title(
            _panel_title(
                f"{name}{_paren(str(int(years[0])), lang)}" if len(years) == 1 else name, len(axes)
            ),
            loc="left",
        )
        unit = first.loc[key, "unit"]
        if isinstance(unit, str) and unit:
            ax.set_xlabel(_plain(unit))
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
        handles.append(
            Line2D(
                [],
                [],
                marker="x",
                mew=1.6,
                ls="none",
                color=NEUTRAL_COLOR,
                label=label("no_target", lang),
            )
        )
    notes = [
        label("note_not_comparable", lang) if flags["not_comparable"] else None,
        _omitted_note("omitted_panels", [first.loc[k, "_ind_name"] for k in dropped_panels], lang),
        _omitted_note("omitted_regions", [names.get(r, r) for r in region_order(dropped)], lang),
    ]
    return finish(fig, axes, title, None, df, lang, notes=notes, legend=handles)


def _no_target(rows: pd.DataFrame) -> bool:
    if "has_target" not in rows.columns:
        return False
    return any(_flag(v) is False for v in rows["has_target"])
