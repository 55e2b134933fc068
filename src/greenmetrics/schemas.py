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
