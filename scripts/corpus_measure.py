#!/usr/bin/env python3
"""Measure a corpus against issue 18's done-when: targets mapped to the catalog, documents
without a region or level, contents lines and page references taken as targets.

    PYTHONPATH=src .venv/bin/python scripts/corpus_measure.py [FOLDER_OR_FILE ...] [--out DIR]

The corpus (default: the six folders of ../shared/corpus: pdf, genres, reviews, seeds, dev,
reports) is extracted once with the shipped catalog; a folder's README.md describes the folder
and is no policy, so it is left out. Printed, as Markdown tables for docs/catalog_growth.md:

1. per folder and overall, the targets with an `indicator_id` (the ones that can reach a
   comparison) and their share;
2. the documents whose region is unknown (未知, unknown or empty) or that have no level, and
   how many of the unknown ones still carry a level (the done-when allows none);
3. the targets whose indicator or clause is a contents line (leader dots before a page
   number, or a whole line of the text that is a heading and a bare page number: 推进生态产品
   价值实现   51) or a page reference (见表 / 附表 / 见附件 / 第N页): no target at all.

`--out DIR` also writes the extracted tables (documents, targets, milestones, observations)
and `coverage.csv` (the first table) there, so `scripts/unmapped_names.py --tables DIR` lists
the unmapped names of the same run without extracting again.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from greenmetrics.catalog import load_catalog
from greenmetrics.inputs import iter_plan_files
from greenmetrics.pipeline import extract_corpus

SHARED_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
DEFAULT_FOLDERS = ("pdf", "genres", "reviews", "seeds", "dev", "reports")
FOLDER_NOTE = "readme.md"  # a corpus folder's own description, no policy
UNKNOWN_REGIONS = frozenset({"未知", "unknown", ""})
TABLES = ("documents", "targets", "milestones", "observations")

# NOTE: a contents line runs leader dots (……, ...., ····) up to its page number; a page
# reference sends the reader elsewhere (见表1, 附表2, 见附件3, 第12页) and states no goal.
CONTENTS_LINE = re.compile(r"(?:\.{4,}|…{2,}|·{4,}|-{4,})\s*\d{0,3}")
PAGE_REFERENCE = re.compile(r"见(?:附)?表\s*\d|附表\s*\d|见附件|第\s*\d+\s*页")
# NOTE: a contents line whose leader dots the PDF lost is a heading, spaces and a page number
# alone on its line, with no unit and no word that introduces a value (达到, 为, 至 ...).
HEADING_AND_PAGE = re.compile(r"^[^\d\n]{4,40}?(?<![达为至到过于在])\s+\d{1,3}$")


def corpus_files(inputs: Sequence[Path]) -> dict[Path, str]:
    """Each policy file of `inputs` -> the folder (or file) it was given under, as a label."""
    files: dict[Path, str] = {}
    for given in inputs:
        label = given.name if given.is_dir() else given.parent.name
        for path in iter_plan_files([given]):
            if path.name.lower() != FOLDER_NOTE:
                files.setdefault(path, label)
    return files


def whole_line(text: str, start: int, end: int) -> str:
    """The line of `text` that holds the span start:end, without its surrounding whitespace."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return text[first : len(text) if last < 0 else last].strip()


def non_target_kind(indicator: object, quote: object, line: str = "") -> str:
    """'contents line', 'page reference' or '' for a target's indicator name, clause and the
    line of the text that holds the clause."""
    texts = [t for t in (indicator, quote) if isinstance(t, str)]
    if any(CONTENTS_LINE.search(t) for t in texts) or HEADING_AND_PAGE.match(line):
        return "contents line"
    if any(PAGE_REFERENCE.search(t) for t in texts):
        return "page reference"
    return ""


def mapped_share(targets: pd.DataFrame, folder_of: dict[str, str]) -> pd.DataFrame:
    """One row per folder and one for all: targets, targets with an indicator_id, share."""
    frame = targets.assign(
        folder=targets["doc_id"].map(folder_of), mapped=targets["indicator_id"].notna()
    )
    rows = []
    for folder in [*dict.fromkeys(folder_of.values()), "all"]:
        part = frame if folder == "all" else frame[frame["folder"] == folder]
        n, n_mapped = len(part), int(part["mapped"].sum())
        docs = len(folder_of) if folder == "all" else sum(f == folder for f in folder_of.values())
        share = round(n_mapped / n, 3) if n else None
        rows.append(
            {"folder": folder, "documents": docs, "targets": n, "mapped": n_mapped, "share": share}
        )
    return pd.DataFrame(rows)


def regionless(documents: pd.DataFrame) -> pd.DataFrame:
    """The documents whose region is unknown or that have no level."""
    region = documents["region_zh"].fillna("").astype(str).str.strip()
    level = documents["region_level"].fillna("").astype(str).str.strip()
    unknown = region.isin(UNKNOWN_REGIONS)
    chosen = documents[unknown | (level == "")]
    return chosen.assign(region_unknown=unknown[chosen.index])[
        ["doc_id", "region_zh", "region_level", "doc_kind", "region_unknown"]
    ]


def non_targets(targets: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """The targets that are contents lines or page references, with the reason."""
    kinds = []
    for row in targets.itertuples(index=False):
        text = texts.get(row.doc_id, "")
        # a clause with a unit states a quantity, never a page number
        has_unit = isinstance(row.unit, str) and row.unit != ""
        line = "" if has_unit or not text else whole_line(text, row.char_start, row.char_end)
        kinds.append(non_target_kind(row.indicator_zh, row.quote, line))
    flagged = targets.assign(reason=kinds)
    return flagged[flagged["reason"] != ""][["doc_id", "reason", "indicator_zh", "quote"]]


def _markdown(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "(none)"
    cells = frame.astype(object).where(frame.notna(), "")
    lines = ["| " + " | ".join(map(str, frame.columns)) + " |"]
    lines.append("| " + " | ".join("---" for _ in frame.columns) + " |")
    for row in cells.itertuples(index=False):
        lines.append("| " + " | ".join(" ".join(str(c).split()) for c in row) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="*", type=Path, help="policies (files or folders)")
    parser.add_argument("--out", type=Path, help="write the extracted tables and coverage.csv")
    args = parser.parse_args(argv)
    inputs = args.inputs or [SHARED_CORPUS / f for f in DEFAULT_FOLDERS]
    files = corpus_files(inputs)
    result = extract_corpus(sorted(files), catalog=load_catalog())
    folder_of = {path.stem: label for path, label in files.items()}
    coverage = mapped_share(result.targets, folder_of)
    documents = regionless(result.documents)
    flagged = non_targets(result.targets, result.texts)
    n_unknown = int(documents["region_unknown"].sum())
    n_unknown_level = int((documents["region_unknown"] & documents["region_level"].notna()).sum())
    print("## Targets with a catalog indicator\n")
    print(_markdown(coverage) + "\n")
    print(
        f"## Documents without a region or level: {len(documents)} of {len(folder_of)} "
        f"(region unknown: {n_unknown}, of them with a level: {n_unknown_level})\n"
    )
    print(_markdown(documents) + "\n")
    print(f"## Targets that are contents lines or page references: {len(flagged)}\n")
    print(_markdown(flagged) + "\n")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for name in TABLES:
            getattr(result, name).to_csv(args.out / f"{name}.csv", index=False)
        coverage.to_csv(args.out / "coverage.csv", index=False)
        print(f"tables written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
