"""Column meanings, declared once, and every table built from them.

The field dictionary (`FIELDS`, in `schemas.fields`) gives each column its type, meaning and allowed values; a
`Table` lists its columns in order, overrides a field where the table means something narrower
or looser (the `value` of a comparison row may be empty: a region without a target), and
declares its unique key and sort order. Every CSV the project reads or writes is declared here:
the tables it writes (data/processed), the analysis frames, and the files people curate by hand
(the manifest, the indicator catalog, the reference data, overrides). The pandera schemas, the
workbook's 'fields' sheet and docs/tables.md are all generated from these
declarations, so none of them can drift from the others.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd
import pandera.pandas as pa

from ..errors import SchemaError
from .coded import with_code_columns
from .fields import FIELDS, Field, benchmark_fields, optional_fields
from .observation_fields import (
    CONFLICT_COLUMNS,
    CONFLICT_FIELDS,
    JOINED_OBSERVATION_FIELDS,
    OBSERVATION_FIELDS,
)
from .vocabularies import (
    BINDINGS,
    COMPARATORS,
    DIRECTIONS,
    DOC_KINDS,
    GENRES,
    KINDS,
    MEASURES,
    OBSERVATION_KINDS,
    ORIGINS,
    POLICY_WORD_ROLES,
    RATE_UNITS,
    REVIEW_CATEGORIES,
    THEMES,
    YEAR_MAX,
    YEAR_MIN,
)

# The vocabularies are part of what this module declares: importers take them from here.
__all__ = [
    "BINDINGS", "COMPARATORS", "DIRECTIONS", "DOC_KINDS", "FIELDS", "GENRES", "KINDS", "MEASURES", "OBSERVATION_KINDS",
    "ORIGINS",
    "POLICY_WORD_ROLES",
    "PROCESSED_TABLES", "RATE_UNITS", "REVIEW_CATEGORIES", "TABLES", "TARGET_CONTEXT_COLUMNS",
    "THEMES", "YEAR_MAX", "YEAR_MIN",
    "Field", "Table", "check", "columns", "data_dictionary_markdown", "describe", "empty_table",
    "markdown", "schema", "sort_rows", "table", "validate",
]  # fmt: skip


@dataclass(frozen=True)
class Table:
    """A table the project reads or writes: its columns in order, where fields differ from the
    dictionary for this table, its unique key and its canonical row order.

    `required` is for curated CSVs: the columns a file must have (the others may be left out).
    `sort_by` columns whose field has `allowed` values sort in that declared order."""

    name: str
    description: str
    columns: tuple[str, ...]
    fields: Mapping[str, Field] = field(default_factory=dict)
    unique: tuple[str, ...] = ()
    sort_by: tuple[str, ...] = ()
    empty_first: bool = False  # where empty sort cells go: first, or last (the default)
    required: tuple[str, ...] | None = None
    extra_columns: bool = False  # a curated file may hold columns of its own (ignored)
    file: str | None = None  # where the table lives, for messages and docs/tables.md
    prose_notes: tuple[str, ...] = ()  # note columns that may hold a message without code

    def field(self, column: str) -> Field:
        """The meaning of `column` in this table (the dictionary's, unless overridden)."""
        return self.fields.get(column) or FIELDS[column]


def _names(text: str) -> tuple[str, ...]:
    """Column names written as one string, in order: the tables below stay readable."""
    return tuple(text.split())


# The latest observation of a target and where it comes from: the gaps and the scorecard.
# A larger region's observation shown beside a target its own region has not observed.
_CONTEXT_COLUMNS = (
    "context_region_zh",
    "context_value",
    "context_year",
    "context_source_title",
    "context_source",
    "context_source_quote",
)
_OBSERVATION_COLUMNS = _names(
    "observed_value observation_year observation_count observation_source_title "
    "observation_source observation_source_quote observation_note is_observation_proxy "
    "observation_origin"
)


# The target columns every per-target analysis frame starts with (provenance included).
TARGET_CONTEXT_COLUMNS = _names(
    "target_id doc_id region_zh region_level province_zh indicator_id indicator_zh "
    "indicator_en theme direction kind comparator target_value unit target_year "
    "baseline_year scope_zh aspirational quote char_start char_end"
)
# What a loaded reference row takes from the catalog, and how the id was found.
_MAPPED_INDICATOR = ("indicator_id", "indicator_en", "theme", "direction", "indicator_match")
_REFERENCE_SOURCE = ("source_title", "doc_number", "source", "quote")
_PER_TARGET_ORDER = ("doc_id", "char_start", "target_id")
_DOCUMENT_METADATA = _names(
    "title_zh region_zh region_en region_level division_code parent_region_zh province_zh "
    "issuer_zh issue_date doc_number doc_kind genre"
)

_TABLE_LIST = (
    # -- written by the extraction (data/processed) ---------------------------------------------
    Table(
        "documents",
        "one row per plan read: region, level, issuer, date, document number, file facts",
        (
            "doc_id",
            "file",
            *_DOCUMENT_METADATA,
            "report_year",
            "default_target_year",
            "metadata_source",
            "format",
            "encoding",
            "sha256",
            "n_chars",
        ),  # fmt: skip
        unique=("doc_id",),
        sort_by=("doc_id",),
        file="data/processed/documents.csv",
    ),
    Table(
        "targets",
        "one row per quantitative target, with the clause it comes from and its offsets",
        _names(
            "target_id doc_id region_zh region_level indicator_id indicator_zh indicator_en "
            "theme value unit comparator kind target_year baseline_year baseline_value scope_zh "
            "aspirational binding year_inferred quote char_start char_end"
        ),
        unique=("target_id",),
        sort_by=("doc_id", "char_start", "char_end", "target_id"),
        file="data/processed/targets.csv",
    ),
    Table(
        "milestones",
        "dated commitments without a number (全覆盖, 基本普及, 清零 ...)",
        _names(
            "milestone_id doc_id region_zh region_level commitment_zh target_year "
            "aspirational year_inferred quote char_start char_end"
        ),
        unique=("milestone_id",),
        sort_by=("doc_id", "char_start", "milestone_id"),
        file="data/processed/milestones.csv",
    ),
    Table(
        "observations",
        "one row per measured value a document states (a bulletin's figure, a plan's review of "
        "the last period): the region, year and kind it refers to, with its clause and offsets",
        _names(
            "observation_id doc_id region_zh division_code indicator_zh indicator_id value "
            "unit comparator year kind baseline_year scope_zh quote char_start char_end"
        ),
        fields=OBSERVATION_FIELDS,
        unique=("observation_id",),
        sort_by=("doc_id", "char_start", "char_end", "observation_id"),
        file="data/processed/observations.csv",
    ),
    Table(
        "review",
        "what to check before a number reaches a report",
        ("doc_id", "category", "target_id", "text", "quote", "char_start", "char_end", "note"),
        fields={
            **optional_fields("doc_id", description="the plan; empty for a problem of the run"),
            **optional_fields("target_id quote char_start char_end"),
            "note": Field("string", "why it is listed and what to do", nullable=True),
        },
        sort_by=("category", "doc_id", "char_start"),
        empty_first=True,
        file="data/processed/review.csv",
        prose_notes=("note",),
    ),
    # -- curated by hand, read and checked on load ---------------------------------------------
    Table(
        "manifest",
        "metadata of the plans in a folder, one row per file (overrides detection)",
        ("file", *_DOCUMENT_METADATA, "completeness", "source"),
        fields={
            **optional_fields("region_level region_zh"),  # a row without them is skipped, named
            **optional_fields(
                "doc_kind", "what the document is (detected from title and issuer when empty)"
            ),
            **optional_fields(
                "genre", "the genre its title names (read from the title when empty)"
            ),
            "source": Field("string", "where the plan was published (URL)", nullable=True),
        },
        required=("file", "region_zh", "region_level"),
        extra_columns=True,  # users keep notes and links of their own beside the metadata
        file="data/raw/documents.csv",
    ),
    Table(
        "catalog",
        "the indicator catalog: canonical indicators and the phrases plans use for them",
        _names("indicator_id name_zh aliases_zh name_en unit direction theme description_en"),
        fields={
            "indicator_id": Field("string", "canonical indicator id (snake_case)"),
            "unit": Field("string", "the unit targets of the indicator usually take", True),
            "direction": Field("string", "which way is better", allowed=DIRECTIONS),
            "theme": Field("string", "theme of the indicator", allowed=THEMES),
        },
        unique=("indicator_id",),
        required=_names(
            "indicator_id name_zh aliases_zh name_en unit direction theme description_en"
        ),
        file="src/greenmetrics/data/indicators.csv",
    ),
    Table(
        "gazetteer",
        "China's administrative divisions (GB/T 2260): every province, prefecture and county, "
        "with its level, the division above it and its short names; generated by "
        "scripts/update_gazetteer.py, see src/greenmetrics/data/README.md for its source; "
        "region_en is the pinyin of the name with the kind of division (Linxia Autonomous "
        "Prefecture)",
        _names("division_code region_zh region_level parent_code short_names_zh region_en"),
        fields={
            "division_code": Field("string", "GB/T 2260 code of the division (6 digits)"),
            "region_zh": Field("string", "official name of the division"),
            "region_level": Field(
                "string", "level of the division", allowed=("province", "prefecture", "county")
            ),
        },
        unique=("division_code",),
        required=_names("division_code region_zh region_level parent_code"),
        file="src/greenmetrics/data/gazetteer.csv",
    ),
    Table(
        "policy_words",
        "the words of policy language the extractor reads, one per row, by role, in the order "
        "its patterns try them (longer words first where one contains another)",
        ("role", "word", "note"),
        fields={"note": Field("string", "what the role means, or why the word is listed", True)},
        unique=("role", "word"),
        required=("role", "word"),
        file="src/greenmetrics/data/policy_words.csv",
    ),
    Table(
        "reference_benchmarks",
        "national and provincial targets copied from their sources, each with its quote",
        _names(
            "level region_zh indicator_zh indicator_id value unit comparator kind target_year "
            "baseline_year source_title doc_number source quote note"
        ),
        fields={
            # NOTE: the sources word a stock built up to the year as its own kind (累计建成);
            # on load it becomes `level` with is_cumulative set.
            "kind": Field(
                "string",
                "level, increment, reduction or cumulative (a stock built up to the year)",
                allowed=(*KINDS, "cumulative"),
            ),  # fmt: skip
            **optional_fields("indicator_id unit doc_number"),
        },
        required=_names(
            "level region_zh indicator_zh value unit comparator kind target_year source_title quote"
        ),
        file="data/reference/benchmarks.csv",
    ),
    Table(
        "reference_observations",
        "observed values copied from statistical sources, each with its quote",
        _names(
            "region_zh region_level indicator_zh indicator_id year value unit measure "
            "baseline_year is_proxy note source_title doc_number source quote"
        ),
        fields=optional_fields("indicator_id unit measure is_proxy doc_number"),
        required=_names("region_zh region_level indicator_zh year value unit source_title quote"),
        file="data/reference/observations.csv",
    ),
    Table(
        "overrides",
        "researchers' corrections applied after every extraction",
        _names(
            "action target_id doc_id quote char_start indicator_zh indicator_id value unit "
            "comparator kind target_year baseline_year scope_zh aspirational note"
        ),
        fields=optional_fields(
            "target_id doc_id quote char_start indicator_zh value comparator kind target_year "
            "aspirational"
        ),
        required=("action",),
        file="data/raw/overrides.csv",
    ),
    # -- reference data as loaded, and the analysis frames --------------------------------------
    Table(
        "benchmarks",
        "the benchmarks as loaded: mapped to the catalog, kinds normalised",
        (
            "line",
            "level",
            "region_zh",
            "indicator_zh",
            *_MAPPED_INDICATOR,
            "value",
            "unit",
            "comparator",
            "kind",
            "is_cumulative",
            "target_year",
            "baseline_year",
            "is_value_quoted",
            "note",
            *_REFERENCE_SOURCE,
        ),  # fmt: skip
    ),
    Table(
        "curated_observations",
        "the curated observations (data/reference) as loaded: mapped to the catalog",
        (
            "line",
            "region_zh",
            "region_level",
            "indicator_zh",
            *_MAPPED_INDICATOR,
            "year",
            "value",
            "unit",
            "measure",
            "baseline_year",
            "is_proxy",
            "is_value_quoted",
            "note",
            *_REFERENCE_SOURCE,
        ),
    ),
    Table(
        "joined_observations",
        "the one observation table of the analysis: the curated rows (data/reference) and the "
        "rows the extraction read from documents, each with its source; a change signed "
        "(negative = a fall), whether it judges targets and why not",
        _names(
            "observation_id origin line doc_id doc_kind region_zh region_level indicator_zh "
            f"{' '.join(_MAPPED_INDICATOR)} year value unit comparator measure baseline_year "
            "scope_zh is_proxy is_value_quoted is_used use_note used_instead note "
            f"{' '.join(_REFERENCE_SOURCE)} char_start char_end"
        ),
        fields=JOINED_OBSERVATION_FIELDS,
        unique=("observation_id",),
        sort_by=("origin", "line", "doc_id", "char_start", "observation_id"),
    ),
    Table(
        "observation_conflicts",
        "two sources giving different values for one region, indicator, year and measure: "
        "both values and sources, the one used and the rule that chose it",
        CONFLICT_COLUMNS,
        fields=CONFLICT_FIELDS,
        sort_by=("region_zh", "indicator_id", "year", "measure"),
    ),
    Table(
        "target_benchmarks",
        "every target beside every benchmark of its indicator above its region",
        (
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
        ),  # fmt: skip
        fields=optional_fields("source_title"),  # empty for a target without a benchmark
        sort_by=_PER_TARGET_ORDER,
    ),
    Table(
        "target_gaps",
        "one row per target: benchmarks, latest observation, gap and progress needed",
        (
            *TARGET_CONTEXT_COLUMNS,
            *(c for level in ("province", "country") for c in benchmark_fields(level, "")),
            *_OBSERVATION_COLUMNS,
            "remaining_gap",
            "years_left",
            "needed_yearly_progress",
            "seen_yearly_progress",
            "status",
            "status_note",
        ),  # fmt: skip
        sort_by=_PER_TARGET_ORDER,
    ),
    Table(
        "scorecard",
        "per region, each target beside its latest observation, its verdict and the comparable "
        "province and national benchmarks",
        (
            *TARGET_CONTEXT_COLUMNS,
            "as_of_year",
            "verdict",
            "verdict_note",
            *_OBSERVATION_COLUMNS,
            "status",
            *_CONTEXT_COLUMNS,
            *(c for level in ("province", "country") for c in benchmark_fields(level, "")),
        ),  # fmt: skip
        unique=("target_id",),
        # NOTE: no sort_by: rows come region by region, the regions asked for first.
    ),
    Table(
        "region_comparison",
        "one indicator side by side across regions, plans and benchmarks",
        _names(
            "indicator_id indicator_zh indicator_en theme region_zh region_level origin "
            "has_target value unit kind comparator target_year scope_zh aspirational "
            "is_comparable comparability_note reference_kind reference_target_year "
            "reference_unit target_id doc_id quote char_start char_end source_title "
            "doc_number source source_quote"
        ),
        # A region whose plan sets no target for the indicator has a row without one.
        fields=optional_fields(
            "value kind comparator target_year aspirational target_id doc_id quote char_start "
            "char_end region_level source_title"
        ),
    ),
    Table(
        "trajectories",
        "per target: the path from the baseline, observed points, projection, 2035 goal",
        _names(
            "target_id region_zh region_level indicator_id indicator_zh indicator_en kind "
            "target_value target_year year series value unit verdict doc_id quote char_start "
            "char_end source_title source source_quote observation_note"
        ),
        fields=optional_fields("source_title"),  # points of the plan itself have no reference
    ),
    Table(
        "milestones_timeline",
        "the dated qualitative commitments in time order",
        _names(
            "milestone_id doc_id region_zh region_level province_zh target_year commitment_zh "
            "aspirational year_inferred quote char_start char_end"
        ),
    ),
)
TABLES: dict[str, Table] = {t.name: with_code_columns(t) for t in _TABLE_LIST}
# The tables the extraction writes to data/processed, in the order it writes them.
PROCESSED_TABLES = ("documents", "targets", "milestones", "observations", "review")


def table(name: str) -> Table:
    """The declaration of a table; a SchemaError naming the known tables for a typo."""
    try:
        return TABLES[name]
    except KeyError:
        raise SchemaError(f"no table {name!r}; declared: {', '.join(TABLES)}") from None


def columns(name: str) -> tuple[str, ...]:
    """The columns of a declared table, in order."""
    return table(name).columns


def _column(spec: Field) -> pa.Column:
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


def schema(name: str) -> pa.DataFrameSchema:
    """The pandera schema of a declared table: exactly its columns, in order."""
    t = table(name)
    return pa.DataFrameSchema(
        {c: _column(t.field(c)) for c in t.columns},
        strict=True,
        ordered=True,
        unique=list(t.unique) or None,
        name=name,
        coerce=True,
    )


def empty_table(name: str) -> pd.DataFrame:
    """An empty frame with the table's columns and dtypes (for a corpus with no targets)."""
    t = table(name)
    return pd.DataFrame({c: pd.Series(dtype=t.field(c).dtype) for c in t.columns})


def validate(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Check `df` against the declared schema; return it coerced to the declared dtypes."""
    try:
        return schema(name).validate(df, lazy=True)
    except (pa.errors.SchemaErrors, pa.errors.SchemaError) as exc:
        cases = getattr(exc, "failure_cases", None)
        detail = cases.head(10).to_string() if cases is not None else str(exc)
        raise SchemaError(f"table {name!r} does not match its schema:\n{detail}") from exc


def sort_rows(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Rows in the table's canonical order (stable, so ties keep their order); a coded column
    sorts in the order its values are declared (review categories: problems first)."""
    t = table(name)
    if not t.sort_by or df.empty:
        return df.reset_index(drop=True)
    keys = {}
    for column in t.sort_by:
        allowed = t.field(column).allowed
        if allowed is not None and t.field(column).dtype == "string":
            keys[column] = pd.Categorical(df[column], categories=allowed, ordered=True)
    ordered = df.assign(**keys) if keys else df
    na_position = "first" if t.empty_first else "last"
    index = ordered.sort_values(list(t.sort_by), kind="mergesort", na_position=na_position).index
    return df.loc[index].reset_index(drop=True)


def check(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """`df` validated against its declaration and in its canonical row order: what every
    writer calls just before a table leaves the program."""
    return sort_rows(validate(df, name), name)


def describe(name: str) -> pd.DataFrame:
    """The field dictionary of one table, as a frame (column, type, meaning, allowed values)."""
    t = table(name)
    rows = []
    for column in t.columns:
        spec = t.field(column)
        rows.append(
            {
                "column": column,
                "type": spec.dtype,
                "meaning": spec.description,
                "allowed": "|".join(map(str, spec.allowed)) if spec.allowed else "",
                "nullable": spec.nullable,
            }
        )
    return pd.DataFrame(rows)


def markdown(name: str) -> str:
    """The column table of a declared table in Markdown, as docs/tables.md shows it."""
    t = table(name)
    lines = ["| column | type | meaning |", "| --- | --- | --- |"]
    for column in t.columns:
        spec = t.field(column)
        meaning = spec.description
        if spec.allowed is not None:
            meaning += "; one of " + ", ".join(f"`{v}`" for v in spec.allowed)
        if spec.min_value is not None and spec.max_value is not None:
            meaning += f"; {spec.min_value:g} to {spec.max_value:g}"
        elif spec.min_value is not None:
            meaning += f"; at least {spec.min_value:g}"
        if t.required is not None and column in t.required:
            meaning += " (required)"
        elif spec.nullable:
            meaning += " (may be empty)"
        lines.append(f"| `{column}` | {spec.dtype} | {meaning.replace('|', '/')} |")
    return "\n".join(lines) + "\n"


def data_dictionary_markdown() -> str:
    """docs/tables.md: every declared table with its file, purpose and column table."""
    parts = [
        "# Tables and their columns\n",
        "Generated from `src/greenmetrics/schemas/` by `python3 scripts/update_docs.py`; "
        "a test fails when this file and the declarations disagree.\n",
    ]
    for name, t in TABLES.items():
        where = f" (`{t.file}`)" if t.file else ""
        extra = " Other columns of its own are allowed and ignored." if t.extra_columns else ""
        parts.append(f"## {name}{where}\n\n{t.description[0].upper()}{t.description[1:]}.{extra}\n")
        parts.append(markdown(name))
    return "\n".join(parts)
