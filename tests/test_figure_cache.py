"""A report run renders a chart only when what it is drawn from changed since the last run:
the same tables, language, colours, focus and code give the stored bytes back without drawing
them again; anything else is another digest and a new rendering. Charts are never kept outside
a report run (no cache folder named), and the renderings a run did not use are removed."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from test_report_run import hand_run  # noqa: E402

from greenmetrics import charts, figure_cache  # noqa: E402

pytestmark = pytest.mark.slow  # draws and renders charts


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "rendered"
    monkeypatch.setenv(figure_cache.FIGURE_CACHE_VARIABLE, str(folder))
    return folder


def digest(fig: Figure) -> str | None:
    return getattr(fig, figure_cache.DIGEST_ATTRIBUTE, None)


def test_a_chart_drawn_again_from_the_same_inputs_is_not_rendered_again(cache, monkeypatch):
    first = charts.rendered_bytes(hand_run().figure("gaps", "en"), "png")
    assert [p.suffix for p in cache.iterdir()] == [".png"]
    fig = hand_run().figure("gaps", "en")
    monkeypatch.setattr(Figure, "savefig", lambda *a, **k: pytest.fail("rendered again"))
    assert charts.rendered_bytes(fig, "png") == first


def test_the_stored_bytes_are_those_of_a_rendering_without_the_cache(cache, monkeypatch):
    svg = charts.rendered_bytes(hand_run().figure("scorecard_focus", "zh"), "svg")
    again = charts.rendered_bytes(hand_run().figure("scorecard_focus", "zh"), "svg")
    monkeypatch.delenv(figure_cache.FIGURE_CACHE_VARIABLE)
    fig = hand_run().figure("scorecard_focus", "zh")
    assert digest(fig) is None  # no report run: nothing keyed, nothing kept
    assert svg == again == charts.rendered_bytes(fig, "svg")
    assert len(list(cache.iterdir())) == 1


def test_another_table_language_year_focus_or_colour_is_another_digest(cache):
    seen = [digest(hand_run().figure("scorecard_others", "zh"))]
    seen.append(digest(hand_run().figure("scorecard_others", "en")))
    seen.append(digest(hand_run(as_of_year=2030).figure("scorecard_others", "zh")))
    run = hand_run()
    run.targets.loc[0, "value"] = 81.0  # one number of one target
    seen.append(digest(run.figure("scorecard_others", "zh")))
    run = hand_run()
    charts.set_focus(["乙省"])
    try:
        seen.append(digest(run.figure("scorecard_others", "zh")))
    finally:
        charts.set_focus(None)
    run = hand_run()
    charts.set_regions(["乙省"])  # 甲县 coloured when drawn: other colours
    seen.append(digest(run.figure("scorecard_others", "zh")))
    assert None not in seen and len(set(seen)) == len(seen)


def test_the_digest_is_the_same_in_a_fresh_process(cache):
    here = digest(hand_run().figure("cross_region_all", "zh"))
    code = (
        "from test_report_run import hand_run; from greenmetrics import figure_cache; "
        "fig = hand_run().figure('cross_region_all', 'zh'); "
        "print(getattr(fig, figure_cache.DIGEST_ATTRIBUTE))"
    )
    tests = Path(__file__).resolve().parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tests), *sys.path])}
    env["MPLBACKEND"] = "Agg"
    env["PYTHONHASHSEED"] = "1"  # another seed than this process's: no set order leaks in
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == here


def test_prune_keeps_only_what_the_last_run_stored_or_used(cache):
    charts.rendered_bytes(hand_run().figure("gaps", "en"), "png")
    charts.rendered_bytes(hand_run().figure("milestones", "en"), "png")
    long_ago = time.time() - 3600
    for entry in cache.iterdir():
        os.utime(entry, (long_ago, long_ago))
    started = time.time() - 1
    fig = hand_run().figure("gaps", "en")
    charts.rendered_bytes(fig, "png")  # used by this run
    assert figure_cache.prune(cache, started) == 1
    assert [p.name for p in cache.iterdir()] == [f"{digest(fig)}.png"]


def test_a_plans_bytes_or_the_row_labels_are_not_what_a_chart_is_drawn_from(cache):
    run = hand_run()
    card, documents = run.scorecard, run.documents
    drawn = digest(charts.plot_scorecard(card, "en", documents=documents))
    edited = documents.assign(sha256="another plan text", n_chars=1)  # a plan edited
    relabelled = card.set_axis(card.index + 7)  # a row added for another region before these
    assert digest(charts.plot_scorecard(relabelled, "en", documents=edited)) == drawn
    renamed = documents.assign(region_en="Region")  # what the chart prints did change
    assert digest(charts.plot_scorecard(card, "en", documents=renamed)) != drawn
