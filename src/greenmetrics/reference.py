"""Curated reference data: national/provincial benchmarks and observed values, sourced row by row.

`data/reference/benchmarks.csv` holds targets set above the plans' regions (the country, the
province) and `data/reference/observations.csv` holds observed values (statistical bulletins,
ministry statements). Both are CSV that a researcher edits in a spreadsheet, so both are
validated on load: every problem raises `InputError(path, problem, line=N)` naming the CSV line
(the header is line 1). Every row must carry its source (title plus document number or URL) and
the verbatim quote that holds the number; a number without a quote is refused.

Indicators are written as the source words them (`indicator_zh`) and mapped through the indicator
catalog at load time, so a user adding a row needs no ids. An optional `indicator_id` column, when
filled, wins over the catalog match. Rows the catalog cannot map are kept with an empty
`indicator_id` (`indicator_match` = "unmapped") and listed by `list_unmapped`.
"""

from __future__ import annotations

import csv
import io
import logging
import math
import unicodedata
from pathlib import Path
from typing import Any

import pandas as pd

from . import paths
from .errors import InputError
from .schemas import COMPARATORS, FIELDS, KINDS, REGION_LEVELS, TABLES, validate

log = logging.getLogger(__name__)

BENCHMARKS_NAME = "benchmarks.csv"
OBSERVATIONS_NAME = "observations.csv"

COUNTRY_ZH = "全国"
BENCHMARK_LEVELS = FIELDS["level"].allowed
# NOTE: 累计建成 (a stock built up to the target year) is its own kind in the reference files, as
# the source words it; on load it becomes kind "level" with is_cumulative set, because the plans'
# `level` already means "a state reached (a rate, share, stock or count)".
REFERENCE_KINDS = (*KINDS, "cumulative")
# How an observation row measures its indicator: the level itself, the change on the previous
# year (-2.7 = fell 2.7%), or the change accumulated since `baseline_year`.
MEASURES = FIELDS["measure"].allowed
YEAR_MIN, YEAR_MAX = 2000, 2100

BENCHMARK_REQUIRED = (
    "level",
    "region_zh",
    "indicator_zh",
    "value",
    "unit",
    "comparator",
    "kind",
    "target_year",
    "source_title",
    "quote",
)
BENCHMARK_OPTIONAL = ("indicator_id", "baseline_year", "doc_number", "source", "note")
OBSERVATION_REQUIRED = (
    "region_zh",
    "region_level",
    "indicator_zh",
    "year",
    "value",
    "unit",
    "source_title",
    "quote",
)
OBSERVATION_OPTIONAL = (
    "indicator_id",
    "measure",
    "baseline_year",
    "is_proxy",
    "note",
    "doc_number",
    "source",
)
_TRUE = ("1", "true", "yes", "y")
_FALSE = ("", "0", "false", "no", "n")


def _read_rows(path: Path, required: tuple[str, ...], optional: tuple[str, ...]) -> list[dict]:
    """The data rows of a reference CSV as dicts, each with its CSV line number under "line".

    Checks the header: every required column present, no unknown column (a typo in a header
    would otherwise silently drop the column's values).
    """
    if not path.exists():
        raise InputError(path, "not found")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text ({exc.reason}); save the CSV as UTF-8") from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise InputError(path, "empty file: expected a header line", line=1) from None
    missing = [c for c in required if c not in header]
    if missing:
        raise InputError(path, f"missing required column(s): {', '.join(missing)}", line=1)
    unknown = [c for c in header if c not in required and c not in optional]
    if unknown:
        allowed = ", ".join((*required, *optional))
        raise InputError(path, f"unknown column(s) {', '.join(unknown)}; allowed: {allowed}", 1)
    dupes = sorted({c for c in header if header.count(c) > 1})
    if dupes:
        raise InputError(path, f"column(s) named twice: {', '.join(dupes)}", line=1)
    rows = []
    end = reader.line_num
    for record in reader:
        start, end = end + 1, reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            raise InputError(
                path, f"{len(record)} fields, the header has {len(header)} (unquoted comma?)", start
            )
        row = {name: cell.strip() for name, cell in zip(header, record, strict=True)}
        for name in optional:
            row.setdefault(name, "")
        row["line"] = start
        rows.append(row)
    return rows


def _number(path: Path, row: dict, column: str) -> float:
    text = row[column]
    try:
        value = float(text)
    except ValueError:
        raise InputError(path, f"{column} {text!r} is not a number", row["line"]) from None
    if not math.isfinite(value):
        raise InputError(path, f"{column} {text!r} is not a finite number", row["line"])
    return value


def _year(path: Path, row: dict, column: str, required: bool = True) -> int | None:
    text = row[column]
    if not text:
        if required:
            raise InputError(path, f"{column} is empty", row["line"])
        return None
    try:
        year = int(float(text))
    except ValueError:
        raise InputError(path, f"{column} {text!r} is not a year", row["line"]) from None
    if year != float(text) or not YEAR_MIN <= year <= YEAR_MAX:
        raise InputError(
            path, f"{column} {text!r} is not a year in {YEAR_MIN}-{YEAR_MAX}", row["line"]
        )
    return year


def _allowed(path: Path, row: dict, column: str, allowed: tuple[str, ...]) -> str:
    value = row[column]
    if value not in allowed:
        raise InputError(
            path, f"{column} {value!r} is not one of {', '.join(allowed)}", row["line"]
        )
    return value


def _flag(path: Path, row: dict, column: str) -> bool:
    value = row[column].lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise InputError(path, f"{column} {row[column]!r} is not 0/1", row["line"])


def _check_source(path: Path, row: dict) -> None:
    """Every row names its source and quotes it: no number enters without provenance."""
    line = row["line"]
    if not row["source_title"]:
        raise InputError(path, "source_title is empty: every row must name its source", line)
    if not (row.get("doc_number") or row.get("source")):
        raise InputError(
            path, "no source: fill doc_number (e.g. 国发〔2021〕33号) or source (URL)", line
        )
    if not row["quote"]:
        raise InputError(
            path, "quote is empty: copy the sentence holding the number verbatim", line
        )


def _is_value_quoted(raw_value: str, quote: str) -> bool:
    """True when the number, as written in the CSV, appears in the quote.

    False marks values coded from words (全面建成 -> 100%), which compare only as a
    qualitative equivalent.
    """
    digits = raw_value.lstrip("+-")
    return bool(digits) and digits in unicodedata.normalize("NFKC", quote)


def _lookup(catalog: Any, indicator_id: str) -> Any | None:
    """The catalog entry of an id, or None when the catalog does not know it."""
    try:
        return catalog.get(indicator_id)
    except (KeyError, LookupError, ValueError):
        return None


def _map_indicator(path: Path, row: dict, catalog: Any) -> dict:
    """indicator_id, English name, theme, direction and how the id was found."""
    given = row.get("indicator_id", "")
    if given:
        entry = _lookup(catalog, given)
        if entry is None:
            raise InputError(
                path,
                f"indicator_id {given!r} is not in the indicator catalog; "
                "leave it empty to map indicator_zh, or add the indicator to the catalog",
                row["line"],
            )
        indicator_id, match = given, "given"
    else:
        indicator_id = catalog.match(row["indicator_zh"])
        entry = _lookup(catalog, indicator_id) if indicator_id else None
        match = "catalog" if entry is not None else "unmapped"
        if entry is None:
            indicator_id = None
    return {
        "indicator_id": indicator_id,
        "indicator_en": getattr(entry, "name_en", None) if entry is not None else None,
        "theme": getattr(entry, "theme", None) if entry is not None else None,
        "direction": getattr(entry, "direction", None) if entry is not None else None,
        "indicator_match": match,
    }


def _check_duplicates(path: Path, rows: list[dict], columns: tuple[str, ...]) -> None:
    seen: dict[tuple, int] = {}
    for row in rows:
        key = tuple(row.get(c, "") for c in columns)
        if key in seen:
            raise InputError(path, f"same row as line {seen[key]} (remove one)", row["line"])
        seen[key] = row["line"]


def _check_percent(path: Path, row: dict, value: float, low: float, what: str) -> None:
    # NOTE: plausibility, not meaning: a share or rate in % lies in 0-100 (a change may be
    # negative down to -100); units that allow more (个百分点, 万亩 ...) are not checked.
    if row["unit"] == "%" and not low <= value <= 100:
        raise InputError(
            path, f"value {row['value']} % is outside {low:g}-100 for {what}", row["line"]
        )


def _catalog(catalog: Any) -> Any:
    if catalog is not None:
        return catalog
    from .catalog import load_catalog

    return load_catalog()


def _frame(records: list[dict], table: str) -> pd.DataFrame:
    df = pd.DataFrame(records, columns=list(TABLES[table]))
    return validate(df, table)


def load_benchmarks(path: str | Path | None = None, catalog: Any = None) -> pd.DataFrame:
    """The benchmarks table: targets set at the country or province level, one row per source.

    Returns the columns of `schemas.TABLES['benchmarks']`: the CSV's columns (kind
    `cumulative` read as `level` with `is_cumulative`), the CSV line, the catalog mapping
    (indicator_id, indicator_en, theme, direction, indicator_match) and `is_value_quoted`.
    Exists so every comparison of a plan with the targets above it starts from validated,
    sourced numbers. Raises `InputError` naming the line of the first malformed row.
    """
    path = Path(path) if path is not None else paths.REFERENCE_DIR / BENCHMARKS_NAME
    catalog = _catalog(catalog)
    rows = _read_rows(path, BENCHMARK_REQUIRED, BENCHMARK_OPTIONAL)
    _check_duplicates(path, rows, (*BENCHMARK_REQUIRED, *BENCHMARK_OPTIONAL))
    records = []
    for row in rows:
        line = row["line"]
        level = _allowed(path, row, "level", BENCHMARK_LEVELS)
        if not row["region_zh"]:
            raise InputError(path, "region_zh is empty", line)
        if (level == "country") != (row["region_zh"] == COUNTRY_ZH):
            raise InputError(
                path, f"level {level!r} does not fit region_zh {row['region_zh']!r}", line
            )
        if not row["indicator_zh"]:
            raise InputError(path, "indicator_zh is empty", line)
        value = _number(path, row, "value")
        if value < 0:
            raise InputError(
                path, "value is negative: write a fall as a positive number, kind=reduction", line
            )
        _check_percent(path, row, value, 0, "a target")
        comparator = _allowed(path, row, "comparator", COMPARATORS)
        kind = _allowed(path, row, "kind", REFERENCE_KINDS)
        target_year = _year(path, row, "target_year")
        baseline_year = _year(path, row, "baseline_year", required=False)
        if kind == "reduction" and baseline_year is None:
            raise InputError(path, "a reduction needs baseline_year (the year of 较/比)", line)
        if baseline_year is not None and baseline_year >= target_year:
            raise InputError(
                path, f"baseline_year {baseline_year} is not before target_year {target_year}", line
            )
        _check_source(path, row)
        records.append(
            {
                "line": line,
                "level": level,
                "region_zh": row["region_zh"],
                "indicator_zh": row["indicator_zh"],
                **_map_indicator(path, row, catalog),
                "value": value,
                "unit": row["unit"] or None,
                "comparator": comparator,
                "kind": "level" if kind == "cumulative" else kind,
                "is_cumulative": kind == "cumulative",
                "target_year": target_year,
                "baseline_year": baseline_year,
                "is_value_quoted": _is_value_quoted(row["value"], row["quote"]),
                "note": row["note"] or None,
                "source_title": row["source_title"],
                "doc_number": row["doc_number"] or None,
                "source": row["source"] or None,
                "quote": row["quote"],
            }
        )
    df = _frame(records, "benchmarks")
    _log_unmapped(path, df)
    return df


def load_observations(path: str | Path | None = None, catalog: Any = None) -> pd.DataFrame:
    """The observations table: observed values per region, indicator and year, one per source.

    Returns the columns of `schemas.TABLES['observations']`: the CSV's columns (measure
    defaults to `level`; a `yearly_change` is the change on the previous year, negative = fall;
    a `cumulative_change` is the change since `baseline_year`), the CSV line, the catalog
    mapping and `is_value_quoted`. Exists so progress towards a plan's targets is measured only
    from validated, sourced numbers. Raises `InputError` naming the line of the first malformed
    row.
    """
    path = Path(path) if path is not None else paths.REFERENCE_DIR / OBSERVATIONS_NAME
    catalog = _catalog(catalog)
    rows = _read_rows(path, OBSERVATION_REQUIRED, OBSERVATION_OPTIONAL)
    _check_duplicates(path, rows, (*OBSERVATION_REQUIRED, *OBSERVATION_OPTIONAL))
    records = []
    for row in rows:
        line = row["line"]
        if not row["region_zh"]:
            raise InputError(path, "region_zh is empty", line)
        region_level = _allowed(path, row, "region_level", REGION_LEVELS)
        if (region_level == "country") != (row["region_zh"] == COUNTRY_ZH):
            raise InputError(
                path,
                f"region_level {region_level!r} does not fit region_zh {row['region_zh']!r}",
                line,
            )
        if not row["indicator_zh"]:
            raise InputError(path, "indicator_zh is empty", line)
        year = _year(path, row, "year")
        value = _number(path, row, "value")
        row["measure"] = row["measure"] or "level"
        measure = _allowed(path, row, "measure", MEASURES)
        if measure == "level":
            if value < 0 and row["unit"] == "%":
                raise InputError(
                    path,
                    "negative % with measure 'level': a change on the previous year is "
                    "measure=yearly_change, a change since a baseline is cumulative_change",
                    line,
                )
            _check_percent(path, row, value, 0, "a level")
        else:
            _check_percent(path, row, value, -100, "a change")
        baseline_year = _year(path, row, "baseline_year", required=False)
        if measure == "cumulative_change" and baseline_year is None:
            raise InputError(path, "a cumulative_change needs baseline_year", line)
        if baseline_year is not None and baseline_year >= year:
            raise InputError(path, f"baseline_year {baseline_year} is not before year {year}", line)
        _check_source(path, row)
        records.append(
            {
                "line": line,
                "region_zh": row["region_zh"],
                "region_level": region_level,
                "indicator_zh": row["indicator_zh"],
                **_map_indicator(path, row, catalog),
                "year": year,
                "value": value,
                "unit": row["unit"] or None,
                "measure": measure,
                "baseline_year": baseline_year,
                "is_proxy": _flag(path, row, "is_proxy"),
                "is_value_quoted": _is_value_quoted(row["value"], row["quote"]),
                "note": row["note"] or None,
                "source_title": row["source_title"],
                "doc_number": row["doc_number"] or None,
                "source": row["source"] or None,
                "quote": row["quote"],
            }
        )
    df = _frame(records, "observations")
    _log_unmapped(path, df)
    return df


def list_unmapped(reference: pd.DataFrame) -> pd.DataFrame:
    """The rows of a loaded reference table whose indicator the catalog could not map.

    Returns `line, region_zh, indicator_zh` (one row per CSV row, in file order). Exists so a
    curator sees which source wordings need an alias in the catalog or an explicit
    `indicator_id`; such rows are kept but never compared.
    """
    rows = reference[reference["indicator_match"] == "unmapped"]
    return rows[["line", "region_zh", "indicator_zh"]].reset_index(drop=True)


def _log_unmapped(path: Path, df: pd.DataFrame) -> None:
    unmapped = list_unmapped(df)
    if len(unmapped):
        names = "、".join(dict.fromkeys(unmapped["indicator_zh"]))
        log.info("%s: %d row(s) not mapped to the catalog: %s", path, len(unmapped), names)
