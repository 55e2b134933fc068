"""Files on disk: writes that land whole or not at all, the canonical CSV encoding of a table,
and the one reader of the CSVs people curate by hand (manifest, catalog, reference, overrides).

Writes are atomic (temporary file in the same folder, then os.replace), so an interrupted run
leaves the previous file intact, and deterministic ("\\n" line ends, fixed float format), so
two runs on the same inputs give byte-identical files.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import schemas
from .errors import InputError
from .schemas import Table

FILE_MODE = 0o666  # what open() asks for; the umask takes away from it (0644 under umask 022)


def current_umask() -> int:
    """The process umask, read without changing it where the system allows (Linux /proc), as
    os.umask can only read it by setting it, which would race with threads creating files."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write bytes to `path` whole or not at all."""
    write_all_atomic({Path(path): data})


def write_all_atomic(files: dict[Path, bytes]) -> list[Path]:
    """Write several files as one step: all are staged as temporary files first and only then
    moved into place, so a failure while writing leaves every previous file intact.

    The files get the permissions of any file the user creates (0644 under umask 022), not the
    0600 of a temporary file, so others can read the tables and reports."""
    staged: list[tuple[str, Path]] = []
    mode = FILE_MODE & ~current_umask()
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            staged.append((tmp, path))
            os.chmod(tmp, mode)
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


# -- the curated CSVs -------------------------------------------------------------------------

# Control characters that no text file holds (tab, line ends and form feed excepted).
CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
BINARY_CONTROL_SHARE = 0.01  # more control characters than this: not a text file


@dataclass(frozen=True)
class CsvRecord:
    """One data row of a curated CSV: the line it starts on (the header is line 1) and its
    cells by column, stripped; a declared column the file leaves out reads as ""."""

    line: int
    values: dict[str, str]


def read_bytes(path: Path, error: type[InputError] = InputError) -> bytes:
    """The bytes of a file the user gave, or `error` saying in words why it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise error(path, "not found: no such file") from None
    except IsADirectoryError:
        raise error(path, "is a folder, not a file") from None
    except OSError as exc:
        raise error(path, f"cannot read the file: {exc.strerror or exc}") from None


def _decode_utf8(path: Path, raw: bytes, error: type[InputError]) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise error(
            path,
            f"not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            "save the file as CSV UTF-8",
            line=line,
        ) from None


def control_share(text: str) -> float:
    """The share of characters of `text` that are control characters."""
    return len(CONTROL_RE.findall(text)) / max(len(text), 1)


def looks_binary(text: str) -> bool:
    """True for decoded bytes that are not text: a NUL, or too many control characters."""
    return "\x00" in text or control_share(text) > BINARY_CONTROL_SHARE


def _header(path: Path, cells: list[str], table: Table, error: type[InputError]) -> list[str]:
    header = [cell.strip().lower() for cell in cells]
    twice = sorted({name for name in header if header.count(name) > 1})
    if twice:
        raise error(path, f"column(s) named twice: {', '.join(twice)}", line=1)
    missing = [name for name in (table.required or table.columns) if name not in header]
    if missing:
        raise error(
            path,
            f"missing required column(s): {', '.join(missing)}; "
            f"the header has: {', '.join(header)}",
            line=1,
        )
    unknown = [name for name in header if name not in table.columns]
    if unknown and not table.extra_columns:
        raise error(
            path,
            f"unknown column(s) {', '.join(unknown)}; allowed: {', '.join(table.columns)}",
            line=1,
        )
    return header


def read_curated_csv(
    path: Path,
    table: str,
    *,
    error: type[InputError] = InputError,
    decode: Callable[[bytes], str] | None = None,
    on_row_problem: Callable[[InputError], None] | None = None,
) -> list[CsvRecord]:
    """The data rows of a CSV that people edit by hand, checked against the declared `table`.

    The one reader of the manifest, the catalog, the reference data and overrides, so they all
    accept the same files (a BOM from a spreadsheet, quoted cells with line breaks, blank lines
    at the end) and every problem is an `error` naming the file and the line: not found, not
    UTF-8 (unless `decode` reads other encodings), binary, empty, a header with a column twice,
    a required column missing or an unknown one, a row with another number of cells than the
    header. Row problems go to `on_row_problem` (and the row is skipped) when it is given.
    Checking the values is left to each loader, which knows what they mean.
    """
    path = Path(path)
    declared = schemas.table(table)
    raw = read_bytes(path, error)
    if not raw.strip():
        raise error(path, "empty file: expected a header line", line=1)
    text = decode(raw) if decode is not None else _decode_utf8(path, raw, error)
    if looks_binary(text):
        raise error(path, "binary content (control characters), not a CSV file")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = _header(path, next(reader), declared, error)
        records = []
        end = reader.line_num
        for cells in reader:
            line, end = end + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue  # blank lines that spreadsheets leave at the end
            if len(cells) != len(header):
                problem = error(
                    path,
                    f"{len(cells)} fields, the header has {len(header)} "
                    "(an unquoted comma, or a cell missing?)",
                    line=line,
                )
                if on_row_problem is None:
                    raise problem
                on_row_problem(problem)
                continue
            values = dict.fromkeys(declared.columns, "")
            values.update((name, cell.strip()) for name, cell in zip(header, cells, strict=True))
            records.append(CsvRecord(line, values))
    except csv.Error as exc:
        raise error(path, f"malformed CSV: {exc}", line=reader.line_num) from None
    return records


def allowed_value(
    path: Path,
    row: Mapping[str, str],
    line: int,
    column: str,
    table: str,
    error: type[InputError] = InputError,
) -> str:
    """The cell of `column` in `row` (a curated CSV's line `line`) when it is one of the values
    `table` declares for it; otherwise an error naming the file, the line and those values."""
    value = row[column]
    allowed = schemas.table(table).field(column).allowed or ()
    if value not in allowed:
        raise error(
            path, f"{column} {value!r} is not one of {', '.join(map(str, allowed))}", line=line
        )
    return value
