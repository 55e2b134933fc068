"""tasks.py sets up .venv as the README says: the exact, hash-checked versions of a lock, by uv
(itself pinned) with pip as the fallback; the report's lock for every task but `test`, the whole
lock for `test`; and nothing again until pyproject.toml or a lock changes.

Processes are not started: subprocess.run is replaced by a recorder that answers as the
installers would, so each test reads the commands tasks.py would run.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from script_modules import load_script

from greenmetrics import paths

INPUTS = ("pyproject.toml", "requirements/lock.txt", "requirements/lock-report.txt",
          "requirements/installers.txt")  # fmt: skip


class Installers:
    """Stands in for subprocess.run: records each command and fails those a test names."""

    def __init__(self) -> None:
        self.commands: list[list[str]] = []
        self.failing: list[str] = []  # a command containing one of these words fails

    def __call__(self, cmd, **kwargs):
        words = [str(c) for c in cmd]
        self.commands.append(words)
        failed = any(word in " ".join(words) for word in self.failing)
        return subprocess.CompletedProcess(words, 1 if failed else 0)

    def installs(self) -> list[list[str]]:
        """The commands that install something (not the checks for pip)."""
        return [c for c in self.commands if "install" in c]


@pytest.fixture
def project(tmp_path, monkeypatch):
    """tasks.py as a module whose repository is a copy of the shipped inputs in tmp_path, with a
    .venv whose python exists; subprocess.run recorded."""
    for name in INPUTS:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(paths.ROOT / name, tmp_path / name)
    tasks = load_script(paths.ROOT / "tasks.py", "tasks_environment_under_test")
    venv = tmp_path / ".venv"
    monkeypatch.setattr(tasks, "ROOT", tmp_path)
    monkeypatch.setattr(tasks, "VENV", venv)
    monkeypatch.setattr(tasks, "BIN", venv / "bin")
    monkeypatch.setattr(tasks, "PYTHON", venv / "bin" / "python")
    monkeypatch.setattr(tasks, "STAMP", venv / ".greenmetrics-install")
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").touch()
    installers = Installers()
    monkeypatch.setattr(subprocess, "run", installers)
    return tasks, installers


def lock_installed(command: list[str]) -> str | None:
    """The lock a command installs from (`-r FILE`), as a path relative to the repository."""
    if "-r" not in command:
        return None
    return Path(command[command.index("-r") + 1]).as_posix()


def test_a_fresh_report_installs_uv_then_the_report_lock_with_hashes(project):
    tasks, installers = project
    tasks.ensure_environment("report")
    installs = installers.installs()
    # uv and pip, pinned, by the pip running tasks.py, straight into .venv
    assert installs[0][1:5] == ["-m", "pip", "--python", str(tasks.PYTHON)]
    assert lock_installed(installs[0]) == "requirements/installers.txt"
    uv = str(tasks.BIN / "uv")
    assert [lock_installed(c) for c in installs if c[0] == uv] == [
        "requirements/lock-report.txt",
        None,  # the project itself
    ]
    project_install = [c for c in installs if c[0] == uv][1]
    assert project_install[-3:] == ["--no-deps", "-e", "."]
    for command in installs:
        if lock_installed(command):
            assert "--require-hashes" in command, command
    assert not any("requirements/lock.txt" in " ".join(c) for c in installers.commands)
    assert tasks.STAMP.read_text().startswith("report ")


def test_nothing_is_installed_again_until_an_input_changes(project):
    tasks, installers = project
    tasks.ensure_environment("report")
    installers.commands.clear()
    tasks.ensure_environment("report")
    assert installers.commands == []
    lock = tasks.ROOT / "requirements" / "lock-report.txt"
    lock.write_text(lock.read_text() + "\n")
    tasks.ensure_environment("report")
    assert lock_installed(installers.installs()[1]) == "requirements/lock-report.txt"


def test_test_adds_the_dev_tools_and_report_then_needs_nothing_more(project):
    tasks, installers = project
    tasks.ensure_environment("report")
    installers.commands.clear()
    tasks.ensure_environment("test")
    assert "requirements/lock.txt" in [lock_installed(c) for c in installers.installs()]
    assert tasks.STAMP.read_text().startswith("test ")
    installers.commands.clear()
    tasks.ensure_environment("report")  # the whole lock holds the report's part
    assert installers.commands == []


def test_a_venv_of_the_old_tasks_py_is_installed_again(project):
    tasks, installers = project
    tasks.STAMP.write_text("0" * 64)  # a bare digest, as tasks.py wrote before the scopes
    tasks.ensure_environment("report")
    assert installers.installs()


def test_pip_installs_the_same_lock_when_uv_fails(project, monkeypatch):
    tasks, installers = project
    monkeypatch.setattr(tasks, "bytecode_compiled_up_front", lambda: False)
    installers.failing = ["bin/uv pip install"]  # e.g. the registry is set in pip.conf only
    tasks.ensure_environment("report")
    pip = [c for c in installers.installs() if c[:3] == [str(tasks.PYTHON), "-m", "pip"]]
    assert [lock_installed(c) for c in pip] == ["requirements/lock-report.txt", None]
    assert all("--no-compile" in c for c in pip)
    assert "--require-hashes" in pip[0] and pip[1][-3:] == ["--no-deps", "-e", "."]
    assert tasks.STAMP.exists()


def test_without_uv_for_the_platform_pip_installs_alone(project):
    tasks, installers = project
    # neither the running pip nor one of .venv can install the pinned uv (no wheel, say)
    installers.failing = ["installers.txt", "pip --version"]
    tasks.ensure_environment("test")
    commands = [" ".join(c) for c in installers.commands]
    assert any("-m ensurepip" in c for c in commands), "a pip for .venv"
    assert not any(c.startswith(str(tasks.BIN / "uv")) for c in commands)
    assert any("--require-hashes -r requirements/lock.txt" in c for c in commands)


def test_a_failed_install_leaves_no_stamp(project):
    tasks, installers = project
    installers.failing = ["bin/uv pip install", "-r requirements/lock-report.txt"]
    with pytest.raises(SystemExit):
        tasks.ensure_environment("report")
    assert not tasks.STAMP.exists(), "the next run must try again"


def test_the_venv_is_made_without_pip(project, monkeypatch):
    tasks, installers = project
    shutil.rmtree(tasks.VENV)
    made = []

    class Builder:
        def __init__(self, **options):
            made.append(options)

        def create(self, where):
            (Path(where) / "bin").mkdir(parents=True)
            (Path(where) / "bin" / "python").touch()

    monkeypatch.setattr(tasks.venv, "EnvBuilder", Builder)
    tasks.ensure_environment("report")
    assert made == [{"with_pip": False}]


def test_each_task_installs_its_scope(project, monkeypatch):
    tasks, _ = project
    scopes = {}
    monkeypatch.setattr(tasks, "_run", lambda *cmd: None)
    for task in tasks.COMMANDS:
        monkeypatch.setattr(
            tasks, "ensure_environment", lambda scope, t=task: scopes.update({t: scope})
        )
        tasks.main([task])
    assert scopes == {"extract": "report", "review": "report", "report": "report",
                      "lab": "report", "lock": "report", "test": "test"}  # fmt: skip


def test_lock_resolves_the_report_lock_within_the_whole_one(project, monkeypatch):
    tasks, _ = project
    ran = []
    monkeypatch.setattr(tasks, "_run", lambda *cmd: ran.append([str(c) for c in cmd]))
    tasks.lock("--upgrade-package", "pandas")
    outputs = [c[c.index("-o") + 1] for c in ran]
    assert outputs == ["requirements/lock.txt", "requirements/lock-report.txt",
                       "requirements/installers.txt"]  # fmt: skip
    assert ran[0][ran[0].index("-o") - 2 :] == ["--upgrade-package", "pandas", "-o",
                                               "requirements/lock.txt"]  # fmt: skip
    report = ran[1]
    assert report[report.index("-c") + 1] == "requirements/lock.txt"
    assert all("--generate-hashes" in c and "--universal" in c for c in ran)


@pytest.mark.parametrize("kept", [True, False])
def test_bytecode_is_compiled_at_install_only_where_python_keeps_none(project, monkeypatch, kept):
    tasks, installers = project
    monkeypatch.setattr(tasks, "bytecode_compiled_up_front", lambda: not kept)
    tasks.ensure_environment("report")
    lock_installs = [c for c in installers.installs() if "--require-hashes" in c]
    assert len(lock_installs) == 2  # the installers, then the report's lock
    uv_lock = [c for c in lock_installs if c[0] == str(tasks.BIN / "uv")]
    assert [("--compile-bytecode" in c) for c in uv_lock] == [not kept]


def test_python_keeps_no_bytecode_when_told_by_the_environment_or_a_flag():
    tasks = load_script(paths.ROOT / "tasks.py", "tasks_environment_under_test")

    class Flags:
        def __init__(self, dont_write_bytecode):
            self.dont_write_bytecode = dont_write_bytecode

    assert tasks.bytecode_compiled_up_front({"PYTHONDONTWRITEBYTECODE": "1"}, Flags(False))
    assert tasks.bytecode_compiled_up_front({}, Flags(True))
    assert not tasks.bytecode_compiled_up_front({}, Flags(False))
    assert not tasks.bytecode_compiled_up_front({"PYTHONDONTWRITEBYTECODE": ""}, Flags(False))
