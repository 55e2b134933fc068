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

import logging
import math
import unicodedata
from pathlib import Path

import pandas as pd

from . import paths
from .catalog import Catalog, attach_indicators, load_catalog
from .errors import InputError
from .files import allowed_value, read_curated_csv
from .regions import COUNTRY_ZH
from .schemas import YEAR_MAX, YEAR_MIN, columns, validate

log = logging.getLogger(__name__)

BENCHMARKS_NAME = "benchmarks.csv"
OBSERVATIONS_NAME = "observations.csv"

BENCHMARKS_TABLE = "reference_benchmarks"
OBSERVATIONS_TABLE = "reference_observations"
# Columns a loaded table takes from the catalog rather than from the CSV row.
_FROM_CATALOG = ("indicator_en", "theme", "direction", "indicator_match")
_TRUE = ("1", "true", "yes", "y")
_FALSE = ("", "0", "false", "no", "n")


def _checked_rows(path: str | Path | None, default_name: str, table_name: str):
    """(path, rows) of a reference CSV (default: data/reference/<default_name>), no row twice."""
    path = Path(path) if path is not None else paths.REFERENCE_DIR / default_name
    rows = _read_rows(path, table_name)
    _check_duplicates(path, rows, columns(table_name))
    return path, rows


def _read_rows(path: Path, table_name: str) -> list[dict]:
    """The data rows of a reference CSV as dicts, each with its CSV line number under "line"."""
    return [{**r.values, "line": r.line} for r in read_curated_csv(path, table_name)]


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


def _provenance(row: dict) -> dict:
    """The columns that say where a reference number comes from, and whether it is quoted."""
    return {
        "is_value_quoted": _is_value_quoted(row["value"], row["quote"]),
        "note": row["note"] or None,
        "source_title": row["source_title"],
        "doc_number": row["doc_number"] or None,
        "source": row["source"] or None,
        "quote": row["quote"],
    }


def _is_value_quoted(raw_value: str, quote: str) -> bool:
    """True when the number, as written in the CSV, appears in the quote.

    False marks values coded from words (全面建成 -> 100%), which compare only as a
    qualitative equivalent.
    """
    digits = raw_value.lstrip("+-")
    return bool(digits) and digits in unicodedata.normalize("NFKC", quote)


def _given_indicator_id(path: Path, row: dict, catalog: Catalog) -> str | None:
    """The row's own indicator_id (it wins over the catalog match), checked against the catalog."""
    given = row.get("indicator_id", "")
    if given and given not in catalog:
        raise InputError(
            path,
            f"indicator_id {given!r} is not in the indicator catalog; "
            "leave it empty to map indicator_zh, or add the indicator to the catalog",
            row["line"],
        )
    return given or None


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


def _frame(records: list[dict], table_name: str, catalog: Catalog) -> pd.DataFrame:
    """The loaded table: rows mapped to the catalog (how: given, catalog or unmapped), checked."""
    df = pd.DataFrame(records, columns=[c for c in columns(table_name) if c not in _FROM_CATALOG])
    given = df["indicator_id"].notna()
    df = attach_indicators(df, catalog, columns=("indicator_en", "theme", "direction"))
    df["indicator_match"] = [
        "given" if g else ("catalog" if isinstance(i, str) else "unmapped")
        for g, i in zip(given, df["indicator_id"], strict=True)
    ]
    return validate(df[list(columns(table_name))], table_name)


def load_benchmarks(path: str | Path | None = None, catalog: Catalog | None = None) -> pd.DataFrame:
    """The benchmarks table: targets set at the country or province level, one row per source.

    Returns the columns of `schemas.TABLES['benchmarks']`: the CSV's columns (kind
    `cumulative` read as `level` with `is_cumulative`), the CSV line, the catalog mapping
    (indicator_id, indicator_en, theme, direction, indicator_match) and `is_value_quoted`.
    Exists so every comparison of a plan with the targets above it starts from validated,
    sourced numbers. Raises `InputError` naming the line of the first malformed row.
    """
    path, rows = _checked_rows(path, BENCHMARKS_NAME, BENCHMARKS_TABLE)
    catalog = catalog if catalog is not None else load_catalog()
    records = []
    for row in rows:
        line = row["line"]
        level = allowed_value(path, row, line, "level", BENCHMARKS_TABLE)
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
        comparator = allowed_value(path, row, line, "comparator", BENCHMARKS_TABLE)
        kind = allowed_value(path, row, line, "kind", BENCHMARKS_TABLE)
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
                "indicator_id": _given_indicator_id(path, row, catalog),
                "value": value,
                "unit": row["unit"] or None,
                "comparator": comparator,
                "kind": "level" if kind == "cumulative" else kind,
                "is_cumulative": kind == "cumulative",
                "target_year": target_year,
                "baseline_year": baseline_year,
                **_provenance(row),
            }
        )
    df = _frame(records, "benchmarks", catalog)
    _log_unmapped(path, df)
    return df


def load_observations(
    path: str | Path | None = None, catalog: Catalog | None = None
) -> pd.DataFrame:
    """The observations table: observed values per region, indicator and year, one per source.

    Returns the columns of `schemas.TABLES['curated_observations']`: the CSV's columns (measure
    defaults to `level`; a `yearly_change` is the change on the previous year, negative = fall;
    a `cumulative_change` is the change since `baseline_year`), the CSV line, the catalog
    mapping and `is_value_quoted`. Exists so progress towards a plan's targets is measured only
    from validated, sourced numbers. Raises `InputError` naming the line of the first malformed
    row.
    """
    path, rows = _checked_rows(path, OBSERVATIONS_NAME, OBSERVATIONS_TABLE)
    catalog = catalog if catalog is not None else load_catalog()
    records = []
    for row in rows:
        line = row["line"]
        if not row["region_zh"]:
            raise InputError(path, "region_zh is empty", line)
        region_level = allowed_value(path, row, line, "region_level", OBSERVATIONS_TABLE)
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
        measure = allowed_value(path, row, line, "measure", OBSERVATIONS_TABLE)
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
                "indicator_id": _given_indicator_id(path, row, catalog),
                "year": year,
                "value": value,
                "unit": row["unit"] or None,
                "measure": measure,
                "baseline_year": baseline_year,
                "is_proxy": _flag(path, row, "is_proxy"),
                **_provenance(row),
            }
        )
    df = _frame(records, "curated_observations", catalog)
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
