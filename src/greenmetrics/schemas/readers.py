"""What a reader sees of the tables: for each reader table (a workbook sheet, a table a notebook
shows), the declared table its rows come from and the columns shown, in order; and which
columns name a region or hold a unit, which a reader's language renders.

Declared once, beside the tables: the workbook (`workbook.reader_tables`), the notebooks' tables
(`views.reader_table`) and `views.in_language` read them from here. A column's header in Chinese
and English is its `column` word in data/words.csv (the one vocabulary); a test checks that every
column declared here has both.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import SchemaError
from . import TABLES


@dataclass(frozen=True)
class ReaderTable:
    """The columns of `source` (a declared table) a reader sees, in order. `joined`: other
    declared tables a shown column may come from (a verdict set beside the gaps).

    Where `indicator_en` is listed it is not shown: it gives the indicator column its English
    words (`views.in_language`)."""

    name: str
    description: str
    source: str
    columns: tuple[str, ...]
    joined: tuple[str, ...] = ()

    def unknown_columns(self) -> list[str]:
        """Listed columns that none of its tables declares (empty when the declaration holds)."""
        known = {c for t in (self.source, *self.joined) for c in TABLES[t].columns}
        return [c for c in self.columns if c not in known]


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_READER_TABLE_LIST = (
    # -- workbook sheets ------------------------------------------------------------------------
    ReaderTable(
        "region_scorecard",
        "a region's scorecard sheet: the target, the verdict, what it rests on, and where each "
        "number comes from (the full frame has 50 columns)",
        "scorecard",
        _names(
            "indicator_zh comparator target_value unit kind baseline_year target_year "
            "observed_value observation_year verdict verdict_note context_region_zh "
            "context_value context_year province_benchmark_value country_benchmark_value quote "
            "char_start char_end doc_id target_id observation_source_title "
            "observation_source_quote context_source_title context_source_quote"
        ),
    ),
    ReaderTable(
        "gaps",
        "the gaps sheet: the target, each benchmark with its gap and why it does not compare, the "
        "observation and the progress, then the provenance (not the codes, counts and links of "
        "the full frame)",
        "target_gaps",
        _names(
            "region_zh region_level indicator_zh kind comparator target_value unit target_year "
            "baseline_year scope_zh aspirational province_benchmark_value ambition_vs_province "
            "province_benchmark_note country_benchmark_value ambition_vs_country "
            "country_benchmark_note observed_value observation_year observation_note "
            "remaining_gap years_left needed_yearly_progress seen_yearly_progress status "
            "status_note quote char_start char_end doc_id target_id province_source_title "
            "province_source_quote country_source_title country_source_quote "
            "observation_source_title observation_source_quote"
        ),
    ),
    ReaderTable(
        "observations",
        "the observations sheet: what was observed, whether it judges targets and why not, then "
        "where it comes from",
        "joined_observations",
        _names(
            "origin region_zh indicator_zh year value unit comparator measure baseline_year "
            "scope_zh is_used use_note used_instead source_title doc_number source quote note "
            "doc_id char_start char_end observation_id"
        ),
    ),
    # -- tables the notebooks show --------------------------------------------------------------
    ReaderTable(
        "target_provenance",
        "notebook 01: each target with the document, clause and offsets it comes from",
        "targets",
        _names(
            "region_zh indicator_zh indicator_en value unit comparator kind target_year doc_id "
            "quote char_start char_end"
        ),
    ),
    ReaderTable(
        "conflicts",
        "notebook 02: sources that disagree, the value used and the rule that chose it",
        "observation_conflicts",
        _names(
            "region_zh indicator_zh indicator_en year used_value used_origin used_source_title "
            "other_value other_origin other_source_title conflict_note"
        ),
    ),
    ReaderTable(
        "gap_progress",
        "notebook 02: each observed target's remaining gap, the progress it needs and the "
        "progress seen, its status and its verdict",
        "target_gaps",
        _names(
            "region_zh indicator_zh indicator_en target_value unit target_year observed_value "
            "observation_year remaining_gap needed_yearly_progress seen_yearly_progress status "
            "verdict"
        ),
        joined=("scorecard",),
    ),
    ReaderTable(
        "not_comparable",
        "notebook 03: the focus regions' targets that do not compare with the others, and why",
        "region_comparison",
        _names(
            "indicator_zh indicator_en region_zh value unit kind target_year comparability_note "
            "quote"
        ),
    ),
)
READER_TABLES: dict[str, ReaderTable] = {t.name: t for t in _READER_TABLE_LIST}

# Columns naming a region, and columns holding a unit: in English a reader sees 'Gansu' and
# '10k mu' (the documents sheet keeps region_zh beside its own region_en).
REGION_COLUMNS = frozenset(
    ("region_zh", "province_zh", "parent_region_zh", "benchmark_region_zh", "context_region_zh")
)
UNIT_COLUMNS = frozenset(("unit", "reference_unit", "benchmark_unit"))


def reader_columns(name: str) -> tuple[str, ...]:
    """The columns of the reader table `name`, in the order a reader sees them; a SchemaError
    naming the declared reader tables for a typo."""
    try:
        return READER_TABLES[name].columns
    except KeyError:
        known = ", ".join(READER_TABLES)
        raise SchemaError(f"no reader table {name!r}; declared: {known}") from None
