"""The report notebooks: stored clean and parametrised; what executing a notebook writes.

Executing the real notebooks is nbval's job (slow); here one tiny notebook built in the test is
executed through the same code path, once passing and once failing.
"""

from __future__ import annotations

import json
import os
import re
import types
from pathlib import Path

import nbformat
import pytest

from greenmetrics import paths, settings
from greenmetrics.errors import GreenmetricsError
from greenmetrics.report import (
    NotebookError,
    _scrub,
    check_formats,
    execute_notebook,
    execute_notebooks,
    in_language,
    kernel_environment,
    notebooks,
)

NOTEBOOKS = notebooks()
PARAMETERS = ("LANG", "FOCUS", "REGIONS", "THEMES")


def test_the_suite_is_numbered_in_reading_order():
    # 01_, 02_ ... with no gap or repeat, so a student runs them in order; each is in the README
    assert NOTEBOOKS, paths.NOTEBOOKS_DIR
    numbers = [int(p.name.split("_", 1)[0]) for p in NOTEBOOKS]
    assert numbers == list(range(1, len(NOTEBOOKS) + 1))
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    missing = [p.stem for p in NOTEBOOKS if p.stem not in readme]
    assert not missing, f"notebooks not described in README.md: {missing}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_without_outputs_and_with_a_parameters_cell(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c["outputs"] and c["execution_count"] is None for c in code)
    params = [c for c in code if "parameters" in c["metadata"].get("tags", [])]
    # one parameters cell, first (papermill injects overrides right after it)
    assert len(params) == 1 and code[0] is params[0]
    defaults: dict = {}
    exec("".join(params[0]["source"]), {}, defaults)
    defaults = {k: v for k, v in defaults.items() if not isinstance(v, types.ModuleType)}
    # the defaults give the full report in Chinese about the focus regions of the settings;
    # the notebooks that judge targets also take the year they judge in, from the settings
    extra = set(defaults) - set(PARAMETERS)
    assert {k: defaults[k] for k in PARAMETERS} == {
        "LANG": "zh", "FOCUS": settings.FOCUS_REGIONS, "REGIONS": None, "THEMES": None
    }  # fmt: skip
    assert extra <= {"AS_OF_YEAR"}, extra
    assert defaults.get("AS_OF_YEAR", settings.AS_OF_YEAR) == settings.AS_OF_YEAR
    # and every parameter is read by a later cell (an override must change something)
    later = "\n".join("".join(c["source"]) for c in code[1:])
    unread = [n for n in PARAMETERS if not re.search(rf"\b{n}\b", later)]
    assert unread == [], path.name
    # a notebook reads like a report: few calls, no logic of its own (the parameters cell
    # declares, with a comment saying what each parameter does)
    assert len(code) <= 12 and all(len("".join(c["source"]).splitlines()) <= 8 for c in code[1:])
    # every heading and text in both languages, in pairs the report picks from
    text = [c for c in nb["cells"] if c["cell_type"] == "markdown"]
    tags = [tuple(c["metadata"].get("tags", [])) for c in text]
    assert tags == [("lang-zh",), ("lang-en",)] * (len(text) // 2), path.name
    for zh, en in zip(text[::2], text[1::2], strict=True):
        assert re.search(r"[\u4e00-\u9fff]", "".join(zh["source"])), zh["source"]
        english = re.sub(r"`[^`]*`|（[^）]*）|\([^)]*\)", "", "".join(en["source"]))
        # Chinese in an English cell only as a quoted example of policy language
        assert len(re.findall(r"[\u4e00-\u9fff]", english)) <= 12, en["source"]
    # no region typed in the text: the focus is a parameter
    prose = "".join("".join(c["source"]) for c in text)
    assert not any(r in prose for r in ("忻府", "临夏", "Xinfu", "Linxia")), path.name


def test_a_report_keeps_the_text_of_its_language():
    import nbformat

    nb = nbformat.read(NOTEBOOKS[1], as_version=4)
    cells = len(nb.cells)
    english = in_language(nbformat.read(NOTEBOOKS[1], as_version=4), "en")
    chinese = in_language(nb, "zh")
    markdown = [c for c in english.cells if c.cell_type == "markdown"]
    assert markdown and all(c.metadata["tags"] == ["lang-en"] for c in markdown)
    assert all(c.metadata.get("tags") != ["lang-en"] for c in chinese.cells)
    assert len(english.cells) + len(markdown) == cells == len(chinese.cells) + len(markdown)


def test_scrub_removes_what_changes_between_runs():
    nb = {
        "metadata": {"papermill": {"start_time": "2026-01-01"}, "widgets": {"state": {}}},
        "cells": [
            {
                "id": "random-1",
                "metadata": {
                    "papermill": {"duration": 1.2},
                    "execution": {"iopub.status.idle": "t"},
                },
                "outputs": [
                    {
                        "data": {
                            "text/plain": "VBox()",
                            "application/vnd.jupyter.widget-view+json": {"model_id": "abc"},
                        }
                    }
                ],
            }
        ],
    }
    clean = _scrub(nb)
    assert clean["metadata"] == {}
    cell = clean["cells"][0]
    assert cell["id"] == "cell-000" and cell["metadata"] == {}
    assert cell["outputs"] == []  # a widget's repr says nothing to a reader of the copy


@pytest.mark.slow  # starts Jupyter kernels
def test_a_filter_cell_draws_at_once_and_its_saved_copy_says_where_filters_live(sandbox):
    source = sandbox / "src" / "01_filters.ipynb"
    explore = (
        "import greenmetrics.views as gv\nfrom greenmetrics import charts\n"
        "frames = gv.load_all()\n"
        "gv.explore(frames.targets, charts.plot_targets_overview, LANG, documents=frames.documents)"
    )
    nbformat.write(tiny_notebook(explore), source)
    executed = execute_notebook(source, sandbox / "out", {"LANG": "en"})
    text = executed.read_text(encoding="utf-8")
    assert "python3 tasks.py lab" in text  # where the filters work
    assert "VBox(" not in text and "Figure size" not in text  # no widget or figure repr
    html = executed.with_suffix(".html").read_text(encoding="utf-8")
    assert "python3 tasks.py lab" in html and "VBox(" not in html


def test_notebooks_hold_no_paths_of_their_own():
    # paths come from greenmetrics.paths (one config module), never typed in a notebook
    for path in NOTEBOOKS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        code = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
        for fragment in ("data/", "reports/", str(paths.ROOT), ".csv", ".xlsx"):
            assert fragment not in code, (path.name, fragment)


# A path of one machine: /home/..., /Users/..., /tmp/..., ~/..., C:\...
ABSOLUTE_PATH = re.compile(
    r"(?<![\w.:/])/(?:home|Users|root|tmp|work|mnt|opt|srv|var)/|(?<![\w/])~/|\b[A-Za-z]:[\\/]"
)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_absolute_path_in_any_cell(path):
    # markdown too: a reader on another machine must be able to follow every path shown
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        found = ABSOLUTE_PATH.findall(source)
        assert not found and str(paths.ROOT) not in source, (path.name, cell["cell_type"], found)


def tiny_notebook(*sources: str) -> nbformat.NotebookNode:
    kernel = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": kernel})
    nb.cells = [nbformat.v4.new_code_cell('LANG = "zh"', metadata={"tags": ["parameters"]})]
    nb.cells += [nbformat.v4.new_code_cell(source) for source in sources]
    return nb


@pytest.fixture
def sandbox(tmp_path, monkeypatch):
    # execute_notebook writes kernel.log under REPORTS_DIR and sets two environment variables
    monkeypatch.setattr(paths, "REPORTS_DIR", tmp_path / "reports")
    monkeypatch.setenv("PYTHONHASHSEED", "0")
    monkeypatch.setenv("MPLBACKEND", "Agg")
    (tmp_path / "src").mkdir()
    return tmp_path


@pytest.mark.slow  # starts Jupyter kernels
def test_executed_copy_holds_outputs_of_the_given_parameters_and_nothing_of_the_run(sandbox):
    source = sandbox / "src" / "01_tiny.ipynb"
    nbformat.write(tiny_notebook('print("lang", LANG)', '{"a": 1}'), source)
    executed = execute_notebook(source, sandbox / "out", {"LANG": "en"})

    assert executed == sandbox / "out" / "01_tiny.ipynb"
    text = executed.read_text(encoding="utf-8")
    nb = json.loads(text)
    cells = nb["cells"]
    assert [c["id"] for c in cells] == ["cell-000", "cell-001", "cell-002", "cell-003"]
    assert "".join(cells[1]["source"]) == '# Parameters\nLANG = "en"\n'  # injected override
    assert cells[2]["outputs"] == [
        {"name": "stdout", "output_type": "stream", "text": ["lang en\n"]}
    ]
    assert cells[3]["outputs"][0]["data"] == {"text/plain": ["{'a': 1}"]}
    outputs = [o for c in cells for o in c["outputs"]]
    assert not [o for o in outputs if o["output_type"] == "error"]
    # nothing that differs between runs or machines: no papermill timings, no paths
    assert "papermill" not in nb["metadata"]
    assert not [c for c in cells if "papermill" in c["metadata"] or "execution" in c["metadata"]]
    assert str(sandbox) not in text and str(paths.ROOT) not in text
    html = executed.with_suffix(".html").read_text(encoding="utf-8")
    assert "lang en" in html and str(sandbox) not in html


@pytest.mark.slow  # starts Jupyter kernels
def test_failing_cell_names_the_notebook_and_writes_nothing(sandbox):
    source = sandbox / "src" / "02_fails.ipynb"
    nbformat.write(tiny_notebook("x = 1", "1 / 0"), source)
    with pytest.raises(NotebookError, match=r"02_fails\.ipynb: cell \d+ failed: ZeroDivisionError"):
        execute_notebook(source, sandbox / "out")
    assert list((sandbox / "out").iterdir()) == []


@pytest.mark.slow  # starts Jupyter kernels
def test_a_cell_that_never_ends_stops_the_run_with_the_notebooks_name(sandbox, monkeypatch):
    monkeypatch.setenv("GREENMETRICS_CELL_TIMEOUT", "3")
    source = sandbox / "src" / "03_hangs.ipynb"
    nbformat.write(tiny_notebook("import time\ntime.sleep(60)"), source)
    with pytest.raises(
        NotebookError, match=r"03_hangs\.ipynb: a cell ran longer than 3 s in 2 runs"
    ):
        execute_notebook(source, sandbox / "out")
    assert list((sandbox / "out").iterdir()) == []
    monkeypatch.setenv("GREENMETRICS_CELL_TIMEOUT", "soon")
    with pytest.raises(NotebookError, match="GREENMETRICS_CELL_TIMEOUT='soon'"):
        execute_notebook(source, sandbox / "out")


@pytest.mark.slow  # starts Jupyter kernels
def test_a_kernel_never_outlives_its_shutdown_even_when_the_request_fails(sandbox):
    from greenmetrics.report import _Kernel, kernel_environment

    kernel = _Kernel(sandbox, kernel_environment(("png",)), warm_up=None)
    process = kernel.process
    assert process is not None and process.poll() is None

    async def refuses(*args, **kwargs):
        raise RuntimeError("no reply")

    kernel.km.shutdown_kernel = refuses  # the request is lost: the process must still go
    kernel.shutdown()
    assert process.poll() is not None


# -- several notebooks: kernels side by side, reused -------------------------------------------

FIRST = 'import os\nprint(open("prepared.txt").read())\nopen("one.txt", "w").write("1")\nx = 1'
SECOND = (
    'import os, greenmetrics\nprint("x" in dir(), os.environ["GREENMETRICS_FIGURE_FORMATS"])\n'
    'print(greenmetrics.__file__.startswith(os.environ["PYTHONPATH"].split(os.pathsep)[0]))\n'
    'open("two.txt", "w").write("2")'
)
LAST = 'import os\nprint(os.path.exists("prepared.txt"))'


def three_notebooks(folder, second=SECOND):
    sources = []
    for name, code in (("01_a", FIRST), ("02_b", second), ("03_last", LAST)):
        sources.append(folder / f"{name}.ipynb")
        nbformat.write(tiny_notebook(code, "1 + 1"), sources[-1])
    return sources


@pytest.fixture(scope="module")
def fresh_kernel_copies(tmp_path_factory) -> list[bytes]:
    """The three notebooks each executed in a kernel of its own: the reference copies, made
    once for both runs below (three kernels fewer). Only their bytes are handed out."""
    folder = tmp_path_factory.mktemp("fresh_kernels")
    with pytest.MonkeyPatch.context() as mp:  # as the sandbox fixture sets them
        mp.setattr(paths, "REPORTS_DIR", folder / "reports")
        mp.setenv("PYTHONHASHSEED", "0")
        mp.setenv("MPLBACKEND", "Agg")
        (folder / "src").mkdir()
        sources = three_notebooks(folder / "src")
        (folder / "src" / "prepared.txt").write_text("ready")
        return [
            execute_notebook(source, folder / "alone", formats=("png", "svg")).read_bytes()
            for source in sources
        ]


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.slow  # starts Jupyter kernels
def test_notebooks_side_by_side_or_in_one_kernel_give_the_copies_of_fresh_kernels(
    sandbox, workers, fresh_kernel_copies
):
    sources = three_notebooks(sandbox / "src")
    alone = fresh_kernel_copies  # each notebook in a kernel of its own: the reference copies
    finished = []

    def prepare():  # the extraction: every notebook waits for it
        (sandbox / "src" / "prepared.txt").write_text("ready")

    executed = execute_notebooks(
        sources,
        sandbox / "out",
        prepare=prepare,
        on_notebook=lambda path, seconds: finished.append(path),
        workers=workers,
        formats=("png", "svg"),
    )
    assert executed == [sandbox / "out" / s.name for s in sources]
    assert [p.read_bytes() for p in executed] == alone  # same bytes as in fresh kernels
    assert sorted(finished) == sources
    nb = json.loads(executed[1].read_text(encoding="utf-8"))
    # a fresh namespace (no x from 01), execution counts from 1, the formats asked for, and the
    # greenmetrics of this checkout
    assert nb["cells"][1]["outputs"][0]["text"] == ["False png,svg\n", "True\n"]
    assert [c["execution_count"] for c in nb["cells"]] == [1, 2, 3]
    last = json.loads(executed[2].read_text(encoding="utf-8"))
    # every notebook ran once the extraction was done
    assert last["cells"][1]["outputs"][0]["text"] == ["True\n"]


@pytest.mark.slow  # starts Jupyter kernels
def test_a_failing_notebook_stops_the_run_and_the_last_one_never_runs(sandbox):
    sources = three_notebooks(sandbox / "src", second="1 / 0")
    (sandbox / "src" / "prepared.txt").write_text("ready")
    with pytest.raises(NotebookError, match=r"02_b\.ipynb: cell \d+ failed: ZeroDivisionError"):
        execute_notebooks(sources, sandbox / "out", workers=1)
    written = sorted(p.name for p in (sandbox / "out").glob("*.ipynb"))
    assert "02_b.ipynb" not in written and "03_last.ipynb" not in written


def test_figure_formats_are_checked_and_reach_the_kernels():
    assert check_formats("svg,PNG") == ("png", "svg")
    assert check_formats(["pdf"]) == ("pdf",)
    with pytest.raises(GreenmetricsError, match="gif"):
        check_formats("png,gif")
    env = kernel_environment(("png",))
    assert env["GREENMETRICS_FIGURE_FORMATS"] == "png" and env["PYTHONHASHSEED"] == "0"
    import greenmetrics

    source = str(Path(greenmetrics.__file__).resolve().parents[1])
    assert env["PYTHONPATH"].split(os.pathsep)[0] == source


# -- the report is whole or not at all ---------------------------------------------------------

WRITES_FIGURE = (
    "from greenmetrics import paths\npaths.FIGURES_DIR.mkdir(parents=True, exist_ok=True)\n"
    '(paths.FIGURES_DIR / "a_zh.png").write_text(RUN)'
)


@pytest.fixture
def project(seed_project):
    """A project of one seed plan whose notebooks the test writes; paths point into it."""
    return seed_project


@pytest.mark.slow  # starts Jupyter kernels
def test_a_failed_report_leaves_the_previous_one_intact(project):
    from greenmetrics import report

    root = project
    source = root / "notebooks" / "01_figure.ipynb"

    nbformat.write(tiny_notebook('RUN = "first"\n' + WRITES_FIGURE), source)
    report.run_report({"LANG": "zh"}, workers=1)
    figure = root / "reports" / "figures" / "a_zh.png"
    targets = root / "data" / "processed" / "targets.csv"
    assert figure.read_text() == "first" and targets.exists()
    before = {p: p.read_bytes() for p in (root / "reports").rglob("*") if p.is_file()}
    tables = targets.read_bytes()

    # the second run writes its figure, then a cell fails: nothing of it may reach the report
    nbformat.write(tiny_notebook('RUN = "second"\n' + WRITES_FIGURE, "1 / 0"), source)
    (root / "data" / "raw" / "003_d6b7a80b1f52e553.txt").touch()
    with pytest.raises(NotebookError, match=r"01_figure\.ipynb: cell \d+ failed"):
        report.run_report({"LANG": "zh"}, workers=1)
    after = {p: p.read_bytes() for p in (root / "reports").rglob("*") if p.is_file()}
    assert {p: b for p, b in after.items() if p.name != "kernel.log"} == {
        p: b for p, b in before.items() if p.name != "kernel.log"
    }
    assert figure.read_text() == "first" and targets.read_bytes() == tables
    assert not (root / report.STAGING_NAME).exists()


WRITES_FIGURE_OF_LANG = (
    "from greenmetrics import paths\npaths.FIGURES_DIR.mkdir(parents=True, exist_ok=True)\n"
    '(paths.FIGURES_DIR / f"a_{LANG}.png").write_text(RUN)'
)


@pytest.mark.slow  # starts Jupyter kernels
def test_the_other_languages_figures_stay_only_while_drawn_from_the_same_inputs(project):
    from greenmetrics import report

    figures = project / "reports" / "figures"
    source = project / "notebooks" / "01_figure.ipynb"
    nbformat.write(tiny_notebook('RUN = "one"\n' + WRITES_FIGURE_OF_LANG), source)
    report.run_report({"LANG": "zh"}, workers=1)
    report.run_report({"LANG": "en"}, workers=1)
    # same tables, code and parameters: both languages are current
    assert (figures / "a_zh.png").read_text() == (figures / "a_en.png").read_text() == "one"
    # new reference data: the English figures are redrawn, the Chinese ones of before would
    # show the old numbers and go
    (project / "data" / "reference").mkdir(parents=True)
    (project / "data" / "reference" / "observations.csv").write_text("region_zh\n")
    report.run_report({"LANG": "en"}, workers=1)
    assert (figures / "a_en.png").exists() and not (figures / "a_zh.png").exists()
    assert sorted(p.name for p in figures.glob(".made-from-*")) == [".made-from-en"]
    # other parameters (a region filter) make other figures too
    report.run_report({"LANG": "zh"}, workers=1)
    report.run_report({"LANG": "en", "REGIONS": ["甘肃省"]}, workers=1)
    assert not (figures / "a_zh.png").exists() and (figures / "a_en.png").exists()
