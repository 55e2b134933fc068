"""The finding sentences of the report: one or two sentences per notebook, built from the data
in Chinese or English, so a notebook states what its chart shows without typing a number.
"""

from __future__ import annotations

from typing import Any, Protocol

import pandas as pd

from .charts import check_lang


class ReportFrames(Protocol):
    """The tables a report run reads (`views.Frames` is one)."""

    documents: pd.DataFrame
    targets: pd.DataFrame
    milestones: pd.DataFrame
    review: pd.DataFrame


def _say(lang: str, zh: str, en: str, **values: Any) -> str:
    return (zh if check_lang(lang) == "zh" else en).format(**values)


def finding_targets(frames: ReportFrames, lang: str) -> str:
    """How many targets, from how many plans, how many mapped, what to review."""
    t = frames.targets
    top = t.groupby("region_zh").size().sort_values(ascending=False)
    unreported = int(
        (frames.review.get("category", pd.Series(dtype=str)) == "unreported_number").sum()
    )
    return _say(
        lang,
        "{n_docs}份规划共提取{n}项量化目标、{m}项定性承诺；{mapped}项已对应到指标目录。"
        "目标最多的是{top}（{top_n}项）。另有{unreported}个数字未作为目标报告，已列入复核表。",
        "{n_docs} plans hold {n} quantitative targets and {m} dated commitments; {mapped} targets map "
        "to the indicator catalog. {top} sets the most ({top_n}). {unreported} other numbers in the "
        "texts were not reported as targets and are listed for review.",
        n_docs=len(frames.documents),
        n=len(t),
        m=len(frames.milestones),
        mapped=int(t.indicator_id.notna().sum()),
        top=top.index[0] if len(top) else "-",
        top_n=int(top.iloc[0]) if len(top) else 0,
        unreported=unreported,
    )


def finding_gaps(benchmarks: pd.DataFrame, gaps: pd.DataFrame, lang: str) -> str:
    """How plans compare with the national benchmark, and the progress status counts."""
    comparable = benchmarks[
        benchmarks.is_comparable.eq(True) & (benchmarks.benchmark_level == "country")
    ]
    above = int((comparable.ambition > 1e-9).sum())
    equal = int((comparable.ambition.abs() <= 1e-9).sum())
    below = int((comparable.ambition < -1e-9).sum())
    status = gaps.status.value_counts()
    return _say(
        lang,
        "与全国目标可比的{n}项中，{above}项高于、{equal}项等于、{below}项低于全国目标。"
        "有观测数据的目标中，已实现{achieved}项、按进度{on_track}项、需加快{accel}项、滞后{off}项；"
        "{no_data}项暂无观测数据。",
        "Of {n} targets comparable with a national benchmark, {above} are more ambitious, {equal} "
        "equal and {below} less ambitious. With observations: {achieved} achieved, {on_track} on "
        "track, {accel} need acceleration, {off} off track; {no_data} have no observed data yet.",
        n=len(comparable),
        above=above,
        equal=equal,
        below=below,
        achieved=int(status.get("achieved", 0)),
        on_track=int(status.get("on_track", 0)),
        accel=int(status.get("needs_acceleration", 0)),
        off=int(status.get("off_track", 0)),
        no_data=int(status.get("no_data", 0)),
    )


def finding_comparison(comparison: pd.DataFrame, lang: str) -> str:
    """How many indicators are compared, how many pairs are not comparable and why."""
    plans = comparison[comparison.origin == "plan"]
    set_ = plans[plans.has_target.eq(True)]
    not_comparable = set_[set_.is_comparable.eq(False)]
    missing = plans[plans.has_target.eq(False)]
    widest = (
        set_[set_.is_comparable.eq(True)]
        .groupby("indicator_zh")["value"]
        .agg(lambda v: v.max() - v.min())
        .sort_values(ascending=False)
    )
    return _say(
        lang,
        "共对比{k}个指标；{nc}项目标因类型、年份、单位或范围不同而标为不可比，"
        "{missing}处为“规划未设目标”。可比目标差距最大的是{widest}（相差{gap:g}）。",
        "{k} indicators are compared; {nc} targets are marked not comparable (kind, year, unit or "
        "scope differ) and {missing} cells are 'no target in plan'. The widest spread among "
        "comparable targets is {widest} ({gap:g}).",
        k=plans.indicator_id.nunique(),
        nc=len(not_comparable),
        missing=len(missing),
        widest=widest.index[0] if len(widest) else "-",
        gap=float(widest.iloc[0]) if len(widest) else 0.0,
    )


def finding_trajectories(paths_: pd.DataFrame, lang: str) -> str:
    """How many targets have observed points and a projection to their year."""
    observed = paths_[paths_.series == "observed"].target_id.nunique()
    projected = paths_[paths_.series == "projection"].target_id.nunique()
    return _say(
        lang,
        "{n}项目标绘制了目标路径，其中{obs}项有观测值、{proj}项可按观测趋势外推到目标年。",
        "{n} targets have a target path; {obs} have observed points and {proj} can be projected "
        "from the observed trend to their target year.",
        n=paths_.target_id.nunique(),
        obs=observed,
        proj=projected,
    )


def finding_milestones(timeline: pd.DataFrame, lang: str) -> str:
    """The span of years and the most common commitment."""
    if timeline.empty:
        return _say(lang, "没有定性承诺。", "No dated commitments.")
    common = timeline.commitment_zh.value_counts()
    return _say(
        lang,
        "{n}项定性承诺分布在{first}—{last}年，最常见的是“{word}”（{k}项）。",
        "{n} dated commitments fall in {first}-{last}; the most common is “{word}” ({k}).",
        n=len(timeline),
        first=int(timeline.target_year.min()),
        last=int(timeline.target_year.max()),
        word=common.index[0],
        k=int(common.iloc[0]),
    )


def finding_scorecard(card: pd.DataFrame, lang: str) -> str:
    """The verdicts of a scorecard: how many targets are judged and how, how many cannot be."""
    judged = card[card.observed_value.notna()]
    verdicts = judged.verdict.value_counts()
    regions = judged.region_zh.drop_duplicates().tolist()
    return _say(
        lang,
        "以{year}年判定：{n}项目标中{obs}项有本地区观测数据（{regions}），其中已实现{met}项、"
        "未实现{missed}项、按进度推进{on}项、进度滞后{off}项、数据不足以判断趋势{few}项；"
        "其余{missing}项目标暂无观测数据。",
        "Judged in {year}: {obs} of {n} targets have an observation of their own region "
        "({regions}): {met} met, {missed} missed, {on} on track, {off} off track and {few} with "
        "too little data for a trend; the other {missing} targets have no observation yet.",
        year=int(card.as_of_year.iloc[0]) if len(card) else 0,
        n=len(card),
        obs=len(judged),
        regions=("、" if lang == "zh" else ", ").join(regions) or "-",
        met=int(verdicts.get("met", 0)),
        missed=int(verdicts.get("missed", 0)),
        on=int(verdicts.get("on_track", 0)),
        off=int(verdicts.get("off_track", 0)),
        few=int(verdicts.get("no_data", 0)),
        missing=len(card) - len(judged),
    )
