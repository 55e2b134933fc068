"""How the observation tables narrow the field dictionary: the observations the extraction
writes, the one joined observation table of the analysis (curated and extracted rows) and the
conflicts between their sources."""

from __future__ import annotations

from .fields import YEAR, Field, optional_fields
from .vocabularies import COMPARATORS, MEASURES, OBSERVATION_KINDS, ORIGINS

# How the observations table (data/processed) narrows the dictionary's fields.
OBSERVATION_FIELDS: dict[str, Field] = {
    "region_zh": Field(
        "string", "region the value belongs to: the document's, or the one the clause names"
    ),
    "division_code": Field(
        "string", "GB/T 2260 code of region_zh; 000000 for 全国; empty if unknown", True
    ),
    "value": Field("float64", "the number as written (a fall stays positive, see kind)"),
    "comparator": Field(
        "string",
        "eq 为/达到; ge 超过/以上; le 不足/以下; approx 近/约/左右",
        allowed=COMPARATORS,
    ),
    "kind": Field(
        "string",
        "level a state in a year (占比达到/为 X); change over a period (比上年下降, 新增, "
        "累计); the indicator keeps the direction of a change (…下降, …增长)",
        allowed=OBSERVATION_KINDS,
    ),
    "year": Field("Int64", "year the value refers to; for a change the end year", **YEAR),
    "baseline_year": Field(
        "Int64",
        "for a change, the year it is measured from (比上年: the year before; 十三五 "
        "/ 比2015年: 2015); empty for a level",
        nullable=True,
        **YEAR,
    ),
    "quote": Field("string", "the clause holding the value, exactly as in the decoded document"),
}


# How the joined observation table narrows the dictionary: a curated row has a CSV line and
# no document, an extracted row a document and offsets but no line.
JOINED_OBSERVATION_FIELDS = {
    "observation_id": Field(
        "string", "stable id: the extraction's (O...) or curated:<line of data/reference>"
    ),
    "origin": Field(
        "string",
        "curated: a row of data/reference/observations.csv; extracted: read from a document",
        allowed=ORIGINS,
    ),
    **optional_fields("line", "line of a curated row in its CSV; empty for an extracted row"),
    **optional_fields("doc_id", "the document an extracted row was read from; empty if curated"),
    **optional_fields("doc_kind region_level"),
    "region_zh": OBSERVATION_FIELDS["region_zh"],
    "indicator_zh": Field("string", "indicator as the source words it"),
    "baseline_year": OBSERVATION_FIELDS["baseline_year"],
    "scope_zh": Field("string", "sub-area or subset the value is limited to", nullable=True),
    "source_title": Field(
        "string", "curated: title and publisher of the source; extracted: the document's title"
    ),
    "value": Field("float64", "the number; a change signed (negative = a fall)"),
    "comparator": Field(
        "string", "as the document words it; eq for a curated row", allowed=COMPARATORS
    ),
    "measure": Field(
        "string",
        "level the value itself; yearly_change the change on the previous year (an extracted "
        "change with baseline_year the year before); cumulative_change the change since "
        "baseline_year",
        allowed=MEASURES,
    ),
    "quote": Field("string", "the clause holding the value (extracted: as in the document)"),
    "source": Field("string", "URL (curated) or file read (extracted)", nullable=True),
    **optional_fields("char_start char_end", "offset of quote in an extracted row's document"),
}

# The conflicts between sources: the cell, then the value used and the other, side by side.
CONFLICT_COLUMNS = (
    "region_zh", "region_level", "indicator_id", "indicator_zh", "indicator_en", "year",
    "measure", "baseline_year",
    *(f"{side}_{c}" for side in ("used", "other") for c in (
        "observation_id", "origin", "value", "unit", "comparator", "source_title", "source",
        "quote")),
    "conflict_note",
)  # fmt: skip
CONFLICT_FIELDS = {
    c: JOINED_OBSERVATION_FIELDS[c]
    for c in ("region_zh", "region_level", "indicator_zh", "measure", "baseline_year")
}
