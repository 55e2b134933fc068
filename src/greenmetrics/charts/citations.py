"""The short source line of a chart (`short_source_text`): the plans by short name and the
reference documents counted by publisher (the country or a province), in one or two lines;
the full list of sources is the workbook's sources sheet."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from ..gazetteer import shipped_gazetteer
from ..regions import PROVINCES, region_order
from ..words import short_region_name
from .chart_words import colon, label, list_separator, plain


def unique_texts(values: Iterable[object]) -> list[str]:
    out = {str(v).strip() for v in values if isinstance(v, str) and v.strip()}
    return sorted(out)


def provenance(df: pd.DataFrame) -> dict[str, list[str]]:
    """The sources of a frame, read from its provenance columns.

    Returns {'plans': sorted doc ids (columns `doc_id` / `*_doc_id`), 'references': sorted
    source titles (`source_title` / `*_source_title`)}. This is what a chart cites, so the
    source line can never drift from the numbers drawn.
    """
    plans: list[object] = []
    refs: list[object] = []
    for column in df.columns:
        if column == "doc_id" or column.endswith("_doc_id"):
            plans.extend(df[column].tolist())
        elif column == "source_title" or column.endswith("_source_title"):
            refs.extend(df[column].tolist())
    return {"plans": unique_texts(plans), "references": unique_texts(refs)}


def _plan_names(plan_ids: Sequence[str], documents: pd.DataFrame, lang: str) -> list[str]:
    """The plans of `plan_ids` by short name: the region and the document's own short title."""
    docs = documents.drop_duplicates("doc_id").set_index("doc_id")
    names = []
    for doc_id in plan_ids:
        if doc_id not in docs.index:
            names.append(plain(doc_id))
            continue
        region = docs.loc[doc_id].get("region_zh", doc_id)
        names.append(plain(short_region_name(region, lang, documents)))
    return names


def _title_province(title: str) -> str | None:
    """The province a source's title names: a province itself, else the province of the first
    division the gazetteer finds in it (a prefecture's bulletin, 临夏州2025年…状况 -> 甘肃省);
    None for a national source."""
    province = next((p for p in PROVINCES if p in title), None)
    if province is not None:
        return province
    gazetteer = shipped_gazetteer()
    for name in gazetteer.mentions(title):
        division = gazetteer.find_region(name)
        if division is not None:
            return gazetteer.province(division).name
    return None


def _publishers(titles: Sequence[str], documents: pd.DataFrame | None, lang: str) -> list[str]:
    """The publishers of reference documents: the country, or the province a title names
    (directly, or through one of its prefectures or counties)."""
    national, provinces = 0, {}
    for title in titles:
        province = _title_province(title)
        if province is None:
            national += 1
        else:
            provinces[province] = provinces.get(province, 0) + 1
    parts = []
    if national:
        parts.append(label("source_refs_national", lang, n=national))
    if provinces:
        # NOTE: a province's short name from the gazetteer: no plan of it need be drawn
        shown = [short_region_name(p, lang) for p in region_order(provinces)]
        parts.append(
            label(
                "source_refs_province", lang, n=sum(provinces.values()),
                names=list_separator(lang).join(map(plain, shown)),
            )
        )  # fmt: skip
    return parts


def short_source_text(
    sources: pd.DataFrame | dict, documents: pd.DataFrame, lang: str, max_names: int = 4
) -> str:
    """The source line of a chart in one or two lines: the plans by short name (the first
    `max_names`, then 'etc.'), the reference documents counted by publisher (the country or
    a province), and where the full list is (the workbook's sources sheet)."""
    if isinstance(sources, pd.DataFrame):
        sources = provenance(sources)
    sep = list_separator(lang)
    plans = sources.get("plans") or []
    parts = []
    if plans:
        names = _plan_names(plans, documents, lang)
        shown = sep.join(names[:max_names])
        if len(names) > max_names:
            shown += ("" if lang == "zh" else " ") + label("source_plan_more", lang)
        parts.append(label("source_plan_count", lang, n=len(plans), names=shown))
    parts.extend(_publishers(sources.get("references") or [], documents, lang))
    body = ("；" if lang == "zh" else "; ").join(parts) or label("no_data", lang)
    return f"{label('source', lang)}{colon(lang)}{body}{'；' if lang == 'zh' else '; '}" + label(
        "source_workbook", lang
    )
