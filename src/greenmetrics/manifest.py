"""The manifest: data/raw/documents.csv, the metadata a user gives for each plan.

`load_manifest` reads it: fatal problems (unreadable, binary, no header, a missing required
column) raise `ManifestError`; per-row problems are returned, one `ManifestError` each with
its line, so that one bad row does not stop the other plans (they fall back to detected
metadata, see `greenmetrics.metadata`).

Why a module of its own: the manifest is user input with its own columns and rules, distinct
from reading plan files; region levels come from `greenmetrics.regions`.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from . import paths as project_paths
from .errors import ManifestError
from .files import read_curated_csv
from .readers import UndecodableText, decode_bytes
from .regions import REGION_LEVELS
from .schemas import columns, table

MANIFEST_COLUMNS = columns("manifest")
REQUIRED_COLUMNS = table("manifest").required
_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def load_manifest(raw_dir: Path) -> tuple[dict[str, dict], list[ManifestError]]:
    """Read `raw_dir`/documents.csv; return (file name -> row, per-row problems).

    Empty cells become None. No manifest gives ({}, []). Raises ManifestError for problems
    that make the whole file unusable (unreadable, binary, undecodable, no header, a missing
    required column). Row problems are returned, one ManifestError each with its line, and
    do not stop the other rows: a row naming a missing file, with an unknown region_level,
    without a file/region, or repeating an earlier file is skipped (the plan then falls back
    to detected metadata); a malformed issue_date is reported and set to None.
    """
    path = Path(raw_dir) / project_paths.MANIFEST_NAME
    if not path.is_file():
        return {}, []
    problems: list[ManifestError] = []

    def decode(raw: bytes) -> str:
        # NOTE: Excel on a Chinese system saves CSV as GBK: the manifest is decoded like a plan.
        try:
            return decode_bytes(raw)[0]
        except UndecodableText as exc:
            raise ManifestError(path, str(exc)) from None

    records = read_curated_csv(
        path, "manifest", error=ManifestError, decode=decode, on_row_problem=problems.append
    )
    rows: dict[str, dict] = {}
    first_line: dict[str, int] = {}
    for record in records:
        line = record.line

        def problem(message: str, line: int = line) -> None:
            problems.append(ManifestError(path, message, line=line))

        row: dict = {name: value or None for name, value in record.values.items()}
        name = row["file"]
        if not name:
            problem("row has no file name; row skipped")
            continue
        if name in first_line:
            problem(f"{name} is listed twice (first on line {first_line[name]}); row skipped")
            continue
        first_line[name] = line
        if not (Path(raw_dir) / name).is_file():
            problem(f"{name} is listed but no such file is in {Path(raw_dir)}; row skipped")
            continue
        if not row["region_zh"]:
            problem(f"{name}: region_zh is empty; row skipped")
            continue
        level = (row["region_level"] or "").lower()
        if level not in REGION_LEVELS:
            problem(
                f"{name}: region_level {row['region_level']!r} is not one of "
                f"{', '.join(REGION_LEVELS)}; row skipped"
            )
            continue
        row["region_level"] = level
        if row["issue_date"] is not None:
            issue_date = row["issue_date"]
            valid = bool(_ISO_DATE_RE.fullmatch(issue_date))
            if valid:
                try:
                    date.fromisoformat(issue_date)
                except ValueError:
                    valid = False
            if not valid:
                problem(
                    f"{name}: issue_date {issue_date!r} is not a date written YYYY-MM-DD; "
                    "kept the row without a date"
                )
                row["issue_date"] = None
        rows[name] = row
    return rows, sorted(problems, key=lambda p: p.line or 0)
