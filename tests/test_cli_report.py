"""`greenmetrics report` says what it does: the extraction summary and its input problems
(and an exit status that says there were some), each notebook as it finishes, a kernel that
did not answer (found in seconds, and the notebook run again), the figures of an earlier run
that it removed."""

from __future__ import annotations

import nbformat
import pytest
from typer.testing import CliRunner

from greenmetrics import paths, report, report_files
from greenmetrics.cli import INPUT_PROBLEMS_EXIT, app

runner = CliRunner()


def tiny_notebook(*sources: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_code_cell('LANG = "zh"', metadata={"tags": ["parameters"]})]
    nb.cells += [nbformat.v4.new_code_cell(source) for source in sources]
    return nb


WRITES_FIGURES = (
    "import os\nfrom greenmetrics import paths\npaths.FIGURES_DIR.mkdir(parents=True, exist_ok=True)\n"
    'for fmt in os.environ["GREENMETRICS_FIGURE_FORMATS"].split(","):\n'
    '    (paths.FIGURES_DIR / f"chart_{LANG}.{fmt}").write_text(fmt)'
)


@pytest.fixture
def project(seed_project):
    """A project of one seed plan and one notebook that saves a figure; paths point into it."""
    nbformat.write(tiny_notebook(WRITES_FIGURES), seed_project / "notebooks" / "01_figures.ipynb")
    return seed_project


@pytest.mark.slow  # runs the report end to end: a Jupyter kernel per notebook
def test_report_prints_each_step_names_input_problems_and_exits_with_their_status(project):
    raw = project / "data" / "raw"
    (raw / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 an old Word file")
    (raw / "numbers.xlsx").write_bytes(b"PK\x03\x04 a spreadsheet")
    result = runner.invoke(app, ["report", "--jobs", "1"])
    output = " ".join(result.output.split())

    assert result.exit_code == INPUT_PROBLEMS_EXIT, result.output
    # the report was still made from the good plan
    assert (project / "reports" / "figures" / "chart_zh.png").read_text() == "png"
    assert (project / "data" / "processed" / "targets.csv").exists()
    # the summary of `extract`, then the problems as `extract` names them, relative to the project
    assert "greenmetrics extract" in output and "documents │ 1" in output
    assert "inputs not read or failed │ 2" in output
    assert "error data/raw/old.doc: not read: an old Word 97-2003 file" in output
    assert "error data/raw/numbers.xlsx: not read: a spreadsheet" in output
    assert str(project) not in output
    assert output.index("data/raw/old.doc") < output.index("notebook 01_figures done in")
    assert "2 input(s) not read or failed (listed above); the report holds the others" in output
    # the problems reach review.csv relative to the project as well
    review = (project / "data" / "processed" / "review.csv").read_text(encoding="utf-8")
    assert "data/raw/old.doc: not read" in review and str(project) not in review

    (raw / "old.doc").unlink()
    (raw / "numbers.xlsx").unlink()
    clean = runner.invoke(app, ["report", "--jobs", "1"])
    assert clean.exit_code == 0, clean.output
    assert "inputs not read or failed │ 0" in " ".join(clean.output.split())


def test_the_exit_status_of_input_problems_is_documented():
    help_text = " ".join(runner.invoke(app, ["report", "--help"]).output.split())
    assert (
        f"{INPUT_PROBLEMS_EXIT} the report was written, but some inputs were not read" in help_text
    )


@pytest.mark.slow  # runs the report end to end: a Jupyter kernel per notebook
def test_a_plain_run_names_the_figures_of_an_earlier_run_it_removes(project):
    first = runner.invoke(app, ["report", "--jobs", "1", "--formats", "png,svg"])
    assert first.exit_code == 0, first.output
    figures = project / "reports" / "figures"
    assert (figures / "chart_zh.svg").exists()

    plain = runner.invoke(app, ["report", "--jobs", "1"])
    assert plain.exit_code == 0, plain.output
    assert not (figures / "chart_zh.svg").exists() and (figures / "chart_zh.png").exists()
    assert "removed 1 SVG file from an earlier run: reports/figures/chart_zh.svg" in " ".join(
        plain.output.split()
    )
    again = runner.invoke(app, ["report", "--jobs", "1"])
    assert "removed" not in again.output


def test_removed_files_are_counted_by_kind_in_one_line(project):
    figures = project / "reports" / "figures"
    removed = [figures / name for name in ("b_zh.svg", "a_zh.svg", "a_zh.pdf", ".made-from-zh")]
    assert report_files.removed_files_line(removed) == (
        "removed 1 PDF and 2 SVG files from an earlier run: reports/figures/a_zh.pdf, "
        "reports/figures/a_zh.svg, reports/figures/b_zh.svg"
    )


# A cell whose reply the kernel never sends (once: a marker file beside the notebook says it
# was done), as when the reply is lost on a loaded machine: the kernel is idle, the client waits.
LOSES_ITS_REPLY = """import pathlib
marker = pathlib.Path("reply_lost_once.txt")
if not marker.exists():
    marker.write_text("lost")
    kernel = get_ipython().kernel
    send = kernel.session.send

    def send_all_but_the_execute_reply(stream, msg_or_type, *args, **kwargs):
        kind = msg_or_type if isinstance(msg_or_type, str) else msg_or_type.get("msg_type")
        if kind == "execute_reply":
            kernel.session.send = send
            return None
        return send(stream, msg_or_type, *args, **kwargs)

    kernel.session.send = send_all_but_the_execute_reply
print("ran")"""


@pytest.mark.slow  # starts two Jupyter kernels and waits for the lost reply
def test_a_lost_kernel_reply_is_said_and_the_notebook_runs_again(tmp_path, monkeypatch):
    # the cell time-out is far: only the heartbeat can find the lost reply in time
    monkeypatch.setenv("GREENMETRICS_CELL_TIMEOUT", "600")
    monkeypatch.setattr(paths, "REPORTS_DIR", tmp_path / "reports")
    monkeypatch.setenv("MPLBACKEND", "Agg")
    source = tmp_path / "src" / "03_lost.ipynb"
    source.parent.mkdir()
    nbformat.write(tiny_notebook(LOSES_ITS_REPLY, "1 + 1"), source)
    heard = []
    executed = report.execute_notebook(source, tmp_path / "out", on_message=heard.append)

    assert heard == [
        "notebook 03_lost: the kernel did not answer (cell 1 finished, its reply never came), "
        "retrying in a fresh kernel"
    ]
    nb = nbformat.read(executed, as_version=4)
    assert nb.cells[1].outputs[0]["text"] == "ran\n"
    assert nb.cells[2].outputs[0]["data"]["text/plain"] == "2"


@pytest.mark.slow  # starts a Jupyter kernel and runs a cell of 4 s
def test_a_long_cell_is_not_taken_for_a_lost_reply(tmp_path, monkeypatch):
    from greenmetrics import kernel_watch

    # the kernel is asked after 1 s; a cell of 4 s keeps it from answering until it ends
    monkeypatch.setattr(kernel_watch, "HEARTBEAT_SECONDS", 1.0)
    monkeypatch.setattr(kernel_watch, "LOST_REPLY_GRACE", 1.0)
    monkeypatch.setattr(paths, "REPORTS_DIR", tmp_path / "reports")
    source = tmp_path / "src" / "04_long.ipynb"
    source.parent.mkdir()
    nbformat.write(tiny_notebook("import time\ntime.sleep(4)\nprint('slept')"), source)
    heard = []
    executed = report.execute_notebook(source, tmp_path / "out", on_message=heard.append)
    assert heard == []
    assert nbformat.read(executed, as_version=4).cells[1].outputs[0]["text"] == "slept\n"


@pytest.mark.slow  # runs the report end to end five times
def test_a_report_on_current_tables_says_what_they_hold_and_which_inputs_were_not_read(project):
    raw = project / "data" / "raw"
    (raw / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 an old Word file")
    first = runner.invoke(app, ["report", "--jobs", "1"])
    assert first.exit_code == INPUT_PROBLEMS_EXIT, first.output
    assert "tables reused" not in first.output

    # other formats: the notebooks run again, on the tables of the first run
    again = runner.invoke(app, ["report", "--jobs", "1", "--formats", "png,svg"])
    output = " ".join(again.output.split())
    assert again.exit_code == INPUT_PROBLEMS_EXIT, again.output
    assert "tables reused" in output and "documents │ 1" in output
    assert "inputs not read or failed │ 1" in output
    # said before the notebooks run, as for a new extraction
    assert output.index("error data/raw/old.doc: not read") < output.index("notebook 01_figures")
    # nothing changed: the notebooks are reused too, and the problems still said
    reused = runner.invoke(app, ["report", "--jobs", "1", "--formats", "png,svg"])
    output = " ".join(reused.output.split())
    assert reused.exit_code == INPUT_PROBLEMS_EXIT, reused.output
    assert "error data/raw/old.doc: not read" in output and "notebooks reused: 1" in output

    (raw / "old.doc").unlink()  # an input changed: extracted again, and nothing left unread
    clean = runner.invoke(app, ["report", "--jobs", "1"])
    assert clean.exit_code == 0, clean.output
    assert "tables reused" not in clean.output
    reused = runner.invoke(app, ["report", "--jobs", "1"])
    assert reused.exit_code == 0, reused.output
    assert "inputs not read or failed │ 0" in " ".join(reused.output.split())


@pytest.mark.slow  # runs the report end to end: a Jupyter kernel per notebook
def test_the_workbook_of_an_earlier_version_is_removed_and_named(project):
    # before one workbook per language the report wrote reports/greenmetrics.xlsx
    reports = project / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    (reports / "greenmetrics.xlsx").write_bytes(b"PK an old workbook")
    (reports / "kernel.log").write_text("kept")
    result = runner.invoke(app, ["report", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert not (reports / "greenmetrics.xlsx").exists()
    assert (reports / "kernel.log").exists()  # other files of reports/ stay
    assert "removed 1 XLSX file from an earlier run: reports/greenmetrics.xlsx" in " ".join(
        result.output.split()
    )
