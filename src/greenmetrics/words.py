"""The project's words in Chinese and English, one vocabulary: `data/words.csv` (kind, key, zh,
en), read once, used by the charts, the notebook tables, the findings and the workbook.

Each word is one row: a theme, a region level, a status or verdict, a unit, a comparator ... is
written once and charts and tables share it. The kinds:

- codes of the tables, one kind per family: `level`, `theme`, `comparator`, `kind`, `measure`,
  `direction`, `status`, `verdict`, `series`, `origin`, `binding`, `category`; and `unit`,
  `commitment` (a milestone word in English), `levels` (a region level as a group: 省级);
- `chart`: titles, subtitles, legends and other words only charts print;
- `sheet`, `about`, `text`, `column`: the workbook's sheet names, what each holds, its fixed
  texts and column headers;
- `meaning`: a column's meaning in Chinese (its English meaning is the description declared in
  `schemas`, so `en` stays empty);
- `note`: the templates of the notes the analysis and the review write (`comparability_note`,
  `status_note` ...), with {named} fields; `notes` makes them, keeps their codes in the tables
  and renders them.

A count chooses its words in English with `{n:plan|plans}` (singular|plural, by the field `n`):
'{n} local {n:plan|plans}' reads '1 local plan', '3 local plans'. Chinese needs none. `fill`
is the one formatter of templates, for words.csv and the finding sentences alike.
"""

from __future__ import annotations

import csv
import re
import string
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from . import paths
from .errors import InputError

if TYPE_CHECKING:
    import pandas as pd

LANGS = ("zh", "en")
WORDS_FILE = paths.PACKAGE_DATA / "words.csv"
HEADER = ["kind", "key", "zh", "en"]
# Kinds whose `en` is not in this file (it is declared elsewhere) and stays empty.
ZH_ONLY_KINDS = frozenset({"meaning"})

_NO_DEFAULT = object()


def check_lang(lang: str) -> str:
    """Return `lang` if it is a supported language ('zh' or 'en'), else raise ValueError."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return lang


def read_words(path: Path = WORDS_FILE) -> dict[tuple[str, str], dict[str, str]]:
    """The rows of a words file by (kind, key); fails naming the file and line on a wrong
    header, a row without its four cells (zh and en non-empty, en empty for ZH_ONLY_KINDS), a
    duplicate (kind, key), or a note whose Chinese and English fields differ."""
    table: dict[tuple[str, str], dict[str, str]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header != HEADER:
            raise InputError(path, f"header must be {','.join(HEADER)}, found {header}", line=1)
        for line, row in enumerate(reader, start=2):
            if not row:
                continue
            cells = [cell.strip() for cell in row]
            if len(cells) != 4 or not all(cells[:3]):
                raise InputError(path, f"need four cells kind,key,zh,en, found {row}", line=line)
            kind, key, zh, en = cells
            if (kind in ZH_ONLY_KINDS) == bool(en):
                need = "an empty en (declared in schemas)" if kind in ZH_ONLY_KINDS else "an en"
                raise InputError(path, f"{kind} {key!r} needs {need}", line=line)
            if (kind, key) in table:
                raise InputError(path, f"duplicate {kind} {key!r}", line=line)
            try:
                zh_fields, en_fields = template_fields(zh), template_fields(en)
            except ValueError as exc:
                raise InputError(path, f"{kind} {key!r}: {exc}", line=line) from None
            if kind == "note" and zh_fields != en_fields:
                raise InputError(path, f"note {key!r}: zh and en name different fields", line=line)
            table[(kind, key)] = {"zh": zh, "en": en}
    return table


@lru_cache(maxsize=1)
def vocabulary() -> dict[tuple[str, str], dict[str, str]]:
    """The shipped words (data/words.csv), read once."""
    return read_words(WORDS_FILE)


def has_word(kind: str, key: str) -> bool:
    return (kind, key) in vocabulary()


class _CountFormatter(string.Formatter):
    """str.format, and a count's words chosen by its value: '{n:plan|plans}'."""

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" in format_spec:
            one, other = format_spec.split("|", 1)
            return one if str(value) == "1" else other
        return super().format_field(value, format_spec)


_FORMATTER = _CountFormatter()


def fill(template: str, **fields: object) -> str:
    """`template` with its {fields}; '{n:plan|plans}' writes 'plan' when n is 1, else
    'plans' (the one plural rule of every English text)."""
    return _FORMATTER.format(template, **fields)


def template_fields(template: str) -> list[str]:
    """The names of the fields of `template`, sorted, each once ('{n} {n:plan|plans}' -> n).
    Raises ValueError for a template that is not well formed."""
    names = set()
    for _, name, spec, _ in _FORMATTER.parse(template):
        if name is None:
            continue
        if not re.fullmatch(r"\w+", name):
            raise ValueError(f"field {{{name}}} is not a plain name")
        if spec and spec.count("|") != 1:
            raise ValueError(f"{{{name}:{spec}}}: a count's words are 'singular|plural'")
        names.add(name)
    return sorted(names)


def word(kind: str, key: str, lang: str, default: object = _NO_DEFAULT, **fields: object) -> str:
    """The word `key` of `kind` in `lang`, formatted with `fields` ({n}, {names}) by `fill`
    ('{n} {n:target|targets}' reads '1 target', '3 targets').

    An unknown word raises KeyError (a typo must not print an empty label) unless a `default`
    is given."""
    check_lang(lang)
    entry = vocabulary().get((kind, key))
    if entry is None:
        if default is _NO_DEFAULT:
            raise KeyError(f"no {kind} {key!r} in {WORDS_FILE}")
        return str(default)
    text = entry[lang]
    return fill(text, **fields) if fields else text


# -- the coded columns of the tables --------------------------------------------------------

# Column -> the kinds its codes are words of (a sources table's `kind` holds origins).
CODE_KINDS: dict[str, tuple[str, ...]] = {
    "region_level": ("level",),
    "benchmark_level": ("level",),
    "theme": ("theme",),
    "comparator": ("comparator",),
    "kind": ("kind", "origin"),
    "reference_kind": ("kind",),
    "direction": ("direction",),
    "status": ("status",),
    "verdict": ("verdict",),
    "series": ("series",),
    "origin": ("origin",),
    "observation_origin": ("origin",),
    "used_origin": ("origin",),
    "other_origin": ("origin",),
    "used_comparator": ("comparator",),
    "other_comparator": ("comparator",),
    "binding": ("binding",),
    "measure": ("measure", "kind"),
    "category": ("category",),
}


def code_word(column: str, value: object, lang: str) -> object:
    """A coded cell of `column` (no_data, level, ge ...) as a word of `lang`; a value the
    vocabulary does not know, or a column without codes, is returned as it is."""
    check_lang(lang)
    if not isinstance(value, str):
        return value
    for kind in CODE_KINDS.get(column, ()):
        entry = vocabulary().get((kind, value))
        if entry is not None:
            return entry[lang]
    return value


def region_names(
    regions: Iterable[object], lang: str, documents: pd.DataFrame | None = None, short: bool = False
) -> dict[str, str]:
    """region_zh -> the region as a reader sees it in `lang`, the one rule of every table, chart,
    sentence and sheet: the country is 全国 / China; other regions are as written in Chinese and
    in English the name their plans are filed under (region_en of `documents`), else the
    gazetteer's, else as written (a scope, 乙镇, is no single division). `short`, in English,
    gives the name of `short_region_name` for axes, sheet titles and sentences; Chinese axes
    keep the name as written."""
    from .regions import is_country

    check_lang(lang)
    filed: dict[str, str] = {}
    if lang == "en" and documents is not None and {"region_zh", "region_en"} <= set(documents):
        pairs = documents[["region_zh", "region_en"]].dropna().drop_duplicates("region_zh")
        filed = dict(zip(pairs["region_zh"], pairs["region_en"], strict=True))
    names = {}
    for name in dict.fromkeys(r for r in regions if isinstance(r, str)):
        if is_country(name):
            names[name] = word("chart", "country_name", lang)
        elif lang == "zh":
            names[name] = name
        else:
            english = filed.get(name) or _gazetteer_name_en(name)
            if short and english:
                english = _short_of_filed(name, english) or english
            names[name] = english or name
    return names


def short_region_name(
    name: str, lang: str, documents: pd.DataFrame | None = None, full: str | None = None
) -> str:
    """A region as a crowded line names it (a source line, a sheet title, an English axis):
    the gazetteer's short name (`Gazetteer.short_name`: 忻府区, 临夏州, 甘肃; Xinfu District,
    Linxia Prefecture, Gansu), the country as 全国 / China; a region the gazetteer does not know
    as `region_name` gives it. The one helper of both languages: no name is cut by a pattern of
    its own. `full`: the region's name as `region_name` gives it, when the caller has it."""
    from .regions import is_country

    check_lang(lang)
    if is_country(name):
        return word("chart", "country_name", lang)
    full = full or region_name(name, lang, documents)
    if lang == "en":
        return _short_of_filed(name, full) or full
    return _gazetteer_short(name, "zh") or full


def _short_of_filed(name: str, english: str) -> str | None:
    """The gazetteer's English short name of `name` when `english` (the name its plans are
    filed under) is the gazetteer's reading of the place; else None, and the filed name is
    shown whole: an override of a reading the gazetteer gets wrong has no short form here."""
    short = _gazetteer_short(name, "en")
    if short is None or english.replace(",", " ").split()[:1] != short.split()[:1]:
        return None
    return short


def region_name(
    name: str, lang: str, documents: pd.DataFrame | None = None, short: bool = False
) -> str:
    """One region as a reader sees it in `lang` (the rule of `region_names`)."""
    return region_names([name], lang, documents, short).get(name, name)


@lru_cache(maxsize=4096)
def _gazetteer_short(name: str, lang: str) -> str | None:
    from .gazetteer import shipped_gazetteer

    return shipped_gazetteer().short_name_of(name, lang)


@lru_cache(maxsize=4096)
def _gazetteer_name_en(name: str) -> str | None:
    from .gazetteer import shipped_gazetteer

    gazetteer = shipped_gazetteer()
    found = gazetteer.find_region(name)
    return gazetteer.display_name_en(found) if found is not None else None


def unit_name(unit: object, lang: str) -> object:
    """A unit cell as a reader sees it: 万亩 in Chinese, '10k mu' in English; empty and unknown
    units as written."""
    if not isinstance(unit, str) or not unit.strip():
        return unit
    return word("unit", unit.strip(), lang, default=unit)
