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
- `note`: the templates of the notes the analysis writes (`comparability_note`, `status_note`
  ...), with {named} fields. The analysis writes the English text (`note`); a reader sees it in
  either language (`note_text`), a joined note ("a; b") part by part, and a note that matches
  no template raises instead of passing as English.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
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
            if kind == "note" and _fields(zh) != _fields(en):
                raise InputError(path, f"note {key!r}: zh and en name different fields", line=line)
            table[(kind, key)] = {"zh": zh, "en": en}
    return table


@lru_cache(maxsize=1)
def vocabulary() -> dict[tuple[str, str], dict[str, str]]:
    """The shipped words (data/words.csv), read once."""
    return read_words(WORDS_FILE)


def has_word(kind: str, key: str) -> bool:
    return (kind, key) in vocabulary()


def word(kind: str, key: str, lang: str, default: object = _NO_DEFAULT, **fields: object) -> str:
    """The word `key` of `kind` in `lang`, formatted with `fields` ({n}, {names}). With a count
    `n`, an English template may write the plural as {s}: '{n} target{s}' reads '1 target',
    '3 targets'.

    An unknown word raises KeyError (a typo must not print an empty label) unless a `default`
    is given."""
    check_lang(lang)
    entry = vocabulary().get((kind, key))
    if entry is None:
        if default is _NO_DEFAULT:
            raise KeyError(f"no {kind} {key!r} in {WORDS_FILE}")
        return str(default)
    text = entry[lang]
    if "n" in fields:
        fields = {"s": "" if fields["n"] == 1 else "s", **fields}
    return text.format(**fields) if fields else text


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


# -- notes ------------------------------------------------------------------------------------

_FIELD_RE = re.compile(r"\{(\w+)\}")
_NUMBER = r"[-+]?(?:\d[\d.]*(?:e[-+]?\d+)?|nan|inf)"
_SEPARATORS = re.compile(r"; |；")
_PART = r"(?:(?!; |；).)+?"  # text within one part of a joined note
# The text a field of each name matches in the English note.
_FIELD_PATTERNS = {
    "n": r"\d+",
    "year": r"\d+|None",
    "other_year": r"\d+|None",
    "target_year": r"\d+|None",
    "years": r"\d{4}(?:-\d{4})?",  # one year, or a run of years first-last
    "value": _NUMBER,
    "needed": _NUMBER,
    "seen": _NUMBER,
    "values": rf"{_NUMBER}(?:, {_NUMBER})*",
    "amount": rf"{_NUMBER} ?\S+",
    "kind": r"level|increment|reduction",
    "other_kind": r"level|increment|reduction",
    "level": r"country|province|prefecture|county",
    "unit": _PART,
    "other_unit": _PART,
    "units": _PART,
    "area": _PART,
    "scope": _PART,
    "reasons": r".+",
    "text": r"(?:(?!source note: ).)+",  # a curator's note, verbatim
}
# Fields that are text written by people (a plan's scope, a curator's note): never translated.
VERBATIM_FIELDS = frozenset({"scope", "text"})


def _fields(template: str) -> list[str]:
    return sorted(_FIELD_RE.findall(template))


@dataclass(frozen=True)
class NotePart:
    """One part of a note: its template key and its fields as the English text has them."""

    key: str
    fields: tuple[tuple[str, str], ...]


@lru_cache(maxsize=1)
def _note_patterns() -> list[tuple[str, re.Pattern[str]]]:
    patterns = []
    for (kind, key), entry in vocabulary().items():
        if kind != "note":
            continue
        pieces, end = [], 0
        for m in _FIELD_RE.finditer(entry["en"]):
            name = m.group(1)
            if name not in _FIELD_PATTERNS:
                raise InputError(WORDS_FILE, f"note {key!r}: unknown field {{{name}}}")
            pieces += [
                re.escape(entry["en"][end : m.start()]),
                f"(?P<{name}>{_FIELD_PATTERNS[name]})",
            ]
            end = m.end()
        pieces.append(re.escape(entry["en"][end:]))
        literal = len(_FIELD_RE.sub("", entry["en"]))
        patterns.append((literal, key, re.compile("".join(pieces), re.DOTALL)))
    # NOTE: the most specific template first: 'target limited to {scope}' would also match
    # 'target limited to X: no observation for that area' and leave its second half English.
    patterns.sort(key=lambda p: -p[0])
    return [(key, pattern) for _, key, pattern in patterns]


def note(key: str, **fields: object) -> str:
    """The note `key` as the analysis writes it: its English template with `fields` as they are
    (codes, Chinese names, numbers). Raises KeyError for a note not in the vocabulary."""
    entry = vocabulary().get(("note", key))
    if entry is None:
        raise KeyError(f"no note {key!r} in {WORDS_FILE}")
    return entry["en"].format(**fields)


def _match_part(text: str) -> NotePart | None:
    for key, pattern in _note_patterns():
        m = pattern.fullmatch(text)
        if m:
            return NotePart(key, tuple(m.groupdict().items()))
    return None


@lru_cache(maxsize=20000)
def note_parts(text: str) -> tuple[NotePart, ...]:
    """The parts of a note as written by the analysis (joined by '; ' or '；'), each matched to
    its template; the split with the fewest parts wins. Raises ValueError naming the text that
    no template matches."""
    text = text.strip()
    starts = [0] + [m.end() for m in _SEPARATORS.finditer(text)]
    ends = [m.start() for m in _SEPARATORS.finditer(text)] + [len(text)]
    best: dict[int, tuple[NotePart, ...]] = {len(starts): ()}
    # best[i]: the fewest parts covering text from starts[i] to the end
    for i in range(len(starts) - 1, -1, -1):
        found = None
        for j in range(i, len(ends)):
            rest = best.get(j + 1)
            if rest is None:
                continue
            part = _match_part(text[starts[i] : ends[j]])
            if part is not None and (found is None or len(rest) + 1 < len(found)):
                found = (part, *rest)
        if found is not None:
            best[i] = found
    if 0 not in best:
        unmatched = [
            text[s:e] for s, e in zip(starts, ends, strict=True) if _match_part(text[s:e]) is None
        ]
        raise ValueError(f"no note template in {WORDS_FILE} matches {unmatched or [text]!r}")
    return best[0]


def short_name_en(name: str) -> str:
    """An English region name short enough for an axis: no parent city, no ethnic autonomy
    words ('Xinfu District, Xinzhou' -> 'Xinfu District', 'Linxia Hui Autonomous Prefecture'
    -> 'Linxia Prefecture'); the full names are in the documents table."""
    name = name.split(",")[0].strip()
    return re.sub(r"(?: \w+)? Autonomous (Prefecture|Region|County)$", r" \1", name)


def region_names(
    regions: Iterable[object], lang: str, documents: pd.DataFrame | None = None, short: bool = False
) -> dict[str, str]:
    """region_zh -> the region as a reader sees it in `lang`, the one rule of every table, chart,
    sentence and sheet: the country is 全国 / China; other regions are as written in Chinese and
    in English the name their plans are filed under (region_en of `documents`), else the
    gazetteer's, else as written (a scope, 乙镇, is no single division). `short` drops the parent
    city and the ethnic autonomy words, for axes, sheet titles and sentences."""
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
            names[name] = (short_name_en(english) if short else english) if english else name
    return names


def region_name(
    name: str, lang: str, documents: pd.DataFrame | None = None, short: bool = False
) -> str:
    """One region as a reader sees it in `lang` (the rule of `region_names`)."""
    return region_names([name], lang, documents, short).get(name, name)


@lru_cache(maxsize=4096)
def _gazetteer_name_en(name: str) -> str | None:
    from .gazetteer import shipped_gazetteer

    gazetteer = shipped_gazetteer()
    found = gazetteer.find_region(name)
    return gazetteer.display_name_en(found) if found is not None else None


def _unit(unit: str, lang: str) -> str:
    return word("text", "none", lang) if unit == "none" else word("unit", unit, lang, default=unit)


def unit_name(unit: object, lang: str) -> object:
    """A unit cell as a reader sees it: 万亩 in Chinese, '10k mu' in English; empty and unknown
    units as written."""
    if not isinstance(unit, str) or not unit.strip():
        return unit
    return word("unit", unit.strip(), lang, default=unit)


def _amount(amount: str, lang: str) -> str:
    m = re.fullmatch(rf"({_NUMBER}) ?(\S+)", amount)
    number, unit = m.group(1), m.group(2)  # type: ignore[union-attr]
    return f"{number}{_unit(unit, lang)}" if lang == "zh" else f"{number} {_unit(unit, lang)}"


def _field_text(name: str, value: str, lang: str) -> str:
    if name in ("year", "other_year", "target_year") and value == "None":
        return word("text", "none", lang)
    if name in ("kind", "other_kind"):
        return word("kind", value, lang)
    if name == "level":
        return word("level", value, lang)
    if name in ("unit", "other_unit"):
        return _unit(value, lang)
    if name == "units":
        return "、".join(_unit(u, lang) for u in value.split("、"))
    if name == "amount":
        return _amount(value, lang)
    if name == "years":
        return value.replace("-", "—") if lang == "zh" else value
    if name == "values":
        return value.replace(", ", "、") if lang == "zh" else value
    if name == "area":
        return region_name(value, lang)
    return value  # numbers, years and verbatim text


def note_text(text: object, lang: str, field: Callable[[str, str, str], str] | None = None):
    """A note of the analysis as a reader sees it in `lang`: each part from its template in that
    language, its fields (units, kinds, levels, region names) in that language too, the parts
    joined by '；' in Chinese, '; ' in English. Empty cells are returned as they are; a note
    with no template raises ValueError (see `note_parts`). `field` renders a field instead
    of the default (tests use it to blank verbatim text)."""
    check_lang(lang)
    if not isinstance(text, str) or not text.strip():
        return text
    render = field or _field_text
    out = []
    for part in note_parts(text):
        template = vocabulary()[("note", part.key)][lang]
        values = {
            name: note_text(value, lang, field) if name == "reasons" else render(name, value, lang)
            for name, value in part.fields
        }
        out.append(template.format(**values))
    return ("；" if lang == "zh" else "; ").join(out)


def is_note_column(column: object) -> bool:
    """True for the columns that hold notes of the analysis (comparability_note, status_note,
    verdict_note, observation_note, {province,country}_benchmark_note)."""
    return isinstance(column, str) and column.endswith("_note")
