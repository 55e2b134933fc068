"""What a reader sees of each table in the workbook: the sheets in their order, the columns a
report writer reads (declared in `schemas.readers`), coded values, yes/no, notes, regions and units in words of a language
(data/words.csv, which a researcher can reword), one sheet per region of a scorecard and the
field dictionary."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .. import notes, words
from ..schemas import TABLES, data_dictionary_markdown, describe
from ..schemas.readers import READER_TABLES, REGION_COLUMNS, UNIT_COLUMNS, reader_columns
from .cells import SHEET_NAME_BAD, SHEET_NAME_MAX

SHEET_ORDER = (
    "summary",
    "scorecard",  # each target of each region with its verdict (analysis.scorecard)
    "verdicts",  # targets by verdict and region (native chart)
    "documents",
    "targets",
    "milestones",
    "gaps",
    "gap_status",
    "comparison",
    "comparison_charts",
    "trajectories",
    "observations",  # every observation the analysis reads, curated and extracted
    "conflicts",  # sources that disagree, the value used and the rule
    "sources",
    "fields",
    "charts",
)

WORDS_FILE = words.WORDS_FILE
LANGS = words.LANGS
# Columns holding codes (no_data, level, ge ...) that a language-specific workbook shows as words.
CODE_COLUMNS = frozenset(words.CODE_KINDS)


def field_dictionary(tables: Mapping[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """The field dictionary of the declared tables (those in `tables`, default all).

    Returns one row per table column (table, column, type, meaning, allowed, nullable), built
    from schemas.FIELDS so the workbook's 'fields' sheet can never disagree with the schemas.
    """
    names = [t for t in TABLES if tables is None or t in tables]
    frames = [describe(t).assign(table=t) for t in names]
    if not frames:
        return pd.DataFrame(columns=["table", "column", "type", "meaning", "allowed", "nullable"])
    df = pd.concat(frames, ignore_index=True)
    return df[["table", "column", "type", "meaning", "allowed", "nullable"]]


def word(kind: str, key: str, lang: str) -> str:
    """`key` (a sheet, column or summary text) in `lang`, from the one vocabulary (words.csv);
    a column or sheet with no entry reads as its name with spaces, anything else as itself."""
    if lang not in LANGS:
        raise ValueError(f"language {lang!r}: choose from {', '.join(LANGS)}")
    fallback = key.replace("_", " ") if kind in ("column", "sheet") else key
    return words.word(kind, key, lang, default=fallback)


def in_words(df: pd.DataFrame, lang: str, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """`df` with coded values, yes/no and the analysis' notes (`notes.in_language`) as words of
    `lang`, and in English region names (`names`, else the gazetteer's) and units in English
    (numbers and other text left alone)."""
    out = notes.in_language(df, lang)
    english = lang == "en"
    for column in out.columns:
        series = out[column]
        keeps_own = column == "region_zh" and "region_en" in out.columns
        if english and column in REGION_COLUMNS and not keeps_own:
            out[column] = series.map(
                lambda v: (names or {}).get(v) or words.region_name(v, lang)
                if isinstance(v, str) else v
            )  # fmt: skip
            continue
        if english and column in UNIT_COLUMNS:
            out[column] = series.map(lambda v: words.unit_name(v, lang))
            continue
        if pd.api.types.is_bool_dtype(series):
            yes, no = word("text", "yes", lang), word("text", "no", lang)
            out[column] = series.map(lambda v, y=yes, n=no: None if pd.isna(v) else (y if v else n))
        elif str(column) in CODE_COLUMNS and not pd.api.types.is_numeric_dtype(series):
            out[column] = series.map(lambda v, c=str(column): words.code_word(c, v, lang))
    return out


def for_readers(df: pd.DataFrame, reader_table: str, lang: str) -> pd.DataFrame:
    """`df` cut to the columns of `reader_table` (`schemas.readers`: those it has, in that
    order) for a workbook in `lang`; in English the indicator column holds indicator_en (the
    plan's words where the catalog has none). A note column keeps its code columns, which
    `in_words` renders and drops."""
    wanted = notes.with_their_codes(reader_columns(reader_table))
    shown = df[[c for c in wanted if c in df.columns]].copy()
    if lang == "en" and "indicator_zh" in shown and "indicator_en" in df:
        english = df["indicator_en"]
        shown["indicator_zh"] = english.where(english.notna(), df["indicator_zh"])
    return shown


def region_scorecards(
    card: pd.DataFrame, lang: str, names: Mapping[str, str] | None = None
) -> dict[str, pd.DataFrame]:
    """One sheet per region of a scorecard (in the card's order): sheet title -> the region's
    rows in the columns of the reader table region_scorecard (`for_readers`). Titles read '评分卡·忻府区' / 'Scorecard ·
    Xinfu District', cut to Excel's 31 characters and kept unique."""
    head = word("sheet", "scorecard", lang)
    joiner = "·" if lang == "zh" else " · "
    out: dict[str, pd.DataFrame] = {}
    for region, part in card.groupby("region_zh", sort=False):
        shown = for_readers(part, "region_scorecard", lang)
        name = words.short_region_name(str(region), lang, full=(names or {}).get(region))
        title = SHEET_NAME_BAD.sub("", f"{head}{joiner}{name}")[:SHEET_NAME_MAX].strip()
        n = 2
        while title in out:
            suffix = f" {n}"
            title = title[: SHEET_NAME_MAX - len(suffix)] + suffix
            n += 1
        out[title] = shown.reset_index(drop=True)
    return out


def fields_in_words(fields: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, list[str]]:
    """The field dictionary with each column's header and meaning in `lang` next to its code
    (the Chinese meanings are the `meaning` rows of words.csv)."""
    out = fields.copy()
    if lang == "zh" and "meaning" in out:
        out["meaning"] = [
            words.word("meaning", str(c), lang, default=m)
            for c, m in zip(out["column"], out["meaning"], strict=True)
        ]
    if "column" in out:
        out.insert(out.columns.get_loc("column"), "field", out["column"])
        out["column"] = out["column"].map(lambda c: word("column", str(c), lang))
    if "table" in out:
        out["table"] = out["table"].map(lambda t: word("sheet", str(t), lang))
    out = in_words(out, lang)
    return out, [word("column", str(c), lang) for c in out.columns]


def sheet_region_names(sheets: Mapping[str, pd.DataFrame], lang: str) -> dict[str, str]:
    """region_zh -> the full name shown in `lang` (`words.region_names`) of every region in the
    region columns of `sheets`."""
    regions = [
        region
        for df in sheets.values()
        for column in sorted(REGION_COLUMNS & set(df.columns))
        for region in df[column].unique()
    ]
    return words.region_names(regions, lang, sheets.get("documents"))


def reader_tables_markdown() -> str:
    """The last part of docs/tables.md: each reader table (`schemas.readers`), the table its
    rows come from and its columns in order, each with the header a reader sees in Chinese and
    English (the `column` words of words.csv)."""
    parts = [
        "## What a reader sees of each table\n",
        "From `src/greenmetrics/schemas/readers.py` and the `column` words of "
        "`src/greenmetrics/data/words.csv`: the workbook's sheets and the notebooks' tables "
        "show these columns in this order, under these headers.\n",
    ]
    for reader in READER_TABLES.values():
        also = "".join(f" (and `{t}`)" for t in reader.joined)
        parts.append(
            f"### {reader.name}\n\n{reader.description[0].upper()}{reader.description[1:]}. "
            f"Rows of `{reader.source}`{also}.\n"
        )
        lines = ["| column | 中文 | English |", "| --- | --- | --- |"]
        for column in reader.columns:
            if column == "indicator_en":  # gives the indicator its English words, not shown
                lines.append(f"| `{column}` | (not shown) | (the indicator in English) |")
                continue
            zh, en = (word("column", column, lang) for lang in ("zh", "en"))
            lines.append(f"| `{column}` | {zh} | {en} |")
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def tables_document() -> str:
    """docs/tables.md: every declared table and its columns (`schemas`), then what a reader sees
    of each (`reader_tables_markdown`)."""
    return data_dictionary_markdown() + "\n" + reader_tables_markdown()
