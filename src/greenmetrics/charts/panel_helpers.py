"""Panel helpers the plot modules share: the common start of a chart (language, style, title,
required columns), region and indicator names in the chosen language, which regions and panels
fit, figure and panel sizes, region rows, panel headings, legend markers, number formats, the
notes on what was left out and the empty-chart placeholder."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from .. import paths, words
from ..errors import InputError, SchemaError
from ..regions import region_order
from ..words import LANGS
from .style import (
    FONT_SIZE,
    NEUTRAL_COLOR,
    WIDTH_IN,
    check_lang,
    finish,
    highlight_focus,
    is_focus,
    label,
    omitted_note,
    plain,
    unit_text,
    use_style,
    wrap_display,
)


def require(df: pd.DataFrame, columns: Iterable[str], chart: str) -> None:
    """Raise SchemaError naming `chart` when `df` lacks any of `columns`."""
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise SchemaError(
            f"{chart}: the frame lacks column(s) {missing}; it has {list(df.columns)}"
        )


def begin(
    df: pd.DataFrame,
    lang: str,
    title: str | None,
    title_key: str,
    columns: Iterable[str],
    chart: str,
) -> str:
    """The start of every chart: check `lang`, apply the style, check the columns of `df`.

    Returns the title: `title` when given, else the chart word `title_key` in `lang`."""
    check_lang(lang)
    use_style()
    title = title or label(title_key, lang)
    require(df, columns, chart)
    return title


def with_region_en(df: pd.DataFrame, documents: pd.DataFrame | None) -> pd.DataFrame:
    """`df` with the English region names of `documents` (when it has none of its own)."""
    if "region_en" in df.columns or documents is None or "region_en" not in documents.columns:
        return df
    names = documents[["region_zh", "region_en"]].dropna().drop_duplicates("region_zh")
    return df.merge(names, on="region_zh", how="left", validate="m:1")


@lru_cache(maxsize=1)
def _catalog_names() -> dict[str, str]:
    """indicator_id -> name_zh of the shipped catalog."""
    from ..catalog import load_catalog

    return {i: ind.name_zh for i, ind in load_catalog().indicators.items()}


SHORT_NAMES = paths.PACKAGE_DATA / "short_names.csv"


@lru_cache(maxsize=1)
def short_names() -> dict[tuple[str, str], str]:
    """(indicator_id, lang) -> the short name data/short_names.csv declares for a narrow
    column (the scorecard's), so a long name is written short by a person, never cut.

    An id the catalog does not hold is an error naming the file and the line."""
    table = pd.read_csv(SHORT_NAMES, dtype=str, keep_default_na=False)
    known = _catalog_names()
    out = {}
    for line, row in enumerate(table.to_dict("records"), start=2):
        if row["indicator_id"] not in known:
            raise InputError(SHORT_NAMES, f"{row['indicator_id']!r} is not in the catalog", line)
        for lang in LANGS:
            if row[f"short_{lang}"].strip():
                out[(row["indicator_id"], lang)] = row[f"short_{lang}"].strip()
    return out


def indicator_frame(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Adds `_ind` (grouping key: indicator_id, else the plan's words), `_ind_name` (the
    catalog's name of a mapped indicator, so a panel is not titled by whichever plan's wording
    comes first; else the plan's words) and `_ind_short` (its declared short name in `lang`,
    else `_ind_name`)."""
    df = df.copy()
    ids = df["indicator_id"] if "indicator_id" in df.columns else pd.Series(pd.NA, index=df.index)
    df["_ind"] = ids.where(ids.notna(), df["indicator_zh"]).astype(str)
    known = _catalog_names()
    catalog_zh = ids.map(lambda i: known.get(i) if isinstance(i, str) else None)
    name = catalog_zh.where(catalog_zh.notna(), df["indicator_zh"])
    if lang == "en":
        # NOTE: a plan's own words shown in English keep their Chinese, in half-width
        # letters and digits (５Ａ级 -> 5A级) as English text has them.
        name = name.map(lambda n: unicodedata.normalize("NFKC", n) if isinstance(n, str) else n)
        if "indicator_en" in df.columns:
            name = df["indicator_en"].where(df["indicator_en"].notna(), name)
    df["_ind_name"] = name.astype(str)
    short = short_names()
    df["_ind_short"] = [
        short.get((i, lang), n) if isinstance(i, str) else n
        for i, n in zip(ids, df["_ind_name"], strict=True)
    ]
    return df


def indicator_name(
    indicator_id: object, indicator_zh: object, indicator_en: object, lang: str
) -> str:
    """One indicator's name as its panel is titled (`indicator_frame`), so a takeaway names it
    as the chart does, not by one plan's wording."""
    row = {
        "indicator_id": [indicator_id],
        "indicator_zh": [indicator_zh],
        "indicator_en": [indicator_en],
    }
    return str(indicator_frame(pd.DataFrame(row), lang)["_ind_name"].iloc[0])


def named_frame(
    df: pd.DataFrame, documents: pd.DataFrame | None, lang: str, indicators: bool = True
) -> tuple[pd.DataFrame, dict[str, str]]:
    """`df` ready to draw in `lang`: English region names joined from `documents`, with
    `indicators` the `_ind`/`_ind_name` columns of `indicator_frame`; and the region names."""
    df = with_region_en(df, documents)
    if indicators:
        df = indicator_frame(df, lang)
    return df, words.region_names(df["region_zh"], lang, df, short=True)


def cap(items: Sequence, n: int) -> tuple[list, list]:
    """The first `n` items, and the rest."""
    return list(items[:n]), list(items[n:])


def top_regions(
    regions: Iterable[str], counts: Mapping[str, int], n: int
) -> tuple[list[str], list[str]]:
    """The `n` regions with the largest `counts` (canonical order breaks ties; the seed regions
    the report is about come first), in canonical order, and the regions left out (largest
    first)."""
    canonical = region_order(regions)
    by_size = sorted(
        canonical, key=lambda r: (not is_focus(r), -counts.get(r, 0), canonical.index(r))
    )
    kept, dropped = cap(by_size, n)
    return region_order(kept), dropped


def top_panels(keys: Iterable[str], counts: Mapping[str, int], n: int) -> tuple[list, list]:
    """The `n` panel keys with the largest `counts` (then by key), sorted by key, and the
    keys left out (largest first)."""
    order = sorted(keys, key=lambda k: (-counts.get(k, 0), k))
    kept, dropped = cap(order, n)
    return sorted(kept), dropped


def chart_notes(
    lang: str,
    *,
    not_comparable: bool = False,
    panels: Sequence[str] = (),
    regions: Sequence[str] = (),
    columns: Sequence[str] = (),
) -> list[str | None]:
    """The notes under a chart, in one order: the † mark explained, then what was left out
    (panels, regions, columns), each named."""
    return [
        label("note_not_comparable", lang) if not_comparable else None,
        omitted_note("omitted_panels", panels, lang),
        omitted_note("omitted_regions", regions, lang),
        omitted_note("omitted_columns", columns, lang),
    ]


def new_figure(height: float, width: float = WIDTH_IN) -> Figure:
    return plt.figure(figsize=(width, height), layout="constrained")


def panels(n: int, rows_each: int) -> tuple[Figure, list]:
    """A grid for `n` small multiples of about `rows_each` rows; unused cells hidden."""
    ncols = panel_columns(n)
    nrows = math.ceil(n / ncols)
    panel_h = 0.9 + 0.28 * max(rows_each, 2)
    fig = new_figure(min(1.3 + nrows * panel_h, 22.0))
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel().tolist()
    for a in axes[n:]:
        a.set_visible(False)
    return fig, axes[:n]


def region_rows(
    ax: Axes,
    regions: Sequence[str],
    names: Mapping[str, str],
    margins: tuple[float, float] = (0.5, -0.5),
) -> None:
    """One labelled row per region, the first at the top; the y axis runs from
    len(regions) - margins[0] (bottom) to margins[1] (top)."""
    ax.set_yticks(range(len(regions)), [plain(names[r]) for r in regions])
    highlight_focus(ax.get_yticklabels(), regions)
    ax.set_ylim(len(regions) - margins[0], margins[1])


def panel_heading(
    ax: Axes, text: str, n_panels: int, unit: object, axis: str = "x", short: object = None
) -> None:
    """Title a panel (wrapped to the panel width; `short`, the declared short name, where the
    name would be cut) and label its value axis with `unit`."""
    ax.set_title(panel_title(text, n_panels, short), loc="left")
    if isinstance(unit, str) and unit:
        (ax.set_xlabel if axis == "x" else ax.set_ylabel)(plain(unit))


def measured_unit(
    unit: object, lang: str, kinds: Iterable[object] = (), baselines: Iterable[object] = ()
) -> str:
    """The unit a panel's numbers are in. A panel of reductions (较2020年下降13.5%) counts a
    fall, not a level: '较2020年降幅%' / '% fall since 2020' (the year when the panel has one
    baseline), so 13.5 is never read as an intensity of 13.5."""
    text = unit_text(unit, lang)
    kinds = {k for k in kinds if isinstance(k, str)}
    if not text or kinds != {"reduction"}:
        return text
    years = {int(y) for y in baselines if y is not None and not pd.isna(y)}
    if len(years) == 1:
        return label("fall_since_unit", lang, unit=text, year=years.pop())
    return label("fall_unit", lang, unit=text)


def number_text(value: float) -> str:
    """A value as printed beside a bar: thousands separated, at most two decimals."""
    if pd.isna(value):
        return ""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def flag(value: object) -> bool | None:
    """A yes/no cell read leniently (True, 1, 'yes' ...); None when empty."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "y", "t")
    return bool(value)


def is_comparable(row: pd.Series) -> bool:
    """A row counts as comparable unless its `is_comparable` cell says no."""
    return flag(row.get("is_comparable", True)) is not False


def empty_chart(title: str, df: pd.DataFrame, lang: str) -> Figure:
    """The chart of an empty frame: its title, 'no data' and the source line."""
    fig = new_figure(2.6)
    ax = fig.subplots()
    ax.set_axis_off()
    ax.text(0.5, 0.5, label("no_data", lang), ha="center", va="center", color=NEUTRAL_COLOR)
    return finish(fig, ax, title, None, df, lang)


def panel_columns(n: int) -> int:
    return 1 if n == 1 else 2 if n <= 4 else 3


def panel_title(text: str, n_panels: int, short: object = None) -> str:
    """A panel title wrapped to the panel width (three lines at most). A name longer than
    that is written by its declared short name (data/short_names.csv) when it has one, and
    cut only when it has none."""
    # the panel is narrower than its share of the figure (tick labels, gaps)
    cells = int(WIDTH_IN * 72 / panel_columns(n_panels) / ((FONT_SIZE + 0.5) * 0.6)) - 12
    lines = wrap_display(plain(text), cells)
    if len(lines) > 3 and isinstance(short, str) and short and short != text:
        lines = wrap_display(plain(short), cells)
    return "\n".join(lines[:3]) + ("…" if len(lines) > 3 else "")


def marker_handle(text: str, marker: str = "o", **style: object) -> Line2D:
    """A legend entry of one marker (no line)."""
    return Line2D([], [], marker=marker, ls="none", label=text, **style)


def dot_handle(text: str) -> Line2D:
    """A legend entry for the grey dot of a plan target or commitment."""
    return marker_handle(text, mfc=NEUTRAL_COLOR, mec=NEUTRAL_COLOR)


def hollow_handle(text: str) -> Line2D:
    """A legend entry for hollow markers (not comparable, aspirational)."""
    return marker_handle(text, mfc="white", mec=NEUTRAL_COLOR)
