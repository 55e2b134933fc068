#!/usr/bin/env python3
"""Set up and run greenmetrics with nothing but Python 3.11 and pip.

    python3 tasks.py report   # extract, run every notebook, export figures and the workbook
    python3 tasks.py extract  # plans in data/raw -> tables in data/processed
    python3 tasks.py review   # extract, then list what to check (data/processed/review.csv)
    python3 tasks.py test     # lint, format check, every test, notebooks (nbval)
    python3 tasks.py test --fast   # the tests not marked slow, in seconds
    python3 tasks.py lab      # open JupyterLab on the notebooks
    python3 tasks.py lock     # after a dependency changed: resolve the locks in requirements/

Options after extract, review and report go to the `greenmetrics` command of the same name
(`python3 tasks.py report --lang en --formats png,svg`; `python3 tasks.py extract --help`),
so it runs from .venv without activating it.

Each command creates `.venv/` on first use with the exact, hash-checked versions of the locks in
requirements/ (uv installs them; pip when uv cannot be had): `test` all of requirements/lock.txt,
the others its part without the dev tools (requirements/lock-report.txt). It installs again only
when pyproject.toml or a lock changes, so the second run starts at once.
Standard library only: this file runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
STAMP = VENV / ".greenmetrics-install"
# Three locks, each pinning exact versions with their hashes. `lock.txt` has everything the tests
# need; `lock-report.txt` the same pins less the dev tools (tests assert it is a subset), so the
# report does not wait for ruff, pytest and pre-commit; `installers.txt` pins uv and pip.
LOCK = Path("requirements") / "lock.txt"
REPORT_LOCK = Path("requirements") / "lock-report.txt"
INSTALLERS = Path("requirements") / "installers.txt"
INSTALLERS_IN = Path("requirements") / "installers.in"
# What each task installs: "test" is the whole lock, "report" the report's part of it.
SCOPES = ("report", "test")
SCOPE_LOCKS = {"report": REPORT_LOCK, "test": LOCK}


def _run(*cmd: str | Path) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    try:
        completed = subprocess.run([str(c) for c in cmd], cwd=ROOT, env=_env())
    except FileNotFoundError:
        # uv, for `lock`, where it could not be installed and pip installed alone
        sys.exit(f"{cmd[0]} is not installed")
    if completed.returncode:
        sys.exit(completed.returncode)


def _succeeds(*cmd: str | Path) -> bool:
    """Run a step that has a fallback: True when it worked; a failure is printed, not fatal."""
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], cwd=ROOT, env=_env()).returncode == 0


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(VENV)
    env.setdefault("MPLBACKEND", "Agg")
    env.setdefault("PYTHONHASHSEED", "0")
    return env


def _inputs_digest() -> str:
    """What an install depends on: pyproject.toml and the three locks."""
    files = (Path("pyproject.toml"), INSTALLERS, REPORT_LOCK, LOCK)
    return hashlib.sha256(b"\0".join((ROOT / f).read_bytes() for f in files)).hexdigest()


def is_installed(scope: str, digest: str) -> bool:
    """Whether .venv holds `scope` (or more) installed from these very inputs."""
    if not STAMP.exists():
        return False
    installed_scope, _, installed_digest = STAMP.read_text().partition(" ")
    return (
        installed_digest == digest
        and installed_scope in SCOPES
        and SCOPES.index(installed_scope) >= SCOPES.index(scope)
    )


def ensure_environment(scope: str) -> None:
    """Create .venv and install the locked versions `scope` needs ("report": the library and the
    notebook stack; "test": the dev tools too), then the project itself, unless pyproject.toml
    and the locks are what was last installed, with this scope or a larger one."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this file runs before the venv exists
        sys.exit(f"greenmetrics needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    digest = _inputs_digest()
    if is_installed(scope, digest):
        return
    if not PYTHON.exists():
        print(f"creating virtual environment in {VENV}", flush=True)
        # Without pip: ensurepip alone took 18-25 s on a busy 2-core machine; uv installs here,
        # and pip is put in .venv as a pinned package (installers.txt), or by ensurepip when
        # uv cannot be had.
        venv.EnvBuilder(with_pip=False).create(VENV)
    lock = SCOPE_LOCKS[scope]
    if not (install_installers() and install_with_uv(lock)):
        print("uv could not install; installing with pip instead (slower)", flush=True)
        install_with_pip(lock)
    _run(PYTHON, "-m", "ipykernel", "install", "--sys-prefix", "--name", "python3")
    STAMP.write_text(f"{scope} {digest}")


def install_installers() -> bool:
    """uv and pip, at the versions and hashes of installers.txt, into .venv. The pip running this
    file does it when it can install into another environment (pip >= 22.3), so .venv needs no
    pip of its own first; otherwise ensurepip puts one there. False when neither can (no uv
    wheel for this platform, no registry): pip then installs everything alone."""
    options = ["install", "--quiet", "--no-deps", "--require-hashes", "--no-compile"]
    options += ["-r", INSTALLERS]
    if importlib.util.find_spec("pip") and _succeeds(
        sys.executable, "-m", "pip", "--python", PYTHON, *options
    ):
        return True
    return ensure_pip() and _succeeds(PYTHON, "-m", "pip", *options)


def bytecode_compiled_up_front(environ=os.environ, flags=sys.flags) -> bool:
    """Whether to compile the packages' bytecode at install time: only where Python writes none
    itself (PYTHONDONTWRITEBYTECODE, set in many containers and CI images). Elsewhere the first
    import of a module compiles and keeps it, for only the modules that run; where nothing is
    kept, every process (each test run, each notebook kernel) compiled pandas, matplotlib and
    the rest again: 4-7 s each, against 11 s once for uv to compile them all in parallel."""
    return bool(environ.get("PYTHONDONTWRITEBYTECODE")) or bool(flags.dont_write_bytecode)


def install_with_uv(lock: Path) -> bool:
    """The lock's packages, hash-checked, then the project itself, editable; its dependencies are
    all in the lock (--no-deps). uv downloads in parallel and keeps every wheel in its cache, so
    a second clone installs from disk."""
    uv = [BIN / "uv", "pip", "install", "--quiet", "--python", PYTHON]
    compiled = ["--compile-bytecode"] if bytecode_compiled_up_front() else []
    return _succeeds(*uv, *compiled, "--require-hashes", "-r", lock) and _succeeds(
        *uv, "--no-deps", "-e", "."
    )


def install_with_pip(lock: Path) -> None:
    """What install_with_uv does, with pip: one download at a time, and on the machine this was
    measured on pip's cache kept none of them, so each clone downloads everything again."""
    if not ensure_pip():
        sys.exit(f"no pip in {VENV}: install Python's ensurepip (Debian: python3-venv)")
    pip = [PYTHON, "-m", "pip", "install", "--quiet"]
    pip += [] if bytecode_compiled_up_front() else ["--no-compile"]
    _run(*pip, "--require-hashes", "-r", lock)
    _run(*pip, "--no-deps", "-e", ".")


def ensure_pip() -> bool:
    """Whether .venv has pip, after ensurepip was asked for one where it had none."""
    if subprocess.run([PYTHON, "-m", "pip", "--version"], capture_output=True).returncode == 0:
        return True
    return _succeeds(PYTHON, "-m", "ensurepip", "--default-pip")


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


def lock(*options: str) -> None:
    """Resolve the three locks again after pyproject.toml or installers.in changed; uv keeps the
    versions already locked unless the options say otherwise (--upgrade-package NAME,
    --upgrade). The report's lock is constrained by the whole one, so it is a subset of it."""
    # Paths relative to the repository: uv writes its command line at the top of each lock.
    universal = ["--universal", "--python-version", "3.11", "--generate-hashes", "--quiet"]
    compile_ = [BIN / "uv", "pip", "compile"]
    _run(*compile_, "pyproject.toml", "--all-extras", *universal, *options, "-o", LOCK)
    _run(*compile_, "pyproject.toml", "--extra", "notebooks", "-c", LOCK, *universal,
         "-o", REPORT_LOCK)  # fmt: skip
    _run(*compile_, INSTALLERS_IN, *universal, *options, "-o", INSTALLERS)


COMMANDS = {
    "extract": greenmetrics("extract"),
    "review": greenmetrics("review"),
    "report": greenmetrics("report"),
    "lab": lab,
    "test": test,
    "lock": lock,
}
TAKES_OPTIONS = {"extract", "review", "report", "test", "lock"}


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in COMMANDS or (argv[1:] and argv[0] not in TAKES_OPTIONS):
        sys.exit(__doc__)
    ensure_environment("test" if argv[0] == "test" else "report")
    COMMANDS[argv[0]](*argv[1:])


if __name__ == "__main__":
    main(sys.argv[1:])
