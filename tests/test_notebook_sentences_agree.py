"""The numbers of an executed report agree with each other and with the analysis: every count
a finding sentence prints, a chart's subtitle draws (read from the SVG, where text stays text),
a table shows and the workbook's summary holds, parsed back from the report `greenmetrics
report` wrote for the two seed plans, and compared with the frames the notebooks compute.

test_findings_agree.py renders the sentences and subtitles from frames; this reads what a
reader of the report reads, so a notebook that passes another frame to a sentence than to its
chart (the scorecard's 已实现2项 beside the gaps' 已实现3项) fails here. A doctored copy of the
report shows each kind of check can fail.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from greenmetrics import export, paths, words  # noqa: E402

LANG = "zh"  # the report's default language, which the seed report is in
VERDICTS = ("met", "missed", "on_track", "off_track", "no_data")


# -- what the report says ----------------------------------------------------------------------


@dataclass
class Notebook:
    """What a reader sees of one executed notebook: printed text, tables, plain outputs."""

    printed: list[str]
    tables: list[pd.DataFrame]
    plain: list[str]

    def sentence(self, marker: str) -> str:
        """The one printed sentence that holds `marker` (a fixed word of its template)."""
        found = [text for text in self.printed if re.search(marker, text)]
        assert len(found) == 1, (marker, self.printed)
        return found[0]

    def table(self, header: str) -> pd.DataFrame:
        """The one table shown with a column headed `header`."""
        found = [t for t in self.tables if header in t.columns]
        assert len(found) == 1, (header, [list(t.columns) for t in self.tables])
        return found[0]


def read_notebook(path: Path) -> Notebook:
    printed, tables, plain = [], [], []
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        for output in cell.get("outputs", []):
            if output["output_type"] == "stream":
                printed.append("".join(output["text"]).strip())
                continue
            data = output.get("data", {})
            if "text/html" in data:
                tables += pd.read_html(io.StringIO("".join(data["text/html"])))
            elif "text/plain" in data and "image/png" not in data:
                plain.append("".join(data["text/plain"]))
    return Notebook(printed, tables, plain)


def subtitle(svg: Path) -> str:
    """A chart's subtitle as the SVG draws it (its lines joined), or "" when it has none."""
    found = re.search(r'<g id="greenmetrics-subtitle">(.*?)</g>', svg.read_text("utf-8"), re.S)
    return "".join(re.findall(r"<text[^>]*>([^<]*)</text>", found[1])) if found else ""


def numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text)]


def verdict_runs(text: str) -> list[dict[str, int]]:
    """Every run of the five verdict counts in `text` (已实现2项、未实现0项、…), in order."""
    names = [re.escape(words.code_word("verdict", v, LANG)) for v in VERDICTS]
    pattern = "、".join(rf"{name}(\d+)项" for name in names)
    return [
        dict(zip(VERDICTS, map(int, m.groups()), strict=True)) for m in re.finditer(pattern, text)
    ]


def column(name: str) -> str:
    return export.word("column", name, LANG)


# -- what the analysis computes ----------------------------------------------------------------


@dataclass
class Frames:
    """The frames the notebooks compute, computed here from the report's own tables."""

    frames: object
    card: pd.DataFrame
    focus: pd.DataFrame
    drawn: pd.DataFrame
    comparison: pd.DataFrame
    trajectories: pd.DataFrame
    timeline: pd.DataFrame


def compute_frames(root: Path) -> Frames:
    import greenmetrics.views as gv

    with pytest.MonkeyPatch.context() as mp:
        for name, value in (("ROOT", root), ("RAW_DIR", root / "data" / "raw"),
                            ("PROCESSED_DIR", root / "data" / "processed"),
                            ("REFERENCE_DIR", root / "data" / "reference"),
                            ("REPORTS_DIR", root / "reports"),
                            ("FIGURES_DIR", root / "reports" / "figures")):  # fmt: skip
            mp.setattr(paths, name, value)
        run = gv.load_all()
        # each frame as the report run computes it for the notebooks and the workbook
        card, drawn, comparison = run.scorecard, run.drawn_benchmarks, run.focus_comparison
        trajectories, timeline = run.trajectories, run.milestones_timeline
    focus = card[card.region_zh.isin(run.focus)]
    return Frames(run, card, focus, drawn, comparison, trajectories, timeline)


def judged_counts(card: pd.DataFrame) -> dict[str, int]:
    judged = card[card.observed_value.notna()]
    return {v: int((judged.verdict == v).sum()) for v in VERDICTS}


# -- the comparisons ---------------------------------------------------------------------------


class Disagreements(list):
    def check(self, what: str, *values) -> None:
        """Record `what` when `values` (the same count, read or computed in several places)
        are not all equal."""
        if len({json.dumps(v, sort_keys=True, default=str) for v in values}) > 1:
            self.append(f"{what}: {' / '.join(map(str, values))}")


def disagreements(reports: Path, f: Frames) -> Disagreements:
    """Every count of the report in `reports` that disagrees with another or with `f`."""
    found = Disagreements()
    notebook = {
        p.stem[:2]: read_notebook(p) for p in sorted((reports / "notebooks").glob("*.ipynb"))
    }
    figures = reports / "figures"
    frames, card, focus = f.frames, f.card, f.focus

    # 01: the targets sentence, the review table and the milestones
    n_docs, n, m, mapped, top_n, unreported = numbers(notebook["01"].sentence("份规划共提取"))
    found.check("documents", n_docs, len(frames.documents))
    found.check("targets", n, len(frames.targets))
    found.check("targets mapped", mapped, int(frames.targets.indicator_id.notna().sum()))
    found.check(
        "targets of the leading region", top_n, int(frames.targets.region_zh.value_counts().max())
    )
    review_counts = next(p for p in notebook["01"].plain if "unreported_number" in p)
    shown = int(re.search(r"unreported_number\s+(\d+)", review_counts)[1])
    found.check("numbers not reported as targets", unreported, shown,
                int((frames.review.category == "unreported_number").sum()))  # fmt: skip
    milestones_sentence = notebook["04"].sentence("项定性承诺")
    found.check("milestones", m, numbers(milestones_sentence)[0],
                numbers(subtitle(figures / "milestones_zh.svg"))[0], len(frames.milestones))  # fmt: skip

    # 02: the scorecard sentence, its chart, the observed share, the gaps table
    scorecard = notebook["02"].sentence(r"以\d+年判定")
    of_focus, of_all = verdict_runs(scorecard)
    found.check("verdicts of the focus regions (sentence, frame)", of_focus, judged_counts(focus))
    found.check("verdicts of all regions (sentence, frame)", of_all, judged_counts(card))
    focus_n, focus_judged = numbers(scorecard.split("：")[0])[1:3]
    judged_focus = int(focus.observed_value.notna().sum())
    found.check("targets of the focus regions", focus_n, len(focus))
    found.check("focus targets judged", focus_judged, sum(of_focus.values()), judged_focus)
    rest = re.search(r"其余(\d+)项暂无本地区观测数据(?:（其中(\d+)项)?", scorecard)
    unjudged = card[card.observed_value.isna()]
    found.check("targets without an observation", int(rest[1]), len(unjudged))
    found.check("of them with their city's or province's figure", int(rest[2] or 0),
                int(unjudged.context_value.notna().sum()))  # fmt: skip

    chart = subtitle(figures / "scorecard_focus_zh.svg")
    found.check("verdicts of the focus regions (sentence, chart)", verdict_runs(chart), [of_focus])
    chart_judged, chart_rest, chart_context = (
        int(re.search(p, chart)[1]) if re.search(p, chart) else 0
        for p in (r"^(\d+)项有观测", r"(\d+)项暂无本地区数据", r"其中(\d+)项列出上级地区观测")
    )
    unjudged_focus = focus[focus.observed_value.isna()]
    found.check("focus targets judged (chart)", chart_judged, judged_focus)
    found.check("focus targets without an observation (chart)", chart_rest, len(unjudged_focus))
    found.check("focus targets with their city's or province's figure (chart)", chart_context,
                int(unjudged_focus.context_value.notna().sum()))  # fmt: skip

    share = notebook["02"].sentence("有本地区的观测数据可供判定")
    all_n, all_judged, _percent, curated, extracted, both, conflicts = numbers(share)[:7]
    found.check("targets of the scorecard (share)", all_n, len(card))
    found.check("targets judged (share, scorecard sentence)", all_judged, sum(of_all.values()))
    found.check("judged by origin", curated + extracted + both, all_judged)
    conflicts_table = notebook["02"].table(column("conflict_note"))
    found.check("conflicts between sources", conflicts, len(conflicts_table), len(frames.conflicts))

    gaps_table = notebook["02"].table(column("verdict"))
    shown_verdicts = gaps_table[column("verdict")].value_counts().to_dict()
    for verdict in VERDICTS[:-1]:  # a target with too little data shows no yearly pace
        word = words.code_word("verdict", verdict, LANG)
        found.check(
            f"{word} in the scorecard and the gaps table",
            of_all[verdict],
            shown_verdicts.get(word, 0),
        )
    found.check("too little data in the gaps table",
                shown_verdicts.get(words.code_word("verdict", "no_data", LANG), 0), 0)  # fmt: skip

    gaps_sentence = notebook["02"].sentence("组可比的目标与对标值")
    comparable = f.drawn[f.drawn.benchmark_value.notna() & f.drawn.is_comparable.ne(False)]
    pairs = [len(comparable), int((comparable.ambition > 1e-9).sum())]
    found.check("benchmark pairs: all, equal, lower (sentence, chart)",
                numbers(gaps_sentence)[:4], numbers(subtitle(figures / "gaps_zh.svg"))[:4])  # fmt: skip
    found.check("benchmark pairs and higher (sentence, frame)", numbers(gaps_sentence)[:2], pairs)

    # 03: the comparison, its table of targets not comparable, the coverage
    compared = notebook["03"].sentence("共对比")
    n_indicators, not_comparable = numbers(compared)[:2]
    overview = subtitle(figures / "targets_overview_zh.svg")
    cross = subtitle(figures / "cross_region_zh.svg")
    found.check("indicators the focus regions share", n_indicators, numbers(cross)[0],
                int(re.search(r"共有(\d+)项相同指标", overview)[1]),
                f.comparison.indicator_id.nunique())  # fmt: skip
    # the sentence counts the plans' targets, the table below it the benchmarks' too (see
    # test_the_targets_not_comparable_are_counted_as_their_table_lists_them)
    plans = f.comparison[f.comparison.origin.eq("plan") & f.comparison.has_target.eq(True)]
    found.check(
        "plan targets not comparable", not_comparable, int(plans.is_comparable.eq(False).sum())
    )
    shown_not_comparable = notebook["03"].table(column("comparability_note"))
    found.check("targets and benchmarks not comparable (table, frame)", len(shown_not_comparable),
                int(f.comparison.is_comparable.eq(False).sum()))  # fmt: skip
    widest = re.search(r"差距最大的是(.+?)（(\d+)—(\d+)", cross)
    found.check("the widest spread (chart, sentence)", widest.groups(),
                re.search(r"差距最大的是(.+?)：(\d+)—(\d+)", compared).groups())  # fmt: skip
    coverage = subtitle(figures / "coverage_zh.svg")
    found.check("the theme most plans target (chart, sentence)",
                re.search(r"；(.+?)是各地最常见的主题", coverage)[1],
                re.search(r"个对“(.+?)”设定了目标", notebook["03"].sentence("个地区中"))[1])  # fmt: skip
    found.check("the region with the most themes (two charts)",
                re.search(r"^(.+?)设定目标的主题最多（(\d+)个", overview).groups(),
                re.search(r"^(.+?)覆盖的主题最多（(\d+)/", coverage).groups())  # fmt: skip

    # 04: the trajectories sentence and the subtitle of each region's chart
    n_paths, observed, projected = numbers(notebook["04"].sentence("项目标绘制了目标路径"))[:3]
    paths_ = f.trajectories
    found.check("targets with a path", n_paths, paths_.target_id.nunique())
    with_points = paths_[
        paths_.target_id.isin(paths_.loc[paths_.series == "observed", "target_id"])
    ]
    charts = [numbers(subtitle(p))[:2] for p in sorted(figures.glob("trajectories_*_zh.svg"))]
    found.check("targets with observed points (sentence, charts, frame)", observed,
                sum(c[0] for c in charts), with_points.target_id.nunique())  # fmt: skip
    found.check("of them met (charts, frame)", sum(c[1] for c in charts),
                int(with_points.drop_duplicates("target_id").verdict.eq("met").sum()))  # fmt: skip
    found.check("targets projected", projected,
                paths_.loc[paths_.series == "projection", "target_id"].nunique())  # fmt: skip

    # 05: the workbook's summary of the focus regions
    summary = pd.read_excel(reports / f"greenmetrics_{LANG}.xlsx", sheet_name=0, header=None)
    header_at = summary.index[summary[0].eq(column("region_zh"))][0]
    rows = summary.iloc[header_at + 1 :].set_axis(summary.iloc[header_at], axis=1)
    judged_at, met_at = export.word("text", "n_judged", LANG), export.word("text", "n_met", LANG)
    found.check("focus targets judged (workbook, sentence)",
                int(rows[judged_at].fillna(0).astype(int).sum()), focus_judged)  # fmt: skip
    found.check("focus targets met (workbook, sentence)",
                int(rows[met_at].fillna(0).astype(int).sum()), of_focus["met"])  # fmt: skip
    return found


# -- the tests ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_frames(seed_report) -> Frames:
    return compute_frames(seed_report)


def test_every_count_of_the_report_agrees_with_the_others_and_the_analysis(
    seed_report, seed_frames
):
    found = disagreements(seed_report / "reports", seed_frames)
    assert found == [], "\n".join(found)
    # the seed report counts something: a check of zeros would prove little
    assert sum(judged_counts(seed_frames.focus).values()) > 0
    assert seed_frames.comparison.indicator_id.nunique() > 0


def doctor(path: Path, pattern: str) -> None:
    """Add one to the first number `pattern` captures in the file at `path` (a notebook's
    output, an SVG's text), as a wrong count would read."""
    text = path.read_text(encoding="utf-8")
    match = re.search(pattern, text)
    assert match, (path.name, pattern)
    start, end = match.span(1)
    path.write_text(text[:start] + str(int(match[1]) + 1) + text[end:], encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "pattern", "disagreement"),
    [
        # the scorecard sentence counts one more met target than its chart and the frame
        ("notebooks/02_target_gaps.ipynb", r"：已实现(\d+)项", "verdicts of the focus regions"),
        # the gaps chart's subtitle counts one more comparable pair than its sentence
        ("figures/gaps_zh.svg", r">(\d+)组可比", "benchmark pairs: all, equal, lower"),
        # the trajectories sentence counts one more target with observed points
        ("notebooks/04_trajectories.ipynb", r"其中(\d+)项有观测值", "targets with observed points"),
        # the cross-region sentence compares one more indicator than its chart
        (
            "notebooks/03_cross_region.ipynb",
            r"共对比(\d+)个指标",
            "indicators the focus regions share",
        ),
    ],
)
def test_a_doctored_count_is_found(seed_report, seed_frames, tmp_path, file, pattern, disagreement):
    reports = tmp_path / "reports"
    shutil.copytree(seed_report / "reports", reports)
    doctor(reports / file, pattern)
    found = disagreements(reports, seed_frames)
    assert [d for d in found if d.startswith(disagreement)], found


def test_the_targets_not_comparable_are_counted_as_their_table_lists_them(seed_report):
    notebook = read_notebook(seed_report / "reports" / "notebooks" / "03_cross_region.ipynb")
    _, plan_targets, benchmarks, *_ = numbers(notebook.sentence("共对比"))
    assert plan_targets + benchmarks == len(notebook.table(column("comparability_note")))
