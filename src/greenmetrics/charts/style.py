"""The one chart style of the project: what makes two greenmetrics charts look alike.

The CJK font (shipped by the `mplfonts` dependency, never a system font), sizes, grid, one
colour per region, the bilingual chart words (`data/words.csv`) and how lists and brackets are
written in each language, display-width wrapping, the source line printed from the data's
provenance columns, `finish` (title, legend, unit, notes, source line) and `save_figure`, which
writes PNG, SVG and PDF byte-identically on every run.

Font decision: Noto Sans CJK SC (SIL OFL) from mplfonts, with DejaVu Sans (bundled with
matplotlib) as per-glyph fallback for the few signs it lacks (e.g. the subscript in CO₂).
SimHei was rejected: it lacks U+2212 minus and superscript/subscript digits, and its licence for
redistribution is unclear. Noto is a CFF-flavoured OpenType font; matplotlib's PDF backend embeds such a font with
``pdf.fonttype = 42`` as a ``/FontFile2`` (TrueType) stream holding CFF data, which is an invalid
PDF that strict viewers refuse, so PDFs use ``pdf.fonttype = 3`` (glyph outlines drawn by the
PDF itself; text stays searchable through its ToUnicode map). SVGs keep their text as text
(``svg.fonttype = 'none'``), with the font family named (Noto Sans CJK SC, then DejaVu Sans),
so a report writer can edit a label in Inkscape or Illustrator; a machine without Noto Sans
CJK SC shows it in a fallback font.
"""

from __future__ import annotations

import importlib.util
import io
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib import font_manager
from matplotlib.artist import Artist
from matplotlib.figure import Figure

from .. import figure_cache, paths, settings
from ..errors import InputError
from ..files import write_atomic
from ..regions import is_country, region_order
from .chart_words import (
    LANGS,
    WORDS_FILE,
    check_lang,
    colon,
    label,
    list_separator,
    parenthesized,
    plain,
    theme_text,
    unit_text,
)
from .citations import provenance, short_source_text, unique_texts

__all__ = [  # the chart words are re-exported: charts import them from the one style
    "WORDS_FILE", "LANGS", "check_lang", "label", "list_separator", "parenthesized", "plain",
    "provenance", "short_source_text", "theme_text", "unit_text",
]  # fmt: skip


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
NOTE_COLOR = "#555555"  # secondary text: a chart's notes and source line, table headers
RULE_COLOR = "#bbbbbb"  # thin lines that guide the eye: a table's row rules, connectors
MISSING_COLOR = "#b0b0b0"
STATUS_COLORS = {
    "achieved": "#1a9850",
    "on_track": "#66bd63",
    "needs_acceleration": "#f28e2b",
    "off_track": "#d73027",
    "no_data": MISSING_COLOR,
}
# The verdicts take the colours of the paces they read like.
VERDICT_COLORS = {
    "met": STATUS_COLORS["achieved"],
    "on_track": STATUS_COLORS["on_track"],
    "off_track": STATUS_COLORS["needs_acceleration"],
    "missed": STATUS_COLORS["off_track"],
    "no_data": MISSING_COLOR,
}

SUBTITLE_SIZE = FONT_SIZE
SOURCE_LINES = 2  # the source line of a chart; the full list is the workbook's sources sheet
TITLE_ID = "greenmetrics-title"  # a chart title's id in its SVG; `figure_title` finds it by it
# The focus regions of a report lead and are marked in every chart (`set_focus`; by default
# settings.FOCUS_REGIONS). Marked with a pale box, not bold: the shipped CJK font has a regular
# weight only (bold would print a font warning).
FOCUS_HIGHLIGHT = {"facecolor": "#fde9a9", "edgecolor": "none", "pad": 1.2}

_region_colors: dict[str, str] = {}
_focus: list[tuple[str, ...]] = [settings.FOCUS_REGIONS]


def set_focus(regions: Iterable[str] | None) -> tuple[str, ...]:
    """Make `regions` (region_zh) the focus of every chart drawn after this call (None: the
    default of settings.FOCUS_REGIONS); returns the focus. Like `set_regions`, once per run."""
    _focus[0] = tuple(regions) if regions else settings.FOCUS_REGIONS
    return _focus[0]


def focus_regions() -> tuple[str, ...]:
    """The regions the charts now lead with and mark (see `set_focus`)."""
    return _focus[0]


def is_focus(region: object) -> bool:
    """True for a focus region of the report (marked in every chart)."""
    return region in _focus[0]


def highlight_focus(ticklabels: Iterable[Artist], regions: Sequence[str]) -> None:
    """Mark the tick labels of the focus regions (`ticklabels` in the order of `regions`)."""
    for tick, region in zip(ticklabels, regions, strict=False):
        if is_focus(region):
            tick.set_bbox(FOCUS_HIGHLIGHT)


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
            "svg.fonttype": "none",
            "svg.hashsalt": "greenmetrics",
        }
    )
    return font_path()


def set_regions(names: Iterable[str]) -> dict[str, str]:
    """Fix the colour of every region of a corpus (call once per report with documents.region_zh).

    Returns the region -> colour mapping. Regions take the fixed palette in canonical order, so
    the colours do not depend on which chart is drawn first; with more regions than colours
    the palette repeats (the region name is always printed next to its colour).
    """
    _region_colors.clear()
    register_regions(names)
    return dict(_region_colors)


def register_regions(names: Iterable[str]) -> None:
    """Give each region of `names` not yet coloured the next colour, in canonical order."""
    for name in region_order(names):
        if name in _region_colors:
            continue
        if is_country(name):
            _region_colors[name] = COUNTRY_COLOR
        else:
            used = sum(1 for n in _region_colors if not is_country(n))
            _region_colors[name] = PALETTE[used % len(PALETTE)]


def region_colors() -> dict[str, str]:
    """The colour of each region coloured so far, in the order they were given one."""
    return dict(_region_colors)


def region_color(name: str) -> str:
    """The colour of a region: the same in every chart of the session.

    A region not fixed by `set_regions` takes the next palette colour when first drawn (charts
    register their regions in canonical order), so within one run it never changes colour.
    """
    if name not in _region_colors:
        register_regions([name])
    return _region_colors[name]


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


def source_text(sources: pd.DataFrame | dict | Sequence[str], lang: str) -> str:
    """The one-line source statement ('来源：规划 a、b；参考资料 c') for `sources`.

    `sources` is a frame (its provenance columns are read), a provenance dict, or a list of
    source names already taken from data. A plain string is refused: sources are never typed.
    """
    if isinstance(sources, str):
        raise TypeError("sources must come from the data (a frame or a list), not a typed string")
    if isinstance(sources, pd.DataFrame):
        sources = provenance(sources)
    sep = list_separator(lang)
    if isinstance(sources, dict):
        parts = []
        for key in ("plans", "references"):
            names = sources.get(key) or []
            if names:
                parts.append(f"{label('source_' + key, lang)} {sep.join(map(plain, names))}")
        body = "；".join(parts) if lang == "zh" else "; ".join(parts)
    else:
        body = sep.join(plain(s) for s in unique_texts(sources))
    if not body:
        body = label("no_data", lang)
    return f"{label('source', lang)}{colon(lang)}{body}"


def omitted_note(key: str, names: Sequence[str], lang: str) -> str | None:
    """The note `key` ({n} more ...: {names}) naming the first six of `names`; None if none."""
    if not names:
        return None
    shown = list(names[:6])
    text = list_separator(lang).join(map(plain, shown))
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


def figure_title(fig: Figure) -> str | None:
    """The title `finish` gave `fig`, in the chart's language and unwrapped: the caption a
    reader sees beside the image where it is shown without its file name (the workbook's charts
    sheet); None for a figure `finish` did not frame."""
    return next((t.get_label() for t in fig.texts if t.get_gid() == TITLE_ID), None)


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
    subtitle: str | None = None,
    documents: pd.DataFrame | None = None,
) -> Figure:
    """Give a figure the project's frame: title, legend, unit, notes and source line.

    `ax` is one Axes or a list of them; `unit` (if any) is written as the label of the value
    axis ('数值（%）' / 'value (%)'); `legend` handles go in one row under the title; `notes`
    (e.g. what was left out) and the source line built from `sources` go at the bottom, wrapped
    to the figure width. Space for both bands is reserved in the layout so nothing overlaps
    the plots. `subtitle` (the chart's takeaway, a sentence computed from the data) goes under
    the title; with `documents` the source line is the short one of `short_source_text` (plans
    by name, references by publisher), else every source is listed. Returns the figure.
    """
    check_lang(lang)
    height_pt = fig.get_figheight() * 72
    width_pt = fig.get_figwidth() * 72
    if unit:
        text = f"{label('value', lang)}{parenthesized(plain(unit), lang)}"
        for a in _as_axes_list(ax):
            (a.set_xlabel if value_axis == "x" else a.set_ylabel)(text)
    # top band: title, then the legend
    title_lines = wrap_display(plain(title), int(width_pt / (TITLE_SIZE * 0.55)))
    top_pt = 6 + len(title_lines) * TITLE_SIZE * 1.35
    heading = fig.text(
        0.01, 1 - 6 / height_pt, "\n".join(title_lines),
        ha="left", va="top", fontsize=TITLE_SIZE, linespacing=1.2,
    )  # fmt: skip
    heading.set_gid(TITLE_ID)
    # the title as written, unwrapped, for a caption beside the image (`figure_title`)
    heading.set_label(str(title))
    if subtitle:
        sub_lines = wrap_display(plain(subtitle), int(width_pt / (SUBTITLE_SIZE * 0.55)))
        sub = fig.text(
            0.01, 1 - (top_pt + 1) / height_pt, "\n".join(sub_lines),
            ha="left", va="top", fontsize=SUBTITLE_SIZE, color="#444444", linespacing=1.2,
        )  # fmt: skip
        sub.set_gid("greenmetrics-subtitle")
        top_pt += 3 + len(sub_lines) * SUBTITLE_SIZE * 1.3
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
    if documents is not None and isinstance(sources, (pd.DataFrame, dict)):
        source_lines = wrap_display(short_source_text(sources, documents, lang), width_cells)
        lines.extend(source_lines[:SOURCE_LINES])
    else:
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
            ha="left", va="top", fontsize=SMALL_SIZE, color=NOTE_COLOR, linespacing=1.3,
        )  # fmt: skip
        note.set_gid("greenmetrics-note")
    src = fig.text(
        0.01, 4 / height_pt, "\n".join(lines[note_lines:]),
        ha="left", va="bottom", fontsize=SMALL_SIZE, color=NOTE_COLOR, linespacing=1.3,
    )  # fmt: skip
    src.set_gid("greenmetrics-source")
    return fig


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


def save_figure(
    fig: Figure, name: str, out_dir: Path | None = None, formats: Sequence[str] | None = None
) -> list[Path]:
    """Write `fig` as name.png (200 dpi), name.svg and name.pdf; return the paths written.

    `formats` picks some of FORMATS (in that order); by default the comma-separated list in
    the environment variable GREENMETRICS_FIGURE_FORMATS (which `greenmetrics report` sets for
    its kernels, "png" unless asked for more), else all three. Each format is a full layout and
    drawing of the figure, so a report that needs only PNG draws each figure once.

    Files go to reports/figures unless `out_dir` is given. All are rendered in memory,
    then each is written to a temporary file in the same folder and moved into place, so a
    crash never leaves a half-written figure; fixed metadata (no dates, no versions) and a
    fixed SVG hash salt make two runs byte-identical, so regenerated reports show no
    spurious changes.
    """
    if not name or Path(name).name != name or name.startswith("."):
        raise ValueError(f"figure name must be a plain file stem, not {name!r}")
    if formats is None:
        wanted = os.environ.get("GREENMETRICS_FIGURE_FORMATS", "").strip()
        formats = wanted.split(",") if wanted else FORMATS
    wanted = {f.strip().lower() for f in formats}
    unknown = sorted(wanted - set(FORMATS))
    if unknown or not wanted:
        raise ValueError(f"figure formats {sorted(wanted)}: choose from {', '.join(FORMATS)}")
    use_style()
    out_dir = Path(out_dir or paths.FIGURES_DIR)
    rendered = {}
    for fmt in (f for f in FORMATS if f in wanted):  # render all first: a failure writes none
        rendered[out_dir / f"{name}.{fmt}"] = rendered_bytes(fig, fmt)
    for path, data in rendered.items():
        write_atomic(path, data)
    return list(rendered)


def rendered_bytes(fig: Figure, fmt: str = "png") -> bytes:
    """`fig` as the bytes of a `fmt` file (one of FORMATS), exactly as `save_figure` writes it:
    for a chart embedded elsewhere (the workbook) without a file in between."""
    if fmt not in FORMATS:
        raise ValueError(f"figure format {fmt!r}: choose from {', '.join(FORMATS)}")
    cached = figure_cache.cached_bytes(fig, fmt)
    if cached is not None:  # the same drawing rendered by an earlier report run
        return cached
    use_style()
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=PNG_DPI, metadata=SAVE_METADATA[fmt])
    data = buffer.getvalue()
    data = _stable_svg_ids(data) if fmt == "svg" else data
    figure_cache.store(fig, fmt, data)
    return data
