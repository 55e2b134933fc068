"""What the report notebooks call: the report run of the filtered tables (`load_all`; its
analysis frames, charts and workbook tables live in `report_run`), saving and showing charts
under stable names, tables in a reader's language, an interactive filter and where the
workbook goes; the finding sentences live in `findings` and are re-exported here, so a
notebook needs one import.

Everything a notebook needs more than once lives here, so each notebook stays a few calls, a
chart and a sentence.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from . import analysis, charts, notes, paths, reference, settings, words
from .catalog import load_catalog
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
from .report_run import ReportRun
from .schemas import empty_table
from .schemas.readers import REGION_COLUMNS, UNIT_COLUMNS, reader_columns
from .tables import (
    load_documents,
    load_extracted_observations,
    load_milestones,
    load_review,
    load_targets,
)
from .workbook import reader_tables


def in_report() -> bool:
    """True in a kernel of `greenmetrics report` (it sets GREENMETRICS_REPORTS for them): the
    notebook is run to be kept as a copy, not read live."""
    return bool(os.environ.get("GREENMETRICS_REPORTS"))


def output_dir() -> Path:
    """Where a notebook writes its figures and workbook: the report's folder when `greenmetrics
    report` runs it (`in_report`), else reports/lab, so running one notebook by hand never
    overwrites the report's outputs."""
    return paths.REPORTS_DIR if in_report() else paths.LAB_DIR


def workbook_path(lang: str) -> Path:
    """The workbook of one language (greenmetrics_zh.xlsx, greenmetrics_en.xlsx): a report in
    English never overwrites the Chinese one."""
    return output_dir() / f"greenmetrics_{charts.check_lang(lang)}.xlsx"


def _keep(df: pd.DataFrame, column: str, values) -> pd.DataFrame:
    return df if not values or column not in df.columns else df[df[column].isin(list(values))]


def load_all(regions=None, themes=None, focus=None, as_of_year=settings.AS_OF_YEAR) -> ReportRun:
    """Extract if needed, then load every table; keep only `regions` (region_zh) and `themes`.
    Returns the report run of these tables: its analysis frames (`run.scorecard`, `run.gaps`
    ...) are computed once each, when first used, with targets judged in `as_of_year`.

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
    return ReportRun(
        documents=documents.reset_index(drop=True),
        targets=targets.reset_index(drop=True),
        milestones=milestones.reset_index(drop=True),
        benchmarks=reference.load_benchmarks(catalog=catalog),
        observations=observations,
        catalog=catalog,
        review=_keep(review, "doc_id", set(documents["doc_id"])) if regions else review,
        conflicts=analysis.observation_conflicts(observations),
        as_of_year=as_of_year,
        focus=focus_regions(focus),
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


def show_figure(run: ReportRun, name: str, lang: str):
    """Draw the run's chart `name` (`report_run.FIGURES`: the drawing the workbook embeds too),
    save it under that name and return the saved PNG to display (`show`)."""
    return show(run.figure(name, lang), name, lang)


def focus_regions(focus=None) -> tuple[str, ...]:
    """The regions a notebook leads with: `focus` when given, else settings.FOCUS_REGIONS."""
    return tuple(focus) if focus else settings.FOCUS_REGIONS


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
    for column in (REGION_COLUMNS - {"region_zh"}) & set(out.columns):
        out[column] = out[column].map(
            lambda v: words.region_name(v, lang) if isinstance(v, str) else v
        )
    for column in UNIT_COLUMNS & set(out.columns):
        out[column] = out[column].map(lambda u: charts.style.unit_text(u, lang))
    # NOTE: codes, notes and headers read as the workbook writes them (one vocabulary,
    # data/words.csv), so a table in a notebook and its sheet say the same words.
    for column in (reader_tables.CODE_COLUMNS - {"theme"}) & set(out.columns):
        out[column] = out[column].map(lambda v, c=column: words.code_word(c, v, lang))
    out = notes.in_language(out, lang)  # a message about one document stays as written
    return out.rename(columns=lambda c: reader_tables.word("column", c, lang))


def reader_table(
    frame: pd.DataFrame, name: str, lang: str, documents: pd.DataFrame | None = None
) -> pd.DataFrame:
    """`frame` as a reader sees it in `lang` (`in_language`), cut to the columns of the reader
    table `name` (`schemas.readers`): the one declaration of what a notebook's table shows."""
    return in_language(frame, lang, documents, columns=reader_columns(name))


def explore(frame: pd.DataFrame, plot, lang: str = "zh", **plot_kwargs):
    """Dropdowns for region, indicator and theme over `frame` that redraw `plot(frame_subset)`.

    Labels and options are in `lang` (regions, indicators and themes by their names in that
    language). In JupyterLab this is a live filter showing the whole frame at first; a saved copy
    (the executed notebook, its HTML) keeps a line saying where the filters work instead of the
    widgets, which only live in a running kernel; in a report run (`in_report`) only that line
    is printed, as nobody sees the widgets there. Returns None."""
    if in_report():
        # NOTE: the report keeps the notebook as a copy, where widgets cannot live (the copy
        # drops them and the chart drawn in them): only the line saying where they do is kept.
        print(charts.label("filters_live_in_lab", lang))
        return None
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
        header = reader_tables.word("column", column, lang)
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
