"""The notes of the analysis and the review as codes with their arguments, and the one renderer
that writes them in Chinese or English.

A note is made from a template of `data/words.csv` (kind `note`): `note("different_year",
year=2025, other_year=2022)`. The value is a `Note`: a `str` holding the English text as the
tables have always shown it (arguments as the analysis gave them: codes, Chinese names,
numbers), and its `parts`, the template keys with their arguments. Several reasons are one
note (`join`); a note may hold another as an argument (`reasons`).

A table keeps both: beside each note column `X` it carries `X_code` (the template keys, joined
by ';') and `X_args` (their arguments as compact JSON, sorted keys, one object per part; empty
when no part has any), declared in `schemas` and filled by `with_codes` from the `Note` cells
(the analysis and the review call it before `schemas.check`). A reader's text is never parsed
back from prose: `render` writes a note in `lang` from its parts, `decode` rebuilds
them from the two code columns, and `in_language` turns every note column of a frame into the
reader's words (what notebooks, the workbook, charts and the review CLI show).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from . import words
from .schemas import table as declared_table
from .schemas.coded import ARGS_SUFFIX, CODE_SUFFIX, code_columns, is_code_column, note_columns

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ARGS_SUFFIX", "CODE_SUFFIX", "VERBATIM_FIELDS", "Note", "NotePart", "code_columns", "decode",
    "encode", "in_language", "is_code_column", "join", "note", "render", "render_cells",
    "row_text", "split", "with_codes", "with_their_codes",
]  # fmt: skip
# Arguments that are text written by people (a plan's scope, a curator's note): never translated.
VERBATIM_FIELDS = frozenset({"scope", "text"})
_YEAR_FIELDS = frozenset({"year", "other_year", "target_year"})


class NotePart(NamedTuple):
    """One template of a note and its arguments (name, value), sorted by name."""

    key: str
    args: tuple[tuple[str, object], ...]


class Note(str):
    """A note: its English text as the tables show it, and the `parts` it was made from."""

    parts: tuple[NotePart, ...]

    def __new__(cls, text: str, parts: tuple[NotePart, ...]) -> Note:
        made = super().__new__(cls, text)
        made.parts = parts
        return made

    def __reduce__(self):  # a copy or a pickle keeps the parts
        return (Note, (str(self), self.parts))

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(part.key for part in self.parts)


def _template(key: str, lang: str) -> str:
    if not words.has_word("note", key):
        raise KeyError(f"no note {key!r} in {words.WORDS_FILE}")
    return words.word("note", key, lang)


def note(key: str, **args: object) -> Note:
    """The note `key` with its arguments (numbers, codes, Chinese names, a nested `Note`).
    Raises KeyError for a key not in the vocabulary and TypeError for arguments that are not
    the template's fields."""
    if not args:
        return _plain_note(key)
    wanted = set(words.template_fields(_template(key, "en")))
    if set(args) != wanted:
        raise TypeError(f"note {key!r} takes {sorted(wanted)}, not {sorted(args)}")
    for value in args.values():
        _check_arg(key, value)
    part = NotePart(key, tuple(sorted((n, _frozen(v)) for n, v in args.items())))
    return Note(_render_part(part, "en", translate=False), (part,))


@cache
def _plain_note(key: str) -> Note:
    """A note without arguments, made once per key: the review gives thousands of numbers the
    same few notes."""
    wanted = sorted(set(words.template_fields(_template(key, "en"))))
    if wanted:
        raise TypeError(f"note {key!r} takes {wanted}, not []")
    part = NotePart(key, ())
    return Note(_render_part(part, "en", translate=False), (part,))


def _frozen(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


def _check_arg(key: str, value: object) -> None:
    if isinstance(value, (list, tuple)):
        for item in value:
            _check_arg(key, item)
    elif value is not None and not isinstance(value, (str, int, float, Note)):
        raise TypeError(f"note {key!r}: an argument must be text, a number or a note: {value!r}")


def join(notes: Iterable[object], separator: str = "; ") -> Note | None:
    """The notes of `notes` (empty ones skipped, a repeated one kept once) as one note, their
    texts joined by `separator`; None when there is none."""
    kept: list[Note] = []
    for item in notes:
        if item is None or item == "":
            continue
        if not isinstance(item, Note):
            raise TypeError(f"a note must be made by notes.note, not written as prose: {item!r}")
        if item not in kept:
            kept.append(item)
    if not kept:
        return None
    return Note(separator.join(kept), tuple(p for n in kept for p in n.parts))


# -- the encoding of the tables -------------------------------------------------------------


def _encoded_arg(value: object) -> object:
    if isinstance(value, Note):
        code, args = encode(value)
        return {"code": code, "args": json.loads(args) if args else None}
    if isinstance(value, tuple):
        return [_encoded_arg(v) for v in value]
    return value


def encode(value: Note) -> tuple[str, str | None]:
    """The two cells of a note: its template keys joined by ';', and its arguments as compact
    JSON with sorted keys (one object per part), None when no part has arguments."""
    code = ";".join(value.keys)
    args = [{name: _encoded_arg(v) for name, v in part.args} for part in value.parts]
    if not any(args):
        return code, None
    return code, json.dumps(args, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _decoded_arg(value: object) -> object:
    if isinstance(value, dict) and set(value) == {"code", "args"}:
        return _decoded(value["code"], value["args"])
    if isinstance(value, list):
        return tuple(_decoded_arg(v) for v in value)
    return value


def _decoded(code: str, values: list[dict] | None) -> Note | None:
    keys = code.split(";")
    values = values or [{}] * len(keys)
    if len(values) != len(keys):
        raise ValueError(f"note {code!r}: {len(keys)} templates but {len(values)} argument sets")
    parts = []
    for key, fields in zip(keys, values, strict=True):
        try:
            parts.append(note(key, **{n: _decoded_arg(v) for n, v in fields.items()}))
        except (KeyError, TypeError) as exc:
            raise ValueError(f"note {code!r} with {values!r}: {exc}") from exc
    return join(parts)


@lru_cache(maxsize=20000)
def decode(code: object, args: object = None) -> Note | None:
    """The note of the cells `code` and `args` (as `encode` writes them); None for an empty
    code. Raises ValueError when the cells do not fit together or name an unknown template."""
    if not isinstance(code, str) or not code:
        return None
    return _decoded(code, json.loads(args) if isinstance(args, str) and args else None)


def _is_prose(text: object, code: object) -> bool:
    return isinstance(text, str) and bool(text) and not (isinstance(code, str) and code)


def with_codes(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """`df`, a frame of the declared `table`, with the code columns of each note column filled
    from its `Note` cells, and those cells made plain text: what the analysis and the review
    call just before `schemas.check`. A cell that already has its code keeps it; a text
    without code is allowed only in the table's `prose_notes` (the review's messages about one
    document), else it raises ValueError: notes come from templates, never as prose."""
    declared = declared_table(table)
    prose = set(declared.prose_notes)
    out = df.copy()
    for column in note_columns(declared):
        if column not in out.columns:
            continue
        code_column, args_column = code_columns(column)
        codes = out[code_column].tolist() if code_column in out else [None] * len(out)
        args = out[args_column].tolist() if args_column in out else [None] * len(out)
        texts = out[column].tolist()
        for i, text in enumerate(texts):
            if isinstance(text, Note):
                codes[i], args[i] = encode(text)
                texts[i] = str(text)
            elif _is_prose(text, codes[i]) and column not in prose:
                raise ValueError(
                    f"{column}: a note written as prose, not from a template: {text!r}"
                )
        out[column] = texts
        out[code_column] = codes
        out[args_column] = args
    return out


# -- the renderer ---------------------------------------------------------------------------


def _unit(unit: object, lang: str, translate: bool) -> str:
    if not translate:
        return str(unit)
    if unit == "none":
        return words.word("text", "none", lang)
    return words.word("unit", str(unit), lang, default=unit)


def _field(name: str, value: object, lang: str, translate: bool) -> str:
    """One argument as text of `lang`; `translate` False gives it as the analysis wrote it
    (the English text of the tables)."""
    if isinstance(value, Note):
        return render(value, lang) if translate else str(value)
    if name in VERBATIM_FIELDS:
        return str(value)
    if name in _YEAR_FIELDS and value is None:
        return words.word("text", "none", lang) if translate else "None"
    if name == "years":  # a run of years: first and last
        return ("—" if lang == "zh" and translate else "-").join(map(str, value))
    if name == "values":
        return ("、" if lang == "zh" and translate else ", ").join(map(str, value))
    if name == "units":
        return "、".join(_unit(u, lang, translate) for u in value)
    if name in ("unit", "other_unit"):
        return _unit(value, lang, translate)
    if not translate:
        return str(value)
    if name in ("kind", "other_kind"):
        return words.word("kind", str(value), lang)
    if name == "level":
        return words.word("level", str(value), lang)
    if name == "area":
        return words.region_name(str(value), lang)
    return str(value)  # numbers and years


def _render_part(part: NotePart, lang: str, translate: bool = True) -> str:
    fields = {name: _field(name, value, lang, translate) for name, value in part.args}
    return words.fill(_template(part.key, lang), **fields)


def render(value: Note, lang: str) -> str:
    """The note in `lang`: each part from its template in that language, its arguments (units,
    kinds, levels, region names, a nested note) in that language too, the parts joined by '；'
    in Chinese and '; ' in English."""
    words.check_lang(lang)
    separator = "；" if lang == "zh" else "; "
    return separator.join(_render_part(part, lang) for part in value.parts)


def render_cells(text: object, code: object, args: object, lang: str) -> object:
    """A note cell as a reader sees it: rendered from its code when it has one; a text without
    code (a message about one document) and an empty cell as they are."""
    found = decode(code, args)
    return render(found, lang) if found is not None else text


def with_their_codes(columns: Iterable[str]) -> list[str]:
    """`columns`, each note column followed by its code columns: what a reader's selection of
    columns keeps so that `in_language` can render its notes."""
    return [k for c in columns for k in (c, *code_columns(str(c)))]


def in_language(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """`df` with each note column that has code columns in `lang`, rendered from them; the code
    columns are dropped. Other columns (a curator's note) stay as written; a note column of the
    analysis (`*_note`) without its code raises ValueError: cut from its codes (select columns
    with `with_their_codes`), it could only pass as English."""
    out = df.copy()
    for column in list(out.columns):
        code_column, args_column = code_columns(str(column))
        if code_column not in out.columns:
            if str(column).endswith("_note") and out[column].notna().any():
                raise ValueError(
                    f"{column} without {code_column}: select columns with notes.with_their_codes"
                )
            continue
        args = out[args_column] if args_column in out.columns else [None] * len(out)
        out[column] = [
            render_cells(t, c, a, lang)
            for t, c, a in zip(out[column], out[code_column], args, strict=True)
        ]
        out = out.drop(columns=[c for c in (code_column, args_column) if c in out.columns])
    return out


def split(value: Note | None) -> list[Note]:
    """Each part of a note as a note of its own (none for None)."""
    if value is None:
        return []
    return [note(part.key, **dict(part.args)) for part in value.parts]


def row_text(row: Mapping[str, object], column: str, lang: str) -> object:
    """The note of `column` in `row` (a record or a Series that holds its code columns) in
    `lang`; a message without code as written."""
    code, args = code_columns(column)
    return render_cells(row.get(column), row.get(code), row.get(args), lang)
