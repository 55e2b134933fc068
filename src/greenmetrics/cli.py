"""The `greenmetrics` command line.

    greenmetrics extract [PATH ...] [--out DIR] [--force]
                                                  plans -> data/processed/{documents,targets,milestones}.csv
    greenmetrics review [PATH ...] [--out DIR] [--limit N]
                                                  extract, then list what to check (review.csv)
    greenmetrics report [--lang en] [--regions 武汉市,定西市] [--formats png,svg,pdf] [--jobs N]
                                                  extract, run every notebook, export figures and workbook

Errors a user can act on are printed as one line naming the file and the problem. extract and
review exit with 1 when any document failed, 0 otherwise; report with 3 when its report was
written but some inputs were not read (see `greenmetrics report --help`).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
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
ForceOption = Annotated[
    bool,
    typer.Option("--force", help="read and extract every plan again, none from the cache"),
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


def _run_extract(inputs: list[Path] | None, out: Path | None, force: bool = False):
    """Extract with a progress bar, write the tables, print the summary; (exit code, result).
    Documents unchanged since the last run into `out` come from its cache unless `force`."""
    from .document_cache import DocumentCache, cache_folder
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

        cache = DocumentCache(cache_folder(out or paths.PROCESSED_DIR), reuse=not force)
        result = extract_corpus(inputs, on_document=advance, cache=cache)
    written = write_extraction(result, out)
    cache.save()
    print_extraction(result, written[0].parent, time.monotonic() - started)
    return (1 if result.problems else 0), result


def print_summary(
    title: str,
    counts: Sequence[tuple[str, str]],
    problems: Iterable[str],
    warnings: Iterable[str] = (),
) -> None:
    """A table of `counts` (label, value) under `title`, then one line per warning and one red
    error line per input problem: the one summary `extract` prints of what it wrote and
    `report` of the tables it reuses."""
    summary = Table(title=title, show_header=False)
    for label, value in counts:
        summary.add_row(label, value)
    console.print(summary)
    for line in warnings:
        console.print(line, highlight=False)
    for line in problems:
        console.print(f"[red]error[/red] {paths.project_relative(line)}", highlight=False)


def print_extraction(result, written_to: Path, seconds: float) -> None:
    """The summary of an extraction (documents, targets, observations, milestones, problems),
    then its unmapped phrases, duplicates and input problems, one line each: what `extract`
    prints, and `report` before its notebooks."""
    counts = [
        ("documents", str(len(result.documents))),
        ("targets", str(len(result.targets))),
        ("milestones", str(len(result.milestones))),
        ("observations", str(len(result.observations))),
        ("unmapped indicators", str(len(result.unmapped))),
        ("inputs not read or failed", str(len(result.problems))),
        ("duplicates skipped", str(len(result.duplicates))),
        ("written to", paths.project_relative(str(written_to))),
        ("time", _duration(seconds)),
    ]
    unmapped = result.unmapped.drop_duplicates("indicator_zh")
    warnings = [
        f"[yellow]unmapped[/yellow] {row['doc_id']}: {row['indicator_zh']}"
        for row in unmapped.head(20).to_dict("records")
    ]
    if len(unmapped) > 20:
        warnings.append(f"... and {len(unmapped) - 20} more unmapped phrases: see review.csv")
    warnings += [
        f"[yellow]duplicate[/yellow] {paths.project_relative(line)}" for line in result.duplicates
    ]
    print_summary("greenmetrics extract", counts, result.problems, warnings)


def _print_reused_tables() -> int:
    """What the reused tables of data/processed hold, and their input problems (from
    review.csv), as `print_extraction` says it for a new extraction; returns the problems."""
    import pandas as pd

    counts = []
    for table in ("documents", "targets", "milestones", "observations"):
        path = paths.PROCESSED_DIR / f"{table}.csv"
        counts.append((table, str(len(pd.read_csv(path, dtype=str))) if path.is_file() else "-"))
    review_path = paths.PROCESSED_DIR / "review.csv"
    review = pd.read_csv(review_path, dtype=str) if review_path.is_file() else pd.DataFrame()
    problems = []
    if len(review):
        # inputs not read are listed without a document (a document's own warnings name it)
        problems = list(review[review.category.eq("document_problem") & review.doc_id.isna()].note)
    counts.append(("inputs not read or failed", str(len(problems))))
    print_summary("greenmetrics report: tables reused", counts, problems)
    return len(problems)


def _extract_or_exit(inputs: list[Path] | None, out: Path | None, force: bool = False):
    """`_run_extract`, or exit 2 with the one-line error when the run cannot start or write
    (a bad override, an output folder that is not one): nothing has been written then."""
    try:
        from .pipeline import output_lock

        with output_lock(out or paths.PROCESSED_DIR):
            return _run_extract(inputs or None, out, force)
    except GreenmetricsError as exc:
        console.print(f"[red]error[/red] {paths.project_relative(str(exc))}", highlight=False)
        raise typer.Exit(2) from None


@app.command()
def extract(
    inputs: InputsArgument = None,
    out: OutOption = None,
    force: ForceOption = False,
) -> None:
    """Extract targets and milestones from plans into tidy tables (a plan unchanged since the
    last run into the same folder is taken from its cache, unless --force)."""
    code, _ = _extract_or_exit(inputs, out, force)
    raise typer.Exit(code)


@app.command()
def review(
    inputs: InputsArgument = None,
    out: OutOption = None,
    limit: Annotated[int, typer.Option(help="rows shown per category on screen")] = 15,
    force: ForceOption = False,
) -> None:
    """Extract, then list what to check: unreported numbers, unmapped indicators, inferred years."""
    from . import notes
    from .review import build_review

    code, result = _extract_or_exit(inputs, out, force)
    table = build_review(result, result.texts)
    written = paths.project_relative(str(Path(out or paths.PROCESSED_DIR).resolve() / "review.csv"))
    out_console = Console()
    shown = 0
    for category, rows in table.groupby("category", sort=False):
        view = Table(title=f"{category} ({len(rows)})", show_lines=False)
        for column in ("doc_id", "text", "quote", "note"):
            view.add_column(column, overflow="fold")
        shown_rows = notes.in_language(rows.head(limit), "en")  # from the note codes
        for row in shown_rows.astype(object).fillna("").to_dict("records"):
            view.add_row(row["doc_id"], str(row["text"]), str(row["quote"])[:60], row["note"])
        out_console.print(view)
        if len(rows) > limit:
            out_console.print(
                f"{category}: {limit} of {len(rows)} rows shown; all of them in {written}",
                highlight=False,
                soft_wrap=True,  # a path cut by the terminal's width cannot be copied
            )
        shown += min(limit, len(rows))
    console.print(
        f"review: {shown} of {len(table)} rows shown (at most {limit} per category, "
        f"--limit to change); all {len(table)} written to {written}",
        highlight=False,
    )
    raise typer.Exit(code)


INPUT_PROBLEMS_EXIT = 3  # the report was written, but some inputs were not read


@app.command(
    epilog="Exit status: 0 the report was written from every input; "
    f"{INPUT_PROBLEMS_EXIT} the report was written, but some inputs were not read or failed "
    "(each named above the notebooks, as by `greenmetrics extract`); "
    "1 the report failed and the previous one was left as it was; 2 a wrong option."
)
def report(
    lang: Annotated[str, typer.Option(help="chart and table labels: zh or en")] = "zh",
    formats: Annotated[
        str, typer.Option(help="figure formats, comma-separated: png, svg, pdf")
    ] = "png",
    jobs: Annotated[
        int, typer.Option(help="notebooks run side by side (default: one per core)")
    ] = 0,
    regions: Annotated[
        str,
        typer.Option(
            help="focus regions, comma-separated region names (e.g. 武汉市,定西市): they lead "
            "and are highlighted; every region stays in the data (default in settings.py)"
        ),
    ] = "",
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="extract and run every notebook again even when nothing changed since the "
            "last report",
        ),
    ] = False,
) -> None:
    """The main job: extract (unless the tables are current), execute every notebook (unless
    the last report of this language was made from the same tables, notebooks, code and
    options: it is then reused), export figures and the workbook.

    Prints the extraction summary and its input problems (of the tables reused, when they are
    current), then each notebook as it finishes, or that the notebooks were reused."""
    from .report import EXECUTED_DIR, NOTEBOOKS_REUSED, REUSED_LINE, check_formats, run_report

    started = time.monotonic()
    extracted, reused, notebooks_reused = [], [], []

    def summarize(result) -> None:
        extracted.append(result)
        print_extraction(result, paths.PROCESSED_DIR, time.monotonic() - started)

    def done(path: Path, seconds: float) -> None:
        console.print(f"notebook {path.stem} done in {_duration(seconds)}", highlight=False)

    def say(line: str) -> None:
        console.print(f"[yellow]{paths.project_relative(line)}[/yellow]", highlight=False)
        if line == REUSED_LINE:  # what the reused tables hold, before the notebooks run
            reused.append(_print_reused_tables())
        if line.startswith(NOTEBOOKS_REUSED.split("{")[0]):
            notebooks_reused.append(line)

    try:
        chosen = check_formats(formats)
        console.print(
            f"report of {paths.project_relative(str(paths.RAW_DIR))} in {lang}: "
            + (
                "extracting and running every notebook (--force)"
                if force
                else "only what changed since the last report is made again"
            )
        )
        parameters: dict[str, object] = {"LANG": lang}
        focus = [r.strip() for r in regions.replace("，", ",").split(",") if r.strip()]
        if focus:
            parameters["FOCUS"] = focus
        executed = run_report(
            parameters,
            on_notebook=done,
            formats=chosen,
            workers=jobs or None,
            on_extraction=summarize,
            on_message=say,
            force=force,
        )
    except GreenmetricsError as exc:
        console.print(f"[red]error[/red] {paths.project_relative(str(exc))}", highlight=False)
        raise typer.Exit(1) from None
    figures = sorted(paths.FIGURES_DIR.glob("*.png")) if paths.FIGURES_DIR.exists() else []
    console.print(
        f"notebooks {'reused' if notebooks_reused else 'executed'}: {len(executed)} "
        f"(copies and HTML in "
        f"{paths.project_relative(str(EXECUTED_DIR))})\n"
        f"figures: {len(figures)} x {'/'.join(f.upper() for f in chosen)} in "
        f"{paths.project_relative(str(paths.FIGURES_DIR))}\n"
        f"workbook: {paths.project_relative(str(paths.REPORTS_DIR / f'greenmetrics_{lang}.xlsx'))}\n"
        f"time: {_duration(time.monotonic() - started)}",
        highlight=False,
    )
    problems = len(extracted[0].problems) if extracted else sum(reused)
    if problems:
        console.print(
            f"[red]{problems} input(s) not read or failed[/red] (listed above); the report "
            f"holds the others (exit status {INPUT_PROBLEMS_EXIT})",
            highlight=False,
        )
    raise typer.Exit(INPUT_PROBLEMS_EXIT if problems else 0)


def main() -> None:  # pragma: no cover - console entry point
    app()
