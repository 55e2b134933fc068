"""Tidy tables: extraction records -> validated frames -> CSV in data/processed (and back).

Writes are atomic (temporary file in the same folder, then os.replace), so an interrupted run
leaves the previous table intact, and deterministic (sorted rows, fixed float format, "\\n" line
ends), so two runs on the same inputs give byte-identical files.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from . import paths
from .errors import InputError
from .schemas import TABLES, empty_table, validate

SORT_KEYS = {
    "documents": ["doc_id"],
    "targets": ["doc_id", "char_start", "char_end", "target_id"],
    "milestones": ["doc_id", "char_start", "milestone_id"],
}


def records_frame(records: Iterable[object], table: str) -> pd.DataFrame:
    """A frame of dataclass records with exactly the table's columns (missing ones empty)."""
    rows = [asdict(r) if not isinstance(r, dict) else r for r in records]
    if not rows:
        return empty_table(table)
    df = pd.DataFrame(rows)
    for column in TABLES[table]:
        if column not in df.columns:
            df[column] = pd.NA
    return df[list(TABLES[table])]


def _blank_to_na(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    for column in df.columns:
        if df[column].dtype == object or pd.api.types.is_string_dtype(df[column]):
            df[column] = df[column].replace({"": pd.NA, None: pd.NA})
    return df


def finalize(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Validate against the declared schema and sort into the table's canonical order."""
    df = validate(_blank_to_na(df), table)
    return df.sort_values(SORT_KEYS[table], kind="mergesort").reset_index(drop=True)


def write_atomic(path: Path, data: bytes) -> None:
    """Write bytes to `path` whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_all_atomic(files: dict[Path, bytes]) -> list[Path]:
    """Write several files as one step: all are staged as temporary files first and only then
    moved into place, so a failure while writing leaves every previous file intact."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            staged.append((tmp, path))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        for tmp, path in staged:
            os.replace(tmp, path)
    finally:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
    return list(files)


def csv_bytes(df: pd.DataFrame) -> bytes:
    """The canonical CSV encoding of a table (UTF-8, '\\n', no index, floats as written)."""
    return df.to_csv(index=False, lineterminator="\n", float_format="%.10g").encode("utf-8")


def write_table(df: pd.DataFrame, table: str, out_dir: Path) -> Path:
    """Validate `df` as `table` and write it to out_dir/<table>.csv atomically."""
    df = finalize(df, table)
    path = Path(out_dir) / f"{table}.csv"
    write_atomic(path, csv_bytes(df))
    return path


def load_table(table: str, processed_dir: Path | None = None) -> pd.DataFrame:
    """Read a processed table and check it against its schema (a hand-edited file fails loudly)."""
    path = Path(processed_dir or paths.PROCESSED_DIR) / f"{table}.csv"
    if not path.exists():
        raise InputError(path, "not found: run `greenmetrics extract` first")
    # Only an empty cell is missing: "NA" or "null" could be real text in a quote.
    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
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


def ensure_tables(processed_dir: Path | None = None) -> Path:
    """Run the extraction when a processed table is missing (a fresh clone, a student's first
    run), so a notebook can start with it. Returns the folder of the tables."""
    folder = Path(processed_dir or paths.PROCESSED_DIR)
    if not all(
        (folder / f"{name}.csv").exists() for name in ("documents", "targets", "milestones")
    ):
        from .pipeline import extract_corpus, write_extraction

        write_extraction(extract_corpus(), folder)
    return folder
