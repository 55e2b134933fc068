#!/usr/bin/env python3
"""Measure the extractor on every labelled set and write the accuracy table of docs/extractor.md.

    PYTHONPATH=src .venv/bin/python scripts/accuracy.py            # measure, rewrite the table
    PYTHONPATH=src .venv/bin/python scripts/accuracy.py --check    # exit 1 when the doc drifted

Extracts the shipped corpus (data/raw), the dev excerpts (tests/corpus/dev) and the genre
documents (tests/corpus/genres, genres_heldout, genres_heldout2), then scores each gold file of
tests/gold with the independent scorers of ../shared/tools (score_targets.py,
score_observations.py: same document, value and year, overlapping clause; fields: unit,
comparator, kind, baseline year and, for targets, scope and 力争; the targets of a set's
documents that hold no gold target, a notice or a funding call, count against precision).
tests/test_accuracy_table.py fails when the figures in the doc are not the ones measured, so a
change of the rules that moves them regenerates the table with this command.
A new labelled set is one more entry of SETS.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
DOC = ROOT / "docs" / "extractor.md"
SHARED_TOOLS = ROOT.parent / "shared" / "tools"
BEGIN, END = "<!-- accuracy table: scripts/accuracy.py -->", "<!-- end of accuracy table -->"
RAW = ROOT / "data" / "raw"
DEV = ROOT / "tests" / "corpus" / "dev"
GENRES = ROOT / "tests" / "corpus" / "genres"
GENRES_HELDOUT = ROOT / "tests" / "corpus" / "genres_heldout"
GENRES_HELDOUT2 = ROOT / "tests" / "corpus" / "genres_heldout2"
# the labelled documents that are not shipped in data/raw
LABELLED_FOLDERS = (DEV, GENRES, GENRES_HELDOUT, GENRES_HELDOUT2)


@dataclass(frozen=True)
class LabelledSet:
    name: str
    what: str  # the documents
    gold: str  # file of tests/gold
    table: str  # "targets" | "observations"
    status: str  # held-out (labelled before the rules, never tuned on) or development
    by_quote: bool = False  # labelled on another reader's text layer: match by quote
    # file of tests/gold naming every labelled document, those that hold no target too
    non_targets: str = ""


SETS = (
    LabelledSet(
        "seeds", "the 2 plans the project began with (county, prefecture)",
        "seed_targets_gold.csv", "targets", "development: the first rules were written on it",
        non_targets="seed_non_targets.csv",
    ),
    LabelledSet(
        "dev", "5 provincial 实施方案, excerpts", "dev_targets_gold.csv", "targets",
        "development: rules tuned on it", non_targets="dev_non_targets.csv",
    ),
    LabelledSet(
        "city PDFs", "4 city 实施方案 as published PDFs", "pdf_targets_gold.csv", "targets",
        "development: the PDF reading was tuned on it", by_quote=True,
        non_targets="pdf_non_targets.csv",
    ),
    LabelledSet(
        "genres", "6 policies of other kinds (national opinion and plan, rule, funding call, "
        "allowance plan, city sector plan)", "genres_dev_targets_gold.csv", "targets",
        "development: labelled before the rules for document kinds, then tuned on",
        by_quote=True, non_targets="genres_dev_non_targets.csv",
    ),
    LabelledSet(
        "genres held-out", "6 more policies (national guidance and plan, provincial decision and "
        "work plan, five-year sector plan, funding call)", "genres_heldout_targets_gold.csv",
        "targets", "development: labelled before any output on them (first score 0.672 / 0.713 / "
        "0.963), then tuned on in issue 18's second round", by_quote=True,
        non_targets="genres_heldout_non_targets.csv",
    ),
    LabelledSet(
        "genres held-out 2", "5 more policies (provincial 碳达峰 plan, city sector action plan, "
        "national plan, carbon-market notice, pilot guide) and 2 实施方案 PDFs with noisy text "
        "layers", "genres_heldout2_targets_gold.csv", "targets",
        "development: labelled before any output on them (first score 0.947 / 0.740 / 0.981), "
        "then tuned on in issue 18's third round", by_quote=True,
        non_targets="genres_heldout2_non_targets.csv",
    ),
    LabelledSet(
        "observations dev", "7 report excerpts, the reviews of 3 later plans",
        "observations_dev_gold.csv", "observations", "development: rules tuned on it",
    ),
    LabelledSet(
        "observations held-out", "the reviews of 4 later plans", "observations_heldout_gold.csv",
        "observations", "development: labelled before the rules, tuned on in issue 17",
    ),
    LabelledSet(
        "observations held-out 2", "the reviews of 2 later plans (内蒙古, 上海)",
        "observations_heldout2_gold.csv", "observations",
        "development: labelled before the rules looked at them, tuned on in issue 17's third round",
    ),
    LabelledSet(
        "observations held-out 3", "2 later plans of 山东, 1 of 黑龙江 (reviews, tables' 2020 columns)",
        "observations_heldout3_gold.csv", "observations",
        "**held-out**: labelled before any output on them, never tuned on",
    ),
)  # fmt: skip


def write_tables(results: list, out: Path) -> None:
    """targets.csv and observations.csv of the extractions `results`, into `out` (the columns
    the scorers read, as `greenmetrics extract` writes them)."""
    out.mkdir(parents=True, exist_ok=True)
    for table in ("targets", "observations"):
        frames = [getattr(result, table) for result in results]
        pd.concat(frames, ignore_index=True).to_csv(out / f"{table}.csv", index=False)


def _figures(output: str) -> tuple[float, float, float]:
    last = re.search(r"recall=([0-9.]+) precision=([0-9.]+) fields=([0-9.]+)", output)
    if last is None:
        raise SystemExit(f"the scorer printed no result line:\n{output}")
    return float(last.group(1)), float(last.group(2)), float(last.group(3))


def targets_without_gold(labelled: LabelledSet, out: Path) -> int:
    """How many targets were extracted from the set's documents that hold no gold target (a
    funding call, a notice, a pilot guide). The scorer counts only the documents of the gold
    file, so these are added to its predictions here, each one wrong."""
    if labelled.table != "targets" or not labelled.non_targets:
        return 0
    documents = set(pd.read_csv(GOLD / labelled.non_targets, dtype=str).file)
    with_targets = set(pd.read_csv(GOLD / labelled.gold, dtype=str).file)
    stems = {Path(name).stem for name in documents - with_targets}
    extracted = pd.read_csv(out / "targets.csv", dtype=str, usecols=["doc_id"])
    return int(extracted["doc_id"].isin(stems).sum())


def _precision_with(output: str, wrong: int, printed: float) -> float:
    if not wrong:
        return printed
    counts = re.search(r"predicted in these docs (\d+), unmatched (\d+)", output)
    if counts is None:
        raise SystemExit(f"the scorer printed no prediction counts:\n{output}")
    predicted, unmatched = int(counts.group(1)), int(counts.group(2))
    return (predicted - unmatched) / (predicted + wrong)


def score(labelled: LabelledSet, out: Path, texts: Path) -> tuple:
    gold = GOLD / labelled.gold
    if labelled.table == "observations":
        command = ["score_observations.py", str(out / "observations.csv"), str(gold)]
    else:
        command = ["score_targets.py", str(out / "targets.csv"), str(gold), str(texts)]
        command += ["--by-quote"] if labelled.by_quote else []
    command[0] = str(SHARED_TOOLS / command[0])
    done = subprocess.run([sys.executable, *command], capture_output=True, text=True, check=True)
    recall, precision, fields = _figures(done.stdout)
    wrong = targets_without_gold(labelled, out)
    return recall, _precision_with(done.stdout, wrong, precision), fields


def measure(results: list | None = None) -> list[dict]:
    """One row per labelled set, its figures as the scorer prints them. `results`: extractions
    that hold every labelled document (default: extract data/raw, the dev excerpts and the
    genre documents)."""
    if not (SHARED_TOOLS / "score_targets.py").exists():
        raise SystemExit(f"the scorers are not there: {SHARED_TOOLS}")
    if results is None:
        from greenmetrics.pipeline import extract_corpus

        results = [extract_corpus([RAW, *LABELLED_FOLDERS])]
    with tempfile.TemporaryDirectory() as tmp:
        out, texts = Path(tmp) / "out", Path(tmp) / "texts"
        write_tables(results, out)
        texts.mkdir()
        for folder in (RAW, DEV):  # the plans' texts, for matching by offsets
            for path in folder.glob("*.txt"):
                (texts / path.name).write_bytes(path.read_bytes())
        rows = []
        for labelled in SETS:
            gold = pd.read_csv(GOLD / labelled.gold, dtype=str, keep_default_na=False)
            recall, precision, fields = score(labelled, out, texts)
            rows.append(
                {
                    "set": labelled.name,
                    "documents": labelled.what,
                    "table": labelled.table,
                    "gold rows": len(gold),
                    "labelled": labelled.status,
                    "recall": f"{recall:.3f}",
                    "precision": f"{precision:.3f}",
                    "fields": f"{fields:.3f}",
                }
            )
    return rows


def render(rows: list[dict]) -> str:
    columns = list(rows[0])
    lines = ["| " + " | ".join(columns) + " |", "| " + " | ".join("---" for _ in columns) + " |"]
    lines += ["| " + " | ".join(str(row[c]) for c in columns) + " |" for row in rows]
    return "\n".join(lines)


def replace_table(doc: str, table: str) -> str:
    start, end = doc.index(BEGIN) + len(BEGIN), doc.index(END)
    return doc[:start] + "\n" + table + "\n" + doc[end:]


def current_table(doc: str) -> str:
    return doc[doc.index(BEGIN) + len(BEGIN) : doc.index(END)].strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when the doc's table drifted")
    args = parser.parse_args()
    table = render(measure())
    doc = DOC.read_text(encoding="utf-8")
    print(table)
    if args.check:
        if current_table(doc) != table:
            sys.exit(f"{DOC.relative_to(ROOT)}: the accuracy table is not what was measured; "
                     "run scripts/accuracy.py")  # fmt: skip
        return
    DOC.write_text(replace_table(doc, table), encoding="utf-8")
    print(f"{DOC.relative_to(ROOT)} updated")


if __name__ == "__main__":
    main()
