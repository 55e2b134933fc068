"""Every command the README shows works as written: each `python3 tasks.py ...` and
`greenmetrics ...` in its code blocks and code spans names a task, subcommand and options that
exist, tasks.py hands it to the `greenmetrics` of .venv, and the cheap ones really run.

The README is read as it stands (whoever edits it), so a command added there is checked here.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import click
import pytest
import typer
from script_modules import load_script
from typer.testing import CliRunner

from greenmetrics import paths
from greenmetrics.cli import app

README = paths.ROOT / "README.md"
TASKS = paths.ROOT / "tasks.py"
runner = CliRunner()

_FENCE_RE = re.compile(r"^```[^\n]*\n(.*?)^```", re.S | re.M)
_SPAN_RE = re.compile(r"`([^`\n]+)`")
_COMMAND_RE = re.compile(r"^(?:python3 tasks\.py|greenmetrics)(?:\s|$)")


def readme_commands() -> list[str]:
    """The commands of README.md: lines of its code blocks and its code spans that start with
    `python3 tasks.py` or `greenmetrics`, without their comments."""
    text = README.read_text(encoding="utf-8")
    found = []
    for block in _FENCE_RE.findall(text):
        found += [line.split(" #")[0].strip() for line in block.splitlines()]
    prose = _FENCE_RE.sub("", text)
    found += [span.strip() for span in _SPAN_RE.findall(prose)]
    unique = dict.fromkeys(c for c in found if _COMMAND_RE.match(c))
    return list(unique)


def load_tasks():
    return load_script(TASKS, "tasks_under_test")


COMMANDS = readme_commands()
CLI: click.Group = typer.main.get_command(app)


def check_cli_arguments(words: list[str]) -> None:
    """`greenmetrics <words>` parses: the subcommand exists and takes these options."""
    assert words, "greenmetrics without a subcommand"
    assert words[0] in CLI.commands, f"greenmetrics has no command {words[0]!r}"
    command = CLI.commands[words[0]]
    # parses (unknown options, missing values and bad types raise) without running anything
    command.make_context(words[0], list(words[1:]))


def test_the_readme_shows_the_main_commands():
    tasks = {shlex.split(c)[2] for c in COMMANDS if c.startswith("python3 tasks.py ")}
    assert {"report", "test"} <= tasks, COMMANDS


@pytest.mark.parametrize("command", COMMANDS)
def test_each_readme_command_names_what_exists_and_tasks_py_runs_it(command, monkeypatch):
    words = shlex.split(command)
    tasks = load_tasks()
    ran = []
    monkeypatch.setattr(tasks, "ensure_environment", lambda scope: None)
    monkeypatch.setattr(tasks, "_run", lambda *cmd: ran.append([str(c) for c in cmd]))
    if words[0] == "greenmetrics":
        check_cli_arguments(words[1:])
        # not on the PATH in a fresh clone: the same command runs as `python3 tasks.py ...`
        tasks.main(words[1:])
        assert ran[-1] == [str(tasks.BIN / "greenmetrics"), *words[1:]]
        return
    task, options = words[2], words[3:]
    assert task in tasks.COMMANDS, f"tasks.py has no task {task!r}"
    tasks.main([task, *options])
    assert ran, f"python3 tasks.py {task} ran nothing"
    if task in ("extract", "review", "report"):
        assert ran == [[str(tasks.BIN / "greenmetrics"), task, *options]]
        check_cli_arguments([task, *options])


@pytest.mark.parametrize("task", ["extract", "review", "report", "lab", "test"])
def test_tasks_py_has_one_command_per_task(task, monkeypatch):
    tasks = load_tasks()
    ran = []
    monkeypatch.setattr(tasks, "ensure_environment", lambda scope: None)
    monkeypatch.setattr(tasks, "_run", lambda *cmd: ran.append([str(c) for c in cmd]))
    tasks.main([task])
    assert ran
    if task in ("extract", "review", "report"):
        assert ran == [[str(tasks.BIN / "greenmetrics"), task]]
        # options go on to the command of the same name
        ran.clear()
        tasks.main([task, "--help"])
        assert ran == [[str(tasks.BIN / "greenmetrics"), task, "--help"]]


def test_tasks_py_refuses_an_unknown_task_with_its_usage(monkeypatch):
    tasks = load_tasks()
    monkeypatch.setattr(tasks, "ensure_environment", lambda scope: pytest.fail("nothing to set up"))
    for argv in ([], ["publish"], ["lab", "--port", "1"]):
        with pytest.raises(SystemExit) as info:
            tasks.main(argv)
        assert "python3 tasks.py extract" in str(info.value.code)


def test_readme_commands_answer_help():
    for sub in sorted({shlex.split(c)[1] for c in COMMANDS if c.startswith("greenmetrics ")}):
        result = runner.invoke(app, [sub, "--help"])
        assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["--help"]).exit_code == 0


@pytest.mark.slow  # runs the review command end to end on a shipped plan
def test_review_as_the_readme_shows_it_runs_on_a_small_corpus(tmp_path):
    review = [c for c in COMMANDS if shlex.split(c)[-1] == "review"]
    assert review, "the README shows how to review"
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(paths.RAW_DIR / "003_d6b7a80b1f52e553.txt", raw)
    result = runner.invoke(app, ["review", str(raw), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "review.csv").exists()


def test_scripts_the_readme_names_exist():
    text = README.read_text(encoding="utf-8")
    for script in sorted(set(re.findall(r"\b((?:scripts|bench)/[\w/]+\.py)\b", text))):
        assert (paths.ROOT / script).is_file(), f"README names {script}, which does not exist"


def test_the_readme_commands_are_found():
    # the parser itself: a fenced block and a code span, comments left out
    assert "python3 tasks.py report" in COMMANDS
    assert all(not c.endswith("#") and "  #" not in c for c in COMMANDS)
    assert Path(TASKS).is_file()


def test_tasks_py_exits_with_the_status_of_the_command(monkeypatch):
    import subprocess

    tasks = load_tasks()
    monkeypatch.setattr(tasks, "ensure_environment", lambda scope: None)
    # `greenmetrics report` wrote the report but some inputs were not read
    monkeypatch.setattr(
        subprocess, "run", lambda cmd, **kwargs: subprocess.CompletedProcess(cmd, 3)
    )
    with pytest.raises(SystemExit) as info:
        tasks.main(["report", "--lang", "en"])
    assert info.value.code == 3
