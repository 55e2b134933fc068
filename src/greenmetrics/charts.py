"""One chart style for every figure of the project, and the charts of the analysis frames.

Everything that makes two greenmetrics charts look alike lives here: the CJK font (shipped by
the `mplfonts` dependency, never a system font), sizes, grid, one colour per region, the bilingual
chart words (`data/labels.csv`), the source line printed from the data's provenance columns, and
`save_figure`, which writes PNG, SVG and PDF byte-identically on every run.

Font decision: Noto Sans CJK SC (SIL OFL) from mplfonts, with DejaVu Sans (bundled with
matplotlib) as per-glyph fallback for the few signs it lacks (e.g. the subscript in CO₂).
SimHei was rejected: it lacks U+2212 minus and superscript/subscript digits, and its licence for
redistribution is unclear. Noto is a CFF-flavoured OpenType font; matplotlib's PDF backend embeds such a font with
``pdf.fonttype = 42`` as a ``/FontFile2`` (TrueType) stream holding CFF data, which is an invalid
PDF that strict viewers refuse, so PDFs use ``pdf.fonttype = 3`` (glyph outlines drawn by the
PDF itself; text stays searchable through its ToUnicode map). SVGs carry glyphs as paths
(``svg.fonttype = 'path'``) so they need no font on the reader's machine.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import font_manager
from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from . import paths
from .errors import InputError, SchemaError
from .files import write_atomic

LANGS = ("zh", "en")
LABELS_FILE = paths.PACKAGE_DATA / "labels.csv"

FONT_FILE = "NotoSansCJKsc-Regular.otf"
FALLBACK_FAMILY = "DejaVu Sans"
PDF_FONTTYPE = 3  # see the module docstring: Type 42 would embed CFF data as TrueType

PNG_DPI = 200
FORMATS = ("png", "svg", "pdf")
# Fixed metadata: no dates and no library versions, so two runs give byte-identical files.
SAVE_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": "greenmetrics"},
    "pdf": {"Creator": "greenmetrics", "Producer": None, "CreationDate": None},
}

MAX_REGIONS = 12  # rows (regions) per panel
MAX_PANELS = 12  # panels (indicators, region x indicator) per figure

WIDTH_IN = 8.0  # report text width
FONT_SIZE = 9.5
SMALL_SIZE = 7.5
TITLE_SIZE = 12.5

# Fixed ordered palette: regions take these colours in their canonical order (see
# `region_order`); the country (全国) is always dark grey so national rows read as reference.
PALETTE = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#8C564B",
    "#7F3C8D",
    "#B8860B",
    "#117733",
    "#AA4499",
    "#44AA99",
)
COUNTRY_COLOR = "#333333"
NEUTRAL_COLOR = "#8a8a8a"
MISSING_COLOR = "#b0b0b0"
STATUS_COLORS = {
    "achieved": "#1a9850",
    "on_track": "#66bd63",
    "needs_acceleration": "#f28e2b",
    "off_track": "#d73027",
    "no_data": MISSING_COLOR,
}
COUNTRY_NAMES = ("全国", "中国", "全国范围")
# Provinces in GB/T 2260 code order: the canonical order of regions in every chart.
PROVINCES = (
    "北京",
    "天津",
    "河北",
    "山西",
    "内蒙古",
    "辽宁",
    "吉林",
    "黑龙江",
    "上海",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "广西",
    "海南",
    "重庆",
    "四川",
    "贵州",
    "云南",
    "西藏",
    "陕西",
    "甘肃",
    "青海",
    "宁夏",
    "新疆",
    "台湾",
    "香港",
    "澳门",
)
_PROVINCE_SUFFIX = re.compile(r"(?:省|市|特别行政区|(?:壮族|回族|维吾尔)?自治区)?")
TRAJECTORY_SERIES = ("target", "observed", "projection", "goal_2035", "benchmark")

_region_colors: dict[str, str] = {}


# --------------------------------------------------------------------------------------------
# labels


@lru_cache(maxsize=1)
def _labels() -> dict[str, dict[str, str]]:
    """The chart words of labels.csv, keyed by `key`; fails naming the file and line."""
    table: dict[str, dict[str, str]] = {}
    with open(LABELS_FILE, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header != ["key", "zh", "en"]:
            raise InputError(LABELS_FILE, f"header must be key,zh,en, found {header}", line=1)
        for line, row in enumerate(reader, start=2):
            if not row:
                continue
            if len(row) != 3 or not all(cell.strip() for cell in row):
                raise InputError(LABELS_FILE, f"need three non-empty cells, found {row}", line=line)
            key, zh, en = (cell.strip() for cell in row)
            if key in table:
                raise InputError(LABELS_FILE, f"duplicate key {key!r}", line=line)
            table[key] = {"zh": zh, "en": en}
    return table


_NO_DEFAULT = object()


def check_lang(lang: str) -> str:
    """Return `lang` if it is a supported chart language ('zh' or 'en'), else raise ValueError."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return lang


def label(key: str, lang: str, default: object = _NO_DEFAULT, **fields: object) -> str:
    """The chart word `key` in `lang`, from labels.csv, formatted with `fields` ({n}, {names}).

    Chart words are data so a researcher can reword them in a spreadsheet; an unknown key raises
    KeyError (a typo must not print an empty label) unless a `default` is given.
    """
    check_lang(lang)
    entry = _labels().get(key)
    if entry is None:
        if default is _NO_DEFAULT:
            raise KeyError(f"no chart label {key!r} in {LABELS_FILE}")
        return str(default)
    text = entry[lang]
    return text.format(**fields) if fields else text


def _sep(lang: str) -> str:
    return "、" if lang == "zh" else ", "


def _paren(text: str, lang: str) -> str:
    return f"（{text}）" if lang == "zh" else f" ({text})"


def _colon(lang: str) -> str:
    return "：" if lang == "zh" else ": "


def _plain(text: object) -> str:
    """Data text made safe for matplotlib (a '$' would otherwise start mathtext)."""
    return str(text).replace("$", r"\$")


# --------------------------------------------------------------------------------------------
# style


def font_path() -> Path:
    """Path of the CJK font file the project draws with (shipped by the mplfonts package).

    The package is located, not imported: its own `use_font` sets font.family to the generic
    'sans-serif', which disables matplotlib's per-glyph fallback, so it is not used.
    """
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        raise InputError("mplfonts", "package not installed: it ships the project's CJK font")
    path = Path(list(spec.submodule_search_locations)[0]).resolve() / "fonts" / FONT_FILE
    if not path.exists():
        raise InputError(path, "CJK font missing: reinstall the mplfonts package")
    return path


@lru_cache(maxsize=1)
def _font_family() -> str:
    path = font_path()
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def use_style() -> Path:
    """Apply the project style to matplotlib (idempotent); return the CJK font file in use.

    Every chart function calls it, so a notebook gets the same look without remembering to.
    `font.family` is a list of concrete families (not 'sans-serif') because matplotlib only
    falls back glyph by glyph across the families listed there.
    """
    family = _font_family()
    mpl.rcParams.update(
        {
            "font.family": [family, FALLBACK_FAMILY],
            "font.sans-serif": [family, FALLBACK_FAMILY],
            "font.size": FONT_SIZE,
            "axes.unicode_minus": False,
            "axes.titlesize": FONT_SIZE + 0.5,
            "axes.titleweight": "normal",
            "axes.labelsize": FONT_SIZE,
            "axes.labelcolor": "#333333",
            "axes.edgecolor": "#888888",
            "axes.linewidth": 0.6,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "axes.axisbelow": True,
            "axes.prop_cycle": mpl.cycler(color=list(PALETTE)),
            "grid.color": "#e2e2e2",
            "grid.linewidth": 0.6,
            "xtick.labelsize": FONT_SIZE - 1,
            "ytick.labelsize": FONT_SIZE - 1,
            "legend.fontsize": FONT_SIZE - 1,
            "legend.frameon": False,
            "figure.dpi": 100,
            "figure.facecolor": "white",
            "savefig.dpi": PNG_DPI,
            "savefig.facecolor": "white",
            "pdf.fonttype": PDF_FONTTYPE,
            "svg.fonttype": "path",
            "svg.hashsalt": "greenmetrics",
        }
    )
    return font_path()


# --------------------------------------------------------------------------------------------
# regions and colours


def _province_index(name: str) -> int | None:
    for i, short in enumerate(PROVINCES):
        if name.startswith(short):
            return i
    return None


def _is_country(name: str) -> bool:
    return name in COUNTRY_NAMES


def region_order(names: Iterable[str]) -> list[str]:
    """Unique region names in canonical order: the country, provinces (GB/T 2260), then others.

    Why: rows, panels and colours follow one order in every chart, so readers find a region
    at the same place and in the same colour throughout a report.
    """

    def key(name: str) -> tuple:
        if _is_country(name):
            return (0, 0, 0, name)
        index = _province_index(name)
        if index is None:
            return (1, len(PROVINCES), 1, name)
        is_province = bool(_PROVINCE_SUFFIX.fullmatch(name[len(PROVINCES[index]) :]))
        return (1, index, 0 if is_province else 1, name)

    return sorted({str(n) for n in names if isinstance(n, str) and n}, key=key)


def set_regions(names: Iterable[str]) -> dict[str, str]:
    """Fix the colour of every region of a corpus (call once per report with documents.region_zh).

    Returns the region -> colour mapping. Regions take the fixed palette in canonical order, so
    the colours do not depend on which chart is drawn first; with more regions than colours
    the palette repeats (the region name is always printed next to its colour).
    """
    _region_colors.clear()
    _register(names)
    return dict(_region_colors)


def _register(names: Iterable[str]) -> None:
    for name in region_order(names):
        if name in _region_colors:
            continue
        if _is_country(name):
            _region_colors[name] = COUNTRY_COLOR
        else:
            used = sum(1 for n in _region_colors if not _is_country(n))
            _region_colors[name] = PALETTE[used % len(PALETTE)]


def region_color(name: str) -> str:
    """The colour of a region: the same in every chart of the session.

    A region not fixed by `set_regions` takes the next palette colour when first drawn (charts
    register their regions in canonical order), so within one run it never changes colour.
    """
    if name not in _region_colors:
        _register([name])
    return _region_colors[name]


# --------------------------------------------------------------------------------------------
# provenance and the source line


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap_display(text: str, width: int) -> list[str]:
    """`text` cut into lines of at most `width` half-width cells (a CJK character counts two).

    Lines break after separators where possible; returns the list of lines.
    """
    tokens = re.findall(r"[^；;、，,\s]*[；;、，,\s]*", text)
    lines: list[str] = []
    current = ""
    for token in filter(None, tokens):
        if _display_width(current + token) <= width:
            current += token
            continue
        if current:
            lines.append(current.rstrip())
            current = ""
        while _display_width(token) > width:
            cut, used = 0, 0
            for cut, ch in enumerate(token):  # noqa: B007
                used += _display_width(ch)
                if used > width:
                    break
            lines.append(token[:cut])
            token = token[cut:]
        current = token
    if current.strip():
        lines.append(current.rstrip())
    return lines


def _unique(values: Iterable[object]) -> list[str]:
    out = {str(v).strip() for v in values if isinstance(v, str) and v.strip()}
    return sorted(out)


def provenance(df: pd.DataFrame) -> dict[str, list[str]]:
    """The sources of a frame, read from its provenance columns.

    Returns {'plans': sorted doc ids (columns `doc_id` / `*_doc_id`), 'references': sorted
    source titles (`source_title` / `*_source_title`)}. This is what a chart cites, so the
    source line can never drift from the numbers drawn.
    """
    plans: list[object] = []
    refs: list[object] = []
    for column in df.columns:
        if column == "doc_id" or column.endswith("_doc_id"):
            plans.extend(df[column].tolist())
        elif column == "source_title" or column.endswith("_source_title"):
            refs.extend(df[column].tolist())
    return {"plans": _unique(plans), "references": _unique(refs)}


def source_text(sources: pd.DataFrame | dict | Sequence[str], lang: str) -> str:
    """The one-line source statement ('来源：规划 a、b；参考资料 c') for `sources`.

    `sources` is a frame (its provenance columns are read), a provenance dict, or a list of
    source names already taken from data. A plain string is refused: sources are never typed.
    """
    if isinstance(sources, str):
        raise TypeError("sources must come from the data (a frame or a list), not a typed string")
    if isinstance(sources, pd.DataFrame):
        sources = provenance(sources)
    sep = _sep(lang)
    if isinstance(sources, dict):
        parts = []
        for key in ("plans", "references"):
            names = sources.get(key) or []
            if names:
                parts.append(f"{label('source_' + key, lang)} {sep.join(map(_plain, names))}")
        body = "；".join(parts) if lang == "zh" else "; ".join(parts)
    else:
        body = sep.join(_plain(s) for s in _unique(sources))
    if not body:
        body = label("no_data", lang)
    return f"{label('source', lang)}{_colon(lang)}{body}"


def _omitted_note(key: str, names: Sequence[str], lang: str) -> str | None:
    if not names:
        return None
    shown = list(names[:6])
    text = _sep(lang).join(map(_plain, shown))
    if len(names) > len(shown):
        text += "…"
    return label(key, lang, n=len(names), names=text)


def _as_axes_list(ax: object) -> list:
    if ax is None:
        return []
    if isinstance(ax, np.ndarray):
        return list(ax.ravel())
    if isinstance(ax, (list, tuple)):
        return list(ax)
    return [ax]


def finish(
    fig: Figure,
    ax: object,
    title: str,
    unit: str | None,
    sources: pd.DataFrame | dict | Sequence[str],
    lang: str,
    *,
    value_axis: str = "y",
    notes: Sequence[str | None] = (),
    legend: Sequence[Artist] | None = None,
) -> Figure:
    """Give a figure the project's frame: title, legend, unit, notes and source line.

    `ax` is one Axes or a list of them; `unit` (if any) is written as the label of the value
    axis ('数值（%）' / 'value (%)'); `legend` handles go in one row under the title; `notes`
    (e.g. what was left out) and the source line built from `sources` go at the bottom, wrapped
    to the figure width. Space for both bands is reserved in the layout so nothing overlaps
    the plots. Returns the figure.
    """
    check_lang(lang)
    height_pt = fig.get_figheight() * 72
    width_pt = fig.get_figwidth() * 72
    if unit:
        text = f"{label('value', lang)}{_paren(_plain(unit), lang)}"
        for a in _as_axes_list(ax):
            (a.set_xlabel if value_axis == "x" else a.set_ylabel)(text)
    # top band: title, then the legend
    title_lines = wrap_display(_plain(title), int(width_pt / (TITLE_SIZE * 0.55)))
    top_pt = 6 + len(title_lines) * TITLE_SIZE * 1.35
    heading = fig.text(
        0.01, 1 - 6 / height_pt, "\n".join(title_lines),
        ha="left", va="top", fontsize=TITLE_SIZE, linespacing=1.2,
    )  # fmt: skip
    heading.set_gid("greenmetrics-title")
    if legend:
        fig.legend(
            handles=list(legend), loc="upper left", bbox_to_anchor=(0.005, 1 - top_pt / height_pt),
            ncols=len(legend), borderaxespad=0.0, handlelength=1.6, columnspacing=1.4,
        )  # fmt: skip
        top_pt += FONT_SIZE * 2.2
    # bottom band: notes, then the source line
    width_cells = int(width_pt / (SMALL_SIZE * 0.55))
    lines: list[str] = []
    for note in notes:
        if note:
            lines.extend(wrap_display(note, width_cells))
    note_lines = len(lines)
    lines.extend(wrap_display(source_text(sources, lang), width_cells))
    bottom = (len(lines) * SMALL_SIZE * 1.45 + 8) / height_pt
    top = (top_pt + 4) / height_pt
    engine = fig.get_layout_engine()
    if engine is not None and hasattr(engine, "set"):
        engine.set(rect=(0, bottom, 1, 1 - bottom - top))
    else:
        fig.subplots_adjust(bottom=bottom + 0.08, top=1 - top)
    if note_lines:
        note = fig.text(
            0.01, bottom - 4 / height_pt, "\n".join(lines[:note_lines]),
            ha="left", va="top", fontsize=SMALL_SIZE, color="#555555", linespacing=1.3,
        )  # fmt: skip
        note.set_gid("greenmetrics-note")
    src = fig.text(
        0.01, 4 / height_pt, "\n".join(lines[note_lines:]),
        ha="left", va="bottom", fontsize=SMALL_SIZE, color="#555555", linespacing=1.3,
    )  # fmt: skip
    src.set_gid("greenmetrics-source")
    return fig


# --------------------------------------------------------------------------------------------
# helpers shared by the chart functions


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


# --------------------------------------------------------------------------------------------
# charts


def _hollow_handle(text: str) -> Line2D:
    """A legend entry for hollow markers (not comparable, aspirational)."""
    return Line2D([], [], marker="o", ls="none", mfc="white", mec=NEUTRAL_COLOR, label=text)


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
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            ls="none",
            mfc=NEUTRAL_COLOR,
            mec=NEUTRAL_COLOR,
            label=label("target", lang),
        )
    ]
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
    `status` (achieved, on_track, needs_acceleration, off_track, no_data), `doc_id`,
    `source_title`. Returns the figure.
    """
    check_lang(lang)
    use_style()
    title = title or label("title_trajectory", lang)
    _require(
        traj, ["region_zh", "indicator_zh", "unit", "year", "value", "series"], "plot_trajectory"
    )
    unknown = sorted(set(traj["series"].dropna()) - set(TRAJECTORY_SERIES))
    if unknown:
        raise SchemaError(
            f"plot_trajectory: unknown series {unknown}; expected {TRAJECTORY_SERIES}"
        )
    if traj.empty:
        return _empty(title, traj, lang)
    df = _indicator_frame(_with_region_en(traj, documents), lang)
    names = _region_names(df, lang)
    regions = region_order(df["region_zh"])
    keys = sorted(
        {(r, k) for r, k in df[["region_zh", "_ind"]].itertuples(index=False)},
        key=lambda rk: (regions.index(rk[0]), rk[1]),
    )
    kept, dropped = _cap(keys, max_panels)
    _register(regions)
    first = df.drop_duplicates("_ind").set_index("_ind")
    fig, axes = _panels(len(kept), 6)
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
        ax.set_title(
            _panel_title(f"{names[region]} · {first.loc[key, '_ind_name']}", len(axes)), loc="left"
        )
        unit = part["unit"].dropna()
        if len(unit) and unit.iloc[0]:
            ax.set_ylabel(_plain(unit.iloc[0]))
        if "status" in part.columns and part["status"].notna().any():
            status = str(part["status"].dropna().iloc[0])
            ax.text(0.02, 0.95, "● " + label(status, lang, default=status), transform=ax.transAxes,
                    va="top", fontsize=SMALL_SIZE, color=STATUS_COLORS.get(status, NEUTRAL_COLOR))  # fmt: skip
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
    notes = [_omitted_note("omitted_panels", omitted, lang)]
    return finish(fig, axes, title, None, df, lang, notes=notes, legend=handles)


MILESTONE_WORDS = 2  # commitment words written beside one point; the rest are counted


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
    check_lang(lang)
    use_style()
    title = title or label("title_milestones", lang)
    _require(timeline, ["region_zh", "target_year", "commitment_zh", "doc_id"], "plot_milestones")
    if timeline.empty:
        return _empty(title, timeline, lang)
    df = _with_region_en(timeline, documents)
    names = _region_names(df, lang)
    words = df["commitment_zh"]
    if lang == "en" and "commitment_en" in df.columns:
        words = df["commitment_en"].where(df["commitment_en"].notna(), words)
    elif lang == "en":  # the commitment glossary is data: commitment_<word> rows in labels.csv
        words = words.map(lambda w: label(f"commitment_{w}", "en", default=w))
    df = df.assign(_word=words.astype(str))
    counts = df.groupby("region_zh").size()
    all_regions = region_order(df["region_zh"])
    by_size = sorted(all_regions, key=lambda r: (-counts[r], all_regions.index(r)))
    kept, dropped = _cap(by_size, max_regions)
    regions = region_order(kept)
    _register(regions)
    fig = _new_figure(1.9 + 0.42 * len(regions))
    ax = fig.subplots()
    ax.grid(axis="y", visible=False)
    any_aspirational = False
    part = df[df["region_zh"].isin(regions)].dropna(subset=["target_year"])
    for y, region in enumerate(regions):
        rows = part[part["region_zh"] == region]
        color = region_color(region)
        for k, (year, group) in enumerate(rows.groupby("target_year", sort=True)):
            aspirational = "aspirational" in group and all(_flag(v) for v in group["aspirational"])
            any_aspirational |= aspirational
            size = 5 + 2.5 * math.sqrt(len(group))
            ax.plot(int(year), y, marker="o", ms=size, mec=color, mew=1.4, ls="none",
                    mfc="white" if aspirational else color)  # fmt: skip
            seen_words = list(dict.fromkeys(group["_word"]))
            text = _sep(lang).join(map(_plain, seen_words[:MILESTONE_WORDS]))
            if len(seen_words) > MILESTONE_WORDS:
                text += " " + label("more", lang, n=len(seen_words) - MILESTONE_WORDS)
            # neighbouring years of one region alternate above and below, so labels don't collide
            above = k % 2 == 0
            ax.annotate(text, (int(year), y), xytext=(7, 5 if above else -5), textcoords="offset points",
                        fontsize=SMALL_SIZE, va="bottom" if above else "top")  # fmt: skip
    years = part["target_year"].dropna().astype(int)
    if len(years):
        ax.set_xlim(years.min() - 1, years.max() + 3)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_yticks(range(len(regions)), [_plain(names[r]) for r in regions])
    ax.set_ylim(len(regions) - 0.4, -0.7)
    ax.set_xlabel(label("year", lang))
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            ls="none",
            mfc=NEUTRAL_COLOR,
            mec=NEUTRAL_COLOR,
            label=label("committed", lang),
        )
    ]
    if any_aspirational:
        handles.append(_hollow_handle(label("aspirational", lang)))
    notes = [
        _omitted_note("omitted_regions", [names.get(r, r) for r in region_order(dropped)], lang)
    ]
    return finish(fig, ax, title, None, df, lang, notes=notes, legend=handles)


# --------------------------------------------------------------------------------------------
# saving


_SVG_CLIP_ID = re.compile(rb'id="(p[0-9a-f]{10})"')
_SVG_LONG_FLOAT = re.compile(rb"(?<![\w#.])-?\d+\.\d{4,}")


def _stable_svg_ids(svg: bytes) -> bytes:
    """Number the SVG clip-path ids in order of appearance.

    NOTE: matplotlib hashes a clip path's transform into its id, and that text can hold an
    object address, so the same chart drawn in two processes got different ids."""
    for n, old in enumerate(dict.fromkeys(_SVG_CLIP_ID.findall(svg))):
        svg = svg.replace(b'"' + old + b'"', b'"clip%d"' % n).replace(
            b"#" + old + b")", b"#clip%d)" % n
        )
    # NOTE: layout in a fresh kernel can differ in the 6th decimal of a coordinate (1e-6 pt);
    # three decimals (1/1000 pt) are invisible and keep reruns byte-identical.
    return _SVG_LONG_FLOAT.sub(lambda m: b"%.3f" % float(m.group(0)), svg)


def save_figure(fig: Figure, name: str, out_dir: Path | None = None) -> list[Path]:
    """Write `fig` as name.png (200 dpi), name.svg and name.pdf; return the three paths.

    Files go to reports/figures unless `out_dir` is given. All three are rendered in memory,
    then each is written to a temporary file in the same folder and moved into place, so a
    crash never leaves a half-written figure; fixed metadata (no dates, no versions) and a
    fixed SVG hash salt make two runs byte-identical, so regenerated reports show no
    spurious changes.
    """
    if not name or Path(name).name != name or name.startswith("."):
        raise ValueError(f"figure name must be a plain file stem, not {name!r}")
    use_style()
    out_dir = Path(out_dir or paths.FIGURES_DIR)
    rendered = {}
    for fmt in FORMATS:  # render all three first: a failure leaves the previous set untouched
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt, dpi=PNG_DPI, metadata=SAVE_METADATA[fmt])
        data = buffer.getvalue()
        rendered[out_dir / f"{name}.{fmt}"] = _stable_svg_ids(data) if fmt == "svg" else data
    for path, data in rendered.items():
        write_atomic(path, data)
    return list(rendered)
