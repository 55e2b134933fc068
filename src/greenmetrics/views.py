"""What the report notebooks call: the filtered frames, saving charts under stable names, small
table helpers, an interactive filter, and the Excel workbook; the finding sentences live in
`findings` and are re-exported here, so a notebook needs one import.

Everything a notebook needs more than once lives here, so each notebook stays a few calls, a
chart and a sentence.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import analysis, charts, export, notes, paths, reference, settings, words
from .catalog import Catalog, load_catalog
from .errors import GreenmetricsError
from .findings import (  # noqa: F401 - re-exported: notebooks call gv.finding_*
    finding_comparison,
    finding_coverage,
    finding_gaps,
    finding_milestones,
    finding_observed_share,
    finding_scorecard,
    finding_targets,
    finding_trajectories,
)
from .pipeline import ensure_tables
from .schemas import RATE_UNITS, empty_table
from .tables import (
    load_documents,
    load_extracted_observations,
    load_milestones,
    load_review,
    load_targets,
)


def output_dir() -> Path:
    """Where a notebook writes its figures and workbook: the report's folder when `greenmetrics
    report` runs it (it sets GREENMETRICS_REPORTS for its kernels), else reports/lab, so running
    one notebook by hand never overwrites the report's outputs."""
    return paths.REPORTS_DIR if os.environ.get("GREENMETRICS_REPORTS") else paths.LAB_DIR


def workbook_path(lang: str) -> Path:
    """The workbook of one language (greenmetrics_zh.xlsx, greenmetrics_en.xlsx): a report in
    English never overwrites the Chinese one."""
    return output_dir() / f"greenmetrics_{charts.check_lang(lang)}.xlsx"


@dataclass
class Frames:
    """The tidy tables and reference data of one report run, filtered by region and theme.

    `observations` is the one observation table of the analysis (curated and extracted rows,
    `analysis.join_observations`) and `conflicts` the disagreements between its sources."""

    documents: pd.DataFrame
    targets: pd.DataFrame
    milestones: pd.DataFrame
    benchmarks: pd.DataFrame
    observations: pd.DataFrame
    catalog: Catalog
    review: pd.DataFrame
    conflicts: pd.DataFrame = field(default_factory=lambda: empty_table("observation_conflicts"))


def _keep(df: pd.DataFrame, column: str, values) -> pd.DataFrame:
    return df if not values or column not in df.columns else df[df[column].isin(list(values))]


def load_all(regions=None, themes=None, focus=None) -> Frames:
    """Extract if needed, then load every table; keep only `regions` (region_zh) and `themes`.

    `focus` (region_zh, default settings.FOCUS_REGIONS) names the regions that lead and are
    highlighted in the charts drawn after this call; it never filters. A focus region that no
    document names is an error that lists the regions there are."""
    folder = ensure_tables()
    catalog = load_catalog()
    every_document = load_documents()
    documents = _keep(every_document, "region_zh", regions)
    targets = _keep(_keep(load_targets(), "region_zh", regions), "theme", themes)
    milestones = _keep(load_milestones(), "region_zh", regions)
    # A run that wrote no review.csv has nothing to review (an empty table, not an error).
    review = load_review(folder) if (folder / "review.csv").exists() else empty_table("review")
    # Shown as text, as in the CSV: an empty cell reads as empty, not as <NA>.
    review = review.astype(object).fillna("").astype(str)
    charts.set_regions(every_document["region_zh"])  # same colour per region in every chart
    unknown = [r for r in (focus or ()) if r not in set(every_document["region_zh"])]
    if unknown:
        known = "、".join(dict.fromkeys(every_document["region_zh"].dropna()))
        raise GreenmetricsError(
            f"focus regions {'、'.join(unknown)}: no plan of theirs; regions: {known}"
        )
    charts.set_focus(focus)
    # NOTE: observations are joined before any filter: a region's figure may come from another
    # region's document (a province's bulletin states the country's), and a conflict is one
    # whichever regions a notebook shows.
    observations = analysis.join_observations(
        reference.load_observations(catalog=catalog),
        load_extracted_observations(folder),
        every_document,
        catalog,
    )
    return Frames(
        documents=documents.reset_index(drop=True),
        targets=targets.reset_index(drop=True),
        milestones=milestones.reset_index(drop=True),
        benchmarks=reference.load_benchmarks(catalog=catalog),
        observations=observations,
        catalog=catalog,
        review=_keep(review, "doc_id", set(documents["doc_id"])) if regions else review,
        conflicts=analysis.observation_conflicts(observations),
    )


def figure_name(stem: str, lang: str) -> str:
    """Stable file names per chart and language: gaps_zh, gaps_en."""
    return f"{stem}_{charts.check_lang(lang)}"


def save(fig, stem: str, lang: str) -> list[Path]:
    """Save a chart under its stable name in the figures folder of `output_dir`."""
    return charts.save_figure(fig, figure_name(stem, lang), output_dir() / "figures")


DISPLAY_WIDTH_PX = 800  # a chart in a notebook: the saved 200-dpi PNG shown at report width


def show(fig, stem: str, lang: str):
    """Save a chart (PNG, SVG, PDF under its stable name) and return the saved PNG to display.

    Why not display the figure itself: executed headless (papermill, nbval, MPLBACKEND=Agg) a
    matplotlib figure shows only as '<Figure size ...>', so the executed notebooks and their
    HTML copies would carry no chart. The saved PNG is what readers see in JupyterLab and in
    the HTML alike; the figure is closed so an inline backend does not draw it a second time.
    """
    import matplotlib.pyplot as plt
    from IPython.display import Image

    png = save(fig, stem, lang)[0]
    plt.close(fig)
    return Image(data=png.read_bytes(), format="png", width=DISPLAY_WIDTH_PX)


def provenance_table(targets: pd.DataFrame) -> pd.DataFrame:
    """The targets with where they come from: document, clause and offsets."""
    columns = ["region_zh", "indicator_zh", "indicator_en", "value", "unit", "comparator", "kind", "target_year",
               "doc_id", "quote", "char_start", "char_end"]  # fmt: skip
    return targets[columns]


def focus_regions(focus=None) -> tuple[str, ...]:
    """The regions a notebook leads with: `focus` when given, else settings.FOCUS_REGIONS."""
    return tuple(focus) if focus else settings.FOCUS_REGIONS


def shared_indicators(targets: pd.DataFrame, regions=settings.FOCUS_REGIONS) -> list[str]:
    """Indicator ids that every one of `regions` sets a target for."""
    sets = [set(targets.loc[targets.region_zh == r, "indicator_id"].dropna()) for r in regions]
    return sorted(set.intersection(*sets)) if sets else []


# -- interactive -------------------------------------------------------------------------------


def in_language(
    table: pd.DataFrame,
    lang: str,
    documents: pd.DataFrame | None = None,
    columns: Sequence[str] | None = None,
):
    """`table` as a reader sees it in `lang`: headers (`column` words of words.csv), regions,
    indicators, themes, units, statuses and the analysis' notes in that language; quotes stay
    as written. English region names come from `documents` (region_en). `columns`: the
    columns to show, in order (a note's code columns come along to render it)."""
    if columns is not None:
        table = table[[c for c in notes.with_their_codes(columns) if c in table.columns]]
    out = table.copy()
    if "region_zh" in out.columns:
        names = words.region_names(out["region_zh"], lang, documents, short=True)
        out["region_zh"] = out["region_zh"].map(names)
    if {"indicator_zh", "indicator_en"} <= set(out.columns):  # one indicator column
        if lang == "en":  # the plan's words where none is English, half-width (５Ａ -> 5A)
            english = out["indicator_en"]
            plan = out["indicator_zh"].map(
                lambda n: unicodedata.normalize("NFKC", n) if isinstance(n, str) else n
            )
            out["indicator_zh"] = english.where(english.notna(), plan)
        out = out.drop(columns="indicator_en")
    if "theme" in out.columns:  # a missing theme reads as unmapped (未归类)
        out["theme"] = out["theme"].map(lambda t: charts.style.theme_text(t, lang))
    for column in (export.REGION_COLUMNS - {"region_zh"}) & set(out.columns):
        out[column] = out[column].map(
            lambda v: words.region_name(v, lang) if isinstance(v, str) else v
        )
    for column in export.UNIT_COLUMNS & set(out.columns):
        out[column] = out[column].map(lambda u: charts.style.unit_text(u, lang))
    # NOTE: codes, notes and headers read as the workbook writes them (one vocabulary,
    # data/words.csv), so a table in a notebook and its sheet say the same words.
    for column in (export.CODE_COLUMNS - {"theme"}) & set(out.columns):
        out[column] = out[column].map(lambda v, c=column: words.code_word(c, v, lang))
    out = notes.in_language(out, lang)  # a message about one document stays as written
    return out.rename(columns=lambda c: export.word("column", c, lang))


def explore(frame: pd.DataFrame, plot, lang: str = "zh", **plot_kwargs):
    """Dropdowns for region, indicator and theme over `frame` that redraw `plot(frame_subset)`.

    Labels and options are in `lang` (regions, indicators and themes by their names in that
    language). In JupyterLab this is a live filter showing the whole frame at first; a saved copy
    (the executed notebook, its HTML) keeps a line saying where the filters work instead of the
    widgets, which only live in a running kernel. Returns None."""
    try:
        import ipywidgets as widgets
        from IPython.display import display
    except ImportError:  # pragma: no cover - ipywidgets is a dependency
        return None
    import matplotlib.pyplot as plt

    everything = charts.label("all", lang)
    shown = in_language(frame, lang, plot_kwargs.get("documents"))

    def options(column: str, shown_column: str) -> list[tuple[str, str]]:
        if column not in frame.columns:
            return [(everything, everything)]
        pairs = pd.DataFrame({"value": frame[column], "name": shown[shown_column]}).dropna()
        pairs = pairs.astype(str).drop_duplicates("value").sort_values("name")
        return [(everything, everything), *map(tuple, pairs[["name", "value"]].to_numpy())]

    def dropdown(column: str, word: str) -> widgets.Dropdown:
        header = export.word("column", column, lang)
        return widgets.Dropdown(
            options=options(column, header), description=charts.label(word, lang)
        )

    region = dropdown("region_zh", "region")
    indicator = dropdown("indicator_zh", "indicator")
    theme = dropdown("theme", "theme")
    output = widgets.Output()

    def redraw(*_):
        subset = frame
        for widget, column in (
            (region, "region_zh"),
            (indicator, "indicator_zh"),
            (theme, "theme"),
        ):
            if widget.value != everything and column in subset.columns:
                subset = subset[subset[column].astype(str) == widget.value]
        with output:
            output.clear_output(wait=True)
            fig = plot(subset, lang, **plot_kwargs)
            display(fig)
            plt.close(fig)

    for widget in (region, indicator, theme):
        widget.observe(redraw, names="value")
    redraw()  # the chart shows at once, before any filter is touched
    display(widgets.VBox([widgets.HBox([region, indicator, theme]), output]))
    # NOTE: a saved copy (executed notebook, HTML) cannot run the filters: say where they live.
    print(charts.label("filters_live_in_lab", lang))


# -- workbook ----------------------------------------------------------------------------------


def sources_table(frames: Frames) -> pd.DataFrame:
    """Every source behind a number: the plans read and every reference row."""
    plans = frames.documents.assign(kind="plan")[
        ["kind", "region_zh", "title_zh", "doc_number", "file"]
    ]
    plans = plans.rename(columns={"title_zh": "source_title", "file": "source"})
    refs = []
    for kind, df in (("benchmark", frames.benchmarks), ("observation", frames.observations)):
        cols = [
            c
            for c in (
                "region_zh",
                "indicator_zh",
                "value",
                "unit",
                "source_title",
                "doc_number",
                "source",
                "quote",
            )
            if c in df.columns
        ]
        refs.append(df[cols].assign(kind=kind))
    return pd.concat([plans, *refs], ignore_index=True)


def key_figures(lang: str) -> dict[str, Path]:
    """The PNGs of the key charts (those already saved) for the workbook's charts sheet."""
    stems = ("targets_overview", "gaps", "cross_region", "trajectories", "milestones")
    found = {}
    for stem in stems:
        png = output_dir() / "figures" / f"{figure_name(stem, lang)}.png"
        if png.exists():
            found[stem] = png
    return found


def benchmarked(pairs: pd.DataFrame) -> pd.DataFrame:
    """Target x benchmark rows of indicators that have a benchmark (the panels worth drawing).

    Areas, counts and capacities (万亩, 个, 万千瓦) are never set against another level's: a
    county's 12万亩 beside the nation's 107,500万亩 says nothing, and it would flatten the axis.
    Such pairs are left out (the workbook's gaps sheet keeps them, marked not comparable)."""
    size = ~pairs["unit"].fillna("").isin(RATE_UNITS) & pairs["kind"].ne("reduction")
    pairs = pairs[~(size & pairs["benchmark_value"].notna())]
    has = pairs.groupby("indicator_id")["benchmark_value"].transform(lambda v: v.notna().any())
    return pairs[has.fillna(False).astype(bool)]
