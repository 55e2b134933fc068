"""Column meanings, declared once, and the table schemas built from them.

Every tidy table the project writes or loads is checked against its schema at the boundary
(`validate`), so a changed extractor or a hand-edited CSV fails loudly with the column and
the problem named. The field dictionary is the single source of column meaning: the schemas,
the Excel "fields" sheet and the README table are all generated from it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

from .errors import SchemaError

COMPARATORS = ("eq", "ge", "le", "approx")
KINDS = ("level", "increment", "reduction")
REGION_LEVELS = ("country", "province", "prefecture", "county")
DIRECTIONS = ("higher", "lower")


@dataclass(frozen=True)
class Field:
    dtype: str  # pandas dtype: "string", "Int64", "float64"
    description: str
    nullable: bool = False
    allowed: tuple | None = None
    min_value: float | None = None
    max_value: float | None = None


YEAR = dict(min_value=2000, max_value=2100)


def _benchmark_fields(level: str, adjective: str) -> dict[str, Field]:
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


FIELDS: dict[str, Field] = {
    # documents
    "doc_id": Field("string", "the plan's file name without extension; unique in the corpus"),
    "file": Field("string", "file name in data/raw"),
    "title_zh": Field("string", "title of the plan", nullable=True),
    "region_zh": Field("string", "region the plan governs, in Chinese"),
    "region_en": Field("string", "region in English", nullable=True),
    "region_level": Field("string", "administrative level of the region", allowed=REGION_LEVELS),
    "parent_region_zh": Field(
        "string", "the region directly above (全国 for a province)", nullable=True
    ),
    "province_zh": Field("string", "province the region belongs to", nullable=True),
    "issuer_zh": Field("string", "issuing body", nullable=True),
    "issue_date": Field("string", "date of issue, ISO 8601 (YYYY-MM-DD)", nullable=True),
    "doc_number": Field("string", "document number such as 甘政发〔2021〕62号", nullable=True),
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
    "baseline_year": Field("Int64", "year of 较/比 20XX年; empty if none", nullable=True, **YEAR),
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
        allowed=("higher", "lower"),
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
    "measure": Field(
        "string",
        "level the value itself; yearly_change change on the previous year in % (negative = "
        "fall); cumulative_change change since baseline_year in %",
        allowed=("level", "yearly_change", "cumulative_change"),
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
    "benchmark_kind": Field(
        "string", "the benchmark's kind", nullable=True, allowed=("level", "increment", "reduction")
    ),
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
    **_benchmark_fields("province", "province"),
    **_benchmark_fields("country", "national"),
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
        allowed=("achieved", "on_track", "needs_acceleration", "off_track", "no_data"),
    ),
    "status_note": Field("string", "why the status is what it is", nullable=True),
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
        allowed=("level", "increment", "reduction"),
    ),
    "reference_target_year": Field(
        "Int64", "most common target year of the indicator's targets", **YEAR
    ),
    "reference_unit": Field("string", "most common unit of the indicator's targets", nullable=True),
    "series": Field(
        "string",
        "target (path to the plan target), observed, projection (linear trend), goal_2035",
        allowed=("target", "observed", "projection", "goal_2035"),
    ),
}


def _column(name: str) -> pa.Column:
    spec = FIELDS[name]
    checks = []
    if spec.allowed is not None:
        checks.append(pa.Check.isin(list(spec.allowed)))
    if spec.min_value is not None:
        checks.append(pa.Check.ge(spec.min_value))
    if spec.max_value is not None:
        checks.append(pa.Check.le(spec.max_value))
    return pa.Column(
        spec.dtype, checks=checks, nullable=spec.nullable, description=spec.description
    )


# The target columns every per-target analysis frame starts with (provenance included).
TARGET_CONTEXT_COLUMNS: tuple[str, ...] = (
    "target_id",
    "doc_id",
    "region_zh",
    "region_level",
    "province_zh",
    "indicator_id",
    "indicator_zh",
    "indicator_en",
    "theme",
    "direction",
    "kind",
    "comparator",
    "target_value",
    "unit",
    "target_year",
    "baseline_year",
    "scope_zh",
    "aspirational",
    "quote",
    "char_start",
    "char_end",
)

TABLES: dict[str, tuple[str, ...]] = {
    "documents": (
        "doc_id",
        "file",
        "title_zh",
        "region_zh",
        "region_en",
        "region_level",
        "parent_region_zh",
        "province_zh",
        "issuer_zh",
        "issue_date",
        "doc_number",
        "default_target_year",
        "metadata_source",
        "format",
        "encoding",
        "sha256",
        "n_chars",
    ),
    "targets": (
        "target_id",
        "doc_id",
        "region_zh",
        "region_level",
        "indicator_id",
        "indicator_zh",
        "indicator_en",
        "theme",
        "value",
        "unit",
        "comparator",
        "kind",
        "target_year",
        "baseline_year",
        "scope_zh",
        "aspirational",
        "year_inferred",
        "quote",
        "char_start",
        "char_end",
    ),
    "milestones": (
        "milestone_id",
        "doc_id",
        "region_zh",
        "region_level",
        "commitment_zh",
        "target_year",
        "aspirational",
        "year_inferred",
        "quote",
        "char_start",
        "char_end",
    ),
    # reference and analysis tables
    "benchmarks": (
        "line",
        "level",
        "region_zh",
        "indicator_zh",
        "indicator_id",
        "indicator_en",
        "theme",
        "direction",
        "indicator_match",
        "value",
        "unit",
        "comparator",
        "kind",
        "is_cumulative",
        "target_year",
        "baseline_year",
        "is_value_quoted",
        "note",
        "source_title",
        "doc_number",
        "source",
        "quote",
    ),
    "observations": (
        "line",
        "region_zh",
        "region_level",
        "indicator_zh",
        "indicator_id",
        "indicator_en",
        "theme",
        "direction",
        "indicator_match",
        "year",
        "value",
        "unit",
        "measure",
        "baseline_year",
        "is_proxy",
        "is_value_quoted",
        "note",
        "source_title",
        "doc_number",
        "source",
        "quote",
    ),
    "target_benchmarks": (
        *TARGET_CONTEXT_COLUMNS,
        "benchmark_level",
        "benchmark_region_zh",
        "benchmark_indicator_zh",
        "benchmark_value",
        "benchmark_unit",
        "benchmark_kind",
        "benchmark_comparator",
        "benchmark_target_year",
        "is_comparable",
        "comparability_note",
        "ambition",
        "source_title",
        "doc_number",
        "source",
        "source_quote",
        "source_line",
    ),
    "target_gaps": (
        *TARGET_CONTEXT_COLUMNS,
        "province_benchmark_value",
        "province_benchmark_count",
        "province_benchmark_note",
        "province_source_title",
        "province_source",
        "province_source_quote",
        "ambition_vs_province",
        "country_benchmark_value",
        "country_benchmark_count",
        "country_benchmark_note",
        "country_source_title",
        "country_source",
        "country_source_quote",
        "ambition_vs_country",
        "observed_value",
        "observation_year",
        "observation_count",
        "observation_source_title",
        "observation_source",
        "observation_source_quote",
        "observation_note",
        "is_observation_proxy",
        "remaining_gap",
        "years_left",
        "needed_yearly_progress",
        "seen_yearly_progress",
        "status",
        "status_note",
    ),
    "region_comparison": (
        "indicator_id",
        "indicator_zh",
        "indicator_en",
        "theme",
        "region_zh",
        "region_level",
        "origin",
        "has_target",
        "value",
        "unit",
        "kind",
        "comparator",
        "target_year",
        "scope_zh",
        "aspirational",
        "is_comparable",
        "comparability_note",
        "reference_kind",
        "reference_target_year",
        "reference_unit",
        "target_id",
        "doc_id",
        "quote",
        "char_start",
        "char_end",
        "source_title",
        "doc_number",
        "source",
        "source_quote",
    ),
    "trajectories": (
        "target_id",
        "region_zh",
        "region_level",
        "indicator_id",
        "indicator_zh",
        "indicator_en",
        "kind",
        "target_value",
        "target_year",
        "year",
        "series",
        "value",
        "unit",
        "status",
        "doc_id",
        "quote",
        "char_start",
        "char_end",
        "source_title",
        "source",
        "source_quote",
    ),
    "milestones_timeline": (
        "milestone_id",
        "doc_id",
        "region_zh",
        "region_level",
        "province_zh",
        "target_year",
        "commitment_zh",
        "aspirational",
        "year_inferred",
        "quote",
        "char_start",
        "char_end",
    ),
}

UNIQUE_KEYS = {"documents": ["doc_id"], "targets": ["target_id"], "milestones": ["milestone_id"]}


def schema(table: str) -> pa.DataFrameSchema:
    """The pandera schema of a declared table: exactly its columns, in order."""
    columns = {name: _column(name) for name in TABLES[table]}
    return pa.DataFrameSchema(
        columns, strict=True, ordered=True, unique=UNIQUE_KEYS.get(table), name=table, coerce=True
    )


def empty_table(table: str) -> pd.DataFrame:
    """An empty frame with the table's columns and dtypes (for a corpus with no targets)."""
    return pd.DataFrame({c: pd.Series(dtype=FIELDS[c].dtype) for c in TABLES[table]})


def validate(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Check `df` against the declared schema; return it coerced to the declared dtypes."""
    try:
        return schema(table).validate(df, lazy=True)
    except (pa.errors.SchemaErrors, pa.errors.SchemaError) as exc:
        cases = getattr(exc, "failure_cases", None)
        detail = cases.head(10).to_string() if cases is not None else str(exc)
        raise SchemaError(f"table {table!r} does not match its schema:\n{detail}") from exc


def describe(table: str) -> pd.DataFrame:
    """The field dictionary of one table, as a frame (column, type, meaning, allowed values)."""
    rows = []
    for name in TABLES[table]:
        spec = FIELDS[name]
        rows.append(
            {
                "column": name,
                "type": spec.dtype,
                "meaning": spec.description,
                "allowed": "|".join(map(str, spec.allowed)) if spec.allowed else "",
                "nullable": spec.nullable,
            }
        )
    return pd.DataFrame(rows)
