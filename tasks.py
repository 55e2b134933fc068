#!/usr/bin/env python3
"""Set up and run greenmetrics with nothing but Python 3.11 and pip.

    python3 tasks.py report   # extract, run every notebook, export figures and the workbook
    python3 tasks.py extract  # plans in data/raw -> tables in data/processed
    python3 tasks.py review   # extract, then list what to check (data/processed/review.csv)
    python3 tasks.py test     # lint, format check, every test, notebooks (nbval)
    python3 tasks.py test --fast   # the tests not marked slow, in seconds
    python3 tasks.py lab      # open JupyterLab on the notebooks

Options after extract, review and report go to the `greenmetrics` command of the same name
(`python3 tasks.py report --lang en --formats png,svg`; `python3 tasks.py extract --help`),
so it runs from .venv without activating it.

Each command creates `.venv/` on first use with the exact versions of requirements/lock.txt,
and reinstalls only when pyproject.toml or the lock changes, so the second run starts at once.
Standard library only: this file runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".greenmetrics-install"
LOCK = ROOT / "requirements" / "lock.txt"


def _run(*cmd: str | Path) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    completed = subprocess.run([str(c) for c in cmd], cwd=ROOT, env=_env())
    if completed.returncode:
        sys.exit(completed.returncode)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(VENV)
    env.setdefault("MPLBACKEND", "Agg")
    env.setdefault("PYTHONHASHSEED", "0")
    return env


def ensure_environment() -> None:
    """Create .venv and install the locked versions, then the project with the notebook stack and
    dev tools, unless pyproject.toml and the lock are what was last installed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this file runs before the venv exists
        sys.exit(f"greenmetrics needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    wanted = hashlib.sha256(
        (ROOT / "pyproject.toml").read_bytes() + b"\0" + LOCK.read_bytes()
    ).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not (BIN / "python").exists():
        print(f"creating virtual environment in {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    _run(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    # Every package at the version and with the hash the lock names, so each machine runs the
    # same code; the project itself adds nothing (--no-deps): its dependencies are all locked.
    _run(BIN / "python", "-m", "pip", "install", "--quiet", "--require-hashes", "-r", LOCK)
    _run(BIN / "python", "-m", "pip", "install", "--quiet", "--no-deps", "-e", ".[notebooks,dev]")
    _run(BIN / "python", "-m", "ipykernel", "install", "--sys-prefix", "--name", "python3")
    STAMP.write_text(wanted)


def greenmetrics(command: str):
    """The task that runs `greenmetrics <command>` of .venv with the options given."""

    def task(*options: str) -> None:
        _run(BIN / "greenmetrics", command, *options)

    task.__name__ = command
    return task


def test(*options: str) -> None:
    if options == ("--fast",):
        # The tests not marked `slow` (docs/development.md says which are), on two workers as
        # the full run: 23-25 s against 30 s in one process on 2 cores, one of them busy.
        fast = ["-m", "not slow", "-q", "-p", "no:cacheprovider", "-p", "no:nbval"]
        fast += ["-n", "2", "--dist", "loadscope"]
        _run(BIN / "python", "-m", "pytest", "tests", *fast)
        return
    if options:
        sys.exit(__doc__)
    _run(BIN / "ruff", "check", "src", "tests", "bench", "tasks.py")
    _run(BIN / "ruff", "format", "--check", "src", "tests", "bench", "tasks.py")
    # NOTE: a cell that waits for a lost kernel reply fails after 300 s instead of nbval's 2000.
    notebooks = (
        ["--nbval-lax", "--nbval-cell-timeout=300", "notebooks"]
        if any((ROOT / "notebooks").glob("*.ipynb"))
        else []
    )
    # Two workers (pytest-xdist), each test module and each notebook whole on one of them:
    # measured in bench/results.md ("Test command"), faster on 2 cores idle and with one busy.
    parallel = ["-n", "2", "--dist", "loadscope"]
    _run(BIN / "python", "-m", "pytest", "tests", *notebooks, "-p", "no:cacheprovider", *parallel)


def lab(*options: str) -> None:
    _run(BIN / "jupyter", "lab", "notebooks")


COMMANDS = {
    "extract": greenmetrics("extract"),
    "review": greenmetrics("review"),
    "report": greenmetrics("report"),
    "lab": lab,
    "test": test,
}
TAKES_OPTIONS = {"extract", "review", "report", "test"}


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in COMMANDS or (argv[1:] and argv[0] not in TAKES_OPTIONS):
        sys.exit(__doc__)
    ensure_environment()
    COMMANDS[argv[0]](*argv[1:])


if __name__ == "__main__":
    main(sys.argv[1:])
