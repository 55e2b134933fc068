"""The finding sentences of the report: one or two sentences per notebook, built from the data
in Chinese or English, so a notebook states what its chart shows without typing a number.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import pandas as pd

from .analysis.benchmarks import ambition_counts
from .analysis.comparison import widest_spread
from .analysis.scorecard import verdict_counts
from .charts import check_lang, label
from .charts.panel_helpers import indicator_name, number_text
from .charts.style import list_separator, unit_text
from .schemas.vocabularies import VERDICTS
from .words import fill, region_name


class ReportFrames(Protocol):
    """The tables a report run reads (`report_run.ReportRun` is one)."""

    documents: pd.DataFrame
    targets: pd.DataFrame
    milestones: pd.DataFrame
    review: pd.DataFrame


def _say(lang: str, zh: str, en: str, **values: Any) -> str:
    """The sentence in `lang`, by `words.fill`: a count's English words agree with it
    ('{n} {n:plan holds|plans hold}')."""
    return fill(zh if check_lang(lang) == "zh" else en, **values)


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
        "{n_docs} {n_docs:plan holds|plans hold} {n} quantitative {n:target|targets} and {m} dated "
        "{m:commitment|commitments}; {mapped} {mapped:target maps|targets map} to the indicator "
        "catalog. {top} sets the most ({top_n}). {unreported} other {unreported:number|numbers} in "
        "the texts {unreported:was|were} not reported as {unreported:a target|targets} and "
        "{unreported:is|are} listed for review.",
        n_docs=len(frames.documents),
        n=len(t),
        m=len(frames.milestones),
        mapped=int(t.indicator_id.notna().sum()),
        top=region_name(top.index[0], lang, frames.documents, short=True) if len(top) else "-",
        top_n=int(top.iloc[0]) if len(top) else 0,
        unreported=unreported,
    )


def finding_gaps(pairs: pd.DataFrame, lang: str) -> str:
    """How the plans' targets compare with their benchmarks: the comparable pairs of `pairs`
    (the frame the gaps chart draws) counted as its subtitle counts them
    (`analysis.ambition_counts`). Where targets stand is the scorecard's sentence, not this
    one: one question, one count."""
    counts = ambition_counts(pairs)
    return _say(
        lang,
        "图中{n}组可比的目标与对标值（省级或全国）中，{above}组高于、{equal}组等于、"
        "{below}组低于对标值；面积、数量、装机等规模指标不与上级地区比较。",
        "Of the {n} comparable {n:pair|pairs} of a target and a benchmark drawn (provincial or "
        "national), {above} {above:is|are} more ambitious, {equal} equal and {below} less "
        "ambitious; "
        "sizes (areas, counts, capacities) are not set against a larger region's.",
        n=counts["pairs"],
        above=counts["above"],
        equal=counts["equal"],
        below=counts["below"],
    )


def finding_comparison(comparison: pd.DataFrame, lang: str) -> str:
    """How many indicators are compared, how many targets are not comparable, and the widest
    like-with-like spread with its unit (a gap of shares in percentage points)."""
    plans = comparison[comparison.origin == "plan"]
    set_ = plans[plans.has_target.eq(True)]
    not_comparable = set_[set_.is_comparable.eq(False)]
    missing = plans[plans.has_target.eq(False)]
    # the benchmarks beside the plans (a province's, the country's) are judged alike and listed
    # with them, so the sentence counts them too, apart from the plans' own targets
    others = comparison[comparison.origin.ne("plan") & comparison.is_comparable.eq(False)]
    head = _say(
        lang,
        "共对比{k}个指标；{nc}项规划目标和{nb}项上级或全国目标因类型、年份、单位或范围不同而"
        "标为不可比，{missing}处为“规划未设目标”。",
        "{k} {k:indicator is|indicators are} compared; {nc} {nc:plan target|plan targets} and "
        "{nb} {nb:benchmark|benchmarks} are marked not comparable (kind, year, unit or scope "
        "differ) and {missing} {missing:cell is|cells are} 'no target in plan'. ",
        k=plans.indicator_id.nunique(),
        nc=len(not_comparable),
        nb=len(others),
        missing=len(missing),
    )
    spread = widest_spread(set_)
    if spread is None or spread["high"] == spread["low"]:
        return head + _say(lang, "没有取值不同的可比目标。", "No comparable targets differ.")
    unit = spread["unit"]
    gap_unit = "个百分点" if unit == "%" else unit
    name = indicator_name(
        spread["indicator_id"], spread["indicator_zh"], spread["indicator_en"], lang
    )
    sep = "" if lang == "zh" or unit in ("%", "") else " "
    if spread["is_size"]:  # a spread of sizes says how large regions are, not how ambitious
        return head + _say(
            lang,
            "可比的比率目标取值相同；同级地区规模相差最大的是{widest}：{low}—{high}{unit}"
            "（这是规模之差，不是目标高低）。",
            "Comparable rates agree; the widest spread of sizes among regions of one level is "
            "{widest}: {low}-{high}{sep}{unit} (a difference of size, not of ambition).",
            widest=name,
            low=number_text(spread["low"]),
            high=number_text(spread["high"]),
            unit=unit_text(unit, lang),
            sep=sep,
        )
    return head + _say(
        lang,
        "可比的比率目标中差距最大的是{widest}：{low}—{high}{unit}（相差{gap}{gap_unit}）。",
        "The widest spread among comparable rates is {widest}: {low}-{high}{sep}{unit} "
        "({gap} {gap_unit} apart).",
        widest=name,
        low=number_text(spread["low"]),
        high=number_text(spread["high"]),
        gap=number_text(spread["high"] - spread["low"]),
        unit=unit_text(unit, lang),
        gap_unit=unit_text(gap_unit, lang),
        sep=sep,
    )


def finding_trajectories(paths_: pd.DataFrame, lang: str) -> str:
    """How many targets have observed points and a projection to their year."""
    observed = paths_[paths_.series == "observed"].target_id.nunique()
    projected = paths_[paths_.series == "projection"].target_id.nunique()
    return _say(
        lang,
        "{n}项目标绘制了目标路径，其中{obs}项有观测值、{proj}项可按观测趋势外推到目标年。",
        "{n} {n:target has|targets have} a target path; {obs} {obs:has|have} observed points and "
        "{proj} can be projected from the observed trend to their target year.",
        n=paths_.target_id.nunique(),
        obs=observed,
        proj=projected,
    )


def finding_milestones(timeline: pd.DataFrame, lang: str) -> str:
    """The span of years and the most common commitment."""
    if timeline.empty:
        return _say(lang, "没有定性承诺。", "No dated commitments.")
    common = timeline.commitment_zh.value_counts()
    word = common.index[0]
    if lang == "en":  # the commitment glossary of words.csv
        word = label(f"commitment_{word}", "en", default=word)
    return _say(
        lang,
        "{n}项定性承诺分布在{first}—{last}年，最常见的是“{word}”（{k}项）。",
        "{n} dated {n:commitment falls|commitments fall} in {first}-{last}; the most common is "
        "“{word}” ({k}).",
        n=len(timeline),
        first=int(timeline.target_year.min()),
        last=int(timeline.target_year.max()),
        word=word,
        k=int(common.iloc[0]),
    )


def _verdict_clause(counts: dict[str, int], lang: str) -> str:
    """The verdicts of `verdict_counts` in the scorecard's words (已实现3项、… / met 3, …)."""
    if lang == "zh":
        return "、".join(f"{label(f'verdict_{v}', lang)}{counts[v]}项" for v in VERDICTS)
    return ", ".join(f"{label(f'verdict_{v}', lang)} {counts[v]}" for v in VERDICTS)


def finding_scorecard(
    card: pd.DataFrame,
    lang: str,
    documents: pd.DataFrame | None = None,
    focus: Sequence[str] = (),
) -> str:
    """The verdicts of a scorecard, counted as its chart counts them (`verdict_counts`): first
    of the `focus` regions (the rows their chart shows), then of every region; regions named
    in `lang` (English names from `documents`)."""
    documents = documents if documents is not None else pd.DataFrame(columns=["region_zh"])
    sep = list_separator(lang)
    year = int(card.as_of_year.iloc[0]) if len(card) else 0
    text = ""
    mine = card[card.region_zh.isin(list(focus))]
    if len(mine):
        c = verdict_counts(mine)
        text = _say(
            lang,
            "以{year}年判定，{names}的{n}项目标中{judged}项有本地区观测数据：{verdicts}。",
            "Judged in {year}: {judged} of the {n} {n:target|targets} of {names} {judged:has|have} "
            "an observation of their own region: {verdicts}. ",
            year=year,
            names=sep.join(
                region_name(r, lang, documents, short=True) for r in dict.fromkeys(mine.region_zh)
            ),
            n=c["targets"],
            judged=c["judged"],
            verdicts=_verdict_clause(c, lang),
        )
    c = verdict_counts(card)
    judged = card[card.observed_value.notna()].region_zh.drop_duplicates()
    return text + _say(
        lang,
        "全部{n}项目标中{judged}项有本地区观测数据（{regions}）：{verdicts}；"
        "其余{missing}项暂无本地区观测数据（其中{context}项可参照所在市或省的数据）。",
        "Of all {n} {n:target|targets}, {judged} {judged:has|have} an observation of their own "
        "region ({regions}): {verdicts}; the other {missing} {missing:has|have} none yet "
        "({context} of them {context:has|have} a figure of their city or province for context).",
        n=c["targets"],
        judged=c["judged"],
        regions=sep.join(region_name(r, lang, documents, short=True) for r in judged) or "-",
        verdicts=_verdict_clause(c, lang),
        missing=c["missing"],
        context=c["context"],
    )


def finding_coverage(targets: pd.DataFrame, documents: pd.DataFrame, lang: str) -> str:
    """What the plans target across the corpus: how many plans set a mapped target in each
    theme (the most and the least common), and how many set none."""
    mapped = targets[targets.indicator_id.notna() & targets.theme.notna()]
    per_theme = mapped.groupby("theme").region_zh.nunique().sort_values(ascending=False)
    regions = documents.region_zh.nunique()
    without = regions - mapped.region_zh.nunique()
    if per_theme.empty:
        return _say(lang, "没有对应到指标目录的目标。", "No target maps to the indicator catalog.")
    return _say(
        lang,
        "{regions}个地区中，{most_n}个对“{most}”设定了目标，只有{least_n}个涉及“{least}”；"
        "{without}个地区的规划没有可对应到指标目录的量化目标。",
        "Of {regions} {regions:region|regions}, {most_n} {most_n:sets|set} targets on {most} and "
        "only {least_n} on {least}; {without} {without:plan holds|plans hold} no quantitative "
        "target that maps to the indicator catalog.",
        regions=regions,
        most=label(f"theme_{per_theme.index[0]}", lang, default=per_theme.index[0]),
        most_n=int(per_theme.iloc[0]),
        least=label(f"theme_{per_theme.index[-1]}", lang, default=per_theme.index[-1]),
        least_n=int(per_theme.iloc[-1]),
        without=without,
    )


def finding_observed_share(card: pd.DataFrame, conflicts: pd.DataFrame | None, lang: str) -> str:
    """The share of a scorecard's targets with an observation of their own region (the value
    that judges them), where those observations come from (curated, read from documents or
    both), and how many conflicts between sources the workbook lists."""
    judged = card[card.observed_value.notna()]
    counts = verdict_counts(card)
    n, k = counts["targets"], counts["judged"]
    origin = (
        judged.observation_origin.value_counts()
        if "observation_origin" in judged
        else pd.Series(dtype=int)
    )
    return _say(
        lang,
        "{n}项目标中有{k}项（{share}）有本地区的观测数据可供判定：{curated}项来自整理数据、"
        "{extracted}项来自文件提取、{mixed}项两者兼有。来源数值不一致{c}处，"
        "已列入工作簿“来源冲突”表并注明采用值。",
        "{k} of {n} {n:target|targets} ({share}) {k:has|have} an observation of their own region "
        "to judge them: "
        "{curated} from curated data, {extracted} read from documents, {mixed} from both. "
        "Conflicting sources: {c}, listed in the workbook's conflicts sheet with the value "
        "used.",
        n=n,
        k=k,
        share=f"{100 * k / n:.0f}%" if n else "0%",
        curated=int(origin.get("curated", 0)),
        extracted=int(origin.get("extracted", 0)),
        mixed=int(origin.get("mixed", 0)),
        c=0 if conflicts is None else len(conflicts),
    )
