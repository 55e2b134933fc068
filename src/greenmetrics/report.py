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
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path

from . import figure_cache, paths, settings
from .errors import GreenmetricsError
from .files import write_atomic
from .report_files import (
    FORMER_OUTPUTS,
    figure_language,
    inputs_fingerprint,
    link_tables,
    removed_files_line,
    report_key,
    reusable_report,
    staged_digests,
    stamp_path,
    swap_in,
    write_stamp,
)

EXECUTED_DIR = paths.REPORTS_DIR / "notebooks"


class NotebookError(GreenmetricsError):
    """A notebook raised while executing; the message names the notebook and the cell."""


# A markdown cell in one language carries this tag; the report keeps those of its language.
LANGUAGE_TAG = "lang-{lang}"


def in_language(nb, lang: str):
    """`nb` (a notebook node) without the cells tagged for another language: each heading and
    text is written once per language, in a pair of cells, and a report reads in one."""
    others = {LANGUAGE_TAG.format(lang=other) for other in settings.LANGUAGES if other != lang}
    nb.cells = [c for c in nb.cells if not others & set(c.get("metadata", {}).get("tags", []))]
    return nb


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
        kept = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if data.pop("application/vnd.jupyter.widget-view+json", None) is not None:
                continue  # a widget: only its repr (VBox(children=...)) would remain
            kept.append(output)
        if "outputs" in cell:
            cell["outputs"] = kept
    for index, cell in enumerate(nb.get("cells", [])):
        cell["id"] = f"cell-{index:03d}"  # papermill gives its injected cell a random id
        cell.get("metadata", {}).pop("papermill", None)
        cell.get("metadata", {}).pop("execution", None)
    return nb


def _kernel_log() -> Path:
    """reports/kernel.log, where the report's kernels write what they print on stderr (their
    start-up warnings). Cell errors still reach the user through NotebookError.

    NOTE: only the kernels' stderr goes there, not this process's: the report's own lines
    (a notebook done, a kernel that did not answer) must reach the terminal as they happen."""
    log = paths.REPORTS_DIR / "kernel.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    return log


FIGURE_FORMATS = ("png", "svg", "pdf")
DEFAULT_FORMATS = ("png",)
FORMATS_ENV = "GREENMETRICS_FIGURE_FORMATS"  # read by charts.save_figure in the kernels
KERNEL_NAME = "python3"
# Run in each kernel while it waits for its turn (silent: no execution count, no output), so
# the imports every notebook starts with overlap the extraction or the notebook before.
KERNEL_WARM_UP = "import greenmetrics.views, matplotlib.pyplot"


def check_formats(formats) -> tuple[str, ...]:
    """The figure formats asked for ("png,svg" or a list), in FIGURE_FORMATS order."""
    if isinstance(formats, str):
        formats = formats.split(",")
    wanted = {f.strip().lower() for f in formats or () if f.strip()}
    unknown = sorted(wanted - set(FIGURE_FORMATS))
    if unknown or not wanted:
        raise GreenmetricsError(
            f"figure format(s) {', '.join(unknown) or '(none)'}: choose from "
            f"{', '.join(FIGURE_FORMATS)}"
        )
    return tuple(f for f in FIGURE_FORMATS if f in wanted)


def kernel_environment(
    formats=DEFAULT_FORMATS, extra: dict[str, str] | None = None
) -> dict[str, str]:
    """The environment of the report's kernels.

    NOTE: the kernels must run the greenmetrics of this process, not whatever the kernel's
    Python finds first (an editable install of another checkout), so the folder this package
    was imported from goes first on PYTHONPATH. A fixed hash seed keeps set/dict-order float
    sums (the last digit of a coordinate in an SVG) the same from run to run."""
    import greenmetrics

    env = dict(os.environ)
    source = str(Path(greenmetrics.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(
        [source, *(p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p and p != source)]
    )
    env["PYTHONHASHSEED"] = "0"
    env.setdefault("MPLBACKEND", "Agg")
    env[FORMATS_ENV] = ",".join(check_formats(formats))
    env["GREENMETRICS_ROOT"] = str(paths.ROOT)
    env.update(extra or {})
    return env


KERNEL_ATTEMPTS = 3
_START_LOCK = threading.Lock()


class _Kernel:
    """A kernel started (and warmed up) ahead of the notebook it will run.

    Asynchronous, as nbclient wants; created and used in one thread (each thread runs its own
    event loop). NOTE: a kernel can die at start when another one (of this run or of another
    program) took the port it was given between the pick and its bind; it is then started
    again, up to KERNEL_ATTEMPTS times, and kernels of this run are started one at a time."""

    def __init__(self, cwd: Path, env: dict[str, str], warm_up: str | None = KERNEL_WARM_UP):
        self.env = env
        self._start(cwd, warm_up)

    def _start(self, cwd: Path, warm_up: str | None) -> None:
        """A new manager and kernel process in `cwd`, ready (and warmed up with `warm_up`)."""
        from jupyter_client.manager import AsyncKernelManager
        from jupyter_core.utils import run_sync

        for attempt in range(1, KERNEL_ATTEMPTS + 1):
            self.km = AsyncKernelManager(kernel_name=KERNEL_NAME)
            with _START_LOCK, open(_kernel_log(), "ab") as log:
                # NOTE: an in-memory history, as nbclient gives the kernels it starts: kernels
                # side by side would otherwise share (and lock) one IPython history database.
                run_sync(self.km.start_kernel)(
                    cwd=str(cwd),
                    env=self.env,
                    extra_arguments=["--HistoryManager.hist_file=:memory:"],
                    stderr=log,
                )
            # NOTE: kept so `shutdown` can make sure the process is gone (see there).
            self.process = getattr(self.km.provisioner, "process", None)
            try:
                run_sync(self._warm_up)(warm_up)
                return
            except RuntimeError:  # "Kernel died before replying to kernel_info"
                self.shutdown()
                if attempt == KERNEL_ATTEMPTS:
                    raise

    async def _warm_up(self, code: str | None) -> None:
        kc = self.km.client()
        kc.start_channels()
        try:
            await kc.wait_for_ready(timeout=60)
            if code:
                await kc.execute_interactive(
                    code, silent=True, store_history=False, timeout=120, output_hook=_ignore
                )
        finally:
            kc.stop_channels()

    def reset(self, cwd: Path) -> None:
        """Make the kernel as a fresh one for the next notebook: back in `cwd`, an empty
        namespace and history, execution counts from 1 again. Imported modules stay loaded
        (that is the time saved); the notebooks set what they use of them (styles, colours)."""
        from jupyter_core.utils import run_sync

        code = f"__import__('os').chdir({str(cwd)!r}); get_ipython().reset(new_session=True)"
        run_sync(self._warm_up)(code)

    def restart(self, cwd: Path) -> None:
        """A fresh kernel in place of this one (a new manager: the old one's sockets are
        closed by its shutdown), with the same environment."""
        self.shutdown()
        self._start(cwd, None)

    def shutdown(self) -> None:
        """Stop the kernel, and kill its process if it outlived the request.

        NOTE: a kernel that survives its report keeps the report's stdout open, so a caller
        reading that pipe (a CI log, subprocess.run) would wait for it; and an orphan kernel
        may never notice its parent is gone when a subreaper, not init, adopts it."""
        from jupyter_core.utils import run_sync

        with contextlib.suppress(Exception):
            run_sync(self.km.shutdown_kernel)(now=True)
        process = getattr(self, "process", None)
        # Popen.poll/kill never signal a process already reaped (no risk of a reused pid).
        if process is not None and process.poll() is None:
            with contextlib.suppress(Exception):
                process.kill()
                process.wait(timeout=10)


NOTEBOOK_ATTEMPTS = 2  # runs of a notebook whose cell timed out (see execute_notebook)
CELL_TIMEOUT_VARIABLE = "GREENMETRICS_CELL_TIMEOUT"
# Seconds. The slowest cell takes a few on the shipped corpus and about 30 on 1,000 plans; a
# lost kernel reply (about one report in ten here, see execute_notebook) costs this long.
DEFAULT_CELL_TIMEOUT = 300


def cell_timeout() -> int:
    """How long one notebook cell may run, in seconds (GREENMETRICS_CELL_TIMEOUT, default 300)."""
    raw = os.environ.get(CELL_TIMEOUT_VARIABLE, "").strip()
    if not raw:
        return DEFAULT_CELL_TIMEOUT
    try:
        seconds = int(raw)
    except ValueError:
        seconds = 0
    if seconds <= 0:
        raise NotebookError(f"{CELL_TIMEOUT_VARIABLE}={raw!r}: give a whole number of seconds > 0")
    return seconds


def _ignore(_msg) -> None:
    pass


def _html_exporter():
    from nbconvert import HTMLExporter

    return HTMLExporter()


def execute_notebook(
    source: Path,
    out_dir: Path,
    parameters: dict | None = None,
    *,
    kernel: _Kernel | None = None,
    formats=DEFAULT_FORMATS,
    on_message: Callable[[str], None] | None = None,
) -> Path:
    """Execute one notebook; write the executed copy and an HTML copy to out_dir.

    Runs in `kernel` when given (started in the notebook's folder), else in a new kernel.
    `on_message` hears why a notebook runs again (a lost reply, a cell time-out) as it happens."""
    import nbformat
    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    from .kernel_watch import ENGINE_NAME, LostKernelReply

    out_dir.mkdir(parents=True, exist_ok=True)
    executed = out_dir / source.name
    language = (parameters or {}).get("LANG", "zh")
    own = kernel is None
    try:
        if own:
            kernel = _Kernel(source.parent, kernel_environment(formats), warm_up=None)
        for attempt in range(1, NOTEBOOK_ATTEMPTS + 1):
            try:
                nb = papermill.execute_notebook(
                    in_language(nbformat.read(source, as_version=4), language),
                    None,
                    parameters=parameters or {},
                    progress_bar=False,
                    kernel_name=KERNEL_NAME,
                    log_output=False,
                    km=kernel.km,
                    execution_timeout=cell_timeout(),
                    engine_name=ENGINE_NAME,
                )
                break
            except (CellTimeoutError, LostKernelReply) as exc:
                # NOTE: on a loaded machine a kernel's reply can be lost: the kernel is idle,
                # the client waits. kernel_watch notices it in seconds (else the cell time-out
                # ends the wait); the notebook runs once more in a fresh kernel.
                if attempt == NOTEBOOK_ATTEMPTS:
                    raise
                if on_message:
                    reason = (
                        f"the kernel did not answer ({exc})"
                        if isinstance(exc, LostKernelReply)
                        else f"a cell ran longer than {cell_timeout()} s"
                    )
                    on_message(f"notebook {source.stem}: {reason}, retrying in a fresh kernel")
                kernel.restart(source.parent)
    except papermill.PapermillExecutionError as exc:
        raise NotebookError(
            f"{source}: cell {exc.cell_index} failed: {exc.ename}: {exc.evalue}"
        ) from None
    except LostKernelReply as exc:
        raise NotebookError(
            f"{source}: the kernel did not answer in {NOTEBOOK_ATTEMPTS} runs ({exc})"
        ) from None
    except CellTimeoutError:
        raise NotebookError(
            f"{source}: a cell ran longer than {cell_timeout()} s in {NOTEBOOK_ATTEMPTS} runs "
            f"(set {CELL_TIMEOUT_VARIABLE} to allow more)"
        ) from None
    except DeadKernelError:
        raise NotebookError(f"{source}: the kernel died while running the notebook") from None
    finally:
        if own and kernel is not None:
            kernel.shutdown()
    nb = _scrub(json.loads(nbformat.writes(nb)))
    write_atomic(
        executed, (json.dumps(nb, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()
    )
    html, _ = _html_exporter().from_notebook_node(nbformat.reads(json.dumps(nb), as_version=4))
    write_atomic(executed.with_suffix(".html"), html.encode("utf-8"))
    return executed


def execute_notebooks(
    sources: list[Path],
    out_dir: Path,
    parameters: dict | None = None,
    *,
    prepare: Callable[[], object] | None = None,
    on_notebook: Callable[[Path, float], None] | None = None,
    on_message: Callable[[str], None] | None = None,
    workers: int | None = None,
    formats=DEFAULT_FORMATS,
    environment: dict[str, str] | None = None,
) -> list[Path]:
    """Execute `sources` on `workers` kernels side by side (default: one per core).

    Each worker starts one kernel, which loads the imports every notebook needs while `prepare`
    (the extraction) runs in this process, and then runs notebook after notebook, reset between
    them to an empty namespace with execution counts from 1, so an executed copy is the same
    whichever kernel ran it and after which notebook. Once `prepare` is done each kernel takes
    the next notebook in run order as soon as it is free: no notebook reads what another one
    wrote (the export draws its charts from the report run), so none waits for the others.
    `on_notebook` is called as each one finishes, with the seconds it took; `on_message` hears
    a notebook run again (see execute_notebook). The first failure (in run order) is raised once
    the running notebooks have stopped; no notebook starts after a failure."""
    from concurrent.futures import ThreadPoolExecutor

    sources = list(sources)
    workers = max(1, min(workers or os.cpu_count() or 1, len(sources)))
    env = kernel_environment(formats, environment)
    prepared = threading.Event()
    failed = threading.Event()
    lock = threading.Lock()
    queue = list(sources)
    results: dict[Path, Path] = {}
    errors: dict[int, BaseException] = {}

    def worker() -> None:
        kernel = None
        try:
            while True:
                with lock:
                    if not queue or failed.is_set():
                        return
                    source = queue.pop(0)
                try:
                    if kernel is None:
                        kernel = _Kernel(source.parent, env)
                    else:
                        kernel.reset(source.parent)
                    prepared.wait()
                    if failed.is_set():
                        return
                    started = time.monotonic()
                    results[source] = execute_notebook(
                        source,
                        out_dir,
                        parameters,
                        kernel=kernel,
                        formats=formats,
                        on_message=on_message,
                    )
                    if on_notebook:
                        on_notebook(source, time.monotonic() - started)
                except BaseException as exc:  # noqa: BLE001 - raised again by the caller
                    errors[sources.index(source)] = exc
                    failed.set()
                    return
        finally:
            if kernel is not None:
                kernel.shutdown()

    _kernel_log().write_bytes(b"")  # this run's kernels only
    with ThreadPoolExecutor(workers) as pool:
        running = [pool.submit(worker) for _ in range(workers if sources else 0)]
        try:
            if prepare:
                prepare()
        except BaseException as exc:
            errors[-1] = exc
            failed.set()
        finally:
            prepared.set()
        for future in running:
            future.result()
    if errors:
        raise errors[min(errors)]
    return [results[s] for s in sources]


STAGING_NAME = ".greenmetrics-staging"
# In reports/, one folder per language: the charts rendered by the last report (figure_cache).
FIGURE_CACHE_NAME = ".figure-cache"
FINGERPRINT_NAME = ".made-from-{lang}"  # in reports/figures: what a language's figures show


# Said when the report reuses the tables (the same inputs and code as when they were made).
REUSED_LINE = "data/processed is current (same plans, reference data and code): tables reused; --force extracts again"
# Said when the report reuses the notebooks, figures and workbook of its last run.
NOTEBOOKS_REUSED = "notebooks unchanged since {made}: reused; --force to run again"
RUNNING_NOTEBOOKS = "running the notebooks: {why}"


def run_report(
    parameters: dict | None = None,
    on_notebook: Callable[[Path, float], None] | None = None,
    *,
    formats=DEFAULT_FORMATS,
    workers: int | None = None,
    on_extraction: Callable[[object], None] | None = None,
    on_message: Callable[[str], None] | None = None,
    force: bool = False,
) -> list[Path]:
    """Extract the corpus, then execute every notebook (see `execute_notebooks`); figures are
    saved in `formats` (PNG only by default). Returns the executed copies.

    Unless `force`, what did not change is not made again. The tables of data/processed are
    used as they are when they were extracted from the plans, reference data and code of now
    (`pipeline.tables_stale`): the notebooks then start at once and data/processed is not
    written. And when, besides, the report of this language was made from these tables,
    reference data, notebooks, code, libraries, parameters and formats, and its files are as
    it left them (`report_files.reusable_report`), nothing runs: its executed notebooks,
    figures and workbook are the report.

    `on_extraction` gets the extraction result (its summary and input problems) as soon as it
    is written, while the kernels warm up; `on_message` hears what else a user should know:
    tables or notebooks reused (or why the notebooks run), a notebook run again, the files of
    an earlier run removed.

    The report is whole or not at all: the tables, figures, workbook and executed notebooks are
    written into a staging folder beside the project and swapped in only when every step has
    succeeded, so a failure (a notebook cell, a full disk) leaves the previous report as it was
    and its error names the step that failed. After the swap, the figures of this language are
    those of this run (a format not asked for is gone); the other language's stay only when
    they were drawn from the same inputs (`inputs_fingerprint`), so no stale chart is left
    beside fresh ones. The stamp that lets the next run reuse this report is written once
    every file is in place.

    The kernels keep each chart they render in reports/.figure-cache/<lang> (`figure_cache`):
    a chart drawn from what an earlier run drew it from takes those bytes instead of being
    rendered again; the renderings this run did not use are removed after it, and `--force`
    renders every chart anew."""
    from .document_cache import DocumentCache, cache_folder
    from .pipeline import extract_corpus, output_lock, tables_stale, write_extraction

    say = on_message or _ignore
    formats = check_formats(formats)
    lang = (parameters or {}).get("LANG", "zh")
    stage = paths.ROOT / STAGING_NAME
    staged_processed, staged_reports = stage / "processed", stage / "reports"
    sources = notebooks()
    with output_lock(paths.PROCESSED_DIR, wait=False):
        shutil.rmtree(stage, ignore_errors=True)
        reuse = not force and not tables_stale(paths.PROCESSED_DIR)
        if reuse:
            say(REUSED_LINE)
            made, why = reusable_report(
                paths.REPORTS_DIR, report_key(paths.PROCESSED_DIR, parameters, formats, sources)
            )
            if made is not None:
                when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(made))
                say(NOTEBOOKS_REUSED.format(made=when))
                return [paths.REPORTS_DIR / "notebooks" / p.name for p in sources]
        else:
            why = "--force" if force else "new tables are extracted"
        say(RUNNING_NOTEBOOKS.format(why=why))
        rendered = paths.REPORTS_DIR / FIGURE_CACHE_NAME / lang
        if force:  # every chart rendered anew, and kept for the next run
            shutil.rmtree(rendered, ignore_errors=True)
        started = time.time()
        try:
            if reuse:
                link_tables(paths.PROCESSED_DIR, staged_processed)

            def extract() -> None:
                # plans unchanged since the last run come from the cache (none with --force)
                cache = DocumentCache(cache_folder(paths.PROCESSED_DIR), reuse=not force)
                result = extract_corpus(cache=cache)
                write_extraction(result, staged_processed)
                cache.save()
                if on_extraction:
                    on_extraction(result)

            executed = execute_notebooks(
                sources,
                staged_reports / "notebooks",
                parameters,
                prepare=None if reuse else extract,
                on_notebook=on_notebook,
                on_message=on_message,
                workers=workers,
                formats=formats,
                environment={
                    "GREENMETRICS_PROCESSED": str(staged_processed),
                    "GREENMETRICS_REPORTS": str(staged_reports),
                    figure_cache.FIGURE_CACHE_VARIABLE: str(rendered),
                },
            )
            fingerprint = inputs_fingerprint(staged_processed, parameters, sources)
            stamps = staged_reports / "figures"
            stamps.mkdir(parents=True, exist_ok=True)
            (stamps / FINGERPRINT_NAME.format(lang=lang)).write_text(fingerprint + "\n")
            current = {lang}
            for other in ("zh", "en"):
                stamp = paths.REPORTS_DIR / "figures" / FINGERPRINT_NAME.format(lang=other)
                if other != lang and stamp.is_file() and stamp.read_text().strip() == fingerprint:
                    current.add(other)

            def stale_figure(path: Path) -> bool:
                # This language's figures not made this time, and the other language's when
                # they were drawn from other tables, code or parameters (or nobody knows what);
                # an output an earlier version wrote under another name (greenmetrics.xlsx).
                if path.parent == paths.REPORTS_DIR and path.name in FORMER_OUTPUTS:
                    return True
                if path.parent.name != "figures":
                    return False
                made_for = figure_language(path)
                return made_for in ("zh", "en") and (made_for == lang or made_for not in current)

            key = report_key(staged_processed, parameters, formats, sources)
            digests = staged_digests(staged_reports)
            if not reuse:
                swap_in(staged_processed, paths.PROCESSED_DIR)
            # NOTE: no stamp while the files move: one interrupted half-way vouches for nothing.
            stamp_path(paths.REPORTS_DIR, lang).unlink(missing_ok=True)
            removed = swap_in(staged_reports, paths.REPORTS_DIR, stale_figure)
            write_stamp(paths.REPORTS_DIR, key, digests)
            figure_cache.prune(rendered, started)
            if removed:
                say(removed_files_line(removed))
        finally:
            shutil.rmtree(stage, ignore_errors=True)
    return [paths.REPORTS_DIR / "notebooks" / p.name for p in executed]
