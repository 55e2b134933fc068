"""A report run computes each analysis frame once, with its own settings, and draws the key
charts the workbook embeds itself, from small hand-made tables (tests/analysis_tables.py)."""

from __future__ import annotations

import io
import json

import matplotlib

matplotlib.use("Agg")

import openpyxl  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from analysis_tables import CATALOG, DOCUMENTS, bench, frame, obs, target, targets  # noqa: E402

from greenmetrics import analysis, charts, export, paths, report_run  # noqa: E402
from greenmetrics.report_run import KEY_FIGURES, ReportRun  # noqa: E402
from greenmetrics.schemas import empty_table  # noqa: E402


def hand_run(**settings) -> ReportRun:
    """Two regions with a target each: 甲县's green building share (80% by 2025; 70% observed in
    2023 and 2024, 72% in 2025: never met) and 乙省's (75%, met with 76% in 2024)."""
    documents = DOCUMENTS.assign(
        title_zh=lambda d: d.region_zh + "绿色低碳发展实施方案",
        doc_number=None,
        file=lambda d: d.doc_id + ".txt",
    )
    charts.set_regions(documents["region_zh"])
    return ReportRun(
        documents=documents,
        targets=targets(
            target("T1", "甲县", "green_share", 80), target("T2", "乙省", "green_share", 75)
        ),
        milestones=empty_table("milestones"),
        benchmarks=frame(bench("province", "甲省", "green_share", 75)),
        observations=frame(
            obs("甲县", "green_share", 2023, 70),
            obs("甲县", "green_share", 2024, 70, line=3),
            obs("乙省", "green_share", 2024, 76, line=4),
            obs("甲县", "green_share", 2025, 72, line=5),
        ),
        catalog=CATALOG,
        review=empty_table("review"),
        **settings,
    )


def test_each_analysis_frame_is_computed_once_and_shared(monkeypatch):
    calls: dict[str, int] = {}

    def counted(name):
        real = getattr(analysis, name)

        def wrapper(*args, **kwargs):
            calls[name] = calls.get(name, 0) + 1
            return real(*args, **kwargs)

        monkeypatch.setattr(analysis, name, wrapper)

    wrapped = ("scorecard", "target_gaps", "compare_regions", "trajectories", "target_benchmarks")
    for name in wrapped:
        counted(name)
    run = hand_run()
    assert calls == {}  # nothing is computed before it is asked for
    first = run.scorecard
    sheets = run.workbook_sheets
    assert run.scorecard is first is sheets["scorecard"]
    assert sheets["gaps"] is run.gaps and sheets["trajectories"] is run.trajectories
    for frame_name in ("drawn_benchmarks", "target_benchmarks", "focus_comparison", "comparison",
                       "workbook_sheets", "gaps", "trajectories"):  # fmt: skip
        getattr(run, frame_name)
    # the comparison twice: every indicator, and the focus regions' shared ones
    assert calls == dict.fromkeys(wrapped, 1) | {"compare_regions": 2}


def test_the_frames_are_judged_with_the_runs_year_and_lead_with_its_focus():
    early = hand_run(as_of_year=2024, focus=("乙省",))
    late = hand_run(as_of_year=2026, focus=("甲县",))
    assert early.scorecard.region_zh.tolist() == ["乙省", "甲县"]
    assert late.scorecard.region_zh.tolist() == ["甲县", "乙省"]
    # 甲县's 80%: judged in 2024 (the 2025 figure not yet out) still open; in 2026 missed
    verdict = {
        r: v for r, v in zip(early.scorecard.region_zh, early.scorecard.verdict, strict=True)
    }
    assert verdict["乙省"] == "met" and verdict["甲县"] != "missed"
    assert late.scorecard.set_index("target_id").at["T1", "verdict"] == "missed"
    direct = analysis.scorecard(
        early.targets, early.documents, early.benchmarks, early.observations, CATALOG,
        as_of_year=2024, first_regions=("乙省",),
    )  # fmt: skip
    pd.testing.assert_frame_equal(early.scorecard, direct)
    direct_gaps = analysis.target_gaps(
        early.targets, early.documents, early.benchmarks, early.observations, CATALOG, 2024
    )
    pd.testing.assert_frame_equal(early.gaps, direct_gaps)
    assert early.focus_indicators == ["green_share"]


def test_the_sources_name_every_plan_and_reference_row():
    run = hand_run()
    kinds = run.sources.groupby("kind").size().to_dict()
    assert kinds == {"plan": len(DOCUMENTS), "benchmark": 1, "observation": 4}
    plans = run.sources[run.sources.kind == "plan"]
    assert plans.source.tolist() == [f"{d}.txt" for d in DOCUMENTS.doc_id]


@pytest.mark.slow  # draws the key charts and saves them as PNG
def test_a_key_figure_is_the_png_a_notebook_saves(tmp_path):
    run = hand_run()
    images = run.key_figures("en")
    gaps = run.figure("gaps", "en")
    assert list(images)[1] == charts.figure_title(gaps) == "Plan targets against benchmarks"
    saved = charts.save_figure(gaps, "gaps_en", tmp_path, formats=["png"])
    assert images[charts.figure_title(gaps)] == saved[0].read_bytes()
    assert all(png.startswith(b"\x89PNG") for png in images.values())
    with pytest.raises(ValueError, match="choose from"):
        run.figure("no_such_chart", "en")


@pytest.mark.slow  # draws the key charts and the trajectories
def test_the_key_figures_end_with_the_focus_regions_trajectories_as_notebook_04_draws_them():
    run = hand_run(focus=("甲县",))
    images = run.key_figures("zh")
    drawn = run.trajectory_figures("zh")  # every region's, as notebook 04 shows them
    assert [stem for stem, _ in drawn] == ["trajectories_1", "trajectories_2"]
    # each chart under its title in the workbook's language; the focus region's trajectories
    # last, their caption naming 甲县
    titles = [charts.figure_title(run.figure(name, "zh")) for name in KEY_FIGURES]
    assert list(images) == [*titles, "目标路径与实际进展·甲县"]
    assert not any(stem in title for title in images for stem in ("_", "trajectories"))
    assert list(images.values())[-1] == charts.rendered_bytes(drawn[0][1], "png")
    # a run whose focus regions have no trajectory embeds the key charts alone
    assert list(hand_run(focus=("丙市",)).key_figures("zh")) == titles


@pytest.mark.slow  # draws the key charts twice and writes a workbook
def test_the_workbook_embeds_the_runs_charts_with_no_figure_on_disk(tmp_path, monkeypatch):
    # no notebook has saved a figure: the charts come from the run, not from reports/figures
    monkeypatch.setattr(paths, "REPORTS_DIR", tmp_path)
    monkeypatch.setattr(paths, "LAB_DIR", tmp_path / "lab")
    run = hand_run()
    data = export.workbook_bytes(
        run.workbook_sheets, images=run.key_figures("zh"), lang="zh", regions=run.focus
    )
    assert data == export.workbook_bytes(
        run.workbook_sheets, images=run.key_figures("zh"), lang="zh", regions=run.focus
    )  # drawn again, the same bytes
    assert not list(tmp_path.rglob("*.png"))
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert len(workbook.worksheets[-1]._images) == len(KEY_FIGURES)


def test_notebook_05_takes_its_charts_from_the_run():
    notebook = json.loads((paths.NOTEBOOKS_DIR / "05_report_export.ipynb").read_text("utf-8"))
    code = "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code")
    assert "run.key_figures(LANG)" in code and "run.workbook_sheets" in code
    for reads_saved_figures in ("figures", "glob(", "output_dir", ".png"):
        assert reads_saved_figures not in code.replace("key_figures", ""), reads_saved_figures
    assert report_run.FIGURES.keys() >= set(KEY_FIGURES)
