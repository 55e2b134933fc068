"""Panel helpers the plot modules share: required columns, region and indicator names in the
chosen language, figure and panel sizes, number formats, the empty-chart placeholder."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ..errors import SchemaError
from .style import FONT_SIZE, NEUTRAL_COLOR, WIDTH_IN, _plain, finish, label, wrap_display


def _require(df: pd.DataFrame, columns: Iterable[str], chart: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise SchemaError(
            f"{chart}: the frame lacks column(s) {missing}; it has {list(df.columns)}"
        )


def _with_region_en(df: pd.DataFrame, documents: pd.DataFrame | None) -> pd.DataFrame:
    if "region_en" in df.columns or documents is None or "region_en" not in documents.columns:
        return df
    names = documents[["region_zh", "region_en"]].dropna().drop_duplicates("region_zh")
    return df.merge(names, on="region_zh", how="left", validate="m:1")


def _region_names(df: pd.DataFrame, lang: str) -> dict[str, str]:
    """region_zh -> the name to print in `lang` (region_en when present, else region_zh)."""
    names = {r: r for r in df["region_zh"].dropna().unique()}
    if lang == "en" and "region_en" in df.columns:
        for zh, en in df[["region_zh", "region_en"]].dropna().drop_duplicates().itertuples(False):
            names[zh] = en
    return names


def _indicator_frame(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Adds `_ind` (grouping key: indicator_id, else the plan's words) and `_ind_name`."""
    df = df.copy()
    ids = df["indicator_id"] if "indicator_id" in df.columns else pd.Series(pd.NA, index=df.index)
    df["_ind"] = ids.where(ids.notna(), df["indicator_zh"]).astype(str)
    name = df["indicator_zh"]
    if lang == "en" and "indicator_en" in df.columns:
        name = df["indicator_en"].where(df["indicator_en"].notna(), name)
    df["_ind_name"] = name.astype(str)
    return df


def _cap(items: Sequence[str], cap: int) -> tuple[list[str], list[str]]:
    return list(items[:cap]), list(items[cap:])


def _new_figure(height: float, width: float = WIDTH_IN) -> Figure:
    return plt.figure(figsize=(width, height), layout="constrained")


def _panels(n: int, rows_each: int) -> tuple[Figure, list]:
    """A grid for `n` small multiples of about `rows_each` rows; unused cells hidden."""
    ncols = _ncols(n)
    nrows = math.ceil(n / ncols)
    panel_h = 0.9 + 0.28 * max(rows_each, 2)
    fig = _new_figure(min(1.3 + nrows * panel_h, 22.0))
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel().tolist()
    for a in axes[n:]:
        a.set_visible(False)
    return fig, axes[:n]


def _fmt(value: float) -> str:
    if pd.isna(value):
        return ""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _flag(value: object) -> bool | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "y", "t")
    return bool(value)


def _empty(title: str, df: pd.DataFrame, lang: str) -> Figure:
    fig = _new_figure(2.6)
    ax = fig.subplots()
    ax.set_axis_off()
    ax.text(0.5, 0.5, label("no_data", lang), ha="center", va="center", color=NEUTRAL_COLOR)
    return finish(fig, ax, title, None, df, lang)


def _ncols(n: int) -> int:
    return 1 if n == 1 else 2 if n <= 4 else 3


def _panel_title(text: str, n_panels: int) -> str:
    """A panel title wrapped to the panel width (two lines at most)."""
    cells = int(WIDTH_IN * 72 / _ncols(n_panels) / ((FONT_SIZE + 0.5) * 0.55)) - 8
    lines = wrap_display(_plain(text), cells)
    return "\n".join(lines[:2]) + ("…" if len(lines) > 2 else "")


def _dot_handle(text: str) -> Line2D:
    """A legend entry for the grey dot of a plan target or commitment."""
    return Line2D([], [], marker="o", ls="none", mfc=NEUTRAL_COLOR, mec=NEUTRAL_COLOR, label=text)


def _hollow_handle(text: str) -> Line2D:
    """A legend entry for hollow markers (not comparable, aspirational)."""
    return Line2D([], [], marker="o", ls="none", mfc="white", mec=NEUTRAL_COLOR, label=text)
