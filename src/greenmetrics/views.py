"""What the report notebooks call: the filtered frames, finding sentences built from the data,
saving charts under stable names, an interactive filter, and the Excel workbook.

Everything a notebook needs more than once lives here, so each notebook stays a few calls, a
chart and a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from . import analysis, charts, paths, reference
from .catalog import Catalog, load_catalog
from .pipeline import ensure_tables
from .review import REVIEW_COLUMNS
from .tables import load_documents, load_milestones, load_targets

WORKBOOK = paths.REPORTS_DIR / "greenmetrics.xlsx"
# The two seed regions the cross-region notebook puts side by side by default.
SEED_REGIONS = ("忻州市忻府区", "临夏回族自治州")


@dataclass
class Frames:
    """The tidy tables and reference data of one report run, filtered by region and theme."""

    documents: pd.DataFrame
    targets: pd.DataFrame
    milestones: pd.DataFrame
    benchmarks: pd.DataFrame
    observations: pd.DataFrame
    catalog: Catalog
    review: pd.DataFrame


def _keep(df: pd.DataFrame, column: str, values) -> pd.DataFrame:
    return df if not values or column not in df.columns else df[df[column].isin(list(values))]


def load_all(regions=None, themes=None) -> Frames:
    """Extract if needed, then load every table; keep only `regions` (region_zh) and `themes`."""
    folder = ensure_tables()
    catalog = load_catalog()
    documents = _keep(load_documents(), "region_zh", regions)
    targets = _keep(_keep(load_targets(), "region_zh", regions), "theme", themes)
    milestones = _keep(load_milestones(), "region_zh", regions)
    review_path = folder / "review.csv"
    review = (
        pd.read_csv(review_path, dtype=str, keep_default_na=False)
        if review_path.exists()
        else pd.DataFrame(columns=list(REVIEW_COLUMNS))
    )
    charts.set_regions(load_documents()["region_zh"])  # same colour per region in every chart
    return Frames(
        documents=documents.reset_index(drop=True),
        targets=targets.reset_index(drop=True),
        milestones=milestones.reset_index(drop=True),
        benchmarks=reference.load_benchmarks(catalog=catalog),
        observations=reference.load_observations(catalog=catalog),
        catalog=catalog,
        review=_keep(review, "doc_id", set(documents["doc_id"])) if regions else review,
    )


def figure_name(stem: str, lang: str) -> str:
    """Stable file names per chart and language: gaps_zh, gaps_en."""
    return f"{stem}_{charts.check_lang(lang)}"


def save(fig, stem: str, lang: str) -> list[Path]:
    """Save a chart as PNG/SVG/PDF in reports/figures under its stable name."""
    return charts.save_figure(fig, figure_name(stem, lang))


def provenance_table(targets: pd.DataFrame) -> pd.DataFrame:
    """The targets with where they come from: document, clause and offsets."""
    columns = ["region_zh", "indicator_zh", "value", "unit", "comparator", "kind", "target_year",
               "doc_id", "quote", "char_start", "char_end"]  # fmt: skip
    return targets[columns]


def shared_indicators(targets: pd.DataFrame, regions=SEED_REGIONS) -> list[str]:
    """Indicator ids that every one of `regions` sets a target for."""
    sets = [set(targets.loc[targets.region_zh == r, "indicator_id"].dropna()) for r in regions]
    return sorted(set.intersection(*sets)) if sets else []


def regions_with_parents(documents: pd.DataFrame, regions=SEED_REGIONS) -> list[str]:
    """The regions and the provinces above them (the country is added by the benchmarks)."""
    rows = documents[documents.region_zh.isin(regions)]
    return list(dict.fromkeys([*regions, *rows["province_zh"].dropna()]))


# -- finding sentences ------------------------------------------------------------------------


def _say(lang: str, zh: str, en: str, **values: Any) -> str:
    return (zh if charts.check_lang(lang) == "zh" else en).format(**values)


def finding_targets(frames: Frames, lang: str) -> str:
    """How many targets, from how many plans, how many mapped, what to review."""
    t = frames.targets
    top = t.groupby("region_zh").size().sort_values(ascending=False)
    unreported = int(
        (frames.review.get("category", pd.Series(dtype=str)) == "unreported_number").sum()
    )
    return _say(
        lang,
        "{n_docs}份规划共提取{n}项量化目标、{m}项定性承诺；{mapped}项已对应到指标目录。"
        "目标最多的是{top}（{top_n}项）。另有{unreported}个数字未作为目标报告，已列入复核表。",
        "{n_docs} plans hold {n} quantitative targets and {m} dated commitments; {mapped} targets map "
        "to the indicator catalog. {top} sets the most ({top_n}). {unreported} other numbers in the "
        "texts were not reported as targets and are listed for review.",
        n_docs=len(frames.documents),
        n=len(t),
        m=len(frames.milestones),
        mapped=int(t.indicator_id.notna().sum()),
        top=top.index[0] if len(top) else "-",
        top_n=int(top.iloc[0]) if len(top) else 0,
        unreported=unreported,
    )


def finding_gaps(benchmarks: pd.DataFrame, gaps: pd.DataFrame, lang: str) -> str:
    """How plans compare with the national benchmark, and the progress status counts."""
    comparable = benchmarks[
        benchmarks.is_comparable.eq(True) & (benchmarks.benchmark_level == "country")
    ]
    above = int((comparable.ambition > 1e-9).sum())
    equal = int((comparable.ambition.abs() <= 1e-9).sum())
    below = int((comparable.ambition < -1e-9).sum())
    status = gaps.status.value_counts()
    return _say(
        lang,
        "与全国目标可比的{n}项中，{above}项高于、{equal}项等于、{below}项低于全国目标。"
        "有观测数据的目标中，已实现{achieved}项、按进度{on_track}项、需加快{accel}项、滞后{off}项；"
        "{no_data}项暂无观测数据。",
        "Of {n} targets comparable with a national benchmark, {above} are more ambitious, {equal} "
        "equal and {below} less ambitious. With observations: {achieved} achieved, {on_track} on "
        "track, {accel} need acceleration, {off} off track; {no_data} have no observed data yet.",
        n=len(comparable),
        above=above,
        equal=equal,
        below=below,
        achieved=int(status.get("achieved", 0)),
        on_track=int(status.get("on_track", 0)),
        accel=int(status.get("needs_acceleration", 0)),
        off=int(status.get("off_track", 0)),
        no_data=int(status.get("no_data", 0)),
    )


def finding_comparison(comparison: pd.DataFrame, lang: str) -> str:
    """How many indicators are compared, how many pairs are not comparable and why."""
    plans = comparison[comparison.origin == "plan"]
    set_ = plans[plans.has_target.eq(True)]
    not_comparable = set_[set_.is_comparable.eq(False)]
    missing = plans[plans.has_target.eq(False)]
    widest = (
        set_[set_.is_comparable.eq(True)]
        .groupby("indicator_zh")["value"]
        .agg(lambda v: v.max() - v.min())
        .sort_values(ascending=False)
    )
    return _say(
        lang,
        "共对比{k}个指标；{nc}项目标因类型、年份、单位或范围不同而标为不可比，"
        "{missing}处为“规划未设目标”。可比目标差距最大的是{widest}（相差{gap:g}）。",
        "{k} indicators are compared; {nc} targets are marked not comparable (kind, year, unit or "
        "scope differ) and {missing} cells are 'no target in plan'. The widest spread among "
        "comparable targets is {widest} ({gap:g}).",
        k=plans.indicator_id.nunique(),
        nc=len(not_comparable),
        missing=len(missing),
        widest=widest.index[0] if len(widest) else "-",
        gap=float(widest.iloc[0]) if len(widest) else 0.0,
    )


def finding_trajectories(paths_: pd.DataFrame, lang: str) -> str:
    """How many targets have observed points and a projection to their year."""
    observed = paths_[paths_.series == "observed"].target_id.nunique()
    projected = paths_[paths_.series == "projection"].target_id.nunique()
    return _say(
        lang,
        "{n}项目标绘制了目标路径，其中{obs}项有观测值、{proj}项可按观测趋势外推到目标年。",
        "{n} targets have a target path; {obs} have observed points and {proj} can be projected "
        "from the observed trend to their target year.",
        n=paths_.target_id.nunique(),
        obs=observed,
        proj=projected,
    )


def finding_milestones(timeline: pd.DataFrame, lang: str) -> str:
    """The span of years and the most common commitment."""
    if timeline.empty:
        return _say(lang, "没有定性承诺。", "No dated commitments.")
    common = timeline.commitment_zh.value_counts()
    return _say(
        lang,
        "{n}项定性承诺分布在{first}—{last}年，最常见的是“{word}”（{k}项）。",
        "{n} dated commitments fall in {first}-{last}; the most common is “{word}” ({k}).",
        n=len(timeline),
        first=int(timeline.target_year.min()),
        last=int(timeline.target_year.max()),
        word=common.index[0],
        k=int(common.iloc[0]),
    )


# -- interactive -------------------------------------------------------------------------------


def explore(frame: pd.DataFrame, plot, lang: str = "zh", **plot_kwargs):
    """Dropdowns for region, indicator and theme over `frame` that redraw `plot(frame_subset)`.

    In JupyterLab this is a live filter; executed headless (papermill, nbval) it only builds the
    widgets. Returns the widget box (or None when ipywidgets is not installed)."""
    try:
        import ipywidgets as widgets
        from IPython.display import display
    except ImportError:  # pragma: no cover - ipywidgets is a dependency
        return None
    import matplotlib.pyplot as plt

    everything = charts.label("all", lang, default="全部" if lang == "zh" else "all")

    def options(column: str) -> list[str]:
        values = (
            sorted(frame[column].dropna().astype(str).unique()) if column in frame.columns else []
        )
        return [everything, *values]

    region = widgets.Dropdown(options=options("region_zh"), description="region")
    indicator = widgets.Dropdown(options=options("indicator_zh"), description="indicator")
    theme = widgets.Dropdown(options=options("theme"), description="theme")
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
    return widgets.VBox([widgets.HBox([region, indicator, theme]), output])


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


def write_report_workbook(frames: Frames, lang: str, images: dict[str, Path] | None = None) -> Path:
    """reports/greenmetrics.xlsx with every table of the report and the key charts."""
    from .export import write_workbook

    t, d = frames.targets, frames.documents
    sheets = {
        "documents": d,
        "targets": t,
        "milestones": frames.milestones,
        "gaps": analysis.target_gaps(t, d, frames.benchmarks, frames.observations, frames.catalog),
        "comparison": analysis.compare_regions(t, d, benchmarks=frames.benchmarks),
        "trajectories": analysis.trajectories(t, d, frames.observations, frames.catalog),
        "sources": sources_table(frames),
    }
    return write_workbook(WORKBOOK, sheets, images=images)


def key_figures(lang: str) -> dict[str, Path]:
    """The PNGs of the key charts (those already saved) for the workbook's charts sheet."""
    stems = ("targets_overview", "gaps", "cross_region", "trajectories", "milestones")
    found = {}
    for stem in stems:
        png = paths.FIGURES_DIR / f"{figure_name(stem, lang)}.png"
        if png.exists():
            found[stem] = png
    return found


def benchmarked(pairs: pd.DataFrame) -> pd.DataFrame:
    """Target x benchmark rows of indicators that have a benchmark (the panels worth drawing)."""
    has = pairs.groupby("indicator_id")["benchmark_value"].transform(lambda v: v.notna().any())
    return pairs[has.fillna(False).astype(bool)]
