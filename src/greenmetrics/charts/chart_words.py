"""The chart words of the project in Chinese and English: `label` reads the one vocabulary
(`greenmetrics.words`, data/words.csv), units and themes as printed, and how lists, brackets and
colons are written in each language. A module of its own so the source line (`citations`) and the
style share them without a cycle."""

from __future__ import annotations

from .. import words
from ..regions import REGION_LEVELS
from ..schemas.vocabularies import STATUSES, TRAJECTORY_SERIES
from ..words import LANGS, WORDS_FILE, check_lang  # noqa: F401 - re-exported for the charts

# Chart keys that name a word of another kind: one row in words.csv, shared with the tables.
_PREFIXES = {
    "theme_": "theme",
    "unit_": "unit",
    "verdict_": "verdict",
    "commitment_": "commitment",
    "level_": "levels",
}
_SHARED = {
    # no_data is the chart's own word (a cell without data); the pace's is 无趋势 / no trend
    **{s: "status" for s in STATUSES if s != "no_data"},
    **{s: "series" for s in TRAJECTORY_SERIES},
    **{s: "level" for s in REGION_LEVELS},
    "benchmark": "origin",
}

_NO_DEFAULT = object()


def word_of(key: str) -> tuple[str, str]:
    """The (kind, key) of words.csv a chart key names: `theme_air` is ('theme', 'air'),
    `on_track` ('status', 'on_track'), a chart-only word ('chart', key)."""
    for prefix, kind in _PREFIXES.items():
        if key.startswith(prefix):
            return kind, key[len(prefix) :]
    return _SHARED.get(key, "chart"), key


def label(key: str, lang: str, default: object = _NO_DEFAULT, **fields: object) -> str:
    """The chart word `key` in `lang`, from words.csv, formatted with `fields` ({n}, {names}).

    Chart words are data so a researcher can reword them in a spreadsheet; an unknown key raises
    KeyError (a typo must not print an empty label) unless a `default` is given.
    """
    kind, name = word_of(key)
    if default is _NO_DEFAULT:
        return words.word(kind, name, lang, **fields)
    return words.word(kind, name, lang, default, **fields)


def list_separator(lang: str) -> str:
    """Between the names of a list: 、 in Chinese, a comma in English."""
    return "、" if lang == "zh" else ", "


def parenthesized(text: str, lang: str) -> str:
    """`text` in full-width brackets in Chinese, in spaced round brackets in English."""
    return f"（{text}）" if lang == "zh" else f" ({text})"


def unit_text(unit: object, lang: str) -> str:
    """A unit as printed in `lang`: 万亩 stays 万亩 in Chinese and reads '10k mu' in English
    (the `unit` rows of words.csv); a unit without a row is printed as written."""
    if not isinstance(unit, str) or not unit.strip():
        return ""
    return words.unit_name(unit.strip(), lang)


def theme_text(theme: object, lang: str) -> str:
    """A theme code (agriculture ...) as printed in `lang`; 'unmapped' when there is none."""
    if not isinstance(theme, str) or not theme:
        return label("unmapped", lang)
    return label(f"theme_{theme}", lang, default=theme)


def colon(lang: str) -> str:
    return "：" if lang == "zh" else ": "


def plain(text: object) -> str:
    """Data text made safe for matplotlib (a '$' would otherwise start mathtext)."""
    return str(text).replace("$", r"\$")
