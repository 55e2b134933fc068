"""The chart words of the project in Chinese and English: labels.csv read once (`label`),
units and themes as printed, and how lists, brackets and colons are written in each language.
A module of its own so the source line (`_sources`) and the style share them without a cycle."""

from __future__ import annotations

import csv
from functools import lru_cache

from .. import paths
from ..errors import InputError

LANGS = ("zh", "en")
LABELS_FILE = paths.PACKAGE_DATA / "labels.csv"


@lru_cache(maxsize=1)
def _labels() -> dict[str, dict[str, str]]:
    """The chart words of labels.csv, keyed by `key`; fails naming the file and line."""
    table: dict[str, dict[str, str]] = {}
    with open(LABELS_FILE, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header != ["key", "zh", "en"]:
            raise InputError(LABELS_FILE, f"header must be key,zh,en, found {header}", line=1)
        for line, row in enumerate(reader, start=2):
            if not row:
                continue
            if len(row) != 3 or not all(cell.strip() for cell in row):
                raise InputError(LABELS_FILE, f"need three non-empty cells, found {row}", line=line)
            key, zh, en = (cell.strip() for cell in row)
            if key in table:
                raise InputError(LABELS_FILE, f"duplicate key {key!r}", line=line)
            table[key] = {"zh": zh, "en": en}
    return table


_NO_DEFAULT = object()


def check_lang(lang: str) -> str:
    """Return `lang` if it is a supported chart language ('zh' or 'en'), else raise ValueError."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return lang


def label(key: str, lang: str, default: object = _NO_DEFAULT, **fields: object) -> str:
    """The chart word `key` in `lang`, from labels.csv, formatted with `fields` ({n}, {names}).

    Chart words are data so a researcher can reword them in a spreadsheet; an unknown key raises
    KeyError (a typo must not print an empty label) unless a `default` is given.
    """
    check_lang(lang)
    entry = _labels().get(key)
    if entry is None:
        if default is _NO_DEFAULT:
            raise KeyError(f"no chart label {key!r} in {LABELS_FILE}")
        return str(default)
    text = entry[lang]
    return text.format(**fields) if fields else text


def list_separator(lang: str) -> str:
    """Between the names of a list: 、 in Chinese, a comma in English."""
    return "、" if lang == "zh" else ", "


def parenthesized(text: str, lang: str) -> str:
    """`text` in full-width brackets in Chinese, in spaced round brackets in English."""
    return f"（{text}）" if lang == "zh" else f" ({text})"


def unit_text(unit: object, lang: str) -> str:
    """A unit as printed in `lang`: 万亩 stays 万亩 in Chinese and reads '10k mu' in English
    (the `unit_<unit>` rows of labels.csv); a unit without a row is printed as written."""
    if not isinstance(unit, str) or not unit.strip():
        return ""
    return label(f"unit_{unit.strip()}", lang, default=unit.strip())


def theme_text(theme: object, lang: str) -> str:
    """A theme code (agriculture ...) as printed in `lang`; 'unmapped' when there is none."""
    if not isinstance(theme, str) or not theme:
        return label("unmapped", lang)
    return label(f"theme_{theme}", lang, default=theme)


def _colon(lang: str) -> str:
    return "：" if lang == "zh" else ": "


def plain(text: object) -> str:
    """Data text made safe for matplotlib (a '$' would otherwise start mathtext)."""
    return str(text).replace("$", r"\$")
