"""The environments agree: pyproject.toml declares the dependencies, requirements/lock.txt pins
each at a version its bound allows (with hashes), requirements/lock-report.txt is that lock less
the dev tools, requirements/installers.txt pins uv and pip, environment.yml lists the same names
and bounds for conda users, and the library extracts without the notebook stack of the
`[notebooks]` extra.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

from greenmetrics import paths

PYPROJECT = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOCK = paths.ROOT / "requirements" / "lock.txt"
REPORT_LOCK = paths.ROOT / "requirements" / "lock-report.txt"
INSTALLERS = paths.ROOT / "requirements" / "installers.txt"
ENVIRONMENT = paths.ROOT / "environment.yml"

# The packages of a Jupyter session. None may be imported by `greenmetrics extract`.
JUPYTER_MODULES = (
    "IPython", "ipykernel", "ipywidgets", "comm", "jupyter_client", "jupyter_core",
    "jupyter_server", "jupyterlab", "nbclient", "nbconvert", "nbformat", "notebook",
    "papermill", "traitlets", "zmq", "tornado",
)  # fmt: skip
JUPYTER_DISTRIBUTIONS = {
    "ipython", "ipykernel", "ipywidgets", "jupyter-client", "jupyter-core", "jupyterlab",
    "nbclient", "nbconvert", "nbformat", "papermill", "notebook", "nbval",
}  # fmt: skip


def declared(extras: tuple[str, ...] | None = None) -> dict[str, Requirement]:
    """The requirements of pyproject.toml, the library's and those of `extras` (default: every
    extra), by canonical name."""
    optional = PYPROJECT["project"]["optional-dependencies"]
    groups = [PYPROJECT["project"]["dependencies"]]
    groups += [optional[extra] for extra in (optional if extras is None else extras)]
    requirements = [Requirement(line) for group in groups for line in group]
    by_name = {canonicalize_name(r.name): r for r in requirements}
    assert len(by_name) == len(requirements), "a package is declared twice in pyproject.toml"
    return by_name


def conda_requirements() -> dict[str, Requirement]:
    """environment.yml's packages (conda's and pip's), by canonical name; conda's `name=1.2`
    pin is read as `==1.2`."""
    found = {}
    _, _, listed = ENVIRONMENT.read_text(encoding="utf-8").partition("\ndependencies:")
    for line in listed.splitlines():
        match = re.fullmatch(r"\s*-\s+([A-Za-z0-9_.\-]+)\s*(.*)", line.split("#")[0].rstrip())
        if not match or match[1] in {"pip", "python", "-e"}:
            continue
        name, bound = match[1], match[2].strip()
        bound = re.sub(r"^=(?!=)", "==", bound)
        found[canonicalize_name(name)] = Requirement(name + bound)
    return found


def lock_entries(lock: Path) -> dict[str, list[tuple[str, str, frozenset[str]]]]:
    """A lock's pins as written: per canonical name, each (version, marker, its hashes)."""
    pins: dict[str, list[tuple[str, str, frozenset[str]]]] = {}
    for entry in re.split(r"\n(?=[A-Za-z0-9])", lock.read_text(encoding="utf-8")):
        match = re.match(r"([A-Za-z0-9_.\-]+)==([^\s;\\]+)(?:\s*;\s*([^\\\n]+))?", entry)
        if match:
            hashes = frozenset(re.findall(r"--hash=sha256:(\w+)", entry))
            pins.setdefault(canonicalize_name(match[1]), []).append(
                (match[2], (match[3] or "").strip(), hashes)
            )
    return pins


def locked(lock: Path = LOCK) -> dict[str, list[tuple[Version, Marker | None, int]]]:
    """A lock's pins: per canonical name, each (version, environment marker, hash count)."""
    return {
        name: [
            (Version(version), Marker(marker) if marker else None, len(hashes))
            for version, marker, hashes in entries
        ]
        for name, entries in lock_entries(lock).items()
    }


def test_environment_yml_lists_what_pyproject_declares_with_the_same_bounds():
    conda, pip = conda_requirements(), declared()
    assert sorted(set(pip) - set(conda)) == [], "in pyproject.toml, missing from environment.yml"
    assert sorted(set(conda) - set(pip)) == [], "in environment.yml, not in pyproject.toml"
    differ = {
        name: (str(conda[name].specifier), str(pip[name].specifier))
        for name in pip
        if conda[name].specifier != pip[name].specifier
    }
    assert differ == {}, "bounds differ (environment.yml, pyproject.toml)"
    python = re.search(r"-\s+python\s*([^\s#]*)", ENVIRONMENT.read_text(encoding="utf-8"))
    assert python and python[1] == PYPROJECT["project"]["requires-python"]


# The report's lock holds the library and the notebook stack; the whole lock every extra.
LOCK_SCOPES = {"lock.txt": (LOCK, None), "lock-report.txt": (REPORT_LOCK, ("notebooks",))}


@pytest.mark.parametrize("lock_name", LOCK_SCOPES)
@pytest.mark.parametrize("python", ["3.11", "3.12"])
def test_the_lock_pins_every_declared_package_within_its_bound_with_hashes(python, lock_name):
    lock, extras = LOCK_SCOPES[lock_name]
    pins = locked(lock)
    environment = {
        "python_version": python,
        "python_full_version": f"{python}.0",
        "sys_platform": "linux",
        "platform_system": "Linux",
        "os_name": "posix",
        "implementation_name": "cpython",
        "platform_machine": "x86_64",
        "extra": "",
    }
    outside = {}
    for name, requirement in declared(extras).items():
        versions = [
            version
            for version, marker, _ in pins.get(name, [])
            if marker is None or marker.evaluate(environment)
        ]
        assert len(versions) == 1, f"{name}: {len(versions)} pins for Linux, Python {python}"
        if versions[0] not in requirement.specifier:
            outside[name] = f"{versions[0]} not in {requirement.specifier}"
    assert outside == {}
    unhashed = [name for name, entries in pins.items() for *_, hashes in entries if not hashes]
    assert unhashed == [], "pip --require-hashes refuses a pin without a hash"


def test_the_report_lock_is_the_whole_lock_less_the_dev_tools():
    whole, report = lock_entries(LOCK), lock_entries(REPORT_LOCK)
    differ = {name: pins for name, pins in report.items() if pins != whole.get(name)}
    assert differ == {}, "the report's lock must pin what the whole lock pins, as it pins it"
    dev_only = {canonicalize_name(Requirement(r).name) for r in PYPROJECT["project"]
                ["optional-dependencies"]["dev"]} - set(declared(("notebooks",)))  # fmt: skip
    assert dev_only and dev_only & set(report) == set(), "a dev tool in the report's lock"
    assert {"ruff", "pytest", "pre-commit", "nbval"} <= dev_only


def test_the_subset_check_sees_a_pin_the_whole_lock_does_not_have(tmp_path, monkeypatch):
    # the comparison above must not pass by reading nothing
    changed = REPORT_LOCK.read_text(encoding="utf-8").replace("pandas==", "pandas==0.", 1)
    (tmp_path / "lock-report.txt").write_text(changed, encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "REPORT_LOCK", tmp_path / "lock-report.txt")
    with pytest.raises(AssertionError, match="as it pins it"):
        test_the_report_lock_is_the_whole_lock_less_the_dev_tools()


def test_the_installers_are_pinned_with_hashes():
    pins = lock_entries(INSTALLERS)
    assert set(pins) == {"uv", "pip"}
    for name, entries in pins.items():
        assert len(entries) == 1 and entries[0][2], f"{name}: one pin, with its hashes"
        assert Version(entries[0][0]), name


def test_the_library_leaves_the_notebook_stack_to_its_extra():
    library = {canonicalize_name(Requirement(r).name) for r in PYPROJECT["project"]["dependencies"]}
    assert library & JUPYTER_DISTRIBUTIONS == set()
    extras = PYPROJECT["project"]["optional-dependencies"]
    notebooks = {canonicalize_name(Requirement(r).name) for r in extras["notebooks"]}
    assert JUPYTER_DISTRIBUTIONS - {"notebook", "nbval"} <= notebooks


def test_the_environment_yml_reader_sees_a_changed_bound(tmp_path, monkeypatch):
    # the comparison above must not pass by reading nothing
    changed = ENVIRONMENT.read_text(encoding="utf-8").replace("pandas>=2.1", "pandas>=1.5")
    monkeypatch.setattr(sys.modules[__name__], "ENVIRONMENT", tmp_path / "environment.yml")
    (tmp_path / "environment.yml").write_text(changed, encoding="utf-8")
    assert conda_requirements()["pandas"].specifier == SpecifierSet(">=1.5")
    with pytest.raises(AssertionError, match="bounds differ"):
        test_environment_yml_lists_what_pyproject_declares_with_the_same_bounds()


BLOCKED_RUN = textwrap.dedent(
    """
    import importlib.abc, sys

    BLOCKED = set(sys.argv[1].split(","))
    tried = []

    class NotInstalled(importlib.abc.MetaPathFinder):
        # as if the [notebooks] extra were not installed
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                tried.append(name)
                raise ModuleNotFoundError(f"No module named {name!r}", name=name)
            return None

    sys.meta_path.insert(0, NotInstalled())
    sys.argv = ["greenmetrics", "extract", sys.argv[2], "--out", sys.argv[3]]
    from greenmetrics.cli import main
    try:
        main()
    except SystemExit as done:
        code = done.code
    print("tried:", sorted(set(tried)))
    sys.exit(code)
    """
)


@pytest.mark.slow  # a subprocess that extracts four plans
def test_extract_runs_without_the_notebook_stack_and_never_asks_for_it(tmp_path):
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-c", BLOCKED_RUN, ",".join(JUPYTER_MODULES),
         str(paths.ROOT / "tests" / "corpus" / "dev"), str(out)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert "tried: []" in done.stdout, "a module of the extraction imports Jupyter"
    with (out / "documents.csv").open(encoding="utf-8") as documents:
        assert len(list(csv.DictReader(documents))) == 4
    with (out / "targets.csv").open(encoding="utf-8") as targets:
        assert len(list(csv.DictReader(targets))) > 20, "the four dev plans give dozens"
