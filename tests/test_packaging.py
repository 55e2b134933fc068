"""The environments agree: pyproject.toml declares the dependencies, requirements/lock.txt pins
each at a version its bound allows (with hashes), environment.yml lists the same names and
bounds for conda users, and the library extracts without the notebook stack of the
`[notebooks]` extra.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
import textwrap
import tomllib

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

from greenmetrics import paths

PYPROJECT = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOCK = paths.ROOT / "requirements" / "lock.txt"
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


def declared() -> dict[str, Requirement]:
    """Every requirement of pyproject.toml, the library's and each extra's, by canonical name."""
    groups = [PYPROJECT["project"]["dependencies"]]
    groups += PYPROJECT["project"]["optional-dependencies"].values()
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


def locked() -> dict[str, list[tuple[Version, Marker | None, int]]]:
    """The lock's pins: per canonical name, each (version, environment marker, hash count)."""
    pins: dict[str, list[tuple[Version, Marker | None, int]]] = {}
    entries = re.split(r"\n(?=[A-Za-z0-9])", LOCK.read_text(encoding="utf-8"))
    for entry in entries:
        match = re.match(r"([A-Za-z0-9_.\-]+)==([^\s;\\]+)(?:\s*;\s*([^\\\n]+))?", entry)
        if not match:
            continue
        marker = Marker(match[3].strip()) if match[3] else None
        pins.setdefault(canonicalize_name(match[1]), []).append(
            (Version(match[2]), marker, entry.count("--hash=sha256:"))
        )
    return pins


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


@pytest.mark.parametrize("python", ["3.11", "3.12"])
def test_the_lock_pins_every_declared_package_within_its_bound_with_hashes(python):
    pins = locked()
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
    for name, requirement in declared().items():
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
