"""The code columns of the note columns: declared beside each note column of a table, filled
from its `notes.Note` cells when the table is checked.

A note column is every `*_note` column (the analysis writes them from templates) and those a
table names in `prose_notes` (the review's `note`, which may also be a message about one
document, written without code). Beside each: `<column>_code`, the template keys joined by ';',
and `<column>_args`, their arguments as compact JSON (see `notes`).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from .. import notes
from .fields import Field

if TYPE_CHECKING:
    import pandas as pd


def note_columns(table) -> tuple[str, ...]:
    """The note columns of a declared table (those that get code columns)."""
    prose = getattr(table, "prose_notes", ())
    return tuple(c for c in table.columns if c.endswith("_note") or c in prose)


def code_fields(column: str) -> dict[str, Field]:
    """The declarations of the two code columns of the note column `column`."""
    code, args = notes.code_columns(column)
    return {
        code: Field(
            "string",
            f"the note templates of {column} (data/words.csv, kind note), joined by ';'; empty "
            "for a note without code",
            nullable=True,
        ),
        args: Field(
            "string",
            f"the arguments of {column}'s templates: compact JSON, one object per template, "
            "sorted keys; empty when none has any",
            nullable=True,
        ),
    }


def with_code_columns(table):
    """`table` with the code columns of each note column declared right after it."""
    coded = note_columns(table)
    if not coded:
        return table
    columns: list[str] = []
    fields = dict(table.fields)
    for column in table.columns:
        columns.append(column)
        if column in coded:
            columns.extend(notes.code_columns(column))
            fields.update(code_fields(column))
    return dataclasses.replace(table, columns=tuple(columns), fields=fields)


def fill_codes(df: pd.DataFrame, table) -> pd.DataFrame:
    """`df` with the code columns of `table`'s note columns filled from their `Note` cells
    (`notes.with_codes`); a table without note columns is returned as it is."""
    coded = [c for c in note_columns(table) if c in df.columns]
    if not coded:
        return df
    return notes.with_codes(df, coded, prose=getattr(table, "prose_notes", ()))
