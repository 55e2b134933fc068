"""The code columns of the note columns, declared beside each note column of a table (`notes`
fills them from the notes the analysis and the review make).

A note column is every `*_note` column (the analysis writes them from templates) and those a
table names in `prose_notes` (the review's `note`, which may also be a message about one
document, written without code). Beside each: `<column>_code`, the template keys joined by ';',
and `<column>_args`, their arguments as compact JSON (see `notes`).
"""

from __future__ import annotations

import dataclasses

from .fields import Field

CODE_SUFFIX = "_code"
ARGS_SUFFIX = "_args"


def code_columns(column: str) -> tuple[str, str]:
    """The two columns that hold the code of the note column `column`."""
    return column + CODE_SUFFIX, column + ARGS_SUFFIX


def is_code_column(column: object) -> bool:
    """True for a column that holds the code of a note column (`X_note_code`, `note_args` ...)."""
    name = str(column)
    return any(
        name.endswith(suffix) and _is_note_name(name.removesuffix(suffix))
        for suffix in (CODE_SUFFIX, ARGS_SUFFIX)
    )


def _is_note_name(name: str) -> bool:
    return name == "note" or name.endswith("_note")


def note_columns(table) -> tuple[str, ...]:
    """The note columns of a declared table (those that get code columns)."""
    prose = getattr(table, "prose_notes", ())
    return tuple(c for c in table.columns if c.endswith("_note") or c in prose)


def code_fields(column: str) -> dict[str, Field]:
    """The declarations of the two code columns of the note column `column`."""
    code, args = code_columns(column)
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
            columns.extend(code_columns(column))
            fields.update(code_fields(column))
    return dataclasses.replace(table, columns=tuple(columns), fields=fields)
