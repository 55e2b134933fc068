"""One report run: the tables a report reads and every analysis frame drawn from them, each
computed once, when first asked for.

Every analysis function takes the same tables (targets, documents, benchmarks, observations,
catalog) and the same settings (the year targets are judged in, the focus regions). Notebooks,
the workbook and the tests used to call each one themselves, with those arguments typed again
each time; a `ReportRun` holds the tables and the settings once, and `run.scorecard`,
`run.gaps`, `run.comparison` ... are the frames every reader of the run shares. The key charts
are drawn from the run as well (`figure`), so the workbook embeds what the notebooks show
without reading images another notebook left on disk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd
from matplotlib.figure import Figure

from . import analysis, charts, settings, words
from .catalog import Catalog
from .schemas import empty_table
from .schemas.vocabularies import is_size_unit


def shared_indicators(targets: pd.DataFrame, regions=settings.FOCUS_REGIONS) -> list[str]:
    """Indicator ids that every one of `regions` sets a target for."""
    sets = [set(targets.loc[targets.region_zh == r, "indicator_id"].dropna()) for r in regions]
    return sorted(set.intersection(*sets)) if sets else []


def benchmarked(pairs: pd.DataFrame) -> pd.DataFrame:
    """Target x benchmark rows of indicators that have a benchmark (the panels worth drawing).

    Areas, counts and capacities (万亩, 个, 万千瓦) are never set against another level's: a
    county's 12万亩 beside the nation's 107,500万亩 says nothing, and it would flatten the axis.
    Such pairs are left out (the workbook's gaps sheet keeps them, marked not comparable), and
    so is a benchmark in another unit than the target's (an increase of 5个百分点 beside the
    nation's 20%): a panel has one unit on its axis, and a benchmark in a scale of the target's
    unit has already been restated in it (`analysis.benchmark_pairs`)."""
    size = pairs["unit"].map(is_size_unit) & pairs["kind"].ne("reduction")
    other_unit = pairs["benchmark_unit"].fillna("").ne(pairs["unit"].fillna(""))
    pairs = pairs[~((size | other_unit) & pairs["benchmark_value"].notna())]
    has = pairs.groupby("indicator_id")["benchmark_value"].transform(lambda v: v.notna().any())
    return pairs[has.fillna(False).astype(bool)]


@dataclass(eq=False)  # a run is itself: two runs are never compared table by table
class ReportRun:
    """The tidy tables and reference data of one report run (filtered by region and theme, as
    `views.load_all` gives them), the settings it is judged with, and its analysis frames.

    `observations` is the one observation table of the analysis (curated and extracted rows,
    `analysis.join_observations`) and `conflicts` the disagreements between its sources.
    `as_of_year` is the year targets are judged in and `focus` the regions that lead (the
    scorecard's first rows, the cross-region comparison's indicators)."""

    documents: pd.DataFrame
    targets: pd.DataFrame
    milestones: pd.DataFrame
    benchmarks: pd.DataFrame
    observations: pd.DataFrame
    catalog: Catalog
    review: pd.DataFrame
    conflicts: pd.DataFrame = field(default_factory=lambda: empty_table("observation_conflicts"))
    as_of_year: int = settings.AS_OF_YEAR
    focus: tuple[str, ...] = settings.FOCUS_REGIONS

    # NOTE: the frames below are computed on first use and kept: a notebook that shows one of
    # them and the workbook that writes it read the same object, computed once. Nothing may
    # change a table of the run after that (the analysis functions copy what they read).

    @cached_property
    def scorecard(self) -> pd.DataFrame:
        """Each target with its verdict in `as_of_year`, the focus regions first."""
        return analysis.scorecard(
            self.targets, self.documents, self.benchmarks, self.observations, self.catalog,
            as_of_year=self.as_of_year, first_regions=self.focus,
        )  # fmt: skip

    @cached_property
    def gaps(self) -> pd.DataFrame:
        """Each target against its benchmarks and its latest observation (`target_gaps`)."""
        return analysis.target_gaps(
            self.targets, self.documents, self.benchmarks, self.observations, self.catalog,
            self.as_of_year,
        )  # fmt: skip

    @cached_property
    def target_benchmarks(self) -> pd.DataFrame:
        """Each target beside each benchmark above it, one row per pair."""
        return analysis.target_benchmarks(
            self.targets, self.documents, self.benchmarks, self.catalog
        )

    @cached_property
    def drawn_benchmarks(self) -> pd.DataFrame:
        """The target x benchmark pairs the gaps chart draws (`benchmarked`)."""
        return benchmarked(self.target_benchmarks)

    @cached_property
    def comparison(self) -> pd.DataFrame:
        """Every indicator at least two regions target, side by side."""
        return analysis.compare_regions(self.targets, self.documents, benchmarks=self.benchmarks)

    @cached_property
    def focus_indicators(self) -> list[str]:
        """The indicators every focus region sets a target for."""
        return shared_indicators(self.targets, self.focus)

    @cached_property
    def focus_comparison(self) -> pd.DataFrame:
        """The focus regions' shared indicators beside their provinces and the country."""
        return analysis.compare_regions(
            self.targets, self.documents, indicator_ids=self.focus_indicators,
            benchmarks=self.benchmarks,
        )  # fmt: skip

    @cached_property
    def trajectories(self) -> pd.DataFrame:
        """Baseline -> target paths with the observed points and trend."""
        return analysis.trajectories(
            self.targets, self.documents, self.observations, self.catalog,
            as_of_year=self.as_of_year,
        )  # fmt: skip

    @cached_property
    def milestones_timeline(self) -> pd.DataFrame:
        """The dated commitments in time order."""
        return analysis.milestones_timeline(self.milestones, self.documents)

    @cached_property
    def sources(self) -> pd.DataFrame:
        """Every source behind a number: the plans read and every reference row."""
        plans = self.documents.assign(kind="plan")[
            ["kind", "region_zh", "title_zh", "doc_number", "file"]
        ]
        plans = plans.rename(columns={"title_zh": "source_title", "file": "source"})
        wanted = ("region_zh", "indicator_zh", "value", "unit", "source_title", "doc_number",
                  "source", "quote")  # fmt: skip
        refs = [
            df[[c for c in wanted if c in df.columns]].assign(kind=kind)
            for kind, df in (("benchmark", self.benchmarks), ("observation", self.observations))
        ]
        return pd.concat([plans, *refs], ignore_index=True)

    @cached_property
    def workbook_sheets(self) -> dict[str, pd.DataFrame]:
        """The tables of the report workbook: the per-region scorecard (placed after the
        summary), the tidy tables, the gaps, the cross-region comparison, the trajectories, the
        observations the analysis read (curated and extracted), the conflicts between their
        sources, and the sources."""
        return {
            "scorecard": self.scorecard,
            "documents": self.documents,
            "targets": self.targets,
            "milestones": self.milestones,
            "gaps": self.gaps,
            "comparison": self.comparison,
            "trajectories": self.trajectories,
            "observations": self.observations,
            "conflicts": self.conflicts,
            "sources": self.sources,
        }

    def figure(self, name: str, lang: str) -> Figure:
        """The chart `name` (one of FIGURES) of this run in `lang`, drawn by the library."""
        if name not in FIGURES:
            raise ValueError(f"figure {name!r}: choose from {', '.join(FIGURES)}")
        return FIGURES[name](self, charts.check_lang(lang))

    def trajectory_figures(self, lang: str, focus_only: bool = False) -> list[tuple[str, Figure]]:
        """The trajectories as (file stem, figure) pairs, one figure per region, the focus
        regions first (a region with many indicators over several: `trajectories_1` ...);
        with `focus_only`, the focus regions' alone, under the same stems."""
        paths = self.trajectories
        if focus_only:
            paths = paths[paths["region_zh"].isin(self.focus)]
            if paths.empty:
                return []
        return charts.plot_trajectories_by_region(
            paths, charts.check_lang(lang), documents=self.documents, first_regions=self.focus
        )

    def key_figures(self, lang: str) -> dict[str, bytes]:
        """The key charts of the run as PNG (the bytes `charts.save_figure` writes) under the
        caption a reader sees above each on the workbook's charts sheet: the chart's title in
        `lang`, and for a trajectory the region it draws. Drawn here, not read from files other
        notebooks saved. The focus regions' trajectories follow KEY_FIGURES: the workbook's
        trajectories sheet holds every path as numbers, a report writer wants the focus
        regions' drawn too."""
        import matplotlib.pyplot as plt

        figures = [self.figure(name, lang) for name in KEY_FIGURES]
        figures = [(charts.figure_title(fig), fig) for fig in figures]
        out: dict[str, bytes] = {}
        for title, fig in [*figures, *self._focus_trajectories(lang)]:
            caption = title
            # a region's trajectories over two figures share a caption: numbered, both kept
            while caption in out:
                caption = f"{title} ({sum(key.startswith(title) for key in out) + 1})"
            out[caption] = charts.rendered_bytes(fig, "png")
            plt.close(fig)
        return out

    def _focus_trajectories(self, lang: str) -> list[tuple[str, Figure]]:
        """The focus regions' trajectories as (caption, figure): the chart's title and the
        region, drawn region by region as `trajectory_figures` draws them."""
        joiner = "·" if lang == "zh" else " · "
        out = []
        for region in self.focus:
            paths = self.trajectories[self.trajectories["region_zh"].eq(region)]
            if paths.empty:
                continue
            name = words.short_region_name(region, lang, self.documents)
            for _, fig in charts.plot_trajectories_by_region(
                paths, charts.check_lang(lang), documents=self.documents
            ):
                out.append((f"{charts.figure_title(fig)}{joiner}{name}", fig))
        return out


# The report's charts by their file stem: what each draws from the run. One place, so the chart
# a notebook shows and the one the workbook embeds are drawn alike.
FIGURES: dict[str, Callable[[ReportRun, str], Figure]] = {
    "targets_overview": lambda run, lang: charts.plot_targets_overview(
        run.targets, lang, documents=run.documents
    ),
    "coverage": lambda run, lang: charts.plot_coverage(run.targets, lang, documents=run.documents),
    "scorecard_focus": lambda run, lang: charts.plot_scorecard(
        run.scorecard[run.scorecard.region_zh.isin(run.focus)],
        lang,
        documents=run.documents,
        as_of_year=run.as_of_year,
    ),
    "scorecard_others": lambda run, lang: charts.plot_scorecard(
        run.scorecard[~run.scorecard.region_zh.isin(run.focus)],
        lang,
        documents=run.documents,
        as_of_year=run.as_of_year,
    ),
    "gaps": lambda run, lang: charts.plot_gaps(run.drawn_benchmarks, lang, documents=run.documents),
    "cross_region": lambda run, lang: charts.plot_comparison(
        run.focus_comparison, lang, documents=run.documents
    ),
    "cross_region_all": lambda run, lang: charts.plot_comparison(
        run.comparison, lang, documents=run.documents
    ),
    "milestones": lambda run, lang: charts.plot_milestones(
        run.milestones_timeline, lang, documents=run.documents
    ),
}
# The charts the workbook's charts sheet embeds, in its order.
KEY_FIGURES = ("targets_overview", "gaps", "cross_region", "milestones")
