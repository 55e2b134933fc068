"""The field dictionary: what every column of every table means, declared once.

Each entry gives a column's pandas dtype, its meaning, whether it may be empty, and its allowed
values or range, drawn from the vocabularies of `schemas.vocabularies`. Tables
(`greenmetrics.schemas`) list these columns and may narrow or loosen a field for one table (the
observation tables' narrowings: `schemas.observation_fields`)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..regions import REGION_LEVELS
from .vocabularies import (
    BINDINGS,
    COMPARATORS,
    DIRECTIONS,
    DOC_KINDS,
    GENRES,
    KINDS,
    MEASURES,
    ORIGINS,
    POLICY_WORD_ROLES,
    REVIEW_CATEGORIES,
    STATUSES,
    TRAJECTORY_SERIES,
    VERDICTS,
    YEAR_MAX,
    YEAR_MIN,
)


@dataclass(frozen=True)
class Field:
    """One column's meaning: pandas dtype ("string", "Int64", "float64", "boolean"), what it
    means, whether it may be empty, and its allowed values or range."""

    dtype: str
    description: str
    nullable: bool = False
    allowed: tuple | None = None
    min_value: float | None = None
    max_value: float | None = None


YEAR = dict(min_value=YEAR_MIN, max_value=YEAR_MAX)


def benchmark_fields(level: str, adjective: str) -> dict[str, Field]:
    """The columns target_gaps gives for the benchmark of one level (province or country)."""
    return {
        f"{level}_benchmark_value": Field(
            "float64",
            f"the {adjective} comparable benchmark (the most demanding if several)",
            nullable=True,
        ),
        f"{level}_benchmark_count": Field(
            "Int64", f"number of comparable {adjective} benchmarks", min_value=0
        ),
        f"{level}_benchmark_note": Field(
            "string",
            f"disagreeing sources, or why no {adjective} benchmark compares",
            nullable=True,
        ),
        f"{level}_source_title": Field(
            "string", f"source of the {adjective} benchmark", nullable=True
        ),
        f"{level}_source": Field(
            "string", f"URL or document number of the {adjective} benchmark", nullable=True
        ),
        f"{level}_source_quote": Field(
            "string", f"verbatim quote of the {adjective} benchmark", nullable=True
        ),
        f"ambition_vs_{level}": Field(
            "float64",
            f"target minus {adjective} benchmark, signed: positive = more ambitious than the {level}",
            nullable=True,
        ),
    }


_LEVEL_MEANING = "administrative level of the region; empty when it cannot be told (region 未知)"
FIELDS: dict[str, Field] = {
    # documents
    "doc_id": Field("string", "the plan's file name without extension; unique in the corpus"),
    "file": Field("string", "file name in data/raw"),
    "title_zh": Field("string", "title of the plan", nullable=True),
    "region_zh": Field("string", "region the plan governs, in Chinese"),
    "region_en": Field("string", "region in English", nullable=True),
    "region_level": Field("string", _LEVEL_MEANING, nullable=True, allowed=REGION_LEVELS),
    "parent_region_zh": Field(
        "string", "the region directly above (全国 for a province)", nullable=True
    ),
    "province_zh": Field("string", "province the region belongs to", nullable=True),
    "division_code": Field(
        "string",
        "GB/T 2260 code of the region (6 digits); for a functional zone that GB/T 2260 does not "
        "list (新区, 开发区, 高新区) the code of its parent, with a functional_zone review row; "
        "empty when the region matches no division",
        nullable=True,
    ),
    "issuer_zh": Field("string", "issuing body", nullable=True),
    "issue_date": Field("string", "date of issue, ISO 8601 (YYYY-MM-DD)", nullable=True),
    "doc_number": Field("string", "document number such as 甘政发〔2021〕62号", nullable=True),
    "doc_kind": Field(
        "string",
        "what the document is: plan (targets, with a review of the last period), bulletin "
        "(统计公报, 状况公报), work_report (政府工作报告), news (a report of results), rules "
        "(a funding call, rule, allowance allocation, catalogue or standard: requirements and "
        "thresholds, no targets)",
        allowed=DOC_KINDS,
    ),
    "genre": Field(
        "string",
        "the genre its title names (规划, 实施方案, 行动方案, 工作方案, 意见, 决定, 措施, 通知, 申报指南, "
        "管理办法, 配额分配方案, 目录, 标准 ...: docs/document_genres.md); other if none",
        allowed=GENRES,
    ),
    "report_year": Field(
        "Int64",
        "the year a bulletin or report speaks of (《2024年…公报》: 2024; a work report of 2024 "
        "reviews 2023); a plan's issue year; empty if unknown",
        nullable=True,
        min_value=YEAR_MIN,
        max_value=YEAR_MAX,
    ),
    "default_target_year": Field(
        "Int64", "year of the plan's main goals; lines without a year take it", **YEAR
    ),
    "metadata_source": Field(
        "string", "where the metadata came from", allowed=("manifest", "detected")
    ),
    "format": Field("string", "file format read", allowed=("txt", "md", "html", "docx", "pdf")),
    "encoding": Field("string", "text encoding detected (utf-8, gb18030, ...)"),
    "sha256": Field("string", "SHA-256 of the raw file, to spot duplicates and changes"),
    "n_chars": Field("Int64", "length of the decoded text in characters", min_value=0),
    # targets
    "target_id": Field(
        "string", "stable id of the target: survives reruns and edits elsewhere in the plan"
    ),
    "indicator_id": Field(
        "string", "canonical indicator id from the catalog; empty when unmapped", nullable=True
    ),
    "indicator_zh": Field("string", "indicator as written in the plan"),
    "indicator_en": Field(
        "string", "English name from the catalog; empty when unmapped", nullable=True
    ),
    "theme": Field("string", "theme of the indicator from the catalog", nullable=True),
    "value": Field("float64", "the number of the target (the lower bound of a range)"),
    "unit": Field(
        "string", "unit as written (%, 万亩, 个, 个百分点 ...); empty for a ratio", nullable=True
    ),
    "comparator": Field(
        "string", "eq 达到; ge 以上/不低于; le 以下/不超过; approx 左右/约", allowed=COMPARATORS
    ),
    "kind": Field(
        "string",
        "level a state reached; increment new in the period; reduction a fall",
        allowed=KINDS,
    ),
    "target_year": Field("Int64", "year the target is due", **YEAR),
    "baseline_year": Field(
        "Int64",
        "year of 较/比 20XX年, or of an indicator table's base-year column (2020年, 基期); "
        "empty if none",
        nullable=True,
        **YEAR,
    ),
    "baseline_value": Field(
        "float64",
        "the value in the baseline year that an indicator table row states; empty if none",
        nullable=True,
    ),
    "binding": Field(
        "string",
        "the 属性 column of an indicator table: binding 约束性, expected 预期性; empty for a "
        "sentence target",
        nullable=True,
        allowed=BINDINGS,
    ),
    "scope_zh": Field(
        "string",
        "sub-area or subset the target is limited to; empty for the whole region",
        nullable=True,
    ),
    "aspirational": Field("Int64", "1 when 力争/争取 governs the target", allowed=(0, 1)),
    "year_inferred": Field(
        "Int64",
        "1 when the year was not stated in the sentence (plan default used)",
        allowed=(0, 1),
    ),
    "quote": Field("string", "the clause holding the target, exactly as in the decoded document"),
    "char_start": Field("Int64", "offset of quote in the decoded document text", min_value=0),
    "char_end": Field("Int64", "end offset (exclusive) of quote", min_value=0),
    # milestones
    "milestone_id": Field("string", "stable id of the milestone"),
    "commitment_zh": Field(
        "string", "the qualitative commitment word (全覆盖, 基本普及, 清零, 零填埋 ...)"
    ),
    # reference and analysis tables
    # (reference: data/reference/*.csv as loaded by greenmetrics.reference; analysis: the frames
    # of greenmetrics.analysis. Where a column also exists above, its entry above applies.)
    "line": Field(
        "Int64", "line of the row in its reference CSV (the header is line 1)", min_value=2
    ),
    "level": Field(
        "string", "level of the body that set the benchmark", allowed=("country", "province")
    ),
    "indicator_match": Field(
        "string",
        "how indicator_id was found: given in the CSV, catalog match of indicator_zh, unmapped",
        allowed=("given", "catalog", "unmapped"),
    ),
    "direction": Field(
        "string",
        "which way is better for the indicator (catalog); empty when unmapped",
        nullable=True,
        allowed=DIRECTIONS,
    ),
    "is_cumulative": Field(
        "boolean", "the source states a stock built up to the year (累计建成); kind reads level"
    ),
    "is_value_quoted": Field(
        "boolean",
        "the number appears in the quote; false when coded from words (全面建成 -> 100%)",
    ),
    "note": Field("string", "curator's note: scope, partial year, qualifiers", nullable=True),
    "source_title": Field("string", "title and publisher of the source the row was copied from"),
    "source": Field("string", "URL of the page the row was copied from", nullable=True),
    "year": Field("Int64", "year the value was observed", **YEAR),
    "observation_id": Field(
        "string", "stable id of the observation: survives reruns and edits elsewhere in the text"
    ),
    "measure": Field(
        "string",
        "level the value itself; yearly_change change on the previous year in % (negative = "
        "fall); cumulative_change change since baseline_year in %",
        allowed=MEASURES,
    ),
    "is_proxy": Field(
        "boolean", "the indicator is the closest published proxy, its definition may differ"
    ),
    "target_value": Field("float64", "the number of the plan target (a reduction as a fall)"),
    "benchmark_level": Field(
        "string",
        "level of the benchmark compared (country/province); empty when none",
        nullable=True,
        allowed=("country", "province"),
    ),
    "benchmark_region_zh": Field("string", "region of the benchmark", nullable=True),
    "benchmark_indicator_zh": Field(
        "string", "the benchmark's indicator as its source words it", nullable=True
    ),
    "benchmark_value": Field("float64", "the benchmark's number", nullable=True),
    "benchmark_unit": Field("string", "the benchmark's unit", nullable=True),
    "benchmark_kind": Field("string", "the benchmark's kind", nullable=True, allowed=KINDS),
    "benchmark_comparator": Field(
        "string", "the benchmark's comparator", nullable=True, allowed=COMPARATORS
    ),
    "benchmark_target_year": Field("Int64", "year the benchmark is due", nullable=True, **YEAR),
    "is_comparable": Field(
        "boolean",
        "like with like: same kind, target year and unit, whole region (and, for benchmarks, a "
        "rate rather than a size-dependent quantity); empty when there is nothing to compare",
        nullable=True,
    ),
    "comparability_note": Field(
        "string", "why the pair is not comparable, or what to bear in mind", nullable=True
    ),
    "ambition": Field(
        "float64",
        "target minus benchmark, signed so that positive = the plan is more ambitious",
        nullable=True,
    ),
    "source_quote": Field(
        "string", "verbatim quote of the reference row (benchmark or observation)", nullable=True
    ),
    "source_line": Field(
        "Int64", "line of the reference row in its CSV", nullable=True, min_value=2
    ),
    **benchmark_fields("province", "province"),
    **benchmark_fields("country", "national"),
    "observed_value": Field(
        "float64",
        "latest observation on the target's scale (for a reduction: the cumulative fall in % "
        "since the baseline year)",
        nullable=True,
    ),
    "observation_year": Field("Int64", "year of observed_value", nullable=True, **YEAR),
    "observation_count": Field("Int64", "number of observed years used for the trend", min_value=0),
    "observation_source_title": Field(
        "string", "source(s) of the observation, joined by ；", nullable=True
    ),
    "observation_source": Field(
        "string", "URL(s) or document number(s) of the observation", nullable=True
    ),
    "observation_source_quote": Field(
        "string", "verbatim quote(s) of the observation", nullable=True
    ),
    "context_region_zh": Field(
        "string",
        "for a rate or share its own region has not observed: the larger region (the parent, "
        "else the province) whose latest observation of the indicator is shown for context",
        nullable=True,
    ),
    "context_value": Field(
        "float64",
        "latest observation of context_region_zh on the target's scale; context only, never "
        "used for the verdict",
        nullable=True,
    ),
    "context_year": Field("Int64", "year of context_value", nullable=True, **YEAR),
    "context_source_title": Field("string", "source(s) of context_value", nullable=True),
    "context_source": Field(
        "string", "URL(s) or document number(s) of context_value", nullable=True
    ),
    "context_source_quote": Field("string", "verbatim quote(s) of context_value", nullable=True),
    "observation_note": Field(
        "string", "how the observation was derived (e.g. chained yearly changes)", nullable=True
    ),
    "is_observation_proxy": Field(
        "boolean", "a proxy indicator was used for the observation", nullable=True
    ),
    "remaining_gap": Field(
        "float64",
        "target minus latest observation, signed so that positive = still to go",
        nullable=True,
    ),
    "years_left": Field("Int64", "target_year minus observation_year", nullable=True),
    "needed_yearly_progress": Field(
        "float64", "remaining_gap / years_left: progress needed per year", nullable=True
    ),
    "seen_yearly_progress": Field(
        "float64",
        "least-squares slope of the observations, signed like remaining_gap",
        nullable=True,
    ),
    "status": Field(
        "string",
        "achieved; on_track (seen >= needed); needs_acceleration (seen >= half of needed); "
        "off_track; no_data (no usable observation or no trend)",
        allowed=STATUSES,
    ),
    "status_note": Field("string", "why the status is what it is", nullable=True),
    "as_of_year": Field(
        "Int64", "the year the scorecard judges in: target years before it have passed", **YEAR
    ),
    "verdict": Field(
        "string",
        "the one verdict of a target (scorecard, trajectories): met: an observation meets the "
        "target (of the target year or later once it has passed, else the latest); missed: "
        "the target year has passed and its observation misses; on_track / off_track: judged "
        "from the trend; no_data: no observation, or one year and the target not yet met",
        allowed=VERDICTS,
    ),
    "verdict_note": Field("string", "why the verdict is what it is", nullable=True),
    "origin": Field(
        "string",
        "plan: a target of the region's plan; benchmark: a reference row",
        allowed=("plan", "benchmark"),
    ),
    "has_target": Field(
        "boolean",
        "false when the region's plan was read and sets no target for the indicator; empty "
        "when no plan of the region was read",
        nullable=True,
    ),
    "reference_kind": Field(
        "string",
        "most common kind of the indicator's targets (what rows compare against)",
        allowed=KINDS,
    ),
    "reference_target_year": Field(
        "Int64", "most common target year of the indicator's targets", **YEAR
    ),
    "reference_unit": Field("string", "most common unit of the indicator's targets", nullable=True),
    "series": Field(
        "string",
        "target (path to the plan target), observed, projection (linear trend), goal_2035",
        allowed=TRAJECTORY_SERIES,
    ),
    # the one observation table of the analysis (curated and extracted rows) and its conflicts
    "is_used": Field(
        "boolean",
        "the row judges targets; false (use_note says why) for a row without a catalog "
        "indicator, of a sub-area, a change in no stated direction, or the losing side of a "
        "conflict (a change in % judges reductions, one in a quantity increments of its unit)",
    ),
    "use_note": Field("string", "why the row does not judge targets", nullable=True),
    "used_instead": Field("string", "the observation_id of the row used instead of it", True),
    "observation_origin": Field(
        "string",
        "where the observation comes from: curated (data/reference), extracted (read from a "
        "document) or mixed (a value built from both)",
        nullable=True,
        allowed=("curated", "extracted", "mixed"),
    ),
    **{
        f"{side}_{column}": replace(spec, description=f"{what}: {spec.description}")
        for side, what in (("used", "the value used"), ("other", "the value not used"))
        for column, spec in (
            ("observation_id", Field("string", "its observation_id")),
            ("origin", Field("string", "curated or extracted", allowed=ORIGINS)),
            ("value", Field("float64", "its number (a change signed: negative = a fall)")),
            ("unit", Field("string", "its unit", nullable=True)),
            ("comparator", Field("string", "its comparator", allowed=COMPARATORS)),
            ("source_title", Field("string", "its source (document title or curated source)")),
            ("source", Field("string", "its URL (curated) or file (extracted)", nullable=True)),
            ("quote", Field("string", "its verbatim quote")),
        )
    },
    "conflict_note": Field("string", "which rule chose the value used"),
    # curated inputs (data/raw/documents.csv, indicators.csv, data/reference, overrides.csv)
    "completeness": Field(
        "string", "how much of the plan the file holds (full, excerpt ...)", nullable=True
    ),
    "name_zh": Field("string", "the indicator's canonical Chinese name"),
    "aliases_zh": Field(
        "string", "other ways plans word the indicator, separated by |", nullable=True
    ),
    "name_en": Field("string", "the indicator's English name"),
    "description_en": Field("string", "what the indicator measures, in English", nullable=True),
    "action": Field(
        "string",
        "reject a target, correct its fields, add a missed one, map a phrase to an indicator",
        allowed=("reject", "correct", "add", "map"),
    ),
    # review.csv
    "category": Field(
        "string",
        "what to check: a document that failed, a duplicate skipped, an unmapped indicator, a "
        "year taken from the plan's default, a number not reported as a target or milestone, "
        "a row of a table that gave no target (a text cell such as 完成省下达目标, or a table "
        "whose header was not understood), a region not found in the gazetteer or read two "
        "ways, a functional zone given its parent's code",
        allowed=REVIEW_CATEGORIES,
    ),
    "text": Field(
        "string", "the number, phrase or year the entry is about, as written", nullable=True
    ),
    # gazetteer.csv
    "parent_code": Field(
        "string", "GB/T 2260 code of the division directly above; empty for a province", True
    ),
    "short_names_zh": Field(
        "string", "short names plans use for the division (甘肃, 临夏州), separated by |", True
    ),
    # policy_words.csv
    "role": Field(
        "string",
        "what the extractor reads the word as (a comparison verb, a unit, a lead word ...)",
        allowed=POLICY_WORD_ROLES,
    ),
    "word": Field("string", "one word of Chinese policy language, as plans write it"),
}


def optional_fields(names: str, description: str | None = None) -> dict[str, Field]:
    """Per-table overrides that let the columns `names` (space-separated) be empty (and, if
    `description` is given, say why)."""
    out = {}
    for name in names.split():
        spec = replace(FIELDS[name], nullable=True)
        out[name] = replace(spec, description=description) if description else spec
    return out
