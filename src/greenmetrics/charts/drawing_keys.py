"""Chart functions that mark their figure with what it was drawn from (`figure_cache`), so a
report run renders only the charts whose inputs changed since the last one."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

import matplotlib as mpl
from matplotlib.figure import Figure

from .. import figure_cache
from .style import focus_regions, region_colors, use_style

Drawing = TypeVar("Drawing", bound=Callable)


def style_state() -> tuple:
    """What a chart reads of the style besides its arguments: the colour of each region coloured
    so far, the focus regions and matplotlib's rcParams once the project style is applied
    (every chart applies it first)."""
    use_style()
    rc = sorted((name, repr(value)) for name, value in mpl.rcParams.items())
    return region_colors(), focus_regions(), rc


def keyed_by_inputs(draw: Drawing) -> Drawing:
    """`draw` (a chart function returning a Figure) marking its figure with
    `figure_cache.inputs_digest` when charts are cached. The outermost keyed function's digest
    is the figure's: it covers whatever it changes after an inner one returned.

    NOTE: the state is read before drawing: a chart colours the regions it meets first, and
    that is part of what the next chart is drawn with."""

    @functools.wraps(draw)
    def drawn(*args, **kwargs):
        digest = None
        if figure_cache.cache_folder():
            digest = figure_cache.inputs_digest(draw, args, kwargs, style_state())
        fig = draw(*args, **kwargs)
        if digest and isinstance(fig, Figure):
            figure_cache.mark(fig, digest)
        return fig

    return drawn  # type: ignore[return-value]
