"""The one observation table the analysis reads: the curated rows (`data/reference`) and the
rows the extraction read from documents (`data/processed/observations.csv`) in one shape
(`join_observations`), and the conflicts between their values (`observation_conflicts`).

How an extracted row becomes a row of the analysis:
- `kind` level -> `measure` level; a change -> `yearly_change` when its baseline year is the
  year before (比上年), else `cumulative_change` (比2015年, "十三五"); its sign from the last
  words of its indicator (…下降 a fall: negative, …增长 a rise: positive), as curated changes
  are written (-2.7 = 下降2.7%);
- `source_title` the document's title (documents.csv), `source` its file, `doc_id`, `quote`
  and offsets kept; `region_level` 全国 -> country, else the level of its division code in the
  gazetteer, else that of the document's region.

Every row stays in the table; `is_used` says whether it judges targets and `use_note` why not:
no catalog indicator, a sub-area (`scope_zh`), a change of no stated direction or baseline, a
percentage that cannot be one, or the losing side of a conflict. A change in % judges
reductions (a relative fall); a change in a quantity (新增 万千瓦) judges increments of that
unit (analysis.progress).

Conflicts. Two rows that judge targets, of the same region, indicator, year and measure (and,
for a change, baseline year), conflict when their values disagree: "equal" is read at the
coarser precision of the two (88 and 88.1 agree), a bound holds the other value (超过88% and
88.1), 约 allows `APPROX_TOLERANCE`; values in units that convert are compared converted, in
units that do not (% and 万吨) they are different quantities. The value used is chosen by one
rule, in this order: a curated row wins over an extracted one (a curator checked it); between
curated rows the more precise figure, then the earlier line; between extracted rows a bulletin
or report over a plan's review, then the later document (report year, then issue date), then
the more precise figure, then document order. The other row stays in the table, not used, and
names the row used instead; `observation_conflicts` lists every such pair. Never silent.
"""

from __future__ import annotations

import math

import pandas as pd

from ..catalog import Catalog, attach_indicators, load_catalog
from ..extract.observation_words import FALL_WORDS, RISE_WORDS, WORK_RE
from ..gazetteer import shipped_gazetteer
from ..notes import Note, decode, join, note, split
from ..regions import COUNTRY_ZH
from ..schemas import columns
from .progress import APPROX_TOLERANCE, convert_unit
from .shared import (
    checked_frame,
    decimal_places,
    int_or_none,
    is_missing,
    require_columns,
    text_or_none,
)

# NOTE: an extracted change keeps its direction in the indicator's last words (the value is
# positive as written, the words are the extraction's FALL_WORDS / RISE_WORDS):
# 单位地区生产总值能耗下降 2.7 is a fall, 非化石能源消费比重提高 1.2 a rise.
# Documents that report a year (their figures over a plan's look back at the last period).
REPORT_KINDS = ("bulletin", "work_report", "news")

_EXTRACTED_COLUMNS = (
    "observation_id", "doc_id", "region_zh", "indicator_zh", "indicator_id", "value", "unit",
    "year", "kind", "baseline_year", "quote",
)  # fmt: skip
_CURATED_COLUMNS = ("region_zh", "indicator_id", "year", "value", "source_title", "quote")
_CATALOG_COLUMNS = ("indicator_en", "theme", "direction")


def change_sign(indicator_zh: object) -> int | None:
    """-1 when an extracted change's indicator ends on a fall (…下降, …减少), +1 on a rise
    (…增长, …提高), None when it names no direction (新增, 淘汰, or nothing)."""
    text = (text_or_none(indicator_zh) or "").removesuffix("了")
    if text.endswith(FALL_WORDS):
        return -1
    if text.endswith(RISE_WORDS):
        return 1
    return None


# -- the rows of each origin ---------------------------------------------------------------------


def _curated_rows(curated: pd.DataFrame | None) -> list[dict]:
    if curated is None or curated.empty:
        return []
    require_columns(curated, _CURATED_COLUMNS, "curated observations")
    rows = []
    seen: set[str] = set()
    for i, row in enumerate(curated.to_dict("records")):
        line = int_or_none(row.get("line")) or i + 2
        indicator = text_or_none(row.get("indicator_id"))
        # a frame built by hand may repeat a line: its rows still need ids of their own
        observation_id = (
            f"curated:{line}" if f"curated:{line}" not in seen else f"curated:{line}#{i + 1}"
        )
        seen.add(observation_id)
        rows.append(
            {
                "observation_id": observation_id,
                "origin": "curated",
                "line": line,
                "region_zh": row["region_zh"],
                "region_level": text_or_none(row.get("region_level")),
                "indicator_zh": text_or_none(row.get("indicator_zh")) or indicator or "",
                "indicator_id": indicator,
                "indicator_match": text_or_none(row.get("indicator_match"))
                or ("given" if indicator else "unmapped"),
                "year": int(row["year"]),
                "value": float(row["value"]),
                "unit": text_or_none(row.get("unit")),
                "comparator": "eq",
                "measure": text_or_none(row.get("measure")) or "level",
                "baseline_year": int_or_none(row.get("baseline_year")),
                "is_proxy": bool(row.get("is_proxy"))
                if not is_missing(row.get("is_proxy"))
                else False,
                "is_value_quoted": bool(row.get("is_value_quoted", True)),
                "note": text_or_none(row.get("note")),
                "source_title": row.get("source_title"),
                "doc_number": text_or_none(row.get("doc_number")),
                "source": text_or_none(row.get("source")),
                "quote": row.get("quote"),
                "use_note": None if indicator else note("not_in_catalog"),
            }
        )
    return rows


def _region_level(region: str, code: object, document: dict) -> str | None:
    """The level of an extracted row's region: 全国 the country, else its division code's level
    in the gazetteer, else the document's level when it is the document's region."""
    if region == COUNTRY_ZH or text_or_none(code) == "000000":
        return "country"
    gazetteer = shipped_gazetteer()
    division = gazetteer.divisions.get(text_or_none(code) or "")
    if division is None:
        division = gazetteer.find_region(region)
    if division is not None:
        return division.level
    return (
        text_or_none(document.get("region_level")) if region == document.get("region_zh") else None
    )


def _source_title(document: dict, doc_id: str) -> str:
    """A document as a source: its title, followed by its issuer unless the title holds it
    (the form of the curated sources: title, then publisher)."""
    title = text_or_none(document.get("title_zh"))
    issuer = text_or_none(document.get("issuer_zh"))
    if title is None:
        return issuer or doc_id
    return f"{title}（{issuer}）" if issuer and issuer not in title else title


def _extracted_row(row: dict, document: dict) -> dict:
    """One row of observations.csv in the analysis' shape (see the module docstring)."""
    year, baseline = int(row["year"]), int_or_none(row.get("baseline_year"))
    value, unit = float(row["value"]), text_or_none(row.get("unit"))
    indicator = text_or_none(row.get("indicator_id"))
    problem = None if indicator else note("not_in_catalog")
    if row["kind"] == "level":
        measure = "level"
        if unit == "%" and not 0 <= value <= 100:
            problem = problem or note("implausible_percent", value=f"{value:g}")
    else:
        measure = "yearly_change" if baseline == year - 1 else "cumulative_change"
        sign = change_sign(row["indicator_zh"])
        if sign is None and unit not in ("%", "‰") and WORK_RE.search(row["indicator_zh"]):
            sign = 1  # 新增 3140万千瓦 / 淘汰 600万千瓦: an amount of work done, for increments
        value = value * (sign or 1)
        if baseline is None:
            problem = problem or note("change_no_baseline")
        elif sign is None:
            problem = problem or note("change_no_direction")
        elif value < -100:
            problem = problem or note("implausible_percent", value=f"{value:g}")
    scope = text_or_none(row.get("scope_zh"))
    if scope:
        problem = problem or note("scope_limited", scope=scope)
    doc_id = str(row["doc_id"])
    return {
        "observation_id": row["observation_id"],
        "origin": "extracted",
        "line": None,
        "doc_id": doc_id,
        "doc_kind": text_or_none(document.get("doc_kind")),
        "region_zh": row["region_zh"],
        "region_level": _region_level(row["region_zh"], row.get("division_code"), document),
        "indicator_zh": row["indicator_zh"],
        "indicator_id": indicator,
        "indicator_match": "catalog" if indicator else "unmapped",
        "year": year,
        "value": value,
        "unit": unit,
        "comparator": text_or_none(row.get("comparator")) or "eq",
        "measure": measure,
        "baseline_year": baseline,
        "scope_zh": scope,
        "is_proxy": False,
        "is_value_quoted": True,
        "note": None,
        "source_title": _source_title(document, doc_id),
        "doc_number": text_or_none(document.get("doc_number")),
        "source": text_or_none(document.get("file")) or doc_id,
        "quote": row["quote"],
        "char_start": int_or_none(row.get("char_start")),
        "char_end": int_or_none(row.get("char_end")),
        "use_note": problem,
        # what ranks documents in a conflict (not a column of the table)
        "_report_year": int_or_none(document.get("report_year")),
        "_issue_date": text_or_none(document.get("issue_date")),
    }


def _extracted_rows(extracted: pd.DataFrame | None, documents: pd.DataFrame) -> list[dict]:
    if extracted is None or extracted.empty:
        return []
    require_columns(extracted, _EXTRACTED_COLUMNS, "extracted observations")
    docs = (
        documents.drop_duplicates("doc_id").set_index("doc_id").to_dict("index")
        if len(documents) and "doc_id" in documents
        else {}
    )
    return [_extracted_row(r, docs.get(r["doc_id"], {})) for r in extracted.to_dict("records")]


# -- conflicts ------------------------------------------------------------------------------------


def _interval(row: dict) -> tuple[float, float]:
    """The values a row's number stands for: its rounding interval (88 is 87.5-88.5), widened
    to a half-line by a bound (超过88%) or by APPROX_TOLERANCE (约). A signed fall's bound is
    on its size: 下降超过3% is -3 or less."""
    value = row["value"]
    size = abs(value) if value < 0 and row["measure"] != "level" else value
    r = 0.5 * 10.0 ** -decimal_places(size)
    low, high = size - r, size + r
    comparator = row["comparator"]
    if comparator == "ge":
        high = math.inf
    elif comparator == "le":
        low = -math.inf
    elif comparator == "approx":
        low, high = low - APPROX_TOLERANCE * abs(size), high + APPROX_TOLERANCE * abs(size)
    return (-high, -low) if size != value else (low, high)


def values_agree(a: dict, b: dict) -> bool | None:
    """True when two rows' values can be the same number (see `_interval`), False when they
    cannot, None when their units do not convert (two different quantities, no conflict)."""
    a_low, a_high = _interval(a)
    b_low, b_high = (convert_unit(v, b["unit"], a["unit"]) for v in _interval(b))
    if math.isnan(b_low) or math.isnan(b_high):
        return None
    # NOTE: intervals that only touch (23.2 and 23.3 meet at 23.25) are two readings.
    eps = 1e-9 * max(1.0, abs(a["value"]))
    return a_low < b_high - eps and b_low < a_high - eps


def _rank(row: dict) -> tuple:
    """Lower wins a conflict (the rule of the module docstring), one position per criterion."""
    precision = -decimal_places(abs(row["value"]))
    if row["origin"] == "curated":
        return (0, 0, 0, 0, precision, row["line"], "", 0)
    digits = "".join(c for c in row["_issue_date"] or "" if c.isdigit())[:8]
    date = int(digits.ljust(8, "0"))  # 2021-06-01 -> 20210601; 2021-06 -> 20210600
    return (
        1,
        0 if row["doc_kind"] in REPORT_KINDS else 1,
        -(row["_report_year"] or 0),
        -date,
        precision,
        0,
        row["doc_id"],
        row["char_start"] or 0,
    )


def _rule(used: dict, other: dict) -> Note:
    """The note naming the criterion that put `used` before `other`."""
    a, b = _rank(used), _rank(other)
    if a[0] != b[0]:
        return note("conflict_curated")
    if a[0] == 0:
        return note("conflict_curated_rows")
    if a[1] != b[1]:
        return note("conflict_report")
    if a[2:4] != b[2:4]:
        return note("conflict_later")
    if a[4] != b[4]:
        return note("conflict_precise")
    return note("conflict_order")


def _cell(row: dict) -> tuple:
    baseline = None if row["measure"] == "level" else row["baseline_year"]
    return (row["region_zh"], row["indicator_id"], row["year"], row["measure"], baseline)


def _resolve(rows: list[dict]) -> None:
    """Mark the losing side of every conflict among the rows that judge targets: not used, the
    value used and the rule in `use_note`, the row used in `used_instead`."""
    cells: dict[tuple, list[dict]] = {}
    for row in rows:
        if row["use_note"] is None:
            cells.setdefault(_cell(row), []).append(row)
    for cell in cells.values():
        if len(cell) < 2:
            continue
        used, *others = sorted(cell, key=_rank)
        for other in others:
            if values_agree(used, other) is False:
                other["used_instead"] = used["observation_id"]
                lost = note("conflict_lost", value=f"{used['value']:g}")
                other["use_note"] = join([lost, _rule(used, other)])


# -- the tables -----------------------------------------------------------------------------------


def join_observations(
    curated: pd.DataFrame | None,
    extracted: pd.DataFrame | None,
    documents: pd.DataFrame,
    catalog: Catalog | None = None,
) -> pd.DataFrame:
    """The observation table of the analysis: the curated rows (`reference.load_observations`)
    and the extracted ones (`tables.load_extracted_observations`, read against `documents` for
    their titles, kinds and years), each with its source.

    Returns the frame of `schemas.TABLES['joined_observations']`: curated rows first (file
    order), then extracted ones (document order); changes signed (negative = a fall); `is_used`
    false, with `use_note`, for the rows that do not judge targets (and the losing side of a
    conflict, which names the row used in `used_instead`). Exists so every analysis reads one
    table whatever the source, and no disagreement between sources is resolved silently.
    """
    catalog = catalog if catalog is not None else load_catalog()
    rows = _curated_rows(curated) + _extracted_rows(extracted, documents)
    if not rows:
        return checked_frame([], "joined_observations")
    _resolve(rows)
    for row in rows:
        row["is_used"] = row["use_note"] is None
        row.setdefault("used_instead", None)
    df = pd.DataFrame(rows)
    df = attach_indicators(df, catalog, match_phrases=False, columns=_CATALOG_COLUMNS)
    return checked_frame(df.to_dict("records"), "joined_observations")


def observation_conflicts(observations: pd.DataFrame) -> pd.DataFrame:
    """Every conflict of a joined observation table: one row per value not used, beside the
    value used, with both sources and the rule that chose (`conflict_note`).

    Returns the frame of `schemas.TABLES['observation_conflicts']` (empty without conflicts).
    Exists so the workbook lists each disagreement between sources for a reader to check."""
    if observations.empty or observations["used_instead"].isna().all():
        return checked_frame([], "observation_conflicts")
    by_id = observations.set_index("observation_id", drop=False).to_dict("index")
    side_columns = _side_columns()
    out = []
    for other in observations[observations["used_instead"].notna()].to_dict("records"):
        used = by_id[other["used_instead"]]
        row = {c: used[c] for c in ("region_zh", "region_level", "indicator_id", "indicator_zh",
                                    "indicator_en", "year", "measure", "baseline_year")}  # fmt: skip
        for side, source in (("used", used), ("other", other)):
            row.update({f"{side}_{c}": source[c] for c in side_columns})
        lost_to = decode(other["use_note_code"], other["use_note_args"])
        row["conflict_note"] = join(n for n in split(lost_to) if n.keys != ("conflict_lost",))
        out.append(row)
    return checked_frame(out, "observation_conflicts")


def _side_columns() -> tuple[str, ...]:
    prefix = "used_"
    return tuple(c[len(prefix) :] for c in columns("observation_conflicts") if c.startswith(prefix))
