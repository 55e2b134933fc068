"""The arithmetic of the report notebooks: gaps to benchmarks, progress, comparisons, paths.

Notebooks only call these functions (and the charts of `greenmetrics.charts`), so every number a
chart shows is computed here, once, under unit tests. Inputs are the tidy tables: targets,
documents and milestones (`greenmetrics.tables`), benchmarks and observations
(`greenmetrics.reference`), the observations read from documents, joined with the curated
ones into one table (`observed`), and the indicator catalog (`greenmetrics.catalog`). One
module per question: `observed` (which observation judges, and the conflicts between
sources), `progress` (how far, how fast), `benchmarks` (against the targets above),
`comparison` (regions side by side), `trajectories` (paths to 2025 and 2035).

Rules that hold everywhere:

- Like with like only. A target is compared with a benchmark or another region's target only when
  both are the same indicator (catalog id), the same kind (a level, an increment new in the
  period, a reduction from a baseline), the same target year and the same unit, and the target
  covers its whole region. Percentage-point increments are never compared with levels.
- Signs follow the indicator's direction so that positive always means "better": more ambitious
  for `ambition`, still to go for `remaining_gap`, towards the target for progress.
- Provenance travels with the numbers: every output row keeps the target's doc_id, quote and
  offsets, and the source title, URL or document number and quote of every reference row used.
- Every output frame is checked against its declared table in `greenmetrics.schemas`.
"""

from .benchmarks import ambition_counts, target_benchmarks, target_gaps
from .comparison import MIN_REGIONS_TO_COMPARE, NO_PLAN_NOTE, NO_TARGET_NOTE, compare_regions
from .observed import change_sign, join_observations, observation_conflicts, values_agree
from .progress import (
    APPROX_TOLERANCE,
    NEEDS_ACCELERATION_SHARE,
    ON_TRACK_SHARE,
    STATUSES,
    classify_status,
    cumulative_reduction,
    meets_target,
    reduction_path,
    required_yearly_progress,
    trend_slope,
)
from .scorecard import VERDICTS, scorecard, unobserved, verdict_counts
from .trajectories import HORIZON_YEAR, SERIES, milestones_timeline, trajectories

__all__ = [
    "APPROX_TOLERANCE", "HORIZON_YEAR", "MIN_REGIONS_TO_COMPARE", "NEEDS_ACCELERATION_SHARE",
    "NO_PLAN_NOTE", "NO_TARGET_NOTE", "ON_TRACK_SHARE", "SERIES", "STATUSES", "change_sign",
    "classify_status", "compare_regions", "cumulative_reduction", "join_observations",
    "meets_target", "milestones_timeline", "observation_conflicts", "reduction_path",
    "required_yearly_progress", "scorecard", "target_benchmarks", "target_gaps", "trajectories",
    "trend_slope", "unobserved", "values_agree", "verdict_counts", "ambition_counts", "VERDICTS",
]  # fmt: skip
