#!/usr/bin/env python3
"""How many targets reach the catalog and how many have an observation of their own region.

    PYTHONPATH=src .venv/bin/python scripts/observed_coverage.py [FOLDER_OR_FILE ...]
        [--as-of YEAR] [--regions N] [--csv PATH]

Extracts the corpus (default data/raw) with the current catalog into a temporary folder, loads
the tables back as the report does (`greenmetrics.tables`), joins the curated reference
observations with the extracted ones (`analysis.join_observations`) and builds the scorecard
(`analysis.scorecard`, judged in `--as-of`, 2026 as in notebook 02). A target "has an
observation of its own region" exactly when the scorecard gives it an `observed_value`, the
count `findings.finding_observed_share` prints; the rule is not written again here.

Prints:
1. targets mapped to a catalog indicator, and observations mapped;
2. the own-region share, with curated and extracted observations and with extracted ones only;
3. why each other target has none, one reason per target, in this order: no catalog
   indicator; no observation of its region in the corpus at all (no bulletin, report or review
   of that region); observations of its region, none of its indicator; an observation of its
   region and indicator that the scorecard cannot set against it (another measure or unit, e.g.
   a level beside an increment target, a yearly change no chain reaches, a value without unit);
4. the same targets by cause (`CAUSES`, `unobserved_causes`): what is blocked on data (no
   document of the region states the value) apart from what a catalog alias, a unit or a
   matching rule could reach;
5. per region, the targets left without an observation, how many indicators the corpus
   observes for that region, and the indicators most often left unobserved.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from greenmetrics import analysis, paths, reference
from greenmetrics.catalog import load_catalog, normalize_phrase
from greenmetrics.findings import finding_observed_share
from greenmetrics.pipeline import extract_corpus, write_extraction
from greenmetrics.tables import load_documents, load_extracted_observations, load_targets


def _share(k: int, n: int) -> str:
    return f"{k} of {n} ({100 * k / n:.1f}%)" if n else f"{k} of 0"


def judged_card(targets, documents, observations, catalog, as_of_year: int) -> pd.DataFrame:
    """The report's scorecard of every target (benchmarks do not change who is observed)."""
    return analysis.scorecard(
        targets, documents, None, observations, catalog, as_of_year=as_of_year
    )


REASONS = (
    "no catalog indicator",
    "no observation of its region",
    "region observed, not this indicator",
    "indicator observed, not comparable",
)


def unobserved_reasons(card: pd.DataFrame, observations: pd.DataFrame) -> pd.Series:
    """For each target the scorecard leaves without an observation, the first reason of
    `REASONS` that holds (the used observations of the joined table decide)."""
    used = observations[observations["is_used"].astype(bool)]
    regions = set(used["region_zh"])
    pairs = set(zip(used["region_zh"], used["indicator_id"], strict=True))
    missing = card[card["observed_value"].isna()]
    reasons = []
    for region, indicator_id in zip(missing["region_zh"], missing["indicator_id"], strict=True):
        if not isinstance(indicator_id, str):
            reasons.append(REASONS[0])
        elif region not in regions:
            reasons.append(REASONS[1])
        elif (region, indicator_id) not in pairs:
            reasons.append(REASONS[2])
        else:
            reasons.append(REASONS[3])
    return pd.Series(reasons, index=missing.index, dtype=object)


# Why a target has no observation of its own region, finer than REASONS: each cause says
# whether documents are missing (blocked on data) or the matching could reach a value.
CAUSES = (
    "blocked on data: no document of its region states a value",
    "blocked on data: name not in the catalog, its region states no value of that name",
    "name not in the catalog, its region states a value under that name (an alias to judge)",
    "blocked on data: its region states no value of this indicator, its city or province does "
    "(context only)",
    "blocked on data: its region states no value of this indicator",
    "not comparable: a sub-area target, only the whole region observed",
    "not comparable: an increment, only levels or an earlier period's changes observed",
    "not comparable: a reduction, no change since its baseline observed",
    "not comparable: a level, observed only in another unit or as changes",
)
# A table row's item number, a bracketed note or unit, and the words that introduce or move the
# value are no part of the name (6 自然保护地面积（万公顷） and 达到建筑能效由 name 自然保护地面积, 建筑能效).
_NAME_NOISE = re.compile(r"^\d{1,2}[.、]?|^达到|\([^()]*\)?|(?:下降|降低|提高|增长|增加|由|从)$")


def _bare_name(text: object) -> str:
    return _NAME_NOISE.sub("", normalize_phrase(str(text)))


def unobserved_causes(card: pd.DataFrame, observations: pd.DataFrame) -> pd.Series:
    """For each target the scorecard leaves without an observation, the first cause of
    `CAUSES` that holds. Every row of the joined table counts as a value its region states
    (used or not: an unmapped row is a value the catalog does not reach); the context columns
    of the card say whether a larger region's figure exists."""
    regions = set(observations["region_zh"])
    names = {
        (region, _bare_name(name))
        for region, name in zip(
            observations["region_zh"], observations["indicator_zh"], strict=True
        )
    }
    used = observations[observations["is_used"].astype(bool)]
    pairs = set(zip(used["region_zh"], used["indicator_id"], strict=True))
    missing = card[card["observed_value"].isna()]
    causes = []
    for row in missing.to_dict("records"):
        region, indicator_id = row["region_zh"], row["indicator_id"]
        if region not in regions:
            cause = CAUSES[0]
        elif not isinstance(indicator_id, str):
            same_name = (region, _bare_name(row["indicator_zh"])) in names
            cause = CAUSES[2] if same_name else CAUSES[1]
        elif (region, indicator_id) not in pairs:
            cause = CAUSES[3] if pd.notna(row.get("context_value")) else CAUSES[4]
        elif isinstance(row.get("scope_zh"), str) and row["scope_zh"]:
            cause = CAUSES[5]
        elif row["kind"] == "increment":
            cause = CAUSES[6]
        elif row["kind"] == "reduction":
            cause = CAUSES[7]
        else:
            cause = CAUSES[8]
        causes.append(cause)
    return pd.Series(causes, index=missing.index, dtype=object)


def region_blockers(card: pd.DataFrame, observations: pd.DataFrame, top: int) -> pd.DataFrame:
    """Per region: targets, targets unobserved, used observations of that region (any
    indicator) and the indicators most often unobserved (id, or the plan's words if unmapped)."""
    used = observations[observations["is_used"].astype(bool)]
    observed_regions = used.groupby("region_zh")["indicator_id"].nunique()
    rows = []
    for region, group in card.groupby("region_zh", sort=False):
        missing = group[group["observed_value"].isna()]
        names = missing["indicator_id"].fillna("(" + missing["indicator_zh"].astype(str) + ")")
        counts = names.value_counts().head(top)
        rows.append(
            {
                "region_zh": region,
                "targets": len(group),
                "observed": len(group) - len(missing),
                "unobserved": len(missing),
                "region_indicators_observed": int(observed_regions.get(region, 0)),
                "most_unobserved": "; ".join(f"{k} x{v}" for k, v in counts.items()),
            }
        )
    table = pd.DataFrame(rows)
    return table.sort_values(
        ["unobserved", "region_zh"], ascending=[False, True], ignore_index=True
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="*", type=Path, help="plans (files or folders)")
    parser.add_argument("--as-of", type=int, default=2026, help="year the scorecard judges in")
    parser.add_argument("--regions", type=int, default=25, help="regions listed (most unobserved)")
    parser.add_argument("--top", type=int, default=4, help="unobserved indicators per region")
    parser.add_argument("--csv", type=Path, help="write the per-region table to this CSV")
    args = parser.parse_args(argv)
    catalog = load_catalog()
    result = extract_corpus(args.inputs or [paths.RAW_DIR], catalog=catalog)
    with tempfile.TemporaryDirectory() as folder:
        write_extraction(result, Path(folder))
        targets = load_targets(Path(folder))
        documents = load_documents(Path(folder))
        extracted = load_extracted_observations(Path(folder))
    curated = reference.load_observations(catalog=catalog)
    joined = analysis.join_observations(curated, extracted, documents, catalog)
    extracted_only = analysis.join_observations(None, extracted, documents, catalog)

    print(f"targets mapped: {_share(int(targets['indicator_id'].notna().sum()), len(targets))}")
    print(
        "observations mapped: "
        f"{_share(int(extracted['indicator_id'].notna().sum()), len(extracted))}"
    )
    card = judged_card(targets, documents, joined, catalog, args.as_of)
    alone = judged_card(targets, documents, extracted_only, catalog, args.as_of)
    print(
        "targets with an observation of their own region (curated + extracted): "
        f"{_share(int(card['observed_value'].notna().sum()), len(card))}"
    )
    print(
        "targets with an observation of their own region (extracted only): "
        f"{_share(int(alone['observed_value'].notna().sum()), len(alone))}"
    )
    print(finding_observed_share(card, analysis.observation_conflicts(joined), "en"))
    print("\ntargets without an observation of their own region, by first reason:")
    reasons = unobserved_reasons(card, joined).value_counts()
    for reason in REASONS:
        print(f"  {reason}: {int(reasons.get(reason, 0))}")
    print("\nthe same targets by cause:")
    causes = unobserved_causes(card, joined).value_counts()
    for cause in CAUSES:
        print(f"  {cause}: {int(causes.get(cause, 0))}")
    print()
    blockers = region_blockers(card, joined, args.top)
    with pd.option_context("display.width", 250, "display.max_colwidth", 140):
        print(blockers.head(args.regions).to_string(index=False))
    if args.csv:
        blockers.to_csv(args.csv, index=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
