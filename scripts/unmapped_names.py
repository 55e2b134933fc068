#!/usr/bin/env python3
"""List the indicator names of a corpus that the catalog does not map, to grow the catalog.

    PYTHONPATH=src .venv/bin/python scripts/unmapped_names.py [FOLDER_OR_FILE ...]
        [--csv PATH] [--min-count N] [--top N] [--tables DIR]

Extracts the corpus (default data/raw) with the pipeline and prints two tables:

1. unmapped names: the `indicator_zh` of every target and observation without an
   `indicator_id`, grouped after a light normalisation (the catalog's own normal form; no
   leading whole-region word 全省/我市; no leading scope 地级及以上城市/城镇; no trailing
   direction or connector word 下降/提高/增长/由/从 ...), most frequent first, with the number of
   targets and observations, the documents they come from, a raw name and an example quote;
   a `looks_like` column flags names that are no indicator (contents lines, fragments);
2. near misses: for each catalog indicator, the extracted names that contain one of its aliases
   but were not matched to it (unmapped, or matched to another indicator): candidates for an
   alias, or look-alike measures that rightly stay apart.

Each name is judged by hand before it becomes a row or an alias of
`src/greenmetrics/data/indicators.csv` (English name, unit, direction and theme); the script
never edits the catalog. `--csv PATH` writes both tables into one CSV (column `section`).
`--tables DIR` reads targets.csv and observations.csv that an extraction wrote there
(`scripts/corpus_measure.py --out DIR`) instead of extracting again.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace

import pandas as pd

from greenmetrics import paths
from greenmetrics.catalog import Catalog, load_catalog, normalize_phrase
from greenmetrics.pipeline import extract_corpus

# Leading words that name where, not what: whole-region words and scopes.
_LEADING = re.compile(
    r"^(?:[全我本][国省区州市县旗盟]|各[省市县区]|"
    r"(?:设市|地级及以上|地级以上|县级及以上|县级以上)?(?:城市|城镇)(?=\S{4}))"
)
# Trailing words that say how the value moves or introduce it, not what is measured.
_TRAILING = re.compile(
    r"(?:年均|累计|分别|比上年|较上年)?"
    r"(?:下降|降低|降至|降到|减少|提高|提升|增长|增加|上升|达到|达|为|由|从|在|稳定在|保持在|控制在)+$"
)
_CONTENTS_LINE = re.compile(r"(?:\.{4,}|…{2,}|·{4,})")
_FRAGMENT_START = re.compile(r"^(?:[)）\]】、，,。；;：:]|\([^)]*$)")
_TABLE_ROW = re.compile(r"\d+(?:\.\d+)?\D{0,6}\d+\.\d+")

COLUMNS = [
    "section",
    "name",
    "count",
    "n_targets",
    "n_observations",
    "indicator_id",
    "matched_id",
    "looks_like",
    "documents",
    "example_name",
    "example_quote",
]


def group_key(name: str) -> str:
    """The name in the form unmapped names are grouped by: the catalog's normal form without a
    leading region or scope word or a trailing direction word (单位地区生产总值能耗下降 and
    全省单位地区生产总值能耗 fall together)."""
    key = normalize_phrase(name)
    for _ in range(3):
        stripped = _TRAILING.sub("", _LEADING.sub("", key, count=1))
        if stripped == key or not stripped:
            break
        key = stripped
    return key


def looks_like(name: str) -> str:
    """Why a name is probably no indicator at all ('' when it looks like one)."""
    text = normalize_phrase(name)
    if _CONTENTS_LINE.search(name):
        return "contents line"
    if _FRAGMENT_START.match(text) or re.match(r"^[(（][一二三四五六七八九十\d]+[)）]", text):
        return "fragment"
    if len(text) <= 2:
        return "too short"
    if _TABLE_ROW.search(text):
        return "table row"
    return ""


def _named_rows(result) -> pd.DataFrame:
    """Targets and observations in one frame: kind, doc_id, indicator_zh, indicator_id, quote."""
    frames = []
    for kind, frame in (("target", result.targets), ("observation", result.observations)):
        if frame is None or frame.empty:
            continue
        part = frame[["doc_id", "indicator_zh", "indicator_id", "quote"]].copy()
        part["kind"] = kind
        frames.append(part)
    if not frames:
        return pd.DataFrame(columns=["doc_id", "indicator_zh", "indicator_id", "quote", "kind"])
    rows = pd.concat(frames, ignore_index=True)
    rows = rows[rows["indicator_zh"].fillna("").str.strip() != ""]
    return rows.astype({"indicator_zh": str})


def _short(text: object, width: int = 80) -> str:
    text = " ".join(str(text).split()) if isinstance(text, str) else ""
    return text if len(text) <= width else text[: width - 1] + "…"


def unmapped_table(rows: pd.DataFrame, min_count: int = 1) -> pd.DataFrame:
    """One row per group of unmapped names, most frequent first."""
    unmapped = rows[rows["indicator_id"].isna()].copy()
    out = []
    unmapped["key"] = unmapped["indicator_zh"].map(group_key)
    for key, group in unmapped.groupby("key", sort=False):
        if not key or len(group) < min_count:
            continue
        first = group.iloc[0]
        out.append(
            {
                "section": "unmapped",
                "name": key,
                "count": len(group),
                "n_targets": int((group["kind"] == "target").sum()),
                "n_observations": int((group["kind"] == "observation").sum()),
                "indicator_id": "",
                "matched_id": "",
                "looks_like": looks_like(first["indicator_zh"]),
                "documents": ";".join(sorted(set(group["doc_id"]))),
                "example_name": first["indicator_zh"],
                "example_quote": _short(first["quote"]),
            }
        )
    table = pd.DataFrame(out, columns=COLUMNS)
    return table.sort_values(["count", "name"], ascending=[False, True], ignore_index=True)


def near_miss_table(rows: pd.DataFrame, catalog: Catalog) -> pd.DataFrame:
    """For each catalog indicator, the names holding one of its aliases that did not map to it."""
    alias_owner = {}
    for indicator in catalog.indicators.values():
        for alias in indicator.aliases:
            alias_owner[normalize_phrase(alias)] = indicator.indicator_id
    out = []
    for name, group in rows.groupby("indicator_zh", sort=False):
        text = normalize_phrase(name)
        matched = group["indicator_id"].dropna()
        matched_id = matched.iloc[0] if len(matched) else ""
        # Only the longest aliases inside the name: 县城污水处理率 holds 污水处理率 only as part
        # of 县城污水处理率, so it is no near miss of the broader indicator.
        inside = [alias for alias in alias_owner if alias in text]
        longest = [a for a in inside if not any(a != b and a in b for b in inside)]
        owners = {alias_owner[alias] for alias in longest}
        for owner in sorted(owners - {matched_id}):
            first = group.iloc[0]
            out.append(
                {
                    "section": "near_miss",
                    "name": name,
                    "count": len(group),
                    "n_targets": int((group["kind"] == "target").sum()),
                    "n_observations": int((group["kind"] == "observation").sum()),
                    "indicator_id": owner,
                    "matched_id": matched_id,
                    "looks_like": looks_like(name),
                    "documents": ";".join(sorted(set(group["doc_id"]))),
                    "example_name": name,
                    "example_quote": _short(first["quote"]),
                }
            )
    table = pd.DataFrame(out, columns=COLUMNS)
    return table.sort_values(["indicator_id", "count", "name"], ascending=[True, False, True])


def _print_table(title: str, table: pd.DataFrame, columns: Sequence[str], top: int | None) -> None:
    print(f"# {title}: {len(table)}")
    if table.empty:
        print("(none)\n")
        return
    shown = table if top is None else table.head(top)
    shown = shown[list(columns)].copy()
    shown["documents"] = shown["documents"].map(lambda d: _short(d, 40))
    print(shown.to_string(index=False))
    print()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="*", type=Path, help="plans (files or folders)")
    parser.add_argument("--csv", type=Path, help="also write both tables to this CSV")
    parser.add_argument("--min-count", type=int, default=1, help="smallest group listed")
    parser.add_argument("--top", type=int, default=None, help="print only the first N rows")
    parser.add_argument("--tables", type=Path, help="read the tables an extraction wrote here")
    args = parser.parse_args(argv)
    catalog = load_catalog()
    if args.tables:
        result = SimpleNamespace(
            **{
                name: pd.read_csv(args.tables / f"{name}.csv", dtype={"indicator_id": object})
                for name in ("targets", "observations")
            }
        )
    else:
        result = extract_corpus(args.inputs or [paths.RAW_DIR], catalog=catalog)
    rows = _named_rows(result)
    unmapped = unmapped_table(rows, args.min_count)
    near = near_miss_table(rows, catalog)
    n_mapped = int(rows["indicator_id"].notna().sum())
    print(
        f"{len(rows)} named targets and observations, {n_mapped} mapped to the catalog, "
        f"{len(rows) - n_mapped} unmapped in {len(unmapped)} groups\n"
    )
    _print_table(
        "unmapped names (grouped)",
        unmapped,
        [
            "name",
            "count",
            "n_targets",
            "n_observations",
            "looks_like",
            "documents",
            "example_quote",
        ],
        args.top,
    )
    _print_table(
        "near misses (contain an alias of indicator_id, matched to matched_id or nothing)",
        near,
        ["indicator_id", "name", "count", "matched_id", "documents"],
        args.top,
    )
    if args.csv:
        pd.concat([unmapped, near], ignore_index=True).to_csv(args.csv, index=False)
        print(f"written to {args.csv}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
