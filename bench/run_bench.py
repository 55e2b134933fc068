#!/usr/bin/env python3
"""Speed and memory of greenmetrics, each figure beside a floor timed in the same run.

    .venv/bin/python bench/run_bench.py [--jobs synthetic shipped main profile] [--plans 1000]

Jobs (each in fresh processes, one after the other):
- synthetic: `extract_corpus` + `write_extraction` of N synthetic plans (bench/synthetic.py,
  built from the gazetteer), beside the floor: read every plan, decode it and find every
  number in it, in a fresh process too;
- shipped: the same extraction of the shipped corpus (data/raw: text plans and PDFs), beside
  the same floor over its files (PDFs read, not decoded);
- main: `greenmetrics report` in a temporary copy of the repository, cold (no outputs), warm
  (run again, nothing changed) and after a change (a plan edited), beside the floor of a
  kernel's imports (greenmetrics.views and matplotlib in a fresh interpreter);
- profile: cProfile of the extraction of `--profile-plans` synthetic plans in this process.

Each figure is printed with its floor and the ratio (absolute times move from machine to
machine and with the load; the ratio much less), and with the peak memory of the job: the
largest sum of the resident memory of the process and its workers, sampled every 50 ms.
bench/results.md is written anew from the run, with the date, `nproc` and the load.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import platform
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
RAW_DIR = ROOT / "data" / "raw"
RESULTS = BENCH_DIR / "results.md"
JOBS = ("synthetic", "shipped", "main", "profile")
DEFAULT_JOBS = ("synthetic", "shipped", "main")

# Done-when of issue 19 (measured here, never by a timed test).
TARGET_SYNTHETIC_RATIO = 15.0  # goal 10
TARGET_PEAK_MB = 500.0
TARGET_MAIN_WARM_S = 15.0
TARGET_MAIN_CHANGED_S = 30.0

# -- fresh processes and their memory ----------------------------------------------------------

_CHILD_FLOOR = r"""
import json, re, sys, time
from pathlib import Path
t0 = time.perf_counter()
NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
TEXT = {".txt", ".md", ".html", ".htm", ".csv"}
files = numbers = size = 0
for path in sorted(Path(sys.argv[1]).rglob("*")):
    if not path.is_file() or path.name.startswith("."):
        continue
    data = path.read_bytes()
    files += 1
    size += len(data)
    if path.suffix.lower() in TEXT:
        numbers += len(NUMBER.findall(data.decode("utf-8", errors="replace")))
print(json.dumps({"files": files, "numbers": numbers, "mb": size / 1e6,
                  "in_process_s": time.perf_counter() - t0}))
"""

_CHILD_EXTRACT = r"""
import json, sys, tempfile, time
from pathlib import Path
t0 = time.perf_counter()
from greenmetrics.pipeline import extract_corpus, write_extraction
t1 = time.perf_counter()
result = extract_corpus([Path(sys.argv[1])])
t2 = time.perf_counter()
with tempfile.TemporaryDirectory() as out:
    write_extraction(result, Path(out))
t3 = time.perf_counter()
print(json.dumps({
    "import_s": t1 - t0, "extract_s": t2 - t1, "write_s": t3 - t2,
    "documents": len(result.documents), "targets": len(result.targets),
    "milestones": len(result.milestones), "observations": len(result.observations),
    "problems": len(result.problems),
}))
"""

_CHILD_KERNEL_IMPORTS = "import greenmetrics.views, matplotlib.pyplot"


def _env(root: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env.setdefault("MPLBACKEND", "Agg")
    env.setdefault("PYTHONHASHSEED", "0")
    if root is not None:
        env["GREENMETRICS_ROOT"] = str(root)
    return env


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of `pid` and every process below it, in KiB (Linux /proc), else 0."""
    total, todo, seen = 0, [pid], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(
                int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")
            )
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


@dataclass
class Run:
    wall_s: float
    cpu_s: float  # user + system time of the process and the processes it waited for
    peak_mb: float  # largest sum over the process tree; ru_maxrss of the process if larger
    stdout: str


def run_process(command: list[str], cwd: Path = ROOT, env=None, timeout: float = 1800) -> Run:
    """Run `command` to its end: wall time, peak memory of its process tree, stdout."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=err, cwd=cwd, env=env or _env())
        peak_kb = 0
        deadline = time.monotonic() + timeout
        while True:
            pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            peak_kb = max(peak_kb, _tree_rss_kb(proc.pid))
            if time.monotonic() > deadline:
                proc.kill()
                pid, status, rusage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode:
        tail = " | ".join(stderr.strip().splitlines()[-3:])
        raise RuntimeError(f"{' '.join(command[:3])} exited {proc.returncode}: {tail}")
    peak_kb = max(peak_kb, rusage.ru_maxrss)  # KiB on Linux
    return Run(wall, rusage.ru_utime + rusage.ru_stime, peak_kb / 1024, stdout)


def python(code: str, *args: str, **kwargs) -> Run:
    return run_process([sys.executable, "-c", code, *args], **kwargs)


def _last_json(run: Run) -> dict:
    return json.loads(run.stdout.strip().splitlines()[-1])


# -- the jobs ----------------------------------------------------------------------------------


@dataclass
class Figure:
    job: str
    what: str
    seconds: float
    floor_s: float
    floor_what: str
    peak_mb: float | None = None
    note: str = ""
    cpu_s: float | None = None
    floor_cpu_s: float | None = None

    @property
    def ratio(self) -> float:
        return self.seconds / self.floor_s

    @property
    def cpu_ratio(self) -> float | None:
        return self.cpu_s / self.floor_cpu_s if self.cpu_s and self.floor_cpu_s else None


def extraction_figures(job: str, folder: Path, label: str) -> list[Figure]:
    """Extraction of `folder` in a fresh process beside the floor over the same files."""
    floor = python(_CHILD_FLOOR, str(folder))
    facts = _last_json(floor)
    run = python(_CHILD_EXTRACT, str(folder))
    out = _last_json(run)
    floor_what = (
        f"read {facts['files']} files ({facts['mb']:.1f} MB), decode the text ones, find "
        f"{facts['numbers']:,} numbers: fresh process"
    )
    note = (
        f"{out['documents']} documents, {out['targets']:,} targets, {out['milestones']:,} "
        f"milestones, {out['observations']:,} observations, {out['problems']} problems; in the "
        f"process: imports {out['import_s']:.1f} s, extract {out['extract_s']:.1f} s, write "
        f"{out['write_s']:.1f} s (floor in its process: {facts['in_process_s']:.2f} s)"
    )
    figure = Figure(job, label, run.wall_s, floor.wall_s, floor_what, run.peak_mb, note)
    figure.cpu_s, figure.floor_cpu_s = run.cpu_s, floor.cpu_s
    return [figure]


_COPY_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "corpus", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis",
    ".greenmetrics-staging",
)  # fmt: skip


def _clear_outputs(root: Path) -> None:
    """Delete the job's outputs (data/processed/*, reports/*) but keep the .gitkeep files."""
    for folder in (root / "data" / "processed", root / "reports"):
        if not folder.is_dir():
            continue
        for child in folder.iterdir():
            if child.name == ".gitkeep":
                continue
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()


def _edit_a_plan(root: Path) -> str:
    """Change one shipped text plan of the copy (a sentence added at its end): its tables are
    then stale."""
    plan = sorted((root / "data" / "raw").glob("*.txt"))[0]
    with plan.open("a", encoding="utf-8") as fh:
        fh.write("\n到2025年，全市秸秆综合利用率达到91%以上。\n")
    return plan.name


def main_job_figures(extra: list[str]) -> list[Figure]:
    """`greenmetrics report` cold, warm and after a change, in a temporary copy of the
    repository (GREENMETRICS_ROOT), beside the floor of a kernel's imports."""
    exe = shutil.which("greenmetrics", path=_env()["PATH"])
    if exe is None:
        raise RuntimeError("no greenmetrics command next to this Python")
    tmp = Path(tempfile.mkdtemp(prefix="greenmetrics-bench-"))
    root = tmp / "repo"
    try:
        shutil.copytree(ROOT, root, ignore=_COPY_IGNORE, symlinks=True)
        _clear_outputs(root)
        floor = python(_CHILD_KERNEL_IMPORTS)
        floor_what = "start Python, import greenmetrics.views and matplotlib (a kernel's imports)"
        figures = []
        for label in ("cold (no outputs)", "warm (nothing changed)", "after a change"):
            note = ""
            if label == "after a change":
                note = f"{_edit_a_plan(root)} edited"
            run = run_process([exe, "report", *extra], cwd=root, env=_env(root), timeout=1800)
            cmd = " ".join(["greenmetrics report", *extra])
            figure = Figure("main", f"`{cmd}` {label}", run.wall_s, floor.wall_s, floor_what)
            figure.peak_mb, figure.note = run.peak_mb, note
            figure.cpu_s, figure.floor_cpu_s = run.cpu_s, floor.cpu_s
            figures.append(figure)
        return figures
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def profile_extraction(folder: Path, top: int = 25) -> str:
    """cProfile of extract_corpus on `folder` in this process, one worker (after a warm-up)."""
    from greenmetrics.pipeline import extract_corpus

    extract_corpus([sorted(RAW_DIR.glob("*.txt"))[0]], workers=1)
    profiler = cProfile.Profile()
    profiler.enable()
    extract_corpus([folder], workers=1)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats("cumulative").print_stats(top)
    out.write("\n--- by own time ---\n")
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


# -- the report --------------------------------------------------------------------------------


def _load() -> str:
    return f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "n/a"


def machine_lines(started: str, load_start: str) -> list[str]:
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip() or "?"
    mem = ""
    if Path("/proc/meminfo").is_file():
        kb = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        mem = f", {kb / 1024 / 1024:.1f} GiB RAM"
    return [
        f"- Date: {started} to {dt.datetime.now(dt.UTC).strftime('%H:%M UTC')}",
        f"- Machine: {platform.platform()}; `nproc` = {nproc}{mem}; Python "
        f"{platform.python_version()}",
        f"- Load (1 min): {load_start} at the start, {_load()} at the end. The machine is "
        "shared with other work: absolute times are those of a loaded machine, read the ratios",
    ]


def _limits() -> str:
    """The per-plan limits set for this run (a loaded machine may need a longer one)."""
    names = ("GREENMETRICS_MAX_SECONDS", "GREENMETRICS_MAX_MB")
    return "".join(f"{n}={os.environ[n]} " for n in names if n in os.environ)


def _verdicts(figures: list[Figure]) -> list[list[str]]:
    rows = []
    for f in figures:
        if f.job == "synthetic":
            ok = f.ratio <= TARGET_SYNTHETIC_RATIO
            rows.append([f"{f.what}: <= {TARGET_SYNTHETIC_RATIO:g} x floor (goal 10)",
                         f"{f.ratio:.1f} x", "PASS" if ok else "FAIL"])  # fmt: skip
            if f.cpu_ratio:
                ok = f.cpu_ratio <= TARGET_SYNTHETIC_RATIO
                rows.append([f"{f.what}, in CPU time: <= {TARGET_SYNTHETIC_RATIO:g} x floor",
                             f"{f.cpu_ratio:.1f} x", "PASS" if ok else "FAIL"])  # fmt: skip
            ok = (f.peak_mb or 0) < TARGET_PEAK_MB
            rows.append([f"{f.what}: peak < {TARGET_PEAK_MB:g} MB", f"{f.peak_mb:.0f} MB",
                         "PASS" if ok else "FAIL"])  # fmt: skip
        if f.job == "main" and "warm" in f.what:
            ok = f.seconds <= TARGET_MAIN_WARM_S
            rows.append([f"main job, nothing changed: <= {TARGET_MAIN_WARM_S:g} s",
                         f"{f.seconds:.1f} s", "PASS" if ok else "FAIL"])  # fmt: skip
        if f.job == "main" and "after a change" in f.what:
            ok = f.seconds <= TARGET_MAIN_CHANGED_S
            rows.append([f"main job after a change: <= {TARGET_MAIN_CHANGED_S:g} s",
                         f"{f.seconds:.1f} s", "PASS" if ok else "FAIL"])  # fmt: skip
    return rows


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def _figure_row(f: Figure) -> list[str]:
    peak = f"{f.peak_mb:.0f}" if f.peak_mb is not None else ""
    cpu = (
        [f"{f.cpu_s:.2f}", f"{f.floor_cpu_s:.2f}", f"{f.cpu_ratio:.1f}"]
        if f.cpu_ratio
        else [""] * 3
    )
    return [f.what, f"{f.seconds:.2f}", f"{f.floor_s:.2f}", f"{f.ratio:.1f}", *cpu, peak]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", nargs="+", choices=JOBS, default=list(DEFAULT_JOBS))
    parser.add_argument("--plans", type=int, default=1000, help="synthetic plans")
    parser.add_argument("--profile-plans", type=int, default=100)
    parser.add_argument("--report-args", default="", help='e.g. "--lang en"')
    parser.add_argument("--rebuild", action="store_true", help="write the corpora again")
    parser.add_argument("--out", type=Path, default=RESULTS, help="'-' prints only")
    args = parser.parse_args(argv)
    started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    load_start = _load()
    sys.path.insert(0, str(BENCH_DIR))
    import synthetic

    figures: list[Figure] = []
    profile = ""
    for job in args.jobs:
        print(f"{job} ...", flush=True)
        if job == "synthetic":
            folder = synthetic.build_corpus(args.plans, force=args.rebuild)
            label = f"{args.plans:,} synthetic plans"
            figures += extraction_figures(job, folder, label)
        elif job == "shipped":
            figures += extraction_figures(job, RAW_DIR, "the shipped corpus (data/raw)")
        elif job == "main":
            figures += main_job_figures(args.report_args.split())
        elif job == "profile":
            folder = synthetic.build_corpus(args.profile_plans, force=args.rebuild)
            profile = profile_extraction(folder)
        for f in figures[-3:] if job == "main" else figures[-1:] if job != "profile" else []:
            print(f"  {f.what}: {f.seconds:.2f} s, floor {f.floor_s:.2f} s, {f.ratio:.1f} x; "
                  f"CPU {f.cpu_s:.2f} s, floor {f.floor_cpu_s:.2f} s, {f.cpu_ratio or 0:.1f} x; "
                  f"peak {f.peak_mb:.0f} MB; {f.note}", flush=True)  # fmt: skip

    header = ["job", "wall s", "floor wall s", "x floor", "CPU s", "floor CPU s", "CPU x floor"]
    header.append("peak MB")
    md = [
        "# greenmetrics benchmark",
        "",
        "Written by one run of `bench/run_bench.py` (what each figure is: its docstring and "
        "bench/README.md). Nothing below is from another run.",
        "",
        *machine_lines(started, load_start),
        f"- Command: `{_limits()}python bench/run_bench.py "
        f"{' '.join(argv if argv is not None else sys.argv[1:])}`",
        "",
        "## Done when (issue 19)",
        "",
        *_table(["target", "measured", "verdict"], _verdicts(figures)),
        "",
        "## Figures beside their floors",
        "",
        *_table(header, [_figure_row(f) for f in figures]),
        "",
        "Floors, timed in the same run:",
        "",
        *sorted({f"- {f.job}: {f.floor_what}" for f in figures}),
        "",
        "Notes:",
        "",
        *[f"- {f.what}: {f.note}" for f in figures if f.note],
        "",
        "Wall s: from the process's start to its end. CPU s: user + system time of the "
        "process and of every process it waited for (workers, kernels), from `wait4`; on a "
        "shared machine it moves less with the load than wall time. "
        "Peak MB: the largest sum of the resident memory of the job's process and its workers "
        "(extraction uses one worker per core from 40 files; the main job, kernels too).",
        "",
    ]
    if profile:
        md += [f"## Profile: extract_corpus over {args.profile_plans} synthetic plans, one "
               "process (cProfile)", "", "```", profile.strip(), "```", ""]  # fmt: skip
    md += [
        "## Other benchmarks (their own runs and dates)",
        "",
        "- PDF readers (pypdf, PDFium, fallback): [pdf_readers_output.md](pdf_readers_output.md)",
        "- Hostile plan sizes: [hostile_results.md](hostile_results.md)",
        "- A few hundred PDFs: [pdf_corpus_results.md](pdf_corpus_results.md)",
        "",
    ]
    text = "\n".join(md)
    print("\n" + text if str(args.out) == "-" else "", flush=True)
    if str(args.out) != "-":
        args.out.write_text(text, encoding="utf-8")
        print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
