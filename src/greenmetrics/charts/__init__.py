"""Charts of the analysis frames, all in the one style of `charts.style`.

`style` holds what makes two greenmetrics charts look alike (font, sizes, colours per region,
bilingual chart words, the source line, deterministic saving); one module per chart family
draws: `overview`, `gaps`, `comparison`, `trajectories`, `milestones`.
"""

from ..regions import region_order
from .comparison import plot_comparison
from .gaps import plot_gaps
from .milestones import MILESTONE_WORDS, plot_milestones
from .overview import plot_coverage, plot_targets_overview
from .scorecard import plot_scorecard
from .style import (
    COUNTRY_COLOR,
    FALLBACK_FAMILY,
    FONT_FILE,
    FONT_SIZE,
    FORMATS,
    LANGS,
    MAX_PANELS,
    MAX_REGIONS,
    MISSING_COLOR,
    NEUTRAL_COLOR,
    PALETTE,
    PDF_FONTTYPE,
    PNG_DPI,
    SAVE_METADATA,
    SMALL_SIZE,
    STATUS_COLORS,
    TITLE_SIZE,
    WIDTH_IN,
    WORDS_FILE,
    check_lang,
    finish,
    font_path,
    label,
    provenance,
    region_color,
    save_figure,
    set_regions,
    source_text,
    use_style,
    wrap_display,
)
from .trajectories import TRAJECTORY_SERIES, plot_trajectories_by_region, plot_trajectory

__all__ = [
    "COUNTRY_COLOR",
    "FALLBACK_FAMILY",
    "FONT_FILE",
    "FONT_SIZE",
    "FORMATS",
    "WORDS_FILE",
    "LANGS",
    "MAX_PANELS",
    "MAX_REGIONS",
    "MILESTONE_WORDS",
    "MISSING_COLOR",
    "NEUTRAL_COLOR",
    "PALETTE",
    "PDF_FONTTYPE",
    "PNG_DPI",
    "SAVE_METADATA",
    "SMALL_SIZE",
    "STATUS_COLORS",
    "TITLE_SIZE",
    "TRAJECTORY_SERIES",
    "WIDTH_IN",
    "check_lang",
    "finish",
    "font_path",
    "label",
    "plot_comparison",
    "plot_coverage",
    "plot_scorecard",
    "plot_trajectories_by_region",
    "plot_gaps",
    "plot_milestones",
    "plot_targets_overview",
    "plot_trajectory",
    "provenance",
    "region_color",
    "region_order",
    "save_figure",
    "set_regions",
    "source_text",
    "use_style",
    "wrap_display",
]
