"""What every analysis shares: reading the input tables into rows, value helpers that treat
empty cells alike, the comparability test of two targets, and the checked output frame."""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from ..catalog import Catalog, attach_indicators, load_catalog
from ..errors import SchemaError
from ..notes import note, with_codes
from ..regions import REGION_LEVELS
from ..schemas import TARGET_CONTEXT_COLUMNS, check, columns, empty_table

EPS = 1e-9
LEVEL_RANK = {level: i for i, level in enumerate(REGION_LEVELS)}
# The columns of `targets` an analysis can do without (a frame built by hand) and the value it
# then assumes; every other declared column is required.
_TARGET_DEFAULTS = {
    "indicator_en": None,
    "theme": None,
    "baseline_year": None,
    "scope_zh": None,
    "aspirational": 0,
    "year_inferred": 0,
}
TARGET_COLUMNS = tuple(c for c in columns("targets") if c not in _TARGET_DEFAULTS)
_OBSERVATION_COLUMNS = (
    "region_zh",
    "indicator_id",
    "year",
    "value",
    "unit",
    "source_title",
    "quote",
)


# value helpers


def is_missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def text_or_none(value: object) -> str | None:
    return None if is_missing(value) else str(value).strip()


def unit_or_empty(value: object) -> str:
    return text_or_none(value) or ""


def int_or_none(value: object) -> int | None:
    return None if is_missing(value) else int(value)


def float_or_nan(value: object) -> float:
    return math.nan if is_missing(value) else float(value)


def is_false(value: object) -> bool:
    return not is_missing(value) and not bool(value)


def direction_sign(direction: str | None) -> float:
    """+1 when higher is better, -1 when lower is better."""
    return -1.0 if direction == "lower" else 1.0


def scale_direction(direction: str | None, kind: str) -> str | None:
    """The direction on the scale the target is stated in.

    NOTE: a reduction (较2020年下降13%) states the fall as a positive number, so on its own scale
    a larger number is better whatever the indicator's direction ('lower' for an intensity).
    """
    if kind in ("reduction", "increment"):
        return "higher"  # an increment is an amount added: more is more done
    return direction


def progress_direction(comparator: str, direction: str | None, kind: str) -> str:
    """The direction progress is measured in: ge towards higher, le towards lower, else the
    indicator's direction on the target's scale."""
    if comparator == "ge":
        return "higher"
    if comparator == "le":
        return "lower"
    return scale_direction(direction, kind) or "higher"


def join_texts(values: Iterable[object]) -> str | None:
    out = list(dict.fromkeys(t for v in values if (t := text_or_none(v))))
    return "；".join(out) if out else None


def format_number(value: float) -> str:
    return f"{value:.4g}"


def decimal_places(value: float) -> int:
    text = repr(float(value))
    if "e" in text or "." not in text:
        return 0
    fraction = text.split(".")[1].rstrip("0")
    return len(fraction)


def require_columns(df: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise SchemaError(f"{what}: missing column(s) {', '.join(missing)}")


# inputs


def checked_frame(rows: list[dict], table: str) -> pd.DataFrame:
    """The output frame: exactly the declared columns of `table`, checked, in its declared order."""
    if not rows:
        return empty_table(table)
    return check(with_codes(pd.DataFrame(rows, columns=list(columns(table))), table), table)


def prepare_targets(
    targets: pd.DataFrame, documents: pd.DataFrame, catalog: Catalog | None
) -> list[dict]:
    """Target rows as dicts with province_zh (from documents) and direction (from the catalog)."""
    require_columns(targets, TARGET_COLUMNS, "targets")
    require_columns(documents, ("doc_id", "province_zh"), "documents")
    docs = documents.drop_duplicates("doc_id").set_index("doc_id") if len(documents) else None
    provinces = docs["province_zh"].to_dict() if docs is not None else {}
    # The year a plan speaks from (its issue year): its targets' paths start the year before.
    years = docs["report_year"].to_dict() if docs is not None and "report_year" in docs else {}
    catalog = catalog if catalog is not None else load_catalog()
    with_direction = attach_indicators(
        targets, catalog, match_phrases=False, columns=("direction",)
    )
    rows = []
    for row in with_direction.to_dict("records"):
        for column, default in _TARGET_DEFAULTS.items():
            row.setdefault(column, default)
        province = text_or_none(provinces.get(row["doc_id"]))
        if province is None and row["region_level"] == "province":
            province = row["region_zh"]
        row["province_zh"] = province
        row["plan_year"] = int_or_none(years.get(row["doc_id"]))
        row["indicator_id"] = text_or_none(row["indicator_id"])
        row["target_value"] = float_or_nan(row["value"])
        rows.append(row)
    return rows


def prepare_observations(observations: pd.DataFrame | None) -> dict[tuple, list[dict]]:
    """Observation rows grouped by (region_zh, indicator_id); defaults for optional columns.

    Takes the joined table (`observed.join_observations`) or curated rows alone; a row whose
    `is_used` is false (no catalog indicator, a sub-area, a lost conflict ...) judges nothing.
    """
    if observations is None or observations.empty:
        return {}
    require_columns(observations, _OBSERVATION_COLUMNS, "observations")
    groups: dict[tuple, list[dict]] = {}
    for i, row in enumerate(observations.to_dict("records")):
        if is_missing(row["indicator_id"]) or is_missing(row["value"]) or is_missing(row["year"]):
            continue
        if is_false(row.get("is_used")):
            continue
        row["origin"] = text_or_none(row.get("origin")) or "curated"
        row["measure"] = text_or_none(row.get("measure")) or "level"
        row["baseline_year"] = int_or_none(row.get("baseline_year"))
        row["is_proxy"] = (
            bool(row.get("is_proxy")) if not is_missing(row.get("is_proxy")) else False
        )
        row["line"] = int_or_none(row.get("line")) or i + 2
        row["year"] = int(row["year"])
        row["value"] = float(row["value"])
        row["unit"] = unit_or_empty(row["unit"])
        key = (str(row["region_zh"]).strip(), str(row["indicator_id"]).strip())
        groups.setdefault(key, []).append(row)
    return groups


def differences(
    target: dict, kind: str, year: int | None, unit: str, baseline: int | None = None
) -> list[str]:
    """Why a target and another row (benchmark or target) are not like with like."""
    reasons = []
    if target["kind"] != kind:
        reasons.append(note("different_kind", kind=target["kind"], other_kind=kind))
    if int_or_none(target["target_year"]) != year:
        reasons.append(
            note("different_year", year=int_or_none(target["target_year"]), other_year=year)
        )
    if unit_or_empty(target["unit"]) != unit:
        reasons.append(
            note(
                "different_unit",
                unit=unit_or_empty(target["unit"]) or "none",
                other_unit=unit or "none",
            )
        )
    if (
        target["kind"] == "reduction"
        and kind == "reduction"
        and baseline is not None
        and int_or_none(target.get("baseline_year")) not in (None, baseline)
    ):
        reasons.append(
            note(
                "different_baseline",
                year=int_or_none(target.get("baseline_year")),
                other_year=baseline,
            )
        )
    return reasons


def target_part(target: dict) -> dict:
    """The target's context columns (TARGET_CONTEXT_COLUMNS), provenance included."""
    return {c: target.get(c) for c in TARGET_CONTEXT_COLUMNS}


def reference_source(row: dict) -> dict:
    """Where a benchmark row comes from: its source title, document number, URL and quote."""
    return {
        "source_title": row["source_title"],
        "doc_number": text_or_none(row.get("doc_number")),
        "source": text_or_none(row.get("source")),
        "source_quote": row["quote"],
    }


def joined_sources(rows: Iterable[dict]) -> tuple[str | None, str | None, str | None]:
    """The sources of the observation rows behind a value, joined by ；: titles, URLs (or
    document numbers) and quotes."""
    rows = list(rows)
    return (
        join_texts(r["source_title"] for r in rows),
        join_texts(text_or_none(r.get("source")) or r.get("doc_number") for r in rows),
        join_texts(r["quote"] for r in rows),
    )


def origin_of_rows(rows: Iterable[dict]) -> str | None:
    """Where the observation rows behind a value come from: curated, extracted or mixed."""
    found = {r.get("origin") or "curated" for r in rows}
    if not found:
        return None
    return found.pop() if len(found) == 1 else "mixed"


def first_text(values: Iterable[object]) -> str | None:
    for value in values:
        if (text := text_or_none(value)) is not None:
            return text
    return None
