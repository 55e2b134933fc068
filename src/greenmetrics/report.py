"""The main job: extract, execute every notebook in order, keep executed and HTML copies.

The notebooks themselves draw and export the figures (reports/figures) and the workbook
(reports/greenmetrics.xlsx) through the library; this module runs them with papermill (so a
user can pass other parameters: language, regions, themes) and scrubs run times from the
executed copies, so a rerun gives the same files.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from . import paths
from .errors import GreenmetricsError
from .files import write_atomic

EXECUTED_DIR = paths.REPORTS_DIR / "notebooks"


class NotebookError(GreenmetricsError):
    """A notebook raised while executing; the message names the notebook and the cell."""


def notebooks(folder: Path | None = None) -> list[Path]:
    """The report notebooks in run order (01_..., 02_...)."""
    folder = Path(folder or paths.NOTEBOOKS_DIR)
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if not p.name.startswith("."))


def _scrub(nb: dict) -> dict:
    """Remove what changes from run to run (timings, durations) from an executed notebook."""
    nb.get("metadata", {}).pop("papermill", None)
    # Interactive widgets only live in a running kernel; their saved state has random model ids.
    nb.get("metadata", {}).pop("widgets", None)
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            output.get("data", {}).pop("application/vnd.jupyter.widget-view+json", None)
    for index, cell in enumerate(nb.get("cells", [])):
        cell["id"] = f"cell-{index:03d}"  # papermill gives its injected cell a random id
        cell.get("metadata", {}).pop("papermill", None)
        cell.get("metadata", {}).pop("execution", None)
    return nb


@contextlib.contextmanager
def _quiet_kernel():
    """Send what kernels print on stderr (their start-up warnings) to reports/kernel.log.

    NOTE: the kernel is a child process that inherits file descriptor 2, so the descriptor is
    swapped, not sys.stderr. Cell errors still reach the user through NotebookError."""
    log = paths.REPORTS_DIR / "kernel.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    sys.stderr.flush()
    saved = os.dup(2)
    with open(log, "wb") as fh:
        os.dup2(fh.fileno(), 2)
        try:
            yield log
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def execute_notebook(source: Path, out_dir: Path, parameters: dict | None = None) -> Path:
    """Execute one notebook; write the executed copy and an HTML copy to out_dir."""
    import nbformat
    import papermill
    from nbconvert import HTMLExporter

    out_dir.mkdir(parents=True, exist_ok=True)
    executed = out_dir / source.name
    # NOTE: kernels inherit this; a fixed hash seed keeps set/dict-order float sums (and so the
    # last digit of a coordinate in an SVG) the same from run to run.
    os.environ["PYTHONHASHSEED"] = "0"
    os.environ.setdefault("MPLBACKEND", "Agg")
    try:
        with _quiet_kernel():
            nb = papermill.execute_notebook(
                str(source),
                None,
                parameters=parameters or {},
                cwd=str(source.parent),
                progress_bar=False,
                kernel_name="python3",
                log_output=False,
            )
    except papermill.PapermillExecutionError as exc:
        raise NotebookError(
            f"{source}: cell {exc.cell_index} failed: {exc.ename}: {exc.evalue}"
        ) from None
    nb = _scrub(json.loads(nbformat.writes(nb)))
    write_atomic(
        executed, (json.dumps(nb, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()
    )
    html, _ = HTMLExporter().from_notebook_node(nbformat.reads(json.dumps(nb), as_version=4))
    write_atomic(executed.with_suffix(".html"), html.encode("utf-8"))
    return executed


def run_report(
    parameters: dict | None = None,
    on_notebook: Callable[[Path], None] | None = None,
) -> list[Path]:
    """Extract the corpus, then execute every notebook in order. Returns the executed copies."""
    from .pipeline import extract_corpus, write_extraction

    result = extract_corpus()
    write_extraction(result)
    executed = []
    for source in notebooks():
        if on_notebook:
            on_notebook(source)
        executed.append(execute_notebook(source, EXECUTED_DIR, parameters))
    return executed
