"""The scorecard chart: per region, the targets with an observation as rows of a table (target,
latest observation and its year, verdict, comparable province and national benchmarks), and
the targets without one named in a single line (`plot_scorecard`); `quantity_text` writes a
target, observation or benchmark as the plans word it (较2020年下降13.5%, never a bare %)."""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.figure import Figure

from .. import settings
from ..analysis.scorecard import verdict_counts
from ..notes import decode, render
from ..words import region_name
from .chart_words import colon
from .drawing_keys import keyed_by_inputs
from .panel_helpers import begin, empty_chart, named_frame, new_figure, number_text
from .style import (
    NEUTRAL_COLOR,
    NOTE_COLOR,
    RULE_COLOR,
    SMALL_SIZE,
    VERDICT_COLORS,
    WIDTH_IN,
    finish,
    label,
    list_separator,
    parenthesized,
    plain,
    wrap_display,
)

_COMPARATOR_SIGNS = {"ge": "≥", "le": "≤", "approx": "≈", "eq": ""}
# Column x positions (share of the figure width) of: indicator, target, observed, verdict,
# province benchmark, national benchmark.
_COLUMNS = (0.01, 0.36, 0.52, 0.68, 0.80, 0.90)
_ROW_IN = 0.24  # height of one table line
_NAMES_SHOWN = 8  # indicators named in a region's 'without an observation' line


def quantity_text(
    value: float, unit: object, kind: str, baseline_year: object, lang: str, comparator: str = "eq"
) -> str:
    """A number as the plans state it: a reduction as 较2020年下降13.5% / 13.5% below 2020, an
    increment as 新增30万亩 / 30万亩 more, a level with its comparator (≥90%)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    unit = "" if unit is None or pd.isna(unit) else str(unit)
    number = number_text(value)
    if kind == "reduction" and baseline_year is not None and not pd.isna(baseline_year):
        return label("reduction_since", lang, year=int(baseline_year), value=number, unit=unit)
    if kind == "increment":
        return label("increment_of", lang, value=number, unit=unit)
    return f"{_COMPARATOR_SIGNS.get(comparator, '')}{number}{unit}"


CONTEXT_COLOR = NEUTRAL_COLOR  # a larger region's figure: context, never judged


def _shown(row: pd.Series) -> bool:
    """A target gets a line when its region or a larger one has an observation of it."""
    return pd.notna(row["observed_value"]) or pd.notna(row.get("context_value"))


def _observed_quantity(value: float, row: pd.Series, lang: str) -> str:
    """An observation in its column: a reduction's fall without the baseline the target beside
    it states (下降9.49%), so the cell fits; anything else as `quantity_text` writes it."""
    if row["kind"] == "reduction" and pd.notna(value):
        unit = "" if pd.isna(row["unit"]) else str(row["unit"])
        return label("reduction_observed", lang, value=number_text(value), unit=unit)
    return quantity_text(value, row["unit"], row["kind"], row["baseline_year"], lang)


def _observed_text(row: pd.Series, lang: str, documents: pd.DataFrame | None = None) -> str:
    if pd.isna(row["observed_value"]):
        if pd.isna(row.get("context_value")):
            return "—"
        region = region_name(str(row["context_region_zh"]), lang, documents, short=True)
        text = _observed_quantity(row["context_value"], row, lang)
        return f"{region} {text}" + parenthesized(str(int(row["context_year"])), lang)
    # NOTE: the observation of a reduction is the cumulative fall since the same baseline.
    text = _observed_quantity(row["observed_value"], row, lang)
    return text + parenthesized(str(int(row["observation_year"])), lang)


def chained_notes(rows: pd.DataFrame, names: dict, lang: str) -> list[str]:
    """One line per row whose observation was chained from yearly changes: its region and
    indicator, then how (自2020年累计下降（由2021—2023年逐年变化连乘）). `rows` holds
    `region_zh`, `_ind_name` and the code columns of `observation_note`."""
    out = []
    if "observation_note_code" not in rows.columns:
        return out
    for _, row in rows.iterrows():
        how = decode(row["observation_note_code"], row["observation_note_args"])
        if how is not None and any(key.startswith("fall_chained") for key in how.keys):
            head = f"{names[row['region_zh']]} · {row['_ind_name']}"
            out.append(f"{head}{colon(lang)}{render(how, lang)}")
    return list(dict.fromkeys(out))


def _benchmark_text(row: pd.Series, level: str, lang: str) -> str:
    value = row[f"{level}_benchmark_value"]
    return quantity_text(value, row["unit"], row["kind"], row["baseline_year"], lang)


def _first_line(name: object) -> str:
    """An indicator name cut to the width of its column, marked … when cut (a name without a
    declared short form in data/short_names.csv)."""
    width = int((_COLUMNS[1] - _COLUMNS[0]) * WIDTH_IN * 72 / ((SMALL_SIZE + 0.5) * 0.55)) - 3
    lines = wrap_display(plain(name), width)
    return lines[0] + ("…" if len(lines) > 1 else "")


def unobserved_line(region: str, indicators: list[str], lang: str) -> str:
    """'临夏回族自治州：13项目标暂无观测数据：a、b…' naming the first _NAMES_SHOWN."""
    names = list_separator(lang).join(plain(n) for n in indicators[:_NAMES_SHOWN])
    if len(indicators) > _NAMES_SHOWN:
        names += "…"
    return label("scorecard_unobserved", lang, region=region, n=len(indicators), names=names)


@keyed_by_inputs
def plot_scorecard(
    card: pd.DataFrame,
    lang: str = "zh",
    *,
    documents: pd.DataFrame | None = None,
    title: str | None = None,
    as_of_year: int = settings.AS_OF_YEAR,
) -> Figure:
    """The scorecard of `analysis.scorecard` as a table, region by region in the frame's order
    (`as_of_year` names the year judged in when the frame has no row to say it).

    Each region: its name, one line per target with an observation (indicator, target,
    latest observation and its year, verdict in its colour, the comparable province and national
    benchmarks or —), then one line naming the targets without an observation. Returns the
    figure; its source line cites the plans and every observation and benchmark source.
    """
    need = ["region_zh", "indicator_zh", "target_value", "unit", "kind", "comparator",
            "baseline_year", "observed_value", "observation_year", "verdict", "as_of_year"]  # fmt: skip
    year = int(card["as_of_year"].iloc[0]) if len(card) else as_of_year
    title = title or label("title_scorecard", lang, year=year)
    begin(card, lang, title, "title_scorecard", need, "plot_scorecard")
    if card.empty:
        return empty_chart(title, card, lang)
    df, names = named_frame(card, documents, lang)
    width_cells = int(WIDTH_IN * 72 / (SMALL_SIZE * 0.6))
    lines: list[tuple[str, object]] = [("header", None)]
    for region, part in df.groupby("region_zh", sort=False):
        lines.append(("region", names[region]))
        shown = part.apply(_shown, axis=1) if len(part) else pd.Series(dtype=bool)
        lines.extend(("row", row) for _, row in part[shown].iterrows())
        missing = part[~shown]["_ind_name"].drop_duplicates().tolist()
        if missing:
            text = unobserved_line(names[region], missing, lang)
            lines.extend(("missing", t) for t in wrap_display(text, width_cells))
    fig = new_figure(1.4 + _ROW_IN * len(lines))
    ax = fig.subplots()
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(len(lines), 0)
    headers = ("scorecard_indicator", "target", "scorecard_observed", "scorecard_verdict",
               "scorecard_province", "scorecard_country")  # fmt: skip
    for i, (what, item) in enumerate(lines):
        y = i + 0.5
        if what == "header":
            for x, key in zip(_COLUMNS, headers, strict=True):
                ax.text(x, y, label(key, lang), va="center", fontsize=SMALL_SIZE, color=NOTE_COLOR)
            ax.axhline(i + 1, color=RULE_COLOR, lw=0.6)
        elif what == "region":
            ax.text(_COLUMNS[0], y, plain(item), va="center", color="#000000")
        elif what == "missing":
            ax.text(_COLUMNS[0], y, plain(item), va="center", fontsize=SMALL_SIZE, color="#666666")
        else:
            row = item
            verdict = str(row["verdict"])
            context = pd.isna(row["observed_value"])  # a larger region's figure: never judged
            cells = (
                "  " + _first_line(row["_ind_short"]),
                quantity_text(
                    row["target_value"],
                    row["unit"],
                    row["kind"],
                    row["baseline_year"],
                    lang,
                    row["comparator"],
                ),  # fmt: skip
                _observed_text(row, lang, documents),
                "—" if context else "● " + label(f"verdict_{verdict}", lang),
                _benchmark_text(row, "province", lang),
                _benchmark_text(row, "country", lang),
            )
            for i_cell, (x, text) in enumerate(zip(_COLUMNS, cells, strict=True)):
                color = VERDICT_COLORS[verdict] if text.startswith("●") else "#222222"
                if context and i_cell == 2:
                    color = CONTEXT_COLOR
                ax.text(x, y, plain(text), va="center", fontsize=SMALL_SIZE + 0.5, color=color)
    counts = verdict_counts(df)
    n_context = counts["context"]
    subtitle = label(
        "subtitle_scorecard_context" if n_context else "subtitle_scorecard", lang,
        judged=counts["judged"], met=counts["met"], on=counts["on_track"],
        off=counts["off_track"], missed=counts["missed"], few=counts["no_data"],
        missing=counts["missing"], context=n_context,
    )  # fmt: skip
    notes = [label("scorecard_context_note", lang)] if n_context else []
    notes += chained_notes(df[df["observed_value"].notna()], names, lang)
    return finish(
        fig, ax, title, None, df, lang, subtitle=subtitle, documents=documents, notes=notes
    )
