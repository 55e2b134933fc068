"""The numbers a reader meets in one notebook agree: the analysis run on the shipped plans as
notebook 02 and 04 run it, the finding sentences and chart subtitles rendered in both languages,
their numbers parsed back from the text and compared with each other and with the frames.

A sentence and a subtitle that count the same thing two ways (the seed scorecard said 3 met,
the gaps sentence 5 achieved) fail here whichever of them is wrong.
"""

from __future__ import annotations

import functools
import re

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

from greenmetrics import charts, notes, settings, views, words  # noqa: E402

# every test reads the tables of the shipped corpus (extracted on a fresh clone)
pytestmark = pytest.mark.slow

VERDICT_ORDER = ("met", "missed", "on_track", "off_track", "no_data")


@functools.cache
def run():
    """The frames of notebooks 02 and 04 on the shipped plans, from one report run."""
    shipped = views.load_all()
    return shipped, shipped.scorecard, shipped.drawn_benchmarks, shipped.trajectories


def subtitle(fig) -> str:
    """The subtitle a chart prints (its lines joined back into one sentence)."""
    texts = [t for t in fig.texts if t.get_gid() == "greenmetrics-subtitle"]
    assert len(texts) == 1
    return texts[0].get_text().replace("\n", "" if "，" in texts[0].get_text() else " ")


def numbers(text: str) -> list[int]:
    return [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", text)]


def verdict_numbers(text: str, lang: str) -> list[dict[str, int]]:
    """Every run of the five verdict counts in `text`, in the scorecard's words, in order."""
    found = []
    names = [re.escape(words.code_word("verdict", v, lang)) for v in VERDICT_ORDER]
    if lang == "zh":
        pattern = "、".join(rf"{n}(\d+)项" for n in names)
    else:  # 'met 2, missed 0' in a sentence; '2 met, 0 missed' in a subtitle
        pattern = r",? ".join(rf"(?:{n} (\d+)|(\d+) (?:with )?{n})" for n in names)
    for match in re.finditer(pattern, text):
        values = [int(v) for v in match.groups() if v is not None]
        found.append(dict(zip(VERDICT_ORDER, values, strict=True)))
    return found


def counted(card) -> dict[str, int]:
    """The verdicts of the judged rows, counted here from the frame itself."""
    judged = card[card["observed_value"].notna()]
    return {v: int((judged["verdict"] == v).sum()) for v in VERDICT_ORDER}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_scorecard_sentence_its_chart_and_the_frame_count_alike(lang):
    frames, card, _, _ = run()
    focus = card[card.region_zh.isin(settings.FOCUS_REGIONS)]
    sentence = views.finding_scorecard(card, lang, frames.documents, settings.FOCUS_REGIONS)
    of_focus, of_all = verdict_numbers(sentence, lang)
    assert of_focus == counted(focus) and of_all == counted(card)
    chart = subtitle(charts.plot_scorecard(focus, lang, documents=frames.documents))
    assert verdict_numbers(chart, lang) == [of_focus]
    # the chart and the sentence say how many of the focus rows have an observation
    judged_focus = int(focus["observed_value"].notna().sum())
    assert numbers(chart)[0] == judged_focus == sum(of_focus.values())
    assert judged_focus in numbers(sentence.split("。" if lang == "zh" else ". ")[0])
    # every target of the card is counted once: judged + without an observation = all
    share = views.finding_observed_share(card, frames.conflicts, lang)
    n, judged = numbers(share)[0:2] if lang == "zh" else numbers(share)[1::-1]
    assert n == len(card) and judged == sum(of_all.values())
    assert str(n - judged) in re.findall(r"\d+", sentence.rsplit("；" if lang == "zh" else ";")[-1])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_gaps_sentence_counts_the_pairs_its_chart_draws(lang):
    frames, _, drawn, _ = run()
    sentence = views.finding_gaps(drawn, lang)
    chart = subtitle(charts.plot_gaps(drawn, lang, documents=frames.documents))
    pairs, above, equal, below = numbers(chart)
    assert numbers(sentence)[:4] == [pairs, above, equal, below]
    assert above + equal + below == pairs > 0
    comparable = drawn[drawn.benchmark_value.notna() & drawn.is_comparable.ne(False)]
    assert pairs == len(comparable) and above == int((comparable.ambition > 1e-9).sum())


def test_one_verdict_per_target_in_the_scorecard_and_the_trajectories():
    frames, card, _, paths_ = run()
    drawn = paths_.drop_duplicates("target_id").set_index("target_id")["verdict"]
    judged = card.set_index("target_id").loc[drawn.index, "verdict"]
    assert (drawn == judged).all(), drawn[drawn != judged]
    # the trajectories' subtitle counts the met verdicts of the panels with observed points
    observed = paths_[paths_.target_id.isin(paths_.loc[paths_.series == "observed", "target_id"])]
    for lang in ("zh", "en"):
        n, met = numbers(
            subtitle(charts.plot_trajectory(observed, lang, documents=frames.documents))
        )
        assert met == observed.drop_duplicates("target_id").verdict.eq("met").sum() <= n


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_verdict_and_its_note_never_disagree(lang):
    _, card, _, _ = run()
    says_met = re.compile("已达到目标|已实现" if lang == "zh" else r"meets the target|\bmet\b")
    says_missed = re.compile("未实现" if lang == "zh" else r"\bmissed\b")
    rows = card[card.verdict_note.notna()]
    assert len(rows)
    for _, row in rows.iterrows():
        verdict, text = row["verdict"], notes.row_text(row, "verdict_note", lang)
        assert bool(says_met.search(text)) == (verdict == "met"), (verdict, text)
        assert bool(says_missed.search(text)) == (verdict == "missed"), (verdict, text)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_workbook_summary_counts_the_focus_regions_as_the_sentence_does(lang):
    import io

    import openpyxl

    from greenmetrics import export
    from greenmetrics.workbook import reader_tables

    frames, card, _, _ = run()
    sheets = {"scorecard": card, "documents": frames.documents, "targets": frames.targets}
    data = export.workbook_bytes(sheets, lang=lang, regions=settings.FOCUS_REGIONS)
    summary = openpyxl.load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
    rows = list(summary.iter_rows(values_only=True))
    header = next(r for r in rows if r[0] == reader_tables.word("column", "region_zh", lang))
    judged_at = header.index(reader_tables.word("text", "n_judged", lang))
    met_at = header.index(reader_tables.word("text", "n_met", lang))
    below = rows[rows.index(header) + 1 :]  # one row per focus region, in their order
    assert len(below) >= len(settings.FOCUS_REGIONS)
    for region, row in zip(settings.FOCUS_REGIONS, below, strict=False):
        sentence = views.finding_scorecard(card, lang, frames.documents, [region])
        first = numbers(sentence.split("。" if lang == "zh" else ". ")[0])
        # 以2026年判定，X的11项目标中0项… / Judged in 2026: 0 of the 11 targets…
        judged = first[2] if lang == "zh" else first[1]
        met = verdict_numbers(sentence, lang)[0]["met"]
        assert (row[judged_at], row[met_at]) == (judged, met), (region, row)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_cross_region_sentence_and_subtitle_name_one_spread(lang):
    from greenmetrics.charts.comparison import comparison_takeaway

    shipped, *_ = run()
    comparison = shipped.focus_comparison
    chart = comparison_takeaway(comparison, lang)
    sentence = views.finding_comparison(comparison, lang)
    n = numbers(chart)[0]
    assert n == numbers(sentence)[0] == comparison.indicator_id.nunique()
    # the same indicator, by the name its panel has, and the same low and high values
    widest = re.split(r"[（(]", chart.split("是" if lang == "zh" else " is ")[-1])[0].strip()
    assert widest and widest in sentence
    assert numbers(chart)[1:3] == numbers(sentence.split(widest)[-1])[:2]
