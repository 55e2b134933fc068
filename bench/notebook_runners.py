"""The report's notebooks run two ways, timed in one window: the kernel pool of
`report.execute_notebooks` (kernels started and warmed up while the extraction runs, notebooks
side by side) against plain sequential execution (the extraction, then each notebook in a
fresh kernel of its own, one after the other).

    PYTHONPATH=src .venv/bin/python bench/notebook_runners.py [--rounds 2]

Each round runs both, alternating which goes first, into a temporary folder in the project
(its data/processed and reports are not touched). Prints one line per run and a markdown table.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path


def _load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    from greenmetrics import paths

    # Under the project, as run_report's staging folder: the workbook names its figures
    # relative to the project.
    stage = Path(tempfile.mkdtemp(prefix=".greenmetrics-runners-", dir=paths.ROOT))
    # The kernels find the staged tables through these, as in run_report.
    os.environ["GREENMETRICS_PROCESSED"] = str(stage / "processed")
    os.environ["GREENMETRICS_REPORTS"] = str(stage / "reports")
    os.environ.setdefault("MPLBACKEND", "Agg")
    from greenmetrics.pipeline import extract_corpus, write_extraction
    from greenmetrics.report import execute_notebook, execute_notebooks, notebooks

    sources = notebooks()
    parameters = {"LANG": "zh"}
    out = stage / "reports" / "notebooks"

    def extract() -> None:
        write_extraction(extract_corpus(), stage / "processed")

    def pool() -> dict[str, float]:
        started = time.monotonic()
        marks: dict[str, float] = {}

        def timed_extract() -> None:
            extract()
            marks["extraction"] = time.monotonic() - started

        execute_notebooks(sources, out, parameters, prepare=timed_extract)
        marks["total"] = time.monotonic() - started
        return marks

    def sequential() -> dict[str, float]:
        started = time.monotonic()
        extract()
        marks = {"extraction": time.monotonic() - started}
        for source in sources:
            execute_notebook(source, out, parameters)
        marks["total"] = time.monotonic() - started
        return marks

    rows = []
    try:
        for round_ in range(1, args.rounds + 1):
            order = (pool, sequential) if round_ % 2 else (sequential, pool)
            for runner in order:
                shutil.rmtree(stage / "reports", ignore_errors=True)
                before = _load()
                marks = runner()
                rows.append((round_, runner.__name__, marks, before, _load()))
                print(
                    f"round {round_} {runner.__name__}: total {marks['total']:.1f} s, "
                    f"extraction done at {marks['extraction']:.1f} s (load {before} -> {_load()})",
                    flush=True,
                )
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    print(
        "\n| round | runner | total s | extraction s | notebooks s | load 1/5/15 before -> after |"
    )
    print("|---|---|---|---|---|---|")
    for round_, name, marks, before, after in rows:
        notebooks_s = marks["total"] - marks["extraction"]
        print(
            f"| {round_} | {name} | {marks['total']:.1f} | {marks['extraction']:.1f} | "
            f"{notebooks_s:.1f} | {before} -> {after} |"
        )


if __name__ == "__main__":
    sys.exit(main())
