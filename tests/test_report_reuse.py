"""A report with nothing changed reuses the executed notebooks, figures and workbook of the last
run of its language; anything they depend on changed (a notebook, a table's input, reference
data, the language, the focus, the formats, the code or its version, a file of the report
itself) runs the notebooks again, and so does `--force`. A stamp never vouches for a report
whose files were not all moved into place.

Tiny notebooks built here stand for the report's (they save a figure per format and language,
as the real ones do); which runs executed them is counted, never timed. Whether a report is
reused is decided before any kernel starts, so most tests here let `kernel_free` write what
the tiny notebook would (real kernels cost seconds a run); the first and the command's run the
notebook in kernels.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import nbformat
import pytest
from typer.testing import CliRunner

import greenmetrics
from greenmetrics import report, report_files
from greenmetrics.cli import app

SAVES_FIGURES = (
    "import os\nfrom greenmetrics import paths\npaths.FIGURES_DIR.mkdir(parents=True, exist_ok=True)\n"
    'for fmt in os.environ["GREENMETRICS_FIGURE_FORMATS"].split(","):\n'
    '    (paths.FIGURES_DIR / f"chart_{LANG}.{fmt}").write_text(f"{FOCUS} {fmt}")\n'
    "print(LANG, FOCUS)"
)


def notebook(*sources: str) -> nbformat.NotebookNode:
    kernel = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": kernel})
    parameters = 'LANG = "zh"\nFOCUS = ("临夏回族自治州",)'
    nb.cells = [nbformat.v4.new_code_cell(parameters, metadata={"tags": ["parameters"]})]
    nb.cells += [nbformat.v4.new_code_cell(source) for source in sources]
    return nb


def kernel_free(
    sources, out_dir, parameters=None, *, prepare=None, formats=("png",), environment=None, **_
):
    """What report.execute_notebooks makes of the tiny notebook, without a kernel: the
    extraction (`prepare`), then each executed copy (the source with its parameters) and its
    HTML copy, and the figure in each format, in the staging folders of `environment`."""
    if prepare:
        prepare()
    parameters = {"LANG": "zh", "FOCUS": ("临夏回族自治州",), **(parameters or {})}
    figures = Path(environment["GREENMETRICS_REPORTS"]) / "figures"
    figures.mkdir(parents=True, exist_ok=True)
    for fmt in formats:
        (figures / f"chart_{parameters['LANG']}.{fmt}").write_text(f"{parameters['FOCUS']} {fmt}")
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    executed = []
    for source in sources:
        copy = Path(out_dir) / source.name
        made = json.dumps(parameters, ensure_ascii=False) + source.read_text(encoding="utf-8")
        copy.write_text(made, encoding="utf-8")
        copy.with_suffix(".html").write_text(f"<pre>{made}</pre>", encoding="utf-8")
        executed.append(copy)
    return executed


class Runs:
    """run_report in the seed project, counting the runs that executed notebooks and keeping
    what each run said; in kernels, or `kernel_free` unless `kernels`."""

    def __init__(self, project: Path, monkeypatch, kernels: bool = False):
        self.project, self.executed, self.heard = project, 0, []
        real = report.execute_notebooks if kernels else kernel_free

        def counted(*args, **kwargs):
            self.executed += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(report, "execute_notebooks", counted)

    def __call__(self, parameters=None, **options) -> bool:
        """Run a report; True when it executed the notebooks, False when it reused them."""
        before, self.heard = self.executed, []
        report.run_report(
            parameters or {"LANG": "zh"}, workers=1, on_message=self.heard.append, **options
        )
        reused = [line for line in self.heard if line.startswith("notebooks unchanged since")]
        assert (self.executed > before) != bool(reused), self.heard
        return self.executed > before

    def why(self) -> str:
        """Why the last run executed the notebooks, as it said it."""
        return next(line for line in self.heard if line.startswith("running the notebooks: "))


@pytest.fixture
def project(seed_project):
    nbformat.write(notebook(SAVES_FIGURES), seed_project / "notebooks" / "01_chart.ipynb")
    return seed_project


@pytest.fixture
def runs(project, monkeypatch) -> Runs:
    return Runs(project, monkeypatch)


@pytest.fixture
def kernel_runs(project, monkeypatch) -> Runs:
    return Runs(project, monkeypatch, kernels=True)


def report_files_state(project: Path) -> dict[Path, tuple[bytes, int]]:
    """Bytes and modification time of every file of reports/ but the kernels' log."""
    return {
        p: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted((project / "reports").rglob("*"))
        if p.is_file() and p.name != "kernel.log"
    }


@pytest.mark.slow  # starts Jupyter kernels
def test_a_second_report_with_nothing_changed_reuses_the_first(project, kernel_runs):
    runs = kernel_runs
    assert runs() and "new tables are extracted" in runs.why()  # nothing to reuse yet
    made = report_files_state(project)
    assert runs() is False
    # reused as it is: no file rewritten, and the run said so and how to run them anyway
    assert report_files_state(project) == made
    line = next(h for h in runs.heard if h.startswith("notebooks unchanged since"))
    assert line.endswith(": reused; --force to run again")
    executed = project / "reports" / "notebooks" / "01_chart.ipynb"
    assert "临夏回族自治州" in executed.read_text(encoding="utf-8")
    # --force runs them again, and the report it makes is the same
    assert runs(force=True) and "--force" in runs.why()
    assert {p: b for p, (b, _) in report_files_state(project).items()} == {
        p: b for p, (b, _) in made.items()
    }
    assert runs() is False


@pytest.mark.slow  # runs the report end to end (extraction, workbook; notebooks stood in for) on the seed project
def test_a_changed_notebook_table_input_or_reference_file_runs_the_notebooks(project, runs):
    assert runs()
    source = project / "notebooks" / "01_chart.ipynb"
    nbformat.write(notebook(SAVES_FIGURES, "1 + 1"), source)
    assert runs() and runs.why().endswith(": notebooks changed since the last report in zh")
    assert runs() is False
    # a notebook of one's own beside the report's (not numbered) is no part of the report
    nbformat.write(notebook("2 + 2"), project / "notebooks" / "scratch.ipynb")
    assert runs() is False
    nbformat.write(notebook(SAVES_FIGURES), project / "notebooks" / "02_more.ipynb")
    assert runs() and runs.why().endswith(": notebooks changed since the last report in zh")
    # a plan edited: its tables are extracted again, and the notebooks run on them
    plan = project / "data" / "raw" / "003_d6b7a80b1f52e553.txt"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n到2025年，全州森林覆盖率达到15%。\n")
    assert runs() and "new tables are extracted" in runs.why()
    assert runs() is False
    # reference data the notebooks read (benchmarks, observations) edited
    (project / "data" / "reference").mkdir(parents=True)
    (project / "data" / "reference" / "observations.csv").write_text("region_zh\n")
    assert runs() and "new tables are extracted" in runs.why()
    assert runs() is False


@pytest.mark.slow  # runs the report end to end (extraction, workbook; notebooks stood in for) on the seed project
def test_another_language_focus_format_or_year_runs_the_notebooks(project, runs):
    figures = project / "reports" / "figures"
    assert runs({"LANG": "zh"})
    # a Chinese report is not an English one, and the English run replaced the notebooks
    assert runs({"LANG": "en"}) and "no report in en to reuse" in runs.why()
    assert runs({"LANG": "en"}) is False
    assert runs({"LANG": "zh"}) and "the report in en replaced reports/notebooks/" in runs.why()
    assert runs({"LANG": "zh"}) is False
    # other focus regions lead the report
    focus = {"LANG": "zh", "FOCUS": ["武汉市"]}
    assert runs(focus) and runs.why().endswith(": parameters changed since the last report in zh")
    assert (figures / "chart_zh.png").read_text() == "['武汉市'] png"
    assert runs(focus) is False
    assert runs(focus, formats=("png", "svg")) and (figures / "chart_zh.svg").exists()
    assert runs.why().endswith(": formats changed since the last report in zh")
    assert runs(focus, formats=("png", "svg")) is False
    assert runs({**focus, "AS_OF_YEAR": 2030}, formats=("png", "svg"))
    assert runs({**focus, "AS_OF_YEAR": 2030}, formats=("png", "svg")) is False


@pytest.mark.slow  # runs the report end to end (extraction, workbook; notebooks stood in for) on the seed project
def test_other_code_or_version_runs_the_notebooks(project, runs, monkeypatch, tmp_path):
    # the package the kernels import and the report fingerprints: a copy whose code we edit
    package = tmp_path / "src" / "greenmetrics"
    shutil.copytree(
        Path(greenmetrics.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__")
    )
    monkeypatch.setattr(greenmetrics, "__file__", str(package / "__init__.py"))
    assert runs()
    assert runs() is False
    with (package / "charts" / "style.py").open("a", encoding="utf-8") as fh:
        fh.write("\n# a chart's style edited in place, the version unchanged\n")
    assert runs() and runs.why().endswith(": code changed since the last report in zh")
    assert runs() is False
    monkeypatch.setattr(greenmetrics, "__version__", "99.0.0")  # an upgrade
    assert runs()
    assert runs() is False
    # a newer library that draws or writes the report's files
    versions = report_files.library_versions()
    monkeypatch.setattr(
        report_files, "library_versions", lambda: {**versions, "matplotlib": "99.0"}
    )
    assert runs()


@pytest.mark.slow  # runs the report end to end (extraction, workbook; notebooks stood in for) on the seed project
def test_a_report_file_changed_gone_or_added_runs_the_notebooks(project, runs):
    reports = project / "reports"
    assert runs()
    (reports / "figures" / "chart_zh.png").write_text("edited by hand")
    assert runs() and "reports/figures/chart_zh.png changed or missing" in runs.why()
    assert (reports / "figures" / "chart_zh.png").read_text() == "('临夏回族自治州',) png"
    (reports / "notebooks" / "01_chart.html").unlink()
    assert runs() and (reports / "notebooks" / "01_chart.html").is_file()
    # a figure of this language that the last run did not make: a run removes it
    (reports / "figures" / "other_zh.svg").write_text("left over")
    assert runs() and "other_zh.svg is not of the last report" in runs.why()
    assert not (reports / "figures" / "other_zh.svg").exists()
    assert runs() is False
    # an English figure is not this report's concern
    (reports / "figures" / "other_en.svg").write_text("the English report's")
    assert runs() is False


@pytest.mark.slow  # runs the report end to end (extraction, workbook; notebooks stood in for) on the seed project
def test_a_report_interrupted_while_moving_into_place_is_not_reused(project, runs, monkeypatch):
    assert runs()
    nbformat.write(notebook(SAVES_FIGURES, "1 + 1"), project / "notebooks" / "01_chart.ipynb")
    real_replace, moved = os.replace, []

    def interrupted(src, dst):
        if Path(dst).is_relative_to(project / "reports"):
            if moved:
                raise KeyboardInterrupt  # Ctrl-C after the first file of the report moved
            moved.append(dst)
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        runs()
    monkeypatch.setattr(os, "replace", real_replace)
    assert not report_files.stamp_path(project / "reports", "zh").exists()
    # put the notebook back as it was: the key is the first run's, the files are not all its
    nbformat.write(notebook(SAVES_FIGURES), project / "notebooks" / "01_chart.ipynb")
    assert runs() and "no report in zh to reuse" in runs.why()
    assert runs() is False


@pytest.mark.slow  # starts Jupyter kernels
def test_the_command_says_the_notebooks_were_reused(project):
    runner = CliRunner()
    first = runner.invoke(app, ["report", "--jobs", "1"])
    assert first.exit_code == 0, first.output
    assert "notebooks executed: 1" in first.output
    again = runner.invoke(app, ["report", "--jobs", "1"])
    output = " ".join(again.output.split())
    assert again.exit_code == 0, again.output
    assert "tables reused" in output and "documents │ 1" in output
    assert "notebooks unchanged since " in output and ": reused; --force to run again" in output
    assert "notebooks reused: 1" in output and "notebook 01_chart done" not in output
    forced = runner.invoke(app, ["report", "--jobs", "1", "--force"])
    assert forced.exit_code == 0 and "notebook 01_chart done" in forced.output


@pytest.mark.slow  # runs the report end to end (extraction, workbook; notebooks stood in for) on the seed project
def test_a_stamp_of_another_greenmetrics_or_unreadable_is_not_trusted(project, runs):
    assert runs()
    stamp = report_files.stamp_path(project / "reports", "zh")
    stored = json.loads(stamp.read_text(encoding="utf-8"))
    # an earlier version stamped one digest of everything: its parts are not these
    stamp.write_text(json.dumps({**stored, "key": {"inputs": "0" * 64}}), encoding="utf-8")
    assert runs() and runs.why().endswith(
        "the last report in zh was stamped by another greenmetrics"
    )
    stamp.write_text("{half a stamp", encoding="utf-8")
    assert runs() and "no report in zh to reuse" in runs.why()
    assert runs() is False


def test_the_real_report_run_again_is_reused_whole(seed_report, tmp_path):
    # the shipped notebooks write nothing the stamp does not vouch for: a second run of the
    # seed report (the session's, as a user runs it) starts no kernel and rewrites no file
    import subprocess
    import sys

    before = report_files_state(seed_report)
    env = {**os.environ, "GREENMETRICS_ROOT": str(seed_report), "MPLBACKEND": "Agg"}
    for name in ("GREENMETRICS_PROCESSED", "GREENMETRICS_REPORTS"):
        env.pop(name, None)
    log = tmp_path / "report.log"  # a file, not a pipe: a kernel would hold a pipe open
    with log.open("w") as out:
        again = subprocess.run(
            [sys.executable, "-m", "greenmetrics", "report", "--formats", "png,svg"],
            env=env, stdout=out, stderr=subprocess.STDOUT, timeout=600,
        )  # fmt: skip
    output = " ".join(log.read_text().split())
    assert again.returncode == 0, output[-3000:]
    assert "notebooks reused: 5" in output and " done in " not in output, output
    assert report_files_state(seed_report) == before
