"""The `greenmetrics` command line.

    greenmetrics extract [PATH ...] [--out DIR]   plans -> data/processed/{documents,targets,milestones}.csv
    greenmetrics report [--lang en] [--formats png,svg,pdf] [--jobs N]
                                                  extract, run every notebook, export figures and workbook

Errors a user can act on are printed as one line naming the file and the problem; the exit
status is 1 when any document failed, 0 otherwise.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import paths
from .errors import GreenmetricsError

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="Targets from Chinese green development plans."
)
console = Console(stderr=True, soft_wrap=True)

PROGRESS_THRESHOLD = 5  # a bar is noise for a handful of files
InputsArgument = Annotated[
    list[Path] | None, typer.Argument(help="plan files or folders (default: data/raw)")
]
OutOption = Annotated[
    Path | None, typer.Option("--out", help="output folder (default: data/processed)")
]


def _duration(seconds: float) -> str:
    minutes, rest = divmod(int(round(seconds)), 60)
    return f"{minutes}m{rest:02d}s" if minutes else f"{seconds:.1f}s"


class _ProgressLog:
    """Progress for a log (output that is not a terminal, where the bar does not show): a line
    every LOG_EVERY documents or LOG_SECONDS seconds, whichever comes first."""

    LOG_EVERY, LOG_SECONDS = 50, 10.0

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.enabled, self.done = total, enabled, 0
        self.started = self.last = time.monotonic()

    def step(self) -> None:
        self.done += 1
        now = time.monotonic()
        if not self.enabled or self.done == self.total:
            return
        if self.done % self.LOG_EVERY == 0 or now - self.last >= self.LOG_SECONDS:
            self.last = now
            print(
                f"extracted {self.done}/{self.total} documents ({_duration(now - self.started)})",
                flush=True,
            )


def _run_extract(inputs: list[Path] | None, out: Path | None):
    """Extract with a progress bar, write the tables, print the summary; (exit code, result)."""
    from .inputs import iter_plan_files
    from .pipeline import extract_corpus, write_extraction

    started = time.monotonic()
    files = iter_plan_files(inputs or [paths.RAW_DIR])
    columns = (
        TextColumn("extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
    )
    with Progress(
        *columns, console=console, disable=len(files) < PROGRESS_THRESHOLD, transient=True
    ) as progress:
        task = progress.add_task("", total=len(files))

        log = _ProgressLog(len(files), enabled=not console.is_terminal)

        def advance(path: Path) -> None:
            progress.update(task, advance=1, description=path.name)
            log.step()

        result = extract_corpus(inputs, on_document=advance)
    written = write_extraction(result, out)
    summary = Table(title="greenmetrics extract", show_header=False)
    summary.add_row("documents", str(len(result.documents)))
    summary.add_row("targets", str(len(result.targets)))
    summary.add_row("milestones", str(len(result.milestones)))
    summary.add_row("observations", str(len(result.observations)))
    summary.add_row("unmapped indicators", str(len(result.unmapped)))
    summary.add_row("inputs not read or failed", str(len(result.problems)))
    summary.add_row("duplicates skipped", str(len(result.duplicates)))
    summary.add_row("written to", str(written[0].parent))
    summary.add_row("time", _duration(time.monotonic() - started))
    console.print(summary)
    unmapped = result.unmapped.drop_duplicates("indicator_zh")
    for row in unmapped.head(20).to_dict("records"):
        console.print(
            f"[yellow]unmapped[/yellow] {row['doc_id']}: {row['indicator_zh']}", highlight=False
        )
    if len(unmapped) > 20:
        console.print(f"... and {len(unmapped) - 20} more unmapped phrases: see review.csv")
    for line in result.duplicates:
        console.print(f"[yellow]duplicate[/yellow] {line}")
    for line in result.problems:
        console.print(f"[red]error[/red] {line}", highlight=False)
    return (1 if result.problems else 0), result


def _extract_or_exit(inputs: list[Path] | None, out: Path | None):
    """`_run_extract`, or exit 2 with the one-line error when the run cannot start or write
    (a bad override, an output folder that is not one): nothing has been written then."""
    try:
        from .pipeline import output_lock

        with output_lock(out or paths.PROCESSED_DIR):
            return _run_extract(inputs or None, out)
    except GreenmetricsError as exc:
        console.print(f"[red]error[/red] {exc}", highlight=False)
        raise typer.Exit(2) from None


@app.command()
def extract(
    inputs: InputsArgument = None,
    out: OutOption = None,
) -> None:
    """Extract targets and milestones from plans into tidy tables."""
    code, _ = _extract_or_exit(inputs, out)
    raise typer.Exit(code)


@app.command()
def review(
    inputs: InputsArgument = None,
    out: OutOption = None,
    limit: Annotated[int, typer.Option(help="rows shown per category on screen")] = 15,
) -> None:
    """Extract, then list what to check: unreported numbers, unmapped indicators, inferred years."""
    from .review import build_review

    code, result = _extract_or_exit(inputs, out)
    table = build_review(result, result.texts)
    out_console = Console()
    for category, rows in table.groupby("category", sort=False):
        view = Table(title=f"{category} ({len(rows)})", show_lines=False)
        for column in ("doc_id", "text", "quote", "note"):
            view.add_column(column, overflow="fold")
        for row in rows.head(limit).astype(object).fillna("").to_dict("records"):
            view.add_row(row["doc_id"], str(row["text"]), str(row["quote"])[:60], row["note"])
        out_console.print(view)
    console.print(f"review written to {Path(out or paths.PROCESSED_DIR) / 'review.csv'}")
    raise typer.Exit(code)


@app.command()
def report(
    lang: Annotated[str, typer.Option(help="chart and table labels: zh or en")] = "zh",
    formats: Annotated[
        str, typer.Option(help="figure formats, comma-separated: png, svg, pdf")
    ] = "png",
    jobs: Annotated[
        int, typer.Option(help="notebooks run side by side (default: one per core)")
    ] = 0,
    force: Annotated[
        bool, typer.Option("--force", help="extract again even when the tables are current")
    ] = False,
) -> None:
    """The main job: extract (unless the tables are current), execute every notebook, export
    figures and the workbook."""
    from .report import EXECUTED_DIR, check_formats, notebooks, run_report

    sources = notebooks()
    columns = (
        TextColumn("report"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
    )
    try:
        chosen = check_formats(formats)
        with Progress(*columns, console=console, transient=True) as progress:
            task = progress.add_task("extracting, starting kernels", total=len(sources))

            def done(path: Path) -> None:
                progress.update(task, advance=1, description=f"{path.name} done")

            executed = run_report(
                {"LANG": lang}, on_notebook=done, formats=chosen, workers=jobs or None, force=force
            )
    except GreenmetricsError as exc:
        console.print(f"[red]error[/red] {exc}", highlight=False)
        raise typer.Exit(1) from None
    figures = sorted(paths.FIGURES_DIR.glob("*.png")) if paths.FIGURES_DIR.exists() else []
    console.print(
        f"notebooks executed: {len(executed)} (copies and HTML in {EXECUTED_DIR})\n"
        f"figures: {len(figures)} x {'/'.join(f.upper() for f in chosen)} in "
        f"{paths.FIGURES_DIR}\n"
        f"workbook: {paths.REPORTS_DIR / 'greenmetrics.xlsx'}"
    )


def main() -> None:  # pragma: no cover - console entry point
    app()
