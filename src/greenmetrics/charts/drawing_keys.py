"""Chart functions that mark their figure with what it was drawn from (`figure_cache`), so a
report run renders only the charts whose inputs changed since the last one.

A chart is given only what it draws, so that what it was drawn from is what it read: its
tables without their row labels (a chart reads rows in order, never by label: a row added for
one region must not make every other region's chart look new) and, of the documents table,
the columns charts read (`DOCUMENT_COLUMNS`: a plan's bytes and length are in that table too,
and an edited plan must not make every chart look new). A chart that wanted another document
column would fail on it, never draw from a stale cache."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

import matplotlib as mpl
import pandas as pd
from matplotlib.figure import Figure

from .. import figure_cache
from .style import focus_regions, region_colors, use_style

Drawing = TypeVar("Drawing", bound=Callable)
# What charts read of the documents table: the region names and the plans of a source line.
DOCUMENT_COLUMNS = ("doc_id", "region_zh", "region_en")


def drawn_inputs(args: tuple, kwargs: dict) -> tuple[tuple, dict]:
    """The arguments a chart function is given (see the module): tables without row labels,
    `documents` with its DOCUMENT_COLUMNS only (those it has)."""
    args = tuple(a.reset_index(drop=True) if isinstance(a, pd.DataFrame) else a for a in args)
    documents = kwargs.get("documents")
    if isinstance(documents, pd.DataFrame):
        shown = [c for c in DOCUMENT_COLUMNS if c in documents.columns]
        kwargs = {**kwargs, "documents": documents[shown].reset_index(drop=True)}
    return args, kwargs


def style_state() -> tuple:
    """What a chart reads of the style besides its arguments: the colour of each region coloured
    so far, the focus regions and matplotlib's rcParams once the project style is applied
    (every chart applies it first)."""
    use_style()
    rc = sorted((name, repr(value)) for name, value in mpl.rcParams.items())
    return region_colors(), focus_regions(), rc


def keyed_by_inputs(draw: Drawing) -> Drawing:
    """`draw` (a chart function returning a Figure) given `drawn_inputs` and marking its figure
    with `figure_cache.inputs_digest` of them when charts are cached. The outermost keyed
    function's digest is the figure's: it covers whatever it changes after an inner one
    returned.

    NOTE: the state is read before drawing: a chart colours the regions it meets first, and
    that is part of what the next chart is drawn with."""

    @functools.wraps(draw)
    def drawn(*args, **kwargs):
        args, kwargs = drawn_inputs(args, kwargs)
        digest = None
        if figure_cache.cache_folder():
            digest = figure_cache.inputs_digest(draw, args, kwargs, style_state())
        fig = draw(*args, **kwargs)
        if digest and isinstance(fig, Figure):
            figure_cache.mark(fig, digest)
        return fig

    return drawn  # type: ignore[return-value]
