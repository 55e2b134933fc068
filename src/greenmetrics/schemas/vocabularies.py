"""The vocabularies of the coded columns (comparators, kinds, directions ...), the plausible
years and the unit classes: the allowed values the field dictionary (`schemas.fields`) and the
extractor read, declared once."""

from __future__ import annotations

# Vocabularies: the allowed values of the coded columns, declared once.
COMPARATORS = ("eq", "ge", "le", "approx")
KINDS = ("level", "increment", "reduction")
# What an observation read from a document states: a state in a year, or a change over a period.
OBSERVATION_KINDS = ("level", "change")
# What a document is, which decides what its numbers mean: a plan states targets (and reviews
# the last period), a bulletin, a work report or a news report states measured values, rules
# (funding calls, 管理办法, allowance allocations, catalogues, standards) state requirements,
# thresholds and parameters, no targets.
DOC_KINDS = ("plan", "bulletin", "work_report", "news", "rules")
# The genre a document's title names (document_kinds.document_genre); each belongs to a doc_kind.
GENRES = (
    "plan", "implementation_plan", "action_plan", "work_plan", "opinion", "decision", "measures",
    "notice", "funding_call", "rule", "allocation_plan", "catalogue", "standard", "bulletin",
    "work_report", "news", "other",
)  # fmt: skip
DIRECTIONS = ("higher", "lower")
# The pace of a target's progress (analysis.progress), and the one verdict of a target that the
# scorecard, the trajectories and their charts give (analysis.scorecard).
STATUSES = ("achieved", "on_track", "needs_acceleration", "off_track", "no_data")
VERDICTS = ("met", "missed", "on_track", "off_track", "no_data")
# The series of a trajectory: the path to the plan target, observed points, trend, 2035 goal.
TRAJECTORY_SERIES = ("target", "observed", "projection", "goal_2035")
MEASURES = ("level", "yearly_change", "cumulative_change")
# Where a row of the analysis' observation table comes from: data/reference or a document.
ORIGINS = ("curated", "extracted")
THEMES = (
    "agriculture", "waste", "energy", "water", "buildings", "air", "industry", "transport",
    "economy", "ecology", "lifestyle",
)  # fmt: skip
REVIEW_CATEGORIES = (
    "document_problem", "duplicate", "unmapped_indicator", "year_inferred", "unreported_number",
    "table_row", "region_uncertain", "functional_zone", "metadata_missing",
)  # fmt: skip
# The 属性 column of an indicator table: 约束性 (binding) or 预期性 (expected) indicators.
BINDINGS = ("binding", "expected")
# The roles of the words of policy language the extractor reads (data/policy_words.csv).
POLICY_WORD_ROLES = (
    "unit",
    "unit_multiplier",
    "unit_base",
    "compare_verb",
    "reduction_verb",
    "level_after_reduction",
    "ge_before",
    "le_before",
    "approx_before",
    "ge_after",
    "le_after",
    "approx_after",
    "increment_verb",
    "level_verb",
    "period_increment",
    "aspiration",
    "lead_word",
    "whole_region",
    "generic_place",
    "not_a_place_head",
    "not_a_place_word",
    "not_a_place_tail",
    "indicator_head",
    "status_word",
    "zero_of",
    "count_verb",
    "count_not_object",
    "milestone",
    "milestone_not_after",
    "milestone_not_before",
    "history_heading",
    "forward_heading",
)
YEAR_MIN, YEAR_MAX = 2000, 2100  # plausible years of a plan, target or observation
# The unit classes, by what a unit measures; every analysis (gaps, scorecard, comparison and
# their charts) reads `is_size_unit` and nothing else, so a target is judged the same way in
# every table. A size (万亩, 万千瓦, 个, 万吨) grows with the region: a county's is never set against
# a province's or the country's. Every other unit is a level or change that compares across
# regions and years: a share (%, ‰, none), a change of a share (个百分点), a concentration
# (PM2.5 in 微克/立方米), an intensity per 10k yuan or per person (吨标准煤/万元).
# RATE_UNITS is a narrower fact of the extractor's grammar: the units it reads as a share.
RATE_UNITS = frozenset({"%", "‰", ""})
SIZE_FREE_UNITS = RATE_UNITS | {"个百分点", "ug/m3", "微克/立方米"}
PER_UNIT_MARKS = ("/万元", "/人")


def is_size_unit(unit: object) -> bool:
    """True for a unit that measures size (万亩, 万千瓦, 个 ...), false for a share, rate,
    concentration or intensity (and for no unit)."""
    text = unit.strip() if isinstance(unit, str) else ""
    return text not in SIZE_FREE_UNITS and not any(mark in text for mark in PER_UNIT_MARKS)
