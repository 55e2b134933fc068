"""The overview chart: how many targets each region sets, per theme (`plot_targets_overview`)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..regions import region_order
from ._layout import _cap, _empty, _new_figure, _region_names, _require, _with_region_en
from .style import (
    FONT_SIZE,
    MAX_PANELS,
    MAX_REGIONS,
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
    check_lang(lang)
    use_style()
    title = title or label("title_overview", lang)
    _require(targets, ["region_zh", "doc_id"], "plot_targets_overview")
    if targets.empty:
        return _empty(title, targets, lang)
    df = _with_region_en(targets, documents)
    unmapped = label("unmapped", lang)
    theme = df["theme"] if "theme" in df.columns else pd.Series(pd.NA, index=df.index)
    df = df.assign(
        _theme=[
            label(f"theme_{t}", lang, default=t) if isinstance(t, str) else unmapped for t in theme
        ]
    )
    counts = pd.crosstab(df["region_zh"], df["_theme"])
    totals = counts.sum(axis=1)
    canonical = region_order(counts.index)
    by_size = sorted(canonical, key=lambda r: (-totals[r], canonical.index(r)))
    kept, dropped = _cap(by_size, max_regions)
    kept = region_order(kept)
    theme_totals = counts.sum(axis=0)
    themes = sorted(counts.columns, key=lambda t: (t == unmapped, -theme_totals[t], t))
    themes, dropped_themes = _cap(themes, max_themes)
    counts = counts.loc[kept, themes]
    names = _region_names(df, lang)
    _register(kept)

    fig = _new_figure(1.6 + 0.36 * len(kept) + 0.06 * max(map(len, themes)))
    ax = fig.subplots()
    ax.grid(False)
    data = counts.to_numpy(dtype=float)
    shown = np.where(data > 0, data, np.nan)
    ax.imshow(shown, cmap="Greens", aspect="auto", vmin=0, vmax=max(data.max(), 1) * 1.25)
    for (i, j), v in np.ndenumerate(data):
        if v > 0:
            ax.text(j, i, f"{int(v)}", ha="center", va="center", fontsize=FONT_SIZE - 1)
    ax.set_xticks(range(len(themes)), [_plain(t) for t in themes], rotation=35, ha="right")
    ax.set_yticks(
        range(len(kept)), [f"{_plain(names[r])}{_paren(str(int(totals[r])), lang)}" for r in kept]
    )
    for tick, region in zip(ax.get_yticklabels(), kept, strict=True):
        tick.set_color(region_color(region))
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel(label("theme", lang))
    notes = [
        _omitted_note("omitted_regions", [names.get(r, r) for r in dropped], lang),
        _omitted_note("omitted_columns", dropped_themes, lang),
    ]
    return finish(fig, ax, title, None, df, lang, notes=notes)
