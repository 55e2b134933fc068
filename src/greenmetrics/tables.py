"""Tidy tables: extraction records -> validated frames -> CSV in data/processed (and back).

Every table is checked against its declaration in `schemas` on the way out (`finalize`) and on
the way in (`load_table`), so a changed extractor or a hand-edited CSV fails loudly. Loading
never starts an extraction: a missing table is an error that says how to make it
(`pipeline.ensure_tables` is the one place that extracts on demand).
"""

from __future__ import annotations

import csv
import warnings
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from . import paths
from .errors import InputError
from .files import csv_bytes, write_atomic
from .schemas import check, columns, empty_table, validate
from .schemas import table as schema_table
from .schemas.coded import is_code_column


def records_frame(records: Iterable[object], table: str) -> pd.DataFrame:
    """A frame of dataclass records with exactly the table's columns (missing ones empty)."""
    rows = [asdict(r) if not isinstance(r, dict) else r for r in records]
    if not rows:
        return empty_table(table)
    df = pd.DataFrame(rows)
    spec = schema_table(table)
    for column in columns(table):
        if column not in df.columns:
            df[column] = pd.NA
        elif spec.field(column).dtype == "float64" and df[column].dtype == object:
            # NOTE: a float field every record leaves empty (None) is an object column that
            # the schema cannot coerce; as numbers its empty cells are NaN.
            df[column] = pd.to_numeric(df[column])
    return df[list(columns(table))]


def _blank_to_na(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    for column in df.columns:
        if df[column].dtype == object or pd.api.types.is_string_dtype(df[column]):
            df[column] = df[column].replace({"": pd.NA, None: pd.NA})
    return df


def finalize(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Empty cells as missing, checked against the declared schema, in canonical row order."""
    return check(_blank_to_na(df), table)


def write_table(df: pd.DataFrame, table: str, out_dir: Path) -> Path:
    """Validate `df` as `table` and write it to out_dir/<table>.csv atomically."""
    df = finalize(df, table)
    path = Path(out_dir) / f"{table}.csv"
    write_atomic(path, csv_bytes(df))
    return path


def load_table(
    table: str, processed_dir: Path | None = None, may_lack: tuple[str, ...] = ()
) -> pd.DataFrame:
    """Read a processed table and check it against its schema (a hand-edited file fails loudly);
    columns of `may_lack` that the file lacks are added empty."""
    path = Path(processed_dir or paths.PROCESSED_DIR) / f"{table}.csv"
    if not path.exists():
        raise InputError(path, "not found: run `greenmetrics extract` first")
    # Only an empty cell is missing: "NA" or "null" could be real text in a quote.
    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    lacking = [c for c in may_lack if c not in df.columns]
    if lacking:  # added where the table declares them
        df = df.reindex(columns=[c for c in columns(table) if c in df.columns or c in lacking])
    return validate(_blank_to_na(df), table)


def load_targets(processed_dir: Path | None = None) -> pd.DataFrame:
    """The targets table (one row per target, with its quote and offsets)."""
    return load_table("targets", processed_dir)


def load_milestones(processed_dir: Path | None = None) -> pd.DataFrame:
    """The milestones table (dated qualitative commitments)."""
    return load_table("milestones", processed_dir)


def load_documents(processed_dir: Path | None = None) -> pd.DataFrame:
    """The documents table (metadata of every plan read)."""
    return load_table("documents", processed_dir)


def load_review(processed_dir: Path | None = None) -> pd.DataFrame:
    """The review table (what to check before a number reaches a report). A review.csv of an
    earlier version, without the note code columns, loads with them empty (its notes then read
    as written, in English) and a warning that says how to get them in Chinese."""
    path = Path(processed_dir or paths.PROCESSED_DIR) / "review.csv"
    code_columns = tuple(c for c in columns("review") if is_code_column(c))
    if path.exists():
        with open(path, encoding="utf-8-sig", newline="") as fh:
            header = next(csv.reader(fh), [])
        missing = [c for c in code_columns if c not in header]
        if missing:
            warnings.warn(
                f"{paths.project_relative(str(path))} was written by an earlier version (no "
                f"{', '.join(missing)}): its notes read in English as written; run "
                "`greenmetrics review` again to read them in Chinese too",
                stacklevel=2,
            )
    return load_table("review", processed_dir, may_lack=code_columns)


def load_extracted_observations(processed_dir: Path | None = None) -> pd.DataFrame:
    """The observations the extraction read from documents (data/processed/observations.csv:
    bulletins, reports, the reviews of plans), one row per measured value with its quote."""
    return load_table("observations", processed_dir)
